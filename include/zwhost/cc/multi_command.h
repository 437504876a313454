/** @file
 * zwhost — Multi Command command class (0x8F), version 1: frame codec. */
#ifndef ZWHOST_CC_MULTI_COMMAND_H
#define ZWHOST_CC_MULTI_COMMAND_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Multi Command frame. */
#define ZWH_CC_MULTI_COMMAND 0x8F
/** Command identifiers: the second byte of a Multi Command frame. @{ */
#define ZWH_MULTI_COMMAND_ENCAP 0x01
#define ZWH_MULTI_COMMAND_MAX 32 /**< commands one decode reports */
/** @} */

#ifdef __cplusplus
extern "C" {
#endif

/** Where one encapsulated command lies in the decoded frame. */
typedef struct zwh_multi_command_entry {
    uint16_t offset; /**< into the decoded frame */
    uint8_t len;     /**< 1..255 */
} zwh_multi_command_entry_t;

/** Multi Command Encapsulated: count, then length-prefixed commands. A frame
 * with more than ZWH_MULTI_COMMAND_MAX commands is refused with ZWH_EBADMSG. */
typedef struct zwh_multi_command {
    uint8_t count; /**< entries used in cmds */
    zwh_multi_command_entry_t cmds[ZWH_MULTI_COMMAND_MAX]; /**< the commands, frame[offset .. offset + len) */
} zwh_multi_command_t;

/** Wraps `count` commands into one Multi Command Encapsulated frame.
 * @param cmds  count pointers; cmds[i] points to lens[i] bytes (1..255), each a whole
 *              command starting with its class byte. Borrowed for the call.
 * @param lens  count lengths
 * @param count 1..ZWH_MULTI_COMMAND_MAX
 * @param out   receives the frame
 * @param cap   size of out
 * @return bytes written, ZWH_EINVAL (a NULL pointer, a count or length out of range) or
 *         ZWH_EMSGSIZE (cap too small). Pure: callable from any thread. */
ZWH_EXTERN int zwh_multi_command_encode(const uint8_t *const *cmds, const size_t *lens, size_t count,
                                        uint8_t *out, size_t cap);
/** Splits a Multi Command Encapsulated frame: out->cmds[i] says where command i lies in
 * `frame` (offsets into it; the commands are not copied, so they are valid as long as
 * `frame` is). @return 0, or ZWH_EBADMSG for another command, a truncated frame or more
 * than ZWH_MULTI_COMMAND_MAX commands. */
ZWH_EXTERN int zwh_multi_command_decode(const uint8_t *frame, size_t len, zwh_multi_command_t *out);

#ifdef __cplusplus
}
#endif
#endif
