/* Network management: inclusion with S2/S0 bootstrapping, exclusion, and the
 * failed-node functions. One operation at a time, as a small state machine
 * over Serial API requests and the security layer's KEX machine
 * (src/security/kex*.c, controller role), which never touches I/O: its SEND
 * actions go out through the send pipeline under the class it names, the
 * temporary and network keys it hands out are loaded into the host's S2/S0
 * engines, and its events become ZWH_EVENT_S2_* prompts for the application.
 *
 * AddNode sequence (Serial API, SERIALAPI-REFERENCE 4.x): LEARN_READY,
 * NODE_FOUND, ADDING_END_NODE (node id + NIF), PROTOCOL_DONE; then
 * AddNode(STOP) -> DONE. The node is then in the stick's table; the host reads
 * its protocol info, bootstraps security, assigns the SUC and controller return
 * routes, and reports. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "security/kex.h"
#include "zwhost/error.h"
#include "zwhost/inclusion.h"

#define NM_ANY 0x01
#define NM_STOP 0x05
#define NM_OPT_HIGH_POWER 0x80
#define NM_OPT_NWI 0x40
#define ST_READY 0x01
#define ST_FOUND 0x02
#define ST_ADDING_END_NODE 0x03
#define ST_ADDING_CONTROLLER 0x04
#define ST_PROTOCOL_DONE 0x05
#define ST_DONE 0x06
#define ST_FAILED 0x07
#define DEFAULT_WAIT_MS 60000u
#define CC_S2 0x9F
#define CC_S0 0x98
#define S2_PUBLIC_KEY_REPORT 0x08

enum { OP_NONE = 0, OP_ADD, OP_REPLACE, OP_REMOVE, OP_REMOVE_FAILED };
enum { PH_IDLE = 0, PH_WAIT, PH_STOP, PH_PROTOCOL, PH_BOOTSTRAP, PH_ROUTES_SUC, PH_ROUTES_CTRL, PH_FAILED_REQ };

struct zwh__incl {
    zwh_host_t *host;
    int op, phase;
    zwh__request_t req;
    bool req_busy;
    zwh_include_opts_t opts;
    zwh_include_cb cb;
    zwh_remove_cb rcb;
    void *user;
    uint16_t node;
    uint8_t basic, generic, specific;
    uint8_t ccs[ZWH__NODE_MAX_CC];
    uint8_t nccs;
    bool kex_active, s0;
    zwh__kex_t kex;
    uint32_t s2_mask;   /* engine classes (ZWH__S2_BIT) the node may use during the bootstrap */
    uint32_t granted;   /* ZWH_SECCLASS bits */
    int kex_fail;
    int status;
    bool stop_requested;
    bool smartstart;    /* a provisioned device: verify its DSK against dsk */
    bool dsk_mismatch;  /* ... and the key it sent did not match */
    uint8_t dsk[16];
    uv_timer_t timer;
};

static void finish_add(zwh_host_t *h, int status);

static void progress(zwh_host_t *h, const char *step, uint16_t node)
{
    ZWH_LOGI(&h->log, "inclusion: %s%s", step, node ? "" : "");
    zwh_event_t ev = {.type = ZWH_EVENT_INCLUSION, .message = step, .node_id = node, .rssi = 127,
                      .secclass = ZWH_SECCLASS_NONE};
    zwh__host_emit_event(h, &ev);
}

/* Every request completion: the request is free again; NULL when nothing
 * should happen (closing, or the operation was aborted meanwhile). */
static zwh__incl_t *request_finished(zwh_host_t *h)
{
    zwh__incl_t *in = h->incl;
    if (!in)
        return NULL;
    in->req_busy = false;
    if (h->state == ZWH_HOST_CLOSING || in->op == OP_NONE)
        return NULL;
    return in;
}

/* ---- class mappings ---- */

static int engine_class(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_TEMP: return ZWH__S2_TEMP;
    case ZWH_SECCLASS_S0: return ZWH__S2_S0_VERIFY;
    default: return secclass;
    }
}

static uint32_t keys_to_classes(const zwh__kex_t *m, uint8_t keys)
{
    uint32_t out = 0;
    for (int b = 0; b < 8; b++)
        if (keys & (1u << b)) {
            int c = zwh__kex_key_class(m, (uint8_t)(1u << b));
            if (c >= 0 && c < ZWH_SECCLASS_COUNT)
                out |= 1u << c;
        }
    return out;
}

static uint8_t classes_to_keys(uint32_t classes)
{
    uint8_t k = 0;
    if (classes & (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED))
        k |= ZWH_KEY_S2_UNAUTHENTICATED;
    if (classes & ((1u << ZWH_SECCLASS_S2_AUTHENTICATED) | (1u << ZWH_SECCLASS_S2_LR_AUTHENTICATED)))
        k |= ZWH_KEY_S2_AUTHENTICATED;
    if (classes & ((1u << ZWH_SECCLASS_S2_ACCESS_CONTROL) | (1u << ZWH_SECCLASS_S2_LR_ACCESS_CONTROL)))
        k |= ZWH_KEY_S2_ACCESS_CONTROL;
    if (classes & (1u << ZWH_SECCLASS_S0))
        k |= ZWH_KEY_S0;
    return k;
}

static bool nif_has(const zwh__incl_t *in, uint8_t cc)
{
    for (size_t i = 0; i < in->nccs && in->ccs[i] != 0xEF; i++)
        if (in->ccs[i] == cc)
            return true;
    return false;
}

/* ---- timers ---- */

static void on_timer(uv_timer_t *t);

static void arm(zwh__incl_t *in)
{
    if (!in->kex_active) {
        uv_timer_stop(&in->timer);
        return;
    }
    uint64_t d = zwh__kex_deadline(&in->kex);
    if (d == UINT64_MAX) {
        uv_timer_stop(&in->timer);
        return;
    }
    uint64_t now = zwh__host_now(in->host);
    uv_timer_start(&in->timer, on_timer, d > now ? d - now : 0, 0);
}

/* ---- KEX actions ---- */

static void kex_send_done(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    (void)user;
    int st = zwh_result_get_status(res);
    if (st != 0 && st != ZWH_ECANCELED)
        ZWH_LOGD(&h->log, "bootstrap frame to node %u failed: %s", zwh_result_get_node_id(res), zwh_err_name(st));
}

static void sync_s2(zwh_host_t *h, zwh__incl_t *in)
{
    if (h->s2)
        (void)zwh__s2_set_granted(h->s2, in->node, in->s2_mask);
}

static void run_actions(zwh_host_t *h, zwh__incl_t *in, const zwh__kex_out_t *out);

static void kex_finished(zwh_host_t *h, zwh__incl_t *in, int status)
{
    in->kex_active = false;
    uv_timer_stop(&in->timer);
    zwh__kex_clear(&in->kex);
    if (in->s0 && h->s0)
        (void)zwh__s0_allow_temp_key(h->s0, in->node, 0);
    if (h->s2) {
        (void)zwh__s2_clear_key(h->s2, ZWH__S2_TEMP);
        /* reload the network keys the bootstrap may have shadowed */
    }
    zwh__secure_set_granted(h, in->node, in->granted);
    finish_add(h, status);
}

static void run_actions(zwh_host_t *h, zwh__incl_t *in, const zwh__kex_out_t *out)
{
    for (size_t i = 0; i < out->n && in->kex_active; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND: {
            zwh_send_opts_t o;
            zwh_send_opts_init(&o);
            o.flags = ZWH_SEND_NO_SUPERVISION;
            o.timeout_ms = 12000;
            int cls = a->secclass;
            if (in->s0 && cls == ZWH_SECCLASS_TEMP)
                cls = ZWH__SECCLASS_S0_TEMP;
            o.secclass = (int8_t)cls;
            int rc = zwh__tx_submit(h, in->node, a->data, a->len, &o, ZWH__TXF_INTERNAL, kex_send_done, NULL, NULL);
            if (rc < 0)
                ZWH_LOGW(&h->log, "node %u: bootstrap frame not queued: %s", in->node, zwh_err_name(rc));
            break;
        }
        case ZWH__KEX_ACT_TEMP_KEY:
            if (in->s0) {
                if (h->s0)
                    (void)zwh__s0_allow_temp_key(h->s0, in->node, 1);
            } else if (h->s2 && zwh__s2_set_class_keys(h->s2, ZWH__S2_TEMP, a->temp_keys) == 0) {
                in->s2_mask |= ZWH__S2_BIT(ZWH__S2_TEMP);
                sync_s2(h, in);
            }
            break;
        case ZWH__KEX_ACT_NET_KEY:
            if (!in->s0) {
                in->s2_mask |= ZWH__S2_BIT(engine_class(a->secclass));
                sync_s2(h, in);
            }
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            if (in->s0) {
                if (h->s0)
                    (void)zwh__s0_allow_temp_key(h->s0, in->node, 0);
            } else {
                in->s2_mask &= ~ZWH__S2_BIT(ZWH__S2_TEMP);
                for (int b = 0; b < 8; b++)
                    if (a->keys & (1u << b))
                        in->s2_mask &= ~ZWH__S2_BIT(engine_class(zwh__kex_key_class(&in->kex, (uint8_t)(1u << b))));
                sync_s2(h, in);
            }
            break;
        case ZWH__KEX_ACT_EVENT:
            switch (a->event) {
            case ZWH__KEX_EV_GRANT_REQUEST: {
                uint32_t requested = keys_to_classes(&in->kex, a->keys);
                if (in->opts.auto_grant) {
                    uint32_t allowed = in->opts.allowed ? in->opts.allowed : ~0u;
                    zwh__kex_out_t o2;
                    if (zwh__kex_grant(&in->kex, classes_to_keys(requested & allowed), a->csa != 0,
                                       zwh__host_now(h), &o2) == 0)
                        run_actions(h, in, &o2);
                } else {
                    zwh_event_t ev = {.type = ZWH_EVENT_S2_GRANT, .node_id = in->node, .value = requested,
                                      .status = a->csa ? 1 : 0, .rssi = 127, .secclass = ZWH_SECCLASS_NONE};
                    zwh__host_emit_event(h, &ev);
                }
                break;
            }
            case ZWH__KEX_EV_PIN_REQUEST:
                if (in->smartstart && (a->len < 16 || memcmp(a->data + 2, in->dsk + 2, 14) != 0)) {
                    /* not the provisioned device: its key does not match the DSK */
                    ZWH_LOGW(&h->log, "node %u: SmartStart DSK mismatch: bootstrap aborted", in->node);
                    in->dsk_mismatch = true;
                    zwh__kex_out_t o2;
                    if (zwh__kex_cancel(&in->kex, zwh__host_now(h), &o2) == 0)
                        run_actions(h, in, &o2);
                } else if (in->opts.has_pin) {
                    zwh__kex_out_t o2;
                    if (zwh__kex_pin(&in->kex, in->opts.pin, zwh__host_now(h), &o2) == 0)
                        run_actions(h, in, &o2);
                } else {
                    zwh_event_t ev = {.type = ZWH_EVENT_S2_PIN, .node_id = in->node, .data = a->data,
                                      .len = a->len, .rssi = 127, .secclass = ZWH_SECCLASS_NONE};
                    zwh__host_emit_event(h, &ev);
                }
                break;
            case ZWH__KEX_EV_CSA_DISPLAY: {
                zwh_event_t ev = {.type = ZWH_EVENT_S2_CSA, .node_id = in->node, .data = a->data, .len = a->len,
                                  .rssi = 127, .secclass = ZWH_SECCLASS_NONE};
                zwh__host_emit_event(h, &ev);
                break;
            }
            case ZWH__KEX_EV_DONE:
                in->granted = keys_to_classes(&in->kex, a->keys);
                ZWH_LOGI(&h->log, "node %u: security bootstrap done (granted 0x%02x)", in->node, in->granted);
                kex_finished(h, in, 0);
                return;
            case ZWH__KEX_EV_FAILED:
                in->granted = 0;
                in->kex_fail = a->fail;
                ZWH_LOGW(&h->log, "node %u: security bootstrap failed: %s%s", in->node, zwh__kex_fail_name(a->fail),
                         a->timeout ? " (timeout)" : a->remote ? " (sent by the node)" : "");
                kex_finished(h, in, ZWH_EKEX_FAIL);
                return;
            default:
                break;
            }
            break;
        default:
            break;
        }
    }
    arm(in);
}

static void on_timer(uv_timer_t *t)
{
    zwh__incl_t *in = t->data;
    zwh_host_t *h = in->host;
    if (!in->kex_active)
        return;
    zwh__kex_out_t out;
    if (zwh__kex_timeout(&in->kex, zwh__host_now(h), &out) == 0)
        run_actions(h, in, &out);
    arm(in);
}

static void start_bootstrap(zwh_host_t *h, zwh__incl_t *in)
{
    bool s2_keys = h->keys && h->s2 &&
                   (zwh_keystore_classes_get(h->keys) & ((1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) |
                                                         (1u << ZWH_SECCLASS_S2_AUTHENTICATED) |
                                                         (1u << ZWH_SECCLASS_S2_ACCESS_CONTROL)));
    bool s0_key = h->keys && h->s0 && (zwh_keystore_classes_get(h->keys) & (1u << ZWH_SECCLASS_S0));
    zwh__kex_config_t cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.keys = h->keys;
    cfg.long_range = in->node > 255;
    if (nif_has(in, CC_S2) && s2_keys) {
        cfg.role = ZWH__KEX_ROLE_CONTROLLER;
        in->s0 = false;
        progress(h, "s2-bootstrap", in->node);
    } else if (nif_has(in, CC_S0) && s0_key) {
        cfg.role = ZWH__KEX_ROLE_S0_CONTROLLER;
        in->s0 = true;
        progress(h, "s0-bootstrap", in->node);
    } else {
        finish_add(h, 0); /* a non-secure node */
        return;
    }
    if (zwh__kex_init(&in->kex, &cfg) != 0) {
        finish_add(h, ZWH_EKEX_FAIL);
        return;
    }
    in->phase = PH_BOOTSTRAP;
    in->kex_active = true;
    in->s2_mask = 0;
    if (h->s2)
        (void)zwh__s2_reset_peer(h->s2, in->node);
    sync_s2(h, in);
    zwh__kex_out_t out;
    if (zwh__kex_start(&in->kex, zwh__host_now(h), &out) == 0)
        run_actions(h, in, &out);
}

/* SmartStart: the joining node's Public Key Report must carry the provisioned
 * DSK (its first 16 bytes; bytes 0..1 blanked when an authenticated class was
 * granted). True when it does not: the bootstrap is cancelled. */
static bool smartstart_key_mismatch(zwh_host_t *h, zwh__incl_t *in, const uint8_t *cmd, size_t len)
{
    if (!in->smartstart || len < 3 + 16 || cmd[0] != CC_S2 || cmd[1] != S2_PUBLIC_KEY_REPORT || (cmd[2] & 0x01))
        return false;
    const uint8_t *key = cmd + 3;
    bool blanked = key[0] == 0 && key[1] == 0;
    if (memcmp(key + 2, in->dsk + 2, 14) == 0 && (blanked || memcmp(key, in->dsk, 2) == 0))
        return false;
    ZWH_LOGW(&h->log, "node %u: SmartStart DSK mismatch: bootstrap aborted", in->node);
    in->dsk_mismatch = true;
    zwh__kex_out_t out;
    if (zwh__kex_cancel(&in->kex, zwh__host_now(h), &out) == 0)
        run_actions(h, in, &out);
    return true;
}

bool zwh__incl_on_security(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int secclass)
{
    zwh__incl_t *in = h->incl;
    if (!in || !in->kex_active || src != in->node || len < 2)
        return false;
    if (smartstart_key_mismatch(h, in, cmd, len))
        return true;
    zwh__kex_out_t out;
    if (zwh__kex_input(&in->kex, cmd, len, secclass, zwh__host_now(h), &out) == 0)
        run_actions(h, in, &out);
    return true;
}

bool zwh__incl_on_command(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int secclass)
{
    zwh__incl_t *in = h->incl;
    if (!in || !in->kex_active || src != in->node || len < 2)
        return false;
    if (cmd[0] != CC_S2 && cmd[0] != CC_S0)
        return false;
    return zwh__incl_on_security(h, src, cmd, len, secclass);
}

void zwh__incl_decrypt_failed(zwh_host_t *h, uint16_t src)
{
    zwh__incl_t *in = h->incl;
    if (!in || !in->kex_active || src != in->node || in->s0)
        return;
    zwh__kex_out_t out;
    if (zwh__kex_decrypt_failed(&in->kex, zwh__host_now(h), &out) == 0)
        run_actions(h, in, &out);
}

/* ---- AddNode ---- */

static void reset_op(zwh__incl_t *in)
{
    in->op = OP_NONE;
    in->phase = PH_IDLE;
    in->cb = NULL;
    in->rcb = NULL;
    in->user = NULL;
    in->stop_requested = false;
    in->smartstart = false;
    in->dsk_mismatch = false;
}

static void complete_include(zwh_host_t *h, int status)
{
    zwh__incl_t *in = h->incl;
    zwh_include_cb cb = in->cb;
    void *user = in->user;
    uint16_t node = in->node;
    uint32_t granted = in->granted;
    int kex_fail = in->kex_fail;
    bool smartstart = in->smartstart, dsk_ok = !in->dsk_mismatch;
    reset_op(in);
    if (smartstart)
        zwh__ss_include_ended(h, status, node, dsk_ok);
    if (status == 0 || status == ZWH_EKEX_FAIL) {
        zwh__node_t *n = zwh__host_node(h, node);
        if (n)
            n->bootstrap_failed = status == ZWH_EKEX_FAIL;
        zwh__persist_touch(h); /* before the event: the application may close the host */
        zwh_event_t ev = {.type = ZWH_EVENT_NODE_ADDED, .status = status, .node_id = node, .value = granted,
                          .rssi = 127, .secclass = zwh__secure_highest(granted)};
        zwh__host_emit_event(h, &ev);
    }
    progress(h, status == 0 ? "done" : "failed", node);
    if (cb)
        cb(h, status, node, granted, kex_fail, user);
    if (status == 0 || status == ZWH_EKEX_FAIL)
        (void)zwh__iv_start(h, node); /* NODE_READY follows when it is done */
    zwh__ss_kick(h);
}

static void routes_done(zwh__request_t *req, int status, void *user);

static void start_routes(zwh_host_t *h, zwh__incl_t *in)
{
    /* the controller's own return route first, then the SUC's when there is one
     * other than us; failures only cost routing quality, never the inclusion */
    in->phase = PH_ROUTES_CTRL;
    progress(h, "routes", in->node);
    in->req_busy = true;
    int rc = zwh__api_req_assign_return_route(&in->req, &h->api, in->node, h->info.node_id, routes_done, h);
    if (rc == 0)
        rc = zwh__serial_submit(&h->serial, &in->req);
    if (rc != 0) {
        in->req_busy = false;
        complete_include(h, in->status);
    }
}

static void routes_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    if (status)
        ZWH_LOGD(&h->log, "node %u: return route: %s", in->node, zwh_err_name(status));
    complete_include(h, in->status);
}

static void finish_add(zwh_host_t *h, int status)
{
    zwh__incl_t *in = h->incl;
    in->status = status;
    start_routes(h, in);
}

static void protocol_done(zwh__request_t *req, int status, void *user)
{
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    zwh__node_t *n = zwh__host_node_add(h, in->node);
    if (!n) {
        complete_include(h, ZWH_ENOMEM);
        return;
    }
    n->present = true;
    n->dead = false;
    n->granted = 0;
    n->sec_ccs_len = 0;
    n->sec_ccs_known = false;
    n->info.basic = in->basic;
    n->info.generic = in->generic;
    n->info.specific = in->specific;
    memcpy(n->ccs, in->ccs, in->nccs);
    n->ccs_len = in->nccs;
    zwh__api_node_protocol_t p;
    if (status == 0 && zwh__api_parse_node_protocol(req->res, req->res_len, &p) == 0)
        zwh__host_node_apply_protocol(n, &p);
    start_bootstrap(h, in);
}

static void read_protocol(zwh_host_t *h, zwh__incl_t *in)
{
    in->phase = PH_PROTOCOL;
    in->req_busy = true;
    int rc = zwh__api_req_node_protocol_info(&in->req, &h->api, in->node, protocol_done, h);
    if (rc == 0) {
        in->req.priority = ZWH__PRIO_CONTROL;
        rc = zwh__serial_submit(&h->serial, &in->req);
    }
    if (rc != 0) {
        in->req_busy = false;
        protocol_done(&in->req, rc, h);
    }
}

static int stop_progress(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    (void)req;
    (void)func;
    (void)p;
    (void)n;
    *status = 0; /* DONE or FAILED: either way the stick has left inclusion mode */
    return 1;
}

static void stop_done(zwh__request_t *req, int status, void *user);

static void send_stop(zwh_host_t *h, zwh__incl_t *in, uint8_t func)
{
    in->phase = PH_STOP;
    in->req_busy = true;
    int rc = func == ZWH__FUNC_ADD_NODE ? zwh__api_req_add_node(&in->req, NM_STOP, stop_progress, stop_done, h)
                                        : zwh__api_req_remove_node(&in->req, NM_STOP, stop_progress, stop_done, h);
    if (rc == 0) {
        in->req.cb_timeout_ms = 5000;
        rc = zwh__serial_submit(&h->serial, &in->req);
    }
    if (rc != 0) {
        in->req_busy = false;
        stop_done(&in->req, rc, h);
    }
}

static void complete_remove(zwh_host_t *h, int status, uint16_t node)
{
    zwh__incl_t *in = h->incl;
    zwh_remove_cb cb = in->rcb;
    void *user = in->user;
    reset_op(in);
    if (status == 0 && node) {
        zwh__host_node_remove(h, node);
        zwh__ss_node_removed(h, node);
        zwh__host_emit(h, ZWH_EVENT_NODE_REMOVED, 0, NULL, node);
    }
    progress(h, status == 0 ? "done" : "failed", node);
    if (cb)
        cb(h, status, node, user);
    zwh__ss_kick(h);
}

static void stop_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    (void)status;
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    if (in->op == OP_REMOVE) {
        complete_remove(h, in->status, in->status == 0 ? in->node : 0);
        return;
    }
    if (in->status != 0) {
        complete_include(h, in->status);
        return;
    }
    read_protocol(h, in);
}

static void take_nif(zwh__incl_t *in, const zwh__api_node_mgmt_t *m)
{
    in->node = m->node_id;
    in->basic = m->basic;
    in->generic = m->generic;
    in->specific = m->specific;
    size_t k = m->ccs_len < sizeof in->ccs ? m->ccs_len : sizeof in->ccs;
    if (k)
        memcpy(in->ccs, m->ccs, k);
    in->nccs = (uint8_t)k;
}

/* Every callback of AddNode and RemoveNode: progress events, the node id and
 * (adding) its NIF; returns 1 with *status when the mode's part is over. */
static int mgmt_progress(zwh__request_t *req, uint8_t func, const uint8_t *p, size_t n, int *status)
{
    zwh_host_t *h = req->user;
    zwh__incl_t *in = h->incl;
    bool adding = func == ZWH__FUNC_ADD_NODE;
    zwh__api_node_mgmt_t m;
    if (zwh__api_parse_node_mgmt(p, n, &h->api, &m) != 0)
        return 0;
    switch (m.status) {
    case ST_READY: progress(h, "waiting", 0); return 0;
    case ST_FOUND: progress(h, "found", 0); return 0;
    case ST_ADDING_END_NODE:
    case ST_ADDING_CONTROLLER:
        if (adding)
            take_nif(in, &m);
        else if (m.node_id)
            in->node = m.node_id;
        progress(h, adding ? "adding" : "removing", in->node);
        return 0;
    case ST_PROTOCOL_DONE:
        if (!adding)
            break;
        if (m.node_id)
            in->node = m.node_id;
        progress(h, "protocol-done", in->node);
        *status = 0;
        return 1;
    case ST_DONE:
        if (m.node_id)
            in->node = m.node_id;
        *status = 0;
        return 1;
    default:
        break;
    }
    *status = ZWH_EREJECTED;
    return 1;
}

/* Inclusion/exclusion mode ended (a device, a timeout waiting for one, a
 * failure or a stop): leave the mode; the outcome follows at STOP's answer. */
static void mode_done(zwh_host_t *h, zwh__incl_t *in, int status, uint8_t func)
{
    in->status = status == 0 && in->node ? 0 : (status ? status : ZWH_EREJECTED);
    send_stop(h, in, func);
}

static void add_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    mode_done(h, in, status, ZWH__FUNC_ADD_NODE);
}

static int check_idle(const zwh_host_t *h)
{
    if (!h)
        return ZWH_EINVAL;
    if (h->state != ZWH_HOST_READY || !h->incl)
        return ZWH_ENOTCONN;
    if (h->incl->op != OP_NONE || h->incl->req_busy)
        return ZWH_EBUSY; /* includes a cancelled request whose completion is still due */
    return 0;
}

ZWH_EXTERN void zwh_include_opts_init(zwh_include_opts_t *opts)
{
    if (opts)
        memset(opts, 0, sizeof *opts);
}

bool zwh__incl_idle(const zwh_host_t *h)
{
    return check_idle(h) == 0;
}

/* AddNode in `mode`; home_ids: the SmartStart include's 8 home id bytes, else NULL. */
static int start_add(zwh_host_t *host, const zwh_include_opts_t *opts, zwh_include_cb cb, void *user,
                     uint8_t mode, const uint8_t *home_ids)
{
    int rc = check_idle(host);
    if (rc)
        return rc;
    zwh__incl_t *in = host->incl;
    memset(&in->opts, 0, sizeof in->opts);
    if (opts)
        in->opts = *opts;
    in->op = OP_ADD;
    in->cb = cb;
    in->user = user;
    in->node = 0;
    in->nccs = 0;
    in->granted = 0;
    in->kex_fail = 0;
    in->status = 0;
    rc = home_ids ? zwh__api_req_add_node_home_id(&in->req, mode, home_ids, mgmt_progress, add_done, host)
                  : zwh__api_req_add_node(&in->req, mode, mgmt_progress, add_done, host);
    if (rc == 0) {
        in->req.cb_timeout_ms = in->opts.timeout_ms ? in->opts.timeout_ms : DEFAULT_WAIT_MS;
        in->req.user = host;
        rc = zwh__serial_submit(&host->serial, &in->req);
    }
    if (rc != 0) {
        reset_op(in);
        return rc;
    }
    in->req_busy = true;
    in->phase = PH_WAIT;
    return 0;
}

ZWH_EXTERN int zwh_host_include(zwh_host_t *host, const zwh_include_opts_t *opts, zwh_include_cb cb, void *user)
{
    uint8_t mode = NM_ANY | NM_OPT_HIGH_POWER | (opts && opts->network_wide ? NM_OPT_NWI : 0);
    return start_add(host, opts, cb, user, mode, NULL);
}

int zwh__incl_add_smartstart(zwh_host_t *h, uint8_t mode, const uint8_t home_ids[8], const uint8_t dsk[16],
                             uint32_t classes)
{
    zwh_include_opts_t o;
    zwh_include_opts_init(&o);
    o.auto_grant = 1;
    o.allowed = classes;
    o.has_pin = 1;
    o.pin = (uint16_t)(dsk[0] << 8 | dsk[1]); /* the PIN is the DSK's first group */
    int rc = start_add(h, &o, NULL, NULL, mode, home_ids);
    if (rc == 0) {
        h->incl->smartstart = true;
        memcpy(h->incl->dsk, dsk, sizeof h->incl->dsk);
    }
    return rc;
}

ZWH_EXTERN int zwh_host_grant(zwh_host_t *host, uint32_t classes, int allow_csa)
{
    if (!host || !host->incl || !host->incl->kex_active)
        return ZWH_EINVAL;
    zwh__incl_t *in = host->incl;
    uint32_t allowed = in->opts.allowed ? in->opts.allowed : ~0u;
    zwh__kex_out_t out;
    int rc = zwh__kex_grant(&in->kex, classes_to_keys(classes & allowed), allow_csa != 0, zwh__host_now(host), &out);
    if (rc < 0)
        return rc;
    run_actions(host, in, &out);
    return 0;
}

ZWH_EXTERN int zwh_host_set_pin(zwh_host_t *host, uint16_t pin)
{
    if (!host || !host->incl || !host->incl->kex_active)
        return ZWH_EINVAL;
    zwh__incl_t *in = host->incl;
    zwh__kex_out_t out;
    int rc = zwh__kex_pin(&in->kex, pin, zwh__host_now(host), &out);
    if (rc < 0)
        return rc;
    run_actions(host, in, &out);
    return 0;
}

ZWH_EXTERN int zwh_host_stop(zwh_host_t *host)
{
    if (!host || !host->incl || host->incl->op == OP_NONE)
        return ZWH_EINVAL;
    zwh__incl_t *in = host->incl;
    if (in->kex_active) {
        zwh__kex_out_t out;
        if (zwh__kex_cancel(&in->kex, zwh__host_now(host), &out) == 0)
            run_actions(host, in, &out);
        return 0;
    }
    if (in->phase == PH_WAIT && in->req_busy) {
        in->stop_requested = true;
        (void)zwh__serial_cancel(&host->serial, &in->req);
        return 0;
    }
    return ZWH_EALREADY;
}

/* ---- RemoveNode ---- */

static void remove_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    mode_done(h, in, status, ZWH__FUNC_REMOVE_NODE);
}

ZWH_EXTERN int zwh_host_exclude(zwh_host_t *host, uint32_t timeout_ms, zwh_remove_cb cb, void *user)
{
    int rc = check_idle(host);
    if (rc)
        return rc;
    zwh__incl_t *in = host->incl;
    in->op = OP_REMOVE;
    in->rcb = cb;
    in->user = user;
    in->node = 0;
    in->status = 0;
    rc = zwh__api_req_remove_node(&in->req, NM_ANY | NM_OPT_HIGH_POWER, mgmt_progress, remove_done, host);
    if (rc == 0) {
        in->req.cb_timeout_ms = timeout_ms ? timeout_ms : DEFAULT_WAIT_MS;
        in->req.user = host;
        rc = zwh__serial_submit(&host->serial, &in->req);
    }
    if (rc != 0) {
        reset_op(in);
        return rc;
    }
    in->req_busy = true;
    in->phase = PH_WAIT;
    return 0;
}

/* ---- failed nodes ---- */

static void failed_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    zwh_host_t *h = user;
    zwh__incl_t *in = request_finished(h);
    if (!in)
        return;
    if (in->op == OP_REMOVE_FAILED) {
        complete_remove(h, status, in->node);
        return;
    }
    /* replace: the new device joined under the same id */
    if (status != 0) {
        complete_include(h, status);
        return;
    }
    in->nccs = 0;
    read_protocol(h, in);
}

static int start_failed(zwh_host_t *host, uint16_t node_id, uint8_t func, int op)
{
    int rc = check_idle(host);
    if (rc)
        return rc;
    if (!zwh__host_node(host, node_id) || node_id == host->info.node_id)
        return ZWH_ENONODE;
    zwh__incl_t *in = host->incl;
    in->op = op;
    in->node = node_id;
    in->granted = 0;
    in->kex_fail = 0;
    in->status = 0;
    rc = zwh__api_req_failed_node(&in->req, &host->api, func, node_id, failed_done, host);
    if (rc == 0)
        rc = zwh__serial_submit(&host->serial, &in->req);
    if (rc != 0) {
        reset_op(in);
        return rc;
    }
    in->req_busy = true;
    in->phase = PH_FAILED_REQ;
    return 0;
}

ZWH_EXTERN int zwh_host_remove_failed(zwh_host_t *host, uint16_t node_id, zwh_remove_cb cb, void *user)
{
    int rc = start_failed(host, node_id, ZWH__FUNC_REMOVE_FAILED_NODE, OP_REMOVE_FAILED);
    if (rc == 0) {
        host->incl->rcb = cb;
        host->incl->user = user;
    }
    return rc;
}

ZWH_EXTERN int zwh_host_replace_failed(zwh_host_t *host, uint16_t node_id, const zwh_include_opts_t *opts,
                                       zwh_include_cb cb, void *user)
{
    int rc = start_failed(host, node_id, ZWH__FUNC_REPLACE_FAILED_NODE, OP_REPLACE);
    if (rc == 0) {
        zwh__incl_t *in = host->incl;
        memset(&in->opts, 0, sizeof in->opts);
        if (opts)
            in->opts = *opts;
        in->cb = cb;
        in->user = user;
    }
    return rc;
}

bool zwh__incl_busy_with(const zwh_host_t *h, uint16_t node)
{
    const zwh__incl_t *in = h->incl;
    return in && (in->op == OP_ADD || in->op == OP_REPLACE) && in->node == node;
}

/* ---- lifecycle ---- */

int zwh__incl_init(zwh_host_t *h)
{
    zwh__incl_t *in = calloc(1, sizeof *in);
    if (!in)
        return ZWH_ENOMEM;
    in->host = h;
    uv_timer_init(h->loop, &in->timer);
    in->timer.data = in;
    h->incl = in;
    return 0;
}

/* Port dropped / start-up re-runs: the running operation fails. */
void zwh__incl_abort(zwh_host_t *h, int status)
{
    zwh__incl_t *in = h->incl;
    if (!in || in->op == OP_NONE)
        return;
    if (in->kex_active) {
        in->kex_active = false;
        zwh__kex_clear(&in->kex);
        uv_timer_stop(&in->timer);
    }
    if (in->req_busy)
        (void)zwh__serial_cancel(&h->serial, &in->req); /* req_busy clears at its completion */
    if (in->op == OP_REMOVE || in->op == OP_REMOVE_FAILED) {
        zwh_remove_cb cb = in->rcb;
        void *user = in->user;
        uint16_t node = in->node;
        reset_op(in);
        if (cb)
            cb(h, status, node, user);
    } else {
        zwh_include_cb cb = in->cb;
        void *user = in->user;
        uint16_t node = in->node;
        bool smartstart = in->smartstart, dsk_ok = !in->dsk_mismatch;
        reset_op(in);
        if (smartstart)
            zwh__ss_include_ended(h, status, node, dsk_ok);
        if (cb)
            cb(h, status, node, 0, 0, user);
    }
}

static void incl_closed(uv_handle_t *hd)
{
    zwh__incl_t *in = hd->data;
    zwh__host_closed_one(in->host);
}

void zwh__incl_close(zwh_host_t *h)
{
    if (!h->incl)
        return;
    zwh__incl_abort(h, ZWH_ECANCELED);
    h->pending_closes++;
    uv_close((uv_handle_t *)&h->incl->timer, incl_closed);
}

/* After the loop delivered every completion (the host is being freed). */
void zwh__incl_free(zwh_host_t *h)
{
    if (!h->incl)
        return;
    zwh__kex_clear(&h->incl->kex);
    free(h->incl);
    h->incl = NULL;
}
