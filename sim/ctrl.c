/* Controller core: the function table, identity/capability/start-up functions,
 * soft reset and SetDefault. Values are those of a 700-series USB stick running
 * the 7.19 Serial API (static controller library). */
#include "ctrl_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zwhost/error.h"

#define API_VERSION 0x09          /* GetSerialApiInitData serial API version */
#define CHIP_TYPE 0x07            /* 700 series */
#define CHIP_VERSION 0x00
#define LIBRARY_STATIC_CONTROLLER 0x01
#define VERSION_STRING "Z-Wave 7.19"
#define APP_VERSION 7             /* GetSerialApiCapabilities firmware 7.19 */
#define APP_REVISION 19
#define MANUFACTURER_ID 0x0000    /* Silicon Labs */
#define PRODUCT_TYPE 0x0004
#define PRODUCT_ID 0x0004
#define PROTO_MAJOR 7
#define PROTO_MINOR 19
#define PROTO_PATCH 3
#define PROTO_BUILD 0x0117
#define MAX_PAYLOAD 46            /* classic RF payload of SendData */
#define MAX_PAYLOAD_LR 150
#define NODEMASK_LEN 29
#define LR_SEGMENT_LEN 128
#define RESET_DELAY_MS 300        /* SoftReset -> SerialAPIStarted */
#define SET_DEFAULT_MS 150

/* SerialApiSetup sub-commands */
#define SETUP_UNSUPPORTED 0x00
#define SETUP_SUPPORTED 0x01
#define SETUP_TX_STATUS_REPORT 0x02
#define SETUP_MAX_PAYLOAD 0x10
#define SETUP_MAX_PAYLOAD_LR 0x11
#define SETUP_GET_REGION 0x20
#define SETUP_SET_REGION 0x40
#define SETUP_NODEID_TYPE 0x80

/* GetControllerCapabilities flags */
#define CAP_SIS_PRESENT 0x04
#define CAP_REAL_PRIMARY 0x08
#define CAP_IS_SUC 0x10
#define CAP_NO_NODES 0x20
/* GetSerialApiInitData capabilities */
#define INIT_IS_SIS 0x08

/* ---- output helpers ------------------------------------------------------ */

void sim_ctrl_res(sim_ctrl_t *c, uint8_t func, const uint8_t *p, size_t n)
{
    sim_link_send(c->link, ZWH__TYPE_RES, func, p, n);
}

void sim_ctrl_req(sim_ctrl_t *c, uint8_t func, const uint8_t *p, size_t n)
{
    sim_link_send(c->link, ZWH__TYPE_REQ, func, p, n);
}

static void req_later_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_ctrl_req(ctx, data[0], data + 1, len - 1);
}

void sim_ctrl_req_later(sim_ctrl_t *c, uint64_t ms, int tag, uint8_t func, const uint8_t *p, size_t n)
{
    uint8_t buf[1 + ZWH__FRAME_PAYLOAD_MAX];
    if (n > ZWH__FRAME_PAYLOAD_MAX)
        return;
    buf[0] = func;
    memcpy(buf + 1, p, n);
    sim_sched_after(c->sched, ms, req_later_cb, c, tag, buf, n + 1);
}

uint16_t sim_ctrl_rd_nid(const sim_ctrl_t *c, zwh__rd_t *r)
{
    return c->nid16 ? zwh__rd_u16(r) : zwh__rd_u8(r);
}

void sim_ctrl_wr_nid(const sim_ctrl_t *c, zwh__wr_t *w, uint16_t nid)
{
    if (c->nid16)
        zwh__wr_u16(w, nid);
    else
        zwh__wr_u8(w, (uint8_t)nid);
}

sim_node_t *sim_ctrl_node(const sim_ctrl_t *c, uint16_t nid)
{
    return nid == c->own_id ? NULL : sim_net_node(c->net, nid);
}

static void nodemask(const sim_ctrl_t *c, uint8_t mask[NODEMASK_LEN])
{
    memset(mask, 0, NODEMASK_LEN);
    for (uint16_t id = 1; id <= SIM_MAX_NODE_ID; id++)
        if (id == c->own_id || sim_net_node(c->net, id))
            mask[(id - 1) / 8] |= (uint8_t)(1u << ((id - 1) % 8));
}

/* ---- identity and capabilities ------------------------------------------ */

static void fn_init_data(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[3 + NODEMASK_LEN + 2];
    p[0] = API_VERSION;
    p[1] = c->suc_id == c->own_id ? INIT_IS_SIS : 0; /* controller API, primary */
    p[2] = NODEMASK_LEN;
    nodemask(c, p + 3);
    p[3 + NODEMASK_LEN] = CHIP_TYPE;
    p[4 + NODEMASK_LEN] = CHIP_VERSION;
    sim_ctrl_res(c, F_INIT_DATA, p, sizeof p);
}

static void fn_ctrl_caps(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t f = CAP_REAL_PRIMARY;
    if (c->suc_id)
        f |= CAP_SIS_PRESENT;
    if (c->suc_id == c->own_id)
        f |= CAP_IS_SUC;
    if (sim_net_max_id(c->net) == 0)
        f |= CAP_NO_NODES;
    sim_ctrl_res(c, F_CTRL_CAPS, &f, 1);
}

static void fn_version(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[sizeof VERSION_STRING + 1];
    memcpy(p, VERSION_STRING, sizeof VERSION_STRING); /* NUL included */
    p[sizeof VERSION_STRING] = LIBRARY_STATIC_CONTROLLER;
    sim_ctrl_res(c, F_VERSION, p, sizeof p);
}

static void fn_protocol_version(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[22] = {0x00, PROTO_MAJOR, PROTO_MINOR, PROTO_PATCH, PROTO_BUILD >> 8, PROTO_BUILD & 0xFF};
    /* 16-byte git hash of the protocol build: all zero = not available */
    sim_ctrl_res(c, F_PROTOCOL_VERSION, p, sizeof p);
}

static void fn_memory_get_id(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[6];
    zwh__wr_t w;
    zwh__wr_init(&w, p, sizeof p);
    zwh__wr_u32(&w, c->home_id);
    sim_ctrl_wr_nid(c, &w, c->own_id);
    sim_ctrl_res(c, F_MEMORY_GET_ID, p, zwh__wr_len(&w));
}

static void fn_set_timeouts(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t ack = zwh__rd_u8(r), byte = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t p[2] = {c->ack_timeout, c->byte_timeout};
    c->ack_timeout = ack;
    c->byte_timeout = byte;
    sim_ctrl_res(c, F_SET_TIMEOUTS, p, sizeof p);
}

static void fn_set_rf_receive_mode(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t mode = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    c->rf_on = mode != 0;
    const uint8_t ok = 0x01;
    sim_ctrl_res(c, F_SET_RF_RECEIVE_MODE, &ok, 1);
}

static void fn_appl_node_info(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t opts = zwh__rd_u8(r), generic = zwh__rd_u8(r), specific = zwh__rd_u8(r);
    uint8_t n = zwh__rd_u8(r);
    const uint8_t *cc = zwh__rd_take(r, n);
    if (!zwh__rd_ok(r) || n > SIM_NIF_MAX_CC) {
        ZWH_LOGW(c->log, "SetApplicationNodeInformation: malformed, ignored");
        return;
    }
    c->nif.dev_opts = opts;
    c->nif.generic = generic;
    c->nif.specific = specific;
    c->nif.ncc = n;
    memcpy(c->nif.cc, cc, n);
    /* no response, like the chip */
}

static void fn_node_protocol_info(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint16_t nid = sim_ctrl_rd_nid(c, r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t p[6] = {0};
    const sim_node_t *n = sim_ctrl_node(c, nid);
    if (nid == c->own_id) {
        /* listening, routing, 40k+9.6k, protocol 3; beaming, specific class, controller */
        p[0] = 0xD3;
        p[1] = 0x16;
        p[2] = 0x01;
        p[3] = 0x02; /* basic: static controller */
        p[4] = c->nif.generic;
        p[5] = c->nif.specific;
    } else if (n) {
        /* end nodes: 40k+9.6k, protocol 3; optional functionality, routing end node,
         * specific class; 100k speed extension */
        switch (n->mode) {
        case SIM_NODE_LISTENING: p[0] = 0xDB; p[1] = 0x9C; break; /* listening, routing; beaming */
        case SIM_NODE_FLIRS:     p[0] = 0x5B; p[1] = 0xDC; break; /* FLiRS 1000 ms, beaming */
        default:                 p[0] = 0x5B; p[1] = 0x8C; break; /* sleeping */
        }
        p[2] = 0x01;
        p[3] = n->nif.basic;
        p[4] = n->nif.generic;
        p[5] = n->nif.specific;
    }
    /* an unknown node is all zero: basic 00 means "no such node" */
    sim_ctrl_res(c, F_NODE_PROTOCOL_INFO, p, sizeof p);
}

static void fn_get_lr_nodes(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t seg = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t p[3 + LR_SEGMENT_LEN] = {0x00, seg, LR_SEGMENT_LEN}; /* no more, no LR nodes */
    sim_ctrl_res(c, F_GET_LR_NODES, p, sizeof p);
}

/* ---- SerialAPISetup ------------------------------------------------------ */

static const uint8_t setup_subcommands[] = {SETUP_SUPPORTED, SETUP_TX_STATUS_REPORT, SETUP_MAX_PAYLOAD,
                                            SETUP_MAX_PAYLOAD_LR, SETUP_GET_REGION, SETUP_SET_REGION,
                                            SETUP_NODEID_TYPE};
static const uint8_t known_regions[] = {0x00, 0x01, 0x02, 0x03, 0x05, 0x06, 0x07,
                                        0x08, 0x09, 0x0B, 0x20, 0x21};

static int region_known(uint8_t reg)
{
    return memchr(known_regions, reg, sizeof known_regions) != NULL;
}

static int region_is_lr(uint8_t reg)
{
    return reg == 0x09 || reg == 0x0B;
}

static void fn_api_setup(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t sub = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        return;
    uint8_t p[2 + 16] = {sub};
    size_t n = 2;
    uint8_t arg = zwh__rd_u8(r);
    int has_arg = zwh__rd_ok(r);
    switch (sub) {
    case SETUP_SUPPORTED:
        /* legacy byte: one bit per power-of-two sub-command; then the full
         * bitmask with SDK >= 7.19.1 numbering: bit (s - 1) <=> sub-command s */
        p[1] = 0;
        for (size_t i = 0; i < sizeof setup_subcommands; i++) {
            uint8_t s = setup_subcommands[i];
            if ((s & (s - 1)) == 0)
                p[1] |= s;
            p[2 + (s - 1) / 8] |= (uint8_t)(1u << ((s - 1) % 8));
        }
        n = sizeof p;
        break;
    case SETUP_TX_STATUS_REPORT:
        if (!has_arg)
            return;
        c->tx_report = arg != 0;
        p[1] = 0x01;
        break;
    case SETUP_MAX_PAYLOAD: p[1] = MAX_PAYLOAD; break;
    case SETUP_MAX_PAYLOAD_LR: p[1] = MAX_PAYLOAD_LR; break;
    case SETUP_GET_REGION: p[1] = c->region; break;
    case SETUP_SET_REGION:
        if (!has_arg)
            return;
        p[1] = region_known(arg) ? 0x01 : 0x00;
        if (p[1])
            c->next_region = arg;
        break;
    case SETUP_NODEID_TYPE:
        if (!has_arg)
            return;
        p[1] = (arg == 1 || arg == 2) ? 0x01 : 0x00;
        if (p[1])
            c->nid16 = arg == 2;
        break;
    default:
        p[0] = SETUP_UNSUPPORTED;
        p[1] = sub;
        break;
    }
    sim_ctrl_res(c, F_API_SETUP, p, n);
}

/* ---- reset --------------------------------------------------------------- */

static void send_started(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_ctrl_t *c = ctx;
    uint8_t p[6 + SIM_NIF_MAX_CC + 1];
    p[0] = 0x07; /* wake-up reason: software reset */
    p[1] = 0x00; /* watchdog not started */
    p[2] = c->nif.dev_opts;
    p[3] = c->nif.generic;
    p[4] = c->nif.specific;
    p[5] = c->nif.ncc;
    memcpy(p + 6, c->nif.cc, c->nif.ncc);
    p[6 + c->nif.ncc] = region_is_lr(c->region) ? 0x01 : 0x00; /* Long Range usable */
    sim_ctrl_req(c, F_API_STARTED, p, 7u + c->nif.ncc);
}

static void reset_volatile(sim_ctrl_t *c)
{
    sim_ctrl_send_cancel(c);
    sim_ctrl_nm_cancel(c);
    sim_sched_cancel(c->sched, c, SIM_TAG_ANY);
    sim_link_flush(c->link);
    c->nid16 = 0;
    c->tx_report = 0;
    c->rf_on = 1;
}

static void fn_soft_reset(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    ZWH_LOGI(c->log, "soft reset");
    reset_volatile(c);
    c->region = c->next_region;
    sim_sched_after(c->sched, RESET_DELAY_MS, send_started, c, CTAG_STARTED, NULL, 0);
}

static uint32_t random_home_id(sim_ctrl_t *c)
{
    /* chips pick random home ids in C0000000..FFFFFFFE */
    uint32_t h;
    do
        h = 0xC0000000u | (uint32_t)(sim_rng_next(c->rng) & 0x3FFFFFFFu);
    while (h == 0xFFFFFFFFu);
    return h;
}

void sim_ctrl_wipe(sim_ctrl_t *c)
{
    for (uint16_t id = 2; id <= SIM_MAX_NODE_ID; id++) {
        sim_node_t *n = sim_net_exclude(c->net, id);
        sim_node_free(n);
    }
    memset(c->failed, 0, sizeof c->failed);
    c->home_id = random_home_id(c);
    c->net->home_id = c->home_id;
    c->own_id = 1;
    c->suc_id = c->own_id;
    c->last_assigned = 1;
    c->exclude_target = 0;
}

static void set_default_done(void *ctx, const uint8_t *data, size_t len)
{
    sim_ctrl_t *c = ctx;
    /* anything the host started meanwhile ends with the network it ran on */
    sim_ctrl_send_cancel(c);
    sim_ctrl_nm_cancel(c);
    sim_ctrl_wipe(c);
    ZWH_LOGI(c->log, "SetDefault: network wiped, new home id %08x", c->home_id);
    if (len && data[0])
        sim_ctrl_req(c, F_SET_DEFAULT, data, 1);
}

static void fn_set_default(sim_ctrl_t *c, zwh__rd_t *r)
{
    uint8_t cb = zwh__rd_u8(r);
    if (!zwh__rd_ok(r))
        cb = 0;
    sim_ctrl_send_cancel(c);
    sim_ctrl_nm_cancel(c);
    sim_sched_after(c->sched, SET_DEFAULT_MS, set_default_done, c, CTAG_MISC, &cb, 1);
}

/* ---- the function table -------------------------------------------------- */

static void fn_api_caps(sim_ctrl_t *c, zwh__rd_t *r);

static const struct {
    uint8_t func;
    const char *name;
    sim_ctrl_fn fn;
} functions[] = {
    {F_INIT_DATA, "GetSerialApiInitData", fn_init_data},
    {F_APPL_NODE_INFO, "SetApplicationNodeInformation", fn_appl_node_info},
    {F_CTRL_CAPS, "GetControllerCapabilities", fn_ctrl_caps},
    {F_SET_TIMEOUTS, "SerialApiSetTimeouts", fn_set_timeouts},
    {F_API_CAPS, "GetSerialApiCapabilities", fn_api_caps},
    {F_SOFT_RESET, "SoftReset", fn_soft_reset},
    {F_PROTOCOL_VERSION, "GetProtocolVersion", fn_protocol_version},
    {F_API_SETUP, "SerialAPISetup", fn_api_setup},
    {F_SET_RF_RECEIVE_MODE, "SetRFReceiveMode", fn_set_rf_receive_mode},
    {F_SEND_DATA, "SendData", sim_ctrl_fn_send_data},
    {F_SEND_DATA_MULTI, "SendDataMulticast", sim_ctrl_fn_send_data_multi},
    {F_VERSION, "GetControllerVersion", fn_version},
    {F_SEND_DATA_ABORT, "SendDataAbort", sim_ctrl_fn_send_data_abort},
    {F_MEMORY_GET_ID, "MemoryGetId", fn_memory_get_id},
    {F_NODE_PROTOCOL_INFO, "GetNodeProtocolInfo", fn_node_protocol_info},
    {F_SET_DEFAULT, "SetDefault", fn_set_default},
    {F_ASSIGN_RETURN_ROUTE, "AssignReturnRoute", sim_ctrl_fn_assign_return_route},
    {F_DELETE_RETURN_ROUTE, "DeleteReturnRoute", sim_ctrl_fn_node_route_op},
    {F_NEIGHBOR_UPDATE, "RequestNodeNeighborUpdate", sim_ctrl_fn_neighbor_update},
    {F_ADD_NODE, "AddNodeToNetwork", sim_ctrl_fn_add_node},
    {F_REMOVE_NODE, "RemoveNodeFromNetwork", sim_ctrl_fn_remove_node},
    {F_ASSIGN_SUC_RETURN_ROUTE, "AssignSUCReturnRoute", sim_ctrl_fn_node_route_op},
    {F_SET_SUC_NODE_ID, "SetSUCNodeId", sim_ctrl_fn_set_suc},
    {F_DELETE_SUC_RETURN_ROUTE, "DeleteSUCReturnRoute", sim_ctrl_fn_node_route_op},
    {F_GET_SUC_NODE_ID, "GetSUCNodeId", sim_ctrl_fn_get_suc},
    {F_REQUEST_NODE_INFO, "RequestNodeInfo", sim_ctrl_fn_request_node_info},
    {F_REMOVE_FAILED, "RemoveFailedNode", sim_ctrl_fn_remove_failed},
    {F_IS_FAILED, "IsFailedNode", sim_ctrl_fn_is_failed},
    {F_REPLACE_FAILED, "ReplaceFailedNode", sim_ctrl_fn_replace_failed},
    {F_GET_ROUTING_INFO, "GetRoutingInfo", sim_ctrl_fn_get_routing_info},
    {F_GET_LR_NODES, "GetLongRangeNodes", fn_get_lr_nodes},
};

#define NFUNCTIONS (sizeof functions / sizeof functions[0])

static void fn_api_caps(sim_ctrl_t *c, zwh__rd_t *r)
{
    (void)r;
    uint8_t p[8 + 32] = {APP_VERSION, APP_REVISION, MANUFACTURER_ID >> 8, MANUFACTURER_ID & 0xFF,
                         PRODUCT_TYPE >> 8, PRODUCT_TYPE & 0xFF, PRODUCT_ID >> 8, PRODUCT_ID & 0xFF};
    /* bit (f - 1) <=> function f: exactly the table above */
    for (size_t i = 0; i < NFUNCTIONS; i++) {
        unsigned f = functions[i].func;
        p[8 + (f - 1) / 8] |= (uint8_t)(1u << ((f - 1) % 8));
    }
    sim_ctrl_res(c, F_API_CAPS, p, sizeof p);
}

void sim_ctrl_handle(sim_ctrl_t *c, const zwh__frame_t *f)
{
    if (f->type != ZWH__TYPE_REQ) {
        ZWH_LOGW(c->log, "host sent a frame of type %02x (function %02x): ignored", f->type, f->func);
        return;
    }
    for (size_t i = 0; i < NFUNCTIONS; i++) {
        if (functions[i].func != f->func)
            continue;
        ZWH_LOGD(c->log, "host: %s (%zu payload bytes)", functions[i].name, f->len);
        zwh__rd_t r;
        zwh__rd_init(&r, f->payload, f->len);
        c->cur_func = f->func;
        functions[i].fn(c, &r);
        return;
    }
    /* like a real chip: no response at all */
    ZWH_LOGW(c->log, "unsupported function %02x (%zu payload bytes): no response", f->func, f->len);
}

void sim_ctrl_init(sim_ctrl_t *c, const sim_ctrl_deps_t *d, uint32_t home_id, int report_order)
{
    memset(c, 0, sizeof *c);
    c->loop = d->loop;
    c->log = d->log;
    c->link = d->link;
    c->net = d->net;
    c->sched = d->sched;
    c->rng = d->rng;
    c->faults = d->faults;
    c->report_order = report_order;
    c->own_id = 1;
    c->suc_id = 1; /* a fresh 700-series controller is its own SUC/SIS */
    c->last_assigned = 1;
    c->home_id = home_id ? home_id : random_home_id(c);
    c->net->home_id = c->home_id;
    c->rf_on = 1;
    c->region = c->next_region = 0x00; /* Europe */
    c->ack_timeout = 150;              /* 1.5 s */
    c->byte_timeout = 15;              /* 150 ms */
    /* default application NIF until the host sets its own */
    static const uint8_t cc[] = {0x5E, 0x98, 0x9F, 0x55, 0x6C, 0x56, 0x8F, 0x74};
    c->nif.dev_opts = 0x01; /* listening */
    c->nif.generic = 0x01;
    c->nif.specific = 0x00;
    c->nif.ncc = sizeof cc;
    memcpy(c->nif.cc, cc, sizeof cc);
}

int sim_ctrl_command(sim_ctrl_t *c, const char *line)
{
    unsigned id;
    if (sscanf(line, "exclude %u", &id) == 1 && id >= 2 && id <= SIM_MAX_NODE_ID) {
        c->exclude_target = (uint16_t)id;
        ZWH_LOGI(c->log, "the next exclusion removes node %u", id);
        return 0;
    }
    return ZWH_ENOTSUP;
}

void sim_ctrl_close(sim_ctrl_t *c)
{
    sim_sched_cancel(c->sched, c, SIM_TAG_ANY);
}
