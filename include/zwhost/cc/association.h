/** @file
 * zwhost — Association command class (0x85), version 3.
 *
 * Node IDs are uint16_t like everywhere in the API, but Association carries
 * classic 8-bit node IDs: encoders accept 1..232 and refuse anything else. */
#ifndef ZWHOST_CC_ASSOCIATION_H
#define ZWHOST_CC_ASSOCIATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Association frame. */
#define ZWH_CC_ASSOCIATION 0x85
/** Command identifiers: the second byte of a Association frame. @{ */
#define ZWH_ASSOCIATION_SET 0x01
#define ZWH_ASSOCIATION_GET 0x02
#define ZWH_ASSOCIATION_REPORT 0x03
#define ZWH_ASSOCIATION_REMOVE 0x04
#define ZWH_ASSOCIATION_GROUPINGS_GET 0x05
#define ZWH_ASSOCIATION_GROUPINGS_REPORT 0x06
#define ZWH_ASSOCIATION_SPECIFIC_GROUP_GET 0x0B
#define ZWH_ASSOCIATION_SPECIFIC_GROUP_REPORT 0x0C
/** @} */

/** Most node IDs one command carries (every classic node ID once). */
#define ZWH_ASSOCIATION_MAX_NODES 232

#ifdef __cplusplus
extern "C" {
#endif

/** Association Set / Remove. group_id: 1..255 for Set; Remove also accepts 0
 * ("every group"). An empty node list in Remove removes every node. */
typedef struct zwh_association_set {
    uint8_t group_id; /**< association group, 1..255 (Remove: 0..255) */
    uint8_t node_count; /**< entries used in node_ids */
    uint16_t node_ids[ZWH_ASSOCIATION_MAX_NODES]; /**< classic node IDs, 1..232 */
} zwh_association_set_t;
/** Association Remove: the fields of Set (group 0 = every group; an empty list = every node). */
typedef zwh_association_set_t zwh_association_remove_t;

/** Association Get / Specific Group Report: one group id. */
typedef struct zwh_association_get {
    uint8_t group_id; /**< association group, 1..255 */
} zwh_association_get_t;

/** Association Report. reports_to_follow > 0: more reports for the same group come. */
typedef struct zwh_association_report {
    uint8_t group_id; /**< the group reported */
    uint8_t max_nodes; /**< most nodes the group can hold */
    uint8_t reports_to_follow; /**< further reports for this group still to come */
    uint8_t node_count; /**< entries used in node_ids */
    uint16_t node_ids[ZWH_ASSOCIATION_MAX_NODES]; /**< the group's node IDs */
} zwh_association_report_t;

/** Association Groupings Report: number of groups the node supports. */
typedef struct zwh_association_groupings_report {
    uint8_t group_count; /**< number of association groups the node supports */
} zwh_association_groupings_report_t;

/** Association Specific Group Report (v2): the group the last user action
 * selected, 0 if none. */
typedef struct zwh_association_specific_group_report {
    uint8_t group_id; /**< group selected by the last user action, 0 = none */
} zwh_association_specific_group_report_t;

/** @name Association codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_association_set_encode(const zwh_association_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_set_decode(const uint8_t *frame, size_t len, zwh_association_set_t *out);
ZWH_EXTERN int zwh_association_get_encode(const zwh_association_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_get_decode(const uint8_t *frame, size_t len, zwh_association_get_t *out);
ZWH_EXTERN int zwh_association_report_encode(const zwh_association_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_report_decode(const uint8_t *frame, size_t len, zwh_association_report_t *out);
ZWH_EXTERN int zwh_association_remove_encode(const zwh_association_remove_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_remove_decode(const uint8_t *frame, size_t len, zwh_association_remove_t *out);
ZWH_EXTERN int zwh_association_groupings_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_groupings_report_encode(const zwh_association_groupings_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_groupings_report_decode(const uint8_t *frame, size_t len, zwh_association_groupings_report_t *out);
ZWH_EXTERN int zwh_association_specific_group_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_specific_group_report_encode(const zwh_association_specific_group_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_specific_group_report_decode(const uint8_t *frame, size_t len, zwh_association_specific_group_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
