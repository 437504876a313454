/* SmartStart: the provisioning list (DSK, classes to grant, status, name) and
 * the automatic inclusion of listed devices (zwhost/smartstart.h).
 *
 * The list is a zwh__state_t of which only the provisioning part is used, so
 * the state model's rules and codec apply as they are; persist.c copies it in
 * and out of the saved state.
 *
 * Flow (SERIALAPI-REFERENCE 4.13): while the host is ready, no network
 * operation runs and an entry is pending, the stick listens for SmartStart
 * prime frames (AddNode 09|NWI, callback id 0). A prime frame is reported as
 * ApplicationUpdate 85 (87 for Long Range) with the device's NWI home id; when
 * it is a pending entry's, inclusion.c runs AddNode 08 with the NWI and auth
 * home ids, then the S2 bootstrap with the entry's classes granted and the
 * DSK verified against the entry. Every network operation ends the listening
 * on the stick, so it is switched on again whenever one ends. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "host/state.h"
#include "zwhost/error.h"
#include "zwhost/security.h"
#include "zwhost/smartstart.h"

#define MODE_SMARTSTART_INCLUDE 0x08
#define MODE_OPT_NORMAL_POWER 0x80
#define MODE_OPT_NWI 0x40
#define MODE_OPT_LONG_RANGE 0x20

struct zwh__ss {
    zwh__state_t *list;        /* provisioning entries, insertion order */
    zwh__request_t listen_req; /* AddNode 09 */
    bool listen_busy;
    bool including;            /* an inclusion of dsk runs */
    uint8_t dsk[ZWH_DSK_LEN];
};

static zwh__ss_t *ss_get(zwh_host_t *h)
{
    if (h->ss)
        return h->ss;
    zwh__ss_t *ss = calloc(1, sizeof *ss);
    if (!ss)
        return NULL;
    if (zwh__state_new(&ss->list) != 0) {
        free(ss);
        return NULL;
    }
    h->ss = ss;
    return ss;
}

void zwh__ss_free(zwh_host_t *h)
{
    if (!h->ss)
        return;
    zwh__state_free(h->ss->list);
    free(h->ss);
    h->ss = NULL;
}

static bool has_pending(const zwh__ss_t *ss)
{
    for (size_t i = 0; i < zwh__state_prov_count(ss->list); i++)
        if (zwh__state_prov_at(ss->list, i)->status == ZWH__PROV_PENDING)
            return true;
    return false;
}

/* ---- listening ---- */

static void listen_done(zwh__request_t *req, int status, void *user)
{
    (void)req;
    zwh_host_t *h = user;
    if (!h->ss)
        return;
    h->ss->listen_busy = false;
    if (status != 0 && status != ZWH_ECANCELED)
        ZWH_LOGW(&h->log, "SmartStart: listen mode not enabled: %s", zwh_err_name(status));
}

void zwh__ss_kick(zwh_host_t *h)
{
    zwh__ss_t *ss = h->ss;
    if (!ss || h->state != ZWH_HOST_READY || ss->listen_busy || ss->including || !zwh__incl_idle(h) ||
        !has_pending(ss))
        return;
    int rc = zwh__api_req_smartstart_listen(&ss->listen_req, listen_done, h);
    if (rc == 0)
        rc = zwh__serial_submit(&h->serial, &ss->listen_req);
    if (rc != 0) {
        ZWH_LOGW(&h->log, "SmartStart: listen mode not requested: %s", zwh_err_name(rc));
        return;
    }
    ss->listen_busy = true;
    ZWH_LOGD(&h->log, "SmartStart: listening");
}

/* ---- announcements and inclusion ---- */

static void put_be32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}

static zwh__state_prov_t *find_nwi(const zwh__ss_t *ss, uint32_t nwi)
{
    for (size_t i = 0; i < zwh__state_prov_count(ss->list); i++) {
        zwh__state_prov_t *p = zwh__state_prov_at(ss->list, i);
        uint32_t id;
        if (p->status == ZWH__PROV_PENDING && zwh_dsk_nwi_home_id_get(p->dsk, &id) == 0 && id == nwi)
            return p;
    }
    return NULL;
}

void zwh__ss_on_update(zwh_host_t *h, const zwh__api_update_t *u)
{
    if (u->status != ZWH__UPDATE_SMARTSTART_PRIME && u->status != ZWH__UPDATE_SMARTSTART_PRIME_LR)
        return;
    uint32_t nwi = ((uint32_t)u->nwi_home_id[0] << 24) | ((uint32_t)u->nwi_home_id[1] << 16) |
                   ((uint32_t)u->nwi_home_id[2] << 8) | u->nwi_home_id[3];
    zwh__ss_t *ss = h->ss;
    zwh__state_prov_t *p = ss && h->state == ZWH_HOST_READY ? find_nwi(ss, nwi) : NULL;
    if (!p) {
        ZWH_LOGD(&h->log, "SmartStart: device %08x is not a pending provisioning entry: ignored", nwi);
        return;
    }
    if (ss->including || !zwh__incl_idle(h)) {
        ZWH_LOGD(&h->log, "SmartStart: device %08x announced while busy (it announces again)", nwi);
        return;
    }
    uint8_t ids[8];
    uint32_t auth = 0;
    (void)zwh_dsk_auth_home_id_get(p->dsk, &auth);
    put_be32(ids, nwi);
    put_be32(ids + 4, auth);
    bool lr = u->status == ZWH__UPDATE_SMARTSTART_PRIME_LR;
    uint8_t mode = MODE_SMARTSTART_INCLUDE | MODE_OPT_NORMAL_POWER | MODE_OPT_NWI | (lr ? MODE_OPT_LONG_RANGE : 0);
    int rc = zwh__incl_add_smartstart(h, mode, ids, p->dsk, p->requested);
    if (rc != 0) {
        ZWH_LOGW(&h->log, "SmartStart: inclusion of %08x not started: %s", nwi, zwh_err_name(rc));
        return;
    }
    ss->including = true;
    memcpy(ss->dsk, p->dsk, sizeof ss->dsk);
    ZWH_LOGI(&h->log, "SmartStart: including provisioned device %08x%s", nwi, lr ? " (Long Range)" : "");
}

void zwh__ss_include_ended(zwh_host_t *h, int status, uint16_t node, bool dsk_ok)
{
    zwh__ss_t *ss = h->ss;
    if (!ss || !ss->including)
        return;
    ss->including = false;
    if ((status != 0 && status != ZWH_EKEX_FAIL) || !node)
        return; /* the entry stays pending: the device announces itself again */
    if (!dsk_ok) {
        /* another device with the same home ids joined (non-securely): the entry
         * still waits for its own device */
        ZWH_LOGW(&h->log, "SmartStart: node %u is not the provisioned device (DSK mismatch)", node);
        return;
    }
    zwh__state_prov_t *stale = zwh__state_prov_find_node(ss->list, node);
    if (stale) {
        stale->status = ZWH__PROV_PASSIVE;
        stale->node_id = 0;
    }
    zwh__state_prov_t *p = zwh__state_prov_find(ss->list, ss->dsk);
    if (p) {
        p->status = ZWH__PROV_INCLUDED;
        p->node_id = node;
    }
    zwh__persist_touch(h);
}

void zwh__ss_node_removed(zwh_host_t *h, uint16_t node)
{
    zwh__state_prov_t *p = h->ss ? zwh__state_prov_find_node(h->ss->list, node) : NULL;
    if (!p)
        return;
    p->status = ZWH__PROV_PASSIVE;
    p->node_id = 0;
    zwh__persist_touch(h);
}

/* ---- persistence ---- */

static int copy_entry(zwh__state_t *dst, const zwh__state_prov_t *src)
{
    zwh__state_prov_t *p = NULL;
    int rc = zwh__state_prov_add(dst, src->dsk, &p);
    if (rc != 0 && rc != ZWH_EEXIST)
        return rc;
    p->requested = src->requested;
    p->status = src->status;
    p->protocol = src->protocol;
    p->node_id = src->node_id;
    return zwh__state_prov_set_name(p, src->name);
}

int zwh__ss_save(const zwh_host_t *h, struct zwh__state *st)
{
    int rc = 0;
    for (size_t i = 0; h->ss && rc == 0 && i < zwh__state_prov_count(h->ss->list); i++)
        rc = copy_entry(st, zwh__state_prov_at(h->ss->list, i));
    return rc;
}

void zwh__ss_load(zwh_host_t *h, const struct zwh__state *st)
{
    size_t n = zwh__state_prov_count(st);
    zwh__ss_t *ss = n ? ss_get(h) : NULL;
    for (size_t i = 0; ss && i < n; i++) {
        const zwh__state_prov_t *src = zwh__state_prov_at(st, i);
        zwh__state_prov_t *clash = src->node_id ? zwh__state_prov_find_node(ss->list, src->node_id) : NULL;
        if (clash && memcmp(clash->dsk, src->dsk, ZWH_DSK_LEN) != 0) {
            clash->status = ZWH__PROV_PASSIVE;
            clash->node_id = 0;
        }
        if (copy_entry(ss->list, src) != 0)
            ZWH_LOGW(&h->log, "SmartStart: provisioning entry %zu not restored", i + 1);
    }
    if (n)
        ZWH_LOGI(&h->log, "SmartStart: %zu provisioning entries restored", n);
}

/* ---- API ---- */

static uint32_t keys_to_classes(uint8_t keys)
{
    uint32_t c = 0;
    if (keys & ZWH_KEY_S2_UNAUTHENTICATED)
        c |= 1u << ZWH_SECCLASS_S2_UNAUTHENTICATED;
    if (keys & ZWH_KEY_S2_AUTHENTICATED)
        c |= 1u << ZWH_SECCLASS_S2_AUTHENTICATED;
    if (keys & ZWH_KEY_S2_ACCESS_CONTROL)
        c |= 1u << ZWH_SECCLASS_S2_ACCESS_CONTROL;
    if (keys & ZWH_KEY_S0)
        c |= 1u << ZWH_SECCLASS_S0;
    return c;
}

ZWH_EXTERN int zwh_host_provision_add(zwh_host_t *host, const uint8_t *dsk, uint32_t classes, const char *name)
{
    if (!host || !dsk || host->state == ZWH_HOST_CLOSING || (classes & ~(uint32_t)ZWH__STATE_SECCLASS_MASK) ||
        (name && strlen(name) >= ZWH_PROVISION_NAME_SIZE))
        return ZWH_EINVAL;
    zwh__ss_t *ss = ss_get(host);
    if (!ss)
        return ZWH_ENOMEM;
    zwh__state_prov_t *p = NULL;
    int rc = zwh__state_prov_add(ss->list, dsk, &p);
    if (rc != 0)
        return rc;
    p->requested = (uint8_t)classes;
    p->status = ZWH__PROV_PENDING;
    rc = zwh__state_prov_set_name(p, name);
    if (rc != 0) {
        (void)zwh__state_prov_remove(ss->list, dsk);
        return rc;
    }
    zwh__persist_touch(host);
    zwh__ss_kick(host);
    return 0;
}

ZWH_EXTERN int zwh_host_provision_add_qr(zwh_host_t *host, const char *qr_text, const char *name,
                                         const char **reason)
{
    if (!host || !qr_text)
        return ZWH_EINVAL;
    zwh_qr_info_t qr;
    int rc = zwh_qr_decode(qr_text, &qr, reason);
    if (rc != 0)
        return rc;
    return zwh_host_provision_add(host, qr.dsk, keys_to_classes(qr.requested_keys), name);
}

ZWH_EXTERN int zwh_host_provision_remove(zwh_host_t *host, const uint8_t *dsk)
{
    if (!host || !dsk)
        return ZWH_EINVAL;
    if (!host->ss || zwh__state_prov_remove(host->ss->list, dsk) != 0)
        return ZWH_ENOENT;
    zwh__persist_touch(host);
    return 0;
}

ZWH_EXTERN int zwh_host_provision_set_status(zwh_host_t *host, const uint8_t *dsk, uint8_t status)
{
    if (!host || !dsk || (status != ZWH_PROVISION_PENDING && status != ZWH_PROVISION_PASSIVE &&
                          status != ZWH_PROVISION_IGNORED))
        return ZWH_EINVAL;
    zwh__state_prov_t *p = host->ss ? zwh__state_prov_find(host->ss->list, dsk) : NULL;
    if (!p)
        return ZWH_ENOENT;
    if (p->status == ZWH__PROV_INCLUDED)
        return ZWH_EINVAL;
    p->status = status;
    zwh__persist_touch(host);
    zwh__ss_kick(host);
    return 0;
}

ZWH_EXTERN int zwh_host_provision_count(const zwh_host_t *host)
{
    if (!host)
        return ZWH_EINVAL;
    return host->ss ? (int)zwh__state_prov_count(host->ss->list) : 0;
}

ZWH_EXTERN int zwh_host_provision_get(const zwh_host_t *host, int index, zwh_provision_entry_t *out)
{
    if (!host || !out || index < 0)
        return ZWH_EINVAL;
    const zwh__state_prov_t *p = host->ss ? zwh__state_prov_at(host->ss->list, (size_t)index) : NULL;
    if (!p)
        return ZWH_ENOENT;
    memset(out, 0, sizeof *out);
    memcpy(out->dsk, p->dsk, sizeof out->dsk);
    out->classes = p->requested;
    out->status = p->status;
    out->node_id = p->node_id;
    if (p->name) {
        size_t k = strlen(p->name);
        if (k >= sizeof out->name)
            k = sizeof out->name - 1; /* a longer name from another writer of the state file */
        memcpy(out->name, p->name, k);
    }
    return 0;
}
