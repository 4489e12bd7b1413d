/* Incidents: the events of a pile grouped by victim and time (merge does
 * the grouping, see merge.h), and what `build --split` needs to write one
 * timeline per incident. */
#ifndef INCLINE_INCIDENT_H
#define INCLINE_INCIDENT_H

#include <stddef.h>

#include "incline/error.h"
#include "incline/event.h"

/* Longest slug, in bytes, without the NUL (a file name's stem: room for
 * a "-" + 16 hex digits and an extension under the usual 255). */
#define INCLINE_SLUG_MAX 80

/* A file-name-safe slug of name into out (cap >= INCLINE_SLUG_MAX + 1):
 * ASCII lower case letters, digits and single "-" only (every other
 * byte, non-ASCII ones too, separates words), no leading or trailing
 * "-", at most INCLINE_SLUG_MAX bytes; "incident" when nothing is left.
 * (Merge names incidents with an ASCII spelling when the pile has one.) So never a path separator,
 * "..", a control byte or an empty name. Returns 0, or INCLINE_EUSAGE
 * when cap is too small. */
int incline_incident_slug(char *out, size_t cap, const char *name);

/* The file stem of tl's incident i into out (cap >= INCLINE_SLUG_MAX +
 * 24): its slug, plus "-" and its id's hex digits when another incident
 * of tl has the same slug, so names never collide and do not depend on
 * input order. Returns 0 or INCLINE_EUSAGE. */
int incline_incident_file_stem(char *out, size_t cap,
			       const incline_timeline *tl, size_t i);

/* A new timeline *out (must be empty; caller frees) holding deep copies
 * of tl's incident i, its events and the articles they cite. Returns 0,
 * INCLINE_EUSAGE (i out of range) or INCLINE_ENOMEM (then *out is
 * empty). */
int incline_incident_extract(incline_timeline *out, const incline_timeline *tl,
			     size_t i);

#endif
