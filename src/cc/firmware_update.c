/* Firmware Update Meta Data command class, version 5. */
#include "zwhost/cc/firmware_update.h"

#include <string.h>
#include "cc/codec_simple.h"
#include "cc/registry.h"
#include "util/crc16.h"

#define CC ZWH_CC_FIRMWARE_UPDATE

static bool flag_ok(uint8_t v) { return v <= 1; }

/* manufacturer id, firmware id, checksum: the identification most commands
 * start with */
static void wr_ident(zwh__wr_t *w, uint16_t mfr, uint16_t fw, uint16_t sum)
{
    zwh__wr_u16(w, mfr);
    zwh__wr_u16(w, fw);
    zwh__wr_u16(w, sum);
}

static void rd_ident(zwh__rd_t *r, uint16_t *mfr, uint16_t *fw, uint16_t *sum)
{
    *mfr = zwh__rd_u16(r);
    *fw = zwh__rd_u16(r);
    *sum = zwh__rd_u16(r);
}

ZWH_EXTERN int zwh_firmware_update_meta_data_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_empty(CC, ZWH_FIRMWARE_UPDATE_META_DATA_GET, out, cap);
}

ZWH_EXTERN int zwh_firmware_update_meta_data_report_encode(const zwh_firmware_update_meta_data_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_targets) || !flag_ok(in->upgradable) || !flag_ok(in->has_hardware_version) ||
        !flag_ok(in->has_capabilities) || !flag_ok(in->continues_to_function) || !flag_ok(in->activation) ||
        !flag_ok(in->non_secure) || !flag_ok(in->resume) ||
        (in->has_hardware_version && !in->has_targets) ||
        (in->has_capabilities && !in->has_hardware_version))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_META_DATA_REPORT);
    wr_ident(&w, in->manufacturer_id, in->firmware_id, in->checksum);
    if (in->has_targets) {
        zwh__wr_u8(&w, in->upgradable ? 0xFF : 0x00);
        zwh__wr_u8(&w, in->target_count);
        zwh__wr_u16(&w, in->max_fragment_size);
        for (size_t i = 0; i < in->target_count; i++)
            zwh__wr_u16(&w, in->target_firmware_ids[i]);
    }
    if (in->has_hardware_version)
        zwh__wr_u8(&w, in->hardware_version);
    if (in->has_capabilities)
        zwh__wr_u8(&w, (uint8_t)(in->continues_to_function | in->activation << 1 | in->non_secure << 2 |
                                 in->resume << 3));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_meta_data_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_meta_data_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_META_DATA_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    rd_ident(&r, &out->manufacturer_id, &out->firmware_id, &out->checksum);
    if (zwh__rd_left(&r) >= 4) { /* V3 */
        out->has_targets = 1;
        out->upgradable = zwh__rd_u8(&r) == 0xFF;
        out->target_count = zwh__rd_u8(&r);
        out->max_fragment_size = zwh__rd_u16(&r);
        for (size_t i = 0; i < out->target_count; i++)
            out->target_firmware_ids[i] = zwh__rd_u16(&r);
        if (zwh__rd_left(&r) >= 1) { /* V5 */
            out->has_hardware_version = 1;
            out->hardware_version = zwh__rd_u8(&r);
        }
        if (zwh__rd_left(&r) >= 1) { /* V6+ */
            uint8_t b = zwh__rd_u8(&r);
            out->has_capabilities = 1;
            out->continues_to_function = b & 1;
            out->activation = b >> 1 & 1;
            out->non_secure = b >> 2 & 1;
            out->resume = b >> 3 & 1;
        }
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_request_get_encode(const zwh_firmware_update_request_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_target) || !flag_ok(in->has_flags) || !flag_ok(in->activation) ||
        !flag_ok(in->non_secure) || !flag_ok(in->resume) || !flag_ok(in->has_hardware_version) ||
        (in->has_flags && !in->has_target) || (in->has_hardware_version && !in->has_flags) ||
        (in->has_target && (in->fragment_size == 0 || in->fragment_size > ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_REQUEST_GET);
    wr_ident(&w, in->manufacturer_id, in->firmware_id, in->checksum);
    if (in->has_target) {
        zwh__wr_u8(&w, in->firmware_target);
        zwh__wr_u16(&w, in->fragment_size);
    }
    if (in->has_flags)
        zwh__wr_u8(&w, (uint8_t)(in->activation | in->non_secure << 1 | in->resume << 2));
    if (in->has_hardware_version)
        zwh__wr_u8(&w, in->hardware_version);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_request_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_request_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_REQUEST_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    rd_ident(&r, &out->manufacturer_id, &out->firmware_id, &out->checksum);
    if (zwh__rd_left(&r) >= 3) { /* V3 */
        out->has_target = 1;
        out->firmware_target = zwh__rd_u8(&r);
        out->fragment_size = zwh__rd_u16(&r);
        if (zwh__rd_left(&r) >= 1) { /* V4 */
            uint8_t b = zwh__rd_u8(&r);
            out->has_flags = 1;
            out->activation = b & 1;
            out->non_secure = b >> 1 & 1;
            out->resume = b >> 2 & 1;
        }
        if (zwh__rd_left(&r) >= 1) { /* V5 */
            out->has_hardware_version = 1;
            out->hardware_version = zwh__rd_u8(&r);
        }
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_request_report_encode(const zwh_firmware_update_request_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_flags) || !flag_ok(in->non_secure) || !flag_ok(in->resume))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_REQUEST_REPORT);
    zwh__wr_u8(&w, in->status);
    if (in->has_flags)
        zwh__wr_u8(&w, (uint8_t)(in->non_secure << 1 | in->resume << 2));
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_request_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_request_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_REQUEST_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->status = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 1) {
        uint8_t b = zwh__rd_u8(&r);
        out->has_flags = 1;
        out->non_secure = b >> 1 & 1;
        out->resume = b >> 2 & 1;
    }
    return zwh__cc_close(&r);
}

static bool report_number_ok(uint16_t n) { return n >= 1 && n <= ZWH_FIRMWARE_UPDATE_MAX_REPORT_NUMBER; }

ZWH_EXTERN int zwh_firmware_update_get_encode(const zwh_firmware_update_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->report_count == 0 || !report_number_ok(in->report_number))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_GET);
    zwh__wr_u8(&w, in->report_count);
    zwh__wr_u16(&w, in->report_number);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_GET))
        return ZWH_EBADMSG;
    out->report_count = zwh__rd_u8(&r);
    out->report_number = zwh__rd_u16(&r) & ZWH_FIRMWARE_UPDATE_MAX_REPORT_NUMBER;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_report_encode(const zwh_firmware_update_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->last) || !report_number_ok(in->report_number) || in->data_len == 0 ||
        in->data_len > ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_REPORT);
    zwh__wr_u16(&w, (uint16_t)(in->last << 15 | in->report_number));
    zwh__wr_bytes(&w, in->data, in->data_len);
    if (!zwh__wr_ok(&w))
        return ZWH_EMSGSIZE;
    zwh__wr_u16(&w, zwh__crc16(out, zwh__wr_len(&w)));
    return zwh__cc_end(&w);
}

/* Checks a Report's header, length and CRC without copying the fragment:
 * 0 with the report-number field and the data length, or ZWH_EBADMSG. */
static int report_check(const uint8_t *frame, size_t len, uint16_t *number_field, size_t *data_len)
{
    zwh__rd_t r;
    /* header, report number and CRC are 6 bytes */
    if (len < 6 || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_REPORT))
        return ZWH_EBADMSG;
    *data_len = len - 6;
    if (*data_len > ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT)
        return ZWH_EBADMSG;
    if (zwh__crc16(frame, len - 2) != (uint16_t)(frame[len - 2] << 8 | frame[len - 1]))
        return ZWH_EBADMSG;
    *number_field = zwh__rd_u16(&r);
    return 0;
}

ZWH_EXTERN int zwh_firmware_update_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_report_t *out)
{
    uint16_t n;
    size_t data_len;
    if (!out || report_check(frame, len, &n, &data_len) != 0)
        return ZWH_EBADMSG;
    out->last = (uint8_t)(n >> 15);
    out->report_number = n & ZWH_FIRMWARE_UPDATE_MAX_REPORT_NUMBER;
    out->data_len = (uint16_t)data_len;
    memcpy(out->data, frame + 4, data_len);
    return 0;
}

ZWH_EXTERN int zwh_firmware_update_status_report_encode(const zwh_firmware_update_status_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_wait_time))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_STATUS_REPORT);
    zwh__wr_u8(&w, in->status);
    if (in->has_wait_time)
        zwh__wr_u16(&w, in->wait_time);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_status_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_status_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_STATUS_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->status = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 2) { /* V3 */
        out->has_wait_time = 1;
        out->wait_time = zwh__rd_u16(&r);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_activation_set_encode(const zwh_firmware_update_activation_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_hardware_version))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_ACTIVATION_SET);
    wr_ident(&w, in->manufacturer_id, in->firmware_id, in->checksum);
    zwh__wr_u8(&w, in->firmware_target);
    if (in->has_hardware_version)
        zwh__wr_u8(&w, in->hardware_version);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_activation_set_decode(const uint8_t *frame, size_t len, zwh_firmware_update_activation_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_ACTIVATION_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    rd_ident(&r, &out->manufacturer_id, &out->firmware_id, &out->checksum);
    out->firmware_target = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 1) { /* V5 */
        out->has_hardware_version = 1;
        out->hardware_version = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_activation_status_report_encode(const zwh_firmware_update_activation_status_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !flag_ok(in->has_hardware_version))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_ACTIVATION_STATUS_REPORT);
    wr_ident(&w, in->manufacturer_id, in->firmware_id, in->checksum);
    zwh__wr_u8(&w, in->firmware_target);
    zwh__wr_u8(&w, in->activation_status);
    if (in->has_hardware_version)
        zwh__wr_u8(&w, in->hardware_version);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_activation_status_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_activation_status_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_ACTIVATION_STATUS_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    rd_ident(&r, &out->manufacturer_id, &out->firmware_id, &out->checksum);
    out->firmware_target = zwh__rd_u8(&r);
    out->activation_status = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 1) { /* V5 */
        out->has_hardware_version = 1;
        out->hardware_version = zwh__rd_u8(&r);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_prepare_get_encode(const zwh_firmware_update_prepare_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->fragment_size == 0 || in->fragment_size > ZWH_FIRMWARE_UPDATE_MAX_FRAGMENT)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_PREPARE_GET);
    zwh__wr_u16(&w, in->manufacturer_id);
    zwh__wr_u16(&w, in->firmware_id);
    zwh__wr_u8(&w, in->firmware_target);
    zwh__wr_u16(&w, in->fragment_size);
    zwh__wr_u8(&w, in->hardware_version);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_prepare_get_decode(const uint8_t *frame, size_t len, zwh_firmware_update_prepare_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_PREPARE_GET))
        return ZWH_EBADMSG;
    out->manufacturer_id = zwh__rd_u16(&r);
    out->firmware_id = zwh__rd_u16(&r);
    out->firmware_target = zwh__rd_u8(&r);
    out->fragment_size = zwh__rd_u16(&r);
    out->hardware_version = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_firmware_update_prepare_report_encode(const zwh_firmware_update_prepare_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_FIRMWARE_UPDATE_PREPARE_REPORT);
    zwh__wr_u8(&w, in->status);
    zwh__wr_u16(&w, in->checksum);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_firmware_update_prepare_report_decode(const uint8_t *frame, size_t len, zwh_firmware_update_prepare_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_FIRMWARE_UPDATE_PREPARE_REPORT))
        return ZWH_EBADMSG;
    out->status = zwh__rd_u8(&r);
    out->checksum = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

/* --- formatter --- */

static void fmt_ident(zwh__fmt_t *f, uint16_t mfr, uint16_t fw, uint16_t sum)
{
    zwh__fmt_printf(f, " manufacturer=0x%04x firmware=0x%04x checksum=0x%04x", mfr, fw, sum);
}

static int fmt_md_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_meta_data_report_t rep;
    if (zwh_firmware_update_meta_data_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_ident(f, rep.manufacturer_id, rep.firmware_id, rep.checksum);
    if (rep.has_targets) {
        zwh__fmt_printf(f, " upgradable=%s max_fragment=%u", rep.upgradable ? "yes" : "no", rep.max_fragment_size);
        for (size_t i = 0; i < rep.target_count; i++)
            zwh__fmt_printf(f, " target%zu=0x%04x", i + 1, rep.target_firmware_ids[i]);
    }
    if (rep.has_hardware_version)
        zwh__fmt_printf(f, " hardware=%u", rep.hardware_version);
    if (rep.has_capabilities)
        zwh__fmt_printf(f, "%s%s%s%s", rep.continues_to_function ? " continues-to-function" : "",
                        rep.activation ? " activation" : "", rep.non_secure ? " non-secure" : "",
                        rep.resume ? " resume" : "");
    return 0;
}

static int fmt_request_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_request_get_t g;
    if (zwh_firmware_update_request_get_decode(frame, len, &g) != 0)
        return -1;
    fmt_ident(f, g.manufacturer_id, g.firmware_id, g.checksum);
    if (g.has_target)
        zwh__fmt_printf(f, " target=%u fragment=%u", g.firmware_target, g.fragment_size);
    if (g.has_flags)
        zwh__fmt_printf(f, "%s%s%s", g.activation ? " activation" : "", g.non_secure ? " non-secure" : "",
                        g.resume ? " resume" : "");
    if (g.has_hardware_version)
        zwh__fmt_printf(f, " hardware=%u", g.hardware_version);
    return 0;
}

static const char *const request_status[] = {
    "invalid-id", "auth-expected", "fragment-too-large", "not-upgradable",
    "invalid-hardware-version", "transfer-ongoing", "battery-low",
};

static void fmt_request_status(zwh__fmt_t *f, uint8_t s)
{
    if (s == ZWH_FIRMWARE_REQUEST_OK)
        zwh__fmt_printf(f, " status=ok");
    else if (s < ZWH__COUNT(request_status))
        zwh__fmt_printf(f, " status=%s", request_status[s]);
    else
        zwh__fmt_printf(f, " status=0x%02x", s);
}

static int fmt_request_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_request_report_t rep;
    if (zwh_firmware_update_request_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_request_status(f, rep.status);
    zwh__fmt_printf(f, "%s%s", rep.non_secure ? " non-secure" : "", rep.resume ? " resume" : "");
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_get_t g;
    if (zwh_firmware_update_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " count=%u from=%u", g.report_count, g.report_number);
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    uint16_t n;
    size_t data_len;
    if (report_check(frame, len, &n, &data_len) != 0)
        return -1;
    zwh__fmt_printf(f, " number=%u%s bytes=%zu", n & ZWH_FIRMWARE_UPDATE_MAX_REPORT_NUMBER,
                    n >> 15 ? " last" : "", data_len);
    return 0;
}

static const char *const status_names[] = {
    "checksum-error", "download-failed", "invalid-manufacturer", "invalid-firmware-id",
    "invalid-target", "invalid-header", "invalid-header-format", "insufficient-memory",
    "invalid-hardware-version",
};

static int fmt_status_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_status_report_t rep;
    if (zwh_firmware_update_status_report_decode(frame, len, &rep) != 0)
        return -1;
    if (rep.status < ZWH__COUNT(status_names))
        zwh__fmt_printf(f, " status=%s", status_names[rep.status]);
    else if (rep.status == ZWH_FIRMWARE_STATUS_OK_WAITING_ACTIVATION)
        zwh__fmt_printf(f, " status=ok-waiting-activation");
    else if (rep.status == ZWH_FIRMWARE_STATUS_OK_NO_RESTART)
        zwh__fmt_printf(f, " status=ok-no-restart");
    else if (rep.status == ZWH_FIRMWARE_STATUS_OK_RESTART)
        zwh__fmt_printf(f, " status=ok-restart");
    else
        zwh__fmt_printf(f, " status=0x%02x", rep.status);
    if (rep.has_wait_time)
        zwh__fmt_printf(f, " wait=%us", rep.wait_time);
    return 0;
}

static int fmt_activation_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_activation_set_t s;
    if (zwh_firmware_update_activation_set_decode(frame, len, &s) != 0)
        return -1;
    fmt_ident(f, s.manufacturer_id, s.firmware_id, s.checksum);
    zwh__fmt_printf(f, " target=%u", s.firmware_target);
    if (s.has_hardware_version)
        zwh__fmt_printf(f, " hardware=%u", s.hardware_version);
    return 0;
}

static int fmt_activation_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_activation_status_report_t rep;
    if (zwh_firmware_update_activation_status_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_ident(f, rep.manufacturer_id, rep.firmware_id, rep.checksum);
    zwh__fmt_printf(f, " target=%u status=%s", rep.firmware_target,
                    rep.activation_status == 0xFF   ? "success"
                    : rep.activation_status == 0x01 ? "error"
                    : rep.activation_status == 0x00 ? "invalid-id"
                                                    : "reserved");
    if (rep.has_hardware_version)
        zwh__fmt_printf(f, " hardware=%u", rep.hardware_version);
    return 0;
}

static int fmt_prepare_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_prepare_get_t g;
    if (zwh_firmware_update_prepare_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " manufacturer=0x%04x firmware=0x%04x target=%u fragment=%u hardware=%u",
                    g.manufacturer_id, g.firmware_id, g.firmware_target, g.fragment_size, g.hardware_version);
    return 0;
}

static int fmt_prepare_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_firmware_update_prepare_report_t rep;
    if (zwh_firmware_update_prepare_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_request_status(f, rep.status);
    zwh__fmt_printf(f, " checksum=0x%04x", rep.checksum);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_FIRMWARE_UPDATE_META_DATA_GET, "MetaDataGet", NULL},
    {ZWH_FIRMWARE_UPDATE_META_DATA_REPORT, "MetaDataReport", fmt_md_report},
    {ZWH_FIRMWARE_UPDATE_REQUEST_GET, "RequestGet", fmt_request_get},
    {ZWH_FIRMWARE_UPDATE_REQUEST_REPORT, "RequestReport", fmt_request_report},
    {ZWH_FIRMWARE_UPDATE_GET, "Get", fmt_get},
    {ZWH_FIRMWARE_UPDATE_REPORT, "Report", fmt_report},
    {ZWH_FIRMWARE_UPDATE_STATUS_REPORT, "StatusReport", fmt_status_report},
    {ZWH_FIRMWARE_UPDATE_ACTIVATION_SET, "ActivationSet", fmt_activation_set},
    {ZWH_FIRMWARE_UPDATE_ACTIVATION_STATUS_REPORT, "ActivationStatusReport", fmt_activation_report},
    {ZWH_FIRMWARE_UPDATE_PREPARE_GET, "PrepareGet", fmt_prepare_get},
    {ZWH_FIRMWARE_UPDATE_PREPARE_REPORT, "PrepareReport", fmt_prepare_report},
};

const zwh__cc_desc_t zwh__cc_firmware_update = {
    .id = CC, .name = "FirmwareUpdateMetaData", .version = 5, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
