/* Fuzz target: the SmartStart QR decoder over arbitrary text. A decoded code
 * must be self-consistent and its UUID must format. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include "security/crypto.h"
#include "zwhost/error.h"
#include "zwhost/security.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Rewrites the checksum field of an all-digit text so the fuzzer reaches the
 * blocks behind the checksum. */
static void fix_checksum(char *text, size_t n)
{
    if (n < 9)
        return;
    for (size_t i = 0; i < n; i++)
        if (text[i] < '0' || text[i] > '9')
            return;
    uint8_t sha[ZWH__SHA1_LEN];
    if (zwh__sha1((const uint8_t *)text + 9, n - 9, sha) != 0)
        return;
    char five[6];
    snprintf(five, sizeof five, "%05u", (unsigned)(sha[0] << 8 | sha[1]));
    memcpy(text + 4, five, 5);
}

static void check_one(char *text);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 4096)
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    check_one(text);
    fix_checksum(text, size);
    check_one(text);
    free(text);
    return 0;
}

static void check_one(char *text)
{
    zwh_qr_info_t q;
    const char *why = NULL;
    int rc = zwh_qr_decode(text, &q, &why);
    if (rc == 0) {
        if (!q.has_product_id || !q.has_product_type || q.version > 1 || (q.requested_keys & ~ZWH_KEY_ALL))
            __builtin_trap();
        char u[48], d[ZWH_DSK_TEXT_SIZE];
        int n = zwh_qr_uuid_format(&q, u, sizeof u);
        if (q.has_uuid ? (n <= 0 || (size_t)n != strlen(u)) : n != ZWH_ENOENT)
            __builtin_trap();
        if (zwh_dsk_format(q.dsk, d, sizeof d) != ZWH_DSK_TEXT_LEN)
            __builtin_trap();
        uint8_t back[16];
        if (zwh_dsk_parse(d, back, NULL) != 0 || memcmp(back, q.dsk, 16) != 0)
            __builtin_trap();
    } else if (rc != ZWH_EQRCODE || !why || !why[0]) {
        __builtin_trap();
    }
    /* the DSK and PIN parsers see the same text */
    uint8_t dsk[16];
    uint16_t pin;
    rc = zwh_dsk_parse(text, dsk, &why);
    if (rc != 0 && rc != ZWH_EDSK)
        __builtin_trap();
    rc = zwh_dsk_pin_parse(text, &pin, &why);
    if (rc != 0 && rc != ZWH_EDSK)
        __builtin_trap();
}
