/* AES-128 CTR_DRBG without df, pinned to VEC:span_nonces_first3 (state after
 * instantiate and the first three SPAN nonces) and to the SPAN of
 * VEC:s2_encap_classic_1..3 (outputs #1..#3 of one generator). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "security/crypto.h"
#include "security/ctr_drbg.h"
#include "zt_hex.h"

#define H(s, buf) zt_hex((s), (buf), sizeof(buf))

static void span_nonces_first3(void **state)
{
    (void)state;
    uint8_t mei[32], pers[32], mei_copy[32], out[16];
    H("2dfc31099fee2f662585426e5dbff1143df11d5b8f36655e7071ea4dd60cb699", mei);
    H("aa3b035d8f802f368d6482f4299a2b1255eed934805c397bb72c47c61ff7acfa", pers);
    memcpy(mei_copy, mei, 32);
    zwh__ctr_drbg_t d;
    assert_int_equal(zwh__ctr_drbg_instantiate(&d, mei, pers), 0);
    assert_memory_equal(mei, mei_copy, 32); /* the entropy argument is not mutated */
    zt_assert_hex(d.k, 16, "df25ce9aea1030319e9eddcdd0c29f5c");
    zt_assert_hex(d.v, 16, "6b971ea16fdcffb734756f32b849e41b");
    static const char *outs[3] = {"6d6fa62e845c5a4a2b1a36196ee696d2",
                                  "94bb5687c4dd04c3a80ccf40491a7268",
                                  "e110326ab95fa6e1feba9940a2bcf534"};
    for (int i = 0; i < 3; i++) {
        assert_int_equal(zwh__ctr_drbg_generate(&d, out, 16), 0);
        zt_assert_hex(out, 16, outs[i]);
    }
    zwh__ctr_drbg_wipe(&d);
    uint8_t zero[32] = {0};
    assert_memory_equal(&d, zero, sizeof d);
}

/* SPAN of VEC:s2_encap_classic_*: MEI from (SEI, REI), personalization of the
 * S2_Authenticated key; both directions draw from the one generator. */
static void span_of_classic_frames(void **state)
{
    (void)state;
    uint8_t mei[32], pers[32], out[16];
    H("bb98883f32756bb7812a206895f5651d82563e9a4cb1e0a8c3c131c85832c269", mei);
    H("cf58e364088ba77f306412240dab48f0095291f4fdd27e05b81f2b5ef294f415", pers);
    zwh__ctr_drbg_t d;
    assert_int_equal(zwh__ctr_drbg_instantiate(&d, mei, pers), 0);
    assert_int_equal(zwh__ctr_drbg_generate(&d, out, 16), 0);
    zt_assert_hex(out, 13, "41008a0870010d7eb54fe1855a");
    assert_int_equal(zwh__ctr_drbg_generate(&d, out, 16), 0);
    zt_assert_hex(out, 13, "8d6702a6f45de01b38bb2b962d");
    assert_int_equal(zwh__ctr_drbg_generate(&d, out, 16), 0);
    zt_assert_hex(out, 13, "fedbd6a277267bad3f2694fe7f");
}

/* The generate step is "V+1, AES_K(V), then Update(0^32)"; recompute it from
 * the primitive to prove the update order independently of the vectors. */
static void generate_matches_definition(void **state)
{
    (void)state;
    uint8_t ent[32];
    for (int i = 0; i < 32; i++)
        ent[i] = (uint8_t)(i * 7 + 1);
    zwh__ctr_drbg_t d, ref;
    assert_int_equal(zwh__ctr_drbg_instantiate(&d, ent, NULL), 0);
    ref = d;
    /* V ends in ...ff so the increment carries */
    memset(d.v + 8, 0xff, 8);
    memcpy(ref.v, d.v, 16);
    uint8_t out[16], exp[16], v1[16], t[32];
    assert_int_equal(zwh__ctr_drbg_generate(&d, out, 16), 0);
    memcpy(v1, ref.v, 16);
    for (int i = 15; i >= 0 && ++v1[i] == 0; i--) {}
    assert_int_equal(v1[7], (uint8_t)(ref.v[7] + 1));
    assert_int_equal(zwh__aes128_encrypt_block(ref.k, v1, exp), 0);
    assert_memory_equal(out, exp, 16);
    for (int b = 0; b < 2; b++) {
        for (int i = 15; i >= 0 && ++v1[i] == 0; i--) {}
        assert_int_equal(zwh__aes128_encrypt_block(ref.k, v1, t + 16 * b), 0);
    }
    assert_memory_equal(d.k, t, 16);
    assert_memory_equal(d.v, t + 16, 16);
    /* a 40-byte request gives three blocks, then one update */
    uint8_t big[40];
    zwh__ctr_drbg_t e = d;
    assert_int_equal(zwh__ctr_drbg_generate(&e, big, sizeof big), 0);
    zwh__ctr_drbg_t f = d;
    uint8_t b16[16];
    assert_int_equal(zwh__ctr_drbg_generate(&f, b16, 16), 0);
    assert_memory_equal(big, b16, 16);
    assert_memory_not_equal(big + 16, b16, 16);
}

static void reseed_and_bad_args(void **state)
{
    (void)state;
    uint8_t ent[32] = {1}, add[32] = {2}, x[32], a[16], b[16];
    zwh__ctr_drbg_t d1, d2;
    assert_int_equal(zwh__ctr_drbg_instantiate(&d1, ent, NULL), 0);
    d2 = d1;
    assert_int_equal(zwh__ctr_drbg_reseed(&d1, ent, add), 0);
    for (int i = 0; i < 32; i++)
        x[i] = (uint8_t)(ent[i] ^ add[i]);
    assert_int_equal(zwh__ctr_drbg_update(&d2, x), 0);
    assert_int_equal(zwh__ctr_drbg_generate(&d1, a, 16), 0);
    assert_int_equal(zwh__ctr_drbg_generate(&d2, b, 16), 0);
    assert_memory_equal(a, b, 16);
    assert_int_equal(zwh__ctr_drbg_instantiate(NULL, ent, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__ctr_drbg_instantiate(&d1, NULL, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__ctr_drbg_generate(&d1, NULL, 16), ZWH_EINVAL);
}

static void seed_helper(void **state)
{
    (void)state;
    uint8_t seed[32], a[16], b[16];
    for (int i = 0; i < 32; i++)
        seed[i] = (uint8_t)i;
    zwh__ctr_drbg_t d1, d2, d3;
    assert_int_equal(zwh__ctr_drbg_seed(&d1, seed), 0);
    assert_int_equal(zwh__ctr_drbg_instantiate(&d2, seed, NULL), 0);
    assert_memory_equal(&d1, &d2, sizeof d1); /* a given seed is deterministic */
    assert_int_equal(zwh__ctr_drbg_seed(&d3, NULL), 0); /* system entropy */
    assert_int_equal(zwh__ctr_drbg_generate(&d1, a, 16), 0);
    assert_int_equal(zwh__ctr_drbg_generate(&d3, b, 16), 0);
    assert_memory_not_equal(a, b, 16);
    assert_int_equal(zwh__ctr_drbg_seed(NULL, seed), ZWH_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(span_nonces_first3),
        cmocka_unit_test(span_of_classic_frames),
        cmocka_unit_test(generate_matches_definition),
        cmocka_unit_test(reseed_and_bad_args),
        cmocka_unit_test(seed_helper),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
