/* Fuzz target: the switch, meter, sensor and configuration codecs.
 * Input: byte 0 picks a command (row of the table), the rest are its fields.
 * For every command: decoding never overruns (the frame sits in a buffer of
 * exactly its length), and whatever decodes re-encodes either to a refusal
 * (ZWH_EINVAL: the decoder is lenient, the encoder strict) or to bytes that
 * decode to the very same struct. The formatter renders it without fault.
 * Extending: add a ROW() for another decoder/encoder pair. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "zwhost/zwhost.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*dec_fn)(const uint8_t *, size_t, void *);
typedef int (*enc_fn)(const void *, uint8_t *, size_t);

#define PAIR(name, type)                                                                                         \
    static int dec_##name(const uint8_t *f, size_t n, void *o) { return zwh_##name##_decode(f, n, (type *)o); } \
    static int enc_##name(const void *i, uint8_t *o, size_t c) { return zwh_##name##_encode((const type *)i, o, c); }
PAIR(binary_switch_set, zwh_binary_switch_set_t)
PAIR(binary_switch_report, zwh_binary_switch_report_t)
PAIR(switch_all_set, zwh_switch_all_mode_t)
PAIR(switch_all_report, zwh_switch_all_mode_t)
PAIR(multilevel_switch_set, zwh_multilevel_switch_set_t)
PAIR(multilevel_switch_report, zwh_multilevel_switch_report_t)
PAIR(multilevel_switch_start_level_change, zwh_multilevel_switch_start_level_change_t)
PAIR(multilevel_switch_supported_report, zwh_multilevel_switch_supported_report_t)
PAIR(color_switch_supported_report, zwh_color_switch_supported_report_t)
PAIR(color_switch_get, zwh_color_switch_component_ref_t)
PAIR(color_switch_report, zwh_color_switch_report_t)
PAIR(color_switch_set, zwh_color_switch_set_t)
PAIR(color_switch_start_level_change, zwh_color_switch_start_level_change_t)
PAIR(color_switch_stop_level_change, zwh_color_switch_component_ref_t)
PAIR(meter_get, zwh_meter_get_t)
PAIR(meter_report, zwh_meter_report_t)
PAIR(meter_supported_report, zwh_meter_supported_report_t)
PAIR(meter_reset, zwh_meter_reset_t)
PAIR(multilevel_sensor_supported_sensor_report, zwh_multilevel_sensor_supported_report_t)
PAIR(multilevel_sensor_supported_scale_get, zwh_multilevel_sensor_supported_scale_get_t)
PAIR(multilevel_sensor_supported_scale_report, zwh_multilevel_sensor_supported_scale_report_t)
PAIR(multilevel_sensor_get, zwh_multilevel_sensor_get_t)
PAIR(multilevel_sensor_report, zwh_multilevel_sensor_report_t)
PAIR(binary_sensor_supported_report, zwh_binary_sensor_supported_report_t)
PAIR(binary_sensor_get, zwh_binary_sensor_get_t)
PAIR(binary_sensor_report, zwh_binary_sensor_report_t)
PAIR(configuration_set, zwh_configuration_set_t)
PAIR(configuration_get, zwh_configuration_get_t)
PAIR(configuration_report, zwh_configuration_report_t)
PAIR(configuration_bulk_set, zwh_configuration_bulk_set_t)
PAIR(configuration_bulk_get, zwh_configuration_bulk_get_t)
PAIR(configuration_bulk_report, zwh_configuration_bulk_report_t)
PAIR(configuration_name_get, zwh_configuration_parameter_ref_t)
PAIR(configuration_name_report, zwh_configuration_text_report_t)
PAIR(configuration_info_get, zwh_configuration_parameter_ref_t)
PAIR(configuration_info_report, zwh_configuration_text_report_t)
PAIR(configuration_properties_get, zwh_configuration_parameter_ref_t)
PAIR(configuration_properties_report, zwh_configuration_properties_report_t)

#define ROW(cc, cmd, name, type) {cc, cmd, dec_##name, enc_##name, sizeof(type)}
static const struct {
    uint8_t cc, cmd;
    dec_fn dec;
    enc_fn enc;
    size_t size;
} rows[] = {
    ROW(0x25, 0x01, binary_switch_set, zwh_binary_switch_set_t),
    ROW(0x25, 0x03, binary_switch_report, zwh_binary_switch_report_t),
    ROW(0x27, 0x01, switch_all_set, zwh_switch_all_mode_t),
    ROW(0x27, 0x03, switch_all_report, zwh_switch_all_mode_t),
    ROW(0x26, 0x01, multilevel_switch_set, zwh_multilevel_switch_set_t),
    ROW(0x26, 0x03, multilevel_switch_report, zwh_multilevel_switch_report_t),
    ROW(0x26, 0x04, multilevel_switch_start_level_change, zwh_multilevel_switch_start_level_change_t),
    ROW(0x26, 0x07, multilevel_switch_supported_report, zwh_multilevel_switch_supported_report_t),
    ROW(0x33, 0x02, color_switch_supported_report, zwh_color_switch_supported_report_t),
    ROW(0x33, 0x03, color_switch_get, zwh_color_switch_component_ref_t),
    ROW(0x33, 0x04, color_switch_report, zwh_color_switch_report_t),
    ROW(0x33, 0x05, color_switch_set, zwh_color_switch_set_t),
    ROW(0x33, 0x06, color_switch_start_level_change, zwh_color_switch_start_level_change_t),
    ROW(0x33, 0x07, color_switch_stop_level_change, zwh_color_switch_component_ref_t),
    ROW(0x32, 0x01, meter_get, zwh_meter_get_t),
    ROW(0x32, 0x02, meter_report, zwh_meter_report_t),
    ROW(0x32, 0x04, meter_supported_report, zwh_meter_supported_report_t),
    ROW(0x32, 0x05, meter_reset, zwh_meter_reset_t),
    ROW(0x31, 0x02, multilevel_sensor_supported_sensor_report, zwh_multilevel_sensor_supported_report_t),
    ROW(0x31, 0x03, multilevel_sensor_supported_scale_get, zwh_multilevel_sensor_supported_scale_get_t),
    ROW(0x31, 0x06, multilevel_sensor_supported_scale_report, zwh_multilevel_sensor_supported_scale_report_t),
    ROW(0x31, 0x04, multilevel_sensor_get, zwh_multilevel_sensor_get_t),
    ROW(0x31, 0x05, multilevel_sensor_report, zwh_multilevel_sensor_report_t),
    ROW(0x30, 0x04, binary_sensor_supported_report, zwh_binary_sensor_supported_report_t),
    ROW(0x30, 0x02, binary_sensor_get, zwh_binary_sensor_get_t),
    ROW(0x30, 0x03, binary_sensor_report, zwh_binary_sensor_report_t),
    ROW(0x70, 0x04, configuration_set, zwh_configuration_set_t),
    ROW(0x70, 0x05, configuration_get, zwh_configuration_get_t),
    ROW(0x70, 0x06, configuration_report, zwh_configuration_report_t),
    ROW(0x70, 0x07, configuration_bulk_set, zwh_configuration_bulk_set_t),
    ROW(0x70, 0x08, configuration_bulk_get, zwh_configuration_bulk_get_t),
    ROW(0x70, 0x09, configuration_bulk_report, zwh_configuration_bulk_report_t),
    ROW(0x70, 0x0A, configuration_name_get, zwh_configuration_parameter_ref_t),
    ROW(0x70, 0x0B, configuration_name_report, zwh_configuration_text_report_t),
    ROW(0x70, 0x0C, configuration_info_get, zwh_configuration_parameter_ref_t),
    ROW(0x70, 0x0D, configuration_info_report, zwh_configuration_text_report_t),
    ROW(0x70, 0x0E, configuration_properties_get, zwh_configuration_parameter_ref_t),
    ROW(0x70, 0x0F, configuration_properties_report, zwh_configuration_properties_report_t),
};
#define NROWS (sizeof rows / sizeof rows[0])

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char line[512];
    zwh_cc_format(data, size, line, sizeof line); /* the raw input as a command */
    if (size == 0)
        return 0;
    size_t r = data[0] % NROWS;
    size_t flen = size + 1; /* cc, cmd, then data[1..] */
    uint8_t *frame = malloc(flen);
    void *a = calloc(1, rows[r].size), *b = calloc(1, rows[r].size);
    uint8_t *enc = malloc(4096);
    if (!frame || !a || !b || !enc)
        __builtin_trap();
    frame[0] = rows[r].cc;
    frame[1] = rows[r].cmd;
    memcpy(frame + 2, data + 1, size - 1);

    int rc = rows[r].dec(frame, flen, a);
    if (rc != 0 && rc != ZWH_EBADMSG && rc != ZWH_EMSGSIZE)
        __builtin_trap();
    if (rc == 0) {
        int n = rows[r].enc(a, enc, 4096);
        if (n != ZWH_EINVAL) {
            if (n < 2)
                __builtin_trap();
            uint8_t *exact = malloc((size_t)n);
            if (!exact)
                __builtin_trap();
            memcpy(exact, enc, (size_t)n);
            if (rows[r].dec(exact, (size_t)n, b) != 0 || memcmp(a, b, rows[r].size) != 0)
                __builtin_trap(); /* encode(decode(x)) must decode to the same struct */
            free(exact);
        }
    }
    zwh_cc_format(frame, flen, line, sizeof line);
    zwh_cc_format(frame, flen, line, 7); /* truncated output path */
    free(frame);
    free(a);
    free(b);
    free(enc);
    return 0;
}
