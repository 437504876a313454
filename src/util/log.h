/* Internal logging: a per-object logger (no global state) that formats lines and
 * hands them to the application's sink. Secrets go through zwh__log_secret(),
 * which never prints the bytes. */
#ifndef ZWH_UTIL_LOG_H
#define ZWH_UTIL_LOG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include "zwhost/log.h"

typedef struct zwh__log {
    zwh_log_cb cb;
    void *user;
    int level;    /* lines above this level are not formatted */
    unsigned flags; /* ZWH_LOG_SHOW_USER_CODES */
    const char *prefix; /* optional, e.g. "host" or "sim"; static or owner-lifetime */
} zwh__log_t;

void zwh__log_init(zwh__log_t *log);
int zwh__log_enabled(const zwh__log_t *log, int level);
void zwh__logf(const zwh__log_t *log, int level, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void zwh__vlogf(const zwh__log_t *log, int level, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));
/* "label: 01 02 0a ..." (truncated with "..." past 64 bytes). Not for secrets. */
void zwh__log_hex(const zwh__log_t *log, int level, const char *label, const uint8_t *buf, size_t len);

/* Formats hex into out (NUL-terminated, truncated to outlen). Returns chars written. */
size_t zwh__hex_format(const uint8_t *buf, size_t len, char *out, size_t outlen);
/* What a key or other secret is printed as. */
#define ZWH__REDACTED "<redacted>"
/* Formats a user code for logs: masked ("****") unless the logger opts in. */
const char *zwh__log_user_code(const zwh__log_t *log, const char *code, char *tmp, size_t tmplen);

#define ZWH__LOG(log, lvl, ...) \
    do { if (zwh__log_enabled((log), (lvl))) zwh__logf((log), (lvl), __VA_ARGS__); } while (0)
#define ZWH_LOGE(log, ...) ZWH__LOG(log, ZWH_LOG_ERROR, __VA_ARGS__)
#define ZWH_LOGW(log, ...) ZWH__LOG(log, ZWH_LOG_WARN, __VA_ARGS__)
#define ZWH_LOGI(log, ...) ZWH__LOG(log, ZWH_LOG_INFO, __VA_ARGS__)
#define ZWH_LOGD(log, ...) ZWH__LOG(log, ZWH_LOG_DEBUG, __VA_ARGS__)
#define ZWH_LOGT(log, ...) ZWH__LOG(log, ZWH_LOG_TRACE, __VA_ARGS__)

#endif
