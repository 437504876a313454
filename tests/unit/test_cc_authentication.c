/* Authentication CC v1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"
#include "util/crc16.h"

ZWH_TEST_DECODER(authentication_capability_report, zwh_authentication_capability_report_t)
ZWH_TEST_DECODER(authentication_data_report, zwh_authentication_data_report_t)
ZWH_TEST_DECODER(authentication_combination_report, zwh_authentication_combination_report_t)
ZWH_TEST_DECODER(authentication_checksum_report, zwh_authentication_checksum_t)

static void capability(void **state)
{
    (void)state;
    uint8_t out[64];
    zwh_authentication_capability_report_t c = {.data_ids = 100, .auth_ids = 0xFFFF, .mar = 1, .madr = 1,
                                                .or_logic = 1, .tech_mask_len = 1, .tech_mask = {0x06},
                                                .checksum_mask = 0x03, .fallback_mask_len = 1,
                                                .fallback_mask = {0x1F}}, b;
    const uint8_t want[] = {0xA1, 0x02, 0x00, 0x64, 0xFF, 0xFF, 0xE1, 0x06, 0x03, 0x01, 0x1F};
    assert_int_equal(zwh_authentication_capability_report_encode(&c, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_authentication_capability_report_decode(want, sizeof want, &b), 0);
    assert_memory_equal(&b, &c, sizeof b);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_authentication_capability_report, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "Authentication.CapabilityReport data_ids=100 auth_ids=65535 mar=1 madr=1 or=1 "
                    "technologies=[1,2] checksums=[0,1] fallbacks=[0,1,2,3,4]");
    c.tech_mask_len = 16;
    assert_int_equal(zwh_authentication_capability_report_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.tech_mask_len = 15;
    c.fallback_mask_len = 31;
    assert_int_equal(zwh_authentication_capability_report_encode(&c, out, sizeof out), 2 + 5 + 15 + 2 + 31);
    c.fallback_mask_len = 32;
    assert_int_equal(zwh_authentication_capability_report_encode(&c, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_authentication_capability_get_encode(out, sizeof out), 2);
}

static void data(void **state)
{
    (void)state;
    uint8_t out[512];
    zwh_authentication_data_t d = {.data_id = 1, .tech_type = ZWH_AUTHENTICATION_RFID, .data_len = 4,
                                   .data = {0xAB, 0xC1, 0x00, 0x01}}, db;
    const uint8_t want[] = {0xA1, 0x03, 0x00, 0x01, 0x01, 0x04, 0xAB, 0xC1, 0x00, 0x01};
    assert_int_equal(zwh_authentication_data_set_encode(&d, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_authentication_data_set_decode(want, sizeof want, &db), 0);
    assert_memory_equal(&db, &d, sizeof db);
    zwh_test_format(want, sizeof want, "Authentication.DataSet data_id=1 technology=1 data=ab c1 00 01");
    d.tech_type = 16;
    assert_int_equal(zwh_authentication_data_set_encode(&d, out, sizeof out), ZWH_EINVAL);
    d.tech_type = 1;
    d.data_id = 0; /* erase-all carries no data */
    assert_int_equal(zwh_authentication_data_set_encode(&d, out, sizeof out), ZWH_EINVAL);

    zwh_authentication_get_t g = {.id = 0x0102, .report_more = 1}, gb;
    assert_int_equal(zwh_authentication_data_get_encode(&g, out, sizeof out), 5);
    assert_int_equal(zwh_authentication_data_get_decode(out, 5, &gb), 0);
    assert_int_equal(gb.id, 0x0102);
    assert_int_equal(gb.report_more, 1);
    zwh_test_format(out, 5, "Authentication.DataGet id=258 report_more=1");
    g.report_more = 2;
    assert_int_equal(zwh_authentication_data_get_encode(&g, out, sizeof out), ZWH_EINVAL);

    /* the most blocks, each with the longest data */
    static zwh_authentication_data_report_t r, rb;
    memset(&r, 0, sizeof r);
    r.count = ZWH_AUTHENTICATION_MAX_BLOCKS;
    r.next_data_id = 77;
    for (size_t i = 0; i < r.count; i++) {
        r.blocks[i].data_id = (uint16_t)(i + 1);
        r.blocks[i].tech_type = 2;
        r.blocks[i].data_len = ZWH_AUTHENTICATION_MAX_DATA;
        memset(r.blocks[i].data, (int)i, ZWH_AUTHENTICATION_MAX_DATA);
    }
    int n = zwh_authentication_data_report_encode(&r, out, sizeof out);
    assert_int_equal(n, 3 + ZWH_AUTHENTICATION_MAX_BLOCKS * (4 + ZWH_AUTHENTICATION_MAX_DATA) + 2);
    assert_int_equal(zwh_authentication_data_report_decode(out, (size_t)n, &rb), 0);
    assert_memory_equal(&rb, &r, sizeof rb);
    zwh_test_truncations(out, (size_t)n, (size_t)n, dec_authentication_data_report, &rb, sizeof rb);
    r.blocks[1].data_len = ZWH_AUTHENTICATION_MAX_DATA + 1;
    assert_int_equal(zwh_authentication_data_report_encode(&r, out, sizeof out), ZWH_EINVAL);
    r.count = 0;
    assert_int_equal(zwh_authentication_data_report_encode(&r, out, sizeof out), ZWH_EINVAL);
    const uint8_t toolong[] = {0xA1, 0x05, 0x01, 0x00, 0x01, 0x01, ZWH_AUTHENTICATION_MAX_DATA + 1};
    assert_int_equal(zwh_authentication_data_report_decode(toolong, sizeof toolong, &rb), ZWH_EBADMSG);
}

static void combinations(void **state)
{
    (void)state;
    uint8_t out[256];
    /* The three entries of the specification's combination-checksum example,
     * blocks 1 and 3 of which make up its checksum data. */
    static zwh_authentication_combination_report_t r, rb;
    memset(&r, 0, sizeof r);
    r.count = 2;
    r.blocks[0] = (zwh_authentication_combination_t){.auth_id = 1, .user_id = 1, .ndata = 1, .data_ids = {1}};
    r.blocks[1] = (zwh_authentication_combination_t){.auth_id = 3, .user_id = 200, .schedule_id = 1, .ndata = 2,
                                                     .data_ids = {4, 5}};
    int n = zwh_authentication_combination_report_encode(&r, out, sizeof out);
    const uint8_t blocks[] = {0x0B, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01,
                              0x0D, 0x00, 0x03, 0x00, 0x00, 0xC8, 0x00, 0x01, 0x02, 0x00, 0x04, 0x00, 0x05};
    assert_int_equal(n, 3 + (int)sizeof blocks + 2);
    assert_memory_equal(out + 3, blocks, sizeof blocks);
    /* Spec golden value: CRC-CCITT (init 0x1D0F) over these blocks is 0x0A53. */
    assert_int_equal(zwh__crc16(blocks, sizeof blocks), 0x0A53);
    memset(&rb, 0, sizeof rb);
    assert_int_equal(zwh_authentication_combination_report_decode(out, (size_t)n, &rb), 0);
    assert_memory_equal(&rb, &r, sizeof rb);
    zwh_test_truncations(out, (size_t)n, (size_t)n, dec_authentication_combination_report, &rb, sizeof rb);
    zwh_test_format(out, (size_t)n,
                    "Authentication.CombinationReport [ auth_id=1 fallback=available user=1 schedule=0 logic=and "
                    "data_ids=[1] ] [ auth_id=3 fallback=available user=200 schedule=1 logic=and data_ids=[4,5] ] next=0");
    /* a block length that does not cover its fields, and one with extra bytes */
    out[3] = 0x0A;
    assert_int_equal(zwh_authentication_combination_report_decode(out, (size_t)n, &rb), ZWH_EBADMSG);
    const uint8_t longer[] = {0xA1, 0x08, 0x01, 0x0B, 0x00, 0x07, 0x01, 0x00, 0x00, 0x00, 0x00, 0x00, 0xEE, 0xEE, 0x00, 0x00};
    assert_int_equal(zwh_authentication_combination_report_decode(longer, sizeof longer, &rb), 0);
    assert_int_equal(rb.blocks[0].auth_id, 7);
    assert_int_equal(rb.blocks[0].fallback_status, 1);

    /* Set with OR logic and the most data ids */
    static zwh_authentication_combination_t c, cb;
    memset(&c, 0, sizeof c);
    c.auth_id = 0xFFFF;
    c.fallback_status = ZWH_AUTHENTICATION_PASSAGE;
    c.or_logic = 1;
    c.ndata = ZWH_AUTHENTICATION_MAX_DATA_IDS;
    for (size_t i = 0; i < c.ndata; i++)
        c.data_ids[i] = (uint16_t)(0xFF00 + i);
    n = zwh_authentication_combination_set_encode(&c, out, sizeof out);
    assert_int_equal(n, 10 + 2 * ZWH_AUTHENTICATION_MAX_DATA_IDS);
    assert_int_equal(out[9], 0x80 | ZWH_AUTHENTICATION_MAX_DATA_IDS);
    memset(&cb, 0, sizeof cb);
    assert_int_equal(zwh_authentication_combination_set_decode(out, (size_t)n, &cb), 0);
    assert_memory_equal(&cb, &c, sizeof cb);
    c.ndata = ZWH_AUTHENTICATION_MAX_DATA_IDS + 1;
    assert_int_equal(zwh_authentication_combination_set_encode(&c, out, sizeof out), ZWH_EINVAL);
    c.ndata = 1;
    c.fallback_status = 5;
    assert_int_equal(zwh_authentication_combination_set_encode(&c, out, sizeof out), ZWH_EINVAL);

    zwh_authentication_get_t g = {.id = 5}, gb;
    assert_int_equal(zwh_authentication_combination_get_encode(&g, out, sizeof out), 5);
    assert_int_equal(zwh_authentication_combination_get_decode(out, 5, &gb), 0);
    assert_int_equal(gb.id, 5);
    assert_int_equal(zwh_authentication_combination_get_decode(out, 4, &gb), ZWH_EBADMSG);
}

static void checksum(void **state)
{
    (void)state;
    uint8_t out[8];
    /* Command ids follow the class's command list (Checksum Report 0x0A); the
     * 2024A specification's table header prints 0x0F for the report. */
    zwh_authentication_checksum_t g = {.checksum_type = ZWH_AUTHENTICATION_CHECKSUM_DATA, .tech_type = 1}, b;
    assert_int_equal(zwh_authentication_checksum_get_encode(&g, out, sizeof out), 3);
    assert_int_equal(out[1], 0x09);
    assert_int_equal(out[2], 0x01);
    zwh_authentication_checksum_t r = {.checksum_type = ZWH_AUTHENTICATION_CHECKSUM_COMBINATIONS, .checksum = 0x0A53};
    const uint8_t want[] = {0xA1, 0x0A, 0x10, 0x0A, 0x53};
    assert_int_equal(zwh_authentication_checksum_report_encode(&r, out, sizeof out), 5);
    assert_memory_equal(out, want, 5);
    assert_int_equal(zwh_authentication_checksum_report_decode(want, 5, &b), 0);
    assert_memory_equal(&b, &r, sizeof b);
    zwh_test_truncations(want, 5, 5, dec_authentication_checksum_report, &b, sizeof b);
    zwh_test_format(want, 5, "Authentication.ChecksumReport type=combinations technology=0 checksum=0x0a53");
    r.checksum_type = 8;
    assert_int_equal(zwh_authentication_checksum_report_encode(&r, out, sizeof out), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capability),
        cmocka_unit_test(data),
        cmocka_unit_test(combinations),
        cmocka_unit_test(checksum),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
