/* Test helper: hex strings <-> bytes for golden vectors. */
#ifndef ZT_HEX_H
#define ZT_HEX_H

#include <stddef.h>
#include <stdint.h>

/* Decodes hex (spaces ignored) into out; aborts the test program on bad input or
 * overflow. Returns the number of bytes. */
size_t zt_hex(const char *hex, uint8_t *out, size_t cap);

/* Asserts (cmocka) that buf[0..len) equals the bytes of hex, printing both on failure. */
void zt_assert_hex(const uint8_t *buf, size_t len, const char *hex);

#endif
