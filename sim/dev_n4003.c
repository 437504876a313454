/* NIE Technology n4003 Mini Smart Plug: the twin of seed 002
 * (../shared/seeds/002_*.txt). Every number below that comes from the seed
 * says so; the rest (manufacturer/product ids, the mains voltage, the load, the
 * current rating, firmware versions) is not in the seed and is marked as the
 * twin's own choice.
 *
 * Command classes and versions are the seed's "Endpoint 0" table: Binary
 * Switch v2, Meter v5 (kWh, W, V, A: the seed's four meter channels),
 * Configuration v4 with the 8 parameters of "Device Configuration" (sizes from
 * the config ids: config_2_4 is 4 bytes), Notification (Alarm) v8 for the
 * power alarm channel, Indicator v3, Association v3 + Multi Channel
 * Association v4 with the two groups of "Association Groups", AGI v3,
 * Version v2 (so Version Capabilities / Z-Wave Software Get are not
 * supported), Manufacturer Specific v2, Z-Wave Plus Info v2, Powerlevel v1,
 * Firmware Update MD v5 (meta data only), Device Reset Locally, Basic v1,
 * and Supervision / Transport Service / Security 2, which the engine provides.
 *
 * Meter: the plug measures every METER_TICK_MS of device time: the mains
 * voltage wanders around 120 V and the power around the connected load (both
 * drawn from sim/rng.h, seeded by --seed and the node id), energy accumulates.
 * It reports to the Lifeline on change (parameters 5, 7, 8) and every
 * parameter 6 minutes. A current above 15 A trips the plug (over-current
 * notification); the `overload` event trips it with the over-load
 * notification. Stdin events: on, off, load WATTS, overload, reset. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/basic.h"
#include "zwhost/cc/binary_switch.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/firmware_update.h"
#include "zwhost/cc/indicator.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/meter.h"
#include "zwhost/cc/multi_channel_association.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/powerlevel.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"
#include "devices.h"
#include "node_assoc.h"
#include "node_config.h"
#include "rng.h"

#define CONTROLLER_ID 1
#define BUF 256

/* Manufacturer 0x0312 (NIE Technology), product type 0xAC01, id 0x4003: the
 * n4003's identifiers (not in the seed; from the public device databases). */
#define MANUFACTURER_ID 0x0312
#define PRODUCT_TYPE 0xAC01
#define PRODUCT_ID 0x4003

/* seed 002 "Association Groups": 2 groups, "Association group 1 supports 5
 * nodes", "Association group 2 supports 5 nodes" (the overview's "supporting 1
 * node for lifeline" contradicts the group table; the table is followed). */
#define N4003_GROUPS 2
#define GROUP_MAX 5
#define GROUP_LIFELINE 1
#define GROUP_BASIC_SET 2

/* Meter model (twin's choice, not in the seed): a 120 V mains, a 100 W load
 * plugged in, a 15 A rating; measured every 10 s of device time. */
#define METER_TICK_MS 10000u
#define MAINS_DV 1200u     /* 120.0 V */
#define MAINS_JITTER_DV 15 /* +-1.5 V */
#define DEFAULT_LOAD_DW 1000u
#define MAX_LOAD_DW 100000u /* `load` accepts up to 10 kW */
#define RATED_CA 1500u      /* 15.00 A */
#define DWMS_PER_CKWH 360000000ull /* 0.01 kWh in 0.1 W x ms */

/* Power Management notification (type 0x08) events the plug raises. */
#define EV_IDLE 0x00
#define EV_OVER_CURRENT 0x06
#define EV_OVER_LOAD 0x08

enum { T_TICK = 1, T_AUTO_OFF, T_AUTO_ON, T_IDENTIFY_END, T_POWERLEVEL_END };

/* ---- configuration parameters (seed 002 "Device Configuration") ---- */

enum { P_LED = 0, P_AUTO_OFF, P_AUTO_ON, P_RESTORE, P_WATT, P_TIME, P_CURRENT, P_ENERGY, NPARAMS };

static const sim_cfg_param_t params[NPARAMS] = {
    /* Parameter 1, config_1_1: "values in the range 0 to 2" plus the option
     * values 0..3 (3 = LED Always On), default 0 */
    {1, 1, ZWH_CONFIGURATION_FORMAT_ENUMERATED, 0, 3, 0, "LED Indicator",
     "Define LED behavior. 0: LED On when switch is On, 1: LED Off when switch is On, "
     "2: LED Always Off, 3: LED Always On", 0, 0, 0, 0},
    /* Parameter 2, config_2_4: range 0 to 65535 (minutes), default 0 */
    {2, 4, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 0, 65535, 0, "Auto Turn-Off Timer",
     "Timer to turn switch off. Set the number of minutes for the timer.", 0, 0, 0, 0},
    /* Parameter 3, config_3_4: range 0 to 65535 (minutes), default 0 */
    {3, 4, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 0, 65535, 0, "Auto Turn-On Timer",
     "Timer to turn switch on. Set the number of minutes for the timer.", 0, 0, 0, 0},
    /* Parameter 4, config_4_1: range 0 to 2, default 0 */
    {4, 1, ZWH_CONFIGURATION_FORMAT_ENUMERATED, 0, 2, 0, "Restores state after power failure",
     "Define state for device after power failure", 0, 0, 0, 0},
    /* Parameter 5, config_5_1: range 5 to 50 (W), default 5 */
    {5, 1, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 5, 50, 5, "Power Wattage (W) Report",
     "The minium change in power (W) before sending new power report.", 0, 0, 0, 0},
    /* Parameter 6, config_6_4: range 0 to 65535 (minutes), default 5 */
    {6, 4, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 0, 65535, 5, "Time Report",
     "Determines the minimum time before sending new power report", 0, 0, 0, 0},
    /* Parameter 7, config_7_1: range 1 to 10 (x 0.1 A), default 1 */
    {7, 1, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 1, 10, 1, "Current Report (A)",
     "Determines minimum change in current (A) that will result in sending new power report. "
     "(Value * 0.1A)", 0, 0, 0, 0},
    /* Parameter 8, config_8_1: range 1 to 100 (x 0.01 kWh), default 1 */
    {8, 1, ZWH_CONFIGURATION_FORMAT_UNSIGNED, 1, 100, 1, "Energy (KWH) Report",
     "Change in consumed energy before sending new report. (Value * 0.01 KWH)", 0, 0, 0, 0},
};

/* Version CC Command Class Report: the seed's "Endpoint 0" table. */
static const uint8_t cc_versions[][2] = {
    {0x20, 1}, {0x25, 2}, {0x32, 5}, {0x55, 2}, {0x59, 3}, {0x5A, 1}, {0x5E, 2}, {0x6C, 1}, {0x70, 4},
    {0x71, 8}, {0x72, 2}, {0x73, 1}, {0x7A, 5}, {0x85, 3}, {0x86, 2}, {0x87, 3}, {0x8E, 4}, {0x9F, 1},
};

static const sim_assoc_group_desc_t groups[N4003_GROUPS] = {
    /* seed 002 "Group 1: Lifeline", 5 nodes. The seed says the Lifeline "only
     * supports the Device Reset Locally function", yet its channels (switch,
     * meters, power alarm) are reported there; the command list names all four. */
    {"Lifeline", ZWH_AGI_PROFILE_GENERAL_LIFELINE, GROUP_MAX, 4,
     {{ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_REPORT},
      {ZWH_CC_METER, ZWH_METER_REPORT},
      {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_REPORT},
      {ZWH_CC_DEVICE_RESET_LOCALLY, ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION}}},
    /* seed 002 "Group 2: Basic Set", 5 nodes: Basic Set On/Off follows the output */
    {"Basic Set", 0x0000, GROUP_MAX, 1, {{ZWH_CC_BASIC, ZWH_BASIC_SET}}},
};

/* ---- model state ---- */

typedef struct n4003 {
    sim_node_t *node;
    sim_rng_t rng;
    int rng_ready;
    uint8_t on;
    int64_t cfg[NPARAMS];
    sim_assoc_t assoc;
    uint32_t timer_gen; /* auto on/off */
    /* meter */
    uint32_t load_dw, power_dw, volt_dv, current_ca;
    uint64_t energy_dwms, dev_ms, since_interval_ms, energy_rep_ms;
    uint32_t rep_power_dw, rep_current_ca, rep_energy;
    /* notification */
    uint8_t notif_on, alarm;
    /* indicator 0x50 (node identify): on/off period, cycles, on time */
    uint8_t ind0, ind_period, ind_cycles, ind_on_time;
    uint32_t ind_gen;
    /* powerlevel */
    uint8_t power_level, power_timeout;
    uint32_t pl_gen;
    uint16_t test_node, test_acks;
    uint8_t test_status;
} n4003_t;

/* ---- sending ---- */

/* Parameter values are range-checked to 0..65535 on the way in. */
static uint32_t cfgv(const n4003_t *m, int i)
{
    return (uint32_t)m->cfg[i];
}

static sim_cfg_t cfg_view(n4003_t *m)
{
    return (sim_cfg_t){.params = params, .nparams = NPARAMS, .values = m->cfg, .version = 4};
}

static sim_assoc_view_t assoc_view(n4003_t *m)
{
    return (sim_assoc_view_t){groups, N4003_GROUPS, &m->assoc, 1, 1};
}

static void send_group(n4003_t *m, uint8_t group, const uint8_t *cmd, int len)
{
    sim_assoc_view_t a = assoc_view(m);
    if (len > 0)
        sim_assoc_send(&a, m->node, group, cmd, (size_t)len);
}

static void reply(n4003_t *m, const uint8_t *cmd, int len)
{
    if (len > 0)
        sim_node_send(m->node, cmd, (size_t)len);
}

static void timer_cb(void *ctx, const uint8_t *data, size_t len);

/* Runs timer `kind` after ms of device time; it fires only if its generation
 * counter still holds gen (a newer action cancels it by bumping the counter). */
static void after(n4003_t *m, uint64_t ms, uint8_t kind, uint32_t gen)
{
    const uint8_t d[5] = {kind, (uint8_t)(gen >> 24), (uint8_t)(gen >> 16), (uint8_t)(gen >> 8), (uint8_t)gen};
    (void)sim_node_after(m->node, ms, timer_cb, d, sizeof d);
}

/* ---- meter ---- */

static uint32_t energy_ckwh(const n4003_t *m)
{
    return (uint32_t)(m->energy_dwms / DWMS_PER_CKWH);
}

static int meter_report(const n4003_t *m, uint8_t scale, uint8_t *out)
{
    zwh_meter_report_t r = {.meter_type = ZWH_METER_ELECTRIC, .rate_type = ZWH_METER_RATE_IMPORT,
                            .scale = scale, .has_delta = 1};
    switch (scale) {
    case ZWH_METER_ELECTRIC_KWH: {
        uint64_t dt = (m->dev_ms - m->energy_rep_ms) / 1000;
        r.precision = 2, r.size = 4, r.value = (int32_t)energy_ckwh(m);
        r.delta_time = (uint16_t)(dt > 0xFFFF ? 0xFFFF : dt);
        r.has_previous = r.delta_time != 0;
        r.previous_value = (int32_t)m->rep_energy;
        break;
    }
    case ZWH_METER_ELECTRIC_W:
        r.precision = 1, r.size = 4, r.value = (int32_t)m->power_dw;
        break;
    case ZWH_METER_ELECTRIC_V:
        r.precision = 1, r.size = 2, r.value = (int32_t)m->volt_dv;
        break;
    default: /* A */
        r.precision = 2, r.size = 2, r.value = (int32_t)m->current_ca;
        break;
    }
    return zwh_meter_report_encode(&r, out, BUF);
}

/* Sends a Meter Report to the Lifeline and remembers what was reported. */
static void meter_push(n4003_t *m, uint8_t scale)
{
    uint8_t b[BUF];
    send_group(m, GROUP_LIFELINE, b, meter_report(m, scale, b));
    if (scale == ZWH_METER_ELECTRIC_KWH) {
        m->rep_energy = energy_ckwh(m);
        m->energy_rep_ms = m->dev_ms;
    } else if (scale == ZWH_METER_ELECTRIC_W) {
        m->rep_power_dw = m->power_dw;
    } else if (scale == ZWH_METER_ELECTRIC_A) {
        m->rep_current_ca = m->current_ca;
    }
}

static uint32_t udiff(uint32_t a, uint32_t b)
{
    return a > b ? a - b : b - a;
}

static void set_switch(n4003_t *m, uint8_t on, int local);

static void notify(n4003_t *m, uint8_t event, uint8_t cleared)
{
    if (!m->notif_on)
        return;
    zwh_notification_report_t r = {.has_notification = 1, .status = ZWH_NOTIFICATION_STATUS_ON,
                                   .type = ZWH_NOTIFICATION_POWER_MANAGEMENT, .event = event};
    if (event == EV_IDLE) {
        r.params_len = 1;
        r.params[0] = cleared;
    }
    uint8_t b[BUF];
    send_group(m, GROUP_LIFELINE, b, zwh_notification_report_encode(&r, b, sizeof b));
}

static void trip(n4003_t *m, uint8_t event)
{
    m->alarm = event;
    notify(m, event, 0);
    set_switch(m, 0x00, 1);
}

/* Takes a measurement; advance_ms of device time went by at the previous power. */
static void measure(n4003_t *m, uint32_t advance_ms)
{
    if (!m->rng_ready && m->node->id) {
        sim_rng_init(&m->rng, m->node->net->seed, 0x40030000u | m->node->id);
        m->rng_ready = 1;
    }
    m->energy_dwms += (uint64_t)m->power_dw * advance_ms;
    m->dev_ms += advance_ms;
    m->volt_dv = MAINS_DV + sim_rng_range(&m->rng, 0, 2 * MAINS_JITTER_DV) - MAINS_JITTER_DV;
    uint32_t jitter = m->load_dw / 100; /* +-1 % */
    m->power_dw = m->on ? m->load_dw + sim_rng_range(&m->rng, 0, 2 * jitter) - jitter : 0;
    m->current_ca = (uint32_t)((uint64_t)m->power_dw * 100 / m->volt_dv);
    if (m->on && m->current_ca > RATED_CA) {
        trip(m, EV_OVER_CURRENT);
        return;
    }
    /* report on change: parameter 5 (W), 7 (x 0.1 A), 8 (x 0.01 kWh) */
    if (udiff(m->power_dw, m->rep_power_dw) >= cfgv(m, P_WATT) * 10)
        meter_push(m, ZWH_METER_ELECTRIC_W);
    if (udiff(m->current_ca, m->rep_current_ca) >= cfgv(m, P_CURRENT) * 10)
        meter_push(m, ZWH_METER_ELECTRIC_A);
    if (energy_ckwh(m) >= m->rep_energy + cfgv(m, P_ENERGY))
        meter_push(m, ZWH_METER_ELECTRIC_KWH);
}

static void interval_tick(n4003_t *m)
{
    m->since_interval_ms += METER_TICK_MS;
    if (!cfgv(m, P_TIME) || m->since_interval_ms < (uint64_t)cfgv(m, P_TIME) * 60000)
        return;
    m->since_interval_ms = 0;
    static const uint8_t all[] = {ZWH_METER_ELECTRIC_KWH, ZWH_METER_ELECTRIC_W, ZWH_METER_ELECTRIC_V,
                                  ZWH_METER_ELECTRIC_A};
    for (size_t i = 0; i < sizeof all; i++)
        meter_push(m, all[i]);
}

/* ---- switch ---- */

static void basic_set_group2(n4003_t *m)
{
    /* seed 002 group 2: "The N4003 will automatically send out a related basic
     * On (0xFF) or Off (0x00) to this group" */
    zwh_basic_set_t s = {m->on};
    uint8_t b[8];
    send_group(m, GROUP_BASIC_SET, b, zwh_basic_set_encode(&s, b, sizeof b));
}

static void set_switch(n4003_t *m, uint8_t on, int local)
{
    if (m->on == on)
        return;
    m->on = on;
    m->timer_gen++;
    /* parameters 2 and 3: auto turn-off / turn-on after so many minutes */
    uint32_t minutes = on ? cfgv(m, P_AUTO_OFF) : cfgv(m, P_AUTO_ON);
    if (minutes)
        after(m, (uint64_t)minutes * 60000, on ? T_AUTO_OFF : T_AUTO_ON, m->timer_gen);
    if (on && m->alarm) {
        uint8_t was = m->alarm;
        m->alarm = 0;
        notify(m, EV_IDLE, was);
    }
    if (local) {
        zwh_binary_switch_report_t r = {.current_value = on, .has_target = 1, .target_value = on};
        uint8_t b[8];
        send_group(m, GROUP_LIFELINE, b, zwh_binary_switch_report_encode(&r, b, sizeof b));
    }
    basic_set_group2(m);
    measure(m, 0);
}

static int switch_value(uint8_t v, uint8_t *on)
{
    /* 0 = off, 1..99 and FF = on; other values are reserved: refused */
    if (v == 0x00)
        *on = 0x00;
    else if (v <= 99 || v == 0xFF)
        *on = 0xFF;
    else
        return ZWH_EINVAL;
    return 0;
}

static int h_switch_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_binary_switch_set_t s;
    uint8_t on;
    if (zwh_binary_switch_set_decode(c, n, &s) < 0 || switch_value(s.value, &on) < 0)
        return ZWH_EINVAL;
    set_switch(m, on, 0);
    return SIM_CMD_OK;
}

static int h_switch_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_binary_switch_report_t r = {.current_value = m->on, .has_target = 1, .target_value = m->on};
    uint8_t b[8];
    reply(m, b, zwh_binary_switch_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_basic_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_basic_set_t s;
    uint8_t on;
    if (zwh_basic_set_decode(c, n, &s) < 0 || switch_value(s.value, &on) < 0)
        return ZWH_EINVAL;
    set_switch(m, on, 0);
    return SIM_CMD_OK;
}

static int h_basic_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_basic_report_t r = {.current_value = m->on}; /* Basic v1 (seed) */
    uint8_t b[8];
    reply(m, b, zwh_basic_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

/* ---- meter commands ---- */

static int h_meter_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_meter_get_t g;
    if (zwh_meter_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    uint8_t scale = g.has_scale ? g.scale : ZWH_METER_ELECTRIC_KWH;
    if (scale != ZWH_METER_ELECTRIC_KWH && scale != ZWH_METER_ELECTRIC_W && scale != ZWH_METER_ELECTRIC_V &&
        scale != ZWH_METER_ELECTRIC_A)
        scale = ZWH_METER_ELECTRIC_KWH; /* an unsupported scale: the default one */
    uint8_t b[BUF];
    reply(m, b, meter_report(m, scale, b));
    return SIM_CMD_OK;
}

static int h_meter_supported_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_meter_supported_report_t r = {
        .meter_type = ZWH_METER_ELECTRIC, .reset_supported = 1, .rate_types = 0x01, /* import */
        .scales = 1u << ZWH_METER_ELECTRIC_KWH | 1u << ZWH_METER_ELECTRIC_W | 1u << ZWH_METER_ELECTRIC_V |
                  1u << ZWH_METER_ELECTRIC_A};
    uint8_t b[BUF];
    reply(m, b, zwh_meter_supported_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_meter_reset(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_meter_reset_t r;
    if (zwh_meter_reset_decode(c, n, &r) < 0)
        return ZWH_EINVAL;
    m->energy_dwms = 0;
    m->rep_energy = 0;
    m->energy_rep_ms = m->dev_ms;
    return SIM_CMD_OK;
}

/* ---- notification (seed 002 "Alarm (power)" channel) ---- */

static int h_notif_supported_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_notification_supported_report_t r = {.mask_len = 2};
    r.mask[ZWH_NOTIFICATION_POWER_MANAGEMENT / 8] |= (uint8_t)(1u << (ZWH_NOTIFICATION_POWER_MANAGEMENT % 8));
    uint8_t b[BUF];
    reply(m, b, zwh_notification_supported_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_notif_event_supported_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_notification_event_supported_get_t g;
    if (zwh_notification_event_supported_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    zwh_notification_event_supported_report_t r = {.type = g.type};
    if (g.type == ZWH_NOTIFICATION_POWER_MANAGEMENT) {
        r.mask_len = 2;
        r.mask[EV_OVER_CURRENT / 8] |= (uint8_t)(1u << (EV_OVER_CURRENT % 8));
        r.mask[EV_OVER_LOAD / 8] |= (uint8_t)(1u << (EV_OVER_LOAD % 8));
    }
    uint8_t b[BUF];
    reply(m, b, zwh_notification_event_supported_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_notif_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_notification_get_t g;
    if (zwh_notification_get_decode(c, n, &g) < 0 || !g.has_type ||
        (g.type != ZWH_NOTIFICATION_POWER_MANAGEMENT && g.type != ZWH_NOTIFICATION_REQUEST_PENDING))
        return ZWH_EINVAL;
    zwh_notification_report_t r = {.has_notification = 1, .status = m->notif_on ? 0xFF : 0x00,
                                   .type = ZWH_NOTIFICATION_POWER_MANAGEMENT};
    /* the active alarm, or idle when none is (or another event is asked for) */
    if (m->alarm && (!g.has_event || g.event == 0 || g.event == m->alarm))
        r.event = m->alarm;
    uint8_t b[BUF];
    reply(m, b, zwh_notification_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_notif_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_notification_set_t s;
    if (zwh_notification_set_decode(c, n, &s) < 0 || s.type != ZWH_NOTIFICATION_POWER_MANAGEMENT ||
        (s.status != 0x00 && s.status != 0xFF))
        return ZWH_EINVAL;
    m->notif_on = s.status;
    return SIM_CMD_OK;
}

/* ---- indicator (v3: node identify, 0x50) ---- */

#define IND_PROPS (1u << ZWH_INDICATOR_PROP_ON_OFF_PERIOD | 1u << ZWH_INDICATOR_PROP_ON_OFF_CYCLES | \
                   1u << ZWH_INDICATOR_PROP_ON_TIME)

static int h_ind_supported_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_indicator_supported_get_t g;
    if (zwh_indicator_supported_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    zwh_indicator_supported_report_t r = {0};
    if (g.indicator_id == 0 || g.indicator_id == ZWH_INDICATOR_NODE_IDENTIFY) {
        r.indicator_id = ZWH_INDICATOR_NODE_IDENTIFY;
        r.property_mask_len = 1;
        r.property_mask[0] = IND_PROPS;
    } /* else: not supported, answered with indicator 0 and no properties */
    uint8_t b[BUF];
    reply(m, b, zwh_indicator_supported_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int indicator_report(n4003_t *m, int v1)
{
    zwh_indicator_report_t r = {.indicator0_value = m->ind0};
    if (!v1) {
        r.object_count = 3;
        r.objects[0] = (zwh_indicator_object_t){ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_OFF_PERIOD,
                                                 m->ind_period};
        r.objects[1] = (zwh_indicator_object_t){ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_OFF_CYCLES,
                                                 m->ind_cycles};
        r.objects[2] = (zwh_indicator_object_t){ZWH_INDICATOR_NODE_IDENTIFY, ZWH_INDICATOR_PROP_ON_TIME,
                                                 m->ind_on_time};
    }
    uint8_t b[BUF];
    reply(m, b, zwh_indicator_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_ind_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_indicator_get_t g;
    if (zwh_indicator_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    if (g.has_indicator_id && g.indicator_id != ZWH_INDICATOR_NODE_IDENTIFY) {
        /* unsupported indicator: a report with one zero object */
        zwh_indicator_report_t r = {.object_count = 1};
        uint8_t b[BUF];
        reply(m, b, zwh_indicator_report_encode(&r, b, sizeof b));
        return SIM_CMD_OK;
    }
    return indicator_report(m, !g.has_indicator_id);
}

static int h_ind_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_indicator_set_t *s = malloc(sizeof *s);
    if (!s)
        return ZWH_ENOMEM;
    int rc = zwh_indicator_set_decode(c, n, s) < 0 ? ZWH_EINVAL : SIM_CMD_OK;
    if (rc == SIM_CMD_OK && s->object_count == 0) {
        if (s->indicator0_value > 0x63 && s->indicator0_value != 0xFF)
            rc = ZWH_EINVAL;
        else
            m->ind0 = s->indicator0_value;
    }
    int identify = 0;
    for (uint8_t i = 0; rc == SIM_CMD_OK && i < s->object_count; i++) {
        const zwh_indicator_object_t *o = &s->objects[i];
        if (o->indicator_id != ZWH_INDICATOR_NODE_IDENTIFY)
            continue; /* unsupported indicators and properties are ignored */
        if (o->property_id == ZWH_INDICATOR_PROP_ON_OFF_PERIOD)
            m->ind_period = o->value, identify = 1;
        else if (o->property_id == ZWH_INDICATOR_PROP_ON_OFF_CYCLES)
            m->ind_cycles = o->value, identify = 1;
        else if (o->property_id == ZWH_INDICATOR_PROP_ON_TIME)
            m->ind_on_time = o->value;
    }
    free(s);
    if (identify) {
        /* blinks period x cycles tenths of a second (cycles 0xFF: until told
         * otherwise), then the identify properties read 0 again */
        m->ind_gen++;
        if (m->ind_period && m->ind_cycles && m->ind_cycles != 0xFF)
            after(m, (uint64_t)m->ind_period * m->ind_cycles * 100, T_IDENTIFY_END, m->ind_gen);
        else if (!m->ind_period || !m->ind_cycles)
            m->ind_period = m->ind_cycles = m->ind_on_time = 0;
    }
    return rc;
}

static int h_ind_description_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_indicator_description_get_t g;
    if (zwh_indicator_description_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    /* node identify is a standard indicator: no description */
    zwh_indicator_description_report_t r = {.indicator_id = g.indicator_id};
    uint8_t b[BUF];
    reply(m, b, zwh_indicator_description_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

/* ---- version, manufacturer specific, z-wave plus info, firmware ---- */

static int h_version_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    /* library 3 (enhanced end node), protocol 7.13, firmware 1.0, hardware 1:
     * the twin's choice, the seed gives no versions */
    zwh_version_report_t *r = calloc(1, sizeof *r);
    if (!r)
        return ZWH_ENOMEM;
    r->library_type = 0x03;
    r->protocol_version = 7;
    r->protocol_sub_version = 13;
    r->firmware0 = (zwh_version_firmware_t){1, 0};
    r->has_v2 = 1;
    r->hardware_version = 1;
    uint8_t b[BUF];
    reply(m, b, zwh_version_report_encode(r, b, sizeof b));
    free(r);
    return SIM_CMD_OK;
}

static int h_version_cc_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_version_command_class_get_t g;
    if (zwh_version_command_class_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    zwh_version_command_class_report_t r = {g.cc, 0};
    for (size_t i = 0; i < sizeof cc_versions / sizeof cc_versions[0]; i++)
        if (cc_versions[i][0] == g.cc)
            r.version = cc_versions[i][1];
    uint8_t b[8];
    reply(m, b, zwh_version_command_class_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_ms_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_manufacturer_specific_report_t r = {MANUFACTURER_ID, PRODUCT_TYPE, PRODUCT_ID};
    uint8_t b[16];
    reply(m, b, zwh_manufacturer_specific_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_ms_device_specific_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_manufacturer_specific_device_specific_get_t g;
    if (zwh_manufacturer_specific_device_specific_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    /* the factory default id is the serial number: 8 bytes, fixed by --seed and the node id */
    zwh_manufacturer_specific_device_specific_report_t r = {ZWH_DEVICE_ID_TYPE_SERIAL_NUMBER,
                                                            ZWH_DEVICE_ID_FORMAT_BINARY, 8, {0}};
    sim_rng_t rng;
    sim_rng_init(&rng, m->node->net->seed, 0x53450000u | m->node->id);
    uint64_t sn = sim_rng_next(&rng);
    for (int i = 0; i < 8; i++)
        r.data[i] = (uint8_t)(sn >> (56 - 8 * i));
    uint8_t b[BUF];
    reply(m, b, zwh_manufacturer_specific_device_specific_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_zwplus_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    /* Z-Wave Plus v2 (seed), always-on end node, icon 0x0701 power switch plug-in */
    zwh_zwaveplus_info_report_t r = {2, ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE, ZWH_ZWAVEPLUS_NODE_TYPE_NODE,
                                     0x0701, 0x0701};
    uint8_t b[16];
    reply(m, b, zwh_zwaveplus_info_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_fw_meta_data_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    /* v5 fields; the twin takes no images, so it says it is not upgradable */
    zwh_firmware_update_meta_data_report_t *r = calloc(1, sizeof *r);
    if (!r)
        return ZWH_ENOMEM;
    r->manufacturer_id = MANUFACTURER_ID;
    r->firmware_id = PRODUCT_ID;
    r->has_targets = 1;
    r->max_fragment_size = 40; /* 46-byte frame minus the Report's 4 header and 2 CRC bytes */
    r->has_hardware_version = 1;
    r->hardware_version = 1;
    uint8_t b[BUF];
    reply(m, b, zwh_firmware_update_meta_data_report_encode(r, b, sizeof b));
    free(r);
    return SIM_CMD_OK;
}

static int h_fw_request_get(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_firmware_update_request_get_t g;
    if (zwh_firmware_update_request_get_decode(c, n, &g) < 0)
        return ZWH_EINVAL;
    zwh_firmware_update_request_report_t r = {.status = ZWH_FIRMWARE_REQUEST_NOT_UPGRADABLE};
    uint8_t b[8];
    reply(m, b, zwh_firmware_update_request_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

/* ---- powerlevel ---- */

static int h_pl_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_powerlevel_set_t s;
    if (zwh_powerlevel_set_decode(c, n, &s) < 0 || s.power_level > ZWH_POWERLEVEL_MINUS_9DBM ||
        (s.power_level != ZWH_POWERLEVEL_NORMAL && s.timeout == 0))
        return ZWH_EINVAL;
    m->power_level = s.power_level;
    m->power_timeout = s.power_level ? s.timeout : 0;
    m->pl_gen++;
    if (m->power_level)
        after(m, (uint64_t)s.timeout * 1000, T_POWERLEVEL_END, m->pl_gen);
    return SIM_CMD_OK;
}

static int h_pl_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_powerlevel_report_t r = {m->power_level, m->power_timeout};
    uint8_t b[8];
    reply(m, b, zwh_powerlevel_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_pl_test_set(n4003_t *m, const uint8_t *c, size_t n)
{
    zwh_powerlevel_test_node_set_t s;
    if (zwh_powerlevel_test_node_set_decode(c, n, &s) < 0 || s.frame_count == 0)
        return ZWH_EINVAL;
    /* the test frames reach the node when it would acknowledge a frame now */
    int ok = s.test_node_id <= SIM_MAX_NODE_ID && sim_node_reachable(sim_net_node(m->node->net, s.test_node_id));
    m->test_node = s.test_node_id;
    m->test_status = ok ? ZWH_POWERLEVEL_TEST_SUCCESS : ZWH_POWERLEVEL_TEST_FAILED;
    m->test_acks = ok ? s.frame_count : 0;
    return SIM_CMD_OK;
}

static int h_pl_test_get(n4003_t *m, const uint8_t *c, size_t n)
{
    (void)c, (void)n;
    zwh_powerlevel_test_node_report_t r = {m->test_node, m->test_status, m->test_acks};
    uint8_t b[8];
    reply(m, b, zwh_powerlevel_test_node_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

/* ---- dispatch ---- */

typedef int (*handler_fn)(n4003_t *m, const uint8_t *cmd, size_t len);

static const struct {
    uint8_t cc, cmd;
    handler_fn fn;
} handlers[] = {
    {ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_SET, h_switch_set},
    {ZWH_CC_BINARY_SWITCH, ZWH_BINARY_SWITCH_GET, h_switch_get},
    {ZWH_CC_BASIC, ZWH_BASIC_SET, h_basic_set},
    {ZWH_CC_BASIC, ZWH_BASIC_GET, h_basic_get},
    {ZWH_CC_METER, ZWH_METER_GET, h_meter_get},
    {ZWH_CC_METER, ZWH_METER_SUPPORTED_GET, h_meter_supported_get},
    {ZWH_CC_METER, ZWH_METER_RESET, h_meter_reset},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_SUPPORTED_GET, h_notif_supported_get},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_EVENT_SUPPORTED_GET, h_notif_event_supported_get},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_GET, h_notif_get},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_SET, h_notif_set},
    {ZWH_CC_INDICATOR, ZWH_INDICATOR_SET, h_ind_set},
    {ZWH_CC_INDICATOR, ZWH_INDICATOR_GET, h_ind_get},
    {ZWH_CC_INDICATOR, ZWH_INDICATOR_SUPPORTED_GET, h_ind_supported_get},
    {ZWH_CC_INDICATOR, ZWH_INDICATOR_DESCRIPTION_GET, h_ind_description_get},
    {ZWH_CC_VERSION, ZWH_VERSION_GET, h_version_get},
    {ZWH_CC_VERSION, ZWH_VERSION_COMMAND_CLASS_GET, h_version_cc_get},
    {ZWH_CC_MANUFACTURER_SPECIFIC, ZWH_MANUFACTURER_SPECIFIC_GET, h_ms_get},
    {ZWH_CC_MANUFACTURER_SPECIFIC, ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET, h_ms_device_specific_get},
    {ZWH_CC_ZWAVEPLUS_INFO, ZWH_ZWAVEPLUS_INFO_GET, h_zwplus_get},
    {ZWH_CC_FIRMWARE_UPDATE, ZWH_FIRMWARE_UPDATE_META_DATA_GET, h_fw_meta_data_get},
    {ZWH_CC_FIRMWARE_UPDATE, ZWH_FIRMWARE_UPDATE_REQUEST_GET, h_fw_request_get},
    {ZWH_CC_POWERLEVEL, ZWH_POWERLEVEL_SET, h_pl_set},
    {ZWH_CC_POWERLEVEL, ZWH_POWERLEVEL_GET, h_pl_get},
    {ZWH_CC_POWERLEVEL, ZWH_POWERLEVEL_TEST_NODE_SET, h_pl_test_set},
    {ZWH_CC_POWERLEVEL, ZWH_POWERLEVEL_TEST_NODE_GET, h_pl_test_get},
};

static int n4003_command(void *model, sim_node_t *node, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    (void)node, (void)rx_flags;
    n4003_t *m = model;
    if (len < 2)
        return ZWH_ENOTSUP;
    if (cmd[0] == ZWH_CC_CONFIGURATION) {
        sim_cfg_t c = cfg_view(m);
        return sim_cfg_command(&c, m->node, cmd, len);
    }
    if (cmd[0] == ZWH_CC_ASSOCIATION || cmd[0] == ZWH_CC_MULTI_CHANNEL_ASSOCIATION ||
        cmd[0] == ZWH_CC_ASSOCIATION_GROUP_INFO) {
        sim_assoc_view_t a = assoc_view(m);
        return sim_assoc_command(&a, m->node, cmd, len);
    }
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (handlers[i].cc == cmd[0] && handlers[i].cmd == cmd[1])
            return handlers[i].fn(model, cmd, len);
    return ZWH_ENOTSUP;
}

/* ---- timers, events, life cycle ---- */

static void timer_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *node = ctx;
    n4003_t *m = node->model;
    if (len != 5)
        return;
    uint32_t gen = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 | data[4];
    switch (data[0]) {
    case T_TICK:
        measure(m, METER_TICK_MS);
        interval_tick(m);
        after(m, METER_TICK_MS, T_TICK, 0);
        break;
    case T_AUTO_OFF:
    case T_AUTO_ON:
        /* a timer started before its parameter was set to 0 (disabled) stays quiet */
        if (gen == m->timer_gen && cfgv(m, data[0] == T_AUTO_ON ? P_AUTO_ON : P_AUTO_OFF))
            set_switch(m, data[0] == T_AUTO_ON ? 0xFF : 0x00, 1);
        break;
    case T_IDENTIFY_END:
        if (gen == m->ind_gen)
            m->ind_period = m->ind_cycles = m->ind_on_time = 0;
        break;
    case T_POWERLEVEL_END:
        if (gen == m->pl_gen)
            m->power_level = m->power_timeout = 0;
        break;
    default:
        break;
    }
}

static void factory_state(n4003_t *m)
{
    sim_cfg_t c = cfg_view(m);
    sim_assoc_view_t a = assoc_view(m);
    sim_cfg_defaults(&c);
    sim_assoc_clear(&a);
    m->notif_on = 0xFF;
}

static int n4003_event(void *model, sim_node_t *node, const char *line)
{
    (void)node;
    n4003_t *m = model;
    unsigned long w;
    char extra;
    if (strcmp(line, "on") == 0 || strcmp(line, "off") == 0) {
        set_switch(m, line[1] == 'n' ? 0xFF : 0x00, 1); /* the button on the plug */
    } else if (sscanf(line, "load %lu %c", &w, &extra) == 1 && w <= MAX_LOAD_DW / 10) {
        m->load_dw = (uint32_t)w * 10; /* what is plugged in, in W */
        measure(m, 0);
    } else if (strcmp(line, "overload") == 0) {
        trip(m, EV_OVER_LOAD);
    } else if (strcmp(line, "reset") == 0) {
        /* factory reset from the button: tell the Lifeline first */
        uint8_t b[8];
        send_group(m, GROUP_LIFELINE, b, zwh_device_reset_locally_notification_encode(b, sizeof b));
        factory_state(m);
    } else {
        return ZWH_ENOTSUP;
    }
    return 0;
}

static void n4003_included(void *model, sim_node_t *node)
{
    (void)node;
    n4003_t *m = model;
    /* newly included: the Lifeline is empty until the host's Association Set */
    sim_assoc_view_t a = assoc_view(m);
    sim_assoc_clear(&a);
}

static int n4003_create(sim_node_t *node, void **model)
{
    n4003_t *m = calloc(1, sizeof *m);
    if (!m)
        return ZWH_ENOMEM;
    m->node = node;
    factory_state(m);
    m->load_dw = DEFAULT_LOAD_DW;
    /* a device created already included (--devices) reports to the controller */
    sim_assoc_view_t a = assoc_view(m);
    sim_assoc_add(&a, GROUP_LIFELINE, CONTROLLER_ID);
    *model = m;
    measure(m, 0);
    after(m, METER_TICK_MS, T_TICK, 0);
    return 0;
}

static void n4003_free(void *model)
{
    free(model);
}

static const sim_model_ops_t n4003_ops = {
    .on_command = n4003_command,
    .on_event = n4003_event,
    .on_included = n4003_included,
    .free = n4003_free,
};

const sim_device_type_t sim_dev_n4003 = {
    .name = "n4003",
    .summary = "NIE Technology n4003 Mini Smart Plug, S2 (seed 002: meter, Configuration v4, Indicator v3)",
    /* routing end node, Binary Switch / Power Switch; the CCs of the seed's
     * Endpoint 0 table (No Operation and Basic are not listed in a NIF) */
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 17,
            .cc = {0x5E, 0x55, 0x9F, 0x6C, 0x25, 0x32, 0x59, 0x5A, 0x70, 0x71, 0x72, 0x73, 0x7A, 0x85, 0x86,
                   0x87, 0x8E}},
    /* seed 002 lists COMMAND_CLASS_SECURITY_2_V1; S2 Authenticated (the seed
     * does not say it also requests Unauthenticated) */
    .security = 1u << ZWH_SECCLASS_S2_AUTHENTICATED,
    .nsecure_cc = 13,
    .secure_cc = {0x25, 0x32, 0x59, 0x5A, 0x70, 0x71, 0x72, 0x73, 0x7A, 0x85, 0x86, 0x87, 0x8E},
    .max_payload = 46,
    .create = n4003_create,
    .ops = &n4003_ops,
};
