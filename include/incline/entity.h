/* Named organisations in a sentence, for grouping events into incidents:
 * capitalised multiword names ("International Criminal Court"), acronyms
 * ("ICC", also spelled with look-alike letters: Cyrillic "IСС") and
 * expansions ("International Criminal Court (ICC)" says ICC abbreviates
 * the long name). Sentence-initial common words, month and weekday
 * names, and well-known non-victims (security vendors, agencies, news
 * outlets: one data table in entity.c) are left out. Names are matched by
 * their folded key (text.h: case, accents and look-alike letters). */
#ifndef INCLINE_ENTITY_H
#define INCLINE_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "incline/error.h"
#include "incline/text.h"

#define INCLINE_ENTITY_NONE UINT32_MAX

/* Numbers names and keys for one run (a merge call): the same key or
 * spelling always gets the same id from one finder. Not thread-safe; one
 * per thread. */
typedef struct incline_entity_finder incline_entity_finder;

/* What the words around a name say it does in its sentence (cue tables
 * in entity.c): who suffers an incident is told in set phrases ("an
 * attack on X", "X's network", "X was hacked", "X notified"), and so is
 * who only tells about it ("according to X", "researchers at X"). */
typedef enum incline_entity_role {
	INCLINE_ENTITY_ROLE_NONE = 0, /* no cue */
	INCLINE_ENTITY_ROLE_VICTIM,   /* a cue of suffering or owning up */
	INCLINE_ENTITY_ROLE_TELLER,   /* a cue of reporting or researching */
	INCLINE_ENTITY_ROLE_PERSON    /* a person named with a title ("Mayor
				       * Keisha Lance Bottoms"): key and span
				       * are the surname's, so that "Bottoms
				       * said" can be told from a company */
} incline_entity_role;

/* One name found in a sentence. */
typedef struct incline_entity {
	incline_span span;   /* its bytes in the sentence */
	uint32_t key;        /* folded key id (incline_entity_key) */
	uint32_t surface;    /* spelling id, spaces normalised */
	uint32_t long_form;  /* for "X Y Z (XYZ)": the key X Y Z has, on the
			      * acronym's entry; else INCLINE_ENTITY_NONE */
	bool acronym;
	bool initial;        /* a lone word opening the sentence: maybe a
			      * name ("Facebook discovered"), maybe just the
			      * first word ("Companies"); callers count it
			      * only when the key is also met elsewhere */
	incline_entity_role role;
} incline_entity;

/* Growable; owned by its declarer; zeroed = empty. */
typedef struct incline_entity_list {
	incline_entity *items;
	size_t n, cap;
} incline_entity_list;

/* New finder in *out (caller frees with incline_entity_finder_free); on
 * failure *out = NULL and err says why. */
int incline_entity_finder_new(incline_entity_finder **out, incline_error *err);
void incline_entity_finder_free(incline_entity_finder *f);

/* Forgets every key and spelling numbered so far (ids start again at 0),
 * keeping the tables, so one finder serves many runs (merge_* of one
 * article after another) without building them again. */
void incline_entity_finder_reset(incline_entity_finder *f);

/* Appends the names of sentence s[0..len) to *out. Returns 0 or
 * INCLINE_ENOMEM. */
int incline_entity_find(incline_entity_list *out, incline_entity_finder *f,
			const char *s, size_t len);

/* The same with the word tokens of s already found (incline_text_words
 * of s, offsets into s): callers that tokenised s anyway save a pass. */
int incline_entity_find_words(incline_entity_list *out,
			      incline_entity_finder *f, const char *s,
			      size_t len, const incline_span *words, size_t n);

void incline_entity_list_free(incline_entity_list *list);

/* The folded key or the spelling of an id (borrowed from f, valid while
 * f lives and finds nothing more); NULL for an unknown id. */
const char *incline_entity_key(const incline_entity_finder *f, uint32_t key);
const char *incline_entity_surface(const incline_entity_finder *f,
				   uint32_t surface);

/* Number of distinct keys / spellings numbered so far (ids are below). */
size_t incline_entity_n_keys(const incline_entity_finder *f);
size_t incline_entity_n_surfaces(const incline_entity_finder *f);

/* The one several-word key whose initials spell acronym key `key`
 * ("icc" -> "international criminal court", "wada" -> "world
 * anti-doping agency"; link words and hyphens as in entity.c), among
 * the keys numbered so far; INCLINE_ENTITY_NONE when none or two do. */
uint32_t incline_entity_expand(const incline_entity_finder *f, uint32_t key);

/* The key id a spelling folds to. */
uint32_t incline_entity_surface_key(const incline_entity_finder *f,
				    uint32_t surface);

#endif
