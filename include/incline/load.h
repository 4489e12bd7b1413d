/* Reading timelines back: the JSON document `incline build` writes and the
 * NDJSON streams of `incline extract` / `-f ndjson`, into the event model,
 * with every piece of evidence, so they can be merged again. */
#ifndef INCLINE_LOAD_H
#define INCLINE_LOAD_H

#include <stddef.h>

#include "incline/error.h"
#include "incline/event.h"

/* Bounds of one load; zero fields mean the limits.h defaults. */
typedef struct incline_load_opts {
	size_t max_bytes;   /* INCLINE_MAX_LOAD_BYTES */
	unsigned max_depth; /* INCLINE_MAX_LOAD_DEPTH */
} incline_load_opts;

/* Parses buf[0..len) (borrowed; need not be NUL-terminated), named `name`
 * in errors, and appends its events and article ids to *tl (borrowed,
 * the caller keeps owning it; articles already in tl are not repeated).
 *
 * The format is detected: when the first non-blank line is a JSON value
 * by itself the input is NDJSON (one record per line, blank lines
 * skipped; an empty or blank input is an empty stream), else it is one
 * JSON document. A leading UTF-8 byte order mark is skipped. A record (or the document) is a
 * timeline {"generated_from": [...], "events": [...]}, an articles record
 * {"generated_from": [...]} or one event {"type": ..., "evidence": [...]}.
 * Keys this version does not know are ignored, so newer files load; keys
 * it knows must have the documented types. Missing optional keys take
 * null/none defaults; an event without "id" gets incline_event_assign_id's;
 * evidence without "actors" (files of 0.1.0) borrows its event's actors.
 *
 * Returns 0, INCLINE_EINVAL (malformed JSON, a wrong type, a missing
 * key: err has the file, line and column of the offending value and its
 * path, e.g. "events[2].evidence[0].start"), INCLINE_ELIMIT (larger than
 * max_bytes, nested deeper than max_depth) or INCLINE_ENOMEM. On failure
 * *tl is unchanged. opts NULL = defaults. */
int incline_load_buffer(incline_timeline *tl, const char *name,
			const char *buf, size_t len,
			const incline_load_opts *opts, incline_error *err);

/* Reads path ("-" = standard input) and loads it as incline_load_buffer
 * does; an unreadable file is INCLINE_EIO. */
int incline_load_file(incline_timeline *tl, const char *path,
		      const incline_load_opts *opts, incline_error *err);

#endif
