/* Express Controls EZMultiPli multi-sensor (HomeSeer HSM200), true to the
 * articles of seed 004 ("EZMultipli How-To for SmartThings / Vera / HomeSeer"
 * and "Z-Wave Multi-sensor Version 2.0 with SmartStart"):
 * - motion: a Notification (Home Security, motion detection) to the Lifeline
 *   when motion is first detected, and the idle Notification only after
 *   OnTime minutes without motion ("The sensor does NOT send a motion command
 *   every time it detects motion"); association group 2 gets Basic Set
 *   OnLevel on motion and Basic Set 0 after OnTime ("OnTime=0 disables
 *   sending OFF commands. Only ON commands are sent");
 * - temperature and light level Multilevel Sensor, reported every TempMin /
 *   LiteMin minutes (0 = never) and when they change;
 * - the color LED ("any of 8 different colors": red, green, blue);
 * - five 1-byte two's-complement parameters, TempAdj "in 1/10ths of a degree
 *   Fahrenheit and is a signed number" (so the sensor reports Fahrenheit);
 * - wall powered (a listening routing node) and SmartStart (S2): the product
 *   facts of its QR code are in .product.
 * Not in the seed, from the Express Controls listing: manufacturer 0x001E,
 * product type 0x0004, product id 0x0001, LiteMin/TempMin default 60 (the
 * SmartThings article's "every 6 minutes" is what that hub configures). */
#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/basic.h"
#include "zwhost/cc/color_switch.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/multilevel_sensor.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"
#include "devices.h"
#include "devkit.h"

#define P_ON_TIME 1
#define P_ON_LEVEL 2
#define P_LITE_MIN 3
#define P_TEMP_MIN 4
#define P_TEMP_ADJ 5
#define GROUP_BASIC 2
#define MOTION_EVENT 0x08 /* Home Security: motion detection, location unknown */
#define MINUTE_MS 60000
#define LED_MASK ((1u << ZWH_COLOR_RED) | (1u << ZWH_COLOR_GREEN) | (1u << ZWH_COLOR_BLUE))
#define SCALE_CELSIUS 0
#define SCALE_FAHRENHEIT 1
#define SCALE_LUX 1

static const uint8_t ezm_versions[][2] = {
    {0x20, 1}, /* Basic: the LED on/off */
    {0x31, 5}, /* Multilevel Sensor: Supported Sensor / Scale Get */
    {0x33, 1}, /* Color Switch */
    {0x55, 2}, /* Transport Service (S2 device) */
    {0x59, 1}, /* Association Group Info */
    {0x5A, 1}, /* Device Reset Locally */
    {0x5E, 2}, /* Z-Wave Plus Info v2 (SmartStart) */
    {0x6C, 1}, /* Supervision */
    {0x70, 1}, /* Configuration */
    {0x71, 4}, /* Notification */
    {0x72, 2}, /* Manufacturer Specific */
    {0x73, 1}, /* Powerlevel */
    {0x85, 2}, /* Association */
    {0x86, 2}, /* Version */
    {0x9F, 1}, /* Security 2 */
};

/* seed 004: "1. OnTime 2. OnLevel 3. LiteMin 4. TempMin 5. TempAdj", all 1 byte
 * ("Select 1 byte dec"), two's complement; OnTime "default setting" 10. */
#define S ZWH_CONFIGURATION_FORMAT_SIGNED
static const sim_cfg_param_t ezm_params[] = {
    SIM_CFG_PARAM(P_ON_TIME, 1, S, 0, 127, 10), /* minutes without motion before OFF */
    /* Basic Set level to group 2: 0..99 or FF (-1) */
    {.num = P_ON_LEVEL, .size = 1, .format = S, .min = 0, .max = 99, .def = -1, .has_alt = 1, .alt = -1},
    SIM_CFG_PARAM(P_LITE_MIN, 1, S, 0, 127, 60),  /* minutes between luminance reports */
    SIM_CFG_PARAM(P_TEMP_MIN, 1, S, 0, 127, 60),  /* minutes between temperature reports */
    SIM_CFG_PARAM(P_TEMP_ADJ, 1, S, -128, 127, 0), /* 1/10 degree F, signed */
};
#undef S

static const sim_assoc_group_desc_t ezm_groups[] = {
    {"Lifeline", ZWH_AGI_PROFILE_GENERAL_LIFELINE, 1, 3, {{0x71, 0x05}, {0x31, 0x05}, {0x5A, 0x01}}},
    {"Basic", 0x7107 /* notification: home security */, 4, 1, {{0x20, 0x01}}},
};

static const devkit_info_t ezm_kit = {
    .nversions = sizeof ezm_versions / sizeof ezm_versions[0],
    .versions = ezm_versions,
    .library_type = 0x03,
    .protocol_major = 6,
    .protocol_minor = 4, /* a SmartStart (500-series SDK 6.8x) build */
    .hardware_version = 2,
    .zwplus_role = ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE,
    .nparams = sizeof ezm_params / sizeof ezm_params[0],
    .params = ezm_params,
    .ngroups = sizeof ezm_groups / sizeof ezm_groups[0],
    .groups = ezm_groups,
};

typedef struct {
    devkit_t kit;
    int motion;            /* the Notification state: motion until OnTime has passed */
    uint32_t motion_gen;   /* cancels a stale OnTime countdown */
    int32_t temp_c10;      /* the room, 0.1 degree C */
    int32_t lux;
    uint8_t color[ZWH_COLOR_COMPONENT_MAX + 1];
    uint8_t saved[ZWH_COLOR_COMPONENT_MAX + 1]; /* colors while the LED is off */
    uint32_t minutes;
} ezm_t;

/* ---- sensors ------------------------------------------------------------------- */

static int32_t temp_f10(const ezm_t *m)
{
    int32_t f10 = m->temp_c10 * 9;
    f10 = (f10 >= 0 ? f10 + 2 : f10 - 2) / 5 + 320;
    return f10 + devkit_param(&m->kit, P_TEMP_ADJ);
}

static int sensor_encode(const ezm_t *m, uint8_t type, uint8_t scale, uint8_t *out, size_t cap)
{
    zwh_multilevel_sensor_report_t rep;
    memset(&rep, 0, sizeof rep);
    rep.sensor_type = type;
    rep.size = 2;
    if (type == ZWH_SENSOR_AIR_TEMPERATURE) {
        int32_t f10 = temp_f10(m);
        rep.precision = 1;
        rep.scale = scale;
        if (scale == SCALE_CELSIUS) {
            int32_t d = (f10 - 320) * 5;
            rep.value = (d >= 0 ? d + 4 : d - 4) / 9;
        } else {
            rep.value = f10;
        }
    } else {
        rep.scale = SCALE_LUX;
        rep.value = m->lux;
    }
    return zwh_multilevel_sensor_report_encode(&rep, out, cap);
}

static void report_sensor(ezm_t *m, sim_node_t *n, uint8_t type)
{
    uint8_t out[16];
    devkit_send_encoded(&m->kit, n, DEVKIT_LIFELINE, out, sensor_encode(m, type, SCALE_FAHRENHEIT, out, sizeof out));
}

static int sensor_cmd(ezm_t *m, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[16];
    int l = ZWH_EINVAL;
    switch (cmd[1]) {
    case ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_GET: {
        zwh_multilevel_sensor_supported_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.mask_len = 1; /* bit n = sensor type n + 1 */
        rep.mask[0] = (uint8_t)(1u << (ZWH_SENSOR_AIR_TEMPERATURE - 1) | 1u << (ZWH_SENSOR_ILLUMINANCE - 1));
        l = zwh_multilevel_sensor_supported_sensor_report_encode(&rep, out, sizeof out);
        break;
    }
    case ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_GET: {
        zwh_multilevel_sensor_supported_scale_get_t get;
        if (zwh_multilevel_sensor_supported_scale_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        zwh_multilevel_sensor_supported_scale_report_t rep = {get.sensor_type, 0};
        if (get.sensor_type == ZWH_SENSOR_AIR_TEMPERATURE)
            rep.scales = 1u << SCALE_CELSIUS | 1u << SCALE_FAHRENHEIT;
        else if (get.sensor_type == ZWH_SENSOR_ILLUMINANCE)
            rep.scales = 1u << SCALE_LUX;
        l = zwh_multilevel_sensor_supported_scale_report_encode(&rep, out, sizeof out);
        break;
    }
    case ZWH_MULTILEVEL_SENSOR_GET: {
        zwh_multilevel_sensor_get_t get;
        if (zwh_multilevel_sensor_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        if (!get.has_type) { /* a v1-v4 Get: the default sensor and scale */
            get.sensor_type = ZWH_SENSOR_AIR_TEMPERATURE;
            get.scale = SCALE_FAHRENHEIT;
        }
        if (get.sensor_type != ZWH_SENSOR_AIR_TEMPERATURE && get.sensor_type != ZWH_SENSOR_ILLUMINANCE)
            return ZWH_EINVAL;
        if (get.sensor_type == ZWH_SENSOR_AIR_TEMPERATURE && get.scale > SCALE_FAHRENHEIT)
            get.scale = SCALE_FAHRENHEIT; /* an unsupported scale: answered in the default one */
        l = sensor_encode(m, get.sensor_type, get.scale, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    devkit_reply(n, out, l);
    return SIM_CMD_OK;
}

static void minute_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    ezm_t *m = n->model;
    sim_node_after(n, MINUTE_MS, minute_cb, NULL, 0);
    m->minutes++;
    int32_t temp_min = devkit_param(&m->kit, P_TEMP_MIN), lite_min = devkit_param(&m->kit, P_LITE_MIN);
    if (temp_min > 0 && m->minutes % (uint32_t)temp_min == 0)
        report_sensor(m, n, ZWH_SENSOR_AIR_TEMPERATURE);
    if (lite_min > 0 && m->minutes % (uint32_t)lite_min == 0)
        report_sensor(m, n, ZWH_SENSOR_ILLUMINANCE);
}

/* ---- motion -------------------------------------------------------------------- */

static void motion_state(ezm_t *m, sim_node_t *n, int motion, int send_basic)
{
    uint8_t out[16];
    m->motion = motion;
    devkit_send_encoded(&m->kit, n, DEVKIT_LIFELINE, out,
                        devkit_notification_encode(ZWH_NOTIFICATION_HOME_SECURITY, motion ? MOTION_EVENT : 0,
                                                   motion ? 0 : MOTION_EVENT, out, sizeof out));
    if (send_basic) {
        const zwh_basic_set_t set = {motion ? (uint8_t)devkit_param(&m->kit, P_ON_LEVEL) : 0x00};
        devkit_send_encoded(&m->kit, n, GROUP_BASIC, out, zwh_basic_set_encode(&set, out, sizeof out));
    }
}

static void on_time_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    ezm_t *m = n->model;
    if (devkit_token(data, len) == m->motion_gen && m->motion)
        motion_state(m, n, 0, 1);
}

static void motion_event(ezm_t *m, sim_node_t *n, int moving)
{
    m->motion_gen++; /* any countdown in progress is void */
    if (moving) {
        if (!m->motion)
            motion_state(m, n, 1, 1);
        return;
    }
    if (!m->motion)
        return;
    int32_t on_time = devkit_param(&m->kit, P_ON_TIME);
    if (on_time == 0) {
        motion_state(m, n, 0, 0); /* no OFF commands with OnTime 0 */
        return;
    }
    devkit_after_token(n, (uint64_t)on_time * MINUTE_MS, on_time_cb, m->motion_gen);
}

/* ---- the LED ------------------------------------------------------------------- */

static int led_on(const ezm_t *m)
{
    for (unsigned c = 0; c <= ZWH_COLOR_COMPONENT_MAX; c++)
        if (m->color[c])
            return 1;
    return 0;
}

static int color_cmd(ezm_t *m, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[16];
    int l = ZWH_EINVAL;
    switch (cmd[1]) {
    case ZWH_COLOR_SWITCH_SUPPORTED_GET: {
        const zwh_color_switch_supported_report_t rep = {LED_MASK};
        l = zwh_color_switch_supported_report_encode(&rep, out, sizeof out);
        break;
    }
    case ZWH_COLOR_SWITCH_GET: {
        zwh_color_switch_component_ref_t get;
        if (zwh_color_switch_get_decode(cmd, len, &get) < 0 || get.component > ZWH_COLOR_COMPONENT_MAX ||
            !(LED_MASK & 1u << get.component))
            return ZWH_EINVAL;
        zwh_color_switch_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.component = get.component;
        rep.current_value = m->color[get.component];
        l = zwh_color_switch_report_encode(&rep, out, sizeof out);
        break;
    }
    case ZWH_COLOR_SWITCH_SET: {
        zwh_color_switch_set_t set;
        if (zwh_color_switch_set_decode(cmd, len, &set) < 0 || set.count == 0)
            return ZWH_EINVAL;
        for (size_t i = 0; i < set.count; i++)
            if (set.values[i].component > ZWH_COLOR_COMPONENT_MAX || !(LED_MASK & 1u << set.values[i].component))
                return ZWH_EINVAL; /* a component the LED lacks: the whole Set is refused */
        for (size_t i = 0; i < set.count; i++)
            m->color[set.values[i].component] = set.values[i].value;
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
    devkit_reply(n, out, l);
    return SIM_CMD_OK;
}

/* Basic turns the LED off (keeping its color) and on again (white if it had none). */
static int basic_cmd(ezm_t *m, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (cmd[1] == ZWH_BASIC_GET) {
        uint8_t out[8];
        const zwh_basic_report_t rep = {led_on(m) ? 0xFF : 0x00, 0, 0, 0};
        devkit_reply(n, out, zwh_basic_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    zwh_basic_set_t set;
    if (cmd[1] != ZWH_BASIC_SET)
        return ZWH_ENOTSUP;
    if (zwh_basic_set_decode(cmd, len, &set) < 0 || (set.value > 99 && set.value != 0xFF))
        return ZWH_EINVAL;
    if (set.value == 0 && led_on(m)) {
        memcpy(m->saved, m->color, sizeof m->saved);
        memset(m->color, 0, sizeof m->color);
    } else if (set.value != 0 && !led_on(m)) {
        int had = 0;
        for (unsigned c = 0; c <= ZWH_COLOR_COMPONENT_MAX; c++)
            had |= m->saved[c];
        if (had)
            memcpy(m->color, m->saved, sizeof m->color);
        else
            m->color[ZWH_COLOR_RED] = m->color[ZWH_COLOR_GREEN] = m->color[ZWH_COLOR_BLUE] = 0xFF;
    }
    return SIM_CMD_OK;
}

/* ---- the model ----------------------------------------------------------------- */

static int ezm_command(void *model, sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    (void)rx_flags;
    ezm_t *m = model;
    int rc = devkit_command(&m->kit, n, cmd, len);
    if (rc != ZWH_ENOTSUP || len < 2)
        return rc;
    switch (cmd[0]) {
    case ZWH_CC_BASIC: return basic_cmd(m, n, cmd, len);
    case ZWH_CC_MULTILEVEL_SENSOR: return sensor_cmd(m, n, cmd, len);
    case ZWH_CC_COLOR_SWITCH: return color_cmd(m, n, cmd, len);
    case ZWH_CC_NOTIFICATION:
        return devkit_notification_cmd(n, cmd, len, ZWH_NOTIFICATION_HOME_SECURITY, MOTION_EVENT, m->motion);
    default: return ZWH_ENOTSUP;
    }
}

static int ezm_event(void *model, sim_node_t *n, const char *line)
{
    ezm_t *m = model;
    long v;
    if (strcmp(line, "motion on") == 0 || strcmp(line, "motion off") == 0) {
        motion_event(m, n, line[8] == 'n');
        return 0;
    }
    if (strncmp(line, "temperature ", 12) == 0 && devkit_parse_fixed(line + 12, 1, -400, 1000, &v) == 0) {
        m->temp_c10 = (int32_t)v;
        report_sensor(m, n, ZWH_SENSOR_AIR_TEMPERATURE);
        return 0;
    }
    if (strncmp(line, "lux ", 4) == 0 && devkit_parse_long(line + 4, 0, 32767, &v) == 0) {
        m->lux = (int32_t)v;
        report_sensor(m, n, ZWH_SENSOR_ILLUMINANCE);
        return 0;
    }
    if (strcmp(line, "reset") == 0) {
        devkit_reset_locally(&m->kit, n);
        m->motion = 0;
        m->motion_gen++;
        memset(m->color, 0, sizeof m->color);
        memset(m->saved, 0, sizeof m->saved);
        return 0;
    }
    return ZWH_ENOTSUP;
}

static void ezm_included(void *model, sim_node_t *n)
{
    (void)n;
    devkit_included(&((ezm_t *)model)->kit);
}

static int ezm_create(sim_node_t *node, void **model)
{
    ezm_t *m = calloc(1, sizeof *m);
    if (!m)
        return ZWH_ENOMEM;
    devkit_init(&m->kit, &ezm_kit);
    m->temp_c10 = 210; /* a 21.0 degree C room (69.8 F) */
    m->lux = 100;
    int rc = sim_node_after(node, MINUTE_MS, minute_cb, NULL, 0);
    if (rc < 0) {
        free(m);
        return rc;
    }
    *model = m;
    return 0;
}

static const sim_model_ops_t ezm_ops = {
    .on_command = ezm_command,
    .on_event = ezm_event,
    .on_included = ezm_included,
    .free = free,
};

const sim_device_type_t sim_dev_ezmultipli = {
    .name = "ezmultipli",
    .summary = "Express Controls EZMultiPli (seed 004): motion, temperature, light, color LED, SmartStart",
    .nif = {.basic = 0x04, .generic = 0x07, .specific = 0x01, .ncc = 14,
            .cc = {0x5E, 0x55, 0x9F, 0x6C, 0x31, 0x33, 0x59, 0x5A, 0x70, 0x71, 0x72, 0x73, 0x85, 0x86}},
    .security = 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED | 1u << ZWH_SECCLASS_S2_AUTHENTICATED,
    .nsecure_cc = 11,
    .secure_cc = {0x20, 0x31, 0x33, 0x59, 0x5A, 0x70, 0x71, 0x72, 0x73, 0x85, 0x86},
    .create = ezm_create,
    .ops = &ezm_ops,
    .product = {.manufacturer_id = 0x001E, .product_type = 0x0004, .product_id = 0x0001,
                .app_major = 2, .app_minor = 0, .installer_icon = 0x0C07},
};
