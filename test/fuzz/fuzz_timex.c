/* Fuzz target: the date-expression scanner. The first two bytes pick the
 * reference date (a day in 1900..2079, or 0xFFFF for none); the rest is
 * the text. Checks every expression lies inside the text, in order, with
 * an interval whose bounds are ordered; and that two scanners kept from
 * input to input, one taking its fast paths (lx_fast, the parsers'
 * opening tests) and one none (tx_scanner_slow), find exactly what the
 * one-shot scan finds. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"
#include "timex_tables.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Kept for the whole run, as the workers of `extract` and `dates` keep
 * theirs: [0] fast, [1] slow. */
static incline_timex_scanner *kept[2];

static void same_list(const incline_timex_list *a, const incline_timex_list *b,
		      const char *what)
{
	bool same = a->n == b->n;

	for (size_t i = 0; same && i < a->n; i++) {
		const incline_timex *x = &a->items[i], *y = &b->items[i];
		same = x->start == y->start && x->end == y->end && x->type == y->type
		       && x->mod == y->mod && x->anchor == y->anchor
		       && x->date.earliest == y->date.earliest
		       && x->date.latest == y->date.latest && x->date.gran == y->date.gran
		       && x->date.flags == y->date.flags && strcmp(x->value, y->value) == 0;
	}
	if (!same) {
		fprintf(stderr, "fuzz_timex: %s scanner differs (%zu vs %zu expressions)\n",
			what, a->n, b->n);
		for (size_t i = 0; i < a->n || i < b->n; i++)
			fprintf(stderr, "  %zu: [%zu,%zu) %s | [%zu,%zu) %s\n", i,
				i < a->n ? a->items[i].start : 0, i < a->n ? a->items[i].end : 0,
				i < a->n ? a->items[i].value : "-",
				i < b->n ? b->items[i].start : 0, i < b->n ? b->items[i].end : 0,
				i < b->n ? b->items[i].value : "-");
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_timex_list list = {0};
	incline_error err;
	incline_day ref;
	bool ok;
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
	ok = incline_timex_scan(&list, text, size - 2, base, ref, &err) == 0;
	if (ok) {
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
	if (!kept[0] && (incline_timex_scanner_new(&kept[0], &err)
			 || incline_timex_scanner_new(&kept[1], &err)))
		abort();
	tx_scanner_slow(kept[1], true);
	for (int k = 0; k < 2; k++) {
		incline_timex_list other = {0};
		int rc;

		incline_error_clear(&err);
		rc = incline_timex_scanner_scan(kept[k], &other, text, size - 2, base, ref, &err);
		if (ok && rc == 0)
			same_list(&list, &other, k ? "slow" : "kept");
		incline_timex_list_free(&other);
	}
	incline_timex_list_free(&list);
	free(text);
	return 0;
}
