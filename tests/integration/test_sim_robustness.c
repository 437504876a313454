/* Untrusted input: zwh-sim gets a seeded stream of random REQ frames (every
 * function id, random payloads, truncated and oversized fields) and must keep
 * answering, then exit cleanly (the sanitizer build turns any overread into a
 * failure). */
#include "sim_fixture.h"

static uint32_t rnd(uint64_t *s)
{
    *s = *s * 6364136223846793005ull + 1442695040888963407ull;
    return (uint32_t)(*s >> 33);
}

/* ACK whatever data frames arrive within ms */
static void drain(fx_t *fx, int ms)
{
    sim_frame_t f;
    int ev;
    while ((ev = sim_client_next(&fx->c, ms, &f)) > 0)
        if (ev == ZWH__FEV_DATA)
            sim_client_write(&fx->c, FX_BYTES(0x06));
    assert_int_not_equal(ev, -1); /* the connection stays up */
}

static void random_requests_do_not_break_it(void **state)
{
    const char *args[] = {"--seed", "13", "--report-order", "random", "--devices",
                          "switch:2,switch:3:dead,switch:4:flirs,switch:5:sleep=1", "--pending", "switch", NULL};
    assert_int_equal(fx_start(state, args), 0);
    fx_t *fx = *state;
    uint64_t s = 0x5EED;
    static const uint8_t interesting[] = {0x02, 0x03, 0x05, 0x06, 0x07, 0x09, 0x0B, 0x10, 0x13, 0x14, 0x15,
                                          0x16, 0x20, 0x41, 0x46, 0x47, 0x48, 0x4A, 0x4B, 0x51, 0x54, 0x55,
                                          0x56, 0x60, 0x61, 0x62, 0x63, 0x80, 0xDA};
    for (int i = 0; i < 800; i++) {
        uint8_t func = (rnd(&s) % 4) ? interesting[rnd(&s) % sizeof interesting] : (uint8_t)rnd(&s);
        if (func == 0x08 || func == 0x42) /* resets are tested elsewhere; keep the network */
            continue;
        uint8_t pl[80];
        size_t len = rnd(&s) % 3 == 0 ? rnd(&s) % sizeof pl : rnd(&s) % 8;
        for (size_t k = 0; k < len; k++)
            pl[k] = (uint8_t)(rnd(&s) % 3 == 0 ? rnd(&s) % 6 : rnd(&s));
        /* node id mode flips now and then */
        if (func == 0x0B && len >= 2 && rnd(&s) % 2)
            pl[0] = 0x80;
        sim_client_send(&fx->c, (uint8_t)(rnd(&s) % 8 == 0), func, pl, len);
        drain(fx, 3);
    }
    drain(fx, 400);
    print_message("frames from the sim %llu, CAN %llu, NAK %llu\n", (unsigned long long)fx->c.parser.stats.frames,
                  (unsigned long long)fx->c.parser.stats.cans, (unsigned long long)fx->c.parser.stats.naks);
    /* still a working controller */
    fx_res(fx, 0x0B, FX_BYTES(0x80, 0x01), FX_BYTES(0x80, 0x01));
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x15, NULL, 0, &res, 1000), 13);
    assert_int_equal(fx_stop(state), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(random_requests_do_not_break_it),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
