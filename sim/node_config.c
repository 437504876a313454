/* Device-side Configuration CC for the virtual nodes (see node_config.h). */
#include "node_config.h"

#include <stdlib.h>
#include <string.h>
#include "zwhost/cc/configuration.h"
#include "zwhost/error.h"

#define BUF 256

static const sim_cfg_param_t *find(const sim_cfg_t *c, unsigned num, size_t *idx)
{
    for (size_t i = 0; i < c->nparams; i++)
        if (c->params[i].num == num) {
            if (idx)
                *idx = i;
            return &c->params[i];
        }
    return NULL;
}

static void reply(sim_node_t *node, const uint8_t *b, int len)
{
    if (len > 0)
        sim_node_send(node, b, (size_t)len);
}

void sim_cfg_defaults(const sim_cfg_t *c)
{
    for (size_t i = 0; i < c->nparams; i++)
        c->values[i] = c->params[i].def;
}

int64_t sim_cfg_value(const sim_cfg_t *c, uint16_t num)
{
    size_t i;
    return find(c, num, &i) ? c->values[i] : 0;
}

/* A wire value (decoded as signed) for parameter p: the size must be the
 * parameter's, the value in its format within min..max (or its alt value),
 * and the model's rule must take it. */
static int check_value(const sim_cfg_t *c, const sim_cfg_param_t *p, uint8_t size, int64_t wire, int64_t *out)
{
    if (size != p->size || p->read_only || zwh_configuration_value_convert(wire, size, p->format, out) < 0)
        return ZWH_EINVAL;
    if ((*out < p->min || *out > p->max) && !(p->has_alt && *out == p->alt))
        return ZWH_EINVAL;
    return c->check ? c->check(c, p->num, *out) : 0;
}

static int h_set(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    (void)node;
    zwh_configuration_set_t s;
    size_t i;
    if (zwh_configuration_set_decode(cmd, len, &s) < 0)
        return ZWH_EINVAL;
    const sim_cfg_param_t *p = find(c, s.parameter, &i);
    if (!p || (s.use_default && p->read_only))
        return ZWH_EINVAL;
    int64_t v = p->def;
    if (!s.use_default && check_value(c, p, s.size, s.value, &v) < 0)
        return ZWH_EINVAL; /* refused: the value stays */
    c->values[i] = v;
    return SIM_CMD_OK;
}

static int h_get(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_configuration_get_t g;
    size_t i = 0;
    if (zwh_configuration_get_decode(cmd, len, &g) < 0 || c->nparams == 0)
        return ZWH_EINVAL;
    if (!find(c, g.parameter, &i)) {
        if (c->silent_unknown)
            return ZWH_EINVAL;
        i = 0; /* an unknown parameter is answered with the first one */
    }
    const sim_cfg_param_t *p = &c->params[i];
    zwh_configuration_report_t r = {(uint8_t)p->num, p->size, p->format, c->values[i]};
    uint8_t b[BUF];
    reply(node, b, zwh_configuration_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

/* Bulk Reports for count parameters from first: one per run of equal sizes. */
static int bulk_reports(const sim_cfg_t *c, sim_node_t *node, unsigned first, unsigned count, uint8_t handshake)
{
    size_t idx[SIM_CFG_MAX_PARAMS], k = 0;
    if (count == 0 || count > SIM_CFG_MAX_PARAMS)
        return ZWH_EINVAL;
    for (unsigned num = first; num < first + count; num++)
        if (!find(c, num, &idx[k++]))
            return ZWH_EINVAL;
    size_t runs = 0;
    for (size_t i = 0; i < k; i++)
        runs += i == 0 || c->params[idx[i]].size != c->params[idx[i - 1]].size;
    zwh_configuration_bulk_report_t *r = malloc(sizeof *r);
    if (!r)
        return ZWH_ENOMEM;
    for (size_t start = 0, end; start < k; start = end) {
        const sim_cfg_param_t *p0 = &c->params[idx[start]];
        for (end = start + 1; end < k && c->params[idx[end]].size == p0->size;)
            end++;
        memset(r, 0, sizeof *r);
        r->parameter_offset = p0->num;
        r->count = (uint8_t)(end - start);
        r->reports_to_follow = (uint8_t)--runs;
        r->handshake = handshake;
        r->size = p0->size;
        r->format = ZWH_CONFIGURATION_FORMAT_UNSIGNED; /* values as their raw wire bytes */
        r->is_default = 1;
        for (size_t i = start; i < end; i++) {
            int64_t v = c->values[idx[i]];
            (void)zwh_configuration_value_convert(v, p0->size, ZWH_CONFIGURATION_FORMAT_UNSIGNED,
                                                  &r->values[i - start]);
            r->is_default &= v == c->params[idx[i]].def;
        }
        uint8_t b[BUF];
        reply(node, b, zwh_configuration_bulk_report_encode(r, b, sizeof b));
    }
    free(r);
    return SIM_CMD_OK;
}

static int h_bulk_get(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_configuration_bulk_get_t g;
    if (zwh_configuration_bulk_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    return bulk_reports(c, node, g.parameter_offset, g.count, 0);
}

static int h_bulk_set(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_configuration_bulk_set_t *s = malloc(sizeof *s);
    if (!s)
        return ZWH_ENOMEM;
    int64_t v[SIM_CFG_MAX_PARAMS];
    size_t idx[SIM_CFG_MAX_PARAMS];
    int rc = zwh_configuration_bulk_set_decode(cmd, len, s) < 0 || s->count == 0 || s->count > SIM_CFG_MAX_PARAMS
                 ? ZWH_EINVAL
                 : 0;
    /* all or nothing: every parameter known, of the bulk size, its value in range */
    for (unsigned i = 0; rc == 0 && i < s->count; i++) {
        const sim_cfg_param_t *p = find(c, s->parameter_offset + i, &idx[i]);
        if (!p || p->size != s->size || p->read_only)
            rc = ZWH_EINVAL;
        else if (s->use_default)
            v[i] = p->def;
        else
            rc = check_value(c, p, s->size, s->values[i], &v[i]);
    }
    if (rc == 0) {
        for (unsigned i = 0; i < s->count; i++)
            c->values[idx[i]] = v[i];
        if (s->handshake)
            rc = bulk_reports(c, node, s->parameter_offset, s->count, 1);
    }
    free(s);
    return rc;
}

/* Name or Info text of a parameter, SIM_CFG_TEXT_CHUNK bytes per report. */
static int h_text(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_configuration_parameter_ref_t g;
    int name = cmd[1] == ZWH_CONFIGURATION_NAME_GET;
    if ((name ? zwh_configuration_name_get_decode(cmd, len, &g) : zwh_configuration_info_get_decode(cmd, len, &g)) <
        0)
        return ZWH_EINVAL;
    const sim_cfg_param_t *p = find(c, g.parameter, NULL);
    const char *text = p ? (name ? p->name : p->info) : NULL;
    size_t tlen = text ? strlen(text) : 0, off = 0;
    size_t nrep = tlen ? (tlen + SIM_CFG_TEXT_CHUNK - 1) / SIM_CFG_TEXT_CHUNK : 1;
    for (size_t i = 0; i < nrep; i++) {
        zwh_configuration_text_report_t r = {.parameter = g.parameter, .reports_to_follow = (uint8_t)(nrep - 1 - i)};
        size_t k = tlen - off < SIM_CFG_TEXT_CHUNK ? tlen - off : SIM_CFG_TEXT_CHUNK;
        if (k)
            memcpy(r.text, text + off, k);
        r.text_len = (uint8_t)k;
        off += k;
        uint8_t b[BUF];
        reply(node, b,
              name ? zwh_configuration_name_report_encode(&r, b, sizeof b)
                   : zwh_configuration_info_report_encode(&r, b, sizeof b));
    }
    return SIM_CMD_OK;
}

static int h_properties_get(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    zwh_configuration_parameter_ref_t g;
    if (zwh_configuration_properties_get_decode(cmd, len, &g) < 0)
        return ZWH_EINVAL;
    zwh_configuration_properties_report_t r = {.parameter = g.parameter, .has_v4_flags = c->version >= 4};
    for (size_t i = 0; i < c->nparams; i++)
        if (c->params[i].num > g.parameter) {
            r.next_parameter = c->params[i].num;
            break;
        }
    const sim_cfg_param_t *p = find(c, g.parameter, NULL);
    if (p) { /* else size 0: no such parameter, next_parameter still given */
        r.format = p->format;
        r.size = p->size;
        r.min_value = p->min;
        r.max_value = p->max;
        r.default_value = p->def;
        r.read_only = c->version >= 4 && p->read_only;
        r.advanced = r.has_v4_flags && p->advanced;
    }
    uint8_t b[BUF];
    reply(node, b, zwh_configuration_properties_report_encode(&r, b, sizeof b));
    return SIM_CMD_OK;
}

static int h_default_reset(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    (void)node, (void)cmd, (void)len;
    sim_cfg_defaults(c);
    return SIM_CMD_OK;
}

typedef int (*cfg_fn)(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len);

static const struct {
    uint8_t cmd, version;
    cfg_fn fn;
} handlers[] = {
    {ZWH_CONFIGURATION_SET, 1, h_set},
    {ZWH_CONFIGURATION_GET, 1, h_get},
    {ZWH_CONFIGURATION_BULK_SET, 2, h_bulk_set},
    {ZWH_CONFIGURATION_BULK_GET, 2, h_bulk_get},
    {ZWH_CONFIGURATION_NAME_GET, 3, h_text},
    {ZWH_CONFIGURATION_INFO_GET, 3, h_text},
    {ZWH_CONFIGURATION_PROPERTIES_GET, 3, h_properties_get},
    {ZWH_CONFIGURATION_DEFAULT_RESET, 4, h_default_reset},
};

int sim_cfg_command(const sim_cfg_t *c, sim_node_t *node, const uint8_t *cmd, size_t len)
{
    if (len < 2 || cmd[0] != ZWH_CC_CONFIGURATION)
        return ZWH_ENOTSUP;
    for (size_t i = 0; i < sizeof handlers / sizeof handlers[0]; i++)
        if (handlers[i].cmd == cmd[1])
            return c->version >= handlers[i].version ? handlers[i].fn(c, node, cmd, len) : ZWH_ENOTSUP;
    return ZWH_ENOTSUP;
}
