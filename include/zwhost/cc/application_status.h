/** @file
 * zwhost — Application Status command class (0x22), version 1. A node answers
 * with these when it cannot handle a request now. */
#ifndef ZWHOST_CC_APPLICATION_STATUS_H
#define ZWHOST_CC_APPLICATION_STATUS_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Application Status frame. */
#define ZWH_CC_APPLICATION_STATUS 0x22
/** Command identifiers: the second byte of a Application Status frame. @{ */
#define ZWH_APPLICATION_STATUS_BUSY 0x01
#define ZWH_APPLICATION_STATUS_REJECTED_REQUEST 0x02
/** @} */

/** Busy statuses @{ */
#define ZWH_APPLICATION_BUSY_TRY_LATER 0x00
#define ZWH_APPLICATION_BUSY_TRY_AFTER_WAIT 0x01 /**< wait_time seconds */
#define ZWH_APPLICATION_BUSY_QUEUED 0x02         /**< request queued, executed later */
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Application Busy: the node cannot handle the request now; status says when to retry. */
typedef struct zwh_application_status_busy {
    uint8_t status;    /**< ZWH_APPLICATION_BUSY_* */
    uint8_t wait_time; /**< seconds, meaningful with TRY_AFTER_WAIT */
} zwh_application_status_busy_t;

/** Application Rejected Request: the node supports the command but refused it in its current state. */
typedef struct zwh_application_status_rejected_request {
    uint8_t status; /**< 0 */
} zwh_application_status_rejected_request_t;

/** @name Application Status codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_application_status_busy_encode(const zwh_application_status_busy_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_application_status_busy_decode(const uint8_t *frame, size_t len, zwh_application_status_busy_t *out);
ZWH_EXTERN int zwh_application_status_rejected_request_encode(const zwh_application_status_rejected_request_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_application_status_rejected_request_decode(const uint8_t *frame, size_t len, zwh_application_status_rejected_request_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
