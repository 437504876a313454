/* DSK and PIN helpers shared by the QR parser and the KEX machines. The public
 * entry points are in zwhost/security.h. */
#ifndef ZWH_SECURITY_DSK_H
#define ZWH_SECURITY_DSK_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "zwhost/security.h"

/* Reads n (1..5) decimal digits at s into *v. Returns false if any is not a digit. */
bool zwh__digits_read(const char *s, size_t n, uint32_t *v);

/* Writes the PIN into the first two DSK/public-key bytes (big endian). */
void zwh__dsk_pin_put(uint8_t *key, uint16_t pin);

#endif
