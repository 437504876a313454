/** @file
 * zwhost — Time command class (0x8A), version 2. */
#ifndef ZWHOST_CC_TIME_H
#define ZWHOST_CC_TIME_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Time frame. */
#define ZWH_CC_TIME 0x8A
/** Command identifiers: the second byte of a Time frame. @{ */
#define ZWH_TIME_GET 0x01
#define ZWH_TIME_REPORT 0x02
#define ZWH_DATE_GET 0x03
#define ZWH_DATE_REPORT 0x04
#define ZWH_TIME_OFFSET_SET 0x05
#define ZWH_TIME_OFFSET_GET 0x06
#define ZWH_TIME_OFFSET_REPORT 0x07
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Time Report: local time. */
typedef struct zwh_time_report {
    uint8_t rtc_failure; /**< 0/1 */
    uint8_t hour;        /**< 0..23 */
    uint8_t minute;      /**< 0..59 */
    uint8_t second;      /**< 0..59 */
} zwh_time_report_t;

/** Date Report: local date. */
typedef struct zwh_date_report {
    uint16_t year; /**< e.g. 2026 */
    uint8_t month; /**< 1..12 */
    uint8_t day;   /**< 1..31 */
} zwh_date_report_t;

/** Time Offset Set / Report (v2). Time zone offset = (tzo_sign ? -1 : 1) *
 * (tzo_hours:tzo_minutes); DST offset = (dst_sign ? -1 : 1) * dst_minutes,
 * applied between the start and end month/day/hour. */
typedef struct zwh_time_offset {
    uint8_t tzo_sign;     /**< 0 = +, 1 = - */
    uint8_t tzo_hours;    /**< 0..14 */
    uint8_t tzo_minutes;  /**< 0..59 */
    uint8_t dst_sign; /**< 0 = +, 1 = - */
    uint8_t dst_minutes;  /**< 0..127 */
    uint8_t dst_start_month; /**< 1..12 */
    uint8_t dst_start_day;   /**< 1..31 */
    uint8_t dst_start_hour;  /**< 0..23 */
    uint8_t dst_end_month; /**< 1..12 */
    uint8_t dst_end_day; /**< 1..31 */
    uint8_t dst_end_hour; /**< 0..23 */
} zwh_time_offset_t;

/** @name Time codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_time_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_report_encode(const zwh_time_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_report_decode(const uint8_t *frame, size_t len, zwh_time_report_t *out);
ZWH_EXTERN int zwh_date_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_date_report_encode(const zwh_date_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_date_report_decode(const uint8_t *frame, size_t len, zwh_date_report_t *out);
ZWH_EXTERN int zwh_time_offset_set_encode(const zwh_time_offset_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_offset_set_decode(const uint8_t *frame, size_t len, zwh_time_offset_t *out);
ZWH_EXTERN int zwh_time_offset_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_offset_report_encode(const zwh_time_offset_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_offset_report_decode(const uint8_t *frame, size_t len, zwh_time_offset_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
