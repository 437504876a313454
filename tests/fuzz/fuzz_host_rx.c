/* libFuzzer harness for the host's receive path (src/host/rx.c): arbitrary
 * application commands from three kinds of node — plaintext (2), granted S2
 * Access Control (3), granted S0 (4) — through Transport Service reassembly,
 * S2/S0 decapsulation, Multi Channel / Multi Command / CRC-16 unwrapping,
 * Supervision Get handling, the security policy, the Time CC server and the
 * report matcher. Answers are queued to a port that never connects (loopback,
 * refused) and cancelled when the host closes, so every allocation is
 * released by the end of each input.
 *
 * Input: byte 0 selects the sender (0: node 2, 1: node 3, 2: node 4) and bit
 * 7 marks the frame multicast; byte 1 counts how many commands follow, each
 * as [length][bytes] (so multi-frame sequences such as segments reach the
 * reassembly). */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include "host/host_internal.h"
#include "security/keystore.h"

static const uint8_t NIF[] = {0x5E, 0x25, 0x55, 0x6C, 0x86, 0x72, 0x60, 0x8F, 0x56, 0x9F, 0x98, 0x71, 0x62};

static void add_node(zwh_host_t *h, uint16_t id, uint32_t granted)
{
    zwh__node_t *n = zwh__host_node_add(h, id);
    if (!n)
        return;
    n->present = true;
    n->info.listening = 1;
    memcpy(n->ccs, NIF, sizeof NIF);
    n->ccs_len = sizeof NIF;
    n->granted = granted;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    zwh_host_t *h = NULL;
    if (zwh_host_new(NULL, &h) != 0)
        return 0;
    zwh_host_set_port(h, "tcp://127.0.0.1:9");
    zwh_host_set_reconnect(h, 0, 0);
    if (zwh_host_start(h) != 0) {
        zwh_host_close(h, NULL, NULL);
        zwh_host_run(h, ZWH_RUN_DEFAULT);
        return 0;
    }
    h->state = ZWH_HOST_READY;
    h->info.home_id = 0xC0FFEE01;
    h->info.node_id = 1;
    h->keys = zwh__keystore_alloc();
    if (h->keys) {
        uint8_t k[16];
        for (int c = 0; c < ZWH_SECCLASS_COUNT; c++) {
            memset(k, 0x11 * (c + 1), sizeof k);
            (void)zwh__keystore_set(h->keys, c, k);
        }
    }
    add_node(h, 2, 0);
    add_node(h, 3, 1u << ZWH_SECCLASS_S2_ACCESS_CONTROL);
    add_node(h, 4, 1u << ZWH_SECCLASS_S0);
    (void)zwh__secure_start(h);
    static const uint16_t src[3] = {2, 3, 4};
    uint16_t from = src[(data[0] & 0x7F) % 3];
    bool multicast = (data[0] & 0x80) != 0;
    size_t count = data[1], pos = 2;
    for (size_t i = 0; i < count && pos < size; i++) {
        size_t len = data[pos++];
        if (len > size - pos)
            len = size - pos;
        zwh__rx_app_cmd(h, from, data + pos, len, -60, multicast);
        pos += len;
    }
    zwh_host_close(h, NULL, NULL);
    zwh_host_run(h, ZWH_RUN_DEFAULT);
    return 0;
}
