/* Battery CC v2 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse; the low-battery warning comes from seed 004. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void low_battery_warning_seed(void **state)
{
    (void)state;
    /* Seed 004, "Battery Report - Low Battery Warning": Supervision Get
     * 6C 01 01 03 wrapping the 3-byte Battery Report. The seed's table gives the
     * class byte of the inner command as 0x63 (that is User Code); the Z-Wave
     * specification assigns Battery 0x80, so the bytes tested are 80 03 FF. */
    zwh_battery_report_t r = {.level = ZWH_BATTERY_LEVEL_LOW_WARNING};
    const uint8_t want[] = {0x80, 0x03, 0xFF};
    CC_ROUND_TRIP(zwh_battery_report_encode, zwh_battery_report_decode, zwh_battery_report_t, &r, want);
    assert_int_equal(cc_back.level, 0xFF);
    assert_int_equal(cc_back.has_v2, 0);
    CC_TRUNCATED(zwh_battery_report_decode, zwh_battery_report_t, want, sizeof want);
    cc_assert_format(want, sizeof want, "Battery.Report level=low-battery-warning");
    /* the seed's 3-byte Supervision length matches the corrected command */
    const uint8_t supervision_get[] = {0x6C, 0x01, 0x01, 0x03, 0x80, 0x03, 0xFF};
    assert_int_equal(supervision_get[3], sizeof want);
    assert_memory_equal(supervision_get + 4, want, sizeof want);
    const uint8_t seed_typo[] = {0x63, 0x03, 0xFF};
    assert_int_equal(zwh_battery_report_decode(seed_typo, sizeof seed_typo, &r), ZWH_EBADMSG);
}

static void report_v1_v2(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_battery_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x80);
    assert_int_equal(out[1], 0x02);
    {
        zwh_battery_report_t r = {.level = 100};
        const uint8_t want[] = {0x80, 0x03, 0x64};
        CC_ROUND_TRIP(zwh_battery_report_encode, zwh_battery_report_decode, zwh_battery_report_t, &r, want);
        cc_assert_format(want, sizeof want, "Battery.Report level=100%");
        r.level = 101;
        CC_REFUSES(zwh_battery_report_encode, &r);
        r.level = 0xFE;
        CC_REFUSES(zwh_battery_report_encode, &r);
    }
    {
        /* 50 %, charging, rechargeable, replace soon; disconnected */
        zwh_battery_report_t r = {.level = 50, .has_v2 = 1, .charging_status = ZWH_BATTERY_CHARGING,
                                  .rechargeable = 1, .replace_recharge = ZWH_BATTERY_REPLACE_SOON,
                                  .disconnected = 1};
        const uint8_t want[] = {0x80, 0x03, 0x32, 0x61, 0x01};
        CC_ROUND_TRIP(zwh_battery_report_encode, zwh_battery_report_decode, zwh_battery_report_t, &r, want);
        assert_int_equal(cc_back.charging_status, 1);
        assert_int_equal(cc_back.rechargeable, 1);
        assert_int_equal(cc_back.backup, 0);
        assert_int_equal(cc_back.replace_recharge, 1);
        assert_int_equal(cc_back.disconnected, 1);
        CC_TRUNCATED(zwh_battery_report_decode, zwh_battery_report_t, want, 3);
        cc_assert_format(want, sizeof want, "Battery.Report level=50% charging replace=soon rechargeable disconnected");
    }
    {
        /* every v2 bit set */
        zwh_battery_report_t r = {.level = 0, .has_v2 = 1, .charging_status = 3, .rechargeable = 1, .backup = 1,
                                  .overheating = 1, .low_fluid = 1, .replace_recharge = 3, .disconnected = 1,
                                  .low_temperature = 1};
        const uint8_t want[] = {0x80, 0x03, 0x00, 0xFF, 0x03};
        CC_ROUND_TRIP(zwh_battery_report_encode, zwh_battery_report_decode, zwh_battery_report_t, &r, want);
        assert_int_equal(cc_back.overheating, 1);
        assert_int_equal(cc_back.low_fluid, 1);
        assert_int_equal(cc_back.low_temperature, 1);
        r.charging_status = 4;
        CC_REFUSES(zwh_battery_report_encode, &r);
        r.charging_status = 0;
        r.backup = 2;
        CC_REFUSES(zwh_battery_report_encode, &r);
    }
}

static void health(void **state)
{
    (void)state;
    uint8_t out[8];
    assert_int_equal(zwh_battery_health_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x04);
    {
        /* 90 % capacity, 23.5 C */
        zwh_battery_health_report_t r = {.max_capacity = 90, .precision = 1, .scale = 0, .temperature_size = 2,
                                         .temperature = 235};
        const uint8_t want[] = {0x80, 0x05, 0x5A, 0x22, 0x00, 0xEB};
        CC_ROUND_TRIP(zwh_battery_health_report_encode, zwh_battery_health_report_decode,
                      zwh_battery_health_report_t, &r, want);
        assert_int_equal(cc_back.temperature, 235);
        CC_TRUNCATED(zwh_battery_health_report_decode, zwh_battery_health_report_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "Battery.HealthReport capacity=90% temperature=23.5C");
    }
    {
        /* capacity unknown, -5.0 C in one byte */
        zwh_battery_health_report_t r = {.max_capacity = 0xFF, .precision = 1, .temperature_size = 1,
                                         .temperature = -50};
        const uint8_t want[] = {0x80, 0x05, 0xFF, 0x21, 0xCE};
        CC_ROUND_TRIP(zwh_battery_health_report_encode, zwh_battery_health_report_decode,
                      zwh_battery_health_report_t, &r, want);
        assert_int_equal(cc_back.temperature, -50);
        cc_assert_format(want, sizeof want, "Battery.HealthReport capacity=unknown temperature=-5.0C");
        r.temperature = -129; /* does not fit one byte */
        CC_REFUSES(zwh_battery_health_report_encode, &r);
        r.temperature = 128;
        CC_REFUSES(zwh_battery_health_report_encode, &r);
        r.temperature = -128;
        assert_int_equal(zwh_battery_health_report_encode(&r, out, sizeof out), 5);
        r.temperature_size = 3;
        CC_REFUSES(zwh_battery_health_report_encode, &r);
        r.temperature_size = 4;
        r.temperature = INT32_MIN;
        assert_int_equal(zwh_battery_health_report_encode(&r, out, sizeof out), 8);
        zwh_battery_health_report_t back;
        assert_int_equal(zwh_battery_health_report_decode(out, 8, &back), 0);
        assert_int_equal(back.temperature, INT32_MIN);
    }
    {
        /* no temperature; a size of 3 on the wire is malformed */
        zwh_battery_health_report_t r = {.max_capacity = 100};
        const uint8_t want[] = {0x80, 0x05, 0x64, 0x00};
        CC_ROUND_TRIP(zwh_battery_health_report_encode, zwh_battery_health_report_decode,
                      zwh_battery_health_report_t, &r, want);
        cc_assert_format(want, sizeof want, "Battery.HealthReport capacity=100%");
        const uint8_t bad[] = {0x80, 0x05, 0x64, 0x03, 0x00, 0x00, 0x00};
        assert_int_equal(zwh_battery_health_report_decode(bad, sizeof bad, &r), ZWH_EBADMSG);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(low_battery_warning_seed),
        cmocka_unit_test(report_v1_v2),
        cmocka_unit_test(health),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
