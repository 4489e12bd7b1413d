/* The CSV output: one row per event after a header row, for spreadsheets.
 *
 * RFC 4180 through libcsv: csv_fwrite quotes every field (doubling inner
 * quotes), fields are separated by commas and records end with CRLF, as
 * the RFC says. Multi-valued cells join their values with "; ".
 *
 * A cell a spreadsheet would run as a formula (first character =, +, -, @,
 * TAB or CR) gets a leading single quote: quoting alone does not stop
 * Excel or LibreOffice from evaluating "=HYPERLINK(...)" from an article.
 * Invalid UTF-8 is replaced by U+FFFD like in the JSON outputs. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "incline/emit.h"
#include "emit_private.h"

#define CSV_SEPARATOR "; "

/* The timeline's incidents sorted by id, so that a row finds its
 * incident's name by binary search (borrowed from the timeline). */
typedef struct csv_incidents {
	const incline_incident **by_id;
	size_t n;
} csv_incidents;

/* Fills one cell of an event's row (raw bytes, repaired on output). */
typedef int (*cell_fill)(incline_emit_buf *cell, const csv_incidents *inc,
			 const incline_event *ev);

/* ---- cell building ----------------------------------------------------- */

static int add_str(incline_emit_buf *b, const char *s)
{
	return s ? incline_emit_buf_add(b, s, strlen(s)) : 0;
}

/* Adds s as the next value of a multi-valued cell; *count values so far. */
static int add_item(incline_emit_buf *b, const char *s, size_t *count)
{
	if ((*count)++ > 0
	    && incline_emit_buf_add(b, CSV_SEPARATOR, strlen(CSV_SEPARATOR)))
		return INCLINE_ENOMEM;
	return add_str(b, s);
}

static int add_size(incline_emit_buf *b, size_t n)
{
	char out[32];

	snprintf(out, sizeof out, "%zu", n);
	return add_str(b, out);
}

/* The distinct values of field over ev's evidence, in evidence order. */
static int add_distinct(incline_emit_buf *b, const incline_event *ev,
			incline_emit_evidence_field field)
{
	size_t count = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < ev->n_evidence; i++)
		if (incline_emit_evidence_is_first(ev, i, field))
			rc = add_item(b, field(&ev->evidence[i]), &count);
	return rc;
}

/* ---- the columns ------------------------------------------------------- */

static int fill_id(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return incline_emit_buf_add(b, ev->id, strnlen(ev->id, sizeof ev->id));
}

static int fill_type(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, incline_event_type_name(ev->type));
}

static int fill_earliest(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return incline_emit_buf_add_day(b, ev->when.date.earliest);
}

static int fill_latest(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return incline_emit_buf_add_day(b, ev->when.date.latest);
}

static int fill_granularity(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, incline_gran_name(ev->when.date.gran));
}

static int fill_value(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	char value[INCLINE_EMIT_EDTF_SIZE];

	return add_str(b, incline_emit_edtf(value, &ev->when.date));
}

static int fill_date_text(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, ev->when.text);
}

static int fill_basis(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, incline_basis_name(ev->when.basis));
}

static int fill_summary(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, ev->summary);
}

static int fill_actors(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	size_t count = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < ev->n_actors; i++)
		rc = add_item(b, ev->actors[i], &count);
	return rc;
}

/* The claim columns, like the JSON "attribution", are for attribution
 * events only. */
static const incline_claim *event_claim(const incline_event *ev)
{
	return ev->type == INCLINE_EVENT_ATTRIBUTION ? &ev->claim : NULL;
}

static int fill_attribution_actor(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	const incline_claim *c = event_claim(ev);

	return c ? add_str(b, c->actor) : 0;
}

static int fill_claimant(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	const incline_claim *c = event_claim(ev);

	return c ? add_str(b, c->claimant) : 0;
}

static int fill_stance(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	const incline_claim *c = event_claim(ev);

	return c ? add_str(b, incline_stance_name(c->stance)) : 0;
}

static int fill_conflict(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	size_t count = 0;
	int rc = 0;

	if (ev->flags & INCLINE_EVENT_DATE_CONFLICT)
		rc = add_item(b, "date", &count);
	if (rc == 0 && (ev->flags & INCLINE_EVENT_CLAIM_CONFLICT))
		rc = add_item(b, "claim", &count);
	return rc;
}

static int fill_hedged(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_str(b, (ev->flags & INCLINE_EVENT_HEDGED) ? "true" : "false");
}

static int fill_first_reported(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return incline_emit_buf_add_day(b, ev->first_reported);
}

static int fill_sources(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_size(b, ev->n_sources);
}

static int fill_evidence_count(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_size(b, ev->n_evidence);
}

static int fill_articles(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_distinct(b, ev, incline_emit_evidence_article);
}

static int fill_outlets(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	return add_distinct(b, ev, incline_emit_evidence_source);
}

/* Distinct publication dates, earliest first. Picks the next larger day
 * each round: quadratic, but evidence lists are short and this needs no
 * allocation. */
static int fill_published(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	incline_day last = INCLINE_DAY_NONE; /* INT32_MIN: below every day */
	size_t count = 0;
	int rc = 0;

	for (;;) {
		incline_day next = INCLINE_DAY_NONE;
		char out[11];

		for (size_t i = 0; i < ev->n_evidence; i++) {
			incline_day d = ev->evidence[i].published;

			if (d != INCLINE_DAY_NONE && d > last
			    && (next == INCLINE_DAY_NONE || d < next))
				next = d;
		}
		if (next == INCLINE_DAY_NONE || rc)
			return rc;
		rc = add_item(b, incline_date_format_day(out, next), &count);
		last = next;
	}
}

/* "article:start-end" per piece of evidence. */
static int fill_spans(incline_emit_buf *b, const csv_incidents *inc,
			const incline_event *ev)
{
	size_t count = 0;
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < ev->n_evidence; i++) {
		const incline_evidence *e = &ev->evidence[i];
		char range[64];

		snprintf(range, sizeof range, ":%zu-%zu", e->start, e->end);
		rc = add_item(b, e->article ? e->article : "", &count);
		if (rc == 0)
			rc = add_str(b, range);
	}
	return rc;
}

static int cmp_incident_id(const void *pa, const void *pb)
{
	const incline_incident *a = *(const incline_incident *const *)pa;
	const incline_incident *b = *(const incline_incident *const *)pb;

	return strncmp(a->id, b->id, sizeof a->id);
}

static int cmp_key_incident(const void *key, const void *pb)
{
	const incline_incident *b = *(const incline_incident *const *)pb;

	return strncmp(key, b->id, sizeof b->id);
}

static int fill_incident(incline_emit_buf *b, const csv_incidents *inc,
			 const incline_event *ev)
{
	return incline_emit_buf_add(b, ev->incident,
				    strnlen(ev->incident, sizeof ev->incident));
}

/* The incident's name: its main victim as written; empty when unknown. */
static int fill_incident_name(incline_emit_buf *b, const csv_incidents *inc,
			      const incline_event *ev)
{
	char id[INCLINE_EVENT_ID_SIZE + 1];
	const incline_incident *const *in;

	if (!ev->incident[0] || !inc->n)
		return 0;
	memcpy(id, ev->incident, sizeof ev->incident);
	id[sizeof ev->incident] = '\0';
	in = bsearch(id, inc->by_id, inc->n, sizeof *inc->by_id,
		     cmp_key_incident);
	return in ? add_str(b, (*in)->name) : 0;
}

/* The columns, in output order: the header and every row come from here.
 * New columns go at the end, so scripts that read columns by position
 * keep working. */
static const struct {
	const char *name;
	cell_fill fill;
} columns[] = {
	{ "id", fill_id },
	{ "type", fill_type },
	{ "earliest", fill_earliest },
	{ "latest", fill_latest },
	{ "granularity", fill_granularity },
	{ "value", fill_value },
	{ "date_text", fill_date_text },
	{ "basis", fill_basis },
	{ "summary", fill_summary },
	{ "actors", fill_actors },
	{ "attribution_actor", fill_attribution_actor },
	{ "claimant", fill_claimant },
	{ "stance", fill_stance },
	{ "conflict", fill_conflict },
	{ "hedged", fill_hedged },
	{ "first_reported", fill_first_reported },
	{ "sources", fill_sources },
	{ "evidence_count", fill_evidence_count },
	{ "articles", fill_articles },
	{ "outlets", fill_outlets },
	{ "published", fill_published },
	{ "spans", fill_spans },
	{ "incident", fill_incident },
	{ "incident_name", fill_incident_name },
};

#define N_COLUMNS (sizeof columns / sizeof columns[0])

/* ---- writing ----------------------------------------------------------- */

/* Scratch reused by every cell: raw is the cell as built, out what is
 * written (a spare quote in front, then the repaired text). */
typedef struct csv_ctx {
	FILE *fp;
	incline_emit_buf raw;
	incline_emit_buf out;
	incline_error *err;
	csv_incidents inc;
} csv_ctx;

/* First characters that make a spreadsheet evaluate a cell. */
static bool is_formula_start(char c)
{
	return c != '\0' && strchr("=+-@\t\r", c) != NULL;
}

/* Writes ctx->raw as field number i of the current record. */
static int put_cell(csv_ctx *ctx, size_t i)
{
	incline_emit_buf *o = &ctx->out;
	const char *text;
	size_t len;

	incline_emit_buf_reset(o);
	if (incline_emit_buf_add(o, "'", 1)
	    || incline_emit_buf_add_utf8(o, ctx->raw.data ? ctx->raw.data : "",
					 ctx->raw.len))
		return incline_emit_nomem(ctx->err);
	/* Keep the quote only when the cell would be a formula. */
	text = is_formula_start(o->data[1]) ? o->data : o->data + 1;
	len = o->len - (size_t)(text - o->data);
	if ((i > 0 && fputc(',', ctx->fp) == EOF)
	    || csv_fwrite(ctx->fp, text, len) != 0)
		return incline_emit_write_failed(ctx->err);
	return 0;
}

static int end_record(csv_ctx *ctx)
{
	return fputs("\r\n", ctx->fp) == EOF ? incline_emit_write_failed(ctx->err) : 0;
}

static int put_header(csv_ctx *ctx)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < N_COLUMNS; i++) {
		incline_emit_buf_reset(&ctx->raw);
		if (add_str(&ctx->raw, columns[i].name))
			return incline_emit_nomem(ctx->err);
		rc = put_cell(ctx, i);
	}
	return rc ? rc : end_record(ctx);
}

static int put_event(csv_ctx *ctx, const incline_event *ev)
{
	int rc = 0;

	for (size_t i = 0; rc == 0 && i < N_COLUMNS; i++) {
		incline_emit_buf_reset(&ctx->raw);
		if (columns[i].fill(&ctx->raw, &ctx->inc, ev))
			return incline_emit_nomem(ctx->err);
		rc = put_cell(ctx, i);
	}
	return rc ? rc : end_record(ctx);
}

int incline_emit_csv(FILE *fp, const incline_timeline *tl,
		     incline_error *err)
{
	csv_ctx ctx = { fp, { NULL, 0, 0 }, { NULL, 0, 0 }, err, { NULL, 0 } };
	int rc;

	if (tl->n_incidents) {
		ctx.inc.by_id = malloc(tl->n_incidents * sizeof *ctx.inc.by_id);
		if (!ctx.inc.by_id)
			return incline_emit_nomem(err);
		for (size_t i = 0; i < tl->n_incidents; i++)
			ctx.inc.by_id[i] = &tl->incidents[i];
		ctx.inc.n = tl->n_incidents;
		qsort(ctx.inc.by_id, ctx.inc.n, sizeof *ctx.inc.by_id,
		      cmp_incident_id);
	}
	rc = put_header(&ctx);

	for (size_t i = 0; rc == 0 && i < tl->n; i++)
		rc = put_event(&ctx, &tl->events[i]);
	incline_emit_buf_free(&ctx.raw);
	incline_emit_buf_free(&ctx.out);
	free(ctx.inc.by_id);
	return rc ? rc : incline_emit_finish(fp, err);
}
