/* Tests of the commands as library calls (run.h), each in a fresh
 * temporary folder with its own small articles. */
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

#include "incline/emit.h"
#include "incline/io.h"
#include "incline/run.h"
#include "rm_rf.h"

#define ARTICLE_A \
	" date 2023-09-19 Hackers breached the ACME network on Monday.\n\n" \
	"The ransomware group LockBit claimed the attack on ACME Corp on Tuesday.\n"
#define ARTICLE_B \
	" date 2023-09-21 ACME Corp said on Wednesday that its network was breached.\n"

typedef struct fixture {
	char dir[64];
	char a[128], b[128], missing[128], out[128];
} fixture;

/* What the report callback saw. */
typedef struct reports {
	int n_errors;
	int n_warnings;
	incline_error last;
	int stop_with; /* returned for errors */
} reports;

static int collect(const incline_error *err, void *payload)
{
	reports *r = payload;

	if (err->code)
		r->n_errors++;
	else
		r->n_warnings++;
	r->last = *err;
	return err->code ? r->stop_with : 0;
}


static void write_file(const char *path, const char *content)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(content, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* The whole file at path (new; caller frees). */
static char *slurp(const char *path)
{
	char *buf = NULL;
	size_t len;
	incline_error err;

	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, path, 1 << 24, &err), 0);
	return buf;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof *f);

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/incline-test-run.XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
	snprintf(f->a, sizeof f->a, "%s/a.txt", f->dir);
	snprintf(f->b, sizeof f->b, "%s/b.txt", f->dir);
	snprintf(f->missing, sizeof f->missing, "%s/missing.txt", f->dir);
	snprintf(f->out, sizeof f->out, "%s/out", f->dir);
	write_file(f->a, ARTICLE_A);
	write_file(f->b, ARTICLE_B);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;

	rm_rf(f->dir);
	free(f);
	return 0;
}

static void test_opts_default(void **state)
{
	incline_run_opts o;

	(void)state;
	memset(&o, 0x55, sizeof o);
	incline_run_opts_default(&o);
	assert_int_equal(o.read.ref_date, INCLINE_DAY_NONE);
	assert_int_equal(o.jobs, 1);
	assert_null(o.output);
	assert_null(o.emit);
	assert_null(o.on_report);
	assert_int_equal(o.keep_going, 0);
	assert_true(o.merge.min_overlap > 0 && o.merge.min_overlap < 1);
}

/* extract writes one NDJSON block per article, the same for any number
 * of threads. */
static void test_extract_threads_same_output(void **state)
{
	fixture *f = *state;
	const char *inputs[] = {f->a, f->b};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;
	char *one, *two;

	incline_run_opts_default(&o);
	o.output = f->out;
	assert_int_equal(incline_run_extract(&st, &o, inputs, 2, &err), 0);
	assert_int_equal(st.skipped, 0);
	one = slurp(f->out);
	assert_non_null(strstr(one, "\"type\":\"intrusion\""));
	assert_true(strstr(one, "a.txt") < strstr(one, "b.txt")); /* input order */
	o.jobs = 2;
	assert_int_equal(incline_run_extract(&st, &o, inputs, 2, &err), 0);
	two = slurp(f->out);
	assert_string_equal(one, two);
	free(one);
	free(two);
}

/* build = merge of extract's output, and --update adds to a timeline. */
static void test_build_equals_merge_of_extract(void **state)
{
	fixture *f = *state;
	const char *inputs[] = {f->b, f->a};
	char nd[160], built[160], merged[160];
	const char *nd_input[1] = {nd};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;
	char *x, *y;

	snprintf(nd, sizeof nd, "%s/events.ndjson", f->dir);
	snprintf(built, sizeof built, "%s/built.json", f->dir);
	snprintf(merged, sizeof merged, "%s/merged.json", f->dir);
	incline_run_opts_default(&o);
	o.output = nd;
	assert_int_equal(incline_run_extract(&st, &o, inputs, 2, &err), 0);
	o.output = built;
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), 0);
	o.output = merged;
	assert_int_equal(incline_run_merge(&st, &o, nd_input, 1, &err), 0);
	x = slurp(built);
	y = slurp(merged);
	assert_string_equal(x, y);
	free(y);

	/* the timeline of a alone, updated with b, is the timeline of both */
	o.output = NULL;
	o.update = merged;
	assert_int_equal(incline_run_build(&st, &o, inputs + 1, 1, &err), 0);
	y = slurp(merged);
	assert_string_equal(x, y);
	free(x);
	free(y);
}

/* Without keep_going a missing input is the run's error and the output
 * is not written; with it the input is reported, skipped and counted. */
static void test_keep_going(void **state)
{
	fixture *f = *state;
	const char *inputs[] = {f->missing, f->a};
	reports r = {0};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;
	struct stat sb;
	char *out;

	incline_run_opts_default(&o);
	o.output = f->out;
	o.on_report = collect;
	o.payload = &r;
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), INCLINE_EIO);
	assert_string_equal(err.file, f->missing);
	assert_int_equal(st.output, 0); /* the input's fault */
	assert_int_equal(r.n_errors, 0);
	assert_int_not_equal(stat(f->out, &sb), 0);

	o.keep_going = 1;
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), 0);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(r.n_errors, 1);
	assert_string_equal(r.last.file, f->missing);
	out = slurp(f->out);
	assert_non_null(strstr(out, "a.txt"));
	assert_null(strstr(out, "missing.txt"));
	free(out);

	/* the callback can stop the run */
	r.stop_with = INCLINE_EINVAL;
	assert_int_equal(incline_run_merge(&st, &o, inputs, 2, &err), INCLINE_EINVAL);
	assert_int_equal(r.n_errors, 2);
}

/* With keep_going a bad file inside a folder is reported and skipped
 * alone: the folder's files before and after it are still read (by the
 * caller's thread for JSON, by a worker for text), at any number of
 * threads; a folder whose only files failed is not also "no articles
 * found". Without keep_going the bad file is the run's error. merge
 * likewise. */
static void test_keep_going_in_folder(void **state)
{
	fixture *f = *state;
	char dir[160], path[192], bad[192], only[160];
	const char *inputs[] = {dir};
	const char *bads[] = {only};
	reports r = {0};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;
	char *out;

	snprintf(dir, sizeof dir, "%s/d", f->dir);
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(path, sizeof path, "%s/a.txt", dir);
	write_file(path, ARTICLE_A);
	snprintf(bad, sizeof bad, "%s/b.json", dir);
	write_file(bad, "{\"date\": \"2023-09-19\", \"text\": ");
	snprintf(path, sizeof path, "%s/c.txt", dir);
	write_file(path, ARTICLE_B);
	incline_run_opts_default(&o);
	o.output = f->out;
	o.on_report = collect;
	o.payload = &r;
	assert_int_equal(incline_run_build(&st, &o, inputs, 1, &err), INCLINE_EINVAL);
	assert_string_equal(err.file, bad);
	assert_int_equal(r.n_errors, 0);

	o.keep_going = 1;
	for (unsigned jobs = 1; jobs <= 2; jobs++) {
		r.n_errors = 0;
		o.jobs = jobs;
		unlink(f->out);
		assert_int_equal(incline_run_build(&st, &o, inputs, 1, &err), 0);
		assert_int_equal(st.skipped, 1);
		assert_int_equal(r.n_errors, 1);
		assert_string_equal(r.last.file, bad);
		assert_int_equal(r.last.line, 1);
		out = slurp(f->out);
		assert_non_null(strstr(out, "d/a.txt"));
		assert_non_null(strstr(out, "d/c.txt"));
		free(out);

		/* extract: a.txt's events, then c.txt's */
		r.n_errors = 0;
		assert_int_equal(incline_run_extract(&st, &o, inputs, 1, &err), 0);
		assert_int_equal(st.skipped, 1);
		assert_int_equal(r.n_errors, 1);
		out = slurp(f->out);
		assert_non_null(strstr(out, "d/a.txt"));
		assert_non_null(strstr(out, "d/c.txt"));
		assert_true(strstr(out, "d/a.txt") < strstr(out, "d/c.txt"));
		free(out);
	}

	/* a folder of bad files only: each reported once, nothing more */
	snprintf(only, sizeof only, "%s/bad", f->dir);
	assert_int_equal(mkdir(only, 0700), 0);
	snprintf(path, sizeof path, "%s/x.txt", only);
	write_file(path, "no date here\n");
	snprintf(path, sizeof path, "%s/y.json", only);
	write_file(path, "[");
	r.n_errors = 0;
	assert_int_equal(incline_run_dates(&st, &o, bads, 1, &err), 0);
	assert_int_equal(st.skipped, 2);
	assert_int_equal(r.n_errors, 2);
	assert_string_equal(r.last.file, path);

	/* merge: a timeline, a broken one, another timeline */
	o.jobs = 1;
	snprintf(path, sizeof path, "%s/a.txt", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/c.txt", dir);
	unlink(path);
	inputs[0] = f->a;
	snprintf(path, sizeof path, "%s/a.json", dir);
	o.output = path;
	assert_int_equal(incline_run_build(&st, &o, inputs, 1, &err), 0);
	inputs[0] = f->b;
	snprintf(path, sizeof path, "%s/c.json", dir);
	o.output = path;
	assert_int_equal(incline_run_build(&st, &o, inputs, 1, &err), 0);
	inputs[0] = dir;
	o.output = f->out;
	r.n_errors = 0;
	assert_int_equal(incline_run_merge(&st, &o, inputs, 1, &err), 0);
	assert_int_equal(st.skipped, 1);
	assert_int_equal(r.n_errors, 1);
	assert_string_equal(r.last.file, bad);
	out = slurp(f->out);
	assert_non_null(strstr(out, "a.txt"));
	assert_non_null(strstr(out, "b.txt"));
	free(out);
	o.keep_going = 0;
	assert_int_equal(incline_run_merge(&st, &o, inputs, 1, &err), INCLINE_EINVAL);
	assert_string_equal(err.file, bad);
}

/* An input without articles (an empty folder) is an error of its own. */
static void test_no_articles(void **state)
{
	fixture *f = *state;
	char empty[160];
	const char *inputs[1] = {empty};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;

	snprintf(empty, sizeof empty, "%s/empty", f->dir);
	assert_int_equal(mkdir(empty, 0700), 0);
	incline_run_opts_default(&o);
	o.output = f->out;
	assert_int_equal(incline_run_dates(&st, &o, inputs, 1, &err), INCLINE_EINVAL);
	assert_string_equal(err.text, "no articles found");
	assert_int_equal(st.output, 0);
}

/* A failed write is the output's fault; err still says where. */
static void test_output_failure(void **state)
{
	fixture *f = *state;
	const char *inputs[] = {f->a};
	char bad[160];
	incline_run_opts o;
	incline_run_status st;
	incline_error err;

	snprintf(bad, sizeof bad, "%s/no/such/folder/out.json", f->dir);
	incline_run_opts_default(&o);
	o.output = bad;
	assert_int_equal(incline_run_build(&st, &o, inputs, 1, &err), INCLINE_EIO);
	assert_int_equal(st.output, 1);
	assert_int_equal(incline_run_extract(&st, &o, inputs, 1, &err), INCLINE_EIO);
	assert_int_equal(st.output, 1);
	/* err is optional */
	assert_int_equal(incline_run_dates(&st, &o, inputs, 1, NULL), INCLINE_EIO);
	assert_int_equal(st.output, 1);
}

/* Invalid UTF-8 is a warning with its position, and the run goes on. */
static void test_invalid_utf8_warning(void **state)
{
	fixture *f = *state;
	char latin1[160];
	const char *inputs[1] = {latin1};
	reports r = {0};
	incline_run_opts o;
	incline_run_status st;
	incline_error err;

	snprintf(latin1, sizeof latin1, "%s/latin1.txt", f->dir);
	write_file(latin1, " date 2023-09-19 Hackers breached the caf\351 network.\n");
	incline_run_opts_default(&o);
	o.output = f->out;
	o.on_report = collect;
	o.payload = &r;
	assert_int_equal(incline_run_dates(&st, &o, inputs, 1, &err), 0);
	assert_int_equal(r.n_warnings, 1);
	assert_int_equal(r.n_errors, 0);
	assert_int_equal(r.last.code, 0);
	assert_int_equal(r.last.line, 1);
	assert_int_equal(r.last.column, 42);
	assert_string_equal(r.last.text, "warning: invalid UTF-8, read as U+FFFD");
	assert_int_equal(st.skipped, 0);
}

/* split: one file per incident in a folder made on the way, named by the
 * incident and the extension. */
static void test_split(void **state)
{
	fixture *f = *state;
	const char *inputs[] = {f->a, f->b};
	char file[256];
	incline_run_opts o;
	incline_run_status st;
	incline_error err;
	struct stat sb;
	char *csv;

	incline_run_opts_default(&o);
	o.output = f->out;
	o.split = 1;
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), 0);
	snprintf(file, sizeof file, "%s/acme-corp.json", f->out);
	assert_int_equal(stat(file, &sb), 0);
	assert_true(sb.st_size > 0);

	o.emit = incline_emit_csv;
	o.ext = "csv";
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), 0);
	snprintf(file, sizeof file, "%s/acme-corp.csv", f->out);
	csv = slurp(file);
	assert_non_null(strstr(csv, "Hackers breached the ACME network"));
	free(csv);

	/* a file where the folder should be */
	o.output = f->a;
	assert_int_equal(incline_run_build(&st, &o, inputs, 2, &err), INCLINE_EIO);
	assert_int_equal(st.output, 1);
}

static void test_write_split_empty_timeline(void **state)
{
	fixture *f = *state;
	incline_timeline tl = {0};
	incline_error err;
	struct stat sb;

	incline_error_clear(&err);
	assert_int_equal(incline_run_write_split(f->out, &tl, NULL, NULL, &err), 0);
	assert_int_equal(stat(f->out, &sb), 0);
	assert_true(S_ISDIR(sb.st_mode));
}

int main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_opts_default),
		T(test_extract_threads_same_output),
		T(test_build_equals_merge_of_extract),
		T(test_keep_going),
		T(test_keep_going_in_folder),
		T(test_no_articles),
		T(test_output_failure),
		T(test_invalid_utf8_warning),
		T(test_split),
		T(test_write_split_empty_timeline),
	};
	return cmocka_run_group_tests_name("run", tests, NULL, NULL);
}
