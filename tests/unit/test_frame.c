/* src/serialapi/frame: parser on garbage, split and merged frames, bad checksums,
 * impossible lengths, reception timeout; encoder against bytes seen on the wire. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "serialapi/frame.h"

/* Feeds everything and records the events. */
struct seen { int ev[32]; uint8_t func[32]; size_t plen[32]; uint8_t payload[32][8]; int n; };

static void feed(zwh__frame_parser_t *p, const uint8_t *d, size_t len, uint64_t now, struct seen *s)
{
    size_t off = 0;
    while (off < len) {
        int ev;
        zwh__frame_t f;
        off += zwh__frame_parse(p, d + off, len - off, now, &ev, &f);
        if (ev != ZWH__FEV_NONE && s->n < 32) {
            s->ev[s->n] = ev;
            if (ev == ZWH__FEV_DATA) {
                s->func[s->n] = f.func;
                s->plen[s->n] = f.len;
                memcpy(s->payload[s->n], f.payload, f.len < 8 ? f.len : 8);
            }
            s->n++;
        }
    }
}

/* GetControllerVersion response as seen on the wire (SERIALAPI-REFERENCE §6). */
static const uint8_t version_res[] = {0x01, 0x13, 0x01, 0x15, 0x5A, 0x2D, 0x57, 0x61, 0x76, 0x65, 0x20,
                                      0x37, 0x2E, 0x31, 0x37, 0x2E, 0x39, 0x39, 0x00, 0x01, 0xBA};
static const uint8_t senddata_cb[] = {0x01, 0x05, 0x00, 0x13, 0x01, 0x00, 0xE8};

static void encodes_known_frames(void **state)
{
    (void)state;
    uint8_t out[300];
    assert_int_equal(zwh__frame_encode(ZWH__TYPE_REQ, 0x15, NULL, 0, out, sizeof out), 5);
    const uint8_t ver_req[] = {0x01, 0x03, 0x00, 0x15, 0xE9};
    assert_memory_equal(out, ver_req, 5);
    /* SendData Binary Switch Get to node 2, txo 25, cb 01 */
    const uint8_t pl[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x01};
    const uint8_t want[] = {0x01, 0x09, 0x00, 0x13, 0x02, 0x02, 0x25, 0x02, 0x25, 0x01, 0xE6};
    assert_int_equal(zwh__frame_encode(ZWH__TYPE_REQ, 0x13, pl, sizeof pl, out, sizeof out), 11);
    assert_memory_equal(out, want, sizeof want);
    uint8_t big[253] = {0};
    assert_int_equal(zwh__frame_encode(0, 0x13, big, 253, out, sizeof out), ZWH_EMSGSIZE);
    assert_int_equal(zwh__frame_encode(0, 0x13, big, 252, out, sizeof out), 257);
    assert_int_equal(out[1], 0xFF);
    assert_int_equal(zwh__frame_encode(0, 0x13, big, 10, out, 14), ZWH_EMSGSIZE);
}

static void parses_whole_split_and_merged(void **state)
{
    (void)state;
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    struct seen s = {0};
    feed(&p, version_res, sizeof version_res, 0, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.ev[0], ZWH__FEV_DATA);
    assert_int_equal(s.func[0], 0x15);
    assert_int_equal(s.plen[0], 16);
    assert_memory_equal(s.payload[0], "Z-Wave 7", 8);

    /* byte by byte */
    memset(&s, 0, sizeof s);
    for (size_t i = 0; i < sizeof senddata_cb; i++)
        feed(&p, senddata_cb + i, 1, 10, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.func[0], 0x13);
    assert_int_equal(s.plen[0], 2);

    /* ACK + frame + NAK + frame + CAN merged into one read */
    uint8_t merged[64];
    size_t m = 0;
    merged[m++] = 0x06;
    memcpy(merged + m, senddata_cb, sizeof senddata_cb); m += sizeof senddata_cb;
    merged[m++] = 0x15;
    memcpy(merged + m, version_res, sizeof version_res); m += sizeof version_res;
    merged[m++] = 0x18;
    memset(&s, 0, sizeof s);
    feed(&p, merged, m, 20, &s);
    assert_int_equal(s.n, 5);
    assert_int_equal(s.ev[0], ZWH__FEV_ACK);
    assert_int_equal(s.ev[1], ZWH__FEV_DATA);
    assert_int_equal(s.ev[2], ZWH__FEV_NAK);
    assert_int_equal(s.ev[3], ZWH__FEV_DATA);
    assert_int_equal(s.ev[4], ZWH__FEV_CAN);
    assert_int_equal(p.stats.frames, 4);
}

static void skips_garbage(void **state)
{
    (void)state;
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    struct seen s = {0};
    uint8_t buf[64] = {0xFF, 0x00, 0x42, 0x99, 0x07};
    memcpy(buf + 5, senddata_cb, sizeof senddata_cb);
    feed(&p, buf, 5 + sizeof senddata_cb, 0, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.ev[0], ZWH__FEV_DATA);
    assert_int_equal(p.stats.garbage_bytes, 5);
}

static void bad_checksum_and_length_are_reported(void **state)
{
    (void)state;
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    struct seen s = {0};
    uint8_t bad[sizeof senddata_cb];
    memcpy(bad, senddata_cb, sizeof bad);
    bad[5] ^= 0x01; /* corrupt payload */
    feed(&p, bad, sizeof bad, 0, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.ev[0], ZWH__FEV_BAD_CHECKSUM);
    /* the parser is back to hunting: a good frame right after parses */
    feed(&p, senddata_cb, sizeof senddata_cb, 0, &s);
    assert_int_equal(s.ev[1], ZWH__FEV_DATA);

    const uint8_t short_len[] = {0x01, 0x02, 0x00, 0x15};
    memset(&s, 0, sizeof s);
    feed(&p, short_len, 2, 0, &s);
    assert_int_equal(s.ev[0], ZWH__FEV_BAD_LENGTH);
    const uint8_t zero_len[] = {0x01, 0x00};
    feed(&p, zero_len, 2, 0, &s);
    assert_int_equal(s.ev[1], ZWH__FEV_BAD_LENGTH);
    assert_int_equal(p.stats.bad_length, 2);
}

static void partial_frame_expires_after_rx_timeout(void **state)
{
    (void)state;
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    struct seen s = {0};
    feed(&p, senddata_cb, 4, 1000, &s);
    assert_int_equal(s.n, 0);
    assert_int_equal(zwh__frame_parser_deadline(&p), 1000 + ZWH__FRAME_RX_TIMEOUT_MS);
    assert_int_equal(zwh__frame_parser_expire(&p, 2499), 0);
    assert_int_equal(zwh__frame_parser_expire(&p, 2500), 1);
    assert_int_equal(zwh__frame_parser_deadline(&p), UINT64_MAX);
    /* the rest of the old frame is now garbage; a new frame parses */
    feed(&p, senddata_cb + 5, 2, 2600, &s); /* 00 E8: skipped as garbage */
    feed(&p, senddata_cb, sizeof senddata_cb, 2600, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.ev[0], ZWH__FEV_DATA);

    /* expiry also happens lazily inside parse */
    zwh__frame_parser_init(&p);
    memset(&s, 0, sizeof s);
    feed(&p, senddata_cb, 3, 0, &s);
    feed(&p, senddata_cb, sizeof senddata_cb, 5000, &s);
    assert_int_equal(s.n, 1);
    assert_int_equal(s.ev[0], ZWH__FEV_DATA);
    assert_int_equal(p.stats.rx_timeouts, 1);
}

static void max_length_frame_round_trips(void **state)
{
    (void)state;
    uint8_t payload[252], out[300];
    for (size_t i = 0; i < sizeof payload; i++)
        payload[i] = (uint8_t)i;
    int n = zwh__frame_encode(ZWH__TYPE_REQ, 0x04, payload, sizeof payload, out, sizeof out);
    assert_int_equal(n, 257);
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    int ev;
    zwh__frame_t f;
    size_t used = zwh__frame_parse(&p, out, (size_t)n, 0, &ev, &f);
    assert_int_equal(used, 257);
    assert_int_equal(ev, ZWH__FEV_DATA);
    assert_int_equal(f.len, 252);
    assert_memory_equal(f.payload, payload, 252);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(encodes_known_frames),
        cmocka_unit_test(parses_whole_split_and_merged),
        cmocka_unit_test(skips_garbage),
        cmocka_unit_test(bad_checksum_and_length_are_reported),
        cmocka_unit_test(partial_frame_expires_after_rx_timeout),
        cmocka_unit_test(max_length_frame_round_trips),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
