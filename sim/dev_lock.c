/* Door lock twin of seed 004 ("Best Practices for Z-Wave Door Locks"): a
 * FLiRS keypad deadbolt with S2 Access Control (see dev_lock.h for the file
 * split). This file: the device type, the command dispatch, Door Lock v4 with
 * a bolt that takes BOLT_TRAVEL_MS of device time (a supervised Operation Set
 * answers WORKING with the seed's worst-case 7 s, then SUCCESS when the bolt
 * arrives, then the Operation Report goes to the Lifeline in Supervision),
 * jams, Basic (00 unlock, FF lock; not in the NIF), Battery with the one-time
 * low-battery warning, Notification Get/Set/Supported, the device-information
 * classes, Device Reset Locally and the stdin events:
 *   keypad CODE | manual lock | manual unlock | jam | battery PCT | time-sync | reset
 *
 * Door condition: the twin reports no door/bolt/latch sensors (Capabilities:
 * no door components), so the condition byte is 0x00 as in every Operation
 * Report of the seed. */
#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/basic.h"
#include "zwhost/cc/battery.h"
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"
#include "dev_lock.h"
#include "devices.h"

#define BOLT_TRAVEL_MS 3000  /* device time the bolt takes */
#define BOLT_WORST_CASE_S 7  /* seed: "Next report will be in 7 seconds or less" */
#define BATTERY_CRITICAL 10  /* percent: the low-battery warning level */
#define BATTERY_STEP 5       /* seed: report when the level fell by more than ~5% */
#define HANDLES_SUPPORTED 0x1

uint64_t lock_now_ms(const lock_model_t *m)
{
    return uv_now(m->node->net->sched->loop);
}

static void send_reply(lock_model_t *m, const uint8_t *buf, int n)
{
    if (n > 0)
        sim_node_send(m->node, buf, (size_t)n);
}

/* ---- Notification ----------------------------------------------------------- */

void lock_notify(lock_model_t *m, uint8_t event, const uint8_t *params, size_t plen, int supervised)
{
    if (!m->ac_enabled || plen > ZWH_NOTIFICATION_MAX_PARAMS)
        return;
    zwh_notification_report_t r = {.has_notification = 1, .status = ZWH_NOTIFICATION_STATUS_ON,
                                   .type = ZWH_NOTIFICATION_ACCESS_CONTROL, .event = event,
                                   .params_len = (uint8_t)plen};
    if (plen)
        memcpy(r.params, params, plen);
    uint8_t out[48];
    int n = zwh_notification_report_encode(&r, out, sizeof out);
    m->last_event = event;
    if (n > 0)
        lock_report(m, out, (size_t)n, supervised);
}

/* Access Control events the twin sends (bit n = event n). */
static const uint8_t ac_events[] = {0x60, 0xF8}; /* 05 06 | 0B 0C 0D 0E 0F */

static int notification(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[48];
    int n;
    switch (cmd[1]) {
    case ZWH_NOTIFICATION_GET: {
        zwh_notification_get_t g;
        if (zwh_notification_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_notification_report_t r = {.has_notification = 1, .type = g.type};
        if (g.has_type && g.type != ZWH_NOTIFICATION_ACCESS_CONTROL && g.type != ZWH_NOTIFICATION_REQUEST_PENDING) {
            r.status = 0xFE; /* a type the lock does not support */
        } else {
            r.type = ZWH_NOTIFICATION_ACCESS_CONTROL;
            r.status = m->ac_enabled ? ZWH_NOTIFICATION_STATUS_ON : ZWH_NOTIFICATION_STATUS_OFF;
            r.event = m->last_event;
        }
        n = zwh_notification_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_NOTIFICATION_SET: {
        zwh_notification_set_t s;
        if (zwh_notification_set_decode(cmd, len, &s) < 0 || s.type != ZWH_NOTIFICATION_ACCESS_CONTROL)
            return ZWH_EINVAL;
        m->ac_enabled = s.status == ZWH_NOTIFICATION_STATUS_ON;
        return SIM_CMD_OK;
    }
    case ZWH_NOTIFICATION_SUPPORTED_GET: {
        const zwh_notification_supported_report_t r = {.mask_len = 1, .mask = {1u << ZWH_NOTIFICATION_ACCESS_CONTROL}};
        n = zwh_notification_supported_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_NOTIFICATION_EVENT_SUPPORTED_GET: {
        zwh_notification_event_supported_get_t g;
        if (zwh_notification_event_supported_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_notification_event_supported_report_t r = {.type = g.type};
        if (g.type == ZWH_NOTIFICATION_ACCESS_CONTROL) {
            r.mask_len = sizeof ac_events;
            memcpy(r.mask, ac_events, sizeof ac_events);
        }
        n = zwh_notification_event_supported_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

/* ---- Door Lock --------------------------------------------------------------- */

static int operation_report(const lock_model_t *m, uint8_t *out, size_t cap)
{
    zwh_door_lock_operation_report_t r = {
        .mode = m->mode,
        .outside_handles = m->cfg.outside_handles,
        .inside_handles = m->cfg.inside_handles,
        .condition = 0,
        .timeout_minutes = ZWH_DOOR_LOCK_TIMEOUT_NONE, /* constant operation */
        .timeout_seconds = ZWH_DOOR_LOCK_TIMEOUT_NONE,
        .has_target = 1,
        .target_mode = m->moving ? m->target : m->mode,
    };
    if (m->moving) {
        uint64_t now = lock_now_ms(m), left = m->op_end_ms > now ? m->op_end_ms - now : 0;
        double s = (double)left * m->node->net->time_scale / 1000.0; /* device seconds */
        r.duration = (uint8_t)(s >= 127 ? 127 : (uint64_t)s + 1);
    }
    return zwh_door_lock_operation_report_encode(&r, out, cap);
}

static void report_operation(lock_model_t *m)
{
    uint8_t out[16];
    int n = operation_report(m, out, sizeof out);
    if (n > 0)
        lock_report(m, out, (size_t)n, 1);
}

static void finish_op(lock_model_t *m, uint8_t status)
{
    if (m->op_token)
        sim_node_sup_done(m->node, m->op_token, status);
    m->op_token = 0;
    m->moving = 0;
    m->op_gen++;
    lock_update_awake(m);
}

/* The bolt stuck between its ends (seed: "Lock Has a Hardware Failure"). */
static void jam(lock_model_t *m)
{
    ZWH_LOGI(m->node->net->log, "lock %u: bolt jammed", m->node->id);
    m->mode = ZWH_DOOR_LOCK_MODE_UNKNOWN;
    m->jam_next = 0;
    finish_op(m, ZWH_SUPERVISION_FAIL);
    lock_notify(m, ZWH_NOTIFICATION_AC_LOCK_JAMMED, NULL, 0, 1);
    report_operation(m);
}

static void bolt_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    lock_model_t *m = n->model;
    if (len != 4 || !m->moving)
        return;
    uint32_t gen = (uint32_t)data[0] << 24 | (uint32_t)data[1] << 16 | (uint32_t)data[2] << 8 | data[3];
    if (gen != m->op_gen)
        return;
    if (m->jam_next) {
        jam(m);
        return;
    }
    int source = m->op_source;
    m->mode = m->target;
    ZWH_LOGI(n->net->log, "lock %u: bolt %s", n->id, m->mode == ZWH_DOOR_LOCK_MODE_SECURED ? "locked" : "unlocked");
    finish_op(m, ZWH_SUPERVISION_SUCCESS);
    if (source == LOCK_OP_KEYPAD) {
        /* seed "User Enters a Good User Code": the Notification carries the
         * User Code Report of the code used as its event parameters */
        uint8_t ucr[16];
        int ulen = lock_user_code_report(m, m->op_user, ucr, sizeof ucr);
        uint8_t ev = m->mode == ZWH_DOOR_LOCK_MODE_SECURED ? ZWH_NOTIFICATION_AC_KEYPAD_LOCK
                                                            : ZWH_NOTIFICATION_AC_KEYPAD_UNLOCK;
        if (ulen > 0)
            lock_notify(m, ev, ucr, (size_t)ulen, 1);
    }
    report_operation(m);
}

int lock_bolt_start(lock_model_t *m, uint8_t target, int source, uint16_t user_id)
{
    if (m->moving)
        return ZWH_EBUSY;
    m->moving = 1;
    m->target = target;
    m->op_source = (uint8_t)source;
    m->op_user = user_id;
    m->op_token = 0;
    m->op_gen++;
    uint64_t travel = BOLT_TRAVEL_MS;
    if (m->jam_next)
        travel /= 2; /* stuck half way */
    m->op_end_ms = lock_now_ms(m) + sim_net_scale(m->node->net, BOLT_TRAVEL_MS);
    const uint8_t d[4] = {(uint8_t)(m->op_gen >> 24), (uint8_t)(m->op_gen >> 16), (uint8_t)(m->op_gen >> 8),
                          (uint8_t)m->op_gen};
    sim_node_after(m->node, travel, bolt_cb, d, sizeof d);
    lock_update_awake(m);
    return 0;
}

/* An Operation Set or Basic Set from the hub. */
static int rf_operation(lock_model_t *m, uint8_t mode)
{
    if (mode != ZWH_DOOR_LOCK_MODE_SECURED && mode != ZWH_DOOR_LOCK_MODE_UNSECURED)
        return ZWH_EINVAL; /* not among the Capabilities' modes */
    if (m->moving)
        return ZWH_EBUSY;
    if (m->mode == mode)
        return SIM_CMD_OK; /* already there: nothing moves */
    int rc = lock_bolt_start(m, mode, LOCK_OP_RF, 0);
    if (rc < 0)
        return rc;
    m->op_token = sim_node_sup_token(m->node);
    if (!m->op_token)
        return SIM_CMD_OK;
    sim_node_sup_working(m->node, BOLT_WORST_CASE_S);
    return SIM_CMD_WORKING;
}

static int configuration_ok(const zwh_door_lock_configuration_t *c)
{
    if (c->operation_type != ZWH_DOOR_LOCK_OP_CONSTANT || c->timeout_minutes != ZWH_DOOR_LOCK_TIMEOUT_NONE ||
        c->timeout_seconds != ZWH_DOOR_LOCK_TIMEOUT_NONE)
        return 0; /* timed operation is not among the Capabilities */
    if ((c->outside_handles & ~HANDLES_SUPPORTED) || (c->inside_handles & ~HANDLES_SUPPORTED))
        return 0;
    return !c->has_v4 || (!c->auto_relock_time && !c->hold_and_release_time && !c->twist_assist &&
                          !c->block_to_block);
}

static int door_lock(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[32];
    int n;
    switch (cmd[1]) {
    case ZWH_DOOR_LOCK_OPERATION_SET: {
        zwh_door_lock_operation_set_t s;
        if (zwh_door_lock_operation_set_decode(cmd, len, &s) < 0)
            return ZWH_EINVAL;
        return rf_operation(m, s.mode);
    }
    case ZWH_DOOR_LOCK_OPERATION_GET:
        n = operation_report(m, out, sizeof out);
        break;
    case ZWH_DOOR_LOCK_CONFIGURATION_SET: {
        zwh_door_lock_configuration_t c;
        if (zwh_door_lock_configuration_set_decode(cmd, len, &c) < 0 || !configuration_ok(&c))
            return ZWH_EINVAL;
        c.has_v4 = 1;
        m->cfg = c;
        return SIM_CMD_OK;
    }
    case ZWH_DOOR_LOCK_CONFIGURATION_GET:
        n = zwh_door_lock_configuration_report_encode(&m->cfg, out, sizeof out);
        break;
    case ZWH_DOOR_LOCK_CAPABILITIES_GET: {
        const zwh_door_lock_capabilities_report_t r = {
            .operation_types = 1u << ZWH_DOOR_LOCK_OP_CONSTANT,
            .nmodes = 2,
            .modes = {ZWH_DOOR_LOCK_MODE_UNSECURED, ZWH_DOOR_LOCK_MODE_SECURED},
            .outside_handles = HANDLES_SUPPORTED,
            .inside_handles = HANDLES_SUPPORTED,
        };
        n = zwh_door_lock_capabilities_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

static int basic(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    if (cmd[1] == ZWH_BASIC_SET) {
        zwh_basic_set_t s;
        if (zwh_basic_set_decode(cmd, len, &s) < 0)
            return ZWH_EINVAL;
        return rf_operation(m, s.value); /* seed: 00 = UNLOCK, FF = LOCK */
    }
    if (cmd[1] != ZWH_BASIC_GET)
        return ZWH_ENOTSUP;
    zwh_basic_report_t r = {.current_value = m->mode, .has_target = 1, .target_value = m->moving ? m->target : m->mode};
    uint8_t out[8];
    int n = zwh_basic_report_encode(&r, out, sizeof out);
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

/* ---- Battery -------------------------------------------------------------------- */

static int battery_get(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    (void)len;
    if (cmd[1] != ZWH_BATTERY_GET)
        return ZWH_ENOTSUP;
    const zwh_battery_report_t r = {.level = m->battery};
    uint8_t out[8];
    int n = zwh_battery_report_encode(&r, out, sizeof out);
    send_reply(m, out, n);
    m->battery_reported = m->battery;
    return n < 0 ? n : SIM_CMD_OK;
}

/* Seed "Lock Sends Low Battery Warning": a report when the level fell by more
 * than ~5 %; at the critical level the 0xFF warning, ONCE (the RAM flag is
 * cleared only by new batteries), in Supervision; normal reports unwrapped. */
static void battery_level(lock_model_t *m, uint8_t pct)
{
    uint8_t out[8];
    if (pct > m->battery_reported && pct >= 90) {
        m->low_warned = 0; /* batteries replaced: power-on reset */
        m->battery = m->battery_reported = pct;
        return;
    }
    m->battery = pct;
    if (pct <= BATTERY_CRITICAL && !m->low_warned) {
        m->low_warned = 1;
        m->battery_reported = pct;
        const zwh_battery_report_t r = {.level = ZWH_BATTERY_LEVEL_LOW_WARNING};
        int n = zwh_battery_report_encode(&r, out, sizeof out);
        if (n > 0)
            lock_report(m, out, (size_t)n, 1);
        return;
    }
    if (pct + BATTERY_STEP < m->battery_reported) {
        m->battery_reported = pct;
        const zwh_battery_report_t r = {.level = pct};
        int n = zwh_battery_report_encode(&r, out, sizeof out);
        if (n > 0)
            lock_report(m, out, (size_t)n, 0);
    }
}

/* ---- device information ---------------------------------------------------------- */

typedef struct { uint8_t cc, version; } cc_version_t;
static const cc_version_t cc_versions[] = {
    {0x5E, 2}, {0x6C, 2}, {0x9F, 1}, {0x86, 3}, {0x72, 2}, {0x5A, 1}, {0x85, 2}, {0x59, 3},
    {0x62, 4}, {0x63, 2}, {0x71, 8}, {0x80, 1}, {0x81, 1}, {0x8B, 1}, {0xA3, 1}, {0xA1, 1},
    {0x20, 2}, {0x8A, 2}, /* Basic (not in the NIF), Time (controlled) */
};

static int version(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[32];
    int n;
    switch (cmd[1]) {
    case ZWH_VERSION_GET: {
        const zwh_version_report_t r = {.library_type = 0x03, .protocol_version = 7, .protocol_sub_version = 18,
                                        .firmware0 = {1, 0}, .has_v2 = 1, .hardware_version = 1};
        n = zwh_version_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_VERSION_COMMAND_CLASS_GET: {
        zwh_version_command_class_get_t g;
        if (zwh_version_command_class_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_version_command_class_report_t r = {.cc = g.cc};
        for (size_t i = 0; i < sizeof cc_versions / sizeof cc_versions[0]; i++)
            if (cc_versions[i].cc == g.cc)
                r.version = cc_versions[i].version;
        n = zwh_version_command_class_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_VERSION_CAPABILITIES_GET: {
        const zwh_version_capabilities_report_t r = {.version = 1, .command_class = 1};
        n = zwh_version_capabilities_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

static int manufacturer(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[40];
    int n;
    if (cmd[1] == ZWH_MANUFACTURER_SPECIFIC_GET) {
        /* the Z-Wave SDK's door lock keypad sample application */
        const zwh_manufacturer_specific_report_t r = {.manufacturer_id = 0x0000, .product_type = 0x0003,
                                                      .product_id = 0x0001};
        n = zwh_manufacturer_specific_report_encode(&r, out, sizeof out);
    } else if (cmd[1] == ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET) {
        zwh_manufacturer_specific_device_specific_get_t g;
        if (zwh_manufacturer_specific_device_specific_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        static const char serial[] = "ZWHSIM-LOCK-0001";
        zwh_manufacturer_specific_device_specific_report_t r = {
            .device_id_type = ZWH_DEVICE_ID_TYPE_SERIAL_NUMBER, .data_format = ZWH_DEVICE_ID_FORMAT_UTF8,
            .data_len = sizeof serial - 1};
        memcpy(r.data, serial, sizeof serial - 1);
        n = zwh_manufacturer_specific_device_specific_report_encode(&r, out, sizeof out);
    } else {
        return ZWH_ENOTSUP;
    }
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

static int zwaveplus(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    (void)len;
    if (cmd[1] != ZWH_ZWAVEPLUS_INFO_GET)
        return ZWH_ENOTSUP;
    /* FLiRS: listening sleeping end node; icon 0x0300 Door Lock - Keypad */
    const zwh_zwaveplus_info_report_t r = {.zwaveplus_version = 2,
                                           .role_type = ZWH_ZWAVEPLUS_ROLE_LISTENING_SLEEPING_END_NODE,
                                           .node_type = ZWH_ZWAVEPLUS_NODE_TYPE_NODE,
                                           .installer_icon = 0x0300, .user_icon = 0x0300};
    uint8_t out[16];
    int n = zwh_zwaveplus_info_report_encode(&r, out, sizeof out);
    send_reply(m, out, n);
    return n < 0 ? n : SIM_CMD_OK;
}

/* ---- the model ------------------------------------------------------------------- */

typedef int (*cc_handler_fn)(lock_model_t *m, const uint8_t *cmd, size_t len);
static const struct {
    uint8_t cc;
    cc_handler_fn fn;
} handlers[] = {
    {ZWH_CC_DOOR_LOCK, door_lock},
    {ZWH_CC_BASIC, basic},
    {ZWH_CC_BATTERY, battery_get},
    {ZWH_CC_NOTIFICATION, notification},
    {ZWH_CC_VERSION, version},
    {ZWH_CC_MANUFACTURER_SPECIFIC, manufacturer},
    {ZWH_CC_ZWAVEPLUS_INFO, zwaveplus},
};

static void model_defaults(lock_model_t *m, int included)
{
    sim_node_t *node = m->node;
    /* timer generations survive a reset so timers armed before it stay stale */
    uint32_t op_gen = m->op_gen, time_gen = m->time_gen, tx_gen = m->tx_gen;
    memset(m, 0, sizeof *m);
    m->node = node;
    m->op_gen = op_gen + 1;
    m->time_gen = time_gen + 1;
    m->tx_gen = tx_gen + 1;
    m->mode = ZWH_DOOR_LOCK_MODE_SECURED;
    m->cfg = (zwh_door_lock_configuration_t){.operation_type = ZWH_DOOR_LOCK_OP_CONSTANT,
                                             .timeout_minutes = ZWH_DOOR_LOCK_TIMEOUT_NONE,
                                             .timeout_seconds = ZWH_DOOR_LOCK_TIMEOUT_NONE,
                                             .has_v4 = 1};
    m->battery = m->battery_reported = 100;
    m->ac_enabled = 1;
    m->rng = 0x2545F491u;
    lock_lifeline_init(m, included);
}

static int lock_create(sim_node_t *node, void **model)
{
    lock_model_t *m = calloc(1, sizeof *m);
    if (!m)
        return ZWH_ENOMEM;
    m->node = node;
    model_defaults(m, 1);
    /* a battery lock is FLiRS unless the device spec made it sleeping */
    if (node->mode == SIM_NODE_LISTENING)
        node->mode = SIM_NODE_FLIRS;
    *model = m;
    return 0;
}

static int lock_command(void *model, sim_node_t *node, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    (void)node;
    (void)rx_flags;
    lock_model_t *m = model;
    if (len < 2)
        return ZWH_ENOTSUP;
    int rc = ZWH_ENOTSUP;
    if (lock_lifeline_command(m, cmd, len, &rc) || lock_codes_command(m, cmd, len, &rc) ||
        lock_time_command(m, cmd, len, &rc) || lock_sched_command(m, cmd, len, &rc))
        return rc;
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (handlers[i].cc == cmd[0])
            return handlers[i].fn(m, cmd, len);
    return ZWH_ENOTSUP;
}

static void lock_included(void *model, sim_node_t *node)
{
    lock_model_t *m = model;
    (void)node;
    /* joined just now: no associations yet; then the seed's time algorithm */
    lock_lifeline_clear(m);
    lock_time_sync_start(m);
}

/* Seed "Device Reset Locally": tell the Lifeline, forget everything, and
 * leave: the node no longer answers on this network. */
static void reset_locally(lock_model_t *m)
{
    uint8_t out[4];
    int n = zwh_device_reset_locally_notification_encode(out, sizeof out);
    if (n > 0)
        lock_report(m, out, (size_t)n, 0);
    ZWH_LOGI(m->node->net->log, "lock %u: reset to factory defaults, leaves the network", m->node->id);
    sim_node_keep_awake(m->node, 0);
    model_defaults(m, 0);
    m->node->dead = 1;
}

static int lock_event(void *model, sim_node_t *node, const char *line)
{
    lock_model_t *m = model;
    unsigned v;
    char extra;
    if (strncmp(line, "keypad ", 7) == 0) {
        lock_keypad_entry(m, line + 7);
        return 0;
    }
    if (strcmp(line, "manual lock") == 0 || strcmp(line, "manual unlock") == 0) {
        uint8_t mode = line[7] == 'l' ? ZWH_DOOR_LOCK_MODE_SECURED : ZWH_DOOR_LOCK_MODE_UNSECURED;
        if (m->moving)
            return ZWH_EBUSY;
        if (m->mode == mode)
            return 0; /* the thumb turn is already there */
        m->mode = mode; /* turned by hand: there at once, no motor */
        m->jam_next = 0;
        report_operation(m);
        return 0;
    }
    if (strcmp(line, "jam") == 0) {
        if (m->moving)
            jam(m);
        else
            m->jam_next = 1; /* the next bolt movement sticks */
        return 0;
    }
    if (sscanf(line, "battery %u %c", &v, &extra) == 1 && v <= 100) {
        battery_level(m, (uint8_t)v);
        return 0;
    }
    if (strcmp(line, "time-sync") == 0) {
        lock_time_sync_start(m);
        return 0;
    }
    if (strcmp(line, "reset") == 0) {
        reset_locally(m);
        return 0;
    }
    (void)node;
    return ZWH_ENOTSUP;
}

static void lock_free(void *model)
{
    free(model);
}

static const sim_model_ops_t lock_ops = {
    .on_command = lock_command,
    .on_event = lock_event,
    .on_included = lock_included,
    .free = lock_free,
};

const sim_device_type_t sim_dev_lock = {
    .name = "lock",
    .summary = "FLiRS keypad door lock of seed 004 (Door Lock v4, User Code v2, schedules, S2 Access Control)",
    /* 40 entry control / 03 secure keypad door lock; Basic is not listed (seed).
     * Time, Clock and Time Parameters are controlled too (after 0xEF): the
     * lock asks the hub for the time. */
    .nif = {.basic = 0x04, .generic = 0x40, .specific = 0x03, .ncc = 20,
            .cc = {0x5E, 0x9F, 0x6C, 0x86, 0x72, 0x5A, 0x85, 0x59, 0x62, 0x63, 0x71, 0x80, 0x81, 0x8B, 0xA3,
                   0xA1, 0xEF, 0x8A, 0x81, 0x8B}},
    .security = 1u << ZWH_SECCLASS_S2_ACCESS_CONTROL,
    .nsecure_cc = 14,
    .secure_cc = {0x86, 0x72, 0x5A, 0x85, 0x59, 0x62, 0x63, 0x71, 0x80, 0x81, 0x8B, 0xA3, 0xA1, 0x20},
    .create = lock_create,
    .ops = &lock_ops,
};
