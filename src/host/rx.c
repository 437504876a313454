/* The receive path, the mirror of the send pipeline:
 *   ApplicationCommandHandler -> [Transport Service] -> [S2 | S0] -> [Multi Channel]
 *   -> [Multi Command / CRC-16] -> [Supervision Get] -> security policy -> consumers
 * Consumers: the Supervision session manager (Reports), the nonce waits of the
 * send pipeline, the S2/S0 bootstrapping, the Time CC server, the transaction
 * waiting for a report, and finally the application (ZWH_EVENT_COMMAND with the
 * endpoint and the class the command arrived under).
 *
 * Nothing from the wire is trusted: every stage checks lengths, a failed
 * decryption or a policy violation is counted, logged at debug level and
 * reported as ZWH_EVENT_SECURITY_DROP, never delivered. */
#include <string.h>
#include <time.h>
#include "cc/registry.h"
#include "encap/crc16_encap.h"
#include "encap/multi_channel.h"
#include "encap/multi_command.h"
#include "host/host_internal.h"
#include "zwhost/cc.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/error.h"

#define CC_TRANSPORT_SERVICE 0x55
#define CC_CRC16 0x56
#define CC_MULTI_CHANNEL 0x60
#define MC_CMD_ENCAP 0x0D
#define CC_SUPERVISION 0x6C
#define SUP_GET 0x01
#define SUP_REPORT 0x02
#define CC_NOTIFICATION 0x71
#define NOTIFICATION_REPORT 0x05
#define CC_WAKE_UP 0x84
#define WAKE_UP_NOTIFICATION 0x07
#define CC_MULTI_CMD 0x8F
#define MAX_DEPTH 6
#define S2_CMDS_SUPPORTED_REPORT 0x0E

typedef struct rx_ctx {
    uint16_t src;
    uint8_t endpoint;
    int secclass;
    int rssi;
    bool multicast;
    int depth;
} rx_ctx_t;

static void process(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len);
static void deliver(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len);

static void drop(zwh_host_t *h, const rx_ctx_t *c, int status, const char *why)
{
    h->counters.decap_failed++;
    ZWH_LOGD(&h->log, "node %u: dropped (%s): %s", c->src, why, zwh_err_name(status));
    zwh_event_t ev = {.type = ZWH_EVENT_SECURITY_DROP, .status = status, .message = why, .node_id = c->src,
                      .rssi = c->rssi, .secclass = c->secclass, .endpoint = c->endpoint};
    zwh__host_emit_event(h, &ev);
}

/* Answers src in the same encapsulation (endpoint, class) the request came in. */
static void reply(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    if (c->multicast)
        return; /* multicast requests are not answered */
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.endpoint = c->endpoint;
    o.secclass = (int8_t)c->secclass;
    o.flags = ZWH_SEND_NO_SUPERVISION;
    int rc = zwh__tx_submit(h, c->src, cmd, len, &o, ZWH__TXF_REPLY, NULL, NULL, NULL);
    if (rc < 0)
        ZWH_LOGD(&h->log, "node %u: reply not sent: %s", c->src, zwh_err_name(rc));
}

static void send_raw(zwh_host_t *h, uint16_t node, const uint8_t *frame, size_t len)
{
    int rc = zwh__host_send_frame(h, node, frame, len, ZWH__PRIO_INTERACTIVE, NULL, 0);
    if (rc < 0)
        ZWH_LOGD(&h->log, "node %u: nonce answer not sent: %s", node, zwh_err_name(rc));
}

static void rx_s2(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    if (!h->s2 || len < 2 || cmd[1] > ZWH__S2_MSG_ENCAP) {
        /* KEX and friends travel in clear: the bootstrapping's (or the application's) */
        if (zwh__incl_on_security(h, c->src, cmd, len, c->secclass))
            return;
        if (len >= 2 && cmd[1] == S2_CMDS_SUPPORTED_REPORT && c->secclass >= 0) {
            /* inside an S2 encapsulation: the interview's (or the probe's) answer */
            deliver(h, c, cmd, len);
            return;
        }
        drop(h, c, ZWH_ENOKEY, "S2 command without an S2 context");
        return;
    }
    uint8_t pt[ZWH__S2_MAX_FRAME];
    zwh__s2_rx_t rx = {.src = c->src, .multicast = c->multicast};
    zwh__s2_result_t res;
    int rc = zwh__s2_decap(h->s2, &rx, cmd, len, zwh__host_now(h), pt, sizeof pt, &res);
    if (res.reply_len)
        send_raw(h, c->src, res.reply, res.reply_len);
    if (rc < 0) {
        if (rc == ZWH_ES2_DECRYPT)
            zwh__incl_decrypt_failed(h, c->src); /* a wrong PIN shows up here */
        drop(h, c, rc, "S2 decapsulation");
        return;
    }
    if (res.kind == ZWH__S2_RX_NONCE_REPORT) {
        if (res.flags & ZWH__S2_RXF_PEER_MOS)
            zwh__secure_send_mpan(h, c->src);
        zwh__tx_on_nonce(h, c->src, (res.flags & ZWH__S2_RXF_SOS) != 0);
        return;
    }
    if (res.kind != ZWH__S2_RX_PLAINTEXT || res.len == 0)
        return;
    rx_ctx_t in = *c;
    in.secclass = res.cls == ZWH__S2_TEMP        ? ZWH_SECCLASS_TEMP
                  : res.cls == ZWH__S2_S0_VERIFY ? ZWH_SECCLASS_S0
                                                 : res.cls;
    in.multicast = (res.flags & ZWH__S2_RXF_MULTICAST) != 0;
    in.depth++;
    process(h, &in, pt, res.len);
}

static void rx_s0(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    bool transport = len >= 2 && (cmd[1] == ZWH__S0_NONCE_GET || cmd[1] == ZWH__S0_NONCE_REPORT ||
                                  cmd[1] == ZWH__S0_MSG_ENCAP || cmd[1] == ZWH__S0_MSG_ENCAP_NONCE_GET);
    if (!transport || !h->s0) {
        if (zwh__incl_on_security(h, c->src, cmd, len, c->secclass))
            return;
        if (!transport && c->secclass == ZWH_SECCLASS_S0) {
            /* S0 commands inside an encapsulation (Commands Supported Report...) */
            zwh__tx_on_command(h, c->src, c->endpoint, c->secclass, cmd, len);
            zwh__iv_on_command(h, c->src, c->endpoint, c->secclass, cmd, len);
            zwh_event_t ev = {.type = ZWH_EVENT_COMMAND, .node_id = c->src, .data = cmd, .len = len,
                              .rssi = c->rssi, .endpoint = c->endpoint, .secclass = c->secclass};
            zwh__host_emit_event(h, &ev);
            return;
        }
        drop(h, c, ZWH_ENOKEY, "S0 command without an S0 context");
        return;
    }
    uint8_t pt[ZWH__S0_MAX_PAYLOAD * 2 + 16];
    zwh__s0_rx_t rx = {.src = c->src};
    zwh__s0_result_t res;
    int rc = zwh__s0_decap(h->s0, &rx, cmd, len, zwh__host_now(h), pt, sizeof pt, &res);
    if (res.reply_len)
        send_raw(h, c->src, res.reply, res.reply_len);
    if (rc < 0) {
        drop(h, c, rc, "S0 decapsulation");
        return;
    }
    if (res.kind == ZWH__S0_RX_NONCE_REPORT) {
        zwh__tx_on_nonce(h, c->src, false);
        return;
    }
    if (res.kind != ZWH__S0_RX_PLAINTEXT || res.len == 0)
        return;
    rx_ctx_t in = *c;
    in.secclass = res.temp_key ? ZWH_SECCLASS_TEMP : ZWH_SECCLASS_S0;
    in.depth++;
    process(h, &in, pt, res.len);
}

static bool policy_ok(zwh_host_t *h, const rx_ctx_t *c, uint8_t cc)
{
    const zwh__node_t *n = zwh__host_node(h, c->src);
    if (zwh__secure_rx_allowed(h, n, cc, c->secclass))
        return true;
    h->counters.policy_dropped++;
    ZWH_LOGD(&h->log, "node %u: %s under %s dropped: granted a higher class", c->src, zwh_cc_get_name(cc),
             c->secclass == ZWH_SECCLASS_NONE ? "plaintext" : "a lower class");
    zwh_event_t ev = {.type = ZWH_EVENT_SECURITY_DROP, .status = ZWH_ESECCLASS, .message = "security policy",
                      .node_id = c->src, .rssi = c->rssi, .secclass = c->secclass, .endpoint = c->endpoint};
    zwh__host_emit_event(h, &ev);
    return false;
}

/* The innermost command: consumers, then the application. */
static void deliver(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    h->counters.rx_commands++;
    if (len >= 2 && cmd[0] == CC_SUPERVISION && cmd[1] == SUP_REPORT) {
        zwh__tx_on_supervision_report(h, c->src, c->endpoint, cmd, len);
        return;
    }
    if (c->secclass != ZWH_SECCLASS_TEMP) {
        uint8_t answer[32];
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        int n = zwh__time_server_answer(cmd, len, (int64_t)ts.tv_sec, answer, sizeof answer);
        if (n > 0)
            reply(h, c, answer, (size_t)n);
    }
    if (zwh__incl_on_command(h, c->src, cmd, len, c->secclass))
        return;
    zwh__tx_on_command(h, c->src, c->endpoint, c->secclass, cmd, len);
    zwh__iv_on_command(h, c->src, c->endpoint, c->secclass, cmd, len);
    zwh_event_t ev = {.type = ZWH_EVENT_COMMAND, .node_id = c->src, .data = cmd, .len = len, .rssi = c->rssi,
                      .endpoint = c->endpoint, .secclass = c->secclass};
    zwh__host_emit_event(h, &ev);
    if (len >= 2 && cmd[0] == CC_NOTIFICATION && cmd[1] == NOTIFICATION_REPORT) {
        ev.type = ZWH_EVENT_NOTIFICATION;
        zwh__host_emit_event(h, &ev);
    } else {
        zwh__node_t *n = zwh__host_node(h, c->src);
        if (n && zwh__values_changed(n, c->endpoint, cmd, len)) {
            ev.type = ZWH_EVENT_VALUE;
            zwh__host_emit_event(h, &ev);
        }
    }
    if (len >= 2 && cmd[0] == CC_WAKE_UP && cmd[1] == WAKE_UP_NOTIFICATION)
        zwh__tx_on_wakeup(h, c->src);
}

static void rx_supervision_get(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    zwh__sup_rx_t rx;
    int v = zwh__sup_rx_get(&h->sup, c->src, c->endpoint, cmd, len, zwh__host_now(h), &rx);
    if (v == ZWH__SUP_RX_REPEAT) {
        ZWH_LOGD(&h->log, "node %u: repeated Supervision session %u: answered again, not delivered", c->src,
                 rx.session_id);
        if (rx.report_len)
            reply(h, c, rx.report, rx.report_len);
        return;
    }
    if (v != ZWH__SUP_RX_DELIVER) {
        drop(h, c, ZWH_EBADMSG, "malformed Supervision Get");
        return;
    }
    const uint8_t *inner = cmd + rx.cmd_offset;
    size_t ilen = rx.cmd_len;
    if (ilen == 0 || !policy_ok(h, c, inner[0]))
        return; /* dropped commands get no report: the sender learns nothing */
    const zwh__cc_desc_t *d = zwh__cc_find(inner[0]);
    uint8_t status = d ? ZWH_SUPERVISION_SUCCESS : ZWH_SUPERVISION_NO_SUPPORT;
    if (d) {
        rx_ctx_t in = *c;
        in.depth++;
        deliver(h, &in, inner, ilen);
    }
    uint8_t rep[ZWH__SUP_REPORT_LEN];
    int n = zwh__sup_rx_report(&h->sup, c->src, c->endpoint, rx.session_id, status, 0, zwh__host_now(h), rep,
                               sizeof rep);
    if (n > 0)
        reply(h, c, rep, (size_t)n);
}

static void process(zwh_host_t *h, const rx_ctx_t *c, const uint8_t *cmd, size_t len)
{
    if (len == 0 || c->depth > MAX_DEPTH)
        return;
    switch (cmd[0]) {
    case CC_TRANSPORT_SERVICE:
        if (c->depth == 0 && h->ts) {
            if (zwh__ts_input(h->ts, c->src, cmd, len, zwh__host_now(h)) < 0)
                drop(h, c, ZWH_EBADMSG, "Transport Service segment");
            zwh__tx_arm(h);
        }
        return;
    case ZWH__S2_CC:
        rx_s2(h, c, cmd, len);
        return;
    case ZWH__S0_CC:
        rx_s0(h, c, cmd, len);
        return;
    case CC_MULTI_CHANNEL:
        if (len >= 2 && cmd[1] == MC_CMD_ENCAP) {
            zwh__mc_unwrapped_t u;
            if (zwh__mc_unwrap(cmd, len, &u) != 0 || c->endpoint) {
                drop(h, c, ZWH_EBADMSG, "Multi Channel encapsulation");
                return;
            }
            if (!policy_ok(h, c, CC_MULTI_CHANNEL))
                return;
            rx_ctx_t in = *c;
            in.endpoint = u.source;
            in.depth++;
            process(h, &in, u.cmd, u.cmd_len);
            return;
        }
        break;
    case CC_MULTI_CMD: {
        zwh__multi_cmd_list_t l;
        if (zwh__multi_cmd_unwrap(cmd, len, &l) != 0) {
            drop(h, c, ZWH_EBADMSG, "Multi Command encapsulation");
            return;
        }
        rx_ctx_t in = *c;
        in.depth++;
        for (size_t i = 0; i < l.count; i++)
            process(h, &in, l.items[i].cmd, l.items[i].len);
        return;
    }
    case CC_CRC16: {
        const uint8_t *inner;
        size_t ilen;
        if (zwh__crc16_unwrap(cmd, len, &inner, &ilen) != 0) {
            drop(h, c, ZWH_EBADMSG, "CRC-16 encapsulation");
            return;
        }
        rx_ctx_t in = *c;
        in.depth++;
        process(h, &in, inner, ilen);
        return;
    }
    case CC_SUPERVISION:
        if (len >= 2 && cmd[1] == SUP_GET) {
            rx_supervision_get(h, c, cmd, len);
            return;
        }
        break;
    default:
        break;
    }
    if (!policy_ok(h, c, cmd[0]))
        return;
    deliver(h, c, cmd, len);
}

void zwh__rx_app_cmd(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int rssi, bool multicast)
{
    zwh__node_t *n = zwh__host_node(h, src);
    if (n && n->dead) {
        n->dead = false;
        ZWH_LOGI(&h->log, "node %u is alive again", src);
        zwh__host_emit(h, ZWH_EVENT_NODE_ALIVE, 0, NULL, src);
    }
    rx_ctx_t c = {.src = src, .secclass = ZWH_SECCLASS_NONE, .rssi = rssi, .multicast = multicast};
    process(h, &c, cmd, len);
}
