/* Wake Up CC v2 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void interval(void **state)
{
    (void)state;
    {
        zwh_wake_up_interval_set_t s = {.seconds = 3600, .node_id = 1};
        const uint8_t want[] = {0x84, 0x04, 0x00, 0x0E, 0x10, 0x01};
        CC_ROUND_TRIP(zwh_wake_up_interval_set_encode, zwh_wake_up_interval_set_decode, zwh_wake_up_interval_set_t,
                      &s, want);
        assert_int_equal(cc_back.seconds, 3600);
        assert_int_equal(cc_back.node_id, 1);
        CC_TRUNCATED(zwh_wake_up_interval_set_decode, zwh_wake_up_interval_set_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "WakeUp.IntervalSet interval=3600s node=1");
    }
    {
        /* the largest 24-bit interval; a report may name no node yet */
        zwh_wake_up_interval_report_t r = {.seconds = ZWH_WAKE_UP_MAX_SECONDS, .node_id = 0};
        const uint8_t want[] = {0x84, 0x06, 0xFF, 0xFF, 0xFF, 0x00};
        CC_ROUND_TRIP(zwh_wake_up_interval_report_encode, zwh_wake_up_interval_report_decode,
                      zwh_wake_up_interval_report_t, &r, want);
        assert_int_equal(cc_back.seconds, 0xFFFFFF);
        cc_assert_format(want, sizeof want, "WakeUp.IntervalReport interval=16777215s node=0");
    }
    zwh_wake_up_interval_set_t s = {.seconds = 0x1000000, .node_id = 1};
    CC_REFUSES(zwh_wake_up_interval_set_encode, &s);
    s.seconds = 0;
    s.node_id = 0;
    CC_REFUSES(zwh_wake_up_interval_set_encode, &s);
    s.node_id = 233;
    CC_REFUSES(zwh_wake_up_interval_set_encode, &s);
    s.node_id = 232;
    uint8_t out[8];
    assert_int_equal(zwh_wake_up_interval_set_encode(&s, out, sizeof out), 6);
}

static void notifications(void **state)
{
    (void)state;
    uint8_t out[4];
    static const struct {
        int (*enc)(uint8_t *, size_t);
        uint8_t cmd;
        const char *line;
    } cases[] = {
        {zwh_wake_up_interval_get_encode, 0x05, "WakeUp.IntervalGet"},
        {zwh_wake_up_notification_encode, 0x07, "WakeUp.Notification"},
        {zwh_wake_up_no_more_information_encode, 0x08, "WakeUp.NoMoreInformation"},
        {zwh_wake_up_interval_capabilities_get_encode, 0x09, "WakeUp.IntervalCapabilitiesGet"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        assert_int_equal(cases[i].enc(out, sizeof out), 2);
        assert_int_equal(out[0], 0x84);
        assert_int_equal(out[1], cases[i].cmd);
        assert_int_equal(cases[i].enc(out, 1), ZWH_EMSGSIZE);
        cc_assert_format(out, 2, cases[i].line);
    }
}

static void capabilities(void **state)
{
    (void)state;
    {
        zwh_wake_up_interval_capabilities_report_t r = {.min_seconds = 300, .max_seconds = 86400,
                                                        .default_seconds = 3600, .step_seconds = 60, .has_v3 = 1,
                                                        .on_demand = 1};
        const uint8_t want[] = {0x84, 0x0A, 0x00, 0x01, 0x2C, 0x01, 0x51, 0x80,
                                0x00, 0x0E, 0x10, 0x00, 0x00, 0x3C, 0x01};
        CC_ROUND_TRIP(zwh_wake_up_interval_capabilities_report_encode,
                      zwh_wake_up_interval_capabilities_report_decode, zwh_wake_up_interval_capabilities_report_t,
                      &r, want);
        assert_int_equal(cc_back.max_seconds, 86400);
        assert_int_equal(cc_back.on_demand, 1);
        CC_TRUNCATED(zwh_wake_up_interval_capabilities_report_decode, zwh_wake_up_interval_capabilities_report_t,
                     want, 14);
        cc_assert_format(want, sizeof want,
                         "WakeUp.IntervalCapabilitiesReport min=300s max=86400s default=3600s step=60s on-demand");
        /* the v2 form stops before the on-demand byte */
        zwh_wake_up_interval_capabilities_report_t v2;
        assert_int_equal(zwh_wake_up_interval_capabilities_report_decode(want, 14, &v2), 0);
        assert_int_equal(v2.has_v3, 0);
        assert_int_equal(v2.step_seconds, 60);
        r.step_seconds = 0x1000000;
        CC_REFUSES(zwh_wake_up_interval_capabilities_report_encode, &r);
        r.step_seconds = 60;
        r.has_v3 = 0; /* on_demand needs the v3 byte */
        CC_REFUSES(zwh_wake_up_interval_capabilities_report_encode, &r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(interval),
        cmocka_unit_test(notifications),
        cmocka_unit_test(capabilities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
