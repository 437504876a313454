/* Supervision session bookkeeping, both roles. */
#include "encap/supervision.h"

#include <string.h>
#include "cc/codec.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/error.h"

void zwh__sup_config_default(zwh__sup_config_t *cfg)
{
    memset(cfg, 0, sizeof *cfg);
    cfg->report_timeout_ms = 5000;
    cfg->duration_slack_ms = 2000;
    cfg->unknown_duration_ms = 30000;
    cfg->duplicate_window_ms = 10000;
}

void zwh__sup_init(zwh__sup_t *s, const zwh__sup_config_t *cfg)
{
    memset(s, 0, sizeof *s);
    if (cfg)
        s->cfg = *cfg;
    else
        zwh__sup_config_default(&s->cfg);
    zwh__sids_init(&s->ids, ZWH_SUPERVISION_MAX_SESSION, s->cfg.seed);
}

/* ---- sending side ---- */

static zwh__sup_tx_entry_t *tx_find(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t sid)
{
    for (size_t i = 0; i < ZWH__SUP_MAX_TX; i++) {
        zwh__sup_tx_entry_t *e = &s->tx[i];
        if (e->used && e->node == node && e->endpoint == endpoint && e->session_id == sid)
            return e;
    }
    return NULL;
}

static zwh__sup_tx_entry_t *tx_free(zwh__sup_t *s)
{
    for (size_t i = 0; i < ZWH__SUP_MAX_TX; i++)
        if (!s->tx[i].used)
            return &s->tx[i];
    return NULL;
}

int zwh__sup_tx_begin(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *cmd, size_t cmd_len,
                      bool status_updates, uint32_t tag, uint64_t now_ms, uint8_t *out, size_t cap,
                      uint8_t *session_id)
{
    if (!s)
        return ZWH_EINVAL;
    zwh__sup_tx_entry_t *e = tx_free(s);
    if (!e) {
        s->stats.table_full++;
        return ZWH_ENOSPC;
    }
    /* next id for the peer, skipping one still outstanding (at most MAX_TX are) */
    uint8_t sid = zwh__sids_next(&s->ids, node, endpoint);
    while (tx_find(s, node, endpoint, sid))
        sid = zwh__sids_next(&s->ids, node, endpoint);
    zwh_supervision_get_t g = {.status_updates = status_updates ? 1 : 0, .session_id = sid};
    int n = zwh_supervision_get_encode(&g, cmd, cmd_len, out, cap);
    if (n < 0)
        return n;
    memset(e, 0, sizeof *e);
    e->used = 1;
    e->node = node;
    e->endpoint = endpoint;
    e->session_id = sid;
    e->status_updates = g.status_updates;
    e->last_status = ZWH__SUP_STATUS_NONE;
    e->tag = tag;
    e->deadline = now_ms + s->cfg.report_timeout_ms;
    s->stats.gets_sent++;
    if (session_id)
        *session_id = sid;
    return n;
}

static uint64_t working_ms(const zwh__sup_config_t *cfg, uint8_t duration)
{
    long secs = zwh__cc_duration_seconds(duration);
    uint64_t ms = secs < 0 ? cfg->unknown_duration_ms : (uint64_t)secs * 1000u;
    return ms + cfg->duration_slack_ms;
}

static void fill_event(zwh__sup_event_t *ev, int type, const zwh__sup_tx_entry_t *e)
{
    memset(ev, 0, sizeof *ev);
    ev->type = type;
    ev->node = e->node;
    ev->endpoint = e->endpoint;
    ev->session_id = e->session_id;
    ev->status = e->last_status;
    ev->duration = e->last_duration;
    ev->tag = e->tag;
}

int zwh__sup_tx_report(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *frame, size_t len,
                       uint64_t now_ms, zwh__sup_event_t *ev)
{
    zwh_supervision_report_t r;
    if (!s || !ev || zwh_supervision_report_decode(frame, len, &r) != 0) {
        if (s)
            s->stats.malformed++;
        return ZWH_EBADMSG;
    }
    s->stats.reports_received++;
    zwh__sup_tx_entry_t *e = tx_find(s, node, endpoint, r.session_id);
    if (!e) {
        s->stats.unknown_reports++;
        return 0;
    }
    e->last_status = r.status;
    e->last_duration = r.duration;
    /* WORKING with more updates to come keeps the session; anything else ends it */
    bool more = r.status == ZWH_SUPERVISION_WORKING && r.more_updates;
    fill_event(ev, more ? ZWH__SUP_EV_PROGRESS : ZWH__SUP_EV_RESULT, e);
    ev->wake_up_request = r.wake_up_request;
    if (more)
        e->deadline = now_ms + working_ms(&s->cfg, r.duration);
    else
        memset(e, 0, sizeof *e);
    return 1;
}

int zwh__sup_tx_cancel(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t session_id)
{
    zwh__sup_tx_entry_t *e = s ? tx_find(s, node, endpoint, session_id) : NULL;
    if (!e)
        return ZWH_ENOENT;
    memset(e, 0, sizeof *e);
    return 0;
}

int zwh__sup_tick(zwh__sup_t *s, uint64_t now_ms, zwh__sup_event_t *ev)
{
    for (size_t i = 0; i < ZWH__SUP_MAX_TX; i++) {
        zwh__sup_tx_entry_t *e = &s->tx[i];
        if (e->used && e->deadline <= now_ms) {
            fill_event(ev, ZWH__SUP_EV_TIMEOUT, e);
            memset(e, 0, sizeof *e);
            s->stats.timeouts++;
            return 1;
        }
    }
    return 0;
}

uint64_t zwh__sup_deadline(const zwh__sup_t *s)
{
    uint64_t d = UINT64_MAX;
    for (size_t i = 0; i < ZWH__SUP_MAX_TX; i++)
        if (s->tx[i].used && s->tx[i].deadline < d)
            d = s->tx[i].deadline;
    return d;
}

size_t zwh__sup_tx_count(const zwh__sup_t *s)
{
    size_t n = 0;
    for (size_t i = 0; i < ZWH__SUP_MAX_TX; i++)
        n += s->tx[i].used;
    return n;
}

/* ---- receiving side ---- */

static zwh__sup_rx_entry_t *rx_find(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t sid)
{
    for (size_t i = 0; i < ZWH__SUP_MAX_RX; i++) {
        zwh__sup_rx_entry_t *e = &s->rx[i];
        if (e->used && e->node == node && e->endpoint == endpoint && e->session_id == sid)
            return e;
    }
    return NULL;
}

/* a free slot, else the one seen longest ago */
static zwh__sup_rx_entry_t *rx_slot(zwh__sup_t *s)
{
    zwh__sup_rx_entry_t *old = &s->rx[0];
    for (size_t i = 0; i < ZWH__SUP_MAX_RX; i++) {
        if (!s->rx[i].used)
            return &s->rx[i];
        if (s->rx[i].seen < old->seen)
            old = &s->rx[i];
    }
    return old;
}

/* The most recent Get remembered from node/endpoint, or NULL. */
static const zwh__sup_rx_entry_t *rx_last(const zwh__sup_t *s, uint16_t node, uint8_t endpoint)
{
    const zwh__sup_rx_entry_t *best = NULL;
    for (size_t i = 0; i < ZWH__SUP_MAX_RX; i++) {
        const zwh__sup_rx_entry_t *e = &s->rx[i];
        if (e->used && e->node == node && e->endpoint == endpoint && (!best || e->order > best->order))
            best = e;
    }
    return best;
}

int zwh__sup_rx_get(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *frame, size_t len,
                    uint64_t now_ms, zwh__sup_rx_t *out)
{
    zwh_supervision_get_t g;
    if (!s || !out || zwh_supervision_get_decode(frame, len, &g) != 0) {
        if (s)
            s->stats.malformed++;
        return ZWH_EBADMSG;
    }
    s->stats.gets_received++;
    memset(out, 0, sizeof *out);
    out->session_id = g.session_id;
    out->status_updates = g.status_updates;
    out->cmd_offset = g.cmd_offset;
    out->cmd_len = g.cmd_len;
    /* A repeat is the same session id as the LAST Get from that sender (the
     * Supervision CC's rule): an id seen earlier is a new session that happens
     * to reuse a 6-bit id (another program on the same controller, or the id
     * counter going round), and must run. */
    zwh__sup_rx_entry_t *e = rx_find(s, node, endpoint, g.session_id);
    const zwh__sup_rx_entry_t *last = rx_last(s, node, endpoint);
    if (e && e == last && now_ms - e->seen <= s->cfg.duplicate_window_ms && now_ms >= e->seen) {
        e->seen = now_ms;
        out->report_len = e->report_len;
        memcpy(out->report, e->report, e->report_len);
        s->stats.duplicates++;
        return ZWH__SUP_RX_REPEAT;
    }
    if (!e)
        e = rx_slot(s);
    memset(e, 0, sizeof *e);
    e->used = 1;
    e->node = node;
    e->endpoint = endpoint;
    e->session_id = g.session_id;
    e->status_updates = g.status_updates;
    e->seen = now_ms;
    e->order = ++s->rx_order;
    return ZWH__SUP_RX_DELIVER;
}

int zwh__sup_rx_report(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t session_id, uint8_t status,
                       uint8_t duration, uint64_t now_ms, uint8_t *out, size_t cap)
{
    if (!s)
        return ZWH_EINVAL;
    zwh__sup_rx_entry_t *e = rx_find(s, node, endpoint, session_id);
    zwh_supervision_report_t r = {
        .more_updates = (status == ZWH_SUPERVISION_WORKING && e && e->status_updates) ? 1 : 0,
        .session_id = session_id,
        .status = status,
        .duration = duration,
    };
    int n = zwh_supervision_report_encode(&r, out, cap);
    if (n < 0)
        return n;
    if (e) {
        memcpy(e->report, out, (size_t)n);
        e->report_len = (uint8_t)n;
        e->seen = now_ms;
    }
    s->stats.reports_sent++;
    return n;
}
