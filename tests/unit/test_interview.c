/* The interview state machine: whole interviews of simulated nodes (a door
 * lock, a V1 plug, an n4003-like S2 plug, a sleeping sensor across two
 * wake-ups, a Multi Channel node), each request asserted byte by byte with its
 * security class and end point (scripts in tests/support/iv_script.c); flaky
 * nodes (retries, then unknown, the rest goes on); answers that are not
 * answers; misuse. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "host/interview.h"
#include "iv_script.h"
#include "zwhost/zwhost.h"

static uint32_t run(const ivt_device_t *dev, zwh__facts_t *f)
{
    return ivt_run(dev, dev->steps, dev->step_count, f);
}

static void lock_interview(void **state)
{
    (void)state;
    zwh__facts_t f;
    assert_int_equal(run(&ivt_lock, &f), 0);
    const zwh__ep_facts_t *root = zwh__facts_ep(&f, 0);
    assert_non_null(root);
    assert_int_equal(root->generic, 0x40);
    assert_true(root->secure_known);
    assert_true(zwh__cc_list_has(&root->secure, ZWH_CC_DOOR_LOCK));
    assert_false(zwh__cc_list_has(&root->secure, ZWH_CC_ZWAVEPLUS_INFO));
    assert_int_equal(zwh__facts_version(&f, ZWH_CC_DOOR_LOCK, NULL), 4);
    assert_int_equal(zwh__facts_version(&f, ZWH_CC_USER_CODE, NULL), 2);
    assert_true(f.has_version_caps);
    assert_int_equal(f.version_caps.zwave_software, 1);
    assert_int_equal(f.manufacturer.manufacturer_id, 0x0090);
    /* Door Lock capabilities */
    assert_true(root->has_door_lock_caps);
    assert_int_equal(root->door_lock_caps.operation_types, 0x06);
    assert_int_equal(root->door_lock_caps.nmodes, 3);
    assert_int_equal(root->door_lock_caps.modes[2], ZWH_DOOR_LOCK_MODE_SECURED);
    assert_int_equal(root->door_lock_caps.outside_handles, 1);
    assert_int_equal(root->door_lock_caps.door_components, 7);
    assert_int_equal(root->door_lock_caps.auto_relock, 1);
    assert_int_equal(root->door_lock_caps.hold_and_release, 0);
    /* User Code: 30 users (the extended count), admin code, digits only */
    assert_true(root->has_users);
    assert_int_equal(root->users, 30);
    assert_int_equal(root->user_code_caps.admin_code, 1);
    assert_int_equal(root->user_code_caps.checksum, 1);
    assert_int_equal(root->user_code_caps.keys_len, 8);
    assert_int_equal(root->user_code_caps.keys_mask[6], 0xFF); /* '0'..'7' */
    assert_int_equal(root->user_code_caps.keys_mask[7], 0x03); /* '8', '9' */
    /* Notification: Access Control and Power Management with their events */
    assert_int_equal(root->notif_mask[0], 0x40);
    const zwh__notif_events_t *ac = zwh__facts_notif_events(&f, 0, ZWH_NOTIFICATION_ACCESS_CONTROL);
    assert_non_null(ac);
    assert_true(ac->mask[ZWH_NOTIFICATION_AC_KEYPAD_UNLOCK / 8] >> (ZWH_NOTIFICATION_AC_KEYPAD_UNLOCK % 8) & 1);
    assert_true(ac->mask[ZWH_NOTIFICATION_AC_CODE_DUPLICATE / 8] >> (ZWH_NOTIFICATION_AC_CODE_DUPLICATE % 8) & 1);
    assert_true(ac->mask[ZWH_NOTIFICATION_AC_LOCK_JAMMED / 8] >> (ZWH_NOTIFICATION_AC_LOCK_JAMMED % 8) & 1);
    assert_non_null(zwh__facts_notif_events(&f, 0, ZWH_NOTIFICATION_POWER_MANAGEMENT));
    /* Lifeline group, battery */
    const zwh__assoc_group_t *g = zwh__facts_group(&f, 0, 1);
    assert_non_null(g);
    assert_int_equal(g->max_nodes, 1);
    assert_int_equal(g->profile, ZWH_AGI_PROFILE_GENERAL_LIFELINE);
    assert_memory_equal(g->name, "Lifeline", 8);
    assert_true(f.has_battery);
    assert_int_equal(f.battery_level, 90);
    zwh__facts_free(&f);
}

static void zen07_v1_interview(void **state)
{
    (void)state;
    zwh__facts_t f;
    assert_int_equal(run(&ivt_zen07, &f), 0);
    /* the page's ten parameters: sizes learned by Get, values are the defaults */
    static const struct {
        uint16_t n;
        uint8_t size;
        int64_t value;
    } want[] = {{1, 1, 1}, {2, 2, 300}, {3, 1, 13}, {4, 1, 12}, {5, 1, 1},
                {6, 1, 5}, {7, 1, 1},   {8, 1, 0},  {9, 2, 150}, {10, 1, 1}};
    assert_int_equal(zwh__facts_ep(&f, 0)->param_count, 10);
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const zwh__cfg_param_t *p = zwh__facts_param(&f, 0, want[i].n);
        assert_non_null(p);
        assert_int_equal(p->size, want[i].size);
        assert_int_equal(p->value, want[i].value);
        assert_int_equal(p->flags, ZWH__CFG_HAS_VALUE); /* no properties from a V1 device */
        assert_null(p->name);
    }
    const zwh__ep_facts_t *root = zwh__facts_ep(&f, 0);
    assert_int_equal(root->meter.meter_type, ZWH_METER_ELECTRIC);
    assert_int_equal(root->meter.reset_supported, 1);
    assert_int_equal(root->meter.scales, 0x35); /* kWh, W, V, A */
    assert_int_equal(root->group_count, 3);
    assert_int_equal(zwh__facts_group(&f, 0, 3)->profile, 0x7108);
    assert_memory_equal(zwh__facts_group(&f, 0, 2)->name, "Group 2", 7);
    assert_false(root->secure_known);
    assert_int_equal(f.manufacturer.manufacturer_id, 0x027A);
    zwh__facts_free(&f);
}

static void n4003_interview(void **state)
{
    (void)state;
    zwh__facts_t f;
    assert_int_equal(run(&ivt_n4003, &f), 0);
    const zwh__ep_facts_t *root = zwh__facts_ep(&f, 0);
    assert_int_equal(root->param_count, 8);
    /* 4-byte parameters 2, 3, 6 (config_2_4, config_3_4, config_6_4) */
    static const struct {
        uint16_t n;
        uint8_t size;
        int64_t min, max, def;
    } want[] = {{1, 1, 0, 3, 0}, {2, 4, 0, 65535, 0}, {3, 4, 0, 65535, 0}, {4, 1, 0, 2, 0},
                {5, 1, 5, 50, 5}, {6, 4, 0, 65535, 5}, {7, 1, 1, 10, 1}, {8, 1, 1, 100, 1}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const zwh__cfg_param_t *p = zwh__facts_param(&f, 0, want[i].n);
        assert_non_null(p);
        assert_int_equal(p->size, want[i].size);
        assert_int_equal(p->min_value, want[i].min);
        assert_int_equal(p->max_value, want[i].max);
        assert_int_equal(p->default_value, want[i].def);
        assert_int_equal(p->format, ZWH_CONFIGURATION_FORMAT_SIGNED);
        assert_int_equal(p->flags, ZWH__CFG_HAS_PROPS);
        assert_non_null(p->name);
        assert_non_null(p->info);
    }
    const zwh__cfg_param_t *p1 = zwh__facts_param(&f, 0, 1);
    assert_int_equal(p1->name_len, 13); /* "LED " + "Indicator", from two reports */
    assert_memory_equal(p1->name, "LED Indicator", 13);
    assert_memory_equal(p1->info, "Define LED behavior", 19);
    assert_memory_equal(zwh__facts_param(&f, 0, 6)->name, "Time Report", 11);
    assert_int_equal(root->meter.rate_types, 1);
    assert_int_equal(root->meter.scales, 0x35);
    assert_int_equal(zwh__facts_version(&f, ZWH_CC_CONFIGURATION, NULL), 4);
    assert_int_equal(zwh__facts_group(&f, 0, 2)->profile, 0x2001);
    assert_int_equal(zwh__facts_group(&f, 0, 1)->max_nodes, 5);
    zwh__facts_free(&f);
}

/* The sensor falls asleep with a request out and is finished at its next
 * wake-up, ending with Wake Up Interval Set -> controller. */
static void sleeping_sensor(void **state)
{
    (void)state;
    zwh__facts_t f;
    assert_int_equal(run(&ivt_sensor, &f), 0);
    assert_true(f.has_wake_up_caps);
    assert_int_equal(f.wake_up_caps.min_seconds, 600);
    assert_int_equal(f.wake_up_caps.max_seconds, 86400);
    assert_int_equal(f.wake_up_caps.step_seconds, 60);
    assert_int_equal(f.wake_up_seconds, 3600);
    assert_int_equal(f.wake_up_node, 1); /* the verifying Get after the Set */
    assert_int_equal(f.battery_level, 100);
    assert_true(zwh__facts_ep(&f, 0)->has_zwplus);
    zwh__facts_free(&f);
}

/* A sleeping node that is asleep when the interview starts: nothing until it wakes. */
static void sleeping_from_start(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    const uint8_t nif[] = {0x80};
    assert_int_equal(zwh__facts_set_nif(&f, 0x07, 0x01, nif, 1), 0);
    zwh__iv_config_t cfg = {.node_id = 3, .controller_id = 1, .sleeping = 1};
    zwh__interview_t iv;
    assert_int_equal(zwh__interview_init(&iv, &cfg, &f), 0);
    zwh__iv_request_t req;
    assert_int_equal(zwh__interview_next(&iv, 0, &req), ZWH__IV_WAIT);
    assert_int_equal(zwh__interview_next(&iv, 1000000, &req), ZWH__IV_WAIT);
    zwh__interview_node_awake(&iv, true);
    assert_int_equal(zwh__interview_next(&iv, 1000001, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.len, 2);
    assert_int_equal(req.cmd[0], 0x80);
    assert_int_equal(req.cmd[1], 0x02);
    const uint8_t rep[] = {0x80, 0x03, 0x05};
    assert_int_equal(zwh__interview_report(&iv, 0, rep, sizeof rep, 1000002), ZWH__IV_ANSWERED);
    assert_int_equal(zwh__interview_next(&iv, 1000003, &req), ZWH__IV_DONE);
    assert_int_equal(f.battery_level, 5);
    zwh__facts_free(&f);
}

static void multi_channel(void **state)
{
    (void)state;
    zwh__facts_t f;
    assert_int_equal(run(&ivt_mc, &f), 0);
    assert_int_equal(f.mc_endpoints, 2);
    assert_int_equal(f.ep_count, 3);
    assert_true(zwh__facts_ep(&f, 1)->present);
    assert_true(zwh__facts_supports(&f, 1, ZWH_CC_NOTIFICATION));
    assert_false(zwh__facts_supports(&f, 2, ZWH_CC_NOTIFICATION));
    /* each end point's Meter Supported under its own end point */
    assert_int_equal(zwh__facts_ep(&f, 0)->meter.scales, 0x05);
    assert_int_equal(zwh__facts_ep(&f, 1)->meter.scales, 0x04);
    assert_int_equal(zwh__facts_ep(&f, 2)->meter.scales, 0x01);
    assert_int_equal(zwh__facts_version(&f, ZWH_CC_NOTIFICATION, NULL), 8);
    const zwh__notif_events_t *w = zwh__facts_notif_events(&f, 1, ZWH_NOTIFICATION_WATER);
    assert_non_null(w);
    assert_int_equal(w->mask[0], 0x06);
    assert_null(zwh__facts_notif_events(&f, 0, ZWH_NOTIFICATION_WATER));
    zwh__facts_free(&f);
}

/* Copies a script, replacing entry `at` by the `n` entries of `with`. */
static ivt_step_t *script_splice(const ivt_device_t *dev, size_t at, const ivt_step_t *with, size_t n, size_t *total)
{
    *total = dev->step_count - 1 + n;
    ivt_step_t *s = calloc(*total, sizeof *s);
    assert_non_null(s);
    memcpy(s, dev->steps, at * sizeof *s);
    memcpy(s + at, with, n * sizeof *s);
    memcpy(s + at + n, dev->steps + at + 1, (dev->step_count - at - 1) * sizeof *s);
    return s;
}

static size_t find_step(const ivt_device_t *dev, const char *req)
{
    for (size_t i = 0; i < dev->step_count; i++)
        if (strcmp(dev->steps[i].req, req) == 0)
            return i;
    fail();
    return 0;
}

/* Manufacturer Specific never answers: asked 3 times (2 retries: a timeout, a
 * failed send, a timeout), recorded unknown; every later step still runs. */
static void flaky_node(void **state)
{
    (void)state;
    const ivt_step_t flaky[] = {
        {"72 04", ZWH_SECCLASS_NONE, 0, IVT_TIMEOUT, {NULL}},
        {"72 04", ZWH_SECCLASS_NONE, 0, IVT_SENDFAIL, {NULL}},
        {"72 04", ZWH_SECCLASS_NONE, 0, IVT_TIMEOUT, {NULL}},
    };
    size_t n;
    ivt_step_t *steps = script_splice(&ivt_zen07, find_step(&ivt_zen07, "72 04"), flaky, 3, &n);
    zwh__facts_t f;
    assert_int_equal(ivt_run(&ivt_zen07, steps, n, &f), 1u << ZWH_INTERVIEW_STEP_MANUFACTURER);
    assert_false(f.has_manufacturer);
    assert_true(zwh__facts_ep(&f, 0)->has_zwplus);
    assert_int_equal(zwh__facts_ep(&f, 0)->param_count, 10);
    assert_int_equal(zwh__facts_group(&f, 0, 1)->max_nodes, 5);
    zwh__facts_free(&f);
    free(steps);
}

/* A Properties Report that never comes: the walk cannot go on, so the
 * configuration step ends with what it has (nothing) and the rest runs. Also a
 * report that answers after one retry counts as known. */
static void flaky_configuration_walk(void **state)
{
    (void)state;
    size_t at = find_step(&ivt_n4003, "70 0E 00 00");
    size_t walk_end = find_step(&ivt_n4003, "71 07"); /* everything up to Notification */
    ivt_step_t *s = calloc(ivt_n4003.step_count + 4, sizeof *s);
    assert_non_null(s);
    size_t n = 0;
    for (size_t i = 0; i < at; i++)
        s[n++] = ivt_n4003.steps[i];
    s[n++] = (ivt_step_t){"70 0E 00 00", ZWH_SECCLASS_S2_AUTHENTICATED, 0, IVT_SENDFAIL, {NULL}};
    s[n++] = ivt_n4003.steps[at]; /* answered at the first retry */
    for (int k = 0; k < 3; k++)   /* parameter 1 never answers */
        s[n++] = (ivt_step_t){"70 0E 00 01", ZWH_SECCLASS_S2_AUTHENTICATED, 0, IVT_TIMEOUT, {NULL}};
    for (size_t i = walk_end; i < ivt_n4003.step_count; i++)
        s[n++] = ivt_n4003.steps[i];
    zwh__facts_t f;
    assert_int_equal(ivt_run(&ivt_n4003, s, n, &f), 1u << ZWH_INTERVIEW_STEP_CONFIGURATION);
    assert_int_equal(zwh__facts_ep(&f, 0)->param_count, 0);
    assert_int_equal(zwh__facts_group(&f, 0, 2)->profile, 0x2001);
    zwh__facts_free(&f);
    free(s);
}

/* With retries = none, one failure gives up the request. */
static void no_retry(void **state)
{
    (void)state;
    ivt_device_t dev = ivt_zen07;
    dev.cfg.retries = ZWH__IV_NO_RETRY;
    const ivt_step_t once[] = {{"72 04", ZWH_SECCLASS_NONE, 0, IVT_SENDFAIL, {NULL}}};
    size_t n;
    ivt_step_t *steps = script_splice(&dev, find_step(&dev, "72 04"), once, 1, &n);
    zwh__facts_t f;
    assert_int_equal(ivt_run(&dev, steps, n, &f), 1u << ZWH_INTERVIEW_STEP_MANUFACTURER);
    zwh__facts_free(&f);
    free(steps);
}

/* A malformed report of the expected command is not an answer: the request
 * times out and is asked again. */
static void malformed_answer(void **state)
{
    (void)state;
    const ivt_step_t bad[] = {
        {"62 07", ZWH_SECCLASS_S2_ACCESS_CONTROL, 0, IVT_BAD, {"62 08 01 06 05 00 01"}}, /* 5 modes, 2 sent */
        {"62 07", ZWH_SECCLASS_S2_ACCESS_CONTROL, 0, IVT_BAD, {"62 08"}},
        {"62 07", ZWH_SECCLASS_S2_ACCESS_CONTROL, 0, IVT_ANSWER, {"62 08 01 06 03 00 01 FF 11 07 08"}},
    };
    size_t n;
    ivt_step_t *steps = script_splice(&ivt_lock, find_step(&ivt_lock, "62 07"), bad, 3, &n);
    zwh__facts_t f;
    assert_int_equal(ivt_run(&ivt_lock, steps, n, &f), 0);
    assert_int_equal(zwh__facts_ep(&f, 0)->door_lock_caps.nmodes, 3);
    zwh__facts_free(&f);
    free(steps);
}

/* Reports that are not the answer (another key, another end point, another
 * command, unsolicited) are absorbed when relevant but leave the request out. */
static void other_reports_are_not_answers(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    const uint8_t nif[] = {0x86, 0x70, 0x80};
    assert_int_equal(zwh__facts_set_nif(&f, 0x10, 0x01, nif, sizeof nif), 0);
    zwh__iv_config_t cfg = {.node_id = 4, .controller_id = 1, .listening = 1};
    zwh__interview_t iv;
    assert_int_equal(zwh__interview_init(&iv, &cfg, &f), 0);
    zwh__iv_request_t req;
    assert_int_equal(zwh__interview_next(&iv, 0, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.cmd[2], 0x86); /* Version CC Get for Version */
    const uint8_t other_cc[] = {0x86, 0x14, 0x70, 0x03};
    const uint8_t battery[] = {0x80, 0x03, 0x42};
    const uint8_t notif[] = {0x71, 0x05, 0x00, 0x00, 0x00, 0xFF, 0x06, 0x06, 0x00};
    const uint8_t answer[] = {0x86, 0x14, 0x86, 0x03};
    assert_int_equal(zwh__interview_report(&iv, 0, other_cc, sizeof other_cc, 1), ZWH__IV_IGNORED);
    assert_int_equal(zwh__interview_report(&iv, 0, battery, sizeof battery, 2), ZWH__IV_IGNORED);
    assert_int_equal(zwh__interview_report(&iv, 0, notif, sizeof notif, 3), ZWH__IV_IGNORED);
    assert_int_equal(zwh__interview_report(&iv, 1, answer, sizeof answer, 4), ZWH__IV_IGNORED); /* end point 1 */
    assert_int_equal(zwh__interview_report(&iv, 200, answer, sizeof answer, 4), ZWH__IV_IGNORED);
    assert_int_equal(zwh__interview_next(&iv, 5, &req), ZWH__IV_WAIT);
    assert_int_equal(zwh__facts_version(&f, 0x70, NULL), 3); /* absorbed anyway */
    assert_int_equal(f.battery_level, 0x42);
    assert_int_equal(zwh__interview_report(&iv, 0, answer, sizeof answer, 6), ZWH__IV_ANSWERED);
    assert_int_equal(zwh__interview_next(&iv, 7, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.cmd[2], 0x70); /* asked again although known: the interview asks every class */
    zwh__interview_sent(&iv, 8);
    assert_int_equal(zwh__interview_deadline(&iv), 8 + ZWH__IV_DEFAULT_TIMEOUT_MS);
    zwh__interview_failed(&iv, ZWH_ETIMEDOUT, 9);
    assert_int_equal(zwh__interview_deadline(&iv), UINT64_MAX);
    zwh__interview_failed(&iv, ZWH_ETIMEDOUT, 9); /* nothing outstanding: ignored, no retry spent */
    zwh__interview_failed(&iv, ZWH_ETIMEDOUT, 9);
    assert_int_equal(zwh__interview_next(&iv, 10, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.cmd[2], 0x70); /* the retry */
    zwh__facts_free(&f);
}

/* When the S2 probe gives nothing, every command goes under the highest class. */
static void unknown_secure_list(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    const uint8_t nif[] = {0x5E, 0x9F};
    assert_int_equal(zwh__facts_set_nif(&f, 0x10, 0x01, nif, sizeof nif), 0);
    zwh__iv_config_t cfg = {.node_id = 4,
                            .controller_id = 1,
                            .listening = 1,
                            .granted = 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED | 1u << ZWH_SECCLASS_S2_AUTHENTICATED,
                            .retries = ZWH__IV_NO_RETRY,
                            .timeout_ms = 500};
    zwh__interview_t iv;
    assert_int_equal(zwh__interview_init(&iv, &cfg, &f), 0);
    zwh__iv_request_t req;
    /* one S2 Commands Supported Get per granted class, strongest first */
    assert_int_equal(zwh__interview_next(&iv, 0, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(req.timeout_ms, 500);
    assert_int_equal(zwh__interview_next(&iv, 500, &req), ZWH__IV_REQUEST); /* timed out, given up */
    assert_int_equal(req.cmd[0], 0x9F);
    assert_int_equal(req.secclass, ZWH_SECCLASS_S2_UNAUTHENTICATED);
    zwh__interview_failed(&iv, ZWH_ENODEACK, 501);
    assert_int_equal(zwh__interview_next(&iv, 502, &req), ZWH__IV_REQUEST);
    assert_int_equal(req.cmd[0], 0x5E);
    assert_int_equal(req.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(zwh__interview_unknown_steps(&iv), 1u << ZWH_INTERVIEW_STEP_SECURITY_S2);
    zwh__facts_free(&f);
}

/* A Long Range controller id cannot be put in a classic association: the
 * lifeline step is skipped, the interview still completes. */
static void long_range_controller(void **state)
{
    (void)state;
    ivt_device_t dev = ivt_zen07;
    dev.cfg.controller_id = 300;
    zwh__facts_t f;
    assert_int_equal(ivt_run(&dev, dev.steps, dev.step_count - 2, &f), 0);
    zwh__facts_free(&f);
}

static void misuse(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    zwh__interview_t iv;
    zwh__iv_config_t cfg = {.node_id = 0, .controller_id = 1};
    assert_int_equal(zwh__interview_init(&iv, &cfg, &f), ZWH_EINVAL);
    cfg.node_id = 2;
    assert_int_equal(zwh__interview_init(NULL, &cfg, &f), ZWH_EINVAL);
    assert_int_equal(zwh__interview_init(&iv, NULL, &f), ZWH_EINVAL);
    assert_int_equal(zwh__interview_init(&iv, &cfg, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__interview_init(&iv, &cfg, &f), 0);
    const uint8_t zero[] = {3, 0};
    assert_int_equal(zwh__interview_set_config_params(&iv, zero, 2), ZWH_EINVAL);
    assert_int_equal(zwh__interview_set_config_params(&iv, NULL, 1), ZWH_EINVAL);
    assert_int_equal(zwh__interview_next(&iv, 0, NULL), ZWH_EINVAL);
    assert_int_equal(zwh__interview_report(&iv, 0, NULL, 0, 0), ZWH_EINVAL);
    assert_int_equal(zwh__interview_progress(NULL, NULL, NULL, NULL), ZWH_EINVAL);
    assert_null(zwh__interview_step_name(-1));
    assert_null(zwh__interview_step_name(ZWH_INTERVIEW_STEP_COUNT));
    assert_string_equal(zwh__interview_step_name(ZWH_INTERVIEW_STEP_LIFELINE), "lifeline");
    /* no NIF: nothing to ask, done at once */
    zwh__iv_request_t req;
    assert_int_equal(zwh__interview_next(&iv, 0, &req), ZWH__IV_DONE);
    zwh__facts_free(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(lock_interview),
        cmocka_unit_test(zen07_v1_interview),
        cmocka_unit_test(n4003_interview),
        cmocka_unit_test(sleeping_sensor),
        cmocka_unit_test(sleeping_from_start),
        cmocka_unit_test(multi_channel),
        cmocka_unit_test(flaky_node),
        cmocka_unit_test(flaky_configuration_walk),
        cmocka_unit_test(no_retry),
        cmocka_unit_test(malformed_answer),
        cmocka_unit_test(other_reports_are_not_answers),
        cmocka_unit_test(unknown_secure_list),
        cmocka_unit_test(long_range_controller),
        cmocka_unit_test(misuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
