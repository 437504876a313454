/* The send pipeline against zwh-sim's plain switches: supervised Sets (the
 * switch twin lists Supervision), Gets completed by their report, unknown and
 * dead nodes failing fast, a sleeping node's command waiting for its wake-up,
 * cancellation, and close with work still queued. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "host_fixture.h"

static const uint8_t SET_ON[] = {0x25, 0x01, 0xFF};
static const uint8_t SET_OFF[] = {0x25, 0x01, 0x00};
static const uint8_t GET[] = {0x25, 0x02};

static void get_opts(zwh_send_opts_t *o)
{
    zwh_send_opts_init(o);
    o->expect_cc = 0x25;
    o->expect_cmd = 0x03;
}

static void set_is_supervised_and_get_returns_report(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "switch:2,switch:3", NULL};
    assert_int_equal(hf_start(&f, args, NULL), 0);
    /* the host asks every node for its NIF after start-up: that is how it learns Supervision */
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_INFO, 2, 0, 3000) >= 0);
    hf_result_t r;
    assert_int_equal(hf_send(&f, 2, SET_ON, sizeof SET_ON, NULL, &r, 5000), 0);
    assert_int_equal(r.sup_status, 0xFF); /* Supervision Report SUCCESS */
    zwh_send_opts_t o;
    get_opts(&o);
    assert_int_equal(hf_send(&f, 2, GET, sizeof GET, &o, &r, 5000), 0);
    const uint8_t on[] = {0x25, 0x03, 0xFF};
    assert_int_equal(r.report_len, sizeof on);
    assert_memory_equal(r.report, on, sizeof on);
    assert_int_equal(r.secclass, ZWH_SECCLASS_NONE);
    /* the same value again is a COMMAND but not a VALUE change */
    assert_int_equal(hf_send(&f, 2, GET, sizeof GET, &o, &r, 5000), 0);
    size_t values = 0, commands = hf_count_commands(&f, 2, on, 2);
    for (size_t i = 0; i < f.nevents; i++)
        if (f.events[i].type == ZWH_EVENT_VALUE && f.events[i].node == 2)
            values++;
    assert_int_equal(commands, 2);
    assert_int_equal(values, 1);
    /* unsupervised on request */
    zwh_send_opts_init(&o);
    o.flags = ZWH_SEND_NO_SUPERVISION;
    assert_int_equal(hf_send(&f, 2, SET_OFF, sizeof SET_OFF, &o, &r, 5000), 0);
    assert_int_equal(r.sup_status, -1);
    get_opts(&o);
    assert_int_equal(hf_send(&f, 2, GET, sizeof GET, &o, &r, 5000), 0);
    assert_int_equal(r.report[2], 0x00);
    assert_true(hf_wait_event(&f, ZWH_EVENT_VALUE, 2, f.nevents - 2, 0) >= 0); /* on -> off is a change */
    /* node 3 is untouched */
    assert_int_equal(hf_send(&f, 3, GET, sizeof GET, &o, &r, 5000), 0);
    assert_int_equal(r.report[2], 0x00);
    /* a reserved value is refused by the device: Supervision FAIL */
    const uint8_t bad[] = {0x25, 0x01, 0x80};
    assert_int_equal(hf_send(&f, 2, bad, sizeof bad, NULL, &r, 5000), ZWH_ESUPERVISION_FAIL);
    /* a command the device does not know: NO_SUPPORT */
    zwh_send_opts_init(&o);
    o.flags = ZWH_SEND_SUPERVISE;
    const uint8_t color[] = {0x33, 0x01, 0x00};
    assert_int_equal(hf_send(&f, 2, color, sizeof color, &o, &r, 5000), ZWH_ESUPERVISION_NOSUP);
    hf_stop(&f);
}

static void unknown_and_dead_nodes_fail_fast(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "switch:2,switch:4:dead", NULL};
    assert_int_equal(hf_start(&f, args, NULL), 0);
    hf_result_t r;
    assert_int_equal(zwh_host_send(f.host, 9, GET, sizeof GET, NULL, NULL, NULL, NULL), ZWH_ENONODE);
    assert_int_equal(zwh_host_send(f.host, 2, GET, 0, NULL, NULL, NULL, NULL), ZWH_EINVAL);
    zwh_send_opts_t o;
    get_opts(&o);
    assert_int_equal(hf_send(&f, 4, GET, sizeof GET, &o, &r, 8000), ZWH_ENODEACK);
    assert_true(hf_wait_event(&f, ZWH_EVENT_NODE_DEAD, 4, 0, 100) >= 0);
    assert_int_equal(zwh_host_send(f.host, 4, GET, sizeof GET, &o, NULL, NULL, NULL), ZWH_ENODEDEAD);
    /* a ping (No Operation) still goes out to a dead node */
    const uint8_t nop[] = {0x00};
    assert_int_equal(hf_send(&f, 4, nop, sizeof nop, NULL, &r, 8000), ZWH_ENODEACK);
    /* the live node is not affected */
    assert_int_equal(hf_send(&f, 2, GET, sizeof GET, &o, &r, 5000), 0);
    hf_stop(&f);
}

static void sleeping_node_gets_its_command_at_wake_up(void **state)
{
    (void)state;
    hf_t f;
    /* wakes every 60 s of device time = 0.6 s at time scale 100 */
    const char *args[] = {"--devices", "switch:2,switch:5:sleep=60", "--time-scale", "100", NULL};
    assert_int_equal(hf_start(&f, args, NULL), 0);
    zwh_node_info_t ni;
    assert_int_equal(zwh_host_get_node_info(f.host, 5, &ni), 0);
    assert_int_equal(ni.sleeping, 1);
    hf_result_t r;
    zwh_send_opts_t o;
    get_opts(&o);
    size_t before = f.nevents;
    assert_int_equal(hf_send(&f, 5, GET, sizeof GET, &o, &r, 5000), 0);
    int wake = hf_wait_event(&f, ZWH_EVENT_WAKE_UP, 5, before, 0);
    assert_true(wake >= 0); /* the Get completed only after the wake-up */
    assert_int_equal(r.report[0], 0x25);
    /* queued Set and Get go out together at the next wake-up */
    hf_result_t r1, r2;
    memset(&r1, 0, sizeof r1);
    memset(&r2, 0, sizeof r2);
    zwh_send_opts_t so;
    zwh_send_opts_init(&so);
    so.flags = ZWH_SEND_NO_SUPERVISION;
    hf_result_t *rs[2] = {&r1, &r2};
    (void)rs;
    assert_int_equal(hf_send(&f, 5, SET_ON, sizeof SET_ON, &so, &r1, 5000), 0);
    assert_int_equal(hf_send(&f, 5, GET, sizeof GET, &o, &r2, 5000), 0);
    assert_int_equal(r2.report[2], 0xFF);
    hf_stop(&f);
}

static void on_cancel_result(zwh_host_t *h, const zwh_result_t *r, void *user)
{
    (void)h;
    if (zwh_result_is_final(r))
        *(int *)user = zwh_result_get_status(r);
}

static void cancel_and_close_complete_everything(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--devices", "switch:2,switch:6:sleep=3600", NULL};
    assert_int_equal(hf_start(&f, args, NULL), 0);
    int st1 = 1, st2 = 1, st3 = 1;
    uint32_t id = 0;
    assert_int_equal(zwh_host_send(f.host, 6, GET, sizeof GET, NULL, on_cancel_result, &st1, &id), 0);
    assert_int_equal(zwh_host_cancel(f.host, id), 0);
    assert_int_equal(st1, ZWH_ECANCELED);
    assert_int_equal(zwh_host_cancel(f.host, id), ZWH_ENOENT);
    /* still queued (the node sleeps for an hour) when the host closes */
    assert_int_equal(zwh_host_send(f.host, 6, GET, sizeof GET, NULL, on_cancel_result, &st2, NULL), 0);
    assert_int_equal(zwh_host_send(f.host, 6, SET_ON, sizeof SET_ON, NULL, on_cancel_result, &st3, NULL), 0);
    hf_run_for(&f, 100);
    assert_int_equal(st2, 1); /* not completed: waiting for the wake-up */
    hf_stop(&f);
    assert_int_equal(st2, ZWH_ECANCELED);
    assert_int_equal(st3, ZWH_ECANCELED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_is_supervised_and_get_returns_report),
        cmocka_unit_test(unknown_and_dead_nodes_fail_fast),
        cmocka_unit_test(sleeping_node_gets_its_command_at_wake_up),
        cmocka_unit_test(cancel_and_close_complete_everything),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
