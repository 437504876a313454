/** @file
 * zwhost — Door Lock command class (0x62), version 4. */
#ifndef ZWHOST_CC_DOOR_LOCK_H
#define ZWHOST_CC_DOOR_LOCK_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Door Lock frame. */
#define ZWH_CC_DOOR_LOCK 0x62
/** Command identifiers: the second byte of a Door Lock frame. @{ */
#define ZWH_DOOR_LOCK_OPERATION_SET 0x01
#define ZWH_DOOR_LOCK_OPERATION_GET 0x02
#define ZWH_DOOR_LOCK_OPERATION_REPORT 0x03
#define ZWH_DOOR_LOCK_CONFIGURATION_SET 0x04
#define ZWH_DOOR_LOCK_CONFIGURATION_GET 0x05
#define ZWH_DOOR_LOCK_CONFIGURATION_REPORT 0x06
#define ZWH_DOOR_LOCK_CAPABILITIES_GET 0x07
#define ZWH_DOOR_LOCK_CAPABILITIES_REPORT 0x08
/** @} */

/** Door lock modes @{ */
#define ZWH_DOOR_LOCK_MODE_UNSECURED 0x00
#define ZWH_DOOR_LOCK_MODE_UNSECURED_TIMEOUT 0x01
#define ZWH_DOOR_LOCK_MODE_INSIDE_UNSECURED 0x10
#define ZWH_DOOR_LOCK_MODE_INSIDE_UNSECURED_TIMEOUT 0x11
#define ZWH_DOOR_LOCK_MODE_OUTSIDE_UNSECURED 0x20
#define ZWH_DOOR_LOCK_MODE_OUTSIDE_UNSECURED_TIMEOUT 0x21
#define ZWH_DOOR_LOCK_MODE_UNKNOWN 0xFE /**< reports only (v4) */
#define ZWH_DOOR_LOCK_MODE_SECURED 0xFF
/** @} */

/** Door condition bits: set = closed / unlocked / closed @{ */
#define ZWH_DOOR_LOCK_COND_DOOR_CLOSED 0x01
#define ZWH_DOOR_LOCK_COND_BOLT_UNLOCKED 0x02
#define ZWH_DOOR_LOCK_COND_LATCH_CLOSED 0x04
/** @} */

/** Operation types @{ */
#define ZWH_DOOR_LOCK_OP_CONSTANT 0x01
#define ZWH_DOOR_LOCK_OP_TIMED 0x02
/** @} */

/** Lock timeout minutes/seconds when not in timed operation */
#define ZWH_DOOR_LOCK_TIMEOUT_NONE 0xFE

#define ZWH_DOOR_LOCK_MAX_MODES 16 /**< most modes a Capabilities Report lists (and that are kept) */

#ifdef __cplusplus
extern "C" {
#endif

/** Operation Set: mode is one of ZWH_DOOR_LOCK_MODE_* (0xFE is refused). */
typedef struct zwh_door_lock_operation_set {
    uint8_t mode; /**< ZWH_DOOR_LOCK_MODE_* except UNKNOWN */
} zwh_door_lock_operation_set_t;

/** Operation Report. Handle modes are 4-bit masks (bit n = handle n+1 can open
 * the door). Timeout 0xFE/0xFE when not in timed mode. V3+ adds target mode and
 * duration (has_target = 1). */
typedef struct zwh_door_lock_operation_report {
    uint8_t mode; /**< current ZWH_DOOR_LOCK_MODE_* */
    uint8_t outside_handles; /**< 0..15 */
    uint8_t inside_handles;  /**< 0..15 */
    uint8_t condition;       /**< ZWH_DOOR_LOCK_COND_* bits */
    uint8_t timeout_minutes; /**< 0..253 or 0xFE */
    uint8_t timeout_seconds; /**< 0..59 or 0xFE */
    uint8_t has_target; /**< 1 = target_mode and duration are present (V3+) */
    uint8_t target_mode; /**< the mode the lock is moving to */
    uint8_t duration;        /**< 0x00-0x7F s, 0x80-0xFD min, 0xFE unknown */
} zwh_door_lock_operation_report_t;

/** Configuration Set / Report. V4 adds auto-relock, hold-and-release and the
 * two flags (has_v4 = 1). Times in seconds (0 = disabled). */
typedef struct zwh_door_lock_configuration {
    uint8_t operation_type;  /**< ZWH_DOOR_LOCK_OP_* */
    uint8_t outside_handles; /**< 0..15 */
    uint8_t inside_handles;  /**< 0..15 */
    uint8_t timeout_minutes; /**< timed: 0..253; constant: 0xFE */
    uint8_t timeout_seconds; /**< timed: 0..59;  constant: 0xFE */
    uint8_t has_v4; /**< 1 = the V4 fields below are present */
    uint16_t auto_relock_time; /**< seconds before the lock relocks, 0 = disabled (V4) */
    uint16_t hold_and_release_time; /**< seconds the latch is held open, 0 = disabled (V4) */
    uint8_t twist_assist;    /**< 0/1 */
    uint8_t block_to_block;  /**< 0/1 */
} zwh_door_lock_configuration_t;

/** Capabilities Report. */
typedef struct zwh_door_lock_capabilities_report {
    uint8_t operation_types;       /**< bit n = operation type n is supported (bit 0 reserved) */
    uint8_t nmodes; /**< entries used in modes */
    uint8_t modes[ZWH_DOOR_LOCK_MAX_MODES]; /**< the supported ZWH_DOOR_LOCK_MODE_* values */
    uint8_t outside_handles;       /**< supported handle mask 0..15 */
    uint8_t inside_handles; /**< supported inside handle mask 0..15 */
    uint8_t door_components;       /**< ZWH_DOOR_LOCK_COND_* bits: door, bolt, latch sensors */
    uint8_t auto_relock;           /**< flags 0/1 */
    uint8_t hold_and_release; /**< 1 = hold and release supported */
    uint8_t twist_assist; /**< 1 = twist assist supported */
    uint8_t block_to_block; /**< 1 = block to block supported */
} zwh_door_lock_capabilities_report_t;

/** @name Door Lock codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_door_lock_operation_set_encode(const zwh_door_lock_operation_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_operation_set_decode(const uint8_t *frame, size_t len, zwh_door_lock_operation_set_t *out);
ZWH_EXTERN int zwh_door_lock_operation_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_operation_report_encode(const zwh_door_lock_operation_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_operation_report_decode(const uint8_t *frame, size_t len, zwh_door_lock_operation_report_t *out);
ZWH_EXTERN int zwh_door_lock_configuration_set_encode(const zwh_door_lock_configuration_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_configuration_set_decode(const uint8_t *frame, size_t len, zwh_door_lock_configuration_t *out);
ZWH_EXTERN int zwh_door_lock_configuration_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_configuration_report_encode(const zwh_door_lock_configuration_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_configuration_report_decode(const uint8_t *frame, size_t len, zwh_door_lock_configuration_t *out);
ZWH_EXTERN int zwh_door_lock_capabilities_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_capabilities_report_encode(const zwh_door_lock_capabilities_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_door_lock_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_door_lock_capabilities_report_t *out);
/** @} */

/** "secured", "unsecured_timeout", ... or NULL. Static string. */
ZWH_EXTERN const char *zwh_door_lock_get_mode_name(uint8_t mode);

#ifdef __cplusplus
}
#endif
#endif
