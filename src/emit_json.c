/* The JSON outputs: the timeline document, NDJSON events and NDJSON date
 * expressions. Built with jansson, never by hand, so quoting is always
 * right.
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
 *   attribution (only with a stance), hedged (only when flagged), actors
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

#define SET incline_emit_json_set
#define APPEND incline_emit_json_append

/* Scratch shared by every string of one emit call, so repairing text does
 * not allocate per string. */
typedef struct json_ctx {
	incline_emit_buf buf;
} json_ctx;

static json_t *str_or_null(json_ctx *ctx, const char *s)
{
	return incline_emit_json_str(&ctx->buf, s);
}

static json_t *size_int(size_t n)
{
	return json_integer((json_int_t)n);
}

/* The date object of w; with_timex adds the TIMEX3 value (evidence). */
static json_t *date_object(json_ctx *ctx, const incline_when *w,
			   bool with_timex)
{
	json_t *o = json_object();
	bool ok = o
		  && SET(o, "earliest", incline_emit_json_day(w->date.earliest))
		  && SET(o, "latest", incline_emit_json_day(w->date.latest))
		  && SET(o, "granularity",
			 json_string(incline_gran_name(w->date.gran)))
		  && SET(o, "value", incline_emit_json_edtf(&w->date))
		  && SET(o, "text", str_or_null(ctx, w->text))
		  && SET(o, "basis", json_string(incline_basis_name(w->basis)));

	if (ok && w->has_span)
		ok = SET(o, "article", str_or_null(ctx, w->article))
		     && SET(o, "start", size_int(w->start))
		     && SET(o, "end", size_int(w->end));
	if (ok && with_timex && w->value)
		ok = SET(o, "timex", str_or_null(ctx, w->value));
	return incline_emit_json_done(o, ok);
}

static json_t *claim_object(json_ctx *ctx, const incline_claim *c)
{
	json_t *o = json_object();

	return incline_emit_json_done(o, o
		&& SET(o, "actor", str_or_null(ctx, c->actor))
		&& SET(o, "claimant", str_or_null(ctx, c->claimant))
		&& SET(o, "stance", json_string(incline_stance_name(c->stance))));
}

/* The sentence an evidence names again (event.h). */
static json_t *about_object(const incline_evidence *e)
{
	json_t *o = json_object();

	return incline_emit_json_done(o, o
		&& SET(o, "start", size_int(e->about_start))
		&& SET(o, "end", size_int(e->about_end)));
}

static json_t *strings_array(json_ctx *ctx, char *const *list, size_t n)
{
	return incline_emit_json_strings(&ctx->buf, list, n);
}

static json_t *evidence_object(json_ctx *ctx, const incline_event *ev,
			       const incline_evidence *e)
{
	json_t *o = json_object();
	bool ok = o
		  && SET(o, "article", str_or_null(ctx, e->article))
		  && SET(o, "source", str_or_null(ctx, e->source))
		  && (!e->url || SET(o, "url", str_or_null(ctx, e->url)))
		  && SET(o, "published", incline_emit_json_day(e->published))
		  && SET(o, "start", size_int(e->start))
		  && SET(o, "end", size_int(e->end))
		  && SET(o, "text", str_or_null(ctx, e->quote))
		  && SET(o, "date", date_object(ctx, &e->when, true));

	if (ok && e->claim.stance != INCLINE_STANCE_NONE)
		ok = SET(o, "attribution", claim_object(ctx, &e->claim));
	if (ok && (e->flags & INCLINE_EVIDENCE_HEDGED))
		ok = SET(o, "hedged", json_true());
	if (ok && e->about_end)
		ok = SET(o, "about", about_object(e));
	if (ok && e->n_actors == 0 && ev->n_evidence == 1)
		ok = SET(o, "actors", strings_array(ctx, ev->actors, ev->n_actors));
	else if (ok)
		ok = SET(o, "actors", strings_array(ctx, e->actors, e->n_actors));
	return incline_emit_json_done(o, ok);
}

static json_t *evidence_array(json_ctx *ctx, const incline_event *ev)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < ev->n_evidence; i++)
		ok = APPEND(a, evidence_object(ctx, ev, &ev->evidence[i]));
	return incline_emit_json_done(a, ok);
}

/* The one event object both the timeline and NDJSON use. NULL on OOM. */
static json_t *event_object(json_ctx *ctx, const incline_event *ev)
{
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;
	json_t *o = json_object();
	bool ok = o
		  && SET(o, "id", incline_emit_json_id(&ctx->buf, ev->id))
		  && SET(o, "type", json_string(incline_event_type_name(ev->type)));

	if (ok && ev->incident[0])
		ok = SET(o, "incident", incline_emit_json_id(&ctx->buf, ev->incident));
	ok = ok && SET(o, "date", date_object(ctx, &ev->when, false))
		  && SET(o, "summary", str_or_null(ctx, ev->summary))
		  && SET(o, "actors", strings_array(ctx, ev->actors,
						    ev->n_actors));

	if (ok && ev->type == INCLINE_EVENT_ATTRIBUTION)
		ok = SET(o, "attribution", claim_object(ctx, &ev->claim));
	if (ok && (ev->flags & conflicts))
		ok = SET(o, "conflict", incline_emit_json_conflicts(ev));
	if (ok && (ev->flags & INCLINE_EVENT_HEDGED))
		ok = SET(o, "hedged", json_true());
	ok = ok && SET(o, "first_reported", incline_emit_json_day(ev->first_reported))
	     && SET(o, "sources", size_int(ev->n_sources))
	     && SET(o, "evidence", evidence_array(ctx, ev));
	return incline_emit_json_done(o, ok);
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
	json_ctx ctx = { { NULL, 0, 0 } };
	json_t *doc = timeline_object(&ctx, tl);
	int rc;

	incline_emit_buf_free(&ctx.buf);
	if (!doc)
		return incline_emit_nomem(err);
	rc = incline_emit_json_line(fp, doc, JSON_INDENT(2), err);
	json_decref(doc);
	return rc ? rc : incline_emit_finish(fp, err);
}

int incline_emit_ndjson(FILE *fp, const incline_timeline *tl,
			incline_error *err)
{
	json_ctx ctx = { { NULL, 0, 0 } };
	json_t *head = json_object();
	int rc = 0;

	/* No articles, no record: an empty timeline is an empty stream. */
	if (!head || !SET(head, "incline", json_string(INCLINE_VERSION))
	    || !SET(head, "generated_from",
		    strings_array(&ctx, tl->articles, tl->n_articles)))
		rc = incline_emit_nomem(err);
	else if (tl->n_articles > 0)
		rc = incline_emit_json_line(fp, head, JSON_COMPACT, err);
	json_decref(head);
	/* One event at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		json_t *o = event_object(&ctx, &tl->events[i]);

		rc = o ? incline_emit_json_line(fp, o, JSON_COMPACT, err)
		       : incline_emit_nomem(err);
		json_decref(o);
	}
	incline_emit_buf_free(&ctx.buf);
	return rc ? rc : incline_emit_finish(fp, err);
}

/* Name as a JSON string, or null for the "" of a NONE value. */
static json_t *name_or_null(const char *name)
{
	return name && *name ? json_string(name) : json_null();
}

static json_t *timex_object(json_ctx *ctx, const incline_article *a,
			    const incline_timex *t)
{
	/* An empty expression may sit in an empty article (bytes NULL). */
	const char *text = t->end > t->start ? a->bytes + (t->start - a->base)
					     : "";
	json_t *o = json_object();

	return incline_emit_json_done(o, o
		&& SET(o, "article", str_or_null(ctx, a->id))
		&& SET(o, "start", size_int(t->start))
		&& SET(o, "end", size_int(t->end))
		&& SET(o, "text", incline_emit_json_strn(&ctx->buf, text,
							 t->end - t->start))
		&& SET(o, "type", json_string(incline_timex_type_name(t->type)))
		&& SET(o, "value", incline_emit_json_strn(&ctx->buf, t->value,
							  strnlen(t->value, sizeof t->value)))
		&& SET(o, "mod", name_or_null(incline_timex_mod_name(t->mod)))
		&& SET(o, "earliest", incline_emit_json_day(t->date.earliest))
		&& SET(o, "latest", incline_emit_json_day(t->date.latest))
		&& SET(o, "granularity", json_string(incline_gran_name(t->date.gran)))
		&& SET(o, "anchor",
		       name_or_null(incline_timex_anchor_name(t->anchor))));
}

int incline_emit_timex_ndjson(FILE *fp, const incline_article *a,
			      const incline_timex_list *list,
			      incline_error *err)
{
	json_ctx ctx = { { NULL, 0, 0 } };
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < list->n; i++) {
		const incline_timex *t = &list->items[i];
		json_t *o;

		/* Offsets are file offsets; they must fall inside the bytes
		 * this article holds. */
		if (t->start < a->base || t->end < t->start
		    || t->end - a->base > a->len) {
			rc = incline_error_set(err, INCLINE_EINVAL, a->path, 0,
					       0, "date expression %zu-%zu "
					       "outside the article", t->start,
					       t->end);
			break;
		}
		o = timex_object(&ctx, a, t);
		rc = o ? incline_emit_json_line(fp, o, JSON_COMPACT, err)
		       : incline_emit_nomem(err);
		json_decref(o);
	}
	incline_emit_buf_free(&ctx.buf);
	return rc ? rc : incline_emit_finish(fp, err);
}
