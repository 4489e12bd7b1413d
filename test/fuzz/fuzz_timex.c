/* Fuzz target: the date-expression scanner. The first two bytes pick the
 * reference date (a day in 1900..2079, or 0xFFFF for none); the rest is
 * the text. Checks every expression lies inside the text, in order, with
 * an interval whose bounds are ordered. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_timex_list list = {0};
	incline_error err;
	incline_day ref;
	const size_t base = 7; /* offsets must carry the base */
	unsigned r;
	char *text;

	if (size < 2)
		return 0;
	r = (unsigned)data[0] << 8 | data[1];
	ref = r == 0xFFFF ? INCLINE_DAY_NONE : incline_date_from_ymd(1900, 1, 1) + (incline_day)r;
	/* An exact-size copy so ASan sees any read past the end. */
	text = malloc(size - 2 ? size - 2 : 1);
	if (!text)
		return 0;
	memcpy(text, data + 2, size - 2);
	incline_error_clear(&err);
	if (incline_timex_scan(&list, text, size - 2, base, ref, &err) == 0) {
		for (size_t i = 0; i < list.n; i++) {
			const incline_timex *t = &list.items[i];
			if (t->start < base || t->end > base + size - 2 || t->start >= t->end)
				abort();
			if (i > 0 && t->start < list.items[i - 1].start)
				abort(); /* text order */
			if (t->date.earliest != INCLINE_DAY_NONE && t->date.latest != INCLINE_DAY_NONE &&
			    t->date.earliest > t->date.latest)
				abort();
			if (memchr(t->value, '\0', sizeof t->value) == NULL)
				abort();
		}
	}
	incline_timex_list_free(&list);
	free(text);
	return 0;
}
