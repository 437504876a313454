/* The host object's private layout, shared by the files of src/host. */
#ifndef ZWH_HOST_INTERNAL_H
#define ZWH_HOST_INTERNAL_H

#include <stdbool.h>
#include <uv.h>
#include "zwhost/host.h"
#include "serialapi/api.h"
#include "serialapi/serial.h"
#include "encap/supervision.h"
#include "encap/transport_service.h"
#include "security/s0.h"
#include "security/s2.h"
#include "host/storage.h"
#include "util/log.h"
#include "zwhost/security.h"
#include "zwhost/storage.h"
#include "zwhost/send.h"

#define ZWH__NODE_MAX_CC 64

typedef struct zwh__node {
    zwh_node_info_t info;
    uint8_t ccs[ZWH__NODE_MAX_CC];     /* command classes from the node information frame */
    uint8_t ccs_len;
    uint8_t sec_ccs[ZWH__NODE_MAX_CC]; /* CCs supported securely (S2/S0 Commands Supported) */
    uint8_t sec_ccs_len;
    bool sec_ccs_known;
    bool present;                      /* seen in the controller's node list at start-up */
    bool dead;                         /* stopped acknowledging; queue fails fast */
    bool awake;                        /* sleeping node: Wake Up Notification seen, not yet sent back to sleep */
    uint32_t granted;                  /* security classes, bit n = ZWH_SECCLASS n */
    bool bootstrap_failed;             /* S0/S2 bootstrapping failed at inclusion */
    uint32_t persist_flags;            /* ZWH__STATE_NODE_* kept across restarts */
    struct zwh__facts *facts;          /* what the interview learned (node_interview.c), owned */
    struct zwh__node_iv *iv;           /* the running interview, owned; NULL when none */
    uint16_t iv_gen;
    struct zwh__values *values;        /* last report of each kind (values.c), owned */
    struct zwh__last_tx *last_secure;  /* last S2 command that completed (tx.c), for a resync resend */
    uint8_t last_mgrp;                 /* S2 multicast group of the last follow-up sent to it */
    uint32_t last_sent_tx;             /* transaction whose encapsulated frame went to it last */
} zwh__node_t;

/* A transaction of the send pipeline (tx.c). */
typedef struct zwh__tx zwh__tx_t;
/* The network-management operation (inclusion.c). */
typedef struct zwh__incl zwh__incl_t;
/* SmartStart provisioning list and listening (smartstart.c). */
typedef struct zwh__ss zwh__ss_t;
struct zwh__state;
/* Internal class for the S0 bootstrap's all-zero key. */
#define ZWH__SECCLASS_S0_TEMP (-4)

/* Start-up: a table of steps run one request at a time (startup.c). */
typedef struct zwh__startup {
    int step;             /* index into the step table, -1 = not running */
    zwh__request_t req;
    size_t node_index;    /* GetNodeProtocolInfo iteration */
    uint16_t pending_ids[ZWH__MAX_CLASSIC_NODE + 1];
    size_t pending_count;
    uint8_t setup_mask[32]; /* SerialAPISetup sub-commands supported */
    bool setup_known;
    uint8_t lr_segment;
    uint64_t started_ms;
} zwh__startup_t;

struct zwh_event {
    int type;
    int status;
    const char *message;
    uint16_t node_id;
    const uint8_t *data;
    size_t len;
    int rssi;
    int endpoint;
    int secclass;
    uint32_t value;
    int index, total;
};

struct zwh_host {
    uv_loop_t *loop;
    uv_loop_t *own_loop;      /* non-NULL when the host made its loop */
    zwh__log_t log;
    zwh__session_config_t cfg;
    uint32_t soft_reset_wait_ms;
    uint32_t retry_min_ms, retry_max_ms;
    zwh__serial_t serial;
    bool serial_ready;
    char url[256];
    int state;
    zwh_event_cb event_cb;
    void *event_user;
    zwh_wakeup_cb wakeup_cb;
    void *wakeup_user;
    uv_async_t async;
    zwh__api_t api;
    zwh_controller_info_t info;
    zwh__node_t *nodes;       /* sorted by id */
    size_t node_count, node_cap;
    zwh__startup_t startup;
    /* send pipeline (tx.c) */
    zwh__tx_t *txs;           /* queued and running transactions, in submission order */
    uint32_t next_tx_id;
    uv_timer_t tx_timer;
    zwh__sup_t sup;           /* outgoing and incoming Supervision sessions */
    zwh__ts_t *ts;            /* Transport Service engine */
    zwh__incl_t *incl;        /* inclusion.c */
    zwh__ss_t *ss;            /* smartstart.c, made at the first provisioning entry */
    bool state_dirty;         /* something persistent changed since the last save */
    zwh__storage_t storage;   /* persist.c */
    uv_timer_t persist_timer;
    /* security (secure.c) */
    zwh_keystore_t *keys;
    char keys_path[256];
    zwh__s2_t *s2;
    zwh__s0_t *s0;
    struct zwh__host_counters {
        uint64_t policy_dropped, decap_failed, rx_commands, tx_ok, tx_failed;
    } counters;
    zwh_close_cb close_cb;
    void *close_user;
    int pending_closes;
    bool closed;              /* close finished (private loop: free in zwh_host_run) */
};

void zwh__host_emit(zwh_host_t *h, int type, int status, const char *message, uint16_t node_id);
void zwh__host_emit_event(zwh_host_t *h, const zwh_event_t *ev);

/* node table (nodes.c) */
zwh__node_t *zwh__host_node(const zwh_host_t *h, uint16_t id);
zwh__node_t *zwh__host_node_add(zwh_host_t *h, uint16_t id);
void zwh__host_nodes_free(zwh_host_t *h);
/* Start-up: mark every node unseen; prune the ones still unseen at the end. */
void zwh__host_nodes_mark_unseen(zwh_host_t *h);
void zwh__host_nodes_prune(zwh_host_t *h);
bool zwh__node_has_cc(const zwh__node_t *n, uint8_t cc);
void zwh__host_request_missing_nifs(zwh_host_t *h);
void zwh__host_node_apply_protocol(zwh__node_t *n, const zwh__api_node_protocol_t *p);
/* Removes a node: fails its transactions (ZWH_ENONODE), forgets its security state. */
void zwh__host_node_remove(zwh_host_t *h, uint16_t id);
/* One of the handles closed by zwh_host_close finished. */
void zwh__host_closed_one(zwh_host_t *h);

/* send pipeline (tx.c) */
int zwh__tx_init(zwh_host_t *h);
void zwh__tx_close(zwh_host_t *h, int *pending_closes, uv_close_cb cb);
/* Fails every transaction (status) and frees them. */
void zwh__tx_fail_all(zwh_host_t *h, int status);
void zwh__tx_fail_node(zwh_host_t *h, uint16_t node, int status);
void zwh__tx_forget_node(zwh__node_t *n);
void zwh__tx_schedule(zwh_host_t *h);
void zwh__tx_arm(zwh_host_t *h);
/* Internal send: like zwh_host_send with a reply flag (bypasses the node's
 * one-transaction rule: Supervision Reports, Time CC answers). */
#define ZWH__TXF_REPLY 0x80
#define ZWH__TXF_INTERNAL 0x40 /* host's own traffic (Wake Up No More Information) */
int zwh__tx_submit(zwh_host_t *h, uint16_t node, const uint8_t *cmd, size_t len, const zwh_send_opts_t *opts,
                   unsigned xflags, zwh_send_cb cb, void *user, uint32_t *id);
/* Marks a queued transaction as the S2 singlecast follow-up of multicast
 * group `group` (multicast.c). 0 or ZWH_ENOENT (no longer queued). */
int zwh__tx_set_mgrp(zwh_host_t *h, uint32_t id, uint8_t group);
/* From the receive path */
/* A Nonce Report arrived; resync: it carried SOS (the node lost our SPAN). */
void zwh__tx_on_nonce(zwh_host_t *h, uint16_t node, bool resync);
void zwh__tx_on_command(zwh_host_t *h, uint16_t node, uint8_t endpoint, int secclass, const uint8_t *cmd,
                        size_t len);
void zwh__tx_on_supervision_report(zwh_host_t *h, uint16_t node, uint8_t endpoint, const uint8_t *cmd,
                                   size_t len);
void zwh__tx_on_wakeup(zwh_host_t *h, uint16_t node);
/* Sends a raw frame (already encapsulated) to node with SendData; done may be NULL. */
typedef void (*zwh__frame_done_fn)(zwh_host_t *h, uint32_t tag, int status, int rssi);
int zwh__host_send_frame(zwh_host_t *h, uint16_t node, const uint8_t *frame, size_t len, int priority,
                         zwh__frame_done_fn done, uint32_t tag);
uint64_t zwh__host_now(const zwh_host_t *h);

/* security (secure.c) */
int zwh__secure_start(zwh_host_t *h);   /* (re)creates the engines for the home id / node id */
void zwh__secure_free(zwh_host_t *h);
/* Class to send cc to node under (ZWH_SECCLASS_NONE = plaintext). */
int zwh__secure_tx_class(const zwh_host_t *h, const zwh__node_t *n, uint8_t cc);
/* True when a command of class cc from node may be delivered under secclass. */
bool zwh__secure_rx_allowed(const zwh_host_t *h, const zwh__node_t *n, uint8_t cc, int secclass);
/* Encapsulates app for node under secclass: ZWH__S2_TX_ENCAP / ZWH__S2_TX_NONCE_GET-like results
 * (1 = frame to send, 2 = a nonce request to send first) or a negative code. */
int zwh__secure_encap(zwh_host_t *h, uint16_t node, int secclass, uint8_t mgrp_group, const uint8_t *app,
                      size_t len, uint8_t *out, size_t cap, size_t *out_len);
int zwh__secclass_rank(int secclass);
void zwh__secure_set_granted(zwh_host_t *h, uint16_t node, uint32_t granted);
/* The node said it lacks our MPAN (Nonce Report with MOS): hand it the inner
 * state of the last group it got a follow-up of (an empty S2 frame with the
 * encrypted MPAN extension), so later multicasts decrypt without follow-ups. */
void zwh__secure_send_mpan(zwh_host_t *h, uint16_t node);

/* persistence (persist.c) */
int zwh__persist_init(zwh_host_t *h);
void zwh__persist_close(zwh_host_t *h, uv_close_cb cb);
void zwh__persist_load(zwh_host_t *h);
void zwh__persist_touch(zwh_host_t *h);
int zwh__persist_save_now(zwh_host_t *h);
/* The node's interview cache (nodes.c). */
const uint8_t *zwh__host_node_cache(const zwh_host_t *h, const zwh__node_t *n, size_t *len);
void zwh__host_node_load_cache(zwh_host_t *h, zwh__node_t *n, const uint8_t *cache, size_t len);

/* value changes (values.c): true when the report differs from the last of its kind */
bool zwh__values_changed(zwh__node_t *n, uint8_t ep, const uint8_t *cmd, size_t len);
void zwh__values_free(zwh__node_t *n);

/* interview driver (node_interview.c) */
int zwh__iv_start(zwh_host_t *h, uint16_t node);
void zwh__iv_on_command(zwh_host_t *h, uint16_t src, uint8_t endpoint, int secclass, const uint8_t *cmd,
                        size_t len);
void zwh__iv_on_wakeup(zwh_host_t *h, zwh__node_t *n, bool awake);
bool zwh__iv_active(const zwh__node_t *n);
uint64_t zwh__iv_deadline(const zwh_host_t *h);
void zwh__iv_tick(zwh_host_t *h, uint64_t now);
void zwh__iv_resume_all(zwh_host_t *h);
void zwh__iv_node_info(zwh_host_t *h, zwh__node_t *n);
void zwh__iv_free_node(zwh__node_t *n);

/* network management (inclusion.c) */
int zwh__incl_init(zwh_host_t *h);
void zwh__incl_close(zwh_host_t *h);
void zwh__incl_free(zwh_host_t *h);
void zwh__incl_abort(zwh_host_t *h, int status);
/* S2/S0 commands for a running bootstrap: true when consumed. */
bool zwh__incl_on_security(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int secclass);
bool zwh__incl_on_command(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int secclass);
void zwh__incl_decrypt_failed(zwh_host_t *h, uint16_t src);
/* An inclusion/replacement of this node is still running (no interview yet). */
bool zwh__incl_busy_with(const zwh_host_t *h, uint16_t node);
/* No network operation runs (nor a cancelled one's request is still due). */
bool zwh__incl_idle(const zwh_host_t *h);
/* SmartStart inclusion of a provisioned device: AddNode `mode` (08 | options)
 * with its home ids, then the S2 bootstrap granting `classes` (0 = what it
 * requests) and verifying the DSK it sends against dsk; no prompt events.
 * Ends with zwh__ss_include_ended(). 0 or ZWH_EBUSY/ZWH_ENOTCONN/... */
int zwh__incl_add_smartstart(zwh_host_t *h, uint8_t mode, const uint8_t home_ids[8], const uint8_t dsk[16],
                             uint32_t classes);

/* SmartStart (smartstart.c) */
void zwh__ss_free(zwh_host_t *h);
/* Puts the stick in SmartStart listen mode when ready, idle and an entry is pending. */
void zwh__ss_kick(zwh_host_t *h);
/* ApplicationUpdate: a prime frame of a pending entry starts its inclusion. */
void zwh__ss_on_update(zwh_host_t *h, const zwh__api_update_t *u);
/* The SmartStart inclusion ended (status and node as for zwh_include_cb;
 * dsk_ok false: the node's key did not match the entry's DSK). */
void zwh__ss_include_ended(zwh_host_t *h, int status, uint16_t node, bool dsk_ok);
/* A node left by exclusion: its entry becomes passive. */
void zwh__ss_node_removed(zwh_host_t *h, uint16_t node);
/* Copies the list into / out of a saved state. */
int zwh__ss_save(const zwh_host_t *h, struct zwh__state *st);
void zwh__ss_load(zwh_host_t *h, const struct zwh__state *st);
int zwh__secure_highest(uint32_t granted);

/* receive path (rx.c) */
void zwh__rx_app_cmd(zwh_host_t *h, uint16_t src, const uint8_t *cmd, size_t len, int rssi, bool multicast);
/* Time CC server (time_server.c): builds the answer to a Time/Clock/Time
 * Parameters Get at the given wall-clock time; 0 when cmd is not one of them. */
int zwh__time_server_answer(const uint8_t *cmd, size_t len, int64_t unix_time, uint8_t *out, size_t cap);

/* start-up (startup.c) */
void zwh__startup_begin(zwh_host_t *h);
void zwh__startup_cancel(zwh_host_t *h);

#endif
