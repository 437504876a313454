/* The host's security context: the keys file, one S2 and one S0 engine in the
 * controller role, and the policy deciding under which class a command goes
 * out and whether a received one may be delivered.
 *
 * Policy (Security 2 spec, "Multiple security classes"): a node granted
 * classes is addressed under its highest granted class, and a command for a
 * CC the node supports securely is accepted only under that class; commands
 * for the CCs the node lists as non-secure (its NIF after a secure inclusion)
 * are accepted under any class. An S0-only node is addressed under S0 for the
 * CCs of its Security Commands Supported Report (or, before that report is
 * known, for the CCs missing from its NIF). */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "security/keystore.h"
#include "zwhost/error.h"
#include "zwhost/inclusion.h"

#define S2_CLASSES_MASK 0x1Fu /* ZWH_SECCLASS 0..4 */
#define S0_BIT (1u << ZWH_SECCLASS_S0)

int zwh__secclass_rank(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_S0: return 1;
    case ZWH_SECCLASS_S2_UNAUTHENTICATED: return 2;
    case ZWH_SECCLASS_S2_AUTHENTICATED:
    case ZWH_SECCLASS_S2_LR_AUTHENTICATED: return 3;
    case ZWH_SECCLASS_S2_ACCESS_CONTROL:
    case ZWH_SECCLASS_S2_LR_ACCESS_CONTROL: return 4;
    default: return 0;
    }
}

int zwh__secure_highest(uint32_t granted)
{
    int best = ZWH_SECCLASS_NONE;
    for (int c = 0; c < ZWH_SECCLASS_COUNT; c++)
        if ((granted >> c) & 1u)
            if (zwh__secclass_rank(c) > zwh__secclass_rank(best))
                best = c;
    return best;
}

bool zwh__node_has_cc(const zwh__node_t *n, uint8_t cc)
{
    for (size_t i = 0; i < n->ccs_len; i++) {
        if (n->ccs[i] == 0xEF)
            break; /* controlled CCs follow the mark */
        if (n->ccs[i] == cc)
            return true;
    }
    for (size_t i = 0; i < n->sec_ccs_len; i++)
        if (n->sec_ccs[i] == cc)
            return true;
    return false;
}

static bool in_nif(const zwh__node_t *n, uint8_t cc)
{
    for (size_t i = 0; i < n->ccs_len && n->ccs[i] != 0xEF; i++)
        if (n->ccs[i] == cc)
            return true;
    return false;
}

static bool in_secure_list(const zwh__node_t *n, uint8_t cc)
{
    for (size_t i = 0; i < n->sec_ccs_len; i++)
        if (n->sec_ccs[i] == cc)
            return true;
    return false;
}

/* Does the node support cc only securely? */
static bool secure_cc(const zwh__node_t *n, uint8_t cc)
{
    if (n->sec_ccs_known)
        return in_secure_list(n, cc);
    return !in_nif(n, cc);
}

int zwh__secure_tx_class(const zwh_host_t *h, const zwh__node_t *n, uint8_t cc)
{
    (void)h;
    if (!n || !n->granted)
        return ZWH_SECCLASS_NONE;
    if (n->granted & S2_CLASSES_MASK)
        return zwh__secure_highest(n->granted & S2_CLASSES_MASK);
    if ((n->granted & S0_BIT) && secure_cc(n, cc))
        return ZWH_SECCLASS_S0;
    return ZWH_SECCLASS_NONE;
}

bool zwh__secure_rx_allowed(const zwh_host_t *h, const zwh__node_t *n, uint8_t cc, int secclass)
{
    (void)h;
    if (!n || !n->granted)
        return true;
    if (!secure_cc(n, cc))
        return true;
    return zwh__secclass_rank(secclass) >= zwh__secclass_rank(zwh__secure_highest(n->granted));
}

int zwh__secure_encap(zwh_host_t *h, uint16_t node, int secclass, uint8_t mgrp_group, const uint8_t *app,
                      size_t len, uint8_t *out, size_t cap, size_t *out_len)
{
    uint64_t now = zwh__host_now(h);
    if (secclass == ZWH_SECCLASS_S0 || secclass == ZWH__SECCLASS_S0_TEMP) {
        if (!h->s0)
            return ZWH_ENOKEY;
        zwh__s0_tx_t tx = {.dst = node, .temp_key = secclass == ZWH__SECCLASS_S0_TEMP};
        int rc = zwh__s0_encap(h->s0, &tx, app, len, now, out, cap, out_len);
        if (rc < 0)
            return rc;
        return rc == ZWH__S0_TX_NONCE_GET ? 2 : 1;
    }
    if (!h->s2)
        return ZWH_ENOKEY;
    zwh__s2_tx_t tx = {.dst = node, .cls = secclass == ZWH_SECCLASS_TEMP ? ZWH__S2_TEMP : secclass,
                       .mgrp_group = mgrp_group};
    int rc = zwh__s2_encap(h->s2, &tx, app, len, now, out, cap, out_len);
    if (rc < 0)
        return rc;
    return rc == ZWH__S2_TX_NONCE_GET ? 2 : 1;
}

void zwh__secure_free(zwh_host_t *h)
{
    zwh__s2_free(h->s2);
    h->s2 = NULL;
    zwh__s0_free(h->s0);
    h->s0 = NULL;
}

/* Applies the granted classes of every node to the S2 engine. */
static void sync_granted(zwh_host_t *h)
{
    for (size_t i = 0; i < h->node_count; i++) {
        const zwh__node_t *n = &h->nodes[i];
        if (h->s2)
            (void)zwh__s2_set_granted(h->s2, n->info.node_id, n->granted & S2_CLASSES_MASK);
    }
}

int zwh__secure_start(zwh_host_t *h)
{
    zwh__secure_free(h);
    if (!h->keys)
        return 0; /* no keys file: plaintext only */
    zwh__s2_config_t c2 = {.home_id = h->info.home_id, .node_id = h->info.node_id};
    int rc = zwh__s2_new(&c2, &h->s2);
    if (rc < 0)
        return rc;
    for (int c = 0; c <= ZWH_SECCLASS_S2_LR_ACCESS_CONTROL; c++) {
        const uint8_t *k = zwh__keystore_key(h->keys, c);
        if (k && (rc = zwh__s2_set_network_key(h->s2, c, k)) < 0)
            return rc;
    }
    zwh__s0_config_t c0 = {.node_id = h->info.node_id};
    if ((rc = zwh__s0_new(&c0, &h->s0)) < 0)
        return rc;
    const uint8_t *k0 = zwh__keystore_key(h->keys, ZWH_SECCLASS_S0);
    if (k0 && (rc = zwh__s0_set_network_key(h->s0, k0)) < 0)
        return rc;
    sync_granted(h);
    return 0;
}

void zwh__secure_set_granted(zwh_host_t *h, uint16_t node, uint32_t granted)
{
    zwh__node_t *n = zwh__host_node(h, node);
    if (n)
        n->granted = granted;
    if (h->s2)
        (void)zwh__s2_set_granted(h->s2, node, granted & S2_CLASSES_MASK);
}

ZWH_EXTERN int zwh_host_set_keys(zwh_host_t *host, const char *path, char *msg, size_t msgcap)
{
    if (!host || !path || strlen(path) >= sizeof host->keys_path)
        return ZWH_EINVAL;
    zwh_keystore_t *ks = NULL;
    int rc = zwh_keystore_new(path, &ks, msg, msgcap);
    if (rc < 0)
        return rc;
    zwh_keystore_free(host->keys);
    host->keys = ks;
    memcpy(host->keys_path, path, strlen(path) + 1);
    if (host->state == ZWH_HOST_READY)
        return zwh__secure_start(host);
    return 0;
}

ZWH_EXTERN int zwh_host_set_node_granted(zwh_host_t *host, uint16_t node_id, uint32_t granted)
{
    if (!host)
        return ZWH_EINVAL;
    zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    zwh__secure_set_granted(host, node_id, granted);
    return 0;
}

ZWH_EXTERN int zwh_host_get_node_granted(const zwh_host_t *host, uint16_t node_id, uint32_t *granted)
{
    if (!host || !granted)
        return ZWH_EINVAL;
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    *granted = n->granted;
    return 0;
}

void zwh__secure_send_mpan(zwh_host_t *h, uint16_t node)
{
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n || !h->s2 || !n->last_mgrp)
        return;
    int cls = zwh__secure_highest(n->granted & S2_CLASSES_MASK);
    if (cls == ZWH_SECCLASS_NONE)
        return;
    zwh__s2_tx_t tx = {.dst = node, .cls = cls, .mpan_group = n->last_mgrp};
    uint8_t frame[ZWH__S2_OVERHEAD + 64];
    size_t len = 0;
    int rc = zwh__s2_encap(h->s2, &tx, NULL, 0, zwh__host_now(h), frame, sizeof frame, &len);
    if (rc == ZWH__S2_TX_ENCAP) {
        ZWH_LOGD(&h->log, "node %u: MPAN of group %u handed over", node, n->last_mgrp);
        (void)zwh__host_send_frame(h, node, frame, len, ZWH__PRIO_INTERACTIVE, NULL, 0);
    } else if (rc == ZWH__S2_TX_NONCE_GET) {
        (void)zwh__host_send_frame(h, node, frame, len, ZWH__PRIO_INTERACTIVE, NULL, 0);
    }
}
