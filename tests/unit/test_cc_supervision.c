/* Supervision CC v2 frames. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(supervision_get, zwh_supervision_get_t)
ZWH_TEST_DECODER(supervision_report, zwh_supervision_report_t)

static void get_bounds(void **state)
{
    (void)state;
    uint8_t cmd[255], out[300];
    for (size_t i = 0; i < sizeof cmd; i++)
        cmd[i] = (uint8_t)i;
    cmd[0] = 0x20;
    cmd[1] = 0x01;
    zwh_supervision_get_t g = {.status_updates = 1, .session_id = ZWH_SUPERVISION_MAX_SESSION}, b;
    /* the longest encapsulated command */
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 255, out, sizeof out), 259);
    assert_int_equal(out[2], 0xBF);
    assert_int_equal(out[3], 0xFF);
    assert_int_equal(zwh_supervision_get_decode(out, 259, &b), 0);
    assert_int_equal(b.session_id, 63);
    assert_int_equal(b.status_updates, 1);
    assert_int_equal(b.cmd_len, 255);
    assert_memory_equal(out + b.cmd_offset, cmd, 255);
    zwh_test_truncations(out, 259, 259, dec_supervision_get, &b, sizeof b);
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 256, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_supervision_get_encode(&g, NULL, 3, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 3, out, 6), ZWH_EMSGSIZE);
    g.session_id = 64;
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 3, out, sizeof out), ZWH_EINVAL);
    g.session_id = 0;
    g.status_updates = 2;
    assert_int_equal(zwh_supervision_get_encode(&g, cmd, 3, out, sizeof out), ZWH_EINVAL);
    /* an empty encapsulated command */
    const uint8_t empty[] = {0x6C, 0x01, 0x01, 0x00};
    assert_int_equal(zwh_supervision_get_decode(empty, 4, &b), ZWH_EBADMSG);
    /* reserved bit 6 is ignored */
    const uint8_t reserved[] = {0x6C, 0x01, 0x45, 0x02, 0x20, 0x02};
    assert_int_equal(zwh_supervision_get_decode(reserved, sizeof reserved, &b), 0);
    assert_int_equal(b.session_id, 5);
    zwh_test_format(reserved, sizeof reserved, "Supervision.Get session=5 updates=no { Basic.Get }");
    /* an unknown embedded class still renders */
    const uint8_t unknown[] = {0x6C, 0x01, 0x02, 0x03, 0xF1, 0x00, 0x07};
    zwh_test_format(unknown, sizeof unknown, "Supervision.Get session=2 updates=no { Unknown(0xf1) 00 07 }");
}

static void report_all_statuses(void **state)
{
    (void)state;
    static const uint8_t statuses[] = {0x00, 0x01, 0x02, 0xFF};
    static const char *const names[] = {"NO_SUPPORT", "WORKING", "FAIL", "SUCCESS"};
    uint8_t out[8];
    for (size_t i = 0; i < 4; i++) {
        zwh_supervision_report_t r = {.session_id = 63, .status = statuses[i], .duration = 0x81,
                                      .wake_up_request = 1, .more_updates = 0}, b;
        assert_int_equal(zwh_supervision_report_encode(&r, out, sizeof out), 5);
        assert_int_equal(out[2], 0x7F);
        assert_int_equal(zwh_supervision_report_decode(out, 5, &b), 0);
        assert_memory_equal(&b, &r, sizeof b);
        zwh_test_truncations(out, 5, 5, dec_supervision_report, &b, sizeof b);
        char want[128];
        snprintf(want, sizeof want, "Supervision.Report session=63 status=%s more=no wake_up_request=yes duration=2min", names[i]);
        zwh_test_format(out, 5, want);
    }
    zwh_supervision_report_t bad = {.status = 0x03};
    assert_int_equal(zwh_supervision_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.status = 0xFF;
    bad.session_id = 64;
    assert_int_equal(zwh_supervision_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.session_id = 1;
    bad.more_updates = 2;
    assert_int_equal(zwh_supervision_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_cc_get_version(0x6C), 2);
}

static void nesting_depth(void **state)
{
    (void)state;
    /* Supervision inside Supervision, deeper than the formatter follows: the
     * innermost levels are shown as hex, and the line stays bounded. */
    uint8_t frame[64];
    size_t len = 2;
    frame[0] = 0x20;
    frame[1] = 0x02;
    for (int level = 0; level < 10; level++) {
        memmove(frame + 4, frame, len);
        frame[0] = 0x6C;
        frame[1] = 0x01;
        frame[2] = (uint8_t)level;
        frame[3] = (uint8_t)len;
        len += 4;
    }
    char line[2048];
    int n = zwh_cc_format(frame, len, line, sizeof line);
    assert_true(n > 0 && (size_t)n < sizeof line);
    assert_non_null(strstr(line, "Supervision.Get session=9"));
    assert_null(strstr(line, "Basic.Get")); /* beyond the depth limit */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_bounds),
        cmocka_unit_test(report_all_statuses),
        cmocka_unit_test(nesting_depth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
