/* Network key store: the keys file of DESIGN.md, parsed into per-class slots.
 * Public lifecycle in zwhost/security.h; the library reads keys through here. */
#ifndef ZWH_SECURITY_KEYSTORE_H
#define ZWH_SECURITY_KEYSTORE_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/security.h"

#define ZWH__KEY_LEN 16
#define ZWH__KEYFILE_MAX 65536 /* a keys file is a few hundred bytes; refuse more */

struct zwh_keystore {
    uint32_t present; /* bit n: slot n holds a key */
    uint8_t key[ZWH_SECCLASS_COUNT][ZWH__KEY_LEN];
};

/* An empty store (no keys), or NULL without memory. Free with zwh_keystore_free. */
zwh_keystore_t *zwh__keystore_alloc(void);

/* Parses keys-file text into ks (which it clears first). On error returns
 * ZWH_EKEYFILE and writes "line N: ..." into msg. Never logs or echoes key text. */
int zwh__keystore_parse(zwh_keystore_t *ks, const char *text, size_t len, char *msg, size_t msgcap);

/* Writes ks in the file format (all present classes) into out; returns the length
 * or ZWH_EMSGSIZE. The caller wipes out. */
int zwh__keystore_format(const zwh_keystore_t *ks, char *out, size_t cap);

/* Fills every class of ks with fresh random keys from the crypto backend. */
int zwh__keystore_generate(zwh_keystore_t *ks);

/* The 16-byte key of a class, or NULL if the store has none. Borrowed: valid
 * until the store is freed; never log it. */
const uint8_t *zwh__keystore_key(const zwh_keystore_t *ks, int secclass);

/* Puts a key into a class slot (simulator and tests). ZWH_EINVAL for a bad class. */
int zwh__keystore_set(zwh_keystore_t *ks, int secclass, const uint8_t *key);

/* Name of a class in the keys file ("S2_AccessControl"), or NULL. */
const char *zwh__secclass_name(int secclass);

#endif
