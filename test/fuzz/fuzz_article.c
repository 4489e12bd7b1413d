/* libFuzzer target for the article readers (every input format and gzip).
 * The first byte picks the format (auto, text, json, ndjson, html, csv),
 * the rest is the file. Beyond "no crash, no leak": every article's text
 * offsets must map into the file (incline_article_file_span), and the
 * view must hold the mapped bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/article.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static int skip(const incline_error *err, void *payload)
{
	(void)err;
	(void)payload;
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_read_opts o = {.ref_date = INCLINE_DAY_NONE, .max_bytes = 1u << 20};
	incline_article_list list = {0};
	incline_error err;
	const char *path = "fuzz";

	if (size < 1)
		return 0;
	o.format = (incline_input_format)(data[0] % 6);
	/* half the inputs go on past bad records, half stop at the first */
	if (data[0] & 0x80) {
		o.on_record_error = skip;
		o.ref_date = incline_date_from_ymd(2023, 9, 19);
	}
	if (data[0] & 0x40)
		path = "fuzz.gz";
	incline_error_clear(&err);
	incline_article_parse_buffer(&list, path, (const char *)data + 1, size - 1, &o, &err);
	for (size_t i = 0; i < list.n; i++) {
		const incline_article *a = list.items[i];
		incline_article view;

		incline_article_file_view(&view, a);
		for (size_t k = 0; k <= a->len; k += 1 + a->len / 64) {
			size_t s = a->base + k, e = a->base + a->len;
			incline_article_file_span(a, &s, &e);
			if (s > e || e < view.base || e - view.base > view.len || s < view.base)
				abort(); /* a span outside the bytes it must point into */
		}
	}
	incline_article_list_free(&list);
	return 0;
}
