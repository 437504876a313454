/* Cryptographic primitives and the Z-Wave S2 key derivations.
 *
 * The primitives (AES block, OFB, CBC-MAC, CCM, CMAC, X25519, entropy) are
 * implemented in crypto_mbedtls.c, the only file in the project that includes
 * mbedTLS headers, so moving to another backend (mbedTLS 3.x PSA) touches one
 * file. The S2 CKDF derivations in crypto_kdf.c are built on zwh__aes_cmac().
 *
 * All functions are stateless: keys are passed per call and every temporary
 * holding key material is wiped before returning. Byte strings are in on-air
 * order; X25519 keys and secrets are the RFC 7748 little-endian byte strings,
 * unmodified (what the Public Key Report carries and the KDFs consume).
 *
 * Every function returns 0 on success or a negative ZWH_E* code; callers must
 * check (a failure in the backend is reported as ZWH_EIO, a bad tag as
 * ZWH_ES2_DECRYPT, NULL arguments as ZWH_EINVAL). Outputs may not overlap the
 * inputs unless stated. */
#ifndef ZWH_SECURITY_CRYPTO_H
#define ZWH_SECURITY_CRYPTO_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"

#define ZWH__AES_KEY_LEN 16
#define ZWH__AES_BLOCK_LEN 16
#define ZWH__CCM_NONCE_LEN 13 /* S2: L = 2 */
#define ZWH__CCM_TAG_LEN 8    /* S2 authentication tag */
#define ZWH__X25519_LEN 32
#define ZWH__S2_EI_LEN 16     /* sender/receiver entropy input */
#define ZWH__S2_PERS_LEN 32   /* personalization string */
#define ZWH__S2_MEI_LEN 32    /* mixed entropy input */

/* ---- primitives (crypto_mbedtls.c) ------------------------------------ */

/* out = AES-128-ECB_key(in), one block. out may equal in. */
ZWH_NODISCARD int zwh__aes128_encrypt_block(const uint8_t key[16], const uint8_t in[16],
                                            uint8_t out[16]);

/* AES-128-OFB keystream XOR (S0): out[i] = in[i] ^ OFB(key, iv)[i], len bytes,
 * no padding. out may equal in. */
ZWH_NODISCARD int zwh__aes128_ofb(const uint8_t key[16], const uint8_t iv[16],
                                  const uint8_t *in, size_t len, uint8_t *out);

/* AES-128 CBC-MAC with IV = 0 over data zero-padded to a multiple of 16 bytes
 * (no extra block when already aligned; len 0 gives AES_key(0^16)). mac gets
 * the full last block; S0 uses its first 8 bytes. */
ZWH_NODISCARD int zwh__aes128_cbc_mac(const uint8_t key[16], const uint8_t *data, size_t len,
                                      uint8_t mac[16]);

/* AES-128-CCM, 13-byte nonce, 8-byte tag. out receives len bytes of ciphertext
 * (may equal in); tag receives the 8-byte tag. aad may be NULL when aad_len 0. */
ZWH_NODISCARD int zwh__aes_ccm_encrypt(const uint8_t key[16], const uint8_t nonce[13],
                                       const uint8_t *aad, size_t aad_len,
                                       const uint8_t *in, size_t len,
                                       uint8_t *out, uint8_t tag[8]);

/* Inverse of zwh__aes_ccm_encrypt. Returns ZWH_ES2_DECRYPT when the tag does not
 * authenticate; out is then wiped (never holds unauthenticated plaintext). */
ZWH_NODISCARD int zwh__aes_ccm_decrypt(const uint8_t key[16], const uint8_t nonce[13],
                                       const uint8_t *aad, size_t aad_len,
                                       const uint8_t *in, size_t len,
                                       const uint8_t tag[8], uint8_t *out);

/* General AES-128-CCM (NIST SP 800-38C) for any nonce length 7..13 and tag
 * length 4..16 (even); the two functions above are these with 13 and 8. */
ZWH_NODISCARD int zwh__aes_ccm_seal(const uint8_t key[16], const uint8_t *nonce, size_t nonce_len,
                                    const uint8_t *aad, size_t aad_len,
                                    const uint8_t *in, size_t len, uint8_t *out,
                                    uint8_t *tag, size_t tag_len);
ZWH_NODISCARD int zwh__aes_ccm_open(const uint8_t key[16], const uint8_t *nonce, size_t nonce_len,
                                    const uint8_t *aad, size_t aad_len,
                                    const uint8_t *in, size_t len, const uint8_t *tag,
                                    size_t tag_len, uint8_t *out);

/* AES-128-CMAC (RFC 4493). */
ZWH_NODISCARD int zwh__aes_cmac(const uint8_t key[16], const uint8_t *msg, size_t len,
                                uint8_t out[16]);

/* len bytes from the operating system's CSPRNG (getrandom). */
ZWH_NODISCARD int zwh__random_bytes(uint8_t *out, size_t len);

/* Fresh X25519 key pair from the system entropy source: priv gets 32 random
 * bytes (stored unclamped, clamping is part of the scalar decode) and pub the
 * matching public key. */
ZWH_NODISCARD int zwh__x25519_keypair(uint8_t priv[32], uint8_t pub[32]);

/* Public key of a 32-byte private key (any value; it is clamped internally). */
ZWH_NODISCARD int zwh__x25519_public(const uint8_t priv[32], uint8_t pub[32]);

/* ECDH shared secret X25519(priv, peer_pub), RFC 7748 byte order. Bit 255 of
 * the peer key is ignored. Returns ZWH_EINVAL for a peer key that yields the
 * all-zero secret (small-order point). */
ZWH_NODISCARD int zwh__x25519_shared(const uint8_t priv[32], const uint8_t peer_pub[32],
                                     uint8_t secret[32]);

/* ---- S2 key derivations (crypto_kdf.c) -------------------------------- */

/* The keys one S2 security class needs, expanded from a 16-byte key. */
typedef struct zwh__s2_keys {
    uint8_t ccm[16];   /* KeyCCM: encrypts and authenticates every frame */
    uint8_t pers[32];  /* personalization string of the SPAN CTR_DRBG */
    uint8_t mpan[16];  /* KeyMPAN: turns the inner MPAN state into multicast nonces */
} zwh__s2_keys_t;

/* Network key expansion (CKDF-Expand with C_NK = 0x55*15):
 * T1 = CMAC_pnk(C||01), Ti = CMAC_pnk(Ti-1||C||i); ccm = T1, pers = T2||T3, mpan = T4.
 * Also used for the S0 key when it is verified over S2. */
ZWH_NODISCARD int zwh__s2_expand_network_key(const uint8_t pnk[16], zwh__s2_keys_t *out);

/* Temporary key extraction: PRK = CMAC_{0x33*16}(shared || pub_a || pub_b), where
 * A is the INCLUDING node's public key and B the JOINING node's, on both sides. */
ZWH_NODISCARD int zwh__s2_temp_prk(const uint8_t shared[32], const uint8_t pub_a[32],
                                   const uint8_t pub_b[32], uint8_t prk[16]);

/* Temporary key expansion: zwh__s2_temp_prk then the expansion above with
 * C_TE = 0x88*15 (ccm = TempKeyCCM, pers = TempPersonalizationString, mpan = T4,
 * which only libs2 computes and nobody uses). */
ZWH_NODISCARD int zwh__s2_expand_temp_key(const uint8_t shared[32], const uint8_t pub_a[32],
                                          const uint8_t pub_b[32], zwh__s2_keys_t *out);

/* NoncePRK = CMAC_{0x26*16}(sei || rei): sei from the SPAN extension's sender,
 * rei from the Nonce Report's sender. */
ZWH_NODISCARD int zwh__s2_nonce_prk(const uint8_t sei[16], const uint8_t rei[16],
                                    uint8_t prk[16]);

/* MEI = T1 || T2 with C_EI = 0x88*15: T1 = CMAC_prk(C||00||C||01),
 * T2 = CMAC_prk(T1||C||02). */
ZWH_NODISCARD int zwh__s2_mei(const uint8_t prk[16], uint8_t mei[32]);

/* ---- hashing (crypto_mbedtls.c) --------------------------------------- */

#define ZWH__SHA1_LEN 20

/* SHA-1 of data. Only for the SmartStart QR code checksum (its first two bytes);
 * never for anything that needs collision resistance. */
ZWH_NODISCARD int zwh__sha1(const uint8_t *data, size_t len, uint8_t out[20]);

#endif
