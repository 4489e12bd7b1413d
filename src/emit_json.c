/* The JSON outputs: the timeline document and NDJSON events (the NDJSON
 * of date expressions is emit_timex.c). Built with jansson, never by
 * hand, so quoting is always right.
 *
 * Byte-determinism: jansson (>= 2.8) keeps object keys in insertion order,
 * so the key order below IS the documented order; no JSON_SORT_KEYS. The
 * timeline is pretty-printed with JSON_INDENT(2), NDJSON lines with
 * JSON_COMPACT; JSON_ENSURE_ASCII is off (UTF-8 out). Every document and
 * line ends with "\n".
 *
 * Event object, keys in this order:
 *   id, type, incident (when merge grouped it), date{...}, summary,
 *   actors[],
 *   attribution{actor, claimant, stance}   (type "attribution" only)
 *   conflict["date"?, "claim"?]            (only when flagged)
 *   hedged: true                           (only when flagged)
 *   first_reported, sources, evidence[]
 * Date object: earliest, latest, granularity, value (EDTF), text, basis,
 *   then article/start/end when the date has a span; evidence dates add
 *   timex (the TIMEX3 value) when known.
 * Evidence object: article, source, url (only when known), published,
 *   start, end, text, date,
 *   attribution (only with a stance), hedged (only when flagged), about
 *   {start, end} (only when it names a sentence again, event.h), actors
 *   (the evidence's own; for an event with one evidence whose list is
 *   empty, the event's, as merge reads them: see event.h). The actors came
 *   last, after the first release, so older readers see what they knew.
 * NDJSON: first a line {"incline": VERSION, "generated_from": [...]}
 *   naming the articles read (also those that told no event; none when
 *   there are none), then one event object per line. Readers tell the two
 *   apart by "evidence"; any number of article lines may come, anywhere
 *   (concatenated streams).
 * The timeline ends with incidents[] when merge grouped events: id, name,
 *   entities[], earliest, latest, events[] (ids). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"
#include "emit_ndjson.h"

#define SET incline_emit_json_set
#define APPEND incline_emit_json_append

/* Strings recently made, for reuse (see memo_str). */
#define JSON_MEMO_SLOTS 16

/* Scratch shared by every string of one emit call, so repairing text does
 * not allocate per string. */
typedef struct memo_slot {
	json_t *v;     /* owned reference, NULL = free */
	const char *s; /* v's bytes (owned by v) */
	size_t len;
} memo_slot;

/* Days recently formatted (see put_day), by day number modulo this. */
#define JSON_DAY_SLOTS 8

typedef struct day_slot {
	incline_day day;
	bool used, valid;
	char text[11]; /* "YYYY-MM-DD" when valid */
} day_slot;

/* Event line objects kept for the next lines (see event_line). */
#define JSON_SHAPE_SLOTS 8

typedef struct shape_slot {
	unsigned shape; /* event_shape of obj's events */
	json_t *obj;    /* owned, NULL = free */
} shape_slot;

typedef struct json_ctx {
	incline_emit_buf buf;
	memo_slot memo[JSON_MEMO_SLOTS];
	size_t memo_next; /* the slot to replace next */
	shape_slot shapes[JSON_SHAPE_SLOTS];
	size_t shape_next;
	bool fresh;       /* filling new objects (see fill_event) */
	day_slot days[JSON_DAY_SLOTS];
	incline_date edtf_date; /* the date of edtf, when edtf[0] */
	char edtf[INCLINE_EMIT_EDTF_SIZE];
} json_ctx;

static void ctx_free(json_ctx *ctx)
{
	incline_emit_buf_free(&ctx->buf);
	for (size_t i = 0; i < JSON_MEMO_SLOTS; i++)
		json_decref(ctx->memo[i].v);
	for (size_t i = 0; i < JSON_SHAPE_SLOTS; i++)
		json_decref(ctx->shapes[i].obj);
}

/* A JSON string of s[0..len), shared with an equal one made shortly
 * before. An event line repeats most of its strings (the article id
 * three times, the sentence as summary and as evidence text, the same
 * days, names and outlet), and making, copying and freeing each anew was
 * a quarter of writing NDJSON (callgrind). A hit compares bytes: a string
 * repaired from invalid UTF-8 differs from its source and is simply made
 * again. */
static json_t *memo_str(json_ctx *ctx, const char *s, size_t len)
{
	memo_slot *m;
	json_t *v;

	for (size_t i = 0; i < JSON_MEMO_SLOTS; i++) {
		m = &ctx->memo[i];
		if (m->v && m->len == len && memcmp(m->s, s, len) == 0)
			return json_incref(m->v);
	}
	if (!(v = incline_emit_json_strn(&ctx->buf, s, len)))
		return NULL;
	m = &ctx->memo[ctx->memo_next];
	json_decref(m->v);
	*m = (memo_slot){ json_incref(v), json_string_value(v), json_string_length(v) };
	ctx->memo_next = (ctx->memo_next + 1) % JSON_MEMO_SLOTS;
	return v;
}

static json_t *str_or_null(json_ctx *ctx, const char *s)
{
	return s ? memo_str(ctx, s, strlen(s)) : json_null();
}

static json_t *size_int(size_t n)
{
	return json_integer((json_int_t)n);
}

static json_t *strings_array(json_ctx *ctx, char *const *list, size_t n)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < n; i++)
		ok = APPEND(a, str_or_null(ctx, list[i]));
	return incline_emit_json_done(a, ok);
}

/* ---- the event object, made new or refreshed in place ----
 *
 * NDJSON writes one event per line, and most lines of an article have
 * the same keys. Making every object, key, string and number anew and
 * freeing them after the line was a fifth of `incline extract`
 * (callgrind), so the NDJSON writer keeps the objects of the last lines of
 * each shape (the keys present, see event_shape) and refreshes them: each
 * put_* below changes a value only when it differs. In refresh mode every
 * key is already there (the shape says which are), so the key order stays
 * the one a new object gets; in fresh mode (ctx->fresh) the same calls
 * add the keys in that order. */

/* Where a fill_* function is in the object it fills: in refresh mode,
 * an iterator over its keys, which come in the order the fill_* calls
 * come (jansson keeps insertion order), so each value is found and
 * replaced in O(1), without hashing its key again. */
typedef struct cursor {
	json_t *o;
	void *it; /* refresh mode: the key to fill next */
} cursor;

static cursor cursor_of(const json_ctx *ctx, json_t *o)
{
	return (cursor){ o, ctx->fresh || !o ? NULL : json_object_iter(o) };
}

/* The value at key (refresh mode; NULL in fresh mode). */
static json_t *cur_value(const json_ctx *ctx, cursor *c, const char *key)
{
	if (ctx->fresh)
		return NULL;
	/* Cannot happen (the shape says which keys are there, in order),
	 * but a wrong guess must not write a wrong line. */
	if (!c->it || strcmp(json_object_iter_key(c->it), key) != 0)
		c->it = json_object_iter_at(c->o, key);
	return c->it ? json_object_iter_value(c->it) : NULL;
}

/* key = v (taken), after cur_value; moves on to the next key. */
static bool cur_set(const json_ctx *ctx, cursor *c, const char *key, json_t *v)
{
	if (ctx->fresh || !c->it)
		return SET(c->o, key, v);
	return json_object_iter_set_new(c->o, c->it, v) == 0;
}

/* Moves on to the next key (refresh mode). */
static void cur_next(const json_ctx *ctx, cursor *c)
{
	if (!ctx->fresh && c->it)
		c->it = json_object_iter_next(c->o, c->it);
}

/* key = the string s[0..len), or null for a NULL s. */
static bool put_strn(json_ctx *ctx, cursor *c, const char *key,
		     const char *s, size_t len)
{
	json_t *old = cur_value(ctx, c, key);
	bool ok;

	if (!s)
		ok = (old && json_is_null(old)) || cur_set(ctx, c, key, json_null());
	else if (old && json_is_string(old) && json_string_length(old) == len
		 && memcmp(json_string_value(old), s, len) == 0)
		ok = true;
	else
		ok = cur_set(ctx, c, key, memo_str(ctx, s, len));
	cur_next(ctx, c);
	return ok;
}

static bool put_str(json_ctx *ctx, cursor *c, const char *key, const char *s)
{
	return put_strn(ctx, c, key, s, s ? strlen(s) : 0);
}

/* key = v (taken), whatever was there. */
static bool put_new(json_ctx *ctx, cursor *c, const char *key, json_t *v)
{
	bool ok;

	cur_value(ctx, c, key);
	ok = cur_set(ctx, c, key, v);
	cur_next(ctx, c);
	return ok;
}

/* An id: never the same twice, so kept out of the memo. */
static bool put_id(json_ctx *ctx, cursor *c, const char *key,
		   const char id[INCLINE_EVENT_ID_SIZE])
{
	return put_new(ctx, c, key, incline_emit_json_id(&ctx->buf, id));
}

/* "YYYY-MM-DD", or null when none. */
static bool put_day(json_ctx *ctx, cursor *c, const char *key, incline_day d)
{
	/* A line has six days, mostly two or three distinct ones, and the
	 * next line the same: each is converted and formatted once. */
	day_slot *slot = &ctx->days[(size_t)d % JSON_DAY_SLOTS];

	if (!slot->used || slot->day != d) {
		slot->used = true;
		slot->day = d;
		slot->valid = incline_date_day_valid(d); /* none, or no YYYY-MM-DD */
		if (slot->valid)
			incline_date_format_day(slot->text, d);
	}
	return put_strn(ctx, c, key, slot->valid ? slot->text : NULL, 10);
}

static bool put_edtf(json_ctx *ctx, cursor *c, const char *key,
		     const incline_date *d)
{
	const incline_date *last = &ctx->edtf_date;

	/* The event's date is its evidence's, and the next event's often
	 * too: formatting (snprintf) once per distinct date, not per key. */
	if (!ctx->edtf[0] || d->earliest != last->earliest || d->latest != last->latest
	    || d->gran != last->gran || d->flags != last->flags) {
		incline_emit_edtf(ctx->edtf, d);
		ctx->edtf_date = *d;
		if (!ctx->edtf[0]) /* "" (undated) is not worth keeping */
			return put_strn(ctx, c, key, "", 0);
	}
	return put_strn(ctx, c, key, ctx->edtf, strlen(ctx->edtf));
}

static bool put_size(json_ctx *ctx, cursor *c, const char *key, size_t n)
{
	json_t *old = cur_value(ctx, c, key);
	bool ok;

	/* never shared: each was made here */
	if (old && json_is_integer(old))
		ok = json_integer_set(old, (json_int_t)n) == 0;
	else
		ok = cur_set(ctx, c, key, size_int(n));
	cur_next(ctx, c);
	return ok;
}

/* key = true (a flag: in refresh mode, the shape says it is there). */
static bool put_true(json_ctx *ctx, cursor *c, const char *key)
{
	json_t *old = cur_value(ctx, c, key);
	bool ok = (old && json_is_true(old)) || cur_set(ctx, c, key, json_true());

	cur_next(ctx, c);
	return ok;
}

/* key = the strings of list[0..n) (NULL entries as null). */
static bool put_strings(json_ctx *ctx, cursor *c, const char *key,
			char *const *list, size_t n)
{
	json_t *a = cur_value(ctx, c, key);
	bool same, ok = true;

	if (!a || !json_is_array(a)) {
		ok = cur_set(ctx, c, key, strings_array(ctx, list, n));
		cur_next(ctx, c);
		return ok;
	}
	cur_next(ctx, c);
	same = json_array_size(a) == n;
	for (size_t i = 0; same && i < n; i++) {
		json_t *v = json_array_get(a, i);
		same = list[i] ? json_is_string(v) && strcmp(json_string_value(v), list[i]) == 0
			       : json_is_null(v);
	}
	if (same)
		return true;
	json_array_clear(a);
	for (size_t i = 0; ok && i < n; i++)
		ok = APPEND(a, str_or_null(ctx, list[i]));
	return ok;
}

/* The object at key to fill, in *out: a new one in fresh mode, the one
 * there otherwise. false on OOM. */
static bool child(json_ctx *ctx, cursor *c, const char *key, cursor *out)
{
	json_t *v = cur_value(ctx, c, key);

	if (ctx->fresh) {
		v = json_object();
		if (!SET(c->o, key, v)) /* SET released v on failure */
			return false;
	}
	cur_next(ctx, c);
	*out = cursor_of(ctx, v);
	return v != NULL;
}

/* The date object of w; with_timex adds the TIMEX3 value (evidence). */
static bool fill_date(json_ctx *ctx, cursor *c, const incline_when *w,
		      bool with_timex)
{
	bool ok = put_day(ctx, c, "earliest", w->date.earliest)
		  && put_day(ctx, c, "latest", w->date.latest)
		  && put_str(ctx, c, "granularity", incline_gran_name(w->date.gran))
		  && put_edtf(ctx, c, "value", &w->date)
		  && put_str(ctx, c, "text", w->text)
		  && put_str(ctx, c, "basis", incline_basis_name(w->basis));

	if (ok && w->has_span)
		ok = put_str(ctx, c, "article", w->article)
		     && put_size(ctx, c, "start", w->start)
		     && put_size(ctx, c, "end", w->end);
	if (ok && with_timex && w->value)
		ok = put_str(ctx, c, "timex", w->value);
	return ok;
}

static bool fill_claim(json_ctx *ctx, cursor *c, const incline_claim *cl)
{
	return put_str(ctx, c, "actor", cl->actor)
	       && put_str(ctx, c, "claimant", cl->claimant)
	       && put_str(ctx, c, "stance", incline_stance_name(cl->stance));
}

static bool fill_evidence(json_ctx *ctx, cursor *c, const incline_event *ev,
			  const incline_evidence *e)
{
	cursor sub;
	bool ok = put_str(ctx, c, "article", e->article)
		  && put_str(ctx, c, "source", e->source)
		  && (!e->url || put_str(ctx, c, "url", e->url))
		  && put_day(ctx, c, "published", e->published)
		  && put_size(ctx, c, "start", e->start)
		  && put_size(ctx, c, "end", e->end)
		  && put_str(ctx, c, "text", e->quote)
		  && child(ctx, c, "date", &sub) && fill_date(ctx, &sub, &e->when, true);

	if (ok && e->claim.stance != INCLINE_STANCE_NONE)
		ok = child(ctx, c, "attribution", &sub) && fill_claim(ctx, &sub, &e->claim);
	if (ok && (e->flags & INCLINE_EVIDENCE_HEDGED))
		ok = put_true(ctx, c, "hedged");
	if (ok && e->about_end)
		ok = child(ctx, c, "about", &sub)
		     && put_size(ctx, &sub, "start", e->about_start)
		     && put_size(ctx, &sub, "end", e->about_end);
	if (ok && e->n_actors == 0 && ev->n_evidence == 1)
		ok = put_strings(ctx, c, "actors", ev->actors, ev->n_actors);
	else if (ok)
		ok = put_strings(ctx, c, "actors", e->actors, e->n_actors);
	return ok;
}

static bool fill_evidence_array(json_ctx *ctx, cursor *c, const incline_event *ev)
{
	json_t *a = cur_value(ctx, c, "evidence");
	cursor sub;
	bool ok = true;

	if (!ctx->fresh) { /* the shape holds one piece of evidence */
		cur_next(ctx, c);
		sub = cursor_of(ctx, json_array_get(a, 0));
		return sub.o && fill_evidence(ctx, &sub, ev, &ev->evidence[0]);
	}
	a = json_array();
	ok = SET(c->o, "evidence", a); /* a is borrowed from o afterwards */
	for (size_t i = 0; ok && i < ev->n_evidence; i++) {
		json_t *e = json_object();
		sub = cursor_of(ctx, e);
		ok = APPEND(a, e) && fill_evidence(ctx, &sub, ev, &ev->evidence[i]);
	}
	return ok;
}

static bool fill_event(json_ctx *ctx, json_t *o, const incline_event *ev)
{
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;
	cursor c = cursor_of(ctx, o), sub;
	bool ok = put_id(ctx, &c, "id", ev->id)
		  && put_str(ctx, &c, "type", incline_event_type_name(ev->type));

	if (ok && ev->incident[0])
		ok = put_id(ctx, &c, "incident", ev->incident);
	ok = ok && child(ctx, &c, "date", &sub) && fill_date(ctx, &sub, &ev->when, false)
		  && put_str(ctx, &c, "summary", ev->summary)
		  && put_strings(ctx, &c, "actors", ev->actors, ev->n_actors);

	if (ok && ev->type == INCLINE_EVENT_ATTRIBUTION)
		ok = child(ctx, &c, "attribution", &sub) && fill_claim(ctx, &sub, &ev->claim);
	if (ok && (ev->flags & conflicts))
		ok = put_new(ctx, &c, "conflict", incline_emit_json_conflicts(ev));
	if (ok && (ev->flags & INCLINE_EVENT_HEDGED))
		ok = put_true(ctx, &c, "hedged");
	return ok && put_day(ctx, &c, "first_reported", ev->first_reported)
	       && put_size(ctx, &c, "sources", ev->n_sources)
	       && fill_evidence_array(ctx, &c, ev);
}

/* The one event object both the timeline and NDJSON use, new. NULL on
 * OOM. */
static json_t *event_object(json_ctx *ctx, const incline_event *ev)
{
	json_t *o = json_object();

	ctx->fresh = true;
	return incline_emit_json_done(o, o && fill_event(ctx, o, ev));
}

/* Which optional keys an event line has, as bits; 0 for an event with
 * several pieces of evidence (never refreshed: rare in NDJSON). Two
 * events of one shape have the same keys in the same order. */
static unsigned event_shape(const incline_event *ev)
{
	const incline_evidence *e = ev->evidence;
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;

	if (ev->n_evidence != 1)
		return 0;
	return 1u
	       | (unsigned)(ev->incident[0] != '\0') << 1
	       | (unsigned)ev->when.has_span << 2
	       | (unsigned)(ev->type == INCLINE_EVENT_ATTRIBUTION) << 3
	       | (unsigned)((ev->flags & conflicts) != 0) << 4
	       | (unsigned)((ev->flags & INCLINE_EVENT_HEDGED) != 0) << 5
	       | (unsigned)(e->url != NULL) << 6
	       | (unsigned)e->when.has_span << 7
	       | (unsigned)(e->when.value != NULL) << 8
	       | (unsigned)(e->claim.stance != INCLINE_STANCE_NONE) << 9
	       | (unsigned)((e->flags & INCLINE_EVIDENCE_HEDGED) != 0) << 10
	       | (unsigned)(e->about_end != 0) << 11;
}

/* The line object of ev: the kept one of its shape refreshed, else a new
 * one (kept when it has a shape). Borrowed from ctx when *kept, else
 * owned by the caller. NULL on OOM. */
static json_t *event_line(json_ctx *ctx, const incline_event *ev, bool *kept)
{
	unsigned shape = event_shape(ev);
	shape_slot *slot;
	json_t *o;

	*kept = false;
	for (size_t i = 0; shape && i < JSON_SHAPE_SLOTS; i++) {
		slot = &ctx->shapes[i];
		if (slot->obj && slot->shape == shape) {
			ctx->fresh = false;
			if (fill_event(ctx, slot->obj, ev)) {
				*kept = true;
				return slot->obj;
			}
			json_decref(slot->obj); /* half refreshed: drop it */
			slot->obj = NULL;
			return NULL;
		}
	}
	if (!(o = event_object(ctx, ev)) || !shape)
		return o;
	slot = &ctx->shapes[ctx->shape_next];
	ctx->shape_next = (ctx->shape_next + 1) % JSON_SHAPE_SLOTS;
	json_decref(slot->obj);
	*slot = (shape_slot){ shape, o };
	*kept = true;
	return o;
}

/* The event ids of an incident. */
static json_t *id_array(json_ctx *ctx, const incline_incident *in)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < in->n_events; i++)
		ok = APPEND(a, incline_emit_json_id(&ctx->buf, in->events[i]));
	return incline_emit_json_done(a, ok);
}

/* {id, name, entities[], earliest, latest, events[]}. NULL on OOM. */
static json_t *incident_object(json_ctx *ctx, const incline_incident *in)
{
	json_t *o = json_object();

	return incline_emit_json_done(o, o
		&& SET(o, "id", incline_emit_json_id(&ctx->buf, in->id))
		&& SET(o, "name", str_or_null(ctx, in->name))
		&& SET(o, "entities", strings_array(ctx, in->entities,
						    in->n_entities))
		&& SET(o, "earliest", incline_emit_json_day(in->earliest))
		&& SET(o, "latest", incline_emit_json_day(in->latest))
		&& SET(o, "events", id_array(ctx, in)));
}

static json_t *events_array(json_ctx *ctx, const incline_timeline *tl)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < tl->n; i++)
		ok = APPEND(a, event_object(ctx, &tl->events[i]));
	return incline_emit_json_done(a, ok);
}

static json_t *incidents_array(json_ctx *ctx, const incline_timeline *tl)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < tl->n_incidents; i++)
		ok = APPEND(a, incident_object(ctx, &tl->incidents[i]));
	return incline_emit_json_done(a, ok);
}

static json_t *timeline_object(json_ctx *ctx, const incline_timeline *tl)
{
	json_t *o = json_object();
	bool ok = o
		  && SET(o, "incline", json_string(INCLINE_VERSION))
		  && SET(o, "generated_from",
			 strings_array(ctx, tl->articles, tl->n_articles))
		  && SET(o, "events", events_array(ctx, tl));

	if (ok && tl->n_incidents)
		ok = SET(o, "incidents", incidents_array(ctx, tl));
	return incline_emit_json_done(o, ok);
}

int incline_emit_json(FILE *fp, const incline_timeline *tl,
		      incline_error *err)
{
	json_ctx ctx = { .fresh = false };
	json_t *doc = timeline_object(&ctx, tl);
	int rc;

	ctx_free(&ctx);
	if (!doc)
		return incline_emit_nomem(err);
	rc = incline_emit_json_line(fp, doc, JSON_INDENT(2), err);
	json_decref(doc);
	return rc ? rc : incline_emit_finish(fp, err);
}

/* tl's NDJSON lines: each appended to out when out is not NULL (the
 * writer kept from article to article, emit_ndjson.h), else dumped into
 * line and written to fp, one at a time. */
static int ndjson_lines(json_ctx *ctx, const incline_timeline *tl, FILE *fp,
			incline_emit_buf *line, incline_emit_buf *out,
			incline_error *err)
{
	json_t *head = json_object();
	int rc = 0;

	/* No articles, no record: an empty timeline is an empty stream. */
	if (!head || !SET(head, "incline", json_string(INCLINE_VERSION))
	    || !SET(head, "generated_from",
		    strings_array(ctx, tl->articles, tl->n_articles)))
		rc = incline_emit_nomem(err);
	else if (tl->n_articles > 0)
		rc = out ? (incline_emit_buf_add_json(out, head, JSON_COMPACT)
			    ? incline_emit_nomem(err) : 0)
			 : incline_emit_json_line_buf(fp, line, head, JSON_COMPACT, err);
	json_decref(head);
	/* One event at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		bool kept;
		json_t *o = event_line(ctx, &tl->events[i], &kept);

		if (!o)
			rc = incline_emit_nomem(err);
		else if (out)
			rc = incline_emit_buf_add_json(out, o, JSON_COMPACT)
			     ? incline_emit_nomem(err) : 0;
		else
			rc = incline_emit_json_line_buf(fp, line, o, JSON_COMPACT, err);
		if (!kept)
			json_decref(o);
	}
	return rc;
}

int incline_emit_ndjson(FILE *fp, const incline_timeline *tl,
			incline_error *err)
{
	json_ctx ctx = { .fresh = false };
	incline_emit_buf line = { NULL, 0, 0 };
	int rc = ndjson_lines(&ctx, tl, fp, &line, NULL, err);

	incline_emit_buf_free(&line);
	ctx_free(&ctx);
	return rc ? rc : incline_emit_finish(fp, err);
}

/* ---- the writer of `incline extract` (emit_ndjson.h) ----
 *
 * `incline extract` writes each article's lines on its own; a json_ctx
 * made and freed per article made every article's first event of each
 * shape anew, with its strings and numbers, and freed them all again
 * after a dozen lines (a tenth of `incline extract`, callgrind). Kept in
 * a writer, the shape objects, strings and days carry over to the next
 * article, and lines go straight into the caller's buffer, not through a
 * FILE. The bytes are those of incline_emit_ndjson: a refreshed object
 * dumps as a new one does (see event_line), whichever article filled it
 * before. */
struct incline_ndjson_writer {
	json_ctx ctx;
};

int incline_ndjson_writer_new(incline_ndjson_writer **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : INCLINE_ENOMEM;
}

void incline_ndjson_writer_free(incline_ndjson_writer *w)
{
	if (!w)
		return;
	ctx_free(&w->ctx);
	free(w);
}

int incline_ndjson_writer_write(incline_ndjson_writer *w, incline_emit_buf *out,
				const incline_timeline *tl, incline_error *err)
{
	return ndjson_lines(&w->ctx, tl, NULL, NULL, out, err);
}
