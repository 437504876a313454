/* Multi Channel command class, version 4: frame codecs. */
#include "zwhost/cc/multi_channel.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_MULTI_CHANNEL
#define EP_MAX ZWH_MULTI_CHANNEL_MAX_ENDPOINT

ZWH_EXTERN int zwh_multi_channel_end_point_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_MULTI_CHANNEL_END_POINT_GET, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_end_point_report_encode(const zwh_multi_channel_end_point_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->dynamic > 1 || in->identical > 1 || in->individual > EP_MAX || in->aggregated > EP_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_END_POINT_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->dynamic << 7 | in->identical << 6));
    zwh__wr_u8(&w, in->individual);
    if (in->has_aggregated)
        zwh__wr_u8(&w, in->aggregated);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_end_point_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_END_POINT_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->dynamic = p >> 7;
    out->identical = (p >> 6) & 1;
    out->individual = zwh__rd_u8(&r) & 0x7F;
    if (zwh__rd_left(&r) >= 1) { /* V4 */
        out->has_aggregated = 1;
        out->aggregated = zwh__rd_u8(&r) & 0x7F;
    }
    return zwh__cc_close(&r);
}

/* one-byte end point commands (Capability Get, Aggregated Members Get) */
static int ep_encode(uint8_t cmd, uint8_t ep, uint8_t *out, size_t cap)
{
    if (ep == 0 || ep > EP_MAX)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, cmd, ep, out, cap);
}
static int ep_decode(uint8_t cmd, const uint8_t *frame, size_t len, uint8_t *ep)
{
    int rc = zwh__cc_decode_u8(CC, cmd, frame, len, ep);
    if (rc == 0)
        *ep &= 0x7F;
    return rc;
}

ZWH_EXTERN int zwh_multi_channel_capability_get_encode(const zwh_multi_channel_capability_get_t *in, uint8_t *out, size_t cap)
{
    return in ? ep_encode(ZWH_MULTI_CHANNEL_CAPABILITY_GET, in->endpoint, out, cap) : ZWH_EINVAL;
}
ZWH_EXTERN int zwh_multi_channel_capability_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_capability_get_t *out)
{
    return ep_decode(ZWH_MULTI_CHANNEL_CAPABILITY_GET, frame, len, out ? &out->endpoint : NULL);
}
ZWH_EXTERN int zwh_multi_channel_aggregated_members_get_encode(const zwh_multi_channel_aggregated_members_get_t *in, uint8_t *out, size_t cap)
{
    return in ? ep_encode(ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_GET, in->endpoint, out, cap) : ZWH_EINVAL;
}
ZWH_EXTERN int zwh_multi_channel_aggregated_members_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_aggregated_members_get_t *out)
{
    return ep_decode(ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_GET, frame, len, out ? &out->endpoint : NULL);
}

ZWH_EXTERN int zwh_multi_channel_capability_report_encode(const zwh_multi_channel_capability_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->dynamic > 1 || in->endpoint == 0 || in->endpoint > EP_MAX || in->ncc > ZWH_MULTI_CHANNEL_MAX_CCS)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_CAPABILITY_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->dynamic << 7 | in->endpoint));
    zwh__wr_u8(&w, in->generic);
    zwh__wr_u8(&w, in->specific);
    zwh__wr_bytes(&w, in->ccs, in->ncc);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_capability_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_capability_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_CAPABILITY_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->dynamic = p >> 7;
    out->endpoint = p & 0x7F;
    out->generic = zwh__rd_u8(&r);
    out->specific = zwh__rd_u8(&r);
    size_t n = zwh__rd_left(&r);
    if (n > ZWH_MULTI_CHANNEL_MAX_CCS)
        return ZWH_EBADMSG;
    out->ncc = (uint8_t)n;
    zwh__rd_copy(&r, out->ccs, n);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_end_point_find_encode(const zwh_multi_channel_end_point_find_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_END_POINT_FIND);
    zwh__wr_u8(&w, in->generic);
    zwh__wr_u8(&w, in->specific);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_end_point_find_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_find_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_END_POINT_FIND))
        return ZWH_EBADMSG;
    out->generic = zwh__rd_u8(&r);
    out->specific = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_end_point_find_report_encode(const zwh_multi_channel_end_point_find_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count > EP_MAX)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (in->endpoints[i] == 0 || in->endpoints[i] > EP_MAX)
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_END_POINT_FIND_REPORT);
    zwh__wr_u8(&w, in->reports_to_follow);
    zwh__wr_u8(&w, in->generic);
    zwh__wr_u8(&w, in->specific);
    zwh__wr_bytes(&w, in->endpoints, in->count);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_end_point_find_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_end_point_find_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_END_POINT_FIND_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->reports_to_follow = zwh__rd_u8(&r);
    out->generic = zwh__rd_u8(&r);
    out->specific = zwh__rd_u8(&r);
    size_t n = zwh__rd_left(&r);
    if (n > EP_MAX)
        return ZWH_EBADMSG;
    out->count = (uint8_t)n;
    for (size_t i = 0; i < n; i++)
        out->endpoints[i] = zwh__rd_u8(&r) & 0x7F;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_aggregated_members_report_encode(const zwh_multi_channel_aggregated_members_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->endpoint == 0 || in->endpoint > EP_MAX || in->mask_len > sizeof in->mask)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_REPORT);
    zwh__wr_u8(&w, in->endpoint);
    zwh__wr_u8(&w, in->mask_len);
    zwh__wr_bytes(&w, in->mask, in->mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_aggregated_members_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_aggregated_members_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->endpoint = zwh__rd_u8(&r) & 0x7F;
    out->mask_len = zwh__rd_u8(&r);
    if (out->mask_len > sizeof out->mask)
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->mask, out->mask_len);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_encap_encode(const zwh_multi_channel_encap_t *in, const uint8_t *cmd, size_t cmd_len,
                                              uint8_t *out, size_t cap)
{
    if (!in || !cmd || cmd_len == 0 || in->source > EP_MAX || in->bit_address > 1 || in->destination > EP_MAX ||
        (in->bit_address && in->destination == 0))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_CMD_ENCAP);
    zwh__wr_u8(&w, in->source);
    zwh__wr_u8(&w, (uint8_t)(in->bit_address << 7 | in->destination));
    zwh__wr_bytes(&w, cmd, cmd_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_encap_decode(const uint8_t *frame, size_t len, zwh_multi_channel_encap_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_CMD_ENCAP))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->source = zwh__rd_u8(&r) & 0x7F;
    uint8_t d = zwh__rd_u8(&r);
    out->bit_address = d >> 7;
    out->destination = d & 0x7F;
    out->cmd_offset = 4;
    size_t n = zwh__rd_left(&r);
    if (!zwh__rd_ok(&r) || n == 0 || n > 0xFFFF)
        return ZWH_EBADMSG;
    out->cmd_len = (uint16_t)n;
    return 0;
}

/* ---- formatter ---- */

static int fmt_ep_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_end_point_report_t rep;
    if (zwh_multi_channel_end_point_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " dynamic=%u identical=%u endpoints=%u", rep.dynamic, rep.identical, rep.individual);
    if (rep.has_aggregated)
        zwh__fmt_printf(f, " aggregated=%u", rep.aggregated);
    return 0;
}

static int fmt_ep(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    uint8_t ep;
    if (ep_decode(frame[1], frame, len, &ep) != 0)
        return -1;
    zwh__fmt_printf(f, " endpoint=%u", ep);
    return 0;
}

static int fmt_cap_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_capability_report_t rep;
    if (zwh_multi_channel_capability_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " endpoint=%u dynamic=%u generic=0x%02x specific=0x%02x ccs=[", rep.endpoint, rep.dynamic,
                    rep.generic, rep.specific);
    zwh__fmt_hex(f, rep.ccs, rep.ncc);
    zwh__fmt_printf(f, "]");
    return 0;
}

static int fmt_find(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_end_point_find_t q;
    if (zwh_multi_channel_end_point_find_decode(frame, len, &q) != 0)
        return -1;
    zwh__fmt_printf(f, " generic=0x%02x specific=0x%02x", q.generic, q.specific);
    return 0;
}

static int fmt_find_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_end_point_find_report_t rep;
    if (zwh_multi_channel_end_point_find_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " to_follow=%u generic=0x%02x specific=0x%02x endpoints=[", rep.reports_to_follow,
                    rep.generic, rep.specific);
    for (size_t i = 0; i < rep.count; i++)
        zwh__fmt_printf(f, i ? ",%u" : "%u", rep.endpoints[i]);
    zwh__fmt_printf(f, "]");
    return 0;
}

static int fmt_members(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_aggregated_members_report_t rep;
    if (zwh_multi_channel_aggregated_members_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " endpoint=%u members=", rep.endpoint);
    zwh__cc_fmt_mask(f, rep.mask, rep.mask_len, 1);
    return 0;
}

static int fmt_encap(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_encap_t e;
    if (zwh_multi_channel_encap_decode(frame, len, &e) != 0)
        return -1;
    zwh__fmt_printf(f, " src=%u dst=", e.source);
    if (e.bit_address)
        zwh__cc_fmt_mask(f, &e.destination, 1, 1);
    else
        zwh__fmt_printf(f, "%u", e.destination);
    zwh__fmt_nested(f, frame + e.cmd_offset, e.cmd_len);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MULTI_CHANNEL_END_POINT_GET, "EndPointGet", NULL},
    {ZWH_MULTI_CHANNEL_END_POINT_REPORT, "EndPointReport", fmt_ep_report},
    {ZWH_MULTI_CHANNEL_CAPABILITY_GET, "CapabilityGet", fmt_ep},
    {ZWH_MULTI_CHANNEL_CAPABILITY_REPORT, "CapabilityReport", fmt_cap_report},
    {ZWH_MULTI_CHANNEL_END_POINT_FIND, "EndPointFind", fmt_find},
    {ZWH_MULTI_CHANNEL_END_POINT_FIND_REPORT, "EndPointFindReport", fmt_find_report},
    {ZWH_MULTI_CHANNEL_CMD_ENCAP, "CommandEncapsulation", fmt_encap},
    {ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_GET, "AggregatedMembersGet", fmt_ep},
    {ZWH_MULTI_CHANNEL_AGGREGATED_MEMBERS_REPORT, "AggregatedMembersReport", fmt_members},
};

const zwh__cc_desc_t zwh__cc_multi_channel = {
    .id = CC, .name = "MultiChannel", .version = 4, .flags = ZWH__CC_ENCAP,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
