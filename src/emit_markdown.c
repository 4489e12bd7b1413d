/* The timeline as Markdown, for people: a heading per year, then per
 * event its date at its true granularity, a type badge, flags, the
 * summary, the attribution claim and every source (linked when it has a
 * web URL) with its quote.
 *
 *   # Incident timeline
 *   N events from M articles, built by incline VERSION. ...
 *   ## 2023
 *   ### 14–17 September 2023 · `intrusion`
 *   **Sources disagree on the date.** *Hedged: ...*
 *   Summary.
 *   - [Reuters](https://...), 2023-09-20: “quote”
 *
 * Every string from an article goes through incline_emit_buf_add_markdown
 * (Markdown punctuation escaped, < > & as references, line breaks as
 * spaces), so a quote can neither inject HTML nor change the structure;
 * only http(s) URLs become links, percent-encoded. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"

/* How this view writes flags and claims. */
static const incline_emit_markup markup = {
	.esc = incline_emit_buf_add_markdown,
	.date_conflict = "**\xE2\x9A\xA0 Sources disagree on the date.** ",
	.claim_conflict = "**\xE2\x9A\xA0 Sources disagree on the claim.** ",
	.hedged = "*Hedged: every source says may or might.* ",
	.claim_open = "",
	.actor_open = "**",
	.actor_close = "**",
	.claim_close = "\n\n",
};

static int add(incline_emit_buf *b, const char *s)
{
	return incline_emit_buf_add(b, s, strlen(s));
}

static int add_md(incline_emit_buf *b, const char *s)
{
	return s ? incline_emit_buf_add_markdown(b, s, strlen(s)) : 0;
}

static int source_line(incline_emit_buf *b, const incline_evidence *e)
{
	const char *link = incline_emit_evidence_link(e);
	const char *name = incline_emit_evidence_name(e);
	int rc = add(b, "- ");

	if (!rc && link)
		rc = add(b, "[") || add_md(b, name) || add(b, "](")
		     || incline_emit_buf_add_url(b, link) || add(b, ")");
	else if (!rc)
		rc = add_md(b, name);
	if (!rc && e->published != INCLINE_DAY_NONE)
		rc = add(b, ", ") || incline_emit_buf_add_day(b, e->published);
	if (!rc && (e->flags & INCLINE_EVIDENCE_HEDGED))
		rc = add(b, " (hedged)");
	return rc || add(b, ": \xE2\x80\x9C") || add_md(b, e->quote)
	       || add(b, "\xE2\x80\x9D\n") ? INCLINE_ENOMEM : 0;
}

static int event_block(incline_emit_buf *b, const incline_event *ev)
{
	const incline_date *d = &ev->when.date;
	int rc = add(b, "### ") || incline_emit_buf_add_human_date(b, d)
		 || add(b, " \xC2\xB7 `") || add(b, incline_event_type_name(ev->type))
		 || add(b, "`\n\n*") || add(b, incline_gran_name(d->gran))
		 || add(b, ", ") || add(b, incline_basis_name(ev->when.basis));

	if (!rc && ev->when.text)
		rc = add(b, ": \xE2\x80\x9C") || add_md(b, ev->when.text)
		     || add(b, "\xE2\x80\x9D");
	rc = rc || add(b, "*\n\n") || incline_emit_buf_add_flags(b, ev, &markup);
	if (!rc && (ev->flags & (INCLINE_EVENT_DATE_CONFLICT
				 | INCLINE_EVENT_CLAIM_CONFLICT
				 | INCLINE_EVENT_HEDGED)))
		rc = add(b, "\n\n");
	rc = rc || add_md(b, ev->summary) || add(b, "\n\n")
	     || incline_emit_buf_add_claim(b, ev, &markup);
	for (size_t i = 0; !rc && i < ev->n_evidence; i++)
		rc = source_line(b, &ev->evidence[i]);
	return rc || add(b, "\n") ? INCLINE_ENOMEM : 0;
}

/* "## 2023" when the year of the day the event sorts at changes;
 * "## Undated" once (undated events sort last). */
static int year_heading(incline_emit_buf *b, const incline_event *ev,
			int *year)
{
	int y = incline_emit_sort_year(ev);
	char out[32];

	if (y == *year)
		return 0;
	*year = y;
	if (y == 0)
		return add(b, "## Undated\n\n");
	snprintf(out, sizeof out, "## %d\n\n", y);
	return add(b, out);
}

int incline_emit_markdown(FILE *fp, const incline_timeline *tl,
			  incline_error *err)
{
	incline_emit_buf b = { NULL, 0, 0 };
	int year = -1;
	int rc = add(&b, "# ")
		 || incline_emit_buf_add_title(&b, tl, incline_emit_buf_add_markdown)
		 || add(&b, "\n\n") || incline_emit_buf_add_count(&b, tl->n, "event")
		 || add(&b, " from ") || incline_emit_buf_add_count(&b, tl->n_articles, "article")
		 || add(&b, ", built by incline " INCLINE_VERSION ". Dates are as "
			"precise as the sources make them; every event lists the "
			"sentences it rests on.\n\n");

	rc = rc ? incline_emit_nomem(err) : incline_emit_put(fp, &b, err);
	/* One event at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		incline_emit_buf_reset(&b);
		if (year_heading(&b, &tl->events[i], &year)
		    || event_block(&b, &tl->events[i]))
			rc = incline_emit_nomem(err);
		else
			rc = incline_emit_put(fp, &b, err);
	}
	incline_emit_buf_free(&b);
	return rc ? rc : incline_emit_finish(fp, err);
}
