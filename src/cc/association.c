/* Association command class, version 3. */
#include "zwhost/cc/association.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

/* Set and Remove share one layout: group, node IDs. */
static int encode_group_nodes(uint8_t cmd, const zwh_association_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->node_count > ZWH_ASSOCIATION_MAX_NODES ||
        (cmd == ZWH_ASSOCIATION_SET && in->group_id == 0))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_ASSOCIATION, cmd);
    zwh__wr_u8(&w, in->group_id);
    if (!zwh__cc_wr_nodes(&w, in->node_ids, in->node_count))
        return ZWH_EINVAL;
    return zwh__cc_end(&w);
}

static int decode_group_nodes(uint8_t cmd, const uint8_t *frame, size_t len, zwh_association_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_ASSOCIATION, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    int n = zwh__cc_rd_nodes(&r, out->node_ids, ZWH_ASSOCIATION_MAX_NODES, false);
    if (n < 0)
        return ZWH_EBADMSG;
    out->node_count = (uint8_t)n;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_association_set_encode(const zwh_association_set_t *in, uint8_t *out, size_t cap)
{
    return encode_group_nodes(ZWH_ASSOCIATION_SET, in, out, cap);
}

ZWH_EXTERN int zwh_association_set_decode(const uint8_t *frame, size_t len, zwh_association_set_t *out)
{
    return decode_group_nodes(ZWH_ASSOCIATION_SET, frame, len, out);
}

ZWH_EXTERN int zwh_association_remove_encode(const zwh_association_remove_t *in, uint8_t *out, size_t cap)
{
    return encode_group_nodes(ZWH_ASSOCIATION_REMOVE, in, out, cap);
}

ZWH_EXTERN int zwh_association_remove_decode(const uint8_t *frame, size_t len, zwh_association_remove_t *out)
{
    return decode_group_nodes(ZWH_ASSOCIATION_REMOVE, frame, len, out);
}

ZWH_EXTERN int zwh_association_get_encode(const zwh_association_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->group_id == 0)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GET, in->group_id, out, cap);
}

ZWH_EXTERN int zwh_association_get_decode(const uint8_t *frame, size_t len, zwh_association_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GET, out ? &out->group_id : NULL);
}

ZWH_EXTERN int zwh_association_report_encode(const zwh_association_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->node_count > ZWH_ASSOCIATION_MAX_NODES)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_REPORT);
    zwh__wr_u8(&w, in->group_id);
    zwh__wr_u8(&w, in->max_nodes);
    zwh__wr_u8(&w, in->reports_to_follow);
    if (!zwh__cc_wr_nodes(&w, in->node_ids, in->node_count))
        return ZWH_EINVAL;
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_report_decode(const uint8_t *frame, size_t len, zwh_association_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    out->max_nodes = zwh__rd_u8(&r);
    out->reports_to_follow = zwh__rd_u8(&r);
    int n = zwh__cc_rd_nodes(&r, out->node_ids, ZWH_ASSOCIATION_MAX_NODES, false);
    if (n < 0)
        return ZWH_EBADMSG;
    out->node_count = (uint8_t)n;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_association_groupings_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GROUPINGS_GET, out, cap);
}

ZWH_EXTERN int zwh_association_groupings_report_encode(const zwh_association_groupings_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GROUPINGS_REPORT, in->group_count, out, cap);
}

ZWH_EXTERN int zwh_association_groupings_report_decode(const uint8_t *frame, size_t len, zwh_association_groupings_report_t *out)
{
    return zwh__cc_decode_u8(frame, len, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GROUPINGS_REPORT,
                             out ? &out->group_count : NULL);
}

ZWH_EXTERN int zwh_association_specific_group_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_SPECIFIC_GROUP_GET, out, cap);
}

ZWH_EXTERN int zwh_association_specific_group_report_encode(const zwh_association_specific_group_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_SPECIFIC_GROUP_REPORT, in->group_id, out, cap);
}

ZWH_EXTERN int zwh_association_specific_group_report_decode(const uint8_t *frame, size_t len, zwh_association_specific_group_report_t *out)
{
    return zwh__cc_decode_u8(frame, len, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_SPECIFIC_GROUP_REPORT,
                             out ? &out->group_id : NULL);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_set_t s;
    if (decode_group_nodes(frame[1], frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u", s.group_id);
    zwh__cc_fmt_nodes(f, s.node_ids, s.node_count);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_report_t rep;
    if (zwh_association_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u max=%u to_follow=%u", rep.group_id, rep.max_nodes, rep.reports_to_follow);
    zwh__cc_fmt_nodes(f, rep.node_ids, rep.node_count);
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
    {ZWH_ASSOCIATION_SET, "Set", fmt_set},
    {ZWH_ASSOCIATION_GET, "Get", fmt_group},
    {ZWH_ASSOCIATION_REPORT, "Report", fmt_report},
    {ZWH_ASSOCIATION_REMOVE, "Remove", fmt_set},
    {ZWH_ASSOCIATION_GROUPINGS_GET, "GroupingsGet", NULL},
    {ZWH_ASSOCIATION_GROUPINGS_REPORT, "GroupingsReport", fmt_groupings},
    {ZWH_ASSOCIATION_SPECIFIC_GROUP_GET, "SpecificGroupGet", NULL},
    {ZWH_ASSOCIATION_SPECIFIC_GROUP_REPORT, "SpecificGroupReport", fmt_group},
};

const zwh__cc_desc_t zwh__cc_association = {
    .id = ZWH_CC_ASSOCIATION, .name = "Association", .version = 3, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
