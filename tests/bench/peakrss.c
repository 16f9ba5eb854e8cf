/*
 * peakrss.c: runs a command and prints its peak resident memory in KiB on
 * stderr ("peak_rss_kib N"), for the benchmarks; needs only POSIX.
 *
 *   build/tests/peakrss sqlite3 :memory: < script.sql
 */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: peakrss command [args...]\n");
        return 2;
    }
    pid_t pid = fork();
    if (pid < 0) {
        perror("fork");
        return 2;
    }
    if (pid == 0) {
        execvp(argv[1], argv + 1);
        perror(argv[1]);
        _exit(127);
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("wait4");
        return 2;
    }
#ifdef __APPLE__
    long kib = ru.ru_maxrss / 1024; /* bytes on macOS */
#else
    long kib = ru.ru_maxrss;        /* KiB on Linux */
#endif
    fprintf(stderr, "peak_rss_kib %ld\n", kib);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
