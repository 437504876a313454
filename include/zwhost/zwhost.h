/* zwhost — umbrella header: include this one. */
#ifndef ZWHOST_H
#define ZWHOST_H

#include "zwhost/common.h"
#include "zwhost/error.h"
#include "zwhost/log.h"
#include "zwhost/cc.h"
#include "zwhost/host.h"
#include "zwhost/port.h"
#include "zwhost/cc/door_lock.h"
#include "zwhost/cc/user_code.h"
#include "zwhost/cc/notification.h"
#include "zwhost/cc/time.h"
#include "zwhost/cc/time_parameters.h"
#include "zwhost/cc/clock.h"
#include "zwhost/cc/generic_schedule.h"
#include "zwhost/cc/authentication.h"
#include "zwhost/cc/supervision.h"
#include "zwhost/cc/multi_channel.h"
#include "zwhost/cc/multi_command.h"
#include "zwhost/cc/crc16_encap.h"
#include "zwhost/cc/transport_service.h"

#endif
