/* Version command class, version 3. */
#include "zwhost/cc/version.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"
#include "zwhost/cc.h"

#define CC ZWH_CC_VERSION

ZWH_EXTERN int zwh_version_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_VERSION_GET, out, cap);
}

ZWH_EXTERN int zwh_version_report_encode(const zwh_version_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->has_v2 > 1 || (!in->has_v2 && in->target_count))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_VERSION_REPORT);
    zwh__wr_u8(&w, in->library_type);
    zwh__wr_u8(&w, in->protocol_version);
    zwh__wr_u8(&w, in->protocol_sub_version);
    zwh__wr_u8(&w, in->firmware0.version);
    zwh__wr_u8(&w, in->firmware0.sub_version);
    if (in->has_v2) {
        zwh__wr_u8(&w, in->hardware_version);
        zwh__wr_u8(&w, in->target_count);
        for (size_t i = 0; i < in->target_count; i++) {
            zwh__wr_u8(&w, in->targets[i].version);
            zwh__wr_u8(&w, in->targets[i].sub_version);
        }
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_version_report_decode(const uint8_t *frame, size_t len, zwh_version_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_VERSION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->library_type = zwh__rd_u8(&r);
    out->protocol_version = zwh__rd_u8(&r);
    out->protocol_sub_version = zwh__rd_u8(&r);
    out->firmware0.version = zwh__rd_u8(&r);
    out->firmware0.sub_version = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 2) { /* V2 */
        out->has_v2 = 1;
        out->hardware_version = zwh__rd_u8(&r);
        out->target_count = zwh__rd_u8(&r);
        for (size_t i = 0; i < out->target_count; i++) {
            out->targets[i].version = zwh__rd_u8(&r);
            out->targets[i].sub_version = zwh__rd_u8(&r);
        }
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_version_command_class_get_encode(const zwh_version_command_class_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_VERSION_COMMAND_CLASS_GET, in->cc, out, cap);
}

ZWH_EXTERN int zwh_version_command_class_get_decode(const uint8_t *frame, size_t len, zwh_version_command_class_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_VERSION_COMMAND_CLASS_GET, out ? &out->cc : NULL);
}

ZWH_EXTERN int zwh_version_command_class_report_encode(const zwh_version_command_class_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_VERSION_COMMAND_CLASS_REPORT);
    zwh__wr_u8(&w, in->cc);
    zwh__wr_u8(&w, in->version);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_version_command_class_report_decode(const uint8_t *frame, size_t len, zwh_version_command_class_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_VERSION_COMMAND_CLASS_REPORT))
        return ZWH_EBADMSG;
    out->cc = zwh__rd_u8(&r);
    out->version = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_version_capabilities_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_VERSION_CAPABILITIES_GET, out, cap);
}

ZWH_EXTERN int zwh_version_capabilities_report_encode(const zwh_version_capabilities_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->version > 1 || in->command_class > 1 || in->zwave_software > 1)
        return ZWH_EINVAL;
    uint8_t b = (uint8_t)(in->version | in->command_class << 1 | in->zwave_software << 2);
    return zwh__cc_encode_u8(CC, ZWH_VERSION_CAPABILITIES_REPORT, b, out, cap);
}

ZWH_EXTERN int zwh_version_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_version_capabilities_report_t *out)
{
    uint8_t b = 0;
    int rc = zwh__cc_decode_u8(frame, len, CC, ZWH_VERSION_CAPABILITIES_REPORT, out ? &b : NULL);
    if (rc == 0) {
        out->version = b & 1;
        out->command_class = b >> 1 & 1;
        out->zwave_software = b >> 2 & 1;
    }
    return rc;
}

ZWH_EXTERN int zwh_version_zwave_software_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_VERSION_ZWAVE_SOFTWARE_GET, out, cap);
}

ZWH_EXTERN int zwh_version_zwave_software_report_encode(const zwh_version_zwave_software_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_VERSION_ZWAVE_SOFTWARE_REPORT);
    zwh__wr_bytes(&w, in->sdk_version, 3);
    zwh__wr_bytes(&w, in->application_framework_api_version, 3);
    zwh__wr_u16(&w, in->application_framework_build);
    zwh__wr_bytes(&w, in->host_interface_version, 3);
    zwh__wr_u16(&w, in->host_interface_build);
    zwh__wr_bytes(&w, in->zwave_protocol_version, 3);
    zwh__wr_u16(&w, in->zwave_protocol_build);
    zwh__wr_bytes(&w, in->application_version, 3);
    zwh__wr_u16(&w, in->application_build);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_version_zwave_software_report_decode(const uint8_t *frame, size_t len, zwh_version_zwave_software_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_VERSION_ZWAVE_SOFTWARE_REPORT))
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->sdk_version, 3);
    zwh__rd_copy(&r, out->application_framework_api_version, 3);
    out->application_framework_build = zwh__rd_u16(&r);
    zwh__rd_copy(&r, out->host_interface_version, 3);
    out->host_interface_build = zwh__rd_u16(&r);
    zwh__rd_copy(&r, out->zwave_protocol_version, 3);
    out->zwave_protocol_build = zwh__rd_u16(&r);
    zwh__rd_copy(&r, out->application_version, 3);
    out->application_build = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_version_report_t rep;
    if (zwh_version_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " library=%u protocol=%u.%u firmware=%u.%u", rep.library_type, rep.protocol_version,
                    rep.protocol_sub_version, rep.firmware0.version, rep.firmware0.sub_version);
    if (rep.has_v2)
        zwh__fmt_printf(f, " hardware=%u", rep.hardware_version);
    for (size_t i = 0; i < rep.target_count; i++)
        zwh__fmt_printf(f, " target%zu=%u.%u", i + 1, rep.targets[i].version, rep.targets[i].sub_version);
    return 0;
}

static int fmt_cc_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_version_command_class_get_t g;
    if (zwh_version_command_class_get_decode(frame, len, &g) != 0)
        return -1;
    const char *name = zwh_cc_get_name(g.cc);
    zwh__fmt_printf(f, " cc=%s(0x%02x)", name ? name : "Unknown", g.cc);
    return 0;
}

static int fmt_cc_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_version_command_class_report_t rep;
    if (zwh_version_command_class_report_decode(frame, len, &rep) != 0)
        return -1;
    const char *name = zwh_cc_get_name(rep.cc);
    zwh__fmt_printf(f, " cc=%s(0x%02x) version=%u", name ? name : "Unknown", rep.cc, rep.version);
    return 0;
}

static int fmt_capabilities(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_version_capabilities_report_t rep;
    if (zwh_version_capabilities_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " version=%u cc=%u zwave_software=%u", rep.version, rep.command_class, rep.zwave_software);
    return 0;
}

static void fmt_ver(zwh__fmt_t *f, const char *label, const uint8_t v[3], long build)
{
    zwh__fmt_printf(f, " %s=%u.%u.%u", label, v[0], v[1], v[2]);
    if (build >= 0)
        zwh__fmt_printf(f, "+%ld", build);
}

static int fmt_software(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_version_zwave_software_report_t rep;
    if (zwh_version_zwave_software_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_ver(f, "sdk", rep.sdk_version, -1);
    fmt_ver(f, "framework", rep.application_framework_api_version, rep.application_framework_build);
    fmt_ver(f, "host", rep.host_interface_version, rep.host_interface_build);
    fmt_ver(f, "protocol", rep.zwave_protocol_version, rep.zwave_protocol_build);
    fmt_ver(f, "application", rep.application_version, rep.application_build);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_VERSION_GET, "Get", NULL},
    {ZWH_VERSION_REPORT, "Report", fmt_report},
    {ZWH_VERSION_COMMAND_CLASS_GET, "CommandClassGet", fmt_cc_get},
    {ZWH_VERSION_COMMAND_CLASS_REPORT, "CommandClassReport", fmt_cc_report},
    {ZWH_VERSION_CAPABILITIES_GET, "CapabilitiesGet", NULL},
    {ZWH_VERSION_CAPABILITIES_REPORT, "CapabilitiesReport", fmt_capabilities},
    {ZWH_VERSION_ZWAVE_SOFTWARE_GET, "ZWaveSoftwareGet", NULL},
    {ZWH_VERSION_ZWAVE_SOFTWARE_REPORT, "ZWaveSoftwareReport", fmt_software},
};

const zwh__cc_desc_t zwh__cc_version = {
    .id = CC, .name = "Version", .version = 3, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
