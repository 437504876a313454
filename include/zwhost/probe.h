/* zwhost — learning the security classes of nodes already in the network.
 *
 * A host learns a node's granted classes when it includes the node, or from
 * its state file. A hub that restores a stick without its database (or takes
 * over a network another controller built) knows neither: every secure node
 * would look plaintext and its secure commands would fail. The probe asks the
 * node, the way hubs do after such a restore: S2 Commands Supported Get under
 * each installed S2 key from the highest class down, then S0 Commands
 * Supported Get under the S0 key; the first class the node answers under is
 * recorded as granted (and persisted with the state). A node that answers
 * under none stays plaintext (granted 0). */
#ifndef ZWHOST_PROBE_H
#define ZWHOST_PROBE_H

#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Completion: status 0 (granted = the classes recorded, bit n = ZWH_SECCLASS n,
 * 0 when the node answered under none), ZWH_ECANCELED (host closing) or
 * ZWH_ENONODE (the node left meanwhile). */
typedef void (*zwh_probe_cb)(zwh_host_t *host, int status, uint16_t node_id, uint32_t granted, void *user);

/* Probes node_id (it must list Security 2 (0x9F) or Security 0 (0x98) in its
 * node information frame; otherwise ZWH_ENOTSUP; a node whose NIF the host
 * has not seen yet is probed under every installed key). Each attempt waits at most
 * attempt_ms for the answer (0 = 3000). Errors without traffic: ZWH_EINVAL,
 * ZWH_ENONODE, ZWH_ENOTCONN, ZWH_ENOKEY (no keys file). Run one probe of a
 * node at a time. cb may be NULL. */
ZWH_EXTERN int zwh_host_probe_security(zwh_host_t *host, uint16_t node_id, uint32_t attempt_ms, zwh_probe_cb cb,
                                       void *user);

#ifdef __cplusplus
}
#endif

#endif
