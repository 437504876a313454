/* zwhost — common definitions shared by every public header. */
#ifndef ZWHOST_COMMON_H
#define ZWHOST_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define ZWH_EXTERN_C extern "C"
#else
#define ZWH_EXTERN_C
#endif

/* Marks a function exported from libzwhost.so; everything else is hidden. */
#if defined(__GNUC__)
#define ZWH_EXTERN __attribute__((visibility("default")))
#define ZWH_NODISCARD __attribute__((warn_unused_result))
#else
#define ZWH_EXTERN
#define ZWH_NODISCARD
#endif

#define ZWH_VERSION_MAJOR 0
#define ZWH_VERSION_MINOR 1
#define ZWH_VERSION_PATCH 0
#define ZWH_VERSION_HEX ((ZWH_VERSION_MAJOR << 16) | (ZWH_VERSION_MINOR << 8) | ZWH_VERSION_PATCH)

#ifdef __cplusplus
extern "C" {
#endif

/* Version of the library actually loaded, as ZWH_VERSION_HEX and as "0.1.0".
 * The string is static and never freed. */
ZWH_EXTERN uint32_t zwh_version(void);
ZWH_EXTERN const char *zwh_version_string(void);

#ifdef __cplusplus
}
#endif
#endif
