/** @file
 * zwhost — Device Reset Locally command class (0x5A), version 1. A node sends
 * the Notification to its Lifeline just before it resets to factory defaults. */
#ifndef ZWHOST_CC_DEVICE_RESET_LOCALLY_H
#define ZWHOST_CC_DEVICE_RESET_LOCALLY_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Device Reset Locally frame. */
#define ZWH_CC_DEVICE_RESET_LOCALLY 0x5A
/** Command identifier: the second byte of a Device Reset Locally frame. */
#define ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION 0x01

#ifdef __cplusplus
extern "C" {
#endif

/** Writes the 2-byte Notification into out[0..cap). Returns 2, or ZWH_EMSGSIZE when cap < 2. */
ZWH_EXTERN int zwh_device_reset_locally_notification_encode(uint8_t *out, size_t cap);
/** 0 if frame is a Device Reset Locally Notification, else ZWH_EBADMSG. */
ZWH_EXTERN int zwh_device_reset_locally_notification_decode(const uint8_t *frame, size_t len);

#ifdef __cplusplus
}
#endif
#endif
