/* Scene Activation CC v1 codec. Golden frames cross-checked with zwave-js 15
 * CommandClass.parse. The Hank HKZW_SO03 plug (seed 001) supports it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "zwhost/zwhost.h"
#include "cc_mgmt_check.h"

static void set(void **state)
{
    (void)state;
    {
        zwh_scene_activation_set_t s = {.scene_id = 5, .duration = 0xFF};
        const uint8_t want[] = {0x2B, 0x01, 0x05, 0xFF};
        CC_ROUND_TRIP(zwh_scene_activation_set_encode, zwh_scene_activation_set_decode, zwh_scene_activation_set_t,
                      &s, want);
        CC_TRUNCATED(zwh_scene_activation_set_decode, zwh_scene_activation_set_t, want, 3);
        cc_assert_format(want, sizeof want, "SceneActivation.Set scene=5 duration=configured");
    }
    {
        zwh_scene_activation_set_t s = {.scene_id = 255, .duration = 0x85};
        const uint8_t want[] = {0x2B, 0x01, 0xFF, 0x85};
        CC_ROUND_TRIP(zwh_scene_activation_set_encode, zwh_scene_activation_set_decode, zwh_scene_activation_set_t,
                      &s, want);
        cc_assert_format(want, sizeof want, "SceneActivation.Set scene=255 duration=6min");
        s.scene_id = 0;
        CC_REFUSES(zwh_scene_activation_set_encode, &s);
    }
    /* some old devices leave the duration out: it reads as "configured" */
    const uint8_t short_set[] = {0x2B, 0x01, 0x0A};
    zwh_scene_activation_set_t s;
    assert_int_equal(zwh_scene_activation_set_decode(short_set, sizeof short_set, &s), 0);
    assert_int_equal(s.scene_id, 10);
    assert_int_equal(s.duration, 0xFF);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
