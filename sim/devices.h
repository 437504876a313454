/* The table of device types --devices/--pending accept. A device twin is one
 * file defining a sim_device_type_t plus one line in devices.c. */
#ifndef ZWH_SIM_DEVICES_H
#define ZWH_SIM_DEVICES_H

#include "nodes.h"

extern const sim_device_type_t sim_dev_switch;
extern const sim_device_type_t sim_dev_lock;

#endif
