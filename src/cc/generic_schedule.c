/* Generic Schedule command class, version 1. */
#include "zwhost/cc/generic_schedule.h"

#include <stddef.h>
#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_GENERIC_SCHEDULE
#define ID_MAX 0x7FFF

typedef zwh_generic_schedule_time_range_t range_t;

/* The scheduling parameters of a time range in wire order. Each travels with
 * its "in use" flag in the top bit (of the first byte for the 15-bit years). */
typedef struct field {
    uint16_t bit;
    size_t offset;
    uint8_t wide; /* 15-bit value in two bytes */
    uint16_t min, max;
    uint16_t mask; /* the value's bits on the wire */
    const char *name;
} field_t;

#define F(bit, member, wide, min, max, mask, name) {bit, offsetof(range_t, member), wide, min, max, mask, name}
static const field_t fields[] = {
    F(ZWH_GS_WEEKDAYS, weekdays, 0, 0, 0x7F, 0x7F, "weekdays"),
    F(ZWH_GS_START_YEAR, start_year, 1, 0, 0x7FFF, 0x7FFF, "start_year"),
    F(ZWH_GS_STOP_YEAR, stop_year, 1, 0, 0x7FFF, 0x7FFF, "stop_year"),
    F(ZWH_GS_START_MONTH, start_month, 0, 1, 12, 0x0F, "start_month"),
    F(ZWH_GS_STOP_MONTH, stop_month, 0, 1, 12, 0x0F, "stop_month"),
    F(ZWH_GS_START_DAY, start_day, 0, 1, 31, 0x1F, "start_day"),
    F(ZWH_GS_STOP_DAY, stop_day, 0, 1, 31, 0x1F, "stop_day"),
    F(ZWH_GS_START_HOUR, start_hour, 0, 0, 23, 0x1F, "start_hour"),
    F(ZWH_GS_STOP_HOUR, stop_hour, 0, 0, 23, 0x1F, "stop_hour"),
    F(ZWH_GS_START_MINUTE, start_minute, 0, 0, 59, 0x3F, "start_minute"),
    F(ZWH_GS_STOP_MINUTE, stop_minute, 0, 0, 59, 0x3F, "stop_minute"),
    F(ZWH_GS_DAILY_START_HOUR, daily_start_hour, 0, 0, 23, 0x1F, "daily_start_hour"),
    F(ZWH_GS_DAILY_STOP_HOUR, daily_stop_hour, 0, 0, 23, 0x1F, "daily_stop_hour"),
    F(ZWH_GS_DAILY_START_MINUTE, daily_start_minute, 0, 0, 59, 0x3F, "daily_start_minute"),
    F(ZWH_GS_DAILY_STOP_MINUTE, daily_stop_minute, 0, 0, 59, 0x3F, "daily_stop_minute"),
};
#undef F

static uint16_t field_get(const range_t *t, const field_t *fd)
{
    const unsigned char *p = (const unsigned char *)t + fd->offset;
    if (fd->wide) {
        uint16_t v;
        memcpy(&v, p, sizeof v);
        return v;
    }
    return *p;
}

static void field_set(range_t *t, const field_t *fd, uint16_t v)
{
    unsigned char *p = (unsigned char *)t + fd->offset;
    if (fd->wide)
        memcpy(p, &v, sizeof v);
    else
        *p = (uint8_t)v;
}

ZWH_EXTERN int zwh_generic_schedule_capabilities_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_GENERIC_SCHEDULE_CAPABILITIES_GET, out, cap);
}

ZWH_EXTERN int zwh_generic_schedule_capabilities_report_encode(const zwh_generic_schedule_capabilities_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->time_ranges > ID_MAX || in->weekdays > 1 || in->date > 1 || in->hour_minute > 1)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_GENERIC_SCHEDULE_CAPABILITIES_REPORT);
    zwh__wr_u16(&w, in->schedules);
    zwh__wr_u16(&w, in->time_ranges);
    zwh__wr_u8(&w, in->ranges_per_schedule);
    zwh__wr_u8(&w, (uint8_t)(in->weekdays << 2 | in->date << 1 | in->hour_minute));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_generic_schedule_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_capabilities_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_GENERIC_SCHEDULE_CAPABILITIES_REPORT))
        return ZWH_EBADMSG;
    out->schedules = zwh__rd_u16(&r);
    out->time_ranges = zwh__rd_u16(&r) & ID_MAX;
    out->ranges_per_schedule = zwh__rd_u8(&r);
    uint8_t p = zwh__rd_u8(&r);
    out->weekdays = (p >> 2) & 1;
    out->date = (p >> 1) & 1;
    out->hour_minute = p & 1;
    return zwh__cc_close(&r);
}

static int range_encode(uint8_t cmd, const range_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->id > ID_MAX || in->next_id > ID_MAX || in->in_use > 0x7FFF)
        return ZWH_EINVAL;
    for (size_t i = 0; i < ZWH__COUNT(fields); i++) {
        uint16_t v = field_get(in, &fields[i]);
        if ((in->in_use & fields[i].bit) && (v < fields[i].min || v > fields[i].max))
            return ZWH_EINVAL;
    }
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->id);
    for (size_t i = 0; i < ZWH__COUNT(fields); i++) {
        bool use = (in->in_use & fields[i].bit) != 0;
        uint16_t v = use ? field_get(in, &fields[i]) : 0;
        if (fields[i].wide)
            zwh__wr_u16(&w, (uint16_t)(use ? 0x8000 | v : 0));
        else
            zwh__wr_u8(&w, (uint8_t)(use ? 0x80 | v : 0));
    }
    if (cmd == ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT)
        zwh__wr_u16(&w, in->next_id);
    return zwh__cc_end(&w);
}

static int range_decode(uint8_t cmd, const uint8_t *frame, size_t len, range_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->id = zwh__rd_u16(&r) & ID_MAX;
    for (size_t i = 0; i < ZWH__COUNT(fields); i++) {
        const field_t *fd = &fields[i];
        uint16_t raw = fd->wide ? zwh__rd_u16(&r) : zwh__rd_u8(&r);
        uint16_t flag = fd->wide ? 0x8000 : 0x80;
        if (raw & flag) {
            out->in_use |= fd->bit;
            field_set(out, fd, (uint16_t)(raw & fd->mask));
        }
    }
    if (cmd == ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT)
        out->next_id = zwh__rd_u16(&r) & ID_MAX;
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(generic_schedule_time_range_set, range_t, ZWH_GENERIC_SCHEDULE_TIME_RANGE_SET, range_encode, range_decode)
ZWH__CC_SHARED_CODEC(generic_schedule_time_range_report, range_t, ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT, range_encode, range_decode)

static int id_encode(uint8_t cmd, uint16_t max, const zwh_generic_schedule_id_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->id > max)
        return ZWH_EINVAL;
    return zwh__cc_encode_u16(CC, cmd, in->id, out, cap);
}
static int id_decode(uint8_t cmd, uint16_t max, const uint8_t *frame, size_t len, zwh_generic_schedule_id_t *out)
{
    int rc = zwh__cc_decode_u16(CC, cmd, frame, len, out ? &out->id : NULL);
    if (rc == 0)
        out->id &= max;
    return rc;
}
ZWH_EXTERN int zwh_generic_schedule_time_range_get_encode(const zwh_generic_schedule_id_t *in, uint8_t *out, size_t cap)
{
    return id_encode(ZWH_GENERIC_SCHEDULE_TIME_RANGE_GET, ID_MAX, in, out, cap);
}
ZWH_EXTERN int zwh_generic_schedule_time_range_get_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_id_t *out)
{
    return id_decode(ZWH_GENERIC_SCHEDULE_TIME_RANGE_GET, ID_MAX, frame, len, out);
}
ZWH_EXTERN int zwh_generic_schedule_get_encode(const zwh_generic_schedule_id_t *in, uint8_t *out, size_t cap)
{
    return id_encode(ZWH_GENERIC_SCHEDULE_GET, 0xFFFF, in, out, cap);
}
ZWH_EXTERN int zwh_generic_schedule_get_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_id_t *out)
{
    return id_decode(ZWH_GENERIC_SCHEDULE_GET, 0xFFFF, frame, len, out);
}

static int schedule_encode(uint8_t cmd, const zwh_generic_schedule_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count > ZWH_GENERIC_SCHEDULE_MAX_RANGES || (cmd == ZWH_GENERIC_SCHEDULE_SET && in->id == 0 && in->count))
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (in->ranges[i].include > 1 || in->ranges[i].time_range_id > ID_MAX)
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->id);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++)
        zwh__wr_u16(&w, (uint16_t)(in->ranges[i].include << 15 | in->ranges[i].time_range_id));
    if (cmd == ZWH_GENERIC_SCHEDULE_REPORT)
        zwh__wr_u16(&w, in->next_id);
    return zwh__cc_end(&w);
}

static int schedule_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_generic_schedule_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->id = zwh__rd_u16(&r);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_GENERIC_SCHEDULE_MAX_RANGES)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++) {
        uint16_t v = zwh__rd_u16(&r);
        out->ranges[i].include = (uint8_t)(v >> 15);
        out->ranges[i].time_range_id = v & ID_MAX;
    }
    if (cmd == ZWH_GENERIC_SCHEDULE_REPORT)
        out->next_id = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(generic_schedule_set, zwh_generic_schedule_t, ZWH_GENERIC_SCHEDULE_SET, schedule_encode, schedule_decode)
ZWH__CC_SHARED_CODEC(generic_schedule_report, zwh_generic_schedule_t, ZWH_GENERIC_SCHEDULE_REPORT, schedule_encode, schedule_decode)

/* ---- formatter ---- */

static int fmt_caps(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_generic_schedule_capabilities_report_t c;
    if (zwh_generic_schedule_capabilities_report_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " schedules=%u time_ranges=%u per_schedule=%u weekdays=%u date=%u hour_minute=%u",
                    c.schedules, c.time_ranges, c.ranges_per_schedule, c.weekdays, c.date, c.hour_minute);
    return 0;
}

static int fmt_range(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    range_t t;
    if (range_decode(frame[1], frame, len, &t) != 0)
        return -1;
    zwh__fmt_printf(f, " id=%u", t.id);
    if (!t.in_use)
        zwh__fmt_printf(f, " (empty)");
    for (size_t i = 0; i < ZWH__COUNT(fields); i++) {
        if (!(t.in_use & fields[i].bit))
            continue;
        if (fields[i].bit == ZWH_GS_WEEKDAYS) {
            static const char days[] = "SMTWTFS";
            zwh__fmt_printf(f, " weekdays=");
            for (unsigned d = 0; d < 7; d++)
                zwh__fmt_printf(f, "%c", (t.weekdays & (1u << d)) ? days[d] : '-');
        } else {
            zwh__fmt_printf(f, " %s=%u", fields[i].name, field_get(&t, &fields[i]));
        }
    }
    if (frame[1] == ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT)
        zwh__fmt_printf(f, " next=%u", t.next_id);
    return 0;
}

static int fmt_id(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_generic_schedule_id_t g;
    if (id_decode(frame[1], 0xFFFF, frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " id=%u", g.id);
    return 0;
}

static int fmt_schedule(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_generic_schedule_t s;
    if (schedule_decode(frame[1], frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " id=%u ranges=[", s.id);
    for (size_t i = 0; i < s.count; i++)
        zwh__fmt_printf(f, "%s%c%u", i ? "," : "", s.ranges[i].include ? '+' : '-', s.ranges[i].time_range_id);
    zwh__fmt_printf(f, "]");
    if (frame[1] == ZWH_GENERIC_SCHEDULE_REPORT)
        zwh__fmt_printf(f, " next=%u", s.next_id);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_GENERIC_SCHEDULE_CAPABILITIES_GET, "CapabilitiesGet", NULL},
    {ZWH_GENERIC_SCHEDULE_CAPABILITIES_REPORT, "CapabilitiesReport", fmt_caps},
    {ZWH_GENERIC_SCHEDULE_TIME_RANGE_SET, "TimeRangeSet", fmt_range},
    {ZWH_GENERIC_SCHEDULE_TIME_RANGE_GET, "TimeRangeGet", fmt_id},
    {ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT, "TimeRangeReport", fmt_range},
    {ZWH_GENERIC_SCHEDULE_SET, "ScheduleSet", fmt_schedule},
    {ZWH_GENERIC_SCHEDULE_GET, "ScheduleGet", fmt_id},
    {ZWH_GENERIC_SCHEDULE_REPORT, "ScheduleReport", fmt_schedule},
};

const zwh__cc_desc_t zwh__cc_generic_schedule = {
    .id = CC, .name = "GenericSchedule", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
