/* zwh-sim command line. */
#ifndef ZWH_SIM_OPTS_H
#define ZWH_SIM_OPTS_H

#include <stdint.h>
#include <stdio.h>
#include "faults.h"

#define SIM_OPTS_MAX_PENDING 8

typedef struct sim_opts {
    const char *listen;      /* tcp://127.0.0.1:PORT */
    int pty;
    const char *link_path;   /* symlink to the pty slave */
    const char *devices;     /* TYPE:ID[:attr...][,TYPE:ID...] */
    const char *pending[SIM_OPTS_MAX_PENDING];
    int npending;
    const char *keys;
    uint64_t seed;
    int seed_set;
    double time_scale;
    uint32_t home_id;        /* 0 = random from the seed */
    int report_order;        /* SIM_ORDER_* */
    int verbose;
    sim_faults_t faults;
} sim_opts_t;

/* 0: run; 1: --help printed, exit 0; negative: error already printed, exit 2. */
int sim_opts_parse(sim_opts_t *o, int argc, char **argv);
void sim_opts_usage(FILE *out);

#endif
