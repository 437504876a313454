/* Multi Command encapsulation helpers over the cc codec: wrap several
 * commands into one frame, unwrap to a list of commands. */
#ifndef ZWH_ENCAP_MULTI_COMMAND_H
#define ZWH_ENCAP_MULTI_COMMAND_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/cc/multi_command.h"

typedef struct zwh__multi_cmd_item {
    const uint8_t *cmd; /* into the frame given to unwrap */
    size_t len;
} zwh__multi_cmd_item_t;

typedef struct zwh__multi_cmd_list {
    size_t count; /* 0..ZWH_MULTI_COMMAND_MAX */
    zwh__multi_cmd_item_t items[ZWH_MULTI_COMMAND_MAX];
} zwh__multi_cmd_list_t;

/* items[0..count): 1..ZWH_MULTI_COMMAND_MAX commands of 1..255 bytes each. */
int zwh__multi_cmd_wrap(const zwh__multi_cmd_item_t *items, size_t count, uint8_t *out, size_t cap);
/* 0 or ZWH_EBADMSG. */
int zwh__multi_cmd_unwrap(const uint8_t *frame, size_t len, zwh__multi_cmd_list_t *out);

#endif
