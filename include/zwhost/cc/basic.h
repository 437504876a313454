/** @file
 * zwhost — Basic command class (0x20), version 2. */
#ifndef ZWHOST_CC_BASIC_H
#define ZWHOST_CC_BASIC_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Basic frame. */
#define ZWH_CC_BASIC 0x20
/** Command identifiers: the second byte of a Basic frame. @{ */
#define ZWH_BASIC_SET 0x01
#define ZWH_BASIC_GET 0x02
#define ZWH_BASIC_REPORT 0x03
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Basic Set. value: 0 (off), 1..99 (level), 0xFF (on / last level). */
typedef struct zwh_basic_set {
    uint8_t value; /**< 0 off, 1..99 level, 0xFF on (last level) */
} zwh_basic_set_t;

/** Basic Report. V1 carries only current_value; V2 adds target and duration
 * (has_target = 1). Values 0..99, 0xFE (unknown), 0xFF (on). */
typedef struct zwh_basic_report {
    uint8_t current_value; /**< 0..99, 0xFE unknown, 0xFF on */
    uint8_t has_target; /**< 1 = target_value and duration are present (V2) */
    uint8_t target_value; /**< 0..99, 0xFE unknown, 0xFF on */
    uint8_t duration; /**< 0x00-0x7F s, 0x80-0xFD min, 0xFE unknown */
} zwh_basic_report_t;

/** @name Basic codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_basic_set_encode(const zwh_basic_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_set_decode(const uint8_t *frame, size_t len, zwh_basic_set_t *out);
ZWH_EXTERN int zwh_basic_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_report_encode(const zwh_basic_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_basic_report_decode(const uint8_t *frame, size_t len, zwh_basic_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
