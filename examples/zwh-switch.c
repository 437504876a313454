/* zwh-switch: turns a Binary Switch node (a plug, a relay) on or off, or reads it.
 *
 *   zwh-switch --port /dev/ttyACM0 --node 2 on
 *   zwh-switch --port tcp://127.0.0.1:4201 --node 2 --state zw.state --json get
 *
 * on/off send Binary Switch Set (the host wraps it in Supervision when the node
 * supports it, so a refusal is reported), then a Get; every action prints the
 * value the node reports. --json: {"status":"ok","node_id":2,"value":true,...}.
 * Default --timeout: 30 seconds (the first run without --state waits for the
 * node's interview). */
#include <stdio.h>
#include <string.h>
#include "common.h"

static const zwh_cli_spec_t spec = {
    .prog = "zwh-switch",
    .usage = "--node N on|off|get",
    .about = "Turns a Binary Switch node on or off, or reads its state.",
    .default_timeout = 30,
};

typedef struct {
    int set;           /* 1 = on/off was asked */
    uint8_t value;     /* 0x00 off, 0xFF on */
    int supervision;   /* Supervision status of the Set, -1 when not supervised */
} job_t;

static void got_report(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    int st = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_binary_switch_report_t r;
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Binary Switch Get: %s", cli->node, zwh_strerror(st));
        return;
    }
    if (!rep || zwh_binary_switch_report_decode(rep, len, &r) != 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %ld sent a malformed Binary Switch Report", cli->node);
        return;
    }
    if (r.current_value == 0xFE) {
        zwh_cli_fail(cli, "unknown", 0, "node %ld reports its state as unknown", cli->node);
        return;
    }
    bool on = r.current_value != 0;
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_bool(cli, "value", on);
        zwh_json_int(cli, "raw_value", r.current_value);
        zwh_json_str(cli, "security", zwh_cli_secclass_name(zwh_result_get_secclass(res)));
        if (job->set)
            zwh_json_str(cli, "supervision", job->supervision == ZWH_SUPERVISION_SUCCESS ? "success" : "none");
        zwh_json_end(cli);
    } else {
        printf("node %ld: %s\n", cli->node, on ? "on" : "off");
    }
    if (job->set && on != (job->value != 0)) {
        zwh_cli_fail(cli, "mismatch", 0, "node %ld reports %s after being switched %s", cli->node, on ? "on" : "off",
                     job->value ? "on" : "off");
        return;
    }
    zwh_cli_finish(cli, 0);
}

static void send_get(zwh_cli_t *cli)
{
    uint8_t cmd[8];
    int n = zwh_binary_switch_get_encode(cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_BINARY_SWITCH;
    o.expect_cmd = ZWH_BINARY_SWITCH_REPORT;
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, got_report, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void set_done(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    if (!zwh_result_is_final(res)) {
        zwh_cli_progress(cli, "zwh-switch: node %ld is working on it", cli->node);
        return;
    }
    int st = zwh_result_get_status(res);
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Binary Switch Set: %s", cli->node, zwh_strerror(st));
        return;
    }
    job->supervision = zwh_result_get_supervision_status(res);
    send_get(cli);
}

static void act(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    if (!job->set) {
        send_get(cli);
        return;
    }
    zwh_binary_switch_set_t set = {.value = job->value};
    uint8_t cmd[8];
    int n = zwh_binary_switch_set_encode(&set, cmd, sizeof cmd);
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, NULL, set_done, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void ready(zwh_cli_t *cli)
{
    zwh_cli_with_node(cli, ZWH_CC_BINARY_SWITCH, false, act);
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    job_t job = {.supervision = -1};
    zwh_cli_parse(&cli, &spec, argc, argv);
    const char *what = cli.argc == 1 ? cli.argv[0] : "";
    if (!strcmp(what, "on") || !strcmp(what, "off")) {
        job.set = 1;
        job.value = !strcmp(what, "on") ? 0xFF : 0x00;
    } else if (strcmp(what, "get") != 0) {
        fprintf(stderr, "zwh-switch: say on, off or get (see --help)\n");
        return 2;
    }
    if (!cli.port || cli.node < 0) {
        fprintf(stderr, "zwh-switch: --port and --node are required\n");
        return 2;
    }
    cli.user = &job;
    return zwh_cli_run(&cli, ready);
}
