/* The persistent state model: nodes (sorted array of pointers, binary search) and
 * the provisioning list (insertion order), plus the consistency rules that the
 * encoder and the decoder share. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/state.h"
#include "zwhost/error.h"

struct zwh__state {
    uint32_t home_id;
    uint16_t node_id;
    zwh__state_node_t **nodes; /* ascending info.node_id */
    size_t node_count, node_cap;
    zwh__state_prov_t **prov;  /* insertion order */
    size_t prov_count, prov_cap;
};

int zwh__state_new(zwh__state_t **out)
{
    if (!out)
        return ZWH_EINVAL;
    *out = calloc(1, sizeof **out);
    return *out ? 0 : ZWH_ENOMEM;
}

static void node_free(zwh__state_node_t *n)
{
    free(n->ccs);
    free(n->cache);
    free(n);
}

static void prov_free(zwh__state_prov_t *p)
{
    free(p->name);
    free(p);
}

void zwh__state_free(zwh__state_t *st)
{
    if (!st)
        return;
    for (size_t i = 0; i < st->node_count; i++)
        node_free(st->nodes[i]);
    for (size_t i = 0; i < st->prov_count; i++)
        prov_free(st->prov[i]);
    free(st->nodes);
    free(st->prov);
    free(st);
}

void zwh__state_set_controller(zwh__state_t *st, uint32_t home_id, uint16_t node_id)
{
    st->home_id = home_id;
    st->node_id = node_id;
}

void zwh__state_get_controller(const zwh__state_t *st, uint32_t *home_id, uint16_t *node_id)
{
    if (home_id)
        *home_id = st->home_id;
    if (node_id)
        *node_id = st->node_id;
}

/* Returns array (maybe moved) with room for count + 1 elements, or NULL. */
static void *grow(void *array, size_t count, size_t *cap, size_t elem)
{
    if (count < *cap)
        return array;
    size_t ncap = *cap ? *cap * 2 : 8;
    void *n = realloc(array, ncap * elem);
    if (n)
        *cap = ncap;
    return n;
}

/* Index of id, or where it would go (*found false). */
static size_t node_search(const zwh__state_t *st, uint16_t id, bool *found)
{
    size_t lo = 0, hi = st->node_count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        uint16_t m = st->nodes[mid]->info.node_id;
        if (m == id) {
            *found = true;
            return mid;
        }
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    *found = false;
    return lo;
}

int zwh__state_node_add(zwh__state_t *st, uint16_t id, zwh__state_node_t **out)
{
    if (!st || id == 0 || id > ZWH__STATE_MAX_NODE_ID)
        return ZWH_EINVAL;
    bool found;
    size_t at = node_search(st, id, &found);
    if (found) {
        if (out)
            *out = st->nodes[at];
        return ZWH_EEXIST;
    }
    zwh__state_node_t **nodes = grow(st->nodes, st->node_count, &st->node_cap, sizeof *nodes);
    if (!nodes)
        return ZWH_ENOMEM;
    st->nodes = nodes;
    zwh__state_node_t *n = calloc(1, sizeof *n);
    if (!n)
        return ZWH_ENOMEM;
    n->info.node_id = id;
    memmove(&st->nodes[at + 1], &st->nodes[at], (st->node_count - at) * sizeof *st->nodes);
    st->nodes[at] = n;
    st->node_count++;
    if (out)
        *out = n;
    return 0;
}

zwh__state_node_t *zwh__state_node_find(const zwh__state_t *st, uint16_t id)
{
    bool found;
    size_t at = st ? node_search(st, id, &found) : 0;
    return st && found ? st->nodes[at] : NULL;
}

int zwh__state_node_remove(zwh__state_t *st, uint16_t id)
{
    bool found;
    size_t at = st ? node_search(st, id, &found) : 0;
    if (!st || !found)
        return ZWH_ENONODE;
    node_free(st->nodes[at]);
    st->node_count--;
    memmove(&st->nodes[at], &st->nodes[at + 1], (st->node_count - at) * sizeof *st->nodes);
    return 0;
}

size_t zwh__state_node_count(const zwh__state_t *st)
{
    return st ? st->node_count : 0;
}

zwh__state_node_t *zwh__state_node_at(const zwh__state_t *st, size_t i)
{
    return st && i < st->node_count ? st->nodes[i] : NULL;
}

void zwh__state_node_set_info(zwh__state_node_t *n, const zwh_node_info_t *info)
{
    uint16_t id = n->info.node_id;
    n->info = *info;
    n->info.node_id = id;
    n->info.reserved = 0;
}

/* Replaces *buf with a copy of data (a length-0 copy frees it). */
static int set_bytes(uint8_t **buf, size_t *buf_len, const uint8_t *data, size_t len, size_t max)
{
    if (len > max)
        return ZWH_EMSGSIZE;
    if (len && !data)
        return ZWH_EINVAL;
    uint8_t *copy = NULL;
    if (len) {
        copy = malloc(len);
        if (!copy)
            return ZWH_ENOMEM;
        memcpy(copy, data, len);
    }
    free(*buf);
    *buf = copy;
    *buf_len = len;
    return 0;
}

int zwh__state_node_set_ccs(zwh__state_node_t *n, const uint8_t *data, size_t len)
{
    return set_bytes(&n->ccs, &n->ccs_len, data, len, ZWH__STATE_MAX_CCS);
}

int zwh__state_node_set_cache(zwh__state_node_t *n, const uint8_t *data, size_t len)
{
    return set_bytes(&n->cache, &n->cache_len, data, len, ZWH__STATE_MAX_CACHE);
}

void zwh__state_node_set_s2_tx_seq(zwh__state_node_t *n, uint8_t seq)
{
    n->s2_seq_valid = 1;
    n->s2_tx_seq = seq;
}

/* ---- provisioning list ---- */

static size_t prov_index(const zwh__state_t *st, const uint8_t dsk[16])
{
    for (size_t i = 0; i < st->prov_count; i++)
        if (memcmp(st->prov[i]->dsk, dsk, 16) == 0)
            return i;
    return st->prov_count;
}

int zwh__state_prov_add(zwh__state_t *st, const uint8_t dsk[16], zwh__state_prov_t **out)
{
    if (!st || !dsk)
        return ZWH_EINVAL;
    size_t i = prov_index(st, dsk);
    if (i < st->prov_count) {
        if (out)
            *out = st->prov[i];
        return ZWH_EEXIST;
    }
    if (st->prov_count >= ZWH__STATE_MAX_PROVISION)
        return ZWH_ENOSPC;
    zwh__state_prov_t **prov = grow(st->prov, st->prov_count, &st->prov_cap, sizeof *prov);
    if (!prov)
        return ZWH_ENOMEM;
    st->prov = prov;
    zwh__state_prov_t *p = calloc(1, sizeof *p);
    if (!p)
        return ZWH_ENOMEM;
    memcpy(p->dsk, dsk, 16);
    st->prov[st->prov_count++] = p;
    if (out)
        *out = p;
    return 0;
}

zwh__state_prov_t *zwh__state_prov_find(const zwh__state_t *st, const uint8_t dsk[16])
{
    if (!st || !dsk)
        return NULL;
    size_t i = prov_index(st, dsk);
    return i < st->prov_count ? st->prov[i] : NULL;
}

zwh__state_prov_t *zwh__state_prov_find_node(const zwh__state_t *st, uint16_t node_id)
{
    for (size_t i = 0; st && node_id && i < st->prov_count; i++)
        if (st->prov[i]->status == ZWH__PROV_INCLUDED && st->prov[i]->node_id == node_id)
            return st->prov[i];
    return NULL;
}

int zwh__state_prov_remove(zwh__state_t *st, const uint8_t dsk[16])
{
    size_t i = st && dsk ? prov_index(st, dsk) : 0;
    if (!st || !dsk || i == st->prov_count)
        return ZWH_ENOENT;
    prov_free(st->prov[i]);
    st->prov_count--;
    memmove(&st->prov[i], &st->prov[i + 1], (st->prov_count - i) * sizeof *st->prov);
    return 0;
}

size_t zwh__state_prov_count(const zwh__state_t *st)
{
    return st ? st->prov_count : 0;
}

zwh__state_prov_t *zwh__state_prov_at(const zwh__state_t *st, size_t i)
{
    return st && i < st->prov_count ? st->prov[i] : NULL;
}

int zwh__state_prov_set_name(zwh__state_prov_t *p, const char *name)
{
    size_t len = name ? strlen(name) : 0;
    if (len > ZWH__STATE_MAX_NAME)
        return ZWH_EMSGSIZE;
    char *copy = NULL;
    if (len) {
        copy = malloc(len + 1);
        if (!copy)
            return ZWH_ENOMEM;
        memcpy(copy, name, len + 1);
    }
    free(p->name);
    p->name = copy;
    return 0;
}

/* ---- consistency ---- */

void zwh__state_errf(char *err, size_t errcap, const char *fmt, ...)
{
    if (!err || !errcap)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errcap, fmt, ap);
    va_end(ap);
}

/* zwh__state_check's refusals */
#define fail(err, errcap, ...) (zwh__state_errf((err), (errcap), __VA_ARGS__), ZWH_EINVAL)

static bool is_bool(uint8_t v)
{
    return v <= 1;
}

int zwh__state_check(const zwh__state_t *st, char *err, size_t errcap)
{
    if (!st)
        return fail(err, errcap, "no state");
    if (st->node_id > ZWH__STATE_MAX_NODE_ID)
        return fail(err, errcap, "controller node id %u is out of range", (unsigned)st->node_id);
    for (size_t i = 0; i < st->node_count; i++) {
        const zwh__state_node_t *n = st->nodes[i];
        const zwh_node_info_t *f = &n->info;
        unsigned id = f->node_id;
        if (id == 0 || id > ZWH__STATE_MAX_NODE_ID)
            return fail(err, errcap, "node id %u is out of range", id);
        if (i && st->nodes[i - 1]->info.node_id >= f->node_id)
            return fail(err, errcap, "node %u: node table out of order", id);
        if (!is_bool(f->listening) || !is_bool(f->routing) || !is_bool(f->beaming) ||
            !is_bool(f->sleeping) || !is_bool(f->controller) || !is_bool(f->security_flag) ||
            !is_bool(f->long_range))
            return fail(err, errcap, "node %u: a protocol info flag is neither 0 nor 1", id);
        if (f->flirs_ms != 0 && f->flirs_ms != 250 && f->flirs_ms != 1000)
            return fail(err, errcap, "node %u: FLiRS interval %u ms is not 0, 250 or 1000", id,
                        (unsigned)f->flirs_ms);
        if (n->granted & ~ZWH__STATE_SECCLASS_MASK)
            return fail(err, errcap, "node %u: granted classes 0x%02x name no security class", id,
                        (unsigned)n->granted);
        if (!is_bool(n->s2_seq_valid))
            return fail(err, errcap, "node %u: S2 sequence validity is neither 0 nor 1", id);
        if (n->ccs_len > ZWH__STATE_MAX_CCS || n->cache_len > ZWH__STATE_MAX_CACHE ||
            (n->ccs_len && !n->ccs) || (n->cache_len && !n->cache))
            return fail(err, errcap, "node %u: command class list or interview cache too long", id);
    }
    if (st->prov_count > ZWH__STATE_MAX_PROVISION)
        return fail(err, errcap, "more than %u provisioning entries", ZWH__STATE_MAX_PROVISION);
    for (size_t i = 0; i < st->prov_count; i++) {
        const zwh__state_prov_t *p = st->prov[i];
        if (p->status > ZWH__PROV_STATUS_MAX)
            return fail(err, errcap, "provisioning entry %zu: unknown status %u", i + 1,
                        (unsigned)p->status);
        if (p->requested & ~ZWH__STATE_SECCLASS_MASK)
            return fail(err, errcap, "provisioning entry %zu: requested classes 0x%02x name no "
                        "security class", i + 1, (unsigned)p->requested);
        if (p->protocol > ZWH__PROV_LONG_RANGE)
            return fail(err, errcap, "provisioning entry %zu: unknown protocol %u", i + 1,
                        (unsigned)p->protocol);
        if ((p->status == ZWH__PROV_INCLUDED) != (p->node_id != 0))
            return fail(err, errcap, "provisioning entry %zu: node id %u does not fit status %u "
                        "(a node id exactly when included)", i + 1, (unsigned)p->node_id,
                        (unsigned)p->status);
        if (p->node_id > ZWH__STATE_MAX_NODE_ID)
            return fail(err, errcap, "provisioning entry %zu: node id %u is out of range", i + 1,
                        (unsigned)p->node_id);
        if (p->name && strlen(p->name) > ZWH__STATE_MAX_NAME)
            return fail(err, errcap, "provisioning entry %zu: name too long", i + 1);
        for (size_t j = 0; j < i; j++) {
            const zwh__state_prov_t *q = st->prov[j];
            if (memcmp(q->dsk, p->dsk, 16) == 0)
                return fail(err, errcap, "provisioning entries %zu and %zu have the same DSK",
                            j + 1, i + 1);
            if (p->node_id && q->node_id == p->node_id)
                return fail(err, errcap, "provisioning entries %zu and %zu are both node %u",
                            j + 1, i + 1, (unsigned)p->node_id);
        }
    }
    return 0;
}
