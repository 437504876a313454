/* zwh-sim answers the start-up calls of a conformant host like a 700-series
 * stick. Byte-exact checks use the "(observed)" examples of
 * SERIALAPI-REFERENCE.md where the simulated stick's identity allows them. */
#include "sim_fixture.h"

static int setup_empty(void **state)
{
    const char *args[] = {"--home-id", "0x7E570001", "--seed", "1", NULL};
    return fx_start(state, args);
}

static int setup_switch(void **state)
{
    const char *args[] = {"--home-id", "0x7E570001", "--seed", "1", "--devices", "switch:2", NULL};
    return fx_start(state, args);
}

static void observed_identity_of_an_empty_network(void **state)
{
    fx_t *fx = *state;
    /* hosts resynchronise with a NAK first: the chip does not answer it */
    const uint8_t nak = 0x15;
    sim_client_write(&fx->c, &nak, 1);
    assert_true(sim_client_quiet(&fx->c, 100));

    /* GetSerialApiInitData (observed): API 9, SIS, node 1 only, chip 7/0 */
    uint8_t init[34] = {0x09, 0x08, 0x1D, 0x01};
    init[32] = 0x07;
    init[33] = 0x00;
    fx_res(fx, 0x02, NULL, 0, init, sizeof init);

    /* MemoryGetId (observed) */
    const uint8_t id[] = {0x7E, 0x57, 0x00, 0x01, 0x01};
    fx_res(fx, 0x20, NULL, 0, id, sizeof id);

    /* GetControllerCapabilities: SIS present, real primary, SUC, and "no nodes
     * included" (0x20) because the network holds only the controller */
    const uint8_t caps[] = {0x3C};
    fx_res(fx, 0x05, NULL, 0, caps, 1);

    /* GetControllerVersion: request bytes as observed on the wire, "Z-Wave 7.19" + static controller */
    const uint8_t ver_req[] = {0x01, 0x03, 0x00, 0x15, 0xE9};
    sim_client_write(&fx->c, ver_req, sizeof ver_req);
    sim_frame_t f;
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    const uint8_t ver[] = {'Z', '-', 'W', 'a', 'v', 'e', ' ', '7', '.', '1', '9', 0x00, 0x01};
    assert_int_equal(f.func, 0x15);
    assert_int_equal(f.type, 0x01);
    assert_int_equal(f.len, sizeof ver);
    assert_memory_equal(f.payload, ver, sizeof ver);

    /* GetProtocolVersion: Z-Wave 7.19.3, build 0x0117, no git hash */
    uint8_t proto[22] = {0x00, 7, 19, 3, 0x01, 0x17};
    fx_res(fx, 0x09, NULL, 0, proto, sizeof proto);

    const uint8_t suc[] = {0x01};
    fx_res(fx, 0x56, NULL, 0, suc, 1);
}

static void capabilities_list_exactly_the_implemented_functions(void **state)
{
    fx_t *fx = *state;
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x07, NULL, 0, &res, 1000), 40);
    /* firmware 7.19, manufacturer 0000 (Silicon Labs), product type 0004, id 0004 */
    const uint8_t head[] = {0x07, 0x13, 0x00, 0x00, 0x00, 0x04, 0x00, 0x04};
    assert_memory_equal(res.payload, head, sizeof head);
    static const uint8_t funcs[] = {0x02, 0x03, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x10, 0x13, 0x14,
                                    0x15, 0x16, 0x20, 0x41, 0x42, 0x46, 0x47, 0x48, 0x4A, 0x4B, 0x51,
                                    0x54, 0x55, 0x56, 0x60, 0x61, 0x62, 0x63, 0x80, 0xDA};
    uint8_t mask[32] = {0};
    for (size_t i = 0; i < sizeof funcs; i++)
        mask[(funcs[i] - 1) / 8] |= (uint8_t)(1u << ((funcs[i] - 1) % 8));
    assert_memory_equal(res.payload + 8, mask, 32);
    /* every listed function answers: spot-check that an unlisted one does not */
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x3A, NULL, 0), 0); /* GetNetworkStats */
    sim_frame_t f;
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_true(sim_client_quiet(&fx->c, 300));
    /* and the link still works afterwards */
    const uint8_t suc[] = {0x01};
    assert_int_equal(sim_client_request(&fx->c, 0x56, NULL, 0, &res, 1000), 1);
    assert_memory_equal(res.payload, suc, 1);
}

static void serial_api_setup(void **state)
{
    fx_t *fx = *state;
    /* GetSupportedCommands: legacy byte 01|02|10|20|40|80, then bit (s-1) per sub-command
     * (7.19.1+ numbering) for 01 02 10 11 20 40 80 */
    uint8_t sup[18] = {0x01, 0xF3, 0x03, 0x80, 0x01, 0x80, 0, 0, 0, 0x80};
    sup[17] = 0x80;
    const uint8_t get_sup[] = {0x01};
    fx_res(fx, 0x0B, get_sup, 1, sup, sizeof sup);

    const uint8_t txrep[] = {0x02, 0xFF}, txrep_ok[] = {0x02, 0x01};
    fx_res(fx, 0x0B, txrep, 2, txrep_ok, 2);
    const uint8_t maxp[] = {0x10}, maxp_res[] = {0x10, 46};
    fx_res(fx, 0x0B, maxp, 1, maxp_res, 2);
    const uint8_t maxlr[] = {0x11}, maxlr_res[] = {0x11, 150};
    fx_res(fx, 0x0B, maxlr, 1, maxlr_res, 2);
    const uint8_t reg[] = {0x20}, reg_eu[] = {0x20, 0x00};
    fx_res(fx, 0x0B, reg, 1, reg_eu, 2);
    /* SetRFRegion US takes effect at the next soft reset */
    const uint8_t setreg[] = {0x40, 0x01}, setreg_ok[] = {0x40, 0x01};
    fx_res(fx, 0x0B, setreg, 2, setreg_ok, 2);
    const uint8_t badreg[] = {0x40, 0x77}, badreg_res[] = {0x40, 0x00};
    fx_res(fx, 0x0B, badreg, 2, badreg_res, 2);
    fx_res(fx, 0x0B, reg, 1, reg_eu, 2);
    /* an unsupported sub-command: RES 00 sub */
    const uint8_t unsup[] = {0x08}, unsup_res[] = {0x00, 0x08};
    fx_res(fx, 0x0B, unsup, 1, unsup_res, 2);

    /* SerialApiSetTimeouts returns the previous values (1.5 s / 150 ms) */
    const uint8_t to[] = {160, 15}, prev[] = {150, 15};
    fx_res(fx, 0x06, to, 2, prev, 2);
    fx_res(fx, 0x06, to, 2, to, 2);

    const uint8_t rf_on[] = {0x01}, ok[] = {0x01};
    fx_res(fx, 0x10, rf_on, 1, ok, 1);

    /* GetLongRangeNodes: no LR nodes, one 128-byte segment */
    uint8_t lr[131] = {0x00, 0x00, 0x80};
    const uint8_t seg0[] = {0x00};
    fx_res(fx, 0xDA, seg0, 1, lr, sizeof lr);

    /* soft reset: region now US */
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x08, NULL, 0), 0);
    sim_frame_t f;
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1500, &f), 1);
    assert_int_equal(f.func, 0x0A);
    const uint8_t reg_us[] = {0x20, 0x01};
    fx_res(fx, 0x0B, reg, 1, reg_us, 2);
}

static void soft_reset_sends_serial_api_started(void **state)
{
    fx_t *fx = *state;
    sim_frame_t f;
    /* SoftReset: ACK, no RES, then SerialAPIStarted (observed bytes for the default NIF) */
    uint64_t t0 = sim_now_ms();
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x08, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1500, &f), 1);
    assert_true(sim_now_ms() - t0 < 1500);
    const uint8_t started[] = {0x07, 0x00, 0x01, 0x01, 0x00, 0x08, 0x5E, 0x98, 0x9F, 0x55, 0x6C, 0x56, 0x8F, 0x74, 0x00};
    assert_int_equal(f.type, 0x00);
    assert_int_equal(f.func, 0x0A);
    assert_int_equal(f.len, sizeof started);
    assert_memory_equal(f.payload, started, sizeof started);

    /* SetApplicationNodeInformation: no RES; the next SerialAPIStarted carries it */
    const uint8_t nif[] = {0x01, 0x02, 0x01, 0x03, 0x5E, 0x9F, 0x55};
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x03, nif, sizeof nif), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_true(sim_client_quiet(&fx->c, 200));
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x08, NULL, 0), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1500, &f), 1);
    const uint8_t started2[] = {0x07, 0x00, 0x01, 0x02, 0x01, 0x03, 0x5E, 0x9F, 0x55, 0x00};
    assert_int_equal(f.len, sizeof started2);
    assert_memory_equal(f.payload, started2, sizeof started2);
    /* GetNodeProtocolInfo of the controller reflects the new classes */
    const uint8_t one[] = {0x01}, own[] = {0xD3, 0x16, 0x01, 0x02, 0x02, 0x01};
    fx_res(fx, 0x41, one, 1, own, sizeof own);
}

static void node_information_of_a_switch(void **state)
{
    fx_t *fx = *state;
    /* GetSerialApiInitData lists nodes 1 and 2 */
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    assert_int_equal(res.payload[3], 0x03);
    for (size_t i = 4; i < 32; i++)
        assert_int_equal(res.payload[i], 0);
    /* GetControllerCapabilities (observed): 1C once nodes are included */
    const uint8_t caps[] = {0x1C};
    fx_res(fx, 0x05, NULL, 0, caps, 1);
    /* GetNodeProtocolInfo node 2 (observed) */
    const uint8_t two[] = {0x02}, info[] = {0xDB, 0x9C, 0x01, 0x04, 0x10, 0x01};
    fx_res(fx, 0x41, two, 1, info, sizeof info);
    /* unknown node: all zero */
    const uint8_t nine[] = {0x09}, zero[6] = {0};
    fx_res(fx, 0x41, nine, 1, zero, sizeof zero);
    /* RequestNodeInfo(2) -> RES 01, then ApplicationUpdate 84 (observed) */
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x60, two, 1, ok, 1);
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    const uint8_t upd[] = {0x84, 0x02, 0x0C, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x32, 0x70, 0x71, 0x86, 0x72, 0x85, 0x6C};
    assert_int_equal(f.func, 0x49);
    assert_int_equal(f.len, sizeof upd);
    assert_memory_equal(f.payload, upd, sizeof upd);
    /* RequestNodeInfo of a missing node -> 81 (request failed) */
    fx_res(fx, 0x60, nine, 1, ok, 1);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    const uint8_t failed[] = {0x81, 0x00, 0x00};
    assert_int_equal(f.len, sizeof failed);
    assert_memory_equal(f.payload, failed, sizeof failed);
    /* GetRoutingInfo(2): its neighbour is the controller */
    const uint8_t ri[] = {0x02, 0x00, 0x00, 0x00};
    uint8_t mask[29] = {0x01};
    fx_res(fx, 0x80, ri, sizeof ri, mask, sizeof mask);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(observed_identity_of_an_empty_network, setup_empty, fx_stop),
        cmocka_unit_test_setup_teardown(capabilities_list_exactly_the_implemented_functions, setup_empty, fx_stop),
        cmocka_unit_test_setup_teardown(serial_api_setup, setup_empty, fx_stop),
        cmocka_unit_test_setup_teardown(soft_reset_sends_serial_api_started, setup_empty, fx_stop),
        cmocka_unit_test_setup_teardown(node_information_of_a_switch, setup_switch, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
