#include "serialapi/frame.h"

#include <string.h>
#include "zwhost/error.h"

void zwh__frame_parser_init(zwh__frame_parser_t *p)
{
    memset(p, 0, sizeof *p);
}

uint8_t zwh__frame_checksum(const uint8_t *from_len, size_t n)
{
    uint8_t c = 0xFF;
    for (size_t i = 0; i < n; i++)
        c ^= from_len[i];
    return c;
}

uint64_t zwh__frame_parser_deadline(const zwh__frame_parser_t *p)
{
    return p->have ? p->sof_ms + ZWH__FRAME_RX_TIMEOUT_MS : UINT64_MAX;
}

int zwh__frame_parser_expire(zwh__frame_parser_t *p, uint64_t now_ms)
{
    if (p->have && now_ms >= zwh__frame_parser_deadline(p)) {
        p->have = 0;
        p->stats.rx_timeouts++;
        return 1;
    }
    return 0;
}

size_t zwh__frame_parse(zwh__frame_parser_t *p, const uint8_t *data, size_t len, uint64_t now_ms,
                        int *ev, zwh__frame_t *out)
{
    size_t i = 0;
    *ev = ZWH__FEV_NONE;
    zwh__frame_parser_expire(p, now_ms);
    while (i < len) {
        uint8_t b = data[i++];
        if (p->have == 0) {
            switch (b) {
            case ZWH__SOF:
                p->buf[0] = b;
                p->have = 1;
                p->sof_ms = now_ms;
                continue;
            case ZWH__ACK: p->stats.acks++; *ev = ZWH__FEV_ACK; return i;
            case ZWH__NAK: p->stats.naks++; *ev = ZWH__FEV_NAK; return i;
            case ZWH__CAN: p->stats.cans++; *ev = ZWH__FEV_CAN; return i;
            default: p->stats.garbage_bytes++; continue;
            }
        }
        p->buf[p->have++] = b;
        if (p->have == 2 && b < ZWH__FRAME_LEN_MIN) {
            p->have = 0;
            p->stats.bad_length++;
            *ev = ZWH__FEV_BAD_LENGTH;
            return i;
        }
        if (p->have >= 2 && p->have == (size_t)p->buf[1] + 2) {
            size_t flen = p->have;
            p->have = 0;
            if (zwh__frame_checksum(p->buf + 1, flen - 2) != p->buf[flen - 1]) {
                p->stats.bad_checksum++;
                *ev = ZWH__FEV_BAD_CHECKSUM;
                return i;
            }
            p->stats.frames++;
            out->type = p->buf[2];
            out->func = p->buf[3];
            out->payload = p->buf + 4;
            out->len = flen - 5;
            *ev = ZWH__FEV_DATA;
            return i;
        }
    }
    return i;
}

int zwh__frame_encode(uint8_t type, uint8_t func, const uint8_t *payload, size_t len,
                      uint8_t *out, size_t outcap)
{
    if (len > ZWH__FRAME_PAYLOAD_MAX || outcap < len + 5)
        return ZWH_EMSGSIZE;
    if (len && !payload)
        return ZWH_EINVAL;
    out[0] = ZWH__SOF;
    out[1] = (uint8_t)(len + 3);
    out[2] = type;
    out[3] = func;
    if (len)
        memcpy(out + 4, payload, len);
    out[len + 4] = zwh__frame_checksum(out + 1, len + 3);
    return (int)(len + 5);
}
