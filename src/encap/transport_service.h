/* Transport Service (CC v2) segmentation and reassembly, I/O-free, both roles.
 *
 * One engine serves one local node (the host's controller, or one simulated
 * node) and all its peers. Frames from peers go in through zwh__ts_input();
 * timers run in zwh__ts_tick(), due at zwh__ts_deadline(). Output goes through
 * the callbacks in zwh__ts_io_t (they must not call back into the engine):
 * frames to send to a peer, reassembled datagrams, and the completion of each
 * datagram given to zwh__ts_send().
 *
 * Sending: zwh__ts_send() keeps a copy of the datagram, cuts it into segments
 * of at most max_frame bytes each (segment header and CRC-16 included; every
 * segment carries max_frame - 7 datagram bytes, the last one the rest), uses a
 * per-peer 4-bit session id, and sends them tx_segment_gap_ms apart when there
 * are more than two (all at once otherwise). It then waits
 * tx_complete_timeout_ms for Segment Complete: a Segment Request re-sends the
 * segment at the requested offset and re-arms the wait; the first expiry
 * re-sends the last segment, the second ends the datagram with
 * ZWH_ETIMEDOUT. A Segment Wait pauses for max(pending, 1) * tx_wait_unit_ms
 * and restarts the datagram from its first segment (at most tx_max_restarts
 * times, then ZWH_EBUSY). Completion: 0 on Segment Complete.
 *
 * Receiving: one reassembly per peer, keyed by peer + session id, in at most
 * rx_sessions slots. Segments may arrive out of order or twice; a segment with
 * a bad CRC (or otherwise malformed) is dropped. rx_segment_timeout_ms after
 * the last segment that brought something, a Segment Request asks for the
 * first missing offset; after rx_request_limit requests without progress, or
 * rx_datagram_timeout_ms after the first segment, the partial datagram is
 * dropped. Once a request was sent, every segment that fills a gap triggers
 * the request for the next gap at once. A whole datagram is delivered and
 * answered with Segment Complete; repeats of a completed session within
 * rx_done_hold_ms are answered with Segment Complete again and not delivered
 * twice. A First Segment of a new session from the same peer replaces its
 * partial datagram; a segment from a new peer while all slots are busy is
 * answered with Segment Wait (pending = segments still missing in the slot
 * closest to completion).
 *
 * Limits (memory is fixed, in zwh__ts_t): datagrams up to ZWH__TS_MAX_DATAGRAM
 * (2047, the largest the 11-bit size field can express) bytes, ZWH__TS_MAX_TX
 * datagrams being sent (to different peers), ZWH__TS_MAX_RX reassemblies,
 * ZWH__TS_MAX_DONE completed sessions remembered, ZWH__SIDS_MAX peer id
 * counters. About 18 KB per engine.
 *
 * Default timers: the Transport Service CC's 800 ms segment receive timer
 * (R1/R2; 400 ms at R3) and 1000 ms Segment Complete timer (R1/R2; 500 ms at
 * R3), the 35 ms gap between segments of datagrams of more than two segments
 * (15 ms at R3), and Segment Wait's 100 ms per pending segment; the same
 * values appear in Silicon Labs' reference implementation and in zwave-js.
 * The datagram, done-hold and restart limits are ours. */
#ifndef ZWH_ENCAP_TRANSPORT_SERVICE_H
#define ZWH_ENCAP_TRANSPORT_SERVICE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "encap/session_ids.h"
#include "zwhost/cc/transport_service.h"

#define ZWH__TS_MAX_DATAGRAM ZWH_TRANSPORT_SERVICE_MAX_DATAGRAM
#define ZWH__TS_MAX_TX 4
#define ZWH__TS_MAX_RX 4
#define ZWH__TS_MAX_DONE 8
#define ZWH__TS_OVERHEAD 7 /* Subsequent Segment: 5 header bytes + CRC-16 */
#define ZWH__TS_RELAXED_THRESHOLD 2 /* more segments than this are paced */

typedef struct zwh__ts_config {
    uint32_t rx_segment_timeout_ms;  /* 800 */
    uint32_t rx_request_limit;       /* 2 */
    uint32_t rx_datagram_timeout_ms; /* 10000 */
    uint32_t rx_done_hold_ms;        /* 3000 */
    uint32_t rx_sessions;            /* ZWH__TS_MAX_RX (1..ZWH__TS_MAX_RX) */
    uint32_t tx_complete_timeout_ms; /* 1000 */
    uint32_t tx_segment_gap_ms;      /* 35 */
    uint32_t tx_wait_unit_ms;        /* 100 */
    uint32_t tx_max_restarts;        /* 2 */
    uint32_t tx_max_resends;         /* 32: segments re-sent for one datagram */
    uint32_t seed;                   /* mixes into each peer's first session id */
} zwh__ts_config_t;

typedef struct zwh__ts_io {
    /* a Transport Service frame for node; buf valid during the call */
    void (*send)(void *user, uint16_t node, const uint8_t *buf, size_t len);
    /* a reassembled datagram from node; buf valid during the call */
    void (*datagram)(void *user, uint16_t node, const uint8_t *buf, size_t len);
    /* the datagram given to zwh__ts_send() with tag finished: 0 (Segment
     * Complete), ZWH_ETIMEDOUT, ZWH_EBUSY (too many Segment Waits), ZWH_EPROTO
     * (too many Segment Requests) or ZWH_ECANCELED */
    void (*done)(void *user, uint16_t node, uint32_t tag, int status);
} zwh__ts_io_t;

typedef struct zwh__ts_stats {
    uint64_t tx_datagrams, tx_segments, tx_resends, tx_restarts, tx_ok, tx_failed;
    uint64_t rx_segments, rx_bad, rx_duplicates, rx_stale, rx_datagrams, rx_requests_sent;
    uint64_t rx_waits_sent, rx_dropped, rx_replaced, control_unmatched;
} zwh__ts_stats_t;

enum { ZWH__TS_TX_FREE = 0, ZWH__TS_TX_SENDING, ZWH__TS_TX_WAIT_COMPLETE, ZWH__TS_TX_PAUSED };

typedef struct zwh__ts_tx {
    uint8_t state;
    uint8_t session_id;
    uint8_t last_retried;
    uint16_t node;
    uint16_t len;
    uint16_t chunk;
    uint16_t next_offset;
    uint32_t tag;
    uint32_t restarts;
    uint32_t resends;
    uint64_t deadline;
    uint8_t data[ZWH__TS_MAX_DATAGRAM];
} zwh__ts_tx_t;

typedef struct zwh__ts_rx {
    uint8_t used;
    uint8_t session_id;
    uint8_t requests; /* Segment Requests since the last progress */
    uint8_t requested; /* a Segment Request was sent for this datagram */
    uint16_t node;
    uint16_t size;
    uint16_t received; /* bytes */
    uint16_t seg_len;  /* longest segment payload seen */
    uint64_t started;
    uint64_t deadline;
    uint8_t have[(ZWH__TS_MAX_DATAGRAM + 7) / 8];
    uint8_t data[ZWH__TS_MAX_DATAGRAM];
} zwh__ts_rx_t;

typedef struct zwh__ts_done {
    uint8_t used;
    uint8_t session_id;
    uint16_t node;
    uint16_t size;
    uint64_t until;
} zwh__ts_done_t;

typedef struct zwh__ts {
    zwh__ts_config_t cfg;
    zwh__ts_io_t io;
    void *user;
    zwh__sids_t ids;
    zwh__ts_tx_t tx[ZWH__TS_MAX_TX];
    zwh__ts_rx_t rx[ZWH__TS_MAX_RX];
    zwh__ts_done_t done[ZWH__TS_MAX_DONE];
    zwh__ts_stats_t stats;
} zwh__ts_t;

void zwh__ts_config_default(zwh__ts_config_t *cfg);
/* cfg NULL = defaults; io callbacks may be NULL (output dropped). */
void zwh__ts_init(zwh__ts_t *ts, const zwh__ts_config_t *cfg, const zwh__ts_io_t *io, void *user);

/* Starts sending datagram (1..ZWH__TS_MAX_DATAGRAM bytes) to node in segments
 * of at most max_frame bytes (> ZWH__TS_OVERHEAD). The first segment(s) go out
 * through io.send before this returns. 0, ZWH_EINVAL, ZWH_EBUSY (a datagram to
 * node is in progress) or ZWH_ENOSPC (ZWH__TS_MAX_TX in progress). */
int zwh__ts_send(zwh__ts_t *ts, uint16_t node, const uint8_t *datagram, size_t len, size_t max_frame, uint32_t tag,
                 uint64_t now_ms);
/* Abandons the datagram being sent to node: done(ZWH_ECANCELED). 0 or ZWH_ENOENT. */
int zwh__ts_cancel(zwh__ts_t *ts, uint16_t node);
/* A Transport Service frame (0x55 ...) from node. 0 when taken (including
 * frames dropped as stale or duplicate), ZWH_EBADMSG when malformed (bad CRC
 * included). */
int zwh__ts_input(zwh__ts_t *ts, uint16_t node, const uint8_t *frame, size_t len, uint64_t now_ms);
void zwh__ts_tick(zwh__ts_t *ts, uint64_t now_ms);
/* Earliest timer, UINT64_MAX if idle. */
uint64_t zwh__ts_deadline(const zwh__ts_t *ts);
/* A datagram to node is in progress. */
bool zwh__ts_sending(const zwh__ts_t *ts, uint16_t node);
/* Reassemblies in progress. */
size_t zwh__ts_rx_count(const zwh__ts_t *ts);

#endif
