#include "serialapi/functions.h"

#include <stddef.h>

static const struct { uint8_t id; const char *name; unsigned flags; } table[] = {
#define ZWH__FUNC_ROW_(id, NAME, name, flags) {id, name, flags},
    ZWH__FUNC_LIST(ZWH__FUNC_ROW_)
#undef ZWH__FUNC_ROW_
};

const char *zwh__func_name(uint8_t func)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].id == func)
            return table[i].name;
    return NULL;
}

unsigned zwh__func_flags(uint8_t func)
{
    for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
        if (table[i].id == func)
            return table[i].flags;
    return 0;
}
