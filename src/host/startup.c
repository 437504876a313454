/* Controller start-up as a table of steps, one Serial API request each:
 * capabilities -> (soft reset, wait for SerialApiStarted) -> init data -> version
 * -> protocol version -> controller capabilities -> SerialAPISetup (supported
 * sub-commands, TX status report, max payload, RF region, 16-bit node ids and
 * LR payload on Long Range regions) -> home id / own id -> SUC id -> protocol
 * info of every node -> Long Range node list -> ready.
 * A step whose function the stick does not list is skipped; a required step
 * that fails ends start-up with ZWH_EVENT_ERROR and a reconnection. */
#include <stdio.h>
#include <string.h>
#include "host/host_internal.h"
#include "zwhost/error.h"

typedef struct step {
    const char *name;
    bool required;
    bool (*wanted)(zwh_host_t *h);          /* NULL = always */
    int (*build)(zwh_host_t *h, zwh__request_t *req);
    /* 0 = next step, 1 = run this step again (iteration), <0 = start-up failed */
    int (*handle)(zwh_host_t *h, zwh__request_t *req, int status);
} step_t;

static void startup_done(zwh__request_t *req, int status, void *user);

static bool setup_has(const zwh_host_t *h, uint8_t sub)
{
    if (!h->startup.setup_known)
        return false;
    /* SDK >= 7.19.1 numbering: bit (sub - 1) of the bitmask */
    unsigned bit = (unsigned)sub - 1;
    return (h->startup.setup_mask[bit / 8] >> (bit % 8)) & 1;
}

static bool fn(const zwh_host_t *h, uint8_t func) { return zwh__session_supports(&h->serial.session, func); }

/* ---- GetSerialApiCapabilities ---- */
static int b_caps(zwh_host_t *h, zwh__request_t *r) { (void)h; return zwh__api_req_plain(r, ZWH__FUNC_GET_CAPABILITIES, startup_done, h); }
static int h_caps(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st)
        return st;
    zwh__api_capabilities_t c;
    if (zwh__api_parse_capabilities(r->res, r->res_len, &c) != 0)
        return ZWH_EBADMSG;
    h->info.app_version = c.app_version;
    h->info.app_revision = c.app_revision;
    h->info.manufacturer_id = c.manufacturer_id;
    h->info.product_type = c.product_type;
    h->info.product_id = c.product_id;
    memcpy(h->info.function_mask, c.functions, 32);
    zwh__session_set_functions(&h->serial.session, c.functions);
    return 0;
}

/* ---- SoftReset (the chip restarts; node ids go back to 8 bit) ---- */
static bool w_reset(zwh_host_t *h) { return h->soft_reset_wait_ms > 0 && fn(h, ZWH__FUNC_SOFT_RESET); }
static int b_reset(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_soft_reset(r, h->soft_reset_wait_ms, startup_done, h); }
static int h_reset(zwh_host_t *h, zwh__request_t *r, int st)
{
    h->api.nodeid16 = false;
    if (st == ZWH_ETIMEDOUT || st == ZWH_ENOCALLBACK) {
        ZWH_LOGD(&h->log, "no SerialApiStarted after soft reset (500-series?); continuing");
        return 0;
    }
    if (st == 0) {
        zwh__api_started_t s;
        if (zwh__api_parse_started(r->cb, r->cb_len, &s) == 0)
            h->info.long_range = s.long_range;
    }
    return st;
}

/* ---- GetSerialApiInitData ---- */
static int b_init(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_GET_INIT_DATA, startup_done, h); }
static int h_init(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st)
        return st;
    zwh__api_init_data_t d;
    if (zwh__api_parse_init_data(r->res, r->res_len, &d) != 0)
        return ZWH_EBADMSG;
    h->info.api_version = d.api_version;
    h->info.api_capabilities = d.capabilities;
    h->info.chip_type = d.chip_type;
    h->info.chip_version = d.chip_version;
    h->info.is_sis = (d.capabilities & 0x08) != 0;
    zwh__host_nodes_mark_unseen(h);
    h->startup.pending_count = 0;
    for (unsigned n = 1; n <= ZWH__MAX_CLASSIC_NODE; n++)
        if (zwh__api_mask_has(d.node_mask, n))
            h->startup.pending_ids[h->startup.pending_count++] = (uint16_t)n;
    return 0;
}

/* ---- GetControllerVersion ---- */
static int b_ver(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_GET_CONTROLLER_VERSION, startup_done, h); }
static int h_ver(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st)
        return st;
    zwh__api_version_t v;
    if (zwh__api_parse_version(r->res, r->res_len, &v) != 0)
        return ZWH_EBADMSG;
    snprintf(h->info.library_version, sizeof h->info.library_version, "%s", v.library);
    h->info.library_type = v.library_type;
    return 0;
}

/* ---- GetProtocolVersion (7.x) ---- */
static bool w_proto(zwh_host_t *h) { return fn(h, ZWH__FUNC_GET_PROTOCOL_VERSION); }
static int b_proto(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_GET_PROTOCOL_VERSION, startup_done, h); }
static int h_proto(zwh_host_t *h, zwh__request_t *r, int st)
{
    zwh__api_protocol_version_t p;
    if (st == 0 && zwh__api_parse_protocol_version(r->res, r->res_len, &p) == 0) {
        h->info.protocol_major = p.major;
        h->info.protocol_minor = p.minor;
        h->info.protocol_patch = p.patch;
    }
    return 0; /* optional */
}

/* ---- GetControllerCapabilities ---- */
static int b_ccaps(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_GET_CONTROLLER_CAPABILITIES, startup_done, h); }
static int h_ccaps(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st)
        return st;
    if (r->res_len < 1)
        return ZWH_EBADMSG;
    h->info.controller_capabilities = r->res[0];
    h->info.is_primary = (r->res[0] & 0x01) == 0; /* 0x01 = secondary */
    return 0;
}

/* ---- SerialAPISetup ---- */
static bool w_setup(zwh_host_t *h) { return fn(h, ZWH__FUNC_SERIAL_API_SETUP); }
static int b_setup_supported(zwh_host_t *h, zwh__request_t *r)
{
    return zwh__api_req_setup(r, ZWH__SETUP_GET_SUPPORTED, NULL, 0, startup_done, h);
}
static int h_setup_supported(zwh_host_t *h, zwh__request_t *r, int st)
{
    /* RES: 01 legacyFlags [bitmask...]; an unsupported sub-command answers 00 01 */
    if (st == 0 && r->res_len >= 2 && r->res[0] == ZWH__SETUP_GET_SUPPORTED) {
        memset(h->startup.setup_mask, 0, sizeof h->startup.setup_mask);
        size_t n = r->res_len - 2;
        if (n > 0) {
            memcpy(h->startup.setup_mask, r->res + 2, n < 32 ? n : 32);
        } else {
            /* only the legacy flag byte: one bit per power-of-two sub-command */
            for (unsigned b = 0; b < 8; b++)
                if ((r->res[1] >> b) & 1) {
                    unsigned sub = 1u << b, bit = sub - 1;
                    h->startup.setup_mask[bit / 8] |= (uint8_t)(1u << (bit % 8));
                }
        }
        h->startup.setup_known = true;
    }
    return 0;
}

static bool w_txreport(zwh_host_t *h) { return setup_has(h, ZWH__SETUP_TX_STATUS_REPORT); }
static int b_txreport(zwh_host_t *h, zwh__request_t *r)
{
    const uint8_t on = 0xFF;
    return zwh__api_req_setup(r, ZWH__SETUP_TX_STATUS_REPORT, &on, 1, startup_done, h);
}
static int h_txreport(zwh_host_t *h, zwh__request_t *r, int st)
{
    h->info.tx_status_report = st == 0 && r->res_len >= 2 && r->res[1] != 0;
    return 0;
}

static bool w_payload(zwh_host_t *h) { return setup_has(h, ZWH__SETUP_MAX_PAYLOAD); }
static int b_payload(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_setup(r, ZWH__SETUP_MAX_PAYLOAD, NULL, 0, startup_done, h); }
static int h_payload(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st == 0 && r->res_len >= 2 && r->res[0] == ZWH__SETUP_MAX_PAYLOAD)
        h->info.max_payload = r->res[1];
    return 0;
}

static bool w_region(zwh_host_t *h) { return setup_has(h, ZWH__SETUP_GET_RF_REGION); }
static int b_region(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_setup(r, ZWH__SETUP_GET_RF_REGION, NULL, 0, startup_done, h); }
static int h_region(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st == 0 && r->res_len >= 2 && r->res[0] == ZWH__SETUP_GET_RF_REGION)
        h->info.rf_region = r->res[1];
    return 0;
}

static bool lr_region(const zwh_host_t *h) { return h->info.rf_region == 0x09 || h->info.rf_region == 0x0B; }
static bool w_nodeid16(zwh_host_t *h) { return lr_region(h) && setup_has(h, ZWH__SETUP_SET_NODEID_TYPE); }
static int b_nodeid16(zwh_host_t *h, zwh__request_t *r)
{
    const uint8_t wide = 0x02;
    return zwh__api_req_setup(r, ZWH__SETUP_SET_NODEID_TYPE, &wide, 1, startup_done, h);
}
static int h_nodeid16(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st == 0 && r->res_len >= 2 && r->res[0] == ZWH__SETUP_SET_NODEID_TYPE && r->res[1] != 0) {
        h->api.nodeid16 = true;
        h->info.nodeid16 = 1;
        h->info.long_range = 1;
    }
    return 0;
}

static bool w_lrpayload(zwh_host_t *h) { return h->api.nodeid16 && setup_has(h, ZWH__SETUP_LR_MAX_PAYLOAD); }
static int b_lrpayload(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_setup(r, ZWH__SETUP_LR_MAX_PAYLOAD, NULL, 0, startup_done, h); }
static int h_lrpayload(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st == 0 && r->res_len >= 2 && r->res[0] == ZWH__SETUP_LR_MAX_PAYLOAD)
        h->info.max_payload_lr = r->res[1];
    return 0;
}

/* ---- MemoryGetId ---- */
static int b_memid(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_MEMORY_GET_ID, startup_done, h); }
static int h_memid(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st)
        return st;
    return zwh__api_parse_memory_id(r->res, r->res_len, &h->api, &h->info.home_id, &h->info.node_id);
}

/* ---- GetSUCNodeId ---- */
static bool w_suc(zwh_host_t *h) { return fn(h, ZWH__FUNC_GET_SUC_NODE_ID); }
static int b_suc(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_plain(r, ZWH__FUNC_GET_SUC_NODE_ID, startup_done, h); }
static int h_suc(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st == 0 && r->res_len >= 1) {
        unsigned id = r->res[0];
        if (h->api.nodeid16 && r->res_len >= 2)
            id = (id << 8) | r->res[1];
        h->info.suc_node_id = (uint16_t)id;
    }
    return 0;
}

/* ---- GetNodeProtocolInfo for every node ---- */
static bool w_nodes(zwh_host_t *h) { return h->startup.node_index < h->startup.pending_count; }
static int b_nodes(zwh_host_t *h, zwh__request_t *r)
{
    return zwh__api_req_node_protocol_info(r, &h->api, h->startup.pending_ids[h->startup.node_index], startup_done, h);
}
static int h_nodes(zwh_host_t *h, zwh__request_t *r, int st)
{
    uint16_t id = h->startup.pending_ids[h->startup.node_index++];
    bool more = h->startup.node_index < h->startup.pending_count;
    zwh__api_node_protocol_t p;
    if (st == 0)
        st = zwh__api_parse_node_protocol(r->res, r->res_len, &p);
    if (st == ZWH_ENOACK || st == ZWH_ENORESPONSE || st == ZWH_ECONNRESET)
        return st; /* the controller itself is gone: start-up fails */
    if (st) { /* one node's record unreadable: keep it unknown, go on */
        ZWH_LOGW(&h->log, "node %u: protocol info unavailable (%s)", id, zwh_strerror(st));
        return more ? 1 : 0;
    }
    zwh__node_t *n = zwh__host_node_add(h, id);
    if (!n)
        return ZWH_ENOMEM;
    n->present = true;
    zwh__host_node_apply_protocol(n, &p);
    return more ? 1 : 0;
}

/* ---- GetLongRangeNodes: 128-byte segments, bit 0 of segment s = node 256 + 1024 s ---- */
static bool w_lrnodes(zwh_host_t *h) { return h->api.nodeid16 && fn(h, ZWH__FUNC_GET_LR_NODES); }
static int b_lrnodes(zwh_host_t *h, zwh__request_t *r) { return zwh__api_req_get_lr_nodes(r, h->startup.lr_segment, startup_done, h); }
static int h_lrnodes(zwh_host_t *h, zwh__request_t *r, int st)
{
    if (st || r->res_len < 3)
        return 0;
    uint8_t more = r->res[0], seg = r->res[1], len = r->res[2];
    for (size_t i = 0; i < len && 3 + i < r->res_len; i++)
        for (unsigned b = 0; b < 8; b++)
            if ((r->res[3 + i] >> b) & 1) {
                unsigned id = 256u + 1024u * seg + (unsigned)i * 8u + b;
                if (id <= 4000 && h->startup.pending_count < ZWH__MAX_CLASSIC_NODE)
                    h->startup.pending_ids[h->startup.pending_count++] = (uint16_t)id;
            }
    if (more && h->startup.lr_segment < 3) {
        h->startup.lr_segment++;
        return 1;
    }
    return 0;
}

static const step_t steps[] = {
    {"GetSerialApiCapabilities", true, NULL, b_caps, h_caps},
    {"SoftReset", false, w_reset, b_reset, h_reset},
    {"GetSerialApiInitData", true, NULL, b_init, h_init},
    {"GetControllerVersion", true, NULL, b_ver, h_ver},
    {"GetProtocolVersion", false, w_proto, b_proto, h_proto},
    {"GetControllerCapabilities", true, NULL, b_ccaps, h_ccaps},
    {"SerialApiSetup(GetSupportedCommands)", false, w_setup, b_setup_supported, h_setup_supported},
    {"SerialApiSetup(TxStatusReport)", false, w_txreport, b_txreport, h_txreport},
    {"SerialApiSetup(MaxPayloadSize)", false, w_payload, b_payload, h_payload},
    {"SerialApiSetup(GetRFRegion)", false, w_region, b_region, h_region},
    {"SerialApiSetup(SetNodeIDType)", false, w_nodeid16, b_nodeid16, h_nodeid16},
    {"SerialApiSetup(LRMaxPayloadSize)", false, w_lrpayload, b_lrpayload, h_lrpayload},
    {"MemoryGetId", true, NULL, b_memid, h_memid},
    {"GetSUCNodeId", false, w_suc, b_suc, h_suc},
    {"GetLongRangeNodes", false, w_lrnodes, b_lrnodes, h_lrnodes},
    {"GetNodeProtocolInfo", true, w_nodes, b_nodes, h_nodes},
};

static void run_step(zwh_host_t *h);

static void fail(zwh_host_t *h, const step_t *s, int st)
{
    char msg[512];
    if (st == ZWH_ENOACK || st == ZWH_ENORESPONSE)
        snprintf(msg, sizeof msg, "%s: the controller does not answer (%s during start-up, %s)", h->url,
                 zwh_strerror(st), s->name);
    else
        snprintf(msg, sizeof msg, "%s: start-up failed at %s: %s", h->url, s->name, zwh_strerror(st));
    ZWH_LOGW(&h->log, "%s", msg); /* the application gets it as ZWH_EVENT_ERROR */
    h->startup.step = -1;
    h->state = ZWH_HOST_CONNECTING;
    zwh__serial_reconnect(&h->serial); /* try again after the back-off */
    zwh__host_emit(h, ZWH_EVENT_ERROR, st, msg, 0);
}

static void startup_done(zwh__request_t *req, int status, void *user)
{
    zwh_host_t *h = user;
    if (h->startup.step < 0 || status == ZWH_ECANCELED)
        return;
    const step_t *s = &steps[h->startup.step];
    int rc = s->handle(h, req, status);
    if (rc == 1) {
        run_step(h);
        return;
    }
    if (rc < 0) {
        if (s->required) {
            fail(h, s, rc);
            return;
        }
        ZWH_LOGD(&h->log, "start-up: %s skipped (%s)", s->name, zwh_strerror(rc));
    }
    h->startup.step++;
    run_step(h);
}

static void run_step(zwh_host_t *h)
{
    while ((size_t)h->startup.step < sizeof steps / sizeof steps[0]) {
        const step_t *s = &steps[h->startup.step];
        if (s->wanted && !s->wanted(h)) {
            h->startup.step++;
            continue;
        }
        zwh__request_t *r = &h->startup.req;
        int rc = s->build(h, r);
        if (rc == 0) {
            r->priority = ZWH__PRIO_CONTROL;
            rc = zwh__serial_submit(&h->serial, r);
        }
        if (rc != 0) {
            if (s->required) {
                fail(h, s, rc);
                return;
            }
            h->startup.step++;
            continue;
        }
        return; /* wait for startup_done */
    }
    h->startup.step = -1;
    zwh__host_nodes_prune(h);
    int src = zwh__secure_start(h);
    if (src < 0)
        ZWH_LOGE(&h->log, "security engines unavailable: %s", zwh_strerror(src));
    h->state = ZWH_HOST_READY;
    zwh__persist_load(h);
    ZWH_LOGI(&h->log, "ready: home id %08x, node %u, %s, %zu nodes in %llu ms", h->info.home_id,
             h->info.node_id, h->info.library_version, h->node_count,
             (unsigned long long)(zwh__serial_now(&h->serial) - h->startup.started_ms));
    zwh__host_emit(h, ZWH_EVENT_READY, 0, NULL, 0);
    zwh__tx_schedule(h);
    zwh__host_request_missing_nifs(h);
    zwh__iv_resume_all(h);
    zwh__ss_kick(h);
}

void zwh__startup_begin(zwh_host_t *h)
{
    if (h->startup.step >= 0)
        zwh__serial_cancel(&h->serial, &h->startup.req);
    memset(&h->startup, 0, sizeof h->startup);
    h->startup.step = 0;
    h->startup.started_ms = zwh__serial_now(&h->serial);
    h->api.nodeid16 = false;
    run_step(h);
}

void zwh__startup_cancel(zwh_host_t *h)
{
    if (h->startup.step >= 0) {
        h->startup.step = -1;
        zwh__serial_cancel(&h->serial, &h->startup.req);
    }
}
