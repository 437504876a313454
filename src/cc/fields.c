#include "cc/fields.h"

#include "cc/codec.h"

const char *zwh__cc_name(const zwh__cc_name_t *table, size_t n, uint8_t value)
{
    for (size_t i = 0; i < n; i++)
        if (table[i].value == value)
            return table[i].name;
    return NULL;
}

void zwh__cc_fmt_name(zwh__fmt_t *f, const zwh__cc_name_t *table, size_t n, uint8_t value)
{
    const char *name = zwh__cc_name(table, n, value);
    if (name)
        zwh__fmt_printf(f, "%s", name);
    else
        zwh__fmt_printf(f, "0x%02x", value);
}

void zwh__cc_fmt_mask(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first)
{
    int any = 0;
    zwh__fmt_printf(f, "[");
    for (size_t i = 0; i < len * 8; i++) {
        if (mask[i / 8] & (1u << (i % 8))) {
            zwh__fmt_printf(f, any ? ",%u" : "%u", (unsigned)(first + i));
            any = 1;
        }
    }
    zwh__fmt_printf(f, "]");
}

void zwh__cc_fmt_text(zwh__fmt_t *f, const uint8_t *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        if (s[i] < 0x20 || s[i] > 0x7E || s[i] == '"' || s[i] == '\\') {
            zwh__fmt_hex(f, s, len);
            return;
        }
    }
    zwh__fmt_printf(f, "\"%.*s\"", (int)len, (const char *)s);
}

int zwh__cc_encode_bare(uint8_t cc, uint8_t cmd, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    return zwh__cc_end(&w);
}

int zwh__cc_encode_u8(uint8_t cc, uint8_t cmd, uint8_t v, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    zwh__wr_u8(&w, v);
    return zwh__cc_end(&w);
}

int zwh__cc_decode_u8(uint8_t cc, uint8_t cmd, const uint8_t *frame, size_t len, uint8_t *v)
{
    zwh__rd_t r;
    if (!v || !zwh__cc_open(&r, frame, len, cc, cmd))
        return ZWH_EBADMSG;
    *v = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

int zwh__cc_encode_u16(uint8_t cc, uint8_t cmd, uint16_t v, uint8_t *out, size_t cap)
{
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, cc, cmd);
    zwh__wr_u16(&w, v);
    return zwh__cc_end(&w);
}

int zwh__cc_decode_u16(uint8_t cc, uint8_t cmd, const uint8_t *frame, size_t len, uint16_t *v)
{
    zwh__rd_t r;
    if (!v || !zwh__cc_open(&r, frame, len, cc, cmd))
        return ZWH_EBADMSG;
    *v = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}
