/* termios backend: pseudo-terminals (zwh-sim --pty) and any tty libserialport
 * cannot open. open O_RDWR|O_NOCTTY|O_NONBLOCK, exclusive (flock + TIOCEXCL),
 * raw 115200 8N1, watched with uv_poll. */
#include "port/port_fd.h"

#include <stdlib.h>
#include <unistd.h>
#include "zwhost/error.h"

typedef struct tty {
    zwh__port_fdio_t io; /* first: the port's impl and io->release get this struct */
} tty_t;

static void tty_release(zwh__port_fdio_t *io)
{
    if (io->fd >= 0) {
        zwh__port_fd_unexcl(io->fd);
        close(io->fd);
    }
    free(io);
}

static int tty_open(zwh__port_t *port, const char *target)
{
    tty_t *t = calloc(1, sizeof *t);
    if (!t)
        return ZWH_ENOMEM;
    zwh__port_fdio_init(&t->io, port, tty_release);
    int r = zwh__port_fd_open_locked(port, target, &t->io.fd);
    if (r == 0)
        r = zwh__port_fd_termios(port, t->io.fd, 1);
    if (r == 0)
        r = zwh__port_fd_excl(port, t->io.fd);
    if (r == 0)
        r = zwh__port_fdio_start(&t->io);
    return zwh__port_fdio_opened(&t->io, r);
}

const zwh__port_ops_t zwh__port_tty_ops = {
    .name = "tty",
    .open = tty_open,
    .write = zwh__port_fdio_write,
    .close = zwh__port_fdio_close,
    .check = zwh__port_path_check,
};
