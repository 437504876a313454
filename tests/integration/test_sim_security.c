/* Security of zwh-sim's virtual nodes, driven with raw Serial API frames: the
 * test plays the controller (node 1) with the library's own S2, S0, Transport
 * Service and KEX engines (tests/support/sim_secure.c).
 *
 * Pre-included s2switch/s0switch with --keys: nonce exchange, Binary Switch
 * under S2/S0, plaintext and lower-class commands ignored, a replayed S2 frame
 * dropped, S2/S0 Commands Supported Reports, a 150-byte S2 frame in Transport
 * Service segments with one segment lost, a reply longer than 46 bytes arriving
 * segmented. Inclusion of --pending devices: S2 with the right PIN (granted
 * classes checked by an encrypted exchange), with a wrong PIN (failed bootstrap,
 * node non-secure), S2 with an S0 key grant, S0. The DSK line and its
 * determinism with --seed. The keys below are test data. */
#include "sim_fixture.h"

#include <regex.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include "security/s2.h"
#include "sim_secure.h"
#include "zwhost/zwhost.h"

#define HOME 0x7E5A0001u
#define HOME_ARG "0x7E5A0001"

static const char KEYS[] = "# test data, never real keys\n"
                           "S0 00112233445566778899aabbccddeeff\n"
                           "S2_Unauthenticated 0f0e0d0c0b0a09080706050403020100\n"
                           "S2_Authenticated c0ffee00112233445566778899aabbcc\n"
                           "S2_AccessControl ffeeddccbbaa99887766554433221100\n";

typedef struct {
    fx_t *fx;
    simsec_t s;
    char keys_path[64];
} sec_t;

static const uint8_t SW_GET[] = {0x25, 0x02};
static const uint8_t SW_ON[] = {0x25, 0x01, 0xFF};

static int start(void **state, const char *devices, const char *pending, const char *seed)
{
    sec_t *t = calloc(1, sizeof *t);
    if (!t || simsec_keys_file(t->keys_path, sizeof t->keys_path, KEYS) < 0)
        return -1;
    const char *args[16] = {"--seed", seed, "--home-id", HOME_ARG, "--keys", t->keys_path, "--report-order", "after"};
    size_t n = 8;
    if (devices) {
        args[n++] = "--devices";
        args[n++] = devices;
    }
    if (pending) {
        args[n++] = "--pending";
        args[n++] = pending;
    }
    args[n] = NULL;
    void *fxs = NULL;
    if (fx_start(&fxs, args) < 0)
        return -1;
    t->fx = fxs;
    if (simsec_init(&t->s, &t->fx->c, HOME, KEYS) < 0)
        return -1;
    *state = t;
    return 0;
}

static int setup_pre(void **state)
{
    return start(state, "s2switch:2,s0switch:3,switch:4,s2switch:5", NULL, "3");
}

static int setup_pending_s2(void **state)
{
    return start(state, NULL, "s2switch", "11");
}

static int setup_pending_s2s0(void **state)
{
    return start(state, NULL, "s2s0switch", "13");
}

static int setup_pending_s0(void **state)
{
    return start(state, NULL, "s0switch", "12");
}

static int teardown(void **state)
{
    sec_t *t = *state;
    simsec_free(&t->s);
    void *fxs = t->fx;
    int rc = fx_stop(&fxs);
    unlink(t->keys_path);
    free(t);
    return rc;
}

/* The command at rx index i, which must come from nid under cls. */
static const simsec_cmd_t *got(sec_t *t, int i, uint16_t nid, int cls)
{
    assert_true(i >= 0);
    const simsec_cmd_t *c = &t->s.rx[i];
    assert_int_equal(c->src, nid);
    assert_int_equal(c->cls, cls);
    return c;
}

static int count_from(const sec_t *t, uint16_t nid, uint8_t cc, uint8_t cmd)
{
    int n = 0;
    for (size_t i = 0; i < t->s.nrx; i++)
        if (t->s.rx[i].src == nid && t->s.rx[i].len >= 2 && t->s.rx[i].b[0] == cc && t->s.rx[i].b[1] == cmd)
            n++;
    return n;
}

static void s2_switch_get_set_after_nonce_exchange(void **state)
{
    sec_t *t = *state;
    simsec_grant(&t->s, 2, (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    zwh__s2_counters_t before, after;
    zwh__s2_get_counters(t->s.s2, &before);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(c->len, 3);
    assert_int_equal(c->b[2], 0x00);
    assert_false(c->segmented);
    zwh__s2_get_counters(t->s.s2, &after);
    /* no SPAN yet: Nonce Get, the node's Nonce Report, then the encapsulation */
    assert_int_equal(after.nonce_get_tx - before.nonce_get_tx, 1);
    assert_int_equal(after.nonce_report_rx - before.nonce_report_rx, 1);
    assert_int_equal(zwh__s2_span_state(t->s.s2, 2), ZWH__S2_SPAN_ESTABLISHED);

    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_ON, sizeof SW_ON);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    size_t n0 = t->s.nrx;
    int i = simsec_wait(&t->s, 2, 0x25, 0x03, 3000);
    assert_true((size_t)i >= n0);
    assert_int_equal(got(t, i, 2, ZWH_SECCLASS_S2_AUTHENTICATED)->b[2], 0xFF);

    /* a plaintext Binary Switch Get to the secure node is ignored */
    size_t before_plain = t->s.nrx;
    simsec_send(&t->s, 2, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.last_tx_status, 0x00); /* acknowledged on air all the same */
    assert_int_equal(t->s.nrx, before_plain);
    /* so is one under its lower class (S2 Unauthenticated) */
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_UNAUTHENTICATED, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 3000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, before_plain);
}

static void s2_replayed_frame_dropped(void **state)
{
    sec_t *t = *state;
    simsec_grant(&t->s, 2, (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    assert_true(simsec_wait(&t->s, 2, 0x25, 0x03, 3000) >= 0);
    /* the last frame that went out is that Message Encapsulation: send it again */
    const simsec_frame_t *last = &t->s.out[(t->s.ot - 1) % SIMSEC_OUT_MAX];
    assert_int_equal(last->b[0], 0x9F);
    assert_int_equal(last->b[1], 0x03);
    uint8_t copy[46];
    size_t len = last->len;
    memcpy(copy, last->b, len);
    int reports = count_from(t, 2, 0x25, 0x03);
    simsec_send_raw(&t->s, 2, copy, len);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(count_from(t, 2, 0x25, 0x03), reports);
    /* a fresh sequence number with the old tag: the MAC fails, dropped too */
    copy[2] = (uint8_t)(copy[2] + 7);
    simsec_send_raw(&t->s, 2, copy, len);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(count_from(t, 2, 0x25, 0x03), reports);
    /* the SPAN survived: the next command is answered without a new nonce */
    zwh__s2_counters_t before, after;
    zwh__s2_get_counters(t->s.s2, &before);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    simsec_pump(&t->s, 600);
    assert_int_equal(count_from(t, 2, 0x25, 0x03), reports + 1);
    zwh__s2_get_counters(t->s.s2, &after);
    assert_int_equal(after.nonce_get_tx, before.nonce_get_tx);
    assert_int_equal(after.nonce_report_rx, before.nonce_report_rx); /* no resync was needed */
}

static void s2_commands_supported_report(void **state)
{
    sec_t *t = *state;
    simsec_grant(&t->s, 2, (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    const uint8_t get[] = {0x9F, 0x0D};
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, get, sizeof get);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x9F, 0x0E, 3000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(c->len, 3);
    assert_int_equal(c->b[2], 0x25);
    /* asked under a lower class it is not answered */
    size_t n = t->s.nrx;
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_UNAUTHENTICATED, get, sizeof get);
    simsec_idle(&t->s, 3000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, n);
}

static void s2_segmented_in_and_out(void **state)
{
    sec_t *t = *state;
    simsec_grant(&t->s, 2, (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    assert_true(simsec_wait(&t->s, 2, 0x25, 0x03, 3000) >= 0);
    assert_int_equal(zwh__s2_span_state(t->s.s2, 2), ZWH__S2_SPAN_ESTABLISHED);

    /* Supervision Get (session 5) around a Binary Switch Set with 131 trailing
     * bytes (a receiver ignores what follows the fields it knows): 138 bytes of
     * plaintext, 150 in the Message Encapsulation, 4 segments of <= 46 bytes */
    uint8_t cmd[138];
    cmd[0] = 0x6C;
    cmd[1] = 0x01;
    cmd[2] = 0x05;
    cmd[3] = 134;
    cmd[4] = 0x25;
    cmd[5] = 0x01;
    cmd[6] = 0xFF;
    for (size_t i = 7; i < sizeof cmd; i++)
        cmd[i] = (uint8_t)i;
    t->s.drop_ts_segment = 2; /* the second segment is lost on air */
    unsigned seg0 = t->s.ts_segments_out;
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, cmd, sizeof cmd);
    assert_int_equal(t->s.ts->stats.tx_datagrams, 1);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x6C, 0x02, 5000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(c->len, 5);
    assert_int_equal(c->b[2] & 0x3F, 0x05);
    assert_int_equal(c->b[3], 0xFF); /* SUCCESS: the node got the whole command */
    simsec_pump(&t->s, 300);
    /* 150 bytes: 39 per segment -> 4 segments, plus the one the node requested again */
    assert_int_equal(t->s.ts_segments_out - seg0, 5);
    assert_int_equal(t->s.ts->stats.tx_resends, 1);
    assert_int_equal(t->s.ts->stats.tx_ok, 1);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    size_t n0 = t->s.nrx;
    int i = simsec_wait(&t->s, 2, 0x25, 0x03, 3000);
    assert_true((size_t)i >= n0);
    assert_int_equal(t->s.rx[i].b[2], 0xFF);

    /* Device Specific Get: the 35-byte report is 47 bytes under S2, beyond the
     * 46-byte frame, so it arrives in Transport Service segments */
    unsigned in0 = t->s.ts_segments_in;
    const uint8_t dsg[] = {0x72, 0x06, 0x01};
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, dsg, sizeof dsg);
    c = got(t, simsec_wait(&t->s, 2, 0x72, 0x07, 4000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_true(c->segmented);
    assert_true(t->s.ts_segments_in - in0 >= 2);
    static const char serial[] = "ZWHSIM-S2SWITCH-000000000000001";
    assert_int_equal(c->len, 4 + 31);
    assert_int_equal(c->b[2], 0x01);
    assert_int_equal(c->b[3], 31); /* UTF-8, 31 bytes */
    assert_memory_equal(c->b + 4, serial, 31);
    /* the node completes the datagram only after our Segment Complete: wait for
     * the exchange to settle, then the node still works */
    simsec_pump(&t->s, 300);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    n0 = t->s.nrx;
    i = simsec_wait(&t->s, 2, 0x25, 0x03, 3000);
    assert_true((size_t)i >= n0);
    assert_false(t->s.rx[i].segmented);
}

/* Multicast Binary Switch Set to two S2 plugs: the first multicast is dropped
 * (no MPAN yet), its singlecast follow-ups hand over the MPAN, and the next
 * multicast is decrypted by both from the MPAN alone. */
static void s2_multicast_to_two_plugs(void **state)
{
    sec_t *t = *state;
    const uint8_t nodes[] = {2, 5};
    const uint8_t off[] = {0x25, 0x01, 0x00};
    for (size_t i = 0; i < 2; i++)
        simsec_grant(&t->s, nodes[i], 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(simsec_send_multicast(&t->s, 7, ZWH__S2_AUTH, nodes, 2, SW_ON, sizeof SW_ON), 0);
    for (size_t i = 0; i < 2; i++)
        simsec_send_followup(&t->s, nodes[i], ZWH_SECCLASS_S2_AUTHENTICATED, 7, SW_ON, sizeof SW_ON);
    simsec_idle(&t->s, 4000);
    assert_int_equal(t->s.last_tx_status, 0x00);
    for (size_t i = 0; i < 2; i++) {
        simsec_send(&t->s, nodes[i], ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
        assert_int_equal(got(t, simsec_wait(&t->s, nodes[i], 0x25, 0x03, 3000), nodes[i],
                             ZWH_SECCLASS_S2_AUTHENTICATED)->b[2], 0xFF);
    }
    assert_int_equal(simsec_send_multicast(&t->s, 7, ZWH__S2_AUTH, nodes, 2, off, sizeof off), 0);
    simsec_idle(&t->s, 3000);
    for (size_t i = 0; i < 2; i++) {
        simsec_send(&t->s, nodes[i], ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
        assert_int_equal(got(t, simsec_wait(&t->s, nodes[i], 0x25, 0x03, 3000), nodes[i],
                             ZWH_SECCLASS_S2_AUTHENTICATED)->b[2], 0x00);
    }
}

static void s0_switch_and_commands_supported(void **state)
{
    sec_t *t = *state;
    simsec_send(&t->s, 3, ZWH_SECCLASS_S0, SW_ON, sizeof SW_ON);
    simsec_send(&t->s, 3, ZWH_SECCLASS_S0, SW_GET, sizeof SW_GET);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 3, 0x25, 0x03, 4000), 3, ZWH_SECCLASS_S0);
    assert_int_equal(c->len, 3);
    assert_int_equal(c->b[2], 0xFF);
    const uint8_t get[] = {0x98, 0x02};
    simsec_send(&t->s, 3, ZWH_SECCLASS_S0, get, sizeof get);
    c = got(t, simsec_wait(&t->s, 3, 0x98, 0x03, 4000), 3, ZWH_SECCLASS_S0);
    assert_int_equal(c->len, 4);
    assert_int_equal(c->b[2], 0x00); /* no reports to follow */
    assert_int_equal(c->b[3], 0x25);
    /* plaintext Binary Switch is ignored by the S0 node */
    size_t n = t->s.nrx;
    simsec_send(&t->s, 3, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, n);
    /* a non-secure plug next to it answers in plaintext, and the NIF-listed
     * Device Specific Get of the S0 node is answered in plaintext when asked so */
    simsec_send(&t->s, 4, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    got(t, simsec_wait(&t->s, 4, 0x25, 0x03, 3000), 4, ZWH_SECCLASS_NONE);
    const uint8_t dsg[] = {0x72, 0x06, 0x00};
    simsec_send(&t->s, 3, ZWH_SECCLASS_NONE, dsg, sizeof dsg);
    c = got(t, simsec_wait(&t->s, 3, 0x72, 0x07, 3000), 3, ZWH_SECCLASS_NONE);
    assert_int_equal(c->len, 4 + 16);
}

/* ---- inclusion -------------------------------------------------------------------- */

/* Reads the DSK line of the pending device into the simsec state. */
static void read_dsk(sec_t *t, const char *type)
{
    char line[128], want[32];
    assert_int_equal(sim_proc_read_line(&t->fx->p, line, sizeof line, 2000), 0);
    snprintf(want, sizeof want, "DSK %s ", type);
    assert_int_equal(strncmp(line, want, strlen(want)), 0);
    assert_int_equal(zwh_dsk_parse(line + strlen(want), t->s.node_dsk, NULL), 0);
}

/* AddNode until PROTOCOL_DONE and STOP/DONE; the node's NIF must list cc. */
static void include(sec_t *t, uint8_t nid, uint8_t sec_cc)
{
    fx_t *fx = t->fx;
    sim_frame_t f;
    fx_req_noreply(fx, 0x4A, FX_BYTES(0xC1, 0x01));
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x01, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x02, 0x00, 0x00), 1000);
    assert_int_equal(sim_client_frame(&fx->c, 2000, &f), 1);
    assert_int_equal(f.func, 0x4A);
    assert_int_equal(f.payload[1], 0x03);
    assert_int_equal(f.payload[2], nid);
    int listed = 0;
    for (size_t i = 7; i < f.len && f.payload[i] != 0xEF; i++)
        listed |= f.payload[i] == sec_cc;
    assert_true(listed);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x05, nid, 0x00), 1000);
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x02));
    fx_expect(fx, 0x4A, FX_BYTES(0x02, 0x06, nid, 0x00), 1000);
}

static void s2_inclusion_right_pin(void **state)
{
    sec_t *t = *state;
    read_dsk(t, "s2switch");
    include(t, 2, 0x9F);
    assert_int_equal(simsec_kex_start(&t->s, 2, ZWH__KEX_ROLE_CONTROLLER,
                                      ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED, SIMSEC_PIN_RIGHT), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), 1);
    assert_int_equal(t->s.kex_keys, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED);
    /* on_included runs after the bootstrap: its report comes under the new class */
    assert_int_equal(got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_S2_AUTHENTICATED)->b[2], 0x00);
    /* the node holds the Authenticated key: an exchange under it works both ways */
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_ON, sizeof SW_ON);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 4000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(c->b[2], 0xFF);
    const uint8_t get[] = {0x9F, 0x0D};
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, get, sizeof get);
    c = got(t, simsec_wait(&t->s, 2, 0x9F, 0x0E, 4000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(c->b[2], 0x25);
    /* and now ignores plaintext Binary Switch */
    size_t n = t->s.nrx;
    simsec_send(&t->s, 2, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, n);

    /* the state survives a host reconnection */
    sim_client_close(&t->fx->c);
    assert_int_equal(sim_client_connect(&t->fx->c, t->fx->p.port), 0);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    n = t->s.nrx;
    int i = simsec_wait(&t->s, 2, 0x25, 0x03, 4000);
    assert_true((size_t)i >= n);
    assert_int_equal(got(t, i, 2, ZWH_SECCLASS_S2_AUTHENTICATED)->b[2], 0xFF);
}

static void s2_inclusion_wrong_pin(void **state)
{
    sec_t *t = *state;
    read_dsk(t, "s2switch");
    include(t, 2, 0x9F);
    assert_int_equal(simsec_kex_start(&t->s, 2, ZWH__KEX_ROLE_CONTROLLER,
                                      ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED, SIMSEC_PIN_WRONG), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), -1);
    assert_int_equal(t->s.kex_fail, ZWH__KEX_FAIL_DECRYPT);
    assert_true(t->s.decrypt_failures >= 1);
    /* on_included after the failed bootstrap: the report in plaintext */
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_NONE);
    /* never a secure inclusion: the node answers in plaintext, and an S2 frame
     * (under a key it would hold had the bootstrap worked) gets nothing back */
    simsec_pump(&t->s, 300);
    simsec_send(&t->s, 2, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_NONE);
    size_t n = t->s.nrx;
    simsec_grant(&t->s, 2, 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 3000);
    simsec_pump(&t->s, 2500);
    assert_int_equal(t->s.nrx, n);
}

static void s2_inclusion_partial_grant(void **state)
{
    /* the s2switch requests S2 only: granting only Unauthenticated works too */
    sec_t *t = *state;
    read_dsk(t, "s2switch");
    include(t, 2, 0x9F);
    assert_int_equal(simsec_kex_start(&t->s, 2, ZWH__KEX_ROLE_CONTROLLER, ZWH_KEY_S2_UNAUTHENTICATED,
                                      SIMSEC_PIN_RIGHT), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), 1);
    assert_int_equal(t->s.kex_keys, ZWH_KEY_S2_UNAUTHENTICATED);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_S2_UNAUTHENTICATED);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_UNAUTHENTICATED, SW_GET, sizeof SW_GET);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 4000), 2, ZWH_SECCLASS_S2_UNAUTHENTICATED);
}

static void s2_inclusion_with_s0_grant(void **state)
{
    sec_t *t = *state;
    read_dsk(t, "s2s0switch");
    include(t, 2, 0x9F);
    const uint8_t all = ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S0;
    assert_int_equal(simsec_kex_start(&t->s, 2, ZWH__KEX_ROLE_CONTROLLER, all, SIMSEC_PIN_RIGHT), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), 1);
    assert_int_equal(t->s.kex_keys, all);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S2_AUTHENTICATED, SW_GET, sizeof SW_GET);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 4000), 2, ZWH_SECCLASS_S2_AUTHENTICATED);
    /* the S0 key (verified over S2 during the bootstrap) now works in S0: a
     * NIF command under S0 is answered under S0 ... */
    const uint8_t dsg[] = {0x72, 0x06, 0x01};
    simsec_send(&t->s, 2, ZWH_SECCLASS_S0, dsg, sizeof dsg);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x72, 0x07, 4000), 2, ZWH_SECCLASS_S0);
    assert_int_equal(c->b[3], 31);
    /* ... while Binary Switch, a secure CC, is taken only under the highest class */
    size_t n = t->s.nrx;
    simsec_send(&t->s, 2, ZWH_SECCLASS_S0, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 3000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, n);
}

static void s0_inclusion(void **state)
{
    sec_t *t = *state;
    char line[128];
    /* an S0-only device prints no DSK */
    assert_int_equal(sim_proc_read_line(&t->fx->p, line, sizeof line, 300), -1);
    include(t, 2, 0x98);
    assert_int_equal(simsec_kex_start(&t->s, 2, ZWH__KEX_ROLE_S0_CONTROLLER, ZWH_KEY_S0, SIMSEC_PIN_RIGHT), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), 1);
    assert_int_equal(t->s.kex_keys, ZWH_KEY_S0);
    got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 3000), 2, ZWH_SECCLASS_S0);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S0, SW_ON, sizeof SW_ON);
    simsec_send(&t->s, 2, ZWH_SECCLASS_S0, SW_GET, sizeof SW_GET);
    const simsec_cmd_t *c = got(t, simsec_wait(&t->s, 2, 0x25, 0x03, 4000), 2, ZWH_SECCLASS_S0);
    assert_int_equal(c->b[2], 0xFF);
    size_t n = t->s.nrx;
    simsec_send(&t->s, 2, ZWH_SECCLASS_NONE, SW_GET, sizeof SW_GET);
    simsec_idle(&t->s, 2000);
    simsec_pump(&t->s, 400);
    assert_int_equal(t->s.nrx, n);
}

/* ---- DSK lines ---------------------------------------------------------------------- */

static void dsk_lines(const char *seed, char out[2][128])
{
    sim_proc_t p;
    const char *args[] = {"--listen", "tcp://127.0.0.1:0", "--seed", seed, "--pending", "s2switch", "--pending",
                          "s0switch", "--pending", "s2switch", NULL};
    assert_int_equal(sim_proc_start(&p, args), 0);
    for (int i = 0; i < 2; i++)
        assert_int_equal(sim_proc_read_line(&p, out[i], 128, 2000), 0);
    char extra[128];
    assert_int_equal(sim_proc_read_line(&p, extra, sizeof extra, 300), -1); /* none for s0switch */
    assert_int_equal(sim_proc_stop(&p), 0);
}

static void dsk_format_and_determinism(void **state)
{
    (void)state;
    char a[2][128], b[2][128], c[2][128];
    dsk_lines("42", a);
    dsk_lines("42", b);
    dsk_lines("43", c);
    regex_t re;
    assert_int_equal(regcomp(&re, "^DSK s2switch [0-9]{5}(-[0-9]{5}){7}$", REG_EXTENDED | REG_NOSUB), 0);
    for (int i = 0; i < 2; i++) {
        assert_int_equal(regexec(&re, a[i], 0, NULL, 0), 0);
        assert_string_equal(a[i], b[i]); /* same seed, same key pairs */
        assert_string_not_equal(a[i], c[i]);
        uint8_t dsk[16];
        assert_int_equal(zwh_dsk_parse(a[i] + 13, dsk, NULL), 0);
    }
    assert_string_not_equal(a[0], a[1]); /* each device its own key pair */
    regfree(&re);
}

/* A keys file readable by group or others is refused, as the library does. */
static void keys_file_mode_refused(void **state)
{
    (void)state;
    char path[64], cmd[256], out[512];
    assert_int_equal(simsec_keys_file(path, sizeof path, KEYS), 0);
    assert_int_equal(chmod(path, 0644), 0);
    snprintf(cmd, sizeof cmd, "%s/zwh-sim --listen tcp://127.0.0.1:0 --devices s2switch:2 --keys %s 2>&1",
             ZWH_TEST_BIN_DIR, path);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    size_t n = fread(out, 1, sizeof out - 1, p);
    out[n] = '\0';
    int st = pclose(p);
    unlink(path);
    assert_true(WIFEXITED(st));
    assert_int_equal(WEXITSTATUS(st), 2);
    assert_non_null(strstr(out, "--keys"));
    assert_non_null(strstr(out, "group or others"));
    assert_null(strstr(out, "LISTEN")); /* never served */
    assert_null(strstr(out, "c0ffee")); /* and no key text echoed */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(s2_switch_get_set_after_nonce_exchange, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s2_replayed_frame_dropped, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s2_commands_supported_report, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s2_segmented_in_and_out, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s2_multicast_to_two_plugs, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s0_switch_and_commands_supported, setup_pre, teardown),
        cmocka_unit_test_setup_teardown(s2_inclusion_right_pin, setup_pending_s2, teardown),
        cmocka_unit_test_setup_teardown(s2_inclusion_wrong_pin, setup_pending_s2, teardown),
        cmocka_unit_test_setup_teardown(s2_inclusion_partial_grant, setup_pending_s2, teardown),
        cmocka_unit_test_setup_teardown(s2_inclusion_with_s0_grant, setup_pending_s2s0, teardown),
        cmocka_unit_test_setup_teardown(s0_inclusion, setup_pending_s0, teardown),
        cmocka_unit_test(dsk_format_and_determinism),
        cmocka_unit_test(keys_file_mode_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
