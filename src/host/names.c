/* Names of generic device classes and RF regions, for logs and tools. */
#include "zwhost/host.h"

ZWH_EXTERN const char *zwh_generic_class_name(uint8_t generic)
{
    static const struct { uint8_t id; const char *name; } t[] = {
        {0x01, "Remote Controller"}, {0x02, "Static Controller"}, {0x03, "AV Control Point"},
        {0x04, "Display"}, {0x05, "Network Extender"}, {0x06, "Appliance"},
        {0x07, "Notification Sensor"}, {0x08, "Thermostat"}, {0x09, "Window Covering"},
        {0x0F, "Repeater End Node"}, {0x10, "Binary Switch"}, {0x11, "Multilevel Switch"},
        {0x12, "Remote Switch"}, {0x13, "Toggle Switch"}, {0x15, "Zensor Net"},
        {0x16, "Ventilation"}, {0x17, "Security Panel"}, {0x18, "Wall Controller"},
        {0x20, "Binary Sensor"}, {0x21, "Multilevel Sensor"}, {0x30, "Pulse Meter"},
        {0x31, "Meter"}, {0x40, "Entry Control"}, {0x50, "Semi Interoperable"},
        {0xA1, "Alarm Sensor"}, {0xFF, "Non Interoperable"},
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (t[i].id == generic)
            return t[i].name;
    return NULL;
}

ZWH_EXTERN const char *zwh_rf_region_name(uint8_t region)
{
    switch (region) {
    case 0x00: return "EU";
    case 0x01: return "US";
    case 0x02: return "ANZ";
    case 0x03: return "HK";
    case 0x05: return "IN";
    case 0x06: return "IL";
    case 0x07: return "RU";
    case 0x08: return "CN";
    case 0x09: return "US Long Range";
    case 0x0B: return "EU Long Range";
    case 0x20: return "JP";
    case 0x21: return "KR";
    case 0xFF: return "default (EU)";
    default: return "unknown";
    }
}
