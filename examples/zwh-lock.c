/* zwh-lock: locks or unlocks a door lock, or reads its state (Door Lock CC).
 *
 *   zwh-lock --port tcp://127.0.0.1:4201 --keys keys.txt --state state.bin --node 3 lock
 *   zwh-lock ... --node 3 unlock --json
 *   zwh-lock ... --node 3 status
 *
 * lock/unlock send a Door Lock Operation Set, supervised: a lock moving its bolt
 * answers WORKING (with the time it may take) and then SUCCESS or FAIL (a jam).
 * The program prints each WORKING report as progress, then reads the lock's
 * state back with an Operation Get.
 *
 * --json lines: while the bolt moves, {"status":"working","node_id":N,"duration_s":7};
 * the result {"status":"success"|"fail"|"timeout"|..., "node_id":N,
 * "mode":"secured"|"unsecured"|..., "target_mode":"...", "door_condition":N,
 * "working_reports":N} (status for a read is "ok").
 *
 * Default --timeout: 60 seconds. */
#include <stdio.h>
#include <string.h>
#include "common.h"

static const zwh_cli_spec_t spec = {
    .prog = "zwh-lock",
    .usage = "--node N lock|unlock|status",
    .about = "Locks or unlocks a door lock (supervised: WORKING, then the result) or reads its state.",
    .default_timeout = 60,
    .needs_port = true,
};

typedef struct run {
    int set;          /* 1 lock/unlock, 0 status */
    uint8_t mode;     /* the mode to set */
    int result;       /* of the Operation Set */
    int working;      /* WORKING reports seen */
    bool settled;     /* the Set completed: waiting for the lock's own state report */
    uv_timer_t wait;  /* ... for at most SETTLE_MS, then an Operation Get */
} run_t;

/* After a Set, a lock sends its new state to the Lifeline (seed 004: an
 * Operation Report in Supervision). Waiting for it, rather than exiting at
 * once, answers its Supervision Get: a lock that got no answer resends the
 * report to the next program, whose Get could take that stale report as its
 * answer. */
#define SETTLE_MS 1500

/* Supervision duration encoding: 0..127 s, 0x80..0xFD minutes. */
static int duration_seconds(int d)
{
    return d <= 0x7F ? d : d <= 0xFD ? (d - 0x7F) * 60 : -1;
}

static const char *mode_name(uint8_t mode)
{
    const char *n = zwh_door_lock_get_mode_name(mode);
    return n ? n : "unknown";
}

/* Prints the result: the Set's outcome (lock/unlock) and the state in report. */
static void print_state(zwh_cli_t *cli, const uint8_t *report, size_t len)
{
    run_t *r = cli->user;
    zwh_door_lock_operation_report_t op;
    bool have = report && zwh_door_lock_operation_report_decode(report, len, &op) == 0;
    uv_timer_stop(&r->wait);
    const char *word = r->set ? zwh_cli_status_name(r->result) : "ok";
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", word);
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_str(cli, "mode", have ? mode_name(op.mode) : "unknown");
        if (have && op.has_target)
            zwh_json_str(cli, "target_mode", mode_name(op.target_mode));
        if (have)
            zwh_json_int(cli, "door_condition", op.condition);
        if (r->set) {
            zwh_json_int(cli, "working_reports", r->working);
            if (r->result)
                zwh_json_str(cli, "error", zwh_err_name(r->result));
        }
        zwh_json_end(cli);
    } else {
        if (r->set)
            printf("node %u: %s %s\n", (unsigned)cli->node, r->mode == ZWH_DOOR_LOCK_MODE_SECURED ? "lock" : "unlock",
                   r->result == 0 ? "succeeded" : zwh_strerror(r->result));
        printf("node %u: mode %s", (unsigned)cli->node, have ? mode_name(op.mode) : "unknown");
        if (have && op.has_target && op.target_mode != op.mode)
            printf(" (moving to %s)", mode_name(op.target_mode));
        printf("\n");
    }
    zwh_cli_finish(cli, r->set && r->result ? 1 : 0);
}

static void on_report(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    int status = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *report = zwh_result_get_report(res, &len);
    if ((status != 0 || !report) && !r->set) {
        zwh_cli_fail(cli, zwh_cli_status_name(status), status, "node %u: no lock state: %s", (unsigned)cli->node,
                     zwh_strerror(status ? status : ZWH_EBADMSG));
        return;
    }
    print_state(cli, status == 0 ? report : NULL, len);
}

/* The lock's own Operation Report after the Set. */
static void on_event(zwh_cli_t *cli, const zwh_event_t *ev)
{
    run_t *r = cli->user;
    size_t len = 0;
    const uint8_t *data = zwh_event_get_data(ev, &len);
    if (r->settled && !cli->finishing && zwh_event_get_type(ev) == ZWH_EVENT_COMMAND &&
        zwh_event_get_node_id(ev) == cli->node && data && len >= 2 && data[0] == ZWH_CC_DOOR_LOCK &&
        data[1] == ZWH_DOOR_LOCK_OPERATION_REPORT)
        print_state(cli, data, len);
}

static void read_state(zwh_cli_t *cli)
{
    ((run_t *)cli->user)->settled = false;
    uint8_t get[8];
    int n = zwh_door_lock_operation_get_encode(get, sizeof get);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_DOOR_LOCK;
    o.expect_cmd = ZWH_DOOR_LOCK_OPERATION_REPORT;
    o.timeout_ms = zwh_cli_remaining_ms(cli);
    int rc = n > 0 ? zwh_host_send(cli->host, (uint16_t)cli->node, get, (size_t)n, &o, on_report, cli, NULL) : n;
    if (rc != 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %u: %s", (unsigned)cli->node, zwh_strerror(rc));
}

static void on_settle_timeout(uv_timer_t *t)
{
    zwh_cli_t *cli = t->data;
    if (!cli->finishing)
        read_state(cli);
}

static void on_set(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    int status = zwh_result_get_status(res);
    if (!zwh_result_is_final(res)) {
        int secs = duration_seconds(zwh_result_get_duration(res));
        r->working++;
        zwh_cli_progress(cli, "node %u: working (done within %d s)", (unsigned)cli->node, secs);
        if (cli->json) {
            zwh_json_begin(cli);
            zwh_json_str(cli, "status", "working");
            zwh_json_int(cli, "node_id", cli->node);
            zwh_json_int(cli, "duration_s", secs);
            zwh_json_end(cli);
        }
        return;
    }
    r->result = status;
    if (status != 0)
        zwh_cli_progress(cli, "node %u: %s", (unsigned)cli->node, zwh_strerror(status));
    if (status == 0 || status == ZWH_ESUPERVISION_FAIL) {
        r->settled = true; /* the lock answered: show where the bolt is */
        uv_timer_start(&r->wait, on_settle_timeout, SETTLE_MS, 0);
    } else
        zwh_cli_fail(cli, zwh_cli_status_name(status), status, "node %u: %s", (unsigned)cli->node,
                     zwh_strerror(status));
}

static void close_timer(zwh_cli_t *cli)
{
    uv_close((uv_handle_t *)&((run_t *)cli->user)->wait, NULL);
}

static void start(zwh_cli_t *cli)
{
    run_t *r = cli->user;
    uv_timer_init(&cli->loop, &r->wait);
    r->wait.data = cli;
    cli->on_close = close_timer;
    if (zwh_cli_need_node(cli, ZWH_CC_DOOR_LOCK, "Door Lock") != 0)
        return;
    if (!r->set) {
        read_state(cli);
        return;
    }
    uint8_t cmd[8];
    const zwh_door_lock_operation_set_t set = {.mode = r->mode};
    int n = zwh_door_lock_operation_set_encode(&set, cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.flags = ZWH_SEND_SUPERVISE;
    o.timeout_ms = zwh_cli_remaining_ms(cli);
    int rc = n > 0 ? zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, on_set, cli, NULL) : n;
    if (rc != 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %u: %s", (unsigned)cli->node, zwh_strerror(rc));
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    run_t r = {0};
    zwh_cli_parse(&cli, &spec, argc, argv);
    const char *verb = cli.argc == 1 ? cli.argv[0] : "";
    if (strcmp(verb, "lock") == 0) {
        r.set = 1;
        r.mode = ZWH_DOOR_LOCK_MODE_SECURED;
    } else if (strcmp(verb, "unlock") == 0) {
        r.set = 1;
        r.mode = ZWH_DOOR_LOCK_MODE_UNSECURED;
    } else if (strcmp(verb, "status") != 0) {
        fprintf(stderr, "zwh-lock: expected one of lock, unlock, status (see --help)\n");
        return 2;
    }
    if (!cli.port || cli.node < 0) {
        fprintf(stderr, "zwh-lock: --port and --node are required\n");
        return 2;
    }
    cli.user = &r;
    cli.on_event = on_event;
    return zwh_cli_run(&cli, start);
}
