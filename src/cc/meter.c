/* Meter command class, version 6. */
#include "zwhost/cc/meter.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_METER

/* Units by meter type and scale; index 7 of the electric row is scale 7 /
 * scale2 0 (kVar) and index 8 scale 7 / scale2 1 (kVarh). */
static const char *const units[6][9] = {
    [ZWH_METER_ELECTRIC] = {"kWh", "kVAh", "W", "pulse count", "V", "A", "power factor", "kVar", "kVarh"},
    [ZWH_METER_GAS] = {"m\xc2\xb3", "ft\xc2\xb3", NULL, "pulse count"},
    [ZWH_METER_WATER] = {"m\xc2\xb3", "ft\xc2\xb3", "US gallons", "pulse count"},
    [ZWH_METER_HEATING] = {"kWh"},
    [ZWH_METER_COOLING] = {"kWh"},
};
static const char *const type_names[6] = {NULL, "electric", "gas", "water", "heating", "cooling"};
static const char *const rate_names[4] = {"unspecified", "import", "export", NULL};

ZWH_EXTERN const char *zwh_meter_get_type_name(uint8_t meter_type)
{
    return meter_type < ZWH__COUNT(type_names) ? type_names[meter_type] : NULL;
}

ZWH_EXTERN const char *zwh_meter_get_scale_name(uint8_t meter_type, uint8_t scale, uint8_t scale2)
{
    if (meter_type >= ZWH__COUNT(units) || scale > 7)
        return NULL;
    unsigned idx = scale;
    if (scale == ZWH_METER_SCALE_MORE) {
        if (scale2 > 1)
            return NULL;
        idx = 7u + scale2;
    }
    return units[meter_type][idx];
}

ZWH_EXTERN const char *zwh_meter_get_rate_name(uint8_t rate_type)
{
    return rate_type < ZWH__COUNT(rate_names) ? rate_names[rate_type] : NULL;
}

/* ---- shared "type byte + PSS + value" head of Report and V6 Reset ---- */

typedef struct {
    uint8_t meter_type, rate_type, scale, precision, size;
    int32_t value;
} head_t;

static bool head_ok(const head_t *h)
{
    return h->meter_type <= 0x1F && h->rate_type <= 3 && h->scale <= 7 &&
           zwh__cc_pss_ok(h->precision, h->scale & 3, h->size, h->value);
}

static void head_write(zwh__wr_t *w, const head_t *h)
{
    zwh__wr_u8(w, (uint8_t)((h->scale >> 2) << 7 | h->rate_type << 5 | h->meter_type));
    zwh__cc_wr_pss(w, h->precision, h->scale & 3, h->size, h->value);
}

static void head_read(zwh__rd_t *r, head_t *h)
{
    uint8_t b = zwh__rd_u8(r);
    uint8_t scale_lo;
    h->meter_type = b & 0x1F;
    h->rate_type = (uint8_t)((b >> 5) & 3);
    zwh__cc_rd_pss(r, &h->precision, &scale_lo, &h->size, &h->value);
    h->scale = (uint8_t)((b >> 7) << 2 | scale_lo);
}

/* ---- Get ---- */

ZWH_EXTERN int zwh_meter_get_encode(const zwh_meter_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->rate_type > 3 || in->scale > 7)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_METER_GET);
    if (in->has_scale) {
        zwh__wr_u8(&w, (uint8_t)(in->rate_type << 6 | in->scale << 3));
        if (in->scale == ZWH_METER_SCALE_MORE)
            zwh__wr_u8(&w, in->scale2);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_meter_get_decode(const uint8_t *frame, size_t len, zwh_meter_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_METER_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    if (zwh__rd_left(&r) >= 1) {
        uint8_t b = zwh__rd_u8(&r);
        out->has_scale = 1;
        out->rate_type = (uint8_t)(b >> 6);
        out->scale = (uint8_t)((b >> 3) & 7);
        if (out->scale == ZWH_METER_SCALE_MORE)
            out->scale2 = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

/* ---- Report ---- */

ZWH_EXTERN int zwh_meter_report_encode(const zwh_meter_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    head_t h = {in->meter_type, in->rate_type, in->scale, in->precision, in->size, in->value};
    if (!head_ok(&h) ||
        (in->has_previous && (!in->has_delta || in->delta_time == 0 ||
                              !zwh__cc_value_fits(in->previous_value, in->size))))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_METER_REPORT);
    head_write(&w, &h);
    if (in->has_delta) {
        zwh__wr_u16(&w, in->delta_time);
        if (in->has_previous)
            zwh__wr_uint(&w, (uint32_t)in->previous_value, in->size);
    }
    if (in->scale == ZWH_METER_SCALE_MORE)
        zwh__wr_u8(&w, in->scale2);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_meter_report_decode(const uint8_t *frame, size_t len, zwh_meter_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_METER_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    head_t h;
    head_read(&r, &h);
    out->meter_type = h.meter_type;
    out->rate_type = h.rate_type;
    out->scale = h.scale;
    out->precision = h.precision;
    out->size = h.size;
    out->value = h.value;
    size_t tail = h.scale == ZWH_METER_SCALE_MORE ? 1 : 0; /* scale2 ends the frame */
    if (zwh__rd_left(&r) >= 2 + tail) {
        out->has_delta = 1;
        out->delta_time = zwh__rd_u16(&r);
        /* the previous value is there when time passed since it (and fits) */
        if (out->delta_time != 0 && zwh__rd_left(&r) >= h.size + tail) {
            out->has_previous = 1;
            out->previous_value = zwh__rd_int(&r, h.size);
        }
    }
    if (h.scale == ZWH_METER_SCALE_MORE)
        out->scale2 = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

/* ---- Supported ---- */

ZWH_EXTERN int zwh_meter_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_METER_SUPPORTED_GET, out, cap);
}

ZWH_EXTERN int zwh_meter_supported_report_encode(const zwh_meter_supported_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->meter_type > 0x1F || in->reset_supported > 1 || in->rate_types > 3 ||
        in->scale2_mask_len > ZWH_METER_SCALE2_MASK_MAX || (in->more_scales && (in->scales & 0x80)) ||
        (!in->more_scales && in->scale2_mask_len))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_METER_SUPPORTED_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->reset_supported << 7 | in->rate_types << 5 | in->meter_type));
    zwh__wr_u8(&w, (uint8_t)(in->more_scales ? (0x80 | in->scales) : in->scales));
    if (in->more_scales) {
        zwh__wr_u8(&w, in->scale2_mask_len);
        zwh__wr_bytes(&w, in->scale2_mask, in->scale2_mask_len);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_meter_supported_report_decode(const uint8_t *frame, size_t len, zwh_meter_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_METER_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t b0 = zwh__rd_u8(&r);
    uint8_t b1 = zwh__rd_u8(&r);
    out->reset_supported = (uint8_t)(b0 >> 7);
    out->rate_types = (uint8_t)((b0 >> 5) & 3);
    out->meter_type = b0 & 0x1F;
    out->more_scales = (uint8_t)(b1 >> 7);
    out->scales = out->more_scales ? (b1 & 0x7F) : b1;
    if (out->more_scales) {
        uint8_t n = zwh__rd_u8(&r);
        const uint8_t *p = zwh__rd_take(&r, n); /* all announced bytes must be there */
        if (p) {
            out->scale2_mask_len = n < ZWH_METER_SCALE2_MASK_MAX ? n : ZWH_METER_SCALE2_MASK_MAX;
            memcpy(out->scale2_mask, p, out->scale2_mask_len);
        }
    }
    return zwh__cc_close(&r);
}

/* ---- Reset ---- */

ZWH_EXTERN int zwh_meter_reset_encode(const zwh_meter_reset_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    head_t h = {in->meter_type, in->rate_type, in->scale, in->precision, in->size, in->value};
    if (in->has_value && !head_ok(&h))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_METER_RESET);
    if (in->has_value) {
        head_write(&w, &h);
        if (in->scale == ZWH_METER_SCALE_MORE)
            zwh__wr_u8(&w, in->scale2);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_meter_reset_decode(const uint8_t *frame, size_t len, zwh_meter_reset_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_METER_RESET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    if (zwh__rd_left(&r) >= 1) {
        head_t h;
        head_read(&r, &h);
        out->has_value = 1;
        out->meter_type = h.meter_type;
        out->rate_type = h.rate_type;
        out->scale = h.scale;
        out->precision = h.precision;
        out->size = h.size;
        out->value = h.value;
        if (h.scale == ZWH_METER_SCALE_MORE)
            out->scale2 = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

/* ---- formatter ---- */

static void fmt_type(zwh__fmt_t *f, uint8_t type)
{
    zwh__cc_fmt_named(f, "type", zwh_meter_get_type_name(type), type);
}

/* "kWh", or "7/1" for an unknown scale2, or the scale number */
static void fmt_scale_value(zwh__fmt_t *f, uint8_t type, uint8_t scale, uint8_t scale2)
{
    const char *n = zwh_meter_get_scale_name(type, scale, scale2);
    if (n)
        zwh__fmt_printf(f, "%s", n);
    else if (scale == ZWH_METER_SCALE_MORE)
        zwh__fmt_printf(f, "7/%u", scale2);
    else
        zwh__fmt_printf(f, "%u", scale);
}

static void fmt_scale(zwh__fmt_t *f, uint8_t type, uint8_t scale, uint8_t scale2)
{
    zwh__fmt_printf(f, " scale=");
    fmt_scale_value(f, type, scale, scale2);
}

/* bit 0..6 = scale 0..6; bit 8 + n = scale 7 with scale2 n (bit 7 = scale 7 of V3) */
static void scale_item(zwh__fmt_t *f, unsigned bit, const void *ctx)
{
    uint8_t type = *(const uint8_t *)ctx;
    if (bit < 8)
        fmt_scale_value(f, type, (uint8_t)bit, 0);
    else
        fmt_scale_value(f, type, ZWH_METER_SCALE_MORE, (uint8_t)(bit - 8));
}

static void fmt_rate(zwh__fmt_t *f, uint8_t rate)
{
    if (rate != ZWH_METER_RATE_UNSPECIFIED)
        zwh__cc_fmt_named(f, "rate", zwh_meter_get_rate_name(rate), rate);
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_meter_get_t g;
    if (zwh_meter_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.has_scale) { /* the Get does not name its meter type */
        fmt_scale(f, 0, g.scale, g.scale2);
        fmt_rate(f, g.rate_type);
    }
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_meter_report_t rep;
    if (zwh_meter_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_type(f, rep.meter_type);
    fmt_scale(f, rep.meter_type, rep.scale, rep.scale2);
    zwh__fmt_printf(f, " value=");
    zwh__fmt_scaled(f, rep.value, rep.precision);
    fmt_rate(f, rep.rate_type);
    if (rep.has_delta)
        zwh__fmt_printf(f, " delta=%us", rep.delta_time);
    if (rep.has_previous) {
        zwh__fmt_printf(f, " previous=");
        zwh__fmt_scaled(f, rep.previous_value, rep.precision);
    }
    return 0;
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_meter_supported_report_t s;
    if (zwh_meter_supported_report_decode(frame, len, &s) != 0)
        return -1;
    fmt_type(f, s.meter_type);
    uint8_t mask[1 + ZWH_METER_SCALE2_MASK_MAX];
    mask[0] = s.scales;
    memcpy(mask + 1, s.scale2_mask, s.scale2_mask_len);
    zwh__fmt_printf(f, " scales=");
    if (!zwh__cc_fmt_bits(f, mask, 1u + s.scale2_mask_len, scale_item, &s.meter_type))
        zwh__fmt_printf(f, "none");
    if (s.rate_types)
        zwh__fmt_printf(f, " rates=%s%s%s", (s.rate_types & 1) ? "import" : "",
                        s.rate_types == 3 ? "," : "", (s.rate_types & 2) ? "export" : "");
    zwh__fmt_printf(f, " reset=%s", s.reset_supported ? "yes" : "no");
    return 0;
}

static int fmt_reset(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_meter_reset_t rs;
    if (zwh_meter_reset_decode(frame, len, &rs) != 0)
        return -1;
    if (!rs.has_value) {
        zwh__fmt_printf(f, " all");
        return 0;
    }
    fmt_type(f, rs.meter_type);
    fmt_scale(f, rs.meter_type, rs.scale, rs.scale2);
    zwh__fmt_printf(f, " value=");
    zwh__fmt_scaled(f, rs.value, rs.precision);
    fmt_rate(f, rs.rate_type);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_METER_GET, "Get", fmt_get},
    {ZWH_METER_REPORT, "Report", fmt_report},
    {ZWH_METER_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_METER_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
    {ZWH_METER_RESET, "Reset", fmt_reset},
};

const zwh__cc_desc_t zwh__cc_meter = {
    .id = CC, .name = "Meter", .version = 6, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
