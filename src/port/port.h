/* Byte transports to the controller: one interface, three backends chosen by URL.
 *
 *   "tcp://HOST:PORT"   libuv TCP (ser2net, zwh-sim)
 *   "/dev/pts/N", other pseudo-terminals or any fd libserialport cannot open:
 *                       termios fallback (115200 8N1 raw), watched with uv_poll
 *   "/dev/ttyACM0" ...  libserialport: 115200 8N1, no flow control, non-blocking,
 *                       exclusive (flock + TIOCEXCL), fd watched with uv_poll
 *
 * Lifecycle (like uv handles): zwh__port_open() returns a port at once and
 * reports the outcome later through on_open (exactly once, never from inside
 * zwh__port_open). After a successful open, on_read delivers bytes and on_drop
 * fires once if the transport goes away (USB unplug, TCP reset, EOF) with
 * ZWH_ECONNRESET. zwh__port_close() may be called at any time after open
 * returned; no callback other than close_cb fires after it, and the port's
 * memory is freed after close_cb.
 *
 * Every failure carries a one-line human explanation (zwh__port_error()), e.g.
 * "/dev/ttyACM0: permission denied (add the user to group 'dialout')". */
#ifndef ZWH_PORT_PORT_H
#define ZWH_PORT_PORT_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include "util/log.h"

typedef struct zwh__port zwh__port_t;

typedef struct zwh__port_cbs {
    /* status 0 = open; else ZWH_ENOENT, ZWH_EBUSY, ZWH_EACCES, ZWH_ECONNREFUSED,
     * ZWH_EHOSTUNREACH, ZWH_ETIMEDOUT, ZWH_EINVAL (bad URL), ... */
    void (*on_open)(zwh__port_t *port, int status, void *user);
    /* bytes received; buf valid only during the call */
    void (*on_read)(zwh__port_t *port, const uint8_t *buf, size_t len, void *user);
    /* the transport went away after a successful open (status ZWH_ECONNRESET or -errno) */
    void (*on_drop)(zwh__port_t *port, int status, void *user);
} zwh__port_cbs_t;

typedef void (*zwh__port_close_cb)(void *user);

/* Backend table: one per transport kind. */
typedef struct zwh__port_ops {
    const char *name; /* "serial", "tcp", "tty" */
    int (*open)(zwh__port_t *port, const char *target);
    int (*write)(zwh__port_t *port, const uint8_t *buf, size_t len);
    void (*close)(zwh__port_t *port); /* must end with zwh__port_closed() */
} zwh__port_ops_t;

/* Opens url on loop. Returns 0 and sets *out (on_open follows), or a negative
 * code for a URL it cannot parse (nothing to close then). cbs is copied. */
int zwh__port_open(uv_loop_t *loop, const char *url, const zwh__port_cbs_t *cbs, void *user,
                   const zwh__log_t *log, zwh__port_t **out);
/* Queues bytes for writing (copied). Returns 0 or ZWH_ENOTCONN / ZWH_ENOMEM. */
int zwh__port_write(zwh__port_t *port, const uint8_t *buf, size_t len);
/* Closes asynchronously; cb (may be NULL) fires on a later loop turn. */
void zwh__port_close(zwh__port_t *port, zwh__port_close_cb cb, void *user);
/* Last error explanation ("" if none). Valid until the next call on the port. */
const char *zwh__port_error(const zwh__port_t *port);
/* "tcp", "serial" or "tty" */
const char *zwh__port_kind(const zwh__port_t *port);

#endif
