/* Transport Service command class, version 2: segment frames. */
#include "zwhost/cc/transport_service.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/fields.h"
#include "cc/registry.h"
#include "util/crc16.h"

#define CC ZWH_CC_TRANSPORT_SERVICE
#define MAXDG ZWH_TRANSPORT_SERVICE_MAX_DATAGRAM

static int segment_encode(uint8_t base, const zwh_transport_service_segment_t *in, const uint8_t *payload,
                          size_t payload_len, uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    bool subsequent = base == ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT;
    size_t offset = subsequent ? in->datagram_offset : 0;
    if (!payload || payload_len == 0 || in->datagram_size > MAXDG ||
        in->session_id > ZWH_TRANSPORT_SERVICE_MAX_SESSION || in->has_ext > 1 ||
        in->ext_len > ZWH_TRANSPORT_SERVICE_MAX_EXT || (!in->has_ext && in->ext_len) ||
        offset + payload_len > in->datagram_size || (subsequent && offset == 0))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, (uint8_t)(base | in->datagram_size >> 8));
    zwh__wr_u8(&w, (uint8_t)(in->datagram_size & 0xFF));
    uint8_t p = (uint8_t)(in->session_id << 4 | (in->has_ext ? 0x08 : 0));
    if (subsequent) {
        zwh__wr_u8(&w, (uint8_t)(p | offset >> 8));
        zwh__wr_u8(&w, (uint8_t)(offset & 0xFF));
    } else {
        zwh__wr_u8(&w, p);
    }
    if (in->has_ext) {
        zwh__wr_u8(&w, in->ext_len);
        zwh__wr_bytes(&w, in->ext, in->ext_len);
    }
    zwh__wr_bytes(&w, payload, payload_len);
    if (zwh__wr_ok(&w))
        zwh__wr_u16(&w, zwh__crc16(out, zwh__wr_len(&w)));
    return zwh__cc_end(&w);
}

static int segment_decode(uint8_t base, const uint8_t *frame, size_t len, zwh_transport_service_segment_t *out)
{
    if (!out || !frame || len < 2 || len > 0xFFFF || frame[0] != CC || (frame[1] & 0xF8) != base)
        return ZWH_EBADMSG;
    bool subsequent = base == ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT;
    memset(out, 0, sizeof *out);
    zwh__rd_t r;
    zwh__rd_init(&r, frame, len >= 2 ? len - 2 : 0); /* the CRC is not part of the fields */
    zwh__rd_skip(&r, 2);
    out->datagram_size = (uint16_t)((frame[1] & 0x07) << 8 | zwh__rd_u8(&r));
    uint8_t p = zwh__rd_u8(&r);
    out->session_id = p >> 4;
    out->has_ext = (p >> 3) & 1;
    if (subsequent)
        out->datagram_offset = (uint16_t)((p & 0x07) << 8 | zwh__rd_u8(&r));
    if (out->has_ext) {
        out->ext_len = zwh__rd_u8(&r);
        if (out->ext_len > ZWH_TRANSPORT_SERVICE_MAX_EXT)
            return ZWH_EBADMSG;
        zwh__rd_copy(&r, out->ext, out->ext_len);
    }
    out->payload_offset = (uint16_t)r.pos;
    size_t n = zwh__rd_left(&r);
    if (!zwh__rd_ok(&r) || len < 2 || n == 0 || out->datagram_offset + n > out->datagram_size)
        return ZWH_EBADMSG;
    out->payload_len = (uint16_t)n;
    out->crc = (uint16_t)(frame[len - 2] << 8 | frame[len - 1]);
    if (zwh__crc16(frame, len - 2) != out->crc)
        return ZWH_EBADMSG;
    return 0;
}

ZWH_EXTERN int zwh_transport_service_first_segment_encode(const zwh_transport_service_segment_t *in, const uint8_t *payload,
                                                          size_t payload_len, uint8_t *out, size_t cap)
{
    return segment_encode(ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT, in, payload, payload_len, out, cap);
}
ZWH_EXTERN int zwh_transport_service_first_segment_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_t *out)
{
    return segment_decode(ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT, frame, len, out);
}
ZWH_EXTERN int zwh_transport_service_subsequent_segment_encode(const zwh_transport_service_segment_t *in, const uint8_t *payload,
                                                               size_t payload_len, uint8_t *out, size_t cap)
{
    return segment_encode(ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT, in, payload, payload_len, out, cap);
}
ZWH_EXTERN int zwh_transport_service_subsequent_segment_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_t *out)
{
    return segment_decode(ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT, frame, len, out);
}

ZWH_EXTERN int zwh_transport_service_segment_request_encode(const zwh_transport_service_segment_request_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->session_id > ZWH_TRANSPORT_SERVICE_MAX_SESSION || in->datagram_offset > MAXDG)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST);
    zwh__wr_u8(&w, (uint8_t)(in->session_id << 4 | in->datagram_offset >> 8));
    zwh__wr_u8(&w, (uint8_t)(in->datagram_offset & 0xFF));
    return zwh__cc_end(&w);
}
ZWH_EXTERN int zwh_transport_service_segment_request_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_request_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST))
        return ZWH_EBADMSG;
    uint8_t p = zwh__rd_u8(&r);
    out->session_id = p >> 4;
    out->datagram_offset = (uint16_t)((p & 0x07) << 8 | zwh__rd_u8(&r));
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_transport_service_segment_complete_encode(const zwh_transport_service_segment_complete_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->session_id > ZWH_TRANSPORT_SERVICE_MAX_SESSION)
        return ZWH_EINVAL;
    return zwh__cc_encode_u8(CC, ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE, (uint8_t)(in->session_id << 4), out, cap);
}
ZWH_EXTERN int zwh_transport_service_segment_complete_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_complete_t *out)
{
    int rc = zwh__cc_decode_u8(CC, ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE, frame, len, out ? &out->session_id : NULL);
    if (rc == 0)
        out->session_id >>= 4;
    return rc;
}

ZWH_EXTERN int zwh_transport_service_segment_wait_encode(const zwh_transport_service_segment_wait_t *in, uint8_t *out, size_t cap)
{
    return in ? zwh__cc_encode_u8(CC, ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT, in->pending_segments, out, cap) : ZWH_EINVAL;
}
ZWH_EXTERN int zwh_transport_service_segment_wait_decode(const uint8_t *frame, size_t len, zwh_transport_service_segment_wait_t *out)
{
    return zwh__cc_decode_u8(CC, ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT, frame, len, out ? &out->pending_segments : NULL);
}

/* ---- formatter ---- */

static int fmt_segment(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_transport_service_segment_t s;
    bool first = (frame[1] & 0xF8) == ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT;
    if (segment_decode(frame[1] & 0xF8, frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " session=%u size=%u", s.session_id, s.datagram_size);
    if (!first)
        zwh__fmt_printf(f, " offset=%u", s.datagram_offset);
    if (s.has_ext) {
        zwh__fmt_printf(f, " ext=[");
        zwh__fmt_hex(f, s.ext, s.ext_len);
        zwh__fmt_printf(f, "]");
    }
    if (first && s.payload_len == s.datagram_size) {
        zwh__fmt_nested(f, frame + s.payload_offset, s.payload_len); /* a whole datagram */
    } else {
        zwh__fmt_printf(f, " payload=");
        zwh__fmt_hex(f, frame + s.payload_offset, s.payload_len);
    }
    return 0;
}

static int fmt_request(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_transport_service_segment_request_t q;
    if (zwh_transport_service_segment_request_decode(frame, len, &q) != 0)
        return -1;
    zwh__fmt_printf(f, " session=%u offset=%u", q.session_id, q.datagram_offset);
    return 0;
}

static int fmt_complete(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_transport_service_segment_complete_t c;
    if (zwh_transport_service_segment_complete_decode(frame, len, &c) != 0)
        return -1;
    zwh__fmt_printf(f, " session=%u", c.session_id);
    return 0;
}

static int fmt_wait(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_transport_service_segment_wait_t wt;
    if (zwh_transport_service_segment_wait_decode(frame, len, &wt) != 0)
        return -1;
    zwh__fmt_printf(f, " pending=%u", wt.pending_segments);
    return 0;
}

/* the low three bits of the segment commands carry the datagram size */
#define SEG8(base, name) \
    {base | 0, name, fmt_segment}, {base | 1, name, fmt_segment}, {base | 2, name, fmt_segment}, \
    {base | 3, name, fmt_segment}, {base | 4, name, fmt_segment}, {base | 5, name, fmt_segment}, \
    {base | 6, name, fmt_segment}, {base | 7, name, fmt_segment}

static const zwh__cc_cmd_desc_t cmds[] = {
    SEG8(ZWH_TRANSPORT_SERVICE_FIRST_SEGMENT, "FirstSegment"),
    SEG8(ZWH_TRANSPORT_SERVICE_SUBSEQUENT_SEGMENT, "SubsequentSegment"),
    {ZWH_TRANSPORT_SERVICE_SEGMENT_REQUEST, "SegmentRequest", fmt_request},
    {ZWH_TRANSPORT_SERVICE_SEGMENT_COMPLETE, "SegmentComplete", fmt_complete},
    {ZWH_TRANSPORT_SERVICE_SEGMENT_WAIT, "SegmentWait", fmt_wait},
};

const zwh__cc_desc_t zwh__cc_transport_service = {
    .id = CC, .name = "TransportService", .version = 2, .flags = ZWH__CC_ENCAP | ZWH__CC_INSECURE_OK,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
