/* Unit tests of array.h: the sorts give qsort's
 * order (callers rely on the bytes being the same), with keys that
 * share bytes (skipped passes), duplicates and every word count. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "array.h"

static size_t cmp_words;

static int cmp_records(const void *pa, const void *pb)
{
	const uint64_t *a = pa, *b = pb;

	for (size_t w = 0; w < cmp_words; w++)
		if (a[w] != b[w])
			return a[w] < b[w] ? -1 : 1;
	return 0;
}

/* xorshift: a fixed sequence, so a failure reproduces */
static uint64_t next(uint64_t *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 7;
	*s ^= *s << 17;
	return *s;
}

static void sorts_like_qsort(size_t n, size_t words, uint64_t mask)
{
	uint64_t *got = calloc(n * words + 1, sizeof *got);
	uint64_t *want = calloc(n * words + 1, sizeof *want);
	uint64_t s = 0x9e3779b97f4a7c15u + n + words;

	assert_non_null(got);
	assert_non_null(want);
	for (size_t i = 0; i < n * words; i++)
		got[i] = want[i] = next(&s) & mask;
	cmp_words = words;
	if (n > 1)
		qsort(want, n, words * sizeof *want, cmp_records);
	assert_int_equal(incline_array_sort_u64s(got, n, words), 0);
	assert_memory_equal(got, want, (n * words + 1) * sizeof *got);
	free(got);
	free(want);
}

static void test_sort_u64s(void **state)
{
	(void)state;
	for (size_t words = 1; words <= 4; words++) {
		sorts_like_qsort(0, words, UINT64_MAX);
		sorts_like_qsort(1, words, UINT64_MAX);
		sorts_like_qsort(1000, words, UINT64_MAX);
		/* few distinct values: duplicates and constant bytes */
		sorts_like_qsort(1000, words, 0x0300000000000001u);
		sorts_like_qsort(777, words, 0xff);
		sorts_like_qsort(500, words, 0);
		/* every size around the insertion sort's limit (48) */
		for (size_t n = 2; n <= 60; n++) {
			sorts_like_qsort(n, words, UINT64_MAX);
			sorts_like_qsort(n, words, 3);
		}
	}
	assert_int_equal(incline_array_sort_u64s(NULL, 0, 2), 0);
}

/* every size around the insertion sort's limit (32), with duplicates */
static void test_sort_u32s(void **state)
{
	uint32_t got[80] = {0}, want[80] = {0};
	uint64_t s = 42;

	(void)state;
	for (size_t n = 0; n <= 80; n++)
		for (uint32_t mask = 3; mask; mask = mask == 3 ? UINT32_MAX : 0) {
			for (size_t i = 0; i < n; i++)
				got[i] = want[i] = (uint32_t)next(&s) & mask;
			if (n > 1)
				qsort(want, n, sizeof *want, incline_array_cmp_u32);
			incline_array_sort_u32s(got, n);
			assert_memory_equal(got, want, n * sizeof *got + (n == 0));
		}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sort_u64s),
		cmocka_unit_test(test_sort_u32s),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
