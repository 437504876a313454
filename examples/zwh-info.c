/* zwh-info: prints what a Z-Wave controller says about itself and its network.
 *
 *   zwh-info --port /dev/ttyACM0
 *   zwh-info --port tcp://127.0.0.1:4201 --json
 *   zwh-info --list-ports
 *
 * Default --timeout: 15 seconds. */
#include <stdio.h>
#include <string.h>
#include "common.h"

static int list_ports_flag;

static const zwh_cli_opt_t opts[] = {
    {"list-ports", 0, &list_ports_flag, NULL, "list serial ports, marking known Z-Wave sticks"},
    {0},
};

static const zwh_cli_spec_t spec = {
    .prog = "zwh-info",
    .usage = "[--list-ports]",
    .about = "Prints the controller's facts (versions, home id, region) and every node.",
    .default_timeout = 15,
    .opts = opts,
};

static const char *kind(const zwh_node_info_t *n)
{
    if (n->listening)
        return "listening";
    if (n->flirs_ms)
        return "flirs";
    return "sleeping";
}

static int list_ports(zwh_cli_t *cli)
{
    zwh_port_info_t ports[64];
    size_t count = 0;
    int rc = zwh_port_list(ports, 64, &count);
    if (rc != 0) {
        fprintf(stderr, "zwh-info: cannot list serial ports: %s\n", zwh_strerror(rc));
        return 1;
    }
    size_t shown = count < 64 ? count : 64;
    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_key_array(cli, "ports");
        for (size_t i = 0; i < shown; i++) {
            zwh_json_object(cli);
            zwh_json_str(cli, "path", ports[i].path);
            if (ports[i].is_usb) {
                char id[16];
                snprintf(id, sizeof id, "%04x:%04x", ports[i].usb_vid, ports[i].usb_pid);
                zwh_json_str(cli, "usb_id", id);
            }
            zwh_json_str(cli, "manufacturer", ports[i].manufacturer);
            zwh_json_str(cli, "product", ports[i].product);
            zwh_json_bool(cli, "zwave", ports[i].is_zwave);
            zwh_json_end(cli);
        }
        zwh_json_array_end(cli);
        zwh_json_end(cli);
        return 0;
    }
    if (shown == 0)
        printf("no serial ports found\n");
    for (size_t i = 0; i < shown; i++) {
        printf("%s%s", ports[i].path, ports[i].is_zwave ? "  [Z-Wave stick]" : "");
        if (ports[i].is_usb)
            printf("  usb %04x:%04x", ports[i].usb_vid, ports[i].usb_pid);
        if (ports[i].manufacturer[0] || ports[i].product[0])
            printf("  %s %s", ports[i].manufacturer, ports[i].product);
        printf("\n");
    }
    return 0;
}

static void print_info(zwh_cli_t *cli)
{
    zwh_controller_info_t ci;
    zwh_host_get_controller_info(cli->host, &ci);
    uint16_t ids[4000];
    size_t count = 0;
    zwh_host_get_node_ids(cli->host, ids, 4000, &count);
    char home[16];
    snprintf(home, sizeof home, "0x%08x", ci.home_id);
    char firmware[16];
    snprintf(firmware, sizeof firmware, "%u.%u", ci.app_version, ci.app_revision);

    if (cli->json) {
        zwh_json_begin(cli);
        zwh_json_str(cli, "status", "ok");
        zwh_json_str(cli, "zwhost_version", zwh_version_string());
        zwh_json_int(cli, "serial_api_version", ci.api_version);
        zwh_json_str(cli, "library_version", ci.library_version);
        zwh_json_int(cli, "library_type", ci.library_type);
        zwh_json_int(cli, "chip_type", ci.chip_type);
        zwh_json_int(cli, "chip_version", ci.chip_version);
        zwh_json_str(cli, "firmware", firmware);
        zwh_json_int(cli, "manufacturer_id", ci.manufacturer_id);
        zwh_json_int(cli, "product_type", ci.product_type);
        zwh_json_int(cli, "product_id", ci.product_id);
        zwh_json_str(cli, "home_id", home);
        zwh_json_int(cli, "node_id", ci.node_id);
        zwh_json_int(cli, "suc_node_id", ci.suc_node_id);
        zwh_json_bool(cli, "is_primary", ci.is_primary);
        zwh_json_bool(cli, "is_sis", ci.is_sis);
        zwh_json_str(cli, "rf_region", zwh_rf_region_name(ci.rf_region));
        zwh_json_int(cli, "max_payload", ci.max_payload);
        zwh_json_bool(cli, "long_range", ci.long_range);
        zwh_json_key_array(cli, "nodes");
        for (size_t i = 0; i < count && i < 4000; i++) {
            zwh_node_info_t n;
            if (zwh_host_get_node_info(cli->host, ids[i], &n) != 0)
                continue;
            const char *gname = zwh_generic_class_name(n.generic);
            zwh_json_object(cli);
            zwh_json_int(cli, "id", n.node_id);
            zwh_json_int(cli, "basic", n.basic);
            zwh_json_int(cli, "generic", n.generic);
            zwh_json_str(cli, "generic_name", gname ? gname : "unknown");
            zwh_json_int(cli, "specific", n.specific);
            zwh_json_str(cli, "kind", kind(&n));
            zwh_json_bool(cli, "listening", n.listening);
            zwh_json_int(cli, "flirs_ms", n.flirs_ms);
            zwh_json_bool(cli, "routing", n.routing);
            zwh_json_bool(cli, "controller", n.controller);
            zwh_json_bool(cli, "security", n.security_flag);
            zwh_json_int(cli, "max_speed", n.max_speed);
            zwh_json_end(cli);
        }
        zwh_json_array_end(cli);
        zwh_json_end(cli);
    } else {
        printf("zwhost %s\n", zwh_version_string());
        printf("controller    %s (library type %u), Serial API %u, chip %u/%u, firmware %s\n",
               ci.library_version, ci.library_type, ci.api_version, ci.chip_type, ci.chip_version, firmware);
        printf("manufacturer  0x%04x product 0x%04x/0x%04x\n", ci.manufacturer_id, ci.product_type, ci.product_id);
        printf("home id       %s\nnode id       %u%s%s\n", home, ci.node_id, ci.is_primary ? " (primary)" : "",
               ci.is_sis ? " (SIS)" : "");
        printf("SUC           %u\nRF region     %s\nmax payload   %u\n", ci.suc_node_id,
               zwh_rf_region_name(ci.rf_region), ci.max_payload);
        printf("nodes         %zu\n", count);
        for (size_t i = 0; i < count && i < 4000; i++) {
            zwh_node_info_t n;
            if (zwh_host_get_node_info(cli->host, ids[i], &n) != 0)
                continue;
            const char *gname = zwh_generic_class_name(n.generic);
            printf("  node %3u  %-20s basic 0x%02x generic 0x%02x specific 0x%02x  %-9s%s%s\n", n.node_id,
                   gname ? gname : "unknown", n.basic, n.generic, n.specific, kind(&n),
                   n.security_flag ? "  security" : "", n.node_id == ci.node_id ? "  (this controller)" : "");
        }
    }
    zwh_cli_finish(cli, 0);
}

int main(int argc, char **argv)
{
    zwh_cli_t cli;
    zwh_cli_parse(&cli, &spec, argc, argv);
    if (list_ports_flag)
        return list_ports(&cli);
    if (!cli.port) {
        fprintf(stderr, "zwh-info: --port is required (a serial device or tcp://HOST:PORT; --list-ports shows devices)\n");
        return 2;
    }
    return zwh_cli_run(&cli, print_info);
}
