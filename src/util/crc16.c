#include "util/crc16.h"

uint16_t zwh__crc16_update(uint16_t crc, const uint8_t *data, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        crc = (uint16_t)(crc ^ (uint16_t)(data[i] << 8));
        for (int b = 0; b < 8; b++) {
            unsigned v = (unsigned)crc << 1;
            if (crc & 0x8000u)
                v ^= 0x1021u;
            crc = (uint16_t)v;
        }
    }
    return crc;
}
