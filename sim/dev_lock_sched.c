/* The lock's Generic Schedule (time ranges, schedules made of included and
 * excluded time ranges) and Authentication (technology combinations linking a
 * User Code user id to a schedule id) storage, with the check a keypad code
 * goes through (seed 004, "Generic Schedule to Enable a User Code").
 *
 * A user with no combination is not restricted. A combination with fallback
 * status "enabled" opens the lock only while its schedule is active (schedule
 * id 0: always); "disabled" never. Without a time source (dev_lock_time.c) a
 * scheduled code is refused: the seed disables schedule features then. */
#include <string.h>
#include "util/crc16.h"
#include "zwhost/error.h"
#include "dev_lock.h"

#define DAILY_BITS (ZWH_GS_DAILY_START_HOUR | ZWH_GS_DAILY_STOP_HOUR | ZWH_GS_DAILY_START_MINUTE | ZWH_GS_DAILY_STOP_MINUTE)
#define WINDOW_BITS (ZWH_GS_START_YEAR | ZWH_GS_STOP_YEAR | ZWH_GS_START_MONTH | ZWH_GS_STOP_MONTH | \
                     ZWH_GS_START_DAY | ZWH_GS_STOP_DAY | ZWH_GS_START_HOUR | ZWH_GS_STOP_HOUR |         \
                     ZWH_GS_START_MINUTE | ZWH_GS_STOP_MINUTE)

/* ---- schedule evaluation ---- */

typedef struct {
    int64_t year;
    unsigned month, day, hour, minute, weekday; /* weekday bit: 0 Sunday .. 6 Saturday */
} when_t;

static void when_of(int64_t local_s, when_t *w)
{
    int64_t days = local_s / 86400, sod = local_s % 86400;
    int y;
    lock_civil_from_days(days, &y, &w->month, &w->day);
    w->year = y;
    w->hour = (unsigned)(sod / 3600);
    w->minute = (unsigned)(sod / 60 % 60);
    w->weekday = (unsigned)((days + 4) % 7); /* 1970-01-01 was a Thursday */
}

static int64_t stamp(int64_t y, unsigned mo, unsigned d, unsigned h, unsigned mi)
{
    return (((y * 100 + mo) * 100 + d) * 100 + h) * 100 + mi;
}

/* A field not in use takes the value of "now" (a wildcard). */
static unsigned pick(uint16_t in_use, uint16_t bit, unsigned v, unsigned now)
{
    return (in_use & bit) ? v : now;
}

static int range_matches(const zwh_generic_schedule_time_range_t *r, const when_t *w)
{
    uint16_t u = r->in_use;
    if ((u & ZWH_GS_WEEKDAYS) && !((r->weekdays >> w->weekday) & 1))
        return 0;
    if (u & WINDOW_BITS) {
        int64_t now = stamp(w->year, w->month, w->day, w->hour, w->minute);
        int64_t from = stamp((u & ZWH_GS_START_YEAR) ? r->start_year : w->year,
                             pick(u, ZWH_GS_START_MONTH, r->start_month, w->month),
                             pick(u, ZWH_GS_START_DAY, r->start_day, w->day),
                             pick(u, ZWH_GS_START_HOUR, r->start_hour, w->hour),
                             pick(u, ZWH_GS_START_MINUTE, r->start_minute, w->minute));
        int64_t to = stamp((u & ZWH_GS_STOP_YEAR) ? r->stop_year : w->year,
                           pick(u, ZWH_GS_STOP_MONTH, r->stop_month, w->month),
                           pick(u, ZWH_GS_STOP_DAY, r->stop_day, w->day),
                           pick(u, ZWH_GS_STOP_HOUR, r->stop_hour, w->hour),
                           pick(u, ZWH_GS_STOP_MINUTE, r->stop_minute, w->minute));
        if (now < from || now > to)
            return 0;
    }
    if (u & DAILY_BITS) {
        unsigned now = w->hour * 60 + w->minute;
        unsigned from = pick(u, ZWH_GS_DAILY_START_HOUR, r->daily_start_hour, 0) * 60 +
                        pick(u, ZWH_GS_DAILY_START_MINUTE, r->daily_start_minute, 0);
        unsigned to = (u & ZWH_GS_DAILY_STOP_HOUR) ? r->daily_stop_hour * 60u + pick(u, ZWH_GS_DAILY_STOP_MINUTE,
                                                                                      r->daily_stop_minute, 0)
                                                   : 24u * 60u;
        if (now < from || now >= to)
            return 0;
    }
    return 1;
}

static int schedule_active(const lock_model_t *m, uint16_t id, const when_t *w)
{
    if (id == 0)
        return 1;
    if (id > LOCK_SCHEDULES || !m->sched_used[id])
        return 0;
    const zwh_generic_schedule_t *s = &m->scheds[id];
    int has_include = 0, included = 0;
    for (size_t i = 0; i < s->count; i++) {
        uint16_t rid = s->ranges[i].time_range_id;
        int hit = rid && rid <= LOCK_TIME_RANGES && m->range_used[rid] && range_matches(&m->ranges[rid], w);
        if (s->ranges[i].include) {
            has_include = 1;
            included |= hit;
        } else if (hit) {
            return 0; /* excluded */
        }
    }
    return has_include ? included : 1;
}

int lock_sched_allows(const lock_model_t *m, uint16_t user_id)
{
    int64_t now;
    int have_time = lock_time_now(m, &now);
    when_t w = {0};
    if (have_time)
        when_of(now, &w);
    for (uint16_t a = 1; a <= LOCK_AUTH_IDS; a++) {
        const zwh_authentication_combination_t *c = &m->auths[a];
        if (!m->auth_used[a] || c->user_id != user_id)
            continue;
        if (c->fallback_status == ZWH_AUTHENTICATION_DISABLED)
            return 0;
        if (c->fallback_status == ZWH_AUTHENTICATION_ENABLED && c->schedule_id &&
            (!have_time || !schedule_active(m, c->schedule_id, &w)))
            return 0;
    }
    return 1;
}

/* ---- Generic Schedule ---- */

static uint16_t next_used(const uint8_t *used, uint16_t max, uint16_t after)
{
    for (uint32_t id = (uint32_t)after + 1; id <= max; id++)
        if (used[id])
            return (uint16_t)id;
    return 0;
}

static int generic_schedule(lock_model_t *m, const uint8_t *cmd, size_t len, uint8_t *out, size_t cap)
{
    switch (cmd[1]) {
    case ZWH_GENERIC_SCHEDULE_CAPABILITIES_GET: {
        const zwh_generic_schedule_capabilities_report_t r = {
            .schedules = LOCK_SCHEDULES, .time_ranges = LOCK_TIME_RANGES,
            .ranges_per_schedule = LOCK_RANGES_PER_SCHEDULE, .weekdays = 1, .date = 1, .hour_minute = 1};
        return zwh_generic_schedule_capabilities_report_encode(&r, out, cap);
    }
    case ZWH_GENERIC_SCHEDULE_TIME_RANGE_SET: {
        zwh_generic_schedule_time_range_t t;
        if (zwh_generic_schedule_time_range_set_decode(cmd, len, &t) < 0 || t.id > LOCK_TIME_RANGES)
            return ZWH_EINVAL;
        if (t.id == 0) {
            memset(m->range_used, 0, sizeof m->range_used);
            return 0;
        }
        t.next_id = 0;
        m->ranges[t.id] = t;
        m->range_used[t.id] = t.in_use != 0; /* nothing in use: erased */
        return 0;
    }
    case ZWH_GENERIC_SCHEDULE_TIME_RANGE_GET: {
        zwh_generic_schedule_id_t g;
        if (zwh_generic_schedule_time_range_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        uint16_t id = g.id ? g.id : next_used(m->range_used, LOCK_TIME_RANGES, 0);
        zwh_generic_schedule_time_range_t r = {.id = id};
        if (id && id <= LOCK_TIME_RANGES && m->range_used[id])
            r = m->ranges[id];
        r.next_id = id <= LOCK_TIME_RANGES ? next_used(m->range_used, LOCK_TIME_RANGES, id) : 0;
        return zwh_generic_schedule_time_range_report_encode(&r, out, cap);
    }
    case ZWH_GENERIC_SCHEDULE_SET: {
        zwh_generic_schedule_t s;
        if (zwh_generic_schedule_set_decode(cmd, len, &s) < 0 || s.id > LOCK_SCHEDULES ||
            s.count > LOCK_RANGES_PER_SCHEDULE)
            return ZWH_EINVAL;
        for (size_t i = 0; i < s.count; i++)
            if (s.ranges[i].time_range_id == 0 || s.ranges[i].time_range_id > LOCK_TIME_RANGES)
                return ZWH_EINVAL;
        if (s.id == 0) {
            if (s.count)
                return ZWH_EINVAL;
            memset(m->sched_used, 0, sizeof m->sched_used);
            return 0;
        }
        s.next_id = 0;
        m->scheds[s.id] = s;
        m->sched_used[s.id] = s.count != 0; /* no time ranges: erased */
        return 0;
    }
    case ZWH_GENERIC_SCHEDULE_GET: {
        zwh_generic_schedule_id_t g;
        if (zwh_generic_schedule_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        uint16_t id = g.id ? g.id : next_used(m->sched_used, LOCK_SCHEDULES, 0);
        zwh_generic_schedule_t r = {.id = id};
        if (id && id <= LOCK_SCHEDULES && m->sched_used[id])
            r = m->scheds[id];
        r.next_id = id <= LOCK_SCHEDULES ? next_used(m->sched_used, LOCK_SCHEDULES, id) : 0;
        return zwh_generic_schedule_report_encode(&r, out, cap);
    }
    default:
        return ZWH_ENOTSUP;
    }
}

/* ---- Authentication ---- */

static uint16_t combinations_checksum(const lock_model_t *m)
{
    uint16_t crc = ZWH__CRC16_INIT;
    int any = 0;
    for (uint16_t a = 1; a <= LOCK_AUTH_IDS; a++) {
        if (!m->auth_used[a])
            continue;
        const zwh_authentication_combination_t *c = &m->auths[a];
        const uint8_t b[7] = {(uint8_t)(a >> 8), (uint8_t)a, c->fallback_status, (uint8_t)(c->user_id >> 8),
                              (uint8_t)c->user_id, (uint8_t)(c->schedule_id >> 8), (uint8_t)c->schedule_id};
        crc = zwh__crc16_update(crc, b, sizeof b);
        any = 1;
    }
    return any ? crc : 0;
}

static int authentication(lock_model_t *m, const uint8_t *cmd, size_t len, uint8_t *out, size_t cap)
{
    switch (cmd[1]) {
    case ZWH_AUTHENTICATION_CAPABILITY_GET: {
        /* user codes only (no RFID/NFC data ids); fallback statuses 0..2 */
        const zwh_authentication_capability_report_t r = {
            .data_ids = 0, .auth_ids = LOCK_AUTH_IDS, .mar = 1,
            .checksum_mask = 1u << ZWH_AUTHENTICATION_CHECKSUM_COMBINATIONS,
            .fallback_mask_len = 1, .fallback_mask = {0x07}};
        return zwh_authentication_capability_report_encode(&r, out, cap);
    }
    case ZWH_AUTHENTICATION_DATA_SET:
        return ZWH_EINVAL; /* no authentication data ids */
    case ZWH_AUTHENTICATION_DATA_GET: {
        zwh_authentication_get_t g;
        if (zwh_authentication_data_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_authentication_data_report_t r = {.count = 1};
        r.blocks[0].data_id = g.id;
        return zwh_authentication_data_report_encode(&r, out, cap);
    }
    case ZWH_AUTHENTICATION_COMBINATION_SET: {
        zwh_authentication_combination_t c;
        if (zwh_authentication_combination_set_decode(cmd, len, &c) < 0 || c.auth_id > LOCK_AUTH_IDS ||
            c.user_id > LOCK_USERS || c.schedule_id > LOCK_SCHEDULES || c.ndata != 0 ||
            c.fallback_status > ZWH_AUTHENTICATION_DISABLED)
            return ZWH_EINVAL;
        if (c.auth_id == 0) {
            if (c.fallback_status != ZWH_AUTHENTICATION_AVAILABLE)
                return ZWH_EINVAL;
            memset(m->auth_used, 0, sizeof m->auth_used);
            return 0;
        }
        m->auths[c.auth_id] = c;
        m->auth_used[c.auth_id] = c.fallback_status != ZWH_AUTHENTICATION_AVAILABLE;
        return 0;
    }
    case ZWH_AUTHENTICATION_COMBINATION_GET: {
        zwh_authentication_get_t g;
        if (zwh_authentication_combination_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_authentication_combination_report_t r = {.count = 1};
        r.blocks[0].auth_id = g.id;
        if (g.id && g.id <= LOCK_AUTH_IDS && m->auth_used[g.id])
            r.blocks[0] = m->auths[g.id];
        r.next_auth_id = g.id <= LOCK_AUTH_IDS ? next_used(m->auth_used, LOCK_AUTH_IDS, g.id) : 0;
        return zwh_authentication_combination_report_encode(&r, out, cap);
    }
    case ZWH_AUTHENTICATION_CHECKSUM_GET: {
        zwh_authentication_checksum_t c;
        if (zwh_authentication_checksum_get_decode(cmd, len, &c) < 0)
            return ZWH_EINVAL;
        c.checksum = c.checksum_type == ZWH_AUTHENTICATION_CHECKSUM_COMBINATIONS ? combinations_checksum(m) : 0;
        return zwh_authentication_checksum_report_encode(&c, out, cap);
    }
    default:
        return ZWH_ENOTSUP;
    }
}

int lock_sched_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc)
{
    uint8_t out[64];
    int n;
    if (cmd[0] == ZWH_CC_GENERIC_SCHEDULE)
        n = generic_schedule(m, cmd, len, out, sizeof out);
    else if (cmd[0] == ZWH_CC_AUTHENTICATION)
        n = authentication(m, cmd, len, out, sizeof out);
    else
        return 0;
    if (n > 0)
        sim_node_send(m->node, out, (size_t)n);
    *rc = n < 0 ? n : SIM_CMD_OK;
    return 1;
}
