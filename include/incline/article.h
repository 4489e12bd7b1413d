/* Article readers: bytes in, articles with publication date, source and id
 * out. The text is kept byte-exact so every offset points into the file. */
#ifndef INCLINE_ARTICLE_H
#define INCLINE_ARTICLE_H

#include <stddef.h>

#include "incline/date.h"
#include "incline/error.h"
#include "incline/text.h"

/* One article. All strings are owned by the article (freed with it);
 * source, url and title may be NULL. */
typedef struct incline_article {
	char *id;        /* the path as given, or source+date+title hash */
	char *path;      /* file it came from ("-" for stdin) */
	char *source;    /* outlet, from the header; NULL when unknown */
	char *url;
	char *title;
	incline_day published; /* INCLINE_DAY_NONE when the input had none */
	char *bytes;     /* the text as on disk (not NUL-terminated) */
	size_t len;
	size_t base;     /* offset of bytes[0] in the file */
	incline_span body; /* the part to analyse (header excluded), offsets
			      into bytes */
} incline_article;

/* Articles in the order they were read. Zeroed = empty. Owned by its
 * declarer; release with incline_article_list_free. */
typedef struct incline_article_list {
	incline_article **items;
	size_t n;
	size_t cap;
} incline_article_list;

/* Options of the readers. */
typedef struct incline_read_opts {
	incline_day ref_date;  /* used when an article has no date of its
				  own; INCLINE_DAY_NONE = none */
	int ref_overrides;     /* nonzero: ref_date wins over the article's
				  own date (for `incline dates --ref-date`) */
	size_t max_bytes;      /* 0 = INCLINE_MAX_ARTICLE_BYTES */
} incline_read_opts;

/* Parses one text article from buf[0..len) (copied), named path. Accepts
 * the seed format (first line " date YYYY-MM-DD <title>"), a front-matter
 * header (--- / date: / source: / url: / title: / ---) and bare text.
 * An article without a date and no opts->ref_date is INCLINE_ENODATE.
 * On success *out is a new article (incline_article_free); on failure
 * *out = NULL and err names the file, line and column. */
int incline_article_parse(incline_article **out, const char *path,
			  const char *buf, size_t len,
			  const incline_read_opts *opts, incline_error *err);

/* Reads path ("-" = stdin) and appends its article(s) to *list. A
 * directory is walked recursively in sorted order. Returns 0 or an
 * INCLINE_E* code with err filled; articles read before the error stay in
 * the list. */
int incline_article_read(incline_article_list *list, const char *path,
			 const incline_read_opts *opts, incline_error *err);

/* Receives each article as soon as it is read and takes it (frees it with
 * incline_article_free, even when it fails). Returns 0 to go on or an
 * INCLINE_E* code to stop. */
typedef int (*incline_article_fn)(incline_article *a, void *payload,
				  incline_error *err);

/* Reads path like incline_article_read but hands each article to fn
 * instead of keeping it, so a caller that is done with one article before
 * the next holds only one in memory (streaming). Returns 0, the reader's
 * INCLINE_E* code, or fn's code as is. */
int incline_article_each(const char *path, const incline_read_opts *opts,
			 incline_article_fn fn, void *payload, incline_error *err);

void incline_article_free(incline_article *a);
void incline_article_list_free(incline_article_list *list);

#endif
