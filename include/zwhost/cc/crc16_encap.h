/** @file
 * zwhost — CRC-16 Encapsulation command class (0x56), version 1. */
#ifndef ZWHOST_CC_CRC16_ENCAP_H
#define ZWHOST_CC_CRC16_ENCAP_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every CRC-16 Encapsulation frame. */
#define ZWH_CC_CRC16_ENCAP 0x56
/** Command identifier: the second byte of a CRC-16 Encapsulation frame. */
#define ZWH_CRC16_ENCAP 0x01

#ifdef __cplusplus
extern "C" {
#endif

/** The encapsulated command is frame[cmd_offset .. cmd_offset + cmd_len);
 * crc is the checksum carried (and verified) over 0x56 0x01 and the command. */
typedef struct zwh_crc16_encap {
    uint16_t cmd_offset; /**< offset of the encapsulated command in the frame */
    uint16_t cmd_len; /**< length of the encapsulated command */
    uint16_t crc; /**< the CRC-16 the frame carries (verified) */
} zwh_crc16_encap_t;

/** Wraps cmd (1.. bytes) and appends the CRC-16 (CCITT, init 0x1D0F). */
ZWH_EXTERN int zwh_crc16_encap_encode(const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap);
/** ZWH_EBADMSG for a truncated frame or a CRC mismatch. */
ZWH_EXTERN int zwh_crc16_encap_decode(const uint8_t *frame, size_t len, zwh_crc16_encap_t *out);

#ifdef __cplusplus
}
#endif
#endif
