/* Shared pieces of every command-class codec: header handling, the end-of-encode
 * result, and value rules that several classes share (switch levels, durations). */
#ifndef ZWH_CC_CODEC_H
#define ZWH_CC_CODEC_H

#include <stdbool.h>
#include "util/bytes.h"
#include "zwhost/error.h"
#include "cc/fmt.h"

/* Starts an encode: writes CC and command id. */
static inline void zwh__cc_begin(zwh__wr_t *w, uint8_t *out, size_t cap, uint8_t cc, uint8_t cmd)
{
    zwh__wr_init(w, out, cap);
    zwh__wr_u8(w, cc);
    zwh__wr_u8(w, cmd);
}
/* Ends an encode: the length, or ZWH_EMSGSIZE if the buffer was too small. */
static inline int zwh__cc_end(const zwh__wr_t *w)
{
    return zwh__wr_ok(w) ? (int)zwh__wr_len(w) : ZWH_EMSGSIZE;
}
/* Starts a decode: checks CC and command id, leaves r at the first field.
 * Returns false for a wrong or truncated header. */
static inline bool zwh__cc_open(zwh__rd_t *r, const uint8_t *frame, size_t len, uint8_t cc, uint8_t cmd)
{
    zwh__rd_init(r, frame, len);
    return frame && len >= 2 && zwh__rd_u8(r) == cc && zwh__rd_u8(r) == cmd;
}
/* Ends a decode: 0 if no read overran, else ZWH_EBADMSG. Trailing bytes are
 * accepted (newer versions append fields). */
static inline int zwh__cc_close(const zwh__rd_t *r)
{
    return zwh__rd_ok(r) ? 0 : ZWH_EBADMSG;
}

/* A command with no fields: just the class and command bytes. */
static inline int zwh__cc_encode_bare(uint8_t cc, uint8_t cmd, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    return zwh__cc_end(&w);
}

/* A multilevel/basic level: 0..99, or 0xFF ("on"/"last level"). */
static inline bool zwh__cc_level_ok(uint8_t v) { return v <= 99 || v == 0xFF; }
/* Prints a duration byte: 0x00-0x7F seconds, 0x80-0xFD minutes 1..126,
 * 0xFE unknown, 0xFF factory default. */
void zwh__cc_fmt_duration(zwh__fmt_t *f, uint8_t d);
/* Duration in seconds, or -1 for unknown/default. */
long zwh__cc_duration_seconds(uint8_t d);

#endif
