/* The zwh-sim process: one simulated controller, its network, one transport. */
#ifndef ZWH_SIM_SIM_H
#define ZWH_SIM_SIM_H

#include <uv.h>
#include "ctrl.h"
#include "faults.h"
#include "chiplink.h"
#include "nodes.h"
#include "opts.h"
#include "rng.h"
#include "timers.h"

typedef struct sim {
    uv_loop_t *loop;
    zwh__log_t log;
    sim_opts_t opts;
    sim_rng_t rng;        /* behaviour */
    sim_rng_t fault_rng;  /* fault decisions only */
    sim_rng_t sec_rng;    /* nodes' security engines and key pairs */
    zwh_keystore_t *keys; /* --keys */
    sim_faults_t faults;
    sim_sched_t sched;
    sim_link_t link;
    sim_net_t net;
    sim_ctrl_t ctrl;
    int closing;
    int transport_up;

    /* tcp */
    uv_tcp_t server;
    uv_tcp_t *client;
    int client_waiting;   /* a connection waits in the backlog */
    int client_shutting;
    /* pty */
    int pty_master, pty_slave;
    uv_poll_t pty_poll;
    char pty_path[128];
    /* stdin */
    union { uv_tty_t tty; uv_pipe_t pipe; } in;
    int in_open;
    char inbuf[512];
    size_t inlen;
    uv_signal_t sigint, sigterm;
} sim_t;

/* transport.c */
int sim_transport_start(sim_t *s);
void sim_transport_close(sim_t *s);
int sim_stdin_start(sim_t *s);
void sim_stdin_close(sim_t *s);
/* one stdin line (without newline) */
void sim_stdin_line(sim_t *s, const char *line);

#endif
