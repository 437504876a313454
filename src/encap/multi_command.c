/* Multi Command encapsulation helpers. */
#include "encap/multi_command.h"

#include <string.h>
#include "zwhost/error.h"

int zwh__multi_cmd_wrap(const zwh__multi_cmd_item_t *items, size_t count, uint8_t *out, size_t cap)
{
    if (!items || count == 0 || count > ZWH_MULTI_COMMAND_MAX)
        return ZWH_EINVAL;
    const uint8_t *cmds[ZWH_MULTI_COMMAND_MAX];
    size_t lens[ZWH_MULTI_COMMAND_MAX];
    for (size_t i = 0; i < count; i++) {
        cmds[i] = items[i].cmd;
        lens[i] = items[i].len;
    }
    return zwh_multi_command_encode(cmds, lens, count, out, cap);
}

int zwh__multi_cmd_unwrap(const uint8_t *frame, size_t len, zwh__multi_cmd_list_t *out)
{
    zwh_multi_command_t m;
    if (!out || zwh_multi_command_decode(frame, len, &m) != 0)
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->count = m.count;
    for (size_t i = 0; i < m.count; i++) {
        out->items[i].cmd = frame + m.cmds[i].offset;
        out->items[i].len = m.cmds[i].len;
    }
    return 0;
}
