/* Knight Lab TimelineJS (TimelineJS3) JSON, loadable by TimelineJS as is.
 *
 * The document (TimelineJS "JSON format"): {"title": slide, "events":
 * [slide, ...]}. A slide has start_date (required), end_date,
 * display_date, text {headline, text}, group, unique_id and autolink. A
 * date object has a required year and optional month and day, as
 * numbers; TimelineJS shows a date at the precision given, so each event
 * gives only what its granularity allows:
 *   day, time, week      year, month, day
 *   month, season, quarter, half
 *                        year, month
 *   year, decade, century
 *                        year
 * end_date is given when the interval ends in a later unit. An event known
 * only "by" a day starts on that day; an undated event is placed on the
 * day it was first reported; display_date always says which in words, so
 * no slide claims more precision than the text had. An event with no day
 * at all is left out.
 *
 * TimelineJS renders headline and text as HTML, so both are escaped
 * (every string from an article is untrusted), links are built only for
 * http(s) URLs, and autolink is off so TimelineJS adds none of its own.
 * group is the event type: TimelineJS puts each group on its own row. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"

#define SET incline_emit_json_set

/* How much of a date a granularity lets a slide show. */
typedef enum { SHOW_YEAR, SHOW_MONTH, SHOW_DAY } precision;

static precision precision_of(incline_gran g)
{
	switch (g) {
	case INCLINE_GRAN_MONTH: case INCLINE_GRAN_SEASON:
	case INCLINE_GRAN_QUARTER: case INCLINE_GRAN_HALF:
		return SHOW_MONTH;
	case INCLINE_GRAN_YEAR: case INCLINE_GRAN_DECADE:
	case INCLINE_GRAN_CENTURY:
		return SHOW_YEAR;
	default:
		return SHOW_DAY;
	}
}

static json_t *date_object(incline_day day, precision p)
{
	int y, m, d;
	json_t *o = json_object();

	incline_date_to_ymd(day, &y, &m, &d);
	return incline_emit_json_done(o, o && SET(o, "year", json_integer(y))
		&& (p < SHOW_MONTH || SET(o, "month", json_integer(m)))
		&& (p < SHOW_DAY || SET(o, "day", json_integer(d))));
}

/* true when a and b fall in the same unit of precision p. */
static bool same_unit(incline_day a, incline_day b, precision p)
{
	int ay, am, ad, by, bm, bd;

	incline_date_to_ymd(a, &ay, &am, &ad);
	incline_date_to_ymd(b, &by, &bm, &bd);
	return ay == by && (p < SHOW_MONTH || am == bm)
	       && (p < SHOW_DAY || ad == bd);
}

/* How the slide text writes flags and claims. */
static const incline_emit_markup markup = {
	.esc = incline_emit_buf_add_html,
	.date_conflict = "<p><strong>Sources disagree on the date.</strong></p>",
	.claim_conflict = "<p><strong>Sources disagree on the claim.</strong></p>",
	.hedged = "<p><em>Hedged: every source says may or might.</em></p>",
	.claim_open = "<p>",
	.actor_open = "",
	.actor_close = "",
	.claim_close = "</p>",
};

static int add(incline_emit_buf *b, const char *s)
{
	return incline_emit_buf_add(b, s, strlen(s));
}

static int add_html(incline_emit_buf *b, const char *s)
{
	return s ? incline_emit_buf_add_html(b, s, strlen(s)) : 0;
}

/* The slide body: summary, flags, attribution, then the sources as a
 * list, every piece escaped. */
static int body_html(incline_emit_buf *b, const incline_event *ev)
{
	int rc = add(b, "<p>") || add_html(b, ev->summary) || add(b, "</p>")
		 || incline_emit_buf_add_flags(b, ev, &markup)
		 || incline_emit_buf_add_claim(b, ev, &markup) || add(b, "<ul>");

	for (size_t i = 0; !rc && i < ev->n_evidence; i++) {
		const incline_evidence *e = &ev->evidence[i];
		const char *link = incline_emit_evidence_link(e);
		const char *name = incline_emit_evidence_name(e);

		rc = add(b, "<li>");
		if (!rc && link)
			rc = add(b, "<a href=\"") || add_html(b, link)
			     || add(b, "\" rel=\"noopener noreferrer\">")
			     || add_html(b, name) || add(b, "</a>");
		else if (!rc)
			rc = add_html(b, name);
		if (!rc && e->published != INCLINE_DAY_NONE)
			rc = add(b, ", ") || incline_emit_buf_add_day(b, e->published);
		rc = rc || add(b, ": \xE2\x80\x9C") || add_html(b, e->quote)
		     || add(b, "\xE2\x80\x9D</li>");
	}
	return rc || add(b, "</ul>") ? INCLINE_ENOMEM : 0;
}

static json_t *headline(incline_emit_buf *b, const incline_event *ev)
{
	incline_emit_buf_reset(b);
	if (add(b, incline_emit_type_label(ev->type)))
		return NULL;
	if (ev->type == INCLINE_EVENT_ATTRIBUTION && ev->claim.actor
	    && (add(b, ": ") || add_html(b, ev->claim.actor)))
		return NULL;
	return incline_emit_json_buf(b);
}

static json_t *text_object(incline_emit_buf *b, const incline_event *ev)
{
	json_t *o = json_object();
	bool ok = o && SET(o, "headline", headline(b, ev));

	incline_emit_buf_reset(b);
	return incline_emit_json_done(o, ok && body_html(b, ev) == 0
				      && SET(o, "text", incline_emit_json_buf(b)));
}

/* The date in words; an undated event says it is placed at the day it
 * was first reported. */
static json_t *display_date(incline_emit_buf *b, const incline_event *ev)
{
	bool undated = ev->when.date.earliest == INCLINE_DAY_NONE
		       && ev->when.date.latest == INCLINE_DAY_NONE;
	incline_date d = undated ? incline_date_make(ev->first_reported,
						     ev->first_reported,
						     INCLINE_GRAN_DAY)
				 : ev->when.date;

	incline_emit_buf_reset(b);
	if ((undated && add(b, "undated (first reported "))
	    || incline_emit_buf_add_human_date(b, &d) || (undated && add(b, ")")))
		return NULL;
	return incline_emit_json_buf(b);
}

/* One slide, placed at ev's anchor day (the caller leaves out events
 * that have none). */
static json_t *slide(incline_emit_buf *b, const incline_event *ev)
{
	const incline_date *d = &ev->when.date;
	incline_day start = incline_emit_anchor_day(ev);
	/* "by" and undated events are placed on a day, not a range. */
	bool ranged = d->earliest != INCLINE_DAY_NONE
		      && d->latest != INCLINE_DAY_NONE;
	precision p = ranged || d->latest != INCLINE_DAY_NONE
		      ? precision_of(d->gran) : SHOW_DAY;
	json_t *o = json_object();
	bool ok = o && SET(o, "start_date", date_object(start, p));

	if (ok && ranged && !same_unit(d->earliest, d->latest, p))
		ok = SET(o, "end_date", date_object(d->latest, p));
	ok = ok && SET(o, "display_date", display_date(b, ev))
	     && SET(o, "text", text_object(b, ev))
	     && SET(o, "group", json_string(incline_event_type_name(ev->type)))
	     && SET(o, "unique_id", incline_emit_json_id(b, ev->id))
	     && SET(o, "autolink", json_false());
	return incline_emit_json_done(o, ok);
}

/* {headline: the title, text: what the timeline was built from}. */
static json_t *title_text(incline_emit_buf *b, const incline_timeline *tl,
			  size_t shown)
{
	json_t *o = json_object();
	bool ok = o != NULL;

	incline_emit_buf_reset(b);
	ok = ok && incline_emit_buf_add_title(b, tl, incline_emit_buf_add_html) == 0
	     && SET(o, "headline", incline_emit_json_buf(b));
	incline_emit_buf_reset(b);
	ok = ok && (add(b, "<p>") || incline_emit_buf_add_count(b, shown, "event")
		    || add(b, " from ")
		    || incline_emit_buf_add_count(b, tl->n_articles, "article")
		    || add(b, ", built by incline " INCLINE_VERSION
			   "; every event links to its sources.</p>")) == 0
	     && SET(o, "text", incline_emit_json_buf(b));
	return incline_emit_json_done(o, ok);
}

static json_t *title_slide(incline_emit_buf *b, const incline_timeline *tl,
			   size_t shown)
{
	json_t *o = json_object();

	return incline_emit_json_done(o, o && SET(o, "text",
						  title_text(b, tl, shown)));
}

int incline_emit_timelinejs(FILE *fp, const incline_timeline *tl,
			    incline_error *err)
{
	incline_emit_buf b = { NULL, 0, 0 };
	json_t *doc = json_object(), *events = json_array();
	bool ok = doc && events;
	int rc;

	for (size_t i = 0; ok && i < tl->n; i++)
		if (incline_emit_anchor_day(&tl->events[i]) != INCLINE_DAY_NONE)
			ok = incline_emit_json_append(events,
						      slide(&b, &tl->events[i]));
	ok = ok && SET(doc, "title", title_slide(&b, tl, json_array_size(events)))
	     && SET(doc, "events", json_incref(events));
	json_decref(events);
	incline_emit_buf_free(&b);
	rc = ok ? incline_emit_json_line(fp, doc, JSON_INDENT(2), err)
		: incline_emit_nomem(err);
	json_decref(doc);
	return rc ? rc : incline_emit_finish(fp, err);
}
