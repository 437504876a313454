/* The ezmultipli twin (Express Controls EZMultiPli) through zwh-sim's Serial API
 * with raw frames, against the EZMultiPli articles of seed 004
 * (/work/shared/seeds/004_*.txt): motion Notification and association group 2
 * Basic Set to another node with the OnTime rule, temperature and light level
 * Multilevel Sensor, the color LED, the five parameters with the signed
 * TempAdj, and a sleeping ezmultipli holding frames until `wake`.
 *
 * Multilevel Sensor Report: 31 05 type [precision <<5 | scale <<3 | size] value;
 * temperature in 0.1 degree F (scale 1) unless Celsius is asked for, light in lux. */
#include "twin_fixture.h"

#define NID 2

static int setup(void **state)
{
    const char *args[] = {"--seed", "3", "--report-order", "after", "--devices", "ezmultipli:2,switch:3", NULL};
    return fx_start(state, args);
}

static int setup_minutes(void **state)
{
    /* a device minute is 1 s: OnTime counts down in the test */
    const char *args[] = {"--seed", "3", "--report-order", "after", "--time-scale", "60", "--devices",
                          "ezmultipli:2,switch:3", NULL};
    return fx_start(state, args);
}

static int setup_sleeping(void **state)
{
    const char *args[] = {"--seed", "3", "--report-order", "after", "--devices", "ezmultipli:2,ezmultipli:4:sleep=3600",
                          NULL};
    return fx_start(state, args);
}

static void nif_identity_and_sensors(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* listening routing end node, notification sensor; S2 SmartStart device classes */
    fx_res(fx, 0x60, FX_BYTES(NID), FX_BYTES(0x01));
    fx_expect(fx, 0x49, FX_BYTES(0x84, NID, 17, 0x04, 0x07, 0x01, 0x5E, 0x55, 0x9F, 0x6C, 0x31, 0x33, 0x59, 0x5A, 0x70,
                                 0x71, 0x72, 0x73, 0x85, 0x86),
              1000);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x11}), 0x86, 0x12, 0x03, 0x06, 0x04, 0x02, 0x00, 0x02, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x31}), 0x86, 0x14, 0x31, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x33}), 0x86, 0x14, 0x33, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x71}), 0x86, 0x14, 0x71, 0x04);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x86, 0x13, 0x70}), 0x86, 0x14, 0x70, 0x01);
    /* the QR code's product facts: Express Controls 0x001E, type 0x0004, id 0x0001 */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x72, 0x04}), 0x72, 0x05, 0x00, 0x1E, 0x00, 0x04, 0x00, 0x01);
    /* MS v2 Device Specific Report: a binary serial number of 8 bytes */
    TW_SEND(fx, NID, cb++, 0x72, 0x06, 0x01);
    uint8_t cmd[40];
    assert_int_equal(tw_ach_any(fx, NID, cmd, sizeof cmd, 2000), 12);
    TW_MEM(cmd, 0x72, 0x07, 0x01, 0x28);
    /* Z-Wave Plus v2, always-on end node, icon 0x0C07 (home security sensor) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x5E, 0x01}), 0x5E, 0x02, 0x02, 0x05, 0x00, 0x0C, 0x07, 0x0C, 0x07);
    /* Lifeline (1 node: the controller) and group 2 (4 nodes) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x05}), 0x85, 0x06, 0x02);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x01}), 0x85, 0x03, 0x01, 0x01, 0x00, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x85, 0x02, 0x02}), 0x85, 0x03, 0x02, 0x04, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x59, 0x05, 0x00, 0x02}), 0x59, 0x06, 0x02, 0x02, 0x20, 0x01);
    /* Multilevel Sensor v5: temperature (1) and illuminance (3) */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x01}), 0x31, 0x02, 0x05);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x03, 0x01}), 0x31, 0x06, 0x01, 0x03);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x03, 0x03}), 0x31, 0x06, 0x03, 0x02);
    /* a 21.0 C room: 69.8 F (0x02BA), 21.0 C (0x00D2); 100 lux */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x01, 0x08}), 0x31, 0x05, 0x01, 0x2A, 0x02, 0xBA);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x01, 0x00}), 0x31, 0x05, 0x01, 0x22, 0x00, 0xD2);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04}), 0x31, 0x05, 0x01, 0x2A, 0x02, 0xBA); /* v1 Get */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x03, 0x08}), 0x31, 0x05, 0x03, 0x0A, 0x00, 0x64);
    TW_SEND(fx, NID, cb++, 0x31, 0x04, 0x05, 0x00); /* humidity: it has none */
    TW_QUIET(fx, 200);
    /* stdin events: reports to the Lifeline */
    tw_event(fx, "node 2 temperature 25");
    TW_ACH(fx, NID, 0x31, 0x05, 0x01, 0x2A, 0x03, 0x02); /* 77.0 F */
    tw_event(fx, "node 2 temperature -5.5");
    TW_ACH(fx, NID, 0x31, 0x05, 0x01, 0x2A, 0x00, 0xDD); /* 22.1 F */
    tw_event(fx, "node 2 lux 250");
    TW_ACH(fx, NID, 0x31, 0x05, 0x03, 0x0A, 0x00, 0xFA);
    tw_event(fx, "node 2 temperature warm");
    TW_QUIET(fx, 200);
    /* Notification v4: Home Security (07), event 08 motion detection */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x07}), 0x71, 0x08, 0x01, 0x80);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x01, 0x07}), 0x71, 0x02, 0x07, 0x02, 0x00, 0x01);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x04, 0x00, 0x07, 0x00}), 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x07,
           0x00, 0x01, 0x08);
}

/* seed 004: "1. OnTime 2. OnLevel 3. LiteMin 4. TempMin 5. TempAdj", 1 byte each,
 * "Officially all parameters are supposed to be twos-complement"; OnTime
 * default 10 ("OnTime=10 default setting") */
static const tw_param_t EZM_PARAMS[] = {
    {1, 1, 0, 127, 10}, /* OnTime, minutes */
    {3, 1, 0, 127, 60}, /* LiteMin, minutes between luminance reports */
    {4, 1, 0, 127, 60}, /* TempMin, minutes between temperature reports */
    {5, 1, -128, 127, 0}, /* TempAdj, 1/10 degree F, signed */
};

static void parameters_and_signed_adjust(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_config_check_all(fx, NID, &cb, EZM_PARAMS, sizeof EZM_PARAMS / sizeof EZM_PARAMS[0]);
    /* OnLevel: a Basic Set value, 0..99 or FF (-1 signed), default FF */
    tw_config_expect(fx, NID, &cb, 2, 1, 0xFF);
    tw_config_set(fx, NID, &cb, 2, 1, 99);
    tw_config_expect(fx, NID, &cb, 2, 1, 99);
    tw_config_set(fx, NID, &cb, 2, 1, 100);
    tw_config_expect(fx, NID, &cb, 2, 1, 99);
    tw_config_set(fx, NID, &cb, 2, 1, 0xFE);
    tw_config_expect(fx, NID, &cb, 2, 1, 99);
    tw_config_set(fx, NID, &cb, 2, 1, 0xFF);
    tw_config_expect(fx, NID, &cb, 2, 1, 0xFF);
    /* TempAdj -1.2 F: "you have to enter the number of 256-12=244" (F4) */
    tw_config_set(fx, NID, &cb, 5, 1, 244);
    tw_config_expect(fx, NID, &cb, 5, 1, 0xF4);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x01, 0x08}), 0x31, 0x05, 0x01, 0x2A, 0x02, 0xAE); /* 68.6 F */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x01, 0x00}), 0x31, 0x05, 0x01, 0x22, 0x00, 0xCB); /* 20.3 C */
    tw_event(fx, "node 2 temperature 25.0");
    TW_ACH(fx, NID, 0x31, 0x05, 0x01, 0x2A, 0x02, 0xF6); /* 77.0 - 1.2 = 75.8 F */
    /* +1.2 F */
    tw_config_set(fx, NID, &cb, 5, 1, 12);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x31, 0x04, 0x01, 0x08}), 0x31, 0x05, 0x01, 0x2A, 0x03, 0x0E); /* 78.2 F */
    /* with Supervision: a Set out of range is FAIL */
    TW_SEND(fx, NID, cb++, 0x6C, 0x01, 0x01, 0x05, 0x70, 0x04, 0x01, 0x01, 0x80); /* OnTime -128 */
    TW_ACH(fx, NID, 0x6C, 0x02, 0x01, 0x02, 0x00);
    tw_config_expect(fx, NID, &cb, 1, 1, 10);
}

static void color_led(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* red, green, blue: "any of 8 different colors" */
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x01}), 0x33, 0x02, 0x1C, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x02}), 0x33, 0x04, 0x02, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x20, 0x02}), 0x20, 0x03, 0x00);
    /* Set red FF, blue 80 (33 05 count {component value}) */
    TW_SEND(fx, NID, cb++, 0x33, 0x05, 0x02, 0x02, 0xFF, 0x04, 0x80);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x02}), 0x33, 0x04, 0x02, 0xFF);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x03}), 0x33, 0x04, 0x03, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x04}), 0x33, 0x04, 0x04, 0x80);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x20, 0x02}), 0x20, 0x03, 0xFF);
    /* warm white is not a component of this LED: the Set is refused, Get unanswered */
    TW_SEND(fx, NID, cb++, 0x33, 0x05, 0x02, 0x00, 0xFF, 0x03, 0xFF);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x03}), 0x33, 0x04, 0x03, 0x00);
    TW_SEND(fx, NID, cb++, 0x33, 0x03, 0x00);
    TW_QUIET(fx, 200);
    /* Basic off keeps the color for Basic on */
    TW_SEND(fx, NID, cb++, 0x20, 0x01, 0x00);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x02}), 0x33, 0x04, 0x02, 0x00);
    TW_SEND(fx, NID, cb++, 0x20, 0x01, 0xFF);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x33, 0x03, 0x04}), 0x33, 0x04, 0x04, 0x80);
    /* reset: Device Reset Locally to the Lifeline, then gone */
    tw_event(fx, "node 2 reset");
    TW_ACH(fx, NID, 0x5A, 0x01);
    TW_SEND_NOACK(fx, NID, cb++, 0x33, 0x01);
}

#define MOTION 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x07, 0x08, 0x00
#define IDLE 0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x07, 0x00, 0x01, 0x08

static void motion_and_group_2(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    tw_config_set(fx, NID, &cb, 4, 1, 0); /* no periodic sensor reports in the way */
    tw_config_set(fx, NID, &cb, 3, 1, 0);
    tw_config_set(fx, NID, &cb, 1, 1, 1); /* OnTime 1 minute: 1 s here */
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x02, 0x03);
    /* motion: Notification to the Lifeline, Basic Set OnLevel (FF) to node 3 */
    tw_event(fx, "node 2 motion on");
    TW_ACH(fx, NID, MOTION);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    TW_GET(fx, NID, cb++, ((const uint8_t[]){0x71, 0x04, 0x00, 0x07, 0x00}), MOTION);
    /* more motion: nothing new is sent */
    tw_event(fx, "node 2 motion on");
    TW_QUIET(fx, 300);
    /* motion stops: idle only after OnTime, then Basic Set 0 to node 3 */
    tw_event(fx, "node 2 motion off");
    uint64_t t0 = sim_now_ms();
    TW_ACH(fx, NID, IDLE);
    assert_in_range(sim_now_ms() - t0, 800, 1600);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0x00);
    /* motion again within OnTime restarts the countdown: no idle in between */
    tw_config_set(fx, NID, &cb, 2, 1, 50); /* OnLevel 50 */
    tw_event(fx, "node 2 motion on");
    TW_ACH(fx, NID, MOTION);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF); /* Basic Set 0x32: on */
    tw_event(fx, "node 2 motion off");
    TW_QUIET(fx, 500);
    tw_event(fx, "node 2 motion on");
    TW_QUIET(fx, 1300);
    /* OnTime 0: idle at once, and no OFF command */
    tw_config_set(fx, NID, &cb, 1, 1, 0);
    tw_event(fx, "node 2 motion off");
    TW_ACH(fx, NID, IDLE);
    TW_GET(fx, 3, cb++, ((const uint8_t[]){0x25, 0x02}), 0x25, 0x03, 0xFF);
    /* a node that is not in the network is skipped; an empty Lifeline hears nothing */
    TW_SEND(fx, NID, cb++, 0x85, 0x01, 0x02, 0x09);
    TW_SEND(fx, NID, cb++, 0x85, 0x04, 0x01);
    tw_event(fx, "node 2 motion on");
    tw_event(fx, "node 2 lux 5");
    TW_QUIET(fx, 300);
}

static void sleeping_node_holds_frames_until_wake(void **state)
{
    fx_t *fx = *state;
    uint8_t cb = 1;
    /* asleep (wake-up interval an hour): not acknowledged, the host keeps the frame */
    TW_SEND_NOACK(fx, 4, cb++, 0x31, 0x04, 0x03, 0x08);
    /* a listening node has no wake-up button */
    tw_event(fx, "node 2 wake");
    TW_QUIET(fx, 200);
    /* the button: Wake Up Notification now; the held Get goes through */
    tw_event(fx, "node 4 wake");
    TW_ACH(fx, 4, 0x84, 0x07);
    TW_GET(fx, 4, cb++, ((const uint8_t[]){0x31, 0x04, 0x03, 0x08}), 0x31, 0x05, 0x03, 0x0A, 0x00, 0x64);
    /* Wake Up No More Information: asleep again */
    TW_SEND(fx, 4, cb++, 0x84, 0x08);
    TW_SEND_NOACK(fx, 4, cb++, 0x31, 0x04, 0x03, 0x08);
    tw_event(fx, "node 4 wake");
    TW_ACH(fx, 4, 0x84, 0x07);
    TW_GET(fx, 4, cb++, ((const uint8_t[]){0x71, 0x04, 0x00, 0x07, 0x00}), IDLE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(nif_identity_and_sensors, setup, fx_stop),
        cmocka_unit_test_setup_teardown(parameters_and_signed_adjust, setup, fx_stop),
        cmocka_unit_test_setup_teardown(color_led, setup, fx_stop),
        cmocka_unit_test_setup_teardown(motion_and_group_2, setup_minutes, fx_stop),
        cmocka_unit_test_setup_teardown(sleeping_node_holds_frames_until_wake, setup_sleeping, fx_stop),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
