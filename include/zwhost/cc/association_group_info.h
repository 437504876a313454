/* zwhost — Association Group Information command class (0x59), version 3. */
#ifndef ZWHOST_CC_ASSOCIATION_GROUP_INFO_H
#define ZWHOST_CC_ASSOCIATION_GROUP_INFO_H

#include "zwhost/common.h"

#define ZWH_CC_ASSOCIATION_GROUP_INFO 0x59
#define ZWH_ASSOCIATION_GROUP_INFO_NAME_GET 0x01
#define ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT 0x02
#define ZWH_ASSOCIATION_GROUP_INFO_INFO_GET 0x03
#define ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT 0x04
#define ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET 0x05
#define ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_REPORT 0x06

#define ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX 64   /* bytes of UTF-8, no NUL */
#define ZWH_ASSOCIATION_GROUP_INFO_MAX_GROUPS 63 /* 6-bit group count */
#define ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS 127 /* 255-byte list of 2-byte entries */

/* Profile 0x0001: the Lifeline group. */
#define ZWH_AGI_PROFILE_GENERAL_LIFELINE 0x0001

#ifdef __cplusplus
extern "C" {
#endif

/* Name Get: group_id 1..255. */
typedef struct zwh_association_group_info_name_get {
    uint8_t group_id;
} zwh_association_group_info_name_get_t;

/* Name Report: name is UTF-8 of name_len bytes, not NUL-terminated. */
typedef struct zwh_association_group_info_name_report {
    uint8_t group_id;
    uint8_t name_len;
    uint8_t name[ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX];
} zwh_association_group_info_name_report_t;

/* Info Get: list_mode = 1 asks for every group (the node ignores group_id,
 * which may then be 0); refresh_cache = 1 asks for fresh dynamic information. */
typedef struct zwh_association_group_info_info_get {
    uint8_t refresh_cache;
    uint8_t list_mode;
    uint8_t group_id;
} zwh_association_group_info_info_get_t;

typedef struct zwh_association_group_info_group {
    uint8_t group_id;
    uint8_t mode;        /* 0 */
    uint16_t profile;    /* category << 8 | identifier, e.g. 0x0001 Lifeline */
    uint16_t event_code; /* 0 */
} zwh_association_group_info_group_t;

/* Info Report: list_mode echoes the Get, dynamic = 1 when the information may
 * change at run time. */
typedef struct zwh_association_group_info_info_report {
    uint8_t list_mode;
    uint8_t dynamic;
    uint8_t group_count; /* 0..63 */
    zwh_association_group_info_group_t groups[ZWH_ASSOCIATION_GROUP_INFO_MAX_GROUPS];
} zwh_association_group_info_info_report_t;

/* Command List Get: allow_cache = 1 lets a proxy answer from its cache. */
typedef struct zwh_association_group_info_command_list_get {
    uint8_t allow_cache;
    uint8_t group_id;
} zwh_association_group_info_command_list_get_t;

/* One command a group sends. cc is 0x00..0xF0 for a normal class, or an
 * extended class 0xF100..0xFFFF (two bytes on the wire). */
typedef struct zwh_association_group_info_command {
    uint16_t cc;
    uint8_t command;
} zwh_association_group_info_command_t;

typedef struct zwh_association_group_info_command_list_report {
    uint8_t group_id;
    uint8_t command_count;
    zwh_association_group_info_command_t commands[ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS];
} zwh_association_group_info_command_list_report_t;

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

#ifdef __cplusplus
}
#endif
#endif
