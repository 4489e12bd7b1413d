/* Compact JSON text of a jansson tree, byte-identical to
 * json_dump_callback(v, ..., JSON_COMPACT) for the trees the emitters
 * build (test_emit_compact.c checks it against jansson on hostile
 * strings). Why it exists: jansson's dumper calls back once per token and
 * guards against cycles with an snprintf("%p") and a hash insert and
 * delete per object and array; for NDJSON lines that was a quarter of
 * `incline extract` (perf, 10 MB corpus). The trees are still built with
 * jansson, so every string in them is valid UTF-8 and only '"', '\\' and
 * control bytes need escaping; no JSON_ENSURE_ASCII, no JSON_ESCAPE_SLASH. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/error.h"
#include "emit_private.h"

/* Deeper than any tree an emitter builds; a deeper (or cyclic) tree is
 * refused like jansson refuses a cycle. */
#define COMPACT_MAX_DEPTH 64

/* Bytes that must be escaped in a JSON string: controls, '"', '\\'. */
static const unsigned char must_escape[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* '"' */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, /* '\\' */
};

/* Appends s[0..n); the common case (room left) without a call. */
static int put(incline_emit_buf *b, const char *s, size_t n)
{
	if (b->cap - b->len > n) {
		memcpy(b->data + b->len, s, n);
		b->len += n;
		b->data[b->len] = '\0';
		return 0;
	}
	return incline_emit_buf_add(b, s, n);
}

static int add_string(incline_emit_buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t run = 0, i = 0;
	int rc = put(b, "\"", 1);

	while (!rc) {
		while (i < len && !must_escape[(unsigned char)s[i]])
			i++;
		rc = put(b, s + run, i - run);
		if (rc || i == len)
			break;
		unsigned char c = (unsigned char)s[i];
		char esc[6] = {'\\', 0, '0', '0', 0, 0};
		size_t n = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		default:
			esc[1] = 'u';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			n = 6;
		}
		rc = put(b, esc, n);
		run = ++i;
	}
	return rc ? rc : put(b, "\"", 1);
}

/* The decimal text of v, as "%" JSON_INTEGER_FORMAT prints it. */
static int add_integer(incline_emit_buf *b, json_int_t v)
{
	char num[24], *p = num + sizeof num;
	/* unsigned arithmetic: -v of the smallest value would overflow */
	unsigned long long u = v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v;

	do
		*--p = (char)('0' + u % 10);
	while (u /= 10);
	if (v < 0)
		*--p = '-';
	return put(b, p, (size_t)(num + sizeof num - p));
}

static int add_value(incline_emit_buf *b, const json_t *v, int depth)
{
	int rc = 0;

	if (!v || depth > COMPACT_MAX_DEPTH)
		return INCLINE_EINVAL;
	switch (json_typeof(v)) {
	case JSON_NULL: return put(b, "null", 4);
	case JSON_TRUE: return put(b, "true", 4);
	case JSON_FALSE: return put(b, "false", 5);
	case JSON_INTEGER:
		return add_integer(b, json_integer_value(v));
	case JSON_STRING:
		return add_string(b, json_string_value(v), json_string_length(v));
	case JSON_ARRAY:
		rc = put(b, "[", 1);
		for (size_t i = 0; !rc && i < json_array_size(v); i++) {
			if (i)
				rc = put(b, ",", 1);
			if (!rc)
				rc = add_value(b, json_array_get(v, i), depth + 1);
		}
		return rc ? rc : put(b, "]", 1);
	case JSON_OBJECT:
		rc = put(b, "{", 1);
		/* insertion order, as jansson dumps without JSON_SORT_KEYS */
		for (void *it = json_object_iter((json_t *)v); !rc && it;) {
			void *next = json_object_iter_next((json_t *)v, it);
			rc = add_string(b, json_object_iter_key(it), json_object_iter_key_len(it));
			if (!rc)
				rc = put(b, ":", 1);
			if (!rc)
				rc = add_value(b, json_object_iter_value(it), depth + 1);
			if (!rc && next)
				rc = put(b, ",", 1);
			it = next;
		}
		return rc ? rc : put(b, "}", 1);
	default: {
		/* reals: rare here; jansson's own formatting keeps them exact */
		char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		if (!s)
			return INCLINE_ENOMEM;
		rc = put(b, s, strlen(s));
		free(s);
		return rc;
	}
	}
}

int incline_emit_buf_add_json(incline_emit_buf *b, const json_t *v)
{
	return add_value(b, v, 0);
}
