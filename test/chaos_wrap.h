/* The failing allocator the chaos tests share (test_chaos.c,
 * test_article_chaos.c): their binaries are linked with
 * -Wl,--wrap=malloc,... (Makefile, CHAOS_WRAP), so every call the
 * library's objects make to malloc/calloc/realloc/strdup/strndup/free lands
 * in the __wrap_* functions defined here. Include it in exactly one file
 * of a test binary. test/chaos_alloc.c is the command's own variant
 * (threads, environment variables). */
#ifndef INCLINE_TEST_CHAOS_WRAP_H
#define INCLINE_TEST_CHAOS_WRAP_H

#include <stddef.h>

#include "wrap_alloc.h"

/* The test is single-threaded; this state belongs to the test binary, not
 * the library. */
static struct {
	unsigned long calls;   /* allocations seen since chaos_arm */
	unsigned long fail_at; /* 1-based allocation to fail; 0 = none */
	int failed;            /* the failure was injected this run */
	int spare_jansson;     /* jansson's allocations never fail (parsing) */
	long live;             /* blocks from library + jansson not yet freed */
} chaos;

static void chaos_arm(unsigned long fail_at)
{
	chaos.calls = 0;
	chaos.fail_at = fail_at;
	chaos.failed = 0;
}

static int chaos_fail(void)
{
	if (++chaos.calls == chaos.fail_at) {
		chaos.failed = 1;
		return 1;
	}
	return 0;
}

static void *counted(void *p)
{
	if (p)
		chaos.live++;
	return p;
}

void *__wrap_malloc(size_t n)
{
	return chaos_fail() ? NULL : counted(__real_malloc(n));
}

void *__wrap_calloc(size_t n, size_t size)
{
	return chaos_fail() ? NULL : counted(__real_calloc(n, size));
}

void *__wrap_realloc(void *p, size_t n)
{
	void *q;
	if (chaos_fail())
		return NULL; /* p stays valid, as a real failure leaves it */
	q = __real_realloc(p, n);
	if (q && !p)
		chaos.live++;
	return q;
}

char *__wrap_strdup(const char *s)
{
	return chaos_fail() ? NULL : counted(__real_strdup(s));
}

char *__wrap_strndup(const char *s, size_t n)
{
	return chaos_fail() ? NULL : counted(__real_strndup(s, n));
}

void __wrap_free(void *p)
{
	if (p)
		chaos.live--;
	__real_free(p);
}

#endif
