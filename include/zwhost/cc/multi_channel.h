/** @file
 * zwhost — Multi Channel command class (0x60), version 4: frame codecs. */
#ifndef ZWHOST_CC_MULTI_CHANNEL_H
#define ZWHOST_CC_MULTI_CHANNEL_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Multi Channel frame. */
#define ZWH_CC_MULTI_CHANNEL 0x60
/** Command identifiers: the second byte of a Multi Channel frame. @{ */
#define ZWH_MULTI_CHANNEL_END_POINT_GET 0x07
#define ZWH_MULTI_CHANNEL_END_POINT_REPORT 0x08
#define ZWH_MULTI_CHANNEL_CAPABILITY_GET 0x09
#define ZWH_MULTI_CHANNEL_CAPABILITY_REPORT 0x0A
#define ZWH_MULTI_CHANNEL_END_POINT_FIND 0x0B
#define ZWH_MULTI_CHANNEL_END_POINT_FIND_REPORT 0x0C
#define ZWH_MULTI_CHANNEL_CMD_ENCAP 0x0D
#define ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_GET 0x0E
#define ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_REPORT 0x0F
/** @} */

#define ZWH_MULTI_CHANNEL_MAX_ENDPOINT 127 /**< highest end point number (7 bits) */
#define ZWH_MULTI_CHANNEL_MAX_CCS 64 /**< command class bytes of a Capability Report kept */

#ifdef __cplusplus
extern "C" {
#endif

/** End Point Report. V4 adds the aggregated count (has_aggregated). */
typedef struct zwh_multi_channel_end_point_report {
    uint8_t dynamic;   /**< 0/1 */
    uint8_t identical; /**< 0/1 */
    uint8_t individual; /**< 0..127 */
    uint8_t has_aggregated; /**< 1 = aggregated is present (V4) */
    uint8_t aggregated; /**< 0..127 */
} zwh_multi_channel_end_point_report_t;

/** Capability Get: one end point. */
typedef struct zwh_multi_channel_capability_get {
    uint8_t endpoint; /**< 1..127 */
} zwh_multi_channel_capability_get_t;

/** Capability Report: the command class list is kept as raw bytes
 * (extended classes 0xF1.. take two bytes). */
typedef struct zwh_multi_channel_capability_report {
    uint8_t dynamic; /**< 1 = a dynamic end point (may come and go) */
    uint8_t endpoint; /**< the end point described, 1..127 */
    uint8_t generic; /**< generic device class of the end point */
    uint8_t specific; /**< specific device class of the end point */
    uint8_t ncc; /**< bytes used in ccs */
    uint8_t ccs[ZWH_MULTI_CHANNEL_MAX_CCS]; /**< the end point's command classes, as on the wire */
} zwh_multi_channel_capability_report_t;

/** End Point Find: 0xFF for "any". */
typedef struct zwh_multi_channel_end_point_find {
    uint8_t generic; /**< generic device class, 0xFF = any */
    uint8_t specific; /**< specific device class, 0xFF = any */
} zwh_multi_channel_end_point_find_t;

/** End Point Find Report: the end points of one device class. */
typedef struct zwh_multi_channel_end_point_find_report {
    uint8_t reports_to_follow; /**< further reports still to come */
    uint8_t generic; /**< generic device class searched for */
    uint8_t specific; /**< specific device class searched for */
    uint8_t count; /**< entries used in endpoints */
    uint8_t endpoints[ZWH_MULTI_CHANNEL_MAX_ENDPOINT]; /**< end point numbers, 1..127 */
} zwh_multi_channel_end_point_find_report_t;

/** Aggregated Members Get: one aggregated end point. */
typedef struct zwh_multi_channel_aggregated_members_get {
    uint8_t endpoint; /**< the aggregated end point, 1..127 */
} zwh_multi_channel_aggregated_members_get_t;

/** Aggregated Members Report: bit n of mask = end point n+1 is a member. */
typedef struct zwh_multi_channel_aggregated_members_report {
    uint8_t endpoint; /**< the aggregated end point */
    uint8_t mask_len; /**< 0..16 */
    uint8_t mask[16]; /**< bit n = end point n+1 is a member */
} zwh_multi_channel_aggregated_members_report_t;

/** Command Encapsulation. destination is an end point (0..127), or with
 * bit_address = 1 a mask of end points 1..7 (bit 0 = end point 1). The
 * encapsulated command is passed to the encoder separately; the decoder
 * reports frame[cmd_offset .. cmd_offset + cmd_len). */
typedef struct zwh_multi_channel_encap {
    uint8_t source; /**< source end point, 0..127 */
    uint8_t bit_address; /**< 1 = destination is a mask of end points 1..7 */
    uint8_t destination; /**< destination end point 0..127, or a mask (bit_address) */
    uint16_t cmd_offset; /**< decoder: offset of the encapsulated command in the frame */
    uint16_t cmd_len; /**< decoder: length of the encapsulated command */
} zwh_multi_channel_encap_t;

/** @name Multi Channel codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_multi_channel_end_point_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_end_point_report_encode(const zwh_multi_channel_end_point_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_end_point_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_report_t *out);
ZWH_EXTERN int zwh_multi_channel_capability_get_encode(const zwh_multi_channel_capability_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_capability_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_capability_get_t *out);
ZWH_EXTERN int zwh_multi_channel_capability_report_encode(const zwh_multi_channel_capability_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_capability_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_capability_report_t *out);
ZWH_EXTERN int zwh_multi_channel_end_point_find_encode(const zwh_multi_channel_end_point_find_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_end_point_find_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_find_t *out);
ZWH_EXTERN int zwh_multi_channel_end_point_find_report_encode(const zwh_multi_channel_end_point_find_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_end_point_find_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_find_report_t *out);
ZWH_EXTERN int zwh_multi_channel_aggregated_members_get_encode(const zwh_multi_channel_aggregated_members_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_aggregated_members_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_aggregated_members_get_t *out);
ZWH_EXTERN int zwh_multi_channel_aggregated_members_report_encode(const zwh_multi_channel_aggregated_members_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_aggregated_members_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_aggregated_members_report_t *out);
ZWH_EXTERN int zwh_multi_channel_encap_encode(const zwh_multi_channel_encap_t *in, const uint8_t *cmd, size_t cmd_len,
                                              uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_encap_decode(const uint8_t *frame, size_t len, zwh_multi_channel_encap_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
