/* Checks shared by the command-class codec tests (cmocka).
 *
 * CC_ROUND_TRIP(enc, dec, type, in, want): encoding *in gives exactly the
 *   bytes of the array `want`; one byte less room gives ZWH_EMSGSIZE; decoding
 *   `want` (from an exact-size heap copy, so ASan sees any over-read) and
 *   encoding the result gives `want` again; the formatter renders it without
 *   "malformed". The decoded struct is left in `type cc_back` (declared by
 *   the macro; CC_ROUND_TRIP_INTO reuses one already in scope).
 * CC_TRUNCATED(dec, type, want, min_ok): every prefix of `want` shorter than
 *   min_ok decodes to ZWH_EBADMSG; longer prefixes decode to 0 or EBADMSG
 *   (older versions are shorter); the formatter survives every prefix. */
#ifndef ZWH_TEST_CC_MGMT_CHECK_H
#define ZWH_TEST_CC_MGMT_CHECK_H

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* malloc'd copy of exactly n bytes (1 byte allocated for n = 0) */
uint8_t *cc_dup(const uint8_t *p, size_t n);
/* asserts that zwh_cc_format renders frame as exactly `want` */
void cc_assert_format(const uint8_t *frame, size_t len, const char *want);
/* asserts that the rendering of frame is well-formed (no "malformed"/"Unknown") */
void cc_assert_format_ok(const uint8_t *frame, size_t len);
/* formats frame into a scratch buffer, for the crash checks */
void cc_format_any(const uint8_t *frame, size_t len);

#define CC_ROUND_TRIP(enc, dec, type, in, want)                                   \
    type cc_back;                                                                 \
    CC_ROUND_TRIP_INTO(enc, dec, in, want)

/* The same, decoding into an existing `cc_back` of the right type. */
#define CC_ROUND_TRIP_INTO(enc, dec, in, want)                                    \
    do {                                                                          \
        static uint8_t out_[4096], again_[4096];                                  \
        int n_ = enc(in, out_, sizeof out_);                                      \
        assert_int_equal(n_, (int)sizeof(want));                                  \
        assert_memory_equal(out_, want, sizeof(want));                            \
        assert_int_equal(enc(in, out_, sizeof(want) - 1), ZWH_EMSGSIZE);          \
        uint8_t *copy_ = cc_dup(want, sizeof(want));                              \
        memset(&cc_back, 0xA5, sizeof cc_back);                                   \
        assert_int_equal(dec(copy_, sizeof(want), &cc_back), 0);                  \
        free(copy_);                                                              \
        assert_int_equal(enc(&cc_back, again_, sizeof again_), n_);               \
        assert_memory_equal(again_, want, sizeof(want));                          \
        cc_assert_format_ok(want, sizeof(want));                                  \
    } while (0)

#define CC_TRUNCATED(dec, type, want, min_ok)                                     \
    do {                                                                          \
        for (size_t k_ = 0; k_ < sizeof(want); k_++) {                            \
            uint8_t *b_ = cc_dup(want, k_);                                       \
            type o_;                                                              \
            int rc_ = dec(k_ ? b_ : NULL, k_, &o_);                               \
            if (k_ < (size_t)(min_ok))                                            \
                assert_int_equal(rc_, ZWH_EBADMSG);                               \
            else                                                                  \
                assert_true(rc_ == 0 || rc_ == ZWH_EBADMSG);                      \
            cc_format_any(b_, k_);                                                \
            free(b_);                                                             \
        }                                                                         \
    } while (0)

/* An encoder refuses *in with ZWH_EINVAL. */
#define CC_REFUSES(enc, in)                                                       \
    do {                                                                          \
        uint8_t o_[4096];                                                         \
        assert_int_equal(enc(in, o_, sizeof o_), ZWH_EINVAL);                     \
    } while (0)

#endif
