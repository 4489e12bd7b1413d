/* The error record: first error wins, filling it never allocates. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "incline/error.h"

void incline_error_clear(incline_error *err)
{
	if (!err)
		return;
	memset(err, 0, sizeof *err);
	err->offset = -1;
}

static int error_vset(incline_error *err, int code, const char *file,
		      int line, int column, int64_t offset, const char *fmt,
		      va_list ap)
{
	if (!err || err->code != INCLINE_OK)
		return code;
	err->code = code;
	err->line = line;
	err->column = column;
	err->offset = offset;
	snprintf(err->file, sizeof err->file, "%s", file ? file : "");
	vsnprintf(err->text, sizeof err->text, fmt, ap);
	return code;
}

int incline_error_set(incline_error *err, int code, const char *file,
		      int line, int column, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	error_vset(err, code, file, line, column, -1, fmt, ap);
	va_end(ap);
	return code;
}

int incline_error_at(incline_error *err, int code, const char *file,
		     const char *buf, size_t len, size_t offset,
		     const char *fmt, ...)
{
	int line = 1, column = 1;
	va_list ap;

	if (offset > len)
		offset = len;
	for (size_t i = 0; i < offset; i++) {
		if (buf[i] == '\n') {
			line++;
			column = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			column++; /* columns count characters, not bytes */
		}
	}
	va_start(ap, fmt);
	error_vset(err, code, file, line, column, (int64_t)offset, fmt, ap);
	va_end(ap);
	return code;
}

const char *incline_error_name(int code)
{
	/* Indexed by -code (error.h numbers the codes 0, -1, -2, ...). */
	static const char *const names[] = {
		[-INCLINE_OK] = "no error",
		[-INCLINE_ENOMEM] = "out of memory",
		[-INCLINE_EIO] = "input/output error",
		[-INCLINE_EINVAL] = "invalid input",
		[-INCLINE_ENODATE] = "no publication date",
		[-INCLINE_ELIMIT] = "input too large",
		[-INCLINE_EUSAGE] = "bad usage",
	};

	if (code > 0 || code < -(int)(sizeof names / sizeof *names) + 1)
		return "unknown error";
	return names[-code];
}
