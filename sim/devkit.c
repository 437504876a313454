#include "devkit.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/powerlevel.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"

#define CC_ZWAVEPLUS_INFO 0x5E
#define CC_ASSOCIATION_GRP_INFO 0x59
#define CC_MANUFACTURER_SPECIFIC 0x72
#define CC_POWERLEVEL 0x73
#define CC_VERSION 0x86
#define RNG_STREAM_NODE 0x100u
#define POWERLEVEL_MAX 9

static uint8_t cc_version(const devkit_t *k, uint8_t cc)
{
    for (size_t i = 0; i < k->info->nversions; i++)
        if (k->info->versions[i][0] == cc)
            return k->info->versions[i][1];
    return 0;
}

static const devkit_param_t *param_of(const devkit_t *k, uint8_t number, size_t *idx)
{
    for (size_t i = 0; i < k->info->nparams; i++)
        if (k->info->params[i].number == number) {
            if (idx)
                *idx = i;
            return &k->info->params[i];
        }
    return NULL;
}

static const devkit_group_t *group_of(const devkit_t *k, uint8_t group)
{
    return group >= 1 && group <= k->info->ngroups ? &k->info->groups[group - 1] : NULL;
}

void devkit_factory_reset(devkit_t *k)
{
    for (size_t i = 0; i < k->info->nparams && i < DEVKIT_MAX_PARAMS; i++)
        k->values[i] = k->info->params[i].def;
    memset(k->nmembers, 0, sizeof k->nmembers);
    k->power_level = ZWH_POWERLEVEL_NORMAL;
    k->power_timeout = 0;
    k->test_node = k->test_acks = 0;
    k->test_status = ZWH_POWERLEVEL_TEST_FAILED;
}

void devkit_init(devkit_t *k, const devkit_info_t *info, void *owner)
{
    memset(k, 0, sizeof *k);
    k->info = info;
    k->owner = owner;
    devkit_factory_reset(k);
    if (info->ngroups) {
        k->members[0][0] = DEVKIT_CONTROLLER;
        k->nmembers[0] = 1;
    }
}

void devkit_reset_locally(devkit_t *k, sim_node_t *n)
{
    uint8_t out[4];
    devkit_send_encoded(k, n, DEVKIT_LIFELINE, out, zwh_device_reset_locally_notification_encode(out, sizeof out));
    ZWH_LOGI(n->net->log, "node %u: reset locally: it has left the network and no longer answers", n->id);
    devkit_factory_reset(k);
    n->dead = 1;
}

void devkit_included(devkit_t *k)
{
    k->nmembers[0] = 0;
}

int32_t devkit_param(const devkit_t *k, uint8_t number)
{
    size_t i;
    return param_of(k, number, &i) ? k->values[i] : 0;
}

sim_rng_t *devkit_rng(devkit_t *k, const sim_node_t *n)
{
    if (!k->rng_ready) {
        sim_rng_init(&k->rng, n->net->seed, RNG_STREAM_NODE + n->id);
        k->rng_ready = 1;
    }
    return &k->rng;
}

int devkit_send_group(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *cmd, size_t len)
{
    if (!group_of(k, group) || !n->id)
        return 0;
    int sent = 0;
    /* a copy: delivering to a node may run its model, which never touches ours,
     * but the list must not change under the loop either way */
    uint16_t members[DEVKIT_MAX_MEMBERS];
    uint8_t count = k->nmembers[group - 1];
    memcpy(members, k->members[group - 1], sizeof members);
    for (size_t i = 0; i < count; i++) {
        if (members[i] == DEVKIT_CONTROLLER) {
            sim_node_send(n, cmd, len);
            sent++;
        } else if (members[i] != n->id && sim_net_node(n->net, members[i])) {
            (void)sim_net_deliver(n->net, members[i], cmd, len, 0);
            sent++;
        }
    }
    return sent;
}

void devkit_reply(sim_node_t *n, const uint8_t *buf, int len)
{
    if (len > 0)
        sim_node_send(n, buf, (size_t)len);
}

int devkit_send_encoded(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *buf, int len)
{
    return len > 0 ? devkit_send_group(k, n, group, buf, (size_t)len) : 0;
}

int devkit_after_token(sim_node_t *n, uint64_t ms, sim_sched_fn fn, uint32_t token)
{
    const uint8_t data[4] = {(uint8_t)(token >> 24), (uint8_t)(token >> 16), (uint8_t)(token >> 8), (uint8_t)token};
    return sim_node_after(n, ms, fn, data, sizeof data);
}

uint32_t devkit_token(const uint8_t *data, size_t len)
{
    uint32_t token = 0;
    for (size_t i = 0; i < len && i < 4; i++)
        token = token << 8 | data[i];
    return token;
}

/* ---- Version, Manufacturer Specific, Z-Wave Plus Info ---------------------- */

static int version_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[64];
    if (cmd[1] == ZWH_VERSION_GET) {
        zwh_version_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.library_type = k->info->library_type;
        rep.protocol_version = k->info->protocol_major;
        rep.protocol_sub_version = k->info->protocol_minor;
        rep.firmware0.version = n->type->product.app_major;
        rep.firmware0.sub_version = n->type->product.app_minor;
        if (cc_version(k, CC_VERSION) >= 2) {
            rep.has_v2 = 1;
            rep.hardware_version = k->info->hardware_version;
        }
        devkit_reply(n, out, zwh_version_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    if (cmd[1] == ZWH_VERSION_COMMAND_CLASS_GET) {
        zwh_version_command_class_get_t get;
        if (zwh_version_command_class_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        const zwh_version_command_class_report_t rep = {get.cc, cc_version(k, get.cc)};
        devkit_reply(n, out, zwh_version_command_class_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    return ZWH_ENOTSUP;
}

static int manufacturer_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[48];
    const sim_product_t *p = &n->type->product;
    if (cmd[1] == ZWH_MANUFACTURER_SPECIFIC_GET) {
        const zwh_manufacturer_specific_report_t rep = {p->manufacturer_id, p->product_type, p->product_id};
        devkit_reply(n, out, zwh_manufacturer_specific_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    if (cmd[1] == ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET && cc_version(k, CC_MANUFACTURER_SPECIFIC) >= 2) {
        zwh_manufacturer_specific_device_specific_get_t get;
        if (zwh_manufacturer_specific_device_specific_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        /* a serial number: 8 bytes drawn once from the node's seeded stream */
        zwh_manufacturer_specific_device_specific_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.device_id_type = ZWH_DEVICE_ID_TYPE_SERIAL_NUMBER;
        rep.data_format = ZWH_DEVICE_ID_FORMAT_BINARY;
        rep.data_len = 8;
        sim_rng_t serial;
        sim_rng_init(&serial, n->net->seed, RNG_STREAM_NODE * 2 + n->id);
        uint64_t v = sim_rng_next(&serial);
        for (int i = 0; i < 8; i++)
            rep.data[i] = (uint8_t)(v >> (56 - 8 * i));
        devkit_reply(n, out, zwh_manufacturer_specific_device_specific_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    return ZWH_ENOTSUP;
}

static int zwplus_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd)
{
    if (cmd[1] != ZWH_ZWAVEPLUS_INFO_GET)
        return ZWH_ENOTSUP;
    uint8_t out[16];
    const zwh_zwaveplus_info_report_t rep = {
        .zwaveplus_version = cc_version(k, CC_ZWAVEPLUS_INFO) >= 2 ? 2 : 1,
        .role_type = k->info->zwplus_role,
        .node_type = ZWH_ZWAVEPLUS_NODE_TYPE_NODE,
        .installer_icon = n->type->product.installer_icon,
        .user_icon = n->type->product.installer_icon,
    };
    devkit_reply(n, out, zwh_zwaveplus_info_report_encode(&rep, out, sizeof out));
    return SIM_CMD_OK;
}

/* ---- Powerlevel ------------------------------------------------------------- */

static int powerlevel_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[16];
    switch (cmd[1]) {
    case ZWH_POWERLEVEL_SET: {
        zwh_powerlevel_set_t set;
        if (zwh_powerlevel_set_decode(cmd, len, &set) < 0 || set.power_level > POWERLEVEL_MAX ||
            (set.power_level != ZWH_POWERLEVEL_NORMAL && set.timeout == 0))
            return ZWH_EINVAL;
        k->power_level = set.power_level;
        k->power_timeout = set.power_level == ZWH_POWERLEVEL_NORMAL ? 0 : set.timeout;
        return SIM_CMD_OK;
    }
    case ZWH_POWERLEVEL_GET: {
        const zwh_powerlevel_report_t rep = {k->power_level, k->power_timeout};
        devkit_reply(n, out, zwh_powerlevel_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_POWERLEVEL_TEST_NODE_SET: {
        zwh_powerlevel_test_node_set_t set;
        if (zwh_powerlevel_test_node_set_decode(cmd, len, &set) < 0 || set.power_level > POWERLEVEL_MAX)
            return ZWH_EINVAL;
        /* the test frames are NOPs to the test node: all acknowledged if it is reachable */
        const sim_node_t *t = set.test_node_id == DEVKIT_CONTROLLER ? n : sim_net_node(n->net, set.test_node_id);
        int ok = set.test_node_id == DEVKIT_CONTROLLER || sim_node_reachable(t);
        k->test_node = set.test_node_id;
        k->test_acks = ok ? set.frame_count : 0;
        k->test_status = ok && set.frame_count ? ZWH_POWERLEVEL_TEST_SUCCESS : ZWH_POWERLEVEL_TEST_FAILED;
        return SIM_CMD_OK;
    }
    case ZWH_POWERLEVEL_TEST_NODE_GET: {
        const zwh_powerlevel_test_node_report_t rep = {k->test_node, k->test_status, k->test_acks};
        devkit_reply(n, out, zwh_powerlevel_test_node_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

/* ---- Configuration v1 -------------------------------------------------------- */

static int config_set(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    zwh_configuration_set_t set;
    size_t i;
    if (zwh_configuration_set_decode(cmd, len, &set) < 0)
        return ZWH_EINVAL;
    const devkit_param_t *p = param_of(k, set.parameter, &i);
    if (!p) {
        ZWH_LOGD(n->net->log, "node %u: no configuration parameter %u", n->id, set.parameter);
        return ZWH_EINVAL;
    }
    int32_t v = p->def;
    if (!set.use_default) {
        int64_t read = set.value;
        if (set.size != p->size) {
            ZWH_LOGD(n->net->log, "node %u: parameter %u is %u bytes, Set has %u: ignored", n->id, p->number,
                     p->size, set.size);
            return ZWH_EINVAL;
        }
        if (!p->is_signed && zwh_configuration_value_convert(set.value, set.size, ZWH_CONFIGURATION_FORMAT_UNSIGNED,
                                                             &read) < 0)
            return ZWH_EINVAL;
        if (!((read >= p->min && read <= p->max) || (p->has_alt && read == p->alt))) {
            ZWH_LOGD(n->net->log, "node %u: parameter %u value %lld out of range: ignored", n->id, p->number,
                     (long long)read);
            return ZWH_EINVAL;
        }
        v = (int32_t)read;
        if (k->info->param_ok && k->info->param_ok(k, p->number, v) < 0)
            return ZWH_EINVAL;
    }
    k->values[i] = v;
    if (k->info->param_changed)
        k->info->param_changed(k->owner, n, p->number);
    return SIM_CMD_OK;
}

static int config_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (cmd[1] == ZWH_CONFIGURATION_SET)
        return config_set(k, n, cmd, len);
    if (cmd[1] != ZWH_CONFIGURATION_GET)
        return ZWH_ENOTSUP; /* Configuration v1: Set, Get, Report only */
    zwh_configuration_get_t get;
    size_t i;
    if (zwh_configuration_get_decode(cmd, len, &get) < 0)
        return ZWH_EINVAL;
    const devkit_param_t *p = param_of(k, get.parameter, &i);
    if (!p)
        return ZWH_EINVAL; /* v1 devices stay silent about parameters they lack */
    uint8_t out[16];
    const zwh_configuration_report_t rep = {
        p->number, p->size, p->is_signed ? ZWH_CONFIGURATION_FORMAT_SIGNED : ZWH_CONFIGURATION_FORMAT_UNSIGNED,
        k->values[i]};
    devkit_reply(n, out, zwh_configuration_report_encode(&rep, out, sizeof out));
    return SIM_CMD_OK;
}

/* ---- Association v2 ----------------------------------------------------------- */

static void group_add(devkit_t *k, uint8_t g, uint16_t node)
{
    uint8_t *cnt = &k->nmembers[g - 1];
    uint16_t *m = k->members[g - 1];
    for (size_t i = 0; i < *cnt; i++)
        if (m[i] == node)
            return;
    if (*cnt < k->info->groups[g - 1].max_nodes && *cnt < DEVKIT_MAX_MEMBERS)
        m[(*cnt)++] = node;
}

static void group_remove(devkit_t *k, uint8_t g, uint16_t node)
{
    uint8_t *cnt = &k->nmembers[g - 1];
    uint16_t *m = k->members[g - 1];
    for (size_t i = 0; i < *cnt; i++)
        if (m[i] == node) {
            memmove(m + i, m + i + 1, (size_t)(*cnt - i - 1) * sizeof *m);
            (*cnt)--;
            return;
        }
}

static int assoc_set_remove(devkit_t *k, const uint8_t *cmd, size_t len)
{
    zwh_association_set_t set; /* Remove has the same layout */
    int rc = cmd[1] == ZWH_ASSOCIATION_SET ? zwh_association_set_decode(cmd, len, &set)
                                           : zwh_association_remove_decode(cmd, len, &set);
    if (rc < 0)
        return ZWH_EINVAL;
    if (cmd[1] == ZWH_ASSOCIATION_SET) {
        if (!group_of(k, set.group_id))
            return ZWH_EINVAL;
        for (size_t i = 0; i < set.node_count; i++)
            if (set.node_ids[i] >= 1 && set.node_ids[i] <= SIM_MAX_NODE_ID)
                group_add(k, set.group_id, set.node_ids[i]);
        return SIM_CMD_OK;
    }
    /* Remove (v2): group 0 = every group; no node ids = every member */
    if (set.group_id != 0 && !group_of(k, set.group_id))
        return ZWH_EINVAL;
    for (uint8_t g = 1; g <= k->info->ngroups; g++) {
        if (set.group_id != 0 && g != set.group_id)
            continue;
        if (set.node_count == 0)
            k->nmembers[g - 1] = 0;
        for (size_t i = 0; i < set.node_count; i++)
            group_remove(k, g, set.node_ids[i]);
    }
    return SIM_CMD_OK;
}

static int assoc_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[64];
    switch (cmd[1]) {
    case ZWH_ASSOCIATION_SET:
    case ZWH_ASSOCIATION_REMOVE:
        return assoc_set_remove(k, cmd, len);
    case ZWH_ASSOCIATION_GET: {
        zwh_association_get_t get;
        if (zwh_association_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        /* an unknown group is answered with the Lifeline (Association v2) */
        uint8_t g = group_of(k, get.group_id) ? get.group_id : DEVKIT_LIFELINE;
        zwh_association_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.group_id = g;
        rep.max_nodes = k->info->groups[g - 1].max_nodes;
        rep.node_count = k->nmembers[g - 1];
        memcpy(rep.node_ids, k->members[g - 1], rep.node_count * sizeof rep.node_ids[0]);
        devkit_reply(n, out, zwh_association_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_ASSOCIATION_GROUPINGS_GET: {
        const zwh_association_groupings_report_t rep = {k->info->ngroups};
        devkit_reply(n, out, zwh_association_groupings_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_ASSOCIATION_SPECIFIC_GROUP_GET: {
        const zwh_association_specific_group_report_t rep = {0}; /* no button-to-group mapping */
        devkit_reply(n, out, zwh_association_specific_group_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

/* ---- Association Group Info v1 ------------------------------------------------ */

static int agi_info(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_info_get_t get;
    if (zwh_association_group_info_info_get_decode(cmd, len, &get) < 0)
        return ZWH_EINVAL;
    zwh_association_group_info_info_report_t rep;
    memset(&rep, 0, sizeof rep);
    rep.list_mode = get.list_mode;
    for (uint8_t g = 1; g <= k->info->ngroups; g++) {
        if (!get.list_mode && g != get.group_id)
            continue;
        zwh_association_group_info_group_t *e = &rep.groups[rep.group_count++];
        e->group_id = g;
        e->profile = k->info->groups[g - 1].profile;
    }
    if (!rep.group_count)
        return ZWH_EINVAL;
    uint8_t out[2 + 1 + 7 * DEVKIT_MAX_GROUPS];
    devkit_reply(n, out, zwh_association_group_info_info_report_encode(&rep, out, sizeof out));
    return SIM_CMD_OK;
}

static int agi_cmd(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    uint8_t out[80];
    switch (cmd[1]) {
    case ZWH_ASSOCIATION_GROUP_INFO_NAME_GET: {
        zwh_association_group_info_name_get_t get;
        if (zwh_association_group_info_name_get_decode(cmd, len, &get) < 0 || !group_of(k, get.group_id))
            return ZWH_EINVAL;
        zwh_association_group_info_name_report_t rep;
        memset(&rep, 0, sizeof rep);
        const char *name = k->info->groups[get.group_id - 1].name;
        rep.group_id = get.group_id;
        rep.name_len = (uint8_t)strlen(name);
        memcpy(rep.name, name, rep.name_len);
        devkit_reply(n, out, zwh_association_group_info_name_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_ASSOCIATION_GROUP_INFO_INFO_GET:
        return agi_info(k, n, cmd, len);
    case ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET: {
        zwh_association_group_info_command_list_get_t get;
        if (zwh_association_group_info_command_list_get_decode(cmd, len, &get) < 0 ||
            !group_of(k, get.group_id))
            return ZWH_EINVAL;
        const devkit_group_t *g = &k->info->groups[get.group_id - 1];
        zwh_association_group_info_command_list_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.group_id = get.group_id;
        rep.command_count = g->ncmds;
        for (size_t i = 0; i < g->ncmds; i++) {
            rep.commands[i].cc = g->cmds[i][0];
            rep.commands[i].command = g->cmds[i][1];
        }
        devkit_reply(n, out, zwh_association_group_info_command_list_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    default:
        return ZWH_ENOTSUP;
    }
}

int devkit_command(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (len < 2 || !cc_version(k, cmd[0]))
        return ZWH_ENOTSUP;
    switch (cmd[0]) {
    case CC_VERSION: return version_cmd(k, n, cmd, len);
    case CC_MANUFACTURER_SPECIFIC: return manufacturer_cmd(k, n, cmd, len);
    case CC_ZWAVEPLUS_INFO: return zwplus_cmd(k, n, cmd);
    case CC_POWERLEVEL: return powerlevel_cmd(k, n, cmd, len);
    case ZWH_CC_CONFIGURATION: return config_cmd(k, n, cmd, len);
    case ZWH_CC_ASSOCIATION: return assoc_cmd(k, n, cmd, len);
    case CC_ASSOCIATION_GRP_INFO: return agi_cmd(k, n, cmd, len);
    default: return ZWH_ENOTSUP;
    }
}

/* ---- Notification v4 (one type, one event) ------------------------------------ */

int devkit_notification_encode(uint8_t type, uint8_t event, uint8_t idle_of, uint8_t *out, size_t cap)
{
    zwh_notification_report_t rep;
    memset(&rep, 0, sizeof rep);
    rep.has_notification = 1;
    rep.status = ZWH_NOTIFICATION_STATUS_ON;
    rep.type = type;
    rep.event = event;
    if (event == 0 && idle_of) {
        rep.params_len = 1;
        rep.params[0] = idle_of;
    }
    return zwh_notification_report_encode(&rep, out, cap);
}

static void set_bit(uint8_t *mask, uint8_t *mask_len, unsigned bit)
{
    mask[bit / 8] |= (uint8_t)(1u << (bit % 8));
    if (*mask_len < bit / 8 + 1)
        *mask_len = (uint8_t)(bit / 8 + 1);
}

int devkit_notification_cmd(sim_node_t *n, const uint8_t *cmd, size_t len, uint8_t type, uint8_t event, int active)
{
    uint8_t out[48];
    if (len < 2 || cmd[0] != ZWH_CC_NOTIFICATION)
        return ZWH_ENOTSUP;
    switch (cmd[1]) {
    case ZWH_NOTIFICATION_GET: {
        zwh_notification_get_t get;
        if (zwh_notification_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        if (get.has_type && get.type != type && get.type != ZWH_NOTIFICATION_REQUEST_PENDING)
            return ZWH_EINVAL; /* a type it does not have: no report */
        devkit_reply(n, out, devkit_notification_encode(type, active ? event : 0, active ? 0 : event, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_NOTIFICATION_SUPPORTED_GET: {
        zwh_notification_supported_report_t rep;
        memset(&rep, 0, sizeof rep);
        set_bit(rep.mask, &rep.mask_len, type);
        devkit_reply(n, out, zwh_notification_supported_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_NOTIFICATION_EVENT_SUPPORTED_GET: {
        zwh_notification_event_supported_get_t get;
        if (zwh_notification_event_supported_get_decode(cmd, len, &get) < 0)
            return ZWH_EINVAL;
        zwh_notification_event_supported_report_t rep;
        memset(&rep, 0, sizeof rep);
        rep.type = get.type;
        if (get.type == type)
            set_bit(rep.mask, &rep.mask_len, event);
        devkit_reply(n, out, zwh_notification_event_supported_report_encode(&rep, out, sizeof out));
        return SIM_CMD_OK;
    }
    case ZWH_NOTIFICATION_SET:
        return SIM_CMD_OK; /* push notifications stay on: accepted, nothing to change */
    default:
        return ZWH_ENOTSUP;
    }
}

/* ---- stdin event words ------------------------------------------------------- */

int devkit_parse_long(const char *s, long lo, long hi, long *out)
{
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (end == s || *end || v < lo || v > hi)
        return ZWH_EINVAL;
    *out = v;
    return 0;
}

int devkit_parse_fixed(const char *s, unsigned precision, long lo, long hi, long *out)
{
    int neg = *s == '-';
    if (neg || *s == '+')
        s++;
    long v = 0;
    unsigned frac = 0;
    int seen_point = 0, digits = 0;
    for (; *s; s++) {
        if (*s == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (*s < '0' || *s > '9' || (seen_point && frac == precision) || v > 100000000L)
            return ZWH_EINVAL;
        v = v * 10 + (*s - '0');
        digits++;
        if (seen_point)
            frac++;
    }
    if (!digits)
        return ZWH_EINVAL;
    for (; frac < precision; frac++)
        v *= 10;
    v = neg ? -v : v;
    if (v < lo || v > hi)
        return ZWH_EINVAL;
    *out = v;
    return 0;
}
