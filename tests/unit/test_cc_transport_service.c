/* Transport Service CC v2 segment frames. The CRC values were computed
 * independently (CRC-16/AUG-CCITT, poly 0x1021, init 0x1D0F, over every byte
 * before the checksum) with a separate script, not with this library. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(transport_service_first_segment, zwh_transport_service_segment_t)
ZWH_TEST_DECODER(transport_service_subsequent_segment, zwh_transport_service_segment_t)
ZWH_TEST_DECODER(transport_service_segment_request, zwh_transport_service_segment_request_t)

static void first_segment(void **state)
{
    (void)state;
    uint8_t out[64];
    /* a whole 9-byte datagram (a Door Lock Operation Report) in one segment, session 3 */
    const uint8_t dg[] = {0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00};
    const uint8_t want[] = {0x55, 0xC0, 0x09, 0x30, 0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00, 0x77, 0x29};
    zwh_transport_service_segment_t s, b;
    memset(&s, 0, sizeof s);
    s.datagram_size = 9;
    s.session_id = 3;
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_transport_service_first_segment_decode(want, sizeof want, &b), 0);
    assert_int_equal(b.datagram_size, 9);
    assert_int_equal(b.session_id, 3);
    assert_int_equal(b.has_ext, 0);
    assert_int_equal(b.payload_offset, 4);
    assert_int_equal(b.payload_len, 9);
    assert_int_equal(b.crc, 0x7729);
    assert_memory_equal(want + b.payload_offset, dg, 9);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_transport_service_first_segment, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "TransportService.FirstSegment session=3 size=9 { DoorLock.OperationReport mode=secured "
                    "handles=out:0x0,in:0x0 door=open bolt=locked latch=open timeout=none target=secured duration=0s }");
    /* any flipped bit fails the CRC */
    for (size_t i = 2; i < sizeof want; i++) {
        uint8_t bad[sizeof want];
        memcpy(bad, want, sizeof want);
        bad[i] ^= 0x10;
        assert_int_equal(zwh_transport_service_first_segment_decode(bad, sizeof bad, &b), ZWH_EBADMSG);
    }

    /* the largest datagram size (11 bits) and a header extension */
    memset(&s, 0, sizeof s);
    s.datagram_size = ZWH_TRANSPORT_SERVICE_MAX_DATAGRAM;
    s.session_id = 15;
    s.has_ext = 1;
    s.ext_len = 2;
    s.ext[0] = 0xAA;
    s.ext[1] = 0xBB;
    int n = zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out);
    assert_int_equal(n, 2 + 2 + 3 + 9 + 2);
    assert_int_equal(out[1], 0xC7);
    assert_int_equal(out[2], 0xFF);
    assert_int_equal(out[3], 0xF8);
    assert_int_equal(out[4], 2);
    assert_int_equal(zwh_transport_service_first_segment_decode(out, (size_t)n, &b), 0);
    assert_int_equal(b.datagram_size, 2047);
    assert_int_equal(b.ext_len, 2);
    assert_int_equal(b.ext[1], 0xBB);
    assert_int_equal(b.payload_offset, 7);
    zwh_test_format(out, (size_t)n,
                    "TransportService.FirstSegment session=15 size=2047 ext=[aa bb] payload=62 03 ff 00 00 fe fe ff 00");
    /* out of range */
    s.datagram_size = 2048;
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out), ZWH_EINVAL);
    s.datagram_size = 8; /* the payload is longer than the datagram */
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out), ZWH_EINVAL);
    s.datagram_size = 100;
    s.session_id = 16;
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out), ZWH_EINVAL);
    s.session_id = 1;
    s.ext_len = ZWH_TRANSPORT_SERVICE_MAX_EXT + 1;
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, sizeof out), ZWH_EINVAL);
    s.ext_len = 0;
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_transport_service_first_segment_encode(&s, dg, sizeof dg, out, 10), ZWH_EMSGSIZE);
}

static void subsequent_segment(void **state)
{
    (void)state;
    uint8_t out[64];
    const uint8_t payload[] = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
    const uint8_t want[] = {0x55, 0xE0, 0x32, 0x30, 0x28, 0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07,
                            0x08, 0x09, 0xB4, 0x49};
    zwh_transport_service_segment_t s, b;
    memset(&s, 0, sizeof s);
    s.datagram_size = 50;
    s.session_id = 3;
    s.datagram_offset = 40;
    assert_int_equal(zwh_transport_service_subsequent_segment_encode(&s, payload, sizeof payload, out, sizeof out),
                     (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    assert_int_equal(zwh_transport_service_subsequent_segment_decode(want, sizeof want, &b), 0);
    assert_int_equal(b.datagram_size, 50);
    assert_int_equal(b.datagram_offset, 40);
    assert_int_equal(b.payload_offset, 5);
    assert_int_equal(b.payload_len, 10);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_transport_service_subsequent_segment, &b, sizeof b);
    zwh_test_format(want, sizeof want,
                    "TransportService.SubsequentSegment session=3 size=50 offset=40 payload=00 01 02 03 04 05 06 07 08 09");
    /* a first segment is not a subsequent one */
    const uint8_t first[] = {0x55, 0xC0, 0x09, 0x30, 0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00, 0x77, 0x29};
    assert_int_equal(zwh_transport_service_subsequent_segment_decode(first, sizeof first, &b), ZWH_EBADMSG);
    /* offset + payload beyond the datagram, offset 0, largest offset */
    s.datagram_offset = 41;
    assert_int_equal(zwh_transport_service_subsequent_segment_encode(&s, payload, sizeof payload, out, sizeof out), ZWH_EINVAL);
    s.datagram_offset = 0;
    assert_int_equal(zwh_transport_service_subsequent_segment_encode(&s, payload, sizeof payload, out, sizeof out), ZWH_EINVAL);
    s.datagram_size = 2047;
    s.datagram_offset = 2046;
    assert_int_equal(zwh_transport_service_subsequent_segment_encode(&s, payload, 1, out, sizeof out), 2 + 3 + 1 + 2);
    assert_int_equal(out[3], 0x37);
    assert_int_equal(out[4], 0xFE);
    assert_int_equal(zwh_transport_service_subsequent_segment_decode(out, 8, &b), 0);
    assert_int_equal(b.datagram_offset, 2046);
}

static void control_commands(void **state)
{
    (void)state;
    uint8_t out[8];
    zwh_transport_service_segment_request_t q = {.session_id = 15, .datagram_offset = 2047}, qb;
    const uint8_t want[] = {0x55, 0xC8, 0xF7, 0xFF};
    assert_int_equal(zwh_transport_service_segment_request_encode(&q, out, sizeof out), 4);
    assert_memory_equal(out, want, 4);
    assert_int_equal(zwh_transport_service_segment_request_decode(want, 4, &qb), 0);
    assert_int_equal(qb.session_id, 15);
    assert_int_equal(qb.datagram_offset, 2047);
    zwh_test_truncations(want, 4, 4, dec_transport_service_segment_request, &qb, sizeof qb);
    zwh_test_format(want, 4, "TransportService.SegmentRequest session=15 offset=2047");
    q.datagram_offset = 2048;
    assert_int_equal(zwh_transport_service_segment_request_encode(&q, out, sizeof out), ZWH_EINVAL);

    zwh_transport_service_segment_complete_t c = {.session_id = 9}, cb;
    assert_int_equal(zwh_transport_service_segment_complete_encode(&c, out, sizeof out), 3);
    assert_int_equal(out[1], 0xE8);
    assert_int_equal(out[2], 0x90);
    assert_int_equal(zwh_transport_service_segment_complete_decode(out, 3, &cb), 0);
    assert_int_equal(cb.session_id, 9);
    zwh_test_format(out, 3, "TransportService.SegmentComplete session=9");
    c.session_id = 16;
    assert_int_equal(zwh_transport_service_segment_complete_encode(&c, out, sizeof out), ZWH_EINVAL);

    zwh_transport_service_segment_wait_t w = {.pending_segments = 255}, wb;
    assert_int_equal(zwh_transport_service_segment_wait_encode(&w, out, sizeof out), 3);
    assert_int_equal(out[1], 0xF0);
    assert_int_equal(zwh_transport_service_segment_wait_decode(out, 3, &wb), 0);
    assert_int_equal(wb.pending_segments, 255);
    assert_int_equal(zwh_transport_service_segment_wait_decode(out, 2, &wb), ZWH_EBADMSG);
    zwh_test_format(out, 3, "TransportService.SegmentWait pending=255");
    assert_string_equal(zwh_cc_get_command_name(0x55, 0xC5), "FirstSegment");
    assert_string_equal(zwh_cc_get_command_name(0x55, 0xE7), "SubsequentSegment");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(first_segment),
        cmocka_unit_test(subsequent_segment),
        cmocka_unit_test(control_commands),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
