/* Configuration CC v4 codec. Parameters from the seeds: 000 Zooz ZEN07
 * (sizes 1 and 2: #2 "Metering Report Frequency" 1..65535 default 300, #9
 * 1..65535), 001 Zooz ZEN06 (#20..#27, 1 byte, advanced), 002 NIE n4003
 * (Configuration v4, 4-byte #2/#3/#6), 004 EZMultiPli (TempAdj, a signed
 * value; "values greater than 127 by using the twos-complement
 * equivalent"). Bytes follow the Configuration CC specification layout. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_test.h"

#define SET_BYTES(in, want) \
    ZWH_CHECK_BYTES(zwh_configuration_set_encode, zwh_configuration_set_decode, zwh_configuration_set_t, in, want, \
                    sizeof want)
#define U ZWH_CONFIGURATION_FORMAT_UNSIGNED
#define S ZWH_CONFIGURATION_FORMAT_SIGNED

static void set_plug_parameters(void **state)
{
    (void)state;
    /* ZEN07 #2 = 300 s (2 bytes) */
    zwh_configuration_set_t p2 = {.parameter = 2, .size = 2, .value = 300};
    const uint8_t b2[] = {0x70, 0x04, 0x02, 0x02, 0x01, 0x2C};
    SET_BYTES(&p2, b2);
    ZWH_CHECK_PREFIXES(zwh_configuration_set_decode, zwh_configuration_set_t, b2, sizeof b2, sizeof b2);
    /* ZEN07 #9 = 65535 min: only as unsigned; a signed 2-byte field stops at 32767 */
    zwh_configuration_set_t p9 = {.parameter = 9, .size = 2, .format = U, .value = 65535};
    const uint8_t b9[] = {0x70, 0x04, 0x09, 0x02, 0xFF, 0xFF};
    uint8_t out[32];
    assert_int_equal(zwh_configuration_set_encode(&p9, out, sizeof out), 6);
    assert_memory_equal(out, b9, 6);
    p9.format = S;
    assert_int_equal(zwh_configuration_set_encode(&p9, out, sizeof out), ZWH_EINVAL);
    zwh_configuration_set_t back;
    assert_int_equal(zwh_configuration_set_decode(b9, sizeof b9, &back), 0);
    assert_int_equal(back.format, S); /* the frame does not say: signed reading */
    assert_int_equal(back.value, -1);
    int64_t u;
    assert_int_equal(zwh_configuration_value_convert(back.value, back.size, U, &u), 0);
    assert_int_equal(u, 65535);
    SET_BYTES(&back, b9); /* -1 signed writes the same bytes */
    /* ZEN06 #20 overload protection = 1 (1 byte) */
    zwh_configuration_set_t p20 = {.parameter = 20, .size = 1, .value = 1};
    const uint8_t b20[] = {0x70, 0x04, 0x14, 0x01, 0x01};
    SET_BYTES(&p20, b20);
    /* n4003 #2 auto turn-off timer = 65535 min in a 4-byte parameter */
    zwh_configuration_set_t n2 = {.parameter = 2, .size = 4, .value = 65535};
    const uint8_t bn2[] = {0x70, 0x04, 0x02, 0x04, 0x00, 0x00, 0xFF, 0xFF};
    SET_BYTES(&n2, bn2);
    ZWH_CHECK_PREFIXES(zwh_configuration_set_decode, zwh_configuration_set_t, bn2, sizeof bn2, sizeof bn2);
    /* restore the default of ZEN07 #3: default bit 7 of the size byte */
    zwh_configuration_set_t d = {.parameter = 3, .size = 1, .use_default = 1, .value = 0};
    const uint8_t bd[] = {0x70, 0x04, 0x03, 0x81, 0x00};
    assert_int_equal(zwh_configuration_set_encode(&d, out, sizeof out), 5);
    assert_memory_equal(out, bd, 5);
    assert_int_equal(zwh_configuration_set_decode(bd, sizeof bd, &back), 0);
    assert_int_equal(back.use_default, 1);
    assert_int_equal(back.size, 1);
    d.value = 0x1234; /* ignored by the device: not range-checked, low byte sent */
    assert_int_equal(zwh_configuration_set_encode(&d, out, sizeof out), 5);
    assert_int_equal(out[4], 0x34);
    d.size = 3;
    assert_int_equal(zwh_configuration_set_encode(&d, out, sizeof out), ZWH_EINVAL);
}

static void set_signed_multisensor(void **state)
{
    (void)state;
    uint8_t out[16];
    zwh_configuration_set_t back;
    /* EZMultiPli TempAdj -1.5 °F in tenths: -15 = 0xF1 */
    zwh_configuration_set_t adj = {.parameter = 5, .size = 1, .format = S, .value = -15};
    const uint8_t badj[] = {0x70, 0x04, 0x05, 0x01, 0xF1};
    SET_BYTES(&adj, badj);
    assert_int_equal(zwh_configuration_set_decode(badj, sizeof badj, &back), 0);
    assert_int_equal(back.value, -15);
    /* "values greater than 127": OnTime 200 min is the byte 0xC8, which a
     * signed reading shows as -56 - both writings give the same frame */
    zwh_configuration_set_t on_u = {.parameter = 1, .size = 1, .format = U, .value = 200};
    zwh_configuration_set_t on_s = {.parameter = 1, .size = 1, .format = S, .value = -56};
    const uint8_t bon[] = {0x70, 0x04, 0x01, 0x01, 0xC8};
    assert_int_equal(zwh_configuration_set_encode(&on_u, out, sizeof out), 5);
    assert_memory_equal(out, bon, 5);
    SET_BYTES(&on_s, bon);
    on_s.value = 200; /* 200 is out of range for a signed byte */
    assert_int_equal(zwh_configuration_set_encode(&on_s, out, sizeof out), ZWH_EINVAL);
}

static void value_limits(void **state)
{
    (void)state;
    uint8_t out[16];
    static const struct {
        uint8_t size, format;
        int64_t value;
        int ok;
    } cases[] = {
        {1, S, -128, 1}, {1, S, 127, 1}, {1, S, 128, 0}, {1, S, -129, 0},
        {1, U, 0, 1}, {1, U, 255, 1}, {1, U, 256, 0}, {1, U, -1, 0},
        {2, S, -32768, 1}, {2, S, 32767, 1}, {2, S, 32768, 0},
        {2, U, 65535, 1}, {2, U, 65536, 0},
        {4, S, INT32_MIN, 1}, {4, S, INT32_MAX, 1}, {4, S, (int64_t)INT32_MAX + 1, 0}, {4, S, (int64_t)INT32_MIN - 1, 0},
        {4, U, 4294967295LL, 1}, {4, U, 4294967296LL, 0}, {4, U, -1, 0},
        {4, ZWH_CONFIGURATION_FORMAT_BITFIELD, 4294967295LL, 1}, {1, ZWH_CONFIGURATION_FORMAT_ENUMERATED, 255, 1},
        {3, S, 0, 0}, {0, S, 0, 0}, {8, S, 0, 0}, {1, 4, 0, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        zwh_configuration_set_t s = {.parameter = 7, .size = cases[i].size, .format = cases[i].format,
                                     .value = cases[i].value};
        int rc = zwh_configuration_set_encode(&s, out, sizeof out);
        if (!cases[i].ok) {
            assert_int_equal(rc, ZWH_EINVAL);
            continue;
        }
        assert_int_equal(rc, 4 + cases[i].size);
        zwh_configuration_set_t back;
        assert_int_equal(zwh_configuration_set_decode(out, (size_t)rc, &back), 0);
        int64_t v;
        assert_int_equal(zwh_configuration_value_convert(back.value, back.size, cases[i].format, &v), 0);
        assert_true(v == cases[i].value);
    }
    int64_t v;
    assert_int_equal(zwh_configuration_value_convert(-1, 1, U, &v), 0);
    assert_int_equal(v, 255);
    assert_int_equal(zwh_configuration_value_convert(255, 1, S, &v), 0);
    assert_int_equal(v, -1);
    assert_int_equal(zwh_configuration_value_convert(0x80000000LL, 4, S, &v), 0);
    assert_true(v == INT32_MIN);
    assert_int_equal(zwh_configuration_value_convert(-1, 4, U, &v), 0);
    assert_true(v == 4294967295LL);
    assert_int_equal(zwh_configuration_value_convert(0x1234, 1, U, &v), 0); /* the low byte only */
    assert_int_equal(v, 0x34);
    assert_int_equal(zwh_configuration_value_convert(1, 3, U, &v), ZWH_EINVAL);
    assert_int_equal(zwh_configuration_value_convert(1, 1, 4, &v), ZWH_EINVAL);
    /* a size of 3 in a frame is malformed */
    const uint8_t size3[] = {0x70, 0x06, 0x01, 0x03, 0x00, 0x00, 0x01};
    zwh_configuration_report_t r;
    assert_int_equal(zwh_configuration_report_decode(size3, sizeof size3, &r), ZWH_EBADMSG);
}

static void get_report_reset(void **state)
{
    (void)state;
    zwh_configuration_get_t g = {.parameter = 9};
    const uint8_t bg[] = {0x70, 0x05, 0x09};
    ZWH_CHECK_BYTES(zwh_configuration_get_encode, zwh_configuration_get_decode, zwh_configuration_get_t, &g, bg, 3);
    ZWH_CHECK_PREFIXES(zwh_configuration_get_decode, zwh_configuration_get_t, bg, 3, 3);
    zwh_configuration_report_t r = {.parameter = 2, .size = 2, .value = 300};
    const uint8_t br[] = {0x70, 0x06, 0x02, 0x02, 0x01, 0x2C};
    ZWH_CHECK_BYTES(zwh_configuration_report_encode, zwh_configuration_report_decode, zwh_configuration_report_t, &r,
                    br, sizeof br);
    ZWH_CHECK_PREFIXES(zwh_configuration_report_decode, zwh_configuration_report_t, br, sizeof br, sizeof br);
    zwh_configuration_report_t big = {.parameter = 6, .size = 4, .format = U, .value = 4294967295LL};
    const uint8_t bbig[] = {0x70, 0x06, 0x06, 0x04, 0xFF, 0xFF, 0xFF, 0xFF};
    uint8_t out[16];
    assert_int_equal(zwh_configuration_report_encode(&big, out, sizeof out), 8);
    assert_memory_equal(out, bbig, 8);
    assert_int_equal(zwh_configuration_report_decode(bbig, sizeof bbig, &r), 0);
    assert_int_equal(r.value, -1);
    assert_int_equal(zwh_configuration_default_reset_encode(out, sizeof out), 2);
    assert_memory_equal(out, ((uint8_t[]){0x70, 0x01}), 2);
}

static void bulk(void **state)
{
    (void)state;
    zwh_configuration_bulk_set_t s;
    memset(&s, 0, sizeof s);
    s.parameter_offset = 1;
    s.count = 3;
    s.size = 2;
    s.handshake = 1;
    s.values[0] = 1;
    s.values[1] = 300;
    s.values[2] = -1;
    const uint8_t bs[] = {0x70, 0x07, 0x00, 0x01, 0x03, 0x42, 0x00, 0x01, 0x01, 0x2C, 0xFF, 0xFF};
    ZWH_CHECK_BYTES(zwh_configuration_bulk_set_encode, zwh_configuration_bulk_set_decode,
                    zwh_configuration_bulk_set_t, &s, bs, sizeof bs);
    ZWH_CHECK_PREFIXES(zwh_configuration_bulk_set_decode, zwh_configuration_bulk_set_t, bs, sizeof bs, sizeof bs);
    uint8_t out[1100];
    s.values[1] = 40000; /* not a signed 2-byte value */
    assert_int_equal(zwh_configuration_bulk_set_encode(&s, out, sizeof out), ZWH_EINVAL);
    s.format = U;
    s.values[2] = 65535;
    assert_int_equal(zwh_configuration_bulk_set_encode(&s, out, sizeof out), 12);
    s.count = 0;
    assert_int_equal(zwh_configuration_bulk_set_encode(&s, out, sizeof out), ZWH_EINVAL);

    zwh_configuration_bulk_get_t g = {.parameter_offset = 0x0100, .count = 8};
    const uint8_t bg[] = {0x70, 0x08, 0x01, 0x00, 0x08};
    ZWH_CHECK_BYTES(zwh_configuration_bulk_get_encode, zwh_configuration_bulk_get_decode,
                    zwh_configuration_bulk_get_t, &g, bg, 5);
    ZWH_CHECK_PREFIXES(zwh_configuration_bulk_get_decode, zwh_configuration_bulk_get_t, bg, 5, 5);

    /* defaults of #5 and #6, one more report to follow */
    zwh_configuration_bulk_report_t r;
    memset(&r, 0, sizeof r);
    r.parameter_offset = 5;
    r.count = 2;
    r.reports_to_follow = 1;
    r.is_default = 1;
    r.size = 1;
    r.values[0] = 5;
    r.values[1] = 1;
    const uint8_t br[] = {0x70, 0x09, 0x00, 0x05, 0x02, 0x01, 0x81, 0x05, 0x01};
    ZWH_CHECK_BYTES(zwh_configuration_bulk_report_encode, zwh_configuration_bulk_report_decode,
                    zwh_configuration_bulk_report_t, &r, br, sizeof br);
    ZWH_CHECK_PREFIXES(zwh_configuration_bulk_report_decode, zwh_configuration_bulk_report_t, br, sizeof br,
                       sizeof br);

    /* the largest bulk: 255 parameters of 4 bytes */
    zwh_configuration_bulk_report_t *max = calloc(1, sizeof *max);
    zwh_configuration_bulk_report_t *back = calloc(1, sizeof *back);
    assert_non_null(max);
    assert_non_null(back);
    max->parameter_offset = 0xFF00;
    max->count = ZWH_CONFIGURATION_BULK_MAX;
    max->size = 4;
    for (size_t i = 0; i < ZWH_CONFIGURATION_BULK_MAX; i++)
        max->values[i] = (i & 1) ? INT32_MIN + (int64_t)i : INT32_MAX - (int64_t)i;
    int n = zwh_configuration_bulk_report_encode(max, out, sizeof out);
    assert_int_equal(n, 7 + 4 * ZWH_CONFIGURATION_BULK_MAX);
    assert_int_equal(zwh_configuration_bulk_report_decode(out, (size_t)n, back), 0);
    assert_memory_equal(back, max, sizeof *max);
    ZWH_CHECK_PREFIXES(zwh_configuration_bulk_report_decode, zwh_configuration_bulk_report_t, out, (size_t)n,
                       (size_t)n);
    assert_int_equal(zwh_configuration_bulk_report_encode(max, out, (size_t)n - 1), ZWH_EMSGSIZE);
    free(max);
    free(back);
}

static void text_reports(void **state)
{
    (void)state;
    /* seed 000, ZEN07 #3 */
    zwh_configuration_text_report_t name = {.parameter = 3, .reports_to_follow = 0};
    const char *nm = "Overload Protection";
    name.text_len = (uint8_t)strlen(nm);
    memcpy(name.text, nm, name.text_len);
    uint8_t want[64] = {0x70, 0x0B, 0x00, 0x03, 0x00};
    memcpy(want + 5, nm, strlen(nm));
    size_t wlen = 5 + strlen(nm);
    ZWH_CHECK_BYTES(zwh_configuration_name_report_encode, zwh_configuration_name_report_decode,
                    zwh_configuration_text_report_t, &name, want, wlen);
    ZWH_CHECK_PREFIXES(zwh_configuration_name_report_decode, zwh_configuration_text_report_t, want, wlen, 5);

    /* an info text split over two reports; the halves concatenate to the seed's sentence */
    const char *info = "Maximum amount of electricity Mini Plug to handle.";
    const uint8_t r1[] = {0x70, 0x0D, 0x00, 0x03, 0x01, 'M', 'a', 'x', 'i', 'm', 'u', 'm', ' ', 'a', 'm', 'o', 'u',
                          'n', 't', ' ', 'o', 'f', ' ', 'e', 'l', 'e', 'c', 't', 'r', 'i', 'c', 'i', 't', 'y', ' '};
    const uint8_t r2[] = {0x70, 0x0D, 0x00, 0x03, 0x00, 'M', 'i', 'n', 'i', ' ', 'P', 'l', 'u', 'g', ' ',
                          't', 'o', ' ', 'h', 'a', 'n', 'd', 'l', 'e', '.'};
    zwh_configuration_text_report_t a, b;
    assert_int_equal(zwh_configuration_info_report_decode(r1, sizeof r1, &a), 0);
    assert_int_equal(zwh_configuration_info_report_decode(r2, sizeof r2, &b), 0);
    assert_int_equal(a.reports_to_follow, 1);
    assert_int_equal(b.reports_to_follow, 0);
    char joined[128];
    memcpy(joined, a.text, a.text_len);
    memcpy(joined + a.text_len, b.text, b.text_len);
    joined[a.text_len + b.text_len] = '\0';
    assert_string_equal(joined, info);
    ZWH_CHECK_BYTES(zwh_configuration_info_report_encode, zwh_configuration_info_report_decode,
                    zwh_configuration_text_report_t, &a, r1, sizeof r1);
    /* a name report is not an info report */
    assert_int_equal(zwh_configuration_name_report_decode(r1, sizeof r1, &a), ZWH_EBADMSG);

    /* UTF-8 bytes are kept as sent, even a split multibyte sequence */
    const uint8_t utf[] = {0x70, 0x0B, 0x01, 0x00, 0x00, 'T', 0xC2, 0xB0, 'F', 0xC2};
    assert_int_equal(zwh_configuration_name_report_decode(utf, sizeof utf, &a), 0);
    assert_int_equal(a.parameter, 0x100);
    assert_int_equal(a.text_len, 5);
    assert_memory_equal(a.text, utf + 5, 5);

    /* empty text, and the bound */
    const uint8_t empty[] = {0x70, 0x0B, 0x00, 0x01, 0x00};
    assert_int_equal(zwh_configuration_name_report_decode(empty, sizeof empty, &a), 0);
    assert_int_equal(a.text_len, 0);
    uint8_t big[5 + ZWH_CONFIGURATION_TEXT_MAX + 1];
    memcpy(big, empty, 5);
    memset(big + 5, 'x', sizeof big - 5);
    assert_int_equal(zwh_configuration_name_report_decode(big, sizeof big - 1, &a), 0);
    assert_int_equal(a.text_len, ZWH_CONFIGURATION_TEXT_MAX);
    assert_int_equal(zwh_configuration_name_report_decode(big, sizeof big, &a), ZWH_EMSGSIZE);

    zwh_configuration_parameter_ref_t ref = {.parameter = 0x1234};
    const uint8_t ng[] = {0x70, 0x0A, 0x12, 0x34};
    const uint8_t ig[] = {0x70, 0x0C, 0x12, 0x34};
    const uint8_t pg[] = {0x70, 0x0E, 0x12, 0x34};
    ZWH_CHECK_BYTES(zwh_configuration_name_get_encode, zwh_configuration_name_get_decode,
                    zwh_configuration_parameter_ref_t, &ref, ng, 4);
    ZWH_CHECK_BYTES(zwh_configuration_info_get_encode, zwh_configuration_info_get_decode,
                    zwh_configuration_parameter_ref_t, &ref, ig, 4);
    ZWH_CHECK_BYTES(zwh_configuration_properties_get_encode, zwh_configuration_properties_get_decode,
                    zwh_configuration_parameter_ref_t, &ref, pg, 4);
    ZWH_CHECK_PREFIXES(zwh_configuration_properties_get_decode, zwh_configuration_parameter_ref_t, pg, 4, 4);
}

static void properties(void **state)
{
    (void)state;
    zwh_configuration_properties_report_t p;
    /* ZEN07 #2: unsigned, 2 bytes, 1..65535, default 300, next #3 (V4 flags byte present, none set) */
    const uint8_t b2[] = {0x70, 0x0F, 0x00, 0x02, 0x0A, 0x00, 0x01, 0xFF, 0xFF, 0x01, 0x2C, 0x00, 0x03, 0x00};
    assert_int_equal(zwh_configuration_properties_report_decode(b2, sizeof b2, &p), 0);
    assert_int_equal(p.format, U);
    assert_int_equal(p.size, 2);
    assert_int_equal(p.min_value, 1);
    assert_int_equal(p.max_value, 65535); /* unsigned format: not -1 */
    assert_int_equal(p.default_value, 300);
    assert_int_equal(p.next_parameter, 3);
    assert_int_equal(p.has_v4_flags, 1);
    ZWH_CHECK_BYTES(zwh_configuration_properties_report_encode, zwh_configuration_properties_report_decode,
                    zwh_configuration_properties_report_t, &p, b2, sizeof b2);
    ZWH_CHECK_PREFIXES(zwh_configuration_properties_report_decode, zwh_configuration_properties_report_t, b2,
                       sizeof b2, 13);
    /* ZEN06 #20: signed 1 byte 0..1 default 1, advanced (V4 bit 0), next #21 */
    zwh_configuration_properties_report_t p20 = {.parameter = 20, .format = S, .size = 1, .min_value = 0,
                                                 .max_value = 1, .default_value = 1, .next_parameter = 21,
                                                 .has_v4_flags = 1, .advanced = 1};
    const uint8_t b20[] = {0x70, 0x0F, 0x00, 0x14, 0x01, 0x00, 0x01, 0x01, 0x00, 0x15, 0x01};
    ZWH_CHECK_BYTES(zwh_configuration_properties_report_encode, zwh_configuration_properties_report_decode,
                    zwh_configuration_properties_report_t, &p20, b20, sizeof b20);
    /* signed range across zero (TempAdj-like) is read signed; read-only, alters capabilities, no bulk; V3 length */
    const uint8_t bs[] = {0x70, 0x0F, 0x00, 0x05, 0xC1, 0x9C, 0x64, 0x00, 0x00, 0x06};
    assert_int_equal(zwh_configuration_properties_report_decode(bs, sizeof bs, &p), 0);
    assert_int_equal(p.min_value, -100);
    assert_int_equal(p.max_value, 100);
    assert_int_equal(p.read_only, 1);
    assert_int_equal(p.alters_capabilities, 1);
    assert_int_equal(p.has_v4_flags, 0);
    ZWH_CHECK_BYTES(zwh_configuration_properties_report_encode, zwh_configuration_properties_report_decode,
                    zwh_configuration_properties_report_t, &p, bs, sizeof bs);
    const uint8_t nobulk[] = {0x70, 0x0F, 0x00, 0x05, 0x01, 0x9C, 0x64, 0x00, 0x00, 0x06, 0x02};
    assert_int_equal(zwh_configuration_properties_report_decode(nobulk, sizeof nobulk, &p), 0);
    assert_int_equal(p.no_bulk_support, 1);
    assert_int_equal(p.advanced, 0);
    /* n4003-style 4-byte bitfield with every bit allowed */
    zwh_configuration_properties_report_t bf = {.parameter = 0x0102, .format = ZWH_CONFIGURATION_FORMAT_BITFIELD,
                                                .size = 4, .min_value = 0, .max_value = 4294967295LL,
                                                .default_value = 0x80000000LL, .next_parameter = 0,
                                                .has_v4_flags = 1};
    const uint8_t bbf[] = {0x70, 0x0F, 0x01, 0x02, 0x1C, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF,
                           0x80, 0, 0, 0, 0x00, 0x00, 0x00};
    ZWH_CHECK_BYTES(zwh_configuration_properties_report_encode, zwh_configuration_properties_report_decode,
                    zwh_configuration_properties_report_t, &bf, bbf, sizeof bbf);
    /* no such parameter: size 0, then only the next parameter number */
    zwh_configuration_properties_report_t none = {.parameter = 99, .size = 0, .next_parameter = 0};
    const uint8_t bn[] = {0x70, 0x0F, 0x00, 0x63, 0x00, 0x00, 0x00};
    ZWH_CHECK_BYTES(zwh_configuration_properties_report_encode, zwh_configuration_properties_report_decode,
                    zwh_configuration_properties_report_t, &none, bn, sizeof bn);
    assert_int_equal(zwh_configuration_properties_report_decode(bn, 5, &p), 0); /* devices that stop early */
    assert_int_equal(p.size, 0);
    assert_int_equal(zwh_configuration_properties_report_decode(bn, 6, &p), ZWH_EBADMSG); /* half a number */
    /* size 3 is malformed */
    const uint8_t b3[] = {0x70, 0x0F, 0x00, 0x01, 0x03, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    assert_int_equal(zwh_configuration_properties_report_decode(b3, sizeof b3, &p), ZWH_EBADMSG);

    uint8_t out[32];
    bf.max_value = 4294967296LL;
    assert_int_equal(zwh_configuration_properties_report_encode(&bf, out, sizeof out), ZWH_EINVAL);
    bf.max_value = 1;
    bf.format = 4;
    assert_int_equal(zwh_configuration_properties_report_encode(&bf, out, sizeof out), ZWH_EINVAL);
    bf.format = S;
    bf.default_value = 0;
    bf.has_v4_flags = 0;
    bf.advanced = 1; /* the advanced flag lives in the V4 byte */
    assert_int_equal(zwh_configuration_properties_report_encode(&bf, out, sizeof out), ZWH_EINVAL);
}

static void formatter(void **state)
{
    (void)state;
    char line[200];
    const uint8_t adj[] = {0x70, 0x04, 0x05, 0x01, 0xF1};
    zwh_cc_format(adj, sizeof adj, line, sizeof line);
    assert_string_equal(line, "Configuration.Set param=5 size=1 value=-15(0xf1)");
    const uint8_t d[] = {0x70, 0x04, 0x03, 0x81, 0x00};
    zwh_cc_format(d, sizeof d, line, sizeof line);
    assert_string_equal(line, "Configuration.Set param=3 size=1 default");
    const uint8_t rep[] = {0x70, 0x06, 0x02, 0x02, 0x01, 0x2C};
    zwh_cc_format(rep, sizeof rep, line, sizeof line);
    assert_string_equal(line, "Configuration.Report param=2 size=2 value=300");
    const uint8_t props[] = {0x70, 0x0F, 0x00, 0x02, 0x0A, 0x00, 0x01, 0xFF, 0xFF, 0x01, 0x2C, 0x00, 0x03, 0x01};
    zwh_cc_format(props, sizeof props, line, sizeof line);
    assert_string_equal(line,
                        "Configuration.PropertiesReport param=2 format=unsigned size=2 min=1 max=65535 default=300 "
                        "next=3 advanced");
    const uint8_t name[] = {0x70, 0x0B, 0x00, 0x03, 0x00, 'L', 'E', 'D', '"', 0x01};
    zwh_cc_format(name, sizeof name, line, sizeof line);
    assert_string_equal(line, "Configuration.NameReport param=3 text=\"LED\\x22\\x01\" to_follow=0");
    const uint8_t bulk[] = {0x70, 0x09, 0x00, 0x05, 0x02, 0x01, 0x81, 0x05, 0x01};
    zwh_cc_format(bulk, sizeof bulk, line, sizeof line);
    assert_string_equal(line, "Configuration.BulkReport params=5 count=2 size=1 values=5,1 default to_follow=1");
    const uint8_t reset[] = {0x70, 0x01};
    zwh_cc_format(reset, sizeof reset, line, sizeof line);
    assert_string_equal(line, "Configuration.DefaultReset");
    const uint8_t trunc[] = {0x70, 0x06, 0x02, 0x02, 0x01};
    zwh_cc_format(trunc, sizeof trunc, line, sizeof line);
    assert_string_equal(line, "Configuration.Report malformed: 02 02 01");
    assert_int_equal(zwh_cc_get_version(ZWH_CC_CONFIGURATION), 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_plug_parameters),
        cmocka_unit_test(set_signed_multisensor),
        cmocka_unit_test(value_limits),
        cmocka_unit_test(get_report_reset),
        cmocka_unit_test(bulk),
        cmocka_unit_test(text_reports),
        cmocka_unit_test(properties),
        cmocka_unit_test(formatter),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
