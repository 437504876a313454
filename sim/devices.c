#include "devices.h"

#include <stdio.h>
#include <string.h>

static const sim_device_type_t *const device_types[] = {
    &sim_dev_switch,
    &sim_dev_s2switch,
    &sim_dev_s0switch,
    &sim_dev_s2s0switch,
    &sim_dev_zen07,
    &sim_dev_hkzw_so03,
    &sim_dev_ezmultipli,
    &sim_dev_n4003,
    &sim_dev_lock,
};

#define NTYPES (sizeof device_types / sizeof device_types[0])

const sim_device_type_t *sim_device_find(const char *name)
{
    for (size_t i = 0; i < NTYPES; i++)
        if (strcmp(device_types[i]->name, name) == 0)
            return device_types[i];
    return NULL;
}

void sim_device_list(char *out, size_t outlen)
{
    size_t off = 0;
    if (outlen)
        out[0] = '\0';
    for (size_t i = 0; i < NTYPES && off < outlen; i++) {
        int n = snprintf(out + off, outlen - off, "%s%s", i ? ", " : "", device_types[i]->name);
        if (n < 0)
            break;
        off += (size_t)n;
    }
}
