/* The metering plug both seed plugs are (ZEN07, HKZW_SO03): a relay with an
 * attached load, Binary Switch v1 + Basic v1, Switch All v1, Meter v3
 * (electric kWh, W, V, A, import) whose readings move with the device clock,
 * an overload cut-off, Device Reset Locally, and the devkit's classes. What
 * differs between the plugs (their parameters, which parameter sets what, the
 * alarm, the groups) is a plug_desc_t.
 *
 * Device clock: one tick per second of device time (--time-scale applies).
 * Each tick the mains voltage wanders 119.5..120.5 V (the node's seeded
 * stream), the energy counter integrates the power, the overload rule and
 * the report rules run. Power is exact: the `load` (0.1 W resolution) while
 * the relay is on, 0 while off; current = power / voltage. */
#ifndef ZWH_SIM_PLUGKIT_H
#define ZWH_SIM_PLUGKIT_H

#include "devkit.h"

enum { PLUG_KWH = 0, PLUG_W, PLUG_V, PLUG_A, PLUG_NSCALES };

typedef struct plug_desc {
    const devkit_info_t *kit;
    /* parameter numbers (0 = the plug has no such parameter) */
    uint8_t p_meter_enable;   /* 0/1: unsolicited meter reports */
    uint8_t p_interval_s;     /* periodic meter reports, seconds */
    uint8_t p_threshold_pct;  /* report a reading that moved more than N % */
    uint8_t p_overload_a;     /* overload limit in A */
    uint8_t p_overload_enable;
    uint8_t p_manual;         /* 0 disables the button */
    uint8_t p_auto_off_enable, p_auto_off_min;
    uint8_t p_status_notify;  /* 0 none, 1 manual + Z-Wave, 2 manual only */
    /* fixed behaviour where there is no parameter */
    uint8_t threshold_pct;    /* when p_threshold_pct == 0 */
    uint16_t overload_a100;   /* limit in 0.01 A when p_overload_a == 0 */
    uint8_t overload_delay_s; /* the current must stay above the limit this long */
    uint8_t status_notify;    /* when p_status_notify == 0 */
    uint8_t has_alarm;        /* Alarm v4: Power Management over-load (0x08) */
    uint8_t basic_group;      /* group sent Basic Set on every relay change (0 none) */
    uint8_t notify_group;     /* group sent the overload Notification Report too (0 none) */
} plug_desc_t;

typedef struct plug {
    const plug_desc_t *d;
    devkit_t kit;
    uint8_t on;
    uint8_t alarm;            /* overload tripped, until the button clears it */
    uint8_t switch_all;       /* Switch All mode */
    uint8_t over_s;           /* seconds above the limit */
    uint32_t load_w10;        /* attached load, 0.1 W */
    int32_t v10;              /* mains voltage, 0.1 V */
    uint64_t energy_ws10;     /* energy, 0.1 W s */
    int32_t last[PLUG_NSCALES]; /* last reported readings */
    uint32_t since_periodic;  /* seconds */
    uint32_t auto_off_gen;    /* cancels a stale auto turn-off */
} plug_t;

/* Called from the twin's create(): defaults, relay off, no load, the clock started. */
int plug_init(plug_t *p, const plug_desc_t *d, sim_node_t *n);
/* The plug's commands (devkit's included). SIM_CMD_OK, a negative code, ZWH_ENOTSUP. */
int plug_command(plug_t *p, sim_node_t *n, const uint8_t *cmd, size_t len);
/* stdin events: "on", "off" (the button), "load WATTS", "reset". 0 or ZWH_ENOTSUP. */
int plug_event(plug_t *p, sim_node_t *n, const char *line);
/* The relay: manual = the button (subject to the manual-control parameter). */
void plug_switch(plug_t *p, sim_node_t *n, int on, int manual);
int32_t plug_reading(const plug_t *p, int scale_index);

/* The sim_model_ops_t of a plug whose model is a bare plug_t. */
extern const sim_model_ops_t plug_ops;

#endif
