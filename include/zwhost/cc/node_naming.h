/** @file
 * zwhost — Node Naming and Location command class (0x77), version 1. */
#ifndef ZWHOST_CC_NODE_NAMING_H
#define ZWHOST_CC_NODE_NAMING_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Node Naming and Location frame. */
#define ZWH_CC_NODE_NAMING 0x77
/** Command identifiers: the second byte of a Node Naming and Location frame. @{ */
#define ZWH_NODE_NAMING_NAME_SET 0x01
#define ZWH_NODE_NAMING_NAME_GET 0x02
#define ZWH_NODE_NAMING_NAME_REPORT 0x03
#define ZWH_NODE_NAMING_LOCATION_SET 0x04
#define ZWH_NODE_NAMING_LOCATION_GET 0x05
#define ZWH_NODE_NAMING_LOCATION_REPORT 0x06
/** @} */

/** Char presentation @{ */
#define ZWH_NODE_NAMING_ASCII 0x00
#define ZWH_NODE_NAMING_OEM_EXTENDED_ASCII 0x01
#define ZWH_NODE_NAMING_UTF16 0x02 /**< big endian, 2 bytes per character */
/** @} */

#define ZWH_NODE_NAMING_MAX 16 /**< bytes */

#ifdef __cplusplus
extern "C" {
#endif

/** Name or Location Set / Report: text of text_len (0..16) bytes, not
 * NUL-terminated, in the char_presentation encoding (0..7, 3 bits). */
typedef struct zwh_node_naming_text {
    uint8_t char_presentation; /**< ZWH_NODE_NAMING_ASCII, ... (0..7) */
    uint8_t text_len; /**< bytes used in text, 0..16 */
    uint8_t text[ZWH_NODE_NAMING_MAX]; /**< the name or location, not NUL-terminated */
} zwh_node_naming_text_t;
/** Name Set: a zwh_node_naming_text_t. */
typedef zwh_node_naming_text_t zwh_node_naming_name_set_t;
/** Name Report: a zwh_node_naming_text_t. */
typedef zwh_node_naming_text_t zwh_node_naming_name_report_t;
/** Location Set: a zwh_node_naming_text_t. */
typedef zwh_node_naming_text_t zwh_node_naming_location_set_t;
/** Location Report: a zwh_node_naming_text_t. */
typedef zwh_node_naming_text_t zwh_node_naming_location_report_t;

/** @name Node Naming and Location codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_node_naming_name_set_encode(const zwh_node_naming_name_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_name_set_decode(const uint8_t *frame, size_t len, zwh_node_naming_name_set_t *out);
ZWH_EXTERN int zwh_node_naming_name_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_name_report_encode(const zwh_node_naming_name_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_name_report_decode(const uint8_t *frame, size_t len, zwh_node_naming_name_report_t *out);
ZWH_EXTERN int zwh_node_naming_location_set_encode(const zwh_node_naming_location_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_location_set_decode(const uint8_t *frame, size_t len, zwh_node_naming_location_set_t *out);
ZWH_EXTERN int zwh_node_naming_location_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_location_report_encode(const zwh_node_naming_location_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_node_naming_location_report_decode(const uint8_t *frame, size_t len, zwh_node_naming_location_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
