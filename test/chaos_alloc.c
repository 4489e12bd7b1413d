/* The failing allocator of the incline-chaos binary (main.c and the
 * library linked with -Wl,--wrap=malloc,... as test_chaos is; see the
 * Makefile). INCLINE_CHAOS_FAIL_AT=N makes the Nth allocation fail (0 or
 * unset: none); INCLINE_CHAOS_COUNT=FILE receives the number of
 * allocations made, at exit. jansson's and ICU's allocations go through it
 * too (their allocator hooks, set before main). Used by test/chaos_cli.sh:
 * the command as users run it, threads included, must exit 0 with the
 * undisturbed output or 3 "out of memory" with the old output intact. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uclean.h>

#include "wrap_alloc.h"

/* Process-wide by nature: this is the test harness's allocator, not the
 * library's state. Atomic: the pipeline's workers allocate too. */
static unsigned long chaos_calls, chaos_fail_at;

static int chaos_fail(void)
{
	unsigned long n = __atomic_add_fetch(&chaos_calls, 1, __ATOMIC_RELAXED);
	return chaos_fail_at && n == chaos_fail_at;
}

void *__wrap_malloc(size_t n)
{
	return chaos_fail() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return chaos_fail() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return chaos_fail() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return chaos_fail() ? NULL : __real_strdup(s);
}

char *__wrap_strndup(const char *s, size_t n)
{
	return chaos_fail() ? NULL : __real_strndup(s, n);
}

void __wrap_free(void *p)
{
	__real_free(p);
}

static void *U_CALLCONV icu_alloc(const void *ctx, size_t n)
{
	(void)ctx;
	return __wrap_malloc(n);
}

static void *U_CALLCONV icu_realloc(const void *ctx, void *p, size_t n)
{
	(void)ctx;
	return __wrap_realloc(p, n);
}

static void U_CALLCONV icu_free(const void *ctx, void *p)
{
	(void)ctx;
	__real_free(p);
}

static void chaos_report(void)
{
	const char *path = getenv("INCLINE_CHAOS_COUNT");
	FILE *fp;

	if (path && (fp = fopen(path, "w"))) {
		fprintf(fp, "%lu\n", __atomic_load_n(&chaos_calls, __ATOMIC_RELAXED));
		fclose(fp);
	}
}

__attribute__((constructor)) static void chaos_init(void)
{
	const char *at = getenv("INCLINE_CHAOS_FAIL_AT");
	UErrorCode st = U_ZERO_ERROR;

	chaos_fail_at = at ? strtoul(at, NULL, 10) : 0;
	json_set_alloc_funcs(__wrap_malloc, __wrap_free);
	u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &st);
	atexit(chaos_report);
}
