/* The date-expression scanner: finds temporal expressions in news text and
 * normalises them (TIMEX3 type, value and mod, plus a day interval). */
#ifndef INCLINE_TIMEX_H
#define INCLINE_TIMEX_H

#include <stddef.h>

#include "incline/date.h"
#include "incline/error.h"

typedef enum incline_timex_type {
	INCLINE_TIMEX_DATE = 0,
	INCLINE_TIMEX_TIME,
	INCLINE_TIMEX_DURATION,
	INCLINE_TIMEX_SET
} incline_timex_type;

typedef enum incline_timex_mod {
	INCLINE_MOD_NONE = 0,
	INCLINE_MOD_START,
	INCLINE_MOD_MID,
	INCLINE_MOD_END,
	INCLINE_MOD_APPROX,
	INCLINE_MOD_BEFORE,
	INCLINE_MOD_AFTER,
	INCLINE_MOD_ON_OR_BEFORE,
	INCLINE_MOD_ON_OR_AFTER,
	INCLINE_MOD_LESS_THAN,
	INCLINE_MOD_MORE_THAN,
	INCLINE_MOD_EQUAL_OR_LESS,
	INCLINE_MOD_EQUAL_OR_MORE
} incline_timex_mod;

/* What a relative expression was resolved against. */
typedef enum incline_timex_anchor {
	INCLINE_ANCHOR_NONE = 0,    /* absolute: needs no anchor */
	INCLINE_ANCHOR_PUBLICATION, /* the reference (publication) date */
	INCLINE_ANCHOR_PREVIOUS     /* the previous date in the text */
} incline_timex_anchor;

#define INCLINE_TIMEX_VALUE_SIZE 32

/* One temporal expression. start/end are byte offsets into the scanned
 * buffer plus the scan's base (end exclusive). For DATE and TIME, date is
 * the interval it denotes (open bounds for PAST_REF and the like); for
 * DURATION and SET, date.gran is UNKNOWN and the bounds are NONE. */
typedef struct incline_timex {
	size_t start;
	size_t end;
	incline_timex_type type;
	incline_timex_mod mod;
	incline_timex_anchor anchor;
	incline_date date;
	char value[INCLINE_TIMEX_VALUE_SIZE]; /* TIMEX3 value, NUL-terminated */
} incline_timex;

/* A growable array of expressions; zeroed = empty. Owned by its declarer;
 * release with incline_timex_list_free. */
typedef struct incline_timex_list {
	incline_timex *items;
	size_t n;
	size_t cap;
} incline_timex_list;

void incline_timex_list_free(incline_timex_list *list);

/* Scans text[0..len) (UTF-8, need not be NUL-terminated) with reference
 * date ref (the publication date; INCLINE_DAY_NONE leaves relative
 * expressions out) and appends what it finds, in text order, to *out.
 * base is added to every offset. Reentrant: no state survives the call.
 * Returns 0 or INCLINE_ENOMEM. */
int incline_timex_scan(incline_timex_list *out, const char *text, size_t len,
		       size_t base, incline_day ref, incline_error *err);

/* A scanner for many texts in a row (one thread at a time): it keeps
 * the lexicon's index between scans, so a short text costs no setup.
 * incline_timex_scanner_scan finds what incline_timex_scan finds. New in
 * *out (free with incline_timex_scanner_free; NULL allowed); returns 0 or
 * INCLINE_ENOMEM (*out = NULL). */
typedef struct incline_timex_scanner incline_timex_scanner;
int incline_timex_scanner_new(incline_timex_scanner **out, incline_error *err);
void incline_timex_scanner_free(incline_timex_scanner *sc);
int incline_timex_scanner_scan(incline_timex_scanner *sc, incline_timex_list *out,
			       const char *text, size_t len, size_t base,
			       incline_day ref, incline_error *err);

/* Static names for JSON: "DATE", "START", "publication", ... ("" for
 * INCLINE_MOD_NONE and INCLINE_ANCHOR_NONE). */
const char *incline_timex_type_name(incline_timex_type t);
const char *incline_timex_mod_name(incline_timex_mod m);
const char *incline_timex_anchor_name(incline_timex_anchor a);

#endif
