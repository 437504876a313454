/* Where the host's state goes: the application's storage callbacks
 * (zwhost/storage.h) or, by default, a state file (state_file.c).
 *
 * The host embeds one zwh__storage_t; its public setters are one-liners:
 *   zwh_host_set_state_file(h, path)  -> zwh__storage_set_file(&h->storage, path)
 *   zwh_host_set_storage(h, load, save, release, user)
 *                                     -> zwh__storage_set_callbacks(&h->storage, ...)
 * and it calls zwh__storage_load() at start-up, zwh__storage_save() when the
 * state changed. */
#ifndef ZWH_HOST_STORAGE_H
#define ZWH_HOST_STORAGE_H

#include <stdbool.h>
#include "host/state.h"
#include "zwhost/storage.h"

typedef struct zwh__storage {
    zwh_storage_load_cb load;     /* application callbacks (take precedence over path) */
    zwh_storage_save_cb save;
    zwh_storage_free_cb release;
    void *user;
    char *path;                   /* state file (owned), or NULL */
} zwh__storage_t;

void zwh__storage_init(zwh__storage_t *s);
void zwh__storage_cleanup(zwh__storage_t *s);
/* Selects the file backend (path copied; NULL or "" selects none) and forgets
 * any callbacks. 0, ZWH_EINVAL or ZWH_ENOMEM. */
int zwh__storage_set_file(zwh__storage_t *s, const char *path);
/* Selects the application's callbacks; load and save are both set (release may
 * be NULL) or both NULL (no storage). Forgets the file. 0 or ZWH_EINVAL. */
int zwh__storage_set_callbacks(zwh__storage_t *s, zwh_storage_load_cb load,
                               zwh_storage_save_cb save, zwh_storage_free_cb release,
                               void *user);
/* true when a file or callbacks are configured */
bool zwh__storage_enabled(const zwh__storage_t *s);
/* Loads the state: 0 = loaded; 1 = nothing saved yet, or no storage configured
 * (*out is a new empty state); negative = failure with err saying what. */
int zwh__storage_load(zwh__storage_t *s, zwh__state_t **out, char *err, size_t errcap);
/* Saves st (nothing to do without storage: 0). 0 or negative with err set. */
int zwh__storage_save(zwh__storage_t *s, const zwh__state_t *st, char *err, size_t errcap);

#endif
