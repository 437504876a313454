/* The port object: URL dispatch to a backend table, the write queue, and the
 * rules that turn backend events into the user's callbacks exactly once, in
 * order, never from inside a user's call (see port.h). */
#include "port/port.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "zwhost/error.h"

typedef struct zwh__port_chunk {
    struct zwh__port_chunk *next;
    size_t len;
    uint8_t data[];
} zwh__port_chunk_t;

enum zwh__port_phase {
    PORT_OPENING, /* backend has not reported yet */
    PORT_OPEN,    /* backend opened; writes allowed once the user heard on_open */
    PORT_DOWN,    /* open failed or the transport dropped: wait for close */
    PORT_CLOSING, /* zwh__port_close called: only close_cb may follow */
};

struct zwh__port {
    uv_loop_t *loop;
    const zwh__port_ops_t *ops;
    zwh__port_cbs_t cbs;
    void *user;
    zwh__log_t log;
    void *impl;
    char *target;
    uv_timer_t defer; /* delivers on_open / on_drop on a later loop turn */
    int phase;
    int open_status;
    int drop_status;
    uint8_t open_known, open_told, drop_known, drop_told;
    /* write queue: copies, written in order, one chunk at a time */
    zwh__port_chunk_t *head, *tail;
    size_t queued;
    uint8_t writing, pumping;
    /* close */
    uint8_t backend_closed, timer_closed;
    zwh__port_close_cb close_cb;
    void *close_user;
    char error[256];
};

/* ---- URL dispatch ----------------------------------------------------------- */

/* First matching prefix wins: pseudo-terminals go straight to the termios backend
 * because libserialport 0.1.1 cannot open them on Linux. */
static const struct {
    const char *prefix;
    const zwh__port_ops_t *ops;
} k_routes[] = {
    {"tcp://", &zwh__port_tcp_ops},
    {"/dev/pts/", &zwh__port_tty_ops},
    {"/", &zwh__port_serial_ops},
};

int zwh__port_open(uv_loop_t *loop, const char *url, const zwh__port_cbs_t *cbs, void *user,
                   const zwh__log_t *log, zwh__port_t **out)
{
    if (out)
        *out = NULL;
    if (!url)
        return ZWH_EINVAL;
    for (size_t i = 0; i < sizeof k_routes / sizeof k_routes[0]; i++) {
        if (strncmp(url, k_routes[i].prefix, strlen(k_routes[i].prefix)) == 0)
            return zwh__port_open_ops(loop, k_routes[i].ops, url, cbs, user, log, out);
    }
    ZWH_LOGD(log, "port: '%s' is neither tcp://HOST:PORT nor a device path", url);
    return ZWH_EINVAL;
}

/* ---- delivering events to the user --------------------------------------------- */

static void port_defer_cb(uv_timer_t *t);

static void port_kick(zwh__port_t *p)
{
    if (p->phase != PORT_CLOSING)
        uv_timer_start(&p->defer, port_defer_cb, 0, 0);
}

/* Tells the user what the backend reported and the user has not heard yet.
 * Each user callback may close the port, so the phase is checked after each. */
static void port_tell(zwh__port_t *p)
{
    if (p->phase == PORT_CLOSING)
        return;
    if (p->open_known && !p->open_told) {
        p->open_told = 1;
        if (p->cbs.on_open)
            p->cbs.on_open(p, p->open_status, p->user);
        if (p->phase == PORT_CLOSING)
            return;
    }
    if (p->drop_known && !p->drop_told && p->open_told && p->open_status == 0) {
        p->drop_told = 1;
        if (p->cbs.on_drop)
            p->cbs.on_drop(p, p->drop_status, p->user);
    }
}

static void port_defer_cb(uv_timer_t *t)
{
    port_tell(t->data);
}

void zwh__port_opened(zwh__port_t *p, int status)
{
    if (p->phase == PORT_CLOSING || p->open_known)
        return;
    p->open_known = 1;
    p->open_status = status > 0 ? 0 : status;
    p->phase = status < 0 ? PORT_DOWN : PORT_OPEN;
    if (status < 0 && !p->error[0])
        zwh__port_fail(p, status, "%s", zwh_strerror(status));
    if (status < 0)
        ZWH_LOGD(&p->log, "port: open failed: %s", p->error);
    else
        ZWH_LOGD(&p->log, "port: %s open (%s)", p->target, p->ops->name);
    port_kick(p);
}

void zwh__port_received(zwh__port_t *p, const uint8_t *buf, size_t len)
{
    if (p->phase != PORT_OPEN || p->drop_known || len == 0)
        return;
    if (!p->open_told) {
        uv_timer_stop(&p->defer);
        port_tell(p); /* on_open first, always */
        if (p->phase != PORT_OPEN)
            return;
    }
    if (p->cbs.on_read)
        p->cbs.on_read(p, buf, len, p->user);
}

void zwh__port_dropped(zwh__port_t *p, int status)
{
    if (p->phase != PORT_OPEN || p->drop_known)
        return;
    p->drop_known = 1;
    p->drop_status = status < 0 ? status : ZWH_ECONNRESET;
    p->phase = PORT_DOWN;
    if (!p->error[0])
        zwh__port_fail(p, p->drop_status, "%s", zwh_strerror(p->drop_status));
    ZWH_LOGD(&p->log, "port: dropped: %s", p->error);
    port_kick(p);
}

/* ---- write queue ---------------------------------------------------------------- */

static void port_pump(zwh__port_t *p)
{
    if (p->pumping)
        return;
    p->pumping = 1;
    while (p->head && !p->writing && p->phase == PORT_OPEN) {
        p->writing = 1;
        int r = p->ops->write(p, p->head->data, p->head->len);
        if (r < 0) {
            p->writing = 0;
            if (!p->error[0])
                zwh__port_fail(p, r, "write failed: %s", zwh_strerror(r));
            zwh__port_dropped(p, ZWH_ECONNRESET);
        }
    }
    p->pumping = 0;
}

void zwh__port_write_done(zwh__port_t *p, int status)
{
    zwh__port_chunk_t *c = p->head;
    p->writing = 0;
    if (c) {
        p->head = c->next;
        if (!p->head)
            p->tail = NULL;
        p->queued -= c->len;
        free(c);
    }
    if (status < 0)
        zwh__port_dropped(p, ZWH_ECONNRESET);
    else
        port_pump(p);
}

int zwh__port_write(zwh__port_t *p, const uint8_t *buf, size_t len)
{
    if (!p || (!buf && len))
        return ZWH_EINVAL;
    if (p->phase != PORT_OPEN || !p->open_told)
        return ZWH_ENOTCONN;
    if (len == 0)
        return 0;
    if (len > ZWH__PORT_QUEUE_MAX - p->queued)
        return ZWH_ENOSPC;
    zwh__port_chunk_t *c = malloc(sizeof *c + len);
    if (!c)
        return ZWH_ENOMEM;
    c->next = NULL;
    c->len = len;
    memcpy(c->data, buf, len);
    if (p->tail)
        p->tail->next = c;
    else
        p->head = c;
    p->tail = c;
    p->queued += len;
    port_pump(p);
    return 0;
}

/* ---- open and close ------------------------------------------------------------- */

int zwh__port_open_ops(uv_loop_t *loop, const zwh__port_ops_t *ops, const char *target,
                       const zwh__port_cbs_t *cbs, void *user, const zwh__log_t *log,
                       zwh__port_t **out)
{
    if (out)
        *out = NULL;
    if (!loop || !ops || !target || !cbs || !out)
        return ZWH_EINVAL;
    if (ops->check && ops->check(target) < 0) {
        ZWH_LOGD(log, "port: bad %s target '%s'", ops->name, target);
        return ZWH_EINVAL;
    }
    zwh__port_t *p = calloc(1, sizeof *p);
    if (!p)
        return ZWH_ENOMEM;
    size_t n = strlen(target) + 1;
    p->target = malloc(n);
    if (!p->target) {
        free(p);
        return ZWH_ENOMEM;
    }
    memcpy(p->target, target, n);
    p->loop = loop;
    p->ops = ops;
    p->cbs = *cbs;
    p->user = user;
    if (log)
        p->log = *log;
    else
        zwh__log_init(&p->log);
    p->phase = PORT_OPENING;
    uv_timer_init(loop, &p->defer);
    p->defer.data = p;
    int r = ops->open(p, p->target);
    if (r < 0)
        zwh__port_opened(p, r);
    *out = p;
    return 0;
}

int zwh__port_switch(zwh__port_t *p, const zwh__port_ops_t *ops, const char *target)
{
    ZWH_LOGD(&p->log, "port: %s: using the %s backend", p->target, ops->name);
    p->ops = ops;
    p->error[0] = '\0';
    return ops->open(p, target);
}

static void port_maybe_free(zwh__port_t *p)
{
    if (!p->backend_closed || !p->timer_closed)
        return;
    if (p->close_cb)
        p->close_cb(p->close_user);
    while (p->head) {
        zwh__port_chunk_t *c = p->head;
        p->head = c->next;
        free(c);
    }
    free(p->target);
    free(p);
}

static void port_timer_closed(uv_handle_t *h)
{
    zwh__port_t *p = h->data;
    p->timer_closed = 1;
    port_maybe_free(p);
}

void zwh__port_closed(zwh__port_t *p)
{
    p->backend_closed = 1;
    port_maybe_free(p);
}

void zwh__port_close(zwh__port_t *p, zwh__port_close_cb cb, void *user)
{
    if (!p || p->phase == PORT_CLOSING)
        return;
    p->phase = PORT_CLOSING;
    p->close_cb = cb;
    p->close_user = user;
    uv_timer_stop(&p->defer);
    uv_close((uv_handle_t *)&p->defer, port_timer_closed);
    p->ops->close(p);
}

/* ---- accessors -------------------------------------------------------------------- */

int zwh__port_fail(zwh__port_t *p, int code, const char *fmt, ...)
{
    int off = snprintf(p->error, sizeof p->error, "%s: ", p->target);
    if (off < 0 || (size_t)off >= sizeof p->error)
        return code;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(p->error + off, sizeof p->error - (size_t)off, fmt, ap);
    va_end(ap);
    return code;
}

const char *zwh__port_error(const zwh__port_t *p)
{
    return p ? p->error : "";
}

const char *zwh__port_kind(const zwh__port_t *p)
{
    return p ? p->ops->name : "";
}

const char *zwh__port_target(const zwh__port_t *p)
{
    return p ? p->target : "";
}

uv_loop_t *zwh__port_loop(const zwh__port_t *p)
{
    return p->loop;
}

const zwh__log_t *zwh__port_log(const zwh__port_t *p)
{
    return &p->log;
}

void zwh__port_set_impl(zwh__port_t *p, void *impl)
{
    p->impl = impl;
}

void *zwh__port_impl(const zwh__port_t *p)
{
    return p->impl;
}
