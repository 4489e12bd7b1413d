/* Output formats. Each only reads a finished timeline (or a list of date
 * expressions); none reads articles or extracts. */
#ifndef INCLINE_EMIT_H
#define INCLINE_EMIT_H

#include <stdio.h>

#include "incline/article.h"
#include "incline/error.h"
#include "incline/event.h"
#include "incline/timex.h"

/* The timeline as one JSON document:
 * {"incline": VERSION, "generated_from": [...], "events": [...]}.
 * Returns 0, INCLINE_ENOMEM or INCLINE_EIO. */
int incline_emit_json(FILE *fp, const incline_timeline *tl,
		      incline_error *err);

/* One event per line, same event objects as the JSON timeline. */
int incline_emit_ndjson(FILE *fp, const incline_timeline *tl,
			incline_error *err);

/* One row per event after a header row (RFC 4180, via libcsv); cells a
 * spreadsheet would run as a formula are neutralised. */
int incline_emit_csv(FILE *fp, const incline_timeline *tl,
		     incline_error *err);

/* Date expressions of article a, one JSON object per line: start, end
 * (offsets into the file), text, type, value, mod, earliest, latest,
 * granularity, anchor, article. */
int incline_emit_timex_ndjson(FILE *fp, const incline_article *a,
			      const incline_timex_list *list,
			      incline_error *err);

#endif
