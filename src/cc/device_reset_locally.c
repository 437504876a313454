/* Device Reset Locally command class, version 1. */
#include "zwhost/cc/device_reset_locally.h"

#include "cc/codec_simple.h"
#include "cc/registry.h"

ZWH_EXTERN int zwh_device_reset_locally_notification_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(ZWH_CC_DEVICE_RESET_LOCALLY, ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION, out, cap);
}

ZWH_EXTERN int zwh_device_reset_locally_notification_decode(const uint8_t *frame, size_t len)
{
    zwh__rd_t r;
    if (!zwh__cc_open(&r, frame, len, ZWH_CC_DEVICE_RESET_LOCALLY, ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION))
        return ZWH_EBADMSG;
    return zwh__cc_close(&r);
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_DEVICE_RESET_LOCALLY_NOTIFICATION, "Notification", NULL},
};

const zwh__cc_desc_t zwh__cc_device_reset_locally = {
    .id = ZWH_CC_DEVICE_RESET_LOCALLY, .name = "DeviceResetLocally", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
