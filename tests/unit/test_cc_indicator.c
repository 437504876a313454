/* Indicator CC v3 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void set_v1_v2(void **state)
{
    (void)state;
    {
        zwh_indicator_set_t s = {.indicator0_value = 0xFF};
        const uint8_t want[] = {0x87, 0x01, 0xFF};
        CC_ROUND_TRIP(zwh_indicator_set_encode, zwh_indicator_set_decode, zwh_indicator_set_t, &s, want);
        assert_int_equal(cc_back.object_count, 0);
        cc_assert_format(want, sizeof want, "Indicator.Set value=255");
        s.indicator0_value = 100;
        CC_REFUSES(zwh_indicator_set_encode, &s);
    }
    {
        /* "identify": node identify indicator blinks 3 times, 0.8 s period, 0.6 s on */
        zwh_indicator_set_t s = {.object_count = 3,
                                 .objects = {{ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_OFF_PERIOD, 0x08},
                                             {ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_OFF_CYCLES, 0x03},
                                             {ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_TIME, 0x06}}};
        const uint8_t want[] = {0x87, 0x01, 0x00, 0x03, 0x50, 0x03, 0x08, 0x50, 0x04, 0x03, 0x50, 0x05, 0x06};
        CC_ROUND_TRIP(zwh_indicator_set_encode, zwh_indicator_set_decode, zwh_indicator_set_t, &s, want);
        assert_int_equal(cc_back.object_count, 3);
        assert_int_equal(cc_back.objects[2].property_id, 5);
        assert_int_equal(cc_back.objects[2].value, 6);
        CC_TRUNCATED(zwh_indicator_set_decode, zwh_indicator_set_t, want, 3);
        cc_assert_format(want, sizeof want, "Indicator.Set 0x50/3=8 0x50/4=3 0x50/5=6");
        /* the count promises three objects: any shorter frame is malformed */
        for (size_t n = 5; n < sizeof want; n++)
            assert_int_equal(zwh_indicator_set_decode(want, n, &cc_back), ZWH_EBADMSG);
        s.objects[1].indicator_id = 0;
        CC_REFUSES(zwh_indicator_set_encode, &s);
    }
    {
        /* 31 objects, the most the 5-bit count holds */
        static zwh_indicator_report_t r;
        memset(&r, 0, sizeof r);
        r.object_count = ZWH_INDICATOR_MAX_OBJECTS;
        for (int i = 0; i < r.object_count; i++)
            r.objects[i] = (zwh_indicator_object_t){(uint8_t)(i + 1), 0x02, 0xFF};
        uint8_t out[128];
        assert_int_equal(zwh_indicator_report_encode(&r, out, sizeof out), 4 + 3 * 31);
        assert_int_equal(out[3], 31);
        static zwh_indicator_report_t back;
        assert_int_equal(zwh_indicator_report_decode(out, 4 + 3 * 31, &back), 0);
        assert_int_equal(back.objects[30].indicator_id, 31);
        r.object_count = 32;
        CC_REFUSES(zwh_indicator_report_encode, &r);
    }
}

static void get_and_report(void **state)
{
    (void)state;
    {
        zwh_indicator_get_t g = {0};
        const uint8_t want[] = {0x87, 0x02};
        CC_ROUND_TRIP(zwh_indicator_get_encode, zwh_indicator_get_decode, zwh_indicator_get_t, &g, want);
        assert_int_equal(cc_back.has_indicator_id, 0);
        cc_assert_format(want, sizeof want, "Indicator.Get");
    }
    {
        zwh_indicator_get_t g = {.has_indicator_id = 1, .indicator_id = 0x50};
        const uint8_t want[] = {0x87, 0x02, 0x50};
        CC_ROUND_TRIP(zwh_indicator_get_encode, zwh_indicator_get_decode, zwh_indicator_get_t, &g, want);
        assert_int_equal(cc_back.indicator_id, 0x50);
        cc_assert_format(want, sizeof want, "Indicator.Get indicator=0x50");
        g.indicator_id = 0;
        CC_REFUSES(zwh_indicator_get_encode, &g);
    }
    {
        zwh_indicator_report_t r = {.indicator0_value = 0, .object_count = 1, .objects = {{0x50, 0x03, 0x00}}};
        const uint8_t want[] = {0x87, 0x03, 0x00, 0x01, 0x50, 0x03, 0x00};
        CC_ROUND_TRIP(zwh_indicator_report_encode, zwh_indicator_report_decode, zwh_indicator_report_t, &r, want);
        cc_assert_format(want, sizeof want, "Indicator.Report 0x50/3=0");
    }
}

static void supported_and_description(void **state)
{
    (void)state;
    {
        zwh_indicator_supported_get_t g = {.indicator_id = 0};
        const uint8_t want[] = {0x87, 0x04, 0x00};
        CC_ROUND_TRIP(zwh_indicator_supported_get_encode, zwh_indicator_supported_get_decode,
                      zwh_indicator_supported_get_t, &g, want);
        cc_assert_format(want, sizeof want, "Indicator.SupportedGet indicator=0");
    }
    {
        /* node identify supports properties 3, 4 and 5; it is the last indicator */
        zwh_indicator_supported_report_t r = {.indicator_id = 0x50, .next_indicator_id = 0, .property_mask_len = 1,
                                              .property_mask = {0x38}};
        const uint8_t want[] = {0x87, 0x05, 0x50, 0x00, 0x01, 0x38};
        CC_ROUND_TRIP(zwh_indicator_supported_report_encode, zwh_indicator_supported_report_decode,
                      zwh_indicator_supported_report_t, &r, want);
        assert_int_equal(cc_back.property_mask[0], 0x38);
        CC_TRUNCATED(zwh_indicator_supported_report_decode, zwh_indicator_supported_report_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "Indicator.SupportedReport indicator=0x50 next=0x00 properties=3,4,5");
        r.property_mask_len = 32;
        CC_REFUSES(zwh_indicator_supported_report_encode, &r);
        r.property_mask_len = 31;
        memset(r.property_mask, 0, sizeof r.property_mask);
        r.property_mask[30] = 0x80; /* property 247 */
        uint8_t out[64];
        assert_int_equal(zwh_indicator_supported_report_encode(&r, out, sizeof out), 5 + 31);
        assert_int_equal(out[4], 0x1F);
        char line[128];
        zwh_cc_format(out, 5 + 31, line, sizeof line);
        assert_string_equal(line, "Indicator.SupportedReport indicator=0x50 next=0x00 properties=247");
    }
    {
        zwh_indicator_description_get_t g = {.indicator_id = 0x30};
        const uint8_t want[] = {0x87, 0x06, 0x30};
        CC_ROUND_TRIP(zwh_indicator_description_get_encode, zwh_indicator_description_get_decode,
                      zwh_indicator_description_get_t, &g, want);
    }
    {
        zwh_indicator_description_report_t r = {.indicator_id = 0x30, .description_len = 5};
        memcpy(r.description, "Power", 5);
        const uint8_t want[] = {0x87, 0x07, 0x30, 0x05, 'P', 'o', 'w', 'e', 'r'};
        CC_ROUND_TRIP(zwh_indicator_description_report_encode, zwh_indicator_description_report_decode,
                      zwh_indicator_description_report_t, &r, want);
        assert_memory_equal(cc_back.description, "Power", 5);
        CC_TRUNCATED(zwh_indicator_description_report_decode, zwh_indicator_description_report_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "Indicator.DescriptionReport indicator=0x30 description=\"Power\"");
        /* the longest description, 255 bytes */
        static zwh_indicator_description_report_t big;
        big.indicator_id = 1;
        big.description_len = 255;
        memset(big.description, 'd', 255);
        static uint8_t out[300];
        assert_int_equal(zwh_indicator_description_report_encode(&big, out, sizeof out), 4 + 255);
        static zwh_indicator_description_report_t back;
        assert_int_equal(zwh_indicator_description_report_decode(out, 4 + 255, &back), 0);
        assert_int_equal(back.description_len, 255);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_v1_v2),
        cmocka_unit_test(get_and_report),
        cmocka_unit_test(supported_and_description),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
