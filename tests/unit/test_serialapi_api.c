/* src/serialapi/api: request payloads and parsers, pinned to the bytes the
 * reference records as observed on the wire (SERIALAPI-REFERENCE.md, "(observed)"). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "serialapi/api.h"

static void noop(zwh__request_t *r, int s, void *u) { (void)r; (void)s; (void)u; }

static void capabilities_observed(void **state)
{
    (void)state;
    uint8_t res[40] = {0x01, 0x00, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE};
    res[8] = 0x02; /* function 2 supported */
    zwh__api_capabilities_t c;
    assert_int_equal(zwh__api_parse_capabilities(res, 40, &c), 0);
    assert_int_equal(c.app_version, 1);
    assert_int_equal(c.manufacturer_id, 0xFFFF);
    assert_int_equal(c.product_id, 0xFFFE);
    assert_int_equal(c.functions[0], 0x02);
    assert_int_equal(zwh__api_parse_capabilities(res, 39, &c), ZWH_EBADMSG);
}

static void version_and_memory_id_observed(void **state)
{
    (void)state;
    const uint8_t ver[] = {'Z', '-', 'W', 'a', 'v', 'e', ' ', '7', '.', '1', '7', '.', '9', '9', 0x00, 0x01};
    zwh__api_version_t v;
    assert_int_equal(zwh__api_parse_version(ver, sizeof ver, &v), 0);
    assert_string_equal(v.library, "Z-Wave 7.17.99");
    assert_int_equal(v.library_type, 1);
    assert_int_equal(zwh__api_parse_version(ver, sizeof ver - 1, &v), ZWH_EBADMSG);
    assert_int_equal(zwh__api_parse_version(ver, 5, &v), ZWH_EBADMSG);

    const uint8_t id[] = {0x7E, 0x57, 0x00, 0x01, 0x01};
    uint32_t home;
    uint16_t nid;
    zwh__api_t api = {.nodeid16 = false};
    assert_int_equal(zwh__api_parse_memory_id(id, 5, &api, &home, &nid), 0);
    assert_int_equal(home, 0x7E570001u);
    assert_int_equal(nid, 1);
    api.nodeid16 = true;
    assert_int_equal(zwh__api_parse_memory_id(id, 5, &api, &home, &nid), ZWH_EBADMSG);
    const uint8_t id16[] = {0x7E, 0x57, 0x00, 0x01, 0x00, 0x01};
    assert_int_equal(zwh__api_parse_memory_id(id16, 6, &api, &home, &nid), 0);
    assert_int_equal(nid, 1);
}

static void init_data_observed(void **state)
{
    (void)state;
    uint8_t res[34] = {0x09, 0x08, 0x1D, 0x01};
    res[32] = 0x07;
    res[33] = 0x00;
    zwh__api_init_data_t d;
    assert_int_equal(zwh__api_parse_init_data(res, sizeof res, &d), 0);
    assert_int_equal(d.api_version, 9);
    assert_int_equal(d.capabilities, 0x08); /* SIS */
    assert_true(zwh__api_mask_has(d.node_mask, 1));
    assert_false(zwh__api_mask_has(d.node_mask, 2));
    assert_int_equal(d.chip_type, 7);
    assert_int_equal(zwh__api_parse_init_data(res, 20, &d), ZWH_EBADMSG);
}

static void node_protocol_info_observed(void **state)
{
    (void)state;
    const uint8_t res[] = {0xDB, 0x9C, 0x01, 0x04, 0x10, 0x01};
    zwh__api_node_protocol_t n;
    assert_int_equal(zwh__api_parse_node_protocol(res, sizeof res, &n), 0);
    assert_true(n.listening);
    assert_true(n.routing);
    assert_true(n.beaming);
    assert_true(n.routing_end_node);
    assert_true(n.specific_valid);
    assert_false(n.controller);
    assert_int_equal(n.flirs_ms, 0);
    assert_int_equal(n.max_speed, 100000);
    assert_int_equal(n.protocol_version, 4);
    assert_int_equal(n.generic, 0x10);
    assert_int_equal(n.specific, 0x01);
    assert_true(n.present);
    const uint8_t flirs[] = {0x53, 0x5C, 0x00, 0x04, 0x40, 0x03};
    assert_int_equal(zwh__api_parse_node_protocol(flirs, sizeof flirs, &n), 0);
    assert_false(n.listening);
    assert_int_equal(n.flirs_ms, 1000);
    assert_int_equal(zwh__api_parse_node_protocol(res, 5, &n), ZWH_EBADMSG);
}

static void started_and_tx_report_observed(void **state)
{
    (void)state;
    const uint8_t st[] = {0x07, 0x00, 0x01, 0x01, 0x00, 0x08, 0x5E, 0x98, 0x9F, 0x55, 0x6C, 0x56, 0x8F, 0x74, 0x00};
    zwh__api_started_t s;
    assert_int_equal(zwh__api_parse_started(st, sizeof st, &s), 0);
    assert_int_equal(s.wake_reason, 7); /* software reset */
    assert_true(s.listening);
    assert_false(s.long_range);
    assert_int_equal(zwh__api_parse_started(st, 10, &s), ZWH_EBADMSG);

    const uint8_t cb[] = {0x01, 0x00, 0x00, 0x02, 0x00, 0xC9, 0x7F, 0x7F, 0x7F, 0x7F, 0x00, 0x00, 0x01,
                          0x00, 0x00, 0x00, 0x00, 0x03, 0x01, 0x00, 0x00, 0x00, 0xA1, 0x00, 0x7F, 0x7F};
    uint8_t txs;
    zwh__api_tx_report_t rep;
    assert_int_equal(zwh__api_parse_send_data_cb(cb, sizeof cb, &txs, &rep), 0);
    assert_int_equal(txs, 0);
    assert_true(rep.present);
    assert_int_equal(rep.tx_ticks, 2);
    assert_int_equal(rep.ack_rssi, -55);
    assert_int_equal(rep.route_scheme, 1);
    assert_int_equal(rep.route_speed, 3);
    assert_int_equal(rep.routing_attempts, 1);
    assert_true(rep.has_power);
    assert_int_equal(rep.tx_power, 0);
    assert_int_equal(zwh__api_parse_send_data_cb(cb, 2, &txs, &rep), 0);
    assert_false(rep.present);
    assert_int_equal(zwh__api_parse_send_data_cb(cb, 1, &txs, &rep), ZWH_EBADMSG);
    assert_int_equal(zwh__api_tx_status(0x01), ZWH_ENODEACK);
    assert_int_equal(zwh__api_tx_status(0x02), ZWH_EJAMMED);
}

static void app_cmd_and_update_observed(void **state)
{
    (void)state;
    zwh__api_t api = {0};
    const uint8_t ach[] = {0x00, 0x02, 0x03, 0x25, 0x03, 0x00};
    zwh__api_app_cmd_t a;
    assert_int_equal(zwh__api_parse_app_cmd(ach, sizeof ach, &api, false, &a), 0);
    assert_int_equal(a.src, 2);
    assert_int_equal(a.cmd_len, 3);
    assert_int_equal(a.cmd[0], 0x25);
    assert_false(a.has_rssi);
    const uint8_t ach_rssi[] = {0x00, 0x02, 0x03, 0x25, 0x03, 0xFF, 0xC4};
    assert_int_equal(zwh__api_parse_app_cmd(ach_rssi, sizeof ach_rssi, &api, false, &a), 0);
    assert_true(a.has_rssi);
    assert_int_equal(a.rssi, -60);
    for (size_t n = 0; n < sizeof ach; n++)
        assert_int_equal(zwh__api_parse_app_cmd(ach, n, &api, false, &a), ZWH_EBADMSG);
    /* bridge: rxStatus dst src len cmd maskLen mask rssi */
    const uint8_t br[] = {0x00, 0x01, 0x05, 0x02, 0x20, 0x02, 0x00, 0xB0};
    assert_int_equal(zwh__api_parse_app_cmd(br, sizeof br, &api, true, &a), 0);
    assert_int_equal(a.dst, 1);
    assert_int_equal(a.src, 5);
    assert_true(a.has_rssi);
    assert_int_equal(a.rssi, -80);

    const uint8_t upd[] = {0x84, 0x02, 0x0C, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x32, 0x70, 0x71, 0x86, 0x72, 0x85, 0x6C};
    zwh__api_update_t u;
    assert_int_equal(zwh__api_parse_update(upd, sizeof upd, &api, &u), 0);
    assert_int_equal(u.node_id, 2);
    assert_int_equal(u.generic, 0x10);
    assert_int_equal(u.ccs_len, 9);
    assert_int_equal(u.ccs[8], 0x6C);
    assert_int_equal(zwh__api_parse_update(upd, sizeof upd - 1, &api, &u), ZWH_EBADMSG);
}

static void request_payloads(void **state)
{
    (void)state;
    zwh__api_t api = {0};
    zwh__request_t req;
    const uint8_t get[] = {0x25, 0x02};
    assert_int_equal(zwh__api_req_send_data(&req, &api, 2, get, 2, ZWH__TXO_DEFAULT, noop, NULL), 0);
    const uint8_t want[] = {0x02, 0x02, 0x25, 0x02, 0x25, 0x00};
    assert_int_equal(req.len, sizeof want);
    assert_memory_equal(req.payload, want, sizeof want);
    assert_int_equal(req.cb_id_index, 5);
    assert_int_equal(zwh__api_req_send_data(&req, &api, 0, get, 2, 0x25, noop, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__api_req_send_data(&req, &api, 233, get, 2, 0x25, noop, NULL), ZWH_EINVAL);
    api.nodeid16 = true;
    assert_int_equal(zwh__api_req_send_data(&req, &api, 300, get, 2, 0x25, noop, NULL), 0);
    assert_int_equal(req.payload[0], 0x01);
    assert_int_equal(req.payload[1], 0x2C);
    api.nodeid16 = false;
    const uint16_t nids[] = {2, 3};
    assert_int_equal(zwh__api_req_send_data_multicast(&req, &api, nids, 2, get, 2, 0x25, noop, NULL), 0);
    const uint8_t mc[] = {0x02, 0x02, 0x03, 0x02, 0x25, 0x02, 0x25, 0x00};
    assert_memory_equal(req.payload, mc, sizeof mc);
    assert_int_equal(zwh__api_req_assign_return_route(&req, &api, 5, 1, noop, NULL), 0);
    const uint8_t arr[] = {0x05, 0x01, 0x00};
    assert_memory_equal(req.payload, arr, 3);
    assert_int_equal(zwh__api_req_assign_return_route(&req, &api, 5, 5, noop, NULL), ZWH_EINVAL);
    const uint8_t on[] = {0xFF};
    assert_int_equal(zwh__api_req_setup(&req, ZWH__SETUP_TX_STATUS_REPORT, on, 1, noop, NULL), 0);
    assert_int_equal(req.payload[0], 0x02);
    assert_int_equal(req.payload[1], 0xFF);
    assert_int_equal(zwh__api_req_add_node(&req, 0xC1, NULL, noop, NULL), 0);
    assert_int_equal(req.payload[0], 0xC1);
    assert_int_equal(req.cb_id_index, 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(capabilities_observed),
        cmocka_unit_test(version_and_memory_id_observed),
        cmocka_unit_test(init_data_observed),
        cmocka_unit_test(node_protocol_info_observed),
        cmocka_unit_test(started_and_tx_report_observed),
        cmocka_unit_test(app_cmd_and_update_observed),
        cmocka_unit_test(request_payloads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
