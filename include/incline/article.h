/* Article readers: bytes in (text, JSON/NDJSON, HTML, CSV, gzip), articles
 * with publication date, source and id out. Every offset reported later
 * points into the file as on disk (see "Offsets" below). */
#ifndef INCLINE_ARTICLE_H
#define INCLINE_ARTICLE_H

#include <stddef.h>

#include "incline/date.h"
#include "incline/error.h"
#include "incline/text.h"

/* Where the decoded text of a JSON, HTML or CSV article came from in its
 * file (opaque; owned by the article). */
typedef struct incline_offset_map incline_offset_map;

/* One article. All strings are owned by the article (freed with it);
 * source, url and title may be NULL.
 *
 * Offsets: analysis runs on bytes, at offsets base + index. For a text
 * file bytes are the file itself (map NULL), so those are file offsets.
 * For JSON, HTML and CSV the text is decoded (escapes, entities, tags
 * removed); map is then non-NULL and incline_article_file_span takes an
 * offset into bytes back to the file, and raw holds the file bytes the
 * record came from, so a span can be shown as it is on disk. */
typedef struct incline_article {
	char *id;        /* the path as given; "PATH#ID" for a record of a file
			    holding several (ID = its "id" field, else its
			    1-based number) */
	char *path;      /* file it came from ("-" for stdin) */
	char *source;    /* outlet, from the header; NULL when unknown */
	char *url;
	char *title;
	incline_day published; /* INCLINE_DAY_NONE when the input had none */
	char *bytes;     /* the text: as on disk for a text file, decoded for
			    the others (not NUL-terminated) */
	size_t len;
	size_t base;     /* offset of bytes[0] in the file */
	incline_span body; /* the part to analyse (header excluded), offsets
			      into bytes */
	incline_offset_map *map; /* NULL: bytes are the file's own bytes */
	char *raw;       /* with map: the record's bytes as in the file */
	size_t raw_len;
	size_t raw_base; /* offset of raw[0] in the file */
} incline_article;

/* Articles in the order they were read. Zeroed = empty. Owned by its
 * declarer; release with incline_article_list_free. */
typedef struct incline_article_list {
	incline_article **items;
	size_t n;
	size_t cap;
} incline_article_list;

/* Input formats; AUTO picks one per file from its name and first bytes. */
typedef enum incline_input_format {
	INCLINE_INPUT_AUTO = 0,
	INCLINE_INPUT_TEXT,
	INCLINE_INPUT_JSON,
	INCLINE_INPUT_NDJSON,
	INCLINE_INPUT_HTML,
	INCLINE_INPUT_CSV
} incline_input_format;

/* Called for a record a multi-record file (JSON, NDJSON, CSV) cannot turn
 * into an article (no text, no date, wrong types). err names the file,
 * line and column (borrowed, valid during the call). Return 0 to skip the
 * record and go on, or an INCLINE_E* code to stop reading with it. */
typedef int (*incline_record_error_fn)(const incline_error *err, void *payload);

/* Options of the readers. */
typedef struct incline_read_opts {
	incline_day ref_date;  /* used when an article has no date of its
				  own; INCLINE_DAY_NONE = none */
	int ref_overrides;     /* nonzero: ref_date wins over the article's
				  own date (for `incline dates --ref-date`) */
	size_t max_bytes;      /* 0 = INCLINE_MAX_ARTICLE_BYTES; also bounds a
				  gzip file's decompressed size */
	incline_input_format format; /* AUTO (0) = detect per file */
	incline_record_error_fn on_record_error; /* NULL: a bad record is
						   the error of the read */
	void *payload;         /* for on_record_error */
} incline_read_opts;

/* Parses one text article from buf[0..len) (copied), named path. Accepts
 * the seed format (first line " date YYYY-MM-DD <title>"), a front-matter
 * header (--- / date: / source: / url: / title: / ---) and bare text.
 * An article without a date and no opts->ref_date is INCLINE_ENODATE.
 * On success *out is a new article (incline_article_free); on failure
 * *out = NULL and err names the file, line and column. */
int incline_article_parse(incline_article **out, const char *path,
			  const char *buf, size_t len,
			  const incline_read_opts *opts, incline_error *err);

/* Reads path ("-" = stdin) and appends its article(s) to *list. A
 * directory is walked recursively in sorted order. A gzip file (".gz" or
 * its magic bytes) is decompressed first; its offsets are then offsets
 * into the decompressed bytes. The format is opts->format, or detected:
 * by extension (.txt .md text; .json; .ndjson .jsonl; .html .htm .xhtml;
 * .csv), else by the first non-space byte ('<' HTML, '{' or '[' JSON,
 * else text); a JSON file of one object per line is NDJSON. Returns 0 or
 * an INCLINE_E* code with err filled; articles read before the error stay
 * in the list. */
int incline_article_read(incline_article_list *list, const char *path,
			 const incline_read_opts *opts, incline_error *err);

/* Receives each article as soon as it is read and takes it (frees it with
 * incline_article_free, even when it fails). Returns 0 to go on or an
 * INCLINE_E* code to stop. */
typedef int (*incline_article_fn)(incline_article *a, void *payload,
				  incline_error *err);

/* Reads path like incline_article_read but hands each article to fn
 * instead of keeping it, so a caller that is done with one article before
 * the next holds only one in memory (streaming). Returns 0, the reader's
 * INCLINE_E* code, or fn's code as is. */
int incline_article_each(const char *path, const incline_read_opts *opts,
			 incline_article_fn fn, void *payload, incline_error *err);

/* Parses buf[0..len) (borrowed; the whole file, decompressed) in the given
 * format (AUTO detects from path's extension and the bytes) and appends
 * its articles to *list, as incline_article_read does for a file. */
int incline_article_parse_buffer(incline_article_list *list, const char *path,
				 const char *buf, size_t len,
				 const incline_read_opts *opts,
				 incline_error *err);

/* The format path's extension names (".gz" aside), as AUTO detection
 * reads it; AUTO when the extension says nothing. */
incline_input_format incline_input_format_of_path(const char *path);

/* The format name ("json", ...) and back (-1 for an unknown name). */
const char *incline_input_format_name(incline_input_format f);
int incline_input_format_from_name(const char *name);

/* Turns [*start, *end), offsets into a->bytes plus a->base, into the byte
 * span in the file that holds that text: identity for text files; for
 * decoded text, an escape or entity is taken whole (a span ending inside
 * "\u00e9" ends after it), and the result always lies inside the file. */
void incline_article_file_span(const incline_article *a, size_t *start, size_t *end);

/* A shallow view of a whose bytes are the raw file bytes (raw, raw_len,
 * raw_base) so spans mapped with incline_article_file_span can be read
 * back from it; for a text file, a copy of a. Borrowed: never free *out. */
void incline_article_file_view(incline_article *out, const incline_article *a);

void incline_article_free(incline_article *a);
void incline_article_list_free(incline_article_list *list);

#endif
