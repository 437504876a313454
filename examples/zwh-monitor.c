/* zwh-monitor: prints what the network reports until interrupted (Ctrl-C) or
 * until --timeout.
 *
 *   zwh-monitor --port tcp://127.0.0.1:4201 --keys keys.txt --state state.bin
 *   zwh-monitor ... --node 3 --json --timeout 60
 *
 * Notifications (keypad entries with the user id, manual lock/unlock, jams,
 * codes added or refused), lock state changes, meter and battery reports, and
 * every other command a node sends (rendered by zwh_cc_format), plus node
 * events (added, removed, ready, dead, alive, wake-up). --node limits the output
 * to one node. User codes inside notifications are not printed.
 *
 * --json: one object per line, each with "event" and (for node events) "node_id":
 *   {"event":"ready"}                                  the monitor is listening
 *   {"event":"notification","node_id":3,"type":6,"type_name":"Access Control",
 *    "event_id":6,"event_name":"Keypad unlock operation","user_id":5}
 *   {"event":"lock","node_id":3,"mode":"unsecured","target_mode":"unsecured"}
 *   {"event":"meter","node_id":2,"scale":"W","value":12.5}
 *   {"event":"battery","node_id":3,"level":80,"low":false}
 *   {"event":"command","node_id":2,"cc":"BinarySwitch","text":"..."}
 *   {"event":"node_added"|"node_removed"|"node_ready"|"node_dead"|"node_alive"|"wake_up","node_id":N}
 * and, at the end, {"status":"ok","events":N} (exit 0 on Ctrl-C or --timeout).
 *
 * Default --timeout: none (runs until interrupted). */
#include <stdio.h>
#include <string.h>
#include "common.h"

static const zwh_cli_spec_t spec = {
    .prog = "zwh-monitor",
    .usage = "[--node N]",
    .about = "Prints every notification, lock state change, meter report and node event until interrupted.",
    .default_timeout = 86400,
    .needs_port = true,
};

typedef struct run {
    long events;
} run_t;

/* Begins one event line: JSON object or "node N: " text. */
static void begin(zwh_cli_t *cli, const char *event, uint16_t node)
{
    run_t *r = cli->user;
    r->events++;
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "event", event);
        if (node)
            zwh_json_int(cli, "node_id", node);
    } else if (node) {
        printf("node %u: %s", node, event);
    } else {
        printf("%s", event);
    }
}

static void end(zwh_cli_t *cli)
{
    if (cli->json) {
        zwh_json_end(cli);
    } else {
        printf("\n");
        fflush(stdout);
    }
}

/* The user id an Access Control keypad notification names: its parameters are a
 * User Code Report (63 03 id ...), an Extended User Code Report (63 0D n id16 ...)
 * or, on older locks, the user id alone. 0 when none. */
static unsigned keypad_user(const zwh_notification_report_t *n)
{
    const uint8_t *p = n->params;
    if (n->params_len >= 3 && p[0] == ZWH_CC_USER_CODE && p[1] == ZWH_USER_CODE_REPORT)
        return p[2];
    if (n->params_len >= 5 && p[0] == ZWH_CC_USER_CODE && p[1] == ZWH_USER_CODE_EXTENDED_REPORT)
        return (unsigned)p[3] << 8 | p[4];
    if (n->params_len == 1 || n->params_len == 2)
        return n->params_len == 1 ? p[0] : (unsigned)p[0] << 8 | p[1];
    return 0;
}

static void notification(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len)
{
    zwh_notification_report_t n;
    if (zwh_notification_report_decode(data, len, &n) != 0 || !n.has_notification)
        return;
    const char *type = zwh_notification_get_type_name(n.type);
    const char *event = zwh_notification_get_event_name(n.type, n.event);
    unsigned user = n.type == ZWH_NOTIFICATION_ACCESS_CONTROL ? keypad_user(&n) : 0;
    begin(cli, "notification", node);
    if (cli->json) {
        zwh_json_int(cli, "type", n.type);
        zwh_json_str(cli, "type_name", type ? type : "unknown");
        zwh_json_int(cli, "event_id", n.event);
        zwh_json_str(cli, "event_name", event ? event : "unknown");
        if (user)
            zwh_json_int(cli, "user_id", user);
    } else {
        printf(" %s: %s (event 0x%02x)", type ? type : "unknown type", event ? event : "unknown", n.event);
        if (user)
            printf(", user %u", user);
    }
    end(cli);
}

static void lock_report(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len)
{
    zwh_door_lock_operation_report_t op;
    if (zwh_door_lock_operation_report_decode(data, len, &op) != 0)
        return;
    const char *mode = zwh_door_lock_get_mode_name(op.mode);
    const char *target = op.has_target ? zwh_door_lock_get_mode_name(op.target_mode) : NULL;
    begin(cli, "lock", node);
    if (cli->json) {
        zwh_json_str(cli, "mode", mode ? mode : "unknown");
        if (target)
            zwh_json_str(cli, "target_mode", target);
        zwh_json_int(cli, "door_condition", op.condition);
    } else {
        printf(" %s", mode ? mode : "unknown");
        if (target && op.target_mode != op.mode)
            printf(" (moving to %s)", target);
    }
    end(cli);
}

static void meter_report(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len)
{
    zwh_meter_report_t m;
    if (zwh_meter_report_decode(data, len, &m) != 0)
        return;
    double value = m.value;
    for (int i = 0; i < m.precision; i++)
        value /= 10.0;
    const char *scale = zwh_meter_get_scale_name(m.meter_type, m.scale, m.scale2);
    begin(cli, "meter", node);
    if (cli->json) {
        zwh_json_str(cli, "scale", scale ? scale : "unknown");
        zwh_json_double(cli, "value", value);
    } else {
        printf(" %.*f %s", m.precision, value, scale ? scale : "(unknown scale)");
    }
    end(cli);
}

static void battery_report(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len)
{
    zwh_battery_report_t b;
    if (zwh_battery_report_decode(data, len, &b) != 0)
        return;
    bool low = b.level == ZWH_BATTERY_LEVEL_LOW_WARNING;
    begin(cli, "battery", node);
    if (cli->json) {
        zwh_json_int(cli, "level", low ? 0 : b.level);
        zwh_json_bool(cli, "low", low);
    } else if (low) {
        printf(" LOW BATTERY warning");
    } else {
        printf(" %u %%", b.level);
    }
    end(cli);
}

static void other_command(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len)
{
    char text[512];
    zwh_cc_format(data, len, text, sizeof text);
    const char *cc = zwh_cc_get_name(data[0]);
    begin(cli, "command", node);
    if (cli->json) {
        zwh_json_str(cli, "cc", cc ? cc : "unknown");
        zwh_json_str(cli, "text", text);
    } else {
        printf(" %s", text);
    }
    end(cli);
}

/* Commands worth a line of their own; everything else is rendered generically. */
static const struct {
    uint8_t cc, cmd;
    void (*print)(zwh_cli_t *cli, uint16_t node, const uint8_t *data, size_t len);
} printers[] = {
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_REPORT, NULL}, /* printed from ZWH_EVENT_NOTIFICATION */
    {ZWH_CC_DOOR_LOCK, ZWH_DOOR_LOCK_OPERATION_REPORT, lock_report},
    {ZWH_CC_METER, ZWH_METER_REPORT, meter_report},
    {ZWH_CC_BATTERY, ZWH_BATTERY_REPORT, battery_report},
};

static void on_event(zwh_cli_t *cli, const zwh_event_t *ev)
{
    int type = zwh_event_get_type(ev);
    uint16_t node = zwh_event_get_node_id(ev);
    if (cli->node >= 0 && node != cli->node)
        return;
    size_t len = 0;
    const uint8_t *data = zwh_event_get_data(ev, &len);
    switch (type) {
    case ZWH_EVENT_NOTIFICATION:
        if (data && len >= 2)
            notification(cli, node, data, len);
        return;
    case ZWH_EVENT_COMMAND:
        if (!data || len < 2)
            return;
        for (size_t i = 0; i < sizeof printers / sizeof printers[0]; i++) {
            if (printers[i].cc == data[0] && printers[i].cmd == data[1]) {
                if (printers[i].print)
                    printers[i].print(cli, node, data, len);
                return;
            }
        }
        other_command(cli, node, data, len);
        return;
    case ZWH_EVENT_NODE_ADDED:
    case ZWH_EVENT_NODE_REMOVED:
    case ZWH_EVENT_NODE_READY:
    case ZWH_EVENT_NODE_DEAD:
    case ZWH_EVENT_NODE_ALIVE:
    case ZWH_EVENT_WAKE_UP: {
        char name[32];
        snprintf(name, sizeof name, "%s", zwh_event_type_name(type)); /* "node-added" -> "node_added" */
        for (char *p = name; *p; p++)
            if (*p == '-')
                *p = '_';
        begin(cli, name, node);
        end(cli);
        return;
    }
    default:
        return;
    }
}

/* Ctrl-C and the deadline are the normal ends of a monitor: exit 0. */
static void stop(zwh_cli_t *cli)
{
    run_t *r = cli->user;
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_int(cli, "events", r->events);
        zwh_json_end(cli);
    } else {
        fprintf(stderr, "zwh-monitor: %ld event%s\n", r->events, r->events == 1 ? "" : "s");
    }
    zwh_cli_finish(cli, 0);
}

static void on_deadline(uv_timer_t *t) { stop(t->data); }

static void on_sigint(uv_signal_t *s, int signum)
{
    (void)signum;
    stop(s->data);
}

static void start(zwh_cli_t *cli)
{
    if (cli->node >= 0 && zwh_cli_need_node(cli, 0, NULL) != 0)
        return;
    uint64_t left = zwh_cli_remaining_ms(cli);
    uv_timer_start(&cli->deadline, on_deadline, left, 0);
    uv_signal_start(&cli->sigint, on_sigint, SIGINT);
    begin(cli, "ready", 0);
    ((run_t *)cli->user)->events--; /* not a network event */
    if (!cli->json)
        printf(": listening (Ctrl-C to stop)");
    end(cli);
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    run_t r = {0};
    zwh_cli_parse(&cli, &spec, argc, argv);
    if (!cli.port) {
        fprintf(stderr, "zwh-monitor: --port is required (a serial device or tcp://HOST:PORT)\n");
        return 2;
    }
    cli.user = &r;
    cli.on_event = on_event;
    return zwh_cli_run(&cli, start);
}
