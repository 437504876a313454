/** @file
 * zwhost — Manufacturer Specific command class (0x72), version 2. */
#ifndef ZWHOST_CC_MANUFACTURER_SPECIFIC_H
#define ZWHOST_CC_MANUFACTURER_SPECIFIC_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Manufacturer Specific frame. */
#define ZWH_CC_MANUFACTURER_SPECIFIC 0x72
/** Command identifiers: the second byte of a Manufacturer Specific frame. @{ */
#define ZWH_MANUFACTURER_SPECIFIC_GET 0x04
#define ZWH_MANUFACTURER_SPECIFIC_REPORT 0x05
#define ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET 0x06
#define ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_REPORT 0x07
/** @} */

/** Device ID types and data formats. @{ */
#define ZWH_DEVICE_ID_TYPE_FACTORY_DEFAULT 0x00
#define ZWH_DEVICE_ID_TYPE_SERIAL_NUMBER 0x01
#define ZWH_DEVICE_ID_TYPE_PSEUDO_RANDOM 0x02
#define ZWH_DEVICE_ID_FORMAT_UTF8 0x00
#define ZWH_DEVICE_ID_FORMAT_BINARY 0x01
/** @} */

#define ZWH_DEVICE_ID_MAX 31 /**< 5-bit length */

#ifdef __cplusplus
extern "C" {
#endif

/** Manufacturer Specific Report: the three ids that identify a product. */
typedef struct zwh_manufacturer_specific_report {
    uint16_t manufacturer_id; /**< Manufacturer ID assigned by the Z-Wave Alliance */
    uint16_t product_type; /**< manufacturer-defined product type */
    uint16_t product_id; /**< manufacturer-defined product id */
} zwh_manufacturer_specific_report_t;

/** Device Specific Get: device_id_type 0..7 (3 bits). */
typedef struct zwh_manufacturer_specific_device_specific_get {
    uint8_t device_id_type; /**< ZWH_DEVICE_ID_TYPE_* */
} zwh_manufacturer_specific_device_specific_get_t;

/** Device Specific Report: type 0..7, format 0..7, data_len 1..31. */
typedef struct zwh_manufacturer_specific_device_specific_report {
    uint8_t device_id_type; /**< ZWH_DEVICE_ID_TYPE_* */
    uint8_t data_format; /**< ZWH_DEVICE_ID_FORMAT_* */
    uint8_t data_len; /**< bytes used in data */
    uint8_t data[ZWH_DEVICE_ID_MAX]; /**< the device id, UTF-8 or binary by data_format */
} zwh_manufacturer_specific_device_specific_report_t;

/** @name Manufacturer Specific codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_manufacturer_specific_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_manufacturer_specific_report_encode(const zwh_manufacturer_specific_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_manufacturer_specific_report_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_report_t *out);
ZWH_EXTERN int zwh_manufacturer_specific_device_specific_get_encode(const zwh_manufacturer_specific_device_specific_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_manufacturer_specific_device_specific_get_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_device_specific_get_t *out);
ZWH_EXTERN int zwh_manufacturer_specific_device_specific_report_encode(const zwh_manufacturer_specific_device_specific_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_manufacturer_specific_device_specific_report_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_device_specific_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
