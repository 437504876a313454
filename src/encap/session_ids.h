/* Per-peer session id counters for the encapsulation engines (Supervision:
 * 6 bits, Transport Service: 4 bits). A peer is a node id plus an end point.
 *
 * The table is fixed-size (ZWH__SIDS_MAX peers); when it is full the peer used
 * least recently is forgotten and starts again from its seeded value. A peer's
 * first id is derived from the caller's seed, so a host that restarts with a
 * fresh random seed does not repeat the id it used last for that peer (which
 * the peer would take as a duplicate and not execute). */
#ifndef ZWH_ENCAP_SESSION_IDS_H
#define ZWH_ENCAP_SESSION_IDS_H

#include <stdint.h>

#define ZWH__SIDS_MAX 32

typedef struct zwh__sids_entry {
    uint16_t node;
    uint8_t endpoint;
    uint8_t next;   /* the id next() hands out next */
    uint8_t used;   /* slot holds a peer */
    uint64_t stamp; /* last use, for LRU eviction */
} zwh__sids_entry_t;

typedef struct zwh__sids {
    uint8_t mask; /* 0x3F or 0x0F: ids wrap 0..mask */
    uint32_t seed;
    uint64_t clock;
    zwh__sids_entry_t e[ZWH__SIDS_MAX];
} zwh__sids_t;

void zwh__sids_init(zwh__sids_t *s, uint8_t mask, uint32_t seed);
/* The next id for the peer (incrementing, wrapping within mask). */
uint8_t zwh__sids_next(zwh__sids_t *s, uint16_t node, uint8_t endpoint);

#endif
