/* Extraction: sentences -> typed, dated, sourced events.
 *
 * Per sentence: fold its words, find cue and qualifier rows (lexicon.c),
 * split it into clauses, and emit at most one event per type whose cue is
 * neither negated nor hypothetical. The event's date is the expression of
 * its own clause, else of its sentence, else the date carried from the
 * previous sentence when this one clearly continues it, else the
 * publication date as an upper bound. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/extract.h"
#include "incline/io.h"
#include "incline/merge.h"
#include "incline/text.h"
#include "incline/timex.h"
#include "lexicon.h"

/* How far back (in words, same clause) a negation reaches a cue: "did not
 * steal" and "no data was ever stolen" but not a "not" two phrases away. */
#define NEGATION_REACH 6
/* A date this close after a reporting verb dates the report, not the
 * happening: "reported on Sept. 19", "said Tuesday". */
#define REPORT_DATE_REACH 3
/* How far after a cue a modal still makes it hypothetical. */
#define MODAL_AFTER_REACH 1
/* How far before an intrusion cue "can"/"allows" turns it into a capability. */
#define CAPABILITY_REACH 5

struct incline_extractor {
	incline_lexicon *lex;
	incline_folder *folder;
	/* Scratch kept from article to article (an extractor is one
	 * thread's), so an article costs no setup and no allocation but its
	 * events: the date scanner (its lexicon index took 2% of `incline
	 * extract` when made per article, callgrind on the bench corpus'
	 * 6 KB articles), the lists and the sentence's arrays. */
	incline_timex_scanner *scan;
	incline_timex_list dates;
	incline_span_list sents;
	struct sentence *sent;
	incline_merger *merger; /* consolidates each article's events */
	bool raw;               /* incline_extract_set_consolidate(x, false) */
};

/* One sentence, analysed. Arrays are reused from sentence to sentence. */
typedef struct sentence {
	const char *bytes;      /* article bytes */
	size_t base;            /* file offset of bytes[0] */
	incline_span span;      /* file offsets */
	incline_span_list words; /* file offsets */
	char **folded;          /* folded words (pointers into fold_buf) */
	size_t n_folded, cap_folded;
	char *fold_buf;         /* the folded words, NUL-separated: one
				   buffer per sentence, not one malloc per word */
	size_t fold_len, fold_cap;
	size_t *fold_off;       /* offset of each word in fold_buf */
	size_t *fold_lens;      /* strlen of each folded word */
	int *clause;            /* clause number of each word */
	size_t cap_clause;
	lex_hit *hits;
	size_t n_hits, cap_hits;
	bool flaw_before;       /* the previous sentence named a flaw */
	char designators[8][24]; /* actor names of designator hits
				    (add_designators), as written */
} sentence;

static void sentence_free(sentence *s);

/* The date chosen for one event, before it becomes an incline_when. */
typedef struct chosen_date {
	const incline_timex *timex; /* NULL: publication date */
	bool upper_bound_only;
} chosen_date;

int incline_extract_new(incline_extractor **out, incline_error *err)
{
	incline_extractor *x = calloc(1, sizeof *x);
	*out = NULL;
	if (!x)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	if (incline_lexicon_new(&x->lex, err) || incline_text_folder_new(&x->folder, err) ||
	    incline_timex_scanner_new(&x->scan, err) || incline_merger_new(&x->merger, err)) {
		incline_extract_free(x);
		return err ? err->code : INCLINE_ENOMEM;
	}
	if (!(x->sent = calloc(1, sizeof *x->sent))) {
		incline_extract_free(x);
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0, "out of memory");
	}
	*out = x;
	return 0;
}

void incline_extract_free(incline_extractor *x)
{
	if (!x)
		return;
	incline_lexicon_free(x->lex);
	incline_text_folder_free(x->folder);
	incline_timex_scanner_free(x->scan);
	incline_timex_list_free(&x->dates);
	incline_span_list_free(&x->sents);
	if (x->sent)
		sentence_free(x->sent);
	free(x->sent);
	incline_merger_free(x->merger);
	free(x);
}

/* Folds s[0..len) and collapses runs of spaces, for alias keys. */
static int fold_phrase(char **out, incline_folder *f, const char *s, size_t len)
{
	incline_span_list w = {0};
	size_t total = 0;
	int rc = incline_text_words(&w, s, len);
	char *buf = NULL;

	*out = NULL;
	for (size_t i = 0; !rc && i < w.n; i++) {
		char *fw;
		size_t fl;
		char *nb;
		if ((rc = incline_text_fold(&fw, &fl, f, s + w.items[i].start,
					    w.items[i].end - w.items[i].start)))
			break;
		if (!(nb = realloc(buf, total + fl + 2))) {
			free(fw);
			rc = INCLINE_ENOMEM;
			break;
		}
		buf = nb;
		if (total)
			buf[total++] = ' ';
		memcpy(buf + total, fw, fl);
		total += fl;
		buf[total] = '\0';
		free(fw);
	}
	incline_span_list_free(&w);
	if (rc || !buf) {
		free(buf);
		return rc ? rc : INCLINE_EINVAL;
	}
	*out = buf;
	return 0;
}

static int load_actor_line(incline_extractor *x, const char *line, size_t len)
{
	const char *tab = memchr(line, '\t', len);
	char *alias, *name;
	int rc;

	if (!tab)
		return INCLINE_EINVAL;
	if ((rc = fold_phrase(&alias, x->folder, line, (size_t)(tab - line))))
		return rc;
	name = strndup(tab + 1, len - (size_t)(tab + 1 - line));
	/* A failed strndup is out of memory, not a bad line (test_chaos). */
	rc = !name ? INCLINE_ENOMEM
	     : name[0] ? incline_lexicon_add_actor(x->lex, alias, name) : INCLINE_EINVAL;
	free(alias);
	free(name);
	return rc;
}

int incline_extract_load_actors(incline_extractor *x, const char *path,
				incline_error *err)
{
	char *buf;
	size_t len, line = 1;
	int rc = incline_io_read_file(&buf, &len, path, INCLINE_MAX_ARTICLE_BYTES, err);

	if (rc)
		return rc;
	for (size_t i = 0; i < len && !rc; line++) {
		const char *nl = memchr(buf + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - buf) : len, le = e;
		while (le > i && (buf[le - 1] == '\r' || buf[le - 1] == ' '))
			le--;
		if (le > i && buf[i] != '#') {
			rc = load_actor_line(x, buf + i, le - i);
			if (rc == INCLINE_ENOMEM)
				incline_error_set(err, rc, path, 0, 0, "out of memory");
			else if (rc)
				incline_error_set(err, INCLINE_EINVAL, path, (int)line, 1,
						  "expected \"alias<TAB>canonical name\"");
		}
		i = e + 1;
	}
	free(buf);
	return rc ? (err ? err->code : rc) : 0;
}

/* ---- sentence analysis ---- */

static void sentence_reset(sentence *s)
{
	s->n_folded = 0;
	s->fold_len = 0;
	s->words.n = 0;
	s->n_hits = 0;
}

static void sentence_free(sentence *s)
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

static const char *at(const sentence *s, size_t off)
{
	return s->bytes + (off - s->base);
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
		if (s->n_hits == s->cap_hits) {
			size_t cap = s->cap_hits ? s->cap_hits * 2 : 16;
			lex_hit *nh = realloc(s->hits, cap * sizeof *nh);
			if (!nh)
				return INCLINE_ENOMEM;
			s->hits = nh;
			s->cap_hits = cap;
		}
		memcpy(s->designators[k], at(s, w->start), n);
		s->designators[k][n] = '\0';
		s->hits[s->n_hits++] = (lex_hit){LEX_ACTOR, i, i, s->designators[k++]};
	}
	return 0;
}

static int analyse(sentence *s, incline_extractor *x)
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
	if ((rc = fold_words(s, x->folder)))
		return rc;
	rc = incline_lexicon_match_n(x->lex, (const char *const *)s->folded, s->fold_lens,
				     s->n_folded, &s->hits, &s->n_hits, &s->cap_hits);
	if (!rc)
		rc = add_designators(s);
	return rc ? rc : number_clauses(s);
}

/* true when a hit of class cls covers word i. */
static bool covered(const sentence *s, int cls, size_t i)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == cls && s->hits[h].first <= i && i <= s->hits[h].last)
			return true;
	return false;
}

/* First hit of class cls in [from, to) of the words, or NULL. */
static const lex_hit *find(const sentence *s, int cls, size_t from, size_t to)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == cls && s->hits[h].first >= from && s->hits[h].first < to)
			return &s->hits[h];
	return NULL;
}

static bool negated(const sentence *s, const lex_hit *cue, bool sentence_wide)
{
	size_t from = cue->first > NEGATION_REACH && !sentence_wide ? cue->first - NEGATION_REACH : 0;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *n = &s->hits[h];
		/* inside a cue's gap counts too: "the spyware never hit" */
		if (n->first > cue->first && n->first < cue->last && n->cls == LEX_NEGATION)
			return true;
		if (n->first >= cue->first)
			continue;
		if (n->cls == LEX_NEG_SCOPE)
			return true;
		if (n->cls == LEX_NEGATION && n->first >= from &&
		    (sentence_wide || s->clause[n->first] == s->clause[cue->first]))
			return true;
	}
	return false;
}

/* A modal in the cue's clause ("may obstruct", "if hackers gain access",
 * "warned of ... attacks") makes it not (yet) real, unless it is the
 * hedged past "may have". */
/* true when an auxiliary stands just before the cue ("has been patched",
 * "was stolen", "had already leaked"): the cue is a finite verb. */
static bool after_auxiliary(const sentence *s, const lex_hit *cue)
{
	static const char *const aux[] = {
		"has", "have", "had", "is", "are", "was", "were", "be", "been", "being",
	};
	for (size_t i = cue->first; i-- > 0 && i + 3 > cue->first;)
		for (size_t k = 0; k < sizeof aux / sizeof *aux; k++)
			if (strcmp(s->folded[i], aux[k]) == 0)
				return true;
	return false;
}

/* true when another cue of the cue's class stands between it and word
 * w: a modal there is about that nearer cue ("a temporary patch has been
 * applied and a full fix is expected later"). */
static bool nearer_cue(const sentence *s, const lex_hit *cue, size_t w)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == cue->cls && s->hits[h].first > cue->last && s->hits[h].first < w)
			return true;
	return false;
}

static bool hypothetical(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *m = &s->hits[h];
		if (m->cls != LEX_MODAL || s->clause[m->first] != s->clause[cue->first])
			continue;
		if (covered(s, LEX_HEDGE, m->first) || (m->first >= cue->first && m->first <= cue->last))
			continue;
		/* after a cue told as a finite verb, a modal governs a later verb:
		 * "as the bug has been patched users will be able to update"; a
		 * cue in the subject is what the modal is about: "a patch will
		 * be released", "the leaking of data may obstruct justice" */
		if (m->first > cue->last + MODAL_AFTER_REACH && after_auxiliary(s, cue))
			continue;
		if (m->first > cue->last && nearer_cue(s, cue, m->first))
			continue;
		return true;
	}
	return false;
}

static bool hedged(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == LEX_HEDGE && s->clause[s->hits[h].first] == s->clause[cue->first])
			return true;
	return false;
}

/* A capability, not a happening: "an attacker can send requests", "the
 * flaw allows a remote attacker to log in". An ability word shortly
 * before an intrusion cue, in its clause, says what could be done. */
static bool capability(const sentence *s, const lex_hit *cue)
{
	size_t from = cue->first > CAPABILITY_REACH ? cue->first - CAPABILITY_REACH : 0;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *c = &s->hits[h];
		if (c->cls == LEX_CAPABILITY && c->first >= from && c->first < cue->first &&
		    s->clause[c->first] == s->clause[cue->first])
			return true;
	}
	return false;
}

/* true when the cue lies inside a phrase naming a kind of thing ("attack
 * surface", "protected against attacks"). */
static bool nonevent(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *n = &s->hits[h];
		if (n->cls == LEX_NONEVENT && n->first <= cue->first && cue->last <= n->last)
			return true;
	}
	return false;
}

/* How far a definite determiner may stand before the event noun it
 * makes presupposed: "the WannaCry ransomware attack". */
#define PRESUPPOSED_REACH 3

/* Words that end a noun phrase's modifiers: in "the possibility of
 * attacks" the determiner is not the attacks'. */
static bool is_phrase_break(const char *w)
{
	static const char *const words[] = {"of", "for", "to", "in", "on", "about", "with", "by", "from", "against", "and", "or"};
	for (size_t i = 0; i < sizeof words / sizeof *words; i++)
		if (strcmp(w, words[i]) == 0)
			return true;
	return false;
}

/* true when the cue is a definite event noun: "the breach", "this attack". */
static bool presupposed(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *p = &s->hits[h];
		bool ok = p->cls == LEX_PRESUPPOSED && p->last == cue->first && cue->first == cue->last &&
			  p->first + PRESUPPOSED_REACH >= p->last && s->clause[p->first] == s->clause[p->last];
		for (size_t i = p->first + 1; ok && i < p->last; i++)
			ok = !is_phrase_break(s->folded[i]) && !covered(s, LEX_NEGATION, i);
		if (ok)
			return true;
	}
	return false;
}

/* true when the cue is a bare "attack" in a sentence about a flaw, or
 * right after one: the way to exploit it ("the attack works on Android
 * 8", "vulnerable to attacks that can intercept data"), not an incident. */
static bool technique(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *a = &s->hits[h];
		if (a->cls == LEX_ATTACK_NOUN && a->first == cue->first && a->last == cue->last)
			return s->flaw_before || find(s, LEX_FLAW, 0, s->words.n) != NULL;
	}
	return false;
}

/* true when the cue is a participle used as an adjective: "the stolen
 * data was offered for sale in March" tells of the sale, and its date is
 * not the theft's. */
static bool attributive(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *a = &s->hits[h];
		if (a->cls == LEX_ATTRIBUTIVE && a->last == cue->first && cue->first == cue->last)
			return true;
	}
	return false;
}

static bool claim_named(const sentence *s); /* see claims, below */

/* true when an attribution cue makes a claim: it names an actor, the
 * claimant is the actor ("the group claimed responsibility"), or it says
 * nobody is named ("declined to say who was behind"). Without any of
 * these "responsible for IT" is no claim. */
static bool claim_stands(const sentence *s, const lex_hit *cue)
{
	return find(s, LEX_ACTOR, 0, s->words.n) || find(s, LEX_SELF_CLAIM, 0, s->words.n) ||
	       negated(s, cue, true) || find(s, LEX_NEG_SCOPE, 0, s->words.n) || claim_named(s);
}

/* true when an intrusion cue is what a claim is about: "LockBit was
 * behind the attack", "the group claimed responsibility for the breach".
 * The sentence tells who did a known attack, not of another attack: the
 * cue lies inside the attribution's words, or is a definite event noun in
 * its clause. */
static bool claimed_object(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *a = &s->hits[h];
		if (a->cls != INCLINE_EVENT_ATTRIBUTION || !claim_stands(s, a))
			continue;
		if ((a->first <= cue->first && cue->last <= a->last) ||
		    (presupposed(s, cue) && s->clause[a->first] == s->clause[cue->first]))
			return true;
	}
	return false;
}

/* true when the cue is a bare event noun ("an attack", "attacks", "a
 * cyberattack", "scams"): not definite ("the attack"), not possessive
 * ("Friday's attack"), of no intrusion kind ("ransomware attack") and
 * suffered by no one ("the city suffered an attack"). Alone it names
 * attacks as a topic ("6 billion attacks a year", "to perform a MitM
 * attack", "tax scams do the rounds") more often than it tells one, and
 * the attack may be no intrusion at all (a flood, a scan): such a cue
 * makes an intrusion only when the sentence dates it. */
static bool bare_event(const sentence *s, const lex_hit *cue)
{
	bool noun = false;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *a = &s->hits[h];
		if (a->cls == LEX_BARE_NOUN && a->first == cue->first && a->last == cue->last)
			noun = true;
		if (a->cls == LEX_SPECIFIC && a->first <= cue->first && cue->last <= a->last)
			return false;
	}
	if (!noun || presupposed(s, cue))
		return false;
	if (cue->first > 0) {
		const char *w = s->folded[cue->first - 1];
		size_t n = strlen(w);
		if ((n > 2 && strcmp(w + n - 2, "'s") == 0) ||
		    (n > 4 && strcmp(w + n - 4, "\xE2\x80\x99s") == 0))
			return false; /* "Friday's attack" */
	}
	return true;
}

/* true when the sentence names a flaw: a flaw word that does not begin a
 * compound naming a kind of tool or trade ("exploit kits", "an exploit
 * seller"). In "an information disclosure vulnerability" the compound
 * names the flaw's kind, and the flaw stays. */
static bool names_flaw(const sentence *s)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *f = &s->hits[h];
		bool tool = false;
		if (f->cls != LEX_FLAW)
			continue;
		for (size_t k = 0; k < s->n_hits && !tool; k++)
			tool = s->hits[k].cls == LEX_NONEVENT && s->hits[k].first == f->first &&
			       s->hits[k].last > f->last;
		if (!tool)
			return true;
	}
	return false;
}

/* true when an intrusion cue tells what a flaw lets an attacker do: in a
 * sentence naming a flaw, an ability or modal word anywhere before the
 * cue ("the bug can be exploited by a local user to crash and hijack the
 * service", "the flaw could have allowed attackers to take over"). Only
 * "may/might have" hedges a past attack ("hackers may have used the
 * flaw to steal data"). */
static bool flaw_capability(const sentence *s, const lex_hit *cue)
{
	bool ability = false;
	for (size_t h = 0; h < s->n_hits && !ability; h++) {
		const lex_hit *q = &s->hits[h];
		ability = q->first < cue->first &&
			  (q->cls == LEX_CAPABILITY ||
			   (q->cls == LEX_MODAL && strcmp(s->folded[q->first], "may") != 0 &&
			    strcmp(s->folded[q->first], "might") != 0));
	}
	return ability && names_flaw(s);
}

/* The first cue of type t that stands (not negated, not hypothetical). */
static const lex_hit *standing_cue(const sentence *s, incline_event_type t)
{
	const lex_hit *bare = NULL;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *c = &s->hits[h];
		if (c->cls != (int)t)
			continue;
		if (t == INCLINE_EVENT_ATTRIBUTION)
			return c; /* negation is a stance here, not a veto */
		/* background is told with modals ("warned of the possibility
		 * of attacks"), but a warning not given is none */
		if (t == INCLINE_EVENT_CONTEXT) {
			if (negated(s, c, false))
				continue;
			return c;
		}
		if (t == INCLINE_EVENT_INTRUSION && claimed_object(s, c))
			continue;
		/* "the most exploited brands", "a fake security update" */
		if ((t == INCLINE_EVENT_VULNERABILITY || t == INCLINE_EVENT_PATCH) && nonevent(s, c))
			continue;
		if (!(t == INCLINE_EVENT_INTRUSION && presupposed(s, c)) &&
		    (negated(s, c, false) || hypothetical(s, c)))
			continue;
		if (t == INCLINE_EVENT_INTRUSION &&
		    (capability(s, c) || flaw_capability(s, c) || nonevent(s, c) || attributive(s, c) ||
		     (technique(s, c) && !presupposed(s, c))))
			continue;
		if (t == INCLINE_EVENT_INTRUSION && bare_event(s, c)) {
			if (!bare)
				bare = c; /* a cue that tells more may follow */
			continue;
		}
		return c;
	}
	return bare;
}

/* A vulnerability told through what happened to a named flaw: "found a
 * flaw", "the bug affects", "CVE-2023-1234 was disclosed". The finding
 * word is the cue, so negation and modality apply to it. */
static const lex_hit *flaw_cue(const sentence *s, bool flaw_before)
{
	/* "the problem arises when...", right after a sentence naming the
	 * flaw, names it again */
	if (!names_flaw(s) &&
	    !(flaw_before && find(s, LEX_FLAW_AGAIN, 0, s->words.n)))
		return NULL;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *c = &s->hits[h];
		if (c->cls == LEX_FINDING && !negated(s, c, false) && !hypothetical(s, c) &&
		    !nonevent(s, c))
			return c;
	}
	return NULL;
}

static bool has_generic(const sentence *s)
{
	return find(s, LEX_GENERIC, 0, s->words.n) != NULL;
}

/* ---- dates ---- */

/* Index of the word containing or following file offset off. */
static size_t word_at(const sentence *s, size_t off)
{
	size_t i = 0;
	while (i < s->words.n && s->words.items[i].end <= off)
		i++;
	return i;
}

/* A date expression must begin and end on word boundaries: "1567" inside
 * "CVE-2018-1567" is part of a name, not a year. */
static bool word_aligned(const sentence *s, const incline_timex *t)
{
	size_t w = word_at(s, t->start), v = word_at(s, t->end);
	if (w < s->words.n && s->words.items[w].start < t->start)
		return false; /* begins inside a word */
	if (v < s->words.n && s->words.items[v].start < t->end) {
		/* ends inside one: only a possessive may follow ("Friday's attack") */
		const char *rest = at(s, t->end);
		size_t n = s->words.items[v].end - t->end;
		return (n == 2 && memcmp(rest, "'s", 2) == 0) ||
		       (n == 4 && memcmp(rest, "\xE2\x80\x99s", 4) == 0);
	}
	return true;
}

static bool usable(const incline_timex *t)
{
	return (t->type == INCLINE_TIMEX_DATE || t->type == INCLINE_TIMEX_TIME) &&
	       t->date.gran != INCLINE_GRAN_UNKNOWN &&
	       (t->date.earliest != INCLINE_DAY_NONE || t->date.latest != INCLINE_DAY_NONE);
}

/* An expression that only bounds the event from above: "in recent
 * years" (a past reference) and durations reaching back from now ("over
 * the past four years", "in the previous 12 months"). The event happened
 * by the publication date, and the expression is where the text says so. */
static bool vague(const sentence *s, const incline_timex *t)
{
	static const char *const back[] = {"past", "last", "previous", "recent"};
	size_t w = word_at(s, t->start);
	if (t->type == INCLINE_TIMEX_DATE && t->date.gran == INCLINE_GRAN_UNKNOWN)
		return t->date.latest != INCLINE_DAY_NONE && t->date.earliest == INCLINE_DAY_NONE;
	if (t->type != INCLINE_TIMEX_DURATION)
		return false;
	for (size_t i = w; i < w + 2 && i < s->n_folded && s->words.items[i].start < t->end; i++)
		for (size_t k = 0; k < sizeof back / sizeof *back; k++)
			if (strcmp(s->folded[i], back[k]) == 0)
				return true;
	return false;
}

/* A date right after a reporting verb dates the report. */
static bool reporting_date(const sentence *s, const incline_timex *t)
{
	size_t w = word_at(s, t->start);
	size_t from = w > REPORT_DATE_REACH ? w - REPORT_DATE_REACH : 0;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *r = &s->hits[h];
		if ((r->cls == LEX_REPORT || r->cls == INCLINE_EVENT_DISCLOSURE) &&
		    r->last < w && r->last >= from)
			return true;
	}
	return false;
}

/* Picks the date of an event of type t whose cue is `cue`, from the
 * sentence's expressions dates[0..n). */
static chosen_date choose_date(const sentence *s, incline_event_type t, const lex_hit *cue,
			       const incline_timex *dates, size_t n)
{
	const incline_timex *same = NULL, *any = NULL, *report = NULL;
	size_t best_same = SIZE_MAX, best_any = SIZE_MAX;
	bool disclosure = t == INCLINE_EVENT_DISCLOSURE;
	/* a flaw's report is the vulnerability event itself: "reported in
	 * August" dates it */
	bool any_date = t == INCLINE_EVENT_VULNERABILITY;

	for (size_t i = 0; i < n; i++) {
		const incline_timex *d = &dates[i];
		size_t w = word_at(s, d->start);
		size_t dist = w > cue->first ? w - cue->first : cue->first - w;
		if (!any_date && reporting_date(s, d) != disclosure) {
			if (!report)
				report = d;
			continue;
		}
		if (w < s->words.n && s->clause[w] == s->clause[cue->first] && dist < best_same) {
			same = d;
			best_same = dist;
		}
		if (dist < best_any) {
			any = d;
			best_any = dist;
		}
	}
	if (same || any)
		return (chosen_date){same ? same : any, false};
	if (report)
		return (chosen_date){report, !disclosure};
	return (chosen_date){NULL, true};
}

static int set_when(incline_when *w, const incline_article *a, const incline_timex *t,
		    bool upper_bound_only)
{
	memset(w, 0, sizeof *w);
	if (!t) {
		w->date = incline_date_make(INCLINE_DAY_NONE, a->published, INCLINE_GRAN_DAY);
		w->basis = INCLINE_BASIS_PUBLICATION;
		return 0;
	}
	w->date = t->date;
	w->basis = t->anchor == INCLINE_ANCHOR_NONE ? INCLINE_BASIS_EXPLICIT : INCLINE_BASIS_RELATIVE;
	if (upper_bound_only) {
		w->date.earliest = INCLINE_DAY_NONE;
		w->basis = INCLINE_BASIS_PUBLICATION;
		if (w->date.latest == INCLINE_DAY_NONE || w->date.latest > a->published)
			w->date.latest = a->published; /* a duration back from now */
		if (w->date.gran == INCLINE_GRAN_UNKNOWN)
			w->date.gran = INCLINE_GRAN_DAY;
	}
	w->has_span = true;
	w->start = t->start;
	w->end = t->end;
	w->value = strdup(t->value);
	w->text = strndup(a->bytes + (t->start - a->base), t->end - t->start);
	w->article = strdup(a->id);
	return w->value && w->text && w->article ? 0 : INCLINE_ENOMEM;
}

/* ---- claims ---- */

#define IN_TABLE(w, table) in_table(w, table, sizeof table / sizeof *table)

/* The first bytes are compared before strcmp: the word tables below
 * are asked about every word of a claim's sentence and, when a claimant
 * must be resolved, of the sentences before it. */
static bool in_table(const char *w, const char *const *table, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (table[i][0] == w[0] && strcmp(w, table[i]) == 0)
			return true;
	return false;
}

/* What a claimant told by a pronoun or a definite noun stands for: "he" a
 * person, "the company" an organisation, "the researchers" a group of
 * people, "the group" (claiming an attack) an actor. */
typedef enum name_kind {
	KIND_PERSON, KIND_ORG, KIND_PEOPLE, /* names the article gives */
	KIND_ACTOR, KIND_ANY, KIND_NONE
} name_kind;

/* How many names a claim memory keeps. */
#define CLAIM_MEMORY 32

/* Who the sentences before a claim named, so that its "he said", "the
 * company said" or "they claimed" names somebody. Filled by recall_names
 * (remember_names on each earlier sentence, in order): the last
 * CLAIM_MEMORY names, in a ring. */
typedef struct claim_memory {
	char *name[CLAIM_MEMORY]; /* owned */
	name_kind kind[CLAIM_MEMORY];
	size_t n;                 /* names remembered so far; the last is
				     name[(n - 1) % CLAIM_MEMORY] */
	char *actor;              /* the last actor named (owned) */
} claim_memory;

static void claim_memory_clear(claim_memory *m)
{
	for (size_t k = 0; k < CLAIM_MEMORY; k++)
		free(m->name[k]);
	free(m->actor);
	memset(m, 0, sizeof *m);
}

/* true when name holds the word w (folded: ASCII case ignored). */
static bool has_word(const char *name, const char *w)
{
	size_t n = strlen(w);
	for (const char *p = name; *p; p++) {
		size_t k = 0;
		if (p != name && p[-1] != ' ')
			continue;
		while (k < n && p[k] && (p[k] | 0x20) == (w[k] | 0x20))
			k++;
		if (k == n && (p[n] == '\0' || p[n] == ' ' || p[n] == ',' || p[n] == '\''))
			return true;
	}
	return false;
}

/* The last name remembered of kind k; with head, the last one holding
 * that word first ("the court": the International Criminal Court). */
static const char *recall(const claim_memory *m, name_kind k, const char *head)
{
	size_t from = m->n > CLAIM_MEMORY ? m->n - CLAIM_MEMORY : 0;
	for (int pass = head ? 0 : 1; pass < 2; pass++)
		for (size_t i = m->n; i-- > from;) {
			size_t at_ = i % CLAIM_MEMORY;
			if ((m->kind[at_] == k || (k == KIND_ANY && m->kind[at_] != KIND_PERSON)) &&
			    (pass == 1 || has_word(m->name[at_], head)))
				return m->name[at_];
		}
	return NULL;
}

/* Pronouns a claimant may be told by, and what they stand for. */
static const struct {
	const char *word;
	name_kind kind;
} claimant_pronouns[] = {
	{"he", KIND_PERSON}, {"she", KIND_PERSON}, {"they", KIND_ANY}, {"it", KIND_ORG},
};

/* "the company", "the security firm", "the researchers", "the group":
 * the head noun of a definite claimant says what it stands for. */
static const struct {
	const char *noun;
	name_kind kind;
} definite_nouns[] = {
	{"company", KIND_ORG}, {"firm", KIND_ORG}, {"vendor", KIND_ORG}, {"agency", KIND_ORG},
	{"organization", KIND_ORG}, {"organisation", KIND_ORG}, {"bank", KIND_ORG},
	{"court", KIND_ORG}, {"ministry", KIND_ORG}, {"department", KIND_ORG},
	{"provider", KIND_ORG}, {"business", KIND_ORG}, {"retailer", KIND_ORG},
	{"hospital", KIND_ORG}, {"university", KIND_ORG}, {"government", KIND_ORG},
	{"outlet", KIND_ORG}, {"newspaper", KIND_ORG}, {"council", KIND_ORG},
	{"insurer", KIND_ORG}, {"operator", KIND_ORG}, {"maker", KIND_ORG}, {"giant", KIND_ORG},
	{"startup", KIND_ORG}, {"platform", KIND_ORG}, {"manufacturer", KIND_ORG},
	{"developer", KIND_ORG}, {"regulator", KIND_ORG}, {"watchdog", KIND_ORG},
	{"carrier", KIND_ORG}, {"chain", KIND_ORG}, {"city", KIND_ORG}, {"county", KIND_ORG},
	{"school", KIND_ORG}, {"district", KIND_ORG}, {"contractor", KIND_ORG},
	{"researchers", KIND_PEOPLE}, {"officials", KIND_PEOPLE}, {"experts", KIND_PEOPLE},
	{"investigators", KIND_PEOPLE}, {"analysts", KIND_PEOPLE}, {"authorities", KIND_PEOPLE},
	{"scientists", KIND_PEOPLE}, {"team", KIND_PEOPLE},
	{"group", KIND_ACTOR}, {"gang", KIND_ACTOR}, {"hackers", KIND_ACTOR},
	{"attackers", KIND_ACTOR}, {"crew", KIND_ACTOR}, {"actor", KIND_ACTOR},
	{"actors", KIND_ACTOR}, {"collective", KIND_ACTOR}, {"perpetrators", KIND_ACTOR},
	{"hacker", KIND_ACTOR}, {"cybercriminals", KIND_ACTOR}, {"criminals", KIND_ACTOR},
	{"operators", KIND_ACTOR},
};

/* Words for people that hold a role: before a name they make it a
 * person ("Mayor Keisha Lance Bottoms", "prosecutor Karim Khan"), after
 * one its organisation ("a Context spokesperson"), in an appositive the
 * name's ("Jaime Blasco, chief scientist at AlienVault"). */
static const char *const person_titles[] = {
	"mr", "mrs", "ms", "dr", "sir", "mayor", "president", "ceo", "cto", "cio", "ciso",
	"cso", "coo", "cfo", "founder", "co-founder", "spokesperson", "spokesman",
	"spokeswoman", "researcher", "analyst", "scientist", "engineer", "director",
	"chief", "head", "minister", "secretary", "senator", "governor", "professor",
	"officer", "adviser", "advisor", "expert", "manager", "representative",
	"chairman", "chairwoman", "commissioner", "prosecutor", "attorney", "lawyer",
	"detective", "inspector", "consultant", "executive", "vp", "architect",
	"specialist", "reporter", "journalist", "editor", "investigator", "official",
	"administrator", "ambassador", "general", "judge", "chancellor", "premier",
	"sheriff", "superintendent", "principal", "dean", "leader", "partner",
};

/* Capitalised words that make a name an organisation's. */
static const char *const org_words[] = {
	"inc", "corp", "corporation", "co", "ltd", "llc", "plc", "gmbh", "ag", "group",
	"security", "labs", "lab", "networks", "network", "technologies", "technology",
	"systems", "software", "solutions", "bank", "agency", "court", "ministry",
	"department", "office", "council", "university", "college", "school",
	"association", "federation", "committee", "service", "services", "centre",
	"center", "foundation", "institute", "commission", "authority", "company",
	"police", "intelligence", "bureau", "times", "post", "news", "journal",
	"research", "unit", "partners", "grupo", "government", "administration",
	"house", "exchange", "airways", "airlines", "hospital", "county", "city",
	"board", "team", "telecom", "communications", "media", "health", "insurance",
	"energy", "holdings", "industries", "alliance", "union", "party", "army",
	"navy", "command", "directorate", "guard", "cert", "ncsc",
};

/* Lower-case nouns that, before a name, say it is an organisation's:
 * "security firm Lookout", "its contractor, Context Information Security". */
static const char *const org_nouns[] = {
	"firm", "company", "provider", "vendor", "agency", "outlet", "giant", "maker",
	"operator", "bank", "retailer", "contractor", "organization", "organisation",
	"startup", "publisher", "newspaper", "daily", "platform", "developer",
	"manufacturer", "insurer", "business", "carrier", "regulator", "watchdog",
	"body", "lab", "laboratory", "unit",
};

/* Plural heads of a claimant that is a group of people. */
static const char *const people_nouns[] = {
	"researchers", "officials", "experts", "investigators", "analysts", "authorities",
	"scientists", "officers", "prosecutors", "engineers", "lawmakers", "agents",
	"sources", "authors", "staff", "team",
};

/* Capitalised words that open a sentence or clause without being a name:
 * "In this case CrowdStrike said", "As NPR's Bill Chappell reported". */
static const char *const not_names[] = {
	"the", "a", "an", "in", "on", "at", "as", "after", "before", "while", "when",
	"but", "and", "or", "however", "meanwhile", "also", "then", "so", "if",
	"though", "although", "since", "for", "with", "by", "from", "according",
	"earlier", "later", "last", "this", "that", "these", "those", "it", "he",
	"she", "they", "we", "i", "its", "their", "his", "her", "our", "there",
	"what", "who", "which", "why", "how", "to", "of", "during", "despite",
	"because", "now", "still", "yet", "even", "both", "one", "some", "many",
	"most", "all", "other", "another", "no", "not", "said", "says", "officials",
	"researchers", "experts", "investigators", "analysts", "authorities", "police",
	"hackers", "attackers", "just", "only", "here", "until", "thus", "instead",
	"indeed", "unless", "whether", "where", "like", "than", "is", "are", "was",
	"were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
	"should", "do", "does", "did", "you", "your", "my", "me", "us", "them",
	"nevertheless", "moreover", "furthermore", "additionally", "separately",
	"overall", "finally", "first", "second", "today", "yesterday", "previously",
};

/* Lower-case words inside a name: "Minister of State for Security". */
static const char *const name_links[] = {"of", "for", "de", "du", "der", "des", "la", "le", "and"};

/* A claimant's phrase going back stops before these: they open a phrase
 * or clause of their own ("by attackers linked to Iran", "while
 * researchers can't say"). "of", "at" and "for" stay inside a name
 * ("researchers at Mandiant", "the body of track and field"). */
static const char *const phrase_stops[] = {
	"by", "in", "on", "from", "with", "to", "about", "after", "before", "during",
	"since", "under", "into", "through", "over", "as", "than", "like", "while",
	"when", "if", "whether", "because", "although", "though", "but", "or", "nor",
	"so", "that", "which", "who", "whom", "whose", "where", "says", "said", "say",
	"it", "they", "he", "she", "we", "i", "i'm", "we're", "i've", "we've", "you",
	"you're", "many", "some", "others", "those", "these", "both", "all", "most",
};

/* A phrase going back ends with its determiner ("the report's authors"). */
static const char *const determiners[] = {
	"the", "a", "an", "its", "their", "his", "her", "our", "this", "these", "those",
};
static const char *const indefinite[] = {"a", "an"};

/* Auxiliaries and adverbs between a claimant and its verb: "Moscow has
 * flatly denied", "the FBI also said". Any lower-case "-ly" word is an
 * adverb too (is_verb_filler). */
static const char *const verb_fillers[] = {
	"has", "have", "had", "is", "was", "are", "were", "did", "does", "do",
	"also", "later", "previously", "publicly", "quickly", "reportedly",
	"flatly", "firmly", "strongly", "repeatedly", "again", "already", "since",
	"not", "never", "yet", "still", "now", "almost", "been", "be", "being",
	"don't", "doesn't", "didn't", "isn't", "wasn't", "aren't", "weren't",
	"hasn't", "haven't", "hadn't", "first", "even", "all", "both", "too",
	"can", "can't", "cannot", "could", "couldn't", "would", "wouldn't", "will",
	"won't", "may", "might", "must", "should",
};

/* Reporting verbs that may come after their subject at a quote's end:
 * "...," said Forcepoint researchers. */
static const char *const speech_verbs[] = {
	"said", "says", "told", "wrote", "writes", "added", "adds", "noted", "notes",
	"explained", "stated", "states", "commented", "warned", "according",
};

/* The words of a passive participle after "was": "they were said to be",
 * "this APT is supposedly attributed to". Adjectives are no passive: "the
 * company was confident". */
static bool participle(const char *w)
{
	static const char *const irregular[] = {"said", "told", "thought", "known", "taken", "seen"};
	size_t n = strlen(w);
	if (strcmp(w, "convinced") == 0)
		return false;
	return IN_TABLE(w, irregular) || (n > 3 && strcmp(w + n - 2, "ed") == 0);
}

static bool is_claimant_pronoun(const char *w)
{
	for (size_t i = 0; i < sizeof claimant_pronouns / sizeof *claimant_pronouns; i++)
		if (strcmp(w, claimant_pronouns[i].word) == 0)
			return true;
	return false;
}

static bool is_be(const char *w)
{
	static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being"};
	return IN_TABLE(w, be);
}

static bool is_relative(const char *w)
{
	return strcmp(w, "who") == 0 || strcmp(w, "which") == 0 || strcmp(w, "that") == 0;
}

static bool is_verb_filler(const sentence *s, size_t i);

/* true when word i is written with a capital: its first byte changes
 * when folded ("Mandiant"; also non-Latin capitals); digits do not. */
static bool capitalised(const sentence *s, size_t i)
{
	return s->folded[i][0] && *at(s, s->words.items[i].start) != s->folded[i][0];
}

/* A word that may be part of a name: capitalised, not a function word
 * that opens a sentence ("In", "The") nor a role ("Officials"). */
static bool name_word(const sentence *s, size_t i)
{
	return capitalised(s, i) && !IN_TABLE(s->folded[i], not_names);
}

/* An acronym: two or more capitals ("FBI", "NCSC", "IAAF's"). */
static bool acronym(const sentence *s, size_t i)
{
	const char *p = at(s, s->words.items[i].start);
	size_t n = s->words.items[i].end - s->words.items[i].start, caps = 0;
	for (size_t k = 0; k < n && p[k] != '\'' && (unsigned char)p[k] < 0x80; k++) {
		if (p[k] >= 'a' && p[k] <= 'z')
			return false;
		caps += p[k] >= 'A' && p[k] <= 'Z';
	}
	return caps >= 2;
}

/* An adverb between a subject and its verb: "allegedly", "never". */
static bool is_adverb(const sentence *s, size_t i)
{
	static const char *const adverbs[] = {
		"never", "not", "also", "later", "previously", "again", "already", "still",
		"now", "yet", "first", "even", "too", "since", "once", "long",
	};
	const char *w = s->folded[i];
	size_t n = strlen(w);
	return IN_TABLE(w, adverbs) || (n > 4 && strcmp(w + n - 2, "ly") == 0 && !capitalised(s, i));
}

static bool is_verb_filler(const sentence *s, size_t i)
{
	const char *w = s->folded[i];
	size_t n = strlen(w);
	return IN_TABLE(w, verb_fillers) ||
	       (n > 4 && strcmp(w + n - 2, "ly") == 0 && !capitalised(s, i));
}

/* true when the gap before word i (after word i - 1) holds byte c. */
static bool gap_has(const sentence *s, size_t i, char c)
{
	size_t from = s->words.items[i - 1].end, to = s->words.items[i].start;
	return memchr(at(s, from), c, to - from) != NULL;
}

/* true when the gap before word i closes a quotation. */
static bool gap_quotes(const sentence *s, size_t i)
{
	size_t from = s->words.items[i - 1].end, to = s->words.items[i].start;
	const char *p = at(s, from);
	for (size_t k = 0; k < to - from; k++)
		if (p[k] == '"' || (k + 2 < to - from && p[k] == '\xE2' && p[k + 1] == '\x80' &&
				    (p[k + 2] == '\x9D' || p[k + 2] == '\x99')))
			return true;
	return false;
}

/* A new copy of the text from word first to word last, inclusive, with
 * each run of white space (line breaks, no-break spaces) one space: a
 * claimant is a name, not a layout. An "@" before the first word is kept
 * ("@EugenePupov"), and so is a closing quote after a quoted last word. */
static char *words_text(const sentence *s, size_t first, size_t last)
{
	size_t b = s->words.items[first].start, e = s->words.items[last].end, k = 0;
	char *out;
	if (b > s->span.start && *at(s, b - 1) == '@')
		b--;
	if (!(out = malloc(e - b + 1)))
		return NULL;
	for (size_t i = b; i < e; i++) {
		const char *p = at(s, i);
		bool space = *p == ' ' || *p == '\n' || *p == '\r' || *p == '\t';
		if (!space && i + 1 < e && p[0] == '\xC2' && p[1] == '\xA0') {
			space = true;
			i++;
		}
		if (space) {
			if (k && out[k - 1] != ' ')
				out[k++] = ' ';
		} else {
			out[k++] = *p;
		}
	}
	out[k] = '\0';
	return out;
}

/* The agent of a passive reporting verb: "the attack was attributed to
 * Sofacy by government researchers" is the researchers' claim; its
 * subject is what the claim is about. Returns the index of the first word
 * after "by" in the verb's clause, or 0 when there is none. */
static size_t passive_agent(const sentence *s, const lex_hit *rep)
{
	for (size_t i = rep->last + 1; i + 1 < s->words.n && s->clause[i + 1] == s->clause[rep->first]; i++)
		if (strcmp(s->folded[i], "by") == 0)
			return i + 1;
	return 0;
}

/* How far back a parenthesis may open before a claimant's verb. */
#define PAREN_REACH 5

/* "The International Criminal Court (ICC) reported": the subject is the
 * name before the parenthesis. Moves *last (the word before the verb)
 * there, and *clause with it; false when no parenthesis closes there. */
static bool skip_parenthesis(const sentence *s, size_t *last, int *clause)
{
	if (*last + 1 >= s->words.n || !gap_has(s, *last + 1, ')'))
		return false;
	for (size_t j = *last; j > 0 && *last - j < PAREN_REACH; j--) {
		if (gap_has(s, j, '(')) {
			*last = j - 1;
			*clause = s->clause[j - 1];
			return true;
		}
	}
	return false;
}

/* "X reported ... and assured": a verb after a conjunction shares the
 * subject of an earlier one, which is not the words before it. */
static bool is_coordinator(const char *w)
{
	static const char *const words[] = {"and", "but", "or", "nor"};
	return IN_TABLE(w, words);
}

/* At most this many words name a claimant. */
#define CLAIMANT_WORDS 10

/* The first word of the phrase that ends at word last in its clause and
 * names who says so: a name with its linking words ("Britain's Minister
 * of State for Security Ben Wallace", "the International Criminal
 * Court"), else a noun phrase back to its determiner ("the world
 * governing body of track and field", "U.S. officials"). */
static size_t phrase_start(const sentence *s, size_t last)
{
	int clause = s->clause[last];
	size_t first = last;

	if (name_word(s, last) || (capitalised(s, last) && last > 0 && name_word(s, last - 1) &&
				   s->clause[last - 1] == clause)) {
		first = last > 0 && !name_word(s, last) ? last - 1 : last;
		while (first > 0 && last - first < CLAIMANT_WORDS && s->clause[first - 1] == clause) {
			if (name_word(s, first - 1))
				first--;
			else if (first >= 2 && IN_TABLE(s->folded[first - 1], name_links) &&
				 name_word(s, first - 2) && s->clause[first - 2] == clause)
				first -= 2;
			else
				break;
		}
		if (first > 0 && s->clause[first - 1] == clause && strcmp(s->folded[first - 1], "the") == 0)
			first--;
		return first;
	}
	size_t after_and = SIZE_MAX; /* the word after the last "and" met */
	while (first > 0 && last - first < CLAIMANT_WORDS && s->clause[first - 1] == clause) {
		const char *w = s->folded[first - 1];
		if (strcmp(w, "and") == 0 && after_and == SIZE_MAX)
			after_and = first;
		else if (IN_TABLE(w, phrase_stops) || is_coordinator(w) ||
			 covered(s, LEX_NEGATION, first - 1) || covered(s, LEX_MODAL, first - 1) ||
			 covered(s, LEX_REPORT, first - 1))
			break;
		first--;
		if (IN_TABLE(w, determiners))
			return first; /* "the body of track and field" */
	}
	/* without a determiner, "and" joins two subjects: "X and Y said" */
	return after_and != SIZE_MAX ? after_and : first;
}

/* The expressions of dates: a claimant does not end in one ("German
 * intelligence in 2015 accused Russia"). Moves *last before an expression
 * holding it, and before the preposition that leads it in. */
static bool skip_date(const sentence *s, const incline_timex_list *dates, size_t *last)
{
	size_t lo = 0, hi = dates ? dates->n : 0, w = s->words.items[*last].start;
	while (lo < hi) { /* the first expression ending after word last starts */
		size_t mid = lo + (hi - lo) / 2;
		if (dates->items[mid].end <= w)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (!dates || lo >= dates->n || dates->items[lo].start > w ||
	    dates->items[lo].start < s->span.start)
		return false;
	while (*last > 0 && s->words.items[*last].start >= dates->items[lo].start)
		(*last)--;
	if (*last > 0 && IN_TABLE(s->folded[*last], phrase_stops))
		(*last)--;
	return s->words.items[*last].end <= dates->items[lo].start;
}

/* A claimant found in a sentence: words first..last; the name alone (for
 * an actor who speaks for itself: "Mailinator, a provider of email,
 * denied any involvement") is first..name_last. */
typedef struct claimant_at {
	size_t first, last, name_last;
} claimant_at;

/* The words after a reporting verb that ends a quotation: '"...," said
 * Forcepoint researchers', '..., says security firm ClearSky'. */
static bool after_verb(const sentence *s, const lex_hit *rep, const incline_timex_list *dates,
		       claimant_at *out)
{
	size_t first = rep->last + 1, last = first;
	int clause;

	if (!IN_TABLE(s->folded[rep->first], speech_verbs) || strcmp(s->folded[rep->first], "according") == 0 ||
	    first >= s->words.n ||
	    (rep->first > 0 && !gap_quotes(s, rep->first) && !gap_has(s, rep->first, ',')))
		return false;
	clause = s->clause[first];
	if (IN_TABLE(s->folded[first], phrase_stops) || is_verb_filler(s, first) ||
	    (!name_word(s, first) && !IN_TABLE(s->folded[first], determiners) &&
	     !IN_TABLE(s->folded[first], people_nouns)))
		return false;
	while (last + 1 < s->words.n && s->clause[last + 1] == clause && last - first < CLAIMANT_WORDS &&
	       !IN_TABLE(s->folded[last + 1], phrase_stops))
		last++;
	skip_date(s, dates, &last);
	if (last < first)
		return false;
	/* "Officials, however, said the GRU was behind it" is no speaker */
	for (size_t i = first; i <= last; i++)
		if ((is_verb_filler(s, i) && !capitalised(s, i)) || covered(s, LEX_ACTOR, i))
			return false;
	out->first = first;
	out->last = out->name_last = last;
	/* "said Oded Vanunu, head of research at Check Point" */
	if (name_word(s, last) && last + 2 < s->words.n && s->clause[last + 1] != clause &&
	    gap_has(s, last + 1, ',')) {
		size_t k = last + 1, end = k;
		bool role = false;
		while (end + 1 < s->words.n && s->clause[end + 1] == s->clause[k] && end - k < CLAIMANT_WORDS)
			end++;
		for (size_t i = k; i <= end && i < k + 4; i++)
			role |= IN_TABLE(s->folded[i], person_titles) || IN_TABLE(s->folded[i], org_nouns);
		if (role && !capitalised(s, k))
			out->last = end;
	}
	return true;
}

/* Within 4 words of the clause that starts at word k: a role ("a
 * provider of email", "chief scientist at AlienVault"). */
static name_kind appositive(const sentence *s, size_t k)
{
	for (size_t i = k; i < s->words.n && i < k + 4 && s->clause[i] == s->clause[k]; i++) {
		if (IN_TABLE(s->folded[i], person_titles))
			return KIND_PERSON;
		if (IN_TABLE(s->folded[i], org_nouns))
			return KIND_ORG;
	}
	return KIND_NONE;
}

/* At most this many words follow a closing "..., the firm said", and
 * a closing "..., said X, role at Y". */
#define CLOSING_TAIL 5
#define CLOSING_APPOSITIVE 16

/* true when a reporting verb closes the sentence: "..., the firm said",
 * "...," Jaime Blasco, chief scientist at AlienVault, said in an email. */
static bool closing(const sentence *s, const lex_hit *rep)
{
	return s->words.n - rep->last <= CLOSING_TAIL + 1 && rep->first > 0 &&
	       (gap_has(s, rep->first, ',') || s->clause[rep->first - 1] == s->clause[rep->first]);
}

/* "Facebook's API": a name ends at its possessive. */
static bool possessive(const char *w)
{
	size_t n = strlen(w);
	return (n > 2 && strcmp(w + n - 2, "'s") == 0) || (n > 4 && strcmp(w + n - 4, "\xE2\x80\x99s") == 0);
}

/* The end of the name run that begins at word i (name words and their
 * links, in one clause). */
static size_t run_end(const sentence *s, size_t i)
{
	size_t j = i;
	while (j + 1 < s->words.n && s->clause[j + 1] == s->clause[i] && j - i < CLAIMANT_WORDS &&
	       !possessive(s->folded[j])) {
		if (name_word(s, j + 1))
			j++;
		else if (j + 2 < s->words.n && IN_TABLE(s->folded[j + 1], name_links) &&
			 name_word(s, j + 2) && s->clause[j + 2] == s->clause[i])
			j += 2;
		else
			break;
	}
	return j;
}

/* true when an event cue covers word i. */
static bool cue_word(const sentence *s, size_t i)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls < INCLINE_EVENT_TYPE_COUNT && s->hits[h].first <= i && i <= s->hits[h].last)
			return true;
	return false;
}

/* true when word i is no noun a claimant could end in: an auxiliary or
 * a participle ("has been attributed links with": "links" is a noun). */
static bool verb_like(const sentence *s, size_t i)
{
	const char *w = s->folded[i];
	size_t n = strlen(w);
	return IN_TABLE(w, verb_fillers) || (!capitalised(s, i) && n > 3 && strcmp(w + n - 2, "ed") == 0);
}

/* true when "if", "unless" or "whether" opens the clause of word w
 * before it. */
static bool conditional(const sentence *s, size_t w)
{
	static const char *const ifs[] = {"if", "unless", "whether"};
	for (size_t i = w; i > 0 && w - i < 3 && s->clause[i - 1] == s->clause[w]; i--)
		if (IN_TABLE(s->folded[i - 1], ifs))
			return true;
	return false;
}

/* The subject that opens the clause of word w, when it is a name ("the
 * FBI", "Kaspersky Lab") or a definite noun ("the ministry") standing
 * before w. */
static bool clause_subject(const sentence *s, size_t w, claimant_at *out)
{
	size_t cs = w, i, e;
	while (cs > 0 && s->clause[cs - 1] == s->clause[w])
		cs--;
	i = cs < w && strcmp(s->folded[cs], "the") == 0 ? cs + 1 : cs;
	if (i >= w)
		return false;
	if (name_word(s, i))
		e = run_end(s, i);
	else if (i > cs && !capitalised(s, i) && !is_verb_filler(s, i) &&
		 !IN_TABLE(s->folded[i], phrase_stops) && i + 1 < w && !covered(s, LEX_REPORT, i))
		e = i; /* "the ministry" */
	else
		return false;
	if (e >= w)
		return false;
	*out = (claimant_at){cs, e, e};
	return true;
}

/* Who says so in this sentence: "according to X", the subject of a
 * reporting verb ("the FBI said"), the agent of a passive one ("was
 * attributed to Sofacy by researchers") or the speaker named after a
 * quotation. false when nobody is named. */
static bool find_claimant(const sentence *s, const lex_hit *cue, const incline_timex_list *dates,
			  claimant_at *out)
{
	/* "attackers linked to Iran": a participle, not a claim */
	static const char *const linking[] = {"linked", "tied", "traced", "attributed", "connected"};
	/* "is trying to take credit": the verb's subject is the trier's */
	static const char *const trying[] = {
		"trying", "tried", "attempting", "attempted", "seeking", "sought", "wants",
		"wanted", "appears", "appeared", "seems", "seemed", "went", "rushed",
	};
	const lex_hit *acc = find(s, LEX_ACCORDING, 0, s->words.n);

	if (acc && acc->last + 1 < s->words.n) {
		size_t first = acc->last + 1, last = first;
		while (last + 1 < s->words.n && last - first < 8 &&
		       s->clause[last + 1] == s->clause[first])
			last++;
		/* "according to a report published this week by ClearSky" */
		for (size_t i = first; i < last; i++)
			if (strcmp(s->folded[i], "by") == 0) {
				for (first = i + 1; last + 1 < s->words.n && last - first < 5 &&
				     s->clause[last + 1] == s->clause[first]; last++)
					;
				break;
			}
		if (last - first >= 6)
			last = first + 5;
		if (name_word(s, last)) /* "company ClearSky Cyber Security" */
			last = run_end(s, last);
		skip_date(s, dates, &last);
		if (last >= first) {
			*out = (claimant_at){first, last, last};
			return true;
		}
	}
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *rep = &s->hits[h];
		size_t last, first, agent;
		int clause;
		bool be = false, pronoun;
		/* "the gang has taken credit": who claims it says so */
		if (rep->cls != LEX_REPORT && rep->cls != LEX_DENY && rep->cls != LEX_SELF_CLAIM)
			continue;
		/* after the claim, only a closing "..., the firm said" tells
		 * who says so, not "revealing what it said were TUEs" */
		if (rep->first > cue->last && s->words.n - rep->last <= CLOSING_APPOSITIVE &&
		    after_verb(s, rep, dates, out))
			return true; /* "..., said Michael Gorelik, vice president of Morphisec." */
		if (rep->first > cue->last && s->clause[rep->first] != s->clause[cue->last] &&
		    !closing(s, rep) && !gap_quotes(s, rep->first))
			continue;
		if (after_verb(s, rep, dates, out))
			return true;
		if (rep->first == 0)
			continue;
		/* "those claims", "the namespace attribute": nouns, not verbs */
		if (rep->cls == LEX_REPORT && (IN_TABLE(s->folded[rep->first - 1], determiners) ||
					       (strcmp(s->folded[rep->first], "attribute") == 0 &&
						!is_verb_filler(s, rep->first - 1) &&
						!is_claimant_pronoun(s->folded[rep->first - 1]) &&
						!IN_TABLE(s->folded[rep->first - 1], phrase_stops))))
			continue;
		if (rep->cls == LEX_REPORT && rep->last + 1 < s->words.n &&
		    strcmp(s->folded[rep->last + 1], "to") == 0 && IN_TABLE(s->folded[rep->first], linking)) {
			/* "a campaign allegedly attributed to APT10", "a
			 * technique never attributed to any group" */
			size_t p = rep->first - 1;
			while (p > 0 && is_adverb(s, p))
				p--;
			if (!is_verb_filler(s, p) && !is_claimant_pronoun(s->folded[p]))
				continue;
		}
		last = rep->first - 1;
		clause = s->clause[rep->first];
		for (;;) {
			if (last > 1 && strcmp(s->folded[last], "to") == 0 && s->clause[last - 1] == clause &&
			    IN_TABLE(s->folded[last - 1], trying)) {
				last -= 2;
				continue;
			}
			if (last > 0 && s->clause[last - 1] == clause && is_verb_filler(s, last)) {
				be |= is_be(s->folded[last]);
				last--;
				continue;
			}
			break;
		}
		be |= is_be(s->folded[last]);
		if (be && participle(s->folded[rep->first])) {
			/* "was attributed to Sofacy by researchers"; "they were
			 * said to be behind it" names nobody */
			if (!(agent = passive_agent(s, rep)))
				continue;
			for (last = agent; last + 1 < s->words.n && last - agent < 5 &&
			     s->clause[last + 1] == clause && !IN_TABLE(s->folded[last + 1], phrase_stops);
			     last++)
				;
			skip_date(s, dates, &last);
			*out = (claimant_at){agent, last, last};
			return true;
		}
		if (is_be(s->folded[last]) || is_verb_filler(s, last))
			continue;
		/* "The hackers, who claimed responsibility, ...": the subject
		 * stands before the relative pronoun */
		if (last > 0 && is_relative(s->folded[last])) {
			last--;
			clause = s->clause[last];
		}
		skip_parenthesis(s, &last, &clause);
		/* "Mailinator, a provider of email, denied": the verb's clause
		 * starts after an appositive */
		if (s->clause[last] != clause && gap_has(s, rep->first, ',') &&
		    rep->first == last + 1) {
			size_t ap = phrase_start(s, last);
			while (ap > 0 && s->clause[ap - 1] == s->clause[last])
				ap--;
			if (ap > 0 && gap_has(s, ap, ',') && name_word(s, ap - 1)) {
				size_t name = phrase_start(s, ap - 1);
				/* "Kevin Beaumont, who found the flaw, said" */
				if (strcmp(s->folded[ap], "who") == 0) {
					*out = (claimant_at){name, ap - 1, ap - 1};
					return true;
				}
				if (appositive(s, ap) != KIND_NONE) {
					*out = (claimant_at){name, last, ap - 1};
					return true;
				}
			}
		}
		/* "The FBI investigated the breach and blamed North Korea": the
		 * verb after "and" shares the clause's subject */
		if (strcmp(s->folded[last], "and") == 0 && s->clause[last] == clause &&
		    clause_subject(s, last, out))
			return true;
		skip_date(s, dates, &last);
		pronoun = is_claimant_pronoun(s->folded[last]);
		if (s->clause[last] != clause || is_coordinator(s->folded[last]) ||
		    (IN_TABLE(s->folded[last], phrase_stops) && !pronoun))
			continue;
		first = pronoun ? last : phrase_start(s, last);
		/* "### Attribution Proofpoint attributes ...": a heading's cue
		 * word is not part of the name */
		while (first < last && cue_word(s, first))
			first++;
		/* "the engineer responsible for reporting the security flaw
		 * says": a flaw or an attack says nothing; "if their DNS
		 * linked back to Google" is no claim */
		if (!pronoun && (covered(s, LEX_FLAW, last) || covered(s, INCLINE_EVENT_INTRUSION, last) ||
				 conditional(s, first) || verb_like(s, last)))
			continue;
		/* "APT10 is a group presumably attributed to China": a
		 * participle after a predicate noun, nobody's claim */
		if (first > 0 && is_be(s->folded[first - 1]) && IN_TABLE(s->folded[first], indefinite))
			continue;
		*out = (claimant_at){first, last, last};
		/* "Jaime Blasco, chief scientist at AlienVault, said": the
		 * name before an appositive is who speaks */
		if (!name_word(s, first) && first > 0 && s->clause[first - 1] != s->clause[first] &&
		    gap_has(s, first, ',') && name_word(s, first - 1) && appositive(s, first) != KIND_NONE) {
			size_t name = phrase_start(s, first - 1);
			if (first - name <= 4 && (name == 0 || s->clause[name - 1] != s->clause[name] ||
						  gap_quotes(s, name))) {
				out->first = name;
				out->name_last = first - 1;
			}
		}
		return true;
	}
	return false;
}

/* ---- who a pronoun or a definite noun stands for ---- */

/* What a claimant of one or few words stands for: a pronoun ("he"), a
 * definite noun ("the company", "the security firm"); KIND_NONE when it
 * names somebody itself. */
static name_kind stands_for(const sentence *s, const claimant_at *c)
{
	const char *head = s->folded[c->last];
	if (c->first == c->last) {
		for (size_t i = 0; i < sizeof claimant_pronouns / sizeof *claimant_pronouns; i++)
			if (strcmp(head, claimant_pronouns[i].word) == 0)
				return claimant_pronouns[i].kind;
		return KIND_NONE;
	}
	if (c->last - c->first > 2 || (strcmp(s->folded[c->first], "the") && strcmp(s->folded[c->first], "this")))
		return KIND_NONE;
	for (size_t i = c->first + 1; i <= c->last; i++)
		if (capitalised(s, i))
			return KIND_NONE; /* "the ESET researchers" names them */
	for (size_t i = 0; i < sizeof definite_nouns / sizeof *definite_nouns; i++)
		if (strcmp(head, definite_nouns[i].noun) == 0)
			return definite_nouns[i].kind;
	return KIND_NONE;
}

/* One name found in a sentence, and what it names. */
typedef struct named_at {
	size_t first, last;
	name_kind kind;
} named_at;


/* What the name run first..last names, from the words in and around it. */
static name_kind run_kind(const sentence *s, size_t first, size_t last, const claim_memory *m)
{
	size_t n = 0;
	bool report_after = last + 1 < s->words.n &&
			    (covered(s, LEX_REPORT, last + 1) || covered(s, LEX_DENY, last + 1));
	/* "Kaspersky published", "Equifax confirmed": a subject */
	bool verb_after = report_after ||
			  (last + 1 < s->words.n && !capitalised(s, last + 1) &&
			   s->clause[last + 1] == s->clause[last] && strlen(s->folded[last + 1]) > 3 &&
			   strcmp(s->folded[last + 1] + strlen(s->folded[last + 1]) - 2, "ed") == 0);
	for (size_t i = first; i <= last; i++) {
		if (IN_TABLE(s->folded[i], person_titles))
			return KIND_PERSON;
		/* "the FBI", "the NCSC said", not "Facebook's API system" */
		if (IN_TABLE(s->folded[i], org_words) ||
		    (acronym(s, i) && (report_after ||
				       (first > 0 && strcmp(s->folded[first - 1], "the") == 0))))
			return KIND_ORG;
		n += name_word(s, i);
	}
	if (first > 0 && !capitalised(s, first - 1)) {
		if (IN_TABLE(s->folded[first - 1], person_titles))
			return KIND_PERSON;
		if (IN_TABLE(s->folded[first - 1], org_nouns))
			return KIND_ORG;
	}
	if (last + 1 < s->words.n && !capitalised(s, last + 1) && s->clause[last + 1] == s->clause[last] &&
	    IN_TABLE(s->folded[last + 1], person_titles))
		return KIND_ORG; /* "a Context spokesperson" */
	if (last + 2 < s->words.n && s->clause[last + 1] != s->clause[last] && gap_has(s, last + 1, ',') &&
	    !capitalised(s, last + 1)) {
		name_kind k = appositive(s, last + 1);
		if (k != KIND_NONE)
			return k;
	}
	if (report_after && n >= 2 && n <= 3)
		return KIND_PERSON; /* "Jaime Blasco said" */
	if (verb_after && n == 1) {
		/* "Bossert wrote": the surname of the person named before */
		const char *p = recall(m, KIND_PERSON, NULL), *sp;
		size_t len = s->words.items[last].end - s->words.items[last].start;
		if (p && (sp = strrchr(p, ' ')) && strlen(sp + 1) == len &&
		    strncmp(sp + 1, at(s, s->words.items[last].start), len) == 0)
			return KIND_PERSON;
		return KIND_ORG; /* "Kaspersky said" */
	}
	return KIND_NONE;
}

/* Calls back with every name of words [0, upto) and its kind, in order:
 * names of people, organisations, and groups of people ("researchers at
 * PwC, BAE Systems and the NCSC", "ESET researchers"). */
static int each_name(const sentence *s, size_t upto, const claim_memory *m,
		     int (*fn)(void *arg, const sentence *s, const named_at *n), void *arg)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < upto; i++) {
		if (IN_TABLE(s->folded[i], people_nouns) && i + 2 < upto &&
		    s->clause[i + 1] == s->clause[i] && (strcmp(s->folded[i + 1], "at") == 0 ||
							 strcmp(s->folded[i + 1], "from") == 0) &&
		    name_word(s, i + 2)) {
			/* "security researchers at PwC, BAE Systems, and the NCSC" */
			size_t first = i > 0 && s->clause[i - 1] == s->clause[i] && !capitalised(s, i - 1) &&
					       !IN_TABLE(s->folded[i - 1], phrase_stops) &&
					       !IN_TABLE(s->folded[i - 1], determiners) ? i - 1 : i;
			size_t last = run_end(s, i + 2), j;
			for (;;) {
				bool joined;
				j = last + 1;
				joined = j < upto && (gap_has(s, j, ',') || possessive(s->folded[last]));
				if (j < upto && strcmp(s->folded[j], "and") == 0) {
					j++;
					joined = true;
				}
				if (j < upto && strcmp(s->folded[j], "the") == 0)
					j++;
				if (!joined || j >= upto || !name_word(s, j))
					break;
				last = run_end(s, j);
			}
			rc = fn(arg, s, &(named_at){first, last, KIND_PEOPLE});
			i = last;
			continue;
		}
		if (!name_word(s, i) || covered(s, LEX_ACTOR, i))
			continue; /* an actor is recalled as such (remember_names) */
		size_t last = run_end(s, i);
		/* "the Court" names the court told of before again */
		if (last == i && i > 0 && IN_TABLE(s->folded[i], org_words) &&
		    IN_TABLE(s->folded[i - 1], determiners))
			continue;
		name_kind k = run_kind(s, i, last, m);
		if (last + 1 < upto && s->clause[last + 1] == s->clause[last] &&
		    IN_TABLE(s->folded[last + 1], people_nouns) && !capitalised(s, last + 1)) {
			rc = fn(arg, s, &(named_at){i, last + 1, KIND_PEOPLE}); /* "ESET researchers" */
			i = last + 1;
			continue;
		}
		if (k != KIND_NONE)
			rc = fn(arg, s, &(named_at){i, last, k});
		i = last;
	}
	return rc;
}

/* The last name of a kind before a pronoun, in its own sentence: "Google
 * and Lookout disclosed the spyware, which they suspect comes from...". */
typedef struct nearest {
	name_kind want;
	named_at found;
	bool any;
} nearest;

static bool kind_fits(name_kind want, name_kind k)
{
	return want == k || (want == KIND_ANY && (k == KIND_ORG || k == KIND_PEOPLE));
}

static int take_nearest(void *arg, const sentence *s, const named_at *n)
{
	nearest *r = arg;
	(void)s;
	if (kind_fits(r->want, n->kind)) {
		r->found = *n;
		r->any = true;
	}
	return 0;
}

/* "Google and security firm Lookout": names joined by "and" are one
 * claimant. Moves first back over "X and [descriptors]". */
static size_t joined_names(const sentence *s, size_t first)
{
	size_t i = first;
	while (i > 0 && i + 3 > first && !capitalised(s, i - 1) && IN_TABLE(s->folded[i - 1], org_nouns) == false &&
	       strcmp(s->folded[i - 1], "and") && s->clause[i - 1] == s->clause[first] &&
	       !IN_TABLE(s->folded[i - 1], phrase_stops) && !IN_TABLE(s->folded[i - 1], determiners))
		i--;
	while (i > 0 && IN_TABLE(s->folded[i - 1], org_nouns) && s->clause[i - 1] == s->clause[first])
		i--;
	while (i > 0 && !capitalised(s, i - 1) && i + 3 > first && s->clause[i - 1] == s->clause[first] &&
	       strcmp(s->folded[i - 1], "and") && !IN_TABLE(s->folded[i - 1], phrase_stops) &&
	       !IN_TABLE(s->folded[i - 1], determiners))
		i--;
	if (i >= 2 && strcmp(s->folded[i - 1], "and") == 0 && name_word(s, i - 2) &&
	    s->clause[i - 2] == s->clause[first])
		return phrase_start(s, i - 2);
	return first;
}

/* The claimant a pronoun or definite noun stands for: a name of the right
 * kind earlier in the sentence, else the last one the article named.
 * *text is NULL when none is known (or with *nomem set). */
static char *resolve(const sentence *s, const claimant_at *c, name_kind k, const claim_memory *m,
		     bool *nomem)
{
	char *who = NULL;
	const char *p;
	if (k == KIND_ACTOR)
		return NULL; /* the actor, not a claimant: see fill_claim */
	if (c->first > 0 && k != KIND_PERSON && c->first == c->last) {
		nearest r = {k, {0, 0, KIND_NONE}, false};
		each_name(s, c->first, m, take_nearest, &r);
		if (r.any) {
			size_t first = r.found.kind == KIND_ORG ? joined_names(s, r.found.first) : r.found.first;
			*nomem = !(who = words_text(s, first, r.found.last));
			return who;
		}
	}
	if ((p = recall(m, k, c->first == c->last ? NULL : s->folded[c->last])))
		*nomem = !(who = strdup(p));
	else if (c->first < c->last) /* "the ministry", told of first here */
		*nomem = !(who = words_text(s, c->first, c->last));
	return who;
}

/* Remembers the names of the sentence, the last of each kind. */
static int remember_one(void *arg, const sentence *s, const named_at *n)
{
	claim_memory *m = arg;
	char *t;
	size_t i = m->n % CLAIM_MEMORY;
	if (n->kind >= KIND_ACTOR)
		return 0;
	if (!(t = words_text(s, n->first, n->last)))
		return INCLINE_ENOMEM;
	free(m->name[i]);
	m->name[i] = t;
	m->kind[i] = n->kind;
	m->n++;
	return 0;
}

/* After a sentence: the names it told, for the sentences after it. */
static int remember_names(claim_memory *m, const sentence *s)
{
	const char *actor = NULL;
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == LEX_ACTOR)
			actor = s->hits[h].actor;
	if (actor && (!m->actor || strcmp(actor, m->actor))) {
		free(m->actor);
		if (!(m->actor = strdup(actor)))
			return INCLINE_ENOMEM;
	}
	return each_name(s, s->words.n, m, remember_one, m);
}

/* How many earlier sentences of an article a claim looks back on. */
#define CLAIM_CONTEXT 16

/* The spans of an article's last CLAIM_CONTEXT sentences, in a ring: a
 * pronoun's name is looked for in them only when a claim needs it, so
 * the sentences without one cost nothing. */
typedef struct claim_context {
	incline_span spans[CLAIM_CONTEXT];
	size_t n; /* sentences seen; the last is spans[(n - 1) % CLAIM_CONTEXT] */
} claim_context;

static void remember_sentence(claim_context *cx, const sentence *s)
{
	cx->spans[cx->n++ % CLAIM_CONTEXT] = s->span;
}

/* What the earlier sentences of s's article named, read again in order. */
static int recall_names(claim_memory *m, incline_extractor *x, const claim_context *cx,
			const sentence *s)
{
	sentence t = {0};
	int rc = 0;
	t.bytes = s->bytes;
	t.base = s->base;
	for (size_t i = cx->n > CLAIM_CONTEXT ? cx->n - CLAIM_CONTEXT : 0; !rc && i < cx->n; i++) {
		t.span = cx->spans[i % CLAIM_CONTEXT];
		if (!(rc = analyse(&t, x)))
			rc = remember_names(m, &t);
	}
	sentence_free(&t);
	return rc;
}

/* ---- stance ---- */

/* "Researchers said Sandworm was not behind the outage": the named actor,
 * then a plain negation of the cue in its clause, is a denial. Not when
 * the negation is a refusal to tell ("would not say whether Russia was
 * behind it"): then the actor follows the negation, or it is in scope of
 * a refusal, or a modal leaves it open. */
static bool denied_by_negation(const sentence *s, const lex_hit *cue)
{
	const lex_hit *actor = find(s, LEX_ACTOR, 0, s->words.n);
	size_t from = cue->first > NEGATION_REACH ? cue->first - NEGATION_REACH : 0;

	if (!actor || find(s, LEX_MODAL, 0, s->words.n))
		return false;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *n = &s->hits[h];
		if (n->cls == LEX_NEGATION && n->first >= from && n->first <= cue->last &&
		    actor->last < n->first && s->clause[n->first] == s->clause[cue->first] &&
		    !covered(s, LEX_NEG_SCOPE, n->first))
			return true;
	}
	return false;
}

/* "I don't believe they are behind this": a belief denied about an actor
 * is a denial, as "X was not behind it" is. */
static bool disbelieved(const sentence *s, const lex_hit *cue)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *n = &s->hits[h];
		if (n->cls != LEX_NEGATION || n->first >= cue->first || covered(s, LEX_NEG_SCOPE, n->first))
			continue;
		for (size_t i = n->last + 1; i < n->last + 3 && i < cue->first; i++)
			if (strcmp(s->folded[i], "believe") == 0 || strcmp(s->folded[i], "think") == 0)
				return true;
	}
	return false;
}

static incline_stance stance_of(const sentence *s, const lex_hit *cue, const char *actor)
{
	if (actor && (find(s, LEX_DENY, 0, s->words.n) || denied_by_negation(s, cue) ||
		      disbelieved(s, cue)))
		return INCLINE_STANCE_DENIED;
	if (!actor || negated(s, cue, true))
		return INCLINE_STANCE_UNATTRIBUTED;
	if (hedged(s, cue) || find(s, LEX_MODAL, 0, s->words.n))
		return INCLINE_STANCE_SUSPECTED;
	return INCLINE_STANCE_ASSERTED;
}

/* "a hacker group going by the pseudonym "Bozkurt Hackers"", "a group
 * called CyberBerkut", "a hacker who goes by IShAkDz": the name an
 * unlisted actor is given. Returns its first word, and its last in *last;
 * 0 with *last = 0 when there is none. */
static size_t given_name(const sentence *s, size_t *last)
{
	static const char *const naming[] = {
		"called", "named", "dubbed", "nicknamed", "known", "pseudonym", "moniker",
		"handle", "name", "goes", "going", "calls", "calling", "identifying",
	};
	static const char *const skip[] = {"as", "by", "the", "itself", "himself", "herself", "themselves", "a"};
	/* who is named: not malware or a flaw ("ransomware dubbed Locky") */
	static const char *const actor_nouns[] = {
		"group", "gang", "hacker", "hackers", "actor", "actors", "crew", "collective",
		"user", "account", "team", "hacktivist", "hacktivists", "outfit", "persona",
		"individual", "someone", "person",
	};
	*last = 0;
	for (size_t i = 1; i + 1 < s->words.n; i++) {
		size_t j = i + 1;
		bool actor = false;
		if (!IN_TABLE(s->folded[i], naming) || capitalised(s, i))
			continue;
		for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
			actor |= IN_TABLE(s->folded[k], actor_nouns);
		while (j < s->words.n && j < i + 4 && IN_TABLE(s->folded[j], skip) && !capitalised(s, j))
			j++;
		if (!actor || j >= s->words.n || (!capitalised(s, j) && !gap_has(s, j, '@')))
			continue;
		*last = run_end(s, j);
		return j;
	}
	return 0;
}

/* "The group that claimed responsibility, CyberBerkut, is...": a name
 * set off by commas after the clause of word w. Returns its first word
 * and its last in *last; 0 when there is none. */
static size_t apposed_name(const sentence *s, size_t w, size_t *last)
{
	size_t i = w + 1;
	while (i < s->words.n && s->clause[i] == s->clause[w] && i < w + 8)
		i++;
	if (i >= s->words.n || s->clause[i] == s->clause[w] || !gap_has(s, i, ',') || !name_word(s, i))
		return 0;
	*last = run_end(s, i);
	if (*last + 1 < s->words.n && s->clause[*last + 1] == s->clause[i])
		return 0;
	return i;
}

/* true when the subject of an attribution cue is a pronoun or a
 * definite actor noun: "they were behind it", "I don't believe they are
 * behind this", "the group was responsible". The actor is then the one
 * the article named last. */
static bool actor_told_again(const sentence *s, const lex_hit *cue)
{
	static const char *const between[] = {
		"to", "be", "said", "believed", "thought", "suspected", "alleged", "likely",
		"reportedly", "allegedly", "apparently",
	};
	size_t i = cue->first;
	while (i > 0 && cue->first - i < 6 && s->clause[i - 1] == s->clause[cue->first] &&
	       (is_verb_filler(s, i - 1) || IN_TABLE(s->folded[i - 1], between)))
		i--;
	if (i == 0 || i == cue->first || s->clause[i - 1] != s->clause[cue->first])
		return false;
	if (strcmp(s->folded[i - 1], "they") == 0 || strcmp(s->folded[i - 1], "it") == 0)
		return true;
	if (i >= 2 && strcmp(s->folded[i - 2], "the") == 0)
		for (size_t k = 0; k < sizeof definite_nouns / sizeof *definite_nouns; k++)
			if (definite_nouns[k].kind == KIND_ACTOR && strcmp(s->folded[i - 1], definite_nouns[k].noun) == 0)
				return true;
	return false;
}

/* true when an attribution cue without a listed actor still makes a
 * claim about somebody: an actor given a name ("a group called
 * CyberBerkut") or a denial ("Mailinator denied any involvement"). */
static bool claim_named(const sentence *s)
{
	size_t last;
	return find(s, LEX_DENY, 0, s->words.n) || given_name(s, &last);
}

/* ---- events ---- */

typedef struct article_ctx {
	incline_extractor *x;
	const incline_article *a;
	incline_timeline *out;
	const incline_timex_list *dates;
	size_t first_date;          /* first expression not before the sentence */
	const incline_timex *carry; /* the previous sentence's own date */
	size_t prev_end;            /* end of the previous sentence */
	bool flaw_before;           /* the previous sentence named a flaw */
	size_t first_event;         /* out->events[first_event..] are this article's */
	size_t pending;             /* a named-again intrusion told before its
				       story ("the hacker attack" in a headline),
				       or SIZE_MAX */
	size_t n_sentences;         /* sentences of the article so far */
	claim_context names;        /* earlier sentences, for claims */
} article_ctx;

static int add_actors(incline_event *ev, const sentence *s)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == LEX_ACTOR && incline_event_add_actor(ev, s->hits[h].actor))
			return INCLINE_ENOMEM;
	return 0;
}

static int fill_evidence(incline_evidence *e, const article_ctx *c, const sentence *s)
{
	const incline_article *a = c->a;
	memset(e, 0, sizeof *e);
	e->article = strdup(a->id);
	e->source = a->source ? strdup(a->source) : NULL;
	e->url = a->url ? strdup(a->url) : NULL;
	e->published = a->published;
	e->start = s->span.start;
	e->end = s->span.end;
	e->quote = strndup(at(s, s->span.start), s->span.end - s->span.start);
	return e->article && e->quote && (e->source || !a->source) && (e->url || !a->url)
		       ? 0 : INCLINE_ENOMEM;
}

static int fill_claim_from(incline_claim *cl, const claim_memory *m, const sentence *s,
			   const lex_hit *cue, const lex_hit *actor, const claimant_at *at_,
			   name_kind k, bool self, size_t given, size_t given_last);

/* The claim of an attribution sentence: the actor (the alias table, else
 * a name the text gives it, else the one named last when "they" or "the
 * group" is said to be behind it), who says so (a pronoun or a definite
 * "the company" stands for the name the article gave before), and how
 * sure they are. */
static int fill_claim(incline_claim *cl, const article_ctx *c, const sentence *s,
		      const lex_hit *cue)
{
	claim_memory mem = {0}, *m = &mem;
	const lex_hit *actor = find(s, LEX_ACTOR, 0, s->words.n);
	claimant_at who = {0, 0, 0};
	bool self = find(s, LEX_SELF_CLAIM, 0, s->words.n) && !negated(s, cue, true);
	name_kind k = KIND_NONE;
	size_t given_last, given = given_name(s, &given_last);
	bool found = find_claimant(s, cue, c->dates, &who);
	int rc;

	if (found)
		k = stands_for(s, &who);
	/* the earlier sentences are read again only when a claim needs them */
	if ((k != KIND_NONE || (!actor && actor_told_again(s, cue))) &&
	    (rc = recall_names(m, c->x, &c->names, s))) {
		claim_memory_clear(m);
		return rc;
	}
	rc = fill_claim_from(cl, m, s, cue, actor, found ? &who : NULL, k, self, given, given_last);
	claim_memory_clear(m);
	return rc;
}

/* fill_claim, with the earlier names m read already. */
static int fill_claim_from(incline_claim *cl, const claim_memory *m, const sentence *s,
			   const lex_hit *cue, const lex_hit *actor, const claimant_at *at_,
			   name_kind k, bool self, size_t given, size_t given_last)
{
	claimant_at who = at_ ? *at_ : (claimant_at){0, 0, 0};
	bool nomem = false;

	cl->actor = actor ? strdup(actor->actor) : NULL;
	if (actor && !cl->actor)
		return INCLINE_ENOMEM;
	if (at_) {
		if (k == KIND_NONE || k == KIND_ACTOR)
			nomem = !(cl->claimant = words_text(s, who.first, who.last));
		else
			cl->claimant = resolve(s, &who, k, m, &nomem);
	}
	if (nomem)
		return INCLINE_ENOMEM;
	if (!cl->actor && given) {
		/* "a group called CyberBerkut", "a hacker who goes by X" */
		if (!(cl->actor = words_text(s, given, given_last)))
			return INCLINE_ENOMEM;
	} else if (!cl->actor && self && k == KIND_ACTOR &&
		   (given = apposed_name(s, find(s, LEX_SELF_CLAIM, 0, s->words.n)->last, &given_last))) {
		/* "The group that claimed responsibility, CyberBerkut, ..." */
		free(cl->claimant);
		cl->claimant = NULL; /* incline_claim_clear frees it on failure */
		if (!(cl->actor = words_text(s, given, given_last)) || !(cl->claimant = strdup(cl->actor)))
			return INCLINE_ENOMEM;
	} else if (!cl->actor && self && k == KIND_ACTOR && m->actor) {
		/* "LockBit hit ACME. The group claimed responsibility." */
		free(cl->claimant);
		cl->claimant = NULL; /* incline_claim_clear frees it on failure */
		if (!(cl->actor = strdup(m->actor)) || !(cl->claimant = strdup(m->actor)))
			return INCLINE_ENOMEM;
	} else if (!cl->actor && cl->claimant && k == KIND_NONE &&
		   (self || find(s, LEX_DENY, 0, s->words.n))) {
		/* "the group claimed responsibility", "Mailinator denied any
		 * involvement": whoever claims or denies it is the actor,
		 * even when the alias table does not know the name */
		if (!(cl->actor = words_text(s, who.first, who.name_last)))
			return INCLINE_ENOMEM;
	} else if (!cl->actor && k == KIND_ACTOR && cl->claimant &&
		   (self || find(s, LEX_DENY, 0, s->words.n))) {
		/* "the group claimed responsibility", told of first here */
		if (!(cl->actor = strdup(cl->claimant)))
			return INCLINE_ENOMEM;
	} else if (!cl->actor && m->actor && actor_told_again(s, cue)) {
		if (!(cl->actor = strdup(m->actor)))
			return INCLINE_ENOMEM;
	}
	cl->stance = stance_of(s, cue, cl->actor);
	return 0;
}

static int emit_event(article_ctx *c, const sentence *s, incline_event_type t,
		      const lex_hit *cue, chosen_date when)
{
	incline_event ev = {0};
	incline_evidence e;
	int rc = fill_evidence(&e, c, s);

	if (!rc)
		rc = set_when(&e.when, c->a, when.timex, when.upper_bound_only);
	if (!rc && t == INCLINE_EVENT_ATTRIBUTION)
		rc = fill_claim(&e.claim, c, s, cue);
	if (hedged(s, cue))
		e.flags |= INCLINE_EVIDENCE_HEDGED;
	ev.type = t;
	ev.first_reported = e.published;
	ev.n_sources = 1;
	ev.flags = e.flags & INCLINE_EVIDENCE_HEDGED ? INCLINE_EVENT_HEDGED : 0;
	if (!rc)
		rc = incline_when_copy(&ev.when, &e.when);
	if (!rc)
		rc = incline_claim_copy(&ev.claim, &e.claim);
	if (!rc && !(ev.summary = strdup(e.quote)))
		rc = INCLINE_ENOMEM;
	/* e moves into the event (incline_event_add_evidence would copy
	 * every string of it and free the originals). */
	if (!rc && !(ev.evidence = malloc(sizeof *ev.evidence)))
		rc = INCLINE_ENOMEM;
	if (!rc) {
		ev.evidence[0] = e;
		ev.n_evidence = ev.cap_evidence = 1;
		memset(&e, 0, sizeof e);
		rc = add_actors(&ev, s);
	}
	incline_evidence_clear(&e);
	if (rc) {
		incline_event_clear(&ev);
		return rc;
	}
	incline_event_assign_id(&ev);
	return incline_timeline_take(c->out, &ev);
}

/* The first intrusion cue that a claim is about ("behind the attack"). */
static const lex_hit *claimed_intrusion(const sentence *s)
{
	for (size_t h = 0; h < s->n_hits; h++)
		if (s->hits[h].cls == INCLINE_EVENT_INTRUSION && claimed_object(s, &s->hits[h]))
			return &s->hits[h];
	return NULL;
}

/* Gives each piece of evidence of ev its own actors, as a merged event
 * has them: the event's list stops being one sentence's. */
static int own_actors(incline_evidence *e, const incline_event *ev, const sentence *s)
{
	int rc = 0;
	if (!s) {
		for (size_t i = 0; !rc && i < ev->n_actors; i++)
			rc = incline_evidence_add_actor(e, ev->actors[i]);
		return rc;
	}
	for (size_t h = 0; !rc && h < s->n_hits; h++)
		if (s->hits[h].cls == LEX_ACTOR)
			rc = incline_evidence_add_actor(e, s->hits[h].actor);
	return rc;
}

/* "ACME was hit on Monday. Officials said LockBit was behind the attack
 * on ACME.": the second sentence says who did the attack the article
 * already told of; it is more evidence for that intrusion, not another
 * one. So is a definite "the breach" in a sentence with no date of its
 * own ("declined to comment on the severity of the breach"): the article's
 * last intrusion is what it names again. *done is false when the article
 * has told of no intrusion yet: then this sentence is the first. */
static int add_to_told(article_ctx *c, const sentence *s, const lex_hit *cue, chosen_date d,
		       bool *done)
{
	incline_event *ev = NULL;
	incline_evidence e;
	int rc;

	*done = false;
	for (size_t i = c->out->n; !ev && i-- > c->first_event;)
		if (c->out->events[i].type == INCLINE_EVENT_INTRUSION)
			ev = &c->out->events[i];
	if (!ev)
		return 0;
	rc = fill_evidence(&e, c, s);
	if (!rc)
		rc = set_when(&e.when, c->a, d.timex, d.upper_bound_only);
	if (!rc)
		rc = own_actors(&e, ev, s);
	if (hedged(s, cue))
		e.flags |= INCLINE_EVIDENCE_HEDGED;
	/* the sentence that told of it: merge keeps the two together */
	e.about_start = ev->evidence[0].start;
	e.about_end = ev->evidence[0].end;
	if (!rc && ev->n_evidence == 1 && ev->evidence[0].n_actors == 0)
		rc = own_actors(&ev->evidence[0], ev, NULL);
	if (!rc)
		rc = incline_event_add_evidence(ev, &e);
	if (!rc)
		rc = add_actors(ev, s);
	incline_evidence_clear(&e);
	if (rc)
		return rc;
	ev->n_sources = 1;
	incline_event_assign_id(ev);
	*done = true;
	return 0;
}

/* Moves every piece of evidence of pending into ev; the first (the
 * pending event's own sentence) is about ev's sentence, the others are
 * about it already. */
static int move_evidence(incline_event *ev, const incline_event *pending)
{
	int rc = 0;
	for (size_t k = 0; !rc && k < pending->n_evidence; k++) {
		incline_evidence e;
		if ((rc = incline_evidence_copy(&e, &pending->evidence[k])))
			break;
		if (k == 0) {
			e.about_start = ev->evidence[0].start;
			e.about_end = ev->evidence[0].end;
		}
		if (pending->n_evidence == 1)
			for (size_t i = 0; !rc && e.n_actors == 0 && i < pending->n_actors; i++)
				rc = incline_evidence_add_actor(&e, pending->actors[i]);
		if (!rc)
			rc = incline_event_add_evidence(ev, &e);
		incline_evidence_clear(&e);
	}
	return rc;
}

/* A headline's "the hacker attack" names the story's attack before the
 * story tells it: when the article's next intrusion comes, the pending
 * event's sentences become its evidence (about it) and the pending event
 * goes. Called right after that intrusion was added at out->n - 1. */
static int fold_pending(article_ctx *c)
{
	incline_timeline *out = c->out;
	incline_event *pending = &out->events[c->pending], *ev = &out->events[out->n - 1];
	int rc = 0;

	if (ev->n_evidence == 1 && ev->evidence[0].n_actors == 0)
		rc = own_actors(&ev->evidence[0], ev, NULL);
	if (!rc)
		rc = move_evidence(ev, pending);
	for (size_t i = 0; !rc && i < pending->n_actors; i++)
		rc = incline_event_add_actor(ev, pending->actors[i]);
	if (rc)
		return rc;
	incline_event_assign_id(ev);
	incline_event_clear(pending);
	memmove(pending, pending + 1, (out->n - c->pending - 1) * sizeof *pending);
	out->n--;
	c->pending = SIZE_MAX;
	return 0;
}

static bool same_start(const lex_hit *a, const lex_hit *b)
{
	return a && b && a->first == b->first;
}

/* Which types this sentence reports, after the rules that let one cue
 * stand for another ("discovered a flaw" is a vulnerability, not a
 * detection; "disclosed a bug" and "a flaw affecting routers" are a
 * vulnerability, not a disclosure or an impact of the incident). */
static void pick_types(const sentence *s, const lex_hit *cues[INCLINE_EVENT_TYPE_COUNT],
		       bool flaw_before)
{
	for (int t = 0; t < INCLINE_EVENT_TYPE_COUNT; t++)
		cues[t] = standing_cue(s, (incline_event_type)t);
	if (!cues[INCLINE_EVENT_VULNERABILITY])
		cues[INCLINE_EVENT_VULNERABILITY] = flaw_cue(s, flaw_before);
	if (cues[INCLINE_EVENT_VULNERABILITY]) {
		cues[INCLINE_EVENT_DETECTION] = NULL;
		if (same_start(cues[INCLINE_EVENT_VULNERABILITY], cues[INCLINE_EVENT_DISCLOSURE]))
			cues[INCLINE_EVENT_DISCLOSURE] = NULL;
		if (same_start(cues[INCLINE_EVENT_VULNERABILITY], cues[INCLINE_EVENT_IMPACT]))
			cues[INCLINE_EVENT_IMPACT] = NULL;
	}
	if (cues[INCLINE_EVENT_ATTRIBUTION] && !claim_stands(s, cues[INCLINE_EVENT_ATTRIBUTION]))
		cues[INCLINE_EVENT_ATTRIBUTION] = NULL; /* "responsible for IT" */
	if (has_generic(s))
		for (int t = 0; t < INCLINE_EVENT_TYPE_COUNT; t++)
			if (t != INCLINE_EVENT_CONTEXT)
				cues[t] = NULL;
}

/* true when a definite intrusion noun is what a later step in its clause
 * is about: in "police opened an investigation into the hack last week"
 * and "the breach was discovered on Monday" the date is the step's; the
 * intrusion only happened by then. */
static bool governed(const sentence *s, const lex_hit *const cues[INCLINE_EVENT_TYPE_COUNT],
		     const lex_hit *cue)
{
	static const incline_event_type steps[] = {
		INCLINE_EVENT_DETECTION, INCLINE_EVENT_RESPONSE, INCLINE_EVENT_RECOVERY,
		INCLINE_EVENT_DISCLOSURE,
	};
	if (!presupposed(s, cue))
		return false;
	for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
		const lex_hit *g = cues[steps[i]];
		if (g && s->clause[g->first] == s->clause[cue->first])
			return true;
	}
	return false;
}

/* The expressions inside the sentence: dates[*first .. returned). */
static size_t sentence_dates(article_ctx *c, const sentence *s, size_t *first)
{
	const incline_timex_list *d = c->dates;
	size_t i = c->first_date, j;
	while (i < d->n && d->items[i].start < s->span.start)
		i++;
	for (j = i; j < d->n && d->items[j].end <= s->span.end; j++)
		;
	c->first_date = j;
	*first = i;
	return j;
}

static bool continues(const article_ctx *c, const sentence *s)
{
	return c->carry && s->n_folded > 0 && find(s, LEX_CONTINUE, 0, 1) &&
	       !incline_text_paragraph_break(at(s, c->prev_end), 0, s->span.start - c->prev_end);
}

/* true when the expression lies in an actor's name: "Midnight Blizzard"
 * and "Secret Blizzard" are groups, not times. */
static bool in_actor(const sentence *s, const incline_timex *t)
{
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *a = &s->hits[h];
		if (a->cls == LEX_ACTOR && s->words.items[a->first].start <= t->start &&
		    t->end <= s->words.items[a->last].end)
			return true;
	}
	return false;
}

/* "May 12" and "Patch Tuesday" are dates: a modal or hedge word inside a
 * date expression is not one. Drops those qualifier hits. */
static void forget_date_words(sentence *s, const incline_timex *d, size_t n)
{
	size_t k = 0;
	for (size_t h = 0; h < s->n_hits; h++) {
		const lex_hit *q = &s->hits[h];
		bool in_date = false;
		if (q->cls == LEX_MODAL || q->cls == LEX_HEDGE)
			for (size_t i = 0; i < n && !in_date; i++)
				in_date = s->words.items[q->first].start >= d[i].start &&
					  s->words.items[q->first].end <= d[i].end;
		if (!in_date)
			s->hits[k++] = *q;
	}
	s->n_hits = k;
}

static int sentence_events(article_ctx *c, sentence *s)
{
	const lex_hit *cues[INCLINE_EVENT_TYPE_COUNT];
	incline_timex own[64];
	const incline_timex *bound = NULL; /* the first vague expression */
	size_t n = 0, first, end = sentence_dates(c, s, &first);
	const incline_timex *carry = continues(c, s) ? c->carry : NULL;
	int rc = 0;

	for (size_t i = first; i < end && n < sizeof own / sizeof *own; i++) {
		if (!word_aligned(s, &c->dates->items[i]) || in_actor(s, &c->dates->items[i]))
			continue;
		if (usable(&c->dates->items[i]))
			own[n++] = c->dates->items[i];
		else if (!bound && vague(s, &c->dates->items[i]))
			bound = &c->dates->items[i];
	}
	if (end > first)
		forget_date_words(s, c->dates->items + first, end - first);
	s->flaw_before = c->flaw_before;
	pick_types(s, cues, c->flaw_before);
	c->flaw_before = find(s, LEX_FLAW, 0, s->words.n) != NULL;
	/* a claim about an attack, or "the breach" named again: the attack
	 * the article told of already (see add_to_told) */
	bool told = !cues[INCLINE_EVENT_INTRUSION] && !has_generic(s) &&
		    (cues[INCLINE_EVENT_INTRUSION] = claimed_intrusion(s));
	if (cues[INCLINE_EVENT_INTRUSION] && presupposed(s, cues[INCLINE_EVENT_INTRUSION]))
		told = true;
	for (int t = 0; !rc && t < INCLINE_EVENT_TYPE_COUNT; t++) {
		bool done = false;
		if (!cues[t])
			continue;
		chosen_date d = choose_date(s, (incline_event_type)t, cues[t], own, n);
		if (!d.timex && bound)
			d = (chosen_date){bound, true};
		if (!d.timex && carry)
			d = (chosen_date){carry, false};
		if (t == INCLINE_EVENT_INTRUSION && bare_event(s, cues[t]) &&
		    (!d.timex || d.upper_bound_only))
			continue; /* an undated bare "attack" is a topic */
		if (t == INCLINE_EVENT_INTRUSION && governed(s, cues, cues[t]))
			d.upper_bound_only = true;
		/* a date of its own makes it news: "the breach happened on May 2" */
		bool again = t == INCLINE_EVENT_INTRUSION && told && (!d.timex || d.timex == carry);
		if (again && (rc = add_to_told(c, s, cues[t], d, &done)))
			break;
		if (done)
			continue;
		rc = emit_event(c, s, (incline_event_type)t, cues[t], d);
		if (rc || t != INCLINE_EVENT_INTRUSION)
			continue;
		if (c->pending != SIZE_MAX && !again)
			rc = fold_pending(c);
		else if (again && c->n_sentences == 0)
			c->pending = c->out->n - 1;
	}
	c->n_sentences++;
	/* the narrative date: this sentence's first own, non-reporting date */
	c->carry = carry;
	for (size_t i = first; i < end; i++) {
		if (usable(&c->dates->items[i]) && word_aligned(s, &c->dates->items[i]) &&
		    !in_actor(s, &c->dates->items[i]) && !reporting_date(s, &c->dates->items[i])) {
			c->carry = &c->dates->items[i];
			break;
		}
	}
	c->prev_end = s->span.end;
	remember_sentence(&c->names, s);
	return rc;
}

/* One happening told in several sentences of the article is one event
 * whose evidence lists them all: out->events[first..] (this article's)
 * go through merge (one_article: sentences dated differently in their
 * own words stay apart) and come back consolidated. Merge works on the
 * evidence, never on how it was grouped, so merging these events again
 * with other articles' gives what merging the sentences one by one
 * would: build, and merge of extract outputs, are unchanged. */
static int consolidate(incline_timeline *out, size_t first, incline_merger *m,
		       incline_error *err)
{
	incline_timeline in = {0}, merged = {0};
	incline_merge_opts opts;
	int rc;

	incline_merge_opts_default(&opts);
	opts.one_article = true;
	if (out->n == first)
		return 0;
	if (!(in.events = malloc((out->n - first) * sizeof *in.events)))
		return INCLINE_ENOMEM;
	memcpy(in.events, out->events + first, (out->n - first) * sizeof *in.events);
	in.n = in.cap = out->n - first;
	out->n = first;
	rc = incline_merger_take(m, &merged, &in, &opts, err);
	for (size_t i = 0; i < merged.n; i++) {
		/* incidents are the whole pile's business, not one article's */
		merged.events[i].incident[0] = '\0';
		if (!rc)
			rc = incline_timeline_take(out, &merged.events[i]);
		else
			incline_event_clear(&merged.events[i]);
	}
	merged.n = 0;
	incline_timeline_free(&merged);
	return rc;
}

void incline_extract_set_consolidate(incline_extractor *x, bool on)
{
	x->raw = !on;
}

int incline_extract_article(incline_timeline *out, incline_extractor *x,
			    const incline_article *a, incline_error *err)
{
	incline_timex_list *dates = &x->dates;
	incline_span_list *sents = &x->sents;
	sentence *s = x->sent;
	const char *body = a->bytes + a->body.start;
	size_t body_len = a->body.end - a->body.start, base = a->base + a->body.start;
	article_ctx c = {x, a, out, dates, 0, NULL, base, false, out->n, SIZE_MAX, 0, {{{0, 0}}, 0}};
	int rc = incline_timeline_add_article(out, a->id);

	dates->n = 0;
	sents->n = 0;
	if (!rc)
		rc = incline_timex_scanner_scan(x->scan, dates, body, body_len, base, a->published, err);
	if (!rc)
		rc = incline_text_sentences(sents, body, body_len, base);
	s->bytes = a->bytes;
	s->base = a->base;
	s->flaw_before = false;
	for (size_t i = 0; !rc && i < sents->n; i++) {
		s->span = sents->items[i];
		rc = analyse(s, x);
		if (!rc)
			rc = sentence_events(&c, s);
	}
	if (!rc && !x->raw)
		rc = consolidate(out, c.first_event, x->merger, err);
	if (rc)
		return incline_error_set(err, rc, a->id, 0, 0, "%s", incline_error_name(rc));
	return 0;
}
