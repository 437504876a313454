/* zwh-sim transports: TCP serves one host at a time, again and again, keeping
 * the network; the pty works like a serial port; stdin EOF does not stop it;
 * the random answer order is reproducible with --seed. */
#include "sim_fixture.h"

#include <sys/stat.h>

static void second_host_waits_and_network_persists(void **state)
{
    const char *args[] = {"--seed", "7", "--pending", "switch", NULL};
    assert_int_equal(fx_start(state, args), 0);
    fx_t *fx = *state;
    /* include a node on the first connection */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x01, 0x01));
    sim_frame_t f;
    for (int i = 0; i < 4; i++)
        assert_int_equal(sim_client_frame(&fx->c, 2000, &f), 1);
    assert_int_equal(f.payload[1], 0x05);
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x00));

    /* a second host connects meanwhile: it is not served yet */
    sim_client_t c2;
    assert_int_equal(sim_client_connect(&c2, fx->p.port), 0);
    assert_int_equal(sim_client_send(&c2, 0x00, 0x56, NULL, 0), 0);
    assert_true(sim_client_quiet(&c2, 300));
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));

    /* the first leaves: the second is served, starting with the frame it sent early */
    sim_client_close(&fx->c);
    fx->c = c2;
    assert_int_equal(sim_client_next(&fx->c, 1000, &f), ZWH__FEV_ACK);
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    assert_int_equal(f.func, 0x56);
    sim_frame_t res;
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    assert_int_equal(res.payload[3], 0x03); /* node 2 was included on the first connection */

    /* and a third connection after that one */
    sim_client_close(&fx->c);
    assert_int_equal(sim_client_connect(&fx->c, fx->p.port), 0);
    assert_int_equal(sim_client_request(&fx->c, 0x02, NULL, 0, &res, 1000), 34);
    assert_int_equal(res.payload[3], 0x03);
    /* stdin reaching EOF does not stop the simulator */
    close(fx->p.in_fd);
    fx->p.in_fd = open("/dev/null", O_WRONLY);
    usleep(100000);
    fx_res(fx, 0x56, NULL, 0, FX_BYTES(0x01));
    assert_int_equal(fx_stop(state), 0);
}

static void pty_with_link(void **state)
{
    (void)state;
    char link[64];
    snprintf(link, sizeof link, "/tmp/zwh-sim-test-%d", (int)getpid());
    const char *args[] = {"--pty", "--link", link, "--seed", "1", "--devices", "switch:2", NULL};
    fx_t fx;
    memset(&fx, 0, sizeof fx);
    assert_int_equal(sim_proc_start(&fx.p, args), 0);
    assert_true(strncmp(fx.p.pty, "/dev/pts/", 9) == 0);
    char target[128] = {0};
    assert_true(readlink(link, target, sizeof target - 1) > 0);
    assert_string_equal(target, fx.p.pty);
    assert_int_equal(sim_client_open_pty(&fx.c, link), 0);
    const uint8_t ver[] = {'Z', '-', 'W', 'a', 'v', 'e', ' ', '7', '.', '1', '9', 0x00, 0x01};
    fx_res(&fx, 0x15, NULL, 0, ver, sizeof ver);
    fx_res(&fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, 0x01), FX_BYTES(0x01));
    sim_frame_t a, b;
    assert_int_equal(sim_client_frame(&fx.c, 1000, &a), 1);
    assert_int_equal(sim_client_frame(&fx.c, 1000, &b), 1);
    /* bytes through the pty arrive unchanged (raw mode): NAK on a bad checksum */
    sim_client_write(&fx.c, FX_BYTES(0x01, 0x03, 0x00, 0x15, 0x00));
    assert_int_equal(sim_client_next(&fx.c, 1000, &a), ZWH__FEV_NAK);
    /* the host closes the port and opens it again */
    sim_client_close(&fx.c);
    assert_int_equal(sim_client_open_pty(&fx.c, fx.p.pty), 0);
    fx_res(&fx, 0x15, NULL, 0, ver, sizeof ver);
    sim_client_close(&fx.c);
    assert_int_equal(sim_proc_stop(&fx.p), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), -1); /* link removed at exit */
}

/* the order of (callback, node answer) over 12 SendData, as a string */
static void order_pattern(const char *seed, char *out, size_t n)
{
    const char *args[] = {"--seed", seed, "--devices", "switch:2", NULL};
    void *st = NULL;
    assert_int_equal(fx_start(&st, args), 0);
    fx_t *fx = st;
    for (size_t i = 0; i < n; i++) {
        fx_res(fx, 0x13, FX_BYTES(0x02, 0x02, 0x25, 0x02, 0x25, (uint8_t)(i + 1)), FX_BYTES(0x01));
        sim_frame_t a, b;
        assert_int_equal(sim_client_frame(&fx->c, 1000, &a), 1);
        assert_int_equal(sim_client_frame(&fx->c, 1000, &b), 1);
        assert_int_not_equal(a.func, b.func);
        out[i] = a.func == 0x13 ? 'C' : 'R';
    }
    out[n] = '\0';
    assert_int_equal(fx_stop(&st), 0);
}

static void random_report_order_is_seeded(void **state)
{
    (void)state;
    char a[13], b[13];
    order_pattern("11", a, 12);
    order_pattern("11", b, 12);
    assert_string_equal(a, b);
    /* both orders occur */
    assert_non_null(strchr(a, 'C'));
    assert_non_null(strchr(a, 'R'));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(second_host_waits_and_network_persists),
        cmocka_unit_test(pty_with_link),
        cmocka_unit_test(random_report_order_is_seeded),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
