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
/* Prints "name1,name2" (or "none") for the set bits; bit i stands for type first + i.
 * name(type) may return NULL, then the number is printed. */
void zwh__cc_fmt_mask(zwh__fmt_t *f, const uint8_t *mask, size_t len, unsigned first,
                      const char *(*name)(uint8_t type));

#endif
