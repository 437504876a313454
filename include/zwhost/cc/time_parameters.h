/* zwhost — Time Parameters command class (0x8B), version 1: UTC date and time. */
#ifndef ZWHOST_CC_TIME_PARAMETERS_H
#define ZWHOST_CC_TIME_PARAMETERS_H

#include "zwhost/common.h"

#define ZWH_CC_TIME_PARAMETERS 0x8B
#define ZWH_TIME_PARAMETERS_SET 0x01
#define ZWH_TIME_PARAMETERS_GET 0x02
#define ZWH_TIME_PARAMETERS_REPORT 0x03

#ifdef __cplusplus
extern "C" {
#endif

/* Time Parameters Set / Report: UTC. */
typedef struct zwh_time_parameters {
    uint16_t year;
    uint8_t month;  /* 1..12 */
    uint8_t day;    /* 1..31 */
    uint8_t hour;   /* 0..23 */
    uint8_t minute; /* 0..59 */
    uint8_t second; /* 0..59 */
} zwh_time_parameters_t;

ZWH_EXTERN int zwh_time_parameters_set_encode(const zwh_time_parameters_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_set_decode(const uint8_t *frame, size_t len, zwh_time_parameters_t *out);
ZWH_EXTERN int zwh_time_parameters_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_report_encode(const zwh_time_parameters_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_report_decode(const uint8_t *frame, size_t len, zwh_time_parameters_t *out);

#ifdef __cplusplus
}
#endif
#endif
