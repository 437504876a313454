/* The common options and output rules of every example (see common.h). */
#include "common.h"

#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

static void usage(const zwh_cli_spec_t *spec, FILE *f)
{
    fprintf(f, "usage: %s [--port URL] [--node N] [--keys FILE] [--state FILE] [--json] [--timeout SECS] [-v] %s\n",
            spec->prog, spec->usage ? spec->usage : "");
    if (spec->about)
        fprintf(f, "%s\n", spec->about);
    fprintf(f, "  --port URL       serial device (/dev/ttyACM0) or tcp://HOST:PORT (ser2net, zwh-sim)\n"
               "  --node N         target node id\n"
               "  --keys FILE      network keys file (created 0600 with fresh keys if missing)\n"
               "  --state FILE     state file\n"
               "  --json           machine-readable output: one JSON object per line on stdout\n"
               "  --timeout SECS   deadline for the whole run (default %g)\n"
               "  -v               decoded frame trace on stderr\n", spec->default_timeout);
    for (const zwh_cli_opt_t *o = spec->opts; o && o->name; o++)
        fprintf(f, "  --%-15s %s\n", o->name, o->help ? o->help : "");
}

void zwh_cli_parse(zwh_cli_t *cli, const zwh_cli_spec_t *spec, int argc, char **argv)
{
    memset(cli, 0, sizeof *cli);
    cli->spec = spec;
    cli->node = -1;
    cli->timeout = spec->default_timeout;
    enum { O_PORT = 1000, O_NODE, O_KEYS, O_STATE, O_JSON, O_TIMEOUT, O_HELP, O_EXTRA };
    struct option longopts[40];
    size_t n = 0;
    longopts[n++] = (struct option){"port", required_argument, NULL, O_PORT};
    longopts[n++] = (struct option){"node", required_argument, NULL, O_NODE};
    longopts[n++] = (struct option){"keys", required_argument, NULL, O_KEYS};
    longopts[n++] = (struct option){"state", required_argument, NULL, O_STATE};
    longopts[n++] = (struct option){"json", no_argument, NULL, O_JSON};
    longopts[n++] = (struct option){"timeout", required_argument, NULL, O_TIMEOUT};
    longopts[n++] = (struct option){"help", no_argument, NULL, O_HELP};
    size_t extra0 = n;
    for (const zwh_cli_opt_t *o = spec->opts; o && o->name && n < 39; o++) {
        int code = (int)(O_EXTRA + (n - extra0));
        longopts[n++] = (struct option){o->name, o->has_arg ? required_argument : no_argument, NULL, code};
    }
    longopts[n] = (struct option){0, 0, 0, 0};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "vh", longopts, NULL)) != -1) {
        char *end = NULL;
        switch (c) {
        case O_PORT: cli->port = optarg; break;
        case O_NODE:
            errno = 0;
            cli->node = strtol(optarg, &end, 10);
            if (errno || !end || *end || cli->node < 1 || cli->node > 4000) {
                fprintf(stderr, "%s: --node must be a node id from 1 to 4000\n", spec->prog);
                exit(2);
            }
            break;
        case O_KEYS: cli->keys = optarg; break;
        case O_STATE: cli->state = optarg; break;
        case O_JSON: cli->json = 1; break;
        case O_TIMEOUT:
            errno = 0;
            cli->timeout = strtod(optarg, &end);
            if (errno || !end || *end || cli->timeout <= 0 || cli->timeout > 86400) {
                fprintf(stderr, "%s: --timeout must be a number of seconds above 0\n", spec->prog);
                exit(2);
            }
            break;
        case 'v': cli->verbose++; break;
        case 'h':
        case O_HELP: usage(spec, stdout); exit(0);
        case '?':
            fprintf(stderr, "%s: unknown or incomplete option '%s' (see --help)\n", spec->prog,
                    argv[optind - 1] ? argv[optind - 1] : "?");
            exit(2);
        default:
            if (c >= O_EXTRA) {
                const zwh_cli_opt_t *o = &spec->opts[c - O_EXTRA];
                if (o->has_arg && o->value)
                    *o->value = optarg;
                else if (o->flag)
                    *o->flag = 1;
            }
            break;
        }
    }
    cli->argc = argc - optind;
    cli->argv = argv + optind;
}

void zwh_cli_progress(zwh_cli_t *cli, const char *fmt, ...)
{
    (void)cli;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- JSON ---- */
static void json_sep(zwh_cli_t *cli)
{
    if (cli->json_depth > 0 && cli->json_depth < 16) {
        if (!cli->json_first[cli->json_depth])
            fputc(',', stdout);
        cli->json_first[cli->json_depth] = false;
    }
}

static void json_string(const char *s)
{
    fputc('"', stdout);
    for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            fputc(*p, stdout);
    }
    fputc('"', stdout);
}

static void json_key(zwh_cli_t *cli, const char *key)
{
    json_sep(cli);
    if (key) {
        json_string(key);
        fputc(':', stdout);
    }
}

static void json_open(zwh_cli_t *cli, const char *key, char ch)
{
    json_key(cli, key);
    fputc(ch, stdout);
    if (cli->json_depth < 15)
        cli->json_depth++;
    cli->json_first[cli->json_depth] = true;
}

void zwh_json_begin(zwh_cli_t *cli) { cli->json_depth = 0; json_open(cli, NULL, '{'); }
void zwh_json_key_object(zwh_cli_t *cli, const char *key) { json_open(cli, key, '{'); }
void zwh_json_key_array(zwh_cli_t *cli, const char *key) { json_open(cli, key, '['); }
void zwh_json_object(zwh_cli_t *cli) { json_open(cli, NULL, '{'); }
void zwh_json_array_end(zwh_cli_t *cli) { fputc(']', stdout); cli->json_depth--; }
void zwh_json_end(zwh_cli_t *cli)
{
    fputc('}', stdout);
    cli->json_depth--;
    if (cli->json_depth <= 0) {
        fputc('\n', stdout);
        fflush(stdout);
    }
}
void zwh_json_str(zwh_cli_t *cli, const char *key, const char *v) { json_key(cli, key); json_string(v ? v : ""); }
void zwh_json_int(zwh_cli_t *cli, const char *key, long long v) { json_key(cli, key); printf("%lld", v); }
void zwh_json_bool(zwh_cli_t *cli, const char *key, bool v) { json_key(cli, key); fputs(v ? "true" : "false", stdout); }
void zwh_json_double(zwh_cli_t *cli, const char *key, double v) { json_key(cli, key); printf("%.10g", v); }

/* ---- running ---- */
static void log_sink(int level, const char *line, void *user)
{
    zwh_cli_t *cli = user;
    fprintf(stderr, "%s: [%s] %s\n", cli->spec->prog, zwh_log_level_name(level), line);
}

static void closed(zwh_host_t *h, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    cli->host = NULL;
}

static void handle_closed(uv_handle_t *h) { (void)h; }

static void close_now(uv_timer_t *t)
{
    zwh_cli_t *cli = t->data;
    if (cli->on_close)
        cli->on_close(cli);
    uv_close((uv_handle_t *)&cli->deadline, handle_closed);
    uv_signal_stop(&cli->sigint);
    uv_close((uv_handle_t *)&cli->sigint, handle_closed);
    if (cli->host)
        zwh_host_close(cli->host, closed, cli);
}

/* The host is closed on the next loop turn, outside the library callback that
 * usually calls this. Workaround, reported to the lead: a zwh_host_close() from
 * inside a ZWH_EVENT_NODE_READY callback loses the interview results (the state
 * is marked dirty only after the event) and can leave the close hanging
 * (zwh__serial_arm re-arms the serial timer while closing). */
void zwh_cli_finish(zwh_cli_t *cli, int exit_code)
{
    if (cli->finishing)
        return;
    cli->finishing = true;
    cli->exit_code = exit_code;
    uv_timer_start(&cli->deadline, close_now, 0, 0);
}

void zwh_cli_fail(zwh_cli_t *cli, const char *status, int err, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    fprintf(stderr, "%s: %s\n", cli->spec->prog, msg);
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", status);
        if (err)
            zwh_json_str(cli, "error", zwh_err_name(err));
        zwh_json_str(cli, "message", msg);
        zwh_json_end(cli);
    }
    zwh_cli_finish(cli, 1);
}

static void on_deadline(uv_timer_t *t)
{
    zwh_cli_t *cli = t->data;
    const char *what = cli->host && zwh_host_get_state(cli->host) == ZWH_HOST_READY ? "the operation"
                       : cli->port ? "the controller" : "the run";
    if (cli->node_then && cli->host && zwh_host_get_state(cli->host) == ZWH_HOST_READY) {
        zwh_cli_fail(cli, "timeout", ZWH_ETIMEDOUT, "timed out after %g s waiting for node %ld's %s", cli->timeout,
                     cli->node, cli->node_facts ? "interview" : "command classes");
        return;
    }
    zwh_cli_fail(cli, "timeout", ZWH_ETIMEDOUT, "timed out after %g s waiting for %s at %s", cli->timeout, what,
                 cli->port ? cli->port : "(no port)");
}

static void on_sigint(uv_signal_t *s, int signum)
{
    (void)signum;
    zwh_cli_t *cli = s->data;
    zwh_cli_fail(cli, "interrupted", ZWH_ECANCELED, "interrupted");
}

static void node_go(zwh_cli_t *cli);

static void on_host_event(zwh_host_t *h, const zwh_event_t *ev, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    int type = zwh_event_get_type(ev);
    if (cli->on_event)
        cli->on_event(cli, ev);
    switch (type) {
    case ZWH_EVENT_NODE_INFO:
    case ZWH_EVENT_NODE_READY:
        if (cli->node_then && zwh_event_get_node_id(ev) == cli->node && !cli->finishing)
            node_go(cli);
        break;
    case ZWH_EVENT_READY:
        if (cli->on_ready) {
            void (*ready)(zwh_cli_t *) = cli->on_ready;
            cli->on_ready = NULL; /* once: a reconnection re-runs start-up */
            ready(cli);
        }
        break;
    case ZWH_EVENT_ERROR:
        if (cli->on_ready) /* not ready yet: this run cannot succeed */
            zwh_cli_fail(cli, "error", zwh_event_get_status(ev), "%s", zwh_event_get_message(ev));
        else
            zwh_cli_progress(cli, "%s: %s", cli->spec->prog, zwh_event_get_message(ev));
        break;
    case ZWH_EVENT_DISCONNECTED:
        zwh_cli_progress(cli, "%s: connection lost (%s); reconnecting", cli->spec->prog, zwh_event_get_message(ev));
        break;
    default:
        break;
    }
}

int zwh_cli_run(zwh_cli_t *cli, void (*on_ready)(zwh_cli_t *cli))
{
    if (uv_loop_init(&cli->loop) != 0) {
        fprintf(stderr, "%s: cannot create an event loop\n", cli->spec->prog);
        return 1;
    }
    uv_timer_init(&cli->loop, &cli->deadline);
    cli->deadline.data = cli;
    uv_timer_start(&cli->deadline, on_deadline, (uint64_t)(cli->timeout * 1000.0), 0);
    uv_signal_init(&cli->loop, &cli->sigint);
    cli->sigint.data = cli;
    uv_signal_start(&cli->sigint, on_sigint, SIGINT);
    cli->on_ready = on_ready;
    int rc = zwh_host_new(&cli->loop, &cli->host);
    if (rc == 0) {
        zwh_host_set_event_cb(cli->host, on_host_event, cli);
        zwh_host_set_log(cli->host, log_sink, cli->verbose ? ZWH_LOG_TRACE : ZWH_LOG_ERROR, 0, cli);
        rc = zwh_host_set_port(cli->host, cli->port);
    }
    char msg[256] = "";
    if (rc == 0 && cli->keys && (rc = zwh_host_set_keys(cli->host, cli->keys, msg, sizeof msg)) != 0) {
        zwh_cli_fail(cli, "error", rc, "%s", msg[0] ? msg : zwh_strerror(rc));
    } else if (rc == 0 && cli->state && (rc = zwh_host_set_state_file(cli->host, cli->state)) != 0) {
        zwh_cli_fail(cli, "error", rc, "%s: %s", cli->state, zwh_strerror(rc));
    } else {
        if (rc == 0)
            rc = zwh_host_start(cli->host);
        if (rc != 0)
            zwh_cli_fail(cli, "error", rc, "%s: %s", cli->port ? cli->port : "(no port)", zwh_strerror(rc));
    }
    uv_run(&cli->loop, UV_RUN_DEFAULT);
    uv_loop_close(&cli->loop);
    return cli->exit_code;
}

/* ---- the target node ---- */
/* ---- helpers for examples that talk to one node ---- */
const char *zwh_cli_status_name(int err)
{
    static const struct {
        int err;
        const char *name;
    } names[] = {
        {0, "success"},
        {ZWH_ESUPERVISION_FAIL, "fail"},
        {ZWH_ETIMEDOUT, "timeout"},
        {ZWH_ESUPERVISION_NOSUP, "no_support"},
        {ZWH_ENODEACK, "no_ack"},
        {ZWH_ENODEDEAD, "dead"},
        {ZWH_ECANCELED, "canceled"},
    };
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (names[i].err == err)
            return names[i].name;
    return "error";
}

int zwh_cli_need_node(zwh_cli_t *cli, uint8_t cc, const char *cc_name)
{
    if (cli->node < 0) {
        zwh_cli_fail(cli, "error", ZWH_EINVAL, "--node is required");
        return -1;
    }
    uint16_t node = (uint16_t)cli->node;
    zwh_node_info_t info;
    if (zwh_host_get_node_info(cli->host, node, &info) != 0) {
        zwh_cli_fail(cli, "error", ZWH_ENONODE, "node %u does not exist", node);
        return -1;
    }
    if (cc && zwh_host_node_supports(cli->host, node, 0, cc) != 1) {
        zwh_cli_fail(cli, "error", ZWH_ENOCC, "node %u does not support %s", node, cc_name);
        return -1;
    }
    return 0;
}

uint32_t zwh_cli_remaining_ms(zwh_cli_t *cli)
{
    uint64_t left = uv_timer_get_due_in(&cli->deadline);
    return left == 0 ? 1 : left > 0xFFFFFFFFu ? 0xFFFFFFFFu : (uint32_t)left;
}

const char *zwh_cli_secclass_name(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_S2_ACCESS_CONTROL: return "S2_AccessControl";
    case ZWH_SECCLASS_S2_AUTHENTICATED: return "S2_Authenticated";
    case ZWH_SECCLASS_S2_UNAUTHENTICATED: return "S2_Unauthenticated";
    case ZWH_SECCLASS_S2_LR_ACCESS_CONTROL: return "S2_LR_AccessControl";
    case ZWH_SECCLASS_S2_LR_AUTHENTICATED: return "S2_LR_Authenticated";
    case ZWH_SECCLASS_S0: return "S0";
    default: return "none";
    }
}

/* Whether the node's command classes are known well enough to act: after its
 * interview (or the state file), or from its node information frame when the
 * class is listed there or the node has no security that could hide it. */
static bool node_decided(zwh_cli_t *cli)
{
    uint16_t id = (uint16_t)cli->node;
    if (zwh_host_get_interview_state(cli->host, id) == ZWH_INTERVIEW_COMPLETE)
        return true;
    if (cli->node_facts)
        return false;
    uint8_t ccs[256];
    size_t count = 0;
    if (zwh_host_get_node_ccs(cli->host, id, ccs, sizeof ccs, &count, NULL, 0, NULL) != 0 || count == 0)
        return false; /* no node information frame yet: the host asks for it after start-up */
    if (!cli->node_cc || zwh_host_node_supports(cli->host, id, 0, cli->node_cc) == 1)
        return true;
    for (size_t i = 0; i < count && i < sizeof ccs; i++)
        if (ccs[i] == 0x9F || ccs[i] == 0x98) /* Security 2 / Security 0: more classes may be secure */
            return false;
    return true;
}

static void node_go(zwh_cli_t *cli)
{
    if (!node_decided(cli))
        return;
    void (*then)(zwh_cli_t *) = cli->node_then;
    cli->node_then = NULL;
    if (cli->node_cc && zwh_host_node_supports(cli->host, (uint16_t)cli->node, 0, cli->node_cc) != 1) {
        /* "BinarySwitch" -> "Binary Switch" */
        const char *name = zwh_cc_get_name(cli->node_cc);
        char words[64] = "that command class";
        for (size_t i = 0, k = 0; name && name[i] && k + 2 < sizeof words; i++) {
            if (i > 0 && isupper((unsigned char)name[i]) && islower((unsigned char)name[i - 1]))
                words[k++] = ' ';
            words[k++] = name[i];
            words[k] = '\0';
        }
        zwh_cli_fail(cli, "error", ZWH_ENOCC, "node %ld does not support %s", cli->node, words);
        return;
    }
    then(cli);
}

void zwh_cli_with_node(zwh_cli_t *cli, uint8_t cc, bool facts, void (*then)(zwh_cli_t *cli))
{
    zwh_controller_info_t ci;
    if (zwh_cli_need_node(cli, 0, NULL) != 0)
        return;
    if (zwh_host_get_controller_info(cli->host, &ci) == 0 && ci.node_id == cli->node) {
        zwh_cli_fail(cli, "error", ZWH_EINVAL, "node %ld is the controller itself", cli->node);
        return;
    }
    cli->node_cc = cc;
    cli->node_facts = facts;
    cli->node_then = then;
    if (!node_decided(cli))
        zwh_cli_progress(cli, "%s: waiting for node %ld's %s (--state FILE keeps them for later runs)",
                         cli->spec->prog, cli->node, facts ? "interview" : "command classes");
    node_go(cli);
}

