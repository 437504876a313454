#include "cc/registry.h"

#include "zwhost/cc.h"

static const zwh__cc_desc_t *const registry[] = {
#define ZWH__CC_ENTRY_(name) &zwh__cc_##name,
    ZWH__CC_LIST(ZWH__CC_ENTRY_)
#undef ZWH__CC_ENTRY_
};

const zwh__cc_desc_t *zwh__cc_find(uint8_t cc)
{
    for (size_t i = 0; i < ZWH__COUNT(registry); i++)
        if (registry[i]->id == cc)
            return registry[i];
    return NULL;
}

const zwh__cc_cmd_desc_t *zwh__cc_find_cmd(const zwh__cc_desc_t *d, uint8_t cmd)
{
    for (size_t i = 0; d && i < d->ncmds; i++)
        if (d->cmds[i].id == cmd)
            return &d->cmds[i];
    return NULL;
}

ZWH_EXTERN const char *zwh_cc_get_name(uint8_t cc)
{
    const zwh__cc_desc_t *d = zwh__cc_find(cc);
    return d ? d->name : NULL;
}

ZWH_EXTERN const char *zwh_cc_get_command_name(uint8_t cc, uint8_t cmd)
{
    const zwh__cc_cmd_desc_t *c = zwh__cc_find_cmd(zwh__cc_find(cc), cmd);
    return c ? c->name : NULL;
}

ZWH_EXTERN int zwh_cc_get_version(uint8_t cc)
{
    const zwh__cc_desc_t *d = zwh__cc_find(cc);
    return d ? d->version : 0;
}
