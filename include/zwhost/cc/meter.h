/** @file
 * zwhost — Meter command class (0x32), version 6.
 *
 * Values are kept exact: an integer `value` with its decimal `precision` and
 * wire `size` (1, 2 or 4 bytes, signed); zwh_cc_value_to_double() (see
 * zwhost/cc/value.h) gives a double. The scale is 3 bits (`scale` 0..7); the
 * value 7 means "look at scale2" (V4+: electric kVar = 7/0, kVarh = 7/1). */
#ifndef ZWHOST_CC_METER_H
#define ZWHOST_CC_METER_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Meter frame. */
#define ZWH_CC_METER 0x32
/** Command identifiers: the second byte of a Meter frame. @{ */
#define ZWH_METER_GET 0x01
#define ZWH_METER_REPORT 0x02
#define ZWH_METER_SUPPORTED_GET 0x03
#define ZWH_METER_SUPPORTED_REPORT 0x04
#define ZWH_METER_RESET 0x05
/** @} */

/** meter types @{ */
#define ZWH_METER_ELECTRIC 0x01
#define ZWH_METER_GAS 0x02
#define ZWH_METER_WATER 0x03
#define ZWH_METER_HEATING 0x04
#define ZWH_METER_COOLING 0x05
/** @} */

/** rate types @{ */
#define ZWH_METER_RATE_UNSPECIFIED 0x00
#define ZWH_METER_RATE_IMPORT 0x01 /**< consumed */
#define ZWH_METER_RATE_EXPORT 0x02 /**< produced */
/** @} */

/** scales @{ */
#define ZWH_METER_SCALE_MORE 7 /**< the real scale is in scale2 */
#define ZWH_METER_ELECTRIC_KWH 0
#define ZWH_METER_ELECTRIC_KVAH 1
#define ZWH_METER_ELECTRIC_W 2
#define ZWH_METER_ELECTRIC_PULSE 3
#define ZWH_METER_ELECTRIC_V 4
#define ZWH_METER_ELECTRIC_A 5
#define ZWH_METER_ELECTRIC_POWER_FACTOR 6
#define ZWH_METER_ELECTRIC_KVAR_SCALE2 0  /**< with scale 7 */
#define ZWH_METER_ELECTRIC_KVARH_SCALE2 1 /**< with scale 7 */
#define ZWH_METER_GAS_M3 0
#define ZWH_METER_GAS_FT3 1
#define ZWH_METER_GAS_PULSE 3
#define ZWH_METER_WATER_M3 0
#define ZWH_METER_WATER_FT3 1
#define ZWH_METER_WATER_GALLONS 2
#define ZWH_METER_WATER_PULSE 3
#define ZWH_METER_HEATING_KWH 0
#define ZWH_METER_COOLING_KWH 0
/** @} */

/** bytes of the V4 "more scales" bitmask kept (covers every scale2 value) */
#define ZWH_METER_SCALE2_MASK_MAX 32

#ifdef __cplusplus
extern "C" {
#endif

/** Meter Get. V1 has no fields (has_scale = 0). V2/V3: scale (2 or 3 bits);
 * V4+: rate_type too, and a scale2 byte follows when scale == 7. */
typedef struct zwh_meter_get {
    uint8_t has_scale; /**< 1 = the V2+ fields are present */
    uint8_t rate_type; /**< ZWH_METER_RATE_* (V4+) */
    uint8_t scale; /**< 0..7 (7 = see scale2, V4+) */
    uint8_t scale2; /**< the scale when scale is 7 */
} zwh_meter_get_t;

/** Meter Report.
 * meter_type 1..31 (5 bits), rate_type 0..3 (V2+), scale 0..7 (bit 2 from V3),
 * scale2 (present on the wire iff scale == 7, V4+), precision 0..7, size 1/2/4,
 * value (signed). V2+ appends delta_time in seconds (has_delta = 1) and, when
 * delta_time != 0, the previous value (has_previous = 1, same precision/size). */
typedef struct zwh_meter_report {
    uint8_t meter_type; /**< ZWH_METER_ELECTRIC, ... (1..31) */
    uint8_t rate_type; /**< ZWH_METER_RATE_* (V2+) */
    uint8_t scale; /**< 0..7; 7 = see scale2 */
    uint8_t scale2; /**< the scale when scale is 7 (V4+) */
    uint8_t precision; /**< decimals of value and previous_value, 0..7 */
    uint8_t size; /**< 1, 2 or 4 bytes on the wire */
    uint8_t has_delta; /**< 1 = delta_time is present (V2+) */
    uint8_t has_previous; /**< 1 = previous_value is present (delta_time != 0) */
    uint16_t delta_time; /**< seconds since previous_value */
    int32_t value; /**< signed, with precision decimals */
    int32_t previous_value; /**< the value delta_time seconds ago */
} zwh_meter_report_t;

/** Meter Supported Report.
 * reset_supported 0/1, rate_types bitmask (bit 0 import, bit 1 export; V4+),
 * meter_type, scales bitmask of scales 0..6 (bit n = scale n; V2/V3 reports
 * may also set bit 7 = scale 7). V4+: more_scales = 1 adds scale2_mask_len
 * bytes of further scales: bit n = scale 7 with scale2 n. */
typedef struct zwh_meter_supported_report {
    uint8_t meter_type; /**< ZWH_METER_ELECTRIC, ... */
    uint8_t reset_supported; /**< 1 = the meter accepts Meter Reset */
    uint8_t rate_types; /**< bit 0 import, bit 1 export (V4+) */
    uint8_t scales; /**< bit n = scale n is supported */
    uint8_t more_scales; /**< 1 = scale2_mask follows (V4+) */
    uint8_t scale2_mask_len; /**< bytes used in scale2_mask */
    uint8_t scale2_mask[ZWH_METER_SCALE2_MASK_MAX]; /**< bit n = scale 7 with scale2 n is supported */
} zwh_meter_supported_report_t;

/** Meter Reset. V2-V5: no fields (has_value = 0): reset all accumulated
 * values. V6: the meter/rate/scale to reset and the value to set it to. */
typedef struct zwh_meter_reset {
    uint8_t has_value; /**< 1 = the V6 fields are present */
    uint8_t meter_type; /**< the meter to reset (V6) */
    uint8_t rate_type; /**< ZWH_METER_RATE_* (V6) */
    uint8_t scale; /**< 0..7; 7 = see scale2 (V6) */
    uint8_t scale2; /**< the scale when scale is 7 (V6) */
    uint8_t precision; /**< decimals of value (V6) */
    uint8_t size; /**< 1, 2 or 4 bytes on the wire (V6) */
    int32_t value; /**< the value to set the meter to (V6) */
} zwh_meter_reset_t;

/** @name Meter codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_meter_get_encode(const zwh_meter_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_meter_get_decode(const uint8_t *frame, size_t len, zwh_meter_get_t *out);
ZWH_EXTERN int zwh_meter_report_encode(const zwh_meter_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_meter_report_decode(const uint8_t *frame, size_t len, zwh_meter_report_t *out);
ZWH_EXTERN int zwh_meter_supported_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_meter_supported_report_encode(const zwh_meter_supported_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_meter_supported_report_decode(const uint8_t *frame, size_t len, zwh_meter_supported_report_t *out);
ZWH_EXTERN int zwh_meter_reset_encode(const zwh_meter_reset_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_meter_reset_decode(const uint8_t *frame, size_t len, zwh_meter_reset_t *out);
/** @} */

/** "electric", "gas", "water", "heating", "cooling", or NULL. Static string. */
ZWH_EXTERN const char *zwh_meter_get_type_name(uint8_t meter_type);
/** Unit of a scale: "kWh", "W", "m³", "US gallons", "kVar" (scale 7, scale2 0)...
 * or NULL when unknown. Static UTF-8 string. */
ZWH_EXTERN const char *zwh_meter_get_scale_name(uint8_t meter_type, uint8_t scale, uint8_t scale2);
/** "unspecified", "import", "export", or NULL. Static string. */
ZWH_EXTERN const char *zwh_meter_get_rate_name(uint8_t rate_type);

#ifdef __cplusplus
}
#endif
#endif
