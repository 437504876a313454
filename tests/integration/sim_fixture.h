/* Shared fixture of the test_sim_* integration tests: one zwh-sim process and one
 * raw client connection, plus assertion helpers over sim_client. Header-only so
 * each test executable stays one file plus this. */
#ifndef ZWH_TEST_SIM_FIXTURE_H
#define ZWH_TEST_SIM_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <fcntl.h>
#include <stdio.h>
#include <cmocka.h>

#include "sim_client.h"

typedef struct {
    sim_proc_t p;
    sim_client_t c;
} fx_t;

/* args: NULL-terminated, "--listen tcp://127.0.0.1:0" is added when no transport is given */
static inline int fx_start(void **state, const char *const *args)
{
    fx_t *fx = calloc(1, sizeof *fx);
    const char *all[40] = {"--listen", "tcp://127.0.0.1:0"};
    size_t n = 2;
    for (size_t i = 0; args[i] && n < 39; i++)
        all[n++] = args[i];
    all[n] = NULL;
    if (!fx || sim_proc_start(&fx->p, all) < 0 || sim_client_connect(&fx->c, fx->p.port) < 0) {
        free(fx);
        return -1;
    }
    *state = fx;
    return 0;
}

static inline int fx_stop(void **state)
{
    fx_t *fx = *state;
    sim_client_close(&fx->c);
    int rc = sim_proc_stop(&fx->p);
    free(fx);
    return rc == 0 ? 0 : -1; /* clean exit on SIGTERM, sanitizers quiet */
}

/* REQ -> ACK -> RES equal to want */
static inline void fx_res(fx_t *fx, uint8_t func, const uint8_t *pl, size_t n, const uint8_t *want, size_t wn)
{
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, func, pl, n, &res, 1000), (int)wn);
    assert_memory_equal(res.payload, want, wn);
}

/* REQ that has no RES: just its ACK */
static inline void fx_req_noreply(fx_t *fx, uint8_t func, const uint8_t *pl, size_t n)
{
    sim_frame_t f;
    assert_int_equal(sim_client_send(&fx->c, 0x00, func, pl, n), 0);
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
}

/* next data frame (ACKed) must be REQ func with exactly this payload */
static inline void fx_expect(fx_t *fx, uint8_t func, const uint8_t *want, size_t wn, int timeout_ms)
{
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, timeout_ms, &f), 1);
    assert_int_equal(f.type, 0x00);
    assert_int_equal(f.func, func);
    assert_int_equal(f.len, wn);
    assert_memory_equal(f.payload, want, wn);
}

#define FX_BYTES(...) ((const uint8_t[]){__VA_ARGS__}), sizeof((const uint8_t[]){__VA_ARGS__})

#endif
