/* Fuzz target: UTF-8 decoding, folding for matching, sentences and words.
 * Checks the spans stay inside the text and the decoder always advances. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* One folder for the whole run: opening ICU's data is slow. */
static incline_folder *folder;

static void check_spans(const incline_span_list *l, size_t lo, size_t hi)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].start < lo || l->items[i].end > hi ||
		    l->items[i].start > l->items[i].end)
			abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s;
	incline_span_list sent = {0}, words = {0};
	incline_error err;
	char *copy, *folded = NULL;
	size_t folded_len = 0, i = 0, bad;

	incline_error_clear(&err);
	if (!folder && incline_text_folder_new(&folder, &err))
		abort();
	copy = malloc(size ? size : 1); /* exact size: ASan sees overreads */
	if (!copy)
		return 0;
	memcpy(copy, data, size);
	s = copy;

	while (i < size) {
		uint32_t cp;
		size_t n = incline_text_decode(&cp, s + i, size - i);
		if (n == 0 || n > size - i || cp > 0x10FFFF)
			abort();
		i += n;
	}
	bad = incline_text_utf8_check(s, size);
	if (bad > size)
		abort();
	if (incline_text_fold(&folded, &folded_len, folder, s, size) == 0) {
		if (strlen(folded) != folded_len && memchr(folded, '\0', folded_len) == NULL)
			abort();
	}
	free(folded);
	if (incline_text_sentences(&sent, s, size, 100) == 0)
		check_spans(&sent, 100, 100 + size);
	if (incline_text_words(&words, s, size) == 0)
		check_spans(&words, 0, size);
	(void)incline_text_paragraph_break(s, 0, size);
	incline_span_list_free(&sent);
	incline_span_list_free(&words);
	free(copy);
	return 0;
}
