/* Binary Switch CC v2 codec. Byte layouts from the Binary Switch CC
 * specification: Set = value [duration], Report = current [target duration]. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

static void set_v1_v2(void **state)
{
    (void)state;
    zwh_binary_switch_set_t on = {.value = 0xFF};
    const uint8_t v1[] = {0x25, 0x01, 0xFF};
    ZWH_CHECK_BYTES(zwh_binary_switch_set_encode, zwh_binary_switch_set_decode, zwh_binary_switch_set_t, &on, v1, 3);

    zwh_binary_switch_set_t off5 = {.value = 0x00, .has_duration = 1, .duration = 0x05};
    const uint8_t v2[] = {0x25, 0x01, 0x00, 0x05};
    ZWH_CHECK_BYTES(zwh_binary_switch_set_encode, zwh_binary_switch_set_decode, zwh_binary_switch_set_t, &off5, v2, 4);
    zwh_binary_switch_set_t back;
    assert_int_equal(zwh_binary_switch_set_decode(v2, 4, &back), 0);
    assert_int_equal(back.has_duration, 1);
    assert_int_equal(back.duration, 5);
    ZWH_CHECK_PREFIXES(zwh_binary_switch_set_decode, zwh_binary_switch_set_t, v2, 4, 3);

    /* 0x64..0xFE are reserved in a Set */
    zwh_binary_switch_set_t bad = {.value = 0x64};
    uint8_t out[8];
    assert_int_equal(zwh_binary_switch_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.value = 0xFE;
    assert_int_equal(zwh_binary_switch_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_binary_switch_set_encode(NULL, out, sizeof out), ZWH_EINVAL);
    /* wrong class and wrong command are refused */
    const uint8_t wrong_cc[] = {0x26, 0x01, 0xFF};
    const uint8_t wrong_cmd[] = {0x25, 0x03, 0xFF};
    assert_int_equal(zwh_binary_switch_set_decode(wrong_cc, 3, &back), ZWH_EBADMSG);
    assert_int_equal(zwh_binary_switch_set_decode(wrong_cmd, 3, &back), ZWH_EBADMSG);
}

static void get_and_report(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_binary_switch_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x25);
    assert_int_equal(out[1], 0x02);
    assert_int_equal(zwh_binary_switch_get_encode(out, 1), ZWH_EMSGSIZE);

    /* switching on, 2 minutes to go: duration 0x81 */
    zwh_binary_switch_report_t rep = {.current_value = 0x00, .has_target = 1, .target_value = 0xFF, .duration = 0x81};
    const uint8_t v2[] = {0x25, 0x03, 0x00, 0xFF, 0x81};
    ZWH_CHECK_BYTES(zwh_binary_switch_report_encode, zwh_binary_switch_report_decode, zwh_binary_switch_report_t,
                    &rep, v2, 5);
    ZWH_CHECK_PREFIXES(zwh_binary_switch_report_decode, zwh_binary_switch_report_t, v2, 5, 3);

    zwh_binary_switch_report_t unknown = {.current_value = 0xFE};
    const uint8_t v1[] = {0x25, 0x03, 0xFE};
    ZWH_CHECK_BYTES(zwh_binary_switch_report_encode, zwh_binary_switch_report_decode, zwh_binary_switch_report_t,
                    &unknown, v1, 3);
    zwh_binary_switch_report_t back;
    assert_int_equal(zwh_binary_switch_report_decode(v1, 3, &back), 0);
    assert_int_equal(back.has_target, 0);

    rep.target_value = 0x32; /* a Binary Switch reports only off/on/unknown */
    assert_int_equal(zwh_binary_switch_report_encode(&rep, out, sizeof out), ZWH_EINVAL);
}

static void formatter(void **state)
{
    (void)state;
    char line[128];
    const uint8_t rep[] = {0x25, 0x03, 0x00, 0xFF, 0x81};
    zwh_cc_format(rep, sizeof rep, line, sizeof line);
    assert_string_equal(line, "BinarySwitch.Report current=off target=on duration=2min");
    const uint8_t set[] = {0x25, 0x01, 0xFF, 0x00};
    zwh_cc_format(set, sizeof set, line, sizeof line);
    assert_string_equal(line, "BinarySwitch.Set value=on duration=0s");
    const uint8_t get[] = {0x25, 0x02};
    zwh_cc_format(get, sizeof get, line, sizeof line);
    assert_string_equal(line, "BinarySwitch.Get");
    assert_int_equal(zwh_cc_get_version(ZWH_CC_BINARY_SWITCH), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_v1_v2),
        cmocka_unit_test(get_and_report),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
