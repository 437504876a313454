/* Fuzz target: the state file decoder. Each input is decoded twice: as it is,
 * and with its frame repaired (signature, body length and CRC-32 rewritten), so
 * the fuzzer gets past the checksum into the records. A decoded state must pass
 * the consistency check, encode, decode again and encode to the same bytes
 * (what decode accepts, encode can write and read back: the host never writes a
 * file it cannot load). A refusal must come with a message. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "host/state.h"
#include "util/crc32.h"
#include "zwhost/error.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_one(const uint8_t *data, size_t size)
{
    zwh__state_t *st = NULL;
    char err[256];
    err[0] = '\0';
    int rc = zwh__state_decode(data, size, &st, err, sizeof err);
    if (rc != 0) {
        if (st || (rc != ZWH_ESTATEFILE && rc != ZWH_ENOTSUP && rc != ZWH_ENOMEM) || !err[0])
            __builtin_trap();
        return;
    }
    if (!st || err[0] || zwh__state_check(st, NULL, 0) != 0)
        __builtin_trap();
    uint8_t *a = NULL, *b = NULL;
    size_t alen = 0, blen = 0;
    if (zwh__state_encode(st, &a, &alen) != 0)
        __builtin_trap();
    zwh__state_t *again = NULL;
    if (zwh__state_decode(a, alen, &again, err, sizeof err) != 0)
        __builtin_trap();
    if (zwh__state_encode(again, &b, &blen) != 0 || alen != blen || memcmp(a, b, alen) != 0)
        __builtin_trap();
    if (zwh__state_node_count(st) != zwh__state_node_count(again) ||
        zwh__state_prov_count(st) != zwh__state_prov_count(again))
        __builtin_trap();
    free(a);
    free(b);
    zwh__state_free(again);
    zwh__state_free(st);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1u << 20))
        return 0;
    check_one(data, size);
    const size_t frame = ZWH__STATE_HEADER_LEN + ZWH__STATE_TRAILER_LEN;
    if (size < frame)
        return 0;
    uint8_t *fixed = malloc(size);
    if (!fixed)
        return 0;
    memcpy(fixed, data, size);
    memcpy(fixed, "ZWHSTATE", 8);
    uint32_t body = (uint32_t)(size - frame);
    for (int i = 0; i < 4; i++)
        fixed[12 + i] = (uint8_t)(body >> (24 - 8 * i));
    uint32_t crc = zwh__crc32(fixed, size - 4);
    for (int i = 0; i < 4; i++)
        fixed[size - 4 + i] = (uint8_t)(crc >> (24 - 8 * i));
    check_one(fixed, size);
    free(fixed);
    return 0;
}
