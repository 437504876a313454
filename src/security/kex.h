/* S2 key exchange (KEX) bootstrapping: one I/O-free state machine per bootstrap,
 * in either role — the including controller (kex_controller.c) or the joining
 * node (kex_node.c). The shared engine (kex.c) dispatches events through each
 * role's {state, event, action, next} table.
 *
 * The machine never encrypts. It takes S2 commands AFTER the caller decapsulated
 * them, together with the class they arrived under (ZWH_SECCLASS_NONE for a
 * plaintext frame, ZWH_SECCLASS_TEMP for the temporary key, or a network class),
 * and returns actions: plaintext commands to send together with the class to
 * encapsulate them under, keys to load into the caller's S2 engine, and events
 * that need a decision (classes to grant, the PIN) or report the outcome.
 *
 * Time is injected: every call takes `now` (ms, monotonic) and the machine
 * exposes its next deadline; the caller calls zwh__kex_timeout() when it passes.
 *
 * Lifetime of action data: pointers in zwh__kex_out_t point into the machine and
 * stay valid until the next call on it. Key material is wiped when the bootstrap
 * ends (success or failure) and by zwh__kex_clear(). */
#ifndef ZWH_SECURITY_KEX_H
#define ZWH_SECURITY_KEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "security/crypto.h"
#include "security/keystore.h"
#include "zwhost/security.h"

/* Security 2 command class and the KEX-related commands. */
#define ZWH__CC_S2 0x9F
#define ZWH__S2_KEX_GET 0x04
#define ZWH__S2_KEX_REPORT 0x05
#define ZWH__S2_KEX_SET 0x06
#define ZWH__S2_KEX_FAIL 0x07
#define ZWH__S2_PUBLIC_KEY_REPORT 0x08
#define ZWH__S2_NETWORK_KEY_GET 0x09
#define ZWH__S2_NETWORK_KEY_REPORT 0x0A
#define ZWH__S2_NETWORK_KEY_VERIFY 0x0B
#define ZWH__S2_TRANSFER_END 0x0C

/* Security 0 command class: the commands of its bootstrapping */
#define ZWH__CC_S0 0x98
#define ZWH__S0B_SCHEME_GET 0x04
#define ZWH__S0B_SCHEME_REPORT 0x05
#define ZWH__S0B_NETWORK_KEY_SET 0x06
#define ZWH__S0B_NETWORK_KEY_VERIFY 0x07

#define ZWH__KEX_FLAG_ECHO 0x01
#define ZWH__KEX_FLAG_CSA 0x02 /* KEX Report: request CSA; KEX Set: permit CSA */
#define ZWH__KEX_SCHEME_1 0x02
#define ZWH__KEX_CURVE_25519 0x01
#define ZWH__TRANSFER_END_VERIFIED 0x02
#define ZWH__TRANSFER_END_COMPLETE 0x01

/* KEX Fail types (on the wire). */
#define ZWH__KEX_FAIL_KEX_KEY 0x01
#define ZWH__KEX_FAIL_KEX_SCHEME 0x02
#define ZWH__KEX_FAIL_KEX_CURVES 0x03
#define ZWH__KEX_FAIL_DECRYPT 0x05
#define ZWH__KEX_FAIL_CANCEL 0x06
#define ZWH__KEX_FAIL_AUTH 0x07
#define ZWH__KEX_FAIL_KEY_GET 0x08
#define ZWH__KEX_FAIL_KEY_VERIFY 0x09
#define ZWH__KEX_FAIL_KEY_REPORT 0x0A

#define ZWH__KEX_ROLE_CONTROLLER 0
#define ZWH__KEX_ROLE_NODE 1
/* S0 bootstrapping (Scheme Get/Report, Network Key Set under the all-zero key,
 * Network Key Verify under the new key) runs on the same engine and actions:
 * secclass ZWH_SECCLASS_TEMP means the all-zero S0 key, ZWH_SECCLASS_S0 the S0
 * network key; TEMP_KEY (temp_keys NULL) = accept the all-zero key from the
 * peer, DROP_KEYS = stop accepting it. S0 has no failure command: a failure is
 * local only (fail = KEX_SCHEME, AUTH, KEY_VERIFY or CANCEL on a timeout). */
#define ZWH__KEX_ROLE_S0_CONTROLLER 2
#define ZWH__KEX_ROLE_S0_NODE 3
#define ZWH__KEX_ROLE_COUNT 4

/* Timer values in ms (zwave-js names; 3.12 of the security reference). */
typedef struct zwh__kex_timers {
    uint32_t ta1;  /* controller: KEX Report after KEX Get (10 s) */
    uint32_t ta2;  /* controller: Public Key B after KEX Set (10 s) */
    uint32_t ta3;  /* controller: Network Key Get / final Transfer End (10 s) */
    uint32_t ta4;  /* controller: Network Key Verify after Network Key Report (10 s) */
    uint32_t ta5;  /* controller: final Transfer End after the last key (10 s) */
    uint32_t tai1; /* controller: the user's grant decision (240 s) */
    uint32_t tai2; /* controller: PIN entry + echo KEX Set, from Public Key B (240 s) */
    uint32_t tb1;  /* node: KEX Get after inclusion (30 s) */
    uint32_t tb2;  /* node: KEX Set after KEX Report (240 s) */
    uint32_t tb3;  /* node: Public Key A, and each echo KEX Set retry (10 s) */
    uint32_t tbi1; /* node: total time for the echo KEX Report, CSA input included (240 s) */
    uint32_t tb4;  /* node: Network Key Report after Network Key Get (10 s) */
    uint32_t tb5;  /* node: Transfer End after Network Key Verify (10 s) */
    uint32_t s0;   /* S0: each step of the S0 bootstrap (10 s) */
} zwh__kex_timers_t;

void zwh__kex_timers_default(zwh__kex_timers_t *t);

/* Configuration, copied by zwh__kex_init(). */
typedef struct zwh__kex_config {
    int role;                 /* ZWH__KEX_ROLE_* */
    zwh__kex_timers_t timers; /* zero-filled -> defaults */
    bool long_range;          /* the joining node is a Long Range node */
    /* controller: where the network keys come from (borrowed, must outlive the
     * machine). A class without a key is never granted. */
    const zwh_keystore_t *keys;
    /* node: the classes it requests (ZWH_KEY_* bits) and whether it asks for CSA */
    uint8_t request_keys;
    bool request_csa;
    /* The local Curve25519 private key (32 bytes, RFC 7748 byte order). A node's
     * key must be its permanent one (its DSK is printed from it); a controller may
     * leave has_private_key false to draw a fresh key per bootstrap. */
    bool has_private_key;
    uint8_t private_key[32];
} zwh__kex_config_t;

/* Actions the machine asks for. */
#define ZWH__KEX_ACT_SEND 1      /* send data/len (plaintext S2 command) under secclass */
#define ZWH__KEX_ACT_TEMP_KEY 2  /* load the temporary key: temp_keys (already expanded) */
#define ZWH__KEX_ACT_NET_KEY 3   /* class `secclass` (key bit `keys`) is now shared with the
                                   peer. Node: load data (16-byte network key) for it.
                                   Controller (data NULL): accept frames from the node under
                                   that class, its Network Key Verify comes next */
#define ZWH__KEX_ACT_DROP_KEYS 4 /* drop the temporary key; and undo the NET_KEY actions of
                                   the classes in `keys` (node: forget those keys;
                                   controller: revoke them from the node). Sent at the end:
                                   keys = 0 on success, everything shared on failure */
#define ZWH__KEX_ACT_EVENT 5     /* something for the application, see `event` */

/* Events (ZWH__KEX_ACT_EVENT). */
#define ZWH__KEX_EV_GRANT_REQUEST 1 /* controller: node requests `keys` (csa: asks for CSA);
                                      answer with zwh__kex_grant() */
#define ZWH__KEX_EV_PIN_REQUEST 2   /* controller: data = the node's DSK with bytes 0..1
                                      unknown (zero); answer with zwh__kex_pin() */
#define ZWH__KEX_EV_CSA_DISPLAY 3   /* controller: show data (4 bytes = the first two DSK
                                      groups of the controller) for the user to type on
                                      the node */
#define ZWH__KEX_EV_CSA_REQUEST 4   /* node: the user must type the controller's first two
                                      DSK groups; answer with zwh__kex_csa() */
#define ZWH__KEX_EV_DONE 5          /* success: `keys` = classes granted and verified */
#define ZWH__KEX_EV_FAILED 6        /* failure: `fail` = KEX Fail type, `remote` = the peer
                                      sent it, `timeout` = a timer expired */

typedef struct zwh__kex_action {
    uint8_t type;  /* ZWH__KEX_ACT_* */
    uint8_t event; /* ZWH__KEX_EV_* */
    int8_t secclass;
    uint8_t keys;
    uint8_t csa;
    uint8_t fail;
    uint8_t remote;
    uint8_t timeout;
    const uint8_t *data;
    size_t len;
    const zwh__s2_keys_t *temp_keys; /* TEMP_KEY */
} zwh__kex_action_t;

#define ZWH__KEX_MAX_ACTIONS 4
typedef struct zwh__kex_out {
    size_t n;
    zwh__kex_action_t a[ZWH__KEX_MAX_ACTIONS];
} zwh__kex_out_t;

/* States of both roles (one enum so logs and tests name them alike). */
#define ZWH__KEX_STATES(XX)   \
    XX(IDLE)                  \
    XX(C_WAIT_KEX_REPORT)     \
    XX(C_WAIT_GRANT)          \
    XX(C_WAIT_PUBLIC_KEY)     \
    XX(C_WAIT_PIN)            \
    XX(C_WAIT_ECHO_KEX_SET)   \
    XX(C_WAIT_KEY_GET)        \
    XX(C_WAIT_KEY_VERIFY)     \
    XX(N_WAIT_KEX_GET)        \
    XX(N_WAIT_KEX_SET)        \
    XX(N_WAIT_PUBLIC_KEY)     \
    XX(N_WAIT_CSA)            \
    XX(N_WAIT_ECHO_KEX_REPORT)\
    XX(N_WAIT_KEY_REPORT)     \
    XX(N_WAIT_TRANSFER_END)   \
    XX(S0C_WAIT_SCHEME_REPORT)\
    XX(S0C_WAIT_KEY_VERIFY)   \
    XX(S0N_WAIT_SCHEME_GET)   \
    XX(S0N_WAIT_KEY_SET)      \
    XX(DONE)                  \
    XX(FAILED)

enum zwh__kex_state {
#define ZWH__KEX_STATE_ENUM_(n) ZWH__KEX_##n,
    ZWH__KEX_STATES(ZWH__KEX_STATE_ENUM_)
#undef ZWH__KEX_STATE_ENUM_
    ZWH__KEX_STATE_COUNT
};

typedef struct zwh__kex {
    zwh__kex_config_t cfg;
    uint8_t state;
    uint64_t deadline;   /* next timer, UINT64_MAX when none */
    uint64_t window_end; /* end of TAI2 (controller) / TBI1 (node) */

    uint8_t requested;     /* keys the node requested */
    uint8_t granted;       /* keys in the KEX Set */
    uint8_t csa;           /* CSA in use */
    uint8_t key_pending;   /* key bit in transfer */
    uint8_t keys_done;     /* keys transferred and verified */
    uint8_t keys_loaded;   /* node: keys handed to the caller during this bootstrap */
    uint8_t kex_report[4]; /* flags, schemes, curves, keys as sent/received (for the echo) */
    uint8_t kex_set[4];    /* flags, scheme, curve, keys as sent/received */
    uint8_t fail;          /* KEX Fail type once FAILED */
    bool wipe_pending;     /* a final action still points at a key: wipe on the next call */

    uint8_t priv[32];
    uint8_t pub_local[32];
    uint8_t pub_peer[32];
    zwh__s2_keys_t temp;
    uint8_t netkey[16]; /* node: the key just received */
    uint8_t shown[16];  /* data of PIN/CSA events */
    uint8_t tx[40];
    size_t tx_len;
} zwh__kex_t;

/* Sets up a machine (IDLE). Returns 0 or ZWH_EINVAL. */
int zwh__kex_init(zwh__kex_t *m, const zwh__kex_config_t *cfg);
/* Wipes every key the machine holds. */
void zwh__kex_clear(zwh__kex_t *m);

/* Controller: sends KEX Get. Node: starts waiting for KEX Get (TB1). */
int zwh__kex_start(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out);
/* A decapsulated S2 command from the peer and the class it arrived under.
 * Frames that are not KEX commands or not expected now are ignored. */
int zwh__kex_input(zwh__kex_t *m, const uint8_t *frame, size_t len, int secclass, uint64_t now,
                   zwh__kex_out_t *out);
/* The caller's S2 engine could not decrypt a frame from the peer (wrong PIN). */
int zwh__kex_decrypt_failed(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out);
/* Call when now >= zwh__kex_deadline(). */
int zwh__kex_timeout(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out);
/* Controller answers: the classes the user allows (ZWH_KEY_* bits; 0 = reject),
 * whether CSA is allowed; the PIN the user typed. */
int zwh__kex_grant(zwh__kex_t *m, uint8_t allowed_keys, bool allow_csa, uint64_t now, zwh__kex_out_t *out);
int zwh__kex_pin(zwh__kex_t *m, uint16_t pin, uint64_t now, zwh__kex_out_t *out);
/* Node answer to CSA_REQUEST: the two DSK groups the user typed. */
int zwh__kex_csa(zwh__kex_t *m, uint16_t group1, uint16_t group2, uint64_t now, zwh__kex_out_t *out);
/* Either side: abort (sends KEX Fail CANCEL). */
int zwh__kex_cancel(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out);

uint64_t zwh__kex_deadline(const zwh__kex_t *m);
bool zwh__kex_finished(const zwh__kex_t *m); /* DONE or FAILED */
const char *zwh__kex_state_name(int state);
const char *zwh__kex_fail_name(int fail);

/* ---- engine internals shared by the two role files -------------------------- */

enum zwh__kex_event {
    ZWH__KEV_ANY = 0, /* wildcard in tables */
    ZWH__KEV_START,
    ZWH__KEV_TIMEOUT,
    ZWH__KEV_CANCEL,
    ZWH__KEV_DECRYPT_FAIL,
    ZWH__KEV_GRANT,
    ZWH__KEV_PIN,
    ZWH__KEV_CSA,
    ZWH__KEV_RX_KEX_GET,
    ZWH__KEV_RX_KEX_REPORT,
    ZWH__KEV_RX_ECHO_KEX_REPORT,
    ZWH__KEV_RX_KEX_SET,
    ZWH__KEV_RX_ECHO_KEX_SET,
    ZWH__KEV_RX_KEX_FAIL,
    ZWH__KEV_RX_PUBLIC_KEY,
    ZWH__KEV_RX_KEY_GET,
    ZWH__KEV_RX_KEY_REPORT,
    ZWH__KEV_RX_KEY_VERIFY,
    ZWH__KEV_RX_TRANSFER_END,
    ZWH__KEV_RX_S0_SCHEME_GET,
    ZWH__KEV_RX_S0_SCHEME_REPORT,
    ZWH__KEV_RX_S0_KEY_SET,
    ZWH__KEV_RX_S0_KEY_VERIFY,
};

typedef struct zwh__kex_ev {
    int type;
    const uint8_t *frame; /* RX events: the whole command, length checked */
    size_t len;
    int secclass;
    uint64_t now;
    uint8_t keys;   /* GRANT */
    bool flag;      /* GRANT: allow CSA */
    uint16_t v[2];  /* PIN, CSA groups */
} zwh__kex_ev_t;

/* An action returns 0 to take the row's next state, ZWH__KEX_STAY to stay, or a
 * KEX Fail type (1..0x0A) to abort with that failure. */
#define ZWH__KEX_STAY 0x100
/* ...or ZWH__KEX_GOTO(state) where the next state depends on the data. */
#define ZWH__KEX_GOTO_FLAG 0x200
#define ZWH__KEX_GOTO(s) (ZWH__KEX_GOTO_FLAG | (s))
typedef int (*zwh__kex_fn)(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out);
typedef struct zwh__kex_row {
    uint8_t state; /* ZWH__KEX_STATE_COUNT = any state that is still running */
    uint8_t event;
    zwh__kex_fn action; /* NULL = nothing to do */
    uint8_t next;
} zwh__kex_row_t;
#define ZWH__KEX_ANY_STATE ZWH__KEX_STATE_COUNT

extern const zwh__kex_row_t zwh__kex_controller_table[];
extern const size_t zwh__kex_controller_rows;
extern const zwh__kex_row_t zwh__kex_node_table[];
extern const size_t zwh__kex_node_rows;
extern const zwh__kex_row_t zwh__kex_s0_controller_table[];
extern const size_t zwh__kex_s0_controller_rows;
extern const zwh__kex_row_t zwh__kex_s0_node_table[];
extern const size_t zwh__kex_s0_node_rows;

/* wildcard actions shared by both tables: a KEX Fail from the peer (plain or
 * under the temporary key), a local cancel, a timer (KEX Fail CANCEL) */
int zwh__kex_on_remote_fail(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out);
int zwh__kex_on_cancel(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out);
int zwh__kex_on_timeout(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out);
/* a timer expired: send KEX Fail `fail`, report a timeout; returns ZWH__KEX_STAY */
int zwh__kex_timeout_with(zwh__kex_t *m, zwh__kex_out_t *out, int fail);

/* helpers for the role files */
void zwh__kex_send(zwh__kex_t *m, zwh__kex_out_t *out, int secclass, const uint8_t *cmd, size_t len);
void zwh__kex_emit(zwh__kex_out_t *out, const zwh__kex_action_t *a);
void zwh__kex_arm(zwh__kex_t *m, uint64_t now, uint32_t ms);
/* ECDH with the peer's (complete) key, PRK over (A = controller, B = node) and a
 * TEMP_KEY action. Returns 0 or a KEX Fail type. */
int zwh__kex_derive_temp(zwh__kex_t *m, zwh__kex_out_t *out);
/* lowest set bit of a key mask, 0 if none */
uint8_t zwh__kex_lowest_key(uint8_t keys);
/* the store/engine class of a key bit for this peer (LR-aware) */
int zwh__kex_key_class(const zwh__kex_t *m, uint8_t key_bit);

#endif
