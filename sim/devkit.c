#include "devkit.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/powerlevel.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/error.h"

#define CC_ZWAVEPLUS_INFO 0x5E
#define CC_ASSOCIATION 0x85
#define CC_ASSOCIATION_GRP_INFO 0x59
#define CC_CONFIGURATION 0x70
#define CC_MULTI_CHANNEL_ASSOCIATION 0x8E
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

/* Configuration at the table's version; a Get for a parameter the device
 * lacks draws no report (the kit's v1 plugs stay silent). */
static sim_cfg_t cfg_view(devkit_t *k)
{
    size_t nparams = k->info->nparams < DEVKIT_MAX_PARAMS ? k->info->nparams : DEVKIT_MAX_PARAMS;
    sim_cfg_t c = {k->info->params, nparams, k->values, cc_version(k, CC_CONFIGURATION), 1, k->info->param_ok};
    return c;
}

static sim_assoc_view_t assoc_view(devkit_t *k)
{
    sim_assoc_view_t a = {k->info->groups, k->info->ngroups, &k->assoc,
                          cc_version(k, CC_MULTI_CHANNEL_ASSOCIATION) != 0, cc_version(k, CC_ASSOCIATION_GRP_INFO) != 0};
    return a;
}

void devkit_factory_reset(devkit_t *k)
{
    sim_cfg_t c = cfg_view(k);
    sim_assoc_view_t a = assoc_view(k);
    sim_cfg_defaults(&c);
    sim_assoc_clear(&a);
    k->power_level = ZWH_POWERLEVEL_NORMAL;
    k->power_timeout = 0;
    k->test_node = k->test_acks = 0;
    k->test_status = ZWH_POWERLEVEL_TEST_FAILED;
}

void devkit_init(devkit_t *k, const devkit_info_t *info)
{
    memset(k, 0, sizeof *k);
    k->info = info;
    devkit_factory_reset(k);
    sim_assoc_view_t a = assoc_view(k);
    sim_assoc_add(&a, DEVKIT_LIFELINE, DEVKIT_CONTROLLER);
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
    sim_assoc_view_t a = assoc_view(k);
    sim_assoc_clear_group(&a, DEVKIT_LIFELINE);
}

int32_t devkit_param(const devkit_t *k, uint8_t number)
{
    for (size_t i = 0; i < k->info->nparams && i < DEVKIT_MAX_PARAMS; i++)
        if (k->info->params[i].num == number)
            return (int32_t)k->values[i];
    return 0;
}

sim_rng_t *devkit_rng(devkit_t *k, const sim_node_t *n)
{
    if (!k->rng_ready) {
        sim_rng_init(&k->rng, n->net->seed, RNG_STREAM_NODE + n->id);
        k->rng_ready = 1;
    }
    return &k->rng;
}

void devkit_send_group(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *cmd, size_t len)
{
    sim_assoc_view_t a = assoc_view(k);
    sim_assoc_send(&a, n, group, cmd, len);
}

void devkit_reply(sim_node_t *n, const uint8_t *buf, int len)
{
    if (len > 0)
        sim_node_send(n, buf, (size_t)len);
}

void devkit_send_encoded(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *buf, int len)
{
    if (len > 0)
        devkit_send_group(k, n, group, buf, (size_t)len);
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

int devkit_command(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (len < 2 || !cc_version(k, cmd[0]))
        return ZWH_ENOTSUP;
    switch (cmd[0]) {
    case CC_VERSION: return version_cmd(k, n, cmd, len);
    case CC_MANUFACTURER_SPECIFIC: return manufacturer_cmd(k, n, cmd, len);
    case CC_ZWAVEPLUS_INFO: return zwplus_cmd(k, n, cmd);
    case CC_POWERLEVEL: return powerlevel_cmd(k, n, cmd, len);
    case CC_CONFIGURATION: {
        sim_cfg_t c = cfg_view(k);
        return sim_cfg_command(&c, n, cmd, len);
    }
    case CC_ASSOCIATION:
    case CC_MULTI_CHANNEL_ASSOCIATION:
    case CC_ASSOCIATION_GRP_INFO: {
        sim_assoc_view_t a = assoc_view(k);
        return sim_assoc_command(&a, n, cmd, len);
    }
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
