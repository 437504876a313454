/* Chip side of the Serial API link layer, behaving like a 700/800-series stick:
 *  - every good host frame is ACKed at once (before it is processed), a bad
 *    checksum or impossible length is NAKed, a partial frame is dropped silently
 *    1.5 s after its SOF;
 *  - a host data frame arriving while the chip waits for the ACK of its own frame
 *    is a collision: answered with CAN and discarded;
 *  - frames to the host go one at a time; a NAK, CAN or 1600 ms without ACK
 *    triggers a retransmission after 100 + n*1000 ms, at most 3 times;
 *  - fault injection (faults.h) is applied here for everything on the wire. */
#ifndef ZWH_SIM_CHIPLINK_H
#define ZWH_SIM_CHIPLINK_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include "serialapi/frame.h"
#include "util/log.h"
#include "faults.h"
#include "rng.h"
#include "timers.h"

#define SIM_LINK_QLEN 64
#define SIM_LINK_ACK_TIMEOUT_MS 1600
#define SIM_LINK_MAX_RETRANSMIT 3

enum { SIM_LINK_IDLE, SIM_LINK_WAIT_ACK, SIM_LINK_BACKOFF };

typedef struct sim_link sim_link_t;

/* Writes bytes to the current connection. */
typedef void (*sim_link_write_fn)(void *user, const uint8_t *buf, size_t len);
/* A valid host frame, after its ACK was sent. */
typedef void (*sim_link_frame_fn)(void *user, const zwh__frame_t *f);
/* Asks the transport to close the connection (drop-connection fault). */
typedef void (*sim_link_drop_fn)(void *user);

struct sim_link {
    uv_loop_t *loop;
    zwh__log_t *log;
    sim_faults_t *faults;
    sim_rng_t *rng;
    sim_sched_t *sched;
    sim_link_write_fn write;
    sim_link_frame_fn on_frame;
    sim_link_drop_fn drop;
    void *user;

    zwh__frame_parser_t parser;
    int connected;
    uint32_t conn_gen;        /* bumped per connection: deferred work checks it */
    uint64_t host_frames;     /* on this connection */
    struct { uint8_t buf[ZWH__FRAME_MAX]; size_t len; } q[SIM_LINK_QLEN];
    size_t qhead, qcount;
    int state;                /* SIM_LINK_IDLE / _WAIT_ACK / _BACKOFF for q[qhead] */
    int retransmits;          /* of q[qhead] */
    uv_timer_t timer;         /* ACK timeout or retransmission back-off */
    struct { uint64_t rx_frames, tx_frames, retransmits, dropped_tx, cans_sent, naks_sent; } stats;
};

void sim_link_init(sim_link_t *l, uv_loop_t *loop, sim_sched_t *sched);
/* A new connection: fresh parser, empty queue. */
void sim_link_connect(sim_link_t *l);
/* The connection went away: queued frames are discarded. */
void sim_link_disconnect(sim_link_t *l);
void sim_link_input(sim_link_t *l, const uint8_t *data, size_t len);
/* Queues a data frame to the host. Returns 0 or a negative error (frames are
 * discarded while no host is connected). */
int sim_link_send(sim_link_t *l, uint8_t type, uint8_t func, const uint8_t *payload, size_t len);
/* Drops everything queued (soft reset). */
void sim_link_flush(sim_link_t *l);
void sim_link_close(sim_link_t *l);

#endif
