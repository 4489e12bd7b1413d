/* Helpers shared by the emit_* files only (not public API). */
#ifndef INCLINE_EMIT_PRIVATE_H
#define INCLINE_EMIT_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include <jansson.h>

#include "incline/date.h"
#include "incline/error.h"
#include "incline/event.h"

/* A growable byte string; zeroed = empty. Owned by its declarer; release
 * with incline_emit_buf_free. data is NUL-terminated once anything has
 * been added. */
typedef struct incline_emit_buf {
	char *data;
	size_t len;
	size_t cap;
} incline_emit_buf;

/* Empties b, keeping its memory for the next cell or string. */
void incline_emit_buf_reset(incline_emit_buf *b);
void incline_emit_buf_free(incline_emit_buf *b);

/* Appends s[0..len) as is. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add(incline_emit_buf *b, const char *s, size_t len);

/* Appends s[0..len) with every invalid UTF-8 sequence replaced by U+FFFD,
 * so JSON encoders and spreadsheets always get valid text (the article
 * bytes themselves are never changed). Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_utf8(incline_emit_buf *b, const char *s, size_t len);

/* Appends s[0..len) as HTML text safe in element content AND in a quoted
 * attribute value: & < > " ' become character references, invalid UTF-8
 * and NUL become U+FFFD. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_html(incline_emit_buf *b, const char *s, size_t len);

/* Appends s[0..len) as inline Markdown text that renders as exactly those
 * characters: Markdown punctuation is backslash-escaped, < > & become
 * character references (so raw HTML cannot pass through), and line breaks
 * become spaces (so a quote cannot start a heading or list). */
int incline_emit_buf_add_markdown(incline_emit_buf *b, const char *s,
				  size_t len);

/* Appends the date as a person reads it, at its true granularity:
 * "19 September 2023", "14–17 September 2023", "September 2023",
 * "July–September 2023", "2023", "by 20 September 2023",
 * "from 3 May 2023", "undated"; "about " in front when approximate. */
int incline_emit_buf_add_human_date(incline_emit_buf *b, const incline_date *d);

/* true when url is an absolute http:// or https:// URL with no spaces or
 * control characters: the only URLs the HTML and Markdown views turn into
 * links (never javascript:, data:, file: or relative paths). */
bool incline_emit_url_is_web(const char *url);

/* Appends url with every byte outside RFC 3986's unreserved and reserved
 * sets (and the quote, parenthesis and angle characters that would end a
 * Markdown or HTML link) percent-encoded. */
int incline_emit_buf_add_url(incline_emit_buf *b, const char *url);

/* The link target for a piece of evidence: its URL, else its article id
 * when that is a web URL; NULL when there is none worth linking.
 * Borrowed from e. */
const char *incline_emit_evidence_link(const incline_evidence *e);

/* Error helpers of every emitter: fill err and return the code. */
int incline_emit_nomem(incline_error *err);
int incline_emit_write_failed(incline_error *err);

/* Writes b's bytes to fp; INCLINE_EIO (err filled) when the stream fails. */
int incline_emit_put(FILE *fp, const incline_emit_buf *b, incline_error *err);

/* Flushes fp so a full disk is reported by the emitter, not at fclose. */
int incline_emit_finish(FILE *fp, incline_error *err);

/* Escapes s[0..len) for one output language (HTML, Markdown) into b. */
typedef int (*incline_emit_escaper)(incline_emit_buf *b, const char *s,
				    size_t len);

/* "Incident timeline", then ": " and the names of the timeline's
 * incidents (up to three, "; "-separated, then " and N more"), each
 * through esc. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_title(incline_emit_buf *b, const incline_timeline *tl,
			       incline_emit_escaper esc);

/* Capitalised label of an event type ("Intrusion"), for headings. */
const char *incline_emit_type_label(incline_event_type t);

/* The day an event is placed at on a time axis: its earliest day, else
 * its latest (an event known only "by" a date), else the day it was first
 * reported; INCLINE_DAY_NONE when it has none of these. */
incline_day incline_emit_anchor_day(const incline_event *ev);

/* ---- jansson helpers for the JSON-based emitters ---- */

/* A new JSON string of s (NULL: JSON null), invalid UTF-8 repaired through
 * scratch. NULL only on OOM. */
json_t *incline_emit_json_str(incline_emit_buf *scratch, const char *s);

/* "YYYY-MM-DD" or null. */
json_t *incline_emit_json_day(incline_day d);

/* The EDTF value of a date ("2023-09", "../2023-09-20"). NULL on OOM. */
json_t *incline_emit_json_edtf(const incline_date *d);

/* obj[key] = value, stealing value; false when value is NULL (an earlier
 * OOM) or the set fails. */
bool incline_emit_json_set(json_t *obj, const char *key, json_t *value);
bool incline_emit_json_append(json_t *arr, json_t *value);

/* Distinct non-NULL article ids / outlets / web links of ev's evidence, in
 * evidence order, as a new JSON array of strings. NULL on OOM. */
json_t *incline_emit_json_articles(incline_emit_buf *scratch,
				   const incline_event *ev);
json_t *incline_emit_json_outlets(incline_emit_buf *scratch,
				  const incline_event *ev);
json_t *incline_emit_json_links(incline_emit_buf *scratch,
				const incline_event *ev);

/* Writes v and "\n" (JSON_COMPACT or indented per flags). */
/* Appends v as compact JSON, the same bytes as jansson's JSON_COMPACT
 * dump, but without a callback per token (emit_compact.c). Returns 0,
 * INCLINE_ENOMEM, or INCLINE_EINVAL for a tree nested over 64 deep. */
int incline_emit_buf_add_json(incline_emit_buf *b, const json_t *v);

int incline_emit_json_line(FILE *fp, const json_t *v, size_t flags,
			   incline_error *err);

#endif
