/* Error names and messages, generated from the one table in zwhost/error.h. */
#include "zwhost/error.h"

ZWH_EXTERN const char *zwh_strerror(int err)
{
    switch (err) {
    case 0: return "success";
#define ZWH_ERR_MSG_(name, value, msg) case (value): return msg;
        ZWH_ERRNO_MAP(ZWH_ERR_MSG_)
#undef ZWH_ERR_MSG_
    default: return "unknown error";
    }
}

ZWH_EXTERN const char *zwh_err_name(int err)
{
    switch (err) {
    case 0: return "ZWH_OK";
#define ZWH_ERR_NAME_(name, value, msg) case (value): return "ZWH_" #name;
        ZWH_ERRNO_MAP(ZWH_ERR_NAME_)
#undef ZWH_ERR_NAME_
    default: return "ZWH_EUNKNOWN";
    }
}

ZWH_EXTERN uint32_t zwh_version(void)
{
    return ZWH_VERSION_HEX;
}

ZWH_EXTERN const char *zwh_version_string(void)
{
    return ZWH_VERSION_STRING_;
}
