/** @file
 * zwhost — Authentication command class (0xA1), version 1. */
#ifndef ZWHOST_CC_AUTHENTICATION_H
#define ZWHOST_CC_AUTHENTICATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Authentication frame. */
#define ZWH_CC_AUTHENTICATION 0xA1
/** Command identifiers: the second byte of a Authentication frame. @{ */
#define ZWH_AUTHENTICATION_CAPABILITY_GET 0x01
#define ZWH_AUTHENTICATION_CAPABILITY_REPORT 0x02
#define ZWH_AUTHENTICATION_DATA_SET 0x03
#define ZWH_AUTHENTICATION_DATA_GET 0x04
#define ZWH_AUTHENTICATION_DATA_REPORT 0x05
#define ZWH_AUTHENTICATION_COMBINATION_SET 0x06
#define ZWH_AUTHENTICATION_COMBINATION_GET 0x07
#define ZWH_AUTHENTICATION_COMBINATION_REPORT 0x08
#define ZWH_AUTHENTICATION_CHECKSUM_GET 0x09
#define ZWH_AUTHENTICATION_CHECKSUM_REPORT 0x0A
/** @} */

/** Technology types @{ */
#define ZWH_AUTHENTICATION_RFID 0x01
#define ZWH_AUTHENTICATION_MAGNETIC_CARD 0x02
/** @} */
/** Fallback status (same values as the User Code status) @{ */
#define ZWH_AUTHENTICATION_AVAILABLE 0x00
#define ZWH_AUTHENTICATION_ENABLED 0x01
#define ZWH_AUTHENTICATION_DISABLED 0x02
#define ZWH_AUTHENTICATION_MESSAGING 0x03
#define ZWH_AUTHENTICATION_PASSAGE 0x04
/** @} */
/** Checksum types @{ */
#define ZWH_AUTHENTICATION_CHECKSUM_DATA 0x00
#define ZWH_AUTHENTICATION_CHECKSUM_COMBINATIONS 0x01
/** @} */

#define ZWH_AUTHENTICATION_MAX_DATA 64      /**< bytes of authentication data per entry */
#define ZWH_AUTHENTICATION_MAX_DATA_IDS 16  /**< data ids per combination */
#define ZWH_AUTHENTICATION_MAX_BLOCKS 4     /**< blocks one report decode returns */

#ifdef __cplusplus
extern "C" {
#endif

/** Capability Report: what the node's authentication engine supports. */
typedef struct zwh_authentication_capability_report {
    uint16_t data_ids;        /**< supported Authentication Data ID entries */
    uint16_t auth_ids;        /**< supported Authentication ID entries */
    uint8_t mar;              /**< multiple authentication id report */
    uint8_t madr;             /**< multiple authentication data report */
    uint8_t or_logic;         /**< OR combinations supported */
    uint8_t tech_mask_len;    /**< 0..15 */
    uint8_t tech_mask[15];    /**< bit n = technology type n */
    uint8_t checksum_mask;    /**< bit n = checksum type n */
    uint8_t fallback_mask_len; /**< bytes used in fallback_mask (0..31) */
    uint8_t fallback_mask[31]; /**< bit n = fallback status n (ZWH_AUTHENTICATION_AVAILABLE..) supported */
} zwh_authentication_capability_report_t;

/** Authentication Data Set, and one block of a Data Report. */
typedef struct zwh_authentication_data {
    uint16_t data_id; /**< Authentication Data ID */
    uint8_t tech_type; /**< 0..15 */
    uint8_t data_len;  /**< 0 erases */
    uint8_t data[ZWH_AUTHENTICATION_MAX_DATA]; /**< data_len bytes of authentication data (e.g. an RFID tag id) */
} zwh_authentication_data_t;

/** Data Get and Technologies Combination Get. */
typedef struct zwh_authentication_get {
    uint16_t id; /**< first Authentication Data ID (Data Get) or Authentication ID (Combination Get) to report */
    uint8_t report_more; /**< 0/1 */
} zwh_authentication_get_t;

/** Authentication Data Report: up to ZWH_AUTHENTICATION_MAX_BLOCKS data entries. */
typedef struct zwh_authentication_data_report {
    uint8_t count; /**< 1..ZWH_AUTHENTICATION_MAX_BLOCKS */
    zwh_authentication_data_t blocks[ZWH_AUTHENTICATION_MAX_BLOCKS]; /**< count entries */
    uint16_t next_data_id; /**< the next Authentication Data ID to ask for, 0 = none left */
} zwh_authentication_data_report_t;

/** Technologies Combination Set, and one block of a Combination Report. */
typedef struct zwh_authentication_combination {
    uint16_t auth_id; /**< Authentication ID */
    uint8_t fallback_status; /**< ZWH_AUTHENTICATION_AVAILABLE, ... */
    uint16_t user_id;        /**< User Code user id, 0 = none */
    uint16_t schedule_id;    /**< Generic Schedule id, 0 = always */
    uint8_t or_logic;        /**< 0 AND, 1 OR */
    uint8_t ndata;           /**< 0..ZWH_AUTHENTICATION_MAX_DATA_IDS */
    uint16_t data_ids[ZWH_AUTHENTICATION_MAX_DATA_IDS]; /**< ndata Authentication Data IDs combined by or_logic */
} zwh_authentication_combination_t;

/** Technologies Combination Report: up to ZWH_AUTHENTICATION_MAX_BLOCKS combinations. */
typedef struct zwh_authentication_combination_report {
    uint8_t count; /**< 1..ZWH_AUTHENTICATION_MAX_BLOCKS */
    zwh_authentication_combination_t blocks[ZWH_AUTHENTICATION_MAX_BLOCKS]; /**< count entries */
    uint16_t next_auth_id; /**< the next Authentication ID to ask for, 0 = none left */
} zwh_authentication_combination_report_t;

/** Checksum Get (checksum_type, tech_type) and Checksum Report (also checksum). */
typedef struct zwh_authentication_checksum {
    uint8_t checksum_type; /**< 0..7 */
    uint8_t tech_type;     /**< 0..15 */
    uint16_t checksum;     /**< report only */
} zwh_authentication_checksum_t;

/** @name Authentication codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_authentication_capability_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_capability_report_encode(const zwh_authentication_capability_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_capability_report_decode(const uint8_t *frame, size_t len, zwh_authentication_capability_report_t *out);
ZWH_EXTERN int zwh_authentication_data_set_encode(const zwh_authentication_data_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_data_set_decode(const uint8_t *frame, size_t len, zwh_authentication_data_t *out);
ZWH_EXTERN int zwh_authentication_data_get_encode(const zwh_authentication_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_data_get_decode(const uint8_t *frame, size_t len, zwh_authentication_get_t *out);
ZWH_EXTERN int zwh_authentication_data_report_encode(const zwh_authentication_data_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_data_report_decode(const uint8_t *frame, size_t len, zwh_authentication_data_report_t *out);
ZWH_EXTERN int zwh_authentication_combination_set_encode(const zwh_authentication_combination_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_combination_set_decode(const uint8_t *frame, size_t len, zwh_authentication_combination_t *out);
ZWH_EXTERN int zwh_authentication_combination_get_encode(const zwh_authentication_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_combination_get_decode(const uint8_t *frame, size_t len, zwh_authentication_get_t *out);
ZWH_EXTERN int zwh_authentication_combination_report_encode(const zwh_authentication_combination_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_combination_report_decode(const uint8_t *frame, size_t len, zwh_authentication_combination_report_t *out);
ZWH_EXTERN int zwh_authentication_checksum_get_encode(const zwh_authentication_checksum_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_checksum_get_decode(const uint8_t *frame, size_t len, zwh_authentication_checksum_t *out);
ZWH_EXTERN int zwh_authentication_checksum_report_encode(const zwh_authentication_checksum_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_authentication_checksum_report_decode(const uint8_t *frame, size_t len, zwh_authentication_checksum_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
