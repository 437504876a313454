/* The zen07 twin (Zooz ZEN07 Mini Plug) driven through zwh-sim's Serial API with
 * raw frames, against its seed document (/work/shared/seeds/000_*.txt): the
 * command classes and versions of its "Endpoint 0" table, the 10 parameters
 * of "Device Configuration" (config ids give the sizes: config_2_2 and
 * config_9_2 are 2 bytes), Meter v3 kWh/W/V/A, the overload alarm, the 3
 * association groups of 5 nodes, Switch All, Device Reset Locally.
 *
 * Meter v3 Report bytes: 32 02 [scale bit 2 <<7 | rate 01 (import) <<5 | type 01]
 * [precision <<5 | scale bits 0-1 <<3 | size] value [delta time 00 00]; the
 * twin reports kWh with precision 2 / 4 bytes, W precision 1 / 4 bytes,
 * V precision 1 / 2 bytes, A precision 2 / 2 bytes. */
#include "twin_fixture.h"

#define NID 2

static int setup(void **state)
{
    const char *args[] = {"--seed", "7", "--report-order", "after", "--devices", "zen07:2,switch:3", NULL};
    return fx_start(state, args);
}

static int setup_fast(void **state)
{
    /* 20 device seconds per second: the energy counter moves within the test */
    const char *args[] = {"--seed", "7", "--report-order", "after", "--time-scale", "20", "--devices", "zen07:2",
                          NULL};
    return fx_start(state, args);
}

static int setup_minutes(void **state)
{
    /* 60 device seconds per second: the auto turn-off timer's minutes */
    const char *args[] = {"--seed", "7", "--report-order", "after", "--time-scale", "60", "--devices", "zen07:2",
                          NULL};
    return fx_start(state, args);
}

static int setup_pending(void **state)
{
    const char *args[] = {"--seed", "7", "--report-order", "after", "--pending", "zen07", NULL};
    return fx_start(state, args);
}

/* W report of w10 tenths of a watt */
static void expect_w(fx_t *fx, uint8_t nid, uint32_t w10)
{
    TW_ACH(fx, nid, 0x32, 0x02, 0x21, 0x34, (uint8_t)(w10 >> 24), (uint8_t)(w10 >> 16), (uint8_t)(w10 >> 8),
           (uint8_t)w10, 0x00, 0x00);
}

/* A report: W / V with V wandering 119.5..120.5 */
static void expect_a_near(fx_t *fx, uint8_t nid, uint32_t w10)
{
    uint8_t cmd[16];
    assert_int_equal(tw_ach_any(fx, nid, cmd, sizeof cmd, 3000), 8);
    TW_MEM(cmd, 0x32, 0x02, 0xA1, 0x4A);
    int a100 = cmd[4] << 8 | cmd[5];
    int lo = (int)(w10 * 100 / 1205), hi = (int)((w10 * 100 + 1194) / 1195);
    assert_in_range(a100, lo, hi);
    TW_MEM(cmd + 6, 0x00, 0x00);
}

static void nif_versions_and_identity(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* RequestNodeInfo -> ApplicationUpdate NODE_INFO_RECEIVED: routing end node,
     * binary switch / power switch, the CCs of the seed's table (Basic and
     * No Operation are never listed in a NIF) */
    fx_res(fx, 0x60, FX_BYTES(NID), FX_BYTES(0x01));
    fx_expect(fx, 0x49, FX_BYTES(0x84, NID, 15, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x27, 0x32, 0x59, 0x5A, 0x70, 0x71, 0x72,
                                 0x73, 0x85, 0x86),
              1000);
    /* Version Report v2: enhanced end node library, protocol 4.61, firmware 1.2, hardware 1, no other targets */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x11}), 0x86, 0x12, 0x03, 0x04, 0x3D, 0x01, 0x02, 0x01, 0x00);
    /* Version Command Class Report for each class of seed 000's "Endpoint 0" table */
    static const uint8_t seed_versions[][2] = {{0x00, 1}, {0x20, 1}, {0x25, 1}, {0x27, 1}, {0x32, 3},
                                               {0x59, 1}, {0x5A, 1}, {0x5E, 1}, {0x70, 1}, {0x71, 4},
                                               {0x72, 1}, {0x73, 1}, {0x85, 2}, {0x86, 2}};
    for (size_t i = 0; i < sizeof seed_versions / sizeof seed_versions[0]; i++) {
        const uint8_t get[] = {0x86, 0x13, seed_versions[i][0]};
        tw_send_status(fx, NID, cb++, 0x00, get, sizeof get);
        TW_ACH(fx, NID, 0x86, 0x14, seed_versions[i][0], seed_versions[i][1]);
    }
    /* a class it lacks: version 0 (Security 2, Color Switch) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x9F}), 0x86, 0x14, 0x9F, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x33}), 0x86, 0x14, 0x33, 0x00);
    /* Manufacturer Specific: Zooz 0x027A, type 0x0003, id 0x0087 */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x72, 0x04}), 0x72, 0x05, 0x02, 0x7A, 0x00, 0x03, 0x00, 0x87);
    /* MS v1 has no Device Specific Get: ignored */
    TW_SEND(fx, NID, cb++, 0x72, 0x06, 0x00);
    /* Z-Wave Plus Info v1: always-on end node, icon 0x0701 (plug-in power switch) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x5E, 0x01}), 0x5E, 0x02, 0x01, 0x05, 0x00, 0x07, 0x01, 0x07, 0x01);
    /* Powerlevel: normal; Set -3 dBm for 20 s; Get; Set back to normal */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x73, 0x02}), 0x73, 0x03, 0x00, 0x00);
    TW_SEND(fx, NID, cb++, 0x73, 0x01, 0x03, 0x14);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x73, 0x02}), 0x73, 0x03, 0x03, 0x14);
    /* a test of 10 frames to node 3 (listening): 10 acknowledged */
    TW_SEND(fx, NID, cb++, 0x73, 0x04, 0x03, 0x00, 0x00, 0x0A);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x73, 0x05}), 0x73, 0x06, 0x03, 0x01, 0x00, 0x0A);
    TW_QUIET(fx, 200);
}

/* seed 000 "Device Configuration", all of type INTEGER, size from config_N_SIZE */
static const tw_param_t ZEN07_PARAMS[] = {
    {1, 1, 0, 1, 1},      /* Metering Report, default 1 (Enabled) */
    {2, 2, 1, 65535, 300}, /* Metering Report Frequency, 1 to 65535, default 300 */
    {5, 1, 0, 1, 1},      /* LED Notifications, default 1 */
    {6, 1, 1, 100, 5},    /* Power Report Percentage Threshold, 1 to 100, default 5 */
    {7, 1, 0, 1, 1},      /* On/Off Status Recovery, default 1 (Remembers the status) */
    {8, 1, 0, 1, 0},      /* Auto Turn-Off Timer Enable, default 0 */
    {9, 2, 1, 65535, 150}, /* Auto Turn-Off Timer Interval, 1 to 65535, default 150 */
    {10, 1, 0, 1, 1},     /* Manual Control, default 1 */
};
static const tw_param_t ZEN07_P3 = {3, 1, 1, 16, 13}; /* Overload Protection, 1 to 16 A, default 13 */
static const tw_param_t ZEN07_P4 = {4, 1, 1, 13, 12}; /* Overload Protection Notification, 1 to 13, default 12 */

static void configuration_parameters(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_config_check_all(fx, NID, &cb, ZEN07_PARAMS, sizeof ZEN07_PARAMS / sizeof ZEN07_PARAMS[0]);
    /* 3 and 4: "The value set in this parameter [4] can NOT be greater than the value in parameter 3" */
    tw_config_expect(fx, NID, &cb, 3, 1, 13);
    tw_config_expect(fx, NID, &cb, 4, 1, 12);
    tw_config_set(fx, NID, &cb, 3, 1, 11); /* below parameter 4 (12): refused */
    tw_config_expect(fx, NID, &cb, 3, 1, 13);
    tw_config_set(fx, NID, &cb, 4, 1, 1);
    tw_config_check_all(fx, NID, &cb, &ZEN07_P3, 1);
    tw_config_set(fx, NID, &cb, 4, 0x81, 0); /* back to its default, 12 */
    tw_config_check_all(fx, NID, &cb, &ZEN07_P4, 1);
    tw_config_set(fx, NID, &cb, 4, 1, 5);
    tw_config_set(fx, NID, &cb, 3, 1, 10);
    tw_config_set(fx, NID, &cb, 4, 1, 11); /* above parameter 3 (10): refused */
    tw_config_expect(fx, NID, &cb, 4, 1, 5);
    tw_config_expect(fx, NID, &cb, 3, 1, 10);
    /* a parameter it lacks: no report */
    TW_SEND(fx, NID, cb++, 0x70, 0x05, 0x0B);
    TW_QUIET(fx, 200);
    /* Configuration v1 only: Properties Get (v3) is not answered */
    TW_SEND(fx, NID, cb++, 0x70, 0x0E, 0x00, 0x01);
    TW_QUIET(fx, 200);
    /* with Supervision: an out-of-range Set is FAIL, an in-range one SUCCESS
     * (Supervision Get 6C 01 [session] [len] cmd -> Report 6C 02 [session] status 00) */
    TW_SEND(fx, NID, cb++, 0x6C, 0x01, 0x05, 0x05, 0x70, 0x04, 0x06, 0x01, 0x65); /* param 6 = 101 */
    TW_ACH(fx, NID, 0x6C, 0x02, 0x05, 0x02, 0x00);
    TW_SEND(fx, NID, cb++, 0x6C, 0x01, 0x06, 0x05, 0x70, 0x04, 0x06, 0x01, 0x32); /* param 6 = 50 */
    TW_ACH(fx, NID, 0x6C, 0x02, 0x06, 0xFF, 0x00);
    tw_config_expect(fx, NID, &cb, 6, 1, 50);
}

static void switch_and_meters(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* Meter Supported Report: reset supported, electric, scales kWh, W, V, A */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x32, 0x03}), 0x32, 0x04, 0x81, 0x35);
    /* nothing plugged in, relay off */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    tw_event(fx, "node 2 load 100");
    TW_QUIET(fx, 300); /* relay off: no power, nothing to report */
    /* Binary Switch Set on: the load draws 100.0 W; W and A go to the Lifeline */
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    expect_w(fx, NID, 1000);
    expect_a_near(fx, NID, 1000);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x20, 0x02}), 0x20, 0x03, 0xFF);
    /* Meter Get per scale */
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x10); /* W */
    expect_w(fx, NID, 1000);
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x28); /* A */
    expect_a_near(fx, NID, 1000);
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x20); /* V: 119.5..120.5 */
    uint8_t cmd[16];
    assert_int_equal(tw_ach_any(fx, NID, cmd, sizeof cmd, 2000), 8);
    TW_MEM(cmd, 0x32, 0x02, 0xA1, 0x22);
    assert_in_range(cmd[4] << 8 | cmd[5], 1195, 1205);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x32, 0x01, 0x00}), 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00); /* kWh: 0.00 after a few seconds at 100 W */
    /* a scale it does not measure (kVAh): no report */
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x08);
    TW_QUIET(fx, 200);
    /* a load change within the 5 % threshold (parameter 6) is not reported, a bigger one is */
    tw_event(fx, "node 2 load 104");
    TW_QUIET(fx, 300);
    tw_event(fx, "node 2 load 150.5");
    expect_w(fx, NID, 1505);
    expect_a_near(fx, NID, 1505);
    /* threshold 50 %: 150.5 -> 200 W stays quiet, -> 400 W is reported */
    uint8_t c2 = cb;
    tw_config_set(fx, NID, &c2, 6, 1, 50);
    tw_event(fx, "node 2 load 200");
    TW_QUIET(fx, 300);
    tw_event(fx, "node 2 load 400");
    expect_w(fx, NID, 4000);
    expect_a_near(fx, NID, 4000);
    /* Basic Set off (Basic is linked to the switch): power drops to 0 */
    TW_SEND(fx, NID, c2++, 0x20, 0x01, 0x00);
    expect_w(fx, NID, 0);
    TW_ACH(fx, NID, 0x32, 0x02, 0xA1, 0x4A, 0x00, 0x00, 0x00, 0x00);
    TW_GET(fx, NID, c2++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    /* reserved switch values are refused */
    TW_SEND(fx, NID, c2++, 0x25, 0x01, 0x64);
    TW_GET(fx, NID, c2++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    /* parameter 1 = 0: no metering reports */
    tw_config_set(fx, NID, &c2, 1, 1, 0);
    TW_SEND(fx, NID, c2++, 0x25, 0x01, 0x01);
    TW_QUIET(fx, 300);
    /* periodic reports: parameter 1 back on, parameter 2 = 1 s: all four scales */
    tw_config_set(fx, NID, &c2, 1, 1, 1);
    expect_w(fx, NID, 4000); /* the relay came on while reports were off: reported now */
    expect_a_near(fx, NID, 4000);
    tw_config_set(fx, NID, &c2, 2, 2, 1);
    for (int round = 0; round < 2; round++) {
        TW_ACH(fx, NID, 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00);
        expect_w(fx, NID, 4000);
        assert_int_equal(tw_ach_any(fx, NID, cmd, sizeof cmd, 2000), 8);
        TW_MEM(cmd, 0x32, 0x02, 0xA1, 0x22);
        expect_a_near(fx, NID, 4000);
    }
}

static void energy_accumulates_and_resets(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_event(fx, "node 2 load 1000");
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    expect_w(fx, NID, 10000);
    expect_a_near(fx, NID, 10000);
    /* 0.01 kWh = 36 s at 1000 W = 1.8 s at --time-scale 20: reported as it moves past 5 % */
    TW_ACH(fx, NID, 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00);
    TW_ACH(fx, NID, 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x02, 0x00, 0x00);
    /* relay off stops the counter; Meter Reset zeroes it */
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0x00);
    expect_w(fx, NID, 0);
    TW_ACH(fx, NID, 0x32, 0x02, 0xA1, 0x4A, 0x00, 0x00, 0x00, 0x00);
    uint8_t cmd[16];
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x00);
    assert_int_equal(tw_ach_any(fx, NID, cmd, sizeof cmd, 2000), 10);
    TW_MEM(cmd, 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00);
    assert_in_range(cmd[7], 2, 3);
    TW_SEND(fx, NID, cb++, 0x32, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x32, 0x01, 0x00}), 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x00, 0x00,
           0x00);
}

static void overload_alarm(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* Notification Supported Report: type 08 Power Management; its events: 08 over-load */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x07}), 0x71, 0x08, 0x02, 0x00, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x01, 0x08}), 0x71, 0x02, 0x08, 0x02, 0x00, 0x01);
    /* node 3 (a switch) in group 2, which gets Basic Set on relay changes */
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x02, 0x03);
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    TW_QUIET(fx, 200); /* no load: no power to report */
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    /* 2000 W at ~120 V is 16.7 A, over the 13 A of parameter 3: the relay opens and
     * Notification Report v4 "Power Management: over-load detected" (08/08) goes
     * to the Lifeline (71 05 [v1 type] [v1 level] [reserved] [status FF] 08 08 [0 params]) */
    tw_event(fx, "node 2 load 2000");
    TW_ACH(fx, NID, 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x08, 0x00);
    TW_QUIET(fx, 200); /* the relay opened before any power was metered */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00); /* group 2 got Basic Set 00 */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x04, 0x00, 0x08, 0x00}), 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08,
           0x08, 0x00);
    /* the button clears the alarm: idle (event 00) naming the cleared event 08 */
    tw_event(fx, "node 2 on");
    TW_ACH(fx, NID, 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08, 0x00, 0x01, 0x08);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x04, 0x00, 0x08, 0x00}), 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x08,
           0x00, 0x01, 0x08);
    /* a limit of 16 A takes 1800 W */
    tw_config_set(fx, NID, &cb, 3, 1, 16);
    tw_event(fx, "node 2 load 1800");
    tw_event(fx, "node 2 on");
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF); /* the button's change goes to the Lifeline */
    expect_w(fx, NID, 18000);
    expect_a_near(fx, NID, 18000);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
}

static void association_groups(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x05}), 0x85, 0x06, 0x03);
    /* pre-included: the controller is in the Lifeline; groups of 5 nodes */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x01}), 0x85, 0x03, 0x01, 0x05, 0x00, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x02}), 0x85, 0x03, 0x02, 0x05, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x03}), 0x85, 0x03, 0x03, 0x05, 0x00);
    /* an unknown group is answered with the Lifeline (Association v2) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x09}), 0x85, 0x03, 0x01, 0x05, 0x00, 0x01);
    /* 6 nodes into group 2: 5 fit */
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x02}), 0x85, 0x03, 0x02, 0x05, 0x00, 0x03, 0x04, 0x05, 0x06,
           0x07);
    TW_SEND(fx, NID, cb++, 0x85, 0x04, 0x02, 0x04, 0x06);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x02}), 0x85, 0x03, 0x02, 0x05, 0x00, 0x03, 0x05, 0x07);
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x03, 0x05);
    /* Remove group 0, node 5: from every group */
    TW_SEND(fx, NID, cb++, 0x85, 0x04, 0x00, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x02}), 0x85, 0x03, 0x02, 0x05, 0x00, 0x03, 0x07);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x03}), 0x85, 0x03, 0x03, 0x05, 0x00);
    /* AGI: names, profiles (Lifeline 00 01, control key 1 20 01, notification power
     * management 71 08) and the commands each group sends */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x01, 0x01}), 0x59, 0x02, 0x01, 0x08, 'L', 'i', 'f', 'e', 'l', 'i',
           'n', 'e');
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x01, 0x02}), 0x59, 0x02, 0x02, 0x07, 'G', 'r', 'o', 'u', 'p', ' ',
           '2');
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x03, 0x40, 0x00}), 0x59, 0x04, 0x83, 0x01, 0x00, 0x00, 0x01, 0x00,
           0x00, 0x00, 0x02, 0x00, 0x20, 0x01, 0x00, 0x00, 0x00, 0x03, 0x00, 0x71, 0x08, 0x00, 0x00, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x05, 0x00, 0x01}), 0x59, 0x06, 0x01, 0x08, 0x25, 0x03, 0x32, 0x02,
           0x71, 0x05, 0x5A, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x05, 0x00, 0x02}), 0x59, 0x06, 0x02, 0x02, 0x20, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x05, 0x00, 0x03}), 0x59, 0x06, 0x03, 0x02, 0x71, 0x05);
    /* the button: Switch Binary Report to the Lifeline, Basic Set to group 2 (node 3) */
    tw_event(fx, "node 2 on");
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    /* an empty Lifeline: unsolicited reports go nowhere */
    TW_SEND(fx, NID, cb++, 0x85, 0x04, 0x01);
    tw_event(fx, "node 2 off");
    TW_QUIET(fx, 300);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x01, 0x01);
    tw_event(fx, "node 2 on");
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    /* parameter 10 = 0: the button does nothing */
    tw_config_set(fx, NID, &cb, 10, 1, 0);
    tw_event(fx, "node 2 off");
    TW_QUIET(fx, 300);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
}

static void switch_all_and_reset(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* Switch All v1. Mode values per the Z-Wave specification: 00 excluded, 01 in
     * All Off only, 02 in All On only, FF both. (Seed 000's "Switch All Mode" table
     * has 1 and 2 the other way round; the specification is followed.) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x27, 0x02}), 0x27, 0x03, 0xFF);
    TW_SEND(fx, NID, cb++, 0x27, 0x01, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x27, 0x02}), 0x27, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x27, 0x04);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x27, 0x01, 0x02);
    TW_SEND(fx, NID, cb++, 0x27, 0x04);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    TW_SEND(fx, NID, cb++, 0x27, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    TW_SEND(fx, NID, cb++, 0x27, 0x01, 0x01);
    TW_SEND(fx, NID, cb++, 0x27, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x27, 0x01, 0x03); /* reserved mode: refused */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x27, 0x02}), 0x27, 0x03, 0x01);
    /* the reset button: Device Reset Locally Notification to the Lifeline; then
     * the plug has left the network and acknowledges nothing */
    tw_event(fx, "node 2 reset");
    TW_ACH(fx, NID, 0x5A, 0x01);
    TW_SEND_NOACK(fx, NID, cb++, 0x25, 0x02);
}

static void auto_turn_off(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_config_set(fx, NID, &cb, 2, 2, 65535); /* no periodic reports in the way */
    /* parameter 8 = 1, parameter 9 = 1 minute (1 s at --time-scale 60) */
    tw_config_set(fx, NID, &cb, 8, 1, 1);
    tw_config_set(fx, NID, &cb, 9, 2, 1);
    tw_event(fx, "node 2 load 60");
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    uint64_t t0 = sim_now_ms();
    expect_w(fx, NID, 600);
    expect_a_near(fx, NID, 600);
    expect_w(fx, NID, 0);
    uint64_t dt = sim_now_ms() - t0;
    assert_in_range(dt, 800, 1600);
    TW_ACH(fx, NID, 0x32, 0x02, 0xA1, 0x4A, 0x00, 0x00, 0x00, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
}

static void included_later_has_empty_lifeline(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* AddNode: the pending zen07 joins as node 2 */
    fx_req_noreply(fx, 0x4A, FX_BYTES(0xC1, 0x01));
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x01, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x02, 0x00, 0x00), 1000);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x03, 0x02, 15, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x27, 0x32, 0x59, 0x5A, 0x70,
                                 0x71, 0x72, 0x73, 0x85, 0x86),
              2000);
    fx_expect(fx, 0x4A, FX_BYTES(0x01, 0x05, 0x02, 0x00), 1000);
    fx_req_noreply(fx, 0x4A, FX_BYTES(0x05, 0x02));
    fx_expect(fx, 0x4A, FX_BYTES(0x02, 0x06, 0x02, 0x00), 1000);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x01}), 0x85, 0x03, 0x01, 0x05, 0x00);
    tw_event(fx, "node 2 on");
    TW_QUIET(fx, 300);
    /* the host's Association Set: now it reports */
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x01, 0x01);
    tw_event(fx, "node 2 off");
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nif_versions_and_identity, setup, fx_stop),
        cmocka_unit_test_setup_teardown(configuration_parameters, setup, fx_stop),
        cmocka_unit_test_setup_teardown(switch_and_meters, setup, fx_stop),
        cmocka_unit_test_setup_teardown(energy_accumulates_and_resets, setup_fast, fx_stop),
        cmocka_unit_test_setup_teardown(overload_alarm, setup, fx_stop),
        cmocka_unit_test_setup_teardown(association_groups, setup, fx_stop),
        cmocka_unit_test_setup_teardown(switch_all_and_reset, setup, fx_stop),
        cmocka_unit_test_setup_teardown(auto_turn_off, setup_minutes, fx_stop),
        cmocka_unit_test_setup_teardown(included_later_has_empty_lifeline, setup_pending, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
