/* zwhost — umbrella header: include this one. */
#ifndef ZWHOST_H
#define ZWHOST_H

#include "zwhost/common.h"
#include "zwhost/error.h"
#include "zwhost/log.h"
#include "zwhost/cc.h"
#include "zwhost/cc/association.h"
#include "zwhost/cc/multi_channel_association.h"
#include "zwhost/cc/association_group_info.h"
#include "zwhost/cc/version.h"
#include "zwhost/cc/manufacturer_specific.h"
#include "zwhost/cc/zwaveplus_info.h"
#include "zwhost/cc/device_reset_locally.h"
#include "zwhost/cc/powerlevel.h"
#include "zwhost/cc/indicator.h"
#include "zwhost/cc/scene_activation.h"
#include "zwhost/cc/scene_actuator_conf.h"
#include "zwhost/cc/firmware_update.h"
#include "zwhost/cc/battery.h"
#include "zwhost/cc/wake_up.h"
#include "zwhost/cc/node_naming.h"
#include "zwhost/cc/protection.h"
#include "zwhost/cc/application_status.h"

#endif
