/* The controller side of S2/S0/Transport Service against zwh-sim, for tests
 * that drive the simulator with raw Serial API frames (sim_client.h).
 *
 * A simsec_t plays node 1 with the library's own engines (zwh__s2, zwh__s0,
 * zwh__ts, and zwh__kex for inclusion): commands given to simsec_send() are
 * encapsulated (Nonce Get/Report exchange included) and go out as SendData, one
 * transmission at a time, each awaiting its callback; ApplicationCommandHandler
 * frames from nodes are reassembled, decapsulated, their Nonce Gets answered,
 * and the resulting commands collected in rx[] with the class they came under.
 * Every other data frame from the sim is acknowledged and kept in other[].
 *
 *   simsec_init(&s, &client, home_id, keys_text)  engines of node 1 with those keys
 *   simsec_grant(&s, nid, classes)     classes (bit n = ZWH_SECCLASS n) granted to nid
 *   simsec_send(&s, nid, cls, cmd, n)  cls ZWH_SECCLASS_NONE (plaintext), S2 class or S0
 *   simsec_send_raw(&s, nid, frame, n) exactly these bytes in one SendData
 *   simsec_send_multicast / simsec_send_followup   S2 multicast (MPAN) and its
 *                                      singlecast follow-ups
 *   simsec_pump(&s, ms)                runs the exchange for ms
 *   simsec_wait(&s, nid, cc, cmd, ms)  pumps until such a command from nid is in rx[]
 *                                      that no earlier wait returned (its index, or -1)
 *   simsec_idle(&s, ms)                pumps until nothing is queued or in flight
 *   simsec_kex_start(&s, nid, role, allow, pin_mode)
 *                                      runs the controller's KEX machine toward nid
 *                                      (ZWH__KEX_ROLE_CONTROLLER or _S0_CONTROLLER),
 *                                      granting `allow` (ZWH_KEY_* bits) and
 *                                      answering the PIN request with the node's
 *                                      real PIN (SIMSEC_PIN_RIGHT) or a wrong one
 *   simsec_kex_run(&s, ms)             pumps until the bootstrap ended: 1 done,
 *                                      -1 failed, 0 still running
 *   simsec_keys_file(path, cap, text)  writes text to a new mode-0600 temporary
 *                                      file for zwh-sim --keys (its name into
 *                                      path; the caller unlinks it): 0 or -1 */
#ifndef ZWH_TEST_SIM_SECURE_H
#define ZWH_TEST_SIM_SECURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "encap/transport_service.h"
#include "security/kex.h"
#include "security/s0.h"
#include "security/s2.h"
#include "sim_client.h"

#define SIMSEC_RX_MAX 32
#define SIMSEC_OUT_MAX 48
#define SIMSEC_PEND_MAX 8
#define SIMSEC_OTHER_MAX 16

enum { SIMSEC_PIN_RIGHT = 0, SIMSEC_PIN_WRONG = 1 };

typedef struct simsec_cmd {
    uint16_t src;
    int cls;        /* ZWH_SECCLASS_* it came under (NONE = plaintext) */
    bool segmented; /* reached us in Transport Service segments */
    bool multicast;
    bool taken;     /* returned by simsec_wait() already */
    size_t len;
    uint8_t b[512];
} simsec_cmd_t;

typedef struct simsec_frame {
    uint16_t dst;
    uint8_t nmulti;   /* != 0: SendDataMulticast to multi[] instead of dst */
    uint8_t multi[8];
    size_t len;
    uint8_t b[46];
} simsec_frame_t;

typedef struct simsec_pend {
    bool used, waiting;
    unsigned seq;
    uint16_t dst;
    int cls; /* ZWH_SECCLASS_*, ZWH_SECCLASS_TEMP = bootstrap temporary key */
    bool s0;
    uint8_t mgrp; /* S2 singlecast follow-up of this multicast group (MGRP and MPAN ext) */
    size_t len;
    uint8_t b[256];
} simsec_pend_t;

typedef struct simsec {
    sim_client_t *c;
    uint32_t home;
    zwh__s2_t *s2;
    zwh__s0_t *s0;
    zwh__ts_t *ts;
    zwh_keystore_t *ks;
    /* SendData queue and the transmission in flight */
    simsec_frame_t out[SIMSEC_OUT_MAX];
    size_t oh, ot;
    int tx_state; /* 0 idle, 1 awaiting RES, 2 awaiting callback */
    uint8_t tx_func;
    uint8_t cb;
    uint64_t tx_deadline;
    uint8_t last_tx_status;
    simsec_pend_t pend[SIMSEC_PEND_MAX];
    unsigned pend_seq;
    /* received */
    simsec_cmd_t rx[SIMSEC_RX_MAX];
    size_t nrx;
    sim_frame_t other[SIMSEC_OTHER_MAX];
    size_t nother;
    uint8_t *datagram; /* reassembled, handled after the TS engine call */
    size_t datagram_len;
    uint16_t datagram_src;
    /* counters */
    unsigned ts_segments_in, ts_segments_out, nonce_reports_out, decrypt_failures;
    unsigned drop_ts_segment; /* drop our Nth outgoing segment once (1-based), 0 = none */
    /* bootstrap */
    zwh__kex_t kex;
    bool kex_on, kex_s0;
    uint16_t kex_node;
    uint8_t kex_allow;
    int pin_mode;
    int kex_result; /* 0 running, 1 done, -1 failed */
    uint8_t kex_keys, kex_fail;
    uint32_t kex_granted; /* engine classes granted to kex_node during the bootstrap */
    uint8_t node_dsk[16];  /* set by the test before simsec_kex_start: the printed DSK */
} simsec_t;

int simsec_init(simsec_t *s, sim_client_t *c, uint32_t home_id, const char *keys_text);
void simsec_free(simsec_t *s);
void simsec_grant(simsec_t *s, uint16_t nid, uint32_t classes);
void simsec_send(simsec_t *s, uint16_t nid, int cls, const uint8_t *cmd, size_t len);
void simsec_send_raw(simsec_t *s, uint16_t nid, const uint8_t *frame, size_t len);
/* S2 multicast to group (our MPAN), sent with SendDataMulticast to nids[n]. */
int simsec_send_multicast(simsec_t *s, uint8_t group, int cls, const uint8_t *nids, size_t n, const uint8_t *cmd,
                          size_t len);
/* The singlecast follow-up of group to nid: MGRP extension plus our MPAN (encrypted). */
void simsec_send_followup(simsec_t *s, uint16_t nid, int cls, uint8_t group, const uint8_t *cmd, size_t len);
void simsec_pump(simsec_t *s, int ms);
int simsec_wait(simsec_t *s, uint16_t nid, uint8_t cc, uint8_t cmd, int ms);
void simsec_idle(simsec_t *s, int ms);
int simsec_kex_start(simsec_t *s, uint16_t nid, int role, uint8_t allow, int pin_mode);
int simsec_kex_run(simsec_t *s, int ms);
int simsec_keys_file(char *path, size_t cap, const char *text);

#endif
