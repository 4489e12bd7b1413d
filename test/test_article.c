/* Article readers: headers, publication dates, byte-exact bodies, errors
 * with positions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "incline/article.h"

static incline_read_opts no_ref = {.ref_date = INCLINE_DAY_NONE};

static incline_article *parse_ok(const char *text, const incline_read_opts *opts)
{
	incline_article *a = NULL;
	incline_error err;
	incline_error_clear(&err);
	assert_int_equal(incline_article_parse(&a, "doc.txt", text, strlen(text), opts, &err), 0);
	assert_non_null(a);
	return a;
}

static void body_is(const incline_article *a, const char *expected)
{
	assert_int_equal(a->body.end - a->body.start, strlen(expected));
	assert_memory_equal(a->bytes + a->body.start, expected, strlen(expected));
}

static void test_seed_header(void **state)
{
	(void)state;
	incline_article *a = parse_ok(" date 2023-09-20 Title here\n\nBody.\n", &no_ref);
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 20));
	assert_string_equal(a->title, "Title here");
	body_is(a, "Title here\n\nBody.\n");
	assert_string_equal(a->id, "doc.txt");
	assert_null(a->source);
	incline_article_free(a);
}

static void test_front_matter(void **state)
{
	(void)state;
	const char *text = "---\ndate: 2017-01-03\nsource: example.com\nurl: https://example.com/a\n"
			   "title: \"A title\"\n---\nThe body.\n";
	incline_article *a = parse_ok(text, &no_ref);
	assert_int_equal(a->published, incline_date_from_ymd(2017, 1, 3));
	assert_string_equal(a->source, "example.com");
	assert_string_equal(a->url, "https://example.com/a");
	assert_string_equal(a->title, "A title");
	body_is(a, "The body.\n");
	/* offsets point into the bytes as given */
	assert_int_equal(a->body.start, (size_t)(strstr(text, "The body") - text));
	incline_article_free(a);
}

static void test_front_matter_datetime(void **state)
{
	(void)state;
	incline_article *a = parse_ok("---\ndate: 2021-05-07T10:00:00Z\n---\nx\n", &no_ref);
	assert_int_equal(a->published, incline_date_from_ymd(2021, 5, 7));
	incline_article_free(a);
}

static void test_bare_text_uses_ref(void **state)
{
	(void)state;
	incline_read_opts ref = {.ref_date = incline_date_from_ymd(1998, 1, 8)};
	incline_article *a = parse_ok("Plain text only.", &ref);
	assert_int_equal(a->published, ref.ref_date);
	body_is(a, "Plain text only.");
	incline_article_free(a);
}

static void test_ref_does_not_override_unless_asked(void **state)
{
	(void)state;
	incline_read_opts ref = {.ref_date = incline_date_from_ymd(1998, 1, 8)};
	incline_article *a = parse_ok(" date 2023-09-20 T\n", &ref);
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 20));
	incline_article_free(a);
	ref.ref_overrides = 1;
	a = parse_ok(" date 2023-09-20 T\n", &ref);
	assert_int_equal(a->published, ref.ref_date);
	incline_article_free(a);
}

static void expect_error(const char *text, int code, int line, int column)
{
	incline_article *a = (incline_article *)1;
	incline_error err;
	incline_error_clear(&err);
	assert_int_equal(incline_article_parse(&a, "bad.txt", text, strlen(text), &no_ref, &err), code);
	assert_null(a);
	assert_int_equal(err.code, code);
	assert_string_equal(err.file, "bad.txt");
	assert_int_equal(err.line, line);
	assert_int_equal(err.column, column);
	assert_true(strlen(err.text) > 0);
}

static void test_errors(void **state)
{
	(void)state;
	expect_error("No date anywhere.", INCLINE_ENODATE, 1, 1);
	expect_error("", INCLINE_EINVAL, 1, 1);            /* empty file */
	expect_error(" \n\t\n", INCLINE_EINVAL, 1, 1);     /* only white space */
	expect_error(" date 2023-09-19\n\n", INCLINE_EINVAL, 1, 17); /* only a header */
	expect_error("---\ndate: 2023-09-19\n---\n", INCLINE_EINVAL, 4, 1);
	expect_error("\xff\xfe d\0a\0", INCLINE_EINVAL, 1, 1);               /* UTF-16 */
	expect_error(" date 2023-02-30 Bad day\n", INCLINE_EINVAL, 1, 7);
	expect_error(" date 20230930 Bad form\n", INCLINE_EINVAL, 1, 7);
	expect_error("---\nsource: x\ndate: 2023-13-01\n---\nbody", INCLINE_EINVAL, 3, 7);
	expect_error("---\ndate: 2023-01-01\nnever closed\n", INCLINE_EINVAL, 1, 1);
}

/* A NUL is refused where it is (it used to be kept, and the evidence text
 * was cut at it while its span ran on): text articles never hold one; a
 * binary or UTF-16 file does. */
static void test_nul_bytes_refused(void **state)
{
	(void)state;
	static const char text[] = " date 2023-01-02 Ab\nA\0B\n";
	incline_article *a = NULL;
	incline_error err;
	incline_error_clear(&err);
	assert_int_equal(incline_article_parse(&a, "n.txt", text, sizeof text - 1, &no_ref, &err),
			 INCLINE_EINVAL);
	assert_null(a);
	assert_int_equal(err.line, 2);
	assert_int_equal(err.column, 2);
	assert_non_null(strstr(err.text, "NUL"));
}

static void test_read_directory_sorted(void **state)
{
	(void)state;
	char dir[] = "/tmp/incline-article-XXXXXX", path[512];
	incline_article_list list = {0};
	incline_error err;
	FILE *fp;

	assert_non_null(mkdtemp(dir));
	for (int i = 2; i >= 1; i--) {
		snprintf(path, sizeof path, "%s/%d.txt", dir, i);
		assert_non_null(fp = fopen(path, "w"));
		fprintf(fp, " date 2023-09-1%d Article %d\n", i, i);
		fclose(fp);
	}
	incline_error_clear(&err);
	assert_int_equal(incline_article_read(&list, dir, &no_ref, &err), 0);
	assert_int_equal(list.n, 2);
	assert_non_null(strstr(list.items[0]->id, "1.txt"));
	assert_non_null(strstr(list.items[1]->id, "2.txt"));
	incline_article_list_free(&list);
	for (int i = 1; i <= 2; i++) {
		snprintf(path, sizeof path, "%s/%d.txt", dir, i);
		unlink(path);
	}
	rmdir(dir);
}

static void test_read_missing(void **state)
{
	(void)state;
	incline_article_list list = {0};
	incline_error err;
	incline_error_clear(&err);
	assert_int_equal(incline_article_read(&list, "/nonexistent/x.txt", &no_ref, &err), INCLINE_EIO);
	assert_string_equal(err.file, "/nonexistent/x.txt");
	assert_int_equal(list.n, 0);
	incline_article_list_free(&list);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_seed_header),
		cmocka_unit_test(test_front_matter),
		cmocka_unit_test(test_front_matter_datetime),
		cmocka_unit_test(test_bare_text_uses_ref),
		cmocka_unit_test(test_ref_does_not_override_unless_asked),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_nul_bytes_refused),
		cmocka_unit_test(test_read_directory_sorted),
		cmocka_unit_test(test_read_missing),
	};
	return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
