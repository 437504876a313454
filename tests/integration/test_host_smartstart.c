/* SmartStart through the host against zwh-sim's SmartStart devices
 * (--pending s2switch:smartstart): a device listed from its QR code (built
 * here from the DSK line the sim prints) is included by itself once the host
 * listens, bootstrapped under the classes of the entry with its DSK checked and
 * no S2 prompt reaching the application, and its entry becomes "included" with
 * the node id; an unlisted device announcing itself meanwhile is left out until
 * it is listed (then with the classes given by DSK); the list survives a host
 * restart through the state file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "host_fixture.h"
#include "qr_build.h"

static char keys_path[64], state_path[64];

static int setup(void **state)
{
    (void)state;
    snprintf(keys_path, sizeof keys_path, "/tmp/zwh-ss-keys-%d.txt", (int)getpid());
    snprintf(state_path, sizeof state_path, "/tmp/zwh-ss-state-%d.bin", (int)getpid());
    FILE *f = fopen(keys_path, "w");
    if (!f)
        return -1;
    /* test keys (test data only) */
    fputs("S0 0102030405060708090A0B0C0D0E0F10\n"
          "S2_Unauthenticated 1112131415161718191A1B1C1D1E1F20\n"
          "S2_Authenticated 2122232425262728292A2B2C2D2E2F30\n"
          "S2_AccessControl 3132333435363738393A3B3C3D3E3F40\n",
          f);
    fclose(f);
    chmod(keys_path, 0600);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(keys_path);
    unlink(state_path);
    return 0;
}

/* Reads the sim's next "DSK s2switch <dsk>" line. */
static void read_dsk(hf_t *f, uint8_t dsk[16])
{
    char line[256];
    assert_int_equal(sim_proc_read_line(&f->sim, line, sizeof line, 3000), 0);
    const char *want = "DSK s2switch ";
    assert_int_equal(strncmp(line, want, strlen(want)), 0);
    assert_int_equal(zwh_dsk_parse(line + strlen(want), dsk, NULL), 0);
}

/* A provisioned device that never shows up: keeps the stick listening. */
static const uint8_t phantom[16] = {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0,
                                    0x0F, 0x1E, 0x2D, 0x3C, 0x4B, 0x5A, 0x69, 0x78};

static int find_entry(hf_t *f, const uint8_t dsk[16], zwh_provision_entry_t *e)
{
    int n = zwh_host_provision_count(f->host);
    for (int i = 0; i < n; i++)
        if (zwh_host_provision_get(f->host, i, e) == 0 && memcmp(e->dsk, dsk, 16) == 0)
            return i;
    return -1;
}

static size_t count_events(const hf_t *f, int type)
{
    size_t n = 0;
    for (size_t i = 0; i < f->nevents; i++)
        n += f->events[i].type == type;
    return n;
}

static void listed_device_joins_unlisted_stays_out_list_persists(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--pending", "s2switch:smartstart", "--pending", "s2switch:smartstart",
                          "--keys", keys_path, "--time-scale", "10", NULL};
    memset(&f, 0, sizeof f);
    unlink(state_path);
    assert_int_equal(hf_start(&f, args, NULL), 0);
    uint8_t dsk1[16], dsk2[16];
    read_dsk(&f, dsk1);
    read_dsk(&f, dsk2);
    assert_memory_not_equal(dsk1, dsk2, 16);
    hf_stop_host(&f);
    assert_int_equal(hf_start_host_with(&f, keys_path, state_path), 0);
    assert_false(f.auto_pin);
    assert_false(f.auto_grant);

    /* the list from a SmartStart QR code requesting S2 Unauthenticated + Authenticated */
    char qr[160];
    assert_true(zt_qr_build(1, ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED, dsk1, qr, sizeof qr) > 0);
    const char *why = NULL;
    assert_int_equal(zwh_host_provision_count(f.host), 0);
    assert_int_equal(zwh_host_provision_add_qr(f.host, qr, "kitchen plug", &why), 0);
    assert_int_equal(zwh_host_provision_add_qr(f.host, qr, NULL, NULL), ZWH_EEXIST);
    assert_int_equal(zwh_host_provision_add(f.host, dsk1, 0, NULL), ZWH_EEXIST);
    qr[20] = qr[20] == '0' ? '1' : '0'; /* a DSK digit: the checksum no longer fits */
    assert_int_equal(zwh_host_provision_add_qr(f.host, qr, NULL, &why), ZWH_EQRCODE);
    assert_non_null(why);
    assert_int_equal(zwh_host_provision_add(f.host, dsk2, 1u << 5, NULL), ZWH_EINVAL); /* no such class */
    zwh_provision_entry_t e;
    assert_int_equal(zwh_host_provision_count(f.host), 1);
    assert_int_equal(zwh_host_provision_get(f.host, 0, &e), 0);
    assert_memory_equal(e.dsk, dsk1, 16);
    assert_int_equal(e.classes, (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    assert_int_equal(e.status, ZWH_PROVISION_PENDING);
    assert_int_equal(e.node_id, 0);
    assert_string_equal(e.name, "kitchen plug");
    assert_int_equal(zwh_host_provision_get(f.host, 1, &e), ZWH_ENOENT);
    assert_int_equal(zwh_host_provision_add(f.host, phantom, 0, "phantom"), 0);

    /* the listed device announces itself and is included with no one pressing anything */
    int added = hf_wait_event(&f, ZWH_EVENT_NODE_ADDED, 0, 0, 30000);
    assert_true(added >= 0);
    uint16_t node1 = f.events[added].node;
    assert_true(node1 >= 2);
    assert_int_equal(f.events[added].status, 0);
    uint32_t both = (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    assert_int_equal(f.events[added].value, both);
    uint32_t granted = 0;
    assert_int_equal(zwh_host_get_node_granted(f.host, node1, &granted), 0);
    assert_int_equal(granted, both);
    /* granted and the PIN (Authenticated needs it) answered from the entry: no prompt */
    assert_int_equal(count_events(&f, ZWH_EVENT_S2_GRANT), 0);
    assert_int_equal(count_events(&f, ZWH_EVENT_S2_PIN), 0);
    assert_int_equal(find_entry(&f, dsk1, &e), 0);
    assert_int_equal(e.status, ZWH_PROVISION_INCLUDED);
    assert_int_equal(e.node_id, node1);

    /* it works under S2 Authenticated */
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.expect_cc = 0x25;
    o.expect_cmd = 0x03;
    const uint8_t get[] = {0x25, 0x02};
    hf_result_t res;
    assert_int_equal(hf_send(&f, node1, get, sizeof get, &o, &res, 30000), 0);
    assert_int_equal(res.secclass, ZWH_SECCLASS_S2_AUTHENTICATED);

    /* the phantom entry keeps the stick listening: the unlisted device's
     * announcements (every 400 ms) reach the host, which leaves it out */
    hf_run_for(&f, 3000);
    assert_int_equal(count_events(&f, ZWH_EVENT_NODE_ADDED), 1);
    assert_int_equal(zwh_host_provision_remove(f.host, phantom), 0);
    assert_int_equal(zwh_host_provision_count(f.host), 1);

    /* listed by DSK with S2 Unauthenticated only: it joins with just that */
    size_t from = f.nevents;
    assert_int_equal(zwh_host_provision_add(f.host, dsk2, 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED, NULL), 0);
    added = hf_wait_event(&f, ZWH_EVENT_NODE_ADDED, 0, from, 30000);
    assert_true(added >= 0);
    uint16_t node2 = f.events[added].node;
    assert_true(node2 >= 2 && node2 != node1);
    assert_int_equal(zwh_host_get_node_granted(f.host, node2, &granted), 0);
    assert_int_equal(granted, 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED);
    assert_int_equal(count_events(&f, ZWH_EVENT_S2_GRANT) + count_events(&f, ZWH_EVENT_S2_PIN), 0);
    assert_int_equal(find_entry(&f, dsk2, &e), 1);
    assert_int_equal(e.status, ZWH_PROVISION_INCLUDED);
    assert_int_equal(e.node_id, node2);
    assert_int_equal(e.name[0], '\0');

    /* restart: the list comes back from the state file */
    hf_stop_host(&f);
    struct stat st;
    assert_int_equal(stat(state_path, &st), 0);
    assert_int_equal(hf_start_host_with(&f, keys_path, state_path), 0);
    assert_int_equal(zwh_host_provision_count(f.host), 2);
    assert_int_equal(find_entry(&f, dsk1, &e), 0);
    assert_int_equal(e.status, ZWH_PROVISION_INCLUDED);
    assert_int_equal(e.node_id, node1);
    assert_int_equal(e.classes, both);
    assert_string_equal(e.name, "kitchen plug");
    assert_int_equal(find_entry(&f, dsk2, &e), 1);
    assert_int_equal(e.node_id, node2);
    assert_int_equal(e.classes, 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED);
    /* an included entry cannot be set pending; removing forgets it (the node stays) */
    assert_int_equal(zwh_host_provision_set_status(f.host, dsk1, ZWH_PROVISION_PENDING), ZWH_EINVAL);
    assert_int_equal(zwh_host_provision_remove(f.host, dsk2), 0);
    assert_int_equal(zwh_host_provision_remove(f.host, dsk2), ZWH_ENOENT);
    assert_int_equal(zwh_host_provision_count(f.host), 1);
    zwh_node_info_t ni;
    assert_int_equal(zwh_host_get_node_info(f.host, node2, &ni), 0);
    hf_stop(&f);
}

/* A device announcing itself while its entry is passive stays out; set
 * pending, it joins. */
static void passive_entry_waits_until_pending(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--pending", "s2switch:smartstart", "--keys", keys_path, "--time-scale", "10", NULL};
    memset(&f, 0, sizeof f);
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    uint8_t dsk[16];
    read_dsk(&f, dsk);
    assert_int_equal(zwh_host_provision_add(f.host, phantom, 0, NULL), 0); /* the stick listens */
    assert_int_equal(zwh_host_provision_add(f.host, dsk, 0, "later"), 0);
    assert_int_equal(zwh_host_provision_set_status(f.host, dsk, ZWH_PROVISION_PASSIVE), 0);
    hf_run_for(&f, 2000);
    assert_int_equal(count_events(&f, ZWH_EVENT_NODE_ADDED), 0);
    assert_int_equal(zwh_host_provision_set_status(f.host, dsk, ZWH_PROVISION_PENDING), 0);
    int added = hf_wait_event(&f, ZWH_EVENT_NODE_ADDED, 0, 0, 30000);
    assert_true(added >= 0);
    /* classes 0: what the device requests */
    assert_int_equal(f.events[added].value,
                     (1u << ZWH_SECCLASS_S2_UNAUTHENTICATED) | (1u << ZWH_SECCLASS_S2_AUTHENTICATED));
    zwh_provision_entry_t e;
    assert_int_equal(find_entry(&f, dsk, &e), 1);
    assert_int_equal(e.status, ZWH_PROVISION_INCLUDED);
    assert_int_equal(e.node_id, f.events[added].node);
    hf_stop(&f);
}

/* Entries whose DSK gives the devices' home ids but differs in a byte the home
 * ids do not cover: the devices join (the stick cannot tell), but the key each
 * sends in its Public Key Report does not match the DSK, so no key is granted
 * and the entries still wait for their own devices. The first entry grants
 * the authenticated class (the node blanks its PIN bytes), the second S2
 * Unauthenticated only (the node sends its whole key). */
static void dsk_mismatch_grants_nothing(void **state)
{
    (void)state;
    hf_t f;
    const char *args[] = {"--pending", "s2switch:smartstart", "--pending", "s2switch:smartstart",
                          "--keys", keys_path, "--time-scale", "10", NULL};
    memset(&f, 0, sizeof f);
    assert_int_equal(hf_start(&f, args, keys_path), 0);
    uint8_t dsk[2][16];
    read_dsk(&f, dsk[0]);
    read_dsk(&f, dsk[1]);
    dsk[0][5] ^= 0x01;
    dsk[1][0] ^= 0x80; /* a PIN byte: only a whole key shows it */
    const uint32_t classes[2] = {0, 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED};
    for (int i = 0; i < 2; i++) {
        size_t from = f.nevents;
        assert_int_equal(zwh_host_provision_add(f.host, dsk[i], classes[i], NULL), 0);
        int added = hf_wait_event(&f, ZWH_EVENT_NODE_ADDED, 0, from, 30000);
        assert_true(added >= 0);
        assert_int_equal(f.events[added].status, ZWH_EKEX_FAIL);
        assert_int_equal(f.events[added].value, 0);
        zwh_provision_entry_t e;
        assert_int_equal(zwh_host_provision_get(f.host, i, &e), 0);
        assert_int_equal(e.status, ZWH_PROVISION_PENDING);
        assert_int_equal(e.node_id, 0);
        assert_int_equal(zwh_host_provision_set_status(f.host, dsk[i], ZWH_PROVISION_IGNORED), 0);
    }
    assert_int_equal(count_events(&f, ZWH_EVENT_S2_PIN) + count_events(&f, ZWH_EVENT_S2_GRANT), 0);
    hf_stop(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(listed_device_joins_unlisted_stays_out_list_persists),
        cmocka_unit_test(passive_entry_waits_until_pending),
        cmocka_unit_test(dsk_mismatch_grants_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
