/* Transports of zwh-sim: a TCP listener serving one connection at a time (the
 * next one waits in the backlog until the current one closes), or a pty; plus
 * the stdin reader for device-event lines. */
#include "sim.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include "zwhost/error.h"

/* ---- TCP ------------------------------------------------------------------ */

typedef struct {
    uv_write_t req;
    uv_buf_t buf;
    uint8_t data[];
} write_req_t;

static void on_written(uv_write_t *req, int status)
{
    (void)status;
    free(req->data);
}

static void tcp_write(void *user, const uint8_t *buf, size_t len)
{
    sim_t *s = user;
    if (!s->client || s->client_shutting)
        return;
    write_req_t *w = malloc(sizeof *w + len);
    if (!w)
        return;
    memcpy(w->data, buf, len);
    w->buf = uv_buf_init((char *)w->data, (unsigned)len);
    w->req.data = w;
    if (uv_write(&w->req, (uv_stream_t *)s->client, &w->buf, 1, on_written) < 0)
        free(w);
}

static void accept_client(sim_t *s);

static void on_client_closed(uv_handle_t *h)
{
    sim_t *s = h->data;
    free(h);
    s->client = NULL;
    s->client_shutting = 0;
    if (s->client_waiting && !s->closing) {
        s->client_waiting = 0;
        accept_client(s);
    }
}

static void close_client(sim_t *s)
{
    if (!s->client || uv_is_closing((uv_handle_t *)s->client))
        return;
    ZWH_LOGI(&s->log, "host disconnected");
    sim_link_disconnect(&s->link);
    uv_close((uv_handle_t *)s->client, on_client_closed);
}

static void on_alloc(uv_handle_t *h, size_t hint, uv_buf_t *buf)
{
    (void)h;
    (void)hint;
    static const size_t size = 4096;
    buf->base = malloc(size);
    buf->len = buf->base ? size : 0;
}

static void on_read(uv_stream_t *st, ssize_t n, const uv_buf_t *buf)
{
    sim_t *s = st->data;
    if (n > 0 && !s->client_shutting)
        sim_link_input(&s->link, (const uint8_t *)buf->base, (size_t)n);
    else if (n < 0)
        close_client(s);
    free(buf->base);
}

static void on_shutdown(uv_shutdown_t *req, int status)
{
    (void)status;
    sim_t *s = req->data;
    free(req);
    close_client(s);
}

/* drop-connection fault: flush what was written, then close */
static void tcp_drop(void *user)
{
    sim_t *s = user;
    if (!s->client || s->client_shutting)
        return;
    s->client_shutting = 1;
    sim_link_disconnect(&s->link);
    uv_shutdown_t *req = malloc(sizeof *req);
    if (!req) {
        close_client(s);
        return;
    }
    req->data = s;
    if (uv_shutdown(req, (uv_stream_t *)s->client, on_shutdown) < 0) {
        free(req);
        close_client(s);
    }
}

static void accept_client(sim_t *s)
{
    uv_tcp_t *c = malloc(sizeof *c);
    if (!c)
        return;
    uv_tcp_init(s->loop, c);
    c->data = s;
    if (uv_accept((uv_stream_t *)&s->server, (uv_stream_t *)c) < 0) {
        uv_close((uv_handle_t *)c, (uv_close_cb)free);
        return;
    }
    uv_tcp_nodelay(c, 1);
    s->client = c;
    sim_link_connect(&s->link);
    ZWH_LOGI(&s->log, "host connected");
    uv_read_start((uv_stream_t *)c, on_alloc, on_read);
}

static void on_connection(uv_stream_t *server, int status)
{
    sim_t *s = server->data;
    if (status < 0 || s->closing)
        return;
    if (s->client) {
        /* one host at a time: this one waits until the current one leaves */
        ZWH_LOGI(&s->log, "another host connects: it waits until the current one disconnects");
        s->client_waiting = 1;
        return;
    }
    accept_client(s);
}

static int tcp_start(sim_t *s)
{
    const char *url = s->opts.listen;
    char host[64];
    unsigned port;
    int consumed = 0;
    if (strncmp(url, "tcp://", 6) != 0 || sscanf(url + 6, "%63[^:]:%u%n", host, &port, &consumed) != 2 ||
        url[6 + consumed] != '\0' || port > 65535) {
        fprintf(stderr, "zwh-sim: --listen wants tcp://IPV4:PORT, got '%s'\n", url);
        return ZWH_EINVAL;
    }
    struct sockaddr_in addr;
    int rc = uv_ip4_addr(host, (int)port, &addr);
    if (rc == 0)
        rc = uv_tcp_init(s->loop, &s->server);
    s->server.data = s;
    if (rc == 0)
        rc = uv_tcp_bind(&s->server, (const struct sockaddr *)&addr, 0);
    if (rc == 0)
        rc = uv_listen((uv_stream_t *)&s->server, 4, on_connection);
    if (rc < 0) {
        fprintf(stderr, "zwh-sim: cannot listen on %s: %s\n", url, uv_strerror(rc));
        return rc;
    }
    struct sockaddr_in bound;
    int blen = sizeof bound;
    uv_tcp_getsockname(&s->server, (struct sockaddr *)&bound, &blen);
    printf("LISTEN tcp://%s:%u\n", host, (unsigned)ntohs(bound.sin_port));
    fflush(stdout);
    s->link.write = tcp_write;
    s->link.drop = tcp_drop;
    return 0;
}

/* ---- pty ------------------------------------------------------------------ */

static void pty_write(void *user, const uint8_t *buf, size_t len)
{
    sim_t *s = user;
    while (len) {
        ssize_t n = write(s->pty_master, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ZWH_LOGW(&s->log, "pty write: %s (%zu bytes lost)", n < 0 ? strerror(errno) : "short", len);
            return;
        }
        buf += n;
        len -= (size_t)n;
    }
}

static void pty_drop(void *user)
{
    sim_t *s = user;
    /* a pty cannot be closed under the host: start over on the link instead */
    ZWH_LOGW(&s->log, "drop-connection on a pty: link state reset instead");
    sim_link_connect(&s->link);
}

static void on_pty(uv_poll_t *p, int status, int events)
{
    sim_t *s = p->data;
    if (status < 0 || !(events & UV_READABLE))
        return;
    uint8_t buf[1024];
    ssize_t n = read(s->pty_master, buf, sizeof buf);
    if (n > 0)
        sim_link_input(&s->link, buf, (size_t)n);
}

static int pty_start(sim_t *s)
{
    s->pty_master = posix_openpt(O_RDWR | O_NOCTTY);
    if (s->pty_master < 0 || grantpt(s->pty_master) < 0 || unlockpt(s->pty_master) < 0) {
        fprintf(stderr, "zwh-sim: cannot create a pty: %s\n", strerror(errno));
        return -errno;
    }
    const char *name = ptsname(s->pty_master);
    if (!name || strlen(name) >= sizeof s->pty_path) {
        fprintf(stderr, "zwh-sim: ptsname failed\n");
        return ZWH_EIO;
    }
    strcpy(s->pty_path, name);
    /* we hold the slave open ourselves, so the master never sees a hang-up while
     * no host has it open; raw mode, as a USB CDC port is configured */
    s->pty_slave = open(s->pty_path, O_RDWR | O_NOCTTY);
    struct termios t;
    if (s->pty_slave < 0 || tcgetattr(s->pty_slave, &t) < 0) {
        fprintf(stderr, "zwh-sim: cannot open %s: %s\n", s->pty_path, strerror(errno));
        return -errno;
    }
    cfmakeraw(&t);
    cfsetispeed(&t, B115200);
    cfsetospeed(&t, B115200);
    tcsetattr(s->pty_slave, TCSANOW, &t);
    fcntl(s->pty_master, F_SETFL, fcntl(s->pty_master, F_GETFL) | O_NONBLOCK);
    if (s->opts.link_path) {
        unlink(s->opts.link_path);
        if (symlink(s->pty_path, s->opts.link_path) < 0) {
            fprintf(stderr, "zwh-sim: cannot create the link %s: %s\n", s->opts.link_path, strerror(errno));
            return -errno;
        }
    }
    uv_poll_init(s->loop, &s->pty_poll, s->pty_master);
    s->pty_poll.data = s;
    uv_poll_start(&s->pty_poll, UV_READABLE, on_pty);
    s->link.write = pty_write;
    s->link.drop = pty_drop;
    sim_link_connect(&s->link);
    printf("PTY %s\n", s->pty_path);
    fflush(stdout);
    return 0;
}

int sim_transport_start(sim_t *s)
{
    s->pty_master = s->pty_slave = -1;
    s->link.user = s;
    return s->opts.pty ? pty_start(s) : tcp_start(s);
}

void sim_transport_close(sim_t *s)
{
    if (s->opts.pty) {
        if (s->pty_master >= 0) {
            uv_poll_stop(&s->pty_poll);
            uv_close((uv_handle_t *)&s->pty_poll, NULL);
        }
        if (s->opts.link_path)
            unlink(s->opts.link_path);
        return;
    }
    if (s->client && !uv_is_closing((uv_handle_t *)s->client)) {
        sim_link_disconnect(&s->link);
        uv_close((uv_handle_t *)s->client, on_client_closed);
    }
    uv_close((uv_handle_t *)&s->server, NULL);
}

/* ---- stdin ---------------------------------------------------------------- */

static void feed_stdin(sim_t *s, const char *data, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        char ch = data[i];
        if (ch == '\n' || s->inlen == sizeof s->inbuf - 1) {
            s->inbuf[s->inlen] = '\0';
            if (s->inlen && s->inbuf[s->inlen - 1] == '\r')
                s->inbuf[s->inlen - 1] = '\0';
            if (s->inbuf[0])
                sim_stdin_line(s, s->inbuf);
            s->inlen = 0;
            if (ch == '\n')
                continue;
        }
        s->inbuf[s->inlen++] = ch;
    }
}

static void on_stdin(uv_stream_t *st, ssize_t n, const uv_buf_t *buf)
{
    sim_t *s = st->data;
    if (n > 0)
        feed_stdin(s, buf->base, (size_t)n);
    free(buf->base);
    if (n < 0) {
        /* stdin closed: keep serving, there just are no more device events */
        ZWH_LOGD(&s->log, "stdin: end of input (%s)", uv_err_name((int)n));
        sim_stdin_close(s);
    }
}

int sim_stdin_start(sim_t *s)
{
    uv_handle_type t = uv_guess_handle(0);
    int rc = UV_EINVAL;
    if (t == UV_TTY) {
        rc = uv_tty_init(s->loop, &s->in.tty, 0, 1);
    } else if (t == UV_NAMED_PIPE) {
        rc = uv_pipe_init(s->loop, &s->in.pipe, 0);
        if (rc == 0 && (rc = uv_pipe_open(&s->in.pipe, 0)) < 0)
            uv_close((uv_handle_t *)&s->in.pipe, NULL);
    } else if (t == UV_FILE) {
        /* a regular file or /dev/null: read it now, it does not block */
        char buf[512];
        ssize_t n;
        while ((n = read(0, buf, sizeof buf)) > 0)
            feed_stdin(s, buf, (size_t)n);
        return 0;
    }
    if (rc < 0) {
        ZWH_LOGD(&s->log, "stdin not readable as a stream: no device events");
        return 0;
    }
    s->in.pipe.data = s;
    s->in_open = 1;
    uv_read_start((uv_stream_t *)&s->in.pipe, on_alloc, on_stdin);
    return 0;
}

void sim_stdin_close(sim_t *s)
{
    if (!s->in_open)
        return;
    s->in_open = 0;
    uv_close((uv_handle_t *)&s->in.pipe, NULL);
}
