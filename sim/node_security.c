/* S2/S0 in the node role for the virtual nodes: engines, decapsulation of what
 * the controller sends, encapsulation of what models send (ordered queue with
 * the nonce exchange), Commands Supported answers. See node_security.h. */
#include <stdlib.h>
#include <string.h>
#include "security/crypto.h"
#include "util/bytes.h"
#include "zwhost/error.h"
#include "node_sec_int.h"

#define TAG_NONCE 20           /* scheduler tag of the nonce wait */
#define NONCE_WAIT_MS 2000     /* a Nonce Report not back by then: give the command up */
#define RESEND_WINDOW_MS 1500  /* a resync this soon after a frame re-sends that frame */
#define S2_CMDS_SUPPORTED_GET 0x0D
#define S2_CMDS_SUPPORTED_REPORT 0x0E
#define CLASS_BITS_S2 0x1Fu    /* ZWH_SECCLASS 0..4 */
#define CLASS_BIT_S0 (1u << ZWH_SECCLASS_S0)

uint64_t sim_node_now(const sim_node_t *n)
{
    return uv_now(n->net->sched->loop);
}

struct sim_node_sec *sim_node_sec_get(sim_node_t *n)
{
    if (!n->sec) {
        n->sec = calloc(1, sizeof *n->sec);
        if (n->sec)
            n->sec->rx_cls = SEC_NO_RX;
    }
    return n->sec;
}

uint32_t sim_node_granted(const sim_node_t *n)
{
    return n->sec ? n->sec->granted : 0;
}

/* Highest class held: S2 Access > Authenticated > Unauthenticated, then S0. */
static int highest_class(const struct sim_node_sec *s)
{
    if (!s || !s->granted)
        return ZWH_SECCLASS_NONE;
    int c = zwh__s2_highest_class(s->granted & CLASS_BITS_S2);
    if (c != ZWH__S2_CLASS_NONE)
        return c; /* S2 network classes share their numbers with ZWH_SECCLASS */
    return (s->granted & CLASS_BIT_S0) ? ZWH_SECCLASS_S0 : ZWH_SECCLASS_NONE;
}

static void draw_seed(sim_node_t *n, uint8_t seed[32])
{
    for (int i = 0; i < 4; i++) {
        uint64_t v = sim_rng_next(n->net->sec_rng);
        memcpy(seed + 8 * i, &v, 8);
    }
}

int sim_node_sec_make_s2(sim_node_t *n)
{
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s)
        return ZWH_ENOMEM;
    if (s->s2)
        return zwh__s2_set_home(s->s2, n->net->home_id, n->id);
    uint8_t seed[32];
    draw_seed(n, seed);
    zwh__s2_config_t cfg = {.home_id = n->net->home_id, .node_id = n->id, .max_peers = 4, .max_mpan = 8,
                            .seed = seed};
    int rc = zwh__s2_new(&cfg, &s->s2);
    zwh__secure_zero(seed, sizeof seed);
    return rc;
}

int sim_node_sec_make_s0(sim_node_t *n)
{
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s)
        return ZWH_ENOMEM;
    if (s->s0)
        return zwh__s0_set_node_id(s->s0, n->id);
    uint8_t seed[32];
    draw_seed(n, seed);
    zwh__s0_config_t cfg = {.node_id = n->id, .max_peers = 4, .seed = seed};
    int rc = zwh__s0_new(&cfg, &s->s0);
    zwh__secure_zero(seed, sizeof seed);
    return rc;
}

/* ---- pending devices and pre-included ones --------------------------------- */

int sim_node_sec_prepare(sim_node_t *n)
{
    if (!(n->type->security & CLASS_BITS_S2))
        return 0;
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s)
        return ZWH_ENOMEM;
    draw_seed(n, s->priv);
    int rc = zwh__x25519_public(s->priv, s->pub);
    if (rc < 0)
        return rc;
    s->has_keypair = 1;
    return 0;
}

int sim_node_sec_dsk(const sim_node_t *n, char *out, size_t cap)
{
    if (!n->sec || !n->sec->has_keypair)
        return ZWH_ENOENT;
    return zwh_dsk_format(n->sec->pub, out, cap); /* the DSK is the first 16 bytes */
}

int sim_node_sec_nwi_home_id(const sim_node_t *n, uint32_t *home_id)
{
    if (!n->sec || !n->sec->has_keypair)
        return ZWH_ENOENT;
    return zwh_dsk_nwi_home_id_get(n->sec->pub, home_id);
}

int sim_node_sec_preinclude(sim_node_t *n)
{
    const zwh_keystore_t *ks = n->net->keys;
    uint32_t mask = ks ? (n->type->security & zwh_keystore_classes_get(ks) & (CLASS_BITS_S2 | CLASS_BIT_S0)) : 0;
    if (!mask)
        return 0;
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s)
        return ZWH_ENOMEM;
    int rc = 0;
    if (mask & CLASS_BITS_S2) {
        rc = sim_node_sec_make_s2(n);
        for (int c = 0; c <= ZWH_SECCLASS_S2_LR_ACCESS_CONTROL && rc >= 0; c++)
            if (mask & (1u << c))
                rc = zwh__s2_set_network_key(s->s2, c, zwh__keystore_key(ks, c));
        s->s2_peer = mask & CLASS_BITS_S2;
        if (rc >= 0)
            rc = zwh__s2_set_granted(s->s2, SIM_CTRL_NODE_ID, s->s2_peer);
    }
    if ((mask & CLASS_BIT_S0) && rc >= 0) {
        rc = sim_node_sec_make_s0(n);
        if (rc >= 0)
            rc = zwh__s0_set_network_key(s->s0, zwh__keystore_key(ks, ZWH_SECCLASS_S0));
    }
    if (rc < 0)
        return rc;
    s->granted = mask;
    ZWH_LOGI(n->net->log, "node %u (%s) holds security classes %02x", n->id, n->type->name, mask);
    return 0;
}

void sim_node_sec_joined(sim_node_t *n)
{
    if (n->type->security & (CLASS_BITS_S2 | CLASS_BIT_S0)) {
        if (sim_node_kex_begin(n) == 0)
            return; /* on_included comes at the end of the bootstrap */
        ZWH_LOGW(n->net->log, "node %u: cannot run its bootstrap; stays non-secure", n->id);
    }
    sim_node_included(n);
}

/* ---- send --------------------------------------------------------------------- */

static void forget_last(struct sim_node_sec *s)
{
    if (!s->prev)
        return;
    zwh__secure_zero(s->prev->data, s->prev->len);
    free(s->prev);
    s->prev = NULL;
}

static void item_pop(struct sim_node_sec *s)
{
    if (!s->nq)
        return;
    zwh__secure_zero(s->q[0]->data, s->q[0]->len);
    free(s->q[0]);
    memmove(s->q, s->q + 1, (s->nq - 1) * sizeof s->q[0]);
    s->nq--;
}

void sim_node_sec_flush_queue(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    if (!s)
        return;
    while (s->nq)
        item_pop(s);
    s->waiting_nonce = 0;
    sim_sched_cancel(n->net->sched, n, TAG_NONCE);
}

static void pump(sim_node_t *n);

static void nonce_timeout(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    struct sim_node_sec *s = n->sec;
    if (!s || !s->waiting_nonce)
        return;
    ZWH_LOGD(n->net->log, "node %u: no Nonce Report from the controller: command dropped", n->id);
    s->waiting_nonce = 0;
    item_pop(s);
    pump(n);
}

/* Encapsulates q[0]: ZWH__S2_TX_* / ZWH__S0_TX_* or a negative code. */
static int encap_head(sim_node_t *n, uint8_t *out, size_t cap, size_t *out_len)
{
    struct sim_node_sec *s = n->sec;
    const sec_item_t *it = s->q[0];
    uint64_t now = sim_node_now(n);
    if (it->proto == SEC_S2) {
        if (!s->s2)
            return ZWH_ENOKEY;
        zwh__s2_tx_t tx = {.dst = SIM_CTRL_NODE_ID, .cls = it->cls};
        int r = zwh__s2_encap(s->s2, &tx, it->data, it->len, now, out, cap, out_len);
        return r < 0 ? r : (r == ZWH__S2_TX_NONCE_GET ? 2 : 1);
    }
    if (!s->s0)
        return ZWH_ENOKEY;
    zwh__s0_tx_t tx = {.dst = SIM_CTRL_NODE_ID, .temp_key = it->proto == SEC_S0_TEMP};
    int r = zwh__s0_encap(s->s0, &tx, it->data, it->len, now, out, cap, out_len);
    return r < 0 ? r : (r == ZWH__S0_TX_NONCE_GET ? 2 : 1);
}

static void pump(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    while (s && s->nq && !s->waiting_nonce) {
        const sec_item_t *it = s->q[0];
        if (it->proto == SEC_PLAIN) {
            sim_node_emit(n, it->data, it->len);
            item_pop(s);
            continue;
        }
        uint8_t out[ZWH__S2_MAX_FRAME + 64];
        size_t olen = 0;
        int r = encap_head(n, out, sizeof out, &olen);
        if (r < 0) {
            ZWH_LOGD(n->net->log, "node %u: cannot encapsulate a %u-byte command: %s", n->id, it->len,
                     zwh_err_name(r));
            item_pop(s);
            continue;
        }
        sim_node_emit(n, out, olen);
        if (r == 1 && olen <= sizeof s->last) {
            memcpy(s->last, out, olen);
            s->last_len = (uint16_t)olen;
        }
        zwh__secure_zero(out, sizeof out);
        if (r == 2) { /* Nonce Get out: the command waits for the Nonce Report */
            s->waiting_nonce = 1;
            sim_sched_after(n->net->sched, NONCE_WAIT_MS, nonce_timeout, n, TAG_NONCE, NULL, 0);
            return;
        }
        if (it->proto == SEC_S2) { /* keep it: a Nonce Report SOS asks for it again */
            forget_last(s);
            s->prev = s->q[0];
            s->q[0] = NULL;
            s->prev_at = sim_node_now(n);
            s->prev_resent = 0;
            memmove(s->q, s->q + 1, (s->nq - 1) * sizeof s->q[0]);
            s->nq--;
            continue;
        }
        item_pop(s);
    }
}

static void nonce_arrived(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    if (!s->waiting_nonce)
        return;
    s->waiting_nonce = 0;
    sim_sched_cancel(n->net->sched, n, TAG_NONCE);
    pump(n);
}

/* A Nonce Report SOS while nothing waits for a nonce: the controller could not
 * decrypt our last frame (its frame and ours crossed and drew the same SPAN
 * nonce). Send that command once more, first in the queue, under the new
 * nonce, as a real S2 node does. */
static void resend_last(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    if (!s->prev || s->prev_resent || sim_node_now(n) - s->prev_at > RESEND_WINDOW_MS || s->nq == SEC_QMAX)
        return;
    ZWH_LOGD(n->net->log, "node %u: resynchronised; last command sent again", n->id);
    memmove(s->q + 1, s->q, s->nq * sizeof s->q[0]);
    s->q[0] = s->prev;
    s->nq++;
    s->prev = NULL;
    pump(n);
    s->prev_resent = 1;
}

void sim_node_sec_queue(sim_node_t *n, int proto, int cls, const uint8_t *data, size_t len)
{
    struct sim_node_sec *s = sim_node_sec_get(n);
    if (!s || len == 0 || len > ZWH__S2_MAX_FRAME) {
        ZWH_LOGW(n->net->log, "node %u: %zu-byte command not sent", n->id, len);
        return;
    }
    if (s->nq == SEC_QMAX) {
        ZWH_LOGW(n->net->log, "node %u: send queue full, command dropped", n->id);
        return;
    }
    sec_item_t *it = malloc(sizeof *it + len);
    if (!it)
        return;
    it->proto = (uint8_t)proto;
    it->cls = (int8_t)cls;
    it->len = (uint16_t)len;
    memcpy(it->data, data, len);
    s->q[s->nq++] = it;
    pump(n);
}

void sim_node_sec_send(sim_node_t *n, const uint8_t *cmd, size_t len)
{
    struct sim_node_sec *s = n->sec;
    if (!s || (!s->granted && !s->nq)) {
        sim_node_emit(n, cmd, len);
        return;
    }
    /* the answer to a command goes out under the class that command came under */
    int cls = s->rx_cls != SEC_NO_RX ? s->rx_cls : highest_class(s);
    if (cls == ZWH_SECCLASS_NONE)
        sim_node_sec_queue(n, SEC_PLAIN, 0, cmd, len);
    else if (cls == ZWH_SECCLASS_S0)
        sim_node_sec_queue(n, SEC_S0, 0, cmd, len);
    else
        sim_node_sec_queue(n, SEC_S2, cls, cmd, len);
}

/* ---- receive --------------------------------------------------------------------- */

static int in_list(const uint8_t *list, size_t n, uint8_t cc)
{
    for (size_t i = 0; i < n; i++)
        if (list[i] == cc)
            return 1;
    return 0;
}

static int is_secure_cc(const sim_node_t *n, uint8_t cc)
{
    return in_list(n->type->secure_cc, n->type->nsecure_cc, cc);
}

/* 9F 0D / 98 02 under the highest class: the list of secure CCs. */
static int answer_cmds_supported(sim_node_t *n, const uint8_t *pt, size_t len, int cls, int top)
{
    if (len < 2 || cls != top)
        return 0;
    uint8_t rep[2 + SIM_NIF_MAX_CC + 1];
    int rl = 0;
    if (pt[0] == ZWH__S2_CC && pt[1] == S2_CMDS_SUPPORTED_GET && cls != ZWH_SECCLASS_S0) {
        rep[0] = ZWH__S2_CC;
        rep[1] = S2_CMDS_SUPPORTED_REPORT;
        memcpy(rep + 2, n->type->secure_cc, n->type->nsecure_cc);
        rl = 2 + n->type->nsecure_cc;
    } else if (pt[0] == ZWH__S0_CC && pt[1] == ZWH__S0_CMDS_SUPPORTED_GET && cls == ZWH_SECCLASS_S0) {
        rl = zwh__s0_encode_cmds_supported_report(0, n->type->secure_cc, n->type->nsecure_cc, NULL, 0, rep,
                                                  sizeof rep);
    } else {
        return 0;
    }
    if (rl > 0)
        sim_node_send(n, rep, (size_t)rl);
    return 1;
}

/* A command that came out of an S2 or S0 encapsulation under secclass. */
static void rx_decrypted(sim_node_t *n, const uint8_t *pt, size_t len, unsigned flags, int secclass)
{
    struct sim_node_sec *s = n->sec;
    if (len == 0)
        return; /* empty encapsulation: resynchronisation only */
    if (s->kex && sim_node_kex_wants(n, pt, len)) {
        sim_node_kex_input(n, pt, len, secclass);
        return;
    }
    int top = highest_class(s);
    if (secclass == ZWH_SECCLASS_TEMP || top == ZWH_SECCLASS_NONE || !(s->granted & (1u << secclass))) {
        ZWH_LOGD(n->net->log, "node %u: %02x command under a class it does not hold dropped", n->id, pt[0]);
        return;
    }
    int prev = s->rx_cls;
    s->rx_cls = secclass;
    if (!answer_cmds_supported(n, pt, len, secclass, top)) {
        if (is_secure_cc(n, pt[0]) && secclass != top) {
            ZWH_LOGD(n->net->log, "node %u: CC %02x below its highest class dropped", n->id, pt[0]);
        } else {
            unsigned f = flags | (secclass == ZWH_SECCLASS_S0 ? SIM_RX_S0
                                                              : SIM_RX_S2 | ((unsigned)secclass << SIM_RX_CLASS_SHIFT));
            sim_node_deliver_plain(n, pt, len, f);
        }
    }
    s->rx_cls = prev;
}

static int machine_class(int engine_cls)
{
    switch (engine_cls) {
    case ZWH__S2_TEMP: return ZWH_SECCLASS_TEMP;
    case ZWH__S2_S0_VERIFY: return ZWH_SECCLASS_S0;
    default: return engine_cls;
    }
}

static void rx_s2(sim_node_t *n, const uint8_t *f, size_t len, unsigned flags)
{
    struct sim_node_sec *s = n->sec;
    if (!s || !s->s2) {
        ZWH_LOGD(n->net->log, "node %u: S2 frame without S2 keys dropped", n->id);
        return;
    }
    uint8_t *pt = malloc(len);
    if (!pt)
        return;
    zwh__s2_rx_t rx = {.src = SIM_CTRL_NODE_ID, .multicast = (flags & SIM_RX_MULTICAST) ? 1 : 0};
    zwh__s2_result_t res;
    int r = zwh__s2_decap(s->s2, &rx, f, len, sim_node_now(n), pt, len, &res);
    if (res.reply_len) /* Nonce Report: raw, never re-encapsulated */
        sim_node_emit(n, res.reply, res.reply_len);
    if (r == ZWH__S2_RX_NONCE_REPORT) {
        if (!s->waiting_nonce && (res.flags & ZWH__S2_RXF_SOS))
            resend_last(n);
        else
            nonce_arrived(n);
    } else if (r == ZWH__S2_RX_PLAINTEXT) {
        rx_decrypted(n, pt, res.len, flags, machine_class(res.cls));
    } else if (r < 0) {
        ZWH_LOGD(n->net->log, "node %u: S2 frame dropped: %s", n->id, zwh_err_name(r));
        if (r == ZWH_ES2_DECRYPT && n->sec && n->sec->kex)
            sim_node_kex_decrypt_failed(n);
    }
    zwh__secure_zero(pt, len);
    free(pt);
}

static void rx_s0(sim_node_t *n, const uint8_t *f, size_t len, unsigned flags)
{
    struct sim_node_sec *s = n->sec;
    if (!s || !s->s0) {
        ZWH_LOGD(n->net->log, "node %u: S0 frame without S0 keys dropped", n->id);
        return;
    }
    uint8_t pt[ZWH__S0_MAX_PAYLOAD + 32];
    zwh__s0_rx_t rx = {.src = SIM_CTRL_NODE_ID};
    zwh__s0_result_t res;
    int r = zwh__s0_decap(s->s0, &rx, f, len, sim_node_now(n), pt, sizeof pt, &res);
    if (res.reply_len)
        sim_node_emit(n, res.reply, res.reply_len);
    if (r == ZWH__S0_RX_NONCE_REPORT)
        nonce_arrived(n);
    else if (r == ZWH__S0_RX_PLAINTEXT)
        rx_decrypted(n, pt, res.len, flags, res.temp_key ? ZWH_SECCLASS_TEMP : ZWH_SECCLASS_S0);
    else if (r < 0)
        ZWH_LOGD(n->net->log, "node %u: S0 frame dropped: %s", n->id, zwh_err_name(r));
    zwh__secure_zero(pt, sizeof pt);
}

void sim_node_sec_rx(sim_node_t *n, const uint8_t *f, size_t len, unsigned flags)
{
    if (len >= 2 && f[0] == ZWH__S2_CC &&
        (f[1] == ZWH__S2_NONCE_GET || f[1] == ZWH__S2_NONCE_REPORT || f[1] == ZWH__S2_MSG_ENCAP)) {
        rx_s2(n, f, len, flags);
        return;
    }
    if (len >= 2 && f[0] == ZWH__S0_CC &&
        (f[1] == ZWH__S0_NONCE_GET || f[1] == ZWH__S0_NONCE_REPORT || f[1] == ZWH__S0_MSG_ENCAP ||
         f[1] == ZWH__S0_MSG_ENCAP_NONCE_GET)) {
        rx_s0(n, f, len, flags);
        return;
    }
    struct sim_node_sec *s = n->sec;
    if (s && s->kex && sim_node_kex_wants(n, f, len)) {
        sim_node_kex_input(n, f, len, ZWH_SECCLASS_NONE);
        return;
    }
    if (len >= 1 && s && s->granted && (is_secure_cc(n, f[0]) || f[0] == ZWH__S2_CC || f[0] == ZWH__S0_CC)) {
        ZWH_LOGD(n->net->log, "node %u: plaintext %02x for a secure CC ignored", n->id, f[0]);
        return;
    }
    int prev = s ? s->rx_cls : 0;
    if (s)
        s->rx_cls = ZWH_SECCLASS_NONE;
    sim_node_deliver_plain(n, f, len, flags);
    if (n->sec) /* delivery never frees the node's context, but be safe */
        n->sec->rx_cls = prev;
}

void sim_node_sec_free(sim_node_t *n)
{
    struct sim_node_sec *s = n->sec;
    if (!s)
        return;
    sim_node_kex_free(n);
    sim_node_sec_flush_queue(n);
    forget_last(s);
    zwh__s2_free(s->s2);
    zwh__s0_free(s->s0);
    zwh__secure_zero(s, sizeof *s);
    free(s);
    n->sec = NULL;
}
