/* Full S2 bootstrap through the real S2 engine: the controller's KEX machine and
 * S2 engine (node 1) against the node's KEX machine and S2 engine (node 2), home
 * DEADBEEF. Frames the machines want encrypted go through zwh__s2_encap (Nonce
 * Get/Report and SPAN included) and come out of zwh__s2_decap with the class
 * that authenticated them; KEX frames that travel in clear bypass the engine, as
 * the host does. This is the wiring the host and the simulator use. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "security/crypto.h"
#include "security/kex.h"
#include "security/keystore.h"
#include "security/s2.h"
#include "zt_hex.h"
#include "zwhost/zwhost.h"

#define KEX_CTRL_ID 0
#define NODE 1
#define QMAX 64
#define HOME 0xDEADBEEFu

typedef struct frame {
    int to;
    size_t len;
    uint8_t b[96];
} frame_t;

typedef struct pending {
    uint8_t b[40];
    size_t len;
    int cls;
} pending_t;

typedef struct peer {
    zwh__kex_t m;
    zwh__s2_t *s2;
    uint16_t id;
    uint32_t granted; /* engine classes granted to the other side */
    pending_t pend[4];
    int npend;
    bool awaiting_nonce;
    int done, failed, decrypt_fail;
    uint8_t done_keys, fail, remote, timeout;
    uint8_t csa_shown[4];
    bool pin_wanted, csa_wanted, grant_wanted;
} peer_t;

typedef struct world {
    peer_t p[2];
    frame_t q[QMAX];
    size_t qh, qt;
    uint64_t now;
    zwh_keystore_t *ks;
    uint8_t allow;
    bool wrong_pin, answer_pin;
} world_t;

/* machine class -> engine class */
static int engine_class(int secclass)
{
    switch (secclass) {
    case ZWH_SECCLASS_TEMP: return ZWH__S2_TEMP;
    case ZWH_SECCLASS_S0: return ZWH__S2_S0_VERIFY;
    default: return secclass; /* S2 classes share numbers 0..4 */
    }
}

static int machine_class(int cls)
{
    switch (cls) {
    case ZWH__S2_TEMP: return ZWH_SECCLASS_TEMP;
    case ZWH__S2_S0_VERIFY: return ZWH_SECCLASS_S0;
    default: return cls;
    }
}

static void push(world_t *w, int to, const uint8_t *b, size_t len)
{
    assert_true(w->qt - w->qh < QMAX);
    assert_true(len <= sizeof w->q[0].b);
    frame_t *f = &w->q[w->qt++ % QMAX];
    f->to = to;
    f->len = len;
    memcpy(f->b, b, len);
}

static void flush(world_t *w, int who)
{
    peer_t *p = &w->p[who];
    while (p->npend && !p->awaiting_nonce) {
        uint8_t out[96];
        size_t n = 0;
        zwh__s2_tx_t tx = {.dst = w->p[1 - who].id, .cls = p->pend[0].cls};
        int r = zwh__s2_encap(p->s2, &tx, p->pend[0].b, p->pend[0].len, w->now, out, sizeof out, &n);
        if (r < 0)
            fail_msg("side %d: encap class %d failed: %s", who, tx.cls, zwh_err_name(r));
        push(w, 1 - who, out, n);
        if (r == ZWH__S2_TX_NONCE_GET) {
            p->awaiting_nonce = true;
            return;
        }
        memmove(p->pend, p->pend + 1, sizeof p->pend[0] * (size_t)--p->npend);
    }
}

static void handle(world_t *w, int who, const zwh__kex_out_t *out)
{
    peer_t *p = &w->p[who];
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND:
            if (a->secclass == ZWH_SECCLASS_NONE) {
                push(w, 1 - who, a->data, a->len);
            } else {
                /* a Nonce Get still unanswered counts as lost (the controller's engine
                 * ignores Nonce Gets from a node it granted nothing yet, e.g. while
                 * the user types the PIN): the retry sends a new one; an old copy of
                 * a repeated command is dropped */
                p->awaiting_nonce = false;
                if (p->npend == 4)
                    memmove(p->pend, p->pend + 1, sizeof p->pend[0] * (size_t)--p->npend);
                pending_t *pe = &p->pend[p->npend++];
                memcpy(pe->b, a->data, a->len);
                pe->len = a->len;
                pe->cls = engine_class(a->secclass);
                flush(w, who);
            }
            break;
        case ZWH__KEX_ACT_TEMP_KEY:
            assert_int_equal(zwh__s2_set_class_keys(p->s2, ZWH__S2_TEMP, a->temp_keys), 0);
            p->granted |= ZWH__S2_BIT(ZWH__S2_TEMP);
            zwh__s2_set_granted(p->s2, w->p[1 - who].id, p->granted);
            break;
        case ZWH__KEX_ACT_NET_KEY:
            if (who == NODE)
                assert_int_equal(zwh__s2_set_network_key(p->s2, engine_class(a->secclass), a->data), 0);
            p->granted |= ZWH__S2_BIT(engine_class(a->secclass));
            zwh__s2_set_granted(p->s2, w->p[1 - who].id, p->granted);
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            p->granted &= ~ZWH__S2_BIT(ZWH__S2_TEMP);
            zwh__s2_clear_key(p->s2, ZWH__S2_TEMP);
            for (int b = 0; b < 8; b++) {
                if (!(a->keys & (1u << b)))
                    continue;
                int cls = engine_class(zwh__kex_key_class(&p->m, (uint8_t)(1u << b)));
                p->granted &= ~ZWH__S2_BIT(cls);
                if (who == NODE)
                    zwh__s2_clear_key(p->s2, cls);
            }
            zwh__s2_set_granted(p->s2, w->p[1 - who].id, p->granted);
            break;
        case ZWH__KEX_ACT_EVENT:
            switch (a->event) {
            case ZWH__KEX_EV_GRANT_REQUEST: p->grant_wanted = true; break;
            case ZWH__KEX_EV_PIN_REQUEST: p->pin_wanted = w->answer_pin; break;
            case ZWH__KEX_EV_CSA_DISPLAY: memcpy(w->p[NODE].csa_shown, a->data, 4); break;
            case ZWH__KEX_EV_CSA_REQUEST: p->csa_wanted = true; break;
            case ZWH__KEX_EV_DONE:
                p->done++;
                p->done_keys = a->keys;
                break;
            case ZWH__KEX_EV_FAILED:
                p->failed++;
                p->fail = a->fail;
                p->remote = a->remote;
                p->timeout = a->timeout;
                break;
            }
            break;
        }
    }
}

static void receive(world_t *w, const frame_t *f)
{
    peer_t *p = &w->p[f->to];
    zwh__kex_out_t out;
    bool transport = f->len >= 2 && f->b[0] == ZWH__S2_CC &&
                     (f->b[1] == ZWH__S2_NONCE_GET || f->b[1] == ZWH__S2_NONCE_REPORT ||
                      f->b[1] == ZWH__S2_MSG_ENCAP);
    if (!transport) {
        assert_int_equal(zwh__kex_input(&p->m, f->b, f->len, ZWH_SECCLASS_NONE, w->now, &out), 0);
        handle(w, f->to, &out);
        return;
    }
    uint8_t pt[96];
    zwh__s2_rx_t rx = {.src = w->p[1 - f->to].id};
    zwh__s2_result_t res;
    int r = zwh__s2_decap(p->s2, &rx, f->b, f->len, w->now, pt, sizeof pt, &res);
    if (res.reply_len)
        push(w, 1 - f->to, res.reply, res.reply_len);
    if (r == ZWH__S2_RX_NONCE_REPORT) {
        p->awaiting_nonce = false;
        flush(w, f->to);
    } else if (r == ZWH__S2_RX_PLAINTEXT) {
        assert_int_equal(zwh__kex_input(&p->m, pt, res.len, machine_class(res.cls), w->now, &out), 0);
        handle(w, f->to, &out);
    } else if (r == ZWH_ES2_DECRYPT) {
        p->decrypt_fail++;
        assert_int_equal(zwh__kex_decrypt_failed(&p->m, w->now, &out), 0);
        handle(w, f->to, &out);
    }
}

static bool step(world_t *w)
{
    zwh__kex_out_t out;
    peer_t *c = &w->p[KEX_CTRL_ID], *n = &w->p[NODE];
    if (c->grant_wanted) {
        c->grant_wanted = false;
        assert_int_equal(zwh__kex_grant(&c->m, w->allow, true, w->now, &out), 0);
        handle(w, KEX_CTRL_ID, &out);
        return true;
    }
    if (c->pin_wanted) {
        c->pin_wanted = false;
        uint16_t pin = (uint16_t)(n->m.pub_local[0] << 8 | n->m.pub_local[1]);
        assert_int_equal(zwh__kex_pin(&c->m, w->wrong_pin ? (uint16_t)(pin + 1) : pin, w->now, &out), 0);
        handle(w, KEX_CTRL_ID, &out);
        return true;
    }
    if (n->csa_wanted) {
        n->csa_wanted = false;
        const uint8_t *d = n->csa_shown;
        assert_int_equal(zwh__kex_csa(&n->m, (uint16_t)(d[0] << 8 | d[1]), (uint16_t)(d[2] << 8 | d[3]),
                                      w->now, &out), 0);
        handle(w, NODE, &out);
        return true;
    }
    if (w->qh != w->qt) {
        frame_t f = w->q[w->qh++ % QMAX];
        w->now += 30;
        receive(w, &f);
        return true;
    }
    return false;
}

static void run(world_t *w, uint64_t until)
{
    for (;;) {
        if (step(w))
            continue;
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

static void world_init(world_t *w, uint8_t request, bool csa)
{
    memset(w, 0, sizeof *w);
    w->now = 5000;
    w->allow = ZWH_KEY_ALL;
    w->answer_pin = true;
    static const char keys[] = "S0 00112233445566778899aabbccddeeff\n"
                               "S2_Unauthenticated 000102030405060708090a0b0c0d0e0f\n"
                               "S2_Authenticated c0ffee00112233445566778899aabbcc\n"
                               "S2_AccessControl ffeeddccbbaa99887766554433221100\n";
    w->ks = zwh__keystore_alloc();
    char msg[64];
    assert_int_equal(zwh__keystore_parse(w->ks, keys, sizeof keys - 1, msg, sizeof msg), 0);
    uint8_t seed[32];
    for (int i = 0; i < 2; i++) {
        memset(seed, 0x10 + i, sizeof seed);
        zwh__s2_config_t sc = {.home_id = HOME, .node_id = (uint16_t)(i + 1), .seed = seed};
        assert_int_equal(zwh__s2_new(&sc, &w->p[i].s2), 0);
        w->p[i].id = (uint16_t)(i + 1);
    }
    /* the controller's engine holds its network keys (S0 as the verify class) */
    for (int c = 0; c <= ZWH_SECCLASS_S0; c++) {
        const uint8_t *k = zwh__keystore_key(w->ks, c);
        if (k)
            assert_int_equal(zwh__s2_set_network_key(w->p[KEX_CTRL_ID].s2, engine_class(c), k), 0);
    }
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_CONTROLLER, .keys = w->ks};
    assert_int_equal(zwh__kex_init(&w->p[KEX_CTRL_ID].m, &cc), 0); /* fresh key pair per bootstrap */
    zwh__kex_config_t nc = {.role = ZWH__KEX_ROLE_NODE, .request_keys = request, .request_csa = csa,
                            .has_private_key = true};
    assert_int_equal(zwh__random_bytes(nc.private_key, 32), 0);
    assert_int_equal(zwh__kex_init(&w->p[NODE].m, &nc), 0);
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_start(&w->p[NODE].m, w->now, &out), 0);
    handle(w, NODE, &out);
    assert_int_equal(zwh__kex_start(&w->p[KEX_CTRL_ID].m, w->now, &out), 0);
    handle(w, KEX_CTRL_ID, &out);
}

static void world_free(world_t *w)
{
    for (int i = 0; i < 2; i++) {
        zwh__kex_clear(&w->p[i].m);
        zwh__s2_free(w->p[i].s2);
    }
    zwh_keystore_free(w->ks);
}

/* After a successful bootstrap an application command travels both ways under
 * the highest granted class, proving both engines hold the same key. */
static void exchange_under(world_t *w, int cls)
{
    for (int dir = 0; dir < 2; dir++) {
        peer_t *a = &w->p[dir], *b = &w->p[1 - dir];
        zwh__s2_set_granted(a->s2, b->id, ZWH__S2_BIT(cls));
        zwh__s2_set_granted(b->s2, a->id, ZWH__S2_BIT(cls));
        const uint8_t basic_set[] = {0x20, 0x01, 0xff};
        uint8_t f1[96], f2[96], pt[96];
        size_t n1 = 0;
        zwh__s2_tx_t tx = {.dst = b->id, .cls = cls};
        zwh__s2_rx_t rxb = {.src = a->id}, rxa = {.src = b->id};
        zwh__s2_result_t res;
        int r = zwh__s2_encap(a->s2, &tx, basic_set, 3, w->now, f1, sizeof f1, &n1);
        if (r == ZWH__S2_TX_NONCE_GET) {
            assert_true(zwh__s2_decap(b->s2, &rxb, f1, n1, w->now, pt, sizeof pt, &res) >= 0);
            assert_true(res.reply_len > 0);
            uint8_t nr[20];
            size_t nrl = res.reply_len;
            memcpy(nr, res.reply, nrl);
            assert_int_equal(zwh__s2_decap(a->s2, &rxa, nr, nrl, w->now, pt, sizeof pt, &res),
                             ZWH__S2_RX_NONCE_REPORT);
            r = zwh__s2_encap(a->s2, &tx, basic_set, 3, w->now, f1, sizeof f1, &n1);
        }
        assert_int_equal(r, ZWH__S2_TX_ENCAP);
        assert_int_equal(zwh__s2_decap(b->s2, &rxb, f1, n1, w->now, f2, sizeof f2, &res), ZWH__S2_RX_PLAINTEXT);
        assert_int_equal(res.cls, cls);
        assert_int_equal(res.len, 3);
        assert_memory_equal(f2, basic_set, 3);
    }
}

static void bootstrap_every_combination_over_s2(void **state)
{
    (void)state;
    static const uint8_t bits[] = {ZWH_KEY_S2_UNAUTHENTICATED, ZWH_KEY_S2_AUTHENTICATED,
                                   ZWH_KEY_S2_ACCESS_CONTROL, ZWH_KEY_S0};
    for (unsigned combo = 1; combo < 16; combo++) {
        uint8_t req = 0;
        for (int i = 0; i < 4; i++)
            if (combo & (1u << i))
                req |= bits[i];
        for (int csa = 0; csa < 2; csa++) {
            world_t w;
            world_init(&w, req, csa);
            run(&w, w.now + 1000000);
            peer_t *c = &w.p[KEX_CTRL_ID], *n = &w.p[NODE];
            if (c->failed || n->failed)
                fail_msg("combo %02x csa %d: failed %s (remote %d)", req, csa,
                         zwh__kex_fail_name(c->failed ? c->fail : n->fail), c->failed ? c->remote : n->remote);
            assert_int_equal(c->done, 1);
            assert_int_equal(n->done, 1);
            assert_int_equal(c->done_keys, req);
            assert_int_equal(n->done_keys, req);
            assert_false(zwh__s2_has_key(n->s2, ZWH__S2_TEMP));
            assert_false(zwh__s2_has_key(c->s2, ZWH__S2_TEMP));
            /* the node's engine now holds exactly the granted classes */
            for (int b = 0; b < 8; b++) {
                if (!(ZWH_KEY_ALL & (1u << b)))
                    continue;
                int cls = engine_class(zwh__kex_key_class(&n->m, (uint8_t)(1u << b)));
                assert_int_equal(zwh__s2_has_key(n->s2, cls) != 0, (req & (1u << b)) != 0);
            }
            uint8_t s2req = req & 0x07;
            if (s2req)
                exchange_under(&w, s2req & 4 ? ZWH__S2_ACCESS : s2req & 2 ? ZWH__S2_AUTH : ZWH__S2_UNAUTH);
            world_free(&w);
        }
    }
}

static void wrong_pin_over_s2(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_UNAUTHENTICATED, false);
    w.wrong_pin = true;
    run(&w, w.now + 1000000);
    peer_t *c = &w.p[KEX_CTRL_ID], *n = &w.p[NODE];
    assert_true(c->decrypt_fail >= 1);
    assert_int_equal(c->failed, 1);
    assert_int_equal(c->fail, ZWH__KEX_FAIL_DECRYPT);
    assert_int_equal(c->remote, 0);
    assert_int_equal(n->failed, 1);
    assert_int_equal(n->fail, ZWH__KEX_FAIL_DECRYPT);
    assert_int_equal(n->remote, 1);
    for (int cls = 0; cls < ZWH__S2_NCLASSES; cls++)
        assert_false(zwh__s2_has_key(n->s2, cls)); /* no half-granted keys */
    assert_int_equal(zwh__s2_get_granted(c->s2, 2), 0);
    world_free(&w);
}

static void late_pin_over_s2(void **state)
{
    (void)state;
    /* the user types the PIN 35 s late: the node's echo KEX Set repeats every 10 s
     * and the first one after the PIN gets through */
    world_t w;
    world_init(&w, ZWH_KEY_S2_ACCESS_CONTROL, false);
    w.answer_pin = false;
    run(&w, w.now + 35000);
    assert_int_equal(w.p[KEX_CTRL_ID].m.state, ZWH__KEX_C_WAIT_PIN);
    w.p[KEX_CTRL_ID].pin_wanted = true;
    run(&w, w.now + 1000000);
    if (!w.p[KEX_CTRL_ID].done)
        fail_msg("ctrl %s fail %s remote %d timeout %d decrypt_fail %d; node %s", zwh__kex_state_name(w.p[KEX_CTRL_ID].m.state),
                 zwh__kex_fail_name(w.p[KEX_CTRL_ID].fail), w.p[KEX_CTRL_ID].remote, w.p[KEX_CTRL_ID].timeout, w.p[KEX_CTRL_ID].decrypt_fail,
                 zwh__kex_state_name(w.p[NODE].m.state));
    assert_int_equal(w.p[KEX_CTRL_ID].done, 1);
    assert_int_equal(w.p[NODE].done, 1);
    assert_int_equal(w.p[NODE].done_keys, ZWH_KEY_S2_ACCESS_CONTROL);
    exchange_under(&w, ZWH__S2_ACCESS);
    world_free(&w);
}

static void node_cancels_over_s2(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED, false);
    /* run until the node holds its first key */
    while (!zwh__s2_has_key(w.p[NODE].s2, ZWH__S2_UNAUTH))
        assert_true(step(&w));
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_cancel(&w.p[NODE].m, w.now, &out), 0);
    handle(&w, NODE, &out);
    run(&w, w.now + 1000000);
    assert_int_equal(w.p[NODE].fail, ZWH__KEX_FAIL_CANCEL);
    assert_int_equal(w.p[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_CANCEL);
    assert_int_equal(w.p[KEX_CTRL_ID].remote, 1);
    assert_false(zwh__s2_has_key(w.p[NODE].s2, ZWH__S2_UNAUTH));
    assert_int_equal(zwh__s2_get_granted(w.p[KEX_CTRL_ID].s2, 2), 0);
    world_free(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bootstrap_every_combination_over_s2),
        cmocka_unit_test(wrong_pin_over_s2),
        cmocka_unit_test(late_pin_over_s2),
        cmocka_unit_test(node_cancels_over_s2),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
