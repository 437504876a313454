#include "cc/value.h"

#include "zwhost/cc/value.h"
#include "cc/codec.h"

bool zwh__cc_value_fits(int32_t value, uint8_t size)
{
    switch (size) {
    case 1: return value >= INT8_MIN && value <= INT8_MAX;
    case 2: return value >= INT16_MIN && value <= INT16_MAX;
    case 4: return true;
    default: return false;
    }
}

bool zwh__cc_pss_ok(uint8_t precision, uint8_t scale, uint8_t size, int32_t value)
{
    return precision <= 7 && scale <= 3 && zwh__cc_value_fits(value, size);
}

void zwh__cc_rd_pss(zwh__rd_t *r, uint8_t *precision, uint8_t *scale, uint8_t *size, int32_t *value)
{
    uint8_t b = zwh__rd_u8(r);
    *precision = (uint8_t)(b >> 5);
    *scale = (uint8_t)((b >> 3) & 0x03);
    *size = (uint8_t)(b & 0x07);
    *value = 0;
    if (!zwh__rd_ok(r))
        return;
    if (!zwh__cc_size_ok(*size)) {
        r->err = true;
        return;
    }
    *value = zwh__rd_int(r, *size);
}

void zwh__cc_wr_pss(zwh__wr_t *w, uint8_t precision, uint8_t scale, uint8_t size, int32_t value)
{
    zwh__wr_u8(w, (uint8_t)((precision << 5) | ((scale & 0x03) << 3) | (size & 0x07)));
    zwh__wr_uint(w, (uint32_t)value, size);
}

uint8_t zwh__cc_rd_mask(zwh__rd_t *r, uint8_t *mask, size_t cap)
{
    size_t n = zwh__rd_left(r);
    if (n > cap)
        n = cap;
    zwh__rd_copy(r, mask, n);
    return (uint8_t)n;
}

void zwh__cc_rd_opt(zwh__rd_t *r, uint8_t *has, uint8_t *v)
{
    *has = zwh__rd_left(r) >= 1;
    *v = *has ? zwh__rd_u8(r) : 0;
}

void zwh__cc_rd_target(zwh__rd_t *r, uint8_t *has, uint8_t *target, uint8_t *duration)
{
    *has = zwh__rd_left(r) >= 2;
    *target = *has ? zwh__rd_u8(r) : 0;
    *duration = *has ? zwh__rd_u8(r) : 0;
}

void zwh__cc_wr_target(zwh__wr_t *w, uint8_t has, uint8_t target, uint8_t duration)
{
    if (!has)
        return;
    zwh__wr_u8(w, target);
    zwh__wr_u8(w, duration);
}

void zwh__cc_fmt_named(zwh__fmt_t *f, const char *key, const char *name, unsigned number)
{
    if (name)
        zwh__fmt_printf(f, " %s=%s", key, name);
    else
        zwh__fmt_printf(f, " %s=%u", key, number);
}

int zwh__cc_fmt_bits(zwh__fmt_t *f, const uint8_t *mask, size_t len, zwh__cc_fmt_item_fn item, const void *ctx)
{
    int any = 0;
    for (unsigned bit = 0; bit < len * 8; bit++) {
        if (!(mask[bit / 8] & (1u << (bit % 8))))
            continue;
        if (any)
            zwh__fmt_printf(f, ",");
        item(f, bit, ctx);
        any++;
    }
    return any;
}

static void number_item(zwh__fmt_t *f, unsigned bit, const void *ctx)
{
    zwh__fmt_printf(f, "%u", *(const unsigned *)ctx + bit);
}

int zwh__cc_fmt_mask_numbers(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first)
{
    return zwh__cc_fmt_bits(f, mask, len, number_item, &first);
}

typedef struct {
    unsigned first;
    const char *(*name)(uint8_t type);
} mask_ctx_t;

static void mask_item(zwh__fmt_t *f, unsigned bit, const void *ctx)
{
    const mask_ctx_t *c = ctx;
    unsigned type = c->first + bit;
    const char *n = type <= 0xFF && c->name ? c->name((uint8_t)type) : NULL;
    if (n)
        zwh__fmt_printf(f, "%s", n);
    else
        zwh__fmt_printf(f, "%u", type);
}

void zwh__cc_fmt_mask(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first,
                      const char *(*name)(uint8_t type))
{
    mask_ctx_t c = {first, name};
    if (!zwh__cc_fmt_bits(f, mask, len, mask_item, &c))
        zwh__fmt_printf(f, "none");
}

ZWH_EXTERN double zwh_cc_value_to_double(int32_t value, uint8_t precision)
{
    /* one division by an exact power of ten: 125 p2 -> 1.25 correctly rounded */
    static const double pow10[] = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    return (double)value / pow10[precision < 10 ? precision : 9];
}

ZWH_EXTERN int zwh_cc_bitmask_has(const uint8_t *mask, size_t len, unsigned bit)
{
    if (!mask || bit / 8 >= len)
        return 0;
    return (mask[bit / 8] >> (bit % 8)) & 1;
}
