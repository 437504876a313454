#include "cc_mgmt_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <cmocka.h>
#include "zwhost/cc.h"

uint8_t *cc_dup(const uint8_t *p, size_t n)
{
    uint8_t *b = malloc(n ? n : 1);
    assert_non_null(b);
    if (n)
        memcpy(b, p, n);
    return b;
}

void cc_assert_format(const uint8_t *frame, size_t len, const char *want)
{
    char line[1024];
    int n = zwh_cc_format(frame, len, line, sizeof line);
    assert_string_equal(line, want);
    assert_int_equal(n, (int)strlen(want));
}

void cc_assert_format_ok(const uint8_t *frame, size_t len)
{
    char line[8192];
    int n = zwh_cc_format(frame, len, line, sizeof line);
    assert_true(n > 0 && (size_t)n < sizeof line);
    if (strstr(line, "malformed") || strstr(line, "Unknown("))
        fail_msg("formatter rejected a valid frame: %s", line);
}

void cc_format_any(const uint8_t *frame, size_t len)
{
    char line[256];
    int n = zwh_cc_format(frame, len, line, sizeof line);
    assert_true(n >= 0);
    assert_true(strlen(line) < sizeof line);
}
