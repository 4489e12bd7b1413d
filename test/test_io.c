/* Tests of file plumbing, each in a fresh temporary folder. */
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

#include "incline/io.h"
#include "rm_rf.h"

typedef struct fixture {
	char dir[64];
} fixture;

static int setup(void **state)
{
	fixture *f = malloc(sizeof *f);

	if (!f)
		return -1;
	strcpy(f->dir, "/tmp/incline-test-io.XXXXXX");
	if (!mkdtemp(f->dir)) {
		free(f);
		return -1;
	}
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

/* f->dir + "/" + name into out (512 bytes). */
static char *in_dir(char out[512], const fixture *f, const char *name)
{
	snprintf(out, 512, "%s/%s", f->dir, name);
	return out;
}

static void write_file(const char *path, const char *content)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	assert_int_equal(fputs(content, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

/* Number of entries (hidden ones included) in folder path. */
static int count_entries(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *de;
	int n = 0;

	assert_non_null(d);
	while ((de = readdir(d)))
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

static void assert_file_is(const char *path, const char *want)
{
	char *buf;
	size_t len;
	incline_error err;

	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, path, 1 << 20, &err),
			 0);
	assert_int_equal(len, strlen(want));
	assert_string_equal(buf, want);
	free(buf);
}

/* ---- writers ----------------------------------------------------------- */

static int write_payload(FILE *fp, void *payload, incline_error *err)
{
	(void)err;
	return fputs(payload, fp) < 0 ? INCLINE_EIO : 0;
}

/* Writes some bytes, then fails like an emitter running out of memory. */
static int write_then_fail(FILE *fp, void *payload, incline_error *err)
{
	(void)payload;
	fputs("partial output", fp);
	return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "writer failed");
}

/* ---- atomic writes ----------------------------------------------------- */

static void test_write_atomic_creates_and_replaces(void **state)
{
	fixture *f = *state;
	char path[512];
	struct stat st;
	incline_error err;

	in_dir(path, f, "out.json");
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_payload,
						 "first\n", &err), 0);
	assert_file_is(path, "first\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644); /* not mkstemp's 0600 */

	/* Replacing keeps the destination's own mode. */
	assert_int_equal(chmod(path, 0640), 0);
	assert_int_equal(incline_io_write_atomic(path, write_payload,
						 "second\n", &err), 0);
	assert_file_is(path, "second\n");
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	assert_int_equal(count_entries(f->dir), 1); /* no temp file left */
	assert_int_equal(err.code, 0);
}

static void test_write_atomic_failing_writer_keeps_old_file(void **state)
{
	fixture *f = *state;
	char path[512];
	incline_error err;

	in_dir(path, f, "timeline.json");
	write_file(path, "old content\n");
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_then_fail, NULL,
						 &err), INCLINE_ENOMEM);
	assert_int_equal(err.code, INCLINE_ENOMEM);
	assert_string_equal(err.text, "writer failed"); /* first error wins */
	assert_file_is(path, "old content\n");
	assert_int_equal(count_entries(f->dir), 1);

	/* Same for a destination that did not exist: nothing appears. */
	in_dir(path, f, "new.json");
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_then_fail, NULL,
						 &err), INCLINE_ENOMEM);
	assert_int_equal(access(path, F_OK), -1);
	assert_int_equal(count_entries(f->dir), 1);
}

static void test_write_atomic_missing_folder(void **state)
{
	fixture *f = *state;
	char path[512];
	incline_error err;

	in_dir(path, f, "no-such-folder/out.csv");
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_payload, "x",
						 &err), INCLINE_EIO);
	assert_int_equal(err.code, INCLINE_EIO);
	assert_non_null(strstr(err.text, "no-such-folder"));
	assert_string_equal(err.file, path);
	assert_int_equal(count_entries(f->dir), 0);
}

static void test_write_atomic_read_only_folder(void **state)
{
	fixture *f = *state;
	char sub[512], path[512];
	incline_error err;

	if (geteuid() == 0)
		skip(); /* root writes through any mode bits */
	in_dir(sub, f, "ro");
	assert_int_equal(mkdir(sub, 0555), 0);
	in_dir(path, f, "ro/out.json");
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_payload, "x",
						 &err), INCLINE_EIO);
	assert_non_null(strstr(err.text, sub));
	assert_int_equal(count_entries(sub), 0);
}

static void test_write_atomic_over_a_directory_fails_cleanly(void **state)
{
	fixture *f = *state;
	char path[512];
	incline_error err;

	in_dir(path, f, "adir");
	assert_int_equal(mkdir(path, 0755), 0);
	incline_error_clear(&err);
	assert_int_equal(incline_io_write_atomic(path, write_payload, "x",
						 &err), INCLINE_EIO);
	assert_int_equal(count_entries(f->dir), 1); /* just adir */
}

/* ---- reads ------------------------------------------------------------- */

static void test_read_file_limits(void **state)
{
	fixture *f = *state;
	char path[512], content[101];
	char *buf = (char *)"sentinel";
	size_t len = 7;
	incline_error err;

	memset(content, 'x', 100);
	content[100] = '\0';
	in_dir(path, f, "a.txt");
	write_file(path, content);

	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, path, 100, &err), 0);
	assert_int_equal(len, 100);
	assert_int_equal(buf[100], '\0');
	assert_memory_equal(buf, content, 100);
	free(buf);

	assert_int_equal(incline_io_read_file(&buf, &len, path, 99, &err),
			 INCLINE_ELIMIT);
	assert_null(buf);
	assert_string_equal(err.file, path);
	assert_non_null(strstr(err.text, "larger than 99 bytes")); /* the path is in err.file */

	/* An empty file is an empty, NUL-terminated buffer. */
	in_dir(path, f, "empty.txt");
	write_file(path, "");
	assert_int_equal(incline_io_read_file(&buf, &len, path, 10, NULL), 0);
	assert_int_equal(len, 0);
	assert_string_equal(buf, "");
	free(buf);
}

static void test_read_file_directory_and_missing(void **state)
{
	fixture *f = *state;
	char path[512];
	char *buf;
	size_t len;
	incline_error err;

	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, f->dir, 100, &err),
			 INCLINE_EIO);
	assert_null(buf);
	assert_non_null(strstr(err.text, "is a directory"));

	in_dir(path, f, "missing.txt");
	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, path, 100, &err),
			 INCLINE_EIO);
	assert_null(buf);
	assert_string_equal(err.file, path);
}

/* stdin has no size to trust: the growing path, past the first chunk. */
static void test_read_stdin(void **state)
{
	fixture *f = *state;
	char path[512];
	size_t big = 200000;
	char *content = malloc(big + 1), *buf;
	size_t len;
	incline_error err;

	assert_non_null(content);
	for (size_t i = 0; i < big; i++)
		content[i] = (char)('a' + i % 26);
	content[big] = '\0';
	in_dir(path, f, "stdin.txt");
	write_file(path, content);

	assert_non_null(freopen(path, "rb", stdin));
	assert_int_equal(incline_io_read_file(&buf, &len, "-", big, NULL), 0);
	assert_int_equal(len, big);
	assert_memory_equal(buf, content, big);
	free(buf);

	assert_non_null(freopen(path, "rb", stdin));
	incline_error_clear(&err);
	assert_int_equal(incline_io_read_file(&buf, &len, "-", big - 1, &err),
			 INCLINE_ELIMIT);
	assert_null(buf);
	free(content);
}

/* ---- walks ------------------------------------------------------------- */

typedef struct visits {
	char seen[16][512];
	int n;
	int fail_at; /* return INCLINE_EINVAL on this visit (-1: never) */
} visits;

static int record(const char *file, void *payload, incline_error *err)
{
	visits *v = payload;

	(void)err;
	if (v->n == v->fail_at)
		return INCLINE_EINVAL;
	if (v->n < 16)
		snprintf(v->seen[v->n], 512, "%s", file);
	v->n++;
	return 0;
}

/* The tree most walk tests use. */
static void make_tree(const fixture *f)
{
	char p[512];

	write_file(in_dir(p, f, "b.txt"), "b");
	write_file(in_dir(p, f, "a.txt"), "a");
	write_file(in_dir(p, f, "B.txt"), "B");
	write_file(in_dir(p, f, ".hidden"), "h");
	assert_int_equal(mkdir(in_dir(p, f, "sub"), 0755), 0);
	write_file(in_dir(p, f, "sub/c.txt"), "c");
	write_file(in_dir(p, f, "sub/.h.txt"), "h");
	assert_int_equal(mkdir(in_dir(p, f, ".git"), 0755), 0);
	write_file(in_dir(p, f, ".git/x.txt"), "x");
	assert_int_equal(mkdir(in_dir(p, f, "aa"), 0755), 0);
}

static void test_walk_order_and_hidden(void **state)
{
	fixture *f = *state;
	visits v = { .n = 0, .fail_at = -1 };
	static const char *const want[] = { "B.txt", "a.txt", "b.txt",
					    "sub/c.txt" };
	char p[512];

	make_tree(f);
	assert_int_equal(incline_io_walk(f->dir, record, &v, NULL), 0);
	assert_int_equal(v.n, 4);
	for (int i = 0; i < 4; i++)
		assert_string_equal(v.seen[i], in_dir(p, f, want[i]));

	/* A trailing slash does not double up. */
	snprintf(p, sizeof p, "%s/", f->dir);
	v.n = 0;
	assert_int_equal(incline_io_walk(p, record, &v, NULL), 0);
	assert_string_equal(v.seen[0], in_dir(p, f, "B.txt"));
}

static void test_walk_single_file_and_errors(void **state)
{
	fixture *f = *state;
	visits v = { .n = 0, .fail_at = -1 };
	char p[512];
	incline_error err;

	make_tree(f);
	assert_int_equal(incline_io_walk(in_dir(p, f, "sub/c.txt"), record, &v,
					 NULL), 0);
	assert_int_equal(v.n, 1);
	assert_string_equal(v.seen[0], p);

	/* the visitor's error stops the walk and comes back as is */
	v.n = 0;
	v.fail_at = 1;
	assert_int_equal(incline_io_walk(f->dir, record, &v, NULL),
			 INCLINE_EINVAL);
	assert_int_equal(v.n, 1);

	incline_error_clear(&err);
	v.fail_at = -1;
	assert_int_equal(incline_io_walk(in_dir(p, f, "nope"), record, &v, &err),
			 INCLINE_EIO);
	assert_string_equal(err.file, p);
}

static void test_walk_follows_links_and_detects_loops(void **state)
{
	fixture *f = *state;
	visits v = { .n = 0, .fail_at = -1 };
	char p[512], target[512];
	incline_error err;

	assert_int_equal(mkdir(in_dir(p, f, "d"), 0755), 0);
	write_file(in_dir(p, f, "d/file.txt"), "f");
	write_file(in_dir(target, f, "outside.txt"), "o");
	assert_int_equal(symlink(target, in_dir(p, f, "d/link.txt")), 0);
	assert_int_equal(symlink("missing", in_dir(p, f, "d/dangling")), 0);
	assert_int_equal(incline_io_walk(in_dir(p, f, "d"), record, &v, NULL),
			 0);
	assert_int_equal(v.n, 2); /* the dangling link is skipped */
	assert_string_equal(v.seen[1], in_dir(p, f, "d/link.txt"));

	/* d/sub/up -> d: walking d comes back to d */
	assert_int_equal(mkdir(in_dir(p, f, "d/sub"), 0755), 0);
	assert_int_equal(symlink("..", in_dir(p, f, "d/sub/up")), 0);
	v.n = 0;
	incline_error_clear(&err);
	assert_int_equal(incline_io_walk(in_dir(p, f, "d"), record, &v, &err),
			 INCLINE_EIO);
	assert_int_equal(err.code, INCLINE_EIO);
	assert_non_null(strstr(err.text, "loop"));
	assert_non_null(strstr(err.file, "d/sub/up"));

	/* a link to itself fails in stat (ELOOP) */
	assert_int_equal(symlink("self", in_dir(p, f, "self")), 0);
	incline_error_clear(&err);
	assert_int_equal(incline_io_walk(p, record, &v, &err), INCLINE_EIO);
	assert_non_null(strstr(err.text, "loop"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
		T(test_write_atomic_creates_and_replaces),
		T(test_write_atomic_failing_writer_keeps_old_file),
		T(test_write_atomic_missing_folder),
		T(test_write_atomic_read_only_folder),
		T(test_write_atomic_over_a_directory_fails_cleanly),
		T(test_read_file_limits),
		T(test_read_file_directory_and_missing),
		T(test_read_stdin),
		T(test_walk_order_and_hidden),
		T(test_walk_single_file_and_errors),
		T(test_walk_follows_links_and_detects_loops),
#undef T
	};

	return cmocka_run_group_tests_name("io", tests, NULL, NULL);
}
