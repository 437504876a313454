/* A keys file with test keys for host integration tests (test data only). */
#ifndef ZWH_TEST_KEYS_H
#define ZWH_TEST_KEYS_H

#include <stddef.h>

/* Writes the file at a per-process path under /tmp (tag tells tests apart)
 * into path; 0 or -1. */
int test_keys_write(char *path, size_t cap, const char *tag);

#endif
