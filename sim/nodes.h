/* Virtual-node engine: the Z-Wave nodes around the simulated controller.
 *
 * A node has a node information frame (basic/generic/specific device class and
 * a CC list), a listening mode (always listening, FLiRS, or sleeping with a
 * wake-up interval) and can be dead (never acknowledges). The engine decides
 * whether a frame reaches a node (the radio ACK) and runs the wake-up cycle of
 * sleeping nodes: it wakes every interval, sends Wake Up Notification, stays
 * awake 10 s (device time) or until Wake Up No More Information, and a frame
 * sent while it sleeps is not acknowledged.
 *
 * Device models plug in through sim_device_type_t + sim_model_ops_t: the engine
 * hands a model every command addressed to its node (the SendData payload), and
 * the model answers with sim_node_send(), which the controller turns into an
 * ApplicationCommandHandler frame to the host. Models never see the controller
 * or the Serial API. */
#ifndef ZWH_SIM_NODES_H
#define ZWH_SIM_NODES_H

#include <stddef.h>
#include <stdint.h>
#include "util/log.h"
#include "zwhost/security.h"
#include "rng.h"
#include "timers.h"

#define SIM_MAX_NODE_ID 232
#define SIM_MAX_PENDING 8
#define SIM_NIF_MAX_CC 40
#define SIM_AWAKE_MS 10000 /* how long a woken node stays awake, device time */

enum { SIM_NODE_LISTENING = 0, SIM_NODE_FLIRS, SIM_NODE_SLEEPING };

/* receive flags handed to models */
#define SIM_RX_MULTICAST 0x01
#define SIM_RX_S0 0x02 /* the command arrived in S0 encapsulation */
#define SIM_RX_S2 0x04 /* the command arrived in S2 encapsulation, class in bits 8..11 */
#define SIM_RX_CLASS_SHIFT 8
/* ZWH_SECCLASS_* the command arrived under (ZWH_SECCLASS_NONE when plaintext). */
#define SIM_RX_CLASS(f)                                                                 \
    (((f) & SIM_RX_S2) ? (int)(((f) >> SIM_RX_CLASS_SHIFT) & 0x0Fu)                    \
                       : (((f) & SIM_RX_S0) ? ZWH_SECCLASS_S0 : ZWH_SECCLASS_NONE))

typedef struct sim_nif {
    uint8_t basic, generic, specific;
    uint8_t ncc;
    uint8_t cc[SIM_NIF_MAX_CC]; /* supported CCs [, 0xEF, controlled CCs] */
} sim_nif_t;

typedef struct sim_node sim_node_t;
typedef struct sim_net sim_net_t;

/* on_command results. A command that arrived inside a Supervision Get is
 * handed to the model unwrapped (once, however often the Get is repeated) and
 * the engine answers the Supervision Report from the result:
 *   SIM_CMD_OK        handled                      -> SUCCESS
 *   SIM_CMD_WORKING   handled, takes time          -> WORKING with the duration set by
 *                     sim_node_sup_working(); the model later calls sim_node_sup_done()
 *   ZWH_ENOTSUP       unknown / unsupported command -> NO_SUPPORT
 *   other negative    refused (bad value, jammed)  -> FAIL */
#define SIM_CMD_OK 0
#define SIM_CMD_WORKING 1

/* The hook a device model implements. `model` is the pointer its create() gave. */
typedef struct sim_model_ops {
    /* A command from the controller reached the node (and was acknowledged).
     * Returns SIM_CMD_OK, SIM_CMD_WORKING or a negative ZWH_E* code (above). */
    int (*on_command)(void *model, sim_node_t *node, const uint8_t *cmd, size_t len,
                      unsigned rx_flags);
    /* Optional: the node just woke up (after its Wake Up Notification went out). */
    void (*on_wake)(void *model, sim_node_t *node);
    /* Optional: a device-event line from stdin addressed to this node ("motion on").
     * Return 0 if handled, ZWH_ENOTSUP if unknown. */
    int (*on_event)(void *model, sim_node_t *node, const char *line);
    /* Optional: the node was just included by the controller (after its
     * security bootstrap, if any). Pre-included --devices nodes never get it. */
    void (*on_included)(void *model, sim_node_t *node);
    /* Frees the model (node removed, reset or simulator exit). */
    void (*free)(void *model);
} sim_model_ops_t;

/* Product facts a twin carries: its Manufacturer Specific ids, application
 * version and Z-Wave Plus icon. They are also the ProductType/ProductId
 * fields of a SmartStart QR code (with the NIF's generic/specific class). */
typedef struct sim_product {
    uint16_t manufacturer_id, product_type, product_id;
    uint8_t app_major, app_minor;
    uint16_t installer_icon;
} sim_product_t;

typedef struct sim_device_type {
    const char *name;     /* as in --devices TYPE:ID */
    const char *summary;  /* one line for --help */
    sim_nif_t nif;
    /* Security. `security` is the mask of classes the device requests when it is
     * included (bit n = ZWH_SECCLASS n; ZWH_SECCLASS_S0 = bit 7; 0 = non-secure).
     * A device created already included holds the requested classes whose keys
     * `zwh-sim --keys` provides, and is non-secure (plaintext) without --keys.
     * `secure_cc` lists the CCs it supports only when included securely (its
     * S2/S0 Commands Supported Report; a plaintext command for one of them is
     * ignored once the node is secure). */
    uint32_t security;
    uint8_t nsecure_cc;
    uint8_t secure_cc[SIM_NIF_MAX_CC];
    /* Longest command the node sends or accepts in one frame before Transport
     * Service segmentation (0 = 46, the classic 100 kbit/s application payload). */
    uint16_t max_payload;
    /* Creates the model state for a node; *model may stay NULL. 0 or ZWH_E*. */
    int (*create)(sim_node_t *node, void **model);
    const sim_model_ops_t *ops;
    sim_product_t product; /* zero when the twin does not say */
} sim_device_type_t;

typedef struct sim_node_opts {
    int mode;                 /* SIM_NODE_* */
    uint32_t wake_interval_s; /* sleeping nodes */
    int dead;                 /* never acknowledges */
    int8_t rssi;              /* RSSI the controller measures for its frames (dBm) */
    int smartstart;           /* --pending: joins by SmartStart, not by a button press */
} sim_node_opts_t;

struct sim_node {
    sim_net_t *net;
    struct sim_node_sup *sup; /* node-side Supervision (node_supervision.c), lazily made */
    uint32_t sup_token;       /* token of the supervised command on_command is handling, 0 if none */
    uint8_t sup_duration;     /* duration of the WORKING report for it */
    uint16_t id;              /* 0 while not included */
    const sim_device_type_t *type;
    void *model;
    sim_nif_t nif;
    int mode;
    uint32_t wake_interval_s;
    int awake;                /* sleeping: awake now; FLiRS: receiver kept on (no beam needed) */
    int dead;
    int8_t rssi;
    int smartstart;           /* pending: announces itself to a SmartStart-listening controller */
    struct sim_node_sec *sec; /* S2/S0 engines, send queue, bootstrap (node_security.c); NULL
                                 while the node holds no keys and runs no bootstrap */
    struct sim_node_ts *ts;   /* Transport Service engine (node_ts.c), lazily made */
};

/* Where node commands go (the controller): `from` is included. */
typedef void (*sim_net_emit_fn)(void *user, sim_node_t *from, const uint8_t *cmd, size_t len);

struct sim_net {
    sim_node_t *nodes[SIM_MAX_NODE_ID + 1];
    sim_node_t *pending[SIM_MAX_PENDING]; /* devices waiting to be included, FIFO */
    size_t npending;
    sim_sched_t *sched;
    zwh__log_t *log;
    double time_scale;
    uint64_t seed;        /* --seed: models derive their own sim_rng streams from it */
    sim_net_emit_fn emit;
    void *emit_user;
    /* security environment (the controller keeps home_id current) */
    uint32_t home_id;
    const zwh_keystore_t *keys; /* zwh-sim --keys, or NULL */
    sim_rng_t *sec_rng;         /* seeds of the nodes' engines and key pairs */
};

void sim_net_init(sim_net_t *net, sim_sched_t *sched, zwh__log_t *log, double time_scale);
/* Frees every node, included or pending. */
void sim_net_clear(sim_net_t *net);

/* Parses "switch:5" / "switch:5:sleep=300,flirs,dead,rssi=-60" style attributes
 * into opts (attrs is the part after TYPE:ID:, may be NULL). 0 or ZWH_EINVAL. */
int sim_node_opts_parse(sim_node_opts_t *opts, const char *attrs);
void sim_node_opts_default(sim_node_opts_t *opts);

/* A new device, not yet in the network. NULL on allocation/model failure. */
sim_node_t *sim_node_new(sim_net_t *net, const sim_device_type_t *type, const sim_node_opts_t *opts);
void sim_node_free(sim_node_t *n);

/* Puts a node into the table under id (2..232). 0, ZWH_EEXIST or ZWH_EINVAL. */
int sim_net_include(sim_net_t *net, sim_node_t *n, uint16_t id);
/* Takes a node out of the table; returns it (now id 0), or NULL. */
sim_node_t *sim_net_exclude(sim_net_t *net, uint16_t id);
sim_node_t *sim_net_node(const sim_net_t *net, uint16_t id);
/* Highest included node id, 0 if none. */
uint16_t sim_net_max_id(const sim_net_t *net);

/* The pending FIFO. peek/take see only the devices that join by a button press
 * (classic AddNode); SmartStart devices are found by take_pending_at. */
int sim_net_add_pending(sim_net_t *net, sim_node_t *n);
sim_node_t *sim_net_take_pending(sim_net_t *net);
sim_node_t *sim_net_peek_pending(const sim_net_t *net);
/* Takes pending[i] out of the FIFO (NULL past the end). */
sim_node_t *sim_net_take_pending_at(sim_net_t *net, size_t i);

/* Would the node acknowledge a frame now? (alive, and listening, FLiRS or awake) */
int sim_node_reachable(const sim_node_t *n);
/* Radio delivery of a command to node dst. Returns the node's answer as a TX
 * status: 0 acknowledged (and handed to the model), 1 no ACK. */
int sim_net_deliver(sim_net_t *net, uint16_t dst, const uint8_t *cmd, size_t len, unsigned rx_flags);

/* The controller included the node (for a secure device: after its security
 * bootstrap): runs the model's on_included. */
void sim_node_included(sim_node_t *n);

/* A device-event line from stdin for the node. The engine handles "wake" (a
 * sleeping node wakes now: Wake Up Notification, then its awake window) and
 * hands every other line to the model's on_event. 0 or ZWH_ENOTSUP. */
int sim_node_event(sim_node_t *n, const char *line);

/* For models: sends a command from the node to the controller. A secure node
 * (one holding granted classes) encapsulates it under its highest granted class
 * (nonce exchange included), and a command longer than the node's payload limit
 * goes out in Transport Service segments; models always pass plaintext. */
void sim_node_send(sim_node_t *n, const uint8_t *cmd, size_t len);
/* For models: runs fn(node, data, len) after ms of device time (divided by
 * --time-scale). Cancelled when the node is freed. */
int sim_node_after(sim_node_t *n, uint64_t ms, sim_sched_fn fn, const uint8_t *data, size_t len);
/* For FLiRS models: keeps the receiver on (on = 1) while the node waits for
 * an answer it asked for (a Supervision Report, a Time Report), so the
 * controller reaches it without the 1 s wake-up beam; 0 = back to FLiRS
 * listening. No effect on other modes. */
void sim_node_keep_awake(sim_node_t *n, int on);
/* Device time in ms converted to loop time with the time scale (at least 1 ms). */
uint64_t sim_net_scale(const sim_net_t *net, uint64_t device_ms);

/* Node-side Supervision (node_supervision.c), for models. While on_command
 * runs for a supervised command, sim_node_sup_token() is its session token
 * (0 when the command was not supervised) and sim_node_sup_working() sets the
 * duration (Supervision encoding: 0..127 s, 0x80+ minutes, 0xFE unknown) of the
 * WORKING report the engine sends when on_command returns SIM_CMD_WORKING. The
 * final status goes out through sim_node_sup_done(token, ZWH_SUPERVISION_*). */
uint32_t sim_node_sup_token(const sim_node_t *n);
void sim_node_sup_working(sim_node_t *n, uint8_t duration);
int sim_node_sup_done(sim_node_t *n, uint32_t token, uint8_t status);
/* Engine side: a Supervision Get (6C 01 ...) addressed to the node. */
void sim_node_sup_get(sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags);
void sim_node_sup_free(sim_node_t *n);

/* Device types (devices.c). */
const sim_device_type_t *sim_device_find(const char *name);
/* Writes the known type names, comma separated. */
void sim_device_list(char *out, size_t outlen);

#endif
