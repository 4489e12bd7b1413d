/* The article module's front door: format detection and dispatch to the
 * readers (article_json.c, article_html.c, article_csv.c, gzip in
 * article_gzip.c), the reading rules every record obeys (text and date
 * required, ids, --ref-date), and the text reader itself: the seed header
 * (" date YYYY-MM-DD title"), a front-matter header (--- key: value ---)
 * or bare text, whose bytes are kept as read so every offset reported
 * later points into the file. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/article.h"
#include "incline/io.h"
#include "article_private.h"
#include "array.h"

/* Every field name an article record may use (front matter, JSON, CSV),
 * as data. Synonyms of one field are ranked by their order here: the
 * names crawlers write (news-please, trafilatura, newspaper, schema.org). */
static const struct {
	const char *key;
	article_field f;
} field_names[] = {
	{"text", ARTICLE_FIELD_TEXT},     {"body", ARTICLE_FIELD_TEXT},
	{"content", ARTICLE_FIELD_TEXT},  {"maintext", ARTICLE_FIELD_TEXT},
	{"title", ARTICLE_FIELD_TITLE},   {"headline", ARTICLE_FIELD_TITLE},
	{"date", ARTICLE_FIELD_DATE},     {"published", ARTICLE_FIELD_DATE},
	{"publish_date", ARTICLE_FIELD_DATE}, {"date_publish", ARTICLE_FIELD_DATE},
	{"datePublished", ARTICLE_FIELD_DATE},
	{"source", ARTICLE_FIELD_SOURCE}, {"source_domain", ARTICLE_FIELD_SOURCE},
	{"outlet", ARTICLE_FIELD_SOURCE}, {"url", ARTICLE_FIELD_URL},
	{"id", ARTICLE_FIELD_ID},
};

static const char *const field_synonyms[ARTICLE_FIELD_COUNT] = {
	"text, body, content or maintext", "title or headline",
	"date, published, publish_date, date_publish or datePublished",
	"source, source_domain or outlet", "url", "id",
};

static const struct {
	const char *name;
	incline_input_format f;
} format_names[] = {
	{"auto", INCLINE_INPUT_AUTO}, {"text", INCLINE_INPUT_TEXT},
	{"json", INCLINE_INPUT_JSON}, {"ndjson", INCLINE_INPUT_NDJSON},
	{"html", INCLINE_INPUT_HTML}, {"csv", INCLINE_INPUT_CSV},
};

/* File name endings that decide the format without looking inside. */
static const struct {
	const char *ext;
	incline_input_format f;
} format_exts[] = {
	{".txt", INCLINE_INPUT_TEXT},  {".md", INCLINE_INPUT_TEXT},
	{".json", INCLINE_INPUT_JSON}, {".ndjson", INCLINE_INPUT_NDJSON},
	{".jsonl", INCLINE_INPUT_NDJSON}, {".html", INCLINE_INPUT_HTML},
	{".htm", INCLINE_INPUT_HTML},  {".xhtml", INCLINE_INPUT_HTML},
	{".csv", INCLINE_INPUT_CSV},
};

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

static int ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int same_name(const char *key, const char *name, size_t len, int fold)
{
	size_t i;
	for (i = 0; i < len && key[i]; i++)
		if (fold ? ascii_lower((unsigned char)key[i]) != ascii_lower((unsigned char)name[i])
			 : key[i] != name[i])
			return 0;
	return i == len && key[i] == '\0';
}

int incline_article_field_lookup(const char *name, size_t len, int fold, int *rank)
{
	for (size_t k = 0; k < COUNT_OF(field_names); k++) {
		if (same_name(field_names[k].key, name, len, fold)) {
			if (rank)
				*rank = (int)k;
			return (int)field_names[k].f;
		}
	}
	return -1;
}

const char *incline_article_field_key(int rank)
{
	return rank >= 0 && (size_t)rank < COUNT_OF(field_names) ? field_names[rank].key : "";
}

const char *incline_article_field_names(article_field f)
{
	return (unsigned)f < ARTICLE_FIELD_COUNT ? field_synonyms[f] : "";
}

const char *incline_input_format_name(incline_input_format f)
{
	for (size_t i = 0; i < COUNT_OF(format_names); i++)
		if (format_names[i].f == f)
			return format_names[i].name;
	return "";
}

int incline_input_format_from_name(const char *name)
{
	for (size_t i = 0; i < COUNT_OF(format_names); i++)
		if (strcmp(format_names[i].name, name) == 0)
			return (int)format_names[i].f;
	return -1;
}

static char *dup_range(const char *s, size_t len)
{
	char *p = malloc(len + 1);
	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* End of the line starting at i (index of '\n' or len). */
static size_t line_end(const char *buf, size_t len, size_t i)
{
	const char *nl = memchr(buf + i, '\n', len - i);
	return nl ? (size_t)(nl - buf) : len;
}

/* Trims spaces around [*s, *e). */
static void trim(const char *buf, size_t *s, size_t *e)
{
	while (*s < *e && is_space(buf[*s]))
		(*s)++;
	while (*e > *s && is_space(buf[*e - 1]))
		(*e)--;
}

int incline_article_parse_date(incline_day *out, const char *s, size_t len)
{
	size_t b = 0, e = len;

	while (b < e && (is_space(s[b]) || s[b] == '\n'))
		b++;
	while (e > b && (is_space(s[e - 1]) || s[e - 1] == '\n'))
		e--;
	/* A datetime: the date part is the publication day as the outlet
	 * wrote it (no shift to UTC, which could change the day). */
	if (e - b > 10 && (s[b + 10] == 'T' || s[b + 10] == ' '))
		e = b + 10;
	return incline_date_parse_day(out, s + b, e - b);
}

static int set_field(incline_article *a, article_field f, const char *v, size_t n)
{
	char **slot = NULL;
	if (f == ARTICLE_FIELD_DATE)
		return incline_article_parse_date(&a->published, v, n);
	switch (f) {
	case ARTICLE_FIELD_SOURCE: slot = &a->source; break;
	case ARTICLE_FIELD_URL: slot = &a->url; break;
	case ARTICLE_FIELD_TITLE: slot = &a->title; break;
	default: return 0; /* text and id have no place in a header */
	}
	if (n >= 2 && (v[0] == '"' || v[0] == '\'') && v[n - 1] == v[0]) {
		v++; /* YAML-style quoted value */
		n -= 2;
	}
	free(*slot);
	*slot = dup_range(v, n);
	return *slot ? 0 : INCLINE_ENOMEM;
}

/* Front matter: "---" line, "key: value" lines, "---" line. */
static int read_front_matter(incline_article *a, incline_error *err)
{
	const char *buf = a->bytes;
	size_t len = a->len, i = line_end(buf, len, 0) + 1;

	while (i < len) {
		size_t e = line_end(buf, len, i), s = i, colon;
		trim(buf, &s, &e);
		if (e - s == 3 && memcmp(buf + s, "---", 3) == 0) {
			a->body.start = e < len ? line_end(buf, len, i) + 1 : len;
			if (a->body.start > len)
				a->body.start = len;
			return 0;
		}
		for (colon = s; colon < e && buf[colon] != ':'; colon++)
			;
		if (colon < e) {
			size_t ks = s, ke = colon, vs = colon + 1, ve = e;
			trim(buf, &ks, &ke);
			trim(buf, &vs, &ve);
			int f = incline_article_field_lookup(buf + ks, ke - ks, 0, NULL);
			if (f >= 0) {
				int rc = set_field(a, (article_field)f, buf + vs, ve - vs);
				if (rc == INCLINE_ENOMEM)
					return incline_error_set(err, rc, a->path, 0, 0, "out of memory");
				if (rc)
					return incline_error_at(err, rc, a->path, buf, len, vs,
								"invalid date \"%.*s\" (expected YYYY-MM-DD)",
								(int)(ve - vs > 40 ? 40 : ve - vs), buf + vs);
			}
		}
		i = e < len ? line_end(buf, len, i) + 1 : len;
	}
	return incline_error_at(err, INCLINE_EINVAL, a->path, buf, len, 0,
				"front matter not closed by a \"---\" line");
}

/* Seed header: optional blanks, "date", blank, YYYY-MM-DD, blank, title. */
static int read_seed_header(incline_article *a, size_t i, incline_error *err)
{
	const char *buf = a->bytes;
	size_t len = a->len, e = line_end(buf, len, 0), ts, te;

	i += 4;
	while (i < e && is_space(buf[i]))
		i++;
	if (e - i < 10 || incline_date_parse_day(&a->published, buf + i, 10))
		return incline_error_at(err, INCLINE_EINVAL, a->path, buf, len, i,
					"invalid date in \"date\" header (expected YYYY-MM-DD)");
	ts = i + 10;
	te = e;
	trim(buf, &ts, &te);
	a->body.start = ts; /* the title line is the article's first paragraph */
	if (te > ts && !(a->title = dup_range(buf + ts, te - ts)))
		return incline_error_set(err, INCLINE_ENOMEM, a->path, 0, 0, "out of memory");
	return 0;
}

static int read_header(incline_article *a, incline_error *err)
{
	const char *buf = a->bytes;
	size_t i = 0;

	if (a->len >= 3 && memcmp(buf, "---", 3) == 0 && (a->len == 3 || buf[3] == '\n' || buf[3] == '\r'))
		return read_front_matter(a, err);
	while (i < a->len && is_space(buf[i]))
		i++;
	if (a->len - i > 5 && memcmp(buf + i, "date", 4) == 0 && is_space(buf[i + 4]))
		return read_seed_header(a, i, err);
	return 0; /* bare text */
}

static int set_identity(incline_article *a, const char *path)
{
	a->path = strdup(path);
	if (!a->path)
		return INCLINE_ENOMEM;
	a->id = strdup(path); /* a file's article id is its path as given */
	return a->id ? 0 : INCLINE_ENOMEM;
}

/* What no text article can hold, checked on the raw bytes before any stage
 * sees them. A NUL would silently cut every C string made from the text
 * (evidence ended at it while its span ran on); it, or a UTF-16 byte order
 * mark, means a binary or UTF-16 file given by mistake. (Invalid UTF-8 is
 * only a warning: it is read as U+FFFD, see main.c.) */
static int check_bytes(const char *buf, size_t len, const char *path,
		       incline_error *err)
{
	const char *nul = memchr(buf, '\0', len);

	if (len >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE) &&
	    (unsigned char)buf[1] == ((unsigned char)buf[0] ^ 0x01))
		return incline_error_at(err, INCLINE_EINVAL, path, buf, len, 0,
					"UTF-16 text: convert the file to UTF-8 "
					"(e.g. iconv -f UTF-16 -t UTF-8)");
	if (nul)
		return incline_error_at(err, INCLINE_EINVAL, path, buf, len,
					(size_t)(nul - buf),
					"NUL byte: not a text file");
	return 0;
}

/* An article with nothing to read is an error, not an empty timeline: it
 * is almost always a failed download or a truncated file. */
static int check_body(const incline_article *a, const char *path,
		      incline_error *err)
{
	size_t i = a->body.start;

	while (i < a->body.end && (is_space(a->bytes[i]) || a->bytes[i] == '\n'))
		i++;
	if (i < a->body.end)
		return 0;
	if (a->len == 0)
		return incline_error_set(err, INCLINE_EINVAL, path, 1, 1, "empty file");
	if (a->body.start == 0)
		return incline_error_set(err, INCLINE_EINVAL, path, 1, 1,
					 "only white space, no text");
	return incline_error_at(err, INCLINE_EINVAL, path, a->bytes, a->len,
				a->body.start, "no text after the header");
}

/* incline_article_parse on bytes it takes (freed on failure): the file
 * readers hand over their buffer instead of copying every article. */
static int parse_taken(incline_article **out, const char *path, char *bytes,
		       size_t len, const incline_read_opts *opts, incline_error *err)
{
	incline_article *a = calloc(1, sizeof *a);
	int rc;

	*out = NULL;
	if (!a || !bytes) {
		free(a);
		free(bytes);
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	}
	a->bytes = bytes;
	a->len = len;
	a->published = INCLINE_DAY_NONE;
	a->body.end = len;
	if (!(a->path = strdup(path))) {
		incline_article_free(a);
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	}
	rc = check_bytes(bytes, len, path, err);
	if (!rc)
		rc = read_header(a, err);
	if (!rc)
		rc = check_body(a, path, err);
	free(a->path);
	a->path = NULL;
	if (!rc && (rc = set_identity(a, path)))
		incline_error_set(err, rc, path, 0, 0, "out of memory");
	if (!rc && opts && opts->ref_date != INCLINE_DAY_NONE &&
	    (opts->ref_overrides || a->published == INCLINE_DAY_NONE))
		a->published = opts->ref_date;
	if (!rc && a->published == INCLINE_DAY_NONE)
		rc = incline_error_set(err, INCLINE_ENODATE, path, 1, 1,
				       "no publication date (add a \"date\" header or pass --ref-date)");
	if (rc) {
		incline_article_free(a);
		return rc;
	}
	*out = a;
	return 0;
}

int incline_article_parse(incline_article **out, const char *path,
			  const char *buf, size_t len,
			  const incline_read_opts *opts, incline_error *err)
{
	char *copy = malloc(len ? len : 1);

	if (copy && len)
		memcpy(copy, buf, len);
	return parse_taken(out, path, copy, len, opts, err);
}

static int list_push(incline_article_list *list, incline_article *a)
{
	void *items = list->items;
	int rc = incline_array_reserve(&items, &list->cap, list->n + 1, sizeof *list->items);
	list->items = items;
	if (!rc)
		list->items[list->n++] = a;
	return rc;
}

/* ---- records of JSON, HTML and CSV files -------------------------------- */

int incline_article_record_error(article_reader *r, incline_error *err, int code, size_t at,
				 const char *fmt, ...)
{
	char text[INCLINE_ERROR_TEXT_LENGTH];
	incline_error e;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	if (at > r->len)
		at = r->len;
	if (r->mark_line == 0 || at < r->mark) {
		r->mark = 0;
		r->mark_line = r->mark_column = 1;
	}
	for (; r->mark < at; r->mark++) { /* as incline_error_at counts */
		if (r->buf[r->mark] == '\n') {
			r->mark_line++;
			r->mark_column = 1;
		} else if (((unsigned char)r->buf[r->mark] & 0xC0) != 0x80) {
			r->mark_column++;
		}
	}
	incline_error_clear(&e);
	incline_error_set(&e, code, r->path, r->mark_line, r->mark_column, "%s", text);
	e.offset = (int64_t)at;
	if (code != INCLINE_ENOMEM && r->opts && r->opts->on_record_error)
		return r->opts->on_record_error(&e, r->opts->payload);
	if (err && err->code == INCLINE_OK)
		*err = e;
	return code;
}

void incline_article_record_init(article_record *rec, size_t start, size_t end)
{
	memset(rec, 0, sizeof *rec);
	rec->published = INCLINE_DAY_NONE;
	rec->start = start;
	rec->end = end;
}

void incline_article_record_clear(article_record *rec)
{
	incline_article_text_clear(&rec->text);
	free(rec->title);
	free(rec->source);
	free(rec->url);
	free(rec->id);
	incline_article_record_init(rec, 0, 0);
}

/* Whether b's text starts with a's, ignoring leading white space. */
static int starts_with_text(const article_text *b, const article_text *a)
{
	size_t i = 0, j = 0;
	while (i < a->len && (is_space(a->bytes[i]) || a->bytes[i] == '\n'))
		i++;
	while (j < b->len && (is_space(b->bytes[j]) || b->bytes[j] == '\n'))
		j++;
	return a->len - i <= b->len - j && memcmp(a->bytes + i, b->bytes + j, a->len - i) == 0;
}

static int blank_text(const article_text *t)
{
	for (size_t i = 0; i < t->len; i++)
		if (!is_space(t->bytes[i]) && t->bytes[i] != '\n')
			return 0;
	return 1;
}

int incline_article_record_set_text(article_record *rec, article_text *title,
				    article_text *body)
{
	int rc = 0;

	incline_article_text_clear(&rec->text);
	/* The title is the article's first paragraph, as in the text
	 * format; crawlers mostly keep it out of the body. */
	if (title && !blank_text(title) && !starts_with_text(body, title)) {
		size_t at = incline_offset_map_end(title->map, title->len);
		rc = incline_article_text_append(&rec->text, title);
		if (!rc)
			rc = incline_article_text_decoded(&rec->text, at, 0, "\n\n", 2);
	}
	if (!rc)
		rc = incline_article_text_append(&rec->text, body);
	if (title)
		incline_article_text_clear(title);
	incline_article_text_clear(body);
	return rc;
}

/* "PATH#ID" (ID = the record's id, else its number). */
static char *record_id(const char *path, const char *id, size_t number)
{
	char num[32];
	size_t n;
	char *s;

	if (!id) {
		snprintf(num, sizeof num, "%zu", number);
		id = num;
	}
	n = strlen(path) + 1 + strlen(id) + 1;
	if ((s = malloc(n)))
		snprintf(s, n, "%s#%s", path, id);
	return s;
}

int incline_article_reader_finish(article_reader *r, article_record *rec, size_t number,
				  int multi, incline_error *err)
{
	const incline_read_opts *o = r->opts;
	char what[48] = "";
	incline_article *a;
	int rc;

	if (multi)
		snprintf(what, sizeof what, "record %zu: ", number);
	if (!rec->has_text || blank_text(&rec->text)) {
		rc = incline_article_record_error(r, err, INCLINE_EINVAL, rec->start,
						  "%sno article text (%s)", what,
						  incline_article_field_names(ARTICLE_FIELD_TEXT));
		incline_article_record_clear(rec);
		return rc;
	}
	if (o && o->ref_date != INCLINE_DAY_NONE && (o->ref_overrides || rec->published == INCLINE_DAY_NONE))
		rec->published = o->ref_date;
	if (rec->published == INCLINE_DAY_NONE) {
		rc = incline_article_record_error(r, err, INCLINE_ENODATE, rec->start,
						  "%sno publication date (%s; or pass --ref-date)",
						  what, incline_article_field_names(ARTICLE_FIELD_DATE));
		incline_article_record_clear(rec);
		return rc;
	}
	if (!(a = calloc(1, sizeof *a)))
		goto nomem;
	a->published = rec->published;
	a->bytes = rec->text.bytes;
	a->len = rec->text.len;
	a->map = rec->text.map;
	a->body.end = a->len;
	a->title = rec->title;
	a->source = rec->source;
	a->url = rec->url;
	rec->text.bytes = NULL;
	rec->text.map = NULL;
	rec->title = rec->source = rec->url = NULL;
	a->raw_base = rec->start;
	a->raw_len = rec->end - rec->start;
	a->path = strdup(r->path);
	a->id = multi ? record_id(r->path, rec->id, number) : strdup(r->path);
	if (!a->path || !a->id || !(a->raw = dup_range(r->buf + rec->start, a->raw_len)))
		goto nomem;
	incline_article_record_clear(rec);
	return r->fn(a, r->payload, err);
nomem:
	incline_article_free(a);
	incline_article_record_clear(rec);
	return incline_error_set(err, INCLINE_ENOMEM, r->path, 0, 0, "out of memory");
}

/* ---- format detection and dispatch ------------------------------------- */

static int has_suffix(const char *name, size_t len, const char *ext)
{
	size_t n = strlen(ext);
	return len >= n && same_name(ext, name + len - n, n, 1);
}

static int is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
}

/* First non-blank byte at or after i (len when none); skips a UTF-8 BOM. */
static size_t skip_blank(const char *buf, size_t len, size_t i)
{
	if (i == 0 && len >= 3 && memcmp(buf, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	while (i < len && is_blank(buf[i]))
		i++;
	return i;
}

/* The format of a file named name[0..name_len) holding buf. The bytes
 * decide only where the name does not: '<' before a letter, '!' or '?' is
 * HTML; '{' before '"' or '}', or '[' before '{' or ']', is JSON; so a text
 * article starting "[Update]" stays text. */
static incline_input_format detect_format(const char *name, size_t name_len, const char *buf,
					  size_t len)
{
	size_t i = skip_blank(buf, len, 0), j;

	for (size_t k = 0; k < COUNT_OF(format_exts); k++)
		if (has_suffix(name, name_len, format_exts[k].ext))
			return format_exts[k].f;
	if (i >= len)
		return INCLINE_INPUT_TEXT;
	j = skip_blank(buf, len, i + 1);
	if (buf[i] == '<' && i + 1 < len
	    && (buf[i + 1] == '!' || buf[i + 1] == '?' || (unsigned)(ascii_lower((unsigned char)buf[i + 1]) - 'a') < 26u))
		return INCLINE_INPUT_HTML;
	if (j < len && ((buf[i] == '{' && (buf[j] == '"' || buf[j] == '}'))
			|| (buf[i] == '[' && (buf[j] == '{' || buf[j] == ']'))))
		return INCLINE_INPUT_JSON;
	return INCLINE_INPUT_TEXT;
}

incline_input_format incline_input_format_of_path(const char *path)
{
	size_t len = strlen(path);

	if (has_suffix(path, len, ".gz"))
		len -= 3;
	for (size_t k = 0; k < COUNT_OF(format_exts); k++)
		if (has_suffix(path, len, format_exts[k].ext))
			return format_exts[k].f;
	return INCLINE_INPUT_AUTO;
}

/* buf is plain (not gzip); name is path without a ".gz". take is buf
 * when the caller gives it away (a text article then keeps it as its
 * bytes instead of a copy), else NULL; it is freed either way. */
static int parse_plain(const char *path, size_t name_len, const char *buf, size_t len,
		       char *take, const incline_read_opts *opts, incline_article_fn fn,
		       void *payload, incline_error *err)
{
	incline_input_format f = opts ? opts->format : INCLINE_INPUT_AUTO;
	article_reader r = {fn, payload, opts, path, buf, len, 0, 0, 0};
	incline_article *a;
	int rc;

	if (f == INCLINE_INPUT_AUTO)
		f = detect_format(path, name_len, buf, len);
	if (f == INCLINE_INPUT_TEXT) {
		rc = take ? parse_taken(&a, path, take, len, opts, err)
			  : incline_article_parse(&a, path, buf, len, opts, err);
		return rc ? rc : fn(a, payload, err);
	}
	if (skip_blank(buf, len, 0) >= len)
		rc = incline_error_set(err, INCLINE_EINVAL, path, 1, 1, "empty %s file",
				       incline_input_format_name(f));
	else if (f == INCLINE_INPUT_JSON || f == INCLINE_INPUT_NDJSON)
		rc = incline_article_read_json(&r, f == INCLINE_INPUT_NDJSON, err);
	else if (f == INCLINE_INPUT_HTML)
		rc = incline_article_read_html(&r, err);
	else
		rc = incline_article_read_csv(&r, err);
	free(take);
	return rc;
}

/* Any file's bytes: gunzipped first when they are gzip. take as above. */
static int parse_any(const char *path, const char *buf, size_t len, char *take,
		     const incline_read_opts *opts, incline_article_fn fn, void *payload,
		     incline_error *err)
{
	size_t max = opts && opts->max_bytes ? opts->max_bytes : INCLINE_MAX_ARTICLE_BYTES;
	size_t name_len = strlen(path);
	char *plain;
	size_t plain_len;
	int rc;

	if (len < 2 || (unsigned char)buf[0] != 0x1f || (unsigned char)buf[1] != 0x8b)
		return parse_plain(path, name_len, buf, len, take, opts, fn, payload, err);
	/* gzip: offsets are then offsets into the decompressed bytes. */
	if (has_suffix(path, name_len, ".gz"))
		name_len -= 3;
	rc = incline_article_gunzip(&plain, &plain_len, path, buf, len, max, err);
	free(take);
	if (rc)
		return rc;
	return parse_plain(path, name_len, plain, plain_len, plain, opts, fn, payload, err);
}

static int push_to_list(incline_article *a, void *payload, incline_error *err)
{
	if (list_push(payload, a)) {
		incline_error_set(err, INCLINE_ENOMEM, a->id, 0, 0, "out of memory");
		incline_article_free(a);
		return INCLINE_ENOMEM;
	}
	return 0;
}

int incline_article_parse_buffer(incline_article_list *list, const char *path,
				 const char *buf, size_t len,
				 const incline_read_opts *opts, incline_error *err)
{
	return parse_any(path, buf, len, NULL, opts, push_to_list, list, err);
}

typedef struct {
	const incline_read_opts *opts;
	incline_article_fn fn;
	void *payload;
} read_ctx;

static int read_one(const char *file, void *payload, incline_error *err)
{
	read_ctx *ctx = payload;
	size_t max = ctx->opts && ctx->opts->max_bytes ? ctx->opts->max_bytes : INCLINE_MAX_ARTICLE_BYTES;
	char *buf;
	size_t len;
	int rc = incline_io_read_file(&buf, &len, file, max, err);

	if (rc)
		return rc;
	return parse_any(file, buf, len, buf, ctx->opts, ctx->fn, ctx->payload, err);
}

int incline_article_each(const char *path, const incline_read_opts *opts,
			 incline_article_fn fn, void *payload, incline_error *err)
{
	read_ctx ctx = {opts, fn, payload};
	if (strcmp(path, "-") == 0)
		return read_one(path, &ctx, err);
	return incline_io_walk(path, read_one, &ctx, err);
}

int incline_article_read(incline_article_list *list, const char *path,
			 const incline_read_opts *opts, incline_error *err)
{
	return incline_article_each(path, opts, push_to_list, list, err);
}

/* ---- offsets back to the file ------------------------------------------ */

void incline_article_file_span(const incline_article *a, size_t *start, size_t *end)
{
	size_t s, e;

	if (!a->map)
		return;
	s = *start > a->base ? *start - a->base : 0;
	e = *end > a->base ? *end - a->base : 0;
	*start = incline_offset_map_start(a->map, s);
	*end = incline_offset_map_end(a->map, e);
	if (*end < *start)
		*end = *start;
}

void incline_article_file_view(incline_article *out, const incline_article *a)
{
	*out = *a;
	if (!a->map)
		return;
	out->bytes = a->raw;
	out->len = a->raw_len;
	out->base = a->raw_base;
	out->body.start = 0;
	out->body.end = a->raw_len;
	out->map = NULL;
}

void incline_article_free(incline_article *a)
{
	if (!a)
		return;
	free(a->id);
	free(a->path);
	free(a->source);
	free(a->url);
	free(a->title);
	free(a->bytes);
	free(a->raw);
	incline_offset_map_free(a->map);
	free(a);
}

void incline_article_list_free(incline_article_list *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->n; i++)
		incline_article_free(list->items[i]);
	free(list->items);
	memset(list, 0, sizeof *list);
}
