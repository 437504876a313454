#include "serialapi/serial.h"

#include <stdio.h>
#include <string.h>
#include "zwhost/error.h"

enum { S_IDLE, S_OPENING, S_OPEN, S_WAIT_RETRY, S_CLOSING, S_CLOSED };

uint64_t zwh__serial_now(const zwh__serial_t *s)
{
    return uv_now(s->loop);
}

static void on_timer(uv_timer_t *t);

void zwh__serial_arm(zwh__serial_t *s)
{
    /* closing: the timer carries finish_close and must not be re-armed */
    if (s->state == S_CLOSED || s->state == S_CLOSING)
        return;
    uint64_t d = zwh__session_deadline(&s->session);
    if (d == UINT64_MAX) {
        uv_timer_stop(&s->timer);
        return;
    }
    uint64_t now = uv_now(s->loop);
    uv_timer_start(&s->timer, on_timer, d > now ? d - now : 0, 0);
}

static void on_timer(uv_timer_t *t)
{
    zwh__serial_t *s = t->data;
    zwh__session_tick(&s->session, uv_now(s->loop));
    if (s->state == S_CLOSING && zwh__session_idle(&s->session))
        return; /* close in progress; nothing more to deliver */
    zwh__serial_arm(s);
}

static void session_write(void *user, const uint8_t *buf, size_t len)
{
    zwh__serial_t *s = user;
    if (s->port && s->state == S_OPEN)
        zwh__port_write(s->port, buf, len);
}

static void session_unsolicited(void *user, uint8_t func, const uint8_t *p, size_t n)
{
    zwh__serial_t *s = user;
    if (s->cbs.on_unsolicited && s->state == S_OPEN)
        s->cbs.on_unsolicited(s->user, func, p, n);
}

int zwh__serial_init(zwh__serial_t *s, uv_loop_t *loop, const zwh__session_config_t *cfg,
                     const zwh__log_t *log, const zwh__serial_cbs_t *cbs, void *user)
{
    memset(s, 0, sizeof *s);
    s->loop = loop;
    s->cbs = *cbs;
    s->user = user;
    s->log = log;
    s->retry_min_ms = 500;
    s->retry_max_ms = 16000;
    zwh__session_init(&s->session, cfg, log, session_write, session_unsolicited, s);
    uv_timer_init(loop, &s->timer);
    uv_timer_init(loop, &s->retry);
    s->timer.data = s;
    s->retry.data = s;
    s->state = S_IDLE;
    return 0;
}

void zwh__serial_set_retry(zwh__serial_t *s, uint32_t min_ms, uint32_t max_ms)
{
    s->retry_min_ms = min_ms;
    s->retry_max_ms = max_ms < min_ms ? min_ms : max_ms;
}

static void start_open(zwh__serial_t *s);

static void on_retry(uv_timer_t *t)
{
    zwh__serial_t *s = t->data;
    if (s->state == S_WAIT_RETRY)
        start_open(s);
}

static void old_port_closed(void *user)
{
    (void)user; /* the port frees itself */
}

static void schedule_retry(zwh__serial_t *s)
{
    if (s->port) {
        zwh__port_close(s->port, old_port_closed, NULL);
        s->port = NULL;
    }
    if (s->retry_min_ms == 0) {
        s->state = S_IDLE;
        return;
    }
    s->state = S_WAIT_RETRY;
    uint32_t d = s->retry_delay_ms ? s->retry_delay_ms : s->retry_min_ms;
    s->retry_delay_ms = d * 2 > s->retry_max_ms ? s->retry_max_ms : d * 2;
    ZWH_LOGI(s->log, "reconnecting to %s in %u ms", s->url, d);
    uv_timer_start(&s->retry, on_retry, d, 0);
}

static void port_open_cb(zwh__port_t *port, int status, void *user)
{
    zwh__serial_t *s = user;
    if (port != s->port || s->state != S_OPENING)
        return;
    if (status != 0) {
        snprintf(s->why, sizeof s->why, "%s", zwh__port_error(port)[0] ? zwh__port_error(port) : zwh_strerror(status));
        ZWH_LOGW(s->log, "cannot open %s", s->why);
        schedule_retry(s);
        if (s->cbs.on_open_error)
            s->cbs.on_open_error(s->user, status, s->why);
        return;
    }
    s->state = S_OPEN;
    s->retry_delay_ms = 0;
    ZWH_LOGI(s->log, "connected to %s (%s)", s->url, zwh__port_kind(port));
    /* resynchronise: a NAK makes the chip drop any half-received frame */
    zwh__link_send_byte(&s->session.link, 0x15);
    zwh__session_set_connected(&s->session, true, 0, uv_now(s->loop));
    if (s->cbs.on_connect)
        s->cbs.on_connect(s->user);
    zwh__serial_arm(s);
}

static void port_read_cb(zwh__port_t *port, const uint8_t *buf, size_t len, void *user)
{
    zwh__serial_t *s = user;
    if (port != s->port || s->state != S_OPEN)
        return;
    zwh__session_input(&s->session, buf, len, uv_now(s->loop));
    zwh__serial_arm(s);
}

static void port_drop_cb(zwh__port_t *port, int status, void *user)
{
    zwh__serial_t *s = user;
    if (port != s->port || s->state != S_OPEN)
        return;
    snprintf(s->why, sizeof s->why, "%s", zwh__port_error(port)[0] ? zwh__port_error(port) : zwh_strerror(status));
    ZWH_LOGW(s->log, "connection lost: %s", s->why);
    zwh__session_set_connected(&s->session, false, ZWH_ECONNRESET, uv_now(s->loop));
    schedule_retry(s);
    if (s->cbs.on_disconnect)
        s->cbs.on_disconnect(s->user, ZWH_ECONNRESET, s->why);
    zwh__serial_arm(s);
}

static void start_open(zwh__serial_t *s)
{
    zwh__port_cbs_t pc = {port_open_cb, port_read_cb, port_drop_cb};
    s->state = S_OPENING;
    int rc = zwh__port_open(s->loop, s->url, &pc, s, s->log, &s->port);
    if (rc != 0) {
        s->port = NULL;
        s->state = S_IDLE;
        snprintf(s->why, sizeof s->why, "%s: %s", s->url, zwh_strerror(rc));
        if (s->cbs.on_open_error)
            s->cbs.on_open_error(s->user, rc, s->why);
    }
}

int zwh__serial_open(zwh__serial_t *s, const char *url)
{
    if (!url || strlen(url) >= sizeof s->url)
        return ZWH_EINVAL;
    if (s->state != S_IDLE)
        return ZWH_EALREADY;
    snprintf(s->url, sizeof s->url, "%s", url);
    zwh__port_cbs_t pc = {port_open_cb, port_read_cb, port_drop_cb};
    s->state = S_OPENING;
    int rc = zwh__port_open(s->loop, s->url, &pc, s, s->log, &s->port);
    if (rc != 0) {
        s->port = NULL;
        s->state = S_IDLE;
    }
    return rc;
}

int zwh__serial_submit(zwh__serial_t *s, zwh__request_t *req)
{
    if (s->state == S_CLOSING || s->state == S_CLOSED)
        return ZWH_ECANCELED;
    int rc = zwh__session_submit(&s->session, req, uv_now(s->loop));
    zwh__serial_arm(s);
    return rc;
}

int zwh__serial_cancel(zwh__serial_t *s, zwh__request_t *req)
{
    int rc = zwh__session_cancel(&s->session, req);
    zwh__serial_arm(s);
    return rc;
}

void zwh__serial_reconnect(zwh__serial_t *s)
{
    if (s->state != S_OPEN)
        return;
    zwh__session_set_connected(&s->session, false, ZWH_ECONNRESET, uv_now(s->loop));
    schedule_retry(s);
    zwh__serial_arm(s);
}

bool zwh__serial_connected(const zwh__serial_t *s)
{
    return s->state == S_OPEN;
}

static void handle_closed(uv_handle_t *h);

static void one_closed(zwh__serial_t *s)
{
    if (--s->pending_closes == 0) {
        s->state = S_CLOSED;
        if (s->close_cb)
            s->close_cb(s->close_user);
    }
}

static void handle_closed(uv_handle_t *h)
{
    one_closed(h->data);
}

static void port_closed(void *user)
{
    one_closed(user);
}

static void finish_close(uv_timer_t *t)
{
    zwh__serial_t *s = t->data;
    /* deliver the ECANCELED completions on this later loop turn */
    zwh__session_tick(&s->session, uv_now(s->loop));
    s->pending_closes = 2;
    if (s->port) {
        s->pending_closes++;
        zwh__port_close(s->port, port_closed, s);
        s->port = NULL;
    }
    uv_close((uv_handle_t *)&s->timer, handle_closed);
    uv_close((uv_handle_t *)&s->retry, handle_closed);
}

void zwh__serial_close(zwh__serial_t *s, void (*cb)(void *user), void *user)
{
    if (s->state == S_CLOSING || s->state == S_CLOSED)
        return;
    s->close_cb = cb;
    s->close_user = user;
    int was_open = s->state == S_OPEN;
    s->state = S_CLOSING;
    if (was_open)
        zwh__session_set_connected(&s->session, false, ZWH_ECANCELED, uv_now(s->loop));
    zwh__session_cancel_all(&s->session, ZWH_ECANCELED);
    uv_timer_stop(&s->retry);
    uv_timer_start(&s->timer, finish_close, 0, 0);
}
