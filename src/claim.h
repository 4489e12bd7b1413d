/* Claims of attribution sentences (claim.c), for the event rules of
 * extract.c. Private to the library. */
#ifndef INCLINE_CLAIM_H
#define INCLINE_CLAIM_H

#include <stdbool.h>
#include <stddef.h>

#include "incline/event.h"
#include "incline/text.h"
#include "incline/timex.h"
#include "lexicon.h"
#include "sentence.h"

/* How many earlier sentences of an article a claim looks back on. */
#define CLAIM_CONTEXT 16

/* The spans of an article's last CLAIM_CONTEXT sentences, in a ring: a
 * pronoun's name is looked for in them only when a claim needs it, so
 * the sentences without one cost nothing. */
typedef struct claim_context {
	incline_span spans[CLAIM_CONTEXT];
	size_t n; /* sentences seen; the last is spans[(n - 1) % CLAIM_CONTEXT] */
} claim_context;

/* Remembers s (its span) as the article's latest sentence. */
void incline_claim_context_add(claim_context *cx, const sentence *s);

/* true when an attribution cue without a listed actor still makes a
 * claim about somebody: an actor given a name ("a group called
 * CyberBerkut") or a denial ("Mailinator denied any involvement"). */
bool incline_claim_named(const sentence *s);

/* Fills *cl (actor, claimant: owned by cl; stance) for the attribution
 * cue of s. dates are the article's expressions; cx its earlier
 * sentences, analysed again with lex and folder when a pronoun or
 * definite noun needs a name. 0 or INCLINE_ENOMEM (cl then holds what
 * was filled: incline_claim_clear frees it). */
int incline_claim_fill(incline_claim *cl, const sentence *s, const lex_hit *cue,
		       const incline_timex_list *dates, const claim_context *cx,
		       const incline_lexicon *lex, incline_folder *folder);

#endif
