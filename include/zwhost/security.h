/** @file
 * zwhost — security helpers a hub needs directly: the DSK and its PIN, SmartStart
 * QR codes, and the network key store.
 *
 * Everything here is synchronous and I/O-free except the key store, which reads
 * (and, when missing, creates) one small file. */
#ifndef ZWHOST_SECURITY_H
#define ZWHOST_SECURITY_H

#include "zwhost/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---- security classes ------------------------------------------------------
 * Key bits as they appear in KEX Report/Set and in a QR code's requested keys. */
#define ZWH_KEY_S2_UNAUTHENTICATED 0x01 /**< S2 Unauthenticated key */
#define ZWH_KEY_S2_AUTHENTICATED 0x02 /**< S2 Authenticated key */
#define ZWH_KEY_S2_ACCESS_CONTROL 0x04 /**< S2 Access Control key */
#define ZWH_KEY_S0 0x80 /**< S0 network key */
#define ZWH_KEY_ALL 0x87 /**< every key bit above */

/** Security classes as slots of the key store and as "the class a frame travels
 * under". The S2 values are the bit numbers of the key bits above; the Long
 * Range classes carry the same bits on air but use their own keys. */
#define ZWH_SECCLASS_TEMP (-2) /**< the KEX temporary key */
#define ZWH_SECCLASS_NONE (-1) /**< not encrypted */
#define ZWH_SECCLASS_S2_UNAUTHENTICATED 0 /**< S2 Unauthenticated */
#define ZWH_SECCLASS_S2_AUTHENTICATED 1 /**< S2 Authenticated */
#define ZWH_SECCLASS_S2_ACCESS_CONTROL 2 /**< S2 Access Control */
#define ZWH_SECCLASS_S2_LR_AUTHENTICATED 3 /**< S2 Authenticated, Long Range */
#define ZWH_SECCLASS_S2_LR_ACCESS_CONTROL 4 /**< S2 Access Control, Long Range */
#define ZWH_SECCLASS_S0 7 /**< S0 */
#define ZWH_SECCLASS_COUNT 8 /**< array size for per-class tables (slots 5, 6 unused) */

/* ---- DSK and PIN -------------------------------------------------------------
 * A DSK is the first 16 bytes of a node's Curve25519 public key. Its text form is
 * eight groups of five decimal digits, each group the big-endian uint16 of two
 * consecutive bytes: "56990-56189-31613-49588-54107-25026-60644-13623". The PIN is
 * the first group. */
#define ZWH_DSK_LEN 16 /**< bytes of a DSK */
#define ZWH_DSK_TEXT_LEN 47 /**< characters, without the terminating NUL */
#define ZWH_DSK_TEXT_SIZE 48 /**< buffer size including the NUL */

/** Writes the text form of dsk into out (NUL-terminated). Returns 47, or
 * ZWH_EINVAL (NULL argument) or ZWH_EMSGSIZE (cap < 48). */
ZWH_EXTERN int zwh_dsk_format(const uint8_t *dsk, char *out, size_t cap);

/** Parses a DSK text: eight groups of exactly five digits (each <= 65535),
 * separated by '-' or by spaces; leading and trailing white space is ignored.
 * Writes 16 bytes to dsk. Returns 0, or ZWH_EDSK with *reason (if reason is
 * non-NULL) set to a static English explanation. */
ZWH_EXTERN int zwh_dsk_parse(const char *text, uint8_t *dsk, const char **reason);

/** The PIN of a DSK (its first group, 0..65535). Returns 0 or ZWH_EINVAL. */
ZWH_EXTERN int zwh_dsk_pin_get(const uint8_t *dsk, uint16_t *pin);

/** Parses a 5-digit PIN ("01234"; white space around it is ignored). Returns 0 or
 * ZWH_EDSK with *reason set as for zwh_dsk_parse(). */
ZWH_EXTERN int zwh_dsk_pin_parse(const char *text, uint16_t *pin, const char **reason);

/** SmartStart home IDs a node derives from its DSK: the NWI home ID (bytes 8..11,
 * first byte | 0xC0, last byte & 0xFE) it uses before inclusion, and the auth
 * home ID (bytes 12..15, first byte & 0x3F, last byte | 0x01). Returned as the
 * big-endian value of the four on-air bytes. Return 0 or ZWH_EINVAL. */
ZWH_EXTERN int zwh_dsk_nwi_home_id_get(const uint8_t *dsk, uint32_t *home_id);
/** The auth home ID of a DSK (see zwh_dsk_nwi_home_id_get()). */
ZWH_EXTERN int zwh_dsk_auth_home_id_get(const uint8_t *dsk, uint32_t *home_id);

/* ---- SmartStart / S2 QR code ---------------------------------------------------
 * The Node Provisioning QR code: "90", a 2-digit version, a 5-digit checksum (the
 * first two bytes of SHA-1 over everything after it), 3 digits of requested keys,
 * 40 digits of DSK, then TLV blocks (2-digit type<<1|critical, 2-digit length,
 * data). */
#define ZWH_QR_VERSION_S2 0 /**< an S2 code (include by scanning) */
#define ZWH_QR_VERSION_SMARTSTART 1 /**< a SmartStart code (the node joins by itself once provisioned) */

/** UUID16 presentation formats (ZWH_QR_UUID_*): how a hub should print the UUID. */
#define ZWH_QR_UUID_HEX 0 /**< 32 hex digits */
#define ZWH_QR_UUID_ASCII 1 /**< 16 ASCII characters */
#define ZWH_QR_UUID_SN_HEX 2 /**< "sn:" + 32 hex digits */
#define ZWH_QR_UUID_SN_ASCII 3 /**< "sn:" + 16 ASCII characters */
#define ZWH_QR_UUID_UUID_HEX 4 /**< "UUID:" + 32 hex digits */
#define ZWH_QR_UUID_UUID_ASCII 5 /**< "UUID:" + 16 ASCII characters */
#define ZWH_QR_UUID_RFC4122 6 /**< 8-4-4-4-12 hex digits */
/** 7..99 are reserved; they are printed as ZWH_QR_UUID_HEX. */

#define ZWH_QR_PROTOCOL_ZWAVE 0x0001 /**< Z-Wave (mesh) */
#define ZWH_QR_PROTOCOL_ZWAVE_LR 0x0002 /**< Z-Wave Long Range */

/** The decoded QR code. Plain data; optional blocks have a has_* flag. */
typedef struct zwh_qr_info {
    uint8_t version; /**< ZWH_QR_VERSION_* */
    uint8_t requested_keys; /**< ZWH_KEY_* bits */
    uint16_t checksum; /**< as printed (already verified) */
    uint8_t dsk[ZWH_DSK_LEN]; /**< the DSK (16 bytes) */

    uint8_t has_product_type; /**< TLV 0 (mandatory) */
    uint8_t generic_device_class; /**< generic device class */
    uint8_t specific_device_class; /**< specific device class */
    uint16_t installer_icon_type; /**< installer icon type */

    uint8_t has_product_id; /**< TLV 1 (mandatory) */
    uint16_t manufacturer_id; /**< manufacturer id */
    uint16_t product_type; /**< product type */
    uint16_t product_id; /**< product id */
    uint16_t application_version; /**< major << 8 | minor */

    uint8_t has_max_inclusion_interval; /**< TLV 2 */
    uint16_t max_inclusion_interval_s; /**< 640..12672 seconds (value x 128 s) */

    uint8_t has_uuid; /**< TLV 3 */
    uint8_t uuid_format; /**< ZWH_QR_UUID_* (0..99) */
    uint8_t uuid[16]; /**< the UUID16 bytes */

    uint8_t has_supported_protocols; /**< TLV 4 */
    uint16_t supported_protocols; /**< ZWH_QR_PROTOCOL_* bits */

    uint8_t unknown_blocks; /**< non-critical TLV blocks of unknown type that were skipped */
} zwh_qr_info_t;

/** Decodes a QR code text. White space anywhere in the text is ignored. Returns 0,
 * ZWH_EQRCODE with *reason (if reason is non-NULL) set to a static explanation
 * such as "checksum mismatch", or ZWH_EINVAL for a NULL text or out. */
ZWH_EXTERN int zwh_qr_decode(const char *text, zwh_qr_info_t *out, const char **reason);

/** Writes the UUID of a decoded QR code in its presentation format (with its
 * "sn:"/"UUID:" prefix). Returns the length written (without NUL), ZWH_ENOENT if
 * the code has no UUID, ZWH_EMSGSIZE if cap is too small (42 always suffices). */
ZWH_EXTERN int zwh_qr_uuid_format(const zwh_qr_info_t *qr, char *out, size_t cap);

/* ---- key store -------------------------------------------------------------------
 * The network keys of this controller, kept in a text file: one line per class,
 *   S0 <32 hex>
 *   S2_Unauthenticated <32 hex>
 *   S2_Authenticated <32 hex>
 *   S2_AccessControl <32 hex>
 *   S2_LR_Authenticated <32 hex>
 *   S2_LR_AccessControl <32 hex>
 * and '#' comments. A missing file is created with fresh random keys, mode 0600.
 * A file readable by group or others is refused. Key bytes never leave the
 * library through this API and are wiped when the store is freed. */
/** Opaque key store: created by zwh_keystore_new(), freed (and wiped) by zwh_keystore_free(). */
typedef struct zwh_keystore zwh_keystore_t;

/** Loads the keys file at path, creating it when it does not exist. On failure
 * returns ZWH_EKEYFILE_MODE (group/world readable), ZWH_EKEYFILE (malformed; msg
 * names the line), ZWH_ENOMEM or -errno, and writes a one-line explanation into
 * msg (if msg is non-NULL and msgcap > 0). *out is set only on success. */
ZWH_EXTERN int zwh_keystore_new(const char *path, zwh_keystore_t **out, char *msg, size_t msgcap);

/** Wipes and frees the store. NULL is ignored. */
ZWH_EXTERN void zwh_keystore_free(zwh_keystore_t *ks);

/** Bitmask of the classes the store holds a key for: bit n = ZWH_SECCLASS n. */
ZWH_EXTERN uint32_t zwh_keystore_classes_get(const zwh_keystore_t *ks);

#ifdef __cplusplus
}
#endif
#endif
