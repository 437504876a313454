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

void zwh__host_nodes_mark_unseen(zwh_host_t *h)
{
    for (size_t i = 0; i < h->node_count; i++)
        h->nodes[i].present = false;
}

void zwh__host_nodes_prune(zwh_host_t *h)
{
    size_t i = 0;
    while (i < h->node_count) {
        if (!h->nodes[i].present)
            zwh__host_node_remove(h, h->nodes[i].info.node_id);
        else
            i++;
    }
}

void zwh__host_node_apply_protocol(zwh__node_t *n, const zwh__api_node_protocol_t *p)
{
    n->info.basic = p->basic;
    n->info.generic = p->generic;
    n->info.specific = p->specific;
    n->info.listening = p->listening;
    n->info.routing = p->routing;
    n->info.beaming = p->beaming;
    n->info.flirs_ms = p->flirs_ms;
    n->info.sleeping = !p->listening && p->flirs_ms == 0;
    n->info.controller = p->controller;
    n->info.security_flag = p->security_flag;
    n->info.protocol_version = p->protocol_version;
    n->info.max_speed = p->max_speed;
    n->info.long_range = n->info.node_id > ZWH__MAX_CLASSIC_NODE;
}

void zwh__host_node_remove(zwh_host_t *h, uint16_t id)
{
    zwh__node_t *n = zwh__host_node(h, id);
    if (!n)
        return;
    size_t i = (size_t)(n - h->nodes);
    zwh__iv_free_node(n);
    zwh__values_free(n);
    zwh__tx_forget_node(n);
    memmove(&h->nodes[i], &h->nodes[i + 1], (h->node_count - i - 1) * sizeof h->nodes[0]);
    h->node_count--;
    if (h->s2) {
        (void)zwh__s2_set_granted(h->s2, id, 0);
        (void)zwh__s2_reset_peer(h->s2, id);
    }
    zwh__tx_fail_node(h, id, ZWH_ENONODE);
    zwh__persist_touch(h);
}

void zwh__host_nodes_free(zwh_host_t *h)
{
    for (size_t i = 0; i < h->node_count; i++)
    {
        zwh__iv_free_node(&h->nodes[i]);
        zwh__values_free(&h->nodes[i]);
        zwh__tx_forget_node(&h->nodes[i]);
    }
    free(h->nodes);
    h->nodes = NULL;
    h->node_count = h->node_cap = 0;
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

ZWH_EXTERN int zwh_host_get_node_ccs(const zwh_host_t *host, uint16_t node_id, uint8_t *ccs, size_t max,
                                     size_t *count, uint8_t *secure_ccs, size_t secure_max, size_t *secure_count)
{
    if (!host || (max && !ccs) || (secure_max && !secure_ccs))
        return ZWH_EINVAL;
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    memcpy(ccs, n->ccs, n->ccs_len < max ? n->ccs_len : max);
    if (count)
        *count = n->ccs_len;
    if (secure_max)
        memcpy(secure_ccs, n->sec_ccs, n->sec_ccs_len < secure_max ? n->sec_ccs_len : secure_max);
    if (secure_count)
        *secure_count = n->sec_ccs_len;
    return 0;
}

/* ---- RequestNodeInfo ---- */

typedef struct nif_req {
    zwh__request_t req;
    zwh_host_t *host;
    uint16_t node;
    zwh_node_cb cb;
    void *user;
    bool chain; /* part of the after-start-up sweep: go on with the next node */
} nif_req_t;

static int request_nif(zwh_host_t *h, uint16_t node, zwh_node_cb cb, void *user, bool chain);

static void next_missing_nif(zwh_host_t *h, uint16_t after)
{
    for (size_t i = 0; i < h->node_count; i++) {
        const zwh__node_t *n = &h->nodes[i];
        if (n->info.node_id <= after || n->info.node_id == h->info.node_id || n->ccs_len || n->info.sleeping)
            continue;
        if (request_nif(h, n->info.node_id, NULL, NULL, true) == 0)
            return;
    }
}

static void nif_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    nif_req_t *r = user;
    zwh_host_t *h = r->host;
    uint16_t node = r->node;
    zwh_node_cb cb = r->cb;
    void *cu = r->user;
    bool chain = r->chain;
    free(r);
    if (h->state == ZWH_HOST_CLOSING)
        return;
    if (cb)
        cb(h, status, node, cu);
    if (chain && h->state == ZWH_HOST_READY)
        next_missing_nif(h, node);
}

static int request_nif(zwh_host_t *h, uint16_t node, zwh_node_cb cb, void *user, bool chain)
{
    nif_req_t *r = calloc(1, sizeof *r);
    if (!r)
        return ZWH_ENOMEM;
    r->host = h;
    r->node = node;
    r->cb = cb;
    r->user = user;
    r->chain = chain;
    int rc = zwh__api_req_request_node_info(&r->req, &h->api, node, nif_done, r);
    if (rc == 0) {
        r->req.priority = chain ? ZWH__PRIO_BACKGROUND : ZWH__PRIO_INTERACTIVE;
        r->req.cb_timeout_ms = 10000;
        rc = zwh__serial_submit(&h->serial, &r->req);
    }
    if (rc != 0)
        free(r);
    return rc;
}

void zwh__host_request_missing_nifs(zwh_host_t *h)
{
    next_missing_nif(h, 0);
}

ZWH_EXTERN int zwh_host_request_node_info(zwh_host_t *host, uint16_t node_id, zwh_node_cb cb, void *user)
{
    if (!host)
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    if (!zwh__host_node(host, node_id))
        return ZWH_ENONODE;
    return request_nif(host, node_id, cb, user, false);
}
