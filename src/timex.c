/* The date-expression scanner. One pass: a small hand-written lexer turns
 * the bytes into tokens (words read 16 bytes at a time and looked up once
 * in the lexicon of timex_tables.c through a hash index, numbers, ISO and
 * slash dates, clock times; web addresses skipped whole), a sliding
 * window of tokens keeps a bounded left and right context, and at each
 * token that can begin an expression (a flag the lexer settles from the
 * token and the next one) a set of small recursive-descent parsers
 * proposes an expression; the longest wins. Resolution against the reference date (or the last
 * date seen in the text) produces the TIMEX3 value and the day interval.
 * No allocation except the output list; no state survives a call but the
 * scanner's text-independent tables (incline_timex_scanner). */
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "incline/timex.h"
#include "timex_tables.h"

/* SSE2 is part of every x86-64; elsewhere (or with -DTX_NO_SIMD) the
 * byte-at-a-time word reader gives the same tokens. */
#if defined(__SSE2__) && !defined(TX_NO_SIMD)
#include <emmintrin.h>
#define TX_SIMD 1
#endif

/* The lexer's fast path is inlined into the token loop even though a
 * test helper calls it too (a call per token shows in profiles). */
#if defined(__GNUC__)
#define TX_HOT inline __attribute__((always_inline))
#else
#define TX_HOT inline
#endif

/* Window sizes: a match may look TX_LOOK tokens ahead; tense cues are
 * searched TX_BACK tokens behind. */
#define TX_WIN 256
#define TX_LOOK 48
#define TX_BACK 40
#define TX_TENSE_REACH 32 /* tokens each side searched for a tense cue */
#ifndef TX_NARRATIVE
#define TX_NARRATIVE 30   /* tokens a narrative's explicit year carries over */
#endif

enum tx_kind {
	TK_NONE = 0,
	TK_WORD,
	TK_NUM,
	TK_DATE,  /* y, mo, d: "2023-09-19", "9/19/2023" */
	TK_CLOCK, /* h, mi: "10:30" */
	TK_PUNCT,
	TK_QTR,   /* num 1..4: "Q3", "3Q" */
	TK_HALFY, /* num 1..2: "H1" */
	TK_FY     /* num year: "FY2023" */
};

enum {
	TF_CAP = 1u << 0,     /* first letter upper case */
	TF_HYPH = 1u << 1,    /* joined to the previous token by a hyphen */
	TF_SPACE = 1u << 2,   /* white space before */
	TF_BREAK = 1u << 3,   /* blank line before */
	TF_COMPLEX = 1u << 4, /* number with separators or letters: not a date */
	TF_DOT = 1u << 5,     /* immediately followed by '.' */
	TF_ALLCAP = 1u << 6,
	TF_NL = 1u << 7       /* a line break before */
};

enum { SUF_NONE = 0, SUF_ORD, SUF_S, SUF_AM, SUF_PM };

typedef struct tx_tok {
	size_t start, end;
	const tx_word *w;
	/* w's class and id (0 without w), copied here when w is set: the
	 * parsers ask has() and wid() of every token they look at, and
	 * this spares them the NULL test and the second load */
	uint32_t cls;
	uint16_t id;
	int32_t num;
	int16_t y;
	int8_t mo, d, h, mi;
	uint8_t kind, flags, ndig, suf;
	uint8_t st; /* TS_*: what the token can begin */
	char ch;
} tx_tok;

/* What a token can begin, set by the lexer so the driver's loop over the
 * tokens tests one byte per token (see incline_timex_scanner_scan). */
enum {
	TS_START = 1u << 0,   /* may begin an expression */
	TS_ARTICLE = 1u << 1, /* "the", "a", "an": only with a TS_START after */
	TS_A = 1u << 2,       /* "a", "an": also counts after "the" */
	TS_APOS = 1u << 3,    /* "'": begins one before a number ("'90s") */
	TS_CAND = 1u << 4     /* settled once the next token is known */
};

typedef struct tx_lexer {
	const unsigned char *s;
	size_t len, pos, last_end;
	unsigned pending; /* flags for the next token (a joining hyphen) */
	int dmy;          /* +1 day-first, -1 month-first, 0 unknown */
	/* lx_fast reads a token only if the 17 bytes from pos lie below
	 * fast_len: the text's length, or 0 to leave every token to lx_next
	 * (tx_scanner_slow) */
	size_t fast_len;
	const tx_index *idx;      /* borrowed from the scanner */
	const unsigned char *wst; /* TS_* per lexicon word, likewise */
} tx_lexer;

/* Internal granularity: incline_gran plus the weekend. */
enum tx_g {
	TG_NONE = 0, TG_TIME, TG_DAY, TG_WEEKEND, TG_WEEK, TG_MONTH, TG_SEASON,
	TG_QUARTER, TG_HALF, TG_YEAR, TG_DECADE, TG_CENTURY
};

/* A resolved date: a granularity and any day inside that unit. */
typedef struct tx_point {
	int g;
	incline_day day;
	int hour, minute; /* -1: none */
	int daypart;      /* TXD_* */
} tx_point;

/* What a parser proposes. */
typedef struct tx_res {
	int ntok;  /* tokens consumed from the match start */
	int skip;  /* leading tokens consumed but outside the span */
	incline_timex_type type;
	incline_timex_mod mod;
	incline_timex_anchor anchor;
	tx_point p;
	int ref;   /* TXF_PRESENT / TXF_PAST / TXF_FUTURE: a *_REF value */
	incline_day lo, hi; /* explicit interval when has_iv */
	bool has_iv;
	bool approx;
	bool md;   /* a month-day date: a following "-5" is a range end */
	bool derived; /* computed from another quarter ("a year earlier") */
	char lit[INCLINE_TIMEX_VALUE_SIZE]; /* literal value (durations, sets); last */
} tx_res;

/* An empty proposal. Run a dozen times per candidate token: it clears
 * the fields before the literal and only the literal's first byte (a
 * whole-struct memset shows in profiles). */
static void res_init(tx_res *r)
{
	memset(r, 0, offsetof(tx_res, lit));
	r->lit[0] = '\0';
}

typedef struct tx_scan {
	tx_lexer lx;
	int n;
	bool eof;
	size_t dropped; /* tokens slid out of the window so far */
	size_t base;
	incline_day ref;
	/* The last date emitted, for "the next day", "a year earlier". */
	tx_point prev;
	bool has_prev;
	bool prev_explicit; /* it gave its own year */
	size_t prev_abs;  /* absolute token index just after it */
	/* The quarter the article reports on, once it named one: financial
	 * news compares "a year ago" with that quarter. */
	incline_day topic_q;
	bool has_topic_q;
	tx_res last;      /* the last emitted expression */
	size_t last_abs;  /* absolute token index just after it */
	bool has_last;
	incline_timex_list *out;
	bool no_dispatch; /* tx_scanner_slow: core_at calls every parser */
	/* Tables and the window last: they are filled, not zeroed. */
	tx_index idx;
	unsigned char wst[TX_MAX_WORDS]; /* TS_* per lexicon word */
	uint32_t wpm[TX_MAX_WORDS];      /* parsers per word (word_parsers) */
	tx_tok tok[TX_WIN];
} tx_scan;

static const tx_tok no_tok;

/* ---------------------------------------------------------------- lexer */

static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_alpha(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int lower(int c) { return (c >= 'A' && c <= 'Z') ? c + 32 : c; }

/* Byte classes for the lexer's inner loops: one table load per byte
 * instead of a chain of compares. */
enum {
	CC_LOWER = 1u << 0,
	CC_UPPER = 1u << 1,
	CC_DIGIT = 1u << 2,
	CC_HIGH = 1u << 3,  /* >= 0x80: a letter unless u8_special says not */
	CC_SPACE = 1u << 4, /* blank other than a line break */
	CC_NL = 1u << 5,
	CC_LETTER = CC_LOWER | CC_UPPER,
	CC_WORD = CC_LOWER | CC_UPPER | CC_DIGIT | CC_HIGH
};

#define CC_RANGE4(a, v) [(a)] = (v), [(a) + 1] = (v), [(a) + 2] = (v), [(a) + 3] = (v)
#define CC_RANGE16(a, v) CC_RANGE4(a, v), CC_RANGE4((a) + 4, v), CC_RANGE4((a) + 8, v), \
	CC_RANGE4((a) + 12, v)
static const unsigned char tx_cc[256] = {
	[' '] = CC_SPACE, ['\t'] = CC_SPACE, ['\r'] = CC_SPACE, ['\f'] = CC_SPACE,
	['\v'] = CC_SPACE, ['\n'] = CC_NL,
	CC_RANGE4('0', CC_DIGIT), CC_RANGE4('4', CC_DIGIT), ['8'] = CC_DIGIT, ['9'] = CC_DIGIT,
	CC_RANGE16('a', CC_LOWER), CC_RANGE4('q', CC_LOWER), CC_RANGE4('u', CC_LOWER),
	['y'] = CC_LOWER, ['z'] = CC_LOWER,
	CC_RANGE16('A', CC_UPPER), CC_RANGE4('Q', CC_UPPER), CC_RANGE4('U', CC_UPPER),
	['Y'] = CC_UPPER, ['Z'] = CC_UPPER,
	CC_RANGE16(0x80, CC_HIGH), CC_RANGE16(0x90, CC_HIGH), CC_RANGE16(0xA0, CC_HIGH),
	CC_RANGE16(0xB0, CC_HIGH), CC_RANGE16(0xC0, CC_HIGH), CC_RANGE16(0xD0, CC_HIGH),
	CC_RANGE16(0xE0, CC_HIGH), CC_RANGE16(0xF0, CC_HIGH),
};

/* Classifies a non-ASCII sequence the scanner cares about: returns ' ',
 * '-', '\'', '"' and sets *n to its byte length, or 0 for anything else
 * (a letter of some script: part of a word). */
static int u8_special(const unsigned char *p, size_t avail, size_t *n)
{
	if (avail >= 2 && p[0] == 0xC2 && p[1] == 0xA0) {
		*n = 2;
		return ' ';
	}
	if (avail >= 3 && p[0] == 0xE2 && p[1] == 0x80) {
		*n = 3;
		if (p[2] <= 0x8A || p[2] == 0xAF)
			return ' ';
		if (p[2] >= 0x90 && p[2] <= 0x95)
			return '-';
		if (p[2] == 0x98 || p[2] == 0x99)
			return '\'';
		if (p[2] == 0x9C || p[2] == 0x9D)
			return '"';
		if (p[2] == 0xA8 || p[2] == 0xA9)
			return ' ';
		return 0;
	}
	if (avail >= 3 && p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) {
		*n = 3;
		return ' ';
	}
	return 0;
}

static int lx_peek(const tx_lexer *lx, size_t at)
{
	return at < lx->len ? lx->s[at] : -1;
}

/* Reads up to max digits at *at; returns the count and the value. */
static int lx_digits(const tx_lexer *lx, size_t at, int max, int *val)
{
	int n = 0, v = 0;
	while (n < max && is_digit(lx_peek(lx, at + (size_t)n))) {
		v = v * 10 + (lx->s[at + (size_t)n] - '0');
		n++;
	}
	*val = v;
	return n;
}

static bool lx_alnum_at(const tx_lexer *lx, size_t at)
{
	int c = lx_peek(lx, at);
	return c >= 0 && (is_digit(c) || is_alpha(c) || c >= 0x80);
}

/* "a.m.", "am", "p.m.", "pm" at at (any case); returns its length and
 * the suffix, or 0. */
static size_t lx_ampm(const tx_lexer *lx, size_t at, int *suf)
{
	int c = lower(lx_peek(lx, at));
	size_t n;

	if (c != 'a' && c != 'p')
		return 0;
	if (lower(lx_peek(lx, at + 1)) == 'm')
		n = 2;
	else if (lx_peek(lx, at + 1) == '.' && lower(lx_peek(lx, at + 2)) == 'm')
		n = lx_peek(lx, at + 3) == '.' ? 4 : 3;
	else
		return 0;
	if (lx_alnum_at(lx, at + n))
		return 0;
	*suf = c == 'a' ? SUF_AM : SUF_PM;
	return n;
}

/* Date with separators starting at a number: "2023-09-19", "9/19/2023",
 * "19.09.2023". Returns bytes consumed or 0. */
static size_t lx_sep_date(tx_lexer *lx, size_t at, tx_tok *t)
{
	int a, b, c, na, nb, nc;
	int sep;
	size_t p = at;

	na = lx_digits(lx, p, 5, &a);
	p += (size_t)na;
	sep = lx_peek(lx, p);
	if (sep != '-' && sep != '/' && sep != '.')
		return 0;
	nb = lx_digits(lx, p + 1, 3, &b);
	if (nb < 1 || nb > 2 || lx_peek(lx, p + 1 + (size_t)nb) != sep)
		return 0;
	p += 1 + (size_t)nb;
	nc = lx_digits(lx, p + 1, 5, &c);
	p += 1 + (size_t)nc;
	/* "2020-08-05T12:28:27": the date part is the date. */
	if ((lx_alnum_at(lx, p) && !(na == 4 && lx_peek(lx, p) == 'T' && is_digit(lx_peek(lx, p + 1)))) ||
	    (lx_peek(lx, p) == sep && is_digit(lx_peek(lx, p + 1))))
		return 0;
	if (na == 4 && (nc == 1 || nc == 2)) {
		if (!incline_date_valid_ymd(a, b, c))
			return 0;
		t->y = (int16_t)a;
		t->mo = (int8_t)b;
		t->d = (int8_t)c;
		return p - at;
	}
	if (na > 2 || (nc != 4 && !(nc == 2 && sep == '/')))
		return 0;
	if (nc == 2)
		c += c < 50 ? 2000 : 1900;
	{
		int m = a, d = b;
		/* Day/month order: forced when one part exceeds 12, otherwise
		 * what the text has shown so far, otherwise the separator's
		 * custom (US slashes, European dots and dashes). */
		if (a > 12 && b <= 12) {
			m = b, d = a;
			lx->dmy = 1;
		} else if (b > 12 && a <= 12) {
			lx->dmy = -1;
		} else if (lx->dmy > 0 || (lx->dmy == 0 && sep != '/')) {
			m = b, d = a;
		}
		if (!incline_date_valid_ymd(c, m, d))
			return 0;
		t->y = (int16_t)c;
		t->mo = (int8_t)m;
		t->d = (int8_t)d;
	}
	return p - at;
}

/* "10:30", "10:30:15" after the hour digits (at p); returns the bytes
 * read or 0. */
static size_t lx_clock(const tx_lexer *lx, size_t p, int v, tx_tok *t)
{
	int mi;

	if (v > 24 || lx_peek(lx, p) != ':' || !is_digit(lx_peek(lx, p + 1)) ||
	    !is_digit(lx_peek(lx, p + 2)) || is_digit(lx_peek(lx, p + 3)))
		return 0;
	mi = (lx->s[p + 1] - '0') * 10 + (lx->s[p + 2] - '0');
	if (mi >= 60)
		return 0;
	t->kind = TK_CLOCK;
	t->h = (int8_t)v;
	t->mi = (int8_t)mi;
	if (lx_peek(lx, p + 3) == ':' && is_digit(lx_peek(lx, p + 4)) && is_digit(lx_peek(lx, p + 5)))
		return 6;
	return 3;
}

/* Three digits after a comma at p: "2,000" goes on. */
static bool lx_thousands(const tx_lexer *lx, size_t p)
{
	return lx_peek(lx, p) == ',' && is_digit(lx_peek(lx, p + 1)) && is_digit(lx_peek(lx, p + 2)) &&
	       is_digit(lx_peek(lx, p + 3)) && !is_digit(lx_peek(lx, p + 4));
}

/* Letters glued to a number at p: "19th", "1990s", "3Q", "5pm", or a
 * code ("4G", "3f2a..."). Returns the position after them. */
static size_t lx_num_letters(const tx_lexer *lx, size_t p, int v, int nd, tx_tok *t)
{
	int c1 = lower(lx_peek(lx, p)), c2 = lower(lx_peek(lx, p + 1)), suf;
	bool end2 = !lx_alnum_at(lx, p + 2), end1 = !lx_alnum_at(lx, p + 1);
	size_t n;

	if (end2 && ((c1 == 's' && c2 == 't') || (c1 == 'n' && c2 == 'd') ||
		     (c1 == 'r' && c2 == 'd') || (c1 == 't' && c2 == 'h'))) {
		t->suf = SUF_ORD;
		return p + 2;
	}
	if (end1 && c1 == 's') {
		t->suf = SUF_S;
		return p + 1;
	}
	if (end1 && c1 == 'q' && v >= 1 && v <= 4 && nd == 1) {
		t->kind = TK_QTR;
		return p + 1;
	}
	if ((n = lx_ampm(lx, p, &suf)) > 0) {
		t->suf = (uint8_t)suf;
		return p + n;
	}
	t->flags |= TF_COMPLEX;
	while (lx_alnum_at(lx, p))
		p++;
	return p;
}

/* An a.m./p.m. marker makes the number a clock: "5 p.m.", "10:30 a.m." */
static void lx_clock_marker(tx_tok *t, int v, int nd)
{
	if (t->kind == TK_NUM && (t->suf == SUF_AM || t->suf == SUF_PM)) {
		if (v < 1 || v > 12 || nd > 2) {
			t->flags |= TF_COMPLEX;
		} else {
			t->kind = TK_CLOCK;
			t->h = (int8_t)v;
			t->mi = 0;
		}
	}
	if (t->kind == TK_CLOCK && (t->suf == SUF_AM || t->suf == SUF_PM)) {
		if (t->h > 12) {
			t->suf = SUF_NONE;
		} else {
			if (t->suf == SUF_PM && t->h < 12)
				t->h = (int8_t)(t->h + 12);
			if (t->suf == SUF_AM && t->h == 12)
				t->h = 0;
		}
	}
}

static void lx_number(tx_lexer *lx, tx_tok *t)
{
	size_t at = lx->pos, p, n;
	int v = 0, nd = 0, suf;

	t->kind = TK_NUM;
	if ((n = lx_sep_date(lx, at, t)) > 0) {
		t->kind = TK_DATE;
		lx->pos = at + n;
		return;
	}
	for (p = at; is_digit(lx_peek(lx, p)); p++, nd++)
		if (nd < 9)
			v = v * 10 + (lx->s[p] - '0');
	t->num = v;
	t->ndig = (uint8_t)(nd > 255 ? 255 : nd);
	if (nd <= 2 && lx_peek(lx, p) == ':') {
		p += lx_clock(lx, p, v, t);
	} else if (nd == 8 && v / 10000 >= 1970 && v / 10000 <= 2099 &&
		   incline_date_valid_ymd(v / 10000, v / 100 % 100, v % 100) &&
		   !lx_alnum_at(lx, p)) {
		/* A compact "20170313". */
		t->kind = TK_DATE;
		t->y = (int16_t)(v / 10000);
		t->mo = (int8_t)(v / 100 % 100);
		t->d = (int8_t)(v % 100);
	} else if (nd <= 3 && lx_thousands(lx, p)) {
		/* "2,000": a count, never a date. */
		t->flags |= TF_COMPLEX;
		while (lx_thousands(lx, p))
			p += 4;
	}
	/* Decimals and version numbers: "2.1", "10.0.3". */
	while (t->kind == TK_NUM && lx_peek(lx, p) == '.' && is_digit(lx_peek(lx, p + 1))) {
		t->flags |= TF_COMPLEX;
		p++;
		while (is_digit(lx_peek(lx, p)))
			p++;
	}
	if (t->kind == TK_NUM && is_alpha(lx_peek(lx, p))) {
		p = lx_num_letters(lx, p, v, nd, t);
	} else if (t->kind == TK_NUM && lx_peek(lx, p) == '\'' &&
		   lower(lx_peek(lx, p + 1)) == 's' && !lx_alnum_at(lx, p + 2) &&
		   nd == 4 && v % 10 == 0) {
		t->suf = SUF_S; /* "1990's" */
		p += 2;
	}
	if ((t->kind == TK_NUM || t->kind == TK_CLOCK) && t->suf == SUF_NONE &&
	    !(t->flags & TF_COMPLEX)) {
		/* "10 a.m.", "5 PM": the marker joins the number's token. */
		size_t q = p;
		while (lx_peek(lx, q) == ' ')
			q++;
		if (q > p && q - p <= 2 && (n = lx_ampm(lx, q, &suf)) > 0) {
			t->suf = (uint8_t)suf;
			p = q + n;
		}
	}
	lx_clock_marker(t, v, nd);
	lx->pos = p;
}

/* Letters and digits glued together: "FY2023", "Q3", "H1" or junk. */
static void lx_alnum_word(tx_tok *t, const unsigned char *w, size_t n)
{
	char buf[32];

	for (size_t i = 0; i < n; i++)
		buf[i] = (char)lower(w[i]);
	if (n == 2 && buf[0] == 'q' && buf[1] >= '1' && buf[1] <= '4') {
		t->kind = TK_QTR;
		t->num = buf[1] - '0';
	} else if (n == 2 && buf[0] == 'h' && (buf[1] == '1' || buf[1] == '2')) {
		t->kind = TK_HALFY;
		t->num = buf[1] - '0';
	} else if ((n == 4 || n == 6) && buf[0] == 'f' && buf[1] == 'y' &&
		   is_digit(buf[2]) && is_digit(buf[3]) &&
		   (n == 4 || (is_digit(buf[4]) && is_digit(buf[5])))) {
		int v = (buf[2] - '0') * 10 + (buf[3] - '0');
		if (n == 6)
			v = v * 100 + (buf[4] - '0') * 10 + (buf[5] - '0');
		else
			v += v < 50 ? 2000 : 1900;
		t->kind = TK_FY;
		t->num = v;
	} else {
		t->flags |= TF_COMPLEX;
	}
}

/* A web address starting with the word at start (ending at p):
 * "https://example.com/2020/04/x.png", "hxxp://...", "www.site.com/...".
 * It becomes one opaque token, so the years and numbers in its path are
 * no dates. Returns whether it was one. */
static bool lx_url(tx_lexer *lx, tx_tok *t, size_t start, size_t p)
{
	const unsigned char *s = lx->s;
	size_t n = p - start;

	if (s[p] == ':') {
		if (p + 2 >= lx->len || s[p + 1] != '/' || s[p + 2] != '/' || n < 3 || n > 8)
			return false; /* a scheme: http, https, hxxp, ftp, ... */
	} else if (!(n == 3 && lower(s[start]) == 'w' && lower(s[start + 1]) == 'w' &&
		     lower(s[start + 2]) == 'w')) {
		return false;
	}
	while (p < lx->len && s[p] > ' ' && s[p] < 0x80 && s[p] != ')' && s[p] != ']' &&
	       s[p] != '>' && s[p] != '<' && s[p] != '"' && s[p] != '|')
		p++;
	/* a sentence's full stop after the address is no part of it */
	while (p > start + n && (s[p - 1] == '.' || s[p - 1] == ','))
		p--;
	lx->pos = p;
	t->flags |= TF_COMPLEX;
	return true;
}

/* After "]": a Markdown link target "(/sites/files/2020/img.png)" is
 * skipped whole (it joins the "]" token), like a web address. */
static void lx_link_target(tx_lexer *lx)
{
	size_t p = lx->pos;

	if (p >= lx->len || lx->s[p] != '(')
		return;
	for (p++; p < lx->len && lx->s[p] > ' ' && lx->s[p] != ')'; p++)
		;
	if (p < lx->len && lx->s[p] == ')')
		lx->pos = p + 1;
}

/* Word flags and lexicon entry once the word's extent is known. upper,
 * lower and digit: whether the word holds such a byte; nupper: how many
 * capitals (only compared with 1). */
static inline void lx_word_end(tx_lexer *lx, tx_tok *t, size_t start, size_t n, bool lower_seen,
			int nupper, bool digit, bool high, const tx_key *key)
{
	size_t p = start + n;

	lx->pos = p;
	if (!lower_seen && nupper > 1)
		t->flags |= TF_ALLCAP;
	if (p < lx->len && (lx->s[p] == ':' || lx->s[p] == '.') && lx_url(lx, t, start, p))
		return;
	if (p < lx->len && lx->s[p] == '.')
		t->flags |= TF_DOT;
	if (n >= 32 || high)
		return; /* not in the lexicon */
	if (digit) {
		lx_alnum_word(t, lx->s + start, n);
	} else if (n <= TX_MAX_WORD) {
		t->w = tx_lookup_key(lx->idx, key ? *key : tx_key_of((const char *)lx->s + start, n));
		if (t->w) {
			t->cls = t->w->cls;
			t->id = t->w->id;
		}
	}
}

/* The portable word reader: one class-table load per byte. */
static void lx_word_bytes(tx_lexer *lx, tx_tok *t)
{
	const unsigned char *s = lx->s;
	size_t start = lx->pos, p = start, len = lx->len;
	unsigned acc = 0;
	int nupper = 0;

	for (; p < len; p++) {
		unsigned cc = tx_cc[s[p]];
		size_t k;
		if (!(cc & CC_WORD))
			break;
		if ((cc & CC_HIGH) && u8_special(s + p, len - p, &k))
			break;
		acc |= cc;
		nupper += (cc & CC_UPPER) != 0;
	}
	lx_word_end(lx, t, start, p - start, (acc & CC_LOWER) != 0, nupper,
		    (acc & CC_DIGIT) != 0, (acc & CC_HIGH) != 0, NULL);
}

#ifdef TX_SIMD
/* The hot path of the scanner: every word of the text passes here once.
 * One 16-byte load classifies the word's bytes at once (no branch per
 * byte, so no mispredicted loop exit per word) and, masked, is already
 * the word's lexicon key. Words of 16 bytes or more, words with
 * non-ASCII bytes and the last 15 bytes of the text take the byte path. */
static void lx_word(tx_lexer *lx, tx_tok *t)
{
	const unsigned char *s = lx->s + lx->pos;
	__m128i v, lc, lo, al, dg;
	unsigned word, lower_m, upper_m, digit_m, mask;
	size_t n;
	tx_key key;

	t->kind = TK_WORD;
	if (tx_cc[s[0]] & CC_UPPER)
		t->flags |= TF_CAP;
	if (lx->len - lx->pos < 16) {
		lx_word_bytes(lx, t);
		return;
	}
	v = _mm_loadu_si128((const __m128i *)(const void *)s);
	lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
	al = _mm_and_si128(_mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)),
			   _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)));
	lo = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('a' - 1)),
			   _mm_cmplt_epi8(v, _mm_set1_epi8('z' + 1)));
	dg = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)),
			   _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
	word = (unsigned)_mm_movemask_epi8(_mm_or_si128(_mm_or_si128(al, dg), _mm_cmplt_epi8(v, _mm_setzero_si128())));
	n = (size_t)__builtin_ctz(~word | 0x10000u);
	mask = (1u << n) - 1;
	if (n == 16 || ((unsigned)_mm_movemask_epi8(v) & mask)) {
		lx_word_bytes(lx, t);
		return;
	}
	lower_m = (unsigned)_mm_movemask_epi8(lo) & mask;
	upper_m = (unsigned)_mm_movemask_epi8(_mm_andnot_si128(lo, al)) & mask;
	digit_m = (unsigned)_mm_movemask_epi8(dg) & mask;
	{
		/* Bytes past the word become zeros: the padded key. */
		__m128i keep = _mm_cmpgt_epi8(_mm_set1_epi8((char)n),
					      _mm_setr_epi8(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15));
		_mm_storeu_si128((__m128i *)(void *)&key, _mm_and_si128(lc, keep));
	}
	lx_word_end(lx, t, lx->pos, n, lower_m != 0, (upper_m & (upper_m - 1)) ? 2 : upper_m ? 1 : 0, digit_m != 0,
		    false, &key);
}
#else
static void lx_word(tx_lexer *lx, tx_tok *t)
{
	t->kind = TK_WORD;
	if (tx_cc[lx->s[lx->pos]] & CC_UPPER)
		t->flags |= TF_CAP;
	lx_word_bytes(lx, t);
}
#endif

/* Next token, or false at the end of the text. */
static bool lx_next(tx_lexer *lx, tx_tok *t)
{
	unsigned flags = lx->pending;
	int newlines = 0;

	memset(t, 0, sizeof *t);
	lx->pending = 0;
	for (;;) {
		int c;
		unsigned cc;
		size_t k;
		if (lx->pos >= lx->len)
			return false;
		c = lx->s[lx->pos];
		cc = tx_cc[c];
		/* One class load per byte; a letter or digit (most tokens
		 * start with one) leaves at once. */
		if (cc & CC_SPACE) {
			flags |= TF_SPACE;
			lx->pos++;
		} else if (cc & CC_NL) {
			flags |= TF_SPACE;
			newlines++;
			lx->pos++;
		} else if (cc & (CC_LOWER | CC_UPPER | CC_DIGIT)) {
			break;
		} else if (c >= 0x80 && u8_special(lx->s + lx->pos, lx->len - lx->pos, &k) == ' ') {
			flags |= TF_SPACE;
			lx->pos += k;
		} else if (c == '-' || (c >= 0x80 && u8_special(lx->s + lx->pos, lx->len - lx->pos, &k) == '-')) {
			size_t w = c == '-' ? 1 : k;
			/* A hyphen between two word characters joins them:
			 * "mid-September", "third-quarter", "2019-2021". */
			if (lx->last_end == lx->pos && lx->pos > 0 && !(flags & TF_SPACE) &&
			    lx_alnum_at(lx, lx->pos + w)) {
				flags |= TF_HYPH;
				lx->pos += w;
				continue;
			}
			break;
		} else {
			break;
		}
	}
	if (newlines >= 2)
		flags |= TF_BREAK;
	if (newlines >= 1)
		flags |= TF_NL;
	t->flags = (uint8_t)flags;
	t->start = lx->pos;
	{
		int c = lx->s[lx->pos];
		size_t k = 0;
		int sp = c >= 0x80 ? u8_special(lx->s + lx->pos, lx->len - lx->pos, &k) : 0;
		if (is_digit(c)) {
			lx_number(lx, t);
		} else if (is_alpha(c) || (c >= 0x80 && !sp)) {
			lx_word(lx, t);
		} else {
			t->kind = TK_PUNCT;
			t->ch = (char)(sp ? sp : c);
			lx->pos += sp ? k : 1;
			if (c == ']')
				lx_link_target(lx);
		}
	}
	t->end = lx->pos;
	lx->last_end = lx->pos;
	if (t->kind == TK_WORD)
		t->st = t->w ? lx->wst[t->w - tx_words] : 0;
	else if (t->kind == TK_PUNCT)
		t->st = t->ch == '\'' ? TS_APOS : 0;
	else
		t->st = TS_START;
	return true;
}

/* -------------------------------------------------- lexer fast path */

#ifdef TX_SIMD
/* 16 bytes at tx_keep + 16 - n: n bytes of 0xFF, then zeros. */
static const unsigned char tx_keep[32] = {
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

/* Most tokens of news text (nine in ten of the bench corpus's) are a
 * plain word (ASCII letters only) or one byte of punctuation, after no
 * blank or one space. lx_fast makes exactly the token lx_next would make
 * for those, in one straight run: one 16-byte load gives the word's
 * length, whether it holds only letters, its capitals and its padded
 * lexicon key, with no branch per byte. Whatever else comes next (more
 * blanks or a line break, a number, a hyphen, a non-ASCII byte, "]", a
 * word of 16 bytes or more, a scheme's ":" or "www.", the last 17 bytes
 * of the text) makes it return false with the lexer untouched, and
 * lx_next reads the token. (Taking line breaks, joining hyphens or
 * plain numbers here too cost more on the common path than it saved:
 * callgrind, +0.7 to +1.3 M instructions on 2 MB.) It is exact because
 * it takes only branches of lx_next whose outcome it has tested: a space
 * sets TF_SPACE alone, a letter starts a word that ends at the first
 * byte that is no letter, digit or non-ASCII byte, and lx_word_end's
 * address test needs a ':' or "www.". test_timex compares the two token
 * by token (tx_lex_diff). */
static TX_HOT bool lx_fast(tx_lexer *lx, tx_tok *t)
{
	const unsigned char *s = lx->s;
	size_t p = lx->pos;
	unsigned flags = lx->pending, c, cc, n;

	/* the space, and 16 bytes at the token's start, are text */
	if (p + 17 > lx->fast_len)
		return false;
	c = s[p];
	if (c == ' ') {
		flags |= TF_SPACE;
		c = s[++p];
	}
	cc = tx_cc[c];
	if (!(cc & CC_LETTER)) {
		/* Punctuation or a control byte: tx_cc gives it no class
		 * (a blank, digit or non-ASCII byte has one). A '-' may join
		 * words and a ']' may take a link target: lx_next decides. */
		if (cc || c == '-' || c == ']')
			return false;
		memset(t, 0, sizeof *t);
		t->kind = TK_PUNCT;
		t->ch = (char)c;
		t->st = c == '\'' ? TS_APOS : 0;
		n = 1;
	} else {
		__m128i v = _mm_loadu_si128((const __m128i *)(const void *)(s + p));
		__m128i lc = _mm_or_si128(v, _mm_set1_epi8(0x20));
		__m128i al = _mm_and_si128(_mm_cmpgt_epi8(lc, _mm_set1_epi8('a' - 1)),
					   _mm_cmplt_epi8(lc, _mm_set1_epi8('z' + 1)));
		unsigned let = (unsigned)_mm_movemask_epi8(al), m, up;

		/* The word's letters end at n. It is a letters-only word when
		 * byte n cannot continue it (no digit, as in "FY2023" or
		 * "3f2a", and no non-ASCII byte, which may end it, a curly
		 * quote, or belong to it): lx_next's word ends there too. A
		 * word of 16 letters or more is lx_next's as well. */
		n = (unsigned)__builtin_ctz(~let | 0x10000u);
		if (n == 16 || (tx_cc[s[p + n]] & (CC_DIGIT | CC_HIGH)))
			return false;
		m = (1u << n) - 1;
		/* a scheme's ':' or "www." may open a web address */
		if (s[p + n] == ':' ||
		    (s[p + n] == '.' && n == 3 && (s[p] | 0x20) == 'w' && (s[p + 1] | 0x20) == 'w' &&
		     (s[p + 2] | 0x20) == 'w'))
			return false;
		memset(t, 0, sizeof *t);
		t->kind = TK_WORD;
		/* capitals: letters whose 0x20 bit is clear (shifted to the
		 * top of each byte for movemask) */
		up = let & ~(unsigned)_mm_movemask_epi8(_mm_slli_epi16(v, 2)) & m;
		if (up & 1)
			flags |= TF_CAP;
		if (up == m && n >= 2) /* letters only, so no lower case */
			flags |= TF_ALLCAP;
		if (s[p + n] == '.')
			flags |= TF_DOT;
		if (n <= TX_MAX_WORD && (lx->idx->edge[tx_edge(s[p], s[p + n - 1])] >> n & 1)) {
			tx_key key;
			/* n bytes of 0xFF then zeros: the key's padding */
			__m128i keep = _mm_loadu_si128((const __m128i *)(const void *)(tx_keep + 16 - n));
			_mm_storeu_si128((__m128i *)(void *)&key, _mm_and_si128(lc, keep));
			t->w = tx_lookup_key(lx->idx, key);
			if (t->w) {
				t->st = lx->wst[t->w - tx_words];
				t->cls = t->w->cls;
				t->id = t->w->id;
			}
		}
	}
	t->flags = (uint8_t)flags;
	t->start = p;
	t->end = p + n;
	lx->pos = lx->last_end = p + n;
	lx->pending = 0;
	return true;
}
#else
static inline bool lx_fast(tx_lexer *lx, tx_tok *t)
{
	(void)lx;
	(void)t;
	return false;
}
#endif

/* ---------------------------------------------------------- token access */

static const tx_tok *tk(const tx_scan *s, int i)
{
	/* one unsigned compare: a negative i wraps past s->n */
	if ((unsigned)i >= (unsigned)s->n)
		return &no_tok;
	return &s->tok[i];
}

/* Only a word token has a lexicon entry (w stays NULL and cls, id 0 for
 * the others), so the parsers' most frequent questions need no test of
 * the kind. */
static unsigned wid(const tx_scan *s, int i)
{
	return tk(s, i)->id;
}

static bool has(const tx_scan *s, int i, uint32_t cls)
{
	return (tk(s, i)->cls & cls) != 0;
}

static int wval(const tx_scan *s, int i)
{
	return tk(s, i)->w ? tk(s, i)->w->val : 0;
}

static int wnum(const tx_scan *s, int i)
{
	return tk(s, i)->w ? tk(s, i)->w->num : 0;
}

static bool punct(const tx_scan *s, int i, char c)
{
	const tx_tok *t = tk(s, i);
	return t->kind == TK_PUNCT && t->ch == c;
}

static bool cap(const tx_scan *s, int i)
{
	return (tk(s, i)->flags & (TF_CAP | TF_ALLCAP)) != 0;
}

/* A paragraph break or sentence end lies between token i-1 and token i. */
static bool boundary_before(const tx_scan *s, int i)
{
	return (tk(s, i)->flags & TF_BREAK) != 0;
}

static bool sentence_end(const tx_scan *s, int i)
{
	const tx_tok *t = tk(s, i);
	if (t->kind == TK_NONE)
		return true;
	if (t->flags & TF_BREAK)
		return true;
	if (t->kind != TK_PUNCT)
		return false;
	if (t->ch == '!' || t->ch == '?' || t->ch == ';')
		return true;
	if (t->ch != '.')
		return false;
	/* "Sept.", "Mr.", "U.S." do not end a sentence. */
	{
		const tx_tok *p = tk(s, i - 1);
		if (p->kind == TK_WORD && ((p->w && (p->w->cls & TXC_NOSTOP)) ||
					   p->end - p->start == 1))
			return false;
	}
	return true;
}

/* Optional "the": returns the index after it. */
static int opt_the(const tx_scan *s, int i)
{
	return wid(s, i) == TXW_THE ? i + 1 : i;
}

/* Kind of token i. The parsers below open with a test of their first
 * token built from these: most candidate tokens begin nothing, and the
 * test spares them the parser's deeper look-ahead. Each test is what the
 * parser's own first steps require, no more. */
static int kind(const tx_scan *s, int i)
{
	return tk(s, i)->kind;
}

/* ----------------------------------------------------------- resolution */

static incline_day day_of(int y, int m, int d)
{
	return incline_date_from_ymd(y, m, d);
}

static int year_of(incline_day d)
{
	int y, m, dd;
	incline_date_to_ymd(d, &y, &m, &dd);
	return y;
}

static int month_of(incline_day d)
{
	int y, m, dd;
	incline_date_to_ymd(d, &y, &m, &dd);
	return m;
}

static void set_point(tx_res *r, int g, incline_day day)
{
	r->p.g = g;
	r->p.day = day;
	r->p.hour = -1;
	r->p.minute = -1;
	r->p.daypart = 0;
	r->type = INCLINE_TIMEX_DATE;
}

/* First day of the unit of granularity g holding day d. */
static incline_day unit_start(int g, incline_day d)
{
	int y, m, dd;

	incline_date_to_ymd(d, &y, &m, &dd);
	switch (g) {
	case TG_WEEK:
	case TG_WEEKEND:
		return d - (incline_date_weekday(d) - 1);
	case TG_MONTH:
		return day_of(y, m, 1);
	case TG_SEASON:
		/* Winter runs December to February and carries December's year. */
		if (m < 3)
			return day_of(y - 1, 12, 1);
		return day_of(y, m - (m % 3), 1);
	case TG_QUARTER:
		return day_of(y, m - (m - 1) % 3, 1);
	case TG_HALF:
		return day_of(y, m <= 6 ? 1 : 7, 1);
	case TG_YEAR:
		return day_of(y, 1, 1);
	case TG_DECADE:
		return day_of(y - ((y % 10) + 10) % 10, 1, 1);
	case TG_CENTURY:
		return day_of(y - ((y % 100) + 100) % 100, 1, 1);
	default:
		return d;
	}
}

/* Last day of the unit of granularity g holding day d. */
static incline_day unit_end(int g, incline_day d)
{
	incline_day a = unit_start(g, d);

	switch (g) {
	case TG_WEEK:
	case TG_WEEKEND:
		return a + 6;
	case TG_MONTH:
		return incline_date_add_months(a, 1) - 1;
	case TG_SEASON:
	case TG_QUARTER:
		return incline_date_add_months(a, 3) - 1;
	case TG_HALF:
		return incline_date_add_months(a, 6) - 1;
	case TG_YEAR:
		return incline_date_add_months(a, 12) - 1;
	case TG_DECADE:
		return incline_date_add_months(a, 120) - 1;
	case TG_CENTURY:
		return incline_date_add_months(a, 1200) - 1;
	default:
		return a;
	}
}

/* Moves day d by n units of granularity g. */
static incline_day shift(int g, incline_day d, int n)
{
	switch (g) {
	case TG_WEEK:
	case TG_WEEKEND:
		return d + 7 * n;
	case TG_MONTH:
		return incline_date_add_months(d, n);
	case TG_SEASON:
	case TG_QUARTER:
		return incline_date_add_months(d, 3 * n);
	case TG_HALF:
		return incline_date_add_months(d, 6 * n);
	case TG_YEAR:
		return incline_date_add_months(d, 12 * n);
	case TG_DECADE:
		return incline_date_add_months(d, 120 * n);
	case TG_CENTURY:
		return incline_date_add_months(d, 1200 * n);
	default:
		return d + n;
	}
}

/* Granularity of a unit word. */
static int unit_g(int unit)
{
	switch (unit) {
	case TXU_SECOND:
	case TXU_MINUTE:
	case TXU_HOUR:
		return TG_TIME;
	case TXU_DAY:
	case TXU_NIGHT:
		return TG_DAY;
	case TXU_WEEKEND:
		return TG_WEEKEND;
	case TXU_WEEK:
	case TXU_FORTNIGHT:
		return TG_WEEK;
	case TXU_MONTH:
		return TG_MONTH;
	case TXU_QUARTER:
		return TG_QUARTER;
	case TXU_HALF:
		return TG_HALF;
	case TXU_YEAR:
		return TG_YEAR;
	case TXU_DECADE:
		return TG_DECADE;
	case TXU_CENTURY:
		return TG_CENTURY;
	default:
		return TG_NONE;
	}
}

/* Token k follows "be", "been" or "being": a passive participle. */
static bool after_be(const tx_scan *s, int k)
{
	return wid(s, k - 1) == TXW_BE;
}

/* A tense cue word at k that its neighbours show is no cue: "plan(s)"
 * not followed by "to" is the noun ("announced plans"); "than expected"
 * and "as expected" look back; a participle after a form of "be"
 * ("will be sold") takes its tense from the auxiliary. */
static bool false_cue(const tx_scan *s, int k)
{
	int p = k - 1;

	switch (wid(s, k)) {
	case TXW_PLAN:
	case TXW_SET: /* "set to resume Monday"; "set up", "set" a record: no cue */
		return wid(s, k + 1) != TXW_TO;
	case TXW_EXPECTED:
		if (punct(s, p, '-'))
			p--;
		return wid(s, p) == TXW_THAN || wid(s, p) == TXW_AS;
	default:
		break;
	}
	if (has(s, k, TXC_PPART))
		return after_be(s, k);
	return false;
}

/* Tense of the clause around tokens [i, j): the nearest cue word within the
 * sentence decides. +1 future, -1 past, 0 unknown. */
static int tense(const tx_scan *s, int i, int j)
{
	bool left = true, right = true;
	int weak = 0;

	/* "since August": a point in the past, whatever the clause says */
	if (wid(s, i - 1) == TXW_SINCE)
		return -1;
	int words[2] = { 0, 0 }; /* words passed on each side */

	for (int k = 1; k <= TX_TENSE_REACH && (left || right); k++) {
		int a = i - k, b = j + k - 1;

		left = left && a >= 0 && !sentence_end(s, a) && !boundary_before(s, a + 1);
		right = right && b < s->n && !sentence_end(s, b);
		for (int side = 0; side < 2; side++) {
			const tx_tok *t = tk(s, side ? b : a);
			if (!(side ? right : left) || t->kind != TK_WORD)
				continue;
			words[side]++;
			if (false_cue(s, side ? b : a))
				continue;
			/* Auxiliaries and cue verbs from the table are strong;
			 * an "-ed" word may be an adjective, so it only counts
			 * when nothing stronger is in the sentence, unless it
			 * stands within three words of the date ("announced the
			 * plan Aug. 21", "In September, it announced") and is
			 * no passive ("will be released Friday"). */
			if (t->w && (t->w->cls & TXC_FUTURE))
				return 1;
			if (t->w && (t->w->cls & TXC_PAST))
				return -1;
			if (!weak && !t->w && !(t->flags & TF_CAP) && t->end - t->start >= 5 &&
			    s->lx.s[t->end - 2] == 'e' && s->lx.s[t->end - 1] == 'd') {
				if (words[side] <= 3 && !after_be(s, side ? b : a))
					return -1;
				weak = -1;
			}
		}
	}
	return weak;
}

/* Chooses the year for a month/day (or other in-year unit starting at
 * month m, day d) nearest the reference, bent by tense. */
static incline_day pick_year_near(incline_day ref, int m, int d, int g, int t)
{
	int y = year_of(ref);
	incline_day best = 0;
	long bestdist = -1;

	for (int dy = -1; dy <= 1; dy++) {
		int yy = y + dy, dd = d;
		incline_day a, b;
		long dist;
		if (dd > incline_date_days_in_month(yy, m))
			dd = incline_date_days_in_month(yy, m);
		a = day_of(yy, m, dd);
		b = g == TG_DAY ? a : unit_end(g, a);
		if (ref < a)
			dist = a - ref;
		else if (ref > b)
			dist = ref - b;
		else
			dist = 0;
		/* Past-tense clauses look back, future ones look ahead. */
		if (t < 0 && a > ref + 60)
			dist += 400;
		if (t > 0 && b < ref - 1)
			dist += 400;
		if (bestdist < 0 || dist < bestdist) {
			bestdist = dist;
			best = a;
		}
	}
	return best;
}

/* Whether tokens from absolute index from to window index i stand in one
 * passage: no paragraph break and no table cell ('|') between them. A
 * table row's date says nothing of the prose after the table. */
static bool same_passage(const tx_scan *s, size_t from, int i)
{
	int a = from > s->dropped ? (int)(from - s->dropped) : 0;

	for (int k = a; k <= i && k < s->n; k++)
		if ((tk(s, k)->flags & TF_BREAK) || punct(s, k, '|'))
			return false;
	return true;
}

/* Year for a month or day the text gives without one. A narrative that
 * just named another year ("In 2019 ... in March") stays in it; otherwise
 * the publication date decides. */
static incline_day pick_year(const tx_scan *s, tx_res *r, int i, int m, int d, int g, int t)
{
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	if (s->has_prev && s->prev_explicit && s->dropped + (size_t)i - s->prev_abs <= TX_NARRATIVE &&
	    year_of(s->prev.day) != year_of(s->ref) && s->prev.g >= TG_DAY && s->prev.g <= TG_MONTH &&
	    same_passage(s, s->prev_abs, i)) {
		r->anchor = INCLINE_ANCHOR_PREVIOUS;
		if (s->prev.g == TG_YEAR) {
			int y = year_of(s->prev.day);
			if (d > incline_date_days_in_month(y, m))
				d = incline_date_days_in_month(y, m);
			return day_of(y, m, d);
		}
		return pick_year_near(s->prev.day, m, d, g, 0);
	}
	return pick_year_near(s->ref, m, d, g, t);
}

/* ---------------------------------------------------------- numbers etc */

/* Year token at i: a plain 4-digit number in range. Returns the year or 0. */
static int year_tok(const tx_scan *s, int i, bool loose)
{
	const tx_tok *t = tk(s, i);

	if (t->kind != TK_NUM || t->ndig != 4 || (t->flags & TF_COMPLEX) || t->suf != SUF_NONE)
		return 0;
	if (t->num < (loose ? 1000 : 1900) || t->num > 2099)
		return 0;
	return t->num;
}

/* Token i is a revision tag of a product version on the same line:
 * "R2", "SP1", "HF5", "RC1", "CU12" (capital letters, then digits). */
static bool revision_tag(const tx_scan *s, int i)
{
	static const char *const tags[] = { "R", "SP", "HF", "RC", "CU" };
	const tx_tok *t = tk(s, i);
	const unsigned char *w = s->lx.s + t->start;
	size_t n = t->end - t->start;

	if (t->kind != TK_WORD || (t->flags & TF_NL) || n < 2 || n > 5)
		return false;
	for (size_t k = 0; k < sizeof tags / sizeof tags[0]; k++) {
		size_t m = strlen(tags[k]);
		if (n > m && memcmp(w, tags[k], m) == 0) {
			size_t d = m;
			while (d < n && is_digit(w[d]))
				d++;
			return d == n;
		}
	}
	return false;
}

/* A bare year standing alone (no month before it): stricter, since
 * "1500 people", "Windows 2000" or "CVE-2021-4321" are not dates. */
static int bare_year(const tx_scan *s, int i)
{
	const tx_tok *t = tk(s, i), *p = tk(s, i - 1), *nx = tk(s, i + 1);
	int y = year_tok(s, i, true);

	if (!y)
		return 0;
	/* Years before 1900 need a cue: "in 1644", "(1279-1368)". */
	if (y < 1900 && !(wid(s, i - 1) == TXW_IN || wid(s, i - 1) == TXW_SINCE ||
			  wid(s, i - 1) == TXW_UNTIL || wid(s, i - 1) == TXW_BY ||
			  wid(s, i - 1) == TXW_BETWEEN || wid(s, i - 1) == TXW_FROM ||
			  (wid(s, i - 1) == TXW_AND && year_tok(s, i - 2, true)) ||
			  ((nx->flags & TF_HYPH) && year_tok(s, i + 1, true)) ||
			  ((t->flags & TF_HYPH) && year_tok(s, i - 1, true))))
		return 0;
	if (p->kind == TK_PUNCT && (p->ch == '$' || p->ch == '#' || p->ch == '.' ) &&
	    !(p->flags & TF_SPACE) && !(t->flags & TF_SPACE) && p->ch != '.')
		return 0;
	if (p->kind == TK_PUNCT && (p->ch == '$' || p->ch == '#') && !(t->flags & TF_SPACE))
		return 0;
	/* "Blog_2020", "name.1986@mail", "CrackHub 2021.exe": names, not years */
	if ((punct(s, i - 1, '_') && !(t->flags & TF_SPACE)) ||
	    ((punct(s, i + 1, '_') || punct(s, i + 1, '@')) && !(nx->flags & TF_SPACE)) ||
	    (punct(s, i + 1, '.') && !(nx->flags & TF_SPACE) && kind(s, i + 2) == TK_WORD &&
	     !(tk(s, i + 2)->flags & TF_SPACE) && !cap(s, i + 2)))
		return 0;
	/* "TCP/2082", "port:2083", a path's "/2020": not "2019/2020" */
	if (p->kind == TK_PUNCT && (p->ch == '/' || p->ch == ':') && !(t->flags & TF_SPACE) &&
	    !(p->flags & TF_SPACE) && !year_tok(s, i - 2, true))
		return 0;
	if (has(s, i - 1, TXC_NOYEAR))
		return 0;
	/* A version after a capitalised name: "Outlook 2010", "Exchange
	 * 2013" (a product word), "Windows Server 2008 R2", "Foo 2019 SP1"
	 * (a revision tag after the number, whatever the name). */
	if (p->kind == TK_WORD && cap(s, i - 1) && !(t->flags & (TF_NL | TF_HYPH)) &&
	    (has(s, i - 1, TXC_PRODUCT) || revision_tag(s, i + 1)))
		return 0;
	if ((t->flags & TF_HYPH) && p->kind == TK_WORD && !has(s, i - 1, TXC_MONTH | TXC_PART))
		return 0; /* "CVE-2021", "COVID-2019" */
	if ((t->flags & TF_HYPH) && p->kind == TK_NUM && !year_tok(s, i - 1, true))
		return 0; /* phone numbers */
	/* "CVE-2022-1234", "2022-1234": an identifier, not "2019-2021" */
	if ((t->flags & TF_HYPH) && year_tok(s, i - 1, true) &&
	    ((p->flags & TF_HYPH) || year_tok(s, i - 1, true) >= y))
		return 0;
	if ((nx->flags & TF_HYPH) && nx->kind == TK_NUM && !year_tok(s, i + 1, true) &&
	    !(nx->ndig <= 2 && nx->num <= 99 && (nx->num % 100) > (y % 100)))
		return 0;
	if (nx->kind == TK_PUNCT && (nx->ch == '%' || nx->ch == ':') && !(nx->flags & TF_SPACE))
		return 0;
	if (p->kind == TK_NUM && !(t->flags & TF_HYPH) && !year_tok(s, i - 1, true))
		return 0;
	return y;
}

/* Day of month at i (1..31, plain or ordinal "19th"). */
static int day_tok(const tx_scan *s, int i)
{
	const tx_tok *t = tk(s, i);

	if (t->kind == TK_NUM && t->ndig <= 2 && !(t->flags & TF_COMPLEX) &&
	    (t->suf == SUF_NONE || t->suf == SUF_ORD) && t->num >= 1 && t->num <= 31)
		return t->num;
	return 0;
}

/* A spelled day ordinal: "eighth", "twenty-first". Returns tokens used. */
static int day_word(const tx_scan *s, int i, int *day)
{
	if (has(s, i, TXC_ORD) && wnum(s, i) <= 31 && wnum(s, i) >= 1) {
		*day = wnum(s, i);
		return 1;
	}
	if (has(s, i, TXC_TENS) && wnum(s, i) <= 30 && has(s, i + 1, TXC_ORD) &&
	    wnum(s, i + 1) < 10) {
		*day = wnum(s, i) + wnum(s, i + 1);
		return *day <= 31 ? 2 : 0;
	}
	return 0;
}

/* A count: "3", "three", "twenty-four", "a few", "several", "a couple of",
 * "two and a half". *n < 0 for an unknown count. *half set for "and a
 * half". Returns tokens used. */
static int count_phrase(const tx_scan *s, int i, int *n, bool *half)
{
	const tx_tok *t = tk(s, i);
	int k = 0;

	*half = false;
	if (t->kind == TK_NUM && !(t->flags & TF_COMPLEX) && t->suf == SUF_NONE &&
	    t->num <= 100000) {
		*n = t->num;
		k = 1;
	} else if (wid(s, i) == TXW_A && (wid(s, i + 1) == TXW_FEW || wid(s, i + 1) == TXW_COUPLE ||
					  wid(s, i + 1) == TXW_DOZEN)) {
		*n = wnum(s, i + 1);
		k = 2;
		if (wid(s, i + 1) == TXW_COUPLE && wid(s, i + 2) == TXW_OF)
			k = 3;
	} else if (wid(s, i) == TXW_HALF && wid(s, i + 1) == TXW_A) {
		*n = 0;
		*half = true;
		return 2;
	} else if (has(s, i, TXC_TENS)) {
		*n = wnum(s, i);
		k = 1;
		if (has(s, i + 1, TXC_NUM) && wnum(s, i + 1) >= 1 && wnum(s, i + 1) <= 9 &&
		    wid(s, i + 1) != TXW_A) {
			*n += wnum(s, i + 1);
			k = 2;
		}
	} else if (has(s, i, TXC_NUM) && wid(s, i) != TXW_HUNDRED && wid(s, i) != TXW_THOUSAND) {
		*n = wnum(s, i);
		k = 1;
	}
	if (!k)
		return 0;
	if (wid(s, i + k) == TXW_AND && wid(s, i + k + 1) == TXW_A &&
	    wid(s, i + k + 2) == TXW_HALF && *n >= 0) {
		*half = true;
		k += 3;
	}
	return k;
}

/* ------------------------------------------------------------- parsers */

typedef int (*tx_parser)(tx_scan *s, int i, tx_res *r);

/* The core parsers, in the order core_at tries them (a tie keeps the
 * first), then two of match_at's others: bits of tok_parsers. */
enum {
	CP_UNIT_END, CP_MONTH_DAY, CP_DAY_MONTH, CP_NUMERIC_DATE, CP_YEAR_MONTH_DAY, CP_MONTH,
	CP_YEAR, CP_DECADE, CP_SEASON, CP_QUARTER, CP_REF, CP_RELATIVE, CP_AGO, CP_WEEKDAY,
	CP_TIME, CP_COUNT, CP_DURATION = CP_COUNT, CP_SET
};

#define CP(x) (1u << CP_##x)

/* The core parsers whose opening test a lexicon word can pass, by its
 * class and id (computed once per scanner). Each term is a superset of
 * that parser's first "return 0" test, which stays in the parser: a
 * parser left out would have returned 0, so leaving it out is exact. */
static unsigned word_parsers(const tx_word *w)
{
	uint32_t c = w->cls;
	unsigned id = w->id, m = 0;
	bool the = id == TXW_THE;

	if (c & TXC_UNIT)
		m |= CP(UNIT_END);
	if (c & (TXC_MONTH | TXC_WEEKDAY))
		m |= CP(MONTH_DAY);
	if ((c & TXC_WEEKDAY) || the)
		m |= CP(DAY_MONTH);
	if (c & TXC_WEEKDAY)
		m |= CP(NUMERIC_DATE) | CP(WEEKDAY);
	if (c & TXC_MONTH)
		m |= CP(MONTH);
	if ((c & TXC_NUM) || the || id == TXW_FISCAL)
		m |= CP(YEAR);
	if ((c & (TXC_DECADE | TXC_ORD)) || the)
		m |= CP(DECADE);
	if ((c & (TXC_REL | TXC_SEASON)) || the)
		m |= CP(SEASON);
	if ((c & (TXC_REL | TXC_ORD)) || the || id == TXW_FISCAL || id == TXW_YEAR_WORD)
		m |= CP(QUARTER);
	if ((c & TXC_REF) || the || id == TXW_THESE || id == TXW_NEAR || id == TXW_FUTURE ||
	    id == TXW_A || id == TXW_RECENT || id == TXW_COMING || id == TXW_RIGHT)
		m |= CP(REF);
	if ((c & TXC_REL) || the)
		m |= CP(RELATIVE);
	if ((c & (TXC_MOD | TXC_NUM | TXC_TENS | TXC_UNIT)) || the || id == TXW_HALF ||
	    id == TXW_AT || id == TXW_UP)
		m |= CP(AGO);
	/* p_time's forms: a clock word, a day to put a clock on
	 * (may_begin_day), "the morning of", "last night", "overnight" */
	if ((c & (TXC_MONTH | TXC_WEEKDAY | TXC_REL | TXC_REF)) || the || id == TXW_NOON ||
	    id == TXW_MIDNIGHT || id == TXW_OVERNIGHT)
		m |= CP(TIME);
	if ((c & (TXC_REL | TXC_MOD | TXC_NUM | TXC_TENS | TXC_UNIT)) || the || id == TXW_MORE ||
	    id == TXW_LESS || id == TXW_AT || id == TXW_UP || id == TXW_FEW || id == TXW_SEVERAL ||
	    id == TXW_MANY || id == TXW_HALF)
		m |= CP(DURATION);
	/* p_set: "daily", "twice a", a count ("three times a": count_phrase
	 * opens with a number word, "a", "half" or a tens word), "every" */
	if ((c & (TXC_SET | TXC_NUM | TXC_TENS)) || id == TXW_ONCE || id == TXW_TWICE ||
	    id == TXW_A || id == TXW_HALF || id == TXW_EVERY || id == TXW_EACH)
		m |= CP(SET);
	return m;
}

/* The core parsers that can match at token t (see word_parsers). A
 * number is a day, a year, a decade, a count or an hour; a token past
 * the window (no_tok) passes no parser's test. */
static unsigned tok_parsers(const tx_scan *s, const tx_tok *t)
{
	switch (t->kind) {
	case TK_WORD:
		return t->w ? s->wpm[t->w - tx_words] : 0;
	case TK_NUM:
		return CP(DAY_MONTH) | CP(YEAR_MONTH_DAY) | CP(YEAR) | CP(DECADE) | CP(QUARTER) |
		       CP(AGO) | CP(TIME) | CP(DURATION) | CP(SET);
	case TK_DATE:
		return CP(NUMERIC_DATE) | CP(TIME);
	case TK_CLOCK:
		return CP(TIME);
	case TK_QTR:
	case TK_HALFY:
		return CP(QUARTER);
	case TK_FY:
		return CP(YEAR) | CP(QUARTER);
	case TK_PUNCT:
		return t->ch == '\'' ? CP(DECADE) : 0;
	default:
		return 0;
	}
}

/* A month word at i usable as a month; returns 1..12 and sets *k to the
 * tokens used (the abbreviation's dot included). strong: a day or year
 * follows, so ambiguous words need no more context. */
static int month_at(const tx_scan *s, int i, int *k, bool strong)
{
	const tx_tok *t = tk(s, i);
	uint32_t cls;

	if (!has(s, i, TXC_MONTH) || !cap(s, i))
		return 0;
	cls = t->w->cls;
	*k = 1;
	if ((cls & TXC_ABBR) && punct(s, i + 1, '.') && !(tk(s, i + 1)->flags & TF_SPACE))
		*k = 2;
	if (strong)
		return t->w->val;
	if ((cls & (TXC_AMBIG | TXC_ABBR)) &&
	    !(has(s, i - 1, TXC_CONTEXT) || (t->flags & TF_HYPH) || punct(s, i - 1, '(')))
		return 0;
	return t->w->val;
}

/* A year after a month or day: "2023", "'23". Returns tokens used. */
static int year_after(const tx_scan *s, int i, int *y)
{
	if ((*y = year_tok(s, i, true)) != 0)
		return 1;
	/* "nineteen ninety-six" */
	if (has(s, i, TXC_NUM) && wnum(s, i) == 19 && has(s, i + 1, TXC_TENS)) {
		*y = 1900 + wnum(s, i + 1);
		if (has(s, i + 2, TXC_NUM) && wnum(s, i + 2) >= 1 && wnum(s, i + 2) <= 9 &&
		    wid(s, i + 2) != TXW_A) {
			*y += wnum(s, i + 2);
			return 3;
		}
		return 2;
	}
	if (punct(s, i, '\'') && tk(s, i + 1)->kind == TK_NUM && tk(s, i + 1)->ndig == 2 &&
	    tk(s, i + 1)->suf == SUF_NONE && !(tk(s, i + 1)->flags & TF_SPACE)) {
		int v = tk(s, i + 1)->num;
		*y = v + (v <= (year_of(s->ref) % 100) + 1 ? 2000 : 1900);
		if (year_of(s->ref) < 2000)
			*y = 1900 + v;
		return 2;
	}
	return 0;
}

/* Optional weekday before a full date: "Tuesday, Sept. 19". */
static int opt_weekday(const tx_scan *s, int i)
{
	int k = 0;
	if (!has(s, i, TXC_WEEKDAY) || !cap(s, i))
		return 0;
	k = 1;
	if (punct(s, i + k, '.'))
		k++;
	if (punct(s, i + k, ','))
		k++;
	return k;
}

static void resolve_day(tx_scan *s, tx_res *r, int i, int j, int y, int m, int d)
{
	if (y) {
		set_point(r, TG_DAY, day_of(y, m, d));
		return;
	}
	incline_timex_anchor a;
	incline_day day = pick_year(s, r, i, m, d, TG_DAY, tense(s, i, j));
	a = r->anchor;
	set_point(r, TG_DAY, day);
	r->anchor = a;
}

/* The year a range's first day borrows from its second: "August 1 –
 * September 19, 2019", "March 3 to April 5, 2021". j: the token after
 * the first day (m, d). 0 when no such range follows. */
static int month_day_at(tx_scan *s, int i, tx_res *r, bool borrow);

static int range_year(tx_scan *s, int j, int m, int d)
{
	tx_res end;
	int y2, m2, d2;

	if (!(punct(s, j, '-') || wid(s, j) == TXW_TO || wid(s, j) == TXW_THROUGH ||
	      wid(s, j) == TXW_UNTIL || wid(s, j) == TXW_AND) || !has(s, j + 1, TXC_MONTH))
		return 0;
	res_init(&end);
	if (!month_day_at(s, j + 1, &end, false) || end.anchor != INCLINE_ANCHOR_NONE)
		return 0;
	incline_date_to_ymd(end.p.day, &y2, &m2, &d2);
	/* "December 28 – January 3, 2021" crosses the year */
	if (m > m2 || (m == m2 && d > d2))
		y2--;
	return incline_date_valid_ymd(y2, m, d) ? y2 : 0;
}

/* "Sept. 19", "September 19th, 2023", "Tuesday, Sept. 19", "Sept. 19 2023";
 * borrow: a yearless day may take the year of a range's end. */
static int month_day_at(tx_scan *s, int i, tx_res *r, bool borrow)
{
	int j = i + opt_weekday(s, i), k, m, d, y = 0, yk;

	if (!has(s, i, TXC_MONTH | TXC_WEEKDAY))
		return 0;

	if (!(m = month_at(s, j, &k, true)))
		return 0;
	j += k;
	if (wid(s, j) == TXW_THE)
		j++;
	if ((d = day_tok(s, j)) != 0) {
		j++;
	} else if ((k = day_word(s, j, &d)) != 0) {
		j += k;
	} else {
		return 0;
	}
	/* "March 3 and 5 p.m." is a time; "May 12 people" is not a date. */
	if (tk(s, j - 1)->kind == TK_NUM && (has(s, j, TXC_UNIT) && !has(s, j, TXC_ORD)))
		return 0;
	if (!month_at(s, i + opt_weekday(s, i), &k, false) && tk(s, j - 1)->kind == TK_NUM &&
	    tk(s, j - 1)->suf != SUF_ORD && !punct(s, j, ',') && !year_tok(s, j, true) &&
	    tk(s, j - 1)->end - tk(s, j - 1)->start > 2)
		return 0;
	if (punct(s, j, ',') && (yk = year_after(s, j + 1, &y)) != 0)
		j += 1 + yk;
	else if ((yk = year_after(s, j, &y)) != 0 && !(tk(s, j)->flags & TF_HYPH))
		j += yk;
	else if ((tk(s, j)->flags & TF_HYPH) && (yk = year_after(s, j, &y)) != 0)
		j += yk;
	if (y && !incline_date_valid_ymd(y, m, d))
		return 0;
	if (!y && d > incline_date_days_in_month(2000, m))
		return 0;
	if (!y && borrow)
		y = range_year(s, j, m, d);
	resolve_day(s, r, i, j, y, m, d);
	r->md = true;
	return j - i;
}

static int p_month_day(tx_scan *s, int i, tx_res *r)
{
	return month_day_at(s, i, r, true);
}

/* "2008-May-31", "2020-Apr-24": a year, a month word and a day joined by
 * hyphens (log and table formats). */
static int p_year_month_day(tx_scan *s, int i, tx_res *r)
{
	int y = year_tok(s, i, true), m, k, d;

	if (!y || !has(s, i + 1, TXC_MONTH) || !(tk(s, i + 1)->flags & TF_HYPH))
		return 0;
	if (!(m = month_at(s, i + 1, &k, true)) || k != 1 || !(tk(s, i + 2)->flags & TF_HYPH) ||
	    !(d = day_tok(s, i + 2)) || !incline_date_valid_ymd(y, m, d))
		return 0;
	set_point(r, TG_DAY, day_of(y, m, d));
	return 3;
}

/* "19 Sept 2023", "the 18th of September", "24-Apr-2020", and the first
 * day of "15 and 19 October". */
static int p_day_month(tx_scan *s, int i, tx_res *r)
{
	int j = i + opt_weekday(s, i), k, m, d, y = 0, yk;
	int start = j;

	if (kind(s, i) != TK_NUM && !has(s, i, TXC_WEEKDAY) && wid(s, i) != TXW_THE)
		return 0;

	j = opt_the(s, j);
	if ((d = day_tok(s, j)) != 0)
		j++;
	else if ((k = day_word(s, j, &d)) != 0 && j > start)
		j += k;
	else
		return 0;
	/* "15 and 19 October": the first day borrows the month. */
	if ((wid(s, j) == TXW_AND || wid(s, j) == TXW_TO || punct(s, j, '-') ||
	     (tk(s, j)->flags & TF_HYPH)) &&
	    (day_tok(s, j + (tk(s, j)->kind == TK_NUM ? 0 : 1)))) {
		int jj = j + (tk(s, j)->kind == TK_NUM ? 0 : 1) + 1;
		if ((m = month_at(s, jj, &k, true)) != 0) {
			int y2 = 0;
			if (punct(s, jj + k, ','))
				year_after(s, jj + k + 1, &y2);
			else
				year_after(s, jj + k, &y2);
			if (d > incline_date_days_in_month(y2 ? y2 : 2000, m))
				return 0;
			resolve_day(s, r, i, jj + k, y2, m, d);
			return j - i;
		}
	}
	if (wid(s, j) == TXW_OF)
		j++;
	if (!(m = month_at(s, j, &k, true)))
		return 0;
	j += k;
	if (punct(s, j, ',') && (yk = year_after(s, j + 1, &y)) != 0)
		j += 1 + yk;
	else if ((yk = year_after(s, j, &y)) != 0)
		j += yk;
	if (y && !incline_date_valid_ymd(y, m, d))
		return 0;
	if (!y && d > incline_date_days_in_month(2000, m))
		return 0;
	resolve_day(s, r, i, j, y, m, d);
	return j - i;
}

/* "2023-09-19", "9/19/2023", "20170313". */
static int p_numeric_date(tx_scan *s, int i, tx_res *r)
{
	const tx_tok *t = tk(s, i);
	int j = i;

	if (t->kind != TK_DATE && !has(s, i, TXC_WEEKDAY))
		return 0;

	if (has(s, i, TXC_WEEKDAY) && cap(s, i) && tk(s, i + opt_weekday(s, i))->kind == TK_DATE)
		j = i + opt_weekday(s, i);
	t = tk(s, j);
	if (t->kind != TK_DATE)
		return 0;
	if (has(s, j - 1, TXC_NOYEAR))
		return 0;
	set_point(r, TG_DAY, day_of(t->y, t->mo, t->d));
	return j + 1 - i;
}

/* A list or range joiner between months: ",", "-", "and", "or", "to",
 * "through", "until". */
static bool month_joiner(const tx_scan *s, int k)
{
	switch (wid(s, k)) {
	case TXW_AND: case TXW_OR: case TXW_TO: case TXW_THROUGH: case TXW_UNTIL:
		return true;
	default:
		return punct(s, k, ',') || punct(s, k, '-');
	}
}

/* The year a yearless month borrows from the end of its list or range:
 * "between January and March 2021", "from March to May 2020", "January,
 * February and March 2021", "March-May 2020" (December before "January
 * 2021" is 2020's). j: the token after the month m. 0 when none. */
static int month_list_year(const tx_scan *s, int j, int m)
{
	for (int hops = 0; hops < 6; hops++) {
		int k = j, y2 = 0, m2;
		while (k < j + 3 && month_joiner(s, k))
			k++;
		if (k == j && !(tk(s, k)->flags & TF_HYPH))
			return 0;
		if (!has(s, k, TXC_MONTH) || !cap(s, k))
			return 0;
		m2 = wval(s, k);
		k++;
		if (punct(s, k, '.') && (tk(s, k - 1)->w->cls & TXC_ABBR))
			k++;
		if (year_after(s, k, &y2))
			return m > m2 ? y2 - 1 : y2;
		j = k;
	}
	return 0;
}

/* Month with a year, or alone: "September 2023", "Sept. of 2023",
 * "January this year", "July last year", "In August". */
static int p_month(tx_scan *s, int i, tx_res *r)
{
	int j = i, k, m, y = 0, yk;
	bool strong;

	if (!has(s, i, TXC_MONTH) || !cap(s, i))
		return 0;

	strong = year_after(s, i + 1, &y) || year_after(s, i + 2, &y) ||
		 ((wid(s, i + 1) == TXW_OF || punct(s, i + 1, ',')) && year_after(s, i + 2, &y)) ||
		 has(s, i + 1, TXC_REL) || has(s, i + 2, TXC_REL);
	y = 0;
	if (!(m = month_at(s, j, &k, strong)))
		return 0;
	j += k;
	if ((yk = year_after(s, j, &y)) != 0) {
		j += yk;
	} else if ((wid(s, j) == TXW_OF || punct(s, j, ',')) && (yk = year_after(s, j + 1, &y)) != 0) {
		j += 1 + yk;
	} else if ((wid(s, j) == TXW_OF && has(s, j + 1, TXC_REL) &&
		    wid(s, j + 2) == TXW_YEAR_WORD) ||
		   (has(s, j, TXC_REL) && wid(s, j + 1) == TXW_YEAR_WORD)) {
		int rel;
		if (wid(s, j) == TXW_OF)
			j++;
		rel = wval(s, j);
		y = year_of(s->ref) + (rel == TXR_LAST ? -1 : rel == TXR_NEXT ? 1 : 0);
		if (rel == TXR_THAT)
			return 0;
		j += 2;
		set_point(r, TG_MONTH, day_of(y, m, 1));
		r->anchor = INCLINE_ANCHOR_PUBLICATION;
		return j - i;
	}
	if (y) {
		set_point(r, TG_MONTH, day_of(y, m, 1));
		return j - i;
	}
	/* A bare month: capitalised, not the start of a name ("August Wilson"). */
	if (has(s, i, TXC_MONTH) && tk(s, j)->kind == TK_WORD && cap(s, j) && !tk(s, j)->w &&
	    !(tk(s, i)->flags & TF_ALLCAP))
		return 0;
	if ((y = month_list_year(s, j, m)) != 0) {
		set_point(r, TG_MONTH, day_of(y, m, 1));
		return j - i;
	}
	{
		incline_day day = pick_year(s, r, i, m, 1, TG_MONTH, tense(s, i, j));
		incline_timex_anchor a = r->anchor;
		set_point(r, TG_MONTH, day);
		r->anchor = a;
	}
	return j - i;
}

/* "2023", "the year 2023", "fiscal 1989", "FY2023", "nineteen ninety-six". */
static int p_year(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i), y;
	bool fiscal = false;

	if (kind(s, i) != TK_NUM && kind(s, i) != TK_FY && !has(s, i, TXC_NUM) && j == i &&
	    wid(s, i) != TXW_FISCAL)
		return 0;

	if (wid(s, j) == TXW_FISCAL) {
		fiscal = true;
		j++;
		if (wid(s, j) == TXW_YEAR_WORD)
			j++;
	} else if (wid(s, j) == TXW_YEAR_WORD && j > i) {
		j++;
	} else if (j > i && tk(s, j)->kind != TK_FY) {
		return 0; /* "the 1988 period" is p_period's */
	}
	if (tk(s, j)->kind == TK_FY) {
		set_point(r, TG_YEAR, day_of(tk(s, j)->num, 1, 1));
		return j + 1 - i;
	}
	if (has(s, j, TXC_NUM) && wnum(s, j) == 19 && has(s, j + 1, TXC_TENS)) {
		y = 1900 + wnum(s, j + 1);
		j += 2;
		if (has(s, j, TXC_NUM) && wnum(s, j) >= 1 && wnum(s, j) <= 9 && wid(s, j) != TXW_A) {
			y += wnum(s, j);
			j++;
		}
		set_point(r, TG_YEAR, day_of(y, 1, 1));
		return j - i;
	}
	if (wid(s, j) == TXW_TWO && wid(s, j + 1) == TXW_THOUSAND &&
	    (j > i || wid(s, i - 1) == TXW_IN || wid(s, i - 1) == TXW_BY)) {
		y = 2000;
		j += 2;
		if (wid(s, j) == TXW_AND && has(s, j + 1, TXC_NUM) && wnum(s, j + 1) > 0 &&
		    wnum(s, j + 1) < 20 && wid(s, j + 1) != TXW_A) {
			y += wnum(s, j + 1);
			j += 2;
		}
		set_point(r, TG_YEAR, day_of(y, 1, 1));
		return j - i;
	}
	if (!(y = (fiscal || j > i) ? year_tok(s, j, true) : bare_year(s, j)))
		return 0;
	set_point(r, TG_YEAR, day_of(y, 1, 1));
	return j + 1 - i;
}

/* "the 1990s", "the '90s", "the nineties", "the 20th century". */
static int p_decade(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i);
	const tx_tok *t;
	int y;

	if (j == i && kind(s, i) != TK_NUM && !punct(s, i, '\'') && !has(s, i, TXC_DECADE | TXC_ORD))
		return 0;

	if (punct(s, j, '\''))
		j++;
	t = tk(s, j);
	if (t->kind == TK_NUM && t->suf == SUF_S && !(t->flags & TF_COMPLEX) && t->num % 10 == 0) {
		if (t->ndig == 4 && t->num >= 1000 && t->num <= 2090) {
			y = t->num;
		} else if (t->ndig == 2 && (j > i || punct(s, j - 1, '\'') || has(s, j - 1, TXC_PART))) {
			y = (year_of(s->ref) / 100) * 100 + t->num;
			if (y > year_of(s->ref))
				y -= 100;
		} else {
			return 0;
		}
		set_point(r, TG_DECADE, day_of(y, 1, 1));
		return j + 1 - i;
	}
	if (has(s, j, TXC_DECADE) && (j > i || has(s, j - 1, TXC_PART))) {
		y = 1900 + 10 * wnum(s, j);
		set_point(r, TG_DECADE, day_of(y, 1, 1));
		return j + 1 - i;
	}
	/* Centuries: "20th century", "the twentieth century". */
	{
		int c = 0;
		if (t->kind == TK_NUM && t->suf == SUF_ORD && t->num >= 1 && t->num <= 21)
			c = t->num;
		else if (has(s, j, TXC_ORD))
			c = wnum(s, j);
		if (c && wid(s, j + 1) == TXW_CENTURY) {
			set_point(r, TG_CENTURY, day_of((c - 1) * 100 > 0 ? (c - 1) * 100 : 1, 1, 1));
			return j + 2 - i;
		}
	}
	return 0;
}

/* Resolves a season word against ref, tense and a relative word. */
static incline_day season_day(const tx_scan *s, int season, int y, int rel, int t)
{
	static const int first_month[] = { 0, 3, 6, 9, 12 };
	int m = first_month[season];
	incline_day cur, a;

	if (y)
		return day_of(y, m, 1);
	cur = unit_start(TG_SEASON, s->ref);
	y = year_of(s->ref);
	a = day_of(y, m, 1);
	if (m == 12 && month_of(s->ref) < 3)
		a = day_of(y - 1, 12, 1);
	switch (rel) {
	case TXR_LAST:
		if (a >= cur)
			a = shift(TG_YEAR, a, -1);
		return a;
	case TXR_NEXT:
		if (a <= cur)
			a = shift(TG_YEAR, a, 1);
		return a;
	case TXR_THIS:
		return a;
	default:
		if (t < 0 && a > cur)
			a = shift(TG_YEAR, a, -1);
		return a;
	}
}

/* "summer 2019", "the fall of 2019", "last spring", "this summer". */
static int p_season(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i), rel = 0, y = 0, yk, season;
	bool ctx = j > i;

	if (!ctx && !has(s, i, TXC_REL | TXC_SEASON))
		return 0;

	if (has(s, j, TXC_REL) && wval(s, j) != TXR_THAT) {
		rel = wval(s, j);
		j++;
		ctx = true;
		if (wid(s, j - 1) == TXW_THIS && wid(s, j) == TXW_PAST) {
			rel = TXR_LAST;
			j++;
		}
	}
	if (!has(s, j, TXC_SEASON))
		return 0;
	season = wval(s, j);
	j++;
	if (wid(s, j) == TXW_OF && (yk = year_after(s, j + 1, &y)) != 0)
		j += 1 + yk;
	else if ((yk = year_after(s, j, &y)) != 0)
		j += yk;
	if ((tk(s, i)->w && (tk(s, i)->w->cls & TXC_AMBIG) && j == i + 1) ||
	    (has(s, j - 1, TXC_SEASON) && (tk(s, j - 1)->w->cls & TXC_AMBIG) && !ctx && !y))
		return 0; /* "fall" the verb */
	if (!ctx && !y && !has(s, i - 1, TXC_CONTEXT))
		return 0;
	set_point(r, TG_SEASON, season_day(s, season, y, rel, tense(s, i, j)));
	if (!y)
		r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return j - i;
}

/* The last completed quarter before ref, or the quarter last mentioned. */
static incline_day context_quarter(const tx_scan *s, int rel)
{
	if (s->has_topic_q && rel == TXR_NONE && year_of(s->topic_q) == year_of(s->ref))
		return s->topic_q;
	/* "the latest quarter": a finished one, the topic if it is */
	if (s->has_topic_q && rel == TXR_LAST && unit_end(TG_QUARTER, s->topic_q) < s->ref &&
	    s->topic_q > s->ref - 366)
		return s->topic_q;
	if (rel == TXR_THIS)
		return unit_start(TG_QUARTER, s->ref);
	return unit_start(TG_QUARTER, shift(TG_QUARTER, s->ref, -1));
}

/* Year of a "this year's", "1998's", "next year's" before a quarter. */
static int year_prefix(const tx_scan *s, int i, int *y)
{
	int k = 0, rel;

	if ((*y = year_tok(s, i, true)) != 0)
		k = 1;
	else if (has(s, i, TXC_REL) && wid(s, i + 1) == TXW_YEAR_WORD && wval(s, i) != TXR_THAT) {
		rel = wval(s, i);
		*y = year_of(s->ref) + (rel == TXR_LAST ? -1 : rel == TXR_NEXT ? 1 : 0);
		k = 2;
	}
	if (!k)
		return 0;
	if (punct(s, i + k, '\'') && tk(s, i + k + 1)->kind == TK_WORD &&
	    tk(s, i + k + 1)->end - tk(s, i + k + 1)->start == 1 &&
	    lower(s->lx.s[tk(s, i + k + 1)->start]) == 's')
		return k + 2;
	*y = 0;
	return 0;
}

/* A quarter or half expression as p_quarter reads it, left to right. */
typedef struct tx_qparse {
	int j;            /* the next token */
	int n;            /* which quarter or half, when explicit */
	int y;            /* its year; 0 = not given */
	int g;            /* TG_QUARTER or TG_HALF */
	bool ago;         /* "year-ago", "year-earlier" */
	bool explicit_n;  /* n was given ("third", "Q3") */
	bool latest;      /* "the latest quarter", "the last period" */
} tx_qparse;

/* The period a year before the article's topic quarter (or last year). */
static void q_year_before(const tx_scan *s, tx_res *r, incline_timex_anchor anchor)
{
	if (s->has_topic_q)
		set_point(r, TG_QUARTER, shift(TG_YEAR, s->topic_q, -1));
	else
		set_point(r, TG_YEAR, shift(TG_YEAR, unit_start(TG_YEAR, s->ref), -1));
	r->derived = true;
	r->anchor = anchor;
}

/* "the same period last year", "the corresponding quarter a year earlier"
 * (j: the token after "the", at "same"). Returns the tokens of a match,
 * 0 when the text cannot be a quarter, -1 when this is not the form. */
static int q_same_period(tx_scan *s, int i, int j, tx_res *r)
{
	int e = j + 1;

	if (wid(s, e) != TXW_PERIOD && !(has(s, e, TXC_UNIT) && wval(s, e) == TXU_QUARTER))
		return -1;
	e++;
	if (wid(s, e) == TXW_LAST && wid(s, e + 1) == TXW_YEAR_WORD)
		e += 2;
	else if (wid(s, e) == TXW_A && wid(s, e + 1) == TXW_YEAR_WORD &&
		 (wid(s, e + 2) == TXW_EARLIER || wid(s, e + 2) == TXW_AGO))
		e += 3;
	else
		return 0;
	q_year_before(s, r, INCLINE_ANCHOR_PREVIOUS);
	return e - i;
}

/* What may stand before the quarter: "1998's", "this year's", "fiscal",
 * "year-ago". Returns the tokens of a standalone "year-ago" match, 0 to
 * go on, -1 when the text cannot be a quarter. */
static int q_prefix(tx_scan *s, int i, tx_qparse *q, tx_res *r)
{
	int k;

	if ((k = year_prefix(s, q->j, &q->y)) != 0)
		q->j += k;
	else if (kind(s, q->j) == TK_FY && (kind(s, q->j + 1) == TK_QTR || kind(s, q->j + 1) == TK_HALFY))
		q->y = tk(s, q->j++)->num; /* "FY2021 Q3" */
	if (wid(s, q->j) == TXW_FISCAL)
		q->j++;
	if (wid(s, q->j) == TXW_YEAR_WORD &&
	    (wid(s, q->j + 1) == TXW_EARLIER || wid(s, q->j + 1) == TXW_AGO) &&
	    (tk(s, q->j + 1)->flags & TF_HYPH)) {
		int j = q->j + 2;
		q->ago = true;
		q->j = j;
		if (!has(s, j, TXC_ORD | TXC_UNIT) && wid(s, j) != TXW_PERIOD &&
		    wid(s, j) != TXW_FISCAL && !(tk(s, j)->kind == TK_NUM && tk(s, j)->suf == SUF_ORD)) {
			/* Standalone: "from the year-earlier $4.5 million";
			 * the article stays outside. */
			if (j - 2 != i)
				return -1;
			q_year_before(s, r, INCLINE_ANCHOR_PUBLICATION);
			return j - i;
		}
	}
	if (!q->y && (k = year_after(s, q->j, &q->y)) != 0 && q->j > i)
		q->j += k;
	return 0;
}

/* "Q3 2023", "3Q of 2019", "H1/2021". False when it is no quarter. */
static bool q_token(tx_scan *s, int i, tx_qparse *q)
{
	int yk;

	q->g = tk(s, q->j)->kind == TK_QTR ? TG_QUARTER : TG_HALF;
	q->n = tk(s, q->j)->num;
	q->j++;
	q->explicit_n = true;
	if (!q->y) {
		if ((yk = year_after(s, q->j, &q->y)) != 0)
			q->j += yk;
		else if ((wid(s, q->j) == TXW_OF || punct(s, q->j, ',') || punct(s, q->j, '/')) &&
			 (yk = year_after(s, q->j + 1, &q->y)) != 0)
			q->j += 1 + yk;
	}
	/* "2023 Q3" was read from the year */
	return q->y || !year_tok(s, i - 1, true) || i != q->j - 1;
}

/* "three months", "two quarters", "six months" after "the first": the
 * granularity they make, or TG_NONE. */
static int q_count_unit(int cnt, int unit)
{
	if (unit == TXU_MONTH && (cnt == 3 || cnt == 6))
		return cnt == 3 ? TG_QUARTER : TG_HALF;
	if (unit == TXU_QUARTER && cnt == 2)
		return TG_HALF;
	return TG_NONE;
}

/* The unit word of a spelled quarter, at q->j: "quarter", "half",
 * "period", "three months". False when it is no quarter. */
static bool q_unit(tx_scan *s, int i, tx_qparse *q)
{
	int j = q->j;

	if (has(s, j, TXC_UNIT) && wval(s, j) == TXU_QUARTER) {
		q->g = TG_QUARTER;
	} else if (wid(s, j) == TXW_HALF) {
		q->g = TG_HALF;
	} else if (wid(s, j) == TXW_PERIOD && !q->explicit_n && (q->ago || q->y || j > i)) {
		q->g = TG_QUARTER;
	} else if (q->explicit_n && wid(s, j - 1) != TXW_FISCAL &&
		   (q->n == 2 || q->n == 3 || q->n == 6) && has(s, j, TXC_NUM) && !has(s, j, TXC_TENS)) {
		/* "the first three months", "the first two quarters" */
		if (q->n != 1 && wnum(s, j - 1) != 1)
			return false;
		q->g = q_count_unit(wnum(s, j), has(s, j + 1, TXC_UNIT) ? wval(s, j + 1) : 0);
		q->n = 1;
		q->j++;
	} else if (q->explicit_n && q->n == 1 && has(s, j, TXC_NUM) && has(s, j + 1, TXC_UNIT)) {
		q->g = q_count_unit(wnum(s, j), wval(s, j + 1));
		q->j++;
	} else {
		return false;
	}
	return q->g != TG_NONE;
}

/* The year after a spelled quarter: "of 2016", ", 2016", "2016", "of the
 * year 2016", "of last year", "of the year". */
static void q_year_suffix(tx_scan *s, tx_qparse *q)
{
	int j = q->j, yk;

	if (wid(s, j) == TXW_OF && wid(s, j + 1) == TXW_THE &&
	    wid(s, j + 2) == TXW_YEAR_WORD && (yk = year_after(s, j + 3, &q->y)) != 0) {
		q->j += 3 + yk;
	} else if (wid(s, j) == TXW_OF && (yk = year_after(s, j + 1, &q->y)) != 0) {
		q->j += 1 + yk;
	} else if (punct(s, j, ',') && (yk = year_after(s, j + 1, &q->y)) != 0) {
		q->j += 1 + yk;
	} else if ((yk = year_after(s, j, &q->y)) != 0) {
		q->j += yk;
	} else if (wid(s, j) == TXW_OF && has(s, j + 1, TXC_REL) &&
		   wid(s, j + 2) == TXW_YEAR_WORD && wval(s, j + 1) != TXR_THAT) {
		int rel = wval(s, j + 1);
		q->y = year_of(s->ref) + (rel == TXR_LAST ? -1 : rel == TXR_NEXT ? 1 : 0);
		q->j += 3;
	} else if (wid(s, j) == TXW_OF && wid(s, j + 1) == TXW_THE &&
		   wid(s, j + 2) == TXW_YEAR_WORD) {
		q->y = year_of(s->ref);
		q->j += 3;
	}
}

/* "the third quarter", "fiscal first half", "the latest period". False
 * when it is no quarter. */
static bool q_words(tx_scan *s, int i, tx_qparse *q)
{
	int j = q->j, y;

	if (has(s, j, TXC_ORD) || (tk(s, j)->kind == TK_NUM && tk(s, j)->suf == SUF_ORD)) {
		q->n = has(s, j, TXC_ORD) ? wnum(s, j) : tk(s, j)->num;
		q->j++;
		q->explicit_n = true;
	} else if (wid(s, j) == TXW_LAST && j > i && wid(s, j + 1) == TXW_HALF &&
		   wid(s, j + 2) == TXW_OF &&
		   (year_after(s, j + 3, &y) || (wid(s, j + 3) == TXW_THE && wid(s, j + 4) == TXW_YEAR_WORD))) {
		/* "the last half of 1989": the second */
		q->n = 2;
		q->j++;
		q->explicit_n = true;
	} else if ((wid(s, j) == TXW_LATEST || wid(s, j) == TXW_LAST) && j > i &&
		   (has(s, j + 1, TXC_UNIT) || wid(s, j + 1) == TXW_PERIOD)) {
		q->latest = true;
		q->j++;
	} else if (!(j > i) && !q->ago) {
		return false;
	}
	if (wid(s, q->j) == TXW_FISCAL)
		q->j++;
	if (!q_unit(s, i, q))
		return false;
	q->j++;
	if (q->explicit_n && wid(s, i) != TXW_THE && wid(s, q->j - 2) == TXW_LAST)
		return false;
	if (!q->y)
		q_year_suffix(s, q);
	return true;
}

/* Checks what was read and sets the point. Returns tokens or 0. */
static int q_finish(tx_scan *s, int i, const tx_qparse *q, tx_res *r)
{
	/* "the third-quarter loss": the article belongs to the noun. */
	if (wid(s, i) == TXW_THE && (tk(s, i + 1)->kind == TK_WORD || tk(s, i + 1)->kind == TK_NUM) &&
	    (tk(s, i + 2)->flags & TF_HYPH) && has(s, i + 2, TXC_UNIT))
		return 0;
	if (q->g == TG_QUARTER && q->explicit_n && (q->n < 1 || q->n > 4))
		return 0;
	if (q->g == TG_HALF && q->explicit_n && (q->n < 1 || q->n > 2))
		return 0;
	if (q->explicit_n) {
		int yy = q->y ? q->y : year_of(s->ref);
		incline_day a = day_of(yy, q->g == TG_QUARTER ? 3 * q->n - 2 : 6 * q->n - 5, 1);
		/* "the attack happened in Q3" in June: last year's */
		if (!q->y && !q->ago && a > s->ref && tense(s, i, q->j) < 0)
			a = day_of(yy - 1, month_of(a), 1);
		set_point(r, q->g, a);
		if (q->ago) {
			r->p.day = shift(TG_YEAR, r->p.day, -1);
			r->derived = true;
		}
	} else {
		/* "the quarter", "the latest period", "the year-ago quarter" */
		incline_day day = context_quarter(s, q->latest ? TXR_LAST : TXR_NONE);
		if (q->g != TG_QUARTER)
			return 0;
		if (q->y)
			day = day_of(q->y, month_of(day), 1);
		set_point(r, TG_QUARTER, q->ago ? shift(TG_YEAR, day, -1) : day);
		r->derived = q->ago;
	}
	if (!q->y)
		r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return q->j - i;
}

/* Quarters and halves: "the third quarter", "third-quarter", "Q3 2023",
 * "the first half of 2016", "the first three months of 2016", "fiscal
 * first quarter", "this year's third quarter", "the year-ago quarter". */
static int p_quarter(tx_scan *s, int i, tx_res *r)
{
	tx_qparse q = { .j = i, .g = TG_QUARTER };
	int k;
	bool ok;

	if (kind(s, i) != TK_NUM && kind(s, i) != TK_QTR && kind(s, i) != TK_HALFY &&
	    kind(s, i) != TK_FY && !has(s, i, TXC_REL | TXC_ORD) && wid(s, i) != TXW_THE &&
	    wid(s, i) != TXW_FISCAL && wid(s, i) != TXW_YEAR_WORD)
		return 0;
	if (wid(s, q.j) == TXW_THE)
		q.j++;
	if (q.j > i && wid(s, q.j) == TXW_SAME) {
		if ((k = q_same_period(s, i, q.j, r)) >= 0)
			return k;
		q.j++;
	}
	if ((k = q_prefix(s, i, &q, r)) != 0)
		return k > 0 ? k : 0;
	if (tk(s, q.j)->kind == TK_QTR || tk(s, q.j)->kind == TK_HALFY)
		ok = q_token(s, i, &q);
	else
		ok = q_words(s, i, &q);
	return ok ? q_finish(s, i, &q, r) : 0;
}

/* A *_REF value over n tokens from the match start. */
static int ref_of(tx_res *r, int ref, int n)
{
	r->ref = ref;
	r->type = INCLINE_TIMEX_DATE;
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return n;
}

/* "today", "yesterday", "tomorrow", "tonight", "now", "recently". */
static int ref_word(tx_scan *s, int i, tx_res *r)
{
	switch (wval(s, i)) {
	case TXF_TODAY:
		set_point(r, TG_DAY, s->ref);
		break;
	case TXF_YESTERDAY:
		set_point(r, TG_DAY, s->ref - 1);
		break;
	case TXF_TOMORROW:
		set_point(r, TG_DAY, s->ref + 1);
		break;
	case TXF_TONIGHT:
		set_point(r, TG_TIME, s->ref);
		r->p.daypart = TXD_NI;
		r->type = INCLINE_TIMEX_TIME;
		break;
	default:
		return ref_of(r, wval(s, i), 1);
	}
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return 1;
}

/* An all-caps "TODAY" or "NOW" right after a capitalised word that is no
 * date or function word, on the same line, ends a name: "USA TODAY",
 * "Reuters NOW". Not in a shouted line (all-caps words on both sides, or
 * two before it: "HACKERS STRIKE TODAY", also "NBC NEWS NOW"), nor after
 * a sentence's first word ("Act NOW"), where it is the date. */
static bool masthead(const tx_scan *s, int i)
{
	const tx_tok *t = tk(s, i), *p = tk(s, i - 1), *n = tk(s, i + 1), *pp = tk(s, i - 2);
	const unsigned caps = TF_ALLCAP, line = TF_NL | TF_BREAK;

	if (!(t->flags & caps) || (t->flags & line) || !(t->flags & TF_SPACE))
		return false;
	if (p->kind != TK_WORD || p->w || !cap(s, i - 1))
		return false;
	if (!(p->flags & caps)) /* "Reuters NOW", not "Act NOW" */
		return !(p->flags & line) && !sentence_end(s, i - 2);
	if (n->kind == TK_WORD && (n->flags & caps) && !(n->flags & line))
		return false;
	return !(pp->kind == TK_WORD && (pp->flags & caps) && !(p->flags & line));
}

/* "the past", "the (near) future", "future quarters", "the near term". */
static int ref_past_future(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i);

	if (j > i && wid(s, j) == TXW_PAST && !has(s, j + 1, TXC_NUM | TXC_UNIT) &&
	    tk(s, j + 1)->kind != TK_NUM && !has(s, j + 1, TXC_SEASON | TXC_MONTH | TXC_WEEKDAY))
		return ref_of(r, TXF_PAST, j + 1 - i);
	if (wid(s, j) == TXW_NEAR)
		j++;
	if (wid(s, j) == TXW_FUTURE &&
	    (j > i || (has(s, j + 1, TXC_UNIT) && (tk(s, j + 1)->w->val == TXU_QUARTER ||
						   tk(s, j + 1)->w->val == TXU_YEAR))))
		return ref_of(r, TXF_FUTURE, j + 1 - i + (has(s, j + 1, TXC_UNIT) ? 1 : 0));
	j = opt_the(s, i);
	if ((wid(s, j) == TXW_NEAR || wid(s, j) == TXW_SHORT || wid(s, j) == TXW_LONG) &&
	    wid(s, j + 1) == TXW_TERM && j > i && !(tk(s, j + 1)->flags & TF_HYPH))
		return ref_of(r, TXF_FUTURE, j + 2 - i);
	return 0;
}

/* Token t is a plural word ("years", "months"). */
static bool plural(const tx_scan *s, int t)
{
	return s->lx.s[tk(s, t)->end - 1] == 's';
}

/* Spans of plural units: "the past years", "the last several quarters",
 * "recent years", "in recent months", "coming months". */
static int ref_plural(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i);
	bool pastw = j > i && (wid(s, j) == TXW_PAST || wid(s, j) == TXW_LAST);

	if (pastw && has(s, j + 1, TXC_UNIT) && wval(s, j + 1) >= TXU_DAY &&
	    tk(s, j + 1)->end - tk(s, j + 1)->start > 3 && plural(s, j + 1))
		return ref_of(r, TXF_PAST, j + 2 - i);
	if (pastw && (wid(s, j + 1) == TXW_FEW || wid(s, j + 1) == TXW_SEVERAL ||
		      wid(s, j + 1) == TXW_MANY) && has(s, j + 2, TXC_UNIT) && plural(s, j + 2))
		return ref_of(r, TXF_PAST, j + 3 - i);
	if ((wid(s, j) == TXW_RECENT || wid(s, j) == TXW_COMING) && has(s, j + 1, TXC_UNIT) &&
	    wval(s, j + 1) >= TXU_DAY && tk(s, j + 1)->end - tk(s, j + 1)->start > 1 &&
	    plural(s, j + 1)) {
		int k = j + 2;
		if (wid(s, k) == TXW_AND && has(s, k + 1, TXC_UNIT))
			k += 2;
		return ref_of(r, wid(s, j) == TXW_RECENT ? TXF_PAST : TXF_FUTURE, k - i);
	}
	return 0;
}

/* Fixed words: "today", "yesterday", "now", "recently", "the past",
 * "the future", "these days", "right now". */
static int p_ref(tx_scan *s, int i, tx_res *r)
{
	int k;

	switch (wid(s, i)) {
	case TXW_THESE: case TXW_THE: case TXW_NEAR: case TXW_FUTURE: case TXW_A:
	case TXW_RECENT: case TXW_COMING: case TXW_RIGHT:
		break;
	default:
		if (!has(s, i, TXC_REF))
			return 0;
	}
	if (has(s, i, TXC_REF)) {
		if ((wval(s, i) == TXF_TODAY || wval(s, i) == TXF_PRESENT) && masthead(s, i))
			return 0;
		return ref_word(s, i, r);
	}
	if (wid(s, i) == TXW_THESE && wid(s, i + 1) == TXW_DAYS)
		return ref_of(r, TXF_PRESENT, 2);
	if (wid(s, i) == TXW_RIGHT && wid(s, i + 1) == TXW_NOW)
		return ref_of(r, TXF_PRESENT, 2);
	/* "at a later date" */
	if (wid(s, i) == TXW_A && wid(s, i + 1) == TXW_LATER && wid(s, i + 2) == TXW_DATE)
		return ref_of(r, TXF_FUTURE, 3);
	if ((k = ref_past_future(s, i, r)) != 0)
		return k;
	return ref_plural(s, i, r);
}

/* Resolves a weekday against ref (the publication or a previous date): same weekday is the reference day
 * itself; otherwise the last one for past (and unknown) tense in news,
 * the next one for future. */
static incline_day weekday_day(incline_day ref, int wd, int rel, int t)
{
	int cur = incline_date_weekday(ref);
	int back = (cur - wd + 7) % 7, fwd = (wd - cur + 7) % 7;

	switch (rel) {
	case TXR_LAST:
		return ref - (back ? back : 7);
	case TXR_NEXT:
		return ref + (fwd ? fwd : 7);
	case TXR_THIS:
		return ref - (cur - 1) + (wd - 1);
	default:
		if (back == 0)
			return ref;
		return t > 0 ? ref + fwd : ref - back;
	}
}

/* "the week of Sept. 11", "the weekend of March 3": the week (weekend)
 * holding the day after "of" (j: the unit word). */
static int week_of(tx_scan *s, int i, int j, int unit, tx_res *r)
{
	tx_res d;
	int k;

	res_init(&d);
	if (!(k = p_month_day(s, j + 2, &d)) && !(k = p_day_month(s, j + 2, &d)) &&
	    !(k = p_numeric_date(s, j + 2, &d)))
		return 0;
	if (d.p.g != TG_DAY)
		return 0;
	*r = d;
	r->md = false;
	if (unit == TXU_WEEKEND)
		set_point(r, TG_WEEKEND, unit_start(TG_WEEK, d.p.day));
	else
		set_point(r, TG_WEEK, d.p.day);
	r->anchor = d.anchor;
	return j + 2 + k - i;
}

/* A relative word and where it stands, as p_relative reads it. */
typedef struct tx_rel {
	int i, j;     /* the match start; the token after the relative word */
	unsigned w;   /* the word's TXW_* id */
	int rel;      /* TXR_* */
	bool the;     /* "the" before it */
	bool prevrel; /* it steps from the previous date ("the next day") */
} tx_rel;

/* "the year", "the full year", "the fiscal year", "the weekend": the one
 * around the reference (j: the token after "the"). */
static int rel_the_unit(tx_scan *s, int i, int j, tx_res *r)
{
	int unit, g;

	if (wid(s, j) == TXW_FULL || wid(s, j) == TXW_FISCAL)
		j++;
	if (!has(s, j, TXC_UNIT) || has(s, j, TXC_ORD))
		return 0;
	unit = wval(s, j);
	if (unit != TXU_YEAR && unit != TXU_WEEK && unit != TXU_MONTH && unit != TXU_WEEKEND)
		return 0;
	if ((unit == TXU_WEEK || unit == TXU_WEEKEND) && wid(s, j + 1) == TXW_OF)
		return week_of(s, i, j, unit, r);
	if (s->lx.s[tk(s, j)->end - 1] == 's' || (tk(s, j + 1)->flags & TF_HYPH))
		return 0;
	g = unit_g(unit);
	if (g == TG_WEEKEND) {
		incline_day d = unit_start(TG_WEEK, s->ref);
		if (incline_date_weekday(s->ref) < 6 && tense(s, i, j + 1) <= 0)
			d -= 7;
		set_point(r, TG_WEEKEND, d);
	} else {
		set_point(r, g, unit_start(g, s->ref));
	}
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return j + 1 - i;
}

/* Reads the relative word at j into *x; false when it cannot begin a
 * relative expression here ("the this", "past" without "in"). */
static bool rel_word(tx_scan *s, int i, int j, tx_rel *x)
{
	unsigned w = wid(s, j);

	x->i = i;
	x->the = j > i;
	x->w = w;
	x->rel = w == TXW_LATEST ? TXR_LAST : wval(s, j);
	/* "the previous week", "the next day", "that year" step from the
	 * last date in the text; "next week" from the publication. */
	x->prevrel = w == TXW_PREVIOUS || w == TXW_PRIOR || w == TXW_FOLLOWING || w == TXW_THAT ||
		     w == TXW_SAME || (x->the && w == TXW_NEXT);
	if (w == TXW_PAST && !x->the && wid(s, i - 1) != TXW_IN && wid(s, i - 1) != TXW_OVER &&
	    wid(s, i - 1) != TXW_DURING && wid(s, i - 1) != TXW_FOR)
		return false;
	if (x->the && (w == TXW_THAT || w == TXW_THIS))
		return false;
	j++;
	/* "this past weekend", "this coming Sunday" */
	if (w == TXW_THIS && (wid(s, j) == TXW_PAST || wid(s, j) == TXW_COMING)) {
		x->rel = wval(s, j);
		j++;
	}
	if (w == TXW_CURRENT && wid(s, j) == TXW_FISCAL)
		j++;
	x->j = j;
	/* a heading's last word and the next line */
	return !((tk(s, j)->flags & TF_NL) && !(tk(s, j - 1)->flags & TF_NL));
}

/* The day the unit counts from, and the anchor; false for "that week"
 * with no date before it. */
static bool rel_base(const tx_scan *s, const tx_rel *x, int g, incline_day *base, tx_res *r)
{
	*base = s->ref;
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	if (x->prevrel && s->has_prev && s->prev.g != TG_NONE &&
	    ((x->w != TXW_FOLLOWING && x->w != TXW_NEXT) || s->prev.g <= g)) {
		*base = s->prev.day;
		r->anchor = INCLINE_ANCHOR_PREVIOUS;
		return true;
	}
	return x->w != TXW_THAT && x->w != TXW_SAME;
}

/* "last week", "this month", "the following day", "the latest quarter". */
static int rel_unit(tx_scan *s, const tx_rel *x, tx_res *r)
{
	int j = x->j, unit = wval(s, j), g = unit_g(unit), rel = x->rel;
	incline_day base;

	/* "This Week", a programme's title */
	if ((tk(s, j)->flags & TF_CAP) && !(tk(s, j)->flags & TF_ALLCAP))
		return 0;
	if (g == TG_NONE || g == TG_TIME ||
	    (tk(s, j)->end - tk(s, j)->start > 1 && s->lx.s[tk(s, j)->end - 1] == 's'))
		return 0;
	if (unit == TXU_NIGHT || !rel_base(s, x, g, &base, r))
		return 0;
	if (unit == TXU_HALF || g == TG_CENTURY)
		return 0;
	if (g == TG_QUARTER && rel == TXR_LAST && x->the && x->w == TXW_LATEST) {
		set_point(r, TG_QUARTER, context_quarter(s, TXR_LAST));
	} else if (g == TG_QUARTER && rel == TXR_NONE) {
		set_point(r, TG_QUARTER, context_quarter(s, TXR_NONE));
	} else if (g == TG_WEEKEND) {
		incline_day d = unit_start(TG_WEEK, base);
		if (rel == TXR_LAST && incline_date_weekday(base) < 6)
			d -= 7;
		else if (rel == TXR_NEXT)
			d += 7;
		set_point(r, TG_WEEKEND, d);
	} else {
		int n = rel == TXR_LAST ? -1 : rel == TXR_NEXT ? 1 : 0;
		set_point(r, g, unit_start(g, shift(g, base, n)));
	}
	/* "the year" ending: "year-end", "month-end" */
	if (wid(s, j + 1) == TXW_NONE && has(s, j + 1, TXC_PART) && wval(s, j + 1) == TXP_END &&
	    (tk(s, j + 1)->flags & TF_HYPH))
		j++, r->mod = INCLINE_MOD_END;
	return j + 1 - x->i;
}

/* "last Friday", "this Tuesday", "that Friday", "the following Monday". */
static int rel_weekday(tx_scan *s, const tx_rel *x, tx_res *r)
{
	int j = x->j, wd = wval(s, j);
	unsigned w = x->w;

	if (w == TXW_THAT || w == TXW_SAME || w == TXW_PREVIOUS || w == TXW_FOLLOWING) {
		if (!s->has_prev)
			return 0;
		/* "that Friday": the Friday of the previous date's week. */
		set_point(r, TG_DAY, weekday_day(s->prev.day, wd,
						 w == TXW_FOLLOWING ? TXR_NEXT :
						 w == TXW_PREVIOUS ? TXR_LAST : TXR_THIS, 0));
		r->anchor = INCLINE_ANCHOR_PREVIOUS;
		return j + 1 - x->i;
	}
	set_point(r, TG_DAY, weekday_day(s->ref, wd, x->rel, tense(s, x->i, j + 1)));
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return j + 1 - x->i;
}

/* "last April", "next March", "this September". */
static int rel_month(tx_scan *s, const tx_rel *x, tx_res *r)
{
	int j = x->j, m = wval(s, j), y = year_of(s->ref), rm = month_of(s->ref), k = j + 1;

	if ((tk(s, j)->w->cls & TXC_ABBR) && punct(s, k, '.'))
		k++;
	if (x->rel == TXR_LAST)
		y -= m >= rm ? 1 : 0;
	else if (x->rel == TXR_NEXT)
		y += m <= rm ? 1 : 0;
	set_point(r, TG_MONTH, day_of(y, m, 1));
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return k - x->i;
}

/* "last week", "this month", "next year", "the following day", "that
 * week", "last Friday", "this September", "the current quarter". */
static int p_relative(tx_scan *s, int i, tx_res *r)
{
	int j = opt_the(s, i);
	tx_rel x;

	if (j == i && !has(s, i, TXC_REL))
		return 0;
	if (j > i && !has(s, j, TXC_REL) && wid(s, j) != TXW_LATEST)
		return rel_the_unit(s, i, j, r);
	if (!rel_word(s, i, j, &x))
		return 0;
	j = x.j;
	if (has(s, j, TXC_UNIT) && !has(s, j, TXC_ORD))
		return rel_unit(s, &x, r);
	if (has(s, j, TXC_WEEKDAY) && cap(s, j) && !(tk(s, j)->w->cls & TXC_ABBR))
		return rel_weekday(s, &x, r);
	if (has(s, j, TXC_MONTH) && cap(s, j) && x.w != TXW_THAT && x.w != TXW_SAME)
		return rel_month(s, &x, r);
	return 0;
}

/* A count of units and a direction, as p_ago reads them. */
typedef struct tx_ago {
	int n;           /* the count; -1 unknown ("days ago") */
	bool half;       /* "two and a half" */
	int unit;        /* TXU_* */
	int dir;         /* -1 before, +1 after */
	bool prevanchor; /* "later", "earlier": from the previous date */
	bool the_form;   /* "the day before," */
	incline_timex_mod lead; /* "more than", "about": a duration mod */
} tx_ago;

/* A bound or hedge before the count: "about", "nearly", "some" (APPROX),
 * "more than", "over", "at least" (the count is a lower bound), "less
 * than", "under", "up to" (an upper bound). Sets a->lead to the duration
 * mod and returns the tokens read. */
static int ago_lead(const tx_scan *s, int i, tx_ago *a)
{
	unsigned w = wid(s, i);

	if ((w == TXW_MORE || w == TXW_LESS) && wid(s, i + 1) == TXW_THAN) {
		a->lead = wval(s, i);
		return 2;
	}
	if (w == TXW_AT && wid(s, i + 1) == TXW_LEAST) {
		a->lead = INCLINE_MOD_EQUAL_OR_MORE;
		return 2;
	}
	if (w == TXW_UP && wid(s, i + 1) == TXW_TO) {
		a->lead = INCLINE_MOD_EQUAL_OR_LESS;
		return 2;
	}
	/* "some 18 months ago", not "some days ago" (a count of its own) */
	if (w == TXW_SOME && (kind(s, i + 1) == TK_NUM || (has(s, i + 1, TXC_NUM | TXC_TENS) &&
							 wid(s, i + 1) != TXW_SOME))) {
		a->lead = INCLINE_MOD_APPROX;
		return 1;
	}
	if (has(s, i, TXC_MOD) && w != TXW_MORE && w != TXW_LESS) {
		a->lead = wval(s, i);
		return 1;
	}
	return 0;
}

/* The TIMEX3 mod of a point n units from its base when the count is
 * hedged or bounded: "more than 18 months ago" lies before the point 18
 * months back (BEFORE), "less than a year ago" after it (AFTER), "at
 * least a week later" on or after it; "about", "nearly" APPROX. */
static incline_timex_mod ago_mod(const tx_ago *a)
{
	bool past = a->dir < 0;

	switch (a->lead) {
	case INCLINE_MOD_MORE_THAN:
		return past ? INCLINE_MOD_BEFORE : INCLINE_MOD_AFTER;
	case INCLINE_MOD_LESS_THAN:
		return past ? INCLINE_MOD_AFTER : INCLINE_MOD_BEFORE;
	case INCLINE_MOD_EQUAL_OR_MORE:
		return past ? INCLINE_MOD_ON_OR_BEFORE : INCLINE_MOD_ON_OR_AFTER;
	case INCLINE_MOD_EQUAL_OR_LESS:
		return past ? INCLINE_MOD_ON_OR_AFTER : INCLINE_MOD_ON_OR_BEFORE;
	case INCLINE_MOD_APPROX:
		return INCLINE_MOD_APPROX;
	default:
		return INCLINE_MOD_NONE;
	}
}

/* The count and unit: "two days", "a year", "the day" (before "before" or
 * "after"), "Days". Returns the token after the unit, or 0. */
static int ago_count(const tx_scan *s, int i, tx_ago *a)
{
	int j = i + ago_lead(s, i, a), k;

	if (j == i && wid(s, j) == TXW_THE &&
	    (wid(s, j + 2) == TXW_BEFORE || wid(s, j + 2) == TXW_AFTER)) {
		/* "the day before,", "the year after.": one unit from the
		 * narrative's last date */
		a->n = 1;
		k = 1;
		a->the_form = true;
	} else if ((k = count_phrase(s, j, &a->n, &a->half)) == 0) {
		a->n = -1;
		a->half = false;
		if (!(has(s, j, TXC_UNIT) && cap(s, j) && plural(s, j)))
			return 0; /* "Days ago" */
	}
	j += k;
	if (!has(s, j, TXC_UNIT) || has(s, j, TXC_ORD))
		return 0;
	a->unit = wval(s, j);
	return j + 1;
}

/* The direction word at j: "ago", "back", "earlier", "prior", "before,",
 * "later", "after.", "hence", "from now". Returns the token after it, or 0. */
static int ago_direction(const tx_scan *s, int j, tx_ago *a)
{
	unsigned w = wid(s, j);
	bool alone = sentence_end(s, j + 1) || punct(s, j + 1, ',');

	if (w == TXW_AGO || w == TXW_BACK)
		a->dir = -1;
	else if (w == TXW_EARLIER || (w == TXW_PRIOR && wid(s, j + 1) != TXW_TO) ||
		 (w == TXW_BEFORE && alone))
		a->dir = -1, a->prevanchor = true;
	else if (w == TXW_LATER || (w == TXW_AFTER && alone))
		a->dir = 1, a->prevanchor = true;
	else if (w == TXW_HENCE)
		a->dir = 1;
	else if (w == TXW_FROM && wid(s, j + 1) == TXW_NOW)
		a->dir = 1, j++;
	else
		return 0;
	return j + 1;
}

/* Sets the point a->n units before or after its base; false when there
 * is no base ("the day before" with no date before it). */
static bool ago_resolve(const tx_scan *s, const tx_ago *a, tx_res *r)
{
	int g = unit_g(a->unit), n = a->n;
	incline_day base = s->ref;

	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	/* "two days later" counts from the last date; "a year earlier" in
	 * news compares with the publication date, unless the last date is
	 * a day or a week the count can step from. */
	if (a->the_form && !s->has_prev)
		return false;
	if (a->prevanchor && s->has_prev && (a->dir > 0 || s->prev.g <= TG_WEEK || a->the_form)) {
		base = s->prev.day;
		r->anchor = INCLINE_ANCHOR_PREVIOUS;
	}
	if (g == TG_TIME) {
		set_point(r, TG_DAY, base);
		return true;
	}
	if (a->unit == TXU_FORTNIGHT)
		n *= 2;
	/* "a year ago" in an article about a quarter (or month): the same
	 * quarter a year before. */
	if (g == TG_YEAR && a->dir < 0 && s->has_topic_q) {
		set_point(r, TG_QUARTER, shift(TG_YEAR, s->topic_q, a->dir * n));
		r->anchor = INCLINE_ANCHOR_PREVIOUS;
		r->derived = true;
		return true;
	}
	if (g == TG_WEEKEND)
		g = TG_WEEK;
	set_point(r, g, unit_start(g, shift(g, base, a->dir * n)));
	if (g == TG_DAY)
		r->p.day = base + a->dir * n;
	return true;
}

/* Count of units relative to a point: "two days ago", "a year earlier",
 * "three weeks later", "five years back", "a week from now". */
static int p_ago(tx_scan *s, int i, tx_res *r)
{
	tx_ago a = { .n = 0 };
	int j;

	if (kind(s, i) != TK_NUM && !has(s, i, TXC_MOD | TXC_NUM | TXC_TENS | TXC_UNIT) &&
	    wid(s, i) != TXW_HALF && wid(s, i) != TXW_THE && wid(s, i) != TXW_AT &&
	    wid(s, i) != TXW_UP)
		return 0;
	if (!(j = ago_count(s, i, &a)) || !(j = ago_direction(s, j, &a)))
		return 0;
	if (unit_g(a.unit) == TG_NONE)
		return 0;
	if (a.n < 0 || a.half || unit_g(a.unit) == TG_CENTURY)
		return ref_of(r, a.dir < 0 ? TXF_PAST : TXF_FUTURE, j - i);
	if (!ago_resolve(s, &a, r))
		return 0;
	/* "10000 years ago" leaves the calendar years 1..9999: a time in
	 * the past, with no date to write. */
	if (!incline_date_day_valid(unit_start(r->p.g, r->p.day)) ||
	    !incline_date_day_valid(unit_end(r->p.g, r->p.day))) {
		res_init(r);
		return ref_of(r, a.dir < 0 ? TXF_PAST : TXF_FUTURE, j - i);
	}
	r->mod = ago_mod(&a);
	if (r->mod == INCLINE_MOD_APPROX) {
		r->approx = true;
	} else if (r->mod != INCLINE_MOD_NONE) {
		/* The interval runs from the point away from the base, open
		 * on that side: "more than 18 months ago" is any day up to the
		 * end of that month; "less than a week ago" lies between that
		 * week and the base. */
		bool upto = r->mod == INCLINE_MOD_BEFORE || r->mod == INCLINE_MOD_ON_OR_BEFORE;
		bool toward = (a.dir < 0) != upto; /* between the point and the base */
		incline_day base = r->anchor == INCLINE_ANCHOR_PREVIOUS && !r->derived ? s->prev.day : s->ref;
		incline_day lo = r->p.g == TG_DAY ? r->p.day : unit_start(r->p.g, r->p.day);
		incline_day hi = r->p.g == TG_DAY ? r->p.day : unit_end(r->p.g, r->p.day);
		r->has_iv = true;
		r->lo = upto ? (toward ? base : INCLINE_DAY_NONE) : lo;
		r->hi = upto ? hi : (toward ? base : INCLINE_DAY_NONE);
	}
	return j - i;
}

/* A bare weekday: "on Tuesday", "Friday". */
static int p_weekday(tx_scan *s, int i, tx_res *r)
{
	const tx_tok *t = tk(s, i);

	if (!has(s, i, TXC_WEEKDAY) || !cap(s, i) || (t->w->cls & TXC_ABBR))
		return 0;
	if (has(s, i - 1, TXC_NAMEDAY) && cap(s, i - 1) && !(t->flags & TF_NL))
		return 0; /* "Patch Tuesday", "Black Friday" */
	/* A plural is a set: "on Mondays". */
	set_point(r, TG_DAY, weekday_day(s->ref, t->w->val, TXR_NONE, tense(s, i, i + 1)));
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return 1;
}

/* A time of day at i: "10:30", "10:30 a.m.", "5 p.m.", "noon",
 * "midnight", "7 o'clock". Sets hour and minute; returns tokens used.
 * needs_ctx: a bare "10:30" counts only with a zone or a cue word. */
static int clock_at(const tx_scan *s, int i, int *h, int *mi, bool *marked)
{
	const tx_tok *t = tk(s, i);

	*marked = false;
	if (t->kind == TK_CLOCK) {
		*h = t->h;
		*mi = t->mi;
		*marked = t->suf == SUF_AM || t->suf == SUF_PM;
		return 1;
	}
	if (wid(s, i) == TXW_NOON) {
		*h = 12, *mi = 0, *marked = true;
		return 1;
	}
	if (wid(s, i) == TXW_MIDNIGHT) {
		*h = 24, *mi = 0, *marked = true;
		return 1;
	}
	if (t->kind == TK_NUM && t->num >= 1 && t->num <= 12 && t->suf == SUF_NONE &&
	    wid(s, i + 1) == TXW_O && punct(s, i + 2, '\'') && wid(s, i + 3) == TXW_CLOCK) {
		*h = t->num, *mi = 0, *marked = true;
		return 4;
	}
	return 0;
}

/* A time zone after a clock: "ET", "UTC", "local time". Returns tokens. */
static int zone_at(const tx_scan *s, int j)
{
	if (has(s, j, TXC_TZ) && cap(s, j))
		return 1;
	if (wid(s, j) == TXW_LOCAL && wid(s, j + 1) == TXW_TIME)
		return 2;
	return 0;
}

/* A day for a time to sit on: a weekday, "today", "yesterday", a date. */
/* The first-token test of day_for_time's parsers. */
static bool may_begin_day(const tx_scan *s, int i)
{
	return kind(s, i) == TK_NUM || kind(s, i) == TK_DATE || wid(s, i) == TXW_THE ||
	       has(s, i, TXC_MONTH | TXC_WEEKDAY | TXC_REL | TXC_REF);
}

static int day_for_time(tx_scan *s, int i, tx_res *r)
{
	int k;
	tx_res tmp;

	/* only the parsers token i can open (see tok_parsers): one left out
	 * would return 0 before touching tmp */
	unsigned m = s->no_dispatch ? ~0u : tok_parsers(s, tk(s, i));

	res_init(&tmp);
	if (((m & CP(MONTH_DAY)) && (k = p_month_day(s, i, &tmp))) ||
	    ((m & CP(DAY_MONTH)) && (k = p_day_month(s, i, &tmp))) ||
	    ((m & CP(NUMERIC_DATE)) && (k = p_numeric_date(s, i, &tmp)))) {
		*r = tmp;
		return k;
	}
	res_init(&tmp);
	if ((m & CP(RELATIVE)) && (k = p_relative(s, i, &tmp)) && tmp.p.g == TG_DAY) {
		*r = tmp;
		return k;
	}
	res_init(&tmp);
	if ((m & CP(WEEKDAY)) && (k = p_weekday(s, i, &tmp))) {
		*r = tmp;
		return k;
	}
	res_init(&tmp);
	if (has(s, i, TXC_REF) && (m & CP(REF)) && (k = p_ref(s, i, &tmp)) && tmp.p.g == TG_DAY) {
		*r = tmp;
		return k;
	}
	return 0;
}

/* A time of day as p_time reads it. The helpers return the token after
 * the match, 0 when the text is no time, -1 when it is not their form. */
typedef struct tx_tparse {
	int h, mi;   /* clock; -1 = none */
	int dp;      /* TXD_* part of the day */
	tx_res day;  /* the day it falls on */
} tx_tparse;

/* The day a clock without one falls on: the date right before it ("24
 * Mar 2020 13:00:34 GMT"), else the reference. */
static void time_default_day(const tx_scan *s, int i, tx_tparse *t)
{
	if (s->has_last && s->last.p.g == TG_DAY && !s->last.ref &&
	    s->last.type == INCLINE_TIMEX_DATE && s->last_abs == s->dropped + (size_t)i) {
		set_point(&t->day, TG_DAY, s->last.p.day);
		t->day.anchor = INCLINE_ANCHOR_PREVIOUS;
	} else {
		set_point(&t->day, TG_DAY, s->ref);
		t->day.anchor = INCLINE_ANCHOR_PUBLICATION;
	}
}

/* "10:30 a.m. ET", "5 p.m. EST, Nov. 6", "14:00 UTC on Monday". */
static int time_clock_first(tx_scan *s, int i, tx_tparse *t)
{
	int j = i, k;
	bool marked, zone = false;

	if ((k = clock_at(s, j, &t->h, &t->mi, &marked)) == 0)
		return -1;
	j += k;
	if ((k = zone_at(s, j)) != 0) {
		j += k;
		zone = true;
	}
	if (!marked && !zone && !has(s, i - 1, TXC_CONTEXT) && wid(s, i - 1) != TXW_AT)
		return 0;
	{
		int jj = j;
		if (punct(s, jj, ','))
			jj++;
		if (wid(s, jj) == TXW_ON)
			jj++;
		if ((k = day_for_time(s, jj, &t->day)) != 0)
			j = jj + k;
		else
			time_default_day(s, i, t);
	}
	return j;
}

/* "Friday at 5 p.m.", "Thursday night", "2023-09-14 at 14:05 UTC". */
static int time_day_first(tx_scan *s, int i, tx_tparse *t)
{
	int j = i, k, jj;
	bool marked;

	if (!may_begin_day(s, j) || (k = day_for_time(s, j, &t->day)) == 0)
		return -1;
	j += k;
	if (has(s, j, TXC_DAYPART) && wid(s, j) != TXW_NOON && wid(s, j) != TXW_MIDNIGHT) {
		t->dp = has(s, j, TXC_UNIT) ? TXD_NI : wval(s, j);
		return j + 1;
	}
	jj = j;
	if (punct(s, jj, ','))
		jj++;
	if (wid(s, jj) == TXW_AT || (has(s, jj, TXC_MOD) && wval(s, jj) == INCLINE_MOD_APPROX))
		jj++;
	if ((k = clock_at(s, jj, &t->h, &t->mi, &marked)) == 0)
		return 0;
	/* "2023-09-14 at 14:05": a 24-hour clock joins the day after
	 * "at"; right after the date ("24 Mar 2020 13:00:34 GMT") it
	 * stands alone, on the same day. */
	if (!marked && wid(s, jj - 1) != TXW_AT)
		return 0;
	j = jj + k;
	return j + zone_at(s, j);
}

/* The TXD_* part of the day a daypart word names ("night" is a unit too). */
static int daypart_of(const tx_scan *s, int j)
{
	return has(s, j, TXC_UNIT) ? TXD_NI : wval(s, j);
}

/* "noon" and "midnight" are clock times, not parts of a day. */
static bool clock_word(const tx_scan *s, int j)
{
	return wid(s, j) == TXW_NOON || wid(s, j) == TXW_MIDNIGHT;
}

/* "the morning of Sept. 12", "the night of Tuesday". */
static int time_part_of(tx_scan *s, int i, tx_tparse *t)
{
	int k;

	if (wid(s, i) != TXW_THE || !has(s, i + 1, TXC_DAYPART) || wid(s, i + 2) != TXW_OF ||
	    !may_begin_day(s, i + 3) || (k = day_for_time(s, i + 3, &t->day)) == 0)
		return -1;
	if (clock_word(s, i + 1))
		return 0;
	t->dp = daypart_of(s, i + 1);
	return i + 3 + k;
}

/* "this morning", "last night", "overnight". */
static int time_rel_part(tx_scan *s, int i, tx_tparse *t)
{
	if (has(s, i, TXC_REL) && has(s, i + 1, TXC_DAYPART)) {
		int rel = wval(s, i);
		t->dp = daypart_of(s, i + 1);
		if (rel == TXR_THIS)
			set_point(&t->day, TG_DAY, s->ref);
		else if (rel == TXR_LAST && t->dp == TXD_NI)
			set_point(&t->day, TG_DAY, s->ref - 1);
		else
			return 0;
		if (clock_word(s, i + 1))
			return 0;
		t->day.anchor = INCLINE_ANCHOR_PUBLICATION;
		return i + 2;
	}
	if (wid(s, i) == TXW_OVERNIGHT) {
		set_point(&t->day, TG_DAY, s->ref - 1);
		t->day.anchor = INCLINE_ANCHOR_PUBLICATION;
		t->dp = TXD_NI;
		return i + 1;
	}
	return -1;
}

/* Times: "10:30 a.m. ET", "5 p.m. EST, Nov. 6", "Friday at 5 p.m.",
 * "Thursday night", "this morning", "last night", "yesterday morning". */
static int p_time(tx_scan *s, int i, tx_res *r)
{
	static int (*const forms[])(tx_scan *, int, tx_tparse *) = {
		time_clock_first, time_day_first, time_part_of, time_rel_part,
	};
	tx_tparse t = { .h = -1, .mi = -1 };
	int j = -1;

	for (size_t f = 0; j < 0 && f < sizeof forms / sizeof forms[0]; f++) {
		res_init(&t.day);
		t.h = t.mi = -1;
		t.dp = 0;
		j = forms[f](s, i, &t);
	}
	if (j <= 0 || t.day.p.g != TG_DAY)
		return 0;
	*r = t.day;
	r->type = INCLINE_TIMEX_TIME;
	r->p.g = TG_TIME;
	r->p.hour = t.h;
	r->p.minute = t.mi;
	r->p.daypart = t.dp;
	r->md = false;
	return j - i;
}

/* What may lead a duration: "the last", "the next", "past", "more than",
 * "at least", "up to", "about". Returns the token after it (i when none),
 * or -1 when the text is no duration. */
static int dur_lead(const tx_scan *s, int i, incline_timex_mod *mod)
{
	int j = opt_the(s, i);

	if (j > i)
		return has(s, j, TXC_REL) && (wval(s, j) == TXR_LAST || wval(s, j) == TXR_NEXT) ? j + 1 : -1;
	if ((wid(s, j) == TXW_PAST || wid(s, j) == TXW_LAST || wid(s, j) == TXW_NEXT) &&
	    (has(s, j + 1, TXC_NUM) || tk(s, j + 1)->kind == TK_NUM))
		return j + 1;
	if (wid(s, j) == TXW_MORE || wid(s, j) == TXW_LESS) {
		if (wid(s, j + 1) != TXW_THAN)
			return -1;
		*mod = wval(s, j);
		return j + 2;
	}
	if (wid(s, j) == TXW_AT && wid(s, j + 1) == TXW_LEAST) {
		*mod = INCLINE_MOD_EQUAL_OR_MORE;
		return j + 2;
	}
	if (wid(s, j) == TXW_UP && wid(s, j + 1) == TXW_TO) {
		*mod = INCLINE_MOD_EQUAL_OR_LESS;
		return j + 2;
	}
	if (has(s, j, TXC_MOD) && wid(s, j) != TXW_MORE) {
		*mod = wval(s, j);
		return j + 1;
	}
	return j;
}

/* The count of a duration at j: "three", "a few", "several", or none in
 * "for weeks". Returns its tokens (0 for none) or -1. */
static int dur_count(const tx_scan *s, int i, int j, int *n, bool *half)
{
	int k;

	if (wid(s, j) == TXW_FEW || wid(s, j) == TXW_SEVERAL || wid(s, j) == TXW_MANY) {
		*n = -1;
		return 1;
	}
	if ((k = count_phrase(s, j, n, half)) != 0)
		return k;
	/* "for weeks", "over months" */
	if (j == i && (wid(s, i - 1) == TXW_FOR || wid(s, i - 1) == TXW_OVER ||
		       wid(s, i - 1) == TXW_WITHIN) &&
	    has(s, j, TXC_UNIT) && plural(s, j) && wval(s, j) >= TXU_HOUR) {
		*n = -1;
		return 0;
	}
	return -1;
}

/* The TIMEX3 value of n units: "P3D", "PT48H", "P2.5Y", "PXW". */
static void dur_value(tx_res *r, int unit, int n, bool half)
{
	char num[16];
	int mult = unit == TXU_FORTNIGHT ? 2 : 1;

	if (n < 0)
		snprintf(num, sizeof num, "X");
	else if (half)
		snprintf(num, sizeof num, "%d.5", n * mult);
	else
		snprintf(num, sizeof num, "%d", n * mult);
	snprintf(r->lit, sizeof r->lit, "P%s%s%s", tx_unit_is_time[unit] ? "T" : "", num,
		 tx_unit_code[unit]);
}

/* Durations: "three days", "48 hours", "a few weeks", "the past two
 * years", "90-day", "more than a year". */
static int p_duration(tx_scan *s, int i, tx_res *r)
{
	int j, n = -1, k, unit;
	bool half = false;
	incline_timex_mod mod = INCLINE_MOD_NONE;

	if (wid(s, i) != TXW_THE && kind(s, i) != TK_NUM &&
	    !has(s, i, TXC_REL | TXC_MOD | TXC_NUM | TXC_TENS | TXC_UNIT)) {
		switch (wid(s, i)) {
		case TXW_MORE: case TXW_LESS: case TXW_AT: case TXW_UP: case TXW_FEW:
		case TXW_SEVERAL: case TXW_MANY: case TXW_HALF:
			break;
		default:
			return 0;
		}
	}
	if ((j = dur_lead(s, i, &mod)) < 0 || (k = dur_count(s, i, j, &n, &half)) < 0)
		return 0;
	j += k;
	if (!has(s, j, TXC_UNIT) || (k == 0 && has(s, j, TXC_ORD)))
		return 0;
	unit = wval(s, j);
	if (unit == TXU_NONE || unit == TXU_WEEKEND || unit == TXU_HALF)
		return 0;
	/* "a second attack" is an ordinal */
	if (has(s, j, TXC_ORD) && n == 1 && k == 1 && tk(s, j - 1)->kind == TK_WORD)
		return 0;
	dur_value(r, unit, n, half);
	r->type = INCLINE_TIMEX_DURATION;
	r->mod = mod;
	return j + 1 - i;
}

/* "once a", "twice per", "three times a", "5 times every": the tokens
 * before the unit of a frequency, or 0. */
static int times_per(const tx_scan *s, int i)
{
	int k = 0, n;
	bool half;

	if (wid(s, i) == TXW_ONCE || wid(s, i) == TXW_TWICE)
		k = 1;
	else if ((k = count_phrase(s, i, &n, &half)) != 0 && !half && wid(s, i + k) == TXW_TIMES)
		k++;
	else
		return 0;
	if (wid(s, i + k) == TXW_A || wid(s, i + k) == TXW_PER || wid(s, i + k) == TXW_EVERY ||
	    wid(s, i + k) == TXW_EACH)
		return k + 1;
	return 0;
}

/* Sets: "every day", "each year", "every other week", "every Monday",
 * "daily", "annually". */
static int p_set(tx_scan *s, int i, tx_res *r)
{
	int j = i, n = 1, k;
	bool half;

	if (has(s, i, TXC_SET)) {
		int unit = wval(s, i);
		/* "the Daily Mail", "Weekly Standard": a title */
		if (cap(s, i) && kind(s, i + 1) == TK_WORD && cap(s, i + 1) && !tk(s, i + 1)->w)
			return 0;
		snprintf(r->lit, sizeof r->lit, "P1%s", tx_unit_code[unit]);
		if (tx_unit_is_time[unit])
			snprintf(r->lit, sizeof r->lit, "PT1%s", tx_unit_code[unit]);
		r->type = INCLINE_TIMEX_SET;
		return 1;
	}
	if ((k = times_per(s, j)) != 0) {
		/* "twice a year", "three times per week", "once a month" */
		int unit;
		j += k;
		if (!has(s, j, TXC_UNIT) || has(s, j, TXC_ORD) || s->lx.s[tk(s, j)->end - 1] == 's')
			return 0;
		unit = wval(s, j);
		snprintf(r->lit, sizeof r->lit, "P%s1%s", tx_unit_is_time[unit] ? "T" : "",
			 tx_unit_code[unit]);
		r->type = INCLINE_TIMEX_SET;
		return j + 1 - i;
	}
	if (wid(s, j) != TXW_EVERY && wid(s, j) != TXW_EACH)
		return 0;
	j++;
	if (wid(s, j) == TXW_OTHER) {
		n = 2;
		j++;
	} else if ((k = count_phrase(s, j, &n, &half)) != 0 && n > 1 && !half) {
		j += k;
	}
	if (has(s, j, TXC_WEEKDAY) && cap(s, j)) {
		snprintf(r->lit, sizeof r->lit, "XXXX-WXX-%d", wval(s, j));
	} else if (has(s, j, TXC_MONTH) && cap(s, j)) {
		snprintf(r->lit, sizeof r->lit, "XXXX-%02d", wval(s, j));
	} else if (has(s, j, TXC_UNIT) && !has(s, j, TXC_ORD)) {
		int unit = wval(s, j);
		snprintf(r->lit, sizeof r->lit, "P%s%d%s", tx_unit_is_time[unit] ? "T" : "", n,
			 tx_unit_code[unit]);
	} else {
		return 0;
	}
	r->type = INCLINE_TIMEX_SET;
	return j + 1 - i;
}

/* The second day of a range after a month-day date: "March 3-5",
 * "March 3 to 5", "between March 3 and 5". */
static int p_range_end(tx_scan *s, int i, tx_res *r)
{
	int j = i, d, y, m, dd;

	if (!s->has_last || !s->last.md || s->dropped + (size_t)i != s->last_abs)
		return 0;
	if (wid(s, j) == TXW_TO || wid(s, j) == TXW_AND || wid(s, j) == TXW_THROUGH ||
	    wid(s, j) == TXW_UNTIL || punct(s, j, '-'))
		j++;
	else if (!(tk(s, j)->flags & TF_HYPH))
		return 0;
	if (!(d = day_tok(s, j)) || has(s, j + 1, TXC_MONTH) || has(s, j + 1, TXC_UNIT) ||
	    tk(s, j + 1)->kind == TK_CLOCK || punct(s, j + 1, ':'))
		return 0;
	incline_date_to_ymd(s->last.p.day, &y, &m, &dd);
	if (d <= dd || d > incline_date_days_in_month(y, m))
		return 0;
	*r = s->last;
	r->p.day = day_of(y, m, d);
	r->skip = j - i;
	r->md = false;
	if (punct(s, j + 1, ',') && year_tok(s, j + 2, true))
		return j + 3 - i;
	return j + 1 - i;
}

/* "year-end", "year end", "year's end", "month-end": the end of the unit
 * around the reference. */
static int p_unit_end(tx_scan *s, int i, tx_res *r)
{
	int j = i, unit, g;

	if (!has(s, j, TXC_UNIT) || has(s, j, TXC_ORD) || s->lx.s[tk(s, j)->end - 1] == 's')
		return 0;
	unit = wval(s, j);
	if (unit != TXU_YEAR && unit != TXU_MONTH && unit != TXU_QUARTER)
		return 0;
	j++;
	if (punct(s, j, '\'') && tk(s, j + 1)->kind == TK_WORD &&
	    tk(s, j + 1)->end - tk(s, j + 1)->start == 1 && lower(s->lx.s[tk(s, j + 1)->start]) == 's')
		j += 2;
	if (!(has(s, j, TXC_PART) && wval(s, j) == TXP_END && tk(s, j)->w->id == TXW_NONE &&
	      tk(s, j)->end - tk(s, j)->start == 3))
		return 0;
	g = unit_g(unit);
	set_point(r, g, unit_start(g, s->ref));
	r->mod = INCLINE_MOD_END;
	r->anchor = INCLINE_ANCHOR_PUBLICATION;
	return j + 1 - i;
}

static const tx_parser core_parsers[CP_COUNT] = {
	[CP_UNIT_END] = p_unit_end, [CP_MONTH_DAY] = p_month_day, [CP_DAY_MONTH] = p_day_month,
	[CP_NUMERIC_DATE] = p_numeric_date, [CP_YEAR_MONTH_DAY] = p_year_month_day,
	[CP_MONTH] = p_month, [CP_YEAR] = p_year, [CP_DECADE] = p_decade, [CP_SEASON] = p_season,
	[CP_QUARTER] = p_quarter, [CP_REF] = p_ref, [CP_RELATIVE] = p_relative, [CP_AGO] = p_ago,
	[CP_WEEKDAY] = p_weekday, [CP_TIME] = p_time,
};

/* The longest core expression at i: every parser is tried, in order (a
 * tie keeps the first), but only those whose opening test token i can
 * pass are called. */
static int core_at(tx_scan *s, int i, tx_res *best)
{
	int bestk = 0;
	unsigned todo = s->no_dispatch ? (1u << CP_COUNT) - 1
				       : tok_parsers(s, tk(s, i)) & ((1u << CP_COUNT) - 1);

	for (; todo; todo &= todo - 1) {
		tx_res r;
		int k;
		res_init(&r);
		r.p.hour = r.p.minute = -1;
		k = core_parsers[__builtin_ctz(todo)](s, i, &r);
		if (k > bestk) {
			bestk = k;
			*best = r;
			best->ntok = k;
		}
	}
	return bestk;
}

/* "early", "mid-", "late", "the end of", "the beginning of", "the middle
 * of", "earlier", "later", "around": wrappers over a core expression. */
static int prefix_at(const tx_scan *s, int i, int *part, incline_timex_mod *mod)
{
	int j = i;

	*part = TXP_NONE;
	*mod = INCLINE_MOD_NONE;
	if (has(s, j, TXC_MOD) && wval(s, j) == INCLINE_MOD_APPROX && wid(s, j) == TXW_NONE) {
		*mod = INCLINE_MOD_APPROX;
		j++;
	}
	{
		/* "early 2023", "the mid-1990s", "late last year" */
		int k = j == i ? opt_the(s, j) : j;
		if (wid(s, k) == TXW_EARLY || wid(s, k) == TXW_LATE ||
		    (has(s, k, TXC_PART) && wval(s, k) == TXP_MID && tk(s, k)->end - tk(s, k)->start == 3)) {
			*part = wval(s, k);
			return k + 1 - i;
		}
	}
	if (wid(s, j) == TXW_EARLIER || wid(s, j) == TXW_LATER) {
		*part = wid(s, j) == TXW_EARLIER ? TXP_START : TXP_END;
		j++;
		if (wid(s, j) == TXW_IN)
			j++;
		return j - i;
	}
	{
		int k = opt_the(s, j);
		if (has(s, k, TXC_PART) && wid(s, k) != TXW_EARLY && wid(s, k) != TXW_LATE &&
		    wid(s, k + 1) == TXW_OF) {
			*part = wval(s, k);
			return k + 2 - i;
		}
	}
	return j - i;
}

/* Classes and words that can begin an expression. */
#define TX_START_CLS (TXC_MONTH | TXC_WEEKDAY | TXC_SEASON | TXC_UNIT | TXC_NUM | TXC_ORD | \
		      TXC_REL | TXC_PART | TXC_DAYPART | TXC_MOD | TXC_SET | TXC_DECADE | TXC_REF)

/* Whether a lexicon word can begin an expression: TS_* bits, computed
 * once per scan for the lexer. */
static unsigned word_starts(const tx_word *w)
{
	unsigned st = 0;

	if (w->id == TXW_THE || w->id == TXW_A)
		st |= TS_ARTICLE;
	if (w->id == TXW_A)
		st |= TS_A;
	if ((w->cls & TX_START_CLS) && w->id != TXW_A)
		return st | TS_START;
	switch (w->id) {
	case TXW_EARLIER: case TXW_LATER: case TXW_EVERY: case TXW_EACH:
	case TXW_FISCAL: case TXW_RECENT: case TXW_FUTURE: case TXW_NEAR:
	case TXW_SHORT: case TXW_LONG: case TXW_THESE: case TXW_AT: case TXW_UP:
	case TXW_HALF: case TXW_LATEST: case TXW_FULL: case TXW_COMING:
	case TXW_ONCE: case TXW_TWICE: case TXW_RIGHT:
		return st | TS_START;
	default:
		return st;
	}
}

/* A number begins an expression only as a year ("2023", "1990s"), an
 * ordinal ("19th", "3rd quarter") or followed by what the day, count and
 * clock parsers read next: a month or unit word ("19 September", "3
 * days"), "and", "to", "of", "o'clock", or a hyphen ("15-19 October",
 * "90-day"). Most numbers in news (amounts, counts, versions) have none. */
static bool num_begins(const tx_tok *t, const tx_tok *nx)
{
	if (t->suf == SUF_ORD || t->suf == SUF_S || t->ndig == 4)
		return true;
	if (!nx)
		return false;
	if ((nx->flags & TF_HYPH) || (nx->kind == TK_PUNCT && nx->ch == '-'))
		return true;
	if (nx->kind != TK_WORD || !nx->w)
		return false;
	if (nx->w->cls & (TXC_UNIT | TXC_MONTH))
		return true;
	return nx->w->id == TXW_AND || nx->w->id == TXW_TO || nx->w->id == TXW_OF ||
	       nx->w->id == TXW_O || nx->w->id == TXW_TIMES;
}

/* A relative word ("this", "that", "last", "previous") begins an
 * expression only before a unit, weekday, month, season, part of a day
 * or count ("this week", "that Friday", "last two years"), or "past",
 * "coming", "fiscal" ("this past weekend", "current fiscal year").
 * After "the" it may begin more ("the same period"): see settle. */
static bool rel_begins(const tx_tok *nx)
{
	if (!nx)
		return false;
	if (nx->kind == TK_NUM)
		return true;
	if (nx->kind != TK_WORD || !nx->w)
		return false;
	if (nx->w->cls & (TXC_UNIT | TXC_WEEKDAY | TXC_MONTH | TXC_SEASON | TXC_DAYPART | TXC_NUM))
		return true;
	return nx->w->id == TXW_PAST || nx->w->id == TXW_COMING || nx->w->id == TXW_FISCAL;
}

/* Whether token t can begin an expression given the token after it (nx,
 * NULL at the end of the text). Each test is what the parsers' first
 * steps require (the scanner's output is the same with or without it);
 * it keeps most tokens away from the parsers. */
static bool begins(const tx_tok *t, const tx_tok *nx)
{
	if (t->st & TS_APOS)
		return nx && nx->kind == TK_NUM;
	if (!(t->st & TS_START))
		return false;
	if (t->kind == TK_NUM)
		return num_begins(t, nx);
	if (t->kind != TK_WORD)
		return true;
	switch (t->w->id) {
	case TXW_AT: /* "at least" */
		return nx && nx->kind == TK_WORD && nx->w && nx->w->id == TXW_LEAST;
	case TXW_UP: /* "up to" */
		return nx && nx->kind == TK_WORD && nx->w && nx->w->id == TXW_TO;
	case TXW_THESE: /* "these days" */
		return nx && nx->kind == TK_WORD && nx->w && nx->w->id == TXW_DAYS;
	case TXW_RIGHT: /* "right now" */
		return nx && nx->kind == TK_WORD && nx->w && nx->w->id == TXW_NOW;
	default:
		break;
	}
	if ((t->w->cls & TX_START_CLS) == TXC_REL)
		return rel_begins(nx);
	return true;
}

/* Settles TS_CAND of token t once the two tokens after it (nx, nx2, or
 * NULL at the end of the text) are known. "the" or "a" counts before any
 * word that can begin something in some context. */
static inline void settle(tx_tok *t, const tx_tok *nx, const tx_tok *nx2)
{
	/* Most tokens (words outside the lexicon, punctuation) can begin
	 * nothing: one test here keeps them out of begins(). */
	if (!(t->st & (TS_START | TS_APOS | TS_ARTICLE)))
		return;
	if (begins(t, nx) ||
	    ((t->st & TS_ARTICLE) && nx &&
	     ((nx->st & (TS_START | TS_A)) || ((nx->st & TS_APOS) && nx2 && nx2->kind == TK_NUM))))
		t->st |= TS_CAND;
}

/* A year no calendar date has follows at j: "January 1, 99999.", "the
 * year 10000 was" (a plain number of five or more digits after "year",
 * or after a date and a comma, ending the clause). The expression before it is no date:
 * without its year it would state another one. "March 5, 10000 people"
 * (a word follows) is a count. */
static bool year_out_of_range(const tx_scan *s, int j)
{
	const tx_tok *t;
	/* "the year 99999 saw": the number is the year whatever follows */
	bool year_word = has(s, j - 1, TXC_UNIT) && wval(s, j - 1) == TXU_YEAR;

	if (punct(s, j, ','))
		j++, year_word = false;
	t = tk(s, j);
	return t->kind == TK_NUM && t->ndig >= 5 && !(t->flags & (TF_COMPLEX | TF_NL)) &&
	       t->suf == SUF_NONE && (year_word || kind(s, j + 1) != TK_WORD);
}

/* The best expression starting at token i (0 when none). */
static int match_at(tx_scan *s, int i, tx_res *r)
{
	int best = 0, part, k, pk;
	incline_timex_mod pmod;
	tx_res tmp;
	/* in the order of CP_DURATION, CP_SET */
	static const tx_parser others[] = { p_duration, p_set, p_range_end };

	pk = prefix_at(s, i, &part, &pmod);
	if (pk > 0) {
		res_init(&tmp);
		if ((k = core_at(s, i + pk, &tmp)) > 0 &&
		    (tmp.type == INCLINE_TIMEX_DATE || tmp.type == INCLINE_TIMEX_TIME) && !tmp.ref) {
			bool earlier = wid(s, i) == TXW_EARLIER || wid(s, i) == TXW_LATER;
			/* "earlier this year": from the start of the year to now */
			if (earlier && tmp.anchor == INCLINE_ANCHOR_NONE && tmp.p.g != TG_DAY)
				goto plain;
			*r = tmp;
			r->ntok = pk + k;
			if (part == TXP_START)
				r->mod = INCLINE_MOD_START;
			else if (part == TXP_MID)
				r->mod = INCLINE_MOD_MID;
			else if (part == TXP_END)
				r->mod = INCLINE_MOD_END;
			else
				r->mod = pmod;
			if (earlier && tmp.p.g >= TG_WEEK && s->ref >= unit_start(tmp.p.g, tmp.p.day) &&
			    s->ref <= unit_end(tmp.p.g, tmp.p.day)) {
				r->has_iv = true;
				r->lo = wid(s, i) == TXW_EARLIER ? unit_start(tmp.p.g, tmp.p.day) : s->ref;
				r->hi = wid(s, i) == TXW_EARLIER ? s->ref : unit_end(tmp.p.g, tmp.p.day);
			}
			if (pmod == INCLINE_MOD_APPROX)
				r->approx = true;
			best = r->ntok;
		}
	}
plain:
	res_init(&tmp);
	if ((k = core_at(s, i, &tmp)) > best) {
		*r = tmp;
		best = k;
	}
	for (size_t p = 0; p < sizeof others / sizeof others[0]; p++) {
		/* p_duration and p_set only where token i passes their
		 * opening test (see word_parsers) */
		if (!s->no_dispatch && p < 2 && !(tok_parsers(s, tk(s, i)) & (1u << (CP_DURATION + p))))
			continue;
		res_init(&tmp);
		tmp.p.hour = tmp.p.minute = -1;
		if ((k = others[p](s, i, &tmp)) > best) {
			*r = tmp;
			r->ntok = k;
			best = k;
		}
	}
	r->ntok = best;
	if (best > 0 && r->type == INCLINE_TIMEX_DATE && !r->ref && year_out_of_range(s, i + best))
		return 0;
	/* Nothing spans a paragraph break. */
	for (int t = i + 1; t < i + best; t++)
		if (tk(s, t)->flags & TF_BREAK)
			return 0;
	return best;
}

/* ------------------------------------------------------------- output */

/* v (0 <= v < 10^n) as n decimal digits with leading zeros. */
static char *put_digits(char *out, int v, int n)
{
	for (int k = n; k-- > 0; v /= 10)
		out[k] = (char)('0' + v % 10);
	return out + n;
}

static void format_point(char *out, size_t size, const tx_point *p)
{
	int y, m, d, wy, wk;

	incline_date_to_ymd(p->day, &y, &m, &d);
	/* Days, months, quarters and years are most values of a run; they
	 * are written by hand (snprintf showed in profiles). The same bytes
	 * as the formats below, for years 0..9999. */
	if (y >= 0 && y <= 9999 && size >= 11 &&
	    (p->g == TG_DAY || p->g == TG_MONTH || p->g == TG_YEAR || p->g == TG_QUARTER)) {
		char *o = put_digits(out, y, 4);
		if (p->g == TG_DAY || p->g == TG_MONTH) {
			*o++ = '-';
			o = put_digits(o, m, 2);
		}
		if (p->g == TG_DAY) {
			*o++ = '-';
			o = put_digits(o, d, 2);
		}
		if (p->g == TG_QUARTER) {
			*o++ = '-';
			*o++ = 'Q';
			*o++ = (char)('0' + (m - 1) / 3 + 1);
		}
		*o = '\0';
		return;
	}
	switch (p->g) {
	case TG_TIME:
		if (p->hour >= 0)
			snprintf(out, size, "%04d-%02d-%02dT%02d:%02d", y % 10000, m % 100,
				 d % 100, p->hour % 100, (p->minute < 0 ? 0 : p->minute) % 100);
		else
			snprintf(out, size, "%04d-%02d-%02dT%s", y, m, d,
				 tx_daypart_code[p->daypart]);
		break;
	case TG_DAY:
		snprintf(out, size, "%04d-%02d-%02d", y, m, d);
		break;
	case TG_WEEK:
	case TG_WEEKEND:
		incline_date_iso_week(p->day, &wy, &wk);
		snprintf(out, size, "%04d-W%02d%s", wy, wk, p->g == TG_WEEKEND ? "-WE" : "");
		break;
	case TG_MONTH:
		snprintf(out, size, "%04d-%02d", y, m);
		break;
	case TG_SEASON:
		snprintf(out, size, "%04d-%s", m < 3 ? y - 1 : y,
			 tx_season_code[m < 3 || m == 12 ? TXS_WINTER : m / 3]);
		break;
	case TG_QUARTER:
		snprintf(out, size, "%04d-Q%d", y, (m - 1) / 3 + 1);
		break;
	case TG_HALF:
		snprintf(out, size, "%04d-H%d", y, m <= 6 ? 1 : 2);
		break;
	case TG_YEAR:
		snprintf(out, size, "%04d", y);
		break;
	case TG_DECADE:
		snprintf(out, size, "%03d", y / 10);
		break;
	case TG_CENTURY:
		snprintf(out, size, "%02d", y / 100);
		break;
	default:
		snprintf(out, size, "%s", "");
		break;
	}
}

static incline_gran public_gran(int g)
{
	static const incline_gran map[] = {
		[TG_NONE] = INCLINE_GRAN_UNKNOWN, [TG_TIME] = INCLINE_GRAN_TIME,
		[TG_DAY] = INCLINE_GRAN_DAY, [TG_WEEKEND] = INCLINE_GRAN_WEEK,
		[TG_WEEK] = INCLINE_GRAN_WEEK, [TG_MONTH] = INCLINE_GRAN_MONTH,
		[TG_SEASON] = INCLINE_GRAN_SEASON, [TG_QUARTER] = INCLINE_GRAN_QUARTER,
		[TG_HALF] = INCLINE_GRAN_HALF, [TG_YEAR] = INCLINE_GRAN_YEAR,
		[TG_DECADE] = INCLINE_GRAN_DECADE, [TG_CENTURY] = INCLINE_GRAN_CENTURY,
	};
	return map[g];
}

/* The interval a point denotes, narrowed by a START/MID/END mod. */
static void point_interval(incline_date *out, const tx_res *r)
{
	const tx_point *p = &r->p;
	incline_day a, b;

	a = unit_start(p->g, p->day);
	b = unit_end(p->g, p->day);
	if (p->g == TG_WEEKEND)
		a += 5;
	if (p->g == TG_TIME && p->hour == 24)
		a = b = p->day; /* midnight closing the day */
	if (r->mod == INCLINE_MOD_START || r->mod == INCLINE_MOD_MID || r->mod == INCLINE_MOD_END) {
		long len = (long)b - a + 1;
		if (p->g == TG_WEEK) {
			/* Mon-Wed, Tue-Thu, Thu-Sun: a weekend belongs to the end. */
			if (r->mod == INCLINE_MOD_START)
				b = a + 2;
			else if (r->mod == INCLINE_MOD_MID)
				a += 1, b = a + 2;
			else
				a += 3;
		} else if (p->g >= TG_MONTH) {
			long third = len / 3;
			if (r->mod == INCLINE_MOD_START)
				b = (incline_day)(a + third - 1);
			else if (r->mod == INCLINE_MOD_MID)
				a = (incline_day)(a + third), b = (incline_day)(a + third - 1);
			else
				a = (incline_day)(b - third + 1);
			if (p->g == TG_YEAR) {
				/* Calendar thirds of a year: Jan-Apr, May-Aug, Sep-Dec. */
				int y = year_of(p->day);
				int m0 = r->mod == INCLINE_MOD_START ? 1 : r->mod == INCLINE_MOD_MID ? 5 : 9;
				a = day_of(y, m0, 1);
				b = incline_date_add_months(a, 4) - 1;
			} else if (p->g == TG_MONTH) {
				int y, m, d;
				incline_date_to_ymd(a, &y, &m, &d);
				a = unit_start(TG_MONTH, p->day);
				b = unit_end(TG_MONTH, p->day);
				if (r->mod == INCLINE_MOD_START)
					b = a + 9;
				else if (r->mod == INCLINE_MOD_MID)
					a += 10, b = a + 9;
				else
					a += 20;
			}
		}
	}
	if (r->has_iv) {
		a = r->lo;
		b = r->hi;
	}
	*out = incline_date_make(a, b, public_gran(p->g));
}

static int list_push(incline_timex_list *list, const incline_timex *x)
{
	if (list->n == list->cap) {
		size_t cap = list->cap ? list->cap * 2 : 16;
		incline_timex *items;
		if (cap > SIZE_MAX / sizeof *items)
			return INCLINE_ENOMEM;
		items = realloc(list->items, cap * sizeof *items);
		if (!items)
			return INCLINE_ENOMEM;
		list->items = items;
		list->cap = cap;
	}
	list->items[list->n++] = *x;
	return 0;
}

/* snprintf(out, size, "%s", v) without the format machinery. */
static void copy_value(char *out, size_t size, const char *v)
{
	size_t n = strnlen(v, size - 1);

	memcpy(out, v, n);
	out[n] = '\0';
}

static int emit(tx_scan *s, int i, tx_res *r)
{
	incline_timex x;
	int last = i + r->ntok - 1;

	/* A trailing comma or dot is never part of the expression. */
	while (last > i + r->skip && tk(s, last)->kind == TK_PUNCT)
		last--;
	memset(&x, 0, sizeof x);
	x.start = s->base + tk(s, i + r->skip)->start;
	x.end = s->base + tk(s, last)->end;
	x.type = r->type;
	x.mod = r->mod;
	x.anchor = r->anchor;
	x.date = incline_date_make(INCLINE_DAY_NONE, INCLINE_DAY_NONE, INCLINE_GRAN_UNKNOWN);
	if (r->type == INCLINE_TIMEX_DURATION || r->type == INCLINE_TIMEX_SET) {
		copy_value(x.value, sizeof x.value, r->lit);
		x.anchor = INCLINE_ANCHOR_NONE;
		/* "the first nine months": the report has moved off the quarter. */
		if (r->type == INCLINE_TIMEX_DURATION && r->lit[strlen(r->lit) - 1] == 'M' &&
		    r->lit[1] != 'T')
			s->has_topic_q = false;
	} else if (r->ref) {
		static const char *const names[] = {
			[TXF_PRESENT] = "PRESENT_REF", [TXF_PAST] = "PAST_REF",
			[TXF_FUTURE] = "FUTURE_REF",
		};
		copy_value(x.value, sizeof x.value, names[r->ref]);
		if (r->ref == TXF_PRESENT)
			x.date = incline_date_make(s->ref, s->ref, INCLINE_GRAN_DAY);
		else if (r->ref == TXF_PAST)
			x.date.latest = s->ref;
		else
			x.date.earliest = s->ref;
		x.date.flags = INCLINE_DATE_RELATIVE;
	} else {
		point_interval(&x.date, r);
		/* No date outside years 1..9999: it has no TIMEX3 or ISO form,
		 * and writing a clamped year would state another date. */
		if ((x.date.earliest != INCLINE_DAY_NONE && !incline_date_day_valid(x.date.earliest)) ||
		    (x.date.latest != INCLINE_DAY_NONE && !incline_date_day_valid(x.date.latest)))
			return 0;
		format_point(x.value, sizeof x.value, &r->p);
		if (r->anchor != INCLINE_ANCHOR_NONE)
			x.date.flags |= INCLINE_DATE_RELATIVE;
		if (r->approx || r->mod == INCLINE_MOD_START || r->mod == INCLINE_MOD_MID ||
		    r->mod == INCLINE_MOD_END || r->mod == INCLINE_MOD_APPROX)
			x.date.flags |= INCLINE_DATE_APPROX;
		s->prev = r->p;
		s->has_prev = true;
		s->prev_explicit = r->anchor == INCLINE_ANCHOR_NONE;
		if (r->p.g == TG_QUARTER && !r->derived) {
			s->topic_q = r->p.day;
			s->has_topic_q = true;
		} else if (r->p.g == TG_YEAR && !r->derived) {
			s->has_topic_q = false;
		}
		s->prev_abs = s->dropped + (size_t)i + (size_t)r->ntok;
	}
	s->last = *r;
	s->last_abs = s->dropped + (size_t)i + (size_t)r->ntok;
	s->has_last = true;
	return list_push(s->out, &x);
}

/* Without a reference date, relative expressions are left out. */
static bool needs_ref(const tx_res *r)
{
	return r->anchor == INCLINE_ANCHOR_PUBLICATION || r->ref != 0;
}

/* ------------------------------------------------------------- driver */

/* Lexes tokens into the window until it is full or the text ends. The
 * count is a local: the token writes could alias s->n, which would
 * otherwise be reloaded and stored for every token. */
static void fill(tx_scan *s)
{
	int n = s->n;

	if (s->eof)
		return;
	for (; n < TX_WIN; n++) {
		tx_tok *t = &s->tok[n];
		if (!lx_fast(&s->lx, t) && !lx_next(&s->lx, t)) {
			s->eof = true;
			if (n > 1)
				settle(&s->tok[n - 2], &s->tok[n - 1], NULL);
			if (n > 0)
				settle(&s->tok[n - 1], NULL, NULL);
			break;
		}
		if (n > 1)
			settle(&s->tok[n - 2], &s->tok[n - 1], t);
	}
	s->n = n;
}

/* Drops tokens far behind i so the window can take more text. */
static int slide(tx_scan *s, int i)
{
	int off = i - TX_BACK;

	if (off <= 0)
		return i;
	memmove(s->tok, s->tok + off, (size_t)(s->n - off) * sizeof s->tok[0]);
	s->n -= off;
	s->dropped += (size_t)off;
	return i - off;
}

/* The scanner keeps what does not depend on the text: the lexicon's hash
 * index and the TS_* byte of each word (building them per article showed
 * in profiles of many short articles), and the token window's memory. */
struct incline_timex_scanner {
	tx_scan s;
	bool slow; /* tx_scanner_slow: no fast paths */
};

void tx_scanner_slow(incline_timex_scanner *sc, bool slow)
{
	sc->slow = slow;
}

static bool tok_same(const tx_tok *a, const tx_tok *b)
{
	return a->start == b->start && a->end == b->end && a->w == b->w && a->cls == b->cls &&
	       a->id == b->id && a->num == b->num &&
	       a->y == b->y && a->mo == b->mo && a->d == b->d && a->h == b->h && a->mi == b->mi &&
	       a->kind == b->kind && a->flags == b->flags && a->ndig == b->ndig &&
	       a->suf == b->suf && a->st == b->st && a->ch == b->ch;
}

long tx_lex_diff(incline_timex_scanner *sc, const char *text, size_t len)
{
	tx_lexer a, b;
	long n = 0;

	memset(&a, 0, sizeof a);
	a.s = (const unsigned char *)text;
	a.len = len;
	a.idx = &sc->s.idx;
	a.wst = sc->s.wst;
	b = a;
	a.fast_len = len;
	for (;; n++) {
		tx_tok ta, tb;
		bool ra = lx_fast(&a, &ta) || lx_next(&a, &ta), rb = lx_next(&b, &tb);
		if (ra != rb || a.pos != b.pos || a.last_end != b.last_end || a.dmy != b.dmy ||
		    (ra && !tok_same(&ta, &tb)))
			return n;
		if (!ra)
			return -1;
	}
}

int incline_timex_scanner_new(incline_timex_scanner **out, incline_error *err)
{
	incline_timex_scanner *sc = malloc(sizeof *sc);
	tx_scan *s;

	*out = NULL;
	if (!sc)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					 "timex: out of memory");
	s = &sc->s;
	sc->slow = false;
	tx_index_init(&s->idx);
	for (size_t w = 0; w < tx_nwords && w < TX_MAX_WORDS; w++) {
		s->wst[w] = (unsigned char)word_starts(&tx_words[w]);
		s->wpm[w] = word_parsers(&tx_words[w]);
	}
	*out = sc;
	return 0;
}

void incline_timex_scanner_free(incline_timex_scanner *sc)
{
	free(sc);
}

int incline_timex_scanner_scan(incline_timex_scanner *sc, incline_timex_list *out,
			       const char *text, size_t len, size_t base,
			       incline_day ref, incline_error *err)
{
	tx_scan *s = &sc->s;
	int i = 0, rc = 0;

	if (!out || (!text && len))
		return incline_error_set(err, INCLINE_EUSAGE, NULL, 0, 0,
					 "timex: no output list or text");
	/* Only the small state before the tables and the window needs
	 * zeros: clearing the whole ~25 KB showed in per-article profiles. */
	memset(s, 0, offsetof(tx_scan, idx));
	s->lx.idx = &s->idx;
	s->lx.wst = s->wst;
	s->lx.s = (const unsigned char *)text;
	s->lx.len = len;
	s->lx.fast_len = sc->slow ? 0 : len;
	s->no_dispatch = sc->slow;
	s->base = base;
	s->ref = ref == INCLINE_DAY_NONE ? 0 : ref;
	s->out = out;
	fill(s);
	while (i < s->n) {
		tx_res r;
		int k;

		if (!s->eof && s->n - i < TX_LOOK) {
			i = slide(s, i);
			fill(s);
			continue;
		}
		{
			/* Most tokens begin nothing: a tight loop skips them up
			 * to where the window must slide (the test above, for
			 * each i). A token may start an expression when the
			 * lexer settled it a candidate, or when it follows a
			 * month and day just emitted ("and 5" after "March
			 * 3"): that position moves only when something is
			 * emitted, which ends this loop. */
			int stop = s->eof ? s->n : s->n - TX_LOOK + 1;
			size_t and_at = s->has_last && s->last.md ? s->last_abs - s->dropped : SIZE_MAX;
			while (i < stop && !(s->tok[i].st & TS_CAND) && (size_t)i != and_at)
				i++;
			if (i == stop)
				continue;
		}
		k = match_at(s, i, &r);
		if (k > 0 && (ref != INCLINE_DAY_NONE || !needs_ref(&r))) {
			if ((rc = emit(s, i, &r)) != 0) {
				incline_error_set(err, rc, NULL, 0, 0, "timex: out of memory");
				break;
			}
			i += k;
		} else {
			i++;
		}
	}
	return rc;
}

/* Borrowed text (len bytes); appends to *out, which the caller owns. */
int incline_timex_scan(incline_timex_list *out, const char *text, size_t len,
		       size_t base, incline_day ref, incline_error *err)
{
	incline_timex_scanner *sc;
	int rc;

	if (!out || (!text && len))
		return incline_error_set(err, INCLINE_EUSAGE, NULL, 0, 0,
					 "timex: no output list or text");
	/* The window is ~12 KB: heap rather than stack, once per call. */
	if ((rc = incline_timex_scanner_new(&sc, err)))
		return rc;
	rc = incline_timex_scanner_scan(sc, out, text, len, base, ref, err);
	incline_timex_scanner_free(sc);
	return rc;
}

void incline_timex_list_free(incline_timex_list *list)
{
	if (!list)
		return;
	free(list->items);
	list->items = NULL;
	list->n = list->cap = 0;
}

const char *incline_timex_type_name(incline_timex_type t)
{
	static const char *const names[] = { "DATE", "TIME", "DURATION", "SET" };
	if ((int)t < 0 || (size_t)t >= sizeof names / sizeof names[0])
		return "DATE";
	return names[t];
}

const char *incline_timex_mod_name(incline_timex_mod m)
{
	static const char *const names[] = {
		[INCLINE_MOD_NONE] = "", [INCLINE_MOD_START] = "START",
		[INCLINE_MOD_MID] = "MID", [INCLINE_MOD_END] = "END",
		[INCLINE_MOD_APPROX] = "APPROX", [INCLINE_MOD_BEFORE] = "BEFORE",
		[INCLINE_MOD_AFTER] = "AFTER", [INCLINE_MOD_ON_OR_BEFORE] = "ON_OR_BEFORE",
		[INCLINE_MOD_ON_OR_AFTER] = "ON_OR_AFTER", [INCLINE_MOD_LESS_THAN] = "LESS_THAN",
		[INCLINE_MOD_MORE_THAN] = "MORE_THAN", [INCLINE_MOD_EQUAL_OR_LESS] = "EQUAL_OR_LESS",
		[INCLINE_MOD_EQUAL_OR_MORE] = "EQUAL_OR_MORE",
	};
	if ((int)m < 0 || (size_t)m >= sizeof names / sizeof names[0])
		return "";
	return names[m];
}

const char *incline_timex_anchor_name(incline_timex_anchor a)
{
	static const char *const names[] = {
		[INCLINE_ANCHOR_NONE] = "", [INCLINE_ANCHOR_PUBLICATION] = "publication",
		[INCLINE_ANCHOR_PREVIOUS] = "previous",
	};
	if ((int)a < 0 || (size_t)a >= sizeof names / sizeof names[0])
		return "";
	return names[a];
}
