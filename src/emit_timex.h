/* The NDJSON of `incline dates` with a writer kept from article to article
 * (private to the library; incline_emit_timex_ndjson in emit.h is the
 * one-shot form). */
#ifndef INCLINE_EMIT_TIMEX_H
#define INCLINE_EMIT_TIMEX_H

#include "incline/article.h"
#include "incline/error.h"
#include "incline/timex.h"
#include "emit_private.h"

typedef struct incline_timex_ndjson incline_timex_ndjson;

/* A new writer in *out (free with incline_timex_ndjson_free). Returns 0
 * or INCLINE_ENOMEM (*out = NULL). Not shared between threads. */
int incline_timex_ndjson_new(incline_timex_ndjson **out);
void incline_timex_ndjson_free(incline_timex_ndjson *w);

/* Appends one line per expression of list (borrowed) found in article a
 * (borrowed; offsets are a's file offsets) to out, as
 * incline_emit_timex_ndjson writes them. Returns 0, INCLINE_ENOMEM, or
 * INCLINE_EINVAL when an expression lies outside a's bytes (err filled);
 * on failure out may hold the lines before the bad one. */
int incline_timex_ndjson_write(incline_timex_ndjson *w, incline_emit_buf *out,
			       const incline_article *a,
			       const incline_timex_list *list, incline_error *err);

#endif
