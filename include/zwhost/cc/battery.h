/** @file
 * zwhost — Battery command class (0x80), version 2 (the v3 low-temperature bit
 * is decoded too). */
#ifndef ZWHOST_CC_BATTERY_H
#define ZWHOST_CC_BATTERY_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Battery frame. */
#define ZWH_CC_BATTERY 0x80
/** Command identifiers: the second byte of a Battery frame. @{ */
#define ZWH_BATTERY_GET 0x02
#define ZWH_BATTERY_REPORT 0x03
#define ZWH_BATTERY_HEALTH_GET 0x04
#define ZWH_BATTERY_HEALTH_REPORT 0x05
/** @} */

#define ZWH_BATTERY_LEVEL_LOW_WARNING 0xFF /**< Battery Report level meaning "battery low" rather than a percentage */

/** Charging status values (zwh_battery_report_t.charging_status, V2). @{ */
#define ZWH_BATTERY_DISCHARGING 0x00
#define ZWH_BATTERY_CHARGING 0x01
#define ZWH_BATTERY_MAINTAINING 0x02
/** @} */

/** Replace/recharge advice (zwh_battery_report_t.replace_recharge, V2): no, soon, now. @{ */
#define ZWH_BATTERY_REPLACE_NO 0x00
#define ZWH_BATTERY_REPLACE_SOON 0x01
#define ZWH_BATTERY_REPLACE_NOW 0x02
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Battery Report. level: 0..100 percent, or 0xFF low-battery warning. V1 stops
 * there; V2 (has_v2 = 1) adds the status bits below. Flags are 0/1. */
typedef struct zwh_battery_report {
    uint8_t level; /**< 0..100 percent, or ZWH_BATTERY_LEVEL_LOW_WARNING */
    uint8_t has_v2; /**< 1 = the V2 fields below are present */
    uint8_t charging_status;  /**< ZWH_BATTERY_DISCHARGING, ... (2 bits) */
    uint8_t rechargeable; /**< 1 = the battery is rechargeable */
    uint8_t backup; /**< 1 = the battery is a backup source */
    uint8_t overheating; /**< 1 = the battery is overheating */
    uint8_t low_fluid; /**< 1 = the battery's fluid is low */
    uint8_t replace_recharge; /**< ZWH_BATTERY_REPLACE_* (2 bits) */
    uint8_t disconnected; /**< 1 = the battery is disconnected */
    uint8_t low_temperature;  /**< v3 */
} zwh_battery_report_t;

/** Battery Health Report. max_capacity 0..100 percent or 0xFF unknown.
 * temperature_size 0 (no temperature), 1, 2 or 4 bytes; scale 0 = Celsius;
 * temperature is the signed value with `precision` decimals. */
typedef struct zwh_battery_health_report {
    uint8_t max_capacity; /**< 0..100 percent, 0xFF unknown */
    uint8_t precision; /**< decimals of temperature, 0..7 */
    uint8_t scale; /**< temperature scale, 0 = Celsius */
    uint8_t temperature_size; /**< 0 (no temperature), 1, 2 or 4 bytes on the wire */
    int32_t temperature; /**< signed, with precision decimals */
} zwh_battery_health_report_t;

/** @name Battery codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_battery_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_report_encode(const zwh_battery_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_report_decode(const uint8_t *frame, size_t len, zwh_battery_report_t *out);
ZWH_EXTERN int zwh_battery_health_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_health_report_encode(const zwh_battery_health_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_health_report_decode(const uint8_t *frame, size_t len, zwh_battery_health_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
