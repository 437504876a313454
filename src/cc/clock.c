/* Clock command class, version 1. */
#include "zwhost/cc/clock.h"

#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_CLOCK

static const char *const weekdays[8] = {"unknown", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

static int clock_encode(uint8_t cmd, const zwh_clock_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->weekday > 7 || in->hour > 23 || in->minute > 59)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, (uint8_t)(in->weekday << 5 | in->hour));
    zwh__wr_u8(&w, in->minute);
    return zwh__cc_end(&w);
}

static int clock_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_clock_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    uint8_t p = zwh__rd_u8(&r);
    out->weekday = p >> 5;
    out->hour = p & 0x1F;
    out->minute = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(clock_set, zwh_clock_t, ZWH_CLOCK_SET, clock_encode, clock_decode)
ZWH_EXTERN int zwh_clock_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_CLOCK_GET, out, cap);
}
ZWH__CC_SHARED_CODEC(clock_report, zwh_clock_t, ZWH_CLOCK_REPORT, clock_encode, clock_decode)

static int fmt_clock(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_clock_t c;
    if (clock_decode(frame[1], frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " weekday=%s time=%02u:%02u", weekdays[c.weekday], c.hour, c.minute);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_CLOCK_SET, "Set", fmt_clock},
    {ZWH_CLOCK_GET, "Get", NULL},
    {ZWH_CLOCK_REPORT, "Report", fmt_clock},
};

const zwh__cc_desc_t zwh__cc_clock = {
    .id = CC, .name = "Clock", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
