/* The simulated Serial API controller: a 700-series static controller
 * ("Z-Wave 7.19", library type 01) answering the functions in ctrl.c's table.
 * It sits between the link (frames from and to the host) and the virtual-node
 * engine (nodes.h); device models never see it. */
#ifndef ZWH_SIM_CTRL_H
#define ZWH_SIM_CTRL_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>
#include "serialapi/frame.h"
#include "util/log.h"
#include "faults.h"
#include "chiplink.h"
#include "nodes.h"
#include "rng.h"
#include "timers.h"

/* When a node's answer to a SendData goes out relative to the SendData callback. */
enum { SIM_ORDER_RANDOM = 0, SIM_ORDER_BEFORE, SIM_ORDER_AFTER };

#define SIM_HELD_MAX 8
#define SIM_HELD_CMD_MAX 64

enum { SIM_NM_IDLE = 0, SIM_NM_ADD, SIM_NM_REMOVE };

/* A node's command held back until the SendData callback has gone out. */
typedef struct sim_held {
    uint16_t src;
    int8_t rssi;
    uint8_t len;
    uint8_t cmd[SIM_HELD_CMD_MAX];
} sim_held_t;

typedef struct sim_ctrl {
    uv_loop_t *loop;
    zwh__log_t *log;
    sim_link_t *link;
    sim_net_t *net;
    sim_sched_t *sched;
    sim_rng_t *rng;        /* behaviour (report order, home id) */
    sim_faults_t *faults;  /* jam, swallowed callbacks */
    int report_order;      /* SIM_ORDER_* */
    uint8_t cur_func;      /* function being handled */

    uint32_t home_id;
    uint16_t own_id;
    uint16_t suc_id;
    uint16_t last_assigned; /* node ids are handed out after the last one */
    int nid16;              /* SetNodeIDType(2): node id fields are 2 bytes */
    int tx_report;          /* SerialAPISetup 02: extended TX report on */
    int rf_on;
    uint8_t region, next_region; /* SetRFRegion takes effect at the next soft reset */
    uint8_t ack_timeout, byte_timeout; /* SerialApiSetTimeouts, 10 ms ticks */
    struct {
        uint8_t dev_opts, generic, specific, ncc;
        uint8_t cc[SIM_NIF_MAX_CC];
    } nif;                  /* SetApplicationNodeInformation */
    uint8_t failed[SIM_MAX_NODE_ID + 1]; /* the protocol's failed-node list */
    uint16_t exclude_target; /* node that answers the next exclusion (0 = highest id) */

    struct {                /* SendData / SendDataMulticast in flight */
        int busy, hung, capturing;
        uint8_t func, cb, txo;
        uint16_t dst;
        size_t nheld;
        sim_held_t held[SIM_HELD_MAX];
    } tx;
    struct {                /* AddNode / RemoveNode */
        int op, step;
        uint8_t cb;
        uint16_t nid;
        sim_node_t *dev;    /* node being added or removed */
    } nm;
    int ss_listen;          /* AddNode 09: SmartStart prime frames are reported */
} sim_ctrl_t;

typedef struct sim_ctrl_deps {
    uv_loop_t *loop;
    zwh__log_t *log;
    sim_link_t *link;
    sim_net_t *net;
    sim_sched_t *sched;
    sim_rng_t *rng;
    sim_faults_t *faults;
} sim_ctrl_deps_t;

void sim_ctrl_init(sim_ctrl_t *c, const sim_ctrl_deps_t *deps, uint32_t home_id, int report_order);
/* A valid frame from the host (already ACKed). */
void sim_ctrl_handle(sim_ctrl_t *c, const zwh__frame_t *f);
/* Engine callback: a node sends a command to the controller. */
void sim_ctrl_node_emit(void *user, sim_node_t *from, const uint8_t *cmd, size_t len);
/* Lowest-level stdin commands the controller understands ("exclude N"); 0 if handled. */
int sim_ctrl_command(sim_ctrl_t *c, const char *line);
void sim_ctrl_close(sim_ctrl_t *c);

#endif
