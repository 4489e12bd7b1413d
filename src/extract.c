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
#include "claim.h"
#include "lexicon.h"
#include "sentence.h"

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
		incline_sentence_free(x->sent);
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

/* The extractor's lexicon and folder (incline_sentence_analyse). */
static int analyse(sentence *s, incline_extractor *x)
{
	return incline_sentence_analyse(s, x->lex, x->folder);
}

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

/* A modal in the cue's clause ("may obstruct", "if hackers gain access",
 * "warned of ... attacks") makes it not (yet) real, unless it is the
 * hedged past "may have". */
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

/* true when an attribution cue makes a claim: it names an actor, the
 * claimant is the actor ("the group claimed responsibility"), or it says
 * nobody is named ("declined to say who was behind"). Without any of
 * these "responsible for IT" is no claim. */
static bool claim_stands(const sentence *s, const lex_hit *cue)
{
	return find(s, LEX_ACTOR, 0, s->words.n) || find(s, LEX_SELF_CLAIM, 0, s->words.n) ||
	       negated(s, cue, true) || find(s, LEX_NEG_SCOPE, 0, s->words.n) || incline_claim_named(s);
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

static int emit_event(article_ctx *c, const sentence *s, incline_event_type t,
		      const lex_hit *cue, chosen_date when)
{
	incline_event ev = {0};
	incline_evidence e;
	int rc = fill_evidence(&e, c, s);

	if (!rc)
		rc = set_when(&e.when, c->a, when.timex, when.upper_bound_only);
	if (!rc && t == INCLINE_EVENT_ATTRIBUTION)
		rc = incline_claim_fill(&e.claim, s, cue, c->dates, &c->names, c->x->lex,
					c->x->folder);
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
	incline_claim_context_add(&c->names, s);
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
