/* zwh-include: adds a device to the network, bootstraps its security and waits
 * for its interview.
 *
 *   zwh-include --port /dev/ttyACM0 --keys keys.txt --state state.bin
 *   zwh-include --port tcp://127.0.0.1:4201 --keys keys.txt --pin 12345 --json
 *   zwh-include ... --grant s2-access,s0
 *
 * Press the device's inclusion button (or start zwh-sim with --pending) once
 * "waiting" shows. When the device asks for S2 Authenticated or Access Control,
 * the 5-digit PIN printed on it (the first group of its DSK) is needed: --pin,
 * or typed on the terminal when stdin is one. --grant limits the classes the
 * device may get (s2-access, s2-auth, s2-unauth, s0; default: every class the
 * keys file holds). Progress goes to stderr; the result (node id, granted
 * classes, interview summary) to stdout.
 *
 * --json result: {"status":"success"|"kex_fail"|"timeout"|..., "node_id":N,
 *   "granted":["S2_AccessControl",...], "interview":"complete"|"skipped",
 *   "manufacturer_id":N, "product_type":N, "product_id":N,
 *   "command_classes":[{"id":98,"name":"DoorLock","version":4,"secure":true},...]}
 *
 * Default --timeout: 300 seconds (a battery device's interview can be slow).
 * --smartstart QR puts the device's SmartStart QR code on the host's
 * provisioning list (kept in the --state file) instead of opening inclusion: the
 * device joins by itself when it announces itself, with the classes the code
 * requests and no PIN prompt; the program then waits for it as above (or, with
 * --no-wait, reports "provisioned" at once). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "common.h"

static const char *pin_arg, *grant_arg, *smartstart_arg;
static int no_wait_flag;

static const zwh_cli_opt_t opts[] = {
    {"pin", 1, NULL, &pin_arg, "the device's 5-digit PIN (first group of its DSK)"},
    {"grant", 1, NULL, &grant_arg, "classes the device may get: s2-access,s2-auth,s2-unauth,s0"},
    {"no-wait", 0, &no_wait_flag, NULL, "do not wait for the interview to finish"},
    {"smartstart", 1, NULL, &smartstart_arg, "add this SmartStart QR code to the provisioning list and wait for the device"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-include",
    .usage = "[--pin PIN] [--grant CLASSES] [--no-wait] [--smartstart QR]",
    .about = "Includes a device (S2/S0 bootstrapping) and prints its node id, classes and interview summary.",
    .default_timeout = 300,
    .opts = opts,
    .needs_port = true,
};

/* --grant words and the class each one allows */
static const struct {
    const char *word;
    int secclass;
} grant_words[] = {
    {"s2-access", ZWH_SECCLASS_S2_ACCESS_CONTROL},
    {"s2-auth", ZWH_SECCLASS_S2_AUTHENTICATED},
    {"s2-unauth", ZWH_SECCLASS_S2_UNAUTHENTICATED},
    {"s0", ZWH_SECCLASS_S0},
};

typedef struct run {
    zwh_cli_t *cli;
    zwh_include_opts_t opts;
    uint16_t node;
    uint32_t granted;
    int status;          /* of the inclusion */
    int kex_fail;
    uv_tty_t tty;        /* the terminal the PIN is typed on */
    bool tty_open;
    char typed[64];
    size_t typed_len;
} run_t;

/* "s2-access,s0" -> class bits. Returns -1 (after printing why) for a bad word. */
static int parse_grant(const char *text, uint32_t *out)
{
    *out = 0;
    char buf[128];
    snprintf(buf, sizeof buf, "%s", text);
    for (char *save = NULL, *w = strtok_r(buf, ",", &save); w; w = strtok_r(NULL, ",", &save)) {
        size_t i = 0;
        while (i < sizeof grant_words / sizeof grant_words[0] && strcmp(w, grant_words[i].word) != 0)
            i++;
        if (i == sizeof grant_words / sizeof grant_words[0]) {
            fprintf(stderr, "zwh-include: unknown class '%s' in --grant (use s2-access, s2-auth, s2-unauth, s0)\n", w);
            return -1;
        }
        *out |= 1u << grant_words[i].secclass;
    }
    if (*out == 0) {
        fprintf(stderr, "zwh-include: --grant needs at least one class\n");
        return -1;
    }
    return 0;
}

static void classes_text(uint32_t classes, char *out, size_t cap)
{
    out[0] = '\0';
    for (int c = 0; c < ZWH_SECCLASS_COUNT; c++) {
        const char *name = zwh_cli_secclass_name(c);
        if (name && (classes & (1u << c))) {
            size_t used = strlen(out);
            snprintf(out + used, cap - used, "%s%s", used ? ", " : "", name);
        }
    }
    if (!out[0])
        snprintf(out, cap, "none (non-secure)");
}

static void print_result(zwh_cli_t *cli, run_t *r, bool interviewed)
{
    uint16_t node = r->node;
    uint16_t mfr = 0, ptype = 0, pid = 0;
    bool have_ids = interviewed && zwh_host_get_manufacturer(cli->host, node, &mfr, &ptype, &pid) == 0;
    uint8_t ccs[256], sccs[256];
    size_t n = 0, sn = 0;
    zwh_host_get_node_ccs(cli->host, node, ccs, sizeof ccs, &n, sccs, sizeof sccs, &sn);
    n = n < sizeof ccs ? n : sizeof ccs;
    sn = sn < sizeof sccs ? sn : sizeof sccs;
    for (size_t i = 0; i < n; i++)
        if (ccs[i] == 0xEF) /* the mark: the classes after it are controlled, not supported */
            n = i;
    const char *status = r->status == 0 ? "success" : r->status == ZWH_EKEX_FAIL ? "kex_fail" : "error";
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", status);
        zwh_json_int(cli, "node_id", node);
        zwh_json_key_array(cli, "granted");
        for (int c = ZWH_SECCLASS_COUNT - 1; c >= 0; c--) {
            const char *name = zwh_cli_secclass_name(c);
            if (name && (r->granted & (1u << c))) {
                printf("%s\"%s\"", cli->json_first[cli->json_depth] ? "" : ",", name);
                cli->json_first[cli->json_depth] = false;
            }
        }
        zwh_json_array_end(cli);
        if (r->status == ZWH_EKEX_FAIL)
            zwh_json_int(cli, "kex_fail", r->kex_fail);
        zwh_json_str(cli, "interview", interviewed ? "complete" : "skipped");
        if (have_ids) {
            zwh_json_int(cli, "manufacturer_id", mfr);
            zwh_json_int(cli, "product_type", ptype);
            zwh_json_int(cli, "product_id", pid);
        }
        zwh_json_key_array(cli, "command_classes");
        for (size_t i = 0; i < n + sn; i++) {
            uint8_t cc = i < n ? ccs[i] : sccs[i - n];
            const char *name = zwh_cc_get_name(cc);
            int v = zwh_host_get_cc_version(cli->host, node, cc);
            zwh_json_object(cli);
            zwh_json_int(cli, "id", cc);
            zwh_json_str(cli, "name", name ? name : "unknown");
            if (v > 0)
                zwh_json_int(cli, "version", v);
            zwh_json_bool(cli, "secure", i >= n);
            zwh_json_end(cli);
        }
        zwh_json_array_end(cli);
        zwh_json_end(cli);
    } else {
        char granted[128];
        classes_text(r->granted, granted, sizeof granted);
        printf("node %u included (%s)\ngranted  %s\n", node, status, granted);
        if (have_ids)
            printf("device   manufacturer 0x%04x product 0x%04x/0x%04x\n", mfr, ptype, pid);
        for (size_t i = 0; i < n + sn; i++) {
            uint8_t cc = i < n ? ccs[i] : sccs[i - n];
            const char *name = zwh_cc_get_name(cc);
            int v = zwh_host_get_cc_version(cli->host, node, cc);
            char version[16] = "";
            if (v > 0)
                snprintf(version, sizeof version, "v%d", v);
            printf("  0x%02x %-28s %-4s%s\n", cc, name ? name : "unknown", version, i >= n ? "  (secure)" : "");
        }
        if (!interviewed)
            printf("(interview not awaited)\n");
    }
    zwh_cli_finish(cli, r->status == 0 ? 0 : 1);
}

/* ---- the PIN typed on the terminal ---- */
static void tty_alloc(uv_handle_t *h, size_t suggested, uv_buf_t *buf)
{
    (void)suggested;
    run_t *r = h->data;
    buf->base = r->typed + r->typed_len;
    buf->len = sizeof r->typed - 1 - r->typed_len;
}

static void tty_closed(uv_handle_t *h) { (void)h; }

static void tty_read(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    (void)buf;
    run_t *r = s->data;
    if (nread > 0)
        r->typed_len += (size_t)nread;
    r->typed[r->typed_len] = '\0';
    if (nread >= 0 && !strchr(r->typed, '\n') && r->typed_len < sizeof r->typed - 1)
        return;
    uv_read_stop(s);
    uv_close((uv_handle_t *)s, tty_closed);
    r->tty_open = false;
    uint16_t pin = 0;
    const char *why = NULL;
    if (nread < 0 || zwh_dsk_pin_parse(r->typed, &pin, &why) != 0) {
        fprintf(stderr, "zwh-include: invalid PIN (%s); the key exchange will fail\n", why ? why : "no input");
        pin = 0xFFFF; /* a wrong PIN: the device rejects it and the bootstrap fails cleanly */
    }
    zwh_host_set_pin(r->cli->host, pin);
}

/* ---- events ---- */
static void on_included(zwh_host_t *h, int status, uint16_t node, uint32_t granted, int kex_fail, void *user);

static void on_event(zwh_cli_t *cli, const zwh_event_t *ev)
{
    run_t *r = cli->user;
    int index = 0, total = 0;
    switch (zwh_event_get_type(ev)) {
    case ZWH_EVENT_INCLUSION:
        zwh_cli_progress(cli, "inclusion: %s", zwh_event_get_message(ev));
        if (!smartstart_arg && strcmp(zwh_event_get_message(ev), "waiting") == 0)
            zwh_cli_progress(cli, "press the device's inclusion button now");
        break;
    case ZWH_EVENT_S2_GRANT: {
        uint32_t requested = zwh_event_get_value(ev);
        uint32_t allowed = r->opts.allowed ? r->opts.allowed : ~0u;
        char text[128];
        classes_text(requested, text, sizeof text);
        zwh_cli_progress(cli, "the device requests: %s", text);
        classes_text(requested & allowed, text, sizeof text);
        zwh_cli_progress(cli, "granting: %s", text);
        zwh_host_grant(cli->host, requested & allowed, 0);
        break;
    }
    case ZWH_EVENT_S2_PIN: {
        size_t len = 0;
        const uint8_t *dsk = zwh_event_get_data(ev, &len);
        char text[ZWH_DSK_TEXT_SIZE] = "?";
        if (dsk && len == ZWH_DSK_LEN && zwh_dsk_format(dsk, text, sizeof text) > 0)
            memcpy(text, "xxxxx", 5); /* the first group is what the user types */
        if (!isatty(STDIN_FILENO) || uv_tty_init(&cli->loop, &r->tty, STDIN_FILENO, 1) != 0) {
            zwh_cli_fail(cli, "error", ZWH_EDSK,
                         "the device asks for its PIN (DSK %s): pass --pin or run on a terminal", text);
            return;
        }
        r->tty.data = r;
        r->tty_open = true;
        fprintf(stderr, "DSK %s\nEnter the 5-digit PIN printed on the device: ", text);
        fflush(stderr);
        uv_read_start((uv_stream_t *)&r->tty, tty_alloc, tty_read);
        break;
    }
    case ZWH_EVENT_INTERVIEW:
        if (zwh_event_get_node_id(ev) == r->node && zwh_event_get_progress(ev, &index, &total) == 0)
            zwh_cli_progress(cli, "interview %d/%d: %s", index, total, zwh_event_get_message(ev));
        break;
    case ZWH_EVENT_NODE_ADDED:
        /* a SmartStart device joined by itself */
        if (smartstart_arg && !r->node)
            on_included(cli->host, zwh_event_get_status(ev), zwh_event_get_node_id(ev), zwh_event_get_value(ev), 0,
                        cli);
        break;
    case ZWH_EVENT_NODE_READY:
        if (r->node && zwh_event_get_node_id(ev) == r->node && !cli->finishing)
            print_result(cli, r, true);
        break;
    default:
        break;
    }
}

static void on_included(zwh_host_t *h, int status, uint16_t node, uint32_t granted, int kex_fail, void *user)
{
    (void)h;
    zwh_cli_t *cli = user;
    run_t *r = cli->user;
    if (r->tty_open) {
        uv_read_stop((uv_stream_t *)&r->tty);
        uv_close((uv_handle_t *)&r->tty, tty_closed);
        r->tty_open = false;
    }
    if (status != 0 && status != ZWH_EKEX_FAIL) {
        zwh_cli_fail(cli, zwh_cli_status_name(status), status, "inclusion failed: %s", zwh_strerror(status));
        return;
    }
    r->status = status;
    r->node = node;
    r->granted = granted;
    r->kex_fail = kex_fail;
    if (status == ZWH_EKEX_FAIL)
        zwh_cli_progress(cli, "node %u added WITHOUT security: the key exchange failed (KEX Fail %d)", node, kex_fail);
    else
        zwh_cli_progress(cli, "node %u added; interviewing", node);
    if (no_wait_flag || zwh_host_get_interview_state(cli->host, node) == ZWH_INTERVIEW_COMPLETE)
        print_result(cli, r, !no_wait_flag);
}

static void provision(zwh_cli_t *cli)
{
    const char *why = NULL;
    int rc = zwh_host_provision_add_qr(cli->host, smartstart_arg, NULL, &why);
    if (rc != 0) {
        zwh_cli_fail(cli, "error", rc, "SmartStart QR code not added: %s", why ? why : zwh_strerror(rc));
        return;
    }
    zwh_cli_progress(cli, "added to the provisioning list; power the device up, it joins by itself");
    if (no_wait_flag) {
        if (cli->json) {
            zwh_json_begin(cli);
            zwh_json_str(cli, "status", "provisioned");
            zwh_json_end(cli);
        } else {
            printf("provisioned\n");
        }
        zwh_cli_finish(cli, 0);
    }
}

static void start(zwh_cli_t *cli)
{
    run_t *r = cli->user;
    if (smartstart_arg) {
        provision(cli);
        return;
    }
    r->opts.timeout_ms = zwh_cli_remaining_ms(cli);
    int rc = zwh_host_include(cli->host, &r->opts, on_included, cli);
    if (rc != 0)
        zwh_cli_fail(cli, "error", rc, "cannot start inclusion: %s", zwh_strerror(rc));
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    run_t r;
    memset(&r, 0, sizeof r);
    zwh_cli_parse(&cli, &spec, argc, argv);
    zwh_include_opts_init(&r.opts);
    /* bad input is refused before any traffic */
    if (pin_arg) {
        const char *why = NULL;
        if (zwh_dsk_pin_parse(pin_arg, &r.opts.pin, &why) != 0) {
            fprintf(stderr, "zwh-include: invalid PIN '%s': %s\n", pin_arg, why ? why : "expected 5 digits");
            return 2;
        }
        r.opts.has_pin = 1;
    }
    if (grant_arg && parse_grant(grant_arg, &r.opts.allowed) != 0)
        return 2;
    if (smartstart_arg) {
        zwh_qr_info_t qr;
        const char *why = NULL;
        if (zwh_qr_decode(smartstart_arg, &qr, &why) != 0) {
            fprintf(stderr, "zwh-include: invalid SmartStart QR code: %s\n", why ? why : "malformed");
            return 2;
        }
    }
    if (!cli.port) {
        fprintf(stderr, "zwh-include: --port is required (a serial device or tcp://HOST:PORT)\n");
        return 2;
    }
    cli.user = &r;
    r.cli = &cli;
    cli.on_event = on_event;
    return zwh_cli_run(&cli, start);
}
