/* Unit tests of merging (merge.h): the seed clusters, what must stay
 * apart, folding, conflicts, and order independence. Atoms are built in
 * code, so these tests do not depend on the extractor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/date.h"
#include "incline/emit.h"
#include "incline/error.h"
#include "incline/event.h"
#include "incline/merge.h"
#include "merge_words.h"

#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- atoms as data ------------------------------------------------------ */

/* One piece of evidence and the type of its event. Dates are "YYYY-MM-DD"
 * or NULL (open); a publication basis date is "<= published". */
typedef struct atom_spec {
	incline_event_type type;
	const char *article;
	const char *source;
	const char *published;
	size_t start, end;
	const char *quote;
	incline_basis basis;
	const char *earliest, *latest;
	incline_stance stance;
	const char *actor;
	unsigned flags;
} atom_spec;

#define A000 "000_e5bf3133bbcd0f08.txt"
#define A002 "002_ad1cce7abc74dd27.txt"
#define P000 "2023-09-20"
#define P002 "2023-09-19"

/* The seed sentences (examples/icc-2023), as the extractor should give
 * them. */
#define Q_DETECT_000 "ICC staff detected unusual activity on their computer " \
	"network, prompting immediate responses that are ongoing."
#define Q_DETECT_002 "According to the ICC spokesperson, At the end of last " \
	"week, court employees detected \xe2\x80\x9c" "an anomalous activity " \
	"that affected their information systems.\xe2\x80\x9d" "but assures " \
	"that \xe2\x80\x9cimmediate measures were adopted\xe2\x80\x9d to " \
	"\xe2\x80\x9cmitigate its impact\xe2\x80\x9d, with the help of the " \
	"Netherlands, which hosts this Court in the city of The Hague."
#define Q_MEASURES_000 "\xe2\x80\x9cImmediate measures were adopted to " \
	"respond to this cybersecurity incident and to mitigate its " \
	"impact,\xe2\x80\x9d the organization stated."
#define Q_DISCLOSE_000 "The computer system of the International Criminal " \
	"Court (ICC) was the victim of a cyberattack, Reuters reported on " \
	"Sept. 19."
#define Q_DISCLOSE_002 "The International Criminal Court (ICC) reported this " \
	"Tuesday \xe2\x80\x9c" "an anomalous activity\xe2\x80\x9d in its " \
	"computer systems and assured that it has already taken " \
	"\xe2\x80\x9cmeasures\xe2\x80\x9d to respond to what it describes as " \
	"a \xe2\x80\x9c" "cybersecurity incident.\xe2\x80\x9d" "although it " \
	"does not report the origin of this possible cyberattack."
#define Q_NOATTR_000 "The spokesperson declined to comment on the severity " \
	"of the breach, whether it has been fully resolved, and who might be " \
	"behind it."
#define Q_NOATTR_002 "Nevertheless, The court says it \xe2\x80\x9cwill not " \
	"provide any further information in relation to this incident at " \
	"this time.\xe2\x80\x9d" "and also does not provide details on the " \
	"possible origin of this incident or the extent of the damage caused."
#define Q_STEPS_000 "They also reported taking steps to strengthen their " \
	"cybersecurity."
#define Q_STEPS_002 "The ICC also promises to build on \xe2\x80\x9c" \
	"currently existing work to strengthen its cybersecurity framework, " \
	"including accelerating the use of cloud technology.\xe2\x80\x9d"
#define Q_OFFICE_000 "An International Criminal Court field office was " \
	"inaugurated in Kyiv on Sept. 14, marking it as the largest ICC " \
	"office outside of The Hague."

static const atom_spec SEED[] = {
	{ INCLINE_EVENT_DISCLOSURE, A000, NULL, P000, 100, 220, Q_DISCLOSE_000,
	  INCLINE_BASIS_EXPLICIT, "2023-09-19", "2023-09-19", 0, NULL, 0 },
	{ INCLINE_EVENT_DETECTION, A000, NULL, P000, 222, 330, Q_DETECT_000,
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A000, NULL, P000, 222, 330, Q_DETECT_000,
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_ATTRIBUTION, A000, NULL, P000, 331, 480, Q_NOATTR_000,
	  INCLINE_BASIS_PUBLICATION, NULL, P000, INCLINE_STANCE_UNATTRIBUTED,
	  NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A000, NULL, P000, 482, 610, Q_MEASURES_000,
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A000, NULL, P000, 800, 866, Q_STEPS_000,
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_CONTEXT, A000, NULL, P000, 2000, 2140, Q_OFFICE_000,
	  INCLINE_BASIS_EXPLICIT, "2023-09-14", "2023-09-14", 0, NULL, 0 },
	{ INCLINE_EVENT_DISCLOSURE, A002, NULL, P002, 16, 300, Q_DISCLOSE_002,
	  INCLINE_BASIS_RELATIVE, "2023-09-19", "2023-09-19", 0, NULL,
	  INCLINE_EVIDENCE_HEDGED },
	{ INCLINE_EVENT_ATTRIBUTION, A002, NULL, P002, 16, 300, Q_DISCLOSE_002,
	  INCLINE_BASIS_PUBLICATION, NULL, P002, INCLINE_STANCE_UNATTRIBUTED,
	  NULL, INCLINE_EVIDENCE_HEDGED },
	{ INCLINE_EVENT_DETECTION, A002, NULL, P002, 302, 620, Q_DETECT_002,
	  INCLINE_BASIS_RELATIVE, "2023-09-14", "2023-09-17", 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 302, 620, Q_DETECT_002,
	  INCLINE_BASIS_RELATIVE, "2023-09-14", "2023-09-17", 0, NULL, 0 },
	{ INCLINE_EVENT_ATTRIBUTION, A002, NULL, P002, 622, 850, Q_NOATTR_002,
	  INCLINE_BASIS_PUBLICATION, NULL, P002, INCLINE_STANCE_UNATTRIBUTED,
	  NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 1900, 2100, Q_STEPS_002,
	  INCLINE_BASIS_PUBLICATION, NULL, P002, 0, NULL, 0 },
};

/* Seed sentences as the extractor splits, types and dates them today,
 * beyond those in SEED (which keeps an older, coarser split): the pile in
 * which "ICC" and "court" are everyday words. */
static const atom_spec PILE[] = {
	{ INCLINE_EVENT_INTRUSION, A000, NULL, P000, 17, 83,
	  "I\xd0\xa1\xd0\xa1 continues to eliminate the consequences of the "
	  "hacker attack", INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A000, NULL, P000, 589, 753,
	  "In an official statement, the ICC confirmed that it continues to "
	  "\xe2\x80\x9c" "analyze and mitigate the impact of this "
	  "incident\xe2\x80\x9d with the assistance of the Dutch government.",
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A000, NULL, P000, 822, 997,
	  "A representative from the Dutch Justice Ministry confirmed that the "
	  "National Cyber Security Centre is aiding in the investigation but "
	  "refrained from providing further comment.",
	  INCLINE_BASIS_PUBLICATION, NULL, P000, 0, NULL, 0 },
	{ INCLINE_EVENT_INTRUSION, A002, NULL, P002, 249, 317,
	  "although it does not report the origin of this possible "
	  "cyberattack.", INCLINE_BASIS_PUBLICATION, NULL, P002, 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 472, 639,
	  "but assures that \xe2\x80\x9cimmediate measures were "
	  "adopted\xe2\x80\x9d to \xe2\x80\x9cmitigate its "
	  "impact\xe2\x80\x9d, with the help of the Netherlands, which hosts "
	  "this Court in the city of The Hague.", INCLINE_BASIS_RELATIVE,
	  "2023-09-14", "2023-09-17", 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 1143, 1269,
	  "\xe2\x80\x9c" "Additional response and security measures are "
	  "currently being adopted, with the assistance of host country "
	  "authorities.\xe2\x80\x9d.", INCLINE_BASIS_RELATIVE, P002, P002, 0,
	  NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 1599, 1791,
	  "Its spokesperson assured that the necessary measures have already "
	  "been taken to mitigate the impact of the \xe2\x80\x9c"
	  "cybersecurity incident\xe2\x80\x9d, but did not report on "
	  "the\xe2\x80\xa6 pic.twitter.com/6vXRMWhA1g",
	  INCLINE_BASIS_PUBLICATION, NULL, P002, 0, NULL, 0 },
	{ INCLINE_EVENT_CONTEXT, A000, NULL, P000, 1182, 1316,
	  "In August, ICC prosecutor Karim Khan warned of the possibility of "
	  "cyberattacks being integrated into future war crimes "
	  "investigations.", INCLINE_BASIS_RELATIVE, "2023-08-01",
	  "2023-08-31", 0, NULL, 0 },
	{ INCLINE_EVENT_VULNERABILITY, A000, NULL, P000, 1317, 1406,
	  "He emphasized the vulnerability of the ICC itself and the need to "
	  "enhance its protection.", INCLINE_BASIS_RELATIVE, "2023-08-01",
	  "2023-08-31", 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, A002, NULL, P002, 1270, 1459,
	  "\xe2\x80\x9cWhile the Court continues to analyze and mitigate the "
	  "impact of this incident, priority is also being given to ensuring "
	  "that the Court\xe2\x80\x99s core work continues,\xe2\x80\x9d the "
	  "spokesperson added.", INCLINE_BASIS_RELATIVE, P002, P002, 0, NULL,
	  0 },
	{ INCLINE_EVENT_INTRUSION, A002, NULL, P002, 1461, 1528,
	  "#LAST MINUTE Cyber attack on the International Criminal "
	  "Court\xe2\x80\xbc\xef\xb8\x8f", INCLINE_BASIS_PUBLICATION, NULL,
	  P002, 0, NULL, 0 },
	{ INCLINE_EVENT_INTRUSION, A002, NULL, P002, 1529, 1598,
	  "The ICC was the victim of a cyber attack against its computer "
	  "system.", INCLINE_BASIS_PUBLICATION, NULL, P002, 0, NULL, 0 },
	{ INCLINE_EVENT_CONTEXT, A002, NULL, P002, 2143, 2382,
	  "Last year, the Dutch intelligence services (AIVD) prevented a "
	  "Russian spy working for the military intelligence service (GRU) "
	  "from infiltrated the ICC as an intern, using a false Brazilian "
	  "identity to travel from Brazil to the Netherlands.",
	  INCLINE_BASIS_RELATIVE, "2022-01-01", "2022-12-31", 0, NULL, 0 },
	{ INCLINE_EVENT_CONTEXT, A002, NULL, P002, 2384, 2541,
	  "The spy in question was planning to start an internship at the "
	  "ICC, which would have given him access to the building and "
	  "systems of the international court.", INCLINE_BASIS_PUBLICATION,
	  NULL, P002, 0, NULL, 0 },
};

/* Extra atoms for the order tests: conflicts, actors, outlets. */
static const atom_spec EXTRA[] = {
	{ INCLINE_EVENT_ATTRIBUTION, "de.txt", "Spiegel", "2023-05-03", 10, 90,
	  "Germany blamed the Russian group APT28 for the intrusion into the "
	  "party's email accounts.", INCLINE_BASIS_PUBLICATION, NULL,
	  "2023-05-03", INCLINE_STANCE_ASSERTED, "APT28", 0 },
	{ INCLINE_EVENT_ATTRIBUTION, "ru.txt", "TASS", "2023-05-04", 50, 140,
	  "Moscow rejected the accusation that APT28 was involved.",
	  INCLINE_BASIS_PUBLICATION, NULL, "2023-05-04",
	  INCLINE_STANCE_DENIED, "APT28", 0 },
	{ INCLINE_EVENT_ATTRIBUTION, "kp.txt", "Yonhap", "2022-01-10", 0, 80,
	  "Investigators tied the crypto heist to North Korea's Lazarus.",
	  INCLINE_BASIS_PUBLICATION, NULL, "2022-01-10",
	  INCLINE_STANCE_ASSERTED, "Lazarus", 0 },
	{ INCLINE_EVENT_INTRUSION, "x.txt", "Outlet", "2023-03-01", 0, 70,
	  "Hackers breached the payroll database of the city council.",
	  INCLINE_BASIS_EXPLICIT, "2023-02-10", "2023-02-10", 0, NULL, 0 },
	{ INCLINE_EVENT_INTRUSION, "y.txt", "Outlet", "2023-03-02", 5, 75,
	  "Hackers breached the payroll database of the city council.",
	  INCLINE_BASIS_EXPLICIT, "2023-01-05", "2023-01-05", 0, NULL, 0 },
	{ INCLINE_EVENT_INTRUSION, "z.txt", NULL, "2023-03-03", 5, 90,
	  "Attackers may have breached the payroll database in February.",
	  INCLINE_BASIS_EXPLICIT, "2023-02-01", "2023-02-28", 0, NULL,
	  INCLINE_EVIDENCE_HEDGED },
};

/* Another incident in the same pile: a ransomware case at another victim,
 * told by two outlets, with an unattributed claim of its own. */
static const atom_spec OTHER[] = {
	{ INCLINE_EVENT_INTRUSION, "cp1.txt", "Wire", "2023-09-18", 0, 95,
	  "Colonial Pipeline said it was hit by a ransomware attack that "
	  "forced it to shut down its network.", INCLINE_BASIS_PUBLICATION,
	  NULL, "2023-09-18", 0, NULL, 0 },
	{ INCLINE_EVENT_RESPONSE, "cp1.txt", "Wire", "2023-09-18", 96, 160,
	  "The company took systems offline to contain the threat.",
	  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-18", 0, NULL, 0 },
	{ INCLINE_EVENT_ATTRIBUTION, "cp1.txt", "Wire", "2023-09-18", 161, 240,
	  "It did not say who was behind the attack.",
	  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-18",
	  INCLINE_STANCE_UNATTRIBUTED, NULL, 0 },
	{ INCLINE_EVENT_INTRUSION, "cp2.txt", "Daily", "2023-09-19", 0, 90,
	  "Colonial Pipeline was hit by a ransomware attack and shut down its "
	  "network.", INCLINE_BASIS_PUBLICATION, NULL, "2023-09-19", 0, NULL,
	  0 },
};

static incline_day day_of(const char *s)
{
	incline_day d = INCLINE_DAY_NONE;

	if (s)
		assert_int_equal(incline_date_parse_day(&d, s, strlen(s)), 0);
	return d;
}

static incline_day ymd(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

/* The evidence spec s describes. Strings are borrowed from s for the copy
 * that incline_event_add_evidence makes: the casts never lead to a write. */
static incline_evidence evidence_of(const atom_spec *s)
{
	incline_evidence e;

	memset(&e, 0, sizeof e);
	e.article = (char *)s->article;
	e.source = (char *)s->source;
	e.published = day_of(s->published);
	e.start = s->start;
	e.end = s->end;
	e.quote = (char *)s->quote;
	e.when.basis = s->basis;
	e.when.date = incline_date_make(day_of(s->earliest), day_of(s->latest),
					INCLINE_GRAN_DAY);
	if (s->basis != INCLINE_BASIS_PUBLICATION) {
		e.when.article = (char *)s->article;
		e.when.text = (char *)"(date words)";
		e.when.value = (char *)(s->earliest ? s->earliest : "");
		e.when.start = s->start + 1;
		e.when.end = s->start + 3;
		e.when.has_span = true;
	}
	e.claim.stance = s->stance;
	e.claim.actor = (char *)s->actor;
	e.flags = s->flags;
	return e;
}

/* Appends one extractor-like event (one evidence) for s to tl. */
static void add_atom(incline_timeline *tl, const atom_spec *s)
{
	incline_evidence e = evidence_of(s);
	incline_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = s->type;
	ev.when.date = e.when.date;
	ev.when.basis = e.when.basis;
	assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
	if (s->actor)
		assert_int_equal(incline_event_add_actor(&ev, s->actor), 0);
	ev.first_reported = e.published;
	ev.n_sources = 1;
	incline_event_assign_id(&ev);
	assert_int_equal(incline_timeline_take(tl, &ev), 0);
	assert_int_equal(incline_timeline_add_article(tl, s->article), 0);
}

static void add_atoms(incline_timeline *tl, const atom_spec *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		add_atom(tl, &s[i]);
}

/* Deep-copies every event and article of src to the end of dst. */
static void append_timeline(incline_timeline *dst, const incline_timeline *src)
{
	for (size_t i = 0; i < src->n; i++) {
		const incline_event *s = &src->events[i];
		incline_event ev;

		memset(&ev, 0, sizeof ev);
		ev.type = s->type;
		for (size_t k = 0; k < s->n_evidence; k++)
			assert_int_equal(incline_event_add_evidence(
						 &ev, &s->evidence[k]), 0);
		for (size_t k = 0; k < s->n_actors; k++)
			assert_int_equal(
				incline_event_add_actor(&ev, s->actors[k]), 0);
		assert_int_equal(incline_when_copy(&ev.when, &s->when), 0);
		incline_event_assign_id(&ev);
		assert_int_equal(incline_timeline_take(dst, &ev), 0);
	}
	for (size_t i = 0; i < src->n_articles; i++)
		assert_int_equal(
			incline_timeline_add_article(dst, src->articles[i]), 0);
}

/* ---- looking at results ------------------------------------------------- */

/* The event of type t holding the evidence with quote q, or NULL. */
static const incline_event *find(const incline_timeline *tl,
				 incline_event_type t, const char *q)
{
	for (size_t i = 0; i < tl->n; i++) {
		if (tl->events[i].type != t)
			continue;
		for (size_t k = 0; k < tl->events[i].n_evidence; k++)
			if (strcmp(tl->events[i].evidence[k].quote, q) == 0)
				return &tl->events[i];
	}
	return NULL;
}

/* The event holding evidence of article a, or NULL. */
static const incline_event *find_article(const incline_timeline *tl,
					 const char *a)
{
	for (size_t i = 0; i < tl->n; i++)
		for (size_t k = 0; k < tl->events[i].n_evidence; k++)
			if (strcmp(tl->events[i].evidence[k].article, a) == 0)
				return &tl->events[i];
	return NULL;
}

static size_t count_type(const incline_timeline *tl, incline_event_type t)
{
	size_t n = 0;

	for (size_t i = 0; i < tl->n; i++)
		n += tl->events[i].type == t;
	return n;
}

static void assert_str_eq_null(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_when_equal(const incline_when *a, const incline_when *b)
{
	assert_int_equal(a->date.earliest, b->date.earliest);
	assert_int_equal(a->date.latest, b->date.latest);
	assert_int_equal(a->date.gran, b->date.gran);
	assert_int_equal(a->date.flags, b->date.flags);
	assert_int_equal(a->basis, b->basis);
	assert_str_eq_null(a->value, b->value);
	assert_str_eq_null(a->text, b->text);
	assert_str_eq_null(a->article, b->article);
	assert_int_equal(a->start, b->start);
	assert_int_equal(a->end, b->end);
	assert_int_equal(a->has_span, b->has_span);
}

static void assert_claim_equal(const incline_claim *a, const incline_claim *b)
{
	assert_str_eq_null(a->actor, b->actor);
	assert_str_eq_null(a->claimant, b->claimant);
	assert_int_equal(a->stance, b->stance);
}

/* Field by field: the timelines are the same. */
static void assert_timeline_equal(const incline_timeline *a,
				  const incline_timeline *b)
{
	assert_int_equal(a->n, b->n);
	assert_int_equal(a->n_articles, b->n_articles);
	for (size_t i = 0; i < a->n_articles; i++)
		assert_string_equal(a->articles[i], b->articles[i]);
	for (size_t i = 0; i < a->n; i++) {
		const incline_event *x = &a->events[i], *y = &b->events[i];

		assert_string_equal(x->id, y->id);
		assert_int_equal(x->type, y->type);
		assert_when_equal(&x->when, &y->when);
		assert_str_eq_null(x->summary, y->summary);
		assert_int_equal(x->n_actors, y->n_actors);
		for (size_t k = 0; k < x->n_actors; k++)
			assert_string_equal(x->actors[k], y->actors[k]);
		assert_claim_equal(&x->claim, &y->claim);
		assert_int_equal(x->flags, y->flags);
		assert_int_equal(x->first_reported, y->first_reported);
		assert_int_equal(x->n_sources, y->n_sources);
		assert_string_equal(x->incident, y->incident);
		assert_int_equal(x->n_evidence, y->n_evidence);
		for (size_t k = 0; k < x->n_evidence; k++) {
			const incline_evidence *e = &x->evidence[k];
			const incline_evidence *f = &y->evidence[k];

			assert_str_eq_null(e->article, f->article);
			assert_str_eq_null(e->source, f->source);
			assert_int_equal(e->published, f->published);
			assert_int_equal(e->start, f->start);
			assert_int_equal(e->end, f->end);
			assert_str_eq_null(e->quote, f->quote);
			assert_when_equal(&e->when, &f->when);
			assert_claim_equal(&e->claim, &f->claim);
			assert_int_equal(e->flags, f->flags);
		}
	}
	assert_int_equal(a->n_incidents, b->n_incidents);
	for (size_t i = 0; i < a->n_incidents; i++) {
		const incline_incident *x = &a->incidents[i];
		const incline_incident *y = &b->incidents[i];

		assert_string_equal(x->id, y->id);
		assert_str_eq_null(x->name, y->name);
		assert_int_equal(x->earliest, y->earliest);
		assert_int_equal(x->latest, y->latest);
		assert_int_equal(x->n_entities, y->n_entities);
		for (size_t k = 0; k < x->n_entities; k++)
			assert_string_equal(x->entities[k], y->entities[k]);
		assert_int_equal(x->n_events, y->n_events);
		for (size_t k = 0; k < x->n_events; k++)
			assert_string_equal(x->events[k], y->events[k]);
	}
}

/* The JSON bytes of tl (new string, free()). */
static char *json_of(const incline_timeline *tl)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	assert_non_null(fp);
	assert_int_equal(incline_emit_json(fp, tl, NULL), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

/* ---- fixture ------------------------------------------------------------- */

typedef struct fixture {
	incline_timeline in;
	incline_timeline out;
	incline_timeline more[4];
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	incline_timeline_free(&f->in);
	incline_timeline_free(&f->out);
	for (size_t i = 0; i < N_ELEMS(f->more); i++)
		incline_timeline_free(&f->more[i]);
	free(f);
	return 0;
}

static void merge_ok(incline_timeline *out, const incline_timeline *in,
		     const incline_merge_opts *opts)
{
	incline_error err;

	incline_error_clear(&err);
	assert_int_equal(incline_merge(out, in, opts, &err), 0);
	assert_int_equal(err.code, 0);
}

/* ---- tests --------------------------------------------------------------- */

static void test_defaults(void **state)
{
	incline_merge_opts o;

	(void)state;
	incline_merge_opts_default(&o);
	assert_true(o.min_overlap > 0.0 && o.min_overlap < 1.0);
}

static void test_empty(void **state)
{
	fixture *f = *state;

	assert_int_equal(incline_timeline_add_article(&f->in, "a.txt"), 0);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 0);
	assert_int_equal(f->out.n_articles, 1);
	assert_string_equal(f->out.articles[0], "a.txt");
}

static void test_out_not_empty(void **state)
{
	fixture *f = *state;
	incline_error err;

	add_atoms(&f->out, SEED, 1);
	incline_error_clear(&err);
	assert_int_equal(incline_merge(&f->out, &f->in, NULL, &err),
			 INCLINE_EUSAGE);
	assert_int_equal(err.code, INCLINE_EUSAGE);
	assert_int_equal(f->out.n, 1); /* untouched */
}

/* The two seed articles: detection, response, disclosure and the
 * non-attribution each become one event citing both articles. */
static void test_seed_clusters(void **state)
{
	fixture *f = *state;
	const incline_event *ev;

	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n_articles, 2);

	ev = find(&f->out, INCLINE_EVENT_DETECTION, Q_DETECT_000);
	assert_non_null(ev);
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_DETECTION), 1);
	assert_int_equal(ev->n_evidence, 2);
	assert_int_equal(ev->n_sources, 2);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_DETECTION, Q_DETECT_002),
			 ev);
	/* "end of last week" within "reported by Sept. 20". */
	assert_int_equal(ev->when.date.earliest, ymd(2023, 9, 14));
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 17));
	assert_int_equal(ev->when.basis, INCLINE_BASIS_RELATIVE);
	assert_string_equal(ev->when.article, A002);
	assert_string_equal(ev->summary, Q_DETECT_002);
	assert_int_equal(ev->first_reported, ymd(2023, 9, 19));
	assert_int_equal(ev->flags, 0);

	ev = find(&f->out, INCLINE_EVENT_RESPONSE, Q_MEASURES_000);
	assert_non_null(ev);
	assert_int_equal(ev->n_evidence, 3);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_RESPONSE, Q_DETECT_000), ev);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_RESPONSE, Q_DETECT_002), ev);
	assert_int_equal(ev->when.date.earliest, ymd(2023, 9, 14));

	/* Strengthening cybersecurity is a response of its own. */
	ev = find(&f->out, INCLINE_EVENT_RESPONSE, Q_STEPS_000);
	assert_non_null(ev);
	assert_int_equal(ev->n_evidence, 2);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_RESPONSE, Q_STEPS_002), ev);
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_RESPONSE), 2);
	assert_int_equal(ev->when.basis, INCLINE_BASIS_PUBLICATION);
	assert_int_equal(ev->when.date.earliest, INCLINE_DAY_NONE);
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 19));

	ev = find(&f->out, INCLINE_EVENT_DISCLOSURE, Q_DISCLOSE_000);
	assert_non_null(ev);
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_DISCLOSURE), 1);
	assert_int_equal(ev->n_evidence, 2);
	assert_int_equal(ev->when.date.earliest, ymd(2023, 9, 19));
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 19));
	/* Explicit "Sept. 19" is preferred to relative "this Tuesday". */
	assert_int_equal(ev->when.basis, INCLINE_BASIS_EXPLICIT);
	assert_string_equal(ev->when.article, A000);
	/* The hedged account does not summarise while another exists. */
	assert_string_equal(ev->summary, Q_DISCLOSE_000);
	assert_int_equal(ev->flags & INCLINE_EVENT_HEDGED, 0);

	ev = find(&f->out, INCLINE_EVENT_ATTRIBUTION, Q_NOATTR_000);
	assert_non_null(ev);
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_ATTRIBUTION), 1);
	assert_int_equal(ev->n_evidence, 3);
	assert_int_equal(ev->claim.stance, INCLINE_STANCE_UNATTRIBUTED);
	assert_null(ev->claim.actor);
	assert_int_equal(ev->n_actors, 0);
	assert_int_equal(ev->flags, 0);
	assert_int_equal(ev->when.basis, INCLINE_BASIS_PUBLICATION);
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 19));
	assert_string_equal(ev->summary, Q_NOATTR_002);

	/* The field office stays alone. */
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_CONTEXT), 1);
	assert_int_equal(f->out.n, 6);
}

/* Same type, same days, nothing said in common: two events. */
static void test_unrelated_apart(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_RESPONSE, "a.txt", "A", "2023-09-20", 0, 50,
		  "The company took its servers offline.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20", 0, NULL, 0 },
		{ INCLINE_EVENT_RESPONSE, "b.txt", "B", "2023-09-20", 0, 50,
		  "Police arrested two suspects in Kyiv on Tuesday.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20", 0, NULL, 0 },
		/* Only a date in common. */
		{ INCLINE_EVENT_RESPONSE, "c.txt", "C", "2023-09-20", 0, 50,
		  "On September 19, 2023, engineers rotated every password.",
		  INCLINE_BASIS_EXPLICIT, "2023-09-19", "2023-09-19", 0, NULL, 0 },
		{ INCLINE_EVENT_RESPONSE, "d.txt", "D", "2023-09-20", 0, 50,
		  "On September 19, 2023, the mayor resigned.",
		  INCLINE_BASIS_EXPLICIT, "2023-09-19", "2023-09-19", 0, NULL, 0 },
		/* Disjoint explicit dates and no word in common. */
		{ INCLINE_EVENT_INTRUSION, "e.txt", "E", "2023-09-20", 0, 50,
		  "Intruders encrypted the file servers.",
		  INCLINE_BASIS_EXPLICIT, "2023-01-02", "2023-01-02", 0, NULL, 0 },
		{ INCLINE_EVENT_INTRUSION, "f.txt", "F", "2023-09-20", 0, 50,
		  "A phishing mail tricked an accountant.",
		  INCLINE_BASIS_EXPLICIT, "2023-06-02", "2023-06-02", 0, NULL, 0 },
		/* Same words, different types. */
		{ INCLINE_EVENT_DISCLOSURE, "g.txt", "G", "2023-09-20", 0, 50,
		  "The company took its servers offline.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20", 0, NULL, 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, N_ELEMS(atoms));
	for (size_t i = 0; i < f->out.n; i++)
		assert_int_equal(f->out.events[i].n_evidence, 1);
}

/* A two-word sentence does not bridge two others by one word each: "the
 * AIVD then warned" shares "warn" with the 2023-08 warning and "AIVD"
 * with the 2022 spy; all three stay apart, with no date conflict. */
static void test_short_no_bridge(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_CONTEXT, A000, NULL, P000, 1182, 1316,
		  "In August, ICC prosecutor Karim Khan warned of the "
		  "possibility of cyberattacks being integrated into future war "
		  "crimes investigations.", INCLINE_BASIS_RELATIVE,
		  "2023-08-01", "2023-08-31", 0, NULL, 0 },
		{ INCLINE_EVENT_CONTEXT, A002, NULL, P002, 2143, 2382,
		  "Last year, the Dutch intelligence services (AIVD) prevented "
		  "a Russian spy working for the military intelligence (GRU) "
		  "from infiltrating the ICC.", INCLINE_BASIS_RELATIVE,
		  "2022-01-01", "2022-12-31", 0, NULL, 0 },
		{ INCLINE_EVENT_CONTEXT, A002, NULL, P002, 2749, 2770,
		  "the AIVD then warned.", INCLINE_BASIS_PUBLICATION, NULL,
		  P002, 0, NULL, 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	merge_ok(&f->out, &f->in, NULL);
	for (size_t i = 0; i < N_ELEMS(atoms); i++) {
		const incline_event *ev =
			find(&f->out, INCLINE_EVENT_CONTEXT, atoms[i].quote);

		assert_non_null(ev);
		assert_int_equal(ev->n_evidence, 1);
		assert_int_equal(ev->flags & INCLINE_EVENT_DATE_CONFLICT, 0);
	}
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_CONTEXT), 4);
}

/* Lawyers affected and the staff's systems affected share only "ICC",
 * "court" and "affected", words common in the seed pile (SEED + PILE):
 * two impacts. The lawyers' keeps its publication bound. */
static void test_common_words_weigh_little(void **state)
{
	fixture *f = *state;
	const incline_event *ev;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_IMPACT, A000, NULL, P000, 999, 1180,
		  "Marie-Helene Proulx, President of the ICC Bar Association, "
		  "noted that lawyers representing both the accused and the "
		  "victims have been affected \xe2\x80\x9cjust as much as the "
		  "court staff.\xe2\x80\x9d", INCLINE_BASIS_PUBLICATION, NULL,
		  P000, 0, NULL, 0 },
		{ INCLINE_EVENT_IMPACT, A002, NULL, P002, 319, 472,
		  "According to the ICC spokesperson, At the end of last week, "
		  "court employees detected \xe2\x80\x9c" "an anomalous activity "
		  "that affected their information systems.\xe2\x80\x9d",
		  INCLINE_BASIS_RELATIVE, "2023-09-14", "2023-09-17", 0, NULL,
		  0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	add_atoms(&f->in, PILE, N_ELEMS(PILE));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_IMPACT), 2);
	ev = find(&f->out, INCLINE_EVENT_IMPACT, atoms[0].quote);
	assert_non_null(ev);
	assert_int_equal(ev->n_evidence, 1);
	assert_int_equal(ev->when.basis, INCLINE_BASIS_PUBLICATION);
	assert_int_equal(ev->when.date.earliest, INCLINE_DAY_NONE);
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 20));
}

/* B matches both A and C, whose dates are disjoint: single link would
 * chain all three. The strongest edge (A-B) joins first, and then C no
 * longer fits the cluster's dates: two events, no conflict. */
static void test_dates_constrain_chain(void **state)
{
	fixture *f = *state;
	const incline_event *ev;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_RESPONSE, "a.txt", "A", "2023-09-19", 0, 50,
		  "Immediate measures were adopted to mitigate the incident.",
		  INCLINE_BASIS_RELATIVE, "2023-09-14", "2023-09-17", 0, NULL,
		  0 },
		{ INCLINE_EVENT_RESPONSE, "b.txt", "B", "2023-09-20", 0, 50,
		  "Immediate measures were adopted to mitigate its impact.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20", 0, NULL, 0 },
		{ INCLINE_EVENT_RESPONSE, "c.txt", "C", "2023-09-19", 0, 50,
		  "Additional security measures are currently being adopted.",
		  INCLINE_BASIS_RELATIVE,
		  "2023-09-19", "2023-09-19", 0, NULL, 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 2);
	ev = find(&f->out, INCLINE_EVENT_RESPONSE, atoms[0].quote);
	assert_non_null(ev);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_RESPONSE, atoms[1].quote),
			 ev);
	assert_int_equal(ev->when.date.earliest, ymd(2023, 9, 14));
	assert_int_equal(ev->when.date.latest, ymd(2023, 9, 17));
	assert_int_equal(ev->flags & INCLINE_EVENT_DATE_CONFLICT, 0);
	ev = find(&f->out, INCLINE_EVENT_RESPONSE, atoms[2].quote);
	assert_non_null(ev);
	assert_int_equal(ev->n_evidence, 1);
	assert_int_equal(ev->when.date.earliest, ymd(2023, 9, 19));
	assert_int_equal(ev->flags & INCLINE_EVENT_DATE_CONFLICT, 0);

	/* Without C, B and A are one event; without A, B and C are. */
	add_atoms(&f->more[0], atoms + 1, 2);
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_int_equal(f->more[1].n, 1);
}

/* One shared word is enough only between tiny sides. */
static void test_count_rule(void **state)
{
	fixture *f = *state;
	static const atom_spec tiny[] = {
		{ INCLINE_EVENT_INTRUSION, "a.txt", "A", "2023-09-20", 0, 20,
		  "Ransomware.", INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20",
		  0, NULL, 0 },
		{ INCLINE_EVENT_INTRUSION, "b.txt", "B", "2023-09-20", 0, 20,
		  "Ransomware attack!", INCLINE_BASIS_PUBLICATION, NULL,
		  "2023-09-20", 0, NULL, 0 },
		{ INCLINE_EVENT_INTRUSION, "c.txt", "C", "2023-09-20", 0, 20,
		  "Ransomware gangs now target hospitals across Europe.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-09-20", 0, NULL, 0 },
	};

	add_atoms(&f->in, tiny, N_ELEMS(tiny));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 2);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_INTRUSION, tiny[0].quote),
			 find(&f->out, INCLINE_EVENT_INTRUSION, tiny[1].quote));
	assert_int_equal(find(&f->out, INCLINE_EVENT_INTRUSION,
			      tiny[2].quote)->n_evidence, 1);
}

/* A look-alike Cyrillic "IСС" is the same word as "ICC", even when every
 * word must match. */
static void test_fold_cyrillic(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_RECOVERY, A000, NULL, P000, 1, 60,
		  "I\xd0\xa1\xd0\xa1 continues to eliminate the consequences "
		  "of the hacker attack", INCLINE_BASIS_PUBLICATION, NULL, P000,
		  0, NULL, 0 },
		{ INCLINE_EVENT_RECOVERY, "other.txt", "Other", P002, 1, 60,
		  "ICC continues to eliminate the consequences of the hacker "
		  "attack.", INCLINE_BASIS_PUBLICATION, NULL, P002, 0, NULL, 0 },
	};
	incline_merge_opts o;

	incline_merge_opts_default(&o);
	o.min_overlap = 1.0;
	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, &o);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_evidence, 2);
	assert_int_equal(f->out.events[0].n_sources, 2);
}

/* Disjoint explicit dates: a near-verbatim retelling (overlap >= 0.6)
 * is one event with a date conflict, both dates kept in the evidence;
 * a weaker overlap that would merge with compatible dates stays apart. */
static void test_date_conflict(void **state)
{
	fixture *f = *state;
	const incline_event *ev;
	static const atom_spec weak[] = {
		/* 2 of 5 words shared: 0.4 */
		{ INCLINE_EVENT_INTRUSION, "p.txt", "P", "2023-03-01", 0, 60,
		  "Hackers breached the payroll database.",
		  INCLINE_BASIS_EXPLICIT, "2023-02-10", "2023-02-10", 0, NULL, 0 },
		{ INCLINE_EVENT_INTRUSION, "q.txt", "Q", "2023-03-01", 0, 60,
		  "Hackers leaked payroll slips of teachers.",
		  INCLINE_BASIS_EXPLICIT, "2023-01-05", "2023-01-05", 0, NULL, 0 },
	};

	add_atoms(&f->in, EXTRA + 3, 2);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	ev = &f->out.events[0];
	assert_int_equal(ev->n_evidence, 2);
	assert_true(ev->flags & INCLINE_EVENT_DATE_CONFLICT);
	/* The event keeps one source's date (equally narrow: the earlier
	 * published); each evidence keeps its own. */
	assert_int_equal(ev->when.date.earliest, ymd(2023, 2, 10));
	assert_int_equal(ev->when.date.latest, ymd(2023, 2, 10));
	assert_string_equal(ev->when.article, "x.txt");
	assert_int_equal(ev->evidence[0].when.date.earliest, ymd(2023, 2, 10));
	assert_int_equal(ev->evidence[1].when.date.earliest, ymd(2023, 1, 5));

	add_atoms(&f->more[0], weak, N_ELEMS(weak));
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_int_equal(f->more[1].n, 2);

	/* The same weak pair with overlapping dates merges, no conflict. */
	incline_timeline_free(&f->more[0]);
	incline_timeline_free(&f->more[1]);
	add_atom(&f->more[0], &weak[0]);
	{
		atom_spec s = weak[1];

		s.earliest = "2023-02-01";
		s.latest = "2023-02-28";
		add_atom(&f->more[0], &s);
	}
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_int_equal(f->more[1].n, 1);
	ev = &f->more[1].events[0];
	assert_int_equal(ev->flags & INCLINE_EVENT_DATE_CONFLICT, 0);
	assert_int_equal(ev->when.date.earliest, ymd(2023, 2, 10));
	assert_int_equal(ev->when.date.latest, ymd(2023, 2, 10));
	assert_int_equal(ev->when.basis, INCLINE_BASIS_EXPLICIT);
}

/* APT28 asserted by one outlet and denied by another: one attribution
 * event, flagged; Lazarus stays apart. */
static void test_claim_conflict(void **state)
{
	fixture *f = *state;
	const incline_event *ev;

	add_atoms(&f->in, EXTRA, 3);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 2);
	ev = find(&f->out, INCLINE_EVENT_ATTRIBUTION, EXTRA[0].quote);
	assert_non_null(ev);
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_ATTRIBUTION,
			      EXTRA[1].quote), ev);
	assert_int_equal(ev->n_evidence, 2);
	assert_true(ev->flags & INCLINE_EVENT_CLAIM_CONFLICT);
	assert_string_equal(ev->claim.actor, "APT28");
	/* one source each way: the claim made, not the denial, leads */
	assert_int_equal(ev->claim.stance, INCLINE_STANCE_ASSERTED);
	assert_int_equal(ev->n_actors, 1);
	assert_string_equal(ev->actors[0], "APT28");
	assert_int_equal(ev->n_sources, 2);
	assert_int_equal(ev->first_reported, ymd(2023, 5, 3));

	ev = find(&f->out, INCLINE_EVENT_ATTRIBUTION, EXTRA[2].quote);
	assert_non_null(ev);
	assert_int_equal(ev->n_evidence, 1);
	assert_int_equal(ev->flags & INCLINE_EVENT_CLAIM_CONFLICT, 0);
}

/* The event's claim is what most sources say, whichever sentence is the
 * summary: two outlets deny, one asserts. */
static void test_claim_majority(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_ATTRIBUTION, "a.txt", "A", "2023-05-03", 0, 60,
		  "Germany blamed the Russian group APT28 for the intrusion into "
		  "the party's email accounts on May 2.", INCLINE_BASIS_EXPLICIT,
		  "2023-05-02", "2023-05-02", INCLINE_STANCE_ASSERTED, "APT28", 0 },
		{ INCLINE_EVENT_ATTRIBUTION, "b.txt", "B", "2023-05-04", 0, 60,
		  "Moscow rejected the accusation that APT28 was behind the "
		  "intrusion into the party's email accounts.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2023-05-04",
		  INCLINE_STANCE_DENIED, "APT28", 0 },
		{ INCLINE_EVENT_ATTRIBUTION, "c.txt", "C", "2023-05-05", 0, 60,
		  "The Kremlin denied that APT28 was behind the intrusion into "
		  "the party's email accounts.", INCLINE_BASIS_PUBLICATION, NULL,
		  "2023-05-05", INCLINE_STANCE_DENIED, "APT28", 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_evidence, 3);
	assert_true(f->out.events[0].flags & INCLINE_EVENT_CLAIM_CONFLICT);
	assert_int_equal(f->out.events[0].claim.stance, INCLINE_STANCE_DENIED);
	assert_string_equal(f->out.events[0].claim.actor, "APT28");
}

/* Two different actors asserted in accounts that say the same thing. */
static void test_claim_conflict_actors(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_ATTRIBUTION, "a.txt", "A", "2023-05-03", 0, 60,
		  "Researchers attributed the wiper attack on the power grid to "
		  "Sandworm.", INCLINE_BASIS_PUBLICATION, NULL, "2023-05-03",
		  INCLINE_STANCE_ASSERTED, "Sandworm", 0 },
		{ INCLINE_EVENT_ATTRIBUTION, "b.txt", "B", "2023-05-03", 0, 60,
		  "Researchers attributed the wiper attack on the power grid to "
		  "APT28.", INCLINE_BASIS_PUBLICATION, NULL, "2023-05-03",
		  INCLINE_STANCE_ASSERTED, "APT28", 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_true(f->out.events[0].flags & INCLINE_EVENT_CLAIM_CONFLICT);
	assert_int_equal(f->out.events[0].n_actors, 2);
	assert_string_equal(f->out.events[0].actors[0], "APT28");
	assert_string_equal(f->out.events[0].actors[1], "Sandworm");
}

/* Every account hedged: the event is hedged; outlets counted once. */
static void test_hedged_and_sources(void **state)
{
	fixture *f = *state;
	atom_spec a = EXTRA[5], b = EXTRA[5];

	b.article = "z2.txt";
	a.source = b.source = "Same outlet";
	add_atom(&f->in, &a);
	add_atom(&f->in, &b);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_true(f->out.events[0].flags & INCLINE_EVENT_HEDGED);
	assert_int_equal(f->out.events[0].n_sources, 1);

	/* Without an outlet, each article is its own source. */
	a.source = b.source = NULL;
	add_atom(&f->more[0], &a);
	add_atom(&f->more[0], &b);
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_int_equal(f->more[1].n, 1);
	assert_int_equal(f->more[1].events[0].n_sources, 2);
}

/* Re-adding an article changes nothing; merging a merge changes nothing. */
static void test_idempotent(void **state)
{
	fixture *f = *state;

	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	add_atoms(&f->in, EXTRA, N_ELEMS(EXTRA));
	merge_ok(&f->out, &f->in, NULL);

	add_atoms(&f->more[0], SEED, N_ELEMS(SEED));
	add_atoms(&f->more[0], EXTRA, N_ELEMS(EXTRA));
	add_atoms(&f->more[0], SEED, N_ELEMS(SEED));
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_timeline_equal(&f->out, &f->more[1]);

	merge_ok(&f->more[2], &f->out, NULL);
	assert_timeline_equal(&f->out, &f->more[2]);
}

/* Advisory boilerplate ("could allow an unauthenticated, remote attacker
 * to ...", "versions prior to ... are affected") makes the accounts of
 * two different flaws word for word alike: accounts naming different CVE
 * identifiers, none in common, are never one event, whatever joins them
 * (here a third account with no identifier at all would chain them), in
 * any input order. */
#define Q_CVE_A "Cisco fixed CVE-2018-15442 in Webex Meetings, a flaw that " \
	"could allow an unauthenticated, remote attacker to execute " \
	"arbitrary commands; versions prior to 33.6.0 are affected."
#define Q_CVE_B "Cisco fixed CVE-2018-0377 in Policy Suite, a flaw that " \
	"could allow an unauthenticated, remote attacker to execute " \
	"arbitrary commands; versions prior to 18.2.0 are affected."
#define Q_CVE_NONE "The flaw could allow an unauthenticated, remote " \
	"attacker to execute arbitrary commands; versions prior to 18.2.0 " \
	"are affected, Cisco said."

static void test_cve_apart(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_VULNERABILITY, "w.txt", "W", "2018-11-28", 0, 150,
		  Q_CVE_A, INCLINE_BASIS_PUBLICATION, NULL, "2018-11-28", 0,
		  NULL, 0 },
		{ INCLINE_EVENT_VULNERABILITY, "p.txt", "P", "2018-11-29", 0, 150,
		  Q_CVE_B, INCLINE_BASIS_PUBLICATION, NULL, "2018-11-29", 0,
		  NULL, 0 },
		{ INCLINE_EVENT_VULNERABILITY, "p.txt", "P", "2018-11-29", 151,
		  300, Q_CVE_NONE, INCLINE_BASIS_PUBLICATION, NULL,
		  "2018-11-29", 0, NULL, 0 },
	};
	uint64_t a, b;

	assert_true(incline_merge_cve_id(&a, "CVE-2018-0377", 13));
	assert_true(incline_merge_cve_id(&b, "cve-2018-0377's", 15));
	assert_true(a == b);
	assert_true(incline_merge_cve_id(&b, "CVE-2018-15442", 14));
	assert_true(a != b);
	assert_false(incline_merge_cve_id(&a, "CVE-2018-037", 12));
	assert_false(incline_merge_cve_id(&a, "CVE-18-037777", 13));
	assert_false(incline_merge_cve_id(&a, "CVEs-2018-0377", 14));

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 2);
	for (size_t i = 0; i < f->out.n; i++) {
		const incline_event *ev = &f->out.events[i];
		bool has_a = false, has_b = false;

		for (size_t k = 0; k < ev->n_evidence; k++) {
			has_a |= strstr(ev->evidence[k].quote, "15442") != NULL;
			has_b |= strstr(ev->evidence[k].quote, "0377") != NULL;
		}
		assert_true(has_a != has_b);
	}
	/* the same answer in the other order */
	for (size_t i = N_ELEMS(atoms); i > 0; i--)
		add_atom(&f->more[0], &atoms[i - 1]);
	merge_ok(&f->more[1], &f->more[0], NULL);
	assert_timeline_equal(&f->out, &f->more[1]);
}

/* Two articles naming the same CVE (in any case) still tell one flaw. */
static void test_cve_same(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_VULNERABILITY, "w.txt", "W", "2018-11-28", 0, 150,
		  Q_CVE_B, INCLINE_BASIS_PUBLICATION, NULL, "2018-11-28", 0,
		  NULL, 0 },
		{ INCLINE_EVENT_VULNERABILITY, "p.txt", "P", "2018-11-29", 0, 150,
		  "Cisco has fixed cve-2018-0377 in its Policy Suite, a flaw "
		  "that could allow an unauthenticated, remote attacker to "
		  "execute arbitrary commands.", INCLINE_BASIS_PUBLICATION, NULL, "2018-11-29", 0,
		  NULL, 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_evidence, 2);
}

/* Actors of the input events travel to the merged event. */
static void test_input_actors(void **state)
{
	fixture *f = *state;

	add_atoms(&f->in, EXTRA + 3, 2);
	assert_int_equal(incline_event_add_actor(&f->in.events[1], "FIN7"), 0);
	assert_int_equal(incline_event_add_actor(&f->in.events[0], "Akira"), 0);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_actors, 2);
	assert_string_equal(f->out.events[0].actors[0], "Akira");
	assert_string_equal(f->out.events[0].actors[1], "FIN7");
}

/* An event naming thousands of actors (an article listing designators)
 * keeps each once, sorted. Merge built the list name by name, each
 * checked against all before it: quadratic (20,000 designators in one
 * 1 MB article: 7 s in `incline extract`, now 0.3 s). */
static void test_many_actors(void **state)
{
	fixture *f = *state;
	enum { N = 20000 };
	incline_event *ev;
	char name[16];

	add_atoms(&f->in, EXTRA + 3, 1);
	ev = &f->in.events[0];
	assert_int_equal(ev->n_actors, 0);
	/* each name twice, in reverse order: exact-sized, as the loader's */
	ev->actors = malloc(2 * N * sizeof *ev->actors);
	assert_non_null(ev->actors);
	for (size_t i = 0; i < 2 * N; i++) {
		snprintf(name, sizeof name, "TA%05zu", (2 * N - 1 - i) % N);
		assert_non_null(ev->actors[ev->n_actors++] = strdup(name));
	}
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_actors, N);
	for (size_t i = 0; i < N; i++) {
		snprintf(name, sizeof name, "TA%05zu", i);
		assert_string_equal(f->out.events[0].actors[i], name);
	}
}

/* ---- order independence -------------------------------------------------- */

/* xorshift64*: a fixed, portable sequence. */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

#define N_PERMUTATIONS 200

/* All atoms in random orders, merged in three random groups two ways,
 * give the same timeline as one merge of everything: same fields, same
 * JSON bytes. Some atoms land in two groups (an article read twice). */
static void test_order_independent(void **state)
{
	fixture *f = *state;
	const atom_spec *all[N_ELEMS(SEED) + N_ELEMS(EXTRA) + N_ELEMS(OTHER)];
	size_t n = 0;
	uint64_t seed = 0x1cc2023ULL;
	char *want;

	for (size_t i = 0; i < N_ELEMS(SEED); i++)
		all[n++] = &SEED[i];
	for (size_t i = 0; i < N_ELEMS(OTHER); i++)
		all[n++] = &OTHER[i];
	for (size_t i = 0; i < N_ELEMS(EXTRA); i++)
		all[n++] = &EXTRA[i];
	for (size_t i = 0; i < n; i++)
		add_atom(&f->in, all[i]);
	merge_ok(&f->out, &f->in, NULL);
	want = json_of(&f->out);

	for (int p = 0; p < N_PERMUTATIONS; p++) {
		incline_timeline g[3] = { { 0 } }, m[3] = { { 0 } };
		incline_timeline t = { 0 }, u = { 0 }, left = { 0 };
		incline_timeline right = { 0 }, once = { 0 };
		char *got;

		for (size_t i = n - 1; i > 0; i--) {
			size_t j = (size_t)(rnd(&seed) % (i + 1));
			const atom_spec *x = all[i];

			all[i] = all[j];
			all[j] = x;
		}
		for (size_t i = 0; i < n; i++) {
			size_t k = (size_t)(rnd(&seed) % 3);

			add_atom(&g[k], all[i]);
			add_atom(&once, all[i]);
			if (rnd(&seed) % 8 == 0)
				add_atom(&g[(k + 1) % 3], all[i]);
		}
		for (int k = 0; k < 3; k++)
			merge_ok(&m[k], &g[k], NULL);

		/* merge(merge(A, B), C) */
		append_timeline(&t, &m[0]);
		append_timeline(&t, &m[1]);
		merge_ok(&u, &t, NULL);
		incline_timeline_free(&t);
		append_timeline(&t, &u);
		append_timeline(&t, &m[2]);
		merge_ok(&left, &t, NULL);
		incline_timeline_free(&t);
		incline_timeline_free(&u);

		/* merge(A, merge(B, C)) */
		append_timeline(&t, &m[1]);
		append_timeline(&t, &m[2]);
		merge_ok(&u, &t, NULL);
		incline_timeline_free(&t);
		append_timeline(&t, &m[0]);
		append_timeline(&t, &u);
		merge_ok(&right, &t, NULL);
		incline_timeline_free(&t);
		incline_timeline_free(&u);

		merge_ok(&u, &once, NULL);
		assert_timeline_equal(&f->out, &u);
		assert_timeline_equal(&f->out, &left);
		assert_timeline_equal(&f->out, &right);
		got = json_of(&left);
		assert_string_equal(got, want);
		free(got);

		incline_timeline_free(&u);
		incline_timeline_free(&once);
		incline_timeline_free(&left);
		incline_timeline_free(&right);
		for (int k = 0; k < 3; k++) {
			incline_timeline_free(&g[k]);
			incline_timeline_free(&m[k]);
		}
	}
	free(want);
}

/* The incident of the event holding quote q. */
static const incline_incident *incident_of(const incline_timeline *tl,
					   incline_event_type t, const char *q)
{
	const incline_event *ev = find(tl, t, q);

	assert_non_null(ev);
	for (size_t i = 0; i < tl->n_incidents; i++)
		if (strcmp(tl->incidents[i].id, ev->incident) == 0)
			return &tl->incidents[i];
	fail_msg("event %s has no incident", ev->id);
	return NULL;
}

/* Two victims in one pile: two incidents, named after the victims, every
 * event in one of them, the generic sentences with their articles' one. */
static void test_incidents(void **state)
{
	fixture *f = *state;
	const incline_incident *icc, *cp;
	size_t total = 0;

	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	add_atoms(&f->in, PILE, N_ELEMS(PILE));
	add_atoms(&f->in, OTHER, N_ELEMS(OTHER));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n_incidents, 2);
	icc = incident_of(&f->out, INCLINE_EVENT_DETECTION, Q_DETECT_000);
	cp = incident_of(&f->out, INCLINE_EVENT_INTRUSION, OTHER[0].quote);
	assert_ptr_not_equal(icc, cp);
	assert_string_equal(icc->name, "International Criminal Court");
	assert_string_equal(cp->name, "Colonial Pipeline");
	assert_string_equal(icc->entities[0], "International Criminal Court");
	assert_int_equal(strncmp(icc->id, "in-", 3), 0);
	/* no entity in these: they go with their article */
	assert_ptr_equal(incident_of(&f->out, INCLINE_EVENT_RESPONSE,
				     OTHER[1].quote), cp);
	assert_ptr_equal(incident_of(&f->out, INCLINE_EVENT_RESPONSE,
				     Q_MEASURES_000), icc);
	assert_ptr_equal(incident_of(&f->out, INCLINE_EVENT_INTRUSION,
				     OTHER[3].quote), cp);
	/* the retold intrusion is one event */
	assert_ptr_equal(find(&f->out, INCLINE_EVENT_INTRUSION, OTHER[0].quote),
			 find(&f->out, INCLINE_EVENT_INTRUSION, OTHER[3].quote));
	for (size_t i = 0; i < f->out.n_incidents; i++)
		total += f->out.incidents[i].n_events;
	assert_int_equal(total, f->out.n);
	assert_int_equal(cp->earliest, INCLINE_DAY_NONE);
	/* the retelling is bounded by the first report */
	assert_int_equal(cp->latest, ymd(2023, 9, 18));
}

/* "Who did it is not known" about one victim is not the same statement
 * as about another, however close the dates. */
static void test_claims_stay_with_victim(void **state)
{
	fixture *f = *state;
	const incline_event *icc, *cp;

	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	add_atoms(&f->in, OTHER, N_ELEMS(OTHER));
	merge_ok(&f->out, &f->in, NULL);
	icc = find(&f->out, INCLINE_EVENT_ATTRIBUTION, Q_NOATTR_000);
	cp = find(&f->out, INCLINE_EVENT_ATTRIBUTION, OTHER[2].quote);
	assert_non_null(icc);
	assert_non_null(cp);
	assert_ptr_not_equal(icc, cp);
	/* the ICC's two articles still agree with each other */
	assert_ptr_equal(icc, find(&f->out, INCLINE_EVENT_ATTRIBUTION,
				   Q_NOATTR_002));
	assert_string_not_equal(icc->incident, cp->incident);
}

/* Paraphrases meet through the synonym rows; the victim's own name is no
 * evidence that two accounts tell one happening. */
static void test_synonyms_and_victim_name(void **state)
{
	fixture *f = *state;
	static const atom_spec atoms[] = {
		{ INCLINE_EVENT_DETECTION, "p.txt", "P", "2024-02-02", 0, 60,
		  "Acme Logistics detected suspicious activity on its servers.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2024-02-02", 0, NULL, 0 },
		{ INCLINE_EVENT_DETECTION, "q.txt", "Q", "2024-02-03", 0, 60,
		  "Acme Logistics discovered unusual activity in its systems.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2024-02-03", 0, NULL, 0 },
		{ INCLINE_EVENT_DISCLOSURE, "p.txt", "P", "2024-02-02", 61, 120,
		  "Acme Logistics confirmed the ransomware attack on Friday.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2024-02-02", 0, NULL, 0 },
		{ INCLINE_EVENT_DISCLOSURE, "q.txt", "Q", "2024-02-03", 61, 120,
		  "Acme Logistics confirmed quarterly layoffs.",
		  INCLINE_BASIS_PUBLICATION, NULL, "2024-02-03", 0, NULL, 0 },
	};

	add_atoms(&f->in, atoms, N_ELEMS(atoms));
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n_incidents, 1);
	assert_string_equal(f->out.incidents[0].name, "Acme Logistics");
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_DETECTION), 1);
	/* only "confirmed" in common once "Acme Logistics" is set aside */
	assert_int_equal(count_type(&f->out, INCLINE_EVENT_DISCLOSURE), 2);
}

/* incline_merge_take gives what incline_merge gives, and empties its
 * input. */
static void test_take(void **state)
{
	fixture *f = *state;
	incline_timeline in2 = { 0 }, out2 = { 0 };
	incline_error err;
	char *a, *b;

	add_atoms(&f->in, SEED, N_ELEMS(SEED));
	add_atoms(&f->in, PILE, N_ELEMS(PILE));
	add_atoms(&f->in, OTHER, N_ELEMS(OTHER));
	add_atoms(&f->in, EXTRA, N_ELEMS(EXTRA));
	append_timeline(&in2, &f->in);
	merge_ok(&f->out, &f->in, NULL);
	incline_error_clear(&err);
	assert_int_equal(incline_merge_take(&out2, &in2, NULL, &err), 0);
	assert_int_equal(in2.n, 0);
	assert_null(in2.events);
	assert_timeline_equal(&f->out, &out2);
	a = json_of(&f->out);
	b = json_of(&out2);
	assert_string_equal(a, b);
	free(a);
	free(b);
	incline_timeline_free(&out2);
	/* a non-empty output is refused, and the input still taken */
	append_timeline(&in2, &f->in);
	assert_int_equal(incline_merge_take(&f->out, &in2, NULL, &err),
			 INCLINE_EUSAGE);
	assert_int_equal(in2.n, 0);
}

/* Wire copy: one sentence retold word for word, and a looser retelling
 * that shares some of its words (below the conflict bar, so dates and
 * publication days decide whether it joins). */
#define Q_WIRE "Hackers encrypted the payroll servers of Dunmore County " \
	"and demanded a ransom in bitcoin."
#define Q_WIRE_LOOSE "Hackers encrypted payroll servers at Dunmore " \
	"County, which went dark as staff scrambled to restore backups."

/* Adds n copies of quote q, each the only sentence of its own article
 * ("<tag>-<i>.txt"), published `first` + i * step days (step 0: all on
 * `first`). Articles are not listed (merge does not need them). */
static void add_copies(incline_timeline *tl, const char *tag, const char *q,
		       size_t n, incline_day first, int step)
{
	for (size_t i = 0; i < n; i++) {
		char article[32];
		incline_evidence e;
		incline_event ev;

		snprintf(article, sizeof article, "%s-%05zu.txt", tag, i);
		memset(&e, 0, sizeof e);
		memset(&ev, 0, sizeof ev);
		e.article = article;
		e.published = first + (incline_day)i * step;
		e.end = strlen(q);
		e.quote = (char *)q;
		e.when.basis = INCLINE_BASIS_PUBLICATION;
		e.when.date = incline_date_make(INCLINE_DAY_NONE, e.published,
						INCLINE_GRAN_DAY);
		ev.type = INCLINE_EVENT_IMPACT;
		ev.when = e.when;
		assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
		incline_event_assign_id(&ev);
		assert_int_equal(incline_timeline_take(tl, &ev), 0);
	}
}

/* Copies of a sentence join as one, and a looser retelling joins them
 * only when some copy of each was published near the other: the same as
 * pairing every copy with every other, one copy or many. */
static void test_copies_near_and_far(void **state)
{
	fixture *f = *state;
	incline_day jan = ymd(2023, 1, 10), sep = ymd(2023, 9, 10);

	for (size_t copies = 1; copies <= 3; copies += 2) {
		incline_timeline in = { 0 }, out = { 0 };

		/* months apart: two events */
		add_copies(&in, "w", Q_WIRE, copies, jan, 0);
		add_copies(&in, "l", Q_WIRE_LOOSE, copies, sep, 1);
		merge_ok(&out, &in, NULL);
		assert_int_equal(out.n, 2);
		assert_int_equal(out.events[0].n_evidence, copies);
		incline_timeline_free(&out);
		/* one loose copy published near: one event of them all */
		add_copies(&in, "n", Q_WIRE_LOOSE, 1, jan + 20, 0);
		merge_ok(&out, &in, NULL);
		assert_int_equal(out.n, 1);
		assert_int_equal(out.events[0].n_evidence, 2 * copies + 1);
		incline_timeline_free(&out);
		incline_timeline_free(&in);
	}
	(void)f;
}

/* 20,000 copies of one sentence (syndicated wire copy, outlet
 * boilerplate), published over two years, merge into one event, and a
 * looser retelling published among them joins it: without collapsing
 * the copies first this was 2 * 10^8 links, over
 * INCLINE_MAX_MERGE_LINKS. */
static void test_copies_scale(void **state)
{
	fixture *f = *state;

	add_copies(&f->in, "w", Q_WIRE, 20000, ymd(2022, 1, 1), 0);
	add_copies(&f->in, "d", Q_WIRE, 730, ymd(2022, 1, 1), 1);
	add_copies(&f->in, "l", Q_WIRE_LOOSE, 2000, ymd(2023, 6, 1), 0);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 1);
	assert_int_equal(f->out.events[0].n_evidence, 22730);
	assert_int_equal(f->out.events[0].n_sources, 22730);
}

/* Evidence with no quote, outlet or article still merges (alone). */
static void test_sparse_evidence(void **state)
{
	fixture *f = *state;
	atom_spec s = EXTRA[3];

	s.quote = NULL;
	s.source = NULL;
	add_atom(&f->in, &s);
	s.article = "w.txt";
	add_atom(&f->in, &s);
	merge_ok(&f->out, &f->in, NULL);
	assert_int_equal(f->out.n, 2);
	assert_null(f->out.events[0].summary);
	assert_int_equal(f->out.events[0].n_sources, 1);
}

#define N_RANDOM_ATOMS 80
#define N_RANDOM_ROUNDS 8

static const char *const VOCAB[] = {
	"ransomware", "hospital", "laptops", "encrypted", "patients",
	"diverted", "police", "arrested", "suspects", "icc", "court",
	"network", "breach", "restored", "backups", "the", "said",
};
/* "the" and "said" are stop words; every other word is its own stem, in
 * no synonym row of merge_words.c, and no name (lower case), so no
 * victim's words are left out. */
#define N_CONTENT_WORDS (N_ELEMS(VOCAB) - 2)

/* Reference weights: every content word weighted over the distinct
 * sentences (article and span) of the n atoms, as merge_words.h
 * documents; here every atom is a sentence of its own article. */
static void reference_weights(uint64_t *weight, const unsigned *words,
			      const char (*quotes)[160], size_t n)
{
	size_t df[N_CONTENT_WORDS] = { 0 }, distinct = 0;

	(void)quotes;
	for (size_t k = 0; k < n; k++) {
		distinct++;
		for (size_t v = 0; v < N_CONTENT_WORDS; v++)
			df[v] += (words[k] >> v) & 1u;
	}
	for (size_t v = 0; v < N_CONTENT_WORDS; v++)
		weight[v] = incline_merge_word_weight(distinct, df[v]);
}

/* The reference: do word sets a and b match at overlap t? */
static bool reference_match(const uint64_t *weight, unsigned wa, unsigned wb,
			    double t)
{
	incline_merge_overlap o = { 0 };

	for (size_t v = 0; v < N_CONTENT_WORDS; v++) {
		unsigned a = (wa >> v) & 1u, b = (wb >> v) & 1u;

		o.na += a;
		o.nb += b;
		o.n += a & b;
		o.wa += a ? weight[v] : 0;
		o.wb += b ? weight[v] : 0;
		o.w += a & b ? weight[v] : 0;
	}
	return incline_merge_words_match(&o, t);
}

static void index_exact_round(uint64_t seed)
{
	static char quotes[N_RANDOM_ATOMS][160];
	static char articles[N_RANDOM_ATOMS][16];
	unsigned words[N_RANDOM_ATOMS];
	atom_spec atoms[N_RANDOM_ATOMS];
	size_t parent[N_RANDOM_ATOMS];
	uint64_t weight[N_CONTENT_WORDS];
	incline_timeline in = { 0 }, out = { 0 };
	incline_merge_opts o;

	incline_merge_opts_default(&o);
	for (size_t i = 0; i < N_RANDOM_ATOMS; i++) {
		size_t nw = 1 + (size_t)(rnd(&seed) % 6);

		quotes[i][0] = '\0';
		words[i] = 0;
		for (size_t w = 0; w < nw; w++) {
			size_t v = (size_t)(rnd(&seed) % N_ELEMS(VOCAB));

			strcat(quotes[i], VOCAB[v]);
			strcat(quotes[i], " ");
			if (v < N_CONTENT_WORDS)
				words[i] |= 1u << v;
		}
		snprintf(articles[i], sizeof articles[i], "r%zu.txt", i);
		memset(&atoms[i], 0, sizeof atoms[i]);
		/* Attribution without a stance: linked by words only. */
		atoms[i].type = rnd(&seed) % 4 ? INCLINE_EVENT_RESPONSE
					       : INCLINE_EVENT_ATTRIBUTION;
		atoms[i].article = articles[i];
		atoms[i].published = rnd(&seed) % 2 ? "2023-09-20" : "2023-09-01";
		atoms[i].end = 10;
		atoms[i].quote = quotes[i];
		atoms[i].basis = INCLINE_BASIS_PUBLICATION;
		atoms[i].latest = atoms[i].published;
		parent[i] = i;
	}
	reference_weights(weight, words, (const char (*)[160])quotes,
			  N_RANDOM_ATOMS);
	for (size_t i = 0; i < N_RANDOM_ATOMS; i++)
		for (size_t j = i + 1; j < N_RANDOM_ATOMS; j++) {
			size_t a = i, b = j;

			if (atoms[i].type != atoms[j].type
			    || !reference_match(weight, words[i], words[j],
						o.min_overlap))
				continue;
			while (parent[a] != a)
				a = parent[a];
			while (parent[b] != b)
				b = parent[b];
			parent[b] = a;
		}
	add_atoms(&in, atoms, N_RANDOM_ATOMS);
	merge_ok(&out, &in, NULL);
	/* Not a trivial case: some merged, some alone. */
	assert_true(out.n > 3 && out.n < N_RANDOM_ATOMS - 3);
	for (size_t i = 0; i < N_RANDOM_ATOMS; i++)
		for (size_t j = i + 1; j < N_RANDOM_ATOMS; j++) {
			size_t a = i, b = j;

			while (parent[a] != a)
				a = parent[a];
			while (parent[b] != b)
				b = parent[b];
			assert_int_equal(a == b,
					 find_article(&out, articles[i])
						 == find_article(&out,
								 articles[j]));
		}
	incline_timeline_free(&in);
	incline_timeline_free(&out);
}

/* The inverted index with prefix filtering finds exactly the pairs an
 * all-pairs comparison under the same rule finds. Every date is a
 * publication date (an upper bound only), so no two clusters are ever
 * kept apart by dates and the events must be the connected components of
 * the reference's matches. */
static void test_index_exact(void **state)
{
	(void)state;
	for (uint64_t r = 0; r < N_RANDOM_ROUNDS; r++)
		index_exact_round(42 + r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test_setup_teardown(test_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_not_empty, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_seed_clusters, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_unrelated_apart, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_short_no_bridge, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_common_words_weigh_little,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_dates_constrain_chain,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_count_rule, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_fold_cyrillic, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_date_conflict, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_claim_conflict, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_claim_majority, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_claim_conflict_actors,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_hedged_and_sources, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_idempotent, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_input_actors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_many_actors, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_incidents, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cve_apart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cve_same, setup, teardown),
		cmocka_unit_test_setup_teardown(test_take, setup, teardown),
		cmocka_unit_test_setup_teardown(test_synonyms_and_victim_name,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_claims_stay_with_victim,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_copies_near_and_far, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_copies_scale, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_sparse_evidence, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_index_exact, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_order_independent, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
