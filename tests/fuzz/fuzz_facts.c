/* Fuzz target: node facts and the interview.
 *
 * The first byte picks a mode:
 *   0  a sequence of records [endpoint][length][bytes] fed to zwh__facts_absorb
 *      (endpoint 128 included: refused);
 *   1  the rest as an interview cache for zwh__facts_load_cache;
 *   2  a whole interview: a NIF and a configuration from the input, then every
 *      request answered from the input (a report, a failure, a timeout, the
 *      node falling asleep and waking up), bounded.
 * In every mode the facts rebuilt from their own cache must equal them, and
 * rebuilding gives the same cache again. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "host/interview.h"
#include "host/node_facts.h"
#include "util/bytes.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_round_trip(const zwh__facts_t *f)
{
    zwh__facts_t g;
    zwh__facts_init(&g);
    if (zwh__facts_load_cache(&g, f->cache, f->cache_len) != 0)
        __builtin_trap();
    if (!zwh__facts_equal(f, &g))
        __builtin_trap();
    zwh__facts_free(&g);
}

static void absorb_records(zwh__facts_t *f, zwh__rd_t *r)
{
    while (zwh__rd_left(r) >= 2) {
        uint8_t ep = zwh__rd_u8(r) % 129;
        size_t n = zwh__rd_u8(r);
        if (n > zwh__rd_left(r))
            n = zwh__rd_left(r);
        const uint8_t *p = zwh__rd_take(r, n);
        int rc = zwh__facts_absorb(f, ep, p, n);
        if (rc < 0 && ep <= ZWH__FACTS_MAX_ENDPOINT)
            __builtin_trap(); /* no allocation failure or full cache at these sizes */
    }
}

static void run_interview(zwh__facts_t *f, zwh__rd_t *r)
{
    uint8_t nif_len = zwh__rd_u8(r) % 24;
    uint8_t gen = zwh__rd_u8(r), spec = zwh__rd_u8(r);
    const uint8_t *nif = zwh__rd_take(r, nif_len);
    if (!nif)
        return;
    (void)zwh__facts_set_nif(f, gen, spec, nif, nif_len);
    uint8_t flags = zwh__rd_u8(r);
    zwh__iv_config_t cfg = {.node_id = 2,
                            .controller_id = (flags & 1) ? 1 : 300,
                            .granted = zwh__rd_u8(r),
                            .sleeping = (flags >> 1) & 1,
                            .awake = (flags >> 2) & 1,
                            .retries = (uint8_t)((flags >> 3) & 3),
                            .wake_up_seconds = (flags & 0x20) ? 0xFFFFFFFFu : 0};
    zwh__interview_t iv;
    if (zwh__interview_init(&iv, &cfg, f) != 0)
        __builtin_trap();
    const uint8_t params[] = {1, 2, 3, 200};
    zwh__interview_set_config_params(&iv, params, sizeof params);
    uint64_t now = 0;
    for (int i = 0; i < 4000; i++) {
        zwh__iv_request_t req;
        int rc = zwh__interview_next(&iv, now, &req);
        if (rc == ZWH__IV_DONE)
            break;
        if (rc == ZWH__IV_WAIT) {
            if (!iv.awake)
                zwh__interview_node_awake(&iv, true);
            else
                now = zwh__interview_deadline(&iv);
            continue;
        }
        if (rc != ZWH__IV_REQUEST || req.len == 0 || req.len > ZWH__IV_MAX_CMD || req.step < 0 ||
            req.step >= ZWH_INTERVIEW_STEP_COUNT)
            __builtin_trap();
        const char *name;
        if (zwh__interview_progress(&iv, &name, NULL, NULL) != 0 || !name)
            __builtin_trap();
        uint8_t action = zwh__rd_left(r) ? zwh__rd_u8(r) : 0xFF;
        now += 10;
        zwh__interview_sent(&iv, now);
        switch (action >> 6) {
        case 0: { /* a report: the expected header, then input bytes */
            uint8_t buf[2 + 64];
            size_t n = action & 0x3F;
            if (n > zwh__rd_left(r))
                n = zwh__rd_left(r);
            buf[0] = req.expect.cc;
            buf[1] = req.expect.cmd;
            zwh__rd_copy(r, buf + 2, n);
            zwh__interview_report(&iv, req.endpoint, buf, n + 2, now);
            break;
        }
        case 1: { /* any command from any end point */
            uint8_t ep = zwh__rd_u8(r), n = zwh__rd_u8(r) & 0x3F;
            uint8_t buf[2 + 64];
            if (n > zwh__rd_left(r))
                n = (uint8_t)zwh__rd_left(r);
            zwh__rd_copy(r, buf, n);
            zwh__interview_report(&iv, ep, buf, n, now);
            break;
        }
        case 2:
            if (action & 1)
                zwh__interview_node_awake(&iv, false);
            else
                zwh__interview_failed(&iv, -1, now);
            break;
        default:
            now = zwh__interview_deadline(&iv); /* no answer */
            break;
        }
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    zwh__facts_t f;
    zwh__facts_init(&f);
    zwh__rd_t r;
    zwh__rd_init(&r, data + 1, size - 1);
    switch (data[0] % 3) {
    case 0:
        absorb_records(&f, &r);
        break;
    case 1:
        (void)zwh__facts_load_cache(&f, data + 1, size - 1);
        break;
    default:
        run_interview(&f, &r);
        break;
    }
    check_round_trip(&f);
    zwh__facts_free(&f);
    return 0;
}
