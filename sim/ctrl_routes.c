/* Routing and SUC functions: return routes, neighbour update, routing table,
 * SUC node id. The simulated radio has every node in direct range, so routes
 * always "work" for nodes that answer. */
#include "ctrl_int.h"

#include <string.h>

#define ROUTE_MS 80
#define NEIGHBOR_MS 400
#define NEIGHBOR_STARTED 0x21
#define NEIGHBOR_DONE 0x22
#define NEIGHBOR_FAILED 0x23
#define SUC_SET_FAILED 0x06
#define NODEMASK_LEN 29

static uint8_t reach_status(const sim_ctrl_t *c, uint16_t nid)
{
    const sim_node_t *n = sim_ctrl_node(c, nid);
    return n && sim_node_reachable(n) && c->rf_on ? TX_OK : TX_NO_ACK;
}

/* RES 01, then CB cb txStatus (the node is told the route over the air). */
static void route_op(sim_ctrl_t *c, uint8_t func, uint16_t nid, uint8_t cb, int ok)
{
    uint8_t res = ok ? 0x01 : 0x00;
    sim_ctrl_res(c, func, &res, 1);
    if (!ok || !cb)
        return;
    const uint8_t p[2] = {cb, reach_status(c, nid)};
    sim_ctrl_req_later(c, ROUTE_MS, CTAG_MISC, func, p, 2);
}

void sim_ctrl_fn_assign_return_route(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t src = sim_ctrl_rd_nid(c, r);
    uint16_t dst = sim_ctrl_rd_nid(c, r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    route_op(c, F_ASSIGN_RETURN_ROUTE, src, cb, src != dst && src != c->own_id);
}

void sim_ctrl_fn_node_route_op(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    route_op(c, c->cur_func, nid, cb, nid != c->own_id);
}

void sim_ctrl_fn_neighbor_update(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r) || !cb)
        return;
    /* no RES; STARTED then DONE, or FAILED at once if the node does not answer */
    if (reach_status(c, nid) != TX_OK) {
        const uint8_t p[2] = {cb, NEIGHBOR_FAILED};
        sim_ctrl_req_later(c, ROUTE_MS, CTAG_MISC, F_NEIGHBOR_UPDATE, p, 2);
        return;
    }
    const uint8_t started[2] = {cb, NEIGHBOR_STARTED};
    const uint8_t done[2] = {cb, NEIGHBOR_DONE};
    sim_ctrl_req_later(c, 10, CTAG_MISC, F_NEIGHBOR_UPDATE, started, 2);
    sim_ctrl_req_later(c, NEIGHBOR_MS, CTAG_MISC, F_NEIGHBOR_UPDATE, done, 2);
}

void sim_ctrl_fn_get_routing_info(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    uint8_t remove_bad = zwh__rd_u8(r);
    uint8_t remove_non_repeaters = zwh__rd_u8(r);
    (void)remove_bad;
    if (!zwh__rd_ok(r) && nid == 0)
        return;
    /* zwave-js packs the flags in one byte: 0x40 = remove non-repeaters */
    int only_repeaters = remove_non_repeaters != 0 || (remove_bad & 0x40);
    uint8_t mask[NODEMASK_LEN] = {0};
    if (nid == c->own_id || sim_ctrl_node(c, nid)) {
        for (uint16_t id = 1; id <= SIM_MAX_NODE_ID; id++) {
            const sim_node_t *n = sim_ctrl_node(c, id);
            if (id == nid || (id != c->own_id && !n))
                continue;
            if (only_repeaters && n && n->mode != SIM_NODE_LISTENING)
                continue;
            mask[(id - 1) / 8] |= (uint8_t)(1u << ((id - 1) % 8));
        }
    }
    sim_ctrl_res(c, F_GET_ROUTING_INFO, mask, sizeof mask);
}

void sim_ctrl_fn_set_suc(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    uint8_t enable = zwh__rd_u8(r);
    uint8_t txo = zwh__rd_u8(r);
    uint8_t caps = zwh__rd_u8(r);
    uint8_t cb = zwh__rd_u8(r);
    (void)txo;
    (void)caps;
    if (!zwh__rd_ok(r))
        return;
    const uint8_t ok = 0x01;
    sim_ctrl_res(c, F_SET_SUC_NODE_ID, &ok, 1);
    if (nid == c->own_id) {
        /* setting itself: done at once, no callback */
        if (enable)
            c->suc_id = c->own_id;
        else if (c->suc_id == c->own_id)
            c->suc_id = 0;
        return;
    }
    /* the virtual nodes are end nodes: they cannot become SUC */
    if (cb) {
        const uint8_t p[2] = {cb, SUC_SET_FAILED};
        sim_ctrl_req_later(c, ROUTE_MS, CTAG_MISC, F_SET_SUC_NODE_ID, p, 2);
    }
}

void sim_ctrl_fn_get_suc(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[2];
    zwh__wr_t w;
    zwh__wr_init(&w, p, sizeof p);
    sim_ctrl_wr_nid(c, &w, c->suc_id);
    sim_ctrl_res(c, F_GET_SUC_NODE_ID, p, zwh__wr_len(&w));
}
