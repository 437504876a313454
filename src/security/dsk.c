/* DSK text form, PIN and SmartStart home IDs. */
#include "security/dsk.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "zwhost/error.h"

#define DSK_GROUPS 8
#define GROUP_DIGITS 5

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
static bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool zwh__digits_read(const char *s, size_t n, uint32_t *v)
{
    uint32_t acc = 0;
    for (size_t i = 0; i < n; i++) {
        if (!is_digit(s[i]))
            return false;
        acc = acc * 10u + (uint32_t)(s[i] - '0');
    }
    *v = acc;
    return true;
}

void zwh__dsk_pin_put(uint8_t *key, uint16_t pin)
{
    key[0] = (uint8_t)(pin >> 8);
    key[1] = (uint8_t)pin;
}

static int fail(const char **reason, const char *why)
{
    if (reason)
        *reason = why;
    return ZWH_EDSK;
}

/* Reads one 5-digit group (value <= 65535) at *p and advances *p. */
static int read_group(const char **p, uint16_t *out, const char **reason)
{
    uint32_t v = 0;
    const char *s = *p;
    size_t n = 0;
    while (n <= GROUP_DIGITS && is_digit(s[n]))
        n++;
    if (n != GROUP_DIGITS)
        return fail(reason, "each group must have exactly 5 digits");
    zwh__digits_read(s, GROUP_DIGITS, &v);
    if (v > 0xFFFF)
        return fail(reason, "group value above 65535");
    *out = (uint16_t)v;
    *p = s + GROUP_DIGITS;
    return 0;
}

static const char *skip_space(const char *s)
{
    while (is_space(*s))
        s++;
    return s;
}

ZWH_EXTERN int zwh_dsk_format(const uint8_t *dsk, char *out, size_t cap)
{
    if (!dsk || !out)
        return ZWH_EINVAL;
    if (cap < ZWH_DSK_TEXT_SIZE)
        return ZWH_EMSGSIZE;
    size_t pos = 0;
    for (int g = 0; g < DSK_GROUPS; g++) {
        unsigned v = (unsigned)dsk[2 * g] << 8 | dsk[2 * g + 1];
        int n = snprintf(out + pos, cap - pos, g ? "-%05u" : "%05u", v);
        pos += (size_t)n;
    }
    return (int)pos;
}

ZWH_EXTERN int zwh_dsk_parse(const char *text, uint8_t *dsk, const char **reason)
{
    if (!text || !dsk)
        return ZWH_EINVAL;
    uint8_t tmp[ZWH_DSK_LEN];
    const char *p = skip_space(text);
    for (int g = 0; g < DSK_GROUPS; g++) {
        if (g > 0) {
            const char *q = p;
            if (*q == '-')
                q++;
            else
                while (*q == ' ')
                    q++;
            if (q == p)
                return fail(reason, "groups must be separated by '-' or spaces");
            p = q;
        }
        uint16_t v;
        int rc = read_group(&p, &v, reason);
        if (rc)
            return rc;
        tmp[2 * g] = (uint8_t)(v >> 8);
        tmp[2 * g + 1] = (uint8_t)v;
    }
    if (*skip_space(p) != '\0')
        return fail(reason, "text after the eighth group (a DSK has 8 groups)");
    memcpy(dsk, tmp, sizeof tmp);
    return 0;
}

ZWH_EXTERN int zwh_dsk_pin_get(const uint8_t *dsk, uint16_t *pin)
{
    if (!dsk || !pin)
        return ZWH_EINVAL;
    *pin = (uint16_t)(dsk[0] << 8 | dsk[1]);
    return 0;
}

ZWH_EXTERN int zwh_dsk_pin_parse(const char *text, uint16_t *pin, const char **reason)
{
    if (!text || !pin)
        return ZWH_EINVAL;
    const char *p = skip_space(text);
    uint16_t v;
    if (read_group(&p, &v, reason) != 0 || *skip_space(p) != '\0')
        return fail(reason, "a PIN is exactly 5 digits, at most 65535");
    *pin = v;
    return 0;
}

static uint32_t be32(const uint8_t *b)
{
    return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

ZWH_EXTERN int zwh_dsk_nwi_home_id_get(const uint8_t *dsk, uint32_t *home_id)
{
    if (!dsk || !home_id)
        return ZWH_EINVAL;
    *home_id = (be32(dsk + 8) | 0xC0000000u) & ~(uint32_t)1;
    return 0;
}

ZWH_EXTERN int zwh_dsk_auth_home_id_get(const uint8_t *dsk, uint32_t *home_id)
{
    if (!dsk || !home_id)
        return ZWH_EINVAL;
    *home_id = (be32(dsk + 12) & 0x3FFFFFFFu) | 1u;
    return 0;
}
