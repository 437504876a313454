/* zwh-sim: a simulated Z-Wave USB controller for tests and demos. See --help
 * and DESIGN.md ("zwh-sim" contract). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "zwhost/error.h"
#include "node_security.h"
#include "sim.h"

static void log_to_stderr(int level, const char *line, void *user)
{
    (void)user;
    fprintf(stderr, "zwh-sim: %s: %s\n", zwh_log_level_name(level), line);
}

/* "TYPE:ID[:attr...]" or, for --pending, "TYPE[:attr...]" */
static sim_node_t *make_device(sim_t *s, const char *spec, int with_id, uint16_t *id_out)
{
    char buf[160];
    if (strlen(spec) >= sizeof buf) {
        fprintf(stderr, "zwh-sim: device spec too long: '%s'\n", spec);
        return NULL;
    }
    strcpy(buf, spec);
    char *rest = strchr(buf, ':');
    if (rest)
        *rest++ = '\0';
    const sim_device_type_t *type = sim_device_find(buf);
    if (!type) {
        char types[256];
        sim_device_list(types, sizeof types);
        fprintf(stderr, "zwh-sim: unknown device type '%s' in '%s' (known: %s)\n", buf, spec, types);
        return NULL;
    }
    if (with_id) {
        char *end = NULL;
        unsigned long id = rest ? strtoul(rest, &end, 10) : 0;
        if (!rest || end == rest || (*end && *end != ':') || id < 2 || id > SIM_MAX_NODE_ID) {
            fprintf(stderr, "zwh-sim: '%s': node id must be 2..%d (TYPE:ID)\n", spec, SIM_MAX_NODE_ID);
            return NULL;
        }
        *id_out = (uint16_t)id;
        rest = *end ? end + 1 : NULL;
    }
    sim_node_opts_t nopts;
    if (sim_node_opts_parse(&nopts, rest) < 0) {
        fprintf(stderr, "zwh-sim: '%s': bad attributes (sleep=SECONDS, flirs, dead, rssi=DBM, smartstart)\n", spec);
        return NULL;
    }
    sim_node_t *n = sim_node_new(&s->net, type, &nopts);
    if (!n)
        fprintf(stderr, "zwh-sim: cannot create device '%s'\n", spec);
    return n;
}

static int add_devices(sim_t *s)
{
    if (s->opts.devices) {
        char *list = strdup(s->opts.devices);
        char *save = NULL;
        int rc = 0;
        for (char *tok = strtok_r(list, ",", &save); tok && rc == 0; tok = strtok_r(NULL, ",", &save)) {
            uint16_t id = 0;
            sim_node_t *n = make_device(s, tok, 1, &id);
            if (!n) {
                rc = -1;
            } else if (sim_net_include(&s->net, n, id) < 0) {
                fprintf(stderr, "zwh-sim: node id %u given twice\n", id);
                sim_node_free(n);
                rc = -1;
            } else if (sim_node_sec_preinclude(n) < 0) {
                fprintf(stderr, "zwh-sim: cannot set up the security of node %u\n", id);
                rc = -1;
            } else if (id > s->ctrl.last_assigned) {
                s->ctrl.last_assigned = id;
            }
        }
        free(list);
        if (rc < 0)
            return rc;
    }
    for (int i = 0; i < s->opts.npending; i++) {
        sim_node_t *n = make_device(s, s->opts.pending[i], 0, NULL);
        if (!n)
            return -1;
        if (sim_node_sec_prepare(n) < 0) {
            fprintf(stderr, "zwh-sim: cannot make the key pair of '%s'\n", s->opts.pending[i]);
            sim_node_free(n);
            return -1;
        }
        uint32_t nwi;
        if (n->smartstart && sim_node_sec_nwi_home_id(n, &nwi) < 0) {
            fprintf(stderr, "zwh-sim: '%s': SmartStart needs a device type that requests S2\n",
                    s->opts.pending[i]);
            sim_node_free(n);
            return -1;
        }
        sim_net_add_pending(&s->net, n);
    }
    return 0;
}

/* "DSK <type> <dsk>" on stdout for each pending device that runs S2 (after the
 * LISTEN/PTY line, which comes first). */
static void print_dsks(const sim_t *s)
{
    for (size_t i = 0; i < s->net.npending; i++) {
        char dsk[ZWH_DSK_TEXT_SIZE];
        if (sim_node_sec_dsk(s->net.pending[i], dsk, sizeof dsk) > 0)
            printf("DSK %s %s\n", s->net.pending[i]->type->name, dsk);
    }
}

static int load_keys(sim_t *s)
{
    if (!s->opts.keys)
        return 0;
    char msg[256];
    int rc = zwh_keystore_new(s->opts.keys, &s->keys, msg, sizeof msg);
    if (rc < 0) {
        fprintf(stderr, "zwh-sim: --keys: %s\n", msg[0] ? msg : zwh_strerror(rc));
        return -1;
    }
    ZWH_LOGI(&s->log, "keys file %s: classes %02x (keys %s)", s->opts.keys, zwh_keystore_classes_get(s->keys),
             ZWH__REDACTED);
    s->net.keys = s->keys;
    return 0;
}

void sim_stdin_line(sim_t *s, const char *line)
{
    unsigned id;
    int off = 0;
    if (sim_ctrl_command(&s->ctrl, line) == 0)
        return;
    if (sscanf(line, "node %u %n", &id, &off) == 1 && off > 0) {
        sim_node_t *n = id <= SIM_MAX_NODE_ID ? sim_net_node(&s->net, (uint16_t)id) : NULL;
        if (n && sim_node_event(n, line + off) == 0)
            return;
        ZWH_LOGW(&s->log, "stdin: node %u cannot do '%s'", id, line + off);
        return;
    }
    ZWH_LOGW(&s->log, "stdin: unknown line '%s'", line);
}

static void close_walk(uv_handle_t *h, void *arg)
{
    (void)arg;
    if (!uv_is_closing(h))
        uv_close(h, NULL);
}

static void shutdown_sim(sim_t *s)
{
    if (s->closing)
        return;
    s->closing = 1;
    ZWH_LOGI(&s->log, "exiting");
    sim_ctrl_close(&s->ctrl);
    sim_net_clear(&s->net);
    sim_sched_close(&s->sched);
    if (s->transport_up)
        sim_transport_close(s);
    sim_link_close(&s->link);
    sim_stdin_close(s);
    uv_close((uv_handle_t *)&s->sigint, NULL);
    uv_close((uv_handle_t *)&s->sigterm, NULL);
}

static void on_signal(uv_signal_t *h, int signum)
{
    (void)signum;
    shutdown_sim(h->data);
}

static void on_link_frame(void *user, const zwh__frame_t *f)
{
    sim_t *s = user;
    sim_ctrl_handle(&s->ctrl, f);
}

int main(int argc, char **argv)
{
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN);
    sim_t *s = calloc(1, sizeof *s);
    if (!s)
        return 1;
    int rc = sim_opts_parse(&s->opts, argc, argv);
    if (rc != 0) {
        free(s);
        return rc > 0 ? 0 : 2;
    }
    s->loop = uv_default_loop();
    zwh__log_init(&s->log);
    s->log.cb = log_to_stderr;
    s->log.level = ZWH_LOG_INFO + (s->opts.verbose > 2 ? 2 : s->opts.verbose);
    if (!s->opts.seed_set)
        s->opts.seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
    ZWH_LOGI(&s->log, "seed %llu", (unsigned long long)s->opts.seed);
    sim_rng_init(&s->rng, s->opts.seed, 1);
    sim_rng_init(&s->fault_rng, s->opts.seed, 2);
    s->faults = s->opts.faults;
    sim_rng_init(&s->sec_rng, s->opts.seed, 3);

    sim_sched_init(&s->sched, s->loop);
    sim_link_init(&s->link, s->loop, &s->sched);
    s->link.log = &s->log;
    s->link.faults = &s->faults;
    s->link.rng = &s->fault_rng;
    s->link.on_frame = on_link_frame;
    s->link.user = s;
    sim_net_init(&s->net, &s->sched, &s->log, s->opts.time_scale);
    s->net.sec_rng = &s->sec_rng;
    s->net.seed = s->opts.seed;
    const sim_ctrl_deps_t deps = {s->loop, &s->log, &s->link, &s->net, &s->sched, &s->rng, &s->faults};
    sim_ctrl_init(&s->ctrl, &deps, s->opts.home_id, s->opts.report_order);
    s->net.emit = sim_ctrl_node_emit;
    s->net.emit_user = &s->ctrl;
    ZWH_LOGI(&s->log, "home id %08x", s->ctrl.home_id);

    uv_signal_init(s->loop, &s->sigint);
    uv_signal_init(s->loop, &s->sigterm);
    s->sigint.data = s->sigterm.data = s;
    rc = load_keys(s);
    if (rc == 0)
        rc = add_devices(s);
    if (rc == 0)
        rc = sim_transport_start(s);
    if (rc == 0)
        print_dsks(s);
    if (rc < 0) {
        shutdown_sim(s); /* half-initialised handles are closed by the walk below */
    } else {
        s->transport_up = 1;
        uv_signal_start(&s->sigint, on_signal, SIGINT);
        uv_signal_start(&s->sigterm, on_signal, SIGTERM);
        sim_stdin_start(s);
    }
    uv_run(s->loop, UV_RUN_DEFAULT);
    uv_walk(s->loop, close_walk, NULL);
    uv_run(s->loop, UV_RUN_DEFAULT);
    int closed = uv_loop_close(s->loop);
    if (closed)
        fprintf(stderr, "zwh-sim: loop not closed cleanly: %s\n", uv_strerror(closed));
    zwh_keystore_free(s->keys);
    free(s);
    return rc < 0 ? 2 : 0;
}
