/* Simulated nodes for the interview tests (see iv_script.h).
 *
 * Layouts (Z-Wave Application Command Class specifications):
 *   Version CC Report        86 14 <cc> <version>
 *   Version Report (v2)      86 12 <lib> <proto> <sub> <fw> <sub> <hw> <targets>
 *   Version Capabilities     86 16 <bits: V=0, CC=1, ZWS=2>
 *   Manufacturer Specific    72 05 <mfr:2> <type:2> <id:2>
 *   Z-Wave Plus Info         5E 02 <version> <role> <node type> <installer icon:2> <user icon:2>
 *   S2 Commands Supported    9F 0E <cc...>
 *   S0 Commands Supported    98 03 <reports to follow> <cc...>
 *   Meter Supported          32 04 <reset:7 | rate types:6-5 | meter type:4-0> <more:7 | scales:6-0>
 *   Configuration Report     70 06 <param> <size> <value:size>
 *   Properties Report (v4)   70 0F <param:2> <alters:7 ro:6 format:5-3 size:2-0> <min> <max> <default>
 *                            <next:2> <no bulk:1 advanced:0>
 *   Name / Info Report       70 0B|0D <param:2> <reports to follow> <UTF-8>
 *   Notification Supported   71 08 <v1 alarm:7 | mask length:4-0> <type mask>
 *   Event Supported          71 02 <type> <mask length:4-0> <event mask>
 *   Door Lock Capabilities   62 08 <op mask len> <op mask> <n modes> <modes> <out:7-4 in:3-0 handles>
 *                            <door components> <ARS:3 HRS:2 TAS:1 BTBS:0>
 *   Users Number (v2)        63 05 <users> <extended users:2>
 *   User Code Capabilities   63 07 <AC:7 ACD:6 | status mask len> <mask> <UCC:7 MUCR:6 MUCS:5 |
 *                            keypad modes len> <mask> <keys len> <ASCII key mask>
 *   Association Groupings    85 06 <groups>;  Association Report 85 03 <group> <max> <to follow> <nodes>
 *   MCA Report               8E 03 <group> <max> <to follow> <nodes> 00 <node, end point>...
 *   AGI Name Report          59 02 <group> <length> <name>
 *   AGI Info Report          59 04 <list:7 dynamic:6 count:5-0> (<group> <mode> <profile:2> 00 <event:2>)...
 *   Multi Channel            60 08 <dynamic:7 identical:6> <end points> <aggregated>;
 *                            60 0A <dynamic:7 | end point> <generic> <specific> <cc...>
 *   Wake Up Interval Report  84 06 <seconds:3> <node>;  Capabilities 84 0A <min:3> <max:3> <default:3> <step:3>
 *   Battery Report           80 03 <level> */
#include "iv_script.h"
#include "zt_hex.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/error.h"
#include "zwhost/security.h"

#define N ZWH_SECCLASS_NONE
#define S0 ZWH_SECCLASS_S0
#define AC ZWH_SECCLASS_S2_ACCESS_CONTROL
#define AU ZWH_SECCLASS_S2_AUTHENTICATED
#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* ---- seed 004: the door lock ---------------------------------------------------
 * Door Lock V4 and User Code V2 under S2 Access Control, S0 as the legacy class
 * (article: "Security S2 Access Control ... S0 legacy"), Notification for Access
 * Control events (keypad unlock, jammed, code added/duplicate: events 0x01-0x06,
 * 0x0B-0x0F) and low battery, Supervision. The article gives no capability
 * table: the lock here supports constant and timed operation, modes unsecured /
 * unsecured with timeout / secured, door+bolt+latch sensors and auto-relock,
 * 30 users (user ids 3 and 5 of the article fit), digits 0-9 only. Node 5,
 * FLiRS. Manufacturer ids are illustrative. */
static const ivt_step_t lock_steps[] = {
    {"9F 0D", AC, 0, IVT_ANSWER, {"9F 0E 62 63 71 72 80 85 86 59 5A 7A 73"}},
    {"98 02", S0, 0, IVT_ANSWER, {"98 03 01 62 63 71", "98 03 00 72 80 85 86"}},
    {"86 13 86", AC, 0, IVT_ANSWER, {"86 14 86 03"}},
    {"86 13 5E", AC, 0, IVT_ANSWER, {"86 14 5E 02"}},
    {"86 13 55", AC, 0, IVT_ANSWER, {"86 14 55 02"}},
    {"86 13 98", AC, 0, IVT_ANSWER, {"86 14 98 01"}},
    {"86 13 9F", AC, 0, IVT_ANSWER, {"86 14 9F 01"}},
    {"86 13 6C", AC, 0, IVT_ANSWER, {"86 14 6C 01"}},
    {"86 13 62", AC, 0, IVT_ANSWER, {"86 14 62 04"}},
    {"86 13 63", AC, 0, IVT_ANSWER, {"86 14 63 02"}},
    {"86 13 71", AC, 0, IVT_ANSWER, {"86 14 71 08"}},
    {"86 13 72", AC, 0, IVT_ANSWER, {"86 14 72 02"}},
    {"86 13 80", AC, 0, IVT_ANSWER, {"86 14 80 01"}},
    {"86 13 85", AC, 0, IVT_ANSWER, {"86 14 85 02"}},
    {"86 13 59", AC, 0, IVT_ANSWER, {"86 14 59 01"}},
    {"86 13 5A", AC, 0, IVT_ANSWER, {"86 14 5A 01"}},
    {"86 13 7A", AC, 0, IVT_ANSWER, {"86 14 7A 05"}},
    {"86 13 73", AC, 0, IVT_ANSWER, {"86 14 73 01"}},
    {"86 11", AC, 0, IVT_ANSWER, {"86 12 03 07 12 01 05 01 00"}},
    {"86 15", AC, 0, IVT_ANSWER, {"86 16 07"}},
    {"72 04", AC, 0, IVT_ANSWER, {"72 05 00 90 00 03 06 42"}},
    {"5E 01", N, 0, IVT_ANSWER, {"5E 02 02 07 00 03 00 03 00"}},
    {"71 07", AC, 0, IVT_ANSWER, {"71 08 02 40 01"}},
    {"71 01 06", AC, 0, IVT_ANSWER, {"71 02 06 02 7E F8"}},
    {"71 01 08", AC, 0, IVT_ANSWER, {"71 02 08 02 00 0C"}},
    {"62 07", AC, 0, IVT_ANSWER, {"62 08 01 06 03 00 01 FF 11 07 08"}},
    {"63 04", AC, 0, IVT_ANSWER, {"63 05 1E 00 1E"}},
    {"63 06", AC, 0, IVT_ANSWER, {"63 07 81 07 81 01 08 00 00 00 00 00 00 FF 03"}},
    {"85 05", AC, 0, IVT_ANSWER, {"85 06 01"}},
    {"85 02 01", AC, 0, IVT_ANSWER, {"85 03 01 01 00"}},
    {"59 01 01", AC, 0, IVT_ANSWER, {"59 02 01 08 'Lifeline'"}},
    {"59 03 00 01", AC, 0, IVT_ANSWER, {"59 04 01 01 00 00 01 00 00 00"}},
    {"80 02", AC, 0, IVT_ANSWER, {"80 03 5A"}},
    {"85 01 01 01", AC, 0, IVT_ANSWER, {NULL}},
    {"85 02 01", AC, 0, IVT_ANSWER, {"85 03 01 01 00 01"}},
};

const ivt_device_t ivt_lock = {
    .name = "lock",
    .generic = 0x40, /* entry control */
    .specific = 0x03, /* secure keypad door lock */
    .nif = "5E 55 98 9F 6C",
    .cfg = {.node_id = 5, .controller_id = 1, .granted = 1u << AC | 1u << S0, .flirs = 1},
    .steps = lock_steps,
    .step_count = COUNT(lock_steps),
};

/* ---- seed 000: Zooz ZEN07 ---------------------------------------------------------
 * Binary Switch V1, Switch All, Meter V3 (kWh, W, V, A), Alarm V4 (power), 10
 * Configuration V1 parameters (sizes 1 and 2; defaults from the page: 1, 300,
 * 13, 12, 1, 5, 1, 0, 150, 1), 3 groups of 5 nodes (Lifeline, Group 2, Group 3)
 * with AGI V1, Version V2. No security. */
static const uint8_t zen07_params[] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

static const ivt_step_t zen07_steps[] = {
    {"86 13 86", N, 0, IVT_ANSWER, {"86 14 86 02"}},
    {"86 13 5E", N, 0, IVT_ANSWER, {"86 14 5E 01"}},
    {"86 13 25", N, 0, IVT_ANSWER, {"86 14 25 01"}},
    {"86 13 27", N, 0, IVT_ANSWER, {"86 14 27 01"}},
    {"86 13 32", N, 0, IVT_ANSWER, {"86 14 32 03"}},
    {"86 13 59", N, 0, IVT_ANSWER, {"86 14 59 01"}},
    {"86 13 5A", N, 0, IVT_ANSWER, {"86 14 5A 01"}},
    {"86 13 70", N, 0, IVT_ANSWER, {"86 14 70 01"}},
    {"86 13 71", N, 0, IVT_ANSWER, {"86 14 71 04"}},
    {"86 13 72", N, 0, IVT_ANSWER, {"86 14 72 01"}},
    {"86 13 73", N, 0, IVT_ANSWER, {"86 14 73 01"}},
    {"86 13 85", N, 0, IVT_ANSWER, {"86 14 85 02"}},
    {"86 11", N, 0, IVT_ANSWER, {"86 12 03 04 3D 01 01 01 00"}},
    {"72 04", N, 0, IVT_ANSWER, {"72 05 02 7A 00 03 00 87"}},
    {"5E 01", N, 0, IVT_ANSWER, {"5E 02 01 05 00 07 00 07 00"}},
    {"32 03", N, 0, IVT_ANSWER, {"32 04 81 35"}},
    {"70 05 01", N, 0, IVT_ANSWER, {"70 06 01 01 01"}},
    {"70 05 02", N, 0, IVT_ANSWER, {"70 06 02 02 01 2C"}},
    {"70 05 03", N, 0, IVT_ANSWER, {"70 06 03 01 0D"}},
    {"70 05 04", N, 0, IVT_ANSWER, {"70 06 04 01 0C"}},
    {"70 05 05", N, 0, IVT_ANSWER, {"70 06 05 01 01"}},
    {"70 05 06", N, 0, IVT_ANSWER, {"70 06 06 01 05"}},
    {"70 05 07", N, 0, IVT_ANSWER, {"70 06 07 01 01"}},
    {"70 05 08", N, 0, IVT_ANSWER, {"70 06 08 01 00"}},
    {"70 05 09", N, 0, IVT_ANSWER, {"70 06 09 02 00 96"}},
    {"70 05 0A", N, 0, IVT_ANSWER, {"70 06 0A 01 01"}},
    {"71 07", N, 0, IVT_ANSWER, {"71 08 02 00 01"}},
    {"71 01 08", N, 0, IVT_ANSWER, {"71 02 08 02 00 01"}},
    {"85 05", N, 0, IVT_ANSWER, {"85 06 03"}},
    {"85 02 01", N, 0, IVT_ANSWER, {"85 03 01 05 00"}},
    {"59 01 01", N, 0, IVT_ANSWER, {"59 02 01 08 'Lifeline'"}},
    {"59 03 00 01", N, 0, IVT_ANSWER, {"59 04 01 01 00 00 01 00 00 00"}},
    {"85 02 02", N, 0, IVT_ANSWER, {"85 03 02 05 00"}},
    {"59 01 02", N, 0, IVT_ANSWER, {"59 02 02 07 'Group 2'"}},
    {"59 03 00 02", N, 0, IVT_ANSWER, {"59 04 01 02 00 20 01 00 00 00"}},
    {"85 02 03", N, 0, IVT_ANSWER, {"85 03 03 05 00"}},
    {"59 01 03", N, 0, IVT_ANSWER, {"59 02 03 07 'Group 3'"}},
    {"59 03 00 03", N, 0, IVT_ANSWER, {"59 04 01 03 00 71 08 00 00 00"}},
    {"85 01 01 01", N, 0, IVT_ANSWER, {NULL}},
    {"85 02 01", N, 0, IVT_ANSWER, {"85 03 01 05 00 01"}},
};

const ivt_device_t ivt_zen07 = {
    .name = "zen07",
    .generic = 0x10,
    .specific = 0x01,
    .nif = "5E 25 27 32 59 5A 70 71 72 73 85 86",
    .cfg = {.node_id = 7, .controller_id = 1, .listening = 1},
    .v1_params = zen07_params,
    .v1_param_count = sizeof zen07_params,
    .steps = zen07_steps,
    .step_count = COUNT(zen07_steps),
};

/* ---- seed 002: NIE n4003 ------------------------------------------------------------
 * S2 (granted Authenticated here), Supervision, Transport Service V2, Meter V5
 * (kWh, W, V, A), Configuration V4 with the page's 8 parameters: 1, 4, 5, 7, 8
 * one byte, 2, 3, 6 four bytes (config_2_4 ...), ranges and defaults from the
 * page (parameter 1: options 0..3), Alarm V8 (power), AGI V3, Association V3
 * with 2 groups of 5 (Lifeline, Basic Set), Multi Channel Association V4 (so
 * the Lifeline is set endpoint-aware), Indicator V3, Firmware Update V5. Only
 * Z-Wave Plus Info, Transport Service, Supervision and S2 are non-secure (the
 * Version Gets about them still go secure: Version itself is a secure class).
 * Parameter 1's name comes in two parts to exercise reports-to-follow. */
static const ivt_step_t n4003_steps[] = {
    {"9F 0D", AU, 0, IVT_ANSWER, {"9F 0E 20 25 32 59 5A 70 71 72 73 7A 85 86 87 8E"}},
    {"86 13 86", AU, 0, IVT_ANSWER, {"86 14 86 02"}},
    {"86 13 5E", AU, 0, IVT_ANSWER, {"86 14 5E 02"}},
    {"86 13 55", AU, 0, IVT_ANSWER, {"86 14 55 02"}},
    {"86 13 9F", AU, 0, IVT_ANSWER, {"86 14 9F 01"}},
    {"86 13 6C", AU, 0, IVT_ANSWER, {"86 14 6C 01"}},
    {"86 13 20", AU, 0, IVT_ANSWER, {"86 14 20 01"}},
    {"86 13 25", AU, 0, IVT_ANSWER, {"86 14 25 02"}},
    {"86 13 32", AU, 0, IVT_ANSWER, {"86 14 32 05"}},
    {"86 13 59", AU, 0, IVT_ANSWER, {"86 14 59 03"}},
    {"86 13 5A", AU, 0, IVT_ANSWER, {"86 14 5A 01"}},
    {"86 13 70", AU, 0, IVT_ANSWER, {"86 14 70 04"}},
    {"86 13 71", AU, 0, IVT_ANSWER, {"86 14 71 08"}},
    {"86 13 72", AU, 0, IVT_ANSWER, {"86 14 72 02"}},
    {"86 13 73", AU, 0, IVT_ANSWER, {"86 14 73 01"}},
    {"86 13 7A", AU, 0, IVT_ANSWER, {"86 14 7A 05"}},
    {"86 13 85", AU, 0, IVT_ANSWER, {"86 14 85 03"}},
    {"86 13 87", AU, 0, IVT_ANSWER, {"86 14 87 03"}},
    {"86 13 8E", AU, 0, IVT_ANSWER, {"86 14 8E 04"}},
    {"86 11", AU, 0, IVT_ANSWER, {"86 12 03 07 0D 01 02 01 00"}},
    {"72 04", AU, 0, IVT_ANSWER, {"72 05 03 2D 00 02 00 04"}},
    {"5E 01", N, 0, IVT_ANSWER, {"5E 02 02 05 00 07 00 07 00"}},
    {"32 03", AU, 0, IVT_ANSWER, {"32 04 A1 35"}},
    {"70 0E 00 00", AU, 0, IVT_ANSWER, {"70 0F 00 00 00 00 01 00"}},
    {"70 0E 00 01", AU, 0, IVT_ANSWER, {"70 0F 00 01 01 00 03 00 00 02 00"}},
    {"70 0E 00 02", AU, 0, IVT_ANSWER, {"70 0F 00 02 04 00000000 0000FFFF 00000000 00 03 00"}},
    {"70 0E 00 03", AU, 0, IVT_ANSWER, {"70 0F 00 03 04 00000000 0000FFFF 00000000 00 04 00"}},
    {"70 0E 00 04", AU, 0, IVT_ANSWER, {"70 0F 00 04 01 00 02 00 00 05 00"}},
    {"70 0E 00 05", AU, 0, IVT_ANSWER, {"70 0F 00 05 01 05 32 05 00 06 00"}},
    {"70 0E 00 06", AU, 0, IVT_ANSWER, {"70 0F 00 06 04 00000000 0000FFFF 00000005 00 07 00"}},
    {"70 0E 00 07", AU, 0, IVT_ANSWER, {"70 0F 00 07 01 01 0A 01 00 08 00"}},
    {"70 0E 00 08", AU, 0, IVT_ANSWER, {"70 0F 00 08 01 01 64 01 00 00 00"}},
    {"70 0A 00 01", AU, 0, IVT_ANSWER, {"70 0B 00 01 01 'LED '", "70 0B 00 01 00 'Indicator'"}},
    {"70 0C 00 01", AU, 0, IVT_ANSWER, {"70 0D 00 01 00 'Define LED behavior'"}},
    {"70 0A 00 02", AU, 0, IVT_ANSWER, {"70 0B 00 02 00 'Auto Turn-Off Timer'"}},
    {"70 0C 00 02", AU, 0, IVT_ANSWER, {"70 0D 00 02 00 'Timer to turn switch off'"}},
    {"70 0A 00 03", AU, 0, IVT_ANSWER, {"70 0B 00 03 00 'Auto Turn-On Timer'"}},
    {"70 0C 00 03", AU, 0, IVT_ANSWER, {"70 0D 00 03 00 'Timer to turn switch on'"}},
    {"70 0A 00 04", AU, 0, IVT_ANSWER, {"70 0B 00 04 00 'Restores state after power failure'"}},
    {"70 0C 00 04", AU, 0, IVT_ANSWER, {"70 0D 00 04 00 'Define state for device after power failure'"}},
    {"70 0A 00 05", AU, 0, IVT_ANSWER, {"70 0B 00 05 00 'Power Wattage (W) Report'"}},
    {"70 0C 00 05", AU, 0, IVT_ANSWER, {"70 0D 00 05 00 'The minium change in power (W)'"}},
    {"70 0A 00 06", AU, 0, IVT_ANSWER, {"70 0B 00 06 00 'Time Report'"}},
    {"70 0C 00 06", AU, 0, IVT_ANSWER, {"70 0D 00 06 00 'Minimum time before sending new power report'"}},
    {"70 0A 00 07", AU, 0, IVT_ANSWER, {"70 0B 00 07 00 'Current Report (A)'"}},
    {"70 0C 00 07", AU, 0, IVT_ANSWER, {"70 0D 00 07 00 'Value * 0.1A'"}},
    {"70 0A 00 08", AU, 0, IVT_ANSWER, {"70 0B 00 08 00 'Energy (KWH) Report'"}},
    {"70 0C 00 08", AU, 0, IVT_ANSWER, {"70 0D 00 08 00 'Value * 0.01 KWH'"}},
    {"71 07", AU, 0, IVT_ANSWER, {"71 08 02 00 01"}},
    {"71 01 08", AU, 0, IVT_ANSWER, {"71 02 08 02 40 01"}},
    {"85 05", AU, 0, IVT_ANSWER, {"85 06 02"}},
    {"85 02 01", AU, 0, IVT_ANSWER, {"85 03 01 05 00"}},
    {"59 01 01", AU, 0, IVT_ANSWER, {"59 02 01 08 'Lifeline'"}},
    {"59 03 00 01", AU, 0, IVT_ANSWER, {"59 04 01 01 00 00 01 00 00 00"}},
    {"85 02 02", AU, 0, IVT_ANSWER, {"85 03 02 05 00"}},
    {"59 01 02", AU, 0, IVT_ANSWER, {"59 02 02 09 'Basic Set'"}},
    {"59 03 00 02", AU, 0, IVT_ANSWER, {"59 04 01 02 00 20 01 00 00 00"}},
    {"8E 01 01 00 01 00", AU, 0, IVT_ANSWER, {NULL}},
    {"8E 02 01", AU, 0, IVT_ANSWER, {"8E 03 01 05 00 00 01 00"}},
};

const ivt_device_t ivt_n4003 = {
    .name = "n4003",
    .generic = 0x10,
    .specific = 0x01,
    .nif = "5E 55 9F 6C",
    .cfg = {.node_id = 9, .controller_id = 1, .granted = 1u << AU, .listening = 1},
    .steps = n4003_steps,
    .step_count = COUNT(n4003_steps),
};

/* ---- a sleeping sensor ------------------------------------------------------------------
 * Wake Up V2 (interval 3600 s, no destination yet; capabilities 600..86400 s,
 * default 3600, step 60), Battery, Association V2 with a Lifeline of 1 node.
 * It falls asleep while Z-Wave Plus Info is outstanding and is asked again at
 * its next wake-up. */
static const ivt_step_t sensor_steps[] = {
    {"86 13 86", N, 0, IVT_ANSWER, {"86 14 86 02"}},
    {"86 13 5E", N, 0, IVT_ANSWER, {"86 14 5E 02"}},
    {"86 13 72", N, 0, IVT_ANSWER, {"86 14 72 02"}},
    {"86 13 80", N, 0, IVT_ANSWER, {"86 14 80 01"}},
    {"86 13 84", N, 0, IVT_ANSWER, {"86 14 84 02"}},
    {"86 13 85", N, 0, IVT_ANSWER, {"86 14 85 02"}},
    {"86 11", N, 0, IVT_ANSWER, {"86 12 03 07 0C 02 00 01 00"}},
    {"72 04", N, 0, IVT_ANSWER, {"72 05 01 0F 0C 02 10 01"}},
    {"5E 01", N, 0, IVT_SLEEP, {NULL}},
    {"5E 01", N, 0, IVT_ANSWER, {"5E 02 02 06 00 0C 07 0C 07"}},
    {"85 05", N, 0, IVT_ANSWER, {"85 06 01"}},
    {"85 02 01", N, 0, IVT_ANSWER, {"85 03 01 01 00"}},
    {"84 05", N, 0, IVT_ANSWER, {"84 06 00 0E 10 00"}},
    {"84 09", N, 0, IVT_ANSWER, {"84 0A 00 02 58 01 51 80 00 0E 10 00 00 3C"}},
    {"80 02", N, 0, IVT_ANSWER, {"80 03 64"}},
    {"85 01 01 01", N, 0, IVT_ANSWER, {NULL}},
    {"85 02 01", N, 0, IVT_ANSWER, {"85 03 01 01 00 01"}},
    {"84 04 00 0E 10 01", N, 0, IVT_ANSWER, {NULL}},
    {"84 05", N, 0, IVT_ANSWER, {"84 06 00 0E 10 01"}},
};

const ivt_device_t ivt_sensor = {
    .name = "sensor",
    .generic = 0x07,
    .specific = 0x01,
    .nif = "5E 72 80 84 85 86",
    .cfg = {.node_id = 12, .controller_id = 1, .sleeping = 1, .awake = 1},
    .steps = sensor_steps,
    .step_count = COUNT(sensor_steps),
};

/* ---- a Multi Channel node --------------------------------------------------------------
 * Two end points with Binary Switch and Meter; end point 1 also has a water
 * Notification (only there: its version is asked after discovery). End point
 * reports come back from their end point. */
static const ivt_step_t mc_steps[] = {
    {"86 13 86", N, 0, IVT_ANSWER, {"86 14 86 02"}},
    {"86 13 60", N, 0, IVT_ANSWER, {"86 14 60 04"}},
    {"86 13 32", N, 0, IVT_ANSWER, {"86 14 32 03"}},
    {"86 13 25", N, 0, IVT_ANSWER, {"86 14 25 01"}},
    {"86 11", N, 0, IVT_ANSWER, {"86 12 03 07 0C 01 00 01 00"}},
    {"60 07", N, 0, IVT_ANSWER, {"60 08 00 02 00"}},
    {"60 09 01", N, 0, IVT_ANSWER, {"60 0A 01 10 01 25 32 71"}},
    {"60 09 02", N, 0, IVT_ANSWER, {"60 0A 02 10 01 25 32"}},
    {"86 13 71", N, 0, IVT_ANSWER, {"86 14 71 08"}},
    {"32 03", N, 0, IVT_ANSWER, {"32 04 81 05"}},
    {"32 03", N, 1, IVT_ANSWER, {"32 04 81 04"}},
    {"32 03", N, 2, IVT_ANSWER, {"32 04 81 01"}},
    {"71 07", N, 1, IVT_ANSWER, {"71 08 01 20"}},
    {"71 01 05", N, 1, IVT_ANSWER, {"71 02 05 01 06"}},
};

const ivt_device_t ivt_mc = {
    .name = "mc",
    .generic = 0x10,
    .specific = 0x01,
    .nif = "60 86 32 25",
    .cfg = {.node_id = 20, .controller_id = 1, .listening = 1},
    .steps = mc_steps,
    .step_count = COUNT(mc_steps),
};

/* ---- the driver ------------------------------------------------------------------------ */

size_t ivt_bytes(const char *spec, uint8_t *out, size_t cap)
{
    size_t n = 0;
    char hex[512];
    while (*spec) {
        if (*spec == '\'') { /* quoted ASCII */
            const char *end = strchr(spec + 1, '\'');
            if (!end || n + (size_t)(end - spec - 1) > cap)
                abort();
            memcpy(out + n, spec + 1, (size_t)(end - spec - 1));
            n += (size_t)(end - spec - 1);
            spec = end + 1;
            continue;
        }
        size_t h = strcspn(spec, "'");
        if (h >= sizeof hex)
            abort();
        memcpy(hex, spec, h);
        hex[h] = '\0';
        n += zt_hex(hex, out + n, cap - n);
        spec += h;
    }
    return n;
}

static void feed_answers(zwh__interview_t *iv, const ivt_step_t *s, uint64_t now, int want_last)
{
    for (size_t a = 0; a < 3 && s->answers[a]; a++) {
        uint8_t buf[300];
        size_t n = ivt_bytes(s->answers[a], buf, sizeof buf);
        bool last = a == 2 || !s->answers[a + 1];
        int rc = zwh__interview_report(iv, s->endpoint, buf, n, now);
        if (!last)
            assert_int_equal(rc, ZWH__IV_PARTIAL);
        else
            assert_int_equal(rc, want_last);
    }
}

uint32_t ivt_run(const ivt_device_t *dev, const ivt_step_t *steps, size_t n, zwh__facts_t *facts)
{
    uint8_t nif[64];
    size_t nif_len = ivt_bytes(dev->nif, nif, sizeof nif);
    zwh__facts_init(facts);
    assert_int_equal(zwh__facts_set_nif(facts, dev->generic, dev->specific, nif, nif_len), 0);
    zwh__interview_t iv;
    assert_int_equal(zwh__interview_init(&iv, &dev->cfg, facts), 0);
    if (dev->v1_param_count)
        assert_int_equal(zwh__interview_set_config_params(&iv, dev->v1_params, dev->v1_param_count), 0);
    uint64_t now = 1000;
    int last_step = 0;
    for (size_t i = 0; i < n; i++) {
        const ivt_step_t *s = &steps[i];
        zwh__iv_request_t req;
        int rc = zwh__interview_next(&iv, now, &req);
        if (rc != ZWH__IV_REQUEST)
            fail_msg("%s step %zu: next() = %d, want request %s", dev->name, i, rc, s->req);
        uint8_t want[ZWH__IV_MAX_CMD];
        size_t wn = ivt_bytes(s->req, want, sizeof want);
        if (req.len != wn || memcmp(req.cmd, want, wn) != 0) {
            char got[3 * ZWH__IV_MAX_CMD + 1] = "";
            for (size_t k = 0; k < req.len; k++)
                snprintf(got + 3 * k, 4, "%02X ", req.cmd[k]);
            fail_msg("%s step %zu: request %s, want %s", dev->name, i, got, s->req);
        }
        if (req.secclass != s->secclass || req.endpoint != s->endpoint)
            fail_msg("%s step %zu (%s): class %d ep %u, want class %d ep %u", dev->name, i, s->req, req.secclass,
                     req.endpoint, s->secclass, s->endpoint);
        /* progress moves forward and names the step the request belongs to */
        const char *name;
        int index, total;
        assert_int_equal(zwh__interview_progress(&iv, &name, &index, &total), 0);
        assert_int_equal(total, ZWH_INTERVIEW_STEP_COUNT);
        assert_int_equal(index, req.step);
        assert_true(index >= last_step);
        assert_string_equal(name, zwh__interview_step_name(index));
        last_step = index;
        assert_int_equal(req.timeout_ms, ZWH__IV_DEFAULT_TIMEOUT_MS);
        /* a second next() while the request is out gives nothing new */
        assert_int_equal(zwh__interview_next(&iv, now, &req), ZWH__IV_WAIT);

        now += 20;
        switch (s->mode) {
        case IVT_ANSWER:
            zwh__interview_sent(&iv, now);
            if (!s->answers[0]) {
                assert_int_equal(zwh__interview_deadline(&iv), UINT64_MAX); /* a Set: done when sent */
            } else {
                assert_int_equal(zwh__interview_deadline(&iv), now + req.timeout_ms);
                feed_answers(&iv, s, now, ZWH__IV_ANSWERED);
            }
            break;
        case IVT_TIMEOUT:
            zwh__interview_sent(&iv, now);
            now = zwh__interview_deadline(&iv);
            break;
        case IVT_SENDFAIL:
            zwh__interview_failed(&iv, ZWH_ENODEACK, now);
            break;
        case IVT_BAD:
            zwh__interview_sent(&iv, now);
            feed_answers(&iv, s, now, ZWH__IV_IGNORED);
            assert_int_equal(zwh__interview_next(&iv, now, &req), ZWH__IV_WAIT);
            now = zwh__interview_deadline(&iv);
            break;
        case IVT_SLEEP:
            zwh__interview_sent(&iv, now);
            zwh__interview_node_awake(&iv, false);
            assert_int_equal(zwh__interview_deadline(&iv), UINT64_MAX);
            now += 3600u * 1000u; /* an hour asleep: nothing to do, no timeout spent */
            assert_int_equal(zwh__interview_next(&iv, now, &req), ZWH__IV_WAIT);
            zwh__interview_node_awake(&iv, true);
            break;
        default:
            fail();
        }
        now += 20;
    }
    zwh__iv_request_t req;
    int rc = zwh__interview_next(&iv, now, &req);
    if (rc != ZWH__IV_DONE)
        fail_msg("%s: after the script next() = %d (request %02X %02X...)", dev->name, rc, req.cmd[0], req.cmd[1]);
    assert_true(zwh__interview_done(&iv));
    const char *name;
    int index;
    assert_int_equal(zwh__interview_progress(&iv, &name, &index, NULL), 0);
    assert_string_equal(name, "done");
    assert_int_equal(index, ZWH_INTERVIEW_STEP_COUNT);
    return zwh__interview_unknown_steps(&iv);
}
