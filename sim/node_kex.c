/* Security bootstrap of a virtual node as the joining node, run when AddNode
 * includes a --pending device whose type requests classes: S2 (KEX with the
 * node's permanent key pair, the temporary key on its S2 engine; an S0 key
 * granted over S2 is verified with the S0-derived class and then installed in
 * its S0 engine) or, for S0-only types, the S0 bootstrap. The machine is
 * src/security/kex.c; this file maps its actions onto the node's engines and
 * send queue, and its timer onto the sim's scheduler. The node ends holding
 * what the controller granted, or non-secure after a failure; either way the
 * model's on_included follows. */
#include <stdlib.h>
#include <string.h>
#include "util/bytes.h"
#include "zwhost/error.h"
#include "node_sec_int.h"

#define TAG_KEX 22
#define CLASS_BITS_S2 0x1Fu

static int engine_class(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_TEMP: return ZWH__S2_TEMP;
    case ZWH_SECCLASS_S0: return ZWH__S2_S0_VERIFY;
    default: return secclass;
    }
}

static void finish(sim_node_t *n, int ok, uint8_t keys);
static void timer_cb(void *ctx, const uint8_t *data, size_t len);

static void arm(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    sim_sched_cancel(n->net->sched, n, TAG_KEX);
    if (!s || !s->kex)
        return;
    uint64_t d = zwh__kex_deadline(s->kex), now = sim_node_now(n);
    if (d != UINT64_MAX)
        sim_sched_after(n->net->sched, d > now ? d - now : 0, timer_cb, n, TAG_KEX, NULL, 0);
}

static void set_peer(sim_node_t *n, uint32_t mask)
{
    struct sim_node_sec *s = n->sec;
    s->s2_peer = mask;
    (void)zwh__s2_set_granted(s->s2, SIM_CTRL_NODE_ID, mask);
}

static void act_send(sim_node_t *n, const zwh__kex_action_t *a)
{
    struct sim_node_sec *s = n->sec;
    if (a->secclass == ZWH_SECCLASS_NONE)
        sim_node_sec_queue(n, SEC_PLAIN, 0, a->data, a->len);
    else if (s->kex_s0)
        sim_node_sec_queue(n, a->secclass == ZWH_SECCLASS_TEMP ? SEC_S0_TEMP : SEC_S0, 0, a->data, a->len);
    else
        sim_node_sec_queue(n, SEC_S2, engine_class(a->secclass), a->data, a->len);
}

static void act_net_key(sim_node_t *n, const zwh__kex_action_t *a)
{
    struct sim_node_sec *s = n->sec;
    if (s->kex_s0) {
        if (zwh__s0_set_network_key(s->s0, a->data) < 0)
            ZWH_LOGW(n->net->log, "node %u: cannot install the S0 key", n->id);
        return;
    }
    int cls = engine_class(a->secclass);
    if (zwh__s2_set_network_key(s->s2, cls, a->data) < 0) {
        ZWH_LOGW(n->net->log, "node %u: cannot install a network key", n->id);
        return;
    }
    if (a->secclass == ZWH_SECCLASS_S0) { /* kept for the S0 engine once verified */
        memcpy(s->s0_key, a->data, sizeof s->s0_key);
        s->has_s0_key = 1;
    }
    set_peer(n, s->s2_peer | ZWH__S2_BIT(cls));
}

static void act_drop_keys(sim_node_t *n, const zwh__kex_action_t *a)
{
    struct sim_node_sec *s = n->sec;
    if (s->kex_s0) {
        zwh__s0_allow_temp_key(s->s0, SIM_CTRL_NODE_ID, 0);
        if (a->keys & ZWH_KEY_S0)
            zwh__s0_clear_network_key(s->s0);
        return;
    }
    uint32_t peer = s->s2_peer & ~ZWH__S2_BIT(ZWH__S2_TEMP);
    zwh__s2_clear_key(s->s2, ZWH__S2_TEMP);
    for (int b = 0; b < 8; b++) {
        if (!(a->keys & (1u << b)))
            continue;
        int cls = engine_class(zwh__kex_key_class(s->kex, (uint8_t)(1u << b)));
        peer &= ~ZWH__S2_BIT(cls);
        zwh__s2_clear_key(s->s2, cls);
        if (cls == ZWH__S2_S0_VERIFY) {
            zwh__secure_zero(s->s0_key, sizeof s->s0_key);
            s->has_s0_key = 0;
        }
    }
    set_peer(n, peer);
}

/* Runs the machine's actions in order, the outcome event last (it ends the
 * machine whose memory the actions point into). */
static void handle(sim_node_t *n, const zwh__kex_out_t *out)
{
    const zwh__kex_action_t *outcome = NULL;
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND: act_send(n, a); break;
        case ZWH__KEX_ACT_TEMP_KEY:
            if (n->sec->kex_s0) {
                zwh__s0_allow_temp_key(n->sec->s0, SIM_CTRL_NODE_ID, 1);
            } else if (zwh__s2_set_class_keys(n->sec->s2, ZWH__S2_TEMP, a->temp_keys) == 0) {
                set_peer(n, n->sec->s2_peer | ZWH__S2_BIT(ZWH__S2_TEMP));
            }
            break;
        case ZWH__KEX_ACT_NET_KEY: act_net_key(n, a); break;
        case ZWH__KEX_ACT_DROP_KEYS: act_drop_keys(n, a); break;
        case ZWH__KEX_ACT_EVENT:
            if (a->event == ZWH__KEX_EV_DONE || a->event == ZWH__KEX_EV_FAILED)
                outcome = a;
            else if (a->event == ZWH__KEX_EV_CSA_REQUEST)
                ZWH_LOGW(n->net->log, "node %u: CSA input is not simulated", n->id);
            break;
        default: break;
        }
    }
    if (!outcome) {
        arm(n);
    } else if (outcome->event == ZWH__KEX_EV_DONE) {
        finish(n, 1, outcome->keys);
    } else {
        ZWH_LOGI(n->net->log, "node %u: bootstrap failed (%s%s%s): stays non-secure", n->id,
                 zwh__kex_fail_name(outcome->fail), outcome->remote ? ", from the controller" : "",
                 outcome->timeout ? ", timeout" : "");
        finish(n, 0, 0);
    }
}

static void finish(sim_node_t *n, int ok, uint8_t keys)
{
    struct sim_node_sec *s = n->sec;
    sim_sched_cancel(n->net->sched, n, TAG_KEX);
    int was_s0 = s->kex_s0;
    zwh__kex_clear(s->kex);
    free(s->kex);
    s->kex = NULL;
    uint32_t granted = 0;
    if (ok) {
        granted = keys & (CLASS_BITS_S2 | (1u << ZWH_SECCLASS_S0));
        if (!was_s0 && (granted & (1u << ZWH_SECCLASS_S0))) {
            /* S0 granted over S2: the verified key moves to the S0 engine */
            int rc = s->has_s0_key ? sim_node_sec_make_s0(n) : ZWH_ENOKEY;
            if (rc >= 0)
                rc = zwh__s0_set_network_key(s->s0, s->s0_key);
            if (rc < 0)
                granted &= ~(1u << ZWH_SECCLASS_S0);
        }
        if (!was_s0) {
            zwh__s2_clear_key(s->s2, ZWH__S2_S0_VERIFY);
            set_peer(n, granted & CLASS_BITS_S2);
        }
        ZWH_LOGI(n->net->log, "node %u: bootstrap done, holds classes %02x", n->id, granted);
    } else {
        /* non-secure: no keys anywhere, queued secure commands dropped */
        sim_node_sec_flush_queue(n);
        zwh__s2_free(s->s2);
        zwh__s0_free(s->s0);
        s->s2 = NULL;
        s->s0 = NULL;
        s->s2_peer = 0;
    }
    zwh__secure_zero(s->s0_key, sizeof s->s0_key);
    s->has_s0_key = 0;
    s->granted = granted;
    sim_node_included(n);
}

static void timer_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    if (!n->sec || !n->sec->kex)
        return;
    zwh__kex_out_t out;
    if (zwh__kex_timeout(n->sec->kex, sim_node_now(n), &out) == 0)
        handle(n, &out);
}

int sim_node_kex_begin(sim_node_t *n)
{
    uint32_t want = n->type->security;
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s)
        return ZWH_ENOMEM;
    zwh__kex_config_t cfg = {.request_keys = (uint8_t)(want & ZWH_KEY_ALL)};
    int rc;
    if (want & ZWH_KEY_ALL & ~ZWH_KEY_S0) {
        if (!s->has_keypair && (rc = sim_node_sec_prepare(n)) < 0)
            return rc;
        cfg.role = ZWH__KEX_ROLE_NODE;
        cfg.has_private_key = true;
        memcpy(cfg.private_key, s->priv, sizeof cfg.private_key);
        s->kex_s0 = 0;
        rc = sim_node_sec_make_s2(n);
    } else {
        cfg.role = ZWH__KEX_ROLE_S0_NODE;
        s->kex_s0 = 1;
        rc = sim_node_sec_make_s0(n);
    }
    if (rc >= 0) {
        s->kex = calloc(1, sizeof *s->kex);
        rc = s->kex ? zwh__kex_init(s->kex, &cfg) : ZWH_ENOMEM;
    }
    zwh__secure_zero(cfg.private_key, sizeof cfg.private_key);
    if (rc < 0) {
        free(s->kex);
        s->kex = NULL;
        return rc;
    }
    ZWH_LOGI(n->net->log, "node %u: %s bootstrap as the joining node (requests %02x)", n->id,
             s->kex_s0 ? "S0" : "S2", cfg.request_keys);
    zwh__kex_out_t out;
    if (zwh__kex_start(s->kex, sim_node_now(n), &out) == 0)
        handle(n, &out);
    return 0;
}

int sim_node_kex_wants(const sim_node_t *n, const uint8_t *f, size_t len)
{
    const struct sim_node_sec *s = n->sec;
    if (!s || !s->kex || len < 2)
        return 0;
    if (s->kex_s0)
        return f[0] == ZWH__CC_S0 && f[1] >= ZWH__S0B_SCHEME_GET && f[1] <= ZWH__S0_SCHEME_INHERIT;
    return f[0] == ZWH__CC_S2 && f[1] >= ZWH__S2_KEX_GET && f[1] <= ZWH__S2_TRANSFER_END;
}

void sim_node_kex_input(sim_node_t *n, const uint8_t *f, size_t len, int secclass)
{
    zwh__kex_out_t out;
    if (zwh__kex_input(n->sec->kex, f, len, secclass, sim_node_now(n), &out) == 0)
        handle(n, &out);
}

void sim_node_kex_decrypt_failed(sim_node_t *n)
{
    zwh__kex_out_t out;
    if (zwh__kex_decrypt_failed(n->sec->kex, sim_node_now(n), &out) == 0)
        handle(n, &out);
}

void sim_node_kex_free(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    if (!s || !s->kex)
        return;
    sim_sched_cancel(n->net->sched, n, TAG_KEX);
    zwh__kex_clear(s->kex);
    free(s->kex);
    s->kex = NULL;
}
