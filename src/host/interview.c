/* The node interview: a table of steps, each a request builder over a cursor
 * plus an "advance" that moves the cursor once a request is answered or given
 * up. The facts absorb every report (node_facts.c); the steps only read them
 * to decide what to ask next. See interview.h. */
#include "host/interview.h"

#include <string.h>
#include "zwhost/error.h"
#include "zwhost/security.h"
#include "zwhost/cc/association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/battery.h"
#include "zwhost/cc/configuration.h"
#include "zwhost/cc/multi_channel.h"
#include "zwhost/cc/multi_channel_association.h"
#include "zwhost/cc/notification.h"

/* ---- helpers ------------------------------------------------------------------ */

/* Security classes from strongest to weakest. */
static const int8_t class_order[] = {
    ZWH_SECCLASS_S2_ACCESS_CONTROL, ZWH_SECCLASS_S2_LR_ACCESS_CONTROL, ZWH_SECCLASS_S2_AUTHENTICATED,
    ZWH_SECCLASS_S2_LR_AUTHENTICATED, ZWH_SECCLASS_S2_UNAUTHENTICATED, ZWH_SECCLASS_S0,
};
#define NCLASSES (sizeof class_order / sizeof class_order[0])

static bool granted(const zwh__interview_t *iv, int c)
{
    return iv->cfg.granted >> c & 1;
}

static int highest_class(const zwh__interview_t *iv)
{
    for (size_t i = 0; i < NCLASSES; i++)
        if (granted(iv, class_order[i]))
            return class_order[i];
    return ZWH_SECCLASS_NONE;
}

/* The class to send a command of `cc` under: the highest granted one for a
 * class the node lists as secure (or when it never told which are), else
 * plaintext. */
static int class_for(const zwh__interview_t *iv, uint8_t ep, uint8_t cc)
{
    int hi = highest_class(iv);
    const zwh__ep_facts_t *root = zwh__facts_ep(iv->facts, 0);
    const zwh__ep_facts_t *e = zwh__facts_ep(iv->facts, ep);
    if (hi == ZWH_SECCLASS_NONE)
        return hi;
    if (!root || !root->secure_known)
        return hi;
    if (zwh__cc_list_has(&root->secure, cc) || (e && zwh__cc_list_has(&e->secure, cc)))
        return hi;
    return ZWH_SECCLASS_NONE;
}

/* The version the node told for cc, 1 when it did not tell (a class it lists
 * is at least version 1), 0 when it said "not supported". */
static uint8_t version_of(const zwh__interview_t *iv, uint8_t cc)
{
    bool known;
    uint8_t v = zwh__facts_version(iv->facts, cc, &known);
    return known ? v : 1;
}

static bool supports(const zwh__interview_t *iv, uint8_t ep, uint8_t cc)
{
    return zwh__facts_supports(iv->facts, ep, cc);
}

/* Fills req with bytes[0..n) for the current end point; the answer is
 * (bytes[0], answer_cmd), or none when answer_cmd is 0. Always true. */
static bool mk(zwh__interview_t *iv, zwh__iv_request_t *req, const uint8_t *bytes, size_t n, uint8_t answer_cmd)
{
    memset(req, 0, sizeof *req);
    memcpy(req->cmd, bytes, n);
    req->len = n;
    req->endpoint = 0;
    req->secclass = class_for(iv, 0, bytes[0]);
    req->expect.cc = answer_cmd ? bytes[0] : 0;
    req->expect.cmd = answer_cmd;
    req->timeout_ms = iv->cfg.timeout_ms;
    req->step = iv->step;
    return true;
}

/* The same, sent to end point iv->ep (per-end-point steps). */
static bool mk_ep(zwh__interview_t *iv, zwh__iv_request_t *req, const uint8_t *bytes, size_t n, uint8_t answer_cmd)
{
    mk(iv, req, bytes, n, answer_cmd);
    req->endpoint = iv->ep;
    req->secclass = class_for(iv, iv->ep, bytes[0]);
    return true;
}

static void key8(zwh__iv_request_t *req, uint8_t off, uint8_t v, uint8_t mask)
{
    req->expect.off = off;
    req->expect.key_len = 1;
    req->expect.key[0] = v;
    req->expect.mask[0] = mask;
}

static void key16(zwh__iv_request_t *req, uint8_t off, uint16_t v)
{
    req->expect.off = off;
    req->expect.key_len = 2;
    req->expect.key[0] = (uint8_t)(v >> 8);
    req->expect.key[1] = (uint8_t)v;
    req->expect.mask[0] = req->expect.mask[1] = 0xFF;
}

#define MK(iv, req, answer, ...)                                                    \
    mk((iv), (req), (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__}), (answer))
#define MK_EP(iv, req, answer, ...)                                                 \
    mk_ep((iv), (req), (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__}), (answer))

/* The idx-th distinct class of the root (NIF, then secure-only ones), without
 * Version itself. */
static bool root_cc_at(const zwh__interview_t *iv, uint32_t idx, uint8_t *cc)
{
    const zwh__ep_facts_t *root = zwh__facts_ep(iv->facts, 0);
    if (!root)
        return false;
    const zwh__cc_list_t *lists[2] = {&root->ccs, &root->secure};
    for (size_t l = 0; l < 2; l++)
        for (size_t i = 0; i < lists[l]->n; i++) {
            uint8_t c = lists[l]->cc[i];
            if (c == ZWH_CC_VERSION || (l == 1 && zwh__cc_list_has(&root->ccs, c)))
                continue;
            if (idx-- == 0) {
                *cc = c;
                return true;
            }
        }
    return false;
}

/* The idx-th distinct class that only end points list (root lacks it). */
static bool endpoint_cc_at(const zwh__interview_t *iv, uint32_t idx, uint8_t *cc)
{
    uint8_t seen[32] = {0};
    for (size_t e = 1; e < iv->facts->ep_count; e++) {
        const zwh__ep_facts_t *ep = &iv->facts->ep[e];
        const zwh__cc_list_t *lists[2] = {&ep->ccs, &ep->secure};
        for (size_t l = 0; l < 2; l++)
            for (size_t i = 0; i < lists[l]->n; i++) {
                uint8_t c = lists[l]->cc[i];
                if (supports(iv, 0, c) || (seen[c / 8] >> (c % 8) & 1))
                    continue;
                seen[c / 8] = (uint8_t)(seen[c / 8] | 1u << (c % 8));
                if (idx-- == 0) {
                    *cc = c;
                    return true;
                }
            }
    }
    return false;
}

/* The idx-th set bit (bit 0 of byte 0 excluded) of a mask: n = its number. */
static bool mask_bit_at(const uint8_t *mask, size_t len, uint32_t idx, uint8_t *n)
{
    for (size_t b = 1; b < len * 8 && b < 256; b++)
        if (mask[b / 8] >> (b % 8) & 1) {
            if (idx-- == 0) {
                *n = (uint8_t)b;
                return true;
            }
        }
    return false;
}

/* ---- step builders -----------------------------------------------------------
 * Each fills req for the step's position iv->cursor (skipping positions that do
 * not apply) and returns true, or returns false when the step (for end point
 * iv->ep) has nothing more to ask. */

static bool b_none(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    (void)iv;
    (void)req;
    return false;
}

/* S2 Commands Supported Get under each granted S2 class, strongest first. */
static bool b_s2(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint32_t k = 0;
    for (size_t i = 0; i < NCLASSES; i++) {
        int c = class_order[i];
        if (c == ZWH_SECCLASS_S0 || !granted(iv, c) || k++ != iv->cursor)
            continue;
        MK(iv, req, ZWH__FACTS_S2_SUPPORTED_REPORT, ZWH__FACTS_S2_CC, ZWH__FACTS_S2_SUPPORTED_GET);
        req->secclass = c;
        return true;
    }
    return false;
}

static bool b_s0(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (iv->cursor > 0 || !granted(iv, ZWH_SECCLASS_S0))
        return false;
    MK(iv, req, ZWH__FACTS_S0_SUPPORTED_REPORT, ZWH__FACTS_S0_CC, 0x02 /* Commands Supported Get */);
    req->secclass = ZWH_SECCLASS_S0;
    req->expect.more_off = 2;
    return true;
}

static bool version_cc_get(zwh__interview_t *iv, zwh__iv_request_t *req, uint8_t cc)
{
    MK(iv, req, ZWH_VERSION_COMMAND_CLASS_REPORT, ZWH_CC_VERSION, ZWH_VERSION_COMMAND_CLASS_GET, cc);
    key8(req, 2, cc, 0xFF);
    return true;
}

/* Version's own version first (it says whether Capabilities exist), every
 * other class of the root, the Version Report, then Capabilities (v3). */
static bool b_versions(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint8_t cc;
    if (!supports(iv, 0, ZWH_CC_VERSION))
        return false;
    if (iv->cursor == 0)
        return version_cc_get(iv, req, ZWH_CC_VERSION);
    if (root_cc_at(iv, iv->cursor - 1, &cc))
        return version_cc_get(iv, req, cc);
    uint32_t n = 0;
    while (root_cc_at(iv, n, &cc))
        n++;
    uint32_t tail = iv->cursor - 1 - n;
    if (tail == 0)
        return MK(iv, req, ZWH_VERSION_REPORT, ZWH_CC_VERSION, ZWH_VERSION_GET);
    if (tail == 1 && version_of(iv, ZWH_CC_VERSION) >= 3)
        return MK(iv, req, ZWH_VERSION_CAPABILITIES_REPORT, ZWH_CC_VERSION, ZWH_VERSION_CAPABILITIES_GET);
    return false;
}

static bool b_manufacturer(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return iv->cursor == 0 &&
           MK(iv, req, ZWH_MANUFACTURER_SPECIFIC_REPORT, ZWH_CC_MANUFACTURER_SPECIFIC, ZWH_MANUFACTURER_SPECIFIC_GET);
}

static bool b_zwplus(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return iv->cursor == 0 && MK(iv, req, ZWH_ZWAVEPLUS_INFO_REPORT, ZWH_CC_ZWAVEPLUS_INFO, ZWH_ZWAVEPLUS_INFO_GET);
}

/* End Point Get (v2+), then Capability Get for each individual end point. */
static bool b_multi_channel(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (version_of(iv, ZWH_CC_MULTI_CHANNEL) < 2)
        return false; /* v1 is Multi Instance: not interviewed */
    if (iv->cursor == 0)
        return MK(iv, req, ZWH_MULTI_CHANNEL_END_POINT_REPORT, ZWH_CC_MULTI_CHANNEL, ZWH_MULTI_CHANNEL_END_POINT_GET);
    if (iv->cursor > iv->facts->mc_endpoints || iv->cursor > ZWH__FACTS_MAX_ENDPOINT)
        return false;
    uint8_t e = (uint8_t)iv->cursor;
    MK(iv, req, ZWH_MULTI_CHANNEL_CAPABILITY_REPORT, ZWH_CC_MULTI_CHANNEL, ZWH_MULTI_CHANNEL_CAPABILITY_GET, e);
    key8(req, 2, e, 0x7F);
    return true;
}

static bool b_endpoint_versions(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint8_t cc;
    if (!supports(iv, 0, ZWH_CC_VERSION) || !endpoint_cc_at(iv, iv->cursor, &cc))
        return false;
    return version_cc_get(iv, req, cc);
}

static bool b_meter(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return iv->cursor == 0 && version_of(iv, ZWH_CC_METER) >= 2 &&
           MK_EP(iv, req, ZWH_METER_SUPPORTED_REPORT, ZWH_CC_METER, ZWH_METER_SUPPORTED_GET);
}

/* V3+: walk Properties from parameter 0 along "next parameter", then Name and
 * Info of every parameter found. V1/V2: Get the parameters the host named. */
static bool b_configuration(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (version_of(iv, ZWH_CC_CONFIGURATION) < 3) {
        for (uint32_t p = iv->cursor ? iv->cursor : 1; p < 256; p++)
            if (iv->v1_params[p / 8] >> (p % 8) & 1) {
                iv->cursor = p;
                MK(iv, req, ZWH_CONFIGURATION_REPORT, ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_GET, (uint8_t)p);
                key8(req, 2, (uint8_t)p, 0xFF);
                return true;
            }
        return false;
    }
    if (!iv->walk_done) {
        MK(iv, req, ZWH_CONFIGURATION_PROPERTIES_REPORT, ZWH_CC_CONFIGURATION, ZWH_CONFIGURATION_PROPERTIES_GET,
           (uint8_t)(iv->param >> 8), (uint8_t)iv->param);
        key16(req, 2, iv->param);
        return true;
    }
    const zwh__ep_facts_t *root = zwh__facts_ep(iv->facts, 0);
    if (!root || iv->cursor / 2 >= root->param_count)
        return false;
    uint16_t p = root->params[iv->cursor / 2].number;
    bool info = iv->cursor % 2;
    MK(iv, req, info ? ZWH_CONFIGURATION_INFO_REPORT : ZWH_CONFIGURATION_NAME_REPORT, ZWH_CC_CONFIGURATION,
       info ? ZWH_CONFIGURATION_INFO_GET : ZWH_CONFIGURATION_NAME_GET, (uint8_t)(p >> 8), (uint8_t)p);
    key16(req, 2, p);
    req->expect.more_off = 4;
    return true;
}

/* Supported Get (v2+), then Event Supported Get (v3+) per supported type. */
static bool b_notification(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint8_t v = version_of(iv, ZWH_CC_NOTIFICATION), type;
    if (iv->cursor == 0)
        return v >= 2 &&
               MK_EP(iv, req, ZWH_NOTIFICATION_SUPPORTED_REPORT, ZWH_CC_NOTIFICATION, ZWH_NOTIFICATION_SUPPORTED_GET);
    const zwh__ep_facts_t *ep = zwh__facts_ep(iv->facts, iv->ep);
    if (v < 3 || !ep || !mask_bit_at(ep->notif_mask, ep->notif_mask_len, iv->cursor - 1, &type))
        return false;
    MK_EP(iv, req, ZWH_NOTIFICATION_EVENT_SUPPORTED_REPORT, ZWH_CC_NOTIFICATION,
          ZWH_NOTIFICATION_EVENT_SUPPORTED_GET, type);
    key8(req, 2, type, 0xFF);
    return true;
}

static bool b_door_lock(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return iv->cursor == 0 && version_of(iv, ZWH_CC_DOOR_LOCK) >= 4 &&
           MK_EP(iv, req, ZWH_DOOR_LOCK_CAPABILITIES_REPORT, ZWH_CC_DOOR_LOCK, ZWH_DOOR_LOCK_CAPABILITIES_GET);
}

static bool b_user_code(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (iv->cursor == 0)
        return MK_EP(iv, req, ZWH_USER_CODE_USERS_NUMBER_REPORT, ZWH_CC_USER_CODE, ZWH_USER_CODE_USERS_NUMBER_GET);
    return iv->cursor == 1 && version_of(iv, ZWH_CC_USER_CODE) >= 2 &&
           MK_EP(iv, req, ZWH_USER_CODE_CAPABILITIES_REPORT, ZWH_CC_USER_CODE, ZWH_USER_CODE_CAPABILITIES_GET);
}

/* Association, or Multi Channel Association when the end point has only that. */
static uint8_t assoc_cc(const zwh__interview_t *iv, uint8_t ep)
{
    if (supports(iv, ep, ZWH_CC_ASSOCIATION))
        return ZWH_CC_ASSOCIATION;
    return supports(iv, ep, ZWH_CC_MULTI_CHANNEL_ASSOCIATION) ? ZWH_CC_MULTI_CHANNEL_ASSOCIATION : 0;
}

/* Groupings Get, then per group: Get (max nodes), AGI Name Get, AGI Info Get. */
static bool b_association(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint8_t cc = assoc_cc(iv, iv->ep);
    if (iv->cursor == 0)
        return MK_EP(iv, req, ZWH_ASSOCIATION_GROUPINGS_REPORT, cc, ZWH_ASSOCIATION_GROUPINGS_GET);
    const zwh__ep_facts_t *ep = zwh__facts_ep(iv->facts, iv->ep);
    uint8_t groups = !ep ? 0 : cc == ZWH_CC_ASSOCIATION ? ep->group_count : ep->mca_group_count;
    bool agi = supports(iv, iv->ep, ZWH_CC_ASSOCIATION_GROUP_INFO);
    for (;; iv->cursor++) {
        uint32_t g = (iv->cursor - 1) / 3 + 1, sub = (iv->cursor - 1) % 3;
        if (g > groups)
            return false;
        if (sub == 0) {
            /* Association Get and MCA Get share command ids and layouts */
            MK_EP(iv, req, ZWH_ASSOCIATION_REPORT, cc, ZWH_ASSOCIATION_GET, (uint8_t)g);
            key8(req, 2, (uint8_t)g, 0xFF);
            req->expect.more_off = 4;
            return true;
        }
        if (!agi)
            continue;
        if (sub == 1)
            MK_EP(iv, req, ZWH_ASSOCIATION_GROUP_INFO_NAME_REPORT, ZWH_CC_ASSOCIATION_GROUP_INFO,
                  ZWH_ASSOCIATION_GROUP_INFO_NAME_GET, (uint8_t)g);
        else
            MK_EP(iv, req, ZWH_ASSOCIATION_GROUP_INFO_INFO_REPORT, ZWH_CC_ASSOCIATION_GROUP_INFO,
                  ZWH_ASSOCIATION_GROUP_INFO_INFO_GET, 0x00, (uint8_t)g);
        key8(req, sub == 1 ? 2 : 3, (uint8_t)g, 0xFF);
        return true;
    }
}

static bool b_wake_up(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (iv->cursor == 0)
        return MK(iv, req, ZWH_WAKE_UP_INTERVAL_REPORT, ZWH_CC_WAKE_UP, ZWH_WAKE_UP_INTERVAL_GET);
    return iv->cursor == 1 && version_of(iv, ZWH_CC_WAKE_UP) >= 2 &&
           MK(iv, req, ZWH_WAKE_UP_INTERVAL_CAPABILITIES_REPORT, ZWH_CC_WAKE_UP,
              ZWH_WAKE_UP_INTERVAL_CAPABILITIES_GET);
}

static bool b_battery(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return iv->cursor == 0 && MK(iv, req, ZWH_BATTERY_REPORT, ZWH_CC_BATTERY, ZWH_BATTERY_GET);
}

static uint32_t wake_up_seconds(const zwh__interview_t *iv)
{
    const zwh__facts_t *f = iv->facts;
    uint32_t s = iv->cfg.wake_up_seconds;
    if (!s && f->has_wake_up_interval)
        s = f->wake_up_seconds;
    if (!s && f->has_wake_up_caps)
        s = f->wake_up_caps.default_seconds;
    if (!s)
        s = ZWH__IV_DEFAULT_WAKE_UP_S;
    if (f->has_wake_up_caps && f->wake_up_caps.max_seconds >= f->wake_up_caps.min_seconds) {
        if (s < f->wake_up_caps.min_seconds)
            s = f->wake_up_caps.min_seconds;
        if (s > f->wake_up_caps.max_seconds)
            s = f->wake_up_caps.max_seconds;
    }
    return s > ZWH_WAKE_UP_MAX_SECONDS ? ZWH_WAKE_UP_MAX_SECONDS : s;
}

/* Lifeline: group 1 -> controller (Multi Channel Association with end point 0
 * when the node has it, so end points report encapsulated), verified by Get;
 * sleeping nodes: Wake Up Interval Set -> controller, verified by Get. Each
 * part returns false when it does not apply. */
static bool lifeline_applies(const zwh__interview_t *iv)
{
    return iv->cfg.controller_id >= 1 && iv->cfg.controller_id <= 232 && assoc_cc(iv, 0) != 0;
}

static bool l_association_set(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (!lifeline_applies(iv))
        return false;
    if (!supports(iv, 0, ZWH_CC_MULTI_CHANNEL_ASSOCIATION))
        return MK(iv, req, 0, ZWH_CC_ASSOCIATION, ZWH_ASSOCIATION_SET, 1, (uint8_t)iv->cfg.controller_id);
    zwh_multi_channel_association_set_t s;
    memset(&s, 0, sizeof s);
    s.group_id = 1;
    s.endpoint_count = 1;
    s.endpoints[0].node_id = iv->cfg.controller_id; /* end point 0 */
    uint8_t out[ZWH__IV_MAX_CMD];
    int n = zwh_multi_channel_association_set_encode(&s, out, sizeof out);
    return n > 0 && mk(iv, req, out, (size_t)n, 0);
}

static bool l_association_get(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    if (!lifeline_applies(iv))
        return false;
    uint8_t cc = supports(iv, 0, ZWH_CC_MULTI_CHANNEL_ASSOCIATION) ? ZWH_CC_MULTI_CHANNEL_ASSOCIATION
                                                                   : ZWH_CC_ASSOCIATION;
    MK(iv, req, ZWH_ASSOCIATION_REPORT, cc, ZWH_ASSOCIATION_GET, 1);
    key8(req, 2, 1, 0xFF);
    req->expect.more_off = 4;
    return true;
}

static bool wake_up_target_applies(const zwh__interview_t *iv)
{
    return iv->cfg.sleeping && iv->cfg.controller_id >= 1 && iv->cfg.controller_id <= 232 &&
           supports(iv, 0, ZWH_CC_WAKE_UP);
}

static bool l_wake_up_set(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    uint32_t s = wake_up_seconds(iv);
    return wake_up_target_applies(iv) &&
           MK(iv, req, 0, ZWH_CC_WAKE_UP, ZWH_WAKE_UP_INTERVAL_SET, (uint8_t)(s >> 16), (uint8_t)(s >> 8),
              (uint8_t)s, (uint8_t)iv->cfg.controller_id);
}

static bool l_wake_up_get(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    return wake_up_target_applies(iv) &&
           MK(iv, req, ZWH_WAKE_UP_INTERVAL_REPORT, ZWH_CC_WAKE_UP, ZWH_WAKE_UP_INTERVAL_GET);
}

static bool (*const lifeline_parts[])(zwh__interview_t *iv, zwh__iv_request_t *req) = {
    l_association_set, l_association_get, l_wake_up_set, l_wake_up_get,
};

static bool b_lifeline(zwh__interview_t *iv, zwh__iv_request_t *req)
{
    for (; iv->cursor < sizeof lifeline_parts / sizeof lifeline_parts[0]; iv->cursor++)
        if (lifeline_parts[iv->cursor](iv, req))
            return true;
    return false;
}

/* ---- advancing --------------------------------------------------------------------
 * Called when the outstanding request completed: rep is its final answer, or
 * NULL when it was a Set that went out, or when it was given up. */

static void a_next(zwh__interview_t *iv, const uint8_t *rep, size_t len)
{
    (void)rep;
    (void)len;
    iv->cursor++;
}

static void a_configuration(zwh__interview_t *iv, const uint8_t *rep, size_t len)
{
    if (iv->walk_done || version_of(iv, ZWH_CC_CONFIGURATION) < 3) {
        iv->cursor++;
        return;
    }
    zwh_configuration_properties_report_t r;
    const zwh__ep_facts_t *root = zwh__facts_ep(iv->facts, 0);
    bool more = rep && zwh_configuration_properties_report_decode(rep, len, &r) == 0 &&
                r.next_parameter > iv->param && (!root || root->param_count < ZWH__FACTS_MAX_PARAMS);
    if (more) {
        iv->param = r.next_parameter;
    } else {
        iv->walk_done = true; /* the last one, a loop, or given up: names and infos next */
        iv->cursor = 0;
    }
}

/* ---- the step table ------------------------------------------------------------------ */

typedef bool (*build_fn)(zwh__interview_t *iv, zwh__iv_request_t *req);
typedef void (*advance_fn)(zwh__interview_t *iv, const uint8_t *rep, size_t len);

typedef struct step {
    uint8_t cc;          /* the class the step is about (0: none / decided by the builder) */
    bool per_endpoint;   /* run for the root and for every end point listing cc */
    build_fn build;
    advance_fn advance;
} step_t;

static const step_t steps[ZWH_INTERVIEW_STEP_COUNT] = {
    [ZWH_INTERVIEW_STEP_NODE_INFO] = {0, false, b_none, a_next},
    [ZWH_INTERVIEW_STEP_SECURITY_S2] = {0, false, b_s2, a_next},
    [ZWH_INTERVIEW_STEP_SECURITY_S0] = {0, false, b_s0, a_next},
    [ZWH_INTERVIEW_STEP_VERSIONS] = {ZWH_CC_VERSION, false, b_versions, a_next},
    [ZWH_INTERVIEW_STEP_MANUFACTURER] = {ZWH_CC_MANUFACTURER_SPECIFIC, false, b_manufacturer, a_next},
    [ZWH_INTERVIEW_STEP_ZWAVEPLUS] = {ZWH_CC_ZWAVEPLUS_INFO, false, b_zwplus, a_next},
    [ZWH_INTERVIEW_STEP_MULTI_CHANNEL] = {ZWH_CC_MULTI_CHANNEL, false, b_multi_channel, a_next},
    [ZWH_INTERVIEW_STEP_ENDPOINT_VERSIONS] = {ZWH_CC_VERSION, false, b_endpoint_versions, a_next},
    [ZWH_INTERVIEW_STEP_METER] = {ZWH_CC_METER, true, b_meter, a_next},
    [ZWH_INTERVIEW_STEP_CONFIGURATION] = {ZWH_CC_CONFIGURATION, false, b_configuration, a_configuration},
    [ZWH_INTERVIEW_STEP_NOTIFICATION] = {ZWH_CC_NOTIFICATION, true, b_notification, a_next},
    [ZWH_INTERVIEW_STEP_DOOR_LOCK] = {ZWH_CC_DOOR_LOCK, true, b_door_lock, a_next},
    [ZWH_INTERVIEW_STEP_USER_CODE] = {ZWH_CC_USER_CODE, true, b_user_code, a_next},
    [ZWH_INTERVIEW_STEP_ASSOCIATION] = {0, true, b_association, a_next},
    [ZWH_INTERVIEW_STEP_WAKE_UP] = {ZWH_CC_WAKE_UP, false, b_wake_up, a_next},
    [ZWH_INTERVIEW_STEP_BATTERY] = {ZWH_CC_BATTERY, false, b_battery, a_next},
    [ZWH_INTERVIEW_STEP_LIFELINE] = {0, false, b_lifeline, a_next},
};

#define ZWH_IV_NAME_(n, v, s) [v] = s,
static const char *const step_names[ZWH_INTERVIEW_STEP_COUNT] = {ZWH_INTERVIEW_STEPS(ZWH_IV_NAME_)};
#undef ZWH_IV_NAME_

const char *zwh__interview_step_name(int step)
{
    return step >= 0 && step < ZWH_INTERVIEW_STEP_COUNT ? step_names[step] : NULL;
}

/* Whether step s applies to end point ep. */
static bool step_applies(const zwh__interview_t *iv, const step_t *s, uint8_t ep)
{
    if (s->build == b_association)
        return assoc_cc(iv, ep) != 0;
    return s->cc == 0 || supports(iv, ep, s->cc);
}

static void position_reset(zwh__interview_t *iv)
{
    iv->cursor = 0;
    iv->param = 0;
    iv->walk_done = false;
}

/* Next end point after iv->ep the per-end-point step applies to, or 0. */
static uint8_t next_endpoint(const zwh__interview_t *iv, const step_t *s)
{
    for (size_t e = (size_t)iv->ep + 1; e < iv->facts->ep_count && e <= iv->facts->mc_endpoints; e++)
        if (step_applies(iv, s, (uint8_t)e))
            return (uint8_t)e;
    return 0;
}

/* ---- the machine --------------------------------------------------------------------- */

int zwh__interview_init(zwh__interview_t *iv, const zwh__iv_config_t *cfg, zwh__facts_t *facts)
{
    if (!iv || !cfg || !facts || cfg->node_id == 0)
        return ZWH_EINVAL;
    memset(iv, 0, sizeof *iv);
    iv->cfg = *cfg;
    if (iv->cfg.retries == 0)
        iv->cfg.retries = ZWH__IV_DEFAULT_RETRIES;
    else if (iv->cfg.retries == ZWH__IV_NO_RETRY)
        iv->cfg.retries = 0;
    if (iv->cfg.timeout_ms == 0)
        iv->cfg.timeout_ms = ZWH__IV_DEFAULT_TIMEOUT_MS;
    iv->facts = facts;
    iv->awake = !cfg->sleeping || cfg->awake;
    iv->step = ZWH_INTERVIEW_STEP_NODE_INFO;
    iv->deadline = UINT64_MAX;
    return 0;
}

int zwh__interview_set_config_params(zwh__interview_t *iv, const uint8_t *params, size_t n)
{
    if (!iv || (!params && n))
        return ZWH_EINVAL;
    for (size_t i = 0; i < n; i++)
        if (params[i] == 0)
            return ZWH_EINVAL;
    for (size_t i = 0; i < n; i++)
        iv->v1_params[params[i] / 8] = (uint8_t)(iv->v1_params[params[i] / 8] | 1u << (params[i] % 8));
    return 0;
}

static void complete(zwh__interview_t *iv, const uint8_t *rep, size_t len)
{
    iv->outstanding = false;
    iv->reissue = false;
    iv->tries = 0;
    iv->deadline = UINT64_MAX;
    steps[iv->step].advance(iv, rep, len);
}

static void give_up_or_retry(zwh__interview_t *iv)
{
    iv->outstanding = false;
    iv->deadline = UINT64_MAX;
    if (++iv->tries <= iv->cfg.retries) {
        iv->reissue = true;
        return;
    }
    iv->unknown_steps |= 1u << iv->step;
    iv->requests_failed++;
    complete(iv, NULL, 0);
}

static int issue(zwh__interview_t *iv, uint64_t now, zwh__iv_request_t *req)
{
    iv->outstanding = true;
    iv->reissue = false;
    iv->deadline = now + iv->req.timeout_ms;
    *req = iv->req;
    return ZWH__IV_REQUEST;
}

int zwh__interview_next(zwh__interview_t *iv, uint64_t now, zwh__iv_request_t *req)
{
    if (!iv || !req)
        return ZWH_EINVAL;
    if (iv->step >= ZWH_INTERVIEW_STEP_COUNT)
        return ZWH__IV_DONE;
    if (!iv->awake)
        return ZWH__IV_WAIT;
    if (iv->outstanding) {
        if (now < iv->deadline)
            return ZWH__IV_WAIT;
        give_up_or_retry(iv); /* timed out */
    }
    if (iv->reissue)
        return issue(iv, now, req);
    while (iv->step < ZWH_INTERVIEW_STEP_COUNT) {
        const step_t *s = &steps[iv->step];
        if (step_applies(iv, s, iv->ep) && s->build(iv, &iv->req))
            return issue(iv, now, req);
        uint8_t e = s->per_endpoint ? next_endpoint(iv, s) : 0;
        if (e) {
            iv->ep = e;
        } else {
            iv->step++;
            iv->ep = 0;
        }
        position_reset(iv);
    }
    return ZWH__IV_DONE;
}

void zwh__interview_sent(zwh__interview_t *iv, uint64_t now)
{
    if (!iv || !iv->outstanding)
        return;
    if (iv->req.expect.cc == 0)
        complete(iv, NULL, 0);
    else
        iv->deadline = now + iv->req.timeout_ms;
}

static bool answers(const zwh__iv_request_t *req, uint8_t endpoint, const uint8_t *cmd, size_t len)
{
    const zwh__iv_match_t *m = &req->expect;
    if (m->cc == 0 || endpoint != req->endpoint || len < 2 || cmd[0] != m->cc || cmd[1] != m->cmd)
        return false;
    if (len < (size_t)m->off + m->key_len)
        return false;
    for (size_t i = 0; i < m->key_len; i++)
        if ((cmd[m->off + i] & m->mask[i]) != m->key[i])
            return false;
    return true;
}

int zwh__interview_report(zwh__interview_t *iv, uint8_t endpoint, const uint8_t *cmd, size_t len, uint64_t now)
{
    if (!iv || !cmd)
        return ZWH_EINVAL;
    /* Every expected answer is a report the facts keep: one they cannot take
     * (malformed, bad end point) answers nothing and the request times out. */
    int rc = zwh__facts_absorb(iv->facts, endpoint, cmd, len);
    if (rc == 0 || rc == ZWH_EINVAL || !iv->outstanding || !answers(&iv->req, endpoint, cmd, len))
        return ZWH__IV_IGNORED;
    uint8_t mo = iv->req.expect.more_off;
    if (mo && len > mo && cmd[mo] != 0) {
        iv->deadline = now + iv->req.timeout_ms;
        return ZWH__IV_PARTIAL;
    }
    complete(iv, cmd, len);
    return ZWH__IV_ANSWERED;
}

void zwh__interview_failed(zwh__interview_t *iv, int err, uint64_t now)
{
    (void)err;
    (void)now;
    if (iv && iv->outstanding)
        give_up_or_retry(iv);
}

void zwh__interview_node_awake(zwh__interview_t *iv, bool awake)
{
    if (!iv)
        return;
    iv->awake = awake || !iv->cfg.sleeping;
    if (!iv->awake && iv->outstanding) {
        /* the node fell asleep: ask again at the next wake-up, no retry spent */
        iv->outstanding = false;
        iv->reissue = true;
        iv->deadline = UINT64_MAX;
    }
}

uint64_t zwh__interview_deadline(const zwh__interview_t *iv)
{
    return iv && iv->outstanding ? iv->deadline : UINT64_MAX;
}

int zwh__interview_progress(const zwh__interview_t *iv, const char **name, int *index, int *total)
{
    if (!iv)
        return ZWH_EINVAL;
    if (name)
        *name = iv->step < ZWH_INTERVIEW_STEP_COUNT ? step_names[iv->step] : "done";
    if (index)
        *index = iv->step;
    if (total)
        *total = ZWH_INTERVIEW_STEP_COUNT;
    return 0;
}

bool zwh__interview_done(const zwh__interview_t *iv)
{
    return iv && iv->step >= ZWH_INTERVIEW_STEP_COUNT;
}

uint32_t zwh__interview_unknown_steps(const zwh__interview_t *iv)
{
    return iv ? iv->unknown_steps : 0;
}
