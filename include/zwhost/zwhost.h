/* zwhost — umbrella header: include this one. */
#ifndef ZWHOST_H
#define ZWHOST_H

#include "zwhost/common.h"
#include "zwhost/error.h"
#include "zwhost/log.h"
#include "zwhost/cc.h"
#include "zwhost/host.h"
#include "zwhost/port.h"
#include "zwhost/cc/value.h"
#include "zwhost/cc/basic.h"
#include "zwhost/cc/binary_switch.h"
#include "zwhost/cc/switch_all.h"
#include "zwhost/cc/multilevel_switch.h"
#include "zwhost/cc/color_switch.h"
#include "zwhost/cc/meter.h"
#include "zwhost/cc/multilevel_sensor.h"
#include "zwhost/cc/binary_sensor.h"
#include "zwhost/cc/configuration.h"

#endif
