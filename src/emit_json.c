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
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "array.h"
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

/* Event line objects kept for the next lines (see event_line). A shape
 * counts the pieces of evidence and their keys: the bench corpus' lines
 * have some 40, and with 8 slots taken in turn the common ones were
 * pushed out by rare ones and made again. */
#define JSON_SHAPE_SLOTS 64

/* One key of a kept line object, in the order the fill_* calls fill the
 * keys (see cur_value). */
typedef struct script_step {
	json_t *o;       /* the object holding the key (borrowed) */
	void *it;        /* jansson's iterator at the key */
	const char *key; /* the literal the fill code passed there */
	json_t *v;       /* the value there now (borrowed) */
} script_step;

typedef struct shape_slot {
	uint64_t shape; /* event_shape of obj's events */
	json_t *obj;    /* owned, NULL = free */
	script_step *steps; /* owned: obj's keys, nested ones included */
	size_t n_steps, cap_steps;
} shape_slot;

typedef struct json_ctx {
	incline_emit_buf buf;
	memo_slot memo[JSON_MEMO_SLOTS];
	size_t memo_next; /* the slot to replace next */
	shape_slot shapes[JSON_SHAPE_SLOTS];
	size_t shape_next;
	bool fresh;       /* filling new objects (see fill_event) */
	shape_slot *slot; /* the kept object being made or refreshed */
	size_t step;      /* refresh mode: slot's next step */
	day_slot days[JSON_DAY_SLOTS];
	incline_date edtf_date; /* the date of edtf, when edtf[0] */
	char edtf[INCLINE_EMIT_EDTF_SIZE];
} json_ctx;

static void ctx_free(json_ctx *ctx)
{
	incline_emit_buf_free(&ctx->buf);
	for (size_t i = 0; i < JSON_MEMO_SLOTS; i++)
		json_decref(ctx->memo[i].v);
	for (size_t i = 0; i < JSON_SHAPE_SLOTS; i++) {
		json_decref(ctx->shapes[i].obj);
		free(ctx->shapes[i].steps);
	}
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

/* Where a fill_* function is in the object it fills, and, in refresh
 * mode, the key to fill: cur_value finds it, cur_set replaces its value,
 * cur_next moves on.
 *
 * A kept object's keys, nested objects' included, come in the order the
 * fill_* calls come (jansson keeps insertion order, and the shape says
 * which calls are made), so when the object is made each key is recorded
 * as a step of its slot's script (its object, jansson's iterator, the key
 * literal and the value), and a refresh walks the script: each value is
 * found and replaced in O(1), without hashing its key, comparing it or
 * calling jansson to step on (that was a quarter of refreshing a line,
 * callgrind). The key literal's address checks the step: one call site
 * passes one literal. */
typedef struct cursor {
	json_t *o;
	void *it;          /* refresh mode: the iterator at the key */
	script_step *step; /* and its step (NULL off the script) */
} cursor;

static cursor cursor_of(json_t *o)
{
	return (cursor){ o, NULL, NULL };
}

/* The value at key (refresh mode; NULL in fresh mode). */
static json_t *cur_value(const json_ctx *ctx, cursor *c, const char *key)
{
	script_step *st;

	if (ctx->fresh)
		return NULL;
	st = ctx->slot && ctx->step < ctx->slot->n_steps ? &ctx->slot->steps[ctx->step] : NULL;
	if (st && st->key == key && st->o == c->o) {
		c->it = st->it;
		c->step = st;
		return st->v;
	}
	/* Cannot happen (the shape says which keys are there, in order),
	 * but a wrong guess must not write a wrong line. */
	c->step = NULL;
	c->it = json_object_iter_at(c->o, key);
	return c->it ? json_object_iter_value(c->it) : NULL;
}

/* key = v (taken), after cur_value. */
static bool cur_set(const json_ctx *ctx, cursor *c, const char *key, json_t *v)
{
	if (ctx->fresh || !c->it)
		return SET(c->o, key, v);
	if (json_object_iter_set_new(c->o, c->it, v) != 0)
		return false;
	if (c->step)
		c->step->v = v;
	return true;
}

/* Moves on to the next key; in fresh mode, records key (just set) as a
 * step of the object being made, when it is kept. false on OOM. */
static bool cur_next(json_ctx *ctx, cursor *c, const char *key)
{
	shape_slot *slot = ctx->slot;
	script_step *st;
	void *p;
	bool grown;

	if (!ctx->fresh) {
		ctx->step++;
		return true;
	}
	if (!slot)
		return true;
	p = slot->steps;
	grown = incline_array_reserve(&p, &slot->cap_steps, slot->n_steps + 1,
				      sizeof *slot->steps) == 0;
	slot->steps = p;
	if (!grown)
		return false;
	st = &slot->steps[slot->n_steps];
	st->o = c->o;
	st->key = key;
	st->it = json_object_iter_at(c->o, key);
	st->v = st->it ? json_object_iter_value(st->it) : NULL;
	if (!st->it)
		return false; /* the set failed */
	slot->n_steps++;
	return true;
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
	return cur_next(ctx, c, key) && ok;
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
	return cur_next(ctx, c, key) && ok;
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
	return cur_next(ctx, c, key) && ok;
}

/* key = true (a flag: in refresh mode, the shape says it is there). */
static bool put_true(json_ctx *ctx, cursor *c, const char *key)
{
	json_t *old = cur_value(ctx, c, key);
	bool ok = (old && json_is_true(old)) || cur_set(ctx, c, key, json_true());

	return cur_next(ctx, c, key) && ok;
}

/* key = the strings of list[0..n) (NULL entries as null). */
static bool put_strings(json_ctx *ctx, cursor *c, const char *key,
			char *const *list, size_t n)
{
	json_t *a = cur_value(ctx, c, key);
	bool same, ok = true;

	if (!a || !json_is_array(a)) {
		ok = cur_set(ctx, c, key, strings_array(ctx, list, n));
		return cur_next(ctx, c, key) && ok;
	}
	cur_next(ctx, c, key);
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
	if (!cur_next(ctx, c, key))
		return false;
	*out = cursor_of(v);
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

	if (!ctx->fresh) { /* the shape says how many pieces there are */
		cur_next(ctx, c, "evidence");
		for (size_t i = 0; ok && i < ev->n_evidence; i++) {
			sub = cursor_of(json_array_get(a, i));
			ok = sub.o && fill_evidence(ctx, &sub, ev, &ev->evidence[i]);
		}
		return ok;
	}
	a = json_array();
	/* a is borrowed from o afterwards */
	ok = SET(c->o, "evidence", a) && cur_next(ctx, c, "evidence");
	for (size_t i = 0; ok && i < ev->n_evidence; i++) {
		json_t *e = json_object();
		sub = cursor_of(e);
		ok = APPEND(a, e) && fill_evidence(ctx, &sub, ev, &ev->evidence[i]);
	}
	return ok;
}

static bool fill_event(json_ctx *ctx, json_t *o, const incline_event *ev)
{
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;
	cursor c = cursor_of(o), sub;
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

/* A slot emptied: its object and script dropped (the script's memory
 * kept). */
static void slot_clear(shape_slot *slot)
{
	json_decref(slot->obj);
	slot->obj = NULL;
	slot->n_steps = 0;
}

/* Events of up to this many pieces of evidence have a shape (below). */
#define JSON_SHAPE_MAX_EVIDENCE 8

/* Which optional keys a piece of evidence has, as 6 bits. */
static uint64_t evidence_shape(const incline_evidence *e)
{
	return (uint64_t)(e->url != NULL)
	       | (uint64_t)e->when.has_span << 1
	       | (uint64_t)(e->when.value != NULL) << 2
	       | (uint64_t)(e->claim.stance != INCLINE_STANCE_NONE) << 3
	       | (uint64_t)((e->flags & INCLINE_EVIDENCE_HEDGED) != 0) << 4
	       | (uint64_t)(e->about_end != 0) << 5;
}

/* Which optional keys an event line has and how many pieces of evidence,
 * as bits; 0 for an event with none or more than JSON_SHAPE_MAX_EVIDENCE
 * (never refreshed). Two events of one shape have the same keys in the
 * same order. Events told again by later sentences of their article have
 * several pieces: a tenth of the lines of `incline extract`, and when
 * each was made anew they cost as much as all the others refreshed
 * (callgrind). */
static uint64_t event_shape(const incline_event *ev)
{
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;
	uint64_t shape;

	if (ev->n_evidence == 0 || ev->n_evidence > JSON_SHAPE_MAX_EVIDENCE)
		return 0;
	shape = 1u
		| (uint64_t)(ev->incident[0] != '\0') << 1
		| (uint64_t)ev->when.has_span << 2
		| (uint64_t)(ev->type == INCLINE_EVENT_ATTRIBUTION) << 3
		| (uint64_t)((ev->flags & conflicts) != 0) << 4
		| (uint64_t)((ev->flags & INCLINE_EVENT_HEDGED) != 0) << 5
		| (uint64_t)(ev->n_evidence - 1) << 6; /* 3 bits */
	for (size_t i = 0; i < ev->n_evidence; i++)
		shape |= evidence_shape(&ev->evidence[i]) << (9 + 6 * i);
	return shape;
}

/* The line object of ev: the kept one of its shape refreshed, else a new
 * one (kept when it has a shape). Borrowed from ctx when *kept, else
 * owned by the caller. NULL on OOM. */
static json_t *event_line(json_ctx *ctx, const incline_event *ev, bool *kept)
{
	uint64_t shape = event_shape(ev);
	shape_slot *slot;
	json_t *o;

	*kept = false;
	for (size_t i = 0; shape && i < JSON_SHAPE_SLOTS; i++) {
		slot = &ctx->shapes[i];
		if (slot->obj && slot->shape == shape) {
			ctx->fresh = false;
			ctx->slot = slot;
			ctx->step = 0;
			if (fill_event(ctx, slot->obj, ev)) {
				*kept = true;
				return slot->obj;
			}
			slot_clear(slot); /* half refreshed: drop it */
			return NULL;
		}
	}
	if (!shape) {
		ctx->slot = NULL;
		return event_object(ctx, ev);
	}
	slot = &ctx->shapes[ctx->shape_next];
	ctx->shape_next = (ctx->shape_next + 1) % JSON_SHAPE_SLOTS;
	slot_clear(slot);
	ctx->slot = slot; /* its keys are recorded as they are set */
	if (!(o = event_object(ctx, ev))) {
		slot->n_steps = 0;
		return NULL;
	}
	slot->shape = shape;
	slot->obj = o;
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

/* ---- the timeline document, written piece by piece ----
 *
 * The document is jansson's JSON_INDENT(2) dump of
 *   {"incline", "generated_from", "events", "incidents"?}
 * but never held whole: building the tree of every event before writing
 * it was most of `incline build`'s memory (1.3 GB for a 100 MB corpus).
 * Each element of the three arrays is made, dumped and freed in turn, and
 * the frame around them (braces, brackets, keys, commas, line breaks) is
 * written here exactly as jansson writes it: "[]" for an empty array,
 * else "[", each element on a line of its own indented two spaces per
 * level, "," between, and "]" on a line at the array's own level. An
 * element is dumped on its own (its depth 0) and moved to its depth by
 * indenting every line after its first: a line break in jansson's output
 * is always layout, never in a string (it writes those as \n). */

/* jansson's dump callback into doc->line, indenting every line break by
 * doc->indent spaces. The failure is sticky and checked after the dump
 * (see emit_common.c's dump_to_buf: jansson ignores the callback's result
 * for an object's key). */
typedef struct doc_writer {
	json_ctx *ctx;
	FILE *fp;
	incline_emit_buf line;
	size_t indent;      /* spaces after each line break of an element */
	bool failed;
	incline_error *err;
} doc_writer;

static int dump_nested(const char *s, size_t len, void *payload)
{
	static const char spaces[] = "        ";
	doc_writer *d = payload;
	const char *nl;

	while (!d->failed && len > 0) {
		size_t n = (nl = memchr(s, '\n', len)) ? (size_t)(nl - s) + 1 : len;

		if (incline_emit_buf_add(&d->line, s, n) != 0
		    || (nl && incline_emit_buf_add(&d->line, spaces, d->indent)
				      != 0))
			d->failed = true;
		s += n;
		len -= n;
	}
	return d->failed ? -1 : 0;
}

/* Appends raw bytes of the frame to doc->line. */
static bool frame(doc_writer *d, const char *s)
{
	if (!d->failed && incline_emit_buf_add(&d->line, s, strlen(s)) != 0)
		d->failed = true;
	return !d->failed;
}

/* Appends v (taken; NULL = out of memory) as an element at nesting
 * `depth` (1 or 2: the document's arrays and their elements). */
static bool element(doc_writer *d, json_t *v, size_t depth)
{
	d->indent = 2 * depth;
	if (!v || json_dump_callback(v, dump_nested, d,
				     JSON_INDENT(2) | JSON_ENCODE_ANY) != 0)
		d->failed = true;
	json_decref(v);
	return !d->failed;
}

/* Writes out what doc->line holds. */
static int flush_line(doc_writer *d)
{
	size_t len = d->line.len;

	if (d->failed)
		return incline_emit_nomem(d->err);
	if (len && fwrite(d->line.data, 1, len, d->fp) != len)
		return incline_emit_write_failed(d->err);
	incline_emit_buf_reset(&d->line);
	return 0;
}

/* One element of an array of the document (see write_array). */
typedef json_t *(*element_fn)(json_ctx *ctx, const incline_timeline *tl,
			      size_t i);

static json_t *article_element(json_ctx *ctx, const incline_timeline *tl,
			       size_t i)
{
	return str_or_null(ctx, tl->articles[i]);
}

static json_t *event_element(json_ctx *ctx, const incline_timeline *tl,
			     size_t i)
{
	return event_object(ctx, &tl->events[i]);
}

static json_t *incident_element(json_ctx *ctx, const incline_timeline *tl,
				size_t i)
{
	return incident_object(ctx, &tl->incidents[i]);
}

/* `"key": [elements]`, the array a member of the document (depth 1),
 * after `lead` (what separates it from the member before), written
 * element by element: memory bounded by the largest element. */
static int write_array(doc_writer *d, const char *lead, const char *key,
		       const incline_timeline *tl, size_t n, element_fn fn)
{
	int rc;

	if (!frame(d, lead) || !frame(d, "\"") || !frame(d, key)
	    || !frame(d, "\": ") || !frame(d, n ? "[" : "[]"))
		return flush_line(d);
	for (size_t i = 0; i < n; i++) {
		if (!frame(d, i ? ",\n    " : "\n    ")
		    || !element(d, fn(d->ctx, tl, i), 2))
			return flush_line(d);
		if ((rc = flush_line(d)))
			return rc;
	}
	if (n)
		frame(d, "\n  ]");
	return flush_line(d);
}

int incline_emit_json(FILE *fp, const incline_timeline *tl,
		      incline_error *err)
{
	json_ctx ctx = { .fresh = false };
	doc_writer d = { &ctx, fp, { NULL, 0, 0 }, 0, false, err };
	int rc;

	if (!frame(&d, "{\n  \"incline\": ")
	    || !element(&d, json_string(INCLINE_VERSION), 1))
		rc = flush_line(&d);
	else
		rc = write_array(&d, ",\n  ", "generated_from", tl,
				 tl->n_articles, article_element);
	if (!rc)
		rc = write_array(&d, ",\n  ", "events", tl, tl->n,
				 event_element);
	if (!rc && tl->n_incidents)
		rc = write_array(&d, ",\n  ", "incidents", tl, tl->n_incidents,
				 incident_element);
	if (!rc) {
		frame(&d, "\n}\n");
		rc = flush_line(&d);
	}
	incline_emit_buf_free(&d.line);
	ctx_free(&ctx);
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
struct incline_emit_ndjson_writer {
	json_ctx ctx;
};

int incline_emit_ndjson_writer_new(incline_emit_ndjson_writer **out)
{
	*out = calloc(1, sizeof **out);
	return *out ? 0 : INCLINE_ENOMEM;
}

void incline_emit_ndjson_writer_free(incline_emit_ndjson_writer *w)
{
	if (!w)
		return;
	ctx_free(&w->ctx);
	free(w);
}

int incline_emit_ndjson_writer_write(incline_emit_ndjson_writer *w, incline_emit_buf *out,
				const incline_timeline *tl, incline_error *err)
{
	return ndjson_lines(&w->ctx, tl, NULL, NULL, out, err);
}
