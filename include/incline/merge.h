/* Merging: the same happening told by several sources becomes one event
 * holding every piece of evidence; disagreements are kept as conflicts.
 * The result depends only on the set of evidence, never on its order. */
#ifndef INCLINE_MERGE_H
#define INCLINE_MERGE_H

#include <stdbool.h>

#include "incline/error.h"
#include "incline/event.h"

typedef struct incline_merge_opts {
	/* Least share of the smaller sentence's content words that two
	 * accounts must have in common to be the same happening. */
	double min_overlap;
	/* The pile is the events of one article (incline_extract_article
	 * consolidates each article's events so). Then sentences that each
	 * date the happening in their own words, with different dates, tell
	 * different happenings (across outlets "last week" and "on May 2"
	 * may well be one day), an event takes its own sentence's date
	 * before a date carried from the sentence before, and no victim is
	 * looked for: the article's sentences share one, whoever it is.
	 * Default false. */
	bool one_article;
} incline_merge_opts;

/* Fills opts with the documented defaults. */
void incline_merge_opts_default(incline_merge_opts *opts);

/* Merges every piece of evidence of every event in `in` (borrowed, not
 * changed) into *out (must be empty; caller frees with
 * incline_timeline_free), sorted with incline_timeline_sort. opts NULL =
 * defaults. Returns 0 or INCLINE_ENOMEM (then *out is empty). */
int incline_merge(incline_timeline *out, const incline_timeline *in,
		  const incline_merge_opts *opts, incline_error *err);

/* incline_merge for a caller that is done with `in`: the strings of its
 * evidence (quotes, article ids, outlets, date words) move into *out
 * instead of being copied, so a big pile is not held twice. `in` is
 * taken: it is freed (left empty) afterwards, on failure too. */
int incline_merge_take(incline_timeline *out, incline_timeline *in,
		       const incline_merge_opts *opts, incline_error *err);

/* A merger keeps what merging builds before reading any event (word
 * tables, stemmer, the entity finder's tables) and the stems of the
 * words it met, for many small merges in a row: extraction merges each
 * article's events with one. One per thread. */
typedef struct incline_merger incline_merger;

/* New merger in *out (free with incline_merger_free); *out = NULL on
 * failure. */
int incline_merger_new(incline_merger **out, incline_error *err);
void incline_merger_free(incline_merger *m);

/* incline_merge_take through m: the same output, byte for byte. */
int incline_merger_take(incline_merger *m, incline_timeline *out,
			incline_timeline *in, const incline_merge_opts *opts,
			incline_error *err);

#endif
