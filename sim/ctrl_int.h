/* Internals shared by ctrl*.c: frame output, node-id width, delayed actions,
 * and the handlers of the function table. */
#ifndef ZWH_SIM_CTRL_INT_H
#define ZWH_SIM_CTRL_INT_H

#include "util/bytes.h"
#include "ctrl.h"

/* Function ids */
#define F_INIT_DATA 0x02
#define F_APPL_NODE_INFO 0x03
#define F_APP_CMD_HANDLER 0x04
#define F_CTRL_CAPS 0x05
#define F_SET_TIMEOUTS 0x06
#define F_API_CAPS 0x07
#define F_SOFT_RESET 0x08
#define F_PROTOCOL_VERSION 0x09
#define F_API_STARTED 0x0A
#define F_API_SETUP 0x0B
#define F_SET_RF_RECEIVE_MODE 0x10
#define F_SEND_DATA 0x13
#define F_SEND_DATA_MULTI 0x14
#define F_VERSION 0x15
#define F_SEND_DATA_ABORT 0x16
#define F_MEMORY_GET_ID 0x20
#define F_NODE_PROTOCOL_INFO 0x41
#define F_SET_DEFAULT 0x42
#define F_ASSIGN_RETURN_ROUTE 0x46
#define F_DELETE_RETURN_ROUTE 0x47
#define F_NEIGHBOR_UPDATE 0x48
#define F_APP_UPDATE 0x49
#define F_ADD_NODE 0x4A
#define F_REMOVE_NODE 0x4B
#define F_ASSIGN_SUC_RETURN_ROUTE 0x51
#define F_SET_SUC_NODE_ID 0x54
#define F_DELETE_SUC_RETURN_ROUTE 0x55
#define F_GET_SUC_NODE_ID 0x56
#define F_REQUEST_NODE_INFO 0x60
#define F_REMOVE_FAILED 0x61
#define F_IS_FAILED 0x62
#define F_REPLACE_FAILED 0x63
#define F_GET_ROUTING_INFO 0x80
#define F_GET_LR_NODES 0xDA

/* TX status */
#define TX_OK 0x00
#define TX_NO_ACK 0x01
#define TX_FAIL 0x02

/* Tags of the controller's delayed actions (owner = the controller). */
enum { CTAG_SEND = 1, CTAG_NM, CTAG_MISC, CTAG_STARTED, CTAG_SMARTSTART };

typedef void (*sim_ctrl_fn)(sim_ctrl_t *c, zwh__rd_t *r);

void sim_ctrl_res(sim_ctrl_t *c, uint8_t func, const uint8_t *p, size_t n);
void sim_ctrl_req(sim_ctrl_t *c, uint8_t func, const uint8_t *p, size_t n);
/* REQ frame (func + payload) sent after ms. */
void sim_ctrl_req_later(sim_ctrl_t *c, uint64_t ms, int tag, uint8_t func, const uint8_t *p, size_t n);
uint16_t sim_ctrl_rd_nid(const sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_wr_nid(const sim_ctrl_t *c, zwh__wr_t *w, uint16_t nid);
/* A node other than the controller, in the table. */
sim_node_t *sim_ctrl_node(const sim_ctrl_t *c, uint16_t nid);
/* Frees all nodes and resets the network (SetDefault). */
void sim_ctrl_wipe(sim_ctrl_t *c);
/* Cancels a running SendData/AddNode/RemoveNode without callbacks (reset). */
void sim_ctrl_send_cancel(sim_ctrl_t *c);
void sim_ctrl_nm_cancel(sim_ctrl_t *c);

/* ctrl_send.c */
void sim_ctrl_fn_send_data(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_send_data_multi(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_send_data_abort(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_request_node_info(sim_ctrl_t *c, zwh__rd_t *r);
/* ctrl_netmgmt.c */
void sim_ctrl_fn_add_node(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_remove_node(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_remove_failed(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_is_failed(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_replace_failed(sim_ctrl_t *c, zwh__rd_t *r);
/* ctrl_routes.c */
void sim_ctrl_fn_assign_return_route(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_node_route_op(sim_ctrl_t *c, zwh__rd_t *r); /* 47, 51, 55 */
void sim_ctrl_fn_neighbor_update(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_get_routing_info(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_set_suc(sim_ctrl_t *c, zwh__rd_t *r);
void sim_ctrl_fn_get_suc(sim_ctrl_t *c, zwh__rd_t *r);

#endif
