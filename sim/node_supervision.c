/* Node-side Supervision for the virtual nodes: a Supervision Get addressed to
 * a node is unwrapped with src/encap's session bookkeeping, the inner command
 * goes to the model once (a repeated session is re-answered from the stored
 * report, never re-delivered), and the model's result becomes the Supervision
 * Report (see SIM_CMD_* in nodes.h). A model that answered WORKING finishes
 * the session later with sim_node_sup_done(). */
#include <stdlib.h>
#include "encap/supervision.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/error.h"
#include "nodes.h"

#define CONTROLLER_ID 1
#define TOKEN_FLAG 0x10000u
#define TOKEN_UPDATES 0x20000u /* the Get asked for status updates */

struct sim_node_sup {
    zwh__sup_t engine;
};

static uint64_t now_ms(const sim_node_t *n)
{
    return uv_now(n->net->sched->loop);
}

static struct sim_node_sup *sup_of(sim_node_t *n)
{
    if (!n->sup) {
        n->sup = calloc(1, sizeof *n->sup);
        if (n->sup)
            zwh__sup_init(&n->sup->engine, NULL);
    }
    return n->sup;
}

uint32_t sim_node_sup_token(const sim_node_t *n)
{
    return n->sup_token;
}

void sim_node_sup_working(sim_node_t *n, uint8_t duration)
{
    n->sup_duration = duration;
}

static void send_report(sim_node_t *n, uint8_t session_id, uint8_t status, uint8_t duration)
{
    uint8_t rep[ZWH__SUP_REPORT_LEN];
    int len = zwh__sup_rx_report(&n->sup->engine, CONTROLLER_ID, 0, session_id, status, duration,
                                 now_ms(n), rep, sizeof rep);
    if (len > 0)
        sim_node_send(n, rep, (size_t)len);
}

int sim_node_sup_done(sim_node_t *n, uint32_t token, uint8_t status)
{
    if (!n->sup || !(token & TOKEN_FLAG))
        return ZWH_EINVAL;
    /* Supervision v2: without the Status Updates bit in the Get, the first
     * report (the WORKING one) was the only report the sender gets */
    if (token & TOKEN_UPDATES)
        send_report(n, (uint8_t)(token & 0x3F), status, 0);
    return 0;
}

static uint8_t status_of(int rc)
{
    if (rc == SIM_CMD_OK)
        return ZWH_SUPERVISION_SUCCESS;
    if (rc == SIM_CMD_WORKING)
        return ZWH_SUPERVISION_WORKING;
    if (rc == ZWH_ENOTSUP)
        return ZWH_SUPERVISION_NO_SUPPORT;
    return ZWH_SUPERVISION_FAIL;
}

void sim_node_sup_get(sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    struct sim_node_sup *s = sup_of(n);
    if (!s)
        return;
    zwh__sup_rx_t rx;
    int v = zwh__sup_rx_get(&s->engine, CONTROLLER_ID, 0, cmd, len, now_ms(n), &rx);
    if (v == ZWH__SUP_RX_REPEAT) {
        ZWH_LOGD(n->net->log, "node %u: repeated Supervision session %u, re-answered", n->id,
                 rx.session_id);
        if (rx.report_len)
            sim_node_send(n, rx.report, rx.report_len);
        return;
    }
    if (v != ZWH__SUP_RX_DELIVER) {
        ZWH_LOGD(n->net->log, "node %u: malformed Supervision Get dropped", n->id);
        return;
    }
    int rc = ZWH_ENOTSUP;
    n->sup_token = TOKEN_FLAG | (rx.status_updates ? TOKEN_UPDATES : 0u) | rx.session_id;
    n->sup_duration = 0;
    if (n->type->ops && n->type->ops->on_command)
        rc = n->type->ops->on_command(n->model, n, cmd + rx.cmd_offset, rx.cmd_len, rx_flags);
    n->sup_token = 0;
    send_report(n, rx.session_id, status_of(rc), rc == SIM_CMD_WORKING ? n->sup_duration : 0);
}

void sim_node_sup_free(sim_node_t *n)
{
    free(n->sup);
    n->sup = NULL;
}
