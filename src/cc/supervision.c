/* Supervision command class, version 2: Get and Report frames. */
#include "zwhost/cc/supervision.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_SUPERVISION

static const zwh__cc_name_t status_names[] = {
    {ZWH_SUPERVISION_NO_SUPPORT, "NO_SUPPORT"},
    {ZWH_SUPERVISION_WORKING, "WORKING"},
    {ZWH_SUPERVISION_FAIL, "FAIL"},
    {ZWH_SUPERVISION_SUCCESS, "SUCCESS"},
};

ZWH_EXTERN int zwh_supervision_get_encode(const zwh_supervision_get_t *in, const uint8_t *cmd, size_t cmd_len,
                                          uint8_t *out, size_t cap)
{
    if (!in || !cmd || cmd_len == 0 || cmd_len > 255 || in->status_updates > 1 ||
        in->session_id > ZWH_SUPERVISION_MAX_SESSION)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_SUPERVISION_GET);
    zwh__wr_u8(&w, (uint8_t)(in->status_updates << 7 | in->session_id));
    zwh__wr_u8(&w, (uint8_t)cmd_len);
    zwh__wr_bytes(&w, cmd, cmd_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_supervision_get_decode(const uint8_t *frame, size_t len, zwh_supervision_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_SUPERVISION_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->status_updates = p >> 7;
    out->session_id = p & 0x3F;
    out->cmd_len = zwh__rd_u8(&r);
    out->cmd_offset = 4;
    if (!zwh__rd_skip(&r, out->cmd_len) || out->cmd_len == 0)
        return ZWH_EBADMSG;
    return zwh__cc_close(&r);
}

static bool status_ok(uint8_t s) { return zwh__cc_name(status_names, ZWH__COUNT(status_names), s) != NULL; }

ZWH_EXTERN int zwh_supervision_report_encode(const zwh_supervision_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->more_updates > 1 || in->wake_up_request > 1 || in->session_id > ZWH_SUPERVISION_MAX_SESSION ||
        !status_ok(in->status))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_SUPERVISION_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->more_updates << 7 | in->wake_up_request << 6 | in->session_id));
    zwh__wr_u8(&w, in->status);
    zwh__wr_u8(&w, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_supervision_report_decode(const uint8_t *frame, size_t len, zwh_supervision_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_SUPERVISION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->more_updates = p >> 7;
    out->wake_up_request = (p >> 6) & 1;
    out->session_id = p & 0x3F;
    out->status = zwh__rd_u8(&r);
    out->duration = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_supervision_get_t g;
    if (zwh_supervision_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " session=%u updates=%s", g.session_id, g.status_updates ? "yes" : "no");
    zwh__fmt_nested(f, frame + g.cmd_offset, g.cmd_len);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_supervision_report_t rep;
    if (zwh_supervision_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " session=%u status=", rep.session_id);
    zwh__cc_fmt_name(f, status_names, ZWH__COUNT(status_names), rep.status);
    zwh__fmt_printf(f, " more=%s", rep.more_updates ? "yes" : "no");
    if (rep.wake_up_request)
        zwh__fmt_printf(f, " wake_up_request=yes");
    zwh__fmt_printf(f, " duration=");
    zwh__cc_fmt_duration(f, rep.duration);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_SUPERVISION_GET, "Get", fmt_get},
    {ZWH_SUPERVISION_REPORT, "Report", fmt_report},
};

const zwh__cc_desc_t zwh__cc_supervision = {
    .id = CC, .name = "Supervision", .version = 2, .flags = ZWH__CC_ENCAP,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
