/* Extraction: an article's sentences become typed, dated events, each
 * with the sentence that is its evidence. */
#ifndef INCLINE_EXTRACT_H
#define INCLINE_EXTRACT_H

#include <stdbool.h>

#include "incline/article.h"
#include "incline/error.h"
#include "incline/event.h"

typedef struct incline_extractor incline_extractor;

/* New extractor with the built-in cue and actor tables in *out (free with
 * incline_extract_free); *out = NULL on failure. One per thread. */
int incline_extract_new(incline_extractor **out, incline_error *err);
void incline_extract_free(incline_extractor *x);

/* Adds the actor aliases of a user file (one "alias<TAB>canonical" per
 * line, # comments) to the extractor's table. */
int incline_extract_load_actors(incline_extractor *x, const char *path,
				incline_error *err);

/* Whether incline_extract_article consolidates each article's events
 * (true for a new extractor). A caller that merges all it extracts
 * anyway (incline build) turns it off: merge reads the evidence, never
 * how it was grouped, so its result is the same, byte for byte, and the
 * per-article merge is not paid twice. Off, each event is one sentence's
 * account of one type, as add_to_told left it. */
void incline_extract_set_consolidate(incline_extractor *x, bool on);

/* Appends the events of article a (borrowed) to *out: one event per
 * happening the article tells, with every sentence that tells it as
 * evidence (the article's (sentence, type) accounts merged as
 * incline_merge does, with incline_merge_opts.one_article), in
 * chronological order (incline_timeline_sort). Also records a's id in
 * out->articles. Returns 0 or an INCLINE_E* code. */
int incline_extract_article(incline_timeline *out, incline_extractor *x,
			    const incline_article *a, incline_error *err);

#endif
