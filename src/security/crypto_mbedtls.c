/* Crypto backend over mbedTLS 2.28 (Debian 12 libmbedcrypto). The only file of
 * the project that includes mbedTLS headers (tests/check_layering.sh). Every
 * mbedTLS context lives on the stack for one call and is freed (mbedTLS zeroises
 * key schedules in its *_free functions); our own temporaries are wiped with
 * zwh__secure_zero. */
#include "security/crypto.h"

#include <errno.h>
#include <string.h>
#include <sys/random.h>

#include <mbedtls/aes.h>
#include <mbedtls/ccm.h>
#include <mbedtls/cipher.h>
#include <mbedtls/cmac.h>
#include <mbedtls/ecdh.h>
#include <mbedtls/ecp.h>
#include <mbedtls/sha1.h>

#include "util/bytes.h"
#include "zwhost/error.h"

int zwh__random_bytes(uint8_t *out, size_t len)
{
    if (!out && len)
        return ZWH_EINVAL;
    size_t got = 0;
    while (got < len) {
        ssize_t n = getrandom(out + got, len - got, 0);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        got += (size_t)n;
    }
    return 0;
}

/* f_rng for mbedTLS (scalar blinding in ecp_mul). */
static int rng_cb(void *unused, unsigned char *out, size_t len)
{
    (void)unused;
    return zwh__random_bytes(out, len) == 0 ? 0 : MBEDTLS_ERR_ECP_RANDOM_FAILED;
}

int zwh__aes128_encrypt_block(const uint8_t key[16], const uint8_t in[16], uint8_t out[16])
{
    if (!key || !in || !out)
        return ZWH_EINVAL;
    mbedtls_aes_context c;
    mbedtls_aes_init(&c);
    int rc = mbedtls_aes_setkey_enc(&c, key, 128);
    if (rc == 0)
        rc = mbedtls_aes_crypt_ecb(&c, MBEDTLS_AES_ENCRYPT, in, out);
    mbedtls_aes_free(&c);
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__aes128_ofb(const uint8_t key[16], const uint8_t iv[16], const uint8_t *in, size_t len,
                    uint8_t *out)
{
    if (!key || !iv || ((!in || !out) && len))
        return ZWH_EINVAL;
    if (len == 0)
        return 0;
    uint8_t ivc[16];
    memcpy(ivc, iv, sizeof ivc); /* mbedTLS advances the IV in place */
    size_t off = 0;
    mbedtls_aes_context c;
    mbedtls_aes_init(&c);
    int rc = mbedtls_aes_setkey_enc(&c, key, 128);
    if (rc == 0)
        rc = mbedtls_aes_crypt_ofb(&c, len, &off, ivc, in, out);
    mbedtls_aes_free(&c);
    zwh__secure_zero(ivc, sizeof ivc);
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__aes128_cbc_mac(const uint8_t key[16], const uint8_t *data, size_t len, uint8_t mac[16])
{
    if (!key || !mac || (!data && len))
        return ZWH_EINVAL;
    mbedtls_aes_context c;
    mbedtls_aes_init(&c);
    int rc = mbedtls_aes_setkey_enc(&c, key, 128);
    uint8_t x[16] = {0};
    size_t pos = 0;
    do { /* at least one block, so len 0 MACs one zero block */
        size_t n = len - pos < 16 ? len - pos : 16;
        for (size_t i = 0; i < n; i++)
            x[i] ^= data[pos + i];
        if (rc == 0)
            rc = mbedtls_aes_crypt_ecb(&c, MBEDTLS_AES_ENCRYPT, x, x);
        pos += n;
    } while (pos < len);
    mbedtls_aes_free(&c);
    if (rc == 0)
        memcpy(mac, x, 16);
    zwh__secure_zero(x, sizeof x);
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__aes_ccm_seal(const uint8_t key[16], const uint8_t *nonce, size_t nonce_len,
                      const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                      uint8_t *out, uint8_t *tag, size_t tag_len)
{
    if (!key || !nonce || !tag || (!aad && aad_len) || ((!in || !out) && len))
        return ZWH_EINVAL;
    mbedtls_ccm_context c;
    mbedtls_ccm_init(&c);
    int rc = mbedtls_ccm_setkey(&c, MBEDTLS_CIPHER_ID_AES, key, 128);
    if (rc == 0)
        rc = mbedtls_ccm_encrypt_and_tag(&c, len, nonce, nonce_len, aad, aad_len, in, out, tag,
                                         tag_len);
    mbedtls_ccm_free(&c);
    if (rc == MBEDTLS_ERR_CCM_BAD_INPUT)
        return ZWH_EINVAL;
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__aes_ccm_open(const uint8_t key[16], const uint8_t *nonce, size_t nonce_len,
                      const uint8_t *aad, size_t aad_len, const uint8_t *in, size_t len,
                      const uint8_t *tag, size_t tag_len, uint8_t *out)
{
    if (!key || !nonce || !tag || (!aad && aad_len) || ((!in || !out) && len))
        return ZWH_EINVAL;
    mbedtls_ccm_context c;
    mbedtls_ccm_init(&c);
    int rc = mbedtls_ccm_setkey(&c, MBEDTLS_CIPHER_ID_AES, key, 128);
    if (rc == 0)
        rc = mbedtls_ccm_auth_decrypt(&c, len, nonce, nonce_len, aad, aad_len, in, out, tag,
                                      tag_len);
    mbedtls_ccm_free(&c);
    if (rc == MBEDTLS_ERR_CCM_AUTH_FAILED)
        return ZWH_ES2_DECRYPT; /* mbedTLS has already wiped out */
    if (rc == MBEDTLS_ERR_CCM_BAD_INPUT)
        return ZWH_EINVAL;
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__aes_ccm_encrypt(const uint8_t key[16], const uint8_t nonce[13], const uint8_t *aad,
                         size_t aad_len, const uint8_t *in, size_t len, uint8_t *out,
                         uint8_t tag[8])
{
    return zwh__aes_ccm_seal(key, nonce, ZWH__CCM_NONCE_LEN, aad, aad_len, in, len, out, tag,
                             ZWH__CCM_TAG_LEN);
}

int zwh__aes_ccm_decrypt(const uint8_t key[16], const uint8_t nonce[13], const uint8_t *aad,
                         size_t aad_len, const uint8_t *in, size_t len, const uint8_t tag[8],
                         uint8_t *out)
{
    return zwh__aes_ccm_open(key, nonce, ZWH__CCM_NONCE_LEN, aad, aad_len, in, len, tag,
                             ZWH__CCM_TAG_LEN, out);
}

int zwh__aes_cmac(const uint8_t key[16], const uint8_t *msg, size_t len, uint8_t out[16])
{
    if (!key || !out || (!msg && len))
        return ZWH_EINVAL;
    const mbedtls_cipher_info_t *ci = mbedtls_cipher_info_from_type(MBEDTLS_CIPHER_AES_128_ECB);
    if (!ci)
        return ZWH_ENOTSUP;
    static const uint8_t empty[1] = {0};
    int rc = mbedtls_cipher_cmac(ci, key, 128, len ? msg : empty, len, out);
    return rc == 0 ? 0 : ZWH_EIO;
}

/* ---- X25519 ------------------------------------------------------------- */

/* Loads a raw private key: mbedtls_ecp_read_key reads little-endian and clamps
 * (a hand-loaded unclamped scalar would be rejected as invalid). */
static int x25519_load(mbedtls_ecp_keypair *kp, const uint8_t priv[32])
{
    int rc = mbedtls_ecp_read_key(MBEDTLS_ECP_DP_CURVE25519, kp, priv, ZWH__X25519_LEN);
    return rc == 0 ? 0 : ZWH_EIO;
}

int zwh__x25519_public(const uint8_t priv[32], uint8_t pub[32])
{
    if (!priv || !pub)
        return ZWH_EINVAL;
    mbedtls_ecp_keypair kp;
    mbedtls_ecp_keypair_init(&kp);
    int rc = x25519_load(&kp, priv);
    if (rc == 0 && mbedtls_ecp_mul(&kp.grp, &kp.Q, &kp.d, &kp.grp.G, rng_cb, NULL) != 0)
        rc = ZWH_EIO;
    size_t olen = 0;
    /* Montgomery points are written as the little-endian X coordinate (RFC 7748). */
    if (rc == 0 && (mbedtls_ecp_point_write_binary(&kp.grp, &kp.Q, MBEDTLS_ECP_PF_UNCOMPRESSED,
                                                   &olen, pub, ZWH__X25519_LEN) != 0 ||
                    olen != ZWH__X25519_LEN))
        rc = ZWH_EIO;
    mbedtls_ecp_keypair_free(&kp);
    return rc;
}

int zwh__x25519_keypair(uint8_t priv[32], uint8_t pub[32])
{
    if (!priv || !pub)
        return ZWH_EINVAL;
    int rc = zwh__random_bytes(priv, ZWH__X25519_LEN);
    if (rc == 0)
        rc = zwh__x25519_public(priv, pub);
    if (rc != 0)
        zwh__secure_zero(priv, ZWH__X25519_LEN);
    return rc;
}

int zwh__x25519_shared(const uint8_t priv[32], const uint8_t peer_pub[32], uint8_t secret[32])
{
    if (!priv || !peer_pub || !secret)
        return ZWH_EINVAL;
    mbedtls_ecp_keypair kp;
    mbedtls_ecp_point peer;
    mbedtls_mpi z;
    mbedtls_ecp_keypair_init(&kp);
    mbedtls_ecp_point_init(&peer);
    mbedtls_mpi_init(&z);
    int rc = x25519_load(&kp, priv);
    /* point_read_binary reads the little-endian u coordinate and masks bit 255. */
    if (rc == 0 && mbedtls_ecp_point_read_binary(&kp.grp, &peer, peer_pub, ZWH__X25519_LEN) != 0)
        rc = ZWH_EINVAL;
    if (rc == 0 && mbedtls_ecdh_compute_shared(&kp.grp, &z, &peer, &kp.d, rng_cb, NULL) != 0)
        rc = ZWH_EINVAL;
    /* RFC 7748 byte order is little endian: mbedtls_mpi_write_binary (big
     * endian) would give the byte-reversed, wrong secret. */
    if (rc == 0 && mbedtls_mpi_write_binary_le(&z, secret, ZWH__X25519_LEN) != 0)
        rc = ZWH_EIO;
    if (rc == 0) {
        uint8_t acc = 0;
        for (size_t i = 0; i < ZWH__X25519_LEN; i++)
            acc |= secret[i];
        if (acc == 0)
            rc = ZWH_EINVAL; /* small-order peer point */
    }
    if (rc != 0)
        zwh__secure_zero(secret, ZWH__X25519_LEN);
    mbedtls_mpi_free(&z);
    mbedtls_ecp_point_free(&peer);
    mbedtls_ecp_keypair_free(&kp);
    return rc;
}

/* SHA-1 for the SmartStart QR code checksum only (not a security function). */
int zwh__sha1(const uint8_t *data, size_t len, uint8_t out[20])
{
    if ((!data && len) || !out)
        return ZWH_EINVAL;
    return mbedtls_sha1_ret(data, len, out) == 0 ? 0 : ZWH_EIO;
}
