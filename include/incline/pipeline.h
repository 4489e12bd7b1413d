/* Work on several threads, results handed back in input order: a job
 * (for incline: an article, or a file a worker reads itself) is done by
 * whichever worker is free while the caller consumes finished jobs in the
 * order it pushed them. The output is therefore the same for any number
 * of threads, and at most a few jobs per thread are held at once
 * (streaming). */
#ifndef INCLINE_PIPELINE_H
#define INCLINE_PIPELINE_H

#include "incline/error.h"

typedef struct incline_pipeline incline_pipeline;

/* Most worker threads a pipeline starts. */
#ifndef INCLINE_MAX_THREADS
#define INCLINE_MAX_THREADS 256u
#endif

typedef struct incline_pipeline_ops {
	/* Makes one worker's private state in *out (everything work needs
	 * that is not read-only, e.g. an extractor with its ICU objects).
	 * Called once per thread, in the caller's thread. */
	int (*worker_new)(void **out, void *payload, incline_error *err);
	void (*worker_free)(void *worker);
	/* In a worker thread: computes *out (new, NULL allowed) from job
	 * (borrowed). Touches only worker, job and *out. */
	int (*work)(void **out, void *worker, void *job, incline_error *err);
	/* In the caller's thread, in push order: consumes result (taken,
	 * NULL allowed, freed by emit) of job (borrowed). */
	int (*emit)(void *result, void *job, void *payload, incline_error *err);
	/* Frees a result that will never be emitted (after an error). */
	void (*result_free)(void *result);
	/* Frees a job once it is emitted or dropped (NULL allowed). */
	void (*job_free)(void *job);
} incline_pipeline_ops;

/* New pipeline in *out with `threads` workers (1 = everything runs in the
 * caller's thread, no thread is started; at most INCLINE_MAX_THREADS).
 * ops and payload are borrowed for the pipeline's life. On failure
 * *out = NULL. */
int incline_pipeline_new(incline_pipeline **out, unsigned threads,
			 const incline_pipeline_ops *ops, void *payload,
			 incline_error *err);

/* Queues job (taken, even on failure; freed with ops->job_free once
 * emitted). May wait for a free slot; emits the results that are ready,
 * in order. Returns 0 or the first error of work or emit (err filled);
 * after an error only incline_pipeline_free may follow. */
int incline_pipeline_push(incline_pipeline *p, void *job, incline_error *err);

/* Waits for every queued article and emits the remaining results. */
int incline_pipeline_finish(incline_pipeline *p, incline_error *err);

/* Stops the workers (queued jobs are dropped unprocessed) and frees
 * everything; NULL allowed. */
void incline_pipeline_free(incline_pipeline *p);

#endif
