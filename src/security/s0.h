/* Security 0 (COMMAND_CLASS_SECURITY, 0x98), I/O-free: nonces, Message
 * Encapsulation (AES-OFB + CBC-MAC), two-part sequencing, and the framing of
 * the plain S0 commands. One engine per host or simulated node; no globals.
 *
 * Like the S2 engine it never sends or queues: zwh__s0_encap() answers "send
 * this Nonce Get first" when it holds no fresh nonce of the receiver, and
 * zwh__s0_decap() hands back the Nonce Report to send. Wire facts:
 * SECURITY-REFERENCE.md 2.x; frames pinned to vectors.json s0_*. */
#ifndef ZWH_SECURITY_S0_H
#define ZWH_SECURITY_S0_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"

#define ZWH__S0_CC 0x98
#define ZWH__S0_CMDS_SUPPORTED_GET 0x02
#define ZWH__S0_CMDS_SUPPORTED_REPORT 0x03
#define ZWH__S0_SCHEME_GET 0x04
#define ZWH__S0_SCHEME_REPORT 0x05
#define ZWH__S0_NETWORK_KEY_SET 0x06
#define ZWH__S0_NETWORK_KEY_VERIFY 0x07
#define ZWH__S0_SCHEME_INHERIT 0x08
#define ZWH__S0_NONCE_GET 0x40
#define ZWH__S0_NONCE_REPORT 0x80
#define ZWH__S0_MSG_ENCAP 0x81
#define ZWH__S0_MSG_ENCAP_NONCE_GET 0xC1

#define ZWH__S0_NONCE_LEN 8
#define ZWH__S0_OVERHEAD 20      /* 98 81 + sender nonce + control + id + MAC */
#define ZWH__S0_MAX_PAYLOAD 128  /* longest plaintext (without control byte) accepted */
/* Frame control byte (first decrypted byte). */
#define ZWH__S0_FC_SEQ_MASK 0x0F
#define ZWH__S0_FC_SEQUENCED 0x10
#define ZWH__S0_FC_SECOND 0x20

enum { ZWH__S0_TX_ENCAP = 1, ZWH__S0_TX_NONCE_GET = 2 };
enum {
    ZWH__S0_RX_NONE = 0,         /* consumed (a Nonce Get answered through reply) */
    ZWH__S0_RX_PLAINTEXT = 1,    /* out holds the command (both parts joined if sequenced) */
    ZWH__S0_RX_NONCE_REPORT = 2, /* we now hold the peer's nonce: retry a pending encap */
    ZWH__S0_RX_FIRST_PART = 3    /* first of two parts buffered; nothing to deliver yet */
};

typedef struct zwh__s0 zwh__s0_t;

/* 8-byte nonce source (tests replaying vectors); default: the engine's DRBG. */
typedef int (*zwh__s0_nonce_cb)(uint8_t nonce[8], void *user);

typedef struct zwh__s0_config {
    uint16_t node_id;          /* our node id (S0 is classic only: 1..232) */
    uint32_t nonce_lifetime_ms; /* lifetime of the nonces we issue and of received ones; 0 = 3000 */
    uint16_t max_nonces;       /* issued-nonce table (oldest evicted); 0 = 16 */
    uint16_t max_peers;        /* received nonces and half-received messages; 0 = 16 */
    const uint8_t *seed;       /* 32 bytes for the local DRBG, or NULL for system entropy */
} zwh__s0_config_t;

typedef struct zwh__s0_tx {
    uint16_t dst;
    uint8_t temp_key;      /* 1: the all-zero key (Network Key Set during inclusion) */
    uint8_t request_nonce; /* 1: send as 0xC1, asking dst for a fresh nonce afterwards */
    uint8_t frame_control; /* 0 unsegmented; first part 0x10|seq (with request_nonce), second 0x30|seq */
} zwh__s0_tx_t;

typedef struct zwh__s0_rx {
    uint16_t src;
} zwh__s0_rx_t;

typedef struct zwh__s0_result {
    int kind;              /* ZWH__S0_RX_* */
    size_t len;            /* plaintext bytes in out (without the control byte) */
    uint8_t temp_key;      /* 1 when authenticated with the all-zero key */
    size_t reply_len;      /* != 0: send reply to the sender (Nonce Report) */
    uint8_t reply[2 + ZWH__S0_NONCE_LEN];
} zwh__s0_result_t;

typedef struct zwh__s0_counters {
    uint32_t rx_ok, tx_encap;
    uint32_t nonce_get_rx, nonce_report_tx, nonce_report_rx, nonce_get_tx;
    uint32_t malformed;     /* truncated or oversized */
    uint32_t nonce_unknown; /* receiver nonce id not issued to that sender, used, or expired */
    uint32_t mac_fail;      /* CBC-MAC mismatch */
    uint32_t no_key;        /* no network key (and temp key not allowed for that node) */
    uint32_t seq_mismatch;  /* second part without a matching first part */
    uint32_t unsupported;   /* not a transport command */
    uint32_t nonce_evicted; /* issued nonces dropped because the table was full */
} zwh__s0_counters_t;

ZWH_NODISCARD int zwh__s0_new(const zwh__s0_config_t *cfg, zwh__s0_t **out);
void zwh__s0_free(zwh__s0_t *s0); /* wipes keys and nonces */
int zwh__s0_set_node_id(zwh__s0_t *s0, uint16_t node_id);
/* Installs the network key (derives authKey = AES_k(0x55*16), encKey = AES_k(0xAA*16)). */
ZWH_NODISCARD int zwh__s0_set_network_key(zwh__s0_t *s0, const uint8_t key[16]);
int zwh__s0_clear_network_key(zwh__s0_t *s0);
/* Accept frames from node under the all-zero temporary key (bootstrapping). */
int zwh__s0_allow_temp_key(zwh__s0_t *s0, uint16_t node, int on);
void zwh__s0_set_nonce_source(zwh__s0_t *s0, zwh__s0_nonce_cb cb, void *user);

/* Encapsulates pt (the command, without control byte) for tx->dst. Returns
 * ZWH__S0_TX_ENCAP or ZWH__S0_TX_NONCE_GET (out = 98 40) with *out_len bytes,
 * or ZWH_ENOKEY, ZWH_EMSGSIZE, ZWH_EINVAL. */
ZWH_NODISCARD int zwh__s0_encap(zwh__s0_t *s0, const zwh__s0_tx_t *tx, const uint8_t *pt,
                                size_t len, uint64_t now, uint8_t *out, size_t cap,
                                size_t *out_len);

/* Handles one received frame starting with 0x98 addressed to us: Nonce Get,
 * Nonce Report, Message Encapsulation (0x81/0xC1). Returns res->kind or a
 * negative code (counted): ZWH_EBADMSG, ZWH_ES0_NONCE, ZWH_ES0_MAC, ZWH_ENOKEY,
 * ZWH_EPROTO (sequencing), ZWH_ENOTSUP (another S0 command: travels in clear or
 * inside an encapsulation, see the codec below), ZWH_EMSGSIZE (cap).
 * res->reply_len may be set on success and on failure: send it. */
ZWH_NODISCARD int zwh__s0_decap(zwh__s0_t *s0, const zwh__s0_rx_t *rx, const uint8_t *frame,
                                size_t len, uint64_t now, uint8_t *out, size_t cap,
                                zwh__s0_result_t *res);

void zwh__s0_get_counters(const zwh__s0_t *s0, zwh__s0_counters_t *out);

/* ---- plain S0 commands (no state) --------------------------------------- */

/* 98 04/05/08 with the schemes byte (0x00 = "scheme 0 supported": bit0 has an
 * inverted sense). cmd is one of SCHEME_GET/REPORT/INHERIT. Returns length. */
int zwh__s0_encode_scheme(uint8_t cmd, uint8_t *out, size_t cap);
/* Parses a scheme command; *cmd gets its id, *scheme0 1 when scheme 0 is offered. */
int zwh__s0_decode_scheme(const uint8_t *f, size_t len, uint8_t *cmd, int *scheme0);
int zwh__s0_encode_network_key_set(const uint8_t key[16], uint8_t *out, size_t cap);
/* Parses 98 06 key; copies the key into key (wipe it after use). */
int zwh__s0_decode_network_key_set(const uint8_t *f, size_t len, uint8_t key[16]);
/* 98 07, 98 02, 98 40: two-byte commands. */
int zwh__s0_encode_simple(uint8_t cmd, uint8_t *out, size_t cap);

/* Commands Supported Report: reports to follow, supported CCs, 0xEF mark,
 * controlled CCs. Extended CCs (first byte >= 0xF1) take two bytes. */
typedef struct zwh__s0_cmds {
    uint8_t reports_to_follow;
    const uint8_t *supported; /* points into the frame */
    size_t n_supported;       /* bytes */
    const uint8_t *controlled;
    size_t n_controlled;
} zwh__s0_cmds_t;
int zwh__s0_encode_cmds_supported_report(uint8_t reports_to_follow, const uint8_t *supported,
                                         size_t ns, const uint8_t *controlled, size_t nc,
                                         uint8_t *out, size_t cap);
int zwh__s0_decode_cmds_supported_report(const uint8_t *f, size_t len, zwh__s0_cmds_t *out);

#endif
