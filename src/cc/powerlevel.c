/* Powerlevel command class, version 1. */
#include "zwhost/cc/powerlevel.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_POWERLEVEL

static bool level_ok(const zwh_powerlevel_set_t *in)
{
    return in->power_level <= ZWH_POWERLEVEL_MINUS_9DBM &&
           (in->timeout != 0 || in->power_level == ZWH_POWERLEVEL_NORMAL);
}

static int encode_level(uint8_t cmd, const zwh_powerlevel_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !level_ok(in))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->power_level);
    zwh__wr_u8(&w, in->timeout);
    return zwh__cc_end(&w);
}

static int decode_level(uint8_t cmd, const uint8_t *frame, size_t len, zwh_powerlevel_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->power_level = zwh__rd_u8(&r);
    out->timeout = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_powerlevel_set_encode(const zwh_powerlevel_set_t *in, uint8_t *out, size_t cap)
{
    return encode_level(ZWH_POWERLEVEL_SET, in, out, cap);
}

ZWH_EXTERN int zwh_powerlevel_set_decode(const uint8_t *frame, size_t len, zwh_powerlevel_set_t *out)
{
    return decode_level(ZWH_POWERLEVEL_SET, frame, len, out);
}

ZWH_EXTERN int zwh_powerlevel_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_POWERLEVEL_GET, out, cap);
}

ZWH_EXTERN int zwh_powerlevel_report_encode(const zwh_powerlevel_report_t *in, uint8_t *out, size_t cap)
{
    return encode_level(ZWH_POWERLEVEL_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_powerlevel_report_decode(const uint8_t *frame, size_t len, zwh_powerlevel_report_t *out)
{
    return decode_level(ZWH_POWERLEVEL_REPORT, frame, len, out);
}

ZWH_EXTERN int zwh_powerlevel_test_node_set_encode(const zwh_powerlevel_test_node_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_assoc_node_ok(in->test_node_id) || in->power_level > ZWH_POWERLEVEL_MINUS_9DBM ||
        in->frame_count == 0)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_POWERLEVEL_TEST_NODE_SET);
    zwh__wr_u8(&w, (uint8_t)in->test_node_id);
    zwh__wr_u8(&w, in->power_level);
    zwh__wr_u16(&w, in->frame_count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_powerlevel_test_node_set_decode(const uint8_t *frame, size_t len, zwh_powerlevel_test_node_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_POWERLEVEL_TEST_NODE_SET))
        return ZWH_EBADMSG;
    out->test_node_id = zwh__rd_u8(&r);
    out->power_level = zwh__rd_u8(&r);
    out->frame_count = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_powerlevel_test_node_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_POWERLEVEL_TEST_NODE_GET, out, cap);
}

ZWH_EXTERN int zwh_powerlevel_test_node_report_encode(const zwh_powerlevel_test_node_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->test_node_id > 232 || in->status > ZWH_POWERLEVEL_TEST_IN_PROGRESS)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_POWERLEVEL_TEST_NODE_REPORT);
    zwh__wr_u8(&w, (uint8_t)in->test_node_id);
    zwh__wr_u8(&w, in->status);
    zwh__wr_u16(&w, in->ack_count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_powerlevel_test_node_report_decode(const uint8_t *frame, size_t len, zwh_powerlevel_test_node_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_POWERLEVEL_TEST_NODE_REPORT))
        return ZWH_EBADMSG;
    out->test_node_id = zwh__rd_u8(&r);
    out->status = zwh__rd_u8(&r);
    out->ack_count = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

static void fmt_power(zwh__fmt_t *f, uint8_t level)
{
    if (level == ZWH_POWERLEVEL_NORMAL)
        zwh__fmt_printf(f, " power=normal");
    else
        zwh__fmt_printf(f, " power=-%udBm", level);
}

static int fmt_level(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_powerlevel_set_t s;
    if (decode_level(frame[1], frame, len, &s) != 0)
        return -1;
    fmt_power(f, s.power_level);
    zwh__fmt_printf(f, " timeout=%us", s.timeout);
    return 0;
}

static int fmt_test_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_powerlevel_test_node_set_t s;
    if (zwh_powerlevel_test_node_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " node=%u", s.test_node_id);
    fmt_power(f, s.power_level);
    zwh__fmt_printf(f, " frames=%u", s.frame_count);
    return 0;
}

static const char *const statuses[] = {"failed", "success", "in-progress"};

static int fmt_test_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_powerlevel_test_node_report_t rep;
    if (zwh_powerlevel_test_node_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " node=%u status=%s acked=%u", rep.test_node_id,
                    rep.status < ZWH__COUNT(statuses) ? statuses[rep.status] : "reserved", rep.ack_count);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_POWERLEVEL_SET, "Set", fmt_level},
    {ZWH_POWERLEVEL_GET, "Get", NULL},
    {ZWH_POWERLEVEL_REPORT, "Report", fmt_level},
    {ZWH_POWERLEVEL_TEST_NODE_SET, "TestNodeSet", fmt_test_set},
    {ZWH_POWERLEVEL_TEST_NODE_GET, "TestNodeGet", NULL},
    {ZWH_POWERLEVEL_TEST_NODE_REPORT, "TestNodeReport", fmt_test_report},
};

const zwh__cc_desc_t zwh__cc_powerlevel = {
    .id = CC, .name = "Powerlevel", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
