/* Multi Channel Association command class, version 4. */
#include "zwhost/cc/multi_channel_association.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_MULTI_CHANNEL_ASSOCIATION
#define MAX_NODES ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_NODES
#define MAX_EPS ZWH_MULTI_CHANNEL_ASSOCIATION_MAX_ENDPOINTS

/* Node IDs, then the marker and the endpoint pairs if there are any. */
static bool wr_destinations(zwh__wr_t *w, const uint16_t *ids, size_t nids,
                            const zwh_multi_channel_association_endpoint_t *eps, size_t neps)
{
    if (nids > MAX_NODES || neps > MAX_EPS || !zwh__cc_wr_nodes(w, ids, nids))
        return false;
    if (neps == 0)
        return true;
    zwh__wr_u8(w, ZWH_MULTI_CHANNEL_ASSOCIATION_MARKER);
    for (size_t i = 0; i < neps; i++) {
        const zwh_multi_channel_association_endpoint_t *e = &eps[i];
        if (!zwh__cc_assoc_node_ok(e->node_id) || e->bit_address > 1 || e->endpoint > 0x7F ||
            (e->bit_address && e->endpoint == 0))
            return false;
        zwh__wr_u8(w, (uint8_t)e->node_id);
        zwh__wr_u8(w, (uint8_t)((e->bit_address ? 0x80 : 0) | e->endpoint));
    }
    return true;
}

/* Returns false on a count overrun or a dangling half pair. */
static bool rd_destinations(zwh__rd_t *r, uint16_t *ids, uint8_t *nids,
                            zwh_multi_channel_association_endpoint_t *eps, uint8_t *neps)
{
    int n = zwh__cc_rd_nodes(r, ids, MAX_NODES, true);
    if (n < 0)
        return false;
    *nids = (uint8_t)n;
    size_t k = 0;
    while (zwh__rd_left(r) > 0) {
        if (zwh__rd_left(r) < 2 || k == MAX_EPS)
            return false;
        eps[k].node_id = zwh__rd_u8(r);
        uint8_t b = zwh__rd_u8(r);
        eps[k].bit_address = (uint8_t)(b >> 7);
        eps[k].endpoint = (uint8_t)(b & 0x7F);
        k++;
    }
    *neps = (uint8_t)k;
    return true;
}

static int encode_group_dest(uint8_t cmd, const zwh_multi_channel_association_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || (cmd == ZWH_MULTI_CHANNEL_ASSOCIATION_SET && in->group_id == 0))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->group_id);
    if (!wr_destinations(&w, in->node_ids, in->node_count, in->endpoints, in->endpoint_count))
        return ZWH_EINVAL;
    return zwh__cc_end(&w);
}

static int decode_group_dest(uint8_t cmd, const uint8_t *frame, size_t len, zwh_multi_channel_association_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r) ||
        !rd_destinations(&r, out->node_ids, &out->node_count, out->endpoints, &out->endpoint_count))
        return ZWH_EBADMSG;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_association_set_encode(const zwh_multi_channel_association_set_t *in, uint8_t *out, size_t cap)
{
    return encode_group_dest(ZWH_MULTI_CHANNEL_ASSOCIATION_SET, in, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_association_set_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_set_t *out)
{
    return decode_group_dest(ZWH_MULTI_CHANNEL_ASSOCIATION_SET, frame, len, out);
}

ZWH_EXTERN int zwh_multi_channel_association_remove_encode(const zwh_multi_channel_association_remove_t *in, uint8_t *out, size_t cap)
{
    return encode_group_dest(ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE, in, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_association_remove_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_remove_t *out)
{
    return decode_group_dest(ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE, frame, len, out);
}

ZWH_EXTERN int zwh_multi_channel_association_get_encode(const zwh_multi_channel_association_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->group_id == 0)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_MULTI_CHANNEL_ASSOCIATION_GET, in->group_id, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_association_get_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_MULTI_CHANNEL_ASSOCIATION_GET, out ? &out->group_id : NULL);
}

ZWH_EXTERN int zwh_multi_channel_association_report_encode(const zwh_multi_channel_association_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTI_CHANNEL_ASSOCIATION_REPORT);
    zwh__wr_u8(&w, in->group_id);
    zwh__wr_u8(&w, in->max_nodes);
    zwh__wr_u8(&w, in->reports_to_follow);
    if (!wr_destinations(&w, in->node_ids, in->node_count, in->endpoints, in->endpoint_count))
        return ZWH_EINVAL;
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multi_channel_association_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTI_CHANNEL_ASSOCIATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    out->max_nodes = zwh__rd_u8(&r);
    out->reports_to_follow = zwh__rd_u8(&r);
    if (!zwh__rd_ok(&r) ||
        !rd_destinations(&r, out->node_ids, &out->node_count, out->endpoints, &out->endpoint_count))
        return ZWH_EBADMSG;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multi_channel_association_groupings_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_GET, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_association_groupings_report_encode(const zwh_multi_channel_association_groupings_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_REPORT, in->group_count, out, cap);
}

ZWH_EXTERN int zwh_multi_channel_association_groupings_report_decode(const uint8_t *frame, size_t len, zwh_multi_channel_association_groupings_report_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_REPORT,
                             out ? &out->group_count : NULL);
}

static void fmt_destinations(zwh__fmt_t *f, const uint16_t *ids, size_t nids,
                             const zwh_multi_channel_association_endpoint_t *eps, size_t neps)
{
    zwh__cc_fmt_nodes(f, ids, nids);
    if (neps)
        zwh__fmt_printf(f, " endpoints=");
    for (size_t i = 0; i < neps; i++)
        zwh__fmt_printf(f, eps[i].bit_address ? "%s%u:mask(0x%02x)" : "%s%u:%u", i ? "," : "",
                        eps[i].node_id, eps[i].endpoint);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_association_set_t s;
    if (decode_group_dest(frame[1], frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u", s.group_id);
    fmt_destinations(f, s.node_ids, s.node_count, s.endpoints, s.endpoint_count);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multi_channel_association_report_t rep;
    if (zwh_multi_channel_association_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u max=%u to_follow=%u", rep.group_id, rep.max_nodes, rep.reports_to_follow);
    fmt_destinations(f, rep.node_ids, rep.node_count, rep.endpoints, rep.endpoint_count);
    return 0;
}

static int fmt_group(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "group");
}

static int fmt_groupings(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "groups");
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MULTI_CHANNEL_ASSOCIATION_SET, "Set", fmt_set},
    {ZWH_MULTI_CHANNEL_ASSOCIATION_GET, "Get", fmt_group},
    {ZWH_MULTI_CHANNEL_ASSOCIATION_REPORT, "Report", fmt_report},
    {ZWH_MULTI_CHANNEL_ASSOCIATION_REMOVE, "Remove", fmt_set},
    {ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_GET, "GroupingsGet", NULL},
    {ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_REPORT, "GroupingsReport", fmt_groupings},
};

const zwh__cc_desc_t zwh__cc_multi_channel_association = {
    .id = CC, .name = "MultiChannelAssociation", .version = 4, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
