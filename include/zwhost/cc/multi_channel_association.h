/** @file
 * zwhost — Multi Channel Association command class (0x8E), version 4.
 *
 * A destination list is node IDs (1..232), then, if any endpoint destination
 * follows, the marker byte 0x00 and pairs (node ID, endpoint byte). The
 * endpoint byte is an endpoint 0..127, or with bit_address = 1 a bit mask of
 * endpoints 1..7 (bit 0 = endpoint 1). */
#ifndef ZWHOST_CC_MULTI_CHANNEL_ASSOCIATION_H
#define ZWHOST_CC_MULTI_CHANNEL_ASSOCIATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Multi Channel Association frame. */
#define ZWH_CC_MULTI_CHANNEL_ASSOCIATION 0x8E
/** Command identifiers: the second byte of a Multi Channel Association frame. @{ */
#define ZWH_MULTI_CHANNEL_ASSOCIATION_SET 0x01
#define ZWH_MULTI_CHANNEL_ASSOCIATION_GET 0x02
#define ZWH_MULTI_CHANNEL_ASSOCIATION_REPORT 0x03
#define ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE 0x04
#define ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_GET 0x05
#define ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_REPORT 0x06
/** @} */

#define ZWH_MULTI_CHANNEL_ASSOCIATION_MARKER 0x00 /**< byte separating the node IDs from the (node, end point) pairs */
#define ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_NODES 232 /**< most plain node IDs one command carries */
#define ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_ENDPOINTS 127 /**< most (node, end point) destinations one command carries */

#ifdef __cplusplus
extern "C" {
#endif

/** One end point destination: a node and one end point (or a mask of end points 1..7). */
typedef struct zwh_multi_channel_association_endpoint {
    uint16_t node_id;    /**< 1..232 */
    uint8_t bit_address; /**< 0: endpoint is a number; 1: endpoint is a mask of endpoints 1..7 */
    uint8_t endpoint;    /**< 0..127 */
} zwh_multi_channel_association_endpoint_t;

/** Set / Remove. group_id 1..255 for Set; Remove accepts 0 ("every group").
 * Remove with no destinations clears the group. */
typedef struct zwh_multi_channel_association_set {
    uint8_t group_id; /**< association group, 1..255 (Remove: 0..255) */
    uint8_t node_count; /**< entries used in node_ids */
    uint8_t endpoint_count; /**< entries used in endpoints */
    uint16_t node_ids[ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_NODES]; /**< plain node destinations, 1..232 */
    zwh_multi_channel_association_endpoint_t endpoints[ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_ENDPOINTS]; /**< end point destinations */
} zwh_multi_channel_association_set_t;
/** Remove: the fields of Set (group 0 = every group; no destinations = clear the group). */
typedef zwh_multi_channel_association_set_t zwh_multi_channel_association_remove_t;

/** Get: one group. */
typedef struct zwh_multi_channel_association_get {
    uint8_t group_id; /**< association group, 1..255 */
} zwh_multi_channel_association_get_t;

/** Report: one group's destinations; reports_to_follow > 0 means more reports for the group come. */
typedef struct zwh_multi_channel_association_report {
    uint8_t group_id; /**< the group reported */
    uint8_t max_nodes; /**< most destinations the group can hold */
    uint8_t reports_to_follow; /**< further reports for this group still to come */
    uint8_t node_count; /**< entries used in node_ids */
    uint8_t endpoint_count; /**< entries used in endpoints */
    uint16_t node_ids[ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_NODES]; /**< plain node destinations */
    zwh_multi_channel_association_endpoint_t endpoints[ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_ENDPOINTS]; /**< end point destinations */
} zwh_multi_channel_association_report_t;

/** Groupings Report: number of groups. */
typedef struct zwh_multi_channel_association_groupings_report {
    uint8_t group_count; /**< number of association groups the node supports */
} zwh_multi_channel_association_groupings_report_t;

/** @name Multi Channel Association codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_multi_channel_association_set_encode(const zwh_multi_channel_association_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_set_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_set_t *out);
ZWH_EXTERN int zwh_multi_channel_association_get_encode(const zwh_multi_channel_association_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_get_t *out);
ZWH_EXTERN int zwh_multi_channel_association_report_encode(const zwh_multi_channel_association_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_report_t *out);
ZWH_EXTERN int zwh_multi_channel_association_remove_encode(const zwh_multi_channel_association_remove_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_remove_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_remove_t *out);
ZWH_EXTERN int zwh_multi_channel_association_groupings_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_groupings_report_encode(const zwh_multi_channel_association_groupings_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_multi_channel_association_groupings_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_groupings_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
