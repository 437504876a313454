/* Multilevel Switch command class, version 4. */
#include "zwhost/cc/multilevel_switch.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_MULTILEVEL_SWITCH

static bool report_value_ok(uint8_t v) { return v <= 99 || v == 0xFE || v == 0xFF; }
static bool direction_ok(uint8_t d) { return d <= 1 || d == ZWH_LEVEL_CHANGE_NONE; }

ZWH_EXTERN int zwh_multilevel_switch_set_encode(const zwh_multilevel_switch_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_level_ok(in->value))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SWITCH_SET);
    zwh__wr_u8(&w, in->value);
    zwh__cc_wr_opt(&w, in->has_duration, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_switch_set_decode(const uint8_t *frame, size_t len, zwh_multilevel_switch_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SWITCH_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->value = zwh__rd_u8(&r);
    zwh__cc_rd_opt(&r, &out->has_duration, &out->duration);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_switch_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_MULTILEVEL_SWITCH_GET, out, cap);
}

ZWH_EXTERN int zwh_multilevel_switch_report_encode(const zwh_multilevel_switch_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !report_value_ok(in->current_value) ||
        (in->has_target && !report_value_ok(in->target_value)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SWITCH_REPORT);
    zwh__wr_u8(&w, in->current_value);
    zwh__cc_wr_target(&w, in->has_target, in->target_value, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_switch_report_decode(const uint8_t *frame, size_t len, zwh_multilevel_switch_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SWITCH_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->current_value = zwh__rd_u8(&r);
    zwh__cc_rd_target(&r, &out->has_target, &out->target_value, &out->duration);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_switch_start_level_change_encode(const zwh_multilevel_switch_start_level_change_t *in,
                                                                 uint8_t *out, size_t cap)
{
    if (!in || !direction_ok(in->up_down) || !direction_ok(in->inc_dec) || in->ignore_start_level > 1 ||
        !zwh__cc_level_ok(in->start_level) || (in->has_step_size && !in->has_duration))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SWITCH_START_LEVEL_CHANGE);
    zwh__wr_u8(&w, (uint8_t)(in->up_down << 6 | in->ignore_start_level << 5 | in->inc_dec << 3));
    zwh__wr_u8(&w, in->start_level);
    zwh__cc_wr_opt(&w, in->has_duration, in->duration);
    zwh__cc_wr_opt(&w, in->has_step_size, in->step_size);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_switch_start_level_change_decode(const uint8_t *frame, size_t len,
                                                                 zwh_multilevel_switch_start_level_change_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SWITCH_START_LEVEL_CHANGE))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t b = zwh__rd_u8(&r);
    out->up_down = (uint8_t)(b >> 6);
    out->ignore_start_level = (uint8_t)((b >> 5) & 1);
    out->inc_dec = (uint8_t)((b >> 3) & 3);
    out->start_level = zwh__rd_u8(&r);
    zwh__cc_rd_opt(&r, &out->has_duration, &out->duration);
    zwh__cc_rd_opt(&r, &out->has_step_size, &out->step_size);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_switch_stop_level_change_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_MULTILEVEL_SWITCH_STOP_LEVEL_CHANGE, out, cap);
}

ZWH_EXTERN int zwh_multilevel_switch_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_MULTILEVEL_SWITCH_SUPPORTED_GET, out, cap);
}

ZWH_EXTERN int zwh_multilevel_switch_supported_report_encode(const zwh_multilevel_switch_supported_report_t *in,
                                                               uint8_t *out, size_t cap)
{
    if (!in || in->primary_type > 0x1F || in->secondary_type > 0x1F)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SWITCH_SUPPORTED_REPORT);
    zwh__wr_u8(&w, in->primary_type);
    zwh__cc_wr_opt(&w, in->has_secondary, in->secondary_type);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_switch_supported_report_decode(const uint8_t *frame, size_t len,
                                                               zwh_multilevel_switch_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SWITCH_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->primary_type = zwh__rd_u8(&r) & 0x1F;
    if (zwh__rd_left(&r) >= 1) {
        out->has_secondary = 1;
        out->secondary_type = zwh__rd_u8(&r) & 0x1F;
    }
    return zwh__cc_close(&r);
}

static void fmt_level(zwh__fmt_t *f, const char *key, uint8_t v)
{
    if (v == 0xFE)
        zwh__fmt_printf(f, " %s=unknown", key);
    else if (v == 0xFF)
        zwh__fmt_printf(f, " %s=on", key);
    else
        zwh__fmt_printf(f, " %s=%u", key, v);
}

static void fmt_duration(zwh__fmt_t *f, uint8_t d)
{
    zwh__fmt_printf(f, " duration=");
    zwh__cc_fmt_duration(f, d);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_switch_set_t s;
    if (zwh_multilevel_switch_set_decode(frame, len, &s) != 0)
        return -1;
    fmt_level(f, "value", s.value);
    if (s.has_duration)
        fmt_duration(f, s.duration);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_switch_report_t rep;
    if (zwh_multilevel_switch_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_level(f, "current", rep.current_value);
    if (rep.has_target) {
        fmt_level(f, "target", rep.target_value);
        fmt_duration(f, rep.duration);
    }
    return 0;
}

static const char *const dir_names[4] = {"up", "down", "reserved", "none"};

static int fmt_start(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_switch_start_level_change_t s;
    if (zwh_multilevel_switch_start_level_change_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " direction=%s", dir_names[s.up_down & 3]);
    if (s.ignore_start_level)
        zwh__fmt_printf(f, " start=ignored");
    else
        zwh__fmt_printf(f, " start=%u", s.start_level);
    if (s.has_duration)
        fmt_duration(f, s.duration);
    if (s.has_step_size)
        zwh__fmt_printf(f, " secondary=%s step=%u", dir_names[s.inc_dec & 3], s.step_size);
    return 0;
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    static const char *const types[] = {"undefined", "off/on", "down/up", "close/open",
                                        "ccw/cw", "left/right", "reverse/forward", "pull/push"};
    zwh_multilevel_switch_supported_report_t s;
    if (zwh_multilevel_switch_supported_report_decode(frame, len, &s) != 0)
        return -1;
    if (s.primary_type < ZWH__COUNT(types))
        zwh__fmt_printf(f, " primary=%s", types[s.primary_type]);
    else
        zwh__fmt_printf(f, " primary=%u", s.primary_type);
    if (s.has_secondary && s.secondary_type)
        zwh__fmt_printf(f, " secondary=%u", s.secondary_type);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MULTILEVEL_SWITCH_SET, "Set", fmt_set},
    {ZWH_MULTILEVEL_SWITCH_GET, "Get", NULL},
    {ZWH_MULTILEVEL_SWITCH_REPORT, "Report", fmt_report},
    {ZWH_MULTILEVEL_SWITCH_START_LEVEL_CHANGE, "StartLevelChange", fmt_start},
    {ZWH_MULTILEVEL_SWITCH_STOP_LEVEL_CHANGE, "StopLevelChange", NULL},
    {ZWH_MULTILEVEL_SWITCH_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_MULTILEVEL_SWITCH_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
};

const zwh__cc_desc_t zwh__cc_multilevel_switch = {
    .id = CC, .name = "MultilevelSwitch", .version = 4, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
