/* The NDJSON of `incline extract` with a writer kept from article to
 * article (private to the library; incline_emit_ndjson in emit.h is the
 * one-shot form, and writes the same bytes). */
#ifndef INCLINE_EMIT_NDJSON_H
#define INCLINE_EMIT_NDJSON_H

#include "incline/error.h"
#include "incline/event.h"
#include "emit_private.h"

typedef struct incline_emit_ndjson_writer incline_emit_ndjson_writer;

/* A new writer in *out (free with incline_emit_ndjson_writer_free). Returns 0
 * or INCLINE_ENOMEM (*out = NULL). Not shared between threads. */
int incline_emit_ndjson_writer_new(incline_emit_ndjson_writer **out);
void incline_emit_ndjson_writer_free(incline_emit_ndjson_writer *w);

/* Appends the lines incline_emit_ndjson writes for tl (borrowed) to out.
 * Returns 0 or INCLINE_ENOMEM (err filled); on failure out may hold the
 * lines before the failed one. */
int incline_emit_ndjson_writer_write(incline_emit_ndjson_writer *w, incline_emit_buf *out,
				const incline_timeline *tl, incline_error *err);

#endif
