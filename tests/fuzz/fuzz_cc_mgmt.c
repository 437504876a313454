/* Fuzz target: the management and device command classes (Association, Multi
 * Channel Association, AGI, Version, Manufacturer Specific, Z-Wave Plus Info,
 * Powerlevel, Indicator, scenes, Firmware Update MD, Battery, Wake Up, Node
 * Naming, Protection, Application Status).
 *
 * Every decoder sees the input; the formatter renders it. When a decode
 * succeeds and the values are encodable, encode -> decode -> encode must give
 * the same bytes (the codecs agree with themselves on everything they accept). */
#include <stdint.h>
#include <string.h>
#include "zwhost/zwhost.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define BUF 4200

#define ROUND_TRIP(name, type, enc, dec)                                       \
    static void name(const uint8_t *d, size_t n)                               \
    {                                                                          \
        type a, b;                                                             \
        uint8_t o1[BUF], o2[BUF];                                              \
        if (dec(d, n, &a) != 0)                                                \
            return;                                                            \
        int n1 = enc(&a, o1, sizeof o1);                                       \
        if (n1 < 0)                                                            \
            return; /* decoded, but a value the encoder refuses */             \
        if (dec(o1, (size_t)n1, &b) != 0)                                      \
            __builtin_trap();                                                  \
        int n2 = enc(&b, o2, sizeof o2);                                       \
        if (n2 != n1 || memcmp(o1, o2, (size_t)n1) != 0)                       \
            __builtin_trap();                                                  \
    }

#define CODECS(XX)                                                                                            \
    XX(association_set)                                                                                       \
    XX(association_get)                                                                                       \
    XX(association_report)                                                                                    \
    XX(association_remove)                                                                                    \
    XX(association_groupings_report)                                                                          \
    XX(association_specific_group_report)                                                                     \
    XX(multi_channel_association_set)                                                                         \
    XX(multi_channel_association_get)                                                                         \
    XX(multi_channel_association_report)                                                                      \
    XX(multi_channel_association_remove)                                                                      \
    XX(multi_channel_association_groupings_report)                                                            \
    XX(association_group_info_name_get)                                                                       \
    XX(association_group_info_name_report)                                                                    \
    XX(association_group_info_info_get)                                                                       \
    XX(association_group_info_info_report)                                                                    \
    XX(association_group_info_command_list_get)                                                               \
    XX(association_group_info_command_list_report)                                                            \
    XX(version_report)                                                                                        \
    XX(version_command_class_get)                                                                             \
    XX(version_command_class_report)                                                                          \
    XX(version_capabilities_report)                                                                           \
    XX(version_zwave_software_report)                                                                         \
    XX(manufacturer_specific_report)                                                                          \
    XX(manufacturer_specific_device_specific_get)                                                             \
    XX(manufacturer_specific_device_specific_report)                                                          \
    XX(zwaveplus_info_report)                                                                                 \
    XX(powerlevel_set)                                                                                        \
    XX(powerlevel_report)                                                                                     \
    XX(powerlevel_test_node_set)                                                                              \
    XX(powerlevel_test_node_report)                                                                           \
    XX(indicator_set)                                                                                         \
    XX(indicator_get)                                                                                         \
    XX(indicator_report)                                                                                      \
    XX(indicator_supported_get)                                                                               \
    XX(indicator_supported_report)                                                                            \
    XX(indicator_description_get)                                                                             \
    XX(indicator_description_report)                                                                          \
    XX(scene_activation_set)                                                                                  \
    XX(scene_actuator_conf_set)                                                                               \
    XX(scene_actuator_conf_get)                                                                               \
    XX(scene_actuator_conf_report)                                                                            \
    XX(firmware_update_meta_data_report)                                                                      \
    XX(firmware_update_request_get)                                                                           \
    XX(firmware_update_request_report)                                                                        \
    XX(firmware_update_get)                                                                                   \
    XX(firmware_update_report)                                                                                \
    XX(firmware_update_status_report)                                                                         \
    XX(firmware_update_activation_set)                                                                        \
    XX(firmware_update_activation_status_report)                                                              \
    XX(firmware_update_prepare_get)                                                                           \
    XX(firmware_update_prepare_report)                                                                        \
    XX(battery_report)                                                                                        \
    XX(battery_health_report)                                                                                 \
    XX(wake_up_interval_set)                                                                                  \
    XX(wake_up_interval_report)                                                                               \
    XX(wake_up_interval_capabilities_report)                                                                  \
    XX(node_naming_name_set)                                                                                  \
    XX(node_naming_name_report)                                                                               \
    XX(node_naming_location_set)                                                                              \
    XX(node_naming_location_report)                                                                           \
    XX(protection_set)                                                                                        \
    XX(protection_report)                                                                                     \
    XX(protection_supported_report)                                                                           \
    XX(protection_exclusive_control_set)                                                                      \
    XX(protection_exclusive_control_report)                                                                   \
    XX(protection_timeout_set)                                                                                \
    XX(protection_timeout_report)                                                                             \
    XX(application_status_busy)                                                                               \
    XX(application_status_rejected_request)

#define DEFINE_(c) ROUND_TRIP(rt_##c, zwh_##c##_t, zwh_##c##_encode, zwh_##c##_decode)
CODECS(DEFINE_)
#undef DEFINE_

static void (*const checks[])(const uint8_t *, size_t) = {
#define ENTRY_(c) rt_##c,
    CODECS(ENTRY_)
#undef ENTRY_
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char line[160];
    int need = zwh_cc_format(data, size, line, sizeof line);
    if (need < 0 || zwh_cc_format(data, size, NULL, 0) != need)
        __builtin_trap();
    for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++)
        checks[i](data, size);
    (void)zwh_device_reset_locally_notification_decode(data, size);
    return 0;
}
