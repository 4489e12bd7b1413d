/* Fuzz harness for the date scanner (timex.h): any bytes, scanned against
 * a fixed reference date, must give expressions inside the input, in
 * order, with NUL-terminated values, and never crash or leak. */
#include <assert.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "incline/date.h"
#include "incline/timex.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_timex_list l = { 0 };
	incline_day ref = incline_date_from_ymd(2023, 9, 19);
	size_t prev = 0;

	/* Half the runs without a reference date: relative expressions drop. */
	if (incline_timex_scan(&l, (const char *)data, size, 7,
			       size % 2 ? ref : INCLINE_DAY_NONE, NULL) != 0)
		return 0; /* out of memory: a clean error is fine */
	for (size_t i = 0; i < l.n; i++) {
		const incline_timex *t = &l.items[i];
		assert(t->start >= 7 && t->start < t->end && t->end <= size + 7);
		assert(t->start >= prev);
		assert(memchr(t->value, '\0', sizeof t->value) != NULL);
		prev = t->end;
	}
	incline_timex_list_free(&l);
	return 0;
}
