/* SmartStart / S2 QR code decoder.
 * Golden data: the two examples of the Node Provisioning QR code specification
 * ("Acme Light Dimmer", "Oscorp Door Lock w. UUID") as used by zwave-js's and
 * ZWaveDotNet's test suites; further codes below were built with an independent
 * Python script (hashlib.sha1 for the checksum), not with this decoder. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "zwhost/security.h"

static const char acme[] =
    "900132782003515253545541424344453132333435212223242500100435301537022065520001000000300578";
static const char oscorp[] =
    "9001346230075152535455414243444531323334352122232425001016387007680220655210100000017002880642"
    "002122232425414243444511121314153132333435";
/* DSK 51525-35455-41424-34445-31323-33435-21222-32425 */
static const uint8_t example_dsk[16] = {0xc9, 0x45, 0x8a, 0x7f, 0xa1, 0xd0, 0x86, 0x8d,
                                        0x7a, 0x5b, 0x82, 0x9b, 0x52, 0xe6, 0x7e, 0xa9};

static void acme_light_dimmer(void **state)
{
    (void)state;
    zwh_qr_info_t q;
    const char *why = "unset";
    assert_int_equal(zwh_qr_decode(acme, &q, &why), 0);
    assert_int_equal(q.version, ZWH_QR_VERSION_SMARTSTART);
    assert_int_equal(q.checksum, 32782);
    assert_int_equal(q.requested_keys, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED);
    assert_memory_equal(q.dsk, example_dsk, 16);
    char text[ZWH_DSK_TEXT_SIZE];
    zwh_dsk_format(q.dsk, text, sizeof text);
    assert_string_equal(text, "51525-35455-41424-34445-31323-33435-21222-32425");
    assert_int_equal(q.has_product_type, 1);
    assert_int_equal(q.generic_device_class, 0x11);
    assert_int_equal(q.specific_device_class, 0x01);
    assert_int_equal(q.installer_icon_type, 0x0601);
    assert_int_equal(q.has_product_id, 1);
    assert_int_equal(q.manufacturer_id, 0xfff0);
    assert_int_equal(q.product_type, 0x0064);
    assert_int_equal(q.product_id, 0x0003);
    assert_int_equal(q.application_version, 0x0242); /* 2.66 */
    assert_int_equal(q.has_uuid, 0);
    assert_int_equal(q.has_max_inclusion_interval, 0);
    assert_int_equal(q.has_supported_protocols, 0);
    assert_int_equal(q.unknown_blocks, 0);
    char u[48];
    assert_int_equal(zwh_qr_uuid_format(&q, u, sizeof u), ZWH_ENOENT);

    /* version 00 (S2 only, no SmartStart): the checksum does not cover the version */
    char s2only[sizeof acme];
    memcpy(s2only, acme, sizeof acme);
    s2only[3] = '0';
    assert_int_equal(zwh_qr_decode(s2only, &q, &why), 0);
    assert_int_equal(q.version, ZWH_QR_VERSION_S2);
}

static void oscorp_door_lock_uuid(void **state)
{
    (void)state;
    zwh_qr_info_t q;
    assert_int_equal(zwh_qr_decode(oscorp, &q, NULL), 0);
    assert_int_equal(q.requested_keys, 0x07);
    assert_memory_equal(q.dsk, example_dsk, 16);
    assert_int_equal(q.generic_device_class, 0x40);
    assert_int_equal(q.specific_device_class, 0x03);
    assert_int_equal(q.installer_icon_type, 0x0300);
    assert_int_equal(q.manufacturer_id, 0xfff1);
    assert_int_equal(q.product_type, 0x03e8);
    assert_int_equal(q.product_id, 0x0011);
    assert_int_equal(q.application_version, 0x0120); /* 1.32 */
    assert_int_equal(q.has_uuid, 1);
    assert_int_equal(q.uuid_format, ZWH_QR_UUID_HEX);
    char u[48];
    assert_int_equal(zwh_qr_uuid_format(&q, u, sizeof u), 32);
    assert_string_equal(u, "52e67ea9a1d0868d2b717ab77a5b829b");
    assert_int_equal(zwh_qr_uuid_format(&q, u, 32), ZWH_EMSGSIZE);
}

static void white_space_is_ignored(void **state)
{
    (void)state;
    char spaced[256];
    /* as a label prints it: groups of five, line breaks */
    size_t n = strlen(acme), pos = 0;
    spaced[pos++] = '\t';
    for (size_t i = 0; i < n; i++) {
        if (i && i % 5 == 0)
            spaced[pos++] = i % 30 ? ' ' : '\n';
        spaced[pos++] = acme[i];
    }
    spaced[pos++] = ' ';
    spaced[pos] = '\0';
    zwh_qr_info_t q;
    assert_int_equal(zwh_qr_decode(spaced, &q, NULL), 0);
    assert_int_equal(q.checksum, 32782);
    assert_int_equal(q.product_id, 3);
}

static void optional_blocks(void **state)
{
    (void)state;
    zwh_qr_info_t q;
    /* acme + max inclusion interval 10 (x128 s) + supported protocols 3 */
    assert_int_equal(zwh_qr_decode("9001372650035152535455414243444531323334352122232425001004353015370220"
                                   "65520001000000300578040210080203", &q, NULL), 0);
    assert_int_equal(q.has_max_inclusion_interval, 1);
    assert_int_equal(q.max_inclusion_interval_s, 1280);
    assert_int_equal(q.has_supported_protocols, 1);
    assert_int_equal(q.supported_protocols, ZWH_QR_PROTOCOL_ZWAVE | ZWH_QR_PROTOCOL_ZWAVE_LR);
    /* unknown non-critical block (type 10) between the mandatory ones: skipped */
    assert_int_equal(zwh_qr_decode("900158968003515253545541424344453132333435212223242500100435301537"
                                   "2003123022065520001000000300578", &q, NULL), 0);
    assert_int_equal(q.unknown_blocks, 1);
    assert_int_equal(q.manufacturer_id, 0xfff0);
}

static void uuid_formats(void **state)
{
    (void)state;
    zwh_qr_info_t q;
    char u[48];
    /* version 00, all keys requested, UUID "sn:" + 16 ASCII characters */
    assert_int_equal(zwh_qr_decode("900057989135515253545541424344453132333435212223242500100435301537022"
                                   "06552000100000030057806420318533277562844823085223693030908481084"
                                   "81", &q, NULL), 0);
    assert_int_equal(q.requested_keys, ZWH_KEY_ALL);
    assert_int_equal(q.uuid_format, ZWH_QR_UUID_SN_ASCII);
    assert_int_equal(zwh_qr_uuid_format(&q, u, sizeof u), 19);
    assert_string_equal(u, "sn:Hello Z-Wave!!!!");
    /* RFC 4122 presentation */
    assert_int_equal(zwh_qr_decode("900149761004515253545541424344453132333435212223242500100435301537022"
                                   "06552000100000030057806420622741578740572319616370195130740174002"
                                   "73", &q, NULL), 0);
    assert_int_equal(q.requested_keys, ZWH_KEY_S2_ACCESS_CONTROL);
    assert_int_equal(zwh_qr_uuid_format(&q, u, sizeof u), 36);
    assert_string_equal(u, "58d5e212-165b-4ca0-909b-c86b9cee0111");
    /* the other prefixes, applied to the same bytes */
    q.uuid_format = ZWH_QR_UUID_UUID_HEX;
    zwh_qr_uuid_format(&q, u, sizeof u);
    assert_string_equal(u, "UUID:58d5e212165b4ca0909bc86b9cee0111");
    q.uuid_format = 42; /* reserved: plain hex */
    zwh_qr_uuid_format(&q, u, sizeof u);
    assert_string_equal(u, "58d5e212165b4ca0909bc86b9cee0111");
}

typedef struct bad_case {
    const char *code;
    const char *why_contains;
} bad_case_t;

static void malformed_codes(void **state)
{
    (void)state;
    static const bad_case_t bad[] = {
        /* zwave-js's failure cases */
        {"90ab000000000000000000000000000000000000000000000000", "not a digit"},
        {"1100000000000000000000000000000000000000000000000000", "90"},
        {"900012345001", "short"},
        {"900199999003090360850151462432730701509765221393752300100179303072022000881000020000900257",
         "checksum"},
        /* one digit changed in the DSK of a valid code */
        {"900132782003515253545541424344453132333435212223242600100435301537022065520001000000300578",
         "checksum"},
        {"", "90"},
        {"9001327820035152535455414243444531323334352122232425001004353015370220655200010000003005x8",
         "not a digit"},
        {"900232782003515253545541424344453132333435212223242500100435301537022065520001000000300578",
         "version"},
        {"900164629008515253545541424344453132333435212223242500100435301537022065520001000000300578",
         "security class"},
        {"9001636770035152535455414243444531323334352122232425001004353015370220655200010000003005782103123",
         "critical"},
        {"90010591300351525354554142434445313233343521222324250009043530153022065520001000000300578",
         "length"},
        {"900133950003515253545541424344453132333435212223242500100435301537", "missing"},
        {"900148922003515253545541424344453132333435212223242500100435301537022065520001000000300578040204",
         "reserved"},
        {"90012469800351525354554142434445313233343521222324250010043530153700100435301537022065520001"
         "000000300578", "twice"},
        {"90013795200351525354554142434445313233343521222324250010043530153702206552000100000030057808",
         "truncated"},
        {"900125025003515253545541424344453132333435212223242500100435301537022065520001000000300578081003",
         "past the end"},
        {"900144061003655365152541424344453132333435212223242500100435301537022065520001000000300578",
         "65535"},
        {"900199999003515253545541424344453132333435212223242500100435301537022065520001000000300578",
         "checksum"},
        {"900165536003515253545541424344453132333435212223242500100435301537022065520001000000300578",
         "65535"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        zwh_qr_info_t q;
        memset(&q, 0x77, sizeof q);
        const char *why = NULL;
        int rc = zwh_qr_decode(bad[i].code, &q, &why);
        if (rc != ZWH_EQRCODE || !why || !strstr(why, bad[i].why_contains))
            fail_msg("case %zu: rc %d reason '%s', expected '%s'", i, rc, why ? why : "(null)",
                     bad[i].why_contains);
        assert_int_equal(q.version, 0x77); /* out untouched */
    }
    char longcode[1100];
    memset(longcode, '1', sizeof longcode - 1);
    longcode[sizeof longcode - 1] = '\0';
    longcode[0] = '9';
    longcode[1] = '0';
    const char *why = NULL;
    zwh_qr_info_t q;
    assert_int_equal(zwh_qr_decode(longcode, &q, &why), ZWH_EQRCODE);
    assert_non_null(strstr(why, "too long"));
    assert_int_equal(zwh_qr_decode(NULL, &q, &why), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(acme_light_dimmer),
        cmocka_unit_test(oscorp_door_lock_uuid),
        cmocka_unit_test(white_space_is_ignored),
        cmocka_unit_test(optional_blocks),
        cmocka_unit_test(uuid_formats),
        cmocka_unit_test(malformed_codes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
