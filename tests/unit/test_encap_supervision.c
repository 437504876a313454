/* Supervision session engine (src/encap/supervision.c), both roles. Frames of
 * the door-lock flow are pinned to the byte tables of seed 004 ("Hub Sends
 * Lock/Unlock Command", "Hub Sends User Code Set"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "encap/supervision.h"
#include "zwhost/zwhost.h"
#include "zwhost/cc/supervision.h"

/* seed 004: Supervision Get, session 0x15 with Status Updates, Door Lock Operation Set secured */
static const uint8_t seed_get[] = {0x6C, 0x01, 0x95, 0x03, 0x62, 0x01, 0xFF};
static const uint8_t seed_lock_set[] = {0x62, 0x01, 0xFF};
/* seed 004: Supervision Report WORKING, more status updates, next report within 7 s */
static const uint8_t seed_working[] = {0x6C, 0x02, 0x95, 0x01, 0x07};
/* seed 004 shows the final report with command byte 0x01 (Get) and the text
 * "Supervision GET": a typo; Supervision Report is command 0x02 in the
 * specification (SDS13783), the rest of the row (session 0x15, no more
 * updates, SUCCESS 0xFF, duration 0) is kept. */
static const uint8_t seed_success[] = {0x6C, 0x02, 0x15, 0xFF, 0x00};

static zwh__sup_config_t cfg_default(void)
{
    zwh__sup_config_t c;
    zwh__sup_config_default(&c);
    return c;
}

/* Starts sessions to node/ep (cancelling them) until the next id is want. */
static void advance_to(zwh__sup_t *s, uint16_t node, uint8_t ep, uint8_t want)
{
    uint8_t out[16], sid = 0xFF;
    for (int i = 0; i < 64; i++) {
        /* peek: begin, and if it is not the one before want, cancel */
        assert_true(zwh__sup_tx_begin(s, node, ep, seed_lock_set, 3, true, 0, 0, out, sizeof out, &sid) > 0);
        assert_int_equal(zwh__sup_tx_cancel(s, node, ep, sid), 0);
        if (sid == (uint8_t)((want + 63) & 63))
            return;
    }
    fail_msg("session id %u never came", want);
}

static void seed_lock_working_then_success(void **state)
{
    (void)state;
    zwh__sup_config_t c = cfg_default();
    zwh__sup_t s;
    zwh__sup_init(&s, &c);
    advance_to(&s, 7, 0, 0x15);
    uint8_t out[16], sid;
    int n = zwh__sup_tx_begin(&s, 7, 0, seed_lock_set, sizeof seed_lock_set, true, 0xABCD, 1000, out, sizeof out, &sid);
    assert_int_equal(n, (int)sizeof seed_get);
    assert_int_equal(sid, 0x15);
    assert_memory_equal(out, seed_get, sizeof seed_get);
    assert_int_equal(zwh__sup_tx_count(&s), 1);
    assert_int_equal(zwh__sup_deadline(&s), 1000 + c.report_timeout_ms);

    /* WORKING, 7 s: progress, and the deadline moves to 7 s + slack after it arrived */
    zwh__sup_event_t ev;
    assert_int_equal(zwh__sup_tx_report(&s, 7, 0, seed_working, sizeof seed_working, 1200, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_PROGRESS);
    assert_int_equal(ev.status, ZWH_SUPERVISION_WORKING);
    assert_int_equal(ev.duration, 7);
    assert_int_equal(ev.session_id, 0x15);
    assert_int_equal(ev.tag, 0xABCD);
    assert_int_equal(zwh__sup_deadline(&s), 1200 + 7000 + c.duration_slack_ms);
    /* the original 5 s deadline no longer applies */
    assert_int_equal(zwh__sup_tick(&s, 1000 + c.report_timeout_ms, &ev), 0);
    assert_int_equal(zwh__sup_tx_count(&s), 1);

    assert_int_equal(zwh__sup_tx_report(&s, 7, 0, seed_success, sizeof seed_success, 6000, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_RESULT);
    assert_int_equal(ev.status, ZWH_SUPERVISION_SUCCESS);
    assert_int_equal(ev.tag, 0xABCD);
    assert_int_equal(zwh__sup_tx_count(&s), 0);
    assert_int_equal(zwh__sup_deadline(&s), UINT64_MAX);
    /* a repeat of the final report belongs to no session any more */
    assert_int_equal(zwh__sup_tx_report(&s, 7, 0, seed_success, sizeof seed_success, 6100, &ev), 0);
    assert_int_equal(s.stats.unknown_reports, 1);
}

static void working_deadline_expires(void **state)
{
    (void)state;
    zwh__sup_config_t c = cfg_default();
    c.duration_slack_ms = 500;
    zwh__sup_t s;
    zwh__sup_init(&s, &c);
    uint8_t out[16], rep[8], sid;
    assert_true(zwh__sup_tx_begin(&s, 3, 2, seed_lock_set, 3, true, 42, 0, out, sizeof out, &sid) > 0);
    zwh_supervision_report_t r = {.more_updates = 1, .session_id = sid, .status = ZWH_SUPERVISION_WORKING,
                                  .duration = 0x81}; /* 2 minutes */
    int n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    zwh__sup_event_t ev;
    assert_int_equal(zwh__sup_tx_report(&s, 3, 2, rep, (size_t)n, 100, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_PROGRESS);
    assert_int_equal(zwh__sup_deadline(&s), 100 + 120000 + 500);
    assert_int_equal(zwh__sup_tick(&s, 100 + 120000 + 499, &ev), 0);
    assert_int_equal(zwh__sup_tick(&s, 100 + 120000 + 500, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_TIMEOUT);
    assert_int_equal(ev.status, ZWH_SUPERVISION_WORKING); /* the last status seen */
    assert_int_equal(ev.tag, 42);
    assert_int_equal(ev.node, 3);
    assert_int_equal(ev.endpoint, 2);
    assert_int_equal(zwh__sup_tick(&s, 200000, &ev), 0);
    assert_int_equal(s.stats.timeouts, 1);

    /* unknown duration (0xFE) waits unknown_duration_ms */
    assert_true(zwh__sup_tx_begin(&s, 3, 2, seed_lock_set, 3, true, 43, 0, out, sizeof out, &sid) > 0);
    r.session_id = sid;
    r.duration = 0xFE;
    n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&s, 3, 2, rep, (size_t)n, 10, &ev), 1);
    assert_int_equal(zwh__sup_deadline(&s), 10 + c.unknown_duration_ms + 500);
}

static void fail_after_working_is_delivered(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_init(&s, NULL);
    uint8_t out[16], rep[8], sid;
    assert_true(zwh__sup_tx_begin(&s, 9, 0, seed_lock_set, 3, true, 1, 0, out, sizeof out, &sid) > 0);
    zwh_supervision_report_t r = {.more_updates = 1, .session_id = sid, .status = ZWH_SUPERVISION_WORKING, .duration = 5};
    int n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    zwh__sup_event_t ev;
    assert_int_equal(zwh__sup_tx_report(&s, 9, 0, rep, (size_t)n, 10, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_PROGRESS);
    /* a second WORKING keeps the session going */
    r.duration = 3;
    n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&s, 9, 0, rep, (size_t)n, 4000, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_PROGRESS);
    assert_int_equal(ev.duration, 3);
    /* then FAIL (the bolt jammed): a result, never swallowed */
    r.more_updates = 0;
    r.status = ZWH_SUPERVISION_FAIL;
    r.duration = 0;
    n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&s, 9, 0, rep, (size_t)n, 6000, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_RESULT);
    assert_int_equal(ev.status, ZWH_SUPERVISION_FAIL);
    assert_int_equal(ev.tag, 1);
    assert_int_equal(zwh__sup_tx_count(&s), 0);

    /* NO_SUPPORT ends a session at once; so does WORKING without more updates */
    const uint8_t statuses[] = {ZWH_SUPERVISION_NO_SUPPORT, ZWH_SUPERVISION_WORKING};
    for (size_t i = 0; i < sizeof statuses; i++) {
        assert_true(zwh__sup_tx_begin(&s, 9, 0, seed_lock_set, 3, false, 2, 0, out, sizeof out, &sid) > 0);
        zwh_supervision_report_t f = {.session_id = sid, .status = statuses[i]};
        n = zwh_supervision_report_encode(&f, rep, sizeof rep);
        assert_int_equal(zwh__sup_tx_report(&s, 9, 0, rep, (size_t)n, 10, &ev), 1);
        assert_int_equal(ev.type, ZWH__SUP_EV_RESULT);
        assert_int_equal(ev.status, statuses[i]);
        assert_int_equal(zwh__sup_tx_count(&s), 0);
    }
}

static void unknown_and_malformed_reports(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_init(&s, NULL);
    uint8_t out[16], rep[8], sid;
    assert_true(zwh__sup_tx_begin(&s, 4, 1, seed_lock_set, 3, true, 0, 0, out, sizeof out, &sid) > 0);
    zwh_supervision_report_t r = {.session_id = (uint8_t)((sid + 1) & 63), .status = ZWH_SUPERVISION_SUCCESS};
    int n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    zwh__sup_event_t ev;
    memset(&ev, 0x55, sizeof ev);
    /* another session id, the right id from another node, from another end point */
    assert_int_equal(zwh__sup_tx_report(&s, 4, 1, rep, (size_t)n, 10, &ev), 0);
    r.session_id = sid;
    n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&s, 5, 1, rep, (size_t)n, 10, &ev), 0);
    assert_int_equal(zwh__sup_tx_report(&s, 4, 0, rep, (size_t)n, 10, &ev), 0);
    assert_int_equal(s.stats.unknown_reports, 3);
    assert_int_equal(zwh__sup_tx_count(&s), 1);
    /* malformed: truncated, a Get instead of a Report */
    assert_int_equal(zwh__sup_tx_report(&s, 4, 1, rep, 4, 10, &ev), ZWH_EBADMSG);
    const uint8_t get[] = {0x6C, 0x01, 0x01, 0x01, 0x20};
    assert_int_equal(zwh__sup_tx_report(&s, 4, 1, get, sizeof get, 10, &ev), ZWH_EBADMSG);
    assert_int_equal(s.stats.malformed, 2);
    /* the session is still there and completes normally */
    assert_int_equal(zwh__sup_tx_report(&s, 4, 1, rep, (size_t)n, 20, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_RESULT);
    /* a report after expiry is unknown */
    assert_true(zwh__sup_tx_begin(&s, 4, 1, seed_lock_set, 3, true, 0, 0, out, sizeof out, &sid) > 0);
    assert_int_equal(zwh__sup_tick(&s, 5000, &ev), 1);
    r.session_id = sid;
    n = zwh_supervision_report_encode(&r, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&s, 4, 1, rep, (size_t)n, 5001, &ev), 0);
    assert_int_equal(s.stats.unknown_reports, 4);
}

static void session_ids_wrap_per_peer(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_config_t c = cfg_default();
    c.seed = 0x1234;
    zwh__sup_init(&s, &c);
    uint8_t out[16], sid, prev = 0, other;
    advance_to(&s, 10, 0, 62);
    /* 62, 63, 0, 1, ... in the Get's properties byte */
    for (int i = 0; i < 70; i++) {
        assert_true(zwh__sup_tx_begin(&s, 10, 0, seed_lock_set, 3, false, 0, 0, out, sizeof out, &sid) > 0);
        assert_int_equal(out[2], sid);
        if (i == 0)
            assert_int_equal(sid, 62);
        else
            assert_int_equal(sid, (prev + 1) & 63);
        prev = sid;
        assert_int_equal(zwh__sup_tx_cancel(&s, 10, 0, sid), 0);
    }
    assert_int_equal(zwh__sup_tx_cancel(&s, 10, 0, sid), ZWH_ENOENT);
    /* another peer (another end point of the same node) has its own counter */
    assert_true(zwh__sup_tx_begin(&s, 10, 1, seed_lock_set, 3, false, 0, 0, out, sizeof out, &other) > 0);
    assert_true(zwh__sup_tx_begin(&s, 10, 1, seed_lock_set, 3, false, 0, 0, out, sizeof out, &sid) > 0);
    assert_int_equal(sid, (other + 1) & 63);
    assert_true(zwh__sup_tx_begin(&s, 10, 0, seed_lock_set, 3, false, 0, 0, out, sizeof out, &sid) > 0);
    assert_int_equal(sid, (prev + 1) & 63);
    /* the same seed gives the same first ids; another seed (most likely) others */
    zwh__sup_t a, b;
    zwh__sup_init(&a, &c);
    zwh__sup_init(&b, &c);
    uint8_t ia, ib;
    assert_true(zwh__sup_tx_begin(&a, 77, 0, seed_lock_set, 3, false, 0, 0, out, sizeof out, &ia) > 0);
    assert_true(zwh__sup_tx_begin(&b, 77, 0, seed_lock_set, 3, false, 0, 0, out, sizeof out, &ib) > 0);
    assert_int_equal(ia, ib);
}

static void table_full(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_init(&s, NULL);
    uint8_t out[16], sid, ids[ZWH__SUP_MAX_TX];
    for (int i = 0; i < ZWH__SUP_MAX_TX; i++) {
        assert_true(zwh__sup_tx_begin(&s, 2, 0, seed_lock_set, 3, false, (uint32_t)i, 0, out, sizeof out, &ids[i]) > 0);
        for (int j = 0; j < i; j++)
            assert_int_not_equal(ids[i], ids[j]);
    }
    assert_int_equal(zwh__sup_tx_begin(&s, 2, 0, seed_lock_set, 3, false, 0, 0, out, sizeof out, &sid), ZWH_ENOSPC);
    assert_int_equal(s.stats.table_full, 1);
    /* codec errors pass through and leave no session behind */
    assert_int_equal(zwh__sup_tx_cancel(&s, 2, 0, ids[0]), 0);
    assert_int_equal(zwh__sup_tx_begin(&s, 2, 0, seed_lock_set, 0, false, 0, 0, out, sizeof out, &sid), ZWH_EINVAL);
    assert_int_equal(zwh__sup_tx_begin(&s, 2, 0, seed_lock_set, 3, false, 0, 0, out, 5, &sid), ZWH_EMSGSIZE);
    assert_int_equal(zwh__sup_tx_count(&s), ZWH__SUP_MAX_TX - 1);
    /* all time out, one event each, tags intact */
    zwh__sup_event_t ev;
    int seen = 0;
    uint32_t tags = 0;
    while (zwh__sup_tick(&s, 5000, &ev) == 1) {
        assert_int_equal(ev.type, ZWH__SUP_EV_TIMEOUT);
        assert_int_equal(ev.status, ZWH__SUP_STATUS_NONE);
        tags |= 1u << ev.tag;
        seen++;
    }
    assert_int_equal(seen, ZWH__SUP_MAX_TX - 1);
    assert_int_equal(tags, 0xFFFEu);
}

static void receiver_duplicates_and_reports(void **state)
{
    (void)state;
    zwh__sup_config_t c = cfg_default();
    zwh__sup_t s;
    zwh__sup_init(&s, &c);
    zwh__sup_rx_t rx;
    uint8_t rep[8];
    /* the lock's Get arrives: deliver the Door Lock Operation Set once */
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 100, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(rx.session_id, 0x15);
    assert_int_equal(rx.status_updates, 1);
    assert_int_equal(rx.cmd_len, 3);
    assert_memory_equal(seed_get + rx.cmd_offset, seed_lock_set, 3);
    /* repeated before we answered: not delivered, nothing to re-send yet */
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 300, &rx), ZWH__SUP_RX_REPEAT);
    assert_int_equal(rx.report_len, 0);
    /* WORKING 7 s: the seed's bytes, with more status updates */
    assert_int_equal(zwh__sup_rx_report(&s, 1, 0, 0x15, ZWH_SUPERVISION_WORKING, 7, 400, rep, sizeof rep), 5);
    assert_memory_equal(rep, seed_working, sizeof seed_working);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 900, &rx), ZWH__SUP_RX_REPEAT);
    assert_int_equal(rx.report_len, 5);
    assert_memory_equal(rx.report, seed_working, 5);
    /* final SUCCESS; a repeat now re-answers SUCCESS */
    assert_int_equal(zwh__sup_rx_report(&s, 1, 0, 0x15, ZWH_SUPERVISION_SUCCESS, 0, 5000, rep, sizeof rep), 5);
    assert_memory_equal(rep, seed_success, sizeof seed_success);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 5500, &rx), ZWH__SUP_RX_REPEAT);
    assert_memory_equal(rx.report, seed_success, 5);
    assert_int_equal(s.stats.duplicates, 3);
    /* the same session id from another node or end point is a new session */
    assert_int_equal(zwh__sup_rx_get(&s, 2, 0, seed_get, sizeof seed_get, 5600, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 3, seed_get, sizeof seed_get, 5600, &rx), ZWH__SUP_RX_DELIVER);
    /* and from the same peer once the window has passed since it was last seen */
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 5500 + c.duplicate_window_ms, &rx),
                     ZWH__SUP_RX_REPEAT);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, seed_get, sizeof seed_get, 5500 + 2 * c.duplicate_window_ms + 1, &rx),
                     ZWH__SUP_RX_DELIVER);
    assert_int_equal(rx.report_len, 0);

    /* seed 004 "Hub Sends User Code Set": Get without status updates, session 1 */
    const uint8_t uc_get[] = {0x6C, 0x01, 0x01, 0x08, 0x63, 0x01, 0x05, 0x01, 0x31, 0x32, 0x33, 0x34};
    assert_int_equal(zwh__sup_rx_get(&s, 6, 0, uc_get, sizeof uc_get, 0, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(rx.status_updates, 0);
    assert_int_equal(rx.cmd_offset, 4);
    assert_int_equal(rx.cmd_len, 8);
    assert_memory_equal(uc_get + 4, "\x63\x01\x05\x01" "1234", 8);
    /* WORKING without updates requested carries no more-updates bit */
    assert_int_equal(zwh__sup_rx_report(&s, 6, 0, 1, ZWH_SUPERVISION_WORKING, 2, 10, rep, sizeof rep), 5);
    const uint8_t w_no_more[] = {0x6C, 0x02, 0x01, 0x01, 0x02};
    assert_memory_equal(rep, w_no_more, 5);
    /* an unknown command: NO_SUPPORT */
    assert_int_equal(zwh__sup_rx_report(&s, 6, 0, 1, ZWH_SUPERVISION_NO_SUPPORT, 0, 10, rep, sizeof rep), 5);
    const uint8_t nosup[] = {0x6C, 0x02, 0x01, 0x00, 0x00};
    assert_memory_equal(rep, nosup, 5);
    /* a report for a session no longer remembered is still built */
    assert_int_equal(zwh__sup_rx_report(&s, 99, 0, 9, ZWH_SUPERVISION_FAIL, 0, 10, rep, sizeof rep), 5);
    assert_int_equal(rep[2], 9);
    assert_int_equal(rep[3], ZWH_SUPERVISION_FAIL);
    /* bad arguments and malformed Gets */
    assert_int_equal(zwh__sup_rx_report(&s, 6, 0, 1, 0x33, 0, 10, rep, sizeof rep), ZWH_EINVAL);
    assert_int_equal(zwh__sup_rx_report(&s, 6, 0, 1, ZWH_SUPERVISION_SUCCESS, 0, 10, rep, 4), ZWH_EMSGSIZE);
    for (size_t n = 0; n < sizeof uc_get; n++)
        assert_int_equal(zwh__sup_rx_get(&s, 6, 0, uc_get, n, 0, &rx), ZWH_EBADMSG);
    assert_int_equal(s.stats.malformed, sizeof uc_get);
}

static void receiver_table_evicts_oldest(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_init(&s, NULL);
    zwh__sup_rx_t rx;
    uint8_t get[8];
    /* ZWH__SUP_MAX_RX + 1 peers: the first one is forgotten, so its repeat is new */
    for (uint16_t node = 1; node <= ZWH__SUP_MAX_RX + 1; node++) {
        zwh_supervision_get_t g = {.session_id = 5};
        int n = zwh_supervision_get_encode(&g, seed_lock_set, 3, get, sizeof get);
        assert_int_equal(zwh__sup_rx_get(&s, node, 0, get, (size_t)n, node, &rx), ZWH__SUP_RX_DELIVER);
    }
    zwh_supervision_get_t g = {.session_id = 5};
    int n = zwh_supervision_get_encode(&g, seed_lock_set, 3, get, sizeof get);
    assert_int_equal(zwh__sup_rx_get(&s, ZWH__SUP_MAX_RX + 1, 0, get, (size_t)n, 100, &rx), ZWH__SUP_RX_REPEAT);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, get, (size_t)n, 100, &rx), ZWH__SUP_RX_DELIVER);
}

/* Only the LAST session id from a sender is a repeat: an older id coming back
 * is a new session that reuses a 6-bit id (a second program on the same
 * controller, or the counter going round), and is delivered. */
static void only_the_last_session_repeats(void **state)
{
    (void)state;
    zwh__sup_t s;
    zwh__sup_init(&s, NULL);
    zwh__sup_rx_t rx;
    uint8_t g5[8], g6[8];
    zwh_supervision_get_t a = {.session_id = 5}, b = {.session_id = 6};
    int n5 = zwh_supervision_get_encode(&a, seed_lock_set, 3, g5, sizeof g5);
    int n6 = zwh_supervision_get_encode(&b, seed_lock_set, 3, g6, sizeof g6);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g5, (size_t)n5, 100, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g6, (size_t)n6, 200, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g6, (size_t)n6, 300, &rx), ZWH__SUP_RX_REPEAT);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g5, (size_t)n5, 400, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g5, (size_t)n5, 500, &rx), ZWH__SUP_RX_REPEAT);
    /* another endpoint of the same node keeps its own last session */
    assert_int_equal(zwh__sup_rx_get(&s, 1, 2, g6, (size_t)n6, 600, &rx), ZWH__SUP_RX_DELIVER);
    assert_int_equal(zwh__sup_rx_get(&s, 1, 0, g5, (size_t)n5, 700, &rx), ZWH__SUP_RX_REPEAT);
}

/* A host engine and a device engine talking: the host's Get is delivered once
 * on the device even when repeated, and the device's reports end the host's
 * session. Two engines in one process share nothing. */
static void two_engines_round_trip(void **state)
{
    (void)state;
    zwh__sup_t host, dev;
    zwh__sup_init(&host, NULL);
    zwh__sup_init(&dev, NULL);
    uint8_t get[16], rep[8], sid;
    int n = zwh__sup_tx_begin(&host, 12, 0, seed_lock_set, 3, true, 7, 0, get, sizeof get, &sid);
    zwh__sup_rx_t rx;
    int delivered = 0;
    for (int i = 0; i < 3; i++) /* the host's Get arrives three times (retransmissions) */
        if (zwh__sup_rx_get(&dev, 1, 0, get, (size_t)n, (uint64_t)(i * 100), &rx) == ZWH__SUP_RX_DELIVER)
            delivered++;
    assert_int_equal(delivered, 1);
    zwh__sup_event_t ev;
    int m = zwh__sup_rx_report(&dev, 1, 0, rx.session_id, ZWH_SUPERVISION_WORKING, 1, 300, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&host, 12, 0, rep, (size_t)m, 310, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_PROGRESS);
    m = zwh__sup_rx_report(&dev, 1, 0, rx.session_id, ZWH_SUPERVISION_SUCCESS, 0, 1000, rep, sizeof rep);
    assert_int_equal(zwh__sup_tx_report(&host, 12, 0, rep, (size_t)m, 1010, &ev), 1);
    assert_int_equal(ev.type, ZWH__SUP_EV_RESULT);
    assert_int_equal(ev.status, ZWH_SUPERVISION_SUCCESS);
    assert_int_equal(ev.tag, 7);
    assert_int_equal(dev.stats.gets_received, 3);
    assert_int_equal(host.stats.gets_received, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(seed_lock_working_then_success),
        cmocka_unit_test(working_deadline_expires),
        cmocka_unit_test(fail_after_working_is_delivered),
        cmocka_unit_test(unknown_and_malformed_reports),
        cmocka_unit_test(session_ids_wrap_per_peer),
        cmocka_unit_test(table_full),
        cmocka_unit_test(only_the_last_session_repeats),
        cmocka_unit_test(receiver_duplicates_and_reports),
        cmocka_unit_test(receiver_table_evicts_oldest),
        cmocka_unit_test(two_engines_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
