/* Keys file: load, create with fresh keys (0600, O_EXCL, fsync), refuse files that
 * group or others may read. Key text and bytes are wiped after use. */
#include "security/keystore.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "security/crypto.h"
#include "util/bytes.h"
#include "zwhost/error.h"

typedef struct class_name {
    int secclass;
    const char *name;
} class_name_t;

/* File order: the order a freshly created file lists the classes in. */
static const class_name_t k_names[] = {
    {ZWH_SECCLASS_S0, "S0"},
    {ZWH_SECCLASS_S2_UNAUTHENTICATED, "S2_Unauthenticated"},
    {ZWH_SECCLASS_S2_AUTHENTICATED, "S2_Authenticated"},
    {ZWH_SECCLASS_S2_ACCESS_CONTROL, "S2_AccessControl"},
    {ZWH_SECCLASS_S2_LR_AUTHENTICATED, "S2_LR_Authenticated"},
    {ZWH_SECCLASS_S2_LR_ACCESS_CONTROL, "S2_LR_AccessControl"},
};
#define N_NAMES (sizeof k_names / sizeof k_names[0])

static bool slot_ok(int c) { return c >= 0 && c < ZWH_SECCLASS_COUNT; }

const char *zwh__secclass_name(int secclass)
{
    for (size_t i = 0; i < N_NAMES; i++)
        if (k_names[i].secclass == secclass)
            return k_names[i].name;
    return NULL;
}

static void say(char *msg, size_t cap, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void say(char *msg, size_t cap, const char *fmt, ...)
{
    if (!msg || cap == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, cap, fmt, ap);
    va_end(ap);
}

zwh_keystore_t *zwh__keystore_alloc(void)
{
    return calloc(1, sizeof(zwh_keystore_t));
}

ZWH_EXTERN void zwh_keystore_free(zwh_keystore_t *ks)
{
    if (!ks)
        return;
    zwh__secure_zero(ks, sizeof *ks);
    free(ks);
}

ZWH_EXTERN uint32_t zwh_keystore_classes_get(const zwh_keystore_t *ks)
{
    return ks ? ks->present : 0;
}

const uint8_t *zwh__keystore_key(const zwh_keystore_t *ks, int secclass)
{
    if (!ks || !slot_ok(secclass) || !(ks->present & (1u << secclass)))
        return NULL;
    return ks->key[secclass];
}

int zwh__keystore_set(zwh_keystore_t *ks, int secclass, const uint8_t *key)
{
    if (!ks || !key || !zwh__secclass_name(secclass))
        return ZWH_EINVAL;
    memcpy(ks->key[secclass], key, ZWH__KEY_LEN);
    ks->present |= 1u << secclass;
    return 0;
}

/* ---- parsing ---------------------------------------------------------------- */

static bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

static int hexval(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* One non-comment line [p, end). Returns 0 or ZWH_EKEYFILE with msg. */
static int parse_line(zwh_keystore_t *ks, const char *p, const char *end, unsigned line,
                      char *msg, size_t cap)
{
    const char *name = p;
    while (p < end && !is_blank(*p))
        p++;
    size_t nlen = (size_t)(p - name);
    int cls = -1;
    for (size_t i = 0; i < N_NAMES; i++)
        if (strlen(k_names[i].name) == nlen && memcmp(k_names[i].name, name, nlen) == 0)
            cls = k_names[i].secclass;
    if (cls < 0) {
        say(msg, cap, "line %u: unknown security class (expected S0, S2_Unauthenticated, "
                      "S2_Authenticated, S2_AccessControl, S2_LR_Authenticated or S2_LR_AccessControl)",
            line);
        return ZWH_EKEYFILE;
    }
    if (ks->present & (1u << cls)) {
        say(msg, cap, "line %u: second key for %s", line, zwh__secclass_name(cls));
        return ZWH_EKEYFILE;
    }
    while (p < end && is_blank(*p))
        p++;
    uint8_t key[ZWH__KEY_LEN];
    size_t i = 0;
    for (; i < 2 * ZWH__KEY_LEN && p + i < end; i++) {
        int v = hexval(p[i]);
        if (v < 0)
            break;
        key[i / 2] = (uint8_t)(i % 2 ? key[i / 2] | v : v << 4);
    }
    p += i;
    while (p < end && is_blank(*p))
        p++;
    bool trailing_ok = p == end || *p == '#';
    if (i != 2 * ZWH__KEY_LEN || !trailing_ok) {
        zwh__secure_zero(key, sizeof key);
        say(msg, cap, "line %u: %s needs exactly 32 hexadecimal digits", line, zwh__secclass_name(cls));
        return ZWH_EKEYFILE;
    }
    memcpy(ks->key[cls], key, sizeof key);
    zwh__secure_zero(key, sizeof key);
    ks->present |= 1u << cls;
    return 0;
}

int zwh__keystore_parse(zwh_keystore_t *ks, const char *text, size_t len, char *msg, size_t cap)
{
    if (!ks || (!text && len))
        return ZWH_EINVAL;
    zwh__secure_zero(ks, sizeof *ks);
    const char *p = text, *end = text + len;
    unsigned line = 0;
    while (p < end) {
        line++;
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && is_blank(*q))
            q++;
        if (q < eol && *q != '#') {
            if (memchr(q, '\0', (size_t)(eol - q))) {
                say(msg, cap, "line %u: NUL byte", line);
                zwh__secure_zero(ks, sizeof *ks);
                return ZWH_EKEYFILE;
            }
            int rc = parse_line(ks, q, eol, line, msg, cap);
            if (rc) {
                zwh__secure_zero(ks, sizeof *ks);
                return rc;
            }
        }
        p = eol < end ? eol + 1 : end;
    }
    return 0;
}

int zwh__keystore_format(const zwh_keystore_t *ks, char *out, size_t cap)
{
    if (!ks || !out)
        return ZWH_EINVAL;
    size_t pos = 0;
    int n = snprintf(out, cap, "# zwhost network keys. Keep this file secret (mode 0600).\n");
    if (n < 0 || (size_t)n >= cap)
        return ZWH_EMSGSIZE;
    pos = (size_t)n;
    for (size_t i = 0; i < N_NAMES; i++) {
        const uint8_t *k = zwh__keystore_key(ks, k_names[i].secclass);
        if (!k)
            continue;
        size_t need = strlen(k_names[i].name) + 1 + 2 * ZWH__KEY_LEN + 1;
        if (cap - pos <= need)
            return ZWH_EMSGSIZE;
        pos += (size_t)snprintf(out + pos, cap - pos, "%s ", k_names[i].name);
        for (size_t j = 0; j < ZWH__KEY_LEN; j++)
            pos += (size_t)snprintf(out + pos, cap - pos, "%02x", k[j]);
        out[pos++] = '\n';
        out[pos] = '\0';
    }
    return (int)pos;
}

int zwh__keystore_generate(zwh_keystore_t *ks)
{
    for (size_t i = 0; i < N_NAMES; i++) {
        int c = k_names[i].secclass;
        int rc = zwh__random_bytes(ks->key[c], ZWH__KEY_LEN);
        if (rc) {
            zwh__secure_zero(ks, sizeof *ks);
            return rc;
        }
        ks->present |= 1u << c;
    }
    return 0;
}

/* ---- files ------------------------------------------------------------------ */

static int write_all(int fd, const char *buf, size_t len)
{
    while (len) {
        ssize_t n = write(fd, buf, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -errno;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Creates path exclusively with fresh keys. -EEXIST if someone else made it. */
static int create_file(const char *path, zwh_keystore_t *ks, char *msg, size_t cap)
{
    char text[512];
    int rc = zwh__keystore_generate(ks);
    if (rc) {
        say(msg, cap, "%s: no entropy for new keys: %s", path, zwh_strerror(rc));
        return rc;
    }
    int len = zwh__keystore_format(ks, text, sizeof text);
    if (len < 0)
        return len;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        rc = -errno;
        zwh__secure_zero(text, sizeof text);
        if (rc != ZWH_EEXIST)
            say(msg, cap, "%s: cannot create keys file: %s", path, strerror(-rc));
        return rc;
    }
    rc = write_all(fd, text, (size_t)len);
    zwh__secure_zero(text, sizeof text);
    if (rc == 0 && fsync(fd) != 0)
        rc = -errno;
    if (close(fd) != 0 && rc == 0)
        rc = -errno;
    if (rc) {
        say(msg, cap, "%s: cannot write keys file: %s", path, strerror(-rc));
        unlink(path);
    }
    return rc;
}

static int load_file(const char *path, zwh_keystore_t *ks, char *msg, size_t cap)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -errno;
    struct stat st;
    int rc = 0;
    if (fstat(fd, &st) != 0) {
        rc = -errno;
        say(msg, cap, "%s: %s", path, strerror(errno));
    } else if (!S_ISREG(st.st_mode)) {
        rc = ZWH_EKEYFILE;
        say(msg, cap, "%s: not a regular file", path);
    } else if (st.st_mode & (S_IRWXG | S_IRWXO)) {
        rc = ZWH_EKEYFILE_MODE;
        say(msg, cap, "%s: keys file has mode %04o and is accessible by group or others; "
                      "refusing it (run: chmod 600 %s)",
            path, (unsigned)(st.st_mode & 07777), path);
    } else if (st.st_size > ZWH__KEYFILE_MAX) {
        rc = ZWH_EKEYFILE;
        say(msg, cap, "%s: too large for a keys file", path);
    }
    if (rc) {
        close(fd);
        return rc;
    }
    char *text = malloc((size_t)st.st_size + 1);
    if (!text) {
        close(fd);
        return ZWH_ENOMEM;
    }
    size_t len = 0;
    while (len < (size_t)st.st_size) {
        ssize_t n = read(fd, text + len, (size_t)st.st_size - len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            rc = n < 0 ? -errno : 0;
            break;
        }
        len += (size_t)n;
    }
    close(fd);
    if (rc == 0) {
        rc = zwh__keystore_parse(ks, text, len, msg, cap);
        if (rc == ZWH_EKEYFILE && msg && cap) {
            /* prefix the path: "path: line N: ..." */
            char tmp[256];
            snprintf(tmp, sizeof tmp, "%s", msg);
            say(msg, cap, "%s: %s", path, tmp);
        }
    } else {
        say(msg, cap, "%s: read failed: %s", path, strerror(-rc));
    }
    zwh__secure_zero(text, len);
    free(text);
    return rc;
}

ZWH_EXTERN int zwh_keystore_new(const char *path, zwh_keystore_t **out, char *msg, size_t msgcap)
{
    if (!path || !out)
        return ZWH_EINVAL;
    if (msg && msgcap)
        msg[0] = '\0';
    zwh_keystore_t *ks = zwh__keystore_alloc();
    if (!ks)
        return ZWH_ENOMEM;
    int rc = load_file(path, ks, msg, msgcap);
    if (rc == ZWH_ENOENT) {
        rc = create_file(path, ks, msg, msgcap);
        if (rc == ZWH_EEXIST) /* created concurrently: read what the other wrote */
            rc = load_file(path, ks, msg, msgcap);
    } else if (rc < 0 && rc != ZWH_EKEYFILE && rc != ZWH_EKEYFILE_MODE && msg && msgcap && !msg[0]) {
        say(msg, msgcap, "%s: %s", path, strerror(-rc));
    }
    if (rc) {
        zwh_keystore_free(ks);
        return rc;
    }
    *out = ks;
    return 0;
}
