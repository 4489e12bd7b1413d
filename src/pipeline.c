/* Per-job work on N threads with in-order results.
 *
 * A ring of slots holds the jobs in flight. The caller's thread fills
 * slot seq % n_slots (waiting while it still holds an unemitted result),
 * the workers take the oldest queued slot, and the caller's thread emits
 * finished slots strictly in seq order. Work and emit run outside the
 * lock; the lock only guards the counters and the slot states. */
#include <pthread.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "incline/pipeline.h"

/* Slots per worker: enough that a worker rarely waits for the caller to
 * emit a slow neighbour, few enough that memory stays a few articles per
 * thread. */
#define SLOTS_PER_THREAD 4u

typedef enum { SLOT_FREE, SLOT_QUEUED, SLOT_DONE } slot_state;

typedef struct slot {
	void *job;          /* owned while in flight */
	void *result;       /* owned until emitted */
	int rc;
	incline_error err;
	slot_state state;
} slot;

struct incline_pipeline {
	const incline_pipeline_ops *ops; /* borrowed */
	void *payload;                   /* borrowed */
	unsigned n_threads;
	unsigned n_started;
	pthread_t *threads;
	void **workers;   /* one per thread (or one, used inline) */
	slot *slots;
	size_t n_slots;
	size_t next_push; /* seq numbers: pushed, taken by a worker, emitted */
	size_t next_take;
	size_t next_emit;
	size_t need;      /* the caller's thread waits for this many oldest
			     slots to be done (0: it is not waiting) */
	bool closing;     /* no more pushes: workers leave when idle */
	bool cancel;      /* after an error: skip the remaining work */
	pthread_mutex_t mu;
	pthread_cond_t work_cv; /* a slot was queued, or closing */
	pthread_cond_t done_cv; /* a slot is done */
};

typedef struct worker_arg {
	incline_pipeline *p;
	void *worker;
} worker_arg;

/* With the lock held: whether the n oldest unemitted slots are done. */
static bool oldest_done(const incline_pipeline *p, size_t n)
{
	for (size_t k = 0; k < n; k++)
		if (p->slots[(p->next_emit + k) % p->n_slots].state != SLOT_DONE)
			return false;
	return true;
}

/* With the lock held: waits until the n oldest slots (or all, when fewer
 * are pending) are done. The caller's thread waits for half the ring at
 * a time rather than for each job, so it wakes once per batch while the
 * workers still hold the other half's work. */
static void wait_done(incline_pipeline *p, size_t n)
{
	size_t pending = p->next_push - p->next_emit;

	p->need = n < pending ? n : pending;
	while (!oldest_done(p, p->need))
		pthread_cond_wait(&p->done_cv, &p->mu);
	p->need = 0;
}

static void *worker_main(void *arg)
{
	incline_pipeline *p = ((worker_arg *)arg)->p;
	void *worker = ((worker_arg *)arg)->worker;

	free(arg);
	pthread_mutex_lock(&p->mu);
	for (;;) {
		while (!p->closing && p->next_take == p->next_push)
			pthread_cond_wait(&p->work_cv, &p->mu);
		if (p->next_take == p->next_push)
			break; /* closing and nothing left */
		size_t seq = p->next_take++;
		slot *s = &p->slots[seq % p->n_slots];
		bool skip = p->cancel;
		pthread_mutex_unlock(&p->mu);
		incline_error_clear(&s->err);
		s->result = NULL;
		s->rc = skip ? 0 : p->ops->work(&s->result, worker, s->job, &s->err);
		pthread_mutex_lock(&p->mu);
		s->state = SLOT_DONE;
		/* Only the caller's thread waits on done_cv, for its oldest
		 * `need` slots: waking it for anything else costs a futex
		 * call and a context switch per job for nothing. */
		if (p->need && oldest_done(p, p->need))
			pthread_cond_signal(&p->done_cv);
	}
	pthread_mutex_unlock(&p->mu);
	return NULL;
}

static void copy_error(incline_error *dst, const incline_error *src, int rc)
{
	if (!dst || dst->code)
		return;
	if (src->code)
		*dst = *src;
	else
		incline_error_set(dst, rc, NULL, 0, 0, "%s", incline_error_name(rc));
}

/* With the lock held: waits for the oldest slot, emits it (lock released
 * meanwhile) and frees it. */
static int emit_oldest(incline_pipeline *p, incline_error *err)
{
	slot *s = &p->slots[p->next_emit % p->n_slots];
	int rc;

	wait_done(p, 1);
	pthread_mutex_unlock(&p->mu);
	rc = s->rc;
	if (rc) {
		copy_error(err, &s->err, rc);
		p->ops->result_free(s->result);
	} else {
		rc = p->ops->emit(s->result, s->job, p->payload, err);
	}
	s->result = NULL;
	p->ops->job_free(s->job);
	s->job = NULL;
	pthread_mutex_lock(&p->mu);
	s->state = SLOT_FREE;
	p->next_emit++;
	if (rc)
		p->cancel = true;
	return rc;
}

int incline_pipeline_new(incline_pipeline **out, unsigned threads,
			 const incline_pipeline_ops *ops, void *payload,
			 incline_error *err)
{
	incline_pipeline *p;
	int rc;

	*out = NULL;
	if (threads == 0 || threads > INCLINE_MAX_THREADS)
		return incline_error_set(err, INCLINE_EUSAGE, NULL, 0, 0,
					 "threads must be 1..%u", INCLINE_MAX_THREADS);
	if (!(p = calloc(1, sizeof *p)))
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	p->ops = ops;
	p->payload = payload;
	p->n_threads = threads;
	p->n_slots = (size_t)threads * SLOTS_PER_THREAD;
	p->workers = calloc(threads, sizeof *p->workers);
	p->slots = calloc(p->n_slots, sizeof *p->slots);
	p->threads = threads > 1 ? calloc(threads, sizeof *p->threads) : NULL;
	if (!p->workers || !p->slots || (threads > 1 && !p->threads)) {
		free(p->workers);
		free(p->slots);
		free(p->threads);
		free(p);
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	}
	pthread_mutex_init(&p->mu, NULL);
	pthread_cond_init(&p->work_cv, NULL);
	pthread_cond_init(&p->done_cv, NULL);
	*out = p;
	for (unsigned i = 0; i < threads; i++)
		if ((rc = ops->worker_new(&p->workers[i], payload, err)))
			goto fail;
	for (unsigned i = 0; threads > 1 && i < threads; i++) {
		worker_arg *arg = malloc(sizeof *arg);
		if (!arg) {
			rc = incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
			goto fail;
		}
		arg->p = p;
		arg->worker = p->workers[i];
		if (pthread_create(&p->threads[i], NULL, worker_main, arg)) {
			free(arg);
			rc = incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					       "cannot start a thread");
			goto fail;
		}
		p->n_started++;
	}
	return 0;
fail:
	incline_pipeline_free(p);
	*out = NULL;
	return rc;
}

/* One thread: no lock, no queue; the article is done when push returns. */
static int run_inline(incline_pipeline *p, void *job, incline_error *err)
{
	void *result = NULL;
	int rc = p->ops->work(&result, p->workers[0], job, err);

	if (rc)
		p->ops->result_free(result);
	else
		rc = p->ops->emit(result, job, p->payload, err);
	p->ops->job_free(job);
	return rc;
}

int incline_pipeline_push(incline_pipeline *p, void *job, incline_error *err)
{
	int rc = 0;
	slot *s;

	if (p->n_threads == 1)
		return run_inline(p, job, err);
	pthread_mutex_lock(&p->mu);
	if (p->next_push - p->next_emit >= p->n_slots) {
		/* Full: wait for a batch, then hand on what is done. */
		wait_done(p, p->n_slots / 2);
		while (!rc && p->next_emit < p->next_push &&
		       p->slots[p->next_emit % p->n_slots].state == SLOT_DONE)
			rc = emit_oldest(p, err);
	}
	if (rc) {
		pthread_mutex_unlock(&p->mu);
		p->ops->job_free(job);
		return rc;
	}
	s = &p->slots[p->next_push++ % p->n_slots];
	s->job = job;
	s->state = SLOT_QUEUED;
	pthread_cond_signal(&p->work_cv);
	/* Hand on whatever is already finished, without waiting. */
	while (!rc && p->next_emit < p->next_push &&
	       p->slots[p->next_emit % p->n_slots].state == SLOT_DONE)
		rc = emit_oldest(p, err);
	pthread_mutex_unlock(&p->mu);
	return rc;
}

int incline_pipeline_finish(incline_pipeline *p, incline_error *err)
{
	int rc = 0;

	if (p->n_threads == 1)
		return 0;
	pthread_mutex_lock(&p->mu);
	while (!rc && p->next_emit < p->next_push) {
		wait_done(p, p->n_slots / 2);
		while (!rc && p->next_emit < p->next_push &&
		       p->slots[p->next_emit % p->n_slots].state == SLOT_DONE)
			rc = emit_oldest(p, err);
	}
	pthread_mutex_unlock(&p->mu);
	return rc;
}

void incline_pipeline_free(incline_pipeline *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->mu);
	p->closing = true;
	p->cancel = true;
	pthread_cond_broadcast(&p->work_cv);
	pthread_mutex_unlock(&p->mu);
	for (unsigned i = 0; i < p->n_started; i++)
		pthread_join(p->threads[i], NULL);
	for (size_t i = 0; i < p->n_slots; i++) {
		if (p->slots[i].state == SLOT_FREE)
			continue;
		p->ops->result_free(p->slots[i].result);
		p->ops->job_free(p->slots[i].job);
	}
	for (unsigned i = 0; i < p->n_threads; i++)
		if (p->workers[i])
			p->ops->worker_free(p->workers[i]);
	pthread_cond_destroy(&p->work_cv);
	pthread_cond_destroy(&p->done_cv);
	pthread_mutex_destroy(&p->mu);
	free(p->threads);
	free(p->workers);
	free(p->slots);
	free(p);
}
