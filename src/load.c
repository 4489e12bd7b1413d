/* The loader: timeline JSON and NDJSON event streams back into events.
 *
 * jansson parses; this file checks what it built against the documented
 * shape (emit_json.c) and copies it into the event model. jansson keeps no
 * positions for values, so when a value has the wrong type the error
 * names its path ("events[2].evidence[0].start") and locate() walks the
 * raw text along that path to find its line and column: the text has
 * already parsed, so that walk can be a plain scanner.
 *
 * Everything is built in a scratch timeline and moved into the caller's
 * only once the whole input is good, so a failed load leaves it as it
 * was. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/io.h"
#include "incline/limits.h"
#include "incline/load.h"
#include "array.h"

/* One step of the path from the record to a value: a key, or (key NULL)
 * an index. Lives on the C stack of the function that descends. */
typedef struct load_path {
	const struct load_path *up;
	const char *key;
	size_t index;
} load_path;

typedef struct load_ctx {
	const char *name;     /* for errors */
	const char *buf;      /* the whole input */
	size_t len;
	size_t base;          /* offset of the current record in buf */
	size_t rec_len;       /* its length */
	incline_timeline *tl; /* scratch: what this input holds */
	incline_error *err;
} load_ctx;

/* Longest path printed or located; ours are at most 5 steps deep. */
#define LOAD_PATH_STEPS 16

/* ---- locating a value in the text -------------------------------------- */

static size_t skip_ws(const char *s, size_t len, size_t i)
{
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'
			   || s[i] == '\r'))
		i++;
	return i;
}

/* From an opening quote to just after the closing one. */
static size_t skip_string(const char *s, size_t len, size_t i)
{
	for (i++; i < len && s[i] != '"'; i++)
		if (s[i] == '\\')
			i++;
	return i < len ? i + 1 : len;
}

/* Past one value (string, number, literal, object or array). */
static size_t skip_value(const char *s, size_t len, size_t i)
{
	size_t depth = 0;

	if (i < len && s[i] == '"')
		return skip_string(s, len, i);
	if (i < len && s[i] != '{' && s[i] != '[') {
		while (i < len && s[i] != ',' && s[i] != '}' && s[i] != ']'
		       && s[i] != ' ' && s[i] != '\t' && s[i] != '\n'
		       && s[i] != '\r')
			i++;
		return i;
	}
	while (i < len) {
		if (s[i] == '"') {
			i = skip_string(s, len, i);
			continue;
		}
		if (s[i] == '{' || s[i] == '[')
			depth++;
		else if ((s[i] == '}' || s[i] == ']') && --depth == 0)
			return i + 1;
		i++;
	}
	return len;
}

/* Offset of the value at steps[0..n) in the valid JSON text s[0..len),
 * or of the deepest value on that path that could be found (a key spelt
 * with escapes is not matched; the enclosing object is reported). */
static size_t locate(const char *s, size_t len, const load_path *const *steps,
		     size_t n)
{
	size_t i = skip_ws(s, len, 0);

	for (size_t k = 0; k < n; k++) {
		const load_path *p = steps[k];
		size_t at = i, idx = 0;
		bool found = false;

		if (i >= len || s[i] != (p->key ? '{' : '['))
			return at;
		i++;
		for (;;) {
			i = skip_ws(s, len, i);
			if (i >= len || s[i] == '}' || s[i] == ']')
				return at;
			if (p->key) {
				size_t k0 = i, klen = strlen(p->key);

				i = skip_string(s, len, i);
				found = i - k0 == klen + 2
					&& memcmp(s + k0 + 1, p->key, klen) == 0;
				i = skip_ws(s, len, i);
				if (i < len && s[i] == ':')
					i++;
				i = skip_ws(s, len, i);
			} else {
				found = idx++ == p->index;
			}
			if (found)
				break;
			i = skip_ws(s, len, skip_value(s, len, i));
			if (i < len && s[i] == ',')
				i++;
		}
	}
	return i;
}

/* ---- errors ------------------------------------------------------------ */

/* Writes the path as "events[2].evidence[0].start" into out. */
static void path_text(char *out, size_t size, const load_path *const *steps,
		      size_t n)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t k = 0; k < n && used < size; k++) {
		int w;

		if (steps[k]->key)
			w = snprintf(out + used, size - used, "%s%s",
				     used ? "." : "", steps[k]->key);
		else
			w = snprintf(out + used, size - used, "[%zu]",
				     steps[k]->index);
		if (w < 0)
			break;
		used += (size_t)w;
	}
}

/* An EINVAL at the value `at` names, with its path. Returns INCLINE_EINVAL. */
static int fail_at(const load_ctx *c, const load_path *at, const char *what)
{
	const load_path *steps[LOAD_PATH_STEPS];
	size_t n = 0, off;
	char path[128];

	for (const load_path *p = at; p; p = p->up)
		n++;
	/* Deeper than we ever descend: report the outermost steps only. */
	while (n > LOAD_PATH_STEPS) {
		at = at->up;
		n--;
	}
	for (size_t k = n; at; at = at->up)
		steps[--k] = at;
	off = locate(c->buf + c->base, c->rec_len, steps, n);
	path_text(path, sizeof path, steps, n);
	return incline_error_at(c->err, INCLINE_EINVAL, c->name, c->buf,
				c->len, c->base + off, "%s%s%s", path,
				n ? ": " : "", what);
}

static int nomem(const load_ctx *c)
{
	return incline_error_set(c->err, INCLINE_ENOMEM, c->name, 0, 0,
				 "out of memory loading");
}

/* ---- typed getters ----------------------------------------------------- */

/* The value of key in o, and the path step naming it. */
static json_t *member(load_path *step, const load_path *at, json_t *o,
		      const char *key)
{
	step->up = at;
	step->key = key;
	step->index = 0;
	return json_object_get(o, key);
}

static int missing(const load_ctx *c, const load_path *at, const char *key)
{
	char what[64];

	snprintf(what, sizeof what, "missing \"%s\"", key);
	return fail_at(c, at, what);
}

/* *out = new copy of the string at key, NULL for null or (when !required)
 * absent. */
static int get_string(char **out, const load_ctx *c, const load_path *at,
		      json_t *o, const char *key, bool required)
{
	load_path step;
	json_t *v = member(&step, at, o, key);

	*out = NULL;
	if (!v)
		return required ? missing(c, at, key) : 0;
	if (json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return fail_at(c, &step, "expected a string or null");
	if (!(*out = strdup(json_string_value(v))))
		return nomem(c);
	return 0;
}

/* A "YYYY-MM-DD" day at key; null or absent is INCLINE_DAY_NONE. */
static int get_day(incline_day *out, const load_ctx *c, const load_path *at,
		   json_t *o, const char *key)
{
	load_path step;
	json_t *v = member(&step, at, o, key);

	*out = INCLINE_DAY_NONE;
	if (!v || json_is_null(v))
		return 0;
	if (!json_is_string(v)
	    || incline_date_parse_day(out, json_string_value(v),
				      json_string_length(v)))
		return fail_at(c, &step, "expected a day YYYY-MM-DD or null");
	return 0;
}

/* A byte offset or count at key (0 when absent and not required). */
static int get_size(size_t *out, const load_ctx *c, const load_path *at,
		    json_t *o, const char *key, bool required)
{
	load_path step;
	json_t *v = member(&step, at, o, key);
	json_int_t n;

	*out = 0;
	if (!v)
		return required ? missing(c, at, key) : 0;
	n = json_is_integer(v) ? json_integer_value(v) : -1;
	if (n < 0 || (uintmax_t)n > SIZE_MAX)
		return fail_at(c, &step, "expected a non-negative integer");
	*out = (size_t)n;
	return 0;
}

/* true/false at key; absent is false. */
static int get_bool(bool *out, const load_ctx *c, const load_path *at,
		    json_t *o, const char *key)
{
	load_path step;
	json_t *v = member(&step, at, o, key);

	*out = false;
	if (!v)
		return 0;
	if (!json_is_boolean(v))
		return fail_at(c, &step, "expected true or false");
	*out = json_is_true(v);
	return 0;
}

/* A name from one of event.h's tables at key: *out = from_name(value).
 * Absent keeps *out (the caller's default) unless required. */
static int get_name(int *out, const load_ctx *c, const load_path *at,
		    json_t *o, const char *key, bool required,
		    int (*from_name)(const char *), const char *what)
{
	load_path step;
	json_t *v = member(&step, at, o, key);
	int n;

	if (!v)
		return required ? missing(c, at, key) : 0;
	n = json_is_string(v) ? from_name(json_string_value(v)) : -1;
	if (n < 0)
		return fail_at(c, &step, what);
	*out = n;
	return 0;
}

static int gran_from_name(const char *name)
{
	incline_gran g = incline_gran_from_name(name, strlen(name));

	/* from_name answers UNKNOWN for any text; only "unknown" is it. */
	if (g == INCLINE_GRAN_UNKNOWN && strcmp(name, "unknown") != 0)
		return -1;
	return (int)g;
}

/* An array at key (absent: *out = NULL unless required). */
static int get_array(json_t **out, load_path *step, const load_ctx *c,
		     const load_path *at, json_t *o, const char *key,
		     bool required)
{
	json_t *v = member(step, at, o, key);

	*out = NULL;
	if (!v)
		return required ? missing(c, at, key) : 0;
	if (!json_is_array(v))
		return fail_at(c, step, "expected an array");
	*out = v;
	return 0;
}

/* Calls add(to, s) for each string of the array at key. */
static int get_strings(const load_ctx *c, const load_path *at, json_t *o,
		       const char *key, int (*add)(void *, const char *),
		       void *to)
{
	load_path step, item;
	json_t *a, *v;
	size_t i;
	int rc = get_array(&a, &step, c, at, o, key, false);

	if (rc || !a)
		return rc;
	json_array_foreach(a, i, v) {
		item.up = &step;
		item.key = NULL;
		item.index = i;
		if (!json_is_string(v))
			return fail_at(c, &item, "expected a string");
		if ((rc = add(to, json_string_value(v))))
			return rc == INCLINE_ENOMEM ? nomem(c) : rc;
	}
	return 0;
}

/* An object at key, or NULL when absent. */
static int get_object(json_t **out, load_path *step, const load_ctx *c,
		      const load_path *at, json_t *o, const char *key)
{
	json_t *v = member(step, at, o, key);

	*out = NULL;
	if (v && !json_is_object(v))
		return fail_at(c, step, "expected an object");
	*out = v;
	return 0;
}

/* ---- records ----------------------------------------------------------- */

/* A date object into w (cleared first). The EDTF "value" is derived from
 * the interval, so it is not read back. */
static int load_when(incline_when *w, const load_ctx *c, const load_path *at,
		     json_t *o)
{
	int gran = INCLINE_GRAN_UNKNOWN, basis = INCLINE_BASIS_EXPLICIT, rc;
	bool span;

	memset(w, 0, sizeof *w);
	w->date.earliest = w->date.latest = INCLINE_DAY_NONE;
	span = json_object_get(o, "article") || json_object_get(o, "start")
	       || json_object_get(o, "end");
	if ((rc = get_day(&w->date.earliest, c, at, o, "earliest"))
	    || (rc = get_day(&w->date.latest, c, at, o, "latest"))
	    || (rc = get_name(&gran, c, at, o, "granularity", false,
			      gran_from_name, "unknown granularity"))
	    || (rc = get_name(&basis, c, at, o, "basis", false,
			      incline_basis_from_name, "unknown basis"))
	    || (rc = get_string(&w->text, c, at, o, "text", false))
	    || (rc = get_string(&w->value, c, at, o, "timex", false)))
		return rc;
	w->date.gran = (incline_gran)gran;
	w->basis = (incline_basis)basis;
	if (span && ((rc = get_string(&w->article, c, at, o, "article", false))
		     || (rc = get_size(&w->start, c, at, o, "start", true))
		     || (rc = get_size(&w->end, c, at, o, "end", true))))
		return rc;
	w->has_span = span;
	if (w->date.earliest != INCLINE_DAY_NONE
	    && w->date.latest != INCLINE_DAY_NONE
	    && w->date.latest < w->date.earliest)
		return fail_at(c, at, "\"latest\" is before \"earliest\"");
	return 0;
}

/* The date object at key into w; absent: no date, only "by publication". */
static int load_when_at(incline_when *w, const load_ctx *c,
			const load_path *at, json_t *o, bool *present)
{
	load_path step;
	json_t *d;
	int rc = get_object(&d, &step, c, at, o, "date");

	*present = d != NULL;
	if (rc)
		return rc;
	if (d)
		return load_when(w, c, &step, d);
	memset(w, 0, sizeof *w);
	w->date.earliest = w->date.latest = INCLINE_DAY_NONE;
	w->basis = INCLINE_BASIS_PUBLICATION;
	return 0;
}

static int load_claim(incline_claim *cl, const load_ctx *c,
		      const load_path *at, json_t *o)
{
	load_path step;
	json_t *a;
	int stance = INCLINE_STANCE_NONE, rc;

	memset(cl, 0, sizeof *cl);
	if ((rc = get_object(&a, &step, c, at, o, "attribution")) || !a)
		return rc;
	if ((rc = get_string(&cl->actor, c, &step, a, "actor", false))
	    || (rc = get_string(&cl->claimant, c, &step, a, "claimant", false))
	    || (rc = get_name(&stance, c, &step, a, "stance", true,
			      incline_stance_from_name, "unknown stance")))
		return rc;
	cl->stance = (incline_stance)stance;
	return 0;
}

static int add_evidence_actor(void *e, const char *name)
{
	return incline_evidence_add_actor(e, name);
}

static int add_event_actor(void *ev, const char *name)
{
	return incline_event_add_actor(ev, name);
}

/* The optional "about": {"start", "end"} of an evidence (event.h). */
static int load_about(incline_evidence *e, const load_ctx *c, const load_path *at, json_t *o)
{
	load_path step;
	json_t *v = member(&step, at, o, "about");
	int rc;

	if (!v)
		return 0;
	if (!json_is_object(v))
		return fail_at(c, &step, "expected an object");
	if ((rc = get_size(&e->about_start, c, &step, v, "start", true))
	    || (rc = get_size(&e->about_end, c, &step, v, "end", true)))
		return rc;
	if (e->about_end <= e->about_start)
		return fail_at(c, &step, "\"end\" is not after \"start\"");
	return 0;
}

/* One evidence object into e (cleared first; the caller clears it on
 * failure). ev is its event, whose actors 0.1.0 files lend. */
static int load_evidence(incline_evidence *e, const load_ctx *c,
			 const load_path *at, json_t *o,
			 const incline_event *ev)
{
	bool hedged, dated;
	int rc;

	memset(e, 0, sizeof *e);
	if (!json_is_object(o))
		return fail_at(c, at, "expected an evidence object");
	if ((rc = get_string(&e->article, c, at, o, "article", true))
	    || (rc = get_string(&e->source, c, at, o, "source", false))
	    || (rc = get_string(&e->url, c, at, o, "url", false))
	    || (rc = get_day(&e->published, c, at, o, "published"))
	    || (rc = get_size(&e->start, c, at, o, "start", true))
	    || (rc = get_size(&e->end, c, at, o, "end", true))
	    || (rc = get_string(&e->quote, c, at, o, "text", false))
	    || (rc = load_when_at(&e->when, c, at, o, &dated))
	    || (rc = load_claim(&e->claim, c, at, o))
	    || (rc = get_bool(&hedged, c, at, o, "hedged")))
		return rc;
	if (e->end < e->start)
		return fail_at(c, at, "\"end\" is before \"start\"");
	if ((rc = load_about(e, c, at, o)))
		return rc;
	if (hedged)
		e->flags |= INCLINE_EVIDENCE_HEDGED;
	if (json_object_get(o, "actors"))
		return get_strings(c, at, o, "actors", add_evidence_actor, e);
	for (size_t i = 0; i < ev->n_actors; i++)
		if (incline_evidence_add_actor(e, ev->actors[i]))
			return nomem(c);
	return 0;
}

/* The "conflict" array: names of INCLINE_EVENT_*_CONFLICT flags. */
static int load_conflicts(unsigned *flags, const load_ctx *c,
			  const load_path *at, json_t *o)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {
		{ "date", INCLINE_EVENT_DATE_CONFLICT },
		{ "claim", INCLINE_EVENT_CLAIM_CONFLICT },
	};
	load_path step, item;
	json_t *a, *v;
	size_t i;
	int rc = get_array(&a, &step, c, at, o, "conflict", false);

	if (rc || !a)
		return rc;
	json_array_foreach(a, i, v) {
		size_t k = 0;

		item.up = &step;
		item.key = NULL;
		item.index = i;
		while (k < sizeof names / sizeof names[0]
		       && !(json_is_string(v)
			    && strcmp(json_string_value(v), names[k].name) == 0))
			k++;
		if (k == sizeof names / sizeof names[0])
			return fail_at(c, &item, "expected \"date\" or \"claim\"");
		*flags |= names[k].flag;
	}
	return 0;
}

/* A fixed-size id string at key into out ("" when absent). */
static int get_id(char out[INCLINE_EVENT_ID_SIZE], const load_ctx *c,
		  const load_path *at, json_t *o, const char *key)
{
	load_path step;
	json_t *v = member(&step, at, o, key);

	out[0] = '\0';
	if (!v)
		return 0;
	if (!json_is_string(v) || json_string_length(v) == 0
	    || json_string_length(v) >= INCLINE_EVENT_ID_SIZE)
		return fail_at(c, &step, "expected an id string of at most "
			       "23 bytes");
	memcpy(out, json_string_value(v), json_string_length(v) + 1);
	return 0;
}

/* One event object into ev (zeroed first; the caller clears it). */
static int load_event_fields(incline_event *ev, const load_ctx *c,
			     const load_path *at, json_t *o)
{
	load_path step, id_step, item;
	json_t *evidence, *v, *id;
	int type = 0, rc;
	bool hedged, dated;
	size_t i;

	memset(ev, 0, sizeof *ev);
	if ((rc = get_name(&type, c, at, o, "type", true,
			   incline_event_type_from_name, "unknown event type"))
	    || (rc = load_when_at(&ev->when, c, at, o, &dated))
	    || (rc = get_string(&ev->summary, c, at, o, "summary", false))
	    || (rc = get_strings(c, at, o, "actors", add_event_actor, ev))
	    || (rc = load_claim(&ev->claim, c, at, o))
	    || (rc = load_conflicts(&ev->flags, c, at, o))
	    || (rc = get_bool(&hedged, c, at, o, "hedged"))
	    || (rc = get_day(&ev->first_reported, c, at, o, "first_reported"))
	    || (rc = get_size(&ev->n_sources, c, at, o, "sources", false))
	    || (rc = get_id(ev->incident, c, at, o, "incident"))
	    || (rc = get_array(&evidence, &step, c, at, o, "evidence", true)))
		return rc;
	ev->type = (incline_event_type)type;
	if (hedged)
		ev->flags |= INCLINE_EVENT_HEDGED;
	json_array_foreach(evidence, i, v) {
		incline_evidence e;
		void *items = ev->evidence;

		item.up = &step;
		item.key = NULL;
		item.index = i;
		if ((rc = load_evidence(&e, c, &item, v, ev))) {
			incline_evidence_clear(&e);
			return rc;
		}
		/* Moved in, not copied: reserve, then place. */
		rc = incline_array_reserve(&items, &ev->cap_evidence,
					   ev->n_evidence + 1,
					   sizeof *ev->evidence);
		ev->evidence = items;
		if (rc) {
			incline_evidence_clear(&e);
			return nomem(c);
		}
		ev->evidence[ev->n_evidence++] = e;
	}
	id = member(&id_step, at, o, "id");
	if (!id) {
		incline_event_assign_id(ev);
		return 0;
	}
	if (!json_is_string(id) || json_string_length(id) == 0
	    || json_string_length(id) >= sizeof ev->id)
		return fail_at(c, &id_step, "expected an id string of at most "
			       "23 bytes");
	memcpy(ev->id, json_string_value(id), json_string_length(id) + 1);
	return 0;
}

static int load_event(const load_ctx *c, const load_path *at, json_t *o)
{
	incline_event ev;
	int rc = load_event_fields(&ev, c, at, o);

	if (rc) {
		incline_event_clear(&ev);
		return rc;
	}
	if (incline_timeline_take(c->tl, &ev))
		return nomem(c);
	return 0;
}

/* Appends the article id (copied) to the scratch list; duplicates are
 * dropped when the scratch is moved into the caller's timeline. */
static int add_article(void *payload, const char *id)
{
	incline_timeline *tl = payload;
	void *items = tl->articles;
	char *copy;
	int rc = incline_array_reserve(&items, &tl->cap_articles,
				       tl->n_articles + 1, sizeof *tl->articles);

	tl->articles = items;
	if (rc || !(copy = strdup(id)))
		return INCLINE_ENOMEM;
	tl->articles[tl->n_articles++] = copy;
	return 0;
}

static int add_incident_entity(void *in, const char *name)
{
	incline_incident *x = in;
	char **items = realloc(x->entities, (x->n_entities + 1) * sizeof *items);

	if (!items)
		return INCLINE_ENOMEM;
	x->entities = items;
	if (!(items[x->n_entities] = strdup(name)))
		return INCLINE_ENOMEM;
	x->n_entities++;
	return 0;
}

static int add_incident_event(void *in, const char *id)
{
	incline_incident *x = in;
	size_t len = strlen(id);
	char (*items)[INCLINE_EVENT_ID_SIZE];

	if (len == 0 || len >= INCLINE_EVENT_ID_SIZE)
		return INCLINE_EINVAL;
	items = realloc(x->events, (x->n_events + 1) * sizeof *items);
	if (!items)
		return INCLINE_ENOMEM;
	x->events = items;
	memcpy(items[x->n_events++], id, len + 1);
	return 0;
}

/* One incident object into in (zeroed first; the caller clears it). */
static int load_incident(incline_incident *in, const load_ctx *c,
			 const load_path *at, json_t *o)
{
	int rc;

	memset(in, 0, sizeof *in);
	if (!json_is_object(o))
		return fail_at(c, at, "expected an incident object");
	/* get_id leaves "" for an absent id, which would be written as an
	 * id that cannot be read back. */
	if (!json_object_get(o, "id"))
		return missing(c, at, "id");
	if ((rc = get_id(in->id, c, at, o, "id"))
	    || (rc = get_string(&in->name, c, at, o, "name", false))
	    || (rc = get_strings(c, at, o, "entities", add_incident_entity, in))
	    || (rc = get_day(&in->earliest, c, at, o, "earliest"))
	    || (rc = get_day(&in->latest, c, at, o, "latest")))
		return rc;
	rc = get_strings(c, at, o, "events", add_incident_event, in);
	return rc == INCLINE_EINVAL ? fail_at(c, at, "bad event id") : rc;
}

/* The incidents[] a merged timeline ends with, kept as written so a
 * timeline reads back to its bytes (merge recomputes them anyway). */
static int load_incidents(const load_ctx *c, json_t *v)
{
	load_path step, item;
	json_t *a, *o;
	size_t i;
	int rc = get_array(&a, &step, c, NULL, v, "incidents", false);

	if (rc || !a)
		return rc;
	json_array_foreach(a, i, o) {
		incline_timeline *tl = c->tl;
		incline_incident *items = realloc(tl->incidents,
						  (tl->n_incidents + 1) * sizeof *items);

		if (!items)
			return nomem(c);
		tl->incidents = items;
		item.up = &step;
		item.key = NULL;
		item.index = i;
		rc = load_incident(&items[tl->n_incidents], c, &item, o);
		tl->n_incidents++; /* cleared with the scratch even on failure */
		if (rc)
			return rc;
	}
	return 0;
}

/* One record: a timeline document, an articles record or an event. */
static int load_record(const load_ctx *c, json_t *v)
{
	load_path step, item;
	json_t *events, *o;
	size_t i;
	int rc;

	if (!json_is_object(v))
		return fail_at(c, NULL, "expected a timeline or an event object");
	if (json_object_get(v, "evidence") || json_object_get(v, "type"))
		return load_event(c, NULL, v);
	if ((rc = get_strings(c, NULL, v, "generated_from", add_article,
			      c->tl)))
		return rc;
	if ((rc = get_array(&events, &step, c, NULL, v, "events", false)))
		return rc;
	if (!events && !json_object_get(v, "generated_from"))
		return fail_at(c, NULL, "neither a timeline (\"events\") nor an "
			       "event (\"type\", \"evidence\") nor an articles "
			       "record (\"generated_from\")");
	json_array_foreach(events, i, o) {
		item.up = &step;
		item.key = NULL;
		item.index = i;
		if (!json_is_object(o))
			return fail_at(c, &item, "expected an event object");
		if ((rc = load_event(c, &item, o)))
			return rc;
	}
	return load_incidents(c, v);
}

/* ---- parsing ----------------------------------------------------------- */

/* Nesting of s[0..len) is at most max; else ELIMIT at the bracket that
 * goes deeper. Checked before jansson builds anything, so a hostile
 * input costs a scan, not a deep tree. */
static int check_depth(const load_ctx *c, unsigned max)
{
	const char *s = c->buf;
	size_t depth = 0;

	for (size_t i = 0; i < c->len; i++) {
		if (s[i] == '"') {
			i = skip_string(s, c->len, i) - 1;
		} else if (s[i] == '{' || s[i] == '[') {
			if (++depth > max)
				return incline_error_at(c->err, INCLINE_ELIMIT,
							c->name, s, c->len, i,
							"nested deeper than %u",
							max);
		} else if ((s[i] == '}' || s[i] == ']') && depth > 0) {
			depth--;
		}
	}
	return 0;
}

/* Flags every parse uses: a duplicated key is an error, not a silent
 * "last one wins". */
#define LOAD_JSON_FLAGS JSON_REJECT_DUPLICATES

/* true when json_loadb failed for want of memory. jansson says so with
 * json_error_out_of_memory, except when its lexer's first buffer cannot be
 * allocated: then it returns NULL leaving the error text empty (jansson
 * 2.14 load.c, lex_init), and every real syntax error has a text. Found by
 * test_chaos ("invalid JSON: " with no reason). */
static int json_nomem(const json_error_t *jerr)
{
	return json_error_code(jerr) == json_error_out_of_memory || jerr->text[0] == '\0';
}

/* Parses the record c->buf[c->base .. + c->rec_len) into *out. */
static int parse_record(json_t **out, const load_ctx *c)
{
	json_error_t jerr;
	int line;

	*out = json_loadb(c->buf + c->base, c->rec_len, LOAD_JSON_FLAGS, &jerr);
	if (*out)
		return 0;
	if (json_nomem(&jerr))
		return nomem(c);
	/* jansson counts lines and characters from the record's start, which
	 * is always the start of a line. */
	line = 1;
	for (size_t i = 0; i < c->base; i++)
		line += c->buf[i] == '\n';
	return incline_error_set(c->err, INCLINE_EINVAL, c->name,
				 line + (jerr.line > 0 ? jerr.line - 1 : 0),
				 jerr.column > 0 ? jerr.column : 1,
				 "invalid JSON: %s", jerr.text);
}

static bool blank(const char *s, size_t len)
{
	return skip_ws(s, len, 0) == len;
}

/* End of the line starting at i (the '\n' or len). */
static size_t line_end(const char *s, size_t len, size_t i)
{
	const char *nl = memchr(s + i, '\n', len - i);

	return nl ? (size_t)(nl - s) : len;
}

/* NDJSON: every non-blank line from `from` on is one record. first, when
 * not NULL, is the already parsed record of the first line (taken). */
static int load_lines(load_ctx *c, size_t from, json_t *first)
{
	int rc = 0;

	for (size_t i = from; rc == 0 && i < c->len;) {
		size_t e = line_end(c->buf, c->len, i);
		json_t *v = NULL;

		c->base = i;
		c->rec_len = e - i;
		if (first) {
			v = first;
			first = NULL;
		} else if (!blank(c->buf + i, e - i)) {
			rc = parse_record(&v, c);
		}
		if (v)
			rc = load_record(c, v);
		json_decref(v);
		i = e + 1;
	}
	json_decref(first);
	return rc;
}

/* load_document's answer when the text is not the document it reads
 * piece by piece (a syntax error, a duplicate key, another shape): the
 * whole-tree path then takes over and reports what is wrong. */
#define LOAD_FALLBACK 1

/* One value s[0..len) of the document, parsed alone. */
static int parse_piece(json_t **out, const load_ctx *c, const char *s,
		       size_t len)
{
	json_error_t jerr;

	*out = json_loadb(s, len, LOAD_JSON_FLAGS | JSON_DECODE_ANY, &jerr);
	if (*out)
		return 0;
	return json_nomem(&jerr) ? nomem(c) : LOAD_FALLBACK;
}

/* The events array at s[i] ('['), one event parsed and loaded at a time. */
static int load_event_pieces(const load_ctx *c, const char *s, size_t n,
			     size_t i)
{
	load_path step = { NULL, "events", 0 }, item = { &step, NULL, 0 };
	int rc;

	i = skip_ws(s, n, i + 1);
	if (i < n && s[i] == ']')
		return 0;
	for (;;) {
		size_t v0 = i;
		json_t *v;

		i = skip_value(s, n, i);
		if (i == v0 || (rc = parse_piece(&v, c, s + v0, i - v0)))
			return i == v0 ? LOAD_FALLBACK : rc;
		rc = json_is_object(v) ? load_event(c, &item, v)
				       : fail_at(c, &item, "expected an event object");
		json_decref(v);
		if (rc)
			return rc;
		item.index++;
		i = skip_ws(s, n, i);
		if (i < n && s[i] == ']')
			return 0;
		if (i >= n || s[i] != ',')
			return LOAD_FALLBACK;
		i = skip_ws(s, n, i + 1);
	}
}

/* The members of the object whose '{' is at s[*at], up to its '}' (then
 * *at is past it): "events" only located (*events = offset of its value),
 * every other value parsed into head. */
static int scan_members(const load_ctx *c, const char *s, size_t n,
			size_t *at, json_t *head, size_t *events)
{
	size_t i = skip_ws(s, n, *at + 1);
	int rc = 0;

	if (i < n && s[i] == '}') {
		*at = i + 1;
		return 0;
	}
	while (!rc) {
		size_t k0 = i, v0;
		json_t *key = NULL, *v = NULL;
		const char *name;

		if (i >= n || s[i] != '"')
			return LOAD_FALLBACK;
		i = skip_string(s, n, i);
		if ((rc = parse_piece(&key, c, s + k0, i - k0)))
			return rc;
		name = json_string_value(key);
		i = skip_ws(s, n, i);
		v0 = i < n && s[i] == ':' ? skip_ws(s, n, i + 1) : n;
		i = skip_value(s, n, v0);
		/* A duplicate key is the whole-tree path's error to report. */
		if (!name || i == v0 || json_object_get(head, name)
		    || (strcmp(name, "events") == 0 && *events != SIZE_MAX))
			rc = LOAD_FALLBACK;
		else if (strcmp(name, "events") == 0)
			*events = v0;
		else if (!(rc = parse_piece(&v, c, s + v0, i - v0))
			 && json_object_set_new(head, name, v))
			rc = nomem(c);
		json_decref(key);
		i = skip_ws(s, n, i);
		if (!rc && i < n && s[i] == '}') {
			*at = i + 1;
			return 0;
		}
		if (!rc && (i >= n || s[i] != ','))
			rc = LOAD_FALLBACK;
		i = skip_ws(s, n, i + 1);
	}
	return rc;
}

/* A timeline document without building its whole tree: the scanner
 * splits the top-level object into members, jansson parses each (and
 * each event of "events" alone), so memory holds one event's tree, not
 * the file's (several times the size of the text). Anything unexpected
 * is LOAD_FALLBACK. */
static int load_document(const load_ctx *c)
{
	const char *s = c->buf + c->base;
	size_t n = c->rec_len, i = skip_ws(s, n, 0), events = SIZE_MAX;
	json_t *head;
	int rc;

	if (i >= n || s[i] != '{')
		return LOAD_FALLBACK;
	if (!(head = json_object()))
		return nomem(c);
	rc = scan_members(c, s, n, &i, head, &events);
	/* Only a timeline with its events array goes this way. */
	if (!rc && (skip_ws(s, n, i) != n || events == SIZE_MAX
		    || s[events] != '[' || json_object_get(head, "evidence")
		    || json_object_get(head, "type")))
		rc = LOAD_FALLBACK;
	if (!rc)
		rc = get_strings(c, NULL, head, "generated_from", add_article,
				 c->tl);
	if (!rc)
		rc = load_event_pieces(c, s, n, events);
	if (!rc)
		rc = load_incidents(c, head);
	json_decref(head);
	return rc;
}

/* Where the text starts: after a UTF-8 byte order mark, which some
 * editors put in front of a file they saved (jansson refuses it). */
static size_t text_start(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
}

static int load_all(load_ctx *c)
{
	size_t start = text_start(c->buf, c->len);
	size_t i = skip_ws(c->buf, c->len, start), e;
	json_t *v;
	json_error_t jerr;
	int rc;

	/* An empty stream holds no events: map/reduce jobs leave empty
	 * partitions and markers (Hadoop's and Spark's _SUCCESS). */
	if (i == c->len)
		return 0;
	/* The first non-blank line standing alone decides: NDJSON. */
	for (e = i; e > start && c->buf[e - 1] != '\n'; e--)
		;
	i = e;
	e = line_end(c->buf, c->len, i);
	v = json_loadb(c->buf + i, e - i, LOAD_JSON_FLAGS, &jerr);
	if (v)
		return load_lines(c, i, v);
	if (json_nomem(&jerr))
		return nomem(c); /* not a sign the input is one document */
	c->base = start;
	c->rec_len = c->len - start;
	if ((rc = load_document(c)) != LOAD_FALLBACK)
		return rc;
	/* Start again from nothing, on the whole tree. */
	incline_timeline_free(c->tl);
	if ((rc = parse_record(&v, c)))
		return rc;
	rc = load_record(c, v);
	json_decref(v);
	return rc;
}

/* ---- moving the scratch into the caller's timeline --------------------- */

static int cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* An article id of the scratch and where it stands in its list. */
typedef struct load_ref {
	const char *id;
	size_t index;
} load_ref;

/* By id, then by position: the first occurrence of an id sorts first. */
static int cmp_ref(const void *pa, const void *pb)
{
	const load_ref *a = pa, *b = pb;
	int c = strcmp(a->id, b->id);

	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* Moves every event and every article id not already there from src into
 * dst, or nothing (ENOMEM, dst unchanged). src keeps what was not moved. */
static int move_into(incline_timeline *dst, incline_timeline *src)
{
	void *events = dst->events, *articles = dst->articles;
	size_t n_old = dst->n_articles, m = src->n_articles;
	char **seen = NULL;    /* the ids dst has, sorted for bsearch */
	load_ref *refs = NULL; /* src's ids sorted, first occurrence first */
	bool *keep = NULL;     /* per src id: new to dst, first of its kind */
	int rc;

	if (src->n > SIZE_MAX - dst->n || m > SIZE_MAX - n_old)
		return INCLINE_ENOMEM;
	rc = incline_array_reserve(&events, &dst->cap, dst->n + src->n,
				   sizeof *dst->events);
	dst->events = events;
	if (!rc) {
		rc = incline_array_reserve(&articles, &dst->cap_articles,
					   n_old + m, sizeof *dst->articles);
		dst->articles = articles;
	}
	/* Room for the incidents too: dropping them on a failure here would
	 * load another timeline than the file's. */
	if (!rc && src->n_incidents) {
		incline_incident *items;

		if (src->n_incidents > SIZE_MAX / sizeof *items - dst->n_incidents
		    || !(items = realloc(dst->incidents,
					 (dst->n_incidents + src->n_incidents)
					 * sizeof *items)))
			rc = INCLINE_ENOMEM;
		else
			dst->incidents = items;
	}
	if (!rc && ((n_old && !(seen = calloc(n_old, sizeof *seen)))
		    || (m && (!(refs = calloc(m, sizeof *refs))
			      || !(keep = calloc(m, sizeof *keep))))))
		rc = INCLINE_ENOMEM;
	if (rc) {
		free(seen);
		free(refs);
		free(keep);
		return rc;
	}
	/* Sorting both sides: n log n, where a linear search per id would
	 * cost n * m on a corpus-sized timeline. */
	if (n_old) {
		memcpy(seen, dst->articles, n_old * sizeof *seen);
		qsort(seen, n_old, sizeof *seen, cmp_strp);
	}
	for (size_t i = 0; i < m; i++) {
		refs[i].id = src->articles[i];
		refs[i].index = i;
	}
	if (m > 1)
		qsort(refs, m, sizeof *refs, cmp_ref);
	for (size_t k = 0; k < m; k++)
		keep[refs[k].index] =
			(k == 0 || strcmp(refs[k].id, refs[k - 1].id) != 0)
			&& !(n_old && bsearch(&refs[k].id, seen, n_old,
					      sizeof *seen, cmp_strp));
	/* Nothing can fail from here on. */
	if (src->n)
		memcpy(dst->events + dst->n, src->events,
		       src->n * sizeof *src->events);
	dst->n += src->n;
	src->n = 0;
	for (size_t i = 0; i < m; i++)
		if (keep[i]) {
			dst->articles[dst->n_articles++] = src->articles[i];
			src->articles[i] = NULL;
		}
	free(seen);
	free(refs);
	free(keep);
	if (src->n_incidents) {
		memcpy(dst->incidents + dst->n_incidents, src->incidents,
		       src->n_incidents * sizeof *src->incidents);
		dst->n_incidents += src->n_incidents;
		src->n_incidents = 0;
	}
	return 0;
}

/* ---- entry points ------------------------------------------------------ */

int incline_load_buffer(incline_timeline *tl, const char *name,
			const char *buf, size_t len,
			const incline_load_opts *opts, incline_error *err)
{
	size_t max_bytes = opts && opts->max_bytes ? opts->max_bytes
						   : INCLINE_MAX_LOAD_BYTES;
	unsigned max_depth = opts && opts->max_depth ? opts->max_depth
						     : INCLINE_MAX_LOAD_DEPTH;
	incline_timeline scratch = { 0 };
	load_ctx c = { name, buf, len, 0, len, &scratch, err };
	int rc;

	if (len > max_bytes)
		return incline_error_set(err, INCLINE_ELIMIT, name, 0, 0,
					 "is larger than %zu bytes", max_bytes);
	if (!buf && len)
		return incline_error_set(err, INCLINE_EUSAGE, name, 0, 0,
					 "no buffer");
	rc = check_depth(&c, max_depth);
	if (!rc)
		rc = load_all(&c);
	if (!rc && move_into(tl, &scratch))
		rc = nomem(&c);
	for (size_t i = 0; i < scratch.n_articles; i++)
		free(scratch.articles[i]);
	scratch.n_articles = 0;
	incline_timeline_free(&scratch);
	return rc;
}

int incline_load_file(incline_timeline *tl, const char *path,
		      const incline_load_opts *opts, incline_error *err)
{
	size_t max = opts && opts->max_bytes ? opts->max_bytes
					     : INCLINE_MAX_LOAD_BYTES;
	char *buf = NULL;
	size_t len = 0;
	int rc = incline_io_read_file(&buf, &len, path, max, err);

	if (!rc)
		rc = incline_load_buffer(tl, path, buf, len, opts, err);
	free(buf);
	return rc;
}
