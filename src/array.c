/* Growable arrays, shared by every module that collects things. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "incline/error.h"

int incline_array_reserve(void **items, size_t *cap, size_t need, size_t size)
{
	size_t want = *cap ? *cap : 8;
	void *p;

	if (need <= *cap)
		return 0;
	while (want < need) {
		if (want > SIZE_MAX / 2)
			return INCLINE_ENOMEM;
		want *= 2;
	}
	if (want > SIZE_MAX / size)
		return INCLINE_ENOMEM;
	if (!(p = realloc(*items, want * size)))
		return INCLINE_ENOMEM;
	*items = p;
	*cap = want;
	return 0;
}

void incline_array_sort(void *items, size_t n, size_t size,
			int (*cmp)(const void *, const void *))
{
	if (n > 1)
		qsort(items, n, size, cmp);
}

/* Records at most this many are sorted by insertion: the radix sort's
 * counts (2 KB per byte of key, zeroed) cost more than that for a small
 * pile, and merge runs once per article in `incline extract`, mostly on a
 * few dozen records (the counts' calloc was 5% of extract, callgrind). */
#define SORT_U64S_SMALL 48

/* a before b (records of `words` words, first word first)? */
static bool record_less(const uint64_t *a, const uint64_t *b, size_t words)
{
	for (size_t k = 0; k < words; k++)
		if (a[k] != b[k])
			return a[k] < b[k];
	return false;
}

/* Insertion sort of n records; stable, like the radix sort (and records
 * that compare equal are equal in every word, so any order is the same
 * array). */
static void sort_u64s_small(uint64_t *items, size_t n, size_t words)
{
	uint64_t rec[4];

	for (size_t i = 1; i < n; i++) {
		size_t j = i;
		if (!record_less(items + i * words, items + (i - 1) * words, words))
			continue;
		memcpy(rec, items + i * words, words * sizeof *rec);
		do {
			memcpy(items + j * words, items + (j - 1) * words, words * sizeof *rec);
			j--;
		} while (j > 0 && record_less(rec, items + (j - 1) * words, words));
		memcpy(items + j * words, rec, words * sizeof *rec);
	}
}

int incline_array_sort_u64s(uint64_t *items, size_t n, size_t words)
{
	size_t n_digits = 8 * words, (*count)[256];
	uint64_t *tmp, *src = items, *dst, *t;

	if (n < 2 || words == 0)
		return 0;
	if (words > 4 || n > SIZE_MAX / sizeof *items / words)
		return INCLINE_ENOMEM;
	if (n <= SORT_U64S_SMALL) {
		sort_u64s_small(items, n, words);
		return 0;
	}
	count = calloc(n_digits, sizeof *count);
	tmp = count ? malloc(n * words * sizeof *tmp) : NULL;
	if (!tmp) {
		free(count);
		return INCLINE_ENOMEM;
	}
	dst = tmp;
	/* digit d: byte d % 8 of word words - 1 - d / 8 (least first) */
	for (size_t i = 0; i < n; i++)
		for (size_t w = 0; w < words; w++) {
			uint64_t v = items[i * words + w];
			size_t (*c)[256] = count + 8 * (words - 1 - w);

			for (unsigned b = 0; b < 8; b++, v >>= 8)
				c[b][v & 0xff]++;
		}
	for (size_t d = 0; d < n_digits; d++) {
		size_t w = words - 1 - d / 8, shift = 8 * (d % 8), sum = 0, c;

		if (count[d][(src[w] >> shift) & 0xff] == n)
			continue; /* one value in this byte: order unchanged */
		for (unsigned b = 0; b < 256; b++) {
			c = count[d][b];
			count[d][b] = sum;
			sum += c;
		}
		/* a copy of constant size per record length: a memcpy call
		 * per record would cost more than the pass itself */
		switch (words) {
		case 1:
			for (size_t i = 0; i < n; i++)
				dst[count[d][(src[i] >> shift) & 0xff]++] = src[i];
			break;
		case 2:
			for (size_t i = 0; i < n; i++) {
				const uint64_t *r = src + 2 * i;
				uint64_t *o = dst + 2 * count[d][(r[w] >> shift)
								 & 0xff]++;

				o[0] = r[0];
				o[1] = r[1];
			}
			break;
		default:
			for (size_t i = 0; i < n; i++) {
				const uint64_t *r = src + i * words;
				uint64_t *o = dst + words * count[d][(r[w] >> shift)
								     & 0xff]++;

				for (size_t k = 0; k < words; k++)
					o[k] = r[k];
			}
		}
		t = src;
		src = dst;
		dst = t;
	}
	if (src != items)
		memcpy(items, src, n * words * sizeof *items);
	free(tmp);
	free(count);
	return 0;
}

int incline_array_cmp_u32(const void *pa, const void *pb)
{
	uint32_t a = *(const uint32_t *)pa, b = *(const uint32_t *)pb;

	return (a > b) - (a < b);
}

void incline_array_sort_u32s(uint32_t *k, size_t n)
{
	if (n > 32) {
		qsort(k, n, sizeof *k, incline_array_cmp_u32);
		return;
	}
	for (size_t i = 1; i < n; i++) {
		uint32_t v = k[i];
		size_t j = i;

		for (; j > 0 && k[j - 1] > v; j--)
			k[j] = k[j - 1];
		k[j] = v;
	}
}
