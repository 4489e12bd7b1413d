/* Unit tests of the loader (load.h) and of merging what it loads: written
 * -> loaded -> written is byte-identical; loading the outputs of any split
 * of the articles (merged timelines or raw extract streams) and merging
 * them gives the timeline built from all articles at once; bad files are
 * errors with their line and column. Real inputs: the seed articles and
 * retellings of them made here. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/incline.h"

#define SEED_A "examples/icc-2023/000_e5bf3133bbcd0f08.txt"
#define SEED_B "examples/icc-2023/002_ad1cce7abc74dd27.txt"
#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))

typedef int (*emitter)(FILE *, const incline_timeline *, incline_error *);

/* The seeds and articles made from them: the same story from other
 * outlets a day or two later, whole or only its first half. */
#define N_ARTICLES 6

typedef struct fixture {
	incline_timeline per[N_ARTICLES]; /* each article's raw events */
	char *want;                       /* timeline JSON of all articles */
} fixture;

/* ---- helpers ------------------------------------------------------------ */

static char *emit_string(const incline_timeline *tl, emitter fn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	incline_error err;

	assert_non_null(fp);
	incline_error_clear(&err);
	assert_int_equal(fn(fp, tl, &err), 0);
	assert_int_equal(fclose(fp), 0);
	return buf;
}

static void load_ok(incline_timeline *tl, const char *text)
{
	incline_error err;

	incline_error_clear(&err);
	if (incline_load_buffer(tl, "mem", text, strlen(text), NULL, &err))
		fail_msg("load: %d:%d: %s", err.line, err.column, err.text);
}

static void merge_ok(incline_timeline *out, const incline_timeline *in)
{
	incline_error err;

	incline_error_clear(&err);
	assert_int_equal(incline_merge(out, in, NULL, &err), 0);
}

/* Appends copies of src's events and articles to dst. */
static void append(incline_timeline *dst, const incline_timeline *src)
{
	for (size_t i = 0; i < src->n; i++) {
		const incline_event *s = &src->events[i];
		incline_event ev;

		memset(&ev, 0, sizeof ev);
		memcpy(ev.id, s->id, sizeof ev.id);
		ev.type = s->type;
		ev.flags = s->flags;
		ev.first_reported = s->first_reported;
		ev.n_sources = s->n_sources;
		assert_int_equal(incline_when_copy(&ev.when, &s->when), 0);
		assert_int_equal(incline_claim_copy(&ev.claim, &s->claim), 0);
		if (s->summary)
			assert_non_null(ev.summary = strdup(s->summary));
		for (size_t k = 0; k < s->n_actors; k++)
			assert_int_equal(incline_event_add_actor(&ev, s->actors[k]), 0);
		for (size_t k = 0; k < s->n_evidence; k++)
			assert_int_equal(incline_event_add_evidence(&ev, &s->evidence[k]), 0);
		assert_int_equal(incline_timeline_take(dst, &ev), 0);
	}
	for (size_t i = 0; i < src->n_articles; i++)
		assert_int_equal(incline_timeline_add_article(dst, src->articles[i]), 0);
}

/* A new article: the body of seed `path` under a front-matter header
 * naming `id`, `source` and `date`; half = only the first half of it. */
static incline_article *retell(const char *path, const char *id,
			       const char *source, const char *date, int half)
{
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list list = { 0 };
	incline_article *out = NULL;
	incline_error err;
	const incline_article *seed;
	char *buf;
	size_t body, n, len;

	incline_error_clear(&err);
	assert_int_equal(incline_article_read(&list, path, &opts, &err), 0);
	seed = list.items[0];
	body = seed->body.end - seed->body.start;
	if (half) {
		const char *p = seed->bytes + seed->body.start;
		const char *cut = memchr(p + body / 2, '\n', body - body / 2);

		body = cut ? (size_t)(cut - p) + 1 : body;
	}
	n = (source ? strlen(source) : 0) + strlen(date) + 64;
	assert_non_null(buf = malloc(n + body));
	if (source)
		len = (size_t)snprintf(buf, n, "---\ndate: %s\nsource: %s\n---\n",
				       date, source);
	else
		len = (size_t)snprintf(buf, n, "---\ndate: %s\n---\n", date);
	memcpy(buf + len, seed->bytes + seed->body.start, body);
	len += body;
	assert_int_equal(incline_article_parse(&out, id, buf, len, &opts, &err), 0);
	free(buf);
	incline_article_list_free(&list);
	return out;
}

static int setup(void **state)
{
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list list = { 0 };
	incline_timeline all = { 0 }, merged = { 0 };
	incline_extractor *x = NULL;
	incline_article *made[4];
	incline_error err;
	fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	incline_error_clear(&err);
	if (incline_article_read(&list, SEED_A, &opts, &err)
	    || incline_article_read(&list, SEED_B, &opts, &err)
	    || incline_extract_new(&x, &err))
		return -1;
	made[0] = retell(SEED_A, "wire/icc-hack.txt", "wire.example", "2023-09-21", 0);
	made[1] = retell(SEED_B, "daily/icc.txt", "daily.example", "2023-09-20", 1);
	made[2] = retell(SEED_A, "weekly/icc.txt", "weekly.example", "2023-09-25", 1);
	made[3] = retell(SEED_B, "blog/icc.txt", NULL, "2023-09-22", 0);
	for (size_t i = 0; i < N_ARTICLES; i++) {
		const incline_article *a = i < 2 ? list.items[i] : made[i - 2];

		if (incline_extract_article(&f->per[i], x, a, &err))
			return -1;
		append(&all, &f->per[i]);
	}
	merge_ok(&merged, &all);
	f->want = emit_string(&merged, incline_emit_json);
	for (size_t i = 0; i < 4; i++)
		incline_article_free(made[i]);
	incline_article_list_free(&list);
	incline_extract_free(x);
	incline_timeline_free(&all);
	incline_timeline_free(&merged);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	for (size_t i = 0; i < N_ARTICLES; i++)
		incline_timeline_free(&f->per[i]);
	free(f->want);
	free(f);
	return 0;
}

/* xorshift64*: a fixed, portable sequence. */
static uint64_t rnd(uint64_t *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545F4914F6CDD1DULL;
}

/* What one worker hands on for the articles in `mask`: the merged
 * timeline as JSON, or (ndjson) the raw extract stream. New string. */
static char *part(const fixture *f, unsigned mask, int ndjson)
{
	incline_timeline raw = { 0 }, merged = { 0 };
	char *s;

	for (size_t i = 0; i < N_ARTICLES; i++)
		if (mask & (1u << i))
			append(&raw, &f->per[i]);
	if (ndjson) {
		incline_timeline_sort(&raw);
		s = emit_string(&raw, incline_emit_ndjson);
	} else {
		merge_ok(&merged, &raw);
		s = emit_string(&merged, incline_emit_json);
	}
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	return s;
}

/* merge(load(texts[0..n))) as JSON. New string. */
static char *merge_texts(char *const *texts, size_t n)
{
	incline_timeline in = { 0 }, out = { 0 };
	char *s;

	for (size_t i = 0; i < n; i++)
		load_ok(&in, texts[i]);
	merge_ok(&out, &in);
	s = emit_string(&out, incline_emit_json);
	incline_timeline_free(&in);
	incline_timeline_free(&out);
	return s;
}

/* ---- round trips -------------------------------------------------------- */

static void test_roundtrip_json(void **state)
{
	fixture *f = *state;
	incline_timeline tl = { 0 };
	char *again;

	load_ok(&tl, f->want);
	again = emit_string(&tl, incline_emit_json);
	assert_string_equal(again, f->want);
	free(again);
	incline_timeline_free(&tl);
}

static void test_roundtrip_ndjson(void **state)
{
	fixture *f = *state;
	char *raw = part(f, (1u << N_ARTICLES) - 1, 1), *again;
	incline_timeline tl = { 0 };

	load_ok(&tl, raw);
	again = emit_string(&tl, incline_emit_ndjson);
	assert_string_equal(again, raw);
	free(again);
	incline_timeline_free(&tl);
	free(raw);
}

/* The committed timeline, as a user keeps it, reads back to its bytes. */
static void test_roundtrip_committed(void **state)
{
	incline_timeline tl = { 0 };
	incline_error err;
	char *file, *again;
	size_t len;

	(void)state;
	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&file, &len, "timelines/icc-2023.json",
					      1u << 26, &err), 0);
	assert_int_equal(incline_load_file(&tl, "timelines/icc-2023.json", NULL, &err), 0);
	assert_int_equal(tl.n_articles, 2);
	again = emit_string(&tl, incline_emit_json);
	assert_string_equal(again, file);
	free(again);
	free(file);
	incline_timeline_free(&tl);
}

/* ---- merging what was loaded ---------------------------------------------- */

#define N_SPLITS 60

/* Any split of the articles into workers, each handing on a merged
 * timeline or a raw stream, loaded in any order, merges to the timeline
 * of all articles at once. Some articles go to two workers (read twice). */
static void test_splits_merge_to_whole(void **state)
{
	fixture *f = *state;
	uint64_t seed = 0x10adu;

	for (int t = 0; t < N_SPLITS; t++) {
		unsigned masks[4] = { 0 };
		char *texts[4], *got;
		size_t k = 1 + (size_t)(rnd(&seed) % 4), n = 0;

		for (size_t i = 0; i < N_ARTICLES; i++) {
			size_t g = (size_t)(rnd(&seed) % k);

			masks[g] |= 1u << i;
			if (rnd(&seed) % 6 == 0)
				masks[(g + 1) % k] |= 1u << i;
		}
		for (size_t g = 0; g < k; g++)
			if (masks[g])
				texts[n++] = part(f, masks[g], rnd(&seed) % 2 == 0);
		for (size_t i = n; i > 1; i--) {
			size_t j = (size_t)(rnd(&seed) % i);
			char *x = texts[i - 1];

			texts[i - 1] = texts[j];
			texts[j] = x;
		}
		got = merge_texts(texts, n);
		if (strcmp(got, f->want) != 0)
			fail_msg("split %d (%zu parts) merges to another timeline", t, n);
		free(got);
		for (size_t i = 0; i < n; i++)
			free(texts[i]);
	}
}

#define N_TRIPLES 30

/* merge(merge(A, B), C) == merge(A, merge(B, C)), each merge written and
 * read back in between, for random non-empty A, B, C covering all. */
static void test_associative_through_files(void **state)
{
	fixture *f = *state;
	uint64_t seed = 0xa55cULL;

	for (int t = 0; t < N_TRIPLES; t++) {
		unsigned m[3] = { 0 };
		char *p[3], *ab, *bc, *left, *right, *pair[2];

		for (size_t i = 0; i < N_ARTICLES; i++)
			m[i % 3 == 0 ? rnd(&seed) % 3 : i % 3] |= 1u << i;
		for (int g = 0; g < 3; g++) {
			if (!m[g])
				m[g] = 1u << (rnd(&seed) % N_ARTICLES);
			p[g] = part(f, m[g], rnd(&seed) % 2 == 0);
		}
		pair[0] = p[0];
		pair[1] = p[1];
		ab = merge_texts(pair, 2);
		pair[0] = ab;
		pair[1] = p[2];
		left = merge_texts(pair, 2);
		pair[0] = p[1];
		pair[1] = p[2];
		bc = merge_texts(pair, 2);
		pair[0] = p[0];
		pair[1] = bc;
		right = merge_texts(pair, 2);
		assert_string_equal(left, f->want);
		assert_string_equal(right, f->want);
		free(ab);
		free(bc);
		free(left);
		free(right);
		for (int g = 0; g < 3; g++)
			free(p[g]);
	}
}

/* --update: a kept timeline plus an article already in it is the same
 * timeline; plus nothing new, too. */
static void test_readd_changes_nothing(void **state)
{
	fixture *f = *state;

	for (unsigned mask = 1; mask < (1u << N_ARTICLES); mask <<= 1) {
		char *texts[2] = { f->want, part(f, mask, 1) }, *got;

		got = merge_texts(texts, 2);
		assert_string_equal(got, f->want);
		free(got);
		got = merge_texts(texts, 1);
		assert_string_equal(got, f->want);
		free(got);
		free(texts[1]);
	}
}

/* A merged event's actors are a union over its evidence: when its
 * evidence ends up apart (another pile clusters differently), each piece
 * keeps only the actors its own sentence named. */
static void test_actors_travel_with_evidence(void **state)
{
	static const char doc[] =
		"{\"generated_from\": [\"a\", \"b\"], \"events\": [{\"type\": \"intrusion\",\n"
		" \"actors\": [\"FIN7\", \"Lazarus\"], \"evidence\": [\n"
		"  {\"article\": \"a\", \"start\": 0, \"end\": 40, \"published\": \"2023-09-20\",\n"
		"   \"text\": \"FIN7 breached the payroll servers of Acme.\", \"actors\": [\"FIN7\"]},\n"
		"  {\"article\": \"b\", \"start\": 5, \"end\": 50, \"published\": \"2023-09-21\",\n"
		"   \"text\": \"Lazarus stole cryptocurrency wallets from a Seoul exchange.\",\n"
		"   \"actors\": [\"Lazarus\"]}]}]}\n";
	incline_timeline in = { 0 }, out = { 0 };

	(void)state;
	load_ok(&in, doc);
	merge_ok(&out, &in);
	assert_int_equal(out.n, 2);
	for (size_t i = 0; i < 2; i++) {
		const incline_event *ev = &out.events[i];

		assert_int_equal(ev->n_actors, 1);
		assert_int_equal(ev->n_evidence, 1);
		assert_int_equal(ev->evidence[0].n_actors, 1);
		assert_string_equal(ev->actors[0], ev->evidence[0].actors[0]);
		assert_string_equal(ev->actors[0],
				    strcmp(ev->evidence[0].article, "a") == 0
					    ? "FIN7" : "Lazarus");
	}
	incline_timeline_free(&in);
	incline_timeline_free(&out);
}

/* ---- what the loader accepts ---------------------------------------------- */

/* Keys of later versions (an incidents section, an event's incident) are
 * ignored; the known ones still load. */
static void test_unknown_keys_ignored(void **state)
{
	static const char doc[] =
		"{\"incline\": \"9.0\", \"incidents\": [{\"id\": \"inc-1\", "
		"\"events\": [\"ev-1\"]}],\n"
		" \"generated_from\": [\"a.txt\"],\n"
		" \"events\": [{\"id\": \"ev-1\", \"type\": \"detection\", "
		"\"incident\": \"inc-1\", \"score\": {\"x\": [1, 2]},\n"
		"  \"evidence\": [{\"article\": \"a.txt\", \"start\": 0, "
		"\"end\": 9, \"text\": \"Detected.\", \"future\": null}]}]}\n";
	incline_timeline tl = { 0 };

	(void)state;
	load_ok(&tl, doc);
	assert_int_equal(tl.n, 1);
	assert_string_equal(tl.events[0].id, "ev-1");
	assert_int_equal(tl.events[0].type, INCLINE_EVENT_DETECTION);
	assert_int_equal(tl.events[0].n_evidence, 1);
	assert_string_equal(tl.events[0].evidence[0].quote, "Detected.");
	assert_int_equal(tl.n_articles, 1);
	incline_timeline_free(&tl);
}

/* A key spelt with escapes is the same key. */
static void test_escaped_keys(void **state)
{
	static const char doc[] =
		"{\n \"\\u0065vents\": [{\"type\": \"patch\", \"evidence\": []}],\n"
		" \"generated\\u005ffrom\": [\"a\"]}\n";
	incline_timeline tl = { 0 };

	(void)state;
	load_ok(&tl, doc);
	assert_int_equal(tl.n, 1);
	assert_int_equal(tl.n_articles, 1);
	incline_timeline_free(&tl);
}

/* The least an event needs; the rest takes documented defaults. */
static void test_defaults(void **state)
{
	static const char line[] =
		"{\"type\": \"intrusion\", \"actors\": [\"FIN7\"], \"evidence\": "
		"[{\"article\": \"a\", \"start\": 2, \"end\": 5}]}\n";
	incline_timeline tl = { 0 };
	const incline_evidence *e;

	(void)state;
	load_ok(&tl, line);
	assert_int_equal(tl.n, 1);
	assert_int_equal(strncmp(tl.events[0].id, "ev-", 3), 0);
	assert_int_equal(tl.events[0].first_reported, INCLINE_DAY_NONE);
	e = &tl.events[0].evidence[0];
	assert_null(e->source);
	assert_null(e->quote);
	assert_int_equal(e->published, INCLINE_DAY_NONE);
	assert_int_equal(e->when.basis, INCLINE_BASIS_PUBLICATION);
	assert_int_equal(e->when.date.earliest, INCLINE_DAY_NONE);
	assert_false(e->when.has_span);
	/* no "actors" in the evidence (0.1.0 files): the event's */
	assert_int_equal(e->n_actors, 1);
	assert_string_equal(e->actors[0], "FIN7");
	assert_int_equal(tl.n_articles, 0);
	incline_timeline_free(&tl);
}

/* Article ids are kept once, in first-seen order, across records, calls
 * and what the timeline already had. */
static void test_articles_once(void **state)
{
	static const char nd[] =
		"{\"generated_from\": [\"b\", \"a\", \"b\"]}\n\n"
		"{\"incline\": \"0.1.0\", \"generated_from\": [\"c\", \"a\"]}\r\n";
	incline_timeline tl = { 0 };

	(void)state;
	assert_int_equal(incline_timeline_add_article(&tl, "c"), 0);
	load_ok(&tl, nd);
	load_ok(&tl, nd);
	assert_int_equal(tl.n_articles, 3);
	assert_string_equal(tl.articles[0], "c");
	assert_string_equal(tl.articles[1], "b");
	assert_string_equal(tl.articles[2], "a");
	assert_int_equal(tl.n, 0);
	/* a byte order mark in front (an editor saved it) is skipped */
	load_ok(&tl, "\xEF\xBB\xBF{\"generated_from\": [\"d\"]}\n");
	load_ok(&tl, "\xEF\xBB\xBF{\n \"generated_from\": [\"e\"]}");
	assert_int_equal(tl.n_articles, 5);
	assert_string_equal(tl.articles[4], "e");
	/* empty streams (empty partitions, _SUCCESS markers) add nothing */
	load_ok(&tl, "");
	load_ok(&tl, " \n\r\n\t");
	load_ok(&tl, "\xEF\xBB\xBF");
	assert_int_equal(tl.n_articles, 5);
	assert_int_equal(tl.n, 0);
	incline_timeline_free(&tl);
}

/* ---- what it refuses, and where ------------------------------------------- */

typedef struct bad_case {
	const char *text;
	int code;
	int line, column;
	const char *says;
} bad_case;

static const bad_case BAD[] = {
	{ "{\n  \"events\": [\n", INCLINE_EINVAL, 3, 1, "invalid JSON" },
	{ "[1, 2]\n", INCLINE_EINVAL, 1, 1, "expected a timeline or an event" },
	{ "{\"x\": 1}\n", INCLINE_EINVAL, 1, 1, "neither a timeline" },
	{ "{\"events\": {}}", INCLINE_EINVAL, 1, 12, "events: expected an array" },
	{ "{\"events\": [7]}", INCLINE_EINVAL, 1, 13, "events[0]: expected an event" },
	{ "{\n \"events\": [\n  {\"type\": \"intrusion\"}]}", INCLINE_EINVAL, 3, 3,
	  "events[0]: missing \"evidence\"" },
	{ "{\"type\": \"breach\", \"evidence\": []}\n", INCLINE_EINVAL, 1, 10,
	  "type: unknown event type" },
	{ "{\"type\": \"patch\", \"evidence\": []}\n"
	  "{\"type\": \"patch\", \"evidence\": [{\"article\": \"a\", \"start\": -1, \"end\": 2}]}\n",
	  INCLINE_EINVAL, 2, 58, "evidence[0].start: expected a non-negative integer" },
	{ "{\"type\": \"patch\", \"evidence\": [{\"article\": \"a\", \"start\": 1.5, \"end\": 2}]}",
	  INCLINE_EINVAL, 1, 58, "expected a non-negative integer" },
	{ "{\"type\": \"patch\", \"evidence\": [{\"article\": \"a\", \"start\": 3, \"end\": 2}]}",
	  INCLINE_EINVAL, 1, 32, "\"end\" is before \"start\"" },
	{ "{\"type\": \"patch\", \"evidence\": [{\"start\": 3, \"end\": 4}]}",
	  INCLINE_EINVAL, 1, 32, "missing \"article\"" },
	{ "{\"type\": \"patch\", \"evidence\": [{\"article\": 5, \"start\": 3, \"end\": 4}]}",
	  INCLINE_EINVAL, 1, 44, "evidence[0].article: expected a string or null" },
	{ "{\"type\": \"patch\", \"date\": {\"earliest\": \"2023-02-30\"}, \"evidence\": []}",
	  INCLINE_EINVAL, 1, 40, "date.earliest: expected a day" },
	{ "{\"type\": \"patch\", \"date\": {\"earliest\": \"2023-03-02\", \"latest\": \"2023-03-01\"}, "
	  "\"evidence\": []}", INCLINE_EINVAL, 1, 27, "\"latest\" is before \"earliest\"" },
	{ "{\"type\": \"patch\", \"date\": {\"granularity\": \"fortnight\"}, \"evidence\": []}",
	  INCLINE_EINVAL, 1, 43, "unknown granularity" },
	{ "{\"type\": \"patch\", \"date\": {\"start\": 1}, \"evidence\": []}",
	  INCLINE_EINVAL, 1, 27, "date: missing \"end\"" },
	{ "{\"type\": \"attribution\", \"attribution\": {\"actor\": \"X\"}, \"evidence\": []}",
	  INCLINE_EINVAL, 1, 40, "attribution: missing \"stance\"" },
	{ "{\"type\": \"patch\", \"conflict\": [\"dates\"], \"evidence\": []}",
	  INCLINE_EINVAL, 1, 32, "conflict[0]: expected \"date\" or \"claim\"" },
	{ "{\"type\": \"patch\", \"hedged\": 1, \"evidence\": []}",
	  INCLINE_EINVAL, 1, 29, "hedged: expected true or false" },
	{ "{\"type\": \"patch\", \"actors\": [\"A\", null], \"evidence\": []}",
	  INCLINE_EINVAL, 1, 35, "actors[1]: expected a string" },
	{ "{\"type\": \"patch\", \"id\": \"ev-0123456789abcdef012345\", \"evidence\": []}",
	  INCLINE_EINVAL, 1, 25, "id: expected an id string" },
	{ "{\"type\": \"patch\", \"type\": \"patch\", \"evidence\": []}",
	  INCLINE_EINVAL, 1, 1, "invalid JSON: duplicate object key" },
	{ "{\"type\": \"patch\", \"summary\": \"a\\u0000b\", \"evidence\": []}",
	  INCLINE_EINVAL, 1, 1, "invalid JSON" },
	{ "{\"type\": \"patch\", \"summary\": \"\xff\", \"evidence\": []}",
	  INCLINE_EINVAL, 1, 1, "invalid JSON" },
	{ "{\"generated_from\": [\"a\", 2]}", INCLINE_EINVAL, 1, 26,
	  "generated_from[1]: expected a string" },
	{ "{\"events\": []} {\"events\": []}", INCLINE_EINVAL, 1, 1, "invalid JSON" },
	/* documents read piece by piece: what the pieces cannot tell */
	{ "{\n \"events\": [],\n \"events\": []}", INCLINE_EINVAL, 3, 1,
	  "invalid JSON: duplicate object key" },
	{ "{\n \"events\": [{\"type\": \"patch\", \"evidence\": []},\n  x]}",
	  INCLINE_EINVAL, 3, 1, "invalid JSON" },
	{ "{\n \"events\": []}\nxyz", INCLINE_EINVAL, 3, 1, "invalid JSON" },
	{ "{\n \"events\": [{\"type\": \"patch\", \"evidence\": []},\n"
	  "  {\"type\": \"patch\", \"evidence\": [{\"article\": null,\n"
	  "    \"start\": 1, \"end\": true}]}]}", INCLINE_EINVAL, 4, 24,
	  "events[1].evidence[0].end: expected a non-negative integer" },
	/* fuzz_load: an incident without an id was written back as "" */
	{ "{\"events\": [], \"incidents\": [{\"name\": \"x\"}]}", INCLINE_EINVAL, 1,
	  30, "incidents[0]: missing \"id\"" },
};

static void test_bad_inputs(void **state)
{
	(void)state;
	for (size_t i = 0; i < N_ELEMS(BAD); i++) {
		const bad_case *b = &BAD[i];
		incline_timeline tl = { 0 };
		incline_error err;
		int rc;

		incline_error_clear(&err);
		rc = incline_load_buffer(&tl, "bad.json", b->text, strlen(b->text),
					 NULL, &err);
		if (rc != b->code || err.code != b->code
		    || !strstr(err.text, b->says) || strcmp(err.file, "bad.json"))
			fail_msg("case %zu: rc %d, '%s'", i, rc, err.text);
		/* "invalid JSON" positions are jansson's; ours are exact. */
		if (strstr(b->says, "invalid JSON") == NULL
		    && (err.line != b->line || err.column != b->column))
			fail_msg("case %zu ('%s'): at %d:%d, wanted %d:%d", i,
				 err.text, err.line, err.column, b->line,
				 b->column);
		if (strstr(b->says, "invalid JSON") && err.line != b->line)
			fail_msg("case %zu ('%s'): line %d, wanted %d", i,
				 err.text, err.line, b->line);
		assert_int_equal(tl.n, 0);
		assert_int_equal(tl.n_articles, 0);
	}
}

/* A failed load leaves what the timeline held as it was. */
static void test_failure_keeps_timeline(void **state)
{
	fixture *f = *state;
	incline_timeline tl = { 0 };
	char *before, *after, *broken;
	size_t len = strlen(f->want);
	incline_error err;

	load_ok(&tl, f->want);
	before = emit_string(&tl, incline_emit_json);
	/* The same timeline with its last event's evidence made wrong. */
	assert_non_null(broken = strdup(f->want));
	memcpy(strstr(broken + len / 2, "\"start\": ") + 9, "\"x", 2);
	incline_error_clear(&err);
	assert_int_equal(incline_load_buffer(&tl, "b", broken, len, NULL, &err),
			 INCLINE_EINVAL);
	after = emit_string(&tl, incline_emit_json);
	assert_string_equal(before, after);
	free(before);
	free(after);
	free(broken);
	incline_timeline_free(&tl);
}

static void test_limits(void **state)
{
	fixture *f = *state;
	incline_load_opts small = { 100, 0 }, shallow = { 0, 3 };
	incline_timeline tl = { 0 };
	incline_error err;
	char deep[200];

	incline_error_clear(&err);
	assert_int_equal(incline_load_buffer(&tl, "big", f->want, strlen(f->want),
					     &small, &err), INCLINE_ELIMIT);
	assert_non_null(strstr(err.text, "larger than 100 bytes"));
	/* a timeline needs five levels */
	incline_error_clear(&err);
	assert_int_equal(incline_load_buffer(&tl, "deep", f->want, strlen(f->want),
					     &shallow, &err), INCLINE_ELIMIT);
	assert_non_null(strstr(err.text, "nested deeper than 3"));
	/* the default: a bracket bomb stops at the limit, not in jansson */
	memset(deep, '[', sizeof deep - 1);
	deep[sizeof deep - 1] = '\0';
	incline_error_clear(&err);
	assert_int_equal(incline_load_buffer(&tl, "deep", deep, strlen(deep),
					     NULL, &err), INCLINE_ELIMIT);
	assert_int_equal(err.line, 1);
	assert_int_equal(err.column, INCLINE_MAX_LOAD_DEPTH + 1);
	/* brackets inside strings do not count */
	incline_error_clear(&err);
	load_ok(&tl, "{\"type\": \"patch\", \"summary\": \"[[[[[[{{{{{{\", "
		     "\"evidence\": []}");
	assert_int_equal(tl.n, 1);
	incline_timeline_free(&tl);
}

/* The file adapter: a missing file or a folder is INCLINE_EIO naming it. */
static void test_file_errors(void **state)
{
	incline_timeline tl = { 0 };
	incline_error err;

	(void)state;
	incline_error_clear(&err);
	assert_int_equal(incline_load_file(&tl, "test/no/such/file.json", NULL, &err),
			 INCLINE_EIO);
	assert_string_equal(err.file, "test/no/such/file.json");
	incline_error_clear(&err);
	assert_int_equal(incline_load_file(&tl, "test", NULL, &err), INCLINE_EIO);
	assert_int_equal(tl.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_roundtrip_json),
		cmocka_unit_test(test_roundtrip_ndjson),
		cmocka_unit_test(test_roundtrip_committed),
		cmocka_unit_test(test_splits_merge_to_whole),
		cmocka_unit_test(test_associative_through_files),
		cmocka_unit_test(test_readd_changes_nothing),
		cmocka_unit_test(test_actors_travel_with_evidence),
		cmocka_unit_test(test_unknown_keys_ignored),
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_escaped_keys),
		cmocka_unit_test(test_articles_once),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_failure_keeps_timeline),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_file_errors),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
