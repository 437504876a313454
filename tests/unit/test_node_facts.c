/* Node facts: absorbing golden reports (layouts per the Z-Wave command class
 * specifications, device facts from the seeds), the interview cache's record
 * format and de-duplication, the cache round trip after whole interviews,
 * malformed reports and broken caches. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "host/node_facts.h"
#include "iv_script.h"
#include "zwhost/zwhost.h"

/* Absorbs the report spec (hex + 'text') from endpoint ep; returns absorb's result. */
static int absorb(zwh__facts_t *f, uint8_t ep, const char *spec)
{
    uint8_t buf[600];
    size_t n = ivt_bytes(spec, buf, sizeof buf);
    return zwh__facts_absorb(f, ep, buf, n);
}

static void expect_cache(const zwh__facts_t *f, const char *spec)
{
    uint8_t want[256];
    size_t n = ivt_bytes(spec, want, sizeof want);
    assert_int_equal(f->cache_len, n);
    assert_memory_equal(f->cache, want, n);
}

/* Rebuilds a copy from f's cache and checks it equals f. */
static void assert_round_trip(const zwh__facts_t *f)
{
    zwh__facts_t g;
    zwh__facts_init(&g);
    assert_int_equal(zwh__facts_load_cache(&g, f->cache, f->cache_len), 0);
    assert_true(zwh__facts_equal(f, &g));
    zwh__facts_free(&g);
}

/* ---- record format ------------------------------------------------------------------ */

static void cache_records(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    const uint8_t nif[] = {0x5E, 0x55, 0x98, 0x9F, 0x6C};
    assert_int_equal(zwh__facts_set_nif(&f, 0x40, 0x03, nif, sizeof nif), 0);
    assert_int_equal(absorb(&f, 0, "80 03 5A"), 1);
    assert_int_equal(absorb(&f, 2, "32 04 A1 35"), 1);
    /* [u16 length][u8 endpoint][bytes]; the NIF under endpoint 0xFF */
    expect_cache(&f, "0007 FF 40 03 5E 55 98 9F 6C  0003 00 80 03 5A  0004 02 32 04 A1 35");
    /* a newer Battery Report replaces the earlier record */
    assert_int_equal(absorb(&f, 0, "80 03 14"), 1);
    expect_cache(&f, "0007 FF 40 03 5E 55 98 9F 6C  0004 02 32 04 A1 35  0003 00 80 03 14");
    assert_int_equal(f.battery_level, 0x14);
    /* a new NIF replaces the old one */
    const uint8_t nif2[] = {0x5E};
    assert_int_equal(zwh__facts_set_nif(&f, 0x40, 0x01, nif2, 1), 0);
    expect_cache(&f, "0004 02 32 04 A1 35  0003 00 80 03 14  0003 FF 40 01 5E");
    assert_int_equal(zwh__facts_ep(&f, 0)->ccs.n, 1);
    /* ignored commands leave no record */
    assert_int_equal(absorb(&f, 0, "25 03 FF"), 0);
    assert_int_equal(f.cache_len, 7 + 6 + 6);
    assert_round_trip(&f);
    zwh__facts_free(&f);
    assert_int_equal(f.cache_len, 0);
    assert_null(f.ep);
}

/* Keyed reports replace only the record with the same key; multi-part and
 * list reports are all kept. */
static void cache_dedup_keys(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    assert_int_equal(absorb(&f, 0, "86 14 70 01"), 1);
    assert_int_equal(absorb(&f, 0, "86 14 71 04"), 1);
    assert_int_equal(absorb(&f, 0, "86 14 70 02"), 1);
    expect_cache(&f, "0004 00 86 14 71 04  0004 00 86 14 70 02");
    /* same parameter, different end points: both kept */
    assert_int_equal(absorb(&f, 0, "70 06 07 01 05"), 1);
    assert_int_equal(absorb(&f, 1, "70 06 07 01 06"), 1);
    assert_int_equal(absorb(&f, 0, "70 06 07 01 08"), 1);
    assert_int_equal(zwh__facts_param(&f, 0, 7)->value, 8);
    assert_int_equal(zwh__facts_param(&f, 1, 7)->value, 6);
    size_t before = f.cache_len;
    /* a name in two parts: both records stay */
    assert_int_equal(absorb(&f, 0, "70 0B 00 07 01 'Ab'"), 1);
    assert_int_equal(absorb(&f, 0, "70 0B 00 07 00 'cd'"), 1);
    assert_int_equal(f.cache_len, before + 2 * (3 + 7));
    assert_memory_equal(zwh__facts_param(&f, 0, 7)->name, "Abcd", 4);
    /* a fresh first part replaces the text */
    assert_int_equal(absorb(&f, 0, "70 0B 00 07 00 'New'"), 1);
    assert_int_equal(zwh__facts_param(&f, 0, 7)->name_len, 3);
    /* a type's events reported again: its record moves to the end of the
     * cache, and the facts (kept sorted by type) do not depend on that order */
    assert_int_equal(absorb(&f, 0, "71 02 08 02 00 0C"), 1);
    assert_int_equal(absorb(&f, 0, "71 02 06 02 7E F8"), 1);
    assert_int_equal(absorb(&f, 0, "71 02 08 02 40 01"), 1);
    assert_int_equal(zwh__facts_ep(&f, 0)->notif_events[0].type, 6);
    assert_int_equal(zwh__facts_ep(&f, 0)->notif_events[1].mask[0], 0x40);
    /* a Configuration value re-read when Properties change format and size */
    assert_int_equal(absorb(&f, 0, "70 06 0A 02 12 34"), 1);
    assert_int_equal(absorb(&f, 0, "70 0F 00 0A 09 00 FF 00 00 00 00"), 1); /* unsigned, 1 byte */
    assert_int_equal(absorb(&f, 0, "70 0F 00 0A 0A 0000 FFFF 0000 00 00 00"), 1); /* unsigned, 2 bytes */
    assert_int_equal(zwh__facts_param(&f, 0, 10)->value, 0x1234);
    assert_round_trip(&f);
    zwh__facts_free(&f);
}

/* ---- what the facts take from each report ------------------------------------------------ */

static void absorb_reports(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    const uint8_t nif[] = {0x5E, 0x86, 0xF1, 0x00, 0x00, 0xEF, 0x20};
    assert_int_equal(zwh__facts_set_nif(&f, 0x10, 0x01, nif, sizeof nif), 0);
    const zwh__ep_facts_t *root = zwh__facts_ep(&f, 0);
    assert_int_equal(root->ccs.n, 2); /* extended class, No Operation and controlled classes skipped */
    assert_true(zwh__facts_supports(&f, 0, 0x86));
    assert_false(zwh__facts_supports(&f, 0, 0x20));

    /* S0 list: union over several reports, up to the marker, extended skipped */
    assert_int_equal(absorb(&f, 0, "98 03 01 62 F1 00 63"), 1);
    assert_int_equal(absorb(&f, 0, "98 03 00 63 71 EF 20 21"), 1);
    root = zwh__facts_ep(&f, 0);
    assert_true(root->secure_known);
    assert_int_equal(root->secure.n, 3);
    assert_false(zwh__cc_list_has(&root->secure, 0x20));
    assert_int_equal(absorb(&f, 0, "9F 0E"), 1); /* an empty S2 list under a lower class adds nothing */
    assert_int_equal(zwh__facts_ep(&f, 0)->secure.n, 3);

    /* versions: 0 is "not supported" and known */
    bool known = true;
    assert_int_equal(zwh__facts_version(&f, 0x33, &known), 0);
    assert_false(known);
    assert_int_equal(absorb(&f, 0, "86 14 33 00"), 1);
    assert_int_equal(zwh__facts_version(&f, 0x33, &known), 0);
    assert_true(known);
    assert_int_equal(absorb(&f, 0, "86 12 03 07 12 01 05 01 01 02 03"), 1);
    assert_int_equal(f.version_report.target_count, 1);
    assert_int_equal(f.version_report.targets[0].version, 2);

    /* Configuration: a value read as signed until the Properties say unsigned */
    assert_int_equal(absorb(&f, 0, "70 06 07 01 FF"), 1);
    assert_int_equal(zwh__facts_param(&f, 0, 7)->value, -1);
    assert_int_equal(absorb(&f, 0, "70 0F 00 07 49 00 FF 00 00 08 03"), 1); /* read-only, unsigned, size 1 */
    const zwh__cfg_param_t *p = zwh__facts_param(&f, 0, 7);
    assert_int_equal(p->value, 255);
    assert_int_equal(p->format, ZWH_CONFIGURATION_FORMAT_UNSIGNED);
    assert_int_equal(p->max_value, 255);
    assert_int_equal(p->flags, ZWH__CFG_HAS_VALUE | ZWH__CFG_HAS_PROPS | ZWH__CFG_READ_ONLY | ZWH__CFG_ADVANCED |
                                   ZWH__CFG_NO_BULK);
    /* "no such parameter" creates nothing and leaves no record (a keyed
     * record for parameter 7 would replace the one above) */
    size_t len = f.cache_len;
    assert_int_equal(absorb(&f, 0, "70 0F 00 09 00 00 00 00"), 1);
    assert_int_equal(absorb(&f, 0, "70 0F 00 07 00 00 00 00"), 1);
    assert_null(zwh__facts_param(&f, 0, 9));
    assert_int_equal(zwh__facts_param(&f, 0, 7)->max_value, 255);
    assert_int_equal(f.cache_len, len);
    /* n4003 parameter 2: four bytes, 0..65535 */
    assert_int_equal(absorb(&f, 0, "70 0F 00 02 04 00000000 0000FFFF 00000000 00 03 00"), 1);
    assert_int_equal(zwh__facts_param(&f, 0, 2)->max_value, 65535);
    assert_int_equal(zwh__facts_param(&f, 0, 2)->size, 4);
    /* parameters stay sorted by number */
    assert_int_equal(zwh__facts_ep(&f, 0)->params[0].number, 2);
    assert_int_equal(zwh__facts_ep(&f, 0)->params[1].number, 7);

    /* AGI Info in list mode: several groups at once */
    assert_int_equal(absorb(&f, 0, "59 04 C2 01 00 00 01 00 00 00 02 00 20 01 00 00 00"), 1);
    assert_int_equal(zwh__facts_group(&f, 0, 1)->profile, 0x0001);
    assert_int_equal(zwh__facts_group(&f, 0, 2)->profile, 0x2001);
    assert_null(zwh__facts_group(&f, 0, 3));
    assert_int_equal(absorb(&f, 0, "8E 06 04"), 1);
    assert_int_equal(zwh__facts_ep(&f, 0)->mca_group_count, 4);
    assert_int_equal(absorb(&f, 0, "8E 03 04 0A 00 00 01 00"), 1);
    assert_int_equal(zwh__facts_group(&f, 0, 4)->max_nodes, 10);

    /* Multi Channel: a Capability Report names its end point (dynamic bit aside) */
    assert_int_equal(absorb(&f, 0, "60 08 C0 03 01"), 1);
    assert_int_equal(f.mc_endpoints, 3);
    assert_int_equal(f.mc_identical, 1);
    assert_int_equal(f.mc_aggregated, 1);
    assert_int_equal(absorb(&f, 0, "60 0A 83 10 01 25 32"), 1);
    assert_int_equal(f.ep_count, 4);
    assert_true(zwh__facts_ep(&f, 3)->dynamic);
    assert_true(zwh__facts_supports(&f, 3, 0x32));
    assert_false(zwh__facts_ep(&f, 2)->present);

    /* User Code V1 count, Wake Up, Z-Wave Plus per end point */
    assert_int_equal(absorb(&f, 1, "63 05 0A"), 1);
    assert_int_equal(zwh__facts_ep(&f, 1)->users, 10);
    assert_int_equal(absorb(&f, 0, "84 06 00 0E 10 01"), 1);
    assert_int_equal(f.wake_up_seconds, 3600);
    assert_int_equal(absorb(&f, 2, "5E 02 02 05 00 07 00 07 00"), 1);
    assert_true(zwh__facts_ep(&f, 2)->has_zwplus);
    assert_false(zwh__facts_ep(&f, 0)->has_zwplus);
    assert_round_trip(&f);
    zwh__facts_free(&f);
}

/* Text longer than the cap is cut at ZWH__FACTS_TEXT_MAX. */
static void text_cap(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    uint8_t rep[5 + 150];
    rep[0] = 0x70;
    rep[1] = 0x0D;
    rep[2] = 0x00;
    rep[3] = 0x01;
    memset(rep + 5, 'x', 150);
    for (int i = 4; i >= 0; i--) {
        rep[4] = (uint8_t)i;
        assert_int_equal(zwh__facts_absorb(&f, 0, rep, sizeof rep), 1);
    }
    assert_int_equal(zwh__facts_param(&f, 0, 1)->info_len, ZWH__FACTS_TEXT_MAX);
    assert_round_trip(&f);
    zwh__facts_free(&f);
}

/* ---- malformed input ---------------------------------------------------------------------- */

static void malformed_reports(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "62 08 01 06 05 00 01",         /* Door Lock Capabilities: 5 modes, 2 present */
        "62 08",                        /* nothing at all */
        "86 14 70",                     /* Version CC Report without the version */
        "70 0F 00 05 03 00 00 00 00 06", /* Properties with size 3 */
        "70 06 05 03 00 00 00",         /* Configuration Report with size 3 */
        "70 0B 00 01",                  /* Name Report without reports-to-follow */
        "5E 02 02",                     /* Z-Wave Plus Info cut short */
        "60 0A 00 10 01 25",            /* Capability Report for end point 0 */
        "60 0A 05 10",                  /* ... without its specific class */
        "59 02 00 03 'abc'",            /* AGI name of group 0 */
        "59 02 01 09 'Lifeline'",       /* name length past the end */
        "59 04 02 01 00 00 01 00 00 00", /* two groups announced, one present */
        "71 08 05 00",                  /* mask length past the end */
        "71 02 08 04 00",               /* event mask length past the end */
        "85 03",                        /* Association Report cut short */
        "85 03 00 05 00",               /* ... for group 0 */
        "98 03",                        /* S0 list without reports-to-follow */
        "84 0A 00 02 58",               /* Wake Up capabilities cut short */
        "80 03",                        /* Battery Report without level */
        "63 07 81",                     /* User Code capabilities cut short */
        "32 04",                        /* Meter Supported cut short */
        "25 03 FF",                     /* a class the facts do not keep */
        "71 05 00 00 00 FF 06 06 00",   /* a Notification Report: not a fact */
    };
    zwh__facts_t f, before;
    ivt_run(&ivt_lock, ivt_lock.steps, ivt_lock.step_count, &f);
    zwh__facts_init(&before);
    assert_int_equal(zwh__facts_load_cache(&before, f.cache, f.cache_len), 0);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        for (uint8_t ep = 0; ep < 3; ep++)
            if (absorb(&f, ep, bad[i]) != 0)
                fail_msg("absorbed malformed %s", bad[i]);
    }
    const uint8_t one = 0x80;
    assert_int_equal(zwh__facts_absorb(&f, 0, &one, 1), 0);
    assert_int_equal(zwh__facts_absorb(&f, 0, NULL, 0), 0);
    assert_int_equal(zwh__facts_absorb(&f, 0, NULL, 5), 0);
    assert_int_equal(absorb(&f, 128, "80 03 11"), ZWH_EINVAL);
    assert_int_equal(absorb(NULL, 0, "80 03 11"), ZWH_EINVAL);
    assert_true(zwh__facts_equal(&f, &before)); /* nothing changed, nothing recorded */
    assert_int_equal(zwh__facts_set_nif(NULL, 0, 0, NULL, 0), ZWH_EINVAL);
    assert_int_equal(zwh__facts_set_nif(&f, 0, 0, NULL, 3), ZWH_EINVAL);
    zwh__facts_free(&f);
    zwh__facts_free(&before);
}

static void broken_caches(void **state)
{
    (void)state;
    zwh__facts_t f;
    zwh__facts_init(&f);
    assert_int_equal(absorb(&f, 0, "72 05 00 90 00 03 06 42"), 1);
    uint8_t blob[64];
    /* a record cut short: the records before it are kept */
    size_t n = ivt_bytes("0003 00 80 03 5A  0005 00 86 14", blob, sizeof blob);
    assert_int_equal(zwh__facts_load_cache(&f, blob, n), ZWH_EBADMSG);
    assert_int_equal(f.battery_level, 0x5A);
    assert_false(f.has_manufacturer); /* the old contents were replaced */
    expect_cache(&f, "0003 00 80 03 5A");
    /* a header cut short */
    n = ivt_bytes("0003 00 80 03 5A 00", blob, sizeof blob);
    assert_int_equal(zwh__facts_load_cache(&f, blob, n), ZWH_EBADMSG);
    assert_int_equal(f.battery_level, 0x5A);
    /* bad records inside good framing are skipped */
    n = ivt_bytes("0003 90 80 03 11  0001 FF 40  0002 00 62 08  0000 00  0003 00 80 03 22", blob, sizeof blob);
    assert_int_equal(zwh__facts_load_cache(&f, blob, n), 0);
    assert_int_equal(f.battery_level, 0x22);
    assert_int_equal(f.ep_count, 0); /* node-wide facts only */
    expect_cache(&f, "0003 00 80 03 22");
    /* empty */
    assert_int_equal(zwh__facts_load_cache(&f, NULL, 0), 0);
    assert_int_equal(f.cache_len, 0);
    assert_false(f.has_battery);
    assert_int_equal(zwh__facts_load_cache(&f, NULL, 3), ZWH_EINVAL);
    assert_int_equal(zwh__facts_load_cache(NULL, blob, 3), ZWH_EINVAL);
    /* a cache that is its own facts' buffer */
    assert_int_equal(absorb(&f, 0, "80 03 33"), 1);
    assert_int_equal(zwh__facts_load_cache(&f, f.cache, f.cache_len), 0);
    assert_int_equal(f.battery_level, 0x33);
    zwh__facts_free(&f);
}

/* ---- round trip after whole interviews --------------------------------------------------- */

static void round_trip_after_interviews(void **state)
{
    (void)state;
    const ivt_device_t *devs[] = {&ivt_lock, &ivt_zen07, &ivt_n4003, &ivt_sensor, &ivt_mc};
    for (size_t i = 0; i < sizeof devs / sizeof devs[0]; i++) {
        zwh__facts_t f, g;
        ivt_run(devs[i], devs[i]->steps, devs[i]->step_count, &f);
        zwh__facts_init(&g);
        assert_int_equal(zwh__facts_load_cache(&g, f.cache, f.cache_len), 0);
        if (!zwh__facts_equal(&f, &g))
            fail_msg("%s: facts rebuilt from the cache differ", devs[i]->name);
        assert_int_equal(g.cache_len, f.cache_len);
        /* and a difference is seen */
        assert_int_equal(absorb(&g, 0, "80 03 01"), 1);
        assert_false(zwh__facts_equal(&f, &g));
        zwh__facts_free(&f);
        zwh__facts_free(&g);
    }
}

/* Names and infos come back; a re-absorbed answer does not grow the cache. */
static void n4003_cache_content(void **state)
{
    (void)state;
    zwh__facts_t f, g;
    ivt_run(&ivt_n4003, ivt_n4003.steps, ivt_n4003.step_count, &f);
    zwh__facts_init(&g);
    assert_int_equal(zwh__facts_load_cache(&g, f.cache, f.cache_len), 0);
    const zwh__cfg_param_t *p = zwh__facts_param(&g, 0, 1);
    assert_memory_equal(p->name, "LED Indicator", 13);
    assert_int_equal(zwh__facts_param(&g, 0, 3)->size, 4);
    size_t len = f.cache_len;
    assert_int_equal(absorb(&f, 0, "70 0F 00 03 04 00000000 0000FFFF 00000000 00 04 00"), 1);
    assert_int_equal(f.cache_len, len);
    zwh__facts_free(&f);
    zwh__facts_free(&g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cache_records),
        cmocka_unit_test(cache_dedup_keys),
        cmocka_unit_test(absorb_reports),
        cmocka_unit_test(text_cap),
        cmocka_unit_test(malformed_reports),
        cmocka_unit_test(broken_caches),
        cmocka_unit_test(round_trip_after_interviews),
        cmocka_unit_test(n4003_cache_content),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
