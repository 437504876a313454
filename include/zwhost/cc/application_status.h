/* zwhost — Application Status command class (0x22), version 1. A node answers
 * with these when it cannot handle a request now. */
#ifndef ZWHOST_CC_APPLICATION_STATUS_H
#define ZWHOST_CC_APPLICATION_STATUS_H

#include "zwhost/common.h"

#define ZWH_CC_APPLICATION_STATUS 0x22
#define ZWH_APPLICATION_STATUS_BUSY 0x01
#define ZWH_APPLICATION_STATUS_REJECTED_REQUEST 0x02

/* Busy statuses */
#define ZWH_APPLICATION_BUSY_TRY_LATER 0x00
#define ZWH_APPLICATION_BUSY_TRY_AFTER_WAIT 0x01 /* wait_time seconds */
#define ZWH_APPLICATION_BUSY_QUEUED 0x02         /* request queued, executed later */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zwh_application_status_busy {
    uint8_t status;    /* ZWH_APPLICATION_BUSY_* */
    uint8_t wait_time; /* seconds, meaningful with TRY_AFTER_WAIT */
} zwh_application_status_busy_t;

typedef struct zwh_application_status_rejected_request {
    uint8_t status; /* 0 */
} zwh_application_status_rejected_request_t;

ZWH_EXTERN int zwh_application_status_busy_encode(const zwh_application_status_busy_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_application_status_busy_decode(const uint8_t *frame, size_t len, zwh_application_status_busy_t *out);
ZWH_EXTERN int zwh_application_status_rejected_request_encode(const zwh_application_status_rejected_request_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_application_status_rejected_request_decode(const uint8_t *frame, size_t len, zwh_application_status_rejected_request_t *out);

#ifdef __cplusplus
}
#endif
#endif
