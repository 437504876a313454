/* Fuzz target: the KEX machines in both roles. The input first picks the node's
 * request (classes, CSA, Long Range) and how far an honest controller<->node
 * exchange runs (so the machines sit in any state, deep ones included), then is
 * a script of operations on either machine: arbitrary frames under an arbitrary
 * class, timers, user answers, cancel, decrypt failures. Invariants: no crash,
 * no action out of bounds, outcomes consistent with what was requested. */
#include <stdbool.h>
#include <stdint.h>
#include <string.h>
#include "security/kex.h"
#include "security/keystore.h"
#include "util/bytes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define QMAX 16

typedef struct qframe {
    int to;
    int cls;
    size_t len;
    uint8_t b[40];
} qframe_t;

typedef struct harness {
    zwh__kex_t m[2]; /* 0 controller, 1 node */
    qframe_t q[QMAX];
    size_t qh, qt;
    uint64_t now;
    bool want_grant, want_pin, want_csa;
    uint8_t csa_shown[4];
    uint8_t requested;
} harness_t;

static void check(harness_t *h, int who, const zwh__kex_out_t *out)
{
    if (out->n > ZWH__KEX_MAX_ACTIONS)
        __builtin_trap();
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND:
            if (!a->data || a->len < 2 || a->len > 35 ||
                a->data[0] != (h->m[who].cfg.role >= ZWH__KEX_ROLE_S0_CONTROLLER ? ZWH__CC_S0 : ZWH__CC_S2))
                __builtin_trap();
            if (h->qt - h->qh < QMAX) {
                qframe_t *f = &h->q[h->qt++ % QMAX];
                f->to = 1 - who;
                f->cls = a->secclass;
                f->len = a->len;
                memcpy(f->b, a->data, a->len);
            }
            break;
        case ZWH__KEX_ACT_TEMP_KEY: /* S0: NULL = accept the all-zero key */
            if (!a->temp_keys != (h->m[who].cfg.role >= ZWH__KEX_ROLE_S0_CONTROLLER))
                __builtin_trap();
            break;
        case ZWH__KEX_ACT_NET_KEY:
            if (who == 1 && (!a->data || a->len != 16))
                __builtin_trap();
            if (a->keys & ~ZWH_KEY_ALL)
                __builtin_trap();
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            break;
        case ZWH__KEX_ACT_EVENT:
            switch (a->event) {
            case ZWH__KEX_EV_GRANT_REQUEST: h->want_grant = true; break;
            case ZWH__KEX_EV_PIN_REQUEST: h->want_pin = true; break;
            case ZWH__KEX_EV_CSA_DISPLAY: memcpy(h->csa_shown, a->data, 4); break;
            case ZWH__KEX_EV_CSA_REQUEST: h->want_csa = true; break;
            case ZWH__KEX_EV_DONE:
                if (!a->keys || (a->keys & ~ZWH_KEY_ALL) || h->m[who].state != ZWH__KEX_DONE)
                    __builtin_trap();
                break;
            case ZWH__KEX_EV_FAILED:
                if (!a->fail || h->m[who].state != ZWH__KEX_FAILED || h->m[who].granted)
                    __builtin_trap();
                break;
            default: __builtin_trap();
            }
            break;
        default:
            __builtin_trap();
        }
    }
}

/* one honest step: a pending answer, else one queued frame */
static bool honest_step(harness_t *h)
{
    zwh__kex_out_t out;
    if (h->want_grant) {
        h->want_grant = false;
        zwh__kex_grant(&h->m[0], ZWH_KEY_ALL, true, h->now, &out);
        check(h, 0, &out);
        return true;
    }
    if (h->want_pin) {
        h->want_pin = false;
        zwh__kex_pin(&h->m[0], (uint16_t)(h->m[1].pub_local[0] << 8 | h->m[1].pub_local[1]), h->now, &out);
        check(h, 0, &out);
        return true;
    }
    if (h->want_csa) {
        h->want_csa = false;
        const uint8_t *d = h->csa_shown;
        zwh__kex_csa(&h->m[1], (uint16_t)(d[0] << 8 | d[1]), (uint16_t)(d[2] << 8 | d[3]), h->now, &out);
        check(h, 1, &out);
        return true;
    }
    if (h->qh == h->qt)
        return false;
    qframe_t f = h->q[h->qh++ % QMAX];
    h->now += 10;
    zwh__kex_input(&h->m[f.to], f.b, f.len, f.cls, h->now, &out);
    check(h, f.to, &out);
    return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char keys[] = "S0 00112233445566778899aabbccddeeff\n"
                               "S2_Unauthenticated 000102030405060708090a0b0c0d0e0f\n"
                               "S2_Authenticated c0ffee00112233445566778899aabbcc\n"
                               "S2_AccessControl ffeeddccbbaa99887766554433221100\n"
                               "S2_LR_Authenticated 0f1e2d3c4b5a69788796a5b4c3d2e1f0\n"
                               "S2_LR_AccessControl 1111111111111111222222222222222f\n";
    if (size < 2)
        return 0;
    zwh_keystore_t ks;
    char msg[32];
    if (zwh__keystore_parse(&ks, keys, sizeof keys - 1, msg, sizeof msg) != 0)
        __builtin_trap();
    harness_t h;
    memset(&h, 0, sizeof h);
    h.now = 1000;
    uint8_t req = (uint8_t)(data[0] & ZWH_KEY_ALL);
    if (!req)
        req = ZWH_KEY_S2_AUTHENTICATED;
    bool lr = data[0] & 0x10;
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_CONTROLLER, .keys = &ks, .long_range = lr,
                            .has_private_key = true};
    memset(cc.private_key, 0x11, 32);
    zwh__kex_config_t nc = {.role = ZWH__KEX_ROLE_NODE, .request_keys = req,
                            .request_csa = (data[0] & 0x08) != 0, .long_range = lr,
                            .has_private_key = true};
    memset(nc.private_key, 0x22, 32);
    if (data[0] & 0x20) { /* the S0 bootstrap on the same engine */
        cc.role = ZWH__KEX_ROLE_S0_CONTROLLER;
        nc.role = ZWH__KEX_ROLE_S0_NODE;
    }
    if (zwh__kex_init(&h.m[0], &cc) || zwh__kex_init(&h.m[1], &nc))
        __builtin_trap();
    zwh__kex_out_t out;
    zwh__kex_start(&h.m[1], h.now, &out);
    check(&h, 1, &out);
    zwh__kex_start(&h.m[0], h.now, &out);
    check(&h, 0, &out);
    unsigned honest = data[1] % 48;
    for (unsigned i = 0; i < honest && honest_step(&h); i++)
        ;
    /* the script */
    size_t off = 2;
    while (off + 2 <= size) {
        uint8_t op = data[off], arg = data[off + 1];
        off += 2;
        zwh__kex_t *m = &h.m[op & 1];
        switch ((op >> 1) % 9) {
        case 0: { /* a frame: arg = length, then bytes; class from op bits */
            size_t len = arg % 48;
            if (len > size - off)
                len = size - off;
            uint8_t frame[48];
            memcpy(frame, data + off, len);
            if (len >= 1 && (op & 0x80))
                frame[0] = (data[0] & 0x20) ? ZWH__CC_S0 : ZWH__CC_S2; /* mostly frames of the CC */
            off += len;
            static const int classes[] = {ZWH_SECCLASS_NONE, ZWH_SECCLASS_TEMP, 0, 1, 2, 3, 4, ZWH_SECCLASS_S0};
            zwh__kex_input(m, frame, len, classes[(op >> 4) & 7], h.now, &out);
            break;
        }
        case 1: h.now += (uint64_t)arg * 1000; zwh__kex_timeout(m, h.now, &out); break;
        case 2: zwh__kex_grant(m, arg, op & 0x40, h.now, &out); break;
        case 3: zwh__kex_pin(m, (uint16_t)(arg * 257), h.now, &out); break;
        case 4: zwh__kex_csa(m, arg, (uint16_t)(arg << 8), h.now, &out); break;
        case 5: zwh__kex_cancel(m, h.now, &out); break;
        case 6: zwh__kex_decrypt_failed(m, h.now, &out); break;
        case 7: /* let the honest exchange continue a few steps */
            out.n = 0;
            for (unsigned i = 0; i < (arg & 15u) && honest_step(&h); i++)
                ;
            break;
        default: zwh__kex_start(m, h.now, &out); break;
        }
        if ((op >> 1) % 9 != 7)
            check(&h, op & 1, &out);
        if (zwh__kex_finished(m) && zwh__kex_deadline(m) != UINT64_MAX)
            __builtin_trap();
    }
    zwh__kex_clear(&h.m[0]);
    zwh__kex_clear(&h.m[1]);
    zwh__secure_zero(&ks, sizeof ks);
    return 0;
}
