#include "serialapi/api.h"

#include <string.h>
#include "util/bytes.h"
#include "zwhost/error.h"

static void wr_nid(zwh__wr_t *w, const zwh__api_t *api, uint16_t nid)
{
    if (api && api->nodeid16)
        zwh__wr_u16(w, nid);
    else
        zwh__wr_u8(w, (uint8_t)nid);
}

static uint16_t rd_nid(zwh__rd_t *r, const zwh__api_t *api)
{
    return api && api->nodeid16 ? zwh__rd_u16(r) : zwh__rd_u8(r);
}

static int nid_ok(const zwh__api_t *api, uint16_t nid)
{
    if (nid == 0)
        return 0;
    return (api && api->nodeid16) ? nid <= 4000 : nid <= ZWH__MAX_CLASSIC_NODE;
}

/* Builds the payload with a writer, then initialises the request. */
static int finish_req(zwh__request_t *req, uint8_t func, const zwh__wr_t *w, int cb_index,
                      zwh__request_done_fn done, void *user)
{
    if (!zwh__wr_ok(w))
        return ZWH_EMSGSIZE;
    return zwh__request_init(req, func, w->p, zwh__wr_len(w), cb_index, done, user);
}

/* Requests whose whole payload is one node id. */
static int nid_req(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                   zwh__request_done_fn done, void *user)
{
    uint8_t buf[2];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    wr_nid(&w, api, nid);
    return finish_req(req, func, &w, -1, done, user);
}

/* `nid cb` requests: the node id, then the callback id the session fills in. */
static int nid_cb_req(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                      zwh__request_res_fn on_res, zwh__request_frame_fn on_frame,
                      zwh__request_done_fn done, void *user)
{
    uint8_t buf[4];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    wr_nid(&w, api, nid);
    size_t cb_index = zwh__wr_len(&w);
    zwh__wr_u8(&w, 0);
    int rc = finish_req(req, func, &w, (int)cb_index, done, user);
    if (rc)
        return rc;
    req->on_res = on_res;
    req->on_frame = on_frame;
    return 0;
}

int zwh__api_req_plain(zwh__request_t *req, uint8_t func, zwh__request_done_fn done, void *user)
{
    return zwh__request_init(req, func, NULL, 0, -1, done, user);
}

int zwh__api_req_setup(zwh__request_t *req, uint8_t sub, const uint8_t *params, size_t n,
                       zwh__request_done_fn done, void *user)
{
    uint8_t buf[16];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    zwh__wr_u8(&w, sub);
    zwh__wr_bytes(&w, params, n);
    return finish_req(req, ZWH__FUNC_SERIAL_API_SETUP, &w, -1, done, user);
}

int zwh__api_req_node_protocol_info(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                    zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid))
        return ZWH_EINVAL;
    return nid_req(req, api, ZWH__FUNC_GET_NODE_PROTOCOL_INFO, nid, done, user);
}

static int on_started(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req; (void)p; (void)n;
    if (func != ZWH__FUNC_SERIAL_API_STARTED)
        return 0;
    *status = 0;
    return 1;
}

int zwh__api_req_soft_reset(zwh__request_t *req, uint32_t wait_ms, zwh__request_done_fn done, void *user)
{
    int rc = zwh__request_init(req, ZWH__FUNC_SOFT_RESET, NULL, 0, -1, done, user);
    if (rc)
        return rc;
    req->priority = ZWH__PRIO_CONTROL;
    req->expect = ZWH__FN_CB; /* "callback" = SerialApiStarted */
    req->wants_unsolicited = true;
    req->on_frame = on_started;
    req->cb_timeout_ms = wait_ms;
    return 0;
}

int zwh__api_tx_status(uint8_t st)
{
    switch (st) {
    case 0x00: return 0;                 /* TRANSMIT_COMPLETE_OK */
    case 0x01: return ZWH_ENODEACK;      /* no ACK from the node */
    case 0x02: return ZWH_EJAMMED;       /* could not transmit: radio jammed / busy */
    case 0x03: return ZWH_ETXFAIL;       /* routing not idle */
    case 0x04: return ZWH_ENOROUTE;
    case 0x05: return 0;                 /* VERIFIED (SendDataEx) */
    default: return ZWH_ETXFAIL;
    }
}

static int res_nonzero(zwh__request_t *req, int *status)
{
    if (req->res_len < 1 || req->res[0] == 0) {
        *status = ZWH_EREJECTED;
        return 1;
    }
    return 0;
}

static int res_zero_started(zwh__request_t *req, int *status)
{
    if (req->res_len < 1 || req->res[0] != 0) {
        *status = ZWH_EREJECTED;
        return 1;
    }
    return 0;
}

static int on_tx_callback(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req; (void)func;
    *status = n >= 2 ? zwh__api_tx_status(p[1]) : ZWH_EBADMSG;
    return 1;
}

int zwh__api_req_send_data(zwh__request_t *req, const zwh__api_t *api, uint16_t nid, const uint8_t *data,
                           size_t len, uint8_t txo, zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid) || !data || len == 0 || len > 255)
        return ZWH_EINVAL;
    uint8_t buf[ZWH__FRAME_PAYLOAD_MAX];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    wr_nid(&w, api, nid);
    zwh__wr_u8(&w, (uint8_t)len);
    zwh__wr_bytes(&w, data, len);
    zwh__wr_u8(&w, txo);
    size_t cb_index = zwh__wr_len(&w);
    zwh__wr_u8(&w, 0);
    int rc = finish_req(req, ZWH__FUNC_SEND_DATA, &w, (int)cb_index, done, user);
    if (rc)
        return rc;
    req->on_res = res_nonzero;
    req->on_frame = on_tx_callback;
    req->abort_after_ms = 20000;
    req->cb_timeout_ms = 65000;
    return 0;
}

int zwh__api_req_send_data_multicast(zwh__request_t *req, const zwh__api_t *api, const uint16_t *nids,
                                     size_t n, const uint8_t *data, size_t len, uint8_t txo,
                                     zwh__request_done_fn done, void *user)
{
    if (!nids || n == 0 || n > ZWH__MAX_CLASSIC_NODE || !data || len == 0 || len > 255)
        return ZWH_EINVAL;
    uint8_t buf[ZWH__FRAME_PAYLOAD_MAX];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    zwh__wr_u8(&w, (uint8_t)n);
    for (size_t i = 0; i < n; i++) {
        if (!nid_ok(api, nids[i]))
            return ZWH_EINVAL;
        wr_nid(&w, api, nids[i]);
    }
    zwh__wr_u8(&w, (uint8_t)len);
    zwh__wr_bytes(&w, data, len);
    zwh__wr_u8(&w, txo);
    size_t cb_index = zwh__wr_len(&w);
    zwh__wr_u8(&w, 0);
    int rc = finish_req(req, ZWH__FUNC_SEND_DATA_MULTICAST, &w, (int)cb_index, done, user);
    if (rc)
        return rc;
    req->on_res = res_nonzero;
    req->on_frame = on_tx_callback;
    return 0;
}

struct nif_wait { uint16_t nid; };

static int on_node_info(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    if (func != ZWH__FUNC_APPLICATION_UPDATE || n < 1)
        return 0;
    if (p[0] == ZWH__UPDATE_NODE_INFO_FAILED) {
        *status = ZWH_ENODEACK;
        return 1;
    }
    if (p[0] != ZWH__UPDATE_NODE_INFO)
        return 0;
    /* the requested node id is kept in the first payload byte(s) of the request */
    unsigned want = req->payload[0], got = n >= 2 ? p[1] : 0;
    if (req->len == 2) { /* 16-bit node ids */
        want = (unsigned)(req->payload[0] << 8) | req->payload[1];
        got = n >= 3 ? ((unsigned)(p[1] << 8) | p[2]) : 0;
    }
    if (got != want)
        return 0;
    *status = 0;
    return 1;
}

int zwh__api_req_request_node_info(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                   zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid))
        return ZWH_EINVAL;
    int rc = nid_req(req, api, ZWH__FUNC_REQUEST_NODE_INFO, nid, done, user);
    if (rc)
        return rc;
    req->expect = ZWH__FN_RES | ZWH__FN_CB;
    req->on_res = res_nonzero;
    req->wants_unsolicited = true;
    req->on_frame = on_node_info;
    req->cb_timeout_ms = 10000;
    return 0;
}

static int on_suc_callback(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req; (void)func;
    *status = (n >= 2 && p[1] == 0x05) ? 0 : ZWH_EREJECTED; /* 05 SUC_SET_SUCCEEDED */
    return 1;
}

int zwh__api_req_set_suc_node_id(zwh__request_t *req, const zwh__api_t *api, uint16_t nid, bool enable,
                                 bool sis, bool self, zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid))
        return ZWH_EINVAL;
    uint8_t buf[8];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    wr_nid(&w, api, nid);
    zwh__wr_u8(&w, enable ? 1 : 0);
    zwh__wr_u8(&w, 0); /* tx options: none */
    zwh__wr_u8(&w, sis ? 1 : 0);
    size_t cb_index = zwh__wr_len(&w);
    zwh__wr_u8(&w, 0);
    /* setting the controller itself: no callback comes */
    int rc = finish_req(req, ZWH__FUNC_SET_SUC_NODE_ID, &w, self ? -1 : (int)cb_index, done, user);
    if (rc)
        return rc;
    req->on_res = res_nonzero;
    req->on_frame = on_suc_callback;
    return 0;
}

int zwh__api_req_node_route(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                            zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid) || (func != ZWH__FUNC_ASSIGN_SUC_RETURN_ROUTE &&
                              func != ZWH__FUNC_DELETE_SUC_RETURN_ROUTE && func != ZWH__FUNC_DELETE_RETURN_ROUTE))
        return ZWH_EINVAL;
    return nid_cb_req(req, api, func, nid, res_nonzero, on_tx_callback, done, user);
}

int zwh__api_req_assign_return_route(zwh__request_t *req, const zwh__api_t *api, uint16_t src, uint16_t dst,
                                     zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, src) || !nid_ok(api, dst) || src == dst)
        return ZWH_EINVAL;
    uint8_t buf[6];
    zwh__wr_t w;
    zwh__wr_init(&w, buf, sizeof buf);
    wr_nid(&w, api, src);
    wr_nid(&w, api, dst);
    size_t cb_index = zwh__wr_len(&w);
    zwh__wr_u8(&w, 0);
    int rc = finish_req(req, ZWH__FUNC_ASSIGN_RETURN_ROUTE, &w, (int)cb_index, done, user);
    if (rc)
        return rc;
    req->on_res = res_nonzero;
    req->on_frame = on_tx_callback;
    return 0;
}

static int node_mgmt(zwh__request_t *req, uint8_t func, uint8_t mode, zwh__request_frame_fn progress,
                     zwh__request_done_fn done, void *user)
{
    const uint8_t p[2] = {mode, 0};
    int rc = zwh__request_init(req, func, p, 2, 1, done, user);
    if (rc)
        return rc;
    req->priority = ZWH__PRIO_CONTROL;
    req->on_frame = progress;
    req->cb_timeout_ms = 60000;
    return 0;
}

int zwh__api_req_add_node(zwh__request_t *req, uint8_t mode, zwh__request_frame_fn progress,
                          zwh__request_done_fn done, void *user)
{
    return node_mgmt(req, ZWH__FUNC_ADD_NODE, mode, progress, done, user);
}

int zwh__api_req_remove_node(zwh__request_t *req, uint8_t mode, zwh__request_frame_fn progress,
                             zwh__request_done_fn done, void *user)
{
    return node_mgmt(req, ZWH__FUNC_REMOVE_NODE, mode, progress, done, user);
}

int zwh__api_req_add_node_home_id(zwh__request_t *req, uint8_t mode, const uint8_t home_ids[8],
                                  zwh__request_frame_fn progress, zwh__request_done_fn done, void *user)
{
    if (!home_ids)
        return ZWH_EINVAL;
    int rc = node_mgmt(req, ZWH__FUNC_ADD_NODE, mode, progress, done, user);
    if (rc)
        return rc;
    memcpy(req->payload + 2, home_ids, 8);
    req->len = 10;
    return 0;
}

int zwh__api_req_smartstart_listen(zwh__request_t *req, zwh__request_done_fn done, void *user)
{
    const uint8_t p[2] = {ZWH__ADD_NODE_SMARTSTART_LISTEN, 0};
    int rc = zwh__request_init(req, ZWH__FUNC_ADD_NODE, p, 2, -1, done, user);
    if (rc)
        return rc;
    req->priority = ZWH__PRIO_CONTROL;
    return 0;
}

static int on_failed_node_cb(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req;
    if (n < 2) {
        *status = ZWH_EBADMSG;
        return 1;
    }
    if (func == ZWH__FUNC_REMOVE_FAILED_NODE) {
        /* 00 NODE_OK (answered, not removed), 01 REMOVED, 02 NOT_REMOVED */
        *status = p[1] == 0x01 ? 0 : ZWH_EREJECTED;
        return 1;
    }
    /* Replace: 03 ready for the new device (progress), 04 done, 00/05 failed */
    if (p[1] == 0x03)
        return 0;
    *status = p[1] == 0x04 ? 0 : ZWH_EREJECTED;
    return 1;
}

int zwh__api_req_failed_node(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                             zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid) || (func != ZWH__FUNC_REMOVE_FAILED_NODE && func != ZWH__FUNC_REPLACE_FAILED_NODE))
        return ZWH_EINVAL;
    int rc = nid_cb_req(req, api, func, nid, res_zero_started, on_failed_node_cb, done, user);
    if (rc == 0)
        req->cb_timeout_ms = 60000;
    return rc;
}

int zwh__api_req_is_failed_node(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                zwh__request_done_fn done, void *user)
{
    if (!nid_ok(api, nid))
        return ZWH_EINVAL;
    return nid_req(req, api, ZWH__FUNC_IS_FAILED_NODE, nid, done, user);
}

int zwh__api_req_set_default(zwh__request_t *req, zwh__request_done_fn done, void *user)
{
    const uint8_t p[1] = {0};
    int rc = zwh__request_init(req, ZWH__FUNC_SET_DEFAULT, p, 1, 0, done, user);
    if (rc == 0)
        req->priority = ZWH__PRIO_CONTROL;
    return rc;
}

int zwh__api_req_get_lr_nodes(zwh__request_t *req, uint8_t segment, zwh__request_done_fn done, void *user)
{
    return zwh__request_init(req, ZWH__FUNC_GET_LR_NODES, &segment, 1, -1, done, user);
}

/* ---- parsers ---- */

int zwh__api_parse_capabilities(const uint8_t *p, size_t n, zwh__api_capabilities_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    out->app_version = zwh__rd_u8(&r);
    out->app_revision = zwh__rd_u8(&r);
    out->manufacturer_id = zwh__rd_u16(&r);
    out->product_type = zwh__rd_u16(&r);
    out->product_id = zwh__rd_u16(&r);
    zwh__rd_copy(&r, out->functions, 32);
    return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
}

int zwh__api_parse_init_data(const uint8_t *p, size_t n, zwh__api_init_data_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    out->api_version = zwh__rd_u8(&r);
    out->capabilities = zwh__rd_u8(&r);
    uint8_t mlen = zwh__rd_u8(&r);
    const uint8_t *mask = zwh__rd_take(&r, mlen);
    if (!mask)
        return ZWH_EBADMSG;
    memcpy(out->node_mask, mask, mlen < ZWH__NODE_MASK_LEN ? mlen : ZWH__NODE_MASK_LEN);
    /* chip type/version are absent on some old firmwares */
    if (zwh__rd_left(&r) >= 2) {
        out->chip_type = zwh__rd_u8(&r);
        out->chip_version = zwh__rd_u8(&r);
    }
    return 0;
}

int zwh__api_parse_version(const uint8_t *p, size_t n, zwh__api_version_t *out)
{
    memset(out, 0, sizeof *out);
    size_t i = 0;
    while (i < n && p[i] != 0)
        i++;
    if (i >= n || i == 0) /* needs the NUL and the library type after it */
        return ZWH_EBADMSG;
    size_t copy = i < sizeof out->library - 1 ? i : sizeof out->library - 1;
    for (size_t k = 0; k < copy; k++)
        out->library[k] = (p[k] >= 0x20 && p[k] < 0x7F) ? (char)p[k] : '?';
    if (i + 1 >= n)
        return ZWH_EBADMSG;
    out->library_type = p[i + 1];
    return 0;
}

int zwh__api_parse_protocol_version(const uint8_t *p, size_t n, zwh__api_protocol_version_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    out->type = zwh__rd_u8(&r);
    out->major = zwh__rd_u8(&r);
    out->minor = zwh__rd_u8(&r);
    out->patch = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    if (zwh__rd_left(&r) >= 2)
        out->app_build = zwh__rd_u16(&r);
    return 0;
}

int zwh__api_parse_memory_id(const uint8_t *p, size_t n, const zwh__api_t *api, uint32_t *home_id,
                             uint16_t *node_id)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    *home_id = zwh__rd_u32(&r);
    *node_id = rd_nid(&r, api);
    return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
}

int zwh__api_parse_node_protocol(const uint8_t *p, size_t n, zwh__api_node_protocol_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    uint8_t cap = zwh__rd_u8(&r);
    uint8_t sec = zwh__rd_u8(&r);
    uint8_t ext = zwh__rd_u8(&r);
    out->basic = zwh__rd_u8(&r);
    out->generic = zwh__rd_u8(&r);
    out->specific = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    out->listening = cap & 0x80;
    out->routing = cap & 0x40;
    out->protocol_version = (uint8_t)((cap & 0x07) + 1);
    out->max_speed = (cap & 0x10) ? 40000 : (cap & 0x08) ? 9600 : 9600;
    if ((ext & 0x07) == 0x01 || (ext & 0x07) == 0x02)
        out->max_speed = 100000;
    out->flirs_ms = (sec & 0x40) ? 1000 : (sec & 0x20) ? 250 : 0;
    out->beaming = sec & 0x10;
    out->routing_end_node = sec & 0x08;
    out->specific_valid = sec & 0x04;
    out->controller = sec & 0x02;
    out->security_flag = sec & 0x01;
    if (!out->specific_valid)
        out->specific = 0;
    out->present = out->basic != 0;
    return 0;
}

int zwh__api_parse_started(const uint8_t *p, size_t n, zwh__api_started_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    out->wake_reason = zwh__rd_u8(&r);
    out->watchdog = zwh__rd_u8(&r) != 0;
    out->listening = (zwh__rd_u8(&r) & 0x01) != 0;
    out->generic = zwh__rd_u8(&r);
    out->specific = zwh__rd_u8(&r);
    uint8_t cclen = zwh__rd_u8(&r);
    zwh__rd_skip(&r, cclen);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    if (zwh__rd_left(&r) >= 1)
        out->long_range = (zwh__rd_u8(&r) & 0x01) != 0;
    return 0;
}

int zwh__api_parse_send_data_cb(const uint8_t *p, size_t n, uint8_t *tx_status, zwh__api_tx_report_t *rep)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(rep, 0, sizeof *rep);
    (void)zwh__rd_u8(&r); /* callback id */
    *tx_status = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    if (zwh__rd_left(&r) < 19)
        return 0; /* no (or an unusable) extended report */
    rep->present = true;
    rep->tx_ticks = zwh__rd_u16(&r);
    rep->repeaters = zwh__rd_u8(&r);
    rep->ack_rssi = (int8_t)zwh__rd_u8(&r);
    zwh__rd_skip(&r, 4); /* ACK RSSI per repeater */
    rep->ack_channel = zwh__rd_u8(&r);
    rep->tx_channel = zwh__rd_u8(&r);
    rep->route_scheme = zwh__rd_u8(&r);
    zwh__rd_copy(&r, rep->repeater_ids, 4);
    uint8_t speed = zwh__rd_u8(&r);
    rep->route_speed = speed & 0x07;
    rep->beam = (speed & 0x40) ? 4 : (speed & 0x20) ? 1 : 0;
    rep->routing_attempts = zwh__rd_u8(&r);
    zwh__rd_skip(&r, 2); /* last functional / first non-functional node on a failed route */
    if (zwh__rd_left(&r) >= 1) {
        rep->tx_power = (int8_t)zwh__rd_u8(&r);
        rep->has_power = true;
    }
    return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
}

int zwh__api_parse_app_cmd(const uint8_t *p, size_t n, const zwh__api_t *api, bool bridge, zwh__api_app_cmd_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    out->rx_status = zwh__rd_u8(&r);
    if (bridge)
        out->dst = rd_nid(&r, api);
    out->src = rd_nid(&r, api);
    uint8_t len = zwh__rd_u8(&r);
    out->cmd = zwh__rd_take(&r, len);
    out->cmd_len = len;
    if (!zwh__rd_ok(&r) || len == 0)
        return ZWH_EBADMSG;
    if (bridge) {
        /* multicast mask, then the optional RSSI */
        uint8_t mlen;
        if (zwh__rd_peek(&r, &mlen) && zwh__rd_left(&r) >= (size_t)mlen + 1) {
            zwh__rd_skip(&r, (size_t)mlen + 1);
        }
    }
    if (zwh__rd_left(&r) >= 1) {
        out->has_rssi = true;
        out->rssi = (int8_t)zwh__rd_u8(&r);
    }
    return 0;
}

int zwh__api_parse_update(const uint8_t *p, size_t n, const zwh__api_t *api, zwh__api_update_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    out->status = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    switch (out->status) {
    case ZWH__UPDATE_NODE_INFO:
    case ZWH__UPDATE_NEW_ID: {
        out->node_id = rd_nid(&r, api);
        uint8_t len = zwh__rd_u8(&r);
        if (len < 3)
            return zwh__rd_ok(&r) && len == 0 ? 0 : ZWH_EBADMSG;
        out->basic = zwh__rd_u8(&r);
        out->generic = zwh__rd_u8(&r);
        out->specific = zwh__rd_u8(&r);
        out->ccs_len = (size_t)len - 3;
        out->ccs = zwh__rd_take(&r, out->ccs_len);
        break;
    }
    case ZWH__UPDATE_SMARTSTART_PRIME:
    case ZWH__UPDATE_SMARTSTART_PRIME_LR:
    case ZWH__UPDATE_SMARTSTART_INIF: {
        out->node_id = rd_nid(&r, api);
        (void)zwh__rd_u8(&r); /* rx status */
        zwh__rd_copy(&r, out->nwi_home_id, 4);
        if (out->status != ZWH__UPDATE_SMARTSTART_INIF && zwh__rd_left(&r) >= 1) {
            uint8_t len = zwh__rd_u8(&r);
            if (len >= 3) {
                out->basic = zwh__rd_u8(&r);
                out->generic = zwh__rd_u8(&r);
                out->specific = zwh__rd_u8(&r);
                out->ccs_len = (size_t)len - 3;
                out->ccs = zwh__rd_take(&r, out->ccs_len);
            }
        }
        break;
    }
    case ZWH__UPDATE_DELETE_DONE:
    case ZWH__UPDATE_SUC_ID:
        out->node_id = rd_nid(&r, api);
        break;
    default:
        break; /* 81 failed, 82, 80: nothing we rely on */
    }
    return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
}

int zwh__api_parse_node_mgmt(const uint8_t *p, size_t n, const zwh__api_t *api, zwh__api_node_mgmt_t *out)
{
    zwh__rd_t r;
    zwh__rd_init(&r, p, n);
    memset(out, 0, sizeof *out);
    (void)zwh__rd_u8(&r); /* callback id */
    out->status = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return ZWH_EBADMSG;
    if (zwh__rd_left(&r) == 0)
        return 0; /* emulators send only `cb status` for some states */
    out->node_id = rd_nid(&r, api);
    if (zwh__rd_left(&r) == 0)
        return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
    uint8_t len = zwh__rd_u8(&r);
    if (len >= 3) {
        out->basic = zwh__rd_u8(&r);
        out->generic = zwh__rd_u8(&r);
        out->specific = zwh__rd_u8(&r);
        out->ccs_len = (size_t)len - 3;
        out->ccs = zwh__rd_take(&r, out->ccs_len);
    }
    return zwh__rd_ok(&r) ? 0 : ZWH_EBADMSG;
}
