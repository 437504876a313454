/* zwhost — one command to many nodes at once (multicast).
 *
 * zwh_host_send_multicast() sends cmd to a set of nodes with one
 * SendDataMulticast per security class, then addresses each node singly:
 *   - nodes whose highest granted class is the same S2 class get one S2
 *     multicast (MGRP/MPAN encapsulation, group id derived from the set) and
 *     then each its singlecast follow-up (S2 with the MGRP extension), which
 *     is acknowledged; a node that missed the multicast or lacks the group's
 *     MPAN acts on the follow-up;
 *   - plaintext nodes get a plain multicast; their result is the multicast's
 *     (not acknowledged by nodes), unless only one is left, then it is a
 *     singlecast;
 *   - S0 nodes (S0 has no multicast) get singlecasts.
 * Follow-ups and singlecasts are ordinary transactions of the send pipeline
 * (queue per node, sleeping nodes wait for their wake-up); they are
 * supervised only with ZWH_SEND_SUPERVISE. */
#ifndef ZWHOST_MULTICAST_H
#define ZWHOST_MULTICAST_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"
#include "zwhost/send.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Called once per node with its result (0 or a ZWH_E* code, as for
 * zwh_host_send); `remaining` is the number of nodes still without a result
 * (0 on the last call). Runs on the loop thread, never from inside the call. */
typedef void (*zwh_multicast_cb)(zwh_host_t *host, uint16_t node_id, int status, size_t remaining, void *user);

#define ZWH_MULTICAST_MAX 64
/* Sends cmd (1..ZWH_SEND_MAX bytes) to node_ids[0..n) (2..ZWH_MULTICAST_MAX
 * distinct nodes). opts may be NULL; opts->endpoint must be 0 and a Get's
 * expect_cc is not allowed (ZWH_EINVAL). Errors without traffic: ZWH_EINVAL,
 * ZWH_ENONODE (an unknown node), ZWH_ENOTCONN, ZWH_ENOMEM. */
ZWH_EXTERN int zwh_host_send_multicast(zwh_host_t *host, const uint16_t *node_ids, size_t n, const uint8_t *cmd,
                                       size_t len, const zwh_send_opts_t *opts, zwh_multicast_cb cb, void *user);

#ifdef __cplusplus
}
#endif

#endif
