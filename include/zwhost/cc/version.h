/** @file
 * zwhost — Version command class (0x86), version 3. */
#ifndef ZWHOST_CC_VERSION_H
#define ZWHOST_CC_VERSION_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Version frame. */
#define ZWH_CC_VERSION 0x86
/** Command identifiers: the second byte of a Version frame. @{ */
#define ZWH_VERSION_GET 0x11
#define ZWH_VERSION_REPORT 0x12
#define ZWH_VERSION_COMMAND_CLASS_GET 0x13
#define ZWH_VERSION_COMMAND_CLASS_REPORT 0x14
#define ZWH_VERSION_CAPABILITIES_GET 0x15
#define ZWH_VERSION_CAPABILITIES_REPORT 0x16
#define ZWH_VERSION_ZWAVE_SOFTWARE_GET 0x17
#define ZWH_VERSION_ZWAVE_SOFTWARE_REPORT 0x18
/** @} */

#define ZWH_VERSION_MAX_TARGETS 255 /**< additional firmware targets (count is a byte) */

#ifdef __cplusplus
extern "C" {
#endif

/** One firmware version (major.minor). */
typedef struct zwh_version_firmware {
    uint8_t version; /**< major */
    uint8_t sub_version; /**< minor */
} zwh_version_firmware_t;

/** Version Report. V1 stops after firmware 0; V2+ (has_v2 = 1) adds the hardware
 * version and the versions of the additional firmware targets 1..target_count. */
typedef struct zwh_version_report {
    uint8_t library_type; /**< Z-Wave library type of the node */
    uint8_t protocol_version; /**< Z-Wave protocol version, major */
    uint8_t protocol_sub_version; /**< Z-Wave protocol version, minor */
    zwh_version_firmware_t firmware0; /**< version of firmware 0 (the application) */
    uint8_t has_v2; /**< 1 = hardware_version and the targets are present */
    uint8_t hardware_version; /**< hardware version */
    uint8_t target_count; /**< entries used in targets */
    zwh_version_firmware_t targets[ZWH_VERSION_MAX_TARGETS]; /**< versions of firmware targets 1..target_count */
} zwh_version_report_t;

/** Version Command Class Get: the class asked about. */
typedef struct zwh_version_command_class_get {
    uint8_t cc; /**< the command class asked about */
} zwh_version_command_class_get_t;

/** Version Command Class Report: version 0 = class not supported. */
typedef struct zwh_version_command_class_report {
    uint8_t cc; /**< the command class */
    uint8_t version; /**< its version, 0 = not supported */
} zwh_version_command_class_report_t;

/** Version Capabilities Report (v3): which Version commands the node answers. */
typedef struct zwh_version_capabilities_report {
    uint8_t version;        /**< Version Get */
    uint8_t command_class;  /**< Command Class Get */
    uint8_t zwave_software; /**< Z-Wave Software Get */
} zwh_version_capabilities_report_t;

/** Versions as major.minor.patch in bytes [0..2]; 0.0.0 = not applicable.
 * Build numbers 0 = unknown. */
typedef struct zwh_version_zwave_software_report {
    uint8_t sdk_version[3]; /**< SDK version */
    uint8_t application_framework_api_version[3]; /**< application framework API version */
    uint16_t application_framework_build; /**< application framework build number */
    uint8_t host_interface_version[3]; /**< host interface (Serial API) version */
    uint16_t host_interface_build; /**< host interface build number */
    uint8_t zwave_protocol_version[3]; /**< Z-Wave protocol version */
    uint16_t zwave_protocol_build; /**< Z-Wave protocol build number */
    uint8_t application_version[3]; /**< application version */
    uint16_t application_build; /**< application build number */
} zwh_version_zwave_software_report_t;

/** @name Version codecs
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command (command class and command bytes
 * included) into out[0..cap) and returns its length, or ZWH_EINVAL for a field out of range,
 * ZWH_EMSGSIZE when cap is too small; commands without fields take only (out, cap). Each
 * `*_decode(frame, len, out)` fills *out from a received frame and returns 0, or ZWH_EBADMSG
 * for another class or command, a truncated frame or a count beyond the struct's arrays;
 * older versions' shorter frames decode with their later fields marked absent. `in`, `frame`
 * and `out` are borrowed for the call only and nothing is kept; the functions have no state
 * and may be called from any thread (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_version_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_report_encode(const zwh_version_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_report_decode(const uint8_t *frame, size_t len, zwh_version_report_t *out);
ZWH_EXTERN int zwh_version_command_class_get_encode(const zwh_version_command_class_get_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_command_class_get_decode(const uint8_t *frame, size_t len, zwh_version_command_class_get_t *out);
ZWH_EXTERN int zwh_version_command_class_report_encode(const zwh_version_command_class_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_command_class_report_decode(const uint8_t *frame, size_t len, zwh_version_command_class_report_t *out);
ZWH_EXTERN int zwh_version_capabilities_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_capabilities_report_encode(const zwh_version_capabilities_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_version_capabilities_report_t *out);
ZWH_EXTERN int zwh_version_zwave_software_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_zwave_software_report_encode(const zwh_version_zwave_software_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_version_zwave_software_report_decode(const uint8_t *frame, size_t len, zwh_version_zwave_software_report_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
