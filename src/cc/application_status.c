/* Application Status command class, version 1. */
#include "zwhost/cc/application_status.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_APPLICATION_STATUS

ZWH_EXTERN int zwh_application_status_busy_encode(const zwh_application_status_busy_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->status > ZWH_APPLICATION_BUSY_QUEUED)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_APPLICATION_STATUS_BUSY);
    zwh__wr_u8(&w, in->status);
    zwh__wr_u8(&w, in->wait_time);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_application_status_busy_decode(const uint8_t *frame, size_t len, zwh_application_status_busy_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_APPLICATION_STATUS_BUSY))
        return ZWH_EBADMSG;
    out->status = zwh__rd_u8(&r);
    out->wait_time = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_application_status_rejected_request_encode(const zwh_application_status_rejected_request_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->status != 0)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_APPLICATION_STATUS_REJECTED_REQUEST, in->status, out, cap);
}

ZWH_EXTERN int zwh_application_status_rejected_request_decode(const uint8_t *frame, size_t len, zwh_application_status_rejected_request_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_APPLICATION_STATUS_REJECTED_REQUEST, out ? &out->status : NULL);
}

static int fmt_busy(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_application_status_busy_t b;
    if (zwh_application_status_busy_decode(frame, len, &b) != 0)
        return -1;
    if (b.status == ZWH_APPLICATION_BUSY_TRY_LATER)
        zwh__fmt_printf(f, " status=try-later");
    else if (b.status == ZWH_APPLICATION_BUSY_TRY_AFTER_WAIT)
        zwh__fmt_printf(f, " status=try-after wait=%us", b.wait_time);
    else if (b.status == ZWH_APPLICATION_BUSY_QUEUED)
        zwh__fmt_printf(f, " status=queued");
    else
        zwh__fmt_printf(f, " status=0x%02x", b.status);
    return 0;
}

static int fmt_rejected(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "status");
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_APPLICATION_STATUS_BUSY, "Busy", fmt_busy},
    {ZWH_APPLICATION_STATUS_REJECTED_REQUEST, "RejectedRequest", fmt_rejected},
};

const zwh__cc_desc_t zwh__cc_application_status = {
    .id = CC, .name = "ApplicationStatus", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
