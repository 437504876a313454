/* The node interview: an I/O-free state machine over a table of steps
 * (ZWH_INTERVIEW_STEPS in zwhost/interview.h).
 *
 * It never sends. The host asks zwh__interview_next() for the next request,
 * sends it (encapsulated as the request says), and feeds back what happens:
 *   - zwh__interview_sent()   the request left and was acknowledged;
 *   - zwh__interview_report() every command received from the node (the
 *                             interview decides whether it answers the
 *                             outstanding request; relevant reports update the
 *                             facts either way);
 *   - zwh__interview_failed() the send failed or the answer timed out.
 * The answer may arrive before the send's callback (report() then completes
 * the request and a later sent() is ignored); the host should still ask
 * next() for the following request only once the previous send finished, so
 * that a late sent() cannot be taken for the next request's.
 * A failed request is retried (cfg.retries times), then recorded unknown and
 * the interview goes on. next() also applies the request's own deadline, so a
 * host may rely on zwh__interview_deadline() instead of its own timer.
 *
 * Sleeping nodes: zwh__interview_node_awake(iv, false) parks the interview
 * (next() says WAIT, an outstanding request is given back without costing a
 * retry) until zwh__interview_node_awake(iv, true). The host sends Wake Up No
 * More Information itself once next() says DONE (or when it wants the node to
 * sleep).
 *
 * Everything the interview learns goes into the caller's zwh__facts_t, which
 * must hold the node information frame (zwh__facts_set_nif) before init. The
 * interview owns no memory. */
#ifndef ZWH_HOST_INTERVIEW_H
#define ZWH_HOST_INTERVIEW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "host/node_facts.h"
#include "zwhost/interview.h"

#define ZWH__IV_DONE 0     /* every step finished */
#define ZWH__IV_REQUEST 1  /* *req holds the request to send */
#define ZWH__IV_WAIT 2     /* nothing to send now: a request is outstanding, or the node sleeps */

/* zwh__interview_report() results */
#define ZWH__IV_IGNORED 0  /* not an answer (maybe absorbed into the facts) */
#define ZWH__IV_PARTIAL 1  /* part of the answer; more reports follow (deadline re-armed) */
#define ZWH__IV_ANSWERED 2 /* the outstanding request is complete */

#define ZWH__IV_DEFAULT_RETRIES 2
#define ZWH__IV_NO_RETRY 0xFF
#define ZWH__IV_DEFAULT_TIMEOUT_MS 10000u
#define ZWH__IV_DEFAULT_WAKE_UP_S 3600u /* wake-up interval set when the node says none */
#define ZWH__IV_MAX_CMD 32

/* Which received command answers a request: class and command, and key bytes
 * at `off`: (cmd[off + i] & mask[i]) == key[i] for i < key_len. more_off > 0:
 * the byte there counts reports still to follow; the request completes with
 * the report where it is 0. */
typedef struct zwh__iv_match {
    uint8_t cc, cmd;  /* cc 0: no report expected, sent() completes the request */
    uint8_t off, key_len;
    uint8_t key[2], mask[2];
    uint8_t more_off;
} zwh__iv_match_t;

typedef struct zwh__iv_request {
    uint8_t cmd[ZWH__IV_MAX_CMD];
    size_t len;
    uint8_t endpoint;     /* 0 = root; else wrap in Multi Channel to this end point */
    int secclass;         /* ZWH_SECCLASS_* to send under (ZWH_SECCLASS_NONE = plaintext) */
    zwh__iv_match_t expect;
    uint32_t timeout_ms;
    int step;             /* ZWH_INTERVIEW_STEP_* */
} zwh__iv_request_t;

typedef struct zwh__iv_config {
    uint16_t node_id;
    uint16_t controller_id;
    uint8_t granted;      /* bit n = security class ZWH_SECCLASS n granted */
    uint8_t listening;    /* 0/1 */
    uint8_t flirs;        /* 0/1 */
    uint8_t sleeping;     /* 0/1: reached only while awake */
    uint8_t awake;        /* sleeping nodes: awake when the interview starts */
    uint8_t retries;      /* 0 = ZWH__IV_DEFAULT_RETRIES, ZWH__IV_NO_RETRY = none */
    uint32_t timeout_ms;  /* 0 = ZWH__IV_DEFAULT_TIMEOUT_MS */
    uint32_t wake_up_seconds; /* 0 = the node's interval, else its default, else 3600 */
} zwh__iv_config_t;

typedef struct zwh__interview {
    zwh__iv_config_t cfg;
    zwh__facts_t *facts;  /* borrowed */
    int step;             /* current ZWH_INTERVIEW_STEP_*; COUNT = done */
    uint8_t ep;           /* end point a per-end-point step is at */
    uint32_t cursor;      /* position inside the step (and end point) */
    uint16_t param;       /* Configuration: parameter being walked */
    bool walk_done;       /* Configuration properties walk finished */
    bool outstanding;     /* req was handed out and is not complete */
    bool reissue;         /* hand req out again (retry, or the node woke up) */
    zwh__iv_request_t req;
    uint8_t tries;        /* failures of the current request */
    uint64_t deadline;
    bool awake;
    uint32_t unknown_steps; /* bit per step: a request of it was given up */
    uint32_t requests_failed;
    uint8_t v1_params[32]; /* bit n: Configuration parameter n to Get (V1/V2) */
} zwh__interview_t;

/* Starts an interview of cfg->node_id over `facts` (borrowed until the
 * interview is done with; must hold the NIF). 0 or ZWH_EINVAL. */
int zwh__interview_init(zwh__interview_t *iv, const zwh__iv_config_t *cfg, zwh__facts_t *facts);

/* V1/V2 Configuration: the parameters (1..255) whose size to learn by Get.
 * Call before the configuration step runs. 0 or ZWH_EINVAL. */
int zwh__interview_set_config_params(zwh__interview_t *iv, const uint8_t *params, size_t n);

/* ZWH__IV_REQUEST (req filled), ZWH__IV_WAIT or ZWH__IV_DONE; ZWH_EINVAL. */
int zwh__interview_next(zwh__interview_t *iv, uint64_t now, zwh__iv_request_t *req);
void zwh__interview_sent(zwh__interview_t *iv, uint64_t now);
int zwh__interview_report(zwh__interview_t *iv, uint8_t endpoint, const uint8_t *cmd, size_t len, uint64_t now);
void zwh__interview_failed(zwh__interview_t *iv, int err, uint64_t now);
void zwh__interview_node_awake(zwh__interview_t *iv, bool awake);

/* When next() should be called for the outstanding request's timeout
 * (UINT64_MAX: nothing outstanding). */
uint64_t zwh__interview_deadline(const zwh__interview_t *iv);
/* Current step's name, index (0-based) and the step count. 0 or ZWH_EINVAL. */
int zwh__interview_progress(const zwh__interview_t *iv, const char **name, int *index, int *total);
bool zwh__interview_done(const zwh__interview_t *iv);
/* "versions"..., or NULL for a bad step. Static. */
const char *zwh__interview_step_name(int step);
/* Bit n set: step n had a request given up (its facts are partly unknown). */
uint32_t zwh__interview_unknown_steps(const zwh__interview_t *iv);

#endif
