/* Scene Actuator Configuration command class, version 1. */
#include "zwhost/cc/scene_actuator_conf.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

#define CC ZWH_CC_SCENE_ACTUATOR_CONF

ZWH_EXTERN int zwh_scene_actuator_conf_set_encode(const zwh_scene_actuator_conf_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->scene_id == 0 || in->override > 1 || !zwh__cc_level_ok(in->level))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_SCENE_ACTUATOR_CONF_SET);
    zwh__wr_u8(&w, in->scene_id);
    zwh__wr_u8(&w, in->duration);
    zwh__wr_u8(&w, (uint8_t)(in->override << 7));
    zwh__wr_u8(&w, in->level);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_scene_actuator_conf_set_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_SCENE_ACTUATOR_CONF_SET))
        return ZWH_EBADMSG;
    out->scene_id = zwh__rd_u8(&r);
    out->duration = zwh__rd_u8(&r);
    out->override = (uint8_t)(zwh__rd_u8(&r) >> 7);
    out->level = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_scene_actuator_conf_get_encode(const zwh_scene_actuator_conf_get_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_SCENE_ACTUATOR_CONF_GET, in->scene_id, out, cap);
}

ZWH_EXTERN int zwh_scene_actuator_conf_get_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_get_t *out)
{
    return zwh__cc_decode_u8(frame, len, CC, ZWH_SCENE_ACTUATOR_CONF_GET, out ? &out->scene_id : NULL);
}

ZWH_EXTERN int zwh_scene_actuator_conf_report_encode(const zwh_scene_actuator_conf_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_level_ok(in->level))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_SCENE_ACTUATOR_CONF_REPORT);
    zwh__wr_u8(&w, in->scene_id);
    zwh__wr_u8(&w, in->level);
    zwh__wr_u8(&w, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_scene_actuator_conf_report_decode(const uint8_t *frame, size_t len, zwh_scene_actuator_conf_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_SCENE_ACTUATOR_CONF_REPORT))
        return ZWH_EBADMSG;
    out->scene_id = zwh__rd_u8(&r);
    out->level = zwh__rd_u8(&r);
    out->duration = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_scene_actuator_conf_set_t s;
    if (zwh_scene_actuator_conf_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " scene=%u", s.scene_id);
    if (s.override)
        zwh__fmt_printf(f, " level=%u", s.level);
    else
        zwh__fmt_printf(f, " level=current");
    zwh__fmt_printf(f, " duration=");
    zwh__cc_fmt_duration(f, s.duration);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    return zwh__cc_fmt_u8(f, frame, len, "scene");
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_scene_actuator_conf_report_t rep;
    if (zwh_scene_actuator_conf_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " scene=%u level=%u duration=", rep.scene_id, rep.level);
    zwh__cc_fmt_duration(f, rep.duration);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_SCENE_ACTUATOR_CONF_SET, "Set", fmt_set},
    {ZWH_SCENE_ACTUATOR_CONF_GET, "Get", fmt_get},
    {ZWH_SCENE_ACTUATOR_CONF_REPORT, "Report", fmt_report},
};

const zwh__cc_desc_t zwh__cc_scene_actuator_conf = {
    .id = CC, .name = "SceneActuatorConf", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
