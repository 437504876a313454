#include "serialapi/session.h"

#include <string.h>
#include "serialapi/functions.h"
#include "zwhost/error.h"

enum { PH_NONE, PH_SENDING, PH_WAIT_RES, PH_WAIT_CB };
enum { W_NONE, W_QUEUED, W_CURRENT, W_DONE };

void zwh__session_config_default(zwh__session_config_t *cfg)
{
    zwh__link_config_default(&cfg->link);
    cfg->res_timeout_ms = 10000;
    cfg->cb_timeout_ms = 65000;
    cfg->jam_backoff_ms = 1000;
    cfg->max_queue = 256;
}

static void link_write(void *user, const uint8_t *buf, size_t len)
{
    zwh__session_t *s = user;
    s->write(s->user, buf, len);
}

static void on_frame(void *user, const zwh__frame_t *f);
static void on_sent(void *user, int status);

void zwh__session_init(zwh__session_t *s, const zwh__session_config_t *cfg, const zwh__log_t *log,
                       void (*write)(void *, const uint8_t *, size_t),
                       void (*unsolicited)(void *, uint8_t, const uint8_t *, size_t), void *user)
{
    memset(s, 0, sizeof *s);
    if (cfg)
        s->cfg = *cfg;
    else
        zwh__session_config_default(&s->cfg);
    s->log = log;
    s->write = write;
    s->unsolicited = unsolicited;
    s->user = user;
    s->cur.phase = PH_NONE;
    zwh__link_io_t io = {.write = link_write, .frame = on_frame, .sent = on_sent};
    zwh__link_init(&s->link, &s->cfg.link, &io, s);
}

int zwh__request_init(zwh__request_t *req, uint8_t func, const uint8_t *payload, size_t len,
                      int cb_id_index, zwh__request_done_fn done, void *user)
{
    if (!req || len > sizeof req->payload || (len && !payload) || cb_id_index >= (int)len ||
        cb_id_index < -1)
        return ZWH_EINVAL;
    memset(req, 0, sizeof *req);
    req->func = func;
    req->priority = ZWH__PRIO_INTERACTIVE;
    if (len)
        memcpy(req->payload, payload, len);
    req->len = len;
    req->cb_id_index = (int16_t)cb_id_index;
    req->done = done;
    req->user = user;
    return 0;
}

static void finish(zwh__session_t *s, zwh__request_t *req, int status)
{
    req->status = status;
    req->where = W_DONE;
    req->next = NULL;
    if (s->done_tail)
        s->done_tail->next = req;
    else
        s->done_head = req;
    s->done_tail = req;
    if (status == 0)
        s->stats.completed_ok++;
    else
        s->stats.failed++;
}

static void end_current(zwh__session_t *s, int status)
{
    zwh__request_t *req = s->cur.req;
    s->cur.req = NULL;
    s->cur.phase = PH_NONE;
    s->cur.deadline = UINT64_MAX;
    s->cur.abort_at = UINT64_MAX;
    if (status == ZWH_EJAMMED) {
        s->stats.jams++;
        uint32_t mult = 1u << (s->jam_streak < 3 ? s->jam_streak : 3);
        s->jam_until = s->now + (uint64_t)s->cfg.jam_backoff_ms * mult;
        s->jam_streak++;
        ZWH_LOGW(s->log, "controller reports the radio jammed; holding the queue %u ms",
                 s->cfg.jam_backoff_ms * mult);
    } else if (status == 0 && s->cur.func == ZWH__FUNC_SEND_DATA) {
        s->jam_streak = 0;
    }
    if (req)
        finish(s, req, status);
}

bool zwh__session_supports(const zwh__session_t *s, uint8_t func)
{
    if (!s->functions_known || func == 0)
        return true;
    return (s->functions[(func - 1) / 8] >> ((func - 1) % 8)) & 1;
}

void zwh__session_set_functions(zwh__session_t *s, const uint8_t mask[32])
{
    memcpy(s->functions, mask, 32);
    s->functions_known = true;
}

static uint8_t next_cb_id(zwh__session_t *s)
{
    uint8_t id = s->last_cb_id;
    do {
        id = (uint8_t)(id + 1);
    } while (id == 0 || (s->cur.phase != PH_NONE && id == s->cur.cb_id));
    s->last_cb_id = id;
    return id;
}

static void pump(zwh__session_t *s)
{
    while (s->connected && s->cur.phase == PH_NONE && !zwh__link_busy(&s->link) && s->queue &&
           s->now >= s->jam_until) {
        zwh__request_t *req = s->queue;
        s->queue = req->next;
        s->queued--;
        req->next = NULL;
        if (!zwh__session_supports(s, req->func)) {
            s->stats.unsupported++;
            ZWH_LOGD(s->log, "%s (0x%02x) is not supported by this controller",
                     zwh__func_name(req->func) ? zwh__func_name(req->func) : "function", req->func);
            finish(s, req, ZWH_ENOTSUP);
            continue;
        }
        uint8_t expect = req->expect ? req->expect : (uint8_t)(zwh__func_flags(req->func) & (ZWH__FN_RES | ZWH__FN_CB));
        req->cb_id = 0;
        if (req->cb_id_index >= 0) {
            req->cb_id = next_cb_id(s);
            req->payload[req->cb_id_index] = req->cb_id;
        }
        if (!req->cb_id && !req->wants_unsolicited)
            expect &= (uint8_t)~ZWH__FN_CB; /* callback id 0: the chip sends no callback */
        s->cur.req = req;
        s->cur.func = req->func;
        s->cur.cb_id = req->cb_id;
        s->cur.expect = expect;
        s->cur.phase = PH_SENDING;
        s->cur.deadline = UINT64_MAX;
        s->cur.abort_at = UINT64_MAX;
        req->where = W_CURRENT;
        if (zwh__log_enabled(s->log, ZWH_LOG_TRACE)) {
            char hex[3 * 64 + 1];
            zwh__hex_format(req->payload, req->len < 64 ? req->len : 64, hex, sizeof hex);
            ZWH_LOGT(s->log, "-> REQ %s (0x%02x) %s", zwh__func_name(req->func) ? zwh__func_name(req->func) : "?",
                     req->func, hex);
        }
        int rc = zwh__link_send(&s->link, ZWH__TYPE_REQ, req->func, req->payload, req->len, s->now);
        if (rc != 0)
            end_current(s, rc);
    }
}

int zwh__session_submit(zwh__session_t *s, zwh__request_t *req, uint64_t now_ms)
{
    if (!req || req->where == W_QUEUED || req->where == W_CURRENT)
        return ZWH_EINVAL;
    if (s->queued >= s->cfg.max_queue)
        return ZWH_ENOSPC;
    s->now = now_ms > s->now ? now_ms : s->now;
    s->stats.requests++;
    req->where = W_QUEUED;
    req->status = 0;
    req->res_len = 0;
    req->cb_len = 0;
    zwh__request_t **pp = &s->queue;
    while (*pp && (*pp)->priority <= req->priority)
        pp = &(*pp)->next;
    req->next = *pp;
    *pp = req;
    s->queued++;
    pump(s);
    return 0;
}

int zwh__session_cancel(zwh__session_t *s, zwh__request_t *req)
{
    if (req->where == W_QUEUED) {
        for (zwh__request_t **pp = &s->queue; *pp; pp = &(*pp)->next) {
            if (*pp == req) {
                *pp = req->next;
                s->queued--;
                finish(s, req, ZWH_ECANCELED);
                return 0;
            }
        }
        return ZWH_ENOENT;
    }
    if (req->where == W_CURRENT && s->cur.req == req) {
        /* The chip is still working on it: keep the exchange open without the request. */
        s->cur.req = NULL;
        finish(s, req, ZWH_ECANCELED);
        if (s->cur.phase == PH_WAIT_CB && s->cur.func == ZWH__FUNC_SEND_DATA)
            s->cur.abort_at = s->now;
        return 0;
    }
    return ZWH_ENOENT;
}

void zwh__session_cancel_all(zwh__session_t *s, int status)
{
    if (s->cur.req) {
        zwh__request_t *req = s->cur.req;
        s->cur.req = NULL;
        finish(s, req, status);
    }
    while (s->queue) {
        zwh__request_t *req = s->queue;
        s->queue = req->next;
        s->queued--;
        finish(s, req, status);
    }
}

/* The link finished sending a frame (ours or a SendDataAbort). */
static void on_sent(void *user, int status)
{
    zwh__session_t *s = user;
    if (s->abort_in_link) {
        s->abort_in_link = false;
        return;
    }
    if (s->cur.phase != PH_SENDING)
        return;
    if (status != 0) {
        ZWH_LOGD(s->log, "%s not delivered: %s", zwh__func_name(s->cur.func) ? zwh__func_name(s->cur.func) : "frame",
                 zwh_strerror(status));
        end_current(s, status);
        return;
    }
    if (s->cur.expect & ZWH__FN_RES) {
        s->cur.phase = PH_WAIT_RES;
        uint32_t t = s->cur.req && s->cur.req->res_timeout_ms ? s->cur.req->res_timeout_ms : s->cfg.res_timeout_ms;
        s->cur.deadline = s->now + t;
    } else if (s->cur.expect & ZWH__FN_CB) {
        s->cur.phase = PH_WAIT_CB;
        uint32_t t = s->cur.req && s->cur.req->cb_timeout_ms ? s->cur.req->cb_timeout_ms : s->cfg.cb_timeout_ms;
        s->cur.deadline = s->now + t;
        if (s->cur.req && s->cur.req->abort_after_ms)
            s->cur.abort_at = s->now + s->cur.req->abort_after_ms;
    } else {
        end_current(s, 0);
    }
}

static void got_res(zwh__session_t *s, const zwh__frame_t *f)
{
    zwh__request_t *req = s->cur.req;
    int status = 0;
    if (req) {
        memcpy(req->res, f->payload, f->len);
        req->res_len = f->len;
        if (req->on_res && req->on_res(req, &status)) {
            end_current(s, status);
            return;
        }
    }
    if (s->cur.expect & ZWH__FN_CB) {
        s->cur.phase = PH_WAIT_CB;
        uint32_t t = req && req->cb_timeout_ms ? req->cb_timeout_ms : s->cfg.cb_timeout_ms;
        s->cur.deadline = s->now + t;
        if (req && req->abort_after_ms)
            s->cur.abort_at = s->now + req->abort_after_ms;
        else if (!req && s->cur.func == ZWH__FUNC_SEND_DATA)
            s->cur.abort_at = s->now; /* cancelled while waiting for RES */
    } else {
        end_current(s, 0);
    }
}

static void got_callback(zwh__session_t *s, const zwh__frame_t *f)
{
    zwh__request_t *req = s->cur.req;
    if (!req) { /* cancelled: the callback only closes the exchange */
        end_current(s, ZWH_ECANCELED);
        return;
    }
    memcpy(req->cb, f->payload, f->len);
    req->cb_len = f->len;
    int status = 0;
    if (!req->on_frame || req->on_frame(req, f->func, f->payload, f->len, &status))
        end_current(s, status);
}

static void on_frame(void *user, const zwh__frame_t *f)
{
    zwh__session_t *s = user;
    if (zwh__log_enabled(s->log, ZWH_LOG_TRACE)) {
        char hex[3 * 64 + 1];
        zwh__hex_format(f->payload, f->len < 64 ? f->len : 64, hex, sizeof hex);
        ZWH_LOGT(s->log, "<- %s %s (0x%02x) %s", f->type == ZWH__TYPE_RES ? "RES" : "REQ",
                 zwh__func_name(f->func) ? zwh__func_name(f->func) : "?", f->func, hex);
    }
    if (f->type == ZWH__TYPE_RES) {
        if (s->cur.phase == PH_WAIT_RES && f->func == s->cur.func)
            got_res(s, f);
        else
            s->stats.stale_frames++;
        return;
    }
    if (f->type != ZWH__TYPE_REQ) {
        s->stats.stale_frames++;
        return;
    }
    unsigned flags = zwh__func_flags(f->func);
    if (!(flags & ZWH__FN_UNSOLICITED)) {
        /* a callback: ours, or a late one for an exchange we already gave up on */
        if (s->cur.phase == PH_WAIT_CB && f->func == s->cur.func && f->len >= 1 &&
            f->payload[0] == s->cur.cb_id && s->cur.cb_id != 0)
            got_callback(s, f);
        else if ((s->cur.phase == PH_WAIT_CB || s->cur.phase == PH_WAIT_RES) && f->func == s->cur.func &&
                 s->cur.cb_id == 0 && s->cur.req && s->cur.req->wants_unsolicited)
            got_callback(s, f); /* functions answered without a callback id */
        else
            s->stats.stale_frames++;
        return;
    }
    s->stats.unsolicited++;
    zwh__request_t *req = s->cur.req;
    if (req && req->wants_unsolicited && req->on_frame &&
        (s->cur.phase == PH_WAIT_CB || (s->cur.phase == PH_WAIT_RES && !(s->cur.expect & ZWH__FN_RES)))) {
        int status = 0;
        if (req->on_frame(req, f->func, f->payload, f->len, &status)) {
            memcpy(req->cb, f->payload, f->len);
            req->cb_len = f->len;
            end_current(s, status);
        }
    }
    if (s->unsolicited)
        s->unsolicited(s->user, f->func, f->payload, f->len);
}

void zwh__session_input(zwh__session_t *s, const uint8_t *buf, size_t len, uint64_t now_ms)
{
    s->now = now_ms > s->now ? now_ms : s->now;
    zwh__link_input(&s->link, buf, len, s->now);
    pump(s);
}

static void expire_queue(zwh__session_t *s)
{
    for (zwh__request_t **pp = &s->queue; *pp;) {
        zwh__request_t *req = *pp;
        if (req->queue_deadline && s->now >= req->queue_deadline) {
            *pp = req->next;
            s->queued--;
            finish(s, req, ZWH_ETIMEDOUT);
        } else {
            pp = &req->next;
        }
    }
}

void zwh__session_tick(zwh__session_t *s, uint64_t now_ms)
{
    s->now = now_ms > s->now ? now_ms : s->now;
    zwh__link_tick(&s->link, s->now);
    if (s->cur.phase == PH_WAIT_CB && s->now >= s->cur.abort_at && !zwh__link_busy(&s->link)) {
        s->cur.abort_at = UINT64_MAX;
        s->stats.aborts_sent++;
        ZWH_LOGD(s->log, "no SendData callback yet: sending SendDataAbort");
        s->abort_in_link = true;
        if (zwh__link_send(&s->link, ZWH__TYPE_REQ, ZWH__FUNC_SEND_DATA_ABORT, NULL, 0, s->now) != 0)
            s->abort_in_link = false;
    }
    if ((s->cur.phase == PH_WAIT_RES || s->cur.phase == PH_WAIT_CB) && s->now >= s->cur.deadline) {
        int st = s->cur.phase == PH_WAIT_RES ? ZWH_ENORESPONSE : ZWH_ENOCALLBACK;
        if (st == ZWH_ENORESPONSE)
            s->stats.timeouts_res++;
        else
            s->stats.timeouts_cb++;
        /* a request that is completed by an unsolicited frame times out as such */
        if (s->cur.req && s->cur.req->wants_unsolicited && !(s->cur.expect & ZWH__FN_CB) &&
            s->cur.phase == PH_WAIT_CB)
            st = ZWH_ETIMEDOUT;
        end_current(s, s->cur.req ? st : ZWH_ECANCELED);
    }
    expire_queue(s);
    pump(s);
    /* deliver completions; done() may submit new requests */
    while (s->done_head) {
        zwh__request_t *req = s->done_head;
        s->done_head = req->next;
        if (!s->done_head)
            s->done_tail = NULL;
        req->next = NULL;
        req->where = W_NONE;
        if (req->done)
            req->done(req, req->status, req->user);
    }
    pump(s);
}

uint64_t zwh__session_deadline(const zwh__session_t *s)
{
    if (s->done_head)
        return s->now;
    uint64_t d = zwh__link_deadline(&s->link);
    if (s->cur.phase == PH_WAIT_RES || s->cur.phase == PH_WAIT_CB) {
        if (s->cur.deadline < d)
            d = s->cur.deadline;
        if (s->cur.phase == PH_WAIT_CB && s->cur.abort_at < d)
            d = s->cur.abort_at;
    }
    for (const zwh__request_t *r = s->queue; r; r = r->next)
        if (r->queue_deadline && r->queue_deadline < d)
            d = r->queue_deadline;
    if (s->queue && s->connected && s->cur.phase == PH_NONE && s->jam_until > s->now && s->jam_until < d)
        d = s->jam_until;
    return d;
}

void zwh__session_set_connected(zwh__session_t *s, bool connected, int status, uint64_t now_ms)
{
    s->now = now_ms > s->now ? now_ms : s->now;
    if (!connected) {
        s->connected = false;
        s->abort_in_link = false;
        zwh__link_reset(&s->link, status); /* fails a frame being sent via on_sent */
        if (s->cur.phase != PH_NONE)
            end_current(s, status);
        return;
    }
    s->connected = true;
    pump(s);
}

bool zwh__session_idle(const zwh__session_t *s)
{
    return s->cur.phase == PH_NONE && !s->queue && !s->done_head;
}
