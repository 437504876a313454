#include "opts.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include "ctrl.h"
#include "nodes.h"

enum {
    O_LISTEN = 256, O_PTY, O_LINK, O_DEVICES, O_PENDING, O_KEYS, O_SEED, O_TIME_SCALE, O_HOME_ID,
    O_REPORT_ORDER, O_HELP, O_DROP_RATE, O_CORRUPT_RATE, O_ACK_DELAY, O_WITHHOLD_ACK, O_CAN_COUNT,
    O_GARBAGE_RATE, O_CORRUPT_TX_RATE, O_JAM_COUNT, O_DROP_CONN, O_NO_CALLBACK, O_LOSE_SEGMENT,
};

static const struct option long_opts[] = {
    {"listen", required_argument, 0, O_LISTEN},
    {"pty", no_argument, 0, O_PTY},
    {"link", required_argument, 0, O_LINK},
    {"devices", required_argument, 0, O_DEVICES},
    {"pending", required_argument, 0, O_PENDING},
    {"keys", required_argument, 0, O_KEYS},
    {"seed", required_argument, 0, O_SEED},
    {"time-scale", required_argument, 0, O_TIME_SCALE},
    {"home-id", required_argument, 0, O_HOME_ID},
    {"report-order", required_argument, 0, O_REPORT_ORDER},
    {"verbose", no_argument, 0, 'v'},
    {"help", no_argument, 0, O_HELP},
    {"drop-rate", required_argument, 0, O_DROP_RATE},
    {"corrupt-rate", required_argument, 0, O_CORRUPT_RATE},
    {"ack-delay-ms", required_argument, 0, O_ACK_DELAY},
    {"withhold-ack-count", required_argument, 0, O_WITHHOLD_ACK},
    {"can-count", required_argument, 0, O_CAN_COUNT},
    {"garbage-rate", required_argument, 0, O_GARBAGE_RATE},
    {"corrupt-tx-rate", required_argument, 0, O_CORRUPT_TX_RATE},
    {"jam-count", required_argument, 0, O_JAM_COUNT},
    {"drop-connection-after", required_argument, 0, O_DROP_CONN},
    {"no-callback-count", required_argument, 0, O_NO_CALLBACK},
    {"lose-segment-count", required_argument, 0, O_LOSE_SEGMENT},
    {0, 0, 0, 0},
};

void sim_opts_usage(FILE *out)
{
    char types[256];
    sim_device_list(types, sizeof types);
    fprintf(out,
        "usage: zwh-sim (--listen tcp://127.0.0.1:PORT | --pty [--link PATH]) [options]\n"
        "\n"
        "A simulated 700-series Z-Wave USB controller (Serial API, static controller,\n"
        "\"Z-Wave 7.19\") with virtual nodes. Serves one host connection at a time, again\n"
        "and again, keeping the network while it runs. stdout carries only machine-readable\n"
        "lines (LISTEN tcp://127.0.0.1:PORT, PTY /dev/pts/N, DSK ...); logs go to stderr.\n"
        "Lines on stdin are device events (\"exclude N\" picks the node the next exclusion\n"
        "removes; \"node N TEXT\" goes to node N's device model: \"wake\" for a sleeping\n"
        "node; zen07/hkzw_so03: on, off, load WATTS, reset, (hkzw_so03) scene N;\n"
        "ezmultipli: motion on|off, temperature C, lux L, reset; any node, for security\n"
        "tests: raw HEX (plaintext), secure unauth|auth|access HEX, replay).\n"
        "\n"
        "Transport:\n"
        "  --listen tcp://HOST:PORT   listen on an IPv4 address (port 0 picks a free one)\n"
        "  --pty                      serve on a pseudo-terminal (its path is printed)\n"
        "  --link PATH                with --pty: a symlink PATH to the pty (removed at exit)\n"
        "Network:\n"
        "  --devices TYPE:ID[:ATTR...][,TYPE:ID...]\n"
        "                             included nodes; ATTR: sleep=SECONDS (sleeping node with\n"
        "                             that wake-up interval), flirs, dead (never ACKs),\n"
        "                             rssi=DBM. Types: %s\n"
        "  --pending TYPE[:ATTR...]   a device that joins when the host runs AddNode\n"
        "                             (repeatable, up to %d, joined in order); ATTR\n"
        "                             smartstart: it announces itself while the controller\n"
        "                             listens for SmartStart (AddNode 09) and joins by AddNode\n"
        "                             08 with its NWI home id, never by a button press\n"
        "  --keys FILE                network keys (DESIGN.md format, mode 0600) that the\n"
        "                             --devices nodes requesting security hold; without it\n"
        "                             they are non-secure. --pending S2 devices print\n"
        "                             'DSK TYPE DSK' on stdout and bootstrap when included\n"
        "  --home-id 0xHHHHHHHH       home id (default: random from the seed)\n"
        "  --seed N                   PRNG seed (default: from the clock, printed on stderr)\n"
        "  --time-scale F             divide device-side delays (wake-up intervals, the\n"
        "                             FLiRS wake-up beam, a bolt's travel) by F\n"
        "  --report-order before|after|random\n"
        "                             a node's answer to SendData goes out before or after\n"
        "                             the SendData callback (default random, seeded)\n"
        "  -v, --verbose              more logging on stderr (-vv: frame trace)\n"
        "  --help                     this text\n"
        "Faults (rates 0..1 drawn from the seeded PRNG; counts are used up in order):\n"
        "  --drop-rate R              ignore host frames silently (no ACK)\n"
        "  --corrupt-rate R           treat host frames as corrupt (answer NAK)\n"
        "  --ack-delay-ms N           delay the ACK (and handling) of every host frame\n"
        "  --withhold-ack-count N     handle N host frames but never ACK them (ACK lost)\n"
        "  --can-count N              answer CAN to the next N host frames (discarded)\n"
        "  --garbage-rate R           write 1-3 garbage bytes before frames to the host\n"
        "  --corrupt-tx-rate R        send frames to the host with a broken checksum\n"
        "                             (retransmitted after the host's NAK)\n"
        "  --jam-count N              the next N SendData callbacks report FAIL (jammed)\n"
        "  --drop-connection-after N  close the first connection after N host frames\n"
        "  --no-callback-count N      swallow the next N SendData callbacks (until the\n"
        "                             host sends SendDataAbort)\n"
        "  --lose-segment-count N     lose the next N Transport Service subsequent segments\n"
        "                             sent to nodes (acknowledged, never delivered)\n",
        types, SIM_OPTS_MAX_PENDING);
}

static int bad(const char *opt, const char *val)
{
    fprintf(stderr, "zwh-sim: invalid value for --%s: '%s' (see --help)\n", opt, val);
    return -1;
}

static int parse_rate(const char *s, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= 0.0 && v <= 1.0))
        return -1;
    *out = v;
    return 0;
}

static int parse_count(const char *s, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < 0 || v > 1000000000L)
        return -1;
    *out = v;
    return 0;
}

static const char *opt_name(int id)
{
    for (const struct option *o = long_opts; o->name; o++)
        if (o->val == id)
            return o->name;
    return "?";
}

int sim_opts_parse(sim_opts_t *o, int argc, char **argv)
{
    memset(o, 0, sizeof *o);
    o->time_scale = 1.0;
    o->report_order = SIM_ORDER_RANDOM;
    sim_faults_init(&o->faults);
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, "v", long_opts, NULL)) != -1) {
        const char *a = optarg;
        char *end = NULL;
        long n;
        switch (c) {
        case O_LISTEN: o->listen = a; break;
        case O_PTY: o->pty = 1; break;
        case O_LINK: o->link_path = a; break;
        case O_DEVICES: o->devices = a; break;
        case O_PENDING:
            if (o->npending == SIM_OPTS_MAX_PENDING)
                return bad("pending", "too many pending devices");
            o->pending[o->npending++] = a;
            break;
        case O_KEYS: o->keys = a; break;
        case O_SEED:
            errno = 0;
            o->seed = strtoull(a, &end, 0);
            if (errno || end == a || *end)
                return bad("seed", a);
            o->seed_set = 1;
            break;
        case O_TIME_SCALE:
            errno = 0;
            o->time_scale = strtod(a, &end);
            if (errno || end == a || *end || !(o->time_scale > 0.0 && o->time_scale <= 1e6))
                return bad("time-scale", a);
            break;
        case O_HOME_ID: {
            errno = 0;
            unsigned long long h = strtoull(a, &end, 16);
            if (errno || end == a || *end || h == 0 || h > 0xFFFFFFFFull)
                return bad("home-id", a);
            o->home_id = (uint32_t)h;
            break;
        }
        case O_REPORT_ORDER:
            if (strcmp(a, "before") == 0)
                o->report_order = SIM_ORDER_BEFORE;
            else if (strcmp(a, "after") == 0)
                o->report_order = SIM_ORDER_AFTER;
            else if (strcmp(a, "random") == 0)
                o->report_order = SIM_ORDER_RANDOM;
            else
                return bad("report-order", a);
            break;
        case 'v': o->verbose++; break;
        case O_HELP: sim_opts_usage(stdout); return 1;
        case O_DROP_RATE:
        case O_CORRUPT_RATE:
        case O_GARBAGE_RATE:
        case O_CORRUPT_TX_RATE: {
            double *dst = c == O_DROP_RATE ? &o->faults.drop_rate
                        : c == O_CORRUPT_RATE ? &o->faults.corrupt_rate
                        : c == O_GARBAGE_RATE ? &o->faults.garbage_rate
                        : &o->faults.corrupt_tx_rate;
            if (parse_rate(a, dst) < 0)
                return bad(opt_name(c), a);
            break;
        }
        case O_ACK_DELAY:
            if (parse_count(a, &n) < 0 || n > 60000)
                return bad("ack-delay-ms", a);
            o->faults.ack_delay_ms = (uint32_t)n;
            break;
        case O_WITHHOLD_ACK:
        case O_CAN_COUNT:
        case O_JAM_COUNT:
        case O_DROP_CONN:
        case O_NO_CALLBACK:
        case O_LOSE_SEGMENT: {
            long *dst = c == O_WITHHOLD_ACK ? &o->faults.withhold_ack_count
                      : c == O_CAN_COUNT ? &o->faults.can_count
                      : c == O_JAM_COUNT ? &o->faults.jam_count
                      : c == O_DROP_CONN ? &o->faults.drop_connection_after
                      : c == O_LOSE_SEGMENT ? &o->faults.lose_segment_count
                      : &o->faults.no_callback_count;
            if (parse_count(a, dst) < 0)
                return bad(opt_name(c), a);
            break;
        }
        default:
            fprintf(stderr, "zwh-sim: see --help\n");
            return -1;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "zwh-sim: unexpected argument '%s' (see --help)\n", argv[optind]);
        return -1;
    }
    if (!!o->listen == !!o->pty) {
        fprintf(stderr, "zwh-sim: give exactly one of --listen tcp://HOST:PORT and --pty\n");
        return -1;
    }
    if (o->link_path && !o->pty) {
        fprintf(stderr, "zwh-sim: --link needs --pty\n");
        return -1;
    }
    return 0;
}
