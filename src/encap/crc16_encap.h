/* CRC-16 Encapsulation helpers over the cc codec: wrap appends the checksum,
 * unwrap verifies it and yields the inner command. */
#ifndef ZWH_ENCAP_CRC16_ENCAP_H
#define ZWH_ENCAP_CRC16_ENCAP_H

#include <stddef.h>
#include <stdint.h>

int zwh__crc16_wrap(const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap);
/* 0 with *cmd / *cmd_len pointing into frame, or ZWH_EBADMSG (truncated, not
 * CRC-16 Encapsulation, or a checksum mismatch). */
int zwh__crc16_unwrap(const uint8_t *frame, size_t len, const uint8_t **cmd, size_t *cmd_len);

#endif
