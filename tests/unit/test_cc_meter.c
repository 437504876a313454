/* Meter CC v6 codec. Seeds 000/001 (Zooz ZEN07/ZEN06, Meter v3: kWh, W, V,
 * A) and 002 (NIE n4003, Meter v5) are the devices; the bytes below are
 * worked out by hand from the Meter CC specification layout:
 *   byte 0: scale bit 2 (7) | rate type (6..5) | meter type (4..0)
 *   byte 1: precision (7..5) | scale bits 1..0 (4..3) | size (2..0)
 *   value (size bytes, signed) [delta time (2)] [previous value] [scale2] */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

#define REPORT_BYTES(in, want) \
    ZWH_CHECK_BYTES(zwh_meter_report_encode, zwh_meter_report_decode, zwh_meter_report_t, in, want, sizeof want)

static void report_plug_readings(void **state)
{
    (void)state;
    zwh_meter_report_t r;
    /* 1.25 kWh consumed, previous 1.20 kWh 300 s ago (precision 2, 4 bytes) */
    const uint8_t kwh[] = {0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x7D, 0x01, 0x2C, 0x00, 0x00, 0x00, 0x78};
    zwh_meter_report_t in_kwh = {.meter_type = ZWH_METER_ELECTRIC, .rate_type = ZWH_METER_RATE_IMPORT,
                                 .scale = ZWH_METER_ELECTRIC_KWH, .precision = 2, .size = 4, .value = 125,
                                 .has_delta = 1, .delta_time = 300, .has_previous = 1, .previous_value = 120};
    REPORT_BYTES(&in_kwh, kwh);
    assert_int_equal(zwh_meter_report_decode(kwh, sizeof kwh, &r), 0);
    assert_int_equal(r.value, 125);
    assert_int_equal(r.precision, 2);
    assert_true(zwh_cc_value_to_double(r.value, r.precision) == 1.25);
    assert_true(zwh_cc_value_to_double(r.previous_value, r.precision) == 1.20);
    ZWH_CHECK_PREFIXES(zwh_meter_report_decode, zwh_meter_report_t, kwh, sizeof kwh, 8);

    /* 2.5 W, delta 0 (so no previous value) */
    const uint8_t w[] = {0x32, 0x02, 0x21, 0x32, 0x00, 0x19, 0x00, 0x00};
    zwh_meter_report_t in_w = {.meter_type = 1, .rate_type = 1, .scale = ZWH_METER_ELECTRIC_W, .precision = 1,
                               .size = 2, .value = 25, .has_delta = 1};
    REPORT_BYTES(&in_w, w);

    /* 120.3 V: scale 4 = 0b100, so bit 2 goes to byte 0 bit 7 (V3+) */
    const uint8_t v[] = {0x32, 0x02, 0xA1, 0x22, 0x04, 0xB3, 0x00, 0x05, 0x04, 0xB1};
    zwh_meter_report_t in_v = {.meter_type = 1, .rate_type = 1, .scale = ZWH_METER_ELECTRIC_V, .precision = 1,
                               .size = 2, .value = 1203, .has_delta = 1, .delta_time = 5, .has_previous = 1,
                               .previous_value = 1201};
    REPORT_BYTES(&in_v, v);

    /* 0.35 A, V1 length (no delta): scale 5 = 0b101 */
    const uint8_t a[] = {0x32, 0x02, 0xA1, 0x49, 0x23};
    assert_int_equal(zwh_meter_report_decode(a, sizeof a, &r), 0);
    assert_int_equal(r.scale, ZWH_METER_ELECTRIC_A);
    assert_int_equal(r.has_delta, 0);
    assert_int_equal(r.value, 35);
    zwh_meter_report_t in_a = {.meter_type = 1, .rate_type = 1, .scale = 5, .precision = 2, .size = 1, .value = 35};
    REPORT_BYTES(&in_a, a);
}

static void report_scale2_sign_and_limits(void **state)
{
    (void)state;
    zwh_meter_report_t r;
    /* 123.4 kVarh: scale 7 (bit 2 in byte 0, bits 1..0 = 11), scale2 = 1 at the end (V4+) */
    const uint8_t kvarh[] = {0x32, 0x02, 0xA1, 0x3A, 0x04, 0xD2, 0x00, 0x00, 0x01};
    zwh_meter_report_t in = {.meter_type = 1, .rate_type = 1, .scale = 7, .scale2 = ZWH_METER_ELECTRIC_KVARH_SCALE2,
                             .precision = 1, .size = 2, .value = 1234, .has_delta = 1};
    REPORT_BYTES(&in, kvarh);
    ZWH_CHECK_PREFIXES(zwh_meter_report_decode, zwh_meter_report_t, kvarh, sizeof kvarh, 7);
    /* scale 7 without its scale2 byte is malformed */
    const uint8_t no_scale2[] = {0x32, 0x02, 0xA1, 0x39, 0x05};
    assert_int_equal(zwh_meter_report_decode(no_scale2, sizeof no_scale2, &r), ZWH_EBADMSG);
    /* scale 7 with delta != 0 and previous value: previous comes before scale2 */
    const uint8_t prev_s2[] = {0x32, 0x02, 0xA1, 0x39, 0x05, 0x00, 0x3C, 0x04, 0x00};
    assert_int_equal(zwh_meter_report_decode(prev_s2, sizeof prev_s2, &r), 0);
    assert_int_equal(r.has_previous, 1);
    assert_int_equal(r.previous_value, 4);
    assert_int_equal(r.scale2, ZWH_METER_ELECTRIC_KVAR_SCALE2);
    REPORT_BYTES(&r, prev_s2);

    /* exported power is negative in some meters: -500 W, 2 bytes */
    const uint8_t neg[] = {0x32, 0x02, 0x41, 0x12, 0xFE, 0x0C};
    assert_int_equal(zwh_meter_report_decode(neg, sizeof neg, &r), 0);
    assert_int_equal(r.rate_type, ZWH_METER_RATE_EXPORT);
    assert_int_equal(r.value, -500);
    REPORT_BYTES(&r, neg);

    /* the largest and smallest 4-byte values, gas m³ precision 3 */
    const uint8_t gmax[] = {0x32, 0x02, 0x22, 0x64, 0x7F, 0xFF, 0xFF, 0xFF};
    zwh_meter_report_t big = {.meter_type = ZWH_METER_GAS, .rate_type = 1, .scale = ZWH_METER_GAS_M3,
                              .precision = 3, .size = 4, .value = INT32_MAX};
    REPORT_BYTES(&big, gmax);
    const uint8_t gmin[] = {0x32, 0x02, 0x22, 0x64, 0x80, 0x00, 0x00, 0x00};
    big.value = INT32_MIN;
    REPORT_BYTES(&big, gmin);
    assert_true(zwh_cc_value_to_double(INT32_MAX, 3) == 2147483.647);

    /* sizes other than 1, 2, 4 are malformed */
    const uint8_t size3[] = {0x32, 0x02, 0x21, 0x03, 0x00, 0x00, 0x01};
    const uint8_t size0[] = {0x32, 0x02, 0x21, 0x00};
    assert_int_equal(zwh_meter_report_decode(size3, sizeof size3, &r), ZWH_EBADMSG);
    assert_int_equal(zwh_meter_report_decode(size0, sizeof size0, &r), ZWH_EBADMSG);

    uint8_t out[32];
    zwh_meter_report_t bad = {.meter_type = 1, .scale = 0, .precision = 0, .size = 1, .value = 128};
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL); /* does not fit 1 byte */
    bad.value = -128;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), 5);
    bad.size = 3;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.size = 2;
    bad.precision = 8;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.precision = 0;
    bad.meter_type = 0x20;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.meter_type = 1;
    bad.has_previous = 1; /* a previous value needs a non-zero delta time */
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.has_delta = 1;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad.delta_time = 65535;
    assert_int_equal(zwh_meter_report_encode(&bad, out, sizeof out), 10); /* 2 + 2 + value 2 + delta 2 + previous 2 */
}

static void get(void **state)
{
    (void)state;
    zwh_meter_get_t g = {0};
    const uint8_t v1[] = {0x32, 0x01};
    ZWH_CHECK_BYTES(zwh_meter_get_encode, zwh_meter_get_decode, zwh_meter_get_t, &g, v1, 2);
    zwh_meter_get_t w = {.has_scale = 1, .scale = ZWH_METER_ELECTRIC_W};
    const uint8_t v2[] = {0x32, 0x01, 0x10};
    ZWH_CHECK_BYTES(zwh_meter_get_encode, zwh_meter_get_decode, zwh_meter_get_t, &w, v2, 3);
    zwh_meter_get_t imp = {.has_scale = 1, .rate_type = ZWH_METER_RATE_IMPORT, .scale = ZWH_METER_ELECTRIC_KWH};
    const uint8_t v4[] = {0x32, 0x01, 0x40};
    ZWH_CHECK_BYTES(zwh_meter_get_encode, zwh_meter_get_decode, zwh_meter_get_t, &imp, v4, 3);
    /* export kVarh: rate 2 (bits 7..6), scale 7 (bits 5..3), scale2 1 */
    zwh_meter_get_t kvarh = {.has_scale = 1, .rate_type = ZWH_METER_RATE_EXPORT, .scale = 7, .scale2 = 1};
    const uint8_t v6[] = {0x32, 0x01, 0xB8, 0x01};
    ZWH_CHECK_BYTES(zwh_meter_get_encode, zwh_meter_get_decode, zwh_meter_get_t, &kvarh, v6, 4);
    ZWH_CHECK_PREFIXES(zwh_meter_get_decode, zwh_meter_get_t, v6, 4, 2);
    assert_int_equal(zwh_meter_get_decode(v6, 3, &g), ZWH_EBADMSG); /* scale 7 needs scale2 */
    uint8_t out[8];
    kvarh.scale = 8;
    assert_int_equal(zwh_meter_get_encode(&kvarh, out, sizeof out), ZWH_EINVAL);
    kvarh.scale = 7;
    kvarh.rate_type = 4;
    assert_int_equal(zwh_meter_get_encode(&kvarh, out, sizeof out), ZWH_EINVAL);
}

static void supported(void **state)
{
    (void)state;
    uint8_t out[64];
    assert_int_equal(zwh_meter_supported_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x03);
    /* ZEN07 (Meter v3): resettable electric meter with kWh, W, V, A = bits 0, 2, 4, 5 */
    const uint8_t zen07[] = {0x32, 0x04, 0x81, 0x35};
    zwh_meter_supported_report_t s;
    assert_int_equal(zwh_meter_supported_report_decode(zen07, sizeof zen07, &s), 0);
    assert_int_equal(s.meter_type, ZWH_METER_ELECTRIC);
    assert_int_equal(s.reset_supported, 1);
    assert_int_equal(s.scales, 0x35);
    assert_int_equal(s.more_scales, 0);
    ZWH_CHECK_BYTES(zwh_meter_supported_report_encode, zwh_meter_supported_report_decode,
                    zwh_meter_supported_report_t, &s, zen07, sizeof zen07);
    /* V4+: import and export, kWh and W, more scales: one byte with kVar and kVarh */
    const uint8_t v4[] = {0x32, 0x04, 0xE1, 0x85, 0x01, 0x03};
    assert_int_equal(zwh_meter_supported_report_decode(v4, sizeof v4, &s), 0);
    assert_int_equal(s.rate_types, 3);
    assert_int_equal(s.scales, 0x05);
    assert_int_equal(s.more_scales, 1);
    assert_int_equal(s.scale2_mask_len, 1);
    assert_int_equal(s.scale2_mask[0], 0x03);
    ZWH_CHECK_BYTES(zwh_meter_supported_report_encode, zwh_meter_supported_report_decode,
                    zwh_meter_supported_report_t, &s, v4, sizeof v4);
    ZWH_CHECK_PREFIXES(zwh_meter_supported_report_decode, zwh_meter_supported_report_t, v4, sizeof v4, sizeof v4);
    /* the announced number of extra bytes must be there */
    const uint8_t short_mask[] = {0x32, 0x04, 0xE1, 0x85, 0x02, 0x03};
    assert_int_equal(zwh_meter_supported_report_decode(short_mask, sizeof short_mask, &s), ZWH_EBADMSG);
    /* the largest mask kept */
    zwh_meter_supported_report_t m = {.meter_type = 1, .more_scales = 1, .scale2_mask_len = ZWH_METER_SCALE2_MASK_MAX};
    memset(m.scale2_mask, 0xA5, sizeof m.scale2_mask);
    int n = zwh_meter_supported_report_encode(&m, out, sizeof out);
    assert_int_equal(n, 5 + ZWH_METER_SCALE2_MASK_MAX);
    zwh_meter_supported_report_t back;
    assert_int_equal(zwh_meter_supported_report_decode(out, (size_t)n, &back), 0);
    assert_memory_equal(&back, &m, sizeof m);
    m.scale2_mask_len = ZWH_METER_SCALE2_MASK_MAX + 1;
    assert_int_equal(zwh_meter_supported_report_encode(&m, out, sizeof out), ZWH_EINVAL);
    m.scale2_mask_len = 1;
    m.more_scales = 0; /* mask bytes only with the "more scales" bit */
    assert_int_equal(zwh_meter_supported_report_encode(&m, out, sizeof out), ZWH_EINVAL);
}

static void reset(void **state)
{
    (void)state;
    zwh_meter_reset_t all = {0};
    const uint8_t v2[] = {0x32, 0x05};
    ZWH_CHECK_BYTES(zwh_meter_reset_encode, zwh_meter_reset_decode, zwh_meter_reset_t, &all, v2, 2);
    /* V6: set the imported kWh counter to 0 */
    zwh_meter_reset_t one = {.has_value = 1, .meter_type = 1, .rate_type = 1, .scale = 0, .precision = 0, .size = 1};
    const uint8_t v6[] = {0x32, 0x05, 0x21, 0x01, 0x00};
    ZWH_CHECK_BYTES(zwh_meter_reset_encode, zwh_meter_reset_decode, zwh_meter_reset_t, &one, v6, 5);
    ZWH_CHECK_PREFIXES(zwh_meter_reset_decode, zwh_meter_reset_t, v6, 5, 2);
    assert_int_equal(zwh_meter_reset_decode(v6, 3, &one), ZWH_EBADMSG);
    /* V6 kVarh reset to 10.0: scale 7 and scale2 */
    zwh_meter_reset_t kvarh = {.has_value = 1, .meter_type = 1, .rate_type = 1, .scale = 7, .scale2 = 1,
                               .precision = 1, .size = 1, .value = 100};
    const uint8_t v6b[] = {0x32, 0x05, 0xA1, 0x39, 0x64, 0x01};
    ZWH_CHECK_BYTES(zwh_meter_reset_encode, zwh_meter_reset_decode, zwh_meter_reset_t, &kvarh, v6b, 6);
    ZWH_CHECK_PREFIXES(zwh_meter_reset_decode, zwh_meter_reset_t, v6b, 6, 2);
    assert_int_equal(zwh_meter_reset_decode(v6b, 5, &kvarh), ZWH_EBADMSG);
}

static void names_and_formatter(void **state)
{
    (void)state;
    assert_string_equal(zwh_meter_get_type_name(ZWH_METER_WATER), "water");
    assert_null(zwh_meter_get_type_name(6));
    assert_string_equal(zwh_meter_get_scale_name(1, 0, 0), "kWh");
    assert_string_equal(zwh_meter_get_scale_name(1, 1, 0), "kVAh");
    assert_string_equal(zwh_meter_get_scale_name(1, 3, 0), "pulse count");
    assert_string_equal(zwh_meter_get_scale_name(1, 6, 0), "power factor");
    assert_string_equal(zwh_meter_get_scale_name(1, 7, 0), "kVar");
    assert_string_equal(zwh_meter_get_scale_name(1, 7, 1), "kVarh");
    assert_null(zwh_meter_get_scale_name(1, 7, 2));
    assert_string_equal(zwh_meter_get_scale_name(2, 0, 0), "m\xc2\xb3");
    assert_string_equal(zwh_meter_get_scale_name(2, 1, 0), "ft\xc2\xb3");
    assert_null(zwh_meter_get_scale_name(2, 2, 0));
    assert_string_equal(zwh_meter_get_scale_name(3, 2, 0), "US gallons");
    assert_string_equal(zwh_meter_get_scale_name(4, 0, 0), "kWh");
    assert_string_equal(zwh_meter_get_rate_name(2), "export");

    char line[200];
    const uint8_t kwh[] = {0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x7D, 0x01, 0x2C, 0x00, 0x00, 0x00, 0x78};
    int n = zwh_cc_format(kwh, sizeof kwh, line, sizeof line);
    assert_string_equal(line, "Meter.Report type=electric scale=kWh value=1.25 rate=import delta=300s previous=1.20");
    assert_int_equal(n, (int)strlen(line));
    const uint8_t neg[] = {0x32, 0x02, 0x41, 0x12, 0xFE, 0x0C};
    zwh_cc_format(neg, sizeof neg, line, sizeof line);
    assert_string_equal(line, "Meter.Report type=electric scale=W value=-500 rate=export");
    const uint8_t kvarh[] = {0x32, 0x02, 0xA1, 0x3A, 0x04, 0xD2, 0x00, 0x00, 0x01};
    zwh_cc_format(kvarh, sizeof kvarh, line, sizeof line);
    assert_string_equal(line, "Meter.Report type=electric scale=kVarh value=123.4 rate=import delta=0s");
    const uint8_t sup[] = {0x32, 0x04, 0xE1, 0x85, 0x01, 0x03};
    zwh_cc_format(sup, sizeof sup, line, sizeof line);
    assert_string_equal(line, "Meter.SupportedReport type=electric scales=kWh,W,kVar,kVarh rates=import,export reset=yes");
    const uint8_t rs[] = {0x32, 0x05};
    zwh_cc_format(rs, sizeof rs, line, sizeof line);
    assert_string_equal(line, "Meter.Reset all");
    const uint8_t g[] = {0x32, 0x01, 0xB8, 0x01};
    zwh_cc_format(g, sizeof g, line, sizeof line);
    assert_string_equal(line, "Meter.Get scale=7/1 rate=export");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report_plug_readings),
        cmocka_unit_test(report_scale2_sign_and_limits),
        cmocka_unit_test(get),
        cmocka_unit_test(supported),
        cmocka_unit_test(reset),
        cmocka_unit_test(names_and_formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
