/* CRC-16/AUG-CCITT as Z-Wave uses it (poly 0x1021, init 0x1D0F, no reflection):
 * CRC-16 Encapsulation, Transport Service segments, Firmware Update fragments. */
#ifndef ZWH_UTIL_CRC16_H
#define ZWH_UTIL_CRC16_H

#include <stddef.h>
#include <stdint.h>

#define ZWH__CRC16_INIT 0x1D0Fu

uint16_t zwh__crc16_update(uint16_t crc, const uint8_t *data, size_t len);
static inline uint16_t zwh__crc16(const uint8_t *data, size_t len)
{
    return zwh__crc16_update(ZWH__CRC16_INIT, data, len);
}

#endif
