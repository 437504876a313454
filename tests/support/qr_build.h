/* Builds SmartStart / S2 QR code texts for tests, from the layout the Node
 * Provisioning QR code specification gives (independent of src/security/qr.c):
 * "90", version (2 digits), checksum (5 digits: the first two bytes of SHA-1
 * over every digit after it, big endian), requested keys (3 digits), the DSK as
 * 8 groups of 5 digits, then the two mandatory TLV blocks (Product Type,
 * Product ID), each `type<<1|critical` (2 digits), length (2 digits), data. */
#ifndef ZWH_TEST_QR_BUILD_H
#define ZWH_TEST_QR_BUILD_H

#include <stddef.h>
#include <stdint.h>

/* version: 0 (S2) or 1 (SmartStart). Writes a NUL-terminated text to out.
 * Returns its length, or -1 when cap is too small. */
int zt_qr_build(uint8_t version, uint8_t requested_keys, const uint8_t dsk[16], char *out, size_t cap);

#endif
