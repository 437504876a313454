/** @file
 * zwhost — serial port enumeration: which serial ports exist and which of them look like
 * Z-Wave USB sticks. Synchronous; independent of any host or loop. */
#ifndef ZWHOST_PORT_H
#define ZWHOST_PORT_H

#include "zwhost/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** One serial port as the system describes it. Strings are NUL-terminated and
 * truncated to their field. */
typedef struct zwh_port_info {
    char path[128];          /**< device path, "/dev/ttyACM0"; use it as the host's port */
    char manufacturer[64];   /**< USB manufacturer string, "" if none */
    char product[64];        /**< USB product string, "" if none */
    char serial[64];         /**< USB serial number, "" if none */
    uint16_t usb_vid;        /**< USB vendor id, 0 when not a USB port */
    uint16_t usb_pid;        /**< USB product id, 0 when not a USB port */
    uint8_t is_usb;          /**< 1 = a USB serial port */
    uint8_t is_zwave;        /**< 1 = VID:PID of a known Z-Wave stick (e.g. 0658:0200, 10c4:ea60, 1a86:55d4) */
    uint8_t reserved[2];     /**< always 0 */
} zwh_port_info_t;

/** Lists the system's serial ports.
 * @param out   receives up to max ports (caller-owned array; may be NULL when max is 0)
 * @param max   entries of out
 * @param count receives the number of ports found, which may exceed max (only max are
 *              written: call again with a larger array)
 * @return 0, or a negative ZWH_E* code when the system cannot be asked (ZWH_EINVAL for a
 *         NULL count, or a NULL out with max > 0). Blocking (it reads sysfs) but short;
 *         callable from any thread. */
ZWH_EXTERN int zwh_port_list(zwh_port_info_t *out, size_t max, size_t *count);

/** 1 if VID:PID belongs to a known Z-Wave USB stick, else 0. Callable from any thread. */
ZWH_EXTERN int zwh_port_is_zwave_usb(uint16_t vid, uint16_t pid);

#ifdef __cplusplus
}
#endif
#endif
