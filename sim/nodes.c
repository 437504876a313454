#include "nodes.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/error.h"
#include "node_security.h"

#define TAG_WAKE 1
#define TAG_SLEEP 2
#define TAG_MODEL 3

#define CC_WAKE_UP 0x84
#define WAKE_UP_NOTIFICATION 0x07
#define WAKE_UP_NO_MORE_INFORMATION 0x08
#define CC_SUPERVISION 0x6C
#define SUPERVISION_GET 0x01
#define CC_TRANSPORT_SERVICE 0x55
#define CC_SECURITY_0 0x98
#define CC_SECURITY_2 0x9F
#define NIF_MARK 0xEF

void sim_net_init(sim_net_t *net, sim_sched_t *sched, zwh__log_t *log, double time_scale)
{
    memset(net, 0, sizeof *net);
    net->sched = sched;
    net->log = log;
    net->time_scale = time_scale > 0 ? time_scale : 1.0;
}

uint64_t sim_net_scale(const sim_net_t *net, uint64_t device_ms)
{
    double ms = (double)device_ms / net->time_scale;
    return ms < 1.0 ? 1 : (uint64_t)ms;
}

void sim_node_opts_default(sim_node_opts_t *opts)
{
    opts->mode = SIM_NODE_LISTENING;
    opts->wake_interval_s = 0;
    opts->dead = 0;
    opts->rssi = -55;
    opts->smartstart = 0;
}

int sim_node_opts_parse(sim_node_opts_t *opts, const char *attrs)
{
    sim_node_opts_default(opts);
    if (!attrs || !*attrs)
        return 0;
    char buf[128];
    if (strlen(attrs) >= sizeof buf)
        return ZWH_EINVAL;
    strcpy(buf, attrs);
    char *save = NULL;
    for (char *tok = strtok_r(buf, ":", &save); tok; tok = strtok_r(NULL, ":", &save)) {
        char *end = NULL;
        if (strncmp(tok, "sleep=", 6) == 0) {
            unsigned long s = strtoul(tok + 6, &end, 10);
            if (*end || s == 0 || s > 86400 * 7)
                return ZWH_EINVAL;
            opts->mode = SIM_NODE_SLEEPING;
            opts->wake_interval_s = (uint32_t)s;
        } else if (strcmp(tok, "flirs") == 0) {
            opts->mode = SIM_NODE_FLIRS;
        } else if (strcmp(tok, "smartstart") == 0) {
            opts->smartstart = 1;
        } else if (strcmp(tok, "dead") == 0) {
            opts->dead = 1;
        } else if (strncmp(tok, "rssi=", 5) == 0) {
            long v = strtol(tok + 5, &end, 10);
            if (*end || v < -128 || v > 127)
                return ZWH_EINVAL;
            opts->rssi = (int8_t)v;
        } else {
            return ZWH_EINVAL;
        }
    }
    return 0;
}

/* A device requesting S2 lists 0x9F in its NIF, one requesting S0 0x98 (among
 * the supported CCs, before the controlled-CC mark), whatever its type lists. */
static void nif_add(sim_nif_t *nif, uint8_t cc)
{
    size_t end = 0;
    while (end < nif->ncc && nif->cc[end] != NIF_MARK)
        end++;
    for (size_t i = 0; i < end; i++)
        if (nif->cc[i] == cc)
            return;
    if (nif->ncc >= SIM_NIF_MAX_CC)
        return;
    memmove(nif->cc + end + 1, nif->cc + end, nif->ncc - end);
    nif->cc[end] = cc;
    nif->ncc++;
}

size_t sim_node_max_payload(const sim_node_t *n)
{
    return n->type->max_payload ? n->type->max_payload : SIM_DEFAULT_MAX_PAYLOAD;
}

sim_node_t *sim_node_new(sim_net_t *net, const sim_device_type_t *type, const sim_node_opts_t *opts)
{
    sim_node_t *n = calloc(1, sizeof *n);
    if (!n)
        return NULL;
    n->net = net;
    n->type = type;
    n->nif = type->nif;
    n->mode = opts->mode;
    n->wake_interval_s = opts->wake_interval_s;
    n->dead = opts->dead;
    n->rssi = opts->rssi;
    n->smartstart = opts->smartstart;
    if (type->security & (ZWH_KEY_S2_UNAUTHENTICATED | ZWH_KEY_S2_AUTHENTICATED | ZWH_KEY_S2_ACCESS_CONTROL |
                          (1u << ZWH_SECCLASS_S2_LR_AUTHENTICATED) | (1u << ZWH_SECCLASS_S2_LR_ACCESS_CONTROL)))
        nif_add(&n->nif, CC_SECURITY_2);
    if (type->security & (1u << ZWH_SECCLASS_S0))
        nif_add(&n->nif, CC_SECURITY_0);
    if (type->create && type->create(n, &n->model) < 0) {
        free(n);
        return NULL;
    }
    return n;
}

void sim_node_free(sim_node_t *n)
{
    if (!n)
        return;
    sim_sched_cancel(n->net->sched, n, SIM_TAG_ANY);
    sim_node_sup_free(n);
    sim_node_sec_free(n);
    sim_node_ts_free(n);
    if (n->type->ops && n->type->ops->free && n->model)
        n->type->ops->free(n->model);
    free(n);
}

void sim_net_clear(sim_net_t *net)
{
    for (size_t i = 0; i <= SIM_MAX_NODE_ID; i++) {
        sim_node_free(net->nodes[i]);
        net->nodes[i] = NULL;
    }
    for (size_t i = 0; i < net->npending; i++)
        sim_node_free(net->pending[i]);
    net->npending = 0;
}

static void wake_cb(void *ctx, const uint8_t *data, size_t len);

static void sleep_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    n->awake = 0;
    ZWH_LOGI(n->net->log, "node %u goes back to sleep", n->id);
    sim_sched_cancel(n->net->sched, n, TAG_SLEEP);
    sim_sched_after(n->net->sched, sim_net_scale(n->net, (uint64_t)n->wake_interval_s * 1000),
                    wake_cb, n, TAG_WAKE, NULL, 0);
}

static void wake_cb(void *ctx, const uint8_t *data, size_t len)
{
    (void)data;
    (void)len;
    sim_node_t *n = ctx;
    if (!n->id)
        return;
    n->awake = 1;
    ZWH_LOGI(n->net->log, "node %u wakes up", n->id);
    static const uint8_t wun[] = {CC_WAKE_UP, WAKE_UP_NOTIFICATION};
    sim_node_send(n, wun, sizeof wun);
    sim_sched_after(n->net->sched, sim_net_scale(n->net, SIM_AWAKE_MS), sleep_cb, n, TAG_SLEEP,
                    NULL, 0);
    if (n->type->ops && n->type->ops->on_wake)
        n->type->ops->on_wake(n->model, n);
}

void sim_node_included(sim_node_t *n)
{
    if (n->type->ops && n->type->ops->on_included)
        n->type->ops->on_included(n->model, n);
}

int sim_node_event(sim_node_t *n, const char *line)
{
    if (strcmp(line, "wake") == 0) {
        if (n->mode != SIM_NODE_SLEEPING || !n->id)
            return ZWH_ENOTSUP;
        /* the button: wake now; the interval timer restarts when it sleeps again */
        sim_sched_cancel(n->net->sched, n, TAG_WAKE);
        sim_sched_cancel(n->net->sched, n, TAG_SLEEP);
        wake_cb(n, NULL, 0);
        return 0;
    }
    int rc = sim_node_attack_event(n, line);
    if (rc != ZWH_ENOTSUP)
        return rc;
    if (n->type->ops && n->type->ops->on_event)
        return n->type->ops->on_event(n->model, n, line);
    return ZWH_ENOTSUP;
}

int sim_net_include(sim_net_t *net, sim_node_t *n, uint16_t id)
{
    if (id < 2 || id > SIM_MAX_NODE_ID)
        return ZWH_EINVAL;
    if (net->nodes[id])
        return ZWH_EEXIST;
    net->nodes[id] = n;
    n->id = id;
    n->awake = 0;
    if (n->mode == SIM_NODE_SLEEPING)
        sim_sched_after(net->sched, sim_net_scale(net, (uint64_t)n->wake_interval_s * 1000),
                        wake_cb, n, TAG_WAKE, NULL, 0);
    return 0;
}

sim_node_t *sim_net_exclude(sim_net_t *net, uint16_t id)
{
    if (id > SIM_MAX_NODE_ID || !net->nodes[id])
        return NULL;
    sim_node_t *n = net->nodes[id];
    net->nodes[id] = NULL;
    sim_sched_cancel(net->sched, n, TAG_WAKE);
    sim_sched_cancel(net->sched, n, TAG_SLEEP);
    n->id = 0;
    n->awake = 0;
    return n;
}

sim_node_t *sim_net_node(const sim_net_t *net, uint16_t id)
{
    return id <= SIM_MAX_NODE_ID ? net->nodes[id] : NULL;
}

uint16_t sim_net_max_id(const sim_net_t *net)
{
    for (uint16_t id = SIM_MAX_NODE_ID; id >= 2; id--)
        if (net->nodes[id])
            return id;
    return 0;
}

int sim_net_add_pending(sim_net_t *net, sim_node_t *n)
{
    if (net->npending == SIM_MAX_PENDING)
        return ZWH_ENOSPC;
    net->pending[net->npending++] = n;
    return 0;
}

static size_t first_classic(const sim_net_t *net)
{
    size_t i = 0;
    while (i < net->npending && net->pending[i]->smartstart)
        i++;
    return i;
}

sim_node_t *sim_net_peek_pending(const sim_net_t *net)
{
    size_t i = first_classic(net);
    return i < net->npending ? net->pending[i] : NULL;
}

sim_node_t *sim_net_take_pending_at(sim_net_t *net, size_t i)
{
    if (i >= net->npending)
        return NULL;
    sim_node_t *n = net->pending[i];
    memmove(net->pending + i, net->pending + i + 1, (net->npending - i - 1) * sizeof net->pending[0]);
    net->npending--;
    return n;
}

sim_node_t *sim_net_take_pending(sim_net_t *net)
{
    return sim_net_take_pending_at(net, first_classic(net));
}

int sim_node_reachable(const sim_node_t *n)
{
    if (!n || n->dead)
        return 0;
    return n->mode != SIM_NODE_SLEEPING || n->awake;
}

int sim_net_deliver(sim_net_t *net, uint16_t dst, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    sim_node_t *n = sim_net_node(net, dst);
    if (!sim_node_reachable(n))
        return 1;
    if (len == 0)
        return 0;
    /* outermost first: Transport Service, then S2/S0 (node_security.c), which
     * hands the plaintext to sim_node_deliver_plain() */
    if (cmd[0] == CC_TRANSPORT_SERVICE)
        sim_node_ts_rx(n, cmd, len, rx_flags);
    else
        sim_node_sec_rx(n, cmd, len, rx_flags);
    return 0;
}

void sim_node_deliver_plain(sim_node_t *n, const uint8_t *cmd, size_t len, unsigned rx_flags)
{
    sim_net_t *net = n->net;
    if (n->mode == SIM_NODE_SLEEPING && len >= 2 && cmd[0] == CC_WAKE_UP &&
        cmd[1] == WAKE_UP_NO_MORE_INFORMATION) {
        /* acknowledged, then the node sleeps (after the ACK has gone out) */
        sim_sched_cancel(net->sched, n, TAG_SLEEP);
        sim_sched_after(net->sched, 1, sleep_cb, n, TAG_SLEEP, NULL, 0);
    }
    if (len >= 2 && cmd[0] == CC_SUPERVISION && cmd[1] == SUPERVISION_GET)
        sim_node_sup_get(n, cmd, len, rx_flags);
    else if (n->type->ops && n->type->ops->on_command)
        (void)n->type->ops->on_command(n->model, n, cmd, len, rx_flags);
}

void sim_node_send(sim_node_t *n, const uint8_t *cmd, size_t len)
{
    if (!n->id) {
        ZWH_LOGD(n->net->log, "%s (not included) has no network to send to", n->type->name);
        return;
    }
    if (len == 0)
        return;
    sim_node_sec_send(n, cmd, len);
}

void sim_node_keep_awake(sim_node_t *n, int on)
{
    if (n->mode == SIM_NODE_FLIRS)
        n->awake = on ? 1 : 0;
}

int sim_node_after(sim_node_t *n, uint64_t ms, sim_sched_fn fn, const uint8_t *data, size_t len)
{
    return sim_sched_after(n->net->sched, sim_net_scale(n->net, ms), fn, n, TAG_MODEL, data, len);
}
