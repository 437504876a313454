/* snprintf-like line builder for the trace formatter: it keeps counting the
 * length needed after the buffer is full, so zwh_cc_format can report it. */
#ifndef ZWH_CC_FMT_H
#define ZWH_CC_FMT_H

#include <stddef.h>
#include <stdint.h>

typedef struct zwh__fmt {
    char *out;
    size_t cap;
    size_t need;   /* length of the whole line so far */
    int depth;     /* nesting level of encapsulated commands */
} zwh__fmt_t;

void zwh__fmt_printf(zwh__fmt_t *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void zwh__fmt_hex(zwh__fmt_t *f, const uint8_t *buf, size_t len);
/* Renders an embedded command " { Class.Command ... }" (depth-limited). */
void zwh__fmt_nested(zwh__fmt_t *f, const uint8_t *frame, size_t len);
/* Renders one whole command (class, command, fields). */
void zwh__fmt_command(zwh__fmt_t *f, const uint8_t *frame, size_t len);

/* A value with precision: 2155 with precision 2 -> "21.55", -5 p1 -> "-0.5". */
void zwh__fmt_scaled(zwh__fmt_t *f, int32_t value, unsigned precision);

#endif
