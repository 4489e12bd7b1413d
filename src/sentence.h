/* One sentence of an article, analysed: its words, their folded forms,
 * clause numbers and lexicon hits. Shared by the event rules (extract.c)
 * and the claim analysis (claim.c). Private to the library. */
#ifndef INCLINE_SENTENCE_H
#define INCLINE_SENTENCE_H

#include <stdbool.h>
#include <stddef.h>

#include "incline/text.h"
#include "lexicon.h"

/* How far back (in words, same clause) a negation reaches a cue: "did not
 * steal" and "no data was ever stolen" but not a "not" two phrases away. */
#define NEGATION_REACH 6

/* One sentence, analysed. Arrays are reused from sentence to sentence. */
typedef struct sentence {
	const char *bytes;      /* article bytes */
	size_t base;            /* file offset of bytes[0] */
	incline_span span;      /* file offsets */
	incline_span_list words; /* file offsets */
	char **folded;          /* folded words (pointers into fold_buf) */
	size_t n_folded, cap_folded;
	char *fold_buf;         /* the folded words, NUL-separated: one
				   buffer per sentence, not one malloc per word */
	size_t fold_len, fold_cap;
	size_t *fold_off;       /* offset of each word in fold_buf */
	size_t *fold_lens;      /* strlen of each folded word */
	int *clause;            /* clause number of each word */
	size_t cap_clause;
	lex_hit *hits;
	size_t n_hits, cap_hits;
	bool flaw_before;       /* the previous sentence named a flaw */
	char designators[8][24]; /* actor names of designator hits
				    (add_designators), as written */
} sentence;

/* Fills s->words, folded words, hits and clauses of s->span (s->bytes,
 * s->base set). Arrays are reused; 0 or INCLINE_ENOMEM. */
int incline_sentence_analyse(sentence *s, const incline_lexicon *lex, incline_folder *folder);
/* Frees s's arrays (not s). */
void incline_sentence_free(sentence *s);

/* The small readers below are asked about every word and cue: inline. */

static inline const char *at(const sentence *s, size_t off)
{
	return s->bytes + (off - s->base);
}

/* true when a hit of class cls covers word i. */
static inline bool covered(const sentence *s, int cls, size_t i)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == cls && s->hits[h].first <= i && i <= s->hits[h].last)
			return true;
	return false;
}

/* First hit of class cls in [from, to) of the words, or NULL. */
static inline const lex_hit *find(const sentence *s, int cls, size_t from, size_t to)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == cls && s->hits[h].first >= from && s->hits[h].first < to)
			return &s->hits[h];
	return NULL;
}

/* true when a negation reaches the cue: inside its words, a "no evidence"
 * before it, or a "not" up to NEGATION_REACH words before it in its
 * clause (anywhere before it with sentence_wide). */
static inline bool negated(const sentence *s, const lex_hit *cue, bool sentence_wide)
{
	size_t from = cue->first > NEGATION_REACH && !sentence_wide ? cue->first - NEGATION_REACH : 0;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *n = &s->hits[h];
		/* inside a cue's gap counts too: "the spyware never hit" */
		if (n->first > cue->first && n->first < cue->last && n->cls == LEX_NEGATION)
			return true;
		if (n->first >= cue->first)
			continue;
		if (n->cls == LEX_NEG_SCOPE)
			return true;
		if (n->cls == LEX_NEGATION && n->first >= from &&
		    (sentence_wide || s->clause[n->first] == s->clause[cue->first]))
			return true;
	}
	return false;
}

/* true when a hedge ("reportedly", "may have") stands in the cue's clause. */
static inline bool hedged(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == LEX_HEDGE && s->clause[s->hits[h].first] == s->clause[cue->first])
			return true;
	return false;
}

#endif
