/* CSV of articles through libcsv: a header row naming the fields (the
 * names of field_names in article.c, any case), then one article per
 * record. RFC 4180 quoting, with CSV_STRICT so a stray quote is an error;
 * quoted fields may hold newlines and doubled quotes.
 *
 * libcsv reports no positions, so it is fed one byte at a time: a field
 * callback then knows the field ended at the byte being fed, which gives
 * every field's bytes in the file, hence line and column for messages and
 * the offset map of the text (a doubled quote is one character). */
#include <stdlib.h>
#include <string.h>

#include <csv.h>

#include "article_private.h"
#include "array.h"

/* A field of the current record that names an article field. */
typedef struct cell {
	char *value; /* as libcsv decoded it, NUL-terminated */
	size_t len;
	size_t start; /* its bytes in the file, quotes included */
	size_t end;
} cell;

typedef struct csv_ctx {
	article_reader *r;
	incline_error *err;
	size_t pos;          /* the byte being fed */
	size_t field_start;  /* first byte of the current field */
	size_t rec_start;    /* first byte of the current record */
	size_t column;       /* index of the current field */
	size_t number;       /* records after the header so far */
	int header_done;
	int *col_field;      /* per column: article_field or -1 */
	int *col_rank;
	size_t n_cols;
	size_t cap_cols;
	size_t cap_rank;
	cell cells[ARTICLE_FIELD_COUNT]; /* best column of each field */
	int cell_rank[ARTICLE_FIELD_COUNT];
	int rc;              /* set to stop */
} csv_ctx;

static int csv_space(char c)
{
	return c == ' ' || c == '\t';
}

static void clear_cells(csv_ctx *c)
{
	for (int f = 0; f < ARTICLE_FIELD_COUNT; f++) {
		free(c->cells[f].value);
		c->cells[f] = (cell){NULL, 0, 0, 0};
		c->cell_rank[f] = -1;
	}
}

static void nomem(csv_ctx *c)
{
	c->rc = incline_error_set(c->err, INCLINE_ENOMEM, c->r->path, 0, 0, "out of memory");
}

/* The field's content bytes: past the line end of the previous record and
 * the spaces libcsv trims. */
static size_t content_start(const char *buf, size_t b, size_t e)
{
	while (b < e && (csv_space(buf[b]) || buf[b] == '\r' || buf[b] == '\n'))
		b++;
	return b;
}

static int header_field(csv_ctx *c, const char *s, size_t len)
{
	void *p = c->col_field, *q = c->col_rank;
	int rank = -1, f;
	size_t b = 0;

	if (incline_array_reserve(&p, &c->cap_cols, c->n_cols + 1, sizeof *c->col_field))
		return INCLINE_ENOMEM;
	c->col_field = p;
	if (incline_array_reserve(&q, &c->cap_rank, c->n_cols + 1, sizeof *c->col_rank))
		return INCLINE_ENOMEM;
	c->col_rank = q;
	if (c->n_cols == 0 && len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		b = 3; /* a byte order mark before the first name */
	while (b < len && csv_space(s[b]))
		b++;
	while (len > b && csv_space(s[len - 1]))
		len--;
	f = incline_article_field_lookup(s + b, len - b, 1, &rank);
	c->col_field[c->n_cols] = f;
	c->col_rank[c->n_cols++] = rank;
	return 0;
}

static void on_field(void *s, size_t len, void *data)
{
	csv_ctx *c = data;
	size_t col = c->column++, start = c->field_start;

	c->field_start = c->pos + 1;
	if (c->rc)
		return;
	if (col == 0)
		c->rec_start = content_start(c->r->buf, start, c->pos);
	if (!c->header_done) {
		if (header_field(c, s ? s : "", s ? len : 0))
			nomem(c);
		return;
	}
	if (col < c->n_cols && c->col_field[col] >= 0 && len > 0) {
		int f = c->col_field[col], rank = c->col_rank[col];
		cell *x = &c->cells[f];
		if (c->cell_rank[f] >= 0 && c->cell_rank[f] < rank)
			return; /* a better-ranked synonym is already here */
		free(x->value);
		if (!(x->value = malloc(len + 1))) {
			nomem(c);
			return;
		}
		memcpy(x->value, s, len);
		x->value[len] = '\0';
		x->len = len;
		x->start = start;
		x->end = c->pos;
		c->cell_rank[f] = rank;
	}
}

/* Decodes the field at [b, e) of the file into t, doubled quotes made
 * single, mapping each piece to the file. Falls back to one piece for the
 * whole field if the bytes do not give what libcsv gave. */
static int field_text(article_text *t, const char *buf, const cell *x)
{
	size_t b = content_start(buf, x->start, x->end), e = x->end, run;
	int rc = 0;

	if (b < e && buf[b] == '"') {
		size_t i = run = b + 1;
		while (!rc && i < e) {
			if (buf[i] != '"') {
				i++;
				continue;
			}
			rc = incline_article_text_verbatim(t, run, buf + run, i - run);
			if (!rc && i + 1 < e && buf[i + 1] == '"') {
				/* A doubled quote is one character: a span holding it
				 * holds both quotes. */
				rc = incline_article_text_decoded(t, i, 2, "\"", 1);
				run = i += 2;
				continue;
			}
			run = i = e; /* the closing quote */
		}
		if (!rc && run < e)
			rc = incline_article_text_verbatim(t, run, buf + run, e - run);
	} else {
		while (e > b && csv_space(buf[e - 1]))
			e--;
		rc = incline_article_text_verbatim(t, b, buf + b, e - b);
	}
	if (!rc && (t->len != x->len || memcmp(t->bytes, x->value, x->len) != 0)) {
		incline_article_text_clear(t);
		rc = incline_article_text_decoded(t, x->start, x->end - x->start, x->value, x->len);
	}
	return rc;
}

static int make_record(csv_ctx *c)
{
	article_reader *r = c->r;
	article_text title = {0}, body = {0};
	article_record rec;
	cell *x;
	int rc = 0;

	incline_article_record_init(&rec, c->rec_start, c->pos < r->len ? c->pos : r->len);
	x = &c->cells[ARTICLE_FIELD_DATE];
	if (x->value && incline_article_parse_date(&rec.published, x->value, x->len)) {
		incline_article_record_clear(&rec);
		return incline_article_record_error(r, c->err, INCLINE_EINVAL,
						    content_start(r->buf, x->start, x->end),
						    "record %zu: invalid date \"%.40s\" (expected YYYY-MM-DD "
						    "or an ISO 8601 date and time)", c->number, x->value);
	}
	if (c->cells[ARTICLE_FIELD_TEXT].value) {
		rec.has_text = 1;
		rc = field_text(&body, r->buf, &c->cells[ARTICLE_FIELD_TEXT]);
	}
	if (!rc && c->cells[ARTICLE_FIELD_TITLE].value)
		rc = field_text(&title, r->buf, &c->cells[ARTICLE_FIELD_TITLE]);
	/* The strings are taken from the cells. */
	rec.title = c->cells[ARTICLE_FIELD_TITLE].value;
	rec.source = c->cells[ARTICLE_FIELD_SOURCE].value;
	rec.url = c->cells[ARTICLE_FIELD_URL].value;
	rec.id = c->cells[ARTICLE_FIELD_ID].value;
	c->cells[ARTICLE_FIELD_TITLE].value = c->cells[ARTICLE_FIELD_SOURCE].value = NULL;
	c->cells[ARTICLE_FIELD_URL].value = c->cells[ARTICLE_FIELD_ID].value = NULL;
	if (!rc)
		rc = incline_article_record_set_text(&rec, &title, &body);
	incline_article_text_clear(&title);
	incline_article_text_clear(&body);
	if (rc) {
		incline_article_record_clear(&rec);
		return incline_error_set(c->err, rc, r->path, 0, 0, "out of memory");
	}
	return incline_article_reader_finish(r, &rec, c->number, 1, c->err);
}

static void on_record(int term, void *data)
{
	csv_ctx *c = data;
	size_t cols = c->column;

	(void)term;
	c->field_start = c->pos + 1;
	c->column = 0;
	if (c->rc)
		return;
	if (!c->header_done) {
		int has_text = 0;
		c->header_done = 1;
		for (size_t i = 0; i < c->n_cols; i++)
			has_text |= c->col_field[i] == ARTICLE_FIELD_TEXT;
		if (!has_text)
			c->rc = incline_error_at(c->err, INCLINE_EINVAL, c->r->path, c->r->buf,
						 c->r->len, c->rec_start,
						 "the CSV header names no text column (%s)",
						 incline_article_field_names(ARTICLE_FIELD_TEXT));
		return;
	}
	(void)cols;
	c->number++;
	c->rc = make_record(c);
	clear_cells(c);
}

int incline_article_read_csv(article_reader *r, incline_error *err)
{
	struct csv_parser p;
	csv_ctx c;
	size_t i;

	memset(&c, 0, sizeof c);
	c.r = r;
	c.err = err;
	clear_cells(&c);
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI) != 0)
		return incline_error_set(err, INCLINE_ENOMEM, r->path, 0, 0, "out of memory");
	/* libcsv's buffer through the allocator this program links (so
	 * failure-injection tests reach it too). */
	csv_set_realloc_func(&p, realloc);
	csv_set_free_func(&p, free);
	for (i = 0; i < r->len && !c.rc; i++) {
		c.pos = i;
		if (csv_parse(&p, r->buf + i, 1, on_field, on_record, &c) != 1 && !c.rc) {
			if (csv_error(&p) != CSV_EPARSE)
				c.rc = incline_error_set(err, INCLINE_ENOMEM, r->path, 0, 0,
							 "out of memory");
			else
				c.rc = incline_error_at(err, INCLINE_EINVAL, r->path, r->buf, r->len, i,
							"invalid CSV: a quote inside an unquoted "
							"field, or text after a closing quote");
		}
	}
	c.pos = r->len;
	if (!c.rc && csv_fini(&p, on_field, on_record, &c) != 0 && !c.rc)
		c.rc = incline_error_at(err, INCLINE_EINVAL, r->path, r->buf, r->len,
					content_start(r->buf, c.field_start, r->len),
					"invalid CSV: quoted field not closed");
	if (!c.rc && c.header_done && c.number == 0)
		c.rc = incline_error_set(err, INCLINE_EINVAL, r->path, 0, 0,
					 "only a header row, no articles");
	csv_free(&p);
	clear_cells(&c);
	free(c.col_field);
	free(c.col_rank);
	return c.rc;
}
