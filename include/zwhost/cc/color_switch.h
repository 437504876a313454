/** @file
 * zwhost — Color Switch command class (0x33), version 3. */
#ifndef ZWHOST_CC_COLOR_SWITCH_H
#define ZWHOST_CC_COLOR_SWITCH_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Color Switch frame. */
#define ZWH_CC_COLOR_SWITCH 0x33
/** Command identifiers: the second byte of a Color Switch frame. @{ */
#define ZWH_COLOR_SWITCH_SUPPORTED_GET 0x01
#define ZWH_COLOR_SWITCH_SUPPORTED_REPORT 0x02
#define ZWH_COLOR_SWITCH_GET 0x03
#define ZWH_COLOR_SWITCH_REPORT 0x04
#define ZWH_COLOR_SWITCH_SET 0x05
#define ZWH_COLOR_SWITCH_START_LEVEL_CHANGE 0x06
#define ZWH_COLOR_SWITCH_STOP_LEVEL_CHANGE 0x07
/** @} */

/** Color component ids @{ */
#define ZWH_COLOR_WARM_WHITE 0x00
#define ZWH_COLOR_COLD_WHITE 0x01
#define ZWH_COLOR_RED 0x02
#define ZWH_COLOR_GREEN 0x03
#define ZWH_COLOR_BLUE 0x04
#define ZWH_COLOR_AMBER 0x05
#define ZWH_COLOR_CYAN 0x06
#define ZWH_COLOR_PURPLE 0x07
#define ZWH_COLOR_INDEX 0x08 /**< indexed color, obsolete */
#define ZWH_COLOR_COMPONENT_MAX 0x08
/** @} */

/** The Set count field has 5 bits. */
#define ZWH_COLOR_SWITCH_SET_MAX 31

#ifdef __cplusplus
extern "C" {
#endif

/** Supported Report: bit n of components = color component n is supported
 * (the frame carries two bytes, LSB first: byte 1 bit 0 = warm white). */
typedef struct zwh_color_switch_supported_report {
    uint16_t components; /**< bit n = color component n (ZWH_COLOR_*) is supported */
} zwh_color_switch_supported_report_t;

/** Get and Stop Level Change: one component. */
typedef struct zwh_color_switch_component_ref {
    uint8_t component; /**< ZWH_COLOR_* component id */
} zwh_color_switch_component_ref_t;

/** Report: current value 0..255 of one component; V3 adds target value and
 * duration (has_target = 1; duration 0xFE unknown). */
typedef struct zwh_color_switch_report {
    uint8_t component; /**< ZWH_COLOR_* component id */
    uint8_t current_value; /**< 0..255 */
    uint8_t has_target; /**< 1 = target_value and duration are present (V3) */
    uint8_t target_value; /**< 0..255 */
    uint8_t duration; /**< time left to reach the target: 0x00-0x7F seconds, 0x80-0xFD minutes, 0xFE unknown */
} zwh_color_switch_report_t;

/** One component of a Set and its value. */
typedef struct zwh_color_switch_value {
    uint8_t component; /**< ZWH_COLOR_* component id */
    uint8_t value; /**< 0..255 */
} zwh_color_switch_value_t;

/** Set: count (1..31) components with their values; V2 adds duration
 * (has_duration = 1; 0xFF factory default). */
typedef struct zwh_color_switch_set {
    uint8_t count; /**< entries used in values, 1..ZWH_COLOR_SWITCH_SET_MAX */
    uint8_t has_duration; /**< 1 = duration is present (V2) */
    uint8_t duration; /**< 0x00 instantly, 0x01-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
    zwh_color_switch_value_t values[ZWH_COLOR_SWITCH_SET_MAX]; /**< the components to set */
} zwh_color_switch_set_t;

/** Start Level Change: up_down 0 up / 1 down, ignore_start_level 0/1, the
 * component, start level 0..255; V3 adds duration (has_duration = 1). */
typedef struct zwh_color_switch_start_level_change {
    uint8_t up_down; /**< 0 up, 1 down */
    uint8_t ignore_start_level; /**< 1 = start from the current level, not start_level */
    uint8_t component; /**< ZWH_COLOR_* component id */
    uint8_t start_level; /**< 0..255 */
    uint8_t has_duration; /**< 1 = duration is present (V3) */
    uint8_t duration; /**< 0x00 instantly, 0x01-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
} zwh_color_switch_start_level_change_t;

/** @name Color Switch codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_color_switch_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_supported_report_encode(const zwh_color_switch_supported_report_t *in,
                                                         uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_supported_report_decode(const uint8_t *frame, size_t len,
                                                         zwh_color_switch_supported_report_t *out);
ZWH_EXTERN int zwh_color_switch_get_encode(const zwh_color_switch_component_ref_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_get_decode(const uint8_t *frame, size_t len, zwh_color_switch_component_ref_t *out);
ZWH_EXTERN int zwh_color_switch_report_encode(const zwh_color_switch_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_report_decode(const uint8_t *frame, size_t len, zwh_color_switch_report_t *out);
ZWH_EXTERN int zwh_color_switch_set_encode(const zwh_color_switch_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_set_decode(const uint8_t *frame, size_t len, zwh_color_switch_set_t *out);
ZWH_EXTERN int zwh_color_switch_start_level_change_encode(const zwh_color_switch_start_level_change_t *in,
                                                           uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_start_level_change_decode(const uint8_t *frame, size_t len,
                                                           zwh_color_switch_start_level_change_t *out);
ZWH_EXTERN int zwh_color_switch_stop_level_change_encode(const zwh_color_switch_component_ref_t *in,
                                                          uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_color_switch_stop_level_change_decode(const uint8_t *frame, size_t len,
                                                          zwh_color_switch_component_ref_t *out);
/** @} */
/** "red", "warm_white", ... or NULL for an unknown component. Static string. */
ZWH_EXTERN const char *zwh_color_switch_get_component_name(uint8_t component);

#ifdef __cplusplus
}
#endif
#endif
