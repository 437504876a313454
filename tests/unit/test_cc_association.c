/* Association CC v3 codec. Golden frames were cross-checked against an
 * independent parser (zwave-js 15 CommandClass.parse); the group sizes come
 * from the seed devices (ZEN07: 3 groups of 5 nodes, seed 000). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void set_and_remove(void **state)
{
    (void)state;
    {
        zwh_association_set_t s = {.group_id = 2, .node_count = 3, .node_ids = {1, 5, 232}};
        const uint8_t want[] = {0x85, 0x01, 0x02, 0x01, 0x05, 0xE8};
        CC_ROUND_TRIP(zwh_association_set_encode, zwh_association_set_decode, zwh_association_set_t, &s, want);
        assert_int_equal(cc_back.group_id, 2);
        assert_int_equal(cc_back.node_count, 3);
        assert_int_equal(cc_back.node_ids[2], 232);
        CC_TRUNCATED(zwh_association_set_decode, zwh_association_set_t, want, 3);
        cc_assert_format(want, sizeof want, "Association.Set group=2 nodes=1,5,232");
    }
    {
        /* group 0 with no nodes: remove every node from every group */
        zwh_association_remove_t rm = {.group_id = 0, .node_count = 0};
        const uint8_t want[] = {0x85, 0x04, 0x00};
        CC_ROUND_TRIP(zwh_association_remove_encode, zwh_association_remove_decode, zwh_association_remove_t, &rm,
                      want);
        assert_int_equal(cc_back.node_count, 0);
        cc_assert_format(want, sizeof want, "Association.Remove group=0 nodes=none");
    }
    {
        zwh_association_remove_t rm = {.group_id = 3, .node_count = 1, .node_ids = {7}};
        const uint8_t want[] = {0x85, 0x04, 0x03, 0x07};
        CC_ROUND_TRIP(zwh_association_remove_encode, zwh_association_remove_decode, zwh_association_remove_t, &rm,
                      want);
    }
    /* a Set is not a Remove */
    const uint8_t set[] = {0x85, 0x01, 0x01, 0x01};
    zwh_association_remove_t rm;
    assert_int_equal(zwh_association_remove_decode(set, sizeof set, &rm), ZWH_EBADMSG);
}

static void set_limits(void **state)
{
    (void)state;
    zwh_association_set_t s = {.group_id = 255, .node_count = ZWH_ASSOCIATION_MAX_NODES};
    for (int i = 0; i < ZWH_ASSOCIATION_MAX_NODES; i++)
        s.node_ids[i] = (uint16_t)(i + 1);
    uint8_t out[300];
    assert_int_equal(zwh_association_set_encode(&s, out, sizeof out), 3 + 232);
    assert_int_equal(out[2], 255);
    assert_int_equal(out[3], 1);
    assert_int_equal(out[3 + 231], 232);
    zwh_association_set_t back;
    assert_int_equal(zwh_association_set_decode(out, 3 + 232, &back), 0);
    assert_int_equal(back.node_count, 232);
    /* one node more than any frame may carry */
    uint8_t big[3 + 233];
    memcpy(big, out, 3 + 232);
    big[3 + 232] = 1;
    assert_int_equal(zwh_association_set_decode(big, sizeof big, &back), ZWH_EBADMSG);

    s.node_count = ZWH_ASSOCIATION_MAX_NODES + 1;
    CC_REFUSES(zwh_association_set_encode, &s);
    s.node_count = 1;
    s.node_ids[0] = 0;
    CC_REFUSES(zwh_association_set_encode, &s);
    s.node_ids[0] = 233;
    CC_REFUSES(zwh_association_set_encode, &s);
    s.node_ids[0] = 256; /* no silent truncation of a 16-bit id */
    CC_REFUSES(zwh_association_set_encode, &s);
    s.node_ids[0] = 1;
    s.group_id = 0;
    CC_REFUSES(zwh_association_set_encode, &s);
    assert_int_equal(zwh_association_set_encode(NULL, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_association_set_decode(out, 3, NULL), ZWH_EBADMSG);
}

static void get_and_report(void **state)
{
    (void)state;
    {
        zwh_association_get_t g = {.group_id = 1};
        const uint8_t want[] = {0x85, 0x02, 0x01};
        CC_ROUND_TRIP(zwh_association_get_encode, zwh_association_get_decode, zwh_association_get_t, &g, want);
        CC_TRUNCATED(zwh_association_get_decode, zwh_association_get_t, want, 3);
        g.group_id = 0;
        CC_REFUSES(zwh_association_get_encode, &g);
        cc_assert_format(want, sizeof want, "Association.Get group=1");
    }
    {
        /* ZEN07 Lifeline: group 1 holds up to 5 nodes; the hub (node 1) is in it */
        zwh_association_report_t r = {.group_id = 1, .max_nodes = 5, .node_count = 1, .node_ids = {1}};
        const uint8_t want[] = {0x85, 0x03, 0x01, 0x05, 0x00, 0x01};
        CC_ROUND_TRIP(zwh_association_report_encode, zwh_association_report_decode, zwh_association_report_t, &r,
                      want);
        assert_int_equal(cc_back.max_nodes, 5);
        assert_int_equal(cc_back.reports_to_follow, 0);
        CC_TRUNCATED(zwh_association_report_decode, zwh_association_report_t, want, 5);
        cc_assert_format(want, sizeof want, "Association.Report group=1 max=5 to_follow=0 nodes=1");
    }
    {
        /* first of three reports for a large group */
        const uint8_t want[] = {0x85, 0x03, 0x01, 0xE8, 0x02, 0x01, 0x02, 0x03};
        zwh_association_report_t r;
        assert_int_equal(zwh_association_report_decode(want, sizeof want, &r), 0);
        assert_int_equal(r.max_nodes, 232);
        assert_int_equal(r.reports_to_follow, 2);
        assert_int_equal(r.node_count, 3);
        CC_ROUND_TRIP(zwh_association_report_encode, zwh_association_report_decode, zwh_association_report_t, &r,
                      want);
    }
    {
        /* an empty group */
        zwh_association_report_t r = {.group_id = 3, .max_nodes = 5};
        const uint8_t want[] = {0x85, 0x03, 0x03, 0x05, 0x00};
        CC_ROUND_TRIP(zwh_association_report_encode, zwh_association_report_decode, zwh_association_report_t, &r,
                      want);
        assert_int_equal(cc_back.node_count, 0);
    }
}

static void groupings_and_specific(void **state)
{
    (void)state;
    uint8_t out[4];
    const uint8_t gget[] = {0x85, 0x05};
    assert_int_equal(zwh_association_groupings_get_encode(out, sizeof out), 2);
    assert_memory_equal(out, gget, 2);
    assert_int_equal(zwh_association_groupings_get_encode(out, 1), ZWH_EMSGSIZE);
    {
        zwh_association_groupings_report_t g = {.group_count = 3}; /* ZEN07 */
        const uint8_t want[] = {0x85, 0x06, 0x03};
        CC_ROUND_TRIP(zwh_association_groupings_report_encode, zwh_association_groupings_report_decode,
                      zwh_association_groupings_report_t, &g, want);
        assert_int_equal(cc_back.group_count, 3);
        CC_TRUNCATED(zwh_association_groupings_report_decode, zwh_association_groupings_report_t, want, 3);
        cc_assert_format(want, sizeof want, "Association.GroupingsReport groups=3");
    }
    const uint8_t sget[] = {0x85, 0x0B};
    assert_int_equal(zwh_association_specific_group_get_encode(out, sizeof out), 2);
    assert_memory_equal(out, sget, 2);
    {
        zwh_association_specific_group_report_t g = {.group_id = 2};
        const uint8_t want[] = {0x85, 0x0C, 0x02};
        CC_ROUND_TRIP(zwh_association_specific_group_report_encode, zwh_association_specific_group_report_decode,
                      zwh_association_specific_group_report_t, &g, want);
        assert_int_equal(cc_back.group_id, 2);
    }
    char line[64];
    zwh_cc_format(sget, sizeof sget, line, sizeof line);
    assert_string_equal(line, "Association.SpecificGroupGet");
    assert_string_equal(zwh_cc_get_name(0x85), "Association");
    assert_int_equal(zwh_cc_get_version(0x85), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_and_remove),
        cmocka_unit_test(set_limits),
        cmocka_unit_test(get_and_report),
        cmocka_unit_test(groupings_and_specific),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
