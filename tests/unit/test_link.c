/* src/serialapi/link: ACK/NAK/CAN handling, retransmission with the INS12350
 * back-off (100 ms + n * 1000 ms), give-up after 3 retransmissions, immediate
 * ACK of received frames, NAK of corrupt ones -- all on an injected clock. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "serialapi/link.h"

struct fake {
    uint8_t out[4096];
    size_t out_len;
    int writes;
    int frames;
    uint8_t last_func;
    int sent_calls;
    int sent_status;
};

static void fw(void *u, const uint8_t *b, size_t n)
{
    struct fake *f = u;
    memcpy(f->out + f->out_len, b, n);
    f->out_len += n;
    f->writes++;
}
static void ff(void *u, const zwh__frame_t *fr) { struct fake *f = u; f->frames++; f->last_func = fr->func; }
static void fs(void *u, int st) { struct fake *f = u; f->sent_calls++; f->sent_status = st; }

static void setup_link(zwh__link_t *l, struct fake *f)
{
    memset(f, 0, sizeof *f);
    zwh__link_io_t io = {fw, ff, fs};
    zwh__link_init(l, NULL, &io, f);
}

static const uint8_t ver_req[] = {0x01, 0x03, 0x00, 0x15, 0xE9};

static void ack_completes_send(void **state)
{
    (void)state;
    zwh__link_t l;
    struct fake f;
    setup_link(&l, &f);
    assert_int_equal(zwh__link_send(&l, 0, 0x15, NULL, 0, 0), 0);
    assert_memory_equal(f.out, ver_req, 5);
    assert_int_equal(zwh__link_send(&l, 0, 0x15, NULL, 0, 0), ZWH_EBUSY);
    assert_int_equal(zwh__link_deadline(&l), 1600);
    const uint8_t ack = 0x06;
    zwh__link_input(&l, &ack, 1, 10);
    assert_int_equal(f.sent_calls, 1);
    assert_int_equal(f.sent_status, 0);
    assert_false(zwh__link_busy(&l));
    zwh__link_input(&l, &ack, 1, 11); /* stray ACK ignored */
    assert_int_equal(f.sent_calls, 1);
}

static void retransmits_with_backoff_then_gives_up(void **state)
{
    (void)state;
    zwh__link_t l;
    struct fake f;
    setup_link(&l, &f);
    uint64_t t = 0;
    zwh__link_send(&l, 0, 0x15, NULL, 0, t);
    /* expected schedule: tx@0, timeout@1600, wait 100 -> tx@1700, timeout@3300,
     * wait 1100 -> tx@4400, timeout@6000, wait 2100 -> tx@8100, timeout@9700 -> give up */
    const uint64_t tx_at[] = {0, 1700, 4400, 8100};
    for (int i = 1; i < 4; i++) {
        t = zwh__link_deadline(&l);
        assert_int_equal(t, tx_at[i - 1] + 1600);
        zwh__link_tick(&l, t); /* ack timeout -> backoff */
        t = zwh__link_deadline(&l);
        assert_int_equal(t, tx_at[i]);
        zwh__link_tick(&l, t - 1);
        assert_int_equal(f.writes, i); /* not yet */
        zwh__link_tick(&l, t);
        assert_int_equal(f.writes, i + 1);
        assert_memory_equal(f.out + 5 * (size_t)i, ver_req, 5);
    }
    assert_int_equal(zwh__link_deadline(&l), 9700);
    zwh__link_tick(&l, 9700);
    assert_int_equal(f.sent_calls, 1);
    assert_int_equal(f.sent_status, ZWH_ENOACK);
    assert_int_equal(l.stats.retransmissions, 3);
    assert_int_equal(l.stats.ack_timeouts, 4);
}

static void nak_and_can_retransmit(void **state)
{
    (void)state;
    zwh__link_t l;
    struct fake f;
    setup_link(&l, &f);
    zwh__link_send(&l, 0, 0x15, NULL, 0, 0);
    const uint8_t nak = 0x15, can = 0x18, ack = 0x06;
    zwh__link_input(&l, &nak, 1, 50);
    assert_int_equal(zwh__link_deadline(&l), 150);
    zwh__link_tick(&l, 150);
    assert_int_equal(f.writes, 2);
    zwh__link_input(&l, &can, 1, 200);
    assert_int_equal(zwh__link_deadline(&l), 200 + 1100);
    zwh__link_tick(&l, 1300);
    assert_int_equal(f.writes, 3);
    zwh__link_input(&l, &ack, 1, 1310);
    assert_int_equal(f.sent_status, 0);
    assert_int_equal(l.stats.nak_received, 1);
    assert_int_equal(l.stats.can_received, 1);

    /* four CANs in a row: a definite ZWH_ECAN */
    setup_link(&l, &f);
    zwh__link_send(&l, 0, 0x15, NULL, 0, 0);
    uint64_t t = 0;
    for (int i = 0; i < 4; i++) {
        zwh__link_input(&l, &can, 1, t);
        if (i < 3) {
            t = zwh__link_deadline(&l);
            zwh__link_tick(&l, t);
        }
    }
    assert_int_equal(f.sent_calls, 1);
    assert_int_equal(f.sent_status, ZWH_ECAN);
}

static void received_frames_are_acked_and_bad_ones_naked(void **state)
{
    (void)state;
    zwh__link_t l;
    struct fake f;
    setup_link(&l, &f);
    const uint8_t cb[] = {0x01, 0x05, 0x00, 0x13, 0x01, 0x00, 0xE8};
    zwh__link_input(&l, cb, sizeof cb, 0);
    assert_int_equal(f.frames, 1);
    assert_int_equal(f.out_len, 1);
    assert_int_equal(f.out[0], 0x06);
    uint8_t bad[sizeof cb];
    memcpy(bad, cb, sizeof cb);
    bad[6] = 0x00;
    zwh__link_input(&l, bad, sizeof bad, 0);
    assert_int_equal(f.frames, 1);
    assert_int_equal(f.out[1], 0x15);
    /* collision: a frame arrives while we wait for our ACK; it is ACKed, we keep waiting */
    zwh__link_send(&l, 0, 0x15, NULL, 0, 100);
    zwh__link_input(&l, cb, sizeof cb, 110);
    assert_int_equal(f.frames, 2);
    assert_true(zwh__link_busy(&l));
    assert_int_equal(l.stats.collisions, 1);
    /* reset while sending completes the frame once */
    zwh__link_reset(&l, ZWH_ECONNRESET);
    assert_int_equal(f.sent_calls, 1);
    assert_int_equal(f.sent_status, ZWH_ECONNRESET);
    zwh__link_reset(&l, ZWH_ECONNRESET);
    assert_int_equal(f.sent_calls, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(ack_completes_send),
        cmocka_unit_test(retransmits_with_backoff_then_gives_up),
        cmocka_unit_test(nak_and_can_retransmit),
        cmocka_unit_test(received_frames_are_acked_and_bad_ones_naked),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
