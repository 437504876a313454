/* Supervision session bookkeeping (Supervision CC v2), I/O-free, both roles.
 *
 * Sending side: zwh__sup_tx_begin() wraps a command in a Supervision Get with a
 * fresh per-peer 6-bit session id and remembers the session; each Supervision
 * Report from the peer goes to zwh__sup_tx_report(), which pairs it with the
 * session by peer + session id and returns a progress event (WORKING with more
 * updates: the deadline moves to now + duration + slack) or a result event
 * (SUCCESS / FAIL / NO_SUPPORT, or WORKING without more updates: the session
 * ends). zwh__sup_tick() returns a timeout event for each session whose
 * deadline passed; zwh__sup_deadline() says when to call it.
 *
 * Receiving side: each Supervision Get goes to zwh__sup_rx_get(). A Get with
 * the peer + session id of one seen within the duplicate window is a repeat:
 * the engine hands back the last report bytes to re-send (or nothing if no
 * status was given yet) and the inner command must NOT be delivered again.
 * Otherwise the inner command is delivered once, and the caller later gives
 * its status to zwh__sup_rx_report(), which builds the Supervision Report
 * (more-status-updates set for WORKING when the Get asked for updates) and
 * keeps it for repeats.
 *
 * Memory is fixed: ZWH__SUP_MAX_TX outstanding sessions, ZWH__SUP_MAX_RX
 * remembered received sessions (the oldest is forgotten when full), and
 * ZWH__SIDS_MAX peer id counters. All state lives in zwh__sup_t. */
#ifndef ZWH_ENCAP_SUPERVISION_H
#define ZWH_ENCAP_SUPERVISION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "encap/session_ids.h"

#define ZWH__SUP_MAX_TX 16 /* outstanding Supervision Gets we sent */
#define ZWH__SUP_MAX_RX 16 /* Supervision Gets we received, kept for duplicate detection */
#define ZWH__SUP_REPORT_LEN 5

typedef struct zwh__sup_config {
    uint32_t report_timeout_ms;    /* 5000: first report after the Get */
    uint32_t duration_slack_ms;    /* 2000: added to a WORKING report's duration */
    uint32_t unknown_duration_ms;  /* 30000: WORKING with duration 0xFE (unknown) */
    uint32_t duplicate_window_ms;  /* 10000: a Get repeating a session id this recent is a repeat */
    uint32_t seed;                 /* mixes into each peer's first session id */
} zwh__sup_config_t;

/* event types */
enum {
    ZWH__SUP_EV_NONE = 0,
    ZWH__SUP_EV_PROGRESS, /* WORKING, more reports follow; session goes on */
    ZWH__SUP_EV_RESULT,   /* final status; session ended */
    ZWH__SUP_EV_TIMEOUT,  /* no (further) report in time; session ended */
};

typedef struct zwh__sup_event {
    int type;
    uint16_t node;
    uint8_t endpoint;
    uint8_t session_id;
    uint8_t status;          /* ZWH_SUPERVISION_*; for TIMEOUT the last one seen, or 0xFE if none */
    uint8_t duration;        /* as reported */
    uint8_t wake_up_request; /* v2 bit of the report */
    uint32_t tag;            /* the caller's cookie from zwh__sup_tx_begin() */
} zwh__sup_event_t;

#define ZWH__SUP_STATUS_NONE 0xFE /* in a TIMEOUT event: no report arrived */

/* zwh__sup_rx_get() verdicts */
enum {
    ZWH__SUP_RX_DELIVER = 1, /* new session: deliver frame[cmd_offset..+cmd_len) once */
    ZWH__SUP_RX_REPEAT = 2,  /* duplicate: do not deliver; re-send report[] if report_len > 0 */
};

typedef struct zwh__sup_rx {
    uint8_t session_id;
    uint8_t status_updates;
    uint16_t cmd_offset;
    uint16_t cmd_len;
    uint8_t report[ZWH__SUP_REPORT_LEN];
    uint8_t report_len; /* REPEAT: the last report sent for this session, 0 if none yet */
} zwh__sup_rx_t;

typedef struct zwh__sup_stats {
    uint64_t gets_sent, reports_received, unknown_reports, malformed, timeouts, table_full;
    uint64_t gets_received, duplicates, reports_sent;
} zwh__sup_stats_t;

typedef struct zwh__sup_tx_entry {
    uint8_t used;
    uint8_t session_id;
    uint8_t endpoint;
    uint8_t status_updates;
    uint8_t last_status; /* ZWH__SUP_STATUS_NONE until a report arrives */
    uint8_t last_duration;
    uint16_t node;
    uint32_t tag;
    uint64_t deadline;
} zwh__sup_tx_entry_t;

typedef struct zwh__sup_rx_entry {
    uint8_t used;
    uint8_t session_id;
    uint8_t endpoint;
    uint8_t status_updates;
    uint8_t report_len;
    uint8_t report[ZWH__SUP_REPORT_LEN];
    uint16_t node;
    uint64_t seen;    /* last time the Get arrived */
    uint32_t order;   /* arrival order of its first Get (the newest per sender is the repeatable one) */
} zwh__sup_rx_entry_t;

typedef struct zwh__sup {
    zwh__sup_config_t cfg;
    zwh__sids_t ids;
    zwh__sup_tx_entry_t tx[ZWH__SUP_MAX_TX];
    zwh__sup_rx_entry_t rx[ZWH__SUP_MAX_RX];
    uint32_t rx_order;
    zwh__sup_stats_t stats;
} zwh__sup_t;

void zwh__sup_config_default(zwh__sup_config_t *cfg);
/* cfg NULL = defaults. */
void zwh__sup_init(zwh__sup_t *s, const zwh__sup_config_t *cfg);

/* --- sending side --- */

/* Wraps cmd (1..255 bytes) for node/endpoint in a Supervision Get and starts
 * the session (deadline now + report_timeout_ms). Returns the frame length;
 * *session_id (may be NULL) gets the id used. ZWH_ENOSPC when ZWH__SUP_MAX_TX
 * sessions are outstanding, ZWH_EINVAL / ZWH_EMSGSIZE from the codec. */
int zwh__sup_tx_begin(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *cmd, size_t cmd_len,
                      bool status_updates, uint32_t tag, uint64_t now_ms, uint8_t *out, size_t cap,
                      uint8_t *session_id);
/* A Supervision Report frame from node/endpoint. Returns 1 with *ev filled
 * (PROGRESS or RESULT), 0 if the report matched no outstanding session
 * (dropped, counted), ZWH_EBADMSG if it is not a valid report. */
int zwh__sup_tx_report(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *frame, size_t len,
                       uint64_t now_ms, zwh__sup_event_t *ev);
/* Forgets an outstanding session without an event (the caller gave up, e.g.
 * the transmission failed). 0, or ZWH_ENOENT. */
int zwh__sup_tx_cancel(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t session_id);
/* One expired session as a TIMEOUT event: returns 1 (call again for more), or 0. */
int zwh__sup_tick(zwh__sup_t *s, uint64_t now_ms, zwh__sup_event_t *ev);
/* Earliest session deadline, UINT64_MAX if none outstanding. */
uint64_t zwh__sup_deadline(const zwh__sup_t *s);
/* Outstanding sending-side sessions. */
size_t zwh__sup_tx_count(const zwh__sup_t *s);

/* --- receiving side --- */

/* A Supervision Get frame from node/endpoint: ZWH__SUP_RX_DELIVER or
 * ZWH__SUP_RX_REPEAT with *out filled, ZWH_EBADMSG for a malformed Get. */
int zwh__sup_rx_get(zwh__sup_t *s, uint16_t node, uint8_t endpoint, const uint8_t *frame, size_t len,
                    uint64_t now_ms, zwh__sup_rx_t *out);
/* Builds the Supervision Report for a session delivered by zwh__sup_rx_get():
 * status ZWH_SUPERVISION_SUCCESS / FAIL / NO_SUPPORT, or WORKING with the
 * duration until the next report (more-status-updates is set when the Get
 * asked for updates; the caller then sends a final status later). Returns the
 * length (ZWH__SUP_REPORT_LEN). A session no longer remembered still gets its
 * report built (status_updates taken as 0). */
int zwh__sup_rx_report(zwh__sup_t *s, uint16_t node, uint8_t endpoint, uint8_t session_id, uint8_t status,
                       uint8_t duration, uint64_t now_ms, uint8_t *out, size_t cap);

#endif
