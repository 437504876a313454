/* The lock's Lifeline (association group 1, with AGI) and its supervised
 * reports. Seed 004 ("Supervision CC"): every state change goes to the
 * Lifeline wrapped in a Supervision Get; the lock starts a 500 ms timer for
 * the Supervision Report and resends the same frame (same session id, so the
 * hub's duplicate detection answers it again without re-executing) when none
 * arrived. The retries back off ("ever larger timeouts", seed: "Lock Has a
 * Hardware Failure") and stop at the first Supervision Report.
 *
 * The retry timer is a radio-level timer: the simulated radio latencies are
 * real milliseconds, so this timer is not shortened by --time-scale (a
 * shortened one would fire before the hub's answer could arrive). */
#include <string.h>
#include "zwhost/cc/association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/battery.h"
#include "zwhost/cc/clock.h"
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/cc/time.h"
#include "zwhost/cc/time_parameters.h"
#include "zwhost/error.h"
#include "dev_lock.h"

#define RETRY_FIRST_MS 500 /* seed: "the SDK has started a 500ms timer" */
#define RETRY_MAX_TRIES 4  /* the first transmission and three resends */
#define LIFELINE_GROUP 1

static const char lifeline_name[] = "Lifeline";

/* What the lock sends to its Lifeline (AGI Command List). */
static const zwh_association_group_info_command_t lifeline_cmds[] = {
    {ZWH_CC_DOOR_LOCK, ZWH_DOOR_LOCK_OPERATION_REPORT},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_REPORT},
    {ZWH_CC_BATTERY, ZWH_BATTERY_REPORT},
    {ZWH_CC_DEVICE_RESET_LOCALLY, ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION},
    {ZWH_CC_TIME, ZWH_TIME_GET},
    {ZWH_CC_TIME, ZWH_DATE_GET},
    {ZWH_CC_TIME, ZWH_TIME_OFFSET_GET},
    {ZWH_CC_CLOCK, ZWH_CLOCK_GET},
    {ZWH_CC_TIME_PARAMETERS, ZWH_TIME_PARAMETERS_GET},
};
#define NCMDS (sizeof lifeline_cmds / sizeof lifeline_cmds[0])

void lock_lifeline_init(lock_model_t *m, int included)
{
    zwh__sup_config_t cfg;
    zwh__sup_config_default(&cfg);
    cfg.seed = 0x10C4u; /* first session id: a fixed mix with the hub's node id */
    zwh__sup_init(&m->sup, &cfg);
    memset(m->tx, 0, sizeof m->tx);
    /* a node created already in the network (--devices) was set up with the
     * controller in its Lifeline; a node that joins later gets it from the
     * host's Association Set */
    m->nlifeline = included ? 1 : 0;
    m->lifeline[0] = LOCK_CONTROLLER;
}

static int on_lifeline(const lock_model_t *m, uint16_t id)
{
    for (size_t i = 0; i < m->nlifeline; i++)
        if (m->lifeline[i] == id)
            return 1;
    return 0;
}

void lock_update_awake(lock_model_t *m)
{
    /* the MCU is awake anyway while the motor runs */
    int waiting = lock_time_waiting(m) || m->moving;
    for (size_t i = 0; i < LOCK_TX_MAX && !waiting; i++)
        waiting = m->tx[i].used;
    sim_node_keep_awake(m->node, waiting);
}

static void tx_free(lock_model_t *m, lock_tx_t *t)
{
    t->used = 0;
    t->gen = 0;
    lock_update_awake(m);
}

static void retry_cb(void *ctx, const uint8_t *data, size_t len);

/* Radio-time timer (see the header comment). */
static void tx_arm(lock_model_t *m, size_t slot, uint64_t radio_ms)
{
    lock_tx_t *t = &m->tx[slot];
    t->gen = ++m->tx_gen;
    const uint8_t d[5] = {(uint8_t)slot, (uint8_t)(t->gen >> 24), (uint8_t)(t->gen >> 16),
                          (uint8_t)(t->gen >> 8), (uint8_t)t->gen};
    double device_ms = (double)radio_ms * m->node->net->time_scale;
    sim_node_after(m->node, device_ms < 1.0 ? 1 : (uint64_t)device_ms, retry_cb, d, sizeof d);
}

static void retry_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    lock_model_t *m = n->model;
    if (len != 5 || data[0] >= LOCK_TX_MAX)
        return;
    lock_tx_t *t = &m->tx[data[0]];
    uint32_t gen = (uint32_t)data[1] << 24 | (uint32_t)data[2] << 16 | (uint32_t)data[3] << 8 | data[4];
    if (!t->used || t->gen != gen)
        return; /* answered meanwhile */
    if (t->tries >= RETRY_MAX_TRIES) {
        ZWH_LOGI(n->net->log, "lock %u: no Supervision Report for session %u after %u tries, given up", n->id,
                 t->session_id, t->tries);
        zwh__sup_tx_cancel(&m->sup, LOCK_CONTROLLER, 0, t->session_id);
        tx_free(m, t);
        return;
    }
    ZWH_LOGI(n->net->log, "lock %u: no Supervision Report for session %u in time, resending", n->id,
             t->session_id);
    sim_node_send(n, t->frame, t->len);
    tx_arm(m, data[0], (uint64_t)RETRY_FIRST_MS << t->tries);
    t->tries++;
}

void lock_report(lock_model_t *m, const uint8_t *cmd, size_t len, int supervised)
{
    sim_node_t *n = m->node;
    if (!on_lifeline(m, LOCK_CONTROLLER)) {
        ZWH_LOGD(n->net->log, "lock %u: Lifeline empty, report %02x %02x not sent", n->id, cmd[0],
                 len > 1 ? cmd[1] : 0);
        return;
    }
    if (!supervised) {
        sim_node_send(n, cmd, len);
        return;
    }
    size_t slot = 0;
    while (slot < LOCK_TX_MAX && m->tx[slot].used)
        slot++;
    if (slot == LOCK_TX_MAX) {
        /* the oldest unanswered report is given up for the new state */
        slot = 0;
        for (size_t i = 1; i < LOCK_TX_MAX; i++)
            if (m->tx[i].gen < m->tx[slot].gen)
                slot = i;
        zwh__sup_tx_cancel(&m->sup, LOCK_CONTROLLER, 0, m->tx[slot].session_id);
        m->tx[slot].used = 0;
    }
    lock_tx_t *t = &m->tx[slot];
    int flen = zwh__sup_tx_begin(&m->sup, LOCK_CONTROLLER, 0, cmd, len, false, (uint32_t)slot, lock_now_ms(m),
                                 t->frame, sizeof t->frame, &t->session_id);
    if (flen < 0) {
        ZWH_LOGW(n->net->log, "lock %u: cannot supervise a %zu-byte report: %s", n->id, len, zwh_strerror(flen));
        sim_node_send(n, cmd, len);
        return;
    }
    t->used = 1;
    t->len = (uint8_t)flen;
    t->tries = 1;
    sim_node_send(n, t->frame, t->len);
    tx_arm(m, slot, RETRY_FIRST_MS);
    lock_update_awake(m);
}

static int supervision_report(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    zwh__sup_event_t ev;
    int r = zwh__sup_tx_report(&m->sup, LOCK_CONTROLLER, 0, cmd, len, lock_now_ms(m), &ev);
    if (r <= 0 || ev.tag >= LOCK_TX_MAX)
        return r == 0 ? SIM_CMD_OK : r; /* unknown session: dropped */
    lock_tx_t *t = &m->tx[ev.tag];
    if (ev.type == ZWH__SUP_EV_PROGRESS) {
        /* WORKING: wait for the final report (duration + one retry period) */
        uint64_t s = ev.duration < 0x80 ? ev.duration : ev.duration < 0xFE ? (uint64_t)(ev.duration - 0x7F) * 60 : 30;
        tx_arm(m, ev.tag, s * 1000 + RETRY_FIRST_MS);
        return SIM_CMD_OK;
    }
    ZWH_LOGD(m->node->net->log, "lock %u: session %u answered with status %02x", m->node->id, ev.session_id,
             ev.status);
    tx_free(m, t);
    return SIM_CMD_OK;
}

/* ---- Association ---------------------------------------------------------- */

static int association(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[16 + LOCK_LIFELINE_MAX];
    int n = ZWH_ENOTSUP;
    switch (cmd[1]) {
    case ZWH_ASSOCIATION_SET: {
        zwh_association_set_t s;
        if (zwh_association_set_decode(cmd, len, &s) < 0 || s.group_id != LIFELINE_GROUP)
            return ZWH_EINVAL;
        for (size_t i = 0; i < s.node_count; i++) {
            if (on_lifeline(m, s.node_ids[i]))
                continue;
            if (m->nlifeline == LOCK_LIFELINE_MAX)
                return ZWH_ENOSPC;
            m->lifeline[m->nlifeline++] = s.node_ids[i];
        }
        return SIM_CMD_OK;
    }
    case ZWH_ASSOCIATION_REMOVE: {
        zwh_association_remove_t s;
        if (zwh_association_remove_decode(cmd, len, &s) < 0 || s.group_id > LIFELINE_GROUP)
            return ZWH_EINVAL;
        if (s.node_count == 0) {
            m->nlifeline = 0;
            return SIM_CMD_OK;
        }
        for (size_t i = 0; i < s.node_count; i++)
            for (size_t j = 0; j < m->nlifeline; j++)
                if (m->lifeline[j] == s.node_ids[i]) {
                    m->lifeline[j] = m->lifeline[--m->nlifeline];
                    break;
                }
        return SIM_CMD_OK;
    }
    case ZWH_ASSOCIATION_GET: {
        /* an unsupported group is answered with group 1 (Association v2) */
        zwh_association_report_t r = {.group_id = LIFELINE_GROUP, .max_nodes = LOCK_LIFELINE_MAX,
                                      .node_count = m->nlifeline};
        memcpy(r.node_ids, m->lifeline, m->nlifeline * sizeof r.node_ids[0]);
        n = zwh_association_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_ASSOCIATION_GROUPINGS_GET: {
        const zwh_association_groupings_report_t r = {.group_count = 1};
        n = zwh_association_groupings_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_ASSOCIATION_SPECIFIC_GROUP_GET: {
        const zwh_association_specific_group_report_t r = {.group_id = 0};
        n = zwh_association_specific_group_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    if (n < 0)
        return n;
    sim_node_send(m->node, out, (size_t)n);
    return SIM_CMD_OK;
}

static int agi(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    uint8_t out[48];
    int n;
    switch (cmd[1]) {
    case ZWH_ASSOCIATION_GROUP_INFO_NAME_GET: {
        zwh_association_group_info_name_get_t g;
        if (zwh_association_group_info_name_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_association_group_info_name_report_t r = {.group_id = g.group_id};
        if (g.group_id == LIFELINE_GROUP) {
            r.name_len = sizeof lifeline_name - 1;
            memcpy(r.name, lifeline_name, r.name_len);
        }
        n = zwh_association_group_info_name_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_ASSOCIATION_GROUP_INFO_INFO_GET: {
        zwh_association_group_info_info_get_t g;
        if (zwh_association_group_info_info_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_association_group_info_info_report_t r = {.list_mode = g.list_mode, .group_count = 1};
        r.groups[0] = (zwh_association_group_info_group_t){.group_id = LIFELINE_GROUP,
                                                            .profile = ZWH_AGI_PROFILE_GENERAL_LIFELINE};
        n = zwh_association_group_info_info_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET: {
        zwh_association_group_info_command_list_get_t g;
        if (zwh_association_group_info_command_list_get_decode(cmd, len, &g) < 0)
            return ZWH_EINVAL;
        zwh_association_group_info_command_list_report_t r = {.group_id = g.group_id};
        if (g.group_id == LIFELINE_GROUP) {
            r.command_count = NCMDS;
            memcpy(r.commands, lifeline_cmds, sizeof lifeline_cmds);
        }
        n = zwh_association_group_info_command_list_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        return ZWH_ENOTSUP;
    }
    if (n < 0)
        return n;
    sim_node_send(m->node, out, (size_t)n);
    return SIM_CMD_OK;
}

int lock_lifeline_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc)
{
    switch (cmd[0]) {
    case ZWH_CC_SUPERVISION:
        *rc = cmd[1] == ZWH_SUPERVISION_REPORT ? supervision_report(m, cmd, len) : ZWH_ENOTSUP;
        return 1;
    case ZWH_CC_ASSOCIATION:
        *rc = association(m, cmd, len);
        return 1;
    case ZWH_CC_ASSOCIATION_GROUP_INFO:
        *rc = agi(m, cmd, len);
        return 1;
    default:
        return 0;
    }
}
