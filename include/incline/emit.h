/* Output formats. Each only reads a finished timeline (or a list of date
 * expressions); none reads articles or extracts.
 *
 * Every emitter here: fp is borrowed (written, flushed before returning so
 * a full disk is reported here, never closed); tl and the other inputs are
 * borrowed and left unchanged; err is caller-allocated, NULL allowed.
 * Returns 0, INCLINE_ENOMEM or INCLINE_EIO (err filled). On failure fp may
 * hold part of the output: write through incline_io_write_atomic to keep
 * a file whole. Output depends only on the data: same timeline, same
 * bytes. */
#ifndef INCLINE_EMIT_H
#define INCLINE_EMIT_H

#include <stdio.h>

#include "incline/article.h"
#include "incline/error.h"
#include "incline/event.h"
#include "incline/timex.h"

/* The timeline as one JSON document:
 * {"incline": VERSION, "generated_from": [...], "events": [...]}
 * (schema/timeline.schema.json; incline_load_* reads it back). */
int incline_emit_json(FILE *fp, const incline_timeline *tl,
		      incline_error *err);

/* One event per line, same event objects as the JSON timeline, after a
 * line naming the articles read. */
int incline_emit_ndjson(FILE *fp, const incline_timeline *tl,
			incline_error *err);

/* One row per event after a header row (RFC 4180, via libcsv); cells a
 * spreadsheet would run as a formula are neutralised. */
int incline_emit_csv(FILE *fp, const incline_timeline *tl,
		     incline_error *err);

/* Knight Lab TimelineJS JSON: {"title": ..., "events": [slides]}, one
 * slide per placeable event, dates at the granularity the text allows,
 * text as escaped HTML with source links, group = event type. */
int incline_emit_timelinejs(FILE *fp, const incline_timeline *tl,
			    incline_error *err);

/* Timesketch JSONL: message, datetime (ISO 8601), timestamp,
 * timestamp_desc, then the event's fields flattened; one line per
 * placeable event. */
int incline_emit_timesketch(FILE *fp, const incline_timeline *tl,
			    incline_error *err);

/* A STIX 2.1 bundle: one incident, one report per article, attribution
 * claims as threat-actor objects with a relationship from the incident:
 * attributed-to when asserted or suspected, related-to when denied
 * (x_incline_stance, x_incline_claimant say which). Ids are UUIDv5 of the
 * content and timestamps come from the data, so output is reproducible. */
int incline_emit_stix(FILE *fp, const incline_timeline *tl,
		      incline_error *err);

/* A chronological Markdown document for people: dates at their true
 * granularity, type badges, sources linked, conflicts and hedges marked;
 * all article text escaped. */
int incline_emit_markdown(FILE *fp, const incline_timeline *tl,
			  incline_error *err);

/* The same view as one self-contained HTML file (inline CSS, no scripts,
 * no network; a Content-Security-Policy forbids both); all article text
 * escaped, only http(s) URLs become links. */
int incline_emit_html(FILE *fp, const incline_timeline *tl,
		      incline_error *err);

/* Date expressions of article a, one JSON object per line: start, end
 * (offsets into the file), text, type, value, mod, earliest, latest,
 * granularity, anchor, article. a and list are borrowed. Also returns
 * INCLINE_EINVAL when an expression lies outside the article's bytes. */
int incline_emit_timex_ndjson(FILE *fp, const incline_article *a,
			      const incline_timex_list *list,
			      incline_error *err);

#endif
