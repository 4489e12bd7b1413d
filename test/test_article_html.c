/* HTML pages: what is text and what is not, entities, breaks, metadata,
 * and evidence offsets that point into the HTML file. */
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

static int parse(fixture *f, const char *buf, incline_day ref)
{
	incline_read_opts o = {.ref_date = ref};
	return incline_article_parse_buffer(&f->list, "p.html", buf, strlen(buf), &o, &f->err);
}

static const incline_article *parse_ok(fixture *f, const char *buf)
{
	assert_int_equal(parse(f, buf, incline_date_from_ymd(2000, 1, 1)), 0);
	assert_int_equal(f->list.n, 1);
	return f->list.items[0];
}

static void text_is(const incline_article *a, const char *expected)
{
	if (a->len != strlen(expected) || memcmp(a->bytes, expected, a->len) != 0)
		fail_msg("text is \"%.*s\", wanted \"%s\"", (int)a->len, a->bytes, expected);
}

static void span_is(const char *file, const incline_article *a, const char *needle, const char *raw)
{
	size_t n = strlen(needle), s = a->len, e;
	for (size_t i = 0; n <= a->len && i <= a->len - n; i++)
		if (memcmp(a->bytes + i, needle, n) == 0) {
			s = i;
			break;
		}
	assert_true(s < a->len);
	e = s + n;
	incline_article_file_span(a, &s, &e);
	if (e - s != strlen(raw) || memcmp(file + s, raw, e - s) != 0)
		fail_msg("span of \"%s\" is \"%.*s\", wanted \"%s\"", needle, (int)(e - s), file + s, raw);
}

static void test_page(void **state)
{
	fixture *f = *state;
	const char *page =
		"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">\n"
		"<title>ACME breach | Site</title>\n"
		"<meta property=\"og:title\" content=\"ACME breach &amp; fallout\">\n"
		"<meta property=\"og:site_name\" content='The Site'>\n"
		"<link rel=\"canonical\" href=\"https://site.example/acme\">\n"
		"<meta property=\"article:published_time\" content=\"2023-09-19T23:10:00-07:00\">\n"
		"<style>p { color: red }</style><script>if (a < b) document.write('<p>no</p>');</script>\n"
		"</head><body>\n"
		"<header><nav><a href=\"/\">Home</a></nav><p>Site banner</p></header>\n"
		"<!-- <p>hidden comment</p> -->\n"
		"<div class=\"story\"><h1>ACME   breached</h1>\n"
		"<p>Hackers <b>broke</b> into ACME&rsquo;s network\n   on Monday, the company&nbsp;said.</p>"
		"<p>Caf&#233; &amp; bar &lt;staff&gt; &#x201C;saw&#x201D; it.<br>Next line.</p>\n"
		"<aside>Related: other hacks</aside><form><button>Subscribe</button></form>\n"
		"</div><footer><p>&copy; Site</p></footer></body></html>\n";
	const incline_article *a = parse_ok(f, page);

	text_is(a, "ACME breached\n\nHackers broke into ACME\xE2\x80\x99s network on Monday, the company said."
		   "\n\nCaf\xC3\xA9 & bar <staff> \xE2\x80\x9Csaw\xE2\x80\x9D it.\nNext line.");
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 19));
	assert_string_equal(a->title, "ACME breach & fallout");
	assert_string_equal(a->source, "The Site");
	assert_string_equal(a->url, "https://site.example/acme");
	assert_string_equal(a->id, "p.html");
	span_is(page, a, "Hackers broke into ACME\xE2\x80\x99s network on Monday, the company said.",
		"Hackers <b>broke</b> into ACME&rsquo;s network\n   on Monday, the company&nbsp;said.");
	span_is(page, a, "Caf\xC3\xA9", "Caf&#233;");
	span_is(page, a, "\xE2\x80\x9Csaw\xE2\x80\x9D", "&#x201C;saw&#x201D;");
	span_is(page, a, "ACME breached", "ACME   breached");
	span_is(page, a, "Next line.", "Next line.");
}

static void test_article_element_only(void **state)
{
	fixture *f = *state;
	const char *page = "<html><body><div class=menu>World Sports</div>\n"
			   "<article><header><h1>Title</h1><time datetime=\"2023-09-18\">Monday</time></header>"
			   "<p>Body text.</p><footer>Share</footer></article>\n"
			   "<div>Cookie banner</div></body></html>";
	const incline_article *a = parse_ok(f, page);
	text_is(a, "Title\n\nMonday\n\nBody text.");
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 18)); /* from <time> */
	assert_null(a->title); /* no og:title or <title> */
}

static void test_date_precedence(void **state)
{
	fixture *f = *state;
	const char *page = "<html><head><title>T</title>"
			   "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"NewsArticle\","
			   " \"headline\": \"The headline\", \"datePublished\": \"2023-09-17T10:00:00Z\"}]}</script>"
			   "<meta name=\"date\" content=\"2023-09-16\"></head>"
			   "<body><time datetime=\"2023-09-15\">x</time><p>Text.</p></body></html>";
	const incline_article *a = parse_ok(f, page);
	assert_int_equal(a->published, incline_date_from_ymd(2023, 9, 17)); /* JSON-LD */
	assert_string_equal(a->title, "The headline"); /* better than <title> */
}

static void test_no_date_no_text(void **state)
{
	fixture *f = *state;
	assert_int_equal(parse(f, "<html><body><p>Text.</p></body></html>", INCLINE_DAY_NONE), INCLINE_ENODATE);
	assert_int_equal(f->err.line, 1);
	assert_non_null(strstr(f->err.text, "no publication date"));
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "<html><body><script>x</script><nav>Menu</nav></body></html>",
			       incline_date_from_ymd(2023, 1, 1)), INCLINE_EINVAL);
	assert_non_null(strstr(f->err.text, "no article text"));
	incline_error_clear(&f->err);
	assert_int_equal(parse(f, "  \n", INCLINE_DAY_NONE), INCLINE_EINVAL);
	assert_string_equal(f->err.text, "empty html file");
	assert_int_equal(f->list.n, 0);
}

static void test_broken_markup(void **state)
{
	fixture *f = *state;
	/* a bare '<', an unknown entity, unclosed comment and tag: no crash,
	 * the text that is there is kept */
	const char *page = "<html><p>a < b &bogus; c&amp</p><p>x<!-- never closed <p>y";
	const incline_article *a = parse_ok(f, page);
	text_is(a, "a < b &bogus; c&amp\n\nx");
	incline_article_list_free(&f->list);
	a = parse_ok(f, "<p>Unclosed <b class=\"x");
	text_is(a, "Unclosed");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_page, setup, teardown),
		cmocka_unit_test_setup_teardown(test_article_element_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_date_precedence, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_date_no_text, setup, teardown),
		cmocka_unit_test_setup_teardown(test_broken_markup, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
