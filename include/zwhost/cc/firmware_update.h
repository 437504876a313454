/** @file
 * zwhost — Firmware Update Meta Data command class (0x7A), version 5 (later
 * optional fields — the Meta Data Report capability bits, the resume bit —
 * are decoded and encoded too).
 *
 * Optional trailing fields of older versions are marked by has_* members:
 * an encoder writes a group only when its has_* is 1 (and every earlier
 * group too); a decoder sets has_* for the groups present. */
#ifndef ZWHOST_CC_FIRMWARE_UPDATE_H
#define ZWHOST_CC_FIRMWARE_UPDATE_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Firmware Update Meta Data frame. */
#define ZWH_CC_FIRMWARE_UPDATE 0x7A
/** Command identifiers: the second byte of a Firmware Update Meta Data frame. @{ */
#define ZWH_FIRMWARE_UPDATE_META_DATA_GET 0x01
#define ZWH_FIRMWARE_UPDATE_META_DATA_REPORT 0x02
#define ZWH_FIRMWARE_UPDATE_REQUEST_GET 0x03
#define ZWH_FIRMWARE_UPDATE_REQUEST_REPORT 0x04
#define ZWH_FIRMWARE_UPDATE_GET 0x05
#define ZWH_FIRMWARE_UPDATE_REPORT 0x06
#define ZWH_FIRMWARE_UPDATE_STATUS_REPORT 0x07
#define ZWH_FIRMWARE_UPDATE_ACTIVATION_SET 0x08
#define ZWH_FIRMWARE_UPDATE_ACTIVATION_STATUS_REPORT 0x09
#define ZWH_FIRMWARE_UPDATE_PREPARE_GET 0x0A
#define ZWH_FIRMWARE_UPDATE_PREPARE_REPORT 0x0B
/** @} */

#define ZWH_FIRMWARE_UPDATE_MAX_TARGETS 255     /**< additional targets (count is a byte) */
#define ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT 2048   /**< data bytes in one Report */
#define ZWH_FIRMWARE_UPDATE_MAX_REPORT_NUMBER 0x7FFF /**< highest fragment number (15 bits) */

/** Request Report status @{ */
#define ZWH_FIRMWARE_REQUEST_INVALID_ID 0x00
#define ZWH_FIRMWARE_REQUEST_AUTH_EXPECTED 0x01
#define ZWH_FIRMWARE_REQUEST_FRAGMENT_TOO_LARGE 0x02
#define ZWH_FIRMWARE_REQUEST_NOT_UPGRADABLE 0x03
#define ZWH_FIRMWARE_REQUEST_INVALID_HW_VERSION 0x04
#define ZWH_FIRMWARE_REQUEST_TRANSFER_ONGOING 0x05
#define ZWH_FIRMWARE_REQUEST_BATTERY_LOW 0x06
#define ZWH_FIRMWARE_REQUEST_OK 0xFF
/** @} */
/** Status Report status @{ */
#define ZWH_FIRMWARE_STATUS_CHECKSUM_ERROR 0x00
#define ZWH_FIRMWARE_STATUS_DOWNLOAD_FAILED 0x01
#define ZWH_FIRMWARE_STATUS_INVALID_MANUFACTURER 0x02
#define ZWH_FIRMWARE_STATUS_INVALID_FIRMWARE_ID 0x03
#define ZWH_FIRMWARE_STATUS_INVALID_TARGET 0x04
#define ZWH_FIRMWARE_STATUS_INVALID_HEADER 0x05
#define ZWH_FIRMWARE_STATUS_INVALID_HEADER_FORMAT 0x06
#define ZWH_FIRMWARE_STATUS_INSUFFICIENT_MEMORY 0x07
#define ZWH_FIRMWARE_STATUS_INVALID_HW_VERSION 0x08
#define ZWH_FIRMWARE_STATUS_OK_WAITING_ACTIVATION 0xFD
#define ZWH_FIRMWARE_STATUS_OK_NO_RESTART 0xFE
#define ZWH_FIRMWARE_STATUS_OK_RESTART 0xFF
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Meta Data Report.
 * V1: manufacturer_id, firmware_id, checksum (of firmware 0).
 * V3 (has_targets): upgradable (1 = 0xFF on the wire), target_count,
 *     max_fragment_size, firmware ids of targets 1..target_count.
 * V5 (has_hardware_version): hardware_version.
 * V6+ (has_capabilities): continues_to_function (bit 0), activation (bit 1),
 *     non_secure (bit 2), resume (bit 3). */
typedef struct zwh_firmware_update_meta_data_report {
    uint16_t manufacturer_id; /**< Manufacturer ID of the node */
    uint16_t firmware_id; /**< identifier of firmware 0 (the Z-Wave chip's) */
    uint16_t checksum; /**< CRC-16 of firmware 0 */
    uint8_t has_targets; /**< 1 = upgradable, target_count, max_fragment_size and the target ids are present (V3+) */
    uint8_t upgradable; /**< 1 = firmware 0 can be updated */
    uint8_t target_count; /**< additional firmware targets, entries used in target_firmware_ids */
    uint16_t max_fragment_size; /**< most data bytes the node accepts in one Report */
    uint16_t target_firmware_ids[ZWH_FIRMWARE_UPDATE_MAX_TARGETS]; /**< firmware ids of targets 1..target_count */
    uint8_t has_hardware_version; /**< 1 = hardware_version is present (V5+) */
    uint8_t hardware_version; /**< the node's hardware version */
    uint8_t has_capabilities; /**< 1 = the capability flags below are present */
    uint8_t continues_to_function; /**< 1 = the node keeps working while it receives an image */
    uint8_t activation; /**< 1 = the node supports delayed activation (Activation Set) */
    uint8_t non_secure; /**< 1 = the node accepts a transfer without security encapsulation */
    uint8_t resume; /**< 1 = the node can resume an interrupted transfer */
} zwh_firmware_update_meta_data_report_t;

/** Request Get.
 * V1: manufacturer_id, firmware_id, checksum.
 * V3 (has_target): firmware_target, fragment_size (1..MAX_FRAGMENT).
 * V4 (has_flags): activation (bit 0), non_secure (bit 1), resume (bit 2).
 * V5 (has_hardware_version): hardware_version. */
typedef struct zwh_firmware_update_request_get {
    uint16_t manufacturer_id; /**< Manufacturer ID the image is for */
    uint16_t firmware_id; /**< firmware id of the image */
    uint16_t checksum; /**< CRC-16 of the whole image */
    uint8_t has_target; /**< 1 = firmware_target and fragment_size are present (V3+) */
    uint8_t firmware_target; /**< 0 = the Z-Wave chip's firmware, 1.. additional targets */
    uint16_t fragment_size; /**< data bytes per Report the host will send */
    uint8_t has_flags; /**< 1 = activation, non_secure and resume are present */
    uint8_t activation; /**< 1 = apply only on an Activation Set */
    uint8_t non_secure; /**< 1 = transfer without security encapsulation */
    uint8_t resume; /**< 1 = resume an interrupted transfer */
    uint8_t has_hardware_version; /**< 1 = hardware_version is present (V5+) */
    uint8_t hardware_version; /**< the hardware version the image is for */
} zwh_firmware_update_request_get_t;

/** Request Report: status ZWH_FIRMWARE_REQUEST_*; has_flags adds the
 * non_secure (bit 1) and resume (bit 2) the node agreed to. */
typedef struct zwh_firmware_update_request_report {
    uint8_t status; /**< ZWH_FIRMWARE_REQUEST_* */
    uint8_t has_flags; /**< 1 = non_secure and resume are present */
    uint8_t non_secure; /**< 1 = the node accepts the transfer without security encapsulation */
    uint8_t resume; /**< 1 = the node resumes an earlier transfer */
} zwh_firmware_update_request_report_t;

/** Get: the node asks for report_count (1..255) fragments from report_number
 * (1..0x7FFF). */
typedef struct zwh_firmware_update_get {
    uint8_t report_count; /**< fragments asked for, 1..255 */
    uint16_t report_number; /**< number of the first fragment, 1..0x7FFF */
} zwh_firmware_update_get_t;

/** Report: one fragment, with a CRC-16 over the whole command appended (v2+).
 * The decoder rejects a wrong CRC with ZWH_EBADMSG. */
typedef struct zwh_firmware_update_report {
    uint8_t last; /**< 1 = the last fragment of the image */
    uint16_t report_number; /**< 1..0x7FFF */
    uint16_t data_len; /**< bytes used in data */
    uint8_t data[ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT]; /**< the fragment */
} zwh_firmware_update_report_t;

/** Status Report: status ZWH_FIRMWARE_STATUS_*; v3 adds wait_time, the seconds
 * until the node is back after a restart. */
typedef struct zwh_firmware_update_status_report {
    uint8_t status; /**< ZWH_FIRMWARE_STATUS_* */
    uint8_t has_wait_time; /**< 1 = wait_time is present (V3+) */
    uint16_t wait_time; /**< seconds until the node is usable again */
} zwh_firmware_update_status_report_t;

/** Activation Set (v4); has_hardware_version from v5. */
typedef struct zwh_firmware_update_activation_set {
    uint16_t manufacturer_id; /**< Manufacturer ID of the image */
    uint16_t firmware_id; /**< firmware id of the image */
    uint16_t checksum; /**< CRC-16 of the image to activate */
    uint8_t firmware_target; /**< the target to activate */
    uint8_t has_hardware_version; /**< 1 = hardware_version is present (V5+) */
    uint8_t hardware_version; /**< hardware version the image is for */
} zwh_firmware_update_activation_set_t;

/** Activation Status Report: activation_status 0x00 invalid identification,
 * 0x01 error activating, 0xFF success. */
typedef struct zwh_firmware_update_activation_status_report {
    uint16_t manufacturer_id; /**< Manufacturer ID of the image */
    uint16_t firmware_id; /**< firmware id of the image */
    uint16_t checksum; /**< CRC-16 of the image */
    uint8_t firmware_target; /**< the target activated */
    uint8_t activation_status; /**< the result (values above) */
    uint8_t has_hardware_version; /**< 1 = hardware_version is present (V5+) */
    uint8_t hardware_version; /**< hardware version of the node */
} zwh_firmware_update_activation_status_report_t;

/** Prepare Get (v5): ask the node to prepare an image of firmware_target for
 * download. */
typedef struct zwh_firmware_update_prepare_get {
    uint16_t manufacturer_id; /**< Manufacturer ID of the node */
    uint16_t firmware_id; /**< firmware id to prepare */
    uint8_t firmware_target; /**< the target to prepare an image of */
    uint16_t fragment_size; /**< data bytes per Report for the later transfer */
    uint8_t hardware_version; /**< hardware version of the node */
} zwh_firmware_update_prepare_get_t;

/** Prepare Report (v5): status as in Request Report; checksum of the image. */
typedef struct zwh_firmware_update_prepare_report {
    uint8_t status; /**< ZWH_FIRMWARE_REQUEST_*, as in a Request Report */
    uint16_t checksum; /**< CRC-16 of the prepared image */
} zwh_firmware_update_prepare_report_t;

/** @name Firmware Update Meta Data codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_firmware_update_meta_data_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_meta_data_report_encode(const zwh_firmware_update_meta_data_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_meta_data_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_meta_data_report_t *out);
ZWH_EXTERN int zwh_firmware_update_request_get_encode(const zwh_firmware_update_request_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_request_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_request_get_t *out);
ZWH_EXTERN int zwh_firmware_update_request_report_encode(const zwh_firmware_update_request_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_request_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_request_report_t *out);
ZWH_EXTERN int zwh_firmware_update_get_encode(const zwh_firmware_update_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_get_t *out);
ZWH_EXTERN int zwh_firmware_update_report_encode(const zwh_firmware_update_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_report_t *out);
ZWH_EXTERN int zwh_firmware_update_status_report_encode(const zwh_firmware_update_status_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_status_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_status_report_t *out);
ZWH_EXTERN int zwh_firmware_update_activation_set_encode(const zwh_firmware_update_activation_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_activation_set_decode(const uint8_t *frame, size_t len, zwh_firmware_update_activation_set_t *out);
ZWH_EXTERN int zwh_firmware_update_activation_status_report_encode(const zwh_firmware_update_activation_status_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_activation_status_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_activation_status_report_t *out);
ZWH_EXTERN int zwh_firmware_update_prepare_get_encode(const zwh_firmware_update_prepare_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_prepare_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_prepare_get_t *out);
ZWH_EXTERN int zwh_firmware_update_prepare_report_encode(const zwh_firmware_update_prepare_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_firmware_update_prepare_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_prepare_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
