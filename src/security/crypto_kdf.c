/* S2 key derivations (CKDF), all on top of AES-128-CMAC. Constants and message
 * layouts: SECURITY-REFERENCE.md 3.3, 3.4 and 3.6; pinned by vectors.json. */
#include "security/crypto.h"

#include <string.h>

#include "util/bytes.h"
#include "zwhost/error.h"

#define C_NK 0x55   /* network key expansion constant */
#define C_PRK 0x33  /* temporary key extraction key */
#define C_TE 0x88   /* temporary key expansion constant */
#define C_NONCE 0x26 /* nonce PRK key */
#define C_EI 0x88   /* mixed entropy input constant */

/* CKDF-Expand: T1 = CMAC_k(C*15 || 01), Ti = CMAC_k(Ti-1 || C*15 || i), i = 2..4. */
static int ckdf_expand(const uint8_t key[16], uint8_t c, zwh__s2_keys_t *out)
{
    uint8_t msg[32];
    uint8_t t[4][16];
    int rc = 0;
    memset(msg, c, 15);
    msg[15] = 0x01;
    rc = zwh__aes_cmac(key, msg, 16, t[0]);
    for (uint8_t i = 1; i < 4 && rc == 0; i++) {
        memcpy(msg, t[i - 1], 16);
        memset(msg + 16, c, 15);
        msg[31] = (uint8_t)(i + 1);
        rc = zwh__aes_cmac(key, msg, 32, t[i]);
    }
    if (rc == 0) {
        memcpy(out->ccm, t[0], 16);
        memcpy(out->pers, t[1], 16);
        memcpy(out->pers + 16, t[2], 16);
        memcpy(out->mpan, t[3], 16);
    }
    zwh__secure_zero(msg, sizeof msg);
    zwh__secure_zero(t, sizeof t);
    return rc;
}

int zwh__s2_expand_network_key(const uint8_t pnk[16], zwh__s2_keys_t *out)
{
    if (!pnk || !out)
        return ZWH_EINVAL;
    return ckdf_expand(pnk, C_NK, out);
}

int zwh__s2_temp_prk(const uint8_t shared[32], const uint8_t pub_a[32], const uint8_t pub_b[32],
                     uint8_t prk[16])
{
    if (!shared || !pub_a || !pub_b || !prk)
        return ZWH_EINVAL;
    uint8_t key[16], msg[96];
    memset(key, C_PRK, sizeof key);
    memcpy(msg, shared, 32);
    memcpy(msg + 32, pub_a, 32);
    memcpy(msg + 64, pub_b, 32);
    int rc = zwh__aes_cmac(key, msg, sizeof msg, prk);
    zwh__secure_zero(msg, sizeof msg);
    return rc;
}

int zwh__s2_expand_temp_key(const uint8_t shared[32], const uint8_t pub_a[32],
                            const uint8_t pub_b[32], zwh__s2_keys_t *out)
{
    if (!out)
        return ZWH_EINVAL;
    uint8_t prk[16];
    int rc = zwh__s2_temp_prk(shared, pub_a, pub_b, prk);
    if (rc == 0)
        rc = ckdf_expand(prk, C_TE, out);
    zwh__secure_zero(prk, sizeof prk);
    return rc;
}

int zwh__s2_nonce_prk(const uint8_t sei[16], const uint8_t rei[16], uint8_t prk[16])
{
    if (!sei || !rei || !prk)
        return ZWH_EINVAL;
    uint8_t key[16], msg[32];
    memset(key, C_NONCE, sizeof key);
    memcpy(msg, sei, 16);
    memcpy(msg + 16, rei, 16);
    int rc = zwh__aes_cmac(key, msg, sizeof msg, prk);
    zwh__secure_zero(msg, sizeof msg);
    return rc;
}

int zwh__s2_mei(const uint8_t prk[16], uint8_t mei[32])
{
    if (!prk || !mei)
        return ZWH_EINVAL;
    /* Unlike the network key expansion, the first message has an extra leading
     * block: C_EI || 00 || C_EI || 01. */
    uint8_t msg[32];
    memset(msg, C_EI, 15);
    msg[15] = 0x00;
    memset(msg + 16, C_EI, 15);
    msg[31] = 0x01;
    int rc = zwh__aes_cmac(prk, msg, sizeof msg, mei);
    if (rc == 0) {
        memcpy(msg, mei, 16);
        memset(msg + 16, C_EI, 15);
        msg[31] = 0x02;
        rc = zwh__aes_cmac(prk, msg, sizeof msg, mei + 16);
    }
    zwh__secure_zero(msg, sizeof msg);
    if (rc != 0)
        zwh__secure_zero(mei, 32);
    return rc;
}
