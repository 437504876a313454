/** @file
 * zwhost — Scene Actuator Configuration command class (0x2C), version 1. */
#ifndef ZWHOST_CC_SCENE_ACTUATOR_CONF_H
#define ZWHOST_CC_SCENE_ACTUATOR_CONF_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Scene Actuator Configuration frame. */
#define ZWH_CC_SCENE_ACTUATOR_CONF 0x2C
/** Command identifiers: the second byte of a Scene Actuator Configuration frame. @{ */
#define ZWH_SCENE_ACTUATOR_CONF_SET 0x01
#define ZWH_SCENE_ACTUATOR_CONF_GET 0x02
#define ZWH_SCENE_ACTUATOR_CONF_REPORT 0x03
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Set: scene_id 1..255; override = 1 stores level, 0 stores the current state
 * (level ignored); level 0..99 or 0xFF. */
typedef struct zwh_scene_actuator_conf_set {
    uint8_t scene_id; /**< scene, 1..255 */
    uint8_t duration; /**< 0x00-0x7F seconds, 0x80-0xFE minutes, 0xFF factory default */
    uint8_t override; /**< 1 = store level; 0 = store the current state */
    uint8_t level; /**< 0..99 or 0xFF (used with override) */
} zwh_scene_actuator_conf_set_t;

/** Get: scene_id 1..255, or 0 for the scene currently active. */
typedef struct zwh_scene_actuator_conf_get {
    uint8_t scene_id; /**< scene 1..255, 0 = the active scene */
} zwh_scene_actuator_conf_get_t;

/** Report: scene_id 0 = no scene active. */
typedef struct zwh_scene_actuator_conf_report {
    uint8_t scene_id; /**< the scene, 0 = no scene active */
    uint8_t level; /**< the stored level, 0..99 or 0xFF */
    uint8_t duration; /**< the stored duration */
} zwh_scene_actuator_conf_report_t;

/** @name Scene Actuator Configuration codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_scene_actuator_conf_set_encode(const zwh_scene_actuator_conf_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_set_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_set_t *out);
ZWH_EXTERN int zwh_scene_actuator_conf_get_encode(const zwh_scene_actuator_conf_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_get_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_get_t *out);
ZWH_EXTERN int zwh_scene_actuator_conf_report_encode(const zwh_scene_actuator_conf_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_report_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
