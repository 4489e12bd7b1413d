/* Unit tests of entity.h: names, acronyms and expansions in sentences,
 * look-alike spellings, and what is left out. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/entity.h"

static int setup(void **state)
{
	incline_entity_finder *f = NULL;
	incline_error err;

	incline_error_clear(&err);
	if (incline_entity_finder_new(&f, &err))
		return -1;
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	incline_entity_finder_free(*state);
	return 0;
}

/* The spellings found in s, joined with "|"; with_roles adds each one's
 * role: ":v" victim, ":t" teller, ":p" a titled person's surname, ":-"
 * none, and "^" for a lone sentence-opening word. */
static void describe(char *out, size_t cap, incline_entity_finder *f,
		     const char *s, bool with_roles)
{
	static const char mark[] = "-vtp";
	incline_entity_list l = { 0 };
	size_t n = 0;

	out[0] = '\0';
	assert_int_equal(incline_entity_find(&l, f, s, strlen(s)), 0);
	for (size_t i = 0; i < l.n; i++) {
		const incline_entity *e = &l.items[i];

		n += (size_t)snprintf(out + n, cap - n, "%s%s", i ? "|" : "",
				      incline_entity_surface(f, e->surface));
		if (with_roles)
			n += (size_t)snprintf(out + n, cap - n, ":%c%s",
					      mark[e->role], e->initial ? "^" : "");
	}
	incline_entity_list_free(&l);
}

static void names(char *out, size_t cap, incline_entity_finder *f,
		  const char *s)
{
	describe(out, cap, f, s, false);
}

static void roles(char *out, size_t cap, incline_entity_finder *f,
		  const char *s)
{
	describe(out, cap, f, s, true);
}

static void test_names(void **state)
{
	incline_entity_finder *f = *state;
	char buf[512];

	names(buf, sizeof buf, f, "An International Criminal Court field office "
	      "was inaugurated in Kyiv on Sept. 14.");
	assert_string_equal(buf, "International Criminal Court|Kyiv");
	names(buf, sizeof buf, f, "Hackers hit the Department of Health and "
	      "British Airways on Monday, Mandiant and the FBI said.");
	assert_string_equal(buf, "Department of Health|British Airways");
	/* sentence-initial words, months, headline nouns alone */
	names(buf, sizeof buf, f, "Nevertheless, In August the Court said.");
	assert_string_equal(buf, "");
	names(buf, sizeof buf, f, "Ransomware hit Acme Corp's servers.");
	assert_string_equal(buf, "Acme Corp");
	/* attackers are no victims */
	names(buf, sizeof buf, f, "Officials said APT28 and Fancy Bear hit "
	      "Acme Corp.");
	assert_string_equal(buf, "Acme Corp");
	names(buf, sizeof buf, f, "#LAST MINUTE Cyber attack on the "
	      "International Criminal Court");
	assert_string_equal(buf, "International Criminal Court");
}

static void test_roles(void **state)
{
	incline_entity_finder *f = *state;
	char buf[512];

	/* quoted sources and researchers tell; the attacked suffer */
	roles(buf, sizeof buf, f, "According to Foobar Networks, an attack on "
	      "the Acme Corp began in May.");
	assert_string_equal(buf, "Foobar Networks:t|Acme Corp:v");
	roles(buf, sizeof buf, f, "Researchers at Zeta found that Omega's "
	      "servers were exposed.");
	assert_string_equal(buf, "Zeta:t|Omega:v");
	roles(buf, sizeof buf, f, "They said Initech Labs spotted it first.");
	assert_string_equal(buf, "Initech Labs:t");
	/* passive suffering, active owning up; "was notified" is neither */
	roles(buf, sizeof buf, f, "Globex was breached, Initech said.");
	assert_string_equal(buf, "Globex:v^|Initech:-");
	roles(buf, sizeof buf, f, "Last week Globex has notified users and Hooli "
	      "was notified too.");
	assert_string_equal(buf, "Globex:v|Hooli:-");
	roles(buf, sizeof buf, f, "In May the Umbrella network went down.");
	assert_string_equal(buf, "Umbrella:v");
	/* titled people are people; the company before the title stays */
	roles(buf, sizeof buf, f, "Mayor Keisha Lance Bottoms said Atlanta "
	      "was hit.");
	assert_string_equal(buf, "Bottoms:p|Atlanta:v");
	roles(buf, sizeof buf, f, "It said Widget Corp CEO Jane Doe quit.");
	assert_string_equal(buf, "Doe:p|Widget Corp:-");
	roles(buf, sizeof buf, f, "They thanked spokesman John Smith.");
	assert_string_equal(buf, "Smith:p");
	/* identifiers are nobody */
	roles(buf, sizeof buf, f, "The bug CVE-2018-16864 hit Linux users.");
	assert_string_equal(buf, "Linux:v");
}

/* An acronym stands for the one name its letters begin. */
static void test_initials(void **state)
{
	incline_entity_finder *f = *state;
	incline_entity_list l = { 0 };
	const char *s = "The World Anti-Doping Agency and the International "
			"Association of Athletics Federations met Acme Lab "
			"Fund and Alpha Law Firm, said WADA, IAAF and ALF.";
	uint32_t wada, iaaf, al;

	assert_int_equal(incline_entity_find(&l, f, s, strlen(s)), 0);
	assert_int_equal(l.n, 7);
	wada = l.items[4].key;
	iaaf = l.items[5].key;
	al = l.items[6].key;
	assert_string_equal(incline_entity_key(f, wada), "wada");
	assert_int_equal(incline_entity_expand(f, wada), l.items[0].key);
	assert_int_equal(incline_entity_expand(f, iaaf), l.items[1].key);
	/* two names begin with A, L, F: neither */
	assert_int_equal(incline_entity_expand(f, al), INCLINE_ENTITY_NONE);
	/* a name is no acronym */
	assert_int_equal(incline_entity_expand(f, l.items[0].key),
			 INCLINE_ENTITY_NONE);
	incline_entity_list_free(&l);
}

static void test_expansion_and_lookalikes(void **state)
{
	incline_entity_finder *f = *state;
	incline_entity_list l = { 0 };
	const char *s = "The International Criminal Court (ICC) reported it.";
	const char *cyr = "I\xd0\xa1\xd0\xa1 continues to eliminate the "
			  "consequences"; /* Cyrillic Es twice */
	uint32_t icc;

	assert_int_equal(incline_entity_find(&l, f, s, strlen(s)), 0);
	assert_int_equal(l.n, 2);
	assert_false(l.items[0].acronym);
	assert_true(l.items[1].acronym);
	assert_int_equal(l.items[1].long_form, l.items[0].key);
	assert_string_equal(incline_entity_key(f, l.items[1].key), "icc");
	assert_int_equal(l.items[1].span.start, 34);
	assert_int_equal(l.items[1].span.end, 37);
	icc = l.items[1].key;
	l.n = 0;
	assert_int_equal(incline_entity_find(&l, f, cyr, strlen(cyr)), 0);
	assert_int_equal(l.n, 1);
	assert_true(l.items[0].acronym);
	assert_int_equal(l.items[0].key, icc);
	assert_string_equal(incline_entity_surface(f, l.items[0].surface),
			    "I\xd0\xa1\xd0\xa1");
	incline_entity_list_free(&l);
}

static void test_junk(void **state)
{
	incline_entity_finder *f = *state;
	incline_entity_list l = { 0 };
	const char junk[] = "\xff\xfe A\x00B (C) ( ) (ZZ \xe2\x80";

	assert_int_equal(incline_entity_find(&l, f, junk, sizeof junk - 1), 0);
	assert_int_equal(incline_entity_find(&l, f, "", 0), 0);
	assert_int_equal(incline_entity_find(&l, f, "X (", 3), 0);
	incline_entity_list_free(&l);
	assert_null(incline_entity_key(f, INCLINE_ENTITY_NONE));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_names, setup, teardown),
		cmocka_unit_test_setup_teardown(test_roles, setup, teardown),
		cmocka_unit_test_setup_teardown(test_initials, setup, teardown),
		cmocka_unit_test_setup_teardown(test_expansion_and_lookalikes,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_junk, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
