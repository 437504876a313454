/* Transport Service v2 in the node role: the outermost layer on air. Segments
 * from the controller are reassembled with src/encap's engine and the datagram
 * (typically an S2 frame) goes on to node_security.c; a frame longer than the
 * node's payload limit goes out in segments. Frames leave in order: while a
 * datagram is being sent, later frames wait behind it. Engine timers run on the
 * sim's scheduler. */
#include <stdlib.h>
#include <string.h>
#include "encap/transport_service.h"
#include "util/bytes.h"
#include "zwhost/error.h"
#include "node_sec_int.h"

#define TAG_TS 21
#define TS_QMAX 16

typedef struct ts_frame {
    size_t len;
    uint8_t data[];
} ts_frame_t;

struct sim_node_ts {
    zwh__ts_t engine;
    sim_node_t *node;
    uint8_t *datagram;    /* reassembled, handled after the engine call returns */
    size_t datagram_len;
    unsigned rx_flags;
    ts_frame_t *q[TS_QMAX];
    size_t nq;
};

static void io_send(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    struct sim_node_ts *t = user;
    (void)node;
    sim_net_t *net = t->node->net;
    if (net->emit)
        net->emit(net->emit_user, t->node, buf, len);
}

static void io_datagram(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    struct sim_node_ts *t = user;
    (void)node;
    if (t->datagram)
        return; /* at most one per engine call */
    t->datagram = malloc(len);
    if (!t->datagram)
        return;
    memcpy(t->datagram, buf, len);
    t->datagram_len = len;
}

static void io_done(void *user, uint16_t node, uint32_t tag, int status)
{
    struct sim_node_ts *t = user;
    (void)node;
    (void)tag;
    if (status < 0)
        ZWH_LOGD(t->node->net->log, "node %u: segmented frame not delivered: %s", t->node->id,
                 zwh_err_name(status));
}

static struct sim_node_ts *ts_of(sim_node_t *n)
{
    if (!n->ts) {
        struct sim_node_ts *t = calloc(1, sizeof *t);
        if (!t)
            return NULL;
        static const zwh__ts_io_t io = {io_send, io_datagram, io_done};
        zwh__ts_config_t cfg;
        zwh__ts_config_default(&cfg);
        cfg.seed = (uint32_t)sim_rng_next(n->net->sec_rng);
        zwh__ts_init(&t->engine, &cfg, &io, t);
        t->node = n;
        n->ts = t;
    }
    return n->ts;
}

static void after_engine(sim_node_t *n);

static void tick_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    if (!n->ts)
        return;
    zwh__ts_tick(&n->ts->engine, sim_node_now(n));
    after_engine(n);
}

static void start_segmented(sim_node_t *n, const uint8_t *frame, size_t len)
{
    struct sim_node_ts *t = n->ts;
    int rc = zwh__ts_send(&t->engine, SIM_CTRL_NODE_ID, frame, len, sim_node_max_payload(n), 0, sim_node_now(n));
    if (rc < 0)
        ZWH_LOGW(n->net->log, "node %u: cannot segment a %zu-byte frame: %s", n->id, len, zwh_err_name(rc));
    else
        ZWH_LOGD(n->net->log, "node %u: %zu-byte frame goes out in Transport Service segments", n->id, len);
}

/* Handles what the last engine call left: a datagram, a finished send (next
 * queued frame), and the timer. */
static void after_engine(sim_node_t *n)
{
    struct sim_node_ts *t = n->ts;
    if (t->datagram) {
        uint8_t *d = t->datagram;
        size_t dl = t->datagram_len;
        t->datagram = NULL;
        sim_node_sec_rx(n, d, dl, t->rx_flags);
        zwh__secure_zero(d, dl);
        free(d);
        t = n->ts;
        if (!t)
            return;
    }
    while (t->nq && !zwh__ts_sending(&t->engine, SIM_CTRL_NODE_ID)) {
        ts_frame_t *f = t->q[0];
        memmove(t->q, t->q + 1, (t->nq - 1) * sizeof t->q[0]);
        t->nq--;
        if (f->len <= sim_node_max_payload(n)) {
            io_send(t, SIM_CTRL_NODE_ID, f->data, f->len);
        } else {
            start_segmented(n, f->data, f->len);
        }
        free(f);
    }
    sim_sched_cancel(n->net->sched, n, TAG_TS);
    uint64_t d = zwh__ts_deadline(&t->engine);
    if (d != UINT64_MAX) {
        uint64_t now = sim_node_now(n);
        sim_sched_after(n->net->sched, d > now ? d - now : 0, tick_cb, n, TAG_TS, NULL, 0);
    }
}

void sim_node_ts_rx(sim_node_t *n, const uint8_t *frame, size_t len, unsigned rx_flags)
{
    struct sim_node_ts *t = ts_of(n);
    if (!t)
        return;
    t->rx_flags = rx_flags;
    if (zwh__ts_input(&t->engine, SIM_CTRL_NODE_ID, frame, len, sim_node_now(n)) < 0)
        ZWH_LOGD(n->net->log, "node %u: malformed Transport Service frame dropped", n->id);
    after_engine(n);
}

void sim_node_emit(sim_node_t *n, const uint8_t *frame, size_t len)
{
    struct sim_node_ts *t = n->ts;
    int busy = t && (t->nq || zwh__ts_sending(&t->engine, SIM_CTRL_NODE_ID));
    if (!busy && len <= sim_node_max_payload(n)) {
        if (n->net->emit)
            n->net->emit(n->net->emit_user, n, frame, len);
        return;
    }
    t = ts_of(n);
    if (!t || len > ZWH__TS_MAX_DATAGRAM) {
        ZWH_LOGW(n->net->log, "node %u: %zu-byte frame dropped", n->id, len);
        return;
    }
    if (busy) {
        ts_frame_t *f = t->nq < TS_QMAX ? malloc(sizeof *f + len) : NULL;
        if (!f) {
            ZWH_LOGW(n->net->log, "node %u: transmit queue full, frame dropped", n->id);
            return;
        }
        f->len = len;
        memcpy(f->data, frame, len);
        t->q[t->nq++] = f;
        return;
    }
    start_segmented(n, frame, len);
    after_engine(n);
}

void sim_node_ts_free(sim_node_t *n)
{
    struct sim_node_ts *t = n->ts;
    if (!t)
        return;
    sim_sched_cancel(n->net->sched, n, TAG_TS);
    for (size_t i = 0; i < t->nq; i++)
        free(t->q[i]);
    free(t->datagram);
    free(t);
    n->ts = NULL;
}
