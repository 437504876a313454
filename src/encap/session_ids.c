/* Per-peer session id counters. */
#include "encap/session_ids.h"

#include <string.h>

void zwh__sids_init(zwh__sids_t *s, uint8_t mask, uint32_t seed)
{
    memset(s, 0, sizeof *s);
    s->mask = mask;
    s->seed = seed;
}

/* A peer's first id: a mix of the seed and the peer address (integer hash). */
static uint8_t first_id(const zwh__sids_t *s, uint16_t node, uint8_t endpoint)
{
    uint32_t x = s->seed ^ ((uint32_t)node << 8 | endpoint);
    x ^= x >> 16;
    x *= 0x7FEB352Du;
    x ^= x >> 15;
    x *= 0x846CA68Bu;
    x ^= x >> 16;
    return (uint8_t)(x & s->mask);
}

uint8_t zwh__sids_next(zwh__sids_t *s, uint16_t node, uint8_t endpoint)
{
    zwh__sids_entry_t *slot = NULL, *lru = &s->e[0];
    for (size_t i = 0; i < ZWH__SIDS_MAX; i++) {
        zwh__sids_entry_t *e = &s->e[i];
        if (e->used && e->node == node && e->endpoint == endpoint) {
            slot = e;
            break;
        }
        if (!e->used || (lru->used && e->stamp < lru->stamp))
            lru = e;
    }
    if (!slot) {
        slot = lru;
        slot->used = 1;
        slot->node = node;
        slot->endpoint = endpoint;
        slot->next = first_id(s, node, endpoint);
    }
    slot->stamp = ++s->clock;
    uint8_t id = slot->next;
    slot->next = (uint8_t)((id + 1) & s->mask);
    return id;
}
