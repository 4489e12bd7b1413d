/* Helpers shared by the emit_* files only (not public API). */
#ifndef INCLINE_EMIT_PRIVATE_H
#define INCLINE_EMIT_PRIVATE_H

#include <stddef.h>

/* A growable byte string; zeroed = empty. Owned by its declarer; release
 * with incline_emit_buf_free. data is NUL-terminated once anything has
 * been added. */
typedef struct incline_emit_buf {
	char *data;
	size_t len;
	size_t cap;
} incline_emit_buf;

/* Empties b, keeping its memory for the next cell or string. */
void incline_emit_buf_reset(incline_emit_buf *b);
void incline_emit_buf_free(incline_emit_buf *b);

/* Appends s[0..len) as is. Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add(incline_emit_buf *b, const char *s, size_t len);

/* Appends s[0..len) with every invalid UTF-8 sequence replaced by U+FFFD,
 * so JSON encoders and spreadsheets always get valid text (the article
 * bytes themselves are never changed). Returns 0 or INCLINE_ENOMEM. */
int incline_emit_buf_add_utf8(incline_emit_buf *b, const char *s, size_t len);

#endif
