/* Multi Channel, Multi Command and CRC-16 encapsulation helpers
 * (src/encap/multi_channel.c, multi_command.c, crc16_encap.c), and the three
 * stacked the way a multi-endpoint device reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "encap/crc16_encap.h"
#include "encap/multi_channel.h"
#include "encap/multi_command.h"
#include "zwhost/zwhost.h"

static const uint8_t switch_on[] = {0x25, 0x01, 0xFF}; /* Binary Switch Set, on */

/* Unwraps an exact-size heap copy so ASan sees reads past the end. */
static int unwrap_copy(const uint8_t *frame, size_t len, zwh__mc_unwrapped_t *u, uint8_t **keep)
{
    uint8_t *c = malloc(len ? len : 1);
    assert_non_null(c);
    memcpy(c, frame, len);
    int rc = zwh__mc_unwrap(c, len, u);
    *keep = c;
    return rc;
}

static void bit_addressing(void **state)
{
    (void)state;
    uint8_t out[16];
    /* end points 1, 3 and 7: bits 0, 2 and 6 of the destination, and the
     * bit-address flag (bit 7) -> 0xC5 */
    const uint8_t eps[] = {7, 1, 3, 3};
    const uint8_t want[] = {0x60, 0x0D, 0x00, 0xC5, 0x25, 0x01, 0xFF};
    assert_int_equal(zwh__mc_wrap_multi(0, eps, sizeof eps, switch_on, sizeof switch_on, out, sizeof out),
                     (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    zwh__mc_unwrapped_t u;
    uint8_t *keep;
    assert_int_equal(unwrap_copy(want, sizeof want, &u, &keep), 0);
    assert_int_equal(u.source, 0);
    assert_int_equal(u.bit_address, 1);
    assert_int_equal(u.ndest, 3);
    assert_int_equal(u.dest[0], 1);
    assert_int_equal(u.dest[1], 3);
    assert_int_equal(u.dest[2], 7);
    assert_int_equal(u.cmd_len, 3);
    assert_memory_equal(u.cmd, switch_on, 3);
    assert_ptr_equal(u.cmd, keep + 4);
    free(keep);
    /* every end point 1..7 */
    const uint8_t all[] = {1, 2, 3, 4, 5, 6, 7};
    assert_int_equal(zwh__mc_wrap_multi(2, all, 7, switch_on, 3, out, sizeof out), 7);
    assert_int_equal(out[2], 2);
    assert_int_equal(out[3], 0xFF);
    assert_int_equal(zwh__mc_unwrap(out, 7, &u), 0);
    assert_int_equal(u.ndest, 7);
    for (int i = 0; i < 7; i++)
        assert_int_equal(u.dest[i], i + 1);
    /* end point 0 or 8+ cannot be bit-addressed */
    const uint8_t bad0[] = {0}, bad8[] = {1, 8};
    assert_int_equal(zwh__mc_wrap_multi(0, bad0, 1, switch_on, 3, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh__mc_wrap_multi(0, bad8, 2, switch_on, 3, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh__mc_wrap_multi(0, eps, 0, switch_on, 3, out, sizeof out), ZWH_EINVAL);
    /* an empty mask on the wire is malformed */
    const uint8_t empty[] = {0x60, 0x0D, 0x00, 0x80, 0x25, 0x01, 0xFF};
    assert_int_equal(zwh__mc_unwrap(empty, sizeof empty, &u), ZWH_EBADMSG);
}

static void single_endpoint(void **state)
{
    (void)state;
    uint8_t out[16];
    /* from end point 2 of a device to the controller (end point 0): a Binary Switch Report */
    const uint8_t report[] = {0x25, 0x03, 0x00};
    const uint8_t want[] = {0x60, 0x0D, 0x02, 0x00, 0x25, 0x03, 0x00};
    assert_int_equal(zwh__mc_wrap(2, 0, report, 3, out, sizeof out), 7);
    assert_memory_equal(out, want, 7);
    zwh__mc_unwrapped_t u;
    uint8_t *keep;
    assert_int_equal(unwrap_copy(want, sizeof want, &u, &keep), 0);
    free(keep);
    assert_int_equal(u.source, 2);
    assert_int_equal(u.bit_address, 0);
    assert_int_equal(u.ndest, 1);
    assert_int_equal(u.dest[0], 0);
    assert_int_equal(u.cmd_len, 3);
    /* end point 127 is the largest */
    assert_int_equal(zwh__mc_wrap(127, 127, report, 3, out, sizeof out), 7);
    assert_int_equal(out[2], 0x7F);
    assert_int_equal(out[3], 0x7F);
    assert_int_equal(zwh__mc_wrap(128, 1, report, 3, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh__mc_wrap(1, 1, report, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh__mc_wrap(1, 1, report, 3, out, 6), ZWH_EMSGSIZE);
    /* shorter than the header plus one command byte is refused; a shorter
     * command is just a shorter command. Never a read past the end. */
    for (size_t n = 0; n < sizeof want; n++) {
        assert_int_equal(unwrap_copy(want, n, &u, &keep), n < 5 ? ZWH_EBADMSG : 0);
        if (n >= 5)
            assert_int_equal(u.cmd_len, n - 4);
        free(keep);
    }
    const uint8_t other[] = {0x60, 0x0C, 0x02, 0x00, 0x25};
    assert_int_equal(zwh__mc_unwrap(other, sizeof other, &u), ZWH_EBADMSG);
    assert_int_equal(zwh__mc_unwrap(want, sizeof want, NULL), ZWH_EBADMSG);
}

static void multi_command_list(void **state)
{
    (void)state;
    uint8_t out[64];
    const uint8_t battery[] = {0x80, 0x03, 0x64};
    const uint8_t wakeup[] = {0x84, 0x07};
    zwh__multi_cmd_item_t items[] = {{battery, sizeof battery}, {wakeup, sizeof wakeup}};
    const uint8_t want[] = {0x8F, 0x01, 0x02, 0x03, 0x80, 0x03, 0x64, 0x02, 0x84, 0x07};
    assert_int_equal(zwh__multi_cmd_wrap(items, 2, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    zwh__multi_cmd_list_t l;
    assert_int_equal(zwh__multi_cmd_unwrap(want, sizeof want, &l), 0);
    assert_int_equal(l.count, 2);
    assert_int_equal(l.items[0].len, 3);
    assert_ptr_equal(l.items[0].cmd, want + 4);
    assert_int_equal(l.items[1].len, 2);
    assert_ptr_equal(l.items[1].cmd, want + 8);
    for (size_t n = 0; n < sizeof want; n++)
        assert_int_equal(zwh__multi_cmd_unwrap(want, n, &l), ZWH_EBADMSG);
    /* a length running past the end */
    uint8_t bad[sizeof want];
    memcpy(bad, want, sizeof want);
    bad[7] = 3;
    assert_int_equal(zwh__multi_cmd_unwrap(bad, sizeof bad, &l), ZWH_EBADMSG);
    assert_int_equal(zwh__multi_cmd_wrap(items, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh__multi_cmd_wrap(items, ZWH_MULTI_COMMAND_MAX + 1, out, sizeof out), ZWH_EINVAL);
    zwh__multi_cmd_item_t empty = {battery, 0};
    assert_int_equal(zwh__multi_cmd_wrap(&empty, 1, out, sizeof out), ZWH_EINVAL);
    /* the most commands one frame may hold */
    zwh__multi_cmd_item_t many[ZWH_MULTI_COMMAND_MAX];
    for (size_t i = 0; i < ZWH_MULTI_COMMAND_MAX; i++)
        many[i] = (zwh__multi_cmd_item_t){wakeup, sizeof wakeup};
    uint8_t big[256];
    int n = zwh__multi_cmd_wrap(many, ZWH_MULTI_COMMAND_MAX, big, sizeof big);
    assert_int_equal(n, 3 + 3 * ZWH_MULTI_COMMAND_MAX);
    assert_int_equal(zwh__multi_cmd_unwrap(big, (size_t)n, &l), 0);
    assert_int_equal(l.count, ZWH_MULTI_COMMAND_MAX);
}

static void crc16_wrap_verify(void **state)
{
    (void)state;
    uint8_t out[16];
    /* SDS13783: a Basic Get in CRC-16 Encapsulation */
    const uint8_t basic_get[] = {0x20, 0x02};
    const uint8_t want[] = {0x56, 0x01, 0x20, 0x02, 0x4D, 0x26};
    assert_int_equal(zwh__crc16_wrap(basic_get, 2, out, sizeof out), 6);
    assert_memory_equal(out, want, 6);
    const uint8_t *cmd;
    size_t len;
    assert_int_equal(zwh__crc16_unwrap(want, 6, &cmd, &len), 0);
    assert_int_equal(len, 2);
    assert_ptr_equal(cmd, want + 2);
    /* any flipped bit fails verification */
    for (size_t i = 0; i < sizeof want; i++)
        for (int b = 0; b < 8; b++) {
            uint8_t bad[sizeof want];
            memcpy(bad, want, sizeof want);
            bad[i] ^= (uint8_t)(1u << b);
            assert_int_equal(zwh__crc16_unwrap(bad, sizeof bad, &cmd, &len), ZWH_EBADMSG);
        }
    for (size_t n = 0; n < sizeof want; n++)
        assert_int_equal(zwh__crc16_unwrap(want, n, &cmd, &len), ZWH_EBADMSG);
    assert_int_equal(zwh__crc16_unwrap(want, 6, NULL, &len), ZWH_EBADMSG);
    assert_int_equal(zwh__crc16_wrap(basic_get, 0, out, sizeof out), ZWH_EINVAL);
}

/* A device's end point 3 reporting two commands at once under CRC-16:
 * CRC-16 { Multi Channel 3 -> 0 { Multi Command { A, B } } }, unwrapped
 * layer by layer back to the two commands. */
static void stacked_layers(void **state)
{
    (void)state;
    const uint8_t meter[] = {0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x01, 0x2C};
    const uint8_t sw[] = {0x25, 0x03, 0xFF};
    zwh__multi_cmd_item_t items[] = {{meter, sizeof meter}, {sw, sizeof sw}};
    uint8_t mcmd[64], mc[64], crc[64];
    int n1 = zwh__multi_cmd_wrap(items, 2, mcmd, sizeof mcmd);
    int n2 = zwh__mc_wrap(3, 0, mcmd, (size_t)n1, mc, sizeof mc);
    int n3 = zwh__crc16_wrap(mc, (size_t)n2, crc, sizeof crc);
    assert_int_equal(n3, n2 + 4);
    const uint8_t *p;
    size_t len;
    assert_int_equal(zwh__crc16_unwrap(crc, (size_t)n3, &p, &len), 0);
    zwh__mc_unwrapped_t u;
    assert_int_equal(zwh__mc_unwrap(p, len, &u), 0);
    assert_int_equal(u.source, 3);
    zwh__multi_cmd_list_t l;
    assert_int_equal(zwh__multi_cmd_unwrap(u.cmd, u.cmd_len, &l), 0);
    assert_int_equal(l.count, 2);
    assert_memory_equal(l.items[0].cmd, meter, sizeof meter);
    assert_memory_equal(l.items[1].cmd, sw, sizeof sw);
    /* the text formatter sees the same nesting */
    char text[512];
    assert_true(zwh_cc_format(crc, (size_t)n3, text, sizeof text) > 0);
    assert_non_null(strstr(text, "src=3"));
    assert_non_null(strstr(text, "count=2"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bit_addressing),
        cmocka_unit_test(single_endpoint),
        cmocka_unit_test(multi_command_list),
        cmocka_unit_test(crc16_wrap_verify),
        cmocka_unit_test(stacked_layers),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
