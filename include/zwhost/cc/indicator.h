/** @file
 * zwhost — Indicator command class (0x87), version 3.
 *
 * Set and Report come in two forms: the v1 form carries one value for
 * "indicator 0"; the v2+ form adds a list of (indicator id, property id,
 * value) objects. object_count = 0 selects the v1 form. */
#ifndef ZWHOST_CC_INDICATOR_H
#define ZWHOST_CC_INDICATOR_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Indicator frame. */
#define ZWH_CC_INDICATOR 0x87
/** Command identifiers: the second byte of a Indicator frame. @{ */
#define ZWH_INDICATOR_SET 0x01
#define ZWH_INDICATOR_GET 0x02
#define ZWH_INDICATOR_REPORT 0x03
#define ZWH_INDICATOR_SUPPORTED_GET 0x04
#define ZWH_INDICATOR_SUPPORTED_REPORT 0x05
#define ZWH_INDICATOR_DESCRIPTION_GET 0x06
#define ZWH_INDICATOR_DESCRIPTION_REPORT 0x07
/** @} */

#define ZWH_INDICATOR_MAX_OBJECTS 31      /**< 5-bit count */
#define ZWH_INDICATOR_MAX_MASK 31         /**< 5-bit property bit-mask length */
#define ZWH_INDICATOR_DESCRIPTION_MAX 255 /**< longest description text kept (the length field is a byte) */

/** A few indicator and property ids @{ */
#define ZWH_INDICATOR_NODE_IDENTIFY 0x50
#define ZWH_INDICATOR_PROP_MULTILEVEL 0x01
#define ZWH_INDICATOR_PROP_BINARY 0x02
#define ZWH_INDICATOR_PROP_ON_OFF_PERIOD 0x03
#define ZWH_INDICATOR_PROP_ON_OFF_CYCLES 0x04
#define ZWH_INDICATOR_PROP_ON_TIME 0x05
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** One (indicator, property, value) object of a v2+ Set or Report. */
typedef struct zwh_indicator_object {
    uint8_t indicator_id; /**< indicator id, e.g. ZWH_INDICATOR_NODE_IDENTIFY */
    uint8_t property_id; /**< property id, ZWH_INDICATOR_PROP_* */
    uint8_t value; /**< the property's value */
} zwh_indicator_object_t;

/** Set / Report. indicator0_value: 0x00 off, 0x01-0x63 on, 0xFF on. In the v2
 * form a Set sends indicator0_value 0 and the objects. */
typedef struct zwh_indicator_set {
    uint8_t indicator0_value; /**< the v1 value: 0x00 off, 0x01-0x63 on, 0xFF on */
    uint8_t object_count; /**< 0 = v1 form; 1..31 */
    zwh_indicator_object_t objects[ZWH_INDICATOR_MAX_OBJECTS]; /**< object_count objects (v2+ form) */
} zwh_indicator_set_t;
/** Indicator Report: the fields of Set. */
typedef zwh_indicator_set_t zwh_indicator_report_t;

/** Get: has_indicator_id = 0 is the v1 Get (no field). */
typedef struct zwh_indicator_get {
    uint8_t has_indicator_id; /**< 1 = indicator_id is present (v2+) */
    uint8_t indicator_id; /**< the indicator asked for */
} zwh_indicator_get_t;

/** Supported Get / Description Get: indicator_id 0 asks for the first one. */
typedef struct zwh_indicator_supported_get {
    uint8_t indicator_id; /**< the indicator, 0 = the first supported */
} zwh_indicator_supported_get_t;
/** Description Get (v3): the fields of Supported Get. */
typedef zwh_indicator_supported_get_t zwh_indicator_description_get_t;

/** Supported Report: bit n of property_mask (byte n/8, bit n%8) = property n
 * supported; next_indicator_id 0 = the last one. */
typedef struct zwh_indicator_supported_report {
    uint8_t indicator_id; /**< the indicator described */
    uint8_t next_indicator_id; /**< the next supported indicator, 0 = this is the last */
    uint8_t property_mask_len; /**< 0..31 */
    uint8_t property_mask[ZWH_INDICATOR_MAX_MASK]; /**< bit n = property n is supported */
} zwh_indicator_supported_report_t;

/** Description Report (v3): UTF-8 text of description_len bytes. */
typedef struct zwh_indicator_description_report {
    uint8_t indicator_id; /**< the indicator described */
    uint8_t description_len; /**< bytes used in description */
    uint8_t description[ZWH_INDICATOR_DESCRIPTION_MAX]; /**< UTF-8, not NUL-terminated */
} zwh_indicator_description_report_t;

/** @name Indicator codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_indicator_set_encode(const zwh_indicator_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_set_decode(const uint8_t *frame, size_t len, zwh_indicator_set_t *out);
ZWH_EXTERN int zwh_indicator_get_encode(const zwh_indicator_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_get_decode(const uint8_t *frame, size_t len, zwh_indicator_get_t *out);
ZWH_EXTERN int zwh_indicator_report_encode(const zwh_indicator_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_report_decode(const uint8_t *frame, size_t len, zwh_indicator_report_t *out);
ZWH_EXTERN int zwh_indicator_supported_get_encode(const zwh_indicator_supported_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_supported_get_decode(const uint8_t *frame, size_t len, zwh_indicator_supported_get_t *out);
ZWH_EXTERN int zwh_indicator_supported_report_encode(const zwh_indicator_supported_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_supported_report_decode(const uint8_t *frame, size_t len, zwh_indicator_supported_report_t *out);
ZWH_EXTERN int zwh_indicator_description_get_encode(const zwh_indicator_description_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_description_get_decode(const uint8_t *frame, size_t len, zwh_indicator_description_get_t *out);
ZWH_EXTERN int zwh_indicator_description_report_encode(const zwh_indicator_description_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_indicator_description_report_decode(const uint8_t *frame, size_t len, zwh_indicator_description_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
