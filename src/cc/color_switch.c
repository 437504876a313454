/* Color Switch command class, version 3. */
#include "zwhost/cc/color_switch.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_COLOR_SWITCH

static const char *const component_names[] = {
    "warm_white", "cold_white", "red", "green", "blue", "amber", "cyan", "purple", "index",
};

ZWH_EXTERN const char *zwh_color_switch_get_component_name(uint8_t component)
{
    return component < ZWH__COUNT(component_names) ? component_names[component] : NULL;
}

static bool component_ok(uint8_t c) { return c <= ZWH_COLOR_COMPONENT_MAX; }

ZWH_EXTERN int zwh_color_switch_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_COLOR_SWITCH_SUPPORTED_GET, out, cap);
}

ZWH_EXTERN int zwh_color_switch_supported_report_encode(const zwh_color_switch_supported_report_t *in,
                                                         uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_COLOR_SWITCH_SUPPORTED_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->components & 0xFF));
    zwh__wr_u8(&w, (uint8_t)(in->components >> 8));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_color_switch_supported_report_decode(const uint8_t *frame, size_t len,
                                                         zwh_color_switch_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_COLOR_SWITCH_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    uint8_t lo = zwh__rd_u8(&r);
    uint8_t hi = zwh__rd_u8(&r);
    out->components = (uint16_t)(lo | hi << 8);
    return zwh__cc_close(&r);
}

static int ref_encode(uint8_t cmd, const zwh_color_switch_component_ref_t *in, uint8_t *out, size_t cap)
{
    if (!in || !component_ok(in->component))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->component);
    return zwh__cc_end(&w);
}

static int ref_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_color_switch_component_ref_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->component = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_color_switch_get_encode(const zwh_color_switch_component_ref_t *in, uint8_t *out, size_t cap)
{
    return ref_encode(ZWH_COLOR_SWITCH_GET, in, out, cap);
}
ZWH_EXTERN int zwh_color_switch_get_decode(const uint8_t *frame, size_t len, zwh_color_switch_component_ref_t *out)
{
    return ref_decode(ZWH_COLOR_SWITCH_GET, frame, len, out);
}
ZWH_EXTERN int zwh_color_switch_stop_level_change_encode(const zwh_color_switch_component_ref_t *in,
                                                          uint8_t *out, size_t cap)
{
    return ref_encode(ZWH_COLOR_SWITCH_STOP_LEVEL_CHANGE, in, out, cap);
}
ZWH_EXTERN int zwh_color_switch_stop_level_change_decode(const uint8_t *frame, size_t len,
                                                          zwh_color_switch_component_ref_t *out)
{
    return ref_decode(ZWH_COLOR_SWITCH_STOP_LEVEL_CHANGE, frame, len, out);
}

ZWH_EXTERN int zwh_color_switch_report_encode(const zwh_color_switch_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !component_ok(in->component))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_COLOR_SWITCH_REPORT);
    zwh__wr_u8(&w, in->component);
    zwh__wr_u8(&w, in->current_value);
    zwh__cc_wr_target(&w, in->has_target, in->target_value, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_color_switch_report_decode(const uint8_t *frame, size_t len, zwh_color_switch_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_COLOR_SWITCH_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->component = zwh__rd_u8(&r);
    out->current_value = zwh__rd_u8(&r);
    zwh__cc_rd_target(&r, &out->has_target, &out->target_value, &out->duration);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_color_switch_set_encode(const zwh_color_switch_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0 || in->count > ZWH_COLOR_SWITCH_SET_MAX)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (!component_ok(in->values[i].component))
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_COLOR_SWITCH_SET);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++) {
        zwh__wr_u8(&w, in->values[i].component);
        zwh__wr_u8(&w, in->values[i].value);
    }
    zwh__cc_wr_opt(&w, in->has_duration, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_color_switch_set_decode(const uint8_t *frame, size_t len, zwh_color_switch_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_COLOR_SWITCH_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r) & 0x1F;
    for (size_t i = 0; i < out->count; i++) {
        out->values[i].component = zwh__rd_u8(&r);
        out->values[i].value = zwh__rd_u8(&r);
    }
    zwh__cc_rd_opt(&r, &out->has_duration, &out->duration);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_color_switch_start_level_change_encode(const zwh_color_switch_start_level_change_t *in,
                                                           uint8_t *out, size_t cap)
{
    if (!in || in->up_down > 1 || in->ignore_start_level > 1 || !component_ok(in->component))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_COLOR_SWITCH_START_LEVEL_CHANGE);
    zwh__wr_u8(&w, (uint8_t)(in->up_down << 6 | in->ignore_start_level << 5));
    zwh__wr_u8(&w, in->component);
    zwh__wr_u8(&w, in->start_level);
    zwh__cc_wr_opt(&w, in->has_duration, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_color_switch_start_level_change_decode(const uint8_t *frame, size_t len,
                                                           zwh_color_switch_start_level_change_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_COLOR_SWITCH_START_LEVEL_CHANGE))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t b = zwh__rd_u8(&r);
    out->up_down = (uint8_t)((b >> 6) & 1);
    out->ignore_start_level = (uint8_t)((b >> 5) & 1);
    out->component = zwh__rd_u8(&r);
    out->start_level = zwh__rd_u8(&r);
    zwh__cc_rd_opt(&r, &out->has_duration, &out->duration);
    return zwh__cc_close(&r);
}

static void fmt_component(zwh__fmt_t *f, uint8_t c)
{
    const char *n = zwh_color_switch_get_component_name(c);
    if (n)
        zwh__fmt_printf(f, " %s", n);
    else
        zwh__fmt_printf(f, " component%u", c);
}

static void fmt_duration(zwh__fmt_t *f, uint8_t d)
{
    zwh__fmt_printf(f, " duration=");
    zwh__cc_fmt_duration(f, d);
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_color_switch_supported_report_t s;
    if (zwh_color_switch_supported_report_decode(frame, len, &s) != 0)
        return -1;
    const uint8_t mask[2] = {(uint8_t)(s.components & 0xFF), (uint8_t)(s.components >> 8)};
    zwh__fmt_printf(f, " components=");
    zwh__cc_fmt_mask(f, mask, sizeof mask, 0, zwh_color_switch_get_component_name);
    return 0;
}

static int fmt_ref(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    if (len < 3)
        return -1;
    fmt_component(f, frame[2]);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_color_switch_report_t rep;
    if (zwh_color_switch_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_component(f, rep.component);
    zwh__fmt_printf(f, "=%u", rep.current_value);
    if (rep.has_target) {
        zwh__fmt_printf(f, " target=%u", rep.target_value);
        fmt_duration(f, rep.duration);
    }
    return 0;
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_color_switch_set_t s;
    if (zwh_color_switch_set_decode(frame, len, &s) != 0)
        return -1;
    for (size_t i = 0; i < s.count; i++) {
        fmt_component(f, s.values[i].component);
        zwh__fmt_printf(f, "=%u", s.values[i].value);
    }
    if (s.has_duration)
        fmt_duration(f, s.duration);
    return 0;
}

static int fmt_start(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_color_switch_start_level_change_t s;
    if (zwh_color_switch_start_level_change_decode(frame, len, &s) != 0)
        return -1;
    fmt_component(f, s.component);
    zwh__fmt_printf(f, " direction=%s", s.up_down ? "down" : "up");
    if (s.ignore_start_level)
        zwh__fmt_printf(f, " start=ignored");
    else
        zwh__fmt_printf(f, " start=%u", s.start_level);
    if (s.has_duration)
        fmt_duration(f, s.duration);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_COLOR_SWITCH_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_COLOR_SWITCH_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
    {ZWH_COLOR_SWITCH_GET, "Get", fmt_ref},
    {ZWH_COLOR_SWITCH_REPORT, "Report", fmt_report},
    {ZWH_COLOR_SWITCH_SET, "Set", fmt_set},
    {ZWH_COLOR_SWITCH_START_LEVEL_CHANGE, "StartLevelChange", fmt_start},
    {ZWH_COLOR_SWITCH_STOP_LEVEL_CHANGE, "StopLevelChange", fmt_ref},
};

const zwh__cc_desc_t zwh__cc_color_switch = {
    .id = CC, .name = "ColorSwitch", .version = 3, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
