/* The n4003 twin (NIE Technology n4003 Mini Smart Plug, ../shared/seeds/002_*.txt)
 * driven through zwh-sim's Serial API with raw frames: its NIF and identity,
 * every configuration parameter of the seed (properties, names, info texts,
 * defaults, ranges enforced device-side, Bulk, Default Reset), Meter v5,
 * Indicator v3, Notification v8 power alarms, Association / Multi Channel
 * Association / AGI, and node-side Supervision. Plaintext: no --keys; the
 * Configuration Info Reports longer than a frame come in Transport Service
 * segments, reassembled as a controller does (sim_secure.c). */
#include "sim_fixture.h"
#include "sim_secure.h"
#include "zwhost/zwhost.h"

#define NODE 2
#define MAXGOT 64

/* What node NODE sent while one SendData to it completed (report order
 * "before": every answer precedes the callback). */
typedef struct {
    size_t n;
    uint8_t cmd[MAXGOT][256];
    size_t len[MAXGOT];
} got_t;

static uint8_t next_cb(void)
{
    static uint8_t cb; /* one test process, one sequence */
    cb = (uint8_t)(cb % 250 + 1);
    return cb;
}

static void record(got_t *g, uint8_t nid, const sim_frame_t *f)
{
    if (f->type == 0x00 && f->func == 0x04 && f->payload[1] == nid) {
        assert_true(g->n < MAXGOT);
        g->len[g->n] = f->payload[2];
        memcpy(g->cmd[g->n], f->payload + 3, f->payload[2]);
        g->n++;
    }
}

/* Collects what `nid` sends on its own for ms, or until it sends `stop`
 * (stop_len > 0). Returns 1 if stop came. */
static int collect_until(fx_t *fx, uint8_t nid, int ms, got_t *g, const uint8_t *stop, size_t stop_len)
{
    sim_frame_t f;
    uint64_t end = sim_now_ms() + (uint64_t)ms;
    g->n = 0;
    for (;;) {
        uint64_t now = sim_now_ms();
        if (now >= end)
            return 0;
        int rc = sim_client_frame(&fx->c, (int)(end - now), &f);
        if (rc == 0)
            return 0;
        assert_int_equal(rc, 1);
        record(g, nid, &f);
        if (stop_len && g->n && g->len[g->n - 1] == stop_len && !memcmp(g->cmd[g->n - 1], stop, stop_len))
            return 1;
    }
}

static void collect(fx_t *fx, uint8_t nid, int ms, got_t *g)
{
    (void)collect_until(fx, nid, ms, g, NULL, 0);
}

/* SendData cmd to nid; g gets what the node sent until the callback. Frames
 * the node sent on its own (meter ticks, timers) may arrive at any point,
 * even before the ACK of the request: they are kept in g too. */
static void xfer_to(fx_t *fx, uint8_t nid, const uint8_t *cmd, size_t n, got_t *g)
{
    uint8_t pl[260] = {nid, (uint8_t)n};
    memcpy(pl + 2, cmd, n);
    uint8_t cb = next_cb();
    pl[2 + n] = 0x25;
    pl[3 + n] = cb;
    assert_int_equal(sim_client_send(&fx->c, 0x00, 0x13, pl, n + 4), 0);
    int acked = 0, res = 0, resend = 0;
    uint64_t end = sim_now_ms() + 3000;
    g->n = 0;
    for (;;) {
        sim_frame_t f;
        uint64_t now = sim_now_ms();
        assert_true(now < end);
        int ev = sim_client_next(&fx->c, resend ? 50 : (int)(end - now), &f);
        if (ev == 0 && resend) {
            /* our request met a frame of the chip (CAN): send it again */
            assert_int_equal(sim_client_send(&fx->c, 0x00, 0x13, pl, n + 4), 0);
            resend = 0;
            continue;
        }
        if (ev == ZWH__FEV_CAN && !acked) {
            resend = 1;
            continue;
        }
        if (ev == ZWH__FEV_ACK) {
            acked = 1;
            continue;
        }
        assert_int_equal(ev, ZWH__FEV_DATA);
        const uint8_t ack = 0x06;
        sim_client_write(&fx->c, &ack, 1);
        if (f.type == 0x01 && f.func == 0x13) {
            assert_true(acked);
            assert_int_equal(f.len, 1);
            assert_int_equal(f.payload[0], 0x01);
            res = 1;
        } else if (f.type == 0x00 && f.func == 0x13 && f.payload[0] == cb) {
            assert_true(res);
            assert_int_equal(f.payload[1], 0x00); /* transmit OK */
            return;
        } else {
            record(g, nid, &f);
        }
    }
}

static void xfer(fx_t *fx, const uint8_t *cmd, size_t n, got_t *g)
{
    xfer_to(fx, NODE, cmd, n, g);
}

/* Keeps only the commands cc/cmd in g, in order. */
static void only(got_t *g, uint8_t cc, uint8_t cmd)
{
    size_t k = 0;
    for (size_t i = 0; i < g->n; i++)
        if (g->len[i] >= 2 && g->cmd[i][0] == cc && g->cmd[i][1] == cmd) {
            if (k != i) {
                memcpy(g->cmd[k], g->cmd[i], g->len[i]);
                g->len[k] = g->len[i];
            }
            k++;
        }
    g->n = k;
}

/* The i-th command got must be exactly these bytes. */
static void got_is(const got_t *g, size_t i, const uint8_t *want, size_t wn)
{
    assert_true(i < g->n);
    assert_int_equal(g->len[i], wn);
    assert_memory_equal(g->cmd[i], want, wn);
}

/* A command answered by exactly one report of these bytes (besides what the
 * plug reports on its own). */
static void ask(fx_t *fx, const uint8_t *cmd, size_t n, const uint8_t *want, size_t wn)
{
    got_t g;
    xfer(fx, cmd, n, &g);
    only(&g, want[0], want[1]);
    assert_int_equal(g.n, 1);
    got_is(&g, 0, want, wn);
}

/* What the plug sends on its own: Lifeline reports. */
static int unsolicited(const uint8_t *c)
{
    return (c[0] == 0x32 && c[1] == 0x02) || (c[0] == 0x25 && c[1] == 0x03) || (c[0] == 0x71 && c[1] == 0x05);
}

/* A command that draws no answer: nothing of its class but Lifeline reports. */
static void tell(fx_t *fx, const uint8_t *cmd, size_t n)
{
    got_t g;
    xfer(fx, cmd, n, &g);
    for (size_t i = 0; i < g.n; i++)
        assert_true(g.cmd[i][0] != cmd[0] || unsolicited(g.cmd[i]));
}

#define B(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

/* Index of the first command got with this class and command, or -1. */
static int find(const got_t *g, uint8_t cc, uint8_t cmd)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->len[i] >= 2 && g->cmd[i][0] == cc && g->cmd[i][1] == cmd)
            return (int)i;
    return -1;
}

static int setup(void **state)
{
    const char *args[] = {"--seed", "7", "--report-order", "before", "--devices", "n4003:2,switch:3", NULL};
    return fx_start(state, args);
}

static int setup_fast(void **state)
{
    const char *args[] = {"--seed", "7",        "--report-order", "before",
                          "--time-scale", "100", "--devices", "n4003:2", NULL};
    return fx_start(state, args);
}

/* ---- identity ---- */

static void nif_and_identity(void **state)
{
    fx_t *fx = *state;
    /* NIF: routing end node 04, Binary Switch 10 / Power Switch 01, then the
     * seed's Endpoint 0 classes */
    fx_res(fx, 0x60, B(NODE), B(0x01));
    fx_expect(fx, 0x49, B(0x84, NODE, 0x14, 0x04, 0x10, 0x01, 0x5E, 0x55, 0x9F, 0x6C, 0x25, 0x32, 0x59, 0x5A, 0x70,
                          0x71, 0x72, 0x73, 0x7A, 0x85, 0x86, 0x87, 0x8E), 1000);
    /* Version Report v2: library 3, protocol 7.13, firmware 1.0, hardware 1, no targets */
    ask(fx, B(0x86, 0x11), B(0x86, 0x12, 0x03, 0x07, 0x0D, 0x01, 0x00, 0x01, 0x00));
    /* Version Command Class Report for every class of the seed's table */
    static const uint8_t ver[][2] = {{0x20, 1}, {0x25, 2}, {0x32, 5}, {0x55, 2}, {0x59, 3}, {0x5A, 1},
                                     {0x5E, 2}, {0x6C, 1}, {0x70, 4}, {0x71, 8}, {0x72, 2}, {0x73, 1},
                                     {0x7A, 5}, {0x85, 3}, {0x86, 2}, {0x87, 3}, {0x8E, 4}, {0x9F, 1}};
    for (size_t i = 0; i < sizeof ver / sizeof ver[0]; i++) {
        const uint8_t get[] = {0x86, 0x13, ver[i][0]}, rep[] = {0x86, 0x14, ver[i][0], ver[i][1]};
        ask(fx, get, sizeof get, rep, sizeof rep);
    }
    ask(fx, B(0x86, 0x13, 0x26), B(0x86, 0x14, 0x26, 0x00)); /* not supported */
    /* seed: COMMAND_CLASS_VERSION_V2 — the v3 Capabilities Get is not answered */
    tell(fx, B(0x86, 0x15));
    ask(fx, B(0x72, 0x04), B(0x72, 0x05, 0x03, 0x12, 0xAC, 0x01, 0x40, 0x03));
    ask(fx, B(0x5E, 0x01), B(0x5E, 0x02, 0x02, 0x05, 0x00, 0x07, 0x01, 0x07, 0x01));
    /* Meta Data Report v5: 0312 4003 checksum 0, not upgradable, 0 targets,
     * fragment 40, hardware 1 */
    ask(fx, B(0x7A, 0x01), B(0x7A, 0x02, 0x03, 0x12, 0x40, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x28, 0x01));
    /* the twin takes no images: a Request Get is answered "not upgradable" (3) */
    ask(fx, B(0x7A, 0x03, 0x03, 0x12, 0x40, 0x03, 0x00, 0x00), B(0x7A, 0x04, 0x03));
    /* Device Specific Report: serial number (type 1), binary, 8 bytes */
    got_t g;
    xfer(fx, B(0x72, 0x06, 0x00), &g);
    only(&g, 0x72, 0x07);
    assert_int_equal(g.n, 1);
    assert_int_equal(g.len[0], 12);
    assert_int_equal(g.cmd[0][2], 0x01);
    assert_int_equal(g.cmd[0][3], 0x28); /* format 1 << 5 | length 8 */
    /* Powerlevel */
    ask(fx, B(0x73, 0x02), B(0x73, 0x03, 0x00, 0x00));
    tell(fx, B(0x73, 0x01, 0x03, 0x0A));
    ask(fx, B(0x73, 0x02), B(0x73, 0x03, 0x03, 0x0A));
    tell(fx, B(0x73, 0x04, 0x03, 0x00, 0x00, 0x0A)); /* test node 3 (listening), 10 frames */
    ask(fx, B(0x73, 0x05), B(0x73, 0x06, 0x03, 0x01, 0x00, 0x0A));
}

/* ---- configuration ---- */

/* seed 002 "Device Configuration": number, size (config_N_S), format,
 * min, max, default. Parameter 1: "values in the range 0 to 2" plus the
 * option 3 "LED Always On"; enumerated formats for the option lists 1 and 4. */
static const struct {
    uint8_t num, size, format;
    uint32_t min, max, def;
    const char *name;
} P[] = {
    {1, 1, 2, 0, 3, 0, "LED Indicator"},
    {2, 4, 1, 0, 65535, 0, "Auto Turn-Off Timer"},
    {3, 4, 1, 0, 65535, 0, "Auto Turn-On Timer"},
    {4, 1, 2, 0, 2, 0, "Restores state after power failure"},
    {5, 1, 1, 5, 50, 5, "Power Wattage (W) Report"},
    {6, 4, 1, 0, 65535, 5, "Time Report"},
    {7, 1, 1, 1, 10, 1, "Current Report (A)"},
    {8, 1, 1, 1, 100, 1, "Energy (KWH) Report"},
};
#define NP (sizeof P / sizeof P[0])

static size_t put(uint8_t *o, uint32_t v, uint8_t size)
{
    for (uint8_t i = 0; i < size; i++)
        o[i] = (uint8_t)(v >> (8 * (size - 1 - i)));
    return size;
}

static void cfg_get_is(fx_t *fx, size_t i, uint32_t v)
{
    uint8_t get[] = {0x70, 0x05, P[i].num}, rep[8] = {0x70, 0x06, P[i].num, P[i].size};
    ask(fx, get, sizeof get, rep, 4 + put(rep + 4, v, P[i].size));
}

static void cfg_set(fx_t *fx, size_t i, uint8_t size, uint32_t v)
{
    uint8_t set[8] = {0x70, 0x04, P[i].num, size};
    tell(fx, set, 4 + put(set + 4, v, size));
}

static void config_properties_names_defaults(void **state)
{
    fx_t *fx = *state;
    for (size_t i = 0; i < NP; i++) {
        uint8_t get[] = {0x70, 0x0E, 0x00, P[i].num}, rep[32] = {0x70, 0x0F, 0x00, P[i].num};
        size_t k = 4;
        rep[k++] = (uint8_t)(P[i].format << 3 | P[i].size);
        k += put(rep + k, P[i].min, P[i].size);
        k += put(rep + k, P[i].max, P[i].size);
        k += put(rep + k, P[i].def, P[i].size);
        rep[k++] = 0x00;
        rep[k++] = i + 1 < NP ? P[i + 1].num : 0x00; /* next parameter, 0 after the last */
        rep[k++] = 0x00;                             /* v4: bulk supported, not advanced */
        ask(fx, get, sizeof get, rep, k);
        cfg_get_is(fx, i, P[i].def);
        /* the name, in one report */
        uint8_t nget[] = {0x70, 0x0A, 0x00, P[i].num}, nrep[64] = {0x70, 0x0B, 0x00, P[i].num, 0x00};
        size_t nl = strlen(P[i].name);
        memcpy(nrep + 5, P[i].name, nl);
        ask(fx, nget, sizeof nget, nrep, 5 + nl);
    }
    /* parameter 0: no such parameter, size 0, next = the first one */
    ask(fx, B(0x70, 0x0E, 0x00, 0x00), B(0x70, 0x0F, 0x00, 0x00, 0x00, 0x00, 0x01, 0x00));
    ask(fx, B(0x70, 0x0E, 0x00, 0x09), B(0x70, 0x0F, 0x00, 0x09, 0x00, 0x00, 0x00, 0x00));
    /* an unknown parameter's Get is answered with the first parameter */
    ask(fx, B(0x70, 0x05, 0x20), B(0x70, 0x06, 0x01, 0x01, 0x00));
    /* unknown name: an empty text */
    ask(fx, B(0x70, 0x0A, 0x00, 0x09), B(0x70, 0x0B, 0x00, 0x09, 0x00));
}

/* The Info text of parameter num, reassembled from its reports, read the way
 * a controller does: a report longer than the plug's 46-byte frame comes in
 * Transport Service segments, which the library's engine (sim_secure.c, in
 * plaintext: no keys) reassembles and answers with Segment Complete by
 * SendData; only then does the plug send its next report. The reports must
 * come whole and in order, their reports-to-follow counting down to 0; nrep
 * gets how many there were, nseg how many of them came segmented (exactly
 * those that do not fit one frame). */
static size_t info_text(fx_t *fx, uint8_t num, char *out, size_t *nrep, size_t *nseg)
{
    simsec_t *s = calloc(1, sizeof *s);
    assert_non_null(s);
    assert_int_equal(simsec_init(s, &fx->c, 0, "# plaintext: no keys\n"), 0);
    const uint8_t get[] = {0x70, 0x0C, 0x00, num};
    simsec_send(s, NODE, ZWH_SECCLASS_NONE, get, sizeof get);
    uint8_t follow[16];
    size_t len = 0, n = 0;
    *nseg = 0;
    for (;;) {
        int i = simsec_wait(s, NODE, 0x70, 0x0D, 4000);
        assert_true(i >= 0);
        const simsec_cmd_t *c = &s->rx[i];
        assert_int_equal(c->cls, ZWH_SECCLASS_NONE);
        assert_true(c->len >= 5 && n < sizeof follow);
        assert_memory_equal(c->b, ((const uint8_t[]){0x70, 0x0D, 0x00, num}), 4);
        assert_int_equal(c->segmented, c->len > 46);
        *nseg += c->segmented;
        follow[n++] = c->b[4];
        memcpy(out + len, c->b + 5, c->len - 5);
        len += c->len - 5;
        if (c->b[4] == 0)
            break;
    }
    for (size_t i = 0; i < n; i++)
        assert_int_equal(follow[i], n - 1 - i); /* reports to follow counts down */
    /* every segment was answered and nothing more is on its way */
    simsec_idle(s, 3000);
    assert_int_equal(s->tx_state, 0);
    assert_true(s->ts_segments_in >= 2 * *nseg);
    simsec_free(s);
    free(s);
    out[len] = '\0';
    *nrep = n;
    return len;
}

static void config_info_texts(void **state)
{
    fx_t *fx = *state;
    char text[512];
    size_t nrep, nseg;
    /* seed 002 Parameter 7's description, 101 bytes: two reports (64 + 37 text
     * bytes); the first, 69 bytes, does not fit a 46-byte frame and comes in
     * Transport Service segments (issue 5), the second in one frame */
    const char *p7 = "Determines minimum change in current (A) that will result in sending new power report. "
                     "(Value * 0.1A)";
    assert_int_equal(info_text(fx, 7, text, &nrep, &nseg), strlen(p7));
    assert_string_equal(text, p7);
    assert_int_equal(nrep, 2);
    assert_int_equal(nseg, 1);
    /* Parameter 1: the description and the seed's four option values, 115
     * bytes: 64 + 51, both reports segmented */
    info_text(fx, 1, text, &nrep, &nseg);
    assert_int_equal(nrep, 2);
    assert_int_equal(nseg, 2);
    assert_non_null(strstr(text, "Define LED behavior"));
    assert_non_null(strstr(text, "3: LED Always On"));
    /* Parameter 6: 59 bytes, one report, segmented (64 bytes) */
    info_text(fx, 6, text, &nrep, &nseg);
    assert_int_equal(nrep, 1);
    assert_int_equal(nseg, 1);
    assert_string_equal(text, "Determines the minimum time before sending new power report");
    ask(fx, B(0x70, 0x0C, 0x00, 0x63), B(0x70, 0x0D, 0x00, 0x63, 0x00));
}

static void config_ranges_enforced(void **state)
{
    fx_t *fx = *state;
    /* parameter 5 (index 4): 5..50 */
    cfg_set(fx, 4, 1, 4);
    cfg_get_is(fx, 4, 5);
    cfg_set(fx, 4, 1, 51);
    cfg_get_is(fx, 4, 5);
    cfg_set(fx, 4, 1, 50);
    cfg_get_is(fx, 4, 50);
    /* parameter 2 (index 1): 4 bytes, 0..65535; a 1- or 2-byte Set is refused */
    cfg_set(fx, 1, 4, 65536);
    cfg_get_is(fx, 1, 0);
    cfg_set(fx, 1, 2, 30);
    cfg_get_is(fx, 1, 0);
    cfg_set(fx, 1, 4, 65535);
    cfg_get_is(fx, 1, 65535);
    /* parameter 1: option 3 accepted, 4 refused; 2-byte value refused */
    cfg_set(fx, 0, 1, 3);
    cfg_get_is(fx, 0, 3);
    cfg_set(fx, 0, 1, 4);
    cfg_get_is(fx, 0, 3);
    /* parameter 7 (1..10) and 8 (1..100): 0 refused */
    cfg_set(fx, 6, 1, 0);
    cfg_get_is(fx, 6, 1);
    cfg_set(fx, 7, 1, 0);
    cfg_get_is(fx, 7, 1);
    cfg_set(fx, 7, 1, 100);
    cfg_get_is(fx, 7, 100);
    /* 0xFF in a 1-byte parameter is 255 unsigned: out of 0..2 for parameter 4 */
    cfg_set(fx, 3, 1, 0xFF);
    cfg_get_is(fx, 3, 0);
    /* the default flag restores parameter 5's default 5 */
    tell(fx, B(0x70, 0x04, 0x05, 0x81, 0x00));
    cfg_get_is(fx, 4, 5);
    /* supervised: out of range -> FAIL, value unchanged; in range -> SUCCESS */
    ask(fx, B(0x6C, 0x01, 0x11, 0x08, 0x70, 0x04, 0x06, 0x04, 0x00, 0x01, 0x00, 0x00),
        B(0x6C, 0x02, 0x11, 0x02, 0x00));
    cfg_get_is(fx, 5, 5);
    ask(fx, B(0x6C, 0x01, 0x12, 0x08, 0x70, 0x04, 0x06, 0x04, 0x00, 0x00, 0x00, 0x0A),
        B(0x6C, 0x02, 0x12, 0xFF, 0x00));
    cfg_get_is(fx, 5, 10);
    /* unknown parameter: FAIL */
    ask(fx, B(0x6C, 0x01, 0x13, 0x05, 0x70, 0x04, 0x09, 0x01, 0x01), B(0x6C, 0x02, 0x13, 0x02, 0x00));
    /* Default Reset: every parameter back to its default */
    tell(fx, B(0x70, 0x01));
    for (size_t i = 0; i < NP; i++)
        cfg_get_is(fx, i, P[i].def);
}

static void config_bulk(void **state)
{
    fx_t *fx = *state;
    /* Bulk Get 1..8: one report per run of same-size parameters (1 | 2,3 | 4,5 | 6 | 7,8) */
    got_t g;
    xfer(fx, B(0x70, 0x08, 0x00, 0x01, 0x08), &g);
    only(&g, 0x70, 0x09);
    assert_int_equal(g.n, 5);
    got_is(&g, 0, B(0x70, 0x09, 0x00, 0x01, 0x01, 0x04, 0x81, 0x00));
    got_is(&g, 1, B(0x70, 0x09, 0x00, 0x02, 0x02, 0x03, 0x84, 0, 0, 0, 0, 0, 0, 0, 0));
    got_is(&g, 2, B(0x70, 0x09, 0x00, 0x04, 0x02, 0x02, 0x81, 0x00, 0x05));
    got_is(&g, 3, B(0x70, 0x09, 0x00, 0x06, 0x01, 0x01, 0x84, 0x00, 0x00, 0x00, 0x05));
    got_is(&g, 4, B(0x70, 0x09, 0x00, 0x07, 0x02, 0x00, 0x81, 0x01, 0x01));
    /* Bulk Set 7..8 = 3, 50 with handshake: answered by a Bulk Report, not default */
    xfer(fx, B(0x70, 0x07, 0x00, 0x07, 0x02, 0x41, 0x03, 0x32), &g);
    only(&g, 0x70, 0x09);
    assert_int_equal(g.n, 1);
    got_is(&g, 0, B(0x70, 0x09, 0x00, 0x07, 0x02, 0x00, 0x41, 0x03, 0x32));
    cfg_get_is(fx, 6, 3);
    cfg_get_is(fx, 7, 50);
    /* all or nothing: 4..5 = 1, 4 (parameter 5 below its minimum 5) changes neither */
    tell(fx, B(0x70, 0x07, 0x00, 0x04, 0x02, 0x01, 0x01, 0x04));
    cfg_get_is(fx, 3, 0);
    cfg_get_is(fx, 4, 5);
    /* a size that is not every parameter's (1..2 are 1 and 4 bytes): refused */
    tell(fx, B(0x70, 0x07, 0x00, 0x01, 0x02, 0x01, 0x01, 0x01));
    cfg_get_is(fx, 0, 0);
    /* Bulk Set with the default flag */
    tell(fx, B(0x70, 0x07, 0x00, 0x07, 0x02, 0x81, 0x00, 0x00));
    cfg_get_is(fx, 6, 1);
    cfg_get_is(fx, 7, 1);
}

/* ---- supervision, switch, group 2 ---- */

static void supervision_and_switch(void **state)
{
    fx_t *fx = *state;
    got_t g;
    /* supervised Binary Switch Set on: SUCCESS (after the meter's change reports to the Lifeline) */
    xfer(fx, B(0x6C, 0x01, 0x05, 0x03, 0x25, 0x01, 0xFF), &g);
    int s = find(&g, 0x6C, 0x02);
    assert_true(s >= 0);
    got_is(&g, (size_t)s, B(0x6C, 0x02, 0x05, 0xFF, 0x00));
    assert_true(find(&g, 0x32, 0x02) >= 0); /* the power went from 0 to about 100 W */
    ask(fx, B(0x25, 0x02), B(0x25, 0x03, 0xFF, 0xFF, 0x00));
    /* off, plainly */
    xfer(fx, B(0x25, 0x01, 0x00), &g);
    assert_int_equal(find(&g, 0x25, 0x03), -1); /* a remote Set draws no Switch Report */
    ask(fx, B(0x25, 0x02), B(0x25, 0x03, 0x00, 0x00, 0x00));
    /* the same session again: re-answered, not re-executed (the plug stays off) */
    ask(fx, B(0x6C, 0x01, 0x05, 0x03, 0x25, 0x01, 0xFF), B(0x6C, 0x02, 0x05, 0xFF, 0x00));
    ask(fx, B(0x25, 0x02), B(0x25, 0x03, 0x00, 0x00, 0x00));
    /* unknown command (Multilevel Switch Set) and the v3 Version Capabilities Get: NO_SUPPORT */
    ask(fx, B(0x6C, 0x01, 0x06, 0x03, 0x26, 0x01, 0x63), B(0x6C, 0x02, 0x06, 0x00, 0x00));
    ask(fx, B(0x6C, 0x01, 0x07, 0x02, 0x86, 0x15), B(0x6C, 0x02, 0x07, 0x00, 0x00));
    /* a reserved Binary Switch value: FAIL */
    ask(fx, B(0x6C, 0x01, 0x08, 0x03, 0x25, 0x01, 0x64), B(0x6C, 0x02, 0x08, 0x02, 0x00));
    /* Basic v1 */
    ask(fx, B(0x20, 0x02), B(0x20, 0x03, 0x00));
}

static void group2_basic_set_and_stdin(void **state)
{
    fx_t *fx = *state;
    got_t g;
    /* group 2 (seed: "Basic Set", 5 nodes) -> node 3, a switch, and the controller */
    tell(fx, B(0x8E, 0x01, 0x02, 0x03, 0x01));
    ask(fx, B(0x8E, 0x02, 0x02), B(0x8E, 0x03, 0x02, 0x05, 0x00, 0x03, 0x01));
    xfer(fx, B(0x25, 0x01, 0xFF), &g);
    assert_true(g.n >= 1);
    got_is(&g, 0, B(0x20, 0x01, 0xFF)); /* Basic Set On to the controller */
    got_t g3;
    xfer_to(fx, 3, B(0x25, 0x02), &g3); /* node 3 switched on by the Basic Set */
    only(&g3, 0x25, 0x03);
    assert_int_equal(g3.n, 1);
    got_is(&g3, 0, B(0x25, 0x03, 0xFF));
    /* the button: "node 2 off" -> Lifeline Binary Switch Report, Basic Set Off to group 2 */
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 off"), 0);
    collect(fx, NODE, 500, &g);
    int r = find(&g, 0x25, 0x03);
    assert_true(r >= 0);
    got_is(&g, (size_t)r, B(0x25, 0x03, 0x00, 0x00, 0x00));
    int b = find(&g, 0x20, 0x01);
    assert_true(b >= 0);
    got_is(&g, (size_t)b, B(0x20, 0x01, 0x00));
    xfer_to(fx, 3, B(0x25, 0x02), &g3);
    got_is(&g3, 0, B(0x25, 0x03, 0x00));
}

/* ---- association ---- */

static void association_and_agi(void **state)
{
    fx_t *fx = *state;
    /* pre-included: the controller is in the Lifeline (group 1, 5 nodes max) */
    ask(fx, B(0x85, 0x02, 0x01), B(0x85, 0x03, 0x01, 0x05, 0x00, 0x01));
    ask(fx, B(0x8E, 0x02, 0x01), B(0x8E, 0x03, 0x01, 0x05, 0x00, 0x01));
    ask(fx, B(0x85, 0x05), B(0x85, 0x06, 0x02));
    ask(fx, B(0x8E, 0x05), B(0x8E, 0x06, 0x02));
    ask(fx, B(0x85, 0x0B), B(0x85, 0x0C, 0x00));
    /* MCA: nodes 3, 4 and endpoint 5:1 in group 2; plain Association Get shows the nodes */
    tell(fx, B(0x8E, 0x01, 0x02, 0x03, 0x04, 0x00, 0x05, 0x01));
    ask(fx, B(0x8E, 0x02, 0x02), B(0x8E, 0x03, 0x02, 0x05, 0x00, 0x03, 0x04, 0x00, 0x05, 0x01));
    ask(fx, B(0x85, 0x02, 0x02), B(0x85, 0x03, 0x02, 0x05, 0x00, 0x03, 0x04));
    /* full at 5: 6, 7, 8 -> only 6 and 7 fit */
    tell(fx, B(0x85, 0x01, 0x02, 0x06, 0x07, 0x08));
    ask(fx, B(0x85, 0x02, 0x02), B(0x85, 0x03, 0x02, 0x05, 0x00, 0x03, 0x04, 0x06, 0x07));
    /* remove node 4 and the endpoint; then group 0 with no nodes empties every group */
    tell(fx, B(0x8E, 0x04, 0x02, 0x04, 0x00, 0x05, 0x01));
    ask(fx, B(0x8E, 0x02, 0x02), B(0x8E, 0x03, 0x02, 0x05, 0x00, 0x03, 0x06, 0x07));
    tell(fx, B(0x85, 0x04, 0x00));
    ask(fx, B(0x85, 0x02, 0x01), B(0x85, 0x03, 0x01, 0x05, 0x00));
    ask(fx, B(0x85, 0x02, 0x02), B(0x85, 0x03, 0x02, 0x05, 0x00));
    /* a group the plug does not have: Set refused, Get answered for group 1 */
    tell(fx, B(0x85, 0x01, 0x03, 0x01));
    tell(fx, B(0x85, 0x01, 0x01, 0x01));
    ask(fx, B(0x85, 0x02, 0x09), B(0x85, 0x03, 0x01, 0x05, 0x00, 0x01));
    /* AGI: names from the seed, profiles, command lists */
    ask(fx, B(0x59, 0x01, 0x01), B(0x59, 0x02, 0x01, 0x08, 'L', 'i', 'f', 'e', 'l', 'i', 'n', 'e'));
    ask(fx, B(0x59, 0x01, 0x02), B(0x59, 0x02, 0x02, 0x09, 'B', 'a', 's', 'i', 'c', ' ', 'S', 'e', 't'));
    ask(fx, B(0x59, 0x03, 0x40, 0x00),
        B(0x59, 0x04, 0x82, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00));
    ask(fx, B(0x59, 0x03, 0x00, 0x02), B(0x59, 0x04, 0x01, 0x02, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00));
    ask(fx, B(0x59, 0x05, 0x00, 0x01), B(0x59, 0x06, 0x01, 0x08, 0x25, 0x03, 0x32, 0x02, 0x71, 0x05, 0x5A, 0x01));
    ask(fx, B(0x59, 0x05, 0x00, 0x02), B(0x59, 0x06, 0x02, 0x02, 0x20, 0x01));
}

/* ---- indicator ---- */

static void indicator_identify(void **state)
{
    fx_t *fx = *state;
    /* node identify (0x50): on/off period, cycles, on time */
    ask(fx, B(0x87, 0x04, 0x00), B(0x87, 0x05, 0x50, 0x00, 0x01, 0x38));
    ask(fx, B(0x87, 0x04, 0x50), B(0x87, 0x05, 0x50, 0x00, 0x01, 0x38));
    ask(fx, B(0x87, 0x04, 0x01), B(0x87, 0x05, 0x00, 0x00, 0x00));
    /* identify: 0.8 s period, 3 cycles, 0.6 s on */
    tell(fx, B(0x87, 0x01, 0x00, 0x03, 0x50, 0x03, 0x08, 0x50, 0x04, 0x03, 0x50, 0x05, 0x06));
    ask(fx, B(0x87, 0x02, 0x50), B(0x87, 0x03, 0x00, 0x03, 0x50, 0x03, 0x08, 0x50, 0x04, 0x03, 0x50, 0x05, 0x06));
    /* done after 3 x 0.8 s (24 ms at --time-scale 100) */
    usleep(200000);
    ask(fx, B(0x87, 0x02, 0x50), B(0x87, 0x03, 0x00, 0x03, 0x50, 0x03, 0x00, 0x50, 0x04, 0x00, 0x50, 0x05, 0x00));
    /* the v1 form: indicator 0 */
    tell(fx, B(0x87, 0x01, 0x63));
    ask(fx, B(0x87, 0x02), B(0x87, 0x03, 0x63));
    tell(fx, B(0x87, 0x01, 0x64)); /* reserved value refused */
    ask(fx, B(0x87, 0x02), B(0x87, 0x03, 0x63));
    ask(fx, B(0x87, 0x06, 0x50), B(0x87, 0x07, 0x50, 0x00));
}

/* ---- notification and meter ---- */

static void next_from_node(fx_t *fx, got_t *g, int ms)
{
    collect(fx, NODE, ms, g);
}

/* Index of the first Meter Report of this scale in g (ticks may add
 * unsolicited reports of other scales), or -1. */
static int find_meter(const got_t *g, uint8_t scale)
{
    for (size_t i = 0; i < g->n; i++)
        if (g->len[i] >= 4 && g->cmd[i][0] == 0x32 && g->cmd[i][1] == 0x02 &&
            ((g->cmd[i][2] >> 7) << 2 | (g->cmd[i][3] >> 3 & 3)) == scale)
            return (int)i;
    return -1;
}

static void notification_power_alarms(void **state)
{
    fx_t *fx = *state;
    /* Power Management (type 8) with over-current (6) and over-load (8) */
    ask(fx, B(0x71, 0x07), B(0x71, 0x08, 0x02, 0x00, 0x01));
    ask(fx, B(0x71, 0x01, 0x08), B(0x71, 0x02, 0x08, 0x02, 0x40, 0x01));
    ask(fx, B(0x71, 0x01, 0x07), B(0x71, 0x02, 0x07, 0x00));
    ask(fx, B(0x71, 0x04, 0x00, 0x08, 0x00), B(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x00, 0x00));
    got_t g;
    xfer(fx, B(0x25, 0x01, 0xFF), &g);
    /* over-load from the device: notification, the plug switches itself off */
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 overload"), 0);
    next_from_node(fx, &g, 500);
    assert_true(g.n >= 2);
    got_is(&g, 0, B(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x08, 0x00));
    got_is(&g, 1, B(0x25, 0x03, 0x00, 0x00, 0x00));
    int w = find_meter(&g, 2); /* the power drops to 0 W */
    assert_true(w >= 0);
    got_is(&g, (size_t)w, B(0x32, 0x02, 0x21, 0x34, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00));
    ask(fx, B(0x71, 0x04, 0x00, 0x08, 0x00), B(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x08, 0x00));
    /* on again: the alarm clears (idle, event parameter = the cleared event) */
    xfer(fx, B(0x25, 0x01, 0xFF), &g);
    int n = find(&g, 0x71, 0x05);
    assert_true(n >= 0);
    got_is(&g, (size_t)n, B(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x00, 0x01, 0x08));
    /* 2000 W at 120 V is over 15 A: over-current trips it */
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 load 2000"), 0);
    next_from_node(fx, &g, 500);
    assert_true(g.n >= 2);
    got_is(&g, 0, B(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x06, 0x00));
    got_is(&g, 1, B(0x25, 0x03, 0x00, 0x00, 0x00));
    /* notifications off: the next alarm is silent */
    tell(fx, B(0x71, 0x06, 0x08, 0x00));
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 overload"), 0);
    next_from_node(fx, &g, 500);
    assert_int_equal(find(&g, 0x71, 0x05), -1);
}

/* Meter Get of one scale: returns the value, checks the v5 layout. */
static int32_t meter_get(fx_t *fx, uint8_t scale, uint8_t precision, uint8_t size)
{
    uint8_t get[] = {0x32, 0x01, (uint8_t)(scale << 3)};
    got_t g;
    xfer(fx, get, sizeof get, &g);
    int i = find_meter(&g, scale);
    assert_true(i >= 0);
    const uint8_t *c = g.cmd[i];
    /* scale bit 2 in byte 2 bit 7; rate type import (1) << 5; electric 1 */
    assert_int_equal(c[2], (uint8_t)((scale & 4) << 5 | 0x20 | 0x01));
    assert_int_equal(c[3], (uint8_t)(precision << 5 | (scale & 3) << 3 | size));
    int32_t v = 0;
    for (uint8_t k = 0; k < size; k++)
        v = (int32_t)((uint32_t)v << 8 | c[4 + k]);
    if (size == 2)
        v = (int16_t)v;
    return v;
}

static void meter_v5(void **state)
{
    fx_t *fx = *state;
    got_t g;
    /* electric, reset supported, import; scales kWh (0), W (2), V (4), A (5) */
    ask(fx, B(0x32, 0x03), B(0x32, 0x04, 0xA1, 0x35));
    /* off: 0 W, 0 A; the mains around 120 V */
    assert_int_equal(meter_get(fx, 2, 1, 4), 0);
    assert_int_equal(meter_get(fx, 5, 2, 2), 0);
    int32_t v = meter_get(fx, 4, 1, 2);
    assert_true(v >= 1185 && v <= 1215);
    assert_int_equal(meter_get(fx, 0, 2, 4), 0);
    /* on with 1500 W plugged in: about 1500 W, 12.5 A */
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 load 1500"), 0);
    usleep(50000);
    xfer(fx, B(0x25, 0x01, 0xFF), &g);
    int32_t w = meter_get(fx, 2, 1, 4);
    assert_true(w >= 14850 && w <= 15150);
    int32_t a = meter_get(fx, 5, 2, 2);
    assert_true(a >= 1220 && a <= 1280);
    /* energy: 1500 W for 10 s device time per tick = 0.0042 kWh; parameter 8
     * (0.01 kWh) is crossed on the third tick, 300 ms at --time-scale 100 */
    collect(fx, NODE, 800, &g);
    int k = find_meter(&g, 0);
    assert_true(k >= 0);
    /* kWh report: precision 2, size 4, value 0.01, a delta time since the
     * start (the first report), previous value 0 */
    assert_int_equal(g.len[k], 14);
    assert_memory_equal(g.cmd[k], ((const uint8_t[]){0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x01}), 8);
    assert_true(g.cmd[k][8] << 8 | g.cmd[k][9]);
    assert_memory_equal(g.cmd[k] + 10, ((const uint8_t[]){0, 0, 0, 0}), 4);
    assert_true(meter_get(fx, 0, 2, 4) >= 1);
    /* Meter Reset (v2-v5: no fields): the energy back to 0 */
    xfer(fx, B(0x25, 0x01, 0x00), &g);
    tell(fx, B(0x32, 0x05));
    assert_int_equal(meter_get(fx, 0, 2, 4), 0);
    /* every parameter-6 minutes (5, default): all four scales; 3 s here */
    collect(fx, NODE, 3500, &g);
    int seen = 0;
    for (size_t i = 0; i < g.n; i++)
        if (g.cmd[i][0] == 0x32 && g.cmd[i][1] == 0x02)
            seen |= 1 << ((g.cmd[i][2] >> 7) << 2 | (g.cmd[i][3] >> 3 & 3));
    assert_int_equal(seen, 0x35);
}

/* Parameters 2 and 3 (minutes; 600 ms at --time-scale 100), and the
 * factory reset from the button. */
static void auto_timers_and_reset(void **state)
{
    fx_t *fx = *state;
    got_t g;
    cfg_set(fx, 1, 4, 1); /* auto turn-off after 1 minute */
    cfg_set(fx, 2, 4, 1); /* auto turn-on after 1 minute */
    uint64_t t0 = sim_now_ms();
    xfer(fx, B(0x25, 0x01, 0xFF), &g);
    /* off by itself (Lifeline Switch Report), then on again by itself */
    assert_int_equal(collect_until(fx, NODE, 3000, &g, B(0x25, 0x03, 0x00, 0x00, 0x00)), 1);
    assert_true(sim_now_ms() - t0 >= 550);
    assert_int_equal(collect_until(fx, NODE, 3000, &g, B(0x25, 0x03, 0xFF, 0xFF, 0x00)), 1);
    assert_true(sim_now_ms() - t0 >= 1100);
    /* disabled (0) at once, 600 ms before the next auto turn-off: the pending
     * timer stays quiet, and the plug stays where a Set puts it */
    cfg_set(fx, 1, 4, 0);
    cfg_set(fx, 2, 4, 0);
    xfer(fx, B(0x25, 0x01, 0x00), &g);
    collect(fx, NODE, 1500, &g);
    assert_int_equal(find(&g, 0x25, 0x03), -1);
    ask(fx, B(0x25, 0x02), B(0x25, 0x03, 0x00, 0x00, 0x00));
    /* reset: Device Reset Locally Notification to the Lifeline, then factory state */
    assert_int_equal(sim_proc_stdin(&fx->p, "node 2 reset"), 0);
    collect(fx, NODE, 500, &g);
    int r = find(&g, 0x5A, 0x01);
    assert_true(r >= 0);
    got_is(&g, (size_t)r, B(0x5A, 0x01));
    ask(fx, B(0x85, 0x02, 0x01), B(0x85, 0x03, 0x01, 0x05, 0x00));
    cfg_get_is(fx, 1, 0);
    cfg_get_is(fx, 2, 0);
}

/* Same --seed, same measurements. */
static void meter_deterministic(void **state)
{
    (void)state;
    int32_t first[3] = {0};
    for (int run = 0; run < 2; run++) {
        void *st = NULL;
        const char *args[] = {"--seed", "99", "--report-order", "before", "--devices", "n4003:2", NULL};
        assert_int_equal(fx_start(&st, args), 0);
        fx_t *fx = st;
        got_t g;
        xfer(fx, B(0x25, 0x01, 0xFF), &g);
        int32_t v[3] = {meter_get(fx, 2, 1, 4), meter_get(fx, 4, 1, 2), meter_get(fx, 5, 2, 2)};
        assert_true(v[0] >= 990 && v[0] <= 1010); /* 100 W default load, +-1 % */
        if (run == 0)
            memcpy(first, v, sizeof v);
        else
            assert_memory_equal(first, v, sizeof v);
        assert_int_equal(fx_stop(&st), 0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nif_and_identity, setup, fx_stop),
        cmocka_unit_test_setup_teardown(config_properties_names_defaults, setup, fx_stop),
        cmocka_unit_test_setup_teardown(config_info_texts, setup, fx_stop),
        cmocka_unit_test_setup_teardown(config_ranges_enforced, setup, fx_stop),
        cmocka_unit_test_setup_teardown(config_bulk, setup, fx_stop),
        cmocka_unit_test_setup_teardown(supervision_and_switch, setup, fx_stop),
        cmocka_unit_test_setup_teardown(group2_basic_set_and_stdin, setup, fx_stop),
        cmocka_unit_test_setup_teardown(association_and_agi, setup, fx_stop),
        cmocka_unit_test_setup_teardown(indicator_identify, setup_fast, fx_stop),
        cmocka_unit_test_setup_teardown(notification_power_alarms, setup, fx_stop),
        cmocka_unit_test_setup_teardown(meter_v5, setup_fast, fx_stop),
        cmocka_unit_test_setup_teardown(auto_timers_and_reset, setup_fast, fx_stop),
        cmocka_unit_test(meter_deterministic),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
