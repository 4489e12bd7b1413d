/* Incidents (incident.h, incident_index.h). An article is about one
 * victim: the organisation its sentences tell most about, intrusion,
 * detection, disclosure, impact and response sentences counting double
 * (those are told about the victim; context sentences name others), a
 * sentence saying the organisation was hit or owned up to it ("an attack
 * on X", "X's network", "X notified") counting more, and one telling
 * about it ("according to X", "X researchers") or naming a titled
 * person's surname not at all (entity.h's roles). Its
 * articles, split where their publication dates leave a gap, make an
 * incident; articles naming no organisation join the incident they share
 * merged events with; an event joins the incident most of its sources
 * belong to. Entities come from the evidence sentences only (merge never
 * re-reads articles). Every tie is broken on strings, never on the order
 * things were added, so the result depends only on the set of sentences. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "incident_index.h"
#include "incline/incident.h"
#include "strmap.h"

/* Most entities listed per incident. */
#define INCIDENT_MAX_ENTITIES 8

/* Weight of a mention by the type of event its sentence tells: what
 * happened to the victim counts double. */
static uint32_t incident_type_weight(incline_event_type t)
{
	switch (t) {
	case INCLINE_EVENT_INTRUSION:
	case INCLINE_EVENT_DETECTION:
	case INCLINE_EVENT_RESPONSE:
	case INCLINE_EVENT_RECOVERY:
	case INCLINE_EVENT_DISCLOSURE:
	case INCLINE_EVENT_IMPACT:
		return 2;
	default:
		return 1;
	}
}

/* Weight a mention gains when the words around it say its organisation
 * suffered the incident or owned up to it (entity.h's roles: "an attack
 * on X", "X's network", "X notified"): such a sentence outweighs two
 * that only name X, so a vendor or an agency named often in passing
 * loses to the one organisation the story says was hit. Mentions as a
 * teller ("according to X", "X researchers") weigh nothing. */
#define INCIDENT_VICTIM_CUE_WEIGHT 2

typedef struct ix_mention {
	uint32_t article, key, weight;
	bool initial;  /* a lone sentence-opening word (incline_entity) */
	uint64_t sent; /* hash of its sentence: a sentence told as several
			* events, or naming a key twice, counts once (its
			* heaviest mention), so the victim does not hang on
			* how many event types extraction read into it */
} ix_mention;

typedef struct ix_pair {
	uint32_t a, b;
} ix_pair;

struct incline_incident_index {
	incline_entity_finder *finder;
	bool borrowed_finder;      /* incline_incident_index_new_with */
	incline_strmap articles;   /* article id -> index */
	const char *last_article;  /* the last one added (in articles' pool) */
	size_t last_index;
	/* caller's article number (incline_incident_index_add_ranked) ->
	 * index + 1, 0 = not seen yet */
	uint32_t *by_rank;
	size_t cap_by_rank;
	incline_day *published;    /* per article: latest publication seen */
	size_t cap_published;
	size_t n_atoms;            /* sentences added, numbered 0.. */
	size_t *qoff, *qlen;       /* distinct keys of atom i in qkeys */
	uint32_t *atom_article;    /* atom -> article or UINT32_MAX */
	size_t cap_qoff, cap_qlen, cap_aa;
	uint32_t *qkeys;
	size_t n_qkeys, cap_qkeys;
	ix_mention *ments;
	size_t n_ments, cap_ments;
	ix_pair *aliases;          /* (acronym key, long form key) */
	size_t n_aliases, cap_aliases;
	uint32_t *acronyms;        /* keys written as acronyms */
	size_t n_acronyms, cap_acronyms;
	uint32_t *persons;         /* keys named as titled persons' surnames */
	size_t n_persons, cap_persons;
	ix_pair *spellings;        /* (key, surface) */
	size_t n_spellings, cap_spellings;
	uint32_t *resolve;         /* key -> key after acronyms (finish) */
	uint32_t *display;         /* key -> surface id or NONE (finish) */
	uint32_t *victim;          /* article -> key or NONE (finish) */
	bool *named;               /* key -> met inside a sentence (finish) */
	incline_entity_list scratch;
	bool finished;
};

void incline_incident_index_free(incline_incident_index *x)
{
	if (!x)
		return;
	if (!x->borrowed_finder)
		incline_entity_finder_free(x->finder);
	incline_strmap_free(&x->articles);
	free(x->by_rank);
	free(x->published);
	free(x->atom_article);
	free(x->qoff);
	free(x->qlen);
	free(x->qkeys);
	free(x->ments);
	free(x->aliases);
	free(x->spellings);
	free(x->persons);
	free(x->acronyms);
	free(x->resolve);
	free(x->display);
	free(x->victim);
	free(x->named);
	incline_entity_list_free(&x->scratch);
	free(x);
}

int incline_incident_index_new(incline_incident_index **out,
			       incline_error *err)
{
	incline_incident_index *x = calloc(1, sizeof *x);
	int rc;

	*out = NULL;
	if (!x)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					 "incident: out of memory");
	if ((rc = incline_entity_finder_new(&x->finder, err))) {
		free(x);
		return rc;
	}
	*out = x;
	return 0;
}

int incline_incident_index_new_with(incline_incident_index **out,
				    incline_entity_finder *f,
				    incline_error *err)
{
	incline_incident_index *x = calloc(1, sizeof *x);

	*out = NULL;
	if (!x)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					 "incident: out of memory");
	incline_entity_finder_reset(f);
	x->finder = f;
	x->borrowed_finder = true;
	*out = x;
	return 0;
}

/* Appends one element of `size` bytes to a growable array. */
static int ix_push(void *items, size_t *n, size_t *cap, const void *e,
		   size_t size)
{
	void **p = items;
	int rc = incline_array_reserve(p, cap, *n + 1, size);

	if (rc)
		return rc;
	memcpy((char *)*p + *n * size, e, size);
	(*n)++;
	return 0;
}

static int ix_article(uint32_t *out, incline_incident_index *x,
		      const char *article, incline_day published)
{
	size_t len, i;
	void *p;
	int rc;

	/* merge adds atoms sorted by type, then article: runs of one. */
	if (x->last_article && (x->last_article == article
				|| strcmp(x->last_article, article) == 0)) {
		i = x->last_index;
		goto found;
	}
	len = strlen(article);
	i = incline_strmap_find(&x->articles, article, len);
	if (i == SIZE_MAX) {
		i = x->articles.n;
		p = x->published;
		rc = incline_array_reserve(&p, &x->cap_published, i + 1,
					   sizeof *x->published);
		x->published = p;
		if (rc || (rc = incline_strmap_put(&x->articles, article, len,
						   (uint32_t)i)))
			return rc;
		x->published[i] = published;
	}
	x->last_article = incline_strmap_str(&x->articles, i);
	x->last_index = i;
found:
	if (published != INCLINE_DAY_NONE
	    && (x->published[i] == INCLINE_DAY_NONE
		|| published > x->published[i]))
		x->published[i] = published;
	*out = (uint32_t)i;
	return 0;
}

/* ix_article for a caller that already numbers its article ids (merge
 * ranks them before it adds atoms): the string is hashed and compared
 * once per article, not once per atom, which profiling showed to be a
 * fifth of incline_incident_index_add at 1M events. Indices stay in
 * order of first add, so nothing downstream changes. */
static int ix_article_ranked(uint32_t *out, incline_incident_index *x,
			     uint32_t rank, const char *article,
			     incline_day published)
{
	void *p = x->by_rank;
	size_t i, old = x->cap_by_rank;
	int rc;

	if (rank >= old) {
		rc = incline_array_reserve(&p, &x->cap_by_rank, (size_t)rank + 1,
					   sizeof *x->by_rank);
		x->by_rank = p;
		if (rc)
			return rc;
		memset(x->by_rank + old, 0,
		       (x->cap_by_rank - old) * sizeof *x->by_rank);
	}
	if (!x->by_rank[rank]) {
		if ((rc = ix_article(out, x, article, published)))
			return rc;
		x->by_rank[rank] = *out + 1;
		return 0;
	}
	i = x->by_rank[rank] - 1;
	if (published != INCLINE_DAY_NONE
	    && (x->published[i] == INCLINE_DAY_NONE
		|| published > x->published[i]))
		x->published[i] = published;
	*out = (uint32_t)i;
	return 0;
}

/* Records atom number n_atoms: its article and the distinct keys of the
 * names in x->scratch. */
static int ix_atom(incline_incident_index *x, uint32_t article)
{
	size_t i = x->n_atoms, n = 0;
	void *p;
	int rc;

	p = x->qoff;
	rc = incline_array_reserve(&p, &x->cap_qoff, i + 1, sizeof *x->qoff);
	x->qoff = p;
	if (!rc) {
		p = x->qlen;
		rc = incline_array_reserve(&p, &x->cap_qlen, i + 1,
					   sizeof *x->qlen);
		x->qlen = p;
	}
	if (!rc) {
		p = x->atom_article;
		rc = incline_array_reserve(&p, &x->cap_aa, i + 1,
					   sizeof *x->atom_article);
		x->atom_article = p;
	}
	if (!rc) {
		p = x->qkeys;
		rc = incline_array_reserve(&p, &x->cap_qkeys,
					   x->n_qkeys + x->scratch.n + 1,
					   sizeof *x->qkeys);
		x->qkeys = p;
	}
	if (rc)
		return rc;
	for (size_t k = 0; k < x->scratch.n; k++)
		if (x->scratch.items[k].role != INCLINE_ENTITY_ROLE_PERSON)
			x->qkeys[x->n_qkeys + n++] = x->scratch.items[k].key;
	incline_array_sort_u32s(x->qkeys + x->n_qkeys, n);
	x->atom_article[i] = article;
	x->qoff[i] = x->n_qkeys;
	x->qlen[i] = 0;
	for (size_t k = 0; k < n; k++)
		if (k == 0 || x->qkeys[x->n_qkeys + k]
				      != x->qkeys[x->n_qkeys + k - 1])
			x->qkeys[x->n_qkeys + x->qlen[i]++] =
				x->qkeys[x->n_qkeys + k];
	x->n_qkeys += x->qlen[i];
	x->n_atoms++;
	return 0;
}

/* A 64-bit hash of s[0..len) for ix_mention.sent, which is only ever
 * compared for equality: eight bytes a step, where FNV-1a's byte a step
 * was a fortieth of merge. */
static uint64_t ix_sentence_hash(const char *s, size_t len)
{
	const uint64_t k = 0x9e3779b97f4a7c15ULL;
	uint64_t h = len * k, w;
	size_t i = 0;

	for (; i + 8 <= len; i += 8) {
		memcpy(&w, s + i, 8);
		h = (h ^ w) * k;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s + i, len - i);
	h = (h ^ w) * k;
	return h ^ (h >> 32);
}

int incline_incident_index_add(incline_incident_index *x, const char *article,
			       incline_day published, incline_event_type t,
			       const char *quote, const incline_span *words,
			       size_t n_words)
{
	return incline_incident_index_add_ranked(x, 0, article, published, t,
						 quote, words, n_words);
}

int incline_incident_index_add_ranked(incline_incident_index *x,
				      uint32_t rank, const char *article,
				      incline_day published,
				      incline_event_type t, const char *quote,
				      const incline_span *words, size_t n_words)
{
	uint32_t a = UINT32_MAX;
	size_t qlen = quote ? strlen(quote) : 0;
	uint64_t sent = quote ? ix_sentence_hash(quote, qlen) : 0;
	int rc;

	x->scratch.n = 0;
	if (article
	    && (rc = rank ? ix_article_ranked(&a, x, rank, article, published)
			  : ix_article(&a, x, article, published)))
		return rc;
	if (article && quote
	    && (rc = words ? incline_entity_find_words(&x->scratch, x->finder,
						       quote, qlen, words, n_words)
			   : incline_entity_find(&x->scratch, x->finder, quote,
						 qlen)))
		return rc;
	for (size_t i = 0; i < x->scratch.n && !rc; i++) {
		const incline_entity *e = &x->scratch.items[i];
		ix_mention m = { a, e->key, incident_type_weight(t), e->initial,
				 sent };
		ix_pair s = { e->key, e->surface };
		ix_pair al = { e->key, e->long_form };

		if (e->role == INCLINE_ENTITY_ROLE_PERSON) {
			rc = ix_push(&x->persons, &x->n_persons,
				     &x->cap_persons, &e->key, sizeof e->key);
			continue;
		}
		if (e->acronym && e->long_form == INCLINE_ENTITY_NONE
		    && (rc = ix_push(&x->acronyms, &x->n_acronyms,
				     &x->cap_acronyms, &e->key, sizeof e->key)))
			break;
		if (e->role == INCLINE_ENTITY_ROLE_TELLER)
			m.weight = 0;
		else if (e->role == INCLINE_ENTITY_ROLE_VICTIM)
			m.weight += INCIDENT_VICTIM_CUE_WEIGHT;
		rc = ix_push(&x->ments, &x->n_ments, &x->cap_ments, &m, sizeof m);
		if (!rc)
			rc = ix_push(&x->spellings, &x->n_spellings,
				     &x->cap_spellings, &s, sizeof s);
		if (!rc && e->long_form != INCLINE_ENTITY_NONE)
			rc = ix_push(&x->aliases, &x->n_aliases,
				     &x->cap_aliases, &al, sizeof al);
	}
	return rc ? rc : ix_atom(x, a);
}

/* ---- finish ------------------------------------------------------------ */

static int cmp_pair(const void *pa, const void *pb)
{
	const ix_pair *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return (a->b > b->b) - (a->b < b->b);
}

_Static_assert(sizeof(ix_pair) == 2 * sizeof(uint32_t),
	       "ix_sort_pairs reads ix_pair as two packed uint32");
/* Sorts n 8-byte records of two uint32 fields (ix_pair, ix_vote) by the
 * first field, then the second: the order cmp_pair gives. The pairs of
 * finish and assign run to millions at 1M events, and qsort's call per
 * comparison was a sixth of finish; packed into one integer, they sort
 * in a few linear passes. Equal records are equal bytes, so any correct
 * sort leaves the same array. Falls back to qsort without memory. */
static void ix_sort_pairs(void *items, size_t n)
{
	uint64_t *v;
	unsigned char *p = items;

	if (n < 2)
		return;
	if (n < 64 || !(v = malloc(n * sizeof *v))) {
		qsort(items, n, 2 * sizeof(uint32_t), cmp_pair);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t f[2];

		memcpy(f, p + i * sizeof f, sizeof f);
		v[i] = (uint64_t)f[0] << 32 | f[1];
	}
	if (incline_array_sort_u64s(v, n, 1)) {
		free(v);
		qsort(items, n, 2 * sizeof(uint32_t), cmp_pair);
		return;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t f[2] = { (uint32_t)(v[i] >> 32), (uint32_t)v[i] };

		memcpy(p + i * sizeof f, f, sizeof f);
	}
	free(v);
}

static const char *ix_key(const incline_incident_index *x, uint32_t k)
{
	return incline_entity_key(x->finder, k);
}

static bool ix_ascii(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* true when spelling b (seen nb times) names a key better than a (na):
 * plain ASCII first (the Cyrillic "IСС" is the ICC, but write "ICC"),
 * then the most used, then the byte order. */
static bool ix_better_spelling(const char *a, size_t na, const char *b,
			       size_t nb)
{
	bool aa = ix_ascii(a), ab = ix_ascii(b);

	if (aa != ab)
		return ab;
	if (na != nb)
		return nb > na;
	return strcmp(b, a) < 0;
}

/* Runs of equal pairs in a sorted array: for each run of equal .a, the
 * .b that wins by `better`. */
static void ix_resolve_aliases(incline_incident_index *x)
{
	ix_sort_pairs(x->aliases, x->n_aliases);
	for (size_t i = 0; i < x->n_aliases;) {
		uint32_t acr = x->aliases[i].a, best = INCLINE_ENTITY_NONE;
		size_t best_n = 0;

		while (i < x->n_aliases && x->aliases[i].a == acr) {
			uint32_t lf = x->aliases[i].b;
			size_t n = 0;

			while (i < x->n_aliases && x->aliases[i].a == acr
			       && x->aliases[i].b == lf) {
				n++;
				i++;
			}
			if (best == INCLINE_ENTITY_NONE || n > best_n
			    || (n == best_n
				&& strcmp(ix_key(x, lf), ix_key(x, best)) < 0)) {
				best = lf;
				best_n = n;
			}
		}
		/* A long form that is itself someone's acronym stays put. */
		if (best != acr)
			x->resolve[acr] = best;
	}
	/* An acronym never expanded in parentheses stands for the one name
	 * of the pile its letters begin ("ICC", "International Criminal
	 * Court"). */
	for (size_t i = 0; i < x->n_acronyms; i++) {
		uint32_t k = x->acronyms[i], lf;

		if (x->resolve[k] != k)
			continue;
		lf = incline_entity_expand(x->finder, k);
		if (lf != INCLINE_ENTITY_NONE && lf != k)
			x->resolve[k] = lf;
	}
	for (size_t k = 0; k < incline_entity_n_keys(x->finder); k++)
		if (x->resolve[k] != k && x->resolve[x->resolve[k]] != x->resolve[k])
			x->resolve[k] = (uint32_t)k;
}

static void ix_pick_spellings(incline_incident_index *x, size_t *count)
{
	ix_sort_pairs(x->spellings, x->n_spellings);
	for (size_t i = 0; i < x->n_spellings;) {
		uint32_t k = x->spellings[i].a, s = x->spellings[i].b;
		size_t n = 0;

		while (i < x->n_spellings && x->spellings[i].a == k
		       && x->spellings[i].b == s) {
			n++;
			i++;
		}
		/* A name is written as itself, not as its acronym. */
		if (x->resolve[k] != k)
			continue;
		if (x->display[k] == INCLINE_ENTITY_NONE
		    || ix_better_spelling(
			       incline_entity_surface(x->finder, x->display[k]),
			       count[k], incline_entity_surface(x->finder, s),
			       n)) {
			x->display[k] = s;
			count[k] = n;
		}
	}
}

static int cmp_mention(const void *pa, const void *pb)
{
	const ix_mention *a = pa, *b = pb;

	if (a->article != b->article)
		return a->article < b->article ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	if (a->sent != b->sent)
		return a->sent < b->sent ? -1 : 1;
	return (a->weight > b->weight) - (a->weight < b->weight);
}

/* Sorts the mentions in cmp_mention's order. They run to millions at 1M
 * events: a stable counting sort by article (one pass over them, the
 * article numbers being dense), then each article's mentions, a few
 * dozen, by insertion (qsort past 32). An LSD radix sort over all 20 key
 * bytes did a dozen passes over the whole array, and at 1M events their
 * cache misses made it the largest cost of finish. Mentions cmp_mention
 * calls equal differ at most in .initial, which nothing reads after the
 * sort, so any correct sort leaves the same array. Falls back to qsort
 * without memory. */
static void ix_sort_mentions(ix_mention *v, size_t n, size_t n_articles)
{
	size_t *at;
	ix_mention *tmp;

	if (n < 2)
		return;
	at = calloc(n_articles + 2, sizeof *at);
	tmp = at ? malloc(n * sizeof *tmp) : NULL;
	if (!tmp) {
		free(at);
		qsort(v, n, sizeof *v, cmp_mention);
		return;
	}
	/* every mention names an article (incline_incident_index_add) */
	for (size_t i = 0; i < n; i++) {
		if (v[i].article >= n_articles) {
			free(tmp);
			free(at);
			qsort(v, n, sizeof *v, cmp_mention);
			return;
		}
		at[(size_t)v[i].article + 1]++;
	}
	for (size_t a = 0; a <= n_articles; a++)
		at[a + 1] += at[a];
	for (size_t i = 0; i < n; i++)
		tmp[at[v[i].article]++] = v[i];
	memcpy(v, tmp, n * sizeof *v);
	free(tmp);
	free(at);
	for (size_t b = 0, e; b < n; b = e) {
		for (e = b + 1; e < n && v[e].article == v[b].article; e++)
			;
		if (e - b > 32) {
			qsort(v + b, e - b, sizeof *v, cmp_mention);
			continue;
		}
		for (size_t i = b + 1; i < e; i++) {
			ix_mention m = v[i];
			size_t j = i;

			for (; j > b && cmp_mention(&v[j - 1], &m) > 0; j--)
				v[j] = v[j - 1];
			v[j] = m;
		}
	}
}

int incline_incident_index_finish(incline_incident_index *x)
{
	size_t nk = incline_entity_n_keys(x->finder);
	size_t na = x->articles.n;
	uint64_t *global = calloc(nk ? nk : 1, sizeof *global);
	uint64_t *best_w = calloc(na ? na : 1, sizeof *best_w);
	size_t *count = calloc(nk ? nk : 1, sizeof *count);
	bool *named = x->named = calloc(nk ? nk : 1, sizeof *named);

	x->resolve = calloc(nk ? nk : 1, sizeof *x->resolve);
	x->display = calloc(nk ? nk : 1, sizeof *x->display);
	x->victim = calloc(na ? na : 1, sizeof *x->victim);
	if (!global || !best_w || !count || !named || !x->resolve
	    || !x->display || !x->victim) {
		free(global);
		free(best_w);
		free(count);
		return INCLINE_ENOMEM;
	}
	for (size_t k = 0; k < nk; k++) {
		x->resolve[k] = (uint32_t)k;
		x->display[k] = INCLINE_ENTITY_NONE;
	}
	ix_resolve_aliases(x);
	ix_pick_spellings(x, count);
	free(count);
	/* A surname of a titled person anywhere in the pile is that
	 * person's wherever it stands alone ("Bottoms said"). */
	incline_array_sort(x->persons, x->n_persons, sizeof *x->persons, incline_array_cmp_u32);
	for (size_t i = 0; i < x->n_ments; i++) {
		if (x->n_persons
		    && bsearch(&x->ments[i].key, x->persons, x->n_persons,
			       sizeof *x->persons, incline_array_cmp_u32))
			x->ments[i].weight = 0;
		x->ments[i].key = x->resolve[x->ments[i].key];
		if (!x->ments[i].initial)
			named[x->ments[i].key] = true;
	}
	/* A lone word opening a sentence is a name only when the pile also
	 * writes it capitalised inside a sentence ("Facebook" yes,
	 * "Companies" no). */
	for (size_t i = 0; i < x->n_ments; i++) {
		if (x->ments[i].initial && !named[x->ments[i].key])
			x->ments[i].weight = 0;
		global[x->ments[i].key] += x->ments[i].weight;
	}
	ix_sort_mentions(x->ments, x->n_ments, na);
	for (size_t a = 0; a < na; a++)
		x->victim[a] = INCLINE_ENTITY_NONE;
	for (size_t i = 0; i < x->n_ments;) {
		uint32_t a = x->ments[i].article, k = x->ments[i].key;
		uint64_t w = 0;

		for (; i < x->n_ments && x->ments[i].article == a
		       && x->ments[i].key == k; i++)
			if (i + 1 == x->n_ments || x->ments[i + 1].article != a
			    || x->ments[i + 1].key != k
			    || x->ments[i + 1].sent != x->ments[i].sent)
				w += x->ments[i].weight; /* heaviest of a run */
		if (w == 0) /* told only as a teller or a person */
			continue;
		if (x->victim[a] == INCLINE_ENTITY_NONE || w > best_w[a]
		    || (w == best_w[a]
			&& (global[k] > global[x->victim[a]]
			    || (global[k] == global[x->victim[a]]
				&& strcmp(ix_key(x, k),
					  ix_key(x, x->victim[a])) < 0)))) {
			x->victim[a] = k;
			best_w[a] = w;
		}
	}
	free(global);
	free(best_w);
	x->finished = true;
	return 0;
}

uint32_t incline_incident_index_victim(const incline_incident_index *x,
				       const char *article)
{
	size_t i;

	if (!x->finished || !article)
		return INCLINE_ENTITY_NONE;
	i = incline_strmap_find(&x->articles, article, strlen(article));
	return i == SIZE_MAX ? INCLINE_ENTITY_NONE : x->victim[i];
}

uint32_t incline_incident_index_atom_article(const incline_incident_index *x,
					     size_t u)
{
	return u < x->n_atoms ? x->atom_article[u] : UINT32_MAX;
}

uint32_t incline_incident_index_atom_victim(const incline_incident_index *x,
					    size_t u)
{
	uint32_t a = incline_incident_index_atom_article(x, u);

	return x->finished && a != UINT32_MAX ? x->victim[a]
					      : INCLINE_ENTITY_NONE;
}

int incline_incident_index_victim_names(const incline_incident_index *x,
					uint32_t v,
					int (*fn)(void *payload, uint32_t v,
						  const char *name),
					void *payload)
{
	size_t nk = incline_entity_n_keys(x->finder);
	int rc = 0;

	if (!x->finished || v >= nk)
		return 0;
	for (size_t k = 0; k < nk && !rc; k++)
		if (x->resolve[k] == v)
			rc = fn(payload, v, ix_key(x, (uint32_t)k));
	return rc;
}

int incline_incident_index_all_victim_names(const incline_incident_index *x,
					    int (*fn)(void *payload, uint32_t v,
						      const char *name),
					    void *payload)
{
	size_t nk = incline_entity_n_keys(x->finder);
	bool *is_victim;
	int rc = 0;

	if (!x->finished)
		return 0;
	if (!(is_victim = calloc(nk ? nk : 1, sizeof *is_victim)))
		return INCLINE_ENOMEM;
	for (size_t a = 0; a < x->articles.n; a++)
		if (x->victim[a] != INCLINE_ENTITY_NONE)
			is_victim[x->victim[a]] = true;
	for (size_t k = 0; k < nk && !rc; k++)
		if (is_victim[x->resolve[k]])
			rc = fn(payload, x->resolve[k], ix_key(x, (uint32_t)k));
	free(is_victim);
	return rc;
}

/* ---- assign ------------------------------------------------------------ */

typedef struct ix_seed_ref {
	const char *victim;  /* key string; NULL = none */
	incline_day published;
	const char *article;
	uint32_t a;
} ix_seed_ref;

static int cmp_day(incline_day a, incline_day b)
{
	return (a > b) - (a < b);
}

static int cmp_seed_ref(const void *pa, const void *pb)
{
	const ix_seed_ref *a = pa, *b = pb;
	int c = strcmp(a->victim, b->victim);

	if (c || (c = cmp_day(a->published, b->published)))
		return c;
	return strcmp(a->article, b->article);
}

typedef struct ix_vote {
	uint32_t who, seed;
} ix_vote;

_Static_assert(sizeof(ix_vote) == 2 * sizeof(uint32_t),
	       "ix_sort_pairs reads ix_vote as two packed uint32");

static size_t ix_find(size_t *parent, size_t u)
{
	while (parent[u] != u) {
		parent[u] = parent[parent[u]];
		u = parent[u];
	}
	return u;
}

/* For each run of equal .who in sorted votes, the .seed voted most
 * (ties: the lowest seed) into best[who]. */
static void ix_count_votes(uint32_t *best, ix_vote *v, size_t n)
{
	ix_sort_pairs(v, n);
	for (size_t i = 0; i < n;) {
		uint32_t who = v[i].who, win = UINT32_MAX;
		size_t win_n = 0;

		while (i < n && v[i].who == who) {
			uint32_t s = v[i].seed;
			size_t k = 0;

			while (i < n && v[i].who == who && v[i].seed == s) {
				k++;
				i++;
			}
			if (k > win_n) {
				win = s;
				win_n = k;
			}
		}
		best[who] = win;
	}
}

/* What assign works with; freed by ix_assign_free. */
typedef struct ix_assign {
	uint32_t *art_seed;   /* article -> seed or UINT32_MAX */
	uint32_t *seed_victim;
	size_t n_seeds;
	uint32_t **ev_arts;   /* per event: its articles' indices */
	size_t *ev_n;
	uint32_t *ev_seed;    /* event -> seed or UINT32_MAX */
	ix_vote *votes;
	size_t n_votes, cap_votes;
} ix_assign;

static void ix_assign_free(ix_assign *s, size_t n_events)
{
	free(s->art_seed);
	free(s->seed_victim);
	for (size_t i = 0; s->ev_arts && i < n_events; i++)
		free(s->ev_arts[i]);
	free(s->ev_arts);
	free(s->ev_n);
	free(s->ev_seed);
	free(s->votes);
}

/* Seeds from articles with a victim: by victim, split at publication
 * gaps wider than INCLINE_INCIDENT_GAP_DAYS. */
static int ix_seeds(ix_assign *s, const incline_incident_index *x)
{
	size_t na = x->articles.n, n = 0;
	ix_seed_ref *refs = calloc(na ? na : 1, sizeof *refs);

	s->seed_victim = calloc(na ? na : 1, sizeof *s->seed_victim);
	if (!refs || !s->seed_victim) {
		free(refs);
		return INCLINE_ENOMEM;
	}
	for (size_t a = 0; a < na; a++) {
		s->art_seed[a] = UINT32_MAX;
		if (x->victim[a] == INCLINE_ENTITY_NONE)
			continue;
		refs[n].victim = ix_key(x, x->victim[a]);
		refs[n].published = x->published[a];
		refs[n].article = incline_strmap_str(&x->articles, a);
		refs[n].a = (uint32_t)a;
		n++;
	}
	incline_array_sort(refs, n, sizeof *refs, cmp_seed_ref);
	for (size_t i = 0; i < n; i++) {
		bool same = i > 0 && strcmp(refs[i].victim, refs[i - 1].victim) == 0;

		if (same && refs[i].published != INCLINE_DAY_NONE
		    && refs[i - 1].published != INCLINE_DAY_NONE
		    && (int64_t)refs[i].published - refs[i - 1].published
			       > INCLINE_INCIDENT_GAP_DAYS)
			same = false;
		if (!same)
			s->seed_victim[s->n_seeds++] = x->victim[refs[i].a];
		s->art_seed[refs[i].a] = (uint32_t)(s->n_seeds - 1);
	}
	free(refs);
	return 0;
}

/* The article indices of each event, from its atoms. */
static int ix_event_articles(ix_assign *s, const incline_incident_index *x,
			     size_t n_events, const size_t *ev_start,
			     const size_t *ev_atoms)
{
	for (size_t e = 0; e < n_events; e++) {
		size_t n = ev_start[e + 1] - ev_start[e];

		s->ev_arts[e] = calloc(n ? n : 1, sizeof **s->ev_arts);
		if (!s->ev_arts[e])
			return INCLINE_ENOMEM;
		for (size_t k = ev_start[e]; k < ev_start[e + 1]; k++) {
			size_t u = ev_atoms[k];
			uint32_t a = u < x->n_atoms ? x->atom_article[u]
						    : UINT32_MAX;

			if (a != UINT32_MAX)
				s->ev_arts[e][s->ev_n[e]++] = a;
		}
	}
	return 0;
}

static int ix_vote_push(ix_assign *s, uint32_t who, uint32_t seed)
{
	ix_vote v = { who, seed };

	return ix_push(&s->votes, &s->n_votes, &s->cap_votes, &v, sizeof v);
}

/* Articles naming nobody join the seed they share most events with;
 * those sharing none are grouped by shared events into unnamed seeds,
 * numbered by their least article id. */
static int ix_victimless(ix_assign *s, const incline_incident_index *x,
			 const incline_timeline *tl)
{
	size_t na = x->articles.n;
	uint32_t *best = malloc((na ? na : 1) * sizeof *best);
	size_t *parent = malloc((na ? na : 1) * sizeof *parent);
	uint32_t *comp_seed = malloc((na ? na : 1) * sizeof *comp_seed);
	ix_seed_ref *refs = calloc(na ? na : 1, sizeof *refs);
	size_t n = 0;
	int rc = 0;

	if (!best || !parent || !comp_seed || !refs)
		rc = INCLINE_ENOMEM;
	for (size_t a = 0; a < na && !rc; a++) {
		best[a] = UINT32_MAX;
		parent[a] = a;
		comp_seed[a] = UINT32_MAX;
	}
	s->n_votes = 0;
	for (size_t e = 0; e < tl->n && !rc; e++)
		for (size_t i = 0; i < s->ev_n[e] && !rc; i++) {
			uint32_t a = s->ev_arts[e][i];

			if (x->victim[a] != INCLINE_ENTITY_NONE)
				continue;
			for (size_t j = 0; j < s->ev_n[e] && !rc; j++) {
				uint32_t b = s->ev_arts[e][j];

				if (s->art_seed[b] != UINT32_MAX
				    && x->victim[b] != INCLINE_ENTITY_NONE)
					rc = ix_vote_push(s, a, s->art_seed[b]);
			}
		}
	if (!rc)
		ix_count_votes(best, s->votes, s->n_votes);
	for (size_t a = 0; a < na && !rc; a++)
		if (x->victim[a] == INCLINE_ENTITY_NONE)
			s->art_seed[a] = best[a];
	/* The rest: components through shared events. */
	for (size_t e = 0; e < tl->n && !rc; e++) {
		size_t first = SIZE_MAX;

		for (size_t i = 0; i < s->ev_n[e]; i++) {
			uint32_t a = s->ev_arts[e][i];
			size_t ra, rb;

			if (s->art_seed[a] != UINT32_MAX)
				continue;
			if (first == SIZE_MAX) {
				first = a;
				continue;
			}
			ra = ix_find(parent, first);
			rb = ix_find(parent, a);
			if (ra != rb)
				parent[ra > rb ? ra : rb] = ra < rb ? ra : rb;
		}
	}
	for (size_t a = 0; a < na && !rc; a++) {
		if (s->art_seed[a] != UINT32_MAX)
			continue;
		refs[n].victim = "";
		refs[n].published = 0;
		refs[n].article = incline_strmap_str(&x->articles, a);
		refs[n].a = (uint32_t)a;
		n++;
	}
	if (!rc)
		incline_array_sort(refs, n, sizeof *refs, cmp_seed_ref);
	for (size_t i = 0; i < n && !rc; i++) {
		size_t r = ix_find(parent, refs[i].a);

		if (comp_seed[r] == UINT32_MAX) {
			comp_seed[r] = (uint32_t)s->n_seeds;
			s->seed_victim[s->n_seeds++] = INCLINE_ENTITY_NONE;
		}
		s->art_seed[refs[i].a] = comp_seed[r];
	}
	free(best);
	free(parent);
	free(comp_seed);
	free(refs);
	return rc;
}

/* Each event joins the seed most of its evidence belongs to. */
static int ix_event_seeds(ix_assign *s, const incline_timeline *tl)
{
	int rc = 0;

	s->n_votes = 0;
	for (size_t e = 0; e < tl->n && !rc; e++) {
		s->ev_seed[e] = UINT32_MAX;
		for (size_t i = 0; i < s->ev_n[e] && !rc; i++)
			if (s->art_seed[s->ev_arts[e][i]] != UINT32_MAX)
				rc = ix_vote_push(s, (uint32_t)e,
						  s->art_seed[s->ev_arts[e][i]]);
	}
	if (!rc)
		ix_count_votes(s->ev_seed, s->votes, s->n_votes);
	return rc;
}

static uint64_t ix_fnv(uint64_t h, const char *p, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static int cmp_id(const void *pa, const void *pb)
{
	return strcmp(pa, pb);
}

typedef struct ix_count {
	uint32_t key;
	uint64_t n;
	const char *name;
} ix_count;

static int cmp_count(const void *pa, const void *pb)
{
	const ix_count *a = pa, *b = pb;

	if (a->n != b->n)
		return a->n > b->n ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Which atoms each event of the timeline holds: event e has atoms
 * atoms[start[e] .. start[e + 1]). */
typedef struct ix_events {
	const size_t *start;
	const size_t *atoms;
} ix_events;

/* Scratch of ix_entities, shared by all incidents: tally[key] counts
 * the key's mentions (all zero between incidents), seen[0..) the keys
 * met, each once. */
typedef struct ix_tally {
	uint32_t *tally;
	uint32_t *seen;
	size_t cap;
} ix_tally;

/* The entities of incident `in` from the keys of its events' atoms. The
 * mentions are tallied per key in t (linear; sorting them by key per
 * incident was a fortieth of merge); the keys are then ordered by
 * cmp_count, a total order (distinct keys have distinct display names),
 * so the order they were met in does not matter. */
static int ix_entities(incline_incident *in, const incline_incident_index *x,
		       const ix_events *ea, const size_t *evs, size_t n,
		       ix_tally *t)
{
	size_t m = 0, nc = 0;
	ix_count *counts;
	int rc = 0;

	for (size_t i = 0; i < n; i++)
		for (size_t k = ea->start[evs[i]]; k < ea->start[evs[i] + 1]; k++) {
			size_t qi = ea->atoms[k];

			for (size_t j = 0; qi < x->n_atoms && j < x->qlen[qi]; j++) {
				uint32_t key = x->resolve[x->qkeys[x->qoff[qi] + j]];

				/* every mention counts, also after the last new key
				 * (cap bounds the distinct keys, not the mentions) */
				if (t->tally[key]++ == 0 && m < t->cap)
					t->seen[m++] = key;
			}
		}
	counts = calloc(m ? m : 1, sizeof *counts);
	for (size_t i = 0; i < m; i++) {
		uint32_t key = t->seen[i], c = t->tally[key];

		t->tally[key] = 0;
		if (!counts || x->display[key] == INCLINE_ENTITY_NONE
		    || !x->named[key])
			continue;
		counts[nc].key = key;
		counts[nc].n = c;
		counts[nc++].name = incline_entity_surface(x->finder,
							   x->display[key]);
	}
	if (!counts)
		return INCLINE_ENOMEM;
	incline_array_sort(counts, nc, sizeof *counts, cmp_count);
	if (nc > INCIDENT_MAX_ENTITIES)
		nc = INCIDENT_MAX_ENTITIES;
	in->entities = calloc(nc ? nc : 1, sizeof *in->entities);
	if (!in->entities)
		rc = INCLINE_ENOMEM;
	for (size_t i = 0; i < nc && !rc; i++) {
		if (!(in->entities[i] = strdup(counts[i].name)))
			rc = INCLINE_ENOMEM;
		else
			in->n_entities++;
	}
	free(counts);
	return rc;
}

/* Fills in from the events evs[0..n) of tl. */
static int ix_build(incline_incident *in, const incline_incident_index *x,
		    const incline_timeline *tl, const ix_events *ea,
		    const size_t *evs, size_t n, uint32_t victim, ix_tally *t)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	in->earliest = in->latest = INCLINE_DAY_NONE;
	in->events = calloc(n ? n : 1, sizeof *in->events);
	if (!in->events)
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < n; i++) {
		const incline_event *ev = &tl->events[evs[i]];
		incline_day lo = ev->when.date.earliest, hi = ev->when.date.latest;

		memcpy(in->events[i], ev->id, sizeof ev->id);
		if (lo != INCLINE_DAY_NONE
		    && (in->earliest == INCLINE_DAY_NONE || lo < in->earliest))
			in->earliest = lo;
		if (hi != INCLINE_DAY_NONE
		    && (in->latest == INCLINE_DAY_NONE || hi > in->latest))
			in->latest = hi;
	}
	in->n_events = n;
	incline_array_sort(in->events, n, sizeof *in->events, cmp_id);
	for (size_t i = 0; i < n; i++)
		h = ix_fnv(h, in->events[i], strlen(in->events[i]) + 1);
	snprintf(in->id, sizeof in->id, "in-%016llx", (unsigned long long)h);
	if (victim != INCLINE_ENTITY_NONE
	    && x->display[victim] != INCLINE_ENTITY_NONE
	    && !(in->name = strdup(incline_entity_surface(
			 x->finder, x->display[victim]))))
		return INCLINE_ENOMEM;
	return ix_entities(in, x, ea, evs, n, t);
}

static int cmp_incident(const void *pa, const void *pb)
{
	const incline_incident *a = pa, *b = pb;
	int c;

	/* Unknown dates last. */
	if ((a->earliest == INCLINE_DAY_NONE) != (b->earliest == INCLINE_DAY_NONE))
		return a->earliest == INCLINE_DAY_NONE ? 1 : -1;
	if ((c = cmp_day(a->earliest, b->earliest)))
		return c;
	if ((a->name == NULL) != (b->name == NULL))
		return a->name ? -1 : 1;
	if (a->name && (c = strcmp(a->name, b->name)))
		return c;
	return strcmp(a->id, b->id);
}

/* Incidents from seeds: events grouped by seed (counting sort). */
static int ix_incidents(incline_timeline *tl, const ix_assign *s,
			const incline_incident_index *x, const ix_events *ea)
{
	size_t ns = s->n_seeds, n_in = 0, n_keys = 0;
	size_t nk = incline_entity_n_keys(x->finder);
	size_t *start = calloc(ns + 1, sizeof *start);
	size_t *evs = calloc(tl->n ? tl->n : 1, sizeof *evs);
	ix_tally t = { 0 };
	int rc = 0;

	for (size_t k = 0; k < ea->start[tl->n]; k++)
		if (ea->atoms[k] < x->n_atoms)
			n_keys += x->qlen[ea->atoms[k]];
	/* no incident meets more distinct keys than either bound */
	t.cap = n_keys < nk ? n_keys : nk;
	t.tally = calloc(nk ? nk : 1, sizeof *t.tally);
	t.seen = calloc(t.cap ? t.cap : 1, sizeof *t.seen);
	if (!start || !evs || !t.tally || !t.seen) {
		rc = INCLINE_ENOMEM;
		goto out;
	}
	for (size_t e = 0; e < tl->n; e++)
		if (s->ev_seed[e] != UINT32_MAX)
			start[s->ev_seed[e] + 1]++;
	for (size_t i = 0; i < ns; i++) {
		n_in += start[i + 1] != 0;
		start[i + 1] += start[i];
	}
	for (size_t e = 0; e < tl->n; e++)
		if (s->ev_seed[e] != UINT32_MAX)
			evs[start[s->ev_seed[e]]++] = e;
	for (size_t i = ns; i > 0; i--)
		start[i] = start[i - 1];
	start[0] = 0;
	tl->incidents = calloc(n_in ? n_in : 1, sizeof *tl->incidents);
	if (!tl->incidents) {
		rc = INCLINE_ENOMEM;
		goto out;
	}
	for (size_t i = 0; i < ns && !rc; i++) {
		if (start[i + 1] == start[i])
			continue;
		rc = ix_build(&tl->incidents[tl->n_incidents++], x, tl, ea,
			      evs + start[i], start[i + 1] - start[i],
			      s->seed_victim[i], &t);
		for (size_t k = start[i]; k < start[i + 1]; k++)
			memcpy(tl->events[evs[k]].incident,
			       tl->incidents[tl->n_incidents - 1].id,
			       sizeof tl->events[evs[k]].incident);
	}
	if (!rc)
		incline_array_sort(tl->incidents, tl->n_incidents, sizeof *tl->incidents,
		      cmp_incident);
out:
	free(start);
	free(evs);
	free(t.tally);
	free(t.seen);
	return rc;
}

int incline_incident_index_assign(incline_incident_index *x,
				  incline_timeline *tl, const size_t *ev_start,
				  const size_t *ev_atoms)
{
	size_t na = x->articles.n;
	ix_events ea = { ev_start, ev_atoms };
	ix_assign s;
	int rc = 0;

	memset(&s, 0, sizeof s);
	if (!x->finished && (rc = incline_incident_index_finish(x)))
		return rc;
	s.art_seed = calloc(na ? na : 1, sizeof *s.art_seed);
	s.ev_arts = calloc(tl->n ? tl->n : 1, sizeof *s.ev_arts);
	s.ev_n = calloc(tl->n ? tl->n : 1, sizeof *s.ev_n);
	s.ev_seed = calloc(tl->n ? tl->n : 1, sizeof *s.ev_seed);
	if (!s.art_seed || !s.ev_arts || !s.ev_n || !s.ev_seed)
		rc = INCLINE_ENOMEM;
	if (!rc)
		rc = ix_seeds(&s, x);
	if (!rc)
		rc = ix_event_articles(&s, x, tl->n, ev_start, ev_atoms);
	if (!rc)
		rc = ix_victimless(&s, x, tl);
	if (!rc)
		rc = ix_event_seeds(&s, tl);
	if (!rc)
		rc = ix_incidents(tl, &s, x, &ea);
	ix_assign_free(&s, tl->n);
	if (rc) {
		for (size_t i = 0; i < tl->n_incidents; i++)
			incline_incident_clear(&tl->incidents[i]);
		free(tl->incidents);
		tl->incidents = NULL;
		tl->n_incidents = 0;
		for (size_t e = 0; e < tl->n; e++)
			tl->events[e].incident[0] = '\0';
	}
	return rc;
}

/* ---- split ------------------------------------------------------------- */

int incline_incident_slug(char *out, size_t cap, const char *name)
{
	static const char fallback[] = "incident";
	size_t n = 0;
	bool dash = false;

	if (cap < INCLINE_SLUG_MAX + 1)
		return INCLINE_EUSAGE;
	for (const char *p = name ? name : ""; *p && n < INCLINE_SLUG_MAX; p++) {
		unsigned char c = (unsigned char)*p;

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && n > 0 && n + 1 < INCLINE_SLUG_MAX)
				out[n++] = '-';
			dash = false;
			out[n++] = (char)c;
		} else {
			dash = true;
		}
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	if (n == 0) {
		memcpy(out, fallback, sizeof fallback);
		return 0;
	}
	out[n] = '\0';
	return 0;
}

int incline_incident_file_stem(char *out, size_t cap,
			       const incline_timeline *tl, size_t i)
{
	char mine[INCLINE_SLUG_MAX + 1], other[INCLINE_SLUG_MAX + 1];
	const char *id;
	bool clash = false;
	int rc;

	if (i >= tl->n_incidents || cap < INCLINE_SLUG_MAX + 24)
		return INCLINE_EUSAGE;
	if ((rc = incline_incident_slug(mine, sizeof mine,
					tl->incidents[i].name)))
		return rc;
	for (size_t k = 0; k < tl->n_incidents && !clash; k++) {
		if (k == i)
			continue;
		if ((rc = incline_incident_slug(other, sizeof other,
						tl->incidents[k].name)))
			return rc;
		clash = strcmp(mine, other) == 0;
	}
	id = tl->incidents[i].id;
	if (strncmp(id, "in-", 3) == 0)
		id += 3;
	if (!clash)
		snprintf(out, cap, "%s", mine);
	else
		snprintf(out, cap, "%s-%.16s", mine, id);
	/* An id is hex digits, but an incident read back from a file might
	 * hold anything: keep only what a slug may. */
	for (char *p = out; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')))
			*p = '-';
	return 0;
}

static int cmp_str_p(const void *pa, const void *pb)
{
	return strcmp(*(const char *const *)pa, *(const char *const *)pb);
}

static int ix_copy_event(incline_event *dst, const incline_event *src)
{
	int rc = 0;

	memset(dst, 0, sizeof *dst);
	memcpy(dst->id, src->id, sizeof dst->id);
	memcpy(dst->incident, src->incident, sizeof dst->incident);
	dst->type = src->type;
	dst->flags = src->flags;
	dst->first_reported = src->first_reported;
	dst->n_sources = src->n_sources;
	if ((rc = incline_when_copy(&dst->when, &src->when))
	    || (rc = incline_claim_copy(&dst->claim, &src->claim)))
		return rc;
	if (src->summary && !(dst->summary = strdup(src->summary)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < src->n_actors && !rc; i++)
		rc = incline_event_add_actor(dst, src->actors[i]);
	for (size_t i = 0; i < src->n_evidence && !rc; i++)
		rc = incline_event_add_evidence(dst, &src->evidence[i]);
	return rc;
}

static int ix_copy_incident(incline_incident *dst, const incline_incident *src)
{
	memset(dst, 0, sizeof *dst);
	memcpy(dst->id, src->id, sizeof dst->id);
	dst->earliest = src->earliest;
	dst->latest = src->latest;
	if (src->name && !(dst->name = strdup(src->name)))
		return INCLINE_ENOMEM;
	dst->entities = calloc(src->n_entities ? src->n_entities : 1,
			       sizeof *dst->entities);
	dst->events = calloc(src->n_events ? src->n_events : 1,
			     sizeof *dst->events);
	if (!dst->entities || !dst->events)
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < src->n_entities; i++) {
		if (!(dst->entities[i] = strdup(src->entities[i])))
			return INCLINE_ENOMEM;
		dst->n_entities++;
	}
	memcpy(dst->events, src->events, src->n_events * sizeof *src->events);
	dst->n_events = src->n_events;
	return 0;
}

int incline_incident_extract(incline_timeline *out, const incline_timeline *tl,
			     size_t i)
{
	const incline_incident *in;
	const char **arts = NULL;
	size_t n_arts = 0, cap = 0;
	int rc = 0;

	if (i >= tl->n_incidents || out->n || out->n_articles
	    || out->n_incidents)
		return INCLINE_EUSAGE;
	in = &tl->incidents[i];
	for (size_t e = 0; e < tl->n; e++)
		cap += strcmp(tl->events[e].incident, in->id) == 0
			       ? tl->events[e].n_evidence : 0;
	arts = calloc(cap ? cap : 1, sizeof *arts);
	out->incidents = calloc(1, sizeof *out->incidents);
	if (!arts || !out->incidents)
		rc = INCLINE_ENOMEM;
	if (!rc) {
		out->n_incidents = 1;
		rc = ix_copy_incident(&out->incidents[0], in);
	}
	for (size_t e = 0; e < tl->n && !rc; e++) {
		const incline_event *src = &tl->events[e];
		incline_event ev;

		if (strcmp(src->incident, in->id) != 0)
			continue;
		for (size_t k = 0; k < src->n_evidence; k++)
			if (src->evidence[k].article)
				arts[n_arts++] = src->evidence[k].article;
		rc = ix_copy_event(&ev, src);
		if (rc)
			incline_event_clear(&ev);
		else
			rc = incline_timeline_take(out, &ev);
	}
	if (!rc)
		incline_array_sort(arts, n_arts, sizeof *arts, cmp_str_p);
	for (size_t k = 0; k < n_arts && !rc; k++)
		if (k == 0 || strcmp(arts[k], arts[k - 1]) != 0)
			rc = incline_timeline_add_article(out, arts[k]);
	free(arts);
	if (rc)
		incline_timeline_free(out);
	return rc;
}
