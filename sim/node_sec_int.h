/* Internals shared by node_security.c and node_kex.c: the per-node security
 * context and its ordered send queue. */
#ifndef ZWH_SIM_NODE_SEC_INT_H
#define ZWH_SIM_NODE_SEC_INT_H

#include "security/kex.h"
#include "security/s0.h"
#include "security/s2.h"
#include "node_security.h"

#define SEC_QMAX 16
#define SEC_NO_RX (-100) /* sec->rx_cls outside a delivery */

/* How a queued command goes out. */
enum { SEC_PLAIN = 0, SEC_S2, SEC_S0, SEC_S0_TEMP };

typedef struct sec_item {
    uint8_t proto;  /* SEC_* */
    int8_t cls;     /* S2 engine class (ZWH__S2_*) for SEC_S2 */
    uint16_t len;
    uint8_t data[];
} sec_item_t;

struct sim_node_sec {
    zwh__s2_t *s2;
    zwh__s0_t *s0;
    uint32_t granted;   /* network classes held, bit n = ZWH_SECCLASS n */
    uint32_t s2_peer;   /* S2 engine classes granted to the controller (ZWH__S2_BIT) */
    int rx_cls;         /* ZWH_SECCLASS_* of the command being delivered, or SEC_NO_RX */
    sec_item_t *q[SEC_QMAX];
    size_t nq;
    int waiting_nonce;  /* a Nonce Get for q[0] is out */
    int has_keypair;
    uint8_t priv[32], pub[32];
    zwh__kex_t *kex;    /* bootstrap in progress */
    int kex_s0;         /* the bootstrap is S0's */
    uint8_t s0_key[16]; /* S0 key received during an S2 bootstrap, installed at its end */
    int has_s0_key;
    sec_item_t *prev;   /* the last S2 command sent, kept for one resend after a resync */
    uint64_t prev_at;
    int prev_resent;
    uint16_t last_len;  /* the last encapsulated frame sent (`node N replay`) */
    uint8_t last[ZWH__S2_MAX_FRAME + 64];
};

/* The context, created on first use (NULL without memory). */
struct sim_node_sec *sim_node_sec_get(sim_node_t *n);
/* Creates the S2 / S0 engine for the node's current home and node id. */
int sim_node_sec_make_s2(sim_node_t *n);
int sim_node_sec_make_s0(sim_node_t *n);
/* Appends a command to the ordered send queue and sends what it can. */
void sim_node_sec_queue(sim_node_t *n, int proto, int cls, const uint8_t *data, size_t len);
/* Drops queued commands and the nonce wait. */
void sim_node_sec_flush_queue(sim_node_t *n);
uint64_t sim_node_now(const sim_node_t *n);

/* node_kex.c */
int sim_node_kex_begin(sim_node_t *n);
/* f is a bootstrap command of the running machine (S2 KEX or S0 scheme/key). */
int sim_node_kex_wants(const sim_node_t *n, const uint8_t *f, size_t len);
void sim_node_kex_input(sim_node_t *n, const uint8_t *f, size_t len, int secclass);
void sim_node_kex_decrypt_failed(sim_node_t *n);
void sim_node_kex_free(sim_node_t *n);

#endif
