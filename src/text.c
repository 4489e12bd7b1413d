/* Text handling shared by every stage: UTF-8 decoding with exact byte
 * offsets, folding for matching (ICU: NFKC case folding and the UTS #39
 * skeleton), sentence splitting and word tokens. The input bytes are never
 * changed; everything here reports byte offsets into them. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uspoof.h>
#include <unicode/utf16.h>

#include "incline/text.h"

/* SSE2 is part of every x86-64; elsewhere (or with -DINCLINE_TEXT_NO_SIMD)
 * skip_plain takes a byte at a time and finds the same bytes. */
#if defined(__SSE2__) && !defined(INCLINE_TEXT_NO_SIMD)
#include <emmintrin.h>
#endif

#define REPLACEMENT_CHAR 0xFFFDu

/* ===================================================================== *
 * Data tables: every list of words or characters the module knows.      *
 * ===================================================================== */

/* How an abbreviation followed by a period and white space behaves. */
typedef enum abbr_kind {
	ABBR_NONE = 0,
	ABBR_NEVER_ENDS, /* titles, Latin: "Mr. Smith", "e.g. The" */
	ABBR_BEFORE_NUMBER, /* "No. 3", "Sept. 19": no split before a digit */
	ABBR_MID /* "Corp.", "U.S.": ends only before a sentence starter */
} abbr_kind;

typedef struct abbr_entry {
	const char *word; /* without the final period, as written */
	abbr_kind kind;
} abbr_entry;

/* Dotted forms such as "U.S." and "a.m." and single capital initials
 * ("J. Smith") are recognised by shape and behave as ABBR_MID. */
static const abbr_entry ABBREVIATIONS[] = {
	{"Mr", ABBR_NEVER_ENDS},    {"Mrs", ABBR_NEVER_ENDS},
	{"Ms", ABBR_NEVER_ENDS},    {"Dr", ABBR_NEVER_ENDS},
	{"Prof", ABBR_NEVER_ENDS},  {"Gen", ABBR_NEVER_ENDS},
	{"Sen", ABBR_NEVER_ENDS},   {"Rep", ABBR_NEVER_ENDS},
	{"Gov", ABBR_NEVER_ENDS},   {"Lt", ABBR_NEVER_ENDS},
	{"Col", ABBR_NEVER_ENDS},   {"Sgt", ABBR_NEVER_ENDS},
	{"Capt", ABBR_NEVER_ENDS},  {"Cmdr", ABBR_NEVER_ENDS},
	{"Adm", ABBR_NEVER_ENDS},   {"Maj", ABBR_NEVER_ENDS},
	{"Rev", ABBR_NEVER_ENDS},   {"Hon", ABBR_NEVER_ENDS},
	{"Pres", ABBR_NEVER_ENDS},  {"Supt", ABBR_NEVER_ENDS},
	{"St", ABBR_NEVER_ENDS},    {"Mt", ABBR_NEVER_ENDS},
	{"vs", ABBR_NEVER_ENDS},    {"v", ABBR_NEVER_ENDS},
	{"e.g", ABBR_NEVER_ENDS},   {"i.e", ABBR_NEVER_ENDS},
	{"cf", ABBR_NEVER_ENDS},    {"viz", ABBR_NEVER_ENDS},
	{"approx", ABBR_NEVER_ENDS}, {"ca", ABBR_NEVER_ENDS},
	{"No", ABBR_BEFORE_NUMBER}, {"Nos", ABBR_BEFORE_NUMBER},
	{"no", ABBR_BEFORE_NUMBER}, {"Art", ABBR_BEFORE_NUMBER},
	{"Fig", ABBR_BEFORE_NUMBER}, {"Vol", ABBR_BEFORE_NUMBER},
	{"Ch", ABBR_BEFORE_NUMBER}, {"Sec", ABBR_BEFORE_NUMBER},
	{"p", ABBR_BEFORE_NUMBER},  {"pp", ABBR_BEFORE_NUMBER},
	{"Jan", ABBR_BEFORE_NUMBER}, {"Feb", ABBR_BEFORE_NUMBER},
	{"Mar", ABBR_BEFORE_NUMBER}, {"Apr", ABBR_BEFORE_NUMBER},
	{"Jun", ABBR_BEFORE_NUMBER}, {"Jul", ABBR_BEFORE_NUMBER},
	{"Aug", ABBR_BEFORE_NUMBER}, {"Sep", ABBR_BEFORE_NUMBER},
	{"Sept", ABBR_BEFORE_NUMBER}, {"Oct", ABBR_BEFORE_NUMBER},
	{"Nov", ABBR_BEFORE_NUMBER}, {"Dec", ABBR_BEFORE_NUMBER},
	{"Inc", ABBR_MID},          {"Corp", ABBR_MID},
	{"Ltd", ABBR_MID},          {"Co", ABBR_MID},
	{"Bros", ABBR_MID},         {"Jr", ABBR_MID},
	{"Sr", ABBR_MID},           {"etc", ABBR_MID},
	{"Dept", ABBR_MID},         {"Univ", ABBR_MID},
	{"Assn", ABBR_MID},         {"Intl", ABBR_MID},
};

/* Longest abbreviation looked back for, in bytes ("approx", "e.g"). */
#define ABBR_MAX_BYTES 8

/* Words that, after an ABBR_MID abbreviation ("in the U.S. The court"),
 * show that a new sentence has begun. */
static const char *const SENTENCE_STARTERS[] = {
	"The", "This", "That", "These", "Those", "It", "Its", "He", "She",
	"They", "We", "I", "In", "On", "At", "But", "And", "However", "A",
	"An", "According", "There", "Their", "His", "Her", "Our", "After",
	"Before", "Meanwhile", "As", "If", "When", "While", "Some", "Many",
	"Last", "Earlier", "Later", "Officials", "Authorities",
};
#define STARTER_MAX_BYTES 12

/* Code points that end a sentence. U+FE0F after "‼" is handled apart. */
typedef struct terminator_entry {
	uint32_t cp;
	bool spaceless; /* CJK: ends the sentence with no space after it */
} terminator_entry;

static const terminator_entry TERMINATORS[] = {
	{'.', false},    {'!', false},    {'?', false},
	{0x2026, false}, /* … */
	{0x203C, false}, /* ‼ */
	{0x2047, false}, {0x2048, false}, {0x2049, false}, /* ⁇ ⁈ ⁉ */
	{0x2753, false}, {0x2754, false}, {0x2755, false},
	{0x2757, false}, /* emoji ❓ ❔ ❕ ❗ */
	{0x3002, true},  /* 。 */
	{0xFF01, true},  {0xFF1F, true}, /* fullwidth ! ? */
};

/* What may follow a terminator and still belong to the sentence. */
typedef struct closer_entry {
	uint32_t cp;
	bool is_quote; /* a quote glued to the next word still ends it */
} closer_entry;

static const closer_entry CLOSERS[] = {
	{'"', true},     {'\'', true},    {0x2019, true}, /* ’ */
	{0x201D, true},  /* ” */           {0x00BB, true}, /* » */
	{0x203A, true},  /* › */           {')', false},
	{']', false},    {'}', false},
};

/* Characters that mark a line as a list item when followed by a space. */
static const uint32_t BULLETS[] = {
	'-', '*', '+',
	0x2022, /* • */
	0x2023, /* ‣ */
	0x2043, /* ⁃ */
	0x25E6, /* ◦ */
	0x25AA, /* ▪ */
	0x25CF, /* ● */
	0x00B7, /* · */
	0x2013, /* – */
	0x2014, /* — */
};

/* A line ending in one of these continues on the next line. */
static const uint32_t LINE_CONTINUERS[] = {
	',', ';', ':', '-', '&', '(', '[', '/', 0x2013, 0x2014, 0x201C, 0x2018,
};

/* A headline followed by a line opening with one of these splits there
 * (besides capitals). */
static const uint32_t OPENING_QUOTES[] = {
	'"', 0x201C, 0x2018, 0x00AB, 0x201E,
};

/* Full month names, for the date after an embedded tweet signature. */
static const char *const MONTH_NAMES[] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December",
};

/* Punctuation made ASCII by incline_text_fold (applied after NFKC). */
typedef struct fold_punct_entry {
	uint32_t cp;
	char ascii;
} fold_punct_entry;

static const fold_punct_entry FOLD_PUNCT[] = {
	{0x00AB, '"'},  {0x00BB, '"'},  /* « » */
	{0x2010, '-'},  {0x2011, '-'},  {0x2012, '-'},  {0x2013, '-'},
	{0x2014, '-'},  {0x2015, '-'},  /* hyphens and dashes */
	{0x2018, '\''}, {0x2019, '\''}, {0x201A, '\''}, {0x201B, '\''},
	{0x201C, '"'},  {0x201D, '"'},  {0x201E, '"'},  {0x201F, '"'},
	{0x2032, '\''}, {0x2033, '"'},  /* primes */
	{0x2039, '\''}, {0x203A, '\''}, /* ‹ › */
	{0x2212, '-'},  /* minus sign */
	{0x2E3A, '-'},  {0x2E3B, '-'},  /* two- and three-em dashes */
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* Byte classes for the fast paths of the sentence splitter and the word
 * tokenizer, which see every byte of every article: one table lookup
 * instead of a decode and a class call per byte (together they were a
 * tenth of `incline extract`, callgrind). Bytes >= 0x80 are in no class
 * and take the general path. */
enum {
	ASCII_ALNUM = 1,   /* [A-Za-z0-9]: is_alnum */
	ASCII_NO_WORD = 2, /* other ASCII: no word starts there */
	ASCII_PLAIN = 4,   /* ASCII the splitter ignores: not a newline, a
			      terminator (. ! ?) or a dash */
	ASCII_ENDS_WORD = 8 /* ASCII neither alnum nor a joiner (' - .,
			       see joins_word): a word ends before it */
};
#define AN (ASCII_ALNUM | ASCII_PLAIN)
#define NW (ASCII_NO_WORD | ASCII_PLAIN | ASCII_ENDS_WORD)
#define SP (ASCII_NO_WORD | ASCII_ENDS_WORD)
#define NJ (ASCII_NO_WORD | ASCII_PLAIN) /* ' */
#define SJ ASCII_NO_WORD                 /* - . */
static const unsigned char ASCII_CLASS[256] = {
	NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, SP, NW, NW, NW, NW, NW, /* \n */
	NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW, NW,
	NW, SP, NW, NW, NW, NW, NW, NJ, NW, NW, NW, NW, NW, SJ, SJ, NW, /* ! ' - . */
	AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, NW, NW, NW, NW, NW, SP, /* 0-9 ? */
	NW, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, /* A-O */
	AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, NW, NW, NW, NW, NW, /* P-Z */
	NW, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, /* a-o */
	AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, AN, NW, NW, NW, NW, NW, /* p-z */
};
#undef AN
#undef NW
#undef SP
#undef NJ
#undef SJ

static bool cp_in(const uint32_t *set, size_t n, uint32_t cp)
{
	for (size_t i = 0; i < n; i++)
		if (set[i] == cp)
			return true;
	return false;
}

/* ===================================================================== *
 * Span lists                                                            *
 * ===================================================================== */

int incline_span_list_push(incline_span_list *list, size_t start, size_t end)
{
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		if (cap < list->cap || cap > SIZE_MAX / sizeof *list->items)
			return INCLINE_ENOMEM;
		incline_span *items = realloc(list->items, cap * sizeof *items);
		if (!items)
			return INCLINE_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->n].start = start;
	list->items[list->n].end = end;
	list->n++;
	return 0;
}

void incline_span_list_free(incline_span_list *list)
{
	if (!list)
		return;
	free(list->items);
	list->items = NULL;
	list->n = 0;
	list->cap = 0;
}

/* ===================================================================== *
 * UTF-8 decoding                                                        *
 * ===================================================================== */

/* Decodes one sequence; *valid says whether it was well formed. An
 * ill-formed sequence consumes its "maximal subpart" (Unicode 15, §3.9,
 * as WHATWG and ICU do), so "\xE2\x82A" is one U+FFFD then 'A' and every
 * decoder agrees on the offsets. */
static size_t decode_one(uint32_t *cp, bool *valid, const unsigned char *s,
			 size_t len)
{
	unsigned lead = s[0], lo = 0x80, hi = 0xBF;
	size_t need;
	uint32_t v;

	*cp = REPLACEMENT_CHAR;
	*valid = false;
	if (lead < 0x80) {
		*cp = lead;
		*valid = true;
		return 1;
	}
	if (lead >= 0xC2 && lead <= 0xDF) {
		need = 1;
		v = lead & 0x1F;
	} else if (lead >= 0xE0 && lead <= 0xEF) {
		need = 2;
		v = lead & 0x0F;
		if (lead == 0xE0)
			lo = 0xA0; /* overlong */
		else if (lead == 0xED)
			hi = 0x9F; /* surrogates */
	} else if (lead >= 0xF0 && lead <= 0xF4) {
		need = 3;
		v = lead & 0x07;
		if (lead == 0xF0)
			lo = 0x90; /* overlong */
		else if (lead == 0xF4)
			hi = 0x8F; /* beyond U+10FFFF */
	} else {
		return 1; /* continuation byte, C0, C1 or F5..FF */
	}
	for (size_t i = 1; i <= need; i++) {
		if (i >= len || s[i] < lo || s[i] > hi)
			return i;
		v = (v << 6) | (s[i] & 0x3Fu);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	*valid = true;
	return need + 1;
}

size_t incline_text_decode(uint32_t *cp, const char *s, size_t len)
{
	bool valid;

	if (len == 0) {
		*cp = REPLACEMENT_CHAR;
		return 0;
	}
	return decode_one(cp, &valid, (const unsigned char *)s, len);
}

void incline_text_position(int *line, int *column, const char *s, size_t len, size_t off)
{
	size_t i = 0;
	uint32_t cp;
	*line = 1;
	*column = 1;
	if (off > len)
		off = len;
	while (i < off) {
		size_t n = incline_text_decode(&cp, s + i, len - i);
		if (cp == '\n') {
			(*line)++;
			*column = 1;
		} else if (*column < INT_MAX) {
			(*column)++;
		}
		i += n;
	}
}

size_t incline_text_utf8_check(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		bool valid;
		uint64_t w;
		/* Eight ASCII bytes at a time: news text is mostly ASCII, and
		 * every article is checked once (a warning) and every string
		 * written once (the emitters' repair). */
		if (len - i >= 8 && (memcpy(&w, u + i, 8), (w & 0x8080808080808080u) == 0)) {
			i += 8;
			continue;
		}
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		size_t n = decode_one(&cp, &valid, u + i, len - i);
		if (!valid)
			return i;
		i += n;
	}
	return len;
}

/* The code point at t[i] (i < len); returns its length. */
static size_t cp_at(uint32_t *cp, const char *t, size_t len, size_t i)
{
	if ((unsigned char)t[i] < 0x80) {
		*cp = (unsigned char)t[i];
		return 1;
	}
	return incline_text_decode(cp, t + i, len - i);
}

/* Start of the code point that ends at t[i] (i > 0); sets *cp. A stray
 * continuation byte counts as one code point of its own. */
static size_t cp_before(uint32_t *cp, const char *t, size_t i)
{
	size_t b = i - 1;
	while (b > 0 && i - b < 4 && ((unsigned char)t[b] & 0xC0) == 0x80)
		b--;
	if (cp_at(cp, t, i, b) == i - b)
		return b;
	*cp = REPLACEMENT_CHAR;
	return i - 1;
}

static void utf8_encode(char buf[4], size_t *n, uint32_t cp)
{
	if (cp < 0x80) {
		buf[0] = (char)cp;
		*n = 1;
	} else if (cp < 0x800) {
		buf[0] = (char)(0xC0 | (cp >> 6));
		buf[1] = (char)(0x80 | (cp & 0x3F));
		*n = 2;
	} else if (cp < 0x10000) {
		buf[0] = (char)(0xE0 | (cp >> 12));
		buf[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[2] = (char)(0x80 | (cp & 0x3F));
		*n = 3;
	} else {
		buf[0] = (char)(0xF0 | (cp >> 18));
		buf[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		buf[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		buf[3] = (char)(0x80 | (cp & 0x3F));
		*n = 4;
	}
}

/* ===================================================================== *
 * Character classes (ICU for everything beyond ASCII)                   *
 * ===================================================================== */

static bool is_space(uint32_t cp)
{
	if (cp < 0x80)
		return cp == ' ' || (cp >= '\t' && cp <= '\r');
	/* ZERO WIDTH SPACE and BOM are invisible, not White_Space. */
	return u_isUWhiteSpace((UChar32)cp) || cp == 0x200B || cp == 0xFEFF;
}

static bool is_ascii_alpha(uint32_t cp)
{
	return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
}

static bool is_digit(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= '0' && cp <= '9';
	return u_isdigit((UChar32)cp);
}

static bool is_letter(uint32_t cp)
{
	if (cp < 0x80)
		return is_ascii_alpha(cp);
	return cp != REPLACEMENT_CHAR && u_isalpha((UChar32)cp);
}

static bool is_alnum(uint32_t cp)
{
	if (cp < 0x80)
		return is_ascii_alpha(cp) || (cp >= '0' && cp <= '9');
	return cp != REPLACEMENT_CHAR && u_isalnum((UChar32)cp);
}

static bool is_lower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'a' && cp <= 'z';
	return u_islower((UChar32)cp);
}

static bool is_upper(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z';
	return u_isupper((UChar32)cp) || u_istitle((UChar32)cp);
}

/* Combining marks stay inside the word of their base letter. */
static bool is_mark(uint32_t cp)
{
	return cp >= 0x300 && (U_GET_GC_MASK((UChar32)cp) & U_GC_M_MASK);
}

static const terminator_entry *find_terminator(uint32_t cp)
{
	if (cp != '.' && cp != '!' && cp != '?' && cp < 0x2026)
		return NULL;
	for (size_t i = 0; i < COUNT(TERMINATORS); i++)
		if (TERMINATORS[i].cp == cp)
			return &TERMINATORS[i];
	return NULL;
}

static bool is_terminator(uint32_t cp)
{
	return find_terminator(cp) != NULL;
}

static const closer_entry *find_closer(uint32_t cp)
{
	for (size_t i = 0; i < COUNT(CLOSERS); i++)
		if (CLOSERS[i].cp == cp)
			return &CLOSERS[i];
	return NULL;
}

/* ===================================================================== *
 * Folding                                                               *
 * ===================================================================== */

/* A non-ASCII run is normalised in pieces of about this many bytes, cut
 * where NFKC allows it, so scratch buffers stay small and ICU's int32_t
 * lengths cannot overflow. */
#define FOLD_CHUNK_BYTES 1024u
#define FOLD_CHUNK_HARD_MAX (4u * FOLD_CHUNK_BYTES)

struct incline_folder {
	const UNormalizer2 *nfkc_cf; /* borrowed: an ICU singleton */
	USpoofChecker *spoof;        /* owned */
	UChar *src;                  /* owned scratch: a piece in UTF-16 */
	int32_t src_cap;
	UChar *norm;                 /* owned scratch: its normal form */
	int32_t norm_cap;
};

/* A growable byte string (the fold result). */
typedef struct strbuf {
	char *p; /* owned */
	size_t n;
	size_t cap;
} strbuf;

static int strbuf_reserve(strbuf *b, size_t extra)
{
	if (extra > SIZE_MAX - 1 - b->n)
		return INCLINE_ENOMEM;
	size_t need = b->n + extra + 1;
	if (need <= b->cap)
		return 0;
	size_t cap = b->cap > SIZE_MAX / 2 ? SIZE_MAX : b->cap * 2;
	if (cap < need)
		cap = need;
	char *p = realloc(b->p, cap);
	if (!p)
		return INCLINE_ENOMEM;
	b->p = p;
	b->cap = cap;
	return 0;
}

static int strbuf_push_cp(strbuf *b, uint32_t cp)
{
	char enc[4];
	size_t n;

	utf8_encode(enc, &n, cp);
	if (strbuf_reserve(b, n) != 0)
		return INCLINE_ENOMEM;
	memcpy(b->p + b->n, enc, n);
	b->n += n;
	return 0;
}

/* The ASCII fast path: plain lower-casing, no ICU. */
static int strbuf_push_lower(strbuf *b, const char *s, size_t len)
{
	if (strbuf_reserve(b, len) != 0)
		return INCLINE_ENOMEM;
	char *d = b->p + b->n;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		d[i] = (c >= 'A' && c <= 'Z') ? (char)(c + ('a' - 'A')) : c;
	}
	b->n += len;
	return 0;
}

static int icu_code(UErrorCode st)
{
	return st == U_MEMORY_ALLOCATION_ERROR ? INCLINE_ENOMEM : INCLINE_EINVAL;
}

/* What to tell the user: "out of memory" says more than ICU's name for it. */
static const char *icu_reason(UErrorCode st)
{
	return st == U_MEMORY_ALLOCATION_ERROR ? "out of memory" : u_errorName(st);
}

int incline_text_folder_new(incline_folder **out, incline_error *err)
{
	UErrorCode st = U_ZERO_ERROR;
	incline_folder *f;

	*out = NULL;
	f = calloc(1, sizeof *f);
	if (!f)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					 "out of memory");
	f->nfkc_cf = unorm2_getNFKCCasefoldInstance(&st);
	if (U_FAILURE(st)) {
		free(f);
		return incline_error_set(err, icu_code(st), NULL, 0, 0,
					 "ICU NFKC_Casefold unavailable: %s",
					 icu_reason(st));
	}
	f->spoof = uspoof_open(&st);
	if (U_FAILURE(st)) {
		free(f);
		return incline_error_set(err, icu_code(st), NULL, 0, 0,
					 "ICU spoof checker unavailable: %s",
					 icu_reason(st));
	}
	*out = f;
	return 0;
}

void incline_text_folder_free(incline_folder *f)
{
	if (!f)
		return;
	uspoof_close(f->spoof);
	free(f->src);
	free(f->norm);
	free(f);
}

static int grow_uchars(UChar **buf, int32_t *cap, int32_t need)
{
	if (need <= *cap)
		return 0;
	UChar *p = realloc(*buf, (size_t)need * sizeof *p);
	if (!p)
		return INCLINE_ENOMEM;
	*buf = p;
	*cap = need;
	return 0;
}

static char fold_punct(uint32_t cp)
{
	if (cp < 0xAB || cp > 0x2E3B)
		return 0;
	for (size_t i = 0; i < COUNT(FOLD_PUNCT); i++)
		if (FOLD_PUNCT[i].cp == cp)
			return FOLD_PUNCT[i].ascii;
	return 0;
}

/* Appends a code point that needs no more folding: ASCII and unchanged
 * characters as UTF-8, curly quotes and dashes as their ASCII form. */
static int push_plain(strbuf *b, uint32_t cp)
{
	char p = fold_punct(cp);
	return strbuf_push_cp(b, p ? (uint32_t)(unsigned char)p : cp);
}

/* Appends the skeleton of one non-ASCII letter, case folded again because
 * skeleton prototypes may be capitals (Cyrillic "с" gives "c", "І" would
 * give "l" had the case fold not come first). Falls back to the letter
 * itself if ICU refuses. */
static int push_skeleton(strbuf *b, incline_folder *f, uint32_t cp)
{
	UChar in[2], sk[32], cf[64];
	int32_t n = 0, nsk, ncf;
	UErrorCode st = U_ZERO_ERROR;

	U16_APPEND_UNSAFE(in, n, (UChar32)cp);
	nsk = uspoof_getSkeleton(f->spoof, 0, in, n, sk, COUNT(sk), &st);
	if (U_FAILURE(st))
		return push_plain(b, cp);
	ncf = unorm2_normalize(f->nfkc_cf, sk, nsk, cf, COUNT(cf), &st);
	if (U_FAILURE(st))
		return push_plain(b, cp);
	for (int32_t i = 0; i < ncf;) {
		UChar32 c;
		U16_NEXT(cf, i, ncf, c);
		if (push_plain(b, (uint32_t)c) != 0)
			return INCLINE_ENOMEM;
	}
	return 0;
}

/* Folds s[0..len), a piece holding non-ASCII text (and perhaps one ASCII
 * base letter before it): NFKC_Casefold, then the skeleton for non-ASCII
 * letters only, so ASCII never changes beyond lower case ("m" stays "m",
 * "l" and "I" stay apart). Invalid bytes become U+FFFD. */
static int fold_piece(strbuf *b, incline_folder *f, const char *s, size_t len)
{
	UErrorCode st = U_ZERO_ERROR;
	int32_t nsrc = 0, nnorm;

	/* Each byte yields at most one UTF-16 unit. */
	if (len > INT32_MAX || grow_uchars(&f->src, &f->src_cap,
					   (int32_t)len + 1) != 0)
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += cp_at(&cp, s, len, i);
		U16_APPEND_UNSAFE(f->src, nsrc, (UChar32)cp);
	}
	nnorm = unorm2_normalize(f->nfkc_cf, f->src, nsrc, f->norm,
				 f->norm_cap, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR) {
		if (grow_uchars(&f->norm, &f->norm_cap, nnorm) != 0)
			return INCLINE_ENOMEM;
		st = U_ZERO_ERROR;
		nnorm = unorm2_normalize(f->nfkc_cf, f->src, nsrc, f->norm,
					 f->norm_cap, &st);
	}
	if (U_FAILURE(st))
		return icu_code(st);
	for (int32_t i = 0; i < nnorm;) {
		UChar32 c;
		int rc;
		U16_NEXT(f->norm, i, nnorm, c);
		if (c >= 0x80 && is_letter((uint32_t)c))
			rc = push_skeleton(b, f, (uint32_t)c);
		else
			rc = push_plain(b, (uint32_t)c);
		if (rc != 0)
			return rc;
	}
	return 0;
}

/* End of the non-ASCII run starting at s[j]: the next ASCII byte, or a
 * normalisation boundary once the piece has grown past FOLD_CHUNK_BYTES. */
static size_t piece_end(const incline_folder *f, const char *s, size_t len,
			size_t j)
{
	size_t k = j;

	while (k < len && (unsigned char)s[k] >= 0x80) {
		uint32_t cp;
		size_t n = cp_at(&cp, s, len, k);
		if (k - j >= FOLD_CHUNK_HARD_MAX ||
		    (k - j >= FOLD_CHUNK_BYTES &&
		     unorm2_hasBoundaryBefore(f->nfkc_cf, (UChar32)cp)))
			break;
		k += n;
	}
	return k;
}

static int fold_into(strbuf *b, incline_folder *f, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		size_t j = i;
		while (j < len && (unsigned char)s[j] < 0x80)
			j++;
		if (j == len)
			return strbuf_push_lower(b, s + i, len - i);
		/* The ASCII letter before a non-ASCII run may be the base of a
		 * combining mark ("e" + U+0301), so it joins the piece. */
		size_t piece = j > i ? j - 1 : j;
		if (strbuf_push_lower(b, s + i, piece - i) != 0)
			return INCLINE_ENOMEM;
		size_t k = piece_end(f, s, len, j);
		int rc = fold_piece(b, f, s + piece, k - piece);
		if (rc != 0)
			return rc;
		i = k;
	}
	return 0;
}

int incline_text_fold(char **out, size_t *out_len, incline_folder *f,
		      const char *s, size_t len)
{
	strbuf b = {NULL, 0, 0};
	int rc;

	*out = NULL;
	*out_len = 0;
	if (!f || (!s && len > 0))
		return INCLINE_EINVAL;
	/* Pure ASCII never grows, so this is the only allocation then. */
	rc = strbuf_reserve(&b, len);
	if (rc == 0)
		rc = fold_into(&b, f, s, len);
	if (rc != 0) {
		free(b.p);
		return rc;
	}
	b.p[b.n] = '\0';
	*out = b.p;
	*out_len = b.n;
	return 0;
}

int incline_text_fold_append(char **buf, size_t *buf_len, size_t *cap,
			     incline_folder *f, const char *s, size_t len)
{
	strbuf b = {*buf, *buf_len, *cap};
	int rc;

	if (!f || (!s && len > 0))
		return INCLINE_EINVAL;
	rc = strbuf_reserve(&b, len);
	if (rc == 0)
		rc = fold_into(&b, f, s, len);
	if (rc == 0)
		b.p[b.n++] = '\0'; /* strbuf_reserve always leaves room for it */
	*buf = b.p;
	*cap = b.cap;
	if (rc == 0)
		*buf_len = b.n;
	return rc;
}

/* ===================================================================== *
 * Sentences                                                             *
 * ===================================================================== */

typedef struct splitter {
	incline_span_list *out; /* borrowed */
	const char *t;          /* borrowed */
	size_t len;
	size_t base;
	size_t start; /* where the open sentence begins */
} splitter;

static size_t skip_space(const char *t, size_t len, size_t i)
{
	while (i < len) {
		uint32_t cp;
		size_t n = cp_at(&cp, t, len, i);
		if (!is_space(cp))
			break;
		i += n;
	}
	return i;
}

/* Where a long sentence is cut: the last ASCII space in its second half,
 * else a code point boundary. */
static size_t cut_point(const char *t, size_t s, size_t limit)
{
	for (size_t c = limit; c > s + (limit - s) / 2; c--)
		if (t[c] == ' ' || t[c] == '\n' || t[c] == '\t')
			return c;
	size_t c = limit;
	while (c > s + 1 && ((unsigned char)t[c] & 0xC0) == 0x80)
		c--;
	return c;
}

/* Appends t[s, e) trimmed of white space (nothing if empty); pieces of
 * at most INCLINE_MAX_SENTENCE_BYTES keep a runaway line bounded. */
static int emit(splitter *sp, size_t s, size_t e)
{
	for (;;) {
		s = skip_space(sp->t, e, s);
		while (e > s) {
			uint32_t cp;
			size_t b = cp_before(&cp, sp->t, e);
			if (!is_space(cp))
				break;
			e = b;
		}
		if (s == e)
			return 0;
		if (e - s <= INCLINE_MAX_SENTENCE_BYTES)
			break;
		size_t cut = cut_point(sp->t, s, s + INCLINE_MAX_SENTENCE_BYTES);
		if (incline_span_list_push(sp->out, sp->base + s,
					   sp->base + cut) != 0)
			return INCLINE_ENOMEM;
		s = cut;
	}
	return incline_span_list_push(sp->out, sp->base + s, sp->base + e);
}

/* Closes the open sentence at `end` and opens the next at `next`. */
static int split_at(splitter *sp, size_t end, size_t next)
{
	int rc = emit(sp, sp->start, end);
	sp->start = next;
	return rc;
}

/* true when only spaces or tabs lie between the last newline (or the
 * start) and t[i]. */
static bool at_line_start(const char *t, size_t i)
{
	while (i > 0 && (t[i - 1] == ' ' || t[i - 1] == '\t'))
		i--;
	return i == 0 || t[i - 1] == '\n';
}

/* A list item begins at t[p]: a bullet or "12." / "12)" and a space. */
static bool starts_bullet(const char *t, size_t len, size_t p)
{
	uint32_t cp;
	size_t n = cp_at(&cp, t, len, p), q = p;

	if (cp_in(BULLETS, COUNT(BULLETS), cp))
		return p + n < len && (t[p + n] == ' ' || t[p + n] == '\t');
	while (q < len && q - p < 3 && t[q] >= '0' && t[q] <= '9')
		q++;
	return q > p && q + 1 < len && (t[q] == '.' || t[q] == ')') &&
	       (t[q + 1] == ' ' || t[q + 1] == '\t');
}

static abbr_kind lookup_abbreviation(const char *w, size_t n)
{
	/* first letter first: this runs at every period of every article,
	 * and a strlen per table row was a third of the splitter */
	for (size_t i = 0; i < COUNT(ABBREVIATIONS); i++)
		if (ABBREVIATIONS[i].word[0] == w[0] && strlen(ABBREVIATIONS[i].word) == n &&
		    memcmp(ABBREVIATIONS[i].word, w, n) == 0)
			return ABBREVIATIONS[i].kind;
	return ABBR_NONE;
}

/* "U.S", "a.m": letters with single dots between. */
static bool is_dotted(const char *w, size_t n)
{
	if (n < 3 || n % 2 == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (i % 2 ? w[i] != '.' : !is_ascii_alpha((unsigned char)w[i]))
			return false;
	return true;
}

/* What the word before the period at t[dot] says about it. */
static abbr_kind abbreviation_before(const char *t, size_t dot)
{
	size_t b = dot;
	uint32_t prev;

	while (b > 0 && dot - b <= ABBR_MAX_BYTES &&
	       (is_ascii_alpha((unsigned char)t[b - 1]) || t[b - 1] == '.'))
		b--;
	if (b == dot) {
		/* "1. First item": a list number, not a sentence. */
		while (b > 0 && dot - b < 3 && t[b - 1] >= '0' && t[b - 1] <= '9')
			b--;
		return b < dot && at_line_start(t, b) ? ABBR_NEVER_ENDS
						      : ABBR_NONE;
	}
	if (b > 0) {
		cp_before(&prev, t, b);
		if (is_alnum(prev))
			return ABBR_NONE; /* the tail of a longer word */
	}
	if (t[b] == '.')
		return ABBR_NONE;
	abbr_kind kind = lookup_abbreviation(t + b, dot - b);
	if (kind != ABBR_NONE)
		return kind;
	if (is_dotted(t + b, dot - b))
		return ABBR_MID;
	if (dot - b == 1 && t[b] >= 'A' && t[b] <= 'Z')
		return ABBR_MID; /* an initial: "J. Smith" */
	return ABBR_NONE;
}

static bool is_sentence_starter(const char *t, size_t len, size_t p)
{
	size_t e = p;

	while (e < len && e - p <= STARTER_MAX_BYTES &&
	       is_ascii_alpha((unsigned char)t[e]))
		e++;
	if (e == p || (e < len && (unsigned char)t[e] >= 0x80))
		return false;
	for (size_t i = 0; i < COUNT(SENTENCE_STARTERS); i++)
		if (strlen(SENTENCE_STARTERS[i]) == e - p &&
		    memcmp(SENTENCE_STARTERS[i], t + p, e - p) == 0)
			return true;
	return false;
}

/* Does the text at t[p] (after a terminator run at t[run] and white
 * space) open a new sentence? */
static bool opens_sentence(const splitter *sp, size_t run, bool one_period,
			   size_t p)
{
	uint32_t cp;

	cp_at(&cp, sp->t, sp->len, p);
	if (is_lower(cp) || cp == ',' || cp == ';' || cp == ':' || cp == ')')
		return false; /* "the… pic", "U.S. officials" */
	if (!one_period ||
	    (at_line_start(sp->t, p) && starts_bullet(sp->t, sp->len, p)))
		return true;
	switch (abbreviation_before(sp->t, run)) {
	case ABBR_NEVER_ENDS:
		return false;
	case ABBR_BEFORE_NUMBER:
		return !is_digit(cp);
	case ABBR_MID:
		return is_sentence_starter(sp->t, sp->len, p);
	case ABBR_NONE:
		break;
	}
	return true;
}

/* A run of terminators at t[*i]: ".", "?!", "…", "‼️", ".”", ".”." */
static int on_terminator(splitter *sp, size_t *i)
{
	const char *t = sp->t;
	size_t run = *i, e = *i, nterm = 0;
	bool quote = false, spaceless = false;

	while (e < sp->len) {
		uint32_t cp;
		size_t n = cp_at(&cp, t, sp->len, e);
		const terminator_entry *term = find_terminator(cp);
		const closer_entry *c;
		if (term) {
			nterm++;
			spaceless = spaceless || term->spaceless;
		} else if ((c = find_closer(cp)) != NULL)
			quote = quote || c->is_quote;
		else if (!(cp >= 0xFE00 && cp <= 0xFE0F)) /* emoji selectors */
			break;
		e += n;
	}
	*i = e;
	if (e >= sp->len)
		return 0;
	uint32_t next;
	cp_at(&next, t, sp->len, e);
	if (!is_space(next)) {
		/* `incident.”The court`: the space after the quote is
		 * missing. A lower-case word goes on as it would after a space
		 * (`incident.”although it does not…`, `systems.”the AIVD
		 * warned`). Without a quote ("pic.twitter", "2.5") nothing
		 * ends, but CJK text has no spaces to wait for. */
		return (quote && is_letter(next) && !is_lower(next)) || spaceless
			       ? split_at(sp, e, e) : 0;
	}
	size_t p = skip_space(t, sp->len, e);
	if (p == sp->len)
		return 0;
	bool one_period = nterm == 1 && t[run] == '.';
	if (incline_text_paragraph_break(t, e, p) ||
	    opens_sentence(sp, run, one_period, p)) {
		*i = p;
		return split_at(sp, e, p);
	}
	return 0; /* the newline handler still sees the white space */
}

/* Does the line ending at t[nl] (a newline) end its sentence, the next
 * line starting at t[p]? Headlines and list items do. */
static bool line_ends_sentence(const splitter *sp, size_t nl, size_t p)
{
	const char *t = sp->t;
	uint32_t last, next;
	size_t e = nl;

	if (starts_bullet(t, sp->len, p))
		return true;
	while (e > sp->start && (t[e - 1] == ' ' || t[e - 1] == '\t' ||
				 t[e - 1] == '\r'))
		e--;
	if (e <= sp->start)
		return false;
	/* Terminal punctuation had its say in on_terminator. */
	do
		e = cp_before(&last, t, e);
	while (find_closer(last) && e > sp->start);
	if (is_terminator(last) || (last >= 0xFE00 && last <= 0xFE0F) ||
	    cp_in(LINE_CONTINUERS, COUNT(LINE_CONTINUERS), last))
		return false;
	cp_at(&next, t, sp->len, p);
	return is_upper(next) || cp_in(OPENING_QUOTES, COUNT(OPENING_QUOTES), next);
}

static int on_newline(splitter *sp, size_t *i)
{
	size_t nl = *i, p = skip_space(sp->t, sp->len, nl);

	*i = p;
	if (p == sp->len)
		return 0;
	if (incline_text_paragraph_break(sp->t, nl, p) ||
	    line_ends_sentence(sp, nl, p))
		return split_at(sp, nl, p);
	return 0;
}

static size_t match_month(const char *t, size_t len, size_t p)
{
	for (size_t m = 0; m < COUNT(MONTH_NAMES); m++) {
		size_t n = strlen(MONTH_NAMES[m]);
		if (len - p > n && memcmp(t + p, MONTH_NAMES[m], n) == 0 &&
		    t[p + n] == ' ')
			return p + n + 1;
	}
	return 0;
}

static size_t skip_digits(const char *t, size_t len, size_t p, size_t min,
			  size_t max)
{
	size_t q = p;
	while (q < len && q - p < max && t[q] >= '0' && t[q] <= '9')
		q++;
	return q - p >= min ? q : 0;
}

/* After a tweet signature's ")": " September 19, 2023" (optional). */
static size_t tweet_date_end(const char *t, size_t len, size_t p)
{
	size_t q = p;
	while (q < len && t[q] == ' ')
		q++;
	if (!(q = match_month(t, len, q)) || !(q = skip_digits(t, len, q, 1, 2)))
		return p;
	if (len - q < 2 || t[q] != ',' || t[q + 1] != ' ')
		return p;
	q = skip_digits(t, len, q + 2, 4, 4);
	return q ? q : p;
}

/* Words of a tweet signature's name, then "(@handle)". */
#define SIG_MAX_WORDS 6
#define SIG_MAX_WORD_BYTES 40
#define SIG_MAX_HANDLE 30

/* The end of a signature "Name (@handle) Date" starting at t[p], or 0. */
static size_t tweet_signature_end(const char *t, size_t len, size_t p)
{
	size_t words = 0, q = p;

	while (q < len && t[q] != '(' && words < SIG_MAX_WORDS) {
		size_t w = q;
		while (q < len && q - w < SIG_MAX_WORD_BYTES && t[q] != ' ' &&
		       t[q] != '\t' && t[q] != '\n' && t[q] != '(')
			q++;
		if (q == w || q == len || t[q] != ' ')
			return 0;
		words++;
		while (q < len && t[q] == ' ')
			q++;
	}
	if (words == 0 || len - q < 4 || t[q] != '(' || t[q + 1] != '@')
		return 0;
	size_t h = q + 2;
	while (h < len && h - q - 2 < SIG_MAX_HANDLE &&
	       (is_ascii_alpha((unsigned char)t[h]) || t[h] == '_' ||
		(t[h] >= '0' && t[h] <= '9')))
		h++;
	if (h == q + 2 || h == len || t[h] != ')')
		return 0;
	return tweet_date_end(t, len, h + 1);
}

/* Length of a signature dash at t[i] (" — ", " – ", " -- "), or 0. */
static size_t dash_at(const char *t, size_t len, size_t i, uint32_t cp,
		      size_t n)
{
	if (cp == '-')
		n = (i + 1 < len && t[i + 1] == '-') ? 2 : 0;
	else if (cp != 0x2014 && cp != 0x2013)
		n = 0;
	if (n == 0 || i == 0 || t[i - 1] != ' ' || i + n >= len ||
	    t[i + n] != ' ')
		return 0;
	return n;
}

/* "… pic.twitter.com/x — Alejandro Fleming (@AleFleming) September 19,
 * 2023": the signature becomes a sentence of its own. */
static int on_dash(splitter *sp, size_t *i, size_t n)
{
	size_t d = *i, sig = tweet_signature_end(sp->t, sp->len, d + n + 1);
	int rc;

	if (sig == 0) {
		*i = d + n;
		return 0;
	}
	rc = split_at(sp, d, d);
	if (rc == 0)
		rc = split_at(sp, sig, sig);
	*i = sig;
	return rc;
}

/* The first byte at or after t[i] that is not ASCII_PLAIN (a newline,
 * '!', '-', '.', '?' or a byte >= 0x80), or len. With SSE2 (every
 * x86-64) 16 bytes are tested at once: one compare per such ASCII byte
 * and the sign bits for the rest, about one instruction a byte where the
 * table loop below takes seven (the splitter sees every byte of every
 * article). Exact: a group is skipped only when no byte of it is one of
 * those, and the table finds the byte within the last group and the
 * tail. */
static size_t skip_plain(const char *t, size_t len, size_t i)
{
#if defined(__SSE2__) && !defined(INCLINE_TEXT_NO_SIMD)
	const __m128i nl = _mm_set1_epi8('\n'), bang = _mm_set1_epi8('!'),
		      dash = _mm_set1_epi8('-'), dot = _mm_set1_epi8('.'),
		      ask = _mm_set1_epi8('?');

	while (len - i >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(t + i));
		__m128i hit = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, nl), _mm_cmpeq_epi8(v, bang)),
					   _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, dash),
								     _mm_cmpeq_epi8(v, dot)),
							_mm_cmpeq_epi8(v, ask)));
		if (_mm_movemask_epi8(_mm_or_si128(hit, v)) != 0)
			break; /* a stop, or a byte >= 0x80 (its sign bit) */
		i += 16;
	}
#endif
	while (i < len && (ASCII_CLASS[(unsigned char)t[i]] & ASCII_PLAIN))
		i++;
	return i;
}

int incline_text_sentences(incline_span_list *out, const char *text,
			   size_t len, size_t base)
{
	splitter sp = {out, text, len, base, 0};
	size_t i = 0;
	int rc = 0;

	while (i < len && rc == 0) {
		uint32_t cp;
		size_t n, dn;
		/* Most bytes are ASCII that no handler below wants: skipping
		 * them in a tight loop made the splitter ~3x faster (callgrind,
		 * bench corpus), and 16 at a time (skip_plain) as much again. */
		i = skip_plain(text, len, i);
		if (i == len)
			break;
		n = cp_at(&cp, text, len, i);
		if (cp == '\n')
			rc = on_newline(&sp, &i);
		else if (is_terminator(cp))
			rc = on_terminator(&sp, &i);
		else if ((cp == '-' || cp >= 0x80) &&
			 (dn = dash_at(text, len, i, cp, n)) != 0)
			rc = on_dash(&sp, &i, dn);
		else
			i += n;
	}
	if (rc == 0)
		rc = emit(&sp, sp.start, len);
	return rc;
}

bool incline_text_paragraph_break(const char *text, size_t from, size_t to)
{
	bool after_newline = false;

	if (!text)
		return false;
	for (size_t i = from; i < to; i++) {
		char c = text[i];
		if (c == '\n') {
			if (after_newline)
				return true;
			after_newline = true;
		} else if (c != ' ' && c != '\t' && c != '\r') {
			after_newline = false;
		}
	}
	return false;
}

/* ===================================================================== *
 * Words                                                                 *
 * ===================================================================== */

/* Joins two word parts: "court's", "ICC’s", "cyber-attack", "2.5". */
static bool joins_word(uint32_t prev, uint32_t mid, uint32_t next)
{
	if (mid == '\'' || mid == 0x2019 || mid == '-' || mid == 0x2010 ||
	    mid == 0x2011)
		return is_alnum(prev) && is_alnum(next);
	if (mid == '.')
		return is_digit(prev) && is_digit(next);
	return false;
}


/* The end of the word starting at s[i]. */
static size_t word_end(const char *s, size_t len, size_t i)
{
	uint32_t prev;

	i += cp_at(&prev, s, len, i);
	while (i < len) {
		uint32_t cp, next;
		size_t n, from = i;
		/* ASCII letters and digits, as the general case below would
		 * take them, one table lookup each */
		while (i < len && (ASCII_CLASS[(unsigned char)s[i]] & ASCII_ALNUM))
			i++;
		if (i > from)
			prev = (unsigned char)s[i - 1];
		if (i >= len)
			break;
		/* ASCII that is neither a letter, a digit nor a joiner (see
		 * joins_word) ends the word: the usual space, without the
		 * calls below */
		if ((unsigned char)s[i] < 0x80 && s[i] != '\'' && s[i] != '-' && s[i] != '.')
			break;
		n = cp_at(&cp, s, len, i);
		if (is_alnum(cp) || (is_mark(cp) && is_alnum(prev))) {
			if (!is_mark(cp))
				prev = cp;
			i += n;
			continue;
		}
		if (i + n >= len)
			break;
		size_t n2 = cp_at(&next, s, len, i + n);
		if (!joins_word(prev, cp, next))
			break;
		prev = next;
		i += n + n2;
	}
	return i;
}

/* The end of the run of ASCII letters and digits at s[i] (i < len): 16
 * bytes at a time with SSE2 (a word is a handful of bytes, and the table
 * loop took a load, a lookup and two branches for each), then by the
 * table. Exact: (c | 0x20) is in 'a'..'z' exactly for the ASCII letters,
 * and the signed compares leave out every byte >= 0x80. */
static size_t alnum_run_end(const char *s, size_t len, size_t i)
{
#if defined(__SSE2__) && !defined(INCLINE_TEXT_NO_SIMD)
	while (len - i >= 16) {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + i));
		__m128i lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i al = _mm_and_si128(_mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)),
					   _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)));
		__m128i dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
					   _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
		unsigned other = ~(unsigned)_mm_movemask_epi8(_mm_or_si128(al, dg)) & 0xFFFFu;
		if (other)
			return i + (size_t)__builtin_ctz(other);
		i += 16;
	}
#endif
	while (i < len && (ASCII_CLASS[(unsigned char)s[i]] & ASCII_ALNUM))
		i++;
	return i;
}

int incline_text_words(incline_span_list *out, const char *s, size_t len)
{
	size_t i = 0;

	while (i < len) {
		uint32_t cp;
		size_t n, e;
		unsigned char c = (unsigned char)s[i];
		if (ASCII_CLASS[c] & ASCII_NO_WORD) {
			i++; /* spaces and punctuation: the fast case */
			continue;
		}
		if (ASCII_CLASS[c] & ASCII_ALNUM) {
			/* An ASCII letter or digit starts the word; when its run
			 * ends at the text's end or at ASCII that is no joiner
			 * (see joins_word), that is where word_end would stop
			 * too: most words, without its calls. */
			e = alnum_run_end(s, len, i + 1);
			if (e < len && !(ASCII_CLASS[(unsigned char)s[e]] & ASCII_ENDS_WORD))
				e = word_end(s, len, i); /* a joiner, or not ASCII */
		} else {
			n = cp_at(&cp, s, len, i);
			if (!is_alnum(cp)) {
				i += n;
				continue;
			}
			e = word_end(s, len, i);
		}
		if (out->n < out->cap) { /* the push below, without the call */
			out->items[out->n].start = i;
			out->items[out->n++].end = e;
		} else if (incline_span_list_push(out, i, e) != 0) {
			return INCLINE_ENOMEM;
		}
		i = e;
	}
	return 0;
}
