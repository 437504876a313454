/* Application Status CC v1 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void busy_and_rejected(void **state)
{
    (void)state;
    {
        zwh_application_status_busy_t b = {.status = ZWH_APPLICATION_BUSY_TRY_AFTER_WAIT, .wait_time = 10};
        const uint8_t want[] = {0x22, 0x01, 0x01, 0x0A};
        CC_ROUND_TRIP(zwh_application_status_busy_encode, zwh_application_status_busy_decode,
                      zwh_application_status_busy_t, &b, want);
        assert_int_equal(cc_back.wait_time, 10);
        CC_TRUNCATED(zwh_application_status_busy_decode, zwh_application_status_busy_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "ApplicationStatus.Busy status=try-after wait=10s");
        b.status = 3;
        CC_REFUSES(zwh_application_status_busy_encode, &b);
        const uint8_t queued[] = {0x22, 0x01, 0x02, 0x00};
        cc_assert_format(queued, sizeof queued, "ApplicationStatus.Busy status=queued");
    }
    {
        zwh_application_status_rejected_request_t r = {.status = 0};
        const uint8_t want[] = {0x22, 0x02, 0x00};
        CC_ROUND_TRIP(zwh_application_status_rejected_request_encode, zwh_application_status_rejected_request_decode,
                      zwh_application_status_rejected_request_t, &r, want);
        CC_TRUNCATED(zwh_application_status_rejected_request_decode, zwh_application_status_rejected_request_t, want,
                     sizeof want);
        cc_assert_format(want, sizeof want, "ApplicationStatus.RejectedRequest status=0");
        r.status = 1;
        CC_REFUSES(zwh_application_status_rejected_request_encode, &r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(busy_and_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
