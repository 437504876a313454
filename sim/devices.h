/* The table of device types --devices/--pending accept. A device twin is one
 * file defining a sim_device_type_t plus one line in devices.c. */
#ifndef ZWH_SIM_DEVICES_H
#define ZWH_SIM_DEVICES_H

#include "nodes.h"

extern const sim_device_type_t sim_dev_switch;
extern const sim_device_type_t sim_dev_s2switch; /* dev_secure_switch.c */
extern const sim_device_type_t sim_dev_s0switch;
extern const sim_device_type_t sim_dev_s2s0switch;
extern const sim_device_type_t sim_dev_zen07;
extern const sim_device_type_t sim_dev_hkzw_so03;
extern const sim_device_type_t sim_dev_ezmultipli;
extern const sim_device_type_t sim_dev_n4003;
extern const sim_device_type_t sim_dev_lock;

#endif
