/* Device-side Configuration command class (0x70) for the virtual nodes: a
 * model describes its parameters in a const table and keeps their values; the
 * commands its version has are answered from both (sim_cfg_command()).
 *
 * Version gating: v1 Set/Get; v2 Bulk Set/Get; v3 Name, Info and Properties;
 * v4 Default Reset and the Properties v4 flags. A command of a later version
 * is ZWH_ENOTSUP (Supervision NO_SUPPORT).
 *
 * Device-side rules: a Set is refused (ZWH_EINVAL: Supervision FAIL, the value
 * stays) when the parameter is unknown, the size is not the parameter's, the
 * value (read in the parameter's format) is outside min..max (and is not the
 * parameter's one extra value `alt`), or the model's cross-parameter rule
 * (`check`) refuses it; the Default flag always restores the default. A Bulk
 * Set is all or nothing. A Get for an unknown parameter is answered with the
 * first parameter, or not at all (`silent_unknown`, as the seed's v1 plugs
 * do); Name/Info of an unknown one is an empty text; texts longer than
 * SIM_CFG_TEXT_CHUNK bytes go out as several reports (reports to follow
 * counting down). The Bulk Report carries one size, so a Bulk Get over
 * parameters of mixed sizes is answered with one report per run of equal
 * sizes. */
#ifndef ZWH_SIM_NODE_CONFIG_H
#define ZWH_SIM_NODE_CONFIG_H

#include <stddef.h>
#include <stdint.h>
#include "nodes.h"

#define SIM_CFG_TEXT_CHUNK 64 /* a 69-byte report: Transport Service on a 46-byte link */
#define SIM_CFG_MAX_PARAMS 64

typedef struct sim_cfg_param {
    uint16_t num;
    uint8_t size;   /* 1, 2, 4 */
    uint8_t format; /* ZWH_CONFIGURATION_FORMAT_* */
    int64_t min, max, def;
    const char *name, *info; /* v3 texts (UTF-8) */
    uint8_t advanced, read_only;
    uint8_t has_alt; /* alt is accepted too, outside min..max (e.g. 0xFF "on" beside 0..99) */
    int64_t alt;
} sim_cfg_param_t;

/* A parameter without texts or flags: number, size, format, min, max, default. */
#define SIM_CFG_PARAM(num_, size_, format_, min_, max_, def_)                                                       \
    {.num = (num_), .size = (size_), .format = (format_), .min = (min_), .max = (max_), .def = (def_)}

typedef struct sim_cfg sim_cfg_t;

/* A model's view: its table (sorted by num), its values (one per entry), its
 * Configuration CC version, and its device-specific rules. */
struct sim_cfg {
    const sim_cfg_param_t *params;
    size_t nparams; /* <= SIM_CFG_MAX_PARAMS */
    int64_t *values;
    uint8_t version;
    uint8_t silent_unknown; /* a Get for a parameter it lacks draws no report */
    /* Optional: a rule across parameters for a new value (0 accept, ZWH_EINVAL refuse) */
    int (*check)(const sim_cfg_t *c, uint16_t num, int64_t value);
};

void sim_cfg_defaults(const sim_cfg_t *c);
/* The value of parameter num (0 if there is no such parameter). */
int64_t sim_cfg_value(const sim_cfg_t *c, uint16_t num);
/* A 0x70 command addressed to the node; answers go to the controller.
 * SIM_CMD_OK, ZWH_EINVAL (refused) or ZWH_ENOTSUP. */
int sim_cfg_command(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len);

#endif
