/* Device Reset Locally CC v1 codec. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void notification(void **state)
{
    (void)state;
    uint8_t out[4];
    const uint8_t want[] = {0x5A, 0x01};
    assert_int_equal(zwh_device_reset_locally_notification_encode(out, sizeof out), 2);
    assert_memory_equal(out, want, 2);
    assert_int_equal(zwh_device_reset_locally_notification_encode(out, 1), ZWH_EMSGSIZE);
    assert_int_equal(zwh_device_reset_locally_notification_encode(NULL, 0), ZWH_EMSGSIZE);
    for (size_t n = 0; n < 2; n++) {
        uint8_t *b = cc_dup(want, n);
        assert_int_equal(zwh_device_reset_locally_notification_decode(n ? b : NULL, n), ZWH_EBADMSG);
        free(b);
    }
    uint8_t *b = cc_dup(want, 2);
    assert_int_equal(zwh_device_reset_locally_notification_decode(b, 2), 0);
    free(b);
    const uint8_t other[] = {0x5A, 0x02};
    assert_int_equal(zwh_device_reset_locally_notification_decode(other, 2), ZWH_EBADMSG);
    cc_assert_format(want, sizeof want, "DeviceResetLocally.Notification");
    assert_string_equal(zwh_cc_get_command_name(0x5A, 0x01), "Notification");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(notification),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
