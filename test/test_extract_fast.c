/* The extractor's fast paths against the byte paths they stand for.
 * fold_words folds a word 8 bytes at a time when those bytes are ASCII
 * and lie inside the sentence, else byte by byte; the lexicon skips rows
 * whose next word cannot match. The same sentence must give the same
 * events whichever path each word takes: written with ASCII spaces (fast
 * path) and with no-break spaces (U+00A0, two bytes that are not ASCII:
 * the byte path for the word before each), wherever its words fall
 * against 8-byte boundaries, and with a word ending the article's bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/incline.h"

#define PUB "2023-09-19"
#include "extract_fixture.h"

/* Undated, so the date scanner (which reads a no-break space its own
 * way) has no say; cue words of 5 to 17 bytes, in either case, some last
 * in their sentence. */
static const char *const sentences[] = {
	"Hackers breached the company's network.",
	"CYBERCRIMINALS STOLE the records of the CITY",
	"The servers of the council were COMPROMISED",
	"Attackers exfiltrated the customer database and leaked it",
	"The firm detected the INTRUSION and notified the regulator.",
	"The attackers demanded a ransom in bitcoin",
	"Cyber-criminals accessed the payroll system",
	"The company said it patched the vulnerability",
	"Officials declined to comment on the breach",
	"The hospital took its systems offline",
	"Unauthorized access to the mailboxes was DISCOVERED",
	"CYBER-CRIMINALS INFILTRATED the network",
	"Denial-of-service attacks knocked the site offline",
};

/* s with every ASCII space replaced by U+00A0 (malloc'd). */
static char *nbsp(const char *s)
{
	char *out = malloc(strlen(s) * 2 + 1), *d = out;

	assert_non_null(out);
	for (; *s; s++) {
		if (*s == ' ') {
			*d++ = '\xC2';
			*d++ = '\xA0';
		} else {
			*d++ = *s;
		}
	}
	*d = '\0';
	return out;
}

/* The event types of tl, as one string ("intrusion,patch,"). */
static void types_of(const incline_timeline *tl, char *out, size_t cap)
{
	out[0] = '\0';
	for (size_t i = 0; i < tl->n; i++) {
		strncat(out, incline_event_type_name(tl->events[i].type), cap - strlen(out) - 1);
		strncat(out, ",", cap - strlen(out) - 1);
	}
}

static void test_same_events_either_path(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof sentences / sizeof *sentences; i++) {
		for (size_t pad = 0; pad < 9; pad++) {
			char fast[512], slow[512], tf[256], ts[256];
			char *b = nbsp(sentences[i]);
			incline_timeline a = {0}, c = {0};

			/* pad shifts every word against the 8-byte steps */
			snprintf(fast, sizeof fast, "%*s%s", (int)pad, "", sentences[i]);
			snprintf(slow, sizeof slow, "%*s%s", (int)pad, "", b);
			extract_text(&a, fast);
			extract_text(&c, slow);
			types_of(&a, tf, sizeof tf);
			types_of(&c, ts, sizeof ts);
			if (strcmp(tf, ts) != 0)
				fail_msg("'%s' (pad %zu): %s vs %s", sentences[i], pad, tf, ts);
			assert_true(a.n > 0);
			incline_timeline_free(&a);
			incline_timeline_free(&c);
			free(b);
		}
	}
}

/* An article whose bytes end with a word, in a buffer of exactly that
 * size (ASan would see a read past it), short words and long. */
static void test_word_at_the_end(void **state)
{
	static const char *const bodies[] = {
		"Hackers breached the network",
		"The data was leaked",
		"The files were EXFILTRATED",
		"x",
		"The council's servers were compromised by cybercriminals",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bodies / sizeof *bodies; i++) {
		char head[64];
		int hn = snprintf(head, sizeof head, " date " PUB " Headline\n\n");
		size_t n = (size_t)hn + strlen(bodies[i]);
		char *buf = malloc(n);
		incline_article *art;
		incline_timeline tl = {0};
		incline_error err;
		incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};

		assert_non_null(buf);
		memcpy(buf, head, (size_t)hn);
		memcpy(buf + hn, bodies[i], n - (size_t)hn);
		incline_error_clear(&err);
		assert_int_equal(incline_article_parse(&art, "t.txt", buf, n, &opts, &err), 0);
		assert_int_equal(incline_extract_article(&tl, extractor, art, &err), 0);
		assert_true(i == 3 ? tl.n == 0 : tl.n > 0);
		incline_article_free(art);
		incline_timeline_free(&tl);
		free(buf);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_events_either_path),
		cmocka_unit_test(test_word_at_the_end),
	};
	return cmocka_run_group_tests_name("extract_fast", tests, setup, teardown);
}
