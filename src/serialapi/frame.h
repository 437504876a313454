/* Serial API frame codec: an incremental parser for the byte stream (SOF data
 * frames, ACK, NAK, CAN) and an encoder. I/O-free: bytes and the current time in,
 * events out. Used by the host's link layer and by zwh-sim.
 *
 *   SOF(01) LEN TYPE FUNC payload... CHK     LEN = len(payload) + 3
 *   CHK = 0xFF ^ LEN ^ TYPE ^ FUNC ^ payload...
 */
#ifndef ZWH_SERIALAPI_FRAME_H
#define ZWH_SERIALAPI_FRAME_H

#include <stddef.h>
#include <stdint.h>

#define ZWH__SOF 0x01
#define ZWH__ACK 0x06
#define ZWH__NAK 0x15
#define ZWH__CAN 0x18

#define ZWH__TYPE_REQ 0x00
#define ZWH__TYPE_RES 0x01

#define ZWH__FRAME_LEN_MIN 3
#define ZWH__FRAME_LEN_MAX 255
#define ZWH__FRAME_PAYLOAD_MAX (ZWH__FRAME_LEN_MAX - 3)
#define ZWH__FRAME_MAX (ZWH__FRAME_LEN_MAX + 2) /* SOF + LEN + ... + CHK */

/* Reception timeout: a data frame not complete this long after its SOF is dropped
 * silently (no NAK), per the Serial API specification. */
#define ZWH__FRAME_RX_TIMEOUT_MS 1500

enum zwh__frame_event {
    ZWH__FEV_NONE = 0,     /* need more bytes */
    ZWH__FEV_ACK,
    ZWH__FEV_NAK,
    ZWH__FEV_CAN,
    ZWH__FEV_DATA,         /* a complete, valid data frame: answer ACK */
    ZWH__FEV_BAD_CHECKSUM, /* complete frame, wrong checksum: answer NAK */
    ZWH__FEV_BAD_LENGTH,   /* LEN < 3: impossible, answer NAK */
};

typedef struct zwh__frame {
    uint8_t type;            /* ZWH__TYPE_REQ / ZWH__TYPE_RES (other values are passed up) */
    uint8_t func;
    const uint8_t *payload;  /* points into the parser; valid until the next parse call */
    size_t len;
} zwh__frame_t;

typedef struct zwh__frame_stats {
    uint64_t frames, acks, naks, cans, bad_checksum, bad_length, garbage_bytes, rx_timeouts;
} zwh__frame_stats_t;

typedef struct zwh__frame_parser {
    uint8_t buf[ZWH__FRAME_MAX];
    size_t have;             /* bytes of the current data frame held, SOF included; 0 = hunting */
    uint64_t sof_ms;         /* when the current frame's SOF arrived */
    zwh__frame_stats_t stats;
} zwh__frame_parser_t;

void zwh__frame_parser_init(zwh__frame_parser_t *p);

/* Feeds up to len bytes; stops after the first event. Returns the number of bytes
 * consumed (call again with the rest). *ev gets the event kind; for
 * ZWH__FEV_DATA, *out describes the frame. A partial frame older than the
 * reception timeout is dropped before new bytes are taken. */
size_t zwh__frame_parse(zwh__frame_parser_t *p, const uint8_t *data, size_t len, uint64_t now_ms,
                        int *ev, zwh__frame_t *out);

/* Drops a partial frame whose reception timeout has expired. Returns 1 if one
 * was dropped. Call from a timer at zwh__frame_parser_deadline(). */
int zwh__frame_parser_expire(zwh__frame_parser_t *p, uint64_t now_ms);
/* Deadline (ms) of the partial frame being received, or UINT64_MAX if none. */
uint64_t zwh__frame_parser_deadline(const zwh__frame_parser_t *p);

/* Encodes a data frame into out (capacity >= len + 5). Returns the frame length,
 * or a negative ZWH_E* code (ZWH_EMSGSIZE when the payload does not fit). */
int zwh__frame_encode(uint8_t type, uint8_t func, const uint8_t *payload, size_t len,
                      uint8_t *out, size_t outcap);

uint8_t zwh__frame_checksum(const uint8_t *from_len, size_t n);

#endif
