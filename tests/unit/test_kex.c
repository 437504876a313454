/* KEX bootstrapping: the controller machine against the node machine in one
 * process, for every class combination, with PIN and with CSA, and the failure
 * paths (wrong PIN, KEX Fail from either side, timeouts, a node asking for a
 * refused class, mismatching echoes, bad KEX Report/Set fields).
 *
 * Frames cross a test link that really encrypts: AES-CCM under the key class the
 * machine asked for (the temporary key it derived, or a network key expanded with
 * the S2 CKDF), and the receiver finds the class by trying every key it holds, as
 * an S2 engine does when a SPAN is set up. So both sides must derive the same
 * temporary key, a wrong PIN really fails to decrypt, and the Network Key Verify
 * really proves the key that was transferred.
 *
 * Golden bytes: vectors.json command_frame_encodings and kex_chain_rfc7748_keys. */
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
#include "zt_hex.h"
#include "zwhost/zwhost.h"

#define KEX_CTRL_ID 0
#define NODE 1
#define QMAX 64
#define FMAX 64
#define NCLASS ZWH_SECCLASS_COUNT

/* RFC 7748 Alice (controller, A) and Bob (node, B) */
static const char *alice_priv = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a";
static const char *bob_priv = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb";

typedef struct wire {
    int to;
    size_t len;
    uint8_t b[FMAX]; /* [0] = 0 plain / 1 encrypted, then plain cmd or nonce|ct|tag */
} wire_t;

typedef struct side {
    zwh__kex_t m;
    bool has_temp;
    zwh__s2_keys_t temp;
    uint32_t net_present;
    zwh__s2_keys_t net[NCLASS];
    uint8_t net_raw[NCLASS][16];
    /* events seen */
    int done, failed, grant_req, pin_req, csa_disp, csa_req, decrypt_fail;
    uint8_t done_keys, fail, remote, timeout, req_keys, req_csa;
    uint8_t shown[16];
    /* sent plaintext log (last few) */
    uint8_t last_cmd[FMAX];
    size_t last_len;
    int last_class;
    int temp_installs;
    uint8_t shared; /* controller: classes the node may use (NET_KEY minus DROP) */
    uint32_t nonce_ctr;
} side_t;

typedef struct scenario {
    /* user answers on the controller */
    bool answer_grant;
    uint8_t allow_keys;
    bool allow_csa;
    bool answer_pin;
    bool wrong_pin;
    bool answer_csa;
    bool wrong_csa;
    /* tampering hook: may change a plaintext command before it is encrypted;
     * return false to drop it */
    bool (*tamper)(int from, uint8_t *cmd, size_t *len, int *secclass, void *arg);
    void *tamper_arg;
} scenario_t;

typedef struct world {
    side_t s[2];
    wire_t q[QMAX];
    size_t qh, qt;
    uint64_t now;
    scenario_t sc;
    zwh_keystore_t *ks;
    int pending_grant, pending_pin, pending_csa;
    uint8_t ctrl_dsk_shown[4];
} world_t;

static void hexkey(const char *hex, uint8_t *out) { zt_hex(hex, out, 32); }

/* ---- the link ------------------------------------------------------------- */

static const zwh__s2_keys_t *key_of(side_t *s, int cls)
{
    if (cls == ZWH_SECCLASS_TEMP)
        return s->has_temp ? &s->temp : NULL;
    if (cls >= 0 && cls < NCLASS && (s->net_present & (1u << cls)))
        return &s->net[cls];
    return NULL;
}

static void enqueue(world_t *w, int from, const uint8_t *cmd, size_t len, int cls)
{
    side_t *s = &w->s[from];
    uint8_t buf[FMAX];
    memcpy(buf, cmd, len);
    if (w->sc.tamper && !w->sc.tamper(from, buf, &len, &cls, w->sc.tamper_arg))
        return;
    memcpy(s->last_cmd, buf, len);
    s->last_len = len;
    s->last_class = cls;
    assert_true(w->qt - w->qh < QMAX);
    wire_t *f = &w->q[w->qt++ % QMAX];
    f->to = 1 - from;
    if (cls == ZWH_SECCLASS_NONE) {
        f->b[0] = 0;
        memcpy(f->b + 1, buf, len);
        f->len = 1 + len;
        return;
    }
    const zwh__s2_keys_t *k = key_of(s, cls);
    if (!k)
        fail_msg("side %d asked to send under class %d it has no key for", from, cls);
    uint8_t nonce[13] = {0};
    nonce[0] = (uint8_t)from;
    s->nonce_ctr++;
    memcpy(nonce + 1, &s->nonce_ctr, sizeof s->nonce_ctr);
    f->b[0] = 1;
    memcpy(f->b + 1, nonce, 13);
    assert_int_equal(zwh__aes_ccm_encrypt(k->ccm, nonce, NULL, 0, buf, len, f->b + 14, f->b + 14 + len), 0);
    f->len = 14 + len + 8;
}

static void handle(world_t *w, int who, zwh__kex_out_t *out);

/* the receiver tries the temporary key, then each network class it holds */
static void deliver(world_t *w, const wire_t *f)
{
    side_t *s = &w->s[f->to];
    zwh__kex_out_t out;
    if (f->b[0] == 0) {
        assert_int_equal(zwh__kex_input(&s->m, f->b + 1, f->len - 1, ZWH_SECCLASS_NONE, w->now, &out), 0);
        handle(w, f->to, &out);
        return;
    }
    size_t clen = f->len - 14 - 8;
    uint8_t pt[FMAX];
    int cls = ZWH_SECCLASS_NONE;
    for (int c = ZWH_SECCLASS_TEMP; c < NCLASS; c++) {
        const zwh__s2_keys_t *k = key_of(s, c);
        if (k && zwh__aes_ccm_decrypt(k->ccm, f->b + 1, NULL, 0, f->b + 14, clen, f->b + 14 + clen, pt) == 0) {
            cls = c;
            break;
        }
        if (c == ZWH_SECCLASS_TEMP)
            c = -1; /* skip NONE */
    }
    if (cls == ZWH_SECCLASS_NONE) {
        s->decrypt_fail++;
        assert_int_equal(zwh__kex_decrypt_failed(&s->m, w->now, &out), 0);
    } else {
        assert_int_equal(zwh__kex_input(&s->m, pt, clen, cls, w->now, &out), 0);
    }
    handle(w, f->to, &out);
}

static void handle(world_t *w, int who, zwh__kex_out_t *out)
{
    side_t *s = &w->s[who];
    for (size_t i = 0; i < out->n; i++) {
        const zwh__kex_action_t *a = &out->a[i];
        switch (a->type) {
        case ZWH__KEX_ACT_SEND:
            enqueue(w, who, a->data, a->len, a->secclass);
            break;
        case ZWH__KEX_ACT_TEMP_KEY:
            s->temp = *a->temp_keys;
            s->has_temp = true;
            s->temp_installs++;
            break;
        case ZWH__KEX_ACT_NET_KEY:
            if (who == KEX_CTRL_ID) { /* the fake link's controller holds every key already */
                assert_null(a->data);
                s->shared |= a->keys;
                break;
            }
            assert_int_equal(a->len, 16);
            memcpy(s->net_raw[a->secclass], a->data, 16);
            assert_int_equal(zwh__s2_expand_network_key(a->data, &s->net[a->secclass]), 0);
            s->net_present |= 1u << a->secclass;
            break;
        case ZWH__KEX_ACT_DROP_KEYS:
            s->has_temp = false;
            memset(&s->temp, 0, sizeof s->temp);
            if (who == KEX_CTRL_ID) {
                s->shared &= (uint8_t)~a->keys;
                break;
            }
            for (int b = 0; b < 8; b++)
                if (a->keys & (1u << b)) {
                    int c = zwh__kex_key_class(&s->m, (uint8_t)(1u << b));
                    s->net_present &= ~(1u << c);
                }
            break;
        case ZWH__KEX_ACT_EVENT:
            switch (a->event) {
            case ZWH__KEX_EV_GRANT_REQUEST:
                s->grant_req++;
                s->req_keys = a->keys;
                s->req_csa = a->csa;
                w->pending_grant = w->sc.answer_grant;
                break;
            case ZWH__KEX_EV_PIN_REQUEST:
                s->pin_req++;
                memcpy(s->shown, a->data, 16);
                w->pending_pin = w->sc.answer_pin;
                break;
            case ZWH__KEX_EV_CSA_DISPLAY:
                s->csa_disp++;
                memcpy(w->ctrl_dsk_shown, a->data, 4);
                break;
            case ZWH__KEX_EV_CSA_REQUEST:
                s->csa_req++;
                w->pending_csa = w->sc.answer_csa;
                break;
            case ZWH__KEX_EV_DONE:
                s->done++;
                s->done_keys = a->keys;
                break;
            case ZWH__KEX_EV_FAILED:
                s->failed++;
                s->fail = a->fail;
                s->remote = a->remote;
                s->timeout = a->timeout;
                break;
            default:
                fail_msg("unknown event %d", a->event);
            }
            break;
        default:
            fail_msg("unknown action %d", a->type);
        }
    }
}

/* One step: a pending user answer first (a user answers while frames are in
 * flight), else one frame. Returns false when nothing is pending. */
static bool step(world_t *w)
{
    zwh__kex_out_t out;
    if (w->pending_grant) {
        w->pending_grant = 0;
        assert_int_equal(zwh__kex_grant(&w->s[KEX_CTRL_ID].m, w->sc.allow_keys, w->sc.allow_csa, w->now, &out), 0);
        handle(w, KEX_CTRL_ID, &out);
        return true;
    }
    if (w->pending_pin) {
        w->pending_pin = 0;
        uint16_t pin = (uint16_t)(w->s[NODE].m.pub_local[0] << 8 | w->s[NODE].m.pub_local[1]);
        if (w->sc.wrong_pin)
            pin ^= 0x0100;
        assert_int_equal(zwh__kex_pin(&w->s[KEX_CTRL_ID].m, pin, w->now, &out), 0);
        handle(w, KEX_CTRL_ID, &out);
        return true;
    }
    if (w->pending_csa) {
        w->pending_csa = 0;
        const uint8_t *d = w->ctrl_dsk_shown;
        uint16_t g1 = (uint16_t)(d[0] << 8 | d[1]), g2 = (uint16_t)(d[2] << 8 | d[3]);
        if (w->sc.wrong_csa)
            g2 ^= 1;
        assert_int_equal(zwh__kex_csa(&w->s[NODE].m, g1, g2, w->now, &out), 0);
        handle(w, NODE, &out);
        return true;
    }
    if (w->qh != w->qt) {
        wire_t f = w->q[w->qh++ % QMAX];
        w->now += 20;
        deliver(w, &f);
        return true;
    }
    return false;
}

/* Steps until nothing moves; then, while the next deadline is not after
 * `until`, advances time to it and fires it. */
static void run(world_t *w, uint64_t until)
{
    for (;;) {
        if (step(w))
            continue;
        uint64_t d0 = zwh__kex_deadline(&w->s[KEX_CTRL_ID].m), d1 = zwh__kex_deadline(&w->s[NODE].m);
        uint64_t d = d0 < d1 ? d0 : d1;
        if (d == UINT64_MAX || d > until)
            return;
        if (w->now < d)
            w->now = d;
        int who = d0 <= d1 ? KEX_CTRL_ID : NODE;
        zwh__kex_out_t out;
        assert_int_equal(zwh__kex_timeout(&w->s[who].m, w->now, &out), 0);
        handle(w, who, &out);
    }
}

static zwh_keystore_t *make_keystore(void)
{
    static const char text[] =
        "S0 00112233445566778899aabbccddeeff\n"
        "S2_Unauthenticated 000102030405060708090a0b0c0d0e0f\n"
        "S2_Authenticated c0ffee00112233445566778899aabbcc\n"
        "S2_AccessControl ffeeddccbbaa99887766554433221100\n"
        "S2_LR_Authenticated 0f1e2d3c4b5a69788796a5b4c3d2e1f0\n"
        "S2_LR_AccessControl 1111111111111111222222222222222f\n";
    zwh_keystore_t *ks = zwh__keystore_alloc();
    char msg[64];
    assert_int_equal(zwh__keystore_parse(ks, text, sizeof text - 1, msg, sizeof msg), 0);
    return ks;
}

/* Sets up both machines; the controller loads its network keys into its link
 * keys, as a host loads its S2 engine from the key store. */
static void world_init(world_t *w, uint8_t node_requests, bool node_csa, bool long_range)
{
    memset(w, 0, sizeof *w);
    w->ks = make_keystore();
    w->sc.answer_grant = w->sc.answer_pin = w->sc.answer_csa = true;
    w->sc.allow_keys = ZWH_KEY_ALL;
    w->sc.allow_csa = true;
    w->now = 1000;
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_CONTROLLER, .keys = w->ks,
                            .long_range = long_range, .has_private_key = true};
    hexkey(alice_priv, cc.private_key);
    assert_int_equal(zwh__kex_init(&w->s[KEX_CTRL_ID].m, &cc), 0);
    for (int c = 0; c < NCLASS; c++) {
        const uint8_t *k = zwh__keystore_key(w->ks, c);
        if (k) {
            assert_int_equal(zwh__s2_expand_network_key(k, &w->s[KEX_CTRL_ID].net[c]), 0);
            w->s[KEX_CTRL_ID].net_present |= 1u << c;
        }
    }
    zwh__kex_config_t nc = {.role = ZWH__KEX_ROLE_NODE, .request_keys = node_requests,
                            .request_csa = node_csa, .long_range = long_range,
                            .has_private_key = true};
    hexkey(bob_priv, nc.private_key);
    assert_int_equal(zwh__kex_init(&w->s[NODE].m, &nc), 0);
}

static void world_start(world_t *w)
{
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_start(&w->s[NODE].m, w->now, &out), 0);
    handle(w, NODE, &out);
    assert_int_equal(zwh__kex_start(&w->s[KEX_CTRL_ID].m, w->now, &out), 0);
    handle(w, KEX_CTRL_ID, &out);
}

static void world_free(world_t *w)
{
    zwh__kex_clear(&w->s[KEX_CTRL_ID].m);
    zwh__kex_clear(&w->s[NODE].m);
    zwh_keystore_free(w->ks);
}

/* No half-granted keys: neither side keeps the temp key, the node keeps no
 * network key, and the machines hold no secrets. */
static void assert_clean_failure(world_t *w)
{
    static const uint8_t zero32[32];
    for (int i = 0; i < 2; i++) {
        side_t *s = &w->s[i];
        assert_int_equal(s->done, 0);
        assert_int_equal(s->failed, 1);
        assert_false(s->has_temp);
        assert_int_equal(s->m.state, ZWH__KEX_FAILED);
        assert_int_equal(s->m.granted, 0);
        assert_int_equal(s->m.keys_done, 0);
        assert_memory_equal(s->m.priv, zero32, 32);
        assert_memory_equal(s->m.temp.ccm, zero32, 16);
        assert_int_equal(zwh__kex_deadline(&s->m), UINT64_MAX);
    }
    assert_int_equal(w->s[NODE].net_present, 0);
    assert_int_equal(w->s[KEX_CTRL_ID].shared, 0); /* the controller revoked what it shared */
}

/* One side failed with `fail` and sent it; the other received it. */
static void assert_failed_by(world_t *w, int by, int fail)
{
    assert_clean_failure(w);
    assert_int_equal(w->s[by].fail, fail);
    assert_int_equal(w->s[by].remote, 0);
    assert_int_equal(w->s[1 - by].fail, fail);
    assert_int_equal(w->s[1 - by].remote, 1);
}

/* ---- success paths -------------------------------------------------------- */

static void check_success(world_t *w, uint8_t want)
{
    side_t *c = &w->s[KEX_CTRL_ID], *n = &w->s[NODE];
    assert_int_equal(c->failed, 0);
    assert_int_equal(n->failed, 0);
    assert_int_equal(c->done, 1);
    assert_int_equal(n->done, 1);
    assert_int_equal(c->done_keys, want);
    assert_int_equal(n->done_keys, want);
    assert_false(c->has_temp);
    assert_false(n->has_temp);
    /* the node holds exactly the granted keys, equal to the controller's */
    uint32_t classes = 0;
    for (int b = 0; b < 8; b++)
        if (want & (1u << b))
            classes |= 1u << zwh__kex_key_class(&n->m, (uint8_t)(1u << b));
    assert_int_equal(n->net_present, classes);
    for (int cls = 0; cls < NCLASS; cls++)
        if (classes & (1u << cls))
            assert_memory_equal(n->net_raw[cls], zwh__keystore_key(w->ks, cls), 16);
    assert_int_equal(c->shared, want);
    assert_int_equal(c->m.state, ZWH__KEX_DONE);
    assert_int_equal(n->m.state, ZWH__KEX_DONE);
    /* the node's last frame: final Transfer End under the temporary key */
    zt_assert_hex(n->last_cmd, n->last_len, "9f0c01");
    assert_int_equal(n->last_class, ZWH_SECCLASS_TEMP);
}

static void every_class_combination(void **state)
{
    (void)state;
    static const uint8_t bits[] = {ZWH_KEY_S2_UNAUTHENTICATED, ZWH_KEY_S2_AUTHENTICATED,
                                   ZWH_KEY_S2_ACCESS_CONTROL, ZWH_KEY_S0};
    for (unsigned combo = 1; combo < 16; combo++) {
        uint8_t req = 0;
        for (int i = 0; i < 4; i++)
            if (combo & (1u << i))
                req |= bits[i];
        world_t w;
        world_init(&w, req, false, false);
        world_start(&w);
        run(&w, w.now + 1000000);
        check_success(&w, req);
        assert_int_equal(w.s[KEX_CTRL_ID].grant_req, 1);
        assert_int_equal(w.s[KEX_CTRL_ID].req_keys, req);
        bool needs_pin = req & (ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL);
        assert_int_equal(w.s[KEX_CTRL_ID].pin_req, needs_pin ? 1 : 0);
        if (needs_pin) /* the DSK shown to the user lacks exactly the PIN bytes */
            zt_assert_hex(w.s[KEX_CTRL_ID].shown, 16, "0000db7d7b7dc1b4d35b61c2ece43537");
        assert_int_equal(w.s[KEX_CTRL_ID].temp_installs, 1);
        assert_int_equal(w.s[NODE].temp_installs, 1);
        world_free(&w);
    }
}

static void user_allows_a_subset(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_ALL, false, false);
    w.sc.allow_keys = ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S0 | 0x40 /* junk bit ignored */;
    world_start(&w);
    run(&w, w.now + 1000000);
    check_success(&w, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S0);
    assert_int_equal(w.s[KEX_CTRL_ID].pin_req, 0); /* no authenticated class: no PIN */
    world_free(&w);
}

/* Golden bytes of every command along the way (vectors.json). */
typedef struct trace {
    int n;
    char hex[24][80];
    int cls[24];
} trace_t;

static bool record(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    trace_t *t = arg;
    if (t->n < 24) {
        char *p = t->hex[t->n];
        for (size_t i = 0; i < *len && i < 38; i++)
            p += sprintf(p, "%02x", cmd[i]);
        t->cls[t->n++] = *cls;
    }
    return true;
}

static void frames_match_vectors(void **state)
{
    (void)state;
    world_t w;
    trace_t t = {0};
    world_init(&w, ZWH_KEY_ALL, false, false);
    w.sc.allow_keys = ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED;
    w.sc.tamper = record;
    w.sc.tamper_arg = &t;
    world_start(&w);
    run(&w, w.now + 1000000);
    check_success(&w, 0x03);
    static const struct {
        const char *hex;
        int cls;
    } want[] = {
        {"9f04", ZWH_SECCLASS_NONE},
        {"9f0500020187", ZWH_SECCLASS_NONE},               /* kex_report_request_all */
        {"9f0600020103", ZWH_SECCLASS_NONE},               /* kex_set_grant_unauth_auth */
        {"9f08000000db7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f", ZWH_SECCLASS_NONE},
        {"9f08018520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a", ZWH_SECCLASS_NONE},
        {"9f0601020103", ZWH_SECCLASS_TEMP},               /* kex_set_echo */
        {"9f0501020187", ZWH_SECCLASS_TEMP},               /* kex_report_echo */
        {"9f0901", ZWH_SECCLASS_TEMP},
        {"9f0a01000102030405060708090a0b0c0d0e0f", ZWH_SECCLASS_TEMP},
        {"9f0b", ZWH_SECCLASS_S2_UNAUTHENTICATED},
        {"9f0c02", ZWH_SECCLASS_TEMP},                     /* transfer_end_key_verified */
        {"9f0902", ZWH_SECCLASS_TEMP},                     /* network_key_get_auth */
        {"9f0a02c0ffee00112233445566778899aabbcc", ZWH_SECCLASS_TEMP}, /* network_key_report_auth */
        {"9f0b", ZWH_SECCLASS_S2_AUTHENTICATED},
        {"9f0c02", ZWH_SECCLASS_TEMP},
        {"9f0c01", ZWH_SECCLASS_TEMP},                     /* transfer_end_complete */
    };
    assert_int_equal(t.n, (int)(sizeof want / sizeof want[0]));
    for (int i = 0; i < t.n; i++) {
        if (strcmp(t.hex[i], want[i].hex) != 0 || t.cls[i] != want[i].cls)
            fail_msg("frame %d: %s (class %d), want %s (class %d)", i, t.hex[i], t.cls[i],
                     want[i].hex, want[i].cls);
    }
    world_free(&w);
}

static void temp_key_matches_rfc7748_chain(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED, false, false);
    /* stop right after the controller derived its key: no echo KEX Report */
    w.sc.allow_keys = ZWH_KEY_S2_AUTHENTICATED;
    world_start(&w);
    /* run until the node has the temp key and the controller got the PIN */
    run(&w, w.now + 1000000);
    /* both derived it during the run; recompute from the machines' public keys */
    zt_assert_hex(w.s[KEX_CTRL_ID].m.pub_local, 32,
                  "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    zt_assert_hex(w.s[NODE].m.pub_local, 32,
                  "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    world_free(&w);

    /* capture the TEMP_KEY action directly */
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED, false, false);
    w.sc.answer_pin = false;
    world_start(&w);
    run(&w, w.now + 1); /* everything up to the PIN request */
    assert_int_equal(w.s[KEX_CTRL_ID].m.state, ZWH__KEX_C_WAIT_PIN);
    assert_true(w.s[NODE].has_temp); /* the node derived its key at once */
    zt_assert_hex(w.s[NODE].temp.ccm, 16, "7dd067ed9c4fa4e9db2ef5bb0ad9a7b2");
    zt_assert_hex(w.s[NODE].temp.pers, 32,
                  "d62e2993be086f2ad3aba4d45cef3418533fe70df5139984871b5cc2d6d2c6df");
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_pin(&w.s[KEX_CTRL_ID].m, 56990, w.now, &out), 0); /* pin_value */
    assert_int_equal(out.n, 1);
    assert_int_equal(out.a[0].type, ZWH__KEX_ACT_TEMP_KEY);
    zt_assert_hex(out.a[0].temp_keys->ccm, 16, "7dd067ed9c4fa4e9db2ef5bb0ad9a7b2");
    world_free(&w);
}

static void client_side_authentication(void **state)
{
    (void)state;
    world_t w;
    trace_t t = {0};
    world_init(&w, ZWH_KEY_S2_ACCESS_CONTROL | ZWH_KEY_S2_AUTHENTICATED, true, false);
    w.sc.tamper = record;
    w.sc.tamper_arg = &t;
    world_start(&w);
    run(&w, w.now + 1000000);
    check_success(&w, 0x06);
    assert_int_equal(w.s[KEX_CTRL_ID].req_csa, 1);
    assert_int_equal(w.s[KEX_CTRL_ID].pin_req, 0);  /* CSA: no PIN on the controller */
    assert_int_equal(w.s[KEX_CTRL_ID].csa_disp, 1); /* ...it shows its own first groups */
    assert_int_equal(w.s[NODE].csa_req, 1);
    zt_assert_hex(w.ctrl_dsk_shown, 4, "8520f009");
    /* KEX Report asks for CSA, KEX Set permits it, B is sent whole, A has 4 zero bytes */
    assert_string_equal(t.hex[1], "9f0502020106");
    assert_string_equal(t.hex[2], "9f0602020106");
    assert_string_equal(t.hex[3], "9f0800de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assert_string_equal(t.hex[4], "9f0801000000008930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    world_free(&w);

    /* the user refuses CSA: KEX Set comes without it and the node falls back to
     * the normal PIN flow */
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED, true, false);
    w.sc.allow_csa = false;
    world_start(&w);
    run(&w, w.now + 1000000);
    check_success(&w, ZWH_KEY_S2_AUTHENTICATED);
    assert_int_equal(w.s[KEX_CTRL_ID].pin_req, 1);
    assert_int_equal(w.s[NODE].csa_req, 0);
    world_free(&w);
}

static void long_range_gets_only_authenticated_classes(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL, false, true);
    world_start(&w);
    run(&w, w.now + 1000000);
    check_success(&w, 0x06);
    /* the LR key slots were used, not the classic ones */
    assert_int_equal(w.s[NODE].net_present,
                     1u << ZWH_SECCLASS_S2_LR_AUTHENTICATED | 1u << ZWH_SECCLASS_S2_LR_ACCESS_CONTROL);
    world_free(&w);

    /* an LR node requesting only Unauthenticated + S0 gets KEX Fail KEX_KEY */
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S0, false, true);
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_KEX_KEY);
    world_free(&w);
}

/* ---- failure paths -------------------------------------------------------- */

static void wrong_pin_fails_with_decrypt(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_ACCESS_CONTROL, false, false);
    w.sc.wrong_pin = true;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_true(w.s[KEX_CTRL_ID].decrypt_fail >= 1);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_DECRYPT);
    zt_assert_hex(w.s[KEX_CTRL_ID].last_cmd, w.s[KEX_CTRL_ID].last_len, "9f0705"); /* kex_fail_decrypt */
    assert_int_equal(w.s[KEX_CTRL_ID].last_class, ZWH_SECCLASS_NONE);
    world_free(&w);

    /* CSA with a wrong code typed on the node: the same, seen from the other side */
    world_init(&w, ZWH_KEY_S2_ACCESS_CONTROL, true, false);
    w.sc.wrong_csa = true;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_DECRYPT);
    world_free(&w);
}

static void user_rejects_or_cancels(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_ALL, false, false);
    w.sc.allow_keys = 0; /* the user refuses the node */
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL);
    world_free(&w);

    /* the user allows only classes the node did not request */
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED, false, false);
    w.sc.allow_keys = ZWH_KEY_S2_ACCESS_CONTROL;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_KEX_KEY);
    world_free(&w);
}

/* cancel from either side in the middle of the key transfer: the node had
 * already loaded a key, and must drop it */
typedef struct cancel_at {
    int who;
    int after_frames;
    int seen;
    world_t *w;
} cancel_at_t;

static void cancel_mid_transfer(void **state)
{
    (void)state;
    for (int who = 0; who < 2; who++) {
        world_t w;
        world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED, false, false);
        world_start(&w);
        /* deliver frames one by one until the node loaded its first key */
        w.sc.answer_pin = true;
        while (w.s[NODE].net_present == 0)
            assert_true(step(&w));
        zwh__kex_out_t out;
        assert_int_equal(zwh__kex_cancel(&w.s[who].m, w.now, &out), 0);
        handle(&w, who, &out);
        zt_assert_hex(w.s[who].last_cmd, w.s[who].last_len, "9f0706");
        w.qh = w.qt - 1; /* drop the frames still in flight except the KEX Fail */
        run(&w, w.now + 1000000);
        assert_failed_by(&w, who, ZWH__KEX_FAIL_CANCEL);
        world_free(&w);
    }
}

static void timeouts(void **state)
{
    (void)state;
    world_t w;
    zwh__kex_out_t out;

    /* controller: no KEX Report within TA1 (the node never answers) */
    world_init(&w, ZWH_KEY_ALL, false, false);
    assert_int_equal(zwh__kex_start(&w.s[KEX_CTRL_ID].m, w.now, &out), 0);
    assert_int_equal(zwh__kex_deadline(&w.s[KEX_CTRL_ID].m), w.now + 10000);
    assert_int_equal(zwh__kex_timeout(&w.s[KEX_CTRL_ID].m, w.now + 9999, &out), 0);
    assert_int_equal(out.n, 0); /* not yet */
    assert_int_equal(zwh__kex_timeout(&w.s[KEX_CTRL_ID].m, w.now + 10000, &out), 0);
    handle(&w, KEX_CTRL_ID, &out);
    assert_int_equal(w.s[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.s[KEX_CTRL_ID].timeout, 1);
    assert_int_equal(w.s[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_CANCEL);
    zt_assert_hex(w.s[KEX_CTRL_ID].last_cmd, w.s[KEX_CTRL_ID].last_len, "9f0706");
    world_free(&w);

    /* node: no KEX Get within TB1 (30 s) */
    world_init(&w, ZWH_KEY_ALL, false, false);
    assert_int_equal(zwh__kex_start(&w.s[NODE].m, w.now, &out), 0);
    assert_int_equal(zwh__kex_deadline(&w.s[NODE].m), w.now + 30000);
    world_free(&w);

    /* the user never enters the PIN: the node repeats its echo KEX Set every TB3
     * (which the controller cannot decrypt yet and ignores) until TBI1, then both
     * give up (whichever timer fires first sends KEX Fail CANCEL) */
    world_init(&w, ZWH_KEY_S2_AUTHENTICATED, false, false);
    w.sc.answer_pin = false;
    world_start(&w);
    run(&w, w.now + 10000000);
    assert_clean_failure(&w);
    assert_int_equal(w.s[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_CANCEL);
    assert_int_equal(w.s[NODE].fail, ZWH__KEX_FAIL_CANCEL);
    assert_true(w.s[KEX_CTRL_ID].timeout || w.s[NODE].timeout);
    assert_true(w.s[KEX_CTRL_ID].decrypt_fail >= 20); /* ~24 echo retries went unread */
    world_free(&w);

    /* the user never decides on the grant: TAI1 (240 s) */
    world_init(&w, ZWH_KEY_ALL, false, false);
    w.sc.answer_grant = false;
    w.s[NODE].m.cfg.timers.tb2 = 300000; /* let the controller's TAI1 fire first */
    world_start(&w);
    uint64_t t0 = w.now;
    run(&w, w.now + 10000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL);
    assert_int_equal(w.s[KEX_CTRL_ID].timeout, 1);
    /* the node's TB2 (240 s from its KEX Report) is later than TAI1 */
    assert_true(w.now >= t0 + 240000);
    world_free(&w);
}

/* shortened timers are honoured (tests and impatient hubs) */
static void configurable_timers(void **state)
{
    (void)state;
    zwh_keystore_t *ks = make_keystore();
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_CONTROLLER, .keys = ks};
    zwh__kex_timers_default(&cc.timers);
    cc.timers.ta1 = 5;
    zwh__kex_t m;
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_init(&m, &cc), 0);
    assert_int_equal(zwh__kex_start(&m, 100, &out), 0);
    assert_int_equal(zwh__kex_deadline(&m), 105);
    assert_int_equal(out.n, 1);
    zt_assert_hex(out.a[0].data, out.a[0].len, "9f04");
    zwh__kex_clear(&m);
    /* bad configurations */
    zwh__kex_config_t bad = {.role = ZWH__KEX_ROLE_CONTROLLER};
    assert_int_equal(zwh__kex_init(&m, &bad), ZWH_EINVAL);
    zwh__kex_config_t badn = {.role = ZWH__KEX_ROLE_NODE, .request_keys = 0x07};
    assert_int_equal(zwh__kex_init(&m, &badn), ZWH_EINVAL); /* no permanent key */
    zwh_keystore_free(ks);
}

/* A malicious or broken node asks for a class the user refused. */
static bool ask_for_access(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    if (from == NODE && cmd[1] == ZWH__S2_NETWORK_KEY_GET)
        cmd[2] = ZWH_KEY_S2_ACCESS_CONTROL;
    return true;
}

static void node_asks_for_refused_class(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL, false, false);
    w.sc.allow_keys = ZWH_KEY_S2_UNAUTHENTICATED;
    w.sc.tamper = ask_for_access;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, KEX_CTRL_ID, ZWH__KEX_FAIL_KEY_GET);
    world_free(&w);
}

typedef struct tamper_spec {
    int from;
    uint8_t cmd;
    int byte;
    uint8_t xor_value;
    int force_class; /* 99 = keep */
} tamper_spec_t;

static bool tamper_byte(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    const tamper_spec_t *t = arg;
    if (from == t->from && cmd[1] == t->cmd && (cmd[2] & ZWH__KEX_FLAG_ECHO || t->cmd > 0x06)) {
        cmd[t->byte] ^= t->xor_value;
        if (t->force_class != 99)
            *cls = t->force_class;
    }
    return true;
}

static void run_tampered(const tamper_spec_t *t, uint8_t req, int by, int fail)
{
    world_t w;
    world_init(&w, req, false, false);
    w.sc.tamper = tamper_byte;
    w.sc.tamper_arg = (void *)t;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_failed_by(&w, by, fail);
    world_free(&w);
}

static void mismatching_or_unencrypted_echoes(void **state)
{
    (void)state;
    /* echo KEX Set with other keys / scheme / flags -> controller AUTH */
    tamper_spec_t t1 = {NODE, ZWH__S2_KEX_SET, 5, 0x04, 99};
    run_tampered(&t1, 0x03, KEX_CTRL_ID, ZWH__KEX_FAIL_AUTH);
    tamper_spec_t t2 = {NODE, ZWH__S2_KEX_SET, 2, 0x02, 99};
    run_tampered(&t2, 0x03, KEX_CTRL_ID, ZWH__KEX_FAIL_AUTH);
    /* echo KEX Set sent in the clear -> controller AUTH */
    tamper_spec_t t3 = {NODE, ZWH__S2_KEX_SET, 5, 0x00, ZWH_SECCLASS_NONE};
    run_tampered(&t3, 0x01, KEX_CTRL_ID, ZWH__KEX_FAIL_AUTH);
    /* echo KEX Report changed -> node AUTH */
    tamper_spec_t t4 = {KEX_CTRL_ID, ZWH__S2_KEX_REPORT, 5, 0x80, 99};
    run_tampered(&t4, 0x03, NODE, ZWH__KEX_FAIL_AUTH);
    tamper_spec_t t5 = {KEX_CTRL_ID, ZWH__S2_KEX_REPORT, 3, 0x04, 99};
    run_tampered(&t5, 0x03, NODE, ZWH__KEX_FAIL_AUTH);
    /* Network Key Report for another class than requested -> node KEY_REPORT */
    tamper_spec_t t6 = {KEX_CTRL_ID, ZWH__S2_NETWORK_KEY_REPORT, 2, 0x03, 99};
    run_tampered(&t6, 0x01, NODE, ZWH__KEX_FAIL_KEY_REPORT);
    /* Network Key Verify under the temporary key instead of the new key -> KEY_VERIFY */
    tamper_spec_t t7 = {NODE, ZWH__S2_NETWORK_KEY_VERIFY, 1, 0x00, ZWH_SECCLASS_TEMP};
    run_tampered(&t7, 0x02, KEX_CTRL_ID, ZWH__KEX_FAIL_KEY_VERIFY);
    /* Network Key Get in the clear -> AUTH */
    tamper_spec_t t8 = {NODE, ZWH__S2_NETWORK_KEY_GET, 1, 0x00, ZWH_SECCLASS_NONE};
    run_tampered(&t8, 0x02, KEX_CTRL_ID, ZWH__KEX_FAIL_AUTH);
    /* Transfer End without "key verified" -> node KEY_VERIFY */
    tamper_spec_t t9 = {KEX_CTRL_ID, ZWH__S2_TRANSFER_END, 2, 0x02, 99};
    run_tampered(&t9, 0x01, NODE, ZWH__KEX_FAIL_KEY_VERIFY);
}

static bool tamper_field(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    const tamper_spec_t *t = arg;
    if (from == t->from && cmd[1] == t->cmd && !(cmd[2] & ZWH__KEX_FLAG_ECHO))
        cmd[t->byte] = t->xor_value; /* here: the new value */
    return true;
}

static void bad_kex_fields(void **state)
{
    (void)state;
    static const struct {
        tamper_spec_t t;
        int by, fail;
    } cases[] = {
        /* KEX Report: no scheme 1, no Curve25519, no known key */
        {{NODE, ZWH__S2_KEX_REPORT, 3, 0x04, 99}, KEX_CTRL_ID, ZWH__KEX_FAIL_KEX_SCHEME},
        {{NODE, ZWH__S2_KEX_REPORT, 4, 0x02, 99}, KEX_CTRL_ID, ZWH__KEX_FAIL_KEX_CURVES},
        {{NODE, ZWH__S2_KEX_REPORT, 5, 0x78, 99}, KEX_CTRL_ID, ZWH__KEX_FAIL_KEX_KEY},
        /* KEX Set: two schemes, another curve, a key not requested */
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 3, 0x06, 99}, NODE, ZWH__KEX_FAIL_KEX_SCHEME},
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 4, 0x03, 99}, NODE, ZWH__KEX_FAIL_KEX_CURVES},
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 5, 0x05, 99}, NODE, ZWH__KEX_FAIL_KEX_KEY},
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 5, 0x00, 99}, NODE, ZWH__KEX_FAIL_KEX_KEY},
        /* KEX Set permits CSA the node did not ask for */
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 2, 0x02, 99}, NODE, ZWH__KEX_FAIL_AUTH},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        world_t w;
        world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED, false, false);
        w.sc.tamper = tamper_field;
        w.sc.tamper_arg = (void *)&cases[i].t;
        world_start(&w);
        run(&w, w.now + 1000000);
        assert_failed_by(&w, cases[i].by, cases[i].fail);
        world_free(&w);
    }
}

/* Frames that are malformed, unexpected or encrypted where they must not be are
 * ignored without a state change. */
static void junk_is_ignored(void **state)
{
    (void)state;
    world_t w;
    world_init(&w, ZWH_KEY_ALL, false, false);
    zwh__kex_out_t out;
    assert_int_equal(zwh__kex_start(&w.s[KEX_CTRL_ID].m, w.now, &out), 0);
    static const char *const junk[] = {
        "", "9f", "9f05", "9f050002", "2001ff", "9f0b", "9f0c01", "9f0a01", "9f08", "9f0601020103",
        "9f0501020187" /* an echo before anything was set */, "9f09", "9f07",
    };
    for (size_t i = 0; i < sizeof junk / sizeof junk[0]; i++) {
        uint8_t b[64];
        size_t n = zt_hex(junk[i], b, sizeof b);
        assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, b, n, ZWH_SECCLASS_NONE, w.now, &out), 0);
        assert_int_equal(out.n, 0);
        assert_int_equal(w.s[KEX_CTRL_ID].m.state, ZWH__KEX_C_WAIT_KEX_REPORT);
    }
    /* a KEX Report under a network key is not how a joining node talks */
    uint8_t rep[] = {0x9f, 0x05, 0x00, 0x02, 0x01, 0x87};
    assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, rep, sizeof rep, ZWH_SECCLASS_S2_AUTHENTICATED, w.now, &out), 0);
    assert_int_equal(out.n, 0);
    /* a KEX Fail under a network key is ignored as well */
    uint8_t kf[] = {0x9f, 0x07, 0x06};
    assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, kf, sizeof kf, ZWH_SECCLASS_S2_AUTHENTICATED, w.now, &out), 0);
    assert_int_equal(out.n, 0);
    /* nothing happens in IDLE or after the end */
    zwh__kex_t idle;
    zwh__kex_config_t cc = {.role = ZWH__KEX_ROLE_CONTROLLER, .keys = w.ks};
    assert_int_equal(zwh__kex_init(&idle, &cc), 0);
    assert_int_equal(zwh__kex_input(&idle, kf, sizeof kf, ZWH_SECCLASS_NONE, w.now, &out), 0);
    assert_int_equal(out.n, 0);
    assert_int_equal(idle.state, ZWH__KEX_IDLE);
    assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, kf, sizeof kf, ZWH_SECCLASS_NONE, w.now, &out), 0);
    assert_int_equal(w.s[KEX_CTRL_ID].m.state, ZWH__KEX_FAILED);
    assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, rep, sizeof rep, ZWH_SECCLASS_NONE, w.now, &out), 0);
    assert_int_equal(out.n, 0);
    assert_string_equal(zwh__kex_state_name(ZWH__KEX_C_WAIT_PIN), "C_WAIT_PIN");
    assert_string_equal(zwh__kex_fail_name(ZWH__KEX_FAIL_KEY_REPORT), "KEY_REPORT");
    assert_string_equal(zwh__kex_fail_name(4), "UNKNOWN");
    world_free(&w);
}

/* The node's KEX Report gets lost once: the controller times out (TA1) — but a
 * repeated KEX Get before that is answered again. */
static bool drop_first_report(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    int *n = arg;
    if (from == NODE && cmd[1] == ZWH__S2_KEX_REPORT && (*n)++ == 0)
        return false;
    return true;
}

static void repeated_kex_get_is_answered(void **state)
{
    (void)state;
    world_t w;
    int dropped = 0;
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED, false, false);
    w.sc.tamper = drop_first_report;
    w.sc.tamper_arg = &dropped;
    world_start(&w);
    run(&w, w.now); /* KEX Get delivered, the report dropped */
    assert_int_equal(w.s[NODE].m.state, ZWH__KEX_N_WAIT_KEX_SET);
    /* the host repeats KEX Get (a host-level retry): the node answers again */
    const uint8_t get[] = {0x9f, 0x04};
    enqueue(&w, KEX_CTRL_ID, get, sizeof get, ZWH_SECCLASS_NONE);
    run(&w, w.now + 1000000);
    check_success(&w, ZWH_KEY_S2_UNAUTHENTICATED);
    world_free(&w);
}

/* A frame lost on the way: the side waiting for it times out after its timer
 * and sends the expected KEX Fail. */
typedef struct drop_spec {
    int from;
    uint8_t cmd;
    uint8_t echo;
    bool done;
} drop_spec_t;

static bool drop_once(int from, uint8_t *cmd, size_t *len, int *cls, void *arg)
{
    drop_spec_t *d = arg;
    if (!d->done && from == d->from && cmd[1] == d->cmd &&
        (d->cmd != ZWH__S2_KEX_SET || ((cmd[2] & 1) == d->echo))) {
        d->done = true;
        return false;
    }
    return true;
}

static void lost_frames_time_out(void **state)
{
    (void)state;
    static const struct {
        drop_spec_t drop;
        int by;       /* who times out */
        int fail;     /* the KEX Fail it sends */
    } cases[] = {
        {{KEX_CTRL_ID, ZWH__S2_KEX_GET, 0, false}, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL},        /* TA1 */
        {{KEX_CTRL_ID, ZWH__S2_KEX_SET, 0, false}, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL},        /* TA2 */
        {{NODE, ZWH__S2_PUBLIC_KEY_REPORT, 0, false}, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL}, /* TA2 */
        {{KEX_CTRL_ID, ZWH__S2_PUBLIC_KEY_REPORT, 0, false}, NODE, ZWH__KEX_FAIL_CANCEL}, /* TB3 */
        {{NODE, ZWH__S2_NETWORK_KEY_GET, 0, false}, KEX_CTRL_ID, ZWH__KEX_FAIL_CANCEL}, /* TA3 */
        /* the node's TB4 started 20 ms before the controller's TA4 */
        {{KEX_CTRL_ID, ZWH__S2_NETWORK_KEY_REPORT, 0, false}, NODE, ZWH__KEX_FAIL_CANCEL},
        {{NODE, ZWH__S2_NETWORK_KEY_VERIFY, 0, false}, KEX_CTRL_ID, ZWH__KEX_FAIL_KEY_VERIFY}, /* TA4 */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        world_t w;
        drop_spec_t d = cases[i].drop;
        world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED, false, false);
        w.sc.tamper = drop_once;
        w.sc.tamper_arg = &d;
        world_start(&w);
        run(&w, w.now + 1000000);
        assert_true(d.done);
        side_t *s = &w.s[cases[i].by];
        if (s->failed != 1 || s->fail != cases[i].fail || !s->timeout || s->remote)
            fail_msg("case %zu: failed %d fail %s timeout %d remote %d", i, s->failed,
                     zwh__kex_fail_name(s->fail), s->timeout, s->remote);
        assert_failed_by(&w, cases[i].by, cases[i].fail);
        world_free(&w);
    }
    /* the node's TB1: no KEX Get within 30 s */
    world_t w;
    world_init(&w, ZWH_KEY_ALL, false, false);
    zwh__kex_out_t out;
    uint64_t t0 = w.now;
    assert_int_equal(zwh__kex_start(&w.s[NODE].m, w.now, &out), 0);
    run(&w, w.now + 1000000);
    assert_true(w.now >= t0 + 30000 && w.now <= t0 + 30100); /* + delivery of its KEX Fail */
    assert_int_equal(w.s[NODE].failed, 1);
    assert_int_equal(w.s[NODE].timeout, 1);
    assert_int_equal(w.s[NODE].fail, ZWH__KEX_FAIL_CANCEL);
    world_free(&w);

    /* the final Transfer End is lost: the node is done, the controller times out
     * (TA5) and refuses the node's keys (KEY_VERIFY); the KEX Fail reaches a node
     * that already finished and changes nothing there */
    drop_spec_t d = {NODE, ZWH__S2_TRANSFER_END, 0, false};
    world_init(&w, ZWH_KEY_S2_UNAUTHENTICATED, false, false);
    w.sc.tamper = drop_once;
    w.sc.tamper_arg = &d;
    world_start(&w);
    run(&w, w.now + 1000000);
    assert_int_equal(w.s[KEX_CTRL_ID].failed, 1);
    assert_int_equal(w.s[KEX_CTRL_ID].fail, ZWH__KEX_FAIL_KEY_VERIFY);
    assert_int_equal(w.s[KEX_CTRL_ID].timeout, 1);
    assert_int_equal(w.s[KEX_CTRL_ID].shared, 0);
    assert_int_equal(w.s[NODE].done, 1);
    world_free(&w);
}

/* KEX Fail from the peer: plain or under the temporary key, any type; type 0
 * (no such type) still aborts, reported as CANCEL */
static void remote_kex_fail_types(void **state)
{
    (void)state;
    static const uint8_t types[] = {0x00, 0x01, 0x05, 0x0a, 0x42};
    for (size_t i = 0; i < sizeof types; i++) {
        world_t w;
        world_init(&w, ZWH_KEY_ALL, false, false);
        zwh__kex_out_t out;
        assert_int_equal(zwh__kex_start(&w.s[KEX_CTRL_ID].m, w.now, &out), 0);
        const uint8_t kf[] = {0x9f, 0x07, types[i]};
        assert_int_equal(zwh__kex_input(&w.s[KEX_CTRL_ID].m, kf, sizeof kf, i % 2 ? ZWH_SECCLASS_TEMP : ZWH_SECCLASS_NONE,
                                        w.now, &out), 0);
        handle(&w, KEX_CTRL_ID, &out);
        assert_int_equal(w.s[KEX_CTRL_ID].failed, 1);
        assert_int_equal(w.s[KEX_CTRL_ID].remote, 1);
        assert_int_equal(w.s[KEX_CTRL_ID].fail, types[i] ? types[i] : ZWH__KEX_FAIL_CANCEL);
        assert_int_equal(w.qt, w.qh); /* nothing sent back */
        world_free(&w);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_class_combination),
        cmocka_unit_test(user_allows_a_subset),
        cmocka_unit_test(frames_match_vectors),
        cmocka_unit_test(temp_key_matches_rfc7748_chain),
        cmocka_unit_test(client_side_authentication),
        cmocka_unit_test(long_range_gets_only_authenticated_classes),
        cmocka_unit_test(wrong_pin_fails_with_decrypt),
        cmocka_unit_test(user_rejects_or_cancels),
        cmocka_unit_test(cancel_mid_transfer),
        cmocka_unit_test(timeouts),
        cmocka_unit_test(configurable_timers),
        cmocka_unit_test(node_asks_for_refused_class),
        cmocka_unit_test(mismatching_or_unencrypted_echoes),
        cmocka_unit_test(bad_kex_fields),
        cmocka_unit_test(junk_is_ignored),
        cmocka_unit_test(repeated_kex_get_is_answered),
        cmocka_unit_test(remote_kex_fail_types),
        cmocka_unit_test(lost_frames_time_out),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
