/** @file
 * zwhost — error codes.
 *
 * Every fallible function returns 0 (or a non-negative count) on success and a
 * negative ZWH_E* code on failure. System failures reuse -errno, so libuv's
 * codes (which are -errno on Unix) pass through unchanged. Protocol failures
 * have their own block below -6000.
 *
 * The table is the single source of codes, names and messages: add a line here
 * and zwh_strerror()/zwh_err_name() know it. */
#ifndef ZWHOST_ERROR_H
#define ZWHOST_ERROR_H

#include <errno.h>
#include "zwhost/common.h"

/** The error table: one `XX(name, value, message)` line per code, in blocks (system codes
 * as -errno; the Serial API link and controller from -6001; radio and nodes from -6020;
 * security from -6040). It generates enum zwh_errno, zwh_strerror() and zwh_err_name();
 * a binding can walk the codes with zwh_err_name() instead of parsing it. */
#define ZWH_ERRNO_MAP(XX)                                                          \
    /* system (-errno) */                                                          \
    XX(EPERM, -EPERM, "operation not permitted")                                   \
    XX(ENOENT, -ENOENT, "no such file or device")                                  \
    XX(EIO, -EIO, "input/output error")                                            \
    XX(EAGAIN, -EAGAIN, "resource temporarily unavailable")                        \
    XX(ENOMEM, -ENOMEM, "out of memory")                                           \
    XX(EACCES, -EACCES, "permission denied")                                       \
    XX(EBUSY, -EBUSY, "device or resource busy")                                   \
    XX(EEXIST, -EEXIST, "already exists")                                          \
    XX(EINVAL, -EINVAL, "invalid argument")                                        \
    XX(ENOSPC, -ENOSPC, "no space left (queue or table full)")                     \
    XX(ERANGE, -ERANGE, "value out of range")                                      \
    XX(ENOTSUP, -ENOTSUP, "operation not supported")                               \
    XX(EPROTO, -EPROTO, "protocol error")                                          \
    XX(EBADMSG, -EBADMSG, "malformed message")                                     \
    XX(EMSGSIZE, -EMSGSIZE, "message too long")                                    \
    XX(ECONNRESET, -ECONNRESET, "connection reset")                                \
    XX(ENOTCONN, -ENOTCONN, "not connected")                                       \
    XX(ETIMEDOUT, -ETIMEDOUT, "timed out")                                         \
    XX(ECONNREFUSED, -ECONNREFUSED, "connection refused")                          \
    XX(EHOSTUNREACH, -EHOSTUNREACH, "host unreachable")                            \
    XX(EALREADY, -EALREADY, "operation already in progress")                       \
    XX(ECANCELED, -ECANCELED, "operation canceled")                                \
    /* Serial API link and controller */                                           \
    XX(ENAK, -6001, "frame rejected by the controller (NAK)")                      \
    XX(ECAN, -6002, "frame discarded by the controller (CAN)")                     \
    XX(ENOACK, -6003, "no ACK from the controller")                                \
    XX(ENORESPONSE, -6004, "no response from the controller")                      \
    XX(ENOCALLBACK, -6005, "no callback from the controller")                      \
    XX(EREJECTED, -6006, "request refused by the controller")                      \
    XX(EJAMMED, -6007, "controller reports the radio jammed")                      \
    XX(ENOTSERIALAPI, -6008, "device does not speak the Serial API")               \
    /* radio / nodes */                                                            \
    XX(ETXFAIL, -6020, "transmission failed")                                      \
    XX(ENODEACK, -6021, "node did not acknowledge")                                \
    XX(ENOROUTE, -6022, "no route to node")                                        \
    XX(ENONODE, -6023, "no such node")                                             \
    XX(ENODEDEAD, -6024, "node is dead")                                           \
    XX(ENOCC, -6025, "node does not support the command class")                    \
    XX(ESUPERVISION_FAIL, -6026, "node reported failure (Supervision FAIL)")       \
    XX(ESUPERVISION_NOSUP, -6027, "node does not support the command")             \
    /* security */                                                                 \
    XX(ES2_DECRYPT, -6040, "S2 decryption or authentication failed")              \
    XX(ES2_NONCE, -6041, "S2 nonce not synchronised")                              \
    XX(ES2_REPLAY, -6042, "duplicate or replayed S2 frame")                        \
    XX(ES2_EXTENSION, -6043, "unknown critical S2 extension")                      \
    XX(ES0_MAC, -6044, "S0 authentication failed")                                 \
    XX(ES0_NONCE, -6045, "S0 nonce missing or expired")                            \
    XX(ENOKEY, -6046, "no key for that security class")                            \
    XX(ESECCLASS, -6047, "command received under a lower security class")         \
    XX(EKEX_FAIL, -6048, "S2 key exchange failed")                                 \
    XX(EDSK, -6049, "malformed DSK or PIN")                                        \
    XX(EQRCODE, -6050, "malformed SmartStart QR code")                             \
    XX(EKEYFILE_MODE, -6051, "keys file is readable by group or others")          \
    XX(EKEYFILE, -6052, "malformed keys file")                                    \
    XX(ESTATEFILE, -6053, "malformed or corrupt state file")

#ifdef __cplusplus
extern "C" {
#endif

/** The error codes: ZWH_<name> = value for every line of ZWH_ERRNO_MAP (ZWH_EINVAL,
 * ZWH_ETIMEDOUT, ZWH_ENAK, ZWH_EKEX_FAIL, ...). Functions return them as plain `int`. */
enum zwh_errno {
/** Expands one line of ZWH_ERRNO_MAP into an enumerator (undefined right after). */
#define ZWH_ERR_ENUM_(name, value, msg) ZWH_##name = (value),
    ZWH_ERRNO_MAP(ZWH_ERR_ENUM_)
#undef ZWH_ERR_ENUM_
    ZWH_ERRNO_MAX_ = -7000 /**< below every code: the table never reaches it */
};

/** Human-readable message for a code ("timed out"). Never NULL; an unknown code gives
 * "unknown error". The string is static (valid for the life of the process); callable
 * from any thread. */
ZWH_EXTERN const char *zwh_strerror(int err);

/** Symbolic name for a code ("ZWH_ETIMEDOUT"). Never NULL; an unknown code gives
 * "ZWH_EUNKNOWN". The string is static; callable from any thread. */
ZWH_EXTERN const char *zwh_err_name(int err);

#ifdef __cplusplus
}
#endif
#endif
