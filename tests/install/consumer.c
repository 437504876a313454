/* A program built only against an INSTALLED zwhost (tests/integration/test_install.sh
 * compiles it once through pkg-config and once through find_package(zwhost)).
 *
 *   consumer URL [SECONDS]
 *
 * Starts a host on URL with its own uv loop, waits for ZWH_EVENT_READY, prints
 * "home id 0x........", closes the host and the loop. Exit 0 only on READY; an
 * error event or the deadline (default 20 s) is exit 1 with one line on stderr.
 *
 * Built as strict ISO C11 (-std=c11, no GNU extensions): uv.h, which zwhost/host.h
 * includes, needs the POSIX types (pthread_rwlock_t), so a strict-C program asks
 * for them before its first system header, as any libuv program must. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zwhost/zwhost.h>

typedef struct run {
    zwh_host_t *host;
    uv_timer_t deadline;
    int status; /* exit status */
    int closing;
} run_t;

static void finish(zwh_host_t *host, run_t *run, int status)
{
    if (run->closing)
        return;
    run->closing = 1;
    run->status = status;
    uv_timer_stop(&run->deadline);
    zwh_host_close(host, NULL, NULL);
}

static void on_event(zwh_host_t *host, const zwh_event_t *ev, void *user)
{
    run_t *run = user;
    int type = zwh_event_get_type(ev);
    if (type == ZWH_EVENT_READY) {
        zwh_controller_info_t ci;
        int rc = zwh_host_get_controller_info(host, &ci);
        if (rc != 0) {
            fprintf(stderr, "consumer: controller info: %s\n", zwh_strerror(rc));
            finish(host, run, 1);
            return;
        }
        printf("home id 0x%08x\n", (unsigned)ci.home_id);
        finish(host, run, 0);
    } else if (type == ZWH_EVENT_ERROR) {
        fprintf(stderr, "consumer: %s (%s)\n", zwh_event_get_message(ev),
                zwh_err_name(zwh_event_get_status(ev)));
        finish(host, run, 1);
    }
}

static void on_deadline(uv_timer_t *timer)
{
    run_t *run = timer->data;
    fprintf(stderr, "consumer: timed out waiting for the controller\n");
    finish(run->host, run, 1);
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: consumer URL [SECONDS]\n");
        return 2;
    }
    unsigned seconds = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 20;
    /* The header and the loaded library must be the same release. */
    if (zwh_version() != ZWH_VERSION_HEX) {
        fprintf(stderr, "consumer: header version %06x, library %06x (%s)\n", ZWH_VERSION_HEX,
                (unsigned)zwh_version(), zwh_version_string());
        return 1;
    }
    printf("zwhost %s\n", zwh_version_string());

    uv_loop_t loop;
    uv_loop_init(&loop);
    run_t run = {.status = 1};
    zwh_host_t *host = NULL;
    int rc = zwh_host_new(&loop, &host);
    if (rc == 0)
        rc = zwh_host_set_port(host, argv[1]);
    if (rc == 0)
        rc = zwh_host_set_reconnect(host, 0, 0); /* a failed open is final */
    if (rc == 0)
        rc = zwh_host_set_event_cb(host, on_event, &run);
    if (rc == 0)
        rc = zwh_host_start(host);
    if (rc != 0) {
        fprintf(stderr, "consumer: %s\n", zwh_strerror(rc));
        return 1;
    }
    run.host = host;
    uv_timer_init(&loop, &run.deadline);
    run.deadline.data = &run;
    uv_timer_start(&run.deadline, on_deadline, (uint64_t)seconds * 1000, 0);

    uv_run(&loop, UV_RUN_DEFAULT);
    uv_close((uv_handle_t *)&run.deadline, NULL);
    uv_run(&loop, UV_RUN_DEFAULT);
    if (uv_loop_close(&loop) != 0) {
        fprintf(stderr, "consumer: handles left open on the loop\n");
        return 1;
    }
    return run.status;
}
