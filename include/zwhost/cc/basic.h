/* zwhost — Basic command class (0x20), version 2. */
#ifndef ZWHOST_CC_BASIC_H
#define ZWHOST_CC_BASIC_H

#include "zwhost/common.h"

#define ZWH_CC_BASIC 0x20
#define ZWH_BASIC_SET 0x01
#define ZWH_BASIC_GET 0x02
#define ZWH_BASIC_REPORT 0x03

#ifdef __cplusplus
extern "C" {
#endif

/* Basic Set. value: 0 (off), 1..99 (level), 0xFF (on / last level). */
typedef struct zwh_basic_set {
    uint8_t value;
} zwh_basic_set_t;

/* Basic Report. V1 carries only current_value; V2 adds target and duration
 * (has_target = 1). Values 0..99, 0xFE (unknown), 0xFF (on). */
typedef struct zwh_basic_report {
    uint8_t current_value;
    uint8_t has_target;
    uint8_t target_value;
    uint8_t duration; /* 0x00-0x7F s, 0x80-0xFD min, 0xFE unknown */
} zwh_basic_report_t;

ZWH_EXTERN int zwh_basic_set_encode(const zwh_basic_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_set_decode(const uint8_t *frame, size_t len, zwh_basic_set_t *out);
ZWH_EXTERN int zwh_basic_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_report_encode(const zwh_basic_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_report_decode(const uint8_t *frame, size_t len, zwh_basic_report_t *out);

#ifdef __cplusplus
}
#endif
#endif
