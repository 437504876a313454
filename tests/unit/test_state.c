/* Persistent state: the model, the file format (pinned to bytes computed with
 * Python's struct and zlib.crc32, independent of the C encoder), forward
 * compatibility (unknown tags, grown fields, newer versions), rejection of
 * damaged or inconsistent files with clear messages, the atomic file backend
 * (mode 0600, leftovers, failure half-way) and the storage callbacks. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "host/state.h"
#include "host/storage.h"
#include "util/crc32.h"
#include "zt_hex.h"
#include "zwhost/error.h"
#include "zwhost/security.h"

/* ---- helpers ------------------------------------------------------------------ */

static void assert_contains(const char *text, const char *part)
{
    if (!strstr(text, part))
        fail_msg("\"%s\" does not contain \"%s\"", text, part);
}

static uint8_t dsk_of(int k, uint8_t dsk[16])
{
    for (int i = 0; i < 16; i++)
        dsk[i] = (uint8_t)(k * 16 + i);
    return dsk[0];
}

/* A state with every field set to a distinct, non-default value. */
static zwh__state_t *populated(void)
{
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_set_controller(st, 0xC0FFEE01u, 1);
    static const uint16_t ids[] = {12, 2, 300, 232, 7};
    for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
        zwh__state_node_t *n;
        assert_int_equal(zwh__state_node_add(st, ids[k], &n), 0);
        zwh_node_info_t f = {
            .node_id = 999, /* ignored: the node keeps its id */
            .basic = (uint8_t)(3 + k), .generic = (uint8_t)(0x10 + k), .specific = (uint8_t)(1 + k),
            .listening = k % 2, .routing = 1, .beaming = (k + 1) % 2,
            .flirs_ms = k == 1 ? 250 : k == 2 ? 1000 : 0, .sleeping = k == 3, .controller = k == 4,
            .security_flag = 1, .protocol_version = (uint8_t)(3 + k), .long_range = ids[k] >= 256,
            .reserved = 0xEE, .max_speed = k == 0 ? 9600 : k == 1 ? 40000 : 100000,
        };
        zwh__state_node_set_info(n, &f);
        uint8_t ccs[40];
        for (size_t i = 0; i < sizeof ccs; i++)
            ccs[i] = (uint8_t)(0x20 + i + k);
        assert_int_equal(zwh__state_node_set_ccs(n, ccs, 10 + k * 5), 0);
        n->flags = ZWH__STATE_NODE_INTERVIEWED | (k % 2 ? ZWH__STATE_NODE_INTERVIEW_COMPLETE : 0) |
                   (k == 3 ? ZWH__STATE_NODE_SLEEPING : 0) | (k == 1 ? ZWH__STATE_NODE_FLIRS : 0) |
                   0x80000000u; /* a bit a later version defines: kept */
        n->granted = (uint8_t)(k == 0 ? 0x87 : k == 2 ? 0x18 : k == 4 ? 0 : 0x01);
        n->sec_flags = k == 4 ? ZWH__STATE_SEC_BOOTSTRAP_FAILED : 0;
        if (k != 3)
            zwh__state_node_set_s2_tx_seq(n, (uint8_t)(0xF0 + k));
        uint8_t cache[600];
        for (size_t i = 0; i < sizeof cache; i++)
            cache[i] = (uint8_t)(i * 7 + k);
        if (k != 4)
            assert_int_equal(zwh__state_node_set_cache(n, cache, 100 + k * 120), 0);
    }
    for (int k = 0; k < 4; k++) {
        uint8_t dsk[16];
        dsk_of(k + 1, dsk);
        zwh__state_prov_t *p;
        assert_int_equal(zwh__state_prov_add(st, dsk, &p), 0);
        p->requested = (uint8_t)(k == 3 ? 0x18 : 0x87 & ~(1u << k));
        p->status = (uint8_t)k; /* pending, passive, ignored, included */
        p->protocol = k == 3 ? ZWH__PROV_LONG_RANGE : ZWH__PROV_CLASSIC;
        p->node_id = k == 3 ? 300 : 0;
        if (k != 1)
            assert_int_equal(zwh__state_prov_set_name(p, k == 0 ? "Front door" : "Küche 2"), 0);
    }
    return st;
}

static void assert_state_equal(const zwh__state_t *a, const zwh__state_t *b)
{
    uint32_t ha, hb;
    uint16_t na, nb;
    zwh__state_get_controller(a, &ha, &na);
    zwh__state_get_controller(b, &hb, &nb);
    assert_int_equal(ha, hb);
    assert_int_equal(na, nb);
    assert_int_equal(zwh__state_node_count(a), zwh__state_node_count(b));
    for (size_t i = 0; i < zwh__state_node_count(a); i++) {
        const zwh__state_node_t *x = zwh__state_node_at(a, i), *y = zwh__state_node_at(b, i);
        const zwh_node_info_t *f = &x->info, *g = &y->info;
        assert_int_equal(f->node_id, g->node_id);
        assert_int_equal(f->basic, g->basic);
        assert_int_equal(f->generic, g->generic);
        assert_int_equal(f->specific, g->specific);
        assert_int_equal(f->listening, g->listening);
        assert_int_equal(f->routing, g->routing);
        assert_int_equal(f->beaming, g->beaming);
        assert_int_equal(f->flirs_ms, g->flirs_ms);
        assert_int_equal(f->sleeping, g->sleeping);
        assert_int_equal(f->controller, g->controller);
        assert_int_equal(f->security_flag, g->security_flag);
        assert_int_equal(f->protocol_version, g->protocol_version);
        assert_int_equal(f->long_range, g->long_range);
        assert_int_equal(f->max_speed, g->max_speed);
        assert_int_equal(g->reserved, 0);
        assert_int_equal(x->flags, y->flags);
        assert_int_equal(x->granted, y->granted);
        assert_int_equal(x->sec_flags, y->sec_flags);
        assert_int_equal(x->s2_seq_valid, y->s2_seq_valid);
        assert_int_equal(x->s2_tx_seq, y->s2_tx_seq);
        assert_int_equal(x->ccs_len, y->ccs_len);
        if (x->ccs_len)
            assert_memory_equal(x->ccs, y->ccs, x->ccs_len);
        assert_int_equal(x->cache_len, y->cache_len);
        if (x->cache_len)
            assert_memory_equal(x->cache, y->cache, x->cache_len);
    }
    assert_int_equal(zwh__state_prov_count(a), zwh__state_prov_count(b));
    for (size_t i = 0; i < zwh__state_prov_count(a); i++) {
        const zwh__state_prov_t *p = zwh__state_prov_at(a, i), *q = zwh__state_prov_at(b, i);
        assert_memory_equal(p->dsk, q->dsk, 16);
        assert_int_equal(p->requested, q->requested);
        assert_int_equal(p->status, q->status);
        assert_int_equal(p->protocol, q->protocol);
        assert_int_equal(p->node_id, q->node_id);
        assert_int_equal(!p->name, !q->name);
        if (p->name)
            assert_string_equal(p->name, q->name);
    }
}

/* Raw file builder for hand-made (and hand-broken) files. */
typedef struct raw {
    uint8_t b[4096];
    size_t n;
} raw_t;

static void put(raw_t *r, const void *p, size_t n)
{
    assert_true(r->n + n <= sizeof r->b);
    memcpy(r->b + r->n, p, n);
    r->n += n;
}

static void put_be(raw_t *r, uint32_t v, int bytes)
{
    for (int i = bytes - 1; i >= 0; i--) {
        uint8_t c = (uint8_t)(v >> (8 * i));
        put(r, &c, 1);
    }
}

static void put_hex(raw_t *r, const char *hex)
{
    uint8_t tmp[512];
    size_t n = zt_hex(hex, tmp, sizeof tmp);
    put(r, tmp, n);
}

static size_t open_tlv(raw_t *r, uint16_t tag)
{
    put_be(r, tag, 2);
    put_be(r, 0, 4);
    return r->n;
}

static void close_tlv(raw_t *r, size_t start)
{
    uint32_t n = (uint32_t)(r->n - start);
    for (int i = 0; i < 4; i++)
        r->b[start - 4 + i] = (uint8_t)(n >> (24 - 8 * i));
}

static void tlv_hex(raw_t *r, uint16_t tag, const char *hex)
{
    size_t s = open_tlv(r, tag);
    put_hex(r, hex);
    close_tlv(r, s);
}

/* Wraps a body into a file: header with version/compat, CRC-32 trailer. */
static void wrap(const raw_t *body, uint16_t version, uint16_t compat, raw_t *file)
{
    file->n = 0;
    put(file, "ZWHSTATE", 8);
    put_be(file, version, 2);
    put_be(file, compat, 2);
    put_be(file, (uint32_t)body->n, 4);
    put(file, body->b, body->n);
    put_be(file, zwh__crc32(file->b, file->n), 4);
}

/* A node record with a valid id and protocol field, plus extra fields in hex. */
static void node_rec(raw_t *body, const char *id_hex, const char *extra_tag, const char *extra_hex)
{
    size_t s = open_tlv(body, 0x0002);
    tlv_hex(body, 0x0001, id_hex);
    tlv_hex(body, 0x0002, "0410010101010000000000030000" "0186a0");
    if (extra_tag)
        tlv_hex(body, (uint16_t)strtoul(extra_tag, NULL, 16), extra_hex);
    close_tlv(body, s);
}

static void prov_rec(raw_t *body, const char *dsk_hex, const char *entry_hex)
{
    size_t s = open_tlv(body, 0x0003);
    tlv_hex(body, 0x0001, dsk_hex);
    tlv_hex(body, 0x0002, entry_hex);
    close_tlv(body, s);
}

#define DSK_A "000102030405060708090a0b0c0d0e0f"
#define DSK_B "101112131415161718191a1b1c1d1e1f"

/* Decodes a v1 file around body and expects failure code with message part. */
static void expect_reject(const raw_t *body, int code, const char *part)
{
    raw_t f;
    wrap(body, 1, 1, &f);
    zwh__state_t *st = (zwh__state_t *)1;
    char err[256];
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), code);
    assert_null(st);
    assert_contains(err, "state file: ");
    assert_contains(err, part);
}

/* ---- CRC-32 ------------------------------------------------------------------- */

static void crc32_check_values(void **state)
{
    (void)state;
    /* the catalogued check value of CRC-32/ISO-HDLC, and zlib.crc32 of a pangram */
    assert_int_equal(zwh__crc32((const uint8_t *)"123456789", 9), 0xCBF43926u);
    const char *fox = "The quick brown fox jumps over the lazy dog";
    assert_int_equal(zwh__crc32((const uint8_t *)fox, strlen(fox)), 0x414FA339u);
    assert_int_equal(zwh__crc32(NULL, 0), 0);
    /* incremental = one shot */
    uint32_t c = zwh__crc32_update(0, (const uint8_t *)fox, 10);
    assert_int_equal(zwh__crc32_update(c, (const uint8_t *)fox + 10, strlen(fox) - 10), 0x414FA339u);
}

/* ---- model -------------------------------------------------------------------- */

static void nodes_sorted_and_stable(void **state)
{
    (void)state;
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_node_t *n40, *n, *again;
    assert_int_equal(zwh__state_node_add(st, 40, &n40), 0);
    n40->flags = 0x1234;
    for (int id = 4000; id >= 1; id -= 37) /* 4000, 3963, ... 4 */
        assert_int_equal(zwh__state_node_add(st, (uint16_t)id, NULL), 0);
    assert_int_equal(zwh__state_node_add(st, 40, &again), ZWH_EEXIST);
    assert_ptr_equal(again, n40); /* the pointer survived dozens of insertions */
    assert_int_equal(n40->flags, 0x1234);
    assert_int_equal(zwh__state_node_add(st, 0, &n), ZWH_EINVAL);
    assert_int_equal(zwh__state_node_add(st, 4001, &n), ZWH_EINVAL);
    size_t count = zwh__state_node_count(st);
    assert_int_equal(count, 110); /* 109 values plus 40 */
    for (size_t i = 1; i < count; i++)
        assert_true(zwh__state_node_at(st, i - 1)->info.node_id < zwh__state_node_at(st, i)->info.node_id);
    assert_null(zwh__state_node_at(st, count));
    assert_ptr_equal(zwh__state_node_find(st, 40), n40);
    assert_null(zwh__state_node_find(st, 42));
    assert_int_equal(zwh__state_node_remove(st, 40), 0);
    assert_int_equal(zwh__state_node_remove(st, 40), ZWH_ENONODE);
    assert_null(zwh__state_node_find(st, 40));
    assert_int_equal(zwh__state_node_count(st), count - 1);
    assert_non_null(zwh__state_node_find(st, 4000));
    assert_non_null(zwh__state_node_find(st, 4));
    assert_int_equal(zwh__state_node_at(st, 0)->info.node_id, 4);
    zwh__state_free(st);
    zwh__state_free(NULL);
}

static void node_setters(void **state)
{
    (void)state;
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_node_t *n;
    assert_int_equal(zwh__state_node_add(st, 9, &n), 0);
    zwh_node_info_t f = {.node_id = 77, .generic = 0x40, .reserved = 5};
    zwh__state_node_set_info(n, &f);
    assert_int_equal(n->info.node_id, 9);
    assert_int_equal(n->info.generic, 0x40);
    assert_int_equal(n->info.reserved, 0);
    uint8_t big[ZWH__STATE_MAX_CCS + 1] = {0x25};
    assert_int_equal(zwh__state_node_set_ccs(n, big, 3), 0);
    assert_int_equal(zwh__state_node_set_ccs(n, big, sizeof big), ZWH_EMSGSIZE);
    assert_int_equal(n->ccs_len, 3); /* kept on failure */
    assert_int_equal(n->ccs[0], 0x25);
    assert_int_equal(zwh__state_node_set_ccs(n, NULL, 0), 0);
    assert_int_equal(n->ccs_len, 0);
    assert_null(n->ccs);
    assert_int_equal(zwh__state_node_set_cache(n, NULL, ZWH__STATE_MAX_CACHE + 1), ZWH_EMSGSIZE);
    assert_int_equal(zwh__state_node_set_cache(n, NULL, 4), ZWH_EINVAL);
    assert_int_equal(zwh__state_node_set_cache(n, (const uint8_t *)"\x00\x02\x25\x03", 4), 0);
    assert_int_equal(n->cache_len, 4);
    assert_int_equal(n->s2_seq_valid, 0);
    zwh__state_node_set_s2_tx_seq(n, 0);
    assert_int_equal(n->s2_seq_valid, 1);
    assert_int_equal(n->s2_tx_seq, 0);
    uint32_t home = 1;
    uint16_t own = 1;
    zwh__state_get_controller(st, &home, &own);
    assert_int_equal(home, 0);
    assert_int_equal(own, 0);
    zwh__state_set_controller(st, 0xDEADBEEF, 256);
    zwh__state_get_controller(st, &home, NULL);
    assert_int_equal(home, 0xDEADBEEF);
    zwh__state_free(st);
}

static void provisioning_list(void **state)
{
    (void)state;
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    uint8_t a[16], b[16], c[16];
    dsk_of(1, a);
    dsk_of(2, b);
    dsk_of(3, c);
    zwh__state_prov_t *pa, *pb, *p;
    assert_int_equal(zwh__state_prov_add(st, a, &pa), 0);
    assert_int_equal(pa->status, ZWH__PROV_PENDING);
    assert_int_equal(zwh__state_prov_add(st, b, &pb), 0);
    assert_int_equal(zwh__state_prov_add(st, c, NULL), 0);
    assert_int_equal(zwh__state_prov_add(st, b, &p), ZWH_EEXIST);
    assert_ptr_equal(p, pb);
    assert_ptr_equal(zwh__state_prov_at(st, 0), pa); /* insertion order */
    assert_ptr_equal(zwh__state_prov_at(st, 1), pb);
    assert_null(zwh__state_prov_at(st, 3));
    pb->status = ZWH__PROV_INCLUDED;
    pb->node_id = 14;
    assert_ptr_equal(zwh__state_prov_find_node(st, 14), pb);
    assert_null(zwh__state_prov_find_node(st, 0));
    assert_null(zwh__state_prov_find_node(st, 15));
    assert_ptr_equal(zwh__state_prov_find(st, c), zwh__state_prov_at(st, 2));
    assert_int_equal(zwh__state_prov_set_name(pa, "Garage"), 0);
    assert_string_equal(pa->name, "Garage");
    char longname[ZWH__STATE_MAX_NAME + 2];
    memset(longname, 'x', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    assert_int_equal(zwh__state_prov_set_name(pa, longname), ZWH_EMSGSIZE);
    assert_string_equal(pa->name, "Garage");
    longname[ZWH__STATE_MAX_NAME] = '\0';
    assert_int_equal(zwh__state_prov_set_name(pa, longname), 0);
    assert_int_equal(zwh__state_prov_set_name(pa, ""), 0);
    assert_null(pa->name);
    assert_int_equal(zwh__state_prov_remove(st, a), 0);
    assert_int_equal(zwh__state_prov_remove(st, a), ZWH_ENOENT);
    assert_int_equal(zwh__state_prov_count(st), 2);
    assert_ptr_equal(zwh__state_prov_at(st, 0), pb);
    assert_null(zwh__state_prov_find(st, a));
    zwh__state_free(st);
}

/* ---- format ------------------------------------------------------------------- */

/* The bytes of README.md's example, computed with Python's struct and zlib. */
static const char *golden_hex =
    "5a57485354415445000100010000008f000100000006c0ffee01000100020000"
    "004c000100000002000500020000001104100101010100000000000300000186"
    "a00003000000035e258600040000000202000005000000040000000300060000"
    "00014200070000000500032503ff00030000002b000100000010000102030405"
    "060708090a0b0c0d0e0f000200000005870000000000030000000468616c6c1a"
    "b579f0";

static zwh__state_t *golden_state(void)
{
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_set_controller(st, 0xC0FFEE01u, 1);
    zwh__state_node_t *n;
    assert_int_equal(zwh__state_node_add(st, 5, &n), 0);
    zwh_node_info_t f = {.basic = 4, .generic = 0x10, .specific = 1, .listening = 1,
                         .routing = 1, .beaming = 1, .protocol_version = 3, .max_speed = 100000};
    zwh__state_node_set_info(n, &f);
    assert_int_equal(zwh__state_node_set_ccs(n, (const uint8_t *)"\x5e\x25\x86", 3), 0);
    n->granted = 1u << ZWH_SECCLASS_S2_AUTHENTICATED;
    n->flags = ZWH__STATE_NODE_INTERVIEWED | ZWH__STATE_NODE_INTERVIEW_COMPLETE;
    zwh__state_node_set_s2_tx_seq(n, 0x42);
    /* one interview cache record: [u16 length][Binary Switch Report 0xFF] */
    assert_int_equal(zwh__state_node_set_cache(n, (const uint8_t *)"\x00\x03\x25\x03\xff", 5), 0);
    uint8_t dsk[16];
    for (int i = 0; i < 16; i++)
        dsk[i] = (uint8_t)i;
    zwh__state_prov_t *p;
    assert_int_equal(zwh__state_prov_add(st, dsk, &p), 0);
    p->requested = ZWH_KEY_ALL; /* 0x87: the classic classes' bits are the key bits */
    assert_int_equal(zwh__state_prov_set_name(p, "hall"), 0);
    return st;
}

static void golden_bytes(void **state)
{
    (void)state;
    zwh__state_t *st = golden_state();
    uint8_t *buf;
    size_t len;
    assert_int_equal(zwh__state_encode(st, &buf, &len), 0);
    zt_assert_hex(buf, len, golden_hex);
    uint8_t file[200];
    size_t n = zt_hex(golden_hex, file, sizeof file);
    zwh__state_t *back;
    char err[200];
    assert_int_equal(zwh__state_decode(file, n, &back, err, sizeof err), 0);
    assert_state_equal(st, back);
    free(buf);
    zwh__state_free(back);
    zwh__state_free(st);
}

static void round_trip_every_field(void **state)
{
    (void)state;
    zwh__state_t *st = populated();
    uint8_t *buf, *buf2;
    size_t len, len2;
    assert_int_equal(zwh__state_encode(st, &buf, &len), 0);
    zwh__state_t *back;
    char err[256] = "untouched";
    assert_int_equal(zwh__state_decode(buf, len, &back, err, sizeof err), 0);
    assert_string_equal(err, "");
    assert_state_equal(st, back);
    /* spot checks against the values populated() set */
    const zwh__state_node_t *n = zwh__state_node_find(back, 300);
    assert_non_null(n);
    assert_int_equal(n->info.long_range, 1);
    assert_int_equal(n->info.flirs_ms, 1000);
    assert_int_equal(n->granted, 0x18);
    assert_int_equal(n->s2_tx_seq, 0xF2);
    assert_int_equal(n->flags & 0x80000000u, 0x80000000u);
    assert_int_equal(n->cache_len, 340);
    assert_int_equal(zwh__state_node_find(back, 232)->s2_seq_valid, 0);
    assert_int_equal(zwh__state_node_find(back, 7)->sec_flags, ZWH__STATE_SEC_BOOTSTRAP_FAILED);
    assert_int_equal(zwh__state_node_at(back, 0)->info.node_id, 2);
    const zwh__state_prov_t *p = zwh__state_prov_find_node(back, 300);
    assert_non_null(p);
    assert_int_equal(p->protocol, ZWH__PROV_LONG_RANGE);
    assert_string_equal(zwh__state_prov_at(back, 0)->name, "Front door");
    assert_null(zwh__state_prov_at(back, 1)->name);
    assert_string_equal(zwh__state_prov_at(back, 2)->name, "Küche 2");
    /* the encoding is canonical */
    assert_int_equal(zwh__state_encode(back, &buf2, &len2), 0);
    assert_int_equal(len, len2);
    assert_memory_equal(buf, buf2, len);
    free(buf);
    free(buf2);
    zwh__state_free(back);
    zwh__state_free(st);

    /* the empty state */
    assert_int_equal(zwh__state_new(&st), 0);
    assert_int_equal(zwh__state_encode(st, &buf, &len), 0);
    assert_int_equal(len, 16 + 12 + 4);
    assert_int_equal(zwh__state_decode(buf, len, &back, NULL, 0), 0);
    assert_int_equal(zwh__state_node_count(back), 0);
    assert_int_equal(zwh__state_prov_count(back), 0);
    free(buf);
    zwh__state_free(back);
    zwh__state_free(st);
}

/* Later versions add records, fields and bytes at the end of fixed fields; a
 * version-1 reader skips and ignores them. */
static void unknown_tags_and_grown_fields(void **state)
{
    (void)state;
    raw_t body = {0}, f;
    tlv_hex(&body, 0x7777, "0102030405");                /* unknown record */
    tlv_hex(&body, 0x0001, "c0ffee01" "0001" "abcdef");  /* controller, 3 extra bytes */
    size_t s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0099, "ffff");                      /* unknown node field before the id */
    tlv_hex(&body, 0x0001, "0005" "99");                 /* id with a tail */
    tlv_hex(&body, 0x0002, "0410010101010000000000030000" "0186a0" "7777"); /* grown protocol info */
    tlv_hex(&body, 0x0004, "0280" "00");                 /* security: granted, sec flags 0x80 kept */
    tlv_hex(&body, 0x0040, "");                          /* unknown, empty */
    tlv_hex(&body, 0xffff, "00");                        /* unknown, highest tag */
    tlv_hex(&body, 0x0006, "42ff");                      /* S2 seq with a tail */
    close_tlv(&body, s);
    s = open_tlv(&body, 0x0003);
    tlv_hex(&body, 0x0002, "0103000007" "00");           /* entry before the DSK, grown */
    tlv_hex(&body, 0x0009, "0909");
    tlv_hex(&body, 0x0001, DSK_A);
    close_tlv(&body, s);
    tlv_hex(&body, 0x0000, "");                          /* tag 0: unknown as well */
    wrap(&body, 1, 1, &f);
    zwh__state_t *st;
    char err[256];
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), 0);
    uint32_t home;
    uint16_t own;
    zwh__state_get_controller(st, &home, &own);
    assert_int_equal(home, 0xC0FFEE01u);
    assert_int_equal(own, 1);
    assert_int_equal(zwh__state_node_count(st), 1);
    const zwh__state_node_t *n = zwh__state_node_find(st, 5);
    assert_non_null(n);
    assert_int_equal(n->info.max_speed, 100000);
    assert_int_equal(n->granted, 0x02);
    assert_int_equal(n->sec_flags, 0x80);
    assert_int_equal(n->s2_tx_seq, 0x42);
    const zwh__state_prov_t *p = zwh__state_prov_at(st, 0);
    assert_int_equal(p->status, ZWH__PROV_INCLUDED);
    assert_int_equal(p->node_id, 7);
    assert_int_equal(p->requested, 0x01);
    zwh__state_free(st);

    /* a newer writer that stays readable by version 1 (compat 1) */
    raw_t empty = {0};
    tlv_hex(&empty, 0x0100, "00");
    wrap(&empty, 7, 1, &f);
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), 0);
    zwh__state_free(st);
}

static void versions(void **state)
{
    (void)state;
    raw_t body = {0}, f;
    tlv_hex(&body, 0x0001, "0000000100" "01");
    zwh__state_t *st;
    char err[256];
    wrap(&body, 2, 2, &f);
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), ZWH_ENOTSUP);
    assert_null(st);
    assert_contains(err, "newer zwhost");
    assert_contains(err, "format version 2");
    wrap(&body, 0, 0, &f);
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), ZWH_ESTATEFILE);
    assert_contains(err, "inconsistent format versions");
    wrap(&body, 1, 2, &f); /* compat newer than the version itself */
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), ZWH_ESTATEFILE);
    assert_contains(err, "inconsistent format versions");
    wrap(&body, 1, 1, &f);
    assert_int_equal(zwh__state_decode(f.b, f.n, &st, err, sizeof err), 0);
    zwh__state_free(st);
}

/* Every truncation, every single-bit flip and an appended byte are refused. */
static void damaged_files_rejected(void **state)
{
    (void)state;
    zwh__state_t *st = populated(), *out;
    uint8_t *buf;
    size_t len;
    assert_int_equal(zwh__state_encode(st, &buf, &len), 0);
    zwh__state_free(st);
    char err[256];
    for (size_t n = 0; n < len; n++) {
        err[0] = '\0';
        assert_int_equal(zwh__state_decode(buf, n, &out, err, sizeof err), ZWH_ESTATEFILE);
        assert_null(out);
        assert_true(strlen(err) > 12);
        if (n >= 8)
            assert_contains(err, n >= 20 ? "truncated: the header announces" : "truncated");
    }
    assert_int_equal(zwh__state_decode(buf, 0, &out, err, sizeof err), ZWH_ESTATEFILE);
    assert_contains(err, "not a zwhost state file");
    size_t flips = 0;
    for (size_t i = 0; i < len; i++) {
        for (int bit = 0; bit < 8; bit++) {
            buf[i] ^= (uint8_t)(1u << bit);
            int rc = zwh__state_decode(buf, len, &out, err, sizeof err);
            buf[i] ^= (uint8_t)(1u << bit);
            if (rc != ZWH_ESTATEFILE)
                fail_msg("flip of bit %d in byte %zu: rc %d", bit, i, rc);
            assert_null(out);
            flips++;
            if (i >= 16 && i < len - 4)
                assert_contains(err, "checksum mismatch");
        }
    }
    assert_int_equal(flips, len * 8);
    uint8_t *longer = malloc(len + 1);
    memcpy(longer, buf, len);
    longer[len] = 0;
    assert_int_equal(zwh__state_decode(longer, len + 1, &out, err, sizeof err), ZWH_ESTATEFILE);
    assert_contains(err, "trailing bytes");
    /* the message fits any buffer, truncated but terminated */
    char tiny[8];
    memset(tiny, 'x', sizeof tiny);
    assert_int_equal(zwh__state_decode(longer, len + 1, &out, tiny, sizeof tiny), ZWH_ESTATEFILE);
    assert_int_equal(strlen(tiny), sizeof tiny - 1);
    assert_int_equal(zwh__state_decode(longer, len + 1, &out, NULL, 0), ZWH_ESTATEFILE);
    assert_int_equal(zwh__state_decode(buf, len, NULL, err, sizeof err), ZWH_EINVAL);
    assert_int_equal(zwh__state_decode(NULL, 5, &out, err, sizeof err), ZWH_EINVAL);
    free(longer);
    free(buf);
}

/* Files with a valid checksum whose content is inconsistent. */
static void inconsistent_content_rejected(void **state)
{
    (void)state;
    static const struct {
        const char *what, *id, *tag, *val, *message;
    } node_cases[] = {
        {"node id 0", "0000", NULL, NULL, "node id 0 is out of range"},
        {"node id 4001", "0fa1", NULL, NULL, "node id 4001 is out of range"},
        {"short id", "05", NULL, NULL, "node id field has 1 bytes"},
        {"duplicate field", "0005", "0001", "0005", "field 0x0001 appears twice"},
        {"second protocol field", "0005", "0002", "00", "field 0x0002 appears twice"},
        {"short security", "0005", "0004", "02", "field 0x0004 has 1 bytes, needs 2"},
        {"short flags", "0005", "0005", "000001", "field 0x0005 has 3 bytes, needs 4"},
        {"empty S2 seq", "0005", "0006", "", "field 0x0006 has 0 bytes, needs 1"},
        {"granted bit 5", "0005", "0004", "2000", "granted classes 0x20 name no security class"},
        {"too many ccs", "0005", "0003",
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000000000000000000000000000000000000000000000000000"
         "00000000000000000000000000000000",
         "256 command class bytes, at most 255"},
    };
    for (size_t i = 0; i < sizeof node_cases / sizeof node_cases[0]; i++) {
        raw_t body = {0};
        node_rec(&body, node_cases[i].id, node_cases[i].tag, node_cases[i].val);
        print_message("case: %s\n", node_cases[i].what);
        expect_reject(&body, ZWH_ESTATEFILE, node_cases[i].message);
    }
    raw_t body = {0};
    node_rec(&body, "0005", NULL, NULL);
    node_rec(&body, "0005", NULL, NULL);
    expect_reject(&body, ZWH_ESTATEFILE, "node 5 appears twice");

    /* protocol info values outside their range */
    body.n = 0;
    size_t s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0001, "0005");
    tlv_hex(&body, 0x0002, "041001010101" "01f4" "0000000300000186a0"); /* FLiRS 500 ms */
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "FLiRS interval 500 ms");
    body.n = 0;
    s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0001, "0005");
    tlv_hex(&body, 0x0002, "041001" "02" "01010000000000030000" "0186a0"); /* listening = 2 */
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "neither 0 nor 1");

    body.n = 0;
    s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0002, "0410010101010000000000030000" "0186a0");
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "required field 0x0001 is missing");
    body.n = 0;
    s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0001, "0005");
    tlv_hex(&body, 0x0002, "0410010101010000000000030000" "0186"); /* 16 of 17 bytes */
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "node 5, offset 30: field 0x0002 has 16 bytes, needs 17");

    /* provisioning */
    body.n = 0;
    prov_rec(&body, DSK_A, "8700000000");
    prov_rec(&body, DSK_A, "8700000000");
    expect_reject(&body, ZWH_ESTATEFILE, "the DSK appears twice");
    body.n = 0;
    prov_rec(&body, DSK_A, "8703000000");
    expect_reject(&body, ZWH_ESTATEFILE, "node id 0 does not fit status 3");
    body.n = 0;
    prov_rec(&body, DSK_A, "8700000005");
    expect_reject(&body, ZWH_ESTATEFILE, "node id 5 does not fit status 0");
    body.n = 0;
    prov_rec(&body, DSK_A, "8704000000");
    expect_reject(&body, ZWH_ESTATEFILE, "unknown status 4");
    body.n = 0;
    prov_rec(&body, DSK_A, "4000000000");
    expect_reject(&body, ZWH_ESTATEFILE, "requested classes 0x40");
    body.n = 0;
    prov_rec(&body, DSK_A, "0100020000");
    expect_reject(&body, ZWH_ESTATEFILE, "unknown protocol 2");
    body.n = 0;
    prov_rec(&body, DSK_A, "0103000009");
    prov_rec(&body, DSK_B, "0103000009");
    expect_reject(&body, ZWH_ESTATEFILE, "entries 1 and 2 are both node 9");
    body.n = 0;
    prov_rec(&body, "000102030405060708090a0b0c0d0e", "0100000000");
    expect_reject(&body, ZWH_ESTATEFILE, "DSK has 15 bytes, needs 16");
    body.n = 0;
    s = open_tlv(&body, 0x0003);
    tlv_hex(&body, 0x0001, DSK_A);
    tlv_hex(&body, 0x0003, "4100");
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "holds a NUL");
    body.n = 0;
    s = open_tlv(&body, 0x0003);
    tlv_hex(&body, 0x0002, "0100000000");
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "required field 0x0001 is missing");

    /* controller */
    body.n = 0;
    tlv_hex(&body, 0x0001, "c0ffee010001");
    tlv_hex(&body, 0x0001, "c0ffee010001");
    expect_reject(&body, ZWH_ESTATEFILE, "a second controller record");
    body.n = 0;
    tlv_hex(&body, 0x0001, "c0ffee011389");
    expect_reject(&body, ZWH_ESTATEFILE, "controller node id 5001 is out of range");
    body.n = 0;
    tlv_hex(&body, 0x0001, "c0ffee0100");
    expect_reject(&body, ZWH_ESTATEFILE, "controller record has 5 bytes, needs 6");

    /* record framing */
    body.n = 0;
    put_hex(&body, "000100000007c0ffee010001"); /* claims 7, 6 follow */
    expect_reject(&body, ZWH_ESTATEFILE, "claims 7 bytes, only 6 remain");
    body.n = 0;
    put_hex(&body, "00010000");
    expect_reject(&body, ZWH_ESTATEFILE, "truncated record header (4 of 6 bytes)");
    body.n = 0;
    s = open_tlv(&body, 0x0002);
    tlv_hex(&body, 0x0001, "0005");
    put_hex(&body, "0002ffffffff00");
    close_tlv(&body, s);
    expect_reject(&body, ZWH_ESTATEFILE, "claims 4294967295 bytes");
}

static void encode_refuses_what_decode_would(void **state)
{
    (void)state;
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_node_t *n;
    assert_int_equal(zwh__state_node_add(st, 3, &n), 0);
    uint8_t *buf = (uint8_t *)1;
    size_t len = 9;
    n->info.flirs_ms = 500;
    assert_int_equal(zwh__state_encode(st, &buf, &len), ZWH_EINVAL);
    assert_null(buf);
    assert_int_equal(len, 0);
    char err[160];
    assert_int_equal(zwh__state_check(st, err, sizeof err), ZWH_EINVAL);
    assert_contains(err, "node 3: FLiRS interval 500 ms");
    n->info.flirs_ms = 250;
    n->s2_seq_valid = 2;
    assert_int_equal(zwh__state_encode(st, &buf, &len), ZWH_EINVAL);
    n->s2_seq_valid = 1;
    n->granted = 0x40;
    assert_int_equal(zwh__state_encode(st, &buf, &len), ZWH_EINVAL);
    n->granted = 0;
    uint8_t dsk[16];
    dsk_of(1, dsk);
    zwh__state_prov_t *p;
    assert_int_equal(zwh__state_prov_add(st, dsk, &p), 0);
    p->status = ZWH__PROV_INCLUDED;
    assert_int_equal(zwh__state_encode(st, &buf, &len), ZWH_EINVAL);
    assert_int_equal(zwh__state_check(st, err, sizeof err), ZWH_EINVAL);
    assert_contains(err, "provisioning entry 1: node id 0 does not fit status 3");
    p->node_id = 3;
    assert_int_equal(zwh__state_encode(st, &buf, &len), 0);
    free(buf);
    zwh__state_set_controller(st, 1, 4001);
    assert_int_equal(zwh__state_encode(st, &buf, &len), ZWH_EINVAL);
    assert_int_equal(zwh__state_encode(st, NULL, &len), ZWH_EINVAL);
    zwh__state_free(st);
}

/* ---- files -------------------------------------------------------------------- */

typedef struct dirfix {
    char dir[64];
    char path[128];
} dirfix_t;

static int dir_setup(void **state)
{
    dirfix_t *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/zwh-state-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/state", f->dir);
    *state = f;
    return 0;
}

static int dir_teardown(void **state)
{
    dirfix_t *f = *state;
    DIR *d = opendir(f->dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            unlinkat(dirfd(d), e->d_name, 0);
    if (d)
        closedir(d);
    rmdir(f->dir);
    free(f);
    return 0;
}

static int count_entries(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
            n++;
    if (d)
        closedir(d);
    return n;
}

static void write_bytes(const char *path, const void *p, size_t n)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(fwrite(p, 1, n, fp), n);
    fclose(fp);
}

static void file_save_load_mode(void **state)
{
    dirfix_t *f = *state;
    zwh__state_t *st = populated(), *back;
    char err[256] = "";
    mode_t old = umask(0); /* even a permissive umask gives 0600 */
    assert_int_equal(zwh__state_save_file(f->path, st, err, sizeof err), 0);
    umask(old);
    struct stat sb;
    assert_int_equal(stat(f->path, &sb), 0);
    assert_int_equal(sb.st_mode & 07777, 0600);
    assert_int_equal(count_entries(f->dir), 1); /* no temporary file left */
    assert_int_equal(zwh__state_load_file(f->path, &back, err, sizeof err), 0);
    assert_state_equal(st, back);
    zwh__state_free(back);

    /* a second save replaces the file (a new inode: rename, not rewrite) */
    zwh__state_node_remove(st, 2);
    assert_int_equal(zwh__state_save_file(f->path, st, err, sizeof err), 0);
    struct stat sb2;
    assert_int_equal(stat(f->path, &sb2), 0);
    assert_true(sb2.st_ino != sb.st_ino);
    assert_int_equal(sb2.st_mode & 07777, 0600);
    assert_int_equal(zwh__state_load_file(f->path, &back, err, sizeof err), 0);
    assert_state_equal(st, back);
    assert_null(zwh__state_node_find(back, 2));
    zwh__state_free(back);
    zwh__state_free(st);

    /* a relative path (directory ".") works as well */
    char cwd[256];
    assert_non_null(getcwd(cwd, sizeof cwd));
    assert_int_equal(chdir(f->dir), 0);
    assert_int_equal(zwh__state_new(&st), 0);
    assert_int_equal(zwh__state_save_file("rel", st, err, sizeof err), 0);
    assert_int_equal(zwh__state_load_file("rel", &back, err, sizeof err), 0);
    zwh__state_free(back);
    zwh__state_free(st);
    assert_int_equal(chdir(cwd), 0);
}

static void file_missing_corrupt_leftovers(void **state)
{
    dirfix_t *f = *state;
    zwh__state_t *st;
    char err[256] = "";
    assert_int_equal(zwh__state_load_file(f->path, &st, err, sizeof err), 1);
    assert_non_null(st);
    assert_int_equal(zwh__state_node_count(st), 0);
    assert_string_equal(err, "");
    zwh__state_free(st);

    write_bytes(f->path, "ZWHSTATE\0\1\0\1\0\0\0\0\0\0\0\0", 20);
    assert_int_equal(zwh__state_load_file(f->path, &st, err, sizeof err), ZWH_ESTATEFILE);
    assert_null(st);
    assert_contains(err, f->path);
    assert_contains(err, "checksum mismatch");
    write_bytes(f->path, "", 0);
    assert_int_equal(zwh__state_load_file(f->path, &st, err, sizeof err), ZWH_ESTATEFILE);
    assert_contains(err, "not a zwhost state file");

    /* leftovers of an interrupted save are removed; look-alikes are not */
    char p[256];
    static const char *leftovers[] = {".state.tmp-a1B2c3", ".state.tmp-XXXXXX"};
    static const char *keep[] = {".state.tmp-abc", "state.tmp-abcdef", ".other.tmp-abcdef",
                                 ".state.tmp-abcdefg"};
    for (size_t i = 0; i < 2; i++) {
        snprintf(p, sizeof p, "%s/%s", f->dir, leftovers[i]);
        write_bytes(p, "junk", 4);
    }
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", f->dir, keep[i]);
        write_bytes(p, "keep", 4);
    }
    st = populated();
    assert_int_equal(zwh__state_save_file(f->path, st, err, sizeof err), 0);
    zwh__state_free(st);
    assert_int_equal(count_entries(f->dir), 7);
    assert_int_equal(zwh__state_load_file(f->path, &st, err, sizeof err), 0);
    zwh__state_free(st);
    assert_int_equal(count_entries(f->dir), 5);
    for (size_t i = 0; i < 4; i++) {
        snprintf(p, sizeof p, "%s/%s", f->dir, keep[i]);
        assert_int_equal(access(p, F_OK), 0);
    }
    assert_int_equal(zwh__file_remove_leftovers(f->path), 0);

    /* not a regular file; a directory that does not exist */
    snprintf(p, sizeof p, "%s/sub", f->dir);
    assert_int_equal(mkdir(p, 0700), 0);
    assert_int_equal(zwh__state_load_file(p, &st, err, sizeof err), ZWH_EINVAL);
    assert_contains(err, "not a regular file");
    rmdir(p);
    snprintf(p, sizeof p, "%s/fifo", f->dir);
    assert_int_equal(mkfifo(p, 0600), 0);
    assert_int_equal(zwh__state_load_file(p, &st, err, sizeof err), ZWH_EINVAL); /* no hang */
    assert_contains(err, "not a regular file");
    unlink(p);
    snprintf(p, sizeof p, "%s/nodir/state", f->dir);
    assert_int_equal(zwh__state_new(&st), 0);
    assert_int_equal(zwh__state_save_file(p, st, err, sizeof err), -ENOENT);
    assert_contains(err, "cannot create a temporary file");
    snprintf(p, sizeof p, "%s/", f->dir);
    assert_int_equal(zwh__state_save_file(p, st, err, sizeof err), ZWH_EINVAL);
    assert_contains(err, "not a file name");
    zwh__state_set_controller(st, 0, 5000);
    assert_int_equal(zwh__state_save_file(f->path, st, err, sizeof err), ZWH_EINVAL);
    assert_contains(err, "controller node id 5000");
    zwh__state_free(st);
    assert_int_equal(zwh__state_load_file(f->path, NULL, err, sizeof err), ZWH_EINVAL);
}

/* A save that fails half-way (here: the file size limit hits during write)
 * leaves the old file untouched and no temporary file behind. */
static void file_failed_save_keeps_old(void **state)
{
    dirfix_t *f = *state;
    zwh__state_t *old;
    assert_int_equal(zwh__state_new(&old), 0);
    zwh__state_set_controller(old, 0x11111111u, 1);
    char err[256];
    assert_int_equal(zwh__state_save_file(f->path, old, err, sizeof err), 0);
    pid_t pid = fork();
    assert_true(pid >= 0);
    if (pid == 0) {
        signal(SIGXFSZ, SIG_IGN);
        struct rlimit rl = {.rlim_cur = 100, .rlim_max = 100};
        setrlimit(RLIMIT_FSIZE, &rl);
        zwh__state_t *big = populated(); /* several kilobytes */
        char why[256] = "";
        int rc = zwh__state_save_file(f->path, big, why, sizeof why);
        zwh__state_free(big);
        _exit(rc == -EFBIG && strstr(why, "cannot save (write") ? 0 : 1);
    }
    int status;
    assert_int_equal(waitpid(pid, &status, 0), pid);
    assert_true(WIFEXITED(status));
    assert_int_equal(WEXITSTATUS(status), 0);
    assert_int_equal(count_entries(f->dir), 1);
    zwh__state_t *back;
    assert_int_equal(zwh__state_load_file(f->path, &back, err, sizeof err), 0);
    assert_state_equal(old, back);
    zwh__state_free(back);
    zwh__state_free(old);
}

/* ---- storage backends ----------------------------------------------------------- */

typedef struct mem {
    uint8_t *data;
    size_t len;
    int load_rc, save_rc;
    uint8_t *given;
    int loads, saves, frees;
} mem_t;

static int mem_load(uint8_t **data, size_t *len, void *user)
{
    mem_t *m = user;
    m->loads++;
    if (m->load_rc)
        return m->load_rc;
    if (!m->data)
        return ZWH_ENOENT;
    *data = malloc(m->len);
    memcpy(*data, m->data, m->len);
    *len = m->len;
    m->given = *data;
    return 0;
}

static int mem_save(const uint8_t *data, size_t len, void *user)
{
    mem_t *m = user;
    m->saves++;
    if (m->save_rc)
        return m->save_rc;
    free(m->data);
    m->data = malloc(len);
    memcpy(m->data, data, len);
    m->len = len;
    return 0;
}

static void mem_free(uint8_t *data, void *user)
{
    mem_t *m = user;
    m->frees++;
    assert_ptr_equal(data, m->given);
    free(data);
}

/* A load callback that keeps ownership (free callback NULL, as ctypes would). */
static int mem_load_borrowed(uint8_t **data, size_t *len, void *user)
{
    mem_t *m = user;
    m->loads++;
    *data = m->data;
    *len = m->len;
    return 0;
}

static void storage_callbacks(void **state)
{
    (void)state;
    zwh__storage_t s;
    zwh__storage_init(&s);
    mem_t m = {0};
    zwh__state_t *st, *back;
    char err[256] = "";
    /* nothing configured: empty state, saving is a no-op */
    assert_false(zwh__storage_enabled(&s));
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 1);
    zwh__state_free(back);
    st = populated();
    assert_int_equal(zwh__storage_save(&s, st, err, sizeof err), 0);

    assert_int_equal(zwh__storage_set_callbacks(&s, mem_load, NULL, NULL, &m), ZWH_EINVAL);
    assert_int_equal(zwh__storage_set_callbacks(&s, mem_load, mem_save, mem_free, &m), 0);
    assert_true(zwh__storage_enabled(&s));
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 1); /* ENOENT: empty */
    assert_int_equal(zwh__state_node_count(back), 0);
    zwh__state_free(back);
    assert_int_equal(zwh__storage_save(&s, st, err, sizeof err), 0);
    assert_int_equal(m.saves, 1);
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 0);
    assert_int_equal(m.frees, 1); /* the buffer went back exactly once */
    assert_state_equal(st, back);
    zwh__state_free(back);

    /* damaged bytes from the store are refused, and still released */
    m.data[m.len / 2] ^= 0x10;
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), ZWH_ESTATEFILE);
    assert_null(back);
    assert_contains(err, "checksum mismatch");
    assert_int_equal(m.frees, 2);
    m.data[m.len / 2] ^= 0x10;

    /* callback failures are reported */
    m.load_rc = ZWH_EIO;
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), ZWH_EIO);
    assert_contains(err, "storage load callback failed");
    assert_contains(err, "ZWH_EIO");
    m.load_rc = 0;
    m.save_rc = ZWH_ENOSPC;
    assert_int_equal(zwh__storage_save(&s, st, err, sizeof err), ZWH_ENOSPC);
    assert_contains(err, "storage save callback failed");
    m.save_rc = 0;

    /* borrowed buffer, no free callback */
    assert_int_equal(zwh__storage_set_callbacks(&s, mem_load_borrowed, mem_save, NULL, &m), 0);
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 0);
    assert_state_equal(st, back);
    zwh__state_free(back);

    /* the file backend replaces the callbacks; NULL/"" turns storage off */
    dirfix_t *f;
    assert_int_equal(dir_setup((void **)&f), 0);
    assert_int_equal(zwh__storage_set_file(&s, f->path), 0);
    int saves = m.saves;
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 1);
    zwh__state_free(back);
    assert_int_equal(zwh__storage_save(&s, st, err, sizeof err), 0);
    assert_int_equal(m.saves, saves);
    assert_int_equal(zwh__storage_load(&s, &back, err, sizeof err), 0);
    assert_state_equal(st, back);
    zwh__state_free(back);
    assert_int_equal(zwh__storage_set_file(&s, ""), 0);
    assert_false(zwh__storage_enabled(&s));
    assert_int_equal(zwh__storage_set_file(&s, f->path), 0);
    assert_int_equal(zwh__storage_set_callbacks(&s, NULL, NULL, NULL, NULL), 0);
    assert_false(zwh__storage_enabled(&s));
    zwh__storage_cleanup(&s);
    dir_teardown((void **)&f);
    zwh__state_free(st);
    free(m.data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(crc32_check_values),
        cmocka_unit_test(nodes_sorted_and_stable),
        cmocka_unit_test(node_setters),
        cmocka_unit_test(provisioning_list),
        cmocka_unit_test(golden_bytes),
        cmocka_unit_test(round_trip_every_field),
        cmocka_unit_test(unknown_tags_and_grown_fields),
        cmocka_unit_test(versions),
        cmocka_unit_test(damaged_files_rejected),
        cmocka_unit_test(inconsistent_content_rejected),
        cmocka_unit_test(encode_refuses_what_decode_would),
        cmocka_unit_test_setup_teardown(file_save_load_mode, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(file_missing_corrupt_leftovers, dir_setup, dir_teardown),
        cmocka_unit_test_setup_teardown(file_failed_save_keeps_old, dir_setup, dir_teardown),
        cmocka_unit_test(storage_callbacks),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
