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
    /* Optional: validates target synchronously (0 or ZWH_EINVAL) before anything
     * is allocated, so a bad URL fails from zwh__port_open itself. */
    int (*check)(const char *target);
} zwh__port_ops_t;

/* Opens url on loop. Returns 0 and sets *out (on_open follows), or a negative
 * code for a URL it cannot parse (nothing to close then). cbs is copied, and so
 * is *log (may be NULL: no logging). Once this returned 0 the port must be
 * closed with zwh__port_close(), also after a failed on_open or a drop. */
int zwh__port_open(uv_loop_t *loop, const char *url, const zwh__port_cbs_t *cbs, void *user,
                   const zwh__log_t *log, zwh__port_t **out);
/* Queues bytes for writing (copied; written in order). Returns 0, or
 * ZWH_ENOTCONN before on_open(0), after a drop or once closing, ZWH_ENOSPC when
 * more than ZWH__PORT_QUEUE_MAX bytes would wait, ZWH_ENOMEM. A write failure
 * is reported as a drop (on_drop), never from inside this call. */
int zwh__port_write(zwh__port_t *port, const uint8_t *buf, size_t len);
/* Closes asynchronously; cb (may be NULL) fires on a later loop turn. */
void zwh__port_close(zwh__port_t *port, zwh__port_close_cb cb, void *user);
/* Last error explanation ("" if none). Valid until the next call on the port. */
const char *zwh__port_error(const zwh__port_t *port);
/* "tcp", "serial" or "tty" (the backend in use: "serial" may fall back to "tty") */
const char *zwh__port_kind(const zwh__port_t *port);
/* The URL or path the port was opened with. */
const char *zwh__port_target(const zwh__port_t *port);

/* Most bytes that may wait in the write queue (Serial API frames are <= 257). */
#define ZWH__PORT_QUEUE_MAX 16384

/* Like zwh__port_open() with an explicit backend instead of URL dispatch: the
 * seam where tests plug in a fake transport. ops must outlive the port. */
int zwh__port_open_ops(uv_loop_t *loop, const zwh__port_ops_t *ops, const char *target,
                       const zwh__port_cbs_t *cbs, void *user, const zwh__log_t *log,
                       zwh__port_t **out);

/* ---- backend side ----------------------------------------------------------
 * What a backend (ops) calls back into the port. The port turns these into the
 * user's callbacks exactly once each, in order (on_open before any on_read, no
 * on_read after a drop, nothing after close), deferring on_open and on_drop to
 * the port's own timer so they never run inside a user's call.
 *
 * ops->open returns 0 and later calls zwh__port_opened() (possibly from inside
 * open), or returns a negative code after releasing what it acquired (the port
 * reports it through on_open). ops->write starts writing buf[0..len); buf stays
 * valid until the backend calls zwh__port_write_done() (possibly from inside
 * write); at most one write is outstanding. ops->close releases everything,
 * whatever state open reached, and ends with zwh__port_closed() (possibly from
 * inside close). */
void zwh__port_opened(zwh__port_t *port, int status);
void zwh__port_received(zwh__port_t *port, const uint8_t *buf, size_t len);
void zwh__port_write_done(zwh__port_t *port, int status); /* <0: treated as a drop */
void zwh__port_dropped(zwh__port_t *port, int status);
void zwh__port_closed(zwh__port_t *port);

/* Sets the one-line explanation to "<target>: <detail>" and returns code. */
int zwh__port_fail(zwh__port_t *port, int code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Hands an opening port to another backend (serial -> tty fallback): sets ops and
 * calls its open. Only from inside ops->open. */
int zwh__port_switch(zwh__port_t *port, const zwh__port_ops_t *ops, const char *target);

uv_loop_t *zwh__port_loop(const zwh__port_t *port);
const zwh__log_t *zwh__port_log(const zwh__port_t *port);
void zwh__port_set_impl(zwh__port_t *port, void *impl); /* backend state */
void *zwh__port_impl(const zwh__port_t *port);

/* The backends the URL dispatch chooses from. */
extern const zwh__port_ops_t zwh__port_serial_ops;
extern const zwh__port_ops_t zwh__port_tcp_ops;
extern const zwh__port_ops_t zwh__port_tty_ops;

#endif
