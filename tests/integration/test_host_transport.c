/* Transport Service through the host against zwh-sim's n4003 twin (S2
 * Authenticated, pre-included with --keys, its grant learnt by the security
 * probe): a Configuration Info Report longer than one frame arrives in
 * segments and reaches the caller as one whole command; a 150-byte command to
 * the node whose second segment is lost on air (--lose-segment-count) is
 * recovered by the node's Segment Request and answered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "host_fixture.h"
#include "test_keys.h"

#define PLUG 2

static char keys_path[64];

static int setup(void **state)
{
    (void)state;
    return test_keys_write(keys_path, sizeof keys_path, "ts");
}

static int teardown(void **state)
{
    (void)state;
    unlink(keys_path);
    return 0;
}

static void on_probe(zwh_host_t *h, int status, uint16_t node, uint32_t granted, void *user)
{
    (void)h;
    (void)node;
    (void)granted;
    *(int *)user = status;
}

static void start(hf_t *f, const char *fault)
{
    const char *args[] = {"--devices", "n4003:2", "--keys", keys_path, fault ? fault : NULL, fault ? "1" : NULL,
                          NULL};
    assert_int_equal(hf_start(f, args, keys_path), 0);
    assert_true(hf_wait_event(f, ZWH_EVENT_NODE_INFO, PLUG, 0, 8000) >= 0);
    int st = 1;
    assert_int_equal(zwh_host_probe_security(f->host, PLUG, 3000, on_probe, &st), 0);
    for (int i = 0; i < 300 && st == 1; i++)
        hf_run_for(f, 50);
    assert_int_equal(st, 0);
    uint32_t g = 0;
    assert_int_equal(zwh_host_get_node_granted(f->host, PLUG, &g), 0);
    assert_int_equal(g, 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
}

static void config_info_arrives_whole(void **state)
{
    (void)state;
    hf_t f;
    start(&f, NULL);
    /* seed 002, parameter 7's description: the first of two Info Reports
     * carries 64 text bytes, more than a 46-byte frame holds under S2 */
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x70;
    o.expect_cmd = 0x0D;
    o.timeout_ms = 10000;
    const uint8_t get[] = {0x70, 0x0C, 0x00, 0x07};
    hf_result_t r;
    assert_int_equal(hf_send(&f, PLUG, get, sizeof get, &o, &r, 15000), 0);
    assert_int_equal(r.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);
    const char *text = "Determines minimum change in current (A) that will result in sending new power report. ";
    assert_int_equal(r.report_len, 5 + 64);
    const uint8_t head[] = {0x70, 0x0D, 0x00, 0x07, 0x01}; /* one report to follow */
    assert_memory_equal(r.report, head, sizeof head);
    assert_memory_equal(r.report + 5, text, 64);
    /* the second report arrives as a command event too, whole */
    const uint8_t second[] = {0x70, 0x0D, 0x00, 0x07, 0x00};
    for (int i = 0; i < 100 && !hf_count_commands(&f, PLUG, second, sizeof second); i++)
        hf_run_for(&f, 50);
    assert_int_equal(hf_count_commands(&f, PLUG, second, sizeof second), 1);
    hf_stop(&f);
}

static void long_frame_with_a_lost_segment_is_recovered(void **state)
{
    (void)state;
    hf_t f;
    start(&f, "--lose-segment-count");
    /* a 150-byte Configuration Get (parameter 7; receivers ignore the extra
     * bytes of a newer version) goes out in Transport Service segments; the
     * second segment is lost, the node asks for it again and answers */
    uint8_t get[150];
    memset(get, 0, sizeof get);
    get[0] = 0x70;
    get[1] = 0x05;
    get[2] = 7;
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x70;
    o.expect_cmd = 0x06;
    o.match_index = 2;
    o.match_value = 7;
    o.timeout_ms = 15000;
    hf_result_t r;
    assert_int_equal(hf_send(&f, PLUG, get, sizeof get, &o, &r, 20000), 0);
    assert_int_equal(r.report[0], 0x70);
    assert_int_equal(r.report[2], 7);
    hf_stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(config_info_arrives_whole),
        cmocka_unit_test(long_frame_with_a_lost_segment_is_recovered),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
