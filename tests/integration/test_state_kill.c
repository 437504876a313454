/* Acceptance test of issue 6: "a test kills the process at random points while it
 * saves state (100 runs) and always reloads a valid state".
 *
 * A child process saves two different states (A, B) alternately as fast as it
 * can, through the real file backend (temporary file, fsync, rename, directory
 * fsync). The parent waits until the child has finished one save, lets it run
 * for a random time of up to two save durations, kills it with SIGKILL, and
 * loads the file: it must load, and be exactly A or B. The states are large
 * (about 100 kB) so that a kill lands inside the encoder, the write, the fsync
 * or the rename. Across the runs both A and B must appear; a temporary file a
 * kill left behind must be gone after the load. (Replacing the rename with an
 * in-place rewrite makes this test fail within a few runs.)
 *
 * The seed of the random delays is printed; ZWH_KILL_SEED=N replays a run. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "host/state.h"
#include "zwhost/error.h"

#define RUNS 100
#define NODES 60
#define CACHE_LEN 1500

static zwh__state_t *make_state(int variant)
{
    zwh__state_t *st;
    assert_int_equal(zwh__state_new(&st), 0);
    zwh__state_set_controller(st, variant ? 0xBBBBBBBBu : 0xAAAAAAAAu, 1);
    uint8_t cache[CACHE_LEN];
    for (uint16_t id = 2; id < 2 + NODES; id++) {
        zwh__state_node_t *n;
        assert_int_equal(zwh__state_node_add(st, id, &n), 0);
        zwh_node_info_t f = {.basic = 4, .generic = 0x10, .listening = 1, .routing = 1,
                             .protocol_version = 3, .max_speed = 100000};
        zwh__state_node_set_info(n, &f);
        for (size_t i = 0; i < sizeof cache; i++)
            cache[i] = (uint8_t)(i + id + variant * 101);
        assert_int_equal(zwh__state_node_set_cache(n, cache, sizeof cache), 0);
        zwh__state_node_set_s2_tx_seq(n, (uint8_t)(variant ? id : ~id));
        n->flags = ZWH__STATE_NODE_INTERVIEWED | ZWH__STATE_NODE_INTERVIEW_COMPLETE;
    }
    return st;
}

static uint64_t now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000u + (uint64_t)ts.tv_nsec / 1000u;
}

static uint64_t xorshift(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

static int count_temp_files(const char *dir)
{
    int n = 0;
    DIR *d = opendir(dir);
    struct dirent *e;
    while (d && (e = readdir(d)) != NULL)
        if (strncmp(e->d_name, ".state.tmp-", 11) == 0)
            n++;
    if (d)
        closedir(d);
    return n;
}

static void kill_while_saving(void **state)
{
    (void)state;
    /* A SIGKILL leaves the page cache intact, so what is on trial is the rename
     * protocol, not the disk: tmpfs keeps the 100 runs fast and their timing
     * steady when the disk is busy (ZWH_KILL_DIR picks another place; the unit
     * tests save on /tmp with real fsyncs). */
    const char *where = getenv("ZWH_KILL_DIR");
    if (!where)
        where = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
    char dir[256], path[300];
    snprintf(dir, sizeof dir, "%s/zwh-kill-XXXXXX", where);
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/state", dir);

    zwh__state_t *st[2] = {make_state(0), make_state(1)};
    uint8_t *enc[2];
    size_t enc_len[2];
    for (int v = 0; v < 2; v++)
        assert_int_equal(zwh__state_encode(st[v], &enc[v], &enc_len[v]), 0);

    /* calibrate: how long does one save take here? */
    char err[256];
    uint64_t t0 = now_us();
    for (int i = 0; i < 10; i++)
        assert_int_equal(zwh__state_save_file(path, st[i % 2], err, sizeof err), 0);
    uint64_t save_us = (now_us() - t0) / 10 + 1;

    uint64_t seed = getenv("ZWH_KILL_SEED") ? strtoull(getenv("ZWH_KILL_SEED"), NULL, 0)
                                            : (uint64_t)now_us() | 1u;
    print_message("seed %llu (ZWH_KILL_SEED), in %s, one save takes %llu us\n",
                  (unsigned long long)seed, dir, (unsigned long long)save_us);
    uint64_t rng = seed;
    int seen[2] = {0, 0}, leftovers = 0;
    for (int run = 0; run < RUNS; run++) {
        int ready[2];
        assert_int_equal(pipe(ready), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(ready[0]);
            for (unsigned i = (unsigned)run;; i++) {
                if (zwh__state_save_file(path, st[i % 2], NULL, 0) != 0)
                    _exit(3);
                if (i == (unsigned)run && write(ready[1], "s", 1) != 1)
                    _exit(4);
            }
        }
        close(ready[1]);
        char c;
        assert_int_equal(read(ready[0], &c, 1), 1); /* one save done: the child is in its loop */
        close(ready[0]);
        uint64_t delay = xorshift(&rng) % (2 * save_us);
        if (delay)
            usleep((useconds_t)delay);
        assert_int_equal(kill(pid, SIGKILL), 0);
        int status;
        assert_int_equal(waitpid(pid, &status, 0), pid);
        if (!WIFSIGNALED(status) || WTERMSIG(status) != SIGKILL)
            fail_msg("run %d: the saver ended by itself (status 0x%x)", run, status);

        leftovers += count_temp_files(dir) > 0;
        zwh__state_t *back = NULL;
        int rc = zwh__state_load_file(path, &back, err, sizeof err);
        if (rc != 0)
            fail_msg("run %d (delay %llu us): load failed: %d %s", run,
                     (unsigned long long)delay, rc, err);
        uint8_t *again;
        size_t again_len;
        assert_int_equal(zwh__state_encode(back, &again, &again_len), 0);
        int which = -1;
        for (int v = 0; v < 2; v++)
            if (again_len == enc_len[v] && memcmp(again, enc[v], again_len) == 0)
                which = v;
        if (which < 0)
            fail_msg("run %d: the file loaded but is neither state A nor state B", run);
        seen[which]++;
        free(again);
        zwh__state_free(back);
        assert_int_equal(count_temp_files(dir), 0); /* the load removed what the kill left */
    }
    print_message("%d runs: state A %d times, state B %d times, %d kills left a temporary "
                  "file\n", RUNS, seen[0], seen[1], leftovers);
    assert_int_equal(seen[0] + seen[1], RUNS);
    assert_true(seen[0] > 0);
    assert_true(seen[1] > 0);
    /* leftovers is only reported: on tmpfs the write window is a small part of a
     * save (encoding and its CRC dominate), about 1 kill in 15 lands there */

    for (int v = 0; v < 2; v++) {
        free(enc[v]);
        zwh__state_free(st[v]);
    }
    unlink(path);
    assert_int_equal(rmdir(dir), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kill_while_saving),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
