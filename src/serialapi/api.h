/* Typed codecs of the Serial API functions the library uses: request builders
 * (filling a zwh__request_t with payload, callback-id position, timeouts and
 * the hooks that interpret RES and callbacks) and parsers of RES, callback and
 * unsolicited payloads. Node-id fields are 1 byte, or 2 bytes big endian after
 * SerialAPISetup SetNodeIDType(16 bit). All parsers are bounds-checked and
 * return ZWH_EBADMSG on a short payload. */
#ifndef ZWH_SERIALAPI_API_H
#define ZWH_SERIALAPI_API_H

#include <stdbool.h>
#include <stdint.h>
#include "serialapi/functions.h"
#include "serialapi/session.h"

typedef struct zwh__api {
    bool nodeid16; /* node ids are 2 bytes on the wire */
} zwh__api_t;

/* SerialAPISetup sub-commands */
#define ZWH__SETUP_GET_SUPPORTED 0x01
#define ZWH__SETUP_TX_STATUS_REPORT 0x02
#define ZWH__SETUP_MAX_PAYLOAD 0x10
#define ZWH__SETUP_LR_MAX_PAYLOAD 0x11
#define ZWH__SETUP_GET_RF_REGION 0x20
#define ZWH__SETUP_SET_RF_REGION 0x40
#define ZWH__SETUP_SET_NODEID_TYPE 0x80

/* TX options */
#define ZWH__TXO_ACK 0x01
#define ZWH__TXO_LOW_POWER 0x02
#define ZWH__TXO_AUTO_ROUTE 0x04
#define ZWH__TXO_NO_ROUTE 0x10
#define ZWH__TXO_EXPLORE 0x20
#define ZWH__TXO_DEFAULT (ZWH__TXO_ACK | ZWH__TXO_AUTO_ROUTE | ZWH__TXO_EXPLORE)

#define ZWH__NODE_MASK_LEN 29 /* nodes 1..232 */
#define ZWH__MAX_CLASSIC_NODE 232

/* ---- request builders (done/user set by the caller afterwards or here) ---- */
int zwh__api_req_plain(zwh__request_t *req, uint8_t func, zwh__request_done_fn done, void *user);
int zwh__api_req_setup(zwh__request_t *req, uint8_t sub, const uint8_t *params, size_t n,
                       zwh__request_done_fn done, void *user);
int zwh__api_req_node_protocol_info(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                    zwh__request_done_fn done, void *user);
/* SoftReset: no RES; completes on SerialApiStarted (0x0A), or ZWH_ETIMEDOUT after wait_ms
 * (500-series chips send nothing). */
int zwh__api_req_soft_reset(zwh__request_t *req, uint32_t wait_ms, zwh__request_done_fn done, void *user);
/* SendData: RES 00 -> ZWH_EREJECTED; callback TX status mapped by zwh__api_tx_status();
 * SendDataAbort after abort_ms without callback. */
int zwh__api_req_send_data(zwh__request_t *req, const zwh__api_t *api, uint16_t nid, const uint8_t *data,
                           size_t len, uint8_t txo, zwh__request_done_fn done, void *user);
int zwh__api_req_send_data_multicast(zwh__request_t *req, const zwh__api_t *api, const uint16_t *nids,
                                     size_t n, const uint8_t *data, size_t len, uint8_t txo,
                                     zwh__request_done_fn done, void *user);
/* RequestNodeInfo: RES 00 -> ZWH_EREJECTED; completes on ApplicationUpdate 0x84
 * for that node (0) or 0x81 (ZWH_ENODEACK). */
int zwh__api_req_request_node_info(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                   zwh__request_done_fn done, void *user);
int zwh__api_req_set_suc_node_id(zwh__request_t *req, const zwh__api_t *api, uint16_t nid, bool enable,
                                 bool sis, bool self, zwh__request_done_fn done, void *user);
/* func: ZWH__FUNC_ASSIGN_SUC_RETURN_ROUTE, DELETE_SUC_RETURN_ROUTE, DELETE_RETURN_ROUTE */
int zwh__api_req_node_route(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                            zwh__request_done_fn done, void *user);
int zwh__api_req_assign_return_route(zwh__request_t *req, const zwh__api_t *api, uint16_t src, uint16_t dst,
                                     zwh__request_done_fn done, void *user);
/* AddNode/RemoveNode: on_frame gets every callback; the caller's hook decides when done. */
int zwh__api_req_add_node(zwh__request_t *req, uint8_t mode, zwh__request_frame_fn progress,
                          zwh__request_done_fn done, void *user);
int zwh__api_req_remove_node(zwh__request_t *req, uint8_t mode, zwh__request_frame_fn progress,
                             zwh__request_done_fn done, void *user);
/* AddNode SmartStart include (mode 08 | options): `mode cb homeIds[8]`, the NWI
 * and auth home ids a provisioned DSK gives; callbacks as for AddNode. */
int zwh__api_req_add_node_home_id(zwh__request_t *req, uint8_t mode, const uint8_t home_ids[8],
                                  zwh__request_frame_fn progress, zwh__request_done_fn done, void *user);
/* AddNode SmartStart listen (09 | NWI) with callback id 0: the chip sends no
 * callback, so done() follows the frame's ACK. */
#define ZWH__ADD_NODE_SMARTSTART_LISTEN 0x49
int zwh__api_req_smartstart_listen(zwh__request_t *req, zwh__request_done_fn done, void *user);
/* RemoveFailedNode / ReplaceFailedNode: RES flags != 0 -> ZWH_EREJECTED. */
int zwh__api_req_failed_node(zwh__request_t *req, const zwh__api_t *api, uint8_t func, uint16_t nid,
                             zwh__request_done_fn done, void *user);
int zwh__api_req_is_failed_node(zwh__request_t *req, const zwh__api_t *api, uint16_t nid,
                                zwh__request_done_fn done, void *user);
int zwh__api_req_set_default(zwh__request_t *req, zwh__request_done_fn done, void *user);
int zwh__api_req_get_lr_nodes(zwh__request_t *req, uint8_t segment, zwh__request_done_fn done, void *user);

/* TX status byte -> 0 or a ZWH_E* code */
int zwh__api_tx_status(uint8_t st);

/* ---- parsed results ---- */
typedef struct zwh__api_capabilities {
    uint8_t app_version, app_revision;
    uint16_t manufacturer_id, product_type, product_id;
    uint8_t functions[32];
} zwh__api_capabilities_t;
int zwh__api_parse_capabilities(const uint8_t *p, size_t n, zwh__api_capabilities_t *out);

typedef struct zwh__api_init_data {
    uint8_t api_version, capabilities;
    uint8_t node_mask[ZWH__NODE_MASK_LEN];
    uint8_t chip_type, chip_version;
} zwh__api_init_data_t;
int zwh__api_parse_init_data(const uint8_t *p, size_t n, zwh__api_init_data_t *out);

typedef struct zwh__api_version {
    char library[32]; /* "Z-Wave 7.19" */
    uint8_t library_type;
} zwh__api_version_t;
int zwh__api_parse_version(const uint8_t *p, size_t n, zwh__api_version_t *out);

typedef struct zwh__api_protocol_version {
    uint8_t type, major, minor, patch;
    uint16_t app_build;
} zwh__api_protocol_version_t;
int zwh__api_parse_protocol_version(const uint8_t *p, size_t n, zwh__api_protocol_version_t *out);

int zwh__api_parse_memory_id(const uint8_t *p, size_t n, const zwh__api_t *api, uint32_t *home_id,
                             uint16_t *node_id);

typedef struct zwh__api_node_protocol {
    bool listening, routing, beaming, routing_end_node, controller, security_flag, specific_valid;
    uint16_t flirs_ms;   /* 0, 250 or 1000 */
    uint8_t protocol_version;
    uint32_t max_speed;  /* 9600, 40000, 100000 */
    uint8_t basic, generic, specific;
    bool present;        /* basic != 0 */
} zwh__api_node_protocol_t;
int zwh__api_parse_node_protocol(const uint8_t *p, size_t n, zwh__api_node_protocol_t *out);

/* SerialAPIStarted (0x0A) */
typedef struct zwh__api_started {
    uint8_t wake_reason;
    bool watchdog, listening, long_range;
    uint8_t generic, specific;
} zwh__api_started_t;
int zwh__api_parse_started(const uint8_t *p, size_t n, zwh__api_started_t *out);

/* The 24-byte extended TX status report after the TX status byte. */
typedef struct zwh__api_tx_report {
    bool present;
    uint16_t tx_ticks;      /* x 10 ms */
    uint8_t repeaters;
    int8_t ack_rssi;        /* 127 = not available */
    uint8_t ack_channel, tx_channel, route_scheme, route_speed;
    uint8_t repeater_ids[4];
    uint8_t beam;           /* 0, 250, 1000 (ms/4 scaled: 1 = 250, 4 = 1000) */
    uint8_t routing_attempts;
    int8_t tx_power;        /* valid when has_power */
    bool has_power;
} zwh__api_tx_report_t;
/* Parses a SendData callback `cb txStatus [report]`. */
int zwh__api_parse_send_data_cb(const uint8_t *p, size_t n, uint8_t *tx_status, zwh__api_tx_report_t *rep);

/* ApplicationCommandHandler (0x04) and its bridge variant (0xA8). */
typedef struct zwh__api_app_cmd {
    uint8_t rx_status;
    uint16_t src;
    uint16_t dst;           /* bridge: the (virtual) node addressed; else 0 */
    const uint8_t *cmd;     /* points into the payload */
    size_t cmd_len;
    bool has_rssi;
    int8_t rssi;
} zwh__api_app_cmd_t;
int zwh__api_parse_app_cmd(const uint8_t *p, size_t n, const zwh__api_t *api, bool bridge, zwh__api_app_cmd_t *out);

/* ApplicationUpdate (0x49) */
#define ZWH__UPDATE_NODE_INFO 0x84
#define ZWH__UPDATE_NODE_INFO_FAILED 0x81
#define ZWH__UPDATE_NEW_ID 0x40
#define ZWH__UPDATE_DELETE_DONE 0x20
#define ZWH__UPDATE_SUC_ID 0x10
#define ZWH__UPDATE_SMARTSTART_PRIME 0x85
#define ZWH__UPDATE_SMARTSTART_INIF 0x86
#define ZWH__UPDATE_SMARTSTART_PRIME_LR 0x87
typedef struct zwh__api_update {
    uint8_t status;
    uint16_t node_id;
    uint8_t basic, generic, specific;
    const uint8_t *ccs;     /* command class list (points into the payload) */
    size_t ccs_len;
    uint8_t nwi_home_id[4]; /* SmartStart */
} zwh__api_update_t;
int zwh__api_parse_update(const uint8_t *p, size_t n, const zwh__api_t *api, zwh__api_update_t *out);

/* AddNode / RemoveNode callbacks: `cb status nid len basic generic specific ccs...` */
typedef struct zwh__api_node_mgmt {
    uint8_t status;
    uint16_t node_id;
    uint8_t basic, generic, specific;
    const uint8_t *ccs;
    size_t ccs_len;
} zwh__api_node_mgmt_t;
int zwh__api_parse_node_mgmt(const uint8_t *p, size_t n, const zwh__api_t *api, zwh__api_node_mgmt_t *out);

/* True if node n (1..232) is set in a 29-byte mask. */
static inline bool zwh__api_mask_has(const uint8_t *mask, unsigned n)
{
    return n >= 1 && n <= ZWH__MAX_CLASSIC_NODE && ((mask[(n - 1) / 8] >> ((n - 1) % 8)) & 1);
}

#endif
