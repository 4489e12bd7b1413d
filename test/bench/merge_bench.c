/* merge_bench: time and peak memory of incline_merge on N synthetic events.
 *
 * Usage (for `make bench`, built by whoever owns test/bench/):
 *   cc -O2 -Iinclude -Isrc test/bench/merge_bench.c build/obj/libincline.a \
 *      $(pkg-config --libs jansson icu-uc icu-i18n) -lcsv -lstemmer -lm \
 *      -o build/obj/merge_bench
 *   build/obj/merge_bench [N [SEED [OUT]]]
 *     N default 100000, SEED default 1; OUT: also write the merged
 *     timeline there as JSON (incline_emit_json), after the figures are
 *     taken, so two builds' outputs can be compared byte for byte
 * Prints one line:
 *   merge_bench n=N events_out=M incidents=K seconds=S cpu_seconds=C
 *               peak_rss_mib=R input_rss_mib=I page_faults=F
 * seconds is the wall time of incline_merge_take alone (generation
 * excluded; the input is consumed, as `incline build` does),
 * cpu_seconds its CPU time (what to read on a busy machine);
 * peak_rss_mib is the process's peak resident set (getrusage ru_maxrss),
 * which includes the generated input: input_rss_mib is the resident set
 * just before merging, so merge's own share is the difference;
 * page_faults the minor faults during the merge (each a fresh page the
 * kernel zeroes: at 1M events a large part of the CPU time).
 * Exit status 0, or 1 when the merge (or writing OUT) fails.
 *
 * The events are synthetic but shaped like extractor output: N / 40
 * incidents, each with a victim organisation (an "acronym" and a long
 * name), a few outlets retelling it in 4-8 articles published within two
 * weeks, each article 5-10 one-evidence events of several types, whose
 * sentences mix the victim, a cue phrase of the type, a few words of a
 * Zipf-distributed 20,000-word vocabulary and a date. Deterministic for a
 * given SEED, so runs are comparable. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "incline/incline.h"

#define VOCAB 20000

static uint64_t rnd(uint64_t *s)
{
	/* splitmix64: small, deterministic, good enough for test data. */
	uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static unsigned below(uint64_t *s, unsigned n)
{
	return (unsigned)(rnd(s) % n);
}

/* A pronounceable lower-case word for vocabulary index i. */
static void word_of(char *out, size_t cap, unsigned i)
{
	static const char cons[] = "bcdfghklmnprstvz";
	static const char vow[] = "aeiou";
	size_t n = 0;

	i += 7;
	while (i && n + 3 < cap) {
		out[n++] = cons[i % 16];
		i /= 16;
		out[n++] = vow[i % 5];
		i /= 5;
	}
	out[n] = '\0';
}

/* Zipf-like rank from a uniform draw: rank ~ VOCAB^u - 1. */
static unsigned zipf(uint64_t *s)
{
	double u = (double)(rnd(s) >> 11) / 9007199254740992.0;
	unsigned r = (unsigned)(pow(VOCAB, u)) - 1;

	return r < VOCAB ? r : VOCAB - 1;
}

static const char *const cues[INCLINE_EVENT_TYPE_COUNT] = {
	"was breached by hackers who stole data from",
	"detected unusual activity on the network of",
	"took systems offline and called in experts at",
	"restored its systems and is back online at",
	"confirmed the incident and notified customers of",
	"said the attack disrupted services and exposed records at",
	"blamed the group for the attack on",
	"found a flaw in the software used by",
	"released a patch for the servers of",
	"had warned earlier about attacks against",
};

static int add_event(incline_timeline *tl, uint64_t *s, unsigned inc,
		     unsigned art, unsigned k, incline_day pub,
		     incline_day when)
{
	char quote[512], article[64], outlet[32], w[32];
	incline_event ev;
	incline_evidence e;
	incline_event_type t = (incline_event_type)(k % 3 == 0
		? below(s, INCLINE_EVENT_TYPE_COUNT) : k % 6);
	size_t n;
	int rc;

	snprintf(article, sizeof article, "bench/%07u/%u.txt", inc, art);
	snprintf(outlet, sizeof outlet, "outlet%u.example", (inc + art) % 97);
	word_of(w, sizeof w, inc);
	w[0] = (char)(w[0] - 'a' + 'A');
	n = (size_t)snprintf(quote, sizeof quote, "%s Corp (%c%c%c) %s",
			     w, 'A' + inc % 26, 'A' + inc / 26 % 26,
			     'A' + inc / 676 % 26, cues[t]);
	for (int i = 0; i < 4 + (int)below(s, 8) && n < 400; i++) {
		word_of(w, sizeof w, zipf(s));
		n += (size_t)snprintf(quote + n, sizeof quote - n, " %s", w);
	}
	snprintf(quote + n, sizeof quote - n, " on day %u.", (unsigned)when % 28);
	memset(&ev, 0, sizeof ev);
	memset(&e, 0, sizeof e);
	e.article = article;
	e.source = outlet;
	e.published = pub;
	e.start = k * 200u;
	e.end = e.start + strlen(quote);
	e.quote = quote;
	e.when.basis = k % 2 ? INCLINE_BASIS_EXPLICIT : INCLINE_BASIS_PUBLICATION;
	e.when.date = k % 2 ? incline_date_make(when, when, INCLINE_GRAN_DAY)
			    : incline_date_make(INCLINE_DAY_NONE, pub,
						INCLINE_GRAN_DAY);
	ev.type = t;
	ev.when = e.when;
	ev.when.value = ev.when.text = ev.when.article = NULL;
	ev.first_reported = pub;
	ev.n_sources = 1;
	if ((rc = incline_event_add_evidence(&ev, &e))) {
		incline_event_clear(&ev);
		return rc;
	}
	incline_event_assign_id(&ev);
	if ((rc = incline_timeline_take(tl, &ev)))
		return rc;
	return incline_timeline_add_article(tl, article);
}

static int generate(incline_timeline *tl, size_t n, uint64_t seed)
{
	uint64_t s = seed;
	incline_day base = incline_date_from_ymd(2017, 1, 1);
	size_t made = 0;

	for (unsigned inc = 0; made < n; inc++) {
		incline_day happened = base + (incline_day)below(&s, 2500);
		unsigned arts = 4 + below(&s, 5);

		for (unsigned a = 0; a < arts && made < n; a++) {
			incline_day pub = happened + 1 + (incline_day)below(&s, 14);
			unsigned evs = 5 + below(&s, 6);

			for (unsigned k = 0; k < evs && made < n; k++, made++) {
				incline_day when = happened
					+ (incline_day)below(&s, 3);
				int rc = add_event(tl, &s, inc, a, k, pub, when);

				if (rc)
					return rc;
			}
		}
	}
	return 0;
}

/* Resident set now, in MiB (from /proc/self/statm; 0 when unknown). */
static double rss_now(void)
{
	FILE *fp = fopen("/proc/self/statm", "r");
	unsigned long pages = 0, resident = 0;

	if (!fp)
		return 0;
	if (fscanf(fp, "%lu %lu", &pages, &resident) != 2)
		resident = 0;
	fclose(fp);
	return (double)resident * 4096.0 / (1024.0 * 1024.0);
}

static double now(clockid_t which)
{
	struct timespec ts;

	clock_gettime(which, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	size_t n = argc > 1 ? (size_t)strtoull(argv[1], NULL, 10) : 100000;
	uint64_t seed = argc > 2 ? strtoull(argv[2], NULL, 10) : 1;
	const char *out_path = argc > 3 ? argv[3] : NULL;
	incline_timeline in = { 0 }, out = { 0 };
	incline_error err;
	struct rusage ru, ru0;
	double t0, t1, c0, c1, rss_in;
	int rc;

	incline_error_clear(&err);
	if ((rc = generate(&in, n, seed))) {
		fprintf(stderr, "merge_bench: generating: %s\n",
			incline_error_name(rc));
		return 1;
	}
	rss_in = rss_now();
	getrusage(RUSAGE_SELF, &ru0);
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	rc = incline_merge_take(&out, &in, NULL, &err);
	c1 = now(CLOCK_PROCESS_CPUTIME_ID);
	t1 = now(CLOCK_MONOTONIC);
	if (rc) {
		fprintf(stderr, "merge_bench: %s\n", err.text);
		return 1;
	}
	getrusage(RUSAGE_SELF, &ru);
	printf("merge_bench n=%zu events_out=%zu incidents=%zu seconds=%.3f "
	       "cpu_seconds=%.3f peak_rss_mib=%.1f input_rss_mib=%.1f "
	       "page_faults=%ld\n", n, out.n, out.n_incidents, t1 - t0, c1 - c0,
	       (double)ru.ru_maxrss / 1024.0, rss_in,
	       ru.ru_minflt - ru0.ru_minflt);
	if (out_path) {
		FILE *fp = fopen(out_path, "w");

		rc = fp ? incline_emit_json(fp, &out, &err) : -1;
		if (fp && fclose(fp) && !rc)
			rc = -1;
		if (rc) {
			fprintf(stderr, "merge_bench: cannot write %s\n",
				out_path);
			incline_timeline_free(&out);
			return 1;
		}
	}
	incline_timeline_free(&in);
	incline_timeline_free(&out);
	return 0;
}
