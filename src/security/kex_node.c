/* KEX, joining node (what a device — or zwhost's simulator — does). Flow:
 *   [KEX Get] -> KEX Report -> [KEX Set] -> Public Key B (PIN bytes zeroed for
 *   Authenticated/Access Control) -> [Public Key A] (+ CSA input) -> temp key ->
 *   echo KEX Set (temp, repeated every TB3 until TBI1) -> [echo KEX Report] ->
 *   per granted key, lowest first: Network Key Get (temp) -> [Report] ->
 *   Verify (new key) -> [Transfer End] -> final Transfer End (temp). */
#include <string.h>
#include "security/kex.h"
#include "util/bytes.h"

#define AUTH_KEYS (ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL)

static int n_start(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    int rc = zwh__x25519_public(m->cfg.private_key, m->pub_local);
    if (rc)
        return ZWH__KEX_FAIL_CANCEL;
    memcpy(m->priv, m->cfg.private_key, sizeof m->priv);
    m->requested = m->cfg.request_keys;
    m->kex_report[0] = m->cfg.request_csa ? ZWH__KEX_FLAG_CSA : 0;
    m->kex_report[1] = ZWH__KEX_SCHEME_1;
    m->kex_report[2] = ZWH__KEX_CURVE_25519;
    m->kex_report[3] = m->requested;
    zwh__kex_arm(m, ev->now, m->cfg.timers.tb1);
    return 0;
}

static void send_kex_report(zwh__kex_t *m, zwh__kex_out_t *out, uint8_t echo, int secclass)
{
    const uint8_t rep[] = {ZWH__CC_S2, ZWH__S2_KEX_REPORT, (uint8_t)(m->kex_report[0] | echo),
                           m->kex_report[1], m->kex_report[2], m->kex_report[3]};
    zwh__kex_send(m, out, secclass, rep, sizeof rep);
}

static int n_kex_get(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_NONE)
        return ZWH__KEX_STAY;
    send_kex_report(m, out, 0, ZWH_SECCLASS_NONE);
    zwh__kex_arm(m, ev->now, m->cfg.timers.tb2);
    return 0;
}

/* a repeated KEX Get (our report was lost): answer again, keep the TB2 window */
static int n_kex_get_again(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass == ZWH_SECCLASS_NONE)
        send_kex_report(m, out, 0, ZWH_SECCLASS_NONE);
    return ZWH__KEX_STAY;
}

static int n_kex_set(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_NONE)
        return ZWH__KEX_STAY;
    if (f[3] != ZWH__KEX_SCHEME_1)
        return ZWH__KEX_FAIL_KEX_SCHEME; /* exactly one scheme must be selected */
    if (f[4] != ZWH__KEX_CURVE_25519)
        return ZWH__KEX_FAIL_KEX_CURVES;
    uint8_t keys = f[5];
    if (!keys || (keys & ~m->requested))
        return ZWH__KEX_FAIL_KEX_KEY; /* granted something we did not ask for */
    if (m->cfg.long_range && (keys & ~AUTH_KEYS))
        return ZWH__KEX_FAIL_KEX_KEY;
    bool csa = (f[2] & ZWH__KEX_FLAG_CSA) != 0;
    if (csa && !m->cfg.request_csa)
        return ZWH__KEX_FAIL_AUTH;
    m->csa = csa;
    m->granted = keys;
    memcpy(m->kex_set, f + 2, sizeof m->kex_set);
    uint8_t pk[35] = {ZWH__CC_S2, ZWH__S2_PUBLIC_KEY_REPORT, 0x00};
    memcpy(pk + 3, m->pub_local, 32);
    if ((keys & AUTH_KEYS) && !csa)
        pk[3] = pk[4] = 0; /* the user proves the DSK by typing these as the PIN */
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, pk, sizeof pk);
    zwh__kex_arm(m, ev->now, m->cfg.timers.tb3);
    return 0;
}

static void send_echo_kex_set(zwh__kex_t *m, zwh__kex_out_t *out)
{
    const uint8_t set[] = {ZWH__CC_S2, ZWH__S2_KEX_SET, (uint8_t)(m->kex_set[0] | ZWH__KEX_FLAG_ECHO),
                           m->kex_set[1], m->kex_set[2], m->kex_set[3]};
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, set, sizeof set);
}

static void arm_echo_retry(zwh__kex_t *m, uint64_t now)
{
    uint64_t next = now + m->cfg.timers.tb3;
    m->deadline = next < m->window_end ? next : m->window_end;
}

static int temp_and_echo(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out)
{
    int rc = zwh__kex_derive_temp(m, out);
    if (rc)
        return rc;
    send_echo_kex_set(m, out);
    arm_echo_retry(m, now);
    return 0;
}

static int n_public_key(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_NONE || !(f[2] & 0x01))
        return ZWH__KEX_STAY; /* must be plain and from the including node */
    memcpy(m->pub_peer, f + 3, 32);
    m->window_end = ev->now + m->cfg.timers.tbi1;
    if (m->csa) {
        m->deadline = m->window_end;
        zwh__kex_action_t a = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_CSA_REQUEST};
        zwh__kex_emit(out, &a);
        return ZWH__KEX_GOTO(ZWH__KEX_N_WAIT_CSA);
    }
    return temp_and_echo(m, ev->now, out);
}

static int n_csa(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    m->pub_peer[0] = (uint8_t)(ev->v[0] >> 8);
    m->pub_peer[1] = (uint8_t)ev->v[0];
    m->pub_peer[2] = (uint8_t)(ev->v[1] >> 8);
    m->pub_peer[3] = (uint8_t)ev->v[1];
    return temp_and_echo(m, ev->now, out);
}

/* Retries also cover frames the node could not decrypt: on the node a decrypt
 * failure is usually a SPAN resynchronisation (crossing frames while the
 * controller waits for the PIN), not a wrong key, so it never aborts here; a
 * wrong PIN is the controller's to detect (KEX Fail DECRYPT). */
static int n_echo_retry(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->now >= m->window_end)
        return zwh__kex_timeout_with(m, out, ZWH__KEX_FAIL_CANCEL);
    send_echo_kex_set(m, out);
    arm_echo_retry(m, ev->now);
    return ZWH__KEX_STAY;
}

static void request_key(zwh__kex_t *m, uint64_t now, zwh__kex_out_t *out, uint8_t bit)
{
    const uint8_t get[] = {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_GET, bit};
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, get, sizeof get);
    m->key_pending = bit;
    zwh__kex_arm(m, now, m->cfg.timers.tb4);
}

static int n_echo_kex_report(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH;
    if (f[2] != (m->kex_report[0] | ZWH__KEX_FLAG_ECHO) || memcmp(f + 3, m->kex_report + 1, 3) != 0)
        return ZWH__KEX_FAIL_AUTH; /* what we asked for was changed on the way */
    request_key(m, ev->now, out, zwh__kex_lowest_key(m->granted));
    return 0;
}

static int n_key_report(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH;
    if (f[2] != m->key_pending)
        return ZWH__KEX_FAIL_KEY_REPORT;
    int cls = zwh__kex_key_class(m, m->key_pending);
    memcpy(m->netkey, f + 3, sizeof m->netkey);
    zwh__kex_action_t load = {.type = ZWH__KEX_ACT_NET_KEY, .secclass = (int8_t)cls,
                              .keys = m->key_pending, .data = m->netkey, .len = sizeof m->netkey};
    zwh__kex_emit(out, &load);
    m->keys_loaded |= m->key_pending;
    const uint8_t verify[] = {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_VERIFY};
    zwh__kex_send(m, out, cls, verify, sizeof verify);
    zwh__kex_arm(m, ev->now, m->cfg.timers.tb5);
    return 0;
}

static int n_transfer_end(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH;
    if (!(ev->frame[2] & ZWH__TRANSFER_END_VERIFIED))
        return ZWH__KEX_FAIL_KEY_VERIFY;
    m->keys_done |= m->key_pending;
    m->key_pending = 0;
    zwh__secure_zero(m->netkey, sizeof m->netkey);
    uint8_t next = zwh__kex_lowest_key((uint8_t)(m->granted & ~m->keys_done));
    if (next) {
        request_key(m, ev->now, out, next);
        return ZWH__KEX_GOTO(ZWH__KEX_N_WAIT_KEY_REPORT);
    }
    const uint8_t te[] = {ZWH__CC_S2, ZWH__S2_TRANSFER_END, ZWH__TRANSFER_END_COMPLETE};
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, te, sizeof te);
    return 0;
}

#define S(x) ZWH__KEX_##x
#define E(x) ZWH__KEV_##x
const zwh__kex_row_t zwh__kex_node_table[] = {
    {S(IDLE), E(START), n_start, S(N_WAIT_KEX_GET)},
    {S(N_WAIT_KEX_GET), E(RX_KEX_GET), n_kex_get, S(N_WAIT_KEX_SET)},
    {S(N_WAIT_KEX_SET), E(RX_KEX_GET), n_kex_get_again, S(N_WAIT_KEX_SET)},
    {S(N_WAIT_KEX_SET), E(RX_KEX_SET), n_kex_set, S(N_WAIT_PUBLIC_KEY)},
    {S(N_WAIT_PUBLIC_KEY), E(RX_PUBLIC_KEY), n_public_key, S(N_WAIT_ECHO_KEX_REPORT)},
    {S(N_WAIT_CSA), E(CSA), n_csa, S(N_WAIT_ECHO_KEX_REPORT)},
    {S(N_WAIT_ECHO_KEX_REPORT), E(RX_ECHO_KEX_REPORT), n_echo_kex_report, S(N_WAIT_KEY_REPORT)},
    {S(N_WAIT_ECHO_KEX_REPORT), E(TIMEOUT), n_echo_retry, S(N_WAIT_ECHO_KEX_REPORT)},
    {S(N_WAIT_KEY_REPORT), E(RX_KEY_REPORT), n_key_report, S(N_WAIT_TRANSFER_END)},
    {S(N_WAIT_TRANSFER_END), E(RX_TRANSFER_END), n_transfer_end, S(DONE)},
    /* any running state */
    {ZWH__KEX_ANY_STATE, E(RX_KEX_FAIL), zwh__kex_on_remote_fail, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(CANCEL), zwh__kex_on_cancel, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(TIMEOUT), zwh__kex_on_timeout, S(FAILED)},
};
const size_t zwh__kex_node_rows = sizeof zwh__kex_node_table / sizeof zwh__kex_node_table[0];
