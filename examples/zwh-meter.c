/* zwh-meter: reads every scale a metering node supports (kWh, W, V, A...), or
 * resets its accumulated values.
 *
 *   zwh-meter --port /dev/ttyACM0 --node 3 get
 *   zwh-meter --port tcp://127.0.0.1:4201 --node 3 --state zw.state --json reset
 *
 * The scales come from the node's interview (Meter Supported Report, kept in the
 * state file); without them the program asks the node (Meter Supported Get), and a
 * Meter v1 node gets one plain Meter Get. reset sends Meter Reset, then reads the
 * meters again. --json: {"status":"ok","node_id":3,"meter_type":"electric",
 * "readings":[{"scale":"kWh","value":1.25,"rate":"import"},...]}.
 * Default --timeout: 30 seconds. */
#include <stdio.h>
#include <string.h>
#include "common.h"

static const zwh_cli_spec_t spec = {
    .prog = "zwh-meter",
    .usage = "--node N get|reset",
    .about = "Reads every supported meter scale of a node, or resets its meters.",
    .default_timeout = 30,
};

#define MAX_SCALES 40 /* scales 0..6, then scale 7 with scale2 0..31 */
#define MAX_TRIES 3   /* a Get answered by an unsolicited report of another scale is asked again */

typedef struct {
    uint8_t scale, scale2;
    int have;
    zwh_meter_report_t report;
} reading_t;

typedef struct {
    int reset;
    int version;
    int version_guessed; /* not from the interview: a v1 node will not answer Supported Get */
    uint8_t meter_type;
    uint8_t reset_supported;
    reading_t r[MAX_SCALES];
    size_t count, next;
    int tries;
} job_t;

static void ask_next(zwh_cli_t *cli);

static void print(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    const char *type = zwh_meter_get_type_name(job->meter_type);
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_str(cli, "meter_type", type ? type : "unknown");
        if (job->reset)
            zwh_json_bool(cli, "reset", true);
        zwh_json_key_array(cli, "readings");
    } else {
        printf("node %ld: %s meter%s\n", cli->node, type ? type : "unknown", job->reset ? " (after reset)" : "");
    }
    for (size_t i = 0; i < job->count; i++) {
        const zwh_meter_report_t *m = &job->r[i].report;
        const char *unit = zwh_meter_get_scale_name(m->meter_type, m->scale, m->scale2);
        const char *rate = zwh_meter_get_rate_name(m->rate_type);
        double v = zwh_cc_value_to_double(m->value, m->precision);
        if (cli->json) {
            zwh_json_object(cli);
            zwh_json_str(cli, "scale", unit ? unit : "unknown");
            zwh_json_double(cli, "value", v);
            zwh_json_str(cli, "rate", rate ? rate : "unknown");
            zwh_json_int(cli, "precision", m->precision);
            zwh_json_end(cli);
        } else {
            printf("  %12.*f %s\n", m->precision, v, unit ? unit : "(unknown scale)");
        }
    }
    if (cli->json) {
        zwh_json_array_end(cli);
        zwh_json_end(cli);
    }
    zwh_cli_finish(cli, 0);
}

/* Files a report under the scale it carries (the node may report other scales
 * on its own while we ask). */
static void file_report(job_t *job, const zwh_meter_report_t *m)
{
    uint8_t scale2 = m->scale == ZWH_METER_SCALE_MORE ? m->scale2 : 0;
    for (size_t i = 0; i < job->count; i++)
        if (job->r[i].scale == m->scale && job->r[i].scale2 == scale2) {
            job->r[i].report = *m;
            job->r[i].have = 1;
        }
}

static void got_report(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    int st = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_meter_report_t m;
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Meter Get: %s", cli->node, zwh_strerror(st));
        return;
    }
    if (!rep || zwh_meter_report_decode(rep, len, &m) != 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %ld sent a malformed Meter Report", cli->node);
        return;
    }
    if (job->version < 2) { /* V1: one reading, whatever its scale */
        job->meter_type = m.meter_type;
        job->r[0] = (reading_t){.scale = m.scale, .scale2 = m.scale2, .have = 1, .report = m};
        job->count = 1;
        print(cli);
        return;
    }
    file_report(job, &m);
    if (!job->r[job->next].have && ++job->tries >= MAX_TRIES) {
        zwh_cli_fail(cli, "error", ZWH_EPROTO, "node %ld does not answer for scale %u", cli->node,
                     job->r[job->next].scale);
        return;
    }
    ask_next(cli); /* the next scale, or the same again when a report of another one came first */
}

static void ask_next(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    while (job->next < job->count && job->r[job->next].have) {
        job->next++;
        job->tries = 0;
    }
    if (job->version >= 2 && job->next >= job->count) {
        print(cli);
        return;
    }
    zwh_meter_get_t get = {0};
    if (job->version >= 2) {
        get.has_scale = 1;
        get.scale = job->r[job->next].scale;
        get.scale2 = job->r[job->next].scale2;
    }
    uint8_t cmd[8];
    int n = zwh_meter_get_encode(&get, cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_METER;
    o.expect_cmd = ZWH_METER_REPORT;
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, got_report, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

/* bit n of scales = scale n (0..6); bit 7 + k = scale 7 with scale2 k (node.h). */
static void set_scales(job_t *job, uint32_t scales, const uint8_t *more, size_t more_len)
{
    job->count = 0;
    for (unsigned b = 0; b < 7; b++)
        if (scales >> b & 1)
            job->r[job->count++] = (reading_t){.scale = (uint8_t)b};
    for (unsigned k = 0; k < 32 && job->count < MAX_SCALES; k++) {
        bool has = more ? zwh_cc_bitmask_has(more, more_len, k) : (k + 7 < 32 && (scales >> (k + 7) & 1));
        if (has)
            job->r[job->count++] = (reading_t){.scale = ZWH_METER_SCALE_MORE, .scale2 = (uint8_t)k};
    }
}

static void reset_done(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    if (!zwh_result_is_final(res))
        return;
    int st = zwh_result_get_status(res);
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Meter Reset: %s", cli->node, zwh_strerror(st));
        return;
    }
    zwh_cli_progress(cli, "zwh-meter: node %ld: meters reset", cli->node);
    ask_next(cli);
}

static void measure(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    if (job->version >= 2 && job->count == 0) {
        zwh_cli_fail(cli, "error", ZWH_ENOTSUP, "node %ld reports no supported meter scale", cli->node);
        return;
    }
    if (!job->reset) {
        ask_next(cli);
        return;
    }
    if (job->version < 2 || !job->reset_supported) {
        zwh_cli_fail(cli, "error", ZWH_ENOTSUP, "node %ld does not support Meter Reset", cli->node);
        return;
    }
    zwh_meter_reset_t reset = {0}; /* V2-V5 form: every accumulated value back to 0 */
    uint8_t cmd[16];
    int n = zwh_meter_reset_encode(&reset, cmd, sizeof cmd);
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, NULL, reset_done, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void got_supported(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    int st = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_meter_supported_report_t s;
    if (st == ZWH_ETIMEDOUT && job->version_guessed) { /* maybe a Meter v1 node: one plain Get */
        job->version = 1;
        measure(cli);
        return;
    }
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Meter Supported Get: %s", cli->node,
                     zwh_strerror(st));
        return;
    }
    if (!rep || zwh_meter_supported_report_decode(rep, len, &s) != 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %ld sent a malformed Meter Supported Report", cli->node);
        return;
    }
    job->meter_type = s.meter_type;
    job->reset_supported = s.reset_supported;
    set_scales(job, s.scales & 0x7Fu, s.more_scales ? s.scale2_mask : NULL, s.scale2_mask_len);
    if (!s.more_scales && (s.scales & 0x80u)) /* V2/V3 may set bit 7 for scale 7 */
        job->r[job->count++] = (reading_t){.scale = ZWH_METER_SCALE_MORE};
    measure(cli);
}

static void start(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    uint32_t scales = 0;
    int v = zwh_host_get_cc_version(cli->host, (uint16_t)cli->node, ZWH_CC_METER);
    job->version = v > 0 ? v : 2; /* unknown: try Meter Supported Get */
    job->version_guessed = v <= 0;
    if (job->version < 2) {
        measure(cli);
        return;
    }
    if (zwh_host_get_meter_support(cli->host, (uint16_t)cli->node, 0, &job->meter_type, &scales,
                                   &job->reset_supported) == 0) {
        set_scales(job, scales, NULL, 0);
        measure(cli);
        return;
    }
    uint8_t cmd[4];
    int n = zwh_meter_supported_get_encode(cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_METER;
    o.expect_cmd = ZWH_METER_SUPPORTED_REPORT;
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, got_supported, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void ready(zwh_cli_t *cli)
{
    zwh_cli_with_node(cli, ZWH_CC_METER, false, start);
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    static job_t job;
    zwh_cli_parse(&cli, &spec, argc, argv);
    const char *what = cli.argc == 1 ? cli.argv[0] : "";
    if (strcmp(what, "get") != 0 && strcmp(what, "reset") != 0) {
        fprintf(stderr, "zwh-meter: say get or reset (see --help)\n");
        return 2;
    }
    if (!cli.port || cli.node < 0) {
        fprintf(stderr, "zwh-meter: --port and --node are required\n");
        return 2;
    }
    job.reset = !strcmp(what, "reset");
    cli.user = &job;
    return zwh_cli_run(&cli, ready);
}
