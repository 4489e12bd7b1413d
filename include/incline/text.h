/* Text handling shared by every stage: UTF-8 with exact byte offsets,
 * normalisation for matching (the original bytes are never changed),
 * sentence splitting and word tokens. */
#ifndef INCLINE_TEXT_H
#define INCLINE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "incline/error.h"

/* A byte range [start, end) into an article's bytes. */
typedef struct incline_span {
	size_t start;
	size_t end;
} incline_span;

/* A growable array of spans. Owned by whoever declared it; release with
 * incline_span_list_free. A zeroed struct is an empty list. */
typedef struct incline_span_list {
	incline_span *items;
	size_t n;
	size_t cap;
} incline_span_list;

/* Appends (start, end). Returns 0 or INCLINE_ENOMEM. */
int incline_span_list_push(incline_span_list *list, size_t start, size_t end);
void incline_span_list_free(incline_span_list *list);

/* Decodes one code point at s[0..len). Sets *cp (U+FFFD for an invalid,
 * overlong, surrogate or truncated sequence) and returns the bytes consumed
 * (>= 1 whenever len > 0, so a loop always advances; 0 only for len == 0). */
size_t incline_text_decode(uint32_t *cp, const char *s, size_t len);

/* Byte offset of the first invalid UTF-8 sequence in s, or len when s is
 * valid UTF-8 (overlong forms and surrogates are invalid). */
size_t incline_text_utf8_check(const char *s, size_t len);

/* The 1-based line and column (counted in code points, an invalid byte
 * counting as one) of byte offset off in s[0..len), for messages such as
 * "FILE:3:17: invalid UTF-8". off > len is clamped to len. */
void incline_text_position(int *line, int *column, const char *s, size_t len, size_t off);

/* Folding context: opened once, used for many strings; reentrant per
 * context (one per thread). */
typedef struct incline_folder incline_folder;

/* New folder in *out (caller frees with incline_text_folder_free). On
 * failure *out = NULL and err says why. */
int incline_text_folder_new(incline_folder **out, incline_error *err);
void incline_text_folder_free(incline_folder *f);

/* The matching key of s[0..len): NFKC case folding, curly quotes and
 * dashes made ASCII, look-alike letters folded to their Latin skeleton
 * (UTS #39; Cyrillic "IСС" becomes "icc"), invalid bytes as U+FFFD.
 * *out is a new NUL-terminated string the caller frees with free();
 * *out_len its length. Returns 0 or INCLINE_ENOMEM / INCLINE_EINVAL. */
int incline_text_fold(char **out, size_t *out_len, incline_folder *f,
		      const char *s, size_t len);

/* incline_text_fold into caller memory: appends the key of s[0..len) and
 * a NUL to *buf[*buf_len..] (grown with realloc; *cap is its size), so
 * folding every word of a sentence costs no allocation per word. On
 * failure nothing is appended; *buf stays the caller's to free either way.
 * Returns 0 or INCLINE_ENOMEM / INCLINE_EINVAL. */
int incline_text_fold_append(char **buf, size_t *buf_len, size_t *cap,
			     incline_folder *f, const char *s, size_t len);

/* Splits text[0..len) into sentences, appending their spans (trimmed of
 * surrounding white space) to *out. base is added to every offset.
 * Handles abbreviations ("Sept.", "U.S.", "No. 3"), closing quotes with a
 * missing space after them, ellipses, headlines and blank-line paragraph
 * breaks, list items, embedded tweet signatures and URLs.
 * Returns 0 or INCLINE_ENOMEM. */
int incline_text_sentences(incline_span_list *out, const char *text,
			   size_t len, size_t base);

/* true when a blank line (paragraph break) lies in text[from, to). */
bool incline_text_paragraph_break(const char *text, size_t from, size_t to);

/* Appends the spans of the word tokens (letters and digits, with inner
 * apostrophes and hyphens) of s[0..len) to *out. Returns 0 or
 * INCLINE_ENOMEM. */
int incline_text_words(incline_span_list *out, const char *s, size_t len);

#endif
