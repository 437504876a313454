/** @file
 * zwhost — Protection command class (0x75), version 2. */
#ifndef ZWHOST_CC_PROTECTION_H
#define ZWHOST_CC_PROTECTION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Protection frame. */
#define ZWH_CC_PROTECTION 0x75
/** Command identifiers: the second byte of a Protection frame. @{ */
#define ZWH_PROTECTION_SET 0x01
#define ZWH_PROTECTION_GET 0x02
#define ZWH_PROTECTION_REPORT 0x03
#define ZWH_PROTECTION_SUPPORTED_GET 0x04
#define ZWH_PROTECTION_SUPPORTED_REPORT 0x05
#define ZWH_PROTECTION_EXCLUSIVE_CONTROL_SET 0x06
#define ZWH_PROTECTION_EXCLUSIVE_CONTROL_GET 0x07
#define ZWH_PROTECTION_EXCLUSIVE_CONTROL_REPORT 0x08
#define ZWH_PROTECTION_TIMEOUT_SET 0x09
#define ZWH_PROTECTION_TIMEOUT_GET 0x0A
#define ZWH_PROTECTION_TIMEOUT_REPORT 0x0B
/** @} */

/** Local states @{ */
#define ZWH_PROTECTION_LOCAL_UNPROTECTED 0x00
#define ZWH_PROTECTION_LOCAL_SEQUENCE 0x01   /**< protection by sequence */
#define ZWH_PROTECTION_LOCAL_NO_OPERATION 0x02
/** @} */
/** RF states @{ */
#define ZWH_PROTECTION_RF_UNPROTECTED 0x00
#define ZWH_PROTECTION_RF_NO_CONTROL 0x01
#define ZWH_PROTECTION_RF_NO_RESPONSE 0x02
/** @} */

/** Timeout byte: 0x00 none, 0x01-0x3C 1-60 s, 0x41-0xFE 2-191 min, 0xFF infinite. @{ */
#define ZWH_PROTECTION_TIMEOUT_NONE 0x00
#define ZWH_PROTECTION_TIMEOUT_INFINITE 0xFF
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Set / Report. V1 carries only local_state; V2 (has_rf = 1) adds rf_state. */
typedef struct zwh_protection_set {
    uint8_t local_state; /**< ZWH_PROTECTION_LOCAL_* */
    uint8_t has_rf; /**< 1 = rf_state is present (V2) */
    uint8_t rf_state; /**< ZWH_PROTECTION_RF_* */
} zwh_protection_set_t;
/** Protection Report: the fields of Set. */
typedef zwh_protection_set_t zwh_protection_report_t;

/** Supported Report: bit n of local_states / rf_states = state n supported. */
typedef struct zwh_protection_supported_report {
    uint8_t timeout; /**< 1 = RF protection timeout supported */
    uint8_t exclusive_control; /**< 1 = exclusive control supported */
    uint16_t local_states; /**< bit n = local state n is supported */
    uint16_t rf_states; /**< bit n = RF state n is supported */
} zwh_protection_supported_report_t;

/** Exclusive Control Set / Report: node_id 0 = nobody has exclusive control. */
typedef struct zwh_protection_exclusive_control {
    uint16_t node_id; /**< the node with exclusive control, 0 = nobody */
} zwh_protection_exclusive_control_t;
/** Exclusive Control Set: a zwh_protection_exclusive_control_t. */
typedef zwh_protection_exclusive_control_t zwh_protection_exclusive_control_set_t;
/** Exclusive Control Report: a zwh_protection_exclusive_control_t. */
typedef zwh_protection_exclusive_control_t zwh_protection_exclusive_control_report_t;

/** Timeout Set / Report: the RF protection timeout byte. */
typedef struct zwh_protection_timeout {
    uint8_t timeout; /**< ZWH_PROTECTION_TIMEOUT_NONE, 0x01-0x3C seconds, 0x41-0xFE minutes, ZWH_PROTECTION_TIMEOUT_INFINITE */
} zwh_protection_timeout_t;
/** Timeout Set: a zwh_protection_timeout_t. */
typedef zwh_protection_timeout_t zwh_protection_timeout_set_t;
/** Timeout Report: a zwh_protection_timeout_t. */
typedef zwh_protection_timeout_t zwh_protection_timeout_report_t;

/** @name Protection codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_protection_set_encode(const zwh_protection_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_set_decode(const uint8_t *frame, size_t len, zwh_protection_set_t *out);
ZWH_EXTERN int zwh_protection_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_report_encode(const zwh_protection_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_report_decode(const uint8_t *frame, size_t len, zwh_protection_report_t *out);
ZWH_EXTERN int zwh_protection_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_supported_report_encode(const zwh_protection_supported_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_supported_report_decode(const uint8_t *frame, size_t len, zwh_protection_supported_report_t *out);
ZWH_EXTERN int zwh_protection_exclusive_control_set_encode(const zwh_protection_exclusive_control_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_exclusive_control_set_decode(const uint8_t *frame, size_t len, zwh_protection_exclusive_control_set_t *out);
ZWH_EXTERN int zwh_protection_exclusive_control_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_exclusive_control_report_encode(const zwh_protection_exclusive_control_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_exclusive_control_report_decode(const uint8_t *frame, size_t len, zwh_protection_exclusive_control_report_t *out);
ZWH_EXTERN int zwh_protection_timeout_set_encode(const zwh_protection_timeout_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_timeout_set_decode(const uint8_t *frame, size_t len, zwh_protection_timeout_set_t *out);
ZWH_EXTERN int zwh_protection_timeout_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_timeout_report_encode(const zwh_protection_timeout_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_protection_timeout_report_decode(const uint8_t *frame, size_t len, zwh_protection_timeout_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
