/* zwh-bench: measures the host on K Binary Switch round trips.
 *
 *   zwh-bench --port tcp://127.0.0.1:4201 --node 2 --count 1000
 *   zwh-bench --port /dev/ttyACM0 --node 4 --keys zw.keys --state zw.state --count 1000 --secure
 *
 * Each round trip is a Binary Switch Set (alternately on and off, not
 * supervised: it completes when the node acknowledges it), then a Get whose
 * Report must carry the value just set. --secure insists that the node is S2 on
 * this host (its grant comes from the inclusion, kept in the state file) and
 * that every command travels under S2. Prints one JSON object:
 *   n, ok                 round trips asked for / verified
 *   ready_ms, ready_cpu_ms   process start to host ready: wall clock / process CPU
 *   wall_ms, cpu_ms       during the round trips (CPU = user + system of the process)
 *   cpu_us_per_roundtrip  cpu_ms * 1000 / n
 *   peak_rss_kib          peak resident set size (getrusage ru_maxrss)
 * Works against any stick or simulator. Default --timeout: 600 seconds. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include "common.h"

static int secure_flag;
static const char *count_arg;

static const zwh_cli_opt_t opts[] = {
    {"count", 1, NULL, &count_arg, "K: Set + Get round trips to run (1..1000000)"},
    {"secure", 0, &secure_flag, NULL, "require S2: the node must hold an S2 class on this host"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-bench",
    .usage = "--node N --count K [--secure]",
    .about = "Runs K Binary Switch Set + Get round trips and prints timing, CPU and memory figures as JSON.",
    .default_timeout = 600,
    .opts = opts,
};

#define NOT_SEEN (-100) /* no command sent yet: no security class */

typedef struct {
    long n, done, ok;
    int secclass;        /* the class the first command went under */
    bool mixed_class;    /* a later one went under another */
    double start_wall_ms; /* process start, CLOCK_MONOTONIC */
    double ready_ms, ready_cpu_ms;
    double t0_wall_ms, t0_cpu_ms;
} bench_t;

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static double process_cpu_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* When the process started, on the CLOCK_MONOTONIC scale: /proc/self/stat field 22
 * counts clock ticks since boot, as CLOCK_BOOTTIME does; falls back to "now". */
static double process_start_ms(void)
{
    double now = mono_ms();
    FILE *f = fopen("/proc/self/stat", "r");
    char buf[1024];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    unsigned long long start_ticks = 0;
    for (int field = 2; p && field < 22; field++)
        p = strchr(p + 1, ' ');
    if (!p || sscanf(p + 1, "%llu", &start_ticks) != 1)
        return now;
    struct timespec boot;
    clock_gettime(CLOCK_BOOTTIME, &boot);
    double since_start = (double)boot.tv_sec * 1e3 + (double)boot.tv_nsec / 1e6 -
                         (double)start_ticks * 1e3 / (double)sysconf(_SC_CLK_TCK);
    return since_start >= 0 ? now - since_start : now;
}

static uint8_t value_of(long i) { return i % 2 == 0 ? 0xFF : 0x00; }

static bool is_s2(int secclass)
{
    return secclass >= ZWH_SECCLASS_S2_UNAUTHENTICATED && secclass <= ZWH_SECCLASS_S2_LR_ACCESS_CONTROL;
}

static void report(zwh_cli_t *cli)
{
    bench_t *b = cli->user;
    double wall = mono_ms() - b->t0_wall_ms, cpu = process_cpu_ms() - b->t0_cpu_ms;
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    bool secure_ok = !secure_flag || (is_s2(b->secclass) && !b->mixed_class);
    bool good = b->ok == b->n && secure_ok;
    zwh_json_begin(cli); /* one JSON object, --json or not */
    zwh_json_str(cli, "status", good ? "ok" : "error");
    zwh_json_int(cli, "node_id", cli->node);
    zwh_json_str(cli, "security", zwh_cli_secclass_name(b->secclass));
    zwh_json_int(cli, "n", b->n);
    zwh_json_int(cli, "ok", b->ok);
    zwh_json_double(cli, "ready_ms", (double)(long long)(b->ready_ms * 10) / 10);
    zwh_json_double(cli, "ready_cpu_ms", (double)(long long)(b->ready_cpu_ms * 10) / 10);
    zwh_json_double(cli, "wall_ms", (double)(long long)(wall * 10) / 10);
    zwh_json_double(cli, "cpu_ms", (double)(long long)(cpu * 10) / 10);
    zwh_json_double(cli, "cpu_us_per_roundtrip", (double)(long long)(cpu * 1000.0 / (double)b->n * 10) / 10);
    zwh_json_double(cli, "roundtrips_per_s", (double)(long long)((double)b->ok * 1000.0 / wall * 10) / 10);
    zwh_json_int(cli, "peak_rss_kib", ru.ru_maxrss);
    zwh_json_end(cli);
    if (!secure_ok)
        fprintf(stderr, "zwh-bench: round trips did not all travel under S2 (--secure)\n");
    else if (!good)
        fprintf(stderr, "zwh-bench: %ld of %ld round trips failed\n", b->n - b->ok, b->n);
    zwh_cli_finish(cli, good ? 0 : 1);
}

static void next_roundtrip(zwh_cli_t *cli);

static void note_class(bench_t *b, const zwh_result_t *res)
{
    int c = zwh_result_get_secclass(res);
    if (b->secclass == NOT_SEEN)
        b->secclass = c;
    else if (c != b->secclass)
        b->mixed_class = true;
}

static void got_report(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    bench_t *b = cli->user;
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    zwh_binary_switch_report_t r;
    int st = zwh_result_get_status(res);
    note_class(b, res);
    if (st == 0 && rep && zwh_binary_switch_report_decode(rep, len, &r) == 0 &&
        (r.current_value != 0) == (value_of(b->done) != 0))
        b->ok++;
    else if (cli->verbose || b->n - b->ok <= 10)
        fprintf(stderr, "zwh-bench: round trip %ld: %s\n", b->done + 1,
                st ? zwh_strerror(st) : "the report does not carry the value just set");
    b->done++;
    next_roundtrip(cli);
}

static void set_done(zwh_host_t *host, const zwh_result_t *res, void *user)
{
    (void)host;
    zwh_cli_t *cli = user;
    bench_t *b = cli->user;
    int st = zwh_result_get_status(res);
    note_class(b, res);
    uint8_t cmd[4];
    int n = zwh_binary_switch_get_encode(cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = ZWH_CC_BINARY_SWITCH;
    o.expect_cmd = ZWH_BINARY_SWITCH_REPORT;
    int rc = st ? st : n < 0 ? n : zwh_host_send(host, (uint16_t)cli->node, cmd, (size_t)n, &o, got_report, cli, NULL);
    if (rc < 0) {
        fprintf(stderr, "zwh-bench: round trip %ld: Set: %s\n", b->done + 1, zwh_strerror(rc));
        b->done++;
        next_roundtrip(cli);
    }
}

static void next_roundtrip(zwh_cli_t *cli)
{
    bench_t *b = cli->user;
    if (cli->finishing)
        return;
    if (b->done >= b->n) {
        report(cli);
        return;
    }
    zwh_binary_switch_set_t set = {.value = value_of(b->done)};
    uint8_t cmd[4];
    int n = zwh_binary_switch_set_encode(&set, cmd, sizeof cmd);
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.flags = ZWH_SEND_NO_SUPERVISION;
    int rc = n < 0 ? n : zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, set_done, cli, NULL);
    if (rc < 0) /* nothing was queued: the node or the host cannot take commands at all */
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %ld: %s", cli->node, zwh_strerror(rc));
}

static void run(zwh_cli_t *cli)
{
    bench_t *b = cli->user;
    if (secure_flag) {
        uint32_t granted = 0;
        zwh_host_get_node_granted(cli->host, (uint16_t)cli->node, &granted);
        bool s2 = false;
        for (int c = ZWH_SECCLASS_S2_UNAUTHENTICATED; c <= ZWH_SECCLASS_S2_LR_ACCESS_CONTROL; c++)
            s2 = s2 || ((granted >> c) & 1);
        if (!cli->keys) {
            zwh_cli_fail(cli, "error", ZWH_ENOKEY, "--secure needs --keys (the network keys)");
            return;
        }
        if (!s2) {
            zwh_cli_fail(cli, "error", ZWH_ENOKEY,
                         "node %ld holds no S2 class on this host (include it securely; --state keeps the grant)",
                         cli->node);
            return;
        }
    }
    zwh_cli_progress(cli, "zwh-bench: %ld round trips with node %ld", b->n, cli->node);
    b->t0_wall_ms = mono_ms();
    b->t0_cpu_ms = process_cpu_ms();
    next_roundtrip(cli);
}

static void ready(zwh_cli_t *cli)
{
    bench_t *b = cli->user;
    b->ready_ms = mono_ms() - b->start_wall_ms;
    b->ready_cpu_ms = process_cpu_ms();
    zwh_cli_with_node(cli, ZWH_CC_BINARY_SWITCH, false, run);
}

int main(int argc, char **argv)
{
    static bench_t b;
    b.start_wall_ms = process_start_ms();
    b.secclass = NOT_SEEN;
    zwh_cli_t cli;
    zwh_cli_parse(&cli, &spec, argc, argv);
    char *end = NULL;
    errno = 0;
    b.n = count_arg ? strtol(count_arg, &end, 10) : 0;
    if (!count_arg || errno || !end || *end || b.n < 1 || b.n > 1000000) {
        fprintf(stderr, "zwh-bench: --count must be a number of round trips from 1 to 1000000\n");
        return 2;
    }
    if (!cli.port || cli.node < 0 || cli.argc != 0) {
        fprintf(stderr, "zwh-bench: --port, --node and --count are required (see --help)\n");
        return 2;
    }
    cli.json = 1; /* the result is JSON either way */
    cli.user = &b;
    return zwh_cli_run(&cli, ready);
}
