/* The host's persistent state: an in-memory model of everything that survives a
 * restart, its byte encoding (the state file format, README.md "State file"),
 * and the default file backend.
 *
 * The model is plain bookkeeping: no I/O, no clock, no host. The host copies its
 * node table into it (or keeps it as its node table), encodes it when something
 * worth keeping changed, and at start-up decodes it and replays it.
 *
 *   zwh__state_t          controller facts + nodes (ascending id) + SmartStart
 *                         provisioning list (insertion order)
 *   zwh__state_node_t     one node; scalar fields are read and written directly,
 *                         the two byte buffers only through their setters
 *   zwh__state_prov_t     one provisioning entry, likewise (name through setter)
 *
 * Pointers to nodes and entries stay valid until that node/entry is removed or
 * the state is freed (they are allocated one by one; adding others never moves
 * them). */
#ifndef ZWH_HOST_STATE_H
#define ZWH_HOST_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

/* Format version this library writes, and the oldest it can read. */
#define ZWH__STATE_FORMAT_VERSION 1
#define ZWH__STATE_HEADER_LEN 16  /* magic 8, version 2, compat 2, body length 4 */
#define ZWH__STATE_TRAILER_LEN 4  /* CRC-32 */

/* Limits, enforced on both encode and decode. */
#define ZWH__STATE_MAX_NODE_ID 4000        /* Long Range ids run to 4000 */
#define ZWH__STATE_MAX_CCS 255             /* bytes of a NIF command class list */
#define ZWH__STATE_MAX_CACHE (4u << 20)    /* bytes of one node's interview cache */
#define ZWH__STATE_MAX_NAME 255            /* bytes of a provisioning entry's name */
#define ZWH__STATE_MAX_PROVISION 4000      /* provisioning entries */
#define ZWH__STATE_MAX_FILE (64u << 20)    /* a state larger than this is refused */

/* zwh__state_node_t.flags. Bits not named here are kept as they are (a newer
 * library may define them). */
#define ZWH__STATE_NODE_INTERVIEWED 0x0001u        /* an interview ran: the cache holds results */
#define ZWH__STATE_NODE_INTERVIEW_COMPLETE 0x0002u /* every step done: no re-interview at start */
#define ZWH__STATE_NODE_SLEEPING 0x0004u           /* battery node, reached at its wake-up */
#define ZWH__STATE_NODE_FLIRS 0x0008u              /* reached with the wake-up beam */
#define ZWH__STATE_NODE_DEAD 0x0010u               /* last known as dead */
#define ZWH__STATE_NODE_LIFELINE 0x0020u           /* Lifeline association to us is set */

/* zwh__state_node_t.sec_flags (unnamed bits kept likewise) */
#define ZWH__STATE_SEC_BOOTSTRAP_FAILED 0x01u      /* S0/S2 bootstrapping failed at inclusion */

/* Security class masks: bit n = ZWH_SECCLASS n (zwhost/security.h). For the
 * classic classes these are the ZWH_KEY_* bits (0x01, 0x02, 0x04, 0x80); the Long
 * Range classes are bits 3 and 4. Bits 5 and 6 are no class and are refused. */
#define ZWH__STATE_SECCLASS_MASK 0x9Fu

/* zwh__state_prov_t.status */
#define ZWH__PROV_PENDING 0   /* include it when it announces itself */
#define ZWH__PROV_PASSIVE 1   /* known, but do not include (yet) */
#define ZWH__PROV_IGNORED 2   /* never include */
#define ZWH__PROV_INCLUDED 3  /* included: node_id says as which node */
#define ZWH__PROV_STATUS_MAX 3

/* zwh__state_prov_t.protocol */
#define ZWH__PROV_CLASSIC 0
#define ZWH__PROV_LONG_RANGE 1

typedef struct zwh__state zwh__state_t;

typedef struct zwh__state_node {
    zwh_node_info_t info;   /* protocol info; info.node_id is the node's id: never change it.
                               Booleans are 0/1, flirs_ms 0, 250 or 1000; reserved is not saved */
    uint32_t flags;         /* ZWH__STATE_NODE_* */
    uint8_t granted;        /* granted security classes (mask, see above); 0 = none */
    uint8_t sec_flags;      /* ZWH__STATE_SEC_* */
    uint8_t s2_seq_valid;   /* 1 when s2_tx_seq is known */
    uint8_t s2_tx_seq;      /* S2 sequence number of our next frame to this node */
    uint8_t *ccs;           /* NIF command classes (owned; zwh__state_node_set_ccs) */
    size_t ccs_len;
    uint8_t *cache;         /* interview cache blob, opaque here (owned; zwh__state_node_set_cache) */
    size_t cache_len;
} zwh__state_node_t;

typedef struct zwh__state_prov {
    uint8_t dsk[16];        /* the entry's identity: never change it */
    uint8_t requested;      /* requested security classes (mask, see above) */
    uint8_t status;         /* ZWH__PROV_* */
    uint8_t protocol;       /* ZWH__PROV_CLASSIC or ZWH__PROV_LONG_RANGE */
    uint16_t node_id;       /* != 0 exactly when status is ZWH__PROV_INCLUDED */
    char *name;             /* NULL or owned, NUL-terminated (zwh__state_prov_set_name) */
} zwh__state_prov_t;

/* ---- the model ---- */
ZWH_NODISCARD int zwh__state_new(zwh__state_t **out);
void zwh__state_free(zwh__state_t *st); /* NULL is fine */

void zwh__state_set_controller(zwh__state_t *st, uint32_t home_id, uint16_t node_id);
void zwh__state_get_controller(const zwh__state_t *st, uint32_t *home_id, uint16_t *node_id);

/* Adds node id (1..ZWH__STATE_MAX_NODE_ID) with everything zero but info.node_id.
 * Returns 0, ZWH_EEXIST (and *out = the existing node, if out is not NULL),
 * ZWH_EINVAL or ZWH_ENOMEM. out may be NULL. */
int zwh__state_node_add(zwh__state_t *st, uint16_t id, zwh__state_node_t **out);
zwh__state_node_t *zwh__state_node_find(const zwh__state_t *st, uint16_t id);
int zwh__state_node_remove(zwh__state_t *st, uint16_t id); /* 0 or ZWH_ENONODE */
size_t zwh__state_node_count(const zwh__state_t *st);
/* i-th node in ascending id order, NULL past the end */
zwh__state_node_t *zwh__state_node_at(const zwh__state_t *st, size_t i);

/* Copies info, keeping n->info.node_id (the reserved field is cleared). */
void zwh__state_node_set_info(zwh__state_node_t *n, const zwh_node_info_t *info);
/* Replace the buffer with a copy of data[0..len) (len 0 empties it). Return 0,
 * ZWH_EMSGSIZE above ZWH__STATE_MAX_CCS / ZWH__STATE_MAX_CACHE, or ZWH_ENOMEM
 * (the old content is kept on failure). */
int zwh__state_node_set_ccs(zwh__state_node_t *n, const uint8_t *data, size_t len);
int zwh__state_node_set_cache(zwh__state_node_t *n, const uint8_t *data, size_t len);
void zwh__state_node_set_s2_tx_seq(zwh__state_node_t *n, uint8_t seq);

/* Adds an entry for dsk (status PENDING, nothing requested, classic). Returns 0,
 * ZWH_EEXIST (*out = the existing entry), ZWH_ENOSPC (ZWH__STATE_MAX_PROVISION
 * entries) or ZWH_ENOMEM. out may be NULL. */
int zwh__state_prov_add(zwh__state_t *st, const uint8_t dsk[16], zwh__state_prov_t **out);
zwh__state_prov_t *zwh__state_prov_find(const zwh__state_t *st, const uint8_t dsk[16]);
/* The entry included as node_id (status INCLUDED), or NULL. */
zwh__state_prov_t *zwh__state_prov_find_node(const zwh__state_t *st, uint16_t node_id);
int zwh__state_prov_remove(zwh__state_t *st, const uint8_t dsk[16]); /* 0 or ZWH_ENOENT */
size_t zwh__state_prov_count(const zwh__state_t *st);
zwh__state_prov_t *zwh__state_prov_at(const zwh__state_t *st, size_t i);
/* Copies name (NULL or "" clears it). ZWH_EMSGSIZE above ZWH__STATE_MAX_NAME bytes. */
int zwh__state_prov_set_name(zwh__state_prov_t *p, const char *name);

/* Checks what encode and decode both insist on (ranges, 0/1 booleans, unique
 * included node ids, ...). Returns 0, or ZWH_EINVAL with a message in err. */
int zwh__state_check(const zwh__state_t *st, char *err, size_t errcap);

/* Formats one line into err[0..errcap) (nothing when err is NULL or errcap 0);
 * shared by the state files for their error messages. */
void zwh__state_errf(char *err, size_t errcap, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- encoding (state_codec.c) ---- */
/* Encodes st into a new malloc'ed buffer (*buf, release with free()). Returns 0,
 * ZWH_EINVAL when zwh__state_check() refuses st (nothing is written that decode
 * would refuse), ZWH_EMSGSIZE beyond ZWH__STATE_MAX_FILE, or ZWH_ENOMEM. */
ZWH_NODISCARD int zwh__state_encode(const zwh__state_t *st, uint8_t **buf, size_t *len);
/* Decodes len bytes into a new state (*out, free with zwh__state_free). Returns
 * 0; ZWH_ESTATEFILE for anything damaged or inconsistent; ZWH_ENOTSUP for a file
 * only a newer library can read; ZWH_ENOMEM. On failure *out is NULL and err
 * (if errcap > 0) holds one line saying what is wrong and where. */
ZWH_NODISCARD int zwh__state_decode(const uint8_t *data, size_t len, zwh__state_t **out,
                                   char *err, size_t errcap);

/* ---- files (state_file.c) ----
 * Blocking calls. They touch nothing but their arguments, so a host may run a
 * save on a worker thread (uv_queue_work) over bytes it encoded beforehand. */

/* Replaces path with data[0..len) atomically: a temporary ".<name>.tmp-XXXXXX"
 * in the same directory (mode 0600), write, fsync, rename over path, fsync of
 * the directory. After a crash at any point, path holds the old or the new
 * bytes. Returns 0 or -errno with err set; the temporary file is removed on
 * failure. */
int zwh__file_write_atomic(const char *path, const uint8_t *data, size_t len, char *err,
                           size_t errcap);
/* Reads path whole into a new malloc'ed buffer (free()), refusing more than max
 * bytes (ZWH_EMSGSIZE). Returns 0, ZWH_ENOENT when path does not exist (err
 * untouched), or another negative code with err set. */
int zwh__file_read_all(const char *path, size_t max, uint8_t **data, size_t *len, char *err,
                       size_t errcap);
/* Removes temporary files a save interrupted by a crash left beside path.
 * Returns how many were removed. Call it only when no save of path is running. */
int zwh__file_remove_leftovers(const char *path);

/* zwh__state_encode + zwh__file_write_atomic. */
int zwh__state_save_file(const char *path, const zwh__state_t *st, char *err, size_t errcap);
/* Removes leftover temporary files, reads and decodes path. Returns 0 with the
 * loaded state, 1 with a new empty state when path does not exist, or a
 * negative code (ZWH_ESTATEFILE, ZWH_ENOTSUP, -errno...) with err saying which
 * file and what is wrong. */
int zwh__state_load_file(const char *path, zwh__state_t **out, char *err, size_t errcap);

#endif
