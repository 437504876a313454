/* Fuzz target: the Serial API frame parser over arbitrary byte streams, fed in
 * chunks whose sizes come from the input, with time advancing. */
#include <stdint.h>
#include <string.h>
#include "serialapi/frame.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    uint64_t now = 0;
    size_t off = 0;
    while (off < size) {
        size_t chunk = (size_t)(data[off] & 0x1F) + 1; /* first byte of each chunk sets its size */
        if (chunk > size - off)
            chunk = size - off;
        size_t used = 0;
        while (used < chunk) {
            int ev;
            zwh__frame_t f;
            size_t n = zwh__frame_parse(&p, data + off + used, chunk - used, now, &ev, &f);
            if (n == 0)
                __builtin_trap(); /* parser must always make progress */
            used += n;
            if (ev == ZWH__FEV_DATA) {
                /* touch every payload byte so ASan checks the bounds */
                volatile uint8_t x = f.func;
                for (size_t i = 0; i < f.len; i++)
                    x ^= f.payload[i];
                (void)x;
                uint8_t out[ZWH__FRAME_MAX];
                int len = zwh__frame_encode(f.type, f.func, f.payload, f.len, out, sizeof out);
                if (len != (int)f.len + 5)
                    __builtin_trap();
            }
        }
        off += chunk;
        now += (data[off - 1] & 0x3) * 600u; /* sometimes cross the reception timeout */
    }
    return 0;
}
