/* Fuzz target: the Transport Service engine, both roles, driven by a little
 * program in the input. Engine A (node 1) sends datagrams to engine B (node 2)
 * over a channel the input controls (deliver, drop, repeat, corrupt, reorder);
 * foreign peers (nodes 3..6) throw arbitrary segments, valid-CRC segments with
 * arbitrary fields, and control frames at both; time advances in steps.
 * Opcodes (first byte of each step, modulo 8):
 *   0 t       advance time by t*8 ms and tick both engines
 *   1 hi lo f s   A sends a datagram of ((hi<<8|lo) % 2047) + 1 bytes made
 *                 from seed s, segments of at most (f % 60) + 8 bytes
 *   2 fate    next frame A->B: deliver / drop / repeat / corrupt / reorder
 *   3 fate    next frame B->A, likewise
 *   4 p k sid hi lo ohi olo n bytes...  a valid-CRC segment from peer p to B
 *   5 who n bytes...   raw frame from peer 3 to A (who odd) or B
 *   6 p c x y          a control frame (Request/Complete/Wait) from peer p to A
 *   7                  A cancels its datagram
 * Checks: every frame either engine emits decodes as Transport Service; a
 * datagram B delivers from A is one A sent (unless A reused a session id and
 * size, where mixing is the protocol's own limit); completions happen once
 * per datagram; no timer is left in the past after a tick; table bounds. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "encap/transport_service.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define QMAX 32
#define HMAX 24
#define FMAX (ZWH__TS_MAX_DATAGRAM + 16)

typedef struct qframe {
    uint16_t from;
    uint16_t len;
    uint8_t b[72]; /* engine frames here are at most 67 bytes (max_frame <= 67) */
} qframe_t;

typedef struct queue {
    qframe_t f[QMAX];
    size_t n;
} queue_t;

typedef struct hist {
    uint8_t sid;
    uint16_t len;
    uint8_t seed;
} hist_t;

typedef struct ctx {
    zwh__ts_t a, b;
    queue_t to_b, to_a;
    hist_t h[HMAX];
    size_t nh;
    bool collided;
    bool a_busy;
    uint64_t now;
    uint8_t dg[ZWH__TS_MAX_DATAGRAM];
} ctx_t;

typedef struct rd {
    const uint8_t *p;
    size_t n;
} rd_t;

static uint8_t next(rd_t *r)
{
    if (!r->n)
        return 0;
    r->n--;
    return *r->p++;
}

static void make_dg(uint8_t *out, size_t len, uint8_t seed)
{
    uint32_t x = seed * 2654435761u + 1;
    for (size_t i = 0; i < len; i++) {
        x = x * 1103515245u + 12345u;
        out[i] = (uint8_t)(x >> 16);
    }
}

static void check_frame(const uint8_t *buf, size_t len)
{
    zwh_transport_service_segment_t s;
    zwh_transport_service_segment_request_t q;
    zwh_transport_service_segment_complete_t c;
    zwh_transport_service_segment_wait_t w;
    if (zwh_transport_service_first_segment_decode(buf, len, &s) != 0 &&
        zwh_transport_service_subsequent_segment_decode(buf, len, &s) != 0 &&
        zwh_transport_service_segment_request_decode(buf, len, &q) != 0 &&
        zwh_transport_service_segment_complete_decode(buf, len, &c) != 0 &&
        zwh_transport_service_segment_wait_decode(buf, len, &w) != 0)
        abort();
}

static void push(queue_t *q, uint16_t from, const uint8_t *buf, size_t len)
{
    if (q->n == QMAX || len > sizeof q->f[0].b)
        return;
    q->f[q->n].from = from;
    q->f[q->n].len = (uint16_t)len;
    memcpy(q->f[q->n].b, buf, len);
    q->n++;
}

static void a_send(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    ctx_t *c = user;
    check_frame(buf, len);
    if (node == 2)
        push(&c->to_b, 1, buf, len);
}

static void b_send(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    ctx_t *c = (ctx_t *)((char *)user - offsetof(ctx_t, b));
    check_frame(buf, len);
    if (node == 1)
        push(&c->to_a, 2, buf, len);
}

static void a_done(void *user, uint16_t node, uint32_t tag, int status)
{
    ctx_t *c = user;
    (void)tag;
    (void)status;
    if (node != 2 || !c->a_busy)
        abort(); /* a completion without a datagram in progress */
    c->a_busy = false;
}

static void b_datagram(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    ctx_t *c = (ctx_t *)((char *)user - offsetof(ctx_t, b));
    if (len == 0 || len > ZWH__TS_MAX_DATAGRAM)
        abort();
    if (node != 1 || c->collided)
        return;
    for (size_t i = 0; i < c->nh; i++) {
        if (c->h[i].len != len)
            continue;
        make_dg(c->dg, len, c->h[i].seed);
        if (memcmp(c->dg, buf, len) == 0)
            return;
    }
    abort(); /* B assembled something A never sent */
}

static void a_datagram(void *user, uint16_t node, const uint8_t *buf, size_t len)
{
    (void)user;
    (void)node;
    (void)buf;
    if (len == 0 || len > ZWH__TS_MAX_DATAGRAM)
        abort();
}

static void deliver(ctx_t *c, queue_t *q, zwh__ts_t *to, uint8_t fate)
{
    if (!q->n)
        return;
    qframe_t f = q->f[0];
    memmove(&q->f[0], &q->f[1], (q->n - 1) * sizeof f);
    q->n--;
    switch (fate % 8) {
    case 4: /* lost */
        return;
    case 5: /* arrives twice */
        (void)zwh__ts_input(to, f.from, f.b, f.len, c->now);
        break;
    case 6: /* a bit flipped */
        f.b[(fate >> 3) % f.len] ^= (uint8_t)(1u << (fate % 8));
        break;
    case 7: /* overtaken by the next one */
        if (q->n) {
            qframe_t g = q->f[0];
            q->f[0] = f;
            f = g;
        }
        break;
    default:
        break;
    }
    (void)zwh__ts_input(to, f.from, f.b, f.len, c->now);
}

static void tick(ctx_t *c)
{
    zwh__ts_tick(&c->a, c->now);
    zwh__ts_tick(&c->b, c->now);
    if (zwh__ts_deadline(&c->a) <= c->now || zwh__ts_deadline(&c->b) <= c->now)
        abort(); /* a timer left in the past */
    if (zwh__ts_rx_count(&c->b) > ZWH__TS_MAX_RX)
        abort();
}

static void foreign_segment(ctx_t *c, rd_t *r)
{
    uint16_t peer = (uint16_t)(3 + next(r) % 4);
    uint8_t kind = next(r);
    zwh_transport_service_segment_t s;
    memset(&s, 0, sizeof s);
    s.session_id = next(r) & 15;
    s.datagram_size = (uint16_t)(((next(r) << 8) | next(r)) % 2048);
    s.datagram_offset = (uint16_t)(((next(r) << 8) | next(r)) % 2048);
    uint8_t n = next(r) % 64;
    uint8_t payload[64];
    for (size_t i = 0; i < n; i++)
        payload[i] = next(r);
    uint8_t buf[FMAX];
    int len = (kind & 1) ? zwh_transport_service_subsequent_segment_encode(&s, payload, n, buf, sizeof buf)
                         : zwh_transport_service_first_segment_encode(&s, payload, n, buf, sizeof buf);
    if (len > 0)
        (void)zwh__ts_input(&c->b, peer, buf, (size_t)len, c->now);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    ctx_t *c = calloc(1, sizeof *c);
    if (!c)
        return 0;
    zwh__ts_io_t ioa = {a_send, a_datagram, a_done};
    zwh__ts_io_t iob = {b_send, b_datagram, NULL};
    zwh__ts_config_t cfg;
    zwh__ts_config_default(&cfg);
    cfg.seed = 1;
    zwh__ts_init(&c->a, &cfg, &ioa, c);
    cfg.seed = 2;
    cfg.rx_sessions = 2; /* so foreign peers can fill B and force Segment Wait */
    zwh__ts_init(&c->b, &cfg, &iob, &c->b);
    rd_t r = {data, size};
    uint8_t buf[FMAX];
    while (r.n) {
        uint8_t op = next(&r);
        switch (op % 8) {
        case 0:
            c->now += (uint64_t)next(&r) * 8;
            tick(c);
            break;
        case 1: {
            size_t len = (size_t)((next(&r) << 8) | next(&r)) % ZWH__TS_MAX_DATAGRAM + 1;
            size_t max_frame = next(&r) % 60 + 8;
            uint8_t seed = next(&r);
            if (c->a_busy || c->nh == HMAX)
                break;
            make_dg(c->dg, len, seed);
            c->a_busy = true;
            if (zwh__ts_send(&c->a, 2, c->dg, len, max_frame, 0, c->now) != 0)
                abort();
            uint8_t sid = c->a.tx[0].session_id;
            for (size_t i = 0; i < ZWH__TS_MAX_TX; i++)
                if (c->a.tx[i].state != ZWH__TS_TX_FREE && c->a.tx[i].node == 2)
                    sid = c->a.tx[i].session_id;
            for (size_t i = 0; i < c->nh; i++)
                if (c->h[i].sid == sid && c->h[i].len == len)
                    c->collided = true;
            c->h[c->nh++] = (hist_t){sid, (uint16_t)len, seed};
            break;
        }
        case 2:
            deliver(c, &c->to_b, &c->b, next(&r));
            break;
        case 3:
            deliver(c, &c->to_a, &c->a, next(&r));
            break;
        case 4:
            foreign_segment(c, &r);
            break;
        case 5: {
            uint8_t who = next(&r);
            size_t n = next(&r) % 80;
            for (size_t i = 0; i < n; i++)
                buf[i] = next(&r);
            (void)zwh__ts_input((who & 1) ? &c->a : &c->b, 3, buf, n, c->now);
            break;
        }
        case 6: {
            uint16_t peer = (uint16_t)(2 + next(&r) % 2);
            static const uint8_t cmds[] = {ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST, ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE,
                                           ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT};
            uint8_t f[4] = {ZWH_CC_TRANSPORT_SERVICE, cmds[next(&r) % 3], next(&r), next(&r)};
            (void)zwh__ts_input(&c->a, peer, f, f[1] == ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST ? 4 : 3, c->now);
            break;
        }
        case 7:
            (void)zwh__ts_cancel(&c->a, 2);
            break;
        }
    }
    /* let everything settle: deliver what is queued, run the timers out */
    for (int i = 0; i < 200 && (c->to_a.n || c->to_b.n || zwh__ts_deadline(&c->a) != UINT64_MAX ||
                                zwh__ts_deadline(&c->b) != UINT64_MAX); i++) {
        while (c->to_b.n || c->to_a.n) {
            deliver(c, &c->to_b, &c->b, 0);
            deliver(c, &c->to_a, &c->a, 0);
        }
        uint64_t d = zwh__ts_deadline(&c->a), e = zwh__ts_deadline(&c->b);
        d = d < e ? d : e;
        if (d == UINT64_MAX)
            break;
        c->now = d > c->now ? d : c->now;
        tick(c);
    }
    if (c->a_busy && zwh__ts_deadline(&c->a) == UINT64_MAX)
        abort(); /* a datagram that never completed */
    free(c);
    return 0;
}
