/* zwh-sim's link layer behaves like a chip: ACK good frames, NAK corrupt ones,
 * drop stale partial frames silently, retransmit its own frames after NAK, CAN
 * or a missing ACK, and answer CAN to a host frame that collides with its own. */
#include "sim_fixture.h"

static int setup(void **state)
{
    const char *args[] = {"--seed", "3", "--home-id", "0x7E570001", NULL};
    return fx_start(state, args);
}

static void corrupt_frames_are_nakked(void **state)
{
    fx_t *fx = *state;
    sim_frame_t f;
    /* GetControllerVersion with a wrong checksum */
    sim_client_write(&fx->c, FX_BYTES(0x01, 0x03, 0x00, 0x15, 0xE8));
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_NAK);
    assert_true(sim_client_quiet(&fx->c, 200));
    /* impossible length */
    sim_client_write(&fx->c, FX_BYTES(0x01, 0x02, 0x00));
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_NAK);
    /* garbage before a good frame is skipped */
    sim_client_write(&fx->c, FX_BYTES(0x00, 0x42, 0xFF, 0x01, 0x03, 0x00, 0x56, 0xAA));
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    assert_int_equal(f.func, 0x56);
}

static void partial_frame_is_dropped_after_1500_ms(void **state)
{
    fx_t *fx = *state;
    /* the first half of MemoryGetId, then nothing for 1.6 s */
    sim_client_write(&fx->c, FX_BYTES(0x01, 0x03, 0x00));
    assert_true(sim_client_quiet(&fx->c, 1600)); /* no NAK after a reception timeout */
    /* a complete frame now is parsed from its own SOF */
    const uint8_t id[] = {0x7E, 0x57, 0x00, 0x01, 0x01};
    fx_res(fx, 0x20, NULL, 0, id, sizeof id);
}

static void retransmits_after_nak_can_and_timeout(void **state)
{
    fx_t *fx = *state;
    sim_frame_t first, f;
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_next(&fx->c, 1000, &first), ZWH__FEV_DATA);

    /* NAK: the same frame again after ~100 ms */
    uint64_t t0 = sim_now_ms();
    sim_client_write(&fx->c, FX_BYTES(0x15));
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_DATA);
    uint64_t dt = sim_now_ms() - t0;
    assert_true(dt >= 80 && dt < 600);
    assert_memory_equal(f.raw, first.raw, first.rawlen);

    /* CAN: again, after the second back-off (~1100 ms) */
    t0 = sim_now_ms();
    sim_client_write(&fx->c, FX_BYTES(0x18));
    assert_int_equal(sim_client_next(&fx->c, 2000, &f), ZWH__FEV_DATA);
    dt = sim_now_ms() - t0;
    assert_true(dt >= 1000 && dt < 1700);
    assert_memory_equal(f.raw, first.raw, first.rawlen);

    /* no answer at all: 1600 ms ACK timeout + 2100 ms back-off */
    t0 = sim_now_ms();
    assert_int_equal(sim_client_next(&fx->c, 5000, &f), ZWH__FEV_DATA);
    dt = sim_now_ms() - t0;
    assert_true(dt >= 3500 && dt < 4500);
    /* ACK ends it: nothing more */
    sim_client_write(&fx->c, FX_BYTES(0x06));
    assert_true(sim_client_quiet(&fx->c, 300));
}

static void collision_is_answered_with_can(void **state)
{
    fx_t *fx = *state;
    sim_frame_t res, f;
    /* GetSUCNodeId; its RES stays unacknowledged */
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x56, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_next(&fx->c, 1000, &res), ZWH__FEV_DATA);
    /* the host sends its next request while the chip waits for that ACK: CAN */
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x20, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_CAN);
    /* ACK the RES, retry the request: served */
    sim_client_write(&fx->c, FX_BYTES(0x06));
    const uint8_t id[] = {0x7E, 0x57, 0x00, 0x01, 0x01};
    fx_res(fx, 0x20, NULL, 0, id, sizeof id);
}

static void sixteen_bit_node_ids(void **state)
{
    fx_t *fx = *state;
    const uint8_t set16[] = {0x80, 0x02}, ok[] = {0x80, 0x01};
    fx_res(fx, 0x0B, set16, 2, ok, 2);
    /* MemoryGetId: own node id is 2 bytes now */
    const uint8_t id16[] = {0x7E, 0x57, 0x00, 0x01, 0x00, 0x01};
    fx_res(fx, 0x20, NULL, 0, id16, sizeof id16);
    const uint8_t suc16[] = {0x00, 0x01};
    fx_res(fx, 0x56, NULL, 0, suc16, 2);
    const uint8_t one16[] = {0x00, 0x01}, own[] = {0xD3, 0x16, 0x01, 0x02, 0x01, 0x00};
    fx_res(fx, 0x41, one16, 2, own, sizeof own);
    const uint8_t bad[] = {0x80, 0x03}, bad_res[] = {0x80, 0x00};
    fx_res(fx, 0x0B, bad, 2, bad_res, 2);
    /* a soft reset returns to 8-bit node ids */
    fx_req_noreply(fx, 0x08, NULL, 0);
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, 1500, &f), 1);
    assert_int_equal(f.func, 0x0A);
    const uint8_t id8[] = {0x7E, 0x57, 0x00, 0x01, 0x01};
    fx_res(fx, 0x20, NULL, 0, id8, sizeof id8);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(corrupt_frames_are_nakked, setup, fx_stop),
        cmocka_unit_test_setup_teardown(partial_frame_is_dropped_after_1500_ms, setup, fx_stop),
        cmocka_unit_test_setup_teardown(retransmits_after_nak_can_and_timeout, setup, fx_stop),
        cmocka_unit_test_setup_teardown(collision_is_answered_with_can, setup, fx_stop),
        cmocka_unit_test_setup_teardown(sixteen_bit_node_ids, setup, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
