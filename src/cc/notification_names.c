/* Notification types and events (from the Z-Wave notification type/event
 * table): names for logs and the trace formatter. */
#include "zwhost/cc/notification.h"

#include "cc/fields.h"
#include "cc/registry.h"

static const zwh__cc_name_t smoke[] = {
    {0x01, "smoke_detected_location"}, {0x02, "smoke_detected"}, {0x03, "smoke_alarm_test"},
    {0x04, "replacement_required"}, {0x05, "replacement_required_end_of_life"},
    {0x06, "alarm_silenced"}, {0x07, "maintenance_required_periodic_inspection"},
    {0x08, "maintenance_required_dust"},
};
static const zwh__cc_name_t co[] = {
    {0x01, "co_detected_location"}, {0x02, "co_detected"}, {0x03, "co_test"},
    {0x04, "replacement_required"}, {0x05, "replacement_required_end_of_life"},
    {0x06, "alarm_silenced"}, {0x07, "maintenance_required_periodic_inspection"},
};
static const zwh__cc_name_t co2[] = {
    {0x01, "co2_detected_location"}, {0x02, "co2_detected"}, {0x03, "co2_test"},
    {0x04, "replacement_required"}, {0x05, "replacement_required_end_of_life"},
    {0x06, "alarm_silenced"}, {0x07, "maintenance_required_periodic_inspection"},
};
static const zwh__cc_name_t heat[] = {
    {0x01, "overheat_detected_location"}, {0x02, "overheat_detected"},
    {0x03, "rapid_temperature_rise_location"}, {0x04, "rapid_temperature_rise"},
    {0x05, "underheat_detected_location"}, {0x06, "underheat_detected"}, {0x07, "heat_alarm_test"},
    {0x08, "replacement_required_end_of_life"}, {0x09, "alarm_silenced"},
    {0x0A, "maintenance_required_dust"}, {0x0B, "maintenance_required_periodic_inspection"},
    {0x0C, "rapid_temperature_fall_location"}, {0x0D, "rapid_temperature_fall"},
};
static const zwh__cc_name_t water[] = {
    {0x01, "leak_detected_location"}, {0x02, "leak_detected"}, {0x03, "level_dropped_location"},
    {0x04, "level_dropped"}, {0x05, "replace_water_filter"}, {0x06, "water_flow_alarm"},
    {0x07, "water_pressure_alarm"}, {0x08, "water_temperature_alarm"}, {0x09, "water_level_alarm"},
    {0x0A, "sump_pump_active"}, {0x0B, "sump_pump_failure"},
};
static const zwh__cc_name_t access_control[] = {
    {0x01, "manual_lock"}, {0x02, "manual_unlock"}, {0x03, "rf_lock"}, {0x04, "rf_unlock"},
    {0x05, "keypad_lock"}, {0x06, "keypad_unlock"}, {0x07, "manual_not_fully_locked"},
    {0x08, "rf_not_fully_locked"}, {0x09, "auto_lock_locked"}, {0x0A, "auto_lock_not_fully_locked"},
    {0x0B, "lock_jammed"}, {0x0C, "all_user_codes_deleted"}, {0x0D, "single_user_code_deleted"},
    {0x0E, "new_user_code_added"}, {0x0F, "new_user_code_not_added_duplicate"},
    {0x10, "keypad_temporarily_disabled"}, {0x11, "keypad_busy"}, {0x12, "new_program_code_entered"},
    {0x13, "user_code_exceeds_limit"}, {0x14, "rf_unlock_invalid_code"}, {0x15, "rf_lock_invalid_code"},
    {0x16, "door_open"}, {0x17, "door_closed"}, {0x18, "door_handle_open"}, {0x19, "door_handle_closed"},
    {0x20, "messaging_user_code_entered"}, {0x40, "barrier_initializing"},
    {0x41, "barrier_force_exceeded"}, {0x42, "barrier_motor_time_exceeded"},
    {0x43, "barrier_mechanical_limits_exceeded"}, {0x44, "barrier_unable_ul"},
    {0x45, "barrier_ul_disabled"}, {0x46, "barrier_malfunction"}, {0x47, "barrier_vacation_mode"},
    {0x48, "barrier_safety_beam_obstacle"}, {0x49, "barrier_sensor_not_detected"},
    {0x4A, "barrier_sensor_low_battery"}, {0x4B, "barrier_short_in_wall_station"},
    {0x4C, "barrier_non_z_wave_remote"},
};
static const zwh__cc_name_t home_security[] = {
    {0x01, "intrusion_location"}, {0x02, "intrusion"}, {0x03, "tampering_cover_removed"},
    {0x04, "tampering_invalid_code"}, {0x05, "glass_breakage_location"}, {0x06, "glass_breakage"},
    {0x07, "motion_location"}, {0x08, "motion"}, {0x09, "tampering_moved"}, {0x0A, "impact_detected"},
    {0x0B, "magnetic_interference"}, {0x0C, "rf_jamming"},
};
static const zwh__cc_name_t power_management[] = {
    {0x01, "power_applied"}, {0x02, "ac_mains_disconnected"}, {0x03, "ac_mains_reconnected"},
    {0x04, "surge_detected"}, {0x05, "voltage_drop"}, {0x06, "over_current"}, {0x07, "over_voltage"},
    {0x08, "over_load"}, {0x09, "load_error"}, {0x0A, "replace_battery_soon"},
    {0x0B, "replace_battery_now"}, {0x0C, "battery_charging"}, {0x0D, "battery_charged"},
    {0x0E, "charge_battery_soon"}, {0x0F, "charge_battery_now"}, {0x10, "backup_battery_low"},
    {0x11, "battery_fluid_low"}, {0x12, "backup_battery_disconnected"},
};
static const zwh__cc_name_t system_events[] = {
    {0x01, "hardware_failure"}, {0x02, "software_failure"}, {0x03, "hardware_failure_code"},
    {0x04, "software_failure_code"}, {0x05, "heartbeat"}, {0x06, "tampering_cover_removed"},
    {0x07, "emergency_shutoff"}, {0x09, "digital_input_high"}, {0x0A, "digital_input_low"},
    {0x0B, "digital_input_open"},
};
static const zwh__cc_name_t emergency[] = {
    {0x01, "contact_police"}, {0x02, "contact_fire_service"}, {0x03, "contact_medical_service"},
    {0x04, "panic_alert"},
};
static const zwh__cc_name_t clock_events[] = {
    {0x01, "wake_up_alert"}, {0x02, "timer_ended"}, {0x03, "time_remaining"},
};

typedef struct type_entry {
    uint8_t type;
    const char *name;
    const zwh__cc_name_t *events;
    size_t nevents;
} type_entry_t;

#define T(id, name, tbl) {id, name, tbl, ZWH__COUNT(tbl)}
#define T0(id, name) {id, name, NULL, 0}
static const type_entry_t types[] = {
    T(0x01, "smoke", smoke),
    T(0x02, "co", co),
    T(0x03, "co2", co2),
    T(0x04, "heat", heat),
    T(0x05, "water", water),
    T(0x06, "access_control", access_control),
    T(0x07, "home_security", home_security),
    T(0x08, "power_management", power_management),
    T(0x09, "system", system_events),
    T(0x0A, "emergency", emergency),
    T(0x0B, "clock", clock_events),
    T0(0x0C, "appliance"),
    T0(0x0D, "home_health"),
    T0(0x0E, "siren"),
    T0(0x0F, "water_valve"),
    T0(0x10, "weather"),
    T0(0x11, "irrigation"),
    T0(0x12, "gas"),
    T0(0x13, "pest_control"),
    T0(0x14, "light_sensor"),
    T0(0x15, "water_quality"),
    T0(0x16, "home_monitoring"),
    T0(0xFF, "request_pending"),
};

static const type_entry_t *find_type(uint8_t type)
{
    for (size_t i = 0; i < ZWH__COUNT(types); i++)
        if (types[i].type == type)
            return &types[i];
    return NULL;
}

ZWH_EXTERN const char *zwh_notification_get_type_name(uint8_t type)
{
    const type_entry_t *t = find_type(type);
    return t ? t->name : NULL;
}

ZWH_EXTERN const char *zwh_notification_get_event_name(uint8_t type, uint8_t event)
{
    if (event == 0x00)
        return "idle";
    if (event == 0xFE)
        return "unknown";
    const type_entry_t *t = find_type(type);
    return t && t->events ? zwh__cc_name(t->events, t->nevents, event) : NULL;
}
