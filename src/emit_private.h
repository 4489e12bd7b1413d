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

/* Appends "YYYY-MM-DD"; nothing for INCLINE_DAY_NONE. */
int incline_emit_buf_add_day(incline_emit_buf *b, incline_day d);

/* Appends "N what" or "N whats" (n == 1 is singular). */
int incline_emit_buf_add_count(incline_emit_buf *b, size_t n,
			       const char *what);

/* Room for any EDTF value incline_date_format writes: two days of at most
 * ten characters and a slash, or "../" and one day. */
#define INCLINE_EMIT_EDTF_SIZE 32

/* The EDTF value of d ("2023-09", "../2023-09-20", "" when undated) in
 * out. Returns out. */
const char *incline_emit_edtf(char out[INCLINE_EMIT_EDTF_SIZE],
			      const incline_date *d);

/* true when url is an absolute http:// or https:// URL with no spaces or
 * control characters: the only URLs the HTML and Markdown views turn into
 * links (never javascript:, data:, file: or relative paths). */
bool incline_emit_url_is_web(const char *url);

/* Appends url with every byte outside RFC 3986's unreserved and reserved
 * sets (and the quote, parenthesis and angle characters that would end a
 * Markdown or HTML link) percent-encoded. */
int incline_emit_buf_add_url(incline_emit_buf *b, const char *url);

/* One string of a piece of evidence, borrowed from e (NULL when unknown):
 * what lists of distinct values (articles, outlets, links) collect. */
typedef const char *(*incline_emit_evidence_field)(const incline_evidence *e);

const char *incline_emit_evidence_article(const incline_evidence *e);
const char *incline_emit_evidence_source(const incline_evidence *e);

/* The link target for a piece of evidence: its URL, else its article id
 * when that is a web URL; NULL when there is none worth linking. */
const char *incline_emit_evidence_link(const incline_evidence *e);

/* How the views name a source: its outlet, else its article id. */
const char *incline_emit_evidence_name(const incline_evidence *e);

/* true when field(ev->evidence[i]) is set and no earlier piece of ev's
 * evidence has the same value: walking i up lists the distinct values in
 * evidence order. Quadratic, but an event has few pieces of evidence. */
bool incline_emit_evidence_is_first(const incline_event *ev, size_t i,
				    incline_emit_evidence_field field);

/* Error helpers of every emitter: fill err and return the code. */
int incline_emit_nomem(incline_error *err);
int incline_emit_write_failed(incline_error *err);

/* Writes b's bytes to fp; INCLINE_EIO (err filled) when the stream fails. */
int incline_emit_put(FILE *fp, const incline_emit_buf *b, incline_error *err);

/* Flushes fp so a full disk is reported by the emitter, not at fclose. */
int incline_emit_finish(FILE *fp, incline_error *err);

/* ---- the views for people (HTML, Markdown, TimelineJS text) ---- */

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

/* The year the views file an event under: that of the day it sorts at
 * (earliest, else latest); 0 for an undated event (sorted last). */
int incline_emit_sort_year(const incline_event *ev);

/* How one view marks up the words every view writes about an event (all
 * strings static; esc escapes article text for the view). */
typedef struct incline_emit_markup {
	incline_emit_escaper esc;
	/* Written for each flag set on the event, in this order. */
	const char *date_conflict;
	const char *claim_conflict;
	const char *hedged;
	/* The claim of an attribution event: claim_open "Claim",
	 * " about " actor_open ACTOR actor_close, " (" stance,
	 * ", by " CLAIMANT, ")" claim_close. */
	const char *claim_open;
	const char *actor_open;
	const char *actor_close;
	const char *claim_close;
} incline_emit_markup;

/* Appends m's text for each flag ev has. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_flags(incline_emit_buf *b, const incline_event *ev,
			       const incline_emit_markup *m);

/* Appends the claim of an attribution event with a stance; nothing for
 * any other event. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_claim(incline_emit_buf *b, const incline_event *ev,
			       const incline_emit_markup *m);

/* ---- jansson helpers for the JSON-based emitters ----
 * Every constructor returns a new reference, or NULL on OOM; those taking
 * a scratch buffer use it (borrowed) to repair invalid UTF-8 without an
 * allocation per string. */

/* A JSON string of s[0..len), invalid UTF-8 repaired (jansson refuses
 * invalid strings). */
json_t *incline_emit_json_strn(incline_emit_buf *scratch, const char *s,
			       size_t len);

/* The same for a NUL-terminated s; NULL s gives JSON null. */
json_t *incline_emit_json_str(incline_emit_buf *scratch, const char *s);

/* An id field (event or incident id: NUL-terminated unless it fills all
 * INCLINE_EVENT_ID_SIZE bytes) as a JSON string. */
json_t *incline_emit_json_id(incline_emit_buf *scratch,
			     const char id[INCLINE_EVENT_ID_SIZE]);

/* b's bytes as a JSON string (b must hold valid UTF-8). */
json_t *incline_emit_json_buf(const incline_emit_buf *b);

/* "YYYY-MM-DD" or null. */
json_t *incline_emit_json_day(incline_day d);

/* The EDTF value of a date, as incline_emit_edtf. */
json_t *incline_emit_json_edtf(const incline_date *d);

/* The strings of list[0..n) as an array (NULL entries as null). */
json_t *incline_emit_json_strings(incline_emit_buf *scratch,
				  char *const *list, size_t n);

/* ["date", "claim"] for the conflict flags set on ev (maybe empty). */
json_t *incline_emit_json_conflicts(const incline_event *ev);

/* Distinct non-NULL values of field over ev's evidence, in evidence
 * order, as an array of strings. */
json_t *incline_emit_json_distinct(incline_emit_buf *scratch,
				   const incline_event *ev,
				   incline_emit_evidence_field field);

/* obj[key] = value / arr += value, stealing value (even on failure);
 * false when value is NULL (an earlier OOM) or the set fails, so a chain
 * of them joined by && stops at the first failure. */
bool incline_emit_json_set(json_t *obj, const char *key, json_t *value);
bool incline_emit_json_append(json_t *arr, json_t *value);

/* The end of every builder: v (taken) when ok, else v released and NULL. */
json_t *incline_emit_json_done(json_t *v, bool ok);

/* Writes v (borrowed) with jansson's dumper and "\n". A stream error is
 * INCLINE_EIO, anything else INCLINE_ENOMEM. */
int incline_emit_json_line(FILE *fp, const json_t *v, size_t flags,
			   incline_error *err);

/* Appends v (borrowed) dumped by jansson with flags, then "\n", to b, so
 * streaming commands write each record with one fwrite. Returns 0, or
 * INCLINE_ENOMEM (out of memory, or a value jansson refuses to dump); on
 * failure b keeps what it held before the call. */
int incline_emit_buf_add_json(incline_emit_buf *b, const json_t *v,
			      size_t flags);

/* The same as incline_emit_json_line, through line (a scratch buffer reused from line to line): the
 * whole line is serialised in memory and written with one fwrite. */
int incline_emit_json_line_buf(FILE *fp, incline_emit_buf *line,
			       const json_t *v, size_t flags,
			       incline_error *err);

#endif
