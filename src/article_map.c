/* Decoded article text and the map from its offsets back to the file.
 *
 * A JSON string, an HTML page or a CSV field is not its text: escapes,
 * entities, quotes and tags stand between the two. The readers build the
 * text piece by piece, each piece either copied from the file (verbatim:
 * offsets map one to one) or decoded from a run of file bytes (an escape,
 * an entity, a tag standing for a paragraph break): a span that starts
 * inside such a piece starts at the run, a span that ends inside it ends
 * after the run. So every evidence span maps to the bytes a reader of the
 * file would point at. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "article_private.h"
#include "array.h"

/* One piece: text[text, text + text_len) came from file[file, file +
 * file_len). Equal lengths map one to one; pieces are contiguous and in
 * text order. */
typedef struct map_seg {
	size_t text;
	size_t file;
	size_t text_len;
	size_t file_len;
} map_seg;

struct incline_offset_map {
	map_seg *segs;
	size_t n;
	size_t cap;
};

void incline_offset_map_free(incline_offset_map *m)
{
	if (!m)
		return;
	free(m->segs);
	free(m);
}

/* Index of the piece holding text offset off (the last one for an offset
 * at or past the end). m has at least one piece. */
static size_t seg_index(const incline_offset_map *m, size_t off)
{
	size_t lo = 0, hi = m->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->segs[mid].text <= off)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

size_t incline_offset_map_start(const incline_offset_map *m, size_t off)
{
	const map_seg *s;

	if (!m || m->n == 0)
		return off;
	s = &m->segs[seg_index(m, off)];
	if (off >= s->text + s->text_len)
		return s->file + s->file_len;
	if (s->text_len == s->file_len)
		return s->file + (off - s->text);
	return s->file;
}

size_t incline_offset_map_end(const incline_offset_map *m, size_t off)
{
	const map_seg *s;

	if (!m || m->n == 0)
		return off;
	if (off == 0)
		return incline_offset_map_start(m, 0);
	s = &m->segs[seg_index(m, off - 1)];
	if (off - 1 >= s->text + s->text_len)
		return s->file + s->file_len;
	if (s->text_len == s->file_len)
		return s->file + (off - s->text);
	return s->file + s->file_len;
}

static int text_put(article_text *t, const char *s, size_t n)
{
	void *p = t->bytes;
	int rc;

	if (n == 0)
		return 0;
	if (n > SIZE_MAX - t->len - 1)
		return INCLINE_ENOMEM;
	rc = incline_array_reserve(&p, &t->cap, t->len + n + 1, 1);
	t->bytes = p;
	if (rc)
		return rc;
	memcpy(t->bytes + t->len, s, n);
	t->len += n;
	t->bytes[t->len] = '\0';
	return 0;
}

static int map_put(article_text *t, size_t file_off, size_t file_len, size_t text_len)
{
	incline_offset_map *m = t->map;
	map_seg *last;
	void *p;

	if (text_len == 0)
		return 0; /* a piece that left no text maps nothing */
	if (!m && !(m = t->map = calloc(1, sizeof *m)))
		return INCLINE_ENOMEM;
	last = m->n ? &m->segs[m->n - 1] : NULL;
	/* Verbatim pieces that continue each other in both spaces are one. */
	if (last && text_len == file_len && last->text_len == last->file_len
	    && last->file + last->file_len == file_off) {
		last->text_len += text_len;
		last->file_len += file_len;
		return 0;
	}
	p = m->segs;
	if (incline_array_reserve(&p, &m->cap, m->n + 1, sizeof *m->segs))
		return INCLINE_ENOMEM;
	m->segs = p;
	m->segs[m->n++] = (map_seg){t->len, file_off, text_len, file_len};
	return 0;
}

int incline_article_text_verbatim(article_text *t, size_t file_off, const char *s, size_t n)
{
	int rc = map_put(t, file_off, n, n);
	return rc ? rc : text_put(t, s, n);
}

int incline_article_text_decoded(article_text *t, size_t file_off, size_t file_len,
				 const char *s, size_t n)
{
	/* A decoded piece as long as its source must not pass for verbatim
	 * ("\n" for a one-byte tag would then map byte for byte, which is
	 * also right, so only the rare unequal case matters). */
	int rc = map_put(t, file_off, file_len, n);
	return rc ? rc : text_put(t, s, n);
}

int incline_article_text_append(article_text *dst, const article_text *src)
{
	if (!src->map)
		return src->len ? INCLINE_EINVAL : 0;
	for (size_t i = 0; i < src->map->n; i++) {
		const map_seg *s = &src->map->segs[i];
		int rc = map_put(dst, s->file, s->file_len, s->text_len);
		if (!rc)
			rc = text_put(dst, src->bytes + s->text, s->text_len);
		if (rc)
			return rc;
	}
	return 0;
}

void incline_article_text_clear(article_text *t)
{
	free(t->bytes);
	incline_offset_map_free(t->map);
	memset(t, 0, sizeof *t);
}

size_t incline_article_utf8_encode(char *out, unsigned long cp)
{
	if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
		cp = 0xFFFD;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}
