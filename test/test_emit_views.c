/* Tests of the timelinejs, timesketch, stix, markdown and html outputs:
 * structure (parsed back with jansson), dates at the right precision,
 * escaping of hostile article text, determinism and write errors. The
 * formats' own consumers (jsonschema, Python, headless Chromium) are run
 * on real output by test/formats.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"

#define SCRIPT "<script>alert(\"x\")</script>"
#define ATTR "\"><img src=x onerror=alert(1)>"
#define JS_URL "javascript:alert(1)"
#define WEB_URL "https://example.com/a?x=1&y=(2)"

typedef int (*emitter)(FILE *fp, const incline_timeline *tl,
		       incline_error *err);

static const struct {
	const char *name;
	emitter emit;
} views[] = {
	{ "timelinejs", incline_emit_timelinejs },
	{ "timesketch", incline_emit_timesketch },
	{ "stix", incline_emit_stix },
	{ "markdown", incline_emit_markdown },
	{ "html", incline_emit_html },
};

#define N_VIEWS (sizeof views / sizeof views[0])

/* ---- a hostile timeline -------------------------------------------------- */

static incline_day ymd(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

static incline_evidence evidence(const char *article, const char *source,
				 const char *url, incline_day published,
				 size_t start, const char *quote)
{
	incline_evidence e;

	memset(&e, 0, sizeof e);
	e.article = (char *)article;
	e.source = (char *)source;
	e.url = (char *)url;
	e.published = published;
	e.start = start;
	e.end = start + 10;
	e.quote = (char *)quote;
	e.when.date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
					INCLINE_GRAN_UNKNOWN);
	e.when.basis = INCLINE_BASIS_PUBLICATION;
	return e;
}

static void event(incline_timeline *tl, incline_event_type type,
		  incline_date date, const char *summary, incline_day reported,
		  const incline_evidence *e, size_t n, unsigned flags)
{
	incline_event ev;

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.when.date = date;
	ev.when.basis = date.earliest == INCLINE_DAY_NONE
			? INCLINE_BASIS_PUBLICATION : INCLINE_BASIS_EXPLICIT;
	ev.summary = summary ? strdup(summary) : NULL;
	ev.first_reported = reported;
	ev.flags = flags;
	ev.n_sources = n;
	for (size_t i = 0; i < n; i++)
		assert_int_equal(incline_event_add_evidence(&ev, &e[i]), 0);
	if (type == INCLINE_EVENT_ATTRIBUTION) {
		ev.claim.actor = strdup("ALPHV" SCRIPT);
		ev.claim.claimant = strdup("the group" ATTR);
		ev.claim.stance = INCLINE_STANCE_ASSERTED;
	}
	incline_event_assign_id(&ev);
	assert_int_equal(incline_timeline_take(tl, &ev), 0);
}

#define N_EVENTS 6
#define N_PLACED 5 /* events with a day to be placed at */

static void build(incline_timeline *tl, int reversed)
{
	incline_evidence a[2] = {
		evidence("a.txt", "Reuters", WEB_URL, ymd(2023, 9, 20), 0,
			 "Attackers broke in " SCRIPT),
		evidence("b.txt", ATTR, JS_URL, ymd(2023, 9, 19), 40,
			 "They may have " ATTR),
	};
	incline_evidence b = evidence("https://news.example/story", NULL, NULL,
				      ymd(2023, 9, 21), 5, "ALPHV claimed it");
	incline_evidence c = evidence("a.txt", "Reuters", WEB_URL,
				      ymd(2023, 9, 20), 100, "In August ...");
	incline_evidence d = evidence("b.txt", NULL, NULL, ymd(2023, 9, 19),
				      200, "Last year ...");
	incline_evidence e = evidence("c.txt", NULL, "data:text/html,<b>x</b>",
				      ymd(2023, 9, 20), 0, "bad \xff\xfe bytes");
	incline_evidence f = evidence("d.txt", NULL, NULL, INCLINE_DAY_NONE, 0,
				      "nothing known");
	int order[N_EVENTS] = { 0, 1, 2, 3, 4, 5 };

	a[1].flags = INCLINE_EVIDENCE_HEDGED;
	b.claim.actor = (char *)"ALPHV" SCRIPT;
	b.claim.claimant = (char *)"the group" ATTR;
	b.claim.stance = INCLINE_STANCE_ASSERTED;
	memset(tl, 0, sizeof *tl);
	if (reversed)
		for (int i = 0; i < N_EVENTS; i++)
			order[i] = N_EVENTS - 1 - i;
	for (int k = 0; k < N_EVENTS; k++) {
		switch (order[k]) {
		case 0:
			event(tl, INCLINE_EVENT_INTRUSION,
			      incline_date_make(ymd(2023, 9, 14), ymd(2023, 9, 17),
						INCLINE_GRAN_DAY),
			      "Attackers broke in " SCRIPT, ymd(2023, 9, 19),
			      reversed ? a + 1 : a, 1, INCLINE_EVENT_DATE_CONFLICT);
			/* the second piece, added in the other order */
			assert_int_equal(incline_event_add_evidence(
				&tl->events[tl->n - 1], reversed ? a : a + 1), 0);
			incline_event_assign_id(&tl->events[tl->n - 1]);
			break;
		case 1:
			event(tl, INCLINE_EVENT_ATTRIBUTION,
			      incline_date_make(INCLINE_DAY_NONE, ymd(2023, 9, 21),
						INCLINE_GRAN_DAY),
			      "ALPHV claimed it " ATTR, ymd(2023, 9, 21), &b, 1,
			      INCLINE_EVENT_CLAIM_CONFLICT | INCLINE_EVENT_HEDGED);
			break;
		case 2:
			event(tl, INCLINE_EVENT_CONTEXT,
			      incline_date_make(ymd(2023, 8, 1), ymd(2023, 8, 31),
						INCLINE_GRAN_MONTH),
			      "1. # heading *bold* [x](" JS_URL ")",
			      ymd(2023, 9, 20), &c, 1, 0);
			break;
		case 3:
			event(tl, INCLINE_EVENT_CONTEXT,
			      incline_date_make(ymd(2022, 1, 1), ymd(2022, 12, 31),
						INCLINE_GRAN_YEAR),
			      "Last year ...", ymd(2023, 9, 19), &d, 1, 0);
			break;
		case 4:
			event(tl, INCLINE_EVENT_IMPACT,
			      incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
						INCLINE_GRAN_UNKNOWN),
			      "bad \xff\xfe bytes", ymd(2023, 9, 20), &e, 1, 0);
			break;
		default:
			event(tl, INCLINE_EVENT_CONTEXT,
			      incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
						INCLINE_GRAN_UNKNOWN),
			      NULL, INCLINE_DAY_NONE, &f, 1, 0);
			break;
		}
	}
	{
		static const char *const ids[] = { "a.txt", "b.txt", "c.txt",
						   "d.txt",
						   "https://news.example/story" };
		for (size_t i = 0; i < 5; i++)
			assert_int_equal(incline_timeline_add_article(
				tl, ids[reversed ? 4 - i : i]), 0);
	}
	incline_timeline_sort(tl);
}

static int setup(void **state)
{
	incline_timeline *tl = malloc(sizeof *tl);

	if (!tl)
		return -1;
	build(tl, 0);
	*state = tl;
	return 0;
}

static int teardown(void **state)
{
	incline_timeline_free(*state);
	free(*state);
	return 0;
}

/* ---- helpers --------------------------------------------------------------- */

static char *capture(emitter emit, const incline_timeline *tl, size_t *len)
{
	char *out = NULL;
	size_t n = 0;
	FILE *fp = open_memstream(&out, &n);
	incline_error err;

	assert_non_null(fp);
	incline_error_clear(&err);
	assert_int_equal(emit(fp, tl, &err), 0);
	assert_int_equal(fclose(fp), 0);
	if (len)
		*len = n;
	return out;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
		n++;
	return n;
}

static json_t *parse(const char *buf)
{
	json_error_t jerr;
	json_t *v = json_loads(buf, 0, &jerr);

	if (!v)
		fail_msg("invalid JSON: %s (line %d)", jerr.text, jerr.line);
	return v;
}

static const char *str(const json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);

	if (!json_is_string(v))
		fail_msg("%s is not a string", key);
	return json_string_value(v);
}

static char *human(incline_day lo, incline_day hi, unsigned flags)
{
	incline_emit_buf b = { NULL, 0, 0 };
	incline_date d = incline_date_make(lo, hi, INCLINE_GRAN_DAY);

	d.flags = flags;
	assert_int_equal(incline_emit_buf_add_human_date(&b, &d), 0);
	return b.data;
}

#define ASSERT_HUMAN(lo, hi, flags, want)                                      \
	do {                                                                   \
		char *h_ = human((lo), (hi), (flags));                         \
		assert_string_equal(h_, (want));                               \
		free(h_);                                                      \
	} while (0)

/* ---- the shared helpers ---------------------------------------------------- */

static void test_human_dates(void **state)
{
	const incline_day none = INCLINE_DAY_NONE;

	(void)state;
	ASSERT_HUMAN(ymd(2023, 9, 19), ymd(2023, 9, 19), 0, "19 September 2023");
	ASSERT_HUMAN(ymd(2023, 9, 14), ymd(2023, 9, 17), 0,
		     "14\xE2\x80\x93" "17 September 2023");
	ASSERT_HUMAN(ymd(2023, 8, 28), ymd(2023, 9, 3), 0,
		     "28 August \xE2\x80\x93 3 September 2023");
	ASSERT_HUMAN(ymd(2022, 12, 28), ymd(2023, 1, 3), 0,
		     "28 December 2022 \xE2\x80\x93 3 January 2023");
	ASSERT_HUMAN(ymd(2023, 9, 1), ymd(2023, 9, 30), 0, "September 2023");
	ASSERT_HUMAN(ymd(2024, 2, 1), ymd(2024, 2, 29), 0, "February 2024");
	ASSERT_HUMAN(ymd(2023, 7, 1), ymd(2023, 9, 30), 0,
		     "July\xE2\x80\x93September 2023");
	ASSERT_HUMAN(ymd(2022, 11, 1), ymd(2023, 2, 28), 0,
		     "November 2022 \xE2\x80\x93 February 2023");
	ASSERT_HUMAN(ymd(2023, 1, 1), ymd(2023, 12, 31), 0, "2023");
	ASSERT_HUMAN(ymd(2020, 1, 1), ymd(2029, 12, 31), 0,
		     "2020\xE2\x80\x93" "2029");
	ASSERT_HUMAN(none, ymd(2023, 9, 20), 0, "by 20 September 2023");
	ASSERT_HUMAN(ymd(2023, 5, 3), none, 0, "from 3 May 2023");
	ASSERT_HUMAN(none, none, 0, "undated");
	ASSERT_HUMAN(ymd(2023, 1, 1), ymd(2023, 12, 31), INCLINE_DATE_APPROX,
		     "about 2023");
}

static void test_web_urls(void **state)
{
	(void)state;
	assert_true(incline_emit_url_is_web("https://example.com/x"));
	assert_true(incline_emit_url_is_web("HTTP://example.com"));
	assert_false(incline_emit_url_is_web(NULL));
	assert_false(incline_emit_url_is_web(JS_URL));
	assert_false(incline_emit_url_is_web(" https://example.com"));
	assert_false(incline_emit_url_is_web("JavaScript:alert(1)//http://"));
	assert_false(incline_emit_url_is_web("data:text/html,<b>"));
	assert_false(incline_emit_url_is_web("https://"));
	assert_false(incline_emit_url_is_web("https:///path"));
	assert_false(incline_emit_url_is_web("https://a b"));
	assert_false(incline_emit_url_is_web("https://a\nb"));
	assert_false(incline_emit_url_is_web("file:///etc/passwd"));
	assert_false(incline_emit_url_is_web("a.txt"));
}

/* ---- HTML and Markdown: escaping ------------------------------------------- */

static void test_html_escapes_everything(void **state)
{
	const incline_timeline *tl = *state;
	char *html = capture(incline_emit_html, tl, NULL);

	/* no markup from the articles survives */
	assert_null(strstr(html, "<script"));
	assert_null(strstr(html, "<img"));
	assert_null(strstr(html, "\"><img"));
	assert_non_null(strstr(html, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
	assert_non_null(strstr(html, "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"));
	/* only the web URLs became links, percent-encoded then escaped */
	assert_null(strstr(html, "href=\"javascript"));
	assert_null(strstr(html, "href=\"data"));
	assert_int_equal(count(html, "href="), 3);
	assert_non_null(strstr(html, "<a href=\"https://example.com/a?x=1&amp;y=%282%29\""));
	assert_non_null(strstr(html, "<a href=\"https://news.example/story\""));
	/* the javascript: source is shown, as text */
	assert_non_null(strstr(html, "They may have &quot;&gt;"));
	/* one li.event per event, and the count on the body */
	assert_int_equal(count(html, "<li class=\"event "), N_EVENTS);
	assert_non_null(strstr(html, "<body data-events=\"6\">"));
	/* self-contained and script-free by policy */
	assert_non_null(strstr(html, "default-src 'none'; style-src 'unsafe-inline'"));
	assert_null(strstr(html, "src=\"http"));
	assert_null(strstr(html, "@import"));
	/* flags and dates shown */
	assert_int_equal(count(html, "li class=\"event type-intrusion conflict\""), 1);
	assert_int_equal(count(html, "type-attribution conflict hedged"), 1);
	assert_non_null(strstr(html, ">by 21 September 2023</time>"));
	assert_non_null(strstr(html, ">August 2023</time>"));
	assert_non_null(strstr(html, "<h2>Undated</h2>"));
	assert_non_null(strstr(html, "bad \xEF\xBF\xBD\xEF\xBF\xBD bytes"));
	assert_non_null(strstr(html, "</body>\n</html>\n"));
	free(html);
}

static void test_markdown_escapes_everything(void **state)
{
	const incline_timeline *tl = *state;
	char *md = capture(incline_emit_markdown, tl, NULL);

	assert_null(strstr(md, "<script"));
	assert_null(strstr(md, "<img"));
	assert_null(strstr(md, "[x](javascript"));
	assert_null(strstr(md, "](data"));
	assert_non_null(strstr(md, "&lt;script&gt;"));
	/* the summary cannot start a list or heading, nor make a link */
	assert_non_null(strstr(md, "\n1\\. # heading \\*bold\\* \\[x\\](javascript:alert(1))\n"));
	assert_non_null(strstr(md, "- [Reuters](https://example.com/a?x=1&y=%282%29), 2023-09-20: "));
	assert_non_null(strstr(md, "- [https://news.example/story](https://news.example/story), 2023-09-21: "));
	/* a javascript: or data: URL stays text */
	assert_non_null(strstr(md, "- \"&gt;&lt;img src=x onerror=alert(1)&gt;, 2023-09-19 (hedged): "));
	assert_int_equal(count(md, "\n### "), N_EVENTS);
	assert_non_null(strstr(md, "\n## 2022\n"));
	assert_non_null(strstr(md, "\n## Undated\n"));
	assert_non_null(strstr(md, "### by 21 September 2023 \xC2\xB7 `attribution`"));
	assert_non_null(strstr(md, "Sources disagree on the date"));
	assert_non_null(strstr(md, "Claim about **ALPHV&lt;script&gt;alert(\"x\")&lt;/script&gt;** (asserted, by the group\"&gt;&lt;img src=x onerror=alert(1)&gt;)\n"));
	free(md);
}

/* ---- TimelineJS -------------------------------------------------------------- */

static json_t *slide_of(json_t *events, const char *type, const char *display)
{
	size_t i;
	json_t *s;

	json_array_foreach(events, i, s)
		if (strcmp(str(s, "group"), type) == 0
		    && strcmp(str(s, "display_date"), display) == 0)
			return s;
	fail_msg("no %s slide shown as %s", type, display);
	return NULL;
}

static void assert_date(const json_t *d, int y, int m, int day)
{
	assert_true(json_is_object(d));
	assert_int_equal(json_integer_value(json_object_get(d, "year")), y);
	if (m)
		assert_int_equal(json_integer_value(json_object_get(d, "month")), m);
	else
		assert_null(json_object_get(d, "month"));
	if (day)
		assert_int_equal(json_integer_value(json_object_get(d, "day")), day);
	else
		assert_null(json_object_get(d, "day"));
}

static void test_timelinejs(void **state)
{
	const incline_timeline *tl = *state;
	char *out = capture(incline_emit_timelinejs, tl, NULL);
	json_t *doc = parse(out), *events = json_object_get(doc, "events"), *s;
	size_t i;

	assert_string_equal(str(json_object_get(json_object_get(doc, "title"),
						"text"), "headline"),
			    "Incident timeline");
	assert_int_equal(json_array_size(events), N_PLACED);
	json_array_foreach(events, i, s) {
		json_t *text = json_object_get(s, "text");

		assert_non_null(json_object_get(s, "start_date"));
		assert_null(strstr(str(text, "text"), "<script"));
		assert_null(strstr(str(text, "text"), "<img"));
		assert_null(strstr(str(text, "text"), "href=\"javascript"));
		assert_null(strstr(str(text, "headline"), "<script"));
		assert_true(json_is_false(json_object_get(s, "autolink")));
		assert_int_equal(strlen(str(s, "unique_id")), 19);
	}
	s = slide_of(events, "intrusion", "14\xE2\x80\x93" "17 September 2023");
	assert_date(json_object_get(s, "start_date"), 2023, 9, 14);
	assert_date(json_object_get(s, "end_date"), 2023, 9, 17);
	assert_non_null(strstr(str(json_object_get(s, "text"), "text"),
			       "<a href=\"https://example.com/a?x=1&amp;y=(2)\""));
	s = slide_of(events, "context", "August 2023");
	assert_date(json_object_get(s, "start_date"), 2023, 8, 0);
	assert_null(json_object_get(s, "end_date"));
	s = slide_of(events, "context", "2022");
	assert_date(json_object_get(s, "start_date"), 2022, 0, 0);
	s = slide_of(events, "attribution", "by 21 September 2023");
	assert_date(json_object_get(s, "start_date"), 2023, 9, 21);
	assert_null(json_object_get(s, "end_date"));
	assert_non_null(strstr(str(json_object_get(s, "text"), "headline"),
			       "Attribution: ALPHV&lt;script&gt;"));
	s = slide_of(events, "impact", "undated (first reported 20 September 2023)");
	assert_date(json_object_get(s, "start_date"), 2023, 9, 20);
	json_decref(doc);
	free(out);
}

/* ---- Timesketch -------------------------------------------------------------- */

static void test_timesketch(void **state)
{
	const incline_timeline *tl = *state;
	char *out = capture(incline_emit_timesketch, tl, NULL), *line, *save;
	size_t lines = 0;

	for (line = strtok_r(out, "\n", &save); line;
	     line = strtok_r(NULL, "\n", &save)) {
		json_t *o = parse(line);
		const char *dt = str(o, "datetime");
		incline_day day;
		const char *key;
		json_t *v;
		size_t k = 0;
		static const char *const first[] = { "message", "datetime",
						     "timestamp", "timestamp_desc" };

		json_object_foreach(o, key, v) {
			(void)v;
			if (k < 4)
				assert_string_equal(key, first[k]);
			k++;
		}
		assert_int_equal(strlen(dt), 25);
		assert_string_equal(dt + 10, "T00:00:00+00:00");
		assert_int_equal(incline_date_parse_day(&day, dt, 10), 0);
		assert_true(json_integer_value(json_object_get(o, "timestamp"))
			    == (json_int_t)day * 86400 * 1000000);
		assert_true(strlen(str(o, "message")) > 0);
		assert_true(strlen(str(o, "timestamp_desc")) > 0);
		if (strcmp(str(o, "event_type"), "attribution") == 0) {
			assert_string_equal(dt, "2023-09-21T00:00:00+00:00");
			assert_string_equal(str(o, "timestamp_desc"),
					    "Event date (happened by)");
			assert_string_equal(str(o, "attribution_stance"), "asserted");
		}
		if (strcmp(str(o, "event_type"), "intrusion") == 0) {
			json_t *urls = json_object_get(o, "urls");

			assert_string_equal(dt, "2023-09-14T00:00:00+00:00");
			assert_int_equal(json_array_size(urls), 1);
			assert_string_equal(json_string_value(json_array_get(urls, 0)),
					    WEB_URL);
		}
		json_decref(o);
		lines++;
	}
	assert_int_equal(lines, N_PLACED);
	free(out);
}

/* ---- STIX --------------------------------------------------------------------- */

static void assert_no_nulls(const json_t *v)
{
	const char *key;
	json_t *x;
	size_t i;

	assert_false(json_is_null(v));
	if (json_is_object(v))
		json_object_foreach((json_t *)v, key, x) assert_no_nulls(x);
	if (json_is_array(v))
		json_array_foreach(v, i, x) assert_no_nulls(x);
}

static void assert_stix_id(const char *id, const char *type)
{
	size_t n = strlen(type);

	assert_memory_equal(id, type, n);
	assert_memory_equal(id + n, "--", 2);
	assert_int_equal(strlen(id + n + 2), 36);
	assert_int_equal(id[n + 2 + 14], '5'); /* version 5 */
	assert_non_null(strchr("89ab", id[n + 2 + 19])); /* RFC 4122 variant */
}

static void test_stix(void **state)
{
	const incline_timeline *tl = *state;
	char *out = capture(incline_emit_stix, tl, NULL);
	json_t *doc = parse(out), *objects = json_object_get(doc, "objects"), *o;
	const char *incident = NULL, *actor = NULL;
	size_t i, reports = 0, relationships = 0;

	assert_no_nulls(doc);
	assert_string_equal(str(doc, "type"), "bundle");
	assert_stix_id(str(doc, "id"), "bundle");
	json_array_foreach(objects, i, o) {
		const char *type = str(o, "type");

		assert_string_equal(str(o, "spec_version"), "2.1");
		assert_stix_id(str(o, "id"), type);
		assert_string_equal(str(o, "created"), "2023-09-21T00:00:00.000Z");
		assert_string_equal(str(o, "modified"), "2023-09-21T00:00:00.000Z");
		if (i == 0) {
			assert_string_equal(type, "incident");
			incident = str(o, "id");
			assert_int_equal(json_array_size(json_object_get(
				o, "x_incline_events")), N_EVENTS);
		} else if (strcmp(type, "threat-actor") == 0) {
			assert_string_equal(str(o, "name"), "ALPHV" SCRIPT);
			actor = str(o, "id");
		} else if (strcmp(type, "relationship") == 0) {
			relationships++;
			assert_string_equal(str(o, "relationship_type"), "attributed-to");
			assert_string_equal(str(o, "source_ref"), incident);
			assert_string_equal(str(o, "target_ref"), actor);
			assert_string_equal(str(o, "x_incline_stance"), "asserted");
			assert_string_equal(str(o, "x_incline_claimant"), "the group" ATTR);
			assert_true(json_is_true(json_object_get(o, "x_incline_conflict")));
		} else {
			json_t *ext = json_array_get(json_object_get(
				o, "external_references"), 0);
			json_t *refs = json_object_get(o, "object_refs");
			const char *name = str(o, "name");

			assert_string_equal(type, "report");
			reports++;
			assert_string_equal(json_string_value(json_array_get(refs, 0)),
					    incident);
			assert_string_equal(str(ext, "external_id"), name);
			if (strcmp(name, "https://news.example/story") == 0) {
				assert_string_equal(str(ext, "url"), name);
				assert_string_equal(str(o, "published"),
						    "2023-09-21T00:00:00.000Z");
				assert_int_equal(json_array_size(refs), 3);
			} else if (strcmp(name, "a.txt") == 0) {
				assert_string_equal(str(ext, "url"), WEB_URL);
				assert_string_equal(str(ext, "source_name"), "Reuters");
			} else {
				/* javascript:, data: and no URL: none given */
				assert_null(json_object_get(ext, "url"));
				assert_int_equal(json_array_size(refs), 1);
			}
		}
	}
	assert_int_equal(relationships, 1);
	assert_int_equal(reports, 5);
	json_decref(doc);
	free(out);
}

/* One incident holding the intrusion: STIX writes it (named by its
 * victim) beside the whole-timeline incident that keeps the rest, and
 * the views take their title from it. */
static void test_stix_incidents(void **state)
{
	incline_timeline tl;
	incline_incident *in;
	incline_event *intrusion = NULL;
	char *out;
	json_t *doc, *objects, *o;
	const char *acme = NULL, *whole = NULL;
	size_t i;

	(void)state;
	build(&tl, 0);
	for (i = 0; i < tl.n; i++)
		if (tl.events[i].type == INCLINE_EVENT_INTRUSION)
			intrusion = &tl.events[i];
	assert_non_null(intrusion);
	in = calloc(1, sizeof *in);
	assert_non_null(in);
	tl.incidents = in;
	tl.n_incidents = 1;
	snprintf(in->id, sizeof in->id, "in-0123456789abcdef");
	in->name = strdup("ACME <b>");
	in->earliest = ymd(2023, 9, 14);
	in->latest = ymd(2023, 9, 17);
	in->events = calloc(1, sizeof *in->events);
	assert_non_null(in->events);
	in->n_events = 1;
	memcpy(in->events[0], intrusion->id, sizeof intrusion->id);
	memcpy(intrusion->incident, in->id, sizeof in->id);

	out = capture(incline_emit_stix, &tl, NULL);
	doc = parse(out);
	objects = json_object_get(doc, "objects");
	json_array_foreach(objects, i, o) {
		if (strcmp(str(o, "type"), "incident") != 0)
			continue;
		if (json_object_get(o, "x_incline_id")) {
			assert_string_equal(str(o, "x_incline_id"), "in-0123456789abcdef");
			assert_string_equal(str(o, "name"), "ACME <b>");
			assert_string_equal(str(o, "x_incline_first_day"), "2023-09-14");
			assert_int_equal(json_array_size(json_object_get(o, "x_incline_events")), 1);
			acme = str(o, "id");
		} else {
			assert_int_equal(json_array_size(json_object_get(o, "x_incline_events")),
					 N_EVENTS - 1);
			whole = str(o, "id");
		}
	}
	assert_non_null(acme);
	assert_non_null(whole);
	json_array_foreach(objects, i, o) {
		if (strcmp(str(o, "type"), "relationship") == 0)
			assert_string_equal(str(o, "source_ref"), whole);
		if (strcmp(str(o, "type"), "report") == 0
		    && strcmp(str(o, "name"), "b.txt") == 0)
			/* b.txt tells the intrusion and the year-old context */
			assert_int_equal(json_array_size(json_object_get(o, "object_refs")), 2);
	}
	json_decref(doc);
	free(out);
	/* the views are titled by the incident, its name escaped */
	out = capture(incline_emit_html, &tl, NULL);
	assert_non_null(strstr(out, "<title>Incident timeline: ACME &lt;b&gt;</title>"));
	assert_non_null(strstr(out, "<h1>Incident timeline: ACME &lt;b&gt;</h1>"));
	free(out);
	out = capture(incline_emit_markdown, &tl, NULL);
	assert_non_null(strstr(out, "# Incident timeline: ACME &lt;b&gt;\n"));
	free(out);
	incline_timeline_free(&tl);
}

/* A denied claim must not read as an attribution to a consumer that only
 * looks at relationship_type: it is related-to, the stance says why. */
static void test_stix_denied_claim(void **state)
{
	incline_timeline tl;
	size_t i, relationships = 0;
	char *out;
	json_t *doc, *o;

	(void)state;
	build(&tl, 0);
	for (i = 0; i < tl.n; i++)
		if (tl.events[i].type == INCLINE_EVENT_ATTRIBUTION)
			tl.events[i].claim.stance = INCLINE_STANCE_DENIED;
	out = capture(incline_emit_stix, &tl, NULL);
	doc = parse(out);
	json_array_foreach(json_object_get(doc, "objects"), i, o) {
		if (strcmp(str(o, "type"), "relationship") != 0)
			continue;
		relationships++;
		assert_string_equal(str(o, "relationship_type"), "related-to");
		assert_string_equal(str(o, "x_incline_stance"), "denied");
	}
	assert_int_equal(relationships, 1);
	json_decref(doc);
	free(out);
	incline_timeline_free(&tl);
}

/* ---- all views ------------------------------------------------------------------ */

static void test_deterministic(void **state)
{
	const incline_timeline *tl = *state;
	incline_timeline other;

	build(&other, 1);
	for (size_t i = 0; i < N_VIEWS; i++) {
		size_t n1, n2;
		char *a = capture(views[i].emit, tl, &n1);
		char *b = capture(views[i].emit, &other, &n2);

		if (n1 != n2 || memcmp(a, b, n1) != 0)
			fail_msg("%s output depends on input order", views[i].name);
		free(a);
		free(b);
	}
	incline_timeline_free(&other);
}

static void test_empty_timeline(void **state)
{
	incline_timeline empty;

	(void)state;
	memset(&empty, 0, sizeof empty);
	for (size_t i = 0; i < N_VIEWS; i++) {
		size_t n;
		char *out = capture(views[i].emit, &empty, &n);

		if (views[i].emit == incline_emit_timesketch)
			assert_int_equal(n, 0);
		else
			assert_true(n > 0 && out[n - 1] == '\n');
		if (views[i].emit == incline_emit_html)
			assert_non_null(strstr(out, "<p>No events.</p>"));
		if (views[i].emit == incline_emit_stix
		    || views[i].emit == incline_emit_timelinejs)
			json_decref(parse(out));
		free(out);
	}
}

static void test_write_error_is_eio(void **state)
{
	const incline_timeline *tl = *state;
	FILE *fp = fopen("/dev/full", "w");

	if (!fp)
		skip();
	for (size_t i = 0; i < N_VIEWS; i++) {
		incline_error err;

		incline_error_clear(&err);
		if (views[i].emit(fp, tl, &err) != INCLINE_EIO)
			fail_msg("%s: a full disk is not INCLINE_EIO", views[i].name);
		assert_int_equal(err.code, INCLINE_EIO);
		clearerr(fp);
	}
	fclose(fp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_human_dates),
		cmocka_unit_test(test_web_urls),
		cmocka_unit_test(test_html_escapes_everything),
		cmocka_unit_test(test_markdown_escapes_everything),
		cmocka_unit_test(test_timelinejs),
		cmocka_unit_test(test_timesketch),
		cmocka_unit_test(test_stix),
		cmocka_unit_test(test_stix_incidents),
		cmocka_unit_test(test_stix_denied_claim),
		cmocka_unit_test(test_deterministic),
		cmocka_unit_test(test_empty_timeline),
		cmocka_unit_test(test_write_error_is_eio),
	};

	return cmocka_run_group_tests_name("emit_views", tests, setup, teardown);
}
