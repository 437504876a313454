/* src/serialapi/session: request/response/callback matching, callback-id
 * wrap-around, timeouts, SendDataAbort on a missing callback, exactly-once
 * completion when the port drops mid-request, cancellation, priorities,
 * unsupported functions, the jam back-off. Injected clock; a scripted chip. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "serialapi/frame.h"
#include "serialapi/functions.h"
#include "serialapi/session.h"

struct chip {
    zwh__frame_parser_t parser;
    uint8_t last_func;
    uint8_t last_payload[256];
    size_t last_len;
    int frames;     /* data frames the host sent */
    int unsolicited;
    uint8_t unsol_func;
    int done_calls;
    int done_status;
    zwh__request_t *done_req;
};

static void chip_write(void *u, const uint8_t *b, size_t n)
{
    struct chip *c = u;
    size_t off = 0;
    while (off < n) {
        int ev;
        zwh__frame_t f;
        off += zwh__frame_parse(&c->parser, b + off, n - off, 0, &ev, &f);
        if (ev == ZWH__FEV_DATA) {
            c->frames++;
            c->last_func = f.func;
            memcpy(c->last_payload, f.payload, f.len);
            c->last_len = f.len;
        }
    }
}

static void chip_unsol(void *u, uint8_t func, const uint8_t *p, size_t n)
{
    struct chip *c = u;
    (void)p; (void)n;
    c->unsolicited++;
    c->unsol_func = func;
}

static void done(zwh__request_t *req, int status, void *user)
{
    struct chip *c = user;
    c->done_calls++;
    c->done_status = status;
    c->done_req = req;
}

/* the chip sends a frame to the host */
static void chip_send(zwh__session_t *s, uint8_t type, uint8_t func, const uint8_t *p, size_t n, uint64_t now)
{
    uint8_t buf[300];
    int len = zwh__frame_encode(type, func, p, n, buf, sizeof buf);
    zwh__session_input(s, buf, (size_t)len, now);
}
static void chip_ack(zwh__session_t *s, uint64_t now)
{
    const uint8_t ack = 0x06;
    zwh__session_input(s, &ack, 1, now);
}

static void setup(zwh__session_t *s, struct chip *c)
{
    memset(c, 0, sizeof *c);
    zwh__session_init(s, NULL, NULL, chip_write, chip_unsol, c);
    zwh__session_set_connected(s, true, 0, 0);
}

static void res_only_request(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t req;
    zwh__request_init(&req, ZWH__FUNC_GET_CONTROLLER_VERSION, NULL, 0, -1, done, &c);
    assert_int_equal(zwh__session_submit(&s, &req, 0), 0);
    assert_int_equal(c.frames, 1);
    assert_int_equal(c.last_func, 0x15);
    chip_ack(&s, 5);
    const uint8_t res[] = {'Z', '-', 'W', 'a', 'v', 'e', ' ', '7', '.', '1', '9', 0, 1};
    chip_send(&s, ZWH__TYPE_RES, 0x15, res, sizeof res, 10);
    assert_int_equal(c.done_calls, 0); /* never from inside input: delivered by tick */
    assert_int_equal(zwh__session_deadline(&s), 10);
    zwh__session_tick(&s, 10);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(c.done_status, 0);
    assert_int_equal(req.res_len, sizeof res);
    assert_memory_equal(req.res, res, sizeof res);
    zwh__session_tick(&s, 11);
    assert_int_equal(c.done_calls, 1);
}

static void senddata_callback_matched_by_id(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t req;
    const uint8_t pl[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x00};
    zwh__request_init(&req, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    zwh__session_submit(&s, &req, 0);
    uint8_t id = c.last_payload[5];
    assert_int_not_equal(id, 0);
    chip_ack(&s, 1);
    const uint8_t queued = 0x01;
    chip_send(&s, ZWH__TYPE_RES, 0x13, &queued, 1, 2);
    /* a callback with another id is stale, not ours */
    uint8_t cb[] = {(uint8_t)(id + 1), 0x00};
    chip_send(&s, ZWH__TYPE_REQ, 0x13, cb, 2, 3);
    zwh__session_tick(&s, 3);
    assert_int_equal(c.done_calls, 0);
    assert_int_equal(s.stats.stale_frames, 1);
    /* the node's answer may come before the callback: dispatched upward */
    const uint8_t ach[] = {0x00, 0x02, 0x03, 0x25, 0x03, 0xFF, 0xC4};
    chip_send(&s, ZWH__TYPE_REQ, 0x04, ach, sizeof ach, 4);
    assert_int_equal(c.unsolicited, 1);
    assert_int_equal(c.unsol_func, 0x04);
    cb[0] = id;
    chip_send(&s, ZWH__TYPE_REQ, 0x13, cb, 2, 5);
    zwh__session_tick(&s, 5);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(c.done_status, 0);
    assert_int_equal(req.cb_len, 2);
    assert_int_equal(req.cb_id, id);
}

static void callback_ids_wrap_and_skip_zero(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t req;
    const uint8_t pl[] = {0x01, 0x00};
    uint8_t prev = 0;
    for (int i = 0; i < 600; i++) {
        zwh__request_init(&req, ZWH__FUNC_ASSIGN_SUC_RETURN_ROUTE, pl, 2, 1, done, &c);
        zwh__session_submit(&s, &req, (uint64_t)i * 10);
        uint8_t id = c.last_payload[1];
        assert_int_not_equal(id, 0);
        if (i > 0)
            assert_int_equal(id, prev == 255 ? 1 : prev + 1);
        prev = id;
        chip_ack(&s, (uint64_t)i * 10);
        const uint8_t ok = 1;
        chip_send(&s, ZWH__TYPE_RES, 0x51, &ok, 1, (uint64_t)i * 10);
        const uint8_t cb[] = {id, 0x00};
        chip_send(&s, ZWH__TYPE_REQ, 0x51, cb, 2, (uint64_t)i * 10);
        zwh__session_tick(&s, (uint64_t)i * 10);
        assert_int_equal(c.done_calls, i + 1);
        assert_int_equal(c.done_status, 0);
    }
}

static void missing_callback_sends_abort_then_times_out(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t req;
    const uint8_t pl[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x00};
    zwh__request_init(&req, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    req.abort_after_ms = 20000;
    req.cb_timeout_ms = 30000;
    zwh__session_submit(&s, &req, 0);
    chip_ack(&s, 1);
    const uint8_t queued = 0x01;
    chip_send(&s, ZWH__TYPE_RES, 0x13, &queued, 1, 2);
    assert_int_equal(zwh__session_deadline(&s), 20002);
    zwh__session_tick(&s, 20002);
    assert_int_equal(c.frames, 2);
    assert_int_equal(c.last_func, ZWH__FUNC_SEND_DATA_ABORT);
    assert_int_equal(c.last_len, 0);
    assert_int_equal(s.stats.aborts_sent, 1);
    chip_ack(&s, 20003);
    /* a real chip now finishes the SendData with its callback (NO_ACK here) */
    const uint8_t cb[] = {req.cb_id, 0x01};
    chip_send(&s, ZWH__TYPE_REQ, 0x13, cb, 2, 20010);
    zwh__session_tick(&s, 20010);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(req.cb[1], 0x01);

    /* and if even that never comes: ZWH_ENOCALLBACK at the callback deadline, once */
    setup(&s, &c);
    zwh__request_init(&req, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    req.abort_after_ms = 100;
    req.cb_timeout_ms = 500;
    zwh__session_submit(&s, &req, 0);
    chip_ack(&s, 0);
    chip_send(&s, ZWH__TYPE_RES, 0x13, &queued, 1, 0);
    zwh__session_tick(&s, 100);
    chip_ack(&s, 100);
    zwh__session_tick(&s, 499);
    assert_int_equal(c.done_calls, 0);
    zwh__session_tick(&s, 500);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(c.done_status, ZWH_ENOCALLBACK);
    zwh__session_tick(&s, 100000);
    assert_int_equal(c.done_calls, 1);
}

static void port_drop_completes_in_flight_once_and_keeps_queue(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t a, b;
    zwh__request_init(&a, ZWH__FUNC_GET_CONTROLLER_VERSION, NULL, 0, -1, done, &c);
    zwh__request_init(&b, ZWH__FUNC_MEMORY_GET_ID, NULL, 0, -1, done, &c);
    b.queue_deadline = 5000;
    zwh__session_submit(&s, &a, 0);
    zwh__session_submit(&s, &b, 0);
    chip_ack(&s, 1); /* a waits for its RES */
    zwh__session_set_connected(&s, false, ZWH_ECONNRESET, 2);
    /* a late RES after the drop must not complete anything twice */
    chip_send(&s, ZWH__TYPE_RES, 0x15, (const uint8_t *)"x", 1, 3);
    zwh__session_tick(&s, 3);
    assert_int_equal(c.done_calls, 1);
    assert_ptr_equal(c.done_req, &a);
    assert_int_equal(c.done_status, ZWH_ECONNRESET);
    /* b waits for the reconnection */
    assert_int_equal(c.frames, 1);
    zwh__session_set_connected(&s, true, 0, 100);
    assert_int_equal(c.frames, 2);
    assert_int_equal(c.last_func, 0x20);
    chip_ack(&s, 101);
    const uint8_t id[] = {0xC0, 0xFF, 0xEE, 0x01, 0x01};
    chip_send(&s, ZWH__TYPE_RES, 0x20, id, 5, 102);
    zwh__session_tick(&s, 102);
    assert_int_equal(c.done_calls, 2);
    assert_int_equal(c.done_status, 0);

    /* drop while the frame itself is still unacknowledged */
    setup(&s, &c);
    zwh__request_init(&a, ZWH__FUNC_GET_CONTROLLER_VERSION, NULL, 0, -1, done, &c);
    zwh__session_submit(&s, &a, 0);
    zwh__session_set_connected(&s, false, ZWH_ECONNRESET, 1);
    zwh__session_tick(&s, 2);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(c.done_status, ZWH_ECONNRESET);
    /* a queued request whose deadline passes while disconnected times out */
    zwh__request_init(&b, ZWH__FUNC_MEMORY_GET_ID, NULL, 0, -1, done, &c);
    b.queue_deadline = 50;
    zwh__session_submit(&s, &b, 10);
    assert_int_equal(zwh__session_deadline(&s), 50);
    zwh__session_tick(&s, 50);
    assert_int_equal(c.done_calls, 2);
    assert_int_equal(c.done_status, ZWH_ETIMEDOUT);
}

static void no_response_times_out(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t a;
    zwh__request_init(&a, ZWH__FUNC_GET_CONTROLLER_VERSION, NULL, 0, -1, done, &c);
    a.res_timeout_ms = 1500;
    zwh__session_submit(&s, &a, 0);
    chip_ack(&s, 10);
    zwh__session_tick(&s, 1509);
    assert_int_equal(c.done_calls, 0);
    zwh__session_tick(&s, 1510);
    assert_int_equal(c.done_status, ZWH_ENORESPONSE);
    /* no ACK at all: the link's retransmissions, then ZWH_ENOACK */
    zwh__request_init(&a, ZWH__FUNC_GET_CONTROLLER_VERSION, NULL, 0, -1, done, &c);
    zwh__session_submit(&s, &a, 2000);
    for (int i = 0; i < 20 && c.done_calls < 2; i++)
        zwh__session_tick(&s, zwh__session_deadline(&s));
    assert_int_equal(c.done_calls, 2);
    assert_int_equal(c.done_status, ZWH_ENOACK);
    assert_int_equal(c.frames, 5); /* 1 + 4 transmissions */
}

static int refuse_zero(zwh__request_t *req, int *status)
{
    if (req->res_len < 1 || req->res[0] == 0) {
        *status = ZWH_EREJECTED;
        return 1;
    }
    return 0;
}

static void priorities_cancel_and_unsupported(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    uint8_t mask[32] = {0};
    mask[(0x15 - 1) / 8] |= (uint8_t)(1u << ((0x15 - 1) % 8));
    mask[(0x20 - 1) / 8] |= (uint8_t)(1u << ((0x20 - 1) % 8));
    mask[(0x13 - 1) / 8] |= (uint8_t)(1u << ((0x13 - 1) % 8));
    zwh__session_set_functions(&s, mask);
    zwh__request_t first, bg, hi, unsup;
    zwh__request_init(&first, 0x15, NULL, 0, -1, done, &c);
    zwh__request_init(&bg, 0x20, NULL, 0, -1, done, &c);
    bg.priority = ZWH__PRIO_BACKGROUND;
    zwh__request_init(&hi, 0x15, NULL, 0, -1, done, &c);
    hi.priority = ZWH__PRIO_CONTROL;
    zwh__request_init(&unsup, 0x61, (const uint8_t[]){5, 0}, 2, 1, done, &c);
    zwh__session_submit(&s, &first, 0);
    zwh__session_submit(&s, &bg, 0);
    zwh__session_submit(&s, &hi, 0);
    zwh__session_submit(&s, &unsup, 0);
    assert_int_equal(s.queued, 3);
    assert_int_equal(zwh__session_cancel(&s, &bg), 0);
    assert_int_equal(zwh__session_cancel(&s, &bg), ZWH_ENOENT);
    zwh__session_tick(&s, 0);
    assert_int_equal(c.done_calls, 1);
    assert_int_equal(c.done_status, ZWH_ECANCELED);
    chip_ack(&s, 1);
    chip_send(&s, ZWH__TYPE_RES, 0x15, (const uint8_t *)"a", 1, 2);
    zwh__session_tick(&s, 2);
    /* first done; the high-priority one went next, then unsupported fails without traffic */
    assert_int_equal(c.frames, 2);
    chip_ack(&s, 3);
    chip_send(&s, ZWH__TYPE_RES, 0x15, (const uint8_t *)"b", 1, 4);
    zwh__session_tick(&s, 4);
    assert_int_equal(c.done_calls, 4);
    assert_ptr_equal(c.done_req, &unsup);
    assert_int_equal(c.done_status, ZWH_ENOTSUP);
    assert_int_equal(c.frames, 2);

    /* a refused SendData (RES 00) ends without waiting for a callback */
    zwh__request_t sd;
    const uint8_t pl[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x00};
    zwh__request_init(&sd, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    sd.on_res = refuse_zero;
    zwh__session_submit(&s, &sd, 10);
    chip_ack(&s, 11);
    const uint8_t no = 0;
    chip_send(&s, ZWH__TYPE_RES, 0x13, &no, 1, 12);
    zwh__session_tick(&s, 12);
    assert_int_equal(c.done_status, ZWH_EREJECTED);

    /* cancelling the request in flight completes it at once; its callback is absorbed */
    zwh__request_init(&sd, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    zwh__session_submit(&s, &sd, 20);
    chip_ack(&s, 21);
    const uint8_t yes = 1;
    chip_send(&s, ZWH__TYPE_RES, 0x13, &yes, 1, 22);
    int before = c.done_calls;
    assert_int_equal(zwh__session_cancel(&s, &sd), 0);
    zwh__session_tick(&s, 22);
    assert_int_equal(c.done_calls, before + 1);
    assert_int_equal(c.done_status, ZWH_ECANCELED);
    assert_int_equal(c.last_func, ZWH__FUNC_SEND_DATA_ABORT); /* the chip is told to stop */
    chip_ack(&s, 23);
    const uint8_t cb[] = {sd.cb_id, 0x01};
    chip_send(&s, ZWH__TYPE_REQ, 0x13, cb, 2, 24);
    zwh__session_tick(&s, 24);
    assert_int_equal(c.done_calls, before + 1);
    assert_true(zwh__session_idle(&s));
}

static int senddata_status(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req; (void)func;
    *status = n >= 2 && p[1] == 0x02 ? ZWH_EJAMMED : 0;
    return 1;
}

static void jammed_radio_holds_the_queue(void **state)
{
    (void)state;
    zwh__session_t s;
    struct chip c;
    setup(&s, &c);
    zwh__request_t a, b;
    const uint8_t pl[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x00};
    zwh__request_init(&a, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    a.on_frame = senddata_status;
    zwh__request_init(&b, ZWH__FUNC_SEND_DATA, pl, sizeof pl, 5, done, &c);
    zwh__session_submit(&s, &a, 0);
    zwh__session_submit(&s, &b, 0);
    chip_ack(&s, 1);
    const uint8_t yes = 1;
    chip_send(&s, ZWH__TYPE_RES, 0x13, &yes, 1, 2);
    const uint8_t cb[] = {a.cb_id, 0x02};
    chip_send(&s, ZWH__TYPE_REQ, 0x13, cb, 2, 3);
    zwh__session_tick(&s, 3);
    assert_int_equal(c.done_status, ZWH_EJAMMED);
    assert_int_equal(c.frames, 1); /* b is held */
    assert_int_equal(zwh__session_deadline(&s), 1003);
    zwh__session_tick(&s, 1003);
    assert_int_equal(c.frames, 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(res_only_request),
        cmocka_unit_test(senddata_callback_matched_by_id),
        cmocka_unit_test(callback_ids_wrap_and_skip_zero),
        cmocka_unit_test(missing_callback_sends_abort_then_times_out),
        cmocka_unit_test(port_drop_completes_in_flight_once_and_keeps_queue),
        cmocka_unit_test(no_response_times_out),
        cmocka_unit_test(priorities_cancel_and_unsupported),
        cmocka_unit_test(jammed_radio_holds_the_queue),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
