/* Powerlevel CC v1 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void set_get_report(void **state)
{
    (void)state;
    {
        zwh_powerlevel_set_t s = {.power_level = 3, .timeout = 10};
        const uint8_t want[] = {0x73, 0x01, 0x03, 0x0A};
        CC_ROUND_TRIP(zwh_powerlevel_set_encode, zwh_powerlevel_set_decode, zwh_powerlevel_set_t, &s, want);
        CC_TRUNCATED(zwh_powerlevel_set_decode, zwh_powerlevel_set_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "Powerlevel.Set power=-3dBm timeout=10s");
    }
    {
        zwh_powerlevel_report_t r = {.power_level = ZWH_POWERLEVEL_NORMAL, .timeout = 0};
        const uint8_t want[] = {0x73, 0x03, 0x00, 0x00};
        CC_ROUND_TRIP(zwh_powerlevel_report_encode, zwh_powerlevel_report_decode, zwh_powerlevel_report_t, &r, want);
        cc_assert_format(want, sizeof want, "Powerlevel.Report power=normal timeout=0s");
    }
    uint8_t out[4];
    assert_int_equal(zwh_powerlevel_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x02);
    zwh_powerlevel_set_t s = {.power_level = 9, .timeout = 255};
    assert_int_equal(zwh_powerlevel_set_encode(&s, out, sizeof out), 4);
    s.power_level = 10;
    CC_REFUSES(zwh_powerlevel_set_encode, &s);
    s.power_level = 1;
    s.timeout = 0; /* a reduced level needs a timeout */
    CC_REFUSES(zwh_powerlevel_set_encode, &s);
}

static void test_node(void **state)
{
    (void)state;
    {
        zwh_powerlevel_test_node_set_t s = {.test_node_id = 5, .power_level = 0, .frame_count = 10};
        const uint8_t want[] = {0x73, 0x04, 0x05, 0x00, 0x00, 0x0A};
        CC_ROUND_TRIP(zwh_powerlevel_test_node_set_encode, zwh_powerlevel_test_node_set_decode,
                      zwh_powerlevel_test_node_set_t, &s, want);
        assert_int_equal(cc_back.frame_count, 10);
        CC_TRUNCATED(zwh_powerlevel_test_node_set_decode, zwh_powerlevel_test_node_set_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "Powerlevel.TestNodeSet node=5 power=normal frames=10");
        s.frame_count = 65535;
        s.test_node_id = 232;
        uint8_t out[8];
        assert_int_equal(zwh_powerlevel_test_node_set_encode(&s, out, sizeof out), 6);
        assert_int_equal(out[4], 0xFF);
        s.frame_count = 0;
        CC_REFUSES(zwh_powerlevel_test_node_set_encode, &s);
        s.frame_count = 1;
        s.test_node_id = 233;
        CC_REFUSES(zwh_powerlevel_test_node_set_encode, &s);
        s.test_node_id = 0;
        CC_REFUSES(zwh_powerlevel_test_node_set_encode, &s);
    }
    uint8_t out[4];
    assert_int_equal(zwh_powerlevel_test_node_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x05);
    {
        zwh_powerlevel_test_node_report_t r = {.test_node_id = 5, .status = ZWH_POWERLEVEL_TEST_SUCCESS,
                                               .ack_count = 10};
        const uint8_t want[] = {0x73, 0x06, 0x05, 0x01, 0x00, 0x0A};
        CC_ROUND_TRIP(zwh_powerlevel_test_node_report_encode, zwh_powerlevel_test_node_report_decode,
                      zwh_powerlevel_test_node_report_t, &r, want);
        assert_int_equal(cc_back.status, 1);
        cc_assert_format(want, sizeof want, "Powerlevel.TestNodeReport node=5 status=success acked=10");
        r.status = 3;
        CC_REFUSES(zwh_powerlevel_test_node_report_encode, &r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_get_report),
        cmocka_unit_test(test_node),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
