/* Device-side association groups for the virtual nodes: Association (0x85,
 * v2+ Specific Group), Multi Channel Association (0x8E) and Association Group
 * Information (0x59) over one set of groups, as the specifications want them
 * shared (a plain Association Get shows the node destinations of a group, a
 * Multi Channel Association Get also its endpoint destinations).
 *
 * A model describes its groups in a const table and keeps a sim_assoc_t;
 * sim_assoc_command() answers the commands, sim_assoc_send() sends to every
 * node of a group once (the controller through sim_node_send(), other virtual
 * nodes by direct delivery).
 *
 * Device-side rules: Set on a group the node lacks is refused (ZWH_EINVAL);
 * a full group takes no more destinations (the rest is ignored); Remove with
 * group 0 acts on every group, with no destinations it empties the group(s);
 * Get, AGI Name/Command List Get for a group the node lacks answer for group 1. */
#ifndef ZWH_SIM_NODE_ASSOC_H
#define ZWH_SIM_NODE_ASSOC_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/cc/association_group_info.h"
#include "nodes.h"

#define SIM_ASSOC_MAX_GROUPS 8
#define SIM_ASSOC_MAX_DEST 10
#define SIM_ASSOC_MAX_CMDS 10

typedef struct sim_assoc_group_desc {
    const char *name;  /* AGI name */
    uint16_t profile;  /* AGI profile, e.g. ZWH_AGI_PROFILE_GENERAL_LIFELINE */
    uint8_t max_nodes; /* <= SIM_ASSOC_MAX_DEST */
    uint8_t ncmd;
    zwh_association_group_info_command_t cmds[SIM_ASSOC_MAX_CMDS]; /* what the group sends */
} sim_assoc_group_desc_t;

typedef struct sim_assoc_dest {
    uint8_t node;
    uint8_t endpoint; /* endpoint destinations: endpoint byte (bit 7 = bit address) */
    uint8_t is_ep;
} sim_assoc_dest_t;

typedef struct sim_assoc {
    uint8_t n[SIM_ASSOC_MAX_GROUPS];
    sim_assoc_dest_t d[SIM_ASSOC_MAX_GROUPS][SIM_ASSOC_MAX_DEST];
} sim_assoc_t;

/* A model's view: its group table (group 1 first), its state, and which
 * classes it has (Association is always answered). */
typedef struct sim_assoc_view {
    const sim_assoc_group_desc_t *groups;
    uint8_t ngroups; /* <= SIM_ASSOC_MAX_GROUPS */
    sim_assoc_t *state;
    uint8_t mca; /* Multi Channel Association */
    uint8_t agi; /* Association Group Information */
} sim_assoc_view_t;

/* Adds node to group (1-based); ignored when full or already there. */
void sim_assoc_add(const sim_assoc_view_t *a, uint8_t group, uint8_t node);
/* Empties every group, or one group. */
void sim_assoc_clear(const sim_assoc_view_t *a);
void sim_assoc_clear_group(const sim_assoc_view_t *a, uint8_t group);
/* How many destinations group has (0 for a group the node lacks); whether
 * node (as a node destination) is one of them. */
uint8_t sim_assoc_count(const sim_assoc_view_t *a, uint8_t group);
int sim_assoc_has(const sim_assoc_view_t *a, uint8_t group, uint8_t node);
/* A 0x85 / 0x8E / 0x59 command: SIM_CMD_OK, ZWH_EINVAL or ZWH_ENOTSUP. */
int sim_assoc_command(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len);
/* Sends cmd from node to every destination node of group once. */
void sim_assoc_send(const sim_assoc_view_t *a, sim_node_t *node, uint8_t group, const uint8_t *cmd, size_t len);

#endif
