/* Prints S2 round-trip throughput (one encapsulation + one decapsulation of a
 * 10-byte command on an established SPAN), S0 round trips (Nonce Get/Report +
 * encap + decap), and X25519 operations (public key, shared secret) per second. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "security/crypto.h"
#include "security/s0.h"
#include "security/s2.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die(const char *what, int rc)
{
    fprintf(stderr, "bench_security: %s failed (%d)\n", what, rc);
    exit(1);
}

static void bench_s2(double secs)
{
    static const uint8_t key[16] = {0xc0, 0xff, 0xee};
    zwh__s2_config_t cfg = {.home_id = 0xDEADBEEF, .node_id = 1};
    zwh__s2_t *a = NULL, *b = NULL;
    if (zwh__s2_new(&cfg, &a))
        die("s2_new", -1);
    cfg.node_id = 2;
    if (zwh__s2_new(&cfg, &b))
        die("s2_new", -1);
    if (zwh__s2_set_network_key(a, ZWH__S2_AUTH, key) || zwh__s2_set_network_key(b, ZWH__S2_AUTH, key))
        die("set key", -1);
    zwh__s2_set_granted(a, 2, ZWH__S2_BIT(ZWH__S2_AUTH));
    zwh__s2_set_granted(b, 1, ZWH__S2_BIT(ZWH__S2_AUTH));
    uint8_t pt[10] = {0x62, 0x01, 0xFF}, frame[128], out[128];
    size_t flen;
    zwh__s2_result_t res;
    zwh__s2_tx_t tx = {.dst = 2, .cls = ZWH__S2_AUTH};
    zwh__s2_rx_t from_a = {.src = 1}, from_b = {.src = 2};
    /* establish the SPAN */
    int rc = zwh__s2_encap(a, &tx, pt, sizeof pt, 0, frame, sizeof frame, &flen);
    if (rc != ZWH__S2_TX_NONCE_GET || zwh__s2_decap(b, &from_a, frame, flen, 0, out, sizeof out, &res) < 0)
        die("nonce get", rc);
    memcpy(frame, res.reply, res.reply_len);
    if (zwh__s2_decap(a, &from_b, frame, res.reply_len, 0, out, sizeof out, &res) != ZWH__S2_RX_NONCE_REPORT)
        die("nonce report", -1);
    long n = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < 256; i++, n++) {
            rc = zwh__s2_encap(a, &tx, pt, sizeof pt, 0, frame, sizeof frame, &flen);
            if (rc != ZWH__S2_TX_ENCAP)
                die("encap", rc);
            rc = zwh__s2_decap(b, &from_a, frame, flen, 0, out, sizeof out, &res);
            if (rc != ZWH__S2_RX_PLAINTEXT)
                die("decap", rc);
        }
        t = now_s() - t0;
    } while (t < secs);
    printf("S2 encap+decap (10-byte command, established SPAN): %.0f round trips/s (%.1f us each)\n",
           (double)n / t, t / (double)n * 1e6);
    zwh__s2_free(a);
    zwh__s2_free(b);
}

static void bench_s0(double secs)
{
    static const uint8_t key[16] = {1, 2, 3};
    zwh__s0_config_t cfg = {.node_id = 1};
    zwh__s0_t *a = NULL, *b = NULL;
    if (zwh__s0_new(&cfg, &a))
        die("s0_new", -1);
    cfg.node_id = 5;
    if (zwh__s0_new(&cfg, &b))
        die("s0_new", -1);
    if (zwh__s0_set_network_key(a, key) || zwh__s0_set_network_key(b, key))
        die("s0 key", -1);
    uint8_t pt[10] = {0x62, 0x01, 0xFF}, frame[64], out[64], rep[16];
    size_t flen;
    zwh__s0_result_t res;
    zwh__s0_tx_t tx = {.dst = 5};
    zwh__s0_rx_t from_a = {.src = 1}, from_b = {.src = 5};
    long n = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < 256; i++, n++) {
            if (zwh__s0_decap(b, &from_a, (const uint8_t *)"\x98\x40", 2, 0, out, sizeof out, &res) != 0)
                die("s0 nonce get", -1);
            memcpy(rep, res.reply, 10);
            if (zwh__s0_decap(a, &from_b, rep, 10, 0, out, sizeof out, &res) != ZWH__S0_RX_NONCE_REPORT)
                die("s0 nonce report", -1);
            if (zwh__s0_encap(a, &tx, pt, sizeof pt, 0, frame, sizeof frame, &flen) != ZWH__S0_TX_ENCAP)
                die("s0 encap", -1);
            if (zwh__s0_decap(b, &from_a, frame, flen, 0, out, sizeof out, &res) != ZWH__S0_RX_PLAINTEXT)
                die("s0 decap", -1);
        }
        t = now_s() - t0;
    } while (t < secs);
    printf("S0 nonce get/report + encap + decap (10-byte command): %.0f round trips/s\n",
           (double)n / t);
    zwh__s0_free(a);
    zwh__s0_free(b);
}

static void bench_x25519(double secs)
{
    uint8_t priv[32], pub[32], peer_priv[32], peer_pub[32], sec[32];
    if (zwh__x25519_keypair(priv, pub) || zwh__x25519_keypair(peer_priv, peer_pub))
        die("keypair", -1);
    long n = 0;
    double t0 = now_s(), t;
    do {
        for (int i = 0; i < 16; i++, n++)
            if (zwh__x25519_public(priv, pub))
                die("x25519_public", -1);
        t = now_s() - t0;
    } while (t < secs);
    printf("X25519 public key from private: %.0f ops/s\n", (double)n / t);
    n = 0;
    t0 = now_s();
    do {
        for (int i = 0; i < 16; i++, n++)
            if (zwh__x25519_shared(priv, peer_pub, sec))
                die("x25519_shared", -1);
        t = now_s() - t0;
    } while (t < secs);
    printf("X25519 shared secret: %.0f ops/s\n", (double)n / t);
}

int main(int argc, char **argv)
{
    double secs = argc > 1 ? atof(argv[1]) : 2.0;
    if (secs <= 0)
        secs = 2.0;
    bench_s2(secs);
    bench_s0(secs);
    bench_x25519(secs);
    return 0;
}
