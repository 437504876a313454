/* Fuzz target: the command-class registry and every typed codec of the lock,
 * time, schedule and encapsulation classes.
 *  - zwh_cc_format() on the input with output buffers of many sizes (0, tiny,
 *    exact-ish, large): it must never fail, overrun or disagree on the length.
 *  - every decoder on the input; when one accepts it and the encoder accepts
 *    the decoded struct, the result must decode again and re-encode to the same
 *    bytes (encode(decode(.)) is a fixed point after one normalisation). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "zwhost/zwhost.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef int (*dec_fn)(const uint8_t *frame, size_t len, void *out);
typedef int (*enc_fn)(const void *in, const uint8_t *frame, uint8_t *out, size_t cap);

typedef struct codec {
    dec_fn dec;
    enc_fn enc; /* NULL: decode only */
} codec_t;

/* A codec pair over one struct type. */
#define PAIR(name, type)                                                                           \
    static int dec_##name(const uint8_t *f, size_t n, void *o) { return zwh_##name##_decode(f, n, (type *)o); } \
    static int enc_##name(const void *i, const uint8_t *f, uint8_t *o, size_t c)                   \
    {                                                                                              \
        (void)f;                                                                                   \
        return zwh_##name##_encode((const type *)i, o, c);                                         \
    }
/* A decoder whose encoder has a differently named function. */
#define PAIR2(dname, ename, type)                                                                  \
    static int dec_##dname(const uint8_t *f, size_t n, void *o) { return zwh_##dname##_decode(f, n, (type *)o); } \
    static int enc_##dname(const void *i, const uint8_t *f, uint8_t *o, size_t c)                  \
    {                                                                                              \
        (void)f;                                                                                   \
        return zwh_##ename##_encode((const type *)i, o, c);                                        \
    }

PAIR(door_lock_operation_set, zwh_door_lock_operation_set_t)
PAIR(door_lock_operation_report, zwh_door_lock_operation_report_t)
PAIR(door_lock_configuration_set, zwh_door_lock_configuration_t)
PAIR(door_lock_configuration_report, zwh_door_lock_configuration_t)
PAIR(door_lock_capabilities_report, zwh_door_lock_capabilities_report_t)
PAIR(user_code_set, zwh_user_code_t)
PAIR(user_code_get, zwh_user_code_get_t)
PAIR(user_code_report, zwh_user_code_t)
PAIR(user_code_users_number_report, zwh_user_code_users_number_report_t)
PAIR(user_code_capabilities_report, zwh_user_code_capabilities_report_t)
PAIR(user_code_keypad_mode_set, zwh_user_code_keypad_mode_t)
PAIR(user_code_keypad_mode_report, zwh_user_code_keypad_mode_t)
PAIR(user_code_extended_set, zwh_user_code_extended_set_t)
PAIR(user_code_extended_get, zwh_user_code_extended_get_t)
PAIR(user_code_extended_report, zwh_user_code_extended_report_t)
PAIR(user_code_admin_code_set, zwh_user_code_admin_code_t)
PAIR(user_code_admin_code_report, zwh_user_code_admin_code_t)
PAIR(user_code_checksum_report, zwh_user_code_checksum_report_t)
PAIR(notification_report, zwh_notification_report_t)
PAIR(notification_get, zwh_notification_get_t)
PAIR(notification_set, zwh_notification_set_t)
PAIR(notification_supported_report, zwh_notification_supported_report_t)
PAIR(notification_event_supported_get, zwh_notification_event_supported_get_t)
PAIR(notification_event_supported_report, zwh_notification_event_supported_report_t)
PAIR(time_report, zwh_time_report_t)
PAIR(date_report, zwh_date_report_t)
PAIR(time_offset_set, zwh_time_offset_t)
PAIR(time_offset_report, zwh_time_offset_t)
PAIR(time_parameters_set, zwh_time_parameters_t)
PAIR(time_parameters_report, zwh_time_parameters_t)
PAIR(clock_set, zwh_clock_t)
PAIR(clock_report, zwh_clock_t)
PAIR(generic_schedule_capabilities_report, zwh_generic_schedule_capabilities_report_t)
PAIR(generic_schedule_time_range_set, zwh_generic_schedule_time_range_t)
PAIR(generic_schedule_time_range_get, zwh_generic_schedule_id_t)
PAIR(generic_schedule_time_range_report, zwh_generic_schedule_time_range_t)
PAIR(generic_schedule_set, zwh_generic_schedule_t)
PAIR(generic_schedule_get, zwh_generic_schedule_id_t)
PAIR(generic_schedule_report, zwh_generic_schedule_t)
PAIR(authentication_capability_report, zwh_authentication_capability_report_t)
PAIR(authentication_data_set, zwh_authentication_data_t)
PAIR(authentication_data_get, zwh_authentication_get_t)
PAIR(authentication_data_report, zwh_authentication_data_report_t)
PAIR(authentication_combination_set, zwh_authentication_combination_t)
PAIR(authentication_combination_get, zwh_authentication_get_t)
PAIR(authentication_combination_report, zwh_authentication_combination_report_t)
PAIR(authentication_checksum_get, zwh_authentication_checksum_t)
PAIR(authentication_checksum_report, zwh_authentication_checksum_t)
PAIR(supervision_report, zwh_supervision_report_t)
PAIR(multi_channel_end_point_report, zwh_multi_channel_end_point_report_t)
PAIR(multi_channel_capability_get, zwh_multi_channel_capability_get_t)
PAIR(multi_channel_capability_report, zwh_multi_channel_capability_report_t)
PAIR(multi_channel_end_point_find, zwh_multi_channel_end_point_find_t)
PAIR(multi_channel_end_point_find_report, zwh_multi_channel_end_point_find_report_t)
PAIR(multi_channel_aggregated_members_get, zwh_multi_channel_aggregated_members_get_t)
PAIR(multi_channel_aggregated_members_report, zwh_multi_channel_aggregated_members_report_t)
PAIR(transport_service_segment_request, zwh_transport_service_segment_request_t)
PAIR(transport_service_segment_complete, zwh_transport_service_segment_complete_t)
PAIR(transport_service_segment_wait, zwh_transport_service_segment_wait_t)

/* Encapsulations: the encoder takes the embedded bytes from the frame. */
static int dec_supervision_get(const uint8_t *f, size_t n, void *o) { return zwh_supervision_get_decode(f, n, o); }
static int enc_supervision_get(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_supervision_get_t *g = i;
    return zwh_supervision_get_encode(g, f + g->cmd_offset, g->cmd_len, o, c);
}
static int dec_multi_channel_encap(const uint8_t *f, size_t n, void *o) { return zwh_multi_channel_encap_decode(f, n, o); }
static int enc_multi_channel_encap(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_multi_channel_encap_t *e = i;
    return zwh_multi_channel_encap_encode(e, f + e->cmd_offset, e->cmd_len, o, c);
}
static int dec_crc16_encap(const uint8_t *f, size_t n, void *o) { return zwh_crc16_encap_decode(f, n, o); }
static int enc_crc16_encap(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_crc16_encap_t *e = i;
    return zwh_crc16_encap_encode(f + e->cmd_offset, e->cmd_len, o, c);
}
static int dec_multi_command(const uint8_t *f, size_t n, void *o) { return zwh_multi_command_decode(f, n, o); }
static int enc_multi_command(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_multi_command_t *m = i;
    const uint8_t *cmds[ZWH_MULTI_COMMAND_MAX];
    size_t lens[ZWH_MULTI_COMMAND_MAX];
    for (size_t k = 0; k < m->count; k++) {
        cmds[k] = f + m->cmds[k].offset;
        lens[k] = m->cmds[k].len;
    }
    return zwh_multi_command_encode(cmds, lens, m->count, o, c);
}
static int dec_ts_first(const uint8_t *f, size_t n, void *o) { return zwh_transport_service_first_segment_decode(f, n, o); }
static int enc_ts_first(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_transport_service_segment_t *s = i;
    return zwh_transport_service_first_segment_encode(s, f + s->payload_offset, s->payload_len, o, c);
}
static int dec_ts_next(const uint8_t *f, size_t n, void *o) { return zwh_transport_service_subsequent_segment_decode(f, n, o); }
static int enc_ts_next(const void *i, const uint8_t *f, uint8_t *o, size_t c)
{
    const zwh_transport_service_segment_t *s = i;
    return zwh_transport_service_subsequent_segment_encode(s, f + s->payload_offset, s->payload_len, o, c);
}

#define E(name) {dec_##name, enc_##name}
static const codec_t codecs[] = {
    E(door_lock_operation_set), E(door_lock_operation_report), E(door_lock_configuration_set),
    E(door_lock_configuration_report), E(door_lock_capabilities_report),
    E(user_code_set), E(user_code_get), E(user_code_report), E(user_code_users_number_report),
    E(user_code_capabilities_report), E(user_code_keypad_mode_set), E(user_code_keypad_mode_report),
    E(user_code_extended_set), E(user_code_extended_get), E(user_code_extended_report),
    E(user_code_admin_code_set), E(user_code_admin_code_report), E(user_code_checksum_report),
    E(notification_report), E(notification_get), E(notification_set), E(notification_supported_report),
    E(notification_event_supported_get), E(notification_event_supported_report),
    E(time_report), E(date_report), E(time_offset_set), E(time_offset_report),
    E(time_parameters_set), E(time_parameters_report), E(clock_set), E(clock_report),
    E(generic_schedule_capabilities_report), E(generic_schedule_time_range_set),
    E(generic_schedule_time_range_get), E(generic_schedule_time_range_report), E(generic_schedule_set),
    E(generic_schedule_get), E(generic_schedule_report),
    E(authentication_capability_report), E(authentication_data_set), E(authentication_data_get),
    E(authentication_data_report), E(authentication_combination_set), E(authentication_combination_get),
    E(authentication_combination_report), E(authentication_checksum_get), E(authentication_checksum_report),
    E(supervision_get), E(supervision_report),
    E(multi_channel_end_point_report), E(multi_channel_capability_get), E(multi_channel_capability_report),
    E(multi_channel_end_point_find), E(multi_channel_end_point_find_report),
    E(multi_channel_aggregated_members_get), E(multi_channel_aggregated_members_report), E(multi_channel_encap),
    E(multi_command), E(crc16_encap), E(ts_first), E(ts_next),
    E(transport_service_segment_request), E(transport_service_segment_complete), E(transport_service_segment_wait),
};

#define BIG 4096
/* every output struct fits (the largest is a few hundred bytes) */
typedef union any {
    zwh_user_code_extended_report_t a;
    zwh_authentication_data_report_t b;
    zwh_authentication_combination_report_t c;
    zwh_multi_channel_end_point_find_report_t d;
    uint8_t raw[2048];
} any_t;

static void check_format(const uint8_t *data, size_t size)
{
    static const size_t caps[] = {0, 1, 2, 7, 33, 200};
    char big[BIG];
    int need = zwh_cc_format(data, size, big, sizeof big);
    if (need < 0 || (size_t)need >= sizeof big || strlen(big) != (size_t)need)
        __builtin_trap();
    for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
        size_t cap = caps[i];
        char *buf = cap ? malloc(cap) : NULL; /* exact size: ASan sees overruns */
        if (zwh_cc_format(data, size, buf, cap) != need)
            __builtin_trap();
        if (cap && (strlen(buf) != (need < (int)cap ? (size_t)need : cap - 1) || memcmp(buf, big, strlen(buf)) != 0))
            __builtin_trap();
        free(buf);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* an exactly-sized copy so a read past the end is caught */
    uint8_t *frame = malloc(size ? size : 1);
    if (!frame)
        return 0;
    memcpy(frame, data, size);
    check_format(frame, size);

    any_t s1, s2;
    uint8_t b1[BIG], b2[BIG];
    for (size_t i = 0; i < sizeof codecs / sizeof codecs[0]; i++) {
        memset(&s1, 0, sizeof s1);
        if (codecs[i].dec(frame, size, &s1) != 0 || !codecs[i].enc)
            continue;
        int n1 = codecs[i].enc(&s1, frame, b1, sizeof b1);
        if (n1 < 0)
            continue; /* a decoded value the encoder refuses (out of range): fine */
        memset(&s2, 0, sizeof s2);
        if (codecs[i].dec(b1, (size_t)n1, &s2) != 0)
            __builtin_trap(); /* the encoder produced something its decoder rejects */
        int n2 = codecs[i].enc(&s2, b1, b2, sizeof b2);
        if (n2 != n1 || memcmp(b1, b2, (size_t)n1) != 0)
            __builtin_trap(); /* not a fixed point */
        check_format(b1, (size_t)n1);
    }
    free(frame);
    return 0;
}
