#include "serialapi/link.h"

#include <string.h>
#include "zwhost/error.h"

void zwh__link_config_default(zwh__link_config_t *cfg)
{
    cfg->ack_timeout_ms = 1600;
    cfg->retransmissions = 3;
    cfg->backoff_base_ms = 100;
    cfg->backoff_step_ms = 1000;
}

void zwh__link_init(zwh__link_t *l, const zwh__link_config_t *cfg, const zwh__link_io_t *io, void *user)
{
    memset(l, 0, sizeof *l);
    if (cfg)
        l->cfg = *cfg;
    else
        zwh__link_config_default(&l->cfg);
    l->io = *io;
    l->user = user;
    l->state = ZWH__LINK_IDLE;
    l->deadline = UINT64_MAX;
    zwh__frame_parser_init(&l->parser);
}

bool zwh__link_busy(const zwh__link_t *l)
{
    return l->state != ZWH__LINK_IDLE;
}

static void transmit(zwh__link_t *l, uint64_t now)
{
    l->attempt++;
    l->stats.tx_frames++;
    if (l->attempt > 1)
        l->stats.retransmissions++;
    l->state = ZWH__LINK_WAIT_ACK;
    l->deadline = now + l->cfg.ack_timeout_ms;
    l->io.write(l->user, l->tx, l->tx_len);
}

static void finish(zwh__link_t *l, int status)
{
    l->state = ZWH__LINK_IDLE;
    l->deadline = UINT64_MAX;
    l->tx_len = 0;
    l->attempt = 0;
    if (l->io.sent)
        l->io.sent(l->user, status);
}

/* A NAK, CAN or ACK timeout: back off and retransmit, or give up. */
static void failed_attempt(zwh__link_t *l, int error, uint64_t now)
{
    l->last_error = error;
    uint32_t n = l->attempt - 1; /* index of the retransmission to come */
    if (n >= l->cfg.retransmissions) {
        finish(l, error);
        return;
    }
    l->state = ZWH__LINK_BACKOFF;
    l->deadline = now + l->cfg.backoff_base_ms + (uint64_t)n * l->cfg.backoff_step_ms;
}

int zwh__link_send(zwh__link_t *l, uint8_t type, uint8_t func, const uint8_t *payload, size_t len,
                   uint64_t now_ms)
{
    if (l->state != ZWH__LINK_IDLE)
        return ZWH_EBUSY;
    int n = zwh__frame_encode(type, func, payload, len, l->tx, sizeof l->tx);
    if (n < 0)
        return n;
    l->tx_len = (size_t)n;
    l->attempt = 0;
    transmit(l, now_ms);
    return 0;
}

void zwh__link_send_byte(zwh__link_t *l, uint8_t b)
{
    l->io.write(l->user, &b, 1);
}

void zwh__link_input(zwh__link_t *l, const uint8_t *buf, size_t len, uint64_t now_ms)
{
    size_t off = 0;
    while (off < len) {
        int ev;
        zwh__frame_t f;
        off += zwh__frame_parse(&l->parser, buf + off, len - off, now_ms, &ev, &f);
        switch (ev) {
        case ZWH__FEV_DATA:
            /* ACK first, then process: the chip retransmits after ~1.5 s otherwise. */
            l->stats.rx_frames++;
            l->stats.acks_sent++;
            zwh__link_send_byte(l, ZWH__ACK);
            if (l->state == ZWH__LINK_WAIT_ACK)
                l->stats.collisions++; /* the chip will usually CAN our frame */
            l->io.frame(l->user, &f);
            break;
        case ZWH__FEV_BAD_CHECKSUM:
        case ZWH__FEV_BAD_LENGTH:
            l->stats.naks_sent++;
            zwh__link_send_byte(l, ZWH__NAK);
            break;
        case ZWH__FEV_ACK:
            if (l->state == ZWH__LINK_WAIT_ACK)
                finish(l, 0);
            break; /* a stray ACK is ignored */
        case ZWH__FEV_NAK:
            if (l->state == ZWH__LINK_WAIT_ACK) {
                l->stats.nak_received++;
                failed_attempt(l, ZWH_ENAK, now_ms);
            }
            break;
        case ZWH__FEV_CAN:
            if (l->state == ZWH__LINK_WAIT_ACK) {
                l->stats.can_received++;
                failed_attempt(l, ZWH_ECAN, now_ms);
            }
            break;
        default:
            break;
        }
    }
}

void zwh__link_tick(zwh__link_t *l, uint64_t now_ms)
{
    zwh__frame_parser_expire(&l->parser, now_ms);
    if (now_ms < l->deadline)
        return;
    if (l->state == ZWH__LINK_WAIT_ACK) {
        l->stats.ack_timeouts++;
        failed_attempt(l, ZWH_ENOACK, now_ms);
    } else if (l->state == ZWH__LINK_BACKOFF) {
        transmit(l, now_ms);
    }
}

uint64_t zwh__link_deadline(const zwh__link_t *l)
{
    uint64_t p = zwh__frame_parser_deadline(&l->parser);
    return p < l->deadline ? p : l->deadline;
}

void zwh__link_reset(zwh__link_t *l, int status)
{
    zwh__frame_parser_init(&l->parser);
    if (l->state != ZWH__LINK_IDLE)
        finish(l, status);
}
