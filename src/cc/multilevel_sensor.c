/* Multilevel Sensor command class, version 11. */
#include "zwhost/cc/multilevel_sensor.h"

#include <string.h>
#include "cc/codec.h"
#include "cc/registry.h"
#include "cc/value.h"

#define CC ZWH_CC_MULTILEVEL_SENSOR

/* UTF-8 pieces of units */
#define DEG "\xc2\xb0"
#define CUBE "\xc2\xb3"
#define SQ "\xc2\xb2"
#define MICRO "\xc2\xb5"
#define OHM "\xce\xa9"
#define TEMP {DEG "C", DEG "F"}
#define MOL {"mol/m" CUBE}
#define UGM3 {MICRO "g/m" CUBE}

typedef struct {
    const char *name;
    const char *scales[4];
} sensor_type_t;

/* Sensor types and their scales from the Multilevel Sensor specification,
 * indexed by type number. */
static const sensor_type_t types[] = {
    [0x01] = {"air_temperature", TEMP},
    [0x02] = {"general_purpose", {"%", "dimensionless"}},
    [0x03] = {"illuminance", {"%", "lux"}},
    [0x04] = {"power", {"W", "Btu/h"}},
    [0x05] = {"humidity", {"%", "g/m" CUBE}},
    [0x06] = {"velocity", {"m/s", "mph"}},
    [0x07] = {"direction", {DEG}},
    [0x08] = {"atmospheric_pressure", {"kPa", "inHg"}},
    [0x09] = {"barometric_pressure", {"kPa", "inHg"}},
    [0x0A] = {"solar_radiation", {"W/m" SQ}},
    [0x0B] = {"dew_point", TEMP},
    [0x0C] = {"rain_rate", {"mm/h", "in/h"}},
    [0x0D] = {"tide_level", {"m", "ft"}},
    [0x0E] = {"weight", {"kg", "lb"}},
    [0x0F] = {"voltage", {"V", "mV"}},
    [0x10] = {"current", {"A", "mA"}},
    [0x11] = {"co2", {"ppm"}},
    [0x12] = {"air_flow", {"m" CUBE "/h", "cfm"}},
    [0x13] = {"tank_capacity", {"l", "m" CUBE, "gal"}},
    [0x14] = {"distance", {"m", "cm", "ft"}},
    [0x15] = {"angle_position", {"%", DEG "N", DEG "S"}},
    [0x16] = {"rotation", {"rpm", "Hz"}},
    [0x17] = {"water_temperature", TEMP},
    [0x18] = {"soil_temperature", TEMP},
    [0x19] = {"seismic_intensity", {"mercalli", "ems", "liedu", "shindo"}},
    [0x1A] = {"seismic_magnitude", {"ml", "mw", "ms", "mb"}},
    [0x1B] = {"ultraviolet", {"uv_index"}},
    [0x1C] = {"electrical_resistivity", {OHM "m"}},
    [0x1D] = {"electrical_conductivity", {"S/m"}},
    [0x1E] = {"loudness", {"dB", "dBA"}},
    [0x1F] = {"moisture", {"%", "m" CUBE "/m" CUBE, "k" OHM, "aw"}},
    [0x20] = {"frequency", {"Hz", "kHz"}},
    [0x21] = {"time", {"s"}},
    [0x22] = {"target_temperature", TEMP},
    [0x23] = {"pm2_5", {"mol/m" CUBE, MICRO "g/m" CUBE}},
    [0x24] = {"formaldehyde", MOL},
    [0x25] = {"radon", {"Bq/m" CUBE, "pCi/l"}},
    [0x26] = {"methane", MOL},
    [0x27] = {"voc", {"mol/m" CUBE, "ppm"}},
    [0x28] = {"co", {"mol/m" CUBE, "ppm"}},
    [0x29] = {"soil_humidity", {"%"}},
    [0x2A] = {"soil_reactivity", {"pH"}},
    [0x2B] = {"soil_salinity", MOL},
    [0x2C] = {"heart_rate", {"bpm"}},
    [0x2D] = {"blood_pressure", {"mmHg systolic", "mmHg diastolic"}},
    [0x2E] = {"muscle_mass", {"kg"}},
    [0x2F] = {"fat_mass", {"kg"}},
    [0x30] = {"bone_mass", {"kg"}},
    [0x31] = {"total_body_water", {"kg"}},
    [0x32] = {"basal_metabolic_rate", {"J"}},
    [0x33] = {"body_mass_index", {"BMI"}},
    [0x34] = {"acceleration_x", {"m/s" SQ}},
    [0x35] = {"acceleration_y", {"m/s" SQ}},
    [0x36] = {"acceleration_z", {"m/s" SQ}},
    [0x37] = {"smoke_density", {"%"}},
    [0x38] = {"water_flow", {"l/h"}},
    [0x39] = {"water_pressure", {"kPa"}},
    [0x3A] = {"rf_signal_strength", {"%", "dBm"}},
    [0x3B] = {"pm10", {"mol/m" CUBE, MICRO "g/m" CUBE}},
    [0x3C] = {"respiratory_rate", {"bpm"}},
    [0x3D] = {"relative_modulation_level", {"%"}},
    [0x3E] = {"boiler_water_temperature", TEMP},
    [0x3F] = {"dhw_temperature", TEMP},
    [0x40] = {"outside_temperature", TEMP},
    [0x41] = {"exhaust_temperature", TEMP},
    [0x42] = {"water_chlorine", {"mg/l"}},
    [0x43] = {"water_acidity", {"pH"}},
    [0x44] = {"water_orp", {"mV"}},
    [0x45] = {"heart_rate_lf_hf_ratio", {"unitless"}},
    [0x46] = {"motion_direction", {DEG}},
    [0x47] = {"applied_force", {"N"}},
    [0x48] = {"return_air_temperature", TEMP},
    [0x49] = {"supply_air_temperature", TEMP},
    [0x4A] = {"condenser_coil_temperature", TEMP},
    [0x4B] = {"evaporator_coil_temperature", TEMP},
    [0x4C] = {"liquid_line_temperature", TEMP},
    [0x4D] = {"discharge_line_temperature", TEMP},
    [0x4E] = {"suction_pressure", {"kPa", "psi"}},
    [0x4F] = {"discharge_pressure", {"kPa", "psi"}},
    [0x50] = {"defrost_temperature", TEMP},
    [0x51] = {"ozone", UGM3},
    [0x52] = {"sulfur_dioxide", UGM3},
    [0x53] = {"nitrogen_dioxide", UGM3},
    [0x54] = {"ammonia", UGM3},
    [0x55] = {"lead", UGM3},
    [0x56] = {"pm1", UGM3},
    [0x57] = {"person_counter_entering", {"unitless"}},
    [0x58] = {"person_counter_exiting", {"unitless"}},
};

ZWH_EXTERN const char *zwh_multilevel_sensor_get_type_name(uint8_t sensor_type)
{
    return sensor_type < ZWH__COUNT(types) ? types[sensor_type].name : NULL;
}

ZWH_EXTERN const char *zwh_multilevel_sensor_get_scale_name(uint8_t sensor_type, uint8_t scale)
{
    if (sensor_type >= ZWH__COUNT(types) || scale > 3)
        return NULL;
    return types[sensor_type].scales[scale];
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_get_encode(uint8_t *out, size_t cap)
{
    return zwh__cc_encode_bare(CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_GET, out, cap);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_report_encode(const zwh_multilevel_sensor_supported_report_t *in,
                                                                     uint8_t *out, size_t cap)
{
    if (!in || in->mask_len == 0 || in->mask_len > ZWH_MULTILEVEL_SENSOR_MASK_MAX)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_REPORT);
    zwh__wr_bytes(&w, in->mask, in->mask_len);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_sensor_report_decode(const uint8_t *frame, size_t len,
                                                                     zwh_multilevel_sensor_supported_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_REPORT))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    if (zwh__rd_left(&r) == 0)
        return ZWH_EBADMSG; /* at least one mask byte */
    out->mask_len = zwh__cc_rd_mask(&r, out->mask, sizeof out->mask);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_get_encode(const zwh_multilevel_sensor_supported_scale_get_t *in,
                                                                 uint8_t *out, size_t cap)
{
    if (!in)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_GET);
    zwh__wr_u8(&w, in->sensor_type);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_get_decode(const uint8_t *frame, size_t len,
                                                                 zwh_multilevel_sensor_supported_scale_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_GET))
        return ZWH_EBADMSG;
    out->sensor_type = zwh__rd_u8(&r);
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_report_encode(
    const zwh_multilevel_sensor_supported_scale_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->scales > 0x0F)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_REPORT);
    zwh__wr_u8(&w, in->sensor_type);
    zwh__wr_u8(&w, in->scales);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_sensor_supported_scale_report_decode(
    const uint8_t *frame, size_t len, zwh_multilevel_sensor_supported_scale_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_REPORT))
        return ZWH_EBADMSG;
    out->sensor_type = zwh__rd_u8(&r);
    out->scales = zwh__rd_u8(&r) & 0x0F;
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_sensor_get_encode(const zwh_multilevel_sensor_get_t *in, uint8_t *out, size_t cap)
{
    if (!in || in->scale > 3)
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SENSOR_GET);
    if (in->has_type) {
        zwh__wr_u8(&w, in->sensor_type);
        zwh__wr_u8(&w, (uint8_t)(in->scale << 3));
    }
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_sensor_get_decode(const uint8_t *frame, size_t len, zwh_multilevel_sensor_get_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SENSOR_GET))
        return ZWH_EBADMSG;
    memset(out, 0, sizeof *out);
    if (zwh__rd_left(&r) >= 1) { /* V5+: type and scale come together */
        out->has_type = 1;
        out->sensor_type = zwh__rd_u8(&r);
        out->scale = (uint8_t)((zwh__rd_u8(&r) >> 3) & 3);
    }
    return zwh__cc_close(&r);
}

ZWH_EXTERN int zwh_multilevel_sensor_report_encode(const zwh_multilevel_sensor_report_t *in, uint8_t *out, size_t cap)
{
    if (!in || !zwh__cc_pss_ok(in->precision, in->scale, in->size, in->value))
        return ZWH_EINVAL;
    zwh__wr_t w;
    zwh__cc_begin(&w, out, cap, CC, ZWH_MULTILEVEL_SENSOR_REPORT);
    zwh__wr_u8(&w, in->sensor_type);
    zwh__cc_wr_pss(&w, in->precision, in->scale, in->size, in->value);
    return zwh__cc_end(&w);
}

ZWH_EXTERN int zwh_multilevel_sensor_report_decode(const uint8_t *frame, size_t len,
                                                    zwh_multilevel_sensor_report_t *out)
{
    zwh__rd_t r;
    if (!out || !zwh__cc_open(&r, frame, len, CC, ZWH_MULTILEVEL_SENSOR_REPORT))
        return ZWH_EBADMSG;
    out->sensor_type = zwh__rd_u8(&r);
    zwh__cc_rd_pss(&r, &out->precision, &out->scale, &out->size, &out->value);
    return zwh__cc_close(&r);
}

/* ---- formatter ---- */

static void fmt_type(zwh__fmt_t *f, uint8_t type)
{
    zwh__cc_fmt_named(f, "type", zwh_multilevel_sensor_get_type_name(type), type);
}

static void fmt_scale(zwh__fmt_t *f, uint8_t type, uint8_t scale)
{
    zwh__cc_fmt_named(f, "scale", zwh_multilevel_sensor_get_scale_name(type, scale), scale);
}

static void scale_item(zwh__fmt_t *f, unsigned bit, const void *ctx)
{
    const char *n = zwh_multilevel_sensor_get_scale_name(*(const uint8_t *)ctx, (uint8_t)bit);
    if (n)
        zwh__fmt_printf(f, "%s", n);
    else
        zwh__fmt_printf(f, "%u", bit);
}

static int fmt_supported(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_sensor_supported_report_t s;
    if (zwh_multilevel_sensor_supported_sensor_report_decode(frame, len, &s) != 0)
        return -1;
    zwh__fmt_printf(f, " types=");
    zwh__cc_fmt_mask(f, s.mask, s.mask_len, 1, zwh_multilevel_sensor_get_type_name);
    return 0;
}

static int fmt_scale_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_sensor_supported_scale_get_t g;
    if (zwh_multilevel_sensor_supported_scale_get_decode(frame, len, &g) != 0)
        return -1;
    fmt_type(f, g.sensor_type);
    return 0;
}

static int fmt_scale_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_sensor_supported_scale_report_t s;
    if (zwh_multilevel_sensor_supported_scale_report_decode(frame, len, &s) != 0)
        return -1;
    fmt_type(f, s.sensor_type);
    zwh__fmt_printf(f, " scales=");
    if (!zwh__cc_fmt_bits(f, &s.scales, 1, scale_item, &s.sensor_type))
        zwh__fmt_printf(f, "none");
    return 0;
}

static int fmt_get(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_sensor_get_t g;
    if (zwh_multilevel_sensor_get_decode(frame, len, &g) != 0)
        return -1;
    if (g.has_type) {
        fmt_type(f, g.sensor_type);
        fmt_scale(f, g.sensor_type, g.scale);
    }
    return 0;
}

static int fmt_report(zwh__fmt_t *f, const uint8_t *frame, size_t len)
{
    zwh_multilevel_sensor_report_t rep;
    if (zwh_multilevel_sensor_report_decode(frame, len, &rep) != 0)
        return -1;
    fmt_type(f, rep.sensor_type);
    fmt_scale(f, rep.sensor_type, rep.scale);
    zwh__fmt_printf(f, " value=");
    zwh__fmt_scaled(f, rep.value, rep.precision);
    return 0;
}

static const zwh__cc_cmd_desc_t cmds[] = {
    {ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_GET, "SupportedSensorGet", NULL},
    {ZWH_MULTILEVEL_SENSOR_SUPPORTED_SENSOR_REPORT, "SupportedSensorReport", fmt_supported},
    {ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_GET, "SupportedScaleGet", fmt_scale_get},
    {ZWH_MULTILEVEL_SENSOR_GET, "Get", fmt_get},
    {ZWH_MULTILEVEL_SENSOR_REPORT, "Report", fmt_report},
    {ZWH_MULTILEVEL_SENSOR_SUPPORTED_SCALE_REPORT, "SupportedScaleReport", fmt_scale_report},
};

const zwh__cc_desc_t zwh__cc_multilevel_sensor = {
    .id = CC, .name = "MultilevelSensor", .version = 11, .flags = 0,
    .cmds = cmds, .ncmds = ZWH__COUNT(cmds),
};
