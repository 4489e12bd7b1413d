/* Unit tests of incident.h: slugs (hostile names too), file stems that
 * never collide, and extracting one incident's timeline. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incident_index.h"
#include "incline/incident.h"

static void slug_is(const char *name, const char *want)
{
	char out[INCLINE_SLUG_MAX + 1];

	assert_int_equal(incline_incident_slug(out, sizeof out, name), 0);
	assert_string_equal(out, want);
}

/* Every byte of a slug is [a-z0-9-], no "--", no leading/trailing "-". */
static void assert_safe(const char *s)
{
	size_t n = strlen(s);

	assert_true(n > 0 && n <= INCLINE_SLUG_MAX);
	assert_true(s[0] != '-' && s[n - 1] != '-');
	assert_null(strstr(s, "--"));
	assert_null(strstr(s, ".."));
	for (size_t i = 0; i < n; i++)
		assert_true((s[i] >= 'a' && s[i] <= 'z')
			    || (s[i] >= '0' && s[i] <= '9') || s[i] == '-');
}

static void test_slug(void **state)
{
	char out[INCLINE_SLUG_MAX + 1], big[4096];
	static const char *const hostile[] = {
		"../../etc/passwd", "/", "..", ".", "a/b\\c", "\x01\x02\x7f",
		"con", "\xd0\x98\xd0\xa1\xd0\xa1", "  --  ", "\r\n\t",
		"name\0hidden", "%s%n", "a..b", "-rf",
	};

	(void)state;
	slug_is("International Criminal Court", "international-criminal-court");
	slug_is("  Colonial   Pipeline, Inc. ", "colonial-pipeline-inc");
	slug_is("AT&T", "at-t");
	slug_is(NULL, "incident");
	slug_is("", "incident");
	slug_is("../../etc/passwd", "etc-passwd");
	slug_is("..", "incident");
	slug_is("\xd0\x98\xd0\xa1\xd0\xa1", "incident"); /* all Cyrillic */
	slug_is("Caf\xc3\xa9 Royal", "caf-royal");
	for (size_t i = 0; i < sizeof hostile / sizeof *hostile; i++) {
		assert_int_equal(incline_incident_slug(out, sizeof out,
						       hostile[i]), 0);
		assert_safe(out);
	}
	memset(big, 'a', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	for (size_t i = 7; i < sizeof big - 1; i += 9)
		big[i] = ' ';
	assert_int_equal(incline_incident_slug(out, sizeof out, big), 0);
	assert_safe(out);
	assert_int_equal(incline_incident_slug(out, 4, "x"), INCLINE_EUSAGE);
}

/* A timeline with incidents named names[0..n) and one event each. */
static void make(incline_timeline *tl, const char *const *names, size_t n)
{
	memset(tl, 0, sizeof *tl);
	tl->incidents = calloc(n, sizeof *tl->incidents);
	assert_non_null(tl->incidents);
	tl->n_incidents = n;
	for (size_t i = 0; i < n; i++) {
		incline_incident *in = &tl->incidents[i];
		incline_event ev;
		incline_evidence e;
		char art[32];

		snprintf(in->id, sizeof in->id, "in-%016zx", i + 0xab0);
		in->name = names[i] ? strdup(names[i]) : NULL;
		in->events = calloc(1, sizeof *in->events);
		assert_non_null(in->events);
		in->n_events = 1;
		memset(&ev, 0, sizeof ev);
		memset(&e, 0, sizeof e);
		snprintf(art, sizeof art, "art%zu.txt", i);
		e.article = art;
		e.quote = (char *)"Something happened.";
		e.published = INCLINE_DAY_NONE;
		assert_int_equal(incline_event_add_evidence(&ev, &e), 0);
		incline_event_assign_id(&ev);
		memcpy(ev.incident, in->id, sizeof ev.incident);
		memcpy(in->events[0], ev.id, sizeof ev.id);
		assert_int_equal(incline_timeline_take(tl, &ev), 0);
		assert_int_equal(incline_timeline_add_article(tl, art), 0);
	}
}

static void test_file_stem(void **state)
{
	static const char *const names[] = { "ACME Corp", "Acme corp.", "Other",
					     NULL, "../x" };
	char a[INCLINE_SLUG_MAX + 24], b[INCLINE_SLUG_MAX + 24];
	incline_timeline tl;

	(void)state;
	make(&tl, names, 5);
	assert_int_equal(incline_incident_file_stem(a, sizeof a, &tl, 0), 0);
	assert_int_equal(incline_incident_file_stem(b, sizeof b, &tl, 1), 0);
	assert_string_equal(a, "acme-corp-0000000000000ab0");
	assert_string_equal(b, "acme-corp-0000000000000ab1");
	assert_int_equal(incline_incident_file_stem(a, sizeof a, &tl, 2), 0);
	assert_string_equal(a, "other");
	assert_int_equal(incline_incident_file_stem(a, sizeof a, &tl, 3), 0);
	assert_string_equal(a, "incident");
	assert_int_equal(incline_incident_file_stem(a, sizeof a, &tl, 4), 0);
	assert_string_equal(a, "x");
	assert_int_equal(incline_incident_file_stem(a, sizeof a, &tl, 5),
			 INCLINE_EUSAGE);
	incline_timeline_free(&tl);
}

static void test_extract(void **state)
{
	static const char *const names[] = { "One", "Two" };
	incline_timeline tl, one = { 0 };

	(void)state;
	make(&tl, names, 2);
	assert_int_equal(incline_incident_extract(&one, &tl, 1), 0);
	assert_int_equal(one.n, 1);
	assert_int_equal(one.n_incidents, 1);
	assert_string_equal(one.incidents[0].name, "Two");
	assert_string_equal(one.events[0].incident, tl.incidents[1].id);
	assert_int_equal(one.n_articles, 1);
	assert_string_equal(one.articles[0], "art1.txt");
	assert_int_equal(incline_incident_extract(&one, &tl, 0), INCLINE_EUSAGE);
	incline_timeline_free(&one);
	assert_int_equal(incline_incident_extract(&one, &tl, 2), INCLINE_EUSAGE);
	incline_timeline_free(&tl);
}

/* Keeps the first name walked (victim_names' callback). */
static int first_name(void *payload, uint32_t v, const char *name)
{
	char *out = payload;

	(void)v;
	if (!out[0])
		snprintf(out, 128, "%s", name);
	return 0;
}

/* The victim of article "a" after adding sentences[0..n) to it, or "". */
static void victim_is(const char *const *sentences, size_t n,
		      const char *want)
{
	incline_incident_index *x = NULL;
	incline_error err;
	uint32_t v;
	char got[128] = "";

	assert_int_equal(incline_incident_index_new(&x, &err), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(incline_incident_index_add(
					 x, "a", 19000, INCLINE_EVENT_CONTEXT,
					 sentences[i], NULL, 0), 0);
	assert_int_equal(incline_incident_index_finish(x), 0);
	v = incline_incident_index_victim(x, "a");
	if (v != INCLINE_ENTITY_NONE)
		assert_int_equal(incline_incident_index_victim_names(
					 x, v, first_name, got), 0);
	assert_string_equal(got, want);
	incline_incident_index_free(x);
}

/* The victim is who the sentences say was hit, not who is named most:
 * vendors quoted, researchers, titled people. */
static void test_victim(void **state)
{
	static const char *const vendor[] = {
		"Omega said the flaw was patched.",
		"Omega researchers found the bug in May.",
		"Omega engineers had warned about the bug.",
		"According to Omega, an attack on Initech began in May.",
		"The Initech network was down for a day.",
	};
	static const char *const person[] = {
		"Deputy Superintendent Ron Ciranna talked about the attack.",
		"The district notified employees, Ciranna said.",
		"Ciranna said the breach at Manatee County was contained.",
	};
	static const char *const opening[] = {
		"Facebook discovered a security issue on Tuesday.",
		"The shares of Facebook fell after the disclosure.",
		"Facebook has reset the tokens, Reuters said.",
		"Companies were warned.", "Companies were warned again.",
	};
	static const char *const lone[] = {
		"Companies were warned.", "Companies were warned again.",
	};

	(void)state;
	victim_is(vendor, sizeof vendor / sizeof *vendor, "initech");
	victim_is(person, sizeof person / sizeof *person, "manatee county");
	victim_is(opening, sizeof opening / sizeof *opening, "facebook");
	/* a word only ever opening sentences is no name */
	victim_is(lone, sizeof lone / sizeof *lone, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_slug),
		cmocka_unit_test(test_file_stem),
		cmocka_unit_test(test_extract),
		cmocka_unit_test(test_victim),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
