/* Runs: the four commands of the incline program as library calls, so
 * another program gets the same files, the same streaming and threads and
 * the same --keep-going behaviour without copying main.c.
 *
 *   build    articles -> extract (pipeline.h, opts->jobs threads) -> merge
 *            -> one timeline, or one per incident (split)
 *   extract  articles -> their events, one NDJSON block per article, in
 *            input order, as each is done
 *   dates    articles -> their date expressions, NDJSON, likewise
 *   merge    timelines and extract outputs (load.h) -> one timeline
 *
 * Every output is written atomically (incline_io_write_atomic): a run that
 * fails leaves an existing output file untouched. Nothing here prints:
 * the fatal error comes back in err, and what a run goes on after (a
 * warning, or with keep_going an input or record it skipped) is handed to
 * opts->on_report as it happens. */
#ifndef INCLINE_RUN_H
#define INCLINE_RUN_H

#include <stddef.h>
#include <stdio.h>

#include "incline/article.h"
#include "incline/error.h"
#include "incline/event.h"
#include "incline/merge.h"

/* Writes timeline tl (borrowed) to fp: one of the incline_emit_* of
 * emit.h. */
typedef int (*incline_run_emit_fn)(FILE *fp, const incline_timeline *tl,
				   incline_error *err);

/* Called in the caller's thread for each problem a run goes on after: err
 * (borrowed, valid during the call) has code 0 for a warning (invalid
 * UTF-8 read as U+FFFD; the return value is then ignored), or the
 * INCLINE_E* code of an input or record skipped under keep_going. Return
 * 0 to go on, or an INCLINE_E* code to stop the run with it. */
typedef int (*incline_run_report_fn)(const incline_error *err, void *payload);

typedef struct incline_run_opts {
	incline_read_opts read;   /* how articles are read (build, extract,
				     dates); with keep_going its
				     on_record_error is replaced */
	incline_merge_opts merge; /* build, merge */
	const char *actors;       /* extra actor alias file (borrowed); NULL
				     = built-in tables only */
	unsigned jobs;            /* extraction threads, 0 = 1 (same output
				     for any number) */
	int keep_going;           /* an input, a file of a folder or a
				     record that fails is reported and
				     skipped; the rest is still read */
	const char *output;       /* borrowed; NULL or "-" = stdout; with
				     split: the folder (created if missing) */
	const char *update;       /* build: a timeline file (borrowed) whose
				     events join the new ones, written back
				     in place; output is then ignored */
	int split;                /* build, merge: one file per incident */
	incline_run_emit_fn emit; /* build, merge: the format; NULL = JSON */
	const char *ext;          /* split: the files' extension; NULL =
				     "json" */
	incline_run_report_fn on_report; /* NULL: warnings are dropped,
					   skipped inputs only counted */
	void *payload;            /* for on_report */
} incline_run_opts;

/* What a run did besides its return code. */
typedef struct incline_run_status {
	size_t skipped; /* inputs and records reported and skipped */
	int output;     /* the error returned is the output's: it could not
			   be written, or memory ran out (not an input's
			   fault) */
} incline_run_status;

/* Fills opts with the defaults: no reference date, default merge
 * options, one thread, stdout, JSON, nothing reported. */
void incline_run_opts_default(incline_run_opts *opts);

/* The commands. inputs[0..n_inputs) are files, folders (walked in byte
 * order) or "-" for stdin, all borrowed; an input without a single
 * article is INCLINE_EINVAL "no articles found" (build, extract, dates).
 * Return 0 (possibly with status->skipped > 0 under keep_going) or the
 * first fatal INCLINE_E* code with err filled (file, line, column) and
 * status->output saying whose fault it was. status and opts are
 * required, err may be NULL. */
int incline_run_build(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs,
		      incline_error *err);
int incline_run_extract(incline_run_status *status, const incline_run_opts *opts,
			const char *const *inputs, size_t n_inputs,
			incline_error *err);
int incline_run_dates(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs,
		      incline_error *err);
int incline_run_merge(incline_run_status *status, const incline_run_opts *opts,
		      const char *const *inputs, size_t n_inputs,
		      incline_error *err);

/* Writes tl (borrowed) with emit (NULL = JSON) to path atomically (NULL
 * or "-" = stdout). Returns 0 or the INCLINE_E* code of the failure. */
int incline_run_write(const char *path, const incline_timeline *tl,
		      incline_run_emit_fn emit, incline_error *err);

/* Writes one timeline per incident of tl (borrowed; merged, so it has
 * incidents) to dir/<stem>.<ext> (stem: incline_incident_file_stem; ext
 * NULL = "json"), each atomically, creating dir (one level) when
 * missing. Returns 0, INCLINE_EIO (folder or file not written) or
 * INCLINE_ENOMEM; files written before a failure stay. */
int incline_run_write_split(const char *dir, const incline_timeline *tl,
			    incline_run_emit_fn emit, const char *ext,
			    incline_error *err);

#endif
