/** @file
 * zwhost — Association Group Information command class (0x59), version 3. */
#ifndef ZWHOST_CC_ASSOCIATION_GROUP_INFO_H
#define ZWHOST_CC_ASSOCIATION_GROUP_INFO_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Association Group Information frame. */
#define ZWH_CC_ASSOCIATION_GROUP_INFO 0x59
/** Command identifiers: the second byte of a Association Group Information frame. @{ */
#define ZWH_ASSOCIATION_GROUP_INFO_NAME_GET 0x01
#define ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT 0x02
#define ZWH_ASSOCIATION_GROUP_INFO_INFO_GET 0x03
#define ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT 0x04
#define ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET 0x05
#define ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_REPORT 0x06
/** @} */

#define ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX 64   /**< bytes of UTF-8, no NUL */
#define ZWH_ASSOCIATION_GROUP_INFO_MAX_GROUPS 63 /**< 6-bit group count */
#define ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS 127 /**< 255-byte list of 2-byte entries */

/** Profile 0x0001: the Lifeline group. */
#define ZWH_AGI_PROFILE_GENERAL_LIFELINE 0x0001

#ifdef __cplusplus
extern "C" {
#endif

/** Name Get: group_id 1..255. */
typedef struct zwh_association_group_info_name_get {
    uint8_t group_id; /**< association group, 1..255 */
} zwh_association_group_info_name_get_t;

/** Name Report: name is UTF-8 of name_len bytes, not NUL-terminated. */
typedef struct zwh_association_group_info_name_report {
    uint8_t group_id; /**< the group named */
    uint8_t name_len; /**< bytes used in name, 0..ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX */
    uint8_t name[ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX]; /**< UTF-8, not NUL-terminated */
} zwh_association_group_info_name_report_t;

/** Info Get: list_mode = 1 asks for every group (the node ignores group_id,
 * which may then be 0); refresh_cache = 1 asks for fresh dynamic information. */
typedef struct zwh_association_group_info_info_get {
    uint8_t refresh_cache; /**< 1 = ask for fresh dynamic information */
    uint8_t list_mode; /**< 1 = report every group */
    uint8_t group_id; /**< the group (ignored with list_mode) */
} zwh_association_group_info_info_get_t;

/** One group of an Info Report. */
typedef struct zwh_association_group_info_group {
    uint8_t group_id; /**< association group, 1..255 */
    uint8_t mode;        /**< 0 */
    uint16_t profile;    /**< category << 8 | identifier, e.g. 0x0001 Lifeline */
    uint16_t event_code; /**< 0 */
} zwh_association_group_info_group_t;

/** Info Report: list_mode echoes the Get, dynamic = 1 when the information may
 * change at run time. */
typedef struct zwh_association_group_info_info_report {
    uint8_t list_mode; /**< echo of the Get's list_mode */
    uint8_t dynamic; /**< 1 = the information may change at run time */
    uint8_t group_count; /**< 0..63 */
    zwh_association_group_info_group_t groups[ZWH_ASSOCIATION_GROUP_INFO_MAX_GROUPS]; /**< group_count entries */
} zwh_association_group_info_info_report_t;

/** Command List Get: allow_cache = 1 lets a proxy answer from its cache. */
typedef struct zwh_association_group_info_command_list_get {
    uint8_t allow_cache; /**< 1 = a proxy may answer from its cache */
    uint8_t group_id; /**< association group, 1..255 */
} zwh_association_group_info_command_list_get_t;

/** One command a group sends. cc is 0x00..0xF0 for a normal class, or an
 * extended class 0xF100..0xFFFF (two bytes on the wire). */
typedef struct zwh_association_group_info_command {
    uint16_t cc; /**< command class: 0x00..0xF0, or an extended class 0xF100..0xFFFF */
    uint8_t command; /**< command identifier within the class */
} zwh_association_group_info_command_t;

/** Command List Report: the commands a group sends. */
typedef struct zwh_association_group_info_command_list_report {
    uint8_t group_id; /**< the group reported */
    uint8_t command_count; /**< entries used in commands */
    zwh_association_group_info_command_t commands[ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS]; /**< the commands the group sends */
} zwh_association_group_info_command_list_report_t;

/** @name Association Group Information codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_association_group_info_name_get_encode(const zwh_association_group_info_name_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_name_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_name_get_t *out);
ZWH_EXTERN int zwh_association_group_info_name_report_encode(const zwh_association_group_info_name_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_name_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_name_report_t *out);
ZWH_EXTERN int zwh_association_group_info_info_get_encode(const zwh_association_group_info_info_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_info_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_info_get_t *out);
ZWH_EXTERN int zwh_association_group_info_info_report_encode(const zwh_association_group_info_info_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_info_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_info_report_t *out);
ZWH_EXTERN int zwh_association_group_info_command_list_get_encode(const zwh_association_group_info_command_list_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_command_list_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_command_list_get_t *out);
ZWH_EXTERN int zwh_association_group_info_command_list_report_encode(const zwh_association_group_info_command_list_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_association_group_info_command_list_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_command_list_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
