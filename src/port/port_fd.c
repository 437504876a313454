/* Shared by the serial and tty backends: device error explanations, the
 * exclusive lock, termios and the uv_poll reader/writer with drop detection. */
#include "port/port_fd.h"

#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>
#include "zwhost/error.h"

/* strerror text in the style of our messages: "input/output error". */
static const char *errno_text(int err, char *buf, size_t len)
{
    const char *t = strerror_r(err, buf, len);
    if (t != buf) {
        snprintf(buf, len, "%s", t);
        t = buf;
    }
    if (buf[0] >= 'A' && buf[0] <= 'Z' && buf[1] >= 'a' && buf[1] <= 'z')
        buf[0] = (char)(buf[0] - 'A' + 'a');
    return t;
}

int zwh__port_path_check(const char *target)
{
    size_t n = strlen(target);
    if (target[0] != '/' || n < 2 || n >= PATH_MAX || target[n - 1] == '/')
        return ZWH_EINVAL;
    return 0;
}

/* " (add the user to group 'dialout')" when the device's group may read and
 * write it, otherwise its mode and owner, so the fix is obvious. */
static void perm_hint(const char *path, char *out, size_t outlen)
{
    struct stat st;
    out[0] = '\0';
    if (stat(path, &st) != 0)
        return;
    unsigned mode = (unsigned)st.st_mode & 07777u;
    if ((st.st_mode & (S_IRGRP | S_IWGRP)) == (S_IRGRP | S_IWGRP) && st.st_gid != 0) {
        char buf[1024];
        struct group gr, *res = NULL;
        if (getgrgid_r(st.st_gid, &gr, buf, sizeof buf, &res) == 0 && res)
            snprintf(out, outlen, " (add the user to group '%s')", res->gr_name);
        else
            snprintf(out, outlen, " (add the user to group %u)", (unsigned)st.st_gid);
    } else {
        snprintf(out, outlen, " (mode %04o, owner uid %u, group gid %u)", mode,
                 (unsigned)st.st_uid, (unsigned)st.st_gid);
    }
}

/* errno -> code and explanation; the first match wins. */
static const struct {
    int err;
    int code;
    const char *text;
} k_dev_errors[] = {
    {ENOENT, ZWH_ENOENT, "no such device"},
    {ENODEV, ZWH_ENOENT, "no such device"},
    {ENXIO, ZWH_ENOENT, "no such device"},
    {ENOTDIR, ZWH_ENOENT, "no such device"},
    {EBUSY, ZWH_EBUSY, "device busy (another program has it open)"},
    {EWOULDBLOCK, ZWH_EBUSY, "device busy (another program has it open)"},
    {EACCES, ZWH_EACCES, "permission denied"},
    {EPERM, ZWH_EACCES, "permission denied"},
    {ENOTTY, ZWH_ENOTSUP, "not a serial port or terminal"},
    {EIO, ZWH_EIO, "input/output error (device unplugged?)"},
};

int zwh__port_dev_fail(zwh__port_t *port, const char *path, int err)
{
    for (size_t i = 0; i < sizeof k_dev_errors / sizeof k_dev_errors[0]; i++) {
        if (k_dev_errors[i].err != err)
            continue;
        char hint[160] = "";
        if (k_dev_errors[i].code == ZWH_EACCES)
            perm_hint(path, hint, sizeof hint);
        return zwh__port_fail(port, k_dev_errors[i].code, "%s%s", k_dev_errors[i].text, hint);
    }
    char buf[128];
    return zwh__port_fail(port, -err, "%s", errno_text(err, buf, sizeof buf));
}

int zwh__port_fd_open_locked(zwh__port_t *port, const char *path, int *fd_out)
{
    int fd = open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return zwh__port_dev_fail(port, path, errno);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        int e = errno;
        close(fd);
        return zwh__port_dev_fail(port, path, e);
    }
#ifdef TIOCGEXCL
    /* root passes TIOCEXCL: still refuse a tty another program holds exclusively */
    int excl = 0;
    if (ioctl(fd, TIOCGEXCL, &excl) == 0 && excl) {
        close(fd);
        return zwh__port_dev_fail(port, path, EBUSY);
    }
#endif
    *fd_out = fd;
    return 0;
}

int zwh__port_fd_excl(zwh__port_t *port, int fd)
{
    if (ioctl(fd, TIOCEXCL) != 0)
        return zwh__port_dev_fail(port, zwh__port_target(port), errno);
    return 0;
}

void zwh__port_fd_unexcl(int fd)
{
    (void)ioctl(fd, TIOCNXCL);
}

int zwh__port_fd_termios(zwh__port_t *port, int fd, int raw_115200_8n1)
{
    struct termios t;
    if (tcgetattr(fd, &t) != 0)
        return zwh__port_dev_fail(port, zwh__port_target(port), errno);
    if (raw_115200_8n1) {
        cfmakeraw(&t);
        t.c_cflag &= ~(tcflag_t)(CSTOPB | CRTSCTS | PARENB | CSIZE);
        t.c_cflag |= CS8 | CLOCAL | CREAD;
        t.c_iflag &= ~(tcflag_t)(IXON | IXOFF | IXANY);
        if (cfsetispeed(&t, B115200) != 0 || cfsetospeed(&t, B115200) != 0)
            return zwh__port_dev_fail(port, zwh__port_target(port), errno);
    }
    /* With O_NONBLOCK and VMIN=1 an empty tty answers EAGAIN, so read() == 0
     * means hang-up (USB unplug) rather than "no data yet" as with VMIN=0. */
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    if (tcsetattr(fd, TCSANOW, &t) != 0)
        return zwh__port_dev_fail(port, zwh__port_target(port), errno);
    return 0;
}

/* ---- uv_poll reader/writer ---------------------------------------------------- */

static void fdio_poll_cb(uv_poll_t *h, int status, int events);

static void fdio_drop(zwh__port_fdio_t *io, int err)
{
    zwh__port_t *port = io->port;
    char buf[128];
    io->down = 1;
    uv_poll_stop(&io->poll);
    if (err)
        zwh__port_fail(port, ZWH_ECONNRESET, "device disconnected (%s)",
                       errno_text(err, buf, sizeof buf));
    else
        zwh__port_fail(port, ZWH_ECONNRESET, "device disconnected (hang-up)");
    if (io->wbuf) {
        io->wbuf = NULL;
        zwh__port_write_done(port, ZWH_ECONNRESET);
    }
    zwh__port_dropped(port, ZWH_ECONNRESET);
}

static void fdio_watch(zwh__port_fdio_t *io, int events)
{
    if (io->events == events)
        return;
    io->events = events;
    int r = uv_poll_start(&io->poll, events, fdio_poll_cb);
    if (r < 0)
        fdio_drop(io, -r);
}

static void fdio_flush(zwh__port_fdio_t *io)
{
    while (io->woff < io->wlen) {
        ssize_t n = write(io->fd, io->wbuf + io->woff, io->wlen - io->woff);
        if (n > 0) {
            io->woff += (size_t)n;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            fdio_watch(io, UV_READABLE | UV_WRITABLE);
            return;
        }
        fdio_drop(io, n < 0 ? errno : EIO);
        return;
    }
    fdio_watch(io, UV_READABLE); /* may drop, which ends the write with an error */
    if (io->down)
        return;
    io->wbuf = NULL;
    zwh__port_write_done(io->port, 0);
}

static void fdio_read(zwh__port_fdio_t *io)
{
    /* Bounded, so one busy port cannot starve the loop; poll is level-triggered. */
    for (int i = 0; i < 16; i++) {
        ssize_t n = read(io->fd, io->rbuf, sizeof io->rbuf);
        if (n > 0) {
            zwh__port_received(io->port, io->rbuf, (size_t)n);
            if (io->closing || io->down || (size_t)n < sizeof io->rbuf)
                return;
            continue;
        }
        if (n == 0) {
            fdio_drop(io, 0);
            return;
        }
        if (errno == EINTR)
            continue;
        if (errno != EAGAIN && errno != EWOULDBLOCK)
            fdio_drop(io, errno);
        return;
    }
}

static void fdio_poll_cb(uv_poll_t *h, int status, int events)
{
    zwh__port_fdio_t *io = h->data;
    if (io->closing || io->down)
        return;
    if (status < 0) { /* POLLERR */
        fdio_drop(io, EIO);
        return;
    }
    if (events & UV_READABLE)
        fdio_read(io);
    if (io->closing || io->down)
        return;
    if ((events & UV_WRITABLE) && io->wbuf)
        fdio_flush(io);
}

void zwh__port_fdio_init(zwh__port_fdio_t *io, zwh__port_t *port,
                         void (*release)(zwh__port_fdio_t *io))
{
    io->port = port;
    io->fd = -1;
    io->release = release;
}

int zwh__port_fdio_opened(zwh__port_fdio_t *io, int r)
{
    if (r < 0 && !io->polling) {
        io->release(io);
        return r;
    }
    zwh__port_set_impl(io->port, io);
    zwh__port_opened(io->port, r);
    return 0;
}

int zwh__port_fdio_start(zwh__port_fdio_t *io)
{
    zwh__port_t *port = io->port;
    int fd = io->fd;
    int fl = fcntl(fd, F_GETFL);
    if (fl < 0 || fcntl(fd, F_SETFL, fl | O_NONBLOCK) != 0 || fcntl(fd, F_SETFD, FD_CLOEXEC) != 0)
        return zwh__port_dev_fail(port, zwh__port_target(port), errno);
    int r = uv_poll_init(zwh__port_loop(port), &io->poll, fd);
    if (r < 0)
        return zwh__port_fail(port, r, "cannot watch the device: %s", uv_strerror(r));
    io->polling = 1;
    io->poll.data = io;
    io->events = UV_READABLE;
    r = uv_poll_start(&io->poll, UV_READABLE, fdio_poll_cb);
    if (r < 0)
        return zwh__port_fail(port, r, "cannot watch the device: %s", uv_strerror(r));
    return 0;
}

int zwh__port_fdio_write(zwh__port_t *port, const uint8_t *buf, size_t len)
{
    zwh__port_fdio_t *io = zwh__port_impl(port);
    if (!io || io->down || io->closing)
        return ZWH_ECONNRESET;
    io->wbuf = buf;
    io->wlen = len;
    io->woff = 0;
    fdio_flush(io);
    return 0;
}

static void fdio_closed(uv_handle_t *h)
{
    zwh__port_fdio_t *io = h->data;
    zwh__port_t *port = io->port;
    io->release(io);
    zwh__port_closed(port);
}

void zwh__port_fdio_close(zwh__port_t *port)
{
    zwh__port_fdio_t *io = zwh__port_impl(port);
    if (!io) {
        zwh__port_closed(port);
        return;
    }
    io->closing = 1;
    io->wbuf = NULL;
    if (io->polling) {
        uv_close((uv_handle_t *)&io->poll, fdio_closed);
        return;
    }
    io->release(io);
    zwh__port_closed(port);
}
