/* Fault injection settings for tests. Rates are probabilities 0..1 drawn from the
 * simulator's fault PRNG (deterministic with --seed); counts are decremented as
 * faults are applied (-1 = off). */
#ifndef ZWH_SIM_FAULTS_H
#define ZWH_SIM_FAULTS_H

#include <stdint.h>

typedef struct sim_faults {
    double drop_rate;        /* host frame silently ignored: no ACK */
    double corrupt_rate;     /* host frame treated as corrupt: NAK */
    double garbage_rate;     /* garbage bytes written before a frame to the host */
    double corrupt_tx_rate;  /* frame to the host sent with a broken checksum */
    uint32_t ack_delay_ms;   /* ACK (and processing) of host frames delayed */
    long withhold_ack_count; /* host frames processed but never ACKed (ACK lost) */
    long can_count;          /* host frames answered with CAN and discarded */
    long jam_count;          /* SendData callbacks reporting FAIL (jammed radio) */
    long drop_connection_after; /* close the first connection after N host frames */
    long no_callback_count;  /* SendData callbacks swallowed until SendDataAbort */
    long lose_segment_count; /* Transport Service subsequent segments to nodes lost on air */
} sim_faults_t;

static inline void sim_faults_init(sim_faults_t *f)
{
    f->drop_rate = f->corrupt_rate = f->garbage_rate = f->corrupt_tx_rate = 0.0;
    f->ack_delay_ms = 0;
    f->withhold_ack_count = f->can_count = f->jam_count = 0;
    f->drop_connection_after = 0;
    f->no_callback_count = 0;
    f->lose_segment_count = 0;
}

/* Consumes one unit of a count fault; returns 1 if it applied. */
static inline int sim_fault_take(long *count)
{
    if (*count > 0) {
        (*count)--;
        return 1;
    }
    return 0;
}

#endif
