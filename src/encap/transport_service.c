/* Transport Service segmentation and reassembly. */
#include "encap/transport_service.h"

#include <string.h>
#include "zwhost/error.h"

#define MAXDG ZWH__TS_MAX_DATAGRAM
#define FRAME_MAX (MAXDG + ZWH__TS_OVERHEAD)

void zwh__ts_config_default(zwh__ts_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->rx_segment_timeout_ms = 800;
    cfg->rx_request_limit = 2;
    cfg->rx_datagram_timeout_ms = 10000;
    cfg->rx_done_hold_ms = 3000;
    cfg->rx_sessions = ZWH__TS_MAX_RX;
    cfg->tx_complete_timeout_ms = 1000;
    cfg->tx_segment_gap_ms = 35;
    cfg->tx_wait_unit_ms = 100;
    cfg->tx_max_restarts = 2;
    cfg->tx_max_resends = 32;
}

void zwh__ts_init(zwh__ts_t *ts, const zwh__ts_config_t *cfg, const zwh__ts_io_t *io, void *user)
{
    memset(ts, 0, sizeof *ts);
    if (cfg)
        ts->cfg = *cfg;
    else
        zwh__ts_config_default(&ts->cfg);
    if (ts->cfg.rx_sessions == 0 || ts->cfg.rx_sessions > ZWH__TS_MAX_RX)
        ts->cfg.rx_sessions = ZWH__TS_MAX_RX;
    if (io)
        ts->io = *io;
    ts->user = user;
    zwh__sids_init(&ts->ids, ZWH_TRANSPORT_SERVICE_MAX_SESSION, ts->cfg.seed);
}

static void emit(zwh__ts_t *ts, uint16_t node, const uint8_t *buf, int n)
{
    if (n > 0 && ts->io.send)
        ts->io.send(ts->user, node, buf, (size_t)n);
}

/* ---- sending side ---- */

static zwh__ts_tx_t *tx_find(const zwh__ts_t *ts, uint16_t node)
{
    for (size_t i = 0; i < ZWH__TS_MAX_TX; i++)
        if (ts->tx[i].state != ZWH__TS_TX_FREE && ts->tx[i].node == node)
            return (zwh__ts_tx_t *)&ts->tx[i];
    return NULL;
}

/* The datagram a Segment Request / Complete from node for session sid is
 * about, or NULL (counted): none in progress, another session, or paused by a
 * Segment Wait (the peer has not seen the restarted datagram yet). */
static zwh__ts_tx_t *tx_match(zwh__ts_t *ts, uint16_t node, uint8_t sid)
{
    zwh__ts_tx_t *tx = tx_find(ts, node);
    if (!tx || tx->state == ZWH__TS_TX_PAUSED || tx->session_id != sid) {
        ts->stats.control_unmatched++;
        return NULL;
    }
    return tx;
}

static void tx_finish(zwh__ts_t *ts, zwh__ts_tx_t *tx, int status)
{
    uint16_t node = tx->node;
    uint32_t tag = tx->tag;
    tx->state = ZWH__TS_TX_FREE;
    if (status == 0)
        ts->stats.tx_ok++;
    else
        ts->stats.tx_failed++;
    if (ts->io.done)
        ts->io.done(ts->user, node, tag, status);
}

/* Sends the segment that starts at offset; returns its payload length. */
static uint16_t tx_segment(zwh__ts_t *ts, zwh__ts_tx_t *tx, uint16_t offset)
{
    uint8_t buf[FRAME_MAX];
    uint16_t n = (uint16_t)(tx->len - offset < tx->chunk ? tx->len - offset : tx->chunk);
    zwh_transport_service_segment_t s;
    memset(&s, 0, sizeof s);
    s.datagram_size = tx->len;
    s.session_id = tx->session_id;
    s.datagram_offset = offset;
    int len = offset == 0 ? zwh_transport_service_first_segment_encode(&s, tx->data, n, buf, sizeof buf)
                          : zwh_transport_service_subsequent_segment_encode(&s, tx->data + offset, n, buf, sizeof buf);
    ts->stats.tx_segments++;
    emit(ts, tx->node, buf, len);
    return n;
}

/* Sends the segments that are due. */
static void tx_run(zwh__ts_t *ts, zwh__ts_tx_t *tx, uint64_t now)
{
    bool paced = (tx->len + tx->chunk - 1) / tx->chunk > ZWH__TS_RELAXED_THRESHOLD;
    while (tx->state == ZWH__TS_TX_SENDING && tx->deadline <= now) {
        tx->next_offset = (uint16_t)(tx->next_offset + tx_segment(ts, tx, tx->next_offset));
        if (tx->next_offset >= tx->len) {
            tx->state = ZWH__TS_TX_WAIT_COMPLETE;
            tx->deadline = now + ts->cfg.tx_complete_timeout_ms;
        } else {
            tx->deadline = now + (paced ? ts->cfg.tx_segment_gap_ms : 0);
        }
    }
}

int zwh__ts_send(zwh__ts_t *ts, uint16_t node, const uint8_t *datagram, size_t len, size_t max_frame, uint32_t tag,
                 uint64_t now_ms)
{
    if (!ts || !datagram || len == 0 || len > MAXDG || max_frame <= ZWH__TS_OVERHEAD)
        return ZWH_EINVAL;
    if (tx_find(ts, node))
        return ZWH_EBUSY;
    zwh__ts_tx_t *tx = NULL;
    for (size_t i = 0; i < ZWH__TS_MAX_TX && !tx; i++)
        if (ts->tx[i].state == ZWH__TS_TX_FREE)
            tx = &ts->tx[i];
    if (!tx)
        return ZWH_ENOSPC;
    size_t chunk = max_frame - ZWH__TS_OVERHEAD;
    tx->state = ZWH__TS_TX_SENDING;
    tx->session_id = zwh__sids_next(&ts->ids, node, 0);
    tx->last_retried = 0;
    tx->node = node;
    tx->len = (uint16_t)len;
    tx->chunk = (uint16_t)(chunk < len ? chunk : len);
    tx->next_offset = 0;
    tx->tag = tag;
    tx->restarts = 0;
    tx->resends = 0;
    tx->deadline = now_ms;
    memcpy(tx->data, datagram, len);
    ts->stats.tx_datagrams++;
    tx_run(ts, tx, now_ms);
    return 0;
}

int zwh__ts_cancel(zwh__ts_t *ts, uint16_t node)
{
    zwh__ts_tx_t *tx = ts ? tx_find(ts, node) : NULL;
    if (!tx)
        return ZWH_ENOENT;
    tx_finish(ts, tx, ZWH_ECANCELED);
    return 0;
}

static int tx_request(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len, uint64_t now)
{
    zwh_transport_service_segment_request_t q;
    if (zwh_transport_service_segment_request_decode(frame, len, &q) != 0)
        return ZWH_EBADMSG;
    zwh__ts_tx_t *tx = tx_match(ts, node, q.session_id);
    if (!tx)
        return 0;
    if (q.datagram_offset >= tx->len) {
        ts->stats.control_unmatched++;
        return 0;
    }
    if (++tx->resends > ts->cfg.tx_max_resends) {
        tx_finish(ts, tx, ZWH_EPROTO);
        return 0;
    }
    ts->stats.tx_resends++;
    tx_segment(ts, tx, q.datagram_offset);
    if (tx->state == ZWH__TS_TX_WAIT_COMPLETE)
        tx->deadline = now + ts->cfg.tx_complete_timeout_ms;
    return 0;
}

static int tx_complete(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len)
{
    zwh_transport_service_segment_complete_t c;
    if (zwh_transport_service_segment_complete_decode(frame, len, &c) != 0)
        return ZWH_EBADMSG;
    zwh__ts_tx_t *tx = tx_match(ts, node, c.session_id);
    if (tx)
        tx_finish(ts, tx, 0);
    return 0;
}

static int tx_wait(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len, uint64_t now)
{
    zwh_transport_service_segment_wait_t w;
    if (zwh_transport_service_segment_wait_decode(frame, len, &w) != 0)
        return ZWH_EBADMSG;
    zwh__ts_tx_t *tx = tx_find(ts, node);
    if (!tx) {
        ts->stats.control_unmatched++;
        return 0;
    }
    if (++tx->restarts > ts->cfg.tx_max_restarts) {
        tx_finish(ts, tx, ZWH_EBUSY);
        return 0;
    }
    ts->stats.tx_restarts++;
    tx->state = ZWH__TS_TX_PAUSED;
    tx->deadline = now + (uint64_t)(w.pending_segments ? w.pending_segments : 1) * ts->cfg.tx_wait_unit_ms;
    return 0;
}

static void tx_tick(zwh__ts_t *ts, zwh__ts_tx_t *tx, uint64_t now)
{
    if (tx->state == ZWH__TS_TX_FREE || tx->deadline > now)
        return;
    switch (tx->state) {
    case ZWH__TS_TX_PAUSED: /* Segment Wait over: the whole datagram again */
        tx->state = ZWH__TS_TX_SENDING;
        tx->next_offset = 0;
        tx->last_retried = 0;
        tx->deadline = now;
        tx_run(ts, tx, now);
        break;
    case ZWH__TS_TX_SENDING:
        tx_run(ts, tx, now);
        break;
    case ZWH__TS_TX_WAIT_COMPLETE:
        if (tx->last_retried) {
            tx_finish(ts, tx, ZWH_ETIMEDOUT);
        } else { /* the last segment (or Segment Complete) may have been lost */
            tx->last_retried = 1;
            ts->stats.tx_resends++;
            tx_segment(ts, tx, (uint16_t)((tx->len - 1) / tx->chunk * tx->chunk));
            tx->deadline = now + ts->cfg.tx_complete_timeout_ms;
        }
        break;
    default:
        break;
    }
}

/* ---- receiving side ---- */

static zwh__ts_rx_t *rx_find(zwh__ts_t *ts, uint16_t node)
{
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++)
        if (ts->rx[i].used && ts->rx[i].node == node)
            return &ts->rx[i];
    return NULL;
}

static zwh__ts_done_t *done_find(zwh__ts_t *ts, uint16_t node, uint8_t sid, uint16_t size, uint64_t now)
{
    for (size_t i = 0; i < ZWH__TS_MAX_DONE; i++) {
        zwh__ts_done_t *d = &ts->done[i];
        if (d->used && d->until < now)
            d->used = 0;
        if (d->used && d->node == node && d->session_id == sid && d->size == size)
            return d;
    }
    return NULL;
}

static void done_add(zwh__ts_t *ts, uint16_t node, uint8_t sid, uint16_t size, uint64_t now)
{
    zwh__ts_done_t *d = &ts->done[0];
    for (size_t i = 0; i < ZWH__TS_MAX_DONE; i++) {
        zwh__ts_done_t *e = &ts->done[i];
        if (e->used && e->node == node) { /* one remembered session per peer */
            d = e;
            break;
        }
        if (!e->used || (d->used && e->until < d->until))
            d = e;
    }
    d->used = 1;
    d->node = node;
    d->session_id = sid;
    d->size = size;
    d->until = now + ts->cfg.rx_done_hold_ms;
}

static void send_complete(zwh__ts_t *ts, uint16_t node, uint8_t sid)
{
    uint8_t buf[4];
    zwh_transport_service_segment_complete_t c = {.session_id = sid};
    emit(ts, node, buf, zwh_transport_service_segment_complete_encode(&c, buf, sizeof buf));
}

static bool have(const zwh__ts_rx_t *rx, size_t i) { return (rx->have[i / 8] >> (i % 8)) & 1; }

static uint16_t first_missing(const zwh__ts_rx_t *rx)
{
    size_t i = 0;
    while (i < rx->size && have(rx, i))
        i++;
    return (uint16_t)i;
}

static void rx_request(zwh__ts_t *ts, zwh__ts_rx_t *rx)
{
    uint8_t buf[8];
    zwh_transport_service_segment_request_t q = {.session_id = rx->session_id, .datagram_offset = first_missing(rx)};
    rx->requested = 1;
    ts->stats.rx_requests_sent++;
    emit(ts, rx->node, buf, zwh_transport_service_segment_request_encode(&q, buf, sizeof buf));
}

static void rx_free(zwh__ts_rx_t *rx) { rx->used = 0; }

/* the segment timer, never past the datagram's own time limit */
static void rx_arm(const zwh__ts_t *ts, zwh__ts_rx_t *rx, uint64_t now)
{
    uint64_t seg = now + ts->cfg.rx_segment_timeout_ms;
    uint64_t all = rx->started + ts->cfg.rx_datagram_timeout_ms;
    rx->deadline = seg < all ? seg : all;
}

/* Segments still missing in the reassembly closest to completion. */
static uint8_t pending_segments(const zwh__ts_t *ts)
{
    size_t best = 255;
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++) {
        const zwh__ts_rx_t *rx = &ts->rx[i];
        if (!rx->used)
            continue;
        size_t per = rx->seg_len ? rx->seg_len : 1;
        size_t n = ((size_t)(rx->size - rx->received) + per - 1) / per;
        if (n < best)
            best = n;
    }
    return (uint8_t)(best ? best : 1);
}

static void send_wait(zwh__ts_t *ts, uint16_t node)
{
    uint8_t buf[4];
    zwh_transport_service_segment_wait_t w = {.pending_segments = pending_segments(ts)};
    ts->stats.rx_waits_sent++;
    emit(ts, node, buf, zwh_transport_service_segment_wait_encode(&w, buf, sizeof buf));
}

static zwh__ts_rx_t *rx_start(zwh__ts_t *ts, uint16_t node, uint8_t sid, uint16_t size, uint64_t now)
{
    size_t active = 0;
    zwh__ts_rx_t *slot = NULL;
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++) {
        if (ts->rx[i].used)
            active++;
        else if (!slot)
            slot = &ts->rx[i];
    }
    if (!slot || active >= ts->cfg.rx_sessions)
        return NULL;
    slot->used = 1;
    slot->node = node;
    slot->session_id = sid;
    slot->size = size;
    slot->received = 0;
    slot->seg_len = 0;
    slot->requests = 0;
    slot->requested = 0;
    slot->started = now;
    memset(slot->have, 0, sizeof slot->have);
    return slot;
}

static int rx_segment(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len, bool first, uint64_t now)
{
    zwh_transport_service_segment_t s;
    int rc = first ? zwh_transport_service_first_segment_decode(frame, len, &s)
                   : zwh_transport_service_subsequent_segment_decode(frame, len, &s);
    if (rc != 0) {
        ts->stats.rx_bad++;
        return ZWH_EBADMSG;
    }
    ts->stats.rx_segments++;
    if (done_find(ts, node, s.session_id, s.datagram_size, now)) {
        /* a repeat of a datagram already delivered: our Segment Complete was lost */
        ts->stats.rx_duplicates++;
        send_complete(ts, node, s.session_id);
        return 0;
    }
    zwh__ts_rx_t *rx = rx_find(ts, node);
    if (rx && (rx->session_id != s.session_id || rx->size != s.datagram_size)) {
        if (!first) {
            ts->stats.rx_stale++;
            return 0;
        }
        ts->stats.rx_replaced++; /* the peer gave up on the partial datagram */
        rx_free(rx);
        rx = NULL;
    }
    if (!rx && !(rx = rx_start(ts, node, s.session_id, s.datagram_size, now))) {
        send_wait(ts, node);
        return 0;
    }
    size_t fresh = 0;
    for (size_t i = 0; i < s.payload_len; i++) {
        size_t at = (size_t)s.datagram_offset + i;
        if (!have(rx, at)) {
            rx->have[at / 8] = (uint8_t)(rx->have[at / 8] | 1u << (at % 8));
            rx->data[at] = frame[s.payload_offset + i];
            fresh++;
        }
    }
    if (s.payload_len > rx->seg_len)
        rx->seg_len = s.payload_len;
    if (fresh == 0) {
        ts->stats.rx_duplicates++;
        return 0;
    }
    rx->received = (uint16_t)(rx->received + fresh);
    rx->requests = 0;
    rx_arm(ts, rx, now);
    if (rx->received == rx->size) {
        uint8_t sid = rx->session_id;
        ts->stats.rx_datagrams++;
        done_add(ts, node, sid, rx->size, now);
        send_complete(ts, node, sid);
        if (ts->io.datagram)
            ts->io.datagram(ts->user, node, rx->data, rx->size);
        rx_free(rx);
    } else if (rx->requested) {
        rx_request(ts, rx); /* recovering: ask for the next gap straight away */
    }
    return 0;
}

static void rx_tick(zwh__ts_t *ts, zwh__ts_rx_t *rx, uint64_t now)
{
    if (!rx->used || rx->deadline > now)
        return;
    if (rx->requests >= ts->cfg.rx_request_limit || now - rx->started >= ts->cfg.rx_datagram_timeout_ms) {
        ts->stats.rx_dropped++;
        rx_free(rx);
        return;
    }
    rx->requests++;
    rx_arm(ts, rx, now);
    rx_request(ts, rx);
}

/* ---- entry points ---- */

int zwh__ts_input(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len, uint64_t now_ms)
{
    if (!ts || !frame || len < 2 || frame[0] != ZWH_CC_TRANSPORT_SERVICE) {
        if (ts)
            ts->stats.rx_bad++;
        return ZWH_EBADMSG;
    }
    int rc;
    switch (frame[1] & 0xF8) {
    case ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT:
        return rx_segment(ts, node, frame, len, true, now_ms);
    case ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT:
        return rx_segment(ts, node, frame, len, false, now_ms);
    case ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST:
        rc = tx_request(ts, node, frame, len, now_ms);
        break;
    case ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE:
        rc = tx_complete(ts, node, frame, len);
        break;
    case ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT:
        rc = tx_wait(ts, node, frame, len, now_ms);
        break;
    default:
        rc = ZWH_EBADMSG;
        break;
    }
    if (rc != 0)
        ts->stats.rx_bad++;
    return rc;
}

void zwh__ts_tick(zwh__ts_t *ts, uint64_t now_ms)
{
    for (size_t i = 0; i < ZWH__TS_MAX_TX; i++)
        tx_tick(ts, &ts->tx[i], now_ms);
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++)
        rx_tick(ts, &ts->rx[i], now_ms);
}

uint64_t zwh__ts_deadline(const zwh__ts_t *ts)
{
    uint64_t d = UINT64_MAX;
    for (size_t i = 0; i < ZWH__TS_MAX_TX; i++)
        if (ts->tx[i].state != ZWH__TS_TX_FREE && ts->tx[i].deadline < d)
            d = ts->tx[i].deadline;
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++)
        if (ts->rx[i].used && ts->rx[i].deadline < d)
            d = ts->rx[i].deadline;
    return d;
}

bool zwh__ts_sending(const zwh__ts_t *ts, uint16_t node) { return tx_find(ts, node) != NULL; }

size_t zwh__ts_rx_count(const zwh__ts_t *ts)
{
    size_t n = 0;
    for (size_t i = 0; i < ZWH__TS_MAX_RX; i++)
        n += ts->rx[i].used;
    return n;
}
