#include "sim_process.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#ifndef ZWH_TEST_BIN_DIR
#define ZWH_TEST_BIN_DIR "build/bin"
#endif

extern char **environ;

int zwh_test_sim_start(zwh_test_sim_t *sim, const char *const *args)
{
    memset(sim, 0, sizeof *sim);
    sim->in_fd = -1;
    int out[2], in[2];
    if (pipe(out) != 0)
        return -1;
    if (pipe(in) != 0) {
        close(out[0]);
        close(out[1]);
        return -1;
    }
    const char *path = getenv("ZWH_SIM") ? getenv("ZWH_SIM") : ZWH_TEST_BIN_DIR "/zwh-sim";
    char *argv[64];
    size_t n = 0;
    argv[n++] = (char *)path;
    for (size_t i = 0; args && args[i] && n < 63; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_adddup2(&fa, out[1], 1);
    posix_spawn_file_actions_adddup2(&fa, in[0], 0);
    posix_spawn_file_actions_addclose(&fa, out[0]);
    posix_spawn_file_actions_addclose(&fa, in[1]);
    if (!getenv("ZWH_TEST_VERBOSE")) /* the sim's log goes to stderr; keep test output readable */
        posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    int rc = posix_spawn(&sim->pid, path, &fa, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&fa);
    close(out[1]);
    close(in[0]);
    if (rc != 0) {
        close(out[0]);
        close(in[1]);
        return -1;
    }
    sim->out = fdopen(out[0], "r");
    sim->in_fd = in[1];
    char line[300];
    while (zwh_test_sim_read_line(sim, line, sizeof line) == 0) {
        if (strncmp(line, "LISTEN ", 7) == 0 || strncmp(line, "PTY ", 4) == 0) {
            snprintf(sim->url, sizeof sim->url, "%s", strchr(line, ' ') + 1);
            return 0;
        }
    }
    zwh_test_sim_stop(sim);
    return -1;
}

int zwh_test_sim_read_line(zwh_test_sim_t *sim, char *buf, size_t len)
{
    if (!sim->out || !fgets(buf, (int)len, sim->out))
        return -1;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 0;
}

int zwh_test_sim_write_line(zwh_test_sim_t *sim, const char *line)
{
    if (sim->in_fd < 0)
        return -1;
    size_t n = strlen(line);
    if (write(sim->in_fd, line, n) != (ssize_t)n || write(sim->in_fd, "\n", 1) != 1)
        return -1;
    return 0;
}

void zwh_test_sim_stop(zwh_test_sim_t *sim)
{
    if (sim->pid > 0) {
        kill(sim->pid, SIGTERM);
        waitpid(sim->pid, NULL, 0);
        sim->pid = 0;
    }
    if (sim->out) {
        fclose(sim->out);
        sim->out = NULL;
    }
    if (sim->in_fd >= 0) {
        close(sim->in_fd);
        sim->in_fd = -1;
    }
}
