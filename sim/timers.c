#include "timers.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/error.h"

struct sim_sched_item {
    uv_timer_t timer;
    sim_sched_t *owner;
    struct sim_sched_item *next;
    sim_sched_fn fn;
    void *ctx;
    int tag;
    size_t len;
    uint8_t data[];
};

void sim_sched_init(sim_sched_t *s, uv_loop_t *loop)
{
    s->loop = loop;
    s->head = NULL;
}

static void unlink_item(sim_sched_t *s, struct sim_sched_item *it)
{
    for (struct sim_sched_item **pp = &s->head; *pp; pp = &(*pp)->next) {
        if (*pp == it) {
            *pp = it->next;
            return;
        }
    }
}

static void on_closed(uv_handle_t *h)
{
    free(h->data);
}

static void on_timer(uv_timer_t *t)
{
    struct sim_sched_item *it = t->data;
    unlink_item(it->owner, it);
    /* run before freeing: fn may schedule or cancel others, never this one */
    it->fn(it->ctx, it->data, it->len);
    uv_close((uv_handle_t *)&it->timer, on_closed);
}

int sim_sched_after(sim_sched_t *s, uint64_t ms, sim_sched_fn fn, void *ctx, int tag,
                    const uint8_t *data, size_t len)
{
    struct sim_sched_item *it = malloc(sizeof *it + len);
    if (!it)
        return ZWH_ENOMEM;
    memset(it, 0, sizeof *it);
    it->owner = s;
    it->fn = fn;
    it->ctx = ctx;
    it->tag = tag;
    it->len = len;
    if (len)
        memcpy(it->data, data, len);
    uv_timer_init(s->loop, &it->timer);
    it->timer.data = it;
    uv_timer_start(&it->timer, on_timer, ms, 0);
    /* append: actions due at the same time run in the order they were scheduled */
    struct sim_sched_item **pp = &s->head;
    while (*pp)
        pp = &(*pp)->next;
    *pp = it;
    return 0;
}

static int matches(const struct sim_sched_item *it, const void *ctx, int tag)
{
    return (!ctx || it->ctx == ctx) && (tag == SIM_TAG_ANY || it->tag == tag);
}

void sim_sched_cancel(sim_sched_t *s, const void *ctx, int tag)
{
    struct sim_sched_item **pp = &s->head;
    while (*pp) {
        struct sim_sched_item *it = *pp;
        if (matches(it, ctx, tag)) {
            *pp = it->next;
            uv_timer_stop(&it->timer);
            uv_close((uv_handle_t *)&it->timer, on_closed);
        } else {
            pp = &it->next;
        }
    }
}

size_t sim_sched_pending(const sim_sched_t *s, const void *ctx, int tag)
{
    size_t n = 0;
    for (const struct sim_sched_item *it = s->head; it; it = it->next)
        n += matches(it, ctx, tag) ? 1u : 0u;
    return n;
}

void sim_sched_close(sim_sched_t *s)
{
    sim_sched_cancel(s, NULL, SIM_TAG_ANY);
}
