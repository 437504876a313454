/* SmartStart / S2 QR code decoder (public entry points in zwhost/security.h). */
#ifndef ZWH_SECURITY_QR_H
#define ZWH_SECURITY_QR_H

#include "zwhost/security.h"

/* The longest QR text accepted after white space is removed. The mandatory part
 * is 52 digits and each TLV block at most 4 + 99 digits. */
#define ZWH__QR_MAX_DIGITS 1024
#define ZWH__QR_MIN_DIGITS 52

#endif
