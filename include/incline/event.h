/* Events, their evidence and the timeline: the data model every stage
 * after extraction shares. */
#ifndef INCLINE_EVENT_H
#define INCLINE_EVENT_H

#include <stdbool.h>
#include <stddef.h>

#include "incline/date.h"
#include "incline/error.h"

typedef enum incline_event_type {
	INCLINE_EVENT_INTRUSION = 0,
	INCLINE_EVENT_DETECTION,
	INCLINE_EVENT_RESPONSE,
	INCLINE_EVENT_RECOVERY,
	INCLINE_EVENT_DISCLOSURE,
	INCLINE_EVENT_IMPACT,
	INCLINE_EVENT_ATTRIBUTION,
	INCLINE_EVENT_VULNERABILITY,
	INCLINE_EVENT_PATCH,
	INCLINE_EVENT_CONTEXT,
	INCLINE_EVENT_TYPE_COUNT
} incline_event_type;

/* Where an event's date came from. */
typedef enum incline_basis {
	INCLINE_BASIS_EXPLICIT = 0, /* an absolute expression in the text */
	INCLINE_BASIS_RELATIVE,     /* resolved against publication or text */
	INCLINE_BASIS_PUBLICATION   /* only "reported by" a date: upper bound */
} incline_basis;

typedef enum incline_stance {
	INCLINE_STANCE_NONE = 0, /* not an attribution claim */
	INCLINE_STANCE_ASSERTED,
	INCLINE_STANCE_SUSPECTED,
	INCLINE_STANCE_DENIED,
	INCLINE_STANCE_UNATTRIBUTED
} incline_stance;

/* When something happened, and from which words. Strings are owned;
 * text/value/article are NULL when the date did not come from text (then
 * has_span is false). start/end are byte offsets into `article`. */
typedef struct incline_when {
	incline_date date;
	incline_basis basis;
	char *value;   /* TIMEX3 value of the expression */
	char *text;    /* the expression as written */
	char *article; /* article id holding start/end */
	size_t start;
	size_t end;
	bool has_span;
} incline_when;

/* An attribution claim; strings owned, NULL when unknown. */
typedef struct incline_claim {
	char *actor;    /* canonical actor name */
	char *claimant; /* who says so */
	incline_stance stance;
} incline_claim;

/* Flags of incline_evidence. */
enum { INCLINE_EVIDENCE_HEDGED = 1u << 0 /* "may have", "possible" */ };

/* One source's account: a sentence of one article and what it says. This
 * is the unit merge works on, so it carries everything needed to merge
 * again without the article. All strings owned. */
typedef struct incline_evidence {
	char *article;   /* article id */
	char *source;    /* outlet; NULL when unknown */
	char *url;       /* the article's URL; NULL when unknown */
	incline_day published;
	size_t start;    /* byte span of the sentence in the article */
	size_t end;
	char *quote;     /* the sentence text */
	incline_when when;
	incline_claim claim;
	unsigned flags;
	/* The actors this account names (owned copies, sorted by merge). An
	 * atom of merge stands for: this list, the claim's actor, and, when
	 * its event has this one piece of evidence only, the event's actors
	 * (extraction fills ev->actors, not this). Merge fills the list of
	 * every evidence it outputs, so a merged timeline, written and read
	 * back, merges again exactly as its articles would. */
	char **actors;
	size_t n_actors;
	/* The sentence of the same article whose happening this one names
	 * again ("ACME was hit on Monday." then "Officials said LockBit was
	 * behind the attack."): extraction sets it, merge keeps the two in
	 * one event. about_end == 0: none. */
	size_t about_start;
	size_t about_end;
} incline_evidence;

/* Flags of incline_event. */
enum {
	INCLINE_EVENT_HEDGED = 1u << 0,        /* every source hedges */
	INCLINE_EVENT_DATE_CONFLICT = 1u << 1, /* sources' dates disjoint */
	INCLINE_EVENT_CLAIM_CONFLICT = 1u << 2 /* sources' claims disagree */
};

#define INCLINE_EVENT_ID_SIZE 24

/* One real-world happening, with every piece of evidence for it. Owns all
 * its strings and its evidence array. */
typedef struct incline_event {
	char id[INCLINE_EVENT_ID_SIZE];
	incline_event_type type;
	incline_when when;      /* the reconciled date */
	char *summary;
	char **actors;
	size_t n_actors;
	incline_claim claim;    /* the reconciled claim (attribution only) */
	unsigned flags;
	incline_day first_reported;
	size_t n_sources;       /* distinct outlets among the evidence */
	incline_evidence *evidence;
	size_t n_evidence;
	size_t cap_evidence;
	char incident[INCLINE_EVENT_ID_SIZE]; /* its incident's id; "" = none */
} incline_event;

/* One incident: the events of a pile about one victim in one stretch of
 * time (merge groups them). Owns its strings and arrays. */
typedef struct incline_incident {
	char id[INCLINE_EVENT_ID_SIZE];  /* "in-" + 16 hex, from its events */
	char *name;           /* the main victim as written; NULL = unknown */
	char **entities;      /* organisations named in it, most cited first */
	size_t n_entities;
	incline_day earliest; /* span of its events' dates; NONE = open */
	incline_day latest;
	char (*events)[INCLINE_EVENT_ID_SIZE]; /* its events' ids, sorted */
	size_t n_events;
} incline_incident;

/* Events plus the article ids they were built from. Zeroed = empty; owned
 * by its declarer; release with incline_timeline_free. */
typedef struct incline_timeline {
	incline_event *events;
	size_t n;
	size_t cap;
	char **articles;
	size_t n_articles;
	size_t cap_articles;
	incline_incident *incidents; /* set by merge; NULL/0 otherwise */
	size_t n_incidents;
} incline_timeline;

/* Static names used in every output format ("intrusion", "explicit",
 * "unattributed"); *_from_name returns -1 for an unknown name. */
const char *incline_event_type_name(incline_event_type t);
int incline_event_type_from_name(const char *name);
const char *incline_basis_name(incline_basis b);
int incline_basis_from_name(const char *name);
const char *incline_stance_name(incline_stance s);
int incline_stance_from_name(const char *name);

/* Deep copies (dst is overwritten; on INCLINE_ENOMEM dst is left empty
 * and safe to free). */
int incline_when_copy(incline_when *dst, const incline_when *src);
int incline_claim_copy(incline_claim *dst, const incline_claim *src);
int incline_evidence_copy(incline_evidence *dst, const incline_evidence *src);

/* Free what the struct owns (not the struct itself); NULL allowed. */
void incline_when_clear(incline_when *w);
void incline_claim_clear(incline_claim *c);
void incline_evidence_clear(incline_evidence *e);
void incline_event_clear(incline_event *ev);
void incline_incident_clear(incline_incident *in);

/* Appends a copy of e to ev's evidence. Returns 0 or INCLINE_ENOMEM. */
int incline_event_add_evidence(incline_event *ev, const incline_evidence *e);

/* Adds actor (copied) to ev->actors unless already there. */
int incline_event_add_actor(incline_event *ev, const char *actor);

/* Adds actor (copied) to e->actors unless already there. Returns 0,
 * INCLINE_EUSAGE (actor NULL) or INCLINE_ENOMEM. */
int incline_evidence_add_actor(incline_evidence *e, const char *actor);

/* Sorts ev's evidence (article, then start, then end) and sets ev->id to
 * "ev-" + 16 hex digits of a 64-bit FNV-1a hash of the type name and the
 * sorted (article, start, end) triples: the same evidence set always gets
 * the same id, whatever order it arrived in. */
void incline_event_assign_id(incline_event *ev);

/* Rewrites the byte spans (evidence sentences and dates) of events[0..n)
 * that belong to article id `article` with map, then gives each event its
 * id again (ids hash the spans). For articles whose text was decoded from
 * the file (JSON, HTML, CSV): map takes offsets into that text to the
 * file's (see incline_article_file_span). Defined in event_map.c. */
typedef void (*incline_span_map_fn)(size_t *start, size_t *end, void *payload);
void incline_events_map_spans(incline_event *events, size_t n, const char *article,
			      incline_span_map_fn map, void *payload);

/* Moves *ev into the timeline (the timeline owns it afterwards, even on
 * failure, when it is freed) and zeroes *ev. */
int incline_timeline_take(incline_timeline *tl, incline_event *ev);

/* Records an article id (copied) in tl->articles unless already there,
 * keeping the list in strcmp order. */
int incline_timeline_add_article(incline_timeline *tl, const char *id);

/* Sorts events chronologically: earliest day (an event with only an upper
 * bound sorts at that bound), then latest, then type, then id; evidence
 * within each event by article then offset; articles by name. */
void incline_timeline_sort(incline_timeline *tl);

/* Frees everything the timeline owns; it is empty afterwards. */
void incline_timeline_free(incline_timeline *tl);

#endif
