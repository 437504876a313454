/* Security 0 engine and codec. See s0.h. */
#include "security/s0.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "security/crypto.h"
#include "security/ctr_drbg.h"
#include "util/bytes.h"
#include "zwhost/error.h"

#define MIN_ENCAP (2 + 8 + 1 + 1 + 8) /* header, sender nonce, control, id, MAC */
#define MAX_PART ZWH__S0_MAX_PAYLOAD

typedef struct issued {
    uint16_t peer; /* 0 = free */
    uint8_t nonce[8];
    uint64_t expires;
} issued_t;

typedef struct peer {
    uint16_t node; /* 0 = free */
    bool has_nonce;
    uint8_t nonce[8];      /* the peer's nonce for our next frame to it */
    uint64_t nonce_expires;
    bool has_part;
    uint8_t part_seq;
    uint8_t part_len;
    uint8_t part[MAX_PART]; /* first half of a sequenced message */
    uint64_t last_used;
} peer_t;

typedef struct keyset {
    uint8_t auth[16];
    uint8_t enc[16];
} keyset_t;

struct zwh__s0 {
    uint16_t node_id;
    uint32_t lifetime;
    uint16_t max_nonces, max_peers;
    bool has_key;
    keyset_t net, temp;
    uint8_t temp_allowed[256 / 8];
    zwh__ctr_drbg_t drbg;
    zwh__s0_nonce_cb nonce_cb;
    void *nonce_user;
    issued_t *issued;
    peer_t *peers;
    zwh__s0_counters_t cnt;
};

static int derive(const uint8_t key[16], keyset_t *ks)
{
    uint8_t c55[16], caa[16];
    memset(c55, 0x55, sizeof c55);
    memset(caa, 0xAA, sizeof caa);
    int rc = zwh__aes128_encrypt_block(key, c55, ks->auth);
    if (rc == 0)
        rc = zwh__aes128_encrypt_block(key, caa, ks->enc);
    if (rc != 0)
        zwh__secure_zero(ks, sizeof *ks);
    return rc;
}

int zwh__s0_new(const zwh__s0_config_t *cfg, zwh__s0_t **out)
{
    if (!cfg || !out)
        return ZWH_EINVAL;
    *out = NULL;
    zwh__s0_t *s0 = calloc(1, sizeof *s0);
    if (!s0)
        return ZWH_ENOMEM;
    s0->node_id = cfg->node_id;
    s0->lifetime = cfg->nonce_lifetime_ms ? cfg->nonce_lifetime_ms : 3000;
    s0->max_nonces = cfg->max_nonces ? cfg->max_nonces : 16;
    s0->max_peers = cfg->max_peers ? cfg->max_peers : 16;
    s0->issued = calloc(s0->max_nonces, sizeof *s0->issued);
    s0->peers = calloc(s0->max_peers, sizeof *s0->peers);
    uint8_t zero[16] = {0};
    int rc = zwh__ctr_drbg_seed(&s0->drbg, cfg->seed);
    if (rc == 0)
        rc = derive(zero, &s0->temp); /* the all-zero inclusion key */
    if (rc == 0 && (!s0->issued || !s0->peers))
        rc = ZWH_ENOMEM;
    if (rc != 0) {
        zwh__s0_free(s0);
        return rc;
    }
    *out = s0;
    return 0;
}

void zwh__s0_free(zwh__s0_t *s0)
{
    if (!s0)
        return;
    if (s0->issued)
        zwh__secure_zero(s0->issued, sizeof *s0->issued * s0->max_nonces);
    if (s0->peers)
        zwh__secure_zero(s0->peers, sizeof *s0->peers * s0->max_peers);
    free(s0->issued);
    free(s0->peers);
    zwh__secure_zero(s0, sizeof *s0);
    free(s0);
}

int zwh__s0_set_node_id(zwh__s0_t *s0, uint16_t node_id)
{
    if (!s0 || node_id > 255)
        return ZWH_EINVAL;
    s0->node_id = node_id;
    return 0;
}

int zwh__s0_set_network_key(zwh__s0_t *s0, const uint8_t key[16])
{
    if (!s0 || !key)
        return ZWH_EINVAL;
    int rc = derive(key, &s0->net);
    s0->has_key = rc == 0;
    return rc;
}

int zwh__s0_clear_network_key(zwh__s0_t *s0)
{
    if (!s0)
        return ZWH_EINVAL;
    zwh__secure_zero(&s0->net, sizeof s0->net);
    s0->has_key = false;
    return 0;
}

int zwh__s0_allow_temp_key(zwh__s0_t *s0, uint16_t node, int on)
{
    if (!s0 || node == 0 || node > 255)
        return ZWH_EINVAL;
    uint8_t bit = (uint8_t)(1u << (node & 7));
    if (on)
        s0->temp_allowed[node >> 3] = (uint8_t)(s0->temp_allowed[node >> 3] | bit);
    else
        s0->temp_allowed[node >> 3] = (uint8_t)(s0->temp_allowed[node >> 3] & ~bit);
    return 0;
}

static bool temp_allowed(const zwh__s0_t *s0, uint16_t node)
{
    return node <= 255 && (s0->temp_allowed[node >> 3] & (1u << (node & 7)));
}

void zwh__s0_set_nonce_source(zwh__s0_t *s0, zwh__s0_nonce_cb cb, void *user)
{
    if (s0) {
        s0->nonce_cb = cb;
        s0->nonce_user = user;
    }
}

void zwh__s0_get_counters(const zwh__s0_t *s0, zwh__s0_counters_t *out)
{
    if (s0 && out)
        *out = s0->cnt;
}

static int random8(zwh__s0_t *s0, uint8_t out[8])
{
    if (s0->nonce_cb)
        return s0->nonce_cb(out, s0->nonce_user);
    uint8_t b[16];
    int rc = zwh__ctr_drbg_generate(&s0->drbg, b, sizeof b);
    memcpy(out, b, 8);
    zwh__secure_zero(b, sizeof b);
    return rc;
}

static peer_t *peer_get(zwh__s0_t *s0, uint16_t node, uint64_t now)
{
    peer_t *victim = NULL;
    for (size_t i = 0; i < s0->max_peers; i++) {
        peer_t *p = &s0->peers[i];
        if (p->node == node) {
            p->last_used = now;
            return p;
        }
        if (!victim || (victim->node && (!p->node || p->last_used < victim->last_used)))
            victim = p;
    }
    zwh__secure_zero(victim, sizeof *victim);
    victim->node = node;
    victim->last_used = now;
    return victim;
}

/* ---- nonces we issue ---------------------------------------------------------- */

static int issue_nonce(zwh__s0_t *s0, uint16_t peer, uint64_t now, uint8_t nonce[8])
{
    issued_t *slot = NULL;
    for (size_t i = 0; i < s0->max_nonces; i++) {
        issued_t *e = &s0->issued[i];
        if (e->peer && e->expires <= now)
            zwh__secure_zero(e, sizeof *e); /* expired */
        if (!e->peer && !slot)
            slot = e;
    }
    if (!slot) { /* full: drop the one closest to expiry */
        slot = &s0->issued[0];
        for (size_t i = 1; i < s0->max_nonces; i++)
            if (s0->issued[i].expires < slot->expires)
                slot = &s0->issued[i];
        s0->cnt.nonce_evicted++;
        zwh__secure_zero(slot, sizeof *slot);
    }
    /* the first byte is the nonce id: unique among outstanding nonces */
    for (int tries = 0; tries < 64; tries++) {
        int rc = random8(s0, nonce);
        if (rc != 0)
            return rc;
        bool clash = false;
        for (size_t i = 0; i < s0->max_nonces; i++)
            if (s0->issued[i].peer && s0->issued[i].nonce[0] == nonce[0])
                clash = true;
        if (!clash) {
            slot->peer = peer;
            memcpy(slot->nonce, nonce, 8);
            slot->expires = now + s0->lifetime;
            return 0;
        }
    }
    return ZWH_EAGAIN;
}

/* Finds (and consumes) the nonce with this id issued to peer. Using one nonce
 * discards every other nonce issued to that peer. */
static bool take_nonce(zwh__s0_t *s0, uint16_t peer, uint8_t id, uint64_t now, uint8_t out[8])
{
    bool found = false;
    for (size_t i = 0; i < s0->max_nonces; i++) {
        issued_t *e = &s0->issued[i];
        if (e->peer != peer)
            continue;
        if (!found && e->nonce[0] == id && e->expires > now) {
            memcpy(out, e->nonce, 8);
            found = true;
        }
    }
    if (found)
        for (size_t i = 0; i < s0->max_nonces; i++)
            if (s0->issued[i].peer == peer)
                zwh__secure_zero(&s0->issued[i], sizeof s0->issued[i]);
    return found;
}

static int put_nonce_report(zwh__s0_t *s0, uint16_t peer, uint64_t now, zwh__s0_result_t *res)
{
    uint8_t n[8];
    int rc = issue_nonce(s0, peer, now, n);
    if (rc != 0)
        return rc;
    res->reply[0] = ZWH__S0_CC;
    res->reply[1] = ZWH__S0_NONCE_REPORT;
    memcpy(res->reply + 2, n, 8);
    res->reply_len = 10;
    s0->cnt.nonce_report_tx++;
    zwh__secure_zero(n, sizeof n);
    return 0;
}

/* ---- MAC and encryption ------------------------------------------------------ */

/* MAC = first 8 bytes of CBC-MAC_auth(SN || RN || cmd || src || dst || L || ct). */
static int compute_mac(const keyset_t *ks, const uint8_t sn[8], const uint8_t rn[8], uint8_t cmd,
                       uint16_t src, uint16_t dst, const uint8_t *ct, size_t l, uint8_t mac[8])
{
    uint8_t buf[20 + 1 + MAX_PART], full[16];
    memcpy(buf, sn, 8);
    memcpy(buf + 8, rn, 8);
    buf[16] = cmd;
    buf[17] = (uint8_t)src;
    buf[18] = (uint8_t)dst;
    buf[19] = (uint8_t)l;
    memcpy(buf + 20, ct, l);
    int rc = zwh__aes128_cbc_mac(ks->auth, buf, 20 + l, full);
    memcpy(mac, full, 8);
    zwh__secure_zero(full, sizeof full);
    return rc;
}

static bool mac_equal(const uint8_t *a, const uint8_t *b)
{
    uint8_t d = 0;
    for (size_t i = 0; i < 8; i++)
        d |= (uint8_t)(a[i] ^ b[i]);
    return d == 0;
}

int zwh__s0_encap(zwh__s0_t *s0, const zwh__s0_tx_t *tx, const uint8_t *pt, size_t len,
                  uint64_t now, uint8_t *out, size_t cap, size_t *out_len)
{
    if (!s0 || !tx || !out || !out_len || (!pt && len) || tx->dst == 0 || tx->dst > 255 ||
        s0->node_id == 0 || s0->node_id > 255)
        return ZWH_EINVAL;
    *out_len = 0;
    if (!tx->temp_key && !s0->has_key)
        return ZWH_ENOKEY;
    if (len + 1 > MAX_PART || cap < ZWH__S0_OVERHEAD + len)
        return ZWH_EMSGSIZE;
    peer_t *p = peer_get(s0, tx->dst, now);
    if (!p->has_nonce || p->nonce_expires <= now) {
        p->has_nonce = false;
        out[0] = ZWH__S0_CC;
        out[1] = ZWH__S0_NONCE_GET;
        *out_len = 2;
        s0->cnt.nonce_get_tx++;
        return ZWH__S0_TX_NONCE_GET;
    }
    const keyset_t *ks = tx->temp_key ? &s0->temp : &s0->net;
    uint8_t iv[16], sn[8], mac[8];
    int rc = random8(s0, sn);
    if (rc != 0)
        return rc;
    memcpy(iv, sn, 8);
    memcpy(iv + 8, p->nonce, 8);
    uint8_t cmd = tx->request_nonce ? ZWH__S0_MSG_ENCAP_NONCE_GET : ZWH__S0_MSG_ENCAP;
    size_t l = len + 1;
    uint8_t *ct = out + 10;
    ct[0] = tx->frame_control;
    if (len)
        memmove(ct + 1, pt, len);
    rc = zwh__aes128_ofb(ks->enc, iv, ct, l, ct);
    if (rc == 0)
        rc = compute_mac(ks, sn, p->nonce, cmd, s0->node_id, tx->dst, ct, l, mac);
    if (rc == 0) {
        out[0] = ZWH__S0_CC;
        out[1] = cmd;
        memcpy(out + 2, sn, 8);
        out[10 + l] = p->nonce[0]; /* receiver nonce id */
        memcpy(out + 11 + l, mac, 8);
        *out_len = 19 + l;
        /* single use */
        p->has_nonce = false;
        zwh__secure_zero(p->nonce, sizeof p->nonce);
        s0->cnt.tx_encap++;
    } else {
        zwh__secure_zero(out, ZWH__S0_OVERHEAD + len);
    }
    zwh__secure_zero(iv, sizeof iv);
    return rc == 0 ? ZWH__S0_TX_ENCAP : rc;
}

static int fail(zwh__s0_t *s0, int rc)
{
    switch (rc) {
    case ZWH_EBADMSG: case ZWH_EMSGSIZE: s0->cnt.malformed++; break;
    case ZWH_ES0_NONCE: s0->cnt.nonce_unknown++; break;
    case ZWH_ES0_MAC: s0->cnt.mac_fail++; break;
    case ZWH_ENOKEY: s0->cnt.no_key++; break;
    case ZWH_EPROTO: s0->cnt.seq_mismatch++; break;
    case ZWH_ENOTSUP: s0->cnt.unsupported++; break;
    default: break;
    }
    return rc;
}

static int rx_encap(zwh__s0_t *s0, const zwh__s0_rx_t *rx, const uint8_t *f, size_t len,
                    uint64_t now, uint8_t *out, size_t cap, zwh__s0_result_t *res)
{
    if (len < MIN_ENCAP)
        return fail(s0, ZWH_EBADMSG);
    size_t l = len - 19; /* control byte + command */
    if (l > MAX_PART)
        return fail(s0, ZWH_EMSGSIZE);
    uint8_t cmd = f[1];
    const uint8_t *sn = f + 2, *ct = f + 10, *mac = f + 11 + l;
    uint8_t id = f[10 + l];
    if (!s0->has_key && !temp_allowed(s0, rx->src))
        return fail(s0, ZWH_ENOKEY);
    uint8_t rn[8], m[8], iv[16], pt[MAX_PART];
    if (!take_nonce(s0, rx->src, id, now, rn))
        return fail(s0, ZWH_ES0_NONCE);
    /* the network key, then (bootstrapping only) the all-zero key */
    const keyset_t *cands[2] = {s0->has_key ? &s0->net : NULL,
                                temp_allowed(s0, rx->src) ? &s0->temp : NULL};
    const keyset_t *ks = NULL;
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0 && !ks; i++) {
        if (!cands[i])
            continue;
        rc = compute_mac(cands[i], sn, rn, cmd, rx->src, s0->node_id, ct, l, m);
        if (rc == 0 && mac_equal(m, mac))
            ks = cands[i];
    }
    if (rc == 0 && !ks)
        rc = ZWH_ES0_MAC;
    if (rc == 0) {
        memcpy(iv, sn, 8);
        memcpy(iv + 8, rn, 8);
        rc = zwh__aes128_ofb(ks->enc, iv, ct, l, pt);
        zwh__secure_zero(iv, sizeof iv);
    }
    zwh__secure_zero(rn, sizeof rn);
    /* 0xC1 asks for a fresh nonce, whatever happened to this frame */
    if (cmd == ZWH__S0_MSG_ENCAP_NONCE_GET) {
        int r = put_nonce_report(s0, rx->src, now, res);
        if (r != 0 && rc == 0)
            rc = r;
    }
    if (rc != 0) {
        zwh__secure_zero(pt, sizeof pt);
        return fail(s0, rc);
    }
    res->temp_key = ks == &s0->temp;
    uint8_t fc = pt[0];
    const uint8_t *body = pt + 1;
    size_t blen = l - 1;
    peer_t *p = peer_get(s0, rx->src, now);
    if (fc & ZWH__S0_FC_SEQUENCED) {
        uint8_t seq = fc & ZWH__S0_FC_SEQ_MASK;
        if (!(fc & ZWH__S0_FC_SECOND)) {
            memcpy(p->part, body, blen);
            p->part_len = (uint8_t)blen;
            p->part_seq = seq;
            p->has_part = true;
            zwh__secure_zero(pt, sizeof pt);
            res->kind = ZWH__S0_RX_FIRST_PART;
            return ZWH__S0_RX_FIRST_PART;
        }
        if (!p->has_part || p->part_seq != seq || p->part_len + blen > MAX_PART) {
            p->has_part = false;
            zwh__secure_zero(pt, sizeof pt);
            return fail(s0, ZWH_EPROTO);
        }
        if (cap < p->part_len + blen) {
            zwh__secure_zero(pt, sizeof pt);
            return fail(s0, ZWH_EMSGSIZE);
        }
        memcpy(out, p->part, p->part_len);
        memcpy(out + p->part_len, body, blen);
        res->len = p->part_len + blen;
        p->has_part = false;
        zwh__secure_zero(p->part, sizeof p->part);
    } else {
        if (cap < blen) {
            zwh__secure_zero(pt, sizeof pt);
            return fail(s0, ZWH_EMSGSIZE);
        }
        memcpy(out, body, blen);
        res->len = blen;
    }
    zwh__secure_zero(pt, sizeof pt);
    res->kind = ZWH__S0_RX_PLAINTEXT;
    s0->cnt.rx_ok++;
    return ZWH__S0_RX_PLAINTEXT;
}

int zwh__s0_decap(zwh__s0_t *s0, const zwh__s0_rx_t *rx, const uint8_t *frame, size_t len,
                  uint64_t now, uint8_t *out, size_t cap, zwh__s0_result_t *res)
{
    if (!s0 || !rx || !res || (!frame && len) || (!out && cap))
        return ZWH_EINVAL;
    memset(res, 0, sizeof *res);
    if (rx->src == 0 || rx->src > 255 || len < 2 || frame[0] != ZWH__S0_CC)
        return fail(s0, ZWH_EBADMSG);
    switch (frame[1]) {
    case ZWH__S0_NONCE_GET: {
        s0->cnt.nonce_get_rx++;
        int rc = put_nonce_report(s0, rx->src, now, res);
        return rc == 0 ? ZWH__S0_RX_NONE : rc;
    }
    case ZWH__S0_NONCE_REPORT: {
        if (len < 10)
            return fail(s0, ZWH_EBADMSG);
        peer_t *p = peer_get(s0, rx->src, now);
        memcpy(p->nonce, frame + 2, 8);
        p->has_nonce = true;
        p->nonce_expires = now + s0->lifetime;
        s0->cnt.nonce_report_rx++;
        res->kind = ZWH__S0_RX_NONCE_REPORT;
        return ZWH__S0_RX_NONCE_REPORT;
    }
    case ZWH__S0_MSG_ENCAP:
    case ZWH__S0_MSG_ENCAP_NONCE_GET:
        return rx_encap(s0, rx, frame, len, now, out, cap, res);
    default:
        return fail(s0, ZWH_ENOTSUP);
    }
}

/* ---- plain commands ------------------------------------------------------------ */

static int put(uint8_t *out, size_t cap, const uint8_t *b, size_t n)
{
    if (!out || cap < n)
        return ZWH_EMSGSIZE;
    memcpy(out, b, n);
    return (int)n;
}

int zwh__s0_encode_scheme(uint8_t cmd, uint8_t *out, size_t cap)
{
    if (cmd != ZWH__S0_SCHEME_GET && cmd != ZWH__S0_SCHEME_REPORT && cmd != ZWH__S0_SCHEME_INHERIT)
        return ZWH_EINVAL;
    const uint8_t b[3] = {ZWH__S0_CC, cmd, 0x00};
    return put(out, cap, b, sizeof b);
}

int zwh__s0_decode_scheme(const uint8_t *f, size_t len, uint8_t *cmd, int *scheme0)
{
    if (!f || len < 3 || f[0] != ZWH__S0_CC || !cmd || !scheme0)
        return ZWH_EBADMSG;
    if (f[1] != ZWH__S0_SCHEME_GET && f[1] != ZWH__S0_SCHEME_REPORT && f[1] != ZWH__S0_SCHEME_INHERIT)
        return ZWH_EBADMSG;
    *cmd = f[1];
    *scheme0 = (f[2] & 0x01) == 0; /* inverted sense */
    return 0;
}

int zwh__s0_encode_network_key_set(const uint8_t key[16], uint8_t *out, size_t cap)
{
    if (!key)
        return ZWH_EINVAL;
    if (!out || cap < 18)
        return ZWH_EMSGSIZE;
    out[0] = ZWH__S0_CC;
    out[1] = ZWH__S0_NETWORK_KEY_SET;
    memcpy(out + 2, key, 16);
    return 18;
}

int zwh__s0_decode_network_key_set(const uint8_t *f, size_t len, uint8_t key[16])
{
    if (!f || !key || len < 18 || f[0] != ZWH__S0_CC || f[1] != ZWH__S0_NETWORK_KEY_SET)
        return ZWH_EBADMSG;
    memcpy(key, f + 2, 16);
    return 0;
}

int zwh__s0_encode_simple(uint8_t cmd, uint8_t *out, size_t cap)
{
    if (cmd != ZWH__S0_NETWORK_KEY_VERIFY && cmd != ZWH__S0_CMDS_SUPPORTED_GET &&
        cmd != ZWH__S0_NONCE_GET)
        return ZWH_EINVAL;
    const uint8_t b[2] = {ZWH__S0_CC, cmd};
    return put(out, cap, b, sizeof b);
}

int zwh__s0_encode_cmds_supported_report(uint8_t reports_to_follow, const uint8_t *supported,
                                         size_t ns, const uint8_t *controlled, size_t nc,
                                         uint8_t *out, size_t cap)
{
    if ((!supported && ns) || (!controlled && nc))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__wr_init(&w, out, cap);
    zwh__wr_u8(&w, ZWH__S0_CC);
    zwh__wr_u8(&w, ZWH__S0_CMDS_SUPPORTED_REPORT);
    zwh__wr_u8(&w, reports_to_follow);
    zwh__wr_bytes(&w, supported, ns);
    if (nc) {
        zwh__wr_u8(&w, 0xEF);
        zwh__wr_bytes(&w, controlled, nc);
    }
    return zwh__wr_ok(&w) ? (int)zwh__wr_len(&w) : ZWH_EMSGSIZE;
}

int zwh__s0_decode_cmds_supported_report(const uint8_t *f, size_t len, zwh__s0_cmds_t *out)
{
    if (!f || !out || len < 3 || f[0] != ZWH__S0_CC || f[1] != ZWH__S0_CMDS_SUPPORTED_REPORT)
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->reports_to_follow = f[2];
    size_t i = 3, mark = len;
    while (i < len) {
        if (f[i] == 0xEF) {
            mark = i;
            break;
        }
        i += f[i] >= 0xF1 ? 2 : 1; /* extended CC ids are two bytes */
    }
    if (i > len)
        return ZWH_EBADMSG; /* an extended id cut in half */
    out->supported = f + 3;
    out->n_supported = mark - 3;
    if (mark < len) {
        for (i = mark + 1; i < len;)
            i += f[i] >= 0xF1 ? 2 : 1;
        if (i > len)
            return ZWH_EBADMSG;
        out->controlled = f + mark + 1;
        out->n_controlled = len - mark - 1;
    }
    return 0;
}
