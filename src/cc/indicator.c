/* Indicator command class, version 3. */
#include "zwhost/cc/indicator.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_INDICATOR

static int encode_objects(uint8_t cmd, const zwh_indicator_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_level_ok(in->indicator0_value) || in->object_count > ZWH_INDICATOR_MAX_OBJECTS)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->indicator0_value);
    if (in->object_count) {
        zwh__wr_u8(&w, in->object_count);
        for (size_t i = 0; i < in->object_count; i++) {
            if (in->objects[i].indicator_id == 0)
                return ZWH_EINVAL;
            zwh__wr_u8(&w, in->objects[i].indicator_id);
            zwh__wr_u8(&w, in->objects[i].property_id);
            zwh__wr_u8(&w, in->objects[i].value);
        }
    }
    return zwh__cc_end(&w);
}

static int decode_objects(uint8_t cmd, const uint8_t *frame, size_t len, zwh_indicator_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->indicator0_value = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 1) { /* V2 */
        out->object_count = zwh__rd_u8(&r) & 0x1F;
        for (size_t i = 0; i < out->object_count; i++) {
            out->objects[i].indicator_id = zwh__rd_u8(&r);
            out->objects[i].property_id = zwh__rd_u8(&r);
            out->objects[i].value = zwh__rd_u8(&r);
        }
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_indicator_set_encode(const zwh_indicator_set_t *in, uint8_t *out, size_t cap)
{
    return encode_objects(ZWH_INDICATOR_SET, in, out, cap);
}

ZWH_EXTERN int zwh_indicator_set_decode(const uint8_t *frame, size_t len, zwh_indicator_set_t *out)
{
    return decode_objects(ZWH_INDICATOR_SET, frame, len, out);
}

ZWH_EXTERN int zwh_indicator_report_encode(const zwh_indicator_report_t *in, uint8_t *out, size_t cap)
{
    return encode_objects(ZWH_INDICATOR_REPORT, in, out, cap);
}

ZWH_EXTERN int zwh_indicator_report_decode(const uint8_t *frame, size_t len, zwh_indicator_report_t *out)
{
    return decode_objects(ZWH_INDICATOR_REPORT, frame, len, out);
}

ZWH_EXTERN int zwh_indicator_get_encode(const zwh_indicator_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->has_indicator_id > 1 || (in->has_indicator_id && in->indicator_id == 0))
        return ZWH_EINVAL;
    if (!in->has_indicator_id)
        return zwh__cc_encode_empty(CC, ZWH_INDICATOR_GET, out, cap);
    return zwh__cc_encode_u8(CC, ZWH_INDICATOR_GET, in->indicator_id, out, cap);
}

ZWH_EXTERN int zwh_indicator_get_decode(const uint8_t *frame, size_t len, zwh_indicator_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_INDICATOR_GET))
        return ZWH_EBADMSG;
    out->has_indicator_id = zwh__rd_left(&r) ? 1 : 0;
    out->indicator_id = out->has_indicator_id ? zwh__rd_u8(&r) : 0;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_indicator_supported_get_encode(const zwh_indicator_supported_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_INDICATOR_SUPPORTED_GET, in->indicator_id, out, cap);
}

ZWH_EXTERN int zwh_indicator_supported_get_decode(const uint8_t *frame, size_t len, zwh_indicator_supported_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_INDICATOR_SUPPORTED_GET, out ? &out->indicator_id : NULL);
}

ZWH_EXTERN int zwh_indicator_supported_report_encode(const zwh_indicator_supported_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->property_mask_len > ZWH_INDICATOR_MAX_MASK)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_INDICATOR_SUPPORTED_REPORT);
    zwh__wr_u8(&w, in->indicator_id);
    zwh__wr_u8(&w, in->next_indicator_id);
    zwh__wr_u8(&w, in->property_mask_len);
    zwh__wr_bytes(&w, in->property_mask, in->property_mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_indicator_supported_report_decode(const uint8_t *frame, size_t len, zwh_indicator_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_INDICATOR_SUPPORTED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->indicator_id = zwh__rd_u8(&r);
    out->next_indicator_id = zwh__rd_u8(&r);
    out->property_mask_len = zwh__rd_u8(&r) & 0x1F;
    zwh__rd_copy(&r, out->property_mask, out->property_mask_len);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_indicator_description_get_encode(const zwh_indicator_description_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_INDICATOR_DESCRIPTION_GET, in->indicator_id, out, cap);
}

ZWH_EXTERN int zwh_indicator_description_get_decode(const uint8_t *frame, size_t len, zwh_indicator_description_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_INDICATOR_DESCRIPTION_GET, out ? &out->indicator_id : NULL);
}

ZWH_EXTERN int zwh_indicator_description_report_encode(const zwh_indicator_description_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_INDICATOR_DESCRIPTION_REPORT);
    zwh__wr_u8(&w, in->indicator_id);
    zwh__wr_u8(&w, in->description_len);
    zwh__wr_bytes(&w, in->description, in->description_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_indicator_description_report_decode(const uint8_t *frame, size_t len, zwh_indicator_description_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_INDICATOR_DESCRIPTION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->indicator_id = zwh__rd_u8(&r);
    out->description_len = zwh__rd_u8(&r);
    zwh__rd_copy(&r, out->description, out->description_len);
    return zwh__cc_close(&r);
}

static int fmt_objects(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_indicator_set_t s;
    if (decode_objects(frame[1], frame, len, &s) != 0)
        return -1;
    if (s.object_count == 0) {
        zwh__fmt_printf(f, " value=%u", s.indicator0_value);
        return 0;
    }
    for (size_t i = 0; i < s.object_count; i++)
        zwh__fmt_printf(f, " 0x%02x/%u=%u", s.objects[i].indicator_id, s.objects[i].property_id,
                        s.objects[i].value);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_indicator_get_t g;
    if (zwh_indicator_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.has_indicator_id)
        zwh__fmt_printf(f, " indicator=0x%02x", g.indicator_id);
    return 0;
}

static int fmt_id(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "indicator");
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_indicator_supported_report_t rep;
    if (zwh_indicator_supported_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " indicator=0x%02x next=0x%02x properties=", rep.indicator_id, rep.next_indicator_id);
    bool any = false;
    for (size_t bit = 0; bit < (size_t)rep.property_mask_len * 8; bit++) {
        if (rep.property_mask[bit / 8] >> (bit % 8) & 1) {
            zwh__fmt_printf(f, any ? ",%zu" : "%zu", bit);
            any = true;
        }
    }
    if (!any)
        zwh__fmt_printf(f, "none");
    return 0;
}

static int fmt_description(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_indicator_description_report_t rep;
    if (zwh_indicator_description_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " indicator=0x%02x description=", rep.indicator_id);
    zwh__cc_fmt_text(f, rep.description, rep.description_len);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_INDICATOR_SET, "Set", fmt_objects},
    {ZWH_INDICATOR_GET, "Get", fmt_get},
    {ZWH_INDICATOR_REPORT, "Report", fmt_objects},
    {ZWH_INDICATOR_SUPPORTED_GET, "SupportedGet", fmt_id},
    {ZWH_INDICATOR_SUPPORTED_REPORT, "SupportedReport", fmt_supported},
    {ZWH_INDICATOR_DESCRIPTION_GET, "DescriptionGet", fmt_id},
    {ZWH_INDICATOR_DESCRIPTION_REPORT, "DescriptionReport", fmt_description},
};

const zwh__cc_desc_t zwh__cc_indicator = {
    .id = CC, .name = "Indicator", .version = 3, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
