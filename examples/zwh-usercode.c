/* zwh-usercode: manages the user codes of a keypad lock (User Code CC).
 *
 *   zwh-usercode --port URL --keys keys.txt --state state.bin --node 3 set 5 1234
 *   zwh-usercode ... --node 3 set 5 1234 --disabled
 *   zwh-usercode ... --node 3 get 5 --json
 *   zwh-usercode ... --node 3 clear 5
 *   zwh-usercode ... --node 3 list
 *   zwh-usercode ... --node 3 keypad-mode normal|vacation|privacy|locked-out
 *
 * User ids above 255 use the Extended User Code commands (User Code v2). A code
 * is 4 to 10 digits; it is checked before anything is sent. Set, clear and
 * keypad-mode are supervised: the lock confirms (SUCCESS) or refuses (FAIL, e.g.
 * a code another user already has).
 *
 * --json results:
 *   set/clear:    {"status":"success"|"fail"|..., "node_id":N, "user_id":N}
 *   get:          {"status":"enabled"|"disabled"|"available"|"messaging"|"passage"|
 *                  "not_available", "node_id":N, "user_id":N, "code":"1234"}
 *   list:         one {"user_id":N,"status":"enabled",...,"code":"..."} line per user
 *                 in use, then {"status":"ok","node_id":N,"count":N}
 *   keypad-mode:  {"status":"success"|..., "node_id":N, "keypad_mode":"normal"}
 * User codes are secrets: they are printed only where asked for (get, list).
 *
 * Default --timeout: 60 seconds. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "common.h"

static int disabled_flag;

static const zwh_cli_opt_t opts[] = {
    {"disabled", 0, &disabled_flag, NULL, "set: store the code disabled"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-usercode",
    .usage = "--node N set ID CODE [--disabled] | get ID | clear ID | list | keypad-mode [MODE]",
    .about = "Sets, reads, clears and lists the user codes of a keypad lock; sets its keypad mode.",
    .default_timeout = 60,
    .opts = opts,
    .needs_port = true,
};

enum { OP_SET, OP_GET, OP_CLEAR, OP_LIST, OP_KEYPAD };

static const char *const status_names[] = {"available", "enabled", "disabled", "messaging", "passage"};
static const char *const keypad_names[] = {"normal", "vacation", "privacy", "locked-out"};

typedef struct run {
    int op;
    uint16_t user_id;
    zwh_user_code_entry_t entry; /* set/clear: what to store */
    int keypad_mode;             /* -1: read only */
    int listed;                  /* list: users printed so far */
} run_t;

static const char *status_name(uint8_t s)
{
    if (s < sizeof status_names / sizeof status_names[0])
        return status_names[s];
    return s == ZWH_USER_CODE_STATUS_NOT_AVAILABLE ? "not_available" : "unknown";
}

/* Parses a number in [min, max]; -1 when it is not one. */
static long parse_number(const char *s, long min, long max)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    return (s[0] && end && !*end && v >= min && v <= max) ? v : -1;
}

static int parse_code(const char *s, zwh_user_code_entry_t *e)
{
    size_t len = strlen(s);
    if (len < ZWH_USER_CODE_MIN_LEN || len > ZWH_USER_CODE_MAX_LEN || strspn(s, "0123456789") != len)
        return -1;
    memcpy(e->code, s, len);
    e->code_len = (uint8_t)len;
    return 0;
}

static void send_cmd(zwh_cli_t *cli, const uint8_t *cmd, int n, uint8_t expect_cmd, uint8_t match_index,
                     uint8_t match_value, zwh_send_cb cb)
{
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    if (expect_cmd) {
        o.expect_cc = ZWH_CC_USER_CODE;
        o.expect_cmd = expect_cmd;
        o.match_index = match_index;
        o.match_value = match_value;
    } else {
        o.flags = ZWH_SEND_SUPERVISE;
    }
    o.timeout_ms = zwh_cli_remaining_ms(cli);
    int rc = n > 0 ? zwh_host_send(cli->host, (uint16_t)cli->node, cmd, (size_t)n, &o, cb, cli, NULL) : n;
    if (rc != 0)
        zwh_cli_fail(cli, zwh_cli_status_name(rc), rc, "node %u: %s", (unsigned)cli->node, zwh_strerror(rc));
}

/* Asks for one user: User Code Get (ids 1..255) or Extended User Code Get. */
static void get_user(zwh_cli_t *cli, uint16_t id, int more, zwh_send_cb cb)
{
    uint8_t cmd[8];
    int n;
    if (id <= 255 && !more) {
        const zwh_user_code_get_t g = {.user_id = (uint8_t)id};
        n = zwh_user_code_get_encode(&g, cmd, sizeof cmd);
        send_cmd(cli, cmd, n, ZWH_USER_CODE_REPORT, 2, (uint8_t)id, cb);
    } else {
        const zwh_user_code_extended_get_t g = {.user_id = id, .report_more = (uint8_t)more};
        n = zwh_user_code_extended_get_encode(&g, cmd, sizeof cmd);
        send_cmd(cli, cmd, n, ZWH_USER_CODE_EXTENDED_REPORT, 4, (uint8_t)(id & 0xFF), cb);
    }
}

/* The users a report carries, as extended entries. Returns the count or -1. */
static int report_entries(const uint8_t *rep, size_t len, zwh_user_code_extended_report_t *out)
{
    memset(out, 0, sizeof *out);
    if (len >= 2 && rep[1] == ZWH_USER_CODE_EXTENDED_REPORT)
        return zwh_user_code_extended_report_decode(rep, len, out) == 0 ? out->count : -1;
    zwh_user_code_t r;
    if (zwh_user_code_report_decode(rep, len, &r) != 0)
        return -1;
    out->count = 1;
    out->entries[0] = (zwh_user_code_entry_t){.user_id = r.user_id, .status = r.status, .code_len = r.code_len};
    memcpy(out->entries[0].code, r.code, r.code_len);
    return 1;
}

static void print_user(zwh_cli_t *cli, const zwh_user_code_entry_t *e, bool final)
{
    char code[ZWH_USER_CODE_MAX_LEN + 1] = "";
    if (e->status != ZWH_USER_CODE_STATUS_AVAILABLE && e->status != ZWH_USER_CODE_STATUS_NOT_AVAILABLE) {
        memcpy(code, e->code, e->code_len);
        code[e->code_len] = '\0';
    }
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", status_name(e->status));
        if (final)
            zwh_json_int(cli, "node_id", cli->node);
        zwh_json_int(cli, "user_id", e->user_id);
        zwh_json_str(cli, "code", code);
        zwh_json_end(cli);
    } else {
        printf("user %u: %s%s%s\n", e->user_id, status_name(e->status), code[0] ? ", code " : "", code);
    }
}

static const uint8_t *final_report(zwh_cli_t *cli, const zwh_result_t *res, size_t *len)
{
    int status = zwh_result_get_status(res);
    const uint8_t *rep = zwh_result_get_report(res, len);
    if (status != 0 || !rep) {
        zwh_cli_fail(cli, zwh_cli_status_name(status), status, "node %u: %s", (unsigned)cli->node,
                     zwh_strerror(status ? status : ZWH_EBADMSG));
        return NULL;
    }
    return rep;
}

static void on_get(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    size_t len = 0;
    const uint8_t *rep = final_report(cli, res, &len);
    if (!rep)
        return;
    zwh_user_code_extended_report_t er;
    int n = report_entries(rep, len, &er);
    for (int i = 0; i < n; i++) {
        if (er.entries[i].user_id == r->user_id) {
            print_user(cli, &er.entries[i], true);
            zwh_cli_finish(cli, 0);
            return;
        }
    }
    zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %u: the report does not name user %u", (unsigned)cli->node,
                 r->user_id);
}

static void list_done(zwh_cli_t *cli, run_t *r)
{
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_int(cli, "count", r->listed);
        zwh_json_end(cli);
    } else {
        printf("%d user code%s in use\n", r->listed, r->listed == 1 ? "" : "s");
    }
    zwh_cli_finish(cli, 0);
}

static void on_list(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    size_t len = 0;
    const uint8_t *rep = final_report(cli, res, &len);
    if (!rep)
        return;
    zwh_user_code_extended_report_t er;
    if (report_entries(rep, len, &er) < 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %u: malformed user code report", (unsigned)cli->node);
        return;
    }
    for (int i = 0; i < er.count; i++) {
        const zwh_user_code_entry_t *e = &er.entries[i];
        if (e->status != ZWH_USER_CODE_STATUS_AVAILABLE && e->status != ZWH_USER_CODE_STATUS_NOT_AVAILABLE) {
            print_user(cli, e, false);
            r->listed++;
        }
    }
    /* v2: the report names the next user id in use (0 or a step backwards ends the
     * walk); v1: one Get per user id up to the lock's user count */
    uint16_t users = 0, next = er.next_user_id;
    if (rep[1] == ZWH_USER_CODE_REPORT && zwh_host_get_user_count(h, (uint16_t)cli->node, &users) == 0)
        next = r->user_id < users && r->user_id < 255 ? (uint16_t)(r->user_id + 1) : 0;
    if (next > r->user_id) {
        r->user_id = next;
        get_user(cli, next, rep[1] != ZWH_USER_CODE_REPORT, on_list);
        return;
    }
    list_done(cli, r);
}

static void on_supervised(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    if (!zwh_result_is_final(res)) {
        zwh_cli_progress(cli, "node %u: working", (unsigned)cli->node);
        return;
    }
    int status = zwh_result_get_status(res);
    const char *word = zwh_cli_status_name(status);
    if (status == ZWH_ESUPERVISION_FAIL)
        zwh_cli_progress(cli, "node %u refused it (Supervision FAIL)%s", (unsigned)cli->node,
                         r->op == OP_SET ? ": is the code already held by another user?" : "");
    else if (status != 0)
        zwh_cli_progress(cli, "node %u: %s", (unsigned)cli->node, zwh_strerror(status));
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", word);
        zwh_json_int(cli, "node_id", cli->node);
        if (r->op == OP_KEYPAD)
            zwh_json_str(cli, "keypad_mode", keypad_names[r->keypad_mode]);
        else
            zwh_json_int(cli, "user_id", r->user_id);
        if (status)
            zwh_json_str(cli, "error", zwh_err_name(status));
        zwh_json_end(cli);
    } else if (status == 0) {
        if (r->op == OP_KEYPAD)
            printf("node %u: keypad mode %s\n", (unsigned)cli->node, keypad_names[r->keypad_mode]);
        else
            printf("node %u: user %u %s\n", (unsigned)cli->node, r->user_id,
                   r->op == OP_CLEAR ? "cleared" : r->entry.status == ZWH_USER_CODE_STATUS_DISABLED ? "set (disabled)"
                                                                                                   : "set");
    }
    zwh_cli_finish(cli, status == 0 ? 0 : 1);
}

static void on_keypad_report(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    size_t len = 0;
    const uint8_t *rep = final_report(cli, res, &len);
    zwh_user_code_keypad_mode_t km;
    if (!rep)
        return;
    if (zwh_user_code_keypad_mode_report_decode(rep, len, &km) != 0) {
        zwh_cli_fail(cli, "error", ZWH_EBADMSG, "node %u: malformed keypad mode report", (unsigned)cli->node);
        return;
    }
    const char *name = km.mode < 4 ? keypad_names[km.mode] : "unknown";
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "node_id", cli->node);
        zwh_json_str(cli, "keypad_mode", name);
        zwh_json_end(cli);
    } else {
        printf("node %u: keypad mode %s\n", (unsigned)cli->node, name);
    }
    zwh_cli_finish(cli, 0);
}

static void start(zwh_cli_t *cli)
{
    run_t *r = cli->user;
    if (zwh_cli_need_node(cli, ZWH_CC_USER_CODE, "User Code") != 0)
        return;
    uint16_t node = (uint16_t)cli->node, users = 0;
    int version = zwh_host_get_cc_version(cli->host, node, ZWH_CC_USER_CODE);
    if (r->user_id && zwh_host_get_user_count(cli->host, node, &users) == 0 && r->user_id > users) {
        zwh_cli_fail(cli, "error", ZWH_ERANGE, "user id %u is out of range: node %u has users 1 to %u", r->user_id,
                     node, users);
        return;
    }
    if ((r->user_id > 255 || r->op == OP_KEYPAD) && version == 1) {
        zwh_cli_fail(cli, "error", ZWH_ENOTSUP, "node %u has User Code v1: %s", node,
                     r->op == OP_KEYPAD ? "no keypad modes" : "user ids stop at 255");
        return;
    }
    uint8_t cmd[64];
    int n;
    switch (r->op) {
    case OP_GET:
        get_user(cli, r->user_id, 0, on_get);
        break;
    case OP_LIST:
        r->user_id = 1;
        get_user(cli, 1, version != 1, on_list);
        break;
    case OP_SET:
    case OP_CLEAR:
        if (r->user_id <= 255) {
            zwh_user_code_t s = {.user_id = (uint8_t)r->user_id, .status = r->entry.status,
                                 .code_len = r->entry.code_len};
            memcpy(s.code, r->entry.code, r->entry.code_len);
            n = zwh_user_code_set_encode(&s, cmd, sizeof cmd);
        } else {
            zwh_user_code_extended_set_t s = {.count = 1};
            s.entries[0] = r->entry;
            n = zwh_user_code_extended_set_encode(&s, cmd, sizeof cmd);
        }
        send_cmd(cli, cmd, n, 0, 0, 0, on_supervised);
        break;
    case OP_KEYPAD:
        if (r->keypad_mode < 0) {
            n = zwh_user_code_keypad_mode_get_encode(cmd, sizeof cmd);
            send_cmd(cli, cmd, n, ZWH_USER_CODE_KEYPAD_MODE_REPORT, 0, 0, on_keypad_report);
        } else {
            const zwh_user_code_keypad_mode_t s = {.mode = (uint8_t)r->keypad_mode};
            n = zwh_user_code_keypad_mode_set_encode(&s, cmd, sizeof cmd);
            send_cmd(cli, cmd, n, 0, 0, 0, on_supervised);
        }
        break;
    }
}

/* Reads the command line into r; prints why and returns -1 for bad input. */
static int parse_args(zwh_cli_t *cli, run_t *r)
{
    static const char *const verbs[] = {"set", "get", "clear", "list", "keypad-mode"};
    static const int nargs[] = {2, 1, 1, 0, -1};
    const char *verb = cli->argc > 0 ? cli->argv[0] : "";
    r->op = -1;
    for (int i = 0; i < 5; i++)
        if (strcmp(verb, verbs[i]) == 0)
            r->op = i;
    if (r->op < 0) {
        fprintf(stderr, "zwh-usercode: expected set, get, clear, list or keypad-mode (see --help)\n");
        return -1;
    }
    int want = nargs[r->op];
    if ((want >= 0 && cli->argc - 1 != want) || (want < 0 && cli->argc > 2)) {
        fprintf(stderr, "zwh-usercode: usage: %s %s\n", spec.prog, spec.usage);
        return -1;
    }
    if (r->op == OP_SET || r->op == OP_GET || r->op == OP_CLEAR) {
        long id = parse_number(cli->argv[1], 1, 65535);
        if (id < 0) {
            fprintf(stderr, "zwh-usercode: user id must be a number from 1 to 65535\n");
            return -1;
        }
        r->user_id = (uint16_t)id;
        r->entry.user_id = (uint16_t)id;
    }
    if (r->op == OP_SET) {
        if (parse_code(cli->argv[2], &r->entry) != 0) {
            fprintf(stderr, "zwh-usercode: user code must be 4 to 10 digits\n");
            return -1;
        }
        r->entry.status = disabled_flag ? ZWH_USER_CODE_STATUS_DISABLED : ZWH_USER_CODE_STATUS_ENABLED;
    }
    if (r->op == OP_CLEAR)
        r->entry.status = ZWH_USER_CODE_STATUS_AVAILABLE; /* the code is sent as zeros */
    r->keypad_mode = -1;
    if (r->op == OP_KEYPAD && cli->argc == 2) {
        for (int i = 0; i < 4; i++)
            if (strcmp(cli->argv[1], keypad_names[i]) == 0)
                r->keypad_mode = i;
        if (r->keypad_mode < 0) {
            fprintf(stderr, "zwh-usercode: keypad mode must be normal, vacation, privacy or locked-out\n");
            return -1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    run_t r;
    memset(&r, 0, sizeof r);
    zwh_cli_parse(&cli, &spec, argc, argv);
    if (parse_args(&cli, &r) != 0)
        return 2;
    if (!cli.port || cli.node < 0) {
        fprintf(stderr, "zwh-usercode: --port and --node are required\n");
        return 2;
    }
    cli.user = &r;
    return zwh_cli_run(&cli, start);
}
