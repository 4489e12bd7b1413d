/* Failure injection (STYLE.md 18, after jansson's test_chaos.c): the whole
 * pipeline (read -> dates -> extract with a user actor file -> merge -> emit
 * JSON, NDJSON and CSV, and an atomic write) runs with the Nth allocation failing, for N = 1, 2,
 * ... until a run meets no failure. Every run must either succeed with the
 * very output of an undisturbed run, or fail with INCLINE_ENOMEM; it must
 * never crash, return another error, leak, or leave a file behind.
 *
 * No source file is edited for this: the test is linked with
 * -Wl,--wrap=malloc,... (Makefile, CHAOS_WRAP), so every call the library's
 * objects make to malloc/calloc/realloc/strdup/strndup/free lands in the
 * __wrap_* functions below. jansson and ICU allocate inside their shared
 * libraries, out of --wrap's reach; they are routed here through their own
 * allocator hooks (json_set_alloc_funcs, u_setMemoryFunctions). */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>
#include <jansson.h>
#include <unicode/uclean.h>

#include "incline/incline.h"
#include "incline/load.h"

#define SEED "examples/icc-2023/002_ad1cce7abc74dd27.txt"
#define SEED_OTHER "examples/icc-2023/000_e5bf3133bbcd0f08.txt"

/* ---- the failing allocator ---------------------------------------------- */

#include "chaos_wrap.h"

/* jansson's allocations, as the library's. Not while it parses: jansson
 * 2.14's parser turns some failed allocations into syntax errors ("string
 * or '}' expected") and one into assert(0) in lex_scan_string (found by
 * this test), so loading JSON under memory pressure is only as robust as
 * jansson; the loader's own allocations still fail there. */
static void *json_alloc(size_t n)
{
	if (chaos.spare_jansson)
		return counted(__real_malloc(n));
	return __wrap_malloc(n);
}

/* ICU's blocks are counted as allocations to fail, not as live blocks:
 * ICU keeps caches for the life of the process. */
static void *U_CALLCONV icu_alloc(const void *ctx, size_t n)
{
	(void)ctx;
	return chaos_fail() ? NULL : __real_malloc(n);
}

static void *U_CALLCONV icu_realloc(const void *ctx, void *p, size_t n)
{
	(void)ctx;
	return chaos_fail() ? NULL : __real_realloc(p, n);
}

static void U_CALLCONV icu_free(const void *ctx, void *p)
{
	(void)ctx;
	__real_free(p);
}

/* ---- the pipeline --------------------------------------------------------- */

typedef struct {
	char *dir;  /* temp folder: actors.tsv, and out/ for the atomic write */
	char *out;  /* everything the pipeline printed (real malloc) */
	size_t len;
	incline_timeline tl; /* the merged seed timeline, for the emit stage */
	char *json; /* tl as JSON, for the load stage (real malloc) */
	size_t json_len;
	char *out2; /* everything the emit-and-load stage printed */
	size_t len2;
	incline_error err; /* of the last run */
} chaos_state;

typedef int (*emitter)(FILE *, const incline_timeline *, incline_error *);

static int emit_json_file(FILE *fp, void *payload, incline_error *err)
{
	return incline_emit_json(fp, payload, err);
}

/* Runs read -> dates -> extract -> merge -> emit into a memory stream and
 * an atomic write of DIR/t.json. Returns 0 or the first error code; *out
 * is what was printed (freed with __real_free: open_memstream's buffer
 * comes from libc's own malloc). */
static int pipeline(chaos_state *s, char **out, size_t *len)
{
	static const emitter emitters[] = {incline_emit_json, incline_emit_ndjson,
					   incline_emit_csv};
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list list = {0};
	incline_timeline raw = {0}, merged = {0};
	incline_timex_list dates = {0};
	incline_extractor *x = NULL;
	incline_error err;
	char path[512];
	FILE *fp;
	int rc;

	*out = NULL;
	*len = 0;
	incline_error_clear(&err);
	fp = open_memstream(out, len);
	if (!fp)
		return INCLINE_EIO;
	rc = incline_article_read(&list, SEED, &opts, &err);
	for (size_t i = 0; !rc && i < list.n; i++) {
		const incline_article *a = list.items[i];
		rc = incline_timex_scan(&dates, a->bytes + a->body.start,
					a->body.end - a->body.start,
					a->base + a->body.start, a->published, &err);
		if (!rc)
			rc = incline_emit_timex_ndjson(fp, a, &dates, &err);
		incline_timex_list_free(&dates);
	}
	if (!rc)
		rc = incline_extract_new(&x, &err);
	snprintf(path, sizeof path, "%s/actors.tsv", s->dir);
	if (!rc)
		rc = incline_extract_load_actors(x, path, &err);
	for (size_t i = 0; !rc && i < list.n; i++)
		rc = incline_extract_article(&raw, x, list.items[i], &err);
	if (!rc)
		rc = incline_merge(&merged, &raw, NULL, &err);
	for (size_t i = 0; !rc && i < sizeof emitters / sizeof *emitters; i++)
		rc = emitters[i](fp, &merged, &err);
	snprintf(path, sizeof path, "%s/out/t.json", s->dir);
	if (!rc)
		rc = incline_io_write_atomic(path, emit_json_file, &merged, &err);
	incline_extract_free(x);
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	incline_article_list_free(&list);
	fclose(fp);
	s->err = err;
	/* A failure must say why, with the code it returned. */
	if (rc && err.code != rc)
		fail_msg("returned %d but the error record says %d (%s)", rc, err.code, err.text);
	return rc;
}

/* The second stage on its own, so its every allocation is failed too
 * without rerunning extraction each time: every output format of the
 * merged seed timeline, then its JSON loaded back and written again. */
static int emit_and_load(chaos_state *s, char **out, size_t *len)
{
	static const emitter emitters[] = {
		incline_emit_json, incline_emit_ndjson, incline_emit_csv,
		incline_emit_timelinejs, incline_emit_timesketch, incline_emit_stix,
		incline_emit_markdown, incline_emit_html,
	};
	incline_timeline back = {0};
	incline_error err;
	FILE *fp;
	int rc = 0;

	*out = NULL;
	*len = 0;
	incline_error_clear(&err);
	fp = open_memstream(out, len);
	if (!fp)
		return INCLINE_EIO;
	for (size_t i = 0; !rc && i < sizeof emitters / sizeof *emitters; i++)
		rc = emitters[i](fp, &s->tl, &err);
	chaos.spare_jansson = 1; /* see json_alloc */
	if (!rc)
		rc = incline_load_buffer(&back, "t.json", s->json, s->json_len, NULL, &err);
	chaos.spare_jansson = 0;
	if (!rc)
		rc = incline_emit_json(fp, &back, &err);
	incline_timeline_free(&back);
	fclose(fp);
	s->err = err;
	if (rc && err.code != rc)
		fail_msg("returned %d but the error record says %d (%s)", rc, err.code, err.text);
	return rc;
}

/* Writes what a run printed and what it should have to
 * /tmp/incline-chaos-<what>.{want,got}, for diff. */
static void dump(const char *what, const char *want, size_t want_len, const char *got,
		 size_t got_len)
{
	char path[128];
	FILE *fp;

	snprintf(path, sizeof path, "/tmp/incline-chaos-%s.want", what);
	if ((fp = fopen(path, "wb"))) {
		fwrite(want, 1, want_len, fp);
		fclose(fp);
	}
	snprintf(path, sizeof path, "/tmp/incline-chaos-%s.got", what);
	if ((fp = fopen(path, "wb"))) {
		fwrite(got, 1, got_len, fp);
		fclose(fp);
	}
	print_message("chaos: outputs in /tmp/incline-chaos-%s.{want,got}\n", what);
}

/* Number of entries in dir (the atomic write must leave no temp file). */
static int entries(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;
	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static int setup(void **state)
{
	static chaos_state s;
	char tmpl[] = "/tmp/incline-chaos-XXXXXX", path[512];
	char *dir = mkdtemp(tmpl);
	FILE *fp;
	if (!dir)
		return -1;
	s.dir = __real_strdup(dir);
	snprintf(path, sizeof path, "%s/out", dir);
	if (mkdir(path, 0700) != 0)
		return -1;
	snprintf(path, sizeof path, "%s/actors.tsv", dir);
	if (!(fp = fopen(path, "w")))
		return -1;
	fputs("# alias<TAB>canonical name\nthe court's attackers\tUnknown ICC intruders\n"
	      "ICC hackers\tUnknown ICC intruders\n", fp);
	fclose(fp);
	*state = &s;
	chaos_arm(0);
	/* The undisturbed run: the output every successful run must match. It
	 * also fills ICU's process-wide caches, whose failed initialisation
	 * ICU would remember for good. */
	if (pipeline(&s, &s.out, &s.len) != 0 || s.len == 0)
		return -1;
	{
		incline_article_list list = {0};
		incline_timeline raw = {0};
		incline_extractor *x = NULL;
		incline_read_opts opts = {0};
		incline_error err;
		FILE *jfp;
		int rc;

		opts.ref_date = INCLINE_DAY_NONE;
		incline_error_clear(&err);
		rc = incline_article_read(&list, SEED, &opts, &err);
		if (!rc)
			rc = incline_extract_new(&x, &err);
		for (size_t i = 0; !rc && i < list.n; i++)
			rc = incline_extract_article(&raw, x, list.items[i], &err);
		if (!rc)
			rc = incline_merge(&s.tl, &raw, NULL, &err);
		incline_extract_free(x);
		incline_timeline_free(&raw);
		incline_article_list_free(&list);
		if (rc || !(jfp = open_memstream(&s.json, &s.json_len)))
			return -1;
		rc = incline_emit_json(jfp, &s.tl, &err);
		fclose(jfp);
		if (rc || emit_and_load(&s, &s.out2, &s.len2) != 0)
			return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	chaos_state *s = *state;
	char path[512];
	snprintf(path, sizeof path, "%s/out/t.json", s->dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/out", s->dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/actors.tsv", s->dir);
	unlink(path);
	rmdir(s->dir);
	__real_free(s->dir);
	__real_free(s->out);
	__real_free(s->json);
	__real_free(s->out2);
	incline_timeline_free(&s->tl);
	return 0;
}

/* Every allocation is failed in turn (stride 1): some 7,500 runs, ~5 s.
 * Under valgrind that would take an hour, so there every 61st one is
 * (INCLINE_CHAOS_STRIDE overrides either). */
static unsigned long chaos_stride(void)
{
	const char *env = getenv("INCLINE_CHAOS_STRIDE");
	const char *preload = getenv("LD_PRELOAD");

	if (env && strtoul(env, NULL, 10) > 0)
		return strtoul(env, NULL, 10);
	return preload && strstr(preload, "vgpreload") ? 61 : 1;
}

static void test_every_allocation_failure_is_enomem(void **state)
{
	chaos_state *s = *state;
	unsigned long n, injected = 0, total = 0, stride = chaos_stride();
	char path[512], out_dir[512];

	snprintf(path, sizeof path, "%s/out/t.json", s->dir);
	snprintf(out_dir, sizeof out_dir, "%s/out", s->dir);
	for (n = 1;; n += stride) {
		char *out;
		size_t len;
		long live = chaos.live;
		int rc, hit;

		unlink(path);
		chaos_arm(n);
		rc = pipeline(s, &out, &len);
		hit = chaos.failed;
		total = chaos.calls;
		chaos_arm(0);
		if (chaos.live != live)
			fail_msg("allocation %lu failed: %ld block(s) leaked (rc %d)", n,
				 chaos.live - live, rc);
		if (rc == 0) {
			/* Succeeding despite a failed allocation is fine only when
			 * nothing was lost. */
			if (len != s->len || memcmp(out, s->out, len) != 0) {
				dump("pipeline", s->out, s->len, out, len);
				fail_msg("allocation %lu failed, the run succeeded with a different output", n);
			}
			assert_int_equal(entries(out_dir), 1);
		} else {
			if (rc != INCLINE_ENOMEM)
				fail_msg("allocation %lu failed: error %d (%s: %s), not INCLINE_ENOMEM",
					 n, rc, incline_error_name(rc), s->err.text);
			/* t.json is written last: a failure leaves nothing. */
			assert_int_equal(entries(out_dir), 0);
		}
		__real_free(out);
		if (!hit)
			break; /* fewer than n allocations: every point was tried */
		injected++;
	}
	print_message("chaos: %lu allocation failures injected (every %lu of %lu), "
		      "each reported or absorbed\n", injected, stride, total);
	assert_true(injected > 100 / stride);
}

/* The loader (load.h) with the Nth allocation failing, on a timeline
 * document and on the NDJSON stream of the same events: every run loads
 * exactly what an undisturbed one does, or fails with INCLINE_ENOMEM
 * leaving the timeline it was loading into as it was, and leaks nothing.
 *
 * Only the library's own allocations fail here, not jansson's: jansson's
 * parser (2.14) is not safe against a failed allocation: lex_save ignores
 * a failed strbuffer_append_byte, so the token text loses bytes and
 * lex_scan_string then hits assert(0) or, without asserts, corrupts the
 * heap. Nothing above jansson can repair that. */
static void *jansson_never_fails(size_t n)
{
	return counted(__real_malloc(n));
}

static char *emit_text(const incline_timeline *tl, emitter fn)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	incline_error err;

	assert_non_null(fp);
	incline_error_clear(&err);
	assert_int_equal(fn(fp, tl, &err), 0);
	fclose(fp);
	return buf; /* libc's malloc: __real_free */
}

static void test_load_every_allocation_failure_is_enomem(void **state)
{
	static const emitter emitters[] = {incline_emit_json, incline_emit_ndjson};
	incline_read_opts opts = {.ref_date = INCLINE_DAY_NONE};
	incline_article_list list = {0};
	incline_timeline raw = {0}, merged = {0};
	incline_extractor *x = NULL;
	incline_error err;
	unsigned long stride = chaos_stride(), injected = 0;

	(void)state;
	chaos_arm(0);
	json_set_alloc_funcs(jansson_never_fails, __wrap_free);
	incline_error_clear(&err);
	assert_int_equal(incline_article_read(&list, SEED, &opts, &err), 0);
	assert_int_equal(incline_extract_new(&x, &err), 0);
	assert_int_equal(incline_extract_article(&raw, x, list.items[0], &err), 0);
	assert_int_equal(incline_merge(&merged, &raw, NULL, &err), 0);
	for (size_t k = 0; k < sizeof emitters / sizeof *emitters; k++) {
		char *text = emit_text(&merged, emitters[k]), *want;
		incline_timeline tl = {0};

		/* What an undisturbed load reads, emitted the same way. */
		assert_int_equal(incline_timeline_add_article(&tl, "kept.txt"), 0);
		assert_int_equal(incline_load_buffer(&tl, "t", text, strlen(text), NULL, &err), 0);
		want = emit_text(&tl, emitters[k]);
		incline_timeline_free(&tl);
		for (unsigned long n = 1;; n += stride) {
			long live;
			int rc, hit;

			live = chaos.live;
			assert_int_equal(incline_timeline_add_article(&tl, "kept.txt"), 0);
			chaos_arm(n);
			incline_error_clear(&err);
			rc = incline_load_buffer(&tl, "t", text, strlen(text), NULL, &err);
			hit = chaos.failed;
			chaos_arm(0);
			if (rc == 0) {
				char *got = emit_text(&tl, emitters[k]);

				if (strcmp(got, want) != 0)
					fail_msg("load: allocation %lu failed, the load succeeded "
						 "with another timeline", n);
				__real_free(got);
			} else {
				if (rc != INCLINE_ENOMEM || err.code != rc)
					fail_msg("load: allocation %lu failed: %s (%s), not "
						 "INCLINE_ENOMEM", n, incline_error_name(rc), err.text);
				assert_int_equal(tl.n, 0);
				assert_int_equal(tl.n_articles, 1);
			}
			incline_timeline_free(&tl);
			if (chaos.live != live)
				fail_msg("load: allocation %lu failed: %ld block(s) leaked", n,
					 chaos.live - live);
			if (!hit)
				break;
			injected++;
		}
		__real_free(text);
		__real_free(want);
	}
	json_set_alloc_funcs(json_alloc, __wrap_free); /* as main() set it */
	print_message("chaos: %lu allocation failures injected into the loader\n", injected);
	assert_true(injected > 100 / stride);
	incline_extract_free(x);
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	incline_article_list_free(&list);
}

/* Every allocation of emit_and_load failed in turn. */
static void test_emit_and_load_allocation_failures_are_enomem(void **state)
{
	chaos_state *s = *state;
	unsigned long n, injected = 0, total = 0, stride = chaos_stride();

	for (n = 1;; n += stride) {
		char *out;
		size_t len;
		long live = chaos.live;
		int rc, hit;

		chaos_arm(n);
		rc = emit_and_load(s, &out, &len);
		hit = chaos.failed;
		total = chaos.calls;
		chaos_arm(0);
		if (chaos.live != live)
			fail_msg("allocation %lu failed: %ld block(s) leaked (rc %d)", n,
				 chaos.live - live, rc);
		if (rc == 0 && (len != s->len2 || memcmp(out, s->out2, len) != 0)) {
			dump("emit-load", s->out2, s->len2, out, len);
			fail_msg("allocation %lu failed, the run succeeded with a different output", n);
		}
		if (rc != 0 && rc != INCLINE_ENOMEM)
			fail_msg("allocation %lu failed: error %d (%s: %s), not INCLINE_ENOMEM", n,
				 rc, incline_error_name(rc), s->err.text);
		__real_free(out);
		if (!hit)
			break;
		injected++;
	}
	print_message("chaos: emit+load: %lu allocation failures injected (every %lu of %lu)\n",
		      injected, stride, total);
	assert_true(injected > 100 / stride);
}

/* Extraction alone of one article, every allocation failed in turn: the
 * extractor is built once, undisturbed; each run extracts and prints the
 * events as NDJSON. */
static int extract_ndjson(incline_extractor *x, const incline_article *a, char **out,
			 size_t *len, incline_error *err)
{
	incline_timeline raw = {0};
	FILE *fp = open_memstream(out, len);
	int rc;

	if (!fp)
		return INCLINE_EIO;
	rc = incline_extract_article(&raw, x, a, err);
	if (!rc)
		rc = incline_emit_ndjson(fp, &raw, err);
	incline_timeline_free(&raw);
	fclose(fp);
	return rc;
}

static void extract_chaos(const char *path)
{
	incline_article_list list = {0};
	incline_read_opts opts = {0};
	incline_extractor *x = NULL;
	incline_error err;
	char *want = NULL;
	size_t want_len = 0;
	unsigned long n, injected = 0, total = 0, stride = chaos_stride();

	chaos_arm(0);
	opts.ref_date = INCLINE_DAY_NONE;
	incline_error_clear(&err);
	assert_int_equal(incline_article_read(&list, path, &opts, &err), 0);
	assert_int_equal(incline_extract_new(&x, &err), 0);
	assert_int_equal(extract_ndjson(x, list.items[0], &want, &want_len, &err), 0);
	for (n = 1;; n += stride) {
		char *out = NULL;
		size_t len = 0;
		long live = chaos.live;
		int rc, hit;

		incline_error_clear(&err);
		chaos_arm(n);
		rc = extract_ndjson(x, list.items[0], &out, &len, &err);
		hit = chaos.failed;
		total = chaos.calls;
		chaos_arm(0);
		if (chaos.live != live)
			fail_msg("allocation %lu failed: %ld block(s) leaked (rc %d)", n,
				 chaos.live - live, rc);
		if (rc == 0 && (len != want_len || memcmp(out, want, len) != 0)) {
			dump("extract", want, want_len, out, len);
			fail_msg("allocation %lu failed, extraction succeeded with other events", n);
		}
		if (rc != 0 && rc != INCLINE_ENOMEM)
			fail_msg("allocation %lu failed: error %d (%s: %s), not INCLINE_ENOMEM", n,
				 rc, incline_error_name(rc), err.text);
		__real_free(out);
		if (!hit)
			break;
		injected++;
	}
	print_message("chaos: extract: %lu allocation failures injected (every %lu of %lu)\n",
		      injected, stride, total);
	__real_free(want);
	incline_extract_free(x);
	incline_article_list_free(&list);
	assert_true(injected > 100 / stride);
}

/* the other seed article: its attribution claim has a claimant */
static void test_extract_allocation_failures_are_enomem(void **state)
{
	(void)state;
	extract_chaos(SEED_OTHER);
}

/* The claim shapes whose actor and claimant are rebuilt from other names
 * ("the group claimed responsibility" after LockBit was named): a failed
 * allocation there once left a freed claimant behind (double free). */
static void test_extract_claims_allocation_failures_are_enomem(void **state)
{
	(void)state;
	extract_chaos("test/data/claims.txt");
}

/* ---- regressions: bugs the chaos run found, pinned to their function ---- */

/* incline_when_copy freed src->text when the strdup of value failed: the
 * local copy still held src's pointers (double free when src was cleared). */
static void test_when_copy_enomem_leaves_source_alone(void **state)
{
	incline_when src = {0}, dst;
	(void)state;
	chaos_arm(0);
	src.value = strdup("2023-09-19");
	src.text = strdup("Tuesday");
	src.article = strdup("a.txt");
	for (unsigned long n = 1; n <= 3; n++) {
		chaos_arm(n);
		assert_int_equal(incline_when_copy(&dst, &src), INCLINE_ENOMEM);
		chaos_arm(0);
		assert_null(dst.value);
		assert_null(dst.text);
		assert_null(dst.article);
		assert_string_equal(src.text, "Tuesday");
		assert_string_equal(src.article, "a.txt");
	}
	incline_when_clear(&src);
}

/* The same bug in incline_claim_copy (src->claimant freed). */
static void test_claim_copy_enomem_leaves_source_alone(void **state)
{
	incline_claim src = {0}, dst;
	(void)state;
	chaos_arm(0);
	src.actor = strdup("APT28");
	src.claimant = strdup("officials");
	for (unsigned long n = 1; n <= 2; n++) {
		chaos_arm(n);
		assert_int_equal(incline_claim_copy(&dst, &src), INCLINE_ENOMEM);
		chaos_arm(0);
		assert_null(dst.actor);
		assert_null(dst.claimant);
		assert_string_equal(src.claimant, "officials");
	}
	incline_claim_clear(&src);
}

/* incline_extract_load_actors called a failed strndup of the canonical
 * name "expected alias<TAB>canonical name" (INCLINE_EINVAL, exit 1). */
static void test_actor_file_enomem_is_enomem(void **state)
{
	chaos_state *s = *state;
	char path[512];
	int rc = -1;

	snprintf(path, sizeof path, "%s/actors.tsv", s->dir);
	for (unsigned long n = 1; rc != 0; n++) {
		incline_extractor *x = NULL;
		incline_error err;
		int hit;

		chaos_arm(0);
		incline_error_clear(&err);
		assert_int_equal(incline_extract_new(&x, &err), 0);
		chaos_arm(n);
		rc = incline_extract_load_actors(x, path, &err);
		hit = chaos.failed;
		chaos_arm(0);
		incline_extract_free(x);
		if (rc != 0 && rc != INCLINE_ENOMEM)
			fail_msg("allocation %lu failed: %s (%s)", n, incline_error_name(rc), err.text);
		(void)hit;
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_when_copy_enomem_leaves_source_alone),
		cmocka_unit_test(test_claim_copy_enomem_leaves_source_alone),
		cmocka_unit_test(test_actor_file_enomem_is_enomem),
		cmocka_unit_test(test_every_allocation_failure_is_enomem),
		cmocka_unit_test(test_load_every_allocation_failure_is_enomem),
		cmocka_unit_test(test_emit_and_load_allocation_failures_are_enomem),
		cmocka_unit_test(test_extract_allocation_failures_are_enomem),
		cmocka_unit_test(test_extract_claims_allocation_failures_are_enomem),
	};
	UErrorCode st = U_ZERO_ERROR;

	/* Before anything else touches either library. */
	json_set_alloc_funcs(json_alloc, __wrap_free);
	u_setMemoryFunctions(NULL, icu_alloc, icu_realloc, icu_free, &st);
	if (U_FAILURE(st)) {
		fprintf(stderr, "test_chaos: u_setMemoryFunctions: %s\n", u_errorName(st));
		return 1;
	}
	return cmocka_run_group_tests(tests, setup, teardown);
}
