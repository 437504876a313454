/** @file
 * zwhost — sending commands to nodes.
 *
 * zwh_host_send() queues one application command (class, command, fields) for
 * a node and runs it through the send pipeline of DESIGN.md:
 *   [Supervision Get] -> [Multi Channel] -> [S2 | S0] -> [Transport Service] -> SendData
 * choosing each stage from what the host knows of the node (its command
 * classes, granted security classes, listening mode and payload limit).
 *
 * Each node has a queue and runs one transaction at a time; interactive sends
 * go before background ones (interview, polls). A transaction ends:
 *   - for a Get (opts.expect_cc set): with the matching report, or ZWH_ETIMEDOUT;
 *   - for a supervised command: with the final Supervision status (SUCCESS -> 0,
 *     FAIL -> ZWH_ESUPERVISION_FAIL, NO_SUPPORT -> ZWH_ESUPERVISION_NOSUP);
 *     WORKING reports extend the deadline by their duration and reach the
 *     callback as progress calls (zwh_result_is_final() == 0) first;
 *   - otherwise when the node acknowledged the frame (or ZWH_ENODEACK).
 * Commands to a sleeping node wait for its Wake Up Notification; the host then
 * sends Wake Up No More Information when the node's queue is empty. A node
 * that stops acknowledging is marked dead (ZWH_EVENT_NODE_DEAD) and its queue
 * fails fast with ZWH_ENODEDEAD until it is heard from again; a No Operation
 * (cmd = {0x00}) is still sent to a dead node, as a ping.
 *
 * The callback runs on the loop thread, never from inside zwh_host_send(); it
 * is called exactly once with a final result (0, a ZWH_E* code, or
 * ZWH_ECANCELED when the host closes), after zero or more progress calls.
 * Sending needs a ready host; all calls here run on the loop's thread. */
#ifndef ZWHOST_SEND_H
#define ZWHOST_SEND_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Opaque result of a send, handed to the send callback; read it with the
 * zwh_result_get_*() getters during the callback only. */
typedef struct zwh_result zwh_result_t;

/** @name Send flags (zwh_send_opts_t.flags)
 * @{ */
#define ZWH_SEND_SUPERVISE 0x01      /**< wrap in Supervision Get (when the node supports it) */
#define ZWH_SEND_NO_SUPERVISION 0x02 /**< never wrap, even where the host would by default */
#define ZWH_SEND_BACKGROUND 0x04     /**< low priority: after every interactive command */
#define ZWH_SEND_NO_WAIT_WAKEUP 0x08 /**< sleeping node: fail with ZWH_ENODEACK instead of waiting */
/** @} */

/** zwh_send_opts_t.secclass: the host chooses (highest granted class); otherwise a
 * ZWH_SECCLASS_* to force. */
#define ZWH_SEND_SECCLASS_AUTO (-3)

/** Options of one send. Initialise with zwh_send_opts_init(), then change fields.
 * Plain data, read during zwh_host_send() only. */
typedef struct zwh_send_opts {
    uint8_t endpoint;    /**< Multi Channel endpoint, 0 = root device */
    uint8_t flags;       /**< ZWH_SEND_* */
    uint8_t expect_cc;   /**< != 0: wait for a report of this class ... */
    uint8_t expect_cmd;  /**< ... and this command */
    uint8_t match_index; /**< != 0: the report's byte [match_index] (0 = class byte) ... */
    uint8_t match_value; /**< ... must equal this (e.g. the parameter of a Configuration Report) */
    int8_t secclass;     /**< ZWH_SEND_SECCLASS_AUTO (default) or ZWH_SECCLASS_* */
    uint8_t reserved;    /**< 0 */
    uint32_t timeout_ms; /**< the whole transaction from the moment it starts (time spent
                              queued behind other transactions of the node not counted);
                              0 = 10000 */
} zwh_send_opts_t;

/** Send completion, on the loop's thread: zero or more progress calls
 * (zwh_result_is_final() == 0, Supervision WORKING) and then exactly one final call.
 * `res` and the report read from it are valid only during the call. */
typedef void (*zwh_send_cb)(zwh_host_t *host, const zwh_result_t *res, void *user);

/** Default options: root device, automatic security and supervision, 10 s. */
ZWH_EXTERN void zwh_send_opts_init(zwh_send_opts_t *opts);

/** Largest command zwh_host_send() takes, in bytes. */
#define ZWH_SEND_MAX 1024
/** Queues cmd (1..ZWH_SEND_MAX bytes, copied: the caller's buffer is free on return) for
 * node_id. opts may be NULL (defaults; read during the call only), cb may be NULL (fire
 * and forget). `user` is passed to cb untouched. *request_id (may be NULL) gets an id for
 * zwh_host_cancel(). Returns 0 when queued (cb follows, never from inside this call), or
 * an error without traffic and without a callback: ZWH_EINVAL (bad arguments),
 * ZWH_ENONODE (no such node), ZWH_ENOTCONN (host not ready), ZWH_ENODEDEAD (node marked
 * dead), ZWH_ENOSPC (queue full), ZWH_ENOKEY (the forced class is not granted). */
ZWH_EXTERN int zwh_host_send(zwh_host_t *host, uint16_t node_id, const uint8_t *cmd, size_t len,
                             const zwh_send_opts_t *opts, zwh_send_cb cb, void *user, uint32_t *request_id);
/** Cancels a queued or running transaction: its callback gets ZWH_ECANCELED (on a later
 * loop turn). Returns 0, or ZWH_ENOENT when the id is unknown or already completed. */
ZWH_EXTERN int zwh_host_cancel(zwh_host_t *host, uint32_t request_id);

/** @name Result getters
 * Valid during the send callback only, with the `res` it was given.
 * @{ */
/** 0 or a ZWH_E* code (ZWH_ESUPERVISION_FAIL, ZWH_ETIMEDOUT, ZWH_ENODEACK, ...). */
ZWH_EXTERN int zwh_result_get_status(const zwh_result_t *res);
/** 1 for the final call, 0 for a progress call. */
ZWH_EXTERN int zwh_result_is_final(const zwh_result_t *res);
/** The id zwh_host_send() gave. */
ZWH_EXTERN uint32_t zwh_result_get_request_id(const zwh_result_t *res);
/** The node the command was sent to. */
ZWH_EXTERN uint16_t zwh_result_get_node_id(const zwh_result_t *res);
/** Supervision status of a supervised command (ZWH_SUPERVISION_*), or -1. */
ZWH_EXTERN int zwh_result_get_supervision_status(const zwh_result_t *res);
/** Duration of a WORKING report (Supervision encoding), 0 otherwise. */
ZWH_EXTERN int zwh_result_get_duration(const zwh_result_t *res);
/** The matching report of a Get (class byte first), borrowed for the callback; *len (may
 * not be NULL) gets its length. NULL when none. */
ZWH_EXTERN const uint8_t *zwh_result_get_report(const zwh_result_t *res, size_t *len);
/** Security class the command went out under (ZWH_SECCLASS_NONE = plaintext). */
ZWH_EXTERN int zwh_result_get_secclass(const zwh_result_t *res);
/** ACK RSSI of the last SendData in dBm, 127 when unknown. */
ZWH_EXTERN int zwh_result_get_rssi(const zwh_result_t *res);
/** @} */

#ifdef __cplusplus
}
#endif

#endif
