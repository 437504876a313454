/* Device-side association groups for the virtual nodes (see node_assoc.h). */
#include "node_assoc.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/association.h"
#include "zwhost/cc/multi_channel_association.h"
#include "zwhost/error.h"

#define CONTROLLER_ID 1
#define BUF 256

static void reply(sim_node_t *node, const uint8_t *b, int len)
{
    if (len > 0)
        sim_node_send(node, b, (size_t)len);
}

/* 1-based group id if the node has it, else 0. */
static uint8_t has_group(const sim_assoc_view_t *a, unsigned id)
{
    return id >= 1 && id <= a->ngroups ? (uint8_t)id : 0;
}

/* The group a Get asks about: unknown ones are answered for group 1. */
static uint8_t get_group(const sim_assoc_view_t *a, unsigned id)
{
    return has_group(a, id) ? (uint8_t)id : 1;
}

static int same(const sim_assoc_dest_t *d, unsigned node, int is_ep, uint8_t ep)
{
    return d->node == node && d->is_ep == is_ep && (!is_ep || d->endpoint == ep);
}

static void add(const sim_assoc_view_t *a, uint8_t g, unsigned node, int is_ep, uint8_t ep)
{
    uint8_t *n = &a->state->n[g - 1];
    sim_assoc_dest_t *d = a->state->d[g - 1];
    if (node < 1 || node > 232)
        return;
    for (uint8_t i = 0; i < *n; i++)
        if (same(&d[i], node, is_ep, ep))
            return;
    if (*n < a->groups[g - 1].max_nodes && *n < SIM_ASSOC_MAX_DEST)
        d[(*n)++] = (sim_assoc_dest_t){(uint8_t)node, ep, (uint8_t)is_ep};
}

static void del(const sim_assoc_view_t *a, uint8_t g, unsigned node, int is_ep, uint8_t ep)
{
    uint8_t *n = &a->state->n[g - 1];
    sim_assoc_dest_t *d = a->state->d[g - 1];
    for (uint8_t i = 0; i < *n;)
        if (same(&d[i], node, is_ep, ep))
            memmove(&d[i], &d[i + 1], (size_t)(--*n - i) * sizeof d[0]);
        else
            i++;
}

void sim_assoc_add(const sim_assoc_view_t *a, uint8_t group, uint8_t node)
{
    if (has_group(a, group))
        add(a, group, node, 0, 0);
}

void sim_assoc_clear(const sim_assoc_view_t *a)
{
    memset(a->state, 0, sizeof *a->state);
}

void sim_assoc_clear_group(const sim_assoc_view_t *a, uint8_t group)
{
    if (has_group(a, group))
        a->state->n[group - 1] = 0;
}

uint8_t sim_assoc_count(const sim_assoc_view_t *a, uint8_t group)
{
    return has_group(a, group) ? a->state->n[group - 1] : 0;
}

int sim_assoc_has(const sim_assoc_view_t *a, uint8_t group, uint8_t node)
{
    for (uint8_t i = 0; i < sim_assoc_count(a, group); i++)
        if (same(&a->state->d[group - 1][i], node, 0, 0))
            return 1;
    return 0;
}

void sim_assoc_send(const sim_assoc_view_t *a, sim_node_t *node, uint8_t group, const uint8_t *cmd, size_t len)
{
    if (!has_group(a, group) || !node->id)
        return;
    const sim_assoc_dest_t *d = a->state->d[group - 1];
    for (uint8_t i = 0; i < a->state->n[group - 1]; i++) {
        int dup = 0;
        for (uint8_t j = 0; j < i; j++)
            dup |= d[j].node == d[i].node;
        if (dup || d[i].node == node->id)
            continue;
        if (d[i].node == CONTROLLER_ID)
            sim_node_send(node, cmd, len);
        else
            (void)sim_net_deliver(node->net, d[i].node, cmd, len, 0);
    }
}

static uint8_t ep_byte(const zwh_multi_channel_association_endpoint_t *e)
{
    return (uint8_t)(e->bit_address << 7 | (e->endpoint & 0x7F));
}

/* Set (remove = 0) or Remove (remove = 1), in the Multi Channel form (plain
 * Association commands fill its node list only). */
static int apply(const sim_assoc_view_t *a, const zwh_multi_channel_association_set_t *s, int remove)
{
    if (!remove ? !has_group(a, s->group_id) : s->group_id > a->ngroups)
        return ZWH_EINVAL;
    for (uint8_t g = 1; g <= a->ngroups; g++) {
        if (s->group_id != g && s->group_id != 0)
            continue;
        if (remove && s->node_count == 0 && s->endpoint_count == 0)
            a->state->n[g - 1] = 0;
        for (uint8_t i = 0; i < s->node_count; i++)
            (remove ? del : add)(a, g, s->node_ids[i], 0, 0);
        for (uint8_t i = 0; i < s->endpoint_count; i++)
            (remove ? del : add)(a, g, s->endpoints[i].node_id, 1, ep_byte(&s->endpoints[i]));
    }
    return SIM_CMD_OK;
}

static int assoc_change(const sim_assoc_view_t *a, const uint8_t *cmd, size_t len, int remove)
{
    zwh_association_set_t *p = malloc(sizeof *p);
    zwh_multi_channel_association_set_t *s = calloc(1, sizeof *s);
    int rc = ZWH_ENOMEM;
    if (p && s) {
        rc = (remove ? zwh_association_remove_decode(cmd, len, p) : zwh_association_set_decode(cmd, len, p)) < 0
                 ? ZWH_EINVAL
                 : 0;
        if (rc == 0) {
            s->group_id = p->group_id;
            s->node_count = p->node_count;
            memcpy(s->node_ids, p->node_ids, p->node_count * sizeof p->node_ids[0]);
            rc = apply(a, s, remove);
        }
    }
    free(p);
    free(s);
    return rc;
}

static int mca_change(const sim_assoc_view_t *a, const uint8_t *cmd, size_t len, int remove)
{
    zwh_multi_channel_association_set_t *s = malloc(sizeof *s);
    if (!s)
        return ZWH_ENOMEM;
    int rc = (remove ? zwh_multi_channel_association_remove_decode(cmd, len, s)
                     : zwh_multi_channel_association_set_decode(cmd, len, s)) < 0
                 ? ZWH_EINVAL
                 : apply(a, s, remove);
    free(s);
    return rc;
}

/* Association Get (mca = 0: node destinations only) or Multi Channel
 * Association Get (node and endpoint destinations). */
static int group_get(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len, int mca)
{
    zwh_association_get_t g; /* both Gets carry one group id */
    zwh_multi_channel_association_get_t mg;
    if (mca ? zwh_multi_channel_association_get_decode(cmd, len, &mg) < 0
            : zwh_association_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    uint8_t id = get_group(a, mca ? mg.group_id : g.group_id);
    zwh_multi_channel_association_report_t *r = calloc(1, sizeof *r);
    zwh_association_report_t *ar = calloc(1, sizeof *ar);
    if (!r || !ar) {
        free(r);
        free(ar);
        return ZWH_ENOMEM;
    }
    r->group_id = id;
    r->max_nodes = a->groups[id - 1].max_nodes;
    for (uint8_t i = 0; i < a->state->n[id - 1]; i++) {
        const sim_assoc_dest_t *d = &a->state->d[id - 1][i];
        if (!d->is_ep)
            r->node_ids[r->node_count++] = d->node;
        else
            r->endpoints[r->endpoint_count++] = (zwh_multi_channel_association_endpoint_t){
                d->node, (uint8_t)(d->endpoint >> 7), (uint8_t)(d->endpoint & 0x7F)};
    }
    uint8_t b[BUF];
    int n;
    if (mca) {
        n = zwh_multi_channel_association_report_encode(r, b, sizeof b);
    } else {
        ar->group_id = r->group_id;
        ar->max_nodes = r->max_nodes;
        ar->node_count = r->node_count;
        memcpy(ar->node_ids, r->node_ids, r->node_count * sizeof r->node_ids[0]);
        n = zwh_association_report_encode(ar, b, sizeof b);
    }
    reply(node, b, n);
    free(r);
    free(ar);
    return SIM_CMD_OK;
}

static int agi_name_get(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_name_get_t g;
    if (zwh_association_group_info_name_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    uint8_t id = get_group(a, g.group_id);
    const char *name = a->groups[id - 1].name ? a->groups[id - 1].name : "";
    size_t nl = strlen(name);
    zwh_association_group_info_name_report_t r = {.group_id = id};
    r.name_len = (uint8_t)(nl < sizeof r.name ? nl : sizeof r.name);
    memcpy(r.name, name, r.name_len);
    uint8_t b[BUF];
    reply(node, b, zwh_association_group_info_name_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int agi_info_get(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_info_get_t g;
    if (zwh_association_group_info_info_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    zwh_association_group_info_info_report_t r = {.list_mode = g.list_mode};
    for (uint8_t id = 1; id <= a->ngroups; id++)
        if (g.list_mode || id == get_group(a, g.group_id))
            r.groups[r.group_count++] = (zwh_association_group_info_group_t){id, 0, a->groups[id - 1].profile, 0};
    uint8_t b[BUF];
    reply(node, b, zwh_association_group_info_info_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int agi_command_list_get(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_command_list_get_t g;
    if (zwh_association_group_info_command_list_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    uint8_t id = get_group(a, g.group_id);
    const sim_assoc_group_desc_t *gd = &a->groups[id - 1];
    zwh_association_group_info_command_list_report_t r = {.group_id = id, .command_count = gd->ncmd};
    memcpy(r.commands, gd->cmds, gd->ncmd * sizeof r.commands[0]);
    uint8_t b[BUF];
    reply(node, b, zwh_association_group_info_command_list_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

int sim_assoc_command(const sim_assoc_view_t *a, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    if (len < 2 || a->ngroups == 0)
        return ZWH_ENOTSUP;
    uint8_t b[8];
    if (cmd[0] == ZWH_CC_ASSOCIATION) {
        switch (cmd[1]) {
        case ZWH_ASSOCIATION_SET:
        case ZWH_ASSOCIATION_REMOVE:
            return assoc_change(a, cmd, len, cmd[1] == ZWH_ASSOCIATION_REMOVE);
        case ZWH_ASSOCIATION_GET:
            return group_get(a, node, cmd, len, 0);
        case ZWH_ASSOCIATION_GROUPINGS_GET: {
            zwh_association_groupings_report_t r = {a->ngroups};
            reply(node, b, zwh_association_groupings_report_encode(&r, b, sizeof b));
            return SIM_CMD_OK;
        }
        case ZWH_ASSOCIATION_SPECIFIC_GROUP_GET: {
            zwh_association_specific_group_report_t r = {0}; /* no button selects a group */
            reply(node, b, zwh_association_specific_group_report_encode(&r, b, sizeof b));
            return SIM_CMD_OK;
        }
        default:
            return ZWH_ENOTSUP;
        }
    }
    if (cmd[0] == ZWH_CC_MULTI_CHANNEL_ASSOCIATION && a->mca) {
        switch (cmd[1]) {
        case ZWH_MULTI_CHANNEL_ASSOCIATION_SET:
        case ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE:
            return mca_change(a, cmd, len, cmd[1] == ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE);
        case ZWH_MULTI_CHANNEL_ASSOCIATION_GET:
            return group_get(a, node, cmd, len, 1);
        case ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_GET: {
            zwh_multi_channel_association_groupings_report_t r = {a->ngroups};
            reply(node, b, zwh_multi_channel_association_groupings_report_encode(&r, b, sizeof b));
            return SIM_CMD_OK;
        }
        default:
            return ZWH_ENOTSUP;
        }
    }
    if (cmd[0] == ZWH_CC_ASSOCIATION_GROUP_INFO && a->agi) {
        if (cmd[1] == ZWH_ASSOCIATION_GROUP_INFO_NAME_GET)
            return agi_name_get(a, node, cmd, len);
        if (cmd[1] == ZWH_ASSOCIATION_GROUP_INFO_INFO_GET)
            return agi_info_get(a, node, cmd, len);
        if (cmd[1] == ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET)
            return agi_command_list_get(a, node, cmd, len);
    }
    return ZWH_ENOTSUP;
}
