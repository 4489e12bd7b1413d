/* Helpers shared by the emitters: byte buffer, UTF-8 repair, HTML and
 * Markdown escaping, dates for people, which URLs may become links, the
 * flag and claim words of the views, and the jansson builders. One place
 * each, so every format says the same thing the same way. */
#include <ctype.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "incline/error.h"
#include "incline/text.h"
#include "emit_private.h"

void incline_emit_buf_reset(incline_emit_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void incline_emit_buf_free(incline_emit_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

int incline_emit_buf_add(incline_emit_buf *b, const char *s, size_t len)
{
	if (len >= SIZE_MAX - b->len)
		return INCLINE_ENOMEM;
	if (b->len + len + 1 > b->cap) {
		size_t want = b->cap ? b->cap : 64;
		char *p;

		while (want < b->len + len + 1) {
			if (want > SIZE_MAX / 2)
				return INCLINE_ENOMEM;
			want *= 2;
		}
		p = realloc(b->data, want);
		if (!p)
			return INCLINE_ENOMEM;
		b->data = p;
		b->cap = want;
	}
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int incline_emit_buf_add_utf8(incline_emit_buf *b, const char *s, size_t len)
{
	static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
	size_t i = 0;

	/* Valid text (nearly all of it) is copied in one piece. */
	if (incline_text_utf8_check(s, len) == len)
		return incline_emit_buf_add(b, s, len);
	while (i < len) {
		uint32_t cp;
		size_t n = incline_text_decode(&cp, s + i, len - i);
		int rc;

		/* decode reports U+FFFD both for an invalid sequence and
		 * for a real, encoded U+FFFD; only the latter is kept. */
		if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, replacement, 3) == 0))
			rc = incline_emit_buf_add(b, replacement, 3);
		else
			rc = incline_emit_buf_add(b, s + i, n);
		if (rc)
			return rc;
		i += n;
	}
	return 0;
}

/* ---- HTML and Markdown text -------------------------------------------- */

int incline_emit_buf_add_html(incline_emit_buf *b, const char *s, size_t len)
{
	incline_emit_buf clean = { NULL, 0, 0 };
	size_t i, from = 0;
	int rc = incline_emit_buf_add_utf8(&clean, s, len);

	for (i = 0; rc == 0 && i < clean.len; i++) {
		const char *ref;

		switch (clean.data[i]) {
		case '&': ref = "&amp;"; break;
		case '<': ref = "&lt;"; break;
		case '>': ref = "&gt;"; break;
		case '"': ref = "&quot;"; break;
		case '\'': ref = "&#39;"; break;
		case '\0': ref = "\xEF\xBF\xBD"; break;
		default: continue;
		}
		rc = incline_emit_buf_add(b, clean.data + from, i - from);
		if (rc == 0)
			rc = incline_emit_buf_add(b, ref, strlen(ref));
		from = i + 1;
	}
	if (rc == 0)
		rc = incline_emit_buf_add(b, clean.data ? clean.data + from : "",
					  clean.len - from);
	incline_emit_buf_free(&clean);
	return rc;
}

int incline_emit_buf_add_markdown(incline_emit_buf *b, const char *s,
				  size_t len)
{
	/* Characters that start or end inline markup anywhere (CommonMark
	 * and GFM: emphasis, code, links and images, tables, strikethrough).
	 * ( ) ! need no escape once [ ] are escaped. */
	static const char inline_special[] = "\\`*_[]|~";
	/* Characters that only mean something at the start of a line
	 * (headings, lists, setext and thematic breaks); newlines become
	 * spaces, so the start of the string is the only line start. */
	static const char line_special[] = "#+-=";
	incline_emit_buf clean = { NULL, 0, 0 };
	int rc = incline_emit_buf_add_utf8(&clean, s, len);
	size_t i = 0, digits;

	/* Leading blanks would make an indented code block. */
	while (i < clean.len && (clean.data[i] == ' ' || clean.data[i] == '\t'))
		i++;
	for (digits = i; digits < clean.len && clean.data[digits] >= '0'
	     && clean.data[digits] <= '9'; digits++)
		;
	for (size_t start = i; rc == 0 && i < clean.len; i++) {
		char c = clean.data[i];
		bool at_start = i == start;
		/* "1." or "1)" at the start is an ordered list item. */
		bool list_mark = i == digits && digits > start
				 && (c == '.' || c == ')');

		if (c == '<')
			rc = incline_emit_buf_add(b, "&lt;", 4);
		else if (c == '>')
			rc = incline_emit_buf_add(b, "&gt;", 4);
		else if (c == '&')
			rc = incline_emit_buf_add(b, "&amp;", 5);
		else if (c == '\n' || c == '\r' || c == '\t' || c == '\0')
			rc = incline_emit_buf_add(b, " ", 1);
		else if (strchr(inline_special, c) || list_mark
			 || (at_start && strchr(line_special, c)))
			rc = incline_emit_buf_add(b, "\\", 1) ? INCLINE_ENOMEM
				: incline_emit_buf_add(b, &c, 1);
		else
			rc = incline_emit_buf_add(b, &c, 1);
	}
	incline_emit_buf_free(&clean);
	return rc;
}

/* ---- dates for people --------------------------------------------------- */

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

#define EN_DASH "\xE2\x80\x93"

/* Appends s; nothing for NULL. */
static int add_str(incline_emit_buf *b, const char *s)
{
	return s ? incline_emit_buf_add(b, s, strlen(s)) : 0;
}

/* Writes into small[] and appends; every piece here is short. */
static int add_piece(incline_emit_buf *b, const char *fmt, ...)
{
	char small[128];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof small)
		return INCLINE_ENOMEM;
	return incline_emit_buf_add(b, small, (size_t)n);
}

/* [lo, hi], lo < hi, both known: the shortest exact English form. */
static int add_range(incline_emit_buf *b, incline_day lo, incline_day hi)
{
	int ay, am, ad, zy, zm, zd;
	bool whole_months;

	incline_date_to_ymd(lo, &ay, &am, &ad);
	incline_date_to_ymd(hi, &zy, &zm, &zd);
	whole_months = ad == 1 && zd == incline_date_days_in_month(zy, zm);
	if (whole_months && am == 1 && zm == 12)
		return ay == zy ? add_piece(b, "%d", ay)
				: add_piece(b, "%d" EN_DASH "%d", ay, zy);
	if (whole_months && ay == zy)
		return am == zm ? add_piece(b, "%s %d", month_names[am - 1], ay)
				: add_piece(b, "%s" EN_DASH "%s %d",
					    month_names[am - 1],
					    month_names[zm - 1], ay);
	if (whole_months)
		return add_piece(b, "%s %d " EN_DASH " %s %d",
				 month_names[am - 1], ay, month_names[zm - 1],
				 zy);
	if (ay == zy && am == zm)
		return add_piece(b, "%d" EN_DASH "%d %s %d", ad, zd,
				 month_names[am - 1], ay);
	if (ay == zy)
		return add_piece(b, "%d %s " EN_DASH " %d %s %d", ad,
				 month_names[am - 1], zd, month_names[zm - 1],
				 ay);
	return add_piece(b, "%d %s %d " EN_DASH " %d %s %d", ad,
			 month_names[am - 1], ay, zd, month_names[zm - 1], zy);
}

static int add_one_day(incline_emit_buf *b, incline_day day)
{
	int y, m, d;

	incline_date_to_ymd(day, &y, &m, &d);
	return add_piece(b, "%d %s %d", d, month_names[m - 1], y);
}

int incline_emit_buf_add_human_date(incline_emit_buf *b, const incline_date *d)
{
	incline_day lo = d->earliest, hi = d->latest;
	int rc = 0;

	if (lo == INCLINE_DAY_NONE && hi == INCLINE_DAY_NONE)
		return add_str(b, "undated");
	if ((d->flags & INCLINE_DATE_APPROX) && (rc = add_str(b, "about ")))
		return rc;
	if (lo == INCLINE_DAY_NONE)
		return add_str(b, "by ") ? INCLINE_ENOMEM : add_one_day(b, hi);
	if (hi == INCLINE_DAY_NONE)
		return add_str(b, "from ") ? INCLINE_ENOMEM : add_one_day(b, lo);
	if (lo >= hi)
		return add_one_day(b, lo);
	return add_range(b, lo, hi);
}

int incline_emit_buf_add_day(incline_emit_buf *b, incline_day d)
{
	char out[11];

	/* a day with no YYYY-MM-DD form is written as none, never as another */
	return !incline_date_day_valid(d) ? 0 : add_str(b, incline_date_format_day(out, d));
}

int incline_emit_buf_add_count(incline_emit_buf *b, size_t n,
			       const char *what)
{
	return add_piece(b, "%zu %s%s", n, what, n == 1 ? "" : "s");
}

const char *incline_emit_edtf(char out[INCLINE_EMIT_EDTF_SIZE],
			      const incline_date *d)
{
	int n = incline_date_format(out, INCLINE_EMIT_EDTF_SIZE, d);

	/* Cannot happen (see INCLINE_EMIT_EDTF_SIZE); an empty value beats
	 * a cut one. */
	if (n < 0 || n >= INCLINE_EMIT_EDTF_SIZE)
		out[0] = '\0';
	return out;
}

/* ---- links --------------------------------------------------------------- */

bool incline_emit_url_is_web(const char *url)
{
	size_t skip;

	if (!url)
		return false;
	if (strncasecmp(url, "https://", 8) == 0)
		skip = 8;
	else if (strncasecmp(url, "http://", 7) == 0)
		skip = 7;
	else
		return false;
	if (url[skip] == '\0' || url[skip] == '/')
		return false; /* no host */
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p <= ' ' || *p == 0x7F)
			return false;
	return true;
}

const char *incline_emit_evidence_article(const incline_evidence *e)
{
	return e->article;
}

const char *incline_emit_evidence_source(const incline_evidence *e)
{
	return e->source;
}

const char *incline_emit_evidence_link(const incline_evidence *e)
{
	if (incline_emit_url_is_web(e->url))
		return e->url;
	if (incline_emit_url_is_web(e->article))
		return e->article;
	return NULL;
}

const char *incline_emit_evidence_name(const incline_evidence *e)
{
	return e->source ? e->source : e->article;
}

bool incline_emit_evidence_is_first(const incline_event *ev, size_t i,
				    incline_emit_evidence_field field)
{
	const char *s = field(&ev->evidence[i]);

	if (!s)
		return false;
	for (size_t j = 0; j < i; j++) {
		const char *t = field(&ev->evidence[j]);

		if (t && strcmp(s, t) == 0)
			return false;
	}
	return true;
}

/* ---- shared by every emitter --------------------------------------------- */

int incline_emit_nomem(incline_error *err)
{
	return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
				 "out of memory writing the output");
}

int incline_emit_write_failed(incline_error *err)
{
	return incline_error_set(err, INCLINE_EIO, NULL, 0, 0,
				 "cannot write the output");
}

int incline_emit_put(FILE *fp, const incline_emit_buf *b, incline_error *err)
{
	if (b->len && fwrite(b->data, 1, b->len, fp) != b->len)
		return incline_emit_write_failed(err);
	return 0;
}

int incline_emit_finish(FILE *fp, incline_error *err)
{
	if (fflush(fp) != 0 || ferror(fp))
		return incline_emit_write_failed(err);
	return 0;
}

int incline_emit_buf_add_title(incline_emit_buf *b, const incline_timeline *tl,
			       incline_emit_escaper esc)
{
	size_t shown = 0;
	int rc = add_str(b, "Incident timeline");

	for (size_t i = 0; rc == 0 && i < tl->n_incidents && shown < 3; i++) {
		const char *name = tl->incidents[i].name;

		if (!name)
			continue;
		rc = add_str(b, shown++ ? "; " : ": ");
		if (rc == 0)
			rc = esc(b, name, strlen(name));
	}
	if (rc == 0 && shown == 3 && tl->n_incidents > 3)
		rc = add_piece(b, " and %zu more", tl->n_incidents - 3);
	return rc;
}

const char *incline_emit_type_label(incline_event_type t)
{
	/* Indexed by incline_event_type; the names are event.c's. */
	static const char *const labels[INCLINE_EVENT_TYPE_COUNT] = {
		"Intrusion", "Detection", "Response", "Recovery", "Disclosure",
		"Impact", "Attribution", "Vulnerability", "Patch", "Context",
	};

	return (unsigned)t < INCLINE_EVENT_TYPE_COUNT ? labels[t] : "Event";
}

incline_day incline_emit_anchor_day(const incline_event *ev)
{
	if (ev->when.date.earliest != INCLINE_DAY_NONE)
		return ev->when.date.earliest;
	if (ev->when.date.latest != INCLINE_DAY_NONE)
		return ev->when.date.latest;
	return ev->first_reported;
}

int incline_emit_sort_year(const incline_event *ev)
{
	incline_day day = ev->when.date.earliest != INCLINE_DAY_NONE
			  ? ev->when.date.earliest : ev->when.date.latest;
	int y, m, d;

	if (day == INCLINE_DAY_NONE)
		return 0;
	incline_date_to_ymd(day, &y, &m, &d);
	return y;
}

int incline_emit_buf_add_flags(incline_emit_buf *b, const incline_event *ev,
			       const incline_emit_markup *m)
{
	const struct {
		unsigned flag;
		const char *text;
	} flags[] = {
		{ INCLINE_EVENT_DATE_CONFLICT, m->date_conflict },
		{ INCLINE_EVENT_CLAIM_CONFLICT, m->claim_conflict },
		{ INCLINE_EVENT_HEDGED, m->hedged },
	};
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < sizeof flags / sizeof *flags; i++)
		if (ev->flags & flags[i].flag)
			rc = add_str(b, flags[i].text);
	return rc;
}

/* Appends s through esc; nothing for NULL. */
static int add_escaped(incline_emit_buf *b, const char *s,
		       incline_emit_escaper esc)
{
	return s ? esc(b, s, strlen(s)) : 0;
}

int incline_emit_buf_add_claim(incline_emit_buf *b, const incline_event *ev,
			       const incline_emit_markup *m)
{
	const incline_claim *c = &ev->claim;
	int rc;

	if (ev->type != INCLINE_EVENT_ATTRIBUTION || c->stance == INCLINE_STANCE_NONE)
		return 0;
	rc = add_str(b, m->claim_open) || add_str(b, "Claim");
	if (!rc && c->actor)
		rc = add_str(b, " about ") || add_str(b, m->actor_open)
		     || add_escaped(b, c->actor, m->esc) || add_str(b, m->actor_close);
	rc = rc || add_str(b, " (") || add_str(b, incline_stance_name(c->stance));
	if (!rc && c->claimant)
		rc = add_str(b, ", by ") || add_escaped(b, c->claimant, m->esc);
	return rc || add_str(b, ")") || add_str(b, m->claim_close) ? INCLINE_ENOMEM : 0;
}

/* ---- jansson helpers ------------------------------------------------------ */

json_t *incline_emit_json_strn(incline_emit_buf *scratch, const char *s,
			       size_t len)
{
	/* Valid text (nearly all) goes to jansson as is, through the
	 * _nocheck constructor: jansson's own check and the copy into the
	 * scratch buffer were a tenth of the NDJSON writing (callgrind). */
	if (incline_text_utf8_check(s, len) == len)
		return json_stringn_nocheck(len ? s : "", len);
	incline_emit_buf_reset(scratch);
	if (incline_emit_buf_add_utf8(scratch, s, len))
		return NULL;
	return incline_emit_json_buf(scratch);
}

json_t *incline_emit_json_str(incline_emit_buf *scratch, const char *s)
{
	return s ? incline_emit_json_strn(scratch, s, strlen(s)) : json_null();
}

json_t *incline_emit_json_id(incline_emit_buf *scratch,
			     const char id[INCLINE_EVENT_ID_SIZE])
{
	return incline_emit_json_strn(scratch, id,
				      strnlen(id, INCLINE_EVENT_ID_SIZE));
}

json_t *incline_emit_json_buf(const incline_emit_buf *b)
{
	return json_stringn_nocheck(b->data ? b->data : "", b->len);
}

json_t *incline_emit_json_day(incline_day d)
{
	char out[11];

	if (!incline_date_day_valid(d)) /* none, or no YYYY-MM-DD form */
		return json_null();
	return json_stringn_nocheck(incline_date_format_day(out, d), 10);
}

json_t *incline_emit_json_edtf(const incline_date *d)
{
	char out[INCLINE_EMIT_EDTF_SIZE];

	return json_string_nocheck(incline_emit_edtf(out, d)); /* ASCII */
}

/* Keys are string literals of this code, all ASCII: jansson need not check
 * them again for every value set. */
bool incline_emit_json_set(json_t *obj, const char *key, json_t *value)
{
	return json_object_set_new_nocheck(obj, key, value) == 0;
}

bool incline_emit_json_append(json_t *arr, json_t *value)
{
	return json_array_append_new(arr, value) == 0;
}

json_t *incline_emit_json_done(json_t *v, bool ok)
{
	if (ok)
		return v;
	json_decref(v);
	return NULL;
}

json_t *incline_emit_json_strings(incline_emit_buf *scratch,
				  char *const *list, size_t n)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = incline_emit_json_append(a, incline_emit_json_str(scratch,
								       list[i]));
	return incline_emit_json_done(a, ok);
}

json_t *incline_emit_json_conflicts(const incline_event *ev)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	if (ok && (ev->flags & INCLINE_EVENT_DATE_CONFLICT))
		ok = incline_emit_json_append(a, json_string("date"));
	if (ok && (ev->flags & INCLINE_EVENT_CLAIM_CONFLICT))
		ok = incline_emit_json_append(a, json_string("claim"));
	return incline_emit_json_done(a, ok);
}

json_t *incline_emit_json_distinct(incline_emit_buf *scratch,
				   const incline_event *ev,
				   incline_emit_evidence_field field)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < ev->n_evidence; i++)
		if (incline_emit_evidence_is_first(ev, i, field))
			ok = incline_emit_json_append(
				a, incline_emit_json_str(scratch,
							 field(&ev->evidence[i])));
	return incline_emit_json_done(a, ok);
}

int incline_emit_json_line(FILE *fp, const json_t *v, size_t flags,
			   incline_error *err)
{
	if (json_dumpf(v, fp, flags) != 0 || fputc('\n', fp) == EOF)
		return ferror(fp) ? incline_emit_write_failed(err)
				  : incline_emit_nomem(err);
	return 0;
}

/* jansson's dump callback into an incline_emit_buf. The failure is
 * sticky and checked after the dump: jansson ignores the result of the
 * callback when it writes an object's key, so a failed append there would
 * otherwise drop the key and go on (test_chaos).
 *
 * jansson calls it for every token (660k calls per MB of `incline
 * extract`), so the sink keeps the buffer's pointer, length and capacity
 * itself (b->len is brought up to date after the dump and around a
 * growth): the common call is a compare and a copy, and a failure needs
 * no test of its own there (it leaves no room: cap = n). */
typedef struct dump_sink {
	incline_emit_buf *b;
	char *data; /* b->data */
	size_t n;   /* the length so far (b->len once synced) */
	size_t cap; /* b->cap; n after a failure */
	bool failed;
} dump_sink;

/* The rare call: the buffer must grow (or has failed). Kept out of line
 * so the common call needs no saved registers. */
#if defined(__GNUC__)
__attribute__((noinline))
#endif
static int dump_grow(dump_sink *sink, const char *s, size_t len)
{
	incline_emit_buf *b = sink->b;

	if (sink->failed)
		return -1;
	b->len = sink->n;
	if (incline_emit_buf_add(b, s, len) != 0) {
		sink->failed = true;
		sink->cap = sink->n;
		return -1;
	}
	sink->data = b->data;
	sink->n = b->len;
	sink->cap = b->cap;
	return 0;
}

static int dump_to_buf(const char *s, size_t len, void *payload)
{
	dump_sink *sink = payload;

	/* room for the token and the NUL added when the line is done; no
	 * terminating NUL until then */
	if (len < sink->cap - sink->n) {
		char *d = sink->data + sink->n;
		sink->n += len;
		/* most calls are one byte: a quote, colon, comma or brace */
		if (len == 1)
			*d = *s;
		else
			memcpy(d, s, len);
		return 0;
	}
	return dump_grow(sink, s, len);
}

int incline_emit_buf_add_json(incline_emit_buf *b, const json_t *v,
			      size_t flags)
{
	size_t len = b->len;
	dump_sink sink = { b, b->data, b->len, b->cap, false };
	int rc = json_dump_callback(v, dump_to_buf, &sink, flags);

	if (!sink.failed)
		b->len = sink.n;
	if (rc != 0 || sink.failed || incline_emit_buf_add(b, "\n", 1) != 0) {
		b->len = len;
		if (b->data)
			b->data[len] = '\0';
		return INCLINE_ENOMEM;
	}
	return 0;
}

/* Why not json_dumpf: jansson hands the stream every token (each key,
 * quote, comma and run of string text) as its own fwrite, and the stdio
 * locking and bookkeeping of those calls were a fifth of `incline
 * extract` (perf, 10 MB bench corpus). */
int incline_emit_json_line_buf(FILE *fp, incline_emit_buf *line,
			       const json_t *v, size_t flags,
			       incline_error *err)
{
	incline_emit_buf_reset(line);
	if (incline_emit_buf_add_json(line, v, flags) != 0)
		return incline_emit_nomem(err);
	if (fwrite(line->data, 1, line->len, fp) != line->len)
		return incline_emit_write_failed(err);
	return 0;
}

int incline_emit_buf_add_url(incline_emit_buf *b, const char *url)
{
	static const char keep[] = "-._~:/?#[]@!$&*+,;=%";
	static const char hex[] = "0123456789ABCDEF";

	for (const unsigned char *p = (const unsigned char *)url; *p; p++) {
		char enc[3] = { '%', hex[*p >> 4], hex[*p & 15] };
		int rc = (*p < 0x80 && (isalnum(*p) || strchr(keep, *p)))
			 ? incline_emit_buf_add(b, (const char *)p, 1)
			 : incline_emit_buf_add(b, enc, 3);

		if (rc)
			return rc;
	}
	return 0;
}
