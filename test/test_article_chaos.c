/* Failure injection for the article readers (STYLE.md 18): each input
 * format is read with the Nth allocation failing, N = 1, 2, ... until a
 * run meets no failure. Every run must give the undisturbed result or
 * INCLINE_ENOMEM; never a crash, another error, or a leak.
 *
 * Linked with -Wl,--wrap=malloc,... (Makefile, CHAOS_WRAP) like
 * test_chaos.c, so the readers' own allocations and libcsv's buffer (the
 * reader hands it realloc) fail. jansson's are left alone: its lexer
 * reports a failed allocation inside a string as a syntax error ("string
 * or '}' expected"), which no caller can tell from bad input; the readers
 * do turn the failures jansson does flag (json_error_out_of_memory, or no
 * message at all) into INCLINE_ENOMEM. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/article.h"

#include "chaos_wrap.h"

static int skip_record(const incline_error *err, void *payload)
{
	(void)err;
	(*(int *)payload)++;
	return 0;
}

/* What a read gave, as text (no allocation: a fixed buffer). */
static char summary[1 << 16];

static void summarise(const incline_article_list *l, int skipped)
{
	size_t n = 0;
	n += (size_t)snprintf(summary + n, sizeof summary - n, "skipped %d\n", skipped);
	for (size_t i = 0; i < l->n && n < sizeof summary; i++) {
		const incline_article *a = l->items[i];
		n += (size_t)snprintf(summary + n, sizeof summary - n, "%s %ld [%s] [%s] [%s] %.*s\n",
				      a->id, (long)a->published, a->title ? a->title : "-",
				      a->source ? a->source : "-", a->url ? a->url : "-",
				      (int)a->len, a->bytes);
		for (size_t k = 0; k <= a->len && n < sizeof summary; k += 7) {
			size_t s = k, e = a->len;
			incline_article_file_span(a, &s, &e);
			n += (size_t)snprintf(summary + n, sizeof summary - n, "%zu-%zu ", s, e);
		}
	}
}

/* Reads buf as path with allocation fail_at failing; rc, summary. */
static int read_once(const char *path, const char *buf, unsigned long fail_at)
{
	incline_read_opts o = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list l = {0};
	incline_error err;
	int skipped = 0, rc;

	o.on_record_error = skip_record;
	o.payload = &skipped;
	incline_error_clear(&err);
	chaos_arm(fail_at);
	rc = incline_article_parse_buffer(&l, path, buf, strlen(buf), &o, &err);
	chaos.fail_at = 0; /* disarmed; chaos.failed still tells */
	if (rc == 0)
		summarise(&l, skipped);
	incline_article_list_free(&l);
	if (rc != 0 && rc != INCLINE_ENOMEM)
		fail_msg("%s, allocation %lu failing: %s (%d)", path, fail_at, err.text, rc);
	return rc;
}

static void every_failure(const char *path, const char *buf)
{
	static char want[sizeof summary];
	long live = chaos.live;
	unsigned long n;

	assert_int_equal(read_once(path, buf, 0), 0);
	memcpy(want, summary, sizeof want);
	assert_int_equal(chaos.live, live);
	for (n = 1; n < 100000; n++) {
		int rc = read_once(path, buf, n);
		if (chaos.live != live)
			fail_msg("%s: allocation %lu failing leaks %ld blocks", path, n, chaos.live - live);
		if (rc == 0 && strcmp(summary, want) != 0)
			fail_msg("%s: allocation %lu failing changed the result", path, n);
		if (!chaos.failed)
			break;
	}
	assert_true(n > 5); /* the readers did allocate */
}

static void test_json(void **state)
{
	(void)state;
	every_failure("a.json", "[{\"id\": \"a\", \"title\": \"ACME \\u201chacked\\u201d\", \"date\": "
				"\"2023-09-19T10:00:00Z\", \"source\": \"s\", \"url\": \"u\",\n"
				"  \"text\": \"Caf\\u00e9 staff said \\\"hacked\\\".\\nThen \\ud83d\\ude00.\"},\n"
				" {\"text\": \"No date.\"}, {\"body\": \"Two.\", \"published\": \"2023-09-20\"}]");
}

static void test_ndjson(void **state)
{
	(void)state;
	every_failure("a.ndjson", "{\"maintext\": \"One.\", \"date_publish\": \"2023-09-19 08:00:00\"}\n"
				  "{broken\n{\"text\": \"Two \\\"q\\\".\", \"date\": \"2023-09-20\", \"id\": 7}\n");
}

static void test_csv(void **state)
{
	(void)state;
	every_failure("a.csv", "id,date,title,text\r\n1,2023-09-19,T,\"Staff said \"\"hacked\"\".\r\nNext.\"\r\n"
			       "2,bad,T2,x\r\n3,2023-09-20,,Plain.\r\n");
}

static void test_html(void **state)
{
	(void)state;
	every_failure("a.html",
		      "<html><head><title>T | Site</title><meta property=\"og:site_name\" content=\"S\">"
		      "<script type=\"application/ld+json\">{\"headline\": \"H\", \"datePublished\": "
		      "\"2023-09-19\"}</script><link rel=canonical href=\"https://e.com/a\"></head>"
		      "<body><nav>Menu</nav><article><h1>Title &amp; more</h1><p>Hackers <b>broke</b> in"
		      "\n  on Monday &ndash; caf&#233;.</p><p>Second.</p></article></body></html>");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_ndjson),
		cmocka_unit_test(test_csv),
		cmocka_unit_test(test_html),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
