/* Time Parameters command class, version 1. */
#include "zwhost/cc/time_parameters.h"

#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_TIME_PARAMETERS

static int tp_encode(uint8_t cmd, const zwh_time_parameters_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->month < 1 || in->month > 12 || in->day < 1 || in->day > 31 || in->hour > 23 ||
        in->minute > 59 || in->second > 59)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->year);
    zwh__wr_u8(&w, in->month);
    zwh__wr_u8(&w, in->day);
    zwh__wr_u8(&w, in->hour);
    zwh__wr_u8(&w, in->minute);
    zwh__wr_u8(&w, in->second);
    return zwh__cc_end(&w);
}

static int tp_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_time_parameters_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->year = zwh__rd_u16(&r);
    out->month = zwh__rd_u8(&r);
    out->day = zwh__rd_u8(&r);
    out->hour = zwh__rd_u8(&r);
    out->minute = zwh__rd_u8(&r);
    out->second = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(time_parameters_set, zwh_time_parameters_t, ZWH_TIME_PARAMETERS_SET, tp_encode, tp_decode)
ZWH_EXTERN int zwh_time_parameters_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_TIME_PARAMETERS_GET, out, cap);
}
ZWH__CC_SHARED_CODEC(time_parameters_report, zwh_time_parameters_t, ZWH_TIME_PARAMETERS_REPORT, tp_encode, tp_decode)

static int fmt_tp(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_time_parameters_t t;
    if (tp_decode(frame[1], frame, len, &t) != 0)
        return -1;
    zwh__fmt_printf(f, " utc=%04u-%02u-%02uT%02u:%02u:%02uZ", t.year, t.month, t.day, t.hour, t.minute, t.second);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_TIME_PARAMETERS_SET, "Set", fmt_tp},
    {ZWH_TIME_PARAMETERS_GET, "Get", NULL},
    {ZWH_TIME_PARAMETERS_REPORT, "Report", fmt_tp},
};

const zwh__cc_desc_t zwh__cc_time_parameters = {
    .id = CC, .name = "TimeParameters", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
