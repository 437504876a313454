/* The state file format (README.md, "State file"):
 *
 *   "ZWHSTATE" | u16 version | u16 compat | u32 body length | body | u32 CRC-32
 *
 * all big endian, the CRC-32 over everything before it. The body is a sequence of
 * records, each `u16 tag | u32 length | value`; node and provisioning records
 * nest fields in the same shape. Readers skip tags they do not know, and read
 * the known prefix of fixed-layout fields (later versions may append to them),
 * so adding data never needs a new format version. `compat` is the oldest
 * reader version that can still use the file; it only moves when a change would
 * make old readers misread it. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/state.h"
#include "util/bytes.h"
#include "util/crc32.h"
#include "zwhost/error.h"

static const uint8_t magic[8] = {'Z', 'W', 'H', 'S', 'T', 'A', 'T', 'E'};

#define TLV_HDR 6 /* u16 tag + u32 length */

/* record tags */
#define REC_CONTROLLER 0x0001
#define REC_NODE 0x0002
#define REC_PROVISION 0x0003

/* node fields */
#define NODE_ID 0x0001
#define NODE_PROTOCOL 0x0002
#define NODE_CCS 0x0003
#define NODE_SECURITY 0x0004
#define NODE_FLAGS 0x0005
#define NODE_S2_SEQ 0x0006
#define NODE_CACHE 0x0007

/* provisioning fields */
#define PROV_DSK 0x0001
#define PROV_ENTRY 0x0002
#define PROV_NAME 0x0003

/* sizes of the fixed-layout values this version writes (readers need at least these) */
#define CONTROLLER_LEN 6 /* home id u32, node id u16 */
#define PROTOCOL_LEN 17  /* see put_protocol */
#define SECURITY_LEN 2   /* granted, sec_flags */
#define FLAGS_LEN 4
#define ENTRY_LEN 5      /* requested, status, protocol, node id u16 */

/* ---- encoding ---- */

static uint8_t *tlv_open(zwh__wr_t *w, uint16_t tag)
{
    zwh__wr_u16(w, tag);
    return zwh__wr_reserve(w, 4);
}

static void tlv_close(zwh__wr_t *w, uint8_t *len_slot)
{
    if (!len_slot || !zwh__wr_ok(w))
        return;
    size_t n = zwh__wr_len(w) - (size_t)(len_slot + 4 - w->p);
    zwh__wr_t patch;
    zwh__wr_init(&patch, len_slot, 4);
    zwh__wr_u32(&patch, (uint32_t)n);
}

static void tlv_bytes(zwh__wr_t *w, uint16_t tag, const uint8_t *data, size_t len)
{
    zwh__wr_u16(w, tag);
    zwh__wr_u32(w, (uint32_t)len);
    zwh__wr_bytes(w, data, len);
}

static void put_protocol(zwh__wr_t *w, const zwh_node_info_t *f)
{
    uint8_t *slot = tlv_open(w, NODE_PROTOCOL);
    zwh__wr_u8(w, f->basic);
    zwh__wr_u8(w, f->generic);
    zwh__wr_u8(w, f->specific);
    zwh__wr_u8(w, f->listening);
    zwh__wr_u8(w, f->routing);
    zwh__wr_u8(w, f->beaming);
    zwh__wr_u16(w, f->flirs_ms);
    zwh__wr_u8(w, f->sleeping);
    zwh__wr_u8(w, f->controller);
    zwh__wr_u8(w, f->security_flag);
    zwh__wr_u8(w, f->protocol_version);
    zwh__wr_u8(w, f->long_range);
    zwh__wr_u32(w, f->max_speed);
    tlv_close(w, slot);
}

static void put_node(zwh__wr_t *w, const zwh__state_node_t *n)
{
    uint8_t *rec = tlv_open(w, REC_NODE);
    uint8_t *slot = tlv_open(w, NODE_ID);
    zwh__wr_u16(w, n->info.node_id);
    tlv_close(w, slot);
    put_protocol(w, &n->info);
    if (n->ccs_len)
        tlv_bytes(w, NODE_CCS, n->ccs, n->ccs_len);
    slot = tlv_open(w, NODE_SECURITY);
    zwh__wr_u8(w, n->granted);
    zwh__wr_u8(w, n->sec_flags);
    tlv_close(w, slot);
    slot = tlv_open(w, NODE_FLAGS);
    zwh__wr_u32(w, n->flags);
    tlv_close(w, slot);
    if (n->s2_seq_valid)
        tlv_bytes(w, NODE_S2_SEQ, &n->s2_tx_seq, 1);
    if (n->cache_len)
        tlv_bytes(w, NODE_CACHE, n->cache, n->cache_len);
    tlv_close(w, rec);
}

static void put_prov(zwh__wr_t *w, const zwh__state_prov_t *p)
{
    uint8_t *rec = tlv_open(w, REC_PROVISION);
    tlv_bytes(w, PROV_DSK, p->dsk, 16);
    uint8_t *slot = tlv_open(w, PROV_ENTRY);
    zwh__wr_u8(w, p->requested);
    zwh__wr_u8(w, p->status);
    zwh__wr_u8(w, p->protocol);
    zwh__wr_u16(w, p->node_id);
    tlv_close(w, slot);
    if (p->name && p->name[0])
        tlv_bytes(w, PROV_NAME, (const uint8_t *)p->name, strlen(p->name));
    tlv_close(w, rec);
}

/* An upper bound of the encoded size (optional fields counted as present). */
static size_t encoded_bound(const zwh__state_t *st)
{
    size_t n = ZWH__STATE_HEADER_LEN + ZWH__STATE_TRAILER_LEN + TLV_HDR + CONTROLLER_LEN;
    for (size_t i = 0; i < zwh__state_node_count(st); i++) {
        const zwh__state_node_t *nd = zwh__state_node_at(st, i);
        n += TLV_HDR + 7 * TLV_HDR + 2 + PROTOCOL_LEN + SECURITY_LEN + FLAGS_LEN + 1 +
             nd->ccs_len + nd->cache_len;
    }
    for (size_t i = 0; i < zwh__state_prov_count(st); i++) {
        const zwh__state_prov_t *p = zwh__state_prov_at(st, i);
        n += TLV_HDR + 3 * TLV_HDR + 16 + ENTRY_LEN + (p->name ? strlen(p->name) : 0);
    }
    return n;
}

int zwh__state_encode(const zwh__state_t *st, uint8_t **buf, size_t *len)
{
    if (!buf || !len)
        return ZWH_EINVAL;
    *buf = NULL;
    *len = 0;
    if (zwh__state_check(st, NULL, 0) != 0)
        return ZWH_EINVAL;
    size_t cap = encoded_bound(st);
    if (cap > ZWH__STATE_MAX_FILE)
        return ZWH_EMSGSIZE;
    uint8_t *p = malloc(cap);
    if (!p)
        return ZWH_ENOMEM;
    zwh__wr_t w;
    zwh__wr_init(&w, p, cap);
    zwh__wr_bytes(&w, magic, sizeof magic);
    zwh__wr_u16(&w, ZWH__STATE_FORMAT_VERSION);
    zwh__wr_u16(&w, ZWH__STATE_FORMAT_VERSION); /* compat: version 1 is the first */
    uint8_t *body_len = zwh__wr_reserve(&w, 4);

    uint32_t home_id;
    uint16_t own_id;
    zwh__state_get_controller(st, &home_id, &own_id);
    uint8_t *slot = tlv_open(&w, REC_CONTROLLER);
    zwh__wr_u32(&w, home_id);
    zwh__wr_u16(&w, own_id);
    tlv_close(&w, slot);
    for (size_t i = 0; i < zwh__state_node_count(st); i++)
        put_node(&w, zwh__state_node_at(st, i));
    for (size_t i = 0; i < zwh__state_prov_count(st); i++)
        put_prov(&w, zwh__state_prov_at(st, i));

    if (!zwh__wr_ok(&w)) { /* the bound is wrong: a bug, not a user error */
        free(p);
        return ZWH_EMSGSIZE;
    }
    size_t body = zwh__wr_len(&w) - ZWH__STATE_HEADER_LEN;
    zwh__wr_t patch;
    zwh__wr_init(&patch, body_len, 4);
    zwh__wr_u32(&patch, (uint32_t)body);
    zwh__wr_u32(&w, zwh__crc32(p, zwh__wr_len(&w)));
    *buf = p;
    *len = zwh__wr_len(&w);
    return 0;
}

/* ---- decoding ---- */

typedef struct dec {
    const uint8_t *base; /* start of the file, for offsets in messages */
    char *err;
    size_t errcap;
} dec_t;

static int bad_code(dec_t *d, int code, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int bad_code(dec_t *d, int code, const char *fmt, ...)
{
    if (d->err && d->errcap) {
        int n = snprintf(d->err, d->errcap, "state file: ");
        if (n > 0 && (size_t)n < d->errcap) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(d->err + n, d->errcap - (size_t)n, fmt, ap);
            va_end(ap);
        }
    }
    return code;
}

#define bad(d, ...) bad_code((d), ZWH_ESTATEFILE, __VA_ARGS__)

static size_t offset_of(const dec_t *d, const zwh__rd_t *r)
{
    return (size_t)(zwh__rd_ptr(r) - d->base);
}

/* Reads the next `tag length value` from r into *tag and *val. 1 = got one,
 * 0 = r is exhausted, negative = damaged (message set). */
static int tlv_next(dec_t *d, zwh__rd_t *r, const char *where, uint16_t *tag, zwh__rd_t *val,
                    size_t *off)
{
    size_t left = zwh__rd_left(r);
    if (left == 0)
        return 0;
    *off = offset_of(d, r);
    if (left < TLV_HDR)
        return bad(d, "%s at offset %zu: truncated record header (%zu of %d bytes)", where, *off,
                   left, TLV_HDR);
    *tag = zwh__rd_u16(r);
    uint32_t n = zwh__rd_u32(r);
    if (n > zwh__rd_left(r))
        return bad(d, "%s at offset %zu: tag 0x%04x claims %lu bytes, only %zu remain", where,
                   *off, (unsigned)*tag, (unsigned long)n, zwh__rd_left(r));
    zwh__rd_init(val, zwh__rd_take(r, n), n);
    return 1;
}

/* Checks a field for a minimum length and a first appearance. */
static int field_ok(dec_t *d, const char *what, unsigned id, size_t off, uint16_t tag,
                    const zwh__rd_t *val, size_t min, uint32_t *seen)
{
    if (tag < 32) {
        if (*seen & (1u << tag))
            return bad(d, "%s %u, offset %zu: field 0x%04x appears twice", what, id, off,
                       (unsigned)tag);
        *seen |= 1u << tag;
    }
    if (zwh__rd_left(val) < min)
        return bad(d, "%s %u, offset %zu: field 0x%04x has %zu bytes, needs %zu", what, id, off,
                   (unsigned)tag, zwh__rd_left(val), min);
    return 0;
}

/* Turns a byte-buffer setter's result into the decoder's (it refuses oversize). */
static int take_bytes(dec_t *d, unsigned id, size_t off, const zwh__rd_t *val, const char *what,
                      size_t max, int set_rc)
{
    if (set_rc == ZWH_EMSGSIZE)
        return bad(d, "node %u, offset %zu: %zu %s, at most %zu", id, off, zwh__rd_left(val),
                   what, max);
    return set_rc;
}

static void get_protocol(zwh__rd_t *v, zwh_node_info_t *f)
{
    f->basic = zwh__rd_u8(v);
    f->generic = zwh__rd_u8(v);
    f->specific = zwh__rd_u8(v);
    f->listening = zwh__rd_u8(v);
    f->routing = zwh__rd_u8(v);
    f->beaming = zwh__rd_u8(v);
    f->flirs_ms = zwh__rd_u16(v);
    f->sleeping = zwh__rd_u8(v);
    f->controller = zwh__rd_u8(v);
    f->security_flag = zwh__rd_u8(v);
    f->protocol_version = zwh__rd_u8(v);
    f->long_range = zwh__rd_u8(v);
    f->max_speed = zwh__rd_u32(v);
}

/* A record's fields are read in two passes: the id first (so every message
 * names the node), then everything else. */
static int find_field(dec_t *d, zwh__rd_t rec, const char *what, size_t rec_off,
                      uint16_t want, zwh__rd_t *out)
{
    uint16_t tag;
    zwh__rd_t val;
    size_t off;
    int rc;
    while ((rc = tlv_next(d, &rec, what, &tag, &val, &off)) > 0) {
        if (tag == want) {
            *out = val;
            return 0;
        }
    }
    if (rc < 0)
        return rc;
    return bad(d, "%s at offset %zu: required field 0x%04x is missing", what, rec_off,
               (unsigned)want);
}

static int decode_node(dec_t *d, zwh__state_t *st, zwh__rd_t rec, size_t rec_off)
{
    zwh__rd_t val;
    int rc = find_field(d, rec, "node record", rec_off, NODE_ID, &val);
    if (rc)
        return rc;
    if (zwh__rd_left(&val) < 2)
        return bad(d, "node record at offset %zu: node id field has %zu bytes, needs 2", rec_off,
                   zwh__rd_left(&val));
    uint16_t id = zwh__rd_u16(&val);
    zwh__state_node_t *n;
    rc = zwh__state_node_add(st, id, &n);
    if (rc == ZWH_EEXIST)
        return bad(d, "node record at offset %zu: node %u appears twice", rec_off, (unsigned)id);
    if (rc == ZWH_EINVAL)
        return bad(d, "node record at offset %zu: node id %u is out of range (1..%u)", rec_off,
                   (unsigned)id, ZWH__STATE_MAX_NODE_ID);
    if (rc)
        return rc;

    uint32_t seen = 0;
    uint16_t tag;
    size_t off;
    while ((rc = tlv_next(d, &rec, "node record", &tag, &val, &off)) > 0) {
        rc = 0;
        switch (tag) {
        case NODE_ID:
            rc = field_ok(d, "node", id, off, tag, &val, 2, &seen);
            break;
        case NODE_PROTOCOL:
            rc = field_ok(d, "node", id, off, tag, &val, PROTOCOL_LEN, &seen);
            if (!rc)
                get_protocol(&val, &n->info);
            break;
        case NODE_CCS:
            rc = field_ok(d, "node", id, off, tag, &val, 0, &seen);
            if (!rc)
                rc = take_bytes(d, id, off, &val, "command class bytes", ZWH__STATE_MAX_CCS,
                                zwh__state_node_set_ccs(n, zwh__rd_ptr(&val), zwh__rd_left(&val)));
            break;
        case NODE_SECURITY:
            rc = field_ok(d, "node", id, off, tag, &val, SECURITY_LEN, &seen);
            n->granted = zwh__rd_u8(&val);
            n->sec_flags = zwh__rd_u8(&val);
            break;
        case NODE_FLAGS:
            rc = field_ok(d, "node", id, off, tag, &val, FLAGS_LEN, &seen);
            n->flags = zwh__rd_u32(&val);
            break;
        case NODE_S2_SEQ:
            rc = field_ok(d, "node", id, off, tag, &val, 1, &seen);
            if (!rc)
                zwh__state_node_set_s2_tx_seq(n, zwh__rd_u8(&val));
            break;
        case NODE_CACHE:
            rc = field_ok(d, "node", id, off, tag, &val, 0, &seen);
            if (!rc)
                rc = take_bytes(d, id, off, &val, "bytes of interview cache", ZWH__STATE_MAX_CACHE,
                                zwh__state_node_set_cache(n, zwh__rd_ptr(&val), zwh__rd_left(&val)));
            break;
        default: /* a field from a later version */
            break;
        }
        if (rc)
            return rc;
    }
    return rc;
}

static int decode_prov(dec_t *d, zwh__state_t *st, zwh__rd_t rec, size_t rec_off)
{
    zwh__rd_t val;
    int rc = find_field(d, rec, "provisioning record", rec_off, PROV_DSK, &val);
    if (rc)
        return rc;
    if (zwh__rd_left(&val) != 16)
        return bad(d, "provisioning record at offset %zu: DSK has %zu bytes, needs 16", rec_off,
                   zwh__rd_left(&val));
    zwh__state_prov_t *p;
    rc = zwh__state_prov_add(st, zwh__rd_ptr(&val), &p);
    if (rc == ZWH_EEXIST)
        return bad(d, "provisioning record at offset %zu: the DSK appears twice", rec_off);
    if (rc == ZWH_ENOSPC)
        return bad(d, "provisioning record at offset %zu: more than %u entries", rec_off,
                   ZWH__STATE_MAX_PROVISION);
    if (rc)
        return rc;
    size_t index = zwh__state_prov_count(st);
    uint32_t seen = 0;
    uint16_t tag;
    size_t off;
    while ((rc = tlv_next(d, &rec, "provisioning record", &tag, &val, &off)) > 0) {
        rc = 0;
        switch (tag) {
        case PROV_DSK:
            rc = field_ok(d, "provisioning entry", (unsigned)index, off, tag, &val, 16, &seen);
            break;
        case PROV_ENTRY:
            rc = field_ok(d, "provisioning entry", (unsigned)index, off, tag, &val, ENTRY_LEN,
                          &seen);
            p->requested = zwh__rd_u8(&val);
            p->status = zwh__rd_u8(&val);
            p->protocol = zwh__rd_u8(&val);
            p->node_id = zwh__rd_u16(&val);
            break;
        case PROV_NAME: {
            rc = field_ok(d, "provisioning entry", (unsigned)index, off, tag, &val, 0, &seen);
            size_t n = zwh__rd_left(&val);
            const uint8_t *s = zwh__rd_ptr(&val);
            if (!rc && (n > ZWH__STATE_MAX_NAME || (n && memchr(s, 0, n))))
                rc = bad(d, "provisioning entry %zu, offset %zu: name is longer than %u bytes "
                         "or holds a NUL", index, off, ZWH__STATE_MAX_NAME);
            if (!rc && n) {
                char name[ZWH__STATE_MAX_NAME + 1];
                memcpy(name, s, n);
                name[n] = '\0';
                rc = zwh__state_prov_set_name(p, name);
            }
            break;
        }
        default:
            break;
        }
        if (rc)
            return rc;
    }
    return rc;
}

static int decode_body(dec_t *d, zwh__state_t *st, zwh__rd_t *body)
{
    bool controller_seen = false;
    uint16_t tag;
    zwh__rd_t val;
    size_t off;
    int rc;
    while ((rc = tlv_next(d, body, "body", &tag, &val, &off)) > 0) {
        rc = 0;
        switch (tag) {
        case REC_CONTROLLER:
            if (controller_seen)
                return bad(d, "offset %zu: a second controller record", off);
            controller_seen = true;
            if (zwh__rd_left(&val) < CONTROLLER_LEN)
                return bad(d, "offset %zu: controller record has %zu bytes, needs %d", off,
                           zwh__rd_left(&val), CONTROLLER_LEN);
            {
                uint32_t home_id = zwh__rd_u32(&val);
                uint16_t own_id = zwh__rd_u16(&val);
                if (own_id > ZWH__STATE_MAX_NODE_ID)
                    return bad(d, "offset %zu: controller node id %u is out of range", off,
                               (unsigned)own_id);
                zwh__state_set_controller(st, home_id, own_id);
            }
            break;
        case REC_NODE:
            rc = decode_node(d, st, val, off);
            break;
        case REC_PROVISION:
            rc = decode_prov(d, st, val, off);
            break;
        default: /* a record from a later version */
            break;
        }
        if (rc)
            return rc;
    }
    return rc;
}

int zwh__state_decode(const uint8_t *data, size_t len, zwh__state_t **out, char *err,
                      size_t errcap)
{
    dec_t d = {.base = data, .err = err, .errcap = errcap};
    if (err && errcap)
        err[0] = '\0';
    if (!out)
        return ZWH_EINVAL;
    *out = NULL;
    if (!data && len)
        return ZWH_EINVAL;
    const size_t frame = ZWH__STATE_HEADER_LEN + ZWH__STATE_TRAILER_LEN;
    if (len < sizeof magic || memcmp(data, magic, sizeof magic) != 0)
        return bad(&d, "not a zwhost state file (no \"ZWHSTATE\" signature)");
    if (len < frame)
        return bad(&d, "truncated: %zu bytes, shorter than the %zu-byte header and checksum", len,
                   frame);
    zwh__rd_t r;
    zwh__rd_init(&r, data + sizeof magic, len - sizeof magic);
    uint16_t version = zwh__rd_u16(&r);
    uint16_t compat = zwh__rd_u16(&r);
    uint32_t body_len = zwh__rd_u32(&r);
    if ((uint64_t)body_len + frame != len)
        return bad(&d, "%s: the header announces a %lu-byte body, the file holds %zu bytes "
                   "(expected %llu)",
                   (uint64_t)body_len + frame > len ? "truncated" : "trailing bytes",
                   (unsigned long)body_len, len, (unsigned long long)body_len + frame);
    uint32_t stored = (uint32_t)data[len - 4] << 24 | (uint32_t)data[len - 3] << 16 |
                      (uint32_t)data[len - 2] << 8 | data[len - 1];
    uint32_t computed = zwh__crc32(data, len - ZWH__STATE_TRAILER_LEN);
    if (stored != computed)
        return bad(&d, "checksum mismatch (stored 0x%08lx, computed 0x%08lx): the file is damaged",
                   (unsigned long)stored, (unsigned long)computed);
    if (version == 0 || compat == 0 || compat > version)
        return bad(&d, "inconsistent format versions (version %u, readable from %u)",
                   (unsigned)version, (unsigned)compat);
    if (compat > ZWH__STATE_FORMAT_VERSION)
        return bad_code(&d, ZWH_ENOTSUP, "format version %u (readable from version %u) was "
                        "written by a newer zwhost; this library reads version %u",
                        (unsigned)version, (unsigned)compat, ZWH__STATE_FORMAT_VERSION);

    zwh__state_t *st;
    int rc = zwh__state_new(&st);
    if (rc)
        return rc;
    zwh__rd_t body;
    zwh__rd_init(&body, data + ZWH__STATE_HEADER_LEN, body_len);
    rc = decode_body(&d, st, &body);
    if (rc == 0) {
        char why[160];
        if (zwh__state_check(st, why, sizeof why) != 0)
            rc = bad(&d, "inconsistent content: %s", why);
    }
    if (rc) {
        zwh__state_free(st);
        return rc == ZWH_ENOMEM ? bad_code(&d, rc, "out of memory") : rc;
    }
    *out = st;
    return 0;
}
