/* Internal pieces shared by the classes that carry measured values and
 * bitmasks: the precision/scale/size byte, value range rules, bitmasks. */
#ifndef ZWH_CC_VALUE_H
#define ZWH_CC_VALUE_H

#include <stdbool.h>
#include "util/bytes.h"
#include "cc/fmt.h"

/* Wire size of a measured value: 1, 2 or 4 bytes. */
static inline bool zwh__cc_size_ok(uint8_t size) { return size == 1 || size == 2 || size == 4; }
/* true when value fits a signed big-endian field of `size` bytes */
bool zwh__cc_value_fits(int32_t value, uint8_t size);
/* true when precision/scale/size/value can be written in one PSS byte + value */
bool zwh__cc_pss_ok(uint8_t precision, uint8_t scale, uint8_t size, int32_t value);

/* Reads "precision(7..5) scale(4..3) size(2..0)" and the signed value it
 * announces. A size other than 1, 2, 4 marks the reader failed. */
void zwh__cc_rd_pss(zwh__rd_t *r, uint8_t *precision, uint8_t *scale, uint8_t *size, int32_t *value);
/* Writes the PSS byte and the value (caller checked zwh__cc_pss_ok). */
void zwh__cc_wr_pss(zwh__wr_t *w, uint8_t precision, uint8_t scale, uint8_t size, int32_t value);

/* Copies a bitmask of the rest of the frame (at most cap bytes; further
 * bytes are ignored). */
uint8_t zwh__cc_rd_mask(zwh__rd_t *r, uint8_t *mask, size_t cap);

/* An optional trailing byte (the V2+ duration of a Set): *has = 1 when the
 * frame carries it. */
void zwh__cc_rd_opt(zwh__rd_t *r, uint8_t *has, uint8_t *v);
static inline void zwh__cc_wr_opt(zwh__wr_t *w, uint8_t has, uint8_t v)
{
    if (has)
        zwh__wr_u8(w, v);
}
/* The optional "target value, duration" pair ending switch reports. */
void zwh__cc_rd_target(zwh__rd_t *r, uint8_t *has, uint8_t *target, uint8_t *duration);
void zwh__cc_wr_target(zwh__wr_t *w, uint8_t has, uint8_t target, uint8_t duration);

/* Prints " key=name", or " key=number" when name is NULL. */
void zwh__cc_fmt_named(zwh__fmt_t *f, const char *key, const char *name, unsigned number);
/* Prints "item,item" (or "none") for the set bits of mask; item() prints one
 * (bit 0 = byte 0 bit 0). */
typedef void (*zwh__cc_fmt_item_fn)(zwh__fmt_t *f, unsigned bit, const void *ctx);
/* Prints the set bits numbered from `first` as "1,3,7"; returns how many. */
int zwh__cc_fmt_mask_numbers(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first);
/* Prints the set bits as a comma-separated list; returns how many were printed. */
int zwh__cc_fmt_bits(zwh__fmt_t *f, const uint8_t *mask, size_t len, zwh__cc_fmt_item_fn item, const void *ctx);
/* Prints the set bits as type names: bit i is type first + i, named by name()
 * (a number when it returns NULL). */
void zwh__cc_fmt_mask(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first,
                      const char *(*name)(uint8_t type));

#endif
