/* Field helpers shared by the lock, time, schedule and encapsulation classes:
 * value-name tables, bitmask printing, command-only frames. */
#ifndef ZWH_CC_FIELDS_H
#define ZWH_CC_FIELDS_H

#include <stddef.h>
#include <stdint.h>
#include "cc/fmt.h"
#include "zwhost/common.h"

typedef struct zwh__cc_name {
    uint8_t value;
    const char *name;
} zwh__cc_name_t;

/* The name of value in table, or NULL. */
const char *zwh__cc_name(const zwh__cc_name_t *table, size_t n, uint8_t value);
/* Prints the name of value, or "0x%02x" when the table has none. */
void zwh__cc_fmt_name(zwh__fmt_t *f, const zwh__cc_name_t *table, size_t n, uint8_t value);
/* Prints the set bits of a little-endian bitmask as "[a,b,c]"; bit 0 of byte 0
 * stands for value `first`. */
void zwh__cc_fmt_mask(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first);
/* Prints printable ASCII as "..." and anything else as hex. */
void zwh__cc_fmt_text(zwh__fmt_t *f, const uint8_t *s, size_t len);
/* Encodes a command without fields (a Get). */
int zwh__cc_encode_bare(uint8_t cc, uint8_t cmd, uint8_t *out, size_t cap);



/* Commands with one 8- or 16-bit field. */
int zwh__cc_encode_u8(uint8_t cc, uint8_t cmd, uint8_t v, uint8_t *out, size_t cap);
int zwh__cc_decode_u8(uint8_t cc, uint8_t cmd, const uint8_t *frame, size_t len, uint8_t *v);
int zwh__cc_encode_u16(uint8_t cc, uint8_t cmd, uint16_t v, uint8_t *out, size_t cap);
int zwh__cc_decode_u16(uint8_t cc, uint8_t cmd, const uint8_t *frame, size_t len, uint16_t *v);

/* Defines the public encode/decode pair of a command that shares its layout
 * with another (Set and Report): zwh_<name>_encode/_decode call
 * enc(cmd, ...)/dec(cmd, ...). */
#define ZWH__CC_SHARED_CODEC(name, type, cmd, enc, dec)                                         \
    ZWH_EXTERN int zwh_##name##_encode(const type *in, uint8_t *out, size_t cap)                \
    {                                                                                           \
        return enc(cmd, in, out, cap);                                                          \
    }                                                                                           \
    ZWH_EXTERN int zwh_##name##_decode(const uint8_t *frame, size_t len, type *out)             \
    {                                                                                           \
        return dec(cmd, frame, len, out);                                                       \
    }

#endif
