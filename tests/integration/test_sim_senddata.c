/* SendData through zwh-sim to virtual nodes: RES, callback (with the extended TX
 * report when enabled), the node's answer as ApplicationCommandHandler with the
 * RSSI byte, before or after the callback; dead, sleeping and FLiRS nodes;
 * failed-node handling; 16-bit node ids. */
#include "sim_fixture.h"

static int setup_after(void **state)
{
    const char *args[] = {"--seed", "5", "--report-order", "after", "--devices",
                          "switch:2,switch:3:dead", NULL};
    return fx_start(state, args);
}

static int setup_sleeping(void **state)
{
    const char *args[] = {"--seed", "5", "--report-order", "after", "--time-scale", "10",
                          "--devices", "switch:2,switch:4:sleep=20", NULL};
    return fx_start(state, args);
}

static int setup_listening(void **state)
{
    const char *args[] = {"--seed", "5", "--report-order", "after", "--devices", "switch:2,switch:5:flirs", NULL};
    return fx_start(state, args);
}

static int setup_before(void **state)
{
    const char *args[] = {"--seed", "5", "--report-order", "before", "--devices", "switch:2", NULL};
    return fx_start(state, args);
}

/* ApplicationCommandHandler from node nid: rxStatus nid len cmd rssi(-55 = C9) */
static void expect_ach(fx_t *fx, uint8_t nid, const uint8_t *cmd, size_t n)
{
    uint8_t want[64] = {0x00, nid, (uint8_t)n};
    memcpy(want + 3, cmd, n);
    want[3 + n] = 0xC9;
    fx_expect(fx, 0x04, want, n + 4, 2000);
}

static void senddata_observed_bytes_then_report(void **state)
{
    fx_t *fx = *state;
    sim_frame_t f;
    /* the observed request: SendData Binary Switch Get to node 2, txo 25, cb 01 */
    const uint8_t req[] = {0x01, 0x09, 0x00, 0x13, 0x02, 0x02, 0x25, 0x02, 0x25, 0x01, 0xE6};
    uint8_t enc[16];
    assert_int_equal(zwh__frame_encode(0x00, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x01), enc, sizeof enc), 11);
    assert_memory_equal(enc, req, sizeof req);
    sim_client_write(&fx->c, req, sizeof req);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    const uint8_t res[] = {0x01, 0x04, 0x01, 0x13, 0x01, 0xE8};
    assert_int_equal(f.rawlen, sizeof res);
    assert_memory_equal(f.raw, res, sizeof res);
    /* callback (observed), then - with --report-order after - the report */
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    const uint8_t cb[] = {0x01, 0x05, 0x00, 0x13, 0x01, 0x00, 0xE8};
    assert_int_equal(f.rawlen, sizeof cb);
    assert_memory_equal(f.raw, cb, sizeof cb);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    /* observed without RSSI: 01 09 00 04 00 02 03 25 03 00 D5; a 700-series chip
     * appends the RSSI byte (C9 = -55 dBm), so LEN and checksum change */
    const uint8_t ach[] = {0x01, 0x0A, 0x00, 0x04, 0x00, 0x02, 0x03, 0x25, 0x03, 0x00, 0xC9, 0x1F};
    assert_int_equal(f.rawlen, sizeof ach);
    assert_memory_equal(f.raw, ach, sizeof ach);
}

static void set_get_and_basic(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    /* Binary Switch Set on: callback only */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x03, 0x25, 0x01, 0xFF, 0x25, 0x07), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x07, 0x00), 1000);
    assert_true(sim_client_quiet(&fx->c, 200));
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x08), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x08, 0x00), 1000);
    expect_ach(fx, 2, FX_BYTES(0x25, 0x03, 0xFF));
    /* Basic Set 0 / Basic Get */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x03, 0x20, 0x01, 0x00, 0x25, 0x09), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x09, 0x00), 1000);
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x20, 0x02, 0x25, 0x0A), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x0A, 0x00), 1000);
    expect_ach(fx, 2, FX_BYTES(0x20, 0x03, 0x00));
    /* callback id 0: no callback, but the node still answers */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x00), ok, 1);
    expect_ach(fx, 2, FX_BYTES(0x25, 0x03, 0x00));
}

static void report_before_callback(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x11), ok, 1);
    expect_ach(fx, 2, FX_BYTES(0x25, 0x03, 0x00));
    fx_expect(fx, 0x13, FX_BYTES(0x11, 0x00), 1000);
}

static void extended_tx_report(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x0B, FX_BYTES(0x02, 0xFF), FX_BYTES(0x02, 0x01));
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x01), ok, 1);
    /* the observed 24-byte report of a direct transmission acknowledged at -55 dBm */
    fx_expect(fx, 0x13, FX_BYTES(0x01, 0x00, 0x00, 0x02, 0x00, 0xC9, 0x7F, 0x7F, 0x7F, 0x7F, 0x00, 0x00, 0x01,
                                 0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0xA1, 0x00, 0x7F, 0x7F),
              1000);
    expect_ach(fx, 2, FX_BYTES(0x25, 0x03, 0x00));
    /* dead node: NO_ACK, ACK RSSI not available, explore route tried, 3 attempts */
    fx_res(fx, 0x13, FX_BYTES(0x03, 0x02, 0x25, 0x02, 0x25, 0x02), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x02, 0x01, 0x00, 0x0F, 0x00, 0x7F, 0x7F, 0x7F, 0x7F, 0x7F, 0x00, 0x00, 0x07,
                                 0x00, 0x00, 0x00, 0x00, 0x03, 0x03, 0x00, 0x00, 0x00, 0xA1, 0x00, 0x7F, 0x7F),
              1000);
    assert_true(sim_client_quiet(&fx->c, 200));
    /* turned off again: plain callbacks */
    fx_res(fx, 0x0B, FX_BYTES(0x02, 0x00), FX_BYTES(0x02, 0x01));
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x03, 0x25, 0x01, 0x00, 0x25, 0x03), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x03, 0x00), 1000);
}

static void dead_node_fails_and_is_removed(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    /* not in the failed list before anything was sent to it */
    fx_res(fx, 0x62, FX_BYTES(0x03), FX_BYTES(0x00));
    fx_res(fx, 0x61, FX_BYTES(0x03, 0x04), FX_BYTES(0x08));
    fx_res(fx, 0x13, FX_BYTES(0x03, 0x02, 0x25, 0x02, 0x25, 0x04), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x04, 0x01), 1000);
    fx_res(fx, 0x62, FX_BYTES(0x03), FX_BYTES(0x01));
    fx_res(fx, 0x62, FX_BYTES(0x02), FX_BYTES(0x00));
    /* no callback id: refused */
    fx_res(fx, 0x61, FX_BYTES(0x03, 0x00), FX_BYTES(0x04));
    /* a healthy node is not in the failed list */
    fx_res(fx, 0x61, FX_BYTES(0x02, 0x05), FX_BYTES(0x08));
    fx_res(fx, 0x61, FX_BYTES(0x03, 0x05), FX_BYTES(0x00));
    fx_expect(fx, 0x61, FX_BYTES(0x05, 0x01), 1000); /* removed */
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    assert_int_equal(res.payload[3], 0x03); /* nodes 1 and 2 */
    uint8_t zero[6] = {0};
    fx_res(fx, 0x41, FX_BYTES(0x03), zero, 6);
}

static void sleeping_node_answers_only_when_awake(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    /* asleep: no ACK */
    fx_res(fx, 0x13, FX_BYTES(0x04, 0x02, 0x25, 0x02, 0x25, 0x21), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x21, 0x01), 1000);
    /* protocol info: not listening, not FLiRS */
    fx_res(fx, 0x41, FX_BYTES(0x04), FX_BYTES(0x5B, 0x8C, 0x01, 0x04, 0x10, 0x01));
    /* it wakes up after its 20 s interval (2 s at --time-scale 10) and says so */
    fx_expect(fx, 0x04, FX_BYTES(0x00, 0x04, 0x02, 0x84, 0x07, 0xC9), 3000);
    uint64_t woke = sim_now_ms();
    fx_res(fx, 0x13, FX_BYTES(0x04, 0x02, 0x25, 0x02, 0x25, 0x22), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x22, 0x00), 1000);
    expect_ach(fx, 4, FX_BYTES(0x25, 0x03, 0x00));
    /* Wake Up No More Information: acknowledged, then it sleeps */
    fx_res(fx, 0x13, FX_BYTES(0x04, 0x02, 0x84, 0x08, 0x25, 0x23), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x23, 0x00), 1000);
    fx_res(fx, 0x13, FX_BYTES(0x04, 0x02, 0x25, 0x02, 0x25, 0x24), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x24, 0x01), 1000);
    /* sleeping nodes are not put on the failed list */
    fx_res(fx, 0x62, FX_BYTES(0x04), FX_BYTES(0x00));
    /* next wake-up one (scaled) interval after it went to sleep */
    fx_expect(fx, 0x04, FX_BYTES(0x00, 0x04, 0x02, 0x84, 0x07, 0xC9), 3000);
    uint64_t dt = sim_now_ms() - woke;
    assert_true(dt >= 1900 && dt < 2800);
    /* left alone, it goes back to sleep after 10 s (1 s scaled) */
    usleep(1300000);
    fx_res(fx, 0x13, FX_BYTES(0x04, 0x02, 0x25, 0x02, 0x25, 0x25), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x25, 0x01), 1000);
}

static void flirs_node_and_busy_controller(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01}, busy[] = {0x00};
    fx_res(fx, 0x41, FX_BYTES(0x05), FX_BYTES(0x5B, 0xDC, 0x01, 0x04, 0x10, 0x01));
    uint64_t t0 = sim_now_ms();
    fx_res(fx, 0x13, FX_BYTES(0x05, 0x02, 0x25, 0x02, 0x25, 0x31), ok, 1);
    /* one transmission at a time: a second SendData is refused */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x32), busy, 1);
    /* the FLiRS node is reached after the 1 s wake-up beam */
    fx_expect(fx, 0x13, FX_BYTES(0x31, 0x00), 2000);
    assert_true(sim_now_ms() - t0 >= 1000);
    expect_ach(fx, 5, FX_BYTES(0x25, 0x03, 0x00));
    /* multicast to 2 and 5: RES, callback OK, no answers to a Set */
    fx_res(fx, 0x14, FX_BYTES(0x02, 0x02, 0x05, 0x03, 0x25, 0x01, 0xFF, 0x00, 0x33), ok, 1);
    fx_expect(fx, 0x14, FX_BYTES(0x33, 0x00), 1000);
    fx_res(fx, 0x13, FX_BYTES(0x05, 0x02, 0x25, 0x02, 0x25, 0x34), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x34, 0x00), 2000);
    expect_ach(fx, 5, FX_BYTES(0x25, 0x03, 0xFF));
}

static void sixteen_bit_senddata(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x0B, FX_BYTES(0x80, 0x02), FX_BYTES(0x80, 0x01));
    fx_res(fx, 0x13, FX_BYTES(0x00, 0x02, 0x02, 0x25, 0x02, 0x25, 0x41), ok, 1);
    fx_expect(fx, 0x13, FX_BYTES(0x41, 0x00), 1000);
    fx_expect(fx, 0x04, FX_BYTES(0x00, 0x00, 0x02, 0x03, 0x25, 0x03, 0x00, 0xC9), 1000);
    fx_res(fx, 0x41, FX_BYTES(0x00, 0x02), FX_BYTES(0xDB, 0x9C, 0x01, 0x04, 0x10, 0x01));
    fx_res(fx, 0x60, FX_BYTES(0x00, 0x02), ok, 1);
    fx_expect(fx, 0x49, FX_BYTES(0x84, 0x00, 0x02, 0x0C, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x32, 0x70, 0x71, 0x86,
                                 0x72, 0x85, 0x6C), 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(senddata_observed_bytes_then_report, setup_after, fx_stop),
        cmocka_unit_test_setup_teardown(set_get_and_basic, setup_after, fx_stop),
        cmocka_unit_test_setup_teardown(report_before_callback, setup_before, fx_stop),
        cmocka_unit_test_setup_teardown(extended_tx_report, setup_after, fx_stop),
        cmocka_unit_test_setup_teardown(dead_node_fails_and_is_removed, setup_after, fx_stop),
        cmocka_unit_test_setup_teardown(sleeping_node_answers_only_when_awake, setup_sleeping, fx_stop),
        cmocka_unit_test_setup_teardown(flirs_node_and_busy_controller, setup_listening, fx_stop),
        cmocka_unit_test_setup_teardown(sixteen_bit_senddata, setup_listening, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
