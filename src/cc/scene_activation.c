/* Scene Activation command class, version 1. */
#include "zwhost/cc/scene_activation.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

ZWH_EXTERN int zwh_scene_activation_set_encode(const zwh_scene_activation_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->scene_id == 0)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, ZWH_CC_SCENE_ACTIVATION, ZWH_SCENE_ACTIVATION_SET);
    zwh__wr_u8(&w, in->scene_id);
    zwh__wr_u8(&w, in->duration);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_scene_activation_set_decode(const uint8_t *frame, size_t len, zwh_scene_activation_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, ZWH_CC_SCENE_ACTIVATION, ZWH_SCENE_ACTIVATION_SET))
        return ZWH_EBADMSG;
    out->scene_id = zwh__rd_u8(&r);
    /* some v1 devices omit the duration: treat it as "configured" */
    out->duration = zwh__rd_left(&r) ? zwh__rd_u8(&r) : 0xFF;
    return zwh__cc_close(&r);
}

static int fmt_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_scene_activation_set_t s;
    if (zwh_scene_activation_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " scene=%u duration=", s.scene_id);
    if (s.duration == 0xFF)
        zwh__fmt_printf(f, "configured");
    else
        zwh__cc_fmt_duration(f, s.duration);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_SCENE_ACTIVATION_SET, "Set", fmt_set},
};

const zwh__cc_desc_t zwh__cc_scene_activation = {
    .id = ZWH_CC_SCENE_ACTIVATION, .name = "SceneActivation", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
