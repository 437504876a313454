/* KEX, including controller. Flow (security reference 3.11):
 *   KEX Get -> KEX Report -> [user grants] -> KEX Set -> Public Key B ->
 *   Public Key A [+ PIN from the user] -> ECDH/temp key -> echo KEX Set (temp) ->
 *   echo KEX Report (temp) -> per key: Network Key Get/Report (temp),
 *   Verify (new key), Transfer End (temp) -> final Transfer End (temp). */
#include <string.h>
#include "security/dsk.h"
#include "security/kex.h"
#include "util/bytes.h"

#define AUTH_KEYS (ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL)
#define LR_KEYS AUTH_KEYS

/* classes the controller can hand out: those its key store holds */
static uint8_t available_keys(const zwh__kex_t *m)
{
    static const uint8_t bits[] = {ZWH_KEY_S2_UNAUTHENTICATED, ZWH_KEY_S2_AUTHENTICATED,
                                   ZWH_KEY_S2_ACCESS_CONTROL, ZWH_KEY_S0};
    uint8_t have = 0;
    for (size_t i = 0; i < sizeof bits; i++)
        if (zwh__keystore_key(m->cfg.keys, zwh__kex_key_class(m, bits[i])))
            have |= bits[i];
    return m->cfg.long_range ? (uint8_t)(have & LR_KEYS) : have;
}

static int c_start(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t get[] = {ZWH__CC_S2, ZWH__S2_KEX_GET};
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, get, sizeof get);
    zwh__kex_arm(m, ev->now, m->cfg.timers.ta1);
    return 0;
}

static int c_kex_report(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_NONE)
        return ZWH__KEX_STAY;
    const uint8_t *f = ev->frame;
    memcpy(m->kex_report, f + 2, sizeof m->kex_report);
    if (!(f[3] & ZWH__KEX_SCHEME_1))
        return ZWH__KEX_FAIL_KEX_SCHEME;
    if (!(f[4] & ZWH__KEX_CURVE_25519))
        return ZWH__KEX_FAIL_KEX_CURVES;
    uint8_t req = f[5] & ZWH_KEY_ALL;
    if (m->cfg.long_range)
        req &= LR_KEYS;
    if (!req)
        return ZWH__KEX_FAIL_KEX_KEY;
    m->requested = req;
    zwh__kex_action_t a = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_GRANT_REQUEST,
                           .keys = req, .csa = (f[2] & ZWH__KEX_FLAG_CSA) != 0};
    zwh__kex_emit(out, &a);
    zwh__kex_arm(m, ev->now, m->cfg.timers.tai1);
    return 0;
}

static int c_grant(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (!ev->keys)
        return ZWH__KEX_FAIL_CANCEL; /* the user refused the node */
    uint8_t granted = ev->keys & m->requested & available_keys(m);
    if (!granted)
        return ZWH__KEX_FAIL_KEX_KEY;
    m->granted = granted;
    m->csa = ev->flag && (m->kex_report[0] & ZWH__KEX_FLAG_CSA);
    m->kex_set[0] = m->csa ? ZWH__KEX_FLAG_CSA : 0;
    m->kex_set[1] = ZWH__KEX_SCHEME_1;
    m->kex_set[2] = ZWH__KEX_CURVE_25519;
    m->kex_set[3] = granted;
    const uint8_t set[] = {ZWH__CC_S2, ZWH__S2_KEX_SET, m->kex_set[0], m->kex_set[1],
                           m->kex_set[2], m->kex_set[3]};
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, set, sizeof set);
    zwh__kex_arm(m, ev->now, m->cfg.timers.ta2);
    return 0;
}

static int c_public_key(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_NONE || (f[2] & 0x01))
        return ZWH__KEX_STAY; /* encrypted, or claims to come from an including node */
    memcpy(m->pub_peer, f + 3, 32);
    int rc = m->cfg.has_private_key ? 0 : zwh__random_bytes(m->priv, sizeof m->priv);
    if (m->cfg.has_private_key)
        memcpy(m->priv, m->cfg.private_key, sizeof m->priv);
    if (rc == 0)
        rc = zwh__x25519_public(m->priv, m->pub_local);
    if (rc)
        return ZWH__KEX_FAIL_CANCEL;
    uint8_t pk[35] = {ZWH__CC_S2, ZWH__S2_PUBLIC_KEY_REPORT, 0x01};
    memcpy(pk + 3, m->pub_local, 32);
    if (m->csa)
        memset(pk + 3, 0, 4); /* CSA: the user types these on the node */
    m->window_end = ev->now + m->cfg.timers.tai2;
    m->deadline = m->window_end;
    if ((m->granted & AUTH_KEYS) && !m->csa) {
        zwh__kex_send(m, out, ZWH_SECCLASS_NONE, pk, sizeof pk);
        memcpy(m->shown, m->pub_peer, sizeof m->shown);
        m->shown[0] = m->shown[1] = 0; /* obfuscated on air; the PIN restores them */
        zwh__kex_action_t a = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_PIN_REQUEST,
                               .data = m->shown, .len = sizeof m->shown};
        zwh__kex_emit(out, &a);
        return 0; /* -> C_WAIT_PIN */
    }
    rc = zwh__kex_derive_temp(m, out); /* first: a failure must not follow our key out */
    if (rc)
        return rc;
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, pk, sizeof pk);
    if (m->csa) {
        memcpy(m->shown, m->pub_local, 4);
        zwh__kex_action_t a = {.type = ZWH__KEX_ACT_EVENT, .event = ZWH__KEX_EV_CSA_DISPLAY,
                               .data = m->shown, .len = 4};
        zwh__kex_emit(out, &a);
    }
    return ZWH__KEX_GOTO(ZWH__KEX_C_WAIT_ECHO_KEX_SET);
}

static int c_pin(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    zwh__dsk_pin_put(m->pub_peer, ev->v[0]);
    return zwh__kex_derive_temp(m, out);
}

static void send_echo_kex_report(zwh__kex_t *m, zwh__kex_out_t *out)
{
    const uint8_t rep[] = {ZWH__CC_S2, ZWH__S2_KEX_REPORT,
                           (uint8_t)(m->kex_report[0] | ZWH__KEX_FLAG_ECHO), m->kex_report[1],
                           m->kex_report[2], m->kex_report[3]};
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, rep, sizeof rep);
}

static int check_echo_kex_set(const zwh__kex_t *m, const zwh__kex_ev_t *ev)
{
    const uint8_t *f = ev->frame;
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH; /* the echo must prove the temporary key */
    if (f[2] != (m->kex_set[0] | ZWH__KEX_FLAG_ECHO) || memcmp(f + 3, m->kex_set + 1, 3) != 0)
        return ZWH__KEX_FAIL_AUTH;
    return 0;
}

static int c_echo_kex_set(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    int rc = check_echo_kex_set(m, ev);
    if (rc)
        return rc;
    send_echo_kex_report(m, out);
    zwh__kex_arm(m, ev->now, m->cfg.timers.ta3);
    return 0;
}

/* the node repeats its echo KEX Set because our echo KEX Report got lost */
static int c_echo_kex_set_again(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (m->keys_done || m->key_pending)
        return ZWH__KEX_STAY;
    int rc = check_echo_kex_set(m, ev);
    if (rc)
        return rc;
    send_echo_kex_report(m, out);
    return ZWH__KEX_STAY;
}

static int c_key_get(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH;
    uint8_t bit = ev->frame[2];
    if (!bit || (bit & (bit - 1)) || !(bit & m->granted))
        return ZWH__KEX_FAIL_KEY_GET; /* not one granted class */
    const uint8_t *key = zwh__keystore_key(m->cfg.keys, zwh__kex_key_class(m, bit));
    if (!key)
        return ZWH__KEX_FAIL_KEY_GET;
    uint8_t rep[19] = {ZWH__CC_S2, ZWH__S2_NETWORK_KEY_REPORT, bit};
    memcpy(rep + 3, key, 16);
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, rep, sizeof rep);
    zwh__secure_zero(rep, sizeof rep);
    /* the node may now talk under this class (its Verify); revoked on failure */
    zwh__kex_action_t share = {.type = ZWH__KEX_ACT_NET_KEY, .keys = bit,
                               .secclass = (int8_t)zwh__kex_key_class(m, bit)};
    zwh__kex_emit(out, &share);
    m->keys_loaded |= bit;
    m->key_pending = bit;
    zwh__kex_arm(m, ev->now, m->cfg.timers.ta4);
    return 0;
}

static int c_key_verify(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != zwh__kex_key_class(m, m->key_pending))
        return ZWH__KEX_FAIL_KEY_VERIFY; /* not proven with the key just sent */
    m->keys_done |= m->key_pending;
    m->key_pending = 0;
    const uint8_t te[] = {ZWH__CC_S2, ZWH__S2_TRANSFER_END, ZWH__TRANSFER_END_VERIFIED};
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, te, sizeof te);
    zwh__kex_arm(m, ev->now, m->keys_done == m->granted ? m->cfg.timers.ta5 : m->cfg.timers.ta3);
    return 0;
}

static int c_transfer_end(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH;
    if (!(ev->frame[2] & ZWH__TRANSFER_END_COMPLETE))
        return ZWH__KEX_STAY;
    if (m->keys_done != m->granted)
        return ZWH__KEX_FAIL_KEY_VERIFY; /* ended before every granted key was verified */
    return 0;
}

static int c_decrypt_failed(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    return ZWH__KEX_FAIL_DECRYPT; /* wrong PIN: the echo KEX Set cannot be read */
}

static int c_verify_undecryptable(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    return ZWH__KEX_FAIL_KEY_VERIFY;
}

/* Timers while keys are moving: a missing Verify or final Transfer End is a
 * failed verification (zwave-js); before that, a timeout cancels. */
static int c_timeout_keys(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    return zwh__kex_timeout_with(m, out, m->keys_done || m->key_pending ? ZWH__KEX_FAIL_KEY_VERIFY
                                                                        : ZWH__KEX_FAIL_CANCEL);
}

#define S(x) ZWH__KEX_##x
#define E(x) ZWH__KEV_##x
const zwh__kex_row_t zwh__kex_controller_table[] = {
    {S(IDLE), E(START), c_start, S(C_WAIT_KEX_REPORT)},
    {S(C_WAIT_KEX_REPORT), E(RX_KEX_REPORT), c_kex_report, S(C_WAIT_GRANT)},
    {S(C_WAIT_GRANT), E(GRANT), c_grant, S(C_WAIT_PUBLIC_KEY)},
    {S(C_WAIT_PUBLIC_KEY), E(RX_PUBLIC_KEY), c_public_key, S(C_WAIT_PIN)},
    {S(C_WAIT_PIN), E(PIN), c_pin, S(C_WAIT_ECHO_KEX_SET)},
    {S(C_WAIT_ECHO_KEX_SET), E(RX_ECHO_KEX_SET), c_echo_kex_set, S(C_WAIT_KEY_GET)},
    {S(C_WAIT_ECHO_KEX_SET), E(DECRYPT_FAIL), c_decrypt_failed, S(FAILED)},
    {S(C_WAIT_KEY_GET), E(RX_ECHO_KEX_SET), c_echo_kex_set_again, S(C_WAIT_KEY_GET)},
    {S(C_WAIT_KEY_GET), E(RX_KEY_GET), c_key_get, S(C_WAIT_KEY_VERIFY)},
    {S(C_WAIT_KEY_GET), E(RX_TRANSFER_END), c_transfer_end, S(DONE)},
    {S(C_WAIT_KEY_GET), E(TIMEOUT), c_timeout_keys, S(FAILED)},
    {S(C_WAIT_KEY_VERIFY), E(RX_KEY_VERIFY), c_key_verify, S(C_WAIT_KEY_GET)},
    {S(C_WAIT_KEY_VERIFY), E(DECRYPT_FAIL), c_verify_undecryptable, S(FAILED)},
    {S(C_WAIT_KEY_VERIFY), E(TIMEOUT), c_timeout_keys, S(FAILED)},
    /* any running state */
    {ZWH__KEX_ANY_STATE, E(RX_KEX_FAIL), zwh__kex_on_remote_fail, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(CANCEL), zwh__kex_on_cancel, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(TIMEOUT), zwh__kex_on_timeout, S(FAILED)},
};
const size_t zwh__kex_controller_rows =
    sizeof zwh__kex_controller_table / sizeof zwh__kex_controller_table[0];
