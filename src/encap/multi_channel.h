/* Multi Channel encapsulation helpers over the cc codec: wrap a command for
 * one end point or a bit-addressed set of end points 1..7, and unwrap to the
 * source and the list of destination end points. */
#ifndef ZWH_ENCAP_MULTI_CHANNEL_H
#define ZWH_ENCAP_MULTI_CHANNEL_H

#include <stddef.h>
#include <stdint.h>

#define ZWH__MC_MAX_BIT_EP 7 /* bit addressing reaches end points 1..7 */

typedef struct zwh__mc_unwrapped {
    uint8_t source;
    uint8_t bit_address; /* the destination was a bit mask */
    uint8_t ndest;       /* 1..7 */
    uint8_t dest[ZWH__MC_MAX_BIT_EP]; /* ascending for a bit mask */
    const uint8_t *cmd;  /* into the frame given to unwrap */
    size_t cmd_len;
} zwh__mc_unwrapped_t;

/* Source end point src (0..127) to destination end point dst (0..127). */
int zwh__mc_wrap(uint8_t src, uint8_t dst, const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap);
/* To several end points at once: eps[0..n) each 1..7 (duplicates allowed),
 * n >= 1. ZWH_EINVAL for an end point outside 1..7. */
int zwh__mc_wrap_multi(uint8_t src, const uint8_t *eps, size_t n, const uint8_t *cmd, size_t cmd_len, uint8_t *out,
                       size_t cap);
/* 0, or ZWH_EBADMSG (not a Multi Channel Command Encapsulation, truncated,
 * or an empty bit mask). */
int zwh__mc_unwrap(const uint8_t *frame, size_t len, zwh__mc_unwrapped_t *out);

#endif
