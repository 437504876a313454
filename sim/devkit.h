/* The parts every seed twin shares, so a twin file holds only what is its own:
 * Version (CC versions from a table), Manufacturer Specific and Z-Wave Plus
 * Info (from the type's sim_product_t), Powerlevel, Configuration with a
 * parameter table enforced device-side (node_config.c, at the version the
 * table gives), association groups with Association Group Info
 * (node_assoc.c; Multi Channel Association when the table lists it), sending
 * to a group's members, and a per-node random stream derived from --seed.
 *
 * A model embeds a devkit_t, calls devkit_init() from create(), offers each
 * command to devkit_command() first (ZWH_ENOTSUP = not one of the kit's) and
 * sends unsolicited commands with devkit_send_group(). */
#ifndef ZWH_SIM_DEVKIT_H
#define ZWH_SIM_DEVKIT_H

#include <stddef.h>
#include <stdint.h>
#include "node_assoc.h"
#include "node_config.h"
#include "nodes.h"
#include "rng.h"

#define DEVKIT_MAX_PARAMS 16
#define DEVKIT_LIFELINE 1
#define DEVKIT_CONTROLLER 1

typedef struct devkit devkit_t;

typedef struct devkit_info {
    uint8_t nversions;
    const uint8_t (*versions)[2]; /* CC, version: the Version Command Class Report */
    uint8_t library_type;         /* Version Report */
    uint8_t protocol_major, protocol_minor;
    uint8_t hardware_version;
    uint8_t zwplus_role;          /* Z-Wave Plus Info */
    uint8_t nparams;              /* <= DEVKIT_MAX_PARAMS */
    const sim_cfg_param_t *params;
    uint8_t ngroups;              /* <= SIM_ASSOC_MAX_GROUPS */
    const sim_assoc_group_desc_t *groups;
    /* Optional: cross-parameter rules (0 accept, ZWH_EINVAL refuse). */
    int (*param_ok)(const sim_cfg_t *c, uint16_t number, int64_t value);
} devkit_info_t;

struct devkit {
    const devkit_info_t *info;
    int64_t values[DEVKIT_MAX_PARAMS];
    sim_assoc_t assoc;
    uint8_t power_level, power_timeout;
    uint16_t test_node, test_acks;
    uint8_t test_status;
    sim_rng_t rng;
    int rng_ready;
};

/* Defaults, and the controller in the Lifeline: a node created already
 * included (--devices) reports to node 1. */
void devkit_init(devkit_t *k, const devkit_info_t *info);
/* After a fresh inclusion: an empty Lifeline until the host's Association Set. */
void devkit_included(devkit_t *k);
/* Factory reset: default parameters, empty groups. */
void devkit_factory_reset(devkit_t *k);

/* The reset button: Device Reset Locally Notification to the Lifeline, then
 * factory reset; the node has left the network (its home id is gone), so it
 * no longer acknowledges frames. The model resets its own state. */
void devkit_reset_locally(devkit_t *k, sim_node_t *n);

/* Handles the kit's command classes. SIM_CMD_OK, a negative code for a
 * refused command, or ZWH_ENOTSUP when the command is not the kit's. */
int devkit_command(devkit_t *k, sim_node_t *n, const uint8_t *cmd, size_t len);

/* Current value of a parameter (0 for an unknown number). */
int32_t devkit_param(const devkit_t *k, uint8_t number);
/* Sends cmd to every node of group once (sim_assoc_send()): the controller
 * through sim_node_send, other nodes radio to radio. */
void devkit_send_group(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *cmd, size_t len);
/* Sends an encoder's output to the controller (an answer); len <= 0 (an
 * encoder error) sends nothing. */
void devkit_reply(sim_node_t *n, const uint8_t *buf, int len);
/* devkit_send_group() of an encoder's output; len <= 0 sends nothing. */
void devkit_send_encoded(devkit_t *k, sim_node_t *n, uint8_t group, const uint8_t *buf, int len);
/* A model timer that a newer one voids: fn runs after ms of device time with
 * the token as its data; devkit_token() reads it back for the comparison
 * with the model's current token. */
int devkit_after_token(sim_node_t *n, uint64_t ms, sim_sched_fn fn, uint32_t token);
uint32_t devkit_token(const uint8_t *data, size_t len);

/* The node's random stream: seeded from --seed and the node id on first use,
 * so it is the same on every run with the same seed and devices. */
sim_rng_t *devkit_rng(devkit_t *k, const sim_node_t *n);

/* Notification v4 for a device with one notification type and one event:
 * the Report of that event (event 0 = idle, carrying the event it clears as
 * its parameter) into out; the length or a negative code. */
int devkit_notification_encode(uint8_t type, uint8_t event, uint8_t idle_of, uint8_t *out, size_t cap);
/* Answers Notification Get / Supported Get / Event Supported Get for that
 * type and event; `active` says whether the event is the current state.
 * SIM_CMD_OK, a negative code, or ZWH_ENOTSUP for other commands. */
int devkit_notification_cmd(sim_node_t *n, const uint8_t *cmd, size_t len, uint8_t type, uint8_t event, int active);

/* Parses an integer word of a stdin event ("load 150"). 0 or ZWH_EINVAL. */
int devkit_parse_long(const char *s, long lo, long hi, long *out);
/* Parses a decimal word with up to `precision` digits after the point into a
 * scaled integer ("21.5", 1 -> 215). 0 or ZWH_EINVAL. */
int devkit_parse_fixed(const char *s, unsigned precision, long lo, long hi, long *out);

#endif
