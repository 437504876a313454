/* zwhost — Battery command class (0x80), version 2 (the v3 low-temperature bit
 * is decoded too). */
#ifndef ZWHOST_CC_BATTERY_H
#define ZWHOST_CC_BATTERY_H

#include "zwhost/common.h"

#define ZWH_CC_BATTERY 0x80
#define ZWH_BATTERY_GET 0x02
#define ZWH_BATTERY_REPORT 0x03
#define ZWH_BATTERY_HEALTH_GET 0x04
#define ZWH_BATTERY_HEALTH_REPORT 0x05

#define ZWH_BATTERY_LEVEL_LOW_WARNING 0xFF

#define ZWH_BATTERY_DISCHARGING 0x00
#define ZWH_BATTERY_CHARGING 0x01
#define ZWH_BATTERY_MAINTAINING 0x02

#define ZWH_BATTERY_REPLACE_NO 0x00
#define ZWH_BATTERY_REPLACE_SOON 0x01
#define ZWH_BATTERY_REPLACE_NOW 0x02

#ifdef __cplusplus
extern "C" {
#endif

/* Battery Report. level: 0..100 percent, or 0xFF low-battery warning. V1 stops
 * there; V2 (has_v2 = 1) adds the status bits below. Flags are 0/1. */
typedef struct zwh_battery_report {
    uint8_t level;
    uint8_t has_v2;
    uint8_t charging_status;  /* ZWH_BATTERY_DISCHARGING.. (2 bits) */
    uint8_t rechargeable;
    uint8_t backup;
    uint8_t overheating;
    uint8_t low_fluid;
    uint8_t replace_recharge; /* ZWH_BATTERY_REPLACE_* (2 bits) */
    uint8_t disconnected;
    uint8_t low_temperature;  /* v3 */
} zwh_battery_report_t;

/* Battery Health Report. max_capacity 0..100 percent or 0xFF unknown.
 * temperature_size 0 (no temperature), 1, 2 or 4 bytes; scale 0 = Celsius;
 * temperature is the signed value with `precision` decimals. */
typedef struct zwh_battery_health_report {
    uint8_t max_capacity;
    uint8_t precision;
    uint8_t scale;
    uint8_t temperature_size;
    int32_t temperature;
} zwh_battery_health_report_t;

ZWH_EXTERN int zwh_battery_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_report_encode(const zwh_battery_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_report_decode(const uint8_t *frame, size_t len, zwh_battery_report_t *out);
ZWH_EXTERN int zwh_battery_health_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_health_report_encode(const zwh_battery_health_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_battery_health_report_decode(const uint8_t *frame, size_t len, zwh_battery_health_report_t *out);

#ifdef __cplusplus
}
#endif
#endif
