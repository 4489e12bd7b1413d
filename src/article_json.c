/* JSON and NDJSON article records: an array of objects, one object, or one
 * object per line, with the field names crawlers write (see field_names
 * in article.c).
 *
 * jansson checks each document (syntax, UTF-8, no NUL) and words the
 * error; a small scanner then walks the same checked bytes to find where
 * each field's value sits in the file, and decodes the text and title
 * strings itself so that every decoded byte knows the file bytes it came
 * from ("\n" and "\u00e9" are longer in the file than in the text). */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "article_private.h"

static int json_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static size_t skip_ws(const char *buf, size_t i, size_t e)
{
	while (i < e && json_space(buf[i]))
		i++;
	return i;
}

/* Index after the string token starting at buf[i] == '"'. */
static size_t string_end(const char *buf, size_t i, size_t e)
{
	for (i++; i < e && buf[i] != '"'; i++)
		if (buf[i] == '\\')
			i++;
	return i < e ? i + 1 : e;
}

/* Index after the value starting at buf[i] (checked JSON). */
static size_t value_end(const char *buf, size_t i, size_t e)
{
	size_t depth = 0;

	if (i >= e)
		return e;
	if (buf[i] == '"')
		return string_end(buf, i, e);
	if (buf[i] != '{' && buf[i] != '[') {
		while (i < e && !json_space(buf[i]) && buf[i] != ',' && buf[i] != '}' && buf[i] != ']')
			i++;
		return i;
	}
	for (; i < e; i++) {
		if (buf[i] == '"') {
			i = string_end(buf, i, e) - 1;
		} else if (buf[i] == '{' || buf[i] == '[') {
			depth++;
		} else if ((buf[i] == '}' || buf[i] == ']') && --depth == 0) {
			return i + 1;
		}
	}
	return e;
}

/* Checked before jansson sees the bytes, so depth never costs stack. */
size_t incline_article_json_too_deep(const char *buf, size_t b, size_t e)
{
	size_t depth = 0;

	for (size_t i = b; i < e; i++) {
		if (buf[i] == '"') {
			i = string_end(buf, i, e) - 1;
		} else if (buf[i] == '{' || buf[i] == '[') {
			if (++depth > INCLINE_MAX_JSON_DEPTH)
				return i;
		} else if ((buf[i] == '}' || buf[i] == ']') && depth > 0) {
			depth--;
		}
	}
	return e;
}

static int hex4(unsigned long *out, const char *s, size_t n)
{
	unsigned long v = 0;

	if (n < 4)
		return -1;
	for (int k = 0; k < 4; k++) {
		char c = s[k];
		int d = c >= '0' && c <= '9' ? c - '0'
		      : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + (unsigned long)d;
	}
	*out = v;
	return 0;
}

/* The escape table: the character after '\' and what it stands for. */
static const char escapes[][2] = {
	{'"', '"'}, {'\\', '\\'}, {'/', '/'}, {'b', '\b'},
	{'f', '\f'}, {'n', '\n'}, {'r', '\r'}, {'t', '\t'},
};

/* Decodes the string token at buf[i] == '"' (ending before e) into t,
 * mapping every piece back to its file offset. */
static int decode_string(article_text *t, const char *buf, size_t i, size_t e)
{
	size_t run = ++i;
	int rc = 0;

	while (!rc && i < e && buf[i] != '"') {
		char out[8];
		size_t n = 0, used = 2;
		unsigned long cp;

		if (buf[i] != '\\') {
			i++;
			continue;
		}
		if ((rc = incline_article_text_verbatim(t, run, buf + run, i - run)))
			break;
		if (i + 1 >= e)
			break;
		if (buf[i + 1] == 'u' && hex4(&cp, buf + i + 2, e - i - 2) == 0) {
			unsigned long lo;
			used = 6;
			if (cp >= 0xD800 && cp <= 0xDBFF && e - i >= 12 && buf[i + 6] == '\\'
			    && buf[i + 7] == 'u' && hex4(&lo, buf + i + 8, e - i - 8) == 0
			    && lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				used = 12;
			}
			n = incline_article_utf8_encode(out, cp);
		} else {
			for (size_t k = 0; k < sizeof escapes / sizeof *escapes; k++)
				if (escapes[k][0] == buf[i + 1])
					out[n++] = escapes[k][1];
		}
		rc = incline_article_text_decoded(t, i, used, out, n);
		i += used;
		run = i;
	}
	if (!rc && i > run)
		rc = incline_article_text_verbatim(t, run, buf + run, (i < e ? i : e) - run);
	return rc;
}

/* A plain copy of a decoded string (keys, dates, source, url, id). */
static int decode_plain(char **out, const char *buf, size_t i, size_t e)
{
	article_text t = {0};
	int rc = decode_string(&t, buf, i, e);

	*out = NULL;
	if (!rc && !(*out = t.bytes ? t.bytes : calloc(1, 1)))
		rc = INCLINE_ENOMEM;
	if (rc)
		free(t.bytes);
	incline_offset_map_free(t.map);
	return rc;
}

static const char *type_of(char c)
{
	switch (c) {
	case '"': return "a string";
	case '{': return "an object";
	case '[': return "an array";
	case 't': case 'f': return "a boolean";
	case 'n': return "null";
	default: return "a number";
	}
}

/* One record: the object at buf[b, e). */
typedef struct {
	article_reader *r;
	size_t number;
	int multi;
	incline_error *err;
} rec_ctx;

static int read_record(rec_ctx *c, size_t b, size_t e)
{
	article_reader *r = c->r;
	const char *buf = r->buf;
	size_t at[ARTICLE_FIELD_COUNT], vend[ARTICLE_FIELD_COUNT], i = skip_ws(buf, b + 1, e);
	int rank[ARTICLE_FIELD_COUNT];
	char what[48] = "";
	article_record rec;
	article_text title = {0}, body = {0};
	int rc = 0;

	for (int f = 0; f < ARTICLE_FIELD_COUNT; f++)
		rank[f] = -1;
	if (c->multi)
		snprintf(what, sizeof what, "record %zu: ", c->number);
	/* The members: "key" : value, in file order. */
	while (i < e && buf[i] == '"') {
		size_t ke = string_end(buf, i, e), vs = skip_ws(buf, skip_ws(buf, ke, e) + 1, e);
		size_t ve = value_end(buf, vs, e);
		char *key;
		int f, rk;

		if ((rc = decode_plain(&key, buf, i, ke)))
			return incline_error_set(c->err, rc, r->path, 0, 0, "out of memory");
		f = incline_article_field_lookup(key, strlen(key), 0, &rk);
		free(key);
		/* Of two synonyms the first in the table wins; a repeated key
		 * keeps its last value, as jansson does; null is absent. */
		if (f >= 0 && buf[vs] != 'n' && (rank[f] < 0 || rk <= rank[f])) {
			rank[f] = rk;
			at[f] = vs;
			vend[f] = ve;
		}
		i = skip_ws(buf, ve, e);
		if (i < e && buf[i] == ',')
			i = skip_ws(buf, i + 1, e);
	}
	incline_article_record_init(&rec, b, e);
	for (int f = 0; !rc && f < ARTICLE_FIELD_COUNT; f++) {
		char v;
		if (rank[f] < 0)
			continue;
		v = buf[at[f]];
		if (v != '"' && !(f == ARTICLE_FIELD_ID && v != '{' && v != '[' && v != 't' && v != 'f')) {
			rc = incline_article_record_error(r, c->err, INCLINE_EINVAL, at[f],
							  "%sfield \"%s\" is %s, expected a string%s", what,
							  incline_article_field_key(rank[f]),
							  type_of(v), f == ARTICLE_FIELD_ID ? " or a number" : "");
			goto skip;
		}
		switch (f) {
		case ARTICLE_FIELD_TEXT:
			rec.has_text = 1;
			rc = decode_string(&body, buf, at[f], vend[f]);
			break;
		case ARTICLE_FIELD_TITLE:
			if (!(rc = decode_string(&title, buf, at[f], vend[f])))
				rc = decode_plain(&rec.title, buf, at[f], vend[f]);
			break;
		case ARTICLE_FIELD_SOURCE: rc = decode_plain(&rec.source, buf, at[f], vend[f]); break;
		case ARTICLE_FIELD_URL: rc = decode_plain(&rec.url, buf, at[f], vend[f]); break;
		case ARTICLE_FIELD_ID:
			if (v == '"') {
				rc = decode_plain(&rec.id, buf, at[f], vend[f]);
			} else if (!(rec.id = malloc(vend[f] - at[f] + 1))) {
				rc = INCLINE_ENOMEM;
			} else {
				memcpy(rec.id, buf + at[f], vend[f] - at[f]);
				rec.id[vend[f] - at[f]] = '\0';
			}
			break;
		default: {
			char *d;
			if ((rc = decode_plain(&d, buf, at[f], vend[f])))
				break;
			if (incline_article_parse_date(&rec.published, d, strlen(d))) {
				rc = incline_article_record_error(
					r, c->err, INCLINE_EINVAL, at[f],
					"%sinvalid date \"%.40s\" (expected YYYY-MM-DD or an ISO 8601 "
					"date and time)", what, d);
				free(d);
				goto skip;
			}
			free(d);
		}
		}
	}
	if (!rc)
		rc = incline_article_record_set_text(&rec, &title, &body);
	incline_article_text_clear(&title);
	incline_article_text_clear(&body);
	if (rc) {
		incline_article_record_clear(&rec);
		return incline_error_set(c->err, rc, r->path, 0, 0, "out of memory");
	}
	return incline_article_reader_finish(r, &rec, c->number, c->multi, c->err);
skip: /* a record error: rc says whether to go on */
	incline_article_text_clear(&title);
	incline_article_text_clear(&body);
	incline_article_record_clear(&rec);
	return rc;
}

/* Checks buf[b, e) with jansson (and the depth limit first). 0 when it is
 * good; else the error at its position: as a record error when per_record
 * (then 1 = skipped), else a negative code. */
static int check(rec_ctx *c, size_t b, size_t e, int per_record)
{
	article_reader *r = c->r;
	size_t deep = incline_article_json_too_deep(r->buf, b, e);
	json_error_t jerr;
	json_t *v;
	int code = INCLINE_EINVAL;
	size_t at;
	char text[INCLINE_ERROR_TEXT_LENGTH];

	if (deep < e) {
		code = INCLINE_ELIMIT;
		at = deep;
		snprintf(text, sizeof text, "JSON nested deeper than %d levels",
			 INCLINE_MAX_JSON_DEPTH);
	} else if ((v = json_loadb(r->buf + b, e - b, 0, &jerr))) {
		json_decref(v);
		return 0;
	} else if (incline_article_jansson_oom(&jerr)) {
		return incline_error_set(c->err, INCLINE_ENOMEM, r->path, 0, 0, "out of memory");
	} else {
		/* jansson's position is just past the offending token. */
		at = b + (jerr.position > 0 ? (size_t)jerr.position - 1 : 0);
		snprintf(text, sizeof text, "invalid JSON: %.150s", jerr.text);
	}
	if (per_record) {
		int rc = incline_article_record_error(r, c->err, code, at, "record %zu: %s",
						      c->number, text);
		return rc ? rc : 1;
	}
	return incline_error_at(c->err, code, r->path, r->buf, r->len, at, "%s", text);
}

/* One object per line. */
static int read_lines(rec_ctx *c, size_t i)
{
	article_reader *r = c->r;
	int rc = 0;

	c->multi = 1;
	while (!rc && i < r->len) {
		const char *nl = memchr(r->buf + i, '\n', r->len - i);
		size_t le = nl ? (size_t)(nl - r->buf) : r->len, b = skip_ws(r->buf, i, le), e = le;

		while (e > b && json_space(r->buf[e - 1]))
			e--;
		i = le + 1;
		if (b == e)
			continue;
		c->number++;
		if ((rc = check(c, b, e, 1)) > 0) {
			rc = 0; /* bad line, skipped */
			continue;
		}
		if (rc)
			return rc;
		if (r->buf[b] != '{') {
			rc = incline_article_record_error(r, c->err, INCLINE_EINVAL, b,
							  "record %zu: %s, expected an article object",
							  c->number, type_of(r->buf[b]));
			continue;
		}
		rc = read_record(c, b, e);
	}
	return rc;
}

/* Whether the document starting at b is one object per line: its first
 * line is a whole JSON value and something follows it. 1 yes, 0 no,
 * INCLINE_ENOMEM when jansson could not tell. */
static int looks_like_lines(const article_reader *r, size_t b)
{
	const char *nl = memchr(r->buf + b, '\n', r->len - b);
	size_t le = nl ? (size_t)(nl - r->buf) : r->len;
	json_error_t jerr;
	json_t *v;

	if (!nl || skip_ws(r->buf, le, r->len) >= r->len || incline_article_json_too_deep(r->buf, b, le) < le)
		return 0;
	v = json_loadb(r->buf + b, le - b, 0, &jerr);
	json_decref(v);
	if (!v && incline_article_jansson_oom(&jerr))
		return INCLINE_ENOMEM;
	return v != NULL;
}

int incline_article_read_json(article_reader *r, int ndjson, incline_error *err)
{
	rec_ctx c = {r, 0, 0, err};
	size_t b = 0, e = r->len, i;
	int rc;

	if (r->len >= 3 && memcmp(r->buf, "\xEF\xBB\xBF", 3) == 0)
		b = 3; /* a UTF-8 byte order mark */
	b = skip_ws(r->buf, b, e);
	if (!ndjson && r->buf[b] == '{' && (rc = looks_like_lines(r, b)) < 0)
		return incline_error_set(err, rc, r->path, 0, 0, "out of memory");
	if (ndjson || (r->buf[b] == '{' && rc == 1))
		return read_lines(&c, b);
	if ((rc = check(&c, b, e, 0)))
		return rc;
	if (r->buf[b] == '{') {
		c.number = 1;
		return read_record(&c, b, value_end(r->buf, b, e));
	}
	if (r->buf[b] != '[')
		return incline_error_at(err, INCLINE_EINVAL, r->path, r->buf, r->len, b,
					"%s, expected an article object or an array of them",
					type_of(r->buf[b]));
	c.multi = 1;
	for (i = skip_ws(r->buf, b + 1, e); i < e && r->buf[i] != ']';) {
		size_t ve = value_end(r->buf, i, e);
		c.number++;
		if (r->buf[i] == '{')
			rc = read_record(&c, i, ve);
		else
			rc = incline_article_record_error(r, err, INCLINE_EINVAL, i,
							  "record %zu: %s, expected an article object",
							  c.number, type_of(r->buf[i]));
		if (rc)
			return rc;
		i = skip_ws(r->buf, ve, e);
		if (i < e && r->buf[i] == ',')
			i = skip_ws(r->buf, i + 1, e);
	}
	return 0;
}
