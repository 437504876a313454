/* Color Switch CC v3 codec. The multisensor article in seed 004 drives the
 * EZMultiPli's color LED (8 colors made of red/green/blue); the bytes here
 * follow the Color Switch CC specification layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

static void supported(void **state)
{
    (void)state;
    uint8_t out[8];
    assert_int_equal(zwh_color_switch_supported_get_encode(out, sizeof out), 2);
    assert_memory_equal(out, ((uint8_t[]){0x33, 0x01}), 2);
    /* red, green, blue = components 2, 3, 4 -> byte 1 = 0x1C; index color (8) -> byte 2 bit 0 */
    zwh_color_switch_supported_report_t s = {.components = 0x011C};
    const uint8_t b[] = {0x33, 0x02, 0x1C, 0x01};
    ZWH_CHECK_BYTES(zwh_color_switch_supported_report_encode, zwh_color_switch_supported_report_decode,
                    zwh_color_switch_supported_report_t, &s, b, 4);
    ZWH_CHECK_PREFIXES(zwh_color_switch_supported_report_decode, zwh_color_switch_supported_report_t, b, 4, 4);
    s.components = 0xFFFF; /* all 16 bits round-trip */
    const uint8_t all[] = {0x33, 0x02, 0xFF, 0xFF};
    ZWH_CHECK_BYTES(zwh_color_switch_supported_report_encode, zwh_color_switch_supported_report_decode,
                    zwh_color_switch_supported_report_t, &s, all, 4);
}

static void get_report(void **state)
{
    (void)state;
    zwh_color_switch_component_ref_t g = {.component = ZWH_COLOR_RED};
    const uint8_t get[] = {0x33, 0x03, 0x02};
    ZWH_CHECK_BYTES(zwh_color_switch_get_encode, zwh_color_switch_get_decode, zwh_color_switch_component_ref_t, &g,
                    get, 3);
    ZWH_CHECK_PREFIXES(zwh_color_switch_get_decode, zwh_color_switch_component_ref_t, get, 3, 3);
    uint8_t out[8];
    g.component = 9;
    assert_int_equal(zwh_color_switch_get_encode(&g, out, sizeof out), ZWH_EINVAL);

    zwh_color_switch_report_t v1 = {.component = ZWH_COLOR_BLUE, .current_value = 0x80};
    const uint8_t r1[] = {0x33, 0x04, 0x04, 0x80};
    ZWH_CHECK_BYTES(zwh_color_switch_report_encode, zwh_color_switch_report_decode, zwh_color_switch_report_t, &v1,
                    r1, 4);
    zwh_color_switch_report_t v3 = {.component = ZWH_COLOR_GREEN, .current_value = 0, .has_target = 1,
                                    .target_value = 255, .duration = 0xFE};
    const uint8_t r3[] = {0x33, 0x04, 0x03, 0x00, 0xFF, 0xFE};
    ZWH_CHECK_BYTES(zwh_color_switch_report_encode, zwh_color_switch_report_decode, zwh_color_switch_report_t, &v3,
                    r3, 6);
    ZWH_CHECK_PREFIXES(zwh_color_switch_report_decode, zwh_color_switch_report_t, r3, 6, 4);
}

static void set(void **state)
{
    (void)state;
    /* pure red, instantly */
    zwh_color_switch_set_t s = {.count = 3, .has_duration = 1, .duration = 0x00,
                                .values = {{ZWH_COLOR_RED, 0xFF}, {ZWH_COLOR_GREEN, 0x00}, {ZWH_COLOR_BLUE, 0x00}}};
    const uint8_t b[] = {0x33, 0x05, 0x03, 0x02, 0xFF, 0x03, 0x00, 0x04, 0x00, 0x00};
    ZWH_CHECK_BYTES(zwh_color_switch_set_encode, zwh_color_switch_set_decode, zwh_color_switch_set_t, &s, b,
                    sizeof b);
    ZWH_CHECK_PREFIXES(zwh_color_switch_set_decode, zwh_color_switch_set_t, b, sizeof b, 9);

    /* V1 form (no duration) */
    zwh_color_switch_set_t one = {.count = 1, .values = {{ZWH_COLOR_WARM_WHITE, 0x40}}};
    const uint8_t b1[] = {0x33, 0x05, 0x01, 0x00, 0x40};
    ZWH_CHECK_BYTES(zwh_color_switch_set_encode, zwh_color_switch_set_decode, zwh_color_switch_set_t, &one, b1, 5);

    /* the largest count the 5-bit field can carry */
    zwh_color_switch_set_t max;
    memset(&max, 0, sizeof max);
    max.count = ZWH_COLOR_SWITCH_SET_MAX;
    uint8_t want[2 + 1 + 2 * ZWH_COLOR_SWITCH_SET_MAX + 1];
    want[0] = 0x33;
    want[1] = 0x05;
    want[2] = 31;
    for (size_t i = 0; i < ZWH_COLOR_SWITCH_SET_MAX; i++) {
        max.values[i].component = (uint8_t)(i % 9);
        max.values[i].value = (uint8_t)(255 - i);
        want[3 + 2 * i] = (uint8_t)(i % 9);
        want[4 + 2 * i] = (uint8_t)(255 - i);
    }
    max.has_duration = 1;
    max.duration = 0x81;
    want[sizeof want - 1] = 0x81;
    ZWH_CHECK_BYTES(zwh_color_switch_set_encode, zwh_color_switch_set_decode, zwh_color_switch_set_t, &max, want,
                    sizeof want);
    ZWH_CHECK_PREFIXES(zwh_color_switch_set_decode, zwh_color_switch_set_t, want, sizeof want, sizeof want - 1);

    uint8_t out[80];
    max.count = 32;
    assert_int_equal(zwh_color_switch_set_encode(&max, out, sizeof out), ZWH_EINVAL);
    max.count = 0;
    assert_int_equal(zwh_color_switch_set_encode(&max, out, sizeof out), ZWH_EINVAL);
    s.values[1].component = 0x09;
    assert_int_equal(zwh_color_switch_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    /* reserved bits 7..5 of the count byte are not part of the count */
    const uint8_t noisy[] = {0x33, 0x05, 0xE1, 0x02, 0x10};
    zwh_color_switch_set_t back;
    assert_int_equal(zwh_color_switch_set_decode(noisy, sizeof noisy, &back), 0);
    assert_int_equal(back.count, 1);
    assert_int_equal(back.has_duration, 0);
}

static void level_change(void **state)
{
    (void)state;
    zwh_color_switch_start_level_change_t s = {.up_down = 1, .ignore_start_level = 0, .component = ZWH_COLOR_AMBER,
                                               .start_level = 200, .has_duration = 1, .duration = 3};
    const uint8_t b[] = {0x33, 0x06, 0x40, 0x05, 0xC8, 0x03};
    ZWH_CHECK_BYTES(zwh_color_switch_start_level_change_encode, zwh_color_switch_start_level_change_decode,
                    zwh_color_switch_start_level_change_t, &s, b, 6);
    ZWH_CHECK_PREFIXES(zwh_color_switch_start_level_change_decode, zwh_color_switch_start_level_change_t, b, 6, 5);
    zwh_color_switch_start_level_change_t v1 = {.up_down = 0, .ignore_start_level = 1, .component = 0x01};
    const uint8_t b1[] = {0x33, 0x06, 0x20, 0x01, 0x00};
    ZWH_CHECK_BYTES(zwh_color_switch_start_level_change_encode, zwh_color_switch_start_level_change_decode,
                    zwh_color_switch_start_level_change_t, &v1, b1, 5);
    uint8_t out[8];
    v1.up_down = 2;
    assert_int_equal(zwh_color_switch_start_level_change_encode(&v1, out, sizeof out), ZWH_EINVAL);

    zwh_color_switch_component_ref_t stop = {.component = ZWH_COLOR_AMBER};
    const uint8_t sb[] = {0x33, 0x07, 0x05};
    ZWH_CHECK_BYTES(zwh_color_switch_stop_level_change_encode, zwh_color_switch_stop_level_change_decode,
                    zwh_color_switch_component_ref_t, &stop, sb, 3);
}

static void formatter(void **state)
{
    (void)state;
    char line[160];
    const uint8_t set[] = {0x33, 0x05, 0x03, 0x02, 0xFF, 0x03, 0x00, 0x04, 0x00, 0x00};
    zwh_cc_format(set, sizeof set, line, sizeof line);
    assert_string_equal(line, "ColorSwitch.Set red=255 green=0 blue=0 duration=0s");
    const uint8_t sup[] = {0x33, 0x02, 0x1C, 0x00};
    zwh_cc_format(sup, sizeof sup, line, sizeof line);
    assert_string_equal(line, "ColorSwitch.SupportedReport components=red,green,blue");
    const uint8_t rep[] = {0x33, 0x04, 0x03, 0x00, 0xFF, 0xFE};
    zwh_cc_format(rep, sizeof rep, line, sizeof line);
    assert_string_equal(line, "ColorSwitch.Report green=0 target=255 duration=unknown");
    const uint8_t overrun[] = {0x33, 0x05, 0x02, 0x02, 0xFF};
    zwh_cc_format(overrun, sizeof overrun, line, sizeof line);
    assert_string_equal(line, "ColorSwitch.Set malformed: 02 02 ff");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(supported),
        cmocka_unit_test(get_report),
        cmocka_unit_test(set),
        cmocka_unit_test(level_change),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
