/* S2 transport engine: golden frames of vectors.json (s2_encap_classic_*,
 * s2_encap_longrange_*, s2_encap_temp_key_echo_kex_set, mpan_nonces,
 * command_frame_encodings) reproduced by two engine instances, round trips in
 * both directions, resynchronisation, and every rejection path with its
 * counter. Crafted frames are built here with the crypto primitives and an AAD
 * assembled independently of src/security/s2.c. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "security/crypto.h"
#include "security/s2.h"
#include "zt_hex.h"

#define H(s, buf) zt_hex((s), (buf), sizeof(buf))
#define HOME 0xDEADBEEFu
#define AUTH_KEY "c0ffee00112233445566778899aabbcc"

/* ---- EI source: hands out queued EIs, then falls back to a counter ------- */
typedef struct ei_queue {
    uint8_t ei[4][16];
    int n, next;
    uint8_t ctr;
} ei_queue_t;

static int ei_from_queue(uint8_t ei[16], void *user)
{
    ei_queue_t *q = user;
    if (q->next < q->n) {
        memcpy(ei, q->ei[q->next++], 16);
    } else {
        memset(ei, 0xE0, 16);
        ei[15] = ++q->ctr;
    }
    return 0;
}

/* Engines draw sequence numbers (and EIs without a queue) from their DRBG. Tests
 * that hand-craft frames with fixed sequence numbers must not collide with a
 * random one in the receiver's duplicate window, so every test engine is seeded
 * deterministically from its node id: the suite gives the same result every run. */
static zwh__s2_t *engine(uint16_t node_id)
{
    uint8_t seed[32];
    for (size_t i = 0; i < sizeof seed; i++)
        seed[i] = (uint8_t)(node_id * 31u + i * 7u + 1u);
    zwh__s2_config_t cfg = {.home_id = HOME, .node_id = node_id, .seed = seed};
    zwh__s2_t *s2 = NULL;
    assert_int_equal(zwh__s2_new(&cfg, &s2), 0);
    return s2;
}

static void install(zwh__s2_t *s2, int cls, const char *keyhex)
{
    uint8_t k[16];
    H(keyhex, k);
    assert_int_equal(zwh__s2_set_network_key(s2, cls, k), 0);
}

/* Feeds a result's reply frame to another engine (copied first: decap clears
 * its result argument, so the frame must not live inside it). */
static int feed_reply(zwh__s2_t *to, const zwh__s2_rx_t *rx, zwh__s2_result_t *res)
{
    uint8_t frame[sizeof res->reply], out[64];
    size_t len = res->reply_len;
    memcpy(frame, res->reply, len);
    return zwh__s2_decap(to, rx, frame, len, 0, out, sizeof out, res);
}

static zwh__s2_counters_t counters(const zwh__s2_t *s2)
{
    zwh__s2_counters_t c;
    zwh__s2_get_counters(s2, &c);
    return c;
}

/* Sends pt from a to b, doing the Nonce Get/Report dance when needed, and
 * checks that b receives pt under cls. Returns the encapsulation frame length. */
static size_t deliver(zwh__s2_t *a, uint16_t an, zwh__s2_t *b, uint16_t bn, int cls,
                      const uint8_t *pt, size_t len, uint8_t *frame_out)
{
    uint8_t frame[256], out[256];
    size_t flen = 0;
    zwh__s2_tx_t tx = {.dst = bn, .cls = cls};
    zwh__s2_rx_t rx_b = {.src = an}, rx_a = {.src = bn};
    zwh__s2_result_t res;
    int rc = zwh__s2_encap(a, &tx, pt, len, 0, frame, sizeof frame, &flen);
    if (rc == ZWH__S2_TX_NONCE_GET) {
        assert_int_equal(flen, 3);
        assert_int_equal(zwh__s2_decap(b, &rx_b, frame, flen, 0, out, sizeof out, &res),
                         ZWH__S2_RX_NONE);
        assert_int_equal(res.reply_len, 20);
        assert_int_equal(feed_reply(a, &rx_a, &res),
                         ZWH__S2_RX_NONCE_REPORT);
        rc = zwh__s2_encap(a, &tx, pt, len, 0, frame, sizeof frame, &flen);
    }
    assert_int_equal(rc, ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(b, &rx_b, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(res.len, len);
    assert_memory_equal(out, pt, len);
    assert_int_equal(res.cls, cls);
    assert_int_equal(res.reply_len, 0);
    if (frame_out)
        memcpy(frame_out, frame, flen);
    return flen;
}

/* ---- golden frames ----------------------------------------------------------- */

/* Runs the three-frame exchange of s2_encap_classic_* / s2_encap_longrange_*
 * with controller 1 and node `node`; every byte on the air is compared. */
static void golden_exchange(uint16_t node, const char *f1, const char *f2, const char *f3)
{
    zwh__s2_t *ctrl = engine(1), *dev = engine(node);
    install(ctrl, ZWH__S2_AUTH, AUTH_KEY);
    install(dev, ZWH__S2_AUTH, AUTH_KEY);
    assert_int_equal(zwh__s2_set_granted(ctrl, node, ZWH__S2_BIT(ZWH__S2_AUTH)), 0);
    assert_int_equal(zwh__s2_set_granted(dev, 1, ZWH__S2_BIT(ZWH__S2_AUTH)), 0);
    ei_queue_t qc = {.n = 1}, qd = {.n = 1};
    H("8cf810b7c57c9b7b8cbfeb5a46a42526", qc.ei[0]); /* controller's SEI */
    H("b9c47c21d797037e6c14fa796378224a", qd.ei[0]); /* node's REI */
    zwh__s2_set_ei_source(ctrl, ei_from_queue, &qc);
    zwh__s2_set_ei_source(dev, ei_from_queue, &qd);

    uint8_t frame[256], out[256], pt[8];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t to_dev = {.dst = node, .cls = ZWH__S2_AUTH};
    zwh__s2_tx_t to_ctrl = {.dst = 1, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_ctrl = {.src = 1}, from_dev = {.src = node};

    /* no SPAN yet: the controller asks for a nonce. Its sequence number is pinned
     * below the vector's 0x42: a random one equal to 0x42 (1 in 256) would make
     * frame 1 a genuine duplicate that the node rightly drops. */
    assert_int_equal(zwh__s2_set_tx_seq(ctrl, node, 0x41), 0);
    size_t n = H("2001ff", pt);
    assert_int_equal(zwh__s2_encap(ctrl, &to_dev, pt, n, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_NONCE_GET);
    assert_int_equal(flen, 3);
    assert_int_equal(frame[0], 0x9F);
    assert_int_equal(frame[1], 0x01);
    assert_int_equal(zwh__s2_span_state(ctrl, node), ZWH__S2_SPAN_NONE);
    /* the node answers with REI and sequence number 0x10 (vector) */
    assert_int_equal(zwh__s2_set_tx_seq(dev, 1, 0x10), 0);
    assert_int_equal(zwh__s2_decap(dev, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_NONE);
    zt_assert_hex(res.reply, res.reply_len, "9f021001b9c47c21d797037e6c14fa796378224a");
    assert_int_equal(zwh__s2_span_state(dev, 1), ZWH__S2_SPAN_LOCAL_EI);
    assert_int_equal(feed_reply(ctrl, &from_dev, &res), ZWH__S2_RX_NONCE_REPORT);
    assert_true(res.flags & ZWH__S2_RXF_SOS);
    assert_int_equal(zwh__s2_span_state(ctrl, node), ZWH__S2_SPAN_REMOTE_EI);

    /* frame 1: controller -> node, SPAN extension, seq 0x42 */
    assert_int_equal(zwh__s2_set_tx_seq(ctrl, node, 0x42), 0);
    assert_int_equal(zwh__s2_encap(ctrl, &to_dev, pt, n, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    zt_assert_hex(frame, flen, f1);
    assert_int_equal(zwh__s2_decap(dev, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "2001ff");
    assert_int_equal(res.cls, ZWH__S2_AUTH);
    assert_int_equal(zwh__s2_span_state(dev, 1), ZWH__S2_SPAN_ESTABLISHED);

    /* frame 2: node -> controller, next output of the same SPAN, seq 17 */
    assert_int_equal(zwh__s2_set_tx_seq(dev, 1, 17), 0);
    n = H("2003fffefe", pt);
    assert_int_equal(zwh__s2_encap(dev, &to_ctrl, pt, n, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    zt_assert_hex(frame, flen, f2);
    assert_int_equal(zwh__s2_decap(ctrl, &from_dev, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "2003fffefe");
    assert_int_equal(res.cls, ZWH__S2_AUTH);

    /* frame 3: controller -> node, third output, seq 67 (0x43 follows 0x42) */
    n = H("200100", pt);
    assert_int_equal(zwh__s2_encap(ctrl, &to_dev, pt, n, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    zt_assert_hex(frame, flen, f3);
    assert_int_equal(zwh__s2_decap(dev, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "200100");

    zwh__s2_counters_t c = counters(dev);
    assert_int_equal(c.rx_ok, 2);
    assert_int_equal(c.nonce_get_rx, 1);
    assert_int_equal(c.nonce_report_tx, 1);
    assert_int_equal(c.decrypt_fail + c.malformed + c.duplicate + c.no_span, 0);
    zwh__s2_free(ctrl);
    zwh__s2_free(dev);
}

static void vector_classic_frames(void **state)
{
    (void)state;
    golden_exchange(2, "9f03420112418cf810b7c57c9b7b8cbfeb5a46a42526d3ceaf80a8b4216f0cb875",
                    "9f03110072cbe9c0bfa86a81f7d1f56dce", "9f03430066cdfd214712313f2f7d3a");
}

/* Long Range: only the AAD changes (2-byte node ids), so the ciphertexts match
 * the classic ones and the tags differ. */
static void vector_long_range_frames(void **state)
{
    (void)state;
    golden_exchange(261, "9f03420112418cf810b7c57c9b7b8cbfeb5a46a42526d3ceaf98dcc9875aa34c0f",
                    "9f03110072cbe9c0bfdba8a128526e2c52", "9f03430066cdfde00f9735cce4bebc");
}

/* s2_encap_temp_key_echo_kex_set: joining node 7 -> controller 1 under the
 * temporary key of temp_key_fixed_inputs. */
static void vector_temp_key_echo_kex_set(void **state)
{
    (void)state;
    uint8_t shared[32], pa[32], pb[32];
    H("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", shared);
    H("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf", pa);
    H("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf", pb);
    zwh__s2_keys_t tk;
    assert_int_equal(zwh__s2_expand_temp_key(shared, pa, pb, &tk), 0);
    zwh__s2_t *ctrl = engine(1), *dev = engine(7);
    assert_int_equal(zwh__s2_set_class_keys(ctrl, ZWH__S2_TEMP, &tk), 0);
    assert_int_equal(zwh__s2_set_class_keys(dev, ZWH__S2_TEMP, &tk), 0);
    /* the controller also holds permanent keys: the temp key is tried first */
    install(ctrl, ZWH__S2_AUTH, AUTH_KEY);
    assert_int_equal(zwh__s2_set_granted(ctrl, 7, ZWH__S2_BIT(ZWH__S2_TEMP) | ZWH__S2_BIT(ZWH__S2_AUTH)), 0);
    assert_int_equal(zwh__s2_set_granted(dev, 1, ZWH__S2_BIT(ZWH__S2_TEMP)), 0);
    ei_queue_t qc = {.n = 1}, qd = {.n = 1};
    H("7d1b7d7687305d6c0ce3aa5b2cd969ad", qc.ei[0]);
    H("86c70f391a73eabebbc4147cf070956a", qd.ei[0]);
    zwh__s2_set_ei_source(ctrl, ei_from_queue, &qc);
    zwh__s2_set_ei_source(dev, ei_from_queue, &qd);

    uint8_t frame[128], out[128], pt[8];
    size_t flen, n = H("9f0601020103", pt);
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 1, .cls = ZWH__S2_TEMP};
    zwh__s2_rx_t from_dev = {.src = 7}, from_ctrl = {.src = 1};
    /* pinned below the vector's 5, so the echo can never repeat the Nonce Get's number */
    assert_int_equal(zwh__s2_set_tx_seq(dev, 1, 4), 0);
    assert_int_equal(zwh__s2_encap(dev, &tx, pt, n, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_NONCE_GET);
    assert_int_equal(zwh__s2_decap(ctrl, &from_dev, frame, flen, 0, out, sizeof out, &res), 0);
    assert_memory_equal(res.reply + 4, qc.ei[0], 16);
    assert_int_equal(feed_reply(dev, &from_ctrl, &res), ZWH__S2_RX_NONCE_REPORT);
    assert_int_equal(zwh__s2_set_tx_seq(dev, 1, 5), 0);
    assert_int_equal(zwh__s2_encap(dev, &tx, pt, n, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    zt_assert_hex(frame, flen, "9f030501124186c70f391a73eabebbc4147cf070956adc14ebf08af8a649742678721c77");
    assert_int_equal(zwh__s2_decap(ctrl, &from_dev, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(res.cls, ZWH__S2_TEMP); /* KEX machine needs to see "temporary" */
    zt_assert_hex(out, res.len, "9f0601020103");
    zwh__s2_free(ctrl);
    zwh__s2_free(dev);
}

/* command_frame_encodings: the transport frames the engine emits. */
static void vector_nonce_frames(void **state)
{
    (void)state;
    zwh__s2_t *a = engine(1), *b = engine(2);
    install(a, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    zwh__s2_set_granted(a, 2, ZWH__S2_BIT(ZWH__S2_UNAUTH));
    zwh__s2_set_granted(b, 1, ZWH__S2_BIT(ZWH__S2_UNAUTH));
    ei_queue_t q = {.n = 1};
    H("303132333435363738393a3b3c3d3e3f", q.ei[0]);
    zwh__s2_set_ei_source(b, ei_from_queue, &q);
    uint8_t frame[64], out[64];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_UNAUTH};
    zwh__s2_set_tx_seq(a, 2, 0x20);
    assert_int_equal(zwh__s2_encap(a, &tx, (const uint8_t *)"\x20\x02", 2, 0, frame, sizeof frame,
                                   &flen), ZWH__S2_TX_NONCE_GET);
    zt_assert_hex(frame, flen, "9f0120"); /* nonce_get_seq_0x20 */
    zwh__s2_set_tx_seq(b, 1, 0x21);
    zwh__s2_rx_t rx = {.src = 1};
    assert_int_equal(zwh__s2_decap(b, &rx, frame, flen, 0, out, sizeof out, &res), 0);
    zt_assert_hex(res.reply, res.reply_len, "9f022101303132333435363738393a3b3c3d3e3f");
    zwh__s2_free(a);
    zwh__s2_free(b);
}

/* ---- multicast (MPAN) --------------------------------------------------------- */

static void vector_mpan_multicast_and_followups(void **state)
{
    (void)state;
    zwh__s2_t *ctrl = engine(1), *n2 = engine(2), *n3 = engine(3);
    zwh__s2_t *nodes[2] = {n2, n3};
    install(ctrl, ZWH__S2_AUTH, AUTH_KEY);
    for (int i = 0; i < 2; i++) {
        install(nodes[i], ZWH__S2_AUTH, AUTH_KEY);
        zwh__s2_set_granted(ctrl, (uint16_t)(2 + i), ZWH__S2_BIT(ZWH__S2_AUTH));
        zwh__s2_set_granted(nodes[i], 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    }
    uint8_t st[16], frame[128], out[128], pt[3] = {0x20, 0x01, 0xFF};
    size_t flen;
    zwh__s2_result_t res;
    H("0f0e0d0c0b0a09080706050403020100", st);
    assert_int_equal(zwh__s2_mpan_set(ctrl, 0x05, ZWH__S2_AUTH, st), 0);

    /* Establish SPANs, then hand node 2 the MPAN (encrypted MPAN extension). */
    for (int i = 0; i < 2; i++)
        deliver(ctrl, 1, nodes[i], (uint16_t)(2 + i), ZWH__S2_AUTH, pt, 3, NULL);
    zwh__s2_tx_t give = {.dst = 2, .cls = ZWH__S2_AUTH, .mpan_group = 5};
    assert_int_equal(zwh__s2_encap(ctrl, &give, NULL, 0, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    assert_int_equal(frame[3], 0x02); /* encrypted extension only */
    zwh__s2_rx_t from_ctrl = {.src = 1}, mc = {.src = 1, .multicast = 1};
    assert_int_equal(zwh__s2_decap(n2, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(res.len, 0);
    assert_int_equal(zwh__s2_peer_mpan_state(n2, 1, 5), 1);

    /* Multicast: 9F 03 seq 01 | 03 43 05 | ct | tag, nonce = mpan_nonce_1. */
    assert_int_equal(zwh__s2_encap_multicast(ctrl, 5, ZWH__S2_AUTH, pt, 3, 0, frame, sizeof frame,
                                             &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(flen, 4 + 3 + 3 + 8);
    assert_int_equal(frame[3], 0x01);
    assert_int_equal(frame[4], 0x03);
    assert_int_equal(frame[5], 0x43);
    assert_int_equal(frame[6], 0x05);
    {
        /* independent check: AAD with the group as destination, keyCCM, and the
         * vector's MPAN nonce */
        uint8_t key[16], nonce[13], aad[32], dec[3];
        H("83b166af4514c2f333a81230d7691507", key);
        H("8d6b3c66e064c278244ded545f", nonce);
        size_t al = 0;
        aad[al++] = 1; aad[al++] = 5;
        aad[al++] = 0xDE; aad[al++] = 0xAD; aad[al++] = 0xBE; aad[al++] = 0xEF;
        aad[al++] = 0; aad[al++] = (uint8_t)flen;
        memcpy(aad + al, frame + 2, 5);
        al += 5;
        assert_int_equal(zwh__aes_ccm_decrypt(key, nonce, aad, al, frame + 7, 3, frame + 10, dec), 0);
        assert_memory_equal(dec, pt, 3);
    }
    /* node 2 decrypts it; node 3 has no MPAN and cannot */
    assert_int_equal(zwh__s2_decap(n2, &mc, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_true(res.flags & ZWH__S2_RXF_MULTICAST);
    assert_int_equal(res.group, 5);
    assert_memory_equal(out, pt, 3);
    assert_int_equal(zwh__s2_decap(n3, &mc, frame, flen, 0, out, sizeof out, &res), ZWH_ES2_NONCE);
    assert_int_equal(res.reply_len, 0); /* never answer a multicast */
    assert_int_equal(counters(n3).mpan_unknown, 1);
    assert_int_equal(zwh__s2_peer_mpan_state(n3, 1, 5), 2);

    /* follow-ups: node 2 advances its MPAN; node 3 answers Nonce Report MOS */
    zwh__s2_tx_t fu = {.dst = 2, .cls = ZWH__S2_AUTH, .mgrp_group = 5};
    assert_int_equal(zwh__s2_encap(ctrl, &fu, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n2, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_true(res.flags & ZWH__S2_RXF_FOLLOWUP);
    assert_int_equal(res.reply_len, 0);
    fu.dst = 3;
    assert_int_equal(zwh__s2_encap(ctrl, &fu, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n3, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_true(res.flags & ZWH__S2_RXF_FOLLOWUP);
    assert_int_equal(res.reply_len, 4);
    assert_int_equal(res.reply[1], 0x02);
    assert_int_equal(res.reply[3], 0x02); /* MOS only, no REI: the SPAN stays */
    zwh__s2_rx_t from3 = {.src = 3};
    assert_int_equal(feed_reply(ctrl, &from3, &res),
                     ZWH__S2_RX_NONCE_REPORT);
    assert_true(res.flags & ZWH__S2_RXF_PEER_MOS);
    assert_int_equal(zwh__s2_span_state(ctrl, 3), ZWH__S2_SPAN_ESTABLISHED);
    /* the owner sends the MPAN; the next multicast reaches both nodes */
    give.dst = 3;
    assert_int_equal(zwh__s2_encap(ctrl, &give, NULL, 0, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n3, &from_ctrl, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(zwh__s2_peer_mpan_state(n3, 1, 5), 1);
    uint8_t pt2[3] = {0x20, 0x01, 0x00};
    assert_int_equal(zwh__s2_encap_multicast(ctrl, 5, ZWH__S2_AUTH, pt2, 3, 0, frame, sizeof frame,
                                             &flen), ZWH__S2_TX_ENCAP);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(zwh__s2_decap(nodes[i], &mc, frame, flen, 0, out, sizeof out, &res),
                         ZWH__S2_RX_PLAINTEXT);
        assert_memory_equal(out, pt2, 3);
    }
    zwh__s2_free(ctrl);
    zwh__s2_free(n2);
    zwh__s2_free(n3);
}

/* Builds a multicast frame 1 -> group 5 (seq 0x70) with a given MPAN nonce;
 * AAD assembled here with the group id as destination. */
static size_t craft_multicast(const char *nonce_hex, const uint8_t *pt, size_t len, uint8_t *frame)
{
    uint8_t key[16], nonce[13], aad[32];
    H("83b166af4514c2f333a81230d7691507", key); /* keyCCM: MPAN only makes the nonce */
    H(nonce_hex, nonce);
    size_t total = 4 + 3 + len + 8, a = 0;
    const uint8_t hdr[7] = {0x9F, 0x03, 0x70, 0x01, 0x03, 0x43, 0x05};
    memcpy(frame, hdr, 7);
    aad[a++] = 1; aad[a++] = 5;
    aad[a++] = 0xDE; aad[a++] = 0xAD; aad[a++] = 0xBE; aad[a++] = 0xEF;
    aad[a++] = 0; aad[a++] = (uint8_t)total;
    memcpy(aad + a, frame + 2, 5);
    a += 5;
    assert_int_equal(zwh__aes_ccm_encrypt(key, nonce, aad, a, pt, len, frame + 7, frame + 7 + len), 0);
    return total;
}

/* mpan_nonces carry case. The reference digest notes zwave-js increments the
 * inner state as one 128-bit big-endian number (...0eff -> ...0f00) while libs2
 * only wraps byte 15 (...0eff -> ...0e00). We follow the full increment (what
 * zwave-js peers expect; the digest could not consult the spec text): a
 * receiver holding ...0eff decrypts the multicast made with nonce_1 and then
 * one made with carry_case_nonce_2_zwavejs. */
static void vector_mpan_carry_increment(void **state)
{
    (void)state;
    zwh__s2_t *ctrl = engine(1), *n2 = engine(2);
    install(ctrl, ZWH__S2_AUTH, AUTH_KEY);
    install(n2, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(ctrl, 2, ZWH__S2_BIT(ZWH__S2_AUTH));
    zwh__s2_set_granted(n2, 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    uint8_t st[16], frame[128], out[128], pt[3] = {0x20, 0x01, 0x63};
    size_t flen;
    zwh__s2_result_t res;
    H("000102030405060708090a0b0c0d0eff", st);
    assert_int_equal(zwh__s2_mpan_set(ctrl, 5, ZWH__S2_AUTH, st), 0);
    deliver(ctrl, 1, n2, 2, ZWH__S2_AUTH, pt, 3, NULL);
    zwh__s2_tx_t give = {.dst = 2, .cls = ZWH__S2_AUTH, .mpan_group = 5};
    assert_int_equal(zwh__s2_encap(ctrl, &give, NULL, 0, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    zwh__s2_rx_t from_ctrl = {.src = 1}, mc = {.src = 1, .multicast = 1};
    assert_int_equal(zwh__s2_decap(n2, &from_ctrl, frame, flen, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    flen = craft_multicast("347a5f07eea653c9b0bd6ffbeb", pt, 3, frame);
    assert_int_equal(zwh__s2_decap(n2, &mc, frame, flen, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_memory_equal(out, pt, 3);
    flen = craft_multicast("4965d82bc21e02750866487fb9", pt, 3, frame);
    assert_int_equal(zwh__s2_decap(n2, &mc, frame, flen, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    /* the owner engine itself uses nonce_1 from ...0eff */
    assert_int_equal(zwh__s2_mpan_set(ctrl, 5, ZWH__S2_AUTH, st), 0);
    assert_int_equal(zwh__s2_encap_multicast(ctrl, 5, ZWH__S2_AUTH, pt, 3, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    uint8_t key[16], nonce[13], dec[3];
    const uint8_t aad[13] = {1, 5, 0xDE, 0xAD, 0xBE, 0xEF, 0, (uint8_t)flen, frame[2], 0x01, 0x03, 0x43, 0x05};
    H("83b166af4514c2f333a81230d7691507", key);
    H("347a5f07eea653c9b0bd6ffbeb", nonce);
    assert_int_equal(zwh__aes_ccm_decrypt(key, nonce, aad, 13, frame + 7, 3, frame + 10, dec), 0);
    assert_memory_equal(dec, pt, 3);
    zwh__s2_free(ctrl);
    zwh__s2_free(n2);
}

/* ---- round trips and resynchronisation ------------------------------------------ */

typedef struct pair {
    zwh__s2_t *c, *n; /* controller 1 and node nn, both holding S2 Authenticated */
} pair_t;

static pair_t auth_pair(uint16_t nn)
{
    pair_t p = {engine(1), engine(nn)};
    install(p.c, ZWH__S2_AUTH, AUTH_KEY);
    install(p.n, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(p.c, nn, ZWH__S2_BIT(ZWH__S2_AUTH));
    zwh__s2_set_granted(p.n, 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    return p;
}

/* node 2, SPAN already established, Unauthenticated keys installed (not granted) */
static pair_t established_pair(void)
{
    pair_t p = auth_pair(2);
    install(p.c, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    install(p.n, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    uint8_t pt[3] = {0x20, 0x01, 0xFF};
    deliver(p.c, 1, p.n, 2, ZWH__S2_AUTH, pt, 3, NULL);
    return p;
}

static void free_pair(pair_t *p)
{
    zwh__s2_free(p->c);
    zwh__s2_free(p->n);
}


static void round_trips_both_directions(void **state)
{
    (void)state;
    zwh__s2_t *c = engine(1), *n = engine(9);
    install(c, ZWH__S2_ACCESS, "ffffffffffffffffffffffffffffffff");
    install(n, ZWH__S2_ACCESS, "ffffffffffffffffffffffffffffffff");
    install(c, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    install(n, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    zwh__s2_set_granted(c, 9, ZWH__S2_BIT(ZWH__S2_ACCESS) | ZWH__S2_BIT(ZWH__S2_UNAUTH));
    zwh__s2_set_granted(n, 1, ZWH__S2_BIT(ZWH__S2_ACCESS) | ZWH__S2_BIT(ZWH__S2_UNAUTH));
    uint8_t pt[100];
    for (int i = 0; i < 300; i++) {
        size_t len = (size_t)(i % 100) + 1;
        for (size_t j = 0; j < len; j++)
            pt[j] = (uint8_t)(i * 31 + j);
        if (i % 3 == 0)
            deliver(n, 9, c, 1, ZWH__S2_ACCESS, pt, len, NULL);
        else
            deliver(c, 1, n, 9, ZWH__S2_ACCESS, pt, len, NULL);
    }
    assert_int_equal(counters(c).nonce_get_tx + counters(n).nonce_get_tx, 1); /* one SPAN for both directions */
    /* switching class needs a new SPAN; the receiver reports the lower class */
    deliver(c, 1, n, 9, ZWH__S2_UNAUTH, pt, 5, NULL);
    assert_int_equal(counters(c).nonce_get_tx + counters(n).nonce_get_tx, 2);
    deliver(n, 9, c, 1, ZWH__S2_ACCESS, pt, 5, NULL);
    zwh__s2_counters_t cc = counters(c), cn = counters(n);
    assert_int_equal(cc.decrypt_fail + cc.malformed + cc.duplicate + cc.no_span, 0);
    assert_int_equal(cn.decrypt_fail + cn.malformed + cn.duplicate + cn.no_span, 0);
    assert_int_equal(cc.rx_ok + cn.rx_ok, 302);
    zwh__s2_free(c);
    zwh__s2_free(n);
}

/* A receiver that lost its SPAN (reboot) answers with Nonce Report SOS; the
 * sender re-encrypts the same command with a new SPAN extension. */
static void resync_after_receiver_lost_span(void **state)
{
    (void)state;
    pair_t p = auth_pair(4);
    zwh__s2_t *c = p.c, *n = p.n;
    uint8_t pt[3] = {0x25, 0x01, 0xFF}, frame[64], out[64];
    size_t flen;
    zwh__s2_result_t res;
    deliver(c, 1, n, 4, ZWH__S2_AUTH, pt, 3, NULL);
    zwh__s2_reset_peer(n, 1); /* node forgot everything */
    zwh__s2_tx_t tx = {.dst = 4, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_c = {.src = 1}, from_n = {.src = 4};
    assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ES2_NONCE);
    assert_int_equal(res.reply_len, 20);
    assert_int_equal(res.reply[3], 0x01);
    assert_int_equal(counters(n).no_span, 1);
    assert_int_equal(feed_reply(c, &from_n, &res),
                     ZWH__S2_RX_NONCE_REPORT);
    assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(frame[3] & 1, 1); /* SPAN extension */
    assert_int_equal(zwh__s2_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res),
                     ZWH__S2_RX_PLAINTEXT);
    assert_memory_equal(out, pt, 3);
    free_pair(&p);
}

/* Both sides send at once on the same SPAN: each consumed a nonce the other
 * expected. Lost frames are tolerated within ZWH__S2_DECRYPT_TRIES nonces; a
 * real fork is detected and repaired through Nonce Report SOS. */
static void crossing_frames_and_lost_frames(void **state)
{
    (void)state;
    pair_t p = auth_pair(6);
    zwh__s2_t *c = p.c, *n = p.n;
    uint8_t pt[2] = {0x20, 0x02}, f1[64], f2[64], out[64];
    size_t l1, l2;
    zwh__s2_result_t res;
    zwh__s2_tx_t to_n = {.dst = 6, .cls = ZWH__S2_AUTH}, to_c = {.dst = 1, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_c = {.src = 1}, from_n = {.src = 6};
    deliver(c, 1, n, 6, ZWH__S2_AUTH, pt, 2, NULL);
    /* two frames lost on the air: the third still decrypts (nonce window) */
    for (int i = 0; i < 3; i++)
        assert_int_equal(zwh__s2_encap(c, &to_n, pt, 2, 0, f1, sizeof f1, &l1), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n, &from_c, f1, l1, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    /* crossing: both ends draw the same SPAN nonce for their frames; each
     * decrypts the other's with the nonce of its own frame (once), no resync */
    assert_int_equal(zwh__s2_encap(c, &to_n, pt, 2, 0, f1, sizeof f1, &l1), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_encap(n, &to_c, pt, 2, 0, f2, sizeof f2, &l2), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n, &from_c, f1, l1, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(res.reply_len, 0);
    assert_memory_equal(out, pt, 2);
    assert_int_equal(zwh__s2_decap(c, &from_n, f2, l2, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(res.reply_len, 0);
    assert_int_equal(counters(c).crossed, 1);
    assert_int_equal(counters(n).crossed, 1);
    /* the same frame again is a replay, not a second crossing */
    assert_int_equal(zwh__s2_decap(c, &from_n, f2, l2, 0, out, sizeof out, &res), ZWH_ES2_REPLAY);
    /* two of ours crossing one of theirs (it used our first nonce) */
    uint8_t f3[64];
    size_t l3;
    assert_int_equal(zwh__s2_encap(c, &to_n, pt, 2, 0, f1, sizeof f1, &l1), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_encap(c, &to_n, pt, 2, 0, f3, sizeof f3, &l3), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_encap(n, &to_c, pt, 2, 0, f2, sizeof f2, &l2), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n, &from_c, f1, l1, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(zwh__s2_decap(n, &from_c, f3, l3, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(zwh__s2_decap(c, &from_n, f2, l2, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    /* and traffic flows on in step both ways */
    deliver(c, 1, n, 6, ZWH__S2_AUTH, pt, 2, NULL);
    deliver(n, 6, c, 1, ZWH__S2_AUTH, pt, 2, NULL);
    free_pair(&p);
}

/* ---- rejections ------------------------------------------------------------------- */

static void tampered_frames_rejected(void **state)
{
    (void)state;
    uint8_t pt[4] = {0x25, 0x01, 0xFF, 0x00}, frame[64], out[64];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_c = {.src = 1}, from_n = {.src = 2};
    /* every byte after the command byte of a frame on an established SPAN:
     * seq, flags (a reserved bit), ciphertext and tag are all authenticated */
    for (size_t i = 2; i < 4 + 4 + 8; i++) {
        pair_t p = established_pair();
        assert_int_equal(zwh__s2_encap(p.c, &tx, pt, 4, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
        assert_int_equal(flen, 16);
        frame[i] ^= (i == 3) ? 0x04 : (i == 2) ? 0x80 : 0x01; /* seq^1 could be a duplicate */
        assert_int_equal(zwh__s2_decap(p.n, &from_c, frame, flen, 0, out, sizeof out, &res),
                         ZWH_ES2_DECRYPT);
        assert_int_equal(res.kind, ZWH__S2_RX_NONE);
        assert_int_equal(res.len, 0);
        assert_int_equal(res.reply_len, 20); /* resync offered */
        assert_int_equal(counters(p.n).decrypt_fail, 1);
        /* and the resync works: the same command goes through with a new SPAN */
        assert_int_equal(feed_reply(p.c, &from_n, &res), ZWH__S2_RX_NONCE_REPORT);
        assert_int_equal(zwh__s2_encap(p.c, &tx, pt, 4, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
        assert_int_equal(flen, 16 + 18);
        uint8_t good[64];
        memcpy(good, frame, flen);
        /* tampering with the SEI of the SPAN extension is caught too */
        frame[6 + i % 16] ^= 0x10;
        assert_int_equal(zwh__s2_decap(p.n, &from_c, frame, flen, 0, out, sizeof out, &res),
                         ZWH_ES2_DECRYPT);
        assert_int_equal(counters(p.n).decrypt_fail, 2);
        assert_int_equal(counters(p.n).rx_ok, 1);
        free_pair(&p);
    }
}

/* Duplicate window: the digest reports libs2 drops the last two sequence
 * numbers of a peer and zwave-js only the last one; we keep two (stricter; a
 * conformant peer never repeats a number within two frames). */
static void replayed_sequence_dropped(void **state)
{
    (void)state;
    pair_t p = established_pair();
    uint8_t pt[3] = {0x20, 0x01, 0x00}, frame[64], out[64];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_c = {.src = 1};
    assert_int_equal(zwh__s2_encap(p.c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(p.n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(zwh__s2_decap(p.n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ES2_REPLAY);
    assert_int_equal(res.reply_len, 0); /* a duplicate is silent and keeps the SPAN */
    assert_int_equal(counters(p.n).duplicate, 1);
    /* a duplicate Nonce Get is not answered (it would destroy the SPAN) */
    uint8_t ng[3] = {0x9F, 0x01, 0x77};
    assert_int_equal(zwh__s2_decap(p.n, &from_c, ng, 3, 0, out, sizeof out, &res), ZWH__S2_RX_NONE);
    assert_int_equal(res.reply_len, 20);
    assert_int_equal(zwh__s2_decap(p.n, &from_c, ng, 3, 0, out, sizeof out, &res), ZWH_ES2_REPLAY);
    assert_int_equal(res.reply_len, 0);
    assert_int_equal(counters(p.n).duplicate, 2);
    assert_int_equal(counters(p.n).nonce_get_rx, 2);
    free_pair(&p);
}

static void reordered_frames_rejected(void **state)
{
    (void)state;
    pair_t p = established_pair();
    uint8_t pt[3] = {0x20, 0x01, 0x00}, fa[64], fb[64], out[64];
    size_t la, lb;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_c = {.src = 1};
    assert_int_equal(zwh__s2_encap(p.c, &tx, pt, 3, 0, fa, sizeof fa, &la), ZWH__S2_TX_ENCAP);
    pt[2] = 0xFF;
    assert_int_equal(zwh__s2_encap(p.c, &tx, pt, 3, 0, fb, sizeof fb, &lb), ZWH__S2_TX_ENCAP);
    /* b arrives first (a was delayed): accepted within the nonce window */
    assert_int_equal(zwh__s2_decap(p.n, &from_c, fb, lb, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(out[2], 0xFF);
    /* the late a uses a nonce that is gone: rejected, counted, resync offered */
    assert_int_equal(zwh__s2_decap(p.n, &from_c, fa, la, 0, out, sizeof out, &res), ZWH_ES2_DECRYPT);
    assert_int_equal(res.len, 0);
    assert_int_equal(res.reply_len, 20);
    assert_int_equal(counters(p.n).decrypt_fail, 1);
    free_pair(&p);
}

static void truncation_at_every_length(void **state)
{
    (void)state;
    pair_t p = established_pair();
    zwh__s2_t *fresh = engine(2); /* also a receiver holding a local EI */
    install(fresh, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(fresh, 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    uint8_t pt[10] = {0x62, 0x01, 0xFF, 1, 2, 3, 4, 5, 6, 7}, frame[128], out[128];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH, .mgrp_group = 0};
    zwh__s2_rx_t from_c = {.src = 1};
    /* a frame with a SPAN extension (fresh resync) and one without */
    uint8_t nr_frame[20];
    assert_int_equal(zwh__s2_decap(p.n, &from_c, (const uint8_t *)"\x9f\x01\x99", 3, 0, out,
                                   sizeof out, &res), 0);
    memcpy(nr_frame, res.reply, 20);
    zwh__s2_rx_t from_n = {.src = 2};
    assert_int_equal(zwh__s2_decap(p.c, &from_n, nr_frame, 20, 0, out, sizeof out, &res),
                     ZWH__S2_RX_NONCE_REPORT);
    assert_int_equal(zwh__s2_encap(p.c, &tx, pt, sizeof pt, 0, frame, sizeof frame, &flen),
                     ZWH__S2_TX_ENCAP);
    assert_int_equal(flen, 4 + 18 + 10 + 8);
    zwh__s2_counters_t before = counters(p.n);
    for (size_t l = 0; l < flen; l++) {
        uint8_t cut[128];
        memcpy(cut, frame, l); /* exact-size copy: ASan catches any over-read */
        int rc = zwh__s2_decap(p.n, &from_c, l ? cut : NULL, l, 0, out, sizeof out, &res);
        assert_true(rc < 0);
        assert_int_equal(res.len, 0);
    }
    zwh__s2_counters_t after = counters(p.n);
    uint32_t rejected = (after.malformed - before.malformed) + (after.decrypt_fail - before.decrypt_fail);
    assert_int_equal(rejected, flen);
    assert_int_equal(after.rx_ok, before.rx_ok);
    /* truncated Nonce Reports and Nonce Gets too */
    for (size_t l = 0; l < 20; l++) {
        uint8_t cut[20];
        memcpy(cut, nr_frame, l);
        assert_int_equal(zwh__s2_decap(p.c, &from_n, l ? cut : NULL, l, 0, out, sizeof out, &res), ZWH_EBADMSG);
    }
    zwh__s2_free(fresh);
    free_pair(&p);
}

static void wrong_class_rejected(void **state)
{
    (void)state;
    /* the node holds the Unauthenticated key too, but was granted only
     * Unauthenticated by... nobody: the controller wants Access Control */
    zwh__s2_t *c = engine(1), *n = engine(2);
    install(c, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    install(n, ZWH__S2_UNAUTH, "000102030405060708090a0b0c0d0e0f");
    install(n, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(c, 2, ZWH__S2_BIT(ZWH__S2_UNAUTH));
    zwh__s2_set_granted(n, 1, ZWH__S2_BIT(ZWH__S2_AUTH)); /* n expects node 1 to use Auth */
    uint8_t pt[3] = {0x20, 0x01, 0xFF}, frame[64], out[64];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_UNAUTH};
    zwh__s2_rx_t from_c = {.src = 1}, from_n = {.src = 2};
    /* sender side: a class without key or grant is refused */
    zwh__s2_tx_t bad = {.dst = 2, .cls = ZWH__S2_ACCESS};
    assert_int_equal(zwh__s2_encap(c, &bad, pt, 3, 0, frame, sizeof frame, &flen), ZWH_ENOKEY);
    bad.cls = 42;
    assert_int_equal(zwh__s2_encap(c, &bad, pt, 3, 0, frame, sizeof frame, &flen), ZWH_EINVAL);
    /* receiver side: the Unauthenticated key is installed but not granted to node 1 */
    assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_NONCE_GET);
    assert_int_equal(zwh__s2_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), 0);
    assert_int_equal(feed_reply(c, &from_n, &res),
                     ZWH__S2_RX_NONCE_REPORT);
    assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_ENCAP);
    assert_int_equal(zwh__s2_decap(n, &from_c, frame, flen, 0, out, sizeof out, &res), ZWH_ES2_DECRYPT);
    assert_int_equal(counters(n).decrypt_fail, 1);
    assert_int_equal(feed_reply(c, &from_n, &res), ZWH__S2_RX_NONCE_REPORT);
    /* granting it makes the same kind of frame decrypt, and the class is reported */
    zwh__s2_set_granted(n, 1, ZWH__S2_BIT(ZWH__S2_AUTH) | ZWH__S2_BIT(ZWH__S2_UNAUTH));
    deliver(c, 1, n, 2, ZWH__S2_UNAUTH, pt, 3, NULL);
    assert_int_equal(zwh__s2_highest_class(zwh__s2_get_granted(n, 1)), ZWH__S2_AUTH);
    /* a node with nothing granted gets no answer at all */
    zwh__s2_rx_t stranger = {.src = 77};
    assert_int_equal(zwh__s2_decap(n, &stranger, (const uint8_t *)"\x9f\x01\x01", 3, 0, out, sizeof out,
                                   &res), ZWH_ENOKEY);
    assert_int_equal(res.reply_len, 0);
    assert_int_equal(counters(n).not_granted, 1);
    zwh__s2_free(c);
    zwh__s2_free(n);
}

/* Crafts a Message Encapsulation from 1 to 2 with given unencrypted extensions
 * and encrypted content, using the SPAN nonce #2 of the golden exchange
 * (s2_encap_classic_2), AAD assembled here. */
static size_t craft(uint8_t seq, const char *ext_hex, const char *enc_hex, uint8_t *frame)
{
    uint8_t key[16], nonce[13], ext[64], enc[64], aad[96];
    H("83b166af4514c2f333a81230d7691507", key);
    H("8d6702a6f45de01b38bb2b962d", nonce);
    size_t el = zt_hex(ext_hex, ext, sizeof ext), cl = zt_hex(enc_hex, enc, sizeof enc);
    size_t total = 4 + el + cl + 8, a = 0;
    frame[0] = 0x9F;
    frame[1] = 0x03;
    frame[2] = seq;
    frame[3] = (uint8_t)((el ? 1 : 0) | (enc[0] == 0x13 || enc[1] & 0x40 ? 2 : 0));
    memcpy(frame + 4, ext, el);
    aad[a++] = 1; aad[a++] = 2;
    aad[a++] = 0xDE; aad[a++] = 0xAD; aad[a++] = 0xBE; aad[a++] = 0xEF;
    aad[a++] = (uint8_t)(total >> 8); aad[a++] = (uint8_t)total;
    memcpy(aad + a, frame + 2, 2 + el);
    a += 2 + el;
    assert_int_equal(zwh__aes_ccm_encrypt(key, nonce, aad, a, enc, cl, frame + 4 + el, frame + 4 + el + cl), 0);
    return total;
}

/* Sets up the golden SPAN on the node side so crafted frames use nonce #2. */
static zwh__s2_t *node_after_golden_frame1(void)
{
    zwh__s2_t *dev = engine(2);
    install(dev, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(dev, 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    static ei_queue_t q;
    memset(&q, 0, sizeof q);
    q.n = 1;
    H("b9c47c21d797037e6c14fa796378224a", q.ei[0]);
    zwh__s2_set_ei_source(dev, ei_from_queue, &q);
    uint8_t f1[64], out[64];
    zwh__s2_result_t res;
    zwh__s2_rx_t from_c = {.src = 1};
    assert_int_equal(zwh__s2_decap(dev, &from_c, (const uint8_t *)"\x9f\x01\x01", 3, 0, out, sizeof out, &res), 0);
    size_t n = H("9f03420112418cf810b7c57c9b7b8cbfeb5a46a42526d3ceaf80a8b4216f0cb875", f1);
    assert_int_equal(zwh__s2_decap(dev, &from_c, f1, n, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    zwh__s2_set_ei_source(dev, NULL, NULL);
    return dev;
}

static void extensions_critical_and_more_bits(void **state)
{
    (void)state;
    uint8_t frame[128], out[128];
    zwh__s2_result_t res;
    zwh__s2_rx_t from_c = {.src = 1};
    size_t n;

    /* the crafting itself is right: a plain frame with nonce #2 decrypts */
    zwh__s2_t *dev = node_after_golden_frame1();
    n = craft(0x50, "", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "200100");
    zwh__s2_free(dev);

    /* unknown NON-critical extension (type 5) before a MOS, more-to-follow set: accepted */
    dev = node_after_golden_frame1();
    n = craft(0x50, "0385aa 0204", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    zt_assert_hex(out, res.len, "200100");
    assert_true(res.flags & ZWH__S2_RXF_PEER_MOS); /* MOS after the unknown one was parsed */
    zwh__s2_free(dev);

    /* without more-to-follow the MOS bytes are ciphertext: tag fails */
    dev = node_after_golden_frame1();
    n = craft(0x50, "0305aa 0204", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH_ES2_DECRYPT);
    zwh__s2_free(dev);

    /* unknown CRITICAL extension: dropped before decrypting, counted, SPAN intact */
    dev = node_after_golden_frame1();
    n = craft(0x50, "0245", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH_ES2_EXTENSION);
    assert_int_equal(counters(dev).unknown_critical_ext, 1);
    assert_int_equal(res.reply_len, 0);
    n = craft(0x51, "", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    zwh__s2_free(dev);

    /* unknown critical extension inside the ciphertext */
    dev = node_after_golden_frame1();
    n = craft(0x50, "", "047f0102 200100", frame);
    frame[3] = 0x02; /* mark encrypted extensions: re-craft with that flag */
    {
        uint8_t key[16], nonce[13], aad[16], enc[7] = {0x04, 0x7f, 0x01, 0x02, 0x20, 0x01, 0x00};
        H("83b166af4514c2f333a81230d7691507", key);
        H("8d6702a6f45de01b38bb2b962d", nonce);
        const uint8_t a[10] = {1, 2, 0xDE, 0xAD, 0xBE, 0xEF, 0, (uint8_t)n, 0x50, 0x02};
        memcpy(aad, a, 10);
        assert_int_equal(zwh__aes_ccm_encrypt(key, nonce, aad, 10, enc, 7, frame + 4, frame + 11), 0);
    }
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH_ES2_EXTENSION);
    assert_int_equal(counters(dev).unknown_critical_ext, 1);
    assert_int_equal(res.len, 0);
    zwh__s2_free(dev);

    /* extension length running past the frame, zero length, wrong fixed length */
    const char *bad[] = {"7f41", "0041", "1141" "00112233445566778899aabbccddeeff", "0443aabb"};
    for (size_t i = 0; i < 4; i++) {
        dev = node_after_golden_frame1();
        n = craft(0x50, bad[i], "200100", frame);
        assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH_EBADMSG);
        assert_int_equal(counters(dev).malformed, 1);
        zwh__s2_free(dev);
    }

    /* an MPAN extension in the clear is in the wrong section: ignored */
    dev = node_after_golden_frame1();
    n = craft(0x50, "1342 05 00112233445566778899aabbccddeeff", "200100", frame);
    assert_int_equal(zwh__s2_decap(dev, &from_c, frame, n, 0, out, sizeof out, &res), ZWH__S2_RX_PLAINTEXT);
    assert_int_equal(zwh__s2_peer_mpan_state(dev, 1, 5), 0);
    zwh__s2_free(dev);
}

static void no_span_sends_nonce_get_and_queues_nothing(void **state)
{
    (void)state;
    zwh__s2_t *c = engine(1);
    install(c, ZWH__S2_AUTH, AUTH_KEY);
    zwh__s2_set_granted(c, 2, ZWH__S2_BIT(ZWH__S2_AUTH));
    uint8_t pt[3] = {1, 2, 3}, frame[64];
    size_t flen;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH};
    uint8_t seq0 = 0;
    for (int i = 0; i < 1000; i++) {
        assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, sizeof frame, &flen), ZWH__S2_TX_NONCE_GET);
        assert_int_equal(flen, 3);
        if (i == 0)
            seq0 = frame[2];
        assert_int_equal(frame[2], (uint8_t)(seq0 + i)); /* every frame draws a new seq */
    }
    assert_int_equal(counters(c).nonce_get_tx, 1000);
    assert_int_equal(counters(c).tx_encap, 0);
    /* too small a buffer is an error, not a truncated frame */
    assert_int_equal(zwh__s2_encap(c, &tx, pt, 3, 0, frame, 2, &flen), ZWH_EMSGSIZE);
    zwh__s2_free(c);
}

static void bounded_peer_table(void **state)
{
    (void)state;
    zwh__s2_config_t cfg = {.home_id = HOME, .node_id = 1, .max_peers = 4};
    zwh__s2_t *c = NULL;
    assert_int_equal(zwh__s2_new(&cfg, &c), 0);
    install(c, ZWH__S2_AUTH, AUTH_KEY);
    uint8_t out[64];
    zwh__s2_result_t res;
    for (uint16_t nd = 2; nd < 200; nd++) {
        zwh__s2_set_granted(c, nd, ZWH__S2_BIT(ZWH__S2_AUTH));
        zwh__s2_rx_t rx = {.src = nd};
        assert_int_equal(zwh__s2_decap(c, &rx, (const uint8_t *)"\x9f\x01\x05", 3, nd, out, sizeof out, &res), 0);
        assert_int_equal(res.reply_len, 20);
    }
    assert_int_equal(counters(c).span_evicted, 198 - 4);
    assert_int_equal(zwh__s2_span_state(c, 199), ZWH__S2_SPAN_LOCAL_EI);
    assert_int_equal(zwh__s2_span_state(c, 2), ZWH__S2_SPAN_NONE);
    zwh__s2_free(c);
}

static void bad_arguments_and_non_transport(void **state)
{
    (void)state;
    zwh__s2_t *c = engine(1);
    uint8_t out[16];
    zwh__s2_result_t res;
    zwh__s2_rx_t rx = {.src = 2};
    assert_int_equal(zwh__s2_decap(c, &rx, (const uint8_t *)"\x9f\x04", 2, 0, out, sizeof out, &res), ZWH_ENOTSUP);
    assert_int_equal(counters(c).unsupported, 1);
    assert_int_equal(zwh__s2_decap(c, &rx, (const uint8_t *)"\x98\x81", 2, 0, out, sizeof out, &res), ZWH_EBADMSG);
    rx.src = 0;
    assert_int_equal(zwh__s2_decap(c, &rx, (const uint8_t *)"\x9f\x01\x00", 3, 0, out, sizeof out, &res), ZWH_EBADMSG);
    assert_int_equal(zwh__s2_set_granted(c, 0, 1), ZWH_EINVAL);
    assert_int_equal(zwh__s2_set_granted(c, 4096, 1), ZWH_EINVAL);
    assert_int_equal(zwh__s2_set_network_key(c, 9, out), ZWH_EINVAL);
    assert_int_equal(zwh__s2_has_key(c, ZWH__S2_AUTH), 0);
    install(c, ZWH__S2_AUTH, AUTH_KEY);
    assert_int_equal(zwh__s2_has_key(c, ZWH__S2_AUTH), 1);
    assert_int_equal(zwh__s2_clear_key(c, ZWH__S2_AUTH), 0);
    assert_int_equal(zwh__s2_has_key(c, ZWH__S2_AUTH), 0);
    assert_int_equal(zwh__s2_highest_class(0), ZWH__S2_CLASS_NONE);
    assert_int_equal(zwh__s2_highest_class(ZWH__S2_BIT(ZWH__S2_TEMP) | ZWH__S2_BIT(ZWH__S2_UNAUTH)), ZWH__S2_UNAUTH);
    assert_int_equal(zwh__s2_new(NULL, NULL), ZWH_EINVAL);
    zwh__s2_free(NULL);
    zwh__s2_free(c);
}

/* The getter reports the number the next frame will carry (a Nonce Get here),
 * so a host that saves it and sets it back after a restart continues the
 * sequence instead of risking a number the node just saw. */
static void tx_seq_get_follows_frames(void **state)
{
    (void)state;
    zwh__s2_t *c = engine(1);
    install(c, ZWH__S2_AUTH, AUTH_KEY);
    assert_int_equal(zwh__s2_set_granted(c, 5, ZWH__S2_BIT(ZWH__S2_AUTH)), 0);
    uint8_t seq = 0x77;
    assert_int_equal(zwh__s2_get_tx_seq(c, 5, &seq), ZWH_ENOENT);
    assert_int_equal(seq, 0x77);
    assert_int_equal(zwh__s2_get_tx_seq(c, 0, &seq), ZWH_EINVAL);
    assert_int_equal(zwh__s2_get_tx_seq(NULL, 5, &seq), ZWH_EINVAL);
    assert_int_equal(zwh__s2_get_tx_seq(c, 5, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__s2_set_tx_seq(c, 5, 0xFF), 0);
    assert_int_equal(zwh__s2_get_tx_seq(c, 5, &seq), 0);
    assert_int_equal(seq, 0xFF);
    zwh__s2_tx_t tx = {.dst = 5, .cls = ZWH__S2_AUTH};
    uint8_t frame[64];
    size_t flen;
    assert_int_equal(zwh__s2_encap(c, &tx, (const uint8_t *)"\x20\x01\xff", 3, 0, frame,
                                   sizeof frame, &flen), ZWH__S2_TX_NONCE_GET);
    assert_int_equal(frame[2], 0xFF); /* the Nonce Get carried it */
    assert_int_equal(zwh__s2_get_tx_seq(c, 5, &seq), 0);
    assert_int_equal(seq, 0x00); /* and the next one wraps */
    assert_int_equal(zwh__s2_reset_peer(c, 5), 0);
    assert_int_equal(zwh__s2_get_tx_seq(c, 5, &seq), ZWH_ENOENT);
    zwh__s2_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vector_classic_frames),
        cmocka_unit_test(vector_long_range_frames),
        cmocka_unit_test(vector_temp_key_echo_kex_set),
        cmocka_unit_test(vector_nonce_frames),
        cmocka_unit_test(vector_mpan_multicast_and_followups),
        cmocka_unit_test(vector_mpan_carry_increment),
        cmocka_unit_test(round_trips_both_directions),
        cmocka_unit_test(resync_after_receiver_lost_span),
        cmocka_unit_test(crossing_frames_and_lost_frames),
        cmocka_unit_test(tampered_frames_rejected),
        cmocka_unit_test(replayed_sequence_dropped),
        cmocka_unit_test(reordered_frames_rejected),
        cmocka_unit_test(truncation_at_every_length),
        cmocka_unit_test(wrong_class_rejected),
        cmocka_unit_test(extensions_critical_and_more_bits),
        cmocka_unit_test(no_span_sends_nonce_get_and_queues_nothing),
        cmocka_unit_test(bounded_peer_table),
        cmocka_unit_test(bad_arguments_and_non_transport),
        cmocka_unit_test(tx_seq_get_follows_frames),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
