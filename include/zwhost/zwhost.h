/* zwhost — umbrella header: include this one. */
#ifndef ZWHOST_H
#define ZWHOST_H

#include "zwhost/common.h"
#include "zwhost/error.h"
#include "zwhost/log.h"
#include "zwhost/cc.h"
#include "zwhost/security.h"

#endif
