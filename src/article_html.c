/* HTML pages as a browser saves them: the article's text without scripts,
 * styles, navigation, site header and footer, asides and comments, with
 * entities decoded and block elements turned into paragraph breaks; the
 * publication date from <meta property="article:published_time">, JSON-LD
 * "datePublished", other date metas or the first <time datetime>; the
 * title from og:title or <title>.
 *
 * The text is built piece by piece with the file offset of each piece
 * (article_map.c), so evidence spans point into the HTML file. When the
 * page has <article> elements only their text is taken (the rest of a
 * saved page is menus, teasers and cookie banners). UTF-8 is assumed. */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "article_private.h"

#define COUNT_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- tables ------------------------------------------------------------ */

/* What an element does to the text. */
enum {
	EL_INLINE = 0,
	EL_BLOCK = 1,    /* a paragraph break before and after */
	EL_LINE = 2,     /* a line break (<br>) */
	EL_SKIP = 4,     /* its content is not article text */
	EL_RAW = 8,      /* content is not markup: skip to </name> */
	EL_CHROME = 16,  /* site header or footer: skipped outside <article> */
};

static const struct {
	const char *name;
	int kind;
} elements[] = {
	{"address", EL_BLOCK}, {"article", EL_BLOCK}, {"blockquote", EL_BLOCK},
	{"br", EL_LINE}, {"caption", EL_BLOCK}, {"center", EL_BLOCK},
	{"dd", EL_BLOCK}, {"details", EL_BLOCK}, {"div", EL_BLOCK}, {"dl", EL_BLOCK},
	{"dt", EL_BLOCK}, {"figcaption", EL_BLOCK}, {"figure", EL_BLOCK},
	{"h1", EL_BLOCK}, {"h2", EL_BLOCK}, {"h3", EL_BLOCK}, {"h4", EL_BLOCK},
	{"h5", EL_BLOCK}, {"h6", EL_BLOCK}, {"hr", EL_BLOCK}, {"li", EL_BLOCK},
	{"main", EL_BLOCK}, {"ol", EL_BLOCK}, {"p", EL_BLOCK}, {"pre", EL_BLOCK},
	{"section", EL_BLOCK}, {"summary", EL_BLOCK}, {"table", EL_BLOCK},
	{"td", EL_BLOCK}, {"th", EL_BLOCK}, {"tr", EL_BLOCK}, {"ul", EL_BLOCK},
	{"aside", EL_SKIP | EL_BLOCK}, {"button", EL_SKIP}, {"canvas", EL_SKIP},
	{"footer", EL_CHROME | EL_SKIP | EL_BLOCK}, {"form", EL_SKIP | EL_BLOCK},
	{"head", EL_SKIP}, {"header", EL_CHROME | EL_BLOCK}, {"iframe", EL_SKIP | EL_RAW},
	{"math", EL_SKIP}, {"nav", EL_SKIP | EL_BLOCK}, {"noscript", EL_SKIP},
	{"object", EL_SKIP}, {"script", EL_SKIP | EL_RAW}, {"select", EL_SKIP},
	{"style", EL_SKIP | EL_RAW}, {"svg", EL_SKIP}, {"template", EL_SKIP},
	{"textarea", EL_SKIP | EL_RAW}, {"title", EL_SKIP | EL_RAW},
};

/* Elements that never have a closing tag. */
static const char *const void_elements[] = {
	"area", "base", "br", "col", "embed", "hr", "img", "input",
	"link", "meta", "param", "source", "track", "wbr",
};

/* Metadata the page may carry, by attribute value of property, name or
 * itemprop on <meta>; rank orders the dates (lower wins). */
typedef enum { META_DATE, META_TITLE, META_SOURCE, META_URL } meta_kind;

static const struct {
	const char *name;
	meta_kind kind;
	int rank;
} metas[] = {
	{"article:published_time", META_DATE, 0},
	{"og:article:published_time", META_DATE, 0},
	{"datepublished", META_DATE, 2}, {"date", META_DATE, 2},
	{"pubdate", META_DATE, 2}, {"publishdate", META_DATE, 2},
	{"publish-date", META_DATE, 2}, {"dc.date.issued", META_DATE, 2},
	{"dc.date", META_DATE, 2}, {"dcterms.date", META_DATE, 2},
	{"parsely-pub-date", META_DATE, 2}, {"sailthru.date", META_DATE, 2},
	{"og:title", META_TITLE, 0}, {"twitter:title", META_TITLE, 1},
	{"og:site_name", META_SOURCE, 0}, {"og:url", META_URL, 0},
};

/* Ranks of the other places a date or a title can come from. */
enum { RANK_JSONLD = 1, RANK_HEADLINE = 2, RANK_TIME = 3, RANK_TITLE_TAG = 5, RANK_NONE = 100 };

/* Named character references: the ones news pages use. */
static const struct {
	const char *name;
	unsigned long cp;
} entities[] = {
	{"amp", '&'}, {"lt", '<'}, {"gt", '>'}, {"quot", '"'}, {"apos", '\''},
	{"nbsp", 0xA0}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"lsquo", 0x2018},
	{"rsquo", 0x2019}, {"sbquo", 0x201A}, {"ldquo", 0x201C}, {"rdquo", 0x201D},
	{"bdquo", 0x201E}, {"hellip", 0x2026}, {"laquo", 0xAB}, {"raquo", 0xBB},
	{"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"bull", 0x2022}, {"middot", 0xB7},
	{"copy", 0xA9}, {"reg", 0xAE}, {"trade", 0x2122}, {"deg", 0xB0},
	{"euro", 0x20AC}, {"pound", 0xA3}, {"yen", 0xA5}, {"cent", 0xA2},
	{"sect", 0xA7}, {"para", 0xB6}, {"times", 0xD7}, {"divide", 0xF7},
	{"shy", 0xAD}, {"zwj", 0x200D}, {"zwnj", 0x200C}, {"thinsp", 0x2009},
	{"ensp", 0x2002}, {"emsp", 0x2003}, {"prime", 0x2032}, {"dagger", 0x2020},
	{"aacute", 0xE1}, {"agrave", 0xE0}, {"acirc", 0xE2}, {"auml", 0xE4},
	{"atilde", 0xE3}, {"aring", 0xE5}, {"ccedil", 0xE7}, {"eacute", 0xE9},
	{"egrave", 0xE8}, {"ecirc", 0xEA}, {"euml", 0xEB}, {"iacute", 0xED},
	{"igrave", 0xEC}, {"icirc", 0xEE}, {"iuml", 0xEF}, {"ntilde", 0xF1},
	{"oacute", 0xF3}, {"ograve", 0xF2}, {"ocirc", 0xF4}, {"ouml", 0xF6},
	{"otilde", 0xF5}, {"oslash", 0xF8}, {"uacute", 0xFA}, {"ugrave", 0xF9},
	{"ucirc", 0xFB}, {"uuml", 0xFC}, {"szlig", 0xDF}, {"Aacute", 0xC1},
	{"Eacute", 0xC9}, {"Iacute", 0xCD}, {"Oacute", 0xD3}, {"Uacute", 0xDA},
	{"Auml", 0xC4}, {"Ouml", 0xD6}, {"Uuml", 0xDC}, {"Ccedil", 0xC7},
	{"Ntilde", 0xD1},
};

/* What browsers make of &#128; to &#159; (Windows-1252), 0 = U+FFFD. */
static const unsigned short cp1252[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

/* ---- bytes ------------------------------------------------------------- */

static int lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int is_alpha(char c)
{
	return (unsigned)(lower((unsigned char)c) - 'a') < 26u;
}

static int is_alnum(char c)
{
	return is_alpha(c) || (c >= '0' && c <= '9');
}

static int html_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

/* Whether s[0..n) equals the lowercase word w, ignoring ASCII case. */
static int same_word(const char *s, size_t n, const char *w)
{
	size_t i;
	for (i = 0; i < n && w[i]; i++)
		if (lower((unsigned char)s[i]) != w[i])
			return 0;
	return i == n && w[i] == '\0';
}

/* First i >= from where buf[i..] starts with needle (ASCII case
 * ignored), or len. */
static size_t find_ci(const char *buf, size_t len, size_t from, const char *needle)
{
	size_t n = strlen(needle);
	for (size_t i = from; i + n <= len; i++) {
		size_t k = 0;
		while (k < n && lower((unsigned char)buf[i + k]) == needle[k])
			k++;
		if (k == n)
			return i;
	}
	return len;
}

/* A character reference at buf[i] == '&': sets *cp and returns its length,
 * or 0 when it is not one (the '&' is then text). */
static size_t entity_at(const char *buf, size_t len, size_t i, unsigned long *cp)
{
	size_t j = i + 1;

	if (j < len && buf[j] == '#') {
		int hex = j + 1 < len && (buf[j + 1] == 'x' || buf[j + 1] == 'X');
		unsigned long v = 0;
		size_t d = j + 1 + (size_t)hex, k;
		for (k = d; k < len; k++) {
			char c = buf[k];
			int x = c >= '0' && c <= '9' ? c - '0'
			      : hex && lower((unsigned char)c) >= 'a' && lower((unsigned char)c) <= 'f'
				? lower((unsigned char)c) - 'a' + 10 : -1;
			if (x < 0)
				break;
			if (v <= 0x10FFFF)
				v = v * (hex ? 16 : 10) + (unsigned long)x;
		}
		if (k == d)
			return 0;
		if (v >= 0x80 && v <= 0x9F)
			v = cp1252[v - 0x80] ? cp1252[v - 0x80] : 0xFFFD;
		*cp = v == 0 || v > 0x10FFFF ? 0xFFFD : v;
		return k - i + (k < len && buf[k] == ';');
	}
	while (j < len && j - i <= 8 && is_alnum(buf[j]))
		j++;
	if (j >= len || buf[j] != ';')
		return 0;
	for (size_t e = 0; e < COUNT_OF(entities); e++) {
		if (strlen(entities[e].name) == j - i - 1
		    && memcmp(entities[e].name, buf + i + 1, j - i - 1) == 0) {
			*cp = entities[e].cp;
			return j - i + 1;
		}
	}
	return 0;
}

/* A new string: buf[b, e) with entities decoded and white space runs made
 * one space, trimmed (attribute values, the title). */
static char *decode_plain(const char *buf, size_t b, size_t e)
{
	char *out = malloc((e > b ? e - b : 0) + 1);
	size_t n = 0;
	int space = 0;

	if (!out)
		return NULL;
	for (size_t i = b; i < e;) {
		unsigned long cp;
		size_t k;
		if (html_space(buf[i])) {
			space = 1;
			i++;
			continue;
		}
		if (space && n > 0)
			out[n++] = ' ';
		space = 0;
		if (buf[i] == '&' && (k = entity_at(buf, e, i, &cp)) > 0) {
			char u[4];
			size_t m = incline_article_utf8_encode(u, cp);
			if (m <= k) { /* a reference is never shorter than its text */
				memcpy(out + n, u, m);
				n += m;
			}
			i += k;
			continue;
		}
		out[n++] = buf[i++];
	}
	out[n] = '\0';
	return out;
}

/* ---- tags -------------------------------------------------------------- */

typedef struct tag {
	size_t start;      /* '<' */
	size_t end;        /* after '>' */
	size_t name;       /* the name's bytes */
	size_t name_len;
	int closing;
	int kind;          /* EL_* of the name */
	int is_void;
} tag;

static int element_kind(const char *s, size_t n)
{
	for (size_t k = 0; k < COUNT_OF(elements); k++)
		if (same_word(s, n, elements[k].name))
			return elements[k].kind;
	return EL_INLINE;
}

static int is_void_element(const char *s, size_t n)
{
	for (size_t k = 0; k < COUNT_OF(void_elements); k++)
		if (same_word(s, n, void_elements[k]))
			return 1;
	return 0;
}

/* Index after the markup starting at buf[i] == '<' and, for an element
 * tag, *t; returns i when the '<' is text. Comments, doctypes, processing
 * instructions and CDATA come back with t->name_len 0. */
static size_t read_tag(const char *buf, size_t len, size_t i, tag *t)
{
	size_t j = i + 1;
	char q = 0;

	memset(t, 0, sizeof *t);
	t->start = i;
	if (j >= len)
		return i;
	if (len - j >= 3 && memcmp(buf + j, "!--", 3) == 0) {
		size_t e = find_ci(buf, len, j + 3, "-->");
		return t->end = e < len ? e + 3 : len;
	}
	if (len - j >= 8 && memcmp(buf + j, "![CDATA[", 8) == 0) {
		size_t e = find_ci(buf, len, j + 8, "]]>");
		return t->end = e < len ? e + 3 : len;
	}
	if (buf[j] == '!' || buf[j] == '?') {
		const char *gt = memchr(buf + j, '>', len - j);
		return t->end = gt ? (size_t)(gt - buf) + 1 : len;
	}
	if (buf[j] == '/') {
		t->closing = 1;
		j++;
	}
	if (j >= len || !is_alpha(buf[j]))
		return i;
	t->name = j;
	while (j < len && (is_alnum(buf[j]) || buf[j] == '-' || buf[j] == ':'))
		j++;
	t->name_len = j - t->name;
	/* Attributes: up to the '>' outside quotes. */
	for (; j < len; j++) {
		if (q) {
			if (buf[j] == q)
				q = 0;
		} else if (buf[j] == '"' || buf[j] == '\'') {
			if (j > 0 && buf[j - 1] == '=')
				q = buf[j];
			else if (j > 0 && html_space(buf[j - 1])) {
				size_t k = j;
				while (k > t->name && html_space(buf[k - 1]))
					k--;
				if (k > t->name && buf[k - 1] == '=')
					q = buf[j];
			}
		} else if (buf[j] == '>') {
			break;
		}
	}
	t->end = j < len ? j + 1 : len;
	t->kind = element_kind(buf + t->name, t->name_len);
	t->is_void = is_void_element(buf + t->name, t->name_len)
		|| (t->end >= 2 && buf[t->end - 2] == '/');
	return t->end;
}

/* The value of attribute `name` of t: *b, *e its bytes (quotes excluded).
 * 0 when found. */
static int attribute(const char *buf, const tag *t, const char *name, size_t *vb, size_t *ve)
{
	size_t i = t->name + t->name_len, e = t->end > t->start && buf[t->end - 1] == '>' ? t->end - 1 : t->end;

	while (i < e) {
		size_t nb, ne;
		while (i < e && (html_space(buf[i]) || buf[i] == '/'))
			i++;
		nb = i;
		while (i < e && !html_space(buf[i]) && buf[i] != '=' && buf[i] != '>' && buf[i] != '/')
			i++;
		ne = i;
		while (i < e && html_space(buf[i]))
			i++;
		if (i < e && buf[i] == '=') {
			i++;
			while (i < e && html_space(buf[i]))
				i++;
			if (i < e && (buf[i] == '"' || buf[i] == '\'')) {
				const char *q = memchr(buf + i + 1, buf[i], e - i - 1);
				*vb = i + 1;
				*ve = q ? (size_t)(q - buf) : e;
				i = *ve + 1;
			} else {
				*vb = i;
				while (i < e && !html_space(buf[i]))
					i++;
				*ve = i;
			}
		} else {
			*vb = *ve = ne;
		}
		if (ne > nb && same_word(buf + nb, ne - nb, name))
			return 0;
		if (ne == nb)
			i++;
	}
	return -1;
}

static char *attribute_text(const char *buf, const tag *t, const char *name)
{
	size_t b, e;
	return attribute(buf, t, name, &b, &e) == 0 ? decode_plain(buf, b, e) : NULL;
}

/* ---- pass 1: metadata -------------------------------------------------- */

typedef struct page {
	incline_day published;
	int date_rank;
	char *title;
	int title_rank;
	char *source;
	char *url;
	int has_article;
} page;

static void offer_date(page *p, const char *s, size_t n, int rank)
{
	incline_day d;
	if (rank < p->date_rank && incline_article_parse_date(&d, s, n) == 0) {
		p->published = d;
		p->date_rank = rank;
	}
}

static int offer_string(char **slot, char *s)
{
	if (!s)
		return INCLINE_ENOMEM;
	if (*slot || !*s)
		free(s);
	else
		*slot = s;
	return 0;
}

/* "datePublished" (and "headline", a title better than <title>) anywhere
 * in a JSON-LD value (objects, arrays, @graph). */
static int jsonld_date(page *p, json_t *v, int depth)
{
	const char *key;
	json_t *x;
	size_t i;
	int rc = 0;

	if (depth > INCLINE_MAX_JSON_DEPTH)
		return 0;
	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			if (!rc)
				rc = jsonld_date(p, x, depth + 1);
	} else if (json_is_object(v)) {
		x = json_object_get(v, "datePublished");
		if (json_is_string(x))
			offer_date(p, json_string_value(x), json_string_length(x), RANK_JSONLD);
		x = json_object_get(v, "headline");
		if (json_is_string(x) && json_string_length(x) > 0 && p->title_rank > RANK_HEADLINE) {
			char *s = strdup(json_string_value(x));
			if (!s)
				return INCLINE_ENOMEM;
			free(p->title);
			p->title = s;
			p->title_rank = RANK_HEADLINE;
		}
		json_object_foreach(v, key, x)
			if (!rc && (json_is_object(x) || json_is_array(x)))
				rc = jsonld_date(p, x, depth + 1);
	}
	return rc;
}

/* A JSON-LD block, buf[b, e); one that is not JSON is ignored, as
 * browsers do. */
static int jsonld(page *p, const char *buf, size_t b, size_t e)
{
	json_error_t jerr;
	json_t *v;
	int rc;

	if (incline_article_json_too_deep(buf, b, e) < e)
		return 0;
	if (!(v = json_loadb(buf + b, e - b, 0, &jerr)))
		return incline_article_jansson_oom(&jerr) ? INCLINE_ENOMEM : 0;
	rc = jsonld_date(p, v, 0);
	json_decref(v);
	return rc;
}

static int meta_tag(page *p, const char *buf, const tag *t)
{
	static const char *const keys[] = {"property", "name", "itemprop"};
	size_t cb, ce, kb, ke;
	int rc = 0;

	if (attribute(buf, t, "content", &cb, &ce))
		return 0;
	for (size_t k = 0; k < COUNT_OF(keys); k++) {
		if (attribute(buf, t, keys[k], &kb, &ke))
			continue;
		for (size_t m = 0; m < COUNT_OF(metas); m++) {
			if (!same_word(buf + kb, ke - kb, metas[m].name))
				continue;
			switch (metas[m].kind) {
			case META_DATE: offer_date(p, buf + cb, ce - cb, metas[m].rank); break;
			case META_TITLE:
				if (metas[m].rank < p->title_rank) {
					char *s = decode_plain(buf, cb, ce);
					if (!s)
						return INCLINE_ENOMEM;
					if (*s) {
						free(p->title);
						p->title = s;
						p->title_rank = metas[m].rank;
					} else {
						free(s);
					}
				}
				break;
			case META_SOURCE: rc = offer_string(&p->source, decode_plain(buf, cb, ce)); break;
			default: rc = offer_string(&p->url, decode_plain(buf, cb, ce)); break;
			}
		}
	}
	return rc;
}

/* End of a raw-text element's content that starts at i: the "</name". */
static size_t raw_end(const char *buf, size_t len, size_t i, const tag *t)
{
	char close[16] = "</";
	if (t->name_len > sizeof close - 3)
		return len;
	for (size_t k = 0; k < t->name_len; k++)
		close[2 + k] = (char)lower((unsigned char)buf[t->name + k]);
	close[2 + t->name_len] = '\0';
	return find_ci(buf, len, i, close);
}

static int read_meta(page *p, const char *buf, size_t len)
{
	size_t i = 0;
	int rc = 0, seen_time = 0;

	while (!rc && i < len) {
		const char *lt = memchr(buf + i, '<', len - i);
		tag t;
		size_t next;

		if (!lt)
			break;
		i = (size_t)(lt - buf);
		next = read_tag(buf, len, i, &t);
		if (next == i) {
			i++;
			continue;
		}
		i = next;
		if (t.closing || t.name_len == 0)
			continue;
		if (same_word(buf + t.name, t.name_len, "meta")) {
			rc = meta_tag(p, buf, &t);
		} else if (same_word(buf + t.name, t.name_len, "link")) {
			size_t b, e;
			if (attribute(buf, &t, "rel", &b, &e) == 0 && same_word(buf + b, e - b, "canonical")
			    && !p->url)
				rc = offer_string(&p->url, attribute_text(buf, &t, "href"));
		} else if (same_word(buf + t.name, t.name_len, "time") && !seen_time) {
			size_t b, e;
			if (attribute(buf, &t, "datetime", &b, &e) == 0) {
				offer_date(p, buf + b, e - b, RANK_TIME);
				seen_time = 1;
			}
		} else if (same_word(buf + t.name, t.name_len, "article")) {
			p->has_article = 1;
		} else if (t.kind & EL_RAW) {
			size_t e = raw_end(buf, len, i, &t), b, ve;
			if (same_word(buf + t.name, t.name_len, "title") && p->title_rank > RANK_TITLE_TAG) {
				char *s = decode_plain(buf, i, e);
				if (!s)
					return INCLINE_ENOMEM;
				free(p->title);
				p->title = s;
				p->title_rank = RANK_TITLE_TAG;
			} else if (same_word(buf + t.name, t.name_len, "script")
				   && attribute(buf, &t, "type", &b, &ve) == 0
				   && same_word(buf + b, ve - b, "application/ld+json")) {
				rc = jsonld(p, buf, i, e);
			}
			i = e;
		}
	}
	return rc;
}

/* ---- pass 2: text ------------------------------------------------------ */

typedef struct text_state {
	article_text *t;
	const char *buf;
	int brk;           /* pending break: 0, 1 line, 2 paragraph */
	size_t brk_at;     /* the tag that made it */
	size_t brk_len;
	int space;         /* pending space */
	size_t space_at;
	size_t space_len;
} text_state;

static void want_break(text_state *s, const tag *t, int strength)
{
	if (strength > s->brk) {
		s->brk = strength;
		s->brk_at = t->start;
		s->brk_len = t->end - t->start;
	}
}

/* Puts out the pending break or space before a visible character. */
static int flush_gap(text_state *s)
{
	int rc = 0;

	if (s->t->len > 0 && s->brk)
		rc = incline_article_text_decoded(s->t, s->brk_at, s->brk_len, "\n\n", (size_t)s->brk);
	else if (s->t->len > 0 && s->space)
		rc = s->space_len == 1 && s->buf[s->space_at] == ' '
			? incline_article_text_verbatim(s->t, s->space_at, " ", 1)
			: incline_article_text_decoded(s->t, s->space_at, s->space_len, " ", 1);
	s->brk = s->space = 0;
	return rc;
}

static void add_space(text_state *s, size_t at, size_t n)
{
	if (!s->space) {
		s->space = 1;
		s->space_at = at;
		s->space_len = n;
	} else {
		s->space_len = at + n - s->space_at;
	}
}

/* Text between tags, buf[b, e). */
static int add_text(text_state *s, size_t b, size_t e)
{
	const char *buf = s->buf;
	size_t i = b, run = b;
	int rc = 0;

	while (!rc && i < e) {
		unsigned long cp = 0;
		size_t k = 0;

		if (html_space(buf[i]) || (buf[i] == '&' && (k = entity_at(buf, e, i, &cp)) > 0)) {
			if (i > run && !(rc = flush_gap(s)))
				rc = incline_article_text_verbatim(s->t, run, buf + run, i - run);
			if (rc)
				break;
			if (k == 0 || cp == 0xA0) { /* white space, &nbsp; included */
				if (k == 0)
					k = 1;
				add_space(s, i, k);
			} else {
				char u[4];
				size_t m = incline_article_utf8_encode(u, cp);
				if (!(rc = flush_gap(s)))
					rc = incline_article_text_decoded(s->t, i, k, u, m);
			}
			i += k;
			run = i;
			continue;
		}
		i++;
	}
	if (!rc && e > run && !(rc = flush_gap(s)))
		rc = incline_article_text_verbatim(s->t, run, buf + run, e - run);
	return rc;
}

static int read_text(article_text *out, const page *p, const char *buf, size_t len)
{
	text_state s = {out, buf, 0, 0, 0, 0, 0, 0};
	size_t i = 0, skip_depth = 0, skip_name = 0, skip_len = 0, article_depth = 0;
	int rc = 0;

	while (!rc && i < len) {
		const char *lt = memchr(buf + i, '<', len - i);
		size_t at = lt ? (size_t)(lt - buf) : len, next;
		int in_scope = !p->has_article || article_depth > 0;
		tag t;

		if (at > i && skip_depth == 0 && in_scope)
			rc = add_text(&s, i, at);
		if (rc || at >= len)
			break;
		next = read_tag(buf, len, at, &t);
		if (next == at) { /* a '<' that is text */
			if (skip_depth == 0 && in_scope)
				rc = add_text(&s, at, at + 1);
			i = at + 1;
			continue;
		}
		i = next;
		if (t.name_len == 0)
			continue;
		if (skip_depth > 0) {
			/* Inside skipped content: only its own nesting counts. */
			if (t.name_len == skip_len && memcmp(buf + t.name, buf + skip_name, skip_len) == 0
			    && !t.is_void)
			{
				if (t.closing)
					skip_depth--;
				else
					skip_depth++;
			}
			if (!t.closing && (t.kind & EL_RAW))
				i = raw_end(buf, len, i, &t);
			continue;
		}
		if (same_word(buf + t.name, t.name_len, "article")) {
			if (t.closing)
				article_depth -= article_depth > 0;
			else
				article_depth++;
		}
		if (!t.closing && (t.kind & EL_RAW)) {
			i = raw_end(buf, len, i, &t);
			continue;
		}
		if (!t.closing && !t.is_void
		    && ((t.kind & EL_SKIP) || ((t.kind & EL_CHROME) && article_depth == 0))) {
			skip_depth = 1;
			skip_name = t.name;
			skip_len = t.name_len;
		}
		if (t.kind & (EL_BLOCK | EL_CHROME))
			want_break(&s, &t, 2);
		else if (t.kind & EL_LINE)
			want_break(&s, &t, 1);
	}
	return rc;
}

int incline_article_read_html(article_reader *r, incline_error *err)
{
	page p = {INCLINE_DAY_NONE, RANK_NONE, NULL, RANK_NONE, NULL, NULL, 0};
	article_text body = {0};
	article_record rec;
	int rc;

	incline_article_record_init(&rec, 0, r->len);
	rc = read_meta(&p, r->buf, r->len);
	if (!rc)
		rc = read_text(&body, &p, r->buf, r->len);
	if (rc) {
		incline_article_text_clear(&body);
		free(p.title);
		free(p.source);
		free(p.url);
		return incline_error_set(err, rc, r->path, 0, 0, "out of memory");
	}
	rec.has_text = body.len > 0;
	rec.text = body;
	rec.published = p.published;
	rec.title = p.title;
	rec.source = p.source;
	rec.url = p.url;
	if (rec.published == INCLINE_DAY_NONE && !(r->opts && r->opts->ref_date != INCLINE_DAY_NONE)) {
		incline_article_record_clear(&rec);
		return incline_error_set(err, INCLINE_ENODATE, r->path, 1, 1,
					 "no publication date (no article:published_time meta, "
					 "JSON-LD datePublished or <time datetime>; pass --ref-date)");
	}
	return incline_article_reader_finish(r, &rec, 1, 0, err);
}
