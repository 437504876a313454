/* Serial API function ids: one table gives ids, names (for logs) and whether the
 * chip answers with a RES and/or a callback. */
#ifndef ZWH_SERIALAPI_FUNCTIONS_H
#define ZWH_SERIALAPI_FUNCTIONS_H

#include <stdint.h>

#define ZWH__FN_RES 0x01 /* the chip answers with a RES frame */
#define ZWH__FN_CB  0x02 /* the chip sends a callback REQ carrying our callback id */
#define ZWH__FN_UNSOLICITED 0x04

/*  XX(id, NAME, "Name", flags) */
#define ZWH__FUNC_LIST(XX)                                                          \
    XX(0x02, GET_INIT_DATA, "GetSerialApiInitData", ZWH__FN_RES)                    \
    XX(0x03, SET_APPL_NODE_INFO, "SetApplicationNodeInformation", 0)                \
    XX(0x04, APPLICATION_COMMAND_HANDLER, "ApplicationCommandHandler", ZWH__FN_UNSOLICITED) \
    XX(0x05, GET_CONTROLLER_CAPABILITIES, "GetControllerCapabilities", ZWH__FN_RES) \
    XX(0x06, SET_TIMEOUTS, "SerialApiSetTimeouts", ZWH__FN_RES)                     \
    XX(0x07, GET_CAPABILITIES, "GetSerialApiCapabilities", ZWH__FN_RES)             \
    XX(0x08, SOFT_RESET, "SoftReset", 0)                                            \
    XX(0x09, GET_PROTOCOL_VERSION, "GetProtocolVersion", ZWH__FN_RES)               \
    XX(0x0A, SERIAL_API_STARTED, "SerialApiStarted", ZWH__FN_UNSOLICITED)           \
    XX(0x0B, SERIAL_API_SETUP, "SerialApiSetup", ZWH__FN_RES)                       \
    XX(0x10, SET_RF_RECEIVE_MODE, "SetRFReceiveMode", ZWH__FN_RES)                  \
    XX(0x12, SEND_NODE_INFORMATION, "SendNodeInformation", ZWH__FN_RES | ZWH__FN_CB) \
    XX(0x13, SEND_DATA, "SendData", ZWH__FN_RES | ZWH__FN_CB)                       \
    XX(0x14, SEND_DATA_MULTICAST, "SendDataMulticast", ZWH__FN_RES | ZWH__FN_CB)    \
    XX(0x15, GET_CONTROLLER_VERSION, "GetControllerVersion", ZWH__FN_RES)           \
    XX(0x16, SEND_DATA_ABORT, "SendDataAbort", 0)                                   \
    XX(0x20, MEMORY_GET_ID, "MemoryGetId", ZWH__FN_RES)                             \
    XX(0x41, GET_NODE_PROTOCOL_INFO, "GetNodeProtocolInfo", ZWH__FN_RES)            \
    XX(0x42, SET_DEFAULT, "SetDefault", ZWH__FN_CB)                                 \
    XX(0x46, ASSIGN_RETURN_ROUTE, "AssignReturnRoute", ZWH__FN_RES | ZWH__FN_CB)    \
    XX(0x47, DELETE_RETURN_ROUTE, "DeleteReturnRoute", ZWH__FN_RES | ZWH__FN_CB)    \
    XX(0x48, REQUEST_NODE_NEIGHBOR_UPDATE, "RequestNodeNeighborUpdate", ZWH__FN_CB) \
    XX(0x49, APPLICATION_UPDATE, "ApplicationUpdate", ZWH__FN_UNSOLICITED)          \
    XX(0x4A, ADD_NODE, "AddNodeToNetwork", ZWH__FN_CB)                              \
    XX(0x4B, REMOVE_NODE, "RemoveNodeFromNetwork", ZWH__FN_CB)                      \
    XX(0x51, ASSIGN_SUC_RETURN_ROUTE, "AssignSUCReturnRoute", ZWH__FN_RES | ZWH__FN_CB) \
    XX(0x54, SET_SUC_NODE_ID, "SetSUCNodeId", ZWH__FN_RES | ZWH__FN_CB)             \
    XX(0x55, DELETE_SUC_RETURN_ROUTE, "DeleteSUCReturnRoute", ZWH__FN_RES | ZWH__FN_CB) \
    XX(0x56, GET_SUC_NODE_ID, "GetSUCNodeId", ZWH__FN_RES)                          \
    XX(0x60, REQUEST_NODE_INFO, "RequestNodeInfo", ZWH__FN_RES)                     \
    XX(0x61, REMOVE_FAILED_NODE, "RemoveFailedNode", ZWH__FN_RES | ZWH__FN_CB)      \
    XX(0x62, IS_FAILED_NODE, "IsFailedNode", ZWH__FN_RES)                           \
    XX(0x63, REPLACE_FAILED_NODE, "ReplaceFailedNode", ZWH__FN_RES | ZWH__FN_CB)    \
    XX(0x80, GET_ROUTING_INFO, "GetRoutingInfo", ZWH__FN_RES)                       \
    XX(0xA8, APPLICATION_COMMAND_HANDLER_BRIDGE, "ApplicationCommandHandlerBridge", ZWH__FN_UNSOLICITED) \
    XX(0xA9, SEND_DATA_BRIDGE, "SendDataBridge", ZWH__FN_RES | ZWH__FN_CB)          \
    XX(0xDA, GET_LR_NODES, "GetLongRangeNodes", ZWH__FN_RES)

enum zwh__func {
#define ZWH__FUNC_ENUM_(id, NAME, name, flags) ZWH__FUNC_##NAME = (id),
    ZWH__FUNC_LIST(ZWH__FUNC_ENUM_)
#undef ZWH__FUNC_ENUM_
};

/* "SendData", or NULL for an id not in the table. */
const char *zwh__func_name(uint8_t func);
/* ZWH__FN_* flags of a function (0 if unknown). */
unsigned zwh__func_flags(uint8_t func);

#endif
