/** @file
 * zwhost — Generic Schedule command class (0xA3), version 1. */
#ifndef ZWHOST_CC_GENERIC_SCHEDULE_H
#define ZWHOST_CC_GENERIC_SCHEDULE_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Generic Schedule frame. */
#define ZWH_CC_GENERIC_SCHEDULE 0xA3
/** Command identifiers: the second byte of a Generic Schedule frame. @{ */
#define ZWH_GENERIC_SCHEDULE_CAPABILITIES_GET 0x01
#define ZWH_GENERIC_SCHEDULE_CAPABILITIES_REPORT 0x02
#define ZWH_GENERIC_SCHEDULE_TIME_RANGE_SET 0x03
#define ZWH_GENERIC_SCHEDULE_TIME_RANGE_GET 0x04
#define ZWH_GENERIC_SCHEDULE_TIME_RANGE_REPORT 0x05
#define ZWH_GENERIC_SCHEDULE_SET 0x06
#define ZWH_GENERIC_SCHEDULE_GET 0x07
#define ZWH_GENERIC_SCHEDULE_REPORT 0x08
/** @} */

/** "In use" bits of zwh_generic_schedule_time_range_t.in_use: a field whose bit
 * is clear is ignored (a wildcard) and travels as 0. @{ */
#define ZWH_GS_WEEKDAYS (1u << 0)
#define ZWH_GS_START_YEAR (1u << 1)
#define ZWH_GS_STOP_YEAR (1u << 2)
#define ZWH_GS_START_MONTH (1u << 3)
#define ZWH_GS_STOP_MONTH (1u << 4)
#define ZWH_GS_START_DAY (1u << 5)
#define ZWH_GS_STOP_DAY (1u << 6)
#define ZWH_GS_START_HOUR (1u << 7)
#define ZWH_GS_STOP_HOUR (1u << 8)
#define ZWH_GS_START_MINUTE (1u << 9)
#define ZWH_GS_STOP_MINUTE (1u << 10)
#define ZWH_GS_DAILY_START_HOUR (1u << 11)
#define ZWH_GS_DAILY_STOP_HOUR (1u << 12)
#define ZWH_GS_DAILY_START_MINUTE (1u << 13)
#define ZWH_GS_DAILY_STOP_MINUTE (1u << 14)
/** @} */

/** Weekday bits: bit 0 Sunday .. bit 6 Saturday @{ */
#define ZWH_GS_SUNDAY 0x01
#define ZWH_GS_MONDAY 0x02
#define ZWH_GS_SATURDAY 0x40
/** @} */

#define ZWH_GENERIC_SCHEDULE_MAX_RANGES 32 /**< time ranges per schedule one decode reports */

#ifdef __cplusplus
extern "C" {
#endif

/** Capabilities Report: how many schedules and time ranges the node keeps and which parameters it supports. */
typedef struct zwh_generic_schedule_capabilities_report {
    uint16_t schedules;           /**< number of supported Schedule IDs, 1..65535 */
    uint16_t time_ranges;         /**< number of supported Time Range IDs, 1..32767 */
    uint8_t ranges_per_schedule;  /**< 1..255 */
    uint8_t weekdays;             /**< flags 0/1: which scheduling parameters are supported */
    uint8_t date; /**< 1 = start/stop dates (year, month, day) supported */
    uint8_t hour_minute; /**< 1 = start/stop hours and minutes supported */
} zwh_generic_schedule_capabilities_report_t;

/** Time Range Set / Report. id 0 in a Set erases all time ranges. next_id is
 * carried by the Report only (0 = no further configured time range). */
typedef struct zwh_generic_schedule_time_range {
    uint16_t id;            /**< 0..32767 */
    uint16_t in_use;        /**< ZWH_GS_* bits */
    uint8_t weekdays;       /**< ZWH_GS_SUNDAY.. bits, 7-bit */
    uint16_t start_year;    /**< 0..32767 */
    uint16_t stop_year; /**< 0..32767 */
    uint8_t start_month;    /**< 1..12 */
    uint8_t stop_month; /**< 1..12 */
    uint8_t start_day;      /**< 1..31 */
    uint8_t stop_day; /**< 1..31 */
    uint8_t start_hour;     /**< 0..23 */
    uint8_t stop_hour; /**< 0..23 */
    uint8_t start_minute;   /**< 0..59 */
    uint8_t stop_minute; /**< 0..59 */
    uint8_t daily_start_hour; /**< 0..23, the daily window's start */
    uint8_t daily_stop_hour; /**< 0..23, the daily window's end */
    uint8_t daily_start_minute; /**< 0..59 */
    uint8_t daily_stop_minute; /**< 0..59 */
    uint16_t next_id;       /**< report only */
} zwh_generic_schedule_time_range_t;

/** Time Range Get and Schedule Get: one id (0 asks for the first configured one). */
typedef struct zwh_generic_schedule_id {
    uint16_t id; /**< Time Range ID (0..32767) or Schedule ID */
} zwh_generic_schedule_id_t;

/** One time range of a schedule, included or excluded. */
typedef struct zwh_generic_schedule_range_ref {
    uint8_t include;        /**< 1 include, 0 exclude */
    uint16_t time_range_id; /**< 0..32767 */
} zwh_generic_schedule_range_ref_t;

/** Schedule Set / Report. id 0 in a Set erases all schedules (count must be 0).
 * next_id: Report only. */
typedef struct zwh_generic_schedule {
    uint16_t id; /**< Schedule ID; 0 in a Set erases every schedule */
    uint8_t count; /**< entries used in ranges */
    zwh_generic_schedule_range_ref_t ranges[ZWH_GENERIC_SCHEDULE_MAX_RANGES]; /**< the schedule's time ranges */
    uint16_t next_id; /**< Report only: the next configured Schedule ID, 0 = none */
} zwh_generic_schedule_t;

/** @name Generic Schedule codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_generic_schedule_capabilities_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_capabilities_report_encode(const zwh_generic_schedule_capabilities_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_capabilities_report_t *out);
ZWH_EXTERN int zwh_generic_schedule_time_range_set_encode(const zwh_generic_schedule_time_range_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_time_range_set_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_time_range_t *out);
ZWH_EXTERN int zwh_generic_schedule_time_range_get_encode(const zwh_generic_schedule_id_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_time_range_get_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_id_t *out);
ZWH_EXTERN int zwh_generic_schedule_time_range_report_encode(const zwh_generic_schedule_time_range_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_time_range_report_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_time_range_t *out);
ZWH_EXTERN int zwh_generic_schedule_set_encode(const zwh_generic_schedule_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_set_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_t *out);
ZWH_EXTERN int zwh_generic_schedule_get_encode(const zwh_generic_schedule_id_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_get_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_id_t *out);
ZWH_EXTERN int zwh_generic_schedule_report_encode(const zwh_generic_schedule_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_generic_schedule_report_decode(const uint8_t *frame, size_t len, zwh_generic_schedule_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
