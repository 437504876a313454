/** @file
 * zwhost — what the host knows about a node from its interview.
 *
 * The interview (ZWH_EVENT_INTERVIEW ... ZWH_EVENT_NODE_READY) learns each
 * node's command classes and versions, identity and per-class capabilities;
 * the state file keeps them across restarts. These getters copy those facts
 * into plain structs. They run on the loop thread and never send anything:
 * a fact not learned (yet) is ZWH_ENOENT, an unknown node ZWH_ENONODE, a NULL
 * host or out-pointer ZWH_EINVAL. Out-parameters and arrays are caller-owned and
 * written during the call only. */
#ifndef ZWHOST_NODE_H
#define ZWHOST_NODE_H

#include <stddef.h>
#include <stdint.h>
#include "zwhost/common.h"
#include "zwhost/host.h"

#ifdef __cplusplus
extern "C" {
#endif

/** @name Interview states (zwh_host_get_interview_state())
 * @{ */
#define ZWH_INTERVIEW_NONE 0     /**< not interviewed (no NIF yet, or the controller) */
#define ZWH_INTERVIEW_RUNNING 1  /**< ZWH_EVENT_INTERVIEW events are coming */
#define ZWH_INTERVIEW_COMPLETE 2 /**< done now or loaded from the state file */
/** @} */

/** @name zwh_config_param_info_t.flags
 * @{ */
#define ZWH_PARAM_HAS_RANGE 0x01   /**< min/max/default/format came from the device (Configuration v3+) */
#define ZWH_PARAM_HAS_VALUE 0x02   /**< value holds the last reported value */
#define ZWH_PARAM_READ_ONLY 0x04   /**< the device marks the parameter read-only */
#define ZWH_PARAM_ADVANCED 0x08    /**< the device marks the parameter advanced */
/** @} */

/** What the interview learned about one configuration parameter. Plain data. */
typedef struct zwh_config_param_info {
    uint16_t number;     /**< parameter number */
    uint8_t size;        /**< 1, 2 or 4; 0 = unknown */
    uint8_t format;      /**< ZWH_CONFIGURATION_FORMAT_* (signed unless the device said otherwise) */
    uint8_t flags;       /**< ZWH_PARAM_* */
    uint8_t reserved[3]; /**< 0 */
    int64_t min_value;   /**< smallest value (ZWH_PARAM_HAS_RANGE) */
    int64_t max_value;   /**< largest value (ZWH_PARAM_HAS_RANGE) */
    int64_t default_value; /**< factory default (ZWH_PARAM_HAS_RANGE) */
    int64_t value;       /**< last reported value (ZWH_PARAM_HAS_VALUE) */
    char name[128];      /**< NUL-terminated UTF-8 ("" when the device gave none), cut to fit */
    char info[512];      /**< NUL-terminated UTF-8 description ("" when none), cut to fit */
} zwh_config_param_info_t;

/** The node's ZWH_INTERVIEW_* state, or ZWH_ENONODE. */
ZWH_EXTERN int zwh_host_get_interview_state(const zwh_host_t *host, uint16_t node_id);
/** 1 when the node (endpoint; 0 = root) supports cc, 0 when not, or a negative error. */
ZWH_EXTERN int zwh_host_node_supports(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint, uint8_t cc);
/** The version of cc the node reported (1..), 0 when unknown, ZWH_ENOCC when unsupported. */
ZWH_EXTERN int zwh_host_get_cc_version(const zwh_host_t *host, uint16_t node_id, uint8_t cc);
/** Manufacturer Specific ids into the three out-parameters. */
ZWH_EXTERN int zwh_host_get_manufacturer(const zwh_host_t *host, uint16_t node_id, uint16_t *manufacturer_id,
                                         uint16_t *product_type, uint16_t *product_id);
/** The configuration parameter numbers known for the endpoint (ascending) into
 * numbers[0..max); *count gets the total, which may exceed max. */
ZWH_EXTERN int zwh_host_get_config_params(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint16_t *numbers, size_t max, size_t *count);
/** One configuration parameter's facts into *out; ZWH_ENOENT when the parameter is unknown. */
ZWH_EXTERN int zwh_host_get_config_param(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                         uint16_t number, zwh_config_param_info_t *out);
/** Meter Supported: meter type and the scale bits (bit n = scale n; bit 7+ = scale 7 with
 * scale2 n-7), and whether Meter Reset is supported. */
ZWH_EXTERN int zwh_host_get_meter_support(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint8_t *meter_type, uint32_t *scales, uint8_t *reset_supported);
/** User Code: number of user ids (extended count when reported) into *users. */
ZWH_EXTERN int zwh_host_get_user_count(const zwh_host_t *host, uint16_t node_id, uint16_t *users);

#ifdef __cplusplus
}
#endif

#endif
