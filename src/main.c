/* The incline command: options in, one library call (run.h), exit code
 * out. The only place that prints to stderr or exits. */
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

/* Output formats of build and merge; the name is also --split's file
 * extension. */
static const struct {
	const char *name;
	incline_run_emit_fn emit;
} formats[] = {
	{"json", incline_emit_json},
	{"csv", incline_emit_csv},
	{"ndjson", incline_emit_ndjson},
	{"timelinejs", incline_emit_timelinejs},
	{"timesketch", incline_emit_timesketch},
	{"stix", incline_emit_stix},
	{"markdown", incline_emit_markdown},
	{"html", incline_emit_html},
};

typedef int (*command_fn)(incline_run_status *, const incline_run_opts *,
			  const char *const *, size_t, incline_error *);

static const struct {
	const char *name;
	command_fn run;
} commands[] = {
	{"build", incline_run_build},
	{"extract", incline_run_extract},
	{"dates", incline_run_dates},
	{"merge", incline_run_merge},
};

typedef struct options {
	const char *command;
	command_fn run;
	incline_run_opts run_opts; /* output, format, read and merge options */
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

/* Prints an error or warning as `incline: FILE:LINE:COL: message`; also
 * the run's report callback (it always goes on). */
static int report(const incline_error *err, void *payload)
{
	if (err->line > 0)
		fprintf(stderr, "incline: %s:%d:%d: %s\n", err->file, err->line, err->column, err->text);
	else if (err->file[0])
		fprintf(stderr, "incline: %s: %s\n", err->file, err->text);
	else
		fprintf(stderr, "incline: %s\n", err->text);
	return 0;
}

static int parse_format(incline_run_opts *ro, const char *name)
{
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++) {
		if (strcmp(formats[i].name, name) == 0) {
			ro->emit = formats[i].emit;
			ro->ext = formats[i].name;
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
	incline_run_opts *ro = &o->run_opts;
	int c, rc;

	while ((c = getopt_long(argc, argv, "o:f:j:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o': ro->output = optarg; break;
		case 'f':
			if ((rc = parse_format(ro, optarg)))
				return rc;
			break;
		case OPT_REF_DATE:
			if (incline_date_parse_day(&ro->read.ref_date, optarg, strlen(optarg)))
				return usage_error("invalid --ref-date '%s' (expected YYYY-MM-DD)", optarg);
			break;
		case OPT_KEEP_GOING: ro->keep_going = 1; break;
		case 'j':
			if ((rc = parse_jobs(&ro->jobs, optarg)))
				return rc;
			break;
		case OPT_SPLIT: ro->split = 1; break;
		case OPT_ACTORS: ro->actors = optarg; break;
		case OPT_MIN_OVERLAP:
			if ((rc = parse_fraction(&ro->merge.min_overlap, optarg)))
				return rc;
			break;
		case OPT_MAX_BYTES:
			if ((rc = parse_size(&ro->read.max_bytes, optarg)))
				return rc;
			break;
		case 'h': print_usage(stdout); return -1;
		case OPT_VERSION: printf("incline %s\n", INCLINE_VERSION); return -1;
		case OPT_UPDATE: ro->update = optarg; break;
		case OPT_INPUT_FORMAT:
			if ((rc = incline_input_format_from_name(optarg)) < 0)
				return usage_error("unknown input format '%s' (text, json, ndjson, html or csv)",
						   optarg);
			ro->read.format = (incline_input_format)rc;
			break;
		default: return EXIT_USAGE;
		}
	}
	o->inputs = argv + optind;
	o->n_inputs = argc - optind;
	if (o->n_inputs == 0)
		return usage_error("%s: no input files", o->command);
	if (ro->update && strcmp(o->command, "build") != 0)
		return usage_error("--update works with build, not %s", o->command);
	if (ro->update && (ro->output || ro->emit != incline_emit_json))
		return usage_error("%s", "--update writes its JSON timeline in place: no -o or -f");
	if (ro->split && ((strcmp(o->command, "build") && strcmp(o->command, "merge")) || !ro->output
			  || strcmp(ro->output, "-") == 0))
		return usage_error("%s", "--split needs `build` or `merge` and -o DIR");
	if (strcmp(o->command, "dates") == 0)
		ro->read.ref_overrides = 1; /* the scorers pass each document's DCT */
	ro->on_report = report;
	return 0;
}

int main(int argc, char **argv)
{
	options o = {0};
	incline_run_status st;
	incline_error err;
	int rc;

	incline_run_opts_default(&o.run_opts);
	o.run_opts.emit = incline_emit_json;
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
	for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
		if (strcmp(commands[i].name, o.command) == 0)
			o.run = commands[i].run;
	if (!o.run)
		return usage_error("unknown command '%s' (build, extract, dates or merge)", o.command);
	rc = parse_options(&o, argc - 1, argv + 1);
	if (rc)
		return rc < 0 ? EXIT_OK : rc;
	if (o.run(&st, &o.run_opts, (const char *const *)o.inputs, (size_t)o.n_inputs, &err)) {
		report(&err, NULL);
		return st.output ? EXIT_OUTPUT : EXIT_INPUT;
	}
	return st.skipped ? EXIT_INPUT : EXIT_OK;
}
