/* Registry entries of the lock, time, schedule and encapsulation classes:
 * names, versions, flags, NULL arguments, and every command's formatter on a
 * frame without fields. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc/registry.h"

static const struct {
    uint8_t cc;
    const char *name;
    int version;
    uint8_t flags;
} classes[] = {
    {0x62, "DoorLock", 4, 0},
    {0x63, "UserCode", 2, 0},
    {0x71, "Notification", 8, 0},
    {0x8A, "Time", 2, 0},
    {0x8B, "TimeParameters", 1, 0},
    {0x81, "Clock", 1, 0},
    {0xA3, "GenericSchedule", 1, 0},
    {0xA1, "Authentication", 1, 0},
    {0x6C, "Supervision", 2, ZWH__CC_ENCAP},
    {0x60, "MultiChannel", 4, ZWH__CC_ENCAP},
    {0x8F, "MultiCommand", 1, ZWH__CC_ENCAP},
    {0x56, "CRC16", 1, ZWH__CC_ENCAP | ZWH__CC_INSECURE_OK},
    {0x55, "TransportService", 2, ZWH__CC_ENCAP | ZWH__CC_INSECURE_OK},
};

static void names_versions_flags(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        assert_string_equal(zwh_cc_get_name(classes[i].cc), classes[i].name);
        assert_int_equal(zwh_cc_get_version(classes[i].cc), classes[i].version);
        const zwh__cc_desc_t *d = zwh__cc_find(classes[i].cc);
        assert_non_null(d);
        assert_int_equal(d->flags, classes[i].flags);
        /* every command: a frame with no fields formats to a line, never crashes */
        for (size_t c = 0; c < d->ncmds; c++) {
            const uint8_t frame[2] = {classes[i].cc, d->cmds[c].id};
            char line[256];
            int n = zwh_cc_format(frame, 2, line, sizeof line);
            assert_true(n > 0 && (size_t)n < sizeof line);
            assert_non_null(strstr(line, d->cmds[c].name));
        }
    }
    assert_string_equal(zwh_cc_get_command_name(0x63, 0x0D), "ExtendedReport");
    assert_string_equal(zwh_cc_get_command_name(0x62, 0x08), "CapabilitiesReport");
}

static void null_arguments(void **state)
{
    (void)state;
    const uint8_t f[] = {0x62, 0x03, 0, 0, 0, 0xFE, 0xFE};
    zwh_door_lock_operation_report_t r;
    assert_int_equal(zwh_door_lock_operation_report_decode(NULL, 7, &r), ZWH_EBADMSG);
    assert_int_equal(zwh_door_lock_operation_report_decode(f, sizeof f, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_door_lock_operation_report_encode(NULL, NULL, 0), ZWH_EINVAL);
    zwh_user_code_get_t g;
    assert_int_equal(zwh_user_code_get_decode(NULL, 3, &g), ZWH_EBADMSG);
    assert_int_equal(zwh_user_code_get_decode(f, 3, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_user_code_get_encode(NULL, NULL, 0), ZWH_EINVAL);
    assert_int_equal(zwh_notification_report_decode(f, sizeof f, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_supervision_get_decode(NULL, 0, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_multi_channel_encap_decode(NULL, 0, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_multi_command_decode(NULL, 0, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_crc16_encap_decode(NULL, 0, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_transport_service_first_segment_decode(NULL, 0, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_transport_service_first_segment_encode(NULL, f, 1, NULL, 0), ZWH_EINVAL);
    assert_int_equal(zwh_multi_command_encode(NULL, NULL, 1, NULL, 0), ZWH_EINVAL);
    assert_int_equal(zwh_generic_schedule_get_decode(f, 4, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_multi_channel_capability_get_decode(f, 3, NULL), ZWH_EBADMSG);
    assert_int_equal(zwh_transport_service_segment_complete_decode(f, 3, NULL), ZWH_EBADMSG);
    /* a NULL output buffer with capacity is a size error, not a crash */
    zwh_clock_t c = {.weekday = 1, .hour = 1, .minute = 1};
    assert_int_equal(zwh_clock_set_encode(&c, NULL, 16), ZWH_EMSGSIZE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names_versions_flags),
        cmocka_unit_test(null_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
