/* The hub's Time CC server answers (seed 004: the lock asks Date Get, then
 * Time Get; Time Offset, Clock and Time Parameters are answered too), pinned
 * with fixed instants and a POSIX TZ rule so no tzdata is needed:
 * CET-1CEST,M3.5.0,M10.5.0/3 (Central Europe: DST from the last Sunday of
 * March 02:00 to the last Sunday of October 03:00). Byte layouts: Time CC v2
 * (Time Report 8A 02 hh mm ss, Date Report 8A 04 yyyy mm dd, Time Offset
 * Report 8A 07), Clock CC (81 06 weekday<<5|hour, minute), Time Parameters CC
 * (8B 03, UTC). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>
#include <cmocka.h>

#include "host/host_internal.h"

#define NOV_21_2026_123456_UTC 1795264496LL /* a Saturday; 13:34:56 CET */
#define JUL_01_2026_080005_UTC 1782892805LL /* a Wednesday; 10:00:05 CEST */

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "CET-1CEST,M3.5.0,M10.5.0/3", 1);
    tzset();
    return 0;
}

static void answer(const uint8_t *get, size_t glen, int64_t t, const uint8_t *want, size_t wlen)
{
    uint8_t out[32];
    int n = zwh__time_server_answer(get, glen, t, out, sizeof out);
    assert_int_equal(n, (int)wlen);
    assert_memory_equal(out, want, wlen);
}

static void time_and_date_in_local_time(void **state)
{
    (void)state;
    const uint8_t tget[] = {0x8A, 0x01}, dget[] = {0x8A, 0x03};
    answer(tget, 2, NOV_21_2026_123456_UTC, (const uint8_t[]){0x8A, 0x02, 13, 34, 56}, 5);
    answer(dget, 2, NOV_21_2026_123456_UTC, (const uint8_t[]){0x8A, 0x04, 0x07, 0xEA, 11, 21}, 6);
    /* summer: CEST = UTC+2 */
    answer(tget, 2, JUL_01_2026_080005_UTC, (const uint8_t[]){0x8A, 0x02, 10, 0, 5}, 5);
}

static void time_offset_reports_zone_and_dst_rule(void **state)
{
    (void)state;
    const uint8_t get[] = {0x8A, 0x06};
    /* +01:00, DST +60 min, from 2026-03-29 02:00 to 2026-10-25 03:00 */
    const uint8_t want[] = {0x8A, 0x07, 0x01, 0x00, 60, 3, 29, 2, 10, 25, 3};
    answer(get, 2, NOV_21_2026_123456_UTC, want, sizeof want);
    answer(get, 2, JUL_01_2026_080005_UTC, want, sizeof want);
}

static void zone_without_dst(void **state)
{
    (void)state;
    setenv("TZ", "EST5", 1); /* UTC-5, no DST */
    tzset();
    const uint8_t want[] = {0x8A, 0x07, 0x85, 0x00, 0x00, 0, 0, 0, 0, 0, 0};
    answer((const uint8_t[]){0x8A, 0x06}, 2, NOV_21_2026_123456_UTC, want, sizeof want);
    answer((const uint8_t[]){0x8A, 0x01}, 2, NOV_21_2026_123456_UTC, (const uint8_t[]){0x8A, 0x02, 7, 34, 56}, 5);
    setup(NULL);
}

static void clock_and_time_parameters(void **state)
{
    (void)state;
    /* Saturday = 6 (Monday 1 .. Sunday 7), 13:34 */
    answer((const uint8_t[]){0x81, 0x05}, 2, NOV_21_2026_123456_UTC, (const uint8_t[]){0x81, 0x06, (6 << 5) | 13, 34},
           4);
    /* Time Parameters are UTC */
    answer((const uint8_t[]){0x8B, 0x02}, 2, NOV_21_2026_123456_UTC,
           (const uint8_t[]){0x8B, 0x03, 0x07, 0xEA, 11, 21, 12, 34, 56}, 9);
}

static void other_commands_are_not_answered(void **state)
{
    (void)state;
    uint8_t out[32];
    const uint8_t report[] = {0x8A, 0x02, 1, 2, 3};
    assert_int_equal(zwh__time_server_answer(report, sizeof report, 0, out, sizeof out), 0);
    assert_int_equal(zwh__time_server_answer((const uint8_t[]){0x8A}, 1, 0, out, sizeof out), 0);
    assert_int_equal(zwh__time_server_answer((const uint8_t[]){0x25, 0x02}, 2, 0, out, sizeof out), 0);
    /* a buffer too small is an error, never an overflow */
    assert_true(zwh__time_server_answer((const uint8_t[]){0x8A, 0x06}, 2, 0, out, 4) < 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(time_and_date_in_local_time),
        cmocka_unit_test(time_offset_reports_zone_and_dst_rule),
        cmocka_unit_test(zone_without_dst),
        cmocka_unit_test(clock_and_time_parameters),
        cmocka_unit_test(other_commands_are_not_answered),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
