/* Fuzz target: the S2 engine's receive path. A node engine is brought into the
 * state of vectors.json s2_encap_classic_1 (SPAN established with controller
 * 1, S2 Authenticated; plus the temporary key and a known MPAN of group 5), then
 * the input is split into frames: [len][ctl][len bytes of frame]..., where ctl
 * bit0 = multicast, bits1-2 choose the sender (1, 2, 261, 4095). Replies the
 * engine produces are fed to a second (controller) engine, and after every
 * frame the node encapsulates a reply, so both directions stay exercised. */
#include <stdint.h>
#include <string.h>
#include "security/s2.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* outcome deliberately unused: any result is fine, crashes are not */
#define IGNORE(x) do { int r_ = (x); (void)r_; } while (0)

static int fixed_ei(uint8_t ei[16], void *user)
{
    static const uint8_t rei[16] = {0xb9, 0xc4, 0x7c, 0x21, 0xd7, 0x97, 0x03, 0x7e,
                                    0x6c, 0x14, 0xfa, 0x79, 0x63, 0x78, 0x22, 0x4a};
    (void)user;
    memcpy(ei, rei, 16);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const uint8_t seed[32] = {1};
    static const uint8_t auth[16] = {0xc0, 0xff, 0xee, 0x00, 0x11, 0x22, 0x33, 0x44,
                                     0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc};
    static const uint8_t frame1[] = {0x9f, 0x03, 0x42, 0x01, 0x12, 0x41, 0x8c, 0xf8, 0x10, 0xb7,
                                     0xc5, 0x7c, 0x9b, 0x7b, 0x8c, 0xbf, 0xeb, 0x5a, 0x46, 0xa4,
                                     0x25, 0x26, 0xd3, 0xce, 0xaf, 0x80, 0xa8, 0xb4, 0x21, 0x6f,
                                     0x0c, 0xb8, 0x75};
    static const uint8_t mpan_state[16] = {15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    zwh__s2_config_t cfg = {.home_id = 0xDEADBEEF, .node_id = 2, .max_peers = 4,
                            .max_mpan = 2, .seed = seed};
    zwh__s2_t *node = NULL, *ctrl = NULL;
    if (zwh__s2_new(&cfg, &node) != 0)
        return 0;
    cfg.node_id = 1;
    if (zwh__s2_new(&cfg, &ctrl) != 0) {
        zwh__s2_free(node);
        return 0;
    }
    zwh__s2_keys_t tk;
    memset(&tk, 0x5A, sizeof tk);
    if (zwh__s2_set_network_key(node, ZWH__S2_AUTH, auth) || zwh__s2_set_network_key(ctrl, ZWH__S2_AUTH, auth) ||
        zwh__s2_set_class_keys(node, ZWH__S2_TEMP, &tk) || zwh__s2_set_network_key(node, ZWH__S2_LR_AUTH, auth))
        __builtin_trap();
    zwh__s2_set_granted(node, 1, ZWH__S2_BIT(ZWH__S2_AUTH) | ZWH__S2_BIT(ZWH__S2_TEMP));
    zwh__s2_set_granted(node, 2, ZWH__S2_BIT(ZWH__S2_AUTH));
    zwh__s2_set_granted(node, 261, ZWH__S2_BIT(ZWH__S2_LR_AUTH));
    zwh__s2_set_granted(ctrl, 2, ZWH__S2_BIT(ZWH__S2_AUTH));
    zwh__s2_set_ei_source(node, fixed_ei, NULL);
    uint8_t out[ZWH__S2_MAX_FRAME], buf[ZWH__S2_MAX_FRAME];
    zwh__s2_result_t res;
    zwh__s2_rx_t from_ctrl = {.src = 1};
    IGNORE(zwh__s2_decap(node, &from_ctrl, (const uint8_t *)"\x9f\x01\x01", 3, 0, out, sizeof out, &res));
    if (zwh__s2_decap(node, &from_ctrl, frame1, sizeof frame1, 0, out, sizeof out, &res) != ZWH__S2_RX_PLAINTEXT)
        __builtin_trap(); /* the golden frame must decrypt */
    zwh__s2_set_ei_source(node, NULL, NULL);
    (void)zwh__s2_mpan_set(ctrl, 5, ZWH__S2_AUTH, mpan_state);

    static const uint16_t senders[4] = {1, 2, 261, 4095};
    size_t off = 0;
    uint64_t now = 0;
    while (off + 2 <= size) {
        size_t len = data[off];
        uint8_t ctl = data[off + 1];
        off += 2;
        if (len > size - off)
            len = size - off;
        /* exact-size copy so ASan sees any over-read */
        uint8_t *frame = len ? memcpy(buf, data + off, len) : NULL;
        (void)frame;
        off += len;
        zwh__s2_rx_t rx = {.src = senders[(ctl >> 1) & 3], .multicast = ctl & 1};
        int rc = zwh__s2_decap(node, &rx, len ? buf : NULL, len, now, out, sizeof out, &res);
        if (rc == ZWH__S2_RX_PLAINTEXT && res.len > len)
            __builtin_trap();
        if (res.reply_len > sizeof res.reply)
            __builtin_trap();
        if (res.reply_len && rx.src == 1) {
            uint8_t rep[20];
            size_t rl = res.reply_len;
            memcpy(rep, res.reply, rl);
            zwh__s2_rx_t from_node = {.src = 2};
            IGNORE(zwh__s2_decap(ctrl, &from_node, rep, rl, now, out, sizeof out, &res));
        }
        size_t flen = 0;
        zwh__s2_tx_t tx = {.dst = 1, .cls = (ctl & 8) ? ZWH__S2_TEMP : ZWH__S2_AUTH,
                           .mos = (ctl >> 4) & 1};
        rc = zwh__s2_encap(node, &tx, out, (ctl >> 5) & 7, now, buf, sizeof buf, &flen);
        if (rc > 0 && (flen < 3 || flen > sizeof buf))
            __builtin_trap();
        if (rc == ZWH__S2_TX_ENCAP && (ctl & 0x80)) {
            zwh__s2_rx_t from_node = {.src = 2};
            IGNORE(zwh__s2_decap(ctrl, &from_node, buf, flen, now, out, sizeof out, &res));
        }
        now += 100;
    }
    zwh__s2_free(node);
    zwh__s2_free(ctrl);
    return 0;
}
