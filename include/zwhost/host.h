/** @file
 * zwhost — the host object: one controller (stick) on one libuv loop.
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
 * or disposition the application installed is left untouched.
 *
 * Errors: every function returning `int` returns 0 (or a count) on success and a
 * negative ZWH_E* code on failure; ZWH_EINVAL for a NULL handle or out-pointer. Strings
 * passed in are copied unless stated otherwise. See @ref events for the event model. */
#ifndef ZWHOST_HOST_H
#define ZWHOST_HOST_H

#include <uv.h>
#include "zwhost/common.h"
#include "zwhost/log.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque host handle: created by zwh_host_new(), freed by the library after the close
 * callback of zwh_host_close() returns. */
typedef struct zwh_host zwh_host_t;
/** Opaque event handed to the event callback; read it with the zwh_event_get_*()
 * getters. It and everything read from it are valid only during the callback. */
typedef struct zwh_event zwh_event_t;

/** @name Event types (zwh_event_get_type())
 * Which getters carry what for each type is listed in @ref events.
 * @{ */
#define ZWH_EVENT_READY 1             /**< start-up finished; controller facts available */
#define ZWH_EVENT_ERROR 2             /**< port or start-up failure: status + message */
#define ZWH_EVENT_DISCONNECTED 3      /**< the port dropped; the host reconnects with back-off */
#define ZWH_EVENT_CONNECTED 4         /**< the port is (re)open; start-up runs next */
#define ZWH_EVENT_NODE_INFO 5         /**< a node information frame arrived (node id) */
#define ZWH_EVENT_COMMAND 6           /**< an application command arrived (node id, endpoint,
                                         security class, bytes), after decapsulation and the
                                         security policy; Supervision-wrapped commands once */
#define ZWH_EVENT_NODE_ADDED 7        /**< a node joined (inclusion finished; node id, status
                                         0 or ZWH_EKEX_FAIL, value = granted classes) */
#define ZWH_EVENT_NODE_REMOVED 8      /**< a node left (exclusion, failed-node removal) */
#define ZWH_EVENT_NODE_READY 9        /**< the node's interview finished (or was loaded) */
#define ZWH_EVENT_NODE_DEAD 10        /**< a listening/FLiRS node stopped acknowledging */
#define ZWH_EVENT_NODE_ALIVE 11       /**< a dead node answered again */
#define ZWH_EVENT_INTERVIEW 12        /**< interview progress: message = step, zwh_event_get_progress */
#define ZWH_EVENT_WAKE_UP 13          /**< a sleeping node sent its Wake Up Notification */
#define ZWH_EVENT_TX_REPORT 14        /**< a SendData finished: status, rssi = ACK RSSI */
#define ZWH_EVENT_SECURITY_DROP 15    /**< a command was dropped by the security policy (status
                                         ZWH_ESECCLASS, ZWH_ES2_*, ZWH_ES0_*) */
#define ZWH_EVENT_INCLUSION 16        /**< inclusion/exclusion progress: message = the step */
#define ZWH_EVENT_S2_GRANT 17         /**< S2 bootstrap: the node requests the classes in
                                         zwh_event_get_value (bits ZWH_SECCLASS n; status 1 when
                                         it also asks for CSA); answer with zwh_host_grant() */
#define ZWH_EVENT_S2_PIN 18           /**< S2 bootstrap: type the PIN of the DSK in
                                         zwh_event_get_data (16 bytes, first 2 zero); answer
                                         with zwh_host_set_pin() */
#define ZWH_EVENT_S2_CSA 19           /**< S2 bootstrap with CSA: show data (4 bytes) to the user */
#define ZWH_EVENT_NOTIFICATION 20     /**< a Notification Report arrived (also sent as COMMAND) */
#define ZWH_EVENT_VALUE 21            /**< a report changed a value (also sent as COMMAND): the
                                         first report of its kind from the node, or one whose
                                         fields differ from the last of that kind (kind: class,
                                         command, endpoint, and the key of keyed reports such as
                                         the parameter, sensor type and scale, meter scale,
                                         user id); data, endpoint and secclass as for COMMAND */
/** @} */

/** @name Host states (zwh_host_get_state())
 * @{ */
#define ZWH_HOST_IDLE 0        /**< created, not started */
#define ZWH_HOST_CONNECTING 1  /**< opening the port (or waiting to retry) */
#define ZWH_HOST_STARTING 2    /**< port open, start-up exchange running */
#define ZWH_HOST_READY 3       /**< ready: controller facts valid, operations accepted */
#define ZWH_HOST_CLOSING 4     /**< zwh_host_close() was called */
/** @} */

/** @name Timeouts (zwh_host_set_timeout()), milliseconds
 * @{ */
#define ZWH_TIMEOUT_ACK 1          /**< link ACK timeout, default 1600 */
#define ZWH_TIMEOUT_RESPONSE 2     /**< RES timeout, default 10000 */
#define ZWH_TIMEOUT_CALLBACK 3     /**< callback timeout, default 65000 */
#define ZWH_TIMEOUT_SOFT_RESET 4   /**< wait for SerialApiStarted after SoftReset, default 1500; 0 = no soft reset */
/** @} */

/** Event callback, installed with zwh_host_set_event_cb(). Runs on the loop's thread,
 * synchronously from the library code that raises the event; it must not block and may
 * call the host's functions (zwh_host_close() included). `ev` and every pointer read from
 * it are valid only during the call. */
typedef void (*zwh_event_cb)(zwh_host_t *host, const zwh_event_t *ev, void *user);
/** Close completion (zwh_host_close()), on the loop's thread, once. The host is freed
 * after it returns: do not use `host` afterwards. */
typedef void (*zwh_close_cb)(zwh_host_t *host, void *user);
/** Runs on the loop's thread after zwh_host_wakeup() was called from any thread; several
 * wakeups may be coalesced into one call. */
typedef void (*zwh_wakeup_cb)(zwh_host_t *host, void *user);

/** @name Event getters
 * Call them only during the event callback, with the `ev` it was given. Returned
 * pointers are borrowed from the event and valid until the callback returns.
 * @{ */
/** ZWH_EVENT_* type of the event. */
ZWH_EXTERN int zwh_event_get_type(const zwh_event_t *ev);
/** "ready", "error", "command", "node-added", "s2-pin", "notification", ... for a type;
 * "unknown" for others. Static string, callable from any thread. */
ZWH_EXTERN const char *zwh_event_type_name(int type);
/** 0 or a ZWH_E* code (ZWH_EVENT_ERROR, DISCONNECTED, TX_REPORT, SECURITY_DROP,
 * NODE_ADDED); 1 for an S2_GRANT that also requests CSA. */
ZWH_EXTERN int zwh_event_get_status(const zwh_event_t *ev);
/** One-line explanation or step name ("" if none), e.g. "/dev/ttyACM0: device busy". */
ZWH_EXTERN const char *zwh_event_get_message(const zwh_event_t *ev);
/** The node the event is about (0 when none). */
ZWH_EXTERN uint16_t zwh_event_get_node_id(const zwh_event_t *ev);
/** Bytes of the event: the command (class, command, fields) of ZWH_EVENT_COMMAND and
 * ZWH_EVENT_NOTIFICATION, the DSK of ZWH_EVENT_S2_PIN, the CSA code of ZWH_EVENT_S2_CSA;
 * NULL otherwise. *len (may not be NULL) gets their length. */
ZWH_EXTERN const uint8_t *zwh_event_get_data(const zwh_event_t *ev, size_t *len);
/** RSSI in dBm of ZWH_EVENT_COMMAND / TX_REPORT, or 127 when the stick did not report it. */
ZWH_EXTERN int zwh_event_get_rssi(const zwh_event_t *ev);
/** Multi Channel endpoint a command came from (0 = the root device). */
ZWH_EXTERN int zwh_event_get_endpoint(const zwh_event_t *ev);
/** ZWH_SECCLASS_* a command arrived under (ZWH_SECCLASS_NONE: plaintext). */
ZWH_EXTERN int zwh_event_get_secclass(const zwh_event_t *ev);
/** Event-specific number: requested classes (S2_GRANT), granted classes
 * (NODE_ADDED), 0 otherwise. */
ZWH_EXTERN uint32_t zwh_event_get_value(const zwh_event_t *ev);
/** ZWH_EVENT_INTERVIEW: writes the step index (1-based) and the total number of steps
 * (either pointer may be NULL). Returns 0, or ZWH_EINVAL for another event type. */
ZWH_EXTERN int zwh_event_get_progress(const zwh_event_t *ev, int *index, int *total);
/** @} */

/** @name Lifecycle
 * Options (zwh_host_set_*) are set before zwh_host_start() unless stated otherwise.
 * @{ */
/** Creates a host on `loop` (borrowed: it must outlive the host), or on a private loop
 * the host owns when loop is NULL (drive it with zwh_host_run()). *out receives the
 * handle, valid until the close callback returns. Returns 0, ZWH_ENOMEM or -errno. */
ZWH_EXTERN int zwh_host_new(uv_loop_t *loop, zwh_host_t **out);
/** The port: "/dev/ttyACM0", "/dev/serial/by-id/...", "tcp://HOST:PORT". Copied.
 * ZWH_EINVAL for an empty or too long URL, or once started. */
ZWH_EXTERN int zwh_host_set_port(zwh_host_t *host, const char *url);
/** Installs the event callback (NULL: events are dropped). `user` is passed back as is. */
ZWH_EXTERN int zwh_host_set_event_cb(zwh_host_t *host, zwh_event_cb cb, void *user);
/** Log sink: level ZWH_LOG_*; flags ZWH_LOG_SHOW_USER_CODES; cb NULL = silent. The
 * callback runs on the loop's thread; its line is valid during the call only. */
ZWH_EXTERN int zwh_host_set_log(zwh_host_t *host, zwh_log_cb cb, int level, unsigned flags, void *user);
/** Sets one ZWH_TIMEOUT_* (`which`) in milliseconds, before start. ZWH_EINVAL for an
 * unknown `which`, a zero ACK/RES/callback timeout, or once started. */
ZWH_EXTERN int zwh_host_set_timeout(zwh_host_t *host, int which, uint32_t ms);
/** Reconnection back-off after a drop or a failed open: first retry after min_ms,
 * doubling up to max_ms. min_ms = 0 disables reconnection. Default 500/16000. */
ZWH_EXTERN int zwh_host_set_reconnect(zwh_host_t *host, uint32_t min_ms, uint32_t max_ms);
/** Installs the callback zwh_host_wakeup() triggers (may be set at any time on the loop's
 * thread, or before start). */
ZWH_EXTERN int zwh_host_set_wakeup_cb(zwh_host_t *host, zwh_wakeup_cb cb, void *user);
/** Opens the port and runs start-up; ZWH_EVENT_CONNECTED, then ZWH_EVENT_READY (or
 * ZWH_EVENT_ERROR) follow on the loop. Returns 0, ZWH_EINVAL (no port set),
 * ZWH_EALREADY (started), or the error of loading the state (zwhost/storage.h). */
ZWH_EXTERN int zwh_host_start(zwh_host_t *host);
/** Thread-safe (the only such call; it wraps uv_async_send): schedules the wakeup
 * callback on the loop thread. Returns 0 or uv_async_send's error. The host must not be
 * freed yet: a binding stops calling it once its close callback has run. */
ZWH_EXTERN int zwh_host_wakeup(zwh_host_t *host);
/** Closes the host asynchronously: every pending operation completes with ZWH_ECANCELED,
 * the state is saved, the port closes, then `cb` (may be NULL) runs once on the loop's
 * thread and the host is freed. No event or wakeup callback runs after this call.
 * Returns 0, or ZWH_EALREADY when called twice. */
ZWH_EXTERN int zwh_host_close(zwh_host_t *host, zwh_close_cb cb, void *user);

/** @name Private-loop run modes (zwh_host_run())
 * @{ */
#define ZWH_RUN_DEFAULT 0 /**< run until nothing is left (after close: frees the loop) */
#define ZWH_RUN_ONCE 1    /**< one iteration, blocking for I/O */
#define ZWH_RUN_NOWAIT 2  /**< one iteration, without blocking */
/** @} */
/** Private-loop hosts only: runs the loop in a ZWH_RUN_* mode as uv_run does. After the
 * close callback has run, ZWH_RUN_DEFAULT returns and frees the loop and the host.
 * Returns uv_run's result, or ZWH_EINVAL for a host on the application's loop. */
ZWH_EXTERN int zwh_host_run(zwh_host_t *host, int mode);
/** The loop the host runs on (the application's or its private one); owned by whoever
 * created it, valid until the host is freed. */
ZWH_EXTERN uv_loop_t *zwh_host_get_loop(zwh_host_t *host);
/** The ZWH_HOST_* state. */
ZWH_EXTERN int zwh_host_get_state(const zwh_host_t *host);
/** @} */

/** @name Controller and node facts
 * Getters copy into caller-owned structs; they send nothing and run on the loop's thread.
 * Controller facts are valid once ZWH_EVENT_READY was delivered (ZWH_ENOTCONN before).
 * @{ */
/** What start-up learned about the stick. Plain data; `reserved` is zero. */
typedef struct zwh_controller_info {
    uint32_t home_id;             /**< the network's home id */
    uint16_t node_id;             /**< the controller's own node id */
    uint16_t suc_node_id;         /**< 0 = none */
    char library_version[32];     /**< "Z-Wave 7.19" (NUL-terminated) */
    uint8_t library_type;         /**< 1 static controller, 2 controller, 7 bridge, ... */
    uint8_t api_version;          /**< Serial API version from GetSerialApiInitData */
    uint8_t api_capabilities;     /**< 0x01 end node API, 0x02 timer, 0x04 secondary, 0x08 SIS */
    uint8_t controller_capabilities; /**< GetControllerCapabilities flags */
    uint8_t chip_type;            /**< 5 = 500, 7 = 700, 8 = 800 series */
    uint8_t chip_version;         /**< chip revision */
    uint8_t app_version;          /**< stick firmware version */
    uint8_t app_revision;         /**< stick firmware revision */
    uint16_t manufacturer_id;     /**< the stick's manufacturer id */
    uint16_t product_type;        /**< the stick's product type */
    uint16_t product_id;          /**< the stick's product id */
    uint8_t protocol_major;       /**< protocol version, 0 when not reported */
    uint8_t protocol_minor;       /**< protocol version, 0 when not reported */
    uint8_t protocol_patch;       /**< protocol version, 0 when not reported */
    uint8_t rf_region;            /**< 0 EU, 1 US, ... 9 US-LR, 0x0B EU-LR, 0xFE unknown */
    uint8_t max_payload;          /**< classic RF payload limit, 0 unknown */
    uint8_t max_payload_lr;       /**< Long Range payload limit, 0 unknown */
    uint8_t is_primary;           /**< 1 = primary controller */
    uint8_t is_sis;               /**< 1 = SIS */
    uint8_t long_range;           /**< 1 = Long Range capable */
    uint8_t nodeid16;             /**< 1 = 16-bit node ids on the Serial API */
    uint8_t tx_status_report;     /**< 1 = SendData callbacks carry a TX status report */
    uint8_t function_mask[32];    /**< bit f-1 = Serial API function f supported */
    uint16_t node_count;          /**< nodes in the table, the controller included */
    uint8_t reserved[6];          /**< always 0 */
} zwh_controller_info_t;

/** Protocol facts of one node (from the controller's node table). Plain data. */
typedef struct zwh_node_info {
    uint16_t node_id;             /**< 1..232, 256..4000 (Long Range) */
    uint8_t basic;                /**< basic device class */
    uint8_t generic;              /**< generic device class (zwh_generic_class_name()) */
    uint8_t specific;             /**< specific device class */
    uint8_t listening;            /**< 1 = always listening */
    uint8_t routing;              /**< 1 = routes for others */
    uint8_t beaming;              /**< 1 = beam capable */
    uint16_t flirs_ms;            /**< 0, 250 or 1000: frequently listening (wake-up beam) */
    uint8_t sleeping;             /**< 1 = neither listening nor FLiRS */
    uint8_t controller;           /**< 1 = a controller */
    uint8_t security_flag;        /**< protocol-level "security" capability bit */
    uint8_t protocol_version;     /**< protocol version from the node table */
    uint8_t long_range;           /**< 1 = a Long Range node */
    uint8_t reserved;             /**< always 0 */
    uint32_t max_speed;           /**< 9600, 40000, 100000 bit/s */
} zwh_node_info_t;

/** Copies the controller facts into *out. ZWH_ENOTCONN before the first READY. */
ZWH_EXTERN int zwh_host_get_controller_info(const zwh_host_t *host, zwh_controller_info_t *out);
/** Node ids in ascending order into ids[0..max) (caller-owned; NULL allowed with max 0);
 * *count gets the total, which may exceed max (call again with a larger array). */
ZWH_EXTERN int zwh_host_get_node_ids(const zwh_host_t *host, uint16_t *ids, size_t max, size_t *count);
/** Copies one node's protocol facts into *out. ZWH_ENONODE for an unknown node. */
ZWH_EXTERN int zwh_host_get_node_info(const zwh_host_t *host, uint16_t node_id, zwh_node_info_t *out);
/** The node's command classes: those of its node information frame (non-secure) into
 * ccs[0..max) and, once known, those it supports securely into secure_ccs[0..secure_max)
 * (caller-owned arrays; NULL with a 0 size). *count and *secure_count get the full
 * lengths, which may exceed the sizes. ZWH_ENONODE for an unknown node. */
ZWH_EXTERN int zwh_host_get_node_ccs(const zwh_host_t *host, uint16_t node_id, uint8_t *ccs, size_t max,
                                     size_t *count, uint8_t *secure_ccs, size_t secure_max, size_t *secure_count);
/** Completion of a per-node operation, on the loop's thread, exactly once: status 0 or a
 * ZWH_E* code (ZWH_ECANCELED when the host closes), and the node it concerns. */
typedef void (*zwh_node_cb)(zwh_host_t *host, int status, uint16_t node_id, void *user);
/** Asks the node for its node information frame (RequestNodeInfo); ZWH_EVENT_NODE_INFO
 * follows, then cb (may be NULL) with 0 or ZWH_ENODEACK. The host does this by
 * itself after start-up for every node whose NIF it has not seen. Returns 0, or
 * ZWH_ENONODE / ZWH_ENOTCONN without calling cb. */
ZWH_EXTERN int zwh_host_request_node_info(zwh_host_t *host, uint16_t node_id, zwh_node_cb cb, void *user);
/** (Re-)interviews a node: ZWH_EVENT_INTERVIEW progress, then ZWH_EVENT_NODE_READY
 * (zwhost/interview.h lists the steps, zwhost/node.h reads the results). The host
 * interviews by itself after an inclusion and at start-up for every node without saved
 * interview results. Returns 0, ZWH_ENONODE or ZWH_ENOTCONN. */
ZWH_EXTERN int zwh_host_interview(zwh_host_t *host, uint16_t node_id);
/** @} */

/** @name Names for logs and tools
 * Static strings, callable from any thread.
 * @{ */
/** "Binary Switch" for generic class 0x10, ...; NULL if unknown. */
ZWH_EXTERN const char *zwh_generic_class_name(uint8_t generic);
/** "EU", "US", "US Long Range", ... for an RF region. */
ZWH_EXTERN const char *zwh_rf_region_name(uint8_t region);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
