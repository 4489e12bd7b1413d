/* The incline command: options in, library pipeline, exit code out. The
 * only place that prints to stderr or exits. */
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "incline/incline.h"

/* Exit codes (documented in the README). */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,  /* an input could not be read or is invalid */
	EXIT_USAGE = 2,  /* bad command line */
	EXIT_OUTPUT = 3  /* output not written (write failure, out of memory) */
};

typedef enum {
	FORMAT_JSON, FORMAT_CSV, FORMAT_NDJSON, FORMAT_TIMELINEJS,
	FORMAT_TIMESKETCH, FORMAT_STIX, FORMAT_MARKDOWN, FORMAT_HTML
} out_format;

static const struct {
	const char *name;
	out_format format;
	int (*emit)(FILE *, const incline_timeline *, incline_error *);
} formats[] = {
	{"json", FORMAT_JSON, incline_emit_json},
	{"csv", FORMAT_CSV, incline_emit_csv},
	{"ndjson", FORMAT_NDJSON, incline_emit_ndjson},
	{"timelinejs", FORMAT_TIMELINEJS, incline_emit_timelinejs},
	{"timesketch", FORMAT_TIMESKETCH, incline_emit_timesketch},
	{"stix", FORMAT_STIX, incline_emit_stix},
	{"markdown", FORMAT_MARKDOWN, incline_emit_markdown},
	{"html", FORMAT_HTML, incline_emit_html},
};

typedef struct options {
	const char *command;
	const char *output;   /* NULL = stdout */
	const char *actors;   /* user actor alias file */
	const char *update;   /* build --update: the timeline to extend */
	out_format format;
	incline_read_opts read;
	incline_merge_opts merge;
	int keep_going;
	unsigned jobs;         /* worker threads (-j) */
	int split;            /* --split: one file per incident in output */
	char **inputs;
	int n_inputs;
} options;

static const char usage_text[] =
	"usage: incline build [options] FILE|DIR|- ...   articles -> one timeline\n"
	"       incline extract [options] FILE|DIR|- ... events, one JSON object per line\n"
	"       incline dates [options] FILE|DIR|- ...   date expressions, one JSON object per line\n"
	"       incline merge [options] FILE|DIR|- ...   timelines and/or extract outputs -> one timeline\n"
	"\n"
	"options:\n"
	"  -o, --output FILE      write to FILE (atomically) instead of stdout\n"
	"  -f, --format FMT       output of build and merge: json (default), csv, ndjson,\n"
	"                         timelinejs, timesketch, stix, markdown or html\n"
	"      --update FILE      build: add the articles to timeline FILE in place\n"
	"                         (atomically; articles already in it change nothing)\n"
	"      --input-format F   text, json, ndjson, html or csv (default: detected\n"
	"                         per file from its name and first bytes)\n"
	"      --ref-date DATE    publication date YYYY-MM-DD for inputs without one\n"
	"                         (for `dates`: the reference date for every input)\n"
	"      --keep-going       process what could be read when some inputs fail\n"
	"      --actors FILE      extra actor aliases, one \"alias<TAB>name\" per line\n"
	"      --max-article-bytes N  refuse articles larger than N bytes (default 64 MiB)\n"
	"  -j, --jobs N           extract with N threads (same output; default 1)\n"
	"      --split            build, merge: one timeline per incident, written to the\n"
	"                         folder given with -o (created if missing)\n"
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
	return usage_error("unknown format '%s' (json, csv, ndjson, timelinejs, timesketch, stix, markdown or html)", name);
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

static int parse_jobs(unsigned *out, const char *s)
{
	char *end;
	long v;
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 1 || v > (long)INCLINE_MAX_THREADS)
		return usage_error("'%s' is not a number of threads (1..256)", s);
	*out = (unsigned)v;
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

enum { OPT_REF_DATE = 256, OPT_KEEP_GOING, OPT_ACTORS, OPT_MIN_OVERLAP, OPT_MAX_BYTES, OPT_VERSION,
       OPT_UPDATE, OPT_SPLIT, OPT_INPUT_FORMAT };

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
		{"jobs", required_argument, NULL, 'j'},
		{"split", no_argument, NULL, OPT_SPLIT},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, OPT_VERSION},
		{"update", required_argument, NULL, OPT_UPDATE},
		{"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
		{NULL, 0, NULL, 0},
	};
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:f:j:h", longopts, NULL)) != -1) {
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
		case 'j':
			if ((rc = parse_jobs(&o->jobs, optarg)))
				return rc;
			break;
		case OPT_SPLIT: o->split = 1; break;
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
		case OPT_UPDATE: o->update = optarg; break;
		case OPT_INPUT_FORMAT:
			if ((rc = incline_input_format_from_name(optarg)) < 0)
				return usage_error("unknown input format '%s' (text, json, ndjson, html or csv)",
						   optarg);
			o->read.format = (incline_input_format)rc;
			break;
		default: return EXIT_USAGE;
		}
	}
	o->inputs = argv + optind;
	o->n_inputs = argc - optind;
	if (o->n_inputs == 0)
		return usage_error("%s: no input files", o->command);
	if (o->update && strcmp(o->command, "build") != 0)
		return usage_error("--update works with build, not %s", o->command);
	if (o->update && (o->output || o->format != FORMAT_JSON))
		return usage_error("%s", "--update writes its JSON timeline in place: no -o or -f");
	if (o->split && ((strcmp(o->command, "build") && strcmp(o->command, "merge")) || !o->output
			 || strcmp(o->output, "-") == 0))
		return usage_error("%s", "--split needs `build` or `merge` and -o DIR");
	return 0;
}

/* An error of the work on articles (not of an input): out of memory or
 * a failed write is EXIT_OUTPUT, anything else EXIT_INPUT. */
static int work_exit(int code)
{
	return code == INCLINE_ENOMEM || code == INCLINE_EIO ? EXIT_OUTPUT : EXIT_INPUT;
}

/* What the per-article callbacks share (read-only in the workers). */
typedef struct run_ctx {
	const options *o;
	FILE *fp;              /* extract, dates: where the lines go */
	incline_timeline *raw; /* build: the events collected so far */
} run_ctx;

typedef struct feed {
	incline_pipeline *p;
	size_t n;    /* articles of the current input */
	int stopped; /* the pipeline failed: not the input's fault */
} feed;

/* Invalid UTF-8 is read as U+FFFD for matching (offsets stay those of the
 * bytes on disk); say where the first one is, once per article. */
static void warn_invalid_utf8(const incline_article *a)
{
	size_t len = a->body.end - a->body.start;
	size_t bad = incline_text_utf8_check(a->bytes + a->body.start, len);
	int line, col;
	if (bad == len)
		return;
	bad += a->body.start;
	incline_text_position(&line, &col, a->bytes, a->body.end, bad);
	if (a->base == 0)
		fprintf(stderr, "incline: %s:%d:%d: warning: invalid UTF-8, read as U+FFFD\n",
			a->id, line, col);
	else
		fprintf(stderr, "incline: %s: byte %zu: warning: invalid UTF-8, read as U+FFFD\n",
			a->id, a->base + bad);
}

static int push_article(incline_article *a, void *payload, incline_error *err)
{
	feed *f = payload;
	f->n++;
	warn_invalid_utf8(a);
	return f->stopped = incline_pipeline_push(f->p, a, err);
}

/* --keep-going: a bad record of a JSON, NDJSON or CSV file is reported and
 * skipped; payload is the `failed` flag. */
static int skip_record(const incline_error *err, void *payload)
{
	report(err);
	*(int *)payload = 1;
	return 0;
}

/* Streams every article of every input through the pipeline, one at a
 * time, so memory is bounded by the articles in flight, not the corpus.
 * With --keep-going an input that fails is reported and skipped. */
static int run_inputs(run_ctx *ctx, const incline_pipeline_ops *ops, int *failed)
{
	const options *o = ctx->o;
	incline_read_opts ro = o->read;
	incline_pipeline *p = NULL;
	incline_error err;
	int rc = 0;

	if (o->keep_going) {
		ro.on_record_error = skip_record;
		ro.payload = failed;
	}
	incline_error_clear(&err);
	if (incline_pipeline_new(&p, o->jobs ? o->jobs : 1, ops, ctx, &err)) {
		report(&err);
		return err.code == INCLINE_ENOMEM ? EXIT_OUTPUT : EXIT_INPUT;
	}
	for (int i = 0; !rc && i < o->n_inputs; i++) {
		feed f = {p, 0, 0};
		incline_error_clear(&err);
		if (incline_article_each(o->inputs[i], &ro, push_article, &f, &err) == 0) {
			if (f.n > 0)
				continue;
			incline_error_set(&err, INCLINE_EINVAL, o->inputs[i], 0, 0,
					  "no articles found");
		}
		report(&err);
		if (f.stopped)
			rc = work_exit(err.code);
		else if (err.code == INCLINE_ENOMEM)
			rc = EXIT_OUTPUT;
		else if (!o->keep_going)
			rc = EXIT_INPUT;
		*failed |= !f.stopped;
	}
	incline_error_clear(&err);
	if (!rc && incline_pipeline_finish(p, &err)) {
		report(&err);
		rc = work_exit(err.code);
	}
	incline_pipeline_free(p);
	return rc;
}

/* ---- the per-article work (in worker threads) ---- */

static int extractor_new(void **out, void *payload, incline_error *err)
{
	const options *o = ((const run_ctx *)payload)->o;
	incline_extractor *x = NULL;
	int rc = incline_extract_new(&x, err);

	if (!rc && o->actors && (rc = incline_extract_load_actors(x, o->actors, err))) {
		incline_extract_free(x);
		x = NULL;
	}
	*out = x;
	return rc;
}

static void extractor_free(void *x)
{
	incline_extract_free(x);
}

static void no_worker_free(void *w)
{
	(void)w;
}

static int no_worker_new(void **out, void *payload, incline_error *err)
{
	*out = payload; /* dates need no per-thread state; any non-NULL will do */
	return 0;
}

/* Takes an offset pair into a decoded article text to the file's. */
static void to_file(size_t *start, size_t *end, void *payload)
{
	incline_article_file_span(payload, start, end);
}

/* Article a's events in a new timeline. */
static int extract_events(incline_timeline **out, void *x, const incline_article *a,
			  incline_error *err)
{
	int rc;

	if (!(*out = calloc(1, sizeof **out)))
		return incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
	if ((rc = incline_extract_article(*out, x, a, err)))
		return rc;
	/* Decoded text (JSON, HTML, CSV): spans back to the file. */
	if (a->map)
		incline_events_map_spans((*out)->events, (*out)->n, a->id, to_file, (void *)a);
	incline_timeline_sort(*out);
	return 0;
}

static void timeline_free(void *tl)
{
	incline_timeline_free(tl);
	free(tl);
}

/* Text a worker wrote for one article, written out in input order. */
typedef struct text_block {
	char *p;
	size_t n;
} text_block;

static void text_block_free(void *r)
{
	text_block *b = r;
	if (b)
		free(b->p);
	free(b);
}

/* A new text_block filled by emit_fn(fp, arg, a). */
static int text_of(void **out, int (*emit_fn)(FILE *, const void *, const incline_article *,
					     incline_error *),
		   const void *arg, const incline_article *a, incline_error *err)
{
	text_block *b = calloc(1, sizeof *b);
	FILE *fp;
	int rc;

	*out = b;
	if (!b || !(fp = open_memstream(&b->p, &b->n)))
		return incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
	rc = emit_fn(fp, arg, a, err);
	if (fclose(fp) && !rc)
		rc = incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
	return rc;
}

static int events_ndjson(FILE *fp, const void *tl, const incline_article *a, incline_error *err)
{
	return incline_emit_ndjson(fp, tl, err);
}

static int extract_work(void **out, void *x, const incline_article *a, incline_error *err)
{
	incline_timeline *tl = NULL;
	int rc = extract_events(&tl, x, a, err);

	*out = NULL;
	if (!rc)
		rc = text_of(out, events_ndjson, tl, a, err);
	timeline_free(tl);
	return rc;
}

static int dates_ndjson(FILE *fp, const void *unused, const incline_article *a, incline_error *err)
{
	incline_timex_list list = {0};
	incline_article view;
	int rc = incline_timex_scan(&list, a->bytes + a->body.start, a->body.end - a->body.start,
				    a->base + a->body.start, a->published, err);
	/* Offsets and text as in the file, for decoded articles too. */
	for (size_t i = 0; !rc && i < list.n; i++)
		incline_article_file_span(a, &list.items[i].start, &list.items[i].end);
	incline_article_file_view(&view, a);
	if (!rc)
		rc = incline_emit_timex_ndjson(fp, &view, &list, err);
	incline_timex_list_free(&list);
	return rc;
}

static int dates_work(void **out, void *unused, const incline_article *a, incline_error *err)
{
	return text_of(out, dates_ndjson, NULL, a, err);
}

static int build_work(void **out, void *x, const incline_article *a, incline_error *err)
{
	incline_timeline *tl = NULL;
	int rc = extract_events(&tl, x, a, err);

	*out = tl;
	return rc;
}

/* ---- the results (in the main thread, in input order) ---- */

static int write_block(void *r, const incline_article *a, void *payload, incline_error *err)
{
	FILE *fp = ((run_ctx *)payload)->fp;
	text_block *b = r;
	int rc = 0;

	if (b && b->n && fwrite(b->p, 1, b->n, fp) != b->n)
		rc = incline_error_set(err, INCLINE_EIO, "-", 0, 0, "cannot write the output");
	text_block_free(b);
	return rc;
}

/* Moves one article's events (taken) into the timeline being built: only
 * events are kept, the article's bytes are freed once this returns. */
static int collect_events(void *r, const incline_article *a, void *payload, incline_error *err)
{
	incline_timeline *raw = ((run_ctx *)payload)->raw;
	incline_timeline *tl = r;
	int rc = 0;

	for (size_t i = 0; !rc && i < tl->n_articles; i++)
		rc = incline_timeline_add_article(raw, tl->articles[i]);
	for (size_t i = 0; !rc && i < tl->n; i++)
		rc = incline_timeline_take(raw, &tl->events[i]);
	if (!rc)
		tl->n = 0; /* moved */
	timeline_free(tl);
	return rc ? incline_error_set(err, rc, a->id, 0, 0, "out of memory") : 0;
}

typedef struct write_job {
	const options *o;
	const incline_timeline *tl;   /* build: the timeline to write */
	const incline_pipeline_ops *stream; /* extract, dates: the work */
	int rc;                       /* exit code of the streaming run */
	int failed;
} write_job;

static int write_timeline(FILE *fp, void *payload, incline_error *err)
{
	write_job *job = payload;

	if (job->stream) {
		/* Streaming: each article's lines are written as soon as it
		 * is done; a failed run leaves an -o FILE untouched. */
		run_ctx ctx = {job->o, fp, NULL};
		job->rc = run_inputs(&ctx, job->stream, &job->failed);
		return job->rc ? incline_error_set(err, INCLINE_EIO, NULL, 0, 0, "%s",
						   "incomplete") : 0;
	}
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == job->o->format)
			return formats[i].emit(fp, job->tl, err);
	return INCLINE_EUSAGE;
}

static int write_output(write_job *job)
{
	incline_error err;
	incline_error_clear(&err);
	if (incline_io_write_atomic(job->o->output ? job->o->output : "-", write_timeline, job,
				    &err)) {
		if (job->rc)
			return job->rc; /* already reported */
		report(&err);
		return EXIT_OUTPUT;
	}
	return job->rc ? job->rc : job->failed ? EXIT_INPUT : EXIT_OK;
}

/* Loads a timeline or NDJSON stream. */
static int load_one(const char *file, void *payload, incline_error *err)
{
	incline_timeline *tl = payload;
	return incline_load_file(tl, file, NULL, err);
}

/* Loads every input; with --keep-going a failure is reported and skipped. */
static int load_inputs(incline_timeline *tl, const options *o, int *failed)
{
	for (int i = 0; i < o->n_inputs; i++) {
		incline_error err;
		incline_error_clear(&err);
		if ((strcmp(o->inputs[i], "-") == 0 ? load_one(o->inputs[i], tl, &err)
		     : incline_io_walk(o->inputs[i], load_one, tl, &err)) == 0)
			continue;
		report(&err);
		*failed = 1;
		if (err.code == INCLINE_ENOMEM)
			return EXIT_OUTPUT;
		if (!o->keep_going)
			return EXIT_INPUT;
	}
	return 0;
}

/* build --update FILE: the kept timeline joins the new articles' events. */
static int load_update(incline_timeline *tl, options *o)
{
	incline_error err;
	incline_error_clear(&err);
	if (incline_load_file(tl, o->update, NULL, &err) == 0) {
		o->output = o->update;
		return 0;
	}
	report(&err);
	return err.code == INCLINE_ENOMEM ? EXIT_OUTPUT : EXIT_INPUT;
}

/* --split: one timeline per incident, DIR/<slug>.<format>, each written
 * atomically. */
static int write_split(const options *o, const incline_timeline *tl)
{
	const char *ext = "json";
	incline_error err;
	int rc = 0;

	incline_error_clear(&err);
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (formats[i].format == o->format)
			ext = formats[i].name; /* the format's name is its extension */
	if (mkdir(o->output, 0777) && errno != EEXIST) {
		fprintf(stderr, "incline: %s: %s\n", o->output, strerror(errno));
		return EXIT_OUTPUT;
	}
	for (size_t i = 0; !rc && i < tl->n_incidents; i++) {
		incline_timeline one = {0};
		options each = *o;
		char stem[INCLINE_SLUG_MAX + 32], *path;
		size_t len;

		if (incline_incident_file_stem(stem, sizeof stem, tl, i)
		    || incline_incident_extract(&one, tl, i)) {
			fprintf(stderr, "incline: out of memory\n");
			return EXIT_OUTPUT;
		}
		len = strlen(o->output) + strlen(stem) + 16;
		if (!(path = malloc(len))) {
			incline_timeline_free(&one);
			fprintf(stderr, "incline: out of memory\n");
			return EXIT_OUTPUT;
		}
		snprintf(path, len, "%s/%s.%s", o->output, stem, ext);
		each.output = path;
		{
			write_job job = {&each, &one, NULL, 0, 0};
			rc = write_output(&job);
		}
		free(path);
		incline_timeline_free(&one);
	}
	return rc;
}

/* Merges the timeline(s) in raw (freed) and writes the result. */
static int merge_and_write(options *o, incline_timeline *raw)
{
	incline_timeline merged = {0};
	incline_error err;
	int rc = 0;

	incline_error_clear(&err);
	/* raw is freed by the merge: its strings move, not copied */
	if (incline_merge_take(&merged, raw, &o->merge, &err)) {
		report(&err);
		rc = work_exit(err.code); /* INCLINE_ELIMIT: too much input */
	}
	if (!rc && o->split) {
		rc = write_split(o, &merged);
	} else if (!rc) {
		write_job job = {o, &merged, NULL, 0, 0};
		rc = write_output(&job);
	}
	incline_timeline_free(&merged);
	return rc;
}

static int run_merge(options *o)
{
	incline_timeline in = {0};
	int failed = 0, rc = load_inputs(&in, o, &failed);

	if (rc) {
		incline_timeline_free(&in);
		return rc;
	}
	rc = merge_and_write(o, &in);
	return rc ? rc : failed ? EXIT_INPUT : EXIT_OK;
}

static int run_build(options *o)
{
	incline_pipeline_ops ops = {extractor_new, extractor_free, build_work, collect_events,
				    timeline_free};
	incline_timeline raw = {0};
	run_ctx ctx = {o, NULL, &raw};
	int failed = 0, rc = o->update ? load_update(&raw, o) : 0;

	if (!rc)
		rc = run_inputs(&ctx, &ops, &failed);
	if (rc) {
		incline_timeline_free(&raw);
		return rc;
	}
	rc = merge_and_write(o, &raw);
	return rc ? rc : failed ? EXIT_INPUT : EXIT_OK;
}

/* extract and dates: one article's lines at a time, in input order. */
static int run_stream(options *o, const incline_pipeline_ops *ops)
{
	write_job job = {o, NULL, ops, 0, 0};
	return write_output(&job);
}

int main(int argc, char **argv)
{
	options o = {0};
	int rc;

	o.read.ref_date = INCLINE_DAY_NONE;
	incline_merge_opts_default(&o.merge);
	if (argc < 2)
		return usage_error("%s", "missing command (build, extract, dates or merge)");
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		print_usage(stdout);
		return EXIT_OK;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("incline %s\n", INCLINE_VERSION);
		return EXIT_OK;
	}
	o.command = argv[1];
	if (strcmp(o.command, "build") && strcmp(o.command, "extract") && strcmp(o.command, "dates")
	    && strcmp(o.command, "merge"))
		return usage_error("unknown command '%s' (build, extract, dates or merge)", o.command);
	rc = parse_options(&o, argc - 1, argv + 1);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (strcmp(o.command, "dates") == 0) {
		static const incline_pipeline_ops dates = {no_worker_new, no_worker_free, dates_work,
							   write_block, text_block_free};
		o.read.ref_overrides = 1; /* the scorers pass each document's DCT */
		return run_stream(&o, &dates);
	}
	if (strcmp(o.command, "extract") == 0) {
		static const incline_pipeline_ops extract = {extractor_new, extractor_free,
							     extract_work, write_block,
							     text_block_free};
		return run_stream(&o, &extract);
	}
	if (strcmp(o.command, "merge") == 0)
		return run_merge(&o);
	return run_build(&o);
}
