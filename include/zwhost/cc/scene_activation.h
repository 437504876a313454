/** @file
 * zwhost — Scene Activation command class (0x2B), version 1. */
#ifndef ZWHOST_CC_SCENE_ACTIVATION_H
#define ZWHOST_CC_SCENE_ACTIVATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Scene Activation frame. */
#define ZWH_CC_SCENE_ACTIVATION 0x2B
/** Command identifier: the second byte of a Scene Activation frame. */
#define ZWH_SCENE_ACTIVATION_SET 0x01

#ifdef __cplusplus
extern "C" {
#endif

/** scene_id 1..255; duration: 0x00-0x7F s, 0x80-0xFE min, 0xFF = the duration
 * configured for the scene (Scene Actuator Configuration). */
typedef struct zwh_scene_activation_set {
    uint8_t scene_id; /**< scene, 1..255 */
    uint8_t duration; /**< 0x00-0x7F seconds, 0x80-0xFE minutes, 0xFF the scene's configured duration */
} zwh_scene_activation_set_t;

/** @name Scene Activation codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_scene_activation_set_encode(const zwh_scene_activation_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_activation_set_decode(const uint8_t *frame, size_t len, zwh_scene_activation_set_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
