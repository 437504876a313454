/* The lock's User Code v2: LOCK_USERS codes (ids above 255 through the
 * Extended User Code commands), the admin code, the keypad mode and the
 * checksum; and what happens at the keypad.
 *
 * Seed 004: a User Code Set is confirmed by its Supervision Report and then by
 * an informational, unsupervised Notification "new user code added" (0x0E);
 * a code already held by another user is refused (Supervision FAIL) with the
 * Notification "new user code not added, duplicate" (0x0F) in Supervision.
 * Both notifications follow the Supervision Report. A good code typed at the
 * keypad moves the bolt and the Notification keypad lock/unlock carries that
 * user's User Code Report; a bad code sends nothing (seed: "Currently nothing
 * is sent when the user enters a bad code"). */
#include <string.h>
#include "util/crc16.h"
#include "zwhost/cc/notification.h"
#include "zwhost/error.h"
#include "dev_lock.h"

#define REPORT_MAX 46 /* one classic frame */

static int digits_ok(const uint8_t *code, size_t len)
{
    if (len < ZWH_USER_CODE_MIN_LEN || len > ZWH_USER_CODE_MAX_LEN)
        return 0;
    for (size_t i = 0; i < len; i++)
        if (code[i] < '0' || code[i] > '9')
            return 0;
    return 1;
}

static int in_use(uint8_t status)
{
    return status >= ZWH_USER_CODE_STATUS_ENABLED && status <= ZWH_USER_CODE_STATUS_PASSAGE;
}

static int same_code(const lock_code_t *a, const uint8_t *code, size_t len)
{
    return a->len == len && memcmp(a->code, code, len) == 0;
}

/* Is code held by a user other than user_id (or is it the admin code)? */
static int duplicate(const lock_code_t *codes, const lock_code_t *admin, uint16_t user_id, const uint8_t *code,
                     size_t len)
{
    if (admin->len && same_code(admin, code, len))
        return 1;
    for (uint16_t id = 1; id <= LOCK_USERS; id++)
        if (id != user_id && in_use(codes[id].status) && same_code(&codes[id], code, len))
            return 1;
    return 0;
}

/* Notification after the Supervision Report the engine is about to send. */
static void notify_cb(void *ctx, const uint8_t *data, size_t len)
{
    sim_node_t *n = ctx;
    if (len == 2)
        lock_notify(n->model, data[0], NULL, 0, data[1]);
}

static void notify_later(lock_model_t *m, uint8_t event, int supervised)
{
    const uint8_t d[2] = {event, (uint8_t)supervised};
    sim_node_after(m->node, 0, notify_cb, d, sizeof d);
}

/* One entry of a Set into table (a working copy). 0, ZWH_EEXIST (duplicate) or ZWH_EINVAL. */
static int apply(lock_code_t *table, const lock_code_t *admin, uint16_t id, uint8_t status, const uint8_t *code,
                 size_t len, uint8_t *event)
{
    if (status == ZWH_USER_CODE_STATUS_AVAILABLE) {
        if (id == 0) {
            memset(table, 0, (LOCK_USERS + 1) * sizeof *table);
            *event = ZWH_NOTIFICATION_AC_ALL_CODES_DELETED;
        } else if (id <= LOCK_USERS) {
            memset(&table[id], 0, sizeof table[id]);
            *event = ZWH_NOTIFICATION_AC_CODE_DELETED;
        } else {
            return ZWH_EINVAL;
        }
        return 0;
    }
    if (id == 0 || id > LOCK_USERS || !in_use(status) || !digits_ok(code, len))
        return ZWH_EINVAL;
    if (duplicate(table, admin, id, code, len))
        return ZWH_EEXIST;
    table[id].status = status;
    table[id].len = (uint8_t)len;
    memset(table[id].code, 0, sizeof table[id].code);
    memcpy(table[id].code, code, len);
    *event = ZWH_NOTIFICATION_AC_CODE_ADDED;
    return 0;
}

static int set_result(lock_model_t *m, int rc, uint8_t event)
{
    if (rc == ZWH_EEXIST) {
        ZWH_LOGI(m->node->net->log, "lock %u: duplicate user code refused", m->node->id);
        notify_later(m, ZWH_NOTIFICATION_AC_CODE_DUPLICATE, 1);
        return rc;
    }
    if (rc < 0)
        return rc;
    notify_later(m, event, 0);
    return SIM_CMD_OK;
}

static int user_code_set(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    zwh_user_code_t s;
    if (zwh_user_code_set_decode(cmd, len, &s) < 0)
        return ZWH_EINVAL;
    uint8_t event = 0;
    int rc = apply(m->codes, &m->admin, s.user_id, s.status, s.code, s.code_len, &event);
    return set_result(m, rc, event);
}

static int extended_set(lock_model_t *m, const uint8_t *cmd, size_t len)
{
    zwh_user_code_extended_set_t s;
    if (zwh_user_code_extended_set_decode(cmd, len, &s) < 0 || s.count == 0)
        return ZWH_EINVAL;
    /* all entries or none: applied to a copy first */
    lock_code_t work[LOCK_USERS + 1];
    memcpy(work, m->codes, sizeof work);
    uint8_t event = 0;
    for (size_t i = 0; i < s.count; i++) {
        const zwh_user_code_entry_t *e = &s.entries[i];
        int rc = apply(work, &m->admin, e->user_id, e->status, e->code, e->code_len, &event);
        if (rc < 0)
            return set_result(m, rc, event);
    }
    memcpy(m->codes, work, sizeof work);
    return set_result(m, 0, event);
}

static void entry_of(const lock_model_t *m, uint16_t id, zwh_user_code_entry_t *e)
{
    memset(e, 0, sizeof *e);
    e->user_id = id;
    if (id == 0 || id > LOCK_USERS) {
        e->status = ZWH_USER_CODE_STATUS_NOT_AVAILABLE;
        return;
    }
    e->status = m->codes[id].status;
    if (in_use(e->status)) {
        e->code_len = m->codes[id].len;
        memcpy(e->code, m->codes[id].code, e->code_len);
    }
}

static uint16_t next_occupied(const lock_model_t *m, uint16_t after)
{
    for (uint32_t id = (uint32_t)after + 1; id <= LOCK_USERS; id++)
        if (in_use(m->codes[id].status))
            return (uint16_t)id;
    return 0;
}

int lock_user_code_report(const lock_model_t *m, uint16_t user_id, uint8_t *out, size_t cap)
{
    zwh_user_code_entry_t e;
    entry_of(m, user_id, &e);
    if (user_id > 255) {
        zwh_user_code_extended_report_t r = {.count = 1};
        r.entries[0] = e;
        return zwh_user_code_extended_report_encode(&r, out, cap);
    }
    zwh_user_code_t r = {.user_id = (uint8_t)user_id, .status = e.status, .code_len = e.code_len};
    memcpy(r.code, e.code, e.code_len);
    if (e.status == ZWH_USER_CODE_STATUS_AVAILABLE)
        r.code_len = 4; /* an empty slot reports the code 0x00000000 */
    return zwh_user_code_report_encode(&r, out, cap);
}

static int extended_get(lock_model_t *m, const uint8_t *cmd, size_t len, uint8_t *out, size_t cap)
{
    zwh_user_code_extended_get_t g;
    if (zwh_user_code_extended_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    zwh_user_code_extended_report_t r = {.count = 1};
    entry_of(m, g.user_id, &r.entries[0]);
    size_t used = 5 + 4 + r.entries[0].code_len; /* cc cmd count next(2) + entry */
    uint16_t last = g.user_id;
    while (g.report_more && last <= LOCK_USERS && r.count < ZWH_USER_CODE_MAX_ENTRIES) {
        uint16_t id = next_occupied(m, last);
        if (!id || used + 4 + m->codes[id].len > REPORT_MAX)
            break;
        entry_of(m, id, &r.entries[r.count++]);
        used += 4 + m->codes[id].len;
        last = id;
    }
    r.next_user_id = last <= LOCK_USERS ? next_occupied(m, last) : 0;
    return zwh_user_code_extended_report_encode(&r, out, cap);
}

/* User Code Checksum: CRC-CCITT over user id (16 bits), status and code of
 * every id in use, ascending; 0x0000 when no code is set. */
static uint16_t checksum(const lock_model_t *m)
{
    uint16_t crc = ZWH__CRC16_INIT;
    int any = 0;
    for (uint16_t id = 1; id <= LOCK_USERS; id++) {
        const lock_code_t *c = &m->codes[id];
        if (!in_use(c->status))
            continue;
        const uint8_t head[3] = {(uint8_t)(id >> 8), (uint8_t)id, c->status};
        crc = zwh__crc16_update(crc, head, sizeof head);
        crc = zwh__crc16_update(crc, c->code, c->len);
        any = 1;
    }
    return any ? crc : 0;
}

int lock_codes_command(lock_model_t *m, const uint8_t *cmd, size_t len, int *rc)
{
    if (cmd[0] != ZWH_CC_USER_CODE)
        return 0;
    uint8_t out[REPORT_MAX + 8];
    int n;
    switch (cmd[1]) {
    case ZWH_USER_CODE_SET:
        *rc = user_code_set(m, cmd, len);
        return 1;
    case ZWH_USER_CODE_EXTENDED_SET:
        *rc = extended_set(m, cmd, len);
        return 1;
    case ZWH_USER_CODE_GET: {
        zwh_user_code_get_t g;
        n = zwh_user_code_get_decode(cmd, len, &g) < 0 ? ZWH_EINVAL : lock_user_code_report(m, g.user_id, out, sizeof out);
        break;
    }
    case ZWH_USER_CODE_EXTENDED_GET:
        n = extended_get(m, cmd, len, out, sizeof out);
        break;
    case ZWH_USER_CODE_USERS_NUMBER_GET: {
        const zwh_user_code_users_number_report_t r = {.supported_users = 255, .has_extended = 1,
                                                       .extended_supported_users = LOCK_USERS};
        n = zwh_user_code_users_number_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_USER_CODE_CAPABILITIES_GET: {
        /* statuses 0..4, all four keypad modes, keys '0'..'9' (bits 48..57) */
        const zwh_user_code_capabilities_report_t r = {
            .admin_code = 1, .admin_code_deactivation = 1, .status_mask = 0x1F, .checksum = 1,
            .multiple_report = 1, .multiple_set = 1, .keypad_modes_mask = 0x0F, .keys_len = 8,
            .keys_mask = {0, 0, 0, 0, 0, 0, 0xFF, 0x03}};
        n = zwh_user_code_capabilities_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_USER_CODE_KEYPAD_MODE_SET: {
        zwh_user_code_keypad_mode_t s;
        *rc = zwh_user_code_keypad_mode_set_decode(cmd, len, &s) < 0 || s.mode > ZWH_USER_CODE_KEYPAD_LOCKED_OUT
                  ? ZWH_EINVAL : SIM_CMD_OK;
        if (*rc == SIM_CMD_OK)
            m->keypad_mode = s.mode;
        return 1;
    }
    case ZWH_USER_CODE_KEYPAD_MODE_GET: {
        const zwh_user_code_keypad_mode_t r = {.mode = m->keypad_mode};
        n = zwh_user_code_keypad_mode_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_USER_CODE_ADMIN_CODE_SET: {
        zwh_user_code_admin_code_t s;
        if (zwh_user_code_admin_code_set_decode(cmd, len, &s) < 0 || (s.code_len && !digits_ok(s.code, s.code_len)))
            *rc = ZWH_EINVAL;
        else if (s.code_len && duplicate(m->codes, &(lock_code_t){0}, 0, s.code, s.code_len))
            *rc = ZWH_EEXIST;
        else {
            memset(&m->admin, 0, sizeof m->admin);
            m->admin.len = s.code_len; /* 0: deactivated */
            memcpy(m->admin.code, s.code, s.code_len);
            *rc = SIM_CMD_OK;
        }
        return 1;
    }
    case ZWH_USER_CODE_ADMIN_CODE_GET: {
        zwh_user_code_admin_code_t r = {.code_len = m->admin.len};
        memcpy(r.code, m->admin.code, m->admin.len);
        n = zwh_user_code_admin_code_report_encode(&r, out, sizeof out);
        break;
    }
    case ZWH_USER_CODE_CHECKSUM_GET: {
        const zwh_user_code_checksum_report_t r = {.checksum = checksum(m)};
        n = zwh_user_code_checksum_report_encode(&r, out, sizeof out);
        break;
    }
    default:
        *rc = ZWH_ENOTSUP;
        return 1;
    }
    if (n > 0)
        sim_node_send(m->node, out, (size_t)n);
    *rc = n < 0 ? n : SIM_CMD_OK;
    return 1;
}

void lock_keypad_entry(lock_model_t *m, const char *digits)
{
    zwh__log_t *log = m->node->net->log;
    size_t len = strlen(digits);
    if (m->keypad_mode == ZWH_USER_CODE_KEYPAD_PRIVACY || m->keypad_mode == ZWH_USER_CODE_KEYPAD_LOCKED_OUT) {
        ZWH_LOGI(log, "lock %u: keypad disabled (mode %u)", m->node->id, m->keypad_mode);
        return;
    }
    uint16_t user = 0;
    if (digits_ok((const uint8_t *)digits, len))
        for (uint16_t id = 1; id <= LOCK_USERS && !user; id++)
            if (m->codes[id].status == ZWH_USER_CODE_STATUS_ENABLED &&
                same_code(&m->codes[id], (const uint8_t *)digits, len))
                user = id;
    if (!user || m->keypad_mode == ZWH_USER_CODE_KEYPAD_VACATION || !lock_sched_allows(m, user)) {
        ZWH_LOGI(log, "lock %u: keypad code refused", m->node->id);
        return; /* seed: nothing is sent for a bad code */
    }
    uint8_t target = m->mode == ZWH_DOOR_LOCK_MODE_SECURED ? ZWH_DOOR_LOCK_MODE_UNSECURED : ZWH_DOOR_LOCK_MODE_SECURED;
    if (lock_bolt_start(m, target, LOCK_OP_KEYPAD, user) < 0)
        ZWH_LOGI(log, "lock %u: keypad code while the bolt moves, ignored", m->node->id);
}
