#include "qr_build.h"

#include <stdio.h>
#include <string.h>
#include <mbedtls/sha1.h>

int zt_qr_build(uint8_t version, uint8_t requested_keys, const uint8_t dsk[16], char *out, size_t cap)
{
    char body[256]; /* everything after the checksum */
    int n = snprintf(body, sizeof body, "%03u", (unsigned)requested_keys);
    for (int i = 0; i < 16; i += 2)
        n += snprintf(body + n, sizeof body - (size_t)n, "%05u", (unsigned)(dsk[i] << 8 | dsk[i + 1]));
    /* Product Type (type 0): generic<<8|specific, installer icon; Product ID
     * (type 1): manufacturer, product type, product id, application version */
    n += snprintf(body + n, sizeof body - (size_t)n, "0010%05u%05u", 0x1001u, 0x0700u);
    n += snprintf(body + n, sizeof body - (size_t)n, "0220%05u%05u%05u%05u", 0x0000u, 0x0001u, 0x0002u, 0x0100u);
    unsigned char sha[20];
    if (mbedtls_sha1_ret((const unsigned char *)body, (size_t)n, sha) != 0)
        return -1;
    int len = snprintf(out, cap, "90%02u%05u%s", (unsigned)version, (unsigned)(sha[0] << 8 | sha[1]), body);
    return len < 0 || (size_t)len >= cap ? -1 : len;
}
