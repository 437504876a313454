/* Value changes: each node remembers the last report of each kind it sent
 * (class, command, endpoint and, for keyed reports, the key: the parameter,
 * the sensor type and scale, the meter type and scale, the user id, the colour
 * component). A report whose fields differ from the remembered one, or the
 * first of its kind, is also delivered as ZWH_EVENT_VALUE, so an application
 * can react to changes without comparing every ZWH_EVENT_COMMAND itself.
 * Memory is bounded per node (the least recently seen kind is forgotten). */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "zwhost/cc.h"

#define MAX_KINDS 48
#define MAX_FIELDS 48

typedef struct value_key {
    uint8_t cc, cmd, ep, k1, k2;
} value_key_t;

typedef struct value_slot {
    value_key_t key;
    uint8_t len;
    uint8_t fields[MAX_FIELDS];
    uint64_t seen;
} value_slot_t;

struct zwh__values {
    size_t n;
    uint64_t tick;
    value_slot_t slot[MAX_KINDS];
};

/* Keyed reports: where the key bytes are (0 = none) and which bits count. */
typedef struct keyed {
    uint8_t cc, cmd, off1, mask1, off2, mask2;
} keyed_t;

static const keyed_t KEYED[] = {
    {0x70, 0x06, 2, 0xFF, 0, 0},    /* Configuration Report: parameter */
    {0x31, 0x05, 2, 0xFF, 3, 0x18}, /* Multilevel Sensor Report: type, scale */
    {0x32, 0x02, 2, 0x1F, 3, 0x18}, /* Meter Report: meter type, scale bits 1..0 */
    {0x63, 0x03, 2, 0xFF, 0, 0},    /* User Code Report: user id */
    {0x33, 0x04, 2, 0xFF, 0, 0},    /* Color Switch Report: component */
    {0x30, 0x03, 3, 0xFF, 0, 0},    /* Binary Sensor Report (v2): sensor type */
    {0x87, 0x03, 2, 0xFF, 0, 0},    /* Indicator Report: indicator 0 / first id */
};

static bool is_report(uint8_t cc, uint8_t cmd)
{
    const char *name = zwh_cc_get_command_name(cc, cmd);
    return name && strstr(name, "Report") != NULL;
}

static value_key_t key_of(uint8_t ep, const uint8_t *cmd, size_t len)
{
    value_key_t k = {cmd[0], cmd[1], ep, 0, 0};
    for (size_t i = 0; i < sizeof KEYED / sizeof KEYED[0]; i++) {
        const keyed_t *d = &KEYED[i];
        if (d->cc != cmd[0] || d->cmd != cmd[1])
            continue;
        if (d->off1 && d->off1 < len)
            k.k1 = cmd[d->off1] & d->mask1;
        if (d->off2 && d->off2 < len)
            k.k2 = cmd[d->off2] & d->mask2;
        break;
    }
    return k;
}

bool zwh__values_changed(zwh__node_t *n, uint8_t ep, const uint8_t *cmd, size_t len)
{
    if (len < 2 || !is_report(cmd[0], cmd[1]))
        return false;
    if (!n->values) {
        n->values = calloc(1, sizeof *n->values);
        if (!n->values)
            return true; /* cannot remember: report it as a change */
    }
    struct zwh__values *v = n->values;
    value_key_t k = key_of(ep, cmd, len);
    size_t flen = len - 2 < MAX_FIELDS ? len - 2 : MAX_FIELDS;
    v->tick++;
    value_slot_t *slot = NULL, *oldest = &v->slot[0];
    for (size_t i = 0; i < v->n; i++) {
        if (memcmp(&v->slot[i].key, &k, sizeof k) == 0) {
            slot = &v->slot[i];
            break;
        }
        if (v->slot[i].seen < oldest->seen)
            oldest = &v->slot[i];
    }
    bool changed = true;
    if (slot)
        changed = slot->len != flen || memcmp(slot->fields, cmd + 2, flen) != 0;
    else
        slot = v->n < MAX_KINDS ? &v->slot[v->n++] : oldest;
    slot->key = k;
    slot->len = (uint8_t)flen;
    memcpy(slot->fields, cmd + 2, flen);
    slot->seen = v->tick;
    return changed;
}

void zwh__values_free(zwh__node_t *n)
{
    free(n->values);
    n->values = NULL;
}
