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

/* Scratch shared by every string of one emit call, so repairing text does
 * not allocate per string. */
typedef struct json_ctx {
	incline_emit_buf buf;
} json_ctx;

/* A JSON string of s[0..len) with invalid UTF-8 repaired (jansson refuses
 * invalid strings). NULL only on OOM. */
static json_t *str_n(json_ctx *ctx, const char *s, size_t len)
{
	incline_emit_buf_reset(&ctx->buf);
	if (incline_emit_buf_add_utf8(&ctx->buf, s, len))
		return NULL;
	return json_stringn(ctx->buf.data, ctx->buf.len);
}

/* A JSON string, or null for NULL. NULL only on OOM. */
static json_t *str_or_null(json_ctx *ctx, const char *s)
{
	return s ? str_n(ctx, s, strlen(s)) : json_null();
}

/* "YYYY-MM-DD", or null for an unknown day. */
static json_t *day_or_null(incline_day d)
{
	char out[11];

	if (d == INCLINE_DAY_NONE)
		return json_null();
	return json_string(incline_date_format_day(out, d));
}

static json_t *size_int(size_t n)
{
	return json_integer((json_int_t)n);
}

/* The EDTF value of a date ("2023-09-14/2023-09-17", "../2023-09-20"). */
static json_t *edtf(const incline_date *d)
{
	char small[64];
	int n = incline_date_format(small, sizeof small, d);
	char *big;
	json_t *v;

	if (n < 0)
		return json_null();
	if ((size_t)n < sizeof small)
		return json_string(small);
	if (!(big = malloc((size_t)n + 1)))
		return NULL;
	incline_date_format(big, (size_t)n + 1, d);
	v = json_string(big);
	free(big);
	return v;
}

/* Sets key on obj; value NULL (an earlier OOM) or a failed set count as
 * failure. json_object_set_new steals value either way. */
static bool set(json_t *obj, const char *key, json_t *value)
{
	return json_object_set_new(obj, key, value) == 0;
}

static bool append(json_t *arr, json_t *value)
{
	return json_array_append_new(arr, value) == 0;
}

/* The date object of w; with_timex adds the TIMEX3 value (evidence). */
static json_t *date_object(json_ctx *ctx, const incline_when *w,
			   bool with_timex)
{
	json_t *o = json_object();
	bool ok = o
		  && set(o, "earliest", day_or_null(w->date.earliest))
		  && set(o, "latest", day_or_null(w->date.latest))
		  && set(o, "granularity",
			 json_string(incline_gran_name(w->date.gran)))
		  && set(o, "value", edtf(&w->date))
		  && set(o, "text", str_or_null(ctx, w->text))
		  && set(o, "basis", json_string(incline_basis_name(w->basis)));

	if (ok && w->has_span)
		ok = set(o, "article", str_or_null(ctx, w->article))
		     && set(o, "start", size_int(w->start))
		     && set(o, "end", size_int(w->end));
	if (ok && with_timex && w->value)
		ok = set(o, "timex", str_or_null(ctx, w->value));
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *claim_object(json_ctx *ctx, const incline_claim *c)
{
	json_t *o = json_object();

	if (o && set(o, "actor", str_or_null(ctx, c->actor))
	    && set(o, "claimant", str_or_null(ctx, c->claimant))
	    && set(o, "stance", json_string(incline_stance_name(c->stance))))
		return o;
	json_decref(o);
	return NULL;
}

/* The strings of list[0..n) as an array. NULL on OOM. */
static json_t *strings_array(json_ctx *ctx, char *const *list, size_t n)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < n; i++)
		if (!append(a, str_or_null(ctx, list[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

static json_t *evidence_object(json_ctx *ctx, const incline_event *ev,
			       const incline_evidence *e)
{
	json_t *o = json_object();
	bool ok = o
		  && set(o, "article", str_or_null(ctx, e->article))
		  && set(o, "source", str_or_null(ctx, e->source))
		  && (!e->url || set(o, "url", str_or_null(ctx, e->url)))
		  && set(o, "published", day_or_null(e->published))
		  && set(o, "start", size_int(e->start))
		  && set(o, "end", size_int(e->end))
		  && set(o, "text", str_or_null(ctx, e->quote))
		  && set(o, "date", date_object(ctx, &e->when, true));

	if (ok && e->claim.stance != INCLINE_STANCE_NONE)
		ok = set(o, "attribution", claim_object(ctx, &e->claim));
	if (ok && (e->flags & INCLINE_EVIDENCE_HEDGED))
		ok = set(o, "hedged", json_true());
	if (ok && e->n_actors == 0 && ev->n_evidence == 1)
		ok = set(o, "actors", strings_array(ctx, ev->actors, ev->n_actors));
	else if (ok)
		ok = set(o, "actors", strings_array(ctx, e->actors, e->n_actors));
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* ["date", "claim"] for the conflict flags set on ev. */
static json_t *conflict_array(const incline_event *ev)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	if (ok && (ev->flags & INCLINE_EVENT_DATE_CONFLICT))
		ok = append(a, json_string("date"));
	if (ok && (ev->flags & INCLINE_EVENT_CLAIM_CONFLICT))
		ok = append(a, json_string("claim"));
	if (!ok) {
		json_decref(a);
		return NULL;
	}
	return a;
}


static json_t *evidence_array(json_ctx *ctx, const incline_event *ev)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < ev->n_evidence; i++)
		if (!append(a, evidence_object(ctx, ev, &ev->evidence[i]))) {
			json_decref(a);
			return NULL;
		}
	return a;
}

/* The one event object both the timeline and NDJSON use. NULL on OOM. */
static json_t *event_object(json_ctx *ctx, const incline_event *ev)
{
	unsigned conflicts = INCLINE_EVENT_DATE_CONFLICT
			     | INCLINE_EVENT_CLAIM_CONFLICT;
	json_t *o = json_object();
	bool ok = o
		  && set(o, "id", str_n(ctx, ev->id, strnlen(ev->id,
							      sizeof ev->id)))
		  && set(o, "type", json_string(incline_event_type_name(ev->type)));

	if (ok && ev->incident[0])
		ok = set(o, "incident",
			 str_n(ctx, ev->incident,
			       strnlen(ev->incident, sizeof ev->incident)));
	ok = ok && set(o, "date", date_object(ctx, &ev->when, false))
		  && set(o, "summary", str_or_null(ctx, ev->summary))
		  && set(o, "actors", strings_array(ctx, ev->actors,
						    ev->n_actors));

	if (ok && ev->type == INCLINE_EVENT_ATTRIBUTION)
		ok = set(o, "attribution", claim_object(ctx, &ev->claim));
	if (ok && (ev->flags & conflicts))
		ok = set(o, "conflict", conflict_array(ev));
	if (ok && (ev->flags & INCLINE_EVENT_HEDGED))
		ok = set(o, "hedged", json_true());
	ok = ok && set(o, "first_reported", day_or_null(ev->first_reported))
	     && set(o, "sources", size_int(ev->n_sources))
	     && set(o, "evidence", evidence_array(ctx, ev));
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* {id, name, entities[], earliest, latest, events[]}. NULL on OOM. */
static json_t *incident_object(json_ctx *ctx, const incline_incident *in)
{
	json_t *o = json_object(), *ents = json_array(), *evs = json_array();
	bool ok = o && ents && evs;

	for (size_t i = 0; ok && i < in->n_entities; i++)
		ok = append(ents, str_or_null(ctx, in->entities[i]));
	for (size_t i = 0; ok && i < in->n_events; i++)
		ok = append(evs, str_n(ctx, in->events[i],
				       strnlen(in->events[i],
					       sizeof in->events[i])));
	ok = ok && set(o, "id", str_n(ctx, in->id, strnlen(in->id, sizeof in->id)))
	     && set(o, "name", str_or_null(ctx, in->name))
	     && set(o, "entities", json_incref(ents))
	     && set(o, "earliest", day_or_null(in->earliest))
	     && set(o, "latest", day_or_null(in->latest))
	     && set(o, "events", json_incref(evs));
	json_decref(ents);
	json_decref(evs);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *timeline_object(json_ctx *ctx, const incline_timeline *tl)
{
	json_t *o = json_object(), *events = json_array();
	json_t *from = strings_array(ctx, tl->articles, tl->n_articles);
	bool ok = o && from && events;

	for (size_t i = 0; ok && i < tl->n; i++)
		ok = append(events, event_object(ctx, &tl->events[i]));
	if (ok)
		ok = set(o, "incline", json_string(INCLINE_VERSION))
		     && set(o, "generated_from", json_incref(from))
		     && set(o, "events", json_incref(events));
	if (ok && tl->n_incidents) {
		json_t *ins = json_array();

		ok = ins != NULL;
		for (size_t i = 0; ok && i < tl->n_incidents; i++)
			ok = append(ins, incident_object(ctx, &tl->incidents[i]));
		ok = ok && set(o, "incidents", json_incref(ins));
		json_decref(ins);
	}
	json_decref(from);
	json_decref(events);
	if (!ok) {
		json_decref(o);
		return NULL;
	}
	return o;
}

/* Writes v plus "\n" and maps failures: a stream error is INCLINE_EIO,
 * anything else is INCLINE_ENOMEM. A compact line (NDJSON) is serialised
 * into memory by incline_emit_buf_add_json, which skips jansson's
 * per-token callbacks and cycle checks, and written with one fwrite (perf:
 * a quarter of `incline extract` was json_dumpf). Anything else (the whole
 * indented timeline) streams through stdio, so it is never held twice. */
static int dump_line(FILE *fp, const json_t *v, size_t flags,
		     incline_error *err)
{
	incline_emit_buf b = { NULL, 0, 0 };
	int rc = 0;

	if (flags != JSON_COMPACT) {
		if (json_dumpf(v, fp, flags) != 0 || fputc('\n', fp) == EOF)
			return ferror(fp) ? incline_error_set(err, INCLINE_EIO, NULL, 0, 0,
							      "cannot write the output")
					  : incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
							      "out of memory writing JSON");
		return 0;
	}
	if (incline_emit_buf_add_json(&b, v) != 0 || incline_emit_buf_add(&b, "\n", 1) != 0)
		rc = incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
				       "out of memory writing JSON");
	else if (fwrite(b.data, 1, b.len, fp) != b.len)
		rc = incline_error_set(err, INCLINE_EIO, NULL, 0, 0,
				       "cannot write the output");
	incline_emit_buf_free(&b);
	return rc;
}

static int nomem(incline_error *err)
{
	return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
				 "out of memory building JSON");
}

/* Flushes so a full disk shows up here, not at some later fclose. */
static int finish(FILE *fp, incline_error *err)
{
	if (fflush(fp) != 0 || ferror(fp))
		return incline_error_set(err, INCLINE_EIO, NULL, 0, 0,
					 "cannot write the output");
	return 0;
}

int incline_emit_json(FILE *fp, const incline_timeline *tl,
		      incline_error *err)
{
	json_ctx ctx = { { NULL, 0, 0 } };
	json_t *doc = timeline_object(&ctx, tl);
	int rc;

	incline_emit_buf_free(&ctx.buf);
	if (!doc)
		return nomem(err);
	rc = dump_line(fp, doc, JSON_INDENT(2), err);
	json_decref(doc);
	return rc ? rc : finish(fp, err);
}

int incline_emit_ndjson(FILE *fp, const incline_timeline *tl,
			incline_error *err)
{
	json_ctx ctx = { { NULL, 0, 0 } };
	json_t *head = json_object();
	int rc = 0;

	/* No articles, no record: an empty timeline is an empty stream. */
	if (!head || !set(head, "incline", json_string(INCLINE_VERSION))
	    || !set(head, "generated_from",
		    strings_array(&ctx, tl->articles, tl->n_articles)))
		rc = nomem(err);
	else if (tl->n_articles > 0)
		rc = dump_line(fp, head, JSON_COMPACT, err);
	json_decref(head);
	/* One event at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		json_t *o = event_object(&ctx, &tl->events[i]);

		rc = o ? dump_line(fp, o, JSON_COMPACT, err) : nomem(err);
		json_decref(o);
	}
	incline_emit_buf_free(&ctx.buf);
	return rc ? rc : finish(fp, err);
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

	if (o && set(o, "article", str_or_null(ctx, a->id))
	    && set(o, "start", size_int(t->start))
	    && set(o, "end", size_int(t->end))
	    && set(o, "text", str_n(ctx, text, t->end - t->start))
	    && set(o, "type", json_string(incline_timex_type_name(t->type)))
	    && set(o, "value", str_n(ctx, t->value,
				     strnlen(t->value, sizeof t->value)))
	    && set(o, "mod", name_or_null(incline_timex_mod_name(t->mod)))
	    && set(o, "earliest", day_or_null(t->date.earliest))
	    && set(o, "latest", day_or_null(t->date.latest))
	    && set(o, "granularity", json_string(incline_gran_name(t->date.gran)))
	    && set(o, "anchor",
		   name_or_null(incline_timex_anchor_name(t->anchor))))
		return o;
	json_decref(o);
	return NULL;
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
		rc = o ? dump_line(fp, o, JSON_COMPACT, err) : nomem(err);
		json_decref(o);
	}
	incline_emit_buf_free(&ctx.buf);
	return rc ? rc : finish(fp, err);
}
