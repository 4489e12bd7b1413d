/* The pipeline engine on its own: results come back in push order for
 * any number of threads whatever order the workers finish in, the first
 * error of work or emit stops the emitting exactly there, and every job
 * and result is freed either way. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <time.h>

#include <cmocka.h>

#include "incline/pipeline.h"

#define N_JOBS 300

/* What the callbacks count, shared by the threads (behind a lock). */
typedef struct tally {
	pthread_mutex_t mu;
	size_t next;        /* emit: the seq it expects next */
	size_t jobs_freed;
	size_t results_made, results_freed;
	size_t fail_work;   /* work fails on this seq (SIZE_MAX: never) */
	size_t fail_emit;   /* emit fails on this seq (SIZE_MAX: never) */
	int out_of_order;
} tally;

typedef struct job {
	tally *t;
	size_t seq;
} job;

static void count(tally *t, size_t *field)
{
	pthread_mutex_lock(&t->mu);
	(*field)++;
	pthread_mutex_unlock(&t->mu);
}

static int worker_new(void **out, void *payload, incline_error *err)
{
	(void)err;
	*out = payload;
	return 0;
}

static void worker_free(void *w)
{
	(void)w;
}

/* Later jobs are often quicker, so workers finish out of order. */
static int work(void **out, void *worker, void *jp, incline_error *err)
{
	job *j = jp;
	size_t *r;
	struct timespec pause = {0, (long)((N_JOBS - j->seq) % 7) * 20000L};

	(void)worker;
	nanosleep(&pause, NULL);
	if (j->seq == j->t->fail_work)
		return incline_error_set(err, INCLINE_EINVAL, "job", (int)j->seq, 1, "bad job");
	if (!(r = malloc(sizeof *r)))
		return INCLINE_ENOMEM;
	*r = j->seq * 2;
	count(j->t, &j->t->results_made);
	*out = r;
	return 0;
}

static void result_free(void *r)
{
	/* results carry no tally: the job that made one counts it freed */
	free(r);
}

static int emit(void *result, void *jp, void *payload, incline_error *err)
{
	job *j = jp;
	tally *t = payload;
	size_t *r = result;

	if (!r || *r != j->seq * 2 || j->seq != t->next)
		t->out_of_order = 1;
	t->next++;
	free(r);
	count(t, &t->results_freed);
	if (j->seq == t->fail_emit)
		return incline_error_set(err, INCLINE_EIO, "-", 0, 0, "cannot write");
	return 0;
}

static void job_free(void *jp)
{
	job *j = jp;

	if (j)
		count(j->t, &j->t->jobs_freed);
	free(j);
}

static const incline_pipeline_ops ops = {
	worker_new, worker_free, work, emit, result_free, job_free,
};

/* Pushes N_JOBS jobs (stopping at the first error) and finishes; returns
 * the run's code, err filled, and how many jobs were pushed. */
static int run(tally *t, unsigned threads, incline_error *err, size_t *pushed)
{
	incline_pipeline *p = NULL;
	int rc;

	incline_error_clear(err);
	*pushed = 0;
	if ((rc = incline_pipeline_new(&p, threads, &ops, t, err)))
		return rc;
	for (size_t i = 0; !rc && i < N_JOBS; i++) {
		job *j = malloc(sizeof *j);

		assert_non_null(j);
		j->t = t;
		j->seq = i;
		(*pushed)++;
		rc = incline_pipeline_push(p, j, err);
	}
	if (!rc)
		rc = incline_pipeline_finish(p, err);
	incline_pipeline_free(p);
	return rc;
}

static void tally_init(tally *t, size_t fail_work, size_t fail_emit)
{
	pthread_mutex_init(&t->mu, NULL);
	t->next = t->jobs_freed = t->results_made = t->results_freed = 0;
	t->fail_work = fail_work;
	t->fail_emit = fail_emit;
	t->out_of_order = 0;
}

static const unsigned thread_counts[] = {1, 2, 3, 8};

static void test_in_order(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof thread_counts / sizeof thread_counts[0]; k++) {
		tally t;
		incline_error err;
		size_t pushed;

		tally_init(&t, SIZE_MAX, SIZE_MAX);
		assert_int_equal(run(&t, thread_counts[k], &err, &pushed), 0);
		assert_int_equal(t.out_of_order, 0);
		assert_int_equal(t.next, N_JOBS);
		assert_int_equal(t.jobs_freed, N_JOBS);
		assert_int_equal(t.results_freed, N_JOBS);
		pthread_mutex_destroy(&t.mu);
	}
}

/* A failed job: everything before it is emitted, nothing after, its
 * error is the run's, and the queued jobs are dropped and freed. */
static void test_work_error_stops_in_order(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof thread_counts / sizeof thread_counts[0]; k++) {
		tally t;
		incline_error err;
		size_t pushed;

		tally_init(&t, 57, SIZE_MAX);
		assert_int_equal(run(&t, thread_counts[k], &err, &pushed), INCLINE_EINVAL);
		assert_int_equal(err.code, INCLINE_EINVAL);
		assert_int_equal(err.line, 57);
		assert_int_equal(t.out_of_order, 0);
		assert_int_equal(t.next, 57);
		assert_int_equal(t.jobs_freed, pushed);
		pthread_mutex_destroy(&t.mu);
	}
}

static void test_emit_error_stops(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof thread_counts / sizeof thread_counts[0]; k++) {
		tally t;
		incline_error err;
		size_t pushed;

		tally_init(&t, SIZE_MAX, 120);
		assert_int_equal(run(&t, thread_counts[k], &err, &pushed), INCLINE_EIO);
		assert_int_equal(err.code, INCLINE_EIO);
		assert_int_equal(t.next, 121);
		assert_int_equal(t.jobs_freed, pushed);
		pthread_mutex_destroy(&t.mu);
	}
}

static void test_bad_thread_count(void **state)
{
	incline_pipeline *p = (incline_pipeline *)&p;
	incline_error err;
	tally t;

	(void)state;
	tally_init(&t, SIZE_MAX, SIZE_MAX);
	incline_error_clear(&err);
	assert_int_equal(incline_pipeline_new(&p, 0, &ops, &t, &err), INCLINE_EUSAGE);
	assert_null(p);
	incline_pipeline_free(NULL);
	pthread_mutex_destroy(&t.mu);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_in_order),
		cmocka_unit_test(test_work_error_stops_in_order),
		cmocka_unit_test(test_emit_error_stops),
		cmocka_unit_test(test_bad_thread_count),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
