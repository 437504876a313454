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

#define ZWH_MULTI_CHANNEL_MAX_ENDPOINT 127
#define ZWH_MULTI_CHANNEL_MAX_CCS 64

#ifdef __cplusplus
extern "C" {
#endif

/** End Point Report. V4 adds the aggregated count (has_aggregated). */
typedef struct zwh_multi_channel_end_point_report {
    uint8_t dynamic;   /**< 0/1 */
    uint8_t identical; /**< 0/1 */
    uint8_t individual; /**< 0..127 */
    uint8_t has_aggregated;
    uint8_t aggregated; /**< 0..127 */
} zwh_multi_channel_end_point_report_t;

typedef struct zwh_multi_channel_capability_get {
    uint8_t endpoint; /**< 1..127 */
} zwh_multi_channel_capability_get_t;

/** Capability Report: the command class list is kept as raw bytes
 * (extended classes 0xF1.. take two bytes). */
typedef struct zwh_multi_channel_capability_report {
    uint8_t dynamic;
    uint8_t endpoint;
    uint8_t generic;
    uint8_t specific;
    uint8_t ncc;
    uint8_t ccs[ZWH_MULTI_CHANNEL_MAX_CCS];
} zwh_multi_channel_capability_report_t;

/** End Point Find: 0xFF for "any". */
typedef struct zwh_multi_channel_end_point_find {
    uint8_t generic;
    uint8_t specific;
} zwh_multi_channel_end_point_find_t;

typedef struct zwh_multi_channel_end_point_find_report {
    uint8_t reports_to_follow;
    uint8_t generic;
    uint8_t specific;
    uint8_t count;
    uint8_t endpoints[ZWH_MULTI_CHANNEL_MAX_ENDPOINT];
} zwh_multi_channel_end_point_find_report_t;

typedef struct zwh_multi_channel_aggregated_members_get {
    uint8_t endpoint;
} zwh_multi_channel_aggregated_members_get_t;

/** Aggregated Members Report: bit n of mask = end point n+1 is a member. */
typedef struct zwh_multi_channel_aggregated_members_report {
    uint8_t endpoint;
    uint8_t mask_len; /**< 0..16 */
    uint8_t mask[16];
} zwh_multi_channel_aggregated_members_report_t;

/** Command Encapsulation. destination is an end point (0..127), or with
 * bit_address = 1 a mask of end points 1..7 (bit 0 = end point 1). The
 * encapsulated command is passed to the encoder separately; the decoder
 * reports frame[cmd_offset .. cmd_offset + cmd_len). */
typedef struct zwh_multi_channel_encap {
    uint8_t source;
    uint8_t bit_address;
    uint8_t destination;
    uint16_t cmd_offset;
    uint16_t cmd_len;
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
