/* Multilevel Switch CC v4 codec. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

static void set_and_report(void **state)
{
    (void)state;
    zwh_multilevel_switch_set_t s = {.value = 0x63, .has_duration = 1, .duration = 0xFF};
    const uint8_t set[] = {0x26, 0x01, 0x63, 0xFF};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_set_encode, zwh_multilevel_switch_set_decode, zwh_multilevel_switch_set_t,
                    &s, set, 4);
    ZWH_CHECK_PREFIXES(zwh_multilevel_switch_set_decode, zwh_multilevel_switch_set_t, set, 4, 3);
    uint8_t out[8];
    s.value = 100;
    assert_int_equal(zwh_multilevel_switch_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.value = 0xFE;
    assert_int_equal(zwh_multilevel_switch_set_encode(&s, out, sizeof out), ZWH_EINVAL);

    /* dimming from 0 towards 50 %, 10 s left */
    zwh_multilevel_switch_report_t r = {.current_value = 0, .has_target = 1, .target_value = 50, .duration = 10};
    const uint8_t rep[] = {0x26, 0x03, 0x00, 0x32, 0x0A};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_report_encode, zwh_multilevel_switch_report_decode,
                    zwh_multilevel_switch_report_t, &r, rep, 5);
    ZWH_CHECK_PREFIXES(zwh_multilevel_switch_report_decode, zwh_multilevel_switch_report_t, rep, 5, 3);
    r.target_value = 0x64;
    assert_int_equal(zwh_multilevel_switch_report_encode(&r, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_multilevel_switch_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x02);
}

static void level_change(void **state)
{
    (void)state;
    /* V1: down (bit 6), ignore start level (bit 5), start 0 */
    zwh_multilevel_switch_start_level_change_t v1 = {.up_down = ZWH_LEVEL_CHANGE_DOWN, .ignore_start_level = 1};
    const uint8_t b1[] = {0x26, 0x04, 0x60, 0x00};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_start_level_change_encode, zwh_multilevel_switch_start_level_change_decode,
                    zwh_multilevel_switch_start_level_change_t, &v1, b1, 4);
    /* V2: up from 20 over 5 s */
    zwh_multilevel_switch_start_level_change_t v2 = {.up_down = ZWH_LEVEL_CHANGE_UP, .start_level = 20,
                                                     .has_duration = 1, .duration = 5};
    const uint8_t b2[] = {0x26, 0x04, 0x00, 0x14, 0x05};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_start_level_change_encode, zwh_multilevel_switch_start_level_change_decode,
                    zwh_multilevel_switch_start_level_change_t, &v2, b2, 5);
    /* V3: primary "none" (0b11 in bits 7..6), secondary decrement (0b01 in bits 4..3), step 10 */
    zwh_multilevel_switch_start_level_change_t v3 = {.up_down = ZWH_LEVEL_CHANGE_NONE, .inc_dec = ZWH_LEVEL_CHANGE_DOWN,
                                                     .start_level = 0, .has_duration = 1, .duration = 0xFF,
                                                     .has_step_size = 1, .step_size = 10};
    const uint8_t b3[] = {0x26, 0x04, 0xC8, 0x00, 0xFF, 0x0A};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_start_level_change_encode, zwh_multilevel_switch_start_level_change_decode,
                    zwh_multilevel_switch_start_level_change_t, &v3, b3, 6);
    ZWH_CHECK_PREFIXES(zwh_multilevel_switch_start_level_change_decode, zwh_multilevel_switch_start_level_change_t,
                       b3, 6, 4);
    uint8_t out[8];
    v3.up_down = 2; /* reserved */
    assert_int_equal(zwh_multilevel_switch_start_level_change_encode(&v3, out, sizeof out), ZWH_EINVAL);
    v3.up_down = 0;
    v3.has_duration = 0; /* a step size cannot come without the duration before it */
    assert_int_equal(zwh_multilevel_switch_start_level_change_encode(&v3, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_multilevel_switch_stop_level_change_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x05);
}

static void supported(void **state)
{
    (void)state;
    uint8_t out[8];
    assert_int_equal(zwh_multilevel_switch_supported_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x06);
    zwh_multilevel_switch_supported_report_t s = {.primary_type = 0x03, .has_secondary = 1, .secondary_type = 0x00};
    const uint8_t b[] = {0x26, 0x07, 0x03, 0x00};
    ZWH_CHECK_BYTES(zwh_multilevel_switch_supported_report_encode, zwh_multilevel_switch_supported_report_decode,
                    zwh_multilevel_switch_supported_report_t, &s, b, 4);
    ZWH_CHECK_PREFIXES(zwh_multilevel_switch_supported_report_decode, zwh_multilevel_switch_supported_report_t, b, 4,
                       3);
    s.primary_type = 0x20;
    assert_int_equal(zwh_multilevel_switch_supported_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    /* reserved bits 7..5 are masked on decode */
    const uint8_t noisy[] = {0x26, 0x07, 0xE1, 0xE0};
    zwh_multilevel_switch_supported_report_t back;
    assert_int_equal(zwh_multilevel_switch_supported_report_decode(noisy, 4, &back), 0);
    assert_int_equal(back.primary_type, 1);
    assert_int_equal(back.secondary_type, 0);
}

static void formatter(void **state)
{
    (void)state;
    char line[128];
    const uint8_t rep[] = {0x26, 0x03, 0x00, 0x32, 0x0A};
    zwh_cc_format(rep, sizeof rep, line, sizeof line);
    assert_string_equal(line, "MultilevelSwitch.Report current=0 target=50 duration=10s");
    const uint8_t start[] = {0x26, 0x04, 0x60, 0x00, 0x05};
    zwh_cc_format(start, sizeof start, line, sizeof line);
    assert_string_equal(line, "MultilevelSwitch.StartLevelChange direction=down start=ignored duration=5s");
    const uint8_t sup[] = {0x26, 0x07, 0x03};
    zwh_cc_format(sup, sizeof sup, line, sizeof line);
    assert_string_equal(line, "MultilevelSwitch.SupportedReport primary=close/open");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_and_report),
        cmocka_unit_test(level_change),
        cmocka_unit_test(supported),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
