/* Private to the timex module: the word tables the date scanner reads.
 * Every month, weekday, unit, number and cue word lives in one sorted
 * table (timex_tables.c); the grammar in timex.c refers to words by class
 * and, where one word matters on its own, by id. */
#ifndef INCLINE_TIMEX_TABLES_H
#define INCLINE_TIMEX_TABLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Word classes (bit mask: "second" is both an ordinal and a unit). */
enum {
	TXC_MONTH = 1u << 0,    /* val 1..12 */
	TXC_WEEKDAY = 1u << 1,  /* val 1..7, ISO */
	TXC_SEASON = 1u << 2,   /* val TXS_* */
	TXC_UNIT = 1u << 3,     /* val TXU_* */
	TXC_NUM = 1u << 4,      /* num: cardinal value ("a" = 1, "few" < 0) */
	TXC_ORD = 1u << 5,      /* num: ordinal value */
	TXC_REL = 1u << 6,      /* val TXR_*: last, this, next, that */
	TXC_PART = 1u << 7,     /* val TXP_*: early, mid, late, end, ... */
	TXC_DAYPART = 1u << 8,  /* val TXD_*: morning, night, ... */
	TXC_MOD = 1u << 9,      /* val: incline_timex_mod ("around", "nearly") */
	TXC_CONTEXT = 1u << 10, /* a word that makes a following month a date */
	TXC_FUTURE = 1u << 11,  /* a cue of future tense ("will") */
	TXC_PAST = 1u << 12,    /* a cue of past tense ("was") */
	TXC_TZ = 1u << 13,      /* a time zone after a clock time */
	TXC_SET = 1u << 14,     /* val TXU_*: "daily", "weekly" */
	TXC_DECADE = 1u << 15,  /* num 2..9: "twenties" .. "nineties" */
	TXC_REF = 1u << 16,     /* val TXF_*: "now", "recently", ... */
	TXC_NOYEAR = 1u << 17,  /* a following number is not a year ("version") */
	TXC_ABBR = 1u << 18,    /* abbreviation: needs a dot or a number after */
	TXC_AMBIG = 1u << 19,   /* also a common word ("may", "march", "fall") */
	TXC_TENS = 1u << 20,    /* "twenty" .. "ninety": joins with 1..9 */
	TXC_NOSTOP = 1u << 21,  /* a following "." does not end a sentence */
	TXC_PPART = 1u << 22,   /* a past cue that is also a participle ("sold") */
	TXC_NAMEDAY = 1u << 23, /* capitalised before a weekday, a name ("Patch Tuesday") */
	TXC_PRODUCT = 1u << 24  /* capitalised before a year, a product ("Outlook 2010") */
};

/* Seasons, in TIMEX3 order. */
enum { TXS_NONE = 0, TXS_SPRING, TXS_SUMMER, TXS_FALL, TXS_WINTER };

/* Units, finest first. */
enum {
	TXU_NONE = 0,
	TXU_SECOND,
	TXU_MINUTE,
	TXU_HOUR,
	TXU_DAY,
	TXU_NIGHT,
	TXU_WEEKEND,
	TXU_WEEK,
	TXU_FORTNIGHT,
	TXU_MONTH,
	TXU_QUARTER,
	TXU_HALF,
	TXU_YEAR,
	TXU_DECADE,
	TXU_CENTURY,
	TXU_COUNT
};

/* Relative words. */
enum { TXR_NONE = 0, TXR_LAST, TXR_THIS, TXR_NEXT, TXR_THAT };

/* Parts of a period. */
enum { TXP_NONE = 0, TXP_START, TXP_MID, TXP_END };

/* Parts of a day, in TIMEX3 codes. */
enum { TXD_NONE = 0, TXD_MO, TXD_MI, TXD_AF, TXD_EV, TXD_NI, TXD_DT };

/* Fixed references. */
enum {
	TXF_NONE = 0,
	TXF_PRESENT,   /* now, currently */
	TXF_PAST,      /* recently, previously */
	TXF_FUTURE,    /* future */
	TXF_TODAY,
	TXF_TONIGHT,
	TXF_YESTERDAY,
	TXF_TOMORROW
};

/* Words the grammar names one by one. */
enum {
	TXW_NONE = 0,
	TXW_THE, TXW_OF, TXW_AND, TXW_TO, TXW_OR, TXW_AGO, TXW_EARLIER,
	TXW_LATER, TXW_BEFORE, TXW_AFTER, TXW_FROM, TXW_THROUGH, TXW_UNTIL,
	TXW_BETWEEN, TXW_AT, TXW_ON, TXW_IN, TXW_SINCE, TXW_BY, TXW_FOR,
	TXW_EVERY, TXW_EACH, TXW_OTHER, TXW_FISCAL, TXW_YEAR_WORD, TXW_PERIOD,
	TXW_PAST, TXW_FUTURE, TXW_NEAR, TXW_COMING, TXW_RECENT, TXW_CURRENT,
	TXW_HALF, TXW_O, TXW_CLOCK, TXW_NOON, TXW_MIDNIGHT, TXW_HUNDRED,
	TXW_THOUSAND, TXW_TERM, TXW_NOW, TXW_RIGHT, TXW_THESE, TXW_DAYS,
	TXW_BACK, TXW_HENCE, TXW_PRIOR, TXW_SAME, TXW_LATEST, TXW_FULL,
	TXW_ENDED, TXW_ENDING, TXW_CENTURY, TXW_DECADE, TXW_WITHIN, TXW_OVER,
	TXW_DURING, TXW_FEW, TXW_SEVERAL, TXW_MANY, TXW_COUPLE, TXW_DOZEN,
	TXW_LAST, TXW_NEXT, TXW_THIS, TXW_THAT, TXW_MORE, TXW_LESS, TXW_THAN,
	TXW_LEAST, TXW_UP, TXW_SHORT, TXW_LONG, TXW_DATE, TXW_TIME, TXW_LATE,
	TXW_EARLY, TXW_AGE, TXW_ONE, TXW_SOME, TXW_SO, TXW_BEYOND, TXW_LATER_ADJ,
	TXW_PREVIOUS, TXW_FOLLOWING, TXW_PRESENT, TXW_MOMENT, TXW_YET,
	TXW_A, TXW_TWO, TXW_WEEKDAY_WORD, TXW_AS, TXW_PLAN, TXW_EXPECTED,
	TXW_BE, TXW_LOCAL, TXW_ONCE, TXW_TWICE, TXW_TIMES, TXW_PER,
	TXW_OVERNIGHT, TXW_SET
};

/* One word of the lexicon. */
/* Longest word of the lexicon ("approximately"); longer words skip the
 * search. test_timex checks it. */
#define TX_MAX_WORD 13

typedef struct tx_word {
	const char *word; /* lower case ASCII */
	uint8_t len;      /* strlen(word) */
	uint32_t cls;     /* TXC_* mask */
	int16_t val;      /* class value (month, unit, rel, mod, ...) */
	int16_t num;      /* numeric value for TXC_NUM / TXC_ORD / TXC_DECADE */
	uint16_t id;      /* TXW_* or 0 */
	char key[16];     /* word zero-padded: its lookup key, made by the compiler */
} tx_word;

/* The lexicon, sorted by word (byte order) for binary search. */
extern const tx_word tx_words[];
extern const size_t tx_nwords;

/* The entry for the lower-case word w[0..n), or NULL. */
const tx_word *tx_lookup(const char *w, size_t n);

/* A hash index over the lexicon, built once per scan (no global state).
 * A word is looked up by its key: its lower-case bytes zero-padded to 16
 * (every table word is at most TX_MAX_WORD < 16 letters), so the lexer
 * can hash a word from one 16-byte load and compare it with two 64-bit
 * compares, with no loop over its letters. Open addressing; a slot holds
 * a word's index + 1, 0 = empty. */
#define TX_HASH_BITS 11
#define TX_HASH_SIZE (1u << TX_HASH_BITS)
#define TX_MAX_WORDS 512 /* room in the index; test_timex checks it */

typedef struct tx_key {
	uint64_t lo, hi; /* bytes 0..7 and 8..15, in memory order */
} tx_key;

typedef struct tx_index {
	uint16_t slot[TX_HASH_SIZE];
	tx_key key[TX_MAX_WORDS + 1]; /* [0]: a key no word has */
	/* A filter before the hash: bit n of edge[tx_edge(a, b)] is set when
	 * some word of n letters starts with letter a and ends with letter b
	 * (either case). Two of three words of news text are no lexicon
	 * word, and most of those fail this test, so they skip the key, the
	 * hash and the probe. It never fails a lexicon word, whose bit it
	 * set, so the lookup's answer is unchanged (test_timex checks every
	 * word). */
	uint16_t edge[32 * 32];
} tx_index;

/* The edge filter's slot for first letter a and last letter b: a letter's
 * low five bits (the same for both cases). */
static inline size_t tx_edge(unsigned char a, unsigned char b)
{
	return (size_t)(a & 31) * 32 + (b & 31);
}

void tx_index_init(tx_index *idx);
/* The key of w[0..n) (n <= 15), its bytes lower-cased with c | 0x20:
 * right for letters, which is all a table word holds. */
tx_key tx_key_of(const char *w, size_t n);
static inline size_t tx_key_slot(tx_key k)
{
	uint64_t h = k.lo * 0x9E3779B97F4A7C15u ^ (k.hi + 0x632BE59BD9B4E019u) * 0xC2B2AE3D27D4EB4Fu;
	return (size_t)(h >> (64 - TX_HASH_BITS));
}

/* The entry whose key is k, or NULL. Called once per word of every
 * article, so inline and nearly branch-free: key[0] matches nothing, so
 * an empty slot needs no test before the compare, a hit and a miss both
 * leave by the same (predictable) branch, and the result is a select. */
static inline const tx_word *tx_lookup_key(const tx_index *idx, tx_key k)
{
	for (size_t at = tx_key_slot(k);; at = (at + 1) & (TX_HASH_SIZE - 1)) {
		unsigned e = idx->slot[at];
		const tx_key *x = &idx->key[e];
		uint64_t d = (x->lo ^ k.lo) | (x->hi ^ k.hi);
		if ((d == 0) | (e == 0))
			return d == 0 ? &tx_words[e - 1] : NULL;
	}
}
/* Borrowed w (n bytes, lower-case letters); idx may be NULL (bisection
 * of the sorted table). */
const tx_word *tx_lookup_in(const tx_index *idx, const char *w, size_t n);

/* For tests: with slow set, sc's scans take none of the scanner's fast
 * paths (the lexer's plain-word path, core_at's choice of parsers by the
 * first token), which must find exactly what the general code finds;
 * test_timex compares the two on hostile text. */
struct incline_timex_scanner;
void tx_scanner_slow(struct incline_timex_scanner *sc, bool slow);
/* For tests: lexes text[0..len) with the lexer's fast path and without
 * (sc lends its tables); returns -1 when every token and the lexer's
 * state agree, else the index of the first token that differs. */
long tx_lex_diff(struct incline_timex_scanner *sc, const char *text, size_t len);

/* TIMEX3 codes: "SP", "MO", "D", ... indexed by the enums above. */
extern const char *const tx_season_code[];
extern const char *const tx_daypart_code[];
/* Duration designators per unit ("D", "W", "M", "Y", "H" ...) and whether
 * the unit is a time unit (needs "PT"). */
extern const char *const tx_unit_code[];
extern const unsigned char tx_unit_is_time[];

#endif
