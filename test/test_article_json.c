/* JSON and NDJSON article records, format detection, gzip, and the map
 * from decoded text back to the file. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <zlib.h>

#include "incline/article.h"

#include "article_fixture.h"

static int parse(fixture *f, const char *path, const char *buf, incline_input_format fmt, int keep_going)
{
	incline_read_opts o = {.ref_date = INCLINE_DAY_NONE, .format = fmt};
	if (keep_going) {
		o.on_record_error = collect;
		o.payload = f;
	}
	return incline_article_parse_buffer(&f->list, path, buf, strlen(buf), &o, &f->err);
}

/* First occurrence of needle in a's bytes (memmem is not POSIX). */
static const char *find(const incline_article *a, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = 0; n <= a->len && i <= a->len - n; i++)
		if (memcmp(a->bytes + i, needle, n) == 0)
			return a->bytes + i;
	return NULL;
}

/* The file bytes under the decoded span of `needle` in article a. */
static void file_span_of(const incline_article *a, const char *needle, size_t *s, size_t *e)
{
	const char *p = find(a, needle);
	assert_non_null(p);
	*s = (size_t)(p - a->bytes);
	*e = *s + strlen(needle);
	incline_article_file_span(a, s, e);
}

static void span_is(const char *file, const incline_article *a, const char *needle, const char *raw)
{
	size_t s, e;
	file_span_of(a, needle, &s, &e);
	assert_int_equal(e - s, strlen(raw));
	assert_memory_equal(file + s, raw, e - s);
}

static void test_array_of_records(void **state)
{
	fixture *f = *state;
	const char *doc =
		"[\n"
		" {\"id\": \"a1\", \"title\": \"ACME hacked\", \"date\": \"2023-09-19T22:30:00-04:00\",\n"
		"  \"source\": \"example.com\", \"url\": \"https://example.com/a\",\n"
		"  \"text\": \"Hackers breached ACME on Monday.\"},\n"
		" {\"body\": \"ACME confirmed it.\", \"datePublished\": \"2023-09-20\", \"id\": 42}\n"
		"]\n";
	const incline_article *a, *b;

	assert_int_equal(parse(f, "in.json", doc, INCLINE_INPUT_AUTO, 0), 0);
	assert_int_equal(f->list.n, 2);
	a = f->list.items[0];
	b = f->list.items[1];
	assert_string_equal(a->id, "in.json#a1");
	assert_string_equal(b->id, "in.json#42");
	assert_string_equal(a->path, "in.json");
	/* the date part of a datetime, as the outlet wrote it */
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 19));
	assert_int_equal(b->published, incline_date_from_ymd(2023, 9, 20));
	assert_string_equal(a->title, "ACME hacked");
	assert_string_equal(a->source, "example.com");
	assert_string_equal(a->url, "https://example.com/a");
	assert_null(b->source);
	/* the title is the first paragraph */
	assert_int_equal(a->len, strlen("ACME hacked\n\nHackers breached ACME on Monday."));
	assert_memory_equal(a->bytes, "ACME hacked\n\nHackers breached ACME on Monday.", a->len);
	assert_int_equal(a->body.start, 0);
	assert_int_equal(a->body.end, a->len);
	span_is(doc, a, "Hackers breached", "Hackers breached");
	span_is(doc, a, "ACME hacked", "ACME hacked");
	span_is(doc, b, "confirmed", "confirmed");
}

static void test_escapes_map_to_the_file(void **state)
{
	fixture *f = *state;
	const char *doc = "{\"date\": \"2023-09-19\", \"text\": \"Caf\\u00e9 staff said \\\"we were hacked\\\".\\n"
			  "\\ud83d\\ude00 Then ransomware.\\tEnd\\/\"}";
	const incline_article *a;
	incline_article view;
	size_t s, e;

	assert_int_equal(parse(f, "one.json", doc, INCLINE_INPUT_AUTO, 0), 0);
	assert_int_equal(f->list.n, 1);
	a = f->list.items[0];
	assert_string_equal(a->id, "one.json"); /* one object: the path */
	assert_non_null(a->map);
	assert_memory_equal(a->bytes, "Caf\xC3\xA9 staff said \"we were hacked\".\n\xF0\x9F\x98\x80 Then", 44);
	span_is(doc, a, "Caf\xC3\xA9", "Caf\\u00e9");
	span_is(doc, a, "\"we were hacked\"", "\\\"we were hacked\\\"");
	span_is(doc, a, "we were hacked", "we were hacked");
	span_is(doc, a, "\xF0\x9F\x98\x80 Then", "\\ud83d\\ude00 Then");
	span_is(doc, a, "ransomware.\tEnd/", "ransomware.\\tEnd\\/");
	/* a span ending inside a decoded character takes all of its escape */
	file_span_of(a, "Caf\xC3", &s, &e);
	assert_int_equal(e - s, strlen("Caf\\u00e9"));
	/* the view shows the file's bytes at file offsets */
	incline_article_file_view(&view, a);
	file_span_of(a, "staff said", &s, &e);
	assert_true(s >= view.base && e - view.base <= view.len);
	assert_memory_equal(view.bytes + (s - view.base), "staff said", 10);
}

static void test_ndjson(void **state)
{
	fixture *f = *state;
	const char *doc = "{\"maintext\": \"One.\", \"date_publish\": \"2023-09-19 08:00:00\"}\n"
			  "\n"
			  "  {\"content\": \"Two.\", \"publish_date\": \"2023-09-20\", \"outlet\": \"o\"}  \r\n";

	assert_int_equal(parse(f, "x.ndjson", doc, INCLINE_INPUT_AUTO, 0), 0);
	assert_int_equal(f->list.n, 2);
	assert_string_equal(f->list.items[0]->id, "x.ndjson#1");
	assert_string_equal(f->list.items[1]->id, "x.ndjson#2");
	assert_string_equal(f->list.items[1]->source, "o");
	span_is(doc, f->list.items[1], "Two.", "Two.");
}

static void test_lines_in_a_json_file(void **state)
{
	fixture *f = *state;
	/* .json holding one object per line is read as NDJSON */
	const char *doc = "{\"text\": \"One.\", \"date\": \"2023-09-19\"}\n{\"text\": \"Two.\", \"date\": \"2023-09-19\"}\n";
	assert_int_equal(parse(f, "x.json", doc, INCLINE_INPUT_JSON, 0), 0);
	assert_int_equal(f->list.n, 2);
}

static void test_synonyms_rank(void **state)
{
	fixture *f = *state;
	/* "text" wins over "body" whatever their order; null is absent */
	const char *doc = "{\"body\": \"Body.\", \"text\": \"Text.\", \"title\": null, \"date\": null,"
			  " \"published\": \"2023-09-19\"}";
	assert_int_equal(parse(f, "s.json", doc, INCLINE_INPUT_AUTO, 0), 0);
	assert_int_equal(f->list.items[0]->len, 5);
	assert_memory_equal(f->list.items[0]->bytes, "Text.", 5);
	assert_null(f->list.items[0]->title);
	assert_int_equal(f->list.items[0]->published, incline_date_from_ymd(2023, 9, 19));
}

static void test_record_errors(void **state)
{
	fixture *f = *state;
	const char *doc = "[{\"text\": 42, \"date\": \"2023-09-19\"},\n"
			  " {\"text\": \"No date.\"},\n"
			  " {\"text\": \"Bad date.\", \"date\": \"19/09/2023\"},\n"
			  " {\"date\": \"2023-09-19\"},\n"
			  " \"a string\",\n"
			  " {\"text\": \"Good.\", \"date\": \"2023-09-19\", \"id\": [1]},\n"
			  " {\"text\": \"Fine.\", \"date\": \"2023-09-19\"}]";

	/* without a callback the first bad record is the error */
	assert_int_equal(parse(f, "r.json", doc, INCLINE_INPUT_AUTO, 0), INCLINE_EINVAL);
	assert_int_equal(f->err.line, 1);
	assert_int_equal(f->err.column, 11);
	assert_string_equal(f->err.text, "record 1: field \"text\" is a number, expected a string");
	assert_int_equal(f->list.n, 0);

	/* with one, each is reported and skipped */
	assert_int_equal(parse(f, "r.json", doc, INCLINE_INPUT_AUTO, 1), 0);
	assert_int_equal(f->list.n, 1);
	assert_string_equal(f->list.items[0]->id, "r.json#7");
	assert_int_equal(f->n_seen, 6);
	assert_int_equal(f->seen[1].code, INCLINE_ENODATE);
	assert_int_equal(f->seen[1].line, 2);
	assert_int_equal(f->seen[1].column, 2);
	assert_string_equal(f->seen[1].file, "r.json");
	assert_non_null(strstr(f->seen[2].text, "invalid date \"19/09/2023\""));
	assert_int_equal(f->seen[2].line, 3);
	assert_non_null(strstr(f->seen[3].text, "record 4: no article text"));
	assert_non_null(strstr(f->seen[4].text, "record 5: a string, expected an article object"));
	assert_non_null(strstr(f->seen[5].text, "field \"id\" is an array"));
}

static void test_ref_date_fills_in(void **state)
{
	fixture *f = *state;
	incline_read_opts o = {.ref_date = incline_date_from_ymd(2020, 1, 2)};
	const char *doc = "{\"text\": \"No date.\"}";
	assert_int_equal(incline_article_parse_buffer(&f->list, "d.json", doc, strlen(doc), &o, &f->err), 0);
	assert_int_equal(f->list.items[0]->published, incline_date_from_ymd(2020, 1, 2));
}

static void test_malformed(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "m.json", "[{\"text\": \"a\",\n  \"date\": }]", INCLINE_INPUT_AUTO, 0),
			 INCLINE_EINVAL);
	assert_int_equal(f->err.line, 2);
	assert_int_equal(f->err.column, 11);
	assert_non_null(strstr(f->err.text, "invalid JSON"));
	assert_int_equal(f->list.n, 0);
}

static void test_bad_ndjson_line(void **state)
{
	fixture *f = *state;
	const char *doc = "{\"text\": \"One.\", \"date\": \"2023-09-19\"}\n{\"text\": \n{\"text\": \"Three.\", \"date\": \"2023-09-19\"}\n";
	assert_int_equal(parse(f, "b.ndjson", doc, INCLINE_INPUT_AUTO, 1), 0);
	assert_int_equal(f->list.n, 2);
	assert_int_equal(f->n_seen, 1);
	assert_int_equal(f->seen[0].line, 2);
	assert_non_null(strstr(f->seen[0].text, "record 2: invalid JSON"));
}

static void test_too_deep(void **state)
{
	fixture *f = *state;
	size_t n = 100000;
	char *doc = malloc(n + 1);
	memset(doc, '[', n);
	doc[n] = '\0';
	assert_int_equal(parse(f, "deep.json", doc, INCLINE_INPUT_AUTO, 0), INCLINE_ELIMIT);
	assert_int_equal(f->err.line, 1);
	assert_int_equal(f->err.column, INCLINE_MAX_JSON_DEPTH + 1);
	assert_non_null(strstr(f->err.text, "nested deeper"));
	free(doc);
}

static void test_empty_and_top_level(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "e.json", " \n", INCLINE_INPUT_AUTO, 0), INCLINE_EINVAL);
	assert_string_equal(f->err.text, "empty json file");
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "e.json", "\"text\"", INCLINE_INPUT_AUTO, 0), INCLINE_EINVAL);
	assert_non_null(strstr(f->err.text, "invalid JSON"));
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "e.json", "[]", INCLINE_INPUT_AUTO, 0), 0);
	assert_int_equal(f->list.n, 0);
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "e.json", "{\"text\": \"  \", \"date\": \"2023-09-19\"}", INCLINE_INPUT_AUTO, 0),
			 INCLINE_EINVAL);
	assert_non_null(strstr(f->err.text, "no article text"));
}

static void test_detection(void **state)
{
	fixture *f = *state;
	incline_read_opts o = {.ref_date = incline_date_from_ymd(2023, 9, 19)};
	const char *js = " [ {\"text\": \"From JSON.\"} ]";
	const char *txt = "[Update] Hackers struck.";
	const char *html = "<!doctype html><p>From HTML.</p>";

	assert_int_equal(incline_article_parse_buffer(&f->list, "-", js, strlen(js), &o, &f->err), 0);
	assert_non_null(f->list.items[0]->map);
	assert_int_equal(incline_article_parse_buffer(&f->list, "-", txt, strlen(txt), &o, &f->err), 0);
	assert_null(f->list.items[1]->map); /* text: its bytes are the file */
	assert_int_equal(f->list.items[1]->len, strlen(txt));
	assert_int_equal(incline_article_parse_buffer(&f->list, "page", html, strlen(html), &o, &f->err), 0);
	assert_memory_equal(f->list.items[2]->bytes, "From HTML.", 10);
	/* the extension wins over the bytes */
	assert_int_equal(incline_article_parse_buffer(&f->list, "a.txt", js, strlen(js), &o, &f->err), 0);
	assert_null(f->list.items[3]->map);
	assert_int_equal(incline_input_format_from_name("ndjson"), INCLINE_INPUT_NDJSON);
	assert_int_equal(incline_input_format_from_name("xml"), -1);
	assert_string_equal(incline_input_format_name(INCLINE_INPUT_CSV), "csv");
}

/* gzip of s into *out (malloc). */
static size_t gzip(char **out, const char *s, size_t n)
{
	z_stream z = {0};
	size_t cap = n + 128;
	*out = malloc(cap);
	assert_int_equal(deflateInit2(&z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
	z.next_in = (Bytef *)(uintptr_t)s;
	z.avail_in = (uInt)n;
	z.next_out = (Bytef *)*out;
	z.avail_out = (uInt)cap;
	assert_int_equal(deflate(&z, Z_FINISH), Z_STREAM_END);
	n = z.total_out;
	deflateEnd(&z);
	return n;
}

static void test_gzip(void **state)
{
	fixture *f = *state;
	const char *doc = "{\"text\": \"Hackers breached ACME.\", \"date\": \"2023-09-19\"}\n"
			  "{\"text\": \"ACME confirmed.\", \"date\": \"2023-09-20\"}\n";
	incline_read_opts o = {.ref_date = INCLINE_DAY_NONE};
	char *gz;
	size_t n = gzip(&gz, doc, strlen(doc));

	/* the name without .gz says the format; offsets are decompressed ones */
	assert_int_equal(incline_article_parse_buffer(&f->list, "a.ndjson.gz", gz, n, &o, &f->err), 0);
	assert_int_equal(f->list.n, 2);
	assert_string_equal(f->list.items[1]->id, "a.ndjson.gz#2");
	span_is(doc, f->list.items[1], "confirmed", "confirmed");
	/* the limit applies to the decompressed size */
	o.max_bytes = 40;
	assert_int_equal(incline_article_parse_buffer(&f->list, "a.gz", gz, n, &o, &f->err), INCLINE_ELIMIT);
	assert_non_null(strstr(f->err.text, "decompresses to more than 40 bytes"));
	/* truncated: corrupt */
	incline_error_clear(&f->err);
	o.max_bytes = 0;
	assert_int_equal(incline_article_parse_buffer(&f->list, "a.gz", gz, n / 2, &o, &f->err), INCLINE_EINVAL);
	assert_non_null(strstr(f->err.text, "corrupt gzip"));
	free(gz);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_array_of_records, setup, teardown),
		cmocka_unit_test_setup_teardown(test_escapes_map_to_the_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ndjson, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lines_in_a_json_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_synonyms_rank, setup, teardown),
		cmocka_unit_test_setup_teardown(test_record_errors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_ref_date_fills_in, setup, teardown),
		cmocka_unit_test_setup_teardown(test_malformed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bad_ndjson_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_too_deep, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_and_top_level, setup, teardown),
		cmocka_unit_test_setup_teardown(test_detection, setup, teardown),
		cmocka_unit_test_setup_teardown(test_gzip, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
