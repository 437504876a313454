/* The door lock twin of seed 004 ("Best Practices for Z-Wave Door Locks")
 * driven through zwh-sim's Serial API with raw frames: every Sample
 * Communication flow of the article byte for byte where it gives the bytes.
 * Pre-included (--devices), the lock runs in plaintext (no --keys). Included
 * by the tests (--pending), it is bootstrapped the real way: the test plays
 * the controller's side of S2 with the library's engines (sim_secure.c),
 * grants S2 Access Control with the PIN of the lock's DSK line, and talks to
 * it under that class; a wrong PIN makes the bootstrap fail at once (KEX
 * Fail) and leaves the lock a non-secure node.
 *
 * Seed typos, where these tests follow the Z-Wave specification instead:
 *  - "Hub Sends Lock/Unlock Command": the final SUCCESS report is printed as
 *    "6C 01" (Supervision GET); a Supervision Report is 6C 02.
 *  - "Lock Sends Low Battery Warning": the Battery CC is printed as 0x63 (that
 *    is User Code); Battery is 0x80.
 *  - "User Enters a Good User Code" and "Lock Has a Hardware Failure": the
 *    Notification Report (v3+) carries Properties1 (sequence bit + event
 *    parameters length) after the event, which the tables leave out; so the
 *    keypad report has 0x08 before the embedded User Code Report and its
 *    Supervision length is 0x11 (the table's 0x09 does not cover the bytes it
 *    lists), and the jam report ends in 0x00 with Supervision length 0x09.
 *  - Supervision session ids: the tables show example ids (0x12, 0x13, 0x0A,
 *    0x01); the lock's own ids are its 6-bit counter, checked to increment. */
#include "sim_fixture.h"

#include "security/s2.h"
#include "sim_secure.h"
#include "zwhost/zwhost.h"

#define LOCK 2
#define C9 0xC9 /* RSSI -55 dBm after each ApplicationCommandHandler */
#define BOLT_WAIT 3000 /* ms: the 3 s bolt at --time-scale 2 and slack */

static uint8_t next_cb = 1;

static int setup_lock(void **state)
{
    const char *args[] = {"--seed", "4", "--report-order", "after", "--time-scale", "10", "--devices", "lock:2",
                          NULL};
    return fx_start(state, args);
}

/* a 1.5 s bolt, for commands sent while it moves */
static int setup_lock_slow(void **state)
{
    const char *args[] = {"--seed", "4", "--report-order", "after", "--time-scale", "2", "--devices", "lock:2",
                          NULL};
    return fx_start(state, args);
}

static void stdin_line(fx_t *fx, const char *line)
{
    assert_int_equal(sim_proc_stdin(&fx->p, line), 0);
}

/* SendData to the lock: RES, then the callback (TX OK); the lock's answers follow. */
static void send_cmd(fx_t *fx, const uint8_t *cmd, size_t n)
{
    uint8_t pl[64] = {LOCK, (uint8_t)n};
    memcpy(pl + 2, cmd, n);
    uint8_t cb = next_cb++;
    pl[2 + n] = 0x25;
    pl[3 + n] = cb;
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x13, pl, n + 4, ok, 1);
    const uint8_t done[] = {cb, 0x00};
    fx_expect(fx, 0x13, done, 2, 3000);
}

/* next frame: ApplicationCommandHandler from the lock carrying exactly cmd */
static void expect_cmd(fx_t *fx, const uint8_t *cmd, size_t n, int timeout_ms)
{
    uint8_t want[80] = {0x00, LOCK, (uint8_t)n};
    memcpy(want + 3, cmd, n);
    want[3 + n] = C9;
    fx_expect(fx, 0x04, want, n + 4, timeout_ms);
}

/* next frame: a Supervision Get from the lock (no status updates) wrapping
 * inner; returns its session id */
static uint8_t expect_sup_get(fx_t *fx, const uint8_t *inner, size_t n, int timeout_ms)
{
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, timeout_ms, &f), 1);
    assert_int_equal(f.func, 0x04);
    assert_int_equal(f.len, 4 + 4 + n);
    assert_int_equal(f.payload[1], LOCK);
    assert_int_equal(f.payload[2], 4 + n);
    assert_int_equal(f.payload[3], 0x6C);
    assert_int_equal(f.payload[4], 0x01);
    assert_int_equal(f.payload[5] & 0xC0, 0x00); /* no status updates asked, reserved bit clear */
    assert_int_equal(f.payload[6], n);           /* encapsulated length */
    assert_memory_equal(f.payload + 7, inner, n);
    assert_int_equal(f.payload[7 + n], C9);
    return f.payload[5] & 0x3F;
}

/* the hub's Supervision Report SUCCESS for one of the lock's sessions */
static void sup_success(fx_t *fx, uint8_t sid)
{
    const uint8_t rep[] = {0x6C, 0x02, sid, 0xFF, 0x00};
    send_cmd(fx, rep, sizeof rep);
}

#define CMD(...) FX_BYTES(__VA_ARGS__)

/* Door Lock Operation Reports (seed tables: handles 00, condition 00,
 * timeout FE FE, target = mode, duration 0) */
#define OP_REPORT_SECURED 0x62, 0x03, 0xFF, 0x00, 0x00, 0xFE, 0xFE, 0xFF, 0x00
#define OP_REPORT_UNSECURED 0x62, 0x03, 0x00, 0x00, 0x00, 0xFE, 0xFE, 0x00, 0x00

/* ---- "User Manually Locks/Unlocks" and the Supervision retry ---- */

static void manual_unlock_supervised_report_retried_until_answered(void **state)
{
    fx_t *fx = *state;
    stdin_line(fx, "node 2 manual unlock");
    uint64_t t0 = sim_now_ms();
    uint8_t sid = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    /* seed: no Supervision Report within 500 ms -> the same frame again */
    uint8_t again = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1500);
    uint64_t dt = sim_now_ms() - t0;
    assert_int_equal(again, sid);
    assert_true(dt >= 450 && dt < 1200);
    sup_success(fx, sid);
    /* answered: no further retries (the next would come 1 s after the last) */
    assert_true(sim_client_quiet(&fx->c, 1600));

    /* the next report: a new session, the id incremented */
    stdin_line(fx, "node 2 manual lock");
    uint8_t sid2 = expect_sup_get(fx, CMD(OP_REPORT_SECURED), 1000);
    assert_int_equal(sid2, (sid + 1) & 0x3F);
    sup_success(fx, sid2);
    assert_true(sim_client_quiet(&fx->c, 800));
    /* turning it to where it already is changes nothing: nothing is sent */
    stdin_line(fx, "node 2 manual lock");
    assert_true(sim_client_quiet(&fx->c, 800));
}

static void unanswered_report_gives_up_after_backoff(void **state)
{
    fx_t *fx = *state;
    stdin_line(fx, "node 2 manual unlock");
    uint64_t t0 = sim_now_ms();
    uint8_t sid = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    /* resends after 0.5, then 1 and 2 s more ("ever larger timeouts"), then none */
    const uint64_t at[] = {500, 1500, 3500};
    for (size_t i = 0; i < 3; i++) {
        assert_int_equal(expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 3000), sid);
        uint64_t dt = sim_now_ms() - t0;
        assert_true(dt + 60 >= at[i] && dt < at[i] + 600);
    }
    assert_true(sim_client_quiet(&fx->c, 4500));
}

/* ---- "Hub Sends Lock/Unlock Command" ---- */

static void supervised_lock_working_then_success_then_report(void **state)
{
    fx_t *fx = *state;
    stdin_line(fx, "node 2 manual unlock");
    sup_success(fx, expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000));
    /* seed: 6C 01 95 03 62 01 FF (session 0x15, status updates) */
    send_cmd(fx, CMD(0x6C, 0x01, 0x95, 0x03, 0x62, 0x01, 0xFF));
    /* seed: WORKING, more status updates, next report within 7 s */
    expect_cmd(fx, CMD(0x6C, 0x02, 0x95, 0x01, 0x07), 1000);
    uint64_t t0 = sim_now_ms();
    /* while the bolt moves: current mode unsecured, target secured, a duration */
    send_cmd(fx, CMD(0x62, 0x02));
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, 1000, &f), 1);
    assert_int_equal(f.func, 0x04);
    assert_int_equal(f.payload[2], 9);
    assert_memory_equal(f.payload + 3, ((const uint8_t[]){0x62, 0x03, 0x00, 0x00, 0x00, 0xFE, 0xFE, 0xFF}), 8);
    assert_true(f.payload[11] >= 1 && f.payload[11] <= 3);
    /* seed: SUCCESS, no more updates, target completed (the seed prints the
     * command as 0x01; a Supervision Report is 0x02) */
    expect_cmd(fx, CMD(0x6C, 0x02, 0x15, 0xFF, 0x00), BOLT_WAIT);
    /* 3 s bolt at --time-scale 2 */
    assert_true(sim_now_ms() - t0 >= 1000);
    /* seed: then the Door Lock Operation Report, in a Supervision Get */
    uint8_t sid = expect_sup_get(fx, CMD(OP_REPORT_SECURED), 1000);
    sup_success(fx, sid);
    assert_true(sim_client_quiet(&fx->c, 800));
    send_cmd(fx, CMD(0x62, 0x02));
    expect_cmd(fx, CMD(OP_REPORT_SECURED), 1000);
    /* Basic reflects it (00 = unlocked, FF = locked) */
    send_cmd(fx, CMD(0x20, 0x02));
    expect_cmd(fx, CMD(0x20, 0x03, 0xFF, 0xFF, 0x00), 1000);
}

static void duplicate_supervision_get_reanswered_not_reexecuted(void **state)
{
    fx_t *fx = *state;
    /* unlock, supervised with status updates (session 0x20) */
    send_cmd(fx, CMD(0x6C, 0x01, 0xA0, 0x03, 0x62, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0xA0, 0x01, 0x07), 1000);
    /* the hub repeats the same Get: the stored WORKING report again, nothing re-run */
    send_cmd(fx, CMD(0x6C, 0x01, 0xA0, 0x03, 0x62, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0xA0, 0x01, 0x07), 1000);
    expect_cmd(fx, CMD(0x6C, 0x02, 0x20, 0xFF, 0x00), BOLT_WAIT);
    uint8_t sid = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    sup_success(fx, sid);
    /* once more after it finished: the final report, no second movement or report */
    send_cmd(fx, CMD(0x6C, 0x01, 0xA0, 0x03, 0x62, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x20, 0xFF, 0x00), 1000);
    assert_true(sim_client_quiet(&fx->c, 800));

    /* without Status Updates: WORKING is the only Supervision Report (seed:
     * "If the Status Updates bit was 0, then only this supervision report
     * would be sent"); the Operation Report still follows the bolt */
    send_cmd(fx, CMD(0x6C, 0x01, 0x21, 0x03, 0x62, 0x01, 0xFF));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x21, 0x01, 0x07), 1000);
    sid = expect_sup_get(fx, CMD(OP_REPORT_SECURED), BOLT_WAIT);
    sup_success(fx, sid);
    assert_true(sim_client_quiet(&fx->c, 800));
    /* an unsupported mode is refused: FAIL */
    send_cmd(fx, CMD(0x6C, 0x01, 0x22, 0x03, 0x62, 0x01, 0x10));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x22, 0x02, 0x00), 1000);
}

/* ---- "Lock Has a Hardware Failure" ---- */

static void jam_fails_the_operation_and_notifies(void **state)
{
    fx_t *fx = *state;
    stdin_line(fx, "node 2 jam"); /* the next bolt movement sticks */
    send_cmd(fx, CMD(0x6C, 0x01, 0x81, 0x03, 0x62, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x81, 0x01, 0x07), 1000);
    expect_cmd(fx, CMD(0x6C, 0x02, 0x01, 0x02, 0x00), BOLT_WAIT); /* FAIL */
    /* seed: Notification Access Control 0x0B "lock jammed" in Supervision */
    uint8_t sid = expect_sup_get(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0B, 0x00), 1000);
    /* seed: and an Operation Report with 0xFE (door mode unknown) */
    uint8_t sid2 = expect_sup_get(fx, CMD(0x62, 0x03, 0xFE, 0x00, 0x00, 0xFE, 0xFE, 0xFE, 0x00), 1000);
    sup_success(fx, sid);
    sup_success(fx, sid2);
    send_cmd(fx, CMD(0x71, 0x04, 0x00, 0x06, 0x00));
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0B, 0x00), 1000);

    /* freed by hand, then a jam while the bolt moves */
    stdin_line(fx, "node 2 manual lock");
    sup_success(fx, expect_sup_get(fx, CMD(OP_REPORT_SECURED), 1000));
    send_cmd(fx, CMD(0x6C, 0x01, 0x82, 0x03, 0x62, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x82, 0x01, 0x07), 1000);
    stdin_line(fx, "node 2 jam");
    expect_cmd(fx, CMD(0x6C, 0x02, 0x02, 0x02, 0x00), 1000);
    sid = expect_sup_get(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0B, 0x00), 1000);
    sid2 = expect_sup_get(fx, CMD(0x62, 0x03, 0xFE, 0x00, 0x00, 0xFE, 0xFE, 0xFE, 0x00), 1000);
    sup_success(fx, sid);
    sup_success(fx, sid2);
    assert_true(sim_client_quiet(&fx->c, 800));
}

/* ---- "Hub Sends User Code Set" / "Hub Sends a Duplicate User Code" ---- */

static void user_code_set_supervised_then_duplicate_refused(void **state)
{
    fx_t *fx = *state;
    /* seed: 6C 01 01 08 63 01 05 01 31 32 33 34 */
    send_cmd(fx, CMD(0x6C, 0x01, 0x01, 0x08, 0x63, 0x01, 0x05, 0x01, 0x31, 0x32, 0x33, 0x34));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x01, 0xFF, 0x00), 1000);
    /* seed: then, informational and not supervised, "new user code added" */
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0E, 0x00), 1000);
    send_cmd(fx, CMD(0x63, 0x02, 0x05));
    expect_cmd(fx, CMD(0x63, 0x03, 0x05, 0x01, 0x31, 0x32, 0x33, 0x34), 1000);

    /* the same code for user 6: FAIL, and Notification 0x0F in Supervision */
    send_cmd(fx, CMD(0x6C, 0x01, 0x02, 0x08, 0x63, 0x01, 0x06, 0x01, 0x31, 0x32, 0x33, 0x34));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x02, 0x02, 0x00), 1000);
    uint8_t sid = expect_sup_get(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0F, 0x00), 1000);
    sup_success(fx, sid);
    send_cmd(fx, CMD(0x63, 0x02, 0x06));
    expect_cmd(fx, CMD(0x63, 0x03, 0x06, 0x00, 0x00, 0x00, 0x00, 0x00), 1000);
    /* re-setting user 5's own code is no duplicate; a bad code is refused */
    send_cmd(fx, CMD(0x6C, 0x01, 0x03, 0x08, 0x63, 0x01, 0x05, 0x02, 0x31, 0x32, 0x33, 0x34));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x03, 0xFF, 0x00), 1000);
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0E, 0x00), 1000);
    send_cmd(fx, CMD(0x6C, 0x01, 0x04, 0x07, 0x63, 0x01, 0x07, 0x01, 0x31, 0x32, 0x41));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x04, 0x02, 0x00), 1000);
    /* capabilities and counts */
    send_cmd(fx, CMD(0x63, 0x04));
    expect_cmd(fx, CMD(0x63, 0x05, 0xFF, 0x01, 0x90), 1000);
    send_cmd(fx, CMD(0x63, 0x06));
    expect_cmd(fx, CMD(0x63, 0x07, 0xC1, 0x1F, 0xE1, 0x0F, 0x08, 0, 0, 0, 0, 0, 0, 0xFF, 0x03), 1000);
    /* erase user 5: "single user code deleted" */
    send_cmd(fx, CMD(0x63, 0x01, 0x05, 0x00, 0x00, 0x00, 0x00, 0x00));
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0D, 0x00), 1000);
    send_cmd(fx, CMD(0x63, 0x11));
    expect_cmd(fx, CMD(0x63, 0x12, 0x00, 0x00), 1000); /* no codes: checksum 0 */
}

/* ---- "User Enters a Good User Code" / "User Enters a Bad User Code" ---- */

static void keypad_good_code_unlocks_with_embedded_user_code_report(void **state)
{
    fx_t *fx = *state;
    /* "1234" at UserID 3 */
    send_cmd(fx, CMD(0x63, 0x01, 0x03, 0x01, 0x31, 0x32, 0x33, 0x34));
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0E, 0x00), 1000);
    /* a bad code: nothing is sent and the bolt stays */
    stdin_line(fx, "node 2 keypad 9999");
    assert_true(sim_client_quiet(&fx->c, 700));
    stdin_line(fx, "node 2 keypad 1234");
    uint8_t sid = expect_sup_get(fx,
                                 CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x06, 0x08, 0x63, 0x03, 0x03, 0x01,
                                     0x31, 0x32, 0x33, 0x34),
                                 1500);
    /* seed: "Optionally a Door Lock Operation could be sent": 62 03 00 00 00 FE FE 00 00 */
    uint8_t sid2 = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    assert_int_equal(sid2, (sid + 1) & 0x3F);
    sup_success(fx, sid);
    sup_success(fx, sid2);
    /* typed again: it locks (keypad lock 0x05) */
    stdin_line(fx, "node 2 keypad 1234");
    sid = expect_sup_get(fx,
                         CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x05, 0x08, 0x63, 0x03, 0x03, 0x01, 0x31, 0x32,
                             0x33, 0x34),
                         1500);
    sid2 = expect_sup_get(fx, CMD(OP_REPORT_SECURED), 1000);
    sup_success(fx, sid);
    sup_success(fx, sid2);
    /* keypad mode "locked out": even the good code does nothing */
    send_cmd(fx, CMD(0x63, 0x08, 0x03));
    send_cmd(fx, CMD(0x63, 0x09));
    expect_cmd(fx, CMD(0x63, 0x0A, 0x03), 1000);
    stdin_line(fx, "node 2 keypad 1234");
    assert_true(sim_client_quiet(&fx->c, 700));
}

static void extended_user_code_for_id_300(void **state)
{
    fx_t *fx = *state;
    /* Extended User Code Set: 1 entry, id 0x012C, enabled, "5678" */
    send_cmd(fx, CMD(0x6C, 0x01, 0x05, 0x0B, 0x63, 0x0B, 0x01, 0x01, 0x2C, 0x01, 0x04, 0x35, 0x36, 0x37, 0x38));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x05, 0xFF, 0x00), 1000);
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0E, 0x00), 1000);
    send_cmd(fx, CMD(0x63, 0x0C, 0x01, 0x2C, 0x00));
    expect_cmd(fx, CMD(0x63, 0x0D, 0x01, 0x01, 0x2C, 0x01, 0x04, 0x35, 0x36, 0x37, 0x38, 0x00, 0x00), 1000);
    /* an id past the supported 400 is refused */
    send_cmd(fx, CMD(0x6C, 0x01, 0x06, 0x0B, 0x63, 0x0B, 0x01, 0x01, 0x91, 0x01, 0x04, 0x35, 0x36, 0x37, 0x39));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x06, 0x02, 0x00), 1000);
    /* report-more from id 1: the empty id 1, then id 300, nothing after */
    send_cmd(fx, CMD(0x63, 0x0C, 0x00, 0x01, 0x01));
    expect_cmd(fx, CMD(0x63, 0x0D, 0x02, 0x00, 0x01, 0x00, 0x00, 0x01, 0x2C, 0x01, 0x04, 0x35, 0x36, 0x37, 0x38, 0x00,
                       0x00),
               1000);
    /* the keypad unlock embeds the extended report for an id above 255 */
    stdin_line(fx, "node 2 keypad 5678");
    uint8_t sid = expect_sup_get(fx,
                                 CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x06, 0x0D, 0x63, 0x0D, 0x01, 0x01,
                                     0x2C, 0x01, 0x04, 0x35, 0x36, 0x37, 0x38, 0x00, 0x00),
                                 1500);
    uint8_t sid2 = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    sup_success(fx, sid);
    sup_success(fx, sid2);
}

/* ---- "Lock Sends Low Battery Warning" ---- */

static void low_battery_warning_once_in_supervision(void **state)
{
    fx_t *fx = *state;
    send_cmd(fx, CMD(0x80, 0x02));
    expect_cmd(fx, CMD(0x80, 0x03, 0x64), 1000);
    /* a rise, or a small fall, is not reported */
    stdin_line(fx, "node 2 battery 97");
    assert_true(sim_client_quiet(&fx->c, 400));
    /* a fall of more than ~5 %: a normal report, not supervised */
    stdin_line(fx, "node 2 battery 50");
    expect_cmd(fx, CMD(0x80, 0x03, 0x32), 1000);
    /* the critical level: 0xFF in Supervision (seed prints the class as 0x63) */
    stdin_line(fx, "node 2 battery 8");
    uint8_t sid = expect_sup_get(fx, CMD(0x80, 0x03, 0xFF), 1000);
    /* unanswered: resent after 500 ms */
    assert_int_equal(expect_sup_get(fx, CMD(0x80, 0x03, 0xFF), 1500), sid);
    sup_success(fx, sid);
    assert_true(sim_client_quiet(&fx->c, 1600));
    /* ONLY once: lower still, no second warning; a large fall is a plain report */
    stdin_line(fx, "node 2 battery 5");
    assert_true(sim_client_quiet(&fx->c, 400));
    stdin_line(fx, "node 2 battery 1");
    expect_cmd(fx, CMD(0x80, 0x03, 0x01), 1000);
    /* new batteries clear the flag: the next critical level warns again */
    stdin_line(fx, "node 2 battery 100");
    assert_true(sim_client_quiet(&fx->c, 300));
    stdin_line(fx, "node 2 battery 9");
    sup_success(fx, expect_sup_get(fx, CMD(0x80, 0x03, 0xFF), 1000));
}

/* ---- "Lock Updates Local Time" after inclusion, and the Lifeline ---- */

/* The secure inclusion: a zwh-sim with --keys and the lock pending, and the
 * controller's side of S2 (node 1) over the same connection. */
#define HOME 0x7E5A0004u
#define HOME_ARG "0x7E5A0004"

static const char KEYS[] = "# test data, never real keys\n"
                           "S0 00112233445566778899aabbccddeeff\n"
                           "S2_Unauthenticated 0f0e0d0c0b0a09080706050403020100\n"
                           "S2_Authenticated c0ffee00112233445566778899aabbcc\n"
                           "S2_AccessControl ffeeddccbbaa99887766554433221100\n";

typedef struct {
    fx_t *fx;
    simsec_t s;
    size_t seen; /* s.rx[] entries already looked at */
    char keys_path[64];
} lsec_t;

static int start_pending(void **state, const char *time_scale)
{
    lsec_t *t = calloc(1, sizeof *t);
    if (!t || simsec_keys_file(t->keys_path, sizeof t->keys_path, KEYS) < 0)
        return -1;
    const char *args[] = {"--seed", "4", "--home-id", HOME_ARG, "--keys", t->keys_path, "--report-order", "after",
                          "--time-scale", time_scale, "--pending", "lock", NULL};
    void *fxs = NULL;
    if (fx_start(&fxs, args) < 0)
        return -1;
    t->fx = fxs;
    if (simsec_init(&t->s, &t->fx->c, HOME, KEYS) < 0)
        return -1;
    *state = t;
    return 0;
}

static int setup_pending(void **state)
{
    return start_pending(state, "10");
}

static int setup_pending_fast(void **state)
{
    return start_pending(state, "100");
}

static int teardown_pending(void **state)
{
    lsec_t *t = *state;
    simsec_free(&t->s);
    void *fxs = t->fx;
    int rc = fx_stop(&fxs);
    unlink(t->keys_path);
    free(t);
    return rc;
}

/* AddNode of the pending lock until PROTOCOL_DONE and STOP/DONE; its DSK line
 * read first, for the PIN and the public key check of the bootstrap. */
static void include_lock(lsec_t *t)
{
    fx_t *fx = t->fx;
    char line[128];
    assert_int_equal(sim_proc_read_line(&fx->p, line, sizeof line, 2000), 0);
    assert_int_equal(strncmp(line, "DSK lock ", 9), 0);
    assert_int_equal(zwh_dsk_parse(line + 9, t->s.node_dsk, NULL), 0);
    fx_req_noreply(fx, 0x4A, CMD(0xC1, 0x01));
    fx_expect(fx, 0x4A, CMD(0x01, 0x01, 0x00, 0x00), 1000); /* LEARN_READY */
    fx_expect(fx, 0x4A, CMD(0x01, 0x02, 0x00, 0x00), 1000); /* NODE_FOUND */
    sim_frame_t f;
    assert_int_equal(sim_client_frame(&fx->c, 2000, &f), 1); /* ADDING_END_NODE with the NIF */
    assert_int_equal(f.func, 0x4A);
    assert_int_equal(f.payload[1], 0x03);
    assert_int_equal(f.payload[2], LOCK);
    assert_memory_equal(f.payload + 4, ((const uint8_t[]){0x04, 0x40, 0x03, 0x5E, 0x9F}), 5); /* keypad lock, S2 */
    fx_expect(fx, 0x4A, CMD(0x01, 0x05, LOCK, 0x00), 1000); /* PROTOCOL_DONE */
    fx_req_noreply(fx, 0x4A, CMD(0x05, 0x02));
    fx_expect(fx, 0x4A, CMD(0x02, 0x06, LOCK, 0x00), 1000);
    /* FLiRS: listening bit clear, FLiRS 1000 ms */
    fx_res(fx, 0x41, CMD(LOCK), CMD(0x5B, 0xDC, 0x01, 0x04, 0x40, 0x03));
}

/* The next command from the lock (whatever it is): it came under cls. */
static const simsec_cmd_t *sec_next(lsec_t *t, int cls, int timeout_ms)
{
    uint64_t end = sim_now_ms() + (uint64_t)timeout_ms;
    while (t->s.nrx <= t->seen && sim_now_ms() < end)
        simsec_pump(&t->s, 20);
    assert_true(t->s.nrx > t->seen);
    const simsec_cmd_t *c = &t->s.rx[t->seen++];
    assert_int_equal(c->src, LOCK);
    assert_int_equal(c->cls, cls);
    return c;
}

/* The next command from the lock is exactly cmd, under cls. */
static void sec_expect(lsec_t *t, int cls, const uint8_t *cmd, size_t n, int timeout_ms)
{
    const simsec_cmd_t *c = sec_next(t, cls, timeout_ms);
    assert_int_equal(c->len, n);
    assert_memory_equal(c->b, cmd, n);
}

/* Nothing from the lock for ms. */
static void sec_quiet(lsec_t *t, int ms)
{
    simsec_pump(&t->s, ms);
    assert_int_equal(t->s.nrx, t->seen);
}

/* cmd to the lock under cls, its transmission completed (TX OK) */
static void sec_send(lsec_t *t, int cls, const uint8_t *cmd, size_t n)
{
    simsec_send(&t->s, LOCK, cls, cmd, n);
    simsec_idle(&t->s, 3000);
    assert_int_equal(t->s.tx_state, 0);
    assert_int_equal(t->s.last_tx_status, 0x00);
}

/* the next command: a Supervision Get (no status updates) wrapping inner,
 * under cls; answered with SUCCESS under cls */
static void sec_sup_success(lsec_t *t, int cls, const uint8_t *inner, size_t n, int timeout_ms)
{
    const simsec_cmd_t *c = sec_next(t, cls, timeout_ms);
    assert_int_equal(c->len, 4 + n);
    assert_int_equal(c->b[0], 0x6C);
    assert_int_equal(c->b[1], 0x01);
    assert_int_equal(c->b[2] & 0xC0, 0x00);
    assert_int_equal(c->b[3], n);
    assert_memory_equal(c->b + 4, inner, n);
    const uint8_t rep[] = {0x6C, 0x02, (uint8_t)(c->b[2] & 0x3F), 0xFF, 0x00};
    sec_send(t, cls, rep, sizeof rep);
}

#define AC ZWH_SECCLASS_S2_ACCESS_CONTROL
#define PLAIN ZWH_SECCLASS_NONE

/* The seed's time algorithm once its Date Get (already seen) is answered with
 * date (year hi, lo, month, day): Time Get, answered with time (hour, minute,
 * second), then the time zone / DST (Time Offset Get, Time CC v2), all under cls. */
static void answer_date_time(lsec_t *t, int cls, const uint8_t date[4], const uint8_t time[3])
{
    const uint8_t date_rep[] = {0x8A, 0x04, date[0], date[1], date[2], date[3]};
    const uint8_t time_rep[] = {0x8A, 0x02, time[0], time[1], time[2]};
    sec_send(t, cls, date_rep, sizeof date_rep);
    sec_expect(t, cls, CMD(0x8A, 0x01), 1000);
    sec_send(t, cls, time_rep, sizeof time_rep);
    sec_expect(t, cls, CMD(0x8A, 0x06), 1000);
}

static void time_date_get_after_inclusion_and_lifeline(void **state)
{
    lsec_t *t = *state;
    include_lock(t);
    /* the lock requests S2 Access Control only: granted with the DSK's PIN */
    assert_int_equal(simsec_kex_start(&t->s, LOCK, ZWH__KEX_ROLE_CONTROLLER, ZWH_KEY_S2_ACCESS_CONTROL,
                                      SIMSEC_PIN_RIGHT), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), 1);
    assert_int_equal(t->s.kex_keys, ZWH_KEY_S2_ACCESS_CONTROL);
    /* on_included runs after the bootstrap; seed algorithm: Date Get first,
     * then Time Get once the Date Report is in, all under Access Control */
    sec_expect(t, AC, CMD(0x8A, 0x03), 2000);
    /* seed: Date Report 10 September 2019, Time Report 5:06:07 */
    answer_date_time(t, AC, (const uint8_t[]){0x07, 0xE3, 0x09, 0x0A}, (const uint8_t[]){0x05, 0x06, 0x07});
    /* the clock runs: 2019-09-10 was a Tuesday (2), 05:06 */
    sec_send(t, AC, CMD(0x81, 0x05));
    sec_expect(t, AC, CMD(0x81, 0x06, 0x45, 0x06), 1000);
    /* a secure lock ignores its secure classes in plaintext */
    sec_send(t, PLAIN, CMD(0x81, 0x05));
    sec_quiet(t, 500);

    /* joined later: the Lifeline is empty until the host sets it */
    sec_send(t, AC, CMD(0x85, 0x02, 0x01));
    sec_expect(t, AC, CMD(0x85, 0x03, 0x01, 0x05, 0x00), 1000);
    stdin_line(t->fx, "node 2 manual unlock");
    sec_quiet(t, 700);
    sec_send(t, AC, CMD(0x85, 0x01, 0x01, 0x01));
    sec_send(t, AC, CMD(0x85, 0x02, 0x01));
    sec_expect(t, AC, CMD(0x85, 0x03, 0x01, 0x05, 0x00, 0x01), 1000);
    stdin_line(t->fx, "node 2 manual lock");
    sec_sup_success(t, AC, CMD(OP_REPORT_SECURED), 1000);
    sec_quiet(t, 700);
    /* time-sync on demand repeats the algorithm, now through the Lifeline */
    stdin_line(t->fx, "node 2 time-sync");
    sec_expect(t, AC, CMD(0x8A, 0x03), 2000);
    answer_date_time(t, AC, (const uint8_t[]){0x07, 0xE4, 0x01, 0x02}, (const uint8_t[]){0x17, 0x3B, 0x00});
    sec_send(t, AC, CMD(0x8B, 0x02));
    const simsec_cmd_t *c = sec_next(t, AC, 1000);
    assert_int_equal(c->len, 9);
    assert_memory_equal(c->b, ((const uint8_t[]){0x8B, 0x03, 0x07, 0xE4, 0x01, 0x02, 0x17, 0x3B}), 8);
}

/* A wrong PIN: the bootstrap fails at once with KEX Fail (not after the 30 s
 * TB1 timer), the lock stays non-secure and runs the time algorithm in
 * plaintext. */
static void time_falls_back_to_clock_then_time_parameters(void **state)
{
    lsec_t *t = *state;
    include_lock(t);
    uint64_t t0 = sim_now_ms();
    assert_int_equal(simsec_kex_start(&t->s, LOCK, ZWH__KEX_ROLE_CONTROLLER, ZWH_KEY_S2_ACCESS_CONTROL,
                                      SIMSEC_PIN_WRONG), 0);
    assert_int_equal(simsec_kex_run(&t->s, 20000), -1);
    assert_int_equal(t->s.kex_fail, ZWH__KEX_FAIL_DECRYPT);
    assert_true(t->s.decrypt_failures >= 1);
    /* Date Get unanswered: 3 tries a few (scaled) minutes apart */
    sec_expect(t, PLAIN, CMD(0x8A, 0x03), 2000);
    assert_true(sim_now_ms() - t0 < 5000);
    sec_expect(t, PLAIN, CMD(0x8A, 0x03), 3000);
    sec_expect(t, PLAIN, CMD(0x8A, 0x03), 3000);
    /* then Clock Get, then Time Parameters Get */
    sec_expect(t, PLAIN, CMD(0x81, 0x05), 1500);
    sec_expect(t, PLAIN, CMD(0x8B, 0x02), 1500);
    /* 2019-06-03 03:09:30 UTC (no time zone: local) */
    sec_send(t, PLAIN, CMD(0x8B, 0x03, 0x07, 0xE3, 0x06, 0x03, 0x03, 0x09, 0x1E));
    /* the daily re-sync runs at 03:10 (seed), 30 s of device time later */
    t0 = sim_now_ms();
    sec_expect(t, PLAIN, CMD(0x8A, 0x03), 1500);
    assert_true(sim_now_ms() - t0 < 1000);
    answer_date_time(t, PLAIN, (const uint8_t[]){0x07, 0xE3, 0x06, 0x03}, (const uint8_t[]){0x03, 0x0A, 0x05});
    /* 2019-06-03 was a Monday (1), hour 3 */
    sec_send(t, PLAIN, CMD(0x81, 0x05));
    const simsec_cmd_t *c = sec_next(t, PLAIN, 1000);
    assert_int_equal(c->len, 4);
    assert_memory_equal(c->b, ((const uint8_t[]){0x81, 0x06, 0x23}), 3);
}

/* ---- "Generic Schedule to Enable a User Code" ---- */

static void generic_schedule_and_authentication_gate_a_code(void **state)
{
    fx_t *fx = *state;
    send_cmd(fx, CMD(0xA3, 0x01));
    expect_cmd(fx, CMD(0xA3, 0x02, 0x00, 0x08, 0x00, 0x10, 0x08, 0x07), 1000);
    /* seed: Time Range 1, Monday to Friday 8am to 5pm */
    send_cmd(fx, CMD(0x6C, 0x01, 0x09, 0x15, 0xA3, 0x03, 0x00, 0x01, 0xBE, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                     0x00, 0x00, 0x00, 0x00, 0x00, 0x88, 0x91, 0x00, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x09, 0xFF, 0x00), 1000);
    /* seed: Time Range 2, 5 June 2019 1:23pm to 6:45pm */
    send_cmd(fx, CMD(0x6C, 0x01, 0x0A, 0x15, 0xA3, 0x03, 0x00, 0x02, 0x00, 0x87, 0xE3, 0x87, 0xE3, 0x86, 0x86, 0x85,
                     0x85, 0x8E, 0x92, 0x97, 0xAD, 0x00, 0x00, 0x00, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x0A, 0xFF, 0x00), 1000);
    /* seed: Schedule 1 = include range 1, exclude range 2 */
    send_cmd(fx, CMD(0x6C, 0x01, 0x0B, 0x09, 0xA3, 0x06, 0x00, 0x01, 0x02, 0x80, 0x01, 0x00, 0x02));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x0B, 0xFF, 0x00), 1000);
    /* seed: Authentication id 5 links user 5 to schedule 1 */
    send_cmd(fx, CMD(0x6C, 0x01, 0x0C, 0x0A, 0xA1, 0x06, 0x00, 0x05, 0x01, 0x00, 0x05, 0x00, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x0C, 0xFF, 0x00), 1000);
    /* stored as sent */
    send_cmd(fx, CMD(0xA3, 0x04, 0x00, 0x01));
    expect_cmd(fx, CMD(0xA3, 0x05, 0x00, 0x01, 0xBE, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                       0x00, 0x88, 0x91, 0x00, 0x00, 0x00, 0x02),
               1000);
    send_cmd(fx, CMD(0xA3, 0x07, 0x00, 0x01));
    expect_cmd(fx, CMD(0xA3, 0x08, 0x00, 0x01, 0x02, 0x80, 0x01, 0x00, 0x02, 0x00, 0x00), 1000);
    send_cmd(fx, CMD(0xA1, 0x07, 0x00, 0x05, 0x00));
    expect_cmd(fx, CMD(0xA1, 0x08, 0x01, 0x09, 0x00, 0x05, 0x01, 0x00, 0x05, 0x00, 0x01, 0x00, 0x00, 0x00), 1000);

    /* user 5 = "1234" */
    send_cmd(fx, CMD(0x63, 0x01, 0x05, 0x01, 0x31, 0x32, 0x33, 0x34));
    expect_cmd(fx, CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x0E, 0x00), 1000);
    /* no time source yet: a scheduled code is refused */
    stdin_line(fx, "node 2 keypad 1234");
    assert_true(sim_client_quiet(&fx->c, 700));
    /* Wednesday 5 June 2019 15:00 (UTC = local): inside the excluded range.
     * (Seed typo: its text says the range starts at 1:23pm, but its Start
     * Hour byte 0x8E is 14 in use; the bytes rule: 14:23 to 18:45.) */
    send_cmd(fx, CMD(0x8B, 0x01, 0x07, 0xE3, 0x06, 0x05, 0x0F, 0x00, 0x00));
    stdin_line(fx, "node 2 keypad 1234");
    assert_true(sim_client_quiet(&fx->c, 700));
    /* Saturday 8 June 10:00: not Monday to Friday */
    send_cmd(fx, CMD(0x8B, 0x01, 0x07, 0xE3, 0x06, 0x08, 0x0A, 0x00, 0x00));
    stdin_line(fx, "node 2 keypad 1234");
    assert_true(sim_client_quiet(&fx->c, 700));
    /* Monday 3 June 10:00: inside the schedule, the door opens */
    send_cmd(fx, CMD(0x8B, 0x01, 0x07, 0xE3, 0x06, 0x03, 0x0A, 0x00, 0x00));
    stdin_line(fx, "node 2 keypad 1234");
    uint8_t sid = expect_sup_get(fx,
                                 CMD(0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x06, 0x08, 0x63, 0x03, 0x05, 0x01,
                                     0x31, 0x32, 0x33, 0x34),
                                 1500);
    uint8_t sid2 = expect_sup_get(fx, CMD(OP_REPORT_UNSECURED), 1000);
    sup_success(fx, sid);
    sup_success(fx, sid2);
}

/* ---- device information ---- */

static void device_information_and_lifeline_group(void **state)
{
    fx_t *fx = *state;
    fx_res(fx, 0x41, CMD(LOCK), CMD(0x5B, 0xDC, 0x01, 0x04, 0x40, 0x03));
    send_cmd(fx, CMD(0x86, 0x13, 0x62));
    expect_cmd(fx, CMD(0x86, 0x14, 0x62, 0x04), 1000);
    send_cmd(fx, CMD(0x86, 0x13, 0x63));
    expect_cmd(fx, CMD(0x86, 0x14, 0x63, 0x02), 1000);
    send_cmd(fx, CMD(0x5E, 0x01));
    expect_cmd(fx, CMD(0x5E, 0x02, 0x02, 0x07, 0x00, 0x03, 0x00, 0x03, 0x00), 1000);
    /* constant operation, modes 00 and FF, one handle each side, no door sensors */
    send_cmd(fx, CMD(0x62, 0x07));
    expect_cmd(fx, CMD(0x62, 0x08, 0x01, 0x02, 0x02, 0x00, 0xFF, 0x11, 0x00, 0x00), 1000);
    send_cmd(fx, CMD(0x62, 0x05));
    expect_cmd(fx, CMD(0x62, 0x06, 0x01, 0x00, 0xFE, 0xFE, 0x00, 0x00, 0x00, 0x00, 0x00), 1000);
    /* timed operation is not supported: FAIL */
    send_cmd(fx, CMD(0x6C, 0x01, 0x30, 0x06, 0x62, 0x04, 0x02, 0x00, 0x01, 0x00));
    expect_cmd(fx, CMD(0x6C, 0x02, 0x30, 0x02, 0x00), 1000);
    /* pre-included (--devices): the controller is in the Lifeline */
    send_cmd(fx, CMD(0x85, 0x05));
    expect_cmd(fx, CMD(0x85, 0x06, 0x01), 1000);
    send_cmd(fx, CMD(0x85, 0x02, 0x01));
    expect_cmd(fx, CMD(0x85, 0x03, 0x01, 0x05, 0x00, 0x01), 1000);
    send_cmd(fx, CMD(0x59, 0x01, 0x01));
    expect_cmd(fx, CMD(0x59, 0x02, 0x01, 0x08, 'L', 'i', 'f', 'e', 'l', 'i', 'n', 'e'), 1000);
    send_cmd(fx, CMD(0x59, 0x03, 0x00, 0x01));
    expect_cmd(fx, CMD(0x59, 0x04, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00), 1000);
    send_cmd(fx, CMD(0x71, 0x07));
    expect_cmd(fx, CMD(0x71, 0x08, 0x01, 0x40), 1000);
    send_cmd(fx, CMD(0x71, 0x01, 0x06));
    expect_cmd(fx, CMD(0x71, 0x02, 0x06, 0x02, 0x60, 0xF8), 1000);
    /* removed from the Lifeline: state changes are no longer reported */
    send_cmd(fx, CMD(0x85, 0x04, 0x01, 0x01));
    stdin_line(fx, "node 2 manual unlock");
    assert_true(sim_client_quiet(&fx->c, 700));
    /* Device Reset Locally: the notification, then the node is gone */
    send_cmd(fx, CMD(0x85, 0x01, 0x01, 0x01));
    stdin_line(fx, "node 2 reset");
    expect_cmd(fx, CMD(0x5A, 0x01), 1000);
    const uint8_t ok[] = {0x01};
    fx_res(fx, 0x13, CMD(LOCK, 0x02, 0x62, 0x02, 0x25, 0x7E), ok, 1);
    fx_expect(fx, 0x13, CMD(0x7E, 0x01), 3000); /* no ACK */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(manual_unlock_supervised_report_retried_until_answered, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(unanswered_report_gives_up_after_backoff, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(supervised_lock_working_then_success_then_report, setup_lock_slow, fx_stop),
        cmocka_unit_test_setup_teardown(duplicate_supervision_get_reanswered_not_reexecuted, setup_lock_slow, fx_stop),
        cmocka_unit_test_setup_teardown(jam_fails_the_operation_and_notifies, setup_lock_slow, fx_stop),
        cmocka_unit_test_setup_teardown(user_code_set_supervised_then_duplicate_refused, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(keypad_good_code_unlocks_with_embedded_user_code_report, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(extended_user_code_for_id_300, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(low_battery_warning_once_in_supervision, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(time_date_get_after_inclusion_and_lifeline, setup_pending, teardown_pending),
        cmocka_unit_test_setup_teardown(time_falls_back_to_clock_then_time_parameters, setup_pending_fast,
                                        teardown_pending),
        cmocka_unit_test_setup_teardown(generic_schedule_and_authentication_gate_a_code, setup_lock, fx_stop),
        cmocka_unit_test_setup_teardown(device_information_and_lifeline_group, setup_lock, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
