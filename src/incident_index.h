/* Private to merge: who each article is about, and the grouping of
 * merged events into incidents (incident.c). merge adds every sentence it
 * merges (so entities are found once, in the evidence, never in the
 * articles), asks for article victims while matching attribution claims,
 * and finally assigns the finished timeline's events to incidents. Every
 * result depends only on the set of sentences added, not their order. */
#ifndef INCLINE_INCIDENT_INDEX_H
#define INCLINE_INCIDENT_INDEX_H

#include <stdint.h>

#include "incline/entity.h"
#include "incline/error.h"
#include "incline/event.h"

/* Days between two publication dates of articles about one victim beyond
 * which they tell different incidents (a victim hit twice). News about
 * one breach clusters within days to a few weeks of disclosure; follow-ups
 * (lawsuits, fines) months later are better read as their own timeline.
 * 60 is a round value between the two; no corpus here has one victim
 * twice to tune it on. */
#define INCLINE_INCIDENT_GAP_DAYS 60

typedef struct incline_incident_index incline_incident_index;

/* New, empty index in *out (free with incline_incident_index_free). */
int incline_incident_index_new(incline_incident_index **out,
			       incline_error *err);
void incline_incident_index_free(incline_incident_index *x);

/* The same with the entity finder f (borrowed: it must outlive the
 * index, and is reset here), for callers that index many small piles. */
int incline_incident_index_new_with(incline_incident_index **out,
				    incline_entity_finder *f,
				    incline_error *err);

/* Records atom number N (the count of earlier adds): sentence quote (may
 * be NULL) of article (may be NULL), told as an event of type t; words
 * are quote's word tokens (incline_text_words) when the caller has them,
 * else NULL. Adding the same (article, quote, type) twice counts twice,
 * so callers add distinct atoms. Returns 0 or INCLINE_ENOMEM. */
int incline_incident_index_add(incline_incident_index *x, const char *article,
			       incline_day published, incline_event_type t,
			       const char *quote, const incline_span *words,
			       size_t n_words);

/* As incline_incident_index_add, for a caller that numbers its article
 * ids itself: rank (1..) stands for article, equal ranks for equal ids
 * and different ranks for different ids; 0 = none given (then as
 * incline_incident_index_add). */
int incline_incident_index_add_ranked(incline_incident_index *x,
				      uint32_t rank, const char *article,
				      incline_day published,
				      incline_event_type t, const char *quote,
				      const incline_span *words, size_t n_words);

/* Call once after the last add: resolves acronyms to their long forms
 * and picks each article's victim. Returns 0 or INCLINE_ENOMEM. */
int incline_incident_index_finish(incline_incident_index *x);

/* The victim key of an article (the entity key id most told about in
 * its sentences, acronyms resolved), INCLINE_ENTITY_NONE when it names
 * none or was never added. Equal ids mean the same victim. */
uint32_t incline_incident_index_victim(const incline_incident_index *x,
				       const char *article);

/* The article number (0.., in order of first add) and the victim of atom
 * u; UINT32_MAX / INCLINE_ENTITY_NONE when it had no article. Victims
 * only after finish. */
uint32_t incline_incident_index_atom_article(const incline_incident_index *x,
					     size_t u);
uint32_t incline_incident_index_atom_victim(const incline_incident_index *x,
					    size_t u);

/* Every name that stands for victim key v (its own and those of the
 * acronyms and spellings resolved to it), folded, as (key string): calls
 * fn(payload, name) for each; fn returns 0 or an error, which stops the
 * walk and is returned. Only after finish. */
int incline_incident_index_victim_names(const incline_incident_index *x,
					uint32_t v,
					int (*fn)(void *payload, uint32_t v,
						  const char *name),
					void *payload);

/* Calls fn for every key that is some article's victim and every name
 * resolved to it (as incline_incident_index_victim_names for each). */
int incline_incident_index_all_victim_names(const incline_incident_index *x,
					    int (*fn)(void *payload, uint32_t v,
						      const char *name),
					    void *payload);

/* Groups tl's events (ids assigned) into incidents: fills tl->incidents
 * and every event's incident id. Event e of tl holds the atoms
 * ev_atoms[ev_start[e] .. ev_start[e + 1]) (ev_start has tl->n + 1
 * entries), numbered as added. Returns 0 or INCLINE_ENOMEM (then tl has
 * no incidents). */
int incline_incident_index_assign(incline_incident_index *x,
				  incline_timeline *tl, const size_t *ev_start,
				  const size_t *ev_atoms);

#endif
