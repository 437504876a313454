/** @file
 * zwhost — Configuration command class (0x70), version 4.
 *
 * Values. A parameter value is 1, 2 or 4 bytes on the wire; its meaning
 * depends on the parameter's format (from a Properties Report, or the
 * device's manual): ZWH_CONFIGURATION_FORMAT_SIGNED (two's complement, the
 * default of V1-V2 devices), UNSIGNED, ENUMERATED or BITFIELD (the last
 * three unsigned). Structs carry the value as int64_t so both readings fit:
 * a 1-byte 0xFF is -1 signed and 255 unsigned.
 * - Encoders take `format` to check the range (ZWH_EINVAL when the value
 *   does not fit size bytes in that format) and write the low size bytes.
 * - Set/Report/Bulk decoders cannot know the format: they return the
 *   signed reading with format = SIGNED; zwh_configuration_value_convert()
 *   gives the reading of another format. Properties Report carries its
 *   format, so its min/max/default are decoded in that format. */
#ifndef ZWHOST_CC_CONFIGURATION_H
#define ZWHOST_CC_CONFIGURATION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Configuration frame. */
#define ZWH_CC_CONFIGURATION 0x70
/** Command identifiers: the second byte of a Configuration frame. @{ */
#define ZWH_CONFIGURATION_DEFAULT_RESET 0x01
#define ZWH_CONFIGURATION_SET 0x04
#define ZWH_CONFIGURATION_GET 0x05
#define ZWH_CONFIGURATION_REPORT 0x06
#define ZWH_CONFIGURATION_BULK_SET 0x07
#define ZWH_CONFIGURATION_BULK_GET 0x08
#define ZWH_CONFIGURATION_BULK_REPORT 0x09
#define ZWH_CONFIGURATION_NAME_GET 0x0A
#define ZWH_CONFIGURATION_NAME_REPORT 0x0B
#define ZWH_CONFIGURATION_INFO_GET 0x0C
#define ZWH_CONFIGURATION_INFO_REPORT 0x0D
#define ZWH_CONFIGURATION_PROPERTIES_GET 0x0E
#define ZWH_CONFIGURATION_PROPERTIES_REPORT 0x0F
/** @} */

/** Parameter value formats (the `format` fields, Properties Report V3+). @{ */
#define ZWH_CONFIGURATION_FORMAT_SIGNED 0
#define ZWH_CONFIGURATION_FORMAT_UNSIGNED 1
#define ZWH_CONFIGURATION_FORMAT_ENUMERATED 2
#define ZWH_CONFIGURATION_FORMAT_BITFIELD 3
/** @} */

/** The Bulk count field is one byte. */
#define ZWH_CONFIGURATION_BULK_MAX 255
/** Longest name/info text kept from one report (more than any one frame
 * carries; longer texts come as several reports, see reports_to_follow). */
#define ZWH_CONFIGURATION_TEXT_MAX 192

#ifdef __cplusplus
extern "C" {
#endif

/** Set. use_default = 1 restores the factory default: the device ignores
 * the value, so its range is not checked and its low size bytes are sent as
 * given (0 is customary). */
typedef struct zwh_configuration_set {
    uint8_t parameter; /**< parameter number, 0..255 */
    uint8_t size;       /**< 1, 2, 4 */
    uint8_t format;     /**< ZWH_CONFIGURATION_FORMAT_*, for the range check */
    uint8_t use_default; /**< 1 = restore the factory default (value is not range-checked) */
    int64_t value; /**< the value, range-checked against size and format */
} zwh_configuration_set_t;

/** Get. */
typedef struct zwh_configuration_get {
    uint8_t parameter; /**< parameter number, 0..255 */
} zwh_configuration_get_t;

/** Report. Decoded with format = SIGNED. */
typedef struct zwh_configuration_report {
    uint8_t parameter; /**< parameter number */
    uint8_t size; /**< 1, 2 or 4 bytes on the wire */
    uint8_t format; /**< ZWH_CONFIGURATION_FORMAT_SIGNED when decoded */
    int64_t value; /**< the signed reading (zwh_configuration_value_convert() for another format) */
} zwh_configuration_report_t;

/** Bulk Set (V2+): count consecutive parameters from parameter_offset, all of
 * one size. use_default restores their defaults (values then sent unchecked,
 * as for Set); handshake asks for a Bulk Report once they are set. */
typedef struct zwh_configuration_bulk_set {
    uint16_t parameter_offset; /**< first parameter number */
    uint8_t count; /**< parameters set, and entries used in values (1..255) */
    uint8_t size; /**< 1, 2 or 4 bytes per value */
    uint8_t format; /**< ZWH_CONFIGURATION_FORMAT_*, for the range check */
    uint8_t use_default; /**< 1 = restore the parameters' defaults */
    uint8_t handshake; /**< 1 = ask for a Bulk Report once set */
    int64_t values[ZWH_CONFIGURATION_BULK_MAX]; /**< count values */
} zwh_configuration_bulk_set_t;

/** Bulk Get (V2+). */
typedef struct zwh_configuration_bulk_get {
    uint16_t parameter_offset; /**< first parameter number */
    uint8_t count; /**< parameters asked for */
} zwh_configuration_bulk_get_t;

/** Bulk Report (V2+). is_default: the values are the defaults; handshake:
 * this answers a Bulk Set with handshake. Several reports may answer one
 * Get (reports_to_follow counts down). Decoded with format = SIGNED. */
typedef struct zwh_configuration_bulk_report {
    uint16_t parameter_offset; /**< first parameter number */
    uint8_t count; /**< entries used in values */
    uint8_t reports_to_follow; /**< further reports still to come for this Get */
    uint8_t is_default; /**< 1 = the values are the defaults */
    uint8_t handshake; /**< 1 = answers a Bulk Set with handshake */
    uint8_t size; /**< 1, 2 or 4 bytes per value */
    uint8_t format; /**< ZWH_CONFIGURATION_FORMAT_SIGNED when decoded */
    int64_t values[ZWH_CONFIGURATION_BULK_MAX]; /**< count signed readings */
} zwh_configuration_bulk_report_t;

/** Name Get, Info Get, Properties Get (V3+), with a 16-bit parameter number. */
typedef struct zwh_configuration_parameter_ref {
    uint16_t parameter; /**< parameter number, 0..65535 */
} zwh_configuration_parameter_ref_t;

/** Name Report and Info Report (V3+): UTF-8 bytes exactly as sent (not
 * NUL-terminated; text_len bytes). A long text is split over several
 * reports: concatenate until reports_to_follow reaches 0. */
typedef struct zwh_configuration_text_report {
    uint16_t parameter; /**< parameter number */
    uint8_t reports_to_follow; /**< further reports still to come; concatenate until 0 */
    uint8_t text_len; /**< bytes used in text */
    uint8_t text[ZWH_CONFIGURATION_TEXT_MAX]; /**< UTF-8 as sent, not NUL-terminated */
} zwh_configuration_text_report_t;

/** Properties Report (V3+). size 0 means "no such parameter" (no min/max/
 * default then). V4 adds the flags (has_v4_flags = 1): alters_capabilities
 * (changing it changes the node's command classes: re-interview),
 * read_only, advanced, no_bulk_support. */
typedef struct zwh_configuration_properties_report {
    uint16_t parameter; /**< parameter number */
    uint8_t format; /**< ZWH_CONFIGURATION_FORMAT_* of the parameter */
    uint8_t size; /**< 0, 1, 2, 4 */
    int64_t min_value; /**< smallest value, read in format (absent when size is 0) */
    int64_t max_value; /**< largest value, read in format (absent when size is 0) */
    int64_t default_value; /**< default value, read in format (absent when size is 0) */
    uint16_t next_parameter; /**< the next parameter number, 0 = this is the last */
    uint8_t has_v4_flags; /**< 1 = the four flags below are present (V4) */
    uint8_t alters_capabilities; /**< 1 = changing it changes the node's command classes (re-interview) */
    uint8_t read_only; /**< 1 = the parameter cannot be set */
    uint8_t advanced; /**< 1 = meant for advanced users */
    uint8_t no_bulk_support; /**< 1 = not settable through Bulk Set */
} zwh_configuration_properties_report_t;

/** @name Configuration codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). The Name and Info Report
 * decoders return ZWH_EMSGSIZE when the text exceeds ZWH_CONFIGURATION_TEXT_MAX bytes. */
ZWH_EXTERN int zwh_configuration_set_encode(const zwh_configuration_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_set_decode(const uint8_t *frame, size_t len, zwh_configuration_set_t *out);
ZWH_EXTERN int zwh_configuration_get_encode(const zwh_configuration_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_get_decode(const uint8_t *frame, size_t len, zwh_configuration_get_t *out);
ZWH_EXTERN int zwh_configuration_report_encode(const zwh_configuration_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_report_decode(const uint8_t *frame, size_t len, zwh_configuration_report_t *out);
ZWH_EXTERN int zwh_configuration_bulk_set_encode(const zwh_configuration_bulk_set_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_bulk_set_decode(const uint8_t *frame, size_t len, zwh_configuration_bulk_set_t *out);
ZWH_EXTERN int zwh_configuration_bulk_get_encode(const zwh_configuration_bulk_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_bulk_get_decode(const uint8_t *frame, size_t len, zwh_configuration_bulk_get_t *out);
ZWH_EXTERN int zwh_configuration_bulk_report_encode(const zwh_configuration_bulk_report_t *in, uint8_t *out,
                                                     size_t cap);
ZWH_EXTERN int zwh_configuration_bulk_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_bulk_report_t *out);
ZWH_EXTERN int zwh_configuration_name_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                  size_t cap);
ZWH_EXTERN int zwh_configuration_name_get_decode(const uint8_t *frame, size_t len,
                                                  zwh_configuration_parameter_ref_t *out);
ZWH_EXTERN int zwh_configuration_name_report_encode(const zwh_configuration_text_report_t *in, uint8_t *out,
                                                     size_t cap);
ZWH_EXTERN int zwh_configuration_name_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_text_report_t *out);
ZWH_EXTERN int zwh_configuration_info_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                  size_t cap);
ZWH_EXTERN int zwh_configuration_info_get_decode(const uint8_t *frame, size_t len,
                                                  zwh_configuration_parameter_ref_t *out);
ZWH_EXTERN int zwh_configuration_info_report_encode(const zwh_configuration_text_report_t *in, uint8_t *out,
                                                     size_t cap);
ZWH_EXTERN int zwh_configuration_info_report_decode(const uint8_t *frame, size_t len,
                                                     zwh_configuration_text_report_t *out);
ZWH_EXTERN int zwh_configuration_properties_get_encode(const zwh_configuration_parameter_ref_t *in, uint8_t *out,
                                                        size_t cap);
ZWH_EXTERN int zwh_configuration_properties_get_decode(const uint8_t *frame, size_t len,
                                                        zwh_configuration_parameter_ref_t *out);
ZWH_EXTERN int zwh_configuration_properties_report_encode(const zwh_configuration_properties_report_t *in,
                                                           uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_configuration_properties_report_decode(const uint8_t *frame, size_t len,
                                                           zwh_configuration_properties_report_t *out);
/** @} */
/** Default Reset (V4): every parameter back to its default. */
ZWH_EXTERN int zwh_configuration_default_reset_encode(uint8_t *out, size_t cap);

/** Reads the low `size` bytes of value (1, 2, 4) in `format`: (-1, 1,
 * UNSIGNED) -> 255, (255, 1, SIGNED) -> -1, (0x80000000, 4, SIGNED) ->
 * INT32_MIN. 0, or ZWH_EINVAL for a bad size or format. */
ZWH_EXTERN int zwh_configuration_value_convert(int64_t value, uint8_t size, uint8_t format, int64_t *out);
/** "signed", "unsigned", "enumerated", "bitfield", or NULL. Static string. */
ZWH_EXTERN const char *zwh_configuration_get_format_name(uint8_t format);

#ifdef __cplusplus
}
#endif
#endif
