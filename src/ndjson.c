/* See ndjson_private.h: jansson dumps into a reused buffer. */
#include <string.h>

#include "incline/error.h"
#include "ndjson_private.h"

/* jansson calls this for every token (a quote, a key, a comma: about a
 * hundred times per record), so the common case, room in the buffer, is
 * a plain copy. */
static int append(const char *buf, size_t size, void *payload)
{
	incline_emit_buf *b = payload;

	if (size < b->cap - b->len) {
		memcpy(b->data + b->len, buf, size);
		b->len += size;
		return 0;
	}
	return incline_emit_buf_add(b, buf, size) ? -1 : 0;
}

int incline_ndjson_dump(incline_emit_buf *b, const json_t *v, size_t flags)
{
	size_t len = b->len;

	if (json_dump_callback(v, append, b, flags) != 0
	    || incline_emit_buf_add(b, "\n", 1) != 0) {
		b->len = len;
		if (b->data)
			b->data[len] = '\0';
		return INCLINE_ENOMEM;
	}
	return 0;
}
