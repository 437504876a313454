/* Switch All CC v1 codec. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

static void modes(void **state)
{
    (void)state;
    /* The seed device pages (000 ZEN07, 001 ZEN06: "Switch All Mode") list
     * 0 = exclude from both, 1 = "Include in All On group", 2 = "Include in
     * All Off group", 255 = both. The Z-Wave specification (Switch All CC)
     * says the opposite for 1 and 2: 0x01 = excluded from All ON (so only
     * in All OFF), 0x02 = excluded from All OFF (only in All ON). We follow
     * the specification; the seed's table has 1 and 2 swapped. */
    assert_string_equal(zwh_switch_all_get_mode_name(0x00), "excluded");
    assert_string_equal(zwh_switch_all_get_mode_name(0x01), "off_only");
    assert_string_equal(zwh_switch_all_get_mode_name(0x02), "on_only");
    assert_string_equal(zwh_switch_all_get_mode_name(0xFF), "included");
    assert_null(zwh_switch_all_get_mode_name(0x03));

    const uint8_t modes_ok[] = {0x00, 0x01, 0x02, 0xFF};
    for (size_t i = 0; i < sizeof modes_ok; i++) {
        zwh_switch_all_mode_t m = {.mode = modes_ok[i]};
        const uint8_t set[] = {0x27, 0x01, modes_ok[i]};
        const uint8_t rep[] = {0x27, 0x03, modes_ok[i]};
        ZWH_CHECK_BYTES(zwh_switch_all_set_encode, zwh_switch_all_set_decode, zwh_switch_all_mode_t, &m, set, 3);
        ZWH_CHECK_BYTES(zwh_switch_all_report_encode, zwh_switch_all_report_decode, zwh_switch_all_mode_t, &m, rep,
                        3);
        ZWH_CHECK_PREFIXES(zwh_switch_all_report_decode, zwh_switch_all_mode_t, rep, 3, 3);
    }
    uint8_t out[4];
    zwh_switch_all_mode_t bad = {.mode = 0x03};
    assert_int_equal(zwh_switch_all_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.mode = 0xFE;
    assert_int_equal(zwh_switch_all_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    zwh_switch_all_mode_t back;
    const uint8_t rep[] = {0x27, 0x03, 0x01};
    assert_int_equal(zwh_switch_all_set_decode(rep, 3, &back), ZWH_EBADMSG); /* a Report is not a Set */
}

static void bare_commands(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_switch_all_get_encode(out, sizeof out), 2);
    assert_memory_equal(out, ((uint8_t[]){0x27, 0x02}), 2);
    assert_int_equal(zwh_switch_all_on_encode(out, sizeof out), 2);
    assert_memory_equal(out, ((uint8_t[]){0x27, 0x04}), 2);
    assert_int_equal(zwh_switch_all_off_encode(out, sizeof out), 2);
    assert_memory_equal(out, ((uint8_t[]){0x27, 0x05}), 2);
    assert_int_equal(zwh_switch_all_on_encode(out, 1), ZWH_EMSGSIZE);
}

static void formatter(void **state)
{
    (void)state;
    char line[96];
    const uint8_t rep[] = {0x27, 0x03, 0xFF};
    zwh_cc_format(rep, sizeof rep, line, sizeof line);
    assert_string_equal(line, "SwitchAll.Report mode=included");
    const uint8_t odd[] = {0x27, 0x01, 0x07};
    zwh_cc_format(odd, sizeof odd, line, sizeof line);
    assert_string_equal(line, "SwitchAll.Set mode=7");
    const uint8_t on[] = {0x27, 0x04};
    zwh_cc_format(on, sizeof on, line, sizeof line);
    assert_string_equal(line, "SwitchAll.On");
    const uint8_t trunc[] = {0x27, 0x03};
    zwh_cc_format(trunc, sizeof trunc, line, sizeof line);
    assert_string_equal(line, "SwitchAll.Report malformed:");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(modes),
        cmocka_unit_test(bare_commands),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
