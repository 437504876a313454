/* Binary Sensor CC v2 codec. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

static void get_report(void **state)
{
    (void)state;
    zwh_binary_sensor_get_t v1 = {0};
    const uint8_t g1[] = {0x30, 0x02};
    ZWH_CHECK_BYTES(zwh_binary_sensor_get_encode, zwh_binary_sensor_get_decode, zwh_binary_sensor_get_t, &v1, g1, 2);
    zwh_binary_sensor_get_t motion = {.has_type = 1, .sensor_type = ZWH_BINARY_SENSOR_MOTION};
    const uint8_t g2[] = {0x30, 0x02, 0x0C};
    ZWH_CHECK_BYTES(zwh_binary_sensor_get_encode, zwh_binary_sensor_get_decode, zwh_binary_sensor_get_t, &motion, g2,
                    3);

    zwh_binary_sensor_report_t r1 = {.value = 0xFF};
    const uint8_t b1[] = {0x30, 0x03, 0xFF};
    ZWH_CHECK_BYTES(zwh_binary_sensor_report_encode, zwh_binary_sensor_report_decode, zwh_binary_sensor_report_t, &r1,
                    b1, 3);
    zwh_binary_sensor_report_t r2 = {.value = 0x00, .has_type = 1, .sensor_type = ZWH_BINARY_SENSOR_DOOR_WINDOW};
    const uint8_t b2[] = {0x30, 0x03, 0x00, 0x0A};
    ZWH_CHECK_BYTES(zwh_binary_sensor_report_encode, zwh_binary_sensor_report_decode, zwh_binary_sensor_report_t, &r2,
                    b2, 4);
    ZWH_CHECK_PREFIXES(zwh_binary_sensor_report_decode, zwh_binary_sensor_report_t, b2, 4, 3);
    uint8_t out[8];
    r2.value = 0x01;
    assert_int_equal(zwh_binary_sensor_report_encode(&r2, out, sizeof out), ZWH_EINVAL);
}

static void supported(void **state)
{
    (void)state;
    uint8_t out[40];
    assert_int_equal(zwh_binary_sensor_supported_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x01);
    /* tamper (8) and motion (12): here bit n = type n, so byte 2 bits 0 and 4 */
    zwh_binary_sensor_supported_report_t s = {.mask_len = 2, .mask = {0x00, 0x11}};
    const uint8_t b[] = {0x30, 0x04, 0x00, 0x11};
    ZWH_CHECK_BYTES(zwh_binary_sensor_supported_report_encode, zwh_binary_sensor_supported_report_decode,
                    zwh_binary_sensor_supported_report_t, &s, b, 4);
    ZWH_CHECK_PREFIXES(zwh_binary_sensor_supported_report_decode, zwh_binary_sensor_supported_report_t, b, 4, 3);
    assert_true(zwh_cc_bitmask_has(s.mask, s.mask_len, ZWH_BINARY_SENSOR_TAMPER));
    assert_true(zwh_cc_bitmask_has(s.mask, s.mask_len, ZWH_BINARY_SENSOR_MOTION));
    assert_false(zwh_cc_bitmask_has(s.mask, s.mask_len, ZWH_BINARY_SENSOR_SMOKE));
    s.mask_len = 0;
    assert_int_equal(zwh_binary_sensor_supported_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.mask_len = ZWH_BINARY_SENSOR_MASK_MAX;
    memset(s.mask, 0xFF, sizeof s.mask);
    int n = zwh_binary_sensor_supported_report_encode(&s, out, sizeof out);
    assert_int_equal(n, 2 + ZWH_BINARY_SENSOR_MASK_MAX);
    zwh_binary_sensor_supported_report_t back;
    assert_int_equal(zwh_binary_sensor_supported_report_decode(out, (size_t)n, &back), 0);
    assert_memory_equal(&back, &s, sizeof s);
}

static void formatter(void **state)
{
    (void)state;
    char line[128];
    const uint8_t r[] = {0x30, 0x03, 0xFF, 0x0C};
    zwh_cc_format(r, sizeof r, line, sizeof line);
    assert_string_equal(line, "BinarySensor.Report type=motion value=detected");
    const uint8_t s[] = {0x30, 0x04, 0x00, 0x11};
    zwh_cc_format(s, sizeof s, line, sizeof line);
    assert_string_equal(line, "BinarySensor.SupportedReport types=tamper,motion");
    const uint8_t g[] = {0x30, 0x02, 0xFF};
    zwh_cc_format(g, sizeof g, line, sizeof line);
    assert_string_equal(line, "BinarySensor.Get type=any");
    assert_string_equal(zwh_binary_sensor_get_type_name(ZWH_BINARY_SENSOR_GLASS_BREAK), "glass_break");
    assert_null(zwh_binary_sensor_get_type_name(0));
    assert_null(zwh_binary_sensor_get_type_name(0x0E));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(get_report),
        cmocka_unit_test(supported),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
