#include "cc_check.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/cc.h"
#include "zwhost/error.h"

void zwh_test_truncations(const uint8_t *frame, size_t len, size_t min_len, zwh_test_decode_fn dec, void *out,
                          size_t out_size)
{
    for (size_t n = 0; n <= len; n++) {
        uint8_t *copy = malloc(n ? n : 1);
        assert_non_null(copy);
        memcpy(copy, frame, n);
        memset(out, 0xA5, out_size);
        int rc = dec(copy, n, out);
        if (n < min_len) {
            if (rc != ZWH_EBADMSG)
                fail_msg("prefix of %zu bytes (min %zu) gave %d, want ZWH_EBADMSG", n, min_len, rc);
        } else if (n == len) {
            if (rc != 0)
                fail_msg("whole frame of %zu bytes gave %d", n, rc);
        }
        /* the formatter must cope with every prefix too */
        char line[512];
        zwh_cc_format(copy, n, line, sizeof line);
        free(copy);
    }
}

void zwh_test_format(const uint8_t *frame, size_t len, const char *want)
{
    char line[1024];
    int need = zwh_cc_format(frame, len, line, sizeof line);
    assert_string_equal(line, want);
    assert_int_equal(need, (int)strlen(want));
    for (size_t cap = 0; cap <= (size_t)need; cap++) {
        char *small = malloc(cap ? cap : 1);
        assert_non_null(small);
        assert_int_equal(zwh_cc_format(frame, len, cap ? small : NULL, cap), need);
        if (cap) {
            assert_int_equal(strlen(small), cap - 1);
            assert_memory_equal(small, want, cap - 1);
        }
        free(small);
    }
}

size_t zwh_test_hex(const char *hex, uint8_t *buf, size_t cap)
{
    size_t n = 0;
    unsigned v;
    int used;
    while (n < cap && sscanf(hex, " %2x%n", &v, &used) == 1) {
        buf[n++] = (uint8_t)v;
        hex += used;
    }
    return n;
}
