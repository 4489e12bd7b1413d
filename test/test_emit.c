/* Tests of the output formats: every output is parsed back with the real
 * parser (jansson, libcsv) and checked field by field. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <csv.h>
#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_ndjson.h"

#define FFFD "\xEF\xBF\xBD"

/* ---- building a timeline ---------------------------------------------- */

static incline_day ymd(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

static incline_evidence evidence(const char *article, const char *source,
				 incline_day published, size_t start,
				 size_t end, const char *quote)
{
	incline_evidence e;

	memset(&e, 0, sizeof e);
	e.article = (char *)article;
	e.source = (char *)source;
	e.published = published;
	e.start = start;
	e.end = end;
	e.quote = (char *)quote;
	e.when.date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
					INCLINE_GRAN_UNKNOWN);
	e.when.basis = INCLINE_BASIS_PUBLICATION;
	return e;
}

static void add_evidence(incline_event *ev, const incline_evidence *e)
{
	assert_int_equal(incline_event_add_evidence(ev, e), 0);
}

static void take(incline_timeline *tl, incline_event *ev)
{
	incline_event_assign_id(ev);
	assert_int_equal(incline_timeline_take(tl, ev), 0);
}

/* Event 0: an intrusion over a span of days, two sources. */
static void add_intrusion(incline_timeline *tl, bool reversed)
{
	incline_event ev;
	incline_evidence e[2];

	memset(&ev, 0, sizeof ev);
	ev.type = INCLINE_EVENT_INTRUSION;
	ev.when.date = incline_date_make(ymd(2023, 9, 14), ymd(2023, 9, 17),
					 INCLINE_GRAN_DAY);
	ev.when.basis = INCLINE_BASIS_EXPLICIT;
	ev.when.value = strdup("2023-09-14/2023-09-17");
	ev.when.text = strdup("between Sept. 14 and 17");
	ev.when.article = strdup("a.txt");
	ev.when.start = 12;
	ev.when.end = 35;
	ev.when.has_span = true;
	ev.summary = strdup("Attackers broke into the network");
	ev.first_reported = ymd(2023, 9, 20);
	ev.n_sources = 2;

	e[0] = evidence("a.txt", "Reuters", ymd(2023, 9, 20), 0, 60,
			"Between Sept. 14 and 17, attackers broke in.");
	e[0].when.date = ev.when.date;
	e[0].when.basis = INCLINE_BASIS_EXPLICIT;
	e[0].when.value = (char *)"2023-09-14/2023-09-17";
	e[0].when.text = (char *)"between Sept. 14 and 17";
	e[0].when.article = (char *)"a.txt";
	e[0].when.start = 12;
	e[0].when.end = 35;
	e[0].when.has_span = true;
	e[1] = evidence("b.txt", NULL, INCLINE_DAY_NONE, 100, 150,
			"Hackers may have entered in mid-September.");
	e[1].flags = INCLINE_EVIDENCE_HEDGED;
	e[1].claim.actor = (char *)"Scattered Spider";
	e[1].claim.stance = INCLINE_STANCE_SUSPECTED;
	add_evidence(&ev, &e[reversed ? 1 : 0]);
	add_evidence(&ev, &e[reversed ? 0 : 1]);
	assert_int_equal(incline_event_add_actor(&ev, "Scattered Spider"), 0);
	assert_int_equal(incline_event_add_actor(&ev, "ALPHV"), 0);
	take(tl, &ev);
}

/* Event 1: an attribution known only "by" its report, with conflicts and
 * text that needs quoting and repairing. */
static void add_attribution(incline_timeline *tl)
{
	incline_event ev;
	incline_evidence e = evidence(
		"b.txt", "The \"Record\", Inc.", ymd(2023, 9, 21), 200, 260,
		"ALPHV claimed it,\nsaying \xff\xfe bytes \"leaked\".");

	memset(&ev, 0, sizeof ev);
	ev.type = INCLINE_EVENT_ATTRIBUTION;
	ev.when.date = incline_date_make(INCLINE_DAY_NONE, ymd(2023, 9, 21),
					 INCLINE_GRAN_DAY);
	ev.when.basis = INCLINE_BASIS_PUBLICATION;
	ev.summary = strdup("ALPHV claimed it, saying \"data\"\nleaked \xc3\x28");
	ev.claim.actor = strdup("ALPHV");
	ev.claim.claimant = strdup("ALPHV");
	ev.claim.stance = INCLINE_STANCE_ASSERTED;
	ev.flags = INCLINE_EVENT_HEDGED | INCLINE_EVENT_DATE_CONFLICT
		   | INCLINE_EVENT_CLAIM_CONFLICT;
	ev.first_reported = ymd(2023, 9, 21);
	ev.n_sources = 1;
	e.claim.actor = (char *)"ALPHV";
	e.claim.claimant = (char *)"ALPHV";
	e.claim.stance = INCLINE_STANCE_ASSERTED;
	add_evidence(&ev, &e);
	take(tl, &ev);
}

/* Events 2..: undated context whose summaries a spreadsheet would run. */
static void add_formula(incline_timeline *tl, const char *summary,
			size_t start)
{
	incline_event ev;
	incline_evidence e = evidence("c.txt", "=cmd|' /C calc'!A0",
				      INCLINE_DAY_NONE, start, start + 5, "q");

	memset(&ev, 0, sizeof ev);
	ev.type = INCLINE_EVENT_CONTEXT;
	ev.when.date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
					 INCLINE_GRAN_UNKNOWN);
	ev.summary = strdup(summary);
	ev.first_reported = INCLINE_DAY_NONE;
	add_evidence(&ev, &e);
	take(tl, &ev);
}

static const char *const FORMULAS[] = {
	"=HYPERLINK(\"http://evil.example\",\"click\")", "+1", "-2",
	"@SUM(A1:A2)", "\tindented", "\rreturn",
};
#define N_FORMULAS (sizeof FORMULAS / sizeof FORMULAS[0])
#define N_EVENTS (2 + N_FORMULAS)

static void build(incline_timeline *tl, bool reversed)
{
	memset(tl, 0, sizeof *tl);
	if (reversed) {
		for (size_t i = N_FORMULAS; i-- > 0;)
			add_formula(tl, FORMULAS[i], i * 10);
		add_attribution(tl);
		add_intrusion(tl, true);
		assert_int_equal(incline_timeline_add_article(tl, "c.txt"), 0);
		assert_int_equal(incline_timeline_add_article(tl, "b.txt"), 0);
		assert_int_equal(incline_timeline_add_article(tl, "a.txt"), 0);
	} else {
		add_intrusion(tl, false);
		add_attribution(tl);
		for (size_t i = 0; i < N_FORMULAS; i++)
			add_formula(tl, FORMULAS[i], i * 10);
		assert_int_equal(incline_timeline_add_article(tl, "a.txt"), 0);
		assert_int_equal(incline_timeline_add_article(tl, "b.txt"), 0);
		assert_int_equal(incline_timeline_add_article(tl, "c.txt"), 0);
	}
	incline_timeline_sort(tl);
}

static int setup(void **state)
{
	incline_timeline *tl = malloc(sizeof *tl);

	if (!tl)
		return -1;
	build(tl, false);
	*state = tl;
	return 0;
}

static int teardown(void **state)
{
	incline_timeline_free(*state);
	free(*state);
	return 0;
}

/* ---- capturing output -------------------------------------------------- */

typedef int (*emitter)(FILE *fp, const incline_timeline *tl,
		       incline_error *err);

/* Runs emit into memory; *out is new (free()). */
static void capture(char **out, size_t *len, emitter emit,
		    const incline_timeline *tl)
{
	FILE *fp = open_memstream(out, len);
	incline_error err;

	assert_non_null(fp);
	incline_error_clear(&err);
	assert_int_equal(emit(fp, tl, &err), 0);
	assert_int_equal(err.code, 0);
	assert_int_equal(fclose(fp), 0);
}

static json_t *parse(const char *buf, size_t len)
{
	json_error_t jerr;
	json_t *v = json_loadb(buf, len, 0, &jerr);

	if (!v)
		fail_msg("invalid JSON: %s (line %d)", jerr.text, jerr.line);
	return v;
}

/* Asserts the keys of object o, in order. */
static void assert_keys(const json_t *o, const char *const *keys, size_t n)
{
	size_t i = 0;
	const char *key;
	json_t *value;

	assert_true(json_is_object(o));
	json_object_foreach((json_t *)o, key, value) {
		(void)value;
		assert_true(i < n);
		assert_string_equal(key, keys[i]);
		i++;
	}
	assert_int_equal(i, n);
}

#define ASSERT_KEYS(o, ...)                                                    \
	do {                                                                   \
		static const char *const k_[] = { __VA_ARGS__ };               \
		assert_keys((o), k_, sizeof k_ / sizeof k_[0]);                \
	} while (0)

static const char *str(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	assert_true(json_is_string(v));
	return json_string_value(v);
}

static json_int_t integer(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	assert_true(json_is_integer(v));
	return json_integer_value(v);
}

static void assert_null_at(const json_t *o, const char *key)
{
	assert_true(json_is_null(json_object_get(o, key)));
}

/* ---- JSON -------------------------------------------------------------- */

static void test_json_document(void **state)
{
	const incline_timeline *tl = *state;
	char *buf;
	size_t len;
	json_t *doc, *events, *from;

	capture(&buf, &len, incline_emit_json, tl);
	assert_true(len > 0 && buf[len - 1] == '\n');
	doc = parse(buf, len);
	ASSERT_KEYS(doc, "incline", "generated_from", "events");
	assert_string_equal(str(doc, "incline"), INCLINE_VERSION);
	from = json_object_get(doc, "generated_from");
	assert_int_equal(json_array_size(from), 3);
	assert_string_equal(json_string_value(json_array_get(from, 0)), "a.txt");
	events = json_object_get(doc, "events");
	assert_int_equal(json_array_size(events), N_EVENTS);
	/* pretty-printed with two spaces */
	assert_non_null(strstr(buf, "\n  \"generated_from\": [\n    \"a.txt\""));
	json_decref(doc);
	free(buf);
}

static void test_json_intrusion_event(void **state)
{
	const incline_timeline *tl = *state;
	char *buf;
	size_t len;
	json_t *doc, *ev, *date, *actors, *evs, *e0, *e1, *d0;

	capture(&buf, &len, incline_emit_json, tl);
	doc = parse(buf, len);
	ev = json_array_get(json_object_get(doc, "events"), 0);
	ASSERT_KEYS(ev, "id", "type", "date", "summary", "actors",
		    "first_reported", "sources", "evidence");
	assert_string_equal(str(ev, "id"), tl->events[0].id);
	assert_string_equal(str(ev, "type"), "intrusion");
	assert_string_equal(str(ev, "summary"),
			    "Attackers broke into the network");
	assert_string_equal(str(ev, "first_reported"), "2023-09-20");
	assert_int_equal(integer(ev, "sources"), 2);

	date = json_object_get(ev, "date");
	ASSERT_KEYS(date, "earliest", "latest", "granularity", "value", "text",
		    "basis", "article", "start", "end");
	assert_string_equal(str(date, "earliest"), "2023-09-14");
	assert_string_equal(str(date, "latest"), "2023-09-17");
	assert_string_equal(str(date, "granularity"), "day");
	assert_string_equal(str(date, "value"), "2023-09-14/2023-09-17");
	assert_string_equal(str(date, "text"), "between Sept. 14 and 17");
	assert_string_equal(str(date, "basis"), "explicit");
	assert_string_equal(str(date, "article"), "a.txt");
	assert_int_equal(integer(date, "start"), 12);
	assert_int_equal(integer(date, "end"), 35);

	actors = json_object_get(ev, "actors");
	assert_int_equal(json_array_size(actors), 2);
	assert_string_equal(json_string_value(json_array_get(actors, 0)),
			    "Scattered Spider");

	evs = json_object_get(ev, "evidence");
	assert_int_equal(json_array_size(evs), 2);
	e0 = json_array_get(evs, 0);
	ASSERT_KEYS(e0, "article", "source", "published", "start", "end",
		    "text", "date", "actors");
	assert_string_equal(str(e0, "article"), "a.txt");
	assert_string_equal(str(e0, "source"), "Reuters");
	assert_string_equal(str(e0, "published"), "2023-09-20");
	assert_int_equal(integer(e0, "start"), 0);
	assert_int_equal(integer(e0, "end"), 60);
	d0 = json_object_get(e0, "date");
	ASSERT_KEYS(d0, "earliest", "latest", "granularity", "value", "text",
		    "basis", "article", "start", "end", "timex");
	assert_string_equal(str(d0, "timex"), "2023-09-14/2023-09-17");

	e1 = json_array_get(evs, 1);
	ASSERT_KEYS(e1, "article", "source", "published", "start", "end",
		    "text", "date", "attribution", "hedged", "actors");
	assert_null_at(e1, "source");
	assert_null_at(e1, "published");
	assert_true(json_is_true(json_object_get(e1, "hedged")));
	ASSERT_KEYS(json_object_get(e1, "attribution"), "actor", "claimant",
		    "stance");
	assert_string_equal(str(json_object_get(e1, "attribution"), "stance"),
			    "suspected");
	assert_null_at(json_object_get(e1, "attribution"), "claimant");
	/* an evidence date with no span and no TIMEX value */
	ASSERT_KEYS(json_object_get(e1, "date"), "earliest", "latest",
		    "granularity", "value", "text", "basis");
	assert_null_at(json_object_get(e1, "date"), "earliest");
	assert_null_at(json_object_get(e1, "date"), "text");
	json_decref(doc);
	free(buf);
}

static void test_json_attribution_event(void **state)
{
	const incline_timeline *tl = *state;
	char *buf;
	size_t len;
	json_t *doc, *ev, *date, *att, *conflict, *e0;

	capture(&buf, &len, incline_emit_json, tl);
	doc = parse(buf, len);
	/* known only "by" Sep 21, it sorts at Sep 21: after the intrusion */
	ev = json_array_get(json_object_get(doc, "events"), 1);
	ASSERT_KEYS(ev, "id", "type", "date", "summary", "actors",
		    "attribution", "conflict", "hedged", "first_reported",
		    "sources", "evidence");
	assert_string_equal(str(ev, "type"), "attribution");
	date = json_object_get(ev, "date");
	assert_null_at(date, "earliest");
	assert_string_equal(str(date, "latest"), "2023-09-21");
	assert_string_equal(str(date, "value"), "../2023-09-21");
	assert_string_equal(str(date, "basis"), "publication");
	assert_null_at(date, "text");
	att = json_object_get(ev, "attribution");
	ASSERT_KEYS(att, "actor", "claimant", "stance");
	assert_string_equal(str(att, "actor"), "ALPHV");
	assert_string_equal(str(att, "stance"), "asserted");
	conflict = json_object_get(ev, "conflict");
	assert_int_equal(json_array_size(conflict), 2);
	assert_string_equal(json_string_value(json_array_get(conflict, 0)),
			    "date");
	assert_string_equal(json_string_value(json_array_get(conflict, 1)),
			    "claim");
	assert_true(json_is_true(json_object_get(ev, "hedged")));
	assert_int_equal(json_array_size(json_object_get(ev, "actors")), 0);

	/* invalid UTF-8 came out as U+FFFD, the rest unchanged */
	assert_string_equal(str(ev, "summary"),
			    "ALPHV claimed it, saying \"data\"\nleaked " FFFD "(");
	e0 = json_array_get(json_object_get(ev, "evidence"), 0);
	assert_non_null(strstr(str(e0, "text"), "saying " FFFD));
	assert_null(strstr(str(e0, "text"), "\xff"));
	assert_string_equal(str(e0, "source"), "The \"Record\", Inc.");
	json_decref(doc);
	free(buf);
}

static void test_json_deterministic(void **state)
{
	const incline_timeline *tl = *state;
	incline_timeline other;
	char *a, *b, *c;
	size_t na, nb, nc;

	capture(&a, &na, incline_emit_json, tl);
	capture(&b, &nb, incline_emit_json, tl);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	/* the same content built in another order, once sorted */
	build(&other, true);
	capture(&c, &nc, incline_emit_json, &other);
	assert_int_equal(na, nc);
	assert_memory_equal(a, c, na);
	incline_timeline_free(&other);
	free(a);
	free(b);
	free(c);
}

static void test_ndjson_matches_json(void **state)
{
	const incline_timeline *tl = *state;
	char *doc_buf, *nd, *line;
	size_t doc_len, nd_len, n = 0;
	json_t *doc, *events;

	capture(&doc_buf, &doc_len, incline_emit_json, tl);
	capture(&nd, &nd_len, incline_emit_ndjson, tl);
	doc = parse(doc_buf, doc_len);
	events = json_object_get(doc, "events");
	assert_int_equal(nd[nd_len - 1], '\n');
	/* First the articles record: the document's head without events. */
	line = memchr(nd, '\n', nd_len) + 1;
	{
		json_t *head = parse(nd, (size_t)(line - 1 - nd));

		assert_true(json_equal(json_object_get(head, "generated_from"),
				       json_object_get(doc, "generated_from")));
		assert_null(json_object_get(head, "evidence"));
		json_decref(head);
	}
	while (line < nd + nd_len) {
		char *eol = memchr(line, '\n', (size_t)(nd + nd_len - line));
		json_t *ev;

		assert_non_null(eol);
		ev = parse(line, (size_t)(eol - line));
		assert_true(json_equal(ev, json_array_get(events, n)));
		/* compact: no pretty-printing spaces between tokens */
		assert_null(memchr(line, '\n', (size_t)(eol - line)));
		assert_int_equal(line[0], '{');
		assert_int_equal(strncmp(line, "{\"id\":\"ev-", 10), 0);
		json_decref(ev);
		n++;
		line = eol + 1;
	}
	assert_int_equal(n, N_EVENTS);
	json_decref(doc);
	free(doc_buf);
	free(nd);
}

/* Event i of a stream whose neighbours differ in which keys they have
 * (url, span, TIMEX value, hedging, claim, incident, conflict) and in
 * their values, with shapes coming back after others. */
static void make_varied(incline_event *ev, size_t i)
{
	static const char *const actors[] = {"ALPHV", "Scattered Spider"};
	char text[64], url[64];
	incline_evidence e;

	memset(ev, 0, sizeof *ev);
	snprintf(text, sizeof text, "Sentence %zu told \"this\".", i * 7);
	snprintf(url, sizeof url, "https://news.example/%zu", i % 3);
	e = evidence(i % 5 == 1 ? "b.txt" : "a.txt", i % 4 == 1 ? NULL : "Outlet",
		     ymd(2023, 9, 20 + (int)(i % 3)), i * 100, i * 100 + 40 + i, text);
	e.url = i % 2 ? url : NULL;
	if (i % 3 != 1) {
		e.when.date = incline_date_make(ymd(2023, 9, 1 + (int)(i % 4)),
						ymd(2023, 9, 10), INCLINE_GRAN_DAY);
		e.when.basis = INCLINE_BASIS_EXPLICIT;
		e.when.text = (char *)(i % 2 ? "early September" : "in September");
		e.when.value = i % 5 ? (char *)"2023-09" : NULL;
		e.when.article = e.article;
		e.when.start = i * 100 + 3;
		e.when.end = i * 100 + 9 + i % 2;
		e.when.has_span = true;
	}
	e.flags = i % 4 == 2 ? INCLINE_EVIDENCE_HEDGED : 0;
	ev->type = i % 3 == 0 ? INCLINE_EVENT_ATTRIBUTION : INCLINE_EVENT_INTRUSION;
	if (ev->type == INCLINE_EVENT_ATTRIBUTION) {
		e.claim.actor = (char *)actors[i % 2];
		e.claim.claimant = i % 2 ? NULL : (char *)"the FBI";
		e.claim.stance = i % 2 ? INCLINE_STANCE_SUSPECTED : INCLINE_STANCE_ASSERTED;
		assert_int_equal(incline_claim_copy(&ev->claim, &e.claim), 0);
	}
	assert_int_equal(incline_when_copy(&ev->when, &e.when), 0);
	ev->summary = strdup(text);
	ev->first_reported = e.published;
	ev->n_sources = 1;
	ev->flags = (e.flags ? INCLINE_EVENT_HEDGED : 0)
		    | (i % 6 == 5 ? INCLINE_EVENT_DATE_CONFLICT : 0);
	if (i % 7 == 3)
		snprintf(ev->incident, sizeof ev->incident, "in-%016zx", i);
	add_evidence(ev, &e);
	for (size_t k = 0; k < i % 3; k++)
		assert_int_equal(incline_event_add_actor(ev, actors[(i + k) % 2]), 0);
	incline_event_assign_id(ev);
}

/* The NDJSON writer refreshes the objects of the previous line of the
 * same shape: every line must still be byte for byte the line the event
 * gets written alone (key order included, which json_equal ignores). */
static void test_ndjson_lines_stand_alone(void **state)
{
	enum { N = 30 };
	incline_timeline all = {0};
	char *nd, *line;
	size_t nd_len;

	(void)state;
	for (size_t i = 0; i < N; i++) {
		incline_event ev;

		make_varied(&ev, i);
		assert_int_equal(incline_timeline_take(&all, &ev), 0);
	}
	capture(&nd, &nd_len, incline_emit_ndjson, &all);
	line = nd;
	for (size_t i = 0; i < N; i++) {
		incline_timeline one = {0};
		incline_event ev;
		char *alone;
		size_t alone_len;

		make_varied(&ev, i);
		assert_int_equal(incline_timeline_take(&one, &ev), 0);
		capture(&alone, &alone_len, incline_emit_ndjson, &one);
		assert_true((size_t)(nd + nd_len - line) >= alone_len);
		assert_memory_equal(line, alone, alone_len);
		line += alone_len;
		free(alone);
		incline_timeline_free(&one);
	}
	assert_ptr_equal(line, nd + nd_len);
	free(nd);
	incline_timeline_free(&all);
}

/* Event i of make_varied, with the evidence of events i + 1 .. i + extra
 * added: events told by several articles. */
static void make_varied_multi(incline_event *ev, size_t i, size_t extra)
{
	make_varied(ev, i);
	for (size_t k = 1; k <= extra; k++) {
		incline_event other;

		make_varied(&other, i + k);
		add_evidence(ev, &other.evidence[0]);
		incline_event_clear(&other);
	}
	incline_event_assign_id(ev);
}

/* `incline extract` keeps one writer from article to article (its event
 * objects, strings and days): each article's lines must be byte for byte
 * those incline_emit_ndjson writes for that article alone, whatever the
 * articles before left in the writer. */
static void test_ndjson_writer_kept(void **state)
{
	enum { N = 40, PERIOD = 420 }; /* make_varied's shapes repeat every 420 */
	incline_emit_ndjson_writer *w;
	incline_emit_buf out = { NULL, 0, 0 };

	(void)state;
	assert_int_equal(incline_emit_ndjson_writer_new(&w), 0);
	/* the second pass has the shapes of the first with other values:
	 * every kept object is refreshed, nested evidence included */
	for (size_t pass = 0; pass < 2; pass++) {
		for (size_t a = 0; a < N; a++) {
			incline_timeline tl = {0};
			incline_error err;
			char *alone;
			size_t alone_len;

			/* 0 to 3 events, some told by several articles, and
			 * the articles' names (also for none: the head line
			 * alone) */
			for (size_t k = 0; k < a % 4; k++) {
				incline_event ev;
				/* 2 to 4 pieces, or 8 to 10 (past the most a
				 * line shape holds: made anew each time) */
				size_t extra = (a + k) % 5 == 2   ? 1 + (a + k) % 3
					       : (a + k) % 7 == 4 ? 7 + a % 3
								  : 0;

				make_varied_multi(&ev, a * 3 + k + pass * PERIOD, extra);
				assert_int_equal(incline_timeline_take(&tl, &ev), 0);
			}
			if (a % 6 != 5)
				assert_int_equal(incline_timeline_add_article(&tl, a % 2 ? "a.txt" : "b.txt"), 0);
			capture(&alone, &alone_len, incline_emit_ndjson, &tl);
			incline_emit_buf_reset(&out);
			incline_error_clear(&err);
			assert_int_equal(incline_emit_ndjson_writer_write(w, &out, &tl, &err), 0);
			assert_int_equal(out.len, alone_len);
			assert_memory_equal(out.data ? out.data : "", alone ? alone : "", alone_len);
			free(alone);
			incline_timeline_free(&tl);
		}
	}
	incline_emit_buf_free(&out);
	incline_emit_ndjson_writer_free(w);
	incline_emit_ndjson_writer_free(NULL);
}

static void test_json_empty_timeline(void **state)
{
	incline_timeline empty;
	char *buf;
	size_t len;
	json_t *doc;

	(void)state;
	memset(&empty, 0, sizeof empty);
	capture(&buf, &len, incline_emit_json, &empty);
	doc = parse(buf, len);
	assert_int_equal(json_array_size(json_object_get(doc, "events")), 0);
	json_decref(doc);
	free(buf);
	capture(&buf, &len, incline_emit_ndjson, &empty);
	assert_int_equal(len, 0);
	free(buf);
}

/* The timeline document is written element by element (emit_json.c), not
 * dumped as one tree: its bytes must still be exactly jansson's
 * JSON_INDENT(2) dump of the whole document, with a final newline. */
static void assert_jansson_layout(const incline_timeline *tl)
{
	char *buf, *again;
	size_t len;
	json_t *doc;

	capture(&buf, &len, incline_emit_json, tl);
	doc = parse(buf, len);
	again = json_dumps(doc, JSON_INDENT(2));
	assert_non_null(again);
	assert_int_equal(len, strlen(again) + 1);
	assert_memory_equal(buf, again, len - 1);
	assert_int_equal(buf[len - 1], '\n');
	free(again);
	json_decref(doc);
	free(buf);
}

static void test_json_streamed_layout(void **state)
{
	const incline_timeline *tl = *state;
	incline_event evs[N_EVENTS];
	char ids[2][INCLINE_EVENT_ID_SIZE] = { "ev-1", "ev-2" };
	char *names[] = { (char *)"Acme Corp", (char *)"\xc3\x89" "cole \"X\"" };
	incline_incident in[2] = {
		{ .id = "in-b", .name = (char *)"Acme = Corp", .entities = names,
		  .n_entities = 2, .earliest = ymd(2023, 9, 1),
		  .latest = ymd(2023, 9, 3), .events = ids, .n_events = 2 },
		{ .id = "in-a", .name = NULL, .earliest = INCLINE_DAY_NONE,
		  .latest = INCLINE_DAY_NONE },
	};
	incline_timeline view = *tl, empty;

	assert_jansson_layout(tl);
	memset(&empty, 0, sizeof empty);
	assert_jansson_layout(&empty);
	/* with incidents (the fixture's events, shallow copies) */
	memcpy(evs, tl->events, sizeof evs);
	snprintf(evs[0].incident, sizeof evs[0].incident, "in-b");
	view.events = evs;
	view.incidents = in;
	view.n_incidents = 2;
	assert_jansson_layout(&view);
	/* articles but no events */
	empty.articles = tl->articles;
	empty.n_articles = tl->n_articles;
	assert_jansson_layout(&empty);
}

/* ---- date expressions -------------------------------------------------- */

static void test_timex_ndjson(void **state)
{
	static char bytes[] = "On Sept. 14, \xff\xfe earlier this year.";
	incline_article a;
	incline_timex items[2];
	incline_timex_list list = { items, 2, 2 };
	char *buf;
	size_t len;
	FILE *fp;
	json_t *t0, *t1;
	char *eol;
	incline_error err;

	(void)state;
	memset(&a, 0, sizeof a);
	a.id = (char *)"a.txt";
	a.path = (char *)"a.txt";
	a.bytes = bytes;
	a.len = strlen(bytes);
	a.base = 100; /* a header of 100 bytes came before the text */
	memset(items, 0, sizeof items);
	items[0].start = 103;
	items[0].end = 111;
	items[0].type = INCLINE_TIMEX_DATE;
	items[0].date = incline_date_make(ymd(2023, 9, 14), ymd(2023, 9, 14),
					  INCLINE_GRAN_DAY);
	strcpy(items[0].value, "2023-09-14");
	items[1].start = 113; /* the invalid bytes and "earlier this year" */
	items[1].end = 133;
	items[1].type = INCLINE_TIMEX_DATE;
	items[1].mod = INCLINE_MOD_APPROX;
	items[1].anchor = INCLINE_ANCHOR_PUBLICATION;
	items[1].date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
					  INCLINE_GRAN_YEAR);
	strcpy(items[1].value, "2023");

	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	assert_int_equal(incline_emit_timex_ndjson(fp, &a, &list, NULL), 0);
	assert_int_equal(fclose(fp), 0);

	eol = strchr(buf, '\n');
	assert_non_null(eol);
	t0 = parse(buf, (size_t)(eol - buf));
	ASSERT_KEYS(t0, "article", "start", "end", "text", "type", "value",
		    "mod", "earliest", "latest", "granularity", "anchor");
	assert_string_equal(str(t0, "article"), "a.txt");
	assert_int_equal(integer(t0, "start"), 103);
	assert_int_equal(integer(t0, "end"), 111);
	assert_string_equal(str(t0, "text"), "Sept. 14");
	assert_string_equal(str(t0, "type"),
			    incline_timex_type_name(INCLINE_TIMEX_DATE));
	assert_string_equal(str(t0, "value"), "2023-09-14");
	assert_null_at(t0, "mod");
	assert_null_at(t0, "anchor");
	assert_string_equal(str(t0, "earliest"), "2023-09-14");
	assert_string_equal(str(t0, "granularity"), "day");

	t1 = parse(eol + 1, len - (size_t)(eol + 1 - buf));
	assert_string_equal(str(t1, "text"), FFFD FFFD " earlier this year");
	assert_string_equal(str(t1, "mod"),
			    incline_timex_mod_name(INCLINE_MOD_APPROX));
	assert_string_equal(str(t1, "anchor"),
			    incline_timex_anchor_name(INCLINE_ANCHOR_PUBLICATION));
	assert_null_at(t1, "earliest");
	assert_null_at(t1, "latest");
	json_decref(t0);
	json_decref(t1);
	free(buf);

	/* offsets outside the article are refused, not read */
	items[1].end = 100 + a.len + 1;
	fp = open_memstream(&buf, &len);
	assert_non_null(fp);
	incline_error_clear(&err);
	assert_int_equal(incline_emit_timex_ndjson(fp, &a, &list, &err),
			 INCLINE_EINVAL);
	assert_int_equal(err.code, INCLINE_EINVAL);
	fclose(fp);
	free(buf);
}

/* ---- CSV --------------------------------------------------------------- */

#define MAX_ROWS 16
#define MAX_COLS 32

typedef struct csv_table {
	char *cell[MAX_ROWS][MAX_COLS];
	size_t cols[MAX_ROWS];
	size_t rows;
} csv_table;

static void on_field(void *s, size_t len, void *data)
{
	csv_table *t = data;
	char *copy = malloc(len + 1);

	assert_non_null(copy);
	assert_true(t->rows < MAX_ROWS && t->cols[t->rows] < MAX_COLS);
	if (len)
		memcpy(copy, s, len);
	copy[len] = '\0';
	t->cell[t->rows][t->cols[t->rows]++] = copy;
}

static void on_record(int c, void *data)
{
	csv_table *t = data;

	(void)c;
	t->rows++;
}

static void csv_table_free(csv_table *t)
{
	for (size_t r = 0; r < MAX_ROWS; r++)
		for (size_t c = 0; c < t->cols[r]; c++)
			free(t->cell[r][c]);
}

static void parse_csv(csv_table *t, const char *buf, size_t len)
{
	struct csv_parser p;

	memset(t, 0, sizeof *t);
	assert_int_equal(csv_init(&p, CSV_STRICT | CSV_STRICT_FINI), 0);
	assert_int_equal(csv_parse(&p, buf, len, on_field, on_record, t), len);
	assert_int_equal(csv_fini(&p, on_field, on_record, t), 0);
	csv_free(&p);
}

/* Column index of name in the header row. */
static size_t col(const csv_table *t, const char *name)
{
	for (size_t c = 0; c < t->cols[0]; c++)
		if (strcmp(t->cell[0][c], name) == 0)
			return c;
	fail_msg("no column %s", name);
	return 0;
}

static void test_csv_header_and_cells(void **state)
{
	const incline_timeline *tl = *state;
	static const char *const header[] = {
		"id", "type", "earliest", "latest", "granularity", "value",
		"date_text", "basis", "summary", "actors", "attribution_actor",
		"claimant", "stance", "conflict", "hedged", "first_reported",
		"sources", "evidence_count", "articles", "outlets", "published",
		"spans", "incident", "incident_name",
	};
	char *buf;
	size_t len;
	csv_table t;
	const char *const *r1, *const *r2;
	/* the fixture's events (shallow copies) in two incidents, one
	 * without a name */
	incline_event evs[N_EVENTS];
	incline_incident in[2] = { { .id = "in-b", .name = "Acme = Corp" },
				   { .id = "in-a", .name = NULL } };
	incline_timeline view = *tl;

	assert_int_equal(tl->n, N_EVENTS);
	memcpy(evs, tl->events, sizeof evs);
	snprintf(evs[0].incident, sizeof evs[0].incident, "in-b");
	snprintf(evs[1].incident, sizeof evs[1].incident, "in-a");
	view.events = evs;
	view.incidents = in;
	view.n_incidents = 2;
	capture(&buf, &len, incline_emit_csv, &view);
	/* RFC 4180 records end with CRLF; libcsv quotes every field */
	assert_int_equal(strncmp(buf, "\"id\",\"type\",\"earliest\",", 23), 0);
	assert_non_null(strstr(buf, "\"incident_name\"\r\n\"ev-"));
	assert_int_equal(strncmp(buf + len - 2, "\r\n", 2), 0);

	parse_csv(&t, buf, len);
	assert_int_equal(t.rows, 1 + N_EVENTS);
	assert_int_equal(t.cols[0], 24);
	for (size_t c = 0; c < 24; c++)
		assert_string_equal(t.cell[0][c], header[c]);
	for (size_t r = 1; r < t.rows; r++)
		assert_int_equal(t.cols[r], 24);

	r1 = (const char *const *)t.cell[1];
	assert_string_equal(r1[col(&t, "id")], tl->events[0].id);
	assert_string_equal(r1[col(&t, "type")], "intrusion");
	assert_string_equal(r1[col(&t, "earliest")], "2023-09-14");
	assert_string_equal(r1[col(&t, "value")], "2023-09-14/2023-09-17");
	assert_string_equal(r1[col(&t, "date_text")], "between Sept. 14 and 17");
	assert_string_equal(r1[col(&t, "actors")], "Scattered Spider; ALPHV");
	assert_string_equal(r1[col(&t, "attribution_actor")], "");
	assert_string_equal(r1[col(&t, "stance")], "");
	assert_string_equal(r1[col(&t, "hedged")], "false");
	assert_string_equal(r1[col(&t, "sources")], "2");
	assert_string_equal(r1[col(&t, "evidence_count")], "2");
	assert_string_equal(r1[col(&t, "articles")], "a.txt; b.txt");
	assert_string_equal(r1[col(&t, "outlets")], "Reuters");
	assert_string_equal(r1[col(&t, "published")], "2023-09-20");
	assert_string_equal(r1[col(&t, "spans")], "a.txt:0-60; b.txt:100-150");
	assert_string_equal(r1[col(&t, "incident")], "in-b");
	assert_string_equal(r1[col(&t, "incident_name")], "Acme = Corp");

	/* commas, quotes, newlines round trip; bad bytes become U+FFFD */
	r2 = (const char *const *)t.cell[2];
	assert_string_equal(r2[col(&t, "summary")],
			    "ALPHV claimed it, saying \"data\"\nleaked " FFFD "(");
	assert_string_equal(r2[col(&t, "outlets")], "The \"Record\", Inc.");
	assert_string_equal(r2[col(&t, "earliest")], "");
	assert_string_equal(r2[col(&t, "value")], "../2023-09-21");
	assert_string_equal(r2[col(&t, "attribution_actor")], "ALPHV");
	assert_string_equal(r2[col(&t, "claimant")], "ALPHV");
	assert_string_equal(r2[col(&t, "stance")], "asserted");
	assert_string_equal(r2[col(&t, "conflict")], "date; claim");
	assert_string_equal(r2[col(&t, "hedged")], "true");
	assert_string_equal(r2[col(&t, "basis")], "publication");
	assert_string_equal(r2[col(&t, "incident")], "in-a");
	assert_string_equal(r2[col(&t, "incident_name")], "");
	csv_table_free(&t);
	free(buf);
}

static void test_csv_neutralises_formulas(void **state)
{
	const incline_timeline *tl = *state;
	char *buf;
	size_t len;
	csv_table t;
	size_t seen = 0;

	capture(&buf, &len, incline_emit_csv, tl);
	parse_csv(&t, buf, len);
	for (size_t r = 3; r < t.rows; r++) {
		const char *summary = t.cell[r][col(&t, "summary")];
		bool found = false;

		/* each summary is one of FORMULAS with a quote in front */
		assert_int_equal(summary[0], '\'');
		for (size_t i = 0; i < N_FORMULAS; i++)
			found |= strcmp(summary + 1, FORMULAS[i]) == 0;
		assert_true(found);
		assert_string_equal(t.cell[r][col(&t, "outlets")],
				    "'=cmd|' /C calc'!A0");
		seen++;
	}
	assert_int_equal(seen, N_FORMULAS);
	/* ordinary cells keep no quote: "-" inside a date is not a start */
	assert_string_equal(t.cell[1][col(&t, "latest")], "2023-09-17");
	assert_string_equal(t.cell[2][col(&t, "value")], "../2023-09-21");
	csv_table_free(&t);
	free(buf);
}

static void test_csv_deterministic(void **state)
{
	const incline_timeline *tl = *state;
	incline_timeline other;
	char *a, *b;
	size_t na, nb;

	build(&other, true);
	capture(&a, &na, incline_emit_csv, tl);
	capture(&b, &nb, incline_emit_csv, &other);
	assert_int_equal(na, nb);
	assert_memory_equal(a, b, na);
	incline_timeline_free(&other);
	free(a);
	free(b);
}

/* A full stream is INCLINE_EIO, not silence. */
static void test_write_error_is_eio(void **state)
{
	const incline_timeline *tl = *state;
	static const emitter emitters[] = { incline_emit_json,
					    incline_emit_ndjson,
					    incline_emit_csv };
	FILE *fp = fopen("/dev/full", "w");
	incline_error err;

	if (!fp)
		skip();
	for (size_t i = 0; i < 3; i++) {
		incline_error_clear(&err);
		assert_int_equal(emitters[i](fp, tl, &err), INCLINE_EIO);
		assert_int_equal(err.code, INCLINE_EIO);
		clearerr(fp);
	}
	fclose(fp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_document),
		cmocka_unit_test(test_json_intrusion_event),
		cmocka_unit_test(test_json_attribution_event),
		cmocka_unit_test(test_json_deterministic),
		cmocka_unit_test(test_ndjson_matches_json),
		cmocka_unit_test(test_ndjson_lines_stand_alone),
		cmocka_unit_test(test_ndjson_writer_kept),
		cmocka_unit_test(test_json_empty_timeline),
		cmocka_unit_test(test_json_streamed_layout),
		cmocka_unit_test(test_timex_ndjson),
		cmocka_unit_test(test_csv_header_and_cells),
		cmocka_unit_test(test_csv_neutralises_formulas),
		cmocka_unit_test(test_csv_deterministic),
		cmocka_unit_test(test_write_error_is_eio),
	};

	return cmocka_run_group_tests_name("emit", tests, setup, teardown);
}
