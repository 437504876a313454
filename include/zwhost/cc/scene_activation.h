/* zwhost — Scene Activation command class (0x2B), version 1. */
#ifndef ZWHOST_CC_SCENE_ACTIVATION_H
#define ZWHOST_CC_SCENE_ACTIVATION_H

#include "zwhost/common.h"

#define ZWH_CC_SCENE_ACTIVATION 0x2B
#define ZWH_SCENE_ACTIVATION_SET 0x01

#ifdef __cplusplus
extern "C" {
#endif

/* scene_id 1..255; duration: 0x00-0x7F s, 0x80-0xFE min, 0xFF = the duration
 * configured for the scene (Scene Actuator Configuration). */
typedef struct zwh_scene_activation_set {
    uint8_t scene_id;
    uint8_t duration;
} zwh_scene_activation_set_t;

ZWH_EXTERN int zwh_scene_activation_set_encode(const zwh_scene_activation_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_activation_set_decode(const uint8_t *frame, size_t len, zwh_scene_activation_set_t *out);

#ifdef __cplusplus
}
#endif
#endif
