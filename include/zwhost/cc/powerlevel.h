/** @file
 * zwhost — Powerlevel command class (0x73), version 1.
 *
 * Power levels: 0 = normal power, 1..9 = normal minus 1..9 dBm. */
#ifndef ZWHOST_CC_POWERLEVEL_H
#define ZWHOST_CC_POWERLEVEL_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Powerlevel frame. */
#define ZWH_CC_POWERLEVEL 0x73
/** Command identifiers: the second byte of a Powerlevel frame. @{ */
#define ZWH_POWERLEVEL_SET 0x01
#define ZWH_POWERLEVEL_GET 0x02
#define ZWH_POWERLEVEL_REPORT 0x03
#define ZWH_POWERLEVEL_TEST_NODE_SET 0x04
#define ZWH_POWERLEVEL_TEST_NODE_GET 0x05
#define ZWH_POWERLEVEL_TEST_NODE_REPORT 0x06
/** @} */

/** The strongest and the weakest power level. @{ */
#define ZWH_POWERLEVEL_NORMAL 0x00
#define ZWH_POWERLEVEL_MINUS_9DBM 0x09
/** @} */

/** Test Node Report status. @{ */
#define ZWH_POWERLEVEL_TEST_FAILED 0x00
#define ZWH_POWERLEVEL_TEST_SUCCESS 0x01
#define ZWH_POWERLEVEL_TEST_IN_PROGRESS 0x02
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Powerlevel Set / Report. timeout: seconds 1..255 the level stays before the
 * node returns to normal; 0 only with ZWH_POWERLEVEL_NORMAL. */
typedef struct zwh_powerlevel_set {
    uint8_t power_level; /**< ZWH_POWERLEVEL_NORMAL .. ZWH_POWERLEVEL_MINUS_9DBM */
    uint8_t timeout; /**< seconds 1..255 before returning to normal power */
} zwh_powerlevel_set_t;
/** Powerlevel Report: the fields of Set. */
typedef zwh_powerlevel_set_t zwh_powerlevel_report_t;

/** Test Node Set: send frame_count (1..65535) test frames to test_node_id at power_level. */
typedef struct zwh_powerlevel_test_node_set {
    uint16_t test_node_id; /**< 1..232 */
    uint8_t power_level; /**< power level of the test frames */
    uint16_t frame_count; /**< test frames to send, 1..65535 */
} zwh_powerlevel_test_node_set_t;

/** Test Node Report: status ZWH_POWERLEVEL_TEST_*; ack_count frames acknowledged. */
typedef struct zwh_powerlevel_test_node_report {
    uint16_t test_node_id; /**< 0 = no test has been made */
    uint8_t status; /**< ZWH_POWERLEVEL_TEST_* */
    uint16_t ack_count; /**< test frames acknowledged */
} zwh_powerlevel_test_node_report_t;

/** @name Powerlevel codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_powerlevel_set_encode(const zwh_powerlevel_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_set_decode(const uint8_t *frame, size_t len, zwh_powerlevel_set_t *out);
ZWH_EXTERN int zwh_powerlevel_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_report_encode(const zwh_powerlevel_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_report_decode(const uint8_t *frame, size_t len, zwh_powerlevel_report_t *out);
ZWH_EXTERN int zwh_powerlevel_test_node_set_encode(const zwh_powerlevel_test_node_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_test_node_set_decode(const uint8_t *frame, size_t len, zwh_powerlevel_test_node_set_t *out);
ZWH_EXTERN int zwh_powerlevel_test_node_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_test_node_report_encode(const zwh_powerlevel_test_node_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_powerlevel_test_node_report_decode(const uint8_t *frame, size_t len, zwh_powerlevel_test_node_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
