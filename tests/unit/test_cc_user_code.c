/* User Code CC v2: code validation, v1/v2 lengths, extended codes, bounds. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(user_code_report, zwh_user_code_t)
ZWH_TEST_DECODER(user_code_capabilities_report, zwh_user_code_capabilities_report_t)
ZWH_TEST_DECODER(user_code_extended_report, zwh_user_code_extended_report_t)
ZWH_TEST_DECODER(user_code_extended_set, zwh_user_code_extended_set_t)
ZWH_TEST_DECODER(user_code_users_number_report, zwh_user_code_users_number_report_t)
ZWH_TEST_DECODER(user_code_admin_code_report, zwh_user_code_admin_code_t)

static void set_validation(void **state)
{
    (void)state;
    uint8_t out[32];
    zwh_user_code_t c = {.user_id = 255, .status = ZWH_USER_CODE_STATUS_PASSAGE, .code_len = 10, .code = "0123456789"}, b;
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), 14);
    assert_int_equal(zwh_user_code_set_decode(out, 14, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    c.code_len = 11;
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.code_len = 3; /* shortest code is 4 */
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.code_len = 4;
    c.code[2] = 'A'; /* digits only */
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.code[2] = '2';
    c.status = 5;
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.status = ZWH_USER_CODE_STATUS_NOT_AVAILABLE; /* a report status */
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.status = ZWH_USER_CODE_STATUS_ENABLED;
    c.user_id = 0; /* id 0 only to erase all */
    assert_int_equal(zwh_user_code_set_encode(&c, out, sizeof out), ZWH_EINVAL);

    /* erase (available): the code travels as four zero bytes, whatever the struct holds */
    zwh_user_code_t erase = {.user_id = 0, .status = ZWH_USER_CODE_STATUS_AVAILABLE, .code_len = 2, .code = "ab"};
    const uint8_t want[] = {0x63, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00};
    assert_int_equal(zwh_user_code_set_encode(&erase, out, sizeof out), 8);
    assert_memory_equal(out, want, 8);
    zwh_test_format(want, 8, "UserCode.Set user=0 status=available code=00 00 00 00");
    zwh_user_code_t ok = {.user_id = 1, .status = 1, .code_len = 4, .code = "1234"};
    assert_int_equal(zwh_user_code_set_encode(&ok, out, 7), ZWH_EMSGSIZE);
}

static void report_and_get(void **state)
{
    (void)state;
    uint8_t out[32];
    zwh_user_code_get_t g = {.user_id = 7}, gb;
    assert_int_equal(zwh_user_code_get_encode(&g, out, sizeof out), 3);
    assert_int_equal(zwh_user_code_get_decode(out, 3, &gb), 0);
    assert_int_equal(gb.user_id, 7);
    zwh_test_format(out, 3, "UserCode.Get user=7");

    /* a report with status "not available" and no code */
    const uint8_t na[] = {0x63, 0x03, 0x09, 0xFE};
    zwh_user_code_t r;
    assert_int_equal(zwh_user_code_report_decode(na, sizeof na, &r), 0);
    assert_int_equal(r.status, 0xFE);
    assert_int_equal(r.code_len, 0);
    assert_int_equal(zwh_user_code_report_encode(&r, out, sizeof out), 4);
    assert_memory_equal(out, na, 4);
    zwh_test_truncations(na, sizeof na, 4, dec_user_code_report, &r, sizeof r);

    const uint8_t full[] = {0x63, 0x03, 0x03, 0x01, '9', '8', '7', '6', '5', '4', '3', '2', '1', '0'};
    zwh_test_truncations(full, sizeof full, 4, dec_user_code_report, &r, sizeof r);
    zwh_test_format(full, sizeof full, "UserCode.Report user=3 status=enabled code=\"9876543210\"");
    /* eleven code bytes cannot be a user code */
    const uint8_t too_long[] = {0x63, 0x03, 0x03, 0x01, '1', '1', '1', '1', '1', '1', '1', '1', '1', '1', '1'};
    assert_int_equal(zwh_user_code_report_decode(too_long, sizeof too_long, &r), ZWH_EBADMSG);
    zwh_test_format(too_long, sizeof too_long, "UserCode.Report malformed: 03 01 31 31 31 31 31 31 31 31 31 31 31");
}

static void users_number(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_user_code_users_number_report_t u = {.supported_users = 255, .has_extended = 1, .extended_supported_users = 0xFFFF}, b;
    const uint8_t want[] = {0x63, 0x05, 0xFF, 0xFF, 0xFF};
    assert_int_equal(zwh_user_code_users_number_report_encode(&u, out, sizeof out), 5);
    assert_memory_equal(out, want, 5);
    assert_int_equal(zwh_user_code_users_number_report_decode(want, 5, &b), 0);
    assert_memory_equal(&b, &u, sizeof b);
    zwh_test_truncations(want, sizeof want, 3, dec_user_code_users_number_report, &b, sizeof b);
    /* V1 */
    assert_int_equal(zwh_user_code_users_number_report_decode(want, 3, &b), 0);
    assert_int_equal(b.has_extended, 0);
    assert_int_equal(b.supported_users, 255);
    zwh_test_format(want, 5, "UserCode.UsersNumberReport users=255 extended=65535");
    assert_int_equal(zwh_user_code_users_number_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x04);
}

static void capabilities(void **state)
{
    (void)state;
    uint8_t out[64];
    zwh_user_code_capabilities_report_t c = {.admin_code = 1, .admin_code_deactivation = 1, .status_mask = 0x1F,
                                             .checksum = 1, .multiple_report = 1, .multiple_set = 1,
                                             .keypad_modes_mask = 0x0F, .keys_len = 8}, b;
    c.keys_mask[6] = 0xFF; /* '0'..'7' */
    c.keys_mask[7] = 0x03; /* '8','9' */
    const uint8_t want[] = {0x63, 0x07, 0xC1, 0x1F, 0xE1, 0x0F, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x03};
    assert_int_equal(zwh_user_code_capabilities_report_encode(&c, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_user_code_capabilities_report_decode(want, sizeof want, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_user_code_capabilities_report, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "UserCode.CapabilitiesReport admin=1 admin_deactivation=1 statuses=[0,1,2,3,4] checksum=1 "
                    "multi_report=1 multi_set=1 keypad_modes=[0,1,2,3] keys=\"0123456789\"");
    c.keys_len = 17;
    assert_int_equal(zwh_user_code_capabilities_report_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.keys_len = 8;
    c.checksum = 2;
    assert_int_equal(zwh_user_code_capabilities_report_encode(&c, out, sizeof out), ZWH_EINVAL);
}

static void keypad_admin_checksum(void **state)
{
    (void)state;
    uint8_t out[16];
    zwh_user_code_keypad_mode_t k = {.mode = ZWH_USER_CODE_KEYPAD_LOCKED_OUT}, kb;
    assert_int_equal(zwh_user_code_keypad_mode_set_encode(&k, out, sizeof out), 3);
    assert_int_equal(zwh_user_code_keypad_mode_set_decode(out, 3, &kb), 0);
    assert_int_equal(kb.mode, 3);
    zwh_test_format(out, 3, "UserCode.KeypadModeSet mode=locked_out");
    assert_int_equal(zwh_user_code_keypad_mode_report_encode(&k, out, sizeof out), 3);
    assert_int_equal(zwh_user_code_keypad_mode_report_decode(out, 3, &kb), 0);
    k.mode = 4;
    assert_int_equal(zwh_user_code_keypad_mode_set_encode(&k, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_user_code_keypad_mode_get_encode(out, sizeof out), 2);

    zwh_user_code_admin_code_t a = {.code_len = 10, .code = "9999999999"}, ab;
    assert_int_equal(zwh_user_code_admin_code_set_encode(&a, out, sizeof out), 13);
    assert_int_equal(out[2], 10);
    assert_int_equal(zwh_user_code_admin_code_set_decode(out, 13, &ab), 0);
    assert_memory_equal(&ab, &a, sizeof ab);
    a.code_len = 0; /* deactivate */
    assert_int_equal(zwh_user_code_admin_code_report_encode(&a, out, sizeof out), 3);
    assert_int_equal(zwh_user_code_admin_code_report_decode(out, 3, &ab), 0);
    assert_int_equal(ab.code_len, 0);
    a.code_len = 3;
    assert_int_equal(zwh_user_code_admin_code_set_encode(&a, out, sizeof out), ZWH_EINVAL);
    const uint8_t admin[] = {0x63, 0x10, 0x04, '1', '2', '3', '4'};
    zwh_test_truncations(admin, sizeof admin, sizeof admin, dec_user_code_admin_code_report, &ab, sizeof ab);
    zwh_test_format(admin, sizeof admin, "UserCode.AdminCodeReport code=\"1234\"");
    const uint8_t admin_11[] = {0x63, 0x10, 0x0B, '1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '1'};
    assert_int_equal(zwh_user_code_admin_code_report_decode(admin_11, sizeof admin_11, &ab), ZWH_EBADMSG);

    zwh_user_code_checksum_report_t cs = {.checksum = 0xEAAD}, csb;
    assert_int_equal(zwh_user_code_checksum_report_encode(&cs, out, sizeof out), 4);
    assert_int_equal(zwh_user_code_checksum_report_decode(out, 4, &csb), 0);
    assert_int_equal(csb.checksum, 0xEAAD);
    zwh_test_format(out, 4, "UserCode.ChecksumReport checksum=0xeaad");
    assert_int_equal(zwh_user_code_checksum_report_decode(out, 3, &csb), ZWH_EBADMSG);
    assert_int_equal(zwh_user_code_checksum_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x11);
}

static void extended(void **state)
{
    (void)state;
    uint8_t out[512];
    /* static: padding after count is zero, so memcmp compares only fields */
    static zwh_user_code_extended_set_t s = {.count = 2};
    s.entries[0] = (zwh_user_code_entry_t){.user_id = 300, .status = 1, .code_len = 4, .code = "1234"};
    s.entries[1] = (zwh_user_code_entry_t){.user_id = 0xFFFF, .status = 0, .code_len = 0};
    const uint8_t want[] = {0x63, 0x0B, 0x02, 0x01, 0x2C, 0x01, 0x04, '1', '2', '3', '4', 0xFF, 0xFF, 0x00, 0x00};
    assert_int_equal(zwh_user_code_extended_set_encode(&s, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    static zwh_user_code_extended_set_t sb;
    assert_int_equal(zwh_user_code_extended_set_decode(want, sizeof want, &sb), 0);
    assert_memory_equal(&sb, &s, sizeof sb);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_user_code_extended_set, &sb, sizeof sb);
    zwh_test_format(want, sizeof want,
                    "UserCode.ExtendedSet count=2 [user=300 status=enabled code=\"1234\"] [user=65535 status=available code=\"\"]");

    /* the maximum number of entries, each with the longest code */
    static zwh_user_code_extended_report_t r = {.count = ZWH_USER_CODE_MAX_ENTRIES, .next_user_id = 0x1234}, rb;
    for (size_t i = 0; i < ZWH_USER_CODE_MAX_ENTRIES; i++)
        r.entries[i] = (zwh_user_code_entry_t){.user_id = (uint16_t)(i + 1), .status = 2, .code_len = 10, .code = "5555555555"};
    int n = zwh_user_code_extended_report_encode(&r, out, sizeof out);
    assert_int_equal(n, 2 + 1 + ZWH_USER_CODE_MAX_ENTRIES * 14 + 2);
    assert_int_equal(zwh_user_code_extended_report_decode(out, (size_t)n, &rb), 0);
    assert_memory_equal(&rb, &r, sizeof rb);
    zwh_test_truncations(out, (size_t)n, (size_t)n, dec_user_code_extended_report, &rb, sizeof rb);
    out[2] = ZWH_USER_CODE_MAX_ENTRIES + 1;
    assert_int_equal(zwh_user_code_extended_report_decode(out, (size_t)n, &rb), ZWH_EBADMSG);
    r.count = ZWH_USER_CODE_MAX_ENTRIES + 1;
    assert_int_equal(zwh_user_code_extended_report_encode(&r, out, sizeof out), ZWH_EINVAL);

    /* a code length field beyond 10 */
    const uint8_t badlen[] = {0x63, 0x0D, 0x01, 0x00, 0x01, 0x01, 0x0B, '1', '1', '1', '1', '1', '1', '1', '1',
                              '1', '1', '1', 0x00, 0x00};
    assert_int_equal(zwh_user_code_extended_report_decode(badlen, sizeof badlen, &rb), ZWH_EBADMSG);

    static zwh_user_code_extended_set_t bad;
    bad = s;
    bad.entries[1].code_len = 4; /* available carries no code */
    assert_int_equal(zwh_user_code_extended_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = s;
    bad.count = 0;
    assert_int_equal(zwh_user_code_extended_set_encode(&bad, out, sizeof out), ZWH_EINVAL);
    bad = s;
    bad.entries[0].user_id = 0;
    assert_int_equal(zwh_user_code_extended_set_encode(&bad, out, sizeof out), ZWH_EINVAL);

    zwh_user_code_extended_get_t g = {.user_id = 0xABCD, .report_more = 1}, gb;
    assert_int_equal(zwh_user_code_extended_get_encode(&g, out, sizeof out), 5);
    assert_int_equal(zwh_user_code_extended_get_decode(out, 5, &gb), 0);
    assert_int_equal(gb.user_id, 0xABCD);
    assert_int_equal(gb.report_more, 1);
    zwh_test_format(out, 5, "UserCode.ExtendedGet user=43981 report_more=1");
    g.report_more = 2;
    assert_int_equal(zwh_user_code_extended_get_encode(&g, out, sizeof out), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_validation),
        cmocka_unit_test(report_and_get),
        cmocka_unit_test(users_number),
        cmocka_unit_test(capabilities),
        cmocka_unit_test(keypad_admin_checksum),
        cmocka_unit_test(extended),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
