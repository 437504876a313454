/* Serial API link layer, I/O-free: frame reception with immediate ACK/NAK, and
 * transmission of one data frame at a time with ACK timeout and retransmission
 * (INS12350: up to 3 retransmissions, waiting 100 ms + n * 1000 ms before the
 * n-th, n = 0, 1, 2). Time comes in as now_ms; the owner calls zwh__link_tick()
 * at zwh__link_deadline(). */
#ifndef ZWH_SERIALAPI_LINK_H
#define ZWH_SERIALAPI_LINK_H

#include <stdbool.h>
#include <stdint.h>
#include "serialapi/frame.h"

typedef struct zwh__link_config {
    uint32_t ack_timeout_ms;      /* 1600 */
    uint32_t retransmissions;     /* 3 */
    uint32_t backoff_base_ms;     /* 100 */
    uint32_t backoff_step_ms;     /* 1000 */
} zwh__link_config_t;

typedef struct zwh__link_io {
    /* bytes for the port (ACK/NAK/CAN or a data frame) */
    void (*write)(void *user, const uint8_t *buf, size_t len);
    /* a valid data frame from the chip (already ACKed); f valid during the call */
    void (*frame)(void *user, const zwh__frame_t *f);
    /* the frame given to zwh__link_send finished: 0 = ACKed, or ZWH_ENAK /
     * ZWH_ECAN / ZWH_ENOACK after the last retransmission failed the same way */
    void (*sent)(void *user, int status);
} zwh__link_io_t;

typedef struct zwh__link_stats {
    uint64_t tx_frames, retransmissions, rx_frames, acks_sent, naks_sent;
    uint64_t nak_received, can_received, ack_timeouts, collisions;
} zwh__link_stats_t;

enum { ZWH__LINK_IDLE, ZWH__LINK_WAIT_ACK, ZWH__LINK_BACKOFF };

typedef struct zwh__link {
    zwh__link_config_t cfg;
    zwh__link_io_t io;
    void *user;
    zwh__frame_parser_t parser;
    int state;
    uint8_t tx[ZWH__FRAME_MAX];
    size_t tx_len;
    uint32_t attempt;   /* transmissions of the current frame so far */
    int last_error;
    uint64_t deadline;  /* of the current state, UINT64_MAX if none */
    zwh__link_stats_t stats;
} zwh__link_t;

void zwh__link_config_default(zwh__link_config_t *cfg);
void zwh__link_init(zwh__link_t *l, const zwh__link_config_t *cfg, const zwh__link_io_t *io, void *user);
/* Starts transmitting a data frame. ZWH_EBUSY while another frame is in
 * progress, ZWH_EMSGSIZE if it does not fit. */
int zwh__link_send(zwh__link_t *l, uint8_t type, uint8_t func, const uint8_t *payload, size_t len,
                   uint64_t now_ms);
/* Sends a lone control byte (NAK at start-up for resynchronisation). */
void zwh__link_send_byte(zwh__link_t *l, uint8_t b);
void zwh__link_input(zwh__link_t *l, const uint8_t *buf, size_t len, uint64_t now_ms);
void zwh__link_tick(zwh__link_t *l, uint64_t now_ms);
uint64_t zwh__link_deadline(const zwh__link_t *l);
bool zwh__link_busy(const zwh__link_t *l);
/* Forgets the frame in progress and any partial input (port dropped). The
 * frame in progress completes through sent() with `status`. */
void zwh__link_reset(zwh__link_t *l, int status);

#endif
