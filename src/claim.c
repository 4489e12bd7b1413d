/* Claims: who an attribution sentence says is behind an attack, who
 * says so, and how sure they are (incline_claim). The claimant's words
 * are found around the reporting verb; a pronoun or a definite noun ("he",
 * "the company", "the group") is resolved to a name the article's earlier
 * sentences gave, read again only when a claim needs them. Moved out of
 * extract.c as it was; the event rules call incline_claim_fill and
 * incline_claim_named (claim.h). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "incline/event.h"
#include "incline/text.h"
#include "incline/timex.h"
#include "claim.h"
#include "lexicon.h"
#include "sentence.h"

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

/* ---- word tables ----
 *
 * The claim analysis's word tables, in one place, from here to
 * speech_verbs. (A few short lists that one rule alone asks about stay
 * inside that function: given_name, actor_told_again, participle ...) */

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
/* ---- claim memory ---- */

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

void incline_claim_context_add(claim_context *cx, const sentence *s)
{
	cx->spans[cx->n++ % CLAIM_CONTEXT] = s->span;
}

/* What the earlier sentences of s's article named, read again in order. */
static int recall_names(claim_memory *m, const incline_lexicon *lex, incline_folder *folder,
			const claim_context *cx, const sentence *s)
{
	sentence t = {0};
	int rc = 0;
	t.bytes = s->bytes;
	t.base = s->base;
	for (size_t i = cx->n > CLAIM_CONTEXT ? cx->n - CLAIM_CONTEXT : 0; !rc && i < cx->n; i++) {
		t.span = cx->spans[i % CLAIM_CONTEXT];
		if (!(rc = incline_sentence_analyse(&t, lex, folder)))
			rc = remember_names(m, &t);
	}
	incline_sentence_free(&t);
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
bool incline_claim_named(const sentence *s)
{
	size_t last;
	return find(s, LEX_DENY, 0, s->words.n) || given_name(s, &last);
}

/* ---- the claim of one attribution sentence ---- */

static int fill_claim_from(incline_claim *cl, const claim_memory *m, const sentence *s,
			   const lex_hit *cue, const lex_hit *actor, const claimant_at *at_,
			   name_kind k, bool self, size_t given, size_t given_last);

/* The claim of an attribution sentence: the actor (the alias table, else
 * a name the text gives it, else the one named last when "they" or "the
 * group" is said to be behind it), who says so (a pronoun or a definite
 * "the company" stands for the name the article gave before), and how
 * sure they are. */
int incline_claim_fill(incline_claim *cl, const sentence *s, const lex_hit *cue,
		       const incline_timex_list *dates, const claim_context *cx,
		       const incline_lexicon *lex, incline_folder *folder)
{
	claim_memory mem = {0}, *m = &mem;
	const lex_hit *actor = find(s, LEX_ACTOR, 0, s->words.n);
	claimant_at who = {0, 0, 0};
	bool self = find(s, LEX_SELF_CLAIM, 0, s->words.n) && !negated(s, cue, true);
	name_kind k = KIND_NONE;
	size_t given_last, given = given_name(s, &given_last);
	bool found = find_claimant(s, cue, dates, &who);
	int rc;

	if (found)
		k = stands_for(s, &who);
	/* the earlier sentences are read again only when a claim needs them */
	if ((k != KIND_NONE || (!actor && actor_told_again(s, cue))) &&
	    (rc = recall_names(m, lex, folder, cx, s))) {
		claim_memory_clear(m);
		return rc;
	}
	rc = fill_claim_from(cl, m, s, cue, actor, found ? &who : NULL, k, self, given, given_last);
	claim_memory_clear(m);
	return rc;
}

/* incline_claim_fill, with the earlier names m read already. */
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
