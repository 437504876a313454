/* The Serial API on a libuv loop: a port (src/port) feeding the I/O-free session
 * (link layer + request matcher), one timer for all of the session's deadlines,
 * and reconnection with back-off when the port drops or cannot be opened.
 * This and the port backends are the only places that touch libuv below the host. */
#ifndef ZWH_SERIALAPI_SERIAL_H
#define ZWH_SERIALAPI_SERIAL_H

#include <stdbool.h>
#include <uv.h>
#include "port/port.h"
#include "serialapi/session.h"

typedef struct zwh__serial_cbs {
    /* port open and resynchronised (NAK sent): run start-up */
    void (*on_connect)(void *user);
    /* the port dropped (status ZWH_ECONNRESET...); a reconnection follows if enabled */
    void (*on_disconnect)(void *user, int status, const char *why);
    /* the port could not be opened; a retry follows if reconnection is enabled */
    void (*on_open_error)(void *user, int status, const char *why);
    void (*on_unsolicited)(void *user, uint8_t func, const uint8_t *payload, size_t len);
} zwh__serial_cbs_t;

typedef struct zwh__serial {
    uv_loop_t *loop;
    uv_timer_t timer;
    uv_timer_t retry;
    zwh__port_t *port;
    zwh__session_t session;
    zwh__serial_cbs_t cbs;
    void *user;
    const zwh__log_t *log;
    char url[256];
    uint32_t retry_min_ms, retry_max_ms; /* retry_min_ms 0 = no reconnection */
    uint32_t retry_delay_ms;
    int state;
    int pending_closes;
    void (*close_cb)(void *user);
    void *close_user;
    char why[512];
} zwh__serial_t;

int zwh__serial_init(zwh__serial_t *s, uv_loop_t *loop, const zwh__session_config_t *cfg,
                     const zwh__log_t *log, const zwh__serial_cbs_t *cbs, void *user);
/* Reconnection back-off: first retry after min_ms, doubling up to max_ms.
 * min_ms = 0 disables reconnection. */
void zwh__serial_set_retry(zwh__serial_t *s, uint32_t min_ms, uint32_t max_ms);
int zwh__serial_open(zwh__serial_t *s, const char *url);
int zwh__serial_submit(zwh__serial_t *s, zwh__request_t *req);
int zwh__serial_cancel(zwh__serial_t *s, zwh__request_t *req);
/* Re-arms the timer; call after changing session state directly. */
void zwh__serial_arm(zwh__serial_t *s);
uint64_t zwh__serial_now(const zwh__serial_t *s);
bool zwh__serial_connected(const zwh__serial_t *s);
/* Drops the connection on purpose (e.g. start-up failed) and reconnects with the
 * back-off; the request in flight fails with ZWH_ECONNRESET. */
void zwh__serial_reconnect(zwh__serial_t *s);
/* Cancels every request (ZWH_ECANCELED, delivered on a later loop turn), closes
 * the port and the timers; cb fires when all are closed. */
void zwh__serial_close(zwh__serial_t *s, void (*cb)(void *user), void *user);

#endif
