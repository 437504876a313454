/* Binary Sensor command class, version 2. */
#include "zwhost/cc/binary_sensor.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_BINARY_SENSOR

static const char *const type_names[] = {
    NULL, "general", "smoke", "co", "co2", "heat", "water", "freeze",
    "tamper", "aux", "door_window", "tilt", "motion", "glass_break",
};

ZWH_EXTERN const char *zwh_binary_sensor_get_type_name(uint8_t sensor_type)
{
    if (sensor_type == ZWH_BINARY_SENSOR_FIRST_SUPPORTED)
        return "any";
    return sensor_type < ZWH__COUNT(type_names) ? type_names[sensor_type] : NULL;
}

ZWH_EXTERN int zwh_binary_sensor_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_BINARY_SENSOR_SUPPORTED_GET, out, cap);
}

ZWH_EXTERN int zwh_binary_sensor_supported_report_encode(const zwh_binary_sensor_supported_report_t *in,
                                                          uint8_t *out, size_t cap)
{
    if (!in || in->mask_len == 0 || in->mask_len > ZWH_BINARY_SENSOR_MASK_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_BINARY_SENSOR_SUPPORTED_REPORT);
    zwh__wr_bytes(&w, in->mask, in->mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_binary_sensor_supported_report_decode(const uint8_t *frame, size_t len,
                                                          zwh_binary_sensor_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_BINARY_SENSOR_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    if (zwh__rd_left(&r) == 0)
        return ZWH_EBADMSG;
    out->mask_len = zwh__cc_rd_mask(&r, out->mask, sizeof out->mask);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_binary_sensor_get_encode(const zwh_binary_sensor_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_BINARY_SENSOR_GET);
    zwh__cc_wr_opt(&w, in->has_type, in->sensor_type);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_binary_sensor_get_decode(const uint8_t *frame, size_t len, zwh_binary_sensor_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_BINARY_SENSOR_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    zwh__cc_rd_opt(&r, &out->has_type, &out->sensor_type);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_binary_sensor_report_encode(const zwh_binary_sensor_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || (in->value != 0x00 && in->value != 0xFF))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_BINARY_SENSOR_REPORT);
    zwh__wr_u8(&w, in->value);
    zwh__cc_wr_opt(&w, in->has_type, in->sensor_type);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_binary_sensor_report_decode(const uint8_t *frame, size_t len, zwh_binary_sensor_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_BINARY_SENSOR_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->value = zwh__rd_u8(&r);
    zwh__cc_rd_opt(&r, &out->has_type, &out->sensor_type);
    return zwh__cc_close(&r);
}

static void fmt_type(zwh__fmt_t *f, uint8_t type)
{
    zwh__cc_fmt_named(f, "type", zwh_binary_sensor_get_type_name(type), type);
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_binary_sensor_get_t g;
    if (zwh_binary_sensor_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.has_type)
        fmt_type(f, g.sensor_type);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_binary_sensor_report_t rep;
    if (zwh_binary_sensor_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.has_type)
        fmt_type(f, rep.sensor_type);
    if (rep.value == 0x00 || rep.value == 0xFF)
        zwh__fmt_printf(f, " value=%s", rep.value ? "detected" : "idle");
    else
        zwh__fmt_printf(f, " value=0x%02x", rep.value);
    return 0;
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_binary_sensor_supported_report_t s;
    if (zwh_binary_sensor_supported_report_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " types=");
    zwh__cc_fmt_mask(f, s.mask, s.mask_len, 0, zwh_binary_sensor_get_type_name);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_BINARY_SENSOR_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_BINARY_SENSOR_GET, "Get", fmt_get},
    {ZWH_BINARY_SENSOR_REPORT, "Report", fmt_report},
    {ZWH_BINARY_SENSOR_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
};

const zwh__cc_desc_t zwh__cc_binary_sensor = {
    .id = CC, .name = "BinarySensor", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
