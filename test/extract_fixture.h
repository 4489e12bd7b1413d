/* The fixture the extractor suites (test_extract.c, test_extract_types.c)
 * share: one extractor for the suite, and articles dated PUB (which the
 * including file defines) made of a headline and a body. Header-only,
 * tests only. */
#ifndef INCLINE_TEST_EXTRACT_FIXTURE_H
#define INCLINE_TEST_EXTRACT_FIXTURE_H

#include <stdio.h>
#include <string.h>

#include "incline/incline.h"

static incline_extractor *extractor;

static inline int setup(void **state)
{
	(void)state;
	incline_error err;
	return incline_extract_new(&extractor, &err);
}

static inline int teardown(void **state)
{
	(void)state;
	incline_extract_free(extractor);
	return 0;
}

/* Extracts the events of one article dated PUB with this headline and
 * body text. */
static inline void extract_titled(incline_timeline *tl, const char *title, const char *text)
{
	char buf[2048];
	incline_article *a;
	incline_error err;
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	int n = snprintf(buf, sizeof buf, " date " PUB " %s\n\n%s\n", title, text);
	assert_true(n > 0 && (size_t)n < sizeof buf);
	incline_error_clear(&err);
	assert_int_equal(incline_article_parse(&a, "t.txt", buf, (size_t)n, &opts, &err), 0);
	assert_int_equal(incline_extract_article(tl, extractor, a, &err), 0);
	incline_article_free(a);
}

static inline void extract_text(incline_timeline *tl, const char *text)
{
	extract_titled(tl, "Headline", text);
}

/* The first event of the type (by name), or NULL. */
static inline const incline_event *find_type(const incline_timeline *tl, const char *type)
{
	for (size_t i = 0; i < tl->n; i++)
		if (strcmp(incline_event_type_name(tl->events[i].type), type) == 0)
			return &tl->events[i];
	return NULL;
}

#endif
