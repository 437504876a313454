/* What the two file-descriptor backends (serial via libserialport, tty via
 * termios) share: device error explanations, the exclusive lock, and a
 * uv_poll-driven reader/writer with drop detection. Private to src/port. */
#ifndef ZWH_PORT_PORT_FD_H
#define ZWH_PORT_PORT_FD_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include "port/port.h"

/* A device path: absolute, not just "/", shorter than PATH_MAX. 0 or ZWH_EINVAL. */
int zwh__port_path_check(const char *target);

/* Explains errno err for device path on the port ("no such device", "device busy
 * (another program has it open)", "permission denied (add the user to group
 * 'dialout')", ...) and returns the matching code (ZWH_ENOENT, ZWH_EBUSY, ...). */
int zwh__port_dev_fail(zwh__port_t *port, const char *path, int err);

/* Opens path O_RDWR|O_NOCTTY|O_NONBLOCK|O_CLOEXEC and takes flock(LOCK_EX|LOCK_NB)
 * on it, so a second opener fails with ZWH_EBUSY. Returns 0 and *fd, or a code
 * with the port's error set. */
int zwh__port_fd_open_locked(zwh__port_t *port, const char *path, int *fd);

/* TIOCEXCL: further open(2)s of the tty fail with EBUSY (except for root).
 * zwh__port_fd_unexcl undoes it before close, as the flag outlives the fd for
 * pseudo-terminals. */
int zwh__port_fd_excl(zwh__port_t *port, int fd);
void zwh__port_fd_unexcl(int fd);

/* Sets VMIN=1, VTIME=0 (so read() == 0 means hang-up); with raw_115200_8n1 also
 * cfmakeraw, 115200 baud, 8N1, no flow control. */
int zwh__port_fd_termios(zwh__port_t *port, int fd, int raw_115200_8n1);

typedef struct zwh__port_fdio zwh__port_fdio_t;
struct zwh__port_fdio {
    zwh__port_t *port;
    uv_poll_t poll;
    int fd;
    int events;         /* UV_READABLE, plus UV_WRITABLE while a write waits */
    uint8_t polling;    /* poll handle initialised */
    uint8_t down;       /* a drop was seen: no more I/O */
    uint8_t closing;
    const uint8_t *wbuf; /* the write in progress (owned by the port's queue) */
    size_t wlen, woff;
    /* Closes the backend's descriptors and frees the struct that holds this one. */
    void (*release)(zwh__port_fdio_t *io);
    uint8_t rbuf[1024];
};

/* A backend's open: fdio_init (fd = -1), acquire io->fd, fdio_start (makes it
 * non-blocking and watches it), then return zwh__port_fdio_opened(io, r), which
 * on a failure before the watch began calls release() and returns r, else
 * makes io the port's impl and reports r through zwh__port_opened(). */
void zwh__port_fdio_init(zwh__port_fdio_t *io, zwh__port_t *port,
                         void (*release)(zwh__port_fdio_t *io));
int zwh__port_fdio_start(zwh__port_fdio_t *io);
int zwh__port_fdio_opened(zwh__port_fdio_t *io, int r);

/* ops->write and ops->close of both fd backends. The port's impl points at the
 * backend's struct, whose first member is its zwh__port_fdio_t (NULL if the open
 * failed). close stops watching, then release(), then zwh__port_closed(). */
int zwh__port_fdio_write(zwh__port_t *port, const uint8_t *buf, size_t len);
void zwh__port_fdio_close(zwh__port_t *port);

#endif
