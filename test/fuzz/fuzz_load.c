/* Fuzz target of the loader (load.h): any bytes either load or fail with
 * an error; what loads, written and read back, writes the same bytes
 * again; small loaded timelines also go through merge. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

/* Merge is n log n but has a real constant; keep executions fast. */
#define FUZZ_MERGE_MAX_EVENTS 64

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The timeline as JSON into a new buffer (*out, *len). */
static int emit(char **out, size_t *len, const incline_timeline *tl)
{
	FILE *fp = open_memstream(out, len);
	incline_error err;
	int rc;

	if (!fp)
		return -1;
	incline_error_clear(&err);
	rc = incline_emit_json(fp, tl, &err);
	if (fclose(fp) != 0)
		rc = -1;
	return rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_load_opts opts = { 1u << 20, 0 };
	incline_timeline tl = { 0 }, again = { 0 }, merged = { 0 };
	incline_error err;
	char *a = NULL, *b = NULL;
	size_t na = 0, nb = 0;

	incline_error_clear(&err);
	if (incline_load_buffer(&tl, "fuzz", (const char *)data, size, &opts,
				&err) != 0) {
		/* A failure always says why. */
		if (err.code == 0 || err.text[0] == '\0')
			abort();
		incline_timeline_free(&tl);
		return 0;
	}
	if (emit(&a, &na, &tl) == 0) {
		incline_error_clear(&err);
		if (incline_load_buffer(&again, "again", a, na, NULL, &err) != 0)
			abort(); /* we cannot read what we wrote */
		if (emit(&b, &nb, &again) != 0 || na != nb
		    || memcmp(a, b, na) != 0)
			abort(); /* written -> read -> written changed it */
	}
	if (tl.n <= FUZZ_MERGE_MAX_EVENTS) {
		incline_error_clear(&err);
		if (incline_merge(&merged, &tl, NULL, &err) == 0) {
			free(b);
			b = NULL;
			(void)emit(&b, &nb, &merged);
		}
	}
	free(a);
	free(b);
	incline_timeline_free(&tl);
	incline_timeline_free(&again);
	incline_timeline_free(&merged);
	return 0;
}
