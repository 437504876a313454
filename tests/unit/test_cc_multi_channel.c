/* Multi Channel CC v4 frames. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(multi_channel_end_point_report, zwh_multi_channel_end_point_report_t)
ZWH_TEST_DECODER(multi_channel_capability_report, zwh_multi_channel_capability_report_t)
ZWH_TEST_DECODER(multi_channel_end_point_find_report, zwh_multi_channel_end_point_find_report_t)
ZWH_TEST_DECODER(multi_channel_aggregated_members_report, zwh_multi_channel_aggregated_members_report_t)
ZWH_TEST_DECODER(multi_channel_encap, zwh_multi_channel_encap_t)

static void end_points(void **state)
{
    (void)state;
    uint8_t out[256];
    assert_int_equal(zwh_multi_channel_end_point_get_encode(out, sizeof out), 2);
    assert_int_equal(out[1], 0x07);
    zwh_multi_channel_end_point_report_t r = {.dynamic = 1, .identical = 1, .individual = 127, .has_aggregated = 1,
                                              .aggregated = 127}, b;
    const uint8_t want[] = {0x60, 0x08, 0xC0, 0x7F, 0x7F};
    assert_int_equal(zwh_multi_channel_end_point_report_encode(&r, out, sizeof out), 5);
    assert_memory_equal(out, want, 5);
    assert_int_equal(zwh_multi_channel_end_point_report_decode(want, 5, &b), 0);
    assert_memory_equal(&b, &r, sizeof b);
    zwh_test_truncations(want, 5, 4, dec_multi_channel_end_point_report, &b, sizeof b);
    assert_int_equal(zwh_multi_channel_end_point_report_decode(want, 4, &b), 0); /* v3 */
    assert_int_equal(b.has_aggregated, 0);
    zwh_test_format(want, 5, "MultiChannel.EndPointReport dynamic=1 identical=1 endpoints=127 aggregated=127");
    r.individual = 128;
    assert_int_equal(zwh_multi_channel_end_point_report_encode(&r, out, sizeof out), ZWH_EINVAL);

    zwh_multi_channel_capability_get_t g = {.endpoint = 127}, gb;
    assert_int_equal(zwh_multi_channel_capability_get_encode(&g, out, sizeof out), 3);
    assert_int_equal(zwh_multi_channel_capability_get_decode(out, 3, &gb), 0);
    assert_int_equal(gb.endpoint, 127);
    zwh_test_format(out, 3, "MultiChannel.CapabilityGet endpoint=127");
    g.endpoint = 0;
    assert_int_equal(zwh_multi_channel_capability_get_encode(&g, out, sizeof out), ZWH_EINVAL);

    zwh_multi_channel_capability_report_t c = {.dynamic = 0, .endpoint = 2, .generic = 0x10, .specific = 0x01,
                                               .ncc = 3, .ccs = {0x25, 0x6C, 0x86}}, cb;
    const uint8_t cw[] = {0x60, 0x0A, 0x02, 0x10, 0x01, 0x25, 0x6C, 0x86};
    assert_int_equal(zwh_multi_channel_capability_report_encode(&c, out, sizeof out), 8);
    assert_memory_equal(out, cw, 8);
    assert_int_equal(zwh_multi_channel_capability_report_decode(cw, 8, &cb), 0);
    assert_memory_equal(&cb, &c, sizeof cb);
    zwh_test_truncations(cw, 8, 5, dec_multi_channel_capability_report, &cb, sizeof cb);
    zwh_test_format(cw, 8, "MultiChannel.CapabilityReport endpoint=2 dynamic=0 generic=0x10 specific=0x01 ccs=[25 6c 86]");
    c.ncc = ZWH_MULTI_CHANNEL_MAX_CCS;
    assert_int_equal(zwh_multi_channel_capability_report_encode(&c, out, sizeof out), 5 + ZWH_MULTI_CHANNEL_MAX_CCS);
    assert_int_equal(zwh_multi_channel_capability_report_decode(out, 5 + ZWH_MULTI_CHANNEL_MAX_CCS, &cb), 0);
    assert_int_equal(cb.ncc, ZWH_MULTI_CHANNEL_MAX_CCS);
    out[5 + ZWH_MULTI_CHANNEL_MAX_CCS] = 0x20; /* one class more than the struct holds */
    assert_int_equal(zwh_multi_channel_capability_report_decode(out, 6 + ZWH_MULTI_CHANNEL_MAX_CCS, &cb), ZWH_EBADMSG);
    c.ncc = ZWH_MULTI_CHANNEL_MAX_CCS + 1;
    assert_int_equal(zwh_multi_channel_capability_report_encode(&c, out, sizeof out), ZWH_EINVAL);
}

static void find_and_members(void **state)
{
    (void)state;
    uint8_t out[256];
    zwh_multi_channel_end_point_find_t q = {.generic = 0xFF, .specific = 0xFF}, qb;
    assert_int_equal(zwh_multi_channel_end_point_find_encode(&q, out, sizeof out), 4);
    assert_int_equal(zwh_multi_channel_end_point_find_decode(out, 4, &qb), 0);
    assert_memory_equal(&qb, &q, sizeof qb);
    zwh_test_format(out, 4, "MultiChannel.EndPointFind generic=0xff specific=0xff");

    zwh_multi_channel_end_point_find_report_t r = {.reports_to_follow = 0, .generic = 0x10, .specific = 0x01,
                                                   .count = ZWH_MULTI_CHANNEL_MAX_ENDPOINT}, rb;
    for (size_t i = 0; i < r.count; i++)
        r.endpoints[i] = (uint8_t)(i + 1);
    int n = zwh_multi_channel_end_point_find_report_encode(&r, out, sizeof out);
    assert_int_equal(n, 5 + ZWH_MULTI_CHANNEL_MAX_ENDPOINT);
    assert_int_equal(zwh_multi_channel_end_point_find_report_decode(out, (size_t)n, &rb), 0);
    assert_memory_equal(&rb, &r, sizeof rb);
    zwh_test_truncations(out, (size_t)n, 5, dec_multi_channel_end_point_find_report, &rb, sizeof rb);
    r.count = 3;
    n = zwh_multi_channel_end_point_find_report_encode(&r, out, sizeof out);
    zwh_test_format(out, (size_t)n, "MultiChannel.EndPointFindReport to_follow=0 generic=0x10 specific=0x01 endpoints=[1,2,3]");
    r.endpoints[1] = 0;
    assert_int_equal(zwh_multi_channel_end_point_find_report_encode(&r, out, sizeof out), ZWH_EINVAL);

    zwh_multi_channel_aggregated_members_get_t g = {.endpoint = 5}, gb;
    assert_int_equal(zwh_multi_channel_aggregated_members_get_encode(&g, out, sizeof out), 3);
    assert_int_equal(zwh_multi_channel_aggregated_members_get_decode(out, 3, &gb), 0);
    assert_int_equal(gb.endpoint, 5);
    zwh_multi_channel_aggregated_members_report_t m = {.endpoint = 5, .mask_len = 2, .mask = {0x05, 0x80}}, mb;
    const uint8_t mw[] = {0x60, 0x0F, 0x05, 0x02, 0x05, 0x80};
    assert_int_equal(zwh_multi_channel_aggregated_members_report_encode(&m, out, sizeof out), 6);
    assert_memory_equal(out, mw, 6);
    assert_int_equal(zwh_multi_channel_aggregated_members_report_decode(mw, 6, &mb), 0);
    assert_memory_equal(&mb, &m, sizeof mb);
    zwh_test_truncations(mw, 6, 6, dec_multi_channel_aggregated_members_report, &mb, sizeof mb);
    zwh_test_format(mw, 6, "MultiChannel.AggregatedMembersReport endpoint=5 members=[1,3,16]");
    m.mask_len = 17;
    assert_int_equal(zwh_multi_channel_aggregated_members_report_encode(&m, out, sizeof out), ZWH_EINVAL);
    const uint8_t toolong[] = {0x60, 0x0F, 0x05, 0x11};
    assert_int_equal(zwh_multi_channel_aggregated_members_report_decode(toolong, 4, &mb), ZWH_EBADMSG);
}

static void encapsulation(void **state)
{
    (void)state;
    uint8_t out[64];
    const uint8_t set[] = {0x62, 0x01, 0xFF};
    zwh_multi_channel_encap_t e = {.source = 0, .destination = 2}, eb;
    const uint8_t want[] = {0x60, 0x0D, 0x00, 0x02, 0x62, 0x01, 0xFF};
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 3, out, sizeof out), 7);
    assert_memory_equal(out, want, 7);
    assert_int_equal(zwh_multi_channel_encap_decode(want, 7, &eb), 0);
    assert_int_equal(eb.source, 0);
    assert_int_equal(eb.destination, 2);
    assert_int_equal(eb.bit_address, 0);
    assert_int_equal(eb.cmd_offset, 4);
    assert_int_equal(eb.cmd_len, 3);
    zwh_test_truncations(want, 7, 5, dec_multi_channel_encap, &eb, sizeof eb);
    zwh_test_format(want, 7, "MultiChannel.CommandEncapsulation src=0 dst=2 { DoorLock.OperationSet mode=secured }");

    /* bit-addressed destination: end points 1, 2 and 7 */
    e = (zwh_multi_channel_encap_t){.source = 127, .bit_address = 1, .destination = 0x43};
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 3, out, sizeof out), 7);
    assert_int_equal(out[2], 0x7F);
    assert_int_equal(out[3], 0xC3);
    assert_int_equal(zwh_multi_channel_encap_decode(out, 7, &eb), 0);
    assert_int_equal(eb.bit_address, 1);
    assert_int_equal(eb.destination, 0x43);
    zwh_test_format(out, 7, "MultiChannel.CommandEncapsulation src=127 dst=[1,2,7] { DoorLock.OperationSet mode=secured }");
    e.destination = 0;
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 3, out, sizeof out), ZWH_EINVAL);
    e.bit_address = 0;
    e.source = 128;
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 3, out, sizeof out), ZWH_EINVAL);
    e.source = 1;
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_multi_channel_encap_encode(&e, set, 3, out, 6), ZWH_EMSGSIZE);
    /* an encapsulation with nothing inside */
    assert_int_equal(zwh_multi_channel_encap_decode(want, 4, &eb), ZWH_EBADMSG);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(end_points),
        cmocka_unit_test(find_and_members),
        cmocka_unit_test(encapsulation),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
