/* Node facts: absorbing reports, the interview cache, replay. See node_facts.h. */
#include "host/node_facts.h"

#include <stdlib.h>
#include <string.h>
#include "util/bytes.h"
#include "zwhost/error.h"
#include "zwhost/cc/association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/battery.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/multi_channel.h"
#include "zwhost/cc/multi_channel_association.h"
#include "zwhost/cc/notification.h"

/* ---- memory ------------------------------------------------------------------ */

void zwh__facts_init(zwh__facts_t *f)
{
    if (f)
        memset(f, 0, sizeof *f);
}

static void ep_free(zwh__ep_facts_t *ep)
{
    for (size_t i = 0; i < ep->param_count; i++) {
        free(ep->params[i].name);
        free(ep->params[i].info);
    }
    free(ep->params);
    free(ep->notif_events);
    free(ep->groups);
}

void zwh__facts_free(zwh__facts_t *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->ep_count; i++)
        ep_free(&f->ep[i]);
    free(f->ep);
    free(f->cache);
    zwh__facts_init(f);
}

/* The facts of an end point, created (with every lower one) on first use. */
static zwh__ep_facts_t *ep_get(zwh__facts_t *f, uint8_t endpoint)
{
    if (endpoint > ZWH__FACTS_MAX_ENDPOINT)
        return NULL;
    if (endpoint >= f->ep_count) {
        size_t n = (size_t)endpoint + 1;
        zwh__ep_facts_t *p = realloc(f->ep, n * sizeof *p);
        if (!p)
            return NULL;
        memset(p + f->ep_count, 0, (n - f->ep_count) * sizeof *p);
        f->ep = p;
        f->ep_count = n;
    }
    return &f->ep[endpoint];
}

/* ---- small pieces ------------------------------------------------------------- */

bool zwh__cc_list_has(const zwh__cc_list_t *l, uint8_t cc)
{
    for (size_t i = 0; l && i < l->n; i++)
        if (l->cc[i] == cc)
            return true;
    return false;
}

/* Adds the supported classes of a raw list (up to the 0xEF marker; two-byte
 * extended classes skipped; 0x00 No Operation skipped). */
static void cc_list_add(zwh__cc_list_t *l, const uint8_t *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint8_t cc = p[i];
        if (cc == 0xEF)
            break;
        if (cc >= 0xF1) {
            i++;
            continue;
        }
        if (cc != 0x00 && !zwh__cc_list_has(l, cc) && l->n < ZWH__FACTS_MAX_CCS)
            l->cc[l->n++] = cc;
    }
}

static zwh__cfg_param_t *param_find(const zwh__ep_facts_t *ep, uint16_t number, size_t *pos)
{
    size_t lo = 0, hi = ep->param_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (ep->params[mid].number < number)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (pos)
        *pos = lo;
    return lo < ep->param_count && ep->params[lo].number == number ? &ep->params[lo] : NULL;
}

static zwh__cfg_param_t *param_get(zwh__ep_facts_t *ep, uint16_t number)
{
    size_t pos;
    zwh__cfg_param_t *p = param_find(ep, number, &pos);
    if (p)
        return p;
    if (ep->param_count >= ZWH__FACTS_MAX_PARAMS)
        return NULL;
    zwh__cfg_param_t *a = realloc(ep->params, (ep->param_count + 1) * sizeof *a);
    if (!a)
        return NULL;
    ep->params = a;
    memmove(&a[pos + 1], &a[pos], (ep->param_count - pos) * sizeof *a);
    ep->param_count++;
    p = &a[pos];
    memset(p, 0, sizeof *p);
    p->number = number;
    p->format = ZWH_CONFIGURATION_FORMAT_SIGNED;
    return p;
}

static zwh__assoc_group_t *group_get(zwh__ep_facts_t *ep, uint8_t group)
{
    if (group == 0)
        return NULL;
    if (group > ep->group_cap) {
        zwh__assoc_group_t *g = realloc(ep->groups, (size_t)group * sizeof *g);
        if (!g)
            return NULL;
        memset(g + ep->group_cap, 0, ((size_t)group - ep->group_cap) * sizeof *g);
        ep->groups = g;
        ep->group_cap = group;
    }
    return &ep->groups[group - 1];
}

/* Replaces (more = 0) or extends (more = 1) an owned text. */
static int text_put(uint8_t **text, uint16_t *tlen, bool append, const uint8_t *src, size_t n)
{
    size_t base = append ? *tlen : 0;
    if (base + n > ZWH__FACTS_TEXT_MAX)
        n = ZWH__FACTS_TEXT_MAX - base;
    if (base + n == 0) {
        free(*text);
        *text = NULL;
        *tlen = 0;
        return 0;
    }
    uint8_t *p = realloc(append ? *text : NULL, base + n);
    if (!p)
        return ZWH_ENOMEM;
    if (!append)
        free(*text);
    memcpy(p + base, src, n);
    *text = p;
    *tlen = (uint16_t)(base + n);
    return 0;
}

/* ---- absorbers: one per report the facts keep ---------------------------------
 * Each decodes first (nothing changes for a malformed report), then updates.
 * Decoded structs are zeroed first and copied whole, so padding bytes are
 * zero too (zwh__facts_equal compares the fixed parts bytewise).
 * Returns 0 when absorbed, NOTHING_KEPT for a valid report that changes no
 * fact (it must not be recorded: as a keyed record it would replace one that
 * did), ZWH_EBADMSG when ignored, ZWH_ENOMEM.
 *
 * A keyed report replaces the earlier record with the same key, so an
 * absorber must overwrite everything an earlier report with that key set:
 * replaying the shortened cache then gives the same facts. Lists kept in
 * arrays are sorted, so the order reports arrive in does not show. */
#define NOTHING_KEPT 1

typedef int (*absorb_fn)(zwh__facts_t *f, uint8_t endpoint, const uint8_t *cmd, size_t len);

#define EP_OR_NOMEM(ep, f, e)                \
    zwh__ep_facts_t *ep = ep_get((f), (e)); \
    if (!ep)                                 \
        return ZWH_ENOMEM

/* Reports kept whole in one slot of the facts: node-wide, or per end point. */
#define NODE_COPY_ABSORBER(name, type, decode, field, flag)                         \
    static int name(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)    \
    {                                                                              \
        (void)e;                                                                   \
        type r;                                                                    \
        memset(&r, 0, sizeof r);                                                   \
        if (decode(cmd, len, &r) != 0)                                             \
            return ZWH_EBADMSG;                                                    \
        memcpy(&f->field, &r, sizeof r);                                           \
        f->flag = 1;                                                               \
        return 0;                                                                  \
    }
#define EP_COPY_ABSORBER(name, type, decode, field, flag)                           \
    static int name(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)    \
    {                                                                              \
        type r;                                                                    \
        memset(&r, 0, sizeof r);                                                   \
        if (decode(cmd, len, &r) != 0)                                             \
            return ZWH_EBADMSG;                                                    \
        EP_OR_NOMEM(ep, f, e);                                                     \
        memcpy(&ep->field, &r, sizeof r);                                          \
        ep->flag = 1;                                                              \
        return 0;                                                                  \
    }

NODE_COPY_ABSORBER(ab_version_report, zwh_version_report_t, zwh_version_report_decode, version_report,
                   has_version_report)
NODE_COPY_ABSORBER(ab_version_caps, zwh_version_capabilities_report_t, zwh_version_capabilities_report_decode,
                   version_caps, has_version_caps)
NODE_COPY_ABSORBER(ab_manufacturer, zwh_manufacturer_specific_report_t, zwh_manufacturer_specific_report_decode,
                   manufacturer, has_manufacturer)
NODE_COPY_ABSORBER(ab_wake_up_caps, zwh_wake_up_interval_capabilities_report_t,
                   zwh_wake_up_interval_capabilities_report_decode, wake_up_caps, has_wake_up_caps)
EP_COPY_ABSORBER(ab_zwplus, zwh_zwaveplus_info_report_t, zwh_zwaveplus_info_report_decode, zwplus, has_zwplus)
EP_COPY_ABSORBER(ab_meter_supported, zwh_meter_supported_report_t, zwh_meter_supported_report_decode, meter,
                 has_meter)
EP_COPY_ABSORBER(ab_door_lock_caps, zwh_door_lock_capabilities_report_t, zwh_door_lock_capabilities_report_decode,
                 door_lock_caps, has_door_lock_caps)
EP_COPY_ABSORBER(ab_user_code_caps, zwh_user_code_capabilities_report_t,
                 zwh_user_code_capabilities_report_decode, user_code_caps, has_user_code_caps)

static int absorb_secure_list(zwh__facts_t *f, uint8_t e, const uint8_t *p, size_t n)
{
    EP_OR_NOMEM(ep, f, e);
    ep->secure_known = 1;
    cc_list_add(&ep->secure, p, n);
    return 0;
}

static int ab_s0_supported(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    if (len < 3)
        return ZWH_EBADMSG;
    return absorb_secure_list(f, e, cmd + 3, len - 3); /* after reports-to-follow */
}

static int ab_s2_supported(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    return absorb_secure_list(f, e, cmd + 2, len - 2);
}

static int ab_version_cc(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    (void)e; /* the root answers for every end point */
    zwh_version_command_class_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_version_command_class_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    f->versions[r.cc] = r.version;
    f->version_known[r.cc / 8] = (uint8_t)(f->version_known[r.cc / 8] | 1u << (r.cc % 8));
    return 0;
}

/* Configuration Report: the size (all a V1/V2 device tells) and the value. */
static int ab_cfg_report(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_configuration_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_configuration_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    zwh__cfg_param_t *p = param_get(ep, r.parameter);
    if (!p)
        return ZWH_ENOMEM;
    int64_t v = r.value;
    if (zwh_configuration_value_convert(r.value, r.size, p->format, &v) != 0)
        v = r.value;
    p->size = r.size;
    p->value = v;
    p->value_size = r.size;
    p->flags |= ZWH__CFG_HAS_VALUE;
    return 0;
}

static int ab_cfg_properties(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_configuration_properties_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_configuration_properties_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    if (r.size == 0 || r.parameter == 0)
        return NOTHING_KEPT; /* "no such parameter": only next_parameter matters (to the interview) */
    EP_OR_NOMEM(ep, f, e);
    zwh__cfg_param_t *p = param_get(ep, r.parameter);
    if (!p)
        return ZWH_ENOMEM;
    p->size = r.size;
    p->format = r.format;
    p->min_value = r.min_value;
    p->max_value = r.max_value;
    p->default_value = r.default_value;
    uint8_t keep = (uint8_t)(p->flags & (ZWH__CFG_HAS_VALUE | ZWH__CFG_NAME_MORE | ZWH__CFG_INFO_MORE));
    p->flags = (uint8_t)(keep | ZWH__CFG_HAS_PROPS | (r.read_only ? ZWH__CFG_READ_ONLY : 0) |
                         (r.advanced ? ZWH__CFG_ADVANCED : 0) | (r.no_bulk_support ? ZWH__CFG_NO_BULK : 0) |
                         (r.alters_capabilities ? ZWH__CFG_ALTERS_CAPS : 0));
    int64_t v;
    /* re-read the earlier value in the announced format (from the bytes it
     * came as: the result depends only on the report and the latest format) */
    if ((p->flags & ZWH__CFG_HAS_VALUE) &&
        zwh_configuration_value_convert(p->value, p->value_size, p->format, &v) == 0)
        p->value = v;
    return 0;
}

/* Name and Info Reports: a text may come in parts (reports_to_follow). */
static int absorb_cfg_text(zwh__facts_t *f, uint8_t e, const zwh_configuration_text_report_t *r, bool info)
{
    EP_OR_NOMEM(ep, f, e);
    zwh__cfg_param_t *p = param_get(ep, r->parameter);
    if (!p)
        return ZWH_ENOMEM;
    uint8_t more = info ? ZWH__CFG_INFO_MORE : ZWH__CFG_NAME_MORE;
    int rc = info ? text_put(&p->info, &p->info_len, p->flags & more, r->text, r->text_len)
                  : text_put(&p->name, &p->name_len, p->flags & more, r->text, r->text_len);
    if (rc)
        return rc;
    p->flags = (uint8_t)(r->reports_to_follow ? p->flags | more : p->flags & ~more);
    return 0;
}

static int ab_cfg_name(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_configuration_text_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_configuration_name_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    return absorb_cfg_text(f, e, &r, false);
}

static int ab_cfg_info(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_configuration_text_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_configuration_info_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    return absorb_cfg_text(f, e, &r, true);
}

static int ab_notif_supported(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_notification_supported_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_notification_supported_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    ep->has_notif_types = 1;
    ep->notif_v1_alarm = r.v1_alarm;
    ep->notif_mask_len = r.mask_len;
    memset(ep->notif_mask, 0, sizeof ep->notif_mask);
    memcpy(ep->notif_mask, r.mask, r.mask_len);
    return 0;
}

static int ab_notif_events(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_notification_event_supported_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_notification_event_supported_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    /* kept sorted by type: the same reports in any order give the same facts */
    size_t pos = 0;
    while (pos < ep->notif_event_count && ep->notif_events[pos].type < r.type)
        pos++;
    zwh__notif_events_t *ev = pos < ep->notif_event_count ? &ep->notif_events[pos] : NULL;
    if (!ev || ev->type != r.type) {
        zwh__notif_events_t *a = realloc(ep->notif_events, (ep->notif_event_count + 1) * sizeof *a);
        if (!a)
            return ZWH_ENOMEM;
        memmove(&a[pos + 1], &a[pos], (ep->notif_event_count - pos) * sizeof *a);
        ep->notif_events = a;
        ep->notif_event_count++;
        ev = &a[pos];
    }
    memset(ev, 0, sizeof *ev);
    ev->type = r.type;
    ev->mask_len = r.mask_len;
    memcpy(ev->mask, r.mask, r.mask_len);
    return 0;
}

static int ab_users_number(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_user_code_users_number_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_user_code_users_number_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    ep->users = r.has_extended ? r.extended_supported_users : r.supported_users;
    ep->has_users = 1;
    return 0;
}

static int ab_groupings(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_association_groupings_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_association_groupings_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    ep->group_count = r.group_count;
    ep->has_groupings = 1;
    return 0;
}

static int ab_mca_groupings(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_multi_channel_association_groupings_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_multi_channel_association_groupings_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    ep->mca_group_count = r.group_count;
    ep->has_mca_groupings = 1;
    return 0;
}

static int absorb_group_max(zwh__facts_t *f, uint8_t e, uint8_t group, uint8_t max_nodes)
{
    EP_OR_NOMEM(ep, f, e);
    zwh__assoc_group_t *g = group_get(ep, group);
    if (!g)
        return group ? ZWH_ENOMEM : ZWH_EBADMSG;
    g->max_nodes = max_nodes;
    g->flags |= ZWH__GROUP_HAS_MAX;
    return 0;
}

static int ab_assoc_report(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_association_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_association_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    return absorb_group_max(f, e, r.group_id, r.max_nodes);
}

static int ab_mca_report(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_multi_channel_association_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_multi_channel_association_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    return absorb_group_max(f, e, r.group_id, r.max_nodes);
}

static int ab_agi_name(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_name_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_association_group_info_name_report_decode(cmd, len, &r) != 0 || r.group_id == 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    zwh__assoc_group_t *g = group_get(ep, r.group_id);
    if (!g)
        return ZWH_ENOMEM;
    g->name_len = r.name_len;
    memset(g->name, 0, sizeof g->name);
    memcpy(g->name, r.name, r.name_len);
    g->flags |= ZWH__GROUP_HAS_NAME;
    return 0;
}

static int ab_agi_info(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    zwh_association_group_info_info_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_association_group_info_info_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, e);
    for (size_t i = 0; i < r.group_count; i++) {
        if (r.groups[i].group_id == 0)
            continue;
        zwh__assoc_group_t *g = group_get(ep, r.groups[i].group_id);
        if (!g)
            return ZWH_ENOMEM;
        g->profile = r.groups[i].profile;
        g->flags |= ZWH__GROUP_HAS_PROFILE;
    }
    return 0;
}

static int ab_mc_endpoints(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    (void)e;
    zwh_multi_channel_end_point_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_multi_channel_end_point_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    f->has_mc = 1;
    f->mc_dynamic = r.dynamic;
    f->mc_identical = r.identical;
    f->mc_endpoints = r.individual;
    f->mc_aggregated = r.aggregated;
    return 0;
}

/* Capability Report: the end point it names (it arrives from the root). */
static int ab_mc_capability(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    (void)e;
    zwh_multi_channel_capability_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_multi_channel_capability_report_decode(cmd, len, &r) != 0 || r.endpoint == 0)
        return ZWH_EBADMSG;
    EP_OR_NOMEM(ep, f, r.endpoint);
    ep->present = 1;
    ep->dynamic = r.dynamic;
    ep->generic = r.generic;
    ep->specific = r.specific;
    memset(&ep->ccs, 0, sizeof ep->ccs);
    cc_list_add(&ep->ccs, r.ccs, r.ncc);
    return 0;
}

static int ab_wake_up_interval(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    (void)e;
    zwh_wake_up_interval_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_wake_up_interval_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    f->wake_up_seconds = r.seconds;
    f->wake_up_node = r.node_id;
    f->has_wake_up_interval = 1;
    return 0;
}

static int ab_battery(zwh__facts_t *f, uint8_t e, const uint8_t *cmd, size_t len)
{
    (void)e;
    zwh_battery_report_t r;
    memset(&r, 0, sizeof r);
    if (zwh_battery_report_decode(cmd, len, &r) != 0)
        return ZWH_EBADMSG;
    f->battery_level = r.level;
    f->has_battery = 1;
    return 0;
}

/* key_len: bytes after CC and command that name what a report is about (a
 * later report with the same endpoint, command and key replaces the earlier
 * cache record); NO_KEY: reports that add to what earlier ones said (multi-
 * part texts, unions, lists) are all kept. */
#define NO_KEY (-1)
typedef struct absorber {
    uint8_t cc, cmd;
    int8_t key_len;
    absorb_fn fn;
} absorber_t;

static const absorber_t absorbers[] = {
    {ZWH__FACTS_S0_CC, ZWH__FACTS_S0_SUPPORTED_REPORT, NO_KEY, ab_s0_supported},
    {ZWH__FACTS_S2_CC, ZWH__FACTS_S2_SUPPORTED_REPORT, NO_KEY, ab_s2_supported},
    {ZWH_CC_VERSION, ZWH_VERSION_REPORT, 0, ab_version_report},
    {ZWH_CC_VERSION, ZWH_VERSION_COMMAND_CLASS_REPORT, 1, ab_version_cc},
    {ZWH_CC_VERSION, ZWH_VERSION_CAPABILITIES_REPORT, 0, ab_version_caps},
    {ZWH_CC_MANUFACTURER_SPECIFIC, ZWH_MANUFACTURER_SPECIFIC_REPORT, 0, ab_manufacturer},
    {ZWH_CC_ZWAVEPLUS_INFO, ZWH_ZWAVEPLUS_INFO_REPORT, 0, ab_zwplus},
    {ZWH_CC_METER, ZWH_METER_SUPPORTED_REPORT, 0, ab_meter_supported},
    {ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_REPORT, 1, ab_cfg_report},
    {ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_PROPERTIES_REPORT, 2, ab_cfg_properties},
    {ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_NAME_REPORT, NO_KEY, ab_cfg_name},
    {ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_INFO_REPORT, NO_KEY, ab_cfg_info},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_SUPPORTED_REPORT, 0, ab_notif_supported},
    {ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT, 1, ab_notif_events},
    {ZWH_CC_DOOR_LOCK, ZWH_DOOR_LOCK_CAPABILITIES_REPORT, 0, ab_door_lock_caps},
    {ZWH_CC_USER_CODE, ZWH_USER_CODE_USERS_NUMBER_REPORT, 0, ab_users_number},
    {ZWH_CC_USER_CODE, ZWH_USER_CODE_CAPABILITIES_REPORT, 0, ab_user_code_caps},
    {ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_GROUPINGS_REPORT, 0, ab_groupings},
    {ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_REPORT, 1, ab_assoc_report},
    {ZWH_CC_MULTI_CHANNEL_ASSOCIATION, ZWH_MULTI_CHANNEL_ASSOCIATION_GROUPINGS_REPORT, 0, ab_mca_groupings},
    {ZWH_CC_MULTI_CHANNEL_ASSOCIATION, ZWH_MULTI_CHANNEL_ASSOCIATION_REPORT, 1, ab_mca_report},
    {ZWH_CC_ASSOCIATION_GROUP_INFO, ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT, 1, ab_agi_name},
    {ZWH_CC_ASSOCIATION_GROUP_INFO, ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT, NO_KEY, ab_agi_info},
    {ZWH_CC_MULTI_CHANNEL, ZWH_MULTI_CHANNEL_END_POINT_REPORT, 0, ab_mc_endpoints},
    {ZWH_CC_MULTI_CHANNEL, ZWH_MULTI_CHANNEL_CAPABILITY_REPORT, 1, ab_mc_capability},
    {ZWH_CC_WAKE_UP, ZWH_WAKE_UP_INTERVAL_REPORT, 0, ab_wake_up_interval},
    {ZWH_CC_WAKE_UP, ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT, 0, ab_wake_up_caps},
    {ZWH_CC_BATTERY, ZWH_BATTERY_REPORT, 0, ab_battery},
};

static const absorber_t *absorber_find(const uint8_t *cmd, size_t len)
{
    if (!cmd || len < 2)
        return NULL;
    for (size_t i = 0; i < sizeof absorbers / sizeof absorbers[0]; i++)
        if (absorbers[i].cc == cmd[0] && absorbers[i].cmd == cmd[1])
            return &absorbers[i];
    return NULL;
}

/* ---- the interview cache -------------------------------------------------------- */

#define REC_HDR 3

/* Drops every record of `endpoint` whose bytes start with prefix[0..plen). */
static void cache_drop(zwh__facts_t *f, uint8_t endpoint, const uint8_t *prefix, size_t plen)
{
    size_t off = 0;
    while (off + REC_HDR <= f->cache_len) {
        size_t n = (size_t)f->cache[off] << 8 | f->cache[off + 1];
        size_t rec = REC_HDR + n;
        if (f->cache[off + 2] == endpoint && n >= plen && memcmp(f->cache + off + REC_HDR, prefix, plen) == 0) {
            memmove(f->cache + off, f->cache + off + rec, f->cache_len - off - rec);
            f->cache_len -= rec;
        } else {
            off += rec;
        }
    }
}

static int cache_append(zwh__facts_t *f, uint8_t endpoint, const uint8_t *bytes, size_t len, int key_len)
{
    if (key_len >= 0 && len >= 2 + (size_t)key_len)
        cache_drop(f, endpoint, bytes, endpoint == ZWH__FACTS_NIF_RECORD ? 0 : 2 + (size_t)key_len);
    size_t need = f->cache_len + REC_HDR + len;
    if (len > 0xFFFF || need > ZWH__FACTS_CACHE_MAX)
        return ZWH_ENOSPC;
    if (need > f->cache_cap) {
        size_t cap = f->cache_cap ? f->cache_cap : 256;
        while (cap < need)
            cap *= 2;
        uint8_t *p = realloc(f->cache, cap);
        if (!p)
            return ZWH_ENOMEM;
        f->cache = p;
        f->cache_cap = cap;
    }
    f->cache[f->cache_len] = (uint8_t)(len >> 8);
    f->cache[f->cache_len + 1] = (uint8_t)len;
    f->cache[f->cache_len + 2] = endpoint;
    memcpy(f->cache + f->cache_len + REC_HDR, bytes, len);
    f->cache_len = need;
    return 0;
}

int zwh__facts_absorb(zwh__facts_t *f, uint8_t endpoint, const uint8_t *cmd, size_t len)
{
    if (!f || endpoint > ZWH__FACTS_MAX_ENDPOINT)
        return ZWH_EINVAL;
    const absorber_t *a = absorber_find(cmd, len);
    if (!a)
        return 0;
    int rc = a->fn(f, endpoint, cmd, len);
    if (rc == ZWH_EBADMSG)
        return 0;
    if (rc == NOTHING_KEPT)
        return 1;
    if (rc)
        return rc;
    rc = cache_append(f, endpoint, cmd, len, a->key_len);
    return rc ? rc : 1;
}

int zwh__facts_set_nif(zwh__facts_t *f, uint8_t generic, uint8_t specific, const uint8_t *ccs, size_t len)
{
    if (!f || (!ccs && len) || len > 0xFFFF - 2)
        return ZWH_EINVAL;
    zwh__ep_facts_t *ep = ep_get(f, 0);
    if (!ep)
        return ZWH_ENOMEM;
    ep->present = 1;
    ep->generic = generic;
    ep->specific = specific;
    memset(&ep->ccs, 0, sizeof ep->ccs);
    cc_list_add(&ep->ccs, ccs, len);
    uint8_t *rec = malloc(len + 2);
    if (!rec)
        return ZWH_ENOMEM;
    rec[0] = generic;
    rec[1] = specific;
    if (len)
        memcpy(rec + 2, ccs, len);
    int rc = cache_append(f, ZWH__FACTS_NIF_RECORD, rec, len + 2, 0);
    free(rec);
    return rc;
}

int zwh__facts_load_cache(zwh__facts_t *f, const uint8_t *blob, size_t len)
{
    if (!f || (!blob && len))
        return ZWH_EINVAL;
    zwh__facts_t g;
    zwh__facts_init(&g);
    zwh__rd_t r;
    memset(&r, 0, sizeof r);
    zwh__rd_init(&r, blob, len);
    int rc = 0;
    while (zwh__rd_left(&r) > 0) {
        size_t n = zwh__rd_u16(&r);
        uint8_t ep = zwh__rd_u8(&r);
        const uint8_t *p = zwh__rd_take(&r, n);
        if (!zwh__rd_ok(&r)) {
            rc = ZWH_EBADMSG;
            break;
        }
        int a;
        if (ep == ZWH__FACTS_NIF_RECORD)
            a = n >= 2 ? zwh__facts_set_nif(&g, p[0], p[1], p + 2, n - 2) : 0;
        else
            a = ep <= ZWH__FACTS_MAX_ENDPOINT ? zwh__facts_absorb(&g, ep, p, n) : 0;
        if (a == ZWH_ENOMEM) {
            zwh__facts_free(&g);
            return ZWH_ENOMEM;
        }
    }
    zwh__facts_free(f);
    *f = g;
    return rc;
}

/* ---- queries ---------------------------------------------------------------------- */

const zwh__ep_facts_t *zwh__facts_ep(const zwh__facts_t *f, uint8_t endpoint)
{
    return f && endpoint < f->ep_count ? &f->ep[endpoint] : NULL;
}

bool zwh__facts_supports(const zwh__facts_t *f, uint8_t endpoint, uint8_t cc)
{
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    return ep && (zwh__cc_list_has(&ep->ccs, cc) || zwh__cc_list_has(&ep->secure, cc));
}

uint8_t zwh__facts_version(const zwh__facts_t *f, uint8_t cc, bool *known)
{
    if (known)
        *known = f && (f->version_known[cc / 8] >> (cc % 8) & 1);
    return f ? f->versions[cc] : 0;
}

const zwh__cfg_param_t *zwh__facts_param(const zwh__facts_t *f, uint8_t endpoint, uint16_t number)
{
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    return ep ? param_find(ep, number, NULL) : NULL;
}

const zwh__notif_events_t *zwh__facts_notif_events(const zwh__facts_t *f, uint8_t endpoint, uint8_t type)
{
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    for (size_t i = 0; ep && i < ep->notif_event_count; i++)
        if (ep->notif_events[i].type == type)
            return &ep->notif_events[i];
    return NULL;
}

const zwh__assoc_group_t *zwh__facts_group(const zwh__facts_t *f, uint8_t endpoint, uint8_t group)
{
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    return ep && group >= 1 && group <= ep->group_cap ? &ep->groups[group - 1] : NULL;
}

/* ---- comparison ---------------------------------------------------------------------- */

static bool bytes_eq(const void *a, size_t alen, const void *b, size_t blen)
{
    return alen == blen && (alen == 0 || memcmp(a, b, alen) == 0);
}

static bool param_eq(const zwh__cfg_param_t *a, const zwh__cfg_param_t *b)
{
    return a->number == b->number && a->size == b->size && a->format == b->format && a->flags == b->flags &&
           a->min_value == b->min_value && a->max_value == b->max_value &&
           a->default_value == b->default_value && a->value == b->value && a->value_size == b->value_size &&
           bytes_eq(a->name, a->name_len, b->name, b->name_len) &&
           bytes_eq(a->info, a->info_len, b->info, b->info_len);
}

static bool ep_eq(const zwh__ep_facts_t *a, const zwh__ep_facts_t *b)
{
    static const zwh__assoc_group_t none;
    /* the fixed part, up to the first owned pointer */
    if (memcmp(a, b, offsetof(zwh__ep_facts_t, notif_events)) != 0)
        return false;
    if (memcmp(&a->has_door_lock_caps, &b->has_door_lock_caps,
               offsetof(zwh__ep_facts_t, groups) - offsetof(zwh__ep_facts_t, has_door_lock_caps)) != 0)
        return false;
    if (a->notif_event_count != b->notif_event_count ||
        !bytes_eq(a->notif_events, a->notif_event_count * sizeof *a->notif_events, b->notif_events,
                  b->notif_event_count * sizeof *b->notif_events))
        return false;
    size_t groups = a->group_cap > b->group_cap ? a->group_cap : b->group_cap;
    for (size_t g = 0; g < groups; g++) {
        const zwh__assoc_group_t *x = g < a->group_cap ? &a->groups[g] : &none;
        const zwh__assoc_group_t *y = g < b->group_cap ? &b->groups[g] : &none;
        if (memcmp(x, y, sizeof *x) != 0)
            return false;
    }
    if (a->param_count != b->param_count)
        return false;
    for (size_t i = 0; i < a->param_count; i++)
        if (!param_eq(&a->params[i], &b->params[i]))
            return false;
    return true;
}

bool zwh__facts_equal(const zwh__facts_t *a, const zwh__facts_t *b)
{
    static const zwh__ep_facts_t empty;
    if (!a || !b)
        return a == b;
    if (memcmp(a, b, offsetof(zwh__facts_t, ep)) != 0)
        return false;
    size_t eps = a->ep_count > b->ep_count ? a->ep_count : b->ep_count;
    for (size_t i = 0; i < eps; i++)
        if (!ep_eq(i < a->ep_count ? &a->ep[i] : &empty, i < b->ep_count ? &b->ep[i] : &empty))
            return false;
    return bytes_eq(a->cache, a->cache_len, b->cache, b->cache_len);
}
