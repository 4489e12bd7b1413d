/* One sentence's analysis (sentence.h): its words, their folded forms,
 * the lexicon's hits (with the designators the alias table does not
 * name) and the clause of each word. Moved out of extract.c as it was;
 * the event rules (extract.c) and the claim analysis (claim.c) read the
 * result. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/limits.h"
#include "incline/text.h"
#include "array.h"
#include "lexicon.h"
#include "sentence.h"

static void sentence_reset(sentence *s)
{
	s->n_folded = 0;
	s->fold_len = 0;
	s->words.n = 0;
	s->n_hits = 0;
}

void incline_sentence_free(sentence *s)
{
	sentence_reset(s);
	free(s->folded);
	free(s->fold_buf);
	free(s->fold_off);
	free(s->fold_lens);
	free(s->clause);
	free(s->hits);
	incline_span_list_free(&s->words);
}

/* Punctuation between two words that ends a clause: , ; : ( ) an em or en
 * dash, " - " or "--". */
static bool clause_break(const char *p, size_t len)
{
	/* One switch per byte: this runs between every two words, and a
	 * strlen + memcmp per mark per byte was 4% of `incline extract`
	 * (callgrind). The gap is nearly always one space: no break, and
	 * said before the loop. */
	if (len == 1 && p[0] == ' ')
		return false;
	for (size_t i = 0; i < len; i++) {
		switch (p[i]) {
		case ',': case ';': case ':': case '(': case ')':
			return true;
		case '-': /* "--", or " - " seen from its dash */
			if ((i + 1 < len && p[i + 1] == '-')
			    || (i > 0 && i + 1 < len && p[i - 1] == ' ' && p[i + 1] == ' '))
				return true;
			break;
		case '\xE2': /* U+2014 EM DASH, U+2013 EN DASH */
			if (i + 2 < len && p[i + 1] == '\x80'
			    && (p[i + 2] == '\x94' || p[i + 2] == '\x93'))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}

/* Folds the word p[0..n) into d as fold_words' ASCII path does (upper
 * case letters to lower case, all else as is), 8 bytes at a time: that
 * path ran a compare and a branch per byte of every word (5% of
 * `incline extract`, callgrind). Writes up to 7 bytes past d[n) (the
 * caller has the room). false when a byte read (the word, and after it to
 * the next multiple of 8) is not ASCII or would lie at or past limit: the
 * caller then takes the byte path, which gives the same bytes. Exact: for
 * an ASCII byte c, c + 0x3F and c + 0x25 carry into no other byte, and
 * have their top bit set when c >= 'A' and c > 'Z', so the top bits of
 * upper mark 'A'..'Z', and setting bit 5 there (clear in 'A'..'Z') adds
 * 'a' - 'A'. */
static bool fold_ascii8(char *d, const char *p, size_t n, const char *limit)
{
	const uint64_t ones = 0x0101010101010101u, tops = 0x8080808080808080u;

	for (size_t k = 0; k < n; k += 8) {
		uint64_t v, upper;
		if ((size_t)(limit - p) - k < 8) /* p + k < p + n <= limit */
			return false;
		memcpy(&v, p + k, 8);
		if (v & tops)
			return false;
		upper = (v + ones * (0x80 - 'A')) & ~(v + ones * (0x80 - 'Z' - 1)) & tops;
		v |= upper >> 2;
		memcpy(d + k, &v, 8);
	}
	return true;
}

static int fold_words(sentence *s, incline_folder *f)
{
	const char *limit = at(s, s->span.end); /* read no byte past the sentence */
	if (s->words.n > s->cap_folded) {
		char **nf = realloc(s->folded, s->words.n * sizeof *nf);
		size_t *no;
		if (!nf)
			return INCLINE_ENOMEM;
		s->folded = nf;
		if (!(no = realloc(s->fold_off, s->words.n * sizeof *no)))
			return INCLINE_ENOMEM;
		s->fold_off = no;
		if (!(no = realloc(s->fold_lens, s->words.n * sizeof *no)))
			return INCLINE_ENOMEM;
		s->fold_lens = no;
		s->cap_folded = s->words.n;
	}
	if (s->words.n > 0) {
		/* Room for every word folded as ASCII (which never grows) and
		 * its NUL, and 8 bytes fold_ascii8 may write past the last,
		 * so the fast paths below never reallocate. */
		size_t need = s->fold_len + s->words.n + 1 + 8 +
			      (s->words.items[s->words.n - 1].end - s->words.items[0].start);
		if (need > s->fold_cap) {
			size_t cap = need > s->fold_cap * 2 ? need : s->fold_cap * 2;
			char *nb = realloc(s->fold_buf, cap);
			if (!nb)
				return INCLINE_ENOMEM;
			s->fold_buf = nb;
			s->fold_cap = cap;
		}
	}
	for (size_t i = 0; i < s->words.n; i++) {
		const incline_span *w = &s->words.items[i];
		const char *p = at(s, w->start);
		size_t n = w->end - w->start, k;
		s->fold_off[i] = s->fold_len;
		if (s->fold_cap - s->fold_len >= n + 8 &&
		    fold_ascii8(s->fold_buf + s->fold_len, p, n, limit)) {
			s->fold_buf[s->fold_len + n] = '\0';
			s->fold_len += n + 1;
			s->fold_lens[i] = n; /* a word holds no NUL */
			continue;
		}
		/* An ASCII word folds to its lower case (what the folder would
		 * do, without its calls and checks: it was 5% of extract).
		 * Copied while checked; a non-ASCII byte drops the copy. */
		if (s->fold_cap - s->fold_len > n) {
			char *d = s->fold_buf + s->fold_len;
			unsigned char any = 0;
			for (k = 0; k < n; k++) {
				unsigned char c = (unsigned char)p[k];
				any |= c;
				d[k] = (char)(c + ((unsigned char)(c - 'A') < 26 ? 'a' - 'A' : 0));
			}
			if (!(any & 0x80)) {
				d[n] = '\0';
				s->fold_len += n + 1;
				s->fold_lens[i] = n; /* a word holds no NUL */
				continue;
			}
		}
		if (incline_text_fold_append(&s->fold_buf, &s->fold_len, &s->fold_cap, f, p, n))
			return INCLINE_ENOMEM;
		s->fold_lens[i] = strlen(s->fold_buf + s->fold_off[i]);
	}
	/* Pointers only now: the buffer may have moved while it grew. */
	for (size_t i = 0; i < s->words.n; i++)
		s->folded[i] = s->fold_buf + s->fold_off[i];
	s->n_folded = s->words.n;
	return 0;
}

/* Numbers each word's clause: punctuation and "but"-like words start one. */
static int number_clauses(sentence *s)
{
	int c = 0;
	if (s->words.n > s->cap_clause) {
		int *nc = realloc(s->clause, s->words.n * sizeof *nc);
		if (!nc)
			return INCLINE_ENOMEM;
		s->clause = nc;
		s->cap_clause = s->words.n;
	}
	for (size_t i = 0; i < s->words.n; i++) {
		if (i > 0) {
			size_t from = s->words.items[i - 1].end, to = s->words.items[i].start;
			if (clause_break(at(s, from), to - from))
				c++;
		}
		s->clause[i] = c;
	}
	for (size_t h = 0; h < s->n_hits; h++) {
		if (s->hits[h].cls != LEX_CLAUSE)
			continue;
		for (size_t i = s->hits[h].first; i < s->words.n; i++)
			s->clause[i]++;
	}
	return 0;
}

/* true when folded word w is a threat actor's designator: a vendor's
 * prefix and a number ("TA505", "FIN7", "UNC2452", "DEV-0537",
 * "Storm-0558"). The alias table cannot list them all; their shape names
 * them. */
static bool designator(const char *w, size_t len)
{
	static const char *const prefixes[] = {"apt", "ta", "fin", "unc", "uat", "dev-", "storm-", "tag-"};
	/* nearly every word ends in a letter: asked of every word */
	if (len < 3 || w[len - 1] < '0' || w[len - 1] > '9')
		return false;
	for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
		size_t n = strlen(prefixes[i]), d = 0;
		if (strncmp(w, prefixes[i], n))
			continue;
		while (w[n + d] >= '0' && w[n + d] <= '9')
			d++;
		return d >= 1 && d <= 5 && w[n + d] == '\0';
	}
	return false;
}

/* Adds an actor hit for each designator the alias table did not name. */
static int add_designators(sentence *s)
{
	size_t k = 0;
	for (size_t i = 0; i < s->n_folded && k < sizeof s->designators / sizeof *s->designators; i++) {
		const incline_span *w = &s->words.items[i];
		size_t n = w->end - w->start;
		bool named = false;
		if (!designator(s->folded[i], s->fold_lens[i]) || n >= sizeof s->designators[k])
			continue;
		for (size_t h = 0; h < s->n_hits && !named; h++)
			named = s->hits[h].cls == LEX_ACTOR && s->hits[h].first <= i && i <= s->hits[h].last;
		if (named)
			continue;
		void *p = s->hits;
		int rc = incline_array_reserve(&p, &s->cap_hits, s->n_hits + 1, sizeof *s->hits);

		s->hits = p;
		if (rc)
			return rc;
		memcpy(s->designators[k], at(s, w->start), n);
		s->designators[k][n] = '\0';
		s->hits[s->n_hits++] = (lex_hit){LEX_ACTOR, i, i, s->designators[k++]};
	}
	return 0;
}

int incline_sentence_analyse(sentence *s, const incline_lexicon *lex, incline_folder *folder)
{
	size_t len = s->span.end - s->span.start;
	int rc;

	sentence_reset(s);
	if (len > INCLINE_MAX_SENTENCE_BYTES)
		len = INCLINE_MAX_SENTENCE_BYTES;
	if ((rc = incline_text_words(&s->words, at(s, s->span.start), len)))
		return rc;
	if (s->words.n > INCLINE_MAX_SENTENCE_TOKENS)
		s->words.n = INCLINE_MAX_SENTENCE_TOKENS;
	for (size_t i = 0; i < s->words.n; i++) {
		s->words.items[i].start += s->span.start;
		s->words.items[i].end += s->span.start;
	}
	if ((rc = fold_words(s, folder)))
		return rc;
	rc = incline_lexicon_match_n(lex, (const char *const *)s->folded, s->fold_lens,
				     s->n_folded, &s->hits, &s->n_hits, &s->cap_hits);
	if (!rc)
		rc = add_designators(s);
	return rc ? rc : number_clauses(s);
}
