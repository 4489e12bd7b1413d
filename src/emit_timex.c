/* The NDJSON of `incline dates`: one object per date expression, keys in
 * this order: article, start, end, text, type, value, mod, earliest,
 * latest, granularity, anchor (JSON_COMPACT, UTF-8 out, "\n" after each).
 *
 * A dates run writes tens of thousands of these small records. Building
 * a jansson object per record (a hashtable, eleven values, a dozen
 * allocations, a rehash) and dumping it through stdio was more than half
 * of the command's time. So a writer builds the record object once, keys
 * in output order, and per record only replaces values through iterators
 * (no key hashing): numbers are set in place, text strings are reset in
 * place, the few fixed names (type, mod, granularity, anchor) are strings
 * made once and shared. jansson still encodes every line (into a reused
 * buffer, ndjson.c), so quoting and escaping are jansson's; the bytes are
 * those a fresh object per record gives. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "incline/emit.h"
#include "incline/text.h"
#include "emit_timex.h"
#include "emit_private.h"

enum {
	K_ARTICLE, K_START, K_END, K_TEXT, K_TYPE, K_VALUE, K_MOD, K_EARLIEST,
	K_LATEST, K_GRAN, K_ANCHOR, K_COUNT
};

static const char *const key_names[K_COUNT] = {
	"article", "start", "end", "text", "type", "value", "mod", "earliest",
	"latest", "granularity", "anchor",
};

/* Room for the names of each enum (timex types, mods, granularities,
 * anchors all have fewer); a larger value gets a string of its own. */
#define NAME_CACHE 16

struct incline_timex_ndjson {
	json_t *obj;          /* the record; owns one reference to each value */
	void *it[K_COUNT];    /* obj's pairs, in key order */
	/* Values changed in place; the writer holds a reference of its own
	 * so a field may point at null for a while. */
	json_t *start, *end, *text, *value, *article, *earliest, *latest;
	json_t *names[4][NAME_CACHE]; /* type, mod, granularity, anchor */
	incline_emit_buf scratch;     /* UTF-8 repair */
};

void incline_timex_ndjson_free(incline_timex_ndjson *w)
{
	if (!w)
		return;
	json_decref(w->obj);
	json_decref(w->start);
	json_decref(w->end);
	json_decref(w->text);
	json_decref(w->value);
	json_decref(w->article);
	json_decref(w->earliest);
	json_decref(w->latest);
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < NAME_CACHE; j++)
			json_decref(w->names[i][j]);
	incline_emit_buf_free(&w->scratch);
	free(w);
}

int incline_timex_ndjson_new(incline_timex_ndjson **out)
{
	incline_timex_ndjson *w = calloc(1, sizeof *w);
	bool ok = w && (w->obj = json_object());

	*out = NULL;
	if (ok) {
		w->start = json_integer(0);
		w->end = json_integer(0);
		w->text = json_string("");
		w->value = json_string("");
		w->article = json_string("");
		w->earliest = json_string("");
		w->latest = json_string("");
		ok = w->start && w->end && w->text && w->value && w->article
		     && w->earliest && w->latest;
	}
	/* The keys in output order (jansson keeps insertion order); null
	 * until the first record sets them. */
	for (size_t k = 0; ok && k < K_COUNT; k++)
		ok = json_object_set_new(w->obj, key_names[k], json_null()) == 0
		     && (w->it[k] = json_object_iter_at(w->obj, key_names[k])) != NULL;
	if (!ok) {
		incline_timex_ndjson_free(w);
		return INCLINE_ENOMEM;
	}
	*out = w;
	return 0;
}

/* Field k of the record = v (taken; NULL after an earlier failure). */
static bool put(incline_timex_ndjson *w, int k, json_t *v)
{
	return v && json_object_iter_set_new(w->obj, w->it[k], v) == 0;
}

/* held = s[0..len) (valid UTF-8) unless it holds it already: successive
 * records often share a date or a value, and each set is an allocation.
 * A new reference to held. */
static json_t *set_string(json_t *held, const char *s, size_t len)
{
	if (json_string_length(held) == len && memcmp(json_string_value(held), s, len) == 0)
		return json_incref(held);
	return json_string_setn_nocheck(held, s, len) == 0 ? json_incref(held) : NULL;
}

/* held = s[0..len), invalid UTF-8 repaired; a new reference to it. */
static json_t *text_value(incline_timex_ndjson *w, json_t *held, const char *s, size_t len)
{
	if (incline_text_utf8_check(s, len) != len) {
		incline_emit_buf_reset(&w->scratch);
		if (incline_emit_buf_add_utf8(&w->scratch, s, len))
			return NULL;
		s = w->scratch.data;
		len = w->scratch.len;
	}
	return set_string(held, s, len);
}

/* The shared string of name number i of table t ("" gives null when
 * empty_null, as for mod and anchor). */
static json_t *name_value(incline_timex_ndjson *w, int t, unsigned i, const char *name,
			  bool empty_null)
{
	if (empty_null && !*name)
		return json_null();
	if (i >= NAME_CACHE)
		return json_string(name);
	if (!w->names[t][i])
		w->names[t][i] = json_string(name);
	return w->names[t][i] ? json_incref(w->names[t][i]) : NULL;
}

static json_t *day_value(json_t *held, incline_day d)
{
	char out[11];

	/* "" for none, or a day with no YYYY-MM-DD form */
	if (!*incline_date_format_day(out, d))
		return json_null();
	return set_string(held, out, 10);
}

int incline_timex_ndjson_write(incline_timex_ndjson *w, incline_emit_buf *out,
			       const incline_article *a,
			       const incline_timex_list *list, incline_error *err)
{
	bool ok = put(w, K_ARTICLE, a->id ? text_value(w, w->article, a->id, strlen(a->id))
					  : json_null());

	for (size_t i = 0; ok && i < list->n; i++) {
		const incline_timex *t = &list->items[i];
		/* An empty expression may sit in an empty article (bytes NULL). */
		const char *text;

		/* Offsets are file offsets; they must fall inside the bytes
		 * this article holds. */
		if (t->start < a->base || t->end < t->start || t->end - a->base > a->len)
			return incline_error_set(err, INCLINE_EINVAL, a->path, 0, 0,
						 "date expression %zu-%zu outside the article",
						 t->start, t->end);
		text = t->end > t->start ? a->bytes + (t->start - a->base) : "";
		json_integer_set(w->start, (json_int_t)t->start);
		json_integer_set(w->end, (json_int_t)t->end);
		ok = put(w, K_START, json_incref(w->start))
		     && put(w, K_END, json_incref(w->end))
		     && put(w, K_TEXT, text_value(w, w->text, text, t->end - t->start))
		     && put(w, K_TYPE, name_value(w, 0, (unsigned)t->type,
						  incline_timex_type_name(t->type), false))
		     && put(w, K_VALUE, text_value(w, w->value, t->value,
						   strnlen(t->value, sizeof t->value)))
		     && put(w, K_MOD, name_value(w, 1, (unsigned)t->mod,
						 incline_timex_mod_name(t->mod), true))
		     && put(w, K_EARLIEST, day_value(w->earliest, t->date.earliest))
		     /* a single day: both bounds are one string */
		     && put(w, K_LATEST, t->date.latest == t->date.earliest
						 ? json_incref(json_object_iter_value(w->it[K_EARLIEST]))
						 : day_value(w->latest, t->date.latest))
		     && put(w, K_GRAN, name_value(w, 2, (unsigned)t->date.gran,
						  incline_gran_name(t->date.gran), false))
		     && put(w, K_ANCHOR, name_value(w, 3, (unsigned)t->anchor,
						    incline_timex_anchor_name(t->anchor), true))
		     && incline_emit_buf_add_json(out, w->obj, JSON_COMPACT) == 0;
	}
	return ok ? 0 : incline_emit_nomem(err);
}

int incline_emit_timex_ndjson(FILE *fp, const incline_article *a,
			      const incline_timex_list *list,
			      incline_error *err)
{
	incline_timex_ndjson *w = NULL;
	incline_emit_buf out = { NULL, 0, 0 };
	int rc = incline_timex_ndjson_new(&w);

	if (rc)
		rc = incline_emit_nomem(err);
	else
		rc = incline_timex_ndjson_write(w, &out, a, list, err);
	/* What came before a bad expression is written, as line by line. */
	if (out.len && fwrite(out.data, 1, out.len, fp) != out.len && !rc)
		rc = incline_emit_write_failed(err);
	incline_emit_buf_free(&out);
	incline_timex_ndjson_free(w);
	return rc ? rc : incline_emit_finish(fp, err);
}
