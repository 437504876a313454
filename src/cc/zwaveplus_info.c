/* Z-Wave Plus Info command class, version 2. */
#include "zwhost/cc/zwaveplus_info.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_ZWAVEPLUS_INFO

ZWH_EXTERN int zwh_zwaveplus_info_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_ZWAVEPLUS_INFO_GET, out, cap);
}

ZWH_EXTERN int zwh_zwaveplus_info_report_encode(const zwh_zwaveplus_info_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ZWAVEPLUS_INFO_REPORT);
    zwh__wr_u8(&w, in->zwaveplus_version);
    zwh__wr_u8(&w, in->role_type);
    zwh__wr_u8(&w, in->node_type);
    zwh__wr_u16(&w, in->installer_icon);
    zwh__wr_u16(&w, in->user_icon);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_zwaveplus_info_report_decode(const uint8_t *frame, size_t len, zwh_zwaveplus_info_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ZWAVEPLUS_INFO_REPORT))
        return ZWH_EBADMSG;
    out->zwaveplus_version = zwh__rd_u8(&r);
    out->role_type = zwh__rd_u8(&r);
    out->node_type = zwh__rd_u8(&r);
    out->installer_icon = zwh__rd_u16(&r);
    out->user_icon = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

static const char *const roles[] = {
    "central-static-controller", "sub-static-controller", "portable-controller",
    "portable-reporting-controller", "portable-end-node", "always-on-end-node",
    "reporting-sleeping-end-node", "listening-sleeping-end-node", "network-aware-end-node",
};

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_zwaveplus_info_report_t rep;
    if (zwh_zwaveplus_info_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " version=%u role=", rep.zwaveplus_version);
    if (rep.role_type < ZWH__COUNT(roles))
        zwh__fmt_printf(f, "%s", roles[rep.role_type]);
    else
        zwh__fmt_printf(f, "0x%02x", rep.role_type);
    zwh__fmt_printf(f, " node_type=%s installer_icon=0x%04x user_icon=0x%04x",
                    rep.node_type == ZWH_ZWAVEPLUS_NODE_TYPE_NODE         ? "node"
                    : rep.node_type == ZWH_ZWAVEPLUS_NODE_TYPE_IP_GATEWAY ? "ip-gateway"
                                                                          : "reserved",
                    rep.installer_icon, rep.user_icon);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_ZWAVEPLUS_INFO_GET, "Get", NULL},
    {ZWH_ZWAVEPLUS_INFO_REPORT, "Report", fmt_report},
};

const zwh__cc_desc_t zwh__cc_zwaveplus_info = {
    .id = CC, .name = "ZWavePlusInfo", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
