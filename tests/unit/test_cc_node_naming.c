/* Node Naming and Location CC v1 codec. Golden frames cross-checked with
 * zwave-js 15 CommandClass.parse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

typedef zwh_node_naming_text_t text_t;

static text_t ascii(const char *s)
{
    text_t t = {.char_presentation = ZWH_NODE_NAMING_ASCII, .text_len = (uint8_t)strlen(s)};
    memcpy(t.text, s, strlen(s));
    return t;
}

static void name(void **state)
{
    (void)state;
    {
        text_t t = ascii("Kitchen");
        const uint8_t want[] = {0x77, 0x01, 0x00, 'K', 'i', 't', 'c', 'h', 'e', 'n'};
        CC_ROUND_TRIP(zwh_node_naming_name_set_encode, zwh_node_naming_name_set_decode, text_t, &t, want);
        assert_int_equal(cc_back.text_len, 7);
        assert_memory_equal(cc_back.text, "Kitchen", 7);
        CC_TRUNCATED(zwh_node_naming_name_set_decode, text_t, want, 3);
        cc_assert_format(want, sizeof want, "NodeNaming.NameSet text=\"Kitchen\"");
        uint8_t rep[sizeof want];
        memcpy(rep, want, sizeof want);
        rep[1] = 0x03;
        {
            CC_ROUND_TRIP_INTO(zwh_node_naming_name_report_encode, zwh_node_naming_name_report_decode, &t, rep);
        }
    }
    uint8_t out[4];
    assert_int_equal(zwh_node_naming_name_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x02);
    assert_int_equal(zwh_node_naming_location_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x05);
    {
        /* an empty name is valid: it clears the name */
        text_t t = ascii("");
        const uint8_t want[] = {0x77, 0x01, 0x00};
        CC_ROUND_TRIP(zwh_node_naming_name_set_encode, zwh_node_naming_name_set_decode, text_t, &t, want);
        assert_int_equal(cc_back.text_len, 0);
    }
}

static void location_and_limits(void **state)
{
    (void)state;
    {
        text_t t = ascii("Hall");
        const uint8_t want[] = {0x77, 0x06, 0x00, 'H', 'a', 'l', 'l'};
        CC_ROUND_TRIP(zwh_node_naming_location_report_encode, zwh_node_naming_location_report_decode, text_t, &t,
                      want);
        cc_assert_format(want, sizeof want, "NodeNaming.LocationReport text=\"Hall\"");
        uint8_t set[sizeof want];
        memcpy(set, want, sizeof want);
        set[1] = 0x04;
        {
            CC_ROUND_TRIP_INTO(zwh_node_naming_location_set_encode, zwh_node_naming_location_set_decode, &t, set);
        }
    }
    {
        /* 16 bytes is the maximum */
        text_t t = ascii("0123456789ABCDEF");
        uint8_t out[32];
        assert_int_equal(zwh_node_naming_name_set_encode(&t, out, sizeof out), 3 + 16);
        text_t back;
        assert_int_equal(zwh_node_naming_name_set_decode(out, 3 + 16, &back), 0);
        assert_int_equal(back.text_len, 16);
        out[19] = 'G';
        assert_int_equal(zwh_node_naming_name_set_decode(out, 3 + 17, &back), ZWH_EBADMSG);
        t.text_len = 17;
        CC_REFUSES(zwh_node_naming_name_set_encode, &t);
        t.text_len = 3;
        t.char_presentation = 8;
        CC_REFUSES(zwh_node_naming_name_set_encode, &t);
        t.char_presentation = ZWH_NODE_NAMING_UTF16; /* an odd UTF-16 length */
        CC_REFUSES(zwh_node_naming_name_set_encode, &t);
    }
    {
        /* UTF-16 "Bad" (big endian) is shown as hex; reserved presentation bits are masked */
        text_t t = {.char_presentation = ZWH_NODE_NAMING_UTF16, .text_len = 6, .text = {0, 'B', 0, 0xE4, 0, 'd'}};
        const uint8_t want[] = {0x77, 0x03, 0x02, 0x00, 0x42, 0x00, 0xE4, 0x00, 0x64};
        CC_ROUND_TRIP(zwh_node_naming_name_report_encode, zwh_node_naming_name_report_decode, text_t, &t, want);
        cc_assert_format(want, sizeof want, "NodeNaming.NameReport utf16=00 42 00 e4 00 64");
        const uint8_t reserved_bits[] = {0x77, 0x03, 0xF8, 'a'};
        assert_int_equal(zwh_node_naming_name_report_decode(reserved_bits, sizeof reserved_bits, &t), 0);
        assert_int_equal(t.char_presentation, 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(name),
        cmocka_unit_test(location_and_limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
