/* Network management: AddNodeToNetwork and RemoveNodeFromNetwork with their
 * callback sequences, and the failed-node functions. A --pending device joins
 * when inclusion runs; exclusion removes the node chosen with "exclude N" on
 * stdin, else the highest-numbered node. */
#include "ctrl_int.h"
#include "node_security.h"

#include <stdint.h>
#include <string.h>

/* AddNode/RemoveNode modes and statuses */
#define NM_ANY 0x01
#define NM_CONTROLLER 0x02
#define NM_END_NODE 0x03
#define NM_EXISTING 0x04
#define NM_STOP 0x05
#define NM_STOP_FAILED 0x06
#define NM_ANY_S2 0x07
#define NM_SMART_START_INCLUDE 0x08
#define NM_SMART_START_LISTEN 0x09

#define ST_READY 0x01
#define ST_FOUND 0x02
#define ST_ADDING_END_NODE 0x03 /* also REMOVING_END_NODE */
#define ST_PROTOCOL_DONE 0x05
#define ST_DONE 0x06
#define ST_FAILED 0x07

/* steps of the running operation */
enum { STEP_READY = 1, STEP_FOUND, STEP_ADDING, STEP_PROTOCOL_DONE, STEP_DONE };

#define NM_FOUND_MS 200   /* the user presses the device's button */
#define NM_STEP_MS 100
#define NM_PROTOCOL_MS 300 /* node id assignment and neighbour discovery */
#define SS_ANNOUNCE_MS 400 /* a SmartStart device's prime frames (real ones back off to minutes) */
#define UPDATE_SMARTSTART_PRIME 0x85

/* RemoveFailed/ReplaceFailed */
#define FAILED_STARTED 0x00
#define FAILED_NOT_FOUND 0x08
#define FAILED_NO_CALLBACK 0x04
#define FAILED_NODE_OK 0x00
#define FAILED_REMOVED 0x01
#define REPLACE_READY 0x03
#define REPLACE_DONE 0x04
#define REPLACE_FAILED 0x05
#define REPLACE_WAIT_MS 5000

/* cb status nid len [basic generic specific cc...] */
static void nm_send(sim_ctrl_t *c, uint8_t func, uint8_t cb, uint8_t status, uint16_t nid,
                    const sim_node_t *info)
{
    if (!cb)
        return;
    uint8_t p[5 + 3 + SIM_NIF_MAX_CC];
    zwh__wr_t w;
    zwh__wr_init(&w, p, sizeof p);
    zwh__wr_u8(&w, cb);
    zwh__wr_u8(&w, status);
    sim_ctrl_wr_nid(c, &w, nid);
    if (info) {
        zwh__wr_u8(&w, (uint8_t)(3 + info->nif.ncc));
        zwh__wr_u8(&w, info->nif.basic);
        zwh__wr_u8(&w, info->nif.generic);
        zwh__wr_u8(&w, info->nif.specific);
        zwh__wr_bytes(&w, info->nif.cc, info->nif.ncc);
    } else {
        zwh__wr_u8(&w, 0);
    }
    sim_ctrl_req(c, func, p, zwh__wr_len(&w));
}

static void nm_callback(sim_ctrl_t *c, uint8_t func, uint8_t status, uint16_t nid, const sim_node_t *info)
{
    nm_send(c, func, c->nm.cb, status, nid, info);
}

static uint16_t next_free_id(sim_ctrl_t *c)
{
    uint16_t id = c->last_assigned;
    for (int i = 0; i < SIM_MAX_NODE_ID; i++) {
        id = (uint16_t)(id >= SIM_MAX_NODE_ID ? 2 : id + 1);
        if (id != c->own_id && !sim_net_node(c->net, id))
            return id;
    }
    return 0;
}

/* ---- SmartStart ----
 * While listening (AddNode 09), each pending SmartStart device's prime frame is
 * reported as ApplicationUpdate 85 `nid(0) rxStatus nwiHomeId[4] len basic
 * generic specific cc...`; any other AddNode/RemoveNode call ends listening. */
static void ss_stop(sim_ctrl_t *c)
{
    c->ss_listen = 0;
    sim_sched_cancel(c->sched, c, CTAG_SMARTSTART);
}

static void ss_announce(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_ctrl_t *c = ctx;
    if (!c->ss_listen)
        return;
    for (size_t i = 0; c->nm.op == SIM_NM_IDLE && i < c->net->npending; i++) {
        const sim_node_t *n = c->net->pending[i];
        uint32_t nwi;
        if (!n->smartstart || sim_node_sec_nwi_home_id(n, &nwi) < 0)
            continue;
        uint8_t p[9 + 3 + SIM_NIF_MAX_CC];
        zwh__wr_t w;
        zwh__wr_init(&w, p, sizeof p);
        zwh__wr_u8(&w, UPDATE_SMARTSTART_PRIME);
        sim_ctrl_wr_nid(c, &w, 0);
        zwh__wr_u8(&w, 0x00); /* rx status: single cast */
        zwh__wr_u32(&w, nwi);
        zwh__wr_u8(&w, (uint8_t)(3 + n->nif.ncc));
        zwh__wr_u8(&w, n->nif.basic);
        zwh__wr_u8(&w, n->nif.generic);
        zwh__wr_u8(&w, n->nif.specific);
        zwh__wr_bytes(&w, n->nif.cc, n->nif.ncc);
        sim_ctrl_req(c, F_APP_UPDATE, p, zwh__wr_len(&w));
    }
    sim_sched_after(c->sched, SS_ANNOUNCE_MS, ss_announce, c, CTAG_SMARTSTART, NULL, 0);
}

/* The pending SmartStart device AddNode 08's home id bytes name: the first four
 * are its NWI home id (zwave-js) or DSK bytes 8..11 (UIC), which give the same
 * NWI home id once bits are set as the device sets them. SIZE_MAX if none. */
static size_t ss_find(const sim_ctrl_t *c, const uint8_t ids[8])
{
    uint32_t want = ((uint32_t)(ids[0] | 0xC0) << 24) | ((uint32_t)ids[1] << 16) | ((uint32_t)ids[2] << 8) |
                    (uint32_t)(ids[3] & 0xFE);
    for (size_t i = 0; i < c->net->npending; i++) {
        uint32_t nwi;
        if (c->net->pending[i]->smartstart && sim_node_sec_nwi_home_id(c->net->pending[i], &nwi) == 0 &&
            nwi == want)
            return i;
    }
    return SIZE_MAX;
}

void sim_ctrl_nm_cancel(sim_ctrl_t *c)
{
    ss_stop(c);
    sim_sched_cancel(c->sched, c, CTAG_NM);
    /* a device found but not yet included goes back to waiting */
    if (c->nm.op == SIM_NM_ADD && c->nm.dev && !c->nm.dev->id && sim_net_add_pending(c->net, c->nm.dev) < 0)
        sim_node_free(c->nm.dev);
    memset(&c->nm, 0, sizeof c->nm);
}

static void add_step(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_ctrl_t *c = ctx;
    switch (c->nm.step) {
    case STEP_READY: /* a pending device's button was pressed (SmartStart: already chosen) */
        if (!c->nm.dev)
            c->nm.dev = sim_net_take_pending(c->net);
        if (!c->nm.dev)
            return;
        c->nm.step = STEP_FOUND;
        nm_callback(c, F_ADD_NODE, ST_FOUND, 0, NULL);
        sim_sched_after(c->sched, NM_STEP_MS, add_step, c, CTAG_NM, NULL, 0);
        break;
    case STEP_FOUND:
        c->nm.nid = next_free_id(c);
        if (!c->nm.nid) {
            ZWH_LOGW(c->log, "AddNode: network full");
            nm_callback(c, F_ADD_NODE, ST_FAILED, 0, NULL);
            sim_ctrl_nm_cancel(c);
            return;
        }
        c->nm.step = STEP_ADDING;
        nm_callback(c, F_ADD_NODE, ST_ADDING_END_NODE, c->nm.nid, c->nm.dev);
        sim_sched_after(c->sched, NM_PROTOCOL_MS, add_step, c, CTAG_NM, NULL, 0);
        break;
    case STEP_ADDING:
        sim_net_include(c->net, c->nm.dev, c->nm.nid);
        c->last_assigned = c->nm.nid;
        c->failed[c->nm.nid] = 0;
        ZWH_LOGI(c->log, "AddNode: %s included as node %u", c->nm.dev->type->name, c->nm.nid);
        c->nm.step = STEP_PROTOCOL_DONE;
        nm_callback(c, F_ADD_NODE, ST_PROTOCOL_DONE, c->nm.nid, NULL);
        sim_node_sec_joined(c->nm.dev); /* S2/S0 bootstrap as the joining node, then on_included */
        break;
    default:
        break;
    }
}

static void nm_start(sim_ctrl_t *c, int op, uint8_t cb)
{
    memset(&c->nm, 0, sizeof c->nm);
    c->nm.op = op;
    c->nm.cb = cb;
    c->nm.step = STEP_READY;
}

/* STOP: ends the operation; DONE with the node id if one was added/removed. */
static void nm_stop(sim_ctrl_t *c, uint8_t func, uint8_t cb)
{
    int done = c->nm.step >= STEP_PROTOCOL_DONE;
    uint16_t nid = c->nm.nid;
    sim_sched_cancel(c->sched, c, CTAG_NM);
    if (func == F_ADD_NODE && c->nm.dev && !c->nm.dev->id) {
        /* stopped before the protocol part finished: the device stays out */
        if (sim_net_add_pending(c->net, c->nm.dev) < 0)
            sim_node_free(c->nm.dev);
    }
    memset(&c->nm, 0, sizeof c->nm);
    if (done)
        nm_send(c, func, cb, ST_DONE, nid, NULL);
    else
        nm_send(c, func, cb, ST_FAILED, 0, NULL);
}

void sim_ctrl_fn_add_node(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t mode = zwh__rd_u8(r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t kind = mode & 0x0F;
    if (kind == NM_SMART_START_LISTEN) {
        ZWH_LOGI(c->log, "AddNode: SmartStart listening enabled");
        if (c->nm.op == SIM_NM_IDLE && !c->ss_listen) {
            c->ss_listen = 1;
            sim_sched_after(c->sched, SS_ANNOUNCE_MS, ss_announce, c, CTAG_SMARTSTART, NULL, 0);
        }
        return;
    }
    ss_stop(c);
    if (kind == NM_STOP || kind == NM_STOP_FAILED) {
        if (c->nm.op == SIM_NM_ADD)
            nm_stop(c, F_ADD_NODE, cb);
        else
            nm_send(c, F_ADD_NODE, cb, ST_FAILED, 0, NULL);
        return;
    }
    if (kind == NM_SMART_START_INCLUDE) {
        uint8_t ids[8];
        zwh__rd_copy(r, ids, sizeof ids);
        size_t i = zwh__rd_ok(r) && c->nm.op == SIM_NM_IDLE ? ss_find(c, ids) : SIZE_MAX;
        if (i == SIZE_MAX) {
            ZWH_LOGW(c->log, "AddNode SmartStart: no such device announces itself: FAILED");
            nm_send(c, F_ADD_NODE, cb, ST_FAILED, 0, NULL);
            return;
        }
        nm_start(c, SIM_NM_ADD, cb);
        c->nm.dev = sim_net_take_pending_at(c->net, i);
        ZWH_LOGI(c->log, "AddNode: SmartStart inclusion of %s", c->nm.dev->type->name);
        nm_callback(c, F_ADD_NODE, ST_READY, 0, NULL);
        sim_sched_after(c->sched, NM_STEP_MS, add_step, c, CTAG_NM, NULL, 0);
        return;
    }
    if (kind == NM_EXISTING) {
        ZWH_LOGW(c->log, "AddNode mode %02x not simulated", mode);
        nm_send(c, F_ADD_NODE, cb, ST_FAILED, 0, NULL);
        return;
    }
    if (c->nm.op != SIM_NM_IDLE) {
        ZWH_LOGW(c->log, "AddNode while another operation runs: FAILED");
        nm_send(c, F_ADD_NODE, cb, ST_FAILED, 0, NULL);
        return;
    }
    nm_start(c, SIM_NM_ADD, cb);
    ZWH_LOGI(c->log, "AddNode: ready (mode %02x)%s", mode,
             sim_net_peek_pending(c->net) ? ", a device is waiting" : "");
    nm_callback(c, F_ADD_NODE, ST_READY, 0, NULL);
    /* end nodes answer ANY, END_NODE and ANY_S2; CONTROLLER finds nobody */
    if (kind != NM_CONTROLLER && sim_net_peek_pending(c->net))
        sim_sched_after(c->sched, NM_FOUND_MS, add_step, c, CTAG_NM, NULL, 0);
}

static void remove_step(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_ctrl_t *c = ctx;
    sim_node_t *n = sim_ctrl_node(c, c->nm.nid);
    if (!n) {
        sim_ctrl_nm_cancel(c);
        return;
    }
    switch (c->nm.step) {
    case STEP_READY:
        c->nm.step = STEP_FOUND;
        nm_callback(c, F_REMOVE_NODE, ST_FOUND, 0, NULL);
        sim_sched_after(c->sched, NM_STEP_MS, remove_step, c, CTAG_NM, NULL, 0);
        break;
    case STEP_FOUND:
        c->nm.step = STEP_ADDING;
        nm_callback(c, F_REMOVE_NODE, ST_ADDING_END_NODE, c->nm.nid, n);
        sim_sched_after(c->sched, NM_PROTOCOL_MS, remove_step, c, CTAG_NM, NULL, 0);
        break;
    case STEP_ADDING:
        c->nm.step = STEP_DONE;
        sim_node_free(sim_net_exclude(c->net, c->nm.nid));
        c->failed[c->nm.nid] = 0;
        if (c->exclude_target == c->nm.nid)
            c->exclude_target = 0;
        ZWH_LOGI(c->log, "RemoveNode: node %u excluded", c->nm.nid);
        nm_callback(c, F_REMOVE_NODE, ST_DONE, c->nm.nid, NULL);
        break;
    default:
        break;
    }
}

void sim_ctrl_fn_remove_node(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t mode = zwh__rd_u8(r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    ss_stop(c);
    uint8_t kind = mode & 0x0F;
    if (kind == NM_STOP) {
        if (c->nm.op == SIM_NM_REMOVE)
            nm_stop(c, F_REMOVE_NODE, cb);
        else
            nm_send(c, F_REMOVE_NODE, cb, ST_FAILED, 0, NULL);
        return;
    }
    if (c->nm.op != SIM_NM_IDLE) {
        nm_send(c, F_REMOVE_NODE, cb, ST_FAILED, 0, NULL);
        return;
    }
    nm_start(c, SIM_NM_REMOVE, cb);
    uint16_t target = c->exclude_target;
    if (!target || !sim_ctrl_node(c, target))
        target = sim_net_max_id(c->net);
    ZWH_LOGI(c->log, "RemoveNode: ready (mode %02x), node %u will answer", mode, target);
    nm_callback(c, F_REMOVE_NODE, ST_READY, 0, NULL);
    if (target && kind != NM_CONTROLLER) {
        c->nm.nid = target;
        sim_sched_after(c->sched, NM_FOUND_MS, remove_step, c, CTAG_NM, NULL, 0);
    }
}

/* ---- failed nodes ---------------------------------------------------------- */

/* Reads "nid cb" and answers the RES flags. When the operation starts, fills
 * d = nid(2) cb for the delayed step and returns 1. */
static int failed_begin(sim_ctrl_t *c, zwh__rd_t *r, uint8_t func, uint8_t d[3])
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return 0;
    uint8_t flags = FAILED_STARTED;
    if (!cb)
        flags = FAILED_NO_CALLBACK;
    else if (!sim_ctrl_node(c, nid) || !c->failed[nid])
        flags = FAILED_NOT_FOUND;
    sim_ctrl_res(c, func, &flags, 1);
    d[0] = (uint8_t)(nid >> 8);
    d[1] = (uint8_t)nid;
    d[2] = cb;
    return flags == FAILED_STARTED;
}

/* data = nid(2) cb */
static void remove_failed_done(void *ctx, const uint8_t *data, size_t len)
{
    (void)len;
    sim_ctrl_t *c = ctx;
    uint16_t nid = (uint16_t)(data[0] << 8 | data[1]);
    uint8_t p[2] = {data[2], FAILED_NODE_OK};
    sim_node_t *n = sim_ctrl_node(c, nid);
    if (n && sim_node_reachable(n)) {
        c->failed[nid] = 0; /* it answered the check: not removed */
    } else {
        sim_node_free(sim_net_exclude(c->net, nid));
        c->failed[nid] = 0;
        p[1] = FAILED_REMOVED;
        ZWH_LOGI(c->log, "RemoveFailedNode: node %u removed", nid);
    }
    sim_ctrl_req(c, F_REMOVE_FAILED, p, 2);
}

void sim_ctrl_fn_remove_failed(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t d[3];
    if (failed_begin(c, r, F_REMOVE_FAILED, d))
        sim_sched_after(c->sched, NM_PROTOCOL_MS, remove_failed_done, c, CTAG_MISC, d, sizeof d);
}

void sim_ctrl_fn_is_failed(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t v = nid <= SIM_MAX_NODE_ID && c->failed[nid] ? 0x01 : 0x00;
    sim_ctrl_res(c, F_IS_FAILED, &v, 1);
}

/* data = nid(2) cb */
static void replace_step(void *ctx, const uint8_t *data, size_t len)
{
    (void)len;
    sim_ctrl_t *c = ctx;
    uint16_t nid = (uint16_t)(data[0] << 8 | data[1]);
    uint8_t p[2] = {data[2], REPLACE_FAILED};
    sim_node_t *dev = sim_net_take_pending(c->net);
    if (dev) {
        sim_node_free(sim_net_exclude(c->net, nid));
        sim_net_include(c->net, dev, nid);
        c->failed[nid] = 0;
        p[1] = REPLACE_DONE;
        ZWH_LOGI(c->log, "ReplaceFailedNode: node %u is now a %s", nid, dev->type->name);
    }
    sim_ctrl_req(c, F_REPLACE_FAILED, p, 2);
    if (dev)
        sim_node_sec_joined(dev);
}

void sim_ctrl_fn_replace_failed(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t d[3];
    if (!failed_begin(c, r, F_REPLACE_FAILED, d))
        return;
    /* ready: now the new device is activated; it joins if one is pending */
    const uint8_t ready[2] = {d[2], REPLACE_READY};
    sim_ctrl_req_later(c, NM_STEP_MS, CTAG_MISC, F_REPLACE_FAILED, ready, 2);
    sim_sched_after(c->sched, sim_net_peek_pending(c->net) ? NM_FOUND_MS + NM_PROTOCOL_MS : REPLACE_WAIT_MS,
                    replace_step, c, CTAG_MISC, d, sizeof d);
}
