#include "cc/fmt.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include "cc/registry.h"
#include "zwhost/cc.h"

#define ZWH__FMT_MAX_DEPTH 6

void zwh__fmt_printf(zwh__fmt_t *f, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *dst = NULL;
    size_t room = 0;
    if (f->need < f->cap) {
        dst = f->out + f->need;
        room = f->cap - f->need;
    }
    int n = vsnprintf(dst, room, fmt, ap);
    va_end(ap);
    if (n > 0)
        f->need += (size_t)n;
}

void zwh__fmt_hex(zwh__fmt_t *f, const uint8_t *buf, size_t len)
{
    for (size_t i = 0; i < len; i++)
        zwh__fmt_printf(f, i ? " %02x" : "%02x", buf[i]);
}

void zwh__fmt_scaled(zwh__fmt_t *f, int32_t value, unsigned precision)
{
    if (precision == 0 || precision > 9) {
        zwh__fmt_printf(f, "%ld", (long)value);
        return;
    }
    long long v = value;
    long long div = 1;
    for (unsigned i = 0; i < precision; i++)
        div *= 10;
    long long a = llabs(v);
    zwh__fmt_printf(f, "%s%lld.%0*lld", v < 0 ? "-" : "", a / div, (int)precision, a % div);
}

void zwh__fmt_command(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    if (len == 0) {
        zwh__fmt_printf(f, "(empty)");
        return;
    }
    const zwh__cc_desc_t *d = zwh__cc_find(frame[0]);
    if (!d) {
        zwh__fmt_printf(f, "Unknown(0x%02x)", frame[0]);
        if (len > 1) {
            zwh__fmt_printf(f, " ");
            zwh__fmt_hex(f, frame + 1, len - 1);
        }
        return;
    }
    if (len < 2) {
        zwh__fmt_printf(f, "%s (no command)", d->name);
        return;
    }
    const zwh__cc_cmd_desc_t *c = zwh__cc_find_cmd(d, frame[1]);
    if (!c) {
        zwh__fmt_printf(f, "%s.Unknown(0x%02x)", d->name, frame[1]);
        if (len > 2) {
            zwh__fmt_printf(f, " ");
            zwh__fmt_hex(f, frame + 2, len - 2);
        }
        return;
    }
    zwh__fmt_printf(f, "%s.%s", d->name, c->name);
    if (c->format) {
        size_t mark = f->need;
        if (c->format(f, frame, len) == 0)
            return;
        /* malformed: drop what the formatter wrote and show the bytes */
        f->need = mark;
        if (mark < f->cap)
            f->out[mark] = '\0';
        zwh__fmt_printf(f, " malformed:");
        if (len > 2) {
            zwh__fmt_printf(f, " ");
            zwh__fmt_hex(f, frame + 2, len - 2);
        }
    } else if (len > 2) {
        zwh__fmt_printf(f, " ");
        zwh__fmt_hex(f, frame + 2, len - 2);
    }
}

void zwh__fmt_nested(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    if (f->depth >= ZWH__FMT_MAX_DEPTH) {
        zwh__fmt_printf(f, " { ");
        zwh__fmt_hex(f, frame, len);
        zwh__fmt_printf(f, " }");
        return;
    }
    f->depth++;
    zwh__fmt_printf(f, " { ");
    zwh__fmt_command(f, frame, len);
    zwh__fmt_printf(f, " }");
    f->depth--;
}

ZWH_EXTERN int zwh_cc_format(const uint8_t *frame, size_t len, char *out, size_t outlen)
{
    zwh__fmt_t f = {.out = out, .cap = out ? outlen : 0, .need = 0, .depth = 0};
    if (f.cap)
        out[0] = '\0';
    zwh__fmt_command(&f, frame, frame ? len : 0);
    if (f.cap && f.need >= f.cap)
        out[f.cap - 1] = '\0';
    return (int)f.need;
}
