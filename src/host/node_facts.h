/* Node facts: everything an interview learns about a node, I/O-free.
 *
 * The facts are built only from what the node said: zwh__facts_absorb() takes
 * one received command (with the endpoint it came from), decodes it with the
 * library's CC codecs and updates the facts when it is a report the interview
 * cares about. Every absorbed command is also appended to an "interview
 * cache" inside the facts, a blob of records
 *
 *     [u16 length, big endian][u8 endpoint][length bytes: the command]
 *
 * so persistence stores only that blob, and zwh__facts_load_cache() rebuilds
 * identical facts by replaying it (a restart needs no re-interview). Records
 * for reports that only refresh a value (a Battery Report, a Configuration
 * Report of one parameter, ...) replace the earlier record with the same key,
 * so a long-lived node's cache does not grow with every report. The node
 * information frame is given by the host (zwh__facts_set_nif()) and kept in
 * the cache as a record with endpoint ZWH__FACTS_NIF_RECORD.
 *
 * Node-wide facts (versions, Manufacturer Specific, Wake Up, Battery, Multi
 * Channel end point counts) live in zwh__facts_t; everything a command class
 * can have per end point lives in zwh__ep_facts_t (index 0 = the root device).
 * A zwh__facts_t owns heap memory: zwh__facts_init() / zwh__facts_free().
 * No globals; one facts object per node. */
#ifndef ZWH_HOST_NODE_FACTS_H
#define ZWH_HOST_NODE_FACTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "zwhost/cc/door_lock.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/meter.h"
#include "zwhost/cc/user_code.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/wake_up.h"
#include "zwhost/cc/zwaveplus_info.h"

#define ZWH__FACTS_MAX_CCS 96          /* command classes kept per list */
#define ZWH__FACTS_MAX_ENDPOINT 127    /* Multi Channel end points 1..127 */
#define ZWH__FACTS_MAX_PARAMS 1024     /* Configuration parameters kept */
#define ZWH__FACTS_TEXT_MAX 512        /* bytes of one parameter name or info text */
#define ZWH__FACTS_GROUP_NAME_MAX 64   /* AGI group name bytes */
#define ZWH__FACTS_CACHE_MAX (256u * 1024u) /* interview cache bytes */
#define ZWH__FACTS_NIF_RECORD 0xFF     /* cache record endpoint of the host-given NIF */

/* Security Commands Supported (not in src/cc: the security layer owns these
 * classes; only their plain lists matter here). */
#define ZWH__FACTS_S0_CC 0x98
#define ZWH__FACTS_S0_SUPPORTED_REPORT 0x03
#define ZWH__FACTS_S2_CC 0x9F
#define ZWH__FACTS_S2_SUPPORTED_GET 0x0D
#define ZWH__FACTS_S2_SUPPORTED_REPORT 0x0E

/* zwh__cfg_param_t.flags */
#define ZWH__CFG_HAS_PROPS 0x01   /* min/max/default/format from a Properties Report */
#define ZWH__CFG_HAS_VALUE 0x02   /* value from a Configuration Report */
#define ZWH__CFG_READ_ONLY 0x04
#define ZWH__CFG_ADVANCED 0x08
#define ZWH__CFG_NO_BULK 0x10
#define ZWH__CFG_ALTERS_CAPS 0x20
#define ZWH__CFG_NAME_MORE 0x40   /* a Name Report said more parts follow */
#define ZWH__CFG_INFO_MORE 0x80   /* an Info Report said more parts follow */

typedef struct zwh__cc_list {
    uint8_t n;
    uint8_t cc[ZWH__FACTS_MAX_CCS];
} zwh__cc_list_t;

/* One Configuration parameter. size 0 = unknown. Texts are UTF-8 as sent,
 * not NUL-terminated (NULL when none). */
typedef struct zwh__cfg_param {
    uint16_t number;
    uint8_t size;
    uint8_t format;   /* ZWH_CONFIGURATION_FORMAT_*; SIGNED until a Properties Report says */
    uint8_t flags;    /* ZWH__CFG_* */
    int64_t min_value, max_value, default_value;
    int64_t value;    /* last reported value, read in `format` */
    uint8_t value_size; /* the size that value was reported with */
    uint8_t *name;
    uint16_t name_len;
    uint8_t *info;
    uint16_t info_len;
} zwh__cfg_param_t;

/* Supported events of one notification type (Event Supported Report). */
typedef struct zwh__notif_events {
    uint8_t type;
    uint8_t mask_len;
    uint8_t mask[31];
} zwh__notif_events_t;

/* zwh__assoc_group_t.flags */
#define ZWH__GROUP_HAS_MAX 0x01
#define ZWH__GROUP_HAS_NAME 0x02
#define ZWH__GROUP_HAS_PROFILE 0x04

typedef struct zwh__assoc_group {
    uint8_t flags;
    uint8_t max_nodes;
    uint16_t profile;   /* AGI profile, 0x0001 = Lifeline */
    uint8_t name_len;
    uint8_t name[ZWH__FACTS_GROUP_NAME_MAX];
} zwh__assoc_group_t;

/* Facts of one end point (0 = root device). has_* flags are 0/1. */
typedef struct zwh__ep_facts {
    uint8_t present;          /* root: NIF given; end point: Capability Report seen */
    uint8_t dynamic;
    uint8_t generic, specific;
    zwh__cc_list_t ccs;       /* NIF (root) or Capability Report (end point) */
    uint8_t secure_known;     /* a Commands Supported Report arrived */
    zwh__cc_list_t secure;    /* union of S2 and S0 Commands Supported Reports */
    uint8_t has_zwplus;
    zwh_zwaveplus_info_report_t zwplus;
    uint8_t has_meter;
    zwh_meter_supported_report_t meter;
    uint8_t has_notif_types;
    uint8_t notif_v1_alarm;
    uint8_t notif_mask_len;
    uint8_t notif_mask[31];   /* bit n = notification type n */
    zwh__notif_events_t *notif_events; /* sorted by type */
    size_t notif_event_count;
    uint8_t has_door_lock_caps;
    zwh_door_lock_capabilities_report_t door_lock_caps;
    uint8_t has_users;
    uint16_t users;           /* extended count when the report carried one */
    uint8_t has_user_code_caps;
    zwh_user_code_capabilities_report_t user_code_caps;
    uint8_t has_groupings;
    uint8_t group_count;      /* Association Groupings Report */
    uint8_t has_mca_groupings;
    uint8_t mca_group_count;
    zwh__assoc_group_t *groups; /* groups[g - 1] for group g, group_cap entries */
    size_t group_cap;
    zwh__cfg_param_t *params; /* sorted by number */
    size_t param_count;
} zwh__ep_facts_t;

typedef struct zwh__facts {
    uint8_t versions[256];    /* per CC id: 0 = unknown or unsupported */
    uint8_t version_known[32];/* bit cc: a Version Command Class Report arrived */
    uint8_t has_version_report;
    zwh_version_report_t version_report;
    uint8_t has_version_caps;
    zwh_version_capabilities_report_t version_caps;
    uint8_t has_manufacturer;
    zwh_manufacturer_specific_report_t manufacturer;
    uint8_t has_mc;
    uint8_t mc_dynamic, mc_identical;
    uint8_t mc_endpoints;     /* individual end points */
    uint8_t mc_aggregated;
    uint8_t has_wake_up_interval;
    uint32_t wake_up_seconds;
    uint16_t wake_up_node;
    uint8_t has_wake_up_caps;
    zwh_wake_up_interval_capabilities_report_t wake_up_caps;
    uint8_t has_battery;
    uint8_t battery_level;    /* 0..100, 0xFF = low-battery warning */
    zwh__ep_facts_t *ep;      /* ep[0..ep_count) */
    size_t ep_count;
    uint8_t *cache;           /* interview cache records */
    size_t cache_len, cache_cap;
} zwh__facts_t;

void zwh__facts_init(zwh__facts_t *f);
/* Frees every owned buffer and leaves f initialised (empty). */
void zwh__facts_free(zwh__facts_t *f);

/* The root's node information frame as the host got it: generic and specific
 * device class, then the command class list (supported classes up to an 0xEF
 * marker; extended two-byte classes are skipped). Recorded in the cache.
 * 0, ZWH_EINVAL, or ZWH_ENOMEM / ZWH_ENOSPC (cache full: the facts are
 * updated but not recorded). */
int zwh__facts_set_nif(zwh__facts_t *f, uint8_t generic, uint8_t specific, const uint8_t *ccs, size_t len);

/* Absorbs one received command from `endpoint` (0..127). Returns 1 when the
 * facts took it (and it was appended to the cache; a valid report that
 * changes no fact, such as Properties of a missing parameter, also returns 1
 * but leaves no record), 0 when it is not a report
 * the facts keep or does not decode (ignored), ZWH_EINVAL for a NULL facts or
 * a bad endpoint, ZWH_ENOMEM / ZWH_ENOSPC when the facts took it but it could
 * not be recorded in the cache. */
int zwh__facts_absorb(zwh__facts_t *f, uint8_t endpoint, const uint8_t *cmd, size_t len);

/* Replaces f by the facts a cache blob records (f's earlier contents are
 * freed). Records that do not decode are skipped. 0, ZWH_EBADMSG when the
 * record framing is broken (the records before the break are kept), or
 * ZWH_ENOMEM. */
int zwh__facts_load_cache(zwh__facts_t *f, const uint8_t *blob, size_t len);

/* Deep comparison (facts and cache). */
bool zwh__facts_equal(const zwh__facts_t *a, const zwh__facts_t *b);

/* Queries. */
const zwh__ep_facts_t *zwh__facts_ep(const zwh__facts_t *f, uint8_t endpoint); /* NULL if unknown */
bool zwh__cc_list_has(const zwh__cc_list_t *l, uint8_t cc);
/* The end point supports cc (root: NIF or secure list). */
bool zwh__facts_supports(const zwh__facts_t *f, uint8_t endpoint, uint8_t cc);
/* Version of cc; *known (optional) says whether the node told it. */
uint8_t zwh__facts_version(const zwh__facts_t *f, uint8_t cc, bool *known);
const zwh__cfg_param_t *zwh__facts_param(const zwh__facts_t *f, uint8_t endpoint, uint16_t number);
const zwh__notif_events_t *zwh__facts_notif_events(const zwh__facts_t *f, uint8_t endpoint, uint8_t type);
const zwh__assoc_group_t *zwh__facts_group(const zwh__facts_t *f, uint8_t endpoint, uint8_t group);

#endif
