/* Generic listening Binary Switch (an on/off plug). Answers Binary Switch v1
 * Get/Set and Basic Get/Set; everything else is ignored, as a real device
 * ignores commands it does not support. Its NIF is the one a 700-series plug
 * reports (SERIALAPI-REFERENCE §4.10/§4.12 observed: basic 04 routing end node,
 * generic 10 binary switch, specific 01 power switch). */
#include <stdlib.h>
#include "zwhost/error.h"
#include "devices.h"

#define CC_BASIC 0x20
#define CC_SWITCH_BINARY 0x25
#define CMD_SET 0x01
#define CMD_GET 0x02
#define CMD_REPORT 0x03

typedef struct {
    uint8_t on; /* 0x00 or 0xFF */
} switch_model_t;

static int switch_create(sim_node_t *node, void **model)
{
    (void)node;
    switch_model_t *m = calloc(1, sizeof *m);
    if (!m)
        return ZWH_ENOMEM;
    *model = m;
    return 0;
}

static int switch_command(void *model, sim_node_t *node, const uint8_t *cmd, size_t len,
                          unsigned rx_flags)
{
    (void)rx_flags;
    switch_model_t *m = model;
    if (len < 2 || (cmd[0] != CC_SWITCH_BINARY && cmd[0] != CC_BASIC))
        return ZWH_ENOTSUP;
    if (cmd[1] == CMD_SET && len >= 3) {
        /* 0 = off, 1..99 and FF = on; other values are refused (spec: reserved) */
        if (cmd[2] == 0x00)
            m->on = 0x00;
        else if (cmd[2] <= 99 || cmd[2] == 0xFF)
            m->on = 0xFF;
        else
            return ZWH_EINVAL;
        return SIM_CMD_OK;
    }
    if (cmd[1] == CMD_GET) {
        const uint8_t rep[] = {cmd[0], CMD_REPORT, m->on};
        sim_node_send(node, rep, sizeof rep);
        return SIM_CMD_OK;
    }
    return ZWH_ENOTSUP;
}

static void switch_free(void *model)
{
    free(model);
}

static const sim_model_ops_t switch_ops = {
    .on_command = switch_command,
    .free = switch_free,
};

const sim_device_type_t sim_dev_switch = {
    .name = "switch",
    .summary = "generic Binary Switch plug (Binary Switch v1, Basic)",
    .nif = {.basic = 0x04, .generic = 0x10, .specific = 0x01, .ncc = 9,
            .cc = {0x5E, 0x25, 0x32, 0x70, 0x71, 0x86, 0x72, 0x85, 0x6C}},
    .create = switch_create,
    .ops = &switch_ops,
};
