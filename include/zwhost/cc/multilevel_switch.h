/** @file
 * zwhost — Multilevel Switch command class (0x26), version 4. */
#ifndef ZWHOST_CC_MULTILEVEL_SWITCH_H
#define ZWHOST_CC_MULTILEVEL_SWITCH_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Multilevel Switch frame. */
#define ZWH_CC_MULTILEVEL_SWITCH 0x26
/** Command identifiers: the second byte of a Multilevel Switch frame. @{ */
#define ZWH_MULTILEVEL_SWITCH_SET 0x01
#define ZWH_MULTILEVEL_SWITCH_GET 0x02
#define ZWH_MULTILEVEL_SWITCH_REPORT 0x03
#define ZWH_MULTILEVEL_SWITCH_START_LEVEL_CHANGE 0x04
#define ZWH_MULTILEVEL_SWITCH_STOP_LEVEL_CHANGE 0x05
#define ZWH_MULTILEVEL_SWITCH_SUPPORTED_GET 0x06
#define ZWH_MULTILEVEL_SWITCH_SUPPORTED_REPORT 0x07
/** @} */

/** Level change direction (Start Level Change up/down field). @{ */
#define ZWH_LEVEL_CHANGE_UP 0x00
#define ZWH_LEVEL_CHANGE_DOWN 0x01
#define ZWH_LEVEL_CHANGE_NONE 0x03 /**< V3 "no up/down motion" (inc/dec field too) */
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Multilevel Switch Set. value 0x00 off, 0x01..0x63 level, 0xFF last on
 * level. V2 adds duration (has_duration = 1; 0xFF = factory default). */
typedef struct zwh_multilevel_switch_set {
    uint8_t value; /**< 0x00 off, 0x01..0x63 level, 0xFF last on level */
    uint8_t has_duration; /**< 1 = duration is present (V2) */
    uint8_t duration; /**< 0x00 instantly, 0x01-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
} zwh_multilevel_switch_set_t;

/** Multilevel Switch Report. Values 0..0x63, 0xFE unknown, 0xFF (legacy
 * "on"). V4 adds target and duration (has_target = 1). */
typedef struct zwh_multilevel_switch_report {
    uint8_t current_value; /**< 0..0x63, 0xFE unknown, 0xFF on (legacy) */
    uint8_t has_target; /**< 1 = target_value and duration are present (V4) */
    uint8_t target_value; /**< 0..0x63, 0xFE unknown, 0xFF on (legacy) */
    uint8_t duration; /**< time left to reach the target: 0x00-0x7F seconds, 0x80-0xFD minutes, 0xFE unknown */
} zwh_multilevel_switch_report_t;

/** Multilevel Switch Start Level Change.
 * up_down: ZWH_LEVEL_CHANGE_UP/DOWN (NONE from V3); ignore_start_level 0/1;
 * start_level 0..0x63; V2 duration (has_duration); V3 secondary switch
 * inc_dec (ZWH_LEVEL_CHANGE_UP = increment, DOWN = decrement, NONE) and
 * step_size (has_step_size, requires has_duration; obsoleted since V4, kept
 * for old devices). */
typedef struct zwh_multilevel_switch_start_level_change {
    uint8_t up_down; /**< ZWH_LEVEL_CHANGE_UP or ZWH_LEVEL_CHANGE_DOWN */
    uint8_t ignore_start_level; /**< 1 = start from the current level */
    uint8_t inc_dec; /**< secondary switch direction (V3) */
    uint8_t start_level; /**< 0..0x63 */
    uint8_t has_duration; /**< 1 = duration is present (V2) */
    uint8_t duration; /**< 0x00 instantly, 0x01-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
    uint8_t has_step_size; /**< 1 = step_size is present (V3) */
    uint8_t step_size; /**< secondary switch step size (V3) */
} zwh_multilevel_switch_start_level_change_t;

/** Multilevel Switch Supported Report. Switch types 0x01..0x07 (1 Off/On,
 * 2 Down/Up, 3 Close/Open, 4 CCW/CW, 5 Left/Right, 6 Reverse/Forward,
 * 7 Pull/Push), 5 bits each. The secondary type is obsolete (V3 only). */
typedef struct zwh_multilevel_switch_supported_report {
    uint8_t primary_type; /**< switch type 0x01..0x07 of the primary switch */
    uint8_t has_secondary; /**< 1 = secondary_type is present (V3) */
    uint8_t secondary_type; /**< switch type of the secondary switch */
} zwh_multilevel_switch_supported_report_t;

/** @name Multilevel Switch codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_multilevel_switch_set_encode(const zwh_multilevel_switch_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_set_decode(const uint8_t *frame, size_t len, zwh_multilevel_switch_set_t *out);
ZWH_EXTERN int zwh_multilevel_switch_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_report_encode(const zwh_multilevel_switch_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_report_decode(const uint8_t *frame, size_t len, zwh_multilevel_switch_report_t *out);
ZWH_EXTERN int zwh_multilevel_switch_start_level_change_encode(const zwh_multilevel_switch_start_level_change_t *in,
                                                                 uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_start_level_change_decode(const uint8_t *frame, size_t len,
                                                                 zwh_multilevel_switch_start_level_change_t *out);
ZWH_EXTERN int zwh_multilevel_switch_stop_level_change_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_supported_report_encode(const zwh_multilevel_switch_supported_report_t *in,
                                                               uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_switch_supported_report_decode(const uint8_t *frame, size_t len,
                                                               zwh_multilevel_switch_supported_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
