/* zwhost — serial port enumeration. */
#ifndef ZWHOST_PORT_H
#define ZWHOST_PORT_H

#include "zwhost/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One serial port as the system describes it. Strings are NUL-terminated and
 * truncated to their field. */
typedef struct zwh_port_info {
    char path[128];          /* "/dev/ttyACM0" */
    char manufacturer[64];   /* USB manufacturer string, "" if none */
    char product[64];        /* USB product string, "" if none */
    char serial[64];         /* USB serial number, "" if none */
    uint16_t usb_vid;        /* 0 when not a USB port */
    uint16_t usb_pid;
    uint8_t is_usb;
    uint8_t is_zwave;        /* VID:PID of a known Z-Wave stick (e.g. 0658:0200, 10c4:ea60, 1a86:55d4) */
    uint8_t reserved[2];
} zwh_port_info_t;

/* Lists serial ports into out[0..max). *count gets the number of ports found,
 * which may exceed max (only max are written). Returns 0 or a negative code. */
ZWH_EXTERN int zwh_port_list(zwh_port_info_t *out, size_t max, size_t *count);

/* 1 if VID:PID belongs to a known Z-Wave USB stick, else 0. */
ZWH_EXTERN int zwh_port_is_zwave_usb(uint16_t vid, uint16_t pid);

#ifdef __cplusplus
}
#endif
#endif
