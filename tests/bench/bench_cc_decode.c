/* Prints how many typed command-class decodes (and trace formats) per second
 * the library does over a mixed corpus of real-shaped frames.
 *
 * Extending: add a DECODER() line for the new decoder and rows to corpus[]. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "zwhost/zwhost.h"

typedef int (*decode_fn)(const uint8_t *frame, size_t len, void *out);

/* Type-correct wrappers so every decoder fits one table column. */
#define DECODER(name, type) \
    static int dec_##name(const uint8_t *f, size_t n, void *o) { return zwh_##name##_decode(f, n, (type *)o); }
DECODER(binary_switch_set, zwh_binary_switch_set_t)
DECODER(binary_switch_report, zwh_binary_switch_report_t)
DECODER(switch_all_report, zwh_switch_all_mode_t)
DECODER(multilevel_switch_report, zwh_multilevel_switch_report_t)
DECODER(multilevel_switch_start_level_change, zwh_multilevel_switch_start_level_change_t)
DECODER(color_switch_set, zwh_color_switch_set_t)
DECODER(color_switch_report, zwh_color_switch_report_t)
DECODER(meter_report, zwh_meter_report_t)
DECODER(meter_supported_report, zwh_meter_supported_report_t)
DECODER(multilevel_sensor_report, zwh_multilevel_sensor_report_t)
DECODER(multilevel_sensor_supported_sensor_report, zwh_multilevel_sensor_supported_report_t)
DECODER(binary_sensor_report, zwh_binary_sensor_report_t)
DECODER(configuration_report, zwh_configuration_report_t)
DECODER(configuration_bulk_report, zwh_configuration_bulk_report_t)
DECODER(configuration_name_report, zwh_configuration_text_report_t)
DECODER(configuration_properties_report, zwh_configuration_properties_report_t)
DECODER(basic_report, zwh_basic_report_t)

#define ROW(fn, ...) {#fn, dec_##fn, (const uint8_t[]){__VA_ARGS__}, sizeof((const uint8_t[]){__VA_ARGS__})}

static const struct {
    const char *name;
    decode_fn decode;
    const uint8_t *frame;
    size_t len;
} corpus[] = {
    ROW(basic_report, 0x20, 0x03, 0x00, 0xFF, 0x05),
    ROW(binary_switch_set, 0x25, 0x01, 0xFF, 0x00),
    ROW(binary_switch_report, 0x25, 0x03, 0x00, 0xFF, 0x81),
    ROW(switch_all_report, 0x27, 0x03, 0xFF),
    ROW(multilevel_switch_report, 0x26, 0x03, 0x00, 0x32, 0x0A),
    ROW(multilevel_switch_start_level_change, 0x26, 0x04, 0x60, 0x00, 0x05),
    ROW(color_switch_set, 0x33, 0x05, 0x03, 0x02, 0xFF, 0x03, 0x00, 0x04, 0x00, 0x00),
    ROW(color_switch_report, 0x33, 0x04, 0x03, 0x00, 0xFF, 0xFE),
    ROW(meter_report, 0x32, 0x02, 0x21, 0x44, 0x00, 0x00, 0x00, 0x7D, 0x01, 0x2C, 0x00, 0x00, 0x00, 0x78),
    ROW(meter_report, 0x32, 0x02, 0x21, 0x32, 0x00, 0x19, 0x00, 0x00),
    ROW(meter_report, 0x32, 0x02, 0xA1, 0x3A, 0x04, 0xD2, 0x00, 0x00, 0x01),
    ROW(meter_supported_report, 0x32, 0x04, 0xE1, 0x85, 0x01, 0x03),
    ROW(multilevel_sensor_report, 0x31, 0x05, 0x01, 0x2A, 0x02, 0xD5),
    ROW(multilevel_sensor_report, 0x31, 0x05, 0x03, 0x0A, 0x04, 0xB0),
    ROW(multilevel_sensor_supported_sensor_report, 0x31, 0x02, 0x05, 0x00, 0x00, 0x04),
    ROW(binary_sensor_report, 0x30, 0x03, 0xFF, 0x0C),
    ROW(configuration_report, 0x70, 0x06, 0x02, 0x02, 0x01, 0x2C),
    ROW(configuration_bulk_report, 0x70, 0x09, 0x00, 0x05, 0x02, 0x01, 0x81, 0x05, 0x01),
    ROW(configuration_name_report, 0x70, 0x0B, 0x00, 0x03, 0x00, 'O', 'v', 'e', 'r', 'l', 'o', 'a', 'd'),
    ROW(configuration_properties_report, 0x70, 0x0F, 0x00, 0x02, 0x0A, 0x00, 0x01, 0xFF, 0xFF, 0x01, 0x2C, 0x00,
        0x03, 0x00),
};
#define NCORPUS (sizeof corpus / sizeof corpus[0])

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

int main(int argc, char **argv)
{
    long rounds = argc > 1 ? atol(argv[1]) : 200000;
    /* big enough for the largest decoded struct (Bulk with 255 values) */
    static union {
        zwh_configuration_bulk_report_t bulk;
        uint8_t bytes[4096];
    } out;
    volatile int sink = 0;

    for (size_t i = 0; i < NCORPUS; i++) /* the corpus must be valid */
        if (corpus[i].decode(corpus[i].frame, corpus[i].len, &out) != 0) {
            fprintf(stderr, "corpus row %zu (%s) does not decode\n", i, corpus[i].name);
            return 1;
        }

    double t0 = now_s();
    for (long r = 0; r < rounds; r++)
        for (size_t i = 0; i < NCORPUS; i++)
            sink += corpus[i].decode(corpus[i].frame, corpus[i].len, &out);
    double t1 = now_s();
    double decodes = (double)rounds * NCORPUS;
    printf("cc decode: %zu frames x %ld rounds: %.0f decodes/s (%.1f ns each)\n", NCORPUS, rounds,
           decodes / (t1 - t0), (t1 - t0) * 1e9 / decodes);

    char line[256];
    long frounds = rounds / 4 ? rounds / 4 : 1;
    t0 = now_s();
    for (long r = 0; r < frounds; r++)
        for (size_t i = 0; i < NCORPUS; i++)
            sink += zwh_cc_format(corpus[i].frame, corpus[i].len, line, sizeof line);
    t1 = now_s();
    double formats = (double)frounds * NCORPUS;
    printf("cc format: %zu frames x %ld rounds: %.0f formats/s (%.1f ns each)\n", NCORPUS, frounds,
           formats / (t1 - t0), (t1 - t0) * 1e9 / formats);
    (void)sink; /* volatile: the work above cannot be optimised away */
    return 0;
}
