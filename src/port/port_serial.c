/* libserialport backend (USB sticks such as /dev/ttyACM0 or
 * /dev/serial/by-id/...): 115200 8N1, no flow control, non-blocking, exclusive,
 * the fd watched with uv_poll. Also serial port enumeration. This is the only
 * file that includes libserialport, and libserialport errors are mapped here.
 *
 * libserialport 0.1.1 takes no lock, so a lock descriptor is opened and
 * flock()ed BEFORE sp_open(): a port another program holds is never
 * reconfigured. Devices libserialport does not know (no /sys/class/tty entry:
 * pseudo-terminals, some platform ttys) are handed to the tty backend. */
#include "port/port_fd.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <libserialport.h>
#include "zwhost/error.h"
#include "zwhost/port.h"

/* ---- libserialport errors, mapped once ------------------------------------------ */

static const struct {
    enum sp_return sp;
    int code;
} k_sp_errors[] = {
    {SP_ERR_ARG, ZWH_EINVAL},
    {SP_ERR_MEM, ZWH_ENOMEM},
    {SP_ERR_SUPP, ZWH_ENOTSUP},
};

/* SP_ERR_FAIL carries the OS error in errno (sp_last_error_code()). */
static int sp_err(enum sp_return r)
{
    if (r >= 0)
        return 0;
    if (r == SP_ERR_FAIL) {
        int e = sp_last_error_code();
        return e > 0 ? -e : ZWH_EIO;
    }
    for (size_t i = 0; i < sizeof k_sp_errors / sizeof k_sp_errors[0]; i++) {
        if (k_sp_errors[i].sp == r)
            return k_sp_errors[i].code;
    }
    return ZWH_EIO;
}

/* ---- the backend ---------------------------------------------------------------- */

typedef struct serial {
    zwh__port_fdio_t io; /* first: the port's impl and io->release get this struct */
    struct sp_port *sp;
    int lockfd;
} serial_t;

static void serial_free(serial_t *s)
{
    if (s->sp) {
        int fd = -1;
        if (sp_get_port_handle(s->sp, &fd) == SP_OK && fd >= 0)
            zwh__port_fd_unexcl(fd);
        sp_close(s->sp);
        sp_free_port(s->sp);
    }
    if (s->lockfd >= 0)
        close(s->lockfd);
    free(s);
}

static void serial_release(zwh__port_fdio_t *io)
{
    serial_free((serial_t *)io);
}

/* 115200 8N1, no flow control; then VMIN=1 so a hang-up reads as 0 bytes. */
static int serial_configure(zwh__port_t *port, serial_t *s, int *fd)
{
    enum sp_return r = sp_set_baudrate(s->sp, 115200);
    if (r == SP_OK)
        r = sp_set_bits(s->sp, 8);
    if (r == SP_OK)
        r = sp_set_parity(s->sp, SP_PARITY_NONE);
    if (r == SP_OK)
        r = sp_set_stopbits(s->sp, 1);
    if (r == SP_OK)
        r = sp_set_flowcontrol(s->sp, SP_FLOWCONTROL_NONE);
    if (r == SP_OK)
        r = sp_get_port_handle(s->sp, fd);
    if (r != SP_OK) {
        int e = sp_err(r);
        return zwh__port_fail(port, e, "cannot set 115200 8N1: %s", zwh_strerror(e));
    }
    int rc = zwh__port_fd_termios(port, *fd, 0);
    return rc < 0 ? rc : zwh__port_fd_excl(port, *fd);
}

/* sp_open failures that say "this device is not for us right now" rather than
 * "libserialport cannot drive it". */
static int serial_final_error(int code)
{
    return code == -ENOENT || code == -ENODEV || code == -ENXIO || code == -EACCES ||
           code == -EPERM || code == -EBUSY || code == ZWH_ENOMEM;
}

static int serial_open(zwh__port_t *port, const char *target)
{
    char real[PATH_MAX];
    if (!realpath(target, real))
        return zwh__port_dev_fail(port, target, errno);
    if (strncmp(real, "/dev/pts/", 9) == 0)
        return zwh__port_switch(port, &zwh__port_tty_ops, target);

    serial_t *s = calloc(1, sizeof *s);
    if (!s)
        return ZWH_ENOMEM;
    zwh__port_fdio_init(&s->io, port, serial_release);
    s->lockfd = -1;
    int r = zwh__port_fd_open_locked(port, real, &s->lockfd);
    if (r < 0) {
        serial_free(s);
        return r;
    }
    enum sp_return sr = sp_get_port_by_name(real, &s->sp);
    if (sr == SP_OK) {
        sr = sp_open(s->sp, SP_MODE_READ_WRITE);
        if (sr != SP_OK) {
            int e = sp_err(sr);
            sp_free_port(s->sp);
            s->sp = NULL;
            if (serial_final_error(e)) {
                serial_free(s);
                return e == ZWH_ENOMEM ? e : zwh__port_dev_fail(port, target, -e);
            }
        }
    } else if (sr == SP_ERR_MEM) {
        serial_free(s);
        return ZWH_ENOMEM;
    }
    if (!s->sp) { /* unknown to libserialport or it could not open it: termios */
        serial_free(s);
        return zwh__port_switch(port, &zwh__port_tty_ops, target);
    }
    r = serial_configure(port, s, &s->io.fd);
    if (r == 0)
        r = zwh__port_fdio_start(&s->io);
    return zwh__port_fdio_opened(&s->io, r);
}

const zwh__port_ops_t zwh__port_serial_ops = {
    .name = "serial",
    .open = serial_open,
    .write = zwh__port_fdio_write,
    .close = zwh__port_fdio_close,
    .check = zwh__port_path_check,
};

/* ---- enumeration ------------------------------------------------------------------ */

/* USB ids of Z-Wave controllers. A hint, not an identification: the bridge chips
 * (CP210x, CH9102) also sit in Zigbee sticks (e.g. Sonoff's 1a86:55d4 dongle)
 * and other gadgets. 0658:0200 and 10c4:8a2a are the ids Home Assistant's
 * zwave_js integration discovers; 0658:0280 is left out for want of a source. */
static const struct {
    uint16_t vid, pid;
} k_zwave_usb[] = {
    {0x0658, 0x0200}, /* Sigma Designs UZB: Aeotec Z-Stick Gen5/Gen5+, Z-Wave.Me UZB */
    {0x10c4, 0xea60}, /* Silicon Labs CP210x bridge: Zooz ZST10, Aeotec Z-Stick 7 */
    {0x10c4, 0x8a2a}, /* Silicon Labs CP2105 dual bridge: Nortek HUSBZB-1 (Z-Wave + Zigbee) */
    {0x1a86, 0x55d4}, /* WCH CH9102 bridge: Zooz ZST10 700 */
};

ZWH_EXTERN int zwh_port_is_zwave_usb(uint16_t vid, uint16_t pid)
{
    for (size_t i = 0; i < sizeof k_zwave_usb / sizeof k_zwave_usb[0]; i++) {
        if (k_zwave_usb[i].vid == vid && k_zwave_usb[i].pid == pid)
            return 1;
    }
    return 0;
}

static void copy_str(char *dst, size_t n, const char *src)
{
    if (!src)
        src = "";
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

static void port_info(struct sp_port *sp, zwh_port_info_t *info)
{
    memset(info, 0, sizeof *info);
    copy_str(info->path, sizeof info->path, sp_get_port_name(sp));
    if (sp_get_port_transport(sp) != SP_TRANSPORT_USB)
        return;
    int vid = 0, pid = 0;
    info->is_usb = 1;
    if (sp_get_port_usb_vid_pid(sp, &vid, &pid) == SP_OK && vid >= 0 && pid >= 0) {
        info->usb_vid = (uint16_t)vid;
        info->usb_pid = (uint16_t)pid;
        info->is_zwave = (uint8_t)zwh_port_is_zwave_usb(info->usb_vid, info->usb_pid);
    }
    copy_str(info->manufacturer, sizeof info->manufacturer, sp_get_port_usb_manufacturer(sp));
    copy_str(info->product, sizeof info->product, sp_get_port_usb_product(sp));
    copy_str(info->serial, sizeof info->serial, sp_get_port_usb_serial(sp));
}

ZWH_EXTERN int zwh_port_list(zwh_port_info_t *out, size_t max, size_t *count)
{
    if (!count || (max && !out))
        return ZWH_EINVAL;
    *count = 0;
    struct sp_port **list = NULL;
    enum sp_return r = sp_list_ports(&list);
    if (r != SP_OK)
        return sp_err(r);
    size_t n = 0;
    for (; list[n]; n++) {
        if (n < max)
            port_info(list[n], &out[n]);
    }
    sp_free_port_list(list);
    *count = n;
    return 0;
}
