/* SendData, SendDataMulticast, SendDataAbort, RequestNodeInfo, and the
 * ApplicationCommandHandler frames carrying what nodes send. A node's answer to
 * a SendData is held while the transmission completes and goes out before or
 * after the SendData callback (--report-order), as both orders occur with real
 * chips. */
#include "ctrl_int.h"

#include <string.h>

#define TXO_ACK 0x01
#define TXO_EXPLORE 0x20
#define NODE_BROADCAST 0xFF
#define NODE_BROADCAST_LR 0x0FFF
#define RX_STATUS_SINGLECAST 0x00

#define LAT_DIRECT_MS 20   /* listening node, direct route */
#define LAT_BEAM_MS 1100   /* FLiRS node: 1000 ms wake-up beam first */
#define LAT_NO_ACK_MS 150  /* tries, routes and explorer frames before giving up */
#define LAT_MULTICAST_MS 30
#define CC_TRANSPORT_SERVICE 0x55
#define TS_SUBSEQUENT_SEGMENT 0xE0
#define LAT_NIF_MS 60
#define NOISE_FLOOR_DBM (-95)
#define RSSI_NA 0x7F

/* A FLiRS node is woken with a beam, unless its receiver is on (it waits for an answer). */
static int needs_beam(const sim_node_t *n)
{
    return n && n->mode == SIM_NODE_FLIRS && !n->awake;
}

/* ---- ApplicationCommandHandler ------------------------------------------ */

static void send_ach(sim_ctrl_t *c, uint16_t src, int8_t rssi, const uint8_t *cmd, size_t len)
{
    uint8_t p[ZWH__FRAME_PAYLOAD_MAX];
    zwh__wr_t w;
    zwh__wr_init(&w, p, sizeof p);
    zwh__wr_u8(&w, RX_STATUS_SINGLECAST);
    sim_ctrl_wr_nid(c, &w, src);
    zwh__wr_u8(&w, (uint8_t)len);
    zwh__wr_bytes(&w, cmd, len);
    zwh__wr_u8(&w, (uint8_t)rssi); /* RX RSSI, signed dBm */
    if (!zwh__wr_ok(&w)) {
        ZWH_LOGW(c->log, "node %u sent %zu bytes: too long for a frame, dropped", src, len);
        return;
    }
    sim_ctrl_req(c, F_APP_CMD_HANDLER, p, zwh__wr_len(&w));
}

void sim_ctrl_node_emit(void *user, sim_node_t *from, const uint8_t *cmd, size_t len)
{
    sim_ctrl_t *c = user;
    if (!c->rf_on) {
        ZWH_LOGD(c->log, "radio off: frame from node %u not received", from->id);
        return;
    }
    if (c->tx.capturing && c->tx.nheld < SIM_HELD_MAX && len <= SIM_HELD_CMD_MAX) {
        /* answer to the SendData being completed: emitted around its callback */
        sim_held_t *h = &c->tx.held[c->tx.nheld++];
        h->src = from->id;
        h->rssi = from->rssi;
        h->len = (uint8_t)len;
        memcpy(h->cmd, cmd, len);
        return;
    }
    send_ach(c, from->id, from->rssi, cmd, len);
}

static void flush_held(sim_ctrl_t *c)
{
    for (size_t i = 0; i < c->tx.nheld; i++)
        send_ach(c, c->tx.held[i].src, c->tx.held[i].rssi, c->tx.held[i].cmd, c->tx.held[i].len);
    c->tx.nheld = 0;
}

/* ---- SendData -------------------------------------------------------------- */

/* The 24-byte extended TX status report (SERIALAPI-REFERENCE §4.5.3). */
static void tx_report(const sim_ctrl_t *c, const sim_node_t *n, uint8_t status, uint64_t latency_ms,
                      zwh__wr_t *w)
{
    uint16_t ticks = (uint16_t)(latency_ms / 10);
    int acked = status == TX_OK && n;
    zwh__wr_u16(w, ticks);
    zwh__wr_u8(w, 0);                                      /* repeaters */
    zwh__wr_u8(w, acked ? (uint8_t)n->rssi : RSSI_NA);     /* ACK RSSI */
    for (int i = 0; i < 4; i++)
        zwh__wr_u8(w, RSSI_NA);                            /* ACK RSSI via repeaters */
    zwh__wr_u8(w, 0);                                      /* ACK channel */
    zwh__wr_u8(w, 0);                                      /* TX channel */
    zwh__wr_u8(w, acked ? 0x01 : ((c->tx.txo & TXO_EXPLORE) ? 0x07 : 0x05)); /* route scheme */
    zwh__wr_u32(w, 0);                                     /* repeater ids */
    zwh__wr_u8(w, (uint8_t)(0x03 | (needs_beam(n) ? 0x40 : 0x00))); /* 100k, beam */
    zwh__wr_u8(w, acked ? 1 : 3);                          /* routing attempts */
    zwh__wr_u8(w, 0);                                      /* last functional node */
    zwh__wr_u8(w, 0);                                      /* first non-functional node */
    zwh__wr_u8(w, 0);                                      /* TX power dBm */
    zwh__wr_u8(w, (uint8_t)(int8_t)NOISE_FLOOR_DBM);       /* noise floor */
    zwh__wr_u8(w, 0);                                      /* destination ACK TX power */
    zwh__wr_u8(w, RSSI_NA);                                /* destination RSSI */
    zwh__wr_u8(w, RSSI_NA);                                /* destination noise floor */
}

static int answer_first(sim_ctrl_t *c)
{
    switch (c->report_order) {
    case SIM_ORDER_BEFORE: return 1;
    case SIM_ORDER_AFTER: return 0;
    default: return (int)(sim_rng_next(c->rng) & 1);
    }
}

/* Completes the transmission in flight: callback and held node answers. */
static void finish_send(sim_ctrl_t *c, uint8_t status, uint64_t latency_ms)
{
    int first = answer_first(c);
    if (first)
        flush_held(c);
    if (c->tx.cb) {
        uint8_t p[2 + 24];
        zwh__wr_t w;
        zwh__wr_init(&w, p, sizeof p);
        zwh__wr_u8(&w, c->tx.cb);
        zwh__wr_u8(&w, status);
        if (c->tx_report && c->tx.func == F_SEND_DATA)
            tx_report(c, sim_ctrl_node(c, c->tx.dst), status, latency_ms, &w);
        sim_ctrl_req(c, c->tx.func, p, zwh__wr_len(&w));
    }
    if (!first)
        flush_held(c);
    c->tx.busy = 0;
    c->tx.hung = 0;
}

/* Air time of a transmission, as the TX status report states it. */
static uint64_t latency(const sim_ctrl_t *c, uint16_t dst, int acked)
{
    const sim_node_t *n = sim_ctrl_node(c, dst);
    if (!acked)
        return LAT_NO_ACK_MS;
    return needs_beam(n) ? LAT_BEAM_MS : LAT_DIRECT_MS;
}

/* Loop time for air_ms of air time: the FLiRS wake-up beam lasts as long as
 * the node's 1000 ms listening interval, a device-side delay that --time-scale
 * divides like sleeping nodes' wake-up intervals. */
static uint64_t air_wait(const sim_ctrl_t *c, uint64_t air_ms)
{
    return air_ms == LAT_BEAM_MS ? sim_net_scale(c->net, LAT_BEAM_MS) : air_ms;
}

/* Radio work of a SendData: data = payload. */
static void radio_send(void *ctx, const uint8_t *data, size_t len)
{
    sim_ctrl_t *c = ctx;
    uint16_t dst = c->tx.dst;
    if (sim_fault_take(&c->faults->no_callback_count)) {
        ZWH_LOGI(c->log, "fault: SendData callback %02x swallowed (waiting for SendDataAbort)", c->tx.cb);
        c->tx.hung = 1;
        return;
    }
    if (!c->rf_on || sim_fault_take(&c->faults->jam_count)) {
        ZWH_LOGI(c->log, "SendData to %u: radio %s: FAIL", dst, c->rf_on ? "jammed" : "off");
        finish_send(c, TX_FAIL, 0);
        return;
    }
    uint8_t status = TX_OK;
    c->tx.capturing = 1;
    if (dst == NODE_BROADCAST || dst == NODE_BROADCAST_LR) {
        for (uint16_t id = 2; id <= SIM_MAX_NODE_ID; id++)
            if (sim_ctrl_node(c, id))
                sim_net_deliver(c->net, id, data, len, 0);
    } else {
        int lost = len >= 2 && data[0] == CC_TRANSPORT_SERVICE && (data[1] & 0xF8) == TS_SUBSEQUENT_SEGMENT &&
                   sim_fault_take(&c->faults->lose_segment_count);
        if (lost)
            ZWH_LOGI(c->log, "fault: Transport Service segment to %u lost on air", dst);
        int r = lost ? 0 : dst == c->own_id ? 1 : sim_net_deliver(c->net, dst, data, len, 0);
        if (c->tx.txo & TXO_ACK)
            status = r ? TX_NO_ACK : TX_OK;
        const sim_node_t *n = sim_ctrl_node(c, dst);
        if ((c->tx.txo & TXO_ACK) && n && n->mode != SIM_NODE_SLEEPING)
            c->failed[dst] = status != TX_OK; /* the protocol tracks failing nodes */
    }
    c->tx.capturing = 0;
    ZWH_LOGD(c->log, "SendData to %u: status %u", dst, status);
    finish_send(c, status, latency(c, dst, status == TX_OK));
}

static void radio_delay(sim_ctrl_t *c, const uint8_t *data, size_t len)
{
    const sim_node_t *n = sim_ctrl_node(c, c->tx.dst);
    int reach = n && sim_node_reachable(n);
    uint64_t ms = latency(c, c->tx.dst, reach || !(c->tx.txo & TXO_ACK));
    sim_sched_after(c->sched, air_wait(c, ms), radio_send, c, CTAG_SEND, data, len);
}

void sim_ctrl_fn_send_data(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t dst = sim_ctrl_rd_nid(c, r);
    uint8_t len = zwh__rd_u8(r);
    const uint8_t *data = zwh__rd_take(r, len);
    uint8_t txo = zwh__rd_u8(r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r)) {
        ZWH_LOGW(c->log, "SendData: malformed request ignored");
        return;
    }
    uint8_t ok = 0x01;
    if (c->tx.busy || len == 0 || len > 46) {
        ZWH_LOGI(c->log, "SendData to %u refused (%s)", dst, c->tx.busy ? "busy" : "length");
        ok = 0x00;
    }
    sim_ctrl_res(c, F_SEND_DATA, &ok, 1);
    if (!ok)
        return;
    c->tx.busy = 1;
    c->tx.hung = 0;
    c->tx.func = F_SEND_DATA;
    c->tx.dst = dst;
    c->tx.txo = txo;
    c->tx.cb = cb;
    c->tx.nheld = 0;
    radio_delay(c, data, len);
}

static void radio_multicast(void *ctx, const uint8_t *data, size_t len)
{
    sim_ctrl_t *c = ctx;
    /* data = n nid[n](2 bytes each) cmd */
    size_t n = data[0];
    const uint8_t *cmd = data + 1 + 2 * n;
    size_t cmdlen = len - 1 - 2 * n;
    c->tx.capturing = 1;
    for (size_t i = 0; i < n; i++) {
        uint16_t id = (uint16_t)(data[1 + 2 * i] << 8 | data[2 + 2 * i]);
        if (sim_ctrl_node(c, id))
            sim_net_deliver(c->net, id, cmd, cmdlen, SIM_RX_MULTICAST);
    }
    c->tx.capturing = 0;
    /* multicast frames are not acknowledged: OK once sent */
    finish_send(c, c->rf_on ? TX_OK : TX_FAIL, LAT_MULTICAST_MS);
}

void sim_ctrl_fn_send_data_multi(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t buf[1 + 2 * 64 + 64];
    uint8_t n = zwh__rd_u8(r);
    if (n > 64) {
        ZWH_LOGW(c->log, "SendDataMulticast: %u nodes is too many", n);
        return;
    }
    buf[0] = n;
    for (size_t i = 0; i < n; i++) {
        uint16_t id = sim_ctrl_rd_nid(c, r);
        buf[1 + 2 * i] = (uint8_t)(id >> 8);
        buf[2 + 2 * i] = (uint8_t)id;
    }
    uint8_t len = zwh__rd_u8(r);
    const uint8_t *data = zwh__rd_take(r, len);
    uint8_t txo = zwh__rd_u8(r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r) || len > 64) {
        ZWH_LOGW(c->log, "SendDataMulticast: malformed request ignored");
        return;
    }
    uint8_t ok = c->tx.busy ? 0x00 : 0x01;
    sim_ctrl_res(c, F_SEND_DATA_MULTI, &ok, 1);
    if (!ok)
        return;
    memcpy(buf + 1 + 2 * n, data, len);
    c->tx.busy = 1;
    c->tx.func = F_SEND_DATA_MULTI;
    c->tx.dst = 0;
    c->tx.txo = txo;
    c->tx.cb = cb;
    c->tx.nheld = 0;
    sim_sched_after(c->sched, LAT_MULTICAST_MS, radio_multicast, c, CTAG_SEND, buf, 1u + 2u * n + len);
}

void sim_ctrl_fn_send_data_abort(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    /* no response of its own; the transmission in flight ends with its callback */
    if (!c->tx.busy) {
        ZWH_LOGD(c->log, "SendDataAbort: nothing to abort");
        return;
    }
    ZWH_LOGI(c->log, "SendDataAbort: transmission %02x aborted", c->tx.cb);
    sim_sched_cancel(c->sched, c, CTAG_SEND);
    c->tx.nheld = 0;
    finish_send(c, TX_NO_ACK, LAT_NO_ACK_MS);
}

void sim_ctrl_send_cancel(sim_ctrl_t *c)
{
    sim_sched_cancel(c->sched, c, CTAG_SEND);
    c->tx.busy = 0;
    c->tx.hung = 0;
    c->tx.capturing = 0;
    c->tx.nheld = 0;
}

/* ---- RequestNodeInfo -------------------------------------------------------- */

void sim_ctrl_fn_request_node_info(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    if (!zwh__rd_ok(r))
        return;
    const uint8_t ok = 0x01;
    sim_ctrl_res(c, F_REQUEST_NODE_INFO, &ok, 1);
    const sim_node_t *n = sim_ctrl_node(c, nid);
    uint8_t p[4 + 3 + SIM_NIF_MAX_CC];
    zwh__wr_t w;
    zwh__wr_init(&w, p, sizeof p);
    if (n && sim_node_reachable(n) && c->rf_on) {
        zwh__wr_u8(&w, 0x84); /* NODE_INFO_RECEIVED */
        sim_ctrl_wr_nid(c, &w, nid);
        zwh__wr_u8(&w, (uint8_t)(3 + n->nif.ncc));
        zwh__wr_u8(&w, n->nif.basic);
        zwh__wr_u8(&w, n->nif.generic);
        zwh__wr_u8(&w, n->nif.specific);
        zwh__wr_bytes(&w, n->nif.cc, n->nif.ncc);
        sim_ctrl_req_later(c, needs_beam(n) ? air_wait(c, LAT_BEAM_MS) : LAT_NIF_MS, CTAG_MISC,
                           F_APP_UPDATE, p, zwh__wr_len(&w));
    } else {
        zwh__wr_u8(&w, 0x81); /* NODE_INFO_REQ_FAILED */
        sim_ctrl_wr_nid(c, &w, 0);
        zwh__wr_u8(&w, 0);
        sim_ctrl_req_later(c, LAT_NO_ACK_MS, CTAG_MISC, F_APP_UPDATE, p, zwh__wr_len(&w));
    }
}
