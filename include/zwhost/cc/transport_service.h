/** @file
 * zwhost — Transport Service command class (0x55), version 2: segment frame
 * codecs (segmentation and reassembly live in the encapsulation layer).
 * The command byte carries data: First Segment is 0xC0 | size bits 8..10,
 * Subsequent Segment 0xE0 | size bits 8..10. */
#ifndef ZWHOST_CC_TRANSPORT_SERVICE_H
#define ZWHOST_CC_TRANSPORT_SERVICE_H

#include "zwhost/common.h"

/** Command class identifier: the first byte of every Transport Service frame. */
#define ZWH_CC_TRANSPORT_SERVICE 0x55
/** Command identifiers: the second byte of a Transport Service frame. @{ */
#define ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT 0xC0
#define ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST 0xC8
#define ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT 0xE0
#define ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE 0xE8
#define ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT 0xF0
/** @} */

#define ZWH_TRANSPORT_SERVICE_MAX_DATAGRAM 2047 /**< largest datagram (11-bit size) */
#define ZWH_TRANSPORT_SERVICE_MAX_SESSION 15 /**< highest session id (4 bits) */
#define ZWH_TRANSPORT_SERVICE_MAX_EXT 16 /**< header extension bytes kept */

#ifdef __cplusplus
extern "C" {
#endif

/** First / Subsequent Segment. datagram_offset is used by Subsequent Segment
 * only. The payload is passed to the encoder separately; the decoder reports
 * frame[payload_offset .. payload_offset + payload_len) and the CRC it checked. */
typedef struct zwh_transport_service_segment {
    uint16_t datagram_size;   /**< 1..2047 */
    uint8_t session_id;       /**< 0..15 */
    uint16_t datagram_offset; /**< 0..2046 */
    uint8_t has_ext;          /**< header extension present */
    uint8_t ext_len;          /**< 0..ZWH_TRANSPORT_SERVICE_MAX_EXT */
    uint8_t ext[ZWH_TRANSPORT_SERVICE_MAX_EXT]; /**< header extension bytes (ext_len of them) */
    uint16_t payload_offset; /**< decoder: offset of the payload in the frame */
    uint16_t payload_len; /**< decoder: length of the payload */
    uint16_t crc; /**< decoder: the CRC-16 the segment carried (verified) */
} zwh_transport_service_segment_t;

/** Segment Request: the receiver asks again for the segment at datagram_offset. */
typedef struct zwh_transport_service_segment_request {
    uint8_t session_id; /**< session, 0..15 */
    uint16_t datagram_offset; /**< offset of the missing segment in the datagram */
} zwh_transport_service_segment_request_t;

/** Segment Complete: the receiver has the whole datagram. */
typedef struct zwh_transport_service_segment_complete {
    uint8_t session_id; /**< session, 0..15 */
} zwh_transport_service_segment_complete_t;

/** Segment Wait: the receiver is busy with another datagram. */
typedef struct zwh_transport_service_segment_wait {
    uint8_t pending_segments; /**< segments the receiver still expects in its current session */
} zwh_transport_service_segment_wait_t;

/** @name Segments
 * @{ */
/** Encode a First or Subsequent Segment carrying payload[0..payload_len) and append its
 * CRC-16. `in` gives the datagram size, session, header extension and (Subsequent Segment
 * only, > 0) the datagram offset; payload_offset, payload_len and crc are ignored. Return
 * the frame's length, ZWH_EINVAL (a NULL pointer, payload_len 0, datagram_offset +
 * payload_len beyond datagram_size, a size, session or extension out of range) or
 * ZWH_EMSGSIZE. Decoders report where the payload lies in `frame` (not copied) and return
 * 0 or ZWH_EBADMSG, also for a CRC mismatch. Pointers are borrowed for the call. */
ZWH_EXTERN int zwh_transport_service_first_segment_encode(const zwh_transport_service_segment_t *in, const uint8_t *payload,
                                                          size_t payload_len, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_transport_service_first_segment_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_t *out);
ZWH_EXTERN int zwh_transport_service_subsequent_segment_encode(const zwh_transport_service_segment_t *in, const uint8_t *payload,
                                                               size_t payload_len, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_transport_service_subsequent_segment_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_t *out);
/** @} */
/** @name Segment Request, Complete and Wait
 * @{ */
/** Each `*_encode(in, out, cap)` writes the whole command and returns its length,
 * ZWH_EINVAL for a field out of range or ZWH_EMSGSIZE; each `*_decode(frame, len, out)`
 * returns 0 or ZWH_EBADMSG (contract: zwhost/cc.h). */
ZWH_EXTERN int zwh_transport_service_segment_request_encode(const zwh_transport_service_segment_request_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_transport_service_segment_request_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_request_t *out);
ZWH_EXTERN int zwh_transport_service_segment_complete_encode(const zwh_transport_service_segment_complete_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_transport_service_segment_complete_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_complete_t *out);
ZWH_EXTERN int zwh_transport_service_segment_wait_encode(const zwh_transport_service_segment_wait_t *in, uint8_t *out, size_t cap);
ZWH_EXTERN int zwh_transport_service_segment_wait_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_wait_t *out);
/** @} */

#ifdef __cplusplus
}
#endif
#endif
