/* User Code command class, version 2. */
#include "zwhost/cc/user_code.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_USER_CODE

static const zwh__cc_name_t status_names[] = {
    {ZWH_USER_CODE_STATUS_AVAILABLE, "available"},
    {ZWH_USER_CODE_STATUS_ENABLED, "enabled"},
    {ZWH_USER_CODE_STATUS_DISABLED, "disabled"},
    {ZWH_USER_CODE_STATUS_MESSAGING, "messaging"},
    {ZWH_USER_CODE_STATUS_PASSAGE, "passage"},
    {ZWH_USER_CODE_STATUS_NOT_AVAILABLE, "not_available"},
};

static const zwh__cc_name_t keypad_names[] = {
    {ZWH_USER_CODE_KEYPAD_NORMAL, "normal"},
    {ZWH_USER_CODE_KEYPAD_VACATION, "vacation"},
    {ZWH_USER_CODE_KEYPAD_PRIVACY, "privacy"},
    {ZWH_USER_CODE_KEYPAD_LOCKED_OUT, "locked_out"},
};

/* A code a controller sends: 4..10 ASCII digits. */
static bool digits_ok(const uint8_t *code, uint8_t len)
{
    if (len < ZWH_USER_CODE_MIN_LEN || len > ZWH_USER_CODE_MAX_LEN)
        return false;
    for (size_t i = 0; i < len; i++)
        if (code[i] < '0' || code[i] > '9')
            return false;
    return true;
}
static bool in_use(uint8_t status) { return status >= ZWH_USER_CODE_STATUS_ENABLED && status <= ZWH_USER_CODE_STATUS_PASSAGE; }
static bool set_status_ok(uint8_t s) { return s <= ZWH_USER_CODE_STATUS_PASSAGE; }
static bool report_status_ok(uint8_t s) { return set_status_ok(s) || s == ZWH_USER_CODE_STATUS_NOT_AVAILABLE; }

/* ---- User Code Set / Report (1-byte ids) ---- */

static int code_encode(uint8_t cmd, const zwh_user_code_t *in, uint8_t *out, size_t cap)
{
    bool set = cmd == ZWH_USER_CODE_SET;
    if (!in || in->code_len > ZWH_USER_CODE_MAX_LEN || !(set ? set_status_ok(in->status) : report_status_ok(in->status)))
        return ZWH_EINVAL;
    if (in_use(in->status) && !digits_ok(in->code, in->code_len))
        return ZWH_EINVAL;
    if (set && in->user_id == 0 && in->status != ZWH_USER_CODE_STATUS_AVAILABLE)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->user_id);
    zwh__wr_u8(&w, in->status);
    if (in_use(in->status)) {
        zwh__wr_bytes(&w, in->code, in->code_len);
    } else if (set) {
        static const uint8_t zeros[4] = {0};
        zwh__wr_bytes(&w, zeros, sizeof zeros);
    } else {
        zwh__wr_bytes(&w, in->code, in->code_len);
    }
    return zwh__cc_end(&w);
}

static int code_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_user_code_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->user_id = zwh__rd_u8(&r);
    out->status = zwh__rd_u8(&r);
    size_t n = zwh__rd_left(&r);
    if (n > ZWH_USER_CODE_MAX_LEN)
        return ZWH_EBADMSG;
    out->code_len = (uint8_t)n;
    zwh__rd_copy(&r, out->code, n);
    return zwh__cc_close(&r);
}

ZWH__CC_SHARED_CODEC(user_code_set, zwh_user_code_t, ZWH_USER_CODE_SET, code_encode, code_decode)
ZWH__CC_SHARED_CODEC(user_code_report, zwh_user_code_t, ZWH_USER_CODE_REPORT, code_encode, code_decode)

ZWH_EXTERN int zwh_user_code_get_encode(const zwh_user_code_get_t *in, uint8_t *out, size_t cap)
{
    return in ? zwh__cc_encode_u8(CC, ZWH_USER_CODE_GET, in->user_id, out, cap) : ZWH_EINVAL;
}
ZWH_EXTERN int zwh_user_code_get_decode(const uint8_t *frame, size_t len, zwh_user_code_get_t *out)
{
    return zwh__cc_decode_u8(CC, ZWH_USER_CODE_GET, frame, len, out ? &out->user_id : NULL);
}

/* ---- Users Number ---- */

ZWH_EXTERN int zwh_user_code_users_number_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_USER_CODE_USERS_NUMBER_GET, out, cap);
}
ZWH_EXTERN int zwh_user_code_users_number_report_encode(const zwh_user_code_users_number_report_t *in, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_USER_CODE_USERS_NUMBER_REPORT);
    zwh__wr_u8(&w, in->supported_users);
    if (in->has_extended)
        zwh__wr_u16(&w, in->extended_supported_users);
    return zwh__cc_end(&w);
}
ZWH_EXTERN int zwh_user_code_users_number_report_decode(const uint8_t *frame, size_t len, zwh_user_code_users_number_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_USER_CODE_USERS_NUMBER_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->supported_users = zwh__rd_u8(&r);
    if (zwh__rd_left(&r) >= 2) { /* V2 */
        out->has_extended = 1;
        out->extended_supported_users = zwh__rd_u16(&r);
    }
    return zwh__cc_close(&r);
}

/* ---- Capabilities ---- */

ZWH_EXTERN int zwh_user_code_capabilities_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_USER_CODE_CAPABILITIES_GET, out, cap);
}

ZWH_EXTERN int zwh_user_code_capabilities_report_encode(const zwh_user_code_capabilities_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->admin_code > 1 || in->admin_code_deactivation > 1 || in->checksum > 1 ||
        in->multiple_report > 1 || in->multiple_set > 1 || in->keys_len > sizeof in->keys_mask)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_USER_CODE_CAPABILITIES_REPORT);
    zwh__wr_u8(&w, (uint8_t)(in->admin_code << 7 | in->admin_code_deactivation << 6 | 1));
    zwh__wr_u8(&w, in->status_mask);
    zwh__wr_u8(&w, (uint8_t)(in->checksum << 7 | in->multiple_report << 6 | in->multiple_set << 5 | 1));
    zwh__wr_u8(&w, in->keypad_modes_mask);
    zwh__wr_u8(&w, in->keys_len);
    zwh__wr_bytes(&w, in->keys_mask, in->keys_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_user_code_capabilities_report_decode(const uint8_t *frame, size_t len, zwh_user_code_capabilities_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_USER_CODE_CAPABILITIES_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->admin_code = p >> 7;
    out->admin_code_deactivation = (p >> 6) & 1;
    size_t n = p & 0x1F;
    const uint8_t *m = zwh__rd_take(&r, n);
    if (m && n)
        out->status_mask = m[0];
    p = zwh__rd_u8(&r);
    out->checksum = p >> 7;
    out->multiple_report = (p >> 6) & 1;
    out->multiple_set = (p >> 5) & 1;
    n = p & 0x1F;
    m = zwh__rd_take(&r, n);
    if (m && n)
        out->keypad_modes_mask = m[0];
    n = zwh__rd_u8(&r) & 0x1F;
    m = zwh__rd_take(&r, n);
    if (m) {
        out->keys_len = (uint8_t)(n < sizeof out->keys_mask ? n : sizeof out->keys_mask);
        memcpy(out->keys_mask, m, out->keys_len);
    }
    return zwh__cc_close(&r);
}

/* ---- Keypad Mode ---- */

static int keypad_encode(uint8_t cmd, const zwh_user_code_keypad_mode_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->mode > ZWH_USER_CODE_KEYPAD_LOCKED_OUT)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, cmd, in->mode, out, cap);
}
static int keypad_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_user_code_keypad_mode_t *out)
{
    return zwh__cc_decode_u8(CC, cmd, frame, len, out ? &out->mode : NULL);
}
ZWH__CC_SHARED_CODEC(user_code_keypad_mode_set, zwh_user_code_keypad_mode_t, ZWH_USER_CODE_KEYPAD_MODE_SET,
                     keypad_encode, keypad_decode)
ZWH__CC_SHARED_CODEC(user_code_keypad_mode_report, zwh_user_code_keypad_mode_t, ZWH_USER_CODE_KEYPAD_MODE_REPORT,
                     keypad_encode, keypad_decode)
ZWH_EXTERN int zwh_user_code_keypad_mode_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_USER_CODE_KEYPAD_MODE_GET, out, cap);
}

/* ---- Extended User Code (16-bit ids, several per command) ---- */

static bool entry_ok(const zwh_user_code_entry_t *e, bool set)
{
    if (e->code_len > ZWH_USER_CODE_MAX_LEN || !(set ? set_status_ok(e->status) : report_status_ok(e->status)))
        return false;
    if (in_use(e->status))
        return digits_ok(e->code, e->code_len);
    /* available (or not available): no code; user id 0 only to erase all */
    return e->code_len == 0;
}

static void entry_write(zwh__wr_t *w, const zwh_user_code_entry_t *e)
{
    zwh__wr_u16(w, e->user_id);
    zwh__wr_u8(w, e->status);
    zwh__wr_u8(w, e->code_len);
    zwh__wr_bytes(w, e->code, e->code_len);
}

static void entry_read(zwh__rd_t *r, zwh_user_code_entry_t *e)
{
    e->user_id = zwh__rd_u16(r);
    e->status = zwh__rd_u8(r);
    e->code_len = zwh__rd_u8(r) & 0x0F;
    if (e->code_len > ZWH_USER_CODE_MAX_LEN) {
        r->err = true; /* a length the class cannot carry */
        e->code_len = 0;
        return;
    }
    zwh__rd_copy(r, e->code, e->code_len);
}

ZWH_EXTERN int zwh_user_code_extended_set_encode(const zwh_user_code_extended_set_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0 || in->count > ZWH_USER_CODE_MAX_ENTRIES)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++) {
        const zwh_user_code_entry_t *e = &in->entries[i];
        if (!entry_ok(e, true) || (e->user_id == 0 && e->status != ZWH_USER_CODE_STATUS_AVAILABLE))
            return ZWH_EINVAL;
    }
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_USER_CODE_EXTENDED_SET);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++)
        entry_write(&w, &in->entries[i]);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_user_code_extended_set_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_set_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_USER_CODE_EXTENDED_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_USER_CODE_MAX_ENTRIES)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++)
        entry_read(&r, &out->entries[i]);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_user_code_extended_get_encode(const zwh_user_code_extended_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->report_more > 1)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_USER_CODE_EXTENDED_GET);
    zwh__wr_u16(&w, in->user_id);
    zwh__wr_u8(&w, in->report_more);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_user_code_extended_get_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_USER_CODE_EXTENDED_GET))
        return ZWH_EBADMSG;
    out->user_id = zwh__rd_u16(&r);
    out->report_more = zwh__rd_u8(&r) & 1;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_user_code_extended_report_encode(const zwh_user_code_extended_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count > ZWH_USER_CODE_MAX_ENTRIES)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (!entry_ok(&in->entries[i], false))
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_USER_CODE_EXTENDED_REPORT);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++)
        entry_write(&w, &in->entries[i]);
    zwh__wr_u16(&w, in->next_user_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_user_code_extended_report_decode(const uint8_t *frame, size_t len, zwh_user_code_extended_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_USER_CODE_EXTENDED_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_USER_CODE_MAX_ENTRIES)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++)
        entry_read(&r, &out->entries[i]);
    out->next_user_id = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

/* ---- Admin Code ---- */

static int admin_encode(uint8_t cmd, const zwh_user_code_admin_code_t *in, uint8_t *out, size_t cap)
{
    if (!in || (in->code_len != 0 && !digits_ok(in->code, in->code_len)))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, in->code_len);
    zwh__wr_bytes(&w, in->code, in->code_len);
    return zwh__cc_end(&w);
}
static int admin_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_user_code_admin_code_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->code_len = zwh__rd_u8(&r) & 0x0F;
    if (out->code_len > ZWH_USER_CODE_MAX_LEN)
        return ZWH_EBADMSG;
    zwh__rd_copy(&r, out->code, out->code_len);
    return zwh__cc_close(&r);
}
ZWH__CC_SHARED_CODEC(user_code_admin_code_set, zwh_user_code_admin_code_t, ZWH_USER_CODE_ADMIN_CODE_SET,
                     admin_encode, admin_decode)
ZWH__CC_SHARED_CODEC(user_code_admin_code_report, zwh_user_code_admin_code_t, ZWH_USER_CODE_ADMIN_CODE_REPORT,
                     admin_encode, admin_decode)
ZWH_EXTERN int zwh_user_code_admin_code_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_USER_CODE_ADMIN_CODE_GET, out, cap);
}

/* ---- Checksum ---- */

ZWH_EXTERN int zwh_user_code_checksum_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_USER_CODE_CHECKSUM_GET, out, cap);
}
ZWH_EXTERN int zwh_user_code_checksum_report_encode(const zwh_user_code_checksum_report_t *in, uint8_t *out, size_t cap)
{
    return in ? zwh__cc_encode_u16(CC, ZWH_USER_CODE_CHECKSUM_REPORT, in->checksum, out, cap) : ZWH_EINVAL;
}
ZWH_EXTERN int zwh_user_code_checksum_report_decode(const uint8_t *frame, size_t len, zwh_user_code_checksum_report_t *out)
{
    return zwh__cc_decode_u16(CC, ZWH_USER_CODE_CHECKSUM_REPORT, frame, len, out ? &out->checksum : NULL);
}

/* ---- formatter (renders codes in full: zwh_cc_format shows everything it is given) ---- */

static void fmt_status(zwh__fmt_t *f, uint8_t status)
{
    zwh__fmt_printf(f, " status=");
    zwh__cc_fmt_name(f, status_names, ZWH__COUNT(status_names), status);
}

static int fmt_code(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_t c;
    if (code_decode(frame[1], frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " user=%u", c.user_id);
    fmt_status(f, c.status);
    zwh__fmt_printf(f, " code=");
    zwh__cc_fmt_text(f, c.code, c.code_len);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_get_t g;
    if (zwh_user_code_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " user=%u", g.user_id);
    return 0;
}

static int fmt_users_number(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_users_number_report_t u;
    if (zwh_user_code_users_number_report_decode(frame, len, &u) != 0)
        return -1;
    zwh__fmt_printf(f, " users=%u", u.supported_users);
    if (u.has_extended)
        zwh__fmt_printf(f, " extended=%u", u.extended_supported_users);
    return 0;
}

static int fmt_caps(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_capabilities_report_t c;
    if (zwh_user_code_capabilities_report_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " admin=%u admin_deactivation=%u statuses=", c.admin_code, c.admin_code_deactivation);
    zwh__cc_fmt_mask(f, &c.status_mask, 1, 0);
    zwh__fmt_printf(f, " checksum=%u multi_report=%u multi_set=%u keypad_modes=", c.checksum,
                    c.multiple_report, c.multiple_set);
    zwh__cc_fmt_mask(f, &c.keypad_modes_mask, 1, 0);
    zwh__fmt_printf(f, " keys=\"");
    for (unsigned i = 0x20; i < 0x7F && i / 8 < c.keys_len; i++)
        if (c.keys_mask[i / 8] & (1u << (i % 8)))
            zwh__fmt_printf(f, "%c", (char)i);
    zwh__fmt_printf(f, "\"");
    return 0;
}

static int fmt_keypad(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_keypad_mode_t k;
    if (keypad_decode(frame[1], frame, len, &k) != 0)
        return -1;
    zwh__fmt_printf(f, " mode=");
    zwh__cc_fmt_name(f, keypad_names, ZWH__COUNT(keypad_names), k.mode);
    return 0;
}

static void fmt_entries(zwh__fmt_t *f, const zwh_user_code_entry_t *e, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        zwh__fmt_printf(f, " [user=%u", e[i].user_id);
        fmt_status(f, e[i].status);
        zwh__fmt_printf(f, " code=");
        zwh__cc_fmt_text(f, e[i].code, e[i].code_len);
        zwh__fmt_printf(f, "]");
    }
}

static int fmt_ext_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_extended_set_t s;
    if (zwh_user_code_extended_set_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " count=%u", s.count);
    fmt_entries(f, s.entries, s.count);
    return 0;
}

static int fmt_ext_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_extended_get_t g;
    if (zwh_user_code_extended_get_decode(frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " user=%u report_more=%u", g.user_id, g.report_more);
    return 0;
}

static int fmt_ext_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_extended_report_t rep;
    if (zwh_user_code_extended_report_decode(frame, len, &rep) != 0)
        return -1;
    zwh__fmt_printf(f, " count=%u", rep.count);
    fmt_entries(f, rep.entries, rep.count);
    zwh__fmt_printf(f, " next=%u", rep.next_user_id);
    return 0;
}

static int fmt_admin(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_admin_code_t a;
    if (admin_decode(frame[1], frame, len, &a) != 0)
        return -1;
    zwh__fmt_printf(f, " code=");
    zwh__cc_fmt_text(f, a.code, a.code_len);
    return 0;
}

static int fmt_checksum(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_user_code_checksum_report_t c;
    if (zwh_user_code_checksum_report_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " checksum=0x%04x", c.checksum);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_USER_CODE_SET, "Set", fmt_code},
    {ZWH_USER_CODE_GET, "Get", fmt_get},
    {ZWH_USER_CODE_REPORT, "Report", fmt_code},
    {ZWH_USER_CODE_USERS_NUMBER_GET, "UsersNumberGet", NULL},
    {ZWH_USER_CODE_USERS_NUMBER_REPORT, "UsersNumberReport", fmt_users_number},
    {ZWH_USER_CODE_CAPABILITIES_GET, "CapabilitiesGet", NULL},
    {ZWH_USER_CODE_CAPABILITIES_REPORT, "CapabilitiesReport", fmt_caps},
    {ZWH_USER_CODE_KEYPAD_MODE_SET, "KeypadModeSet", fmt_keypad},
    {ZWH_USER_CODE_KEYPAD_MODE_GET, "KeypadModeGet", NULL},
    {ZWH_USER_CODE_KEYPAD_MODE_REPORT, "KeypadModeReport", fmt_keypad},
    {ZWH_USER_CODE_EXTENDED_SET, "ExtendedSet", fmt_ext_set},
    {ZWH_USER_CODE_EXTENDED_GET, "ExtendedGet", fmt_ext_get},
    {ZWH_USER_CODE_EXTENDED_REPORT, "ExtendedReport", fmt_ext_report},
    {ZWH_USER_CODE_ADMIN_CODE_SET, "AdminCodeSet", fmt_admin},
    {ZWH_USER_CODE_ADMIN_CODE_GET, "AdminCodeGet", NULL},
    {ZWH_USER_CODE_ADMIN_CODE_REPORT, "AdminCodeReport", fmt_admin},
    {ZWH_USER_CODE_CHECKSUM_GET, "ChecksumGet", NULL},
    {ZWH_USER_CODE_CHECKSUM_REPORT, "ChecksumReport", fmt_checksum},
};

const zwh__cc_desc_t zwh__cc_user_code = {
    .id = CC, .name = "UserCode", .version = 2, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
