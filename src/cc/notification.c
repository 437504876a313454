/* Notification command class, version 8 (and Alarm v1/v2: same class id). */
#include "zwhost/cc/notification.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_NOTIFICATION

static bool status_ok(uint8_t s) { return s == 0x00 || s == 0xFF || s == 0xFE; }

ZWH_EXTERN int zwh_notification_report_encode(const zwh_notification_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || (in->has_notification && (!status_ok(in->status) || in->params_len > ZWH_NOTIFICATION_MAX_PARAMS)) ||
        (!in->has_notification && in->has_sequence))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_NOTIFICATION_REPORT);
    zwh__wr_u8(&w, in->v1_type);
    zwh__wr_u8(&w, in->v1_level);
    if (in->has_notification) {
        zwh__wr_u8(&w, 0); /* reserved (v2: Zensor Net source node) */
        zwh__wr_u8(&w, in->status);
        zwh__wr_u8(&w, in->type);
        zwh__wr_u8(&w, in->event);
        zwh__wr_u8(&w, (uint8_t)((in->has_sequence ? 0x80 : 0) | in->params_len));
        zwh__wr_bytes(&w, in->params, in->params_len);
        if (in->has_sequence)
            zwh__wr_u8(&w, in->sequence);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_notification_report_decode(const uint8_t *frame, size_t len, zwh_notification_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_NOTIFICATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->v1_type = zwh__rd_u8(&r);
    out->v1_level = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 4) {
        out->has_notification = 1;
        zwh__rd_u8(&r); /* reserved */
        out->status = zwh__rd_u8(&r);
        out->type = zwh__rd_u8(&r);
        out->event = zwh__rd_u8(&r);
        /* Some senders omit the properties byte when there are no parameters:
         * read that as zero parameters. */
        if (zwh__rd_left(&r) >= 1) {
            uint8_t p = zwh__rd_u8(&r);
            out->params_len = p & 0x1F;
            zwh__rd_copy(&r, out->params, out->params_len);
            if (p & 0x80) {
                out->has_sequence = 1;
                out->sequence = zwh__rd_u8(&r);
            }
        }
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_notification_get_encode(const zwh_notification_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || (in->has_event && !in->has_type))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_NOTIFICATION_GET);
    zwh__wr_u8(&w, in->v1_type);
    if (in->has_type)
        zwh__wr_u8(&w, in->type);
    if (in->has_event)
        zwh__wr_u8(&w, in->event);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_notification_get_decode(const uint8_t *frame, size_t len, zwh_notification_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_NOTIFICATION_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->v1_type = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 1) {
        out->has_type = 1;
        out->type = zwh__rd_u8(&r);
    }
    if (zwh__rd_left(&r) >= 1) {
        out->has_event = 1;
        out->event = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_notification_set_encode(const zwh_notification_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || (in->status != 0x00 && in->status != 0xFF))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_NOTIFICATION_SET);
    zwh__wr_u8(&w, in->type);
    zwh__wr_u8(&w, in->status);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_notification_set_decode(const uint8_t *frame, size_t len, zwh_notification_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_NOTIFICATION_SET))
        return ZWH_EBADMSG;
    out->type = zwh__rd_u8(&r);
    out->status = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_notification_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_NOTIFICATION_SUPPORTED_GET, out, cap);
}

ZWH_EXTERN int zwh_notification_supported_report_encode(const zwh_notification_supported_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->v1_alarm > 1 || in->mask_len == 0 || in->mask_len > ZWH_NOTIFICATION_MAX_MASK)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_NOTIFICATION_SUPPORTED_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->v1_alarm << 7 | in->mask_len));
    zwh__wr_bytes(&w, in->mask, in->mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_notification_supported_report_decode(const uint8_t *frame, size_t len, zwh_notification_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_NOTIFICATION_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->v1_alarm = p >> 7;
    out->mask_len = p & 0x1F;
    zwh__rd_copy(&r, out->mask, out->mask_len);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_notification_event_supported_get_encode(const zwh_notification_event_supported_get_t *in, uint8_t *out, size_t cap)
{
    return in ? zwh__cc_encode_u8(CC, ZWH_NOTIFICATION_EVENT_SUPPORTED_GET, in->type, out, cap) : ZWH_EINVAL;
}

ZWH_EXTERN int zwh_notification_event_supported_get_decode(const uint8_t *frame, size_t len, zwh_notification_event_supported_get_t *out)
{
    return zwh__cc_decode_u8(CC, ZWH_NOTIFICATION_EVENT_SUPPORTED_GET, frame, len, out ? &out->type : NULL);
}

ZWH_EXTERN int zwh_notification_event_supported_report_encode(const zwh_notification_event_supported_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->mask_len > ZWH_NOTIFICATION_MAX_MASK)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT);
    zwh__wr_u8(&w, in->type);
    zwh__wr_u8(&w, in->mask_len);
    zwh__wr_bytes(&w, in->mask, in->mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_notification_event_supported_report_decode(const uint8_t *frame, size_t len, zwh_notification_event_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->type = zwh__rd_u8(&r);
    out->mask_len = zwh__rd_u8(&r) & 0x1F;
    zwh__rd_copy(&r, out->mask, out->mask_len);
    return zwh__cc_close(&r);
}

/* ---- formatter ---- */

static void fmt_type(zwh__fmt_t *f, uint8_t type)
{
    const char *n = zwh_notification_get_type_name(type);
    if (n)
        zwh__fmt_printf(f, " type=%s", n);
    else
        zwh__fmt_printf(f, " type=0x%02x", type);
}

static void fmt_event(zwh__fmt_t *f, uint8_t type, uint8_t event)
{
    const char *n = zwh_notification_get_event_name(type, event);
    if (n)
        zwh__fmt_printf(f, " event=%s", n);
    else
        zwh__fmt_printf(f, " event=0x%02x", event);
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_report_t rep;
    if (zwh_notification_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.v1_type || rep.v1_level || !rep.has_notification)
        zwh__fmt_printf(f, " alarm_type=%u alarm_level=%u", rep.v1_type, rep.v1_level);
    if (!rep.has_notification)
        return 0;
    zwh__fmt_printf(f, " status=%s", rep.status == 0xFF ? "on" : rep.status == 0 ? "off" : rep.status == 0xFE ? "none_pending" : "?");
    fmt_type(f, rep.type);
    fmt_event(f, rep.type, rep.event);
    /* Parameters that start with a known class and command (a User Code
     * Report after a keypad event) are an embedded command. */
    if (rep.params_len >= 2 && zwh__cc_find_cmd(zwh__cc_find(rep.params[0]), rep.params[1])) {
        zwh__fmt_nested(f, rep.params, rep.params_len);
    } else if (rep.params_len) {
        zwh__fmt_printf(f, " params=");
        zwh__fmt_hex(f, rep.params, rep.params_len);
    }
    if (rep.has_sequence)
        zwh__fmt_printf(f, " seq=%u", rep.sequence);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_get_t g;
    if (zwh_notification_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.v1_type || !g.has_type)
        zwh__fmt_printf(f, " alarm_type=%u", g.v1_type);
    if (g.has_type)
        fmt_type(f, g.type);
    if (g.has_event)
        fmt_event(f, g.type, g.event);
    return 0;
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_set_t s;
    if (zwh_notification_set_decode(frame, len, &s) != 0)
        return -1;
    fmt_type(f, s.type);
    zwh__fmt_printf(f, " status=%s", s.status == 0xFF ? "on" : s.status == 0 ? "off" : "?");
    return 0;
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_supported_report_t s;
    if (zwh_notification_supported_report_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " v1_alarm=%u types=", s.v1_alarm);
    zwh__cc_fmt_mask(f, s.mask, s.mask_len, 0);
    return 0;
}

static int fmt_event_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_event_supported_get_t g;
    if (zwh_notification_event_supported_get_decode(frame, len, &g) != 0)
        return -1;
    fmt_type(f, g.type);
    return 0;
}

static int fmt_event_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_notification_event_supported_report_t s;
    if (zwh_notification_event_supported_report_decode(frame, len, &s) != 0)
        return -1;
    fmt_type(f, s.type);
    zwh__fmt_printf(f, " events=");
    zwh__cc_fmt_mask(f, s.mask, s.mask_len, 0);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_NOTIFICATION_EVENT_SUPPORTED_GET, "EventSupportedGet", fmt_event_get},
    {ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT, "EventSupportedReport", fmt_event_report},
    {ZWH_NOTIFICATION_GET, "Get", fmt_get},
    {ZWH_NOTIFICATION_REPORT, "Report", fmt_report},
    {ZWH_NOTIFICATION_SET, "Set", fmt_set},
    {ZWH_NOTIFICATION_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_NOTIFICATION_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
};

const zwh__cc_desc_t zwh__cc_notification = {
    .id = CC, .name = "Notification", .version = 8, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
