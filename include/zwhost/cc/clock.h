/* zwhost — Clock command class (0x81), version 1: local weekday and time. */
#ifndef ZWHOST_CC_CLOCK_H
#define ZWHOST_CC_CLOCK_H

#include "zwhost/common.h"

#define ZWH_CC_CLOCK 0x81
#define ZWH_CLOCK_SET 0x04
#define ZWH_CLOCK_GET 0x05
#define ZWH_CLOCK_REPORT 0x06

#ifdef __cplusplus
extern "C" {
#endif

/* Clock Set / Report. weekday: 0 unknown, 1 Monday .. 7 Sunday. */
typedef struct zwh_clock {
    uint8_t weekday; /* 0..7 */
    uint8_t hour;    /* 0..23 */
    uint8_t minute;  /* 0..59 */
} zwh_clock_t;

ZWH_EXTERN int zwh_clock_set_encode(const zwh_clock_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_set_decode(const uint8_t *frame, size_t len, zwh_clock_t *out);
ZWH_EXTERN int zwh_clock_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_report_encode(const zwh_clock_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_report_decode(const uint8_t *frame, size_t len, zwh_clock_t *out);

#ifdef __cplusplus
}
#endif
#endif
