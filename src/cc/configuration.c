/* Configuration command class, version 4. */
#include "zwhost/cc/configuration.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_CONFIGURATION
#define FLAG_DEFAULT 0x80
#define FLAG_HANDSHAKE 0x40

static const char *const format_names[] = {"signed", "unsigned", "enumerated", "bitfield"};

ZWH_EXTERN const char *zwh_configuration_get_format_name(uint8_t format)
{
    return format < ZWH__COUNT(format_names) ? format_names[format] : NULL;
}

/* ---- values of 1, 2 or 4 bytes in one of the four formats ---- */

static bool value_ok(int64_t v, uint8_t size, uint8_t format)
{
    if (!zwh__cc_size_ok(size) || format > ZWH_CONFIGURATION_FORMAT_BITFIELD)
        return false;
    unsigned bits = 8u * size;
    if (format == ZWH_CONFIGURATION_FORMAT_SIGNED)
        return v >= -((int64_t)1 << (bits - 1)) && v < ((int64_t)1 << (bits - 1));
    return v >= 0 && v < ((int64_t)1 << bits);
}

static void wr_value(zwh__wr_t *w, int64_t v, uint8_t size)
{
    zwh__wr_uint(w, (uint32_t)((uint64_t)v & 0xFFFFFFFFu), size);
}

static int64_t reinterpret(uint32_t raw, uint8_t size, uint8_t format)
{
    if (format != ZWH_CONFIGURATION_FORMAT_SIGNED)
        return raw;
    unsigned bits = 8u * size;
    int64_t v = raw;
    if (v & ((int64_t)1 << (bits - 1)))
        v -= (int64_t)1 << bits;
    return v;
}

static int64_t rd_value(zwh__rd_t *r, uint8_t size, uint8_t format)
{
    if (!zwh__cc_size_ok(size)) { /* rd_size already failed the reader */
        r->err = true;
        return 0;
    }
    return reinterpret(zwh__rd_uint(r, size), size, format);
}

ZWH_EXTERN int zwh_configuration_value_convert(int64_t value, uint8_t size, uint8_t format, int64_t *out)
{
    if (!out || !zwh__cc_size_ok(size) || format > ZWH_CONFIGURATION_FORMAT_BITFIELD)
        return ZWH_EINVAL;
    uint64_t mask = size == 4 ? 0xFFFFFFFFu : ((uint64_t)1 << (8u * size)) - 1;
    *out = reinterpret((uint32_t)((uint64_t)value & mask), size, format);
    return 0;
}

/* Reads a size byte's low 3 bits as a value size; marks r failed if bad. */
static uint8_t rd_size(zwh__rd_t *r, uint8_t b)
{
    uint8_t size = b & 0x07;
    if (!zwh__cc_size_ok(size))
        r->err = true;
    return size;
}

/* ---- Set / Get / Report ---- */

ZWH_EXTERN int zwh_configuration_set_encode(const zwh_configuration_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->use_default > 1 ||
        (in->use_default ? !zwh__cc_size_ok(in->size) : !value_ok(in->value, in->size, in->format)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_SET);
    zwh__wr_u8(&w, in->parameter);
    zwh__wr_u8(&w, (uint8_t)(in->use_default ? FLAG_DEFAULT | in->size : in->size));
    wr_value(&w, in->value, in->size);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_set_decode(const uint8_t *frame, size_t len, zwh_configuration_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter = zwh__rd_u8(&r);
    uint8_t b = zwh__rd_u8(&r);
    out->use_default = (uint8_t)(b >> 7);
    out->size = rd_size(&r, b);
    out->format = ZWH_CONFIGURATION_FORMAT_SIGNED;
    out->value = rd_value(&r, out->size, out->format);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_get_encode(const zwh_configuration_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_GET);
    zwh__wr_u8(&w, in->parameter);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_get_decode(const uint8_t *frame, size_t len, zwh_configuration_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_GET))
        return ZWH_EBADMSG;
    out->parameter = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_report_encode(const zwh_configuration_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !value_ok(in->value, in->size, in->format))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_REPORT);
    zwh__wr_u8(&w, in->parameter);
    zwh__wr_u8(&w, in->size);
    wr_value(&w, in->value, in->size);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_report_decode(const uint8_t *frame, size_t len, zwh_configuration_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter = zwh__rd_u8(&r);
    out->size = rd_size(&r, zwh__rd_u8(&r));
    out->format = ZWH_CONFIGURATION_FORMAT_SIGNED;
    out->value = rd_value(&r, out->size, out->format);
    return zwh__cc_close(&r);
}

/* ---- Bulk ---- */

static bool bulk_values_ok(const int64_t *values, uint8_t count, uint8_t size, uint8_t format)
{
    if (!zwh__cc_size_ok(size))
        return false;
    for (size_t i = 0; i < count; i++)
        if (!value_ok(values[i], size, format))
            return false;
    return true;
}

/* The tail of Bulk Set and Bulk Report: default (7) | handshake (6) | size
 * (2..0), then count values of that size. */
static void wr_bulk(zwh__wr_t *w, uint8_t is_default, uint8_t handshake, uint8_t size, const int64_t *values,
                    uint8_t count)
{
    zwh__wr_u8(w, (uint8_t)(is_default << 7 | handshake << 6 | size));
    for (size_t i = 0; i < count; i++)
        wr_value(w, values[i], size);
}

static void rd_bulk(zwh__rd_t *r, uint8_t *is_default, uint8_t *handshake, uint8_t *size, int64_t *values,
                    uint8_t count)
{
    uint8_t b = zwh__rd_u8(r);
    *is_default = (uint8_t)(b >> 7);
    *handshake = (uint8_t)((b >> 6) & 1);
    *size = rd_size(r, b);
    for (size_t i = 0; i < count && zwh__rd_ok(r); i++)
        values[i] = rd_value(r, *size, ZWH_CONFIGURATION_FORMAT_SIGNED);
}

ZWH_EXTERN int zwh_configuration_bulk_set_encode(const zwh_configuration_bulk_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0 || in->use_default > 1 || in->handshake > 1 ||
        (in->use_default ? !zwh__cc_size_ok(in->size) : !bulk_values_ok(in->values, in->count, in->size, in->format)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_BULK_SET);
    zwh__wr_u16(&w, in->parameter_offset);
    zwh__wr_u8(&w, in->count);
    wr_bulk(&w, in->use_default, in->handshake, in->size, in->values, in->count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_bulk_set_decode(const uint8_t *frame, size_t len, zwh_configuration_bulk_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_BULK_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter_offset = zwh__rd_u16(&r);
    out->count = zwh__rd_u8(&r);
    out->format = ZWH_CONFIGURATION_FORMAT_SIGNED;
    rd_bulk(&r, &out->use_default, &out->handshake, &out->size, out->values, out->count);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_bulk_get_encode(const zwh_configuration_bulk_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_BULK_GET);
    zwh__wr_u16(&w, in->parameter_offset);
    zwh__wr_u8(&w, in->count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_bulk_get_decode(const uint8_t *frame, size_t len, zwh_configuration_bulk_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_BULK_GET))
        return ZWH_EBADMSG;
    out->parameter_offset = zwh__rd_u16(&r);
    out->count = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_bulk_report_encode(const zwh_configuration_bulk_report_t *in, uint8_t *out,
                                                     size_t cap)
{
    if (!in || in->is_default > 1 || in->handshake > 1 ||
        !bulk_values_ok(in->values, in->count, in->size, in->format))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_BULK_REPORT);
    zwh__wr_u16(&w, in->parameter_offset);
    zwh__wr_u8(&w, in->count);
    zwh__wr_u8(&w, in->reports_to_follow);
    wr_bulk(&w, in->is_default, in->handshake, in->size, in->values, in->count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_bulk_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_bulk_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_BULK_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter_offset = zwh__rd_u16(&r);
    out->count = zwh__rd_u8(&r);
    out->reports_to_follow = zwh__rd_u8(&r);
    out->format = ZWH_CONFIGURATION_FORMAT_SIGNED;
    rd_bulk(&r, &out->is_default, &out->handshake, &out->size, out->values, out->count);
    return zwh__cc_close(&r);
}

/* ---- Name / Info / Properties Get: a 16-bit parameter number ---- */

static int ref_encode(uint8_t cmd, const zwh_configuration_parameter_ref_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->parameter);
    return zwh__cc_end(&w);
}

static int ref_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_configuration_parameter_ref_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->parameter = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_name_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                  size_t cap)
{
    return ref_encode(ZWH_CONFIGURATION_NAME_GET, in, out, cap);
}
ZWH_EXTERN int zwh_configuration_name_get_decode(const uint8_t *frame, size_t len,
                                                  zwh_configuration_parameter_ref_t *out)
{
    return ref_decode(ZWH_CONFIGURATION_NAME_GET, frame, len, out);
}
ZWH_EXTERN int zwh_configuration_info_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                  size_t cap)
{
    return ref_encode(ZWH_CONFIGURATION_INFO_GET, in, out, cap);
}
ZWH_EXTERN int zwh_configuration_info_get_decode(const uint8_t *frame, size_t len,
                                                  zwh_configuration_parameter_ref_t *out)
{
    return ref_decode(ZWH_CONFIGURATION_INFO_GET, frame, len, out);
}
ZWH_EXTERN int zwh_configuration_properties_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                        size_t cap)
{
    return ref_encode(ZWH_CONFIGURATION_PROPERTIES_GET, in, out, cap);
}
ZWH_EXTERN int zwh_configuration_properties_get_decode(const uint8_t *frame, size_t len,
                                                        zwh_configuration_parameter_ref_t *out)
{
    return ref_decode(ZWH_CONFIGURATION_PROPERTIES_GET, frame, len, out);
}

/* ---- Name / Info Report ---- */

static int text_encode(uint8_t cmd, const zwh_configuration_text_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->text_len > ZWH_CONFIGURATION_TEXT_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->parameter);
    zwh__wr_u8(&w, in->reports_to_follow);
    zwh__wr_bytes(&w, in->text, in->text_len);
    return zwh__cc_end(&w);
}

static int text_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_configuration_text_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter = zwh__rd_u16(&r);
    out->reports_to_follow = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    size_t n = zwh__rd_left(&r);
    if (n > ZWH_CONFIGURATION_TEXT_MAX)
        return ZWH_EMSGSIZE;
    out->text_len = (uint8_t)n;
    zwh__rd_copy(&r, out->text, n);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_name_report_encode(const zwh_configuration_text_report_t *in, uint8_t *out,
                                                     size_t cap)
{
    return text_encode(ZWH_CONFIGURATION_NAME_REPORT, in, out, cap);
}
ZWH_EXTERN int zwh_configuration_name_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_text_report_t *out)
{
    return text_decode(ZWH_CONFIGURATION_NAME_REPORT, frame, len, out);
}
ZWH_EXTERN int zwh_configuration_info_report_encode(const zwh_configuration_text_report_t *in, uint8_t *out,
                                                     size_t cap)
{
    return text_encode(ZWH_CONFIGURATION_INFO_REPORT, in, out, cap);
}
ZWH_EXTERN int zwh_configuration_info_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_text_report_t *out)
{
    return text_decode(ZWH_CONFIGURATION_INFO_REPORT, frame, len, out);
}

/* ---- Properties Report ---- */

ZWH_EXTERN int zwh_configuration_properties_report_encode(const zwh_configuration_properties_report_t *in,
                                                           uint8_t *out, size_t cap)
{
    if (!in || in->format > ZWH_CONFIGURATION_FORMAT_BITFIELD || in->alters_capabilities > 1 ||
        in->read_only > 1 || in->advanced > 1 || in->no_bulk_support > 1 ||
        (!in->has_v4_flags && (in->advanced || in->no_bulk_support)))
        return ZWH_EINVAL;
    if (in->size != 0 && !(value_ok(in->min_value, in->size, in->format) &&
                           value_ok(in->max_value, in->size, in->format) &&
                           value_ok(in->default_value, in->size, in->format)))
        return ZWH_EINVAL;
    if (in->size != 0 && !zwh__cc_size_ok(in->size))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CONFIGURATION_PROPERTIES_REPORT);
    zwh__wr_u16(&w, in->parameter);
    zwh__wr_u8(&w, (uint8_t)(in->alters_capabilities << 7 | in->read_only << 6 | in->format << 3 | in->size));
    if (in->size) {
        wr_value(&w, in->min_value, in->size);
        wr_value(&w, in->max_value, in->size);
        wr_value(&w, in->default_value, in->size);
    }
    zwh__wr_u16(&w, in->next_parameter);
    if (in->has_v4_flags)
        zwh__wr_u8(&w, (uint8_t)(in->no_bulk_support << 1 | in->advanced));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_configuration_properties_report_decode(const uint8_t *frame, size_t len,
                                                           zwh_configuration_properties_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CONFIGURATION_PROPERTIES_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->parameter = zwh__rd_u16(&r);
    uint8_t b = zwh__rd_u8(&r);
    out->alters_capabilities = (uint8_t)(b >> 7);
    out->read_only = (uint8_t)((b >> 6) & 1);
    out->format = (uint8_t)((b >> 3) & 7);
    out->size = b & 7;
    if (out->size != 0) {
        rd_size(&r, b);
        out->min_value = rd_value(&r, out->size, out->format);
        out->max_value = rd_value(&r, out->size, out->format);
        out->default_value = rd_value(&r, out->size, out->format);
    } else if (zwh__rd_left(&r) == 0) {
        /* an unknown parameter: some devices stop after the size byte */
        return zwh__cc_close(&r);
    }
    out->next_parameter = zwh__rd_u16(&r);
    if (zwh__rd_left(&r) >= 1) {
        uint8_t b2 = zwh__rd_u8(&r);
        out->has_v4_flags = 1;
        out->advanced = b2 & 1;
        out->no_bulk_support = (uint8_t)((b2 >> 1) & 1);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_configuration_default_reset_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_CONFIGURATION_DEFAULT_RESET, out, cap);
}

/* ---- formatter ---- */

static void fmt_value(zwh__fmt_t *f, const char *key, int64_t v, uint8_t size)
{
    zwh__fmt_printf(f, " %s=%lld", key, (long long)v);
    if (v < 0) { /* show the bytes too: the device may read them unsigned */
        int64_t u = 0;
        zwh_configuration_value_convert(v, size, ZWH_CONFIGURATION_FORMAT_UNSIGNED, &u);
        zwh__fmt_printf(f, "(0x%0*llx)", 2 * size, (unsigned long long)u);
    }
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_set_t s;
    if (zwh_configuration_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " param=%u size=%u", s.parameter, s.size);
    if (s.use_default)
        zwh__fmt_printf(f, " default");
    else
        fmt_value(f, "value", s.value, s.size);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_get_t g;
    if (zwh_configuration_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " param=%u", g.parameter);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_report_t rep;
    if (zwh_configuration_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " param=%u size=%u", rep.parameter, rep.size);
    fmt_value(f, "value", rep.value, rep.size);
    return 0;
}

static void fmt_values(zwh__fmt_t *f, const int64_t *values, uint8_t count, uint8_t size)
{
    zwh__fmt_printf(f, " values=");
    for (size_t i = 0; i < count; i++)
        zwh__fmt_printf(f, "%s%lld", i ? "," : "", (long long)values[i]);
}

static int fmt_bulk_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_bulk_set_t s;
    if (zwh_configuration_bulk_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " params=%u..%u size=%u", s.parameter_offset,
                    (unsigned)(s.parameter_offset + (s.count ? s.count - 1 : 0)), s.size);
    if (s.use_default)
        zwh__fmt_printf(f, " default");
    else
        fmt_values(f, s.values, s.count, s.size);
    if (s.handshake)
        zwh__fmt_printf(f, " handshake");
    return 0;
}

static int fmt_bulk_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_bulk_get_t g;
    if (zwh_configuration_bulk_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " params=%u count=%u", g.parameter_offset, g.count);
    return 0;
}

static int fmt_bulk_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_bulk_report_t rep;
    if (zwh_configuration_bulk_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " params=%u count=%u size=%u", rep.parameter_offset, rep.count, rep.size);
    fmt_values(f, rep.values, rep.count, rep.size);
    if (rep.is_default)
        zwh__fmt_printf(f, " default");
    if (rep.handshake)
        zwh__fmt_printf(f, " handshake");
    zwh__fmt_printf(f, " to_follow=%u", rep.reports_to_follow);
    return 0;
}

static int fmt_ref(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh__rd_t r;
    zwh__rd_init(&r, frame, len);
    zwh__rd_skip(&r, 2);
    uint16_t p = zwh__rd_u16(&r);
    if (!zwh__rd_ok(&r))
        return -1;
    zwh__fmt_printf(f, " param=%u", p);
    return 0;
}

static int fmt_text(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_text_report_t t;
    /* both reports share the layout; decode by whichever command this is */
    int rc = frame[1] == ZWH_CONFIGURATION_NAME_REPORT ? zwh_configuration_name_report_decode(frame, len, &t)
                                                       : zwh_configuration_info_report_decode(frame, len, &t);
    if (rc != 0)
        return -1;
    zwh__fmt_printf(f, " param=%u text=\"", t.parameter);
    for (size_t i = 0; i < t.text_len; i++) {
        uint8_t c = t.text[i];
        if (c < 0x20 || c == '"' || c == '\\' || c == 0x7F)
            zwh__fmt_printf(f, "\\x%02x", c);
        else
            zwh__fmt_printf(f, "%c", c);
    }
    zwh__fmt_printf(f, "\" to_follow=%u", t.reports_to_follow);
    return 0;
}

static int fmt_properties(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_configuration_properties_report_t p;
    if (zwh_configuration_properties_report_decode(frame, len, &p) != 0)
        return -1;
    const char *fn = zwh_configuration_get_format_name(p.format);
    zwh__fmt_printf(f, " param=%u", p.parameter);
    if (fn)
        zwh__fmt_printf(f, " format=%s", fn);
    else
        zwh__fmt_printf(f, " format=%u", p.format);
    zwh__fmt_printf(f, " size=%u", p.size);
    if (p.size)
        zwh__fmt_printf(f, " min=%lld max=%lld default=%lld", (long long)p.min_value, (long long)p.max_value,
                        (long long)p.default_value);
    zwh__fmt_printf(f, " next=%u", p.next_parameter);
    if (p.read_only)
        zwh__fmt_printf(f, " read_only");
    if (p.alters_capabilities)
        zwh__fmt_printf(f, " alters_capabilities");
    if (p.advanced)
        zwh__fmt_printf(f, " advanced");
    if (p.no_bulk_support)
        zwh__fmt_printf(f, " no_bulk");
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_CONFIGURATION_DEFAULT_RESET, "DefaultReset", NULL},
    {ZWH_CONFIGURATION_SET, "Set", fmt_set},
    {ZWH_CONFIGURATION_GET, "Get", fmt_get},
    {ZWH_CONFIGURATION_REPORT, "Report", fmt_report},
    {ZWH_CONFIGURATION_BULK_SET, "BulkSet", fmt_bulk_set},
    {ZWH_CONFIGURATION_BULK_GET, "BulkGet", fmt_bulk_get},
    {ZWH_CONFIGURATION_BULK_REPORT, "BulkReport", fmt_bulk_report},
    {ZWH_CONFIGURATION_NAME_GET, "NameGet", fmt_ref},
    {ZWH_CONFIGURATION_NAME_REPORT, "NameReport", fmt_text},
    {ZWH_CONFIGURATION_INFO_GET, "InfoGet", fmt_ref},
    {ZWH_CONFIGURATION_INFO_REPORT, "InfoReport", fmt_text},
    {ZWH_CONFIGURATION_PROPERTIES_GET, "PropertiesGet", fmt_ref},
    {ZWH_CONFIGURATION_PROPERTIES_REPORT, "PropertiesReport", fmt_properties},
};

const zwh__cc_desc_t zwh__cc_configuration = {
    .id = CC, .name = "Configuration", .version = 4, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
