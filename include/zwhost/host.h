/* zwhost — the host object: one controller (stick) on one libuv loop.
 *
 * Lifecycle, like a uv handle:
 *   zwh_host_new(loop, &h)            attach to the caller's loop (or NULL: the host owns one)
 *   zwh_host_set_*(h, ...)            options, before start
 *   zwh_host_start(h)                 open the port and run start-up; ZWH_EVENT_READY follows
 *   ... zwh_host_get_*() while ready ...
 *   zwh_host_close(h, cb, user)       asynchronous; every pending operation completes with
 *                                     ZWH_ECANCELED, then cb fires; h is freed after cb returns
 *
 * All calls and callbacks happen on the loop's thread; only zwh_host_wakeup() may be
 * called from another thread.
 *
 * Signals: a tcp:// port sets SIGPIPE to SIG_IGN when its disposition is still the
 * default (which would kill the process when a ser2net peer goes away); a handler
 * or disposition the application installed is left untouched. */
#ifndef ZWHOST_HOST_H
#define ZWHOST_HOST_H

#include <uv.h>
#include "zwhost/common.h"
#include "zwhost/log.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zwh_host zwh_host_t;
typedef struct zwh_event zwh_event_t;

/* ---- events ---- */
#define ZWH_EVENT_READY 1             /* start-up finished; controller facts available */
#define ZWH_EVENT_ERROR 2             /* port or start-up failure: status + message */
#define ZWH_EVENT_DISCONNECTED 3      /* the port dropped; the host reconnects with back-off */
#define ZWH_EVENT_CONNECTED 4         /* the port is (re)open; start-up runs next */
#define ZWH_EVENT_NODE_INFO 5         /* a node information frame arrived (node id) */
#define ZWH_EVENT_COMMAND 6           /* an application command arrived (node id, endpoint,
                                         security class, bytes), after decapsulation and the
                                         security policy; Supervision-wrapped commands once */
#define ZWH_EVENT_NODE_ADDED 7        /* a node joined (inclusion finished; node id) */
#define ZWH_EVENT_NODE_REMOVED 8      /* a node left (exclusion, failed-node removal) */
#define ZWH_EVENT_NODE_READY 9        /* the node's interview finished (or was loaded) */
#define ZWH_EVENT_NODE_DEAD 10        /* a listening/FLiRS node stopped acknowledging */
#define ZWH_EVENT_NODE_ALIVE 11       /* a dead node answered again */
#define ZWH_EVENT_INTERVIEW 12        /* interview progress: message = step, zwh_event_get_progress */
#define ZWH_EVENT_WAKE_UP 13          /* a sleeping node sent its Wake Up Notification */
#define ZWH_EVENT_TX_REPORT 14        /* a SendData finished: status, rssi = ACK RSSI */
#define ZWH_EVENT_SECURITY_DROP 15    /* a command was dropped by the security policy (status
                                         ZWH_ESECCLASS, ZWH_ES2_*, ZWH_ES0_*) */
#define ZWH_EVENT_INCLUSION 16        /* inclusion/exclusion progress: message = the step */
#define ZWH_EVENT_S2_GRANT 17         /* S2 bootstrap: the node requests the classes in
                                         zwh_event_get_value (bits ZWH_SECCLASS n); answer
                                         with zwh_host_grant() */
#define ZWH_EVENT_S2_PIN 18           /* S2 bootstrap: type the PIN of the DSK in
                                         zwh_event_get_data (16 bytes, first 2 zero); answer
                                         with zwh_host_set_pin() */
#define ZWH_EVENT_S2_CSA 19           /* S2 bootstrap with CSA: show data (4 bytes) to the user */
#define ZWH_EVENT_NOTIFICATION 20     /* a Notification Report arrived (also sent as COMMAND) */
#define ZWH_EVENT_VALUE 21            /* a report changed a value (also sent as COMMAND): the
                                         first report of its kind from the node, or one whose
                                         fields differ from the last of that kind (kind: class,
                                         command, endpoint, and the key of keyed reports such as
                                         the parameter, sensor type and scale, meter scale,
                                         user id) */

/* Host states (zwh_host_get_state) */
#define ZWH_HOST_IDLE 0
#define ZWH_HOST_CONNECTING 1
#define ZWH_HOST_STARTING 2
#define ZWH_HOST_READY 3
#define ZWH_HOST_CLOSING 4

/* Timeouts (zwh_host_set_timeout), milliseconds */
#define ZWH_TIMEOUT_ACK 1          /* link ACK timeout, default 1600 */
#define ZWH_TIMEOUT_RESPONSE 2     /* RES timeout, default 10000 */
#define ZWH_TIMEOUT_CALLBACK 3     /* callback timeout, default 65000 */
#define ZWH_TIMEOUT_SOFT_RESET 4   /* wait for SerialApiStarted after SoftReset, default 1500; 0 = no soft reset */

/* Event callback. `ev` and everything read from it are valid only during the call. */
typedef void (*zwh_event_cb)(zwh_host_t *host, const zwh_event_t *ev, void *user);
/* Close completion; the host is freed after it returns. */
typedef void (*zwh_close_cb)(zwh_host_t *host, void *user);
/* Runs on the loop thread after zwh_host_wakeup() from any thread. */
typedef void (*zwh_wakeup_cb)(zwh_host_t *host, void *user);

ZWH_EXTERN int zwh_event_get_type(const zwh_event_t *ev);
ZWH_EXTERN const char *zwh_event_type_name(int type); /* "ready", "error", ... static */
/* 0 or a ZWH_E* code (ZWH_EVENT_ERROR, ZWH_EVENT_DISCONNECTED) */
ZWH_EXTERN int zwh_event_get_status(const zwh_event_t *ev);
/* One-line explanation ("" if none), e.g. "/dev/ttyACM0: device busy" */
ZWH_EXTERN const char *zwh_event_get_message(const zwh_event_t *ev);
ZWH_EXTERN uint16_t zwh_event_get_node_id(const zwh_event_t *ev);
/* Command bytes of ZWH_EVENT_COMMAND (class, command, fields); *len gets their length. */
ZWH_EXTERN const uint8_t *zwh_event_get_data(const zwh_event_t *ev, size_t *len);
/* RSSI in dBm of ZWH_EVENT_COMMAND, or 127 when the stick did not report it. */
ZWH_EXTERN int zwh_event_get_rssi(const zwh_event_t *ev);
/* Multi Channel endpoint a command came from (0 = the root device). */
ZWH_EXTERN int zwh_event_get_endpoint(const zwh_event_t *ev);
/* ZWH_SECCLASS_* a command arrived under (ZWH_SECCLASS_NONE: plaintext). */
ZWH_EXTERN int zwh_event_get_secclass(const zwh_event_t *ev);
/* Event-specific number: requested classes (S2_GRANT), granted classes
 * (NODE_ADDED), 0 otherwise. */
ZWH_EXTERN uint32_t zwh_event_get_value(const zwh_event_t *ev);
/* ZWH_EVENT_INTERVIEW: step index (1-based) and total steps. */
ZWH_EXTERN int zwh_event_get_progress(const zwh_event_t *ev, int *index, int *total);

/* ---- lifecycle ---- */
/* Creates a host on `loop` (not owned), or on a private loop when loop is NULL
 * (drive it with zwh_host_run). */
ZWH_EXTERN int zwh_host_new(uv_loop_t *loop, zwh_host_t **out);
/* "/dev/ttyACM0", "/dev/serial/by-id/...", "tcp://HOST:PORT". Copied. */
ZWH_EXTERN int zwh_host_set_port(zwh_host_t *host, const char *url);
ZWH_EXTERN int zwh_host_set_event_cb(zwh_host_t *host, zwh_event_cb cb, void *user);
/* level: ZWH_LOG_*; flags: ZWH_LOG_SHOW_USER_CODES. cb NULL = silent. */
ZWH_EXTERN int zwh_host_set_log(zwh_host_t *host, zwh_log_cb cb, int level, unsigned flags, void *user);
ZWH_EXTERN int zwh_host_set_timeout(zwh_host_t *host, int which, uint32_t ms);
/* Reconnection back-off after a drop or a failed open: first retry after min_ms,
 * doubling up to max_ms. min_ms = 0 disables reconnection. Default 500/16000. */
ZWH_EXTERN int zwh_host_set_reconnect(zwh_host_t *host, uint32_t min_ms, uint32_t max_ms);
ZWH_EXTERN int zwh_host_set_wakeup_cb(zwh_host_t *host, zwh_wakeup_cb cb, void *user);
ZWH_EXTERN int zwh_host_start(zwh_host_t *host);
/* Thread-safe: schedules the wakeup callback on the loop thread. */
ZWH_EXTERN int zwh_host_wakeup(zwh_host_t *host);
ZWH_EXTERN int zwh_host_close(zwh_host_t *host, zwh_close_cb cb, void *user);

/* Private-loop hosts only: runs the loop (ZWH_RUN_DEFAULT until nothing is left,
 * ZWH_RUN_ONCE, ZWH_RUN_NOWAIT as in uv_run). After the close callback has run,
 * ZWH_RUN_DEFAULT returns and frees the loop. Returns uv_run's result. */
#define ZWH_RUN_DEFAULT 0
#define ZWH_RUN_ONCE 1
#define ZWH_RUN_NOWAIT 2
ZWH_EXTERN int zwh_host_run(zwh_host_t *host, int mode);
ZWH_EXTERN uv_loop_t *zwh_host_get_loop(zwh_host_t *host);
ZWH_EXTERN int zwh_host_get_state(const zwh_host_t *host);

/* ---- controller facts (valid once ready) ---- */
typedef struct zwh_controller_info {
    uint32_t home_id;
    uint16_t node_id;             /* the controller's own node id */
    uint16_t suc_node_id;         /* 0 = none */
    char library_version[32];     /* "Z-Wave 7.19" */
    uint8_t library_type;         /* 1 static controller, 2 controller, 7 bridge, ... */
    uint8_t api_version;          /* Serial API version from GetSerialApiInitData */
    uint8_t api_capabilities;     /* 0x01 end node API, 0x02 timer, 0x04 secondary, 0x08 SIS */
    uint8_t controller_capabilities; /* GetControllerCapabilities flags */
    uint8_t chip_type, chip_version; /* 5 = 500, 7 = 700, 8 = 800 series */
    uint8_t app_version, app_revision; /* stick firmware */
    uint16_t manufacturer_id, product_type, product_id;
    uint8_t protocol_major, protocol_minor, protocol_patch; /* 0 when not reported */
    uint8_t rf_region;            /* 0 EU, 1 US, ... 9 US-LR, 0x0B EU-LR, 0xFE unknown */
    uint8_t max_payload;          /* classic RF payload limit, 0 unknown */
    uint8_t max_payload_lr;       /* Long Range payload limit, 0 unknown */
    uint8_t is_primary, is_sis, long_range, nodeid16, tx_status_report;
    uint8_t function_mask[32];    /* bit f-1 = Serial API function f supported */
    uint16_t node_count;          /* nodes in the table, the controller included */
    uint8_t reserved[6];
} zwh_controller_info_t;

typedef struct zwh_node_info {
    uint16_t node_id;
    uint8_t basic, generic, specific;
    uint8_t listening;            /* always listening */
    uint8_t routing;
    uint8_t beaming;
    uint16_t flirs_ms;            /* 0, 250 or 1000: frequently listening (wake-up beam) */
    uint8_t sleeping;             /* neither listening nor FLiRS */
    uint8_t controller;
    uint8_t security_flag;        /* protocol-level "security" capability bit */
    uint8_t protocol_version;
    uint8_t long_range;
    uint8_t reserved;
    uint32_t max_speed;           /* 9600, 40000, 100000 bit/s */
} zwh_node_info_t;

ZWH_EXTERN int zwh_host_get_controller_info(const zwh_host_t *host, zwh_controller_info_t *out);
/* Node ids in ascending order into ids[0..max); *count gets the total. */
ZWH_EXTERN int zwh_host_get_node_ids(const zwh_host_t *host, uint16_t *ids, size_t max, size_t *count);
/* ZWH_ENONODE for an unknown node. */
ZWH_EXTERN int zwh_host_get_node_info(const zwh_host_t *host, uint16_t node_id, zwh_node_info_t *out);
/* The node's command classes: those of its node information frame (non-secure)
 * and, once known, those it supports securely. Copies up to max bytes of each
 * list; counts may exceed max. */
ZWH_EXTERN int zwh_host_get_node_ccs(const zwh_host_t *host, uint16_t node_id, uint8_t *ccs, size_t max,
                                     size_t *count, uint8_t *secure_ccs, size_t secure_max, size_t *secure_count);
/* Completion of a per-node operation: status 0 or ZWH_E*. */
typedef void (*zwh_node_cb)(zwh_host_t *host, int status, uint16_t node_id, void *user);
/* Asks the node for its node information frame (RequestNodeInfo); ZWH_EVENT_NODE_INFO
 * follows, then cb (may be NULL) with 0 or ZWH_ENODEACK. The host does this by
 * itself after start-up for every node whose NIF it has not seen. */
ZWH_EXTERN int zwh_host_request_node_info(zwh_host_t *host, uint16_t node_id, zwh_node_cb cb, void *user);
/* (Re-)interviews a node: ZWH_EVENT_INTERVIEW progress, then ZWH_EVENT_NODE_READY.
 * The host interviews by itself after an inclusion and at start-up for every node
 * without saved interview results. */
ZWH_EXTERN int zwh_host_interview(zwh_host_t *host, uint16_t node_id);

/* Names for logs and tools: "Binary Switch" for generic class 0x10 (NULL if unknown);
 * "EU", "US", "US Long Range", ... for an RF region. Static strings. */
ZWH_EXTERN const char *zwh_generic_class_name(uint8_t generic);
ZWH_EXTERN const char *zwh_rf_region_name(uint8_t region);

#ifdef __cplusplus
}
#endif
#endif
