/* zwhost — Scene Actuator Configuration command class (0x2C), version 1. */
#ifndef ZWHOST_CC_SCENE_ACTUATOR_CONF_H
#define ZWHOST_CC_SCENE_ACTUATOR_CONF_H

#include "zwhost/common.h"

#define ZWH_CC_SCENE_ACTUATOR_CONF 0x2C
#define ZWH_SCENE_ACTUATOR_CONF_SET 0x01
#define ZWH_SCENE_ACTUATOR_CONF_GET 0x02
#define ZWH_SCENE_ACTUATOR_CONF_REPORT 0x03

#ifdef __cplusplus
extern "C" {
#endif

/* Set: scene_id 1..255; override = 1 stores level, 0 stores the current state
 * (level ignored); level 0..99 or 0xFF. */
typedef struct zwh_scene_actuator_conf_set {
    uint8_t scene_id;
    uint8_t duration;
    uint8_t override;
    uint8_t level;
} zwh_scene_actuator_conf_set_t;

/* Get: scene_id 1..255, or 0 for the scene currently active. */
typedef struct zwh_scene_actuator_conf_get {
    uint8_t scene_id;
} zwh_scene_actuator_conf_get_t;

/* Report: scene_id 0 = no scene active. */
typedef struct zwh_scene_actuator_conf_report {
    uint8_t scene_id;
    uint8_t level;
    uint8_t duration;
} zwh_scene_actuator_conf_report_t;

ZWH_EXTERN int zwh_scene_actuator_conf_set_encode(const zwh_scene_actuator_conf_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_set_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_set_t *out);
ZWH_EXTERN int zwh_scene_actuator_conf_get_encode(const zwh_scene_actuator_conf_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_get_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_get_t *out);
ZWH_EXTERN int zwh_scene_actuator_conf_report_encode(const zwh_scene_actuator_conf_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_scene_actuator_conf_report_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_report_t *out);

#ifdef __cplusplus
}
#endif
#endif
