/* Manufacturer Specific CC v2 codec. Golden frames cross-checked with zwave-js
 * 15 CommandClass.parse. 0x027A is Zooz (seed 000, ZEN07). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void report(void **state)
{
    (void)state;
    uint8_t out[4];
    assert_int_equal(zwh_manufacturer_specific_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x72);
    assert_int_equal(out[1], 0x04);
    zwh_manufacturer_specific_report_t r = {.manufacturer_id = 0x027A, .product_type = 0x0003,
                                            .product_id = 0x0087};
    const uint8_t want[] = {0x72, 0x05, 0x02, 0x7A, 0x00, 0x03, 0x00, 0x87};
    CC_ROUND_TRIP(zwh_manufacturer_specific_report_encode, zwh_manufacturer_specific_report_decode,
                  zwh_manufacturer_specific_report_t, &r, want);
    assert_int_equal(cc_back.manufacturer_id, 0x027A);
    assert_int_equal(cc_back.product_id, 0x0087);
    CC_TRUNCATED(zwh_manufacturer_specific_report_decode, zwh_manufacturer_specific_report_t, want, sizeof want);
    cc_assert_format(want, sizeof want, "ManufacturerSpecific.Report manufacturer=0x027a type=0x0003 product=0x0087");
    r = (zwh_manufacturer_specific_report_t){0xFFFF, 0xFFFF, 0xFFFF};
    assert_int_equal(zwh_manufacturer_specific_report_encode(&r, out, sizeof out), ZWH_EMSGSIZE);
}

static void device_specific(void **state)
{
    (void)state;
    {
        zwh_manufacturer_specific_device_specific_get_t g = {.device_id_type = ZWH_DEVICE_ID_TYPE_SERIAL_NUMBER};
        const uint8_t want[] = {0x72, 0x06, 0x01};
        CC_ROUND_TRIP(zwh_manufacturer_specific_device_specific_get_encode,
                      zwh_manufacturer_specific_device_specific_get_decode,
                      zwh_manufacturer_specific_device_specific_get_t, &g, want);
        cc_assert_format(want, sizeof want, "ManufacturerSpecific.DeviceSpecificGet type=serial-number");
        g.device_id_type = 8;
        CC_REFUSES(zwh_manufacturer_specific_device_specific_get_encode, &g);
    }
    {
        /* serial number, binary format, 6 bytes */
        zwh_manufacturer_specific_device_specific_report_t r = {
            .device_id_type = 1, .data_format = ZWH_DEVICE_ID_FORMAT_BINARY, .data_len = 6,
            .data = {0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6}};
        const uint8_t want[] = {0x72, 0x07, 0x01, 0x26, 0xA1, 0xB2, 0xC3, 0xD4, 0xE5, 0xF6};
        CC_ROUND_TRIP(zwh_manufacturer_specific_device_specific_report_encode,
                      zwh_manufacturer_specific_device_specific_report_decode,
                      zwh_manufacturer_specific_device_specific_report_t, &r, want);
        assert_int_equal(cc_back.data_format, 1);
        assert_int_equal(cc_back.data_len, 6);
        CC_TRUNCATED(zwh_manufacturer_specific_device_specific_report_decode,
                     zwh_manufacturer_specific_device_specific_report_t, want, sizeof want);
        cc_assert_format(want, sizeof want,
                         "ManufacturerSpecific.DeviceSpecificReport type=serial-number id=a1 b2 c3 d4 e5 f6");
    }
    {
        /* UTF-8, the longest id (31 bytes) */
        zwh_manufacturer_specific_device_specific_report_t r = {.device_id_type = 0, .data_format = 0,
                                                                .data_len = 31};
        memset(r.data, 'Z', 31);
        uint8_t out[40];
        assert_int_equal(zwh_manufacturer_specific_device_specific_report_encode(&r, out, sizeof out), 4 + 31);
        assert_int_equal(out[3], 0x1F);
        char line[128];
        zwh_cc_format(out, 4 + 31, line, sizeof line);
        assert_string_equal(line, "ManufacturerSpecific.DeviceSpecificReport type=factory-default "
                                  "id=\"ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ\"");
        r.data_len = 32;
        CC_REFUSES(zwh_manufacturer_specific_device_specific_report_encode, &r);
        r.data_len = 0;
        CC_REFUSES(zwh_manufacturer_specific_device_specific_report_encode, &r);
        r.data_len = 1;
        r.data_format = 8;
        CC_REFUSES(zwh_manufacturer_specific_device_specific_report_encode, &r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(report),
        cmocka_unit_test(device_specific),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
