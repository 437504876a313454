/* Door Lock CC v4: round trips, version lengths, boundaries, truncation. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(door_lock_operation_set, zwh_door_lock_operation_set_t)
ZWH_TEST_DECODER(door_lock_operation_report, zwh_door_lock_operation_report_t)
ZWH_TEST_DECODER(door_lock_configuration_report, zwh_door_lock_configuration_t)
ZWH_TEST_DECODER(door_lock_capabilities_report, zwh_door_lock_capabilities_report_t)

static void operation_set(void **state)
{
    (void)state;
    static const uint8_t modes[] = {0x00, 0x01, 0x10, 0x11, 0x20, 0x21, 0xFF};
    uint8_t out[4];
    for (size_t i = 0; i < sizeof modes; i++) {
        zwh_door_lock_operation_set_t s = {.mode = modes[i]}, b;
        assert_int_equal(zwh_door_lock_operation_set_encode(&s, out, sizeof out), 3);
        assert_int_equal(out[0], 0x62);
        assert_int_equal(out[1], 0x01);
        assert_int_equal(out[2], modes[i]);
        assert_int_equal(zwh_door_lock_operation_set_decode(out, 3, &b), 0);
        assert_int_equal(b.mode, modes[i]);
    }
    zwh_door_lock_operation_set_t bad = {.mode = 0xFE}; /* unknown: report-only */
    assert_int_equal(zwh_door_lock_operation_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.mode = 0x02;
    assert_int_equal(zwh_door_lock_operation_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_door_lock_operation_set_encode(NULL, out, sizeof out), ZWH_EINVAL);
    zwh_door_lock_operation_set_t ok = {.mode = 0xFF};
    assert_int_equal(zwh_door_lock_operation_set_encode(&ok, out, 2), ZWH_EMSGSIZE);
    assert_int_equal(zwh_door_lock_operation_set_encode(&ok, NULL, 0), ZWH_EMSGSIZE);
    const uint8_t f[] = {0x62, 0x01, 0x00};
    zwh_door_lock_operation_set_t o;
    zwh_test_truncations(f, sizeof f, 3, dec_door_lock_operation_set, &o, sizeof o);
    const uint8_t wrong[] = {0x62, 0x02, 0x00};
    assert_int_equal(zwh_door_lock_operation_set_decode(wrong, 3, &o), ZWH_EBADMSG);
    assert_string_equal(zwh_door_lock_get_mode_name(0x21), "outside_unsecured_timeout");
    assert_null(zwh_door_lock_get_mode_name(0x22));
}

static void gets(void **state)
{
    (void)state;
    uint8_t out[2];
    assert_int_equal(zwh_door_lock_operation_get_encode(out, 2), 2);
    assert_int_equal(out[1], 0x02);
    assert_int_equal(zwh_door_lock_configuration_get_encode(out, 2), 2);
    assert_int_equal(out[1], 0x05);
    assert_int_equal(zwh_door_lock_capabilities_get_encode(out, 2), 2);
    assert_int_equal(out[1], 0x07);
    assert_int_equal(zwh_door_lock_capabilities_get_encode(out, 1), ZWH_EMSGSIZE);
    zwh_test_format(out, 2, "DoorLock.CapabilitiesGet");
}

static void operation_report_versions(void **state)
{
    (void)state;
    /* V1/V2: 5 field bytes; outside handles 1+2, inside 4, all conditions, 3 min 20 s */
    const uint8_t v1[] = {0x62, 0x03, 0x01, 0x38, 0x07, 0x03, 0x14};
    zwh_door_lock_operation_report_t r;
    assert_int_equal(zwh_door_lock_operation_report_decode(v1, sizeof v1, &r), 0);
    assert_int_equal(r.mode, 0x01);
    assert_int_equal(r.outside_handles, 0x3);
    assert_int_equal(r.inside_handles, 0x8);
    assert_int_equal(r.condition, 7);
    assert_int_equal(r.timeout_minutes, 3);
    assert_int_equal(r.timeout_seconds, 20);
    assert_int_equal(r.has_target, 0);
    uint8_t out[16];
    assert_int_equal(zwh_door_lock_operation_report_encode(&r, out, sizeof out), 7);
    assert_memory_equal(out, v1, 7);
    zwh_test_truncations(v1, sizeof v1, 7, dec_door_lock_operation_report, &r, sizeof r);
    zwh_test_format(v1, sizeof v1,
                    "DoorLock.OperationReport mode=unsecured_timeout handles=out:0x3,in:0x8 door=closed "
                    "bolt=unlocked latch=closed timeout=3m20s");

    /* V3+: target and duration; largest values */
    zwh_door_lock_operation_report_t big = {.mode = 0xFE, .outside_handles = 15, .inside_handles = 15, .condition = 7,
                                            .timeout_minutes = 0xFD, .timeout_seconds = 59, .has_target = 1,
                                            .target_mode = 0xFF, .duration = 0xFE}, b;
    assert_int_equal(zwh_door_lock_operation_report_encode(&big, out, sizeof out), 9);
    const uint8_t want[] = {0x62, 0x03, 0xFE, 0xFF, 0x07, 0xFD, 0x3B, 0xFF, 0xFE};
    assert_memory_equal(out, want, 9);
    assert_int_equal(zwh_door_lock_operation_report_decode(out, 9, &b), 0);
    assert_memory_equal(&b, &big, sizeof b);
    zwh_test_truncations(want, sizeof want, 7, dec_door_lock_operation_report, &b, sizeof b);
    /* an 8-byte frame (half a V3 tail) decodes as V1 */
    assert_int_equal(zwh_door_lock_operation_report_decode(want, 8, &b), 0);
    assert_int_equal(b.has_target, 0);

    /* out of range */
    zwh_door_lock_operation_report_t bad = big;
    bad.outside_handles = 16;
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = big;
    bad.timeout_seconds = 60;
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = big;
    bad.timeout_minutes = 0xFE; /* 0xFE only as the pair "no timeout" */
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = big;
    bad.mode = 0x05;
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = big;
    bad.condition = 8;
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = big;
    bad.target_mode = 0x30;
    assert_int_equal(zwh_door_lock_operation_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_door_lock_operation_report_encode(&big, out, 8), ZWH_EMSGSIZE);
}

static void configuration(void **state)
{
    (void)state;
    uint8_t out[16];
    zwh_door_lock_configuration_t c = {.operation_type = ZWH_DOOR_LOCK_OP_CONSTANT, .outside_handles = 1,
                                       .inside_handles = 0xF, .timeout_minutes = 0xFE, .timeout_seconds = 0xFE}, b;
    const uint8_t v1[] = {0x62, 0x04, 0x01, 0x1F, 0xFE, 0xFE};
    assert_int_equal(zwh_door_lock_configuration_set_encode(&c, out, sizeof out), 6);
    assert_memory_equal(out, v1, 6);
    assert_int_equal(zwh_door_lock_configuration_set_decode(v1, 6, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_format(v1, 6, "DoorLock.ConfigurationSet operation=constant handles=out:0x1,in:0xf timeout=none");

    /* V4 report with the extremes */
    zwh_door_lock_configuration_t v4 = {.operation_type = ZWH_DOOR_LOCK_OP_TIMED, .timeout_minutes = 0xFD,
                                        .timeout_seconds = 59, .has_v4 = 1, .auto_relock_time = 0xFFFF,
                                        .hold_and_release_time = 0x0102, .twist_assist = 1, .block_to_block = 1};
    const uint8_t want[] = {0x62, 0x06, 0x02, 0x00, 0xFD, 0x3B, 0xFF, 0xFF, 0x01, 0x02, 0x03};
    assert_int_equal(zwh_door_lock_configuration_report_encode(&v4, out, sizeof out), 11);
    assert_memory_equal(out, want, 11);
    assert_int_equal(zwh_door_lock_configuration_report_decode(want, 11, &b), 0);
    assert_memory_equal(&b, &v4, sizeof b);
    zwh_test_truncations(want, sizeof want, 6, dec_door_lock_configuration_report, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "DoorLock.ConfigurationReport operation=timed handles=out:0x0,in:0x0 timeout=253m59s "
                    "auto_relock=65535s hold_release=258s twist_assist=1 block_to_block=1");
    /* a Set is not a Report */
    assert_int_equal(zwh_door_lock_configuration_report_decode(v1, 6, &b), ZWH_EBADMSG);

    zwh_door_lock_configuration_t bad = c;
    bad.timeout_minutes = 1; /* constant operation carries no timeout */
    assert_int_equal(zwh_door_lock_configuration_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = v4;
    bad.timeout_seconds = 60;
    assert_int_equal(zwh_door_lock_configuration_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = v4;
    bad.operation_type = 3;
    assert_int_equal(zwh_door_lock_configuration_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = v4;
    bad.twist_assist = 2;
    assert_int_equal(zwh_door_lock_configuration_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = v4;
    bad.inside_handles = 16;
    assert_int_equal(zwh_door_lock_configuration_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
}

static void capabilities(void **state)
{
    (void)state;
    uint8_t out[32];
    zwh_door_lock_capabilities_report_t c = {.operation_types = 0x06, .nmodes = 3, .modes = {0x00, 0x01, 0xFF},
                                             .outside_handles = 1, .inside_handles = 1, .door_components = 7,
                                             .auto_relock = 1, .hold_and_release = 1, .twist_assist = 1,
                                             .block_to_block = 1}, b;
    const uint8_t want[] = {0x62, 0x08, 0x01, 0x06, 0x03, 0x00, 0x01, 0xFF, 0x11, 0x07, 0x0F};
    assert_int_equal(zwh_door_lock_capabilities_report_encode(&c, out, sizeof out), 11);
    assert_memory_equal(out, want, 11);
    assert_int_equal(zwh_door_lock_capabilities_report_decode(want, 11, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_door_lock_capabilities_report, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "DoorLock.CapabilitiesReport operation_types=[1,2] modes=[unsecured,unsecured_timeout,secured] "
                    "handles=out:0x1,in:0x1 components=0x7 ars=1 hrs=1 tas=1 btbs=1");

    /* the maximum number of modes */
    zwh_door_lock_capabilities_report_t m = {.operation_types = 0x02, .nmodes = ZWH_DOOR_LOCK_MAX_MODES};
    for (size_t i = 0; i < ZWH_DOOR_LOCK_MAX_MODES; i++)
        m.modes[i] = 0xFF;
    int n = zwh_door_lock_capabilities_report_encode(&m, out, sizeof out);
    assert_int_equal(n, 2 + 3 + ZWH_DOOR_LOCK_MAX_MODES + 3);
    assert_int_equal(zwh_door_lock_capabilities_report_decode(out, (size_t)n, &b), 0);
    assert_memory_equal(&b, &m, sizeof b);
    m.nmodes = ZWH_DOOR_LOCK_MAX_MODES + 1;
    assert_int_equal(zwh_door_lock_capabilities_report_encode(&m, out, sizeof out), ZWH_EINVAL);
    out[4] = ZWH_DOOR_LOCK_MAX_MODES + 1; /* a count beyond what the struct holds */
    assert_int_equal(zwh_door_lock_capabilities_report_decode(out, (size_t)n, &b), ZWH_EBADMSG);

    zwh_door_lock_capabilities_report_t bad = c;
    bad.operation_types = 0x01; /* bit 0 is reserved */
    assert_int_equal(zwh_door_lock_capabilities_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = c;
    bad.modes[1] = 0xFE;
    assert_int_equal(zwh_door_lock_capabilities_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = c;
    bad.door_components = 8;
    assert_int_equal(zwh_door_lock_capabilities_report_encode(&bad, out, sizeof out), ZWH_EINVAL);

    /* a longer operation-type bitmask from a future version is skipped */
    const uint8_t longmask[] = {0x62, 0x08, 0x02, 0x06, 0x80, 0x01, 0xFF, 0x00, 0x00, 0x00};
    assert_int_equal(zwh_door_lock_capabilities_report_decode(longmask, sizeof longmask, &b), 0);
    assert_int_equal(b.operation_types, 0x06);
    assert_int_equal(b.nmodes, 1);
    assert_int_equal(b.modes[0], 0xFF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(operation_set),
        cmocka_unit_test(gets),
        cmocka_unit_test(operation_report_versions),
        cmocka_unit_test(configuration),
        cmocka_unit_test(capabilities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
