/* CRC-16 Encapsulation command class, version 1. */
#include "zwhost/cc/crc16_encap.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "util/crc16.h"

#define CC ZWH_CC_CRC16_ENCAP

ZWH_EXTERN int zwh_crc16_encap_encode(const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap)
{
    if (!cmd || cmd_len == 0 || cmd_len > 0xFFFF - 4)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_CRC16_ENCAP);
    zwh__wr_bytes(&w, cmd, cmd_len);
    if (zwh__wr_ok(&w))
        zwh__wr_u16(&w, zwh__crc16(out, zwh__wr_len(&w)));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_crc16_encap_decode(const uint8_t *frame, size_t len, zwh_crc16_encap_t *out)
{
    zwh__rd_t r;
    /* class, command, at least one byte of command, two of CRC */
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_CRC16_ENCAP) || len < 5 || len > 0xFFFF)
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->cmd_offset = 2;
    out->cmd_len = (uint16_t)(len - 4);
    out->crc = (uint16_t)(frame[len - 2] << 8 | frame[len - 1]);
    if (zwh__crc16(frame, len - 2) != out->crc)
        return ZWH_EBADMSG;
    return 0;
}

static int fmt_encap(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_crc16_encap_t e;
    if (zwh_crc16_encap_decode(frame, len, &e) != 0)
        return -1;
    zwh__fmt_printf(f, " crc=0x%04x", e.crc);
    zwh__fmt_nested(f, frame + e.cmd_offset, e.cmd_len);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_CRC16_ENCAP, "Encap", fmt_encap},
};

const zwh__cc_desc_t zwh__cc_crc16_encap = {
    .id = CC, .name = "CRC16", .version = 1, .flags = ZWH__CC_ENCAP | ZWH__CC_INSECURE_OK,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
