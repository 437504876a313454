/* Serial API session, I/O-free: a priority queue of requests on top of the link
 * layer, one request outstanding at a time, RES matched by function id,
 * callbacks by function id + callback id (1..255, never 0), per-request response
 * and callback timeouts, SendDataAbort when a SendData callback is late, a
 * back-off after the chip reports a jammed radio, cancellation, and unsolicited
 * frames passed up.
 *
 * Completion is exactly once and never from inside the call that started it:
 * finished requests are queued and delivered by zwh__session_tick(), and
 * zwh__session_deadline() returns "now" while any are waiting. Requests are
 * owned by the caller (intrusive, like uv_req_t) and must stay valid until their
 * done callback. */
#ifndef ZWH_SERIALAPI_SESSION_H
#define ZWH_SERIALAPI_SESSION_H

#include <stdbool.h>
#include <stdint.h>
#include "serialapi/frame.h"
#include "serialapi/link.h"
#include "util/log.h"

typedef struct zwh__request zwh__request_t;
typedef void (*zwh__request_done_fn)(zwh__request_t *req, int status, void *user);
/* A frame for the request (its callback, or an unsolicited frame while it waits
 * for one). Return 1 when the request is complete (set *status), 0 to wait on. */
typedef int (*zwh__request_frame_fn)(zwh__request_t *req, uint8_t func, const uint8_t *payload,
                                     size_t len, int *status);
/* The RES arrived (req->res holds it). Return 1 to complete now with *status
 * (e.g. the chip refused), 0 to go on to the callback phase. */
typedef int (*zwh__request_res_fn)(zwh__request_t *req, int *status);

#define ZWH__PRIO_CONTROL 0     /* start-up, aborts, network management */
#define ZWH__PRIO_INTERACTIVE 1 /* what the application asked for */
#define ZWH__PRIO_BACKGROUND 2  /* polls, interviews */

struct zwh__request {
    /* --- set by the caller --- */
    uint8_t func;
    uint8_t priority;
    uint8_t expect;            /* ZWH__FN_RES | ZWH__FN_CB; 0 = from the function table */
    int16_t cb_id_index;       /* where the callback id goes in payload, -1 = none */
    uint8_t payload[ZWH__FRAME_PAYLOAD_MAX];
    size_t len;
    uint32_t res_timeout_ms;   /* 0 = session default */
    uint32_t cb_timeout_ms;    /* 0 = session default */
    uint32_t abort_after_ms;   /* send SendDataAbort if no callback by then; 0 = never */
    uint64_t queue_deadline;   /* absolute ms; still queued then -> ZWH_ETIMEDOUT; 0 = none */
    zwh__request_res_fn on_res;
    zwh__request_frame_fn on_frame; /* callbacks; NULL = first callback completes with 0 */
    bool wants_unsolicited;    /* on_frame also sees unsolicited frames while waiting */
    zwh__request_done_fn done;
    void *user;
    /* --- results, valid in done() --- */
    uint8_t res[ZWH__FRAME_PAYLOAD_MAX];
    size_t res_len;
    uint8_t cb[ZWH__FRAME_PAYLOAD_MAX]; /* the last callback payload (cb id first) */
    size_t cb_len;
    uint8_t cb_id;             /* the callback id used, 0 if none */
    /* --- private --- */
    zwh__request_t *next;
    int status;
    int where;                 /* queued / current / done */
};

typedef struct zwh__session_config {
    zwh__link_config_t link;
    uint32_t res_timeout_ms;   /* 10000: some 500-series chips take seconds */
    uint32_t cb_timeout_ms;    /* 65000 */
    uint32_t jam_backoff_ms;   /* 1000, doubling up to 8x while jams repeat */
    size_t max_queue;          /* 256 */
} zwh__session_config_t;

typedef struct zwh__session_stats {
    uint64_t requests, completed_ok, failed, timeouts_res, timeouts_cb, aborts_sent;
    uint64_t stale_frames, unsolicited, unsupported, jams;
} zwh__session_stats_t;

typedef struct zwh__session {
    zwh__session_config_t cfg;
    zwh__link_t link;
    const zwh__log_t *log;
    uint64_t now;
    bool connected;
    /* the exchange in flight; req may be NULL when it was cancelled (we still
     * wait for its RES/callback so the chip sees one command at a time) */
    struct {
        zwh__request_t *req;
        int phase;
        uint8_t func;
        uint8_t cb_id;
        uint8_t expect;
        uint64_t deadline;
        uint64_t abort_at;
    } cur;
    bool abort_in_link;        /* the link is sending our SendDataAbort */
    zwh__request_t *queue;     /* sorted by priority, FIFO within one */
    size_t queued;
    zwh__request_t *done_head, *done_tail;
    uint8_t last_cb_id;
    uint8_t functions[32];     /* GetSerialApiCapabilities mask */
    bool functions_known;
    uint64_t jam_until;
    uint32_t jam_streak;
    void (*unsolicited)(void *user, uint8_t func, const uint8_t *payload, size_t len);
    void (*write)(void *user, const uint8_t *buf, size_t len);
    void *user;
    zwh__session_stats_t stats;
} zwh__session_t;

void zwh__session_config_default(zwh__session_config_t *cfg);
void zwh__session_init(zwh__session_t *s, const zwh__session_config_t *cfg, const zwh__log_t *log,
                       void (*write)(void *, const uint8_t *, size_t),
                       void (*unsolicited)(void *, uint8_t, const uint8_t *, size_t), void *user);

/* Prepares a request for func with the given payload (copied). cb_id_index as
 * in the struct. Timeouts and hooks can be adjusted afterwards. */
int zwh__request_init(zwh__request_t *req, uint8_t func, const uint8_t *payload, size_t len,
                      int cb_id_index, zwh__request_done_fn done, void *user);

/* Queues a request. Returns 0, or ZWH_ENOSPC when the queue is full, ZWH_EINVAL.
 * A function the chip does not list fails with ZWH_ENOTSUP through done(). */
int zwh__session_submit(zwh__session_t *s, zwh__request_t *req, uint64_t now_ms);
/* Cancels a queued or running request: done() follows with ZWH_ECANCELED.
 * Returns 0, or ZWH_ENOENT if the request is not pending. */
int zwh__session_cancel(zwh__session_t *s, zwh__request_t *req);
/* Cancels everything (closing). */
void zwh__session_cancel_all(zwh__session_t *s, int status);

void zwh__session_input(zwh__session_t *s, const uint8_t *buf, size_t len, uint64_t now_ms);
void zwh__session_tick(zwh__session_t *s, uint64_t now_ms);
uint64_t zwh__session_deadline(const zwh__session_t *s);

/* Port state. On drop the request in flight fails with `status`
 * (ZWH_ECONNRESET); queued ones wait for reconnection within their deadlines. */
void zwh__session_set_connected(zwh__session_t *s, bool connected, int status, uint64_t now_ms);
/* The function mask from GetSerialApiCapabilities (32 bytes, bit f-1 = function f). */
void zwh__session_set_functions(zwh__session_t *s, const uint8_t mask[32]);
bool zwh__session_supports(const zwh__session_t *s, uint8_t func);
bool zwh__session_idle(const zwh__session_t *s);

#endif
