/* The host object's private layout, shared by the files of src/host. */
#ifndef ZWH_HOST_INTERNAL_H
#define ZWH_HOST_INTERNAL_H

#include <stdbool.h>
#include <uv.h>
#include "zwhost/host.h"
#include "serialapi/api.h"
#include "serialapi/serial.h"
#include "util/log.h"

typedef struct zwh__node {
    zwh_node_info_t info;
    uint8_t ccs[64];      /* command classes from the node information frame */
    uint8_t ccs_len;
} zwh__node_t;

/* Start-up: a table of steps run one request at a time (startup.c). */
typedef struct zwh__startup {
    int step;             /* index into the step table, -1 = not running */
    zwh__request_t req;
    size_t node_index;    /* GetNodeProtocolInfo iteration */
    uint16_t pending_ids[ZWH__MAX_CLASSIC_NODE + 1];
    size_t pending_count;
    uint8_t setup_mask[32]; /* SerialAPISetup sub-commands supported */
    bool setup_known;
    uint8_t lr_segment;
    uint64_t started_ms;
} zwh__startup_t;

struct zwh_event {
    int type;
    int status;
    const char *message;
    uint16_t node_id;
    const uint8_t *data;
    size_t len;
    int rssi;
};

struct zwh_host {
    uv_loop_t *loop;
    uv_loop_t *own_loop;      /* non-NULL when the host made its loop */
    zwh__log_t log;
    zwh__session_config_t cfg;
    uint32_t soft_reset_wait_ms;
    uint32_t retry_min_ms, retry_max_ms;
    zwh__serial_t serial;
    bool serial_ready;
    char url[256];
    int state;
    zwh_event_cb event_cb;
    void *event_user;
    zwh_wakeup_cb wakeup_cb;
    void *wakeup_user;
    uv_async_t async;
    zwh__api_t api;
    zwh_controller_info_t info;
    zwh__node_t *nodes;       /* sorted by id */
    size_t node_count, node_cap;
    zwh__startup_t startup;
    zwh_close_cb close_cb;
    void *close_user;
    int pending_closes;
    bool closed;              /* close finished (private loop: free in zwh_host_run) */
};

void zwh__host_emit(zwh_host_t *h, int type, int status, const char *message, uint16_t node_id);
void zwh__host_emit_event(zwh_host_t *h, const zwh_event_t *ev);

/* node table (nodes.c) */
zwh__node_t *zwh__host_node(const zwh_host_t *h, uint16_t id);
zwh__node_t *zwh__host_node_add(zwh_host_t *h, uint16_t id);
void zwh__host_nodes_clear(zwh_host_t *h);

/* start-up (startup.c) */
void zwh__startup_begin(zwh_host_t *h);
void zwh__startup_cancel(zwh_host_t *h);

#endif
