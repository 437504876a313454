/** @file
 * zwhost — Multilevel Sensor command class (0x31), version 11.
 * Values are exact (value + precision + size); see zwh_cc_value_to_double()
 * in zwhost/cc/value.h. */
#ifndef ZWHOST_CC_MULTILEVEL_SENSOR_H
#define ZWHOST_CC_MULTILEVEL_SENSOR_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Multilevel Sensor frame. */
#define ZWH_CC_MULTILEVEL_SENSOR 0x31
/** Command identifiers: the second byte of a Multilevel Sensor frame. @{ */
#define ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_GET 0x01
#define ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_REPORT 0x02
#define ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_GET 0x03
#define ZWH_MULTILEVEL_SENSOR_GET 0x04
#define ZWH_MULTILEVEL_SENSOR_REPORT 0x05
#define ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_REPORT 0x06
/** @} */

/** A few sensor types (zwh_multilevel_sensor_get_type_name knows them all) @{ */
#define ZWH_SENSOR_AIR_TEMPERATURE 0x01 /**< scales: 0 °C, 1 °F */
#define ZWH_SENSOR_GENERAL_PURPOSE 0x02 /**< 0 %, 1 dimensionless */
#define ZWH_SENSOR_ILLUMINANCE 0x03     /**< "luminance": 0 %, 1 lux */
#define ZWH_SENSOR_POWER 0x04           /**< 0 W, 1 Btu/h */
#define ZWH_SENSOR_HUMIDITY 0x05        /**< 0 %, 1 g/m³ */
#define ZWH_SENSOR_VOLTAGE 0x0F         /**< 0 V, 1 mV */
#define ZWH_SENSOR_CURRENT 0x10         /**< 0 A, 1 mA */
#define ZWH_SENSOR_CO2 0x11             /**< 0 ppm */
#define ZWH_SENSOR_WATER_TEMPERATURE 0x17
#define ZWH_SENSOR_ULTRAVIOLET 0x1B
/** @} */

/** bytes of the supported sensor bitmask kept (covers types 1..255) */
#define ZWH_MULTILEVEL_SENSOR_MASK_MAX 32

#ifdef __cplusplus
extern "C" {
#endif

/** Supported Sensor Report (V5+): bit n of the mask = sensor type n + 1. */
typedef struct zwh_multilevel_sensor_supported_report {
    uint8_t mask_len; /**< bytes used in mask */
    uint8_t mask[ZWH_MULTILEVEL_SENSOR_MASK_MAX]; /**< bit n = sensor type n + 1 is supported */
} zwh_multilevel_sensor_supported_report_t;

/** Supported Scale Get (V5+). */
typedef struct zwh_multilevel_sensor_supported_scale_get {
    uint8_t sensor_type; /**< ZWH_SENSOR_* type asked about */
} zwh_multilevel_sensor_supported_scale_get_t;

/** Supported Scale Report (V5+): bit n of scales (4 bits) = scale n. */
typedef struct zwh_multilevel_sensor_supported_scale_report {
    uint8_t sensor_type; /**< the sensor type described */
    uint8_t scales; /**< bit n = scale n is supported */
} zwh_multilevel_sensor_supported_scale_report_t;

/** Get. V1-V4 have no fields (has_type = 0); V5+ carry the type and scale (0..3). */
typedef struct zwh_multilevel_sensor_get {
    uint8_t has_type; /**< 1 = sensor_type and scale are present (V5+) */
    uint8_t sensor_type; /**< ZWH_SENSOR_* type asked for */
    uint8_t scale; /**< 0..3 */
} zwh_multilevel_sensor_get_t;

/** Report: type, precision 0..7, scale 0..3, size 1/2/4, signed value. */
typedef struct zwh_multilevel_sensor_report {
    uint8_t sensor_type; /**< ZWH_SENSOR_* type */
    uint8_t precision; /**< decimals of value, 0..7 */
    uint8_t scale; /**< 0..3 (zwh_multilevel_sensor_get_scale_name() gives the unit) */
    uint8_t size; /**< 1, 2 or 4 bytes on the wire */
    int32_t value; /**< signed, with precision decimals */
} zwh_multilevel_sensor_report_t;

/** @name Multilevel Sensor codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_report_encode(const zwh_multilevel_sensor_supported_report_t *in,
                                                                     uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_report_decode(const uint8_t *frame, size_t len,
                                                                     zwh_multilevel_sensor_supported_report_t *out);
ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_get_encode(const zwh_multilevel_sensor_supported_scale_get_t *in,
                                                                 uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_get_decode(const uint8_t *frame, size_t len,
                                                                 zwh_multilevel_sensor_supported_scale_get_t *out);
ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_report_encode(
    const zwh_multilevel_sensor_supported_scale_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_report_decode(
    const uint8_t *frame, size_t len, zwh_multilevel_sensor_supported_scale_report_t *out);
ZWH_EXTERN int zwh_multilevel_sensor_get_encode(const zwh_multilevel_sensor_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_get_decode(const uint8_t *frame, size_t len, zwh_multilevel_sensor_get_t *out);
ZWH_EXTERN int zwh_multilevel_sensor_report_encode(const zwh_multilevel_sensor_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multilevel_sensor_report_decode(const uint8_t *frame, size_t len,
                                                    zwh_multilevel_sensor_report_t *out);
/** @} */

/** "air_temperature", "illuminance", ... or NULL for an unknown type. Static. */
ZWH_EXTERN const char *zwh_multilevel_sensor_get_type_name(uint8_t sensor_type);
/** Unit of a scale: "°C", "lux", "W", "g/m³"... or NULL. Static UTF-8 string. */
ZWH_EXTERN const char *zwh_multilevel_sensor_get_scale_name(uint8_t sensor_type, uint8_t scale);

#ifdef __cplusplus
}
#endif
#endif
