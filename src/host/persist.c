/* Persistence of the host: what survives a restart (node table, granted
 * classes, security bootstrap outcome, S2 sequence numbers, interview results)
 * goes through src/host/state.c's model and codec to the configured storage
 * (the state file, or the application's callbacks).
 *
 * Load: once start-up has read the stick's node list, the saved state is
 * applied to the nodes the stick still has, but only when the home id and the
 * controller's node id match (a state of another network is ignored, with a
 * warning, and replaced at the next save).
 * Save: a change marks the state dirty; a short timer coalesces bursts (an
 * inclusion changes several things) into one atomic write, and close writes
 * what is still pending. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "host/state.h"
#include "host/storage.h"
#include "zwhost/error.h"
#include "zwhost/storage.h"

#define SAVE_DELAY_MS 200
#define S2_SEQ_MARGIN 8 /* after a restart, skip ahead of the last saved sequence number */

static void fill_node(const zwh_host_t *h, const zwh__node_t *n, zwh__state_node_t *sn)
{
    zwh__state_node_set_info(sn, &n->info);
    sn->granted = (uint8_t)(n->granted & ZWH__STATE_SECCLASS_MASK);
    sn->sec_flags = n->bootstrap_failed ? ZWH__STATE_SEC_BOOTSTRAP_FAILED : 0;
    sn->flags = 0;
    if (n->info.sleeping)
        sn->flags |= ZWH__STATE_NODE_SLEEPING;
    if (n->info.flirs_ms)
        sn->flags |= ZWH__STATE_NODE_FLIRS;
    if (n->dead)
        sn->flags |= ZWH__STATE_NODE_DEAD;
    sn->flags |= n->persist_flags & (ZWH__STATE_NODE_INTERVIEWED | ZWH__STATE_NODE_INTERVIEW_COMPLETE |
                                     ZWH__STATE_NODE_LIFELINE);
    (void)zwh__state_node_set_ccs(sn, n->ccs, n->ccs_len);
    size_t cache_len = 0;
    const uint8_t *cache = zwh__host_node_cache(h, n, &cache_len);
    (void)zwh__state_node_set_cache(sn, cache, cache_len);
    uint8_t seq = 0;
    if (h->s2 && n->granted && zwh__s2_get_tx_seq(h->s2, n->info.node_id, &seq) == 0)
        zwh__state_node_set_s2_tx_seq(sn, seq);
}

int zwh__persist_save_now(zwh_host_t *h)
{
    if (!zwh__storage_enabled(&h->storage) || h->info.home_id == 0)
        return 0;
    zwh__state_t *st = NULL;
    if (zwh__state_new(&st) != 0)
        return ZWH_ENOMEM;
    zwh__state_set_controller(st, h->info.home_id, h->info.node_id);
    int rc = 0;
    for (size_t i = 0; i < h->node_count && rc == 0; i++) {
        const zwh__node_t *n = &h->nodes[i];
        if (n->info.node_id == h->info.node_id)
            continue;
        zwh__state_node_t *sn = NULL;
        rc = zwh__state_node_add(st, n->info.node_id, &sn);
        if (rc == 0)
            fill_node(h, n, sn);
    }
    if (rc == 0)
        rc = zwh__ss_save(h, st);
    char err[256] = "";
    if (rc == 0)
        rc = zwh__storage_save(&h->storage, st, err, sizeof err);
    zwh__state_free(st);
    if (rc != 0) {
        ZWH_LOGE(&h->log, "state not saved: %s", err[0] ? err : zwh_strerror(rc));
        return rc;
    }
    h->state_dirty = false;
    ZWH_LOGD(&h->log, "state saved (%zu nodes)", h->node_count);
    return 0;
}

static void on_save_timer(uv_timer_t *t)
{
    zwh_host_t *h = t->data;
    if (h->state_dirty)
        (void)zwh__persist_save_now(h);
}

void zwh__persist_touch(zwh_host_t *h)
{
    h->state_dirty = true;
    if (h->persist_timer.data && h->state != ZWH_HOST_CLOSING && zwh__storage_enabled(&h->storage))
        uv_timer_start(&h->persist_timer, on_save_timer, SAVE_DELAY_MS, 0);
}

void zwh__persist_load(zwh_host_t *h)
{
    if (!zwh__storage_enabled(&h->storage))
        return;
    zwh__state_t *st = NULL;
    char err[256] = "";
    int rc = zwh__storage_load(&h->storage, &st, err, sizeof err);
    if (rc < 0) {
        ZWH_LOGE(&h->log, "state not loaded: %s", err[0] ? err : zwh_strerror(rc));
        zwh__host_emit(h, ZWH_EVENT_ERROR, rc, err[0] ? err : "state not loaded", 0);
        return;
    }
    uint32_t home = 0;
    uint16_t own = 0;
    zwh__state_get_controller(st, &home, &own);
    if (rc == 0 && (home != h->info.home_id || own != h->info.node_id)) {
        ZWH_LOGW(&h->log, "state belongs to home id %08x node %u, not this stick (%08x node %u): ignored", home, own,
                 h->info.home_id, h->info.node_id);
        zwh__state_free(st);
        h->state_dirty = true; /* replace it at the next save */
        return;
    }
    size_t restored = 0;
    for (size_t i = 0; i < zwh__state_node_count(st); i++) {
        const zwh__state_node_t *sn = zwh__state_node_at(st, i);
        zwh__node_t *n = zwh__host_node(h, sn->info.node_id);
        if (!n)
            continue; /* the stick no longer has it (excluded elsewhere) */
        if (!n->ccs_len && sn->ccs_len) {
            size_t k = sn->ccs_len < sizeof n->ccs ? sn->ccs_len : sizeof n->ccs;
            memcpy(n->ccs, sn->ccs, k);
            n->ccs_len = (uint8_t)k;
        }
        n->bootstrap_failed = (sn->sec_flags & ZWH__STATE_SEC_BOOTSTRAP_FAILED) != 0;
        n->persist_flags = sn->flags;
        zwh__secure_set_granted(h, n->info.node_id, sn->granted);
        if (sn->s2_seq_valid && h->s2)
            (void)zwh__s2_set_tx_seq(h->s2, n->info.node_id, (uint8_t)(sn->s2_tx_seq + S2_SEQ_MARGIN));
        zwh__host_node_load_cache(h, n, sn->cache, sn->cache_len);
        restored++;
    }
    zwh__ss_load(h, st);
    zwh__state_free(st);
    ZWH_LOGI(&h->log, "state loaded: %zu nodes restored", restored);
}

int zwh__persist_init(zwh_host_t *h)
{
    uv_timer_init(h->loop, &h->persist_timer);
    h->persist_timer.data = h;
    return 0;
}

void zwh__persist_close(zwh_host_t *h, uv_close_cb cb)
{
    /* always at close: the S2 sequence numbers moved with every frame sent, and
     * a restart must not reuse them */
    if (h->state_dirty || h->s2)
        (void)zwh__persist_save_now(h);
    if (h->persist_timer.data) {
        h->pending_closes++;
        uv_close((uv_handle_t *)&h->persist_timer, cb);
    }
}

ZWH_EXTERN int zwh_host_set_state_file(zwh_host_t *host, const char *path)
{
    if (!host || host->state != ZWH_HOST_IDLE)
        return ZWH_EINVAL;
    return zwh__storage_set_file(&host->storage, path);
}

ZWH_EXTERN int zwh_host_set_storage(zwh_host_t *host, zwh_storage_load_cb load, zwh_storage_save_cb save,
                                    zwh_storage_free_cb release, void *user)
{
    if (!host || host->state != ZWH_HOST_IDLE)
        return ZWH_EINVAL;
    return zwh__storage_set_callbacks(&host->storage, load, save, release, user);
}

ZWH_EXTERN int zwh_host_save_state(zwh_host_t *host)
{
    if (!host)
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    return zwh__persist_save_now(host);
}
