/* S0 bootstrap: the S0 controller machine and S0 engine (node 1) against the S0
 * node machine and engine (node 2). Network Key Set really travels under the
 * all-zero key and Network Key Verify under the new key (both through the S0
 * engine's nonces, OFB and CBC-MAC). Golden bytes: vectors.json
 * command_frame_encodings (s0_scheme_get/report, s0_network_key_verify). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "security/kex.h"
#include "security/keystore.h"
#include "security/s0.h"
#include "zt_hex.h"
#include "zwhost/zwhost.h"

#define KEX_CTRL_ID 0
#define NODE 1
#define QMAX 32

typedef struct frame {
    int to;
    size_t len;
    uint8_t b[64];
} frame_t;

typedef struct peer {
    zwh__kex_t m;
    zwh__s0_t *s0;
    uint16_t id;
    uint8_t pend[24];
    size_t pend_len;
    int pend_cls;
    bool has_pend;
    bool have_key;
    int done, failed;
    uint8_t done_keys, fail, timeout;
    char sent[8][48]; /* hex of plaintext commands, in order */
    int nsent;
} peer_t;

typedef struct world {
    peer_t p[2];
    frame_t q[QMAX];
    size_t qh, qt;
    uint64_t now;
    zwh_keystore_t *ks;
    /* tampering */
    bool scheme_report_without_s0, verify_under_zero, key_set_in_clear;
} world_t;

static void push(world_t *w, int to, const uint8_t *b, size_t len)
{
    assert_true(w->qt - w->qh < QMAX);
    frame_t *f = &w->q[w->qt++ % QMAX];
    f->to = to;
    f->len = len;
    memcpy(f->b, b, len);
}

static void try_send(world_t *w, int who)
{
    peer_t *p = &w->p[who];
    if (!p->has_pend)
        return;
    uint8_t out[64];
    size_t n = 0;
    zwh__s0_tx_t tx = {.dst = w->p[1 - who].id, .temp_key = p->pend_cls == ZWH_SECCLASS_TEMP};
    int r = zwh__s0_encap(p->s0, &tx, p->pend, p->pend_len, w->now, out, sizeof out, &n);
    if (r < 0)
        fail_msg("side %d: S0 encap failed: %s", who, zwh_err_name(r));
    push(w, 1 - who, out, n);
    if (r == ZWH__S0_TX_ENCAP)
        p->has_pend = false;
}

static void handle(world_t *w, int who, const zwh__kex_out_t *out)
{
    peer_t *p = &w->p[who];
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND: {
            uint8_t cmd[24];
            memcpy(cmd, a->data, a->len);
            int cls = a->secclass;
            if (w->scheme_report_without_s0 && cmd[1] == ZWH__S0B_SCHEME_REPORT)
                cmd[2] = 0x01;
            if (w->verify_under_zero && cmd[1] == ZWH__S0B_NETWORK_KEY_VERIFY)
                cls = ZWH_SECCLASS_TEMP;
            if (w->key_set_in_clear && cmd[1] == ZWH__S0B_NETWORK_KEY_SET)
                cls = ZWH_SECCLASS_NONE;
            if (p->nsent < 8) {
                char *h = p->sent[p->nsent++];
                for (size_t k = 0; k < a->len && k < 3; k++)
                    h += sprintf(h, "%02x", cmd[k]);
            }
            if (cls == ZWH_SECCLASS_NONE) {
                push(w, 1 - who, cmd, a->len);
                break;
            }
            assert_false(p->has_pend);
            memcpy(p->pend, cmd, a->len);
            p->pend_len = a->len;
            p->pend_cls = cls;
            p->has_pend = true;
            try_send(w, who);
            break;
        }
        case ZWH__KEX_ACT_TEMP_KEY:
            assert_null(a->temp_keys);
            assert_int_equal(zwh__s0_allow_temp_key(p->s0, w->p[1 - who].id, 1), 0);
            break;
        case ZWH__KEX_ACT_NET_KEY:
            assert_int_equal(a->secclass, ZWH_SECCLASS_S0);
            if (who == NODE) {
                assert_int_equal(zwh__s0_set_network_key(p->s0, a->data), 0);
                p->have_key = true;
            } else {
                assert_int_equal(zwh__s0_allow_temp_key(p->s0, w->p[1 - who].id, 1), 0);
            }
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            zwh__s0_allow_temp_key(p->s0, w->p[1 - who].id, 0);
            if (who == NODE && (a->keys & ZWH_KEY_S0)) {
                zwh__s0_clear_network_key(p->s0);
                p->have_key = false;
            }
            break;
        case ZWH__KEX_ACT_EVENT:
            if (a->event == ZWH__KEX_EV_DONE) {
                p->done++;
                p->done_keys = a->keys;
            } else if (a->event == ZWH__KEX_EV_FAILED) {
                p->failed++;
                p->fail = a->fail;
                p->timeout = a->timeout;
                assert_int_equal(a->remote, 0); /* S0 has no failure command */
            }
            break;
        }
    }
}

static void receive(world_t *w, const frame_t *f)
{
    peer_t *p = &w->p[f->to];
    zwh__kex_out_t out;
    uint8_t c = f->len >= 2 ? f->b[1] : 0;
    bool transport = f->b[0] == ZWH__S0_CC && (c == ZWH__S0_NONCE_GET || c == ZWH__S0_NONCE_REPORT ||
                                                c == ZWH__S0_MSG_ENCAP || c == ZWH__S0_MSG_ENCAP_NONCE_GET);
    if (!transport) {
        assert_int_equal(zwh__kex_input(&p->m, f->b, f->len, ZWH_SECCLASS_NONE, w->now, &out), 0);
        handle(w, f->to, &out);
        return;
    }
    uint8_t pt[64];
    zwh__s0_rx_t rx = {.src = w->p[1 - f->to].id};
    zwh__s0_result_t res;
    int r = zwh__s0_decap(p->s0, &rx, f->b, f->len, w->now, pt, sizeof pt, &res);
    if (res.reply_len)
        push(w, 1 - f->to, res.reply, res.reply_len);
    if (r == ZWH__S0_RX_NONCE_REPORT) {
        try_send(w, f->to);
    } else if (r == ZWH__S0_RX_PLAINTEXT) {
        int cls = res.temp_key ? ZWH_SECCLASS_TEMP : ZWH_SECCLASS_S0;
        assert_int_equal(zwh__kex_input(&p->m, pt, res.len, cls, w->now, &out), 0);
        handle(w, f->to, &out);
    }
}

static void run(world_t *w, uint64_t until)
{
    for (;;) {
        if (w->qh != w->qt) {
            frame_t f = w->q[w->qh++ % QMAX];
            w->now += 25;
            receive(w, &f);
            continue;
        }
        uint64_t d0 = zwh__kex_deadline(&w->p[KEX_CTRL_ID].m), d1 = zwh__kex_deadline(&w->p[NODE].m);
        uint64_t d = d0 < d1 ? d0 : d1;
        if (d == UINT64_MAX || d > until)
            return;
        if (w->now < d)
            w->now = d;
        int who = d0 <= d1 ? KEX_CTRL_ID : NODE;
        zwh__kex_out_t out;
        assert_int_equal(zwh__kex_timeout(&w->p[who].m, w->now, &out), 0);
        handle(w, who, &out);
    }
}

static void world_init(world_t *w, bool start_node)
{
    memset(w, 0, sizeof *w);
    w->now = 100;
    static const char keys[] = "S0 0102030405060708090a0b0c0d0e0f10\n";
    w->ks = zwh__keystore_alloc();
    char msg[64];
    assert_int_equal(zwh__keystore_parse(w->ks, keys, sizeof keys - 1, msg, sizeof msg), 0);
    uint8_t seed[32];
    for (int i = 0; i < 2; i++) {
        memset(seed, 0x40 + i, sizeof seed);
        zwh__s0_config_t sc = {.node_id = (uint16_t)(i + 1), .nonce_lifetime_ms = 10000, .seed = seed};
        assert_int_equal(zwh__s0_new(&sc, &w->p[i].s0), 0);
        w->p[i].id = (uint16_t)(i + 1);
    }
    assert_int_equal(zwh__s0_set_network_key(w->p[KEX_CTRL_ID].s0, zwh__keystore_key(w->ks, ZWH_SECCLASS_S0)), 0);
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_S0_CONTROLLER, .keys = w->ks};
    zwh__kex_config_t nc = {.role = ZWH__KEX_ROLE_S0_NODE};
    assert_int_equal(zwh__kex_init(&w->p[KEX_CTRL_ID].m, &cc), 0);
    assert_int_equal(zwh__kex_init(&w->p[NODE].m, &nc), 0);
    zwh__kex_out_t out;
    if (start_node) {
        assert_int_equal(zwh__kex_start(&w->p[NODE].m, w->now, &out), 0);
        handle(w, NODE, &out);
    }
    assert_int_equal(zwh__kex_start(&w->p[KEX_CTRL_ID].m, w->now, &out), 0);
    handle(w, KEX_CTRL_ID, &out);
}

static void world_free(world_t *w)
{
    for (int i = 0; i < 2; i++) {
        zwh__kex_clear(&w->p[i].m);
        zwh__s0_free(w->p[i].s0);
    }
    zwh_keystore_free(w->ks);
}

static void s0_bootstrap_succeeds(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, true);
    run(&w, w.now + 100000);
    if (w.p[KEX_CTRL_ID].done != 1) {
        zwh__s0_counters_t c0, c1;
        zwh__s0_get_counters(w.p[KEX_CTRL_ID].s0, &c0);
        zwh__s0_get_counters(w.p[NODE].s0, &c1);
        fail_msg("ctrl %s fail %d; node %s done %d; ctrl rx_ok %u mac %u nonce_unknown %u no_key %u; node rx_ok %u "
                 "mac %u no_key %u nonce_unknown %u", zwh__kex_state_name(w.p[KEX_CTRL_ID].m.state), w.p[KEX_CTRL_ID].fail,
                 zwh__kex_state_name(w.p[NODE].m.state), w.p[NODE].done, c0.rx_ok, c0.mac_fail,
                 c0.nonce_unknown, c0.no_key, c1.rx_ok, c1.mac_fail, c1.no_key, c1.nonce_unknown);
    }
    assert_int_equal(w.p[KEX_CTRL_ID].done, 1);
    assert_int_equal(w.p[NODE].done, 1);
    assert_int_equal(w.p[KEX_CTRL_ID].done_keys, ZWH_KEY_S0);
    assert_int_equal(w.p[NODE].done_keys, ZWH_KEY_S0);
    assert_true(w.p[NODE].have_key);
    assert_string_equal(w.p[KEX_CTRL_ID].sent[0], "980400"); /* s0_scheme_get */
    assert_string_equal(w.p[NODE].sent[0], "980500"); /* s0_scheme_report */
    assert_string_equal(w.p[KEX_CTRL_ID].sent[1], "980601"); /* Network Key Set, key 0102... */
    assert_string_equal(w.p[NODE].sent[1], "9807");   /* s0_network_key_verify */

    /* the node now talks S0 with the controller's key: Basic Set both ways */
    const uint8_t basic[] = {0x20, 0x01, 0x63};
    for (int dir = 0; dir < 2; dir++) {
        peer_t *a = &w.p[dir], *b = &w.p[1 - dir];
        uint8_t f[64], pt[64];
        size_t n = 0;
        zwh__s0_tx_t tx = {.dst = b->id};
        zwh__s0_rx_t rxa = {.src = b->id}, rxb = {.src = a->id};
        zwh__s0_result_t res;
        assert_int_equal(zwh__s0_encap(a->s0, &tx, basic, 3, w.now, f, sizeof f, &n), ZWH__S0_TX_NONCE_GET);
        assert_true(zwh__s0_decap(b->s0, &rxb, f, n, w.now, pt, sizeof pt, &res) >= 0);
        uint8_t nr[16];
        size_t nrl = res.reply_len;
        memcpy(nr, res.reply, nrl);
        assert_int_equal(zwh__s0_decap(a->s0, &rxa, nr, nrl, w.now, pt, sizeof pt, &res), ZWH__S0_RX_NONCE_REPORT);
        assert_int_equal(zwh__s0_encap(a->s0, &tx, basic, 3, w.now, f, sizeof f, &n), ZWH__S0_TX_ENCAP);
        assert_int_equal(zwh__s0_decap(b->s0, &rxb, f, n, w.now, pt, sizeof pt, &res), ZWH__S0_RX_PLAINTEXT);
        assert_int_equal(res.temp_key, 0);
        assert_memory_equal(pt, basic, 3);
    }
    world_free(&w);
}

static void s0_failures(void **state)
{
    (void)state;
    world_t w;
    /* the node does not offer scheme 0 */
    world_init(&w, true);
    w.scheme_report_without_s0 = true;
    run(&w, w.now + 100000);
    assert_int_equal(w.p[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.p[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_KEX_SCHEME);
    assert_int_equal(w.p[KEX_CTRL_ID].nsent, 1); /* the key never left */
    world_free(&w);

    /* Verify proven with the zero key instead of the new one */
    world_init(&w, true);
    w.verify_under_zero = true;
    run(&w, w.now + 100000);
    assert_int_equal(w.p[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.p[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_KEY_VERIFY);
    world_free(&w);

    /* a Network Key Set in clear is refused by the node */
    world_init(&w, true);
    w.key_set_in_clear = true;
    run(&w, w.now + 100000);
    assert_int_equal(w.p[NODE].failed, 1);
    assert_int_equal(w.p[NODE].fail, ZWH__KEX_FAIL_AUTH);
    assert_false(w.p[NODE].have_key);
    /* the controller then times out waiting for the Verify */
    assert_int_equal(w.p[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.p[KEX_CTRL_ID].timeout, 1);
    world_free(&w);

    /* the node never answers: the controller's 10 s timer */
    world_init(&w, false);
    uint64_t t0 = w.now;
    run(&w, w.now + 100000);
    assert_int_equal(w.p[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.p[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_CANCEL);
    assert_int_equal(w.p[KEX_CTRL_ID].timeout, 1);
    assert_int_equal(w.now, t0 + 10000);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(s0_bootstrap_succeeds),
        cmocka_unit_test(s0_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
