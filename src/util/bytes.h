/* Bounds-checked byte reader and writer.
 *
 * Both carry a sticky error flag: once a read runs past the end (or a write past
 * the capacity) every later call returns 0 / does nothing and ok() is false, so a
 * decoder can read a whole structure and check once at the end. Multi-byte
 * values are big endian, as everywhere in Z-Wave. */
#ifndef ZWH_UTIL_BYTES_H
#define ZWH_UTIL_BYTES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct zwh__rd {
    const uint8_t *p;
    size_t len;
    size_t pos;
    bool err;
} zwh__rd_t;

typedef struct zwh__wr {
    uint8_t *p;
    size_t cap;
    size_t pos;
    bool err;
} zwh__wr_t;

static inline void zwh__rd_init(zwh__rd_t *r, const uint8_t *p, size_t len)
{
    r->p = p; r->len = p ? len : 0; r->pos = 0; r->err = false;
}
static inline size_t zwh__rd_left(const zwh__rd_t *r) { return r->err ? 0 : r->len - r->pos; }
static inline bool zwh__rd_ok(const zwh__rd_t *r) { return !r->err; }
/* true when every byte was consumed and nothing overran */
static inline bool zwh__rd_done(const zwh__rd_t *r) { return !r->err && r->pos == r->len; }
static inline const uint8_t *zwh__rd_ptr(const zwh__rd_t *r) { return r->p + r->pos; }

uint8_t zwh__rd_u8(zwh__rd_t *r);
uint16_t zwh__rd_u16(zwh__rd_t *r);
uint32_t zwh__rd_u24(zwh__rd_t *r);
uint32_t zwh__rd_u32(zwh__rd_t *r);
/* n-byte big-endian unsigned (n = 0..4) */
uint32_t zwh__rd_uint(zwh__rd_t *r, size_t n);
/* n-byte big-endian two's complement (n = 1, 2, 4) */
int32_t zwh__rd_int(zwh__rd_t *r, size_t n);
/* copies n bytes into out; on overrun sets err and zero-fills out */
bool zwh__rd_copy(zwh__rd_t *r, uint8_t *out, size_t n);
/* returns a pointer to the next n bytes and skips them, or NULL (and err) */
const uint8_t *zwh__rd_take(zwh__rd_t *r, size_t n);
bool zwh__rd_skip(zwh__rd_t *r, size_t n);
/* peeks without consuming; returns false past the end (no error set) */
bool zwh__rd_peek(const zwh__rd_t *r, uint8_t *out);

static inline void zwh__wr_init(zwh__wr_t *w, uint8_t *p, size_t cap)
{
    w->p = p; w->cap = p ? cap : 0; w->pos = 0; w->err = false;
}
static inline bool zwh__wr_ok(const zwh__wr_t *w) { return !w->err; }
static inline size_t zwh__wr_len(const zwh__wr_t *w) { return w->pos; }

void zwh__wr_u8(zwh__wr_t *w, uint8_t v);
void zwh__wr_u16(zwh__wr_t *w, uint16_t v);
void zwh__wr_u24(zwh__wr_t *w, uint32_t v);
void zwh__wr_u32(zwh__wr_t *w, uint32_t v);
void zwh__wr_uint(zwh__wr_t *w, uint32_t v, size_t n);
void zwh__wr_bytes(zwh__wr_t *w, const uint8_t *src, size_t n);
/* reserves n bytes and returns where they start (for later patching), or NULL */
uint8_t *zwh__wr_reserve(zwh__wr_t *w, size_t n);

/* Wipes memory in a way the compiler may not elide (for keys). */
void zwh__secure_zero(void *p, size_t n);

#endif
