/* The host against zwh-sim on a real uv loop: start-up facts, two hosts in one
 * process on two sims, reconnection and a second start-up after the sim drops
 * the connection, the convenience private loop, and a clean close (every
 * callback counted, the loop ends with no handles left). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <uv.h>

#include "zwhost/zwhost.h"
#include "sim_client.h"

struct probe {
    int ready, errors, disconnected, connected, closed;
    int close_after_ready;     /* close once this many READY events have arrived */
    zwh_controller_info_t info;
    size_t nodes;
};

static void on_event(zwh_host_t *h, const zwh_event_t *ev, void *user)
{
    struct probe *p = user;
    switch (zwh_event_get_type(ev)) {
    case ZWH_EVENT_READY:
        p->ready++;
        zwh_host_get_controller_info(h, &p->info);
        zwh_host_get_node_ids(h, NULL, 0, &p->nodes);
        if (p->ready >= p->close_after_ready)
            zwh_host_close(h, NULL, NULL);
        break;
    case ZWH_EVENT_ERROR: p->errors++; break;
    case ZWH_EVENT_DISCONNECTED: p->disconnected++; break;
    case ZWH_EVENT_CONNECTED: p->connected++; break;
    default: break;
    }
}

static void on_closed(zwh_host_t *h, void *user)
{
    (void)h;
    ((struct probe *)user)->closed++;
}

static void on_timeout(uv_timer_t *t)
{
    zwh_host_t **hosts = t->data;
    for (int i = 0; hosts[i]; i++)
        zwh_host_close(hosts[i], NULL, NULL);
    fail_msg("test did not finish within its deadline");
}

static zwh_host_t *make_host(uv_loop_t *loop, const char *url, struct probe *p)
{
    zwh_host_t *h = NULL;
    assert_int_equal(zwh_host_new(loop, &h), 0);
    assert_int_equal(zwh_host_set_port(h, url), 0);
    assert_int_equal(zwh_host_set_event_cb(h, on_event, p), 0);
    assert_int_equal(zwh_host_set_reconnect(h, 50, 200), 0);
    return h;
}

static void two_hosts_in_one_process(void **state)
{
    (void)state;
    sim_proc_t a, b;
    const char *aa[] = {"--listen", "tcp://127.0.0.1:0", "--devices", "switch:2", "--home-id", "0xaaaa0001", NULL};
    const char *ba[] = {"--listen", "tcp://127.0.0.1:0", "--devices", "switch:2,switch:3,switch:4", "--home-id",
                        "0xbbbb0002", NULL};
    assert_int_equal(sim_proc_start(&a, aa), 0);
    assert_int_equal(sim_proc_start(&b, ba), 0);
    uv_loop_t loop;
    uv_loop_init(&loop);
    struct probe pa = {.close_after_ready = 1}, pb = {.close_after_ready = 1};
    zwh_host_t *ha = make_host(&loop, a.url, &pa);
    zwh_host_t *hb = make_host(&loop, b.url, &pb);
    assert_int_equal(zwh_host_start(ha), 0);
    assert_int_equal(zwh_host_start(hb), 0);
    assert_int_equal(zwh_host_start(ha), ZWH_EALREADY);
    uv_run(&loop, UV_RUN_DEFAULT);
    assert_int_equal(pa.ready, 1);
    assert_int_equal(pb.ready, 1);
    assert_int_equal(pa.info.home_id, 0xaaaa0001u);
    assert_int_equal(pb.info.home_id, 0xbbbb0002u);
    assert_int_equal(pa.nodes, 2);
    assert_int_equal(pb.nodes, 4);
    assert_int_equal(pa.info.node_id, 1);
    assert_true(pa.info.library_version[0] != '\0');
    assert_int_equal(uv_loop_close(&loop), 0); /* no handle left behind */
    assert_int_equal(sim_proc_stop(&a), 0);
    assert_int_equal(sim_proc_stop(&b), 0);
}

static void reconnects_and_restarts_after_a_drop(void **state)
{
    (void)state;
    sim_proc_t s;
    /* the sim closes the connection after 6 host frames: in the middle of start-up */
    const char *args[] = {"--listen", "tcp://127.0.0.1:0", "--devices", "switch:2", "--drop-connection-after", "6", NULL};
    assert_int_equal(sim_proc_start(&s, args), 0);
    uv_loop_t loop;
    uv_loop_init(&loop);
    struct probe p = {.close_after_ready = 1};
    zwh_host_t *h = make_host(&loop, s.url, &p);
    zwh_host_t *hosts[] = {h, NULL};
    uv_timer_t deadline;
    uv_timer_init(&loop, &deadline);
    deadline.data = hosts;
    uv_timer_start(&deadline, on_timeout, 30000, 0);
    uv_unref((uv_handle_t *)&deadline);
    assert_int_equal(zwh_host_start(h), 0);
    uv_run(&loop, UV_RUN_DEFAULT);
    assert_int_equal(p.disconnected, 1);
    assert_int_equal(p.connected, 2);
    assert_int_equal(p.ready, 1);
    assert_int_equal(p.nodes, 2);
    uv_close((uv_handle_t *)&deadline, NULL);
    uv_run(&loop, UV_RUN_DEFAULT);
    assert_int_equal(uv_loop_close(&loop), 0);
    assert_int_equal(sim_proc_stop(&s), 0);
}

static void private_loop_and_close_before_ready(void **state)
{
    (void)state;
    sim_proc_t s;
    const char *args[] = {"--listen", "tcp://127.0.0.1:0", NULL};
    assert_int_equal(sim_proc_start(&s, args), 0);
    struct probe p = {.close_after_ready = 1};
    zwh_host_t *h = NULL;
    assert_int_equal(zwh_host_new(NULL, &h), 0);
    zwh_host_set_port(h, s.url);
    zwh_host_set_event_cb(h, on_event, &p);
    assert_int_equal(zwh_host_start(h), 0);
    zwh_host_run(h, ZWH_RUN_DEFAULT); /* frees the host after its close */
    assert_int_equal(p.ready, 1);
    assert_int_equal(p.nodes, 1);

    /* closing while start-up is in flight: close completes once, nothing else fires after */
    uv_loop_t loop;
    uv_loop_init(&loop);
    struct probe q = {.close_after_ready = 99};
    zwh_host_t *h2 = make_host(&loop, s.url, &q);
    assert_int_equal(zwh_host_start(h2), 0);
    uv_run(&loop, UV_RUN_ONCE);
    assert_int_equal(zwh_host_close(h2, on_closed, &q), 0);
    uv_run(&loop, UV_RUN_DEFAULT);
    assert_int_equal(q.closed, 1);
    assert_int_equal(q.ready, 0);
    assert_int_equal(uv_loop_close(&loop), 0);
    assert_int_equal(sim_proc_stop(&s), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(two_hosts_in_one_process),
        cmocka_unit_test(reconnects_and_restarts_after_a_drop),
        cmocka_unit_test(private_loop_and_close_before_ready),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
