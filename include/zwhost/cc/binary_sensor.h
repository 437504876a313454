/** @file
 * zwhost — Binary Sensor command class (0x30), version 2 (deprecated by the
 * Notification CC, still sent by many sensors). */
#ifndef ZWHOST_CC_BINARY_SENSOR_H
#define ZWHOST_CC_BINARY_SENSOR_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Binary Sensor frame. */
#define ZWH_CC_BINARY_SENSOR 0x30
/** Command identifiers: the second byte of a Binary Sensor frame. @{ */
#define ZWH_BINARY_SENSOR_SUPPORTED_GET 0x01
#define ZWH_BINARY_SENSOR_GET 0x02
#define ZWH_BINARY_SENSOR_REPORT 0x03
#define ZWH_BINARY_SENSOR_SUPPORTED_REPORT 0x04
/** @} */

/** sensor types @{ */
#define ZWH_BINARY_SENSOR_GENERAL 0x01
#define ZWH_BINARY_SENSOR_SMOKE 0x02
#define ZWH_BINARY_SENSOR_CO 0x03
#define ZWH_BINARY_SENSOR_CO2 0x04
#define ZWH_BINARY_SENSOR_HEAT 0x05
#define ZWH_BINARY_SENSOR_WATER 0x06
#define ZWH_BINARY_SENSOR_FREEZE 0x07
#define ZWH_BINARY_SENSOR_TAMPER 0x08
#define ZWH_BINARY_SENSOR_AUX 0x09
#define ZWH_BINARY_SENSOR_DOOR_WINDOW 0x0A
#define ZWH_BINARY_SENSOR_TILT 0x0B
#define ZWH_BINARY_SENSOR_MOTION 0x0C
#define ZWH_BINARY_SENSOR_GLASS_BREAK 0x0D
#define ZWH_BINARY_SENSOR_FIRST_SUPPORTED 0xFF /**< in a Get: "the first supported type" */
/** @} */

#define ZWH_BINARY_SENSOR_MASK_MAX 32 /**< bytes of a Supported Report mask kept */

#ifdef __cplusplus
extern "C" {
#endif

/** Get. V1 has no field (has_type = 0); V2 names the sensor type. */
typedef struct zwh_binary_sensor_get {
    uint8_t has_type; /**< 1 = sensor_type is present (V2) */
    uint8_t sensor_type; /**< ZWH_BINARY_SENSOR_*, or ZWH_BINARY_SENSOR_FIRST_SUPPORTED */
} zwh_binary_sensor_get_t;

/** Report. value 0x00 idle, 0xFF event detected; V2 adds the type. */
typedef struct zwh_binary_sensor_report {
    uint8_t value; /**< 0x00 idle, 0xFF event detected */
    uint8_t has_type; /**< 1 = sensor_type is present (V2) */
    uint8_t sensor_type; /**< ZWH_BINARY_SENSOR_* */
} zwh_binary_sensor_report_t;

/** Supported Report (V2): bit n of the mask = sensor type n (bit 0 reserved). */
typedef struct zwh_binary_sensor_supported_report {
    uint8_t mask_len; /**< bytes used in mask */
    uint8_t mask[ZWH_BINARY_SENSOR_MASK_MAX]; /**< bit n = sensor type n is supported */
} zwh_binary_sensor_supported_report_t;

/** @name Binary Sensor codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_binary_sensor_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_sensor_supported_report_encode(const zwh_binary_sensor_supported_report_t *in,
                                                          uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_sensor_supported_report_decode(const uint8_t *frame, size_t len,
                                                          zwh_binary_sensor_supported_report_t *out);
ZWH_EXTERN int zwh_binary_sensor_get_encode(const zwh_binary_sensor_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_sensor_get_decode(const uint8_t *frame, size_t len, zwh_binary_sensor_get_t *out);
ZWH_EXTERN int zwh_binary_sensor_report_encode(const zwh_binary_sensor_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_binary_sensor_report_decode(const uint8_t *frame, size_t len, zwh_binary_sensor_report_t *out);
/** @} */
/** "motion", "door_window", ... or NULL. Static string. */
ZWH_EXTERN const char *zwh_binary_sensor_get_type_name(uint8_t sensor_type);

#ifdef __cplusplus
}
#endif
#endif
