/* Multi Channel encapsulation helpers. */
#include "encap/multi_channel.h"

#include <string.h>
#include "zwhost/cc/multi_channel.h"
#include "zwhost/error.h"

int zwh__mc_wrap(uint8_t src, uint8_t dst, const uint8_t *cmd, size_t cmd_len, uint8_t *out, size_t cap)
{
    zwh_multi_channel_encap_t e = {.source = src, .bit_address = 0, .destination = dst};
    return zwh_multi_channel_encap_encode(&e, cmd, cmd_len, out, cap);
}

int zwh__mc_wrap_multi(uint8_t src, const uint8_t *eps, size_t n, const uint8_t *cmd, size_t cmd_len, uint8_t *out,
                       size_t cap)
{
    if (!eps || n == 0)
        return ZWH_EINVAL;
    uint8_t mask = 0;
    for (size_t i = 0; i < n; i++) {
        if (eps[i] == 0 || eps[i] > ZWH__MC_MAX_BIT_EP)
            return ZWH_EINVAL;
        mask = (uint8_t)(mask | 1u << (eps[i] - 1));
    }
    zwh_multi_channel_encap_t e = {.source = src, .bit_address = 1, .destination = mask};
    return zwh_multi_channel_encap_encode(&e, cmd, cmd_len, out, cap);
}

int zwh__mc_unwrap(const uint8_t *frame, size_t len, zwh__mc_unwrapped_t *out)
{
    zwh_multi_channel_encap_t e;
    if (!out || zwh_multi_channel_encap_decode(frame, len, &e) != 0)
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    out->source = e.source;
    out->bit_address = e.bit_address;
    if (e.bit_address) {
        for (uint8_t ep = 1; ep <= ZWH__MC_MAX_BIT_EP; ep++)
            if (e.destination & (1u << (ep - 1)))
                out->dest[out->ndest++] = ep;
        if (out->ndest == 0)
            return ZWH_EBADMSG;
    } else {
        out->dest[0] = e.destination;
        out->ndest = 1;
    }
    out->cmd = frame + e.cmd_offset;
    out->cmd_len = e.cmd_len;
    return 0;
}
