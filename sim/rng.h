/* Per-instance pseudo-random generator (splitmix64): deterministic for a given
 * --seed, no global state. Separate instances give separate streams so that
 * enabling a fault does not change unrelated behaviour. */
#ifndef ZWH_SIM_RNG_H
#define ZWH_SIM_RNG_H

#include <stdint.h>

typedef struct sim_rng {
    uint64_t s;
} sim_rng_t;

static inline void sim_rng_init(sim_rng_t *r, uint64_t seed, uint64_t stream)
{
    r->s = seed ^ (stream * 0xD1B54A32D192ED03ull);
}

static inline uint64_t sim_rng_next(sim_rng_t *r)
{
    uint64_t z = (r->s += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

/* Uniform in [0, 1). */
static inline double sim_rng_unit(sim_rng_t *r)
{
    return (double)(sim_rng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* True with probability p (p <= 0 never draws, so a disabled fault does not
 * consume numbers). */
static inline int sim_rng_chance(sim_rng_t *r, double p)
{
    if (p <= 0.0)
        return 0;
    return sim_rng_unit(r) < p;
}

/* Uniform in [lo, hi]. */
static inline uint32_t sim_rng_range(sim_rng_t *r, uint32_t lo, uint32_t hi)
{
    if (hi <= lo)
        return lo;
    return lo + (uint32_t)(sim_rng_next(r) % ((uint64_t)hi - lo + 1));
}

#endif
