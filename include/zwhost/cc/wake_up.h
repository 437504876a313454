/* zwhost — Wake Up command class (0x84), version 2 (the v3 on-demand bit is
 * decoded too). */
#ifndef ZWHOST_CC_WAKE_UP_H
#define ZWHOST_CC_WAKE_UP_H

#include "zwhost/common.h"

#define ZWH_CC_WAKE_UP 0x84
#define ZWH_WAKE_UP_INTERVAL_SET 0x04
#define ZWH_WAKE_UP_INTERVAL_GET 0x05
#define ZWH_WAKE_UP_INTERVAL_REPORT 0x06
#define ZWH_WAKE_UP_NOTIFICATION 0x07
#define ZWH_WAKE_UP_NO_MORE_INFORMATION 0x08
#define ZWH_WAKE_UP_INTERVAL_CAPABILITIES_GET 0x09
#define ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT 0x0A

#define ZWH_WAKE_UP_MAX_SECONDS 0xFFFFFFu /* 24-bit */

#ifdef __cplusplus
extern "C" {
#endif

/* Interval Set / Report: seconds 0..0xFFFFFF (0 = never wake up on a timer),
 * node_id the node to notify (1..232; a Report may carry 0 = none yet). */
typedef struct zwh_wake_up_interval_set {
    uint32_t seconds;
    uint16_t node_id;
} zwh_wake_up_interval_set_t;
typedef zwh_wake_up_interval_set_t zwh_wake_up_interval_report_t;

/* Interval Capabilities Report (v2); has_v3 = 1 adds on_demand. */
typedef struct zwh_wake_up_interval_capabilities_report {
    uint32_t min_seconds;
    uint32_t max_seconds;
    uint32_t default_seconds;
    uint32_t step_seconds;
    uint8_t has_v3;
    uint8_t on_demand;
} zwh_wake_up_interval_capabilities_report_t;

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

#ifdef __cplusplus
}
#endif
#endif
