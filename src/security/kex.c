/* KEX engine shared by both roles: input parsing, table dispatch, the failure
 * path (KEX Fail, key drop, wipe), timers and the temporary-key derivation. */
#include "security/kex.h"

#include <string.h>
#include "security/crypto.h"
#include "util/bytes.h"
#include "zwhost/error.h"

#define NO_DEADLINE UINT64_MAX

static const char *const k_state_names[] = {
#define ZWH__KEX_STATE_NAME_(n) #n,
    ZWH__KEX_STATES(ZWH__KEX_STATE_NAME_)
#undef ZWH__KEX_STATE_NAME_
};

const char *zwh__kex_state_name(int state)
{
    return state >= 0 && state < ZWH__KEX_STATE_COUNT ? k_state_names[state] : "?";
}

const char *zwh__kex_fail_name(int fail)
{
    static const char *const names[] = {
        [ZWH__KEX_FAIL_KEX_KEY] = "KEX_KEY",       [ZWH__KEX_FAIL_KEX_SCHEME] = "KEX_SCHEME",
        [ZWH__KEX_FAIL_KEX_CURVES] = "KEX_CURVES", [ZWH__KEX_FAIL_DECRYPT] = "DECRYPT",
        [ZWH__KEX_FAIL_CANCEL] = "CANCEL",         [ZWH__KEX_FAIL_AUTH] = "AUTH",
        [ZWH__KEX_FAIL_KEY_GET] = "KEY_GET",       [ZWH__KEX_FAIL_KEY_VERIFY] = "KEY_VERIFY",
        [ZWH__KEX_FAIL_KEY_REPORT] = "KEY_REPORT",
    };
    if (fail > 0 && (size_t)fail < sizeof names / sizeof names[0] && names[fail])
        return names[fail];
    return "UNKNOWN";
}

void zwh__kex_timers_default(zwh__kex_timers_t *t)
{
    t->ta1 = t->ta2 = t->ta3 = t->ta4 = t->ta5 = 10000;
    t->tai1 = t->tai2 = 240000;
    t->tb1 = 30000;
    t->tb2 = 240000;
    t->tb3 = t->tb4 = t->tb5 = 10000;
    t->tbi1 = 240000;
    t->s0 = 10000;
}

static bool timers_unset(const zwh__kex_timers_t *t)
{
    static const zwh__kex_timers_t zero;
    return memcmp(t, &zero, sizeof zero) == 0;
}

int zwh__kex_init(zwh__kex_t *m, const zwh__kex_config_t *cfg)
{
    if (!m || !cfg || cfg->role < 0 || cfg->role >= ZWH__KEX_ROLE_COUNT)
        return ZWH_EINVAL;
    if (cfg->role == ZWH__KEX_ROLE_CONTROLLER && !cfg->keys)
        return ZWH_EINVAL;
    if (cfg->role == ZWH__KEX_ROLE_S0_CONTROLLER && !zwh__keystore_key(cfg->keys, ZWH_SECCLASS_S0))
        return ZWH_EINVAL;
    if (cfg->role == ZWH__KEX_ROLE_NODE && (!cfg->has_private_key || !cfg->request_keys ||
                                            (cfg->request_keys & ~ZWH_KEY_ALL)))
        return ZWH_EINVAL;
    memset(m, 0, sizeof *m);
    m->cfg = *cfg;
    if (timers_unset(&m->cfg.timers))
        zwh__kex_timers_default(&m->cfg.timers);
    m->state = ZWH__KEX_IDLE;
    m->deadline = NO_DEADLINE;
    return 0;
}

void zwh__kex_clear(zwh__kex_t *m)
{
    if (m)
        zwh__secure_zero(m, sizeof *m);
}

uint64_t zwh__kex_deadline(const zwh__kex_t *m) { return m->deadline; }

bool zwh__kex_finished(const zwh__kex_t *m)
{
    return m->state == ZWH__KEX_DONE || m->state == ZWH__KEX_FAILED;
}

/* ---- helpers for the role files ---------------------------------------------- */

void zwh__kex_emit(zwh__kex_out_t *out, const zwh__kex_action_t *a)
{
    if (out->n < ZWH__KEX_MAX_ACTIONS)
        out->a[out->n++] = *a;
}

void zwh__kex_send(zwh__kex_t *m, zwh__kex_out_t *out, int secclass, const uint8_t *cmd, size_t len)
{
    if (len > sizeof m->tx)
        return;
    memcpy(m->tx, cmd, len);
    m->tx_len = len;
    zwh__kex_action_t a = {.type = ZWH__KEX_ACT_SEND, .secclass = (int8_t)secclass,
                           .data = m->tx, .len = len};
    zwh__kex_emit(out, &a);
}

void zwh__kex_arm(zwh__kex_t *m, uint64_t now, uint32_t ms)
{
    m->deadline = now + ms;
}

uint8_t zwh__kex_lowest_key(uint8_t keys)
{
    return (uint8_t)(keys & (uint8_t)-keys);
}

int zwh__kex_key_class(const zwh__kex_t *m, uint8_t key_bit)
{
    switch (key_bit) {
    case ZWH_KEY_S2_UNAUTHENTICATED: return ZWH_SECCLASS_S2_UNAUTHENTICATED;
    case ZWH_KEY_S2_AUTHENTICATED:
        return m->cfg.long_range ? ZWH_SECCLASS_S2_LR_AUTHENTICATED : ZWH_SECCLASS_S2_AUTHENTICATED;
    case ZWH_KEY_S2_ACCESS_CONTROL:
        return m->cfg.long_range ? ZWH_SECCLASS_S2_LR_ACCESS_CONTROL : ZWH_SECCLASS_S2_ACCESS_CONTROL;
    case ZWH_KEY_S0: return ZWH_SECCLASS_S0;
    default: return ZWH_SECCLASS_NONE;
    }
}

int zwh__kex_derive_temp(zwh__kex_t *m, zwh__kex_out_t *out)
{
    uint8_t shared[32];
    bool ctrl = m->cfg.role == ZWH__KEX_ROLE_CONTROLLER;
    const uint8_t *pub_a = ctrl ? m->pub_local : m->pub_peer;
    const uint8_t *pub_b = ctrl ? m->pub_peer : m->pub_local;
    int rc = zwh__x25519_shared(m->priv, m->pub_peer, shared);
    if (rc == 0)
        rc = zwh__s2_expand_temp_key(shared, pub_a, pub_b, &m->temp);
    zwh__secure_zero(shared, sizeof shared);
    if (rc)
        return ZWH__KEX_FAIL_KEX_CURVES; /* the peer's key is not a usable point */
    zwh__kex_action_t a = {.type = ZWH__KEX_ACT_TEMP_KEY, .secclass = ZWH_SECCLASS_TEMP,
                           .temp_keys = &m->temp};
    zwh__kex_emit(out, &a);
    return 0;
}

/* ---- failure and success ------------------------------------------------------- */

/* Called when the bootstrap ends. What this last step's actions still point at
 * (a key the caller must load) survives until the next call on the machine or
 * zwh__kex_clear(); everything else goes now. */
static void wipe_secrets(zwh__kex_t *m, const zwh__kex_out_t *out)
{
    bool keep_temp = false, keep_netkey = false;
    for (size_t i = 0; i < out->n; i++) {
        keep_temp |= out->a[i].temp_keys == &m->temp;
        keep_netkey |= out->a[i].data == m->netkey;
    }
    zwh__secure_zero(m->priv, sizeof m->priv);
    if (!keep_temp)
        zwh__secure_zero(&m->temp, sizeof m->temp);
    if (!keep_netkey)
        zwh__secure_zero(m->netkey, sizeof m->netkey);
    m->wipe_pending = keep_temp || keep_netkey;
    /* tx may still hold a KEX Fail or final Transfer End the caller is about to
     * send; a Network Key Report never survives the final step */
    if (m->tx_len >= 2 && m->tx[1] == ZWH__S2_NETWORK_KEY_REPORT)
        zwh__secure_zero(m->tx, sizeof m->tx);
}

#define ABORT_SEND 1
#define ABORT_REMOTE 2
#define ABORT_TIMEOUT 4

static void abort_kex(zwh__kex_t *m, zwh__kex_out_t *out, int fail, unsigned how)
{
    bool s0 = m->cfg.role == ZWH__KEX_ROLE_S0_CONTROLLER || m->cfg.role == ZWH__KEX_ROLE_S0_NODE;
    if ((how & ABORT_SEND) && !s0) { /* S0 has no failure command */
        const uint8_t f[3] = {ZWH__CC_S2, ZWH__S2_KEX_FAIL, (uint8_t)fail};
        zwh__kex_send(m, out, ZWH_SECCLASS_NONE, f, sizeof f);
    }
    zwh__kex_action_t drop = {.type = ZWH__KEX_ACT_DROP_KEYS, .keys = m->keys_loaded};
    zwh__kex_emit(out, &drop);
    zwh__kex_action_t ev = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_FAILED,
                            .fail = (uint8_t)fail, .remote = (how & ABORT_REMOTE) != 0,
                            .timeout = (how & ABORT_TIMEOUT) != 0};
    zwh__kex_emit(out, &ev);
    m->fail = (uint8_t)fail;
    m->granted = m->keys_done = m->keys_loaded = 0;
    m->state = ZWH__KEX_FAILED;
    m->deadline = NO_DEADLINE;
    wipe_secrets(m, out);
}

static void succeed(zwh__kex_t *m, zwh__kex_out_t *out)
{
    zwh__kex_action_t drop = {.type = ZWH__KEX_ACT_DROP_KEYS, .keys = 0};
    zwh__kex_emit(out, &drop);
    zwh__kex_action_t ev = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_DONE,
                            .keys = m->keys_done};
    zwh__kex_emit(out, &ev);
    m->deadline = NO_DEADLINE;
    wipe_secrets(m, out);
}

/* Every entry point starts here: a fresh output, and the keys the previous (final)
 * step handed out are wiped now that the caller had them. */
static void begin(zwh__kex_t *m, zwh__kex_out_t *out)
{
    out->n = 0;
    if (m->wipe_pending) {
        zwh__secure_zero(&m->temp, sizeof m->temp);
        zwh__secure_zero(m->netkey, sizeof m->netkey);
        m->wipe_pending = false;
    }
}

/* ---- dispatch ------------------------------------------------------------------- */

static const zwh__kex_row_t *find_row(const zwh__kex_t *m, int event)
{
    const zwh__kex_row_t *t;
    size_t n;
    switch (m->cfg.role) {
    case ZWH__KEX_ROLE_CONTROLLER: t = zwh__kex_controller_table; n = zwh__kex_controller_rows; break;
    case ZWH__KEX_ROLE_NODE: t = zwh__kex_node_table; n = zwh__kex_node_rows; break;
    case ZWH__KEX_ROLE_S0_CONTROLLER: t = zwh__kex_s0_controller_table; n = zwh__kex_s0_controller_rows; break;
    default: t = zwh__kex_s0_node_table; n = zwh__kex_s0_node_rows; break;
    }
    bool running = m->state != ZWH__KEX_IDLE && !zwh__kex_finished(m);
    for (size_t i = 0; i < n; i++) {
        if (t[i].event != event)
            continue;
        if (t[i].state == m->state || (t[i].state == ZWH__KEX_ANY_STATE && running))
            return &t[i];
    }
    return NULL;
}

static int dispatch(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (!m || !out)
        return ZWH_EINVAL;
    begin(m, out);
    const zwh__kex_row_t *row = find_row(m, ev->type);
    if (!row)
        return 0; /* not expected now: ignored */
    int rc = row->action ? row->action(m, ev, out) : 0;
    if (rc == ZWH__KEX_STAY)
        return 0;
    if (rc > 0 && rc < ZWH__KEX_STAY) {
        abort_kex(m, out, rc, ABORT_SEND);
        return 0;
    }
    if (rc & ZWH__KEX_GOTO_FLAG)
        m->state = (uint8_t)(rc & 0xFF);
    else
        m->state = row->next;
    if (m->state == ZWH__KEX_DONE)
        succeed(m, out);
    return 0;
}

/* wildcard actions used by both tables */
int zwh__kex_on_remote_fail(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_NONE && ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_STAY;
    int fail = ev->frame[2];
    abort_kex(m, out, fail ? fail : ZWH__KEX_FAIL_CANCEL, ABORT_REMOTE); /* 0 is no type */
    return ZWH__KEX_STAY;
}

int zwh__kex_on_cancel(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    return ZWH__KEX_FAIL_CANCEL;
}

int zwh__kex_timeout_with(zwh__kex_t *m, zwh__kex_out_t *out, int fail)
{
    abort_kex(m, out, fail, ABORT_SEND | ABORT_TIMEOUT);
    return ZWH__KEX_STAY;
}

int zwh__kex_on_timeout(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    return zwh__kex_timeout_with(m, out, ZWH__KEX_FAIL_CANCEL);
}

/* ---- entry points ------------------------------------------------------------ */

typedef struct rx_kind {
    uint8_t cc;
    uint8_t cmd;
    uint8_t min_len;
    uint8_t event;
    uint8_t echo_event; /* for KEX Report/Set with the echo flag */
} rx_kind_t;

static const rx_kind_t k_rx[] = {
    {ZWH__CC_S2, ZWH__S2_KEX_GET, 2, ZWH__KEV_RX_KEX_GET, 0},
    {ZWH__CC_S2, ZWH__S2_KEX_REPORT, 6, ZWH__KEV_RX_KEX_REPORT, ZWH__KEV_RX_ECHO_KEX_REPORT},
    {ZWH__CC_S2, ZWH__S2_KEX_SET, 6, ZWH__KEV_RX_KEX_SET, ZWH__KEV_RX_ECHO_KEX_SET},
    {ZWH__CC_S2, ZWH__S2_KEX_FAIL, 3, ZWH__KEV_RX_KEX_FAIL, 0},
    {ZWH__CC_S2, ZWH__S2_PUBLIC_KEY_REPORT, 35, ZWH__KEV_RX_PUBLIC_KEY, 0},
    {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_GET, 3, ZWH__KEV_RX_KEY_GET, 0},
    {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_REPORT, 19, ZWH__KEV_RX_KEY_REPORT, 0},
    {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_VERIFY, 2, ZWH__KEV_RX_KEY_VERIFY, 0},
    {ZWH__CC_S2, ZWH__S2_TRANSFER_END, 3, ZWH__KEV_RX_TRANSFER_END, 0},
    {ZWH__CC_S0, ZWH__S0B_SCHEME_GET, 3, ZWH__KEV_RX_S0_SCHEME_GET, 0},
    {ZWH__CC_S0, ZWH__S0B_SCHEME_REPORT, 3, ZWH__KEV_RX_S0_SCHEME_REPORT, 0},
    {ZWH__CC_S0, ZWH__S0B_NETWORK_KEY_SET, 18, ZWH__KEV_RX_S0_KEY_SET, 0},
    {ZWH__CC_S0, ZWH__S0B_NETWORK_KEY_VERIFY, 2, ZWH__KEV_RX_S0_KEY_VERIFY, 0},
};

int zwh__kex_input(zwh__kex_t *m, const uint8_t *frame, size_t len, int secclass, uint64_t now,
                   zwh__kex_out_t *out)
{
    if (!m || !out || (!frame && len))
        return ZWH_EINVAL;
    begin(m, out);
    if (len < 2)
        return 0;
    for (size_t i = 0; i < sizeof k_rx / sizeof k_rx[0]; i++) {
        if (k_rx[i].cc != frame[0] || k_rx[i].cmd != frame[1])
            continue;
        if (len < k_rx[i].min_len)
            return 0; /* truncated: dropped */
        zwh__kex_ev_t ev = {.type = k_rx[i].event, .frame = frame, .len = len,
                            .secclass = secclass, .now = now};
        if (k_rx[i].echo_event && (frame[2] & ZWH__KEX_FLAG_ECHO))
            ev.type = k_rx[i].echo_event;
        return dispatch(m, &ev, out);
    }
    return 0;
}

static int simple(zwh__kex_t *m, int type, uint64_t now, zwh__kex_out_t *out)
{
    zwh__kex_ev_t ev = {.type = type, .secclass = ZWH_SECCLASS_NONE, .now = now};
    return dispatch(m, &ev, out);
}

int zwh__kex_start(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out)
{
    return simple(m, ZWH__KEV_START, now, out);
}

int zwh__kex_decrypt_failed(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out)
{
    return simple(m, ZWH__KEV_DECRYPT_FAIL, now, out);
}

int zwh__kex_cancel(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out)
{
    return simple(m, ZWH__KEV_CANCEL, now, out);
}

int zwh__kex_timeout(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out)
{
    if (!m || !out)
        return ZWH_EINVAL;
    begin(m, out);
    if (now < m->deadline)
        return 0;
    return simple(m, ZWH__KEV_TIMEOUT, now, out);
}

int zwh__kex_grant(zwh__kex_t *m, uint8_t allowed_keys, bool allow_csa, uint64_t now,
                   zwh__kex_out_t *out)
{
    zwh__kex_ev_t ev = {.type = ZWH__KEV_GRANT, .secclass = ZWH_SECCLASS_NONE, .now = now,
                        .keys = allowed_keys, .flag = allow_csa};
    return dispatch(m, &ev, out);
}

int zwh__kex_pin(zwh__kex_t *m, uint16_t pin, uint64_t now, zwh__kex_out_t *out)
{
    zwh__kex_ev_t ev = {.type = ZWH__KEV_PIN, .secclass = ZWH_SECCLASS_NONE, .now = now,
                        .v = {pin, 0}};
    return dispatch(m, &ev, out);
}

int zwh__kex_csa(zwh__kex_t *m, uint16_t group1, uint16_t group2, uint64_t now, zwh__kex_out_t *out)
{
    zwh__kex_ev_t ev = {.type = ZWH__KEV_CSA, .secclass = ZWH_SECCLASS_NONE, .now = now,
                        .v = {group1, group2}};
    return dispatch(m, &ev, out);
}
