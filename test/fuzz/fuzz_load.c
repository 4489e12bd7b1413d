/* Fuzz target of the loader (load.h): any bytes either load or fail with
 * an error; what loads, written and read back, writes the same bytes
 * again; a document loads as its one-line compact form does (which the
 * loader reads as an NDJSON record, through the whole-tree path, where a
 * document is read piece by piece); small loaded timelines also go
 * through merge. */
#include <jansson.h>

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

/* Loads data's compact one-line form when jansson reads data as an
 * object, and checks it loads the same as data (rc, and then the same
 * timeline as `want`). */
static void same_as_compact(const uint8_t *data, size_t size, int rc,
			    const char *want, size_t want_len)
{
	incline_load_opts opts = { 1u << 20, 0 };
	incline_timeline tl = { 0 };
	incline_error err;
	json_t *v = json_loadb((const char *)data, size, JSON_REJECT_DUPLICATES,
			       NULL);
	char *line = v && json_is_object(v) ? json_dumps(v, JSON_COMPACT) : NULL;
	char *got = NULL;
	size_t got_len = 0;
	int rc2;

	json_decref(v);
	if (!line)
		return;
	incline_error_clear(&err);
	rc2 = incline_load_buffer(&tl, "compact", line, strlen(line), &opts, &err);
	if ((rc == 0) != (rc2 == 0))
		abort(); /* one path accepts what the other refuses */
	if (rc == 0 && want && (emit(&got, &got_len, &tl) != 0 || got_len != want_len
				|| memcmp(got, want, want_len) != 0))
		abort(); /* the two paths read different timelines */
	free(got);
	free(line);
	incline_timeline_free(&tl);
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
		same_as_compact(data, size, err.code, NULL, 0);
		incline_timeline_free(&tl);
		return 0;
	}
	if (emit(&a, &na, &tl) == 0) {
		same_as_compact(data, size, 0, a, na);
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
