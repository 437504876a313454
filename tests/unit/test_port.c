/* src/port: the port object (dispatch, write queue, exactly-once callbacks, async
 * close) through a fake backend, and the real tcp and tty backends on a real uv
 * loop over loopback TCP and pseudo-terminals. Every test counts callbacks and
 * ends by asserting the loop closes cleanly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <uv.h>

#include "zwhost/zwhost.h"
#include "port/port.h"

#define WAIT_MS 5000

typedef struct ctx {
    uv_loop_t loop;
    uv_timer_t tick; /* keeps UV_RUN_ONCE from blocking forever */
    zwh__port_t *port;
    int opened, open_status;
    char open_error[256];
    int reads;
    uint8_t rx[32768];
    size_t rxlen;
    int drops, drop_status;
    char drop_error[256];
    int closed;
    int close_in_on_open, close_in_on_read;
    /* loopback TCP server */
    uv_tcp_t server, peer;
    int server_open, peer_open, peer_eof, accepted;
    uint8_t srx[32768];
    size_t srxlen;
    /* pty master */
    int master;
    char slave[64];
} ctx_t;

static void tick_cb(uv_timer_t *t)
{
    (void)t;
}

static void ctx_init(ctx_t *c)
{
    memset(c, 0, sizeof *c);
    c->master = -1;
    assert_int_equal(uv_loop_init(&c->loop), 0);
    uv_timer_init(&c->loop, &c->tick);
    uv_timer_start(&c->tick, tick_cb, 5, 5);
}

/* Runs the loop until cond holds or WAIT_MS pass. */
#define RUN_UNTIL(c, cond)                                                      \
    do {                                                                        \
        uint64_t deadline_ = uv_now(&(c)->loop) + WAIT_MS;                      \
        while (!(cond) && uv_now(&(c)->loop) < deadline_)                       \
            uv_run(&(c)->loop, UV_RUN_ONCE);                                    \
        assert_true(cond);                                                      \
    } while (0)

/* Runs n more loop turns (~5 ms each) so a callback that should NOT come has a chance to. */
static void run_turns(ctx_t *c, int n)
{
    for (int i = 0; i < n; i++)
        uv_run(&c->loop, UV_RUN_ONCE);
}

static void on_close(void *user)
{
    ctx_t *c = user;
    c->closed++;
}

static void on_open(zwh__port_t *p, int status, void *user)
{
    ctx_t *c = user;
    assert_ptr_equal(p, c->port);
    c->opened++;
    c->open_status = status;
    snprintf(c->open_error, sizeof c->open_error, "%s", zwh__port_error(p));
    if (c->close_in_on_open)
        zwh__port_close(p, on_close, c);
}

static void on_read(zwh__port_t *p, const uint8_t *buf, size_t len, void *user)
{
    ctx_t *c = user;
    assert_ptr_equal(p, c->port);
    assert_true(c->opened == 1 && c->open_status == 0); /* never before on_open */
    assert_int_equal(c->drops, 0);
    assert_true(c->rxlen + len <= sizeof c->rx);
    memcpy(c->rx + c->rxlen, buf, len);
    c->rxlen += len;
    c->reads++;
    if (c->close_in_on_read)
        zwh__port_close(p, on_close, c);
}

static void on_drop(zwh__port_t *p, int status, void *user)
{
    ctx_t *c = user;
    assert_ptr_equal(p, c->port);
    assert_true(c->opened == 1 && c->open_status == 0);
    c->drops++;
    c->drop_status = status;
    snprintf(c->drop_error, sizeof c->drop_error, "%s", zwh__port_error(p));
}

static const zwh__port_cbs_t k_cbs = {on_open, on_read, on_drop};

static int open_url(ctx_t *c, const char *url)
{
    int r = zwh__port_open(&c->loop, url, &k_cbs, c, NULL, &c->port);
    if (r == 0)
        assert_int_equal(c->opened, 0); /* never from inside the open call */
    return r;
}

static void close_port(ctx_t *c)
{
    int before = c->closed;
    zwh__port_close(c->port, on_close, c);
    assert_int_equal(c->closed, before); /* never from inside the close call */
    RUN_UNTIL(c, c->closed == before + 1);
}

static void srv_closed(uv_handle_t *h)
{
    (void)h;
}

static void ctx_finish(ctx_t *c)
{
    if (c->peer_open && !uv_is_closing((uv_handle_t *)&c->peer))
        uv_close((uv_handle_t *)&c->peer, srv_closed);
    if (c->server_open && !uv_is_closing((uv_handle_t *)&c->server))
        uv_close((uv_handle_t *)&c->server, srv_closed);
    if (c->master >= 0)
        close(c->master);
    uv_close((uv_handle_t *)&c->tick, NULL);
    assert_int_equal(uv_run(&c->loop, UV_RUN_DEFAULT), 0);
    assert_int_equal(uv_loop_close(&c->loop), 0); /* nothing left behind */
}

/* ---- a fake backend at the ops seam: tests of the port object itself ---------------- */

typedef struct fake {
    int open_result; /* returned by open */
    int open_sync;   /* call zwh__port_opened(open_sync_status) inside open */
    int open_sync_status;
    int write_sync;  /* complete writes inside write */
    int write_result;
    int writes;
    uint8_t wrote[ZWH__PORT_QUEUE_MAX * 2];
    size_t wrotelen;
    int outstanding;
    int closes;
    zwh__port_t *port;
    char target[48];
} fake_t;

/* The fake's state travels in the target string, "fake:<pointer>". */
static int fake_open(zwh__port_t *port, const char *target)
{
    void *ptr = NULL;
    assert_int_equal(sscanf(target, "fake:%p", &ptr), 1);
    fake_t *f = ptr;
    f->port = port;
    zwh__port_set_impl(port, f);
    if (f->open_sync)
        zwh__port_opened(port, f->open_sync_status);
    return f->open_result;
}

static int fake_write(zwh__port_t *port, const uint8_t *buf, size_t len)
{
    fake_t *f = zwh__port_impl(port);
    assert_int_equal(f->outstanding, 0); /* one at a time */
    f->writes++;
    if (f->write_result < 0)
        return f->write_result;
    memcpy(f->wrote + f->wrotelen, buf, len);
    f->wrotelen += len;
    if (f->write_sync)
        zwh__port_write_done(port, 0);
    else
        f->outstanding = 1;
    return 0;
}

static void fake_close(zwh__port_t *port)
{
    fake_t *f = zwh__port_impl(port);
    f->closes++;
    zwh__port_closed(port); /* synchronously: the port still defers close_cb */
}

static const zwh__port_ops_t k_fake_ops = {"fake", fake_open, fake_write, fake_close, NULL};

static void fake_start(ctx_t *c, fake_t *f)
{
    snprintf(f->target, sizeof f->target, "fake:%p", (void *)f);
    assert_int_equal(zwh__port_open_ops(&c->loop, &k_fake_ops, f->target, &k_cbs, c, NULL, &c->port), 0);
    assert_int_equal(c->opened, 0);
    assert_string_equal(zwh__port_kind(c->port), "fake");
}

static void core_open_is_deferred_and_once(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_sync = 1, .write_sync = 1};
    ctx_init(&c);
    fake_start(&c, &f);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(c.open_status, 0);
    zwh__port_opened(c.port, 0); /* a second report is ignored */
    zwh__port_opened(c.port, ZWH_EIO);
    run_turns(&c, 3);
    assert_int_equal(c.opened, 1);
    assert_string_equal(zwh__port_error(c.port), "");
    close_port(&c);
    assert_int_equal(f.closes, 1);
    run_turns(&c, 3);
    assert_int_equal(c.closed, 1);
    ctx_finish(&c);
}

static void core_open_failure_reported_later(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_result = ZWH_EIO};
    ctx_init(&c);
    fake_start(&c, &f);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(c.open_status, ZWH_EIO);
    char want[96];
    snprintf(want, sizeof want, "%s: input/output error", f.target);
    assert_string_equal(c.open_error, want);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    close_port(&c);
    assert_int_equal(c.drops, 0);
    ctx_finish(&c);
}

static void core_write_queue_copies_in_order(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_sync = 1};
    ctx_init(&c);
    fake_start(&c, &f);
    RUN_UNTIL(&c, c.opened == 1);
    uint8_t a[3] = {1, 2, 3}, b[2] = {4, 5};
    assert_int_equal(zwh__port_write(c.port, a, sizeof a), 0);
    assert_int_equal(zwh__port_write(c.port, b, sizeof b), 0);
    assert_int_equal(zwh__port_write(c.port, b, 0), 0);
    assert_int_equal(zwh__port_write(c.port, NULL, 1), ZWH_EINVAL);
    memset(a, 0xEE, sizeof a); /* the port holds copies */
    memset(b, 0xEE, sizeof b);
    assert_int_equal(f.writes, 1); /* the second waits for the first */
    f.outstanding = 0;
    zwh__port_write_done(c.port, 0);
    assert_int_equal(f.writes, 2);
    f.outstanding = 0;
    zwh__port_write_done(c.port, 0);
    static const uint8_t want[] = {1, 2, 3, 4, 5};
    assert_int_equal(f.wrotelen, sizeof want);
    assert_memory_equal(f.wrote, want, sizeof want);

    /* bounded: exactly ZWH__PORT_QUEUE_MAX bytes may wait */
    static uint8_t big[ZWH__PORT_QUEUE_MAX];
    assert_int_equal(zwh__port_write(c.port, big, sizeof big - 1), 0);
    assert_int_equal(zwh__port_write(c.port, big, 2), ZWH_ENOSPC);
    assert_int_equal(zwh__port_write(c.port, big, 1), 0);
    assert_int_equal(zwh__port_write(c.port, big, 1), ZWH_ENOSPC);
    close_port(&c); /* with writes still queued: freed, not leaked (ASan) */
    ctx_finish(&c);
}

static void core_read_before_deferred_open_comes_after_on_open(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_sync = 1};
    ctx_init(&c);
    fake_start(&c, &f);
    static const uint8_t bytes[] = {0x06, 0x01};
    zwh__port_received(c.port, bytes, sizeof bytes); /* on_read asserts on_open came first */
    assert_int_equal(c.opened, 1);
    assert_int_equal(c.reads, 1);
    assert_memory_equal(c.rx, bytes, sizeof bytes);
    run_turns(&c, 3);
    assert_int_equal(c.opened, 1);
    close_port(&c);
    ctx_finish(&c);
}

static void core_drop_once_and_never_inside_write(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_sync = 1, .write_result = ZWH_EIO};
    ctx_init(&c);
    fake_start(&c, &f);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"ab", 2), 0);
    assert_int_equal(c.drops, 0); /* not from inside zwh__port_write */
    zwh__port_dropped(c.port, ZWH_ECONNRESET);
    RUN_UNTIL(&c, c.drops == 1);
    assert_int_equal(c.drop_status, ZWH_ECONNRESET);
    char want[96];
    snprintf(want, sizeof want, "%s: write failed: input/output error", f.target);
    assert_string_equal(c.drop_error, want);
    zwh__port_received(c.port, (const uint8_t *)"z", 1); /* ignored after a drop */
    zwh__port_dropped(c.port, ZWH_ECONNRESET);
    run_turns(&c, 3);
    assert_int_equal(c.drops, 1);
    assert_int_equal(c.reads, 0);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"a", 1), ZWH_ENOTCONN);
    close_port(&c);
    ctx_finish(&c);
}

static void core_nothing_after_close(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {0};
    ctx_init(&c);
    fake_start(&c, &f);
    zwh__port_t *p = c.port;
    zwh__port_close(p, on_close, &c);
    zwh__port_close(p, on_close, &c); /* a second close is ignored */
    zwh__port_opened(p, 0);            /* the backend reports late: ignored */
    zwh__port_received(p, (const uint8_t *)"a", 1);
    zwh__port_dropped(p, ZWH_ECONNRESET);
    assert_int_equal(c.closed, 0);
    RUN_UNTIL(&c, c.closed == 1);
    run_turns(&c, 3);
    assert_int_equal(c.opened, 0);
    assert_int_equal(c.reads, 0);
    assert_int_equal(c.drops, 0);
    assert_int_equal(c.closed, 1);
    ctx_finish(&c);
}

static void core_close_from_on_open(void **state)
{
    (void)state;
    ctx_t c;
    fake_t f = {.open_sync = 1};
    ctx_init(&c);
    c.close_in_on_open = 1;
    fake_start(&c, &f);
    RUN_UNTIL(&c, c.closed == 1);
    assert_int_equal(c.opened, 1);
    assert_int_equal(f.closes, 1);
    ctx_finish(&c);
}

/* ---- URLs ------------------------------------------------------------------------------- */

static void bad_urls_fail_synchronously(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "", "tcp://", "tcp://host", "tcp://host:", "tcp://host:0", "tcp://host:65536",
        "tcp://host:12ab", "tcp://:80", "tcp://ho st:80", "tcp://[::1:80", "tcp://[::1]80",
        "tcp://a:b:80", "tcp://host:123456", "udp://host:80", "ttyUSB0", "/", "/dev/",
        "serial:/dev/ttyACM0",
    };
    ctx_t c;
    ctx_init(&c);
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        c.port = (zwh__port_t *)&c; /* must be cleared */
        int r = zwh__port_open(&c.loop, bad[i], &k_cbs, &c, NULL, &c.port);
        if (r != ZWH_EINVAL)
            fail_msg("'%s' gave %d", bad[i], r);
        assert_null(c.port);
    }
    assert_int_equal(zwh__port_open(&c.loop, NULL, &k_cbs, &c, NULL, &c.port), ZWH_EINVAL);
    assert_int_equal(zwh__port_open(&c.loop, "tcp://127.0.0.1:1", &k_cbs, &c, NULL, NULL),
                     ZWH_EINVAL);
    assert_int_equal(zwh__port_open(&c.loop, "tcp://127.0.0.1:1", NULL, &c, NULL, &c.port),
                     ZWH_EINVAL);
    run_turns(&c, 2);
    assert_int_equal(c.opened, 0);
    ctx_finish(&c);
}

/* ---- TCP ----------------------------------------------------------------------------------- */

static void srv_alloc(uv_handle_t *h, size_t hint, uv_buf_t *buf)
{
    ctx_t *c = h->data;
    (void)hint;
    *buf = uv_buf_init((char *)c->srx + c->srxlen, (unsigned)(sizeof c->srx - c->srxlen));
}

static void srv_read(uv_stream_t *s, ssize_t n, const uv_buf_t *buf)
{
    ctx_t *c = s->data;
    (void)buf;
    if (n > 0)
        c->srxlen += (size_t)n;
    else if (n < 0)
        c->peer_eof = 1;
}

static void srv_conn(uv_stream_t *server, int status)
{
    ctx_t *c = server->data;
    assert_int_equal(status, 0);
    assert_int_equal(c->peer_open, 0);
    uv_tcp_init(&c->loop, &c->peer);
    c->peer.data = c;
    c->peer_open = 1;
    assert_int_equal(uv_accept(server, (uv_stream_t *)&c->peer), 0);
    c->accepted++;
    uv_read_start((uv_stream_t *)&c->peer, srv_alloc, srv_read);
}

/* Listens on 127.0.0.1 on a free port; returns the port number. */
static int server_start(ctx_t *c)
{
    struct sockaddr_in sa;
    uv_ip4_addr("127.0.0.1", 0, &sa);
    uv_tcp_init(&c->loop, &c->server);
    c->server.data = c;
    c->server_open = 1;
    assert_int_equal(uv_tcp_bind(&c->server, (const struct sockaddr *)&sa, 0), 0);
    assert_int_equal(uv_listen((uv_stream_t *)&c->server, 4, srv_conn), 0);
    struct sockaddr_storage ss;
    int len = sizeof ss;
    assert_int_equal(uv_tcp_getsockname(&c->server, (struct sockaddr *)&ss, &len), 0);
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

static void tcp_connect_ok(ctx_t *c, const char *host)
{
    char url[64];
    snprintf(url, sizeof url, "tcp://%s:%d", host, server_start(c));
    assert_int_equal(open_url(c, url), 0);
    assert_string_equal(zwh__port_kind(c->port), "tcp");
    assert_int_equal(zwh__port_write(c->port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    RUN_UNTIL(c, c->opened == 1);
    assert_int_equal(c->open_status, 0);
    RUN_UNTIL(c, c->accepted == 1);
}

static void tcp_write_and_read(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    tcp_connect_ok(&c, "127.0.0.1");

    static uint8_t big[12000];
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7 + 1);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"\x01\x03\x00\x15\xe9", 5), 0);
    assert_int_equal(zwh__port_write(c.port, big, sizeof big), 0);
    RUN_UNTIL(&c, c.srxlen == 5 + sizeof big);
    assert_memory_equal(c.srx, "\x01\x03\x00\x15\xe9", 5);
    assert_memory_equal(c.srx + 5, big, sizeof big);

    uv_buf_t b = uv_buf_init("\x06\x01\x10\x01", 4);
    assert_int_equal(uv_try_write((uv_stream_t *)&c.peer, &b, 1), 4);
    RUN_UNTIL(&c, c.rxlen == 4);
    assert_memory_equal(c.rx, "\x06\x01\x10\x01", 4);

    close_port(&c);
    RUN_UNTIL(&c, c.peer_eof); /* the socket really went away */
    assert_int_equal(c.opened, 1);
    assert_int_equal(c.drops, 0);
    ctx_finish(&c);
}

static void tcp_localhost_resolves(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    tcp_connect_ok(&c, "localhost"); /* ::1 may refuse first: the next address is tried */
    close_port(&c);
    ctx_finish(&c);
}

static void tcp_refused(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    int port = server_start(&c); /* a port that was free a moment ago... */
    uv_close((uv_handle_t *)&c.server, srv_closed);
    c.server_open = 0;
    run_turns(&c, 2);
    char url[64], want[128];
    snprintf(url, sizeof url, "tcp://127.0.0.1:%d", port); /* ...and is closed now */
    assert_int_equal(open_url(&c, url), 0);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(c.open_status, ZWH_ECONNREFUSED);
    snprintf(want, sizeof want, "%s: connection refused", url);
    assert_string_equal(c.open_error, want);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    close_port(&c);
    assert_int_equal(c.drops, 0);
    ctx_finish(&c);
}

/* A 70-character DNS label is rejected by the resolver before any query is sent
 * (labels are at most 63), so this fails fast and offline. */
static void tcp_name_resolution_failure(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    char host[80], url[128], want[256];
    memset(host, 'a', 70);
    strcpy(host + 70, ".invalid");
    snprintf(url, sizeof url, "tcp://%s:4201", host);
    assert_int_equal(open_url(&c, url), 0);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(c.open_status, ZWH_EHOSTUNREACH);
    snprintf(want, sizeof want, "%s: cannot resolve host '%s' (", url, host);
    assert_memory_equal(c.open_error, want, strlen(want));
    print_message("  %s\n", c.open_error);
    close_port(&c);
    ctx_finish(&c);
}

static void peer_reset_closed(uv_handle_t *h)
{
    ctx_t *c = h->data;
    c->peer_open = 0;
}

static void tcp_peer_reset_drops_once(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    tcp_connect_ok(&c, "127.0.0.1");
    assert_int_equal(uv_tcp_close_reset(&c.peer, peer_reset_closed), 0);
    RUN_UNTIL(&c, c.drops == 1);
    assert_int_equal(c.drop_status, ZWH_ECONNRESET);
    assert_non_null(strstr(c.drop_error, "connection lost"));
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    run_turns(&c, 5);
    assert_int_equal(c.drops, 1);
    close_port(&c);
    ctx_finish(&c);
}

static void tcp_peer_eof_drops_once(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    tcp_connect_ok(&c, "127.0.0.1");
    uv_close((uv_handle_t *)&c.peer, peer_reset_closed);
    RUN_UNTIL(&c, c.drops == 1);
    assert_int_equal(c.drop_status, ZWH_ECONNRESET);
    assert_non_null(strstr(c.drop_error, ": connection closed by the peer"));
    run_turns(&c, 5);
    assert_int_equal(c.drops, 1);
    close_port(&c);
    ctx_finish(&c);
}

static void tcp_close_before_open(void **state)
{
    (void)state;
    static const char *const hosts[] = {"127.0.0.1", "localhost"};
    for (size_t i = 0; i < 2; i++) {
        ctx_t c;
        char url[64];
        ctx_init(&c);
        snprintf(url, sizeof url, "tcp://%s:%d", hosts[i], server_start(&c));
        assert_int_equal(open_url(&c, url), 0);
        close_port(&c); /* resolving or connecting: cancelled */
        run_turns(&c, 10);
        assert_int_equal(c.opened, 0); /* on_open never fires after close */
        assert_int_equal(c.closed, 1);
        ctx_finish(&c);
    }
}

static void tcp_close_from_callbacks(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    c.close_in_on_open = 1;
    char url[64];
    snprintf(url, sizeof url, "tcp://127.0.0.1:%d", server_start(&c));
    assert_int_equal(open_url(&c, url), 0);
    RUN_UNTIL(&c, c.closed == 1);
    assert_int_equal(c.opened, 1);
    ctx_finish(&c);

    ctx_init(&c);
    c.close_in_on_read = 1;
    tcp_connect_ok(&c, "127.0.0.1");
    uv_buf_t b = uv_buf_init("\x06", 1);
    assert_int_equal(uv_try_write((uv_stream_t *)&c.peer, &b, 1), 1);
    RUN_UNTIL(&c, c.closed == 1);
    assert_int_equal(c.reads, 1);
    assert_int_equal(c.drops, 0);
    ctx_finish(&c);
}

/* ---- pseudo-terminals ---------------------------------------------------------------------- */

static void pty_make(ctx_t *c)
{
    c->master = posix_openpt(O_RDWR | O_NOCTTY | O_CLOEXEC);
    assert_true(c->master >= 0);
    assert_int_equal(grantpt(c->master), 0);
    assert_int_equal(unlockpt(c->master), 0);
    assert_int_equal(ptsname_r(c->master, c->slave, sizeof c->slave), 0);
    int fl = fcntl(c->master, F_GETFL);
    assert_int_equal(fcntl(c->master, F_SETFL, fl | O_NONBLOCK), 0);
}

/* Reads whatever the pty master has into c->srx. */
static size_t master_drain(ctx_t *c)
{
    for (;;) {
        ssize_t n = read(c->master, c->srx + c->srxlen, sizeof c->srx - c->srxlen);
        if (n <= 0)
            return c->srxlen;
        c->srxlen += (size_t)n;
    }
}

static void pty_open_ok(ctx_t *c, const char *path, const char *kind)
{
    assert_int_equal(open_url(c, path), 0);
    assert_string_equal(zwh__port_kind(c->port), kind);
    RUN_UNTIL(c, c->opened == 1);
    if (c->open_status != 0)
        fail_msg("open %s: %s", path, c->open_error);
}

static void pty_bytes_both_ways(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    pty_open_ok(&c, c.slave, "tty");

    uint8_t all[256]; /* every byte value: raw mode passes XON/XOFF, CR, ^C untouched */
    for (size_t i = 0; i < sizeof all; i++)
        all[i] = (uint8_t)i;
    assert_int_equal(write(c.master, all, sizeof all), (ssize_t)sizeof all);
    RUN_UNTIL(&c, c.rxlen == sizeof all);
    assert_memory_equal(c.rx, all, sizeof all);

    assert_int_equal(zwh__port_write(c.port, all, sizeof all), 0);
    RUN_UNTIL(&c, master_drain(&c) == sizeof all);
    assert_memory_equal(c.srx, all, sizeof all);
    close_port(&c);
    assert_int_equal(c.drops, 0);
    ctx_finish(&c);
}

static uint8_t pattern_at(size_t k)
{
    return (uint8_t)(k ^ (k >> 8) ^ (k >> 16));
}

/* Drains the pty master, checking every byte against pattern_at(); returns the
 * number of bytes seen so far. */
static size_t master_drain_pattern(ctx_t *c, size_t *got)
{
    uint8_t tmp[4096];
    ssize_t n;
    while ((n = read(c->master, tmp, sizeof tmp)) > 0) {
        for (ssize_t i = 0; i < n; i++) {
            if (tmp[i] != pattern_at(*got + (size_t)i))
                fail_msg("byte %zu is %02x, want %02x", *got + (size_t)i, tmp[i],
                         pattern_at(*got + (size_t)i));
        }
        *got += (size_t)n;
    }
    return *got;
}

/* The master reads nothing until the kernel's pty buffer and then the port's
 * queue are full (EAGAIN -> wait for UV_WRITABLE); then everything arrives, in
 * order, once the master drains. */
static void pty_backpressure_keeps_order(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    pty_open_ok(&c, c.slave, "tty");
    uint8_t chunk[4000];
    size_t sent = 0, got = 0;
    int full = 0;
    for (int i = 0; i < 400 && !full; i++) {
        for (size_t j = 0; j < sizeof chunk; j++)
            chunk[j] = pattern_at(sent + j);
        int r = zwh__port_write(c.port, chunk, sizeof chunk);
        if (r == ZWH_ENOSPC)
            full = 1;
        else {
            assert_int_equal(r, 0);
            sent += sizeof chunk;
        }
        run_turns(&c, 1);
    }
    assert_true(full);
    assert_true(sent > ZWH__PORT_QUEUE_MAX);
    RUN_UNTIL(&c, master_drain_pattern(&c, &got) == sent);
    run_turns(&c, 2);
    assert_int_equal(master_drain_pattern(&c, &got), sent);
    assert_int_equal(c.drops, 0);
    close_port(&c);
    ctx_finish(&c);
}

static void pty_second_open_is_busy(void **state)
{
    (void)state;
    ctx_t c, d;
    ctx_init(&c);
    pty_make(&c);
    pty_open_ok(&c, c.slave, "tty");

    ctx_init(&d);
    assert_int_equal(open_url(&d, c.slave), 0);
    RUN_UNTIL(&d, d.opened == 1);
    assert_int_equal(d.open_status, ZWH_EBUSY);
    char want[160];
    snprintf(want, sizeof want, "%s: device busy (another program has it open)", c.slave);
    assert_string_equal(d.open_error, want);
    close_port(&d);

    close_port(&c); /* lock and TIOCEXCL released: a new open works */
    d.opened = 0;
    pty_open_ok(&d, c.slave, "tty");
    close_port(&d);
    ctx_finish(&d);
    ctx_finish(&c);
}

static void pty_master_closed_drops_once(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    pty_open_ok(&c, c.slave, "tty");
    close(c.master);
    c.master = -1;
    RUN_UNTIL(&c, c.drops == 1);
    assert_int_equal(c.drop_status, ZWH_ECONNRESET);
    char want[160];
    snprintf(want, sizeof want, "%s: device disconnected (", c.slave);
    assert_memory_equal(c.drop_error, want, strlen(want));
    print_message("  %s\n", c.drop_error);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    run_turns(&c, 5);
    assert_int_equal(c.drops, 1);
    close_port(&c);
    ctx_finish(&c);
}

/* What a USB unplug does to a tty: the kernel hangs it up (POLLHUP|POLLERR, then
 * read() == 0 / EIO). TIOCVHANGUP does the same to a pty but needs CAP_SYS_ADMIN. */
static void tty_hangup_drops_once(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    pty_open_ok(&c, c.slave, "tty");
    int fd = open(c.slave, O_RDWR | O_NOCTTY | O_CLOEXEC); /* root passes TIOCEXCL */
    if (fd < 0 || ioctl(fd, TIOCVHANGUP) != 0) {
        if (fd >= 0)
            close(fd);
        close_port(&c);
        ctx_finish(&c);
        print_message("TIOCVHANGUP needs root (CAP_SYS_ADMIN): hang-up case skipped\n");
        skip();
    }
    close(fd);
    RUN_UNTIL(&c, c.drops == 1);
    assert_int_equal(c.drop_status, ZWH_ECONNRESET);
    char want[160];
    snprintf(want, sizeof want, "%s: device disconnected (", c.slave);
    assert_memory_equal(c.drop_error, want, strlen(want));
    print_message("  %s\n", c.drop_error);
    assert_int_equal(zwh__port_write(c.port, (const uint8_t *)"x", 1), ZWH_ENOTCONN);
    run_turns(&c, 5);
    assert_int_equal(c.drops, 1);
    close_port(&c);
    ctx_finish(&c);
}

static void pty_close_before_open(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    assert_int_equal(open_url(&c, c.slave), 0);
    close_port(&c);
    run_turns(&c, 5);
    assert_int_equal(c.opened, 0);
    assert_int_equal(c.closed, 1);
    ctx_finish(&c);
}

/* A path outside /dev/pts goes to the serial backend, which resolves the link and
 * hands the pty to the tty backend (libserialport 0.1.1 cannot open ptys). */
static void symlink_to_pty_falls_back_to_tty(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    char dir[] = "/tmp/zwh-port-XXXXXX", link[64];
    assert_non_null(mkdtemp(dir));
    snprintf(link, sizeof link, "%s/ttyZWAVE", dir);
    assert_int_equal(symlink(c.slave, link), 0);
    pty_open_ok(&c, link, "tty");
    assert_int_equal(write(c.master, "\x15", 1), 1);
    RUN_UNTIL(&c, c.rxlen == 1);
    assert_int_equal(c.rx[0], 0x15);
    close_port(&c);
    unlink(link);
    rmdir(dir);
    ctx_finish(&c);
}

static void missing_device(void **state)
{
    (void)state;
    static const char *const paths[] = {"/dev/ttyACM99", "/dev/serial/by-id/usb-0658_0200-if00"};
    for (size_t i = 0; i < 2; i++) {
        if (access(paths[i], F_OK) == 0)
            continue;
        ctx_t c;
        char want[160];
        ctx_init(&c);
        assert_int_equal(open_url(&c, paths[i]), 0);
        assert_string_equal(zwh__port_kind(c.port), "serial");
        RUN_UNTIL(&c, c.opened == 1);
        assert_int_equal(c.open_status, ZWH_ENOENT);
        snprintf(want, sizeof want, "%s: no such device", paths[i]);
        assert_string_equal(c.open_error, want);
        close_port(&c);
        ctx_finish(&c);
    }
}

static void not_a_tty(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    assert_int_equal(open_url(&c, "/dev/null"), 0);
    RUN_UNTIL(&c, c.opened == 1);
    assert_int_equal(c.open_status, ZWH_ENOTSUP);
    assert_string_equal(c.open_error, "/dev/null: not a serial port or terminal");
    close_port(&c);
    ctx_finish(&c);
}

/* Opens path on a fresh loop and reports status and message through fd. */
static void child_open_report(const char *path, int fd)
{
    ctx_t c;
    ctx_init(&c);
    char msg[300];
    if (open_url(&c, path) != 0)
        _exit(3);
    RUN_UNTIL(&c, c.opened == 1);
    snprintf(msg, sizeof msg, "%d %s", c.open_status, c.open_error);
    close_port(&c);
    ctx_finish(&c);
    if (write(fd, msg, strlen(msg)) < 0)
        _exit(4);
    _exit(0);
}

static void permission_denied_names_the_group(void **state)
{
    (void)state;
    ctx_t c;
    ctx_init(&c);
    pty_make(&c);
    struct stat st;
    if (geteuid() == 0) {
        /* as on a real stick: the device belongs to group dialout (or tty) */
        struct group *dial = getgrnam("dialout");
        if (!dial)
            dial = getgrnam("tty");
        if (dial)
            assert_int_equal(chown(c.slave, (uid_t)-1, dial->gr_gid), 0);
    }
    assert_int_equal(stat(c.slave, &st), 0);
    struct group *gr = getgrgid(st.st_gid);
    if (!gr || st.st_gid == 0) {
        ctx_finish(&c);
        print_message("pty slave has no named non-root group: permission case skipped\n");
        skip();
    }
    char want[200], got[300] = "";
    snprintf(want, sizeof want, "%d %s: permission denied (add the user to group '%s')",
             ZWH_EACCES, c.slave, gr->gr_name);
    if (geteuid() != 0) {
        /* deny the owner, let the group in */
        assert_int_equal(chmod(c.slave, 0060), 0);
        assert_int_equal(open_url(&c, c.slave), 0);
        RUN_UNTIL(&c, c.opened == 1);
        snprintf(got, sizeof got, "%d %s", c.open_status, c.open_error);
        close_port(&c);
    } else {
        /* root is never denied: open from a child that dropped to nobody */
        assert_int_equal(chmod(c.slave, 0660), 0);
        int pfd[2];
        assert_int_equal(pipe(pfd), 0);
        pid_t pid = fork();
        assert_true(pid >= 0);
        if (pid == 0) {
            close(pfd[0]);
            if (setgroups(0, NULL) != 0 || setgid(65534) != 0 || setuid(65534) != 0)
                _exit(2);
            child_open_report(c.slave, pfd[1]);
        }
        close(pfd[1]);
        ssize_t n = read(pfd[0], got, sizeof got - 1);
        close(pfd[0]);
        int wst = 0;
        assert_int_equal(waitpid(pid, &wst, 0), pid);
        if (WIFEXITED(wst) && WEXITSTATUS(wst) == 2) {
            ctx_finish(&c);
            print_message("running as root without CAP_SETUID: permission case skipped\n");
            skip();
        }
        assert_true(WIFEXITED(wst) && WEXITSTATUS(wst) == 0);
        assert_true(n > 0);
        got[n] = '\0';
    }
    assert_string_equal(got, want);
    ctx_finish(&c);
}

/* ---- enumeration ------------------------------------------------------------------------------ */

static void list_ports(void **state)
{
    (void)state;
    size_t count = 99;
    assert_int_equal(zwh_port_list(NULL, 0, &count), 0); /* the machine may have none */
    zwh_port_info_t info[16];
    size_t n = 0;
    assert_int_equal(zwh_port_list(info, 16, &n), 0);
    assert_int_equal(n, count);
    for (size_t i = 0; i < n && i < 16; i++) {
        assert_true(strncmp(info[i].path, "/dev/", 5) == 0);
        assert_int_equal(info[i].is_zwave, zwh_port_is_zwave_usb(info[i].usb_vid, info[i].usb_pid));
        if (!info[i].is_usb)
            assert_int_equal(info[i].usb_vid, 0);
        print_message("  %s %04x:%04x %s%s\n", info[i].path, info[i].usb_vid, info[i].usb_pid,
                      info[i].product, info[i].is_zwave ? " (Z-Wave)" : "");
    }
    assert_int_equal(zwh_port_list(NULL, 1, &n), ZWH_EINVAL);
    assert_int_equal(zwh_port_list(info, 1, NULL), ZWH_EINVAL);
}

static void zwave_usb_ids(void **state)
{
    (void)state;
    assert_true(zwh_port_is_zwave_usb(0x0658, 0x0200)); /* Aeotec Z-Stick Gen5, UZB */
    assert_true(zwh_port_is_zwave_usb(0x10c4, 0xea60)); /* CP210x: Zooz ZST10 */
    assert_true(zwh_port_is_zwave_usb(0x10c4, 0x8a2a)); /* HUSBZB-1 */
    assert_true(zwh_port_is_zwave_usb(0x1a86, 0x55d4)); /* CH9102: Zooz ZST10 700 */
    assert_false(zwh_port_is_zwave_usb(0x0658, 0x0201));
    assert_false(zwh_port_is_zwave_usb(0x0200, 0x0658));
    assert_false(zwh_port_is_zwave_usb(0, 0));
    assert_false(zwh_port_is_zwave_usb(0x1a86, 0x7523)); /* CH340: not a Z-Wave stick */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(core_open_is_deferred_and_once),
        cmocka_unit_test(core_open_failure_reported_later),
        cmocka_unit_test(core_write_queue_copies_in_order),
        cmocka_unit_test(core_read_before_deferred_open_comes_after_on_open),
        cmocka_unit_test(core_drop_once_and_never_inside_write),
        cmocka_unit_test(core_nothing_after_close),
        cmocka_unit_test(core_close_from_on_open),
        cmocka_unit_test(bad_urls_fail_synchronously),
        cmocka_unit_test(tcp_write_and_read),
        cmocka_unit_test(tcp_localhost_resolves),
        cmocka_unit_test(tcp_refused),
        cmocka_unit_test(tcp_name_resolution_failure),
        cmocka_unit_test(tcp_peer_reset_drops_once),
        cmocka_unit_test(tcp_peer_eof_drops_once),
        cmocka_unit_test(tcp_close_before_open),
        cmocka_unit_test(tcp_close_from_callbacks),
        cmocka_unit_test(pty_bytes_both_ways),
        cmocka_unit_test(pty_backpressure_keeps_order),
        cmocka_unit_test(pty_second_open_is_busy),
        cmocka_unit_test(pty_master_closed_drops_once),
        cmocka_unit_test(tty_hangup_drops_once),
        cmocka_unit_test(pty_close_before_open),
        cmocka_unit_test(symlink_to_pty_falls_back_to_tty),
        cmocka_unit_test(missing_device),
        cmocka_unit_test(not_a_tty),
        cmocka_unit_test(permission_denied_names_the_group),
        cmocka_unit_test(list_ports),
        cmocka_unit_test(zwave_usb_ids),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
