/* src/util: error table, byte reader/writer, CRC-16, logging and redaction. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "util/bytes.h"
#include "util/crc16.h"
#include "util/log.h"

static void errors_have_names_and_messages(void **state)
{
    (void)state;
    assert_string_equal(zwh_err_name(ZWH_ETIMEDOUT), "ZWH_ETIMEDOUT");
    assert_string_equal(zwh_strerror(ZWH_ETIMEDOUT), "timed out");
    assert_string_equal(zwh_err_name(ZWH_ES2_DECRYPT), "ZWH_ES2_DECRYPT");
    assert_string_equal(zwh_err_name(ZWH_EKEX_FAIL), "ZWH_EKEX_FAIL");
    assert_int_equal(ZWH_EINVAL, -EINVAL); /* system failures reuse -errno */
    assert_int_equal(ZWH_ECONNRESET, -ECONNRESET);
    assert_string_equal(zwh_strerror(0), "success");
    assert_string_equal(zwh_err_name(-123456), "ZWH_EUNKNOWN");
    assert_string_equal(zwh_strerror(-123456), "unknown error");
    assert_true(zwh_version() == ZWH_VERSION_HEX);
    assert_string_equal(zwh_version_string(), "0.1.0");
}

static void reader_is_bounds_checked_and_sticky(void **state)
{
    (void)state;
    const uint8_t buf[] = {0x01, 0x02, 0x03, 0xFF, 0xFE, 0x80, 0x00, 0x00, 0x01};
    zwh__rd_t r;
    zwh__rd_init(&r, buf, sizeof buf);
    assert_int_equal(zwh__rd_u8(&r), 0x01);
    assert_int_equal(zwh__rd_u16(&r), 0x0203);
    assert_int_equal(zwh__rd_int(&r, 2), -2); /* FF FE */
    assert_int_equal(zwh__rd_int(&r, 1), -128);
    assert_int_equal(zwh__rd_left(&r), 3);
    assert_int_equal(zwh__rd_u24(&r), 1);
    assert_true(zwh__rd_done(&r));
    assert_int_equal(zwh__rd_u8(&r), 0); /* past the end */
    assert_false(zwh__rd_ok(&r));
    assert_int_equal(zwh__rd_u8(&r), 0); /* sticky */
    uint8_t out[4] = {9, 9, 9, 9};
    assert_false(zwh__rd_copy(&r, out, 4));
    assert_int_equal(out[0], 0);

    zwh__rd_init(&r, buf, 2);
    assert_null(zwh__rd_take(&r, 3));
    assert_false(zwh__rd_ok(&r));
    zwh__rd_init(&r, buf, 4);
    assert_int_equal((uint32_t)zwh__rd_int(&r, 4), 0x010203FFu);
    zwh__rd_init(&r, buf, 4);
    (void)zwh__rd_int(&r, 3);
    assert_false(zwh__rd_ok(&r)); /* 3-byte signed is not a Z-Wave size */
    zwh__rd_init(&r, NULL, 10);
    assert_int_equal(zwh__rd_left(&r), 0);
}

static void writer_is_bounds_checked_and_sticky(void **state)
{
    (void)state;
    uint8_t buf[6];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    zwh__wr_u8(&w, 0xAA);
    zwh__wr_u32(&w, 0x01020304);
    assert_true(zwh__wr_ok(&w));
    zwh__wr_u16(&w, 0xBEEF); /* 7 > 6 */
    assert_false(zwh__wr_ok(&w));
    zwh__wr_u8(&w, 1);
    assert_int_equal(zwh__wr_len(&w), 5);
    const uint8_t want[] = {0xAA, 1, 2, 3, 4};
    assert_memory_equal(buf, want, 5);
}

static void crc16_matches_known_values(void **state)
{
    (void)state;
    const uint8_t check[] = "123456789";
    assert_int_equal(zwh__crc16(check, 9), 0xE5CC); /* CRC-16/AUG-CCITT check value */
    /* CRC-16 Encapsulation of Basic Get: 56 01 20 02 -> 4D 26 (Z-Wave CC spec example) */
    const uint8_t basic_get[] = {0x56, 0x01, 0x20, 0x02};
    assert_int_equal(zwh__crc16(basic_get, 4), 0x4D26);
    uint16_t c = zwh__crc16_update(ZWH__CRC16_INIT, basic_get, 2);
    assert_int_equal(zwh__crc16_update(c, basic_get + 2, 2), 0x4D26);
}

struct captured { int n; int level; char line[600]; };
static void capture(int level, const char *line, void *user)
{
    struct captured *c = user;
    c->n++;
    c->level = level;
    snprintf(c->line, sizeof c->line, "%s", line);
}

static void logging_goes_to_the_sink_and_masks(void **state)
{
    (void)state;
    struct captured c = {0};
    zwh__log_t log;
    zwh__log_init(&log);
    ZWH_LOGI(&log, "no sink yet %d", 1); /* must not crash */
    log.cb = capture;
    log.user = &c;
    log.prefix = "host";
    ZWH_LOGD(&log, "debug is below the default level");
    assert_int_equal(c.n, 0);
    ZWH_LOGI(&log, "hello %d", 42);
    assert_int_equal(c.n, 1);
    assert_string_equal(c.line, "host: hello 42");
    const uint8_t b[] = {0x01, 0xAB};
    zwh__log_hex(&log, ZWH_LOG_INFO, "rx", b, 2);
    assert_string_equal(c.line, "host: rx: 01 ab");
    char tmp[16];
    ZWH_LOGI(&log, "code=%s", zwh__log_user_code(&log, "1234", tmp, sizeof tmp));
    assert_string_equal(c.line, "host: code=****");
    log.flags |= ZWH_LOG_SHOW_USER_CODES;
    ZWH_LOGI(&log, "code=%s", zwh__log_user_code(&log, "1234", tmp, sizeof tmp));
    assert_string_equal(c.line, "host: code=1234");
    assert_string_equal(zwh_log_level_name(ZWH_LOG_TRACE), "trace");
    uint8_t big[100];
    memset(big, 0x11, sizeof big);
    zwh__log_hex(&log, ZWH_LOG_INFO, "big", big, sizeof big);
    assert_non_null(strstr(c.line, " ..."));
}

static void secure_zero_wipes(void **state)
{
    (void)state;
    uint8_t key[16];
    memset(key, 0x5A, sizeof key);
    zwh__secure_zero(key, sizeof key);
    for (size_t i = 0; i < sizeof key; i++)
        assert_int_equal(key[i], 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(errors_have_names_and_messages),
        cmocka_unit_test(reader_is_bounds_checked_and_sticky),
        cmocka_unit_test(writer_is_bounds_checked_and_sticky),
        cmocka_unit_test(crc16_matches_known_values),
        cmocka_unit_test(logging_goes_to_the_sink_and_masks),
        cmocka_unit_test(secure_zero_wipes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
