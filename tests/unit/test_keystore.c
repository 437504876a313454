/* Keys file: creation (0600, fresh keys), loading, refusal of readable files,
 * malformed lines with their numbers. Key bytes are never printed here: checks
 * compare memory and print only pass/fail. */
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

#include "security/keystore.h"
#include "zwhost/zwhost.h"
#include "zwhost/security.h"

typedef struct fixture {
    char dir[64];
    char path[128];
} fixture_t;

static int setup(void **state)
{
    fixture_t *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/zwh-keys-XXXXXX");
    if (!mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/keys", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture_t *f = *state;
    unlink(f->path);
    rmdir(f->dir);
    free(f);
    return 0;
}

static void write_file(const char *path, const char *text, mode_t mode)
{
    unlink(path);
    FILE *fp = fopen(path, "w");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
    assert_int_equal(chmod(path, mode), 0);
}

static const uint8_t k_s2auth[16] = {0xc0, 0xff, 0xee, 0x00, 0x11, 0x22, 0x33, 0x44,
                                     0x55, 0x66, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc};

static void creates_missing_file_0600(void **state)
{
    fixture_t *f = *state;
    zwh_keystore_t *ks = NULL;
    char msg[256] = "";
    assert_int_equal(zwh_keystore_new(f->path, &ks, msg, sizeof msg), 0);
    assert_non_null(ks);
    struct stat st;
    assert_int_equal(stat(f->path, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0600);
    /* every class has a key, and they differ */
    uint32_t want = 1u << ZWH_SECCLASS_S0 | 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED |
                    1u << ZWH_SECCLASS_S2_AUTHENTICATED | 1u << ZWH_SECCLASS_S2_ACCESS_CONTROL |
                    1u << ZWH_SECCLASS_S2_LR_AUTHENTICATED | 1u << ZWH_SECCLASS_S2_LR_ACCESS_CONTROL;
    assert_int_equal(zwh_keystore_classes_get(ks), want);
    const uint8_t *a = zwh__keystore_key(ks, ZWH_SECCLASS_S2_AUTHENTICATED);
    const uint8_t *b = zwh__keystore_key(ks, ZWH_SECCLASS_S2_ACCESS_CONTROL);
    assert_non_null(a);
    assert_non_null(b);
    assert_true(memcmp(a, b, 16) != 0);
    uint8_t saved[16];
    memcpy(saved, a, 16);

    /* a second load reads the same keys back */
    zwh_keystore_t *again = NULL;
    assert_int_equal(zwh_keystore_new(f->path, &again, msg, sizeof msg), 0);
    assert_memory_equal(zwh__keystore_key(again, ZWH_SECCLASS_S2_AUTHENTICATED), saved, 16);
    zwh_keystore_free(again);
    zwh_keystore_free(ks);

    /* the file is text in the documented format */
    FILE *fp = fopen(f->path, "r");
    char line[128];
    int named = 0;
    while (fgets(line, sizeof line, fp)) {
        if (line[0] == '#')
            continue;
        char name[32], hex[64];
        assert_int_equal(sscanf(line, "%31s %63s", name, hex), 2);
        assert_int_equal(strlen(hex), 32);
        named++;
    }
    fclose(fp);
    assert_int_equal(named, 6);
}

static void refuses_group_or_world_readable(void **state)
{
    fixture_t *f = *state;
    static const mode_t modes[] = {0644, 0640, 0604, 0660};
    for (size_t i = 0; i < sizeof modes / sizeof modes[0]; i++) {
        write_file(f->path, "S2_Authenticated c0ffee00112233445566778899aabbcc\n", modes[i]);
        zwh_keystore_t *ks = (zwh_keystore_t *)0x1;
        char msg[256] = "";
        assert_int_equal(zwh_keystore_new(f->path, &ks, msg, sizeof msg), ZWH_EKEYFILE_MODE);
        assert_ptr_equal(ks, (zwh_keystore_t *)0x1); /* untouched */
        assert_non_null(strstr(msg, "group or others"));
        assert_non_null(strstr(msg, "chmod 600"));
        assert_null(strstr(msg, "c0ffee")); /* never echoes key text */
    }
    write_file(f->path, "S2_Authenticated c0ffee00112233445566778899aabbcc\n", 0600);
    zwh_keystore_t *ks = NULL;
    assert_int_equal(zwh_keystore_new(f->path, &ks, NULL, 0), 0);
    assert_memory_equal(zwh__keystore_key(ks, ZWH_SECCLASS_S2_AUTHENTICATED), k_s2auth, 16);
    assert_null(zwh__keystore_key(ks, ZWH_SECCLASS_S0));
    assert_int_equal(zwh_keystore_classes_get(ks), 1u << ZWH_SECCLASS_S2_AUTHENTICATED);
    zwh_keystore_free(ks);
}

static void parses_comments_and_all_names(void **state)
{
    (void)state;
    static const char text[] =
        "# network keys\n"
        "\n"
        "S0 000102030405060708090a0b0c0d0e0f\n"
        "  S2_Unauthenticated\t00112233445566778899AABBCCDDEEFF  # trailing comment\n"
        "S2_Authenticated c0ffee00112233445566778899aabbcc\r\n"
        "S2_AccessControl ffffffffffffffffffffffffffffffff\n"
        "S2_LR_Authenticated 0f0e0d0c0b0a09080706050403020100\n"
        "S2_LR_AccessControl 11111111111111111111111111111111";
    zwh_keystore_t *ks = zwh__keystore_alloc();
    char msg[128];
    assert_int_equal(zwh__keystore_parse(ks, text, strlen(text), msg, sizeof msg), 0);
    assert_memory_equal(zwh__keystore_key(ks, ZWH_SECCLASS_S2_AUTHENTICATED), k_s2auth, 16);
    const uint8_t *s0 = zwh__keystore_key(ks, ZWH_SECCLASS_S0);
    for (int i = 0; i < 16; i++)
        assert_int_equal(s0[i], i);
    assert_int_equal(zwh__keystore_key(ks, ZWH_SECCLASS_S2_UNAUTHENTICATED)[15], 0xff);
    assert_int_equal(zwh__keystore_key(ks, ZWH_SECCLASS_S2_LR_ACCESS_CONTROL)[0], 0x11);
    assert_int_equal(zwh__keystore_key(ks, ZWH_SECCLASS_S2_LR_AUTHENTICATED)[0], 0x0f);

    /* format -> parse round trip */
    char buf[512];
    int n = zwh__keystore_format(ks, buf, sizeof buf);
    assert_true(n > 0);
    zwh_keystore_t *back = zwh__keystore_alloc();
    assert_int_equal(zwh__keystore_parse(back, buf, (size_t)n, msg, sizeof msg), 0);
    assert_memory_equal(back->key, ks->key, sizeof ks->key);
    assert_int_equal(back->present, ks->present);
    zwh_keystore_free(back);
    zwh_keystore_free(ks);
}

typedef struct bad_text {
    const char *text;
    const char *msg_contains;
} bad_text_t;

static void malformed_lines_name_the_line(void **state)
{
    fixture_t *f = *state;
    static const bad_text_t bad[] = {
        {"S3 000102030405060708090a0b0c0d0e0f\n", "line 1: unknown security class"},
        {"# ok\nS0 000102030405060708090a0b0c0d0e\n", "line 2: S0 needs exactly 32"},
        {"S0 000102030405060708090a0b0c0d0e0f00\n", "line 1: S0 needs exactly 32"},
        {"\n\n\nS2_AccessControl 000102030405060708090a0b0c0d0eXX\n", "line 4:"},
        {"S2_Authenticated\n", "line 1:"},
        {"S2_Authenticated c0ffee00112233445566778899aabbcc junk\n", "line 1:"},
        {"S0 000102030405060708090a0b0c0d0e0f\nS0 000102030405060708090a0b0c0d0e0f\n",
         "line 2: second key for S0"},
        {"s0 000102030405060708090a0b0c0d0e0f\n", "line 1: unknown"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        write_file(f->path, bad[i].text, 0600);
        zwh_keystore_t *ks = NULL;
        char msg[256] = "";
        int rc = zwh_keystore_new(f->path, &ks, msg, sizeof msg);
        if (rc != ZWH_EKEYFILE || !strstr(msg, bad[i].msg_contains))
            fail_msg("case %zu: rc %d msg '%s'", i, rc, msg);
        assert_null(ks);
        assert_non_null(strstr(msg, f->path));
        assert_null(strstr(msg, "0a0b0c"));
    }
    /* NUL inside a line */
    zwh_keystore_t *ks = zwh__keystore_alloc();
    static const char with_nul[] = "S0 0001\0" "02030405060708090a0b0c0d0e0f\n";
    char msg[128];
    assert_int_equal(zwh__keystore_parse(ks, with_nul, sizeof with_nul - 1, msg, sizeof msg),
                     ZWH_EKEYFILE);
    assert_int_equal(ks->present, 0);
    zwh_keystore_free(ks);
}

static void other_errors(void **state)
{
    fixture_t *f = *state;
    zwh_keystore_t *ks = NULL;
    char msg[256] = "";
    /* a directory is not a keys file */
    assert_int_equal(zwh_keystore_new(f->dir, &ks, msg, sizeof msg) < 0, 1);
    assert_null(ks);
    /* cannot create in a missing directory */
    assert_int_equal(zwh_keystore_new("/nonexistent-zwh-dir/keys", &ks, msg, sizeof msg), ZWH_ENOENT);
    assert_non_null(strstr(msg, "cannot create"));
    assert_int_equal(zwh_keystore_new(NULL, &ks, msg, sizeof msg), ZWH_EINVAL);
    zwh_keystore_free(NULL);
    assert_int_equal(zwh_keystore_classes_get(NULL), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(creates_missing_file_0600, setup, teardown),
        cmocka_unit_test_setup_teardown(refuses_group_or_world_readable, setup, teardown),
        cmocka_unit_test(parses_comments_and_all_names),
        cmocka_unit_test_setup_teardown(malformed_lines_name_the_line, setup, teardown),
        cmocka_unit_test_setup_teardown(other_errors, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
