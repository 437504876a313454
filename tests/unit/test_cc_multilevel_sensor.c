/* Multilevel Sensor CC v11 codec. Seed 004's multisensor article (EZMultiPli:
 * temperature and light level reports, TempAdj in 1/10 °F) gives the
 * readings; the bytes follow the Multilevel Sensor CC specification layout:
 * type, precision (7..5) | scale (4..3) | size (2..0), signed value. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

#define REPORT_BYTES(in, want)                                                                               \
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_report_encode, zwh_multilevel_sensor_report_decode,                \
                    zwh_multilevel_sensor_report_t, in, want, sizeof want)

static void multisensor_reports(void **state)
{
    (void)state;
    zwh_multilevel_sensor_report_t r;
    /* 72.5 °F: precision 1, scale 1 (°F), size 2 -> 0x2A, 725 = 0x02D5 */
    const uint8_t temp_f[] = {0x31, 0x05, 0x01, 0x2A, 0x02, 0xD5};
    assert_int_equal(zwh_multilevel_sensor_report_decode(temp_f, sizeof temp_f, &r), 0);
    assert_int_equal(r.sensor_type, ZWH_SENSOR_AIR_TEMPERATURE);
    assert_int_equal(r.scale, 1);
    assert_int_equal(r.precision, 1);
    assert_int_equal(r.size, 2);
    assert_int_equal(r.value, 725);
    assert_true(zwh_cc_value_to_double(r.value, r.precision) == 72.5);
    REPORT_BYTES(&r, temp_f);
    ZWH_CHECK_PREFIXES(zwh_multilevel_sensor_report_decode, zwh_multilevel_sensor_report_t, temp_f, sizeof temp_f,
                       sizeof temp_f);
    /* -5.5 °C (a freezer): signed 2 bytes -55 = 0xFFC9 */
    const uint8_t temp_c[] = {0x31, 0x05, 0x01, 0x22, 0xFF, 0xC9};
    zwh_multilevel_sensor_report_t cold = {.sensor_type = 1, .precision = 1, .scale = 0, .size = 2, .value = -55};
    REPORT_BYTES(&cold, temp_c);
    /* light level 50 % (scale 0, 1 byte) and 1200 lux (scale 1, 2 bytes) */
    const uint8_t lum_pct[] = {0x31, 0x05, 0x03, 0x01, 0x32};
    zwh_multilevel_sensor_report_t pct = {.sensor_type = ZWH_SENSOR_ILLUMINANCE, .size = 1, .value = 50};
    REPORT_BYTES(&pct, lum_pct);
    const uint8_t lum_lux[] = {0x31, 0x05, 0x03, 0x0A, 0x04, 0xB0};
    zwh_multilevel_sensor_report_t lux = {.sensor_type = ZWH_SENSOR_ILLUMINANCE, .scale = 1, .size = 2,
                                          .value = 1200};
    REPORT_BYTES(&lux, lum_lux);
    /* 45.3 % humidity, 1 byte cannot hold 453: 2 bytes */
    const uint8_t hum[] = {0x31, 0x05, 0x05, 0x22, 0x01, 0xC5};
    zwh_multilevel_sensor_report_t h = {.sensor_type = ZWH_SENSOR_HUMIDITY, .precision = 1, .size = 2, .value = 453};
    REPORT_BYTES(&h, hum);
    /* power, 4 bytes, precision 3, extremes */
    const uint8_t pmax[] = {0x31, 0x05, 0x04, 0x64, 0x7F, 0xFF, 0xFF, 0xFF};
    zwh_multilevel_sensor_report_t p = {.sensor_type = ZWH_SENSOR_POWER, .precision = 3, .size = 4,
                                        .value = INT32_MAX};
    REPORT_BYTES(&p, pmax);
    const uint8_t pmin[] = {0x31, 0x05, 0x04, 0x64, 0x80, 0x00, 0x00, 0x00};
    p.value = INT32_MIN;
    REPORT_BYTES(&p, pmin);
    /* 1-byte extremes and precision 7 */
    const uint8_t b1[] = {0x31, 0x05, 0x02, 0xF9, 0x80};
    zwh_multilevel_sensor_report_t g = {.sensor_type = 2, .precision = 7, .scale = 3, .size = 1, .value = -128};
    REPORT_BYTES(&g, b1);

    uint8_t out[16];
    g.value = 128;
    assert_int_equal(zwh_multilevel_sensor_report_encode(&g, out, sizeof out), ZWH_EINVAL);
    g.value = 0;
    g.scale = 4;
    assert_int_equal(zwh_multilevel_sensor_report_encode(&g, out, sizeof out), ZWH_EINVAL);
    g.scale = 0;
    g.size = 3;
    assert_int_equal(zwh_multilevel_sensor_report_encode(&g, out, sizeof out), ZWH_EINVAL);
    g.size = 2;
    g.precision = 8;
    assert_int_equal(zwh_multilevel_sensor_report_encode(&g, out, sizeof out), ZWH_EINVAL);
    const uint8_t size0[] = {0x31, 0x05, 0x01, 0x20};
    assert_int_equal(zwh_multilevel_sensor_report_decode(size0, sizeof size0, &r), ZWH_EBADMSG);
    const uint8_t size4_short[] = {0x31, 0x05, 0x01, 0x04, 0x00, 0x00, 0x01};
    assert_int_equal(zwh_multilevel_sensor_report_decode(size4_short, sizeof size4_short, &r), ZWH_EBADMSG);
}

static void get_and_supported(void **state)
{
    (void)state;
    zwh_multilevel_sensor_get_t g = {0};
    const uint8_t v1[] = {0x31, 0x04};
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_get_encode, zwh_multilevel_sensor_get_decode, zwh_multilevel_sensor_get_t,
                    &g, v1, 2);
    zwh_multilevel_sensor_get_t lux = {.has_type = 1, .sensor_type = ZWH_SENSOR_ILLUMINANCE, .scale = 1};
    const uint8_t v5[] = {0x31, 0x04, 0x03, 0x08};
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_get_encode, zwh_multilevel_sensor_get_decode, zwh_multilevel_sensor_get_t,
                    &lux, v5, 4);
    ZWH_CHECK_PREFIXES(zwh_multilevel_sensor_get_decode, zwh_multilevel_sensor_get_t, v5, 4, 2);
    assert_int_equal(zwh_multilevel_sensor_get_decode(v5, 3, &g), ZWH_EBADMSG); /* type without scale */
    uint8_t out[40];
    lux.scale = 4;
    assert_int_equal(zwh_multilevel_sensor_get_encode(&lux, out, sizeof out), ZWH_EINVAL);

    assert_int_equal(zwh_multilevel_sensor_supported_sensor_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x01);
    /* temperature (1), luminance (3): bits 0 and 2 of byte 1; ultraviolet (27): byte 4 bit 2 */
    zwh_multilevel_sensor_supported_report_t s = {.mask_len = 4, .mask = {0x05, 0x00, 0x00, 0x04}};
    const uint8_t sup[] = {0x31, 0x02, 0x05, 0x00, 0x00, 0x04};
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_supported_sensor_report_encode,
                    zwh_multilevel_sensor_supported_sensor_report_decode, zwh_multilevel_sensor_supported_report_t,
                    &s, sup, sizeof sup);
    ZWH_CHECK_PREFIXES(zwh_multilevel_sensor_supported_sensor_report_decode, zwh_multilevel_sensor_supported_report_t,
                       sup, sizeof sup, 3);
    zwh_multilevel_sensor_supported_report_t back;
    assert_int_equal(zwh_multilevel_sensor_supported_sensor_report_decode(sup, sizeof sup, &back), 0);
    assert_true(zwh_cc_bitmask_has(back.mask, back.mask_len, ZWH_SENSOR_AIR_TEMPERATURE - 1));
    assert_false(zwh_cc_bitmask_has(back.mask, back.mask_len, ZWH_SENSOR_GENERAL_PURPOSE - 1));
    assert_true(zwh_cc_bitmask_has(back.mask, back.mask_len, ZWH_SENSOR_ULTRAVIOLET - 1));
    assert_false(zwh_cc_bitmask_has(back.mask, back.mask_len, 200));
    /* longest mask kept: 32 bytes; more bytes are ignored */
    uint8_t longmask[2 + 40];
    longmask[0] = 0x31;
    longmask[1] = 0x02;
    memset(longmask + 2, 0xFF, 40);
    assert_int_equal(zwh_multilevel_sensor_supported_sensor_report_decode(longmask, sizeof longmask, &back), 0);
    assert_int_equal(back.mask_len, ZWH_MULTILEVEL_SENSOR_MASK_MAX);
    s.mask_len = 0;
    assert_int_equal(zwh_multilevel_sensor_supported_sensor_report_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.mask_len = ZWH_MULTILEVEL_SENSOR_MASK_MAX + 1;
    assert_int_equal(zwh_multilevel_sensor_supported_sensor_report_encode(&s, out, sizeof out), ZWH_EINVAL);

    zwh_multilevel_sensor_supported_scale_get_t sg = {.sensor_type = ZWH_SENSOR_AIR_TEMPERATURE};
    const uint8_t sgb[] = {0x31, 0x03, 0x01};
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_supported_scale_get_encode, zwh_multilevel_sensor_supported_scale_get_decode,
                    zwh_multilevel_sensor_supported_scale_get_t, &sg, sgb, 3);
    zwh_multilevel_sensor_supported_scale_report_t sr = {.sensor_type = 1, .scales = 0x03};
    const uint8_t srb[] = {0x31, 0x06, 0x01, 0x03};
    ZWH_CHECK_BYTES(zwh_multilevel_sensor_supported_scale_report_encode,
                    zwh_multilevel_sensor_supported_scale_report_decode, zwh_multilevel_sensor_supported_scale_report_t,
                    &sr, srb, 4);
    ZWH_CHECK_PREFIXES(zwh_multilevel_sensor_supported_scale_report_decode,
                       zwh_multilevel_sensor_supported_scale_report_t, srb, 4, 4);
    sr.scales = 0x10;
    assert_int_equal(zwh_multilevel_sensor_supported_scale_report_encode(&sr, out, sizeof out), ZWH_EINVAL);
}

static void names_and_formatter(void **state)
{
    (void)state;
    assert_string_equal(zwh_multilevel_sensor_get_type_name(1), "air_temperature");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(1, 0), "\xc2\xb0" "C");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(1, 1), "\xc2\xb0" "F");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(3, 1), "lux");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(3, 0), "%");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(4, 0), "W");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(4, 1), "Btu/h");
    assert_string_equal(zwh_multilevel_sensor_get_scale_name(5, 1), "g/m\xc2\xb3");
    assert_string_equal(zwh_multilevel_sensor_get_type_name(0x58), "person_counter_exiting");
    assert_null(zwh_multilevel_sensor_get_type_name(0));
    assert_null(zwh_multilevel_sensor_get_type_name(0x59));
    assert_null(zwh_multilevel_sensor_get_type_name(0xFF));
    assert_null(zwh_multilevel_sensor_get_scale_name(1, 2));
    assert_null(zwh_multilevel_sensor_get_scale_name(1, 4));
    /* every named type has a first scale */
    for (unsigned t = 0; t < 256; t++)
        if (zwh_multilevel_sensor_get_type_name((uint8_t)t))
            assert_non_null(zwh_multilevel_sensor_get_scale_name((uint8_t)t, 0));

    char line[160];
    const uint8_t temp_f[] = {0x31, 0x05, 0x01, 0x2A, 0x02, 0xD5};
    zwh_cc_format(temp_f, sizeof temp_f, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.Report type=air_temperature scale=\xc2\xb0" "F value=72.5");
    const uint8_t cold[] = {0x31, 0x05, 0x01, 0x22, 0xFF, 0xC9};
    zwh_cc_format(cold, sizeof cold, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.Report type=air_temperature scale=\xc2\xb0" "C value=-5.5");
    const uint8_t sup[] = {0x31, 0x02, 0x05, 0x00, 0x00, 0x04};
    zwh_cc_format(sup, sizeof sup, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.SupportedSensorReport types=air_temperature,illuminance,ultraviolet");
    const uint8_t sr[] = {0x31, 0x06, 0x03, 0x03};
    zwh_cc_format(sr, sizeof sr, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.SupportedScaleReport type=illuminance scales=%,lux");
    const uint8_t get[] = {0x31, 0x04, 0x03, 0x08};
    zwh_cc_format(get, sizeof get, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.Get type=illuminance scale=lux");
    const uint8_t unknown[] = {0x31, 0x05, 0xEE, 0x01, 0x07};
    zwh_cc_format(unknown, sizeof unknown, line, sizeof line);
    assert_string_equal(line, "MultilevelSensor.Report type=238 scale=0 value=7");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multisensor_reports),
        cmocka_unit_test(get_and_supported),
        cmocka_unit_test(names_and_formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
