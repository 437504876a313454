/** @file
 * zwhost — Wake Up command class (0x84), version 2 (the v3 on-demand bit is
 * decoded too). */
#ifndef ZWHOST_CC_WAKE_UP_H
#define ZWHOST_CC_WAKE_UP_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Wake Up frame. */
#define ZWH_CC_WAKE_UP 0x84
/** Command identifiers: the second byte of a Wake Up frame. @{ */
#define ZWH_WAKE_UP_INTERVAL_SET 0x04
#define ZWH_WAKE_UP_INTERVAL_GET 0x05
#define ZWH_WAKE_UP_INTERVAL_REPORT 0x06
#define ZWH_WAKE_UP_NOTIFICATION 0x07
#define ZWH_WAKE_UP_NO_MORE_INFORMATION 0x08
#define ZWH_WAKE_UP_INTERVAL_CAPABILITIES_GET 0x09
#define ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT 0x0A
/** @} */

#define ZWH_WAKE_UP_MAX_SECONDS 0xFFFFFFu /**< 24-bit */

#ifdef __cplusplus
extern "C" {
#endif

/** Interval Set / Report: seconds 0..0xFFFFFF (0 = never wake up on a timer),
 * node_id the node to notify (1..232; a Report may carry 0 = none yet). */
typedef struct zwh_wake_up_interval_set {
    uint32_t seconds; /**< wake-up interval, 0..0xFFFFFF (0 = no timer wake-up) */
    uint16_t node_id; /**< node to notify on wake-up, 1..232 (a Report may carry 0) */
} zwh_wake_up_interval_set_t;
/** Interval Report: the fields of Set. */
typedef zwh_wake_up_interval_set_t zwh_wake_up_interval_report_t;

/** Interval Capabilities Report (v2); has_v3 = 1 adds on_demand. */
typedef struct zwh_wake_up_interval_capabilities_report {
    uint32_t min_seconds; /**< shortest interval */
    uint32_t max_seconds; /**< longest interval */
    uint32_t default_seconds; /**< factory default interval */
    uint32_t step_seconds; /**< interval resolution */
    uint8_t has_v3; /**< 1 = on_demand is present (V3) */
    uint8_t on_demand; /**< 1 = the node wakes up on a Wake Up On Demand request */
} zwh_wake_up_interval_capabilities_report_t;

/** @name Wake Up codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_wake_up_interval_set_encode(const zwh_wake_up_interval_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_set_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_set_t *out);
ZWH_EXTERN int zwh_wake_up_interval_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_report_encode(const zwh_wake_up_interval_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_report_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_report_t *out);
ZWH_EXTERN int zwh_wake_up_notification_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_no_more_information_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_capabilities_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_capabilities_report_encode(const zwh_wake_up_interval_capabilities_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_wake_up_interval_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_capabilities_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
