/* Firmware Update Meta Data CC v5 codec. Golden frames cross-checked with
 * zwave-js 15 CommandClass.parse; the Report CRCs were computed with zwave-js
 * CRC16_CCITT (an independent implementation of the same CRC-16). The n4003
 * plug (seed 002) implements v5, the HKZW_SO03 (seed 001) v1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

typedef zwh_firmware_update_meta_data_report_t md_t;
typedef zwh_firmware_update_report_t frag_t;

static void meta_data(void **state)
{
    (void)state;
    uint8_t out[8];
    assert_int_equal(zwh_firmware_update_meta_data_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x7A);
    assert_int_equal(out[1], 0x01);
    {
        /* v5: upgradable, one extra target (firmware 0x0004), 40-byte fragments, hardware 1 */
        md_t r = {.manufacturer_id = 0x027A, .firmware_id = 0x0003, .checksum = 0x1234, .has_targets = 1,
                  .upgradable = 1, .target_count = 1, .max_fragment_size = 40, .target_firmware_ids = {0x0004},
                  .has_hardware_version = 1, .hardware_version = 1};
        const uint8_t want[] = {0x7A, 0x02, 0x02, 0x7A, 0x00, 0x03, 0x12, 0x34, 0xFF,
                                0x01, 0x00, 0x28, 0x00, 0x04, 0x01};
        CC_ROUND_TRIP(zwh_firmware_update_meta_data_report_encode, zwh_firmware_update_meta_data_report_decode, md_t,
                      &r, want);
        assert_int_equal(cc_back.max_fragment_size, 40);
        assert_int_equal(cc_back.target_firmware_ids[0], 4);
        assert_int_equal(cc_back.has_capabilities, 0);
        CC_TRUNCATED(zwh_firmware_update_meta_data_report_decode, md_t, want, 8);
        /* the count promises a target id: stopping inside it is malformed */
        assert_int_equal(zwh_firmware_update_meta_data_report_decode(want, 13, &cc_back), ZWH_EBADMSG);
        cc_assert_format(want, sizeof want,
                         "FirmwareUpdateMetaData.MetaDataReport manufacturer=0x027a firmware=0x0003 checksum=0x1234 "
                         "upgradable=yes max_fragment=40 target1=0x0004 hardware=1");
    }
    {
        /* with the capability byte: activation and non-secure transfer */
        md_t r = {.manufacturer_id = 0x027A, .firmware_id = 0x0003, .checksum = 0x1234, .has_targets = 1,
                  .upgradable = 1, .target_count = 1, .max_fragment_size = 40, .target_firmware_ids = {0x0004},
                  .has_hardware_version = 1, .hardware_version = 1, .has_capabilities = 1, .activation = 1,
                  .non_secure = 1};
        const uint8_t want[] = {0x7A, 0x02, 0x02, 0x7A, 0x00, 0x03, 0x12, 0x34, 0xFF,
                                0x01, 0x00, 0x28, 0x00, 0x04, 0x01, 0x06};
        CC_ROUND_TRIP(zwh_firmware_update_meta_data_report_encode, zwh_firmware_update_meta_data_report_decode, md_t,
                      &r, want);
        assert_int_equal(cc_back.activation, 1);
        assert_int_equal(cc_back.non_secure, 1);
        assert_int_equal(cc_back.continues_to_function, 0);
        r.continues_to_function = 1;
        r.resume = 1;
        uint8_t o[32];
        assert_int_equal(zwh_firmware_update_meta_data_report_encode(&r, o, sizeof o), 16);
        assert_int_equal(o[15], 0x0F);
        r.has_hardware_version = 0; /* capabilities need the hardware byte before them */
        CC_REFUSES(zwh_firmware_update_meta_data_report_encode, &r);
    }
    {
        /* v1 (seed 001's plug), and not upgradable v3 */
        md_t r = {.manufacturer_id = 0x0208, .firmware_id = 0x0101, .checksum = 0xBEEF};
        const uint8_t want[] = {0x7A, 0x02, 0x02, 0x08, 0x01, 0x01, 0xBE, 0xEF};
        CC_ROUND_TRIP(zwh_firmware_update_meta_data_report_encode, zwh_firmware_update_meta_data_report_decode, md_t,
                      &r, want);
        assert_int_equal(cc_back.has_targets, 0);
        r.has_targets = 1;
        r.max_fragment_size = 0xFFFF;
        const uint8_t v3[] = {0x7A, 0x02, 0x02, 0x08, 0x01, 0x01, 0xBE, 0xEF, 0x00, 0x00, 0xFF, 0xFF};
        CC_ROUND_TRIP_INTO(zwh_firmware_update_meta_data_report_encode, zwh_firmware_update_meta_data_report_decode,
                           &r, v3);
        assert_int_equal(cc_back.upgradable, 0);
        cc_assert_format(v3, sizeof v3,
                         "FirmwareUpdateMetaData.MetaDataReport manufacturer=0x0208 firmware=0x0101 checksum=0xbeef "
                         "upgradable=no max_fragment=65535");
    }
    {
        static md_t r;
        memset(&r, 0, sizeof r);
        r.has_targets = 1;
        r.target_count = 255;
        for (int i = 0; i < 255; i++)
            r.target_firmware_ids[i] = (uint16_t)(0x100 + i);
        static uint8_t big[600];
        assert_int_equal(zwh_firmware_update_meta_data_report_encode(&r, big, sizeof big), 12 + 510);
        static md_t back;
        assert_int_equal(zwh_firmware_update_meta_data_report_decode(big, 12 + 510, &back), 0);
        assert_int_equal(back.target_firmware_ids[254], 0x1FE);
    }
}

static void request(void **state)
{
    (void)state;
    {
        zwh_firmware_update_request_get_t g = {.manufacturer_id = 0x027A, .firmware_id = 0x0003, .checksum = 0x1234,
                                               .has_target = 1, .firmware_target = 0, .fragment_size = 40,
                                               .has_flags = 1, .has_hardware_version = 1, .hardware_version = 1};
        const uint8_t want[] = {0x7A, 0x03, 0x02, 0x7A, 0x00, 0x03, 0x12, 0x34, 0x00, 0x00, 0x28, 0x00, 0x01};
        CC_ROUND_TRIP(zwh_firmware_update_request_get_encode, zwh_firmware_update_request_get_decode,
                      zwh_firmware_update_request_get_t, &g, want);
        assert_int_equal(cc_back.fragment_size, 40);
        assert_int_equal(cc_back.hardware_version, 1);
        CC_TRUNCATED(zwh_firmware_update_request_get_decode, zwh_firmware_update_request_get_t, want, 8);
        cc_assert_format(want, sizeof want,
                         "FirmwareUpdateMetaData.RequestGet manufacturer=0x027a firmware=0x0003 checksum=0x1234 "
                         "target=0 fragment=40 hardware=1");
        g.activation = 1;
        g.non_secure = 1;
        g.resume = 1;
        uint8_t out[16];
        assert_int_equal(zwh_firmware_update_request_get_encode(&g, out, sizeof out), 13);
        assert_int_equal(out[11], 0x07);
        g.fragment_size = 0;
        CC_REFUSES(zwh_firmware_update_request_get_encode, &g);
        g.fragment_size = ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT + 1;
        CC_REFUSES(zwh_firmware_update_request_get_encode, &g);
        g.fragment_size = ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT;
        g.has_flags = 0; /* hardware version needs the flags byte before it */
        CC_REFUSES(zwh_firmware_update_request_get_encode, &g);
    }
    {
        zwh_firmware_update_request_report_t r = {.status = ZWH_FIRMWARE_REQUEST_OK, .has_flags = 1,
                                                  .non_secure = 1, .resume = 1};
        const uint8_t want[] = {0x7A, 0x04, 0xFF, 0x06};
        CC_ROUND_TRIP(zwh_firmware_update_request_report_encode, zwh_firmware_update_request_report_decode,
                      zwh_firmware_update_request_report_t, &r, want);
        assert_int_equal(cc_back.resume, 1);
        cc_assert_format(want, sizeof want, "FirmwareUpdateMetaData.RequestReport status=ok non-secure resume");
        const uint8_t low[] = {0x7A, 0x04, 0x06};
        cc_assert_format(low, sizeof low, "FirmwareUpdateMetaData.RequestReport status=battery-low");
    }
}

static void get_fragments(void **state)
{
    (void)state;
    zwh_firmware_update_get_t g = {.report_count = 2, .report_number = 1};
    const uint8_t want[] = {0x7A, 0x05, 0x02, 0x00, 0x01};
    CC_ROUND_TRIP(zwh_firmware_update_get_encode, zwh_firmware_update_get_decode, zwh_firmware_update_get_t, &g, want);
    CC_TRUNCATED(zwh_firmware_update_get_decode, zwh_firmware_update_get_t, want, sizeof want);
    cc_assert_format(want, sizeof want, "FirmwareUpdateMetaData.Get count=2 from=1");
    /* the reserved top bit is ignored */
    const uint8_t reserved[] = {0x7A, 0x05, 0x01, 0x80, 0x05};
    zwh_firmware_update_get_t back;
    assert_int_equal(zwh_firmware_update_get_decode(reserved, sizeof reserved, &back), 0);
    assert_int_equal(back.report_number, 5);
    g.report_number = 0x7FFF;
    uint8_t out[8];
    assert_int_equal(zwh_firmware_update_get_encode(&g, out, sizeof out), 5);
    g.report_number = 0x8000;
    CC_REFUSES(zwh_firmware_update_get_encode, &g);
    g.report_number = 0;
    CC_REFUSES(zwh_firmware_update_get_encode, &g);
    g.report_number = 1;
    g.report_count = 0;
    CC_REFUSES(zwh_firmware_update_get_encode, &g);
}

static void report_crc(void **state)
{
    (void)state;
    {
        /* last fragment 3, data DE AD BE EF, CRC-16 0x9FC9 over the whole command */
        static frag_t f = {.last = 1, .report_number = 3, .data_len = 4, .data = {0xDE, 0xAD, 0xBE, 0xEF}};
        const uint8_t want[] = {0x7A, 0x06, 0x80, 0x03, 0xDE, 0xAD, 0xBE, 0xEF, 0x9F, 0xC9};
        static frag_t cc_back;
        CC_ROUND_TRIP_INTO(zwh_firmware_update_report_encode, zwh_firmware_update_report_decode, &f, want);
        assert_int_equal(cc_back.last, 1);
        assert_int_equal(cc_back.report_number, 3);
        assert_int_equal(cc_back.data_len, 4);
        assert_memory_equal(cc_back.data, want + 4, 4);
        /* every truncation breaks the CRC or the header */
        CC_TRUNCATED(zwh_firmware_update_report_decode, frag_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "FirmwareUpdateMetaData.Report number=3 last bytes=4");
        /* one flipped bit anywhere is caught */
        uint8_t bad[sizeof want];
        for (size_t i = 2; i < sizeof want; i++) {
            memcpy(bad, want, sizeof want);
            bad[i] ^= 0x10;
            assert_int_equal(zwh_firmware_update_report_decode(bad, sizeof bad, &cc_back), ZWH_EBADMSG);
        }
        char line[128];
        zwh_cc_format(bad, sizeof bad, line, sizeof line);
        assert_string_equal(line, "FirmwareUpdateMetaData.Report malformed: 80 03 de ad be ef 9f d9");
    }
    {
        /* a 40-byte fragment, number 1, not last: CRC 0x75CB */
        static frag_t f;
        f.last = 0;
        f.report_number = 1;
        f.data_len = 40;
        uint8_t want[4 + 40 + 2] = {0x7A, 0x06, 0x00, 0x01};
        for (int i = 0; i < 40; i++)
            f.data[i] = want[4 + i] = (uint8_t)i;
        want[44] = 0x75;
        want[45] = 0xCB;
        static frag_t cc_back;
        CC_ROUND_TRIP_INTO(zwh_firmware_update_report_encode, zwh_firmware_update_report_decode, &f, want);
        assert_int_equal(cc_back.data_len, 40);
    }
    {
        /* largest number, one byte: CRC 0x4BB3 */
        static frag_t f = {.last = 1, .report_number = 0x7FFF, .data_len = 1, .data = {0x55}};
        const uint8_t want[] = {0x7A, 0x06, 0xFF, 0xFF, 0x55, 0x4B, 0xB3};
        static frag_t cc_back;
        CC_ROUND_TRIP_INTO(zwh_firmware_update_report_encode, zwh_firmware_update_report_decode, &f, want);
        f.data_len = 0;
        CC_REFUSES(zwh_firmware_update_report_encode, &f);
        f.data_len = ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT + 1;
        CC_REFUSES(zwh_firmware_update_report_encode, &f);
        f.data_len = 1;
        f.report_number = 0;
        CC_REFUSES(zwh_firmware_update_report_encode, &f);
        f.report_number = 1;
        f.last = 2;
        CC_REFUSES(zwh_firmware_update_report_encode, &f);
    }
    {
        /* the largest fragment fits; one more byte does not */
        static frag_t f;
        f.report_number = 9;
        f.data_len = ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT;
        memset(f.data, 0xA5, sizeof f.data);
        static uint8_t out[ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT + 8];
        int n = zwh_firmware_update_report_encode(&f, out, sizeof out);
        assert_int_equal(n, ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT + 6);
        static frag_t back;
        assert_int_equal(zwh_firmware_update_report_decode(out, (size_t)n, &back), 0);
        assert_int_equal(back.data_len, ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT);
        assert_int_equal(zwh_firmware_update_report_encode(&f, out, (size_t)n - 1), ZWH_EMSGSIZE);
        assert_int_equal(zwh_firmware_update_report_encode(&f, out, (size_t)n - 3), ZWH_EMSGSIZE);
        /* a frame one byte longer than the struct holds is refused before the CRC */
        static uint8_t longer[ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT + 7];
        memcpy(longer, out, (size_t)n);
        assert_int_equal(zwh_firmware_update_report_decode(longer, sizeof longer, &back), ZWH_EBADMSG);
    }
}

static void status_activation_prepare(void **state)
{
    (void)state;
    {
        zwh_firmware_update_status_report_t r = {.status = ZWH_FIRMWARE_STATUS_OK_RESTART, .has_wait_time = 1,
                                                 .wait_time = 5};
        const uint8_t want[] = {0x7A, 0x07, 0xFF, 0x00, 0x05};
        CC_ROUND_TRIP(zwh_firmware_update_status_report_encode, zwh_firmware_update_status_report_decode,
                      zwh_firmware_update_status_report_t, &r, want);
        assert_int_equal(cc_back.wait_time, 5);
        CC_TRUNCATED(zwh_firmware_update_status_report_decode, zwh_firmware_update_status_report_t, want, 3);
        cc_assert_format(want, sizeof want, "FirmwareUpdateMetaData.StatusReport status=ok-restart wait=5s");
        const uint8_t crc_err[] = {0x7A, 0x07, 0x00};
        cc_assert_format(crc_err, sizeof crc_err, "FirmwareUpdateMetaData.StatusReport status=checksum-error");
    }
    {
        zwh_firmware_update_activation_set_t s = {.manufacturer_id = 0x027A, .firmware_id = 0x0003,
                                                  .checksum = 0x1234, .firmware_target = 0,
                                                  .has_hardware_version = 1, .hardware_version = 1};
        const uint8_t want[] = {0x7A, 0x08, 0x02, 0x7A, 0x00, 0x03, 0x12, 0x34, 0x00, 0x01};
        CC_ROUND_TRIP(zwh_firmware_update_activation_set_encode, zwh_firmware_update_activation_set_decode,
                      zwh_firmware_update_activation_set_t, &s, want);
        CC_TRUNCATED(zwh_firmware_update_activation_set_decode, zwh_firmware_update_activation_set_t, want, 9);
    }
    {
        zwh_firmware_update_activation_status_report_t r = {.manufacturer_id = 0x027A, .firmware_id = 0x0003,
                                                            .checksum = 0x1234, .activation_status = 0xFF,
                                                            .has_hardware_version = 1, .hardware_version = 1};
        const uint8_t want[] = {0x7A, 0x09, 0x02, 0x7A, 0x00, 0x03, 0x12, 0x34, 0x00, 0xFF, 0x01};
        CC_ROUND_TRIP(zwh_firmware_update_activation_status_report_encode,
                      zwh_firmware_update_activation_status_report_decode,
                      zwh_firmware_update_activation_status_report_t, &r, want);
        CC_TRUNCATED(zwh_firmware_update_activation_status_report_decode,
                     zwh_firmware_update_activation_status_report_t, want, 10);
        cc_assert_format(want, sizeof want,
                         "FirmwareUpdateMetaData.ActivationStatusReport manufacturer=0x027a firmware=0x0003 "
                         "checksum=0x1234 target=0 status=success hardware=1");
    }
    {
        zwh_firmware_update_prepare_get_t g = {.manufacturer_id = 0x027A, .firmware_id = 0x0003,
                                               .firmware_target = 0, .fragment_size = 40, .hardware_version = 1};
        const uint8_t want[] = {0x7A, 0x0A, 0x02, 0x7A, 0x00, 0x03, 0x00, 0x00, 0x28, 0x01};
        CC_ROUND_TRIP(zwh_firmware_update_prepare_get_encode, zwh_firmware_update_prepare_get_decode,
                      zwh_firmware_update_prepare_get_t, &g, want);
        CC_TRUNCATED(zwh_firmware_update_prepare_get_decode, zwh_firmware_update_prepare_get_t, want, sizeof want);
        g.fragment_size = 0;
        CC_REFUSES(zwh_firmware_update_prepare_get_encode, &g);
    }
    {
        zwh_firmware_update_prepare_report_t r = {.status = ZWH_FIRMWARE_REQUEST_OK, .checksum = 0x1234};
        const uint8_t want[] = {0x7A, 0x0B, 0xFF, 0x12, 0x34};
        CC_ROUND_TRIP(zwh_firmware_update_prepare_report_encode, zwh_firmware_update_prepare_report_decode,
                      zwh_firmware_update_prepare_report_t, &r, want);
        CC_TRUNCATED(zwh_firmware_update_prepare_report_decode, zwh_firmware_update_prepare_report_t, want,
                     sizeof want);
        cc_assert_format(want, sizeof want, "FirmwareUpdateMetaData.PrepareReport status=ok checksum=0x1234");
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(meta_data),
        cmocka_unit_test(request),
        cmocka_unit_test(get_fragments),
        cmocka_unit_test(report_crc),
        cmocka_unit_test(status_activation_prepare),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
