/* Binary Switch command class, version 2. */
#include "zwhost/cc/binary_switch.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

static bool report_value_ok(uint8_t v) { return v == 0x00 || v == 0xFE || v == 0xFF; }

ZWH_EXTERN int zwh_binary_switch_set_encode(const zwh_binary_switch_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_level_ok(in->value))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_SET);
    zwh__wr_u8(&w, in->value);
    zwh__cc_wr_opt(&w, in->has_duration, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_binary_switch_set_decode(const uint8_t *frame, size_t len, zwh_binary_switch_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->value = zwh__rd_u8(&r);
    zwh__cc_rd_opt(&r, &out->has_duration, &out->duration);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_binary_switch_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_GET, out, cap);
}

ZWH_EXTERN int zwh_binary_switch_report_encode(const zwh_binary_switch_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !report_value_ok(in->current_value) ||
        (in->has_target && !report_value_ok(in->target_value)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_REPORT);
    zwh__wr_u8(&w, in->current_value);
    zwh__cc_wr_target(&w, in->has_target, in->target_value, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_binary_switch_report_decode(const uint8_t *frame, size_t len, zwh_binary_switch_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->current_value = zwh__rd_u8(&r);
    zwh__cc_rd_target(&r, &out->has_target, &out->target_value, &out->duration);
    return zwh__cc_close(&r);
}

static void fmt_onoff(zwh__fmt_t *f, const char *key, uint8_t v)
{
    if (v == 0x00)
        zwh__fmt_printf(f, " %s=off", key);
    else if (v == 0xFE)
        zwh__fmt_printf(f, " %s=unknown", key);
    else if (v == 0xFF)
        zwh__fmt_printf(f, " %s=on", key);
    else
        zwh__fmt_printf(f, " %s=on(0x%02x)", key, v);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_binary_switch_set_t s;
    if (zwh_binary_switch_set_decode(frame, len, &s) != 0)
        return -1;
    fmt_onoff(f, "value", s.value);
    if (s.has_duration) {
        zwh__fmt_printf(f, " duration=");
        zwh__cc_fmt_duration(f, s.duration);
    }
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_binary_switch_report_t rep;
    if (zwh_binary_switch_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_onoff(f, "current", rep.current_value);
    if (rep.has_target) {
        fmt_onoff(f, "target", rep.target_value);
        zwh__fmt_printf(f, " duration=");
        zwh__cc_fmt_duration(f, rep.duration);
    }
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_BINARY_SWITCH_SET, "Set", fmt_set},
    {ZWH_BINARY_SWITCH_GET, "Get", NULL},
    {ZWH_BINARY_SWITCH_REPORT, "Report", fmt_report},
};

const zwh__cc_desc_t zwh__cc_binary_switch = {
    .id = ZWH_CC_BINARY_SWITCH, .name = "BinarySwitch", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
