/* Scene Actuator Configuration CC v1 codec. The Report frame was cross-checked
 * with zwave-js 15 CommandClass.parse (it does not parse Set/Get; those follow
 * the specification: scene, duration, override bit 7, level). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void set_get_report(void **state)
{
    (void)state;
    {
        zwh_scene_actuator_conf_set_t s = {.scene_id = 5, .duration = 0, .override = 1, .level = 99};
        const uint8_t want[] = {0x2C, 0x01, 0x05, 0x00, 0x80, 0x63};
        CC_ROUND_TRIP(zwh_scene_actuator_conf_set_encode, zwh_scene_actuator_conf_set_decode,
                      zwh_scene_actuator_conf_set_t, &s, want);
        assert_int_equal(cc_back.override, 1);
        assert_int_equal(cc_back.level, 99);
        CC_TRUNCATED(zwh_scene_actuator_conf_set_decode, zwh_scene_actuator_conf_set_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "SceneActuatorConf.Set scene=5 level=99 duration=0s");
        s.override = 0;
        const uint8_t cur[] = {0x2C, 0x01, 0x05, 0x00, 0x00, 0x63};
        {
        CC_ROUND_TRIP_INTO(zwh_scene_actuator_conf_set_encode, zwh_scene_actuator_conf_set_decode, &s, cur);
        }
        cc_assert_format(cur, sizeof cur, "SceneActuatorConf.Set scene=5 level=current duration=0s");
        s.level = 100;
        CC_REFUSES(zwh_scene_actuator_conf_set_encode, &s);
        s.level = 0xFF;
        s.scene_id = 0;
        CC_REFUSES(zwh_scene_actuator_conf_set_encode, &s);
        s.scene_id = 1;
        s.override = 2;
        CC_REFUSES(zwh_scene_actuator_conf_set_encode, &s);
    }
    {
        zwh_scene_actuator_conf_get_t g = {.scene_id = 5};
        const uint8_t want[] = {0x2C, 0x02, 0x05};
        CC_ROUND_TRIP(zwh_scene_actuator_conf_get_encode, zwh_scene_actuator_conf_get_decode,
                      zwh_scene_actuator_conf_get_t, &g, want);
        cc_assert_format(want, sizeof want, "SceneActuatorConf.Get scene=5");
    }
    {
        zwh_scene_actuator_conf_report_t r = {.scene_id = 5, .level = 99, .duration = 0};
        const uint8_t want[] = {0x2C, 0x03, 0x05, 0x63, 0x00};
        CC_ROUND_TRIP(zwh_scene_actuator_conf_report_encode, zwh_scene_actuator_conf_report_decode,
                      zwh_scene_actuator_conf_report_t, &r, want);
        CC_TRUNCATED(zwh_scene_actuator_conf_report_decode, zwh_scene_actuator_conf_report_t, want, sizeof want);
        cc_assert_format(want, sizeof want, "SceneActuatorConf.Report scene=5 level=99 duration=0s");
        r.level = 0xFE;
        CC_REFUSES(zwh_scene_actuator_conf_report_encode, &r);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set_get_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
