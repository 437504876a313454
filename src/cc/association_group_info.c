/* Association Group Information command class, version 3. */
#include "zwhost/cc/association_group_info.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"
#include "zwhost/cc.h"

#define CC ZWH_CC_ASSOCIATION_GROUP_INFO
#define EXT_CC_FIRST 0xF1 /* first byte of a two-byte (extended) class id */

static bool flag_ok(uint8_t v) { return v <= 1; }

ZWH_EXTERN int zwh_association_group_info_name_get_encode(const zwh_association_group_info_name_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->group_id == 0)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_ASSOCIATION_GROUP_INFO_NAME_GET, in->group_id, out, cap);
}

ZWH_EXTERN int zwh_association_group_info_name_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_name_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_NAME_GET, out ? &out->group_id : NULL);
}

ZWH_EXTERN int zwh_association_group_info_name_report_encode(const zwh_association_group_info_name_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->name_len > ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT);
    zwh__wr_u8(&w, in->group_id);
    zwh__wr_u8(&w, in->name_len);
    zwh__wr_bytes(&w, in->name, in->name_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_group_info_name_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_name_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    out->name_len = zwh__rd_u8(&r);
    if (out->name_len > ZWH_ASSOCIATION_GROUP_INFO_NAME_MAX)
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->name, out->name_len);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_association_group_info_info_get_encode(const zwh_association_group_info_info_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->refresh_cache) || !flag_ok(in->list_mode) || (!in->list_mode && in->group_id == 0))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ASSOCIATION_GROUP_INFO_INFO_GET);
    zwh__wr_u8(&w, (uint8_t)(in->refresh_cache << 7 | in->list_mode << 6));
    zwh__wr_u8(&w, in->group_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_group_info_info_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_info_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_INFO_GET))
        return ZWH_EBADMSG;
    uint8_t b = zwh__rd_u8(&r);
    out->refresh_cache = (uint8_t)(b >> 7);
    out->list_mode = (uint8_t)(b >> 6 & 1);
    out->group_id = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_association_group_info_info_report_encode(const zwh_association_group_info_info_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->list_mode) || !flag_ok(in->dynamic) ||
        in->group_count > ZWH_ASSOCIATION_GROUP_INFO_MAX_GROUPS)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->list_mode << 7 | in->dynamic << 6 | in->group_count));
    for (size_t i = 0; i < in->group_count; i++) {
        const zwh_association_group_info_group_t *g = &in->groups[i];
        zwh__wr_u8(&w, g->group_id);
        zwh__wr_u8(&w, g->mode);
        zwh__wr_u16(&w, g->profile);
        zwh__wr_u8(&w, 0); /* reserved */
        zwh__wr_u16(&w, g->event_code);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_group_info_info_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_info_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t b = zwh__rd_u8(&r);
    out->list_mode = (uint8_t)(b >> 7);
    out->dynamic = (uint8_t)(b >> 6 & 1);
    out->group_count = (uint8_t)(b & 0x3F);
    for (size_t i = 0; i < out->group_count; i++) {
        zwh_association_group_info_group_t *g = &out->groups[i];
        g->group_id = zwh__rd_u8(&r);
        g->mode = zwh__rd_u8(&r);
        g->profile = zwh__rd_u16(&r);
        zwh__rd_skip(&r, 1);
        g->event_code = zwh__rd_u16(&r);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_association_group_info_command_list_get_encode(const zwh_association_group_info_command_list_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->allow_cache) || in->group_id == 0)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET);
    zwh__wr_u8(&w, (uint8_t)(in->allow_cache << 7));
    zwh__wr_u8(&w, in->group_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_group_info_command_list_get_decode(const uint8_t *frame, size_t len, zwh_association_group_info_command_list_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET))
        return ZWH_EBADMSG;
    out->allow_cache = (uint8_t)(zwh__rd_u8(&r) >> 7);
    out->group_id = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

/* Bytes one class id takes on the wire, or 0 for an id that has no encoding. */
static size_t cc_id_size(uint16_t cc)
{
    if (cc < EXT_CC_FIRST)
        return 1;
    if (cc >= EXT_CC_FIRST << 8)
        return 2;
    return 0;
}

ZWH_EXTERN int zwh_association_group_info_command_list_report_encode(const zwh_association_group_info_command_list_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->command_count > ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS)
        return ZWH_EINVAL;
    size_t list_len = 0;
    for (size_t i = 0; i < in->command_count; i++) {
        size_t n = cc_id_size(in->commands[i].cc);
        if (n == 0)
            return ZWH_EINVAL;
        list_len += n + 1;
    }
    if (list_len > 0xFF)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_REPORT);
    zwh__wr_u8(&w, in->group_id);
    zwh__wr_u8(&w, (uint8_t)list_len);
    for (size_t i = 0; i < in->command_count; i++) {
        zwh__wr_uint(&w, in->commands[i].cc, cc_id_size(in->commands[i].cc));
        zwh__wr_u8(&w, in->commands[i].command);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_association_group_info_command_list_report_decode(const uint8_t *frame, size_t len, zwh_association_group_info_command_list_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->group_id = zwh__rd_u8(&r);
    uint8_t list_len = zwh__rd_u8(&r);
    zwh__rd_t list;
    const uint8_t *p = zwh__rd_take(&r, list_len);
    if (!p)
        return ZWH_EBADMSG;
    zwh__rd_init(&list, p, list_len);
    size_t n = 0;
    while (zwh__rd_left(&list) > 0) {
        if (n == ZWH_ASSOCIATION_GROUP_INFO_MAX_COMMANDS)
            return ZWH_EBADMSG;
        uint8_t first = 0;
        zwh__rd_peek(&list, &first);
        out->commands[n].cc = (uint16_t)zwh__rd_uint(&list, first >= EXT_CC_FIRST ? 2 : 1);
        out->commands[n].command = zwh__rd_u8(&list);
        n++;
    }
    if (!zwh__rd_ok(&list))
        return ZWH_EBADMSG; /* an entry ran past the list length */
    out->command_count = (uint8_t)n;
    return zwh__cc_close(&r);
}

static int fmt_group(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "group");
}

static int fmt_name_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_group_info_name_report_t rep;
    if (zwh_association_group_info_name_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u name=", rep.group_id);
    zwh__cc_fmt_text(f, rep.name, rep.name_len);
    return 0;
}

static int fmt_info_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_group_info_info_get_t g;
    if (zwh_association_group_info_info_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.list_mode)
        zwh__fmt_printf(f, " all");
    else
        zwh__fmt_printf(f, " group=%u", g.group_id);
    if (g.refresh_cache)
        zwh__fmt_printf(f, " refresh");
    return 0;
}

static int fmt_info_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_group_info_info_report_t rep;
    if (zwh_association_group_info_info_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.list_mode)
        zwh__fmt_printf(f, " list");
    if (rep.dynamic)
        zwh__fmt_printf(f, " dynamic");
    for (size_t i = 0; i < rep.group_count; i++)
        zwh__fmt_printf(f, " group=%u profile=0x%04x", rep.groups[i].group_id, rep.groups[i].profile);
    return 0;
}

static int fmt_cmdlist_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_group_info_command_list_get_t g;
    if (zwh_association_group_info_command_list_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u%s", g.group_id, g.allow_cache ? " cache-ok" : "");
    return 0;
}

static int fmt_cmdlist_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_association_group_info_command_list_report_t rep;
    if (zwh_association_group_info_command_list_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " group=%u commands=", rep.group_id);
    if (rep.command_count == 0)
        zwh__fmt_printf(f, "none");
    for (size_t i = 0; i < rep.command_count; i++) {
        const zwh_association_group_info_command_t *c = &rep.commands[i];
        const char *cc = c->cc <= 0xFF ? zwh_cc_get_name((uint8_t)c->cc) : NULL;
        const char *cmd = cc ? zwh_cc_get_command_name((uint8_t)c->cc, c->command) : NULL;
        zwh__fmt_printf(f, "%s", i ? "," : "");
        if (cc && cmd)
            zwh__fmt_printf(f, "%s.%s", cc, cmd);
        else
            zwh__fmt_printf(f, "0x%02x:0x%02x", c->cc, c->command);
    }
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_ASSOCIATION_GROUP_INFO_NAME_GET, "NameGet", fmt_group},
    {ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT, "NameReport", fmt_name_report},
    {ZWH_ASSOCIATION_GROUP_INFO_INFO_GET, "InfoGet", fmt_info_get},
    {ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT, "InfoReport", fmt_info_report},
    {ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_GET, "CommandListGet", fmt_cmdlist_get},
    {ZWH_ASSOCIATION_GROUP_INFO_COMMAND_LIST_REPORT, "CommandListReport", fmt_cmdlist_report},
};

const zwh__cc_desc_t zwh__cc_association_group_info = {
    .id = CC, .name = "AssociationGroupInfo", .version = 3, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
