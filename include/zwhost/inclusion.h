/** @file
 * zwhost — adding and removing nodes, with S0/S2 security bootstrapping.
 *
 * One network-management operation runs at a time. zwh_host_include() puts the
 * stick in inclusion mode; when a device joins, the host reads its protocol
 * info, bootstraps security (S2 when the node offers Security 2 and the keys
 * file holds S2 keys; S0 for S0-only nodes), assigns return routes and then
 * calls the completion callback with the node id and the classes granted.
 *
 * S2 prompts reach the application as events and may be answered later (a user
 * typing): ZWH_EVENT_S2_GRANT (answer zwh_host_grant()) and ZWH_EVENT_S2_PIN
 * (answer zwh_host_set_pin()); zwh_include_opts_t can answer both up front.
 * Progress arrives as ZWH_EVENT_INCLUSION with a step name in the message
 * ("waiting", "found", "adding", "protocol-done", "s2-bootstrap",
 * "s0-bootstrap", "routes", "done"). A bootstrap failure still adds the node,
 * non-securely: the callback gets ZWH_EKEX_FAIL and the KEX Fail code.
 *
 * Callbacks run on the loop thread, exactly once, never from inside the
 * starting call; ZWH_ECANCELED when the host closes. All calls here run on the loop's
 * thread and need a ready host (ZWH_ENOTCONN otherwise). See @ref inclusion. */
#ifndef ZWHOST_INCLUSION_H
#define ZWHOST_INCLUSION_H

#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options of an inclusion. Initialise with zwh_include_opts_init(), then change fields.
 * Copied by zwh_host_include(): the caller's struct may go away after the call. */
typedef struct zwh_include_opts {
    uint32_t timeout_ms;    /**< how long to wait for a device; 0 = 60000 */
    uint32_t allowed;       /**< classes the host may grant (bits ZWH_SECCLASS n); 0 = every class
                               the keys file holds */
    uint8_t network_wide;   /**< 1: network-wide inclusion (NWI) */
    uint8_t auto_grant;     /**< 1: grant requested & allowed without ZWH_EVENT_S2_GRANT */
    uint8_t has_pin;        /**< 1: answer ZWH_EVENT_S2_PIN with `pin` */
    uint8_t reserved;       /**< 0 */
    uint16_t pin;           /**< the 5-digit PIN (first DSK group), 0..65535 */
    uint16_t reserved2;     /**< 0 */
} zwh_include_opts_t;

/** Inclusion (and replace-failed) completion, on the loop's thread, exactly once.
 * status: 0, ZWH_EKEX_FAIL (node added non-securely; kex_fail = KEX Fail type,
 * 0 on a timeout or an S0 failure), ZWH_ETIMEDOUT (no device came), ZWH_EREJECTED
 * (the stick failed the operation), ZWH_ECANCELED (zwh_host_stop() or close).
 * node_id: the new node (0 when none joined). granted: bits ZWH_SECCLASS n. */
typedef void (*zwh_include_cb)(zwh_host_t *host, int status, uint16_t node_id, uint32_t granted, int kex_fail,
                               void *user);
/** Exclusion / failed-node removal completion: status 0 and the node id that left, or a
 * ZWH_E* code (ZWH_ETIMEDOUT, ZWH_EREJECTED, ZWH_ECANCELED). */
typedef zwh_node_cb zwh_remove_cb;

/** Default options: 60 s, every class of the keys file allowed, grants asked for through
 * ZWH_EVENT_S2_GRANT, PIN asked for through ZWH_EVENT_S2_PIN. */
ZWH_EXTERN void zwh_include_opts_init(zwh_include_opts_t *opts);
/** Starts inclusion (opts NULL = defaults; cb may be NULL, `user` is passed to it).
 * Returns 0 (cb follows), ZWH_EBUSY while another network operation runs, ZWH_ENOTCONN
 * when not ready; no callback follows an error return. */
ZWH_EXTERN int zwh_host_include(zwh_host_t *host, const zwh_include_opts_t *opts, zwh_include_cb cb, void *user);
/** Answers ZWH_EVENT_S2_GRANT: the classes to grant (bits ZWH_SECCLASS n, limited to the
 * options' `allowed`; 0 rejects) and whether CSA is allowed. ZWH_EINVAL when no key
 * exchange runs. */
ZWH_EXTERN int zwh_host_grant(zwh_host_t *host, uint32_t classes, int allow_csa);
/** Answers ZWH_EVENT_S2_PIN with the 5-digit PIN. A wrong PIN ends the bootstrap with
 * ZWH_EKEX_FAIL. ZWH_EINVAL when no key exchange runs. */
ZWH_EXTERN int zwh_host_set_pin(zwh_host_t *host, uint16_t pin);
/** Stops a waiting inclusion/exclusion (completes with ZWH_ECANCELED) or aborts a
 * bootstrap (completes with ZWH_EKEX_FAIL). ZWH_EINVAL when no operation runs,
 * ZWH_EALREADY when it can no longer be stopped (the device is joining). */
ZWH_EXTERN int zwh_host_stop(zwh_host_t *host);
/** Starts exclusion: the next device whose button is pressed within timeout_ms (0 =
 * 60000) leaves; cb (may be NULL) gets its id. ZWH_EBUSY / ZWH_ENOTCONN as for
 * zwh_host_include(). */
ZWH_EXTERN int zwh_host_exclude(zwh_host_t *host, uint32_t timeout_ms, zwh_remove_cb cb, void *user);
/** Removes a node the stick considers failed (it must not answer); ZWH_EREJECTED through
 * cb when the node still answers. */
ZWH_EXTERN int zwh_host_remove_failed(zwh_host_t *host, uint16_t node_id, zwh_remove_cb cb, void *user);
/** Replaces a failed node: the new device joins under the same id, then bootstraps like
 * an inclusion (opts and cb as for zwh_host_include()). */
ZWH_EXTERN int zwh_host_replace_failed(zwh_host_t *host, uint16_t node_id, const zwh_include_opts_t *opts,
                                       zwh_include_cb cb, void *user);

/** Loads the network keys file (zwhost/security.h: created with fresh keys, mode 0600, when
 * missing; path copied). Before zwh_host_start(), or later to replace the keys. On failure
 * writes a one-line explanation into msg[0..msgcap) (msg may be NULL) and returns
 * ZWH_EKEYFILE_MODE, ZWH_EKEYFILE, ZWH_EINVAL or -errno; the previous keys stay. */
ZWH_EXTERN int zwh_host_set_keys(zwh_host_t *host, const char *path, char *msg, size_t msgcap);
/** The classes a node was granted (bits ZWH_SECCLASS n) into *granted. ZWH_ENONODE for an
 * unknown node. */
ZWH_EXTERN int zwh_host_get_node_granted(const zwh_host_t *host, uint16_t node_id, uint32_t *granted);
/** For applications restoring their own records: sets the classes a node holds.
 * ZWH_ENONODE for an unknown node. */
ZWH_EXTERN int zwh_host_set_node_granted(zwh_host_t *host, uint16_t node_id, uint32_t granted);

#ifdef __cplusplus
}
#endif

#endif
