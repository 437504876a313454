/** @file
 * zwhost — helpers for values that several command classes share: the
 * "precision / scale / size" measured values of Meter, Multilevel Sensor and
 * friends, and the type bitmasks of the Supported reports. */
#ifndef ZWHOST_CC_VALUE_H
#define ZWHOST_CC_VALUE_H

#include "zwhost/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** A measured value as carried on the wire: an integer and a decimal precision
 * (value 2155, precision 2 -> 21.55). Structs keep the exact integer; this
 * gives a double for display and arithmetic. precision 0..7 (3 bits). */
ZWH_EXTERN double zwh_cc_value_to_double(int32_t value, uint8_t precision);

/** 1 if bit number `bit` is set in a little-endian-per-byte bitmask as the
 * Supported reports use (bit 0 = byte 0 bit 0, bit 9 = byte 1 bit 1), else 0.
 * Bits beyond len bytes read as 0. What bit 0 stands for is per command. */
ZWH_EXTERN int zwh_cc_bitmask_has(const uint8_t *mask, size_t len, unsigned bit);

#ifdef __cplusplus
}
#endif
#endif
