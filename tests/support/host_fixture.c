#include "host_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void on_event(zwh_host_t *h, const zwh_event_t *ev, void *user)
{
    hf_t *f = user;
    int type = zwh_event_get_type(ev);
    if (type == ZWH_EVENT_READY)
        f->ready = true;
    if (type == ZWH_EVENT_S2_PIN && f->auto_pin)
        zwh_host_set_pin(h, f->pin);
    if (type == ZWH_EVENT_S2_GRANT && f->auto_grant)
        zwh_host_grant(h, f->grant, 0);
    if (f->nevents == HF_MAX_EVENTS)
        return;
    hf_event_t *e = &f->events[f->nevents++];
    memset(e, 0, sizeof *e);
    e->type = type;
    e->status = zwh_event_get_status(ev);
    e->node = zwh_event_get_node_id(ev);
    e->endpoint = zwh_event_get_endpoint(ev);
    e->secclass = zwh_event_get_secclass(ev);
    e->value = zwh_event_get_value(ev);
    size_t len = 0;
    const uint8_t *d = zwh_event_get_data(ev, &len);
    if (d && len) {
        e->len = len < sizeof e->data ? len : sizeof e->data;
        memcpy(e->data, d, e->len);
    }
    const char *m = zwh_event_get_message(ev);
    if (m)
        snprintf(e->message, sizeof e->message, "%s", m);
}

static void on_log(int level, const char *line, void *user)
{
    (void)user;
    fprintf(stderr, "host[%d]: %s\n", level, line);
}

int hf_start_host(hf_t *f, const char *keys)
{
    return hf_start_host_with(f, keys, NULL);
}

int hf_start_host_with(hf_t *f, const char *keys, const char *state_file)
{
    f->ready = f->closed = false;
    f->nevents = 0;
    if (zwh_host_new(&f->loop, &f->host) != 0)
        return -1;
    zwh_host_set_port(f->host, f->sim.url);
    zwh_host_set_event_cb(f->host, on_event, f);
    zwh_host_set_reconnect(f->host, 50, 200);
    zwh_host_set_timeout(f->host, ZWH_TIMEOUT_SOFT_RESET, 0);
    if (getenv("ZWH_TEST_LOG")) /* e.g. ZWH_TEST_LOG=1 ctest -R host -V */
        zwh_host_set_log(f->host, on_log, ZWH_LOG_TRACE, 0, NULL);
    if (keys) {
        char msg[256];
        if (zwh_host_set_keys(f->host, keys, msg, sizeof msg) != 0) {
            fprintf(stderr, "keys: %s\n", msg);
            return -1;
        }
    }
    if (state_file && zwh_host_set_state_file(f->host, state_file) != 0)
        return -1;
    if (zwh_host_start(f->host) != 0)
        return -1;
    return hf_run_until(f, &f->ready, 10000) ? 0 : -1;
}

int hf_start(hf_t *f, const char *const *sim_args, const char *keys)
{
    memset(f, 0, sizeof *f);
    const char *args[48];
    size_t n = 0;
    args[n++] = "--listen";
    args[n++] = "tcp://127.0.0.1:0";
    for (size_t i = 0; sim_args && sim_args[i] && n < 46; i++)
        args[n++] = sim_args[i];
    args[n] = NULL;
    if (sim_proc_start(&f->sim, args) != 0)
        return -1;
    f->sim_running = true;
    uv_loop_init(&f->loop);
    return hf_start_host(f, keys);
}

static void on_closed(zwh_host_t *h, void *user)
{
    (void)h;
    ((hf_t *)user)->closed = true;
}

void hf_stop_host(hf_t *f)
{
    if (f->host) {
        zwh_host_close(f->host, on_closed, f);
        hf_run_until(f, &f->closed, 5000);
        uv_run(&f->loop, UV_RUN_DEFAULT);
        f->host = NULL;
    }
}

void hf_stop(hf_t *f)
{
    hf_stop_host(f);
    uv_loop_close(&f->loop);
    if (f->sim_running)
        sim_proc_stop(&f->sim);
    f->sim_running = false;
}

static void on_deadline(uv_timer_t *t)
{
    *(bool *)t->data = true;
}

bool hf_run_until(hf_t *f, const bool *flag, int ms)
{
    bool expired = false;
    uv_timer_t t;
    uv_timer_init(&f->loop, &t);
    t.data = &expired;
    uv_timer_start(&t, on_deadline, (uint64_t)ms, 0);
    while (!*flag && !expired)
        uv_run(&f->loop, UV_RUN_ONCE);
    uv_close((uv_handle_t *)&t, NULL);
    uv_run(&f->loop, UV_RUN_NOWAIT);
    return *flag;
}

void hf_run_for(hf_t *f, int ms)
{
    bool never = false;
    hf_run_until(f, &never, ms);
}

static void on_result(zwh_host_t *h, const zwh_result_t *r, void *user)
{
    (void)h;
    hf_result_t *res = user;
    if (!zwh_result_is_final(r)) {
        res->progress_calls++;
        res->last_duration = zwh_result_get_duration(r);
        return;
    }
    res->done = true;
    res->status = zwh_result_get_status(r);
    res->sup_status = zwh_result_get_supervision_status(r);
    res->secclass = zwh_result_get_secclass(r);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(r, &len);
    if (rep && len <= sizeof res->report) {
        memcpy(res->report, rep, len);
        res->report_len = len;
    }
}

int hf_send(hf_t *f, uint16_t node, const uint8_t *cmd, size_t len, const zwh_send_opts_t *opts, hf_result_t *res,
            int ms)
{
    memset(res, 0, sizeof *res);
    int rc = zwh_host_send(f->host, node, cmd, len, opts, on_result, res, NULL);
    if (rc != 0)
        return rc;
    if (!hf_run_until(f, &res->done, ms))
        return -1000; /* no final result in time: the test fails on this */
    return res->status;
}

int hf_wait_event(hf_t *f, int type, uint16_t node, size_t from, int ms)
{
    for (int waited = 0;; waited += 20) {
        for (size_t i = from; i < f->nevents; i++)
            if (f->events[i].type == type && (!node || f->events[i].node == node))
                return (int)i;
        if (waited >= ms)
            return -1;
        hf_run_for(f, 20);
    }
}

size_t hf_count_commands(const hf_t *f, uint16_t node, const uint8_t *prefix, size_t plen)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nevents; i++) {
        const hf_event_t *e = &f->events[i];
        if (e->type == ZWH_EVENT_COMMAND && (!node || e->node == node) && e->len >= plen &&
            memcmp(e->data, prefix, plen) == 0)
            n++;
    }
    return n;
}
