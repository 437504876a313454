/* The door lock twin (seed 004, "Best Practices for Z-Wave Door Locks"):
 * model state shared by its files.
 *   dev_lock.c          the device type, dispatch, Door Lock, Basic, Battery,
 *                       device-information CCs, stdin events
 *   dev_lock_lifeline.c Lifeline association (+ AGI) and supervised reports
 *                       with the seed's 500 ms Supervision Report retry
 *   dev_lock_codes.c    User Code v2 (extended codes, admin code, checksum,
 *                       keypad mode) and keypad entry
 *   dev_lock_time.c     the lock's clock and the seed's time-setting
 *                       algorithm (Time CC client, Clock, Time Parameters)
 *   dev_lock_sched.c    Generic Schedule and Authentication storage, and the
 *                       schedule check of a keypad code */
#ifndef ZWH_SIM_DEV_LOCK_H
#define ZWH_SIM_DEV_LOCK_H

#include <stdint.h>
#include "encap/supervision.h"
#include "zwhost/cc/authentication.h"
#include "zwhost/cc/door_lock.h"
#include "zwhost/cc/generic_schedule.h"
#include "zwhost/cc/user_code.h"
#include "node_assoc.h"
#include "nodes.h"

#define LOCK_USERS 400        /* user ids 1..400; ids above 255 need Extended User Code */
#define LOCK_LIFELINE_MAX 5   /* nodes in association group 1 */
#define LOCK_TX_MAX 8         /* supervised reports awaiting their Supervision Report */
#define LOCK_TX_FRAME 64
#define LOCK_TIME_RANGES 16
#define LOCK_SCHEDULES 8
#define LOCK_RANGES_PER_SCHEDULE 8
#define LOCK_AUTH_IDS 16
#define LOCK_CONTROLLER 1     /* the node id sim_node_send() reaches */

typedef struct lock_code {
    uint8_t status; /* ZWH_USER_CODE_STATUS_*; AVAILABLE = empty slot */
    uint8_t len;
    uint8_t code[ZWH_USER_CODE_MAX_LEN];
} lock_code_t;

/* A supervised report to the Lifeline awaiting its Supervision Report. */
typedef struct lock_tx {
    uint8_t used;
    uint8_t session_id;
    uint8_t tries;      /* transmissions so far */
    uint8_t len;
    uint8_t frame[LOCK_TX_FRAME];
    uint32_t gen;       /* which retry timer is current */
} lock_tx_t;

/* time-setting steps (seed: "Recommended Time Setting Algorithm") */
enum {
    LOCK_TIME_IDLE = 0,
    LOCK_TIME_DATE,    /* Date Get sent, waiting ~30 s */
    LOCK_TIME_TIME,    /* Time Get sent after the Date Report */
    LOCK_TIME_CLOCK,   /* Time CC failed: Clock Get sent */
    LOCK_TIME_TPARAM,  /* Clock failed: Time Parameters Get sent */
};

/* where the clock came from */
enum { LOCK_SRC_NONE = 0, LOCK_SRC_TIME_CC, LOCK_SRC_CLOCK, LOCK_SRC_TIME_PARAMETERS };

typedef struct lock_model {
    sim_node_t *node;

    /* Door Lock */
    uint8_t mode;          /* current: 0x00 unsecured, 0xFF secured, 0xFE unknown (jammed) */
    uint8_t target;        /* while moving */
    uint8_t moving;
    uint8_t jam_next;      /* the next bolt movement jams */
    uint8_t op_source;     /* LOCK_OP_* of the movement */
    uint16_t op_user;      /* keypad user id of the movement */
    uint32_t op_token;     /* Supervision session finishing with the movement, 0 if none */
    uint32_t op_gen;
    uint64_t op_end_ms;    /* loop time the bolt arrives */
    zwh_door_lock_configuration_t cfg;

    /* Battery */
    uint8_t battery;        /* percent */
    uint8_t battery_reported;
    uint8_t low_warned;     /* the one-time low-battery warning went out */

    /* Notification */
    uint8_t ac_enabled;     /* Access Control notifications on (Notification Set) */
    uint8_t last_event;     /* last Access Control event sent, 0 none */

    /* Lifeline and supervised reports */
    sim_assoc_t assoc;      /* group 1, the Lifeline (node_assoc.c) */
    zwh__sup_t sup;
    lock_tx_t tx[LOCK_TX_MAX];
    uint32_t tx_gen;

    /* User Code */
    lock_code_t codes[LOCK_USERS + 1]; /* [0] unused */
    lock_code_t admin;
    uint8_t keypad_mode;

    /* clock: local time = base_s + elapsed device time since base_at_ms */
    uint8_t time_step;
    uint8_t time_tries;
    uint8_t time_source;
    uint8_t have_date, have_time;
    uint32_t time_gen;
    int64_t base_s;        /* seconds since 1970-01-01 00:00 local */
    uint64_t base_at_ms;   /* loop time of base_s */
    int32_t tz_offset_min; /* from Time Offset Report */
    uint32_t rng;

    /* Generic Schedule / Authentication */
    uint8_t range_used[LOCK_TIME_RANGES + 1];
    zwh_generic_schedule_time_range_t ranges[LOCK_TIME_RANGES + 1];
    uint8_t sched_used[LOCK_SCHEDULES + 1];
    zwh_generic_schedule_t scheds[LOCK_SCHEDULES + 1];
    uint8_t auth_used[LOCK_AUTH_IDS + 1];
    zwh_authentication_combination_t auths[LOCK_AUTH_IDS + 1];
} lock_model_t;

/* sources of a bolt movement */
enum { LOCK_OP_RF = 0, LOCK_OP_KEYPAD, LOCK_OP_MANUAL };

/* dev_lock.c */
uint64_t lock_now_ms(const lock_model_t *m);
/* Starts the bolt toward target (0x00 / 0xFF). 0, or ZWH_EBUSY while it moves. */
int lock_bolt_start(lock_model_t *m, uint8_t target, int source, uint16_t user_id);
/* Notification Report, Access Control event with params, supervised or not. */
void lock_notify(lock_model_t *m, uint8_t event, const uint8_t *params, size_t plen, int supervised);

/* dev_lock_lifeline.c */
void lock_lifeline_init(lock_model_t *m, int included);
/* Nodes in the Lifeline; lock_lifeline_clear() empties it (a fresh inclusion). */
uint8_t lock_lifeline_count(lock_model_t *m);
void lock_lifeline_clear(lock_model_t *m);
/* Sends cmd to the Lifeline: wrapped in Supervision Get and retried
 * (supervised = 1), or as it is. Nothing goes out with an empty Lifeline. */
void lock_report(lock_model_t *m, const uint8_t *cmd, size_t len, int supervised);
/* Association, AGI and incoming Supervision Reports. 1 = handled (*rc set), 0 = not mine. */
int lock_lifeline_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc);
/* Keeps the FLiRS receiver on while anything awaits an answer. */
void lock_update_awake(lock_model_t *m);

/* dev_lock_codes.c */
int lock_codes_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc);
/* A code typed on the keypad ("1234"). */
void lock_keypad_entry(lock_model_t *m, const char *digits);
/* User Code Report bytes of a user (the keypad Notification's parameters). */
int lock_user_code_report(const lock_model_t *m, uint16_t user_id, uint8_t *out, size_t cap);

/* dev_lock_time.c */
int lock_time_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc);
void lock_time_sync_start(lock_model_t *m);
/* Local time now; 0 if the lock has no time source. */
int lock_time_now(const lock_model_t *m, int64_t *local_s);
int lock_time_waiting(const lock_model_t *m);

/* dev_lock_sched.c */
int lock_sched_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc);
/* May user_id's code open the lock now (Authentication + Generic Schedule)? */
int lock_sched_allows(const lock_model_t *m, uint16_t user_id);

/* civil date helpers (dev_lock_time.c) */
int64_t lock_days_from_civil(int y, unsigned mo, unsigned d);
void lock_civil_from_days(int64_t z, int *y, unsigned *mo, unsigned *d);

#endif
