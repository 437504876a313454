/* Inclusion, exclusion and failed-node removal through the host against
 * zwh-sim's pending devices: the S2 door lock bootstrapped with the PIN of its
 * DSK line (granted Access Control, then a supervised lock under S2), a wrong
 * PIN ending in KEX Fail with the node added non-securely, the S0 plug
 * bootstrapped under S0, exclusion, removal of a failed node, and the state
 * file carrying granted classes across a host restart (no re-bootstrap). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "host_fixture.h"

typedef struct incl_result {
    bool done;
    int status;
    uint16_t node;
    uint32_t granted;
    int kex_fail;
} incl_result_t;

static void on_included(zwh_host_t *h, int status, uint16_t node, uint32_t granted, int kex_fail, void *user)
{
    (void)h;
    incl_result_t *r = user;
    r->done = true;
    r->status = status;
    r->node = node;
    r->granted = granted;
    r->kex_fail = kex_fail;
}

typedef struct rm_result {
    bool done;
    int status;
    uint16_t node;
} rm_result_t;

static void on_removed(zwh_host_t *h, int status, uint16_t node, void *user)
{
    (void)h;
    rm_result_t *r = user;
    r->done = true;
    r->status = status;
    r->node = node;
}

static char keys_path[64], state_path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(keys_path, sizeof keys_path, "/tmp/zwh-incl-keys-%d.txt", (int)getpid());
    snprintf(state_path, sizeof state_path, "/tmp/zwh-incl-state-%d.bin", (int)getpid());
    FILE *f = fopen(keys_path, "w");
    if (!f)
        return -1;
    /* test keys (test data only) */
    fputs("S0 0102030405060708090A0B0C0D0E0F10\n"
          "S2_Unauthenticated 1112131415161718191A1B1C1D1E1F20\n"
          "S2_Authenticated 2122232425262728292A2B2C2D2E2F30\n"
          "S2_AccessControl 3132333435363738393A3B3C3D3E3F40\n",
          f);
    fclose(f);
    chmod(keys_path, 0600);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(keys_path);
    unlink(state_path);
    return 0;
}

/* Reads the sim's "DSK <type> <dsk>" line and returns the PIN. */
static uint16_t read_pin(hf_t *f, const char *type)
{
    char line[256];
    assert_int_equal(sim_proc_read_line(&f->sim, line, sizeof line, 3000), 0);
    char want[32];
    snprintf(want, sizeof want, "DSK %s ", type);
    assert_int_equal(strncmp(line, want, strlen(want)), 0);
    uint8_t dsk[16];
    uint16_t pin = 0;
    assert_int_equal(zwh_dsk_parse(line + strlen(want), dsk, NULL), 0);
    assert_int_equal(zwh_dsk_pin_get(dsk, &pin), 0);
    return pin;
}

static void include(hf_t *f, uint16_t pin, incl_result_t *r)
{
    zwh_include_opts_t o;
    zwh_include_opts_init(&o);
    o.auto_grant = 1;
    o.has_pin = 1;
    o.pin = pin;
    memset(r, 0, sizeof *r);
    assert_int_equal(zwh_host_include(f->host, &o, on_included, r), 0);
    assert_int_equal(zwh_host_include(f->host, &o, on_included, r), ZWH_EBUSY);
    assert_true(hf_run_until(f, &r->done, 60000));
}

static void s2_lock_with_pin_then_restart_from_state(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "switch:2", "--pending", "lock", "--keys", keys_path, "--time-scale", "10", NULL};
    memset(&f, 0, sizeof f);
    unlink(state_path);
    assert_int_equal(hf_start(&f, args, NULL), 0);
    uint16_t pin = read_pin(&f, "lock");
    hf_stop_host(&f);
    /* a host with keys and a state file */
    assert_int_equal(hf_start_host_with(&f, keys_path, state_path), 0);
    incl_result_t r;
    include(&f, pin, &r);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.node, 3);
    assert_true(r.granted & (1u << ZWH_SECCLASS_S2_ACCESS_CONTROL));
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_ADDED, 3, 0, 100) >= 0);
    /* supervised unlock under S2 Access Control (the twin starts secured): WORKING then SUCCESS */
    const uint8_t unlock[] = {0x62, 0x01, 0x00};
    hf_result_t res;
    assert_int_equal(hf_send(&f, 3, unlock, sizeof unlock, NULL, &res, 30000), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_S2_ACCESS_CONTROL);
    assert_int_equal(res.sup_status, 0xFF);
    assert_true(res.progress_calls >= 1); /* the WORKING report */
    /* the interview completes (lock facts: Door Lock, User Code) before the restart */
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_READY, 3, 0, 120000) >= 0);
    /* restart: the state file restores the grant, no bootstrap needed */
    hf_stop_host(&f);
    struct stat st;
    assert_int_equal(stat(state_path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    assert_int_equal(hf_start_host_with(&f, keys_path, state_path), 0);
    uint32_t granted = 0;
    assert_int_equal(zwh_host_get_node_granted(f.host, 3, &granted), 0);
    assert_true(granted & (1u << ZWH_SECCLASS_S2_ACCESS_CONTROL));
    /* the interview finished before the restart: its results were loaded, not redone */
    assert_int_equal(zwh_host_get_interview_state(f.host, 3), ZWH_INTERVIEW_COMPLETE);
    assert_int_equal(hf_wait_event(&f, ZWH_EVENT_INTERVIEW, 3, 0, 0), -1);
    uint16_t users = 0;
    assert_int_equal(zwh_host_get_user_count(f.host, 3, &users), 0);
    assert_true(users > 0);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x62;
    o.expect_cmd = 0x03;
    const uint8_t get[] = {0x62, 0x02};
    assert_int_equal(hf_send(&f, 3, get, sizeof get, &o, &res, 30000), 0);
    assert_int_equal(res.report[2], 0x00); /* still unsecured */
    hf_stop(&f);
}

static void wrong_pin_fails_bootstrap_node_stays_non_secure(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--pending", "lock", "--keys", keys_path, "--time-scale", "10", NULL};
    memset(&f, 0, sizeof f);
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    uint16_t pin = read_pin(&f, "lock");
    incl_result_t r;
    include(&f, (uint16_t)(pin ^ 0x5A5A), &r);
    assert_int_equal(r.status, ZWH_EKEX_FAIL);
    assert_true(r.node >= 2);
    assert_int_equal(r.granted, 0);
    uint32_t granted = 1;
    assert_int_equal(zwh_host_get_node_granted(f.host, r.node, &granted), 0);
    assert_int_equal(granted, 0);
    hf_stop(&f);
}

static void s0_plug_then_exclude_and_remove_failed(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "switch:2,switch:4:dead", "--pending", "hkzw_so03", "--keys", keys_path, NULL};
    memset(&f, 0, sizeof f);
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    incl_result_t r;
    include(&f, 0, &r);
    assert_int_equal(r.status, 0);
    assert_int_equal(r.granted, 1u << ZWH_SECCLASS_S0);
    uint16_t plug = r.node;
    /* the interview learns the plug's S0 command list; then Binary Switch goes under S0 */
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_READY, plug, 0, 60000) >= 0);
    assert_int_equal(zwh_host_get_interview_state(f.host, plug), ZWH_INTERVIEW_COMPLETE);
    uint16_t mfr = 0, ptype = 0, pid = 0;
    assert_int_equal(zwh_host_get_manufacturer(f.host, plug, &mfr, &ptype, &pid), 0);
    assert_int_equal(mfr, 0x0208); /* Hank */
    assert_int_equal(zwh_host_get_cc_version(f.host, plug, 0x25), 1);
    assert_int_equal(zwh_host_node_supports(f.host, plug, 0, 0x2B), 1); /* Scene Activation */
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x25;
    o.expect_cmd = 0x03;
    const uint8_t get[] = {0x25, 0x02};
    hf_result_t res;
    assert_int_equal(hf_send(&f, plug, get, sizeof get, &o, &res, 10000), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_S0);
    /* exclusion: the sim's chosen node leaves */
    char line[32];
    snprintf(line, sizeof line, "exclude %u", plug);
    assert_int_equal(sim_proc_stdin(&f.sim, line), 0);
    rm_result_t rm = {0};
    assert_int_equal(zwh_host_exclude(f.host, 10000, on_removed, &rm), 0);
    assert_true(hf_run_until(&f, &rm.done, 15000));
    assert_int_equal(rm.status, 0);
    assert_int_equal(rm.node, plug);
    zwh_node_info_t ni;
    assert_int_equal(zwh_host_get_node_info(f.host, plug, &ni), ZWH_ENONODE);
    /* node 4 never answers: after a failed send the stick lists it failed */
    const uint8_t nop[] = {0x00};
    assert_int_equal(hf_send(&f, 4, nop, sizeof nop, NULL, &res, 10000), ZWH_ENODEACK);
    memset(&rm, 0, sizeof rm);
    assert_int_equal(zwh_host_remove_failed(f.host, 4, on_removed, &rm), 0);
    assert_true(hf_run_until(&f, &rm.done, 15000));
    assert_int_equal(rm.status, 0);
    assert_int_equal(zwh_host_get_node_info(f.host, 4, &ni), ZWH_ENONODE);
    /* a live node is not removed */
    memset(&rm, 0, sizeof rm);
    assert_int_equal(zwh_host_remove_failed(f.host, 2, on_removed, &rm), 0);
    assert_true(hf_run_until(&f, &rm.done, 15000));
    assert_int_equal(rm.status, ZWH_EREJECTED);
    assert_int_equal(zwh_host_get_node_info(f.host, 2, &ni), 0);
    hf_stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(s2_lock_with_pin_then_restart_from_state),
        cmocka_unit_test(wrong_pin_fails_bootstrap_node_stays_non_secure),
        cmocka_unit_test(s0_plug_then_exclude_and_remove_failed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
