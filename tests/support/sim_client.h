/* Test helpers for driving zwh-sim with raw Serial API frames.
 *
 * Process control
 *   sim_proc_start(&p, args)   spawns ZWH_TEST_BIN_DIR "/zwh-sim" with the NULL-terminated
 *                              extra args (add "--listen", "tcp://127.0.0.1:0" or "--pty"
 *                              yourself), stdin a pipe, stderr inherited; waits up to 5 s
 *                              for its LISTEN/PTY line and fills p.url, p.port (tcp) or
 *                              p.pty (pty path). 0 or -1.
 *   sim_proc_read_line(&p, buf, cap, ms)   next stdout line (e.g. "DSK ..."); 0 or -1.
 *   sim_proc_stdin(&p, "exclude 3")        writes one device-event line to its stdin.
 *   sim_proc_stop(&p)          SIGTERM and wait: the exit status (0 = clean exit,
 *                              sanitizers quiet), or -1 if it had to be killed.
 *
 * Raw frame client (one connection; blocking reads with timeouts, loopback only)
 *   sim_client_connect(&c, port) / sim_client_open_pty(&c, path) / sim_client_close(&c)
 *   sim_client_write(&c, bytes, n)              raw bytes (ACK, NAK, garbage, broken frames)
 *   sim_client_send(&c, type, func, pl, n)      encodes a data frame with zwh__frame_encode
 *   sim_client_next(&c, ms, &f)                 next event parsed with zwh__frame_parse:
 *                                               returns f.ev (ZWH__FEV_ACK/NAK/CAN/DATA...),
 *                                               0 on timeout, -1 on EOF. Data frames are
 *                                               NOT acknowledged.
 *   sim_client_frame(&c, ms, &f)                next event must be a data frame; ACKs it.
 *                                               Returns 1, 0 timeout, -1 other event/EOF.
 *   sim_client_request(&c, func, pl, n, &res, ms)
 *                                               REQ -> expects ACK -> RES of func (ACKed);
 *                                               returns the RES payload length or -1.
 *   sim_client_quiet(&c, ms)                    1 if nothing arrives for ms, else 0.
 * sim_frame_t.raw/rawlen hold the frame exactly as on the wire (SOF..checksum).
 * now: sim_now_ms() monotonic milliseconds. */
#ifndef ZWH_TEST_SIM_CLIENT_H
#define ZWH_TEST_SIM_CLIENT_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include "serialapi/frame.h"

typedef struct sim_proc {
    pid_t pid;
    int out_fd;     /* its stdout */
    int in_fd;      /* its stdin */
    char url[256];  /* tcp://127.0.0.1:PORT */
    uint16_t port;
    char pty[256];
    char outbuf[1024];
    size_t outlen;
} sim_proc_t;

int sim_proc_start(sim_proc_t *p, const char *const *args);
int sim_proc_read_line(sim_proc_t *p, char *buf, size_t cap, int timeout_ms);
int sim_proc_stdin(sim_proc_t *p, const char *line);
int sim_proc_stop(sim_proc_t *p);

typedef struct sim_frame {
    int ev;                           /* ZWH__FEV_* */
    uint8_t type, func;
    uint8_t payload[ZWH__FRAME_PAYLOAD_MAX];
    size_t len;
    uint8_t raw[ZWH__FRAME_MAX];
    size_t rawlen;
} sim_frame_t;

typedef struct sim_client {
    int fd;
    zwh__frame_parser_t parser;
    uint8_t buf[4096];                /* bytes read but not parsed yet */
    size_t pos, have;
} sim_client_t;

uint64_t sim_now_ms(void);
int sim_client_connect(sim_client_t *c, uint16_t port);
int sim_client_open_pty(sim_client_t *c, const char *path);
void sim_client_close(sim_client_t *c);
int sim_client_write(sim_client_t *c, const uint8_t *buf, size_t len);
int sim_client_send(sim_client_t *c, uint8_t type, uint8_t func, const uint8_t *payload, size_t len);
int sim_client_next(sim_client_t *c, int timeout_ms, sim_frame_t *f);
int sim_client_frame(sim_client_t *c, int timeout_ms, sim_frame_t *f);
int sim_client_request(sim_client_t *c, uint8_t func, const uint8_t *payload, size_t len, sim_frame_t *res,
                       int timeout_ms);
int sim_client_quiet(sim_client_t *c, int ms);

#endif
