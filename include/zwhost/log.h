/** @file
 * zwhost — logging.
 *
 * The library never writes to stdout/stderr by itself: it hands each line to a
 * sink the application installs. Key material is never formatted (it appears
 * as "<redacted>"); user codes are masked unless the application opts in. */
#ifndef ZWHOST_LOG_H
#define ZWHOST_LOG_H

#include "zwhost/common.h"

/** @name Log levels
 * A sink installed at level L receives the lines of level L and below.
 * @{ */
/** Failures the application should see. */
#define ZWH_LOG_ERROR 0
/** Recoverable trouble: retransmissions, reconnections, dropped frames. */
#define ZWH_LOG_WARN 1
/** Lifecycle: connected, ready, nodes found. */
#define ZWH_LOG_INFO 2
/** Details for developers, including every malformed input dropped. */
#define ZWH_LOG_DEBUG 3
#define ZWH_LOG_TRACE 4 /**< decoded frame trace: every frame in and out */
/** @} */

/** Log flag: print user codes in clear (default: masked). Key material is never printed. */
#define ZWH_LOG_SHOW_USER_CODES 0x01

#ifdef __cplusplus
extern "C" {
#endif

/** A log sink.
 * @param level one of ZWH_LOG_*
 * @param line  one NUL-terminated line without a trailing newline; borrowed, valid only
 *              during the call (copy it to keep it)
 * @param user  the pointer given with the sink
 * Called on the thread of the loop the object runs on, synchronously from the library
 * code that logs: it must not block and must not call back into the object that logs. */
typedef void (*zwh_log_cb)(int level, const char *line, void *user);

/** "error", "warn", "info", "debug", "trace" for a level ("?" otherwise). Static
 * string; callable from any thread. */
ZWH_EXTERN const char *zwh_log_level_name(int level);

#ifdef __cplusplus
}
#endif
#endif
