/* End to end on the real seed articles: examples/icc-2023 -> timeline.
 * Checks the committed timelines/ are what the code builds now, and that
 * the timeline says what the articles say. Run from the repository root. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "incline/incline.h"

#define SEED_DIR "examples/icc-2023"
#define SEED_A SEED_DIR "/000_e5bf3133bbcd0f08.txt"
#define SEED_B SEED_DIR "/002_ad1cce7abc74dd27.txt"

typedef int (*emitter)(FILE *, const incline_timeline *, incline_error *);

/* Builds the timeline of the given inputs and returns it emitted by fn
 * (new string, caller frees). */
static char *build(const char *const *inputs, size_t n, emitter fn)
{
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list list = {0};
	incline_timeline raw = {0}, merged = {0};
	incline_extractor *x = NULL;
	incline_error err;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	incline_error_clear(&err);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(incline_article_read(&list, inputs[i], &opts, &err), 0);
	assert_int_equal(incline_extract_new(&x, &err), 0);
	for (size_t i = 0; i < list.n; i++)
		assert_int_equal(incline_extract_article(&raw, x, list.items[i], &err), 0);
	assert_int_equal(incline_merge(&merged, &raw, NULL, &err), 0);
	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(fn(fp, &merged, &err), 0);
	fclose(fp);
	incline_extract_free(x);
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	incline_article_list_free(&list);
	return buf;
}

static char *slurp(const char *path)
{
	char *buf;
	size_t len;
	incline_error err;
	assert_int_equal(incline_io_read_file(&buf, &len, path, 1u << 26, &err), 0);
	return buf;
}

static void test_committed_timelines_are_current(void **state)
{
	(void)state;
	static const char *const dir[] = {SEED_DIR};
	char *json = build(dir, 1, incline_emit_json), *csv = build(dir, 1, incline_emit_csv);
	char *want_json = slurp("timelines/icc-2023.json"), *want_csv = slurp("timelines/icc-2023.csv");
	if (strcmp(json, want_json) || strcmp(csv, want_csv))
		fail_msg("timelines/icc-2023.* differ from what examples/icc-2023 builds now: "
			 "run `make timelines` and review the change");
	free(json);
	free(csv);
	free(want_json);
	free(want_csv);
}

static void test_input_order_does_not_matter(void **state)
{
	(void)state;
	static const char *const ab[] = {SEED_A, SEED_B}, *const ba[] = {SEED_B, SEED_A};
	char *x = build(ab, 2, incline_emit_json), *y = build(ba, 2, incline_emit_json);
	assert_string_equal(x, y);
	free(x);
	free(y);
}

/* ---- what the timeline must say ---- */

static json_t *timeline(void)
{
	json_error_t jerr;
	json_t *tl = json_load_file("timelines/icc-2023.json", 0, &jerr);
	if (!tl)
		fail_msg("timelines/icc-2023.json: %s", jerr.text);
	return tl;
}

static const char *str(const json_t *o, const char *key)
{
	const json_t *v = json_object_get(o, key);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static bool cites(const json_t *ev, const char *article)
{
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(ev, "evidence"), i, e)
		if (str(e, "article") && strcmp(str(e, "article"), article) == 0)
			return true;
	return false;
}

static bool quotes(const json_t *ev, const char *words)
{
	size_t i;
	json_t *e;
	json_array_foreach(json_object_get(ev, "evidence"), i, e)
		if (str(e, "text") && strstr(str(e, "text"), words))
			return true;
	return false;
}

/* Index of the first event of type whose evidence quotes words, or -1. */
static int find_event(const json_t *tl, const char *type, const char *words)
{
	size_t i;
	json_t *ev;
	json_array_foreach(json_object_get(tl, "events"), i, ev)
		if (strcmp(str(ev, "type"), type) == 0 && quotes(ev, words))
			return (int)i;
	return -1;
}

static const json_t *event(const json_t *tl, int i)
{
	assert_true(i >= 0);
	return json_array_get(json_object_get(tl, "events"), (size_t)i);
}

static void date_is(const json_t *ev, const char *earliest, const char *latest)
{
	const json_t *d = json_object_get(ev, "date");
	if (earliest)
		assert_string_equal(str(d, "earliest"), earliest);
	else
		assert_true(json_is_null(json_object_get(d, "earliest")));
	assert_string_equal(str(d, "latest"), latest);
}

static void cites_both(const json_t *ev)
{
	assert_true(cites(ev, SEED_DIR "/000_e5bf3133bbcd0f08.txt"));
	assert_true(cites(ev, SEED_DIR "/002_ad1cce7abc74dd27.txt"));
}

static void test_expected_events_in_order(void **state)
{
	(void)state;
	json_t *tl = timeline();
	int spy = find_event(tl, "context", "Dutch intelligence services");
	int warning = find_event(tl, "context", "Karim Khan warned");
	int kyiv = find_event(tl, "context", "inaugurated in Kyiv");
	int detection = find_event(tl, "detection", "detected");
	int response = find_event(tl, "response", "mmediate measures were adopted");
	int disclosure = find_event(tl, "disclosure", "Reuters reported on Sept. 19");
	int unattributed = find_event(tl, "attribution", "origin");
	int lawyers = find_event(tl, "impact", "lawyers");

	date_is(event(tl, spy), "2022-01-01", "2022-12-31");
	date_is(event(tl, warning), "2023-08-01", "2023-08-31");
	date_is(event(tl, kyiv), "2023-09-14", "2023-09-14");
	date_is(event(tl, disclosure), "2023-09-19", "2023-09-19");
	date_is(event(tl, lawyers), NULL, "2023-09-20");
	assert_string_equal(str(json_object_get(event(tl, lawyers), "date"), "basis"), "publication");

	/* detected within the week before the disclosure */
	const json_t *d = json_object_get(event(tl, detection), "date");
	assert_true(strcmp(str(d, "earliest"), "2023-09-12") >= 0);
	assert_true(strcmp(str(d, "latest"), "2023-09-18") <= 0);

	cites_both(event(tl, detection));
	cites_both(event(tl, response));
	cites_both(event(tl, disclosure));
	cites_both(event(tl, unattributed));
	assert_true(quotes(event(tl, disclosure), "reported this Tuesday"));
	assert_string_equal(str(json_object_get(event(tl, unattributed), "attribution"), "stance"),
			    "unattributed");

	assert_true(spy < warning && warning < kyiv && kyiv < detection);
	assert_true(detection < disclosure && disclosure < lawyers);
	json_decref(tl);
}

/* Every piece of evidence points at the very bytes it quotes. */
static void test_evidence_offsets_are_true(void **state)
{
	(void)state;
	json_t *tl = timeline(), *ev, *e;
	size_t i, j, n = 0;
	json_array_foreach(json_object_get(tl, "events"), i, ev) {
		assert_true(json_array_size(json_object_get(ev, "evidence")) > 0);
		json_array_foreach(json_object_get(ev, "evidence"), j, e) {
			char *file = slurp(str(e, "article"));
			json_int_t s = json_integer_value(json_object_get(e, "start"));
			json_int_t t = json_integer_value(json_object_get(e, "end"));
			const char *quote = str(e, "text");
			assert_true(s >= 0 && t > s && (size_t)t <= strlen(file));
			assert_int_equal(strlen(quote), (size_t)(t - s));
			assert_memory_equal(file + s, quote, (size_t)(t - s));
			free(file);
			n++;
		}
	}
	assert_true(n > 10);
	json_decref(tl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committed_timelines_are_current),
		cmocka_unit_test(test_input_order_does_not_matter),
		cmocka_unit_test(test_expected_events_in_order),
		cmocka_unit_test(test_evidence_offsets_are_true),
	};
	return cmocka_run_group_tests_name("e2e", tests, NULL, NULL);
}
