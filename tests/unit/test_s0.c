/* S0 engine and codec: vectors.json s0_encap_basic_set,
 * s0_encap_network_key_set_under_zero_key, s0_frame_control_bits,
 * s0_key_derivation (through the frames) and command_frame_encodings (98 xx);
 * round trips controller 1 <-> node N, two-part messages, nonce lifetime and
 * single use, and every rejection with its counter. Expected frames for the
 * sequencing tests are built here from the primitives (AES-ECB key
 * derivation, OFB, CBC-MAC) independently of src/security/s0.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "security/crypto.h"
#include "security/s0.h"
#include "zt_hex.h"

#define H(s, buf) zt_hex((s), (buf), sizeof(buf))

typedef struct nq {
    uint8_t n[4][8];
    int count, next;
    uint8_t ctr;
} nq_t;

static int nonce_from_queue(uint8_t nonce[8], void *user)
{
    nq_t *q = user;
    if (q->next < q->count) {
        memcpy(nonce, q->n[q->next++], 8);
    } else {
        memset(nonce, 0x40, 8);
        nonce[0] = ++q->ctr;
    }
    return 0;
}

static zwh__s0_t *engine(uint16_t id, const char *keyhex)
{
    zwh__s0_config_t cfg = {.node_id = id};
    zwh__s0_t *s0 = NULL;
    assert_int_equal(zwh__s0_new(&cfg, &s0), 0);
    if (keyhex) {
        uint8_t k[16];
        H(keyhex, k);
        assert_int_equal(zwh__s0_set_network_key(s0, k), 0);
    }
    return s0;
}

static zwh__s0_counters_t counters(const zwh__s0_t *s0)
{
    zwh__s0_counters_t c;
    zwh__s0_get_counters(s0, &c);
    return c;
}

static int feed_reply(zwh__s0_t *to, uint16_t from, zwh__s0_result_t *res, uint64_t now)
{
    uint8_t f[16], out[16];
    size_t n = res->reply_len;
    memcpy(f, res->reply, n);
    zwh__s0_rx_t rx = {.src = from};
    return zwh__s0_decap(to, &rx, f, n, now, out, sizeof out, res);
}

/* Nonce Get from a to b, Nonce Report back; a then holds b's nonce. */
static void get_nonce(zwh__s0_t *a, uint16_t an, zwh__s0_t *b, uint16_t bn, uint64_t now)
{
    uint8_t out[32];
    zwh__s0_result_t res;
    zwh__s0_rx_t rx = {.src = an};
    assert_int_equal(zwh__s0_decap(b, &rx, (const uint8_t *)"\x98\x40", 2, now, out, sizeof out, &res),
                     ZWH__S0_RX_NONE);
    assert_int_equal(res.reply_len, 10);
    assert_int_equal(feed_reply(a, bn, &res, now), ZWH__S0_RX_NONCE_REPORT);
}

static void vector_basic_set(void **state)
{
    (void)state;
    zwh__s0_t *c = engine(1, "0102030405060708090a0b0c0d0e0f10");
    zwh__s0_t *n = engine(5, "0102030405060708090a0b0c0d0e0f10");
    nq_t qc = {.count = 1}, qn = {.count = 1};
    H("a1a2a3a4a5a6a7a8", qc.n[0]);
    H("b1b2b3b4b5b6b7b8", qn.n[0]);
    zwh__s0_set_nonce_source(c, nonce_from_queue, &qc);
    zwh__s0_set_nonce_source(n, nonce_from_queue, &qn);
    uint8_t frame[64], out[64], pt[3] = {0x20, 0x01, 0xFF};
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_tx_t tx = {.dst = 5};
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S0_TX_NONCE_GET);
    zt_assert_hex(frame, flen, "9840"); /* s0_nonce_get */
    zwh__s0_rx_t from_c = {.src = 1}, from_n = {.src = 5};
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH__S0_RX_NONE);
    zt_assert_hex(res.reply, res.reply_len, "9880b1b2b3b4b5b6b7b8"); /* s0_nonce_report */
    assert_int_equal(feed_reply(c, 5, &res, 0), ZWH__S0_RX_NONCE_REPORT);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    zt_assert_hex(frame, flen, "9881a1a2a3a4a5a6a7a83e3685a7b18aa14340e663a77e");
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 10, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "2001ff");
    assert_int_equal(res.temp_key, 0);
    assert_int_equal(res.reply_len, 0);
    /* the nonce was used: a replay is refused */
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 20, out, sizeof out, &res), ZWH_ES0_NONCE);
    assert_int_equal(counters(n).nonce_unknown, 1);
    /* and the node answers in the other direction */
    get_nonce(n, 5, c, 1, 30);
    uint8_t rep[5] = {0x20, 0x03, 0xFF, 0xFF, 0x00};
    tx.dst = 1;
    assert_int_equal(zwh__s0_encap(n, &tx, rep, 5, 30, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(flen, 20 + 5);
    assert_int_equal(zwh__s0_decap(c, &from_n, frame, flen, 40, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    assert_memory_equal(out, rep, 5);
    zwh__s0_free(c);
    zwh__s0_free(n);
}

static void vector_network_key_set_under_zero_key(void **state)
{
    (void)state;
    zwh__s0_t *c = engine(1, "0102030405060708090a0b0c0d0e0f10");
    zwh__s0_t *n = engine(5, NULL); /* a node being included has no key yet */
    assert_int_equal(zwh__s0_allow_temp_key(n, 1, 1), 0);
    nq_t qc = {.count = 1}, qn = {.count = 1};
    H("a1a2a3a4a5a6a7a8", qc.n[0]);
    H("b1b2b3b4b5b6b7b8", qn.n[0]);
    zwh__s0_set_nonce_source(c, nonce_from_queue, &qc);
    zwh__s0_set_nonce_source(n, nonce_from_queue, &qn);
    uint8_t frame[64], out[64], cmd[32], key[16];
    H("0102030405060708090a0b0c0d0e0f10", key);
    int clen = zwh__s0_encode_network_key_set(key, cmd, sizeof cmd);
    assert_int_equal(clen, 18);
    zt_assert_hex(cmd, 18, "98060102030405060708090a0b0c0d0e0f10");
    size_t flen;
    zwh__s0_result_t res;
    get_nonce(c, 1, n, 5, 0);
    zwh__s0_tx_t tx = {.dst = 5, .temp_key = 1};
    assert_int_equal(zwh__s0_encap(c, &tx, cmd, (size_t)clen, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    zt_assert_hex(frame, flen, "9881a1a2a3a4a5a6a7a8fcdc149c6cd0f8f53fee1092620b86d74843beb1931456d683fadb8f");
    zwh__s0_rx_t from_c = {.src = 1}, from_n = {.src = 5};
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    assert_int_equal(res.temp_key, 1);
    uint8_t got[16];
    assert_int_equal(zwh__s0_decode_network_key_set(out, res.len, got), 0);
    assert_memory_equal(got, key, 16);
    /* the node installs it and proves it with Network Key Verify under the new key */
    assert_int_equal(zwh__s0_set_network_key(n, got), 0);
    assert_int_equal(zwh__s0_allow_temp_key(n, 1, 0), 0);
    get_nonce(n, 5, c, 1, 0);
    assert_int_equal(zwh__s0_encode_simple(ZWH__S0_NETWORK_KEY_VERIFY, cmd, sizeof cmd), 2);
    zt_assert_hex(cmd, 2, "9807");
    zwh__s0_tx_t back = {.dst = 1};
    assert_int_equal(zwh__s0_encap(n, &back, cmd, 2, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(c, &from_n, frame, flen, 0, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    assert_int_equal(res.temp_key, 0);
    zt_assert_hex(out, res.len, "9807");
    /* a frame under the zero key is refused once temp mode is off */
    get_nonce(c, 1, n, 5, 0);
    assert_int_equal(zwh__s0_encap(c, &tx, cmd, 2, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ES0_MAC);
    assert_int_equal(counters(n).mac_fail, 1);
    zwh__s0_free(c);
    zwh__s0_free(n);
}

/* Builds the expected S0 frame from the primitives (independent of s0.c). */
static size_t expected_frame(const uint8_t nk[16], uint8_t cmd, const uint8_t sn[8],
                             const uint8_t rn[8], uint8_t src, uint8_t dst, const uint8_t *pt,
                             size_t l, uint8_t *out)
{
    uint8_t c55[16], caa[16], ak[16], ek[16], iv[16], ad[64], mac[16];
    memset(c55, 0x55, 16);
    memset(caa, 0xAA, 16);
    assert_int_equal(zwh__aes128_encrypt_block(nk, c55, ak), 0);
    assert_int_equal(zwh__aes128_encrypt_block(nk, caa, ek), 0);
    memcpy(iv, sn, 8);
    memcpy(iv + 8, rn, 8);
    out[0] = 0x98;
    out[1] = cmd;
    memcpy(out + 2, sn, 8);
    assert_int_equal(zwh__aes128_ofb(ek, iv, pt, l, out + 10), 0);
    memcpy(ad, iv, 16);
    ad[16] = cmd; ad[17] = src; ad[18] = dst; ad[19] = (uint8_t)l;
    memcpy(ad + 20, out + 10, l);
    assert_int_equal(zwh__aes128_cbc_mac(ak, ad, 20 + l, mac), 0);
    out[10 + l] = rn[0];
    memcpy(out + 11 + l, mac, 8);
    return 19 + l;
}

/* s0_frame_control_bits: 0x13 first of two (seq 3), 0x33 second. */
static void two_part_message_reassembled(void **state)
{
    (void)state;
    const char *kh = "00112233445566778899aabbccddeeff";
    uint8_t nk[16];
    H(kh, nk);
    zwh__s0_t *c = engine(1, kh), *n = engine(9, kh);
    nq_t qc = {.count = 2}, qn = {.count = 2};
    H("1111111111111111", qc.n[0]);
    H("2222222222222222", qc.n[1]);
    H("5151515151515151", qn.n[0]);
    H("6262626262626262", qn.n[1]);
    zwh__s0_set_nonce_source(c, nonce_from_queue, &qc);
    zwh__s0_set_nonce_source(n, nonce_from_queue, &qn);
    uint8_t msg[40], frame[96], exp[96], out[96], body[48];
    for (int i = 0; i < 40; i++)
        msg[i] = (uint8_t)(0x70 + i);
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_rx_t from_c = {.src = 1};
    get_nonce(c, 1, n, 9, 0);
    zwh__s0_tx_t first = {.dst = 9, .request_nonce = 1, .frame_control = 0x13};
    assert_int_equal(zwh__s0_encap(c, &first, msg, 26, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    body[0] = 0x13;
    memcpy(body + 1, msg, 26);
    size_t elen = expected_frame(nk, 0xC1, qc.n[0], qn.n[0], 1, 9, body, 27, exp);
    assert_int_equal(flen, elen);
    assert_memory_equal(frame, exp, elen);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH__S0_RX_FIRST_PART);
    assert_int_equal(res.reply_len, 10); /* 0xC1 asked for the next nonce */
    zt_assert_hex(res.reply, 10, "98806262626262626262");
    assert_int_equal(feed_reply(c, 9, &res, 0), ZWH__S0_RX_NONCE_REPORT);
    zwh__s0_tx_t second = {.dst = 9, .frame_control = 0x33};
    assert_int_equal(zwh__s0_encap(c, &second, msg + 26, 14, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    body[0] = 0x33;
    memcpy(body + 1, msg + 26, 14);
    elen = expected_frame(nk, 0x81, qc.n[1], qn.n[1], 1, 9, body, 15, exp);
    assert_memory_equal(frame, exp, elen);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    assert_int_equal(res.len, 40);
    assert_memory_equal(out, msg, 40);
    /* a second part whose counter does not match is dropped */
    get_nonce(c, 1, n, 9, 0);
    second.frame_control = 0x34;
    assert_int_equal(zwh__s0_encap(c, &second, msg, 4, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_EPROTO);
    assert_int_equal(counters(n).seq_mismatch, 1);
    zwh__s0_free(c);
    zwh__s0_free(n);
}

static void nonce_lifetime_single_use_and_binding(void **state)
{
    (void)state;
    const char *kh = "0102030405060708090a0b0c0d0e0f10";
    zwh__s0_t *c = engine(1, kh), *n = engine(5, kh), *other = engine(7, kh);
    uint8_t frame[64], out[64], pt[2] = {0x20, 0x02};
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_tx_t tx = {.dst = 5};
    zwh__s0_rx_t from_c = {.src = 1}, from_other = {.src = 7};
    /* expired: the node's nonce lives 3 s (default) */
    get_nonce(c, 1, n, 5, 1000);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 1000, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 4001, out, sizeof out, &res), ZWH_ES0_NONCE);
    /* just in time */
    get_nonce(c, 1, n, 5, 5000);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 5000, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 7999, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    /* the sender also refuses to use a stale nonce of the receiver */
    get_nonce(c, 1, n, 5, 10000);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 13001, frame, sizeof frame, &flen), ZWH__S0_TX_NONCE_GET);
    /* a nonce issued to node 1 is useless to node 7 */
    get_nonce(c, 1, n, 5, 20000);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 20000, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_other, frame, flen, 20000, out, sizeof out, &res), ZWH_ES0_NONCE);
    assert_int_equal(counters(n).nonce_unknown, 2);
    /* using one nonce discards the sender's other outstanding nonces */
    get_nonce(c, 1, n, 5, 30000);
    uint8_t frame2[64];
    size_t flen2;
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 30000, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    get_nonce(c, 1, n, 5, 30000);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 30000, frame2, sizeof frame2, &flen2), ZWH__S0_TX_ENCAP);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame2, flen2, 30000, out, sizeof out, &res), ZWH__S0_RX_PLAINTEXT);
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 30000, out, sizeof out, &res), ZWH_ES0_NONCE);
    zwh__s0_free(c);
    zwh__s0_free(n);
    zwh__s0_free(other);
}

static void nonce_table_bounded_ids_unique(void **state)
{
    (void)state;
    zwh__s0_config_t cfg = {.node_id = 1, .max_nonces = 8, .nonce_lifetime_ms = 10000};
    zwh__s0_t *s0 = NULL;
    assert_int_equal(zwh__s0_new(&cfg, &s0), 0);
    uint8_t out[16], ids[8];
    zwh__s0_result_t res;
    for (int i = 0; i < 100; i++) {
        zwh__s0_rx_t rx = {.src = (uint16_t)(2 + i % 50)};
        assert_int_equal(zwh__s0_decap(s0, &rx, (const uint8_t *)"\x98\x40", 2, (uint64_t)i, out, sizeof out, &res), 0);
        assert_int_equal(res.reply_len, 10);
        if (i >= 92)
            ids[i - 92] = res.reply[2];
    }
    assert_int_equal(counters(s0).nonce_evicted, 92);
    for (int a = 0; a < 8; a++)
        for (int b = a + 1; b < 8; b++)
            assert_int_not_equal(ids[a], ids[b]); /* outstanding ids are distinct */
    zwh__s0_free(s0);
}

static void tampering_and_truncation_rejected(void **state)
{
    (void)state;
    const char *kh = "0102030405060708090a0b0c0d0e0f10";
    zwh__s0_t *c = engine(1, kh), *n = engine(5, kh);
    uint8_t frame[64], bad[64], out[64], pt[4] = {0x62, 0x01, 0xFF, 0x00};
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_tx_t tx = {.dst = 5};
    zwh__s0_rx_t from_c = {.src = 1};
    /* every byte after 98 81: sender nonce, ciphertext, MAC -> MAC failure;
     * the nonce id -> unknown nonce */
    for (size_t i = 2; i < 24; i++) {
        get_nonce(c, 1, n, 5, 0);
        assert_int_equal(zwh__s0_encap(c, &tx, pt, 4, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
        assert_int_equal(flen, 24);
        memcpy(bad, frame, flen);
        bad[i] ^= 0x01;
        int rc = zwh__s0_decap(n, &from_c, bad, flen, 0, out, sizeof out, &res);
        assert_int_equal(rc, i == 15 ? ZWH_ES0_NONCE : ZWH_ES0_MAC);
        assert_int_equal(res.len, 0);
    }
    assert_int_equal(counters(n).mac_fail, 21);
    /* the command byte is authenticated too (81 <-> C1) */
    get_nonce(c, 1, n, 5, 0);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 4, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    frame[1] = 0xC1;
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ES0_MAC);
    assert_int_equal(res.reply_len, 10); /* still answers the nonce request */
    /* truncation at every length */
    get_nonce(c, 1, n, 5, 0);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 4, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    zwh__s0_counters_t before = counters(n);
    for (size_t l = 0; l < flen; l++) {
        uint8_t cut[64];
        memcpy(cut, frame, l);
        assert_true(zwh__s0_decap(n, &from_c, l ? cut : NULL, l, 0, out, sizeof out, &res) < 0);
        assert_int_equal(res.len, 0);
    }
    zwh__s0_counters_t after = counters(n);
    assert_int_equal(after.rx_ok, before.rx_ok);
    assert_int_equal((after.malformed - before.malformed) + (after.nonce_unknown - before.nonce_unknown) +
                     (after.mac_fail - before.mac_fail), flen);
    zwh__s0_free(c);
    zwh__s0_free(n);
}

static void no_key_and_bad_arguments(void **state)
{
    (void)state;
    zwh__s0_t *c = engine(1, NULL), *n = engine(5, NULL);
    uint8_t frame[64], out[64], pt[2] = {1, 2};
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_tx_t tx = {.dst = 5};
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 0, frame, sizeof frame, &flen), ZWH_ENOKEY);
    tx.dst = 300; /* Long Range nodes have no S0 */
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 0, frame, sizeof frame, &flen), ZWH_EINVAL);
    tx.dst = 5;
    tx.temp_key = 1;
    get_nonce(c, 1, n, 5, 0);
    assert_int_equal(zwh__s0_encap(c, &tx, pt, 2, 0, frame, sizeof frame, &flen), ZWH__S0_TX_ENCAP);
    zwh__s0_rx_t from_c = {.src = 1};
    assert_int_equal(zwh__s0_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ENOKEY);
    assert_int_equal(counters(n).no_key, 1);
    uint8_t big[200] = {0};
    assert_int_equal(zwh__s0_encap(c, &tx, big, sizeof big, 0, frame, sizeof frame, &flen), ZWH_EMSGSIZE);
    assert_int_equal(zwh__s0_decap(n, &from_c, (const uint8_t *)"\x98\x04\x00", 3, 0, out, sizeof out, &res), ZWH_ENOTSUP);
    assert_int_equal(zwh__s0_decap(n, &from_c, (const uint8_t *)"\x98\x80\x01", 3, 0, out, sizeof out, &res), ZWH_EBADMSG);
    assert_int_equal(zwh__s0_allow_temp_key(n, 0, 1), ZWH_EINVAL);
    assert_int_equal(zwh__s0_new(NULL, NULL), ZWH_EINVAL);
    zwh__s0_free(NULL);
    zwh__s0_free(c);
    zwh__s0_free(n);
}

/* command_frame_encodings, S0 part */
static void plain_command_encodings(void **state)
{
    (void)state;
    uint8_t b[32];
    assert_int_equal(zwh__s0_encode_scheme(ZWH__S0_SCHEME_GET, b, sizeof b), 3);
    zt_assert_hex(b, 3, "980400");
    assert_int_equal(zwh__s0_encode_scheme(ZWH__S0_SCHEME_REPORT, b, sizeof b), 3);
    zt_assert_hex(b, 3, "980500");
    assert_int_equal(zwh__s0_encode_scheme(ZWH__S0_SCHEME_INHERIT, b, sizeof b), 3);
    zt_assert_hex(b, 3, "980800");
    assert_int_equal(zwh__s0_encode_scheme(0x07, b, sizeof b), ZWH_EINVAL);
    assert_int_equal(zwh__s0_encode_simple(ZWH__S0_NONCE_GET, b, sizeof b), 2);
    zt_assert_hex(b, 2, "9840");
    assert_int_equal(zwh__s0_encode_simple(ZWH__S0_CMDS_SUPPORTED_GET, b, sizeof b), 2);
    zt_assert_hex(b, 2, "9802");
    assert_int_equal(zwh__s0_encode_simple(ZWH__S0_NETWORK_KEY_VERIFY, b, 1), ZWH_EMSGSIZE);
    uint8_t cmd;
    int s0ok;
    assert_int_equal(zwh__s0_decode_scheme((const uint8_t *)"\x98\x05\x00", 3, &cmd, &s0ok), 0);
    assert_int_equal(cmd, ZWH__S0_SCHEME_REPORT);
    assert_int_equal(s0ok, 1);
    assert_int_equal(zwh__s0_decode_scheme((const uint8_t *)"\x98\x05\x01", 3, &cmd, &s0ok), 0);
    assert_int_equal(s0ok, 0); /* bit0 SET means scheme 0 NOT supported */
    assert_int_equal(zwh__s0_decode_scheme((const uint8_t *)"\x98\x05", 2, &cmd, &s0ok), ZWH_EBADMSG);
    uint8_t k[16];
    assert_int_equal(zwh__s0_decode_network_key_set((const uint8_t *)"\x98\x06\x01", 3, k), ZWH_EBADMSG);
}

static void commands_supported_report(void **state)
{
    (void)state;
    uint8_t b[32];
    const uint8_t sup[] = {0x20, 0x62, 0xF1, 0x00, 0x71}, ctl[] = {0x20, 0xEF};
    /* an extended CC (F1 00) is two bytes; 0xEF as a controlled CC after the mark is data */
    int n = zwh__s0_encode_cmds_supported_report(0, sup, sizeof sup, ctl, sizeof ctl, b, sizeof b);
    assert_int_equal(n, 3 + 5 + 1 + 2);
    zt_assert_hex(b, (size_t)n, "980300 2062f10071 ef 20ef");
    zwh__s0_cmds_t cmds;
    assert_int_equal(zwh__s0_decode_cmds_supported_report(b, (size_t)n, &cmds), 0);
    assert_int_equal(cmds.reports_to_follow, 0);
    assert_int_equal(cmds.n_supported, 5);
    assert_memory_equal(cmds.supported, sup, 5);
    assert_int_equal(cmds.n_controlled, 2);
    assert_memory_equal(cmds.controlled, ctl, 2);
    /* no mark: all supported */
    assert_int_equal(zwh__s0_decode_cmds_supported_report((const uint8_t *)"\x98\x03\x01\x25\x26", 5, &cmds), 0);
    assert_int_equal(cmds.reports_to_follow, 1);
    assert_int_equal(cmds.n_supported, 2);
    assert_int_equal(cmds.n_controlled, 0);
    /* an extended id cut in half */
    assert_int_equal(zwh__s0_decode_cmds_supported_report((const uint8_t *)"\x98\x03\x00\x25\xF1", 5, &cmds), ZWH_EBADMSG);
    assert_int_equal(zwh__s0_decode_cmds_supported_report((const uint8_t *)"\x98\x03", 2, &cmds), ZWH_EBADMSG);
    assert_int_equal(zwh__s0_encode_cmds_supported_report(0, sup, sizeof sup, NULL, 0, b, 4), ZWH_EMSGSIZE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vector_basic_set),
        cmocka_unit_test(vector_network_key_set_under_zero_key),
        cmocka_unit_test(two_part_message_reassembled),
        cmocka_unit_test(nonce_lifetime_single_use_and_binding),
        cmocka_unit_test(nonce_table_bounded_ids_unique),
        cmocka_unit_test(tampering_and_truncation_rejected),
        cmocka_unit_test(no_key_and_bad_arguments),
        cmocka_unit_test(plain_command_encodings),
        cmocka_unit_test(commands_supported_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
