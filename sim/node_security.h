/* Engine side of the virtual nodes' security and Transport Service layers.
 *
 * Models only ever see plaintext (nodes.h). Between them and the radio sit, per
 * node and in the node role:
 *
 *   receive:  [Transport Service reassembly] -> [S2 or S0 decapsulation, Nonce
 *             Gets answered, KEX commands to the bootstrap] -> plaintext delivery
 *             (Supervision, the model) with SIM_RX_S2|class or SIM_RX_S0
 *   send:     model plaintext -> [S2/S0 encapsulation under the class of the
 *             command being answered, else the highest granted class; Nonce Get
 *             first when needed, plaintext queued in order until the Nonce
 *             Report] -> [Transport Service segments when longer than the
 *             type's max_payload] -> the controller
 *
 * A node is secure when it holds granted classes: a --devices node whose type
 * requests classes the --keys file holds, or a --pending node after a
 * successful S2/S0 bootstrap (node_kex.c) run when AddNode includes it. The
 * peer of every exchange is the controller, node 1. Timers (nonce waits, KEX,
 * Transport Service) run on the sim's scheduler; state lives in the node, so it
 * survives host reconnections. */
#ifndef ZWH_SIM_NODE_SECURITY_H
#define ZWH_SIM_NODE_SECURITY_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/security.h"
#include "nodes.h"

#define SIM_CTRL_NODE_ID 1
#define SIM_DEFAULT_MAX_PAYLOAD 46

/* ---- node_security.c ------------------------------------------------------- */

/* A --pending device requesting S2: draws its permanent Curve25519 key pair
 * from net->sec_rng. 0, or ZWH_ENOMEM/crypto errors. No-op for other types. */
int sim_node_sec_prepare(sim_node_t *n);
/* DSK text of a prepared pending device; ZWH_DSK_TEXT_LEN or ZWH_ENOENT. */
int sim_node_sec_dsk(const sim_node_t *n, char *out, size_t cap);
/* The NWI home id a prepared pending device announces itself with before
 * inclusion (derived from its DSK). 0 or ZWH_ENOENT (no key pair). */
int sim_node_sec_nwi_home_id(const sim_node_t *n, uint32_t *home_id);
/* A --devices node now in the table: grants it the requested classes that
 * net->keys holds (keys installed in its engines, the controller granted the
 * same). 0 or a negative code. */
int sim_node_sec_preinclude(sim_node_t *n);
/* AddNode/ReplaceFailed just included n: a secure type runs its bootstrap as
 * the joining node, then (or at once for a non-secure type) on_included. */
void sim_node_sec_joined(sim_node_t *n);
/* Classes the node holds (bit n = ZWH_SECCLASS n), 0 when non-secure. */
uint32_t sim_node_granted(const sim_node_t *n);
/* A frame addressed to the node that is not a Transport Service segment. */
void sim_node_sec_rx(sim_node_t *n, const uint8_t *frame, size_t len, unsigned rx_flags);
/* Model plaintext to send (n included). */
void sim_node_sec_send(sim_node_t *n, const uint8_t *cmd, size_t len);
void sim_node_sec_free(sim_node_t *n);

/* ---- node_attack.c ----------------------------------------------------------- */

/* Test lines from stdin that make the node misbehave like an attacker:
 *   raw HEX           send HEX as it is (plaintext, no encapsulation)
 *   secure CLASS HEX  send HEX under S2 class CLASS (unauth|auth|access or a
 *                     ZWH_SECCLASS number), installing that key from --keys
 *   replay            send the last encapsulated frame again, byte for byte
 * 0 when handled, ZWH_ENOTSUP for another line, ZWH_EINVAL for a bad one. */
int sim_node_attack_event(sim_node_t *n, const char *line);

/* ---- node_ts.c ----------------------------------------------------------------- */

/* A Transport Service frame (0x55 ...) addressed to the node. */
void sim_node_ts_rx(sim_node_t *n, const uint8_t *frame, size_t len, unsigned rx_flags);
/* A frame as it goes on air (already encapsulated): out at once, or in
 * Transport Service segments when longer than the type's max_payload; frames
 * leave in order. */
void sim_node_emit(sim_node_t *n, const uint8_t *frame, size_t len);
void sim_node_ts_free(sim_node_t *n);

/* ---- nodes.c ----------------------------------------------------------------------- */

/* Plaintext delivery after decapsulation: Wake Up No More Information,
 * Supervision Get, or the model's on_command. */
void sim_node_deliver_plain(sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags);
/* The type's payload limit (max_payload, 0 = 46). */
size_t sim_node_max_payload(const sim_node_t *n);

#endif
