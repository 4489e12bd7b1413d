/* Tests of the event model: names, copies, ids and the canonical order. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/event.h"

static incline_day ymd(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

/* A piece of evidence with the given triple; strings are borrowed here
 * and copied by incline_event_add_evidence. */
static incline_evidence evidence(const char *article, size_t start,
				 size_t end)
{
	incline_evidence e;

	memset(&e, 0, sizeof e);
	e.article = (char *)article;
	e.start = start;
	e.end = end;
	e.published = INCLINE_DAY_NONE;
	e.quote = (char *)"quote";
	e.when.date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE,
					INCLINE_GRAN_UNKNOWN);
	return e;
}

/* An event dated [earliest, latest] with one piece of evidence. */
static incline_event event(incline_event_type type, incline_day earliest,
			   incline_day latest, const char *article,
			   size_t start)
{
	incline_event ev;
	incline_evidence e = evidence(article, start, start + 10);

	memset(&ev, 0, sizeof ev);
	ev.type = type;
	ev.when.date = incline_date_make(earliest, latest, INCLINE_GRAN_DAY);
	ev.first_reported = INCLINE_DAY_NONE;
	assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
	incline_event_assign_id(&ev);
	return ev;
}

static void test_type_names_round_trip(void **state)
{
	(void)state;
	for (int t = 0; t < INCLINE_EVENT_TYPE_COUNT; t++) {
		const char *name = incline_event_type_name((incline_event_type)t);

		assert_true(strlen(name) > 0);
		assert_int_equal(incline_event_type_from_name(name), t);
	}
	assert_string_equal(incline_event_type_name(INCLINE_EVENT_INTRUSION),
			    "intrusion");
	assert_string_equal(incline_event_type_name(INCLINE_EVENT_CONTEXT),
			    "context");
	assert_int_equal(incline_event_type_from_name("Intrusion"), -1);
	assert_int_equal(incline_event_type_from_name(""), -1);
	assert_int_equal(incline_event_type_from_name(NULL), -1);
}

static void test_basis_and_stance_names(void **state)
{
	static const char *const basis[] = { "explicit", "relative",
					     "publication" };
	static const char *const stance[] = { "", "asserted", "suspected",
					      "denied", "unattributed" };

	(void)state;
	for (int i = 0; i < 3; i++) {
		assert_string_equal(incline_basis_name((incline_basis)i), basis[i]);
		assert_int_equal(incline_basis_from_name(basis[i]), i);
	}
	for (int i = 0; i < 5; i++) {
		assert_string_equal(incline_stance_name((incline_stance)i),
				    stance[i]);
		assert_int_equal(incline_stance_from_name(stance[i]), i);
	}
	assert_int_equal(incline_basis_from_name("implicit"), -1);
	assert_int_equal(incline_stance_from_name("claimed"), -1);
}

static void test_copy_and_clear_with_nulls(void **state)
{
	incline_evidence src = evidence(NULL, 1, 2), dst;
	incline_when w;
	incline_claim c, c2;

	(void)state;
	src.quote = NULL; /* every string NULL */
	assert_int_equal(incline_evidence_copy(&dst, &src), 0);
	assert_null(dst.article);
	assert_null(dst.quote);
	assert_int_equal(dst.start, 1);
	incline_evidence_clear(&dst);
	incline_evidence_clear(&dst); /* twice: cleared means empty */
	incline_evidence_clear(NULL);
	incline_when_clear(NULL);
	incline_claim_clear(NULL);
	incline_event_clear(NULL);
	incline_timeline_free(NULL);

	memset(&c, 0, sizeof c);
	c.actor = (char *)"Scattered Spider";
	c.stance = INCLINE_STANCE_SUSPECTED;
	assert_int_equal(incline_claim_copy(&c2, &c), 0);
	assert_ptr_not_equal(c2.actor, c.actor);
	assert_string_equal(c2.actor, "Scattered Spider");
	assert_null(c2.claimant);
	assert_int_equal(c2.stance, INCLINE_STANCE_SUSPECTED);
	incline_claim_clear(&c2);
	assert_null(c2.actor);

	memset(&w, 0, sizeof w);
	src.when.value = (char *)"2023-09-14";
	src.when.text = (char *)"Sept. 14";
	src.when.article = (char *)"a.txt";
	src.when.has_span = true;
	assert_int_equal(incline_when_copy(&w, &src.when), 0);
	assert_string_equal(w.value, "2023-09-14");
	assert_string_equal(w.text, "Sept. 14");
	assert_string_equal(w.article, "a.txt");
	assert_true(w.has_span);
	incline_when_clear(&w);
}

static void test_add_actor_dedupes(void **state)
{
	incline_event ev;
	char name[] = "LockBit";

	(void)state;
	memset(&ev, 0, sizeof ev);
	assert_int_equal(incline_event_add_actor(&ev, name), 0);
	name[0] = 'X'; /* the event holds its own copy */
	assert_int_equal(incline_event_add_actor(&ev, "LockBit"), 0);
	assert_int_equal(incline_event_add_actor(&ev, "ALPHV"), 0);
	assert_int_equal(incline_event_add_actor(&ev, "ALPHV"), 0);
	assert_int_equal(incline_event_add_actor(&ev, NULL), INCLINE_EUSAGE);
	assert_int_equal(ev.n_actors, 2);
	assert_string_equal(ev.actors[0], "LockBit");
	assert_string_equal(ev.actors[1], "ALPHV");
	incline_event_clear(&ev);
	assert_int_equal(ev.n_actors, 0);
	assert_null(ev.actors);
}

static void test_id_stable_under_permutation(void **state)
{
	incline_evidence e[3] = { evidence("b.txt", 5, 9),
				  evidence("a.txt", 40, 80),
				  evidence("a.txt", 3, 30) };
	static const int orders[][3] = { { 0, 1, 2 }, { 2, 1, 0 },
					 { 1, 0, 2 }, { 2, 0, 1 } };
	char first[INCLINE_EVENT_ID_SIZE] = "";

	(void)state;
	for (size_t k = 0; k < sizeof orders / sizeof orders[0]; k++) {
		incline_event ev;

		memset(&ev, 0, sizeof ev);
		ev.type = INCLINE_EVENT_INTRUSION;
		for (int i = 0; i < 3; i++)
			assert_int_equal(incline_event_add_evidence(
						 &ev, &e[orders[k][i]]), 0);
		incline_event_assign_id(&ev);
		/* "ev-" and 16 lower-case hex digits */
		assert_int_equal(strlen(ev.id), 19);
		assert_memory_equal(ev.id, "ev-", 3);
		assert_int_equal(strspn(ev.id + 3, "0123456789abcdef"), 16);
		/* evidence sorted by article, then start */
		assert_string_equal(ev.evidence[0].article, "a.txt");
		assert_int_equal(ev.evidence[0].start, 3);
		assert_int_equal(ev.evidence[1].start, 40);
		assert_string_equal(ev.evidence[2].article, "b.txt");
		if (k == 0)
			strcpy(first, ev.id);
		assert_string_equal(ev.id, first);
		incline_event_clear(&ev);
	}
}

static void test_id_depends_on_type_and_spans(void **state)
{
	incline_event a = event(INCLINE_EVENT_INTRUSION, 1, 1, "a.txt", 0);
	incline_event b = event(INCLINE_EVENT_DETECTION, 1, 1, "a.txt", 0);
	incline_event c = event(INCLINE_EVENT_INTRUSION, 1, 1, "a.txt", 1);
	incline_event d = event(INCLINE_EVENT_INTRUSION, 9, 9, "a.txt", 0);

	(void)state;
	assert_string_not_equal(a.id, b.id);
	assert_string_not_equal(a.id, c.id);
	/* the date is not part of the identity, only type and evidence */
	assert_string_equal(a.id, d.id);
	incline_event_clear(&a);
	incline_event_clear(&b);
	incline_event_clear(&c);
	incline_event_clear(&d);
}

/* Events with these dates go in the timeline in scrambled order. */
static void test_sort_order(void **state)
{
	incline_timeline tl;
	incline_day sep14 = ymd(2023, 9, 14), sep17 = ymd(2023, 9, 17),
		    sep15 = ymd(2023, 9, 15), sep20 = ymd(2023, 9, 20);
	incline_event evs[] = {
		/* 0: nothing known: last */
		event(INCLINE_EVENT_CONTEXT, INCLINE_DAY_NONE,
		      INCLINE_DAY_NONE, "n.txt", 0),
		/* 1: known only "by" Sep 15: sorts at Sep 15 */
		event(INCLINE_EVENT_DISCLOSURE, INCLINE_DAY_NONE, sep15,
		      "p.txt", 0),
		/* 2: Sep 14-17 */
		event(INCLINE_EVENT_INTRUSION, sep14, sep17, "r.txt", 0),
		/* 3: Sep 14 exactly: before 2 (latest 14 < 17) */
		event(INCLINE_EVENT_DETECTION, sep14, sep14, "d.txt", 0),
		/* 4: Sep 14 and open-ended: after 2 (NONE latest last) */
		event(INCLINE_EVENT_IMPACT, sep14, INCLINE_DAY_NONE, "o.txt",
		      0),
		/* 5: Sep 20 */
		event(INCLINE_EVENT_PATCH, sep20, sep20, "z.txt", 0),
		/* 6: Sep 14 exactly, intrusion: before 3 (type order) */
		event(INCLINE_EVENT_INTRUSION, sep14, sep14, "i.txt", 0),
	};
	static const size_t want[] = { 6, 3, 2, 4, 1, 5, 0 };
	char ids[7][INCLINE_EVENT_ID_SIZE];

	(void)state;
	memset(&tl, 0, sizeof tl);
	for (size_t i = 0; i < 7; i++) {
		strcpy(ids[i], evs[i].id);
		assert_int_equal(incline_timeline_take(&tl, &evs[i]), 0);
		assert_null(evs[i].evidence); /* moved */
	}
	assert_int_equal(incline_timeline_add_article(&tl, "z.txt"), 0);
	assert_int_equal(incline_timeline_add_article(&tl, "a.txt"), 0);
	assert_int_equal(incline_timeline_add_article(&tl, "z.txt"), 0);
	assert_int_equal(incline_timeline_add_article(&tl, "M.txt"), 0);
	incline_timeline_sort(&tl);
	for (size_t i = 0; i < 7; i++)
		assert_string_equal(tl.events[i].id, ids[want[i]]);
	assert_int_equal(tl.n_articles, 3);
	assert_string_equal(tl.articles[0], "M.txt"); /* bytes: 'M' < 'a' */
	assert_string_equal(tl.articles[1], "a.txt");
	assert_string_equal(tl.articles[2], "z.txt");
	incline_timeline_free(&tl);
	assert_int_equal(tl.n, 0);
	assert_null(tl.events);
}

/* Same date and type: the id decides, whatever the input order. */
static void test_sort_ties_broken_by_id(void **state)
{
	incline_day d = ymd(2023, 1, 2);
	char first[3][INCLINE_EVENT_ID_SIZE];

	(void)state;
	for (int round = 0; round < 2; round++) {
		incline_timeline tl;

		memset(&tl, 0, sizeof tl);
		for (size_t i = 0; i < 3; i++) {
			size_t k = round ? 2 - i : i;
			incline_event ev = event(INCLINE_EVENT_RESPONSE, d, d,
						 "x.txt", k * 100);

			assert_int_equal(incline_timeline_take(&tl, &ev), 0);
		}
		incline_timeline_sort(&tl);
		assert_true(strcmp(tl.events[0].id, tl.events[1].id) < 0);
		assert_true(strcmp(tl.events[1].id, tl.events[2].id) < 0);
		for (size_t i = 0; i < 3; i++) {
			if (round == 0)
				strcpy(first[i], tl.events[i].id);
			assert_string_equal(tl.events[i].id, first[i]);
		}
		incline_timeline_free(&tl);
	}
}

static void test_sort_orders_evidence(void **state)
{
	incline_timeline tl;
	incline_event ev;
	incline_evidence e1 = evidence("b.txt", 1, 5),
			 e2 = evidence("a.txt", 7, 9),
			 e3 = evidence("a.txt", 7, 8);

	(void)state;
	memset(&tl, 0, sizeof tl);
	memset(&ev, 0, sizeof ev);
	assert_int_equal(incline_event_add_evidence(&ev, &e1), 0);
	assert_int_equal(incline_event_add_evidence(&ev, &e2), 0);
	assert_int_equal(incline_event_add_evidence(&ev, &e3), 0);
	assert_int_equal(incline_timeline_take(&tl, &ev), 0);
	incline_timeline_sort(&tl);
	assert_string_equal(tl.events[0].evidence[0].article, "a.txt");
	assert_int_equal(tl.events[0].evidence[0].end, 8);
	assert_int_equal(tl.events[0].evidence[1].end, 9);
	assert_string_equal(tl.events[0].evidence[2].article, "b.txt");
	incline_timeline_free(&tl);
}

static void test_add_evidence_grows(void **state)
{
	incline_event ev;

	(void)state;
	memset(&ev, 0, sizeof ev);
	for (size_t i = 0; i < 100; i++) {
		incline_evidence e = evidence("a.txt", i, i + 1);

		assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
	}
	assert_int_equal(ev.n_evidence, 100);
	assert_true(ev.cap_evidence >= 100);
	assert_int_equal(ev.evidence[99].start, 99);
	assert_string_equal(ev.evidence[99].quote, "quote");
	/* adding an element of the array itself, across a reallocation */
	while (ev.n_evidence < ev.cap_evidence) {
		incline_evidence e = evidence("b.txt", 0, 1);

		assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
	}
	assert_int_equal(incline_event_add_evidence(&ev, &ev.evidence[0]), 0);
	assert_string_equal(ev.evidence[ev.n_evidence - 1].article, "a.txt");
	assert_ptr_not_equal(ev.evidence[ev.n_evidence - 1].article,
			     ev.evidence[0].article);
	incline_event_clear(&ev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_type_names_round_trip),
		cmocka_unit_test(test_basis_and_stance_names),
		cmocka_unit_test(test_copy_and_clear_with_nulls),
		cmocka_unit_test(test_add_actor_dedupes),
		cmocka_unit_test(test_id_stable_under_permutation),
		cmocka_unit_test(test_id_depends_on_type_and_spans),
		cmocka_unit_test(test_sort_order),
		cmocka_unit_test(test_sort_ties_broken_by_id),
		cmocka_unit_test(test_sort_orders_evidence),
		cmocka_unit_test(test_add_evidence_grows),
	};

	return cmocka_run_group_tests_name("event", tests, NULL, NULL);
}
