/* CRC-32 as Ethernet, zlib and PNG use it (reflected poly 0xEDB88320, init and
 * final xor 0xFFFFFFFF; check value of "123456789" = 0xCBF43926): the checksum
 * of the state file. */
#ifndef ZWH_UTIL_CRC32_H
#define ZWH_UTIL_CRC32_H

#include <stddef.h>
#include <stdint.h>

/* Continues crc (0 to start) over data, as zlib's crc32(). */
uint32_t zwh__crc32_update(uint32_t crc, const uint8_t *data, size_t len);
static inline uint32_t zwh__crc32(const uint8_t *data, size_t len)
{
    return zwh__crc32_update(0, data, len);
}

#endif
