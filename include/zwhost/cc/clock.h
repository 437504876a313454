/** @file
 * zwhost — Clock command class (0x81), version 1: local weekday and time. */
#ifndef ZWHOST_CC_CLOCK_H
#define ZWHOST_CC_CLOCK_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Clock frame. */
#define ZWH_CC_CLOCK 0x81
/** Command identifiers: the second byte of a Clock frame. @{ */
#define ZWH_CLOCK_SET 0x04
#define ZWH_CLOCK_GET 0x05
#define ZWH_CLOCK_REPORT 0x06
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Clock Set / Report. weekday: 0 unknown, 1 Monday .. 7 Sunday. */
typedef struct zwh_clock {
    uint8_t weekday; /**< 0..7 */
    uint8_t hour;    /**< 0..23 */
    uint8_t minute;  /**< 0..59 */
} zwh_clock_t;

/** @name Clock codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_clock_set_encode(const zwh_clock_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_set_decode(const uint8_t *frame, size_t len, zwh_clock_t *out);
ZWH_EXTERN int zwh_clock_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_report_encode(const zwh_clock_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_clock_report_decode(const uint8_t *frame, size_t len, zwh_clock_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
