/* DSK text form, PIN, SmartStart home IDs. Golden data: vectors.json
 * (dsk_text_and_pin, kex_chain_rfc7748_keys), produced by zwave-js. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "zwhost/security.h"

/* vectors.json dsk_text_and_pin: publicKey b2a9f0c5... */
static const uint8_t dsk_a[16] = {0xb2, 0xa9, 0xf0, 0xc5, 0x5e, 0x1d, 0x2e, 0x3f,
                                  0x40, 0x51, 0x62, 0x73, 0x84, 0x95, 0x06, 0xa7};
static const char text_a[] = "45737-61637-24093-11839-16465-25203-33941-01703";
/* vectors.json kex_chain_rfc7748_keys: publicKeyB de9edb7d... */
static const uint8_t dsk_b[16] = {0xde, 0x9e, 0xdb, 0x7d, 0x7b, 0x7d, 0xc1, 0xb4,
                                  0xd3, 0x5b, 0x61, 0xc2, 0xec, 0xe4, 0x35, 0x37};
static const char text_b[] = "56990-56189-31613-49588-54107-25026-60644-13623";

static void format_vectors(void **state)
{
    (void)state;
    char out[ZWH_DSK_TEXT_SIZE];
    assert_int_equal(zwh_dsk_format(dsk_a, out, sizeof out), 47);
    assert_string_equal(out, text_a);
    assert_int_equal(zwh_dsk_format(dsk_b, out, sizeof out), 47);
    assert_string_equal(out, text_b);
    assert_int_equal(zwh_dsk_format(dsk_b, out, 47), ZWH_EMSGSIZE);
    assert_int_equal(zwh_dsk_format(NULL, out, sizeof out), ZWH_EINVAL);
    const uint8_t zero[16] = {0}, ff[16] = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
                                            0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff};
    zwh_dsk_format(zero, out, sizeof out);
    assert_string_equal(out, "00000-00000-00000-00000-00000-00000-00000-00000");
    zwh_dsk_format(ff, out, sizeof out);
    assert_string_equal(out, "65535-65535-65535-65535-65535-65535-65535-65535");
}

static void parse_vectors_and_round_trip(void **state)
{
    (void)state;
    uint8_t dsk[16];
    const char *why = NULL;
    assert_int_equal(zwh_dsk_parse(text_a, dsk, &why), 0);
    assert_memory_equal(dsk, dsk_a, 16);
    assert_int_equal(zwh_dsk_parse(text_b, dsk, NULL), 0);
    assert_memory_equal(dsk, dsk_b, 16);
    /* space-separated (as printed on some labels) and surrounding white space */
    assert_int_equal(zwh_dsk_parse("  45737 61637 24093 11839 16465 25203 33941 01703\n", dsk, &why), 0);
    assert_memory_equal(dsk, dsk_a, 16);
}

static void parse_rejects(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "",
        "45737-61637-24093-11839-16465-25203-33941",             /* 7 groups */
        "45737-61637-24093-11839-16465-25203-33941-01703-00000", /* 9 groups */
        "45737-61637-24093-11839-16465-25203-33941-1703",        /* short group */
        "45737-61637-24093-11839-16465-25203-33941-017030",      /* long group */
        "65536-61637-24093-11839-16465-25203-33941-01703",       /* > 65535 */
        "99999-61637-24093-11839-16465-25203-33941-01703",
        "45737--61637-24093-11839-16465-25203-33941-01703",
        "45737_61637-24093-11839-16465-25203-33941-01703",
        "4573a-61637-24093-11839-16465-25203-33941-01703",
        "45737-61637-24093-11839-16465-25203-33941-01703x",
    };
    uint8_t dsk[16];
    memset(dsk, 0x5a, sizeof dsk);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *why = NULL;
        assert_int_equal(zwh_dsk_parse(bad[i], dsk, &why), ZWH_EDSK);
        assert_non_null(why);
        assert_true(strlen(why) > 5);
        assert_int_equal(dsk[0], 0x5a); /* output untouched on failure */
    }
    assert_int_equal(zwh_dsk_parse(NULL, dsk, NULL), ZWH_EINVAL);
}

static void pin(void **state)
{
    (void)state;
    uint16_t p = 0;
    assert_int_equal(zwh_dsk_pin_get(dsk_b, &p), 0);
    assert_int_equal(p, 56990); /* vectors: pin_value */
    assert_int_equal(zwh_dsk_pin_get(dsk_a, &p), 0);
    assert_int_equal(p, 45737);
    const char *why = NULL;
    assert_int_equal(zwh_dsk_pin_parse("56990", &p, &why), 0);
    assert_int_equal(p, 56990);
    assert_int_equal(zwh_dsk_pin_parse(" 01703 ", &p, &why), 0);
    assert_int_equal(p, 1703);
    static const char *const bad[] = {"1703", "017030", "65536", "5699a", "", "56990-1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        why = NULL;
        assert_int_equal(zwh_dsk_pin_parse(bad[i], &p, &why), ZWH_EDSK);
        assert_non_null(why);
    }
}

static void smartstart_home_ids(void **state)
{
    (void)state;
    uint32_t h = 0;
    assert_int_equal(zwh_dsk_nwi_home_id_get(dsk_a, &h), 0);
    assert_int_equal(h, 0xc0516272); /* vectors: nwiHomeId */
    assert_int_equal(zwh_dsk_auth_home_id_get(dsk_a, &h), 0);
    assert_int_equal(h, 0x049506a7); /* vectors: authHomeId */
    assert_int_equal(zwh_dsk_nwi_home_id_get(NULL, &h), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(format_vectors),
        cmocka_unit_test(parse_vectors_and_round_trip),
        cmocka_unit_test(parse_rejects),
        cmocka_unit_test(pin),
        cmocka_unit_test(smartstart_home_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
