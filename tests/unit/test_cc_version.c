/* Version CC v3 codec. Golden frames cross-checked with an independent parser
 * (zwave-js 15 CommandClass.parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void get_and_report(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_version_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x86);
    assert_int_equal(out[1], 0x11);
    {
        /* V2: library 3, protocol 7.12, firmware 1.2, hardware 1, target 1 at 2.3 */
        zwh_version_report_t r = {.library_type = 3, .protocol_version = 7, .protocol_sub_version = 12,
                                  .firmware0 = {1, 2}, .has_v2 = 1, .hardware_version = 1, .target_count = 1,
                                  .targets = {{2, 3}}};
        const uint8_t want[] = {0x86, 0x12, 0x03, 0x07, 0x0C, 0x01, 0x02, 0x01, 0x01, 0x02, 0x03};
        CC_ROUND_TRIP(zwh_version_report_encode, zwh_version_report_decode, zwh_version_report_t, &r, want);
        assert_int_equal(cc_back.targets[0].sub_version, 3);
        CC_TRUNCATED(zwh_version_report_decode, zwh_version_report_t, want, 7);
        cc_assert_format(want, sizeof want,
                         "Version.Report library=3 protocol=7.12 firmware=1.2 hardware=1 target1=2.3");
        /* count says 1 target but the bytes stop */
        assert_int_equal(zwh_version_report_decode(want, sizeof want - 1, &cc_back), ZWH_EBADMSG);
    }
    {
        /* V1 */
        zwh_version_report_t r = {.library_type = 6, .protocol_version = 4, .protocol_sub_version = 5,
                                  .firmware0 = {1, 0}};
        const uint8_t want[] = {0x86, 0x12, 0x06, 0x04, 0x05, 0x01, 0x00};
        CC_ROUND_TRIP(zwh_version_report_encode, zwh_version_report_decode, zwh_version_report_t, &r, want);
        assert_int_equal(cc_back.has_v2, 0);
        r.target_count = 1; /* targets need the V2 form */
        CC_REFUSES(zwh_version_report_encode, &r);
    }
    {
        /* 255 targets, the most the count byte says */
        static zwh_version_report_t r;
        memset(&r, 0, sizeof r);
        r.has_v2 = 1;
        r.target_count = 255;
        for (int i = 0; i < 255; i++)
            r.targets[i] = (zwh_version_firmware_t){(uint8_t)i, 0xFF};
        static uint8_t big[600];
        assert_int_equal(zwh_version_report_encode(&r, big, sizeof big), 9 + 510);
        static zwh_version_report_t back;
        assert_int_equal(zwh_version_report_decode(big, 9 + 510, &back), 0);
        assert_int_equal(back.targets[254].version, 254);
    }
}

static void command_class(void **state)
{
    (void)state;
    {
        zwh_version_command_class_get_t g = {.cc = 0x85};
        const uint8_t want[] = {0x86, 0x13, 0x85};
        CC_ROUND_TRIP(zwh_version_command_class_get_encode, zwh_version_command_class_get_decode,
                      zwh_version_command_class_get_t, &g, want);
        cc_assert_format(want, sizeof want, "Version.CommandClassGet cc=Association(0x85)");
    }
    {
        /* ZEN07 (seed 000) implements Association v2 */
        zwh_version_command_class_report_t r = {.cc = 0x85, .version = 2};
        const uint8_t want[] = {0x86, 0x14, 0x85, 0x02};
        CC_ROUND_TRIP(zwh_version_command_class_report_encode, zwh_version_command_class_report_decode,
                      zwh_version_command_class_report_t, &r, want);
        assert_int_equal(cc_back.version, 2);
        CC_TRUNCATED(zwh_version_command_class_report_decode, zwh_version_command_class_report_t, want, 4);
        cc_assert_format(want, sizeof want, "Version.CommandClassReport cc=Association(0x85) version=2");
        const uint8_t unknown[] = {0x86, 0x14, 0xF1, 0x00};
        cc_assert_format(unknown, sizeof unknown, "Version.CommandClassReport cc=Unknown(0xf1) version=0");
    }
}

static void capabilities_and_software(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_version_capabilities_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x15);
    assert_int_equal(zwh_version_zwave_software_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x17);
    {
        zwh_version_capabilities_report_t r = {.version = 1, .command_class = 1, .zwave_software = 1};
        const uint8_t want[] = {0x86, 0x16, 0x07};
        CC_ROUND_TRIP(zwh_version_capabilities_report_encode, zwh_version_capabilities_report_decode,
                      zwh_version_capabilities_report_t, &r, want);
        assert_int_equal(cc_back.zwave_software, 1);
        r.command_class = 2;
        CC_REFUSES(zwh_version_capabilities_report_encode, &r);
        const uint8_t only_v[] = {0x86, 0x16, 0x01};
        zwh_version_capabilities_report_t c;
        assert_int_equal(zwh_version_capabilities_report_decode(only_v, 3, &c), 0);
        assert_int_equal(c.version, 1);
        assert_int_equal(c.command_class, 0);
        assert_int_equal(c.zwave_software, 0);
    }
    {
        zwh_version_zwave_software_report_t r = {
            .sdk_version = {7, 18, 2}, .application_framework_api_version = {10, 0, 1},
            .application_framework_build = 42, .zwave_protocol_version = {7, 18, 2}, .zwave_protocol_build = 270,
            .application_version = {1, 2, 3}, .application_build = 5};
        const uint8_t want[] = {0x86, 0x18, 7, 18, 2, 10, 0, 1, 0, 42, 0, 0, 0, 0, 0,
                                7, 18, 2, 0x01, 0x0E, 1, 2, 3, 0, 5};
        CC_ROUND_TRIP(zwh_version_zwave_software_report_encode, zwh_version_zwave_software_report_decode,
                      zwh_version_zwave_software_report_t, &r, want);
        assert_int_equal(cc_back.zwave_protocol_build, 270);
        assert_int_equal(cc_back.application_version[2], 3);
        CC_TRUNCATED(zwh_version_zwave_software_report_decode, zwh_version_zwave_software_report_t, want,
                     sizeof want);
        cc_assert_format(want, sizeof want,
                         "Version.ZWaveSoftwareReport sdk=7.18.2 framework=10.0.1+42 host=0.0.0+0 "
                         "protocol=7.18.2+270 application=1.2.3+5");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_and_report),
        cmocka_unit_test(command_class),
        cmocka_unit_test(capabilities_and_software),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
