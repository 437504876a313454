/* Two small secure test devices built on the generic switch (dev_switch.c):
 *   s2switch  requests S2 Unauthenticated + Authenticated; Binary Switch only
 *             under S2 (its S2 Commands Supported Report lists 0x25)
 *   s0switch  requests S0; Binary Switch only under S0
 *   s2s0switch  the s2switch requesting the S0 key as well (S2 bootstrap with
 *             an S0 grant)
 * Once included (after the bootstrap) each reports its state unsolicited, as
 * many plugs do. All also answer Manufacturer Specific Device Specific Get (72 06) with a
 * serial number (72 07 type, format|length, UTF-8): the s2switch's is 31
 * characters, so its S2-encapsulated report (35 + 12 bytes) exceeds the
 * 46-byte frame and goes out in Transport Service segments. */
#include <string.h>
#include "zwhost/error.h"
#include "devices.h"

#define CC_MANUFACTURER_SPECIFIC 0x72
#define DEVICE_SPECIFIC_GET 0x06
#define DEVICE_SPECIFIC_REPORT 0x07
#define ID_TYPE_FACTORY_DEFAULT 0x00
#define ID_TYPE_SERIAL 0x01
#define FORMAT_UTF8 0x00

static const char S2_SERIAL[] = "ZWHSIM-S2SWITCH-000000000000001"; /* 31 characters, the 5-bit maximum */
static const char S0_SERIAL[] = "ZWHSIM-S0SW-0001";

static int sec_switch_create(sim_node_t *node, void **model)
{
    return sim_dev_switch.create(node, model);
}

static int sec_switch_command(void *model, sim_node_t *node, const uint8_t *cmd, size_t len,
                              unsigned rx_flags)
{
    if (len >= 3 && cmd[0] == CC_MANUFACTURER_SPECIFIC && cmd[1] == DEVICE_SPECIFIC_GET) {
        uint8_t type = cmd[2] & 0x07;
        if (type != ID_TYPE_FACTORY_DEFAULT && type != ID_TYPE_SERIAL)
            return ZWH_ENOTSUP;
        const char *serial = node->type->security & ZWH_KEY_S2_UNAUTHENTICATED ? S2_SERIAL : S0_SERIAL;
        size_t n = strlen(serial);
        uint8_t rep[4 + 31];
        rep[0] = CC_MANUFACTURER_SPECIFIC;
        rep[1] = DEVICE_SPECIFIC_REPORT;
        rep[2] = ID_TYPE_SERIAL;
        rep[3] = (uint8_t)(FORMAT_UTF8 << 5 | n);
        memcpy(rep + 4, serial, n);
        sim_node_send(node, rep, 4 + n);
        return SIM_CMD_OK;
    }
    return sim_dev_switch.ops->on_command(model, node, cmd, len, rx_flags);
}

static void sec_switch_included(void *model, sim_node_t *node)
{
    static const uint8_t get[] = {0x25, 0x02};
    (void)sec_switch_command(model, node, get, sizeof get, 0); /* the switch's own report */
}

static void sec_switch_free(void *model)
{
    sim_dev_switch.ops->free(model);
}

static const sim_model_ops_t sec_switch_ops = {
    .on_command = sec_switch_command,
    .on_included = sec_switch_included,
    .free = sec_switch_free,
};

const sim_device_type_t sim_dev_s2switch = {
    .name = "s2switch",
    .summary = "test plug: Binary Switch under S2 (Unauthenticated + Authenticated), Transport Service",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 6,
            .cc = {0x5E, 0x55, 0x9F, 0x6C, 0x72, 0x86}},
    .security = (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED),
    .nsecure_cc = 1,
    .secure_cc = {0x25},
    .create = sec_switch_create,
    .ops = &sec_switch_ops,
};

const sim_device_type_t sim_dev_s2s0switch = {
    .name = "s2s0switch",
    .summary = "test plug: s2switch that also requests the S0 key",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 7,
            .cc = {0x5E, 0x55, 0x9F, 0x98, 0x6C, 0x72, 0x86}},
    .security = (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED) |
                (1u << ZWH_SECCLASS_S0),
    .nsecure_cc = 1,
    .secure_cc = {0x25},
    .create = sec_switch_create,
    .ops = &sec_switch_ops,
};

const sim_device_type_t sim_dev_s0switch = {
    .name = "s0switch",
    .summary = "test plug: Binary Switch under S0",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 4, .cc = {0x5E, 0x98, 0x72, 0x86}},
    .security = 1u << ZWH_SECCLASS_S0,
    .nsecure_cc = 1,
    .secure_cc = {0x25},
    .create = sec_switch_create,
    .ops = &sec_switch_ops,
};
