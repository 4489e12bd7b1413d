/* The timeline as one self-contained HTML page, for people.
 *
 * One file: the CSS is inline, there is no script and nothing is loaded
 * from the network; a Content-Security-Policy (default-src 'none', inline
 * styles only) makes the browser refuse scripts, frames, images and fonts
 * even if something slipped through, and the referrer is never sent.
 *
 * Events are an ordered list per year (undated ones last, as the timeline
 * sorts them); each is <li class="event type-T [conflict] [hedged]"> with
 * its date at its true granularity, a type badge, flags, the summary, the
 * attribution claim and every source with its quote. <body data-events>
 * holds the number of events, which equals the number of li.event.
 *
 * Escaping: every string from an article or the command line goes through
 * incline_emit_buf_add_html (& < > " ' escaped, invalid UTF-8 repaired),
 * in text and in attribute values alike; only http:// and https:// URLs
 * become href (percent-encoded, then escaped), so "javascript:",
 * "data:" and relative paths are shown as text and never followed. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "incline/emit.h"
#include "incline/incline.h"
#include "emit_private.h"

/* Badge colours, indexed by incline_event_type. */
static const char *const type_colours[INCLINE_EVENT_TYPE_COUNT] = {
	"#b3261e", /* intrusion */
	"#8a5a00", /* detection */
	"#0b57d0", /* response */
	"#146c2e", /* recovery */
	"#6f3c99", /* disclosure */
	"#a8336e", /* impact */
	"#333333", /* attribution */
	"#9a4d00", /* vulnerability */
	"#00696b", /* patch */
	"#5f6368", /* context */
};

static const char style[] =
	"body{font:16px/1.5 system-ui,-apple-system,\"Segoe UI\",sans-serif;"
	"max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1f1f1f;"
	"background:#fff}\n"
	"h1{margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;margin-top:2rem}\n"
	".meta{color:#555}\n"
	"ol.events{list-style:none;padding:0}\n"
	"li.event{display:grid;grid-template-columns:13rem 1fr;gap:1rem;"
	"padding:.8rem 0 .8rem .8rem;border-left:4px solid #ddd;"
	"margin-bottom:.6rem}\n"
	"li.event.conflict{border-left-color:#d93025;background:#fdf3f2}\n"
	".when time{font-weight:600;display:block}\n"
	".precision{color:#666;font-size:.85rem}\n"
	".badge{display:inline-block;color:#fff;border-radius:.8rem;"
	"padding:0 .6rem;font-size:.8rem;font-weight:600;"
	"text-transform:uppercase;letter-spacing:.03em}\n"
	".flag{display:inline-block;border-radius:.8rem;padding:0 .6rem;"
	"font-size:.8rem;margin-left:.3rem}\n"
	".flag.conflict{background:#d93025;color:#fff}\n"
	".flag.hedged{background:#fef7e0;color:#7a5c00;border:1px dashed #c9a400}\n"
	".summary{margin:.3rem 0}\n"
	".claim{margin:.3rem 0;font-style:italic}\n"
	"ul.sources{margin:.3rem 0;padding-left:1.2rem;font-size:.9rem;"
	"color:#333}\n"
	"ul.sources q{color:#444}\n"
	".pub{color:#666}\n"
	"@media (max-width:40rem){li.event{grid-template-columns:1fr}}\n";

/* How this view writes flags and claims. */
static const incline_emit_markup markup = {
	.esc = incline_emit_buf_add_html,
	.date_conflict = "<span class=\"flag conflict\">sources disagree on the date</span>",
	.claim_conflict = "<span class=\"flag conflict\">sources disagree on the claim</span>",
	.hedged = "<span class=\"flag hedged\">hedged: may or might</span>",
	.claim_open = "<p class=\"claim\">",
	.actor_open = "<strong>",
	.actor_close = "</strong>",
	.claim_close = "</p>\n",
};

static int add(incline_emit_buf *b, const char *s)
{
	return incline_emit_buf_add(b, s, strlen(s));
}

static int add_html(incline_emit_buf *b, const char *s)
{
	return s ? incline_emit_buf_add_html(b, s, strlen(s)) : 0;
}

/* href="..." content: percent-encoded, then escaped for the attribute. */
static int add_href(incline_emit_buf *b, const char *url)
{
	incline_emit_buf enc = { NULL, 0, 0 };
	int rc = incline_emit_buf_add_url(&enc, url);

	if (rc == 0)
		rc = incline_emit_buf_add_html(b, enc.data ? enc.data : "",
					       enc.len);
	incline_emit_buf_free(&enc);
	return rc;
}

static int header(incline_emit_buf *b, const incline_timeline *tl)
{
	incline_emit_buf title = { NULL, 0, 0 };
	char line[160];
	int rc = incline_emit_buf_add_title(&title, tl, incline_emit_buf_add_html)
		 || add(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
			"<meta charset=\"utf-8\">\n"
			"<meta http-equiv=\"Content-Security-Policy\" content=\""
			"default-src 'none'; style-src 'unsafe-inline'\">\n"
			"<meta name=\"referrer\" content=\"no-referrer\">\n"
			"<meta name=\"viewport\" content=\"width=device-width, "
			"initial-scale=1\">\n"
			"<meta name=\"generator\" content=\"incline "
			INCLINE_VERSION "\">\n<title>")
		 || incline_emit_buf_add(b, title.data, title.len)
		 || add(b, "</title>\n<style>\n") || add(b, style);

	for (int t = 0; !rc && t < INCLINE_EVENT_TYPE_COUNT; t++) {
		snprintf(line, sizeof line, ".badge.type-%s{background:%s}\n",
			 incline_event_type_name((incline_event_type)t),
			 type_colours[t]);
		rc = add(b, line);
	}
	snprintf(line, sizeof line, "</style>\n</head>\n<body data-events=\"%zu\">\n"
		 "<h1>", tl->n);
	rc = rc || add(b, line) || incline_emit_buf_add(b, title.data, title.len);
	incline_emit_buf_free(&title);
	return rc || add(b, "</h1>\n<p class=\"meta\">")
	       || incline_emit_buf_add_count(b, tl->n, "event") || add(b, " from ")
	       || incline_emit_buf_add_count(b, tl->n_articles, "article")
	       || add(b, ", built by incline " INCLINE_VERSION ". ")
	       || add(b, "Dates are as precise as the sources make them; "
		      "every event lists the sentences it rests on.</p>\n")
	       ? INCLINE_ENOMEM : 0;
}

static int source_item(incline_emit_buf *b, const incline_evidence *e)
{
	const char *link = incline_emit_evidence_link(e);
	const char *name = incline_emit_evidence_name(e);
	int rc = add(b, "<li>");

	if (!rc && link)
		rc = add(b, "<a href=\"") || add_href(b, link)
		     || add(b, "\" rel=\"noopener noreferrer\">")
		     || add_html(b, name) || add(b, "</a>");
	else if (!rc)
		rc = add(b, "<span class=\"article\">") || add_html(b, name)
		     || add(b, "</span>");
	if (!rc && e->published != INCLINE_DAY_NONE)
		rc = add(b, " <span class=\"pub\">")
		     || incline_emit_buf_add_day(b, e->published)
		     || add(b, "</span>");
	if (!rc && (e->flags & INCLINE_EVIDENCE_HEDGED))
		rc = add(b, " <span class=\"flag hedged\">hedged</span>");
	return rc || add(b, " <q>") || add_html(b, e->quote)
	       || add(b, "</q></li>\n") ? INCLINE_ENOMEM : 0;
}

static int event_item(incline_emit_buf *b, const incline_event *ev)
{
	const char *type = incline_event_type_name(ev->type);
	const incline_date *d = &ev->when.date;
	bool conflict = ev->flags & (INCLINE_EVENT_DATE_CONFLICT
				     | INCLINE_EVENT_CLAIM_CONFLICT);
	char value[INCLINE_EMIT_EDTF_SIZE];
	int rc;

	incline_emit_edtf(value, d);
	rc = add(b, "<li class=\"event type-") || add(b, type)
	     || (conflict && add(b, " conflict"))
	     || ((ev->flags & INCLINE_EVENT_HEDGED) && add(b, " hedged"))
	     || add(b, "\" id=\"")
	     || incline_emit_buf_add_html(b, ev->id, strnlen(ev->id, sizeof ev->id))
	     || add(b, "\">\n<div class=\"when\"><time title=\"") || add_html(b, value)
	     || add(b, "\">") || incline_emit_buf_add_human_date(b, d)
	     || add(b, "</time><span class=\"precision\">")
	     || add(b, incline_gran_name(d->gran)) || add(b, " \xC2\xB7 ")
	     || add(b, incline_basis_name(ev->when.basis));
	if (!rc && ev->when.text)
		rc = add(b, " \xC2\xB7 \xE2\x80\x9C") || add_html(b, ev->when.text)
		     || add(b, "\xE2\x80\x9D");
	rc = rc || add(b, "</span></div>\n<div class=\"what\">\n"
		       "<span class=\"badge type-") || add(b, type)
	     || add(b, "\">") || add(b, type) || add(b, "</span>");
	rc = rc || incline_emit_buf_add_flags(b, ev, &markup)
	     || add(b, "\n<p class=\"summary\">") || add_html(b, ev->summary)
	     || add(b, "</p>\n") || incline_emit_buf_add_claim(b, ev, &markup)
	     || add(b, "<ul class=\"sources\">\n");
	for (size_t i = 0; !rc && i < ev->n_evidence; i++)
		rc = source_item(b, &ev->evidence[i]);
	return rc || add(b, "</ul>\n</div>\n</li>\n") ? INCLINE_ENOMEM : 0;
}

/* Closes the previous year's list and opens the next when the year the
 * event sorts at changes; undated events (sorted last) get "Undated". */
static int year_section(incline_emit_buf *b, const incline_event *ev,
			int *year)
{
	int y = incline_emit_sort_year(ev);
	char out[96];

	if (y == *year)
		return 0;
	if (*year != -1 && add(b, "</ol>\n</section>\n"))
		return INCLINE_ENOMEM;
	*year = y;
	if (y == 0)
		return add(b, "<section>\n<h2>Undated</h2>\n<ol class=\"events\">\n");
	snprintf(out, sizeof out, "<section>\n<h2>%d</h2>\n<ol class=\"events\">\n", y);
	return add(b, out);
}

int incline_emit_html(FILE *fp, const incline_timeline *tl,
		      incline_error *err)
{
	incline_emit_buf b = { NULL, 0, 0 };
	int year = -1;
	int rc = header(&b, tl) ? incline_emit_nomem(err)
				: incline_emit_put(fp, &b, err);

	/* One event at a time: memory stays bounded by the largest event. */
	for (size_t i = 0; rc == 0 && i < tl->n; i++) {
		incline_emit_buf_reset(&b);
		if (year_section(&b, &tl->events[i], &year)
		    || event_item(&b, &tl->events[i]))
			rc = incline_emit_nomem(err);
		else
			rc = incline_emit_put(fp, &b, err);
	}
	if (rc == 0) {
		incline_emit_buf_reset(&b);
		if ((year != -1 && add(&b, "</ol>\n</section>\n"))
		    || (tl->n == 0 && add(&b, "<p>No events.</p>\n"))
		    || add(&b, "</body>\n</html>\n"))
			rc = incline_emit_nomem(err);
		else
			rc = incline_emit_put(fp, &b, err);
	}
	incline_emit_buf_free(&b);
	return rc ? rc : incline_emit_finish(fp, err);
}
