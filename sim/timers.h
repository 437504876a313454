/* Delayed actions on the loop: "after N ms call fn(ctx, data)". Each action
 * carries an owner pointer and a tag so a group can be cancelled (a soft reset
 * cancels the controller's pending callbacks, a removed node its wake timer). */
#ifndef ZWH_SIM_TIMERS_H
#define ZWH_SIM_TIMERS_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

typedef void (*sim_sched_fn)(void *ctx, const uint8_t *data, size_t len);

struct sim_sched_item;

typedef struct sim_sched {
    uv_loop_t *loop;
    struct sim_sched_item *head;
} sim_sched_t;

#define SIM_TAG_ANY (-1)

void sim_sched_init(sim_sched_t *s, uv_loop_t *loop);
/* Copies data (len may be 0). Returns 0 or a negative error. */
int sim_sched_after(sim_sched_t *s, uint64_t ms, sim_sched_fn fn, void *ctx, int tag,
                    const uint8_t *data, size_t len);
/* Cancels pending actions of owner ctx (NULL = any owner) with tag (SIM_TAG_ANY = any). */
void sim_sched_cancel(sim_sched_t *s, const void *ctx, int tag);
/* Number of pending actions matching (ctx, tag), same wildcards. */
size_t sim_sched_pending(const sim_sched_t *s, const void *ctx, int tag);
/* Cancels everything (at exit). */
void sim_sched_close(sim_sched_t *s);

#endif
