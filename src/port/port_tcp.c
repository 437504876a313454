/* tcp://HOST:PORT backend (ser2net, zwh-sim --listen): uv_getaddrinfo, then
 * uv_tcp_connect to each address in turn until one answers, TCP_NODELAY, and a
 * connect deadline. EOF or reset after the open is a drop. */
#include "port/port.h"

#include <ctype.h>
#include <stdlib.h>
#include <signal.h>
#include <string.h>
#include "zwhost/error.h"

#define TCP_CONNECT_TIMEOUT_MS 10000

typedef struct tcp {
    zwh__port_t *port;
    uv_getaddrinfo_t gai;
    uv_tcp_t tcp;
    uv_connect_t conn;
    uv_write_t wreq;
    uv_timer_t timer;           /* connect deadline */
    struct addrinfo *ai_list, *ai_next;
    int last_err;               /* libuv code of the last failed attempt */
    uint8_t gai_pending, tcp_open, timer_open;
    uint8_t done;               /* the open has been reported */
    uint8_t connected, down, closing;
    char host[256];
    char service[8];
    uint8_t rbuf[4096];
} tcp_t;

/* ---- URL ----------------------------------------------------------------------------- */

static int host_char_ok(int c, int bracketed)
{
    if (isalnum(c) || c == '.' || c == '-' || c == '_')
        return 1;
    return bracketed && (c == ':' || c == '%');
}

/* "tcp://HOST:PORT", HOST a name, an IPv4 address or [IPv6], PORT 1..65535. */
static int tcp_parse(const char *url, char *host, size_t hostlen, char *service, size_t servlen)
{
    static const char scheme[] = "tcp://";
    if (strncmp(url, scheme, sizeof scheme - 1) != 0)
        return ZWH_EINVAL;
    const char *h = url + sizeof scheme - 1, *he, *colon;
    int bracketed = *h == '[';
    if (bracketed) {
        h++;
        he = strchr(h, ']');
        if (!he || he[1] != ':')
            return ZWH_EINVAL;
        colon = he + 1;
    } else {
        colon = strchr(h, ':');
        he = colon;
        if (!colon)
            return ZWH_EINVAL;
    }
    size_t hl = (size_t)(he - h);
    if (hl == 0 || hl >= hostlen)
        return ZWH_EINVAL;
    for (size_t i = 0; i < hl; i++) {
        if (!host_char_ok((unsigned char)h[i], bracketed))
            return ZWH_EINVAL;
    }
    const char *s = colon + 1;
    size_t sl = strlen(s);
    if (sl == 0 || sl >= servlen || sl > 5)
        return ZWH_EINVAL;
    unsigned long port = 0;
    for (size_t i = 0; i < sl; i++) {
        if (!isdigit((unsigned char)s[i]))
            return ZWH_EINVAL;
        port = port * 10 + (unsigned long)(s[i] - '0');
    }
    if (port == 0 || port > 65535)
        return ZWH_EINVAL;
    memcpy(host, h, hl);
    host[hl] = '\0';
    memcpy(service, s, sl + 1);
    return 0;
}

static int tcp_check(const char *target)
{
    char host[256], service[8];
    return tcp_parse(target, host, sizeof host, service, sizeof service);
}

/* ---- errors ---------------------------------------------------------------------------- */

static const struct {
    int uv;
    int code;
    const char *text;
} k_tcp_errors[] = {
    {UV_ECONNREFUSED, ZWH_ECONNREFUSED, "connection refused"},
    {UV_EHOSTUNREACH, ZWH_EHOSTUNREACH, "host unreachable"},
    {UV_ENETUNREACH, ZWH_EHOSTUNREACH, "host unreachable (no route to its network)"},
    {UV_EADDRNOTAVAIL, ZWH_EHOSTUNREACH, "host unreachable (address not available)"},
    {UV_ETIMEDOUT, ZWH_ETIMEDOUT, "connection timed out"},
};

/* Reports the failed open once, with the last attempt's error. */
static void tcp_open_failed(tcp_t *t, int uverr)
{
    if (t->done)
        return;
    t->done = 1;
    uv_timer_stop(&t->timer);
    for (size_t i = 0; i < sizeof k_tcp_errors / sizeof k_tcp_errors[0]; i++) {
        if (k_tcp_errors[i].uv == uverr) {
            zwh__port_opened(t->port, zwh__port_fail(t->port, k_tcp_errors[i].code, "%s",
                                                     k_tcp_errors[i].text));
            return;
        }
    }
    zwh__port_opened(t->port, zwh__port_fail(t->port, uverr, "%s", uv_strerror(uverr)));
}

/* ---- connecting -------------------------------------------------------------------------- */

static void tcp_maybe_free(tcp_t *t)
{
    if (!t->closing || t->gai_pending || t->tcp_open || t->timer_open)
        return;
    zwh__port_t *port = t->port;
    if (t->ai_list)
        uv_freeaddrinfo(t->ai_list);
    free(t);
    zwh__port_closed(port);
}

static void tcp_try_next(tcp_t *t);

static void tcp_closed(uv_handle_t *h)
{
    tcp_t *t = h->data;
    t->tcp_open = 0;
    if (t->closing)
        tcp_maybe_free(t);
    else if (!t->done)
        tcp_try_next(t);
}

static void tcp_alloc(uv_handle_t *h, size_t hint, uv_buf_t *buf)
{
    tcp_t *t = h->data;
    (void)hint;
    *buf = uv_buf_init((char *)t->rbuf, sizeof t->rbuf);
}

static void tcp_lost(tcp_t *t, const char *what, int uverr)
{
    t->down = 1;
    uv_read_stop((uv_stream_t *)&t->tcp);
    if (uverr == UV_EOF)
        zwh__port_fail(t->port, ZWH_ECONNRESET, "connection closed by the peer");
    else
        zwh__port_fail(t->port, ZWH_ECONNRESET, "connection lost (%s%s)", what,
                       uv_strerror(uverr));
}

static void tcp_read_cb(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf)
{
    tcp_t *t = s->data;
    (void)buf;
    if (t->closing || t->down || nread == 0)
        return;
    if (nread > 0) {
        zwh__port_received(t->port, t->rbuf, (size_t)nread);
        return;
    }
    tcp_lost(t, "", (int)nread);
    zwh__port_dropped(t->port, ZWH_ECONNRESET);
}

static void tcp_connect_cb(uv_connect_t *req, int status)
{
    tcp_t *t = req->data;
    if (t->closing || t->done)
        return; /* the handle is being closed already */
    if (status < 0) {
        t->last_err = status;
        uv_close((uv_handle_t *)&t->tcp, tcp_closed); /* then the next address */
        return;
    }
    t->done = 1;
    t->connected = 1;
    uv_timer_stop(&t->timer);
    (void)uv_tcp_nodelay(&t->tcp, 1);
    int r = uv_read_start((uv_stream_t *)&t->tcp, tcp_alloc, tcp_read_cb);
    if (r < 0) {
        t->down = 1;
        zwh__port_opened(t->port, zwh__port_fail(t->port, r, "%s", uv_strerror(r)));
        return;
    }
    zwh__port_opened(t->port, 0);
}

static void tcp_try_next(tcp_t *t)
{
    while (t->ai_next) {
        struct addrinfo *ai = t->ai_next;
        t->ai_next = ai->ai_next;
        int r = uv_tcp_init(zwh__port_loop(t->port), &t->tcp);
        if (r < 0) {
            t->last_err = r;
            continue;
        }
        t->tcp_open = 1;
        t->tcp.data = t;
        t->conn.data = t;
        r = uv_tcp_connect(&t->conn, &t->tcp, ai->ai_addr, tcp_connect_cb);
        if (r < 0) {
            t->last_err = r;
            uv_close((uv_handle_t *)&t->tcp, tcp_closed);
        }
        return;
    }
    tcp_open_failed(t, t->last_err);
}

static void tcp_resolved(uv_getaddrinfo_t *req, int status, struct addrinfo *res)
{
    tcp_t *t = req->data;
    t->gai_pending = 0;
    if (t->closing || t->done) {
        uv_freeaddrinfo(res);
        tcp_maybe_free(t);
        return;
    }
    if (status < 0) {
        t->done = 1;
        uv_timer_stop(&t->timer);
        zwh__port_opened(t->port, zwh__port_fail(t->port, ZWH_EHOSTUNREACH,
                                                 "cannot resolve host '%s' (%s)", t->host,
                                                 uv_strerror(status)));
        return;
    }
    t->ai_list = t->ai_next = res;
    t->last_err = UV_EHOSTUNREACH;
    tcp_try_next(t);
}

static void tcp_timeout(uv_timer_t *timer)
{
    tcp_t *t = timer->data;
    if (t->gai_pending)
        (void)uv_cancel((uv_req_t *)&t->gai);
    if (t->tcp_open && !uv_is_closing((uv_handle_t *)&t->tcp))
        uv_close((uv_handle_t *)&t->tcp, tcp_closed);
    tcp_open_failed(t, UV_ETIMEDOUT);
}

/* A peer that closes the socket makes libuv's write() raise SIGPIPE, whose default
 * action kills the process -- a hub must never die because a ser2net server went
 * away. libuv writes from inside the loop too, so a per-call mask cannot cover it:
 * like libuv-based programs generally, ignore SIGPIPE, but only when nobody has
 * chosen a disposition (SIG_DFL); an application's own handler is left alone. */
static void ignore_default_sigpipe(void)
{
    struct sigaction cur;
    if (sigaction(SIGPIPE, NULL, &cur) == 0 && cur.sa_handler == SIG_DFL && !(cur.sa_flags & SA_SIGINFO)) {
        struct sigaction ign;
        memset(&ign, 0, sizeof ign);
        ign.sa_handler = SIG_IGN;
        sigemptyset(&ign.sa_mask);
        sigaction(SIGPIPE, &ign, NULL);
    }
}

static int tcp_open(zwh__port_t *port, const char *target)
{
    ignore_default_sigpipe();
    tcp_t *t = calloc(1, sizeof *t);
    if (!t)
        return ZWH_ENOMEM;
    t->port = port;
    if (tcp_parse(target, t->host, sizeof t->host, t->service, sizeof t->service) < 0) {
        free(t);
        return zwh__port_fail(port, ZWH_EINVAL, "not tcp://HOST:PORT");
    }
    uv_loop_t *loop = zwh__port_loop(port);
    uv_timer_init(loop, &t->timer);
    t->timer.data = t;
    t->timer_open = 1;
    uv_timer_start(&t->timer, tcp_timeout, TCP_CONNECT_TIMEOUT_MS, 0);
    zwh__port_set_impl(port, t);

    struct addrinfo hints;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_protocol = IPPROTO_TCP;
    t->gai.data = t;
    int r = uv_getaddrinfo(loop, &t->gai, tcp_resolved, t->host, t->service, &hints);
    if (r < 0) {
        t->done = 1;
        uv_timer_stop(&t->timer);
        zwh__port_opened(port, zwh__port_fail(port, ZWH_EHOSTUNREACH,
                                              "cannot resolve host '%s' (%s)", t->host,
                                              uv_strerror(r)));
        return 0;
    }
    t->gai_pending = 1;
    return 0;
}

/* ---- writing and closing ---------------------------------------------------------------- */

static void tcp_write_cb(uv_write_t *req, int status)
{
    tcp_t *t = req->data;
    if (status < 0 && !t->closing && !t->down)
        tcp_lost(t, "write: ", status);
    zwh__port_write_done(t->port, status < 0 ? ZWH_ECONNRESET : 0);
}

static int tcp_write(zwh__port_t *port, const uint8_t *buf, size_t len)
{
    tcp_t *t = zwh__port_impl(port);
    if (!t || !t->connected || t->down || t->closing)
        return ZWH_ECONNRESET;
    uv_buf_t b = uv_buf_init((char *)buf, (unsigned)len);
    t->wreq.data = t;
    int r = uv_write(&t->wreq, (uv_stream_t *)&t->tcp, &b, 1, tcp_write_cb);
    return r < 0 ? r : 0;
}

static void tcp_timer_closed(uv_handle_t *h)
{
    tcp_t *t = h->data;
    t->timer_open = 0;
    tcp_maybe_free(t);
}

static void tcp_close(zwh__port_t *port)
{
    tcp_t *t = zwh__port_impl(port);
    if (!t) {
        zwh__port_closed(port);
        return;
    }
    t->closing = 1;
    if (t->gai_pending)
        (void)uv_cancel((uv_req_t *)&t->gai);
    if (t->tcp_open && !uv_is_closing((uv_handle_t *)&t->tcp))
        uv_close((uv_handle_t *)&t->tcp, tcp_closed);
    uv_close((uv_handle_t *)&t->timer, tcp_timer_closed);
}

const zwh__port_ops_t zwh__port_tcp_ops = {
    .name = "tcp",
    .open = tcp_open,
    .write = tcp_write,
    .close = tcp_close,
    .check = tcp_check,
};
