/* Node Provisioning QR code: "90" VV CCCCC KKK DSK(40) then TLV blocks, all decimal
 * digits. Checksum = first two bytes (big endian) of SHA-1 over the digits after
 * the checksum field. TLV type field = type << 1 | critical. */
#include "security/qr.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "security/crypto.h"
#include "security/dsk.h"
#include "zwhost/error.h"

#define OFF_VERSION 2
#define OFF_CHECKSUM 4
#define OFF_KEYS 9
#define OFF_DSK 12
#define OFF_TLV 52

typedef struct qr_cursor {
    const char *d; /* digits only */
    size_t n;
    zwh_qr_info_t *out;
    const char *why;
} qr_cursor_t;

static int bad(qr_cursor_t *c, const char *why)
{
    c->why = why;
    return ZWH_EQRCODE;
}

/* reads a 5-digit uint16 field; false if above 65535 */
static bool u16_at(const char *s, uint16_t *v)
{
    uint32_t x = 0;
    if (!zwh__digits_read(s, 5, &x) || x > 0xFFFF)
        return false;
    *v = (uint16_t)x;
    return true;
}

/* 8 x 5 digits -> 16 bytes, each group big endian */
static bool bytes16_at(const char *s, uint8_t *out)
{
    for (int g = 0; g < 8; g++) {
        uint16_t v;
        if (!u16_at(s + 5 * g, &v))
            return false;
        out[2 * g] = (uint8_t)(v >> 8);
        out[2 * g + 1] = (uint8_t)v;
    }
    return true;
}

/* ---- TLV blocks ---------------------------------------------------------- */

static int tlv_product_type(qr_cursor_t *c, const char *d, size_t n)
{
    uint16_t cls, icon;
    if (!u16_at(d, &cls) || !u16_at(d + 5, &icon))
        return bad(c, "product type block: value above 65535");
    c->out->has_product_type = 1;
    c->out->generic_device_class = (uint8_t)(cls >> 8);
    c->out->specific_device_class = (uint8_t)cls;
    c->out->installer_icon_type = icon;
    return 0;
}

static int tlv_product_id(qr_cursor_t *c, const char *d, size_t n)
{
    zwh_qr_info_t *o = c->out;
    if (!u16_at(d, &o->manufacturer_id) || !u16_at(d + 5, &o->product_type) ||
        !u16_at(d + 10, &o->product_id) || !u16_at(d + 15, &o->application_version))
        return bad(c, "product ID block: value above 65535");
    o->has_product_id = 1;
    return 0;
}

static int tlv_max_interval(qr_cursor_t *c, const char *d, size_t n)
{
    uint32_t v = 0;
    zwh__digits_read(d, 2, &v);
    if (v < 5)
        return bad(c, "max inclusion request interval below 5 (reserved)");
    c->out->has_max_inclusion_interval = 1;
    c->out->max_inclusion_interval_s = (uint16_t)(v * 128u);
    return 0;
}

static int tlv_uuid16(qr_cursor_t *c, const char *d, size_t n)
{
    uint32_t fmt = 0;
    zwh__digits_read(d, 2, &fmt);
    if (!bytes16_at(d + 2, c->out->uuid))
        return bad(c, "UUID16 block: value above 65535");
    c->out->has_uuid = 1;
    c->out->uuid_format = (uint8_t)fmt;
    return 0;
}

static int tlv_protocols(qr_cursor_t *c, const char *d, size_t n)
{
    uint32_t v = 0;
    zwh__digits_read(d, n, &v);
    if (v > 0xFFFF)
        return bad(c, "supported protocols block: value above 65535");
    c->out->has_supported_protocols = 1;
    c->out->supported_protocols = (uint16_t)v;
    return 0;
}

typedef struct tlv_kind {
    uint8_t type;
    uint8_t len[3]; /* accepted data lengths in digits (0 = unused slot) */
    int (*parse)(qr_cursor_t *c, const char *d, size_t n);
    size_t seen_off; /* offsetof the has_* flag, to refuse duplicates */
} tlv_kind_t;

static const tlv_kind_t k_tlv[] = {
    {0, {10, 0, 0}, tlv_product_type, offsetof(zwh_qr_info_t, has_product_type)},
    {1, {20, 0, 0}, tlv_product_id, offsetof(zwh_qr_info_t, has_product_id)},
    {2, {2, 0, 0}, tlv_max_interval, offsetof(zwh_qr_info_t, has_max_inclusion_interval)},
    {3, {42, 0, 0}, tlv_uuid16, offsetof(zwh_qr_info_t, has_uuid)},
    {4, {2, 3, 5}, tlv_protocols, offsetof(zwh_qr_info_t, has_supported_protocols)},
};

static int parse_tlvs(qr_cursor_t *c)
{
    size_t off = OFF_TLV;
    while (off < c->n) {
        uint32_t tc = 0, len = 0;
        if (c->n - off < 4)
            return bad(c, "truncated TLV block header");
        zwh__digits_read(c->d + off, 2, &tc);
        zwh__digits_read(c->d + off + 2, 2, &len);
        off += 4;
        if (c->n - off < len)
            return bad(c, "TLV block runs past the end of the code");
        const tlv_kind_t *k = NULL;
        for (size_t i = 0; i < sizeof k_tlv / sizeof k_tlv[0]; i++)
            if (k_tlv[i].type == tc >> 1)
                k = &k_tlv[i];
        if (!k) {
            if (tc & 1)
                return bad(c, "unsupported critical TLV block");
            c->out->unknown_blocks++;
        } else {
            if (len == 0 || (len != k->len[0] && len != k->len[1] && len != k->len[2]))
                return bad(c, "TLV block has the wrong length for its type");
            uint8_t *seen = (uint8_t *)c->out + k->seen_off;
            if (*seen)
                return bad(c, "TLV block type appears twice");
            int rc = k->parse(c, c->d + off, len);
            if (rc)
                return rc;
        }
        off += len;
    }
    return 0;
}

/* ---- the mandatory part -------------------------------------------------- */

static int parse_code(qr_cursor_t *c)
{
    zwh_qr_info_t *o = c->out;
    uint32_t v = 0;
    if (c->n < 2 || c->d[0] != '9' || c->d[1] != '0')
        return bad(c, "does not start with 90");
    if (c->n < ZWH__QR_MIN_DIGITS)
        return bad(c, "too short (at least 52 digits)");
    zwh__digits_read(c->d + OFF_VERSION, 2, &v);
    if (v > ZWH_QR_VERSION_SMARTSTART)
        return bad(c, "unsupported version (00 = S2, 01 = SmartStart)");
    o->version = (uint8_t)v;
    if (!u16_at(c->d + OFF_CHECKSUM, &o->checksum))
        return bad(c, "checksum field above 65535");
    uint8_t sha[ZWH__SHA1_LEN];
    if (zwh__sha1((const uint8_t *)c->d + OFF_KEYS, c->n - OFF_KEYS, sha) != 0)
        return bad(c, "checksum could not be computed");
    if ((uint16_t)(sha[0] << 8 | sha[1]) != o->checksum)
        return bad(c, "checksum mismatch");
    zwh__digits_read(c->d + OFF_KEYS, 3, &v);
    if (v > 0xFF || (v & ~(uint32_t)ZWH_KEY_ALL))
        return bad(c, "unknown security class requested");
    o->requested_keys = (uint8_t)v;
    if (!bytes16_at(c->d + OFF_DSK, o->dsk))
        return bad(c, "DSK group above 65535");
    int rc = parse_tlvs(c);
    if (rc)
        return rc;
    if (!o->has_product_type || !o->has_product_id)
        return bad(c, "product type or product ID block missing");
    return 0;
}

ZWH_EXTERN int zwh_qr_decode(const char *text, zwh_qr_info_t *out, const char **reason)
{
    if (!text || !out)
        return ZWH_EINVAL;
    char digits[ZWH__QR_MAX_DIGITS];
    qr_cursor_t c = {.d = digits, .n = 0, .out = out, .why = NULL};
    zwh_qr_info_t tmp;
    memset(&tmp, 0, sizeof tmp);
    c.out = &tmp;
    int rc = 0;
    for (const char *p = text; *p && rc == 0; p++) {
        if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
            continue;
        if (*p < '0' || *p > '9')
            rc = bad(&c, "contains a character that is not a digit");
        else if (c.n == sizeof digits)
            rc = bad(&c, "too long");
        else
            digits[c.n++] = *p;
    }
    if (rc == 0)
        rc = parse_code(&c);
    if (rc) {
        if (reason)
            *reason = c.why;
        return rc;
    }
    *out = tmp;
    return 0;
}

/* ---- UUID presentation -------------------------------------------------------- */

ZWH_EXTERN int zwh_qr_uuid_format(const zwh_qr_info_t *qr, char *out, size_t cap)
{
    if (!qr || !out)
        return ZWH_EINVAL;
    if (!qr->has_uuid)
        return ZWH_ENOENT;
    static const char *const prefix[] = {"", "", "sn:", "sn:", "UUID:", "UUID:"};
    uint8_t f = qr->uuid_format;
    bool ascii = f == ZWH_QR_UUID_ASCII || f == ZWH_QR_UUID_SN_ASCII || f == ZWH_QR_UUID_UUID_ASCII;
    char buf[48];
    size_t pos = 0;
    if (f < sizeof prefix / sizeof prefix[0]) {
        size_t pl = strlen(prefix[f]);
        memcpy(buf, prefix[f], pl);
        pos = pl;
    }
    for (size_t i = 0; i < 16; i++) {
        if (ascii) {
            uint8_t ch = qr->uuid[i];
            buf[pos++] = ch >= 0x20 && ch < 0x7F ? (char)ch : '?';
            continue;
        }
        if (f == ZWH_QR_UUID_RFC4122 && (i == 4 || i == 6 || i == 8 || i == 10))
            buf[pos++] = '-';
        pos += (size_t)snprintf(buf + pos, sizeof buf - pos, "%02x", qr->uuid[i]);
    }
    if (cap < pos + 1)
        return ZWH_EMSGSIZE;
    memcpy(out, buf, pos);
    out[pos] = '\0';
    return (int)pos;
}
