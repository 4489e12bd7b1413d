/* The cue-table matcher: literal words, prefixes, alternatives, gaps,
 * longest match per class, actor aliases. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "lexicon.h"

static incline_lexicon *lex;

static int setup(void **state)
{
	(void)state;
	incline_error err;
	return incline_lexicon_new(&lex, &err);
}

static int teardown(void **state)
{
	(void)state;
	incline_lexicon_free(lex);
	return 0;
}

/* Splits a folded sentence on spaces and returns the hits (caller frees). */
static lex_hit *match(const char *sentence, size_t *n)
{
	char *copy = strdup(sentence), *save = NULL;
	const char *toks[64];
	size_t nt = 0, cap = 0;
	lex_hit *hits = NULL;
	for (char *t = strtok_r(copy, " ", &save); t && nt < 64; t = strtok_r(NULL, " ", &save))
		toks[nt++] = t;
	*n = 0;
	assert_int_equal(incline_lexicon_match(lex, toks, nt, &hits, n, &cap), 0);
	free(copy);
	return hits;
}

/* The hit of class cls, or NULL. */
static const lex_hit *hit_of(const lex_hit *hits, size_t n, int cls)
{
	for (size_t i = 0; i < n; i++)
		if (hits[i].cls == cls)
			return &hits[i];
	return NULL;
}

typedef struct {
	const char *sentence;
	int cls;
	int first; /* -1: must not match */
	int last;
} match_case;

static const match_case cases[] = {
	{"hackers breached the network", INCLINE_EVENT_INTRUSION, 0, 1},       /* agent and act */
	{"the network was breached", INCLINE_EVENT_INTRUSION, 3, 3},
	{"security firms track the hackers closely", INCLINE_EVENT_INTRUSION, -1, 0}, /* an agent alone */
	{"the malware is written in go", INCLINE_EVENT_INTRUSION, -1, 0},      /* a tool alone */
	{"the attackers demanded 50 bitcoins", INCLINE_EVENT_INTRUSION, 1, 2},
	{"it shrinks the attack surface", LEX_NONEVENT, 3, 4},
	{"patches protect users against such attacks", LEX_NONEVENT, 1, 5},
	{"the server was compromised", INCLINE_EVENT_INTRUSION, 3, 3},          /* prefix "compromis*" */
	{"they took the whole system offline", INCLINE_EVENT_RESPONSE, 1, 5},  /* gap of 3 */
	{"they took a very long and slow route offline", INCLINE_EVENT_RESPONSE, -1, 0}, /* gap too long */
	{"staff became aware of it", INCLINE_EVENT_DETECTION, 1, 2},
	{"a flaw tracked as cve-2023-4863", LEX_FLAW, 1, 1},
	{"the flaw is tracked as cve-2023-4863 now", LEX_FINDING, 3, 3},
	{"the patch for cve-2023-4863", LEX_FLAW, 3, 3},                       /* prefix "cve-*" */
	{"the server is vulnerable", INCLINE_EVENT_VULNERABILITY, 2, 3},
	{"the vulnerability of the court", INCLINE_EVENT_VULNERABILITY, -1, 0},
	{"there is no evidence of misuse", LEX_NEG_SCOPE, 2, 3},
	{"the attackers may have accessed records", LEX_HEDGE, 2, 3},
	{"according to the company", LEX_ACCORDING, 0, 1},
	{"the weather was compromised", INCLINE_EVENT_PATCH, -1, 0},
	{"the marching band", INCLINE_EVENT_INTRUSION, -1, 0},
};

static void test_cases(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		size_t n;
		lex_hit *hits = match(cases[i].sentence, &n);
		const lex_hit *h = hit_of(hits, n, cases[i].cls);
		if (cases[i].first < 0) {
			if (h)
				fail_msg("'%s': unexpected hit of class %d", cases[i].sentence, cases[i].cls);
		} else {
			if (!h)
				fail_msg("'%s': no hit of class %d", cases[i].sentence, cases[i].cls);
			assert_int_equal(h->first, cases[i].first);
			assert_int_equal(h->last, cases[i].last);
		}
		free(hits);
	}
}

/* "may have" is a hedge and "may" a modal: both classes report, the
 * longest match per class wins. */
static void test_longest_per_class(void **state)
{
	(void)state;
	size_t n;
	lex_hit *hits = match("officials declined to comment on the origin", &n);
	const lex_hit *h = hit_of(hits, n, LEX_NEG_SCOPE);
	assert_non_null(h);
	assert_int_equal(h->first, 1);
	assert_int_equal(h->last, 3);
	assert_non_null(hit_of(hits, n, LEX_NEGATION));
	free(hits);
}

static void test_actors(void **state)
{
	(void)state;
	size_t n;
	lex_hit *hits = match("researchers blamed fancy bear for it", &n);
	const lex_hit *h = hit_of(hits, n, LEX_ACTOR);
	assert_non_null(h);
	assert_string_equal(h->actor, "APT28");
	assert_int_equal(h->first, 2);
	assert_int_equal(h->last, 3);
	free(hits);

	assert_int_equal(incline_lexicon_add_actor(lex, "noisy kitten", "APT99"), 0);
	hits = match("it was noisy kitten again", &n);
	h = hit_of(hits, n, LEX_ACTOR);
	assert_non_null(h);
	assert_string_equal(h->actor, "APT99");
	free(hits);
	/* pattern syntax in a user's alias is refused, not interpreted */
	assert_int_equal(incline_lexicon_add_actor(lex, "evil*", "X"), INCLINE_EUSAGE);
}

/* The matcher's fast paths at their edges: the word after a first word
 * at the sentence's end or missing, a gap's reach (LEX_GAP words) to
 * the last word, words of every length the hash reads differently (up to
 * 3 bytes, 4 to 8, longer), and incline_lexicon_match_n with the lengths
 * given finds what incline_lexicon_match finds. */
static const match_case edge_cases[] = {
	{"according", LEX_ACCORDING, -1, 0},                 /* 2nd word past the end */
	{"it was according to", LEX_ACCORDING, 2, 3},        /* 2nd word is the last */
	{"they declined to", LEX_NEG_SCOPE, -1, 0},          /* a gap's target past the end */
	{"declined to a b c d comment", LEX_NEG_SCOPE, 0, 6}, /* the gap's last word */
	{"declined to a b c d e comment", LEX_NEG_SCOPE, -1, 0}, /* one word too far */
	{"the a b c attack", LEX_PRESUPPOSED, 0, 4},         /* gap after the first word */
	{"the a b c d e attack", LEX_PRESUPPOSED, -1, 0},
	{"if", LEX_MODAL, 0, 0},                             /* 2 bytes */
	{"not", LEX_NEGATION, 0, 0},                         /* 3 */
	{"hack", INCLINE_EVENT_INTRUSION, 0, 0},             /* 4 */
	{"ransomware hit", INCLINE_EVENT_INTRUSION, 0, 1},   /* 10 */
	{"phishers stole", INCLINE_EVENT_INTRUSION, 0, 1},   /* 8 */
	{"cybercriminals stole", INCLINE_EVENT_INTRUSION, 0, 1}, /* 14 */
	{"cyber-criminals stole", INCLINE_EVENT_INTRUSION, 0, 1}, /* 15 */
	{"hackerz stole", INCLINE_EVENT_INTRUSION, 1, 1},    /* an unknown 7-byte word */
	{"hack3", INCLINE_EVENT_INTRUSION, -1, 0},
	{"hac", INCLINE_EVENT_INTRUSION, -1, 0},
	{"cyber-criminalz stole", INCLINE_EVENT_INTRUSION, 1, 1},
	{"compromis", INCLINE_EVENT_INTRUSION, 0, 0},        /* a prefix row, the bare prefix */
};

static void test_edges(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof edge_cases / sizeof *edge_cases; i++) {
		const match_case *c = &edge_cases[i];
		char *copy = strdup(c->sentence), *save = NULL;
		const char *toks[64];
		size_t lens[64], nt = 0, n = 0, n2 = 0, cap = 0, cap2 = 0;
		lex_hit *hits = match(c->sentence, &n), *hits2 = NULL;
		const lex_hit *h = hit_of(hits, n, c->cls);

		if (c->first < 0 && h)
			fail_msg("'%s': unexpected hit of class %d", c->sentence, c->cls);
		if (c->first >= 0) {
			if (!h)
				fail_msg("'%s': no hit of class %d", c->sentence, c->cls);
			assert_int_equal(h->first, c->first);
			assert_int_equal(h->last, c->last);
		}
		for (char *t = strtok_r(copy, " ", &save); t && nt < 64; t = strtok_r(NULL, " ", &save)) {
			lens[nt] = strlen(t);
			toks[nt++] = t;
		}
		assert_int_equal(incline_lexicon_match_n(lex, toks, lens, nt, &hits2, &n2, &cap2), 0);
		assert_int_equal(n2, n);
		for (size_t k = 0; k < n; k++) {
			assert_int_equal(hits2[k].cls, hits[k].cls);
			assert_int_equal(hits2[k].first, hits[k].first);
			assert_int_equal(hits2[k].last, hits[k].last);
			assert_ptr_equal(hits2[k].actor, hits[k].actor);
		}
		(void)cap;
		free(hits);
		free(hits2);
		free(copy);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_longest_per_class),
		cmocka_unit_test(test_actors),
		cmocka_unit_test(test_edges),
	};
	return cmocka_run_group_tests_name("lexicon", tests, setup, teardown);
}
