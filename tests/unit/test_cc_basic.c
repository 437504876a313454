/* Basic CC v2 codec, and the registry/formatter it plugs into. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "zwhost/cc.h"
#include "zwhost/cc/basic.h"

static void set_round_trip(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_basic_set_t s = {.value = 0xFF}, back;
    assert_int_equal(zwh_basic_set_encode(&s, out, sizeof out), 3);
    const uint8_t want[] = {0x20, 0x01, 0xFF};
    assert_memory_equal(out, want, 3);
    assert_int_equal(zwh_basic_set_decode(out, 3, &back), 0);
    assert_int_equal(back.value, 0xFF);
    s.value = 100;
    assert_int_equal(zwh_basic_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.value = 99;
    assert_int_equal(zwh_basic_set_encode(&s, out, 2), ZWH_EMSGSIZE);
    for (size_t n = 0; n < 3; n++)
        assert_int_equal(zwh_basic_set_decode(want, n, &back), ZWH_EBADMSG);
}

static void report_v1_and_v2(void **state)
{
    (void)state;
    zwh_basic_report_t r;
    const uint8_t v1[] = {0x20, 0x03, 0x63};
    assert_int_equal(zwh_basic_report_decode(v1, sizeof v1, &r), 0);
    assert_int_equal(r.current_value, 99);
    assert_int_equal(r.has_target, 0);
    const uint8_t v2[] = {0x20, 0x03, 0x00, 0xFF, 0x05};
    assert_int_equal(zwh_basic_report_decode(v2, sizeof v2, &r), 0);
    assert_int_equal(r.has_target, 1);
    assert_int_equal(r.target_value, 0xFF);
    assert_int_equal(r.duration, 5);
    uint8_t out[8];
    assert_int_equal(zwh_basic_report_encode(&r, out, sizeof out), 5);
    assert_memory_equal(out, v2, 5);
    const uint8_t wrong_cmd[] = {0x20, 0x02, 0x00};
    assert_int_equal(zwh_basic_report_decode(wrong_cmd, 3, &r), ZWH_EBADMSG);
}

static void formatter_and_names(void **state)
{
    (void)state;
    char line[128];
    const uint8_t v2[] = {0x20, 0x03, 0x00, 0xFF, 0x81};
    int n = zwh_cc_format(v2, sizeof v2, line, sizeof line);
    assert_string_equal(line, "Basic.Report current=0 target=255 duration=2min");
    assert_int_equal(n, (int)strlen(line));
    /* truncation behaves like snprintf */
    char small[8];
    assert_int_equal(zwh_cc_format(v2, sizeof v2, small, sizeof small), n);
    assert_string_equal(small, "Basic.R");
    assert_int_equal(zwh_cc_format(v2, sizeof v2, NULL, 0), n);
    const uint8_t bad[] = {0x20, 0x01};
    zwh_cc_format(bad, sizeof bad, line, sizeof line);
    assert_string_equal(line, "Basic.Set malformed:");
    const uint8_t unknown[] = {0xF1, 0x02, 0x03};
    zwh_cc_format(unknown, sizeof unknown, line, sizeof line);
    assert_string_equal(line, "Unknown(0xf1) 02 03");
    assert_string_equal(zwh_cc_get_name(0x20), "Basic");
    assert_string_equal(zwh_cc_get_command_name(0x20, 0x03), "Report");
    assert_null(zwh_cc_get_command_name(0x20, 0x7E));
    assert_int_equal(zwh_cc_get_version(0x20), 2);
    zwh_cc_format(NULL, 0, line, sizeof line);
    assert_string_equal(line, "(empty)");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_round_trip),
        cmocka_unit_test(report_v1_and_v2),
        cmocka_unit_test(formatter_and_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
