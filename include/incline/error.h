/* Error codes and the caller-allocated error record (modelled on json_error_t). */
#ifndef INCLINE_ERROR_H
#define INCLINE_ERROR_H

#include <stddef.h>
#include <stdint.h>

#include "incline/limits.h"

/* Functions that can fail return 0 or one of these (negative). */
enum {
	INCLINE_OK = 0,
	INCLINE_ENOMEM = -1,  /* out of memory */
	INCLINE_EIO = -2,     /* a file could not be read or written */
	INCLINE_EINVAL = -3,  /* malformed input data */
	INCLINE_ENODATE = -4, /* no publication date and no reference date */
	INCLINE_ELIMIT = -5,  /* input exceeds a limit from limits.h */
	INCLINE_EUSAGE = -6   /* bad argument from the caller */
};

/* Where and why. Caller-allocated (usually on the stack) and passed by
 * pointer to every function that can fail; it holds no pointers, so it
 * needs no freeing. line/column are 1-based (0 = unknown), columns count
 * characters; offset is a byte offset into the file (or -1 when unknown);
 * file and text are truncated to fit. */
typedef struct incline_error {
	int code;
	int line;
	int column;
	int64_t offset;
	char file[INCLINE_ERROR_PATH_LENGTH];
	char text[INCLINE_ERROR_TEXT_LENGTH];
} incline_error;

/* Resets err (NULL allowed) to "no error". */
void incline_error_clear(incline_error *err);

/* Records the first error only: a later call on an already-set err changes
 * nothing. file may be NULL. Never allocates. Returns code, so callers can
 * write `return incline_error_set(err, INCLINE_EINVAL, ...);`. */
int incline_error_set(incline_error *err, int code, const char *file,
		      int line, int column, const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 6, 7)))
#endif
	;

/* Like incline_error_set, with line and column computed from a byte offset
 * into buf[0..len) (the whole file, borrowed; need not be NUL-terminated);
 * an offset past len counts as len. */
int incline_error_at(incline_error *err, int code, const char *file,
		     const char *buf, size_t len, size_t offset,
		     const char *fmt, ...)
#if defined(__GNUC__)
	__attribute__((format(printf, 7, 8)))
#endif
	;

/* Static text naming a code ("out of memory", ...; "unknown error" for a
 * code not listed above). Never NULL, never to be freed. */
const char *incline_error_name(int code);

#endif
