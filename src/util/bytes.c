#include "util/bytes.h"

#include <string.h>

static bool need(zwh__rd_t *r, size_t n)
{
    if (r->err || n > r->len - r->pos) {
        r->err = true;
        return false;
    }
    return true;
}

uint8_t zwh__rd_u8(zwh__rd_t *r)
{
    if (!need(r, 1))
        return 0;
    return r->p[r->pos++];
}

uint32_t zwh__rd_uint(zwh__rd_t *r, size_t n)
{
    if (n > 4 || !need(r, n)) {
        r->err = true;
        return 0;
    }
    uint32_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | r->p[r->pos++];
    return v;
}

uint16_t zwh__rd_u16(zwh__rd_t *r) { return (uint16_t)zwh__rd_uint(r, 2); }
uint32_t zwh__rd_u24(zwh__rd_t *r) { return zwh__rd_uint(r, 3); }
uint32_t zwh__rd_u32(zwh__rd_t *r) { return zwh__rd_uint(r, 4); }

int32_t zwh__rd_int(zwh__rd_t *r, size_t n)
{
    if (n != 1 && n != 2 && n != 4) {
        r->err = true;
        return 0;
    }
    uint32_t u = zwh__rd_uint(r, n);
    if (n == 4)
        return (int32_t)u;
    uint32_t sign = 1u << (8 * n - 1);
    return (int32_t)(u ^ sign) - (int32_t)sign;
}

bool zwh__rd_copy(zwh__rd_t *r, uint8_t *out, size_t n)
{
    if (!need(r, n)) {
        if (out && n)
            memset(out, 0, n);
        return false;
    }
    if (n)
        memcpy(out, r->p + r->pos, n);
    r->pos += n;
    return true;
}

const uint8_t *zwh__rd_take(zwh__rd_t *r, size_t n)
{
    if (!need(r, n))
        return NULL;
    const uint8_t *p = r->p + r->pos;
    r->pos += n;
    return p;
}

bool zwh__rd_skip(zwh__rd_t *r, size_t n)
{
    if (!need(r, n))
        return false;
    r->pos += n;
    return true;
}

bool zwh__rd_peek(const zwh__rd_t *r, uint8_t *out)
{
    if (r->err || r->pos >= r->len)
        return false;
    *out = r->p[r->pos];
    return true;
}

static bool room(zwh__wr_t *w, size_t n)
{
    if (w->err || n > w->cap - w->pos) {
        w->err = true;
        return false;
    }
    return true;
}

void zwh__wr_uint(zwh__wr_t *w, uint32_t v, size_t n)
{
    if (n > 4 || !room(w, n)) {
        w->err = true;
        return;
    }
    for (size_t i = n; i > 0; i--)
        w->p[w->pos++] = (uint8_t)(v >> (8 * (i - 1)));
}

void zwh__wr_u8(zwh__wr_t *w, uint8_t v) { zwh__wr_uint(w, v, 1); }
void zwh__wr_u16(zwh__wr_t *w, uint16_t v) { zwh__wr_uint(w, v, 2); }
void zwh__wr_u24(zwh__wr_t *w, uint32_t v) { zwh__wr_uint(w, v, 3); }
void zwh__wr_u32(zwh__wr_t *w, uint32_t v) { zwh__wr_uint(w, v, 4); }

void zwh__wr_bytes(zwh__wr_t *w, const uint8_t *src, size_t n)
{
    if (!room(w, n))
        return;
    if (n)
        memcpy(w->p + w->pos, src, n);
    w->pos += n;
}

uint8_t *zwh__wr_reserve(zwh__wr_t *w, size_t n)
{
    if (!room(w, n))
        return NULL;
    uint8_t *p = w->p + w->pos;
    memset(p, 0, n);
    w->pos += n;
    return p;
}

void zwh__secure_zero(void *p, size_t n)
{
    volatile uint8_t *v = p;
    while (n--)
        *v++ = 0;
}
