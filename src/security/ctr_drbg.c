/* AES-128 CTR_DRBG, no derivation function (see ctr_drbg.h). */
#include "security/ctr_drbg.h"

#include <string.h>

#include "security/crypto.h"
#include "util/bytes.h"
#include "zwhost/error.h"

/* 128-bit big-endian increment, carry towards byte 0. */
static void inc128(uint8_t v[16])
{
    for (int i = 15; i >= 0; i--)
        if (++v[i] != 0)
            break;
}

int zwh__ctr_drbg_update(zwh__ctr_drbg_t *d, const uint8_t *provided)
{
    if (!d)
        return ZWH_EINVAL;
    uint8_t t[32];
    int rc = 0;
    for (size_t i = 0; i < 2 && rc == 0; i++) {
        inc128(d->v);
        rc = zwh__aes128_encrypt_block(d->k, d->v, t + 16 * i);
    }
    if (rc == 0) {
        if (provided)
            for (size_t i = 0; i < sizeof t; i++)
                t[i] ^= provided[i];
        memcpy(d->k, t, 16);
        memcpy(d->v, t + 16, 16);
    }
    zwh__secure_zero(t, sizeof t);
    return rc;
}

int zwh__ctr_drbg_reseed(zwh__ctr_drbg_t *d, const uint8_t entropy[32], const uint8_t *additional)
{
    if (!d || !entropy)
        return ZWH_EINVAL;
    uint8_t seed[32];
    memcpy(seed, entropy, sizeof seed);
    if (additional)
        for (size_t i = 0; i < sizeof seed; i++)
            seed[i] ^= additional[i];
    int rc = zwh__ctr_drbg_update(d, seed);
    zwh__secure_zero(seed, sizeof seed);
    return rc;
}

int zwh__ctr_drbg_instantiate(zwh__ctr_drbg_t *d, const uint8_t entropy[32], const uint8_t *pers)
{
    if (!d || !entropy)
        return ZWH_EINVAL;
    memset(d, 0, sizeof *d);
    return zwh__ctr_drbg_reseed(d, entropy, pers);
}

int zwh__ctr_drbg_seed(zwh__ctr_drbg_t *d, const uint8_t *seed)
{
    if (!d)
        return ZWH_EINVAL;
    uint8_t ent[32];
    int rc = 0;
    if (seed)
        memcpy(ent, seed, sizeof ent);
    else
        rc = zwh__random_bytes(ent, sizeof ent);
    if (rc == 0)
        rc = zwh__ctr_drbg_instantiate(d, ent, NULL);
    zwh__secure_zero(ent, sizeof ent);
    return rc;
}

int zwh__ctr_drbg_generate(zwh__ctr_drbg_t *d, uint8_t *out, size_t len)
{
    if (!d || (!out && len))
        return ZWH_EINVAL;
    uint8_t blk[16];
    int rc = 0;
    for (size_t pos = 0; pos < len && rc == 0; pos += 16) {
        inc128(d->v);
        rc = zwh__aes128_encrypt_block(d->k, d->v, blk);
        size_t n = len - pos < 16 ? len - pos : 16;
        memcpy(out + pos, blk, n);
    }
    if (rc == 0)
        rc = zwh__ctr_drbg_update(d, NULL);
    zwh__secure_zero(blk, sizeof blk);
    return rc;
}

void zwh__ctr_drbg_wipe(zwh__ctr_drbg_t *d)
{
    if (d)
        zwh__secure_zero(d, sizeof *d);
}
