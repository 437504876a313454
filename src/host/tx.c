/* The send pipeline: transactions per node, one running per node, through
 * [Supervision] -> [Multi Channel] -> [S2|S0] -> [Transport Service] -> SendData.
 *
 * A transaction (zwh__tx_t) lives in the host's list from zwh_host_send() until
 * its final callback. Its states:
 *   QUEUED   waiting for its turn (node busy, node asleep)
 *   NONCE    the security layer asked the node for a nonce first
 *   SENDING  the SendData (or the Transport Service datagram) is with the stick
 *   WAITING  sent; waiting for the matching report or the final Supervision status
 * A report or Supervision Report may arrive before the SendData callback (the
 * node answers before the stick reports): it is kept and the transaction ends
 * when the callback comes. Deadlines run on one uv timer for all transactions,
 * the Supervision sessions and the Transport Service engine. */
#include <stdlib.h>
#include <string.h>
#include "encap/multi_channel.h"
#include "host/host_internal.h"
#include "util/bytes.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/error.h"

#define DEFAULT_TIMEOUT_MS 10000u
#define NONCE_TIMEOUT_MS 5000u
#define MAX_NONCE_ROUNDS 3
#define MAX_RESYNC_RESENDS 3
#define RESYNC_DELAY_MS 60
#define RESEND_WINDOW_MS 1500
#define TXF_RESEND 0x20 /* xflags: the resync resend of a completed command (never resent again) */
#define RESYNC_JITTER_MS 240
#define MAX_TXS 512
#define DEFAULT_PAYLOAD 46
#define TXO_DEFAULT 0x25 /* ACK | AUTO_ROUTE | EXPLORE */

#define CC_SUPERVISION 0x6C
#define CC_WAKE_UP 0x84
#define CC_MULTI_CHANNEL 0x60
#define CC_TRANSPORT_SERVICE 0x55
#define WAKE_UP_NO_MORE_INFORMATION 0x08

enum { TX_QUEUED = 0, TX_NONCE, TX_SENDING, TX_WAITING, TX_RESYNC };

struct zwh__tx {
    zwh__tx_t *next;
    uint32_t id;
    uint16_t node;
    uint8_t endpoint;
    uint8_t flags;      /* ZWH_SEND_* */
    uint8_t xflags;     /* ZWH__TXF_* */
    uint8_t state;
    uint8_t expect_cc, expect_cmd, match_index, match_value;
    int secclass;       /* resolved at start */
    int forced_class;   /* ZWH_SEND_SECCLASS_AUTO or a class */
    uint32_t timeout_ms;
    uint64_t deadline;
    bool supervised;
    uint8_t session_id;
    uint8_t nonce_rounds;
    uint8_t resends;    /* re-sent after the node resynchronised (Nonce Report SOS) */
    uint64_t resend_at; /* TX_RESYNC: when to send again */
    uint64_t retry_at;  /* a Get waiting for its report: when to ask once more */
    bool retried;
    uint8_t mgrp_group; /* != 0: S2 singlecast follow-up of this multicast group */
    bool sent;          /* SendData acknowledged */
    bool have_final;    /* report / final supervision status arrived */
    int final_status;
    int sup_status;     /* -1 none */
    int rssi;
    size_t len;
    uint8_t *report;
    size_t report_len;
    zwh_send_cb cb;
    void *user;
    uint8_t cmd[];
};

struct zwh_result {
    int status;
    int final;
    uint32_t id;
    uint16_t node;
    int sup_status;
    int duration;
    const uint8_t *report;
    size_t report_len;
    int secclass;
    int rssi;
};

uint64_t zwh__host_now(const zwh_host_t *h)
{
    return uv_now(h->loop);
}

/* ---- raw frames: SendData requests owned by the pipeline ---- */

typedef struct out_frame {
    zwh__request_t req;
    zwh_host_t *host;
    zwh__frame_done_fn done;
    uint32_t tag;
} out_frame_t;

static void out_done(zwh__request_t *req, int status, void *user)
{
    out_frame_t *o = user;
    int rssi = 127;
    if (status == 0 && req->cb_len >= 2) {
        uint8_t st;
        zwh__api_tx_report_t rep;
        if (zwh__api_parse_send_data_cb(req->cb, req->cb_len, &st, &rep) == 0 && rep.present)
            rssi = rep.ack_rssi;
    }
    zwh_host_t *h = o->host;
    zwh__frame_done_fn done = o->done;
    uint32_t tag = o->tag;
    free(o);
    if (h->state == ZWH_HOST_CLOSING)
        return;
    if (done)
        done(h, tag, status, rssi);
}

int zwh__host_send_frame(zwh_host_t *h, uint16_t node, const uint8_t *frame, size_t len, int priority,
                         zwh__frame_done_fn done, uint32_t tag)
{
    out_frame_t *o = calloc(1, sizeof *o);
    if (!o)
        return ZWH_ENOMEM;
    o->host = h;
    o->done = done;
    o->tag = tag;
    int rc = zwh__api_req_send_data(&o->req, &h->api, node, frame, len, TXO_DEFAULT, out_done, o);
    if (rc == 0) {
        o->req.priority = (uint8_t)priority;
        rc = zwh__serial_submit(&h->serial, &o->req);
    }
    if (rc != 0)
        free(o);
    return rc;
}

/* ---- transaction list ---- */

static zwh__tx_t *find_tx(const zwh_host_t *h, uint32_t id)
{
    for (zwh__tx_t *t = h->txs; t; t = t->next)
        if (t->id == id)
            return t;
    return NULL;
}

static void unlink_tx(zwh_host_t *h, zwh__tx_t *tx)
{
    for (zwh__tx_t **pp = &h->txs; *pp; pp = &(*pp)->next)
        if (*pp == tx) {
            *pp = tx->next;
            return;
        }
}

static void call_cb(zwh_host_t *h, zwh__tx_t *tx, int status, int final, int duration)
{
    if (!tx->cb)
        return;
    zwh_result_t r = {
        .status = status,
        .final = final,
        .id = tx->id,
        .node = tx->node,
        .sup_status = tx->sup_status,
        .duration = duration,
        .report = tx->report,
        .report_len = tx->report_len,
        .secclass = tx->secclass,
        .rssi = tx->rssi,
    };
    tx->cb(h, &r, tx->user);
}

/* The last S2 command that completed, kept briefly: if the node answers it
 * with a Nonce Report SOS (it could not decrypt it) it goes out once more. */
struct zwh__last_tx {
    uint32_t id;
    uint64_t at;
    uint8_t endpoint;
    int secclass;
    bool resent;
    size_t len;
    uint8_t cmd[];
};

void zwh__tx_forget_node(zwh__node_t *n)
{
    if (n->last_secure) {
        zwh__secure_zero(n->last_secure->cmd, n->last_secure->len);
        free(n->last_secure);
        n->last_secure = NULL;
    }
}

static void remember(zwh_host_t *h, const zwh__tx_t *tx)
{
    zwh__node_t *n = zwh__host_node(h, tx->node);
    if (!n || tx->secclass < 0 || tx->secclass > ZWH_SECCLASS_S2_LR_ACCESS_CONTROL || tx->supervised ||
        (tx->xflags & TXF_RESEND))
        return; /* supervised commands are re-sent by their own session handling */
    zwh__tx_forget_node(n);
    n->last_secure = malloc(sizeof *n->last_secure + tx->len);
    if (!n->last_secure)
        return;
    n->last_secure->id = tx->id;
    n->last_secure->at = zwh__host_now(h);
    n->last_secure->endpoint = tx->endpoint;
    n->last_secure->secclass = tx->secclass;
    n->last_secure->resent = false;
    n->last_secure->len = tx->len;
    memcpy(n->last_secure->cmd, tx->cmd, tx->len);
}

static void finish(zwh_host_t *h, zwh__tx_t *tx, int status)
{
    unlink_tx(h, tx);
    if (status == 0 && tx->sent)
        remember(h, tx);
    if (tx->supervised && !tx->have_final)
        (void)zwh__sup_tx_cancel(&h->sup, tx->node, tx->endpoint, tx->session_id);
    if (tx->state == TX_SENDING && h->ts && zwh__ts_sending(h->ts, tx->node))
        (void)zwh__ts_cancel(h->ts, tx->node);
    if (status == 0)
        h->counters.tx_ok++;
    else
        h->counters.tx_failed++;
    ZWH_LOGD(&h->log, "node %u: transaction %u done: %s", tx->node, tx->id, zwh_err_name(status));
    call_cb(h, tx, status, 1, 0);
    free(tx->report);
    free(tx);
    zwh__tx_schedule(h);
}

static bool node_busy(const zwh_host_t *h, uint16_t node)
{
    for (const zwh__tx_t *t = h->txs; t; t = t->next)
        if (t->node == node && t->state != TX_QUEUED && !(t->xflags & ZWH__TXF_REPLY))
            return true;
    return false;
}

static bool node_has_queued(const zwh_host_t *h, uint16_t node)
{
    for (const zwh__tx_t *t = h->txs; t; t = t->next)
        if (t->node == node && !(t->xflags & ZWH__TXF_INTERNAL))
            return true;
    return false;
}

/* ---- building and sending ---- */

static size_t payload_limit(const zwh_host_t *h, const zwh__node_t *n)
{
    if (n && n->info.long_range)
        return h->info.max_payload_lr ? h->info.max_payload_lr : DEFAULT_PAYLOAD;
    return h->info.max_payload ? h->info.max_payload : DEFAULT_PAYLOAD;
}

static void frame_done(zwh_host_t *h, uint32_t tag, int status, int rssi);

static void mark_dead(zwh_host_t *h, zwh__node_t *n)
{
    if (n->dead)
        return;
    n->dead = true;
    ZWH_LOGW(&h->log, "node %u is dead (no acknowledgement)", n->info.node_id);
    zwh__host_emit(h, ZWH_EVENT_NODE_DEAD, ZWH_ENODEACK, NULL, n->info.node_id);
}

/* Builds the application payload (Supervision, Multi Channel) into out. */
static int build_app(zwh_host_t *h, zwh__tx_t *tx, uint8_t *out, size_t cap, size_t *out_len)
{
    const uint8_t *p = tx->cmd;
    size_t n = tx->len;
    uint8_t sup[ZWH_SEND_MAX + 8];
    if (tx->supervised) {
        int rc = zwh__sup_tx_begin(&h->sup, tx->node, tx->endpoint, p, n, true, tx->id, zwh__host_now(h), sup,
                                   sizeof sup, &tx->session_id);
        if (rc < 0)
            return rc;
        p = sup;
        n = (size_t)rc;
    }
    if (tx->endpoint) {
        int rc = zwh__mc_wrap(0, tx->endpoint, p, n, out, cap);
        if (rc < 0)
            return rc;
        *out_len = (size_t)rc;
        return 0;
    }
    if (n > cap)
        return ZWH_EMSGSIZE;
    memcpy(out, p, n);
    *out_len = n;
    return 0;
}

static void ts_send(zwh_host_t *h, zwh__tx_t *tx, const uint8_t *frame, size_t len, size_t limit)
{
    int rc = zwh__ts_send(h->ts, tx->node, frame, len, limit, tx->id, zwh__host_now(h));
    if (rc < 0)
        finish(h, tx, rc);
}

/* Encapsulates (security, Transport Service) and hands the frame to the stick. */
static void transmit(zwh_host_t *h, zwh__tx_t *tx)
{
    zwh__node_t *n = zwh__host_node(h, tx->node);
    uint8_t app[ZWH_SEND_MAX + 16];
    size_t app_len = 0;
    /* a nonce round cancels the Supervision session: each attempt starts a fresh one */
    int rc = build_app(h, tx, app, sizeof app, &app_len);
    if (rc < 0) {
        finish(h, tx, rc);
        return;
    }
    uint8_t frame[ZWH__S2_MAX_FRAME + 64];
    size_t frame_len = 0;
    if (tx->secclass != ZWH_SECCLASS_NONE) {
        if (tx->mgrp_group && n)
            n->last_mgrp = tx->mgrp_group;
        rc = zwh__secure_encap(h, tx->node, tx->secclass, tx->mgrp_group, app, app_len, frame, sizeof frame,
                               &frame_len);
        if (rc < 0) {
            finish(h, tx, rc);
            return;
        }
        if (rc == 2) { /* a nonce request goes first; the session restarts with the encap */
            if (tx->supervised)
                (void)zwh__sup_tx_cancel(&h->sup, tx->node, tx->endpoint, tx->session_id);
            if (++tx->nonce_rounds > MAX_NONCE_ROUNDS) {
                finish(h, tx, ZWH_ES2_NONCE);
                return;
            }
            tx->state = TX_NONCE;
            uint64_t nd = zwh__host_now(h) + NONCE_TIMEOUT_MS;
            if (nd < tx->deadline)
                tx->deadline = nd;
            rc = zwh__host_send_frame(h, tx->node, frame, frame_len, ZWH__PRIO_INTERACTIVE, NULL, 0);
            if (rc < 0)
                finish(h, tx, rc);
            zwh__tx_arm(h);
            return;
        }
    } else {
        memcpy(frame, app, app_len);
        frame_len = app_len;
    }
    tx->state = TX_SENDING;
    size_t limit = payload_limit(h, n);
    if (frame_len > limit) {
        if (!n || !zwh__node_has_cc(n, CC_TRANSPORT_SERVICE) || !h->ts) {
            finish(h, tx, ZWH_EMSGSIZE);
            return;
        }
        ts_send(h, tx, frame, frame_len, limit);
        zwh__tx_arm(h);
        return;
    }
    int prio = (tx->flags & ZWH_SEND_BACKGROUND) ? ZWH__PRIO_BACKGROUND : ZWH__PRIO_INTERACTIVE;
    if (n)
        n->last_sent_tx = tx->id;
    rc = zwh__host_send_frame(h, tx->node, frame, frame_len, prio, frame_done, tx->id);
    if (rc < 0)
        finish(h, tx, rc);
    zwh__tx_arm(h);
}

static bool wants_supervision(const zwh__node_t *n, const zwh__tx_t *tx)
{
    if (tx->flags & ZWH_SEND_NO_SUPERVISION || tx->expect_cc || (tx->xflags & (ZWH__TXF_REPLY | ZWH__TXF_INTERNAL)))
        return false;
    if (tx->len < 2 || tx->cmd[0] == CC_SUPERVISION || tx->cmd[0] == 0x00)
        return false;
    bool supported = n && zwh__node_has_cc(n, CC_SUPERVISION);
    if (tx->flags & ZWH_SEND_SUPERVISE)
        return supported;
    /* by default: Set-type commands to nodes that support Supervision (v1 Set
     * commands are 0x01 in nearly every class; a Get is never supervised) */
    return supported && tx->cmd[1] == 0x01;
}

static void start(zwh_host_t *h, zwh__tx_t *tx)
{
    zwh__node_t *n = zwh__host_node(h, tx->node);
    tx->deadline = zwh__host_now(h) + tx->timeout_ms;
    tx->secclass = tx->forced_class == ZWH_SEND_SECCLASS_AUTO ? zwh__secure_tx_class(h, n, tx->cmd[0])
                                                                : tx->forced_class;
    tx->supervised = wants_supervision(n, tx);
    tx->state = TX_SENDING;
    transmit(h, tx);
}

static bool eligible(const zwh_host_t *h, const zwh__tx_t *tx)
{
    const zwh__node_t *n = zwh__host_node(h, tx->node);
    if (!n)
        return true; /* fails at start */
    if (tx->xflags & ZWH__TXF_REPLY)
        return true;
    if (node_busy(h, tx->node))
        return false;
    if (n->info.sleeping && !n->awake)
        return false;
    return true;
}

void zwh__tx_schedule(zwh_host_t *h)
{
    if (h->state != ZWH_HOST_READY)
        return;
    for (int pass = 0; pass < 2; pass++) {
        bool progress = true;
        while (progress) {
            progress = false;
            for (zwh__tx_t *t = h->txs; t; t = t->next) {
                if (t->state != TX_QUEUED)
                    continue;
                bool background = (t->flags & ZWH_SEND_BACKGROUND) != 0;
                if (background != (pass == 1))
                    continue;
                if (!eligible(h, t))
                    continue;
                if (!zwh__host_node(h, t->node)) {
                    finish(h, t, ZWH_ENONODE);
                    progress = true;
                    break;
                }
                start(h, t);
                progress = true;
                break; /* the list may have changed */
            }
        }
    }
    /* sleeping nodes whose queue drained go back to sleep */
    for (size_t i = 0; i < h->node_count; i++) {
        zwh__node_t *n = &h->nodes[i];
        if (n->info.sleeping && n->awake && !node_has_queued(h, n->info.node_id) &&
            !node_busy(h, n->info.node_id) && !zwh__iv_active(n)) {
            n->awake = false;
            static const uint8_t nmi[] = {CC_WAKE_UP, WAKE_UP_NO_MORE_INFORMATION};
            zwh_send_opts_t o;
            zwh_send_opts_init(&o);
            (void)zwh__tx_submit(h, n->info.node_id, nmi, sizeof nmi, &o, ZWH__TXF_INTERNAL | ZWH__TXF_REPLY, NULL,
                                 NULL, NULL);
        }
    }
    zwh__tx_arm(h);
}

/* ---- completions from below ---- */

static void frame_done(zwh_host_t *h, uint32_t tag, int status, int rssi)
{
    zwh__tx_t *tx = find_tx(h, tag);
    if (!tx || tx->state != TX_SENDING)
        return;
    tx->rssi = rssi;
    zwh_event_t ev = {.type = ZWH_EVENT_TX_REPORT, .status = status, .node_id = tx->node, .rssi = rssi,
                      .secclass = tx->secclass};
    zwh__host_emit_event(h, &ev);
    zwh__node_t *n = zwh__host_node(h, tx->node);
    if (status != 0) {
        if (n && status == ZWH_ENODEACK) {
            if (n->info.sleeping) {
                if (!(tx->flags & ZWH_SEND_NO_WAIT_WAKEUP) && !(tx->xflags & ZWH__TXF_INTERNAL)) {
                    /* it fell asleep: wait for the next wake-up */
                    n->awake = false;
                    zwh__iv_on_wakeup(h, n, false);
                    if (tx->supervised)
                        (void)zwh__sup_tx_cancel(&h->sup, tx->node, tx->endpoint, tx->session_id);
                    tx->state = TX_QUEUED;
                    tx->nonce_rounds = 0;
                    zwh__tx_schedule(h);
                    return;
                }
            } else if (!(tx->xflags & ZWH__TXF_REPLY)) {
                mark_dead(h, n);
                finish(h, tx, status);
                zwh__tx_fail_node(h, n->info.node_id, ZWH_ENODEDEAD);
                return;
            }
        }
        finish(h, tx, status);
        return;
    }
    if (n && n->dead) {
        n->dead = false;
        zwh__host_emit(h, ZWH_EVENT_NODE_ALIVE, 0, NULL, tx->node);
    }
    tx->sent = true;
    if (tx->have_final) {
        finish(h, tx, tx->final_status);
        return;
    }
    if (!tx->supervised && !tx->expect_cc) {
        finish(h, tx, 0);
        return;
    }
    tx->state = TX_WAITING;
    if (tx->expect_cc && !tx->retried)
        tx->retry_at = zwh__host_now(h) + tx->timeout_ms / 2;
    zwh__tx_arm(h);
}

static void ts_frame(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    zwh_host_t *h = user;
    (void)zwh__host_send_frame(h, node, buf, len, ZWH__PRIO_INTERACTIVE, NULL, 0);
}

static void ts_datagram(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    zwh_host_t *h = user;
    zwh__rx_app_cmd(h, node, buf, len, 127, false);
}

static void ts_done(void *user, uint16_t node, uint32_t tag, int status)
{
    (void)node;
    zwh_host_t *h = user;
    zwh__tx_t *tx = find_tx(h, tag);
    if (!tx || tx->state != TX_SENDING)
        return;
    frame_done(h, tag, status, 127);
}

void zwh__tx_on_nonce(zwh_host_t *h, uint16_t node, bool resync)
{
    for (zwh__tx_t *t = h->txs; t; t = t->next)
        if (t->node == node && t->state == TX_NONCE) {
            transmit(h, t);
            return; /* one at a time: the next waits for its own nonce */
        }
    if (!resync)
        return;
    /* A Nonce Report with SOS and nobody waiting for a nonce: the node could not
     * decrypt our last frame (both sides set up a SPAN at once, or a frame was
     * lost). Send the running transaction again under the new nonce. */
    zwh__node_t *sn = zwh__host_node(h, node);
    for (zwh__tx_t *t = h->txs; t; t = t->next) {
        /* only the transaction whose frame went last: the node answers SOS to the
         * frame it just failed; an earlier one reached it and may have run */
        if (t->node != node || t->secclass == ZWH_SECCLASS_NONE || t->have_final ||
            (t->state != TX_SENDING && t->state != TX_WAITING) || t->resends >= MAX_RESYNC_RESENDS ||
            !sn || sn->last_sent_tx != t->id)
            continue;
        t->resends++;
        if (t->supervised)
            (void)zwh__sup_tx_cancel(&h->sup, t->node, t->endpoint, t->session_id);
        t->sent = false;
        /* Both ends drew the same SPAN nonce when their frames crossed; the node
         * re-sends its own frame too. Wait a little, with a jitter, so the two
         * retransmissions do not cross again. */
        uint64_t now = zwh__host_now(h);
        uint32_t mix = (uint32_t)(now * 2654435761u) ^ (t->id * 40503u);
        t->resend_at = now + RESYNC_DELAY_MS + mix % RESYNC_JITTER_MS;
        t->state = TX_RESYNC;
        ZWH_LOGD(&h->log, "node %u: resynchronised; transaction %u goes again in %llu ms", node, t->id,
                 (unsigned long long)(t->resend_at - now));
        zwh__tx_arm(h);
        return;
    }
    /* nothing running: the frame it could not decrypt was one that completed */
    zwh__node_t *n = zwh__host_node(h, node);
    struct zwh__last_tx *l = n ? n->last_secure : NULL;
    if (!l || l->resent || l->id != n->last_sent_tx || zwh__host_now(h) - l->at > RESEND_WINDOW_MS)
        return;
    l->resent = true;
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.endpoint = l->endpoint;
    o.secclass = (int8_t)l->secclass;
    o.flags = ZWH_SEND_NO_SUPERVISION;
    ZWH_LOGD(&h->log, "node %u: resynchronised; last command sent again", node);
    (void)zwh__tx_submit(h, node, l->cmd, l->len, &o, ZWH__TXF_REPLY | TXF_RESEND, NULL, NULL, NULL);
}

static bool report_matches(const zwh__tx_t *t, uint8_t endpoint, const uint8_t *cmd, size_t len)
{
    if (!t->expect_cc || t->endpoint != endpoint || len < 2)
        return false;
    if (cmd[0] != t->expect_cc || cmd[1] != t->expect_cmd)
        return false;
    if (t->match_index && (t->match_index >= len || cmd[t->match_index] != t->match_value))
        return false;
    return true;
}

void zwh__tx_on_command(zwh_host_t *h, uint16_t node, uint8_t endpoint, int secclass, const uint8_t *cmd,
                        size_t len)
{
    (void)secclass;
    for (zwh__tx_t *t = h->txs; t; t = t->next) {
        if (t->node != node || t->have_final || (t->state != TX_SENDING && t->state != TX_WAITING))
            continue;
        if (!report_matches(t, endpoint, cmd, len))
            continue;
        free(t->report);
        t->report = malloc(len);
        if (t->report) {
            memcpy(t->report, cmd, len);
            t->report_len = len;
        }
        if (t->state == TX_WAITING) {
            finish(h, t, 0);
        } else {
            t->have_final = true;
            t->final_status = 0;
        }
        return;
    }
}

static int sup_status_code(uint8_t status)
{
    switch (status) {
    case ZWH_SUPERVISION_SUCCESS: return 0;
    case ZWH_SUPERVISION_NO_SUPPORT: return ZWH_ESUPERVISION_NOSUP;
    case ZWH_SUPERVISION_WORKING: return 0; /* WORKING without further updates: accepted */
    default: return ZWH_ESUPERVISION_FAIL;
    }
}

static void sup_event(zwh_host_t *h, const zwh__sup_event_t *ev)
{
    zwh__tx_t *tx = find_tx(h, ev->tag);
    if (!tx || !tx->supervised || tx->have_final)
        return;
    tx->sup_status = ev->status;
    if (ev->type == ZWH__SUP_EV_PROGRESS) {
        /* the session's deadline moved with the duration; ours follows it */
        uint64_t d = zwh__sup_deadline(&h->sup);
        if (d != UINT64_MAX && d > tx->deadline)
            tx->deadline = d;
        call_cb(h, tx, 0, 0, ev->duration);
        zwh__tx_arm(h);
        return;
    }
    int st = ev->type == ZWH__SUP_EV_TIMEOUT ? ZWH_ETIMEDOUT : sup_status_code(ev->status);
    if (tx->state == TX_WAITING) {
        tx->have_final = true;
        finish(h, tx, st);
    } else {
        tx->have_final = true;
        tx->final_status = st;
    }
}

void zwh__tx_on_supervision_report(zwh_host_t *h, uint16_t node, uint8_t endpoint, const uint8_t *cmd,
                                   size_t len)
{
    zwh__sup_event_t ev;
    if (zwh__sup_tx_report(&h->sup, node, endpoint, cmd, len, zwh__host_now(h), &ev) == 1)
        sup_event(h, &ev);
}

void zwh__tx_on_wakeup(zwh_host_t *h, uint16_t node)
{
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n)
        return;
    n->awake = true;
    zwh__host_emit(h, ZWH_EVENT_WAKE_UP, 0, NULL, node);
    zwh__iv_on_wakeup(h, n, true);
    zwh__tx_schedule(h);
}

/* ---- timers ---- */

static void on_timer(uv_timer_t *t)
{
    zwh_host_t *h = t->data;
    uint64_t now = zwh__host_now(h);
    zwh__sup_event_t ev;
    while (zwh__sup_tick(&h->sup, now, &ev) == 1)
        sup_event(h, &ev);
    if (h->ts)
        zwh__ts_tick(h->ts, now);
    zwh__iv_tick(h, now);
    for (zwh__tx_t *tx = h->txs; tx; tx = tx->next) {
        if (tx->state == TX_RESYNC && tx->resend_at <= now) {
            tx->state = TX_SENDING;
            transmit(h, tx);
            break; /* the list may change: the timer comes back for the others */
        }
        if (tx->state == TX_WAITING && tx->expect_cc && !tx->retried && tx->retry_at && tx->retry_at <= now) {
            /* half the time gone without the report (lost in the air, or its
             * frame crossed ours and could not be decrypted): ask once more */
            tx->retried = true;
            tx->sent = false;
            tx->state = TX_SENDING;
            ZWH_LOGD(&h->log, "node %u: no report yet; transaction %u asks again", tx->node, tx->id);
            transmit(h, tx);
            break;
        }
    }
    bool again = true;
    while (again) {
        again = false;
        for (zwh__tx_t *tx = h->txs; tx; tx = tx->next) {
            if (tx->state != TX_QUEUED && tx->deadline <= now) {
                finish(h, tx, tx->state == TX_NONCE ? ZWH_ES2_NONCE : ZWH_ETIMEDOUT);
                again = true;
                break;
            }
        }
    }
    zwh__tx_schedule(h); /* new submissions start here, never inside zwh_host_send() */
}

void zwh__tx_arm(zwh_host_t *h)
{
    if (h->state == ZWH_HOST_CLOSING || !h->tx_timer.data)
        return;
    uint64_t d = zwh__sup_deadline(&h->sup);
    if (h->ts) {
        uint64_t t = zwh__ts_deadline(h->ts);
        if (t < d)
            d = t;
    }
    for (const zwh__tx_t *tx = h->txs; tx; tx = tx->next) {
        if (tx->state != TX_QUEUED && tx->deadline < d)
            d = tx->deadline;
        if (tx->state == TX_RESYNC && tx->resend_at < d)
            d = tx->resend_at;
        if (tx->state == TX_WAITING && tx->expect_cc && !tx->retried && tx->retry_at && tx->retry_at < d)
            d = tx->retry_at;
    }
    uint64_t iv = zwh__iv_deadline(h);
    if (iv < d)
        d = iv;
    if (d == UINT64_MAX) {
        uv_timer_stop(&h->tx_timer);
        return;
    }
    uint64_t now = zwh__host_now(h);
    uv_timer_start(&h->tx_timer, on_timer, d > now ? d - now : 0, 0);
}

/* ---- lifecycle ---- */

int zwh__tx_init(zwh_host_t *h)
{
    /* session ids must not restart at the same value in every process: a node
     * remembers recent sessions and would answer a new command from its cache */
    zwh__sup_config_t sc;
    zwh__sup_config_default(&sc);
    sc.seed = (uint32_t)uv_hrtime() ^ (uint32_t)(uintptr_t)h;
    zwh__sup_init(&h->sup, &sc);
    h->ts = calloc(1, sizeof *h->ts);
    if (!h->ts)
        return ZWH_ENOMEM;
    zwh__ts_io_t io = {ts_frame, ts_datagram, ts_done};
    zwh__ts_config_t tc;
    zwh__ts_config_default(&tc);
    tc.seed = sc.seed * 2654435761u; /* likewise for Transport Service session ids */
    zwh__ts_init(h->ts, &tc, &io, h);
    uv_timer_init(h->loop, &h->tx_timer);
    h->tx_timer.data = h;
    h->next_tx_id = 1;
    return 0;
}

void zwh__tx_fail_node(zwh_host_t *h, uint16_t node, int status)
{
    bool again = true;
    while (again) {
        again = false;
        for (zwh__tx_t *t = h->txs; t; t = t->next)
            if (t->node == node && !(t->xflags & ZWH__TXF_REPLY)) {
                finish(h, t, status);
                again = true;
                break;
            }
    }
}

void zwh__tx_fail_all(zwh_host_t *h, int status)
{
    while (h->txs) {
        zwh__tx_t *t = h->txs;
        h->txs = t->next;
        call_cb(h, t, status, 1, 0);
        free(t->report);
        free(t);
    }
}

void zwh__tx_close(zwh_host_t *h, int *pending_closes, uv_close_cb cb)
{
    zwh__tx_fail_all(h, ZWH_ECANCELED);
    free(h->ts);
    h->ts = NULL;
    if (h->tx_timer.data) {
        (*pending_closes)++;
        uv_close((uv_handle_t *)&h->tx_timer, cb);
    }
}

/* ---- public API ---- */

ZWH_EXTERN void zwh_send_opts_init(zwh_send_opts_t *opts)
{
    if (!opts)
        return;
    memset(opts, 0, sizeof *opts);
    opts->secclass = ZWH_SEND_SECCLASS_AUTO;
}

int zwh__tx_submit(zwh_host_t *h, uint16_t node, const uint8_t *cmd, size_t len, const zwh_send_opts_t *opts,
                   unsigned xflags, zwh_send_cb cb, void *user, uint32_t *id)
{
    zwh_send_opts_t def;
    if (!opts) {
        zwh_send_opts_init(&def);
        opts = &def;
    }
    if (!cmd || len == 0 || len > ZWH_SEND_MAX || node == 0)
        return ZWH_EINVAL;
    bool bootstrap_class = (xflags & ZWH__TXF_INTERNAL) &&
                           (opts->secclass == ZWH_SECCLASS_TEMP || opts->secclass == ZWH__SECCLASS_S0_TEMP);
    if (opts->secclass != ZWH_SEND_SECCLASS_AUTO && opts->secclass != ZWH_SECCLASS_NONE && !bootstrap_class &&
        (opts->secclass < 0 || opts->secclass >= ZWH_SECCLASS_COUNT))
        return ZWH_EINVAL;
    if (h->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n)
        return ZWH_ENONODE;
    if (n->dead && !(len == 1 && cmd[0] == 0x00) && !(xflags & ZWH__TXF_REPLY))
        return ZWH_ENODEDEAD;
    if (opts->secclass >= 0 && !(n->granted & (1u << opts->secclass)))
        return ZWH_ENOKEY;
    size_t count = 0;
    for (zwh__tx_t *t = h->txs; t; t = t->next)
        count++;
    if (count >= MAX_TXS)
        return ZWH_ENOSPC;
    zwh__tx_t *tx = calloc(1, sizeof *tx + len);
    if (!tx)
        return ZWH_ENOMEM;
    tx->id = h->next_tx_id++;
    if (h->next_tx_id == 0)
        h->next_tx_id = 1;
    tx->node = node;
    tx->endpoint = opts->endpoint;
    tx->flags = opts->flags;
    tx->xflags = (uint8_t)xflags;
    tx->expect_cc = opts->expect_cc;
    tx->expect_cmd = opts->expect_cmd;
    tx->match_index = opts->match_index;
    tx->match_value = opts->match_value;
    tx->forced_class = opts->secclass;
    tx->timeout_ms = opts->timeout_ms ? opts->timeout_ms : DEFAULT_TIMEOUT_MS;
    tx->sup_status = -1;
    tx->rssi = 127;
    tx->secclass = ZWH_SECCLASS_NONE;
    tx->cb = cb;
    tx->user = user;
    tx->len = len;
    memcpy(tx->cmd, cmd, len);
    /* append: submission order within a priority */
    zwh__tx_t **pp = &h->txs;
    if (xflags & ZWH__TXF_REPLY) {
        tx->next = h->txs;
        h->txs = tx;
    } else {
        while (*pp)
            pp = &(*pp)->next;
        *pp = tx;
    }
    if (id)
        *id = tx->id;
    /* never complete from inside the call: start on the next timer turn */
    uv_timer_start(&h->tx_timer, on_timer, 0, 0);
    return 0;
}

ZWH_EXTERN int zwh_host_send(zwh_host_t *host, uint16_t node_id, const uint8_t *cmd, size_t len,
                             const zwh_send_opts_t *opts, zwh_send_cb cb, void *user, uint32_t *request_id)
{
    if (!host)
        return ZWH_EINVAL;
    return zwh__tx_submit(host, node_id, cmd, len, opts, 0, cb, user, request_id);
}

int zwh__tx_set_mgrp(zwh_host_t *h, uint32_t id, uint8_t group)
{
    zwh__tx_t *tx = find_tx(h, id);
    if (!tx || tx->state != TX_QUEUED)
        return ZWH_ENOENT;
    tx->mgrp_group = group;
    return 0;
}

ZWH_EXTERN int zwh_host_cancel(zwh_host_t *host, uint32_t request_id)
{
    if (!host)
        return ZWH_EINVAL;
    zwh__tx_t *tx = find_tx(host, request_id);
    if (!tx)
        return ZWH_ENOENT;
    finish(host, tx, ZWH_ECANCELED);
    return 0;
}

ZWH_EXTERN int zwh_result_get_status(const zwh_result_t *res) { return res ? res->status : ZWH_EINVAL; }
ZWH_EXTERN int zwh_result_is_final(const zwh_result_t *res) { return res ? res->final : 1; }
ZWH_EXTERN uint32_t zwh_result_get_request_id(const zwh_result_t *res) { return res ? res->id : 0; }
ZWH_EXTERN uint16_t zwh_result_get_node_id(const zwh_result_t *res) { return res ? res->node : 0; }
ZWH_EXTERN int zwh_result_get_supervision_status(const zwh_result_t *res) { return res ? res->sup_status : -1; }
ZWH_EXTERN int zwh_result_get_duration(const zwh_result_t *res) { return res ? res->duration : 0; }
ZWH_EXTERN const uint8_t *zwh_result_get_report(const zwh_result_t *res, size_t *len)
{
    if (len)
        *len = res ? res->report_len : 0;
    return res && res->report_len ? res->report : NULL;
}
ZWH_EXTERN int zwh_result_get_secclass(const zwh_result_t *res) { return res ? res->secclass : ZWH_SECCLASS_NONE; }
ZWH_EXTERN int zwh_result_get_rssi(const zwh_result_t *res) { return res ? res->rssi : 127; }
