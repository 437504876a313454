/* Pre-included secure twins (zwh-sim --keys) against a host without a state
 * file: the security probe learns each node's class (the strongest key it
 * answers under), then a multicast Binary Switch Set to two S2 plugs goes out
 * as one S2 multicast plus singlecast follow-ups and both plugs report the new
 * value; a plaintext plug mixed in gets the command too. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "host_fixture.h"
#include "test_keys.h"

static char keys_path[64];

static int setup(void **state)
{
    (void)state;
    return test_keys_write(keys_path, sizeof keys_path, "mcast");
}

static int teardown(void **state)
{
    (void)state;
    unlink(keys_path);
    return 0;
}

typedef struct probe_res {
    bool done;
    int status;
    uint32_t granted;
} probe_res_t;

static void on_probe(zwh_host_t *h, int status, uint16_t node, uint32_t granted, void *user)
{
    (void)h;
    (void)node;
    probe_res_t *r = user;
    r->done = true;
    r->status = status;
    r->granted = granted;
}

static uint32_t probe(hf_t *f, uint16_t node, uint32_t attempt_ms)
{
    probe_res_t r = {0};
    assert_int_equal(zwh_host_probe_security(f->host, node, attempt_ms, on_probe, &r), 0);
    assert_true(hf_run_until(f, &r.done, 20000));
    assert_int_equal(r.status, 0);
    uint32_t g = 0;
    assert_int_equal(zwh_host_get_node_granted(f->host, node, &g), 0);
    assert_int_equal(g, r.granted);
    return r.granted;
}

typedef struct mc_res {
    int status[8];
    int calls;
    bool done;
} mc_res_t;

static void on_mc(zwh_host_t *h, uint16_t node, int status, size_t remaining, void *user)
{
    (void)h;
    mc_res_t *r = user;
    r->status[node & 7] = status;
    r->calls++;
    r->done = remaining == 0;
}

static int get_switch(hf_t *f, uint16_t node, hf_result_t *r)
{
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x25;
    o.expect_cmd = 0x03;
    const uint8_t get[] = {0x25, 0x02};
    return hf_send(f, node, get, sizeof get, &o, r, 8000);
}

static void probe_learns_classes_of_pre_included_nodes(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "s2switch:2,lock:3,s0switch:4,switch:5", "--keys", keys_path,
                          "--time-scale", "10", NULL};
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    uint32_t g = 0xFF;
    assert_int_equal(zwh_host_get_node_granted(f.host, 2, &g), 0);
    assert_int_equal(g, 0); /* nothing known without a state file */
    for (uint16_t n = 2; n <= 5; n++)
        assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_INFO, n, 0, 8000) >= 0);
    /* attempts share the stick with the FLiRS lock's interview (a beam per frame) */
    /* s2switch holds Unauthenticated and Authenticated: the strongest answers */
    assert_int_equal(probe(&f, 2, 4000), 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    /* the FLiRS lock: every frame needs a wake-up beam */
    assert_int_equal(probe(&f, 3, 6000), 1u << ZWH_SECCLASS_S2_ACCESS_CONTROL);
    assert_int_equal(probe(&f, 4, 4000), 1u << ZWH_SECCLASS_S0);
    /* a plain switch lists neither security class (once its NIF is known) */
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_INFO, 5, 0, 5000) >= 0);
    probe_res_t r = {0};
    assert_int_equal(zwh_host_probe_security(f.host, 5, 0, on_probe, &r), ZWH_ENOTSUP);
    /* the learnt classes work: a secure-only Binary Switch Get under S2 and S0 */
    hf_result_t res;
    assert_int_equal(get_switch(&f, 2, &res), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(get_switch(&f, 4, &res), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_S0);
    hf_stop(&f);
}

static void probe_of_a_plaintext_node_grants_nothing(void **state)
{
    (void)state;
    hf_t f;
    /* no --keys for the sim: its s2switch is pre-included non-securely */
    const char *args[] = {"--devices", "s2switch:2", NULL};
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    probe_res_t r = {0};
    assert_int_equal(zwh_host_probe_security(f.host, 2, 800, on_probe, &r), 0);
    assert_true(hf_run_until(&f, &r.done, 20000));
    assert_int_equal(r.status, 0);
    assert_int_equal(r.granted, 0);
    hf_result_t res;
    assert_int_equal(get_switch(&f, 2, &res), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_NONE);
    hf_stop(&f);
}

static void multicast_set_reaches_two_s2_plugs(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "s2switch:2,s2switch:3,switch:4,switch:5", "--keys", keys_path, NULL};
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    assert_int_equal(probe(&f, 2, 1500), 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(probe(&f, 3, 1500), 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    const uint16_t ids[] = {2, 3};
    const uint8_t on[] = {0x25, 0x01, 0xFF};
    mc_res_t m;
    memset(&m, 0, sizeof m);
    m.status[2] = m.status[3] = 1;
    assert_int_equal(zwh_host_send_multicast(f.host, ids, 2, on, sizeof on, NULL, on_mc, &m), 0);
    assert_int_equal(m.calls, 0); /* never from inside the call */
    assert_true(hf_run_until(&f, &m.done, 10000));
    assert_int_equal(m.calls, 2);
    assert_int_equal(m.status[2], 0);
    assert_int_equal(m.status[3], 0);
    hf_result_t res;
    for (uint16_t n = 2; n <= 3; n++) {
        assert_int_equal(get_switch(&f, n, &res), 0);
        assert_int_equal(res.report[2], 0xFF);
        assert_int_equal(res.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);
    }
    /* a second round with the same group: off */
    const uint8_t off[] = {0x25, 0x01, 0x00};
    memset(&m, 0, sizeof m);
    assert_int_equal(zwh_host_send_multicast(f.host, ids, 2, off, sizeof off, NULL, on_mc, &m), 0);
    assert_true(hf_run_until(&f, &m.done, 10000));
    assert_int_equal(m.status[2], 0);
    assert_int_equal(m.status[3], 0);
    for (uint16_t n = 2; n <= 3; n++) {
        assert_int_equal(get_switch(&f, n, &res), 0);
        assert_int_equal(res.report[2], 0x00);
    }
    /* plaintext plugs: one plain multicast */
    const uint16_t plain[] = {4, 5};
    memset(&m, 0, sizeof m);
    assert_int_equal(zwh_host_send_multicast(f.host, plain, 2, on, sizeof on, NULL, on_mc, &m), 0);
    assert_true(hf_run_until(&f, &m.done, 10000));
    for (uint16_t n = 4; n <= 5; n++) {
        assert_int_equal(m.status[n], 0);
        assert_int_equal(get_switch(&f, n, &res), 0);
        assert_int_equal(res.report[2], 0xFF);
        assert_int_equal(res.secclass, ZWH_SECCLASS_NONE);
    }
    /* bad arguments */
    const uint16_t dup[] = {2, 2};
    assert_int_equal(zwh_host_send_multicast(f.host, dup, 2, on, sizeof on, NULL, NULL, NULL), ZWH_EINVAL);
    const uint16_t unknown[] = {2, 9};
    assert_int_equal(zwh_host_send_multicast(f.host, unknown, 2, on, sizeof on, NULL, NULL, NULL), ZWH_ENONODE);
    assert_int_equal(zwh_host_send_multicast(f.host, ids, 1, on, sizeof on, NULL, NULL, NULL), ZWH_EINVAL);
    hf_stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(probe_learns_classes_of_pre_included_nodes),
        cmocka_unit_test(probe_of_a_plaintext_node_grants_nothing),
        cmocka_unit_test(multicast_set_reaches_two_s2_plugs),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
