/* The lock's clock and the seed's "Recommended Time Setting Algorithm"
 * (seed 004, "Time vs. Clock vs. Time Parameters Command Classes Explained"):
 *   after inclusion: Time CC Date Get, wait ~30 s; on the Date Report a Time
 *   Get, wait ~30 s; on the Time Report the clock is set (then a Time Offset
 *   Get for the time zone / DST, v2). A Date Get without answer is retried 2
 *   more times after a random delay of a few minutes; then a Clock Get (~30 s);
 *   then a Time Parameters Get; if all fail there is no time source and the
 *   schedule features are off. While the Time CC steps run, a Time Parameters
 *   Set or a Clock Report sets the time too. Once set, the lock re-syncs once a
 *   day. The lock CONTROLS Time CC (it never answers Time/Date Gets) and
 *   supports Clock and Time Parameters Set/Get (a hub may set it that way).
 * Queries go to the Lifeline (seed: "using the Lifeline is acceptable"), or to
 * the including controller while the Lifeline is still empty. Not supervised
 * (seed: "Supervision is not used as the clock update is not important
 * enough"). Timers are device time (--time-scale shortens them). */
#include <string.h>
#include "zwhost/cc/clock.h"
#include "zwhost/cc/time.h"
#include "zwhost/cc/time_parameters.h"
#include "zwhost/error.h"
#include "dev_lock.h"

#define STEP_WAIT_MS 30000u            /* seed: "wait for ~30s" */
#define DATE_TRIES 3                   /* the first Date Get and 2 retries */
#define RETRY_MIN_MS 60000u            /* "random delay of a few minutes" */
#define RETRY_SPAN_MS 120000u
#define RESYNC_AT_S (3 * 3600 + 10 * 60) /* seed: "at around 3:10am each day" (after DST changes) */
#define START_DELAY_MS 2000u           /* after inclusion, before the first query */

enum { T_TIMEOUT = 0, T_SEND = 1, T_RESYNC = 2 };

/* ---- civil dates (proleptic Gregorian, days since 1970-01-01) ---- */

int64_t lock_days_from_civil(int y, unsigned mo, unsigned d)
{
    y -= mo <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (mo + (mo > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

void lock_civil_from_days(int64_t z, int *y, unsigned *mo, unsigned *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = doy - (153 * mp + 2) / 5 + 1;
    *mo = mp < 10 ? mp + 3 : mp - 9;
    *y = (int)((int64_t)yoe + era * 400 + (*mo <= 2));
}

/* ---- the clock ---- */

int lock_time_now(const lock_model_t *m, int64_t *local_s)
{
    if (!m->have_time)
        return 0;
    double elapsed = (double)(lock_now_ms(m) - m->base_at_ms) * m->node->net->time_scale / 1000.0;
    *local_s = m->base_s + (int64_t)elapsed;
    return 1;
}

static void clock_parts(const lock_model_t *m, int64_t *days, int64_t *sod)
{
    int64_t now = 0;
    lock_time_now(m, &now);
    *days = now / 86400;
    *sod = now % 86400;
}

static void clock_set(lock_model_t *m, int64_t days, int64_t sod)
{
    m->base_s = days * 86400 + sod;
    m->base_at_ms = lock_now_ms(m);
}

static void set_date(lock_model_t *m, uint16_t year, uint8_t month, uint8_t day)
{
    int64_t days, sod;
    clock_parts(m, &days, &sod);
    clock_set(m, lock_days_from_civil(year, month, day), sod);
    m->have_date = 1;
    m->have_time = 1; /* the clock runs from midnight until the Time Report */
}

static void set_time_of_day(lock_model_t *m, unsigned h, unsigned mi, unsigned s)
{
    int64_t days, sod;
    clock_parts(m, &days, &sod);
    clock_set(m, days, (int64_t)h * 3600 + mi * 60 + s);
    m->have_time = 1;
}

/* Clock CC: weekday 1 Monday .. 7 Sunday. Without a date the clock runs in
 * a reference week (1970-01-05 was a Monday) so weekday ranges still work. */
static void set_weekday_time(lock_model_t *m, unsigned weekday, unsigned h, unsigned mi)
{
    int64_t days, sod;
    clock_parts(m, &days, &sod);
    if (!m->have_date || weekday == 0) {
        if (weekday)
            days = 4 + weekday - 1;
    } else {
        int64_t cur = ((days + 3) % 7) + 1; /* 1970-01-01 was a Thursday (4) */
        days += (int64_t)weekday - cur;
    }
    clock_set(m, days, (int64_t)h * 3600 + mi * 60);
    m->have_time = 1;
}

/* ---- the algorithm ---- */

int lock_time_waiting(const lock_model_t *m)
{
    return m->time_step != LOCK_TIME_IDLE;
}

static void time_timer(void *ctx, const uint8_t *data, size_t len);

static void arm(lock_model_t *m, int kind, uint64_t ms)
{
    const uint8_t d[5] = {(uint8_t)kind, (uint8_t)(m->time_gen >> 24), (uint8_t)(m->time_gen >> 16),
                          (uint8_t)(m->time_gen >> 8), (uint8_t)m->time_gen};
    sim_node_after(m->node, ms, time_timer, d, sizeof d);
}

static void query(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    if (lock_lifeline_count(m))
        lock_report(m, cmd, len, 0);
    else
        sim_node_send(m->node, cmd, len); /* the including controller */
}

static void send_step(lock_model_t *m)
{
    uint8_t out[4];
    int n;
    switch (m->time_step) {
    case LOCK_TIME_DATE: n = zwh_date_get_encode(out, sizeof out); break;
    case LOCK_TIME_TIME: n = zwh_time_get_encode(out, sizeof out); break;
    case LOCK_TIME_CLOCK: n = zwh_clock_get_encode(out, sizeof out); break;
    case LOCK_TIME_TPARAM: n = zwh_time_parameters_get_encode(out, sizeof out); break;
    default: return;
    }
    m->time_gen++;
    if (n > 0)
        query(m, out, (size_t)n);
    arm(m, T_TIMEOUT, STEP_WAIT_MS);
    lock_update_awake(m);
}

static void step(lock_model_t *m, int next)
{
    m->time_step = (uint8_t)next;
    send_step(m);
}

static void done(lock_model_t *m, int source)
{
    m->time_step = LOCK_TIME_IDLE;
    m->time_source = (uint8_t)source;
    m->time_gen++;
    lock_update_awake(m);
    if (source == LOCK_SRC_NONE) {
        ZWH_LOGI(m->node->net->log, "lock %u: no time source, schedules disabled", m->node->id);
        m->have_time = m->have_date = 0;
        return;
    }
    ZWH_LOGI(m->node->net->log, "lock %u: clock set (source %d)", m->node->id, source);
    if (source == LOCK_SRC_TIME_CC) {
        uint8_t out[4];
        int n = zwh_time_offset_get_encode(out, sizeof out);
        if (n > 0)
            query(m, out, (size_t)n);
    }
    /* the next re-sync: 03:10 local time */
    int64_t days, sod;
    clock_parts(m, &days, &sod);
    int64_t wait_s = (RESYNC_AT_S - sod + 86400) % 86400;
    arm(m, T_RESYNC, (uint64_t)(wait_s ? wait_s : 86400) * 1000u);
}

void lock_time_sync_start(lock_model_t *m)
{
    m->time_tries = 1;
    m->time_step = LOCK_TIME_DATE;
    m->time_gen++;
    /* "wait for inclusion and security negotiation to complete" */
    arm(m, T_SEND, START_DELAY_MS);
    lock_update_awake(m);
}

static void time_timer(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    lock_model_t *m = n->model;
    if (len != 5)
        return;
    uint32_t gen = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 | data[4];
    if (data[0] == T_RESYNC) {
        if (gen == m->time_gen && m->time_step == LOCK_TIME_IDLE)
            lock_time_sync_start(m);
        return;
    }
    if (gen != m->time_gen)
        return; /* answered or restarted meanwhile */
    if (data[0] == T_SEND) {
        send_step(m);
        return;
    }
    switch (m->time_step) {
    case LOCK_TIME_DATE:
        if (m->time_tries < DATE_TRIES) {
            m->time_tries++;
            m->rng = m->rng * 1664525u + 1013904223u;
            m->time_gen++;
            arm(m, T_SEND, RETRY_MIN_MS + (m->rng >> 8) % RETRY_SPAN_MS);
        } else {
            step(m, LOCK_TIME_CLOCK);
        }
        break;
    case LOCK_TIME_TIME: step(m, LOCK_TIME_CLOCK); break;
    case LOCK_TIME_CLOCK: step(m, LOCK_TIME_TPARAM); break;
    case LOCK_TIME_TPARAM: done(m, LOCK_SRC_NONE); break;
    default: break;
    }
    lock_update_awake(m);
}

/* ---- commands ---- */

static int time_cc(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    switch (cmd[1]) {
    case ZWH_DATE_REPORT: {
        zwh_date_report_t r;
        if (zwh_date_report_decode(cmd, len, &r) < 0 || r.year < 1970 || r.month < 1 || r.month > 12 || r.day < 1 || r.day > 31)
            return ZWH_EINVAL;
        set_date(m, r.year, r.month, r.day);
        if (m->time_step == LOCK_TIME_DATE)
            step(m, LOCK_TIME_TIME);
        return SIM_CMD_OK;
    }
    case ZWH_TIME_REPORT: {
        zwh_time_report_t r;
        if (zwh_time_report_decode(cmd, len, &r) < 0 || r.hour > 23 || r.minute > 59 || r.second > 59)
            return ZWH_EINVAL;
        set_time_of_day(m, r.hour, r.minute, r.second);
        if (m->time_step == LOCK_TIME_TIME)
            done(m, LOCK_SRC_TIME_CC);
        return SIM_CMD_OK;
    }
    case ZWH_TIME_OFFSET_REPORT: {
        zwh_time_offset_t r;
        if (zwh_time_offset_report_decode(cmd, len, &r) < 0)
            return ZWH_EINVAL;
        m->tz_offset_min = (r.tzo_sign ? -1 : 1) * (int32_t)(r.tzo_hours * 60 + r.tzo_minutes);
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP; /* the lock controls Time CC, it does not support it */
    }
}

static int clock_cc(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    zwh_clock_t c;
    switch (cmd[1]) {
    case ZWH_CLOCK_SET:
    case ZWH_CLOCK_REPORT: {
        int rc = cmd[1] == ZWH_CLOCK_SET ? zwh_clock_set_decode(cmd, len, &c) : zwh_clock_report_decode(cmd, len, &c);
        if (rc < 0 || c.weekday > 7 || c.hour > 23 || c.minute > 59)
            return ZWH_EINVAL;
        set_weekday_time(m, c.weekday, c.hour, c.minute);
        if (m->time_step == LOCK_TIME_CLOCK)
            done(m, LOCK_SRC_CLOCK);
        return SIM_CMD_OK;
    }
    case ZWH_CLOCK_GET: {
        int64_t days, sod;
        clock_parts(m, &days, &sod);
        c = (zwh_clock_t){.weekday = (uint8_t)(m->have_time ? ((days + 3) % 7) + 1 : 0),
                          .hour = (uint8_t)(sod / 3600), .minute = (uint8_t)(sod / 60 % 60)};
        uint8_t out[8];
        int n = zwh_clock_report_encode(&c, out, sizeof out);
        if (n > 0)
            sim_node_send(m->node, out, (size_t)n);
        return n < 0 ? n : SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

/* Time Parameters carry UTC; the clock keeps local time (Time Offset). */
static int time_parameters_cc(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    zwh_time_parameters_t t;
    switch (cmd[1]) {
    case ZWH_TIME_PARAMETERS_SET:
    case ZWH_TIME_PARAMETERS_REPORT: {
        int rc = cmd[1] == ZWH_TIME_PARAMETERS_SET ? zwh_time_parameters_set_decode(cmd, len, &t)
                                                  : zwh_time_parameters_report_decode(cmd, len, &t);
        if (rc < 0 || t.year < 1970 || t.month < 1 || t.month > 12 || t.day < 1 || t.day > 31 || t.hour > 23 || t.minute > 59 ||
            t.second > 59)
            return ZWH_EINVAL;
        int64_t utc = lock_days_from_civil(t.year, t.month, t.day) * 86400 + t.hour * 3600 + t.minute * 60 + t.second;
        int64_t local = utc + (int64_t)m->tz_offset_min * 60;
        clock_set(m, local / 86400, local % 86400);
        m->have_date = m->have_time = 1;
        if (m->time_step == LOCK_TIME_TPARAM)
            done(m, LOCK_SRC_TIME_PARAMETERS);
        return SIM_CMD_OK;
    }
    case ZWH_TIME_PARAMETERS_GET: {
        int64_t local = 0;
        lock_time_now(m, &local);
        int64_t utc = local - (int64_t)m->tz_offset_min * 60;
        int y;
        unsigned mo, d;
        lock_civil_from_days(utc / 86400, &y, &mo, &d);
        int64_t sod = utc % 86400;
        t = (zwh_time_parameters_t){.year = (uint16_t)y, .month = (uint8_t)mo, .day = (uint8_t)d,
                                    .hour = (uint8_t)(sod / 3600), .minute = (uint8_t)(sod / 60 % 60),
                                    .second = (uint8_t)(sod % 60)};
        uint8_t out[12];
        int n = zwh_time_parameters_report_encode(&t, out, sizeof out);
        if (n > 0)
            sim_node_send(m->node, out, (size_t)n);
        return n < 0 ? n : SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

int lock_time_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc)
{
    switch (cmd[0]) {
    case ZWH_CC_TIME: *rc = time_cc(m, cmd, len); return 1;
    case ZWH_CC_CLOCK: *rc = clock_cc(m, cmd, len); return 1;
    case ZWH_CC_TIME_PARAMETERS: *rc = time_parameters_cc(m, cmd, len); return 1;
    default: return 0;
    }
}
