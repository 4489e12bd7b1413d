/* Growable arrays: the one capacity-doubling helper the library shares. */
#ifndef INCLINE_ARRAY_H
#define INCLINE_ARRAY_H

#include <stddef.h>
#include <stdint.h>

/* Makes room for `need` elements of `size` bytes in *items (capacity
 * *cap, in elements), doubling from 8. Returns 0, or INCLINE_ENOMEM with
 * *items and *cap unchanged (also when need * size would overflow). */
int incline_array_reserve(void **items, size_t *cap, size_t need, size_t size);

/* qsort that accepts an empty array with a NULL base (qsort itself may
 * not be passed NULL, even for zero elements). */
void incline_array_sort(void *items, size_t n, size_t size,
			int (*cmp)(const void *, const void *));

/* Sorts n records of `words` uint64_t each (words 1..4) ascending by
 * their first word, then the next: a stable LSD radix sort, for arrays
 * of millions where qsort's call per comparison is most of the cost (up
 * to 48 records, an insertion sort: the same order, without the radix
 * sort's zeroed counts).
 * Callers pack their sort key into the words. Returns 0, or
 * INCLINE_ENOMEM with items unchanged (then sort with qsort). */
int incline_array_sort_u64s(uint64_t *items, size_t n, size_t words);

/* Sorts k[0..n) ascending. Meant for a handful of keys sorted millions
 * of times (a sentence's keys in merge), where qsort's setup and call
 * per comparison cost more than the sorting: insertion up to 32, qsort
 * above. */
void incline_array_sort_u32s(uint32_t *k, size_t n);

/* The qsort comparator of uint32_t values. */
int incline_array_cmp_u32(const void *pa, const void *pb);

#endif
