/* Storage backend selection: the application's callbacks, a state file, or none. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "host/storage.h"
#include "zwhost/error.h"

void zwh__storage_init(zwh__storage_t *s)
{
    memset(s, 0, sizeof *s);
}

void zwh__storage_cleanup(zwh__storage_t *s)
{
    free(s->path);
    zwh__storage_init(s);
}

int zwh__storage_set_file(zwh__storage_t *s, const char *path)
{
    if (!s)
        return ZWH_EINVAL;
    char *copy = NULL;
    if (path && path[0] && !(copy = strdup(path)))
        return ZWH_ENOMEM;
    zwh__storage_cleanup(s);
    s->path = copy;
    return 0;
}

int zwh__storage_set_callbacks(zwh__storage_t *s, zwh_storage_load_cb load,
                               zwh_storage_save_cb save, zwh_storage_free_cb release, void *user)
{
    if (!s || !load != !save)
        return ZWH_EINVAL;
    zwh__storage_cleanup(s);
    if (load) {
        s->load = load;
        s->save = save;
        s->release = release;
        s->user = user;
    }
    return 0;
}

bool zwh__storage_enabled(const zwh__storage_t *s)
{
    return s && (s->load || s->path);
}

int zwh__storage_load(zwh__storage_t *s, zwh__state_t **out, char *err, size_t errcap)
{
    if (!s || !out)
        return ZWH_EINVAL;
    *out = NULL;
    if (s->path)
        return zwh__state_load_file(s->path, out, err, errcap);
    int rc;
    if (!s->load) {
        rc = zwh__state_new(out);
        return rc ? rc : 1;
    }
    uint8_t *data = NULL;
    size_t len = 0;
    rc = s->load(&data, &len, s->user);
    if (rc == ZWH_ENOENT) {
        rc = zwh__state_new(out);
        return rc ? rc : 1;
    }
    if (rc < 0) {
        zwh__state_errf(err, errcap, "storage load callback failed: %s (%s)", zwh_strerror(rc),
            zwh_err_name(rc));
        return rc;
    }
    if (!data && len) {
        zwh__state_errf(err, errcap, "storage load callback returned no buffer for %zu bytes", len);
        return ZWH_EINVAL;
    }
    rc = zwh__state_decode(data, len, out, err, errcap);
    if (s->release && data)
        s->release(data, s->user);
    return rc;
}

int zwh__storage_save(zwh__storage_t *s, const zwh__state_t *st, char *err, size_t errcap)
{
    if (!s || !st)
        return ZWH_EINVAL;
    if (s->path)
        return zwh__state_save_file(s->path, st, err, errcap);
    if (!s->save)
        return 0;
    uint8_t *buf;
    size_t len;
    int rc = zwh__state_encode(st, &buf, &len);
    if (rc) {
        zwh__state_errf(err, errcap, "cannot encode the state: %s", zwh_strerror(rc));
        return rc;
    }
    rc = s->save(buf, len, s->user);
    free(buf);
    if (rc < 0) {
        zwh__state_errf(err, errcap, "storage save callback failed: %s (%s)", zwh_strerror(rc),
            zwh_err_name(rc));
        return rc;
    }
    return 0;
}
