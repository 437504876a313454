/* Multi Command command class, version 1. */
#include "zwhost/cc/multi_command.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"

#define CC ZWH_CC_MULTI_COMMAND

ZWH_EXTERN int zwh_multi_command_encode(const uint8_t *const *cmds, const size_t *lens, size_t count,
                                        uint8_t *out, size_t cap)
{
    if (!cmds || !lens || count == 0 || count > ZWH_MULTI_COMMAND_MAX)
        return ZWH_EINVAL;
    for (size_t i = 0; i < count; i++)
        if (!cmds[i] || lens[i] == 0 || lens[i] > 255)
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_COMMAND_ENCAP);
    zwh__wr_u8(&w, (uint8_t)count);
    for (size_t i = 0; i < count; i++) {
        zwh__wr_u8(&w, (uint8_t)lens[i]);
        zwh__wr_bytes(&w, cmds[i], lens[i]);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_command_decode(const uint8_t *frame, size_t len, zwh_multi_command_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_COMMAND_ENCAP) || len > 0xFFFF)
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_MULTI_COMMAND_MAX)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++) {
        uint8_t n = zwh__rd_u8(&r);
        out->cmds[i].offset = (uint16_t)r.pos;
        out->cmds[i].len = n;
        if (n == 0 || !zwh__rd_skip(&r, n))
            return ZWH_EBADMSG;
    }
    return zwh__cc_close(&r);
}

static int fmt_encap(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_command_t m;
    if (zwh_multi_command_decode(frame, len, &m) != 0)
        return -1;
    zwh__fmt_printf(f, " count=%u", m.count);
    for (size_t i = 0; i < m.count; i++)
        zwh__fmt_nested(f, frame + m.cmds[i].offset, m.cmds[i].len);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MULTI_COMMAND_ENCAP, "Encapsulated", fmt_encap},
};

const zwh__cc_desc_t zwh__cc_multi_command = {
    .id = CC, .name = "MultiCommand", .version = 1, .flags = ZWH__CC_ENCAP,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
