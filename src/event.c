/* Events, evidence and the timeline: lifetime (copy, clear, take), the
 * stable event id, and the one canonical ordering every output relies on
 * to be byte-deterministic. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/event.h"
#include "array.h"

/* Name tables, indexed by the enums. These strings are the wire format of
 * every emitter and of the loader, so they never change once released. */
static const char *const type_names[INCLINE_EVENT_TYPE_COUNT] = {
	"intrusion", "detection", "response", "recovery", "disclosure",
	"impact", "attribution", "vulnerability", "patch", "context",
};

static const char *const basis_names[] = {
	"explicit", "relative", "publication",
};

static const char *const stance_names[] = {
	"", "asserted", "suspected", "denied", "unattributed",
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* Index of name in table, or -1. */
static int name_lookup(const char *const *table, size_t n, const char *name)
{
	if (!name)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (strcmp(table[i], name) == 0)
			return (int)i;
	return -1;
}

const char *incline_event_type_name(incline_event_type t)
{
	/* An out-of-range value is a programming error; "" keeps the
	 * emitters from dereferencing NULL. */
	return (unsigned)t < COUNT_OF(type_names) ? type_names[t] : "";
}

int incline_event_type_from_name(const char *name)
{
	return name_lookup(type_names, COUNT_OF(type_names), name);
}

const char *incline_basis_name(incline_basis b)
{
	return (unsigned)b < COUNT_OF(basis_names) ? basis_names[b] : "";
}

int incline_basis_from_name(const char *name)
{
	return name_lookup(basis_names, COUNT_OF(basis_names), name);
}

const char *incline_stance_name(incline_stance s)
{
	return (unsigned)s < COUNT_OF(stance_names) ? stance_names[s] : "";
}

int incline_stance_from_name(const char *name)
{
	return name_lookup(stance_names, COUNT_OF(stance_names), name);
}

/* *dst = new copy of src (NULL stays NULL). Returns 0 or INCLINE_ENOMEM. */
static int dup_string(char **dst, const char *src)
{
	*dst = NULL;
	if (!src)
		return 0;
	*dst = strdup(src);
	return *dst ? 0 : INCLINE_ENOMEM;
}

/* ---- copy and clear ---------------------------------------------------- */

static void free_strings(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

/* *dst = new copy of the n strings of src (n == 0: NULL). Returns 0 or
 * INCLINE_ENOMEM (then *dst = NULL). */
static int dup_strings(char ***dst, char *const *src, size_t n)
{
	char **items;

	*dst = NULL;
	if (n == 0)
		return 0;
	if (!(items = calloc(n, sizeof *items)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < n; i++)
		if (dup_string(&items[i], src[i])) {
			free_strings(items, i);
			return INCLINE_ENOMEM;
		}
	*dst = items;
	return 0;
}

void incline_when_clear(incline_when *w)
{
	if (!w)
		return;
	free(w->value);
	free(w->text);
	free(w->article);
	memset(w, 0, sizeof *w);
}

void incline_claim_clear(incline_claim *c)
{
	if (!c)
		return;
	free(c->actor);
	free(c->claimant);
	memset(c, 0, sizeof *c);
}

void incline_evidence_clear(incline_evidence *e)
{
	if (!e)
		return;
	free(e->article);
	free(e->source);
	free(e->url);
	free(e->quote);
	incline_when_clear(&e->when);
	incline_claim_clear(&e->claim);
	free_strings(e->actors, e->n_actors);
	memset(e, 0, sizeof *e);
}

void incline_event_clear(incline_event *ev)
{
	if (!ev)
		return;
	incline_when_clear(&ev->when);
	free(ev->summary);
	for (size_t i = 0; i < ev->n_actors; i++)
		free(ev->actors[i]);
	free(ev->actors);
	incline_claim_clear(&ev->claim);
	for (size_t i = 0; i < ev->n_evidence; i++)
		incline_evidence_clear(&ev->evidence[i]);
	free(ev->evidence);
	memset(ev, 0, sizeof *ev);
}

void incline_incident_clear(incline_incident *in)
{
	if (!in)
		return;
	free(in->name);
	for (size_t i = 0; i < in->n_entities; i++)
		free(in->entities[i]);
	free(in->entities);
	free(in->events);
	memset(in, 0, sizeof *in);
}

int incline_when_copy(incline_when *dst, const incline_when *src)
{
	incline_when w = *src;

	/* Copy into a local first so dst is never half-owned: on failure it
	 * is zeroed, which clear and free accept. The local's pointers are
	 * nulled first: a failed strdup stops the chain, and the frees below
	 * must not reach src's strings (found by test_chaos: double free). */
	w.value = w.text = w.article = NULL;
	if (dup_string(&w.value, src->value) || dup_string(&w.text, src->text)
	    || dup_string(&w.article, src->article)) {
		free(w.value);
		free(w.text);
		free(w.article);
		memset(dst, 0, sizeof *dst);
		return INCLINE_ENOMEM;
	}
	*dst = w;
	return 0;
}

int incline_claim_copy(incline_claim *dst, const incline_claim *src)
{
	incline_claim c = *src;

	c.actor = c.claimant = NULL; /* as in incline_when_copy */
	if (dup_string(&c.actor, src->actor)
	    || dup_string(&c.claimant, src->claimant)) {
		free(c.actor);
		free(c.claimant);
		memset(dst, 0, sizeof *dst);
		return INCLINE_ENOMEM;
	}
	*dst = c;
	return 0;
}

int incline_evidence_copy(incline_evidence *dst, const incline_evidence *src)
{
	incline_evidence e = *src;

	/* Null every owned pointer first so one clear undoes a partial copy. */
	e.article = e.source = e.url = e.quote = NULL;
	e.actors = NULL;
	e.n_actors = 0;
	memset(&e.when, 0, sizeof e.when);
	memset(&e.claim, 0, sizeof e.claim);
	if (dup_strings(&e.actors, src->actors, src->n_actors) == 0)
		e.n_actors = src->n_actors;
	if (e.n_actors != src->n_actors
	    || dup_string(&e.article, src->article)
	    || dup_string(&e.source, src->source)
	    || dup_string(&e.url, src->url)
	    || dup_string(&e.quote, src->quote)
	    || incline_when_copy(&e.when, &src->when)
	    || incline_claim_copy(&e.claim, &src->claim)) {
		incline_evidence_clear(&e);
		memset(dst, 0, sizeof *dst);
		return INCLINE_ENOMEM;
	}
	*dst = e;
	return 0;
}

int incline_event_add_evidence(incline_event *ev, const incline_evidence *e)
{
	incline_evidence copy;
	void *items = ev->evidence;
	int rc;

	/* Copy before growing: e may point into ev->evidence itself, which
	 * the realloc would move. */
	if ((rc = incline_evidence_copy(&copy, e)))
		return rc;
	/* Every extracted event holds exactly one piece of evidence, so the
	 * first allocation is for one, not the generic 8: those seven empty
	 * slots were over half of build's memory on a large corpus. */
	if (ev->cap_evidence == 0 && (items = malloc(sizeof *ev->evidence)))
		ev->cap_evidence = 1;
	rc = incline_array_reserve(&items, &ev->cap_evidence, ev->n_evidence + 1,
				   sizeof *ev->evidence);
	ev->evidence = items;
	if (rc) {
		incline_evidence_clear(&copy);
		return rc;
	}
	ev->evidence[ev->n_evidence++] = copy;
	return 0;
}

/* Adds a copy of actor to the list (*items, *n) unless already there. */
static int add_string(char ***items, size_t *n, const char *actor)
{
	char **grown;
	char *copy;

	if (!actor)
		return INCLINE_EUSAGE;
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*items)[i], actor) == 0)
			return 0;
	/* No capacity field: grow by one, so an array allocated elsewhere
	 * (the loader) with exactly n slots stays valid. Actor lists are
	 * short. */
	if (*n >= SIZE_MAX / sizeof **items - 1)
		return INCLINE_ENOMEM;
	copy = strdup(actor);
	if (!copy)
		return INCLINE_ENOMEM;
	grown = realloc(*items, (*n + 1) * sizeof **items);
	if (!grown) {
		free(copy);
		return INCLINE_ENOMEM;
	}
	grown[(*n)++] = copy;
	*items = grown;
	return 0;
}

int incline_event_add_actor(incline_event *ev, const char *actor)
{
	return add_string(&ev->actors, &ev->n_actors, actor);
}

int incline_evidence_add_actor(incline_evidence *e, const char *actor)
{
	return add_string(&e->actors, &e->n_actors, actor);
}

/* ---- ordering ---------------------------------------------------------- */

/* strcmp with NULL ("unknown") before every string. */
static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_size(size_t a, size_t b)
{
	return (a > b) - (a < b);
}

static int cmp_int(long long a, long long b)
{
	return (a > b) - (a < b);
}

/* Day order with NONE (unknown) after every real day. */
static int cmp_day_none_last(incline_day a, incline_day b)
{
	if (a == INCLINE_DAY_NONE || b == INCLINE_DAY_NONE)
		return (a == INCLINE_DAY_NONE) - (b == INCLINE_DAY_NONE);
	return cmp_int(a, b);
}

static int cmp_when(const incline_when *a, const incline_when *b)
{
	int c;

	if ((c = cmp_int(a->date.earliest, b->date.earliest))
	    || (c = cmp_int(a->date.latest, b->date.latest))
	    || (c = cmp_int(a->date.gran, b->date.gran))
	    || (c = cmp_int(a->date.flags, b->date.flags))
	    || (c = cmp_int(a->basis, b->basis))
	    || (c = cmp_str(a->value, b->value))
	    || (c = cmp_str(a->text, b->text))
	    || (c = cmp_int(a->has_span, b->has_span))
	    || (c = cmp_str(a->article, b->article))
	    || (c = cmp_size(a->start, b->start)))
		return c;
	return cmp_size(a->end, b->end);
}

static int cmp_claim(const incline_claim *a, const incline_claim *b)
{
	int c;

	if ((c = cmp_int(a->stance, b->stance))
	    || (c = cmp_str(a->actor, b->actor)))
		return c;
	return cmp_str(a->claimant, b->claimant);
}

/* Article, start, end as documented; the remaining fields only break ties
 * so that two orders of the same evidence always come out the same. */
static int cmp_evidence(const incline_evidence *a, const incline_evidence *b)
{
	int c;

	if ((c = cmp_str(a->article, b->article))
	    || (c = cmp_size(a->start, b->start))
	    || (c = cmp_size(a->end, b->end))
	    || (c = cmp_str(a->quote, b->quote))
	    || (c = cmp_str(a->source, b->source))
	    || (c = cmp_int(a->published, b->published))
	    || (c = cmp_when(&a->when, &b->when))
	    || (c = cmp_claim(&a->claim, &b->claim))
	    || (c = cmp_int(a->flags, b->flags))
	    || (c = cmp_size(a->n_actors, b->n_actors)))
		return c;
	for (size_t i = 0; i < a->n_actors; i++)
		if ((c = cmp_str(a->actors[i], b->actors[i])))
			return c;
	return 0;
}

static int qsort_evidence(const void *a, const void *b)
{
	return cmp_evidence(a, b);
}

static void sort_evidence(incline_event *ev)
{
	size_t i = 1;

	/* merge builds evidence in this order already, then assigns the id
	 * and sorts the timeline, each sorting it again: checking costs a
	 * comparison per evidence, where qsort of sorted input costs
	 * n log n (a twentieth of merge at 1M events). */
	while (i < ev->n_evidence
	       && cmp_evidence(&ev->evidence[i - 1], &ev->evidence[i]) <= 0)
		i++;
	if (i < ev->n_evidence)
		qsort(ev->evidence, ev->n_evidence, sizeof *ev->evidence,
		      qsort_evidence);
}

/* The day an event is placed at: its earliest day, or its upper bound
 * when that is all that is known ("reported by 20 September"). */
static incline_day sort_day(const incline_event *ev)
{
	if (ev->when.date.earliest != INCLINE_DAY_NONE)
		return ev->when.date.earliest;
	return ev->when.date.latest;
}

static int cmp_event(const incline_event *a, const incline_event *b)
{
	int c;

	if ((c = cmp_day_none_last(sort_day(a), sort_day(b)))
	    || (c = cmp_day_none_last(a->when.date.latest, b->when.date.latest))
	    || (c = cmp_int(a->type, b->type))
	    || (c = strcmp(a->id, b->id))
	    || (c = cmp_str(a->summary, b->summary))
	    || (c = cmp_size(a->n_evidence, b->n_evidence)))
		return c;
	/* Equal ids mean equal evidence triples; compare the rest so the
	 * order stays total. Evidence is already sorted here. */
	for (size_t i = 0; i < a->n_evidence; i++)
		if ((c = cmp_evidence(&a->evidence[i], &b->evidence[i])))
			return c;
	return 0;
}

static int qsort_event(const void *a, const void *b)
{
	return cmp_event(a, b);
}

static int qsort_string(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* ---- id ---------------------------------------------------------------- */

#define FNV64_OFFSET 0xcbf29ce484222325ULL
#define FNV64_PRIME 0x100000001b3ULL

static uint64_t fnv1a(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= FNV64_PRIME;
	}
	return h;
}

/* Hashes a string with its terminating NUL, so "ab"+"c" and "a"+"bc"
 * differ. NULL hashes like "". */
static uint64_t fnv1a_str(uint64_t h, const char *s)
{
	if (!s)
		s = "";
	return fnv1a(h, s, strlen(s) + 1);
}

/* Hashes n as 8 little-endian bytes: the id must not depend on the
 * platform's size_t width or byte order. */
static uint64_t fnv1a_u64(uint64_t h, uint64_t n)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(n >> (8 * i));
	return fnv1a(h, b, sizeof b);
}

static bool same_triple(const incline_evidence *a, const incline_evidence *b)
{
	return cmp_str(a->article, b->article) == 0 && a->start == b->start
	       && a->end == b->end;
}

void incline_event_assign_id(incline_event *ev)
{
	uint64_t h = FNV64_OFFSET;

	sort_evidence(ev);
	h = fnv1a_str(h, incline_event_type_name(ev->type));
	for (size_t i = 0; i < ev->n_evidence; i++) {
		const incline_evidence *e = &ev->evidence[i];

		/* A set: the same sentence counted twice is the same set. */
		if (i > 0 && same_triple(e, &ev->evidence[i - 1]))
			continue;
		h = fnv1a_str(h, e->article);
		h = fnv1a_u64(h, e->start);
		h = fnv1a_u64(h, e->end);
	}
	/* "ev-%016llx" by hand: snprintf was a fifth of making an event
	 * (callgrind, incline extract). */
	static const char hex[] = "0123456789abcdef";
	memcpy(ev->id, "ev-", 3);
	for (int i = 0; i < 16; i++)
		ev->id[3 + i] = hex[(h >> (60 - 4 * i)) & 15];
	ev->id[19] = '\0';
}

/* ---- timeline ---------------------------------------------------------- */

int incline_timeline_take(incline_timeline *tl, incline_event *ev)
{
	void *items = tl->events;
	int rc = incline_array_reserve(&items, &tl->cap, tl->n + 1, sizeof *tl->events);

	tl->events = items;
	if (rc) {
		incline_event_clear(ev); /* taken even on failure */
		return rc;
	}
	tl->events[tl->n++] = *ev;
	memset(ev, 0, sizeof *ev);
	return 0;
}

int incline_timeline_add_article(incline_timeline *tl, const char *id)
{
	void *items = tl->articles;
	size_t lo = 0, hi = tl->n_articles;
	char *copy;
	int rc;

	if (!id)
		return INCLINE_EUSAGE;
	/* The list is kept sorted so that a corpus of many articles is not
	 * quadratic: inputs mostly come in sorted order (directory walks), so
	 * the common case is one comparison with the last id and an append. */
	if (hi > 0 && strcmp(tl->articles[hi - 1], id) < 0)
		lo = hi;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(tl->articles[mid], id);
		if (c == 0)
			return 0;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	rc = incline_array_reserve(&items, &tl->cap_articles, tl->n_articles + 1,
				   sizeof *tl->articles);
	tl->articles = items;
	if (rc)
		return rc;
	copy = strdup(id);
	if (!copy)
		return INCLINE_ENOMEM;
	memmove(tl->articles + lo + 1, tl->articles + lo,
		(tl->n_articles - lo) * sizeof *tl->articles);
	tl->articles[lo] = copy;
	tl->n_articles++;
	return 0;
}

void incline_timeline_sort(incline_timeline *tl)
{
	/* Evidence first: the event comparator's last resort reads it. */
	for (size_t i = 0; i < tl->n; i++)
		sort_evidence(&tl->events[i]);
	if (tl->n > 1)
		qsort(tl->events, tl->n, sizeof *tl->events, qsort_event);
	if (tl->n_articles > 1)
		qsort(tl->articles, tl->n_articles, sizeof *tl->articles,
		      qsort_string);
}

void incline_timeline_free(incline_timeline *tl)
{
	if (!tl)
		return;
	for (size_t i = 0; i < tl->n; i++)
		incline_event_clear(&tl->events[i]);
	free(tl->events);
	for (size_t i = 0; i < tl->n_articles; i++)
		free(tl->articles[i]);
	free(tl->articles);
	for (size_t i = 0; i < tl->n_incidents; i++)
		incline_incident_clear(&tl->incidents[i]);
	free(tl->incidents);
	memset(tl, 0, sizeof *tl);
}
