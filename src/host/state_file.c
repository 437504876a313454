/* The default storage: one file, replaced atomically.
 *
 * A save writes a temporary file beside the target (same directory, so the
 * rename stays within one file system), fsyncs it, renames it over the target
 * and fsyncs the directory so the rename itself is durable. rename() replaces
 * atomically: a reader, or a restart after a crash at any instant, sees the
 * whole old file or the whole new one. What a crash can leave behind is the
 * temporary file, which the next load removes. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "host/state.h"
#include "zwhost/error.h"

#define TMP_TAG ".tmp-"
#define TMP_RANDOM 6 /* the XXXXXX of mkostemp */

/* Splits path into a malloc'ed directory ("." when none) and its last component. */
static int split_path(const char *path, char **dir, const char **base)
{
    const char *slash = strrchr(path, '/');
    *base = slash ? slash + 1 : path;
    if (!**base)
        return ZWH_EINVAL; /* "dir/": no file name */
    size_t n = slash ? (size_t)(slash - path) : 1;
    if (slash && n == 0)
        n = 1; /* "/name": the root */
    *dir = malloc(n + 1);
    if (!*dir)
        return ZWH_ENOMEM;
    memcpy(*dir, slash ? path : ".", n);
    (*dir)[n] = '\0';
    return 0;
}

static int write_all(int fd, const uint8_t *p, size_t len)
{
    while (len) {
        ssize_t n = write(fd, p, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        p += n;
        len -= (size_t)n;
    }
    return 0;
}

/* fsync of a directory: some file systems refuse it (EINVAL); nothing more can be done there. */
static int sync_dir(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    int rc = fsync(fd) == 0 || errno == EINVAL || errno == ENOTSUP ? 0 : -errno;
    close(fd);
    return rc;
}

int zwh__file_write_atomic(const char *path, const uint8_t *data, size_t len, char *err,
                           size_t errcap)
{
    if (!path || (!data && len)) {
        zwh__state_errf(err, errcap, "no path or data");
        return ZWH_EINVAL;
    }
    char *dir;
    const char *base;
    int rc = split_path(path, &dir, &base);
    if (rc) {
        zwh__state_errf(err, errcap, "%s: %s", path, rc == ZWH_EINVAL ? "not a file name" : zwh_strerror(rc));
        return rc;
    }
    size_t tmp_cap = strlen(dir) + strlen(base) + sizeof "/." TMP_TAG "XXXXXX";
    char *tmp = malloc(tmp_cap);
    if (!tmp) {
        free(dir);
        return ZWH_ENOMEM;
    }
    snprintf(tmp, tmp_cap, "%s/.%s" TMP_TAG "XXXXXX", dir, base);
    int fd = mkostemp(tmp, O_CLOEXEC); /* created with mode 0600 */
    if (fd < 0) {
        rc = -errno;
        zwh__state_errf(err, errcap, "%s: cannot create a temporary file in %s: %s", path, dir, strerror(-rc));
        goto out;
    }
    const char *step = "write";
    rc = fchmod(fd, S_IRUSR | S_IWUSR) == 0 ? 0 : -errno;
    if (rc == 0)
        rc = write_all(fd, data, len);
    if (rc == 0 && fsync(fd) != 0) {
        rc = -errno;
        step = "fsync";
    }
    if (close(fd) != 0 && rc == 0) {
        rc = -errno;
        step = "close";
    }
    if (rc == 0 && rename(tmp, path) != 0) {
        rc = -errno;
        step = "rename";
    }
    if (rc) {
        zwh__state_errf(err, errcap, "%s: cannot save (%s %s): %s", path, step, tmp, strerror(-rc));
        unlink(tmp);
        goto out;
    }
    rc = sync_dir(dir);
    if (rc)
        zwh__state_errf(err, errcap, "%s: saved, but syncing directory %s failed: %s", path, dir,
            strerror(-rc));
out:
    free(tmp);
    free(dir);
    return rc;
}

int zwh__file_read_all(const char *path, size_t max, uint8_t **data, size_t *len, char *err,
                       size_t errcap)
{
    *data = NULL;
    *len = 0;
    /* O_NONBLOCK: a FIFO in the file's place must not hang the open (refused below) */
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) {
        int rc = -errno;
        if (rc != ZWH_ENOENT)
            zwh__state_errf(err, errcap, "%s: cannot open: %s", path, strerror(-rc));
        return rc;
    }
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) != 0) {
        rc = -errno;
        zwh__state_errf(err, errcap, "%s: %s", path, strerror(-rc));
    } else if (!S_ISREG(st.st_mode)) {
        rc = ZWH_EINVAL;
        zwh__state_errf(err, errcap, "%s: not a regular file", path);
    } else if ((uint64_t)st.st_size > max) {
        rc = ZWH_EMSGSIZE;
        zwh__state_errf(err, errcap, "%s: %lld bytes, more than the %zu allowed", path,
            (long long)st.st_size, max);
    }
    uint8_t *buf = NULL;
    size_t want = rc ? 0 : (size_t)st.st_size, got = 0;
    if (rc == 0 && !(buf = malloc(want ? want : 1)))
        rc = ZWH_ENOMEM;
    while (rc == 0 && got < want) {
        ssize_t n = read(fd, buf + got, want - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            rc = -errno;
            zwh__state_errf(err, errcap, "%s: read failed: %s", path, strerror(-rc));
        } else if (n == 0) {
            want = got; /* shrank under us: take what is there, decode will judge */
        } else {
            got += (size_t)n;
        }
    }
    close(fd);
    if (rc) {
        free(buf);
        return rc;
    }
    *data = buf;
    *len = got;
    return 0;
}

int zwh__file_remove_leftovers(const char *path)
{
    char *dir;
    const char *base;
    if (!path || split_path(path, &dir, &base) != 0)
        return 0;
    int removed = 0;
    DIR *dp = opendir(dir);
    if (dp) {
        size_t blen = strlen(base), tlen = strlen(TMP_TAG);
        struct dirent *e;
        while ((e = readdir(dp)) != NULL) {
            const char *s = e->d_name;
            if (s[0] == '.' && strncmp(s + 1, base, blen) == 0 &&
                strncmp(s + 1 + blen, TMP_TAG, tlen) == 0 && strlen(s + 1 + blen + tlen) == TMP_RANDOM &&
                unlinkat(dirfd(dp), s, 0) == 0)
                removed++;
        }
        closedir(dp);
    }
    free(dir);
    return removed;
}

int zwh__state_save_file(const char *path, const zwh__state_t *st, char *err, size_t errcap)
{
    uint8_t *buf;
    size_t len;
    int rc = zwh__state_encode(st, &buf, &len);
    if (rc) {
        char why[160] = "";
        if (rc == ZWH_EINVAL)
            zwh__state_check(st, why, sizeof why);
        zwh__state_errf(err, errcap, "%s: cannot encode the state: %s", path ? path : "(null)",
            why[0] ? why : zwh_strerror(rc));
        return rc;
    }
    rc = zwh__file_write_atomic(path, buf, len, err, errcap);
    free(buf);
    return rc;
}

int zwh__state_load_file(const char *path, zwh__state_t **out, char *err, size_t errcap)
{
    if (!out)
        return ZWH_EINVAL;
    *out = NULL;
    if (!path) {
        zwh__state_errf(err, errcap, "no state file path");
        return ZWH_EINVAL;
    }
    zwh__file_remove_leftovers(path);
    uint8_t *buf;
    size_t len;
    int rc = zwh__file_read_all(path, ZWH__STATE_MAX_FILE, &buf, &len, err, errcap);
    if (rc == ZWH_ENOENT) {
        rc = zwh__state_new(out);
        return rc ? rc : 1;
    }
    if (rc)
        return rc;
    char why[256];
    rc = zwh__state_decode(buf, len, out, why, sizeof why);
    free(buf);
    if (rc)
        zwh__state_errf(err, errcap, "%s: %s", path, why);
    return rc;
}
