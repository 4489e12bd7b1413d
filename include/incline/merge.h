/* Merging: the same happening told by several sources becomes one event
 * holding every piece of evidence; disagreements are kept as conflicts.
 * The result depends only on the set of evidence, never on its order. */
#ifndef INCLINE_MERGE_H
#define INCLINE_MERGE_H

#include "incline/error.h"
#include "incline/event.h"

typedef struct incline_merge_opts {
	/* Least share of the smaller sentence's content words that two
	 * accounts must have in common to be the same happening. */
	double min_overlap;
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

#endif
