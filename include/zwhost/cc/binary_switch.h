/** @file
 * zwhost — Binary Switch command class (0x25), version 2. */
#ifndef ZWHOST_CC_BINARY_SWITCH_H
#define ZWHOST_CC_BINARY_SWITCH_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Binary Switch frame. */
#define ZWH_CC_BINARY_SWITCH 0x25
/** Command identifiers: the second byte of a Binary Switch frame. @{ */
#define ZWH_BINARY_SWITCH_SET 0x01
#define ZWH_BINARY_SWITCH_GET 0x02
#define ZWH_BINARY_SWITCH_REPORT 0x03
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Binary Switch Set. value: 0x00 off, 0xFF on (0x01..0x63 also mean on).
 * V2 adds a duration (has_duration = 1): 0x00 instantly, 0x01-0x7F seconds,
 * 0x80-0xFE minutes 1..127, 0xFF factory default. */
typedef struct zwh_binary_switch_set {
    uint8_t value; /**< 0x00 off, 0xFF on */
    uint8_t has_duration; /**< 1 = duration is present (V2) */
    uint8_t duration; /**< 0x00 instantly, 0x01-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
} zwh_binary_switch_set_t;

/** Binary Switch Report. current_value: 0x00 off, 0xFE unknown, 0xFF on.
 * V2 adds target value and duration (has_target = 1; duration 0xFE unknown). */
typedef struct zwh_binary_switch_report {
    uint8_t current_value; /**< 0x00 off, 0xFE unknown, 0xFF on */
    uint8_t has_target; /**< 1 = target_value and duration are present (V2) */
    uint8_t target_value; /**< 0x00 off, 0xFE unknown, 0xFF on */
    uint8_t duration; /**< time left to reach the target: 0x00-0x7F seconds, 0x80-0xFD minutes, 0xFE unknown */
} zwh_binary_switch_report_t;

/** @name Binary Switch codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_binary_switch_set_encode(const zwh_binary_switch_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_switch_set_decode(const uint8_t *frame, size_t len, zwh_binary_switch_set_t *out);
ZWH_EXTERN int zwh_binary_switch_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_switch_report_encode(const zwh_binary_switch_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_switch_report_decode(const uint8_t *frame, size_t len, zwh_binary_switch_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
