/* Fuzz target: one article through the extractor, then merge and both
 * emitters, as `incline build` runs it. The input is the file (the seed or
 * front-matter header may come with it); articles without a date get a
 * fixed reference date. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One extractor for the whole run: its tables are read-only once built. */
static incline_extractor *extractor;

static void emit_to_null(int (*fn)(FILE *, const incline_timeline *, incline_error *),
			 const incline_timeline *tl)
{
	incline_error err;
	FILE *fp = fopen("/dev/null", "w");
	if (!fp)
		return;
	incline_error_clear(&err);
	if (fn(fp, tl, &err) != 0 && err.code == 0)
		abort();
	fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_read_opts opts = {.max_bytes = 1u << 20};
	incline_article *a = NULL;
	incline_timeline raw = {0}, merged = {0};
	incline_error err;

	incline_error_clear(&err);
	if (!extractor && incline_extract_new(&extractor, &err))
		abort();
	opts.ref_date = incline_date_from_ymd(2023, 9, 19);
	if (incline_article_parse(&a, "fuzz.txt", (const char *)data, size, &opts, &err))
		return 0;
	if (incline_extract_article(&raw, extractor, a, &err) == 0) {
		for (size_t i = 0; i < raw.n; i++)
			for (size_t j = 0; j < raw.events[i].n_evidence; j++) {
				const incline_evidence *e = &raw.events[i].evidence[j];
				if (e->start > e->end || e->end > a->base + a->len)
					abort();
			}
		incline_error_clear(&err);
		if (incline_merge(&merged, &raw, NULL, &err) == 0) {
			emit_to_null(incline_emit_json, &merged);
			emit_to_null(incline_emit_csv, &merged);
		}
	}
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	incline_article_free(a);
	return 0;
}
