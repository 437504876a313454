#include "test_keys.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

int test_keys_write(char *path, size_t cap, const char *tag)
{
    snprintf(path, cap, "/tmp/zwh-%s-keys-%d.txt", tag, (int)getpid());
    FILE *f = fopen(path, "w");
    if (!f)
        return -1;
    fputs("S0 0102030405060708090A0B0C0D0E0F10\n"
          "S2_Unauthenticated 1112131415161718191A1B1C1D1E1F20\n"
          "S2_Authenticated 2122232425262728292A2B2C2D2E2F30\n"
          "S2_AccessControl 3132333435363738393A3B3C3D3E3F40\n",
          f);
    fclose(f);
    return chmod(path, 0600);
}
