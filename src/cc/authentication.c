/* Authentication command class, version 1. */
#include "zwhost/cc/authentication.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"

#define CC ZWH_CC_AUTHENTICATION

static const zwh__cc_name_t fallback_names[] = {
    {ZWH_AUTHENTICATION_AVAILABLE, "available"},
    {ZWH_AUTHENTICATION_ENABLED, "enabled"},
    {ZWH_AUTHENTICATION_DISABLED, "disabled"},
    {ZWH_AUTHENTICATION_MESSAGING, "messaging"},
    {ZWH_AUTHENTICATION_PASSAGE, "passage"},
};

ZWH_EXTERN int zwh_authentication_capability_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_AUTHENTICATION_CAPABILITY_GET, out, cap);
}

ZWH_EXTERN int zwh_authentication_capability_report_encode(const zwh_authentication_capability_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->mar > 1 || in->madr > 1 || in->or_logic > 1 || in->tech_mask_len > sizeof in->tech_mask ||
        in->fallback_mask_len > sizeof in->fallback_mask)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_AUTHENTICATION_CAPABILITY_REPORT);
    zwh__wr_u16(&w, in->data_ids);
    zwh__wr_u16(&w, in->auth_ids);
    zwh__wr_u8(&w, (uint8_t)(in->mar << 7 | in->madr << 6 | in->or_logic << 5 | in->tech_mask_len));
    zwh__wr_bytes(&w, in->tech_mask, in->tech_mask_len);
    zwh__wr_u8(&w, in->checksum_mask);
    zwh__wr_u8(&w, in->fallback_mask_len);
    zwh__wr_bytes(&w, in->fallback_mask, in->fallback_mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_authentication_capability_report_decode(const uint8_t *frame, size_t len, zwh_authentication_capability_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_AUTHENTICATION_CAPABILITY_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->data_ids = zwh__rd_u16(&r);
    out->auth_ids = zwh__rd_u16(&r);
    uint8_t p = zwh__rd_u8(&r);
    out->mar = p >> 7;
    out->madr = (p >> 6) & 1;
    out->or_logic = (p >> 5) & 1;
    out->tech_mask_len = p & 0x0F;
    zwh__rd_copy(&r, out->tech_mask, out->tech_mask_len);
    out->checksum_mask = zwh__rd_u8(&r);
    out->fallback_mask_len = zwh__rd_u8(&r) & 0x1F;
    zwh__rd_copy(&r, out->fallback_mask, out->fallback_mask_len);
    return zwh__cc_close(&r);
}

/* ---- Authentication Data ---- */

static bool data_ok(const zwh_authentication_data_t *d)
{
    return d->tech_type <= 0x0F && d->data_len <= ZWH_AUTHENTICATION_MAX_DATA && (d->data_id != 0 || d->data_len == 0);
}
static void data_write(zwh__wr_t *w, const zwh_authentication_data_t *d)
{
    zwh__wr_u16(w, d->data_id);
    zwh__wr_u8(w, d->tech_type);
    zwh__wr_u8(w, d->data_len);
    zwh__wr_bytes(w, d->data, d->data_len);
}
static void data_read(zwh__rd_t *r, zwh_authentication_data_t *d)
{
    d->data_id = zwh__rd_u16(r);
    d->tech_type = zwh__rd_u8(r) & 0x0F;
    uint8_t n = zwh__rd_u8(r);
    if (n > ZWH_AUTHENTICATION_MAX_DATA) {
        r->err = true; /* longer than this library carries */
        return;
    }
    d->data_len = n;
    zwh__rd_copy(r, d->data, n);
}

ZWH_EXTERN int zwh_authentication_data_set_encode(const zwh_authentication_data_t *in, uint8_t *out, size_t cap)
{
    if (!in || !data_ok(in))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_AUTHENTICATION_DATA_SET);
    data_write(&w, in);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_authentication_data_set_decode(const uint8_t *frame, size_t len, zwh_authentication_data_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_AUTHENTICATION_DATA_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    data_read(&r, out);
    return zwh__cc_close(&r);
}

static int get_encode(uint8_t cmd, const zwh_authentication_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->report_more > 1)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u16(&w, in->id);
    zwh__wr_u8(&w, in->report_more);
    return zwh__cc_end(&w);
}
static int get_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_authentication_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    out->id = zwh__rd_u16(&r);
    out->report_more = zwh__rd_u8(&r) & 1;
    return zwh__cc_close(&r);
}
ZWH__CC_SHARED_CODEC(authentication_data_get, zwh_authentication_get_t, ZWH_AUTHENTICATION_DATA_GET, get_encode, get_decode)
ZWH__CC_SHARED_CODEC(authentication_combination_get, zwh_authentication_get_t, ZWH_AUTHENTICATION_COMBINATION_GET, get_encode, get_decode)

ZWH_EXTERN int zwh_authentication_data_report_encode(const zwh_authentication_data_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0 || in->count > ZWH_AUTHENTICATION_MAX_BLOCKS)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (!data_ok(&in->blocks[i]))
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_AUTHENTICATION_DATA_REPORT);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++)
        data_write(&w, &in->blocks[i]);
    zwh__wr_u16(&w, in->next_data_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_authentication_data_report_decode(const uint8_t *frame, size_t len, zwh_authentication_data_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_AUTHENTICATION_DATA_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_AUTHENTICATION_MAX_BLOCKS)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++)
        data_read(&r, &out->blocks[i]);
    out->next_data_id = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

/* ---- Technologies Combination ---- */

static bool comb_ok(const zwh_authentication_combination_t *c)
{
    return c->fallback_status <= ZWH_AUTHENTICATION_PASSAGE && c->or_logic <= 1 &&
           c->ndata <= ZWH_AUTHENTICATION_MAX_DATA_IDS;
}
/* the fields after the Authentication ID */
static void comb_write(zwh__wr_t *w, const zwh_authentication_combination_t *c)
{
    zwh__wr_u8(w, c->fallback_status);
    zwh__wr_u16(w, c->user_id);
    zwh__wr_u16(w, c->schedule_id);
    zwh__wr_u8(w, (uint8_t)(c->or_logic << 7 | c->ndata));
    for (size_t i = 0; i < c->ndata; i++)
        zwh__wr_u16(w, c->data_ids[i]);
}
static void comb_read(zwh__rd_t *r, zwh_authentication_combination_t *c)
{
    c->fallback_status = zwh__rd_u8(r);
    c->user_id = zwh__rd_u16(r);
    c->schedule_id = zwh__rd_u16(r);
    uint8_t p = zwh__rd_u8(r);
    c->or_logic = p >> 7;
    uint8_t n = p & 0x7F;
    if (n > ZWH_AUTHENTICATION_MAX_DATA_IDS) {
        r->err = true;
        return;
    }
    c->ndata = n;
    for (size_t i = 0; i < n; i++)
        c->data_ids[i] = zwh__rd_u16(r);
}

ZWH_EXTERN int zwh_authentication_combination_set_encode(const zwh_authentication_combination_t *in, uint8_t *out, size_t cap)
{
    if (!in || !comb_ok(in))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_AUTHENTICATION_COMBINATION_SET);
    zwh__wr_u16(&w, in->auth_id);
    comb_write(&w, in);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_authentication_combination_set_decode(const uint8_t *frame, size_t len, zwh_authentication_combination_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_AUTHENTICATION_COMBINATION_SET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->auth_id = zwh__rd_u16(&r);
    comb_read(&r, out);
    return zwh__cc_close(&r);
}

#define BLOCK_FIXED 9 /* length, id, fallback, user, schedule, or/count */

ZWH_EXTERN int zwh_authentication_combination_report_encode(const zwh_authentication_combination_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->count == 0 || in->count > ZWH_AUTHENTICATION_MAX_BLOCKS)
        return ZWH_EINVAL;
    for (size_t i = 0; i < in->count; i++)
        if (!comb_ok(&in->blocks[i]))
            return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_AUTHENTICATION_COMBINATION_REPORT);
    zwh__wr_u8(&w, in->count);
    for (size_t i = 0; i < in->count; i++) {
        const zwh_authentication_combination_t *c = &in->blocks[i];
        zwh__wr_u8(&w, (uint8_t)(BLOCK_FIXED + 2 * c->ndata)); /* block length, itself included */
        zwh__wr_u16(&w, c->auth_id);
        comb_write(&w, c);
    }
    zwh__wr_u16(&w, in->next_auth_id);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_authentication_combination_report_decode(const uint8_t *frame, size_t len, zwh_authentication_combination_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_AUTHENTICATION_COMBINATION_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = zwh__rd_u8(&r);
    if (out->count > ZWH_AUTHENTICATION_MAX_BLOCKS)
        return ZWH_EBADMSG;
    for (size_t i = 0; i < out->count; i++) {
        size_t start = r.pos;
        uint8_t blen = zwh__rd_u8(&r);
        zwh_authentication_combination_t *c = &out->blocks[i];
        c->auth_id = zwh__rd_u16(&r);
        comb_read(&r, c);
        size_t used = r.pos - start;
        /* the block length must cover the fields; newer versions may append more */
        if (!zwh__rd_ok(&r) || blen < used || !zwh__rd_skip(&r, blen - used))
            return ZWH_EBADMSG;
    }
    out->next_auth_id = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}

/* ---- Checksum ---- */

static int checksum_encode(uint8_t cmd, const zwh_authentication_checksum_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->checksum_type > 7 || in->tech_type > 15)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, cmd);
    zwh__wr_u8(&w, (uint8_t)(in->checksum_type << 4 | in->tech_type));
    if (cmd == ZWH_AUTHENTICATION_CHECKSUM_REPORT)
        zwh__wr_u16(&w, in->checksum);
    return zwh__cc_end(&w);
}
static int checksum_decode(uint8_t cmd, const uint8_t *frame, size_t len, zwh_authentication_checksum_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, cmd))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    uint8_t p = zwh__rd_u8(&r);
    out->checksum_type = (p >> 4) & 0x07;
    out->tech_type = p & 0x0F;
    if (cmd == ZWH_AUTHENTICATION_CHECKSUM_REPORT)
        out->checksum = zwh__rd_u16(&r);
    return zwh__cc_close(&r);
}
ZWH__CC_SHARED_CODEC(authentication_checksum_get, zwh_authentication_checksum_t, ZWH_AUTHENTICATION_CHECKSUM_GET, checksum_encode, checksum_decode)
ZWH__CC_SHARED_CODEC(authentication_checksum_report, zwh_authentication_checksum_t, ZWH_AUTHENTICATION_CHECKSUM_REPORT, checksum_encode, checksum_decode)

/* ---- formatter ---- */

static int fmt_caps(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_capability_report_t c;
    if (zwh_authentication_capability_report_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " data_ids=%u auth_ids=%u mar=%u madr=%u or=%u technologies=", c.data_ids, c.auth_ids,
                    c.mar, c.madr, c.or_logic);
    zwh__cc_fmt_mask(f, c.tech_mask, c.tech_mask_len, 0);
    zwh__fmt_printf(f, " checksums=");
    zwh__cc_fmt_mask(f, &c.checksum_mask, 1, 0);
    zwh__fmt_printf(f, " fallbacks=");
    zwh__cc_fmt_mask(f, c.fallback_mask, c.fallback_mask_len, 0);
    return 0;
}

static void fmt_data(zwh__fmt_t *f, const zwh_authentication_data_t *d)
{
    zwh__fmt_printf(f, " data_id=%u technology=%u data=", d->data_id, d->tech_type);
    zwh__fmt_hex(f, d->data, d->data_len);
}

static int fmt_data_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_data_t d;
    if (zwh_authentication_data_set_decode(frame, len, &d) != 0)
        return -1;
    fmt_data(f, &d);
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_get_t g;
    if (get_decode(frame[1], frame, len, &g) != 0)
        return -1;
    zwh__fmt_printf(f, " id=%u report_more=%u", g.id, g.report_more);
    return 0;
}

static int fmt_data_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_data_report_t rep;
    if (zwh_authentication_data_report_decode(frame, len, &rep) != 0)
        return -1;
    for (size_t i = 0; i < rep.count; i++) {
        zwh__fmt_printf(f, " [");
        fmt_data(f, &rep.blocks[i]);
        zwh__fmt_printf(f, " ]");
    }
    zwh__fmt_printf(f, " next=%u", rep.next_data_id);
    return 0;
}

static void fmt_comb(zwh__fmt_t *f, const zwh_authentication_combination_t *c)
{
    zwh__fmt_printf(f, " auth_id=%u fallback=", c->auth_id);
    zwh__cc_fmt_name(f, fallback_names, ZWH__COUNT(fallback_names), c->fallback_status);
    zwh__fmt_printf(f, " user=%u schedule=%u logic=%s data_ids=[", c->user_id, c->schedule_id,
                    c->or_logic ? "or" : "and");
    for (size_t i = 0; i < c->ndata; i++)
        zwh__fmt_printf(f, i ? ",%u" : "%u", c->data_ids[i]);
    zwh__fmt_printf(f, "]");
}

static int fmt_comb_set(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_combination_t c;
    if (zwh_authentication_combination_set_decode(frame, len, &c) != 0)
        return -1;
    fmt_comb(f, &c);
    return 0;
}

static int fmt_comb_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_combination_report_t rep;
    if (zwh_authentication_combination_report_decode(frame, len, &rep) != 0)
        return -1;
    for (size_t i = 0; i < rep.count; i++) {
        zwh__fmt_printf(f, " [");
        fmt_comb(f, &rep.blocks[i]);
        zwh__fmt_printf(f, " ]");
    }
    zwh__fmt_printf(f, " next=%u", rep.next_auth_id);
    return 0;
}

static int fmt_checksum(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_authentication_checksum_t c;
    if (checksum_decode(frame[1], frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " type=%s technology=%u",
                    c.checksum_type == 0 ? "data" : c.checksum_type == 1 ? "combinations" : "reserved", c.tech_type);
    if (frame[1] == ZWH_AUTHENTICATION_CHECKSUM_REPORT)
        zwh__fmt_printf(f, " checksum=0x%04x", c.checksum);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_AUTHENTICATION_CAPABILITY_GET, "CapabilityGet", NULL},
    {ZWH_AUTHENTICATION_CAPABILITY_REPORT, "CapabilityReport", fmt_caps},
    {ZWH_AUTHENTICATION_DATA_SET, "DataSet", fmt_data_set},
    {ZWH_AUTHENTICATION_DATA_GET, "DataGet", fmt_get},
    {ZWH_AUTHENTICATION_DATA_REPORT, "DataReport", fmt_data_report},
    {ZWH_AUTHENTICATION_COMBINATION_SET, "CombinationSet", fmt_comb_set},
    {ZWH_AUTHENTICATION_COMBINATION_GET, "CombinationGet", fmt_get},
    {ZWH_AUTHENTICATION_COMBINATION_REPORT, "CombinationReport", fmt_comb_report},
    {ZWH_AUTHENTICATION_CHECKSUM_GET, "ChecksumGet", fmt_checksum},
    {ZWH_AUTHENTICATION_CHECKSUM_REPORT, "ChecksumReport", fmt_checksum},
};

const zwh__cc_desc_t zwh__cc_authentication = {
    .id = CC, .name = "Authentication", .version = 1, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
