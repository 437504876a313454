/* Network management against zwh-sim: AddNode with a pending device, exclusion,
 * SetDefault, return routes, neighbour update, SUC; in 8- and 16-bit mode. */
#include "sim_fixture.h"

static int setup(void **state)
{
    const char *args[] = {"--seed", "9", "--home-id", "0x7E570001", "--devices", "switch:2", "--pending", "switch",
                          NULL};
    return fx_start(state, args);
}

static const uint8_t SWITCH_NIF[] = {0x0C, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x32, 0x70, 0x71, 0x86, 0x72, 0x85, 0x6C};

static uint8_t node_mask_byte0(fx_t *fx)
{
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    return res.payload[3];
}

static void expect_nif_cb(fx_t *fx, uint8_t func, uint8_t cb, uint8_t status, uint8_t nid)
{
    uint8_t want[32] = {cb, status, nid};
    memcpy(want + 3, SWITCH_NIF, sizeof SWITCH_NIF);
    fx_expect(fx, func, want, 3 + sizeof SWITCH_NIF, 2000);
}

static void add_pending_device_then_remove_it(void **state)
{
    fx_t *fx = *state;
    /* AddNode ANY | NORMAL_POWER | NWI, cb 01: no RES, the callback sequence */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0xC1, 0x01));
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x01, 0x00, 0x00), 1000); /* LEARN_READY */
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x02, 0x00, 0x00), 1000); /* NODE_FOUND */
    expect_nif_cb(fx, 0x4A, 0x01, 0x03, 0x03);                    /* ADDING_END_NODE, node 3 */
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x05, 0x03, 0x00), 1000); /* PROTOCOL_DONE */
    /* STOP with a new callback id: DONE with the node id */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x02));
    fx_expect(fx, 0x4A, FX_BYTES(0x02, 0x06, 0x03, 0x00), 1000);
    assert_int_equal(node_mask_byte0(fx), 0x07);
    fx_res(fx, 0x41, FX_BYTES(0x03), FX_BYTES(0xDB, 0x9C, 0x01, 0x04, 0x10, 0x01));
    /* the new node works */
    fx_res(fx, 0x13, FX_BYTES(0x03, 0x02, 0x25, 0x02, 0x25, 0x03), FX_BYTES(0x01));
    sim_frame_t a, b;
    assert_int_equal(sim_client_frame(&fx->c, 1000, &a), 1);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &b), 1);
    assert_true((a.func == 0x13 && b.func == 0x04) || (a.func == 0x04 && b.func == 0x13));

    /* no more pending devices: ready, nothing found, STOP -> FAILED */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0xC1, 0x04));
    fx_expect(fx, 0x4A, FX_BYTES(0x04, 0x01, 0x00, 0x00), 1000);
    assert_true(sim_client_quiet(&fx->c, 500));
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x05));
    fx_expect(fx, 0x4A, FX_BYTES(0x05, 0x07, 0x00, 0x00), 1000);

    /* RemoveNode ANY: the highest node (3) answers */
    fx_req_noreply(fx, 0x4B, FX_BYTES(0xC1, 0x06));
    fx_expect(fx, 0x4B, FX_BYTES(0x06, 0x01, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4B, FX_BYTES(0x06, 0x02, 0x00, 0x00), 1000);
    expect_nif_cb(fx, 0x4B, 0x06, 0x03, 0x03);
    fx_expect(fx, 0x4B, FX_BYTES(0x06, 0x06, 0x03, 0x00), 1000);
    /* STOP without callback id: nothing */
    fx_req_noreply(fx, 0x4B, FX_BYTES(0x05, 0x00));
    assert_true(sim_client_quiet(&fx->c, 300));
    assert_int_equal(node_mask_byte0(fx), 0x03);

    /* "exclude 2" on stdin picks the node that answers the next exclusion */
    assert_int_equal(sim_proc_stdin(&fx->p, "exclude 2"), 0);
    assert_int_equal(sim_proc_stdin(&fx->p, "no such event"), 0); /* logged, ignored */
    usleep(100000);
    fx_req_noreply(fx, 0x4B, FX_BYTES(0x01, 0x07));
    fx_expect(fx, 0x4B, FX_BYTES(0x07, 0x01, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4B, FX_BYTES(0x07, 0x02, 0x00, 0x00), 1000);
    expect_nif_cb(fx, 0x4B, 0x07, 0x03, 0x02);
    fx_expect(fx, 0x4B, FX_BYTES(0x07, 0x06, 0x02, 0x00), 1000);
    fx_req_noreply(fx, 0x4B, FX_BYTES(0x05, 0x00));
    assert_int_equal(node_mask_byte0(fx), 0x01);
    fx_res(fx, 0x05, NULL, 0, FX_BYTES(0x3C)); /* no nodes included any more */
}

static void add_node_in_16_bit_mode(void **state)
{
    fx_t *fx = *state;
    fx_res(fx, 0x0B, FX_BYTES(0x80, 0x02), FX_BYTES(0x80, 0x01));
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x01, 0x11));
    fx_expect(fx, 0x4A, FX_BYTES(0x11, 0x01, 0x00, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x11, 0x02, 0x00, 0x00, 0x00), 1000);
    uint8_t want[32] = {0x11, 0x03, 0x00, 0x03};
    memcpy(want + 4, SWITCH_NIF, sizeof SWITCH_NIF);
    fx_expect(fx, 0x4A, want, 4 + sizeof SWITCH_NIF, 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x11, 0x05, 0x00, 0x03, 0x00), 1000);
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x12));
    fx_expect(fx, 0x4A, FX_BYTES(0x12, 0x06, 0x00, 0x03, 0x00), 1000);
    /* a failed-node check in 16-bit mode */
    fx_res(fx, 0x62, FX_BYTES(0x00, 0x03), FX_BYTES(0x00));
    fx_res(fx, 0x61, FX_BYTES(0x00, 0x03, 0x13), FX_BYTES(0x08));
}

static void set_default_wipes_the_network(void **state)
{
    fx_t *fx = *state;
    assert_int_equal(node_mask_byte0(fx), 0x03);
    /* SetDefault: no RES, callback with the id only */
    fx_req_noreply(fx, 0x42, FX_BYTES(0x09));
    fx_expect(fx, 0x42, FX_BYTES(0x09), 1000);
    assert_int_equal(node_mask_byte0(fx), 0x01);
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x20, NULL, 0, &res, 1000), 5);
    uint32_t home = (uint32_t)res.payload[0] << 24 | (uint32_t)res.payload[1] << 16 |
                    (uint32_t)res.payload[2] << 8 | res.payload[3];
    assert_int_not_equal(home, 0x7E570001u);
    assert_true(home >= 0xC0000000u && home != 0xFFFFFFFFu);
    assert_int_equal(res.payload[4], 0x01);
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
}

static void routes_neighbours_and_suc(void **state)
{
    fx_t *fx = *state;
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x46, FX_BYTES(0x02, 0x01, 0x21), ok, 1);
    fx_expect(fx, 0x46, FX_BYTES(0x21, 0x00), 1000);
    fx_res(fx, 0x47, FX_BYTES(0x02, 0x22), ok, 1);
    fx_expect(fx, 0x47, FX_BYTES(0x22, 0x00), 1000);
    fx_res(fx, 0x51, FX_BYTES(0x02, 0x23), ok, 1);
    fx_expect(fx, 0x51, FX_BYTES(0x23, 0x00), 1000);
    fx_res(fx, 0x55, FX_BYTES(0x02, 0x24), ok, 1);
    fx_expect(fx, 0x55, FX_BYTES(0x24, 0x00), 1000);
    /* to a node that does not exist: started, then no ACK */
    fx_res(fx, 0x51, FX_BYTES(0x09, 0x25), ok, 1);
    fx_expect(fx, 0x51, FX_BYTES(0x25, 0x01), 1000);
    /* AssignReturnRoute with src == dst is refused */
    fx_res(fx, 0x46, FX_BYTES(0x02, 0x02, 0x26), FX_BYTES(0x00));
    /* neighbour update: no RES, STARTED then DONE */
    fx_req_noreply(fx, 0x48, FX_BYTES(0x02, 0x27));
    fx_expect(fx, 0x48, FX_BYTES(0x27, 0x21), 1000);
    fx_expect(fx, 0x48, FX_BYTES(0x27, 0x22), 2000);
    fx_req_noreply(fx, 0x48, FX_BYTES(0x09, 0x28));
    fx_expect(fx, 0x48, FX_BYTES(0x28, 0x23), 1000);
    /* SetSUCNodeId to itself: RES, no callback */
    fx_res(fx, 0x54, FX_BYTES(0x01, 0x00, 0x00, 0x01, 0x29), ok, 1);
    assert_true(sim_client_quiet(&fx->c, 300));
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x00));
    fx_res(fx, 0x54, FX_BYTES(0x01, 0x01, 0x00, 0x01, 0x2A), ok, 1);
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    /* an end node cannot become SUC */
    fx_res(fx, 0x54, FX_BYTES(0x02, 0x01, 0x00, 0x01, 0x2B), ok, 1);
    fx_expect(fx, 0x54, FX_BYTES(0x2B, 0x06), 1000);
}

static int setup_dead(void **state)
{
    const char *args[] = {"--seed", "9", "--devices", "switch:2,switch:3:dead", "--pending", "switch", NULL};
    return fx_start(state, args);
}

static void replace_failed_node(void **state)
{
    fx_t *fx = *state;
    /* node 3 does not answer: it lands on the failed list */
    fx_res(fx, 0x63, FX_BYTES(0x03, 0x31), FX_BYTES(0x08));
    fx_res(fx, 0x13, FX_BYTES(0x03, 0x02, 0x25, 0x02, 0x25, 0x32), FX_BYTES(0x01));
    fx_expect(fx, 0x13, FX_BYTES(0x32, 0x01), 1000);
    /* ReplaceFailedNode: started, ready for the new device, done */
    fx_res(fx, 0x63, FX_BYTES(0x03, 0x33), FX_BYTES(0x00));
    fx_expect(fx, 0x63, FX_BYTES(0x33, 0x03), 1000);
    fx_expect(fx, 0x63, FX_BYTES(0x33, 0x04), 2000);
    fx_res(fx, 0x62, FX_BYTES(0x03), FX_BYTES(0x00));
    /* the replacement answers under the old node id */
    fx_res(fx, 0x13, FX_BYTES(0x03, 0x02, 0x25, 0x02, 0x25, 0x34), FX_BYTES(0x01));
    sim_frame_t a, b;
    assert_int_equal(sim_client_frame(&fx->c, 1000, &a), 1);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &b), 1);
    const sim_frame_t *cb = a.func == 0x13 ? &a : &b;
    assert_int_equal(cb->func, 0x13);
    assert_int_equal(cb->payload[1], 0x00);
    assert_int_equal(node_mask_byte0(fx), 0x07);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(add_pending_device_then_remove_it, setup, fx_stop),
        cmocka_unit_test_setup_teardown(add_node_in_16_bit_mode, setup, fx_stop),
        cmocka_unit_test_setup_teardown(set_default_wipes_the_network, setup, fx_stop),
        cmocka_unit_test_setup_teardown(routes_neighbours_and_suc, setup, fx_stop),
        cmocka_unit_test_setup_teardown(replace_failed_node, setup_dead, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
