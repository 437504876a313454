/* The command-class registry: one descriptor per class, one table of them.
 * It drives logging and the trace formatter (zwh_cc_format), names, the
 * supported version the interview compares against, and the security policy
 * (which classes a node may send without encryption).
 *
 * Adding a class: write src/cc/<class>.c with its codecs and
 * `const zwh__cc_desc_t zwh__cc_<class> = {...}`, then add one line
 * XX(<class>) to ZWH__CC_LIST below. */
#ifndef ZWH_CC_REGISTRY_H
#define ZWH_CC_REGISTRY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "cc/fmt.h"

/* Formats the fields of one command (the bytes after CC and command id are in
 * frame[2..len)). Print with zwh__fmt_printf(); nested frames with
 * zwh__fmt_nested(). Return 0, or -1 if the frame is malformed: the caller
 * then renders "<Class>.<Command> malformed: <hex>". */
typedef int (*zwh__cc_format_fn)(zwh__fmt_t *f, const uint8_t *frame, size_t len);

typedef struct zwh__cc_cmd_desc {
    uint8_t id;
    const char *name;          /* "OperationSet" */
    zwh__cc_format_fn format;  /* NULL: no fields, or hex of the rest */
} zwh__cc_cmd_desc_t;

#define ZWH__CC_INSECURE_OK 0x01 /* may be received without encryption from a secure node */
#define ZWH__CC_ENCAP       0x02 /* an encapsulation class (its payload is another command) */

typedef struct zwh__cc_desc {
    uint8_t id;                /* 0x62 */
    const char *name;          /* "DoorLock" */
    uint8_t version;           /* highest version implemented */
    uint8_t flags;             /* ZWH__CC_* */
    const zwh__cc_cmd_desc_t *cmds;
    size_t ncmds;
} zwh__cc_desc_t;

#define ZWH__CC_LIST(XX) \
    XX(basic) \
    XX(binary_switch) \
    XX(switch_all) \
    XX(multilevel_switch) \
    XX(color_switch) \
    XX(meter) \
    XX(multilevel_sensor) \
    XX(binary_sensor) \
    XX(configuration) \
    XX(door_lock) \
    XX(user_code) \
    XX(notification) \
    XX(time) \
    XX(time_parameters) \
    XX(clock) \
    XX(generic_schedule) \
    XX(authentication) \
    XX(supervision) \
    XX(multi_channel) \
    XX(multi_command) \
    XX(crc16_encap) \
    XX(transport_service) \
    XX(association) \
    XX(multi_channel_association) \
    XX(association_group_info) \
    XX(version) \
    XX(manufacturer_specific) \
    XX(zwaveplus_info) \
    XX(device_reset_locally) \
    XX(powerlevel) \
    XX(indicator) \
    XX(scene_activation) \
    XX(scene_actuator_conf) \
    XX(firmware_update) \
    XX(battery) \
    XX(wake_up) \
    XX(node_naming) \
    XX(protection) \
    XX(application_status) \
    /* end of list: every entry above ends with a backslash, so merges only add lines */

#define ZWH__CC_DECLARE_(name) extern const zwh__cc_desc_t zwh__cc_##name;
ZWH__CC_LIST(ZWH__CC_DECLARE_)
#undef ZWH__CC_DECLARE_

const zwh__cc_desc_t *zwh__cc_find(uint8_t cc);
const zwh__cc_cmd_desc_t *zwh__cc_find_cmd(const zwh__cc_desc_t *d, uint8_t cmd);

#define ZWH__COUNT(a) (sizeof(a) / sizeof((a)[0]))

#endif
