#include "chiplink.h"

#include <stdio.h>
#include <string.h>
#include "zwhost/error.h"

#define TAG_DEFERRED_RX 1

void sim_link_init(sim_link_t *l, uv_loop_t *loop, sim_sched_t *sched)
{
    memset(l, 0, sizeof *l);
    l->loop = loop;
    l->sched = sched;
    zwh__frame_parser_init(&l->parser);
    uv_timer_init(loop, &l->timer);
    l->timer.data = l;
}

static void put_byte(sim_link_t *l, uint8_t b)
{
    if (l->connected)
        l->write(l->user, &b, 1);
}

static void reset_tx(sim_link_t *l)
{
    uv_timer_stop(&l->timer);
    l->qhead = l->qcount = 0;
    l->state = SIM_LINK_IDLE;
    l->retransmits = 0;
}

void sim_link_connect(sim_link_t *l)
{
    zwh__frame_parser_init(&l->parser);
    reset_tx(l);
    l->connected = 1;
    l->conn_gen++;
    l->host_frames = 0;
}

void sim_link_disconnect(sim_link_t *l)
{
    l->connected = 0;
    l->conn_gen++;
    reset_tx(l);
    sim_sched_cancel(l->sched, l, TAG_DEFERRED_RX);
}

void sim_link_flush(sim_link_t *l)
{
    reset_tx(l);
}

static void on_timer(uv_timer_t *t);

/* Writes q[qhead], possibly with garbage in front or a broken checksum. */
static void transmit_head(sim_link_t *l)
{
    if (!l->qcount || !l->connected) {
        l->state = SIM_LINK_IDLE;
        return;
    }
    static const uint8_t garbage[] = {0x00, 0xFF, 0x42, 0x7E, 0x02, 0x80};
    uint8_t frame[ZWH__FRAME_MAX];
    size_t len = l->q[l->qhead].len;
    memcpy(frame, l->q[l->qhead].buf, len);
    if (sim_rng_chance(l->rng, l->faults->garbage_rate)) {
        uint32_t n = sim_rng_range(l->rng, 1, 3);
        uint8_t g[3];
        for (uint32_t i = 0; i < n; i++)
            g[i] = garbage[sim_rng_range(l->rng, 0, sizeof garbage - 1)];
        ZWH_LOGD(l->log, "fault: %u garbage byte(s) before frame %02x", n, frame[3]);
        l->write(l->user, g, n);
    }
    if (sim_rng_chance(l->rng, l->faults->corrupt_tx_rate)) {
        ZWH_LOGD(l->log, "fault: frame %02x sent with a broken checksum", frame[3]);
        frame[len - 1] ^= 0xA5;
    }
    zwh__log_hex(l->log, ZWH_LOG_TRACE, l->retransmits ? "tx (again)" : "tx", frame, len);
    l->write(l->user, frame, len);
    l->stats.tx_frames++;
    l->state = SIM_LINK_WAIT_ACK;
    uv_timer_start(&l->timer, on_timer, SIM_LINK_ACK_TIMEOUT_MS, 0);
}

static void pop_head(sim_link_t *l)
{
    l->qhead = (l->qhead + 1) % SIM_LINK_QLEN;
    l->qcount--;
    l->retransmits = 0;
    l->state = SIM_LINK_IDLE;
    transmit_head(l);
}

/* NAK, CAN or ACK timeout for q[qhead]. */
static void retry(sim_link_t *l, const char *why)
{
    uv_timer_stop(&l->timer);
    if (l->retransmits >= SIM_LINK_MAX_RETRANSMIT) {
        ZWH_LOGW(l->log, "frame %02x dropped after %d retransmissions (%s)",
                 l->q[l->qhead].buf[3], l->retransmits, why);
        l->stats.dropped_tx++;
        pop_head(l);
        return;
    }
    uint64_t wait = 100 + (uint64_t)l->retransmits * 1000;
    l->retransmits++;
    l->stats.retransmits++;
    ZWH_LOGD(l->log, "%s: retransmitting frame %02x in %llu ms", why, l->q[l->qhead].buf[3],
             (unsigned long long)wait);
    l->state = SIM_LINK_BACKOFF;
    uv_timer_start(&l->timer, on_timer, wait, 0);
}

static void on_timer(uv_timer_t *t)
{
    sim_link_t *l = t->data;
    if (l->state == SIM_LINK_WAIT_ACK)
        retry(l, "ACK timeout");
    else if (l->state == SIM_LINK_BACKOFF)
        transmit_head(l);
}

int sim_link_send(sim_link_t *l, uint8_t type, uint8_t func, const uint8_t *payload, size_t len)
{
    if (!l->connected) {
        ZWH_LOGD(l->log, "no host connected: frame %02x discarded", func);
        return ZWH_ENOTCONN;
    }
    if (l->qcount == SIM_LINK_QLEN) {
        ZWH_LOGW(l->log, "tx queue full: frame %02x discarded", func);
        return ZWH_ENOSPC;
    }
    size_t tail = (l->qhead + l->qcount) % SIM_LINK_QLEN;
    int n = zwh__frame_encode(type, func, payload, len, l->q[tail].buf, sizeof l->q[tail].buf);
    if (n < 0)
        return n;
    l->q[tail].len = (size_t)n;
    l->qcount++;
    if (l->state == SIM_LINK_IDLE)
        transmit_head(l);
    return 0;
}

static void accept_frame(sim_link_t *l, const zwh__frame_t *f)
{
    if (sim_fault_take(&l->faults->withhold_ack_count))
        ZWH_LOGD(l->log, "fault: ACK of frame %02x withheld", f->func);
    else
        put_byte(l, ZWH__ACK);
    l->on_frame(l->user, f);
    if (l->faults->drop_connection_after > 0 && l->connected &&
        l->host_frames >= (uint64_t)l->faults->drop_connection_after) {
        ZWH_LOGI(l->log, "fault: closing the connection after %llu host frames",
                 (unsigned long long)l->host_frames);
        l->faults->drop_connection_after = 0; /* once */
        l->drop(l->user);
    }
}

/* Deferred (ack-delay) frame: data = conn_gen(4) type func payload. */
static void deferred_rx(void *ctx, const uint8_t *data, size_t len)
{
    sim_link_t *l = ctx;
    uint32_t gen;
    memcpy(&gen, data, sizeof gen);
    if (gen != l->conn_gen || !l->connected)
        return;
    zwh__frame_t f = {.type = data[4], .func = data[5], .payload = data + 6, .len = len - 6};
    accept_frame(l, &f);
}

static void host_frame(sim_link_t *l, const zwh__frame_t *f)
{
    l->stats.rx_frames++;
    l->host_frames++;
    if (sim_rng_chance(l->rng, l->faults->drop_rate)) {
        ZWH_LOGD(l->log, "fault: host frame %02x dropped (no ACK)", f->func);
        return;
    }
    if (sim_rng_chance(l->rng, l->faults->corrupt_rate)) {
        ZWH_LOGD(l->log, "fault: host frame %02x treated as corrupt (NAK)", f->func);
        l->stats.naks_sent++;
        put_byte(l, ZWH__NAK);
        return;
    }
    if (sim_fault_take(&l->faults->can_count)) {
        ZWH_LOGD(l->log, "fault: host frame %02x answered with CAN", f->func);
        l->stats.cans_sent++;
        put_byte(l, ZWH__CAN);
        return;
    }
    if (l->state == SIM_LINK_WAIT_ACK) {
        ZWH_LOGD(l->log, "collision: host frame %02x while waiting for an ACK: CAN", f->func);
        l->stats.cans_sent++;
        put_byte(l, ZWH__CAN);
        return;
    }
    if (l->faults->ack_delay_ms) {
        uint8_t buf[6 + ZWH__FRAME_PAYLOAD_MAX];
        memcpy(buf, &l->conn_gen, 4);
        buf[4] = f->type;
        buf[5] = f->func;
        memcpy(buf + 6, f->payload, f->len);
        sim_sched_after(l->sched, l->faults->ack_delay_ms, deferred_rx, l, TAG_DEFERRED_RX, buf,
                        6 + f->len);
        return;
    }
    accept_frame(l, f);
}

void sim_link_input(sim_link_t *l, const uint8_t *data, size_t len)
{
    size_t off = 0;
    while (off < len && l->connected) {
        int ev;
        zwh__frame_t f;
        off += zwh__frame_parse(&l->parser, data + off, len - off, uv_now(l->loop), &ev, &f);
        switch (ev) {
        case ZWH__FEV_ACK:
            if (l->state == SIM_LINK_WAIT_ACK) {
                uv_timer_stop(&l->timer);
                pop_head(l);
            } else {
                ZWH_LOGD(l->log, "unexpected ACK ignored");
            }
            break;
        case ZWH__FEV_NAK:
        case ZWH__FEV_CAN:
            if (l->state == SIM_LINK_WAIT_ACK)
                retry(l, ev == ZWH__FEV_NAK ? "NAK" : "CAN");
            else
                ZWH_LOGD(l->log, "unexpected %s ignored", ev == ZWH__FEV_NAK ? "NAK" : "CAN");
            break;
        case ZWH__FEV_BAD_CHECKSUM:
        case ZWH__FEV_BAD_LENGTH:
            ZWH_LOGD(l->log, "corrupt host frame (%s): NAK",
                     ev == ZWH__FEV_BAD_CHECKSUM ? "checksum" : "length");
            l->stats.naks_sent++;
            put_byte(l, ZWH__NAK);
            break;
        case ZWH__FEV_DATA:
            if (zwh__log_enabled(l->log, ZWH_LOG_TRACE)) {
                char label[32];
                snprintf(label, sizeof label, "rx %s %02x", f.type ? "RES" : "REQ", f.func);
                zwh__log_hex(l->log, ZWH_LOG_TRACE, label, f.payload, f.len);
            }
            host_frame(l, &f);
            break;
        default:
            break;
        }
    }
}

void sim_link_close(sim_link_t *l)
{
    sim_link_disconnect(l);
    uv_close((uv_handle_t *)&l->timer, NULL);
}
