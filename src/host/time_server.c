/* The hub as a Time CC server (seed 004: a lock keeps its clock from the hub):
 * Time Get, Date Get and Time Offset Get (Time CC v2), Clock Get, and Time
 * Parameters Get (UTC). Answers are built from the wall-clock time given and
 * the process's local time zone (TZ), so tests pin them with a fixed time and
 * TZ. Time Offset Report: the standard offset from UTC, and when the zone has
 * daylight saving time its offset and the local start/end of DST this year,
 * found by scanning the year hour by hour. */
#include <string.h>
#include <time.h>
#include "host/host_internal.h"
#include "zwhost/cc/clock.h"
#include "zwhost/cc/time.h"
#include "zwhost/cc/time_parameters.h"

static int local(int64_t t, struct tm *out)
{
    time_t tt = (time_t)t;
    return localtime_r(&tt, out) ? 0 : -1;
}

/* The first hour in [from, until) whose isdst equals `to`; its time in *at. */
static int find_transition(int64_t from, int64_t until, int to, int64_t *at)
{
    for (int64_t t = from; t < until; t += 3600) {
        struct tm tm;
        if (local(t, &tm) != 0)
            return -1;
        if (tm.tm_isdst == to) {
            *at = t;
            return 0;
        }
    }
    return -1;
}

static void set_offset(uint8_t *sign, uint8_t *hours, uint8_t *minutes, long seconds)
{
    long a = seconds < 0 ? -seconds : seconds;
    *sign = seconds < 0;
    if (hours) {
        *hours = (uint8_t)(a / 3600);
        *minutes = (uint8_t)((a % 3600) / 60);
    } else {
        *minutes = (uint8_t)(a / 60 > 127 ? 127 : a / 60);
    }
}

static void time_offset(int64_t now, zwh_time_offset_t *o)
{
    memset(o, 0, sizeof *o);
    struct tm tm;
    if (local(now, &tm) != 0)
        return;
    struct tm jan = tm;
    jan.tm_mon = 0;
    jan.tm_mday = 1;
    jan.tm_hour = 0;
    jan.tm_min = 0;
    jan.tm_sec = 0;
    jan.tm_isdst = -1;
    int64_t year_start = (int64_t)mktime(&jan);
    int64_t year_end = year_start + 366LL * 24 * 3600;
    int64_t start, end;
    struct tm s, e;
    /* DST begins at the first hour in DST after an hour outside it (southern
     * zones start the year in DST, so look for the end of that period first) */
    int64_t from = year_start;
    if (local(year_start, &s) == 0 && s.tm_isdst > 0 && find_transition(year_start, year_end, 0, &from) != 0)
        from = year_start;
    if (find_transition(from, year_end, 1, &start) != 0 || local(start, &s) != 0) {
        set_offset(&o->tzo_sign, &o->tzo_hours, &o->tzo_minutes, tm.tm_gmtoff); /* no DST */
        return;
    }
    if (find_transition(start, start + 366LL * 24 * 3600, 0, &end) != 0 || local(end, &e) != 0)
        return;
    set_offset(&o->tzo_sign, &o->tzo_hours, &o->tzo_minutes, e.tm_gmtoff);
    set_offset(&o->dst_sign, NULL, &o->dst_minutes, s.tm_gmtoff - e.tm_gmtoff);
    /* each change is given in the local time in force before it ("DST starts at
     * 02:00, ends at 03:00"): the hour before the change, plus one */
    struct tm sb, eb;
    if (local(start - 3600, &sb) == 0 && local(end - 3600, &eb) == 0) {
        s = sb;
        s.tm_hour = (sb.tm_hour + 1) % 24;
        e = eb;
        e.tm_hour = (eb.tm_hour + 1) % 24;
    }
    o->dst_start_month = (uint8_t)(s.tm_mon + 1);
    o->dst_start_day = (uint8_t)s.tm_mday;
    o->dst_start_hour = (uint8_t)s.tm_hour;
    o->dst_end_month = (uint8_t)(e.tm_mon + 1);
    o->dst_end_day = (uint8_t)e.tm_mday;
    o->dst_end_hour = (uint8_t)e.tm_hour;
}

int zwh__time_server_answer(const uint8_t *cmd, size_t len, int64_t unix_time, uint8_t *out, size_t cap)
{
    if (len < 2)
        return 0;
    struct tm tm;
    if (cmd[0] == ZWH_CC_TIME && cmd[1] == ZWH_TIME_GET) {
        if (local(unix_time, &tm) != 0)
            return 0;
        zwh_time_report_t r = {.rtc_failure = 0, .hour = (uint8_t)tm.tm_hour, .minute = (uint8_t)tm.tm_min,
                               .second = (uint8_t)(tm.tm_sec > 59 ? 59 : tm.tm_sec)};
        return zwh_time_report_encode(&r, out, cap);
    }
    if (cmd[0] == ZWH_CC_TIME && cmd[1] == ZWH_DATE_GET) {
        if (local(unix_time, &tm) != 0)
            return 0;
        zwh_date_report_t r = {.year = (uint16_t)(tm.tm_year + 1900), .month = (uint8_t)(tm.tm_mon + 1),
                               .day = (uint8_t)tm.tm_mday};
        return zwh_date_report_encode(&r, out, cap);
    }
    if (cmd[0] == ZWH_CC_TIME && cmd[1] == ZWH_TIME_OFFSET_GET) {
        zwh_time_offset_t o;
        time_offset(unix_time, &o);
        return zwh_time_offset_report_encode(&o, out, cap);
    }
    if (cmd[0] == ZWH_CC_CLOCK && cmd[1] == ZWH_CLOCK_GET) {
        if (local(unix_time, &tm) != 0)
            return 0;
        zwh_clock_t c = {.weekday = (uint8_t)(tm.tm_wday == 0 ? 7 : tm.tm_wday), .hour = (uint8_t)tm.tm_hour,
                         .minute = (uint8_t)tm.tm_min};
        return zwh_clock_report_encode(&c, out, cap);
    }
    if (cmd[0] == ZWH_CC_TIME_PARAMETERS && cmd[1] == ZWH_TIME_PARAMETERS_GET) {
        time_t tt = (time_t)unix_time;
        if (!gmtime_r(&tt, &tm))
            return 0;
        zwh_time_parameters_t p = {.year = (uint16_t)(tm.tm_year + 1900), .month = (uint8_t)(tm.tm_mon + 1),
                                   .day = (uint8_t)tm.tm_mday, .hour = (uint8_t)tm.tm_hour,
                                   .minute = (uint8_t)tm.tm_min, .second = (uint8_t)(tm.tm_sec > 59 ? 59 : tm.tm_sec)};
        return zwh_time_parameters_report_encode(&p, out, cap);
    }
    return 0;
}
