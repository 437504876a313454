/** @file
 * zwhost — Supervision command class (0x6C), version 2: frame codecs (the
 * session bookkeeping lives in the encapsulation layer). */
#ifndef ZWHOST_CC_SUPERVISION_H
#define ZWHOST_CC_SUPERVISION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Supervision frame. */
#define ZWH_CC_SUPERVISION 0x6C
/** Command identifiers: the second byte of a Supervision frame. @{ */
#define ZWH_SUPERVISION_GET 0x01
#define ZWH_SUPERVISION_REPORT 0x02
/** @} */

/** Supervision Report status values (zwh_supervision_report_t.status). @{ */
#define ZWH_SUPERVISION_NO_SUPPORT 0x00
#define ZWH_SUPERVISION_WORKING 0x01
#define ZWH_SUPERVISION_FAIL 0x02
#define ZWH_SUPERVISION_SUCCESS 0xFF
/** @} */

#define ZWH_SUPERVISION_MAX_SESSION 63 /**< highest session id (6 bits) */

#ifdef __cplusplus
extern "C" {
#endif

/** Supervision Get. The encapsulated command is passed to the encoder
 * separately; the decoder reports where it lies in the frame:
 * frame[cmd_offset .. cmd_offset + cmd_len). */
typedef struct zwh_supervision_get {
    uint8_t status_updates; /**< 0/1: the sender wants WORKING reports */
    uint8_t session_id;     /**< 0..63 */
    uint16_t cmd_offset; /**< decoder: offset of the encapsulated command in the frame */
    uint16_t cmd_len; /**< decoder: length of the encapsulated command */
} zwh_supervision_get_t;

/** Supervision Report. wake_up_request is v2. */
typedef struct zwh_supervision_report {
    uint8_t more_updates;    /**< 0/1 */
    uint8_t wake_up_request; /**< 0/1 */
    uint8_t session_id;      /**< 0..63 */
    uint8_t status;          /**< ZWH_SUPERVISION_* */
    uint8_t duration; /**< with WORKING: time left, 0x00-0x7F seconds, 0x80-0xFD minutes, 0xFE unknown */
} zwh_supervision_report_t;

/** Encodes a Supervision Get around `cmd`.
 * @param in      session id and status_updates; in->cmd_offset and in->cmd_len are ignored
 * @param cmd     the command to supervise (class byte first); borrowed for the call
 * @param cmd_len its length, 1..255
 * @param out     receives the frame
 * @param cap     size of out
 * @return bytes written, ZWH_EINVAL (a NULL pointer, session id > 63, status_updates > 1,
 *         cmd_len 0 or > 255) or ZWH_EMSGSIZE. Pure: callable from any thread. */
ZWH_EXTERN int zwh_supervision_get_encode(const zwh_supervision_get_t *in, const uint8_t *cmd, size_t cmd_len,
                                          uint8_t *out, size_t cap);
/** Decodes a Supervision Get; the encapsulated command is out->cmd_len bytes at
 * frame + out->cmd_offset (not copied). @return 0 or ZWH_EBADMSG (another command,
 * truncated, or an encapsulated length that overruns the frame). */
ZWH_EXTERN int zwh_supervision_get_decode(const uint8_t *frame, size_t len, zwh_supervision_get_t *out);
/** Encodes a Supervision Report. @return bytes written, ZWH_EINVAL (an unknown status, a
 * flag > 1, session id > 63) or ZWH_EMSGSIZE. */
ZWH_EXTERN int zwh_supervision_report_encode(const zwh_supervision_report_t *in, uint8_t *out, size_t cap);
/** Decodes a Supervision Report. @return 0 or ZWH_EBADMSG. */
ZWH_EXTERN int zwh_supervision_report_decode(const uint8_t *frame, size_t len, zwh_supervision_report_t *out);

#ifdef __cplusplus
}
#endif
#endif
