/** @file
 * zwhost — common definitions shared by every public header: the export and attribute
 * macros and the version of the headers and of the loaded library. */
#ifndef ZWHOST_COMMON_H
#define ZWHOST_COMMON_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
#define ZWH_EXTERN_C extern "C"
#else
#define ZWH_EXTERN_C
#endif

/** @def ZWH_EXTERN
 * Marks a function exported from libzwhost.so; everything else is hidden
 * (-fvisibility=hidden). Every public function carries it. */
/** @def ZWH_NODISCARD
 * Asks the compiler to warn when the result of a fallible call is ignored. */
/** @def ZWH_EXTERN_C
 * `extern "C"` when compiled as C++, empty in C. */
#if defined(__GNUC__)
#define ZWH_EXTERN __attribute__((visibility("default")))
#define ZWH_NODISCARD __attribute__((warn_unused_result))
#else
#define ZWH_EXTERN
#define ZWH_NODISCARD
#endif

/** @name Header version
 * The release these headers belong to; zwh_version() gives the library actually loaded,
 * which may be newer (docs/ABI.md).
 * @{ */
/** Major release number. */
#define ZWH_VERSION_MAJOR 0
/** Minor release number. */
#define ZWH_VERSION_MINOR 1
/** Patch release number. */
#define ZWH_VERSION_PATCH 0
/** The three numbers as one integer, 0xMMmmpp: compare with zwh_version(). */
#define ZWH_VERSION_HEX ((ZWH_VERSION_MAJOR << 16) | (ZWH_VERSION_MINOR << 8) | ZWH_VERSION_PATCH)
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Version of the library actually loaded, in the form of ZWH_VERSION_HEX. Callable from
 * any thread, before anything else. */
ZWH_EXTERN uint32_t zwh_version(void);
/** Version of the library actually loaded as text, "0.1.0". The string is static: never
 * freed, valid for the life of the process. Callable from any thread. */
ZWH_EXTERN const char *zwh_version_string(void);

#ifdef __cplusplus
}
#endif
#endif
