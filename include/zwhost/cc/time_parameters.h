/** @file
 * zwhost — Time Parameters command class (0x8B), version 1: UTC date and time. */
#ifndef ZWHOST_CC_TIME_PARAMETERS_H
#define ZWHOST_CC_TIME_PARAMETERS_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Time Parameters frame. */
#define ZWH_CC_TIME_PARAMETERS 0x8B
/** Command identifiers: the second byte of a Time Parameters frame. @{ */
#define ZWH_TIME_PARAMETERS_SET 0x01
#define ZWH_TIME_PARAMETERS_GET 0x02
#define ZWH_TIME_PARAMETERS_REPORT 0x03
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Time Parameters Set / Report: UTC. */
typedef struct zwh_time_parameters {
    uint16_t year; /**< e.g. 2026 */
    uint8_t month;  /**< 1..12 */
    uint8_t day;    /**< 1..31 */
    uint8_t hour;   /**< 0..23 */
    uint8_t minute; /**< 0..59 */
    uint8_t second; /**< 0..59 */
} zwh_time_parameters_t;

/** @name Time Parameters codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_time_parameters_set_encode(const zwh_time_parameters_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_set_decode(const uint8_t *frame, size_t len, zwh_time_parameters_t *out);
ZWH_EXTERN int zwh_time_parameters_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_report_encode(const zwh_time_parameters_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_time_parameters_report_decode(const uint8_t *frame, size_t len, zwh_time_parameters_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
