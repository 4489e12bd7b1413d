/* timex_dump FILE...: every field of every expression the date scanner
 * finds in each file's raw bytes (NUL and invalid UTF-8 included, which
 * the CLI refuses), under three reference dates, for the whole file and
 * for its prefixes (every prefix of a short file, the last 48 of a long
 * one: an expression cut by the end of the buffer). Two builds' dumps
 * must be identical; test/bench/same_output.sh compares them. Each text
 * is copied into a buffer of its exact size, so a sanitizer build sees
 * any read past the end. Not part of `make check`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/incline.h"

static void dump(incline_timex_scanner *sc, const char *name, const char *data, size_t len,
		 incline_day ref)
{
	incline_timex_list list = {0};
	incline_error err;
	char *text = malloc(len ? len : 1);

	if (!text) {
		fprintf(stderr, "timex_dump: out of memory\n");
		exit(1);
	}
	memcpy(text, data, len);
	incline_error_clear(&err);
	if (incline_timex_scanner_scan(sc, &list, text, len, 3, ref, &err) != 0) {
		fprintf(stderr, "timex_dump: %s: scan failed\n", name);
		exit(1);
	}
	printf("%s len=%zu ref=%ld n=%zu\n", name, len, (long)ref, list.n);
	for (size_t i = 0; i < list.n; i++) {
		const incline_timex *t = &list.items[i];
		printf(" %zu-%zu %s %s %s %ld %ld %d %u %s\n", t->start, t->end,
		       incline_timex_type_name(t->type), incline_timex_mod_name(t->mod),
		       incline_timex_anchor_name(t->anchor), (long)t->date.earliest,
		       (long)t->date.latest, (int)t->date.gran, t->date.flags, t->value);
	}
	incline_timex_list_free(&list);
	free(text);
}

int main(int argc, char **argv)
{
	incline_timex_scanner *sc;
	incline_error err;
	const incline_day refs[] = { INCLINE_DAY_NONE, incline_date_from_ymd(2023, 3, 15),
				     incline_date_from_ymd(1999, 12, 31) };

	incline_error_clear(&err);
	if (incline_timex_scanner_new(&sc, &err) != 0)
		return 1;
	for (int a = 1; a < argc; a++) {
		FILE *f = fopen(argv[a], "rb");
		char *buf;
		size_t len, cap = 1 << 20;

		if (!f || !(buf = malloc(cap))) {
			fprintf(stderr, "timex_dump: %s: cannot read\n", argv[a]);
			return 1;
		}
		len = fread(buf, 1, cap, f);
		fclose(f);
		for (size_t r = 0; r < sizeof refs / sizeof refs[0]; r++) {
			dump(sc, argv[a], buf, len, refs[r]);
			for (size_t cut = len < 300 ? 0 : len - 48; cut < len; cut++)
				dump(sc, argv[a], buf, cut, refs[r]);
		}
		free(buf);
	}
	incline_timex_scanner_free(sc);
	return 0;
}
