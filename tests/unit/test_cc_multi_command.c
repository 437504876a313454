/* Multi Command CC v1 and CRC-16 Encapsulation CC v1. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_check.h"

ZWH_TEST_DECODER(multi_command, zwh_multi_command_t)
ZWH_TEST_DECODER(crc16_encap, zwh_crc16_encap_t)

static void multi_command(void **state)
{
    (void)state;
    uint8_t out[1024];
    const uint8_t a[] = {0x8A, 0x01};
    const uint8_t b[] = {0x62, 0x01, 0xFF};
    const uint8_t *cmds[] = {a, b};
    const size_t lens[] = {2, 3};
    const uint8_t want[] = {0x8F, 0x01, 0x02, 0x02, 0x8A, 0x01, 0x03, 0x62, 0x01, 0xFF};
    assert_int_equal(zwh_multi_command_encode(cmds, lens, 2, out, sizeof out), (int)sizeof want);
    assert_memory_equal(out, want, sizeof want);
    zwh_multi_command_t m;
    assert_int_equal(zwh_multi_command_decode(want, sizeof want, &m), 0);
    assert_int_equal(m.count, 2);
    assert_int_equal(m.cmds[0].offset, 4);
    assert_int_equal(m.cmds[0].len, 2);
    assert_int_equal(m.cmds[1].offset, 7);
    assert_int_equal(m.cmds[1].len, 3);
    zwh_test_truncations(want, sizeof want, sizeof want, dec_multi_command, &m, sizeof m);
    zwh_test_format(want, sizeof want,
                    "MultiCommand.Encapsulated count=2 { Time.TimeGet } { DoorLock.OperationSet mode=secured }");

    /* the most commands, each 255 bytes long */
    static uint8_t big[255];
    memset(big, 0x20, sizeof big);
    const uint8_t *many[ZWH_MULTI_COMMAND_MAX];
    size_t many_lens[ZWH_MULTI_COMMAND_MAX];
    for (size_t i = 0; i < ZWH_MULTI_COMMAND_MAX; i++) {
        many[i] = i == 0 ? big : a;
        many_lens[i] = i == 0 ? sizeof big : sizeof a;
    }
    int n = zwh_multi_command_encode(many, many_lens, ZWH_MULTI_COMMAND_MAX, out, sizeof out);
    assert_int_equal(n, 3 + 256 + (ZWH_MULTI_COMMAND_MAX - 1) * 3);
    assert_int_equal(zwh_multi_command_decode(out, (size_t)n, &m), 0);
    assert_int_equal(m.count, ZWH_MULTI_COMMAND_MAX);
    assert_int_equal(m.cmds[0].len, 255);
    assert_int_equal(zwh_multi_command_encode(many, many_lens, ZWH_MULTI_COMMAND_MAX + 1, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_multi_command_encode(many, many_lens, 0, out, sizeof out), ZWH_EINVAL);
    size_t bad_lens[] = {0, 3};
    assert_int_equal(zwh_multi_command_encode(cmds, bad_lens, 2, out, sizeof out), ZWH_EINVAL);
    size_t long_lens[] = {256, 3};
    assert_int_equal(zwh_multi_command_encode(cmds, long_lens, 2, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_multi_command_encode(cmds, lens, 2, out, 9), ZWH_EMSGSIZE);
    /* counts the decoder refuses: too many, a zero-length command */
    const uint8_t too_many[] = {0x8F, 0x01, ZWH_MULTI_COMMAND_MAX + 1};
    assert_int_equal(zwh_multi_command_decode(too_many, sizeof too_many, &m), ZWH_EBADMSG);
    const uint8_t zero[] = {0x8F, 0x01, 0x01, 0x00};
    assert_int_equal(zwh_multi_command_decode(zero, sizeof zero, &m), ZWH_EBADMSG);
}

static void crc16(void **state)
{
    (void)state;
    uint8_t out[16];
    /* SDS13783 Table 1: a Basic Get in CRC-16 Encapsulation */
    const uint8_t basic_get[] = {0x20, 0x02};
    const uint8_t want[] = {0x56, 0x01, 0x20, 0x02, 0x4D, 0x26};
    assert_int_equal(zwh_crc16_encap_encode(basic_get, 2, out, sizeof out), 6);
    assert_memory_equal(out, want, 6);
    zwh_crc16_encap_t e;
    assert_int_equal(zwh_crc16_encap_decode(want, 6, &e), 0);
    assert_int_equal(e.cmd_offset, 2);
    assert_int_equal(e.cmd_len, 2);
    assert_int_equal(e.crc, 0x4D26);
    zwh_test_truncations(want, 6, 6, dec_crc16_encap, &e, sizeof e);
    zwh_test_format(want, 6, "CRC16.Encap crc=0x4d26 { Basic.Get }");
    /* a Basic Report 0 as seen from a device (published capture): CRC 0x8C58 */
    const uint8_t report[] = {0x56, 0x01, 0x20, 0x03, 0x00, 0x8C, 0x58};
    assert_int_equal(zwh_crc16_encap_decode(report, sizeof report, &e), 0);
    assert_int_equal(e.cmd_len, 3);
    /* every single-bit error is caught */
    uint8_t bad[6];
    for (size_t byte = 2; byte < 6; byte++) {
        for (int bit = 0; bit < 8; bit++) {
            memcpy(bad, want, 6);
            bad[byte] ^= (uint8_t)(1u << bit);
            assert_int_equal(zwh_crc16_encap_decode(bad, 6, &e), ZWH_EBADMSG);
        }
    }
    memcpy(bad, want, 6);
    bad[5] ^= 1;
    zwh_test_format(bad, 6, "CRC16.Encap malformed: 20 02 4d 27");
    assert_int_equal(zwh_crc16_encap_encode(basic_get, 0, out, sizeof out), ZWH_EINVAL);
    assert_int_equal(zwh_crc16_encap_encode(basic_get, 2, out, 5), ZWH_EMSGSIZE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(multi_command),
        cmocka_unit_test(crc16),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
