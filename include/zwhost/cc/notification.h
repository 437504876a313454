/** @file
 * zwhost — Notification command class (0x71), version 8; also Alarm v1/v2,
 * which share the class id. */
#ifndef ZWHOST_CC_NOTIFICATION_H
#define ZWHOST_CC_NOTIFICATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Notification frame. */
#define ZWH_CC_NOTIFICATION 0x71
/** Command identifiers: the second byte of a Notification frame. @{ */
#define ZWH_NOTIFICATION_EVENT_SUPPORTED_GET 0x01
#define ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT 0x02
#define ZWH_NOTIFICATION_GET 0x04
#define ZWH_NOTIFICATION_REPORT 0x05
#define ZWH_NOTIFICATION_SET 0x06
#define ZWH_NOTIFICATION_SUPPORTED_GET 0x07
#define ZWH_NOTIFICATION_SUPPORTED_REPORT 0x08
/** @} */

/** Notification types (not exhaustive) @{ */
#define ZWH_NOTIFICATION_SMOKE 0x01
#define ZWH_NOTIFICATION_CO 0x02
#define ZWH_NOTIFICATION_CO2 0x03
#define ZWH_NOTIFICATION_HEAT 0x04
#define ZWH_NOTIFICATION_WATER 0x05
#define ZWH_NOTIFICATION_ACCESS_CONTROL 0x06
#define ZWH_NOTIFICATION_HOME_SECURITY 0x07
#define ZWH_NOTIFICATION_POWER_MANAGEMENT 0x08
#define ZWH_NOTIFICATION_SYSTEM 0x09
#define ZWH_NOTIFICATION_EMERGENCY 0x0A
#define ZWH_NOTIFICATION_CLOCK 0x0B
#define ZWH_NOTIFICATION_REQUEST_PENDING 0xFF /**< Get: first pending notification */
/** @} */

/** Access Control events used by locks @{ */
#define ZWH_NOTIFICATION_AC_MANUAL_LOCK 0x01
#define ZWH_NOTIFICATION_AC_MANUAL_UNLOCK 0x02
#define ZWH_NOTIFICATION_AC_RF_LOCK 0x03
#define ZWH_NOTIFICATION_AC_RF_UNLOCK 0x04
#define ZWH_NOTIFICATION_AC_KEYPAD_LOCK 0x05
#define ZWH_NOTIFICATION_AC_KEYPAD_UNLOCK 0x06
#define ZWH_NOTIFICATION_AC_LOCK_JAMMED 0x0B
#define ZWH_NOTIFICATION_AC_ALL_CODES_DELETED 0x0C
#define ZWH_NOTIFICATION_AC_CODE_DELETED 0x0D
#define ZWH_NOTIFICATION_AC_CODE_ADDED 0x0E
#define ZWH_NOTIFICATION_AC_CODE_DUPLICATE 0x0F
/** @} */

/** Notification Set status: reports of the type disabled (0x00) or enabled (0xFF). @{ */
#define ZWH_NOTIFICATION_STATUS_OFF 0x00
#define ZWH_NOTIFICATION_STATUS_ON 0xFF
/** @} */
#define ZWH_NOTIFICATION_MAX_PARAMS 31 /**< 5-bit length field */
#define ZWH_NOTIFICATION_MAX_MASK 31 /**< bytes of a supported-types or supported-events mask kept (5-bit length) */

#ifdef __cplusplus
extern "C" {
#endif

/** Notification/Alarm Report. Alarm v1 carries only v1_type and v1_level
 * (has_notification = 0). From v2 on: status, type, event and up to 31 bytes of
 * event parameters; v4+ may add a sequence number (has_sequence = 1). */
typedef struct zwh_notification_report {
    uint8_t v1_type; /**< Alarm type (V1, manufacturer-defined; 0 from V2 on when unused) */
    uint8_t v1_level; /**< Alarm level (V1, manufacturer-defined) */
    uint8_t has_notification; /**< 1 = the V2+ fields below are present */
    uint8_t status; /**< 0x00 notifications off, 0xFF on (0xFE: no pending notification) */
    uint8_t type; /**< notification type, ZWH_NOTIFICATION_* */
    uint8_t event; /**< event of the type (0 idle, 0xFE unknown) */
    uint8_t params_len; /**< bytes used in params */
    uint8_t params[ZWH_NOTIFICATION_MAX_PARAMS]; /**< event parameters (e.g. a user id, or an encapsulated command) */
    uint8_t has_sequence; /**< 1 = sequence is present (V4+) */
    uint8_t sequence; /**< sequence number */
} zwh_notification_report_t;

/** Notification Get. V1: v1_type only; v2: + type (has_type); v3+: + event
 * (has_event, requires has_type). */
typedef struct zwh_notification_get {
    uint8_t v1_type; /**< Alarm type (V1), 0 when unused */
    uint8_t has_type; /**< 1 = type is present (V2+) */
    uint8_t type; /**< notification type, 0xFF = the first with a pending notification */
    uint8_t has_event; /**< 1 = event is present (V3+) */
    uint8_t event; /**< event asked for */
} zwh_notification_get_t;

/** Notification Set (v2+): enable (0xFF) or disable (0x00) a type. */
typedef struct zwh_notification_set {
    uint8_t type; /**< notification type */
    uint8_t status; /**< ZWH_NOTIFICATION_STATUS_OFF or ZWH_NOTIFICATION_STATUS_ON */
} zwh_notification_set_t;

/** Supported Report: bit n of mask = type n supported (bit 0 reserved). */
typedef struct zwh_notification_supported_report {
    uint8_t v1_alarm; /**< 1 = the node also sends V1 Alarm types */
    uint8_t mask_len; /**< 1..31 */
    uint8_t mask[ZWH_NOTIFICATION_MAX_MASK]; /**< bit n = notification type n is supported */
} zwh_notification_supported_report_t;

/** Event Supported Get (V3+): one notification type. */
typedef struct zwh_notification_event_supported_get {
    uint8_t type; /**< notification type asked about */
} zwh_notification_event_supported_get_t;

/** Event Supported Report: bit n of mask = event n supported for type. */
typedef struct zwh_notification_event_supported_report {
    uint8_t type; /**< the notification type described */
    uint8_t mask_len; /**< 0..31 */
    uint8_t mask[ZWH_NOTIFICATION_MAX_MASK]; /**< bit n = event n is supported */
} zwh_notification_event_supported_report_t;

/** @name Notification codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_notification_report_encode(const zwh_notification_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_report_decode(const uint8_t *frame, size_t len, zwh_notification_report_t *out);
ZWH_EXTERN int zwh_notification_get_encode(const zwh_notification_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_get_decode(const uint8_t *frame, size_t len, zwh_notification_get_t *out);
ZWH_EXTERN int zwh_notification_set_encode(const zwh_notification_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_set_decode(const uint8_t *frame, size_t len, zwh_notification_set_t *out);
ZWH_EXTERN int zwh_notification_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_supported_report_encode(const zwh_notification_supported_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_supported_report_decode(const uint8_t *frame, size_t len, zwh_notification_supported_report_t *out);
ZWH_EXTERN int zwh_notification_event_supported_get_encode(const zwh_notification_event_supported_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_event_supported_get_decode(const uint8_t *frame, size_t len, zwh_notification_event_supported_get_t *out);
ZWH_EXTERN int zwh_notification_event_supported_report_encode(const zwh_notification_event_supported_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_notification_event_supported_report_decode(const uint8_t *frame, size_t len, zwh_notification_event_supported_report_t *out);
/** @} */

/** "access_control", or NULL for a type the table does not know. Static string. */
ZWH_EXTERN const char *zwh_notification_get_type_name(uint8_t type);
/** "keypad_unlock", "idle" (event 0), "unknown" (0xFE), or NULL. Static string. */
ZWH_EXTERN const char *zwh_notification_get_event_name(uint8_t type, uint8_t event);

#ifdef __cplusplus
}
#endif
#endif
