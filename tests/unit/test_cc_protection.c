/* Protection CC v2 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void state_set_report(void **state)
{
    (void)state;
    {
        zwh_protection_set_t s = {.local_state = ZWH_PROTECTION_LOCAL_NO_OPERATION, .has_rf = 1,
                                  .rf_state = ZWH_PROTECTION_RF_NO_CONTROL};
        const uint8_t want[] = {0x75, 0x01, 0x02, 0x01};
        CC_ROUND_TRIP(zwh_protection_set_encode, zwh_protection_set_decode, zwh_protection_set_t, &s, want);
        assert_int_equal(cc_back.rf_state, 1);
        CC_TRUNCATED(zwh_protection_set_decode, zwh_protection_set_t, want, 3);
        cc_assert_format(want, sizeof want, "Protection.Set local=no-operation rf=no-control");
        s.local_state = 3;
        CC_REFUSES(zwh_protection_set_encode, &s);
        s.local_state = 0;
        s.rf_state = 3;
        CC_REFUSES(zwh_protection_set_encode, &s);
    }
    {
        /* V1 report: local state only */
        zwh_protection_report_t r = {.local_state = ZWH_PROTECTION_LOCAL_SEQUENCE};
        const uint8_t want[] = {0x75, 0x03, 0x01};
        CC_ROUND_TRIP(zwh_protection_report_encode, zwh_protection_report_decode, zwh_protection_report_t, &r, want);
        assert_int_equal(cc_back.has_rf, 0);
        cc_assert_format(want, sizeof want, "Protection.Report local=sequence");
    }
    uint8_t out[4];
    assert_int_equal(zwh_protection_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x02);
}

static void supported(void **state)
{
    (void)state;
    uint8_t out[8];
    assert_int_equal(zwh_protection_supported_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x04);
    zwh_protection_supported_report_t r = {.timeout = 1, .exclusive_control = 1, .local_states = 0x0007,
                                           .rf_states = 0x0007};
    const uint8_t want[] = {0x75, 0x05, 0x03, 0x07, 0x00, 0x07, 0x00};
    CC_ROUND_TRIP(zwh_protection_supported_report_encode, zwh_protection_supported_report_decode,
                  zwh_protection_supported_report_t, &r, want);
    assert_int_equal(cc_back.local_states, 7);
    CC_TRUNCATED(zwh_protection_supported_report_decode, zwh_protection_supported_report_t, want, sizeof want);
    cc_assert_format(want, sizeof want, "Protection.SupportedReport local=0x0007 rf=0x0007 timeout exclusive-control");
    /* the second mask byte holds states 8..15 */
    r = (zwh_protection_supported_report_t){.local_states = 0x8001, .rf_states = 0x0100};
    assert_int_equal(zwh_protection_supported_report_encode(&r, out, sizeof out), 7);
    const uint8_t hi[] = {0x75, 0x05, 0x00, 0x01, 0x80, 0x00, 0x01};
    assert_memory_equal(out, hi, sizeof hi);
    r.timeout = 2;
    CC_REFUSES(zwh_protection_supported_report_encode, &r);
}

static void exclusive_control_and_timeout(void **state)
{
    (void)state;
    {
        zwh_protection_exclusive_control_set_t s = {.node_id = 1};
        const uint8_t want[] = {0x75, 0x06, 0x01};
        CC_ROUND_TRIP(zwh_protection_exclusive_control_set_encode, zwh_protection_exclusive_control_set_decode,
                      zwh_protection_exclusive_control_set_t, &s, want);
        cc_assert_format(want, sizeof want, "Protection.ExclusiveControlSet node=1");
        s.node_id = 233;
        CC_REFUSES(zwh_protection_exclusive_control_set_encode, &s);
        zwh_protection_exclusive_control_report_t r = {.node_id = 0};
        const uint8_t rep[] = {0x75, 0x08, 0x00};
        {
        CC_ROUND_TRIP_INTO(zwh_protection_exclusive_control_report_encode,
                           zwh_protection_exclusive_control_report_decode, &r, rep);
        }
        CC_TRUNCATED(zwh_protection_exclusive_control_report_decode, zwh_protection_exclusive_control_report_t, rep,
                     3);
    }
    uint8_t out[4];
    assert_int_equal(zwh_protection_exclusive_control_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x07);
    assert_int_equal(zwh_protection_timeout_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x0A);
    {
        zwh_protection_timeout_set_t t = {.timeout = 0x41};
        const uint8_t want[] = {0x75, 0x09, 0x41};
        CC_ROUND_TRIP(zwh_protection_timeout_set_encode, zwh_protection_timeout_set_decode,
                      zwh_protection_timeout_set_t, &t, want);
        cc_assert_format(want, sizeof want, "Protection.TimeoutSet timeout=2min");
        zwh_protection_timeout_report_t r = {.timeout = ZWH_PROTECTION_TIMEOUT_INFINITE};
        const uint8_t rep[] = {0x75, 0x0B, 0xFF};
        {
        CC_ROUND_TRIP_INTO(zwh_protection_timeout_report_encode, zwh_protection_timeout_report_decode, &r, rep);
        }
        cc_assert_format(rep, sizeof rep, "Protection.TimeoutReport timeout=infinite");
        const uint8_t s60[] = {0x75, 0x0B, 0x3C};
        cc_assert_format(s60, sizeof s60, "Protection.TimeoutReport timeout=60s");
        const uint8_t m191[] = {0x75, 0x0B, 0xFE};
        cc_assert_format(m191, sizeof m191, "Protection.TimeoutReport timeout=191min");
        for (uint8_t v = 0x3D; v <= 0x40; v++) { /* reserved */
            t.timeout = v;
            CC_REFUSES(zwh_protection_timeout_set_encode, &t);
        }
        const uint8_t res[] = {0x75, 0x0B, 0x3E};
        cc_assert_format(res, sizeof res, "Protection.TimeoutReport timeout=reserved(0x3e)");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(state_set_report),
        cmocka_unit_test(supported),
        cmocka_unit_test(exclusive_control_and_timeout),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
