/* Shared inside the article readers (article.c, article_map.c,
 * article_json.c, article_csv.c, article_html.c): the field-name table,
 * decoded text with its offset map, and the record-to-article step that
 * applies the reading rules (text and date required, ids, --ref-date). */
#ifndef INCLINE_ARTICLE_PRIVATE_H
#define INCLINE_ARTICLE_PRIVATE_H

#include <stdarg.h>
#include <stddef.h>

#include <jansson.h>

#include "incline/article.h"

/* The fields an article record may name. */
typedef enum article_field {
	ARTICLE_FIELD_TEXT = 0,
	ARTICLE_FIELD_TITLE,
	ARTICLE_FIELD_DATE,
	ARTICLE_FIELD_SOURCE,
	ARTICLE_FIELD_URL,
	ARTICLE_FIELD_ID,
	ARTICLE_FIELD_COUNT
} article_field;

/* The field a record key names (name[0..len), exact spelling, or ASCII
 * case-insensitive when fold is nonzero, for CSV headers), or -1. *rank
 * orders synonyms: when a record has two (say "text" and "body"), the
 * lower rank wins. */
int incline_article_field_lookup(const char *name, size_t len, int fold, int *rank);

/* The key of rank `rank` ("body"). Static. */
const char *incline_article_field_key(int rank);

/* The field's synonyms, for messages ("text, body, content or maintext").
 * Static. */
const char *incline_article_field_names(article_field f);

/* Sets *out from a value that starts with YYYY-MM-DD: a date, or a
 * datetime ("2023-09-19T08:00:00Z", "2023-09-19 08:00"), whose date part
 * is taken. Spaces around are ignored. 0 or INCLINE_EINVAL. */
int incline_article_parse_date(incline_day *out, const char *s, size_t len);

/* Decoded text under construction: bytes plus the map back to the file.
 * Zeroed = empty. */
typedef struct article_text {
	char *bytes;
	size_t len;
	size_t cap;
	incline_offset_map *map;
} article_text;

/* Appends s[0..n), which is the file's own bytes at file_off. */
int incline_article_text_verbatim(article_text *t, size_t file_off, const char *s, size_t n);

/* Appends s[0..n) (n may be 0), decoded from the file_len bytes at
 * file_off (an escape, an entity, a tag standing for a break, a run of
 * white space). */
int incline_article_text_decoded(article_text *t, size_t file_off, size_t file_len,
				 const char *s, size_t n);

/* Appends src (its map too) to dst. */
int incline_article_text_append(article_text *dst, const article_text *src);

/* Frees what t holds; t is empty afterwards. */
void incline_article_text_clear(article_text *t);

void incline_offset_map_free(incline_offset_map *m);

/* File offsets of a start offset and of an exclusive end offset into the
 * decoded text. */
size_t incline_offset_map_start(const incline_offset_map *m, size_t off);
size_t incline_offset_map_end(const incline_offset_map *m, size_t off);

/* One read of one file. */
typedef struct article_reader {
	incline_article_fn fn;          /* takes each article */
	void *payload;                  /* for fn */
	const incline_read_opts *opts;  /* borrowed, may be NULL */
	const char *path;               /* the file as named */
	const char *buf;                /* borrowed: the whole file */
	size_t len;
	/* Line and column of byte `mark`, where the last record error was:
	 * errors come in file order, so counting on from there keeps many
	 * bad records linear. line 0 = not yet known. */
	size_t mark;
	int mark_line;
	int mark_column;
} article_reader;

/* What a reader found in one record. Strings owned (NULL = absent). */
typedef struct article_record {
	article_text text;     /* decoded text (title first), with its map */
	int has_text;          /* a text field was present */
	char *title;
	char *source;
	char *url;
	char *id;
	incline_day published; /* INCLINE_DAY_NONE when absent */
	size_t start;          /* the record's bytes in the file */
	size_t end;
} article_record;

/* An empty record spanning [start, end) of the file. */
void incline_article_record_init(article_record *rec, size_t start, size_t end);
void incline_article_record_clear(article_record *rec);

/* Puts title (decoded, with its map) before body as the first paragraph,
 * unless body already starts with it, into rec->text. Takes both (they
 * are cleared). */
int incline_article_record_set_text(article_record *rec, article_text *title,
				    article_text *body);

/* Turns rec into an article handed to r->fn (rec is cleared either
 * way). number is the record's 1-based number in its file; multi is
 * nonzero when the file may hold several records (ids are then
 * "PATH#ID"). A record without text, or without a date when there is no
 * --ref-date, is a record error. Returns 0 (added or skipped), or a code
 * (fn's as is). */
int incline_article_reader_finish(article_reader *r, article_record *rec, size_t number,
				  int multi, incline_error *err);

/* A record that cannot be read, at byte offset `at` of the file: handed to
 * opts->on_record_error when there is one (then its answer is returned,
 * 0 = skip the record), else recorded in err and returned. */
int incline_article_record_error(article_reader *r, incline_error *err, int code, size_t at,
				 const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 5, 6)))
#endif
	;

/* The readers, each on r->buf[0..r->len). */
int incline_article_read_json(article_reader *r, int ndjson, incline_error *err);
int incline_article_read_csv(article_reader *r, incline_error *err);
int incline_article_read_html(article_reader *r, incline_error *err);

/* Where buf[b, e) nests arrays and objects deeper than
 * INCLINE_MAX_JSON_DEPTH, or e when it does not. */
size_t incline_article_json_too_deep(const char *buf, size_t b, size_t e);

/* Whether jansson failed for want of memory: it says so with
 * json_error_out_of_memory, or, when its very first allocation fails,
 * with no message at all (every parse error has one). */
static inline int incline_article_jansson_oom(const json_error_t *e)
{
	return json_error_code(e) == json_error_out_of_memory || e->text[0] == '\0';
}

/* Decompresses a gzip buffer into *out (new, free()) of at most max bytes;
 * more is INCLINE_ELIMIT, a corrupt stream INCLINE_EINVAL. */
int incline_article_gunzip(char **out, size_t *out_len, const char *path, const char *buf,
			   size_t len, size_t max, incline_error *err);

/* Appends the UTF-8 encoding of cp (U+FFFD for a surrogate or a value
 * beyond U+10FFFF) to out (room for 4 bytes); returns its length. */
size_t incline_article_utf8_encode(char *out, unsigned long cp);

#endif
