/* Hank HKZW_SO03 Smart Plug (sold as Zooz ZEN06), true to seed 001: S0
 * ("Security enabled Z-Wave device with AES signal encryption"), the command
 * classes and versions of its "Endpoint 0" table plus SECURITY from its
 * "requires the following command classes" list, Scene Activation (a scene
 * button press sends Scene Activation Set to the Lifeline) and Scene Actuator
 * Conf, Firmware Update Meta Data v1, Meter v3 kWh/V/W/A, and parameters
 * 20/21/24/27. Parameter 20's overload protection opens the relay at 16.5 A
 * held for over 5 seconds; the seed lists no Alarm class, so the cut-off is
 * seen as the relay's status report only. The plug itself is plugkit.c.
 *
 * Seed 001 says "The device does not support associations" yet lists
 * ASSOCIATION_V2 and ASSOCIATION_GRP_INFO_V1: the twin has the one group a
 * Z-Wave Plus device must have, the Lifeline (5 nodes, as the Hank listing
 * gives). Not in the seed, from the Hank listing: manufacturer 0x0208,
 * product type 0x0101, product id 0x000A. */
#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/firmware_update.h"
#include "zwhost/cc/scene_activation.h"
#include "zwhost/cc/scene_actuator_conf.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"
#include "devices.h"
#include "plugkit.h"

#define HKZW_FIRMWARE_ID 0x010A
#define HKZW_FIRMWARE_CHECKSUM 0x6C2B
#define SCENES 256

static const uint8_t hkzw_versions[][2] = {
    {0x00, 1}, /* NO_OPERATION_V1 */
    {0x20, 1}, /* BASIC_V1 */
    {0x25, 1}, /* SWITCH_BINARY_V1 */
    {0x27, 1}, /* SWITCH_ALL_V1 */
    {0x2B, 1}, /* SCENE_ACTIVATION_V1 */
    {0x2C, 1}, /* SCENE_ACTUATOR_CONF_V1 */
    {0x32, 3}, /* METER_V3 */
    {0x59, 1}, /* ASSOCIATION_GRP_INFO_V1 */
    {0x5A, 1}, /* DEVICE_RESET_LOCALLY_V1 */
    {0x5E, 1}, /* ZWAVEPLUS_INFO_V1 */
    {0x70, 1}, /* CONFIGURATION_V1 */
    {0x72, 1}, /* MANUFACTURER_SPECIFIC_V1 */
    {0x73, 1}, /* POWERLEVEL_V1 */
    {0x7A, 1}, /* FIRMWARE_UPDATE_MD_V1 */
    {0x85, 2}, /* ASSOCIATION_V2 */
    {0x86, 2}, /* VERSION_V2 */
    {0x98, 1}, /* SECURITY (S0) */
};

/* seed 001 "Device Configuration" (all "Size: 1 byte dec"): number, size, format, min, max, default.
 * Parameter 21: the seed's range line says 0 to 1 but its own value list
 * has 0, 1 and 2 (2 = OFF once power is restored): the device takes 0..2. */
#define U ZWH_CONFIGURATION_FORMAT_UNSIGNED
static const sim_cfg_param_t hkzw_params[] = {
    SIM_CFG_PARAM(20, 1, U, 0, 1, 1), /* Overload Protection: 0 disabled, 1 enabled */
    SIM_CFG_PARAM(21, 1, U, 0, 2, 0), /* On/Off Status Recovery After Power Failure */
    SIM_CFG_PARAM(24, 1, U, 0, 2, 1), /* On/Off Status Change Notifications */
    SIM_CFG_PARAM(27, 1, U, 0, 1, 0), /* Led Indicator Control */
};
#undef U

static const sim_assoc_group_desc_t hkzw_groups[] = {
    {"Lifeline", ZWH_AGI_PROFILE_GENERAL_LIFELINE, 5, 4, {{0x25, 0x03}, {0x32, 0x02}, {0x2B, 0x01}, {0x5A, 0x01}}},
};

static const devkit_info_t hkzw_kit = {
    .nversions = sizeof hkzw_versions / sizeof hkzw_versions[0],
    .versions = hkzw_versions,
    .library_type = 0x03,
    .protocol_major = 4,
    .protocol_minor = 61,
    .hardware_version = 1,
    .zwplus_role = ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE,
    .nparams = sizeof hkzw_params / sizeof hkzw_params[0],
    .params = hkzw_params,
    .ngroups = 1,
    .groups = hkzw_groups,
};

static const plug_desc_t hkzw_desc = {
    .kit = &hkzw_kit,
    .threshold_pct = 5,      /* no parameter: readings that move 5 % are reported */
    .p_overload_enable = 20, /* "16.5A for over 5 seconds when this setting is enabled" */
    .overload_a100 = 1650,
    .overload_delay_s = 5,
    .p_status_notify = 24,
};

typedef struct {
    plug_t plug; /* first: plugkit's clock finds it at node->model */
    uint8_t scene_level[SCENES];
    uint8_t scene_duration[SCENES];
    uint8_t current_scene;
} hkzw_t;

static int scene_cmd(hkzw_t *m, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[8];
    if (cmd[0] == ZWH_CC_SCENE_ACTIVATION) {
        zwh_scene_activation_set_t set;
        if (cmd[1] != ZWH_SCENE_ACTIVATION_SET)
            return ZWH_ENOTSUP;
        if (zwh_scene_activation_set_decode(cmd, len, &set) < 0 || set.scene_id == 0)
            return ZWH_EINVAL;
        m->current_scene = set.scene_id;
        plug_switch(&m->plug, n, m->scene_level[set.scene_id] != 0, 0);
        return SIM_CMD_OK;
    }
    switch (cmd[1]) {
    case ZWH_SCENE_ACTUATOR_CONF_SET: {
        zwh_scene_actuator_conf_set_t set;
        if (zwh_scene_actuator_conf_set_decode(cmd, len, &set) < 0 || set.scene_id == 0 ||
            (set.override && set.level > 99 && set.level != 0xFF))
            return ZWH_EINVAL;
        /* override 0: the scene takes the relay's current state */
        m->scene_level[set.scene_id] = set.override ? set.level : m->plug.on;
        m->scene_duration[set.scene_id] = set.duration;
        return SIM_CMD_OK;
    }
    case ZWH_SCENE_ACTUATOR_CONF_GET: {
        zwh_scene_actuator_conf_get_t get;
        if (zwh_scene_actuator_conf_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        uint8_t id = get.scene_id ? get.scene_id : m->current_scene; /* 0: the active scene */
        const zwh_scene_actuator_conf_report_t rep = {id, m->scene_level[id], m->scene_duration[id]};
        devkit_reply(n, out, zwh_scene_actuator_conf_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

static int firmware_cmd(sim_node_t *n, const uint8_t *cmd)
{
    if (cmd[1] != ZWH_FIRMWARE_UPDATE_META_DATA_GET)
        return ZWH_ENOTSUP; /* the update itself is not simulated */
    zwh_firmware_update_meta_data_report_t rep;
    memset(&rep, 0, sizeof rep);
    rep.manufacturer_id = n->type->product.manufacturer_id;
    rep.firmware_id = HKZW_FIRMWARE_ID;
    rep.checksum = HKZW_FIRMWARE_CHECKSUM;
    uint8_t out[16];
    devkit_reply(n, out, zwh_firmware_update_meta_data_report_encode(&rep, out, sizeof out)); /* v1: 6 bytes */
    return SIM_CMD_OK;
}

static int hkzw_command(void *model, sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    (void)rx_flags;
    hkzw_t *m = model;
    if (len < 2)
        return ZWH_ENOTSUP;
    if (cmd[0] == ZWH_CC_SCENE_ACTIVATION || cmd[0] == ZWH_CC_SCENE_ACTUATOR_CONF)
        return scene_cmd(m, n, cmd, len);
    if (cmd[0] == ZWH_CC_FIRMWARE_UPDATE)
        return firmware_cmd(n, cmd);
    int was = m->plug.on;
    int rc = plug_command(&m->plug, n, cmd, len);
    if (m->plug.on != was)
        m->current_scene = 0; /* switched outside a scene */
    return rc;
}

static int hkzw_event(void *model, sim_node_t *n, const char *line)
{
    hkzw_t *m = model;
    long id;
    if (strncmp(line, "scene ", 6) == 0 && devkit_parse_long(line + 6, 1, 255, &id) == 0) {
        zwh_scene_activation_set_t set = {(uint8_t)id, 0x00};
        uint8_t out[8];
        devkit_send_encoded(&m->plug.kit, n, DEVKIT_LIFELINE, out,
                            zwh_scene_activation_set_encode(&set, out, sizeof out));
        return 0;
    }
    if (strcmp(line, "reset") == 0) {
        memset(m->scene_level, 0, sizeof m->scene_level);
        memset(m->scene_duration, 0, sizeof m->scene_duration);
        m->current_scene = 0;
    }
    return plug_event(&m->plug, n, line);
}

static int hkzw_create(sim_node_t *node, void **model)
{
    hkzw_t *m = calloc(1, sizeof *m);
    if (!m)
        return ZWH_ENOMEM;
    int rc = plug_init(&m->plug, &hkzw_desc, node);
    if (rc < 0) {
        free(m);
        return rc;
    }
    *model = m;
    return 0;
}

static void hkzw_included(void *model, sim_node_t *n)
{
    (void)n;
    devkit_included(&((hkzw_t *)model)->plug.kit);
}

static const sim_model_ops_t hkzw_ops = {
    .on_command = hkzw_command,
    .on_event = hkzw_event,
    .on_included = hkzw_included,
    .free = free,
};

const sim_device_type_t sim_dev_hkzw_so03 = {
    .name = "hkzw_so03",
    .summary = "Hank HKZW_SO03 / Zooz ZEN06 Smart Plug (seed 001): S0, scenes, metering, params 20/21/24/27",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 15,
            .cc = {0x5E, 0x25, 0x27, 0x2B, 0x2C, 0x32, 0x59, 0x5A, 0x70, 0x72, 0x73, 0x7A, 0x85, 0x86, 0x98}},
    .security = 1u << ZWH_SECCLASS_S0,
    .nsecure_cc = 13,
    .secure_cc = {0x25, 0x27, 0x2B, 0x2C, 0x32, 0x59, 0x5A, 0x70, 0x72, 0x73, 0x7A, 0x85, 0x86},
    .create = hkzw_create,
    .ops = &hkzw_ops,
    .product = {.manufacturer_id = 0x0208, .product_type = 0x0101, .product_id = 0x000A,
                .app_major = 1, .app_minor = 4, .installer_icon = 0x0701},
};
