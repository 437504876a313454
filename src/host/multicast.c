/* Multicast (zwhost/multicast.h): one SendDataMulticast per S2 class (MPAN
 * encapsulation) or for the plaintext nodes, then singlecast follow-ups
 * through the send pipeline. The S2 group id is derived from the class and
 * the node set, so the same set reuses its MPAN; two sets that collide only
 * cost their members a resynchronisation, never a wrong delivery (the
 * follow-up carries the command under the node's own SPAN). */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "util/bytes.h"
#include "util/crc16.h"
#include "zwhost/error.h"
#include "zwhost/multicast.h"

typedef struct mc_op {
    zwh_multicast_cb cb;
    void *user;
    size_t remaining;
    zwh_send_opts_t opts;
    size_t len;
    uint8_t cmd[];
} mc_op_t;

/* One SendDataMulticast to the members of one class. */
typedef struct mc_frame {
    zwh__request_t req;
    zwh_host_t *host;
    mc_op_t *op;
    int cls;
    uint8_t group;
    size_t n;
    uint16_t nodes[ZWH_MULTICAST_MAX];
} mc_frame_t;

typedef struct mc_one {
    mc_op_t *op;
    uint16_t node;
} mc_one_t;

static void node_result(zwh_host_t *h, mc_op_t *op, uint16_t node, int status)
{
    op->remaining--;
    if (op->cb)
        op->cb(h, node, status, op->remaining, op->user);
    if (!op->remaining)
        free(op);
}

static void on_single(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    if (!zwh_result_is_final(res))
        return;
    mc_one_t *one = user;
    mc_op_t *op = one->op;
    uint16_t node = one->node;
    free(one);
    node_result(h, op, node, zwh_result_get_status(res));
}

/* Queues the singlecast (or follow-up of group) to node; failures are results. */
static void single(zwh_host_t *h, mc_op_t *op, uint16_t node, int cls, uint8_t group)
{
    mc_one_t *one = malloc(sizeof *one);
    if (!one) {
        node_result(h, op, node, ZWH_ENOMEM);
        return;
    }
    one->op = op;
    one->node = node;
    zwh_send_opts_t o = op->opts;
    o.secclass = (int8_t)cls;
    uint32_t id = 0;
    int rc = zwh__tx_submit(h, node, op->cmd, op->len, &o, 0, on_single, one, &id);
    if (rc < 0) {
        free(one);
        node_result(h, op, node, rc);
        return;
    }
    if (group)
        (void)zwh__tx_set_mgrp(h, id, group);
}

static void frame_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    mc_frame_t *f = user;
    zwh_host_t *h = f->host;
    if (h->state == ZWH_HOST_CLOSING)
        status = ZWH_ECANCELED;
    for (size_t i = 0; i < f->n; i++) {
        if (f->cls == ZWH_SECCLASS_NONE || status == ZWH_ECANCELED)
            node_result(h, f->op, f->nodes[i], status); /* a plain multicast is its own result */
        else
            single(h, f->op, f->nodes[i], f->cls, f->group); /* follow-ups after the multicast */
    }
    free(f);
}

static uint8_t group_id(int cls, const uint16_t *nodes, size_t n)
{
    uint8_t buf[1 + 2 * ZWH_MULTICAST_MAX];
    buf[0] = (uint8_t)cls;
    for (size_t i = 0; i < n; i++) {
        buf[1 + 2 * i] = (uint8_t)(nodes[i] >> 8);
        buf[2 + 2 * i] = (uint8_t)nodes[i];
    }
    return (uint8_t)(1u + zwh__crc16(buf, 1 + 2 * n) % 255u);
}

/* Sends the multicast frame of one class; on failure to build it, the members
 * get singlecasts instead. */
static void multicast(zwh_host_t *h, mc_op_t *op, int cls, const uint16_t *nodes, size_t n)
{
    mc_frame_t *f = calloc(1, sizeof *f);
    uint8_t frame[ZWH__S2_MAX_FRAME + 64];
    size_t flen = 0;
    uint8_t group = 0;
    int rc = f ? 0 : ZWH_ENOMEM;
    if (rc == 0 && cls != ZWH_SECCLASS_NONE) {
        group = group_id(cls, nodes, n);
        rc = h->s2 ? zwh__s2_encap_multicast(h->s2, group, cls, op->cmd, op->len, zwh__host_now(h), frame,
                                             sizeof frame, &flen)
                   : ZWH_ENOKEY;
        if (rc == ZWH__S2_TX_ENCAP)
            rc = 0;
    } else if (rc == 0) {
        memcpy(frame, op->cmd, op->len);
        flen = op->len;
    }
    if (rc == 0) {
        f->host = h;
        f->op = op;
        f->cls = cls;
        f->group = group;
        f->n = n;
        memcpy(f->nodes, nodes, n * sizeof nodes[0]);
        rc = zwh__api_req_send_data_multicast(&f->req, &h->api, nodes, n, frame, flen, ZWH__TXO_DEFAULT,
                                              frame_done, f);
        if (rc == 0) {
            f->req.priority = ZWH__PRIO_INTERACTIVE;
            rc = zwh__serial_submit(&h->serial, &f->req);
        }
    }
    zwh__secure_zero(frame, sizeof frame);
    if (rc == 0)
        return;
    free(f);
    ZWH_LOGD(&h->log, "multicast under class %d not sent (%s): singlecasts instead", cls, zwh_err_name(rc));
    for (size_t i = 0; i < n; i++)
        single(h, op, nodes[i], cls, 0);
}

static int validate(zwh_host_t *host, const uint16_t *ids, size_t n, const uint8_t *cmd, size_t len,
                    const zwh_send_opts_t *opts)
{
    if (!host || !ids || n < 2 || n > ZWH_MULTICAST_MAX || !cmd || len == 0 || len > ZWH_SEND_MAX)
        return ZWH_EINVAL;
    if (opts && (opts->endpoint || opts->expect_cc || opts->secclass != ZWH_SEND_SECCLASS_AUTO))
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    for (size_t i = 0; i < n; i++) {
        const zwh__node_t *nd = zwh__host_node(host, ids[i]);
        if (!nd)
            return ZWH_ENONODE;
        if (nd->dead)
            return ZWH_ENODEDEAD;
        for (size_t j = 0; j < i; j++)
            if (ids[j] == ids[i])
                return ZWH_EINVAL;
    }
    return 0;
}

ZWH_EXTERN int zwh_host_send_multicast(zwh_host_t *host, const uint16_t *node_ids, size_t n, const uint8_t *cmd,
                                       size_t len, const zwh_send_opts_t *opts, zwh_multicast_cb cb, void *user)
{
    int rc = validate(host, node_ids, n, cmd, len, opts);
    if (rc < 0)
        return rc;
    mc_op_t *op = calloc(1, sizeof *op + len);
    if (!op)
        return ZWH_ENOMEM;
    op->cb = cb;
    op->user = user;
    op->remaining = n;
    if (opts)
        op->opts = *opts;
    else
        zwh_send_opts_init(&op->opts);
    if (!(op->opts.flags & ZWH_SEND_SUPERVISE))
        op->opts.flags |= ZWH_SEND_NO_SUPERVISION;
    op->len = len;
    memcpy(op->cmd, cmd, len);
    /* members by the class their command goes out under */
    int cls_of[ZWH_MULTICAST_MAX];
    bool done[ZWH_MULTICAST_MAX] = {false};
    for (size_t i = 0; i < n; i++)
        cls_of[i] = zwh__secure_tx_class(host, zwh__host_node(host, node_ids[i]), cmd[0]);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        uint16_t members[ZWH_MULTICAST_MAX];
        size_t m = 0;
        for (size_t j = i; j < n; j++)
            if (!done[j] && cls_of[j] == cls_of[i]) {
                members[m++] = node_ids[j];
                done[j] = true;
            }
        if (m >= 2 && cls_of[i] != ZWH_SECCLASS_S0)
            multicast(host, op, cls_of[i], members, m);
        else
            for (size_t k = 0; k < m; k++)
                single(host, op, members[k], cls_of[i], 0);
    }
    return 0;
}
