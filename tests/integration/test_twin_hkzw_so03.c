/* The hkzw_so03 twin (Hank HKZW_SO03 / Zooz ZEN06 Smart Plug) through zwh-sim's
 * Serial API with raw frames, against its seed document
 * (/work/shared/seeds/001_*.txt). It is an S0 device; without --keys a
 * pre-included node talks plaintext, which is what these tests use. Meter
 * bytes as in test_twin_zen07.c (same Meter v3 plug). */
#include "twin_fixture.h"

#define NID 2

static int setup(void **state)
{
    const char *args[] = {"--seed", "11", "--report-order", "after", "--devices", "hkzw_so03:2", NULL};
    return fx_start(state, args);
}

static int setup_fast(void **state)
{
    /* 10 device seconds per second: the 5 s of the overload rule take 0.5 s */
    const char *args[] = {"--seed", "11", "--report-order", "after", "--time-scale", "10", "--devices",
                          "hkzw_so03:2", NULL};
    return fx_start(state, args);
}

static void expect_w(fx_t *fx, uint32_t w10)
{
    TW_ACH(fx, NID, 0x32, 0x02, 0x21, 0x34, (uint8_t)(w10 >> 24), (uint8_t)(w10 >> 16), (uint8_t)(w10 >> 8),
           (uint8_t)w10, 0x00, 0x00);
}

static void expect_a_near(fx_t *fx, uint32_t w10)
{
    uint8_t cmd[16];
    assert_int_equal(tw_ach_any(fx, NID, cmd, sizeof cmd, 3000), 8);
    TW_MEM(cmd, 0x32, 0x02, 0xA1, 0x4A);
    assert_in_range(cmd[4] << 8 | cmd[5], w10 * 100 / 1205, (w10 * 100 + 1194) / 1195);
}

static void nif_versions_identity(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* seed 001's classes, Security (0x98) included, in the NIF */
    fx_res(fx, 0x60, FX_BYTES(NID), FX_BYTES(0x01));
    fx_expect(fx, 0x49, FX_BYTES(0x84, NID, 18, 0x04, 0x10, 0x01, 0x5E, 0x25, 0x27, 0x2B, 0x2C, 0x32, 0x59, 0x5A, 0x70,
                                 0x72, 0x73, 0x7A, 0x85, 0x86, 0x98),
              1000);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x11}), 0x86, 0x12, 0x03, 0x04, 0x3D, 0x01, 0x04, 0x01, 0x00);
    /* seed 001 "Endpoint 0" table, plus COMMAND_CLASS_SECURITY of its required list */
    static const uint8_t seed_versions[][2] = {{0x00, 1}, {0x20, 1}, {0x25, 1}, {0x27, 1}, {0x2B, 1}, {0x2C, 1},
                                               {0x32, 3}, {0x59, 1}, {0x5A, 1}, {0x5E, 1}, {0x70, 1}, {0x72, 1},
                                               {0x73, 1}, {0x7A, 1}, {0x85, 2}, {0x86, 2}, {0x98, 1}};
    for (size_t i = 0; i < sizeof seed_versions / sizeof seed_versions[0]; i++) {
        const uint8_t get[] = {0x86, 0x13, seed_versions[i][0]};
        tw_send_status(fx, NID, cb++, 0x00, get, sizeof get);
        TW_ACH(fx, NID, 0x86, 0x14, seed_versions[i][0], seed_versions[i][1]);
    }
    /* no Alarm/Notification class in seed 001: version 0, its Get unanswered */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x71}), 0x86, 0x14, 0x71, 0x00);
    TW_SEND(fx, NID, cb++, 0x71, 0x04, 0x00, 0x08, 0x00);
    TW_QUIET(fx, 200);
    /* Manufacturer Specific: Hank 0x0208, type 0x0101, id 0x000A */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x72, 0x04}), 0x72, 0x05, 0x02, 0x08, 0x01, 0x01, 0x00, 0x0A);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x5E, 0x01}), 0x5E, 0x02, 0x01, 0x05, 0x00, 0x07, 0x01, 0x07, 0x01);
    /* Firmware Update Meta Data v1 Report: manufacturer, firmware id, checksum */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x7A, 0x01}), 0x7A, 0x02, 0x02, 0x08, 0x01, 0x0A, 0x6C, 0x2B);
    /* the Lifeline, the one group (5 nodes), holds the controller */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x05}), 0x85, 0x06, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x01}), 0x85, 0x03, 0x01, 0x05, 0x00, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x01, 0x01}), 0x59, 0x02, 0x01, 0x08, 'L', 'i', 'f', 'e', 'l', 'i',
           'n', 'e');
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x05, 0x00, 0x01}), 0x59, 0x06, 0x01, 0x08, 0x25, 0x03, 0x32, 0x02,
           0x2B, 0x01, 0x5A, 0x01);
}

/* seed 001 "Device Configuration": every parameter "Size: 1 byte dec" (config_N_1).
 * Parameter 21: the seed's range line reads "0 to 1" but its value list has
 * 0, 1 and 2 ("2 – Smart Plug automatically turns OFF once power is
 * restored"); the device takes 2, so the range is 0..2. */
static const tw_param_t HKZW_PARAMS[] = {
    {20, 1, 0, 1, 1}, /* Overload Protection, default 1 (enabled) */
    {21, 1, 0, 2, 0}, /* On/Off Status Recovery After Power Failure, default 0 */
    {24, 1, 0, 2, 1}, /* On/Off Status Change Notifications, default 1 */
    {27, 1, 0, 1, 0}, /* Led Indicator Control, default 0 */
};

static void configuration_parameters(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_config_check_all(fx, NID, &cb, HKZW_PARAMS, sizeof HKZW_PARAMS / sizeof HKZW_PARAMS[0]);
    /* 0xFF (-1 to a v1 signed reader, 255 unsigned) is out of every range */
    tw_config_set(fx, NID, &cb, 27, 1, 0xFF);
    tw_config_expect(fx, NID, &cb, 27, 1, 0);
    /* the ZEN07's parameters do not exist here */
    TW_SEND(fx, NID, cb++, 0x70, 0x05, 0x01);
    TW_QUIET(fx, 200);
}

static void status_notifications_and_scenes(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* parameter 24 = 1 (default): changes by Z-Wave and by hand are reported */
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    tw_event(fx, "node 2 off");
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
    /* 2: only by hand */
    tw_config_set(fx, NID, &cb, 24, 1, 2);
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    TW_QUIET(fx, 200);
    tw_event(fx, "node 2 off");
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
    /* 0: never */
    tw_config_set(fx, NID, &cb, 24, 1, 0);
    tw_event(fx, "node 2 on");
    TW_QUIET(fx, 300);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    tw_config_set(fx, NID, &cb, 24, 1, 1);
    /* the scene button: Scene Activation Set (2B 01 scene duration) to the Lifeline */
    tw_event(fx, "node 2 scene 3");
    TW_ACH(fx, NID, 0x2B, 0x01, 0x03, 0x00);
    tw_event(fx, "node 2 scene 255");
    TW_ACH(fx, NID, 0x2B, 0x01, 0xFF, 0x00);
    tw_event(fx, "node 2 scene 0"); /* no scene 0 */
    TW_QUIET(fx, 200);
    /* Scene Actuator Conf: scene 5 = off (override, level 0), scene 6 = the current
     * state (on; override 0 takes it), duration 10 s */
    TW_SEND(fx, NID, cb++, 0x2C, 0x01, 0x05, 0x0A, 0x80, 0x00);
    TW_SEND(fx, NID, cb++, 0x2C, 0x01, 0x06, 0x0A, 0x00, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x2C, 0x02, 0x05}), 0x2C, 0x03, 0x05, 0x00, 0x0A);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x2C, 0x02, 0x06}), 0x2C, 0x03, 0x06, 0xFF, 0x0A);
    /* a reserved level is refused */
    TW_SEND(fx, NID, cb++, 0x2C, 0x01, 0x07, 0x00, 0x80, 0x64);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x2C, 0x02, 0x07}), 0x2C, 0x03, 0x07, 0x00, 0x00);
    /* activating scene 5 turns the plug off (reported: parameter 24 = 1) */
    TW_SEND(fx, NID, cb++, 0x2B, 0x01, 0x05, 0xFF);
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x2C, 0x02, 0x00}), 0x2C, 0x03, 0x05, 0x00, 0x0A); /* the active one */
    TW_SEND(fx, NID, cb++, 0x2B, 0x01, 0x06, 0xFF);
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    /* switched outside a scene: none is active */
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0x00);
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x2C, 0x02, 0x00}), 0x2C, 0x03, 0x00, 0x00, 0x00);
    /* reset: Device Reset Locally to the Lifeline, then gone */
    tw_event(fx, "node 2 reset");
    TW_ACH(fx, NID, 0x5A, 0x01);
    TW_SEND_NOACK(fx, NID, cb++, 0x25, 0x02);
}

static void meters_and_overload(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x32, 0x03}), 0x32, 0x04, 0x81, 0x35);
    tw_event(fx, "node 2 load 1000");
    TW_SEND(fx, NID, cb++, 0x25, 0x01, 0xFF);
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    expect_w(fx, 10000);
    expect_a_near(fx, 10000);
    TW_SEND(fx, NID, cb++, 0x32, 0x01, 0x10);
    expect_w(fx, 10000);
    /* the energy counter restarts (0.01 kWh would be reported in under 2 s here) */
    TW_SEND(fx, NID, cb++, 0x32, 0x05);
    /* parameter 20 = 0: 2000 W (16.7 A) stays on */
    tw_config_set(fx, NID, &cb, 20, 1, 0);
    tw_event(fx, "node 2 load 2000");
    expect_w(fx, 20000);
    expect_a_near(fx, 20000);
    TW_QUIET(fx, 1000);
    /* enabled: above 16.5 A for 5 s (0.5 s here) the relay opens */
    uint64_t t0 = sim_now_ms();
    tw_config_set(fx, NID, &cb, 20, 1, 1);
    TW_ACH(fx, NID, 0x25, 0x03, 0x00);
    assert_in_range(sim_now_ms() - t0, 350, 1200);
    expect_w(fx, 0);
    TW_ACH(fx, NID, 0x32, 0x02, 0xA1, 0x4A, 0x00, 0x00, 0x00, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x32, 0x05);
    /* 1900 W = 15.8 A: under the limit, stays on */
    tw_event(fx, "node 2 load 1900");
    TW_SEND(fx, NID, cb++, 0x20, 0x01, 0xFF);
    TW_ACH(fx, NID, 0x25, 0x03, 0xFF);
    expect_w(fx, 19000);
    expect_a_near(fx, 19000);
    TW_QUIET(fx, 700);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nif_versions_identity, setup, fx_stop),
        cmocka_unit_test_setup_teardown(configuration_parameters, setup, fx_stop),
        cmocka_unit_test_setup_teardown(status_notifications_and_scenes, setup, fx_stop),
        cmocka_unit_test_setup_teardown(meters_and_overload, setup_fast, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
