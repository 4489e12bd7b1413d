/* The words of merge (see merge_words.h): the stop-word table, one table
 * grouped by why a word is in it (a word listed twice is harmless), then
 * how much a content word weighs and when two accounts share enough. */
#include <math.h>

#include "merge_words.h"

const char *const incline_merge_stop_words[] = {
	/* English function words (after the Snowball English stop list). */
	"a", "about", "above", "after", "again", "against", "all", "am", "an",
	"and", "any", "are", "aren't", "as", "at", "be", "because", "been",
	"before", "being", "below", "between", "both", "but", "by", "can",
	"can't", "cannot", "could", "couldn't", "did", "didn't", "do", "does",
	"doesn't", "doing", "don't", "down", "during", "each", "either", "few",
	"for", "from", "further", "had", "hadn't", "has", "hasn't", "have",
	"haven't", "having", "he", "he'd", "he'll", "he's", "her", "here",
	"here's", "hers", "herself", "him", "himself", "his", "how", "how's",
	"i", "i'd", "i'll", "i'm", "i've", "if", "in", "into", "is", "isn't",
	"it", "it's", "its", "itself", "let's", "may", "me", "might", "more",
	"most", "must", "mustn't", "my", "myself", "neither", "no", "nor",
	"not", "of", "off", "on", "once", "only", "or", "other", "others",
	"ought", "our", "ours", "ourselves", "out", "over", "own", "same",
	"shall", "shan't", "she", "she'd", "she'll", "she's", "should",
	"shouldn't", "so", "some", "such", "than", "that", "that's", "the",
	"their", "theirs", "them", "themselves", "then", "there", "there's",
	"these", "they", "they'd", "they'll", "they're", "they've", "this",
	"those", "through", "to", "too", "under", "until", "up", "upon", "us",
	"very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've",
	"were", "weren't", "what", "what's", "when", "when's", "where",
	"where's", "whether", "which", "while", "who", "who's", "whom", "whose",
	"why", "why's", "will", "with", "within", "without", "won't", "would",
	"wouldn't", "yet", "you", "you'd", "you'll", "you're", "you've",
	"your", "yours", "yourself", "yourselves", "although", "though",
	"however", "nevertheless", "meanwhile", "moreover", "furthermore",
	"thus", "therefore", "among", "via", "per", "just", "still", "even",
	"now", "already", "well", "much", "many", "several", "since",
	/* Reporting filler: how news attributes a sentence, not what it says. */
	"according", "also", "said", "say", "says", "saying", "told", "tell",
	"tells", "stated", "added", "noted", "explained", "reportedly",
	"allegedly", "apparently", "spokesperson", "spokesman", "spokeswoman",
	/* Time words: two sentences must not match only because both say
	 * "last week" or name the same month. */
	"today", "yesterday", "tomorrow", "tonight", "morning", "afternoon",
	"evening", "night", "day", "days", "week", "weeks", "weekend", "month",
	"months", "year", "years", "ago", "last", "next", "earlier", "later",
	"recently", "currently", "early", "late", "end", "beginning", "mid",
	"january", "february", "march", "april", "june", "july", "august",
	"september", "october", "november", "december", "jan", "feb", "mar",
	"apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
	"sat", "sun",
};

const size_t incline_merge_n_stop_words =
	sizeof incline_merge_stop_words / sizeof incline_merge_stop_words[0];

/* Two retellings of one happening rarely use the same words: "ICC staff
 * detected unusual activity on their computer network" and "court
 * employees detected an anomalous activity that affected their
 * information systems" (the seeds' detection) share only "detected" and
 * "activity" word for word. These rows are the paraphrases seen in
 * cyber-incident news (the seeds, CASIE's event nuggets); kept small and
 * tight: a row must not join words that tell different happenings (so no
 * "attack" = "breach": an attack may fail; no "measures" = "steps": the
 * seeds' immediate measures and later steps to strengthen security are
 * two responses; no "staff" = "employees": it joined the ICC lawyers'
 * complaint, "as much as the court staff", to the staff's detection). */
const char *const incline_merge_synonyms[][INCLINE_MERGE_SYNONYM_WIDTH] = {
	{ "unusual", "anomalous", "suspicious", "abnormal", "unauthorized", "unauthorised", NULL },
	{ "systems", "network", "networks", "servers", "system", "computers", NULL },
	{ "detected", "discovered", "noticed", "spotted", "identified", "detect", NULL },
	{ "cyberattack", "cyber-attack", "hack", "hacking", "cyberattacks", NULL },
	{ "customers", "clients", "users", "customer", NULL },
	{ "stolen", "exfiltrated", "stole", "steal", NULL },
	{ "disclosed", "announced", "revealed", NULL },
	{ "restored", "recovered", "restore", NULL },
};

const size_t incline_merge_n_synonyms =
	sizeof incline_merge_synonyms / sizeof incline_merge_synonyms[0];

/* Scale of the fixed-point weights: 1024 keeps three decimals; a weight
 * is at most 1024 * log(1 + SIZE_MAX) < 2^16, so a sentence's sum fits
 * easily in 64 bits. */
#define MERGE_WEIGHT_SCALE 1024.0

/* Most content words the larger side may have for the smaller side's only
 * word to be enough: "Ransomware." matches "Ransomware attack" (both
 * headline-sized), never a whole sentence that happens to use the word. */
#define MERGE_TINY_WORDS 2

uint32_t incline_merge_word_weight(size_t n, size_t df)
{
	if (df == 0)
		return 0;
	return (uint32_t)lround(MERGE_WEIGHT_SCALE
				* log1p((double)n / (double)df));
}

double incline_merge_overlap_value(const incline_merge_overlap *o)
{
	uint64_t least = o->wa < o->wb ? o->wa : o->wb;

	/* Correctly rounded division: equal fractions give equal doubles,
	 * so ties are real ties whatever the sums' sizes. */
	return least ? (double)o->w / (double)least : 0;
}

/* The count rule: one shared word is a coincidence, not a retelling
 * ("the AIVD then warned" shares "warn" with one sentence and "AIVD"
 * with another), so two are needed; a side with a single word can match
 * on it only when the other side is tiny too. */
static bool merge_enough_count(const incline_merge_overlap *o)
{
	size_t small = o->na < o->nb ? o->na : o->nb;
	size_t big = o->na < o->nb ? o->nb : o->na;

	if (o->n == 0)
		return false;
	if (small >= 2)
		return o->n >= 2;
	return big <= MERGE_TINY_WORDS;
}

bool incline_merge_words_match(const incline_merge_overlap *o, double t)
{
	return merge_enough_count(o) && incline_merge_overlap_value(o) >= t;
}

/* Longest CVE sequence number read: 12 digits fit in the 40 bits below
 * the year (CVE numbers have 4 to 7 digits today). */
#define MERGE_CVE_MAX_DIGITS 12

static bool merge_digit(char ch)
{
	return ch >= '0' && ch <= '9';
}

bool incline_merge_cve_id(uint64_t *id, const char *w, size_t len)
{
	uint64_t year = 0, num = 0;
	size_t i;

	if (len < INCLINE_MERGE_CVE_MIN_BYTES || (w[0] | 0x20) != 'c'
	    || (w[1] | 0x20) != 'v' || (w[2] | 0x20) != 'e' || w[3] != '-')
		return false;
	for (i = 4; i < 8; i++) {
		if (!merge_digit(w[i]))
			return false;
		year = year * 10 + (uint64_t)(w[i] - '0');
	}
	if (w[8] != '-')
		return false;
	for (i = 9; i < len && merge_digit(w[i]); i++) {
		if (i - 9 >= MERGE_CVE_MAX_DIGITS)
			return false;
		num = num * 10 + (uint64_t)(w[i] - '0');
	}
	if (i - 9 < 4)
		return false;
	*id = year << 40 | num;
	return true;
}
