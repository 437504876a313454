/* zwhost — what the host knows about a node from its interview.
 *
 * The interview (ZWH_EVENT_INTERVIEW ... ZWH_EVENT_NODE_READY) learns each
 * node's command classes and versions, identity and per-class capabilities;
 * the state file keeps them across restarts. These getters copy those facts
 * into plain structs. They run on the loop thread and never send anything:
 * a fact not learned (yet) is ZWH_ENOENT. */
#ifndef ZWHOST_NODE_H
#define ZWHOST_NODE_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Interview state (zwh_host_get_interview_state) */
#define ZWH_INTERVIEW_NONE 0     /* not interviewed (no NIF yet, or the controller) */
#define ZWH_INTERVIEW_RUNNING 1
#define ZWH_INTERVIEW_COMPLETE 2 /* done now or loaded from the state file */

/* zwh_config_param_info_t.flags */
#define ZWH_PARAM_HAS_RANGE 0x01   /* min/max/default/format came from the device (Configuration v3+) */
#define ZWH_PARAM_HAS_VALUE 0x02   /* value holds the last reported value */
#define ZWH_PARAM_READ_ONLY 0x04
#define ZWH_PARAM_ADVANCED 0x08

typedef struct zwh_config_param_info {
    uint16_t number;
    uint8_t size;        /* 1, 2 or 4; 0 = unknown */
    uint8_t format;      /* ZWH_CONFIGURATION_FORMAT_* (signed unless the device said otherwise) */
    uint8_t flags;       /* ZWH_PARAM_* */
    uint8_t reserved[3];
    int64_t min_value, max_value, default_value;
    int64_t value;
    char name[128];      /* NUL-terminated UTF-8 ("" when the device gave none), cut to fit */
    char info[512];
} zwh_config_param_info_t;

ZWH_EXTERN int zwh_host_get_interview_state(const zwh_host_t *host, uint16_t node_id);
/* 1 when the node (endpoint) supports cc, 0 when not, or a negative error. */
ZWH_EXTERN int zwh_host_node_supports(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint, uint8_t cc);
/* The version of cc the node reported (1..), 0 when unknown, ZWH_ENOCC when unsupported. */
ZWH_EXTERN int zwh_host_get_cc_version(const zwh_host_t *host, uint16_t node_id, uint8_t cc);
/* Manufacturer Specific ids. */
ZWH_EXTERN int zwh_host_get_manufacturer(const zwh_host_t *host, uint16_t node_id, uint16_t *manufacturer_id,
                                         uint16_t *product_type, uint16_t *product_id);
/* The configuration parameter numbers known for the endpoint (ascending); *count may exceed max. */
ZWH_EXTERN int zwh_host_get_config_params(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint16_t *numbers, size_t max, size_t *count);
ZWH_EXTERN int zwh_host_get_config_param(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                         uint16_t number, zwh_config_param_info_t *out);
/* Meter Supported: meter type and the scale bits (bit n = scale n; bit 7+ = scale 7 with scale2). */
ZWH_EXTERN int zwh_host_get_meter_support(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint8_t *meter_type, uint32_t *scales, uint8_t *reset_supported);
/* User Code: number of user ids (extended count when reported). */
ZWH_EXTERN int zwh_host_get_user_count(const zwh_host_t *host, uint16_t node_id, uint16_t *users);

#ifdef __cplusplus
}
#endif

#endif
