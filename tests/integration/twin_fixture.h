/* Helpers of the test_twin_* integration tests: commands to a virtual node by
 * SendData and what it sends back as ApplicationCommandHandler frames, all as
 * raw Serial API bytes over sim_fixture.h. The sims run with
 * --report-order after, so a SendData's callback comes before the node's
 * answer to it. */
#ifndef ZWH_TEST_TWIN_FIXTURE_H
#define ZWH_TEST_TWIN_FIXTURE_H

#include "sim_fixture.h"

#define TW_TXO 0x25 /* ACK | AUTO_ROUTE | EXPLORE */
#define TW_RSSI 0xC9 /* -55 dBm, the default node RSSI */

/* SendData cmd to nid with callback id cb: RES 01, then the callback with status (0 = ACK). */
static inline void tw_send_status(fx_t *fx, uint8_t nid, uint8_t cb, uint8_t status, const uint8_t *cmd, size_t n)
{
    assert_int_not_equal(cb, 0); /* callback id 0 asks for no callback */
    uint8_t pl[80] = {nid, (uint8_t)n};
    memcpy(pl + 2, cmd, n);
    pl[2 + n] = TW_TXO;
    pl[3 + n] = cb;
    fx_res(fx, 0x13, pl, n + 4, FX_BYTES(0x01));
    fx_expect(fx, 0x13, FX_BYTES(cb, status), 2000);
}

/* next frame must be ApplicationCommandHandler from nid carrying exactly cmd */
static inline void tw_ach(fx_t *fx, uint8_t nid, const uint8_t *cmd, size_t n)
{
    uint8_t want[80] = {0x00, nid, (uint8_t)n};
    memcpy(want + 3, cmd, n);
    want[3 + n] = TW_RSSI;
    fx_expect(fx, 0x04, want, n + 4, 3000);
}

/* next frame must be ApplicationCommandHandler from nid; its command into cmd
 * (the caller checks what varies); returns the command length */
static inline size_t tw_ach_any(fx_t *fx, uint8_t nid, uint8_t *cmd, size_t cap, int timeout_ms)
{
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, timeout_ms, &f), 1);
    assert_int_equal(f.func, 0x04);
    assert_true(f.len >= 4);
    assert_int_equal(f.payload[1], nid);
    size_t n = f.payload[2];
    assert_int_equal(f.len, n + 4);
    assert_true(n <= cap);
    memcpy(cmd, f.payload + 3, n);
    return n;
}

static inline void tw_mem(const uint8_t *got, const uint8_t *want, size_t n)
{
    assert_memory_equal(got, want, n);
}
#define TW_MEM(got, ...) tw_mem((got), FX_BYTES(__VA_ARGS__))

static inline void tw_event(fx_t *fx, const char *line)
{
    assert_int_equal(sim_proc_stdin(&fx->p, line), 0);
}

#define TW_SEND(fx, nid, cb, ...) tw_send_status((fx), (nid), (cb), 0x00, FX_BYTES(__VA_ARGS__))
#define TW_SEND_NOACK(fx, nid, cb, ...) tw_send_status((fx), (nid), (cb), 0x01, FX_BYTES(__VA_ARGS__))
#define TW_ACH(fx, nid, ...) tw_ach((fx), (nid), FX_BYTES(__VA_ARGS__))
#define TW_QUIET(fx, ms) assert_true(sim_client_quiet(&(fx)->c, (ms)))

/* A Get to nid answered by exactly the report */
#define TW_GET(fx, nid, cb, get, ...)                                                                         \
    do {                                                                                                      \
        tw_send_status((fx), (nid), (cb), 0x00, (const uint8_t *)(get), sizeof(get));                         \
        TW_ACH((fx), (nid), __VA_ARGS__);                                                                     \
    } while (0)

/* A configuration parameter as the seed documents it: number, size, min,
 * max, default (unsigned unless the seed says signed). */
typedef struct {
    uint8_t number, size;
    int32_t min, max, def;
} tw_param_t;

static inline size_t tw_be(uint8_t *out, int64_t v, uint8_t size)
{
    for (uint8_t i = 0; i < size; i++)
        out[i] = (uint8_t)((uint64_t)v >> (8 * (size - 1 - i)));
    return size;
}

/* Configuration Get: the report must carry size and value (big endian). */
static inline void tw_config_expect(fx_t *fx, uint8_t nid, uint8_t *cb, uint8_t param, uint8_t size, int64_t value)
{
    const uint8_t get[] = {0x70, 0x05, param};
    tw_send_status(fx, nid, (*cb)++, 0x00, get, sizeof get);
    uint8_t want[8] = {0x70, 0x06, param, size};
    tw_ach(fx, nid, want, 4 + tw_be(want + 4, value, size));
}

/* Configuration Set (plain, no Supervision) of size bytes */
static inline void tw_config_set(fx_t *fx, uint8_t nid, uint8_t *cb, uint8_t param, uint8_t size, int64_t value)
{
    uint8_t set[8] = {0x70, 0x04, param, size};
    tw_send_status(fx, nid, (*cb)++, 0x00, set, 4 + tw_be(set + 4, value, size & 0x07));
}

/* Every documented parameter: its default and size; an in-range Set (max,
 * then min) read back; out-of-range Sets (below min, above max where the size
 * can carry it) and a wrong-size Set ignored with the value unchanged; then
 * the default restored with the Default flag. */
static inline void tw_config_check_all(fx_t *fx, uint8_t nid, uint8_t *cb, const tw_param_t *ps, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        const tw_param_t *p = &ps[i];
        int64_t lim = p->size == 4 ? 0x7FFFFFFF : (1ll << (8 * p->size)) - 1; /* unsigned reach of the size */
        int is_signed = p->min < 0;
        tw_config_expect(fx, nid, cb, p->number, p->size, p->def);
        tw_config_set(fx, nid, cb, p->number, p->size, p->max);
        tw_config_expect(fx, nid, cb, p->number, p->size, p->max);
        tw_config_set(fx, nid, cb, p->number, p->size, p->min);
        tw_config_expect(fx, nid, cb, p->number, p->size, p->min);
        if (!is_signed && p->min > 0) {
            tw_config_set(fx, nid, cb, p->number, p->size, p->min - 1);
            tw_config_expect(fx, nid, cb, p->number, p->size, p->min);
        }
        if (!is_signed && p->max < lim) {
            tw_config_set(fx, nid, cb, p->number, p->size, p->max + 1);
            tw_config_expect(fx, nid, cb, p->number, p->size, p->min);
        }
        /* wrong size: a 1-byte parameter set with 2 bytes, a 2-byte one with 1 */
        tw_config_set(fx, nid, cb, p->number, p->size == 1 ? 2 : 1, p->def);
        tw_config_expect(fx, nid, cb, p->number, p->size, p->min);
        /* the Default flag (size byte bit 7) restores the default */
        tw_config_set(fx, nid, cb, p->number, (uint8_t)(0x80 | p->size), 0);
        tw_config_expect(fx, nid, cb, p->number, p->size, p->def);
    }
}

#endif
