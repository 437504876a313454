/* Z-Wave Plus Info CC v2 codec. Golden frame cross-checked with zwave-js 15
 * CommandClass.parse. */
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
    assert_int_equal(zwh_zwaveplus_info_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x5E);
    assert_int_equal(out[1], 0x01);
    assert_int_equal(zwh_zwaveplus_info_get_encode(out, 1), ZWH_EMSGSIZE);
    /* a plug: Z-Wave Plus v2, always-on end node, on/off power switch icon */
    zwh_zwaveplus_info_report_t r = {.zwaveplus_version = 2, .role_type = ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE,
                                     .node_type = ZWH_ZWAVEPLUS_NODE_TYPE_NODE, .installer_icon = 0x0700,
                                     .user_icon = 0x0700};
    const uint8_t want[] = {0x5E, 0x02, 0x02, 0x05, 0x00, 0x07, 0x00, 0x07, 0x00};
    CC_ROUND_TRIP(zwh_zwaveplus_info_report_encode, zwh_zwaveplus_info_report_decode, zwh_zwaveplus_info_report_t,
                  &r, want);
    assert_int_equal(cc_back.role_type, 5);
    assert_int_equal(cc_back.user_icon, 0x0700);
    CC_TRUNCATED(zwh_zwaveplus_info_report_decode, zwh_zwaveplus_info_report_t, want, sizeof want);
    cc_assert_format(want, sizeof want,
                     "ZWavePlusInfo.Report version=2 role=always-on-end-node node_type=node installer_icon=0x0700 "
                     "user_icon=0x0700");
    const uint8_t odd[] = {0x5E, 0x02, 0x01, 0x20, 0x07, 0xFF, 0xFF, 0x00, 0x01};
    cc_assert_format(odd, sizeof odd,
                     "ZWavePlusInfo.Report version=1 role=0x20 node_type=reserved installer_icon=0xffff "
                     "user_icon=0x0001");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_and_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
