/* The zwh_host object: lifecycle, options, events, unsolicited frames. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "zwhost/cc.h"
#include "zwhost/error.h"

ZWH_EXTERN int zwh_event_get_type(const zwh_event_t *ev) { return ev ? ev->type : 0; }
ZWH_EXTERN int zwh_event_get_status(const zwh_event_t *ev) { return ev ? ev->status : 0; }
ZWH_EXTERN const char *zwh_event_get_message(const zwh_event_t *ev)
{
    return ev && ev->message ? ev->message : "";
}
ZWH_EXTERN uint16_t zwh_event_get_node_id(const zwh_event_t *ev) { return ev ? ev->node_id : 0; }
ZWH_EXTERN const uint8_t *zwh_event_get_data(const zwh_event_t *ev, size_t *len)
{
    if (len)
        *len = ev ? ev->len : 0;
    return ev ? ev->data : NULL;
}
ZWH_EXTERN int zwh_event_get_rssi(const zwh_event_t *ev) { return ev ? ev->rssi : 127; }
ZWH_EXTERN int zwh_event_get_endpoint(const zwh_event_t *ev) { return ev ? ev->endpoint : 0; }
ZWH_EXTERN int zwh_event_get_secclass(const zwh_event_t *ev) { return ev ? ev->secclass : ZWH_SECCLASS_NONE; }
ZWH_EXTERN uint32_t zwh_event_get_value(const zwh_event_t *ev) { return ev ? ev->value : 0; }
ZWH_EXTERN int zwh_event_get_progress(const zwh_event_t *ev, int *index, int *total)
{
    if (!ev || ev->type != ZWH_EVENT_INTERVIEW)
        return ZWH_EINVAL;
    if (index)
        *index = ev->index;
    if (total)
        *total = ev->total;
    return 0;
}

ZWH_EXTERN const char *zwh_event_type_name(int type)
{
    switch (type) {
    case ZWH_EVENT_READY: return "ready";
    case ZWH_EVENT_ERROR: return "error";
    case ZWH_EVENT_DISCONNECTED: return "disconnected";
    case ZWH_EVENT_CONNECTED: return "connected";
    case ZWH_EVENT_NODE_INFO: return "node-info";
    case ZWH_EVENT_COMMAND: return "command";
    case ZWH_EVENT_NODE_ADDED: return "node-added";
    case ZWH_EVENT_NODE_REMOVED: return "node-removed";
    case ZWH_EVENT_NODE_READY: return "node-ready";
    case ZWH_EVENT_NODE_DEAD: return "node-dead";
    case ZWH_EVENT_NODE_ALIVE: return "node-alive";
    case ZWH_EVENT_INTERVIEW: return "interview";
    case ZWH_EVENT_WAKE_UP: return "wake-up";
    case ZWH_EVENT_TX_REPORT: return "tx-report";
    case ZWH_EVENT_SECURITY_DROP: return "security-drop";
    case ZWH_EVENT_INCLUSION: return "inclusion";
    case ZWH_EVENT_S2_GRANT: return "s2-grant";
    case ZWH_EVENT_S2_PIN: return "s2-pin";
    case ZWH_EVENT_S2_CSA: return "s2-csa";
    case ZWH_EVENT_NOTIFICATION: return "notification";
    case ZWH_EVENT_VALUE: return "value";
    default: return "unknown";
    }
}

void zwh__host_emit_event(zwh_host_t *h, const zwh_event_t *ev)
{
    if (h->event_cb && h->state != ZWH_HOST_CLOSING)
        h->event_cb(h, ev, h->event_user);
}

void zwh__host_emit(zwh_host_t *h, int type, int status, const char *message, uint16_t node_id)
{
    zwh_event_t ev = {.type = type, .status = status, .message = message, .node_id = node_id, .rssi = 127,
                      .secclass = ZWH_SECCLASS_NONE};
    zwh__host_emit_event(h, &ev);
}

/* ---- serial callbacks ---- */

static void on_connect(void *user)
{
    zwh_host_t *h = user;
    h->state = ZWH_HOST_STARTING;
    zwh__host_emit(h, ZWH_EVENT_CONNECTED, 0, h->url, 0);
    zwh__startup_begin(h);
}

static void on_disconnect(void *user, int status, const char *why)
{
    zwh_host_t *h = user;
    zwh__startup_cancel(h);
    zwh__incl_abort(h, ZWH_ECONNRESET);
    h->state = ZWH_HOST_CONNECTING;
    zwh__host_emit(h, ZWH_EVENT_DISCONNECTED, status, why, 0);
}

static void on_open_error(void *user, int status, const char *why)
{
    zwh_host_t *h = user;
    h->state = ZWH_HOST_CONNECTING;
    zwh__host_emit(h, ZWH_EVENT_ERROR, status, why, 0);
}

static void handle_app_cmd(zwh_host_t *h, const uint8_t *p, size_t n, bool bridge)
{
    zwh__api_app_cmd_t a;
    if (zwh__api_parse_app_cmd(p, n, &h->api, bridge, &a) != 0) {
        ZWH_LOGD(&h->log, "malformed ApplicationCommandHandler dropped");
        return;
    }
    if (zwh__log_enabled(&h->log, ZWH_LOG_TRACE)) {
        char line[512];
        zwh_cc_format(a.cmd, a.cmd_len, line, sizeof line);
        ZWH_LOGT(&h->log, "node %u: %s", a.src, line);
    }
    if (h->state != ZWH_HOST_READY)
        return; /* start-up: the node table and security are not set up yet */
    zwh__rx_app_cmd(h, a.src, a.cmd, a.cmd_len, a.has_rssi ? a.rssi : 127, (a.rx_status & 0x0C) != 0);
}

static void handle_update(zwh_host_t *h, const uint8_t *p, size_t n)
{
    zwh__api_update_t u;
    if (zwh__api_parse_update(p, n, &h->api, &u) != 0) {
        ZWH_LOGD(&h->log, "malformed ApplicationUpdate dropped");
        return;
    }
    zwh__ss_on_update(h, &u);
    if (u.status == ZWH__UPDATE_NODE_INFO || u.status == ZWH__UPDATE_NEW_ID) {
        zwh__node_t *node = zwh__host_node_add(h, u.node_id);
        if (!node)
            return;
        node->info.basic = u.basic;
        node->info.generic = u.generic;
        node->info.specific = u.specific;
        size_t k = u.ccs_len < sizeof node->ccs ? u.ccs_len : sizeof node->ccs;
        if (k)
            memcpy(node->ccs, u.ccs, k);
        node->ccs_len = (uint8_t)k;
        zwh__host_emit(h, ZWH_EVENT_NODE_INFO, 0, NULL, u.node_id);
        node = zwh__host_node(h, u.node_id); /* the event handler may have changed the table */
        if (node)
            zwh__iv_node_info(h, node);
    }
}

static void on_unsolicited(void *user, uint8_t func, const uint8_t *p, size_t n)
{
    zwh_host_t *h = user;
    switch (func) {
    case ZWH__FUNC_APPLICATION_COMMAND_HANDLER: handle_app_cmd(h, p, n, false); break;
    case ZWH__FUNC_APPLICATION_COMMAND_HANDLER_BRIDGE: handle_app_cmd(h, p, n, true); break;
    case ZWH__FUNC_APPLICATION_UPDATE: handle_update(h, p, n); break;
    case ZWH__FUNC_SERIAL_API_STARTED:
        if (h->state == ZWH_HOST_READY) {
            /* the stick restarted under us (watchdog, reset): start over */
            ZWH_LOGW(&h->log, "controller restarted; running start-up again");
            h->state = ZWH_HOST_STARTING;
            zwh__startup_begin(h);
        }
        break;
    default:
        break;
    }
}

/* ---- lifecycle ---- */

static void on_async(uv_async_t *a)
{
    zwh_host_t *h = a->data;
    if (h->wakeup_cb && h->state != ZWH_HOST_CLOSING)
        h->wakeup_cb(h, h->wakeup_user);
}

ZWH_EXTERN int zwh_host_new(uv_loop_t *loop, zwh_host_t **out)
{
    if (!out)
        return ZWH_EINVAL;
    *out = NULL;
    zwh_host_t *h = calloc(1, sizeof *h);
    if (!h)
        return ZWH_ENOMEM;
    if (!loop) {
        h->own_loop = calloc(1, sizeof *h->own_loop);
        if (!h->own_loop || uv_loop_init(h->own_loop) != 0) {
            free(h->own_loop);
            free(h);
            return ZWH_ENOMEM;
        }
        loop = h->own_loop;
    }
    h->loop = loop;
    zwh__log_init(&h->log);
    h->log.prefix = "zwhost";
    zwh__session_config_default(&h->cfg);
    h->soft_reset_wait_ms = 1500;
    h->retry_min_ms = 500;
    h->retry_max_ms = 16000;
    h->state = ZWH_HOST_IDLE;
    h->startup.step = -1;
    h->info.rf_region = 0xFE;
    zwh__storage_init(&h->storage);
    uv_async_init(loop, &h->async, on_async);
    h->async.data = h;
    *out = h;
    return 0;
}

ZWH_EXTERN int zwh_host_set_port(zwh_host_t *host, const char *url)
{
    if (!host || !url || !url[0] || strlen(url) >= sizeof host->url || host->state != ZWH_HOST_IDLE)
        return ZWH_EINVAL;
    memcpy(host->url, url, strlen(url) + 1);
    return 0;
}

ZWH_EXTERN int zwh_host_set_event_cb(zwh_host_t *host, zwh_event_cb cb, void *user)
{
    if (!host)
        return ZWH_EINVAL;
    host->event_cb = cb;
    host->event_user = user;
    return 0;
}

ZWH_EXTERN int zwh_host_set_log(zwh_host_t *host, zwh_log_cb cb, int level, unsigned flags, void *user)
{
    if (!host || level < ZWH_LOG_ERROR || level > ZWH_LOG_TRACE)
        return ZWH_EINVAL;
    host->log.cb = cb;
    host->log.user = user;
    host->log.level = level;
    host->log.flags = flags;
    return 0;
}

ZWH_EXTERN int zwh_host_set_timeout(zwh_host_t *host, int which, uint32_t ms)
{
    if (!host || host->state != ZWH_HOST_IDLE)
        return ZWH_EINVAL;
    switch (which) {
    case ZWH_TIMEOUT_ACK:
        if (ms == 0) return ZWH_EINVAL;
        host->cfg.link.ack_timeout_ms = ms;
        return 0;
    case ZWH_TIMEOUT_RESPONSE:
        if (ms == 0) return ZWH_EINVAL;
        host->cfg.res_timeout_ms = ms;
        return 0;
    case ZWH_TIMEOUT_CALLBACK:
        if (ms == 0) return ZWH_EINVAL;
        host->cfg.cb_timeout_ms = ms;
        return 0;
    case ZWH_TIMEOUT_SOFT_RESET:
        host->soft_reset_wait_ms = ms;
        return 0;
    default:
        return ZWH_EINVAL;
    }
}

ZWH_EXTERN int zwh_host_set_reconnect(zwh_host_t *host, uint32_t min_ms, uint32_t max_ms)
{
    if (!host)
        return ZWH_EINVAL;
    host->retry_min_ms = min_ms;
    host->retry_max_ms = max_ms;
    if (host->serial_ready)
        zwh__serial_set_retry(&host->serial, min_ms, max_ms);
    return 0;
}

ZWH_EXTERN int zwh_host_set_wakeup_cb(zwh_host_t *host, zwh_wakeup_cb cb, void *user)
{
    if (!host)
        return ZWH_EINVAL;
    host->wakeup_cb = cb;
    host->wakeup_user = user;
    return 0;
}

ZWH_EXTERN int zwh_host_wakeup(zwh_host_t *host)
{
    if (!host)
        return ZWH_EINVAL;
    return uv_async_send(&host->async);
}

ZWH_EXTERN int zwh_host_start(zwh_host_t *host)
{
    if (!host || !host->url[0])
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_IDLE)
        return ZWH_EALREADY;
    int rc = zwh__tx_init(host);
    if (rc == 0)
        rc = zwh__persist_init(host);
    if (rc == 0 && !host->incl)
        rc = zwh__incl_init(host);
    if (rc != 0)
        return rc;
    zwh__serial_cbs_t cbs = {on_connect, on_disconnect, on_open_error, on_unsolicited};
    zwh__serial_init(&host->serial, host->loop, &host->cfg, &host->log, &cbs, host);
    zwh__serial_set_retry(&host->serial, host->retry_min_ms, host->retry_max_ms);
    host->serial_ready = true;
    host->state = ZWH_HOST_CONNECTING;
    rc = zwh__serial_open(&host->serial, host->url);
    if (rc != 0)
        host->state = ZWH_HOST_IDLE;
    return rc;
}

static void free_host(zwh_host_t *h)
{
    zwh__incl_free(h);
    zwh__ss_free(h);
    zwh__secure_free(h);
    zwh_keystore_free(h->keys);
    zwh__storage_cleanup(&h->storage);
    zwh__host_nodes_free(h);
    free(h);
}

void zwh__host_closed_one(zwh_host_t *h)
{
    if (--h->pending_closes > 0)
        return;
    zwh_close_cb cb = h->close_cb;
    void *user = h->close_user;
    h->closed = true;
    if (cb)
        cb(h, user);
    if (!h->own_loop)
        free_host(h);
    /* a private-loop host is freed by zwh_host_run once its loop has stopped */
}

static void serial_closed(void *user) { zwh__host_closed_one(user); }
static void handle_closed(uv_handle_t *hd) { zwh__host_closed_one(hd->data); }

ZWH_EXTERN int zwh_host_close(zwh_host_t *host, zwh_close_cb cb, void *user)
{
    if (!host)
        return ZWH_EINVAL;
    if (host->state == ZWH_HOST_CLOSING)
        return ZWH_EALREADY;
    host->close_cb = cb;
    host->close_user = user;
    zwh__startup_cancel(host);
    host->state = ZWH_HOST_CLOSING;
    host->pending_closes = 1;
    if (host->serial_ready) {
        host->pending_closes++;
        zwh__serial_close(&host->serial, serial_closed, host);
    }
    zwh__tx_close(host, &host->pending_closes, handle_closed);
    zwh__persist_close(host, handle_closed);
    zwh__incl_close(host);
    uv_close((uv_handle_t *)&host->async, handle_closed);
    return 0;
}

ZWH_EXTERN int zwh_host_run(zwh_host_t *host, int mode)
{
    if (!host || !host->own_loop)
        return ZWH_EINVAL;
    uv_run_mode m = mode == ZWH_RUN_ONCE ? UV_RUN_ONCE : mode == ZWH_RUN_NOWAIT ? UV_RUN_NOWAIT : UV_RUN_DEFAULT;
    uv_loop_t *loop = host->own_loop;
    int rc = uv_run(loop, m);
    if (host->closed && !uv_loop_alive(loop)) {
        uv_loop_close(loop);
        free(loop);
        free_host(host);
    }
    return rc;
}

ZWH_EXTERN uv_loop_t *zwh_host_get_loop(zwh_host_t *host)
{
    return host ? host->loop : NULL;
}

ZWH_EXTERN int zwh_host_get_state(const zwh_host_t *host)
{
    return host ? host->state : ZWH_EINVAL;
}

ZWH_EXTERN int zwh_host_get_controller_info(const zwh_host_t *host, zwh_controller_info_t *out)
{
    if (!host || !out)
        return ZWH_EINVAL;
    *out = host->info;
    out->node_count = (uint16_t)host->node_count;
    return 0;
}
