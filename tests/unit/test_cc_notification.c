/* Notification CC v8 / Alarm v1-v2: report forms, parameters, names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(notification_report, zwh_notification_report_t)
ZWH_TEST_DECODER(notification_supported_report, zwh_notification_supported_report_t)
ZWH_TEST_DECODER(notification_event_supported_report, zwh_notification_event_supported_report_t)

static void alarm_v1(void **state)
{
    (void)state;
    const uint8_t v1[] = {0x71, 0x05, 0x15, 0x01};
    zwh_notification_report_t r;
    assert_int_equal(zwh_notification_report_decode(v1, sizeof v1, &r), 0);
    assert_int_equal(r.v1_type, 0x15);
    assert_int_equal(r.v1_level, 0x01);
    assert_int_equal(r.has_notification, 0);
    uint8_t out[64];
    assert_int_equal(zwh_notification_report_encode(&r, out, sizeof out), 4);
    assert_memory_equal(out, v1, 4);
    zwh_test_format(v1, sizeof v1, "Notification.Report alarm_type=21 alarm_level=1");
    zwh_test_truncations(v1, sizeof v1, 4, dec_notification_report, &r, sizeof r);
    /* a sequence number needs the v2+ fields */
    r.has_sequence = 1;
    assert_int_equal(zwh_notification_report_encode(&r, out, sizeof out), ZWH_EINVAL);
}

static void parameters_and_sequence(void **state)
{
    (void)state;
    uint8_t out[64];
    /* the largest parameter block and a sequence number */
    zwh_notification_report_t r = {.v1_type = 0x13, .v1_level = 0x21, .has_notification = 1, .status = 0xFF,
                                   .type = ZWH_NOTIFICATION_HOME_SECURITY, .event = 0x08,
                                   .params_len = ZWH_NOTIFICATION_MAX_PARAMS, .has_sequence = 1, .sequence = 0xAB}, b;
    for (size_t i = 0; i < ZWH_NOTIFICATION_MAX_PARAMS; i++)
        r.params[i] = (uint8_t)(0xC0 + i); /* 0xC0 is no known class: shown as hex */
    int n = zwh_notification_report_encode(&r, out, sizeof out);
    assert_int_equal(n, 9 + ZWH_NOTIFICATION_MAX_PARAMS + 1);
    assert_int_equal(out[8], 0x80 | ZWH_NOTIFICATION_MAX_PARAMS);
    assert_int_equal(out[n - 1], 0xAB);
    assert_int_equal(zwh_notification_report_decode(out, (size_t)n, &b), 0);
    assert_memory_equal(&b, &r, sizeof b);
    /* shorter than the v1 form fails; 4..8 bytes are the Alarm v1 form and the
     * form without a properties byte; every cut inside the parameters fails */
    zwh_test_truncations(out, (size_t)n, 4, dec_notification_report, &b, sizeof b);
    for (size_t cut = 9; cut < (size_t)n; cut++)
        assert_int_equal(zwh_notification_report_decode(out, cut, &b), ZWH_EBADMSG);

    const uint8_t motion[] = {0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x07, 0x08, 0x81, 0x2A, 0x05};
    assert_int_equal(zwh_notification_report_decode(motion, sizeof motion, &b), 0);
    assert_int_equal(b.params_len, 1);
    assert_int_equal(b.params[0], 0x2A);
    assert_int_equal(b.sequence, 5);
    zwh_test_format(motion, sizeof motion,
                    "Notification.Report status=on type=home_security event=motion params=2a seq=5");
    /* sequence flag without the sequence byte */
    assert_int_equal(zwh_notification_report_decode(motion, sizeof motion - 1, &b), ZWH_EBADMSG);

    r.params_len = ZWH_NOTIFICATION_MAX_PARAMS + 1;
    assert_int_equal(zwh_notification_report_encode(&r, out, sizeof out), ZWH_EINVAL);
    r.params_len = 0;
    r.status = 0x01;
    assert_int_equal(zwh_notification_report_encode(&r, out, sizeof out), ZWH_EINVAL);
    r.status = 0xFE; /* "no pending notification" */
    assert_int_equal(zwh_notification_report_encode(&r, out, sizeof out), 10);
    assert_int_equal(zwh_notification_report_encode(&r, out, 9), ZWH_EMSGSIZE);
}

static void get_set(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_notification_get_t g = {.v1_type = 0, .has_type = 1, .type = 0x06, .has_event = 1, .event = 0x0B}, gb;
    const uint8_t v3[] = {0x71, 0x04, 0x00, 0x06, 0x0B};
    assert_int_equal(zwh_notification_get_encode(&g, out, sizeof out), 5);
    assert_memory_equal(out, v3, 5);
    assert_int_equal(zwh_notification_get_decode(v3, 5, &gb), 0);
    assert_memory_equal(&gb, &g, sizeof gb);
    zwh_test_format(v3, 5, "Notification.Get type=access_control event=lock_jammed");
    assert_int_equal(zwh_notification_get_decode(v3, 4, &gb), 0); /* v2 */
    assert_int_equal(gb.has_type, 1);
    assert_int_equal(gb.has_event, 0);
    assert_int_equal(zwh_notification_get_decode(v3, 3, &gb), 0); /* v1 */
    assert_int_equal(gb.has_type, 0);
    zwh_test_format(v3, 3, "Notification.Get alarm_type=0");
    assert_int_equal(zwh_notification_get_decode(v3, 2, &gb), ZWH_EBADMSG);
    g.has_type = 0; /* an event without a type */
    assert_int_equal(zwh_notification_get_encode(&g, out, sizeof out), ZWH_EINVAL);

    zwh_notification_set_t s = {.type = 0x07, .status = 0x00}, sb;
    assert_int_equal(zwh_notification_set_encode(&s, out, sizeof out), 4);
    assert_int_equal(zwh_notification_set_decode(out, 4, &sb), 0);
    assert_memory_equal(&sb, &s, sizeof sb);
    zwh_test_format(out, 4, "Notification.Set type=home_security status=off");
    s.status = 0x01;
    assert_int_equal(zwh_notification_set_encode(&s, out, sizeof out), ZWH_EINVAL);
}

static void supported(void **state)
{
    (void)state;
    uint8_t out[64];
    assert_int_equal(zwh_notification_supported_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x07);
    zwh_notification_supported_report_t s = {.v1_alarm = 1, .mask_len = 3, .mask = {0xC0, 0x0F, 0x00}}, sb;
    const uint8_t want[] = {0x71, 0x08, 0x83, 0xC0, 0x0F, 0x00};
    assert_int_equal(zwh_notification_supported_report_encode(&s, out, sizeof out), 6);
    assert_memory_equal(out, want, 6);
    assert_int_equal(zwh_notification_supported_report_decode(want, 6, &sb), 0);
    assert_memory_equal(&sb, &s, sizeof sb);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_notification_supported_report, &sb, sizeof sb);
    zwh_test_format(want, 6, "Notification.SupportedReport v1_alarm=1 types=[6,7,8,9,10,11]");
    s.mask_len = 0;
    assert_int_equal(zwh_notification_supported_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.mask_len = 32;
    assert_int_equal(zwh_notification_supported_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.mask_len = 31;
    assert_int_equal(zwh_notification_supported_report_encode(&s, out, sizeof out), 34);

    zwh_notification_event_supported_get_t eg = {.type = 0x06}, egb;
    assert_int_equal(zwh_notification_event_supported_get_encode(&eg, out, sizeof out), 3);
    assert_int_equal(zwh_notification_event_supported_get_decode(out, 3, &egb), 0);
    assert_int_equal(egb.type, 0x06);
    zwh_notification_event_supported_report_t e = {.type = 0x06, .mask_len = 2, .mask = {0x7E, 0x08}}, eb;
    const uint8_t ew[] = {0x71, 0x02, 0x06, 0x02, 0x7E, 0x08};
    assert_int_equal(zwh_notification_event_supported_report_encode(&e, out, sizeof out), 6);
    assert_memory_equal(out, ew, 6);
    assert_int_equal(zwh_notification_event_supported_report_decode(ew, 6, &eb), 0);
    assert_memory_equal(&eb, &e, sizeof eb);
    zwh_test_truncations(ew, sizeof ew, sizeof ew, dec_notification_event_supported_report, &eb, sizeof eb);
    zwh_test_format(ew, 6, "Notification.EventSupportedReport type=access_control events=[1,2,3,4,5,6,11]");
}

static void names(void **state)
{
    (void)state;
    assert_string_equal(zwh_notification_get_type_name(0x01), "smoke");
    assert_string_equal(zwh_notification_get_type_name(0x02), "co");
    assert_string_equal(zwh_notification_get_type_name(0x05), "water");
    assert_string_equal(zwh_notification_get_type_name(0x08), "power_management");
    assert_string_equal(zwh_notification_get_type_name(0x09), "system");
    assert_string_equal(zwh_notification_get_type_name(0x0A), "emergency");
    assert_string_equal(zwh_notification_get_type_name(0x0B), "clock");
    assert_null(zwh_notification_get_type_name(0x80));
    assert_string_equal(zwh_notification_get_event_name(0x06, 0x06), "keypad_unlock");
    assert_string_equal(zwh_notification_get_event_name(0x06, 0x0F), "new_user_code_not_added_duplicate");
    assert_string_equal(zwh_notification_get_event_name(0x06, 0x0B), "lock_jammed");
    assert_string_equal(zwh_notification_get_event_name(0x07, 0x08), "motion");
    assert_string_equal(zwh_notification_get_event_name(0x01, 0x02), "smoke_detected");
    assert_string_equal(zwh_notification_get_event_name(0x02, 0x02), "co_detected");
    assert_string_equal(zwh_notification_get_event_name(0x05, 0x02), "leak_detected");
    assert_string_equal(zwh_notification_get_event_name(0x08, 0x0B), "replace_battery_now");
    assert_string_equal(zwh_notification_get_event_name(0x09, 0x05), "heartbeat");
    assert_string_equal(zwh_notification_get_event_name(0x0A, 0x04), "panic_alert");
    assert_string_equal(zwh_notification_get_event_name(0x0B, 0x02), "timer_ended");
    assert_string_equal(zwh_notification_get_event_name(0x33, 0x00), "idle");
    assert_string_equal(zwh_notification_get_event_name(0x06, 0xFE), "unknown");
    assert_null(zwh_notification_get_event_name(0x06, 0x7F));
    assert_null(zwh_notification_get_event_name(0x0C, 0x01)); /* a type without an event table */
    /* unknown type and event render as hex */
    const uint8_t odd[] = {0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x80, 0x7F, 0x00};
    zwh_test_format(odd, sizeof odd, "Notification.Report status=on type=0x80 event=0x7f");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(alarm_v1),
        cmocka_unit_test(parameters_and_sequence),
        cmocka_unit_test(get_set),
        cmocka_unit_test(supported),
        cmocka_unit_test(names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
