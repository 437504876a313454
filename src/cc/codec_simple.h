/* Codecs for the many commands that carry nothing or a single byte
 * (Get commands, one-id reports), and the 8-bit node-ID lists that
 * Association and Multi Channel Association share. */
#ifndef ZWH_CC_CODEC_SIMPLE_H
#define ZWH_CC_CODEC_SIMPLE_H

#include "cc/codec.h"

/* A command without fields: CC and command id only. */
static inline int zwh__cc_encode_empty(uint8_t cc, uint8_t cmd, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    return zwh__cc_end(&w);
}

/* A command whose one field is a byte. */
static inline int zwh__cc_encode_u8(uint8_t cc, uint8_t cmd, uint8_t v, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    zwh__wr_u8(&w, v);
    return zwh__cc_end(&w);
}

static inline int zwh__cc_decode_u8(const uint8_t *frame, size_t len, uint8_t cc, uint8_t cmd, uint8_t *v)
{
    zwh__rd_t r;
    if (!v || !zwh__cc_open(&r, frame, len, cc, cmd))
        return ZWH_EBADMSG;
    *v = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

/* A classic node ID in an association list: 1..232 (0 is the Multi Channel
 * Association marker). */
static inline bool zwh__cc_assoc_node_ok(uint16_t id) { return id >= 1 && id <= 232; }

/* Writes count node IDs as bytes; false if one is out of range. */
static inline bool zwh__cc_wr_nodes(zwh__wr_t *w, const uint16_t *ids, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        if (!zwh__cc_assoc_node_ok(ids[i]))
            return false;
        zwh__wr_u8(w, (uint8_t)ids[i]);
    }
    return true;
}

/* Reads node IDs up to the end of the frame, or up to and including a 0x00
 * marker when stop_at_marker. Returns the count, or -1 if more than max. */
static inline int zwh__cc_rd_nodes(zwh__rd_t *r, uint16_t *ids, size_t max, bool stop_at_marker)
{
    size_t n = 0;
    while (zwh__rd_left(r) > 0) {
        uint8_t b = zwh__rd_u8(r);
        if (b == 0 && stop_at_marker)
            break;
        if (n == max)
            return -1;
        ids[n++] = b;
    }
    return (int)n;
}

/* Formatter body for a one-byte command: " label=N". */
static inline int zwh__cc_fmt_u8(zwh__fmt_t *f, const uint8_t *frame, size_t len, const char *label)
{
    uint8_t v;
    if (zwh__cc_decode_u8(frame, len, frame[0], frame[1], &v) != 0)
        return -1;
    zwh__fmt_printf(f, " %s=%u", label, v);
    return 0;
}

/* " nodes=1,2,3" or " nodes=none". */
static inline void zwh__cc_fmt_nodes(zwh__fmt_t *f, const uint16_t *ids, size_t n)
{
    zwh__fmt_printf(f, " nodes=");
    if (n == 0)
        zwh__fmt_printf(f, "none");
    for (size_t i = 0; i < n; i++)
        zwh__fmt_printf(f, i ? ",%u" : "%u", ids[i]);
}

/* Text from the wire, quoted, with anything but printable ASCII escaped as
 * \xNN so a log line stays one line. */
static inline void zwh__cc_fmt_text(zwh__fmt_t *f, const uint8_t *s, size_t n)
{
    zwh__fmt_printf(f, "\"");
    for (size_t i = 0; i < n; i++) {
        if (s[i] >= 0x20 && s[i] < 0x7F && s[i] != '"' && s[i] != '\\')
            zwh__fmt_printf(f, "%c", s[i]);
        else
            zwh__fmt_printf(f, "\\x%02x", s[i]);
    }
    zwh__fmt_printf(f, "\"");
}

#endif
