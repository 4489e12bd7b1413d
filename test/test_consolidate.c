/* Consolidation inside one article (extract.c consolidate, merge.c
 * one_article): one happening told in several sentences is one event
 * listing every sentence; happenings the article dates apart, or tells
 * in other words, stay apart; the result does not hang on what the
 * extractor read before; and merging the consolidated events of several
 * articles gives what merging their sentences one by one gives. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#define PUB "2023-06-20"
#include "extract_fixture.h"

/* Hackers breach one victim's servers; three sentences tell it. */
static const char told_thrice[] =
	"Hackers breached the payroll servers of Acme Corporation on March 3, 2023. "
	"The intruders breached the payroll servers with a stolen password, Acme said. "
	"Hackers who breached the payroll servers copied employee records.";

static size_t count_type(const incline_timeline *tl, incline_event_type t)
{
	size_t n = 0;
	for (size_t i = 0; i < tl->n; i++)
		n += tl->events[i].type == t;
	return n;
}

/* The intrusion event with n pieces of evidence, or NULL. */
static const incline_event *intrusion_with(const incline_timeline *tl, size_t n)
{
	for (size_t i = 0; i < tl->n; i++)
		if (tl->events[i].type == INCLINE_EVENT_INTRUSION && tl->events[i].n_evidence == n)
			return &tl->events[i];
	return NULL;
}

static void test_told_thrice_is_one_event(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_titled(&tl, "News", told_thrice);
	assert_int_equal(count_type(&tl, INCLINE_EVENT_INTRUSION), 1);
	const incline_event *ev = intrusion_with(&tl, 3);
	assert_non_null(ev);
	/* the evidence in the article's order, each sentence once */
	for (size_t i = 1; i < ev->n_evidence; i++)
		assert_true(ev->evidence[i - 1].end <= ev->evidence[i].start);
	assert_memory_equal(ev->evidence[0].quote, "Hackers breached", 16);
	assert_memory_equal(ev->evidence[2].quote, "Hackers who", 11);
	/* the date the telling sentence gives */
	assert_int_equal(ev->when.basis, INCLINE_BASIS_EXPLICIT);
	assert_string_equal(ev->when.text, "March 3, 2023");
	assert_string_equal(ev->summary, ev->evidence[0].quote);
	incline_timeline_free(&tl);
}

/* The same words on two dates the article gives: two breaches. */
static void test_dates_apart_are_two_events(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_titled(&tl, "News",
		       "Hackers breached the payroll servers of Acme Corporation on March 3, 2023. "
		       "The intruders breached the payroll servers with a stolen password, Acme said. "
		       "Hackers breached the payroll servers of Acme Corporation again on June 9, 2023.");
	assert_int_equal(count_type(&tl, INCLINE_EVENT_INTRUSION), 2);
	const incline_event *first = intrusion_with(&tl, 2), *second = intrusion_with(&tl, 1);
	assert_non_null(first);
	assert_non_null(second);
	assert_string_equal(first->when.text, "March 3, 2023");
	assert_string_equal(second->when.text, "June 9, 2023");
	assert_false(first->flags & INCLINE_EVENT_DATE_CONFLICT);
	/* chronological */
	assert_true(first < second);
	incline_timeline_free(&tl);
}

/* One day named twice is one date: one event. Two sentences dated only
 * to a year, each in its own words, keep their own dates: two events. */
static void test_same_day_joins_same_year_stays(void **state)
{
	(void)state;
	incline_timeline day = {0}, year = {0};
	extract_titled(&day, "News",
		       "Hackers breached the payroll servers of Acme Corporation on March 3, 2023. "
		       "The intruders breached the payroll servers on March 3 with a stolen password.");
	assert_int_equal(count_type(&day, INCLINE_EVENT_INTRUSION), 1);
	assert_non_null(intrusion_with(&day, 2));
	extract_titled(&year, "News",
		       "Hackers breached the payroll servers of Acme Corporation in 2021. "
		       "The intruders breached the payroll servers in 2021 with a stolen password.");
	assert_int_equal(count_type(&year, INCLINE_EVENT_INTRUSION), 2);
	assert_null(intrusion_with(&year, 2));
	incline_timeline_free(&day);
	incline_timeline_free(&year);
}

/* Two victims, two dates: two events, each with its own sentence. */
static void test_two_incidents_are_two_events(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_titled(&tl, "News",
		       "Hackers breached the payroll servers of Acme Corporation on March 3, 2023. "
		       "In another incident, ransomware encrypted the mail servers of Globex on May 5, 2023.");
	assert_int_equal(count_type(&tl, INCLINE_EVENT_INTRUSION), 2);
	assert_non_null(intrusion_with(&tl, 1));
	assert_null(intrusion_with(&tl, 2));
	assert_string_equal(tl.events[0].when.text, "March 3, 2023");
	assert_string_equal(tl.events[1].when.text, "May 5, 2023");
	incline_timeline_free(&tl);
}

/* A stray year of another sentence does not date the breach: the
 * sentence that tells it dates it ("The intrusion occurred on December
 * 22, 2016"), and the sentence dated 2007 in its own words is another
 * event, not a date conflict of this one. */
static void test_own_date_beats_stray_year(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	const incline_event *told = NULL;
	extract_titled(&tl, "News",
		       "The intrusion at Acme Corporation occurred on December 22, 2016, the hacker said. "
		       "The hacker exploited a flaw in the content system, which dates from 2007.");
	for (size_t i = 0; i < tl.n; i++)
		if (tl.events[i].type == INCLINE_EVENT_INTRUSION &&
		    strstr(tl.events[i].evidence[0].quote, "occurred"))
			told = &tl.events[i];
	assert_non_null(told);
	assert_string_equal(told->when.text, "December 22, 2016");
	assert_int_equal(told->n_evidence, 1);
	assert_false(told->flags & INCLINE_EVENT_DATE_CONFLICT);
	incline_timeline_free(&tl);
}

/* Every event's id and evidence, in order, as one string. */
static void describe(char *buf, size_t size, const incline_timeline *tl, size_t from)
{
	size_t n = 0;
	buf[0] = '\0';
	for (size_t i = from; i < tl->n && n < size; i++) {
		const incline_event *ev = &tl->events[i];
		n += (size_t)snprintf(buf + n, size - n, "%s %s %s:", ev->id,
				      incline_event_type_name(ev->type),
				      ev->when.text ? ev->when.text : "-");
		for (size_t k = 0; k < ev->n_evidence && n < size; k++)
			n += (size_t)snprintf(buf + n, size - n, " %zu-%zu", ev->evidence[k].start,
					      ev->evidence[k].end);
		if (n < size)
			n += (size_t)snprintf(buf + n, size - n, "\n");
	}
	assert_true(n < size);
}

/* The extractor keeps word stems from article to article: what it read
 * before changes nothing, and the order is the same every time. */
static void test_same_whatever_came_before(void **state)
{
	(void)state;
	incline_timeline alone = {0}, after = {0};
	char a[4096], b[4096];
	incline_extractor *fresh = extractor, *used = NULL;
	incline_error err;

	extract_titled(&alone, "News", told_thrice);
	assert_int_equal(incline_extract_new(&used, &err), 0);
	extractor = used;
	extract_titled(&after, "Other", "Globex said on Monday that ransomware encrypted "
					"its servers; Globex restored the servers from backups.");
	size_t first = after.n;
	extract_titled(&after, "News", told_thrice);
	extract_titled(&after, "News", told_thrice);
	extractor = fresh;
	incline_extract_free(used);
	describe(a, sizeof a, &alone, 0);
	describe(b, sizeof b, &after, first);
	/* the article twice gives its events twice, each time the same */
	assert_int_equal(after.n - first, 2 * alone.n);
	assert_memory_equal(a, b, strlen(a));
	assert_string_equal(a, b + strlen(a));
	incline_timeline_free(&alone);
	incline_timeline_free(&after);
}

/* Merging consolidated events is merging their sentences: merge of the
 * two articles' extractions equals merge of the same evidence as one
 * event per sentence. */
static void test_merge_sees_sentences(void **state)
{
	(void)state;
	incline_timeline both = {0}, split = {0}, m1 = {0}, m2 = {0};
	incline_error err;
	char a[8192], b[8192];

	extract_titled(&both, "News", told_thrice);
	extract_titled(&both, "Acme follow-up",
		       "Acme Corporation said hackers breached its payroll servers on March 3, 2023, "
		       "and that it notified employees on March 10, 2023.");
	for (size_t i = 0; i < both.n; i++) {
		const incline_event *ev = &both.events[i];
		for (size_t k = 0; k < ev->n_evidence; k++) {
			incline_event one = {0};
			one.type = ev->type;
			assert_int_equal(incline_event_add_evidence(&one, &ev->evidence[k]), 0);
			assert_int_equal(incline_when_copy(&one.when, &ev->evidence[k].when), 0);
			incline_event_assign_id(&one);
			assert_int_equal(incline_timeline_take(&split, &one), 0);
		}
	}
	for (size_t i = 0; i < both.n_articles; i++)
		assert_int_equal(incline_timeline_add_article(&split, both.articles[i]), 0);
	assert_int_equal(incline_merge(&m1, &both, NULL, &err), 0);
	assert_int_equal(incline_merge(&m2, &split, NULL, &err), 0);
	describe(a, sizeof a, &m1, 0);
	describe(b, sizeof b, &m2, 0);
	assert_string_equal(a, b);
	incline_timeline_free(&both);
	incline_timeline_free(&split);
	incline_timeline_free(&m1);
	incline_timeline_free(&m2);
}

/* Turned off (incline build), extraction leaves one event per sentence
 * and type, and merging gives the same timeline as from the
 * consolidated events. */
static void test_unconsolidated_merges_the_same(void **state)
{
	(void)state;
	incline_timeline on = {0}, off = {0}, m1 = {0}, m2 = {0};
	incline_error err;
	char a[8192], b[8192];

	extract_titled(&on, "News", told_thrice);
	incline_extract_set_consolidate(extractor, false);
	extract_titled(&off, "News", told_thrice);
	incline_extract_set_consolidate(extractor, true);
	assert_int_equal(count_type(&on, INCLINE_EVENT_INTRUSION), 1);
	assert_true(count_type(&off, INCLINE_EVENT_INTRUSION) > 1);
	assert_int_equal(incline_merge(&m1, &on, NULL, &err), 0);
	assert_int_equal(incline_merge(&m2, &off, NULL, &err), 0);
	describe(a, sizeof a, &m1, 0);
	describe(b, sizeof b, &m2, 0);
	assert_string_equal(a, b);
	incline_timeline_free(&on);
	incline_timeline_free(&off);
	incline_timeline_free(&m1);
	incline_timeline_free(&m2);
}

/* A merger (kept tables, cached stems) merges any pile as incline_merge
 * does, before and after other piles. */
static void test_merger_is_merge(void **state)
{
	(void)state;
	incline_timeline pile = {0}, copy = {0}, m1 = {0}, m2 = {0}, m3 = {0};
	incline_merger *m = NULL;
	incline_error err;
	char a[8192], b[8192];

	extract_titled(&pile, "News", told_thrice);
	extract_titled(&pile, "ICC", "The International Criminal Court (ICC) detected unusual "
				     "activity in its systems last week, the court said on Tuesday.");
	assert_int_equal(incline_merge(&m1, &pile, NULL, &err), 0);
	assert_int_equal(incline_merger_new(&m, &err), 0);
	for (int round = 0; round < 2; round++) {
		incline_timeline *out = round ? &m3 : &m2;
		assert_int_equal(incline_merge(&copy, &pile, NULL, &err), 0);
		assert_int_equal(incline_merger_take(m, out, &copy, NULL, &err), 0);
		assert_int_equal(copy.n, 0);
	}
	incline_merger_free(m);
	describe(a, sizeof a, &m1, 0);
	describe(b, sizeof b, &m2, 0);
	assert_string_equal(a, b);
	describe(b, sizeof b, &m3, 0);
	assert_string_equal(a, b);
	assert_int_equal(m1.n_incidents, m3.n_incidents);
	incline_timeline_free(&pile);
	incline_timeline_free(&m1);
	incline_timeline_free(&m2);
	incline_timeline_free(&m3);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_told_thrice_is_one_event),
		cmocka_unit_test(test_dates_apart_are_two_events),
		cmocka_unit_test(test_same_day_joins_same_year_stays),
		cmocka_unit_test(test_two_incidents_are_two_events),
		cmocka_unit_test(test_own_date_beats_stray_year),
		cmocka_unit_test(test_same_whatever_came_before),
		cmocka_unit_test(test_merge_sees_sentences),
		cmocka_unit_test(test_unconsolidated_merges_the_same),
		cmocka_unit_test(test_merger_is_merge),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
