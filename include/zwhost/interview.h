/** @file
 * zwhost — the steps of a node interview, as reported in interview progress
 * events. Constants only.
 *
 * An interview runs the steps in this order; a step that does not apply to a
 * node (a command class it lacks) completes at once without traffic. A step
 * whose requests keep failing is retried, then recorded as unknown, and the
 * interview goes on. */
#ifndef ZWHOST_INTERVIEW_H
#define ZWHOST_INTERVIEW_H

/** The steps as an X-macro table: X(constant suffix, value, name). The name is the
 * message of the ZWH_EVENT_INTERVIEW event of that step. */
#define ZWH_INTERVIEW_STEPS(X)                                                   \
    X(NODE_INFO, 0, "node_info")             /* the node information frame */  \
    X(SECURITY_S2, 1, "security_s2")         /* S2 Commands Supported */        \
    X(SECURITY_S0, 2, "security_s0")         /* S0 Commands Supported */        \
    X(VERSIONS, 3, "versions")               /* Version of every class */       \
    X(MANUFACTURER, 4, "manufacturer")       /* Manufacturer Specific */        \
    X(ZWAVEPLUS, 5, "zwaveplus_info")        /* Z-Wave Plus Info */             \
    X(MULTI_CHANNEL, 6, "multi_channel")     /* end points and capabilities */  \
    X(ENDPOINT_VERSIONS, 7, "endpoint_versions") /* classes only end points have */ \
    X(METER, 8, "meter")                     /* Meter Supported */              \
    X(CONFIGURATION, 9, "configuration")     /* parameters */                   \
    X(NOTIFICATION, 10, "notification")      /* supported types and events */   \
    X(DOOR_LOCK, 11, "door_lock")            /* Door Lock capabilities */       \
    X(USER_CODE, 12, "user_code")            /* users, capabilities */          \
    X(ASSOCIATION, 13, "association")        /* groups, AGI names/profiles */   \
    X(WAKE_UP, 14, "wake_up")                /* interval, capabilities */       \
    X(BATTERY, 15, "battery")                /* level */                        \
    X(LIFELINE, 16, "lifeline")              /* Lifeline and wake-up target */

/** @cond */
#define ZWH_INTERVIEW_STEP_ENUM_(n, v, s) ZWH_INTERVIEW_STEP_##n = v,
/** @endcond */
/** ZWH_INTERVIEW_STEP_NODE_INFO ... ZWH_INTERVIEW_STEP_LIFELINE, in interview order, and
 * ZWH_INTERVIEW_STEP_COUNT, the number of steps. */
enum { ZWH_INTERVIEW_STEPS(ZWH_INTERVIEW_STEP_ENUM_) ZWH_INTERVIEW_STEP_COUNT };
#undef ZWH_INTERVIEW_STEP_ENUM_

#endif
