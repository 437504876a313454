/* zwh-config: reads, sets and lists a node's configuration parameters.
 *
 *   zwh-config --port /dev/ttyACM0 --node 3 get 3
 *   zwh-config --port tcp://127.0.0.1:4201 --node 3 --state zw.state set 3 10
 *   zwh-config --port tcp://127.0.0.1:4201 --node 5 --size 1 set 5 -- -20   (-- before a negative value)
 *   zwh-config --port tcp://127.0.0.1:4201 --node 4 --json list
 *
 * A parameter's size, format, range and name come from the node's interview
 * (Configuration v3+ Properties/Name/Info; kept in the state file). Without them,
 * set first asks the node (Configuration Get: its report carries the size), and
 * only when the node does not answer uses --size. A value outside the range the
 * device reports, or one that does not fit the size, is refused before anything
 * is sent. set ends by reading the value back. --json: {"status":"ok",
 * "node_id":3,"param":3,"value":10,"size":1,...}; list gives "params": [...].
 * Default --timeout: 30 seconds. */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

static const char *size_arg;

static const zwh_cli_opt_t opts[] = {
    {"size", 1, NULL, &size_arg, "1, 2 or 4: the parameter's size when neither the state file nor the node tells"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-config",
    .usage = "--node N get PARAM | set PARAM VALUE [--size 1|2|4] | list",
    .about = "Reads, sets or lists a node's configuration parameters.",
    .default_timeout = 30,
    .opts = opts,
};

enum { OP_GET, OP_SET, OP_LIST };

typedef struct {
    int op;
    uint8_t param;
    int64_t value;         /* set: the value asked for */
    uint8_t size_opt;      /* --size, 0 = not given */
    zwh_config_param_info_t info; /* what the host knows (flags 0 when nothing) */
    int known;             /* info came from the interview facts */
} job_t;

static bool parse_int(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 0);
    if (errno || !end || end == s || *end || v < lo || v > hi)
        return false;
    *out = v;
    return true;
}

static void print_param(zwh_cli_t *cli, const zwh_config_param_info_t *p, int64_t value, uint8_t size, bool nested)
{
    bool range = p->flags & ZWH_PARAM_HAS_RANGE;
    const char *format = zwh_configuration_get_format_name(p->format);
    if (cli->json) {
        if (nested) {
            zwh_json_object(cli);
        } else {
            zwh_json_begin(cli);
            zwh_json_str(cli, "status", "ok");
            zwh_json_int(cli, "node_id", cli->node);
        }
        zwh_json_int(cli, "param", p->number);
        if (!nested || (p->flags & ZWH_PARAM_HAS_VALUE))
            zwh_json_int(cli, "value", value);
        zwh_json_int(cli, "size", size);
        if (p->name[0])
            zwh_json_str(cli, "name", p->name);
        if (range) {
            zwh_json_str(cli, "format", format ? format : "unknown");
            zwh_json_int(cli, "min", p->min_value);
            zwh_json_int(cli, "max", p->max_value);
            zwh_json_int(cli, "default", p->default_value);
            zwh_json_bool(cli, "read_only", p->flags & ZWH_PARAM_READ_ONLY);
        }
        if (p->info[0])
            zwh_json_str(cli, "info", p->info);
        zwh_json_end(cli);
        return;
    }
    printf("parameter %3u", p->number);
    if (!nested || (p->flags & ZWH_PARAM_HAS_VALUE))
        printf(" = %" PRId64, value);
    printf("  (%u byte%s", size, size == 1 ? "" : "s");
    if (range)
        printf(", %s %" PRId64 "..%" PRId64 ", default %" PRId64 "%s", format ? format : "?", p->min_value,
               p->max_value, p->default_value, p->flags & ZWH_PARAM_READ_ONLY ? ", read-only" : "");
    printf(")%s%s\n", p->name[0] ? "  " : "", p->name);
}

static void list(zwh_cli_t *cli)
{
    uint16_t numbers[256];
    size_t count = 0;
    int rc = zwh_host_get_config_params(cli->host, (uint16_t)cli->node, 0, numbers, 256, &count);
    if (rc != 0 && rc != ZWH_ENOENT) {
        zwh_cli_fail(cli, "error", rc, "node %ld: %s", cli->node, zwh_strerror(rc));
        return;
    }
    if (count == 0)
        zwh_cli_progress(cli, "zwh-config: node %ld did not list its parameters (Configuration v1/v2 devices cannot): "
                              "use get PARAM",
                         cli->node);
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_key_array(cli, "params");
    }
    for (size_t i = 0; i < count && i < 256; i++) {
        zwh_config_param_info_t p;
        if (zwh_host_get_config_param(cli->host, (uint16_t)cli->node, 0, numbers[i], &p) == 0)
            print_param(cli, &p, p.value, p.size, true);
    }
    if (cli->json) {
        zwh_json_array_end(cli);
        zwh_json_end(cli);
    }
    zwh_cli_finish(cli, 0);
}

static void send_get(zwh_cli_t *cli, zwh_send_cb cb);

/* The final answer of get and set: the node's Configuration Report. */
static void got_value(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    int st = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_configuration_report_t r;
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Configuration Get %u: %s", cli->node, job->param,
                     zwh_strerror(st));
        return;
    }
    if (!rep || zwh_configuration_report_decode(rep, len, &r) != 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %ld sent a malformed Configuration Report", cli->node);
        return;
    }
    int64_t v = r.value; /* signed unless the device announced another format */
    if (job->known && (job->info.flags & ZWH_PARAM_HAS_RANGE))
        (void)zwh_configuration_value_convert(r.value, r.size, job->info.format, &v);
    else if (job->op == OP_SET && job->value > 0 && v < 0) /* an unsigned value set: read it back unsigned */
        (void)zwh_configuration_value_convert(r.value, r.size, ZWH_CONFIGURATION_FORMAT_UNSIGNED, &v);
    job->info.number = job->param;
    print_param(cli, &job->info, v, r.size, false);
    if (job->op == OP_SET && v != job->value) {
        zwh_cli_fail(cli, "mismatch", 0, "node %ld reports %" PRId64 " for parameter %u after it was set to %" PRId64,
                     cli->node, v, job->param, job->value);
        return;
    }
    zwh_cli_finish(cli, 0);
}

static void set_done(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    if (!zwh_result_is_final(res))
        return;
    int st = zwh_result_get_status(res);
    if (st != 0) {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st, "node %ld: Configuration Set %u: %s", cli->node, job->param,
                     zwh_strerror(st));
        return;
    }
    send_get(cli, got_value);
}

/* Checks the value against what is known and sends the Set: no traffic when refused. */
static void set_with_size(zwh_cli_t *cli, uint8_t size)
{
    job_t *job = cli->user;
    const zwh_config_param_info_t *p = &job->info;
    if (job->known && (p->flags & ZWH_PARAM_READ_ONLY)) {
        zwh_cli_fail(cli, "error", ZWH_EPERM, "parameter %u of node %ld is read-only", job->param, cli->node);
        return;
    }
    if (job->known && (p->flags & ZWH_PARAM_HAS_RANGE) &&
        (job->value < p->min_value || job->value > p->max_value)) {
        zwh_cli_fail(cli, "error", ZWH_ERANGE, "value %" PRId64 " out of range %" PRId64 "..%" PRId64 " for parameter %u",
                     job->value, p->min_value, p->max_value, job->param);
        return;
    }
    /* Without a device format, a value fits when it is a signed or an unsigned number of that size. */
    uint8_t format = (p->flags & ZWH_PARAM_HAS_RANGE) ? p->format
                     : job->value < 0                  ? ZWH_CONFIGURATION_FORMAT_SIGNED
                                                       : ZWH_CONFIGURATION_FORMAT_UNSIGNED;
    zwh_configuration_set_t set = {.parameter = job->param, .size = size, .format = format, .value = job->value};
    uint8_t cmd[16];
    int n = zwh_configuration_set_encode(&set, cmd, sizeof cmd);
    if (n == ZWH_EINVAL) { /* what size bytes hold: signed minimum .. unsigned maximum */
        int64_t lo = -((int64_t)1 << (8 * size - 1)), hi = ((int64_t)1 << (8 * size)) - 1;
        if (format == ZWH_CONFIGURATION_FORMAT_SIGNED && (p->flags & ZWH_PARAM_HAS_RANGE))
            hi = -lo - 1;
        else if (p->flags & ZWH_PARAM_HAS_RANGE)
            lo = 0;
        zwh_cli_fail(cli, "error", ZWH_ERANGE, "value %" PRId64 " out of range %" PRId64 "..%" PRId64
                     " for parameter %u (%u byte%s)", job->value, lo, hi, job->param, size, size == 1 ? "" : "s");
        return;
    }
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, NULL, set_done, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

/* set without a known size: the node's report tells it; --size when it does not answer. */
static void got_size(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    job_t *job = cli->user;
    int st = zwh_result_get_status(res);
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_configuration_report_t r;
    if (st == 0 && rep && zwh_configuration_report_decode(rep, len, &r) == 0) {
        if (job->size_opt && job->size_opt != r.size) {
            zwh_cli_fail(cli, "error", ZWH_EINVAL, "parameter %u of node %ld is %u byte%s, not %u (--size)",
                         job->param, cli->node, r.size, r.size == 1 ? "" : "s", job->size_opt);
            return;
        }
        set_with_size(cli, r.size);
    } else if (job->size_opt) {
        zwh_cli_progress(cli, "zwh-config: node %ld did not tell the size of parameter %u (%s): using --size %u",
                         cli->node, job->param, zwh_strerror(st ? st : ZWH_EBADMSG), job->size_opt);
        set_with_size(cli, job->size_opt);
    } else {
        zwh_cli_fail(cli, zwh_cli_status_name(st), st ? st : ZWH_EBADMSG,
                     "node %ld did not tell the size of parameter %u: give --size 1|2|4", cli->node, job->param);
    }
}

static void send_get(zwh_cli_t *cli, zwh_send_cb cb)
{
    job_t *job = cli->user;
    zwh_configuration_get_t get = {.parameter = job->param};
    uint8_t cmd[8];
    int n = zwh_configuration_get_encode(&get, cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_CONFIGURATION;
    o.expect_cmd = ZWH_CONFIGURATION_REPORT;
    o.match_index = 2; /* the report of this parameter */
    o.match_value = job->param;
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, cb, cli, NULL);
    if (rc < 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void act(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    if (job->op == OP_LIST) {
        list(cli);
        return;
    }
    job->known = zwh_host_get_config_param(cli->host, (uint16_t)cli->node, 0, job->param, &job->info) == 0;
    if (!job->known)
        memset(&job->info, 0, sizeof job->info);
    if (job->op == OP_GET) {
        send_get(cli, got_value);
        return;
    }
    uint8_t size = job->known ? job->info.size : 0;
    if (size && job->size_opt && size != job->size_opt) {
        zwh_cli_fail(cli, "error", ZWH_EINVAL, "parameter %u of node %ld is %u byte%s, not %u (--size)", job->param,
                     cli->node, size, size == 1 ? "" : "s", job->size_opt);
        return;
    }
    if (size)
        set_with_size(cli, size);
    else
        send_get(cli, got_size);
}

static void ready(zwh_cli_t *cli)
{
    job_t *job = cli->user;
    /* list needs the interview's parameter walk; get and set use what is known so far */
    zwh_cli_with_node(cli, ZWH_CC_CONFIGURATION, job->op == OP_LIST, act);
}

static int usage_error(const char *msg)
{
    fprintf(stderr, "zwh-config: %s\n", msg);
    return 2;
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    static job_t job;
    int64_t v = 0;
    zwh_cli_parse(&cli, &spec, argc, argv);
    const char *what = cli.argc >= 1 ? cli.argv[0] : "";
    if (!strcmp(what, "list") && cli.argc == 1)
        job.op = OP_LIST;
    else if (!strcmp(what, "get") && cli.argc == 2)
        job.op = OP_GET;
    else if (!strcmp(what, "set") && cli.argc == 3)
        job.op = OP_SET;
    else
        return usage_error("say get PARAM, set PARAM VALUE or list (see --help)");
    if (job.op != OP_LIST) {
        if (!parse_int(cli.argv[1], 1, 255, &v))
            return usage_error("the parameter number must be a whole number from 1 to 255");
        job.param = (uint8_t)v;
    }
    if (job.op == OP_SET && !parse_int(cli.argv[2], INT32_MIN, UINT32_MAX, &job.value))
        return usage_error("the value must be a whole number (at most 4 bytes: -2147483648..4294967295)");
    if (size_arg) {
        if (!parse_int(size_arg, 1, 4, &v) || v == 3)
            return usage_error("--size must be 1, 2 or 4");
        job.size_opt = (uint8_t)v;
    }
    if (!cli.port || cli.node < 0)
        return usage_error("--port and --node are required");
    cli.user = &job;
    return zwh_cli_run(&cli, ready);
}
