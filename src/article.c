/* Text article readers: the seed header (" date YYYY-MM-DD title"), a
 * front-matter header (--- key: value ---) or bare text. The bytes are
 * kept as read, so every offset reported later points into the file. */
#include <stdlib.h>
#include <string.h>

#include "incline/article.h"
#include "incline/io.h"
#include "array.h"

/* The header fields a front-matter block may set, as data. */
typedef enum { FIELD_DATE, FIELD_SOURCE, FIELD_URL, FIELD_TITLE } field;

static const struct {
	const char *key;
	field f;
} front_matter_keys[] = {
	{"date", FIELD_DATE},         {"published", FIELD_DATE},
	{"publish_date", FIELD_DATE}, {"source", FIELD_SOURCE},
	{"outlet", FIELD_SOURCE},     {"url", FIELD_URL},
	{"title", FIELD_TITLE},
};

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

/* Sets *out from a value that starts with YYYY-MM-DD (a time may follow). */
static int parse_header_date(incline_day *out, const char *s, size_t len)
{
	if (len > 10 && (s[10] == 'T' || s[10] == ' '))
		len = 10;
	return incline_date_parse_day(out, s, len);
}

static int set_field(incline_article *a, field f, const char *v, size_t n)
{
	char **slot = NULL;
	if (f == FIELD_DATE)
		return parse_header_date(&a->published, v, n);
	switch (f) {
	case FIELD_SOURCE: slot = &a->source; break;
	case FIELD_URL: slot = &a->url; break;
	default: slot = &a->title; break;
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
			for (size_t k = 0; k < sizeof front_matter_keys / sizeof *front_matter_keys; k++) {
				const char *key = front_matter_keys[k].key;
				if (strlen(key) != ke - ks || memcmp(key, buf + ks, ke - ks) != 0)
					continue;
				int rc = set_field(a, front_matter_keys[k].f, buf + vs, ve - vs);
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
 * sees them: the offsets we report must point at characters, and a NUL
 * would silently cut every C string made from the text. A NUL or a UTF-16
 * byte order mark means a binary or UTF-16 file given by mistake. */
static int check_bytes(const char *buf, size_t len, const char *path,
		       incline_error *err)
{
	const char *nul = memchr(buf, '\0', len);
	size_t bad = incline_text_utf8_check(buf, len);

	if (len >= 2 && ((unsigned char)buf[0] == 0xFF || (unsigned char)buf[0] == 0xFE) &&
	    (unsigned char)buf[1] == ((unsigned char)buf[0] ^ 0x01))
		return incline_error_at(err, INCLINE_EINVAL, path, buf, len, 0,
					"UTF-16 text: convert the file to UTF-8 "
					"(e.g. iconv -f UTF-16 -t UTF-8)");
	if (nul && (size_t)(nul - buf) < bad)
		return incline_error_at(err, INCLINE_EINVAL, path, buf, len,
					(size_t)(nul - buf),
					"NUL byte: not a text file");
	if (bad < len)
		return incline_error_at(err, INCLINE_EINVAL, path, buf, len, bad,
					"invalid UTF-8 (byte 0x%02X): convert the file "
					"to UTF-8 (e.g. iconv -f WINDOWS-1252 -t UTF-8)",
					(unsigned)(unsigned char)buf[bad]);
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

int incline_article_parse(incline_article **out, const char *path,
			  const char *buf, size_t len,
			  const incline_read_opts *opts, incline_error *err)
{
	incline_article *a = calloc(1, sizeof *a);
	int rc;

	*out = NULL;
	if (!a || !(a->bytes = malloc(len ? len : 1))) {
		free(a);
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	}
	memcpy(a->bytes, buf, len);
	a->len = len;
	a->published = INCLINE_DAY_NONE;
	a->body.end = len;
	if (!(a->path = strdup(path))) {
		incline_article_free(a);
		return incline_error_set(err, INCLINE_ENOMEM, path, 0, 0, "out of memory");
	}
	rc = check_bytes(buf, len, path, err);
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

static int list_push(incline_article_list *list, incline_article *a)
{
	void *items = list->items;
	int rc = incline_array_reserve(&items, &list->cap, list->n + 1, sizeof *list->items);
	list->items = items;
	if (!rc)
		list->items[list->n++] = a;
	return rc;
}

typedef struct {
	incline_article_list *list;
	const incline_read_opts *opts;
} read_ctx;

static int read_one(const char *file, void *payload, incline_error *err)
{
	read_ctx *ctx = payload;
	size_t max = ctx->opts && ctx->opts->max_bytes ? ctx->opts->max_bytes : INCLINE_MAX_ARTICLE_BYTES;
	incline_article *a;
	char *buf;
	size_t len;
	int rc = incline_io_read_file(&buf, &len, file, max, err);

	if (rc)
		return rc;
	rc = incline_article_parse(&a, file, buf, len, ctx->opts, err);
	free(buf);
	if (rc)
		return rc;
	if (list_push(ctx->list, a)) {
		incline_article_free(a);
		return incline_error_set(err, INCLINE_ENOMEM, file, 0, 0, "out of memory");
	}
	return 0;
}

int incline_article_read(incline_article_list *list, const char *path,
			 const incline_read_opts *opts, incline_error *err)
{
	read_ctx ctx = {list, opts};
	if (strcmp(path, "-") == 0)
		return read_one(path, &ctx, err);
	return incline_io_walk(path, read_one, &ctx, err);
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
