/* Public getters over the interview's facts (include/zwhost/node.h). */
#include <string.h>
#include "host/host_internal.h"
#include "host/node_facts.h"
#include "host/state.h"
#include "zwhost/error.h"
#include "zwhost/node.h"

static const zwh__facts_t *facts(const zwh_host_t *host, uint16_t node_id, int *err)
{
    if (!host) {
        *err = ZWH_EINVAL;
        return NULL;
    }
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n) {
        *err = ZWH_ENONODE;
        return NULL;
    }
    if (!n->facts) {
        *err = ZWH_ENOENT;
        return NULL;
    }
    return n->facts;
}

ZWH_EXTERN int zwh_host_get_interview_state(const zwh_host_t *host, uint16_t node_id)
{
    if (!host)
        return ZWH_EINVAL;
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    if (zwh__iv_active(n))
        return ZWH_INTERVIEW_RUNNING;
    return (n->persist_flags & ZWH__STATE_NODE_INTERVIEW_COMPLETE) ? ZWH_INTERVIEW_COMPLETE : ZWH_INTERVIEW_NONE;
}

ZWH_EXTERN int zwh_host_node_supports(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint, uint8_t cc)
{
    if (!host)
        return ZWH_EINVAL;
    const zwh__node_t *n = zwh__host_node(host, node_id);
    if (!n)
        return ZWH_ENONODE;
    if (n->facts && zwh__facts_supports(n->facts, endpoint, cc))
        return 1;
    return endpoint == 0 && zwh__node_has_cc(n, cc) ? 1 : 0;
}

ZWH_EXTERN int zwh_host_get_cc_version(const zwh_host_t *host, uint16_t node_id, uint8_t cc)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    int sup = zwh_host_node_supports(host, node_id, 0, cc);
    if (sup < 0)
        return sup;
    if (!sup)
        return ZWH_ENOCC;
    if (!f)
        return 0;
    bool known = false;
    uint8_t v = zwh__facts_version(f, cc, &known);
    return known ? v : 0;
}

ZWH_EXTERN int zwh_host_get_manufacturer(const zwh_host_t *host, uint16_t node_id, uint16_t *manufacturer_id,
                                         uint16_t *product_type, uint16_t *product_id)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    if (!f)
        return err;
    if (!f->has_manufacturer)
        return ZWH_ENOENT;
    if (manufacturer_id)
        *manufacturer_id = f->manufacturer.manufacturer_id;
    if (product_type)
        *product_type = f->manufacturer.product_type;
    if (product_id)
        *product_id = f->manufacturer.product_id;
    return 0;
}

ZWH_EXTERN int zwh_host_get_config_params(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint16_t *numbers, size_t max, size_t *count)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    if (!f)
        return err;
    if (!count || (max && !numbers))
        return ZWH_EINVAL;
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    size_t n = ep ? ep->param_count : 0;
    for (size_t i = 0; i < n && i < max; i++)
        numbers[i] = ep->params[i].number;
    *count = n;
    return 0;
}

static void copy_text(char *dst, size_t cap, const uint8_t *src, size_t len)
{
    size_t k = len < cap - 1 ? len : cap - 1;
    if (k && src)
        memcpy(dst, src, k);
    dst[k] = '\0';
}

ZWH_EXTERN int zwh_host_get_config_param(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                         uint16_t number, zwh_config_param_info_t *out)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    if (!f)
        return err;
    if (!out)
        return ZWH_EINVAL;
    const zwh__cfg_param_t *p = zwh__facts_param(f, endpoint, number);
    if (!p)
        return ZWH_ENOENT;
    memset(out, 0, sizeof *out);
    out->number = p->number;
    out->size = p->size ? p->size : p->value_size;
    out->format = p->format;
    if (p->flags & ZWH__CFG_HAS_PROPS)
        out->flags |= ZWH_PARAM_HAS_RANGE;
    if (p->flags & ZWH__CFG_HAS_VALUE)
        out->flags |= ZWH_PARAM_HAS_VALUE;
    if (p->flags & ZWH__CFG_READ_ONLY)
        out->flags |= ZWH_PARAM_READ_ONLY;
    if (p->flags & ZWH__CFG_ADVANCED)
        out->flags |= ZWH_PARAM_ADVANCED;
    out->min_value = p->min_value;
    out->max_value = p->max_value;
    out->default_value = p->default_value;
    out->value = p->value;
    copy_text(out->name, sizeof out->name, p->name, p->name_len);
    copy_text(out->info, sizeof out->info, p->info, p->info_len);
    return 0;
}

ZWH_EXTERN int zwh_host_get_meter_support(const zwh_host_t *host, uint16_t node_id, uint8_t endpoint,
                                          uint8_t *meter_type, uint32_t *scales, uint8_t *reset_supported)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    if (!f)
        return err;
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, endpoint);
    if (!ep || !ep->has_meter)
        return ZWH_ENOENT;
    uint32_t s = ep->meter.scales;
    for (size_t i = 0; i < ep->meter.scale2_mask_len && i < 3; i++)
        s |= (uint32_t)ep->meter.scale2_mask[i] << (8 + 8 * i);
    if (meter_type)
        *meter_type = ep->meter.meter_type;
    if (scales)
        *scales = s;
    if (reset_supported)
        *reset_supported = ep->meter.reset_supported;
    return 0;
}

ZWH_EXTERN int zwh_host_get_user_count(const zwh_host_t *host, uint16_t node_id, uint16_t *users)
{
    int err = 0;
    const zwh__facts_t *f = facts(host, node_id, &err);
    if (!f)
        return err;
    const zwh__ep_facts_t *ep = zwh__facts_ep(f, 0);
    if (!ep || !ep->has_users || !users)
        return users ? ZWH_ENOENT : ZWH_EINVAL;
    *users = ep->users;
    return 0;
}
