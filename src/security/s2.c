/* Security 2 transport engine: SPAN/MPAN bookkeeping, Nonce Get/Report and
 * Message Encapsulation in both directions. See s2.h. */
#include "security/s2.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "security/ctr_drbg.h"
#include "util/bytes.h"
#include "zwhost/error.h"

#define MAX_NODE_ID 4095
#define EXT_MORE 0x80
#define EXT_CRITICAL 0x40
#define EXT_TYPE_MASK 0x3F
#define EXT_SPAN 1
#define EXT_MPAN 2
#define EXT_MGRP 3
#define EXT_MOS 4
#define FLAG_EXT 0x01  /* unencrypted extension(s) present */
#define FLAG_SEXT 0x02 /* encrypted extension(s) present */
#define NR_SOS 0x01
#define NR_MOS 0x02
#define TAG ZWH__CCM_TAG_LEN
#define AAD_FIXED 12 /* 2+2 node ids (max) + home id + length + seq + flags */

typedef struct peer {
    uint16_t node; /* 0 = free slot */
    uint8_t state; /* ZWH__S2_SPAN_* */
    uint8_t span_cls;
    bool local_ei_valid;
    uint8_t local_ei[16];  /* what we sent in our last Nonce Report */
    uint8_t remote_ei[16]; /* what the peer sent in its Nonce Report */
    zwh__ctr_drbg_t span;
    uint8_t tx_seq;
    uint8_t rx_seq_n; /* valid entries in rx_seq (duplicate window of 2) */
    uint8_t rx_seq[2];
    uint64_t last_used;
    /* The SPAN nonces of our last two frames to the peer. SPAN nonces are one
     * stream for both directions: when the peer's frame crossed ours in the air
     * it used a nonce we used too, and it decrypts with that one (once) instead
     * of sending both ends through a resynchronisation. */
    uint8_t sent_nonce[2][16];
    uint8_t sent_nonce_n;
} peer_t;

static void forget_sent_nonces(peer_t *p)
{
    zwh__secure_zero(p->sent_nonce, sizeof p->sent_nonce);
    p->sent_nonce_n = 0;
}

static void remember_sent_nonce(peer_t *p, const uint8_t nonce[16])
{
    memcpy(p->sent_nonce[0], p->sent_nonce[1], 16);
    memcpy(p->sent_nonce[1], nonce, 16);
    if (p->sent_nonce_n < 2)
        p->sent_nonce_n++;
}

/* A frame that crossed ours: try the nonces we used for our last frames. On
 * success that nonce is spent and the SPAN stays where it is (the peer, which
 * drew the same nonces, does the same with our frame). */
static int try_crossed(peer_t *p, const zwh__s2_keys_t *k, const uint8_t *aad, size_t aad_len,
                       const uint8_t *ct, size_t ct_len, uint8_t *out)
{
    for (int i = 2 - p->sent_nonce_n; i < 2; i++) {
        if (zwh__aes_ccm_decrypt(k->ccm, p->sent_nonce[i], aad, aad_len, ct, ct_len, ct + ct_len, out) == 0) {
            /* drop the used one; the valid entries stay at the end of the array */
            if (i == 1)
                memcpy(p->sent_nonce[1], p->sent_nonce[0], 16);
            zwh__secure_zero(p->sent_nonce[0], 16);
            p->sent_nonce_n--;
            return 0;
        }
    }
    return ZWH_ES2_DECRYPT;
}


typedef struct mpan {
    uint16_t owner; /* receiver table: the group's owner; owner table: unused (0) */
    uint8_t group;  /* 0 = free slot */
    uint8_t cls;
    uint8_t synced; /* receiver table: 1 synchronised, 0 out of sync (MOS) */
    uint8_t seq;    /* owner table: multicast sequence counter */
    uint8_t state[16];
    uint64_t last_used;
} mpan_t;

struct zwh__s2 {
    uint32_t home_id;
    uint16_t node_id;
    uint16_t max_peers, max_mpan;
    zwh__ctr_drbg_t drbg; /* local entropy for EIs, sequence numbers, MPAN states */
    zwh__s2_ei_cb ei_cb;
    void *ei_user;
    uint8_t installed; /* mask of classes with keys */
    zwh__s2_keys_t keys[ZWH__S2_NCLASSES];
    uint8_t granted[MAX_NODE_ID + 1];
    peer_t *peers;
    mpan_t *owned;  /* groups we send multicast to */
    mpan_t *peer_mpans; /* groups of other owners we receive */
    zwh__s2_counters_t cnt;
};

/* Decryption order: the temporary key first (bootstrapping), then highest first. */
static const uint8_t k_try_order[ZWH__S2_NCLASSES] = {
    ZWH__S2_TEMP, ZWH__S2_LR_ACCESS, ZWH__S2_ACCESS, ZWH__S2_LR_AUTH,
    ZWH__S2_AUTH, ZWH__S2_UNAUTH, ZWH__S2_S0_VERIFY,
};

static bool valid_class(int cls) { return cls >= 0 && cls < ZWH__S2_NCLASSES; }
static bool valid_node(uint16_t n) { return n >= 1 && n <= MAX_NODE_ID; }

/* ---- local randomness ----------------------------------------------------- */

static int local_random(zwh__s2_t *s2, uint8_t out[16])
{
    if (s2->ei_cb)
        return s2->ei_cb(out, s2->ei_user);
    return zwh__ctr_drbg_generate(&s2->drbg, out, 16);
}

static uint8_t random_seq(zwh__s2_t *s2)
{
    uint8_t r[16];
    /* sequence numbers come from the DRBG even with an EI source installed, so
     * a test's EI queue is consumed by EIs only */
    if (zwh__ctr_drbg_generate(&s2->drbg, r, 16) != 0)
        r[0] = 0;
    uint8_t v = r[0];
    zwh__secure_zero(r, sizeof r);
    return v;
}

/* ---- lifecycle and keys --------------------------------------------------- */

int zwh__s2_new(const zwh__s2_config_t *cfg, zwh__s2_t **out)
{
    if (!cfg || !out)
        return ZWH_EINVAL;
    *out = NULL;
    zwh__s2_t *s2 = calloc(1, sizeof *s2);
    if (!s2)
        return ZWH_ENOMEM;
    s2->home_id = cfg->home_id;
    s2->node_id = cfg->node_id;
    s2->max_peers = cfg->max_peers ? cfg->max_peers : 64;
    s2->max_mpan = cfg->max_mpan ? cfg->max_mpan : 16;
    s2->peers = calloc(s2->max_peers, sizeof *s2->peers);
    s2->owned = calloc(s2->max_mpan, sizeof *s2->owned);
    s2->peer_mpans = calloc(s2->max_mpan, sizeof *s2->peer_mpans);
    int rc = zwh__ctr_drbg_seed(&s2->drbg, cfg->seed);
    if (rc == 0 && (!s2->peers || !s2->owned || !s2->peer_mpans))
        rc = ZWH_ENOMEM;
    if (rc != 0) {
        zwh__s2_free(s2);
        return rc;
    }
    *out = s2;
    return 0;
}

static void wipe_tables(zwh__s2_t *s2)
{
    zwh__secure_zero(s2->peers, sizeof *s2->peers * s2->max_peers);
    zwh__secure_zero(s2->owned, sizeof *s2->owned * s2->max_mpan);
    zwh__secure_zero(s2->peer_mpans, sizeof *s2->peer_mpans * s2->max_mpan);
}

void zwh__s2_free(zwh__s2_t *s2)
{
    if (!s2)
        return;
    if (s2->peers && s2->owned && s2->peer_mpans)
        wipe_tables(s2);
    free(s2->peers);
    free(s2->owned);
    free(s2->peer_mpans);
    zwh__secure_zero(s2, sizeof *s2);
    free(s2);
}

int zwh__s2_set_home(zwh__s2_t *s2, uint32_t home_id, uint16_t node_id)
{
    if (!s2)
        return ZWH_EINVAL;
    s2->home_id = home_id;
    s2->node_id = node_id;
    wipe_tables(s2);
    return 0;
}

void zwh__s2_set_ei_source(zwh__s2_t *s2, zwh__s2_ei_cb cb, void *user)
{
    if (s2) {
        s2->ei_cb = cb;
        s2->ei_user = user;
    }
}

static void drop_spans_of_class(zwh__s2_t *s2, int cls)
{
    for (size_t i = 0; i < s2->max_peers; i++) {
        peer_t *p = &s2->peers[i];
        if (p->node && p->state == ZWH__S2_SPAN_ESTABLISHED && p->span_cls == cls) {
            p->state = ZWH__S2_SPAN_NONE;
            zwh__ctr_drbg_wipe(&p->span);
    forget_sent_nonces(p);
        }
    }
}

int zwh__s2_set_class_keys(zwh__s2_t *s2, int cls, const zwh__s2_keys_t *keys)
{
    if (!s2 || !keys || !valid_class(cls))
        return ZWH_EINVAL;
    drop_spans_of_class(s2, cls);
    s2->keys[cls] = *keys;
    s2->installed = (uint8_t)(s2->installed | ZWH__S2_BIT(cls));
    return 0;
}

int zwh__s2_set_network_key(zwh__s2_t *s2, int cls, const uint8_t key[16])
{
    if (!s2 || !key || !valid_class(cls))
        return ZWH_EINVAL;
    zwh__s2_keys_t k;
    int rc = zwh__s2_expand_network_key(key, &k);
    if (rc == 0)
        rc = zwh__s2_set_class_keys(s2, cls, &k);
    zwh__secure_zero(&k, sizeof k);
    return rc;
}

int zwh__s2_clear_key(zwh__s2_t *s2, int cls)
{
    if (!s2 || !valid_class(cls))
        return ZWH_EINVAL;
    drop_spans_of_class(s2, cls);
    zwh__secure_zero(&s2->keys[cls], sizeof s2->keys[cls]);
    s2->installed = (uint8_t)(s2->installed & ~ZWH__S2_BIT(cls));
    return 0;
}

int zwh__s2_has_key(const zwh__s2_t *s2, int cls)
{
    return s2 && valid_class(cls) && (s2->installed & ZWH__S2_BIT(cls)) ? 1 : 0;
}

int zwh__s2_set_granted(zwh__s2_t *s2, uint16_t node, uint32_t mask)
{
    if (!s2 || !valid_node(node) || mask >= ZWH__S2_BIT(ZWH__S2_NCLASSES))
        return ZWH_EINVAL;
    s2->granted[node] = (uint8_t)mask;
    return 0;
}

uint32_t zwh__s2_get_granted(const zwh__s2_t *s2, uint16_t node)
{
    return s2 && valid_node(node) ? s2->granted[node] : 0;
}

int zwh__s2_highest_class(uint32_t mask)
{
    static const uint8_t order[] = {ZWH__S2_LR_ACCESS, ZWH__S2_ACCESS, ZWH__S2_LR_AUTH,
                                    ZWH__S2_AUTH, ZWH__S2_UNAUTH, ZWH__S2_TEMP,
                                    ZWH__S2_S0_VERIFY};
    for (size_t i = 0; i < sizeof order; i++)
        if (mask & ZWH__S2_BIT(order[i]))
            return order[i];
    return ZWH__S2_CLASS_NONE;
}

/* ---- tables ----------------------------------------------------------------- */

static peer_t *peer_find(const zwh__s2_t *s2, uint16_t node)
{
    for (size_t i = 0; i < s2->max_peers; i++)
        if (s2->peers[i].node == node)
            return &s2->peers[i];
    return NULL;
}

static peer_t *peer_get(zwh__s2_t *s2, uint16_t node, uint64_t now)
{
    peer_t *p = peer_find(s2, node);
    if (!p) {
        peer_t *victim = &s2->peers[0];
        for (size_t i = 0; i < s2->max_peers; i++) {
            peer_t *c = &s2->peers[i];
            if (!c->node) {
                victim = c;
                break;
            }
            if (c->last_used < victim->last_used)
                victim = c;
        }
        if (victim->node)
            s2->cnt.span_evicted++;
        zwh__secure_zero(victim, sizeof *victim);
        victim->node = node;
        victim->tx_seq = random_seq(s2);
        p = victim;
    }
    p->last_used = now;
    return p;
}

static mpan_t *mpan_find(mpan_t *tab, size_t n, uint16_t owner, uint8_t group)
{
    for (size_t i = 0; i < n; i++)
        if (tab[i].group == group && tab[i].owner == owner)
            return &tab[i];
    return NULL;
}

static mpan_t *mpan_get(mpan_t *tab, size_t n, uint16_t owner, uint8_t group, uint64_t now)
{
    mpan_t *m = mpan_find(tab, n, owner, group);
    if (!m) {
        m = &tab[0];
        for (size_t i = 0; i < n; i++) {
            if (!tab[i].group) {
                m = &tab[i];
                break;
            }
            if (tab[i].last_used < m->last_used)
                m = &tab[i];
        }
        zwh__secure_zero(m, sizeof *m);
        m->owner = owner;
        m->group = group;
    }
    m->last_used = now;
    return m;
}

int zwh__s2_reset_peer(zwh__s2_t *s2, uint16_t node)
{
    if (!s2)
        return ZWH_EINVAL;
    peer_t *p = peer_find(s2, node);
    if (p)
        zwh__secure_zero(p, sizeof *p);
    for (size_t i = 0; i < s2->max_mpan; i++)
        if (s2->peer_mpans[i].owner == node)
            zwh__secure_zero(&s2->peer_mpans[i], sizeof s2->peer_mpans[i]);
    return 0;
}

int zwh__s2_span_state(const zwh__s2_t *s2, uint16_t node)
{
    const peer_t *p = s2 ? peer_find(s2, node) : NULL;
    return p ? p->state : ZWH__S2_SPAN_NONE;
}

int zwh__s2_set_tx_seq(zwh__s2_t *s2, uint16_t node, uint8_t seq)
{
    if (!s2 || !valid_node(node))
        return ZWH_EINVAL;
    peer_t *p = peer_find(s2, node);
    p = p ? p : peer_get(s2, node, 0);
    p->tx_seq = seq;
    return 0;
}

int zwh__s2_get_tx_seq(const zwh__s2_t *s2, uint16_t node, uint8_t *seq)
{
    if (!s2 || !seq || !valid_node(node))
        return ZWH_EINVAL;
    const peer_t *p = peer_find(s2, node);
    if (!p)
        return ZWH_ENOENT;
    *seq = p->tx_seq;
    return 0;
}

int zwh__s2_mpan_set(zwh__s2_t *s2, uint8_t group, int cls, const uint8_t state[16])
{
    if (!s2 || !group || !valid_class(cls) || !state)
        return ZWH_EINVAL;
    mpan_t *m = mpan_get(s2->owned, s2->max_mpan, 0, group, 0);
    m->cls = (uint8_t)cls;
    m->synced = 1;
    memcpy(m->state, state, 16);
    return 0;
}

int zwh__s2_peer_mpan_state(const zwh__s2_t *s2, uint16_t owner, uint8_t group)
{
    const mpan_t *m = s2 ? mpan_find(s2->peer_mpans, s2->max_mpan, owner, group) : NULL;
    return m ? (m->synced ? 1 : 2) : 0;
}

void zwh__s2_get_counters(const zwh__s2_t *s2, zwh__s2_counters_t *out)
{
    if (s2 && out)
        *out = s2->cnt;
}

/* ---- frame helpers ---------------------------------------------------------- */

static void inc128(uint8_t v[16])
{
    for (int i = 15; i >= 0; i--)
        if (++v[i] != 0)
            break;
}

/* AAD: src | dst | home id | message length | seq | flags | unencrypted ext.
 * Node ids are 2 bytes each when either is a Long Range id (> 255). */
static size_t build_aad(const zwh__s2_t *s2, uint16_t src, uint16_t dst, size_t msg_len,
                        const uint8_t *hdr, size_t hdr_len, uint8_t *aad, size_t cap)
{
    zwh__wr_t w;
    zwh__wr_init(&w, aad, cap);
    if (src > 255 || dst > 255) {
        zwh__wr_u16(&w, src);
        zwh__wr_u16(&w, dst);
    } else {
        zwh__wr_u8(&w, (uint8_t)src);
        zwh__wr_u8(&w, (uint8_t)dst);
    }
    zwh__wr_u32(&w, s2->home_id);
    zwh__wr_u16(&w, (uint16_t)msg_len);
    zwh__wr_bytes(&w, hdr, hdr_len); /* seq, flags, unencrypted extensions */
    return zwh__wr_ok(&w) ? zwh__wr_len(&w) : 0;
}

static void put_nonce_report(zwh__s2_t *s2, peer_t *p, uint8_t flags, const uint8_t *ei,
                             zwh__s2_result_t *res)
{
    zwh__wr_t w;
    zwh__wr_init(&w, res->reply, sizeof res->reply);
    zwh__wr_u8(&w, ZWH__S2_CC);
    zwh__wr_u8(&w, ZWH__S2_NONCE_REPORT);
    zwh__wr_u8(&w, p->tx_seq++);
    zwh__wr_u8(&w, flags);
    if (flags & NR_SOS)
        zwh__wr_bytes(&w, ei, 16);
    res->reply_len = zwh__wr_len(&w);
    s2->cnt.nonce_report_tx++;
}

/* Answers with Nonce Report SOS, discarding the current SPAN. The local EI is
 * fresh unless one we already sent is still unused (we wait for the peer's
 * SPAN extension built on it): then the same EI goes again. Frames the peer
 * sent before our first report arrived fail here too, and a new EI for each
 * would invalidate the one the peer is about to use, so both ends would keep
 * answering each other with new EIs whenever their traffic overlaps. */
static int answer_sos(zwh__s2_t *s2, peer_t *p, zwh__s2_result_t *res)
{
    if (!(p->state == ZWH__S2_SPAN_LOCAL_EI && p->local_ei_valid)) {
        int rc = local_random(s2, p->local_ei);
        if (rc != 0)
            return rc;
    }
    p->local_ei_valid = true;
    p->state = ZWH__S2_SPAN_LOCAL_EI;
    zwh__ctr_drbg_wipe(&p->span);
    forget_sent_nonces(p);
    put_nonce_report(s2, p, NR_SOS, p->local_ei, res);
    return 0;
}

static bool is_dup(const peer_t *p, uint8_t seq)
{
    for (size_t i = 0; i < p->rx_seq_n; i++)
        if (p->rx_seq[i] == seq)
            return true;
    return false;
}

static void record_seq(peer_t *p, uint8_t seq)
{
    p->rx_seq[1] = p->rx_seq[0];
    p->rx_seq[0] = seq;
    if (p->rx_seq_n < 2)
        p->rx_seq_n++;
}

/* ---- encapsulation ---------------------------------------------------------- */

/* Writes 9F 03 seq flags ext... | CCM(enc_ext || pt) | tag with the given nonce. */
typedef struct encap_args {
    uint16_t src, aad_dst;
    uint8_t seq;
    const uint8_t *sei;  /* SPAN ext data or NULL */
    uint8_t mgrp;        /* MGRP group or 0 */
    bool mos;
    const mpan_t *mpan;  /* MPAN ext (encrypted) or NULL */
    const zwh__s2_keys_t *keys;
    const uint8_t *nonce;
} encap_args_t;

static int build_encap(const zwh__s2_t *s2, const encap_args_t *a, const uint8_t *pt, size_t len,
                       uint8_t *out, size_t cap, size_t *out_len)
{
    size_t enc_ext = a->mpan ? 19 : 0;
    size_t n_ext = (a->sei ? 1u : 0u) + (a->mgrp ? 1u : 0u) + (a->mos ? 1u : 0u);
    size_t ext_len = (a->sei ? 18u : 0u) + (a->mgrp ? 3u : 0u) + (a->mos ? 2u : 0u);
    size_t total = 4 + ext_len + enc_ext + len + TAG;
    if (total > ZWH__S2_MAX_FRAME)
        return ZWH_EMSGSIZE;
    if (total > cap)
        return ZWH_EMSGSIZE;
    zwh__wr_t w;
    zwh__wr_init(&w, out, cap);
    zwh__wr_u8(&w, ZWH__S2_CC);
    zwh__wr_u8(&w, ZWH__S2_MSG_ENCAP);
    zwh__wr_u8(&w, a->seq);
    zwh__wr_u8(&w, (uint8_t)((n_ext ? FLAG_EXT : 0) | (enc_ext ? FLAG_SEXT : 0)));
    /* every extension but the last carries more-to-follow */
    if (a->sei) {
        zwh__wr_u8(&w, 18);
        zwh__wr_u8(&w, (uint8_t)((--n_ext ? EXT_MORE : 0) | EXT_CRITICAL | EXT_SPAN));
        zwh__wr_bytes(&w, a->sei, 16);
    }
    if (a->mgrp) {
        zwh__wr_u8(&w, 3);
        zwh__wr_u8(&w, (uint8_t)((--n_ext ? EXT_MORE : 0) | EXT_CRITICAL | EXT_MGRP));
        zwh__wr_u8(&w, a->mgrp);
    }
    if (a->mos) {
        zwh__wr_u8(&w, 2);
        zwh__wr_u8(&w, (uint8_t)((--n_ext ? EXT_MORE : 0) | EXT_MOS));
    }
    size_t hdr_end = zwh__wr_len(&w);
    uint8_t *body = out + hdr_end;
    if (a->mpan) {
        body[0] = 19;
        body[1] = EXT_CRITICAL | EXT_MPAN;
        body[2] = a->mpan->group;
        memcpy(body + 3, a->mpan->state, 16);
    }
    if (len)
        memmove(body + enc_ext, pt, len);
    uint8_t aad[AAD_FIXED + 32];
    size_t aad_len = build_aad(s2, a->src, a->aad_dst, total, out + 2, hdr_end - 2, aad, sizeof aad);
    if (!aad_len)
        return ZWH_EINVAL;
    int rc = zwh__aes_ccm_encrypt(a->keys->ccm, a->nonce, aad, aad_len, body, enc_ext + len, body,
                                  body + enc_ext + len);
    if (rc != 0) {
        zwh__secure_zero(out, total);
        return rc;
    }
    *out_len = total;
    return 0;
}

static int check_class(const zwh__s2_t *s2, uint16_t node, int cls)
{
    if (!valid_class(cls))
        return ZWH_EINVAL;
    if (!(s2->installed & ZWH__S2_BIT(cls)) || !(s2->granted[node] & ZWH__S2_BIT(cls)))
        return ZWH_ENOKEY;
    return 0;
}

int zwh__s2_encap(zwh__s2_t *s2, const zwh__s2_tx_t *tx, const uint8_t *pt, size_t len,
                  uint64_t now, uint8_t *out, size_t cap, size_t *out_len)
{
    if (!s2 || !tx || !out || !out_len || (!pt && len) || !valid_node(tx->dst))
        return ZWH_EINVAL;
    *out_len = 0;
    int rc = check_class(s2, tx->dst, tx->cls);
    if (rc != 0)
        return rc;
    const mpan_t *mp = NULL;
    if (tx->mpan_group) {
        mp = mpan_find(s2->owned, s2->max_mpan, 0, tx->mpan_group);
        if (!mp)
            return ZWH_EINVAL;
    }
    peer_t *p = peer_get(s2, tx->dst, now);
    const zwh__s2_keys_t *k = &s2->keys[tx->cls];
    uint8_t sei[16], nonce[16];
    bool with_span = false;
    zwh__ctr_drbg_t span = p->span;
    if (p->state == ZWH__S2_SPAN_ESTABLISHED && p->span_cls == tx->cls) {
        rc = zwh__ctr_drbg_generate(&span, nonce, 16);
    } else if (p->state == ZWH__S2_SPAN_REMOTE_EI) {
        /* new SPAN: our SEI with the peer's REI, personalised by the class */
        uint8_t prk[16], mei[32];
        with_span = true;
        rc = local_random(s2, sei);
        if (rc == 0)
            rc = zwh__s2_nonce_prk(sei, p->remote_ei, prk);
        if (rc == 0)
            rc = zwh__s2_mei(prk, mei);
        if (rc == 0)
            rc = zwh__ctr_drbg_instantiate(&span, mei, k->pers);
        if (rc == 0)
            rc = zwh__ctr_drbg_generate(&span, nonce, 16);
        zwh__secure_zero(prk, sizeof prk);
        zwh__secure_zero(mei, sizeof mei);
    } else {
        /* no usable SPAN (none, only our own EI, or another class): ask for a nonce */
        if (cap < 3)
            return ZWH_EMSGSIZE;
        if (p->state == ZWH__S2_SPAN_ESTABLISHED) {
            p->state = ZWH__S2_SPAN_NONE;
            zwh__ctr_drbg_wipe(&p->span);
    forget_sent_nonces(p);
        }
        out[0] = ZWH__S2_CC;
        out[1] = ZWH__S2_NONCE_GET;
        out[2] = p->tx_seq++;
        *out_len = 3;
        s2->cnt.nonce_get_tx++;
        return ZWH__S2_TX_NONCE_GET;
    }
    if (rc == 0) {
        encap_args_t a = {
            .src = s2->node_id, .aad_dst = tx->dst, .seq = p->tx_seq,
            .sei = with_span ? sei : NULL, .mgrp = mp ? 0 : tx->mgrp_group, .mos = tx->mos != 0,
            .mpan = mp, .keys = k, .nonce = nonce,
        };
        rc = build_encap(s2, &a, pt, len, out, cap, out_len);
    }
    if (rc == 0) {
        /* commit: the nonce is consumed only when a frame was produced */
        if (with_span)
            forget_sent_nonces(p);
        remember_sent_nonce(p, nonce);
        p->span = span;
        p->state = ZWH__S2_SPAN_ESTABLISHED;
        p->span_cls = (uint8_t)tx->cls;
        p->tx_seq++;
        s2->cnt.tx_encap++;
    }
    zwh__ctr_drbg_wipe(&span);
    zwh__secure_zero(nonce, sizeof nonce);
    zwh__secure_zero(sei, sizeof sei);
    return rc == 0 ? ZWH__S2_TX_ENCAP : rc;
}

int zwh__s2_encap_multicast(zwh__s2_t *s2, uint8_t group, int cls, const uint8_t *pt, size_t len,
                            uint64_t now, uint8_t *out, size_t cap, size_t *out_len)
{
    if (!s2 || !group || !out || !out_len || (!pt && len) || !valid_class(cls))
        return ZWH_EINVAL;
    *out_len = 0;
    if (!(s2->installed & ZWH__S2_BIT(cls)))
        return ZWH_ENOKEY;
    mpan_t *m = mpan_find(s2->owned, s2->max_mpan, 0, group);
    if (!m || m->cls != cls) {
        m = mpan_get(s2->owned, s2->max_mpan, 0, group, now);
        int rc = zwh__ctr_drbg_generate(&s2->drbg, m->state, 16);
        if (rc != 0)
            return rc;
        m->cls = (uint8_t)cls;
        m->seq = random_seq(s2);
    }
    m->last_used = now;
    const zwh__s2_keys_t *k = &s2->keys[cls];
    uint8_t nonce[16];
    int rc = zwh__aes128_encrypt_block(k->mpan, m->state, nonce);
    if (rc == 0) {
        encap_args_t a = {
            .src = s2->node_id, .aad_dst = group, .seq = m->seq, .mgrp = group,
            .keys = k, .nonce = nonce,
        };
        rc = build_encap(s2, &a, pt, len, out, cap, out_len);
    }
    if (rc == 0) {
        inc128(m->state); /* the nonce just used */
        inc128(m->state); /* the follow-up round (receivers advance on the follow-up) */
        m->seq++;
        s2->cnt.tx_encap++;
    }
    zwh__secure_zero(nonce, sizeof nonce);
    return rc == 0 ? ZWH__S2_TX_ENCAP : rc;
}

/* ---- decapsulation ---------------------------------------------------------- */

typedef struct exts {
    const uint8_t *sei; /* SPAN */
    const uint8_t *mpan; /* MPAN data: group, state[16] */
    uint8_t mgrp;
    bool has_mgrp;
    bool mos;
    size_t len; /* bytes of extensions consumed */
} exts_t;

/* Parses a chain of extensions at buf[0..len). encrypted selects the section.
 * Returns 0, ZWH_EBADMSG or ZWH_ES2_EXTENSION. */
static int parse_exts(const uint8_t *buf, size_t len, bool encrypted, exts_t *e)
{
    size_t pos = 0;
    for (;;) {
        if (len - pos < 2)
            return ZWH_EBADMSG;
        uint8_t elen = buf[pos], ctrl = buf[pos + 1];
        if (elen < 2 || elen > len - pos)
            return ZWH_EBADMSG;
        uint8_t type = ctrl & EXT_TYPE_MASK;
        static const uint8_t fixed_len[] = {0, 18, 19, 3, 2}; /* by type */
        static const bool in_encrypted[] = {false, false, true, false, false};
        if (type >= 1 && type <= 4) {
            if (elen != fixed_len[type])
                return ZWH_EBADMSG; /* libs2 rule; zwave-js would skip the extension */
            if (in_encrypted[type] == encrypted) { /* wrong section: ignored */
                if (type == EXT_SPAN)
                    e->sei = buf + pos + 2;
                else if (type == EXT_MPAN)
                    e->mpan = buf + pos + 2;
                else if (type == EXT_MGRP) {
                    e->mgrp = buf[pos + 2];
                    e->has_mgrp = true;
                } else
                    e->mos = true;
            }
        } else if (ctrl & EXT_CRITICAL) {
            return ZWH_ES2_EXTENSION;
        }
        pos += elen;
        if (!(ctrl & EXT_MORE))
            break;
    }
    e->len = pos;
    return 0;
}

static int fail(zwh__s2_t *s2, int rc)
{
    switch (rc) {
    case ZWH_EBADMSG: s2->cnt.malformed++; break;
    case ZWH_ES2_REPLAY: s2->cnt.duplicate++; break;
    case ZWH_ES2_NONCE: s2->cnt.no_span++; break;
    case ZWH_ES2_DECRYPT: s2->cnt.decrypt_fail++; break;
    case ZWH_ES2_EXTENSION: s2->cnt.unknown_critical_ext++; break;
    case ZWH_ENOKEY: s2->cnt.not_granted++; break;
    case ZWH_ENOTSUP: s2->cnt.unsupported++; break;
    case ZWH_EMSGSIZE: s2->cnt.malformed++; break;
    default: break;
    }
    return rc;
}

static int rx_nonce_get(zwh__s2_t *s2, const zwh__s2_rx_t *rx, const uint8_t *f, size_t len,
                        uint64_t now, zwh__s2_result_t *res)
{
    if (len < 3 || rx->multicast)
        return fail(s2, ZWH_EBADMSG);
    if (!s2->granted[rx->src])
        return fail(s2, ZWH_ENOKEY);
    peer_t *p = peer_get(s2, rx->src, now);
    if (is_dup(p, f[2]))
        return fail(s2, ZWH_ES2_REPLAY); /* answering again would destroy the SPAN */
    record_seq(p, f[2]);
    s2->cnt.nonce_get_rx++;
    int rc = answer_sos(s2, p, res);
    return rc == 0 ? ZWH__S2_RX_NONE : rc;
}

static int rx_nonce_report(zwh__s2_t *s2, const zwh__s2_rx_t *rx, const uint8_t *f, size_t len,
                           uint64_t now, zwh__s2_result_t *res)
{
    if (len < 4 || rx->multicast)
        return fail(s2, ZWH_EBADMSG);
    uint8_t flags = f[3];
    if (!(flags & (NR_SOS | NR_MOS)) || ((flags & NR_SOS) && len < 20))
        return fail(s2, ZWH_EBADMSG);
    if (!s2->granted[rx->src])
        return fail(s2, ZWH_ENOKEY);
    peer_t *p = peer_get(s2, rx->src, now);
    if (is_dup(p, f[2]))
        return fail(s2, ZWH_ES2_REPLAY);
    record_seq(p, f[2]);
    s2->cnt.nonce_report_rx++;
    if (flags & NR_SOS) {
        memcpy(p->remote_ei, f + 4, 16);
        p->state = ZWH__S2_SPAN_REMOTE_EI;
        zwh__ctr_drbg_wipe(&p->span);
    forget_sent_nonces(p);
        res->flags |= ZWH__S2_RXF_SOS;
    }
    if (flags & NR_MOS)
        res->flags |= ZWH__S2_RXF_PEER_MOS;
    res->kind = ZWH__S2_RX_NONCE_REPORT;
    return ZWH__S2_RX_NONCE_REPORT;
}

/* Tries up to `tries` consecutive nonces of drbg with one key; on success the
 * generator is left after the nonce that worked. */
static int try_span(zwh__ctr_drbg_t *drbg, const zwh__s2_keys_t *k, int tries, const uint8_t *aad,
                    size_t aad_len, const uint8_t *ct, size_t ct_len, uint8_t *out)
{
    uint8_t nonce[16];
    int rc = ZWH_ES2_DECRYPT;
    for (int i = 0; i < tries && rc == ZWH_ES2_DECRYPT; i++) {
        rc = zwh__ctr_drbg_generate(drbg, nonce, 16);
        if (rc == 0)
            rc = zwh__aes_ccm_decrypt(k->ccm, nonce, aad, aad_len, ct, ct_len, ct + ct_len, out);
    }
    zwh__secure_zero(nonce, sizeof nonce);
    return rc;
}

/* Singlecast: finds the nonce (existing SPAN or a new one from a SPAN ext) and
 * decrypts into out. On failure answers with a fresh Nonce Report SOS. */
static int decrypt_single(zwh__s2_t *s2, peer_t *p, uint32_t usable, const exts_t *e,
                          const uint8_t *aad, size_t aad_len, const uint8_t *ct, size_t ct_len,
                          uint8_t *out, int *cls, zwh__s2_result_t *res)
{
    int rc = ZWH_ES2_DECRYPT;
    if (e->sei) {
        if (!p->local_ei_valid) {
            int r = answer_sos(s2, p, res);
            return r ? r : ZWH_ES2_NONCE;
        }
        uint8_t prk[16], mei[32];
        int r = zwh__s2_nonce_prk(e->sei, p->local_ei, prk);
        if (r == 0)
            r = zwh__s2_mei(prk, mei);
        /* the class is whichever granted key authenticates the frame */
        for (size_t i = 0; r == 0 && i < ZWH__S2_NCLASSES; i++) {
            int c = k_try_order[i];
            if (!(usable & ZWH__S2_BIT(c)))
                continue;
            zwh__ctr_drbg_t d;
            r = zwh__ctr_drbg_instantiate(&d, mei, s2->keys[c].pers);
            if (r == 0)
                r = try_span(&d, &s2->keys[c], 1, aad, aad_len, ct, ct_len, out);
            if (r == 0) {
                p->span = d;
                p->span_cls = (uint8_t)c;
                p->state = ZWH__S2_SPAN_ESTABLISHED;
                p->local_ei_valid = false;
                *cls = c;
                rc = 0;
            }
            zwh__ctr_drbg_wipe(&d);
            if (r == ZWH_ES2_DECRYPT)
                r = 0; /* try the next class */
            else
                break;
        }
        if (r != 0)
            rc = r;
        zwh__secure_zero(prk, sizeof prk);
        zwh__secure_zero(mei, sizeof mei);
    } else if (p->state == ZWH__S2_SPAN_ESTABLISHED && (usable & ZWH__S2_BIT(p->span_cls))) {
        zwh__ctr_drbg_t d = p->span;
        rc = try_span(&d, &s2->keys[p->span_cls], ZWH__S2_DECRYPT_TRIES, aad, aad_len, ct,
                      ct_len, out);
        if (rc == 0) {
            p->span = d;
            forget_sent_nonces(p); /* the peer is past our frames: nothing crossed */
            *cls = p->span_cls;
        } else if (rc == ZWH_ES2_DECRYPT &&
                   try_crossed(p, &s2->keys[p->span_cls], aad, aad_len, ct, ct_len, out) == 0) {
            rc = 0;
            s2->cnt.crossed++;
            *cls = p->span_cls;
        }
        zwh__ctr_drbg_wipe(&d);
    } else {
        int r = answer_sos(s2, p, res);
        return r ? r : ZWH_ES2_NONCE;
    }
    if (rc == ZWH_ES2_DECRYPT) {
        int r = answer_sos(s2, p, res);
        if (r)
            return r;
    }
    return rc;
}

static int decrypt_multi(zwh__s2_t *s2, uint16_t src, uint32_t usable, uint8_t group,
                         const uint8_t *aad, size_t aad_len, const uint8_t *ct, size_t ct_len,
                         uint64_t now, uint8_t *out, int *cls)
{
    mpan_t *m = mpan_find(s2->peer_mpans, s2->max_mpan, src, group);
    if (!m || !m->synced || !(usable & ZWH__S2_BIT(m->cls))) {
        m = mpan_get(s2->peer_mpans, s2->max_mpan, src, group, now);
        m->synced = 0;
        s2->cnt.mpan_unknown++;
        return ZWH_ES2_NONCE;
    }
    m->last_used = now;
    const zwh__s2_keys_t *k = &s2->keys[m->cls];
    uint8_t st[16], nonce[16];
    memcpy(st, m->state, 16);
    int rc = ZWH_ES2_DECRYPT;
    for (int i = 0; i < ZWH__S2_DECRYPT_TRIES && rc == ZWH_ES2_DECRYPT; i++) {
        rc = zwh__aes128_encrypt_block(k->mpan, st, nonce);
        inc128(st);
        if (rc == 0)
            rc = zwh__aes_ccm_decrypt(k->ccm, nonce, aad, aad_len, ct, ct_len, ct + ct_len, out);
    }
    if (rc == 0) {
        memcpy(m->state, st, 16);
        *cls = m->cls;
    } else if (rc == ZWH_ES2_DECRYPT) {
        m->synced = 0; /* the follow-up will answer MOS */
    }
    zwh__secure_zero(st, sizeof st);
    zwh__secure_zero(nonce, sizeof nonce);
    return rc;
}

static int rx_encap(zwh__s2_t *s2, const zwh__s2_rx_t *rx, const uint8_t *f, size_t len,
                    uint64_t now, uint8_t *out, size_t cap, zwh__s2_result_t *res)
{
    if (len < 4 + TAG)
        return fail(s2, ZWH_EBADMSG);
    uint8_t seq = f[2], flags = f[3];
    exts_t e = {0};
    size_t pos = 4;
    if (flags & FLAG_EXT) {
        int rc = parse_exts(f + 4, len - 4 - TAG, false, &e);
        if (rc != 0)
            return fail(s2, rc);
        pos += e.len;
    }
    const uint8_t *ct = f + pos;
    size_t ct_len = len - pos - TAG;
    if (cap < ct_len)
        return fail(s2, ZWH_EMSGSIZE);
    uint32_t usable = s2->granted[rx->src] & s2->installed;
    if (!usable)
        return fail(s2, ZWH_ENOKEY);
    if (rx->multicast && !e.has_mgrp)
        return fail(s2, ZWH_EBADMSG);
    uint16_t aad_dst = rx->multicast ? e.mgrp : s2->node_id;
    uint8_t aad[AAD_FIXED + ZWH__S2_MAX_FRAME];
    size_t aad_len = build_aad(s2, rx->src, aad_dst, len, f + 2, pos - 2, aad, sizeof aad);
    if (!aad_len)
        return fail(s2, ZWH_EBADMSG);

    int cls = ZWH__S2_CLASS_NONE, rc;
    peer_t *p = NULL;
    if (rx->multicast) {
        rc = decrypt_multi(s2, rx->src, usable, e.mgrp, aad, aad_len, ct, ct_len, now, out, &cls);
        if (rc == ZWH_ES2_NONCE)
            return rc; /* counted as mpan_unknown */
        res->flags |= ZWH__S2_RXF_MULTICAST;
        res->group = e.mgrp;
    } else {
        p = peer_get(s2, rx->src, now);
        if (is_dup(p, seq))
            return fail(s2, ZWH_ES2_REPLAY); /* checked before decrypting */
        rc = decrypt_single(s2, p, usable, &e, aad, aad_len, ct, ct_len, out, &cls, res);
    }
    if (rc != 0)
        return fail(s2, rc);
    if (p)
        record_seq(p, seq);

    exts_t ee = {0};
    size_t off = 0;
    if (flags & FLAG_SEXT) {
        rc = parse_exts(out, ct_len, true, &ee);
        if (rc != 0) {
            zwh__secure_zero(out, ct_len);
            return fail(s2, rc);
        }
        off = ee.len;
    }
    if (ee.mpan && !rx->multicast) {
        mpan_t *m = mpan_get(s2->peer_mpans, s2->max_mpan, rx->src, ee.mpan[0], now);
        memcpy(m->state, ee.mpan + 1, 16);
        m->cls = (uint8_t)cls;
        m->synced = 1;
    }
    if (e.has_mgrp && !rx->multicast) {
        /* singlecast follow-up: advance the group's MPAN, or ask for it (MOS) */
        res->flags |= ZWH__S2_RXF_FOLLOWUP;
        res->group = e.mgrp;
        mpan_t *m = mpan_find(s2->peer_mpans, s2->max_mpan, rx->src, e.mgrp);
        if (m && m->synced && !ee.mpan) {
            inc128(m->state);
        } else if (!ee.mpan) {
            m = mpan_get(s2->peer_mpans, s2->max_mpan, rx->src, e.mgrp, now);
            m->synced = 0;
            s2->cnt.mpan_unknown++;
            put_nonce_report(s2, p, NR_MOS, NULL, res);
        }
    }
    if (e.mos)
        res->flags |= ZWH__S2_RXF_PEER_MOS;
    memmove(out, out + off, ct_len - off);
    zwh__secure_zero(out + (ct_len - off), off);
    res->len = ct_len - off;
    res->cls = cls;
    res->kind = ZWH__S2_RX_PLAINTEXT;
    s2->cnt.rx_ok++;
    return ZWH__S2_RX_PLAINTEXT;
}

int zwh__s2_decap(zwh__s2_t *s2, const zwh__s2_rx_t *rx, const uint8_t *frame, size_t len,
                  uint64_t now, uint8_t *out, size_t cap, zwh__s2_result_t *res)
{
    if (!s2 || !rx || !res || (!frame && len) || (!out && cap))
        return ZWH_EINVAL;
    memset(res, 0, sizeof *res);
    res->cls = ZWH__S2_CLASS_NONE;
    if (!valid_node(rx->src))
        return fail(s2, ZWH_EBADMSG);
    if (len < 2 || frame[0] != ZWH__S2_CC)
        return fail(s2, ZWH_EBADMSG);
    if (len > ZWH__S2_MAX_FRAME)
        return fail(s2, ZWH_EMSGSIZE);
    switch (frame[1]) {
    case ZWH__S2_NONCE_GET:
        return rx_nonce_get(s2, rx, frame, len, now, res);
    case ZWH__S2_NONCE_REPORT:
        return rx_nonce_report(s2, rx, frame, len, now, res);
    case ZWH__S2_MSG_ENCAP:
        return rx_encap(s2, rx, frame, len, now, out, cap, res);
    default:
        return fail(s2, ZWH_ENOTSUP);
    }
}
