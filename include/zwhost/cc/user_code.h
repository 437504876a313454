/** @file
 * zwhost — User Code command class (0x63), version 2. */
#ifndef ZWHOST_CC_USER_CODE_H
#define ZWHOST_CC_USER_CODE_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every User Code frame. */
#define ZWH_CC_USER_CODE 0x63
/** Command identifiers: the second byte of a User Code frame. @{ */
#define ZWH_USER_CODE_SET 0x01
#define ZWH_USER_CODE_GET 0x02
#define ZWH_USER_CODE_REPORT 0x03
#define ZWH_USER_CODE_USERS_NUMBER_GET 0x04
#define ZWH_USER_CODE_USERS_NUMBER_REPORT 0x05
#define ZWH_USER_CODE_CAPABILITIES_GET 0x06
#define ZWH_USER_CODE_CAPABILITIES_REPORT 0x07
#define ZWH_USER_CODE_KEYPAD_MODE_SET 0x08
#define ZWH_USER_CODE_KEYPAD_MODE_GET 0x09
#define ZWH_USER_CODE_KEYPAD_MODE_REPORT 0x0A
#define ZWH_USER_CODE_EXTENDED_SET 0x0B
#define ZWH_USER_CODE_EXTENDED_GET 0x0C
#define ZWH_USER_CODE_EXTENDED_REPORT 0x0D
#define ZWH_USER_CODE_ADMIN_CODE_SET 0x0E
#define ZWH_USER_CODE_ADMIN_CODE_GET 0x0F
#define ZWH_USER_CODE_ADMIN_CODE_REPORT 0x10
#define ZWH_USER_CODE_CHECKSUM_GET 0x11
#define ZWH_USER_CODE_CHECKSUM_REPORT 0x12
/** @} */

/** User ID status @{ */
#define ZWH_USER_CODE_STATUS_AVAILABLE 0x00
#define ZWH_USER_CODE_STATUS_ENABLED 0x01
#define ZWH_USER_CODE_STATUS_DISABLED 0x02
#define ZWH_USER_CODE_STATUS_MESSAGING 0x03 /**< v2 */
#define ZWH_USER_CODE_STATUS_PASSAGE 0x04   /**< v2 */
#define ZWH_USER_CODE_STATUS_NOT_AVAILABLE 0xFE /**< reports only */
/** @} */

/** Keypad modes (v2) @{ */
#define ZWH_USER_CODE_KEYPAD_NORMAL 0x00
#define ZWH_USER_CODE_KEYPAD_VACATION 0x01
#define ZWH_USER_CODE_KEYPAD_PRIVACY 0x02
#define ZWH_USER_CODE_KEYPAD_LOCKED_OUT 0x03
/** @} */

#define ZWH_USER_CODE_MIN_LEN 4 /**< shortest user code, in digits */
#define ZWH_USER_CODE_MAX_LEN 10 /**< longest user code, in digits */
#define ZWH_USER_CODE_MAX_ENTRIES 16 /**< extended set/report entries per command */

#ifdef __cplusplus
extern "C" {
#endif

/** User Code Set / Report (1-byte user ids).
 * Set: user_id 1..255 (0 only with status available: erase all, v2); status
 *   0..4; code: 4..10 ASCII digits. With status available the code is ignored
 *   and sent as 4 zero bytes, as the specification requires.
 * Report: status may also be 0xFE; code_len 0..10 bytes as received. */
typedef struct zwh_user_code {
    uint8_t user_id; /**< user id, 1..255 (0 = every user, Set with status available, V2) */
    uint8_t status; /**< ZWH_USER_CODE_STATUS_* */
    uint8_t code_len; /**< bytes used in code */
    uint8_t code[ZWH_USER_CODE_MAX_LEN]; /**< ASCII digits, not NUL-terminated */
} zwh_user_code_t;

/** User Code Get: one user id. */
typedef struct zwh_user_code_get {
    uint8_t user_id; /**< user id, 1..255 */
} zwh_user_code_get_t;

/** Users Number Report. V2 adds a 16-bit count (has_extended = 1). */
typedef struct zwh_user_code_users_number_report {
    uint8_t supported_users; /**< users supported, 0..255 */
    uint8_t has_extended; /**< 1 = extended_supported_users is present (V2) */
    uint16_t extended_supported_users; /**< users supported, 16 bits */
} zwh_user_code_users_number_report_t;

/** Capabilities Report (v2). Bitmasks: bit n = value n supported. */
typedef struct zwh_user_code_capabilities_report {
    uint8_t admin_code;             /**< AC: admin code supported */
    uint8_t admin_code_deactivation; /**< 1 = the admin code can be deactivated (ACD) */
    uint8_t status_mask;            /**< statuses 0..7 */
    uint8_t checksum;               /**< UCC: user code checksum supported */
    uint8_t multiple_report;        /**< MUCR */
    uint8_t multiple_set;           /**< MUCS */
    uint8_t keypad_modes_mask;      /**< modes 0..7 */
    uint8_t keys_len;               /**< bytes of keys_mask in use, 0..16 */
    uint8_t keys_mask[16];          /**< bit n = ASCII character n can be entered */
} zwh_user_code_capabilities_report_t;

/** Keypad Mode Set / Report (V2). */
typedef struct zwh_user_code_keypad_mode {
    uint8_t mode; /**< ZWH_USER_CODE_KEYPAD_* */
} zwh_user_code_keypad_mode_t;

/** One entry of Extended User Code Set / Report (16-bit user id). */
typedef struct zwh_user_code_entry {
    uint16_t user_id; /**< user id, 1..65535 */
    uint8_t status; /**< ZWH_USER_CODE_STATUS_* */
    uint8_t code_len; /**< bytes used in code */
    uint8_t code[ZWH_USER_CODE_MAX_LEN]; /**< ASCII digits, not NUL-terminated */
} zwh_user_code_entry_t;

/** Extended User Code Set (V2): several users with 16-bit ids. */
typedef struct zwh_user_code_extended_set {
    uint8_t count; /**< 1..ZWH_USER_CODE_MAX_ENTRIES */
    zwh_user_code_entry_t entries[ZWH_USER_CODE_MAX_ENTRIES]; /**< count entries */
} zwh_user_code_extended_set_t;

/** Extended User Code Get (V2). */
typedef struct zwh_user_code_extended_get {
    uint16_t user_id; /**< first user id to report */
    uint8_t report_more; /**< 1 = the node may report several users at once */
} zwh_user_code_extended_get_t;

/** Extended User Code Report (V2). */
typedef struct zwh_user_code_extended_report {
    uint8_t count; /**< entries used in entries */
    zwh_user_code_entry_t entries[ZWH_USER_CODE_MAX_ENTRIES]; /**< the users reported */
    uint16_t next_user_id; /**< the next user id in use, 0 = none */
} zwh_user_code_extended_report_t;

/** Admin Code Set / Report: code_len 0 (deactivate / none) or 4..10 digits. */
typedef struct zwh_user_code_admin_code {
    uint8_t code_len; /**< bytes used in code (0 = none / deactivate) */
    uint8_t code[ZWH_USER_CODE_MAX_LEN]; /**< ASCII digits, not NUL-terminated */
} zwh_user_code_admin_code_t;

/** User Code Checksum Report (V2). */
typedef struct zwh_user_code_checksum_report {
    uint16_t checksum; /**< CRC-16 over every user id, status and code in use (0 = none set) */
} zwh_user_code_checksum_report_t;

/** @name User Code codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_user_code_set_encode(const zwh_user_code_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_set_decode(const uint8_t *frame, size_t len, zwh_user_code_t *out);
ZWH_EXTERN int zwh_user_code_get_encode(const zwh_user_code_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_get_decode(const uint8_t *frame, size_t len, zwh_user_code_get_t *out);
ZWH_EXTERN int zwh_user_code_report_encode(const zwh_user_code_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_report_decode(const uint8_t *frame, size_t len, zwh_user_code_t *out);
ZWH_EXTERN int zwh_user_code_users_number_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_users_number_report_encode(const zwh_user_code_users_number_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_users_number_report_decode(const uint8_t *frame, size_t len, zwh_user_code_users_number_report_t *out);
ZWH_EXTERN int zwh_user_code_capabilities_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_capabilities_report_encode(const zwh_user_code_capabilities_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_user_code_capabilities_report_t *out);
ZWH_EXTERN int zwh_user_code_keypad_mode_set_encode(const zwh_user_code_keypad_mode_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_keypad_mode_set_decode(const uint8_t *frame, size_t len, zwh_user_code_keypad_mode_t *out);
ZWH_EXTERN int zwh_user_code_keypad_mode_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_keypad_mode_report_encode(const zwh_user_code_keypad_mode_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_keypad_mode_report_decode(const uint8_t *frame, size_t len, zwh_user_code_keypad_mode_t *out);
ZWH_EXTERN int zwh_user_code_extended_set_encode(const zwh_user_code_extended_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_extended_set_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_set_t *out);
ZWH_EXTERN int zwh_user_code_extended_get_encode(const zwh_user_code_extended_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_extended_get_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_get_t *out);
ZWH_EXTERN int zwh_user_code_extended_report_encode(const zwh_user_code_extended_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_extended_report_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_report_t *out);
ZWH_EXTERN int zwh_user_code_admin_code_set_encode(const zwh_user_code_admin_code_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_admin_code_set_decode(const uint8_t *frame, size_t len, zwh_user_code_admin_code_t *out);
ZWH_EXTERN int zwh_user_code_admin_code_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_admin_code_report_encode(const zwh_user_code_admin_code_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_admin_code_report_decode(const uint8_t *frame, size_t len, zwh_user_code_admin_code_t *out);
ZWH_EXTERN int zwh_user_code_checksum_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_checksum_report_encode(const zwh_user_code_checksum_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_user_code_checksum_report_decode(const uint8_t *frame, size_t len, zwh_user_code_checksum_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
