/* Multi Channel Association CC v4 codec. Golden frames were cross-checked
 * against an independent parser (zwave-js 15 CommandClass.parse). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

typedef zwh_multi_channel_association_set_t set_t;
typedef zwh_multi_channel_association_report_t report_t;

static void lifeline_to_root(void **state)
{
    (void)state;
    /* what a hub sends to put itself (node 1, endpoint 0) on an S2 device's
     * Lifeline: no plain nodes, the marker, then (1, 0) */
    set_t s = {.group_id = 1, .endpoint_count = 1, .endpoints = {{.node_id = 1, .endpoint = 0}}};
    const uint8_t want[] = {0x8E, 0x01, 0x01, 0x00, 0x01, 0x00};
    CC_ROUND_TRIP(zwh_multi_channel_association_set_encode, zwh_multi_channel_association_set_decode, set_t, &s,
                  want);
    assert_int_equal(cc_back.node_count, 0);
    assert_int_equal(cc_back.endpoint_count, 1);
    assert_int_equal(cc_back.endpoints[0].node_id, 1);
    assert_int_equal(cc_back.endpoints[0].endpoint, 0);
    CC_TRUNCATED(zwh_multi_channel_association_set_decode, set_t, want, 3);
    cc_assert_format(want, sizeof want, "MultiChannelAssociation.Set group=1 nodes=none endpoints=1:0");
}

static void nodes_marker_endpoints(void **state)
{
    (void)state;
    {
        /* nodes 3 and 4, then node 5 endpoint 2 and node 6 endpoints 1+3 by bit address */
        set_t s = {.group_id = 2, .node_count = 2, .node_ids = {3, 4}, .endpoint_count = 2,
                   .endpoints = {{.node_id = 5, .endpoint = 2}, {.node_id = 6, .bit_address = 1, .endpoint = 0x05}}};
        const uint8_t want[] = {0x8E, 0x01, 0x02, 0x03, 0x04, 0x00, 0x05, 0x02, 0x06, 0x85};
        CC_ROUND_TRIP(zwh_multi_channel_association_set_encode, zwh_multi_channel_association_set_decode, set_t, &s,
                      want);
        assert_int_equal(cc_back.endpoints[1].bit_address, 1);
        assert_int_equal(cc_back.endpoints[1].endpoint, 0x05);
        cc_assert_format(want, sizeof want,
                         "MultiChannelAssociation.Set group=2 nodes=3,4 endpoints=5:2,6:mask(0x05)");
        /* Remove has the same layout */
        zwh_multi_channel_association_remove_t rm;
        uint8_t rmf[sizeof want];
        memcpy(rmf, want, sizeof want);
        rmf[1] = 0x04;
        assert_int_equal(zwh_multi_channel_association_remove_decode(rmf, sizeof rmf, &rm), 0);
        assert_int_equal(rm.node_count, 2);
        assert_int_equal(rm.endpoint_count, 2);
        uint8_t out[16];
        assert_int_equal(zwh_multi_channel_association_remove_encode(&rm, out, sizeof out), (int)sizeof rmf);
        assert_memory_equal(out, rmf, sizeof rmf);
    }
    {
        /* only plain nodes: no marker is sent */
        set_t s = {.group_id = 1, .node_count = 1, .node_ids = {1}};
        const uint8_t want[] = {0x8E, 0x01, 0x01, 0x01};
        CC_ROUND_TRIP(zwh_multi_channel_association_set_encode, zwh_multi_channel_association_set_decode, set_t, &s,
                      want);
        assert_int_equal(cc_back.endpoint_count, 0);
    }
    {
        zwh_multi_channel_association_remove_t rm = {.group_id = 0};
        const uint8_t want[] = {0x8E, 0x04, 0x00};
        CC_ROUND_TRIP(zwh_multi_channel_association_remove_encode, zwh_multi_channel_association_remove_decode,
                      zwh_multi_channel_association_remove_t, &rm, want);
    }
}

static void report_and_groupings(void **state)
{
    (void)state;
    {
        report_t r = {.group_id = 1, .max_nodes = 5, .endpoint_count = 1, .endpoints = {{.node_id = 1}}};
        const uint8_t want[] = {0x8E, 0x03, 0x01, 0x05, 0x00, 0x00, 0x01, 0x00};
        CC_ROUND_TRIP(zwh_multi_channel_association_report_encode, zwh_multi_channel_association_report_decode,
                      report_t, &r, want);
        assert_int_equal(cc_back.max_nodes, 5);
        CC_TRUNCATED(zwh_multi_channel_association_report_decode, report_t, want, 5);
        cc_assert_format(want, sizeof want,
                         "MultiChannelAssociation.Report group=1 max=5 to_follow=0 nodes=none endpoints=1:0");
        /* a dangling half pair after the marker is malformed */
        assert_int_equal(zwh_multi_channel_association_report_decode(want, sizeof want - 1, &cc_back), ZWH_EBADMSG);
    }
    {
        zwh_multi_channel_association_get_t g = {.group_id = 2};
        const uint8_t want[] = {0x8E, 0x02, 0x02};
        CC_ROUND_TRIP(zwh_multi_channel_association_get_encode, zwh_multi_channel_association_get_decode,
                      zwh_multi_channel_association_get_t, &g, want);
        g.group_id = 0;
        CC_REFUSES(zwh_multi_channel_association_get_encode, &g);
    }
    uint8_t out[4];
    assert_int_equal(zwh_multi_channel_association_groupings_get_encode(out, sizeof out), 2);
    assert_int_equal(out[0], 0x8E);
    assert_int_equal(out[1], 0x05);
    {
        /* n4003 (seed 002) has two groups */
        zwh_multi_channel_association_groupings_report_t g = {.group_count = 2};
        const uint8_t want[] = {0x8E, 0x06, 0x02};
        CC_ROUND_TRIP(zwh_multi_channel_association_groupings_report_encode,
                      zwh_multi_channel_association_groupings_report_decode,
                      zwh_multi_channel_association_groupings_report_t, &g, want);
        CC_TRUNCATED(zwh_multi_channel_association_groupings_report_decode,
                     zwh_multi_channel_association_groupings_report_t, want, 3);
    }
}

static void limits(void **state)
{
    (void)state;
    static set_t s;
    memset(&s, 0, sizeof s);
    s.group_id = 1;
    s.node_count = ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_NODES;
    for (int i = 0; i < s.node_count; i++)
        s.node_ids[i] = (uint16_t)(i + 1);
    s.endpoint_count = ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_ENDPOINTS;
    for (int i = 0; i < s.endpoint_count; i++)
        s.endpoints[i] = (zwh_multi_channel_association_endpoint_t){.node_id = 232, .endpoint = (uint8_t)(i + 1)};
    static uint8_t out[1024];
    int n = zwh_multi_channel_association_set_encode(&s, out, sizeof out);
    assert_int_equal(n, 3 + 232 + 1 + 2 * 127);
    assert_int_equal(out[3 + 232], 0x00);
    assert_int_equal(out[n - 1], 127);
    static set_t back;
    assert_int_equal(zwh_multi_channel_association_set_decode(out, (size_t)n, &back), 0);
    assert_int_equal(back.node_count, 232);
    assert_int_equal(back.endpoint_count, 127);
    /* one pair more than the struct holds */
    out[n] = 1;
    out[n + 1] = 1;
    assert_int_equal(zwh_multi_channel_association_set_decode(out, (size_t)n + 2, &back), ZWH_EBADMSG);

    s.endpoint_count = 128;
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.endpoint_count = 1;
    s.endpoints[0] = (zwh_multi_channel_association_endpoint_t){.node_id = 2, .endpoint = 128};
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.endpoints[0] = (zwh_multi_channel_association_endpoint_t){.node_id = 2, .bit_address = 1, .endpoint = 0};
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.endpoints[0] = (zwh_multi_channel_association_endpoint_t){.node_id = 0, .endpoint = 1};
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.endpoints[0] = (zwh_multi_channel_association_endpoint_t){.node_id = 2, .bit_address = 2, .endpoint = 1};
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.endpoints[0] = (zwh_multi_channel_association_endpoint_t){.node_id = 2, .endpoint = 1};
    s.node_ids[5] = 0; /* 0 would read back as the marker */
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.node_ids[5] = 6;
    s.group_id = 0;
    CC_REFUSES(zwh_multi_channel_association_set_encode, &s);
    s.group_id = 1;
    assert_true(zwh_multi_channel_association_set_encode(&s, out, sizeof out) > 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lifeline_to_root),
        cmocka_unit_test(nodes_marker_endpoints),
        cmocka_unit_test(report_and_groupings),
        cmocka_unit_test(limits),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
