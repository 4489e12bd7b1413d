/* Private to merge: which words make two sentences "say the same thing",
 * and how much each counts. The stop-word table is data (merge.c folds
 * and stems it at run time); the weight and the match rule live here so
 * the tests can check merge's index against an all-pairs comparison
 * under the very same rule. */
#ifndef INCLINE_MERGE_WORDS_H
#define INCLINE_MERGE_WORDS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stop words (lower case, as written; merge folds them with the same
 * folder it uses on quotes). Static, never freed. */
extern const char *const incline_merge_stop_words[];
extern const size_t incline_merge_n_stop_words;

/* Words news uses interchangeably for one thing in incident reports
 * ("staff" / "employees", "unusual" / "anomalous"): each row lists
 * words (lower case, as written) that count as its first one when
 * merging; rows end with NULL. Static, never freed. */
#define INCLINE_MERGE_SYNONYM_WIDTH 8
extern const char *const incline_merge_synonyms[][INCLINE_MERGE_SYNONYM_WIDTH];
extern const size_t incline_merge_n_synonyms;

/* What two accounts have in common: their content-word (stem) counts,
 * the shared count, and the same three as sums of word weights. */
typedef struct incline_merge_overlap {
	size_t na, nb, n;
	uint64_t wa, wb, w;
} incline_merge_overlap;

/* Weight of a stem found in df of the n distinct sentences (article and
 * span) being merged:
 * round(1024 * log(1 + n / df)); 0 when df is 0. Integers, so the sums
 * are exact and do not depend on the order they are added in. */
uint32_t incline_merge_word_weight(size_t n, size_t df);

/* Weighted overlap coefficient w / min(wa, wb); 0 when a side weighs 0. */
double incline_merge_overlap_value(const incline_merge_overlap *o);

/* true when o has enough shared words to be one happening: the count rule
 * (see merge_words.c) and a weighted overlap of at least t. */
bool incline_merge_words_match(const incline_merge_overlap *o, double t);

/* Encoded CVE identifier: year << 40 | number (merge_words.c). */
#define INCLINE_MERGE_CVE_MIN_BYTES 13 /* "CVE-YYYY-NNNN" */

/* true when the word w[0..len) starts with a CVE identifier
 * ("CVE-2018-15442", any case; "CVE-2018-0377's" too), stored into *id
 * as year << 40 | number: two words name one flaw iff their ids are
 * equal. false for anything else ("CVE-2018", "CVE-18-1234", a number
 * longer than 12 digits). */
bool incline_merge_cve_id(uint64_t *id, const char *w, size_t len);

#endif
