/* Time command class, version 2. */
#include "zwhost/cc/time.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_TIME

ZWH_EXTERN int zwh_time_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_TIME_GET, out, cap);
}

ZWH_EXTERN int zwh_time_report_encode(const zwh_time_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->rtc_failure > 1 || in->hour > 23 || in->minute > 59 || in->second > 59)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_TIME_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->rtc_failure << 7 | in->hour));
    zwh__wr_u8(&w, in->minute);
    zwh__wr_u8(&w, in->second);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_time_report_decode(const uint8_t *frame, size_t len, zwh_time_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_TIME_REPORT))
        return ZWH_EBADMSG;
    uint8_t p = zwh__rd_u8(&r);
    out->rtc_failure = p >> 7;
    out->hour = p & 0x1F;
    out->minute = zwh__rd_u8(&r);
    out->second = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_date_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_DATE_GET, out, cap);
}

ZWH_EXTERN int zwh_date_report_encode(const zwh_date_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->month < 1 || in->month > 12 || in->day < 1 || in->day > 31)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_DATE_REPORT);
    zwh__wr_u16(&w, in->year);
    zwh__wr_u8(&w, in->month);
    zwh__wr_u8(&w, in->day);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_date_report_decode(const uint8_t *frame, size_t len, zwh_date_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_DATE_REPORT))
        return ZWH_EBADMSG;
    out->year = zwh__rd_u16(&r);
    out->month = zwh__rd_u8(&r);
    out->day = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

static bool mdh_ok(uint8_t month, uint8_t day, uint8_t hour)
{
    if (month == 0 && day == 0 && hour == 0)
        return true; /* a zone without daylight saving time: the DST fields are zero */
    return month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour <= 23;
}

static int offset_encode(uint8_t cmd, const zwh_time_offset_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->tzo_sign > 1 || in->tzo_hours > 14 || in->tzo_minutes > 59 || in->dst_sign > 1 ||
        in->dst_minutes > 127 || !mdh_ok(in->dst_start_month, in->dst_start_day, in->dst_start_hour) ||
        !mdh_ok(in->dst_end_month, in->dst_end_day, in->dst_end_hour))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, (uint8_t)(in->tzo_sign << 7 | in->tzo_hours));
    zwh__wr_u8(&w, in->tzo_minutes);
    zwh__wr_u8(&w, (uint8_t)(in->dst_sign << 7 | in->dst_minutes));
    zwh__wr_u8(&w, in->dst_start_month);
    zwh__wr_u8(&w, in->dst_start_day);
    zwh__wr_u8(&w, in->dst_start_hour);
    zwh__wr_u8(&w, in->dst_end_month);
    zwh__wr_u8(&w, in->dst_end_day);
    zwh__wr_u8(&w, in->dst_end_hour);
    return zwh__cc_end(&w);
}

static int offset_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_time_offset_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    uint8_t p = zwh__rd_u8(&r);
    out->tzo_sign = p >> 7;
    out->tzo_hours = p & 0x7F;
    out->tzo_minutes = zwh__rd_u8(&r);
    p = zwh__rd_u8(&r);
    out->dst_sign = p >> 7;
    out->dst_minutes = p & 0x7F;
    out->dst_start_month = zwh__rd_u8(&r);
    out->dst_start_day = zwh__rd_u8(&r);
    out->dst_start_hour = zwh__rd_u8(&r);
    out->dst_end_month = zwh__rd_u8(&r);
    out->dst_end_day = zwh__rd_u8(&r);
    out->dst_end_hour = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(time_offset_set, zwh_time_offset_t, ZWH_TIME_OFFSET_SET, offset_encode, offset_decode)
ZWH_EXTERN int zwh_time_offset_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_TIME_OFFSET_GET, out, cap);
}
ZWH__CC_SHARED_CODEC(time_offset_report, zwh_time_offset_t, ZWH_TIME_OFFSET_REPORT, offset_encode, offset_decode)

static int fmt_time(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_time_report_t t;
    if (zwh_time_report_decode(frame, len, &t) != 0)
        return -1;
    zwh__fmt_printf(f, " time=%02u:%02u:%02u", t.hour, t.minute, t.second);
    if (t.rtc_failure)
        zwh__fmt_printf(f, " rtc_failure=yes");
    return 0;
}

static int fmt_date(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_date_report_t d;
    if (zwh_date_report_decode(frame, len, &d) != 0)
        return -1;
    zwh__fmt_printf(f, " date=%04u-%02u-%02u", d.year, d.month, d.day);
    return 0;
}

static int fmt_offset(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_time_offset_t o;
    if (offset_decode(frame[1], frame, len, &o) != 0)
        return -1;
    zwh__fmt_printf(f, " tz=%c%02u:%02u dst=%c%umin start=%02u-%02u %02uh end=%02u-%02u %02uh",
                    o.tzo_sign ? '-' : '+', o.tzo_hours, o.tzo_minutes, o.dst_sign ? '-' : '+', o.dst_minutes,
                    o.dst_start_month, o.dst_start_day, o.dst_start_hour, o.dst_end_month, o.dst_end_day,
                    o.dst_end_hour);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_TIME_GET, "TimeGet", NULL},
    {ZWH_TIME_REPORT, "TimeReport", fmt_time},
    {ZWH_DATE_GET, "DateGet", NULL},
    {ZWH_DATE_REPORT, "DateReport", fmt_date},
    {ZWH_TIME_OFFSET_SET, "OffsetSet", fmt_offset},
    {ZWH_TIME_OFFSET_GET, "OffsetGet", NULL},
    {ZWH_TIME_OFFSET_REPORT, "OffsetReport", fmt_offset},
};

const zwh__cc_desc_t zwh__cc_time = {
    .id = CC, .name = "Time", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
