/* Controller side of S2/S0/Transport Service over raw Serial API frames; see
 * sim_secure.h. */
#include "sim_secure.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "security/keystore.h"
#include "serialapi/frame.h"
#include "zwhost/error.h"

#define F_APP_CMD_HANDLER 0x04
#define F_SEND_DATA 0x13
#define F_SEND_DATA_MULTI 0x14
#define TXO 0x25
#define MAX_FRAME 46
#define RES_TIMEOUT_MS 600
#define CB_TIMEOUT_MS 3000
#define CTRL_ID 1

static int engine_class(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_TEMP: return ZWH__S2_TEMP;
    case ZWH_SECCLASS_S0: return ZWH__S2_S0_VERIFY;
    default: return secclass;
    }
}

static int machine_class(int cls)
{
    switch (cls) {
    case ZWH__S2_TEMP: return ZWH_SECCLASS_TEMP;
    case ZWH__S2_S0_VERIFY: return ZWH_SECCLASS_S0;
    default: return cls;
    }
}

/* ---- SendData queue --------------------------------------------------------- */

static void queue_frame(simsec_t *s, uint16_t dst, const uint8_t *b, size_t len)
{
    if (len > MAX_FRAME || s->ot - s->oh >= SIMSEC_OUT_MAX) {
        fprintf(stderr, "simsec: frame of %zu bytes to %u not queued\n", len, dst);
        return;
    }
    simsec_frame_t *f = &s->out[s->ot++ % SIMSEC_OUT_MAX];
    f->nmulti = 0;
    f->dst = dst;
    f->len = len;
    memcpy(f->b, b, len);
}

static void start_tx(simsec_t *s)
{
    const simsec_frame_t *f = &s->out[s->oh % SIMSEC_OUT_MAX];
    uint8_t p[4 + 8 + MAX_FRAME];
    size_t n = 0;
    s->cb = (uint8_t)(s->cb % 0xFE + 1);
    if (f->nmulti) {
        p[n++] = f->nmulti;
        memcpy(p + n, f->multi, f->nmulti);
        n += f->nmulti;
    } else {
        p[n++] = (uint8_t)f->dst;
    }
    p[n++] = (uint8_t)f->len;
    memcpy(p + n, f->b, f->len);
    n += f->len;
    p[n++] = TXO;
    p[n++] = s->cb;
    s->tx_func = f->nmulti ? F_SEND_DATA_MULTI : F_SEND_DATA;
    sim_client_send(s->c, ZWH__TYPE_REQ, s->tx_func, p, n);
    s->tx_state = 1;
    s->tx_deadline = sim_now_ms() + RES_TIMEOUT_MS;
}

static void tx_next(simsec_t *s)
{
    if (s->tx_state == 0 && s->oh != s->ot)
        start_tx(s);
}

/* ---- encapsulation ------------------------------------------------------------ */

static void ts_send_io(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    simsec_t *s = user;
    s->ts_segments_out++;
    if (s->drop_ts_segment && s->ts_segments_out == s->drop_ts_segment) {
        s->drop_ts_segment = 0; /* lost on air, once */
        return;
    }
    queue_frame(s, node, buf, len);
}

static void ts_datagram_io(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    simsec_t *s = user;
    if (s->datagram)
        return;
    s->datagram = malloc(len);
    memcpy(s->datagram, buf, len);
    s->datagram_len = len;
    s->datagram_src = node;
}

static void ts_done_io(void *user, uint16_t node, uint32_t tag, int status)
{
    (void)user;
    (void)tag;
    if (status)
        fprintf(stderr, "simsec: segmented frame to %u failed: %s\n", node, zwh_err_name(status));
}

/* An encapsulated frame on its way: in one SendData or in TS segments. */
static void wire_out(simsec_t *s, uint16_t dst, const uint8_t *b, size_t len)
{
    if (len <= MAX_FRAME) {
        queue_frame(s, dst, b, len);
        return;
    }
    int rc = zwh__ts_send(s->ts, dst, b, len, MAX_FRAME, 0, sim_now_ms());
    if (rc < 0)
        fprintf(stderr, "simsec: cannot segment %zu bytes: %s\n", len, zwh_err_name(rc));
}

/* Tries a pending command; returns true when it went out (or was given up). */
static bool try_pend(simsec_t *s, simsec_pend_t *p)
{
    uint8_t out[600];
    size_t n = 0;
    int r;
    bool nonce_get;
    if (p->s0) {
        zwh__s0_tx_t tx = {.dst = p->dst, .temp_key = p->cls == ZWH_SECCLASS_TEMP};
        r = zwh__s0_encap(s->s0, &tx, p->b, p->len, sim_now_ms(), out, sizeof out, &n);
        nonce_get = r == ZWH__S0_TX_NONCE_GET;
    } else {
        zwh__s2_tx_t tx = {.dst = p->dst, .cls = engine_class(p->cls), .mgrp_group = p->mgrp, .mpan_group = p->mgrp};
        r = zwh__s2_encap(s->s2, &tx, p->b, p->len, sim_now_ms(), out, sizeof out, &n);
        nonce_get = r == ZWH__S2_TX_NONCE_GET;
    }
    if (r < 0) {
        fprintf(stderr, "simsec: encap to %u failed: %s\n", p->dst, zwh_err_name(r));
        p->used = false;
        return true;
    }
    wire_out(s, p->dst, out, n);
    if (nonce_get) {
        p->waiting = true;
        return false;
    }
    p->used = false;
    return true;
}

/* Sends the oldest untried commands to dst while no Nonce Get is out to it. */
static void drain(simsec_t *s, uint16_t dst, bool s0)
{
    for (;;) {
        simsec_pend_t *next = NULL;
        for (int i = 0; i < SIMSEC_PEND_MAX; i++) {
            simsec_pend_t *p = &s->pend[i];
            if (!p->used || p->dst != dst || p->s0 != s0)
                continue;
            if (p->waiting)
                return;
            if (!next || p->seq < next->seq)
                next = p;
        }
        if (!next || !try_pend(s, next))
            return;
    }
}

static void retry_pending(simsec_t *s, uint16_t src, bool s0)
{
    for (int i = 0; i < SIMSEC_PEND_MAX; i++) {
        simsec_pend_t *p = &s->pend[i];
        if (p->used && p->waiting && p->dst == src && p->s0 == s0)
            p->waiting = false;
    }
    drain(s, src, s0);
}

static void send_secure_grp(simsec_t *s, uint16_t nid, int cls, bool s0, uint8_t mgrp, const uint8_t *cmd,
                            size_t len)
{
    for (int i = 0; i < SIMSEC_PEND_MAX; i++) {
        simsec_pend_t *p = &s->pend[i];
        if (p->used)
            continue;
        p->used = true;
        p->waiting = false;
        p->seq = ++s->pend_seq;
        p->dst = nid;
        p->cls = cls;
        p->s0 = s0;
        p->mgrp = mgrp;
        p->len = len;
        memcpy(p->b, cmd, len);
        drain(s, nid, s0);
        return;
    }
    fprintf(stderr, "simsec: too many commands waiting for nonces\n");
}

static void send_secure(simsec_t *s, uint16_t nid, int cls, bool s0, const uint8_t *cmd, size_t len)
{
    send_secure_grp(s, nid, cls, s0, 0, cmd, len);
}

void simsec_send_followup(simsec_t *s, uint16_t nid, int cls, uint8_t group, const uint8_t *cmd, size_t len)
{
    send_secure_grp(s, nid, cls, false, group, cmd, len);
    tx_next(s);
}

int simsec_send_multicast(simsec_t *s, uint8_t group, int cls, const uint8_t *nids, size_t n, const uint8_t *cmd,
                          size_t len)
{
    uint8_t out[MAX_FRAME];
    size_t olen = 0;
    if (n == 0 || n > 8 || s->ot - s->oh >= SIMSEC_OUT_MAX)
        return -1;
    int r = zwh__s2_encap_multicast(s->s2, group, cls, cmd, len, sim_now_ms(), out, sizeof out, &olen);
    if (r < 0)
        return r;
    simsec_frame_t *f = &s->out[s->ot++ % SIMSEC_OUT_MAX];
    f->nmulti = (uint8_t)n;
    memcpy(f->multi, nids, n);
    f->dst = 0;
    f->len = olen;
    memcpy(f->b, out, olen);
    tx_next(s);
    return 0;
}

void simsec_send(simsec_t *s, uint16_t nid, int cls, const uint8_t *cmd, size_t len)
{
    if (cls == ZWH_SECCLASS_NONE)
        wire_out(s, nid, cmd, len);
    else
        send_secure(s, nid, cls, cls == ZWH_SECCLASS_S0, cmd, len);
    tx_next(s);
}

void simsec_send_raw(simsec_t *s, uint16_t nid, const uint8_t *frame, size_t len)
{
    queue_frame(s, nid, frame, len);
    tx_next(s);
}

/* ---- bootstrap ------------------------------------------------------------------ */

static void kex_handle(simsec_t *s, const zwh__kex_out_t *out)
{
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        zwh__kex_out_t more;
        switch (a->type) {
        case ZWH__KEX_ACT_SEND:
            if (a->secclass == ZWH_SECCLASS_NONE)
                wire_out(s, s->kex_node, a->data, a->len);
            else
                send_secure(s, s->kex_node, a->secclass, s->kex_s0, a->data, a->len);
            break;
        case ZWH__KEX_ACT_TEMP_KEY:
            if (s->kex_s0) {
                zwh__s0_allow_temp_key(s->s0, s->kex_node, 1);
            } else {
                if (zwh__s2_set_class_keys(s->s2, ZWH__S2_TEMP, a->temp_keys) < 0)
                    fprintf(stderr, "simsec: cannot load the temporary key\n");
                s->kex_granted |= ZWH__S2_BIT(ZWH__S2_TEMP);
                zwh__s2_set_granted(s->s2, s->kex_node, s->kex_granted);
            }
            break;
        case ZWH__KEX_ACT_NET_KEY:
            if (s->kex_s0) {
                zwh__s0_allow_temp_key(s->s0, s->kex_node, 1);
            } else {
                s->kex_granted |= ZWH__S2_BIT(engine_class(a->secclass));
                zwh__s2_set_granted(s->s2, s->kex_node, s->kex_granted);
            }
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            if (s->kex_s0) {
                zwh__s0_allow_temp_key(s->s0, s->kex_node, 0);
            } else {
                s->kex_granted &= ~ZWH__S2_BIT(ZWH__S2_TEMP);
                for (int b = 0; b < 8; b++)
                    if (a->keys & (1u << b))
                        s->kex_granted &= ~ZWH__S2_BIT(engine_class(zwh__kex_key_class(&s->kex, (uint8_t)(1u << b))));
                zwh__s2_set_granted(s->s2, s->kex_node, s->kex_granted);
            }
            break;
        case ZWH__KEX_ACT_EVENT:
            if (a->event == ZWH__KEX_EV_GRANT_REQUEST) {
                if (zwh__kex_grant(&s->kex, s->kex_allow, false, sim_now_ms(), &more) == 0)
                    kex_handle(s, &more);
            } else if (a->event == ZWH__KEX_EV_PIN_REQUEST) {
                /* the DSK the node presents must be the one it printed (bytes 2..15) */
                if (memcmp(a->data + 2, s->node_dsk + 2, 14) != 0) {
                    fprintf(stderr, "simsec: the node's public key does not match its DSK line\n");
                    s->kex_result = -1;
                    s->kex_fail = 0xFF;
                    return;
                }
                uint16_t pin = (uint16_t)(s->node_dsk[0] << 8 | s->node_dsk[1]);
                if (s->pin_mode == SIMSEC_PIN_WRONG)
                    pin = (uint16_t)(pin ^ 0x5A5A);
                if (zwh__kex_pin(&s->kex, pin, sim_now_ms(), &more) == 0)
                    kex_handle(s, &more);
            } else if (a->event == ZWH__KEX_EV_DONE) {
                s->kex_result = 1;
                s->kex_keys = a->keys;
            } else if (a->event == ZWH__KEX_EV_FAILED) {
                s->kex_result = -1;
                s->kex_fail = a->fail;
            }
            break;
        default:
            break;
        }
    }
}

int simsec_kex_start(simsec_t *s, uint16_t nid, int role, uint8_t allow, int pin_mode)
{
    zwh__kex_config_t cfg = {.role = role, .keys = s->ks};
    if (zwh__kex_init(&s->kex, &cfg) < 0)
        return -1;
    s->kex_on = true;
    s->kex_s0 = role == ZWH__KEX_ROLE_S0_CONTROLLER;
    s->kex_node = nid;
    s->kex_allow = allow;
    s->pin_mode = pin_mode;
    s->kex_result = 0;
    s->kex_granted = 0;
    zwh__kex_out_t out;
    if (zwh__kex_start(&s->kex, sim_now_ms(), &out) < 0)
        return -1;
    kex_handle(s, &out);
    tx_next(s);
    return 0;
}

static bool kex_cmd(const simsec_t *s, const uint8_t *f, size_t len)
{
    if (!s->kex_on || s->kex_result || len < 2)
        return false;
    if (s->kex_s0)
        return f[0] == ZWH__CC_S0 && f[1] >= ZWH__S0B_SCHEME_GET && f[1] <= ZWH__S0B_NETWORK_KEY_VERIFY;
    return f[0] == ZWH__CC_S2 && f[1] >= ZWH__S2_KEX_GET && f[1] <= ZWH__S2_TRANSFER_END;
}

static void kex_feed(simsec_t *s, const uint8_t *f, size_t len, int secclass)
{
    zwh__kex_out_t out;
    if (zwh__kex_input(&s->kex, f, len, secclass, sim_now_ms(), &out) == 0)
        kex_handle(s, &out);
}

/* ---- receive -------------------------------------------------------------------- */

static void record(simsec_t *s, uint16_t src, int cls, bool seg, bool mc, const uint8_t *b, size_t len)
{
    if (s->nrx == SIMSEC_RX_MAX || len > sizeof s->rx[0].b)
        return;
    simsec_cmd_t *c = &s->rx[s->nrx++];
    c->src = src;
    c->cls = cls;
    c->segmented = seg;
    c->multicast = mc;
    c->len = len;
    memcpy(c->b, b, len);
}

static void on_plain(simsec_t *s, uint16_t src, int cls, bool seg, const uint8_t *b, size_t len)
{
    if (src == s->kex_node && kex_cmd(s, b, len))
        kex_feed(s, b, len, cls);
    else if (len)
        record(s, src, cls, seg, false, b, len);
}

static void on_wire(simsec_t *s, uint16_t src, const uint8_t *f, size_t len, bool seg)
{
    uint8_t pt[600];
    if (len >= 2 && f[0] == ZWH__S2_CC &&
        (f[1] == ZWH__S2_NONCE_GET || f[1] == ZWH__S2_NONCE_REPORT || f[1] == ZWH__S2_MSG_ENCAP)) {
        zwh__s2_rx_t rx = {.src = src};
        zwh__s2_result_t res;
        int r = zwh__s2_decap(s->s2, &rx, f, len, sim_now_ms(), pt, sizeof pt, &res);
        if (res.reply_len) {
            s->nonce_reports_out++;
            wire_out(s, src, res.reply, res.reply_len);
        }
        if (r == ZWH__S2_RX_NONCE_REPORT) {
            retry_pending(s, src, false);
        } else if (r == ZWH__S2_RX_PLAINTEXT) {
            on_plain(s, src, machine_class(res.cls), seg, pt, res.len);
        } else if (r < 0) {
            s->decrypt_failures += r == ZWH_ES2_DECRYPT;
            if (r == ZWH_ES2_DECRYPT && src == s->kex_node && s->kex_on && !s->kex_result) {
                zwh__kex_out_t out;
                if (zwh__kex_decrypt_failed(&s->kex, sim_now_ms(), &out) == 0)
                    kex_handle(s, &out);
            }
        }
        return;
    }
    if (len >= 2 && f[0] == ZWH__S0_CC &&
        (f[1] == ZWH__S0_NONCE_GET || f[1] == ZWH__S0_NONCE_REPORT || f[1] == ZWH__S0_MSG_ENCAP ||
         f[1] == ZWH__S0_MSG_ENCAP_NONCE_GET)) {
        zwh__s0_rx_t rx = {.src = src};
        zwh__s0_result_t res;
        int r = zwh__s0_decap(s->s0, &rx, f, len, sim_now_ms(), pt, sizeof pt, &res);
        if (res.reply_len)
            wire_out(s, src, res.reply, res.reply_len);
        if (r == ZWH__S0_RX_NONCE_REPORT)
            retry_pending(s, src, true);
        else if (r == ZWH__S0_RX_PLAINTEXT)
            on_plain(s, src, res.temp_key ? ZWH_SECCLASS_TEMP : ZWH_SECCLASS_S0, seg, pt, res.len);
        return;
    }
    if (len >= 1 && f[0] == 0x55) {
        s->ts_segments_in++;
        zwh__ts_input(s->ts, src, f, len, sim_now_ms());
        if (s->datagram) {
            uint8_t *d = s->datagram;
            s->datagram = NULL;
            on_wire(s, s->datagram_src, d, s->datagram_len, true);
            free(d);
        }
        return;
    }
    on_plain(s, src, ZWH_SECCLASS_NONE, seg, f, len);
}

static void on_frame(simsec_t *s, const sim_frame_t *f)
{
    if (f->func == s->tx_func && f->type == ZWH__TYPE_RES && s->tx_state == 1) {
        if (f->len >= 1 && f->payload[0]) {
            s->tx_state = 2;
            s->tx_deadline = sim_now_ms() + CB_TIMEOUT_MS;
        } else {
            s->tx_state = 0; /* busy: try again */
        }
        return;
    }
    if (f->func == s->tx_func && f->type == ZWH__TYPE_REQ && f->len >= 2 && f->payload[0] == s->cb &&
        s->tx_state == 2) {
        s->last_tx_status = f->payload[1];
        s->oh++;
        s->tx_state = 0;
        return;
    }
    if (f->func == F_APP_CMD_HANDLER && f->type == ZWH__TYPE_REQ && f->len >= 3) {
        size_t n = f->payload[2];
        if (3 + n <= f->len)
            on_wire(s, f->payload[1], f->payload + 3, n, false);
        return;
    }
    if (s->nother < SIMSEC_OTHER_MAX)
        s->other[s->nother++] = *f;
}

static void poll_once(simsec_t *s, int ms)
{
    sim_frame_t f;
    int ev = sim_client_next(s->c, ms, &f);
    if (ev == ZWH__FEV_DATA) {
        const uint8_t ack = ZWH__ACK;
        sim_client_write(s->c, &ack, 1);
        on_frame(s, &f);
    } else if (ev == ZWH__FEV_CAN && s->tx_state == 1) {
        s->tx_state = 0; /* our request collided: send it again */
    }
    uint64_t now = sim_now_ms();
    if (s->tx_state && now >= s->tx_deadline) {
        if (s->tx_state == 2)
            s->oh++; /* no callback: give the frame up */
        s->tx_state = 0;
    }
    zwh__ts_tick(s->ts, now);
    if (s->kex_on && !s->kex_result && now >= zwh__kex_deadline(&s->kex)) {
        zwh__kex_out_t out;
        if (zwh__kex_timeout(&s->kex, now, &out) == 0)
            kex_handle(s, &out);
    }
    tx_next(s);
}

void simsec_pump(simsec_t *s, int ms)
{
    uint64_t end = sim_now_ms() + (uint64_t)ms;
    for (uint64_t now = sim_now_ms(); now < end; now = sim_now_ms())
        poll_once(s, (int)(end - now < 20 ? end - now : 20));
}

int simsec_wait(simsec_t *s, uint16_t nid, uint8_t cc, uint8_t cmd, int ms)
{
    uint64_t end = sim_now_ms() + (uint64_t)ms;
    for (;;) {
        for (size_t i = 0; i < s->nrx; i++) {
            simsec_cmd_t *c = &s->rx[i];
            if (!c->taken && c->src == nid && c->len >= 2 && c->b[0] == cc && c->b[1] == cmd) {
                c->taken = true;
                return (int)i;
            }
        }
        uint64_t now = sim_now_ms();
        if (now >= end)
            return -1;
        poll_once(s, 20);
    }
}

void simsec_idle(simsec_t *s, int ms)
{
    uint64_t end = sim_now_ms() + (uint64_t)ms;
    while (sim_now_ms() < end && (s->oh != s->ot || s->tx_state))
        poll_once(s, 20);
}

int simsec_kex_run(simsec_t *s, int ms)
{
    uint64_t end = sim_now_ms() + (uint64_t)ms;
    while (sim_now_ms() < end && !s->kex_result)
        poll_once(s, 20);
    if (s->kex_result) {
        s->kex_on = false;
        zwh__kex_clear(&s->kex);
        /* grant the node what the bootstrap verified (its temporary key is gone) */
        simsec_grant(s, s->kex_node, s->kex_result > 0 ? s->kex_keys : 0);
    }
    return s->kex_result;
}

/* ---- set-up ------------------------------------------------------------------------ */

void simsec_grant(simsec_t *s, uint16_t nid, uint32_t classes)
{
    zwh__s2_set_granted(s->s2, nid, classes & 0x1Fu);
}

int simsec_init(simsec_t *s, sim_client_t *c, uint32_t home_id, const char *keys_text)
{
    memset(s, 0, sizeof *s);
    s->c = c;
    s->home = home_id;
    char msg[128];
    s->ks = zwh__keystore_alloc();
    if (!s->ks || zwh__keystore_parse(s->ks, keys_text, strlen(keys_text), msg, sizeof msg) < 0)
        return -1;
    uint8_t seed[32];
    memset(seed, 0xC1, sizeof seed);
    zwh__s2_config_t sc = {.home_id = home_id, .node_id = CTRL_ID, .seed = seed};
    zwh__s0_config_t oc = {.node_id = CTRL_ID, .seed = seed};
    if (zwh__s2_new(&sc, &s->s2) < 0 || zwh__s0_new(&oc, &s->s0) < 0)
        return -1;
    for (int cls = 0; cls <= ZWH_SECCLASS_S2_LR_ACCESS_CONTROL; cls++) {
        const uint8_t *k = zwh__keystore_key(s->ks, cls);
        if (k && zwh__s2_set_network_key(s->s2, cls, k) < 0)
            return -1;
    }
    const uint8_t *k0 = zwh__keystore_key(s->ks, ZWH_SECCLASS_S0);
    if (k0 && (zwh__s0_set_network_key(s->s0, k0) < 0 || zwh__s2_set_network_key(s->s2, ZWH__S2_S0_VERIFY, k0) < 0))
        return -1;
    s->ts = calloc(1, sizeof *s->ts);
    if (!s->ts)
        return -1;
    static const zwh__ts_io_t io = {ts_send_io, ts_datagram_io, ts_done_io};
    zwh__ts_init(s->ts, NULL, &io, s);
    return 0;
}

void simsec_free(simsec_t *s)
{
    zwh__kex_clear(&s->kex);
    zwh__s2_free(s->s2);
    zwh__s0_free(s->s0);
    zwh_keystore_free(s->ks);
    free(s->ts);
    free(s->datagram);
    memset(s, 0, sizeof *s);
}

int simsec_keys_file(char *path, size_t cap, const char *text)
{
    if (snprintf(path, cap, "/tmp/zwh-sim-keys-XXXXXX") >= (int)cap)
        return -1;
    int fd = mkstemp(path); /* mode 0600 */
    if (fd < 0)
        return -1;
    size_t len = strlen(text);
    ssize_t n = write(fd, text, len);
    close(fd);
    return n == (ssize_t)len ? 0 : -1;
}
