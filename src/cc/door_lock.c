/* Door Lock command class, version 4. */
#include "zwhost/cc/door_lock.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_DOOR_LOCK

static const zwh__cc_name_t mode_names[] = {
    {ZWH_DOOR_LOCK_MODE_UNSECURED, "unsecured"},
    {ZWH_DOOR_LOCK_MODE_UNSECURED_TIMEOUT, "unsecured_timeout"},
    {ZWH_DOOR_LOCK_MODE_INSIDE_UNSECURED, "inside_unsecured"},
    {ZWH_DOOR_LOCK_MODE_INSIDE_UNSECURED_TIMEOUT, "inside_unsecured_timeout"},
    {ZWH_DOOR_LOCK_MODE_OUTSIDE_UNSECURED, "outside_unsecured"},
    {ZWH_DOOR_LOCK_MODE_OUTSIDE_UNSECURED_TIMEOUT, "outside_unsecured_timeout"},
    {ZWH_DOOR_LOCK_MODE_UNKNOWN, "unknown"},
    {ZWH_DOOR_LOCK_MODE_SECURED, "secured"},
};

ZWH_EXTERN const char *zwh_door_lock_get_mode_name(uint8_t mode)
{
    return zwh__cc_name(mode_names, ZWH__COUNT(mode_names), mode);
}

/* Modes a controller may request (0xFE "unknown" is report-only). */
static bool set_mode_ok(uint8_t m) { return m != ZWH_DOOR_LOCK_MODE_UNKNOWN && zwh_door_lock_get_mode_name(m); }
static bool report_mode_ok(uint8_t m) { return zwh_door_lock_get_mode_name(m) != NULL; }
static bool timeout_ok(uint8_t min, uint8_t sec)
{
    if (min == ZWH_DOOR_LOCK_TIMEOUT_NONE && sec == ZWH_DOOR_LOCK_TIMEOUT_NONE)
        return true;
    return min <= 0xFD && sec <= 59;
}
static uint8_t handles(uint8_t outside, uint8_t inside) { return (uint8_t)((outside << 4) | inside); }

ZWH_EXTERN int zwh_door_lock_operation_set_encode(const zwh_door_lock_operation_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !set_mode_ok(in->mode))
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_DOOR_LOCK_OPERATION_SET, in->mode, out, cap);
}

ZWH_EXTERN int zwh_door_lock_operation_set_decode(const uint8_t *frame, size_t len, zwh_door_lock_operation_set_t *out)
{
    return zwh__cc_decode_u8(CC, ZWH_DOOR_LOCK_OPERATION_SET, frame, len, out ? &out->mode : NULL);
}

ZWH_EXTERN int zwh_door_lock_operation_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_DOOR_LOCK_OPERATION_GET, out, cap);
}

ZWH_EXTERN int zwh_door_lock_operation_report_encode(const zwh_door_lock_operation_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !report_mode_ok(in->mode) || in->outside_handles > 15 || in->inside_handles > 15 ||
        in->condition > 7 || !timeout_ok(in->timeout_minutes, in->timeout_seconds) ||
        (in->has_target && !report_mode_ok(in->target_mode)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_DOOR_LOCK_OPERATION_REPORT);
    zwh__wr_u8(&w, in->mode);
    zwh__wr_u8(&w, handles(in->outside_handles, in->inside_handles));
    zwh__wr_u8(&w, in->condition);
    zwh__wr_u8(&w, in->timeout_minutes);
    zwh__wr_u8(&w, in->timeout_seconds);
    if (in->has_target) {
        zwh__wr_u8(&w, in->target_mode);
        zwh__wr_u8(&w, in->duration);
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_door_lock_operation_report_decode(const uint8_t *frame, size_t len, zwh_door_lock_operation_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_DOOR_LOCK_OPERATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->mode = zwh__rd_u8(&r);
    uint8_t h = zwh__rd_u8(&r);
    out->outside_handles = (uint8_t)(h >> 4);
    out->inside_handles = h & 0x0F;
    out->condition = zwh__rd_u8(&r) & 0x07;
    out->timeout_minutes = zwh__rd_u8(&r);
    out->timeout_seconds = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 2) { /* V3 */
        out->has_target = 1;
        out->target_mode = zwh__rd_u8(&r);
        out->duration = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

static int config_encode(uint8_t cmd, const zwh_door_lock_configuration_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->outside_handles > 15 || in->inside_handles > 15 || in->twist_assist > 1 ||
        in->block_to_block > 1)
        return ZWH_EINVAL;
    if (in->operation_type == ZWH_DOOR_LOCK_OP_CONSTANT) {
        if (in->timeout_minutes != ZWH_DOOR_LOCK_TIMEOUT_NONE || in->timeout_seconds != ZWH_DOOR_LOCK_TIMEOUT_NONE)
            return ZWH_EINVAL;
    } else if (in->operation_type == ZWH_DOOR_LOCK_OP_TIMED) {
        if (in->timeout_minutes > 0xFD || in->timeout_seconds > 59)
            return ZWH_EINVAL;
    } else {
        return ZWH_EINVAL;
    }
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->operation_type);
    zwh__wr_u8(&w, handles(in->outside_handles, in->inside_handles));
    zwh__wr_u8(&w, in->timeout_minutes);
    zwh__wr_u8(&w, in->timeout_seconds);
    if (in->has_v4) {
        zwh__wr_u16(&w, in->auto_relock_time);
        zwh__wr_u16(&w, in->hold_and_release_time);
        zwh__wr_u8(&w, (uint8_t)(in->twist_assist | (in->block_to_block << 1)));
    }
    return zwh__cc_end(&w);
}

static int config_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_door_lock_configuration_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->operation_type = zwh__rd_u8(&r);
    uint8_t h = zwh__rd_u8(&r);
    out->outside_handles = (uint8_t)(h >> 4);
    out->inside_handles = h & 0x0F;
    out->timeout_minutes = zwh__rd_u8(&r);
    out->timeout_seconds = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 5) { /* V4 */
        out->has_v4 = 1;
        out->auto_relock_time = zwh__rd_u16(&r);
        out->hold_and_release_time = zwh__rd_u16(&r);
        uint8_t flags = zwh__rd_u8(&r);
        out->twist_assist = flags & 1;
        out->block_to_block = (flags >> 1) & 1;
    }
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(door_lock_configuration_set, zwh_door_lock_configuration_t, ZWH_DOOR_LOCK_CONFIGURATION_SET,
                     config_encode, config_decode)
ZWH__CC_SHARED_CODEC(door_lock_configuration_report, zwh_door_lock_configuration_t, ZWH_DOOR_LOCK_CONFIGURATION_REPORT,
                     config_encode, config_decode)
ZWH_EXTERN int zwh_door_lock_configuration_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_DOOR_LOCK_CONFIGURATION_GET, out, cap);
}
ZWH_EXTERN int zwh_door_lock_capabilities_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_DOOR_LOCK_CAPABILITIES_GET, out, cap);
}

ZWH_EXTERN int zwh_door_lock_capabilities_report_encode(const zwh_door_lock_capabilities_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->nmodes > ZWH_DOOR_LOCK_MAX_MODES || (in->operation_types & 1) ||
        in->outside_handles > 15 || in->inside_handles > 15 || in->door_components > 7 ||
        in->auto_relock > 1 || in->hold_and_release > 1 || in->twist_assist > 1 || in->block_to_block > 1)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->nmodes; i++)
        if (!set_mode_ok(in->modes[i]))
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_DOOR_LOCK_CAPABILITIES_REPORT);
    zwh__wr_u8(&w, 1); /* operation type bitmask length */
    zwh__wr_u8(&w, in->operation_types);
    zwh__wr_u8(&w, in->nmodes);
    zwh__wr_bytes(&w, in->modes, in->nmodes);
    zwh__wr_u8(&w, handles(in->outside_handles, in->inside_handles));
    zwh__wr_u8(&w, in->door_components);
    zwh__wr_u8(&w, (uint8_t)(in->block_to_block | in->twist_assist << 1 | in->hold_and_release << 2 |
                             in->auto_relock << 3));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_door_lock_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_door_lock_capabilities_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_DOOR_LOCK_CAPABILITIES_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    size_t masklen = zwh__rd_u8(&r) & 0x1F;
    const uint8_t *mask = zwh__rd_take(&r, masklen);
    if (mask && masklen)
        out->operation_types = mask[0] & 0xFE; /* types 1..7; bit 0 reserved */
    out->nmodes = zwh__rd_u8(&r);
    if (out->nmodes > ZWH_DOOR_LOCK_MAX_MODES)
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->modes, out->nmodes);
    uint8_t h = zwh__rd_u8(&r);
    out->outside_handles = (uint8_t)(h >> 4);
    out->inside_handles = h & 0x0F;
    out->door_components = zwh__rd_u8(&r) & 0x07;
    uint8_t flags = zwh__rd_u8(&r);
    out->block_to_block = flags & 1;
    out->twist_assist = (flags >> 1) & 1;
    out->hold_and_release = (flags >> 2) & 1;
    out->auto_relock = (flags >> 3) & 1;
    return zwh__cc_close(&r);
}

/* ---- formatter ---- */

static void fmt_mode(zwh__fmt_t *f, const char *key, uint8_t mode)
{
    zwh__fmt_printf(f, " %s=", key);
    zwh__cc_fmt_name(f, mode_names, ZWH__COUNT(mode_names), mode);
}

static void fmt_timeout(zwh__fmt_t *f, uint8_t min, uint8_t sec)
{
    if (min == ZWH_DOOR_LOCK_TIMEOUT_NONE && sec == ZWH_DOOR_LOCK_TIMEOUT_NONE)
        zwh__fmt_printf(f, " timeout=none");
    else
        zwh__fmt_printf(f, " timeout=%um%us", min, sec);
}

static int fmt_op_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_door_lock_operation_set_t s;
    if (zwh_door_lock_operation_set_decode(frame, len, &s) != 0)
        return -1;
    fmt_mode(f, "mode", s.mode);
    return 0;
}

static int fmt_op_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_door_lock_operation_report_t rep;
    if (zwh_door_lock_operation_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_mode(f, "mode", rep.mode);
    zwh__fmt_printf(f, " handles=out:0x%x,in:0x%x door=%s bolt=%s latch=%s", rep.outside_handles,
                    rep.inside_handles, (rep.condition & ZWH_DOOR_LOCK_COND_DOOR_CLOSED) ? "closed" : "open",
                    (rep.condition & ZWH_DOOR_LOCK_COND_BOLT_UNLOCKED) ? "unlocked" : "locked",
                    (rep.condition & ZWH_DOOR_LOCK_COND_LATCH_CLOSED) ? "closed" : "open");
    fmt_timeout(f, rep.timeout_minutes, rep.timeout_seconds);
    if (rep.has_target) {
        fmt_mode(f, "target", rep.target_mode);
        zwh__fmt_printf(f, " duration=");
        zwh__cc_fmt_duration(f, rep.duration);
    }
    return 0;
}

static int fmt_config(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_door_lock_configuration_t c;
    if (config_decode(frame[1], frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " operation=%s handles=out:0x%x,in:0x%x",
                    c.operation_type == ZWH_DOOR_LOCK_OP_CONSTANT ? "constant"
                    : c.operation_type == ZWH_DOOR_LOCK_OP_TIMED  ? "timed"
                                                                  : "reserved",
                    c.outside_handles, c.inside_handles);
    fmt_timeout(f, c.timeout_minutes, c.timeout_seconds);
    if (c.has_v4)
        zwh__fmt_printf(f, " auto_relock=%us hold_release=%us twist_assist=%u block_to_block=%u",
                        c.auto_relock_time, c.hold_and_release_time, c.twist_assist, c.block_to_block);
    return 0;
}

static int fmt_caps(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_door_lock_capabilities_report_t c;
    if (zwh_door_lock_capabilities_report_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " operation_types=");
    zwh__cc_fmt_mask(f, &c.operation_types, 1, 0);
    zwh__fmt_printf(f, " modes=[");
    for (size_t i = 0; i < c.nmodes; i++) {
        if (i)
            zwh__fmt_printf(f, ",");
        zwh__cc_fmt_name(f, mode_names, ZWH__COUNT(mode_names), c.modes[i]);
    }
    zwh__fmt_printf(f, "] handles=out:0x%x,in:0x%x components=0x%x ars=%u hrs=%u tas=%u btbs=%u",
                    c.outside_handles, c.inside_handles, c.door_components, c.auto_relock,
                    c.hold_and_release, c.twist_assist, c.block_to_block);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_DOOR_LOCK_OPERATION_SET, "OperationSet", fmt_op_set},
    {ZWH_DOOR_LOCK_OPERATION_GET, "OperationGet", NULL},
    {ZWH_DOOR_LOCK_OPERATION_REPORT, "OperationReport", fmt_op_report},
    {ZWH_DOOR_LOCK_CONFIGURATION_SET, "ConfigurationSet", fmt_config},
    {ZWH_DOOR_LOCK_CONFIGURATION_GET, "ConfigurationGet", NULL},
    {ZWH_DOOR_LOCK_CONFIGURATION_REPORT, "ConfigurationReport", fmt_config},
    {ZWH_DOOR_LOCK_CAPABILITIES_GET, "CapabilitiesGet", NULL},
    {ZWH_DOOR_LOCK_CAPABILITIES_REPORT, "CapabilitiesReport", fmt_caps},
};

const zwh__cc_desc_t zwh__cc_door_lock = {
    .id = CC, .name = "DoorLock", .version = 4, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
