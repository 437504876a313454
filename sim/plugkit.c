#include "plugkit.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/basic.h"
#include "zwhost/cc/binary_switch.h"
#include "zwhost/cc/meter.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/switch_all.h"
#include "zwhost/error.h"

#define TICK_MS 1000
#define MAINS_V10 1200
#define MAINS_JITTER_V10 5
#define MAX_LOAD_W 4000
#define ON 0xFF
#define OFF 0x00

/* Meter v3 wire form of each reading: scale, precision, size. */
static const struct {
    uint8_t scale, precision, size;
} scales[PLUG_NSCALES] = {
    [PLUG_KWH] = {ZWH_METER_ELECTRIC_KWH, 2, 4},
    [PLUG_W] = {ZWH_METER_ELECTRIC_W, 1, 4},
    [PLUG_V] = {ZWH_METER_ELECTRIC_V, 1, 2},
    [PLUG_A] = {ZWH_METER_ELECTRIC_A, 2, 2},
};

static int32_t param(const plug_t *p, uint8_t number, int32_t fallback)
{
    return number ? devkit_param(&p->kit, number) : fallback;
}

int32_t plug_reading(const plug_t *p, int idx)
{
    int32_t w10 = p->on ? (int32_t)p->load_w10 : 0;
    switch (idx) {
    case PLUG_KWH: return (int32_t)(p->energy_ws10 / 360000u); /* 0.01 kWh = 36000 W s */
    case PLUG_W: return w10;
    case PLUG_V: return p->v10;
    default: return (int32_t)(((int64_t)w10 * 100 + p->v10 / 2) / p->v10); /* 0.01 A */
    }
}

static int meter_encode(const plug_t *p, int idx, uint8_t *out, size_t cap)
{
    zwh_meter_report_t rep;
    memset(&rep, 0, sizeof rep);
    rep.meter_type = ZWH_METER_ELECTRIC;
    rep.rate_type = ZWH_METER_RATE_IMPORT;
    rep.scale = scales[idx].scale;
    rep.precision = scales[idx].precision;
    rep.size = scales[idx].size;
    rep.has_delta = 1; /* delta time 0: no previous value */
    rep.value = plug_reading(p, idx);
    return zwh_meter_report_encode(&rep, out, cap);
}

static void report_reading(plug_t *p, sim_node_t *n, int idx)
{
    uint8_t out[16];
    p->last[idx] = plug_reading(p, idx);
    devkit_send_encoded(&p->kit, n, DEVKIT_LIFELINE, out, meter_encode(p, idx, out, sizeof out));
}

static int moved(int32_t now, int32_t last, int32_t pct)
{
    if (last == 0)
        return now != 0;
    int64_t diff = (int64_t)now - last;
    return llabs(diff) * 100 > (int64_t)pct * llabs((int64_t)last);
}

/* Meter reports for readings that moved past the threshold (V excluded: the
 * mains wander stays far below 1 %, the smallest threshold). */
static void report_changes(plug_t *p, sim_node_t *n)
{
    if (!param(p, p->d->p_meter_enable, 1))
        return;
    int32_t pct = param(p, p->d->p_threshold_pct, p->d->threshold_pct);
    static const int order[] = {PLUG_KWH, PLUG_W, PLUG_A};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (moved(plug_reading(p, order[i]), p->last[order[i]], pct))
            report_reading(p, n, order[i]);
}

static void send_basic(plug_t *p, sim_node_t *n, uint8_t group, uint8_t cc, uint8_t cmd_id, uint8_t value)
{
    const uint8_t cmd[] = {cc, cmd_id, value};
    devkit_send_group(&p->kit, n, group, cmd, sizeof cmd);
}

static void notify_overload(plug_t *p, sim_node_t *n, int active)
{
    if (!p->d->has_alarm)
        return;
    uint8_t out[16];
    int len = devkit_notification_encode(ZWH_NOTIFICATION_POWER_MANAGEMENT, active ? 0x08 : 0x00,
                                          active ? 0 : 0x08, out, sizeof out);
    if (len <= 0)
        return;
    devkit_send_group(&p->kit, n, DEVKIT_LIFELINE, out, (size_t)len);
    if (p->d->notify_group)
        devkit_send_group(&p->kit, n, p->d->notify_group, out, (size_t)len);
}

static void auto_off_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    plug_t *p = n->model;
    if (devkit_token(data, len) == p->auto_off_gen && p->on)
        plug_switch(p, n, 0, 0);
}

/* Relay change from any source: status report per the device's rule, Basic
 * Set to the control group, auto turn-off timer, meter reports. */
static void relay(plug_t *p, sim_node_t *n, int on, int manual)
{
    if (!!p->on == !!on)
        return;
    p->on = on ? ON : OFF;
    p->auto_off_gen++;
    int notify = param(p, p->d->p_status_notify, p->d->status_notify);
    if (notify == 1 || (notify == 2 && manual))
        send_basic(p, n, DEVKIT_LIFELINE, ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_REPORT, p->on);
    if (p->d->basic_group)
        send_basic(p, n, p->d->basic_group, ZWH_CC_BASIC, ZWH_BASIC_SET, p->on);
    if (p->on && p->d->p_auto_off_enable && param(p, p->d->p_auto_off_enable, 0)) {
        uint64_t ms = (uint64_t)param(p, p->d->p_auto_off_min, 0) * 60000u;
        devkit_after_token(n, ms, auto_off_cb, p->auto_off_gen);
    }
}

static int overloaded(const plug_t *p)
{
    if (p->d->p_overload_enable && !param(p, p->d->p_overload_enable, 1))
        return 0;
    int32_t limit = p->d->p_overload_a ? param(p, p->d->p_overload_a, 0) * 100 : p->d->overload_a100;
    return p->on && plug_reading(p, PLUG_A) > limit;
}

/* The overload rule: above the limit (for overload_delay_s seconds) the relay
 * opens and the alarm is raised. `elapsed` = 1 on a clock tick. */
static void check_overload(plug_t *p, sim_node_t *n, int elapsed)
{
    if (!overloaded(p)) {
        p->over_s = 0;
        return;
    }
    if (elapsed && p->over_s < 255)
        p->over_s++;
    if (p->over_s < p->d->overload_delay_s)
        return;
    ZWH_LOGI(n->net->log, "node %u: overload (%d.%02d A): relay off", n->id, plug_reading(p, PLUG_A) / 100,
             plug_reading(p, PLUG_A) % 100);
    p->over_s = 0;
    p->alarm = 1;
    notify_overload(p, n, 1);
    relay(p, n, 0, 0);
}

void plug_switch(plug_t *p, sim_node_t *n, int on, int manual)
{
    if (manual && p->d->p_manual && !param(p, p->d->p_manual, 1)) {
        ZWH_LOGI(n->net->log, "node %u: manual control disabled: button ignored", n->id);
        return;
    }
    if (p->alarm && (manual || on)) {
        /* the button acknowledges the alarm; switching on again re-arms it */
        p->alarm = 0;
        notify_overload(p, n, 0);
        if (manual)
            return;
    }
    relay(p, n, on, manual);
    check_overload(p, n, 0);
    report_changes(p, n);
}

static void tick_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    plug_t *p = n->model;
    sim_node_after(n, TICK_MS, tick_cb, NULL, 0);
    p->energy_ws10 += (uint64_t)plug_reading(p, PLUG_W); /* one second at this power */
    p->v10 = MAINS_V10 - MAINS_JITTER_V10 + (int32_t)sim_rng_range(devkit_rng(&p->kit, n), 0, 2 * MAINS_JITTER_V10);
    check_overload(p, n, 1);
    int32_t interval = param(p, p->d->p_interval_s, 0);
    if (interval > 0 && ++p->since_periodic >= (uint32_t)interval) {
        p->since_periodic = 0;
        if (param(p, p->d->p_meter_enable, 1))
            for (int i = 0; i < PLUG_NSCALES; i++)
                report_reading(p, n, i);
    }
    report_changes(p, n);
}

int plug_init(plug_t *p, const plug_desc_t *d, sim_node_t *n)
{
    memset(p, 0, sizeof *p);
    p->d = d;
    p->v10 = MAINS_V10;
    p->switch_all = ZWH_SWITCH_ALL_MODE_INCLUDED;
    devkit_init(&p->kit, d->kit);
    return sim_node_after(n, TICK_MS, tick_cb, NULL, 0);
}

/* ---- commands ------------------------------------------------------------------ */

static int set_value(plug_t *p, sim_node_t *n, uint8_t v)
{
    /* 0 off, 1..99 and FF on; the rest is reserved: refused */
    if (v != 0 && v > 99 && v != 0xFF)
        return ZWH_EINVAL;
    plug_switch(p, n, v != 0, 0);
    return SIM_CMD_OK;
}

static int switch_cmd(plug_t *p, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (cmd[1] == ZWH_BINARY_SWITCH_SET) /* same layout for Basic Set */
        return len >= 3 ? set_value(p, n, cmd[2]) : ZWH_EINVAL;
    if (cmd[1] == ZWH_BINARY_SWITCH_GET) {
        const uint8_t rep[] = {cmd[0], ZWH_BINARY_SWITCH_REPORT, p->on};
        sim_node_send(n, rep, sizeof rep);
        return SIM_CMD_OK;
    }
    return ZWH_ENOTSUP;
}

/* Switch All modes (Z-Wave specification): 0x01 = only in All Off, 0x02 = only in All On. */
static int switch_all_cmd(plug_t *p, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[8];
    zwh_switch_all_mode_t mode;
    switch (cmd[1]) {
    case ZWH_SWITCH_ALL_SET:
        if (zwh_switch_all_set_decode(cmd, len, &mode) < 0 ||
            (mode.mode > ZWH_SWITCH_ALL_MODE_ON_ONLY && mode.mode != ZWH_SWITCH_ALL_MODE_INCLUDED))
            return ZWH_EINVAL;
        p->switch_all = mode.mode;
        return SIM_CMD_OK;
    case ZWH_SWITCH_ALL_GET: {
        mode.mode = p->switch_all;
        devkit_reply(n, out, zwh_switch_all_report_encode(&mode, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_SWITCH_ALL_ON:
        if (p->switch_all == ZWH_SWITCH_ALL_MODE_ON_ONLY || p->switch_all == ZWH_SWITCH_ALL_MODE_INCLUDED)
            plug_switch(p, n, 1, 0);
        return SIM_CMD_OK;
    case ZWH_SWITCH_ALL_OFF:
        if (p->switch_all == ZWH_SWITCH_ALL_MODE_OFF_ONLY || p->switch_all == ZWH_SWITCH_ALL_MODE_INCLUDED)
            plug_switch(p, n, 0, 0);
        return SIM_CMD_OK;
    default:
        return ZWH_ENOTSUP;
    }
}

static int meter_cmd(plug_t *p, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[24];
    switch (cmd[1]) {
    case ZWH_METER_GET: {
        zwh_meter_get_t get;
        if (zwh_meter_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        int idx = get.has_scale ? -1 : PLUG_KWH; /* a v1 Get: the first scale */
        for (int i = 0; i < PLUG_NSCALES && idx < 0; i++)
            if (scales[i].scale == get.scale)
                idx = i;
        if (idx < 0)
            return ZWH_EINVAL; /* kVAh, pulses, power factor: not measured */
        devkit_reply(n, out, meter_encode(p, idx, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_METER_SUPPORTED_GET: {
        zwh_meter_supported_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.meter_type = ZWH_METER_ELECTRIC;
        rep.reset_supported = 1;
        for (int i = 0; i < PLUG_NSCALES; i++)
            rep.scales |= (uint8_t)(1u << scales[i].scale);
        devkit_reply(n, out, zwh_meter_supported_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_METER_RESET:
        p->energy_ws10 = 0;
        p->last[PLUG_KWH] = 0;
        return SIM_CMD_OK;
    default:
        return ZWH_ENOTSUP;
    }
}

int plug_command(plug_t *p, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    int rc = devkit_command(&p->kit, n, cmd, len);
    if (rc != ZWH_ENOTSUP || len < 2)
        return rc;
    switch (cmd[0]) {
    case ZWH_CC_BASIC:
    case ZWH_CC_BINARY_SWITCH: return switch_cmd(p, n, cmd, len);
    case ZWH_CC_SWITCH_ALL: return switch_all_cmd(p, n, cmd, len);
    case ZWH_CC_METER: return meter_cmd(p, n, cmd, len);
    case ZWH_CC_NOTIFICATION:
        if (!p->d->has_alarm)
            return ZWH_ENOTSUP;
        return devkit_notification_cmd(n, cmd, len, ZWH_NOTIFICATION_POWER_MANAGEMENT, 0x08, p->alarm);
    default: return ZWH_ENOTSUP;
    }
}

static void factory_reset(plug_t *p, sim_node_t *n)
{
    devkit_reset_locally(&p->kit, n);
    p->on = OFF;
    p->alarm = 0;
    p->energy_ws10 = 0;
    memset(p->last, 0, sizeof p->last);
}

int plug_event(plug_t *p, sim_node_t *n, const char *line)
{
    long w;
    if (strcmp(line, "on") == 0 || strcmp(line, "off") == 0) {
        plug_switch(p, n, line[1] == 'n', 1);
        return 0;
    }
    if (strncmp(line, "load ", 5) == 0 && devkit_parse_fixed(line + 5, 1, 0, MAX_LOAD_W * 10, &w) == 0) {
        p->load_w10 = (uint32_t)w;
        check_overload(p, n, 0);
        report_changes(p, n);
        return 0;
    }
    if (strcmp(line, "reset") == 0) {
        factory_reset(p, n);
        return 0;
    }
    return ZWH_ENOTSUP;
}

static int ops_command(void *model, sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    (void)rx_flags;
    return plug_command(model, n, cmd, len);
}

static int ops_event(void *model, sim_node_t *n, const char *line)
{
    return plug_event(model, n, line);
}

static void ops_included(void *model, sim_node_t *n)
{
    (void)n;
    devkit_included(&((plug_t *)model)->kit);
}

const sim_model_ops_t plug_ops = {
    .on_command = ops_command,
    .on_event = ops_event,
    .on_included = ops_included,
    .free = free,
};
