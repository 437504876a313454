/* Manufacturer Specific command class, version 2. */
#include "zwhost/cc/manufacturer_specific.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_MANUFACTURER_SPECIFIC

ZWH_EXTERN int zwh_manufacturer_specific_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_MANUFACTURER_SPECIFIC_GET, out, cap);
}

ZWH_EXTERN int zwh_manufacturer_specific_report_encode(const zwh_manufacturer_specific_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MANUFACTURER_SPECIFIC_REPORT);
    zwh__wr_u16(&w, in->manufacturer_id);
    zwh__wr_u16(&w, in->product_type);
    zwh__wr_u16(&w, in->product_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_manufacturer_specific_report_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MANUFACTURER_SPECIFIC_REPORT))
        return ZWH_EBADMSG;
    out->manufacturer_id = zwh__rd_u16(&r);
    out->product_type = zwh__rd_u16(&r);
    out->product_id = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_manufacturer_specific_device_specific_get_encode(const zwh_manufacturer_specific_device_specific_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->device_id_type > 7)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET, in->device_id_type, out, cap);
}

ZWH_EXTERN int zwh_manufacturer_specific_device_specific_get_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_device_specific_get_t *out)
{
    int rc = zwh__cc_decode_u8(frame, len, CC, ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET,
                               out ? &out->device_id_type : NULL);
    if (rc == 0)
        out->device_id_type &= 0x07;
    return rc;
}

ZWH_EXTERN int zwh_manufacturer_specific_device_specific_report_encode(const zwh_manufacturer_specific_device_specific_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->device_id_type > 7 || in->data_format > 7 || in->data_len == 0 ||
        in->data_len > ZWH_DEVICE_ID_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_REPORT);
    zwh__wr_u8(&w, in->device_id_type);
    zwh__wr_u8(&w, (uint8_t)(in->data_format << 5 | in->data_len));
    zwh__wr_bytes(&w, in->data, in->data_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_manufacturer_specific_device_specific_report_decode(const uint8_t *frame, size_t len, zwh_manufacturer_specific_device_specific_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->device_id_type = zwh__rd_u8(&r) & 0x07;
    uint8_t b = zwh__rd_u8(&r);
    out->data_format = (uint8_t)(b >> 5);
    out->data_len = b & 0x1F;
    zwh__rd_copy(&r, out->data, out->data_len);
    return zwh__cc_close(&r);
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_manufacturer_specific_report_t rep;
    if (zwh_manufacturer_specific_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " manufacturer=0x%04x type=0x%04x product=0x%04x", rep.manufacturer_id, rep.product_type,
                    rep.product_id);
    return 0;
}

static const char *const id_types[] = {"factory-default", "serial-number", "pseudo-random"};

static const char *id_type_name(uint8_t t) { return t < ZWH__COUNT(id_types) ? id_types[t] : "reserved"; }

static int fmt_ds_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_manufacturer_specific_device_specific_get_t g;
    if (zwh_manufacturer_specific_device_specific_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " type=%s", id_type_name(g.device_id_type));
    return 0;
}

static int fmt_ds_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_manufacturer_specific_device_specific_report_t rep;
    if (zwh_manufacturer_specific_device_specific_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " type=%s id=", id_type_name(rep.device_id_type));
    if (rep.data_format == ZWH_DEVICE_ID_FORMAT_UTF8) {
        zwh__cc_fmt_text(f, rep.data, rep.data_len);
    } else {
        zwh__fmt_hex(f, rep.data, rep.data_len);
    }
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MANUFACTURER_SPECIFIC_GET, "Get", NULL},
    {ZWH_MANUFACTURER_SPECIFIC_REPORT, "Report", fmt_report},
    {ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_GET, "DeviceSpecificGet", fmt_ds_get},
    {ZWH_MANUFACTURER_SPECIFIC_DEVICE_SPECIFIC_REPORT, "DeviceSpecificReport", fmt_ds_report},
};

const zwh__cc_desc_t zwh__cc_manufacturer_specific = {
    .id = CC, .name = "ManufacturerSpecific", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
