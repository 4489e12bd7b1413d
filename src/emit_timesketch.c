/* Timesketch JSONL: one event per line, importable as a Timesketch
 * timeline ("Create timeline from JSON/JSONL/CSV file").
 *
 * Timesketch requires three fields on every line: `message` (a string
 * describing the event), `datetime` (ISO 8601, e.g.
 * 2015-07-24T19:01:01+00:00) and `timestamp_desc` (what the time means);
 * `timestamp` (microseconds since the epoch) is read when present. Any
 * other field is kept and searchable, so the event's own fields follow,
 * flat (Timesketch filters on top-level fields), keys in this order:
 *
 *   message, datetime, timestamp, timestamp_desc, data_type, event_id,
 *   event_type, date_value, date_earliest, date_latest, date_granularity,
 *   date_text, date_basis, summary, actors[],
 *   attribution_actor, attribution_claimant, attribution_stance
 *                                            (attribution events only),
 *   conflict[] (only when flagged), hedged, first_reported, sources,
 *   evidence_count, articles[], outlets[], urls[]
 *
 * Timesketch places an event at one instant, so each event is put at the
 * start (00:00 UTC) of its anchor day and timestamp_desc says which day
 * that is: the first possible day of its date, the day it is known to
 * have happened by, or (undated) the day it was first reported. An event
 * with none of these cannot be placed and is left out. */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "emit_private.h"

#define SET incline_emit_json_set

static const char *timestamp_desc(const incline_event *ev)
{
	const incline_date *d = &ev->when.date;

	if (d->earliest != INCLINE_DAY_NONE)
		return d->earliest == d->latest ? "Event date"
						: "Event date (earliest possible)";
	if (d->latest != INCLINE_DAY_NONE)
		return "Event date (happened by)";
	return "First reported (event undated)";
}

/* "<Type>: <summary>", or the type alone. */
static json_t *message(incline_emit_buf *scratch, const incline_event *ev)
{
	const char *label = incline_emit_type_label(ev->type);

	incline_emit_buf_reset(scratch);
	if (incline_emit_buf_add(scratch, label, strlen(label)))
		return NULL;
	if (ev->summary
	    && (incline_emit_buf_add(scratch, ": ", 2)
		|| incline_emit_buf_add_utf8(scratch, ev->summary,
					     strlen(ev->summary))))
		return NULL;
	return incline_emit_json_buf(scratch);
}

/* The line of ev anchored at day. NULL on OOM. */
static json_t *event_line(incline_emit_buf *scratch, const incline_event *ev,
			  incline_day day)
{
	unsigned flagged = INCLINE_EVENT_DATE_CONFLICT
			   | INCLINE_EVENT_CLAIM_CONFLICT;
	char iso[11], datetime[40];
	json_t *o = json_object();
	bool ok;

	snprintf(datetime, sizeof datetime, "%sT00:00:00+00:00",
		 incline_date_format_day(iso, day));
	ok = o && SET(o, "message", message(scratch, ev))
	     && SET(o, "datetime", json_string(datetime))
	     && SET(o, "timestamp",
		    json_integer((json_int_t)day * 86400 * 1000000))
	     && SET(o, "timestamp_desc", json_string(timestamp_desc(ev)))
	     && SET(o, "data_type", json_string("incline:event"))
	     && SET(o, "event_id", incline_emit_json_id(scratch, ev->id))
	     && SET(o, "event_type",
		    json_string(incline_event_type_name(ev->type)))
	     && SET(o, "date_value", incline_emit_json_edtf(&ev->when.date))
	     && SET(o, "date_earliest",
		    incline_emit_json_day(ev->when.date.earliest))
	     && SET(o, "date_latest", incline_emit_json_day(ev->when.date.latest))
	     && SET(o, "date_granularity",
		    json_string(incline_gran_name(ev->when.date.gran)))
	     && SET(o, "date_text", incline_emit_json_str(scratch, ev->when.text))
	     && SET(o, "date_basis",
		    json_string(incline_basis_name(ev->when.basis)))
	     && SET(o, "summary", incline_emit_json_str(scratch, ev->summary))
	     && SET(o, "actors", incline_emit_json_strings(scratch, ev->actors,
							   ev->n_actors));
	if (ok && ev->type == INCLINE_EVENT_ATTRIBUTION)
		ok = SET(o, "attribution_actor",
			 incline_emit_json_str(scratch, ev->claim.actor))
		     && SET(o, "attribution_claimant",
			    incline_emit_json_str(scratch, ev->claim.claimant))
		     && SET(o, "attribution_stance",
			    json_string(incline_stance_name(ev->claim.stance)));
	if (ok && (ev->flags & flagged))
		ok = SET(o, "conflict", incline_emit_json_conflicts(ev));
	ok = ok && SET(o, "hedged",
		       json_boolean(ev->flags & INCLINE_EVENT_HEDGED))
	     && SET(o, "first_reported", incline_emit_json_day(ev->first_reported))
	     && SET(o, "sources", json_integer((json_int_t)ev->n_sources))
	     && SET(o, "evidence_count", json_integer((json_int_t)ev->n_evidence))
	     && SET(o, "articles", incline_emit_json_distinct(
				scratch, ev, incline_emit_evidence_article))
	     && SET(o, "outlets", incline_emit_json_distinct(
				scratch, ev, incline_emit_evidence_source))
	     && SET(o, "urls", incline_emit_json_distinct(
				scratch, ev, incline_emit_evidence_link));
	return incline_emit_json_done(o, ok);
}

int incline_emit_timesketch(FILE *fp, const incline_timeline *tl,
			    incline_error *err)
{
	incline_emit_buf scratch = { NULL, 0, 0 };
	int rc = 0;

	/* One line at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		const incline_event *ev = &tl->events[i];
		incline_day day = incline_emit_anchor_day(ev);
		json_t *o;

		if (day == INCLINE_DAY_NONE)
			continue;
		o = event_line(&scratch, ev, day);
		rc = o ? incline_emit_json_line(fp, o, JSON_COMPACT, err)
		       : incline_emit_nomem(err);
		json_decref(o);
	}
	incline_emit_buf_free(&scratch);
	return rc ? rc : incline_emit_finish(fp, err);
}
