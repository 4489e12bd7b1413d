/* incline_emit_buf_add_json must give exactly the bytes of jansson's own
 * JSON_COMPACT dump: the NDJSON outputs switched to it for speed, and
 * nothing downstream may notice. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <jansson.h>

#include "incline/error.h"
#include "emit_private.h"

static void assert_same_as_jansson(json_t *v)
{
	incline_emit_buf b = {NULL, 0, 0};
	char *want = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);

	assert_non_null(want);
	assert_int_equal(incline_emit_buf_add_json(&b, v), 0);
	if (b.len != strlen(want) || memcmp(b.data, want, b.len) != 0) {
		print_error("got  %.*s\nwant %s\n", (int)b.len, b.data, want);
		fail();
	}
	free(want);
	incline_emit_buf_free(&b);
	json_decref(v);
}

/* Every byte value that can sit in valid UTF-8 text, alone and in runs. */
static void test_every_ascii_byte(void **state)
{
	char s[128];
	(void)state;
	for (int c = 0; c < 128; c++) {
		char one[3] = {'a', (char)c, 'z'};
		assert_same_as_jansson(json_stringn(one, 3));
		s[c] = (char)c;
	}
	assert_same_as_jansson(json_stringn(s, sizeof s));
	assert_same_as_jansson(json_stringn("", 0));
}

static void test_unicode_and_escapes(void **state)
{
	static const char *const texts[] = {
		"He said \"hi\" \\ bye", "tab\there\r\nline", "\x1f\x01\x7f",
		"caf\xC3\xA9 \xE2\x80\xA8 \xE2\x80\xA9 sep", "emoji \xF0\x9F\x94\x92 lock",
		"slash / and </script>", "I\xD0\xA1\xD0\xA1 attack", "\\u0041 literal",
	};
	(void)state;
	for (size_t i = 0; i < sizeof texts / sizeof *texts; i++)
		assert_same_as_jansson(json_string(texts[i]));
	assert_same_as_jansson(json_stringn("nul\0inside", 10));
}

static void test_structures(void **state)
{
	json_t *o = json_object(), *a = json_array(), *inner = json_object();
	(void)state;
	json_object_set_new(o, "id", json_string("ev-0123456789abcdef"));
	json_object_set_new(o, "zeta", json_integer(-42));
	json_object_set_new(o, "alpha", json_integer(9007199254740993LL));
	json_object_set_new(o, "k\"ey\n", json_true());
	json_object_set_new(o, "none", json_null());
	json_object_set_new(o, "no", json_false());
	json_object_set_new(o, "real", json_real(0.1));
	json_object_set_new(o, "empty_o", json_object());
	json_object_set_new(o, "empty_a", json_array());
	json_array_append_new(a, json_integer(0));
	json_array_append_new(a, json_string("x"));
	json_array_append_new(a, json_array());
	json_object_set_new(inner, "deep", json_string("y"));
	json_array_append_new(a, inner);
	json_object_set_new(o, "list", a);
	json_object_del(o, "zeta"); /* deletion keeps the others' order */
	json_object_set_new(o, "zeta", json_integer(7));
	assert_same_as_jansson(o);
	assert_same_as_jansson(json_integer(0));
	assert_same_as_jansson(json_null());
}

static void test_too_deep(void **state)
{
	json_t *root = json_array(), *cur = root;
	incline_emit_buf b = {NULL, 0, 0};
	(void)state;
	for (int i = 0; i < 100; i++) {
		json_t *next = json_array();
		json_array_append_new(cur, next);
		cur = next;
	}
	assert_int_equal(incline_emit_buf_add_json(&b, root), INCLINE_EINVAL);
	incline_emit_buf_free(&b);
	json_decref(root);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_ascii_byte),
		cmocka_unit_test(test_unicode_and_escapes),
		cmocka_unit_test(test_structures),
		cmocka_unit_test(test_too_deep),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
