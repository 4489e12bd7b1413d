/* The fixture the reader suites (test_article_{json,csv,html}.c) share:
 * the articles read, the error of the last call, and the record errors a
 * --keep-going run hands to its callback. Header-only, tests only. */
#ifndef INCLINE_TEST_ARTICLE_FIXTURE_H
#define INCLINE_TEST_ARTICLE_FIXTURE_H

#include <stdlib.h>

#include "incline/article.h"

typedef struct {
	incline_article_list list;
	incline_error err;
	incline_error seen[8]; /* record errors handed to the callback */
	int n_seen;
} fixture;

static inline int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);
	if (f)
		incline_error_clear(&f->err);
	*state = f;
	return f ? 0 : -1;
}

static inline int teardown(void **state)
{
	fixture *f = *state;
	incline_article_list_free(&f->list);
	free(f);
	return 0;
}

/* on_record_error: keeps the first eight, goes on. */
static inline int collect(const incline_error *err, void *payload)
{
	fixture *f = payload;
	if (f->n_seen < 8)
		f->seen[f->n_seen++] = *err;
	return 0;
}

#endif
