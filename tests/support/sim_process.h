/* Starts build/bin/zwh-sim as a child process for tests and benchmarks and reads
 * its first machine-readable line (LISTEN tcp://... or PTY /dev/pts/N).
 *
 *   zwh_test_sim_t sim;
 *   const char *args[] = {"--listen", "tcp://127.0.0.1:0", "--devices", "switch:2", NULL};
 *   if (zwh_test_sim_start(&sim, args) == 0) { use sim.url ...; zwh_test_sim_stop(&sim); }
 */
#ifndef ZWH_TEST_SIM_PROCESS_H
#define ZWH_TEST_SIM_PROCESS_H

#include <stdio.h>
#include <sys/types.h>

typedef struct zwh_test_sim {
    pid_t pid;
    FILE *out;       /* the sim's stdout (machine-readable lines) */
    int in_fd;       /* the sim's stdin (device events), -1 if closed */
    char url[256];   /* "tcp://127.0.0.1:PORT" or "/dev/pts/N" */
} zwh_test_sim_t;

/* args: NULL-terminated, without the program name. Returns 0 or -1. */
int zwh_test_sim_start(zwh_test_sim_t *sim, const char *const *args);
/* Reads the next stdout line into buf (without newline); 0 on success, -1 on EOF. */
int zwh_test_sim_read_line(zwh_test_sim_t *sim, char *buf, size_t len);
/* Writes one line to the sim's stdin. */
int zwh_test_sim_write_line(zwh_test_sim_t *sim, const char *line);
void zwh_test_sim_stop(zwh_test_sim_t *sim);

#endif
