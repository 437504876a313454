/** @file
 * zwhost — where the host keeps what survives a restart.
 *
 * The host persists its node table, interview results, granted security classes,
 * S2 sequence state and the SmartStart provisioning list as one opaque byte
 * string (the "state", format in README.md, section "State file"). By default it
 * lives in a file (the host's state file option), written atomically: a temporary
 * file in the same directory, fsync, rename, fsync of the directory, mode 0600.
 *
 * An application that keeps its data elsewhere (a database, flash, a key-value
 * store) replaces the file with three callbacks. They are plain function
 * pointers with a trailing `void *user`, called on the loop's thread, so a
 * Python ctypes binding can implement them.
 *
 * The library treats the bytes as its own: the application stores and returns
 * them unchanged. Everything it hands back is verified (length, checksum,
 * format version) before use, so a damaged store is reported, never trusted. */
#ifndef ZWHOST_STORAGE_H
#define ZWHOST_STORAGE_H

#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Loads the state saved last (called at zwh_host_start(), on the loop's thread).
 *   On success: sets *data to a buffer holding the bytes and *len to their
 *   number, and returns 0. The buffer belongs to the application; the library
 *   reads it before the load call's caller returns and then, if the free
 *   callback is not NULL, passes it to the free callback exactly once. With a
 *   NULL free callback the buffer must stay valid until the next storage
 *   callback (ctypes: keep the bytes object alive).
 *   Nothing saved yet: return ZWH_ENOENT (the host starts with an empty state).
 *   Any other failure: return a negative ZWH_E* or -errno code; *data is
 *   ignored and the host reports the error instead of starting empty. */
typedef int (*zwh_storage_load_cb)(uint8_t **data, size_t *len, void *user);

/** Replaces the saved state with data[0..len) (on the loop's thread, shortly after
 * changes, from zwh_host_save_state() and at close). The buffer is borrowed for the
 * call only: copy what you keep. The replacement must be atomic: after a crash
 * or power loss at any point, the next load returns either the old or the new
 * bytes, never a mixture (a truncated or mixed result is detected at load and
 * fails it). Return 0, or a negative code (the host logs it and retries at its
 * next save). */
typedef int (*zwh_storage_save_cb)(const uint8_t *data, size_t len, void *user);

/** Releases a buffer the load callback returned (may be NULL, see above). */
typedef void (*zwh_storage_free_cb)(uint8_t *data, void *user);

/** The state file (path copied; NULL or "" = no persistence), before zwh_host_start().
 * A missing file starts an empty state; a damaged one makes zwh_host_start() fail. */
ZWH_EXTERN int zwh_host_set_state_file(zwh_host_t *host, const char *path);
/** The application's storage instead of a file (load and save both set, or both
 * NULL = none); before zwh_host_start(). `user` is passed to the three callbacks.
 * ZWH_EINVAL for only one of load/save. */
ZWH_EXTERN int zwh_host_set_storage(zwh_host_t *host, zwh_storage_load_cb load, zwh_storage_save_cb save,
                                    zwh_storage_free_cb release, void *user);
/** Writes the state now (it is also written shortly after each change and at
 * close). 0, ZWH_ENOTCONN before ready, or the storage's error. */
ZWH_EXTERN int zwh_host_save_state(zwh_host_t *host);

#ifdef __cplusplus
}
#endif
#endif
