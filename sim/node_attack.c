/* Attacker behaviour for security tests, driven from stdin (node_security.h):
 * plaintext frames from a secure node, frames under a class the controller
 * did not grant it, and byte-exact replays of its last encapsulated frame. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "security/keystore.h"
#include "zwhost/error.h"
#include "node_sec_int.h"

#define ATTACK_MAX 200

static int hex_nibble(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Hex digits, spaces allowed between bytes. Byte count or -1. */
static int parse_hex(const char *s, uint8_t *out, size_t cap)
{
    size_t n = 0;
    while (*s) {
        if (*s == ' ') {
            s++;
            continue;
        }
        int hi = hex_nibble(s[0]), lo = s[1] ? hex_nibble(s[1]) : -1;
        if (hi < 0 || lo < 0 || n == cap)
            return -1;
        out[n++] = (uint8_t)(hi << 4 | lo);
        s += 2;
    }
    return n ? (int)n : -1;
}

static int parse_class(const char *word, size_t len)
{
    static const struct {
        const char *name;
        int cls;
    } names[] = {{"unauth", ZWH_SECCLASS_S2_UNAUTHENTICATED},
                 {"auth", ZWH_SECCLASS_S2_AUTHENTICATED},
                 {"access", ZWH_SECCLASS_S2_ACCESS_CONTROL}};
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strlen(names[i].name) == len && strncmp(word, names[i].name, len) == 0)
            return names[i].cls;
    if (len == 1 && word[0] >= '0' && word[0] <= '4')
        return word[0] - '0';
    return -1;
}

/* Makes sure the node's S2 engine holds the key of cls and uses it with the controller. */
static int hold_class(sim_node_t *n, int cls)
{
    struct sim_node_sec *s = sim_node_sec_get(n);
    const zwh_keystore_t *ks = n->net->keys;
    const uint8_t *key = ks ? zwh__keystore_key(ks, cls) : NULL;
    if (!s || !key)
        return ZWH_ENOKEY;
    int rc = s->s2 ? 0 : sim_node_sec_make_s2(n);
    if (rc >= 0 && !(s->s2_peer & (1u << cls))) {
        rc = zwh__s2_set_network_key(s->s2, cls, key);
        if (rc >= 0) {
            s->s2_peer |= 1u << cls;
            rc = zwh__s2_set_granted(s->s2, SIM_CTRL_NODE_ID, s->s2_peer);
        }
    }
    return rc < 0 ? rc : 0;
}

int sim_node_attack_event(sim_node_t *n, const char *line)
{
    uint8_t buf[ATTACK_MAX];
    if (strncmp(line, "raw ", 4) == 0) {
        int len = parse_hex(line + 4, buf, sizeof buf);
        if (len < 0 || !n->id)
            return ZWH_EINVAL;
        ZWH_LOGI(n->net->log, "node %u: sends %d plaintext bytes (attack)", n->id, len);
        sim_node_emit(n, buf, (size_t)len);
        return 0;
    }
    if (strncmp(line, "secure ", 7) == 0) {
        const char *word = line + 7;
        const char *sp = strchr(word, ' ');
        int cls = sp ? parse_class(word, (size_t)(sp - word)) : -1;
        int len = sp ? parse_hex(sp + 1, buf, sizeof buf) : -1;
        if (cls < 0 || len < 0 || !n->id)
            return ZWH_EINVAL;
        int rc = hold_class(n, cls);
        if (rc < 0)
            return rc;
        ZWH_LOGI(n->net->log, "node %u: sends %d bytes under S2 class %d (attack)", n->id, len, cls);
        sim_node_sec_queue(n, SEC_S2, cls, buf, (size_t)len);
        return 0;
    }
    if (strcmp(line, "replay") == 0) {
        struct sim_node_sec *s = n->sec;
        if (!s || !s->last_len || !n->id)
            return ZWH_ENOENT;
        ZWH_LOGI(n->net->log, "node %u: replays its last %u-byte frame (attack)", n->id, s->last_len);
        uint8_t copy[sizeof s->last];
        memcpy(copy, s->last, s->last_len);
        sim_node_emit(n, copy, s->last_len);
        return 0;
    }
    return ZWH_ENOTSUP;
}
