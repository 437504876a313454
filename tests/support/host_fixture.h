/* Test fixture: a zwh-sim process plus a host on a private uv loop, with
 * blocking helpers that run the loop until a result arrives (each with a
 * deadline, so a broken pipeline fails the test instead of hanging it). */
#ifndef ZWH_TEST_HOST_FIXTURE_H
#define ZWH_TEST_HOST_FIXTURE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include "sim_client.h"
#include "zwhost/zwhost.h"

#define HF_MAX_EVENTS 4096

typedef struct hf_event {
    int type;
    int status;
    uint16_t node;
    int endpoint;
    int secclass;
    uint32_t value;
    uint8_t data[64];
    size_t len;
    char message[64];
} hf_event_t;

typedef struct hf_result {
    bool done;
    int status;
    int sup_status;
    int secclass;
    int progress_calls;
    int last_duration;
    uint8_t report[256];
    size_t report_len;
} hf_result_t;

typedef struct hf {
    sim_proc_t sim;
    bool sim_running;
    uv_loop_t loop;
    zwh_host_t *host;
    bool ready, closed;
    hf_event_t events[HF_MAX_EVENTS];
    size_t nevents;
    /* answers to S2 prompts given automatically when set */
    bool auto_pin;
    uint16_t pin;
    bool auto_grant;
    uint32_t grant;
} hf_t;

/* Starts zwh-sim with args (NULL-terminated, "--listen tcp://127.0.0.1:0" is
 * added) and a host on it; keys may be NULL. Runs until READY. 0 or -1. */
int hf_start(hf_t *f, const char *const *sim_args, const char *keys);
/* Starts only the host against an already running f->sim. */
int hf_start_host(hf_t *f, const char *keys);
/* The same with a state file (NULL = none). */
int hf_start_host_with(hf_t *f, const char *keys, const char *state_file);
/* Closes the host (runs the loop until the close callback) and stops the sim. */
void hf_stop(hf_t *f);
void hf_stop_host(hf_t *f);
/* Runs the loop until *flag is true or ms pass; true when the flag was set. */
bool hf_run_until(hf_t *f, const bool *flag, int ms);
/* Runs the loop for ms. */
void hf_run_for(hf_t *f, int ms);
/* zwh_host_send + wait for the final result (timeout ms of loop time). */
int hf_send(hf_t *f, uint16_t node, const uint8_t *cmd, size_t len, const zwh_send_opts_t *opts, hf_result_t *res,
            int ms);
/* Waits for an event of type (from node, 0 = any) after index *from; returns
 * its index or -1. */
int hf_wait_event(hf_t *f, int type, uint16_t node, size_t from, int ms);
/* Counts events of type from node (0 = any) whose data starts with prefix. */
size_t hf_count_commands(const hf_t *f, uint16_t node, const uint8_t *prefix, size_t plen);

#endif
