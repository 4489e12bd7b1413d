/* Cue-word and actor tables and the matcher that finds them in a
 * sentence's folded tokens. Private to the library. */
#ifndef INCLINE_LEXICON_H
#define INCLINE_LEXICON_H

#include <stddef.h>

#include "incline/error.h"
#include "incline/event.h"

/* What a table row marks. The first INCLINE_EVENT_TYPE_COUNT values are the
 * event types (a cue for that type); the rest qualify the words around. */
typedef enum lex_class {
	LEX_NEGATION = INCLINE_EVENT_TYPE_COUNT, /* "not", "declined to" */
	LEX_NEG_SCOPE, /* negates the rest of the sentence: "no evidence" */
	LEX_HEDGE,     /* "may have", "reportedly": true but unsure */
	LEX_MODAL,     /* "could", "if", "warned of": not (yet) real */
	LEX_GENERIC,   /* "on the rise": about attacks in general */
	LEX_DENY,      /* "denied": an attribution stance */
	LEX_REPORT,    /* "said", "confirmed": a claimant's verb */
	LEX_ACCORDING, /* "according to": the claimant follows */
	LEX_PRESUPPOSED, /* "the breach": a definite event noun, presupposed */
	LEX_SELF_CLAIM, /* "claimed responsibility": the claimant is the actor */
	LEX_CONTINUE,  /* "he", "then": the sentence continues the last */
	LEX_CLAUSE,    /* "but", "although": starts a new clause */
	LEX_CAPABILITY, /* "can", "allows": what could be done, not what was */
	LEX_ATTRIBUTIVE, /* "the stolen data": a participle used as an adjective */
	LEX_ATTACK_NOUN, /* "attack": with a flaw about, a technique */
	LEX_FLAW,
	LEX_FLAW_AGAIN, /* "the problem", "the issue": a flaw named again */      /* "vulnerability", "CVE-…": what a vulnerability event is about */
	LEX_FINDING,   /* "found", "affects", "disclosed": what happened to a flaw */
	LEX_NONEVENT,  /* "attack surface", "protect against attacks": a cue
			  word inside it names a kind of thing, not a happening */
	LEX_BARE_NOUN, /* "attack", "scams": an event noun that, bare, is
			  mostly a topic */
	LEX_SPECIFIC,  /* "ransomware attack", "suffered an attack": makes a
			  bare event noun a happening */
	LEX_ACTOR,     /* an actor alias (see lex_hit.actor) */
	LEX_CLASS_COUNT
} lex_class;

typedef struct lex_hit {
	int cls;           /* an incline_event_type (a cue) or a lex_class */
	size_t first;      /* token index of the first matched token */
	size_t last;       /* and of the last */
	const char *actor; /* canonical actor name for LEX_ACTOR (borrowed
			      from the lexicon) */
} lex_hit;

typedef struct incline_lexicon incline_lexicon;

/* The built-in tables, compiled, in *out (free with
 * incline_lexicon_free); *out = NULL on failure. */
int incline_lexicon_new(incline_lexicon **out, incline_error *err);
void incline_lexicon_free(incline_lexicon *lex);

/* Adds one actor alias (already folded, words separated by single
 * spaces) naming canonical (copied). */
int incline_lexicon_add_actor(incline_lexicon *lex, const char *folded_alias,
			      const char *canonical);

/* Finds every table row matching at some position of toks[0..n) (folded
 * words) and appends the hits to *hits (grown with realloc; *n_hits and
 * *cap track it; caller frees *hits). A position may start several hits;
 * within one class only the longest match at a position is kept. */
int incline_lexicon_match(const incline_lexicon *lex, const char *const *toks,
			  size_t n, lex_hit **hits, size_t *n_hits,
			  size_t *cap);

/* The same with each word's length given: lens[i] == strlen(toks[i])
 * (the caller knows them, and a strlen per word is time). */
int incline_lexicon_match_n(const incline_lexicon *lex, const char *const *toks,
			    const size_t *lens, size_t n, lex_hit **hits,
			    size_t *n_hits, size_t *cap);

#endif
