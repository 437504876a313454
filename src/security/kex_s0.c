/* S0 bootstrapping on the KEX engine (security reference 2.5), both roles:
 *   controller: Scheme Get -> [Scheme Report] -> Network Key Set under the
 *               all-zero key -> [Network Key Verify under the new key]
 *   node:       [Scheme Get] -> Scheme Report -> [Network Key Set] ->
 *               Network Key Verify under the new key
 * Nonce Get/Report are the S0 engine's business. Each step waits timers.s0. */
#include <string.h>
#include "security/kex.h"
#include "util/bytes.h"

#define SCHEME_0_SUPPORTED 0x00 /* bit0 clear = scheme 0 (inverted sense) */

static int c0_start(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    const uint8_t get[] = {ZWH__CC_S0, ZWH__S0B_SCHEME_GET, SCHEME_0_SUPPORTED};
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, get, sizeof get);
    zwh__kex_arm(m, ev->now, m->cfg.timers.s0);
    return 0;
}

static int c0_scheme_report(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_NONE)
        return ZWH__KEX_STAY;
    if (ev->frame[2] & 0x01)
        return ZWH__KEX_FAIL_KEX_SCHEME; /* the node does not offer scheme 0 */
    const uint8_t *key = zwh__keystore_key(m->cfg.keys, ZWH_SECCLASS_S0);
    uint8_t set[18] = {ZWH__CC_S0, ZWH__S0B_NETWORK_KEY_SET};
    memcpy(set + 2, key, 16);
    zwh__kex_send(m, out, ZWH_SECCLASS_TEMP, set, sizeof set); /* under the all-zero key */
    zwh__secure_zero(set, sizeof set);
    zwh__kex_action_t share = {.type = ZWH__KEX_ACT_NET_KEY, .keys = ZWH_KEY_S0,
                               .secclass = ZWH_SECCLASS_S0};
    zwh__kex_emit(out, &share);
    m->granted = ZWH_KEY_S0;
    m->keys_loaded = ZWH_KEY_S0;
    m->key_pending = ZWH_KEY_S0;
    zwh__kex_arm(m, ev->now, m->cfg.timers.s0);
    return 0;
}

static int c0_verify(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_S0)
        return ZWH__KEX_FAIL_KEY_VERIFY; /* must prove the new key */
    m->keys_done = ZWH_KEY_S0;
    return 0;
}

static int n0_start(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    zwh__kex_arm(m, ev->now, m->cfg.timers.s0);
    return 0;
}

static int n0_scheme_get(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_NONE)
        return ZWH__KEX_STAY;
    if (ev->frame[2] & 0x01)
        return ZWH__KEX_FAIL_KEX_SCHEME;
    zwh__kex_action_t zero = {.type = ZWH__KEX_ACT_TEMP_KEY, .secclass = ZWH_SECCLASS_TEMP};
    zwh__kex_emit(out, &zero); /* accept the all-zero key for the Network Key Set */
    const uint8_t rep[] = {ZWH__CC_S0, ZWH__S0B_SCHEME_REPORT, SCHEME_0_SUPPORTED};
    zwh__kex_send(m, out, ZWH_SECCLASS_NONE, rep, sizeof rep);
    zwh__kex_arm(m, ev->now, m->cfg.timers.s0);
    return 0;
}

static int n0_key_set(zwh__kex_t *m, const zwh__kex_ev_t *ev, zwh__kex_out_t *out)
{
    if (ev->secclass != ZWH_SECCLASS_TEMP)
        return ZWH__KEX_FAIL_AUTH; /* a network key must never travel in clear */
    memcpy(m->netkey, ev->frame + 2, sizeof m->netkey);
    zwh__kex_action_t load = {.type = ZWH__KEX_ACT_NET_KEY, .secclass = ZWH_SECCLASS_S0,
                              .keys = ZWH_KEY_S0, .data = m->netkey, .len = sizeof m->netkey};
    zwh__kex_emit(out, &load);
    m->granted = m->keys_loaded = m->keys_done = ZWH_KEY_S0;
    const uint8_t verify[] = {ZWH__CC_S0, ZWH__S0B_NETWORK_KEY_VERIFY};
    zwh__kex_send(m, out, ZWH_SECCLASS_S0, verify, sizeof verify);
    return 0;
}

#define S(x) ZWH__KEX_##x
#define E(x) ZWH__KEV_##x
const zwh__kex_row_t zwh__kex_s0_controller_table[] = {
    {S(IDLE), E(START), c0_start, S(S0C_WAIT_SCHEME_REPORT)},
    {S(S0C_WAIT_SCHEME_REPORT), E(RX_S0_SCHEME_REPORT), c0_scheme_report, S(S0C_WAIT_KEY_VERIFY)},
    {S(S0C_WAIT_KEY_VERIFY), E(RX_S0_KEY_VERIFY), c0_verify, S(DONE)},
    {ZWH__KEX_ANY_STATE, E(CANCEL), zwh__kex_on_cancel, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(TIMEOUT), zwh__kex_on_timeout, S(FAILED)},
};
const size_t zwh__kex_s0_controller_rows =
    sizeof zwh__kex_s0_controller_table / sizeof zwh__kex_s0_controller_table[0];

const zwh__kex_row_t zwh__kex_s0_node_table[] = {
    {S(IDLE), E(START), n0_start, S(S0N_WAIT_SCHEME_GET)},
    {S(S0N_WAIT_SCHEME_GET), E(RX_S0_SCHEME_GET), n0_scheme_get, S(S0N_WAIT_KEY_SET)},
    {S(S0N_WAIT_KEY_SET), E(RX_S0_KEY_SET), n0_key_set, S(DONE)},
    {ZWH__KEX_ANY_STATE, E(CANCEL), zwh__kex_on_cancel, S(FAILED)},
    {ZWH__KEX_ANY_STATE, E(TIMEOUT), zwh__kex_on_timeout, S(FAILED)},
};
const size_t zwh__kex_s0_node_rows = sizeof zwh__kex_s0_node_table / sizeof zwh__kex_s0_node_table[0];
