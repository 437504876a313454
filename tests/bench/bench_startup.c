/* Prints host start-up latency against zwh-sim: time from zwh_host_start() to
 * ZWH_EVENT_READY over N runs (new connection each run), as min/median/p95/max ms,
 * once with the soft reset (the sim, like a chip, takes a while to restart) and
 * once without it (what the host and the Serial API exchange cost by themselves).
 * Usage: bench_startup [runs] [zwh-sim devices, e.g. switch:2,switch:3] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uv.h>
#include "zwhost/zwhost.h"
#include "sim_client.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct run { double t0, t_ready; int ok; };

static void on_event(zwh_host_t *h, const zwh_event_t *ev, void *user)
{
    struct run *r = user;
    if (zwh_event_get_type(ev) == ZWH_EVENT_READY) {
        r->t_ready = now_ms();
        r->ok = 1;
        zwh_host_close(h, NULL, NULL);
    } else if (zwh_event_get_type(ev) == ZWH_EVENT_ERROR) {
        fprintf(stderr, "start-up error: %s\n", zwh_event_get_message(ev));
        zwh_host_close(h, NULL, NULL);
    }
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 50;
    const char *devices = argc > 2 ? argv[2] : "switch:2,switch:3,switch:4,switch:5";
    if (runs < 1 || runs > 10000)
        return 2;
    sim_proc_t sim;
    const char *args[] = {"--listen", "tcp://127.0.0.1:0", "--devices", devices, NULL};
    if (sim_proc_start(&sim, args) != 0) {
        fprintf(stderr, "cannot start zwh-sim (set ZWH_SIM to its path)\n");
        return 1;
    }
    double *lat = calloc((size_t)runs, sizeof *lat);
    int status = 0;
    for (int soft_reset = 1; soft_reset >= 0; soft_reset--) {
    int ok = 0;
    for (int i = 0; i < runs; i++) {
        uv_loop_t loop;
        uv_loop_init(&loop);
        zwh_host_t *h;
        struct run r = {0};
        zwh_host_new(&loop, &h);
        zwh_host_set_port(h, sim.url);
        zwh_host_set_event_cb(h, on_event, &r);
        if (!soft_reset)
            zwh_host_set_timeout(h, ZWH_TIMEOUT_SOFT_RESET, 0);
        r.t0 = now_ms();
        zwh_host_start(h);
        uv_run(&loop, UV_RUN_DEFAULT);
        uv_loop_close(&loop);
        if (r.ok)
            lat[ok++] = r.t_ready - r.t0;
    }
    if (ok == 0) {
        status = 1;
        continue;
    }
    qsort(lat, (size_t)ok, sizeof *lat, cmp);
    printf("{\"bench\":\"startup\",\"soft_reset\":%s,\"runs\":%d,\"ok\":%d,\"devices\":\"%s\",\"min_ms\":%.2f,"
           "\"median_ms\":%.2f,\"p95_ms\":%.2f,\"max_ms\":%.2f}\n",
           soft_reset ? "true" : "false", runs, ok, devices, lat[0], lat[ok / 2],
           lat[(ok * 95) / 100 < ok ? (ok * 95) / 100 : ok - 1], lat[ok - 1]);
    if (ok != runs)
        status = 1;
    }
    sim_proc_stop(&sim);
    free(lat);
    return status;
}
