/* Node Naming and Location command class, version 1. */
#include "zwhost/cc/node_naming.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_NODE_NAMING

/* Every Set and Report: a char-presentation byte, then up to 16 bytes of text. */
static int encode_text(uint8_t cmd, const zwh_node_naming_text_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->char_presentation > 7 || in->text_len > ZWH_NODE_NAMING_MAX ||
        (in->char_presentation == ZWH_NODE_NAMING_UTF16 && in->text_len % 2))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->char_presentation);
    zwh__wr_bytes(&w, in->text, in->text_len);
    return zwh__cc_end(&w);
}

static int decode_text(uint8_t cmd, const uint8_t *frame, size_t len, zwh_node_naming_text_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->char_presentation = zwh__rd_u8(&r) & 0x07;
    size_t n = zwh__rd_left(&r);
    if (n > ZWH_NODE_NAMING_MAX)
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->text, n);
    out->text_len = (uint8_t)n;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_node_naming_name_set_encode(const zwh_node_naming_name_set_t *in, uint8_t *out, size_t cap)
{
    return encode_text(ZWH_NODE_NAMING_NAME_SET, in, out, cap);
}

ZWH_EXTERN int zwh_node_naming_name_set_decode(const uint8_t *frame, size_t len, zwh_node_naming_name_set_t *out)
{
    return decode_text(ZWH_NODE_NAMING_NAME_SET, frame, len, out);
}

ZWH_EXTERN int zwh_node_naming_name_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_NODE_NAMING_NAME_GET, out, cap);
}

ZWH_EXTERN int zwh_node_naming_name_report_encode(const zwh_node_naming_name_report_t *in, uint8_t *out, size_t cap)
{
    return encode_text(ZWH_NODE_NAMING_NAME_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_node_naming_name_report_decode(const uint8_t *frame, size_t len, zwh_node_naming_name_report_t *out)
{
    return decode_text(ZWH_NODE_NAMING_NAME_REPORT, frame, len, out);
}

ZWH_EXTERN int zwh_node_naming_location_set_encode(const zwh_node_naming_location_set_t *in, uint8_t *out, size_t cap)
{
    return encode_text(ZWH_NODE_NAMING_LOCATION_SET, in, out, cap);
}

ZWH_EXTERN int zwh_node_naming_location_set_decode(const uint8_t *frame, size_t len, zwh_node_naming_location_set_t *out)
{
    return decode_text(ZWH_NODE_NAMING_LOCATION_SET, frame, len, out);
}

ZWH_EXTERN int zwh_node_naming_location_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_NODE_NAMING_LOCATION_GET, out, cap);
}

ZWH_EXTERN int zwh_node_naming_location_report_encode(const zwh_node_naming_location_report_t *in, uint8_t *out, size_t cap)
{
    return encode_text(ZWH_NODE_NAMING_LOCATION_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_node_naming_location_report_decode(const uint8_t *frame, size_t len, zwh_node_naming_location_report_t *out)
{
    return decode_text(ZWH_NODE_NAMING_LOCATION_REPORT, frame, len, out);
}

static int fmt_text(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_node_naming_text_t t;
    if (decode_text(frame[1], frame, len, &t) != 0)
        return -1;
    if (t.char_presentation == ZWH_NODE_NAMING_UTF16) {
        zwh__fmt_printf(f, " utf16=");
        zwh__fmt_hex(f, t.text, t.text_len);
    } else {
        zwh__fmt_printf(f, " text=");
        zwh__cc_fmt_text(f, t.text, t.text_len);
    }
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_NODE_NAMING_NAME_SET, "NameSet", fmt_text},
    {ZWH_NODE_NAMING_NAME_GET, "NameGet", NULL},
    {ZWH_NODE_NAMING_NAME_REPORT, "NameReport", fmt_text},
    {ZWH_NODE_NAMING_LOCATION_SET, "LocationSet", fmt_text},
    {ZWH_NODE_NAMING_LOCATION_GET, "LocationGet", NULL},
    {ZWH_NODE_NAMING_LOCATION_REPORT, "LocationReport", fmt_text},
};

const zwh__cc_desc_t zwh__cc_node_naming = {
    .id = CC, .name = "NodeNaming", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
