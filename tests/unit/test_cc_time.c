/* Time v2, Time Parameters v1 and Clock v1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(time_report, zwh_time_report_t)
ZWH_TEST_DECODER(time_offset_report, zwh_time_offset_t)
ZWH_TEST_DECODER(time_parameters_report, zwh_time_parameters_t)
ZWH_TEST_DECODER(clock_report, zwh_clock_t)

static void time_report_bounds(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_time_report_t t = {.rtc_failure = 1, .hour = 23, .minute = 59, .second = 59}, b;
    const uint8_t want[] = {0x8A, 0x02, 0x97, 0x3B, 0x3B};
    assert_int_equal(zwh_time_report_encode(&t, out, sizeof out), 5);
    assert_memory_equal(out, want, 5);
    assert_int_equal(zwh_time_report_decode(want, 5, &b), 0);
    assert_memory_equal(&b, &t, sizeof b);
    zwh_test_truncations(want, 5, 5, dec_time_report, &b, sizeof b);
    zwh_test_format(want, 5, "Time.TimeReport time=23:59:59 rtc_failure=yes");
    t.hour = 24;
    assert_int_equal(zwh_time_report_encode(&t, out, sizeof out), ZWH_EINVAL);
    t.hour = 0;
    t.second = 60;
    assert_int_equal(zwh_time_report_encode(&t, out, sizeof out), ZWH_EINVAL);
    t.second = 0;
    t.rtc_failure = 2;
    assert_int_equal(zwh_time_report_encode(&t, out, sizeof out), ZWH_EINVAL);

    zwh_date_report_t d = {.year = 0xFFFF, .month = 12, .day = 31}, db;
    assert_int_equal(zwh_date_report_encode(&d, out, sizeof out), 6);
    assert_int_equal(zwh_date_report_decode(out, 6, &db), 0);
    assert_memory_equal(&db, &d, sizeof db);
    assert_int_equal(zwh_date_report_decode(out, 5, &db), ZWH_EBADMSG);
    d.month = 0;
    assert_int_equal(zwh_date_report_encode(&d, out, sizeof out), ZWH_EINVAL);
    d.month = 13;
    assert_int_equal(zwh_date_report_encode(&d, out, sizeof out), ZWH_EINVAL);
    d.month = 1;
    d.day = 32;
    assert_int_equal(zwh_date_report_encode(&d, out, sizeof out), ZWH_EINVAL);
}

static void time_offset(void **state)
{
    (void)state;
    uint8_t out[16];
    /* UTC-5:00, DST +60 min from March 10 2h to November 3 2h */
    zwh_time_offset_t o = {.tzo_sign = 1, .tzo_hours = 5, .tzo_minutes = 0, .dst_sign = 0, .dst_minutes = 60,
                           .dst_start_month = 3, .dst_start_day = 10, .dst_start_hour = 2,
                           .dst_end_month = 11, .dst_end_day = 3, .dst_end_hour = 2}, b;
    const uint8_t want[] = {0x8A, 0x05, 0x85, 0x00, 0x3C, 0x03, 0x0A, 0x02, 0x0B, 0x03, 0x02};
    assert_int_equal(zwh_time_offset_set_encode(&o, out, sizeof out), 11);
    assert_memory_equal(out, want, 11);
    assert_int_equal(zwh_time_offset_set_decode(want, 11, &b), 0);
    assert_memory_equal(&b, &o, sizeof b);
    zwh_test_format(want, 11, "Time.OffsetSet tz=-05:00 dst=+60min start=03-10 02h end=11-03 02h");
    assert_int_equal(zwh_time_offset_report_encode(&o, out, sizeof out), 11);
    assert_int_equal(out[1], 0x07);
    zwh_test_truncations(out, 11, 11, dec_time_offset_report, &b, sizeof b);
    assert_int_equal(zwh_time_offset_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x06);
    zwh_time_offset_t bad = o;
    bad.tzo_hours = 15;
    assert_int_equal(zwh_time_offset_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = o;
    bad.dst_minutes = 128;
    assert_int_equal(zwh_time_offset_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = o;
    bad.dst_end_hour = 24;
    assert_int_equal(zwh_time_offset_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = o;
    bad.tzo_minutes = 60;
    assert_int_equal(zwh_time_offset_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
}

static void time_parameters(void **state)
{
    (void)state;
    uint8_t out[16];
    /* static: zero padding, so memcmp compares only the fields */
    static zwh_time_parameters_t t = {.year = 2026, .month = 11, .day = 21, .hour = 19, .minute = 53, .second = 47}, b;
    const uint8_t want[] = {0x8B, 0x01, 0x07, 0xEA, 0x0B, 0x15, 0x13, 0x35, 0x2F};
    assert_int_equal(zwh_time_parameters_set_encode(&t, out, sizeof out), 9);
    assert_memory_equal(out, want, 9);
    assert_int_equal(zwh_time_parameters_set_decode(want, 9, &b), 0);
    assert_memory_equal(&b, &t, sizeof b);
    zwh_test_format(want, 9, "TimeParameters.Set utc=2026-11-21T19:53:47Z");
    assert_int_equal(zwh_time_parameters_report_encode(&t, out, sizeof out), 9);
    zwh_test_truncations(out, 9, 9, dec_time_parameters_report, &b, sizeof b);
    assert_int_equal(zwh_time_parameters_get_encode(out, sizeof out), 2);
    zwh_test_format(out, 2, "TimeParameters.Get");
    t.second = 60;
    assert_int_equal(zwh_time_parameters_set_encode(&t, out, sizeof out), ZWH_EINVAL);
    t.second = 0;
    t.day = 0;
    assert_int_equal(zwh_time_parameters_set_encode(&t, out, sizeof out), ZWH_EINVAL);
}

static void clock_cc(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_clock_t c = {.weekday = 7, .hour = 23, .minute = 59}, b;
    const uint8_t want[] = {0x81, 0x04, 0xF7, 0x3B};
    assert_int_equal(zwh_clock_set_encode(&c, out, sizeof out), 4);
    assert_memory_equal(out, want, 4);
    assert_int_equal(zwh_clock_set_decode(want, 4, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_format(want, 4, "Clock.Set weekday=Sun time=23:59");
    c.weekday = 0;
    c.hour = 0;
    c.minute = 0;
    assert_int_equal(zwh_clock_report_encode(&c, out, sizeof out), 4);
    zwh_test_format(out, 4, "Clock.Report weekday=unknown time=00:00");
    zwh_test_truncations(out, 4, 4, dec_clock_report, &b, sizeof b);
    assert_int_equal(zwh_clock_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x05);
    c.hour = 24;
    assert_int_equal(zwh_clock_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.hour = 1;
    c.minute = 60;
    assert_int_equal(zwh_clock_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.minute = 1;
    c.weekday = 8;
    assert_int_equal(zwh_clock_set_encode(&c, out, sizeof out), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(time_report_bounds),
        cmocka_unit_test(time_offset),
        cmocka_unit_test(time_parameters),
        cmocka_unit_test(clock_cc),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
