/* CSV of articles: header names, RFC 4180 quoting with CSV_STRICT,
 * embedded newlines and quotes, positions of errors, offsets. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/article.h"

#include "article_fixture.h"

static int parse(fixture *f, const char *buf, int keep_going)
{
	incline_read_opts o = {.ref_date = INCLINE_DAY_NONE};
	if (keep_going) {
		o.on_record_error = collect;
		o.payload = f;
	}
	return incline_article_parse_buffer(&f->list, "a.csv", buf, strlen(buf), &o, &f->err);
}

static const char *find(const incline_article *a, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= a->len && i <= a->len - n; i++)
		if (memcmp(a->bytes + i, needle, n) == 0)
			return a->bytes + i;
	return NULL;
}

static void span_is(const char *file, const incline_article *a, const char *needle, const char *raw)
{
	const char *p = find(a, needle);
	size_t s, e;
	assert_non_null(p);
	s = (size_t)(p - a->bytes);
	e = s + strlen(needle);
	incline_article_file_span(a, &s, &e);
	assert_int_equal(e - s, strlen(raw));
	assert_memory_equal(file + s, raw, e - s);
}

static void test_records(void **state)
{
	fixture *f = *state;
	const char *doc = "\xEF\xBB\xBFID, Date ,Title,Source,URL,extra,Text\r\n"
			  "a1,2023-09-19T10:00:00Z,ACME hacked,example.com,https://e.com/a,x,"
			  "\"Staff said \"\"we were hacked\"\".\r\nThe next day, systems went down.\"\r\n"
			  "\r\n"
			  "a2 , 2023-09-20 ,,,,,  Plain text; no quotes.  \r\n";
	const incline_article *a, *b;

	assert_int_equal(parse(f, doc, 0), 0);
	assert_int_equal(f->list.n, 2);
	a = f->list.items[0];
	b = f->list.items[1];
	assert_string_equal(a->id, "a.csv#a1");
	assert_string_equal(b->id, "a.csv#a2");
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 19));
	assert_int_equal(b->published, incline_date_from_ymd(2023, 9, 20));
	assert_string_equal(a->title, "ACME hacked");
	assert_string_equal(a->source, "example.com");
	assert_string_equal(a->url, "https://e.com/a");
	assert_null(b->title);
	assert_null(b->source);
	/* title first, doubled quotes single, the embedded line end kept */
	assert_int_equal(a->len, strlen("ACME hacked\n\nStaff said \"we were hacked\".\r\nThe next day, systems went down."));
	assert_memory_equal(a->bytes, "ACME hacked\n\nStaff said \"we were hacked\".\r\nThe next day", 55);
	span_is(doc, a, "\"we were hacked\"", "\"\"we were hacked\"\"");
	span_is(doc, a, "The next day", "The next day");
	span_is(doc, a, "ACME hacked", "ACME hacked");
	assert_int_equal(b->len, strlen("Plain text; no quotes."));
	span_is(doc, b, "Plain text; no quotes.", "Plain text; no quotes.");
}

static void test_strict_quotes(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "date,text\n2023-09-19,Hackers \"breached\" ACME\n", 0), INCLINE_EINVAL);
	assert_int_equal(f->err.line, 2);
	assert_int_equal(f->err.column, 20);
	assert_non_null(strstr(f->err.text, "invalid CSV"));
}

static void test_unterminated(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "date,text\n2023-09-19,\"One\ntwo\n2023-09-20,three\n", 0), INCLINE_EINVAL);
	assert_int_equal(f->err.line, 2);
	assert_int_equal(f->err.column, 12);
	assert_non_null(strstr(f->err.text, "quoted field not closed"));
}

static void test_header_only_and_empty(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "id,date,text\r\n", 0), INCLINE_EINVAL);
	assert_non_null(strstr(f->err.text, "only a header row"));
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "", 0), INCLINE_EINVAL);
	assert_string_equal(f->err.text, "empty csv file");
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "id,date\n1,2023-09-19\n", 0), INCLINE_EINVAL);
	assert_int_equal(f->err.line, 1);
	assert_non_null(strstr(f->err.text, "no text column"));
}

static void test_record_errors(void **state)
{
	fixture *f = *state;
	const char *doc = "date,text\n"
			  ",No date.\n"
			  "Sept 19,Bad date.\n"
			  "2023-09-19,\n"
			  "2023-09-19,Good.\n";
	assert_int_equal(parse(f, doc, 0), INCLINE_ENODATE);
	assert_int_equal(f->err.line, 2);
	assert_int_equal(f->err.column, 1);
	assert_int_equal(f->list.n, 0);
	assert_int_equal(parse(f, doc, 1), 0);
	assert_int_equal(f->list.n, 1);
	assert_string_equal(f->list.items[0]->id, "a.csv#4");
	assert_int_equal(f->n_seen, 3);
	assert_int_equal(f->seen[1].line, 3);
	assert_non_null(strstr(f->seen[1].text, "record 2: invalid date \"Sept 19\""));
	assert_int_equal(f->seen[2].line, 4);
	assert_non_null(strstr(f->seen[2].text, "record 3: no article text"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_strict_quotes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unterminated, setup, teardown),
		cmocka_unit_test_setup_teardown(test_header_only_and_empty, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_errors, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
