/* Fuzz target: every Serial API payload parser, in 8- and 16-bit node-id mode,
 * plus the link layer fed the raw stream. First byte selects the parser. */
#include <stdint.h>
#include <string.h>
#include "serialapi/api.h"
#include "serialapi/link.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void nop_write(void *u, const uint8_t *b, size_t n) { (void)u; (void)b; (void)n; }
static void nop_frame(void *u, const zwh__frame_t *f) { (void)u; (void)f; }
static void nop_sent(void *u, int s) { (void)u; (void)s; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 1)
        return 0;
    zwh__api_t api = {.nodeid16 = (data[0] & 0x80) != 0};
    const uint8_t *p = data + 1;
    size_t n = size - 1;
    union {
        zwh__api_capabilities_t caps;
        zwh__api_init_data_t init;
        zwh__api_version_t ver;
        zwh__api_protocol_version_t pv;
        zwh__api_node_protocol_t np;
        zwh__api_started_t st;
        zwh__api_tx_report_t rep;
        zwh__api_app_cmd_t ac;
        zwh__api_update_t up;
        zwh__api_node_mgmt_t nm;
    } u;
    uint32_t home;
    uint16_t nid;
    uint8_t txs;
    volatile uint8_t sink = 0;
    switch (data[0] & 0x0F) {
    case 0: zwh__api_parse_capabilities(p, n, &u.caps); break;
    case 1: zwh__api_parse_init_data(p, n, &u.init); break;
    case 2: zwh__api_parse_version(p, n, &u.ver); break;
    case 3: zwh__api_parse_protocol_version(p, n, &u.pv); break;
    case 4: zwh__api_parse_memory_id(p, n, &api, &home, &nid); break;
    case 5: zwh__api_parse_node_protocol(p, n, &u.np); break;
    case 6: zwh__api_parse_started(p, n, &u.st); break;
    case 7: zwh__api_parse_send_data_cb(p, n, &txs, &u.rep); break;
    case 8:
    case 9:
        if (zwh__api_parse_app_cmd(p, n, &api, (data[0] & 0x0F) == 9, &u.ac) == 0)
            for (size_t i = 0; i < u.ac.cmd_len; i++)
                sink ^= u.ac.cmd[i];
        break;
    case 10:
        if (zwh__api_parse_update(p, n, &api, &u.up) == 0 && u.up.ccs)
            for (size_t i = 0; i < u.up.ccs_len; i++)
                sink ^= u.up.ccs[i];
        break;
    case 11:
        if (zwh__api_parse_node_mgmt(p, n, &api, &u.nm) == 0 && u.nm.ccs)
            for (size_t i = 0; i < u.nm.ccs_len; i++)
                sink ^= u.nm.ccs[i];
        break;
    default: {
        zwh__link_t l;
        zwh__link_io_t io = {nop_write, nop_frame, nop_sent};
        zwh__link_init(&l, NULL, &io, NULL);
        zwh__link_send(&l, 0, 0x15, NULL, 0, 0);
        zwh__link_input(&l, p, n, 10);
        zwh__link_tick(&l, 100000);
        break;
    }
    }
    (void)sink;
    return 0;
}
