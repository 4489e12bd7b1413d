/* A STIX 2.1 bundle of the timeline, for threat-intelligence platforms.
 *
 * Objects, in this order:
 *   incident       one per incident merge found (name = its victim,
 *                  x_incline_id, x_incline_entities, x_incline_first_day /
 *                  x_incline_last_day), and one for the whole timeline when
 *                  some events belong to none (or merge grouped nothing);
 *                  each carries its events in x_incline_events (STIX 2.1
 *                  has no event object in its core): id, type, EDTF date,
 *                  granularity, summary, sources and flags
 *   threat-actor   one per actor named by an attribution claim (by name)
 *   relationship   one per attribution event (incident -> threat-actor):
 *                  "attributed-to" when its stance is asserted or
 *                  suspected, "related-to" when the actor is denied or
 *                  said not to be the one (STIX has no relationship for
 *                  "did not do it", and a consumer reading only
 *                  relationship_type must not take a denial for an
 *                  attribution); with x_incline_stance (asserted,
 *                  suspected, denied, unattributed), x_incline_claimant,
 *                  x_incline_event_id, x_incline_conflict /
 *                  x_incline_hedged when flagged and x_incline_claims,
 *                  every source's own claim
 *   report         one per article (by article id): published = the
 *                  article's date, external_references with its URL when
 *                  it is a web URL, object_refs = the incidents, claims and
 *                  actors it supports (the first incident when none)
 *
 * Reproducible: ids are UUIDv5 (in incline's own namespace, below) of
 * what the object stands for: "incident" + merge's incident id (or, for
 * the whole timeline, the article ids), "threat-actor"
 * + the name, "relationship" + the event id, "report" + the article id
 * (the type is part of every name, so no two objects share a UUID, as
 * STIX 2.1 requires).
 * created and modified are the latest publication date in the timeline
 * (00:00:00.000Z), never the clock, so the same timeline gives the same
 * bytes. STIX forbids null values and empty lists, so unknown values are
 * left out rather than written as null or []. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"
#include "uuid.h"

#define SET incline_emit_json_set
#define APPEND incline_emit_json_append

/* uuid5(NAMESPACE_URL, "urn:incline:stix-2.1"): every id incline writes
 * lives under it. */
static const uint8_t incline_ns[16] = {
	0x62, 0xeb, 0xe7, 0x97, 0xff, 0x96, 0x5b, 0x0d,
	0xb7, 0xe9, 0xfb, 0x06, 0x5e, 0xf2, 0xca, 0xe0,
};

/* Room for a STIX timestamp, "YYYY-MM-DDT00:00:00.000Z". */
#define STIX_TIME_SIZE 32

/* An article as the evidence describes it (strings borrowed). */
typedef struct stix_article {
	const char *id;
	const char *source;
	const char *url;
	incline_day published;
	json_t *refs; /* object_refs of its report (owned) */
} stix_article;

typedef struct stix_ctx {
	incline_emit_buf scratch;
	incline_emit_buf name;   /* the name an id is made from */
	stix_article *articles;  /* sorted by id */
	size_t n_articles;
	const char **actors;     /* sorted, distinct */
	size_t n_actors;
	char stamp[STIX_TIME_SIZE]; /* created/modified of every object */
	/* STIX ids of tl->incidents[i], then of the whole-timeline incident
	 * (index n_incidents) used by events that belong to none. */
	char (*incident_ids)[64];
	size_t n_incidents;
	bool whole;              /* the whole-timeline incident is written */
} stix_ctx;

/* The start of day d as a STIX timestamp (STIX wants created and modified
 * to the millisecond). */
static void stix_time(char out[STIX_TIME_SIZE], incline_day d)
{
	char day[11];

	snprintf(out, STIX_TIME_SIZE, "%sT00:00:00.000Z",
		 incline_date_format_day(day, d));
}

/* "type--uuid5(type + "\n" + key)" into out. false on OOM. */
static bool make_id(stix_ctx *c, char out[64], const char *type,
		    const char *key)
{
	char uuid[INCLINE_UUID_STRING_SIZE];

	incline_emit_buf_reset(&c->name);
	if (incline_emit_buf_add(&c->name, type, strlen(type))
	    || incline_emit_buf_add(&c->name, "\n", 1)
	    || incline_emit_buf_add(&c->name, key, strlen(key)))
		return false;
	incline_uuid5(uuid, incline_ns, c->name.data, c->name.len);
	snprintf(out, 64, "%s--%s", type, uuid);
	return true;
}

static int cmp_article(const void *a, const void *b)
{
	return strcmp(((const stix_article *)a)->id,
		      ((const stix_article *)b)->id);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static stix_article *find_article(const stix_ctx *c, const char *id)
{
	stix_article key = { id, NULL, NULL, 0, NULL };

	return id ? bsearch(&key, c->articles, c->n_articles,
			    sizeof *c->articles, cmp_article)
		  : NULL;
}

/* Folds a, another copy of the article last, into last, field by field
 * (the smallest string, the earliest day): qsort is not stable, so the
 * result must not depend on which copy came first. */
static void merge_article(stix_article *last, const stix_article *a)
{
	if (a->source && (!last->source || strcmp(a->source, last->source) < 0))
		last->source = a->source;
	if (a->url && (!last->url || strcmp(a->url, last->url) < 0))
		last->url = a->url;
	if (a->published != INCLINE_DAY_NONE
	    && (last->published == INCLINE_DAY_NONE
		|| a->published < last->published))
		last->published = a->published;
}

/* Sorts c->articles[0..n) by id and keeps one per id. */
static void unique_articles(stix_ctx *c, size_t n)
{
	qsort(c->articles, n, sizeof *c->articles, cmp_article);
	for (size_t i = 0; i < n; i++) {
		stix_article *last = c->n_articles ? &c->articles[c->n_articles - 1]
						   : NULL;

		if (last && strcmp(last->id, c->articles[i].id) == 0)
			merge_article(last, &c->articles[i]);
		else
			c->articles[c->n_articles++] = c->articles[i];
	}
}

/* Sorts c->actors and keeps one of each name. */
static void unique_actors(stix_ctx *c)
{
	size_t n = 0;

	qsort(c->actors, c->n_actors, sizeof *c->actors, cmp_str);
	for (size_t i = 0; i < c->n_actors; i++)
		if (n == 0 || strcmp(c->actors[n - 1], c->actors[i]) != 0)
			c->actors[n++] = c->actors[i];
	c->n_actors = n;
}

/* Collects the articles (from the timeline's list and the evidence) and
 * the actors, and the stamp. false on OOM. */
static bool collect(stix_ctx *c, const incline_timeline *tl)
{
	size_t cap = tl->n_articles, n = 0, na = 0;
	incline_day latest = INCLINE_DAY_NONE;

	for (size_t i = 0; i < tl->n; i++) {
		cap += tl->events[i].n_evidence;
		na += tl->events[i].type == INCLINE_EVENT_ATTRIBUTION;
	}
	c->articles = calloc(cap ? cap : 1, sizeof *c->articles);
	c->actors = calloc(na ? na : 1, sizeof *c->actors);
	if (!c->articles || !c->actors)
		return false;
	for (size_t i = 0; i < tl->n_articles; i++)
		c->articles[n++] = (stix_article){ tl->articles[i], NULL, NULL,
						   INCLINE_DAY_NONE, NULL };
	for (size_t i = 0; i < tl->n; i++) {
		const incline_event *ev = &tl->events[i];

		for (size_t j = 0; j < ev->n_evidence; j++) {
			const incline_evidence *e = &ev->evidence[j];

			if (e->article)
				c->articles[n++] = (stix_article){
					e->article, e->source,
					incline_emit_evidence_link(e),
					e->published, NULL };
		}
		if (ev->type == INCLINE_EVENT_ATTRIBUTION && ev->claim.actor)
			c->actors[c->n_actors++] = ev->claim.actor;
	}
	unique_articles(c, n);
	unique_actors(c);
	for (size_t i = 0; i < c->n_articles; i++) {
		if (!(c->articles[i].refs = json_array()))
			return false;
		if (c->articles[i].published != INCLINE_DAY_NONE
		    && (latest == INCLINE_DAY_NONE
			|| c->articles[i].published > latest))
			latest = c->articles[i].published;
	}
	/* No date at all: the epoch, still never the clock. */
	stix_time(c->stamp, latest == INCLINE_DAY_NONE ? 0 : latest);
	return true;
}

/* A string from the data, repaired; NULL on OOM. Never called with NULL. */
static json_t *text(stix_ctx *c, const char *s)
{
	return incline_emit_json_str(&c->scratch, s);
}

/* The properties every object starts with. */
static json_t *common(const stix_ctx *c, const char *type, const char *id)
{
	json_t *o = json_object();

	return incline_emit_json_done(o, o && SET(o, "type", json_string(type))
		&& SET(o, "spec_version", json_string("2.1"))
		&& SET(o, "id", json_string(id))
		&& SET(o, "created", json_string(c->stamp))
		&& SET(o, "modified", json_string(c->stamp)));
}

/* obj[key] = list (taken) unless list is empty: STIX forbids empty lists
 * as well as nulls. false on OOM (list NULL) or when the set fails. */
static bool set_list(json_t *obj, const char *key, json_t *list)
{
	if (list && json_array_size(list) == 0) {
		json_decref(list);
		return true;
	}
	return SET(obj, key, list);
}

/* Index into c->incident_ids of the incident ev belongs to. */
static size_t incident_of(const stix_ctx *c, const incline_timeline *tl,
			  const incline_event *ev)
{
	/* Linear: a timeline has few incidents. */
	for (size_t i = 0; ev->incident[0] && i < tl->n_incidents; i++)
		if (strncmp(tl->incidents[i].id, ev->incident,
			    sizeof ev->incident) == 0)
			return i;
	return c->n_incidents;
}

static json_t *event_summary(stix_ctx *c, const incline_event *ev)
{
	json_t *o = json_object();
	bool ok = o && SET(o, "id", incline_emit_json_id(&c->scratch, ev->id))
		  && SET(o, "type", json_string(incline_event_type_name(ev->type)))
		  && SET(o, "date", incline_emit_json_edtf(&ev->when.date))
		  && SET(o, "granularity",
			 json_string(incline_gran_name(ev->when.date.gran)))
		  && (!ev->summary || SET(o, "summary", text(c, ev->summary)))
		  && SET(o, "sources", json_integer((json_int_t)ev->n_sources));

	if (ok && (ev->flags & INCLINE_EVENT_DATE_CONFLICT))
		ok = SET(o, "date_conflict", json_true());
	if (ok && (ev->flags & INCLINE_EVENT_CLAIM_CONFLICT))
		ok = SET(o, "claim_conflict", json_true());
	if (ok && (ev->flags & INCLINE_EVENT_HEDGED))
		ok = SET(o, "hedged", json_true());
	return incline_emit_json_done(o, ok);
}

/* The summaries of the events that belong to STIX incident k. */
static json_t *incident_events(stix_ctx *c, const incline_timeline *tl,
			       size_t k)
{
	json_t *a = json_array();
	bool ok = a != NULL;

	for (size_t i = 0; ok && i < tl->n; i++)
		if (incident_of(c, tl, &tl->events[i]) == k)
			ok = APPEND(a, event_summary(c, &tl->events[i]));
	return incline_emit_json_done(a, ok);
}

/* STIX incident k: tl->incidents[k], or (k == n_incidents) the events that
 * belong to no incident. */
static json_t *incident(stix_ctx *c, const incline_timeline *tl, size_t k)
{
	const incline_incident *in = k < tl->n_incidents ? &tl->incidents[k]
							 : NULL;
	char name[160];
	json_t *o = common(c, "incident", c->incident_ids[k]);
	bool ok = o != NULL;

	if (in && in->name)
		ok = ok && SET(o, "name", text(c, in->name));
	else if (in) {
		snprintf(name, sizeof name, "Incident %.*s",
			 (int)strnlen(in->id, sizeof in->id), in->id);
		ok = ok && SET(o, "name", json_string(name));
	} else {
		snprintf(name, sizeof name, "%s from %zu article%s",
			 tl->n_incidents ? "Events of no single incident"
					 : "Incident timeline",
			 c->n_articles, c->n_articles == 1 ? "" : "s");
		ok = ok && SET(o, "name", json_string(name));
	}
	ok = ok && SET(o, "description",
		       json_string("Events of one incident as news articles "
				   "tell them, merged and dated by incline; "
				   "every event keeps its sources (see the "
				   "reports)."));
	if (ok && in) {
		ok = SET(o, "x_incline_id", incline_emit_json_id(&c->scratch, in->id))
		     && set_list(o, "x_incline_entities",
				 incline_emit_json_strings(&c->scratch, in->entities,
							   in->n_entities));
		if (ok && in->earliest != INCLINE_DAY_NONE)
			ok = SET(o, "x_incline_first_day",
				 incline_emit_json_day(in->earliest));
		if (ok && in->latest != INCLINE_DAY_NONE)
			ok = SET(o, "x_incline_last_day",
				 incline_emit_json_day(in->latest));
	}
	ok = ok && set_list(o, "x_incline_events", incident_events(c, tl, k));
	return incline_emit_json_done(o, ok);
}

static json_t *threat_actor(stix_ctx *c, const char *name)
{
	char id[64];
	json_t *o, *types = json_array();

	if (!types || !make_id(c, id, "threat-actor", name)
	    || !APPEND(types, json_string("unknown"))) {
		json_decref(types);
		return NULL;
	}
	o = common(c, "threat-actor", id);
	if (o && SET(o, "name", text(c, name))
	    && SET(o, "threat_actor_types", json_incref(types))) {
		json_decref(types);
		return o;
	}
	json_decref(types);
	json_decref(o);
	return NULL;
}

/* Every source's own claim about the actor. */
static json_t *claims(stix_ctx *c, const incline_event *ev)
{
	json_t *a = json_array();

	for (size_t i = 0; a && i < ev->n_evidence; i++) {
		const incline_evidence *e = &ev->evidence[i];
		json_t *o;

		if (e->claim.stance == INCLINE_STANCE_NONE)
			continue;
		o = json_object();
		if (!o || !APPEND(a, o)
		    || (e->article && !SET(o, "article", text(c, e->article)))
		    || (e->claim.actor && !SET(o, "actor", text(c, e->claim.actor)))
		    || (e->claim.claimant
			&& !SET(o, "claimant", text(c, e->claim.claimant)))
		    || !SET(o, "stance",
			    json_string(incline_stance_name(e->claim.stance)))) {
			json_decref(a);
			return NULL;
		}
	}
	return a;
}

/* Adds ref to the object_refs of every article that tells ev (once). */
static bool add_refs(stix_ctx *c, const incline_event *ev, const char *ref)
{
	for (size_t i = 0; i < ev->n_evidence; i++) {
		stix_article *a = find_article(c, ev->evidence[i].article);
		bool seen = false;

		for (size_t k = 0; a && !seen && k < json_array_size(a->refs); k++)
			seen = strcmp(json_string_value(json_array_get(a->refs, k)),
				      ref) == 0;
		if (a && !seen && !APPEND(a->refs, json_string(ref)))
			return false;
	}
	return true;
}

/* The relationship_type that says what the claim says (see the top). */
static const char *claim_relationship(incline_stance stance)
{
	return stance == INCLINE_STANCE_ASSERTED || stance == INCLINE_STANCE_SUSPECTED
	       ? "attributed-to" : "related-to";
}

/* The relationship of an attribution event to its actor; adds itself and
 * its actor to the reports of the articles that tell it. */
static json_t *attribution(stix_ctx *c, const incline_timeline *tl,
			   const incline_event *ev)
{
	char id[64], actor_id[64], event_id[INCLINE_EVENT_ID_SIZE + 1];
	json_t *o;
	bool ok;

	snprintf(event_id, sizeof event_id, "%.*s",
		 (int)strnlen(ev->id, sizeof ev->id), ev->id);
	if (!make_id(c, id, "relationship", event_id)
	    || !make_id(c, actor_id, "threat-actor", ev->claim.actor))
		return NULL;
	o = common(c, "relationship", id);
	ok = o && SET(o, "relationship_type",
		      json_string(claim_relationship(ev->claim.stance)))
	     && (!ev->summary || SET(o, "description", text(c, ev->summary)))
	     && SET(o, "source_ref",
		    json_string(c->incident_ids[incident_of(c, tl, ev)]))
	     && SET(o, "target_ref", json_string(actor_id))
	     && SET(o, "x_incline_event_id", json_string(event_id))
	     && SET(o, "x_incline_stance",
		    json_string(incline_stance_name(ev->claim.stance)))
	     && (!ev->claim.claimant
		 || SET(o, "x_incline_claimant", text(c, ev->claim.claimant)));
	if (ok && (ev->flags & INCLINE_EVENT_CLAIM_CONFLICT))
		ok = SET(o, "x_incline_conflict", json_true());
	if (ok && (ev->flags & INCLINE_EVENT_HEDGED))
		ok = SET(o, "x_incline_hedged", json_true());
	ok = ok && set_list(o, "x_incline_claims", claims(c, ev))
	     && add_refs(c, ev, id) && add_refs(c, ev, actor_id);
	return incline_emit_json_done(o, ok);
}

static json_t *report(stix_ctx *c, const stix_article *a)
{
	char id[64], published[STIX_TIME_SIZE];
	json_t *o, *ext = json_array(), *ref = json_object(),
	       *types = json_array(), *refs = json_array();
	bool ok = ext && ref && types && refs && make_id(c, id, "report", a->id)
		  && (json_array_size(a->refs) > 0
		      || APPEND(refs, json_string(c->incident_ids[0])))
		  && json_array_extend(refs, a->refs) == 0
		  && APPEND(types, json_string("threat-report"))
		  && SET(ref, "source_name", text(c, a->source ? a->source
							       : "article"))
		  && (!a->url || SET(ref, "url", text(c, a->url)))
		  && SET(ref, "external_id", text(c, a->id))
		  && APPEND(ext, json_incref(ref));

	if (a->published == INCLINE_DAY_NONE)
		snprintf(published, sizeof published, "%s", c->stamp);
	else
		stix_time(published, a->published);
	o = ok ? common(c, "report", id) : NULL;
	ok = o && SET(o, "name", text(c, a->id))
	     && SET(o, "report_types", json_incref(types))
	     && SET(o, "published", json_string(published))
	     && SET(o, "object_refs", json_incref(refs))
	     && SET(o, "external_references", json_incref(ext));
	json_decref(ext);
	json_decref(ref);
	json_decref(types);
	json_decref(refs);
	return incline_emit_json_done(o, ok);
}

/* The bundle id: the incident id and every object id, in order. */
static bool bundle_id(stix_ctx *c, char out[64], const json_t *objects)
{
	incline_emit_buf all = { NULL, 0, 0 };
	bool ok = true;

	for (size_t i = 0; ok && i < json_array_size(objects); i++) {
		const char *id = json_string_value(
			json_object_get(json_array_get(objects, i), "id"));
		ok = incline_emit_buf_add(&all, id, strlen(id)) == 0
		     && incline_emit_buf_add(&all, "\n", 1) == 0;
	}
	ok = ok && make_id(c, out, "bundle", all.data ? all.data : "");
	incline_emit_buf_free(&all);
	return ok;
}

/* The STIX ids of the incidents: one per merge incident, named by its
 * id, then the whole-timeline one, named by the set of articles. */
static bool incident_ids(stix_ctx *c, const incline_timeline *tl)
{
	incline_emit_buf key = { NULL, 0, 0 };
	bool ok;

	c->n_incidents = tl->n_incidents;
	c->incident_ids = calloc(tl->n_incidents + 1, sizeof *c->incident_ids);
	ok = c->incident_ids != NULL;
	for (size_t i = 0; ok && i < tl->n_incidents; i++) {
		char in_id[INCLINE_EVENT_ID_SIZE + 1];

		snprintf(in_id, sizeof in_id, "%.*s",
			 (int)strnlen(tl->incidents[i].id, sizeof tl->incidents[i].id),
			 tl->incidents[i].id);
		ok = make_id(c, c->incident_ids[i], "incident", in_id);
	}
	for (size_t i = 0; ok && i < c->n_articles; i++)
		ok = incline_emit_buf_add(&key, c->articles[i].id,
					  strlen(c->articles[i].id)) == 0
		     && incline_emit_buf_add(&key, "\n", 1) == 0;
	ok = ok && make_id(c, c->incident_ids[tl->n_incidents], "incident",
			   key.data ? key.data : "");
	incline_emit_buf_free(&key);
	return ok;
}

/* Every object, in the order the top of this file gives. */
static bool add_objects(stix_ctx *c, const incline_timeline *tl,
			json_t *objects)
{
	bool ok = true;

	c->whole = tl->n_incidents == 0;
	for (size_t i = 0; ok && i < tl->n; i++) {
		size_t k = incident_of(c, tl, &tl->events[i]);

		c->whole = c->whole || k == tl->n_incidents;
		/* the incidents an article tells of, in event order */
		ok = add_refs(c, &tl->events[i], c->incident_ids[k]);
	}
	for (size_t i = 0; ok && i < tl->n_incidents; i++)
		ok = APPEND(objects, incident(c, tl, i));
	if (ok && c->whole)
		ok = APPEND(objects, incident(c, tl, tl->n_incidents));
	for (size_t i = 0; ok && i < c->n_actors; i++)
		ok = APPEND(objects, threat_actor(c, c->actors[i]));
	for (size_t i = 0; ok && i < tl->n; i++)
		if (tl->events[i].type == INCLINE_EVENT_ATTRIBUTION
		    && tl->events[i].claim.actor)
			ok = APPEND(objects, attribution(c, tl, &tl->events[i]));
	for (size_t i = 0; ok && i < c->n_articles; i++)
		ok = APPEND(objects, report(c, &c->articles[i]));
	return ok;
}

static json_t *bundle(stix_ctx *c, const incline_timeline *tl)
{
	json_t *objects = json_array(), *o = NULL;
	char id[64];
	bool ok = objects && collect(c, tl) && incident_ids(c, tl)
		  && add_objects(c, tl, objects) && bundle_id(c, id, objects)
		  && (o = json_object())
		  && SET(o, "type", json_string("bundle"))
		  && SET(o, "id", json_string(id))
		  && SET(o, "objects", json_incref(objects));

	json_decref(objects);
	return incline_emit_json_done(o, ok);
}

int incline_emit_stix(FILE *fp, const incline_timeline *tl,
		      incline_error *err)
{
	stix_ctx c;
	json_t *doc;
	int rc;

	memset(&c, 0, sizeof c);
	doc = bundle(&c, tl);
	for (size_t i = 0; c.articles && i < c.n_articles; i++)
		json_decref(c.articles[i].refs);
	free(c.articles);
	free(c.actors);
	free(c.incident_ids);
	incline_emit_buf_free(&c.scratch);
	incline_emit_buf_free(&c.name);
	rc = doc ? incline_emit_json_line(fp, doc, JSON_INDENT(2), err)
		 : incline_emit_nomem(err);
	json_decref(doc);
	return rc ? rc : incline_emit_finish(fp, err);
}
