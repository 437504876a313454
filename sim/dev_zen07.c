/* Zooz ZEN07 Mini Plug, true to seed 000 (its device database page): the
 * command classes and versions of its "Endpoint 0" table, the 10
 * configuration parameters with the sizes of their config ids (config_2_2 is
 * 2 bytes), defaults and ranges, Meter v3 kWh/W/V/A, the overload alarm
 * (Alarm v4: Power Management over-load detected, "NOTIFICATION_EVENT_POWER_
 * MANAGEMENT_OVER_LOAD_DETECTED" of parameter 3) and the 3 association
 * groups of 5 nodes. The plug itself is plugkit.c.
 *
 * Not in the seed, taken from the Zooz product listing (manufacturer 0x027A,
 * product type 0x0003, product id 0x0087) and from the device classes every
 * Z-Wave Plus plug reports (routing end node, binary switch / power switch,
 * icon "on/off power switch, plug-in"). */
#include <stdlib.h>
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"
#include "devices.h"
#include "plugkit.h"

/* seed 000 "Endpoint 0" table: CC and version */
static const uint8_t zen07_versions[][2] = {
    {0x00, 1}, /* NO_OPERATION_V1 */
    {0x20, 1}, /* BASIC_V1 */
    {0x25, 1}, /* SWITCH_BINARY_V1 */
    {0x27, 1}, /* SWITCH_ALL_V1 */
    {0x32, 3}, /* METER_V3 */
    {0x59, 1}, /* ASSOCIATION_GRP_INFO_V1 */
    {0x5A, 1}, /* DEVICE_RESET_LOCALLY_V1 */
    {0x5E, 1}, /* ZWAVEPLUS_INFO_V1 */
    {0x70, 1}, /* CONFIGURATION_V1 */
    {0x71, 4}, /* ALARM_V4 */
    {0x72, 1}, /* MANUFACTURER_SPECIFIC_V1 */
    {0x73, 1}, /* POWERLEVEL_V1 */
    {0x85, 2}, /* ASSOCIATION_V2 */
    {0x86, 2}, /* VERSION_V2 */
};

/* seed 000 "Device Configuration": number, size (config_N_SIZE), format, min, max, default */
#define U ZWH_CONFIGURATION_FORMAT_UNSIGNED
static const sim_cfg_param_t zen07_params[] = {
    SIM_CFG_PARAM(1, 1, U, 0, 1, 1),        /* Metering Report: 0 disabled, 1 enabled */
    SIM_CFG_PARAM(2, 2, U, 1, 65535, 300),  /* Metering Report Frequency, seconds */
    SIM_CFG_PARAM(3, 1, U, 1, 16, 13),      /* Overload Protection, A */
    SIM_CFG_PARAM(4, 1, U, 1, 13, 12),      /* Overload Protection Notification (LED), A */
    SIM_CFG_PARAM(5, 1, U, 0, 1, 1),        /* LED Notifications */
    SIM_CFG_PARAM(6, 1, U, 1, 100, 5),      /* Power Report Percentage Threshold, % */
    SIM_CFG_PARAM(7, 1, U, 0, 1, 1),        /* On/Off Status Recovery After Power Failure */
    SIM_CFG_PARAM(8, 1, U, 0, 1, 0),        /* Auto Turn-Off Timer Enable */
    SIM_CFG_PARAM(9, 2, U, 1, 65535, 150),  /* Auto Turn-Off Timer Interval, minutes */
    SIM_CFG_PARAM(10, 1, U, 0, 1, 1),       /* Manual Control */
};
#undef U

/* seed 000 "Association Groups": 3 groups of 5 nodes; labels as the seed gives them */
static const sim_assoc_group_desc_t zen07_groups[] = {
    {"Lifeline", ZWH_AGI_PROFILE_GENERAL_LIFELINE, 5, 4, {{0x25, 0x03}, {0x32, 0x02}, {0x71, 0x05}, {0x5A, 0x01}}},
    {"Group 2", 0x2001 /* control: key 1 */, 5, 1, {{0x20, 0x01}}},                  /* BASIC_SET */
    {"Group 3", 0x7108 /* notification: power management */, 5, 1, {{0x71, 0x05}}}, /* NOTIFICATION_REPORT_V4 */
};

/* Parameter 4 "can NOT be greater than the value in parameter 3" (seed 000). */
static int zen07_param_ok(const sim_cfg_t *c, uint16_t number, int64_t value)
{
    if (number == 4 && value > sim_cfg_value(c, 3))
        return ZWH_EINVAL;
    if (number == 3 && value < sim_cfg_value(c, 4))
        return ZWH_EINVAL;
    return 0;
}

static const devkit_info_t zen07_kit = {
    .nversions = sizeof zen07_versions / sizeof zen07_versions[0],
    .versions = zen07_versions,
    .library_type = 0x03, /* enhanced 232 end node, as 500-series plugs report */
    .protocol_major = 4,
    .protocol_minor = 61,
    .hardware_version = 1,
    .zwplus_role = ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE,
    .nparams = sizeof zen07_params / sizeof zen07_params[0],
    .params = zen07_params,
    .ngroups = sizeof zen07_groups / sizeof zen07_groups[0],
    .groups = zen07_groups,
    .param_ok = zen07_param_ok,
};

static const plug_desc_t zen07_desc = {
    .kit = &zen07_kit,
    .p_meter_enable = 1,
    .p_interval_s = 2,
    .p_threshold_pct = 6,
    .p_overload_a = 3,
    .p_manual = 10,
    .p_auto_off_enable = 8,
    .p_auto_off_min = 9,
    .status_notify = 2, /* the button's changes go to the Lifeline */
    .has_alarm = 1,
    .basic_group = 2,
    .notify_group = 3,
};

static int zen07_create(sim_node_t *node, void **model)
{
    plug_t *p = calloc(1, sizeof *p);
    if (!p)
        return ZWH_ENOMEM;
    int rc = plug_init(p, &zen07_desc, node);
    if (rc < 0) {
        free(p);
        return rc;
    }
    *model = p;
    return 0;
}

const sim_device_type_t sim_dev_zen07 = {
    .name = "zen07",
    .summary = "Zooz ZEN07 Mini Plug (seed 000): metering plug, overload alarm, 10 parameters",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 12,
            .cc = {0x5E, 0x25, 0x27, 0x32, 0x59, 0x5A, 0x70, 0x71, 0x72, 0x73, 0x85, 0x86}},
    .create = zen07_create,
    .ops = &plug_ops,
    .product = {.manufacturer_id = 0x027A, .product_type = 0x0003, .product_id = 0x0087,
                .app_major = 1, .app_minor = 2, .installer_icon = 0x0701},
};
