/* Byte buffer and UTF-8 repair shared by the JSON and CSV emitters. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/error.h"
#include "incline/text.h"
#include "emit_private.h"

void incline_emit_buf_reset(incline_emit_buf *b)
{
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

void incline_emit_buf_free(incline_emit_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof *b);
}

int incline_emit_buf_add(incline_emit_buf *b, const char *s, size_t len)
{
	if (len >= SIZE_MAX - b->len)
		return INCLINE_ENOMEM;
	if (b->len + len + 1 > b->cap) {
		size_t want = b->cap ? b->cap : 64;
		char *p;

		while (want < b->len + len + 1) {
			if (want > SIZE_MAX / 2)
				return INCLINE_ENOMEM;
			want *= 2;
		}
		p = realloc(b->data, want);
		if (!p)
			return INCLINE_ENOMEM;
		b->data = p;
		b->cap = want;
	}
	if (len)
		memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
	return 0;
}

int incline_emit_buf_add_utf8(incline_emit_buf *b, const char *s, size_t len)
{
	static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */
	size_t i = 0;

	/* Valid text (nearly all of it) is copied in one piece. */
	if (incline_text_utf8_check(s, len) == len)
		return incline_emit_buf_add(b, s, len);
	while (i < len) {
		uint32_t cp;
		size_t n = incline_text_decode(&cp, s + i, len - i);
		int rc;

		/* decode reports U+FFFD both for an invalid sequence and
		 * for a real, encoded U+FFFD; only the latter is kept. */
		if (cp == 0xFFFD && !(n == 3 && memcmp(s + i, replacement, 3) == 0))
			rc = incline_emit_buf_add(b, replacement, 3);
		else
			rc = incline_emit_buf_add(b, s + i, n);
		if (rc)
			return rc;
		i += n;
	}
	return 0;
}
