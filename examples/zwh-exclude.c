/* zwh-exclude: removes a device from the network.
 *
 *   zwh-exclude --port /dev/ttyACM0 --state state.bin
 *   zwh-exclude ... --failed --node 7 --json
 *
 * Without --failed: starts exclusion and waits for a device's button press (any
 * device, of this network or another, leaves its network). With --failed --node
 * N: removes node N, which the controller must consider failed (it does not
 * answer).
 *
 * --json result: {"status":"success"|"timeout"|"error", "node_id":N}
 *
 * Default --timeout: 60 seconds. */
#include <stdio.h>
#include <string.h>
#include "common.h"

static int failed_flag;

static const zwh_cli_opt_t opts[] = {
    {"failed", 0, &failed_flag, NULL, "remove the failed node --node N instead of waiting for a button"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-exclude",
    .usage = "[--failed --node N]",
    .about = "Excludes the next device whose button is pressed, or removes a failed node.",
    .default_timeout = 60,
    .opts = opts,
    .needs_port = true,
};

static void on_event(zwh_cli_t *cli, const zwh_event_t *ev)
{
    if (zwh_event_get_type(ev) != ZWH_EVENT_INCLUSION)
        return;
    zwh_cli_progress(cli, "exclusion: %s", zwh_event_get_message(ev));
    if (!failed_flag && strcmp(zwh_event_get_message(ev), "waiting") == 0)
        zwh_cli_progress(cli, "press the device's button now");
}

static void on_removed(zwh_host_t *h, int status, uint16_t node, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    if (status != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(status), status, "%s failed: %s", failed_flag ? "removal" : "exclusion",
                     zwh_strerror(status));
        return;
    }
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "success");
        zwh_json_int(cli, "node_id", node);
        zwh_json_end(cli);
    } else if (node) {
        printf("node %u removed\n", node);
    } else {
        printf("a device of another network was reset (no node of this network left)\n");
    }
    zwh_cli_finish(cli, 0);
}

static void start(zwh_cli_t *cli)
{
    int rc;
    if (failed_flag) {
        if (zwh_cli_need_node(cli, 0, NULL) != 0)
            return;
        rc = zwh_host_remove_failed(cli->host, (uint16_t)cli->node, on_removed, cli);
    } else {
        rc = zwh_host_exclude(cli->host, zwh_cli_remaining_ms(cli), on_removed, cli);
    }
    if (rc != 0)
        zwh_cli_fail(cli, "error", rc, "cannot start %s: %s", failed_flag ? "the removal" : "exclusion",
                     zwh_strerror(rc));
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    zwh_cli_parse(&cli, &spec, argc, argv);
    if (!cli.port) {
        fprintf(stderr, "zwh-exclude: --port is required (a serial device or tcp://HOST:PORT)\n");
        return 2;
    }
    if (failed_flag && cli.node < 0) {
        fprintf(stderr, "zwh-exclude: --failed needs --node N\n");
        return 2;
    }
    cli.on_event = on_event;
    return zwh_cli_run(&cli, start);
}
