/** @file
 * zwhost — Switch All command class (0x27), version 1. */
#ifndef ZWHOST_CC_SWITCH_ALL_H
#define ZWHOST_CC_SWITCH_ALL_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Switch All frame. */
#define ZWH_CC_SWITCH_ALL 0x27
/** Command identifiers: the second byte of a Switch All frame. @{ */
#define ZWH_SWITCH_ALL_SET 0x01
#define ZWH_SWITCH_ALL_GET 0x02
#define ZWH_SWITCH_ALL_REPORT 0x03
#define ZWH_SWITCH_ALL_ON 0x04
#define ZWH_SWITCH_ALL_OFF 0x05
/** @} */

/** Modes (Z-Wave specification, Switch All CC):
 * 0x00 excluded from All On and All Off,
 * 0x01 excluded from All On, included in All Off,
 * 0x02 excluded from All Off, included in All On,
 * 0xFF included in All On and All Off. @{ */
#define ZWH_SWITCH_ALL_MODE_EXCLUDED 0x00
#define ZWH_SWITCH_ALL_MODE_OFF_ONLY 0x01
#define ZWH_SWITCH_ALL_MODE_ON_ONLY 0x02
#define ZWH_SWITCH_ALL_MODE_INCLUDED 0xFF
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Switch All Set and Report carry the same single field. */
typedef struct zwh_switch_all_mode {
    uint8_t mode; /**< ZWH_SWITCH_ALL_MODE_* */
} zwh_switch_all_mode_t;

/** @name Switch All codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_switch_all_set_encode(const zwh_switch_all_mode_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_switch_all_set_decode(const uint8_t *frame, size_t len, zwh_switch_all_mode_t *out);
ZWH_EXTERN int zwh_switch_all_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_switch_all_report_encode(const zwh_switch_all_mode_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_switch_all_report_decode(const uint8_t *frame, size_t len, zwh_switch_all_mode_t *out);
ZWH_EXTERN int zwh_switch_all_on_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_switch_all_off_encode(uint8_t *out, size_t cap);
/** @} */
/** "excluded", "off_only", "on_only", "included", or NULL. Static string. */
ZWH_EXTERN const char *zwh_switch_all_get_mode_name(uint8_t mode);

#ifdef __cplusplus
}
#endif
#endif
