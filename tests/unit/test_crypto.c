/* src/security crypto backend and S2 key derivations, pinned to golden data:
 * RFC 4493 (CMAC), NIST SP 800-38C appendix C and RFC 3610 (CCM), RFC 7748
 * (X25519), and every crypto vector of /work/shared/reference/vectors.json
 * (cmac_rfc4493_*, ckdf_network_key_expand_*, x25519_*, temp_key_fixed_inputs,
 * kex_chain_rfc7748_keys, nonce_prk_and_mei, ccm_primitive, mpan_nonces,
 * s0_key_derivation). The hex literals below are copied from those sources. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "security/crypto.h"
#include "zt_hex.h"

#define H(s, buf) zt_hex((s), (buf), sizeof(buf))

/* ---- CMAC ---------------------------------------------------------------- */

static void cmac_rfc4493_examples(void **state)
{
    (void)state;
    static const char *msgs[4] = {
        "",
        "6bc1bee22e409f96e93d7e117393172a",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411",
        "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411"
        "e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710",
    };
    static const char *macs[4] = {
        "bb1d6929e95937287fa37d129b756746", "070a16b46b4d4144f79bdd9dd04a287c",
        "dfa66747de9ae63030ca32611497c827", "51f0bebf7e3b9d92fc49741779363cfe",
    };
    uint8_t key[16], msg[64], mac[16];
    H("2b7e151628aed2a6abf7158809cf4f3c", key);
    for (int i = 0; i < 4; i++) {
        size_t n = H(msgs[i], msg);
        assert_int_equal(zwh__aes_cmac(key, n ? msg : NULL, n, mac), 0);
        zt_assert_hex(mac, 16, macs[i]);
    }
}

/* ---- AES block / OFB / CBC-MAC ------------------------------------------ */

static void aes_block_fips197(void **state)
{
    (void)state;
    /* FIPS-197 appendix C.1 */
    uint8_t key[16], pt[16], ct[16];
    H("000102030405060708090a0b0c0d0e0f", key);
    H("00112233445566778899aabbccddeeff", pt);
    assert_int_equal(zwh__aes128_encrypt_block(key, pt, ct), 0);
    zt_assert_hex(ct, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    assert_int_equal(zwh__aes128_encrypt_block(key, pt, pt), 0); /* in place */
    zt_assert_hex(pt, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    assert_int_equal(zwh__aes128_encrypt_block(NULL, pt, ct), ZWH_EINVAL);
}

static void aes_ofb_sp800_38a(void **state)
{
    (void)state;
    /* NIST SP 800-38A F.4.1 OFB-AES128.Encrypt (first 2.5 blocks: no padding). */
    uint8_t key[16], iv[16], pt[40], ct[40], back[40];
    H("2b7e151628aed2a6abf7158809cf4f3c", key);
    H("000102030405060708090a0b0c0d0e0f", iv);
    size_t n = H("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e5130c81c46a35ce411", pt);
    assert_int_equal(zwh__aes128_ofb(key, iv, pt, n, ct), 0);
    zt_assert_hex(ct, n, "3b3fd92eb72dad20333449f8e83cfb4a7789508d16918f03f53c52dac54ed8259740051e9c5fecf6");
    assert_int_equal(zwh__aes128_ofb(key, iv, ct, n, back), 0);
    assert_memory_equal(back, pt, n);
    /* the IV argument is not modified */
    zt_assert_hex(iv, 16, "000102030405060708090a0b0c0d0e0f");
}

static void aes_cbc_mac_zero_padding(void **state)
{
    (void)state;
    /* CBC-MAC of one block with IV 0 is AES_K(block); a short block is zero padded. */
    uint8_t key[16], blk[16], mac[16], ref[16];
    H("000102030405060708090a0b0c0d0e0f", key);
    H("00112233445566778899aabbccddeeff", blk);
    assert_int_equal(zwh__aes128_cbc_mac(key, blk, 16, mac), 0);
    zt_assert_hex(mac, 16, "69c4e0d86a7b0430d8cdb78070b4c55a");
    uint8_t shortm[5] = {1, 2, 3, 4, 5}, padded[16] = {1, 2, 3, 4, 5};
    assert_int_equal(zwh__aes128_cbc_mac(key, shortm, 5, mac), 0);
    assert_int_equal(zwh__aes128_encrypt_block(key, padded, ref), 0);
    assert_memory_equal(mac, ref, 16);
}

/* ---- CCM ------------------------------------------------------------------ */

/* NIST SP 800-38C appendix C examples 1-3 (example 4 has a 64 KiB AAD and a
 * 14-byte tag; the 8-byte tag case is example 3). Key 40..4f, nonce from 10..,
 * AAD from 00.., payload from 20.. */
static void ccm_nist_sp800_38c(void **state)
{
    (void)state;
    static const struct { size_t nlen, alen, plen, tlen; const char *out; } ex[] = {
        {7, 8, 4, 4, "7162015b" "4dac255d"},
        {8, 16, 16, 6, "d2a1f0e051ea5f62081a7792073d593d" "1fc64fbfaccd"},
        {12, 20, 24, 8, "e3b201a9f5b71a7a9b1ceaeccd97e70b6176aad9a4428aa5" "484392fbc1b09951"},
    };
    uint8_t key[16], nonce[13], aad[20], pt[24], ct[24], tag[16], back[24];
    for (int i = 0; i < 16; i++)
        key[i] = (uint8_t)(0x40 + i);
    for (int i = 0; i < 13; i++)
        nonce[i] = (uint8_t)(0x10 + i);
    for (int i = 0; i < 20; i++)
        aad[i] = (uint8_t)i;
    for (int i = 0; i < 24; i++)
        pt[i] = (uint8_t)(0x20 + i);
    for (size_t e = 0; e < 3; e++) {
        assert_int_equal(zwh__aes_ccm_seal(key, nonce, ex[e].nlen, aad, ex[e].alen, pt, ex[e].plen,
                                           ct, tag, ex[e].tlen), 0);
        uint8_t both[40];
        memcpy(both, ct, ex[e].plen);
        memcpy(both + ex[e].plen, tag, ex[e].tlen);
        zt_assert_hex(both, ex[e].plen + ex[e].tlen, ex[e].out);
        assert_int_equal(zwh__aes_ccm_open(key, nonce, ex[e].nlen, aad, ex[e].alen, ct, ex[e].plen,
                                           tag, ex[e].tlen, back), 0);
        assert_memory_equal(back, pt, ex[e].plen);
        tag[0] ^= 1;
        assert_int_equal(zwh__aes_ccm_open(key, nonce, ex[e].nlen, aad, ex[e].alen, ct, ex[e].plen,
                                           tag, ex[e].tlen, back), ZWH_ES2_DECRYPT);
    }
    /* 800-38C forbids odd tag lengths and nonces outside 7..13 */
    assert_int_equal(zwh__aes_ccm_seal(key, nonce, 6, aad, 0, pt, 4, ct, tag, 8), ZWH_EINVAL);
    assert_int_equal(zwh__aes_ccm_seal(key, nonce, 13, aad, 0, pt, 4, ct, tag, 5), ZWH_EINVAL);
}

/* RFC 3610 packet vectors #1 and #2: exactly S2's parameters (13-byte nonce,
 * L = 2, M = 8), 8-byte header as AAD. */
static void ccm_rfc3610_s2_parameters(void **state)
{
    (void)state;
    static const struct { const char *nonce, *pt, *ct, *tag; } v[] = {
        {"00000003020100a0a1a2a3a4a5", "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
         "588c979a61c663d2f066d0c2c0f989806d5f6b61dac384", "17e8d12cfdf926e0"},
        {"00000004030201a0a1a2a3a4a5", "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
         "72c91a36e135f8cf291ca894085c87e3cc15c439c9e43a3b", "a091d56e10400916"},
    };
    uint8_t key[16], aad[8], nonce[13], pt[32], ct[32], tag[8], back[32];
    H("c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", key);
    H("0001020304050607", aad);
    for (int i = 0; i < 2; i++) {
        H(v[i].nonce, nonce);
        size_t n = H(v[i].pt, pt);
        assert_int_equal(zwh__aes_ccm_encrypt(key, nonce, aad, 8, pt, n, ct, tag), 0);
        zt_assert_hex(ct, n, v[i].ct);
        zt_assert_hex(tag, 8, v[i].tag);
        assert_int_equal(zwh__aes_ccm_decrypt(key, nonce, aad, 8, ct, n, tag, back), 0);
        assert_memory_equal(back, pt, n);
    }
}

/* VEC:ccm_primitive */
static void ccm_zwave_vector_and_tamper(void **state)
{
    (void)state;
    uint8_t key[16], nonce[13], aad[10], pt[3], ct[3], tag[8], back[3];
    H("83b166af4514c2f333a81230d7691507", key);
    H("0102030405060708090a0b0c0d", nonce);
    H("0102deadbeef000f4201", aad);
    H("2001ff", pt);
    assert_int_equal(zwh__aes_ccm_encrypt(key, nonce, aad, 10, pt, 3, ct, tag), 0);
    zt_assert_hex(ct, 3, "6ade8d");
    zt_assert_hex(tag, 8, "5dee3e2479d5085b");
    assert_int_equal(zwh__aes_ccm_decrypt(key, nonce, aad, 10, ct, 3, tag, back), 0);
    zt_assert_hex(back, 3, "2001ff");
    /* every single-bit change of ciphertext, tag, AAD or nonce is rejected and
     * the output holds no plaintext */
    for (int part = 0; part < 4; part++) {
        uint8_t *buf = part == 0 ? ct : part == 1 ? tag : part == 2 ? aad : nonce;
        size_t len = part == 0 ? 3 : part == 1 ? 8 : part == 2 ? 10 : 13;
        for (size_t i = 0; i < len; i++) {
            buf[i] ^= 0x80;
            memset(back, 0x55, sizeof back);
            assert_int_equal(zwh__aes_ccm_decrypt(key, nonce, aad, 10, ct, 3, tag, back),
                             ZWH_ES2_DECRYPT);
            assert_true(back[0] != 0x20 || back[1] != 0x01 || back[2] != 0xff);
            buf[i] ^= 0x80;
        }
    }
}

/* ---- CKDF ----------------------------------------------------------------- */

static void ckdf_network_key_expansion(void **state)
{
    (void)state;
    static const struct { const char *pnk, *ccm, *pers, *mpan; } v[] = {
        {"000102030405060708090a0b0c0d0e0f", "27f90dd6d74697cba54eb11a0ee80617",
         "aa3b035d8f802f368d6482f4299a2b1255eed934805c397bb72c47c61ff7acfa",
         "4a46b6e046c129bc72f737e57e9b5786"},
        {"c0ffee00112233445566778899aabbcc", "83b166af4514c2f333a81230d7691507",
         "cf58e364088ba77f306412240dab48f0095291f4fdd27e05b81f2b5ef294f415",
         "4b7388d77309ba81fb147e5e88aba9e1"},
        {"ffffffffffffffffffffffffffffffff", "a6eed1de46f1d48bdc1d2f60dbdb5ff1",
         "3f42a44380d96c3055521c5c2d7a026a7c9ecfa89530dfe393bbcd464249183e",
         "89f591aa39c44a67627d4e792222086b"},
    };
    for (int i = 0; i < 3; i++) {
        uint8_t pnk[16];
        zwh__s2_keys_t k;
        H(v[i].pnk, pnk);
        assert_int_equal(zwh__s2_expand_network_key(pnk, &k), 0);
        zt_assert_hex(k.ccm, 16, v[i].ccm);
        zt_assert_hex(k.pers, 32, v[i].pers);
        zt_assert_hex(k.mpan, 16, v[i].mpan);
    }
    zwh__s2_keys_t k;
    assert_int_equal(zwh__s2_expand_network_key(NULL, &k), ZWH_EINVAL);
}

static void temp_key_fixed_inputs(void **state)
{
    (void)state;
    uint8_t shared[32], a[32], b[32], prk[16];
    H("0102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f20", shared);
    H("a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebf", a);
    H("c0c1c2c3c4c5c6c7c8c9cacbcccdcecfd0d1d2d3d4d5d6d7d8d9dadbdcdddedf", b);
    assert_int_equal(zwh__s2_temp_prk(shared, a, b, prk), 0);
    zt_assert_hex(prk, 16, "7ab6a17dacd82541c2889cd63ac7522e");
    zwh__s2_keys_t k;
    assert_int_equal(zwh__s2_expand_temp_key(shared, a, b, &k), 0);
    zt_assert_hex(k.ccm, 16, "acc6153e354f4fcfad01ea7ad8c6c10c");
    zt_assert_hex(k.pers, 32, "ae45353949a75488d105ec7ffc650c871dacf2856ba0495ffc92e6ed5e889997");
    /* T4: only libs2 derives it ("tempKeyMPAN_T4_not_used_by_zwavejs") */
    zt_assert_hex(k.mpan, 16, "6b97a1e118cdb93cf70beafb61ba0215");
    /* the key order matters: A = including, B = joining */
    zwh__s2_keys_t swapped;
    assert_int_equal(zwh__s2_expand_temp_key(shared, b, a, &swapped), 0);
    assert_memory_not_equal(swapped.ccm, k.ccm, 16);
}

static void nonce_prk_and_mei(void **state)
{
    (void)state;
    uint8_t sei[16], rei[16], prk[16], mei[32];
    H("00112233445566778899aabbccddeeff", sei);
    H("ffeeddccbbaa99887766554433221100", rei);
    assert_int_equal(zwh__s2_nonce_prk(sei, rei, prk), 0);
    zt_assert_hex(prk, 16, "f0ff16b12f8d5b628173c89234aa4a9f");
    assert_int_equal(zwh__s2_mei(prk, mei), 0);
    zt_assert_hex(mei, 32, "2dfc31099fee2f662585426e5dbff1143df11d5b8f36655e7071ea4dd60cb699");
    /* s2_encap_classic_1: SEI from the controller, REI from the node's Nonce Report */
    H("8cf810b7c57c9b7b8cbfeb5a46a42526", sei);
    H("b9c47c21d797037e6c14fa796378224a", rei);
    assert_int_equal(zwh__s2_nonce_prk(sei, rei, prk), 0);
    zt_assert_hex(prk, 16, "2587b4b92cf66997b4beaa28c49bea5b");
    assert_int_equal(zwh__s2_mei(prk, mei), 0);
    zt_assert_hex(mei, 32, "bb98883f32756bb7812a206895f5651d82563e9a4cb1e0a8c3c131c85832c269");
}

/* VEC:mpan_nonces: nonce = first 13 bytes of AES_KeyMPAN(inner state). */
static void mpan_nonce_is_aes_of_inner_state(void **state)
{
    (void)state;
    uint8_t pnk[16], st[16], out[16];
    zwh__s2_keys_t k;
    H("c0ffee00112233445566778899aabbcc", pnk);
    assert_int_equal(zwh__s2_expand_network_key(pnk, &k), 0);
    zt_assert_hex(k.mpan, 16, "4b7388d77309ba81fb147e5e88aba9e1");
    H("0f0e0d0c0b0a09080706050403020100", st);
    assert_int_equal(zwh__aes128_encrypt_block(k.mpan, st, out), 0);
    zt_assert_hex(out, 13, "8d6b3c66e064c278244ded545f");
    H("0f0e0d0c0b0a09080706050403020101", st);
    assert_int_equal(zwh__aes128_encrypt_block(k.mpan, st, out), 0);
    zt_assert_hex(out, 13, "363e260519b8ca69e550c4f0d8");
    H("000102030405060708090a0b0c0d0eff", st);
    assert_int_equal(zwh__aes128_encrypt_block(k.mpan, st, out), 0);
    zt_assert_hex(out, 13, "347a5f07eea653c9b0bd6ffbeb");
    H("000102030405060708090a0b0c0d0f00", st); /* full 128-bit increment */
    assert_int_equal(zwh__aes128_encrypt_block(k.mpan, st, out), 0);
    zt_assert_hex(out, 13, "4965d82bc21e02750866487fb9");
}

/* VEC:s0_key_derivation */
static void s0_keys_are_aes_of_constants(void **state)
{
    (void)state;
    uint8_t nk[16], c55[16], caa[16], out[16];
    memset(c55, 0x55, 16);
    memset(caa, 0xAA, 16);
    H("0102030405060708090a0b0c0d0e0f10", nk);
    assert_int_equal(zwh__aes128_encrypt_block(nk, c55, out), 0);
    zt_assert_hex(out, 16, "c5fe1ca17d36c992731a0c0c468c1ef9");
    assert_int_equal(zwh__aes128_encrypt_block(nk, caa, out), 0);
    zt_assert_hex(out, 16, "0a75a51776b28912f3ebe5da139f21ee");
    memset(nk, 0, 16);
    assert_int_equal(zwh__aes128_encrypt_block(nk, c55, out), 0);
    zt_assert_hex(out, 16, "9adae054f63dfaff5ea18e45edf6ea6f");
    assert_int_equal(zwh__aes128_encrypt_block(nk, caa, out), 0);
    zt_assert_hex(out, 16, "8522717d3ad1fbfeafa1ceaafdf56565");
}

/* ---- X25519 --------------------------------------------------------------- */

static void x25519_rfc7748_alice_bob(void **state)
{
    (void)state;
    uint8_t a[32], b[32], pa[32], pb[32], s1[32], s2[32];
    H("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a);
    H("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", b);
    assert_int_equal(zwh__x25519_public(a, pa), 0);
    zt_assert_hex(pa, 32, "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assert_int_equal(zwh__x25519_public(b, pb), 0);
    zt_assert_hex(pb, 32, "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assert_int_equal(zwh__x25519_shared(a, pb, s1), 0);
    assert_int_equal(zwh__x25519_shared(b, pa, s2), 0);
    zt_assert_hex(s1, 32, "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
    zt_assert_hex(s2, 32, "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
}

static void x25519_rfc7748_section5_2(void **state)
{
    (void)state;
    /* RFC 7748 5.2 first test vector: scalar and u-coordinate as given there
     * (the u-coordinate's top bit is set and must be masked). */
    uint8_t k[32], u[32], out[32];
    H("a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4", k);
    H("e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c", u);
    assert_int_equal(zwh__x25519_shared(k, u, out), 0);
    zt_assert_hex(out, 32, "c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552");
}

static void x25519_clamping(void **state)
{
    (void)state;
    uint8_t un[32], cl[32], p1[32], p2[32];
    H("ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff", un);
    H("f8ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f", cl);
    assert_int_equal(zwh__x25519_public(un, p1), 0);
    assert_int_equal(zwh__x25519_public(cl, p2), 0);
    zt_assert_hex(p1, 32, "847c0d2c375234f365e660955187a3735a0f7613d1609d3a6a4d8c53aeaa5a22");
    zt_assert_hex(p2, 32, "847c0d2c375234f365e660955187a3735a0f7613d1609d3a6a4d8c53aeaa5a22");
}

/* VEC:kex_chain_rfc7748_keys: ECDH -> PRK -> temp keys with A = controller. */
static void kex_chain_with_rfc7748_keys(void **state)
{
    (void)state;
    uint8_t a[32], b[32], pa[32], pb[32], sa[32], sb[32], prk[16];
    H("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a);
    H("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb", b);
    assert_int_equal(zwh__x25519_public(a, pa), 0);
    assert_int_equal(zwh__x25519_public(b, pb), 0);
    assert_int_equal(zwh__x25519_shared(a, pb, sa), 0);
    assert_int_equal(zwh__x25519_shared(b, pa, sb), 0);
    assert_int_equal(zwh__s2_temp_prk(sa, pa, pb, prk), 0);
    zt_assert_hex(prk, 16, "c7219805a4bd07bbe45915e8530c5975");
    zwh__s2_keys_t ka, kb;
    assert_int_equal(zwh__s2_expand_temp_key(sa, pa, pb, &ka), 0);
    assert_int_equal(zwh__s2_expand_temp_key(sb, pa, pb, &kb), 0); /* the joiner computes the same */
    zt_assert_hex(ka.ccm, 16, "7dd067ed9c4fa4e9db2ef5bb0ad9a7b2");
    zt_assert_hex(ka.pers, 32, "d62e2993be086f2ad3aba4d45cef3418533fe70df5139984871b5cc2d6d2c6df");
    assert_memory_equal(&ka, &kb, sizeof ka);
}

static void x25519_fresh_pairs_agree(void **state)
{
    (void)state;
    uint8_t a[32], b[32], pa[32], pb[32], s1[32], s2[32], again[32];
    assert_int_equal(zwh__x25519_keypair(a, pa), 0);
    assert_int_equal(zwh__x25519_keypair(b, pb), 0);
    assert_memory_not_equal(a, b, 32);
    assert_int_equal(zwh__x25519_public(a, again), 0);
    assert_memory_equal(again, pa, 32);
    assert_int_equal(zwh__x25519_shared(a, pb, s1), 0);
    assert_int_equal(zwh__x25519_shared(b, pa, s2), 0);
    assert_memory_equal(s1, s2, 32);
}

static void x25519_rejects_small_order_points(void **state)
{
    (void)state;
    uint8_t a[32], zero[32] = {0}, one[32] = {1}, out[32];
    H("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a", a);
    memset(out, 0x77, sizeof out);
    assert_int_equal(zwh__x25519_shared(a, zero, out), ZWH_EINVAL);
    for (int i = 0; i < 32; i++)
        assert_int_equal(out[i], 0); /* nothing half-computed left behind */
    assert_int_equal(zwh__x25519_shared(a, one, out), ZWH_EINVAL);
}

static void random_bytes_differ(void **state)
{
    (void)state;
    uint8_t a[32], b[32];
    assert_int_equal(zwh__random_bytes(a, sizeof a), 0);
    assert_int_equal(zwh__random_bytes(b, sizeof b), 0);
    assert_memory_not_equal(a, b, 32);
    assert_int_equal(zwh__random_bytes(NULL, 0), 0);
    assert_int_equal(zwh__random_bytes(NULL, 4), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cmac_rfc4493_examples),
        cmocka_unit_test(aes_block_fips197),
        cmocka_unit_test(aes_ofb_sp800_38a),
        cmocka_unit_test(aes_cbc_mac_zero_padding),
        cmocka_unit_test(ccm_nist_sp800_38c),
        cmocka_unit_test(ccm_rfc3610_s2_parameters),
        cmocka_unit_test(ccm_zwave_vector_and_tamper),
        cmocka_unit_test(ckdf_network_key_expansion),
        cmocka_unit_test(temp_key_fixed_inputs),
        cmocka_unit_test(nonce_prk_and_mei),
        cmocka_unit_test(mpan_nonce_is_aes_of_inner_state),
        cmocka_unit_test(s0_keys_are_aes_of_constants),
        cmocka_unit_test(x25519_rfc7748_alice_bob),
        cmocka_unit_test(x25519_rfc7748_section5_2),
        cmocka_unit_test(x25519_clamping),
        cmocka_unit_test(kex_chain_with_rfc7748_keys),
        cmocka_unit_test(x25519_fresh_pairs_agree),
        cmocka_unit_test(x25519_rejects_small_order_points),
        cmocka_unit_test(random_bytes_differ),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
