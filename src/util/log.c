#include "util/log.h"

#include <stdio.h>
#include <string.h>

void zwh__log_init(zwh__log_t *log)
{
    memset(log, 0, sizeof *log);
    log->level = ZWH_LOG_INFO;
}

int zwh__log_enabled(const zwh__log_t *log, int level)
{
    return log && log->cb && level <= log->level;
}

void zwh__vlogf(const zwh__log_t *log, int level, const char *fmt, va_list ap)
{
    if (!zwh__log_enabled(log, level))
        return;
    char line[512];
    int off = 0;
    if (log->prefix)
        off = snprintf(line, sizeof line, "%s: ", log->prefix);
    if (off < 0 || (size_t)off >= sizeof line)
        off = 0;
    vsnprintf(line + off, sizeof line - (size_t)off, fmt, ap);
    log->cb(level, line, log->user);
}

void zwh__logf(const zwh__log_t *log, int level, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    zwh__vlogf(log, level, fmt, ap);
    va_end(ap);
}

size_t zwh__hex_format(const uint8_t *buf, size_t len, char *out, size_t outlen)
{
    static const char digits[] = "0123456789abcdef";
    size_t o = 0;
    if (outlen == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        if (o + 3 + (i ? 1 : 0) > outlen)
            break;
        if (i)
            out[o++] = ' ';
        out[o++] = digits[buf[i] >> 4];
        out[o++] = digits[buf[i] & 15];
    }
    out[o] = '\0';
    return o;
}

void zwh__log_hex(const zwh__log_t *log, int level, const char *label, const uint8_t *buf, size_t len)
{
    if (!zwh__log_enabled(log, level))
        return;
    char hex[64 * 3 + 1];
    size_t shown = len > 64 ? 64 : len;
    zwh__hex_format(buf, shown, hex, sizeof hex);
    zwh__logf(log, level, "%s: %s%s", label, hex, len > shown ? " ..." : "");
}

const char *zwh__log_user_code(const zwh__log_t *log, const char *code, char *tmp, size_t tmplen)
{
    if (!code)
        return "(none)";
    if (log && (log->flags & ZWH_LOG_SHOW_USER_CODES))
        return code;
    size_t n = strlen(code);
    if (tmplen == 0)
        return "";
    if (n >= tmplen)
        n = tmplen - 1;
    memset(tmp, '*', n);
    tmp[n] = '\0';
    return tmp;
}

ZWH_EXTERN const char *zwh_log_level_name(int level)
{
    switch (level) {
    case ZWH_LOG_ERROR: return "error";
    case ZWH_LOG_WARN: return "warn";
    case ZWH_LOG_INFO: return "info";
    case ZWH_LOG_DEBUG: return "debug";
    case ZWH_LOG_TRACE: return "trace";
    default: return "?";
    }
}
