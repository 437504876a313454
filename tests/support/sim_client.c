#include "sim_client.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

uint64_t sim_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000u + (uint64_t)ts.tv_nsec / 1000000u;
}

static int wait_readable(int fd, int timeout_ms)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    for (;;) {
        int r = poll(&pfd, 1, timeout_ms < 0 ? 0 : timeout_ms);
        if (r < 0 && errno == EINTR)
            continue;
        return r;
    }
}

/* ---- process ---------------------------------------------------------------- */

int sim_proc_read_line(sim_proc_t *p, char *buf, size_t cap, int timeout_ms)
{
    uint64_t deadline = sim_now_ms() + (uint64_t)timeout_ms;
    for (;;) {
        char *nl = memchr(p->outbuf, '\n', p->outlen);
        if (nl) {
            size_t n = (size_t)(nl - p->outbuf);
            size_t copy = n < cap - 1 ? n : cap - 1;
            memcpy(buf, p->outbuf, copy);
            buf[copy] = '\0';
            memmove(p->outbuf, nl + 1, p->outlen - n - 1);
            p->outlen -= n + 1;
            return 0;
        }
        uint64_t now = sim_now_ms();
        if (now >= deadline || p->outlen == sizeof p->outbuf)
            return -1;
        if (wait_readable(p->out_fd, (int)(deadline - now)) <= 0)
            return -1;
        ssize_t r = read(p->out_fd, p->outbuf + p->outlen, sizeof p->outbuf - p->outlen);
        if (r <= 0)
            return -1;
        p->outlen += (size_t)r;
    }
}

int sim_proc_start(sim_proc_t *p, const char *const *args)
{
    memset(p, 0, sizeof *p);
    p->pid = -1;
    int out[2], in[2];
    if (pipe2(out, O_CLOEXEC) < 0)
        return -1;
    if (pipe2(in, O_CLOEXEC) < 0) {
        close(out[0]);
        close(out[1]);
        return -1;
    }
    const char *argv[64];
    size_t n = 0;
    argv[n++] = ZWH_TEST_BIN_DIR "/zwh-sim";
    int is_pty = 0;
    for (size_t i = 0; args && args[i] && n < 63; i++) {
        argv[n++] = args[i];
        if (strcmp(args[i], "--pty") == 0)
            is_pty = 1;
    }
    argv[n] = NULL;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        execv(argv[0], (char *const *)argv);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    p->pid = pid;
    p->out_fd = out[0];
    p->in_fd = in[1];
    char line[256];
    if (sim_proc_read_line(p, line, sizeof line, 5000) < 0) {
        sim_proc_stop(p);
        return -1;
    }
    if (is_pty) {
        if (strncmp(line, "PTY ", 4) != 0)
            goto bad;
        snprintf(p->pty, sizeof p->pty, "%s", line + 4);
        return 0;
    }
    unsigned port;
    if (strncmp(line, "LISTEN ", 7) != 0 || sscanf(line + 7, "tcp://%*[^:]:%u", &port) != 1)
        goto bad;
    snprintf(p->url, sizeof p->url, "%s", line + 7);
    p->port = (uint16_t)port;
    return 0;
bad:
    fprintf(stderr, "sim_proc_start: unexpected first line '%s'\n", line);
    sim_proc_stop(p);
    return -1;
}

int sim_proc_stdin(sim_proc_t *p, const char *line)
{
    size_t n = strlen(line);
    if (write(p->in_fd, line, n) != (ssize_t)n || write(p->in_fd, "\n", 1) != 1)
        return -1;
    return 0;
}

int sim_proc_stop(sim_proc_t *p)
{
    if (p->pid <= 0)
        return -1;
    kill(p->pid, SIGTERM);
    int status = 0, rc = -1;
    for (int i = 0; i < 500; i++) { /* 5 s */
        pid_t r = waitpid(p->pid, &status, WNOHANG);
        if (r == p->pid) {
            rc = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            break;
        }
        usleep(10000);
    }
    if (rc < 0) {
        kill(p->pid, SIGKILL);
        waitpid(p->pid, &status, 0);
    }
    close(p->out_fd);
    close(p->in_fd);
    p->pid = -1;
    return rc;
}

/* ---- client -------------------------------------------------------------------- */

static void client_init(sim_client_t *c, int fd)
{
    memset(c, 0, sizeof *c);
    c->fd = fd;
    zwh__frame_parser_init(&c->parser);
}

int sim_client_connect(sim_client_t *c, uint16_t port)
{
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_port = htons(port)};
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (connect(fd, (struct sockaddr *)&a, sizeof a) < 0) {
        close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    client_init(c, fd);
    return 0;
}

int sim_client_open_pty(sim_client_t *c, const char *path)
{
    int fd = open(path, O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct termios t;
    if (tcgetattr(fd, &t) == 0) {
        cfmakeraw(&t);
        tcsetattr(fd, TCSANOW, &t);
    }
    tcflush(fd, TCIOFLUSH);
    client_init(c, fd);
    return 0;
}

void sim_client_close(sim_client_t *c)
{
    if (c->fd >= 0)
        close(c->fd);
    c->fd = -1;
}

int sim_client_write(sim_client_t *c, const uint8_t *buf, size_t len)
{
    while (len) {
        ssize_t n = write(c->fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return -1;
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

int sim_client_send(sim_client_t *c, uint8_t type, uint8_t func, const uint8_t *payload, size_t len)
{
    uint8_t out[ZWH__FRAME_MAX];
    int n = zwh__frame_encode(type, func, payload, len, out, sizeof out);
    if (n < 0)
        return -1;
    return sim_client_write(c, out, (size_t)n);
}

int sim_client_next(sim_client_t *c, int timeout_ms, sim_frame_t *f)
{
    uint64_t deadline = sim_now_ms() + (uint64_t)timeout_ms;
    memset(f, 0, sizeof *f);
    for (;;) {
        while (c->pos < c->have) {
            int ev;
            zwh__frame_t fr;
            c->pos += zwh__frame_parse(&c->parser, c->buf + c->pos, c->have - c->pos, sim_now_ms(), &ev, &fr);
            if (ev == ZWH__FEV_NONE)
                continue;
            f->ev = ev;
            if (ev == ZWH__FEV_DATA) {
                f->type = fr.type;
                f->func = fr.func;
                f->len = fr.len;
                memcpy(f->payload, fr.payload, fr.len);
                int n = zwh__frame_encode(fr.type, fr.func, fr.payload, fr.len, f->raw, sizeof f->raw);
                f->rawlen = n > 0 ? (size_t)n : 0;
            }
            return ev;
        }
        c->pos = c->have = 0;
        uint64_t now = sim_now_ms();
        if (now >= deadline)
            return 0;
        int r = wait_readable(c->fd, (int)(deadline - now));
        if (r == 0)
            return 0;
        if (r < 0)
            return -1;
        ssize_t n = read(c->fd, c->buf, sizeof c->buf);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            return -1;
        c->have = (size_t)n;
    }
}

int sim_client_frame(sim_client_t *c, int timeout_ms, sim_frame_t *f)
{
    int ev = sim_client_next(c, timeout_ms, f);
    if (ev == 0)
        return 0;
    if (ev != ZWH__FEV_DATA)
        return -1;
    const uint8_t ack = ZWH__ACK;
    sim_client_write(c, &ack, 1);
    return 1;
}

int sim_client_request(sim_client_t *c, uint8_t func, const uint8_t *payload, size_t len, sim_frame_t *res,
                       int timeout_ms)
{
    if (sim_client_send(c, ZWH__TYPE_REQ, func, payload, len) < 0)
        return -1;
    if (sim_client_next(c, timeout_ms, res) != ZWH__FEV_ACK)
        return -1;
    if (sim_client_frame(c, timeout_ms, res) != 1 || res->type != ZWH__TYPE_RES || res->func != func)
        return -1;
    return (int)res->len;
}

int sim_client_quiet(sim_client_t *c, int ms)
{
    sim_frame_t f;
    return sim_client_next(c, ms, &f) == 0;
}
