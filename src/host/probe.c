/* Security probe of nodes already in the network (zwhost/probe.h): tries S2
 * Commands Supported Get under each installed S2 key from the highest class
 * down, then S0 Commands Supported Get, and records the first class the node
 * answers under as granted. Each attempt is an ordinary transaction forced to
 * its class; the node is granted that single class for the attempt, which is
 * how the S2 engine agrees to use the key with it. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "security/keystore.h"
#include "zwhost/error.h"
#include "zwhost/probe.h"

#define CC_S2 0x9F
#define S2_CMDS_GET 0x0D
#define S2_CMDS_REPORT 0x0E
#define CC_S0 0x98
#define S0_CMDS_GET 0x02
#define S0_CMDS_REPORT 0x03
#define DEFAULT_ATTEMPT_MS 3000

/* Strongest first; Long Range classes only for Long Range nodes. */
static const int classic_order[] = {ZWH_SECCLASS_S2_ACCESS_CONTROL, ZWH_SECCLASS_S2_AUTHENTICATED,
                                    ZWH_SECCLASS_S2_UNAUTHENTICATED, ZWH_SECCLASS_S0};
static const int lr_order[] = {ZWH_SECCLASS_S2_LR_ACCESS_CONTROL, ZWH_SECCLASS_S2_LR_AUTHENTICATED};
#define MAX_TRIES 6

typedef struct probe {
    uint16_t node;
    uint32_t attempt_ms;
    int classes[MAX_TRIES];
    size_t count, next;
    zwh_probe_cb cb;
    void *user;
} probe_t;

static void attempt(zwh_host_t *h, probe_t *p);

static void done(zwh_host_t *h, probe_t *p, int status, uint32_t granted)
{
    if (status == 0 || status == ZWH_ENONODE) {
        zwh__secure_set_granted(h, p->node, granted);
        zwh__persist_touch(h);
    }
    ZWH_LOGI(&h->log, "node %u: security probe %s: granted %02x", p->node, status ? zwh_err_name(status) : "done",
             granted);
    if (p->cb)
        p->cb(h, status, p->node, granted, p->user);
    free(p);
}

/* The secure CC list of the report (after the S0 "reports to follow" byte). */
static void learn_secure_ccs(zwh__node_t *n, const uint8_t *rep, size_t len, size_t off)
{
    if (!n || n->sec_ccs_known)
        return;
    size_t k = 0;
    for (size_t i = off; i < len && rep[i] != 0xEF && k < sizeof n->sec_ccs; i++)
        n->sec_ccs[k++] = rep[i];
    n->sec_ccs_len = (uint8_t)k;
    n->sec_ccs_known = k > 0;
}

static void on_result(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    probe_t *p = user;
    if (!zwh_result_is_final(res))
        return;
    int st = zwh_result_get_status(res);
    if (st == ZWH_ECANCELED || st == ZWH_ENONODE) {
        if (p->cb)
            p->cb(h, st, p->node, 0, p->user);
        free(p);
        return;
    }
    int cls = p->classes[p->next - 1];
    size_t len = 0;
    const uint8_t *rep = zwh_result_get_report(res, &len);
    if (st == 0 && rep) {
        learn_secure_ccs(zwh__host_node(h, p->node), rep, len, cls == ZWH_SECCLASS_S0 ? 3 : 2);
        done(h, p, 0, 1u << cls);
        return;
    }
    ZWH_LOGD(&h->log, "node %u: no answer under class %d (%s)", p->node, cls, zwh_err_name(st));
    attempt(h, p);
}

static void attempt(zwh_host_t *h, probe_t *p)
{
    while (p->next < p->count) {
        int cls = p->classes[p->next++];
        bool s0 = cls == ZWH_SECCLASS_S0;
        const uint8_t get[2] = {s0 ? CC_S0 : CC_S2, s0 ? S0_CMDS_GET : S2_CMDS_GET};
        zwh_send_opts_t o;
        zwh_send_opts_init(&o);
        o.flags = ZWH_SEND_NO_SUPERVISION;
        o.expect_cc = get[0];
        o.expect_cmd = s0 ? S0_CMDS_REPORT : S2_CMDS_REPORT;
        o.secclass = (int8_t)cls;
        o.timeout_ms = p->attempt_ms;
        zwh__secure_set_granted(h, p->node, 1u << cls);
        int rc = zwh__tx_submit(h, p->node, get, sizeof get, &o, ZWH__TXF_INTERNAL, on_result, p, NULL);
        if (rc == 0)
            return;
        ZWH_LOGD(&h->log, "node %u: probe under class %d not sent: %s", p->node, cls, zwh_err_name(rc));
    }
    done(h, p, 0, 0);
}

ZWH_EXTERN int zwh_host_probe_security(zwh_host_t *host, uint16_t node_id, uint32_t attempt_ms, zwh_probe_cb cb,
                                       void *user)
{
    if (!host)
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    /* before its NIF arrived, a node is probed under every key */
    bool nif_known = n->ccs_len > 0;
    bool has_s2 = !nif_known || zwh__node_has_cc(n, CC_S2), has_s0 = !nif_known || zwh__node_has_cc(n, CC_S0);
    if (!has_s2 && !has_s0)
        return ZWH_ENOTSUP;
    if (!host->keys)
        return ZWH_ENOKEY;
    probe_t *p = calloc(1, sizeof *p);
    if (!p)
        return ZWH_ENOMEM;
    p->node = node_id;
    p->attempt_ms = attempt_ms ? attempt_ms : DEFAULT_ATTEMPT_MS;
    p->cb = cb;
    p->user = user;
    const int *order = n->info.long_range ? lr_order : classic_order;
    size_t norder = n->info.long_range ? sizeof lr_order / sizeof lr_order[0]
                                       : sizeof classic_order / sizeof classic_order[0];
    for (size_t i = 0; i < norder && p->count < MAX_TRIES; i++) {
        int c = order[i];
        bool wanted = c == ZWH_SECCLASS_S0 ? has_s0 : has_s2;
        if (wanted && zwh__keystore_key(host->keys, c))
            p->classes[p->count++] = c;
    }
    if (!p->count) {
        free(p);
        return ZWH_ENOKEY;
    }
    attempt(host, p);
    return 0;
}
