/* Association Group Information CC v3 codec. Golden frames were
 * cross-checked against an independent parser (zwave-js 15
 * CommandClass.parse); groups follow the n4003 plug (seed 002): a Lifeline
 * that only sends Device Reset Locally, and group 2 sending Basic Set. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

typedef zwh_association_group_info_command_list_report_t cmdlist_t;

static void names(void **state)
{
    (void)state;
    {
        zwh_association_group_info_name_get_t g = {.group_id = 1};
        const uint8_t want[] = {0x59, 0x01, 0x01};
        CC_ROUND_TRIP(zwh_association_group_info_name_get_encode, zwh_association_group_info_name_get_decode,
                      zwh_association_group_info_name_get_t, &g, want);
        g.group_id = 0;
        CC_REFUSES(zwh_association_group_info_name_get_encode, &g);
    }
    {
        zwh_association_group_info_name_report_t r = {.group_id = 1, .name_len = 8};
        memcpy(r.name, "Lifeline", 8);
        const uint8_t want[] = {0x59, 0x02, 0x01, 0x08, 'L', 'i', 'f', 'e', 'l', 'i', 'n', 'e'};
        CC_ROUND_TRIP(zwh_association_group_info_name_report_encode, zwh_association_group_info_name_report_decode,
                      zwh_association_group_info_name_report_t, &r, want);
        assert_int_equal(cc_back.name_len, 8);
        assert_memory_equal(cc_back.name, "Lifeline", 8);
        CC_TRUNCATED(zwh_association_group_info_name_report_decode, zwh_association_group_info_name_report_t, want,
                     sizeof want);
        cc_assert_format(want, sizeof want, "AssociationGroupInfo.NameReport group=1 name=\"Lifeline\"");
    }
    {
        /* longest name; control bytes are escaped by the formatter */
        zwh_association_group_info_name_report_t r = {.group_id = 9, .name_len = ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX};
        memset(r.name, 'x', sizeof r.name);
        r.name[0] = '\n';
        uint8_t out[80];
        assert_int_equal(zwh_association_group_info_name_report_encode(&r, out, sizeof out), 4 + 64);
        char line[512];
        zwh_cc_format(out, 4 + 64, line, sizeof line);
        assert_non_null(strstr(line, "name=\"\\x0axxx"));
        assert_null(strchr(line, '\n'));
        r.name_len = ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX + 1;
        CC_REFUSES(zwh_association_group_info_name_report_encode, &r);
        /* a length byte beyond what the struct holds */
        uint8_t big[4 + 65];
        memcpy(big, out, 4 + 64);
        big[3] = 65;
        big[4 + 64] = 'y';
        assert_int_equal(zwh_association_group_info_name_report_decode(big, sizeof big, &r), ZWH_EBADMSG);
    }
}

static void info(void **state)
{
    (void)state;
    {
        zwh_association_group_info_info_get_t g = {.refresh_cache = 1, .list_mode = 1};
        const uint8_t want[] = {0x59, 0x03, 0xC0, 0x00};
        CC_ROUND_TRIP(zwh_association_group_info_info_get_encode, zwh_association_group_info_info_get_decode,
                      zwh_association_group_info_info_get_t, &g, want);
        assert_int_equal(cc_back.refresh_cache, 1);
        assert_int_equal(cc_back.list_mode, 1);
        CC_TRUNCATED(zwh_association_group_info_info_get_decode, zwh_association_group_info_info_get_t, want, 4);
        cc_assert_format(want, sizeof want, "AssociationGroupInfo.InfoGet all refresh");
    }
    {
        zwh_association_group_info_info_get_t g = {.group_id = 2};
        const uint8_t want[] = {0x59, 0x03, 0x00, 0x02};
        CC_ROUND_TRIP(zwh_association_group_info_info_get_encode, zwh_association_group_info_info_get_decode,
                      zwh_association_group_info_info_get_t, &g, want);
        g.group_id = 0; /* only list mode may leave the group out */
        CC_REFUSES(zwh_association_group_info_info_get_encode, &g);
        g.group_id = 1;
        g.list_mode = 2;
        CC_REFUSES(zwh_association_group_info_info_get_encode, &g);
    }
    {
        zwh_association_group_info_info_report_t r = {
            .list_mode = 1, .group_count = 2,
            .groups = {{.group_id = 1, .profile = ZWH_AGI_PROFILE_GENERAL_LIFELINE}, {.group_id = 2, .profile = 0x2001}}};
        const uint8_t want[] = {0x59, 0x04, 0x82, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00,
                                0x02, 0x00, 0x20, 0x01, 0x00, 0x00, 0x00};
        CC_ROUND_TRIP(zwh_association_group_info_info_report_encode, zwh_association_group_info_info_report_decode,
                      zwh_association_group_info_info_report_t, &r, want);
        assert_int_equal(cc_back.group_count, 2);
        assert_int_equal(cc_back.groups[1].profile, 0x2001);
        CC_TRUNCATED(zwh_association_group_info_info_report_decode, zwh_association_group_info_info_report_t, want,
                     sizeof want);
        cc_assert_format(want, sizeof want,
                         "AssociationGroupInfo.InfoReport list group=1 profile=0x0001 group=2 profile=0x2001");
    }
    {
        /* 63 groups (6-bit count) with event codes and the dynamic bit */
        static zwh_association_group_info_info_report_t r;
        memset(&r, 0, sizeof r);
        r.dynamic = 1;
        r.group_count = 63;
        for (int i = 0; i < 63; i++)
            r.groups[i] = (zwh_association_group_info_group_t){.group_id = (uint8_t)(i + 1), .profile = 0x7101,
                                                               .event_code = 0xBEEF};
        static uint8_t out[512];
        assert_int_equal(zwh_association_group_info_info_report_encode(&r, out, sizeof out), 3 + 63 * 7);
        assert_int_equal(out[2], 0x40 | 63);
        assert_int_equal(out[3 + 62 * 7 + 5], 0xBE);
        static zwh_association_group_info_info_report_t back;
        assert_int_equal(zwh_association_group_info_info_report_decode(out, 3 + 63 * 7, &back), 0);
        assert_int_equal(back.groups[62].event_code, 0xBEEF);
        assert_int_equal(back.dynamic, 1);
        r.group_count = 64;
        CC_REFUSES(zwh_association_group_info_info_report_encode, &r);
    }
}

static void command_lists(void **state)
{
    (void)state;
    {
        zwh_association_group_info_command_list_get_t g = {.allow_cache = 1, .group_id = 1};
        const uint8_t want[] = {0x59, 0x05, 0x80, 0x01};
        CC_ROUND_TRIP(zwh_association_group_info_command_list_get_encode,
                      zwh_association_group_info_command_list_get_decode,
                      zwh_association_group_info_command_list_get_t, &g, want);
        assert_int_equal(cc_back.allow_cache, 1);
        cc_assert_format(want, sizeof want, "AssociationGroupInfo.CommandListGet group=1 cache-ok");
    }
    {
        /* Device Reset Locally Notification plus an extended (2-byte) class */
        cmdlist_t r = {.group_id = 1, .command_count = 2, .commands = {{0x5A, 0x01}, {0xF100, 0x01}}};
        const uint8_t want[] = {0x59, 0x06, 0x01, 0x05, 0x5A, 0x01, 0xF1, 0x00, 0x01};
        CC_ROUND_TRIP(zwh_association_group_info_command_list_report_encode,
                      zwh_association_group_info_command_list_report_decode, cmdlist_t, &r, want);
        assert_int_equal(cc_back.command_count, 2);
        assert_int_equal(cc_back.commands[1].cc, 0xF100);
        CC_TRUNCATED(zwh_association_group_info_command_list_report_decode, cmdlist_t, want, sizeof want);
        cc_assert_format(want, sizeof want,
                         "AssociationGroupInfo.CommandListReport group=1 commands=DeviceResetLocally.Notification,"
                         "0xf100:0x01");
    }
    {
        /* a group that sends nothing */
        cmdlist_t r = {.group_id = 4};
        const uint8_t want[] = {0x59, 0x06, 0x04, 0x00};
        CC_ROUND_TRIP(zwh_association_group_info_command_list_report_encode,
                      zwh_association_group_info_command_list_report_decode, cmdlist_t, &r, want);
        assert_int_equal(cc_back.command_count, 0);
        cc_assert_format(want, sizeof want, "AssociationGroupInfo.CommandListReport group=4 commands=none");
    }
    {
        /* an extended id cut by the list length */
        const uint8_t bad[] = {0x59, 0x06, 0x01, 0x03, 0x5A, 0x01, 0xF1, 0x00, 0x01};
        cmdlist_t r;
        assert_int_equal(zwh_association_group_info_command_list_report_decode(bad, sizeof bad, &r), ZWH_EBADMSG);
        char line[128];
        zwh_cc_format(bad, sizeof bad, line, sizeof line);
        assert_string_equal(line, "AssociationGroupInfo.CommandListReport malformed: 01 03 5a 01 f1 00 01");
    }
    {
        static cmdlist_t r;
        memset(&r, 0, sizeof r);
        r.group_id = 2;
        r.command_count = ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS; /* 127 x 2 bytes = 254 */
        for (int i = 0; i < r.command_count; i++)
            r.commands[i] = (zwh_association_group_info_command_t){0x20, 0x01};
        static uint8_t out[600];
        assert_int_equal(zwh_association_group_info_command_list_report_encode(&r, out, sizeof out), 4 + 254);
        assert_int_equal(out[3], 254);
        static cmdlist_t back;
        assert_int_equal(zwh_association_group_info_command_list_report_decode(out, 4 + 254, &back), 0);
        assert_int_equal(back.command_count, 127);
        r.command_count = 128;
        CC_REFUSES(zwh_association_group_info_command_list_report_encode, &r);
        /* 85 extended ids are 255 bytes; 86 no longer fit the length byte */
        r.command_count = 85;
        for (int i = 0; i < 86; i++)
            r.commands[i] = (zwh_association_group_info_command_t){0xFFFF, 0xFF};
        assert_int_equal(zwh_association_group_info_command_list_report_encode(&r, out, sizeof out), 4 + 255);
        r.command_count = 86;
        CC_REFUSES(zwh_association_group_info_command_list_report_encode, &r);
        /* ids with no encoding */
        r.command_count = 1;
        r.commands[0].cc = 0xF1;
        CC_REFUSES(zwh_association_group_info_command_list_report_encode, &r);
        r.commands[0].cc = 0x0100;
        CC_REFUSES(zwh_association_group_info_command_list_report_encode, &r);
        r.commands[0].cc = 0xF0;
        assert_int_equal(zwh_association_group_info_command_list_report_encode(&r, out, sizeof out), 6);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(names),
        cmocka_unit_test(info),
        cmocka_unit_test(command_lists),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
