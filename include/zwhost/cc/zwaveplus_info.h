/* zwhost — Z-Wave Plus Info command class (0x5E), version 2. */
#ifndef ZWHOST_CC_ZWAVEPLUS_INFO_H
#define ZWHOST_CC_ZWAVEPLUS_INFO_H

#include "zwhost/common.h"

#define ZWH_CC_ZWAVEPLUS_INFO 0x5E
#define ZWH_ZWAVEPLUS_INFO_GET 0x01
#define ZWH_ZWAVEPLUS_INFO_REPORT 0x02

/* Role types */
#define ZWH_ZWAVEPLUS_ROLE_CENTRAL_STATIC_CONTROLLER 0x00
#define ZWH_ZWAVEPLUS_ROLE_SUB_STATIC_CONTROLLER 0x01
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_CONTROLLER 0x02
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_REPORTING_CONTROLLER 0x03
#define ZWH_ZWAVEPLUS_ROLE_PORTABLE_END_NODE 0x04
#define ZWH_ZWAVEPLUS_ROLE_ALWAYS_ON_END_NODE 0x05
#define ZWH_ZWAVEPLUS_ROLE_REPORTING_SLEEPING_END_NODE 0x06
#define ZWH_ZWAVEPLUS_ROLE_LISTENING_SLEEPING_END_NODE 0x07
#define ZWH_ZWAVEPLUS_ROLE_NETWORK_AWARE_END_NODE 0x08
/* Node types */
#define ZWH_ZWAVEPLUS_NODE_TYPE_NODE 0x00
#define ZWH_ZWAVEPLUS_NODE_TYPE_IP_GATEWAY 0x02

#ifdef __cplusplus
extern "C" {
#endif

typedef struct zwh_zwaveplus_info_report {
    uint8_t zwaveplus_version; /* 1 or 2 */
    uint8_t role_type;
    uint8_t node_type;
    uint16_t installer_icon;
    uint16_t user_icon;
} zwh_zwaveplus_info_report_t;

ZWH_EXTERN int zwh_zwaveplus_info_get_encode(uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_zwaveplus_info_report_encode(const zwh_zwaveplus_info_report_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_zwaveplus_info_report_decode(const uint8_t *frame, size_t len, zwh_zwaveplus_info_report_t *out);

#ifdef __cplusplus
}
#endif
#endif
