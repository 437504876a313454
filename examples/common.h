/* Shared by every example program: the common options of DESIGN.md, the
 * run-with-a-deadline loop, and output (progress on stderr, JSON on stdout).
 *
 *   --port URL       serial device (/dev/ttyACM0) or tcp://HOST:PORT
 *   --node N         target node
 *   --keys FILE      network keys file
 *   --state FILE     state file
 *   --json           one JSON object per result line on stdout; the last is the final result
 *   --timeout SECS   deadline for the whole run (each program documents its default)
 *   -v               decoded frame trace on stderr
 * Exit status 0 only on full success. Errors are one clear line on stderr. */
#ifndef ZWH_EXAMPLES_COMMON_H
#define ZWH_EXAMPLES_COMMON_H

#include <stdbool.h>
#include <stdio.h>
#include <uv.h>
#include "zwhost/zwhost.h"

typedef struct zwh_cli zwh_cli_t;

/* A program-specific option: long name, whether it takes a value, and where to store it. */
typedef struct zwh_cli_opt {
    const char *name;
    int has_arg;            /* 0 = flag (sets *flag = 1), 1 = value (stores *value) */
    int *flag;
    const char **value;
    const char *help;
} zwh_cli_opt_t;

typedef struct zwh_cli_spec {
    const char *prog;       /* "zwh-info" */
    const char *usage;      /* "[--list-ports]" */
    const char *about;      /* one line */
    double default_timeout; /* seconds */
    const zwh_cli_opt_t *opts; /* terminated by {0} */
    bool needs_port;
} zwh_cli_spec_t;

struct zwh_cli {
    const zwh_cli_spec_t *spec;
    const char *port;
    long node;              /* -1 when not given */
    const char *keys;
    const char *state;
    int json;
    double timeout;
    int verbose;
    int argc;               /* positional arguments */
    char **argv;
    /* runtime */
    uv_loop_t loop;
    uv_timer_t deadline;
    uv_signal_t sigint;
    zwh_host_t *host;
    int exit_code;
    bool finishing;
    void (*on_ready)(zwh_cli_t *cli);
    void (*on_event)(zwh_cli_t *cli, const zwh_event_t *ev);
    void (*on_close)(zwh_cli_t *cli); /* the run ends: close the program's own uv handles */
    void *user;
    /* zwh_cli_with_node */
    void (*node_then)(zwh_cli_t *cli);
    uint8_t node_cc;
    bool node_facts;
    /* JSON writer state */
    int json_depth;
    bool json_first[16];
};

/* Parses argv. Exits with status 2 and one line on stderr for bad usage. */
void zwh_cli_parse(zwh_cli_t *cli, const zwh_cli_spec_t *spec, int argc, char **argv);
/* Starts the host on --port; on_ready runs once start-up is done. Errors and the
 * deadline end the run with a non-zero exit. Returns the exit status after the loop ends. */
int zwh_cli_run(zwh_cli_t *cli, void (*on_ready)(zwh_cli_t *cli));
/* Ends the run: closes the host and lets the loop finish with this exit status. */
void zwh_cli_finish(zwh_cli_t *cli, int exit_code);
/* Reports a failure: one line on stderr ("prog: message"); with --json also a final
 * {"status": status, "error": ..., "message": ...} line on stdout. Then finishes with 1. */
void zwh_cli_fail(zwh_cli_t *cli, const char *status, int err, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Progress for a person: stderr, suppressed by nothing (stdout stays machine-readable). */
void zwh_cli_progress(zwh_cli_t *cli, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* For programs that act on --node (call it from on_ready): checks, without any radio
 * traffic, that the node exists ("node 7 does not exist") and, when cc is not 0, that it
 * supports cc ("node 7 does not support Meter"); both end the run with exit 1. Then
 * calls then(cli) once enough is known: at once when the state file had the node's
 * interview results; else, with facts, after its interview (ZWH_EVENT_NODE_READY),
 * without, as soon as its node information frame lists cc (a secure node may list it
 * only in its interview results). All within --timeout. */
void zwh_cli_with_node(zwh_cli_t *cli, uint8_t cc, bool facts, void (*then)(zwh_cli_t *cli));
/* "S2_AccessControl", "S2_Authenticated", "S2_Unauthenticated", "S0", "none" for a
 * ZWH_SECCLASS_* value (as the JSON outputs name them). Static string. */
const char *zwh_cli_secclass_name(int secclass);

/* Shared by the examples that talk to one node (--node):
 * The "status" word of a result: 0 "success", ZWH_ESUPERVISION_FAIL "fail",
 * ZWH_ETIMEDOUT "timeout", ZWH_ESUPERVISION_NOSUP "no_support", ZWH_ENODEACK
 * "no_ack", ZWH_ENODEDEAD "dead", ZWH_ECANCELED "canceled", others "error". */
const char *zwh_cli_status_name(int err);
/* Checks, without any traffic to the node, that --node was given, that the
 * controller knows the node and (cc != 0) that it supports cc ("node 7 does not
 * support User Code"). On failure reports it with zwh_cli_fail and returns -1. */
int zwh_cli_need_node(zwh_cli_t *cli, uint8_t cc, const char *cc_name);
/* Milliseconds left before the --timeout deadline (at least 1). */
uint32_t zwh_cli_remaining_ms(zwh_cli_t *cli);

/* Minimal JSON writer on stdout. */
void zwh_json_begin(zwh_cli_t *cli);               /* { */
void zwh_json_end(zwh_cli_t *cli);                 /* } and newline at depth 0 */
void zwh_json_key_object(zwh_cli_t *cli, const char *key);  /* "key": { */
void zwh_json_key_array(zwh_cli_t *cli, const char *key);   /* "key": [ */
void zwh_json_array_end(zwh_cli_t *cli);           /* ] */
void zwh_json_object(zwh_cli_t *cli);              /* { inside an array */
void zwh_json_str(zwh_cli_t *cli, const char *key, const char *v);
void zwh_json_int(zwh_cli_t *cli, const char *key, long long v);
void zwh_json_bool(zwh_cli_t *cli, const char *key, bool v);
void zwh_json_double(zwh_cli_t *cli, const char *key, double v);

#endif
