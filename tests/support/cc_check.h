/* Helpers for command-class codec tests: truncation sweeps on exactly-sized
 * heap copies (so ASan sees any read past the end) and formatter checks. */
#ifndef ZWH_TEST_CC_CHECK_H
#define ZWH_TEST_CC_CHECK_H

#include <stddef.h>
#include <stdint.h>

typedef int (*zwh_test_decode_fn)(const uint8_t *frame, size_t len, void *out);

/* Defines `static int dec_<name>(const uint8_t*, size_t, void*)` calling
 * zwh_<name>_decode with the right struct type. */
#define ZWH_TEST_DECODER(name, type) \
    static int dec_##name(const uint8_t *f, size_t n, void *o) { return zwh_##name##_decode(f, n, (type *)o); }

/* Decodes every prefix of frame (lengths 0..len) from its own heap copy:
 * prefixes shorter than min_len must give ZWH_EBADMSG; the whole frame must
 * decode (0). out must hold out_size bytes. */
void zwh_test_truncations(const uint8_t *frame, size_t len, size_t min_len, zwh_test_decode_fn dec, void *out,
                          size_t out_size);

/* zwh_cc_format(frame) equals want, and every smaller buffer (0..need) gets a
 * NUL-terminated prefix and the same return value. */
void zwh_test_format(const uint8_t *frame, size_t len, const char *want);

/* Parses "6c 01 95 03 ..." into buf, returns the byte count. */
size_t zwh_test_hex(const char *hex, uint8_t *buf, size_t cap);

#endif
