/** @file
 * zwhost — command classes: names, the trace formatter, and the typed codecs.
 *
 * Each command class has a header `include/zwhost/cc/CLASS.h` with one
 * plain-data struct per command (fixed-width fields, part of the ABI; see
 * docs/ABI.md) and its codec functions:
 *
 * @verbatim
   int zwh_<class>_<command>_encode(const zwh_<class>_<command>_t *in, uint8_t *out, size_t cap);
       -> bytes written (CC id and command id included), or ZWH_EINVAL for an
          out-of-range field, ZWH_EMSGSIZE when cap is too small.
   int zwh_<class>_<command>_decode(const uint8_t *frame, size_t len, zwh_<class>_<command>_t *out);
       -> 0, or ZWH_EBADMSG (wrong class/command, truncated, count overrun).
          Decoders accept every version's length (a V1 report decodes with
          the V4 decoder; absent fields read as "not present").
   @endverbatim
 *
 * Frames always start with the command class byte and the command byte. The codecs keep
 * no state and allocate nothing: they may be called from any thread, and every pointer
 * they take is borrowed for the call only. */
#ifndef ZWHOST_CC_H
#define ZWHOST_CC_H

#include "zwhost/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Renders any command as one readable line, nested commands included, e.g.
 * "Supervision.Get session=21 updates=yes { DoorLock.OperationSet mode=secured }".
 * Unknown classes and malformed commands render as hex; it never fails. It renders
 * everything it is given (a formatter, not a filter): do not pass key material.
 * @param frame  the command (class byte, command byte, fields); borrowed for the call
 * @param len    its length (0 gives an empty line)
 * @param out    receives the line, NUL-terminated (may be NULL when outlen is 0)
 * @param outlen size of out
 * @return like snprintf: the length the whole line needs, without the NUL; the line was
 *         truncated when the result is >= outlen. Pure: callable from any thread. */
ZWH_EXTERN int zwh_cc_format(const uint8_t *frame, size_t len, char *out, size_t outlen);

/** "DoorLock" for 0x62, or NULL for a class the library does not know. Static string. */
ZWH_EXTERN const char *zwh_cc_get_name(uint8_t cc);
/** "OperationSet" for (0x62, 0x01), or NULL when unknown. Static string. */
ZWH_EXTERN const char *zwh_cc_get_command_name(uint8_t cc, uint8_t cmd);
/** Highest version of the class the library implements, 0 if unknown. */
ZWH_EXTERN int zwh_cc_get_version(uint8_t cc);

#ifdef __cplusplus
}
#endif
#endif
