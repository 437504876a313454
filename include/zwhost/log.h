/* zwhost — logging.
 *
 * The library never writes to stdout/stderr by itself: it hands each line to a
 * sink the application installs. Key material is never formatted (it appears
 * as "<redacted>"); user codes are masked unless the application opts in. */
#ifndef ZWHOST_LOG_H
#define ZWHOST_LOG_H

#include "zwhost/common.h"

#define ZWH_LOG_ERROR 0
#define ZWH_LOG_WARN 1
#define ZWH_LOG_INFO 2
#define ZWH_LOG_DEBUG 3
#define ZWH_LOG_TRACE 4 /* decoded frame trace */

/* Log flags */
#define ZWH_LOG_SHOW_USER_CODES 0x01 /* print user codes in clear (default: masked) */

#ifdef __cplusplus
extern "C" {
#endif

/* A log sink. `line` is one NUL-terminated line without trailing newline,
 * valid only during the call. Called on the loop thread. */
typedef void (*zwh_log_cb)(int level, const char *line, void *user);

/* "error", "warn", "info", "debug", "trace"; static string. */
ZWH_EXTERN const char *zwh_log_level_name(int level);

#ifdef __cplusplus
}
#endif
#endif
