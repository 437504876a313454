/* CRC-16 Encapsulation helpers. */
#include "encap/crc16_encap.h"

#include "zwhost/cc/crc16_encap.h"
#include "zwhost/error.h"

int zwh__crc16_wrap(const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap)
{
    return zwh_crc16_encap_encode(cmd, cmd_len, out, cap);
}

int zwh__crc16_unwrap(const uint8_t *frame, size_t len, const uint8_t **cmd, size_t *cmd_len)
{
    zwh_crc16_encap_t e;
    if (!cmd || !cmd_len || zwh_crc16_encap_decode(frame, len, &e) != 0)
        return ZWH_EBADMSG;
    *cmd = frame + e.cmd_offset;
    *cmd_len = e.cmd_len;
    return 0;
}
