/* The incline command: options in, library pipeline, exit code out. The
 * only place that prints to stderr or exits. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

/* Exit codes (documented in the README). */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,  /* an input could not be read or is invalid */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_OUTPUT = 3  /* output not written (write failure, out of memory) */
};

typedef enum { FORMAT_JSON, FORMAT_CSV, FORMAT_NDJSON } out_format;

static const struct {
	const char *name;
	out_format format;
	int (*emit)(FILE *, const incline_timeline *, incline_error *);
} formats[] = {
	{"json", FORMAT_JSON, incline_emit_json},
	{"csv", FORMAT_CSV, incline_emit_csv},
	{"ndjson", FORMAT_NDJSON, incline_emit_ndjson},
};

typedef struct options {
	const char *command;
	const char *output;   /* NULL = stdout */
	const char *actors;   /* user actor alias file */
	out_format format;
	incline_read_opts read;
	incline_merge_opts merge;
	int keep_going;
	char **inputs;
	int n_inputs;
} options;

static const char usage_text[] =
	"usage: incline build [options] FILE|DIR|- ...   articles -> one timeline\n"
	"       incline extract [options] FILE|DIR|- ... events, one JSON object per line\n"
	"       incline dates [options] FILE|DIR|- ...   date expressions, one JSON object per line\n"
	"\n"
	"options:\n"
	"  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
	"  -f, --format FMT       json (default), csv or ndjson (build)\n"
	"      --ref-date DATE    publication date YYYY-MM-DD for inputs without one\n"
	"                         (for `dates`: the reference date for every input)\n"
	"      --keep-going       process what could be read when some inputs fail\n"
	"      --actors FILE      extra actor aliases, one \"alias<TAB>name\" per line\n"
	"      --max-article-bytes N  refuse articles larger than N bytes (default 64 MiB)\n"
	"      --min-overlap X    share of content words two accounts must share to\n"
	"                         merge (0..1, default %.2f)\n"
	"  -h, --help             show this help\n"
	"      --version          show the version\n"
	"\n"
	"exit status: 0 ok, 1 invalid or unreadable input, 2 usage error,\n"
	"3 output not written\n";

static void print_usage(FILE *fp)
{
	incline_merge_opts m;
	incline_merge_opts_default(&m);
	fprintf(fp, usage_text, m.min_overlap);
}

static int usage_error(const char *fmt, const char *arg)
{
	fprintf(stderr, "incline: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\nTry 'incline --help'.\n");
	return EXIT_USAGE;
}

static void report(const incline_error *err)
{
	if (err->line > 0)
		fprintf(stderr, "incline: %s:%d:%d: %s\n", err->file, err->line, err->column, err->text);
	else if (err->file[0])
		fprintf(stderr, "incline: %s: %s\n", err->file, err->text);
	else
		fprintf(stderr, "incline: %s\n", err->text);
}

static int parse_format(options *o, const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(formats[i].name, name) == 0) {
			o->format = formats[i].format;
			return 0;
		}
	}
	return usage_error("unknown format '%s' (json, csv or ndjson)", name);
}

static int parse_fraction(double *out, const char *s)
{
	char *end;
	errno = 0;
	*out = strtod(s, &end);
	if (errno || end == s || *end || *out < 0 || *out > 1)
		return usage_error("'%s' is not a number between 0 and 1", s);
	return 0;
}

static int parse_size(size_t *out, const char *s)
{
	char *end;
	unsigned long long v;
	errno = 0;
	v = strtoull(s, &end, 10);
	if (errno || end == s || *end || v == 0 || v > SIZE_MAX || s[0] == '-')
		return usage_error("'%s' is not a positive byte count", s);
	*out = (size_t)v;
	return 0;
}

enum { OPT_REF_DATE = 256, OPT_KEEP_GOING, OPT_ACTORS, OPT_MIN_OVERLAP, OPT_MAX_BYTES, OPT_VERSION };

static int parse_options(options *o, int argc, char **argv)
{
	static const struct option longopts[] = {
		{"output", required_argument, NULL, 'o'},
		{"format", required_argument, NULL, 'f'},
		{"ref-date", required_argument, NULL, OPT_REF_DATE},
		{"keep-going", no_argument, NULL, OPT_KEEP_GOING},
		{"actors", required_argument, NULL, OPT_ACTORS},
		{"min-overlap", required_argument, NULL, OPT_MIN_OVERLAP},
		{"max-article-bytes", required_argument, NULL, OPT_MAX_BYTES},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{NULL, 0, NULL, 0},
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:f:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': o->output = optarg; break;
		case 'f':
			if ((rc = parse_format(o, optarg)))
				return rc;
			break;
		case OPT_REF_DATE:
			if (incline_date_parse_day(&o->read.ref_date, optarg, strlen(optarg)))
				return usage_error("invalid --ref-date '%s' (expected YYYY-MM-DD)", optarg);
			break;
		case OPT_KEEP_GOING: o->keep_going = 1; break;
		case OPT_ACTORS: o->actors = optarg; break;
		case OPT_MIN_OVERLAP:
			if ((rc = parse_fraction(&o->merge.min_overlap, optarg)))
				return rc;
			break;
		case OPT_MAX_BYTES:
			if ((rc = parse_size(&o->read.max_bytes, optarg)))
				return rc;
			break;
		case 'h': print_usage(stdout); return -1;
		case OPT_VERSION: printf("incline %s\n", INCLINE_VERSION); return -1;
		default: return EXIT_USAGE;
		}
	}
	o->inputs = argv + optind;
	o->n_inputs = argc - optind;
	if (o->n_inputs == 0)
		return usage_error("%s: no input files", o->command);
	return 0;
}

/* Reads every input; with --keep-going failures are reported and skipped. */
static int read_inputs(incline_article_list *list, const options *o, int *failed)
{
	for (int i = 0; i < o->n_inputs; i++) {
		incline_error err;
		size_t before = list->n;
		incline_error_clear(&err);
		if (incline_article_read(list, o->inputs[i], &o->read, &err) == 0) {
			if (list->n > before)
				continue;
			incline_error_set(&err, INCLINE_EINVAL, o->inputs[i], 0, 0,
					  "no articles found");
		}
		report(&err);
		*failed = 1;
		if (err.code == INCLINE_ENOMEM)
			return EXIT_OUTPUT;
		if (!o->keep_going)
			return EXIT_INPUT;
	}
	return 0;
}

static int extract_all(incline_timeline *tl, const incline_article_list *list, const options *o)
{
	incline_extractor *x = NULL;
	incline_error err;
	int rc;

	incline_error_clear(&err);
	rc = incline_extract_new(&x, &err);
	if (!rc && o->actors)
		rc = incline_extract_load_actors(x, o->actors, &err);
	for (size_t i = 0; !rc && i < list->n; i++)
		rc = incline_extract_article(tl, x, list->items[i], &err);
	incline_extract_free(x);
	if (rc)
		report(&err);
	return rc == 0 ? 0 : rc == INCLINE_ENOMEM ? EXIT_OUTPUT : EXIT_INPUT;
}

typedef struct {
	const options *o;
	const incline_timeline *tl;
} write_job;

static int write_timeline(FILE *fp, void *payload, incline_error *err)
{
	const write_job *job = payload;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == job->o->format)
			return formats[i].emit(fp, job->tl, err);
	return INCLINE_EUSAGE;
}

static int write_output(const options *o, const incline_timeline *tl)
{
	write_job job = {o, tl};
	incline_error err;
	incline_error_clear(&err);
	if (incline_io_write_atomic(o->output ? o->output : "-", write_timeline, &job, &err)) {
		report(&err);
		return EXIT_OUTPUT;
	}
	return 0;
}

static int run_build(options *o, int merge)
{
	incline_article_list list = {0};
	incline_timeline raw = {0}, merged = {0};
	incline_error err;
	int failed = 0, rc = read_inputs(&list, o, &failed);

	if (!rc)
		rc = extract_all(&raw, &list, o);
	incline_article_list_free(&list);
	incline_error_clear(&err);
	if (!rc && merge && incline_merge(&merged, &raw, &o->merge, &err)) {
		report(&err);
		rc = err.code == INCLINE_ELIMIT ? EXIT_INPUT : EXIT_OUTPUT;
	}
	if (!rc) {
		if (!merge)
			incline_timeline_sort(&raw);
		rc = write_output(o, merge ? &merged : &raw);
	}
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	return rc ? rc : failed ? EXIT_INPUT : EXIT_OK;
}

static int dates_of(FILE *fp, const incline_article *a, incline_error *err)
{
	incline_timex_list list = {0};
	int rc = incline_timex_scan(&list, a->bytes + a->body.start, a->body.end - a->body.start,
				    a->base + a->body.start, a->published, err);
	if (!rc)
		rc = incline_emit_timex_ndjson(fp, a, &list, err);
	incline_timex_list_free(&list);
	return rc;
}

static int run_dates(options *o)
{
	incline_article_list list = {0};
	int failed = 0, rc;

	o->read.ref_overrides = 1; /* the scorers pass each document's DCT */
	rc = read_inputs(&list, o, &failed);
	for (size_t i = 0; !rc && i < list.n; i++) {
		incline_error err;
		incline_error_clear(&err);
		if (dates_of(stdout, list.items[i], &err)) {
			report(&err);
			rc = err.code == INCLINE_EIO ? EXIT_OUTPUT : EXIT_INPUT;
		}
	}
	incline_article_list_free(&list);
	if (fflush(stdout) || ferror(stdout)) {
		fprintf(stderr, "incline: error writing output\n");
		return EXIT_OUTPUT;
	}
	return rc ? rc : failed ? EXIT_INPUT : EXIT_OK;
}

int main(int argc, char **argv)
{
	options o = {0};
	int rc;

	o.read.ref_date = INCLINE_DAY_NONE;
	incline_merge_opts_default(&o.merge);
	if (argc < 2)
		return usage_error("%s", "missing command (build, extract or dates)");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("incline %s\n", INCLINE_VERSION);
		return EXIT_OK;
	}
	o.command = argv[1];
	if (strcmp(o.command, "build") && strcmp(o.command, "extract") && strcmp(o.command, "dates"))
		return usage_error("unknown command '%s' (build, extract or dates)", o.command);
	rc = parse_options(&o, argc - 1, argv + 1);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (strcmp(o.command, "dates") == 0)
		return run_dates(&o);
	if (strcmp(o.command, "extract") == 0) {
		o.format = FORMAT_NDJSON;
		return run_build(&o, 0);
	}
	return run_build(&o, 1);
}
