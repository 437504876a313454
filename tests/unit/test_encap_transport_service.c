/* Transport Service engine (src/encap/transport_service.c): two or three
 * engine instances exchange frames through a small simulated network with
 * injected time; filters drop, corrupt, repeat and reorder frames. Segment
 * CRCs are checked with a bitwise CRC-16/AUG-CCITT written here, independent
 * of the library's table-driven one. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "encap/transport_service.h"
#include "zwhost/zwhost.h"

#define MAX_SIDES 3
#define QMAX 256

typedef struct wire_frame {
    uint16_t from, to;
    size_t len;
    uint8_t b[ZWH__TS_MAX_DATAGRAM + 16];
} wire_frame_t;

struct net;
typedef struct side {
    struct net *net;
    uint16_t id;
    zwh__ts_t ts;
    uint8_t dg[ZWH__TS_MAX_DATAGRAM];
    size_t dglen;
    int ndg;
    uint16_t dg_from;
    int ndone, done_status;
    uint32_t done_tag;
} side_t;

/* returns false to drop the frame; may modify it */
typedef bool (*filter_fn)(struct net *n, wire_frame_t *f);

typedef struct net {
    side_t side[MAX_SIDES];
    size_t nsides;
    uint64_t now;
    wire_frame_t q[QMAX];
    size_t qhead, qlen;
    filter_fn filter;
    int counter; /* for filters */
    wire_frame_t log[QMAX]; /* every frame sent, in order */
    size_t nlog;
} net_t;

static side_t *side_by_id(net_t *n, uint16_t id)
{
    for (size_t i = 0; i < n->nsides; i++)
        if (n->side[i].id == id)
            return &n->side[i];
    return NULL;
}

static void io_send(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    side_t *s = user;
    net_t *n = s->net;
    assert_true(len <= sizeof n->q[0].b);
    assert_true(n->qlen < QMAX);
    wire_frame_t *f = &n->q[(n->qhead + n->qlen++) % QMAX];
    f->from = s->id;
    f->to = node;
    f->len = len;
    memcpy(f->b, buf, len);
    if (n->nlog < QMAX)
        n->log[n->nlog++] = *f;
}

static void io_datagram(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    side_t *s = user;
    memcpy(s->dg, buf, len);
    s->dglen = len;
    s->dg_from = node;
    s->ndg++;
}

static void io_done(void *user, uint16_t node, uint32_t tag, int status)
{
    side_t *s = user;
    (void)node;
    s->ndone++;
    s->done_status = status;
    s->done_tag = tag;
}

static net_t *net_new(size_t nsides, const zwh__ts_config_t *cfg)
{
    net_t *n = calloc(1, sizeof *n);
    assert_non_null(n);
    n->nsides = nsides;
    zwh__ts_io_t io = {io_send, io_datagram, io_done};
    for (size_t i = 0; i < nsides; i++) {
        n->side[i].net = n;
        n->side[i].id = (uint16_t)(i + 1);
        zwh__ts_config_t c;
        zwh__ts_config_default(&c);
        if (cfg)
            c = *cfg;
        c.seed = (uint32_t)(0x5EED0 + i);
        zwh__ts_init(&n->side[i].ts, &c, &io, &n->side[i]);
    }
    return n;
}

/* Delivers queued frames; when none are left, advances time to the next
 * deadline and ticks. Stops when idle or at `until`. */
static void net_run(net_t *n, uint64_t until)
{
    for (;;) {
        while (n->qlen) {
            wire_frame_t f = n->q[n->qhead];
            n->qhead = (n->qhead + 1) % QMAX;
            n->qlen--;
            if (n->filter && !n->filter(n, &f))
                continue;
            side_t *dst = side_by_id(n, f.to);
            assert_non_null(dst);
            (void)zwh__ts_input(&dst->ts, f.from, f.b, f.len, n->now);
        }
        uint64_t d = UINT64_MAX;
        for (size_t i = 0; i < n->nsides; i++) {
            uint64_t x = zwh__ts_deadline(&n->side[i].ts);
            if (x < d)
                d = x;
        }
        if (d == UINT64_MAX || d > until)
            return;
        if (d > n->now)
            n->now = d;
        for (size_t i = 0; i < n->nsides; i++)
            zwh__ts_tick(&n->side[i].ts, n->now);
    }
}

static uint16_t crc_bitwise(const uint8_t *p, size_t n)
{
    uint16_t crc = 0x1D0F;
    for (size_t i = 0; i < n; i++) {
        crc ^= (uint16_t)(p[i] << 8);
        for (int b = 0; b < 8; b++)
            crc = (uint16_t)(crc & 0x8000 ? (crc << 1) ^ 0x1021 : crc << 1);
    }
    return crc;
}

static void fill(uint8_t *p, size_t n, uint8_t salt)
{
    for (size_t i = 0; i < n; i++)
        p[i] = (uint8_t)(i * 7 + salt);
}

static bool is_segment(const wire_frame_t *f) { return (f->b[1] & 0xD8) == 0xC0; } /* C0-C7, E0-E7 */
static uint16_t seg_offset(const wire_frame_t *f)
{
    return (f->b[1] & 0xF8) == 0xC0 ? 0 : (uint16_t)((f->b[3] & 7) << 8 | f->b[4]);
}

/* Checks every segment A sent in the log: header, offsets, CRC, sizes. */
static void check_segments(const net_t *n, uint16_t from, size_t size, size_t max_frame, const uint8_t *dg)
{
    size_t chunk = max_frame - 7, segs = 0;
    for (size_t i = 0; i < n->nlog; i++) {
        const wire_frame_t *f = &n->log[i];
        if (f->from != from || !is_segment(f))
            continue;
        segs++;
        assert_true(f->len <= max_frame);
        assert_int_equal(f->b[0], 0x55);
        assert_int_equal(((f->b[1] & 7) << 8) | f->b[2], size);
        assert_int_equal(crc_bitwise(f->b, f->len - 2), (f->b[f->len - 2] << 8) | f->b[f->len - 1]);
        uint16_t off = seg_offset(f);
        size_t hdr = off == 0 ? 4 : 5;
        size_t plen = f->len - hdr - 2;
        assert_int_equal(off % chunk, 0);
        assert_int_equal(plen, size - off < chunk ? size - off : chunk);
        assert_memory_equal(f->b + hdr, dg + off, plen);
    }
    assert_true(segs >= (size + chunk - 1) / chunk);
}

static size_t count_cmd(const net_t *n, uint16_t from, uint8_t cmd)
{
    size_t c = 0;
    for (size_t i = 0; i < n->nlog; i++)
        if (n->log[i].from == from && n->log[i].b[1] == cmd)
            c++;
    return c;
}

static const wire_frame_t *find_cmd(const net_t *n, uint16_t from, uint8_t cmd)
{
    for (size_t i = 0; i < n->nlog; i++)
        if (n->log[i].from == from && n->log[i].b[1] == cmd)
            return &n->log[i];
    return NULL;
}

static void both_ways_150_over_46(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0], *b = &n->side[1];
    uint8_t dg[150];
    fill(dg, sizeof dg, 1);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 77, 0), 0);
    /* four segments (39 + 39 + 39 + 33), paced 35 ms apart: only the first is out */
    assert_int_equal(n->qlen, 1);
    assert_int_equal(n->q[0].len, 4 + 39 + 2);
    assert_int_equal(n->q[0].b[1], 0xC0);
    assert_int_equal(n->q[0].b[2], 150);
    assert_int_equal(zwh__ts_deadline(&a->ts), 35);
    assert_true(zwh__ts_sending(&a->ts, 2));
    net_run(n, 100000);
    assert_int_equal(b->ndg, 1);
    assert_int_equal(b->dglen, 150);
    assert_int_equal(b->dg_from, 1);
    assert_memory_equal(b->dg, dg, 150);
    assert_int_equal(a->ndone, 1);
    assert_int_equal(a->done_status, 0);
    assert_int_equal(a->done_tag, 77);
    assert_false(zwh__ts_sending(&a->ts, 2));
    check_segments(n, 1, 150, 46, dg);
    assert_int_equal(count_cmd(n, 1, 0xE0), 3);
    /* Segment Complete names A's session */
    const wire_frame_t *c = find_cmd(n, 2, 0xE8);
    assert_non_null(c);
    assert_int_equal(c->len, 3);
    assert_int_equal(c->b[2], n->log[0].b[3] & 0xF0);
    uint8_t first_sid = n->log[0].b[3] >> 4;
    /* the segments went out at 0, 35, 70, 105 and the datagram completed then */
    assert_int_equal(n->now, 105);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 0);

    /* the other way round, a second datagram with the next session id */
    uint8_t back[150];
    fill(back, sizeof back, 9);
    n->nlog = 0;
    assert_int_equal(zwh__ts_send(&b->ts, 1, back, sizeof back, 46, 5, n->now), 0);
    net_run(n, n->now + 100000);
    assert_int_equal(a->ndg, 1);
    assert_memory_equal(a->dg, back, 150);
    assert_int_equal(b->ndone, 1);
    assert_int_equal(b->done_status, 0);
    check_segments(n, 2, 150, 46, back);
    n->nlog = 0;
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 78, n->now), 0);
    assert_int_equal(n->q[n->qhead].b[3] >> 4, (first_sid + 1) & 15);
    net_run(n, n->now + 100000);
    assert_int_equal(b->ndg, 2);
    assert_int_equal(a->ndone, 2);
    assert_int_equal(a->done_status, 0);
    free(n);
}

/* drops the n-th segment (counter counts segments) once */
static bool drop_second_segment(net_t *n, wire_frame_t *f)
{
    return !(is_segment(f) && ++n->counter == 2);
}

static void lost_segment_recovered(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0], *b = &n->side[1];
    n->filter = drop_second_segment;
    uint8_t dg[150];
    fill(dg, sizeof dg, 3);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 1, 0), 0);
    net_run(n, 100000);
    assert_int_equal(b->ndg, 1);
    assert_memory_equal(b->dg, dg, 150);
    assert_int_equal(a->done_status, 0);
    /* B asked for offset 39, 800 ms after the last segment (sent at 105) */
    const wire_frame_t *q = find_cmd(n, 2, 0xC8);
    assert_non_null(q);
    assert_int_equal(q->len, 4);
    assert_int_equal(q->b[2], (n->log[0].b[3] & 0xF0) | 0);
    assert_int_equal(q->b[3], 39);
    assert_int_equal(count_cmd(n, 2, 0xC8), 1);
    assert_int_equal(n->now, 105 + 800);
    assert_int_equal(a->ts.stats.tx_resends, 1);
    assert_int_equal(b->ts.stats.rx_requests_sent, 1);
    free(n);
}

/* Captures A's segments, then feeds them to B out of order with duplicates. */
static void out_of_order_and_duplicates(void **state)
{
    (void)state;
    zwh__ts_config_t c;
    zwh__ts_config_default(&c);
    c.tx_segment_gap_ms = 0;
    net_t *n = net_new(2, &c);
    side_t *a = &n->side[0], *b = &n->side[1];
    uint8_t dg[150];
    fill(dg, sizeof dg, 5);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 1, 0), 0);
    assert_int_equal(n->qlen, 4); /* no gap: all at once */
    wire_frame_t seg[4];
    for (int i = 0; i < 4; i++)
        seg[i] = n->q[i];
    n->qlen = 0;
    const int order[] = {3, 1, 1, 0, 3, 2};
    for (size_t i = 0; i < 6; i++) {
        assert_int_equal(zwh__ts_input(&b->ts, 1, seg[order[i]].b, seg[order[i]].len, 10 * i), 0);
        assert_int_equal(b->ndg, i == 5 ? 1 : 0);
    }
    assert_memory_equal(b->dg, dg, 150);
    assert_int_equal(b->ts.stats.rx_duplicates, 2);
    assert_int_equal(n->qlen, 1); /* Segment Complete */
    assert_int_equal(n->q[n->qhead].b[1], 0xE8);
    /* a late repeat of the datagram's segments: Segment Complete again, no second delivery */
    assert_int_equal(zwh__ts_input(&b->ts, 1, seg[0].b, seg[0].len, 100), 0);
    assert_int_equal(zwh__ts_input(&b->ts, 1, seg[2].b, seg[2].len, 100), 0);
    assert_int_equal(b->ndg, 1);
    assert_int_equal(n->qlen, 3);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 0);
    net_run(n, 100000);
    assert_int_equal(a->ndone, 1);
    assert_int_equal(a->done_status, 0);
    assert_int_equal(a->ts.stats.control_unmatched, 2); /* the repeated Segment Completes */
    /* the first segment arriving last, after a gap: B requests offset 0 */
    n->nlog = 0;
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 2, n->now), 0);
    for (int i = 0; i < 4; i++)
        seg[i] = n->q[(n->qhead + (size_t)i) % QMAX];
    n->qlen = 0;
    for (int i = 1; i < 4; i++)
        assert_int_equal(zwh__ts_input(&b->ts, 1, seg[i].b, seg[i].len, n->now), 0);
    net_run(n, n->now + 100000);
    const wire_frame_t *q = find_cmd(n, 2, 0xC8);
    assert_non_null(q);
    assert_int_equal(q->b[3], 0);
    assert_int_equal(b->ndg, 2);
    assert_int_equal(a->done_status, 0);
    free(n);
}

/* corrupts one payload byte of the third segment */
static bool corrupt_third(net_t *n, wire_frame_t *f)
{
    if (is_segment(f) && ++n->counter == 3)
        f->b[10] ^= 0x01;
    return true;
}

static void corrupted_segment(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0], *b = &n->side[1];
    n->filter = corrupt_third;
    uint8_t dg[150];
    fill(dg, sizeof dg, 11);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 1, 0), 0);
    net_run(n, 100000);
    assert_int_equal(b->ts.stats.rx_bad, 1);
    assert_int_equal(b->ndg, 1);
    assert_memory_equal(b->dg, dg, 150);
    const wire_frame_t *q = find_cmd(n, 2, 0xC8);
    assert_non_null(q);
    assert_int_equal(q->b[3], 78);
    assert_int_equal(a->done_status, 0);
    /* directly: a corrupt segment is refused and leaves no reassembly behind */
    uint8_t bad[46];
    memcpy(bad, n->log[0].b, n->log[0].len);
    bad[5] ^= 0x80;
    assert_int_equal(zwh__ts_input(&b->ts, 1, bad, n->log[0].len, n->now), ZWH_EBADMSG);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 0);
    free(n);
}

static bool drop_all_after_first(net_t *n, wire_frame_t *f)
{
    return !(is_segment(f) && ++n->counter > 1);
}

static void reassembly_timeout(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0], *b = &n->side[1];
    n->filter = drop_all_after_first;
    uint8_t dg[150];
    fill(dg, sizeof dg, 13);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 9, 0), 0);
    /* B holds a partial datagram and requests the missing offset at 800 and 1600 ms */
    net_run(n, 799);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 1);
    assert_int_equal(zwh__ts_deadline(&b->ts), 800);
    net_run(n, 100000);
    assert_int_equal(count_cmd(n, 2, 0xC8), 2);
    assert_int_equal(b->ndg, 0);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 0);
    assert_int_equal(b->ts.stats.rx_dropped, 1);
    /* A re-sent what was asked and its last segment once, then gave up */
    assert_int_equal(a->ndone, 1);
    assert_int_equal(a->done_status, ZWH_ETIMEDOUT);
    assert_int_equal(a->done_tag, 9);
    assert_int_equal(zwh__ts_deadline(&a->ts), UINT64_MAX);
    assert_int_equal(zwh__ts_deadline(&b->ts), UINT64_MAX);

    /* injected time, no peer: the partial datagram is dropped after the
     * first timer plus rx_request_limit more */
    zwh__ts_t r;
    zwh__ts_init(&r, NULL, NULL, NULL);
    assert_int_equal(zwh__ts_input(&r, 5, n->log[0].b, n->log[0].len, 1000), 0);
    assert_int_equal(zwh__ts_deadline(&r), 1800);
    zwh__ts_tick(&r, 1799);
    assert_int_equal(zwh__ts_rx_count(&r), 1);
    zwh__ts_tick(&r, 1800);
    zwh__ts_tick(&r, 2600);
    assert_int_equal(zwh__ts_rx_count(&r), 1);
    zwh__ts_tick(&r, 3400);
    assert_int_equal(zwh__ts_rx_count(&r), 0);
    assert_int_equal(r.stats.rx_requests_sent, 2);

    /* a peer trickling new bytes every 700 ms is still cut off at rx_datagram_timeout_ms */
    zwh__ts_init(&r, NULL, NULL, NULL);
    zwh_transport_service_segment_t s;
    memset(&s, 0, sizeof s);
    s.datagram_size = 2000;
    uint8_t buf[16], one = 0xAA;
    uint64_t t = 0;
    for (uint16_t off = 0; off < 30; off++, t += 700) {
        s.datagram_offset = off;
        int len = off ? zwh_transport_service_subsequent_segment_encode(&s, &one, 1, buf, sizeof buf)
                      : zwh_transport_service_first_segment_encode(&s, &one, 1, buf, sizeof buf);
        zwh__ts_tick(&r, t);
        (void)zwh__ts_input(&r, 5, buf, (size_t)len, t);
    }
    assert_int_equal(r.stats.rx_dropped, 1);
    free(n);
}

static void segment_wait_when_busy(void **state)
{
    (void)state;
    zwh__ts_config_t c;
    zwh__ts_config_default(&c);
    c.rx_sessions = 1;
    net_t *n = net_new(3, &c);
    side_t *a = &n->side[0], *b = &n->side[1], *d = &n->side[2];
    uint8_t dg_d[150], dg_a[100];
    fill(dg_d, sizeof dg_d, 21);
    fill(dg_a, sizeof dg_a, 22);
    /* node 3's datagram starts first; node 1's first segment then finds B busy */
    assert_int_equal(zwh__ts_send(&d->ts, 2, dg_d, sizeof dg_d, 46, 3, 0), 0);
    net_run(n, 0);
    assert_int_equal(zwh__ts_rx_count(&b->ts), 1);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg_a, sizeof dg_a, 46, 1, 0), 0);
    net_run(n, 0);
    const wire_frame_t *w = find_cmd(n, 2, 0xF0);
    assert_non_null(w);
    assert_int_equal(w->to, 1);
    assert_int_equal(w->len, 3);
    assert_int_equal(w->b[2], 3); /* 111 bytes missing from node 3, in 39-byte segments */
    /* A pauses 300 ms: nothing more from A until then */
    assert_int_equal(a->ts.tx[0].state, ZWH__TS_TX_PAUSED);
    assert_int_equal(zwh__ts_deadline(&a->ts), 300);
    net_run(n, 100000);
    assert_int_equal(b->ndg, 2);
    assert_int_equal(d->done_status, 0);
    assert_int_equal(a->done_status, 0);
    assert_memory_equal(b->dg, dg_a, 100); /* the second delivery is A's */
    assert_int_equal(b->ts.stats.rx_waits_sent, 1);
    assert_int_equal(a->ts.stats.tx_restarts, 1);
    free(n);
}

static void sender_limits(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0];
    uint8_t dg[ZWH__TS_MAX_DATAGRAM + 1];
    fill(dg, sizeof dg, 0);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, 0, 46, 0, 0), ZWH_EINVAL);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, sizeof dg, 46, 0, 0), ZWH_EINVAL);
    assert_int_equal(zwh__ts_send(&a->ts, 2, dg, 10, 7, 0, 0), ZWH_EINVAL);
    assert_int_equal(zwh__ts_send(&a->ts, 2, NULL, 10, 46, 0, 0), ZWH_EINVAL);
    for (uint16_t node = 10; node < 10 + ZWH__TS_MAX_TX; node++)
        assert_int_equal(zwh__ts_send(&a->ts, node, dg, 100, 46, node, 0), 0);
    assert_int_equal(zwh__ts_send(&a->ts, 10, dg, 100, 46, 0, 0), ZWH_EBUSY);
    assert_int_equal(zwh__ts_send(&a->ts, 99, dg, 100, 46, 0, 0), ZWH_ENOSPC);
    assert_int_equal(zwh__ts_cancel(&a->ts, 11), 0);
    assert_int_equal(a->done_status, ZWH_ECANCELED);
    assert_int_equal(a->done_tag, 11);
    assert_int_equal(zwh__ts_cancel(&a->ts, 11), ZWH_ENOENT);
    /* control frames for the wrong session or an offset past the end are ignored */
    uint8_t sid = a->ts.tx[0].session_id, f[8];
    zwh_transport_service_segment_complete_t sc = {.session_id = (uint8_t)((sid + 1) & 15)};
    int len = zwh_transport_service_segment_complete_encode(&sc, f, sizeof f);
    assert_int_equal(zwh__ts_input(&a->ts, 10, f, (size_t)len, 1), 0);
    zwh_transport_service_segment_request_t sr = {.session_id = sid, .datagram_offset = 100};
    len = zwh_transport_service_segment_request_encode(&sr, f, sizeof f);
    assert_int_equal(zwh__ts_input(&a->ts, 10, f, (size_t)len, 1), 0);
    assert_int_equal(a->ts.stats.control_unmatched, 2);
    assert_true(zwh__ts_sending(&a->ts, 10));
    /* not Transport Service, or a malformed control frame */
    const uint8_t junk[] = {0x20, 0x01, 0x00}, shortreq[] = {0x55, 0xC8, 0x10}, weird[] = {0x55, 0xD0, 0x00};
    assert_int_equal(zwh__ts_input(&a->ts, 10, junk, sizeof junk, 1), ZWH_EBADMSG);
    assert_int_equal(zwh__ts_input(&a->ts, 10, shortreq, sizeof shortreq, 1), ZWH_EBADMSG);
    assert_int_equal(zwh__ts_input(&a->ts, 10, weird, sizeof weird, 1), ZWH_EBADMSG);
    assert_int_equal(zwh__ts_input(&a->ts, 10, junk, 1, 1), ZWH_EBADMSG);
    /* too many Segment Waits: ZWH_EBUSY */
    const uint8_t wait[] = {0x55, 0xF0, 0x01};
    int done = a->ndone;
    for (uint32_t i = 0; i <= a->ts.cfg.tx_max_restarts; i++)
        assert_int_equal(zwh__ts_input(&a->ts, 12, wait, sizeof wait, 1), 0);
    assert_int_equal(a->ndone, done + 1);
    assert_int_equal(a->done_status, ZWH_EBUSY);
    assert_int_equal(a->done_tag, 12);
    /* too many Segment Requests: ZWH_EPROTO */
    uint8_t sid13 = 0xFF;
    for (size_t i = 0; i < ZWH__TS_MAX_TX; i++)
        if (a->ts.tx[i].state && a->ts.tx[i].node == 13)
            sid13 = a->ts.tx[i].session_id;
    sr.session_id = sid13;
    sr.datagram_offset = 39;
    len = zwh_transport_service_segment_request_encode(&sr, f, sizeof f);
    for (uint32_t i = 0; i <= a->ts.cfg.tx_max_resends; i++)
        assert_int_equal(zwh__ts_input(&a->ts, 13, f, (size_t)len, 1), 0);
    assert_int_equal(a->done_status, ZWH_EPROTO);
    assert_int_equal(a->done_tag, 13);
    free(n);
}

/* The largest datagram, and a datagram that fits one segment pinned to the
 * cc test's independently computed vector (session 3, CRC 0x7729). */
static void largest_and_single_segment(void **state)
{
    (void)state;
    net_t *n = net_new(2, NULL);
    side_t *a = &n->side[0], *b = &n->side[1];
    static uint8_t big[ZWH__TS_MAX_DATAGRAM];
    fill(big, sizeof big, 33);
    assert_int_equal(zwh__ts_send(&a->ts, 2, big, sizeof big, 46, 1, 0), 0);
    net_run(n, 1000000);
    assert_int_equal(b->ndg, 1);
    assert_int_equal(b->dglen, sizeof big);
    assert_memory_equal(b->dg, big, sizeof big);
    assert_int_equal(a->done_status, 0);
    assert_int_equal(a->ts.stats.tx_segments, (sizeof big + 38) / 39);

    const uint8_t dl[] = {0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00};
    const uint8_t want[] = {0x55, 0xC0, 0x09, 0x30, 0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00, 0x77, 0x29};
    for (int i = 0; i < 16; i++) {
        n->qlen = 0;
        assert_int_equal(zwh__ts_send(&a->ts, 2, dl, sizeof dl, 46, 0, n->now), 0);
        assert_int_equal(n->qlen, 1);
        if (n->q[n->qhead].b[3] == 0x30)
            break;
        assert_int_equal(zwh__ts_cancel(&a->ts, 2), 0);
    }
    const wire_frame_t *f = &n->q[n->qhead];
    assert_int_equal(f->len, sizeof want);
    assert_memory_equal(f->b, want, sizeof want);
    net_run(n, n->now + 100000);
    assert_int_equal(b->ndg, 2);
    assert_memory_equal(b->dg, dl, sizeof dl);
    assert_int_equal(a->done_status, 0);
    free(n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(both_ways_150_over_46),
        cmocka_unit_test(lost_segment_recovered),
        cmocka_unit_test(out_of_order_and_duplicates),
        cmocka_unit_test(corrupted_segment),
        cmocka_unit_test(reassembly_timeout),
        cmocka_unit_test(segment_wait_when_busy),
        cmocka_unit_test(sender_limits),
        cmocka_unit_test(largest_and_single_segment),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
