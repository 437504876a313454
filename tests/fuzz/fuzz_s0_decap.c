/* Fuzz target: the S0 engine's receive path and codec. A node engine (id 5,
 * vectors.json s0 network key, temporary key allowed from node 1) has issued
 * the nonce b1..b8 to node 1 (as in s0_encap_basic_set), so the golden frame
 * decrypts. The input is split into frames [len][ctl][bytes]: ctl bits0-1 pick
 * the sender (1, 2, 7, 255), bits 2-5 advance the clock by 0..15 x 400 ms
 * (crossing the nonce lifetime). Replies go to a controller engine, which then
 * encapsulates something back so both directions run. */
#include <stdint.h>
#include <string.h>
#include "security/s0.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define IGNORE(x) do { int r_ = (x); (void)r_; } while (0)

static int fixed_nonce(uint8_t n[8], void *user)
{
    static const uint8_t rn[8] = {0xb1, 0xb2, 0xb3, 0xb4, 0xb5, 0xb6, 0xb7, 0xb8};
    int *count = user;
    memcpy(n, rn, 8);
    n[7] = (uint8_t)(n[7] + (*count)++); /* distinct ids after the first */
    n[0] = (uint8_t)(n[0] + (*count > 1 ? *count : 0));
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t key[16] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    static const uint8_t seed[32] = {2};
    zwh__s0_config_t cfg = {.node_id = 5, .max_nonces = 4, .max_peers = 3, .seed = seed};
    zwh__s0_t *node = NULL, *ctrl = NULL;
    if (zwh__s0_new(&cfg, &node) != 0)
        return 0;
    cfg.node_id = 1;
    if (zwh__s0_new(&cfg, &ctrl) != 0) {
        zwh__s0_free(node);
        return 0;
    }
    if (zwh__s0_set_network_key(node, key) || zwh__s0_set_network_key(ctrl, key))
        __builtin_trap();
    IGNORE(zwh__s0_allow_temp_key(node, 1, 1));
    int count = 0;
    zwh__s0_set_nonce_source(node, fixed_nonce, &count);
    uint8_t out[256], buf[256];
    zwh__s0_result_t res;
    zwh__s0_rx_t from_ctrl = {.src = 1};
    IGNORE(zwh__s0_decap(node, &from_ctrl, (const uint8_t *)"\x98\x40", 2, 0, out, sizeof out, &res));
    zwh__s0_set_nonce_source(node, NULL, NULL);

    static const uint16_t senders[4] = {1, 2, 7, 255};
    uint64_t now = 0;
    size_t off = 0;
    while (off + 2 <= size) {
        size_t len = data[off];
        uint8_t ctl = data[off + 1];
        off += 2;
        if (len > size - off)
            len = size - off;
        memcpy(buf, data + off, len);
        off += len;
        now += (uint64_t)((ctl >> 2) & 0xF) * 400u;
        zwh__s0_rx_t rx = {.src = senders[ctl & 3]};
        int rc = zwh__s0_decap(node, &rx, len ? buf : NULL, len, now, out, sizeof out, &res);
        if (rc == ZWH__S0_RX_PLAINTEXT && res.len > ZWH__S0_MAX_PAYLOAD)
            __builtin_trap();
        if (res.reply_len) {
            uint8_t rep[16];
            size_t rl = res.reply_len;
            memcpy(rep, res.reply, rl);
            zwh__s0_rx_t from_node = {.src = 5};
            IGNORE(zwh__s0_decap(ctrl, &from_node, rep, rl, now, out, sizeof out, &res));
            zwh__s0_tx_t tx = {.dst = 5, .request_nonce = ctl >> 7,
                               .frame_control = (uint8_t)(ctl & 0x3F)};
            size_t flen = 0;
            rc = zwh__s0_encap(ctrl, &tx, buf, len % 40, now, out, sizeof out, &flen);
            if (rc == ZWH__S0_TX_ENCAP)
                IGNORE(zwh__s0_decap(node, &from_ctrl, out, flen, now, buf, sizeof buf, &res));
        }
        /* the codec on the same bytes */
        zwh__s0_cmds_t cmds;
        if (len && zwh__s0_decode_cmds_supported_report(buf, len, &cmds) == 0 &&
            (cmds.n_supported + cmds.n_controlled + 3 > len))
            __builtin_trap();
        uint8_t cmd;
        int s0ok;
        IGNORE(zwh__s0_decode_scheme(buf, len, &cmd, &s0ok));
    }
    zwh__s0_free(node);
    zwh__s0_free(ctrl);
    return 0;
}
