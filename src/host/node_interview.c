/* The host side of the interview: each node owns its facts (node_facts.c)
 * and, while one runs, an interview machine (interview.c). This file feeds the
 * machine's requests into the send pipeline as background transactions under
 * the class it names, hands every received command to it, drives its
 * deadline from the pipeline's timer, follows sleeping nodes' wake-ups, and
 * when it finishes marks the node interviewed (persisted) and emits
 * ZWH_EVENT_NODE_READY. A restart with a state file replays the saved
 * interview cache into the facts instead of interviewing again. */
#include <stdlib.h>
#include <string.h>
#include "host/host_internal.h"
#include "host/interview.h"
#include "host/node_facts.h"
#include "host/state.h"
#include "zwhost/error.h"

struct zwh__node_iv {
    zwh__interview_t iv;
    uint16_t gen;   /* matches the user cookie of its requests */
    bool in_flight; /* a request is with the send pipeline (its callback not yet run) */
    int last_step;
};

static zwh__facts_t *facts_of(zwh__node_t *n)
{
    if (!n->facts) {
        n->facts = calloc(1, sizeof *n->facts);
        if (n->facts)
            zwh__facts_init(n->facts);
    }
    return n->facts;
}

/* The secure CC list learned from S2/S0 Commands Supported drives the policy. */
static void sync_secure_list(zwh__node_t *n)
{
    if (!n->facts)
        return;
    const zwh__ep_facts_t *ep = zwh__facts_ep(n->facts, 0);
    if (!ep || !ep->secure_known)
        return;
    size_t k = ep->secure.n < sizeof n->sec_ccs ? ep->secure.n : sizeof n->sec_ccs;
    memcpy(n->sec_ccs, ep->secure.cc, k);
    n->sec_ccs_len = (uint8_t)k;
    n->sec_ccs_known = true;
}

static void pump(zwh_host_t *h, uint16_t node);

static void finish(zwh_host_t *h, zwh__node_t *n)
{
    uint32_t unknown = zwh__interview_unknown_steps(&n->iv->iv);
    free(n->iv);
    n->iv = NULL;
    n->persist_flags |= ZWH__STATE_NODE_INTERVIEWED | ZWH__STATE_NODE_INTERVIEW_COMPLETE;
    sync_secure_list(n);
    ZWH_LOGI(&h->log, "node %u: interview done%s", n->info.node_id, unknown ? " (some steps unknown)" : "");
    zwh__persist_touch(h); /* before the event: the application may close the host in it */
    zwh_event_t ev = {.type = ZWH_EVENT_NODE_READY, .node_id = n->info.node_id, .value = unknown, .rssi = 127,
                      .secclass = zwh__secure_highest(n->granted)};
    zwh__host_emit_event(h, &ev);
    zwh__tx_schedule(h); /* a sleeping node may go back to sleep now */
}

#define COOKIE(node, gen) ((void *)(uintptr_t)((uint32_t)(gen) << 16 | (node)))

static void on_sent(zwh_host_t *h, const zwh_result_t *res, void *user)
{
    uintptr_t c = (uintptr_t)user;
    uint16_t node = (uint16_t)(c & 0xFFFFu);
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n || !n->iv || n->iv->gen != (uint16_t)(c >> 16))
        return; /* the interview it belonged to was restarted or ended */
    n->iv->in_flight = false;
    int st = zwh_result_get_status(res);
    uint64_t now = zwh__host_now(h);
    if (st == ZWH_ECANCELED)
        return;
    if (st == 0)
        zwh__interview_sent(&n->iv->iv, now);
    else
        zwh__interview_failed(&n->iv->iv, st, now);
    pump(h, node);
}

static void pump(zwh_host_t *h, uint16_t node)
{
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n || !n->iv || n->iv->in_flight || h->state != ZWH_HOST_READY)
        return;
    zwh__iv_request_t req;
    int rc = zwh__interview_next(&n->iv->iv, zwh__host_now(h), &req);
    if (rc == ZWH__IV_DONE) {
        finish(h, n);
        return;
    }
    if (rc != ZWH__IV_REQUEST) {
        zwh__tx_arm(h); /* its deadline */
        return;
    }
    const char *name = NULL;
    int index = 0, total = 0;
    zwh__interview_progress(&n->iv->iv, &name, &index, &total);
    if (req.step != n->iv->last_step) {
        n->iv->last_step = req.step;
        zwh_event_t ev = {.type = ZWH_EVENT_INTERVIEW, .node_id = node, .message = name, .index = index,
                          .total = total, .rssi = 127, .secclass = req.secclass};
        zwh__host_emit_event(h, &ev);
    }
    zwh_send_opts_t o;
    zwh_send_opts_init(&o);
    o.endpoint = req.endpoint;
    o.flags = ZWH_SEND_BACKGROUND | ZWH_SEND_NO_SUPERVISION;
    o.secclass = (int8_t)req.secclass;
    o.timeout_ms = req.timeout_ms;
    rc = zwh__tx_submit(h, node, req.cmd, req.len, &o, 0, on_sent, COOKIE(node, n->iv->gen), NULL);
    if (rc < 0) {
        zwh__interview_failed(&n->iv->iv, rc, zwh__host_now(h));
        zwh__tx_arm(h);
        return;
    }
    n->iv->in_flight = true;
}

int zwh__iv_start(zwh_host_t *h, uint16_t node)
{
    zwh__node_t *n = zwh__host_node(h, node);
    if (!n || node == h->info.node_id)
        return ZWH_ENONODE;
    zwh__facts_t *f = facts_of(n);
    if (!f)
        return ZWH_ENOMEM;
    if (n->iv)
        return ZWH_EALREADY;
    /* a fresh interview starts from the NIF alone */
    zwh__facts_free(f);
    zwh__facts_init(f);
    int rc = zwh__facts_set_nif(f, n->info.generic, n->info.specific, n->ccs, n->ccs_len);
    if (rc < 0)
        return rc;
    n->iv = calloc(1, sizeof *n->iv);
    if (!n->iv)
        return ZWH_ENOMEM;
    zwh__iv_config_t cfg;
    memset(&cfg, 0, sizeof cfg);
    cfg.node_id = node;
    cfg.controller_id = h->info.node_id;
    cfg.granted = (uint8_t)(n->granted & 0xFFu);
    cfg.listening = n->info.listening;
    cfg.flirs = n->info.flirs_ms != 0;
    cfg.sleeping = n->info.sleeping;
    cfg.awake = n->awake;
    if ((rc = zwh__interview_init(&n->iv->iv, &cfg, f)) < 0) {
        free(n->iv);
        n->iv = NULL;
        return rc;
    }
    n->iv->last_step = -1;
    n->iv->gen = ++n->iv_gen;
    n->persist_flags &= ~(uint32_t)(ZWH__STATE_NODE_INTERVIEWED | ZWH__STATE_NODE_INTERVIEW_COMPLETE);
    ZWH_LOGI(&h->log, "node %u: interview starts", node);
    pump(h, node);
    return 0;
}

void zwh__iv_on_command(zwh_host_t *h, uint16_t src, uint8_t endpoint, int secclass, const uint8_t *cmd, size_t len)
{
    (void)secclass;
    zwh__node_t *n = zwh__host_node(h, src);
    if (!n || !n->iv)
        return;
    int r = zwh__interview_report(&n->iv->iv, endpoint, cmd, len, zwh__host_now(h));
    sync_secure_list(n);
    if (r == ZWH__IV_ANSWERED || r == ZWH__IV_PARTIAL)
        pump(h, src);
}

void zwh__iv_on_wakeup(zwh_host_t *h, zwh__node_t *n, bool awake)
{
    if (!n->iv)
        return;
    zwh__interview_node_awake(&n->iv->iv, awake);
    if (awake)
        pump(h, n->info.node_id);
}

bool zwh__iv_active(const zwh__node_t *n)
{
    return n->iv != NULL;
}

uint64_t zwh__iv_deadline(const zwh_host_t *h)
{
    uint64_t d = UINT64_MAX;
    for (size_t i = 0; i < h->node_count; i++) {
        const zwh__node_t *n = &h->nodes[i];
        if (n->iv && !n->iv->in_flight) {
            uint64_t t = zwh__interview_deadline(&n->iv->iv);
            if (t < d)
                d = t;
        }
    }
    return d;
}

void zwh__iv_tick(zwh_host_t *h, uint64_t now)
{
    for (size_t i = 0; i < h->node_count; i++) {
        zwh__node_t *n = &h->nodes[i];
        if (n->iv && !n->iv->in_flight && zwh__interview_deadline(&n->iv->iv) <= now)
            pump(h, n->info.node_id); /* next() applies the timeout: retry or give up */
    }
}

/* After start-up: interview every node that has its NIF and no complete interview. */
void zwh__iv_resume_all(zwh_host_t *h)
{
    for (size_t i = 0; i < h->node_count; i++) {
        zwh__node_t *n = &h->nodes[i];
        if (n->info.node_id == h->info.node_id || n->iv || !n->ccs_len)
            continue;
        if (n->persist_flags & ZWH__STATE_NODE_INTERVIEW_COMPLETE) {
            sync_secure_list(n);
            continue;
        }
        (void)zwh__iv_start(h, n->info.node_id);
    }
}

void zwh__iv_node_info(zwh_host_t *h, zwh__node_t *n)
{
    if (n->facts)
        (void)zwh__facts_set_nif(n->facts, n->info.generic, n->info.specific, n->ccs, n->ccs_len);
    if (h->state == ZWH_HOST_READY && !n->iv && !(n->persist_flags & ZWH__STATE_NODE_INTERVIEW_COMPLETE) &&
        n->info.node_id != h->info.node_id && !zwh__incl_busy_with(h, n->info.node_id))
        (void)zwh__iv_start(h, n->info.node_id);
}

const uint8_t *zwh__host_node_cache(const zwh_host_t *h, const zwh__node_t *n, size_t *len)
{
    (void)h;
    *len = n->facts ? n->facts->cache_len : 0;
    return n->facts ? n->facts->cache : NULL;
}

void zwh__host_node_load_cache(zwh_host_t *h, zwh__node_t *n, const uint8_t *cache, size_t len)
{
    zwh__facts_t *f = facts_of(n);
    if (!f || !len)
        return;
    zwh__facts_free(f);
    zwh__facts_init(f);
    int rc = zwh__facts_load_cache(f, cache, len);
    if (rc < 0) {
        ZWH_LOGW(&h->log, "node %u: saved interview results damaged (%s): interviewing again", n->info.node_id,
                 zwh_err_name(rc));
        n->persist_flags &= ~(uint32_t)ZWH__STATE_NODE_INTERVIEW_COMPLETE;
        return;
    }
    sync_secure_list(n);
}

void zwh__iv_free_node(zwh__node_t *n)
{
    free(n->iv);
    n->iv = NULL;
    if (n->facts) {
        zwh__facts_free(n->facts);
        free(n->facts);
        n->facts = NULL;
    }
}

ZWH_EXTERN int zwh_host_interview(zwh_host_t *host, uint16_t node_id)
{
    if (!host)
        return ZWH_EINVAL;
    if (host->state != ZWH_HOST_READY)
        return ZWH_ENOTCONN;
    zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    if (n->iv) {
        free(n->iv); /* a running interview starts over; its request's callback finds no machine */
        n->iv = NULL;
    }
    return zwh__iv_start(host, node_id);
}
