/* Switch All command class, version 1. */
#include "zwhost/cc/switch_all.h"

#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_SWITCH_ALL

ZWH_EXTERN const char *zwh_switch_all_get_mode_name(uint8_t mode)
{
    switch (mode) {
    case ZWH_SWITCH_ALL_MODE_EXCLUDED: return "excluded";
    case ZWH_SWITCH_ALL_MODE_OFF_ONLY: return "off_only";
    case ZWH_SWITCH_ALL_MODE_ON_ONLY: return "on_only";
    case ZWH_SWITCH_ALL_MODE_INCLUDED: return "included";
    default: return NULL;
    }
}

static int mode_encode(uint8_t cmd, const zwh_switch_all_mode_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh_switch_all_get_mode_name(in->mode))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_SWITCH_ALL, cmd);
    zwh__wr_u8(&w, in->mode);
    return zwh__cc_end(&w);
}

static int mode_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_switch_all_mode_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_SWITCH_ALL, cmd))
        return ZWH_EBADMSG;
    out->mode = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_switch_all_set_encode(const zwh_switch_all_mode_t *in, uint8_t *out, size_t cap)
{
    return mode_encode(ZWH_SWITCH_ALL_SET, in, out, cap);
}
ZWH_EXTERN int zwh_switch_all_set_decode(const uint8_t *frame, size_t len, zwh_switch_all_mode_t *out)
{
    return mode_decode(ZWH_SWITCH_ALL_SET, frame, len, out);
}
ZWH_EXTERN int zwh_switch_all_report_encode(const zwh_switch_all_mode_t *in, uint8_t *out, size_t cap)
{
    return mode_encode(ZWH_SWITCH_ALL_REPORT, in, out, cap);
}
ZWH_EXTERN int zwh_switch_all_report_decode(const uint8_t *frame, size_t len, zwh_switch_all_mode_t *out)
{
    return mode_decode(ZWH_SWITCH_ALL_REPORT, frame, len, out);
}
ZWH_EXTERN int zwh_switch_all_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_SWITCH_ALL_GET, out, cap);
}
ZWH_EXTERN int zwh_switch_all_on_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_SWITCH_ALL_ON, out, cap);
}
ZWH_EXTERN int zwh_switch_all_off_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_SWITCH_ALL_OFF, out, cap);
}

static int fmt_mode(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh__rd_t r;
    zwh__rd_init(&r, frame, len);
    zwh__rd_skip(&r, 2);
    uint8_t mode = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r))
        return -1;
    zwh__cc_fmt_named(f, "mode", zwh_switch_all_get_mode_name(mode), mode);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_SWITCH_ALL_SET, "Set", fmt_mode},
    {ZWH_SWITCH_ALL_GET, "Get", NULL},
    {ZWH_SWITCH_ALL_REPORT, "Report", fmt_mode},
    {ZWH_SWITCH_ALL_ON, "On", NULL},
    {ZWH_SWITCH_ALL_OFF, "Off", NULL},
};

const zwh__cc_desc_t zwh__cc_switch_all = {
    .id = ZWH_CC_SWITCH_ALL, .name = "SwitchAll", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
