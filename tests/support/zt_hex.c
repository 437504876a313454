/* Test helper: hex strings <-> bytes for golden vectors. */
#include "zt_hex.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

static int nib(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

size_t zt_hex(const char *hex, uint8_t *out, size_t cap)
{
    size_t n = 0;
    int hi = -1;
    for (const char *p = hex; *p; p++) {
        if (*p == ' ' || *p == '|' || *p == '_')
            continue;
        int v = nib(*p);
        if (v < 0) {
            fprintf(stderr, "zt_hex: bad char '%c' in %s\n", *p, hex);
            abort();
        }
        if (hi < 0) {
            hi = v;
        } else {
            if (n >= cap) {
                fprintf(stderr, "zt_hex: overflow (%zu) in %s\n", cap, hex);
                abort();
            }
            out[n++] = (uint8_t)(hi << 4 | v);
            hi = -1;
        }
    }
    if (hi >= 0) {
        fprintf(stderr, "zt_hex: odd length: %s\n", hex);
        abort();
    }
    return n;
}

void zt_assert_hex(const uint8_t *buf, size_t len, const char *hex)
{
    uint8_t want[512];
    size_t n = zt_hex(hex, want, sizeof want);
    if (n != len || memcmp(buf, want, n) != 0) {
        fprintf(stderr, "  got  (%zu): ", len);
        for (size_t i = 0; i < len; i++)
            fprintf(stderr, "%02x", buf[i]);
        fprintf(stderr, "\n  want (%zu): %s\n", n, hex);
    }
    assert_int_equal(len, n);
    assert_memory_equal(buf, want, n);
}
