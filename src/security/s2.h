/* Security 2 transport engine (Nonce Get/Report, Message Encapsulation, SPAN and
 * MPAN), I/O-free: bytes and the current time in, plaintext or frames to send
 * out. One engine per host or per simulated node; no global state.
 *
 * Keys are installed per security class; each peer node has a set of granted
 * classes and a frame from it decrypts only with keys granted to it. The engine
 * does not send anything itself: zwh__s2_encap() may answer "send this Nonce
 * Get first" and zwh__s2_decap() may hand back a Nonce Report to send to the
 * peer. Nothing is queued: the caller keeps the command it wants to send and
 * calls zwh__s2_encap() again when the Nonce Report has arrived.
 *
 * Wire facts: SECURITY-REFERENCE.md 3.6-3.10, 3.14, 3.15; frames pinned to
 * vectors.json s2_encap_*. */
#ifndef ZWH_SECURITY_S2_H
#define ZWH_SECURITY_S2_H

#include <stddef.h>
#include <stdint.h>
#include "security/crypto.h"
#include "zwhost/common.h"

#define ZWH__S2_CC 0x9F
#define ZWH__S2_NONCE_GET 0x01
#define ZWH__S2_NONCE_REPORT 0x02
#define ZWH__S2_MSG_ENCAP 0x03

/* Security classes (key slots). The value is the slot index; granted-class
 * masks use ZWH__S2_BIT(class). On the wire (KEX) Authenticated/Access Control
 * are bits 1/2 for classic and LR alike; a Long Range node is granted the LR
 * classes, whose keys differ. */
enum {
    ZWH__S2_UNAUTH = 0,
    ZWH__S2_AUTH = 1,
    ZWH__S2_ACCESS = 2,
    ZWH__S2_LR_AUTH = 3,
    ZWH__S2_LR_ACCESS = 4,
    ZWH__S2_TEMP = 5,     /* temporary key during bootstrapping (zwh__s2_expand_temp_key) */
    ZWH__S2_S0_VERIFY = 6, /* CKDF expansion of the S0 key: verifies it during S2 bootstrapping */
    ZWH__S2_NCLASSES = 7,
    ZWH__S2_CLASS_NONE = -1
};
#define ZWH__S2_BIT(c) (1u << (c))

/* SPAN state of one peer (zwh__s2_span_state). */
enum {
    ZWH__S2_SPAN_NONE = 0,     /* nothing agreed */
    ZWH__S2_SPAN_LOCAL_EI = 1, /* we sent a Nonce Report (our EI); awaiting a SPAN extension */
    ZWH__S2_SPAN_REMOTE_EI = 2, /* we hold the peer's EI; our next frame carries a SPAN ext */
    ZWH__S2_SPAN_ESTABLISHED = 3
};

/* zwh__s2_encap results (>= 0). */
enum {
    ZWH__S2_TX_ENCAP = 1,     /* out holds a Message Encapsulation */
    ZWH__S2_TX_NONCE_GET = 2  /* out holds a Nonce Get: send it, await the Nonce Report, retry */
};

/* zwh__s2_decap results (>= 0), in zwh__s2_result_t.kind as well. */
enum {
    ZWH__S2_RX_NONE = 0,         /* consumed (e.g. a Nonce Get answered through reply) */
    ZWH__S2_RX_PLAINTEXT = 1,    /* out holds the decrypted command (may be empty) */
    ZWH__S2_RX_NONCE_REPORT = 2  /* the peer sent its nonce/MOS: retry a pending encap */
};

/* zwh__s2_result_t.flags */
#define ZWH__S2_RXF_MULTICAST 0x01 /* decrypted from a multicast frame (MPAN) */
#define ZWH__S2_RXF_FOLLOWUP 0x02  /* singlecast follow-up of multicast group `group` */
#define ZWH__S2_RXF_PEER_MOS 0x04  /* the peer lacks our MPAN: send it (zwh__s2_tx_t.mpan_group) */
#define ZWH__S2_RXF_SOS 0x08       /* Nonce Report carried a new peer EI (singlecast resync) */

#define ZWH__S2_MAX_FRAME 1024    /* longest S2 command accepted or produced */
#define ZWH__S2_OVERHEAD 12       /* 9F 03 seq flags + tag, without extensions */
#define ZWH__S2_SPAN_EXT_LEN 18
#define ZWH__S2_DECRYPT_TRIES 5   /* consecutive SPAN/MPAN nonces tried before resync */

typedef struct zwh__s2 zwh__s2_t;

/* Source of entropy inputs (16 bytes each) and initial sequence numbers; the
 * default draws from the engine's own CTR_DRBG. Tests and the simulator use it
 * to replay golden vectors. Return 0 or a negative code. */
typedef int (*zwh__s2_ei_cb)(uint8_t ei[16], void *user);

typedef struct zwh__s2_config {
    uint32_t home_id;
    uint16_t node_id;   /* our own node id */
    uint16_t max_peers; /* SPAN table size (least recently used entry is evicted); 0 = 64 */
    uint16_t max_mpan;  /* multicast groups, owned and peers' each; 0 = 16 */
    const uint8_t *seed; /* 32 bytes seeding the local CTR_DRBG, or NULL for system entropy */
} zwh__s2_config_t;

typedef struct zwh__s2_tx {
    uint16_t dst;       /* destination node id */
    int cls;            /* security class (must be installed and granted to dst) */
    uint8_t mgrp_group; /* != 0: singlecast follow-up of this multicast group (MGRP ext) */
    uint8_t mpan_group; /* != 0: hand dst our inner MPAN state of this group (MPAN ext, encrypted) */
    uint8_t mos;        /* 1: add a MOS extension (we lack an MPAN of dst) */
} zwh__s2_tx_t;

typedef struct zwh__s2_rx {
    uint16_t src;      /* sender node id */
    uint8_t multicast; /* 1 when the frame arrived as multicast/broadcast */
} zwh__s2_rx_t;

typedef struct zwh__s2_result {
    int kind;         /* ZWH__S2_RX_* */
    int cls;          /* class that authenticated the plaintext, or ZWH__S2_CLASS_NONE */
    size_t len;       /* plaintext bytes in out */
    uint8_t group;    /* multicast group of a multicast frame or follow-up, else 0 */
    uint8_t flags;    /* ZWH__S2_RXF_* */
    size_t reply_len; /* != 0: send reply[0..reply_len) to the sender (a Nonce Report) */
    uint8_t reply[20];
} zwh__s2_result_t;

/* Every rejection reason has a counter; rx_ok/tx counts successes. */
typedef struct zwh__s2_counters {
    uint32_t rx_ok;            /* commands decrypted and delivered */
    uint32_t tx_encap;         /* Message Encapsulations produced (incl. multicast) */
    uint32_t nonce_get_tx, nonce_get_rx, nonce_report_tx, nonce_report_rx;
    uint32_t malformed;        /* truncated, bad lengths, bad extension layout, oversize */
    uint32_t duplicate;        /* sequence number already seen from that peer */
    uint32_t no_span;          /* encapsulation without a usable SPAN (answered with SOS) */
    uint32_t decrypt_fail;     /* no nonce/key authenticated the frame */
    uint32_t unknown_critical_ext; /* unknown extension with the critical bit */
    uint32_t not_granted;      /* sender has no granted class with an installed key */
    uint32_t mpan_unknown;     /* multicast or follow-up for a group we have no MPAN of */
    uint32_t unsupported;      /* not a transport command (KEX etc.) */
    uint32_t span_evicted;     /* peers dropped from the bounded SPAN table */
    uint32_t crossed;          /* decrypted with the nonce of our own frame it crossed */
} zwh__s2_counters_t;

ZWH_NODISCARD int zwh__s2_new(const zwh__s2_config_t *cfg, zwh__s2_t **out);
/* Wipes every key, SPAN and MPAN state, then frees. NULL is fine. */
void zwh__s2_free(zwh__s2_t *s2);
/* After inclusion or learn mode: new home id / node id; forgets every SPAN and MPAN. */
int zwh__s2_set_home(zwh__s2_t *s2, uint32_t home_id, uint16_t node_id);
void zwh__s2_set_ei_source(zwh__s2_t *s2, zwh__s2_ei_cb cb, void *user);

/* Installs a class key from the 16-byte network key (CKDF expansion), or an
 * already expanded set (the temporary key from KEX). Existing SPANs of that
 * class are dropped. */
ZWH_NODISCARD int zwh__s2_set_network_key(zwh__s2_t *s2, int cls, const uint8_t key[16]);
ZWH_NODISCARD int zwh__s2_set_class_keys(zwh__s2_t *s2, int cls, const zwh__s2_keys_t *keys);
int zwh__s2_clear_key(zwh__s2_t *s2, int cls);
int zwh__s2_has_key(const zwh__s2_t *s2, int cls);

/* Granted classes of a node (mask of ZWH__S2_BIT). Node ids 1..4095. */
int zwh__s2_set_granted(zwh__s2_t *s2, uint16_t node, uint32_t mask);
uint32_t zwh__s2_get_granted(const zwh__s2_t *s2, uint16_t node);
/* Highest class in a mask (Access > Authenticated > Unauthenticated; LR alike;
 * TEMP and S0_VERIFY only when nothing else), or ZWH__S2_CLASS_NONE. */
int zwh__s2_highest_class(uint32_t mask);

/* Forgets a peer's SPAN, sequence numbers and MOS flag (node excluded, re-included). */
int zwh__s2_reset_peer(zwh__s2_t *s2, uint16_t node);
int zwh__s2_span_state(const zwh__s2_t *s2, uint16_t node);
/* Sets the sequence number the next frame to node carries (tests, persistence). */
int zwh__s2_set_tx_seq(zwh__s2_t *s2, uint16_t node, uint8_t seq);
/* The sequence number the next frame to node will carry (persistence): 0 with
 * *seq set, or ZWH_ENOENT when no peer entry exists (the next frame to node
 * would start from a fresh random number), ZWH_EINVAL for bad arguments. */
int zwh__s2_get_tx_seq(const zwh__s2_t *s2, uint16_t node, uint8_t *seq);

/* Owner side of multicast: sets the class and inner MPAN state of a group we
 * send to (normally created with a random state on first use). */
int zwh__s2_mpan_set(zwh__s2_t *s2, uint8_t group, int cls, const uint8_t state[16]);
/* Receiver side: 1 when we hold a synchronised MPAN of (owner, group), 0 when
 * unknown, 2 when marked out of sync (MOS). */
int zwh__s2_peer_mpan_state(const zwh__s2_t *s2, uint16_t owner, uint8_t group);

/* Encapsulates pt for tx->dst. Returns ZWH__S2_TX_ENCAP or ZWH__S2_TX_NONCE_GET
 * with *out_len bytes in out, or a negative code: ZWH_ENOKEY (class not
 * installed or not granted to dst), ZWH_EMSGSIZE, ZWH_EINVAL. */
ZWH_NODISCARD int zwh__s2_encap(zwh__s2_t *s2, const zwh__s2_tx_t *tx, const uint8_t *pt,
                                size_t len, uint64_t now, uint8_t *out, size_t cap,
                                size_t *out_len);

/* Multicast Message Encapsulation to group (MGRP ext, group id as AAD
 * destination). Afterwards the group's MPAN has advanced twice: once for the
 * nonce used and once for the follow-up round (receivers advance once more on
 * each successful follow-up, zwave-js/libs2 behaviour). Send follow-ups with
 * tx.mgrp_group = group. */
ZWH_NODISCARD int zwh__s2_encap_multicast(zwh__s2_t *s2, uint8_t group, int cls,
                                          const uint8_t *pt, size_t len, uint64_t now,
                                          uint8_t *out, size_t cap, size_t *out_len);

/* Handles one received S2 transport command (frame starts with 9F). Returns
 * res->kind (>= 0) or a negative code, which is also counted:
 * ZWH_EBADMSG (malformed), ZWH_ES2_REPLAY (duplicate), ZWH_ES2_NONCE (no SPAN /
 * no MPAN), ZWH_ES2_DECRYPT, ZWH_ES2_EXTENSION (unknown critical extension),
 * ZWH_ENOKEY (nothing granted), ZWH_ENOTSUP (not a transport command: KEX and
 * friends travel in clear and are the KEX machine's), ZWH_EMSGSIZE (cap).
 * res->reply_len may be non-zero on success AND on failure (the Nonce Report
 * that resynchronises the peer): always send it. out needs cap >= len. */
ZWH_NODISCARD int zwh__s2_decap(zwh__s2_t *s2, const zwh__s2_rx_t *rx, const uint8_t *frame,
                                size_t len, uint64_t now, uint8_t *out, size_t cap,
                                zwh__s2_result_t *res);

void zwh__s2_get_counters(const zwh__s2_t *s2, zwh__s2_counters_t *out);

#endif
