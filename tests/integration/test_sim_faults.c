/* zwh-sim's fault injection: each option does what --help says, and the rate
 * faults are deterministic for a given --seed. */
#include "sim_fixture.h"

static int start_with(void **state, const char *a, const char *b)
{
    const char *args[] = {"--seed", "42", "--devices", "switch:2", "--report-order", "after", a, b, NULL};
    return fx_start(state, args);
}

/* Sends n GetSUCNodeId frames; pattern[i] = 'A' (ACK + RES) or 'N' (NAK). */
static void nak_pattern(const char *seed, char *pattern, size_t n)
{
    const char *args[] = {"--seed", seed, "--corrupt-rate", "0.5", NULL};
    void *st = NULL;
    assert_int_equal(fx_start(&st, args), 0);
    fx_t *fx = st;
    for (size_t i = 0; i < n; i++) {
        sim_frame_t f;
        assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
        int ev = sim_client_next(&fx->c, 1000, &f);
        assert_true(ev == ZWH__FEV_ACK || ev == ZWH__FEV_NAK);
        pattern[i] = ev == ZWH__FEV_ACK ? 'A' : 'N';
        if (ev == ZWH__FEV_ACK)
            assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    }
    pattern[n] = '\0';
    assert_int_equal(fx_stop(&st), 0);
}

static void corrupt_rate_is_deterministic_per_seed(void **state)
{
    (void)state;
    char a[25], b[25], c[25];
    nak_pattern("42", a, 24);
    nak_pattern("42", b, 24);
    nak_pattern("43", c, 24);
    assert_string_equal(a, b);
    assert_string_not_equal(a, c);
    assert_non_null(strchr(a, 'A'));
    assert_non_null(strchr(a, 'N'));
}

static void drop_rate(void **state)
{
    assert_int_equal(start_with(state, "--drop-rate", "1"), 0);
    fx_t *fx = *state;
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_true(sim_client_quiet(&fx->c, 400)); /* no ACK, no RES */
    assert_int_equal(fx_stop(state), 0);
}

static void can_count_then_normal(void **state)
{
    assert_int_equal(start_with(state, "--can-count", "2"), 0);
    fx_t *fx = *state;
    sim_frame_t f;
    for (int i = 0; i < 2; i++) {
        assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
        assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_CAN);
        assert_true(sim_client_quiet(&fx->c, 100));
    }
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    assert_int_equal(fx_stop(state), 0);
}

static void withheld_ack(void **state)
{
    assert_int_equal(start_with(state, "--withhold-ack-count", "1"), 0);
    fx_t *fx = *state;
    sim_frame_t f;
    /* handled (RES arrives) but never acknowledged */
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_DATA);
    assert_int_equal(f.func, 0x56);
    sim_client_write(&fx->c, FX_BYTES(0x06));
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    assert_int_equal(fx_stop(state), 0);
}

static void ack_delay(void **state)
{
    assert_int_equal(start_with(state, "--ack-delay-ms", "300"), 0);
    fx_t *fx = *state;
    sim_frame_t f;
    uint64_t t0 = sim_now_ms();
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_true(sim_now_ms() - t0 >= 280);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    assert_int_equal(f.func, 0x56);
    assert_int_equal(fx_stop(state), 0);
}

static void garbage_before_frames(void **state)
{
    assert_int_equal(start_with(state, "--garbage-rate", "1"), 0);
    fx_t *fx = *state;
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    fx_res(fx, 0x05, NULL, 0, FX_BYTES(0x1C));
    assert_true(fx->c.parser.stats.garbage_bytes >= 2);
    assert_int_equal(fx->c.parser.stats.bad_checksum, 0);
    assert_int_equal(fx_stop(state), 0);
}

static void corrupt_tx_is_retransmitted_after_nak(void **state)
{
    assert_int_equal(start_with(state, "--corrupt-tx-rate", "1"), 0);
    fx_t *fx = *state;
    sim_frame_t f;
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_BAD_CHECKSUM);
    sim_client_write(&fx->c, FX_BYTES(0x15));
    /* the retransmission after the NAK (broken again at rate 1) */
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_BAD_CHECKSUM);
    assert_int_equal(fx->c.parser.stats.bad_checksum, 2);
    assert_int_equal(fx_stop(state), 0);
}

static void jam_count(void **state)
{
    assert_int_equal(start_with(state, "--jam-count", "1"), 0);
    fx_t *fx = *state;
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x01), FX_BYTES(0x01));
    fx_expect(fx, 0x13, FX_BYTES(0x01, 0x02), 1000); /* FAIL */
    assert_true(sim_client_quiet(&fx->c, 200));      /* nothing reached the node */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x02), FX_BYTES(0x01));
    fx_expect(fx, 0x13, FX_BYTES(0x02, 0x00), 1000);
    fx_expect(fx, 0x04, FX_BYTES(0x00, 0x02, 0x03, 0x25, 0x03, 0x00, 0xC9), 1000);
    assert_int_equal(fx_stop(state), 0);
}

static void swallowed_callback_needs_abort(void **state)
{
    assert_int_equal(start_with(state, "--no-callback-count", "1"), 0);
    fx_t *fx = *state;
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x01), FX_BYTES(0x01));
    assert_true(sim_client_quiet(&fx->c, 500));
    /* the controller is stuck: another SendData is refused */
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x02), FX_BYTES(0x00));
    /* SendDataAbort: no RES of its own; the SendData ends with NO_ACK */
    fx_req_noreply(fx, 0x16, NULL, 0);
    fx_expect(fx, 0x13, FX_BYTES(0x01, 0x01), 1000);
    fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x03), FX_BYTES(0x01));
    fx_expect(fx, 0x13, FX_BYTES(0x03, 0x00), 1000);
    assert_int_equal(fx_stop(state), 0);
}

static void dropped_connection_keeps_the_network(void **state)
{
    const char *args[] = {"--seed", "1", "--pending", "switch", "--drop-connection-after", "6", NULL};
    assert_int_equal(fx_start(state, args), 0);
    fx_t *fx = *state;
    /* include a device (frames 1-2), then two more requests */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x01, 0x01));
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x01, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x02, 0x00, 0x00), 1000);
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x05, 0x02, 0x00), 1000);
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x00));
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x20, NULL, 0, &res, 1000), 5);
    uint8_t home[4];
    memcpy(home, res.payload, 4);
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    /* frame 6 is answered, then the connection closes */
    fx_res(fx, 0x05, NULL, 0, FX_BYTES(0x1C));
    assert_int_equal(sim_client_next(&fx->c, 2000, &f), -1);
    sim_client_close(&fx->c);
    /* reconnect: same home id, node 2 still there, no further drops */
    assert_int_equal(sim_client_connect(&fx->c, fx->p.port), 0);
    assert_int_equal(sim_client_request(&fx->c, 0x20, NULL, 0, &res, 1000), 5);
    assert_memory_equal(res.payload, home, 4);
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    assert_int_equal(res.payload[3], 0x03);
    for (int i = 0; i < 8; i++)
        fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    assert_int_equal(fx_stop(state), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(corrupt_rate_is_deterministic_per_seed),
        cmocka_unit_test(drop_rate),
        cmocka_unit_test(can_count_then_normal),
        cmocka_unit_test(withheld_ack),
        cmocka_unit_test(ack_delay),
        cmocka_unit_test(garbage_before_frames),
        cmocka_unit_test(corrupt_tx_is_retransmitted_after_nak),
        cmocka_unit_test(jam_count),
        cmocka_unit_test(swallowed_callback_needs_abort),
        cmocka_unit_test(dropped_connection_keeps_the_network),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
