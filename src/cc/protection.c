/* Protection command class, version 2. */
#include "zwhost/cc/protection.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_PROTECTION

static int encode_state(uint8_t cmd, const zwh_protection_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->local_state > ZWH_PROTECTION_LOCAL_NO_OPERATION || in->has_rf > 1 ||
        (in->has_rf && in->rf_state > ZWH_PROTECTION_RF_NO_RESPONSE))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->local_state);
    if (in->has_rf)
        zwh__wr_u8(&w, in->rf_state);
    return zwh__cc_end(&w);
}

static int decode_state(uint8_t cmd, const uint8_t *frame, size_t len, zwh_protection_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->local_state = zwh__rd_u8(&r) & 0x0F;
    if (zwh__rd_left(&r) >= 1) { /* V2 */
        out->has_rf = 1;
        out->rf_state = zwh__rd_u8(&r) & 0x0F;
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_protection_set_encode(const zwh_protection_set_t *in, uint8_t *out, size_t cap)
{
    return encode_state(ZWH_PROTECTION_SET, in, out, cap);
}

ZWH_EXTERN int zwh_protection_set_decode(const uint8_t *frame, size_t len, zwh_protection_set_t *out)
{
    return decode_state(ZWH_PROTECTION_SET, frame, len, out);
}

ZWH_EXTERN int zwh_protection_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_PROTECTION_GET, out, cap);
}

ZWH_EXTERN int zwh_protection_report_encode(const zwh_protection_report_t *in, uint8_t *out, size_t cap)
{
    return encode_state(ZWH_PROTECTION_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_protection_report_decode(const uint8_t *frame, size_t len, zwh_protection_report_t *out)
{
    return decode_state(ZWH_PROTECTION_REPORT, frame, len, out);
}

ZWH_EXTERN int zwh_protection_supported_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_PROTECTION_SUPPORTED_GET, out, cap);
}

/* State bit masks travel least significant byte first (bit 0 of the first
 * byte is state 0). */
static void wr_mask16(zwh__wr_t *w, uint16_t m)
{
    zwh__wr_u8(w, (uint8_t)(m & 0xFF));
    zwh__wr_u8(w, (uint8_t)(m >> 8));
}

static uint16_t rd_mask16(zwh__rd_t *r)
{
    uint8_t lo = zwh__rd_u8(r);
    return (uint16_t)(lo | zwh__rd_u8(r) << 8);
}

ZWH_EXTERN int zwh_protection_supported_report_encode(const zwh_protection_supported_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->timeout > 1 || in->exclusive_control > 1)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_PROTECTION_SUPPORTED_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->exclusive_control << 1 | in->timeout));
    wr_mask16(&w, in->local_states);
    wr_mask16(&w, in->rf_states);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_protection_supported_report_decode(const uint8_t *frame, size_t len, zwh_protection_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_PROTECTION_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    uint8_t b = zwh__rd_u8(&r);
    out->timeout = b & 1;
    out->exclusive_control = b >> 1 & 1;
    out->local_states = rd_mask16(&r);
    out->rf_states = rd_mask16(&r);
    return zwh__cc_close(&r);
}

static int encode_node(uint8_t cmd, const zwh_protection_exclusive_control_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->node_id > 232)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, cmd, (uint8_t)in->node_id, out, cap);
}

static int decode_node(uint8_t cmd, const uint8_t *frame, size_t len, zwh_protection_exclusive_control_t *out)
{
    uint8_t v = 0;
    int rc = zwh__cc_decode_u8(frame, len, CC, cmd, out ? &v : NULL);
    if (rc == 0)
        out->node_id = v;
    return rc;
}

ZWH_EXTERN int zwh_protection_exclusive_control_set_encode(const zwh_protection_exclusive_control_set_t *in, uint8_t *out, size_t cap)
{
    return encode_node(ZWH_PROTECTION_EXCLUSIVE_CONTROL_SET, in, out, cap);
}

ZWH_EXTERN int zwh_protection_exclusive_control_set_decode(const uint8_t *frame, size_t len, zwh_protection_exclusive_control_set_t *out)
{
    return decode_node(ZWH_PROTECTION_EXCLUSIVE_CONTROL_SET, frame, len, out);
}

ZWH_EXTERN int zwh_protection_exclusive_control_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_PROTECTION_EXCLUSIVE_CONTROL_GET, out, cap);
}

ZWH_EXTERN int zwh_protection_exclusive_control_report_encode(const zwh_protection_exclusive_control_report_t *in, uint8_t *out, size_t cap)
{
    return encode_node(ZWH_PROTECTION_EXCLUSIVE_CONTROL_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_protection_exclusive_control_report_decode(const uint8_t *frame, size_t len, zwh_protection_exclusive_control_report_t *out)
{
    return decode_node(ZWH_PROTECTION_EXCLUSIVE_CONTROL_REPORT, frame, len, out);
}

static bool timeout_ok(uint8_t t) { return t <= 0x3C || t >= 0x41; }

static int encode_timeout(uint8_t cmd, const zwh_protection_timeout_t *in, uint8_t *out, size_t cap)
{
    if (!in || !timeout_ok(in->timeout))
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, cmd, in->timeout, out, cap);
}

ZWH_EXTERN int zwh_protection_timeout_set_encode(const zwh_protection_timeout_set_t *in, uint8_t *out, size_t cap)
{
    return encode_timeout(ZWH_PROTECTION_TIMEOUT_SET, in, out, cap);
}

ZWH_EXTERN int zwh_protection_timeout_set_decode(const uint8_t *frame, size_t len, zwh_protection_timeout_set_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_PROTECTION_TIMEOUT_SET, out ? &out->timeout : NULL);
}

ZWH_EXTERN int zwh_protection_timeout_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_PROTECTION_TIMEOUT_GET, out, cap);
}

ZWH_EXTERN int zwh_protection_timeout_report_encode(const zwh_protection_timeout_report_t *in, uint8_t *out, size_t cap)
{
    return encode_timeout(ZWH_PROTECTION_TIMEOUT_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_protection_timeout_report_decode(const uint8_t *frame, size_t len, zwh_protection_timeout_report_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_PROTECTION_TIMEOUT_REPORT, out ? &out->timeout : NULL);
}

static const char *const local_names[] = {"unprotected", "sequence", "no-operation"};
static const char *const rf_names[] = {"unprotected", "no-control", "no-response"};

static int fmt_state(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_protection_set_t s;
    if (decode_state(frame[1], frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " local=%s", s.local_state < ZWH__COUNT(local_names) ? local_names[s.local_state] : "reserved");
    if (s.has_rf)
        zwh__fmt_printf(f, " rf=%s", s.rf_state < ZWH__COUNT(rf_names) ? rf_names[s.rf_state] : "reserved");
    return 0;
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_protection_supported_report_t rep;
    if (zwh_protection_supported_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " local=0x%04x rf=0x%04x%s%s", rep.local_states, rep.rf_states,
                    rep.timeout ? " timeout" : "", rep.exclusive_control ? " exclusive-control" : "");
    return 0;
}

static int fmt_node(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "node");
}

static int fmt_timeout(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    uint8_t t;
    if (zwh__cc_decode_u8(frame, len, frame[0], frame[1], &t) != 0)
        return -1;
    if (t == ZWH_PROTECTION_TIMEOUT_NONE)
        zwh__fmt_printf(f, " timeout=none");
    else if (t == ZWH_PROTECTION_TIMEOUT_INFINITE)
        zwh__fmt_printf(f, " timeout=infinite");
    else if (t <= 0x3C)
        zwh__fmt_printf(f, " timeout=%us", t);
    else if (t >= 0x41)
        zwh__fmt_printf(f, " timeout=%umin", (unsigned)(t - 0x3F));
    else
        zwh__fmt_printf(f, " timeout=reserved(0x%02x)", t);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_PROTECTION_SET, "Set", fmt_state},
    {ZWH_PROTECTION_GET, "Get", NULL},
    {ZWH_PROTECTION_REPORT, "Report", fmt_state},
    {ZWH_PROTECTION_SUPPORTED_GET, "SupportedGet", NULL},
    {ZWH_PROTECTION_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
    {ZWH_PROTECTION_EXCLUSIVE_CONTROL_SET, "ExclusiveControlSet", fmt_node},
    {ZWH_PROTECTION_EXCLUSIVE_CONTROL_GET, "ExclusiveControlGet", NULL},
    {ZWH_PROTECTION_EXCLUSIVE_CONTROL_REPORT, "ExclusiveControlReport", fmt_node},
    {ZWH_PROTECTION_TIMEOUT_SET, "TimeoutSet", fmt_timeout},
    {ZWH_PROTECTION_TIMEOUT_GET, "TimeoutGet", NULL},
    {ZWH_PROTECTION_TIMEOUT_REPORT, "TimeoutReport", fmt_timeout},
};

const zwh__cc_desc_t zwh__cc_protection = {
    .id = CC, .name = "Protection", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
