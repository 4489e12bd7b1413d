/* Tests for src/text.c: decoding, folding, sentences, words. Cases are
 * tables; each test walks its table and says which case failed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/text.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_EXPECT 8

/* ---------------------------------------------------------------- *
 * Helpers                                                          *
 * ---------------------------------------------------------------- */

/* Checks the spans against the expected strings (NULL-terminated) and
 * that every span is in order, inside text and trimmed. */
static void expect_spans(const char *name, const char *text, size_t len,
			 size_t base, const incline_span_list *got,
			 const char *const *want)
{
	size_t n = 0;

	while (n < MAX_EXPECT && want[n])
		n++;
	if (got->n != n) {
		print_error("case '%s': %zu spans, expected %zu\n", name,
			    got->n, n);
		for (size_t i = 0; i < got->n; i++)
			print_error("  [%zu] '%.*s'\n", i,
				    (int)(got->items[i].end - got->items[i].start),
				    text + got->items[i].start - base);
		fail();
	}
	for (size_t i = 0; i < n; i++) {
		incline_span s = got->items[i];
		assert_true(s.start >= base && s.start < s.end &&
			    s.end <= base + len);
		if (i > 0)
			assert_true(got->items[i - 1].end <= s.start);
		size_t wl = strlen(want[i]);
		if (s.end - s.start != wl ||
		    memcmp(text + s.start - base, want[i], wl) != 0) {
			print_error("case '%s' span %zu: got '%.*s'\n"
				    "                expected '%s'\n",
				    name, i, (int)(s.end - s.start),
				    text + s.start - base, want[i]);
			fail();
		}
	}
}

/* ---------------------------------------------------------------- *
 * Decoding                                                         *
 * ---------------------------------------------------------------- */

typedef struct decode_case {
	const char *name;
	const char *bytes;
	size_t len;
	uint32_t cps[5];
	size_t lens[5];
	size_t n;
} decode_case;

#define B(s) s, sizeof(s) - 1
#define FFFD 0xFFFDu

static const decode_case DECODE_CASES[] = {
	{"ascii", B("A"), {'A'}, {1}, 1},
	{"nul", B("\0"), {0}, {1}, 1},
	{"2-byte", B("\xC3\xA9"), {0xE9}, {2}, 1},
	{"3-byte quote", B("\xE2\x80\x9C"), {0x201C}, {3}, 1},
	{"4-byte emoji", B("\xF0\x9F\x98\x80"), {0x1F600}, {4}, 1},
	{"max code point", B("\xF4\x8F\xBF\xBF"), {0x10FFFF}, {4}, 1},
	{"real U+FFFD", B("\xEF\xBF\xBD"), {FFFD}, {3}, 1},
	{"overlong slash", B("\xC0\xAF"), {FFFD, FFFD}, {1, 1}, 2},
	{"overlong 3-byte", B("\xE0\x80\x80"), {FFFD, FFFD, FFFD}, {1, 1, 1}, 3},
	{"overlong 4-byte", B("\xF0\x80\x80\x80"), {FFFD, FFFD, FFFD, FFFD},
	 {1, 1, 1, 1}, 4},
	{"surrogate", B("\xED\xA0\x80"), {FFFD, FFFD, FFFD}, {1, 1, 1}, 3},
	{"beyond U+10FFFF", B("\xF4\x90\x80\x80"), {FFFD, FFFD, FFFD, FFFD},
	 {1, 1, 1, 1}, 4},
	{"truncated 3-byte at end", B("\xE2\x82"), {FFFD}, {2}, 1},
	{"truncated 3-byte then A", B("\xE2\x82" "A"), {FFFD, 'A'}, {2, 1}, 2},
	{"truncated 4-byte", B("\xF0\x9F\x98"), {FFFD}, {3}, 1},
	{"lone continuation", B("\x80" "a"), {FFFD, 'a'}, {1, 1}, 2},
	{"byte FF", B("\xFF\xFE"), {FFFD, FFFD}, {1, 1}, 2},
	{"lead then lead", B("\xC3\xC3\xA9"), {FFFD, 0xE9}, {1, 2}, 2},
};

static void test_decode(void **state)
{
	(void)state;
	for (size_t c = 0; c < COUNT(DECODE_CASES); c++) {
		const decode_case *dc = &DECODE_CASES[c];
		size_t off = 0, k = 0;
		while (off < dc->len) {
			uint32_t cp;
			size_t n = incline_text_decode(&cp, dc->bytes + off,
						       dc->len - off);
			if (k >= dc->n || cp != dc->cps[k] || n != dc->lens[k]) {
				print_error("case '%s' #%zu: U+%04X len %zu\n",
					    dc->name, k, (unsigned)cp, n);
				fail();
			}
			off += n;
			k++;
		}
		assert_int_equal(k, dc->n);
	}
}

static void test_position(void **state)
{
	(void)state;
	int line, col;
	const char *s = "ab\n\xC3\xA9\xFF" "cd\nx";
	incline_text_position(&line, &col, s, strlen(s), 0);
	assert_int_equal(line, 1);
	assert_int_equal(col, 1);
	incline_text_position(&line, &col, s, strlen(s), 5); /* the invalid byte */
	assert_int_equal(line, 2);
	assert_int_equal(col, 2);
	incline_text_position(&line, &col, s, strlen(s), 6); /* 'c' after it */
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	incline_text_position(&line, &col, s, strlen(s), 99); /* clamped */
	assert_int_equal(line, 3);
	assert_int_equal(col, 2);
}

static void test_decode_empty(void **state)
{
	uint32_t cp = 0;
	(void)state;
	assert_int_equal(incline_text_decode(&cp, "", 0), 0);
}

typedef struct check_case {
	const char *bytes;
	size_t len;
	size_t bad;
} check_case;

static const check_case CHECK_CASES[] = {
	{B(""), 0},
	{B("plain ascii"), 11},
	{B("caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D \xF0\x9F\x98\x80"), 18},
	{B("\xEF\xBF\xBD"), 3},
	{B("ab\xC0\xAF"), 2},
	{B("abc\xE2\x82"), 3},
	{B("\xED\xA0\x80 x"), 0},
	{B("ok\xF4\x90\x80\x80"), 2},
	{B("x\0y\xFF"), 3},
};

/* The eight-bytes-at-a-time ASCII path finds a bad byte at any offset. */
static void test_utf8_check_every_offset(void **state)
{
	char buf[40];
	(void)state;
	for (size_t at = 0; at < 24; at++) {
		memset(buf, 'a', sizeof buf);
		buf[at] = (char)0xFF;
		assert_int_equal(incline_text_utf8_check(buf, sizeof buf), at);
		buf[at] = (char)0xC3; /* a truncated two-byte sequence */
		buf[at + 1] = 'a';
		assert_int_equal(incline_text_utf8_check(buf, sizeof buf), at);
		buf[at + 1] = (char)0xA9; /* é: valid */
		assert_int_equal(incline_text_utf8_check(buf, sizeof buf), sizeof buf);
		assert_int_equal(incline_text_utf8_check(buf, at), at);
	}
}

static void test_utf8_check(void **state)
{
	(void)state;
	for (size_t c = 0; c < COUNT(CHECK_CASES); c++)
		assert_int_equal(incline_text_utf8_check(CHECK_CASES[c].bytes,
							 CHECK_CASES[c].len),
				 CHECK_CASES[c].bad);
}

/* ---------------------------------------------------------------- *
 * Folding                                                          *
 * ---------------------------------------------------------------- */

typedef struct fold_case {
	const char *name;
	const char *in;
	size_t in_len;
	const char *out;
	size_t out_len;
} fold_case;

static const fold_case FOLD_CASES[] = {
	{"empty", B(""), B("")},
	{"ascii lower-cased", B("Hello World 2023"), B("hello world 2023")},
	{"ascii never skeletonised", B("modern Illinois rn m l I 0 1 O"),
	 B("modern illinois rn m l i 0 1 o")},
	{"ascii beside non-ascii", B("rn\xD0\xA1l I\xD0\xA1 0\xD0\xA1m"),
	 B("rncl ic 0cm")},
	{"cyrillic ES in ICC", B("I\xD0\xA1\xD0\xA1"), B("icc")},
	{"cyrillic I too", B("\xD0\x86\xD0\xA1\xD0\xA1"), B("icc")},
	{"seed title", B("I\xD0\xA1\xD0\xA1 continues"), B("icc continues")},
	{"greek omicron", B("micr\xCE\xBFsoft"), B("microsoft")},
	{"fullwidth", B("\xEF\xBC\xA6\xEF\xBD\x95\xEF\xBD\x8C\xEF\xBD\x8C"
			"\xEF\xBD\x97\xEF\xBD\x89\xEF\xBD\x84\xEF\xBD\x94"
			"\xEF\xBD\x88"), B("fullwidth")},
	{"sharp s", B("Stra\xC3\x9F" "e"), B("strasse")},
	{"curly quotes", B("\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\x98single"
			   "\xE2\x80\x99"), B("\"quoted\" 'single'")},
	{"apostrophe", B("ICC\xE2\x80\x99s"), B("icc's")},
	{"em and en dash", B("cyber\xE2\x80\x94" "attack \xE2\x80\x93 x"),
	 B("cyber-attack - x")},
	{"minus sign", B("\xE2\x88\x92" "5"), B("-5")},
	{"ellipsis", B("the\xE2\x80\xA6"), B("the...")},
	{"ligature", B("\xEF\xAC\x81" "le"), B("file")},
	{"roman numeral", B("\xE2\x85\xAB"), B("xii")},
	{"no-break space", B("a\xC2\xA0" "b"), B("a b")},
	{"soft hyphen dropped", B("cyber\xC2\xAD" "attack"), B("cyberattack")},
	{"precomposed", B("Caf\xC3\xA9"), B("caf\xC3\xA9")},
	{"decomposed composes", B("Cafe\xCC\x81"), B("caf\xC3\xA9")},
	{"invalid byte", B("a\xFF" "B"), B("a\xEF\xBF\xBD" "b")},
	{"overlong", B("\xC0\xAF"), B("\xEF\xBF\xBD\xEF\xBF\xBD")},
	{"truncated at end", B("Abc\xE2\x82"), B("abc\xEF\xBF\xBD")},
	{"nul in ascii", B("a\0B\0c"), B("a\0b\0c")},
	{"nul then cyrillic", B("A\0\xD0\xA1"), B("a\0c")},
	{"emoji kept", B("Hi \xF0\x9F\x98\x80"), B("hi \xF0\x9F\x98\x80")},
};

static void test_fold(void **state)
{
	incline_folder *f = *state;
	for (size_t c = 0; c < COUNT(FOLD_CASES); c++) {
		const fold_case *fc = &FOLD_CASES[c];
		char *out = NULL;
		size_t n = 0;
		assert_int_equal(incline_text_fold(&out, &n, f, fc->in,
						   fc->in_len), 0);
		assert_non_null(out);
		if (n != fc->out_len || memcmp(out, fc->out, n) != 0) {
			print_error("case '%s': got '%.*s' (%zu bytes)\n",
				    fc->name, (int)n, out, n);
			free(out);
			fail();
		}
		assert_int_equal(out[n], '\0');
		free(out);
	}
}

/* A non-ASCII run longer than the normalisation piece size. */
static void test_fold_long_run(void **state)
{
	incline_folder *f = *state;
	enum { N = 5000 };
	char *in = malloc(2 * N + 2), *out = NULL;
	size_t n = 0;

	assert_non_null(in);
	in[0] = 'X';
	for (size_t i = 0; i < N; i++)
		memcpy(in + 1 + 2 * i, "\xD0\xA1", 2);
	in[2 * N + 1] = 'Y';
	assert_int_equal(incline_text_fold(&out, &n, f, in, 2 * N + 2), 0);
	assert_int_equal(n, N + 2);
	assert_int_equal(out[0], 'x');
	assert_int_equal(out[N + 1], 'y');
	for (size_t i = 1; i <= N; i++)
		assert_int_equal(out[i], 'c');
	free(out);
	free(in);
}

/* fold_append gives each case's key, NUL-terminated, one after the
 * other in one buffer: the same bytes incline_text_fold gives. */
static void test_fold_append(void **state)
{
	incline_folder *f = *state;
	char *buf = NULL;
	size_t len = 0, cap = 0, off = 0;

	for (size_t c = 0; c < COUNT(FOLD_CASES); c++)
		assert_int_equal(incline_text_fold_append(&buf, &len, &cap, f, FOLD_CASES[c].in,
							  FOLD_CASES[c].in_len), 0);
	for (size_t c = 0; c < COUNT(FOLD_CASES); c++) {
		const fold_case *fc = &FOLD_CASES[c];
		assert_true(off + fc->out_len < len);
		assert_memory_equal(buf + off, fc->out, fc->out_len);
		assert_int_equal(buf[off + fc->out_len], '\0');
		off += fc->out_len + 1;
	}
	assert_int_equal(off, len);
	assert_true(cap > len);
	/* misuse appends nothing and keeps the buffer */
	assert_int_equal(incline_text_fold_append(&buf, &len, &cap, NULL, "a", 1), INCLINE_EINVAL);
	assert_int_equal(off, len);
	free(buf);
}

static void test_fold_misuse(void **state)
{
	char *out = (char *)1;
	size_t n = 7;
	(void)state;
	assert_int_equal(incline_text_fold(&out, &n, NULL, "a", 1),
			 INCLINE_EINVAL);
	assert_null(out);
	assert_int_equal(n, 0);
	incline_text_folder_free(NULL);
}

/* ---------------------------------------------------------------- *
 * Sentences                                                        *
 * ---------------------------------------------------------------- */

typedef struct sentence_case {
	const char *name;
	const char *text;
	const char *want[MAX_EXPECT + 1];
} sentence_case;

static const sentence_case SENTENCE_CASES[] = {
	{"two plain", "The ICC was hit. Staff noticed.",
	 {"The ICC was hit.", "Staff noticed."}},
	{"seed Sept.", "Reuters reported on Sept. 19. The court confirmed it.",
	 {"Reuters reported on Sept. 19.", "The court confirmed it."}},
	{"seed U.S. officials", "U.S. officials said the attack was serious. "
	 "Nobody else did.",
	 {"U.S. officials said the attack was serious.", "Nobody else did."}},
	{"U.S. then starter", "The hackers were in the U.S. The court said so.",
	 {"The hackers were in the U.S.", "The court said so."}},
	{"U.S. Army", "The U.S. Army helped.", {"The U.S. Army helped."}},
	{"Jan. before day", "On Jan. 5 the attack began.",
	 {"On Jan. 5 the attack began."}},
	{"month ends sentence", "It happened in Jan. The court was down.",
	 {"It happened in Jan.", "The court was down."}},
	{"Corp. said", "Microsoft Corp. said it helped. The ICC agreed.",
	 {"Microsoft Corp. said it helped.", "The ICC agreed."}},
	{"Inc. before name", "Acme Inc. Chief Executive Jane Doe spoke.",
	 {"Acme Inc. Chief Executive Jane Doe spoke."}},
	{"Inc. ends sentence", "He works at Acme Inc. It was hacked.",
	 {"He works at Acme Inc.", "It was hacked."}},
	{"Mr.", "Mr. Khan warned of attacks.", {"Mr. Khan warned of attacks."}},
	{"Dr.", "Dr. Smith spoke. She left.", {"Dr. Smith spoke.", "She left."}},
	{"No. 3", "It was incident No. 3 this year. Nothing more.",
	 {"It was incident No. 3 this year.", "Nothing more."}},
	{"e.g.", "Some groups, e.g. The Shadow Brokers, leak data.",
	 {"Some groups, e.g. The Shadow Brokers, leak data."}},
	{"vs.", "It was ICC vs. Russia. Again.",
	 {"It was ICC vs. Russia.", "Again."}},
	{"initial J.", "J. Smith wrote the report. It was long.",
	 {"J. Smith wrote the report.", "It was long."}},
	{"middle initial", "Karim A. Khan spoke.", {"Karim A. Khan spoke."}},
	{"a.m. then starter", "It began at 9 a.m. The court closed.",
	 {"It began at 9 a.m.", "The court closed."}},
	{"p.m. on", "It began at 9 p.m. on Tuesday.",
	 {"It began at 9 p.m. on Tuesday."}},
	{"St.", "He lives in St. Louis now.", {"He lives in St. Louis now."}},
	{"decimal", "Version 2.5 was patched. Then 3.0 came.",
	 {"Version 2.5 was patched.", "Then 3.0 came."}},
	{"version", "They exploited v1.2.3 of the tool.",
	 {"They exploited v1.2.3 of the tool."}},
	{"year ends sentence", "It began in 2023. 15 people were hit.",
	 {"It began in 2023.", "15 people were hit."}},
	{"quote then space", "It called it an \xE2\x80\x9Cincident.\xE2\x80\x9D "
	 "The court said more.",
	 {"It called it an \xE2\x80\x9Cincident.\xE2\x80\x9D",
	  "The court said more."}},
	/* a missing space after a closing quote: a lower-case word goes on
	 * as it would after a space, a capital starts the next sentence */
	{"seed incident.\xE2\x80\x9D" "although",
	 "to respond to what it describes as a \xE2\x80\x9C" "cybersecurity "
	 "incident.\xE2\x80\x9D" "although it does not report the origin.",
	 {"to respond to what it describes as a \xE2\x80\x9C" "cybersecurity "
	  "incident.\xE2\x80\x9D" "although it does not report the origin."}},
	{"seed systems.\xE2\x80\x9D" "but",
	 "court employees detected \xE2\x80\x9C" "an anomalous activity that "
	 "affected their information systems.\xE2\x80\x9D" "but assures that "
	 "\xE2\x80\x9Cimmediate measures were adopted\xE2\x80\x9D.",
	 {"court employees detected \xE2\x80\x9C" "an anomalous activity that "
	  "affected their information systems.\xE2\x80\x9D" "but assures that "
	  "\xE2\x80\x9Cimmediate measures were adopted\xE2\x80\x9D."}},
	{"speech tag glued to a quote", "\xE2\x80\x9CWe were hit.\xE2\x80\x9D"
	 "the agency warned. Next.",
	 {"\xE2\x80\x9CWe were hit.\xE2\x80\x9D" "the agency warned.", "Next."}},
	{"capital glued to a quote", "It called it an \xE2\x80\x9C" "incident."
	 "\xE2\x80\x9DThe court said more.",
	 {"It called it an \xE2\x80\x9C" "incident.\xE2\x80\x9D",
	  "The court said more."}},
	{"question glued to a quote", "\xE2\x80\x9CWho did it?\xE2\x80\x9D"
	 "he asked. Nobody knew.",
	 {"\xE2\x80\x9CWho did it?\xE2\x80\x9Dhe asked.", "Nobody knew."}},
	{"abbreviations of firms and titles", "Acme Ltd. and Foo Co. were hit. "
	 "Sen. Smith Jr. spoke.",
	 {"Acme Ltd. and Foo Co. were hit.", "Sen. Smith Jr. spoke."}},
	{"U.K. and U.S. inside", "The U.K. government and the U.S. Department "
	 "of Justice said so. Nobody else did.",
	 {"The U.K. government and the U.S. Department of Justice said so.",
	  "Nobody else did."}},
	{"month at the end", "It was hit on Sept. 19. Then it recovered.",
	 {"It was hit on Sept. 19.", "Then it recovered."}},
	{"bare host and e-mail", "Visit www.example.com. Write to "
	 "press@icc-cpi.int. Then wait.",
	 {"Visit www.example.com.", "Write to press@icc-cpi.int.", "Then wait."}},
	{"paren numbered list", "Steps:\n1) Isolate\n2) Restore",
	 {"Steps:", "1) Isolate", "2) Restore"}},
	{"quote, period, quote", "\xE2\x80\x9CMeasures are adopted.\xE2\x80\x9D. "
	 "\xE2\x80\x9CWhile it continues,\xE2\x80\x9D he added.",
	 {"\xE2\x80\x9CMeasures are adopted.\xE2\x80\x9D.",
	  "\xE2\x80\x9CWhile it continues,\xE2\x80\x9D he added."}},
	{"quote mid-sentence", "It took \xE2\x80\x9Cmeasures\xE2\x80\x9D to "
	 "respond. Done.",
	 {"It took \xE2\x80\x9Cmeasures\xE2\x80\x9D to respond.", "Done."}},
	{"quote then comma", "\xE2\x80\x9CWe are hit.\xE2\x80\x9D, he said.",
	 {"\xE2\x80\x9CWe are hit.\xE2\x80\x9D, he said."}},
	{"ascii quotes", "He said \"We are fine.\" Then he left.",
	 {"He said \"We are fine.\"", "Then he left."}},
	{"question", "Who did it? Nobody knows.", {"Who did it?", "Nobody knows."}},
	{"exclamation", "Stop! Now.", {"Stop!", "Now."}},
	{"?! run", "Really?! Yes.", {"Really?!", "Yes."}},
	{"double exclamation emoji", "Cyber attack on the Court\xE2\x80\xBC"
	 "\xEF\xB8\x8F The ICC was hit.",
	 {"Cyber attack on the Court\xE2\x80\xBC\xEF\xB8\x8F",
	  "The ICC was hit."}},
	{"ellipsis then lower", "It stopped... and then resumed.",
	 {"It stopped... and then resumed."}},
	{"unicode ellipsis then lower", "did not report on the\xE2\x80\xA6 "
	 "details later.",
	 {"did not report on the\xE2\x80\xA6 details later."}},
	{"ellipsis then capital", "It stopped... Then it resumed.",
	 {"It stopped...", "Then it resumed."}},
	{"unicode ellipsis then capital", "It stopped\xE2\x80\xA6 Then it "
	 "resumed.", {"It stopped\xE2\x80\xA6", "Then it resumed."}},
	{"blank line", "Headline without stop\n\nbody text here.",
	 {"Headline without stop", "body text here."}},
	{"blank line with CR and spaces", "First part\r\n \t\r\nsecond part",
	 {"First part", "second part"}},
	{"blank line after abbreviation", "He met Mr.\n\nSmith later.",
	 {"He met Mr.", "Smith later."}},
	{"headline newline", "ICC hit by cyber attack\nThe court said it was "
	 "hacked.",
	 {"ICC hit by cyber attack", "The court said it was hacked."}},
	{"wrapped line", "The court said it\nwas hacked on Tuesday.",
	 {"The court said it\nwas hacked on Tuesday."}},
	{"line ending in comma", "The court, the staff,\nThe lawyers were hit.",
	 {"The court, the staff,\nThe lawyers were hit."}},
	{"headline then quote", "ICC statement\n\xE2\x80\x9CWe are working,"
	 "\xE2\x80\x9D the court said.",
	 {"ICC statement", "\xE2\x80\x9CWe are working,\xE2\x80\x9D the court "
	  "said."}},
	{"dash bullets", "Affected:\n- staff\n- lawyers\n* victims",
	 {"Affected:", "- staff", "- lawyers", "* victims"}},
	{"numbered list", "Steps:\n1. Isolate the network\n2. Restore backups",
	 {"Steps:", "1. Isolate the network", "2. Restore backups"}},
	{"dot bullets", "Impact\n\xE2\x80\xA2 Data leaked\n\xE2\x80\xA2 Systems "
	 "down",
	 {"Impact", "\xE2\x80\xA2 Data leaked", "\xE2\x80\xA2 Systems down"}},
	{"list number at start", "1. First item", {"1. First item"}},
	{"bullet after abbreviation", "Groups, e.g.\n- Lazarus",
	 {"Groups, e.g.", "- Lazarus"}},
	{"seed tweet", "Its spokesperson assured that measures have been "
	 "taken, but did not report on the\xE2\x80\xA6 pic.twitter.com/"
	 "6vXRMWhA1g \xE2\x80\x94 Alejandro Fleming (@AleFleming) September "
	 "19, 2023",
	 {"Its spokesperson assured that measures have been taken, but did not "
	  "report on the\xE2\x80\xA6 pic.twitter.com/6vXRMWhA1g",
	  "\xE2\x80\x94 Alejandro Fleming (@AleFleming) September 19, 2023"}},
	{"tweet with text after", "Hacked! pic.twitter.com/abc \xE2\x80\x94 ICC "
	 "(@IntlCrimCourt) September 19, 2023 The court later confirmed it.",
	 {"Hacked! pic.twitter.com/abc",
	  "\xE2\x80\x94 ICC (@IntlCrimCourt) September 19, 2023",
	  "The court later confirmed it."}},
	{"tweet with --", "Great work -- Jane Doe (@jdoe) May 1, 2023",
	 {"Great work", "-- Jane Doe (@jdoe) May 1, 2023"}},
	{"dash that is no signature", "The court \xE2\x80\x94 which hosts "
	 "trials \xE2\x80\x94 was hit.",
	 {"The court \xE2\x80\x94 which hosts trials \xE2\x80\x94 was hit."}},
	{"url inside", "See https://www.icc-cpi.int/news/statement.html for "
	 "details. It is short.",
	 {"See https://www.icc-cpi.int/news/statement.html for details.",
	  "It is short."}},
	{"url at end", "Read https://x.y/z.html. Then act.",
	 {"Read https://x.y/z.html.", "Then act."}},
	{"url with query", "See https://x.y/?a=b. Done.",
	 {"See https://x.y/?a=b.", "Done."}},
	{"closing paren", "(The court confirmed it.) Staff were told.",
	 {"(The court confirmed it.)", "Staff were told."}},
	{"Inc. comma", "Acme Inc., a vendor, was hit.",
	 {"Acme Inc., a vendor, was hit."}},
	{"no terminal punctuation", "EFE", {"EFE"}},
	{"trimmed", "   Leading and trailing.   \n", {"Leading and trailing."}},
	{"empty", "", {NULL}},
	{"white space only", "  \n\n \t ", {NULL}},
	{"cjk", "\xE6\x94\xBB\xE6\x92\x83\xE3\x80\x82\xE6\xAC\xA1\xE3\x80\x82",
	 {"\xE6\x94\xBB\xE6\x92\x83\xE3\x80\x82", "\xE6\xAC\xA1\xE3\x80\x82"}},
	{"invalid byte", "Bad \xFF byte. Next one.",
	 {"Bad \xFF byte.", "Next one."}},
	{"no-break spaces trimmed", "\xC2\xA0Hello.\xC2\xA0 World.",
	 {"Hello.", "World."}},
};

static void test_sentences(void **state)
{
	(void)state;
	for (size_t c = 0; c < COUNT(SENTENCE_CASES); c++) {
		const sentence_case *sc = &SENTENCE_CASES[c];
		incline_span_list l = {0};
		size_t len = strlen(sc->text);
		assert_int_equal(incline_text_sentences(&l, sc->text, len, 0), 0);
		expect_spans(sc->name, sc->text, len, 0, &l, sc->want);
		incline_span_list_free(&l);
	}
}

static void test_sentences_base(void **state)
{
	const char *text = "One. Two.";
	const char *const want[] = {"One.", "Two.", NULL};
	incline_span_list l = {0};
	(void)state;
	assert_int_equal(incline_text_sentences(&l, text, 9, 1000), 0);
	expect_spans("base", text, 9, 1000, &l, want);
	assert_int_equal(l.items[0].start, 1000);
	assert_int_equal(l.items[1].end, 1009);
	/* Appends to what is there. */
	assert_int_equal(incline_text_sentences(&l, text, 9, 0), 0);
	assert_int_equal(l.n, 4);
	incline_span_list_free(&l);
	assert_null(l.items);
	assert_int_equal(l.n, 0);
}

/* A runaway line is cut into bounded pieces covering all its words. */
static void test_sentences_long(void **state)
{
	enum { N = 20000 };
	char *text = malloc(N);
	incline_span_list l = {0};
	size_t words = 0;
	(void)state;

	assert_non_null(text);
	for (size_t i = 0; i < N; i++)
		text[i] = i % 5 == 4 ? ' ' : 'a';
	assert_int_equal(incline_text_sentences(&l, text, N, 0), 0);
	assert_true(l.n >= N / INCLINE_MAX_SENTENCE_BYTES);
	for (size_t i = 0; i < l.n; i++) {
		incline_span s = l.items[i];
		assert_true(s.end - s.start <= INCLINE_MAX_SENTENCE_BYTES);
		assert_true(text[s.start] == 'a' && text[s.end - 1] == 'a');
		words += (s.end - s.start + 1) / 5;
	}
	assert_int_equal(words, N / 5);
	incline_span_list_free(&l);
	free(text);
}

/* The real seed article: the header line is skipped as the caller does. */
static void test_sentences_seed(void **state)
{
	static const char *const wanted[] = {
		/* a lower-case word glued to a closing quote goes on */
		"Nevertheless, The court says it \xE2\x80\x9Cwill not provide any "
		"further information in relation to this incident at this "
		"time.\xE2\x80\x9D" "and also does not provide details on the "
		"possible origin of this incident or the extent of the damage "
		"caused.",
		"\xE2\x80\x9C" "Additional response and security measures are "
		"currently being adopted, with the assistance of host country "
		"authorities.\xE2\x80\x9D.",
		"#LAST MINUTE Cyber attack on the International Criminal "
		"Court\xE2\x80\xBC\xEF\xB8\x8F",
		"The ICC was the victim of a cyber attack against its computer "
		"system.",
		"\xE2\x80\x94 Alejandro Fleming (@AleFleming) September 19, 2023",
		"\xE2\x80\x9CIf the intelligence officer had managed to gain "
		"access to the ICC as an intern, could have collected "
		"intelligence and sought (or recruited) sources, and arranged "
		"access to the ICC\xE2\x80\x99s digital systems.\xE2\x80\x9D"
		"the AIVD then warned.",
		"EFE",
	};
	FILE *fp = fopen("examples/icc-2023/002_ad1cce7abc74dd27.txt", "rb");
	char buf[16384];
	size_t len, body;
	incline_span_list l = {0};
	(void)state;

	if (!fp)
		skip();
	len = fread(buf, 1, sizeof buf, fp);
	fclose(fp);
	body = (size_t)(strstr(buf, "2023-09-19 ") - buf) + 11;
	assert_int_equal(incline_text_sentences(&l, buf + body, len - body,
						body), 0);
	assert_int_equal(l.n, 15);
	for (size_t w = 0; w < COUNT(wanted); w++) {
		bool found = false;
		for (size_t i = 0; i < l.n && !found; i++) {
			incline_span s = l.items[i];
			found = s.end - s.start == strlen(wanted[w]) &&
				memcmp(buf + s.start, wanted[w],
				       s.end - s.start) == 0;
		}
		if (!found) {
			print_error("seed sentence not found: '%s'\n", wanted[w]);
			fail();
		}
	}
	incline_span_list_free(&l);
}

typedef struct para_case {
	const char *text;
	size_t from, to;
	bool want;
} para_case;

static const para_case PARA_CASES[] = {
	{"a\n\nb", 0, 4, true},
	{"a\n \t\r\nb", 0, 7, true},
	{"a\r\n\r\nb", 0, 6, true},
	{"a\nb\nc", 0, 5, false},
	{"a\n\nb", 2, 4, false},
	{"a\n\nb", 0, 2, false},
	{"a\nx\n", 0, 4, false},
	{"a\n\nb", 3, 1, false},
	{"", 0, 0, false},
};

static void test_paragraph_break(void **state)
{
	(void)state;
	for (size_t c = 0; c < COUNT(PARA_CASES); c++) {
		const para_case *pc = &PARA_CASES[c];
		if (incline_text_paragraph_break(pc->text, pc->from, pc->to) !=
		    pc->want) {
			print_error("paragraph case %zu\n", c);
			fail();
		}
	}
	assert_false(incline_text_paragraph_break(NULL, 0, 0));
}

/* ---------------------------------------------------------------- *
 * Words                                                            *
 * ---------------------------------------------------------------- */

typedef struct words_case {
	const char *name;
	const char *text;
	const char *want[MAX_EXPECT + 1];
} words_case;

static const words_case WORDS_CASES[] = {
	{"hyphen and apostrophe", "The cyber-attack hit the court's network",
	 {"The", "cyber-attack", "hit", "the", "court's", "network"}},
	{"curly apostrophe", "ICC\xE2\x80\x99s jurisdiction",
	 {"ICC\xE2\x80\x99s", "jurisdiction"}},
	{"numbers", "version 2.5 and v1.2.3.",
	 {"version", "2.5", "and", "v1.2.3"}},
	{"trailing period", "end.", {"end"}},
	{"edge quotes and dashes", "'quoted' -dash- a--b",
	 {"quoted", "dash", "a", "b"}},
	{"iso date", "on 2023-09-19,", {"on", "2023-09-19"}},
	{"dotted abbreviation", "U.S.", {"U", "S"}},
	{"em dash splits", "x\xE2\x80\x94y", {"x", "y"}},
	{"cyrillic", "\xD0\x9A\xD0\xB8\xD0\xB1\xD0\xB5\xD1\x80 \xD0\xBD\xD0\xB0",
	 {"\xD0\x9A\xD0\xB8\xD0\xB1\xD0\xB5\xD1\x80", "\xD0\xBD\xD0\xB0"}},
	{"decomposed accent", "cafe\xCC\x81 na\xC3\xAFve",
	 {"cafe\xCC\x81", "na\xC3\xAFve"}},
	{"cjk", "\xE6\x9D\xB1\xE4\xBA\xAC 2023",
	 {"\xE6\x9D\xB1\xE4\xBA\xAC", "2023"}},
	{"invalid byte separates", "a\xFF" "b", {"a", "b"}},
	{"handle and hashtag", "#LAST @AleFleming", {"LAST", "AleFleming"}},
	{"empty", "", {NULL}},
	{"punctuation only", " ... -- '' ", {NULL}},
};

static void test_words(void **state)
{
	(void)state;
	for (size_t c = 0; c < COUNT(WORDS_CASES); c++) {
		const words_case *wc = &WORDS_CASES[c];
		incline_span_list l = {0};
		size_t len = strlen(wc->text);
		assert_int_equal(incline_text_words(&l, wc->text, len), 0);
		expect_spans(wc->name, wc->text, len, 0, &l, wc->want);
		incline_span_list_free(&l);
	}
}

/* The tokenizer finds the end of an ASCII letter-and-digit run 16 bytes
 * at a time (alnum_run_end) and lets the general path decide when the run
 * ends at a joiner or a non-ASCII byte: runs of every length against
 * those steps, then each kind of ending, also as the text's last bytes
 * (an exact-size buffer: ASan sees a read past it). */
static void test_words_every_length(void **state)
{
	static const struct {
		const char *tail; /* after the run */
		size_t letters, digits; /* the first word's extra bytes */
	} tails[] = {
		{"", 0, 0}, {" x", 0, 0}, {"'s x", 2, 2}, {"-x y", 2, 2}, {".5 x", 0, 2},
		{"\xC3\xA9 x", 2, 2}, {"\xE2\x80\x99s x", 4, 4}, {". x", 0, 0}, {"--x", 0, 0},
		{"'", 0, 0}, {"-", 0, 0}, {".", 0, 0}, {"\xE2\x80\x94x", 0, 0},
	};
	(void)state;
	for (size_t k = 0; k < COUNT(tails); k++) {
		for (size_t run = 1; run < 40; run++) {
			for (int digits = 0; digits < 2; digits++) {
				size_t tl = strlen(tails[k].tail), n = run + tl;
				char *t = malloc(n);
				incline_span_list l = {0};
				assert_non_null(t);
				memset(t, digits ? '7' : 'A', run);
				memcpy(t + run, tails[k].tail, tl);
				assert_int_equal(incline_text_words(&l, t, n), 0);
				assert_true(l.n >= 1);
				assert_int_equal(l.items[0].start, 0);
				assert_int_equal(l.items[0].end,
						 run + (digits ? tails[k].digits : tails[k].letters));
				incline_span_list_free(&l);
				free(t);
			}
		}
	}
}

/* ---------------------------------------------------------------- */

static int group_setup(void **state)
{
	incline_folder *f = NULL;
	incline_error err;

	incline_error_clear(&err);
	if (incline_text_folder_new(&f, &err) != 0)
		return -1;
	*state = f;
	return 0;
}

static int group_teardown(void **state)
{
	incline_text_folder_free(*state);
	return 0;
}

/* The splitter skips 16 bytes at a time while none of them is one its
 * handlers want (skip_plain): a period, '!', '?', a dash, a newline or a
 * non-ASCII byte at every offset against those steps, and at the very end
 * of the text, is still seen. The text is in a buffer of exactly its size
 * (ASan sees a read past it). */
static void test_sentences_every_offset(void **state)
{
	static const char *const stops[] = {". ", "! ", "? ", "\n\n", " \xE2\x80\x94 ",
					    ".\xE2\x80\x9D "};
	(void)state;
	for (size_t k = 0; k < COUNT(stops); k++) {
		for (size_t pad = 0; pad < 40; pad++) {
			/* "x...x END<stop>Next word" */
			size_t sl = strlen(stops[k]), n = pad + 3 + sl + 9;
			char *t = malloc(n);
			incline_span_list l = {0};
			assert_non_null(t);
			memset(t, 'x', pad);
			memcpy(t + pad, "END", 3);
			memcpy(t + pad + 3, stops[k], sl);
			memcpy(t + pad + 3 + sl, "Next word", 9);
			assert_int_equal(incline_text_sentences(&l, t, n, 0), 0);
			if (k == 4) { /* a spaced dash ends no sentence */
				assert_int_equal(l.n, 1);
			} else {
				assert_int_equal(l.n, 2);
				assert_int_equal(l.items[0].start, 0);
				assert_int_equal(l.items[1].start, pad + 3 + sl);
				assert_int_equal(l.items[1].end, n);
			}
			incline_span_list_free(&l);
			/* the terminator as the text's last byte */
			assert_int_equal(incline_text_sentences(&l, t, pad + 4, 0), 0);
			assert_int_equal(l.n, 1);
			assert_int_equal(l.items[0].end, pad + (k == 3 || k == 4 ? 3 : 4));
			incline_span_list_free(&l);
			free(t);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode),
		cmocka_unit_test(test_decode_empty),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_utf8_check),
		cmocka_unit_test(test_utf8_check_every_offset),
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_fold_long_run),
		cmocka_unit_test(test_fold_append),
		cmocka_unit_test(test_fold_misuse),
		cmocka_unit_test(test_sentences),
		cmocka_unit_test(test_sentences_base),
		cmocka_unit_test(test_sentences_long),
		cmocka_unit_test(test_sentences_every_offset),
		cmocka_unit_test(test_sentences_seed),
		cmocka_unit_test(test_paragraph_break),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_words_every_length),
	};
	return cmocka_run_group_tests_name("text", tests, group_setup,
					   group_teardown);
}
