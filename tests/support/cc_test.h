/* Helpers for command-class codec tests (header-only, cmocka). */
#ifndef ZWH_TEST_CC_TEST_H
#define ZWH_TEST_CC_TEST_H

#include <stdlib.h>
#include <string.h>

/* Decodes every prefix of frame[0..len) from a heap copy of exactly that
 * length (so ASan sees any read past it). Prefixes shorter than minlen must
 * be ZWH_EBADMSG; longer ones may decode as an older version (0) or fail,
 * but never crash. */
#define ZWH_CHECK_PREFIXES(decode, type, frame, len, minlen)                          \
    do {                                                                              \
        for (size_t n_ = 0; n_ < (size_t)(len); n_++) {                               \
            uint8_t *b_ = malloc(n_ ? n_ : 1);                                        \
            assert_non_null(b_);                                                      \
            memcpy(b_, (frame), n_);                                                  \
            type o_;                                                                  \
            int rc_ = decode(n_ ? b_ : NULL, n_, &o_);                                \
            if (n_ < (size_t)(minlen))                                                \
                assert_int_equal(rc_, ZWH_EBADMSG);                                   \
            else                                                                      \
                assert_true(rc_ == 0 || rc_ == ZWH_EBADMSG);                          \
            free(b_);                                                                 \
        }                                                                             \
    } while (0)

/* encode(in) must give exactly want[0..wantlen); decoding it back and
 * re-encoding must give the same bytes again; every shorter output buffer
 * must give ZWH_EMSGSIZE. */
#define ZWH_CHECK_BYTES(encode, decode, type, in, want, wantlen)                       \
    do {                                                                              \
        uint8_t out_[2048];                                                           \
        assert_int_equal(encode((in), out_, sizeof out_), (int)(wantlen));            \
        assert_memory_equal(out_, (want), (wantlen));                                 \
        type *back_ = calloc(1, sizeof(type));                                        \
        assert_non_null(back_);                                                       \
        assert_int_equal(decode((want), (wantlen), back_), 0);                        \
        uint8_t again_[2048];                                                         \
        assert_int_equal(encode(back_, again_, sizeof again_), (int)(wantlen));       \
        assert_memory_equal(again_, (want), (wantlen));                               \
        for (size_t c_ = 0; c_ < (size_t)(wantlen); c_++)                             \
            assert_int_equal(encode((in), out_, c_), ZWH_EMSGSIZE);                   \
        free(back_);                                                                  \
    } while (0)

#endif
