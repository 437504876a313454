/* The host's node table: a small array sorted by node id. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "zwhost/error.h"

zwh__node_t *zwh__host_node(const zwh_host_t *h, uint16_t id)
{
    size_t lo = 0, hi = h->node_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        uint16_t m = h->nodes[mid].info.node_id;
        if (m == id)
            return &h->nodes[mid];
        if (m < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return NULL;
}

zwh__node_t *zwh__host_node_add(zwh_host_t *h, uint16_t id)
{
    zwh__node_t *n = zwh__host_node(h, id);
    if (n)
        return n;
    if (h->node_count == h->node_cap) {
        size_t cap = h->node_cap ? h->node_cap * 2 : 16;
        zwh__node_t *nn = realloc(h->nodes, cap * sizeof *nn);
        if (!nn)
            return NULL;
        h->nodes = nn;
        h->node_cap = cap;
    }
    size_t i = h->node_count;
    while (i > 0 && h->nodes[i - 1].info.node_id > id) {
        h->nodes[i] = h->nodes[i - 1];
        i--;
    }
    memset(&h->nodes[i], 0, sizeof h->nodes[i]);
    h->nodes[i].info.node_id = id;
    h->node_count++;
    return &h->nodes[i];
}

void zwh__host_nodes_clear(zwh_host_t *h)
{
    h->node_count = 0;
}

ZWH_EXTERN int zwh_host_get_node_ids(const zwh_host_t *host, uint16_t *ids, size_t max, size_t *count)
{
    if (!host || !count || (max && !ids))
        return ZWH_EINVAL;
    for (size_t i = 0; i < host->node_count && i < max; i++)
        ids[i] = host->nodes[i].info.node_id;
    *count = host->node_count;
    return 0;
}

ZWH_EXTERN int zwh_host_get_node_info(const zwh_host_t *host, uint16_t node_id, zwh_node_info_t *out)
{
    if (!host || !out)
        return ZWH_EINVAL;
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    *out = n->info;
    return 0;
}
