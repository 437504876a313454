/* AES-128 CTR_DRBG without derivation function, as Z-Wave S2 uses it for SPAN
 * nonces and local entropy (NIST SP 800-90A CTR_DRBG with keylen = outlen = 16,
 * seedlen = 32, no df, no reseed counter). mbedTLS's CTR_DRBG always runs the
 * derivation function, so it cannot produce S2 nonces; this one is written on
 * zwh__aes128_encrypt_block only.
 *
 *   Instantiate(entropy32, pers32): K = V = 0; Update(entropy XOR pers)
 *   Update(p32): twice { V = V + 1 (128-bit big endian); T ||= AES_K(V) };
 *                T ^= p; K = T[0..15]; V = T[16..31]
 *   Generate(16): V = V + 1; out = AES_K(V); Update(0^32)
 *
 * The state is plain data (copyable: the S2 engine tries several nonces on a
 * copy and commits only on success). Wipe it with zwh__ctr_drbg_wipe. */
#ifndef ZWH_SECURITY_CTR_DRBG_H
#define ZWH_SECURITY_CTR_DRBG_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"

typedef struct zwh__ctr_drbg {
    uint8_t k[16];
    uint8_t v[16];
} zwh__ctr_drbg_t;

/* entropy: 32 bytes (not modified). pers: 32 bytes or NULL (= zeros). */
ZWH_NODISCARD int zwh__ctr_drbg_instantiate(zwh__ctr_drbg_t *d, const uint8_t entropy[32],
                                            const uint8_t *pers);
/* Instantiates from seed (32 bytes) or, when seed is NULL, from 32 bytes of
 * system entropy (no personalization): the local generator of an engine. */
ZWH_NODISCARD int zwh__ctr_drbg_seed(zwh__ctr_drbg_t *d, const uint8_t *seed);
/* Update with 32 bytes of provided data, or NULL for zeros. */
ZWH_NODISCARD int zwh__ctr_drbg_update(zwh__ctr_drbg_t *d, const uint8_t *provided);
/* Reseed as SP 800-90A without df: Update(entropy XOR additional). */
ZWH_NODISCARD int zwh__ctr_drbg_reseed(zwh__ctr_drbg_t *d, const uint8_t entropy[32],
                                       const uint8_t *additional);
/* Fills out with len bytes: one block per 16 bytes (V+1, AES_K(V)), then one
 * Update(0^32) per call. S2 calls it with len 16 and uses the first 13 bytes as
 * a CCM nonce. */
ZWH_NODISCARD int zwh__ctr_drbg_generate(zwh__ctr_drbg_t *d, uint8_t *out, size_t len);
void zwh__ctr_drbg_wipe(zwh__ctr_drbg_t *d);

#endif
