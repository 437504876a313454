/* Generic Schedule CC v1: capabilities, time ranges (in-use flags), schedules. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(generic_schedule_capabilities_report, zwh_generic_schedule_capabilities_report_t)
ZWH_TEST_DECODER(generic_schedule_time_range_report, zwh_generic_schedule_time_range_t)
ZWH_TEST_DECODER(generic_schedule_report, zwh_generic_schedule_t)

static void capabilities(void **state)
{
    (void)state;
    uint8_t out[16];
    zwh_generic_schedule_capabilities_report_t c = {.schedules = 0xFFFF, .time_ranges = 0x7FFF,
                                                    .ranges_per_schedule = 255, .weekdays = 1, .date = 0,
                                                    .hour_minute = 1}, b;
    const uint8_t want[] = {0xA3, 0x02, 0xFF, 0xFF, 0x7F, 0xFF, 0xFF, 0x05};
    assert_int_equal(zwh_generic_schedule_capabilities_report_encode(&c, out, sizeof out), 8);
    assert_memory_equal(out, want, 8);
    assert_int_equal(zwh_generic_schedule_capabilities_report_decode(want, 8, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_truncations(want, 8, 8, dec_generic_schedule_capabilities_report, &b, sizeof b);
    zwh_test_format(want, 8,
                    "GenericSchedule.CapabilitiesReport schedules=65535 time_ranges=32767 per_schedule=255 "
                    "weekdays=1 date=0 hour_minute=1");
    c.time_ranges = 0x8000;
    assert_int_equal(zwh_generic_schedule_capabilities_report_encode(&c, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_generic_schedule_capabilities_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x01);
}

static void time_range_all_fields(void **state)
{
    (void)state;
    uint8_t out[32];
    /* every field in use, at its largest value, and a next id in the report */
    static const zwh_generic_schedule_time_range_t t = {
        .id = 0x7FFF, .in_use = 0x7FFF, .weekdays = 0x7F, .start_year = 0x7FFF, .stop_year = 2100,
        .start_month = 12, .stop_month = 1, .start_day = 31, .stop_day = 1, .start_hour = 23, .stop_hour = 0,
        .start_minute = 59, .stop_minute = 0, .daily_start_hour = 23, .daily_stop_hour = 0,
        .daily_start_minute = 59, .daily_stop_minute = 0, .next_id = 0x1234};
    const uint8_t want[] = {0xA3, 0x05, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0x88, 0x34, 0x8C, 0x81, 0x9F, 0x81,
                            0x97, 0x80, 0xBB, 0x80, 0x97, 0x80, 0xBB, 0x80, 0x12, 0x34};
    zwh_generic_schedule_time_range_t b;
    assert_int_equal(zwh_generic_schedule_time_range_report_encode(&t, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_generic_schedule_time_range_report_decode(want, sizeof want, &b), 0);
    assert_memory_equal(&b, &t, sizeof b);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_generic_schedule_time_range_report, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "GenericSchedule.TimeRangeReport id=32767 weekdays=SMTWTFS start_year=32767 stop_year=2100 "
                    "start_month=12 stop_month=1 start_day=31 stop_day=1 start_hour=23 stop_hour=0 "
                    "start_minute=59 stop_minute=0 daily_start_hour=23 daily_stop_hour=0 daily_start_minute=59 "
                    "daily_stop_minute=0 next=4660");
    /* the Set has the same fields without the next id */
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&t, out, sizeof out), (int)sizeof want - 2);
    assert_int_equal(out[1], 0x03);

    /* a field not in use travels as 0 whatever the struct holds, and decodes as 0 */
    zwh_generic_schedule_time_range_t wild;
    memset(&wild, 0, sizeof wild);
    wild.id = 3;
    wild.in_use = ZWH_GS_START_DAY;
    wild.start_day = 15;
    wild.start_month = 99; /* ignored: not in use */
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&wild, out, sizeof out), 21);
    const uint8_t wild_want[] = {0xA3, 0x03, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0, 0x8F, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assert_memory_equal(out, wild_want, 21);
    assert_int_equal(zwh_generic_schedule_time_range_set_decode(out, 21, &b), 0);
    assert_int_equal(b.in_use, ZWH_GS_START_DAY);
    assert_int_equal(b.start_day, 15);
    assert_int_equal(b.start_month, 0);
    zwh_test_format(out, 21, "GenericSchedule.TimeRangeSet id=3 start_day=15");

    /* out of range values in use */
    zwh_generic_schedule_time_range_t bad = t;
    bad.start_month = 13;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = t;
    bad.stop_day = 0;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = t;
    bad.daily_stop_minute = 60;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = t;
    bad.weekdays = 0x80;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = t;
    bad.id = 0x8000;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = t;
    bad.in_use = 0x8000;
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    /* an erase-all (id 0, nothing in use) */
    zwh_generic_schedule_time_range_t erase;
    memset(&erase, 0, sizeof erase);
    assert_int_equal(zwh_generic_schedule_time_range_set_encode(&erase, out, sizeof out), 21);
    zwh_test_format(out, 21, "GenericSchedule.TimeRangeSet id=0 (empty)");

    zwh_generic_schedule_id_t g = {.id = 0x7FFF}, gb;
    assert_int_equal(zwh_generic_schedule_time_range_get_encode(&g, out, sizeof out), 4);
    assert_int_equal(zwh_generic_schedule_time_range_get_decode(out, 4, &gb), 0);
    assert_int_equal(gb.id, 0x7FFF);
    g.id = 0x8000;
    assert_int_equal(zwh_generic_schedule_time_range_get_encode(&g, out, sizeof out), ZWH_EINVAL);
    zwh_test_format((const uint8_t[]){0xA3, 0x04, 0x00, 0x02}, 4, "GenericSchedule.TimeRangeGet id=2");
}

static void schedules(void **state)
{
    (void)state;
    uint8_t out[128];
    static zwh_generic_schedule_t s;
    memset(&s, 0, sizeof s);
    s.id = 0xFFFF;
    s.count = ZWH_GENERIC_SCHEDULE_MAX_RANGES;
    s.next_id = 9;
    for (size_t i = 0; i < s.count; i++) {
        s.ranges[i].include = (uint8_t)(i & 1);
        s.ranges[i].time_range_id = (uint16_t)(0x7FFF - i);
    }
    int n = zwh_generic_schedule_report_encode(&s, out, sizeof out);
    assert_int_equal(n, 2 + 3 + 2 * ZWH_GENERIC_SCHEDULE_MAX_RANGES + 2);
    static zwh_generic_schedule_t b;
    assert_int_equal(zwh_generic_schedule_report_decode(out, (size_t)n, &b), 0);
    assert_memory_equal(&b, &s, sizeof b);
    zwh_test_truncations(out, (size_t)n, (size_t)n, dec_generic_schedule_report, &b, sizeof b);
    out[4] = ZWH_GENERIC_SCHEDULE_MAX_RANGES + 1;
    assert_int_equal(zwh_generic_schedule_report_decode(out, (size_t)n, &b), ZWH_EBADMSG);
    s.count = ZWH_GENERIC_SCHEDULE_MAX_RANGES + 1;
    assert_int_equal(zwh_generic_schedule_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.count = 1;
    s.ranges[0].include = 2;
    assert_int_equal(zwh_generic_schedule_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.ranges[0].include = 1;
    s.id = 0; /* erase all: no ranges */
    assert_int_equal(zwh_generic_schedule_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.count = 0;
    assert_int_equal(zwh_generic_schedule_set_encode(&s, out, sizeof out), 5);
    const uint8_t rep[] = {0xA3, 0x08, 0x00, 0x04, 0x01, 0x80, 0x07, 0x00, 0x05};
    zwh_test_format(rep, sizeof rep, "GenericSchedule.ScheduleReport id=4 ranges=[+7] next=5");
    zwh_generic_schedule_id_t g = {.id = 0xFFFF}, gb;
    assert_int_equal(zwh_generic_schedule_get_encode(&g, out, sizeof out), 4);
    assert_int_equal(zwh_generic_schedule_get_decode(out, 4, &gb), 0);
    assert_int_equal(gb.id, 0xFFFF);
    zwh_test_format(out, 4, "GenericSchedule.ScheduleGet id=65535");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capabilities),
        cmocka_unit_test(time_range_all_fields),
        cmocka_unit_test(schedules),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
