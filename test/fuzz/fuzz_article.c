/* Fuzz target: the article readers, through the one generic entry
 * incline_article_parse, so every input format it learns to dispatch is
 * fuzzed without touching this file. The first byte picks the file name
 * handed to the reader (extension-based dispatch sees each format); the
 * rest is the file. Asserts the parsed article is self-consistent. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Names the reader may dispatch on; unknown extensions are text. */
static const char *const fuzz_names[] = {
	"fuzz.txt", "fuzz.json", "fuzz.ndjson", "fuzz.jsonl", "fuzz.html",
	"fuzz.htm", "fuzz.csv", "fuzz.md", "fuzz", "-",
};

#define N_NAMES (sizeof fuzz_names / sizeof *fuzz_names)

static void check_article(const incline_article *a)
{
	/* The body is a span of the bytes; a violation is a reader bug. */
	if (a->body.start > a->body.end || a->body.end > a->len || !a->id)
		abort();
	if (a->published == INCLINE_DAY_NONE)
		abort(); /* a dateless article must be INCLINE_ENODATE */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_read_opts opts = {INCLINE_DAY_NONE, 0, 1u << 20};
	incline_article *a = NULL;
	incline_error err;
	int rc;

	if (size < 1)
		return 0;
	/* Bit 7 of the first byte: with or without a reference date. */
	if (data[0] & 0x80)
		opts.ref_date = incline_date_from_ymd(2023, 9, 19);
	incline_error_clear(&err);
	rc = incline_article_parse(&a, fuzz_names[(data[0] & 0x7f) % N_NAMES],
				   (const char *)data + 1, size - 1, &opts, &err);
	if (rc == 0) {
		check_article(a);
		incline_article_free(a);
	} else if (a != NULL || err.code != rc || !err.text[0]) {
		abort(); /* a failure must set *out = NULL and say why */
	}
	return 0;
}
