#include "cc/codec.h"

long zwh__cc_duration_seconds(uint8_t d)
{
    if (d <= 0x7F)
        return d;
    if (d <= 0xFD)
        return (long)(d - 0x7F) * 60;
    return -1;
}

void zwh__cc_fmt_duration(zwh__fmt_t *f, uint8_t d)
{
    if (d == 0xFE)
        zwh__fmt_printf(f, "unknown");
    else if (d == 0xFF)
        zwh__fmt_printf(f, "default");
    else if (d <= 0x7F)
        zwh__fmt_printf(f, "%us", d);
    else
        zwh__fmt_printf(f, "%umin", (unsigned)(d - 0x7F));
}
