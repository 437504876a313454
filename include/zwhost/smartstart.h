/** @file
 * zwhost — SmartStart: the provisioning list and automatic inclusion.
 *
 * The provisioning list holds the devices a hub expects (usually scanned from
 * their QR codes): DSK, the security classes to grant, a status and a name.
 * While the host is ready, idle and the list has a pending entry, the stick
 * listens for SmartStart announcements (AddNode mode 09); when a device whose
 * DSK-derived NWI home id matches a pending entry announces itself, the host
 * includes it (AddNode mode 08), bootstraps S2 granting the entry's classes and
 * verifying the DSK it receives against the entry's (no ZWH_EVENT_S2_GRANT or
 * ZWH_EVENT_S2_PIN reaches the application), then interviews it like any new
 * node. The application sees ZWH_EVENT_INCLUSION progress, ZWH_EVENT_NODE_ADDED
 * and later ZWH_EVENT_NODE_READY; the entry becomes ZWH_PROVISION_INCLUDED with
 * the node id. Announcements of devices not in the list (or not pending) are
 * ignored. Excluding a node included this way sets its entry to
 * ZWH_PROVISION_PASSIVE (a SmartStart device announces itself again after an
 * exclusion; set the entry pending to let it back in).
 *
 * The list is saved with the host's state (zwh_host_set_state_file()) and
 * restored at start-up; entries added before zwh_host_start() are kept, and a
 * saved entry with the same DSK replaces them. All calls run on the loop's
 * thread; they work in any host state but closing. */
#ifndef ZWHOST_SMARTSTART_H
#define ZWHOST_SMARTSTART_H

#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

#define ZWH_PROVISION_PENDING 0  /**< include it when it announces itself */
#define ZWH_PROVISION_PASSIVE 1  /**< known, but not included (yet) */
#define ZWH_PROVISION_IGNORED 2  /**< never include it */
#define ZWH_PROVISION_INCLUDED 3 /**< included: node_id says as which node */

#define ZWH_PROVISION_NAME_SIZE 64 /**< bytes of zwh_provision_entry_t.name, NUL included */

/** One provisioning entry (plain data, a copy). */
typedef struct zwh_provision_entry {
    uint8_t dsk[16];   /**< the device's DSK */
    uint32_t classes;  /**< classes to grant, bits ZWH_SECCLASS n (0 = whatever it requests) */
    uint8_t status;    /**< ZWH_PROVISION_* */
    uint8_t reserved;  /**< 0 */
    uint16_t node_id;  /**< the node it became (ZWH_PROVISION_INCLUDED), else 0 */
    char name[ZWH_PROVISION_NAME_SIZE]; /**< NUL-terminated, "" when none */
} zwh_provision_entry_t;

/** Adds a pending entry from a SmartStart (or S2) QR code text: its DSK and its
 * requested keys as the classes to grant. name may be NULL. Returns 0,
 * ZWH_EQRCODE (reason in *reason when reason is not NULL), ZWH_EEXIST when the
 * DSK is listed already, or as zwh_host_provision_add(). */
ZWH_EXTERN int zwh_host_provision_add_qr(zwh_host_t *host, const char *qr_text, const char *name,
                                         const char **reason);
/** Adds a pending entry. classes: bits ZWH_SECCLASS n (S2 and S0 classes only;
 * 0 = grant what the device requests); name: NULL or at most 63 bytes. Returns 0,
 * ZWH_EEXIST, ZWH_EINVAL, ZWH_ENOSPC (4000 entries) or ZWH_ENOMEM. */
ZWH_EXTERN int zwh_host_provision_add(zwh_host_t *host, const uint8_t *dsk, uint32_t classes, const char *name);
/** Removes the entry of dsk (a node it became stays in the network). 0 or ZWH_ENOENT. */
ZWH_EXTERN int zwh_host_provision_remove(zwh_host_t *host, const uint8_t *dsk);
/** Sets an entry pending, passive or ignored. 0, ZWH_ENOENT, or ZWH_EINVAL
 * (another status, or the entry is included). */
ZWH_EXTERN int zwh_host_provision_set_status(zwh_host_t *host, const uint8_t *dsk, uint8_t status);
/** Number of entries (>= 0) or ZWH_EINVAL. */
ZWH_EXTERN int zwh_host_provision_count(const zwh_host_t *host);
/** Copies entry index (0-based, in insertion order) into *out. 0 or ZWH_ENOENT. */
ZWH_EXTERN int zwh_host_provision_get(const zwh_host_t *host, int index, zwh_provision_entry_t *out);

#ifdef __cplusplus
}
#endif

#endif
