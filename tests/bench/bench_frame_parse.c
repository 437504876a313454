/* Prints Serial API frame parser throughput (MB/s, frames/s) over a realistic
 * mix: ApplicationCommandHandler reports, SendData callbacks with TX reports,
 * ACKs, and some garbage, fed in 64-byte reads as a USB-CDC port delivers them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "serialapi/frame.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    size_t mb = argc > 1 ? (size_t)atoi(argv[1]) : 64;
    size_t size = mb * 1024 * 1024;
    uint8_t *stream = malloc(size + 300);
    if (!stream)
        return 1;
    const uint8_t ach[] = {0x00, 0x02, 0x0C, 0x32, 0x02, 0x21, 0x74, 0x00, 0x00, 0x12, 0x34, 0x00, 0x3C, 0x00, 0x00, 0xC4};
    uint8_t txcb[26] = {0x01, 0x00, 0x00, 0x02, 0x00, 0xC9, 0x7F, 0x7F, 0x7F, 0x7F};
    size_t off = 0, frames = 0;
    unsigned k = 0;
    while (off < size) {
        int n;
        switch (k++ % 4) {
        case 0: n = zwh__frame_encode(0, 0x04, ach, sizeof ach, stream + off, 300); frames++; break;
        case 1: n = zwh__frame_encode(0, 0x13, txcb, sizeof txcb, stream + off, 300); frames++; break;
        case 2: stream[off] = 0x06; n = 1; break;
        default: stream[off] = 0x42; n = 1; break; /* garbage byte */
        }
        off += (size_t)n;
    }
    zwh__frame_parser_t p;
    zwh__frame_parser_init(&p);
    double t0 = now_s();
    size_t got = 0;
    for (size_t pos = 0; pos < off; pos += 64) {
        size_t chunk = off - pos < 64 ? off - pos : 64;
        size_t used = 0;
        while (used < chunk) {
            int ev;
            zwh__frame_t f;
            used += zwh__frame_parse(&p, stream + pos + used, chunk - used, 0, &ev, &f);
            if (ev == ZWH__FEV_DATA)
                got++;
        }
    }
    double dt = now_s() - t0;
    printf("{\"bench\":\"frame_parse\",\"bytes\":%zu,\"frames\":%zu,\"seconds\":%.4f,\"mb_per_s\":%.1f,\"frames_per_s\":%.0f}\n",
           off, got, dt, (double)off / dt / 1e6, (double)got / dt);
    free(stream);
    return got == frames ? 0 : 1;
}
