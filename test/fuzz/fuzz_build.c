/* Fuzz target: `incline build` and `incline extract` over several
 * articles in one process. The input is up to MAX_ARTICLES texts split at
 * form feeds ('\f'). Two extractors and two NDJSON writers live for the
 * whole run and read the articles in opposite orders, so each carries a
 * different history (kept sentences, claim memory, merger caches, kept
 * line objects); every article's lines must still be the bytes a fresh
 * one-shot incline_emit_ndjson writes, and the same from both. Then the
 * articles' events are merged in both orders and emitted as JSON and CSV:
 * the same bytes either way (output does not depend on input order). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "emit_ndjson.h"
#include "incline/incline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARTICLES 6

/* Read-only tables once built; the history they carry is the point. */
static incline_extractor *xs[2];
static incline_emit_ndjson_writer *ws[2];

/* What fn writes for tl, in a malloc'd buffer (*len bytes); NULL when
 * the emitter fails. */
static char *emit_mem(int (*fn)(FILE *, const incline_timeline *, incline_error *),
		      const incline_timeline *tl, size_t *len)
{
	incline_error err;
	char *p = NULL;
	FILE *fp = open_memstream(&p, len);
	int rc;

	if (!fp)
		abort();
	incline_error_clear(&err);
	rc = fn(fp, tl, &err);
	if (rc != 0 && err.code == 0)
		abort();
	fclose(fp);
	if (rc) {
		free(p);
		return NULL;
	}
	return p;
}

static void same(const char *a, size_t na, const char *b, size_t nb)
{
	if (na != nb || (na && memcmp(a, b, na) != 0)) {
		fprintf(stderr, "fuzz_build: outputs differ:\n--- one\n%.*s\n--- other\n%.*s\n",
			(int)na, a, (int)nb, b);
		abort();
	}
}

/* Moves tl's articles and events to the end of all (tl is emptied). */
static void take_all(incline_timeline *all, incline_timeline *tl)
{
	for (size_t i = 0; i < tl->n_articles; i++)
		if (incline_timeline_add_article(all, tl->articles[i]))
			abort();
	for (size_t i = 0; i < tl->n; i++)
		if (incline_timeline_take(all, &tl->events[i]))
			abort();
	tl->n = 0;
}

/* Merges raw (taken) and emits it: the JSON and CSV bytes,, NULL on a merge
 * that refused (too many links). */
static void build(incline_timeline *raw, char **json, size_t *njson, char **csv,
		  size_t *ncsv)
{
	incline_timeline merged = {0};
	incline_merge_opts opts;
	incline_error err;

	incline_error_clear(&err);
	incline_merge_opts_default(&opts);
	*json = *csv = NULL;
	*njson = *ncsv = 0;
	if (incline_merge_take(&merged, raw, &opts, &err) == 0) {
		*json = emit_mem(incline_emit_json, &merged, njson);
		*csv = emit_mem(incline_emit_csv, &merged, ncsv);
	}
	incline_timeline_free(&merged);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	incline_read_opts opts = {.max_bytes = 1u << 20};
	incline_article *arts[MAX_ARTICLES] = {0};
	incline_timeline tls[2][MAX_ARTICLES];
	incline_timeline all[2] = {{0}};
	bool ok[MAX_ARTICLES] = {false};
	size_t n = 0, at = 0;
	incline_error err;

	memset(tls, 0, sizeof tls);
	incline_error_clear(&err);
	for (int k = 0; k < 2; k++) {
		if (!xs[k] && incline_extract_new(&xs[k], &err))
			abort();
		if (!ws[k] && incline_emit_ndjson_writer_new(&ws[k]))
			abort();
	}
	opts.ref_date = incline_date_from_ymd(2023, 9, 19);
	while (at <= size && n < MAX_ARTICLES) {
		const uint8_t *ff = memchr(data + at, '\f', size - at);
		size_t len = ff ? (size_t)(ff - (data + at)) : size - at;
		char name[32];

		snprintf(name, sizeof name, "a%zu.txt", n);
		if (incline_article_parse(&arts[n], name, (const char *)data + at, len, &opts,
					  &err) == 0)
			n++;
		else
			arts[n] = NULL;
		incline_error_clear(&err);
		at += len + 1;
	}
	/* extractor k reads the articles forwards (k = 0) or backwards */
	for (int k = 0; k < 2; k++)
		for (size_t j = 0; j < n; j++) {
			size_t i = k ? n - 1 - j : j;
			incline_emit_buf buf = {NULL, 0, 0};
			char *one;
			size_t none = 0;
			int rc = incline_extract_article(&tls[k][i], xs[k], arts[i], &err);

			incline_error_clear(&err);
			if (k && (rc == 0) != ok[i]) {
				fprintf(stderr, "fuzz_build: article %zu extracts in one order only\n", i);
				abort();
			}
			if (rc) {
				incline_timeline_free(&tls[k][i]);
				continue;
			}
			if (!k)
				ok[i] = true;
			incline_timeline_sort(&tls[k][i]);
			if (incline_emit_ndjson_writer_write(ws[k], &buf, &tls[k][i], &err))
				abort();
			incline_error_clear(&err);
			one = emit_mem(incline_emit_ndjson, &tls[k][i], &none);
			if (!one)
				abort();
			same(buf.data, buf.len, one, none);
			free(one);
			if (k) {
				/* the other order's lines for this article */
				char *fwd = emit_mem(incline_emit_ndjson, &tls[0][i], &none);
				if (!fwd)
					abort();
				same(buf.data, buf.len, fwd, none);
				free(fwd);
			}
			incline_emit_buf_free(&buf);
		}
	/* build: all articles' events merged, taken in both orders */
	for (int k = 0; k < 2; k++)
		for (size_t j = 0; j < n; j++) {
			size_t i = k ? n - 1 - j : j;
			if (ok[i])
				take_all(&all[k], &tls[k][i]);
		}
	{
		char *json[2], *csv[2];
		size_t njson[2], ncsv[2];

		for (int k = 0; k < 2; k++)
			build(&all[k], &json[k], &njson[k], &csv[k], &ncsv[k]);
		if ((json[0] == NULL) != (json[1] == NULL))
			abort();
		if (json[0])
			same(json[0], njson[0], json[1], njson[1]);
		if (csv[0] && csv[1])
			same(csv[0], ncsv[0], csv[1], ncsv[1]);
		for (int k = 0; k < 2; k++) {
			free(json[k]);
			free(csv[k]);
		}
	}
	for (int k = 0; k < 2; k++) {
		for (size_t i = 0; i < n; i++)
			incline_timeline_free(&tls[k][i]);
		incline_timeline_free(&all[k]);
	}
	for (size_t i = 0; i < n; i++)
		incline_article_free(arts[i]);
	return 0;
}
