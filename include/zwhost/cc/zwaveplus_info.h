/** @file
 * zwhost — Z-Wave Plus Info command class (0x5E), version 2. */
#ifndef ZWHOST_CC_ZWAVEPLUS_INFO_H
#define ZWHOST_CC_ZWAVEPLUS_INFO_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Z-Wave Plus Info frame. */
#define ZWH_CC_ZWAVEPLUS_INFO 0x5E
/** Command identifiers: the second byte of a Z-Wave Plus Info frame. @{ */
#define ZWH_ZWAVEPLUS_INFO_GET 0x01
#define ZWH_ZWAVEPLUS_INFO_REPORT 0x02
/** @} */

/** Role types @{ */
#define ZWH_ZWAVEPLUS_ROLE_CENTRAL_STATIC_CONTROLLER 0x00
#define ZWH_ZWAVEPLUS_ROLE_SUB_STATIC_CONTROLLER 0x01
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_CONTROLLER 0x02
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_REPORTING_CONTROLLER 0x03
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_END_NODE 0x04
#define ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE 0x05
#define ZWH_ZWAVEPLUS_ROLE_REPORTING_SLEEPING_END_NODE 0x06
#define ZWH_ZWAVEPLUS_ROLE_LISTENING_SLEEPING_END_NODE 0x07
#define ZWH_ZWAVEPLUS_ROLE_NETWORK_AWARE_END_NODE 0x08
/** @} */
/** Node types @{ */
#define ZWH_ZWAVEPLUS_NODE_TYPE_NODE 0x00
#define ZWH_ZWAVEPLUS_NODE_TYPE_IP_GATEWAY 0x02
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Z-Wave Plus Info Report. */
typedef struct zwh_zwaveplus_info_report {
    uint8_t zwaveplus_version; /**< 1 or 2 */
    uint8_t role_type; /**< ZWH_ZWAVEPLUS_ROLE_* */
    uint8_t node_type; /**< ZWH_ZWAVEPLUS_NODE_TYPE_* */
    uint16_t installer_icon; /**< icon type for installer tools */
    uint16_t user_icon; /**< icon type for end-user interfaces */
} zwh_zwaveplus_info_report_t;

/** @name Z-Wave Plus Info codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_zwaveplus_info_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_zwaveplus_info_report_encode(const zwh_zwaveplus_info_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_zwaveplus_info_report_decode(const uint8_t *frame, size_t len, zwh_zwaveplus_info_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
