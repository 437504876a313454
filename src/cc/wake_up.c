/* Wake Up command class, version 2. */
#include "zwhost/cc/wake_up.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_WAKE_UP

static int encode_interval(uint8_t cmd, const zwh_wake_up_interval_set_t *in, uint8_t *out, size_t cap)
{
    /* a Report may say 0: no destination configured yet */
    if (!in || in->seconds > ZWH_WAKE_UP_MAX_SECONDS || in->node_id > 232 ||
        (in->node_id == 0 && cmd == ZWH_WAKE_UP_INTERVAL_SET))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u24(&w, in->seconds);
    zwh__wr_u8(&w, (uint8_t)in->node_id);
    return zwh__cc_end(&w);
}

static int decode_interval(uint8_t cmd, const uint8_t *frame, size_t len, zwh_wake_up_interval_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->seconds = zwh__rd_u24(&r);
    out->node_id = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_wake_up_interval_set_encode(const zwh_wake_up_interval_set_t *in, uint8_t *out, size_t cap)
{
    return encode_interval(ZWH_WAKE_UP_INTERVAL_SET, in, out, cap);
}

ZWH_EXTERN int zwh_wake_up_interval_set_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_set_t *out)
{
    return decode_interval(ZWH_WAKE_UP_INTERVAL_SET, frame, len, out);
}

ZWH_EXTERN int zwh_wake_up_interval_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_WAKE_UP_INTERVAL_GET, out, cap);
}

ZWH_EXTERN int zwh_wake_up_interval_report_encode(const zwh_wake_up_interval_report_t *in, uint8_t *out, size_t cap)
{
    return encode_interval(ZWH_WAKE_UP_INTERVAL_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_wake_up_interval_report_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_report_t *out)
{
    return decode_interval(ZWH_WAKE_UP_INTERVAL_REPORT, frame, len, out);
}

ZWH_EXTERN int zwh_wake_up_notification_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_WAKE_UP_NOTIFICATION, out, cap);
}

ZWH_EXTERN int zwh_wake_up_no_more_information_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_WAKE_UP_NO_MORE_INFORMATION, out, cap);
}

ZWH_EXTERN int zwh_wake_up_interval_capabilities_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_WAKE_UP_INTERVAL_CAPABILITIES_GET, out, cap);
}

ZWH_EXTERN int zwh_wake_up_interval_capabilities_report_encode(const zwh_wake_up_interval_capabilities_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->min_seconds > ZWH_WAKE_UP_MAX_SECONDS || in->max_seconds > ZWH_WAKE_UP_MAX_SECONDS ||
        in->default_seconds > ZWH_WAKE_UP_MAX_SECONDS || in->step_seconds > ZWH_WAKE_UP_MAX_SECONDS ||
        in->has_v3 > 1 || in->on_demand > 1 || (!in->has_v3 && in->on_demand))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT);
    zwh__wr_u24(&w, in->min_seconds);
    zwh__wr_u24(&w, in->max_seconds);
    zwh__wr_u24(&w, in->default_seconds);
    zwh__wr_u24(&w, in->step_seconds);
    if (in->has_v3)
        zwh__wr_u8(&w, in->on_demand);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_wake_up_interval_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_wake_up_interval_capabilities_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->min_seconds = zwh__rd_u24(&r);
    out->max_seconds = zwh__rd_u24(&r);
    out->default_seconds = zwh__rd_u24(&r);
    out->step_seconds = zwh__rd_u24(&r);
    if (zwh__rd_left(&r) >= 1) { /* V3 */
        out->has_v3 = 1;
        out->on_demand = zwh__rd_u8(&r) & 1;
    }
    return zwh__cc_close(&r);
}

static int fmt_interval(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_wake_up_interval_set_t s;
    if (decode_interval(frame[1], frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " interval=%lus node=%u", (unsigned long)s.seconds, s.node_id);
    return 0;
}

static int fmt_capabilities(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_wake_up_interval_capabilities_report_t rep;
    if (zwh_wake_up_interval_capabilities_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " min=%lus max=%lus default=%lus step=%lus", (unsigned long)rep.min_seconds,
                    (unsigned long)rep.max_seconds, (unsigned long)rep.default_seconds,
                    (unsigned long)rep.step_seconds);
    if (rep.on_demand)
        zwh__fmt_printf(f, " on-demand");
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_WAKE_UP_INTERVAL_SET, "IntervalSet", fmt_interval},
    {ZWH_WAKE_UP_INTERVAL_GET, "IntervalGet", NULL},
    {ZWH_WAKE_UP_INTERVAL_REPORT, "IntervalReport", fmt_interval},
    {ZWH_WAKE_UP_NOTIFICATION, "Notification", NULL},
    {ZWH_WAKE_UP_NO_MORE_INFORMATION, "NoMoreInformation", NULL},
    {ZWH_WAKE_UP_INTERVAL_CAPABILITIES_GET, "IntervalCapabilitiesGet", NULL},
    {ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT, "IntervalCapabilitiesReport", fmt_capabilities},
};

const zwh__cc_desc_t zwh__cc_wake_up = {
    .id = CC, .name = "WakeUp", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
