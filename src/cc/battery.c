/* Battery command class, version 2. */
#include "zwhost/cc/battery.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_BATTERY

static bool percent_ok(uint8_t v) { return v <= 100 || v == 0xFF; }

ZWH_EXTERN int zwh_battery_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_BATTERY_GET, out, cap);
}

ZWH_EXTERN int zwh_battery_report_encode(const zwh_battery_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !percent_ok(in->level) || in->has_v2 > 1)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_BATTERY_REPORT);
    zwh__wr_u8(&w, in->level);
    if (in->has_v2) {
        if (in->charging_status > 3 || in->rechargeable > 1 || in->backup > 1 || in->overheating > 1 ||
            in->low_fluid > 1 || in->replace_recharge > 3 || in->disconnected > 1 || in->low_temperature > 1)
            return ZWH_EINVAL;
        zwh__wr_u8(&w, (uint8_t)(in->charging_status << 6 | in->rechargeable << 5 | in->backup << 4 |
                                 in->overheating << 3 | in->low_fluid << 2 | in->replace_recharge));
        zwh__wr_u8(&w, (uint8_t)(in->low_temperature << 1 | in->disconnected));
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_battery_report_decode(const uint8_t *frame, size_t len, zwh_battery_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_BATTERY_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->level = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 2) { /* V2 */
        uint8_t a = zwh__rd_u8(&r), b = zwh__rd_u8(&r);
        out->has_v2 = 1;
        out->charging_status = (uint8_t)(a >> 6);
        out->rechargeable = a >> 5 & 1;
        out->backup = a >> 4 & 1;
        out->overheating = a >> 3 & 1;
        out->low_fluid = a >> 2 & 1;
        out->replace_recharge = a & 3;
        out->disconnected = b & 1;
        out->low_temperature = b >> 1 & 1;
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_battery_health_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_BATTERY_HEALTH_GET, out, cap);
}

static bool size_ok(uint8_t n) { return n == 0 || n == 1 || n == 2 || n == 4; }

ZWH_EXTERN int zwh_battery_health_report_encode(const zwh_battery_health_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !percent_ok(in->max_capacity) || in->precision > 7 || in->scale > 3 ||
        !size_ok(in->temperature_size))
        return ZWH_EINVAL;
    if (in->temperature_size > 0 && in->temperature_size < 4) {
        int32_t lim = in->temperature_size == 1 ? 0x80 : 0x8000;
        if (in->temperature < -lim || in->temperature >= lim)
            return ZWH_EINVAL;
    }
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_BATTERY_HEALTH_REPORT);
    zwh__wr_u8(&w, in->max_capacity);
    zwh__wr_u8(&w, (uint8_t)(in->precision << 5 | in->scale << 3 | in->temperature_size));
    zwh__wr_uint(&w, (uint32_t)in->temperature, in->temperature_size);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_battery_health_report_decode(const uint8_t *frame, size_t len, zwh_battery_health_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_BATTERY_HEALTH_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->max_capacity = zwh__rd_u8(&r);
    uint8_t b = zwh__rd_u8(&r);
    out->precision = (uint8_t)(b >> 5);
    out->scale = b >> 3 & 3;
    out->temperature_size = b & 7;
    if (!size_ok(out->temperature_size))
        return ZWH_EBADMSG;
    if (out->temperature_size)
        out->temperature = zwh__rd_int(&r, out->temperature_size);
    return zwh__cc_close(&r);
}

static const char *const charging[] = {"discharging", "charging", "maintaining", "reserved"};
static const char *const replace[] = {"no", "soon", "now", "soon+now"};

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_battery_report_t rep;
    if (zwh_battery_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.level == ZWH_BATTERY_LEVEL_LOW_WARNING)
        zwh__fmt_printf(f, " level=low-battery-warning");
    else
        zwh__fmt_printf(f, " level=%u%%", rep.level);
    if (!rep.has_v2)
        return 0;
    zwh__fmt_printf(f, " %s replace=%s", charging[rep.charging_status], replace[rep.replace_recharge]);
    static const struct { size_t off; const char *name; } flags[] = {
        {offsetof(zwh_battery_report_t, rechargeable), "rechargeable"},
        {offsetof(zwh_battery_report_t, backup), "backup"},
        {offsetof(zwh_battery_report_t, overheating), "overheating"},
        {offsetof(zwh_battery_report_t, low_fluid), "low-fluid"},
        {offsetof(zwh_battery_report_t, disconnected), "disconnected"},
        {offsetof(zwh_battery_report_t, low_temperature), "low-temperature"},
    };
    for (size_t i = 0; i < ZWH__COUNT(flags); i++)
        if (((const uint8_t *)&rep)[flags[i].off])
            zwh__fmt_printf(f, " %s", flags[i].name);
    return 0;
}

static int fmt_health(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_battery_health_report_t rep;
    if (zwh_battery_health_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.max_capacity == 0xFF)
        zwh__fmt_printf(f, " capacity=unknown");
    else
        zwh__fmt_printf(f, " capacity=%u%%", rep.max_capacity);
    if (rep.temperature_size) {
        zwh__fmt_printf(f, " temperature=");
        zwh__fmt_scaled(f, rep.temperature, rep.precision);
        if (rep.scale == 0)
            zwh__fmt_printf(f, "C");
        else
            zwh__fmt_printf(f, "(scale %u)", rep.scale);
    }
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_BATTERY_GET, "Get", NULL},
    {ZWH_BATTERY_REPORT, "Report", fmt_report},
    {ZWH_BATTERY_HEALTH_GET, "HealthGet", NULL},
    {ZWH_BATTERY_HEALTH_REPORT, "HealthReport", fmt_health},
};

const zwh__cc_desc_t zwh__cc_battery = {
    .id = CC, .name = "Battery", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
