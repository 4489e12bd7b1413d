/* Growable arrays, shared by every module that collects things. */
#include <stdint.h>
#include <stdlib.h>

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
