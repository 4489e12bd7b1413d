/* The commands as library calls: articles streamed through the pipeline
 * (pipeline.c) into per-article work, results consumed in input order,
 * then merged and written. pipeline.c stays a generic engine (any work,
 * any result); this file is what incline does with it. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "incline/emit.h"
#include "incline/extract.h"
#include "incline/incident.h"
#include "incline/io.h"
#include "incline/load.h"
#include "incline/pipeline.h"
#include "incline/run.h"
#include "incline/text.h"
#include "incline/timex.h"
#include "array.h"
#include "emit_ndjson.h"
#include "emit_timex.h"

void incline_run_opts_default(incline_run_opts *opts)
{
	memset(opts, 0, sizeof *opts);
	opts->read.ref_date = INCLINE_DAY_NONE;
	opts->jobs = 1;
	incline_merge_opts_default(&opts->merge);
}

/* Fails the run with code: output says whether it is the output's fault. */
static int fail(incline_run_status *st, int code, int output)
{
	st->output = output;
	return code;
}

/* An error of the work on articles (not of an input): out of memory or a
 * failed write is the output's, anything else (a limit, bad data) the
 * input's. */
static int work_fail(incline_run_status *st, int code)
{
	return fail(st, code, code == INCLINE_ENOMEM || code == INCLINE_EIO);
}

/* What a command does with each article: work (in a worker thread) and
 * emit (in the caller's thread, in input order). */
typedef struct cmd_ops {
	/* One worker's private state (see incline_pipeline_ops). */
	int (*worker_new)(void **out, void *payload, incline_error *err);
	void (*worker_free)(void *worker);
	/* *out (new, NULL allowed) from article a (borrowed). */
	int (*work)(void **out, void *worker, const incline_article *a, incline_error *err);
	/* Consumes result (taken) of article a (borrowed). */
	int (*emit)(void *result, const incline_article *a, void *payload, incline_error *err);
	void (*result_free)(void *result);
} cmd_ops;

/* What the callbacks share: read-only in the workers but for the parts
 * marked "caller's thread". */
typedef struct run_ctx {
	const incline_run_opts *o;
	incline_run_status *st;
	FILE *fp;              /* extract, dates: where the lines go */
	incline_timeline *raw; /* build: the events collected so far */
	const cmd_ops *cmd;
	const char *const *inputs;
	incline_read_opts ro;  /* the readers' options */
	/* caller's thread, while emitting: */
	size_t input;     /* the input being emitted */
	size_t n_found;   /* its articles emitted so far */
	int lost_file;    /* a file of it failed and was skipped (keep_going):
			     not also "no articles found" */
	int handled;      /* the status and error of a failure are set */
} run_ctx;

/* One problem the run goes on after, to the caller's report callback. */
static int report(const run_ctx *ctx, const incline_error *err)
{
	return ctx->o->on_report ? ctx->o->on_report(err, ctx->o->payload) : 0;
}

/* Invalid UTF-8 is read as U+FFFD for matching (offsets stay those of the
 * bytes on disk); the warning says where the first one is, once per
 * article. Whether there is one (computed in a worker, reported in input
 * order). */
static int utf8_warning(incline_error *w, const incline_article *a)
{
	size_t len = a->body.end - a->body.start;
	size_t bad = incline_text_utf8_check(a->bytes + a->body.start, len);
	int line, col;

	if (bad == len)
		return 0;
	bad += a->body.start;
	incline_error_clear(w);
	if (a->base == 0) {
		incline_text_position(&line, &col, a->bytes, a->body.end, bad);
		incline_error_set(w, INCLINE_OK, a->id, line, col,
				  "warning: invalid UTF-8, read as U+FFFD");
	} else {
		incline_error_set(w, INCLINE_OK, a->id, 0, 0,
				  "byte %zu: warning: invalid UTF-8, read as U+FFFD",
				  a->base + bad);
	}
	w->offset = (int64_t)(a->base + bad);
	return 1;
}

/* ---- jobs: what the caller's thread hands the workers ----
 *
 * Reading a file (open, read, parse the header, check the bytes) costs
 * about as much as finding its dates, so a file that holds one article
 * is a job of its own, read by the worker that takes it: the caller's
 * thread only walks the folders. A file that may hold many articles
 * (JSON, NDJSON, CSV, stdin) is read by the caller's thread, which hands
 * each article to the workers, so one large file still keeps them all
 * busy. Everything that reaches the user (output, warnings, skipped
 * records, errors) is handled when a job is emitted, in input order, so
 * it is the same for any number of threads. */

typedef enum job_kind {
	JOB_ARTICLE, /* an article the caller's thread read */
	JOB_FILE,    /* a file a worker reads */
	JOB_SKIP,    /* a record the caller's thread skipped (keep_going) */
	JOB_FAIL,    /* a file the caller's thread failed to read (keep_going) */
	JOB_END      /* the caller's thread is done with an input */
} job_kind;

typedef struct run_job {
	job_kind kind;
	size_t input;       /* index into the inputs */
	incline_article *a; /* ARTICLE (owned until the work takes it) */
	char *path;         /* FILE (owned) */
	int code;           /* END, FAIL: how reading ended (0, or e's error) */
	incline_error e;    /* SKIP: the record's error; END, FAIL: the error */
} run_job;

static void job_free(void *p)
{
	run_job *j = p;

	if (!j)
		return;
	incline_article_free(j->a);
	free(j->path);
	free(j);
}

enum { NOTE_NONE, NOTE_WARN, NOTE_SKIP };

/* One article and its result, or a note to report, in input order. */
typedef struct item {
	int note;           /* NOTE_WARN: e is a warning; NOTE_SKIP: a skipped
			       record; NOTE_NONE: an article */
	incline_article *a; /* owned */
	void *result;       /* the command's, owned */
	int rc;             /* the command's work failed on a: e says why */
	incline_error e;
} item;

/* What a worker made of an ARTICLE or FILE job. */
typedef struct outcome {
	const run_ctx *ctx;
	item *items;
	size_t n, cap;
	int code;         /* reading the file stopped with this error (e) */
	incline_error e;
} outcome;

static void outcome_free(void *p)
{
	outcome *o = p;

	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++) {
		if (o->items[i].result)
			o->ctx->cmd->result_free(o->items[i].result);
		incline_article_free(o->items[i].a);
	}
	free(o->items);
	free(o);
}

static item *add_item(outcome *o)
{
	void *items = o->items;
	item *it;

	if (incline_array_reserve(&items, &o->cap, o->n + 1, sizeof *o->items))
		return NULL;
	o->items = items;
	it = &o->items[o->n++];
	memset(it, 0, sizeof *it);
	return it;
}

/* The per-thread state of the pipeline: the command's worker. */
typedef struct run_worker {
	const run_ctx *ctx;
	void *cmd; /* the command's worker */
} run_worker;

static int run_worker_new(void **out, void *payload, incline_error *err)
{
	const run_ctx *ctx = payload;
	run_worker *w = calloc(1, sizeof *w);
	int rc;

	*out = NULL;
	if (!w)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	w->ctx = ctx;
	if ((rc = ctx->cmd->worker_new(&w->cmd, payload, err))) {
		free(w);
		return rc;
	}
	*out = w;
	return 0;
}

static void run_worker_free(void *p)
{
	run_worker *w = p;

	if (w)
		w->ctx->cmd->worker_free(w->cmd);
	free(w);
}

/* The command's work on article a (taken) into o. Returns its error, so
 * a file's reading stops there. */
static int work_article(run_worker *w, outcome *o, incline_article *a, incline_error *err)
{
	incline_error warn;
	item *it;

	if (w->ctx->o->on_report && utf8_warning(&warn, a)) {
		if (!(it = add_item(o)))
			goto nomem;
		it->note = NOTE_WARN;
		it->e = warn;
	}
	if (!(it = add_item(o)))
		goto nomem;
	it->a = a;
	incline_error_clear(&it->e);
	it->rc = w->ctx->cmd->work(&it->result, w->cmd, a, &it->e);
	return it->rc;
nomem:
	incline_article_free(a);
	return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
}

typedef struct file_reader {
	run_worker *w;
	outcome *o;
} file_reader;

static int take_article(incline_article *a, void *payload, incline_error *err)
{
	file_reader *r = payload;
	return work_article(r->w, r->o, a, err);
}

/* keep_going, in a worker: the record is skipped; the note is reported
 * when the file's results are emitted. */
static int note_skip(const incline_error *err, void *payload)
{
	file_reader *r = payload;
	item *it = add_item(r->o);

	if (!it)
		return INCLINE_ENOMEM;
	it->note = NOTE_SKIP;
	it->e = *err;
	return 0;
}

static int job_work(void **out, void *wp, void *jp, incline_error *err)
{
	run_worker *w = wp;
	run_job *j = jp;
	outcome *o;

	*out = NULL;
	if (j->kind == JOB_SKIP || j->kind == JOB_FAIL || j->kind == JOB_END)
		return 0;
	if (!(o = calloc(1, sizeof *o)))
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	o->ctx = w->ctx;
	incline_error_clear(&o->e);
	*out = o;
	if (j->kind == JOB_ARTICLE) {
		incline_article *a = j->a;

		j->a = NULL;
		if (work_article(w, o, a, &o->e) == INCLINE_ENOMEM && o->e.code)
			o->code = INCLINE_ENOMEM;
	} else {
		file_reader r = {w, o};
		incline_read_opts ro = w->ctx->ro;

		if (w->ctx->o->keep_going) {
			ro.on_record_error = note_skip;
			ro.payload = &r;
		}
		o->code = incline_article_each(j->path, &ro, take_article, &r, &o->e);
	}
	return 0;
}

/* An input or one file of it failed with code (e says where; stopped:
 * the command's work failed, not the reading): with keep_going it is
 * reported and skipped (the other files of a folder still count), else
 * the run fails. */
static int input_failed(run_ctx *ctx, int code, const incline_error *e, int stopped,
			incline_error *err)
{
	incline_run_status *st = ctx->st;
	int rc = 0;

	if (e->code)
		code = e->code;
	if (stopped)
		rc = work_fail(st, code);
	else if (code == INCLINE_ENOMEM || !ctx->o->keep_going)
		rc = fail(st, code, code == INCLINE_ENOMEM);
	if (rc) {
		if (err)
			*err = *e;
		ctx->handled = 1;
		return rc;
	}
	ctx->lost_file = 1;
	st->skipped++;
	if ((rc = report(ctx, e))) {
		incline_error_set(err, rc, ctx->inputs[ctx->input], 0, 0, "%s",
				  incline_error_name(rc));
		fail(st, rc, 0);
		ctx->handled = 1;
	}
	return rc;
}

/* A note from the readers: a warning, or a skipped record (counted). */
static int note(run_ctx *ctx, int kind, const incline_error *e, incline_error *err)
{
	int rc;

	if (kind == NOTE_SKIP)
		ctx->st->skipped++;
	if ((rc = report(ctx, e))) {
		incline_error_set(err, rc, ctx->inputs[ctx->input], 0, 0, "%s",
				  incline_error_name(rc));
		fail(ctx->st, rc, 0);
		ctx->handled = 1;
	}
	return rc;
}

/* The items of o (taken) in order: notes reported, results emitted. */
static int emit_outcome(run_ctx *ctx, outcome *o, incline_error *err)
{
	int rc = 0;
	size_t i;

	for (i = 0; !rc && i < o->n; i++) {
		item *it = &o->items[i];

		if (it->note) {
			rc = note(ctx, it->note, &it->e, err);
		} else if (it->rc) {
			if (!it->e.code)
				incline_error_set(&it->e, it->rc, it->a->id, 0, 0, "%s",
						  incline_error_name(it->rc));
			rc = input_failed(ctx, it->rc, &it->e, 1, err);
		} else {
			ctx->n_found++;
			rc = ctx->cmd->emit(it->result, it->a, ctx, err);
			it->result = NULL; /* taken */
			if (rc) {
				work_fail(ctx->st, rc);
				ctx->handled = 1;
			}
		}
	}
	if (!rc && o->code)
		rc = input_failed(ctx, o->code, &o->e, 0, err);
	outcome_free(o);
	return rc;
}

static int job_emit(void *result, void *jp, void *payload, incline_error *err)
{
	run_ctx *ctx = payload;
	run_job *j = jp;

	if (j->input != ctx->input) {
		ctx->input = j->input;
		ctx->n_found = 0;
		ctx->lost_file = 0;
	}
	switch (j->kind) {
	case JOB_SKIP:
		return note(ctx, NOTE_SKIP, &j->e, err);
	case JOB_FAIL:
		return input_failed(ctx, j->code, &j->e, 0, err);
	case JOB_END:
		if (j->code)
			return input_failed(ctx, j->code, &j->e, 0, err);
		if (ctx->n_found > 0 || ctx->lost_file)
			return 0;
		incline_error_set(&j->e, INCLINE_EINVAL, ctx->inputs[j->input], 0, 0,
				  "no articles found");
		return input_failed(ctx, INCLINE_EINVAL, &j->e, 0, err);
	default:
		return emit_outcome(ctx, result, err);
	}
}

static const incline_pipeline_ops job_ops = {
	run_worker_new, run_worker_free, job_work, job_emit, outcome_free, job_free,
};

/* The caller's side of one input. */
typedef struct feed {
	run_ctx *ctx;
	incline_pipeline *p;
	size_t input;
	incline_error *err; /* the run's: the pipeline's errors go there */
	int stopped;        /* the pipeline failed: stop everything */
} feed;

static int push(feed *f, run_job *j)
{
	if (!j) {
		f->stopped = incline_error_set(f->err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
		return f->stopped;
	}
	j->input = f->input;
	return f->stopped = incline_pipeline_push(f->p, j, f->err);
}

static run_job *new_job(job_kind kind)
{
	run_job *j = calloc(1, sizeof *j);

	if (j) {
		j->kind = kind;
		incline_error_clear(&j->e);
	}
	return j;
}

static int push_article(incline_article *a, void *payload, incline_error *err)
{
	run_job *j = new_job(JOB_ARTICLE);

	if (!j)
		incline_article_free(a);
	else
		j->a = a;
	return push(payload, j);
}

/* keep_going, in the caller's thread: the note joins the queue so it is
 * reported in input order. */
static int push_skip(const incline_error *err, void *payload)
{
	run_job *j = new_job(JOB_SKIP);

	if (j)
		j->e = *err;
	return push(payload, j);
}

/* Whether the caller's thread reads file itself (see "jobs" above). */
static int many_articles(const char *file, const incline_read_opts *ro)
{
	incline_input_format f = ro->format;

	if (f == INCLINE_INPUT_AUTO) {
		if (strcmp(file, "-") == 0)
			return 1;
		f = incline_input_format_of_path(file);
	}
	return f == INCLINE_INPUT_JSON || f == INCLINE_INPUT_NDJSON || f == INCLINE_INPUT_CSV;
}

static int feed_file(const char *file, void *payload, incline_error *err)
{
	feed *f = payload;
	incline_read_opts ro = f->ctx->ro;
	run_job *j;
	int rc;

	if (!many_articles(file, &ro)) {
		if ((j = new_job(JOB_FILE)) && !(j->path = strdup(file))) {
			job_free(j);
			j = NULL;
		}
		return push(f, j);
	}
	if (f->ctx->o->keep_going) {
		ro.on_record_error = push_skip;
		ro.payload = f;
	}
	/* Without keep_going a failure stops the walk, and the input's END
	 * job reports it in order. With it, as for a file a worker reads,
	 * the file is reported and skipped and the walk goes on to the
	 * folder's other files (out of memory still stops everything). */
	rc = incline_article_each(file, &ro, push_article, f, err);
	if (!rc || f->stopped || rc == INCLINE_ENOMEM || !f->ctx->o->keep_going)
		return rc;
	if ((j = new_job(JOB_FAIL))) {
		j->code = rc;
		j->e = *err;
		incline_error_clear(err);
	}
	return push(f, j);
}

/* Streams every article of every input through the pipeline, so memory is
 * bounded by the jobs in flight, not the corpus. With keep_going an input
 * that fails is reported and skipped. */
static int run_inputs(run_ctx *ctx, const cmd_ops *cmd, const char *const *inputs,
		      size_t n_inputs, incline_error *err)
{
	const incline_run_opts *o = ctx->o;
	incline_pipeline *p = NULL;
	int rc = 0;

	ctx->cmd = cmd;
	ctx->inputs = inputs;
	ctx->ro = o->read;
	ctx->input = 0;
	ctx->n_found = 0;
	ctx->lost_file = 0;
	ctx->handled = 0;
	if ((rc = incline_pipeline_new(&p, o->jobs ? o->jobs : 1, &job_ops, ctx, err)))
		return fail(ctx->st, rc, rc == INCLINE_ENOMEM);
	for (size_t i = 0; !rc && i < n_inputs; i++) {
		feed f = {ctx, p, i, err, 0};
		run_job *end = new_job(JOB_END);
		int code;

		if (!end) {
			rc = incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		code = strcmp(inputs[i], "-") == 0 ? feed_file(inputs[i], &f, &end->e)
						   : incline_io_walk(inputs[i], feed_file, &f, &end->e);
		if (f.stopped) {
			job_free(end);
			rc = f.stopped;
			break;
		}
		end->code = code;
		rc = push(&f, end);
	}
	if (!rc)
		rc = incline_pipeline_finish(p, err);
	if (rc && !ctx->handled)
		work_fail(ctx->st, rc);
	incline_pipeline_free(p);
	return rc;
}

/* ---- the per-article work (in worker threads) ---- */

static int extractor_new(void **out, void *payload, incline_error *err)
{
	const incline_run_opts *o = ((const run_ctx *)payload)->o;
	incline_extractor *x = NULL;
	int rc = incline_extract_new(&x, err);

	if (!rc && o->actors && (rc = incline_extract_load_actors(x, o->actors, err))) {
		incline_extract_free(x);
		x = NULL;
	}
	*out = x;
	return rc;
}

/* build merges all it extracts: consolidating each article first would
 * give the same timeline at twice the merging cost. */
static int build_extractor_new(void **out, void *payload, incline_error *err)
{
	int rc = extractor_new(out, payload, err);

	if (!rc)
		incline_extract_set_consolidate(*out, false);
	return rc;
}

static void extractor_free(void *x)
{
	incline_extract_free(x);
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

/* One thread's state for `extract`, kept from article to article: the
 * extractor and the NDJSON writer (its event objects, see emit_ndjson.h),
 * and the size of the last output. */
typedef struct extract_worker {
	incline_extractor *x;
	incline_emit_ndjson_writer *w;
	size_t hint; /* bytes the last article wrote: the next buffer's start */
} extract_worker;

static void extract_worker_free(void *p)
{
	extract_worker *e = p;

	if (!e)
		return;
	incline_extract_free(e->x);
	incline_emit_ndjson_writer_free(e->w);
	free(e);
}

static int extract_worker_new(void **out, void *payload, incline_error *err)
{
	extract_worker *e = calloc(1, sizeof *e);
	void *x = NULL;
	int rc;

	*out = NULL;
	if (!e || incline_emit_ndjson_writer_new(&e->w)) {
		extract_worker_free(e);
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	}
	if ((rc = extractor_new(&x, payload, err))) {
		extract_worker_free(e);
		return rc;
	}
	e->x = x;
	*out = e;
	return 0;
}

/* The article's lines in a new text_block (the buffer is handed over,
 * not copied). */
static int extract_work(void **out, void *worker, const incline_article *a, incline_error *err)
{
	extract_worker *e = worker;
	incline_emit_buf buf = { NULL, 0, 0 };
	incline_timeline *tl = NULL;
	text_block *b;
	int rc = extract_events(&tl, e->x, a, err);

	*out = NULL;
	if (!rc && (!(b = calloc(1, sizeof *b)) || (e->hint && !(buf.data = malloc(e->hint))))) {
		free(b);
		rc = incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
	}
	if (!rc) {
		buf.cap = buf.data ? e->hint : 0;
		rc = incline_emit_ndjson_writer_write(e->w, &buf, tl, err);
		e->hint = buf.len + 1 > 256 ? buf.len + 1 : 256;
		b->p = buf.data;
		b->n = buf.len;
		*out = b;
	}
	timeline_free(tl);
	return rc;
}

/* One thread's state for `dates`, kept from article to article so an
 * article costs no allocation but its output: the scanner (its lexicon
 * index), the expression list, the NDJSON writer (its record object) and
 * the size of the last output. */
typedef struct dates_worker {
	incline_timex_scanner *scan;
	incline_timex_list list;
	incline_timex_ndjson *w;
	size_t hint; /* bytes the last article wrote: the next buffer's start */
} dates_worker;

static void dates_worker_free(void *p)
{
	dates_worker *d = p;

	if (!d)
		return;
	incline_timex_list_free(&d->list);
	incline_timex_ndjson_free(d->w);
	incline_timex_scanner_free(d->scan);
	free(d);
}

static int dates_worker_new(void **out, void *payload, incline_error *err)
{
	dates_worker *d = calloc(1, sizeof *d);

	*out = d;
	if (!d || incline_timex_ndjson_new(&d->w) || incline_timex_scanner_new(&d->scan, err)) {
		dates_worker_free(d);
		*out = NULL;
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	}
	return 0;
}

/* The article's lines in a new text_block (the buffer is handed over,
 * not copied). */
static int dates_work(void **out, void *worker, const incline_article *a, incline_error *err)
{
	dates_worker *d = worker;
	incline_emit_buf buf = { NULL, 0, 0 };
	incline_article view;
	text_block *b;
	int rc;

	*out = NULL;
	d->list.n = 0;
	rc = incline_timex_scanner_scan(d->scan, &d->list, a->bytes + a->body.start, a->body.end - a->body.start,
				a->base + a->body.start, a->published, err);
	if (rc)
		return rc;
	/* Offsets and text as in the file, for decoded articles too. */
	for (size_t i = 0; i < d->list.n; i++)
		incline_article_file_span(a, &d->list.items[i].start, &d->list.items[i].end);
	incline_article_file_view(&view, a);
	if (!(b = calloc(1, sizeof *b)) || (d->hint && !(buf.data = malloc(d->hint)))) {
		free(b);
		return incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
	}
	buf.cap = buf.data ? d->hint : 0;
	rc = incline_timex_ndjson_write(d->w, &buf, &view, &d->list, err);
	d->hint = buf.len + 1 > 256 ? buf.len + 1 : 256;
	b->p = buf.data;
	b->n = buf.len;
	*out = b;
	return rc;
}

static int build_work(void **out, void *x, const incline_article *a, incline_error *err)
{
	incline_timeline *tl = NULL;
	int rc = extract_events(&tl, x, a, err);

	*out = tl;
	return rc;
}

/* ---- the results (in the caller's thread, in input order) ---- */

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

/* ---- writing ---- */

typedef struct tl_job {
	incline_run_emit_fn emit;
	const incline_timeline *tl;
} tl_job;

static int write_tl(FILE *fp, void *payload, incline_error *err)
{
	const tl_job *job = payload;
	return (job->emit ? job->emit : incline_emit_json)(fp, job->tl, err);
}

int incline_run_write(const char *path, const incline_timeline *tl,
		      incline_run_emit_fn emit, incline_error *err)
{
	tl_job job = {emit, tl};
	return incline_io_write_atomic(path ? path : "-", write_tl, &job, err);
}

int incline_run_write_split(const char *dir, const incline_timeline *tl,
			    incline_run_emit_fn emit, const char *ext,
			    incline_error *err)
{
	int rc = 0;

	if (mkdir(dir, 0777) && errno != EEXIST)
		return incline_error_set(err, INCLINE_EIO, dir, 0, 0, "%s", strerror(errno));
	for (size_t i = 0; !rc && i < tl->n_incidents; i++) {
		incline_timeline one = {0};
		char stem[INCLINE_SLUG_MAX + 32], *path;
		size_t len;

		if (incline_incident_file_stem(stem, sizeof stem, tl, i)
		    || incline_incident_extract(&one, tl, i))
			return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
		len = strlen(dir) + strlen(stem) + strlen(ext ? ext : "json") + 3;
		if (!(path = malloc(len))) {
			incline_timeline_free(&one);
			return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
		}
		snprintf(path, len, "%s/%s.%s", dir, stem, ext ? ext : "json");
		rc = incline_run_write(path, &one, emit, err);
		free(path);
		incline_timeline_free(&one);
	}
	return rc;
}

/* Merges raw (taken: freed, on failure too) and writes the result. */
static int merge_and_write(incline_run_status *st, const incline_run_opts *o,
			   incline_timeline *raw, const char *output, incline_error *err)
{
	incline_timeline merged = {0};
	int rc;

	/* raw is freed by the merge: its strings move, not copied */
	if ((rc = incline_merge_take(&merged, raw, &o->merge, err)))
		work_fail(st, rc); /* INCLINE_ELIMIT: too much input */
	else if ((rc = o->split ? incline_run_write_split(output, &merged, o->emit, o->ext, err)
			     : incline_run_write(output, &merged, o->emit, err)))
		fail(st, rc, 1);
	incline_timeline_free(&merged);
	return rc;
}

/* ---- the commands ---- */

static void status_clear(incline_run_status *st, incline_error *err)
{
	memset(st, 0, sizeof *st);
	incline_error_clear(err);
}

int incline_run_build(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs, incline_error *err)
{
	static const cmd_ops ops = {build_extractor_new, extractor_free, build_work,
						 collect_events, timeline_free};
	incline_timeline raw = {0};
	run_ctx ctx = {.o = opts, .st = status, .raw = &raw};
	const char *output = opts->update ? opts->update : opts->output;
	int rc = 0;

	status_clear(status, err);
	/* --update: the kept timeline joins the new articles' events */
	if (opts->update && (rc = incline_load_file(&raw, opts->update, NULL, err)))
		fail(status, rc, rc == INCLINE_ENOMEM);
	if (!rc)
		rc = run_inputs(&ctx, &ops, inputs, n_inputs, err);
	if (rc) {
		incline_timeline_free(&raw);
		return rc;
	}
	return merge_and_write(status, opts, &raw, output, err);
}

typedef struct stream_job {
	run_ctx ctx;
	const cmd_ops *ops;
	const char *const *inputs;
	size_t n_inputs;
	incline_error *err; /* the run's error, kept apart from the writer's */
	int rc;
} stream_job;

static int write_stream(FILE *fp, void *payload, incline_error *err)
{
	stream_job *job = payload;

	/* Each article's lines are written as soon as it is done; a failed
	 * run leaves an output file untouched. */
	job->ctx.fp = fp;
	job->rc = run_inputs(&job->ctx, job->ops, job->inputs, job->n_inputs, job->err);
	return job->rc ? incline_error_set(err, INCLINE_EIO, NULL, 0, 0, "incomplete") : 0;
}

/* extract and dates: one article's lines at a time, in input order. */
static int run_stream(incline_run_status *st, const incline_run_opts *o,
		      const cmd_ops *ops, const char *const *inputs,
		      size_t n_inputs, incline_error *err)
{
	stream_job job = {{.o = o, .st = st}, ops, inputs, n_inputs, err, 0};
	incline_error werr;
	int rc;

	status_clear(st, err);
	incline_error_clear(&werr);
	rc = incline_io_write_atomic(o->output ? o->output : "-", write_stream, &job, &werr);
	if (job.rc)
		return job.rc; /* err and status set by the run */
	if (rc) {
		if (err)
			*err = werr;
		return fail(st, rc, 1);
	}
	return 0;
}

int incline_run_extract(incline_run_status *status, const incline_run_opts *opts,
			const char *const *inputs, size_t n_inputs, incline_error *err)
{
	static const cmd_ops ops = {extract_worker_new, extract_worker_free, extract_work,
						 write_block, text_block_free};
	return run_stream(status, opts, &ops, inputs, n_inputs, err);
}

int incline_run_dates(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs, incline_error *err)
{
	static const cmd_ops ops = {dates_worker_new, dates_worker_free, dates_work,
						 write_block, text_block_free};
	return run_stream(status, opts, &ops, inputs, n_inputs, err);
}

/* What merge's walk over one input shares. */
typedef struct merge_walk {
	run_ctx *ctx;
	incline_timeline *in; /* the events loaded so far */
	int stop;             /* the report callback stopped the run */
} merge_walk;

/* Loads a timeline or NDJSON stream. With keep_going a file that fails
 * (it loads nothing: load.h) is reported and skipped here, so the walk
 * goes on to the other files of its folder. */
static int load_one(const char *file, void *payload, incline_error *err)
{
	merge_walk *m = payload;
	int rc = incline_load_file(m->in, file, NULL, err);

	if (!rc || rc == INCLINE_ENOMEM || !m->ctx->o->keep_going)
		return rc;
	m->ctx->st->skipped++;
	if ((rc = report(m->ctx, err))) {
		incline_error_set(err, rc, file, 0, 0, "%s", incline_error_name(rc));
		return m->stop = rc;
	}
	incline_error_clear(err);
	return 0;
}

int incline_run_merge(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs, incline_error *err)
{
	run_ctx ctx = {.o = opts, .st = status};
	incline_timeline in = {0};
	int rc = 0;

	status_clear(status, err);
	for (size_t i = 0; !rc && i < n_inputs; i++) {
		merge_walk m = {&ctx, &in, 0};
		incline_error e;

		incline_error_clear(&e);
		if ((strcmp(inputs[i], "-") == 0 ? load_one(inputs[i], &m, &e)
		     : incline_io_walk(inputs[i], load_one, &m, &e)) == 0)
			continue;
		if (m.stop) {
			rc = fail(status, m.stop, 0);
			if (err)
				*err = e;
			break;
		}
		if (e.code == INCLINE_ENOMEM || !opts->keep_going) {
			rc = fail(status, e.code, e.code == INCLINE_ENOMEM);
			if (err)
				*err = e;
			break;
		}
		status->skipped++;
		if ((rc = report(&ctx, &e))) {
			incline_error_set(err, rc, inputs[i], 0, 0, "%s", incline_error_name(rc));
			fail(status, rc, 0);
		}
	}
	if (rc) {
		incline_timeline_free(&in);
		return rc;
	}
	return merge_and_write(status, opts, &in, opts->output, err);
}
