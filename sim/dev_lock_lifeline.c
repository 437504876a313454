/* The lock's Lifeline (association group 1, with AGI) and its supervised
 * reports. Seed 004 ("Supervision CC"): every state change goes to the
 * Lifeline wrapped in a Supervision Get; the lock starts a 500 ms timer for
 * the Supervision Report and resends the same frame (same session id, so the
 * hub's duplicate detection answers it again without re-executing) when none
 * arrived. The retries back off ("ever larger timeouts", seed: "Lock Has a
 * Hardware Failure") and stop at the first Supervision Report.
 *
 * The Lifeline's Association and AGI commands are node_assoc.c's.
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

/* The one group; its AGI Command List is what the lock sends to the Lifeline. */
static const sim_assoc_group_desc_t lifeline_group[] = {
    {"Lifeline", ZWH_AGI_PROFILE_GENERAL_LIFELINE, LOCK_LIFELINE_MAX, 9,
     {{ZWH_CC_DOOR_LOCK, ZWH_DOOR_LOCK_OPERATION_REPORT},
      {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_REPORT},
      {ZWH_CC_BATTERY, ZWH_BATTERY_REPORT},
      {ZWH_CC_DEVICE_RESET_LOCALLY, ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION},
      {ZWH_CC_TIME, ZWH_TIME_GET},
      {ZWH_CC_TIME, ZWH_DATE_GET},
      {ZWH_CC_TIME, ZWH_TIME_OFFSET_GET},
      {ZWH_CC_CLOCK, ZWH_CLOCK_GET},
      {ZWH_CC_TIME_PARAMETERS, ZWH_TIME_PARAMETERS_GET}}},
};

/* Association and AGI (no Multi Channel Association) over the Lifeline. */
static sim_assoc_view_t lifeline(lock_model_t *m)
{
    sim_assoc_view_t a = {lifeline_group, 1, &m->assoc, 0, 1};
    return a;
}

uint8_t lock_lifeline_count(lock_model_t *m)
{
    sim_assoc_view_t a = lifeline(m);
    return sim_assoc_count(&a, LIFELINE_GROUP);
}

void lock_lifeline_clear(lock_model_t *m)
{
    sim_assoc_view_t a = lifeline(m);
    sim_assoc_clear(&a);
}

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
    sim_assoc_view_t a = lifeline(m);
    sim_assoc_clear(&a);
    if (included)
        sim_assoc_add(&a, LIFELINE_GROUP, LOCK_CONTROLLER);
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
    sim_assoc_view_t a = lifeline(m);
    if (!sim_assoc_has(&a, LIFELINE_GROUP, LOCK_CONTROLLER)) {
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

int lock_lifeline_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc)
{
    switch (cmd[0]) {
    case ZWH_CC_SUPERVISION:
        *rc = cmd[1] == ZWH_SUPERVISION_REPORT ? supervision_report(m, cmd, len) : ZWH_ENOTSUP;
        return 1;
    case ZWH_CC_ASSOCIATION:
    case ZWH_CC_ASSOCIATION_GROUP_INFO: {
        sim_assoc_view_t a = lifeline(m);
        *rc = sim_assoc_command(&a, m->node, cmd, len);
        return 1;
    }
    default:
        return 0;
    }
}
