/* Test helper: simulated nodes for the interview, as scripts of golden bytes.
 *
 * A script is the exact sequence of requests an interview must make of a node
 * and what the node answers to each. Bytes are written as hex with optional
 * quoted ASCII ("59 02 01 08 'Lifeline'"), laid out per the Z-Wave command
 * class specifications; device facts come from the seeds in ../shared/seeds
 * (000 ZEN07, 002 n4003, 004 the door lock article). */
#ifndef IV_SCRIPT_H
#define IV_SCRIPT_H

#include <stddef.h>
#include <stdint.h>
#include "host/interview.h"

#define IVT_ANSWER 0   /* sent() then each answer through report() */
#define IVT_TIMEOUT 1  /* sent(), no answer: time runs past the deadline */
#define IVT_SENDFAIL 2 /* failed(ZWH_ENODEACK) */
#define IVT_SLEEP 3    /* no answer: the node falls asleep (node_awake false), then wakes up */
#define IVT_BAD 4      /* the answers do not complete the request; then it times out */

typedef struct ivt_step {
    const char *req;      /* hex of the request the interview must make */
    int secclass;         /* ZWH_SECCLASS_* it must go under */
    uint8_t endpoint;
    int mode;             /* IVT_* */
    const char *answers[3];
} ivt_step_t;

typedef struct ivt_device {
    const char *name;
    uint8_t generic, specific;
    const char *nif;      /* hex: command classes of the node information frame */
    zwh__iv_config_t cfg;
    const uint8_t *v1_params; /* Configuration V1: parameters the host names */
    size_t v1_param_count;
    const ivt_step_t *steps;
    size_t step_count;
} ivt_device_t;

extern const ivt_device_t ivt_lock;   /* seed 004: S2 Access Control + S0 door lock */
extern const ivt_device_t ivt_zen07;  /* seed 000: V1 plug, no security */
extern const ivt_device_t ivt_n4003;  /* seed 002: S2 plug, Configuration V4 */
extern const ivt_device_t ivt_sensor; /* a sleeping sensor with Wake Up V2 */
extern const ivt_device_t ivt_mc;     /* a Multi Channel node with two end points */

/* Hex + 'quoted text' to bytes; aborts on a bad spec. */
size_t ivt_bytes(const char *spec, uint8_t *out, size_t cap);

/* Initialises facts with the device's NIF and runs its whole script against
 * a fresh interview, asserting every request (bytes, class, end point) and
 * that the interview ends DONE right after the last step (steps/n: the
 * device's script or a variant of it). Returns the interview's unknown-steps
 * mask. */
uint32_t ivt_run(const ivt_device_t *dev, const ivt_step_t *steps, size_t n, zwh__facts_t *facts);

#endif
