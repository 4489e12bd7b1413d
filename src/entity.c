/* Names of organisations in sentences (entity.h). A name is a run of
 * capitalised words joined by spaces (lower-case "of", "for", "de" may
 * link two of them), with leading and trailing filler words (sentence
 * starters, months) cut off, and runs of headline nouns alone dropped; an all-capitals word of
 * 2-8 letters is an acronym. Each name gets a role from set phrases
 * around it (the cue tables below): victim, teller, or a titled
 * person. Spellings are cached, so folding (ICU) runs
 * once per distinct spelling of a run. */
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "array.h"
#include "incline/entity.h"
#include "lexicon.h"
#include "strmap.h"

/* Longest name kept, in words: longer capitalised runs are headlines. */
#define ENTITY_MAX_WORDS 8
/* Acronym length bounds, in letters. */
#define ENTITY_ACRONYM_MIN 2
#define ENTITY_ACRONYM_MAX 8
/* Value in the initials map of initials two keys share. */
#define ENTITY_AMBIGUOUS (UINT32_MAX - 1)
/* Longest spelling looked at, in bytes. */
#define ENTITY_MAX_BYTES 256

/* Words that are never a name, nor its first or last word: function
 * words and sentence starters that news capitalises, time words (months,
 * weekdays), nationality adjectives ("Dutch Justice Ministry" is the
 * ministry), and news filler. Lower case; folded at run time. */
static const char *const entity_filler[] = {
	"a", "an", "the", "this", "that", "these", "those", "it", "its", "it's",
	"he", "she", "his", "her", "we", "our", "they", "their", "you", "your",
	"i", "in", "on", "at", "for", "by", "with", "from", "to", "of", "as",
	"and", "or", "but", "if", "so", "yet", "after", "before", "when",
	"while", "since", "during", "what", "why", "how", "who", "where",
	"which", "there", "here", "also", "however", "nevertheless",
	"meanwhile", "moreover", "although", "though", "according", "last",
	"next", "first", "new", "additional", "other", "some", "all", "many",
	"no", "not", "one", "two", "three", "mr", "mrs", "ms", "dr", "prof",
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december", "jan",
	"feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
	"dec", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday", "sunday", "today", "yesterday", "tomorrow",
	"breaking", "update", "updated", "exclusive", "read", "photo",
	"click", "share",
};

/* Words that are no name on their own but may end one ("Court" in
 * "International Criminal Court", "Security" in "Homeland Security"):
 * capitalised headline and news nouns. */
static const char *const entity_alone[] = {
	"minute", "news", "more", "image", "video", "cyber", "cyberattack",
	"attack", "hacker", "hackers", "ransomware", "malware", "data",
	"breach", "security", "cybersecurity", "internet", "web", "email",
	"covid", "coronavirus", "ceo", "cto", "ciso", "cio", "president",
	"minister", "spokesperson", "spokesman", "statement", "said", "says",
	"reported", "report", "reports", "incident", "court", "company",
	"group", "government", "police", "ok", "faq", "pdf", "url", "usd",
	"eur", "gmt", "utc", "est", "pst", "am", "pm", "tv", "id", "it",
	"office", "department", "ministry", "agency", "officials", "official",
	"officer", "staff", "customers", "users", "team", "researchers",
	/* nationality adjectives: "Dutch" is nobody, "British Airways" is */
	"american", "british", "chinese", "dutch", "english", "european",
	"french", "german", "iranian", "israeli", "italian", "japanese",
	"korean", "north", "south", "russian", "spanish", "ukrainian",
	"brazilian", "indian", "canadian", "australian", "western",
	"ai", "vpn", "ddos", "dos", "rdp", "api", "app", "apps", "sms",
	"ip", "os", "pc", "ssn", "ssns", "pii", "cve", "apt",
};

/* Organisations that tell about incidents rather than suffer them:
 * security vendors and researchers, agencies acting as claimants or
 * helpers, news outlets and platforms. Lower case; folded at run time.
 * A short list of the usual suspects, not a directory. */
static const char *const entity_non_victims[] = {
	/* security vendors and research teams */
	"kaspersky", "kaspersky lab", "symantec", "broadcom", "mandiant",
	"crowdstrike", "eset", "sophos", "trend micro", "check point",
	"check point research", "palo alto networks", "unit 42",
	"recorded future", "fireeye", "mcafee", "trellix", "sentinelone",
	"sentinellabs", "bitdefender", "malwarebytes", "proofpoint",
	"secureworks", "talos", "cisco talos", "group-ib", "emsisoft",
	"darktrace", "zscaler", "fortinet", "fortiguard", "avast", "norton",
	"f-secure", "imperva", "akamai", "cloudflare", "rapid7", "tenable",
	"qualys", "checkmarx", "flashpoint", "intel471", "intel 471",
	"digital shadows", "have i been pwned", "haveibeenpwned", "shodan",
	"virustotal", "google threat analysis group", "microsoft threat intelligence",
	"kela", "cybernews", "comparitech", "upguard", "risk based security",
	/* agencies and public bodies acting as investigators or claimants */
	"fbi", "cisa", "nsa", "ncsc", "national cyber security centre",
	"national cyber security center", "europol", "interpol", "gchq",
	"aivd", "mivd", "bsi", "anssi", "cert", "cert-ua", "us-cert", "dhs",
	"department of homeland security", "department of justice", "doj",
	"justice department", "secret service", "sec", "ftc", "ico",
	"information commissioner's office", "information commissioner",
	"information commissioner's", "nist", "enisa", "nato",
	"united nations", "un", "eu", "european union", "white house",
	"congress", "senate", "parliament", "police", "scotland yard",
	"justice ministry", "ministry of justice", "gru", "svr", "fsb",
	/* malware and crews the lexicon's actor table may lack: the
	 * attack's name, not its victim */
	"samsam", "dark overlord", "the dark overlord", "fin7", "fin10",
	"wannacry", "wannacrypt", "notpetya", "petya", "locky", "ryuk",
	"emotet", "trickbot", "mirai", "cerber", "gandcrab", "shamoon",
	"triton", "industroyer", "stuxnet", "olympic destroyer",
	/* laws and currencies: named in incidents, never hit by one */
	"general data protection regulation", "gdpr", "bitcoin", "bitcoins",
	"monero", "ethereum",
	/* news outlets and platforms where stories are told (not Facebook,
	 * LinkedIn or GitHub: breached often enough to be the story) */
	"reuters", "associated press", "ap", "afp", "bloomberg", "bbc", "cnn",
	"cnbc", "nbc", "abc", "cbs", "fox news", "the record", "record",
	"bleepingcomputer", "bleeping computer", "techcrunch", "zdnet",
	"wired", "the verge", "ars technica", "the register", "securityweek",
	"dark reading", "threatpost", "krebs", "krebsonsecurity",
	"new york times", "washington post", "wall street journal", "guardian",
	"financial times", "politico", "axios", "twitter", "x", "telegram",
	"tass", "ria",
	"interfax", "xinhua", "yonhap", "spiegel", "le monde", "nos",
};

/* Lower-case words that may link two capitalised words inside a name,
 * with their lengths: entity_is_link runs for every lower-case word of
 * every sentence merge reads, and a strlen per entry per word was an
 * eighth of merge. */
#define ENTITY_LINK(w) { w, sizeof w - 1 }
static const struct entity_link {
	const char *w;
	size_t len;
} entity_links[] = { ENTITY_LINK("of"), ENTITY_LINK("for"), ENTITY_LINK("de"),
		     ENTITY_LINK("du"), ENTITY_LINK("der"), ENTITY_LINK("des"),
		     ENTITY_LINK("la"), ENTITY_LINK("le"), ENTITY_LINK("on") };

/* ---- roles: the cue tables ---------------------------------------------
 * Who suffered an incident and who only tells about it, read from set
 * phrases next to a name (incline_entity_role). All lower case, matched
 * word for word (ASCII case ignored) against the sentence's words, so a
 * phrase of several words is several words of the sentence. Written from
 * how cyber-incident news phrases these roles (the seeds, general news
 * usage), not from any one article. */

/* Words right before a name that make it a teller: quoted sources,
 * researchers, vendors. */
static const char *const entity_teller_before[] = {
	"according to", "researchers at", "researchers from",
	"researchers with", "researcher at", "researcher from",
	"analysts at", "analysts from", "analyst at", "experts at",
	"experts from", "security firm", "cybersecurity firm",
	"security company", "cybersecurity company", "security vendor",
	"security researcher", "security researchers", "antivirus firm",
	"antivirus company", "antivirus vendor", "intelligence firm",
	"discovered by", "found by", "reported by", "spotted by",
	"published by", "first reported by", "uncovered by", "analysed by",
	"analyzed by", "told", "report by", "report from", "blog post by",
	"report published by", "research by", "research from", "outlet",
};

/* Words right after a name that make it a teller. */
static const char *const entity_teller_after[] = {
	"researchers", "researcher", "analysts", "analyst",
	"security researchers", "security researcher", "threat researchers",
	"threat intelligence", "threat research", "security experts",
	"experts", "reported", "reports", "first reported", "told",
	"wrote", "a security firm", "a cybersecurity firm",
	"the security firm", "the cybersecurity firm", "a security company",
	"a cybersecurity company", "the security company",
	"a security vendor", "a security researcher", "which tracks",
	"which discovered", "discovered the", "spotted the", "uncovered",
	"blog post", "researchers said", "said in a blog", "published",
};

/* Last words of a name that make it a teller: labs, research teams,
 * newspapers. ("Security" alone is not: "Homeland Security".) */
static const char *const entity_teller_suffix[] = {
	"labs", "lab", "research", "intelligence", "researchers", "news",
	"times", "post", "journal", "magazine", "tribune", "herald",
	"gazette", "daily", "wire", "today", "online", "insider", "blog",
	"zero", "team",
};

/* Words right before a name that make it a victim: what was done to it. */
static const char *const entity_victim_before[] = {
	"attack on", "attacks on", "attack against", "attacks against",
	"cyberattack on", "cyberattacks on", "cyber-attack on",
	"breach at", "breach of", "breach on", "breaches at", "hack of",
	"hack at", "hack on", "hacking of", "intrusion at", "intrusion into",
	"intrusion on", "compromise of", "infection at", "incident at",
	"hacked", "breached", "targeted", "compromised", "infected", "hit",
	"struck", "crippled", "paralysed", "paralyzed", "disrupted",
	"broke into", "broken into", "access to", "victim", "victims",
	"customers of", "users of", "employees of", "staff of", "systems of",
	"networks of", "network of", "servers of", "data of",
};

/* Verbs after a name that make it a victim, in the passive ("X was
 * hacked", "X has been hit": after a form of "be"; active, "X hacked"
 * makes X the attacker) ... */
static const char *const entity_victim_passive[] = {
	"hacked", "breached", "attacked", "targeted", "compromised", "hit",
	"infected", "struck", "victimized", "victimised", "crippled",
	"disrupted", "paralysed", "paralyzed", "the victim", "a victim",
	"victim", "investigating", "aware", "forced",
};

/* ... and in the active ("X notified", "X has confirmed": owning up to
 * an incident or suffering it; "X was notified" is whoever X told). */
static const char *const entity_victim_active[] = {
	"suffered", "confirmed", "notified", "disclosed", "detected",
	"acknowledged", "admitted", "paid", "apologized", "apologised",
	"fell victim", "shut down", "took down", "took its",
	"began notifying", "started notifying", "became aware", "reset",
	"discovered unauthorized", "discovered unusual", "detected unusual",
	"learned", "is investigating", "was investigating",
};

/* Words skipped before those verbs: "X has also been hacked". The forms
 * of "be" make it passive (entity_be). */
static const char *const entity_aux[] = {
	"was", "were", "is", "are", "has", "have", "had", "been", "be",
	"also", "recently", "later", "itself", "then", "first", "reportedly",
	"allegedly", "now",
};

static const char *const entity_be[] = {
	"was", "were", "is", "are", "been", "be",
};

/* What "X's" may own for X to be the victim: "X's network". */
static const char *const entity_victim_owned[] = {
	"network", "networks", "systems", "system", "servers", "server",
	"database", "databases", "data", "customers", "customer", "users",
	"employees", "staff", "website", "websites", "site", "computers",
	"computer", "accounts", "email", "emails", "records", "files",
	"infrastructure", "payroll", "patients", "students", "members",
	"clients", "it", "internal", "cloud", "mail", "operations",
	"information", "personnel",
};

/* Titles before a person's name: the name is a person, not an
 * organisation ("Mayor Keisha Lance Bottoms", "CAO George Smith"); what
 * comes before the title may be one ("Microsoft CEO Satya Nadella"). */
static const char *const entity_titles[] = {
	"mayor", "governor", "senator", "sen", "rep", "representative",
	"congressman", "congresswoman", "president", "vice", "ceo", "cfo",
	"cto", "cio", "ciso", "coo", "cao", "chairman", "chairwoman", "chair",
	"founder", "co-founder", "director", "chief", "officer", "manager",
	"administrator", "superintendent", "commissioner", "secretary",
	"attorney", "prosecutor", "judge", "sheriff", "deputy",
	"assistant", "acting", "spokesman", "spokeswoman", "spokesperson",
	"professor", "prof", "dr", "mr", "mrs", "ms", "sir", "lord",
	"minister", "councilman", "councilwoman", "councillor", "councilor",
	"clerk", "treasurer", "inspector", "detective", "agent", "lieutenant",
	"lt", "sergeant", "sgt", "captain", "capt", "principal", "dean",
	"chancellor", "analyst", "researcher", "engineer", "lawyer",
	"executive", "head", "king", "queen", "prince", "pope",
	"colonel", "col", "admiral",
};

struct incline_entity_finder {
	incline_folder *folder;
	incline_lexicon *lexicon;   /* its actor aliases are no victims */
	lex_hit *hits;              /* scratch for the lexicon */
	size_t cap_hits;
	incline_strmap filler;      /* folded filler words */
	incline_strmap alone;       /* folded words never a name alone */
	incline_strmap non_victims; /* folded names */
	incline_strmap cues;        /* lower-case cue word -> CUE_* mask */
	incline_strmap words;       /* raw word -> flags (cache) */
	incline_strmap surfaces;    /* spelling -> key id */
	incline_strmap keys;        /* folded key -> id */
	incline_strmap initials;    /* initials of a several-word key -> its
				     * id, ENTITY_AMBIGUOUS when two share */
	incline_span_list spans;    /* scratch */
	unsigned *flags;            /* scratch: per word */
	size_t cap_flags;
	char *buf;                  /* scratch spelling */
	size_t buf_cap;
	uint32_t link_lens;         /* bit n < 32 set: some link has n bytes */
};

/* Flags of a raw word (cached). */
enum {
	W_CAP = 1u << 0,     /* starts with an upper-case letter */
	W_ACRONYM = 1u << 1, /* 2-8 letters, all upper case */
	W_FILLER = 1u << 2,  /* folds to a filler word */
	W_LINK = 1u << 3,    /* a lower-case linking word */
	W_ALONE = 1u << 5,   /* no name on its own */
	W_CACHED = 1u << 4,
	W_POSS = 1u << 6,    /* written with "'s" (per use, never cached) */
	W_CODE = 1u << 7     /* more digits than letters: "CVE-2018-16864" */
};

/* Which cue tables a word anchors: the word next to the name in a
 * phrase (the last word of a "before" phrase, the first of an "after"
 * one), so that most words are ruled out by one lookup. */
enum {
	CUE_TELLER_BEFORE = 1u << 0,
	CUE_TELLER_AFTER = 1u << 1,
	CUE_TELLER_SUFFIX = 1u << 2,
	CUE_VICTIM_BEFORE = 1u << 3,
	CUE_VICTIM_PASSIVE = 1u << 4,
	CUE_AUX = 1u << 5,
	CUE_OWNED = 1u << 6,
	CUE_TITLE = 1u << 7,
	CUE_VICTIM_ACTIVE = 1u << 8,
	CUE_BE = 1u << 9
};

/* The cue tables with the mask they set and which end of a phrase is
 * next to the name. */
#define ENTITY_TABLE(t) t, sizeof t / sizeof *t
static const struct entity_cue_table {
	const char *const *words;
	size_t n;
	unsigned mask;
	bool anchor_last; /* a "before" phrase: its last word touches the name */
} entity_cue_tables[] = {
	{ ENTITY_TABLE(entity_teller_before), CUE_TELLER_BEFORE, true },
	{ ENTITY_TABLE(entity_teller_after), CUE_TELLER_AFTER, false },
	{ ENTITY_TABLE(entity_teller_suffix), CUE_TELLER_SUFFIX, false },
	{ ENTITY_TABLE(entity_victim_before), CUE_VICTIM_BEFORE, true },
	{ ENTITY_TABLE(entity_victim_passive), CUE_VICTIM_PASSIVE, false },
	{ ENTITY_TABLE(entity_victim_active), CUE_VICTIM_ACTIVE, false },
	{ ENTITY_TABLE(entity_aux), CUE_AUX, false },
	{ ENTITY_TABLE(entity_be), CUE_BE, false },
	{ ENTITY_TABLE(entity_victim_owned), CUE_OWNED, false },
	{ ENTITY_TABLE(entity_titles), CUE_TITLE, false },
};

/* Longest cue word, in bytes: longer words are looked up as no cue. */
#define ENTITY_CUE_WORD_MAX 32

void incline_entity_list_free(incline_entity_list *list)
{
	if (!list)
		return;
	free(list->items);
	memset(list, 0, sizeof *list);
}

void incline_entity_finder_free(incline_entity_finder *f)
{
	if (!f)
		return;
	incline_text_folder_free(f->folder);
	incline_lexicon_free(f->lexicon);
	free(f->hits);
	incline_strmap_free(&f->filler);
	incline_strmap_free(&f->alone);
	incline_strmap_free(&f->non_victims);
	incline_strmap_free(&f->cues);
	incline_strmap_free(&f->words);
	incline_strmap_free(&f->surfaces);
	incline_strmap_free(&f->keys);
	incline_strmap_free(&f->initials);
	incline_span_list_free(&f->spans);
	free(f->buf);
	free(f->flags);
	free(f);
}

/* Raw words whose flags a finder keeps cached across resets: more are
 * forgotten, so a finder serving a stream of articles stays bounded. */
#define ENTITY_MAX_CACHED_WORDS 65536

void incline_entity_finder_reset(incline_entity_finder *f)
{
	incline_strmap_free(&f->surfaces);
	incline_strmap_free(&f->keys);
	incline_strmap_free(&f->initials);
	if (f->words.n > ENTITY_MAX_CACHED_WORDS)
		incline_strmap_free(&f->words);
}

/* Adds the folded forms of table[0..n) to m. */
static int entity_load(incline_strmap *m, incline_folder *folder,
		       const char *const *table, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		char *k = NULL;
		size_t klen = 0;
		int rc = incline_text_fold(&k, &klen, folder, table[i],
					   strlen(table[i]));

		if (rc == 0 && incline_strmap_find(m, k, klen) == SIZE_MAX)
			rc = incline_strmap_put(m, k, klen, 0);
		free(k);
		if (rc)
			return rc;
	}
	return 0;
}

/* Indexes the cue tables by anchor word (entity_cue_tables). */
static int entity_load_cues(incline_strmap *m)
{
	for (size_t t = 0; t < sizeof entity_cue_tables / sizeof *entity_cue_tables;
	     t++) {
		const struct entity_cue_table *c = &entity_cue_tables[t];

		for (size_t i = 0; i < c->n; i++) {
			const char *p = c->words[i], *sp;
			size_t len;
			size_t at;
			int rc;

			if (c->anchor_last && (sp = strrchr(p, ' ')))
				p = sp + 1;
			sp = strchr(p, ' ');
			len = sp ? (size_t)(sp - p) : strlen(p);
			at = incline_strmap_find(m, p, len);
			if (at != SIZE_MAX)
				m->entries[at].value |= c->mask;
			else if ((rc = incline_strmap_put(m, p, len, c->mask)))
				return rc;
		}
	}
	return 0;
}

int incline_entity_finder_new(incline_entity_finder **out, incline_error *err)
{
	incline_entity_finder *f = calloc(1, sizeof *f);
	int rc;

	*out = NULL;
	if (!f)
		return incline_error_set(err, INCLINE_ENOMEM, NULL, 0, 0,
					 "entity: out of memory");
	rc = incline_text_folder_new(&f->folder, err);
	if (!rc)
		rc = incline_lexicon_new(&f->lexicon, err);
	if (!rc)
		rc = entity_load(&f->filler, f->folder, entity_filler,
				 sizeof entity_filler / sizeof *entity_filler);
	if (!rc)
		rc = entity_load(&f->alone, f->folder, entity_alone,
				 sizeof entity_alone / sizeof *entity_alone);
	if (!rc)
		rc = entity_load(&f->non_victims, f->folder, entity_non_victims,
				 sizeof entity_non_victims
					 / sizeof *entity_non_victims);
	if (!rc)
		rc = entity_load_cues(&f->cues);
	for (size_t i = 0; i < sizeof entity_links / sizeof *entity_links; i++)
		if (entity_links[i].len < 32)
			f->link_lens |= 1u << entity_links[i].len;
	if (rc) {
		incline_entity_finder_free(f);
		return incline_error_set(err, rc, NULL, 0, 0, "entity: %s",
					 incline_error_name(rc));
	}
	*out = f;
	return 0;
}

const char *incline_entity_key(const incline_entity_finder *f, uint32_t key)
{
	return key < f->keys.n ? incline_strmap_str(&f->keys, key) : NULL;
}

const char *incline_entity_surface(const incline_entity_finder *f,
				   uint32_t surface)
{
	return surface < f->surfaces.n
		       ? incline_strmap_str(&f->surfaces, surface) : NULL;
}

size_t incline_entity_n_keys(const incline_entity_finder *f)
{
	return f->keys.n;
}

size_t incline_entity_n_surfaces(const incline_entity_finder *f)
{
	return f->surfaces.n;
}

uint32_t incline_entity_surface_key(const incline_entity_finder *f,
				    uint32_t surface)
{
	return surface < f->surfaces.n ? f->surfaces.entries[surface].value
				       : INCLINE_ENTITY_NONE;
}

static int entity_find_spans(incline_entity_list *out,
			     incline_entity_finder *f, const char *s,
			     size_t len);

/* ---- words ------------------------------------------------------------ */

static bool entity_is_link(const incline_entity_finder *f, const char *s,
			   size_t len)
{
	/* the links are short: most words are ruled out by their length */
	if (len < 32 && !(f->link_lens & 1u << len))
		return false;
	for (size_t i = 0; i < sizeof entity_links / sizeof *entity_links; i++)
		if (entity_links[i].len == len && entity_links[i].w[0] == s[0]
		    && memcmp(entity_links[i].w, s, len) == 0)
			return true;
	return false;
}

/* The flags of raw word s[0..len), cached. */
static int entity_word_flags(unsigned *out, incline_entity_finder *f,
			     const char *s, size_t len)
{
	size_t letters = 0, upper = 0, other = 0, digits = 0, i = 0;
	uint32_t v;
	unsigned flags = W_CACHED;
	char *k = NULL;
	size_t klen = 0;
	int rc;

	/* Most words start with a lower-case ASCII letter: they can only
	 * link two parts of a name, and need no folding. */
	if (len && s[0] >= 'a' && s[0] <= 'z') {
		*out = entity_is_link(f, s, len) ? W_LINK : 0;
		return 0;
	}
	if (incline_strmap_get(&f->words, s, len, &v)) {
		*out = v;
		return 0;
	}
	while (i < len) {
		uint32_t cp;
		size_t n = incline_text_decode(&cp, s + i, len - i);

		if (i == 0 && (u_isupper((UChar32)cp) || u_istitle((UChar32)cp)))
			flags |= W_CAP;
		if (u_isalpha((UChar32)cp)) {
			letters++;
			upper += u_isupper((UChar32)cp) != 0;
		} else {
			other++;
			digits += cp >= '0' && cp <= '9';
		}
		i += n;
	}
	if (digits > letters)
		flags |= W_CODE;
	if (letters >= ENTITY_ACRONYM_MIN && letters <= ENTITY_ACRONYM_MAX
	    && upper == letters && other == 0)
		flags |= W_ACRONYM;
	if (!(flags & W_CAP) && entity_is_link(f, s, len))
		flags |= W_LINK;
	rc = incline_text_fold(&k, &klen, f->folder, s, len);
	if (rc == 0 && incline_strmap_find(&f->filler, k, klen) != SIZE_MAX)
		flags |= W_FILLER;
	if (rc == 0 && incline_strmap_find(&f->alone, k, klen) != SIZE_MAX)
		flags |= W_ALONE;
	free(k);
	if (rc == INCLINE_ENOMEM)
		return rc;
	*out = flags;
	return incline_strmap_put(&f->words, s, len, flags);
}

/* true when only spaces (no line break, no punctuation) lie in
 * s[from, to). */
static bool entity_spaces(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (s[i] != ' ')
			return false;
	return to > from;
}

/* true when word w starts a sentence or a quotation: nothing but
 * punctuation and spaces before it since a sentence end. */
static bool entity_initial(const char *s, const incline_span *w, size_t i)
{
	size_t p = i ? w[i - 1].end : 0;

	for (size_t k = w[i].start; k > p; k--) {
		char c = s[k - 1];

		if (c == '.' || c == '!' || c == '?' || c == ':' || c == '"'
		    || c == '\n' || c == '(' || (unsigned char)c >= 0x80)
			return true;
	}
	return i == 0;
}

/* true when folded name k (words separated by single spaces; changed
 * in place and restored) holds an actor alias of the lexicon: "APT28",
 * "Fancy Bear" and "Sandworm" attack victims, they are none. */
static int entity_is_actor(bool *out, incline_entity_finder *f, char *k,
			   size_t klen)
{
	const char *toks[ENTITY_MAX_WORDS * 2 + 2];
	size_t n = 0, n_hits = 0;
	int rc;

	*out = false;
	toks[n++] = k;
	for (size_t i = 0; i < klen && n < sizeof toks / sizeof *toks; i++)
		if (k[i] == ' ') {
			k[i] = '\0';
			toks[n++] = k + i + 1;
		}
	rc = incline_lexicon_match(f->lexicon, toks, n, &f->hits, &n_hits,
				   &f->cap_hits);
	for (size_t i = 0; i < klen; i++)
		if (k[i] == '\0')
			k[i] = ' ';
	for (size_t i = 0; i < n_hits; i++)
		if (f->hits[i].cls == LEX_ACTOR)
			*out = true;
	return rc;
}

/* Records the initials of folded key k (several words) for key id v:
 * the first letter of every word and of every part of a hyphenated word,
 * link words ("of") left out, so "world anti-doping agency" gives "wada"
 * and "international association of athletics federations" "iaaf". */
static int entity_add_initials(incline_entity_finder *f, const char *k,
			       size_t klen, uint32_t v)
{
	char out[ENTITY_MAX_WORDS * 4 * 4];
	size_t n = 0, words = 0;
	uint32_t old;

	for (size_t i = 0; i < klen;) {
		size_t j = i, cl;
		uint32_t cp;

		while (j < klen && k[j] != ' ' && k[j] != '-')
			j++;
		if (j > i && !entity_is_link(f, k + i, j - i)) {
			cl = incline_text_decode(&cp, k + i, j - i);
			if (n + cl > sizeof out)
				return 0;
			memcpy(out + n, k + i, cl);
			n += cl;
			words++;
		}
		i = j + 1;
	}
	if (words < 2)
		return 0;
	if (incline_strmap_get(&f->initials, out, n, &old)) {
		if (old != v)
			f->initials.entries[incline_strmap_find(&f->initials, out, n)]
				.value = ENTITY_AMBIGUOUS;
		return 0;
	}
	return incline_strmap_put(&f->initials, out, n, v);
}

uint32_t incline_entity_expand(const incline_entity_finder *f, uint32_t key)
{
	const char *k = incline_entity_key(f, key);
	uint32_t v;

	if (!k || strchr(k, ' ')
	    || !incline_strmap_get(&f->initials, k, strlen(k), &v)
	    || v == ENTITY_AMBIGUOUS)
		return INCLINE_ENTITY_NONE;
	return v;
}

/* The key and spelling ids of words [a, b] of s joined by single spaces. */
static int entity_intern(uint32_t *key, uint32_t *surface,
			 incline_entity_finder *f, const char *s,
			 const incline_span *w, size_t a, size_t b)
{
	size_t n = 0;
	void *buf = f->buf;
	char *k = NULL;
	size_t klen = 0;
	uint32_t v;
	size_t at;
	bool actor;
	int rc;

	for (size_t i = a; i <= b; i++)
		n += w[i].end - w[i].start + 1;
	rc = incline_array_reserve(&buf, &f->buf_cap, n + 1, 1);
	f->buf = buf;
	if (rc)
		return rc;
	n = 0;
	for (size_t i = a; i <= b; i++) {
		if (i > a)
			f->buf[n++] = ' ';
		memcpy(f->buf + n, s + w[i].start, w[i].end - w[i].start);
		n += w[i].end - w[i].start;
	}
	f->buf[n] = '\0';
	*surface = INCLINE_ENTITY_NONE;
	*key = INCLINE_ENTITY_NONE;
	if ((at = incline_strmap_find(&f->surfaces, f->buf, n)) != SIZE_MAX) {
		*surface = (uint32_t)at;
		*key = f->surfaces.entries[at].value;
		return 0;
	}
	rc = incline_text_fold(&k, &klen, f->folder, f->buf, n);
	if (rc) {
		free(k);
		return rc == INCLINE_ENOMEM ? rc : 0;
	}
	if ((rc = entity_is_actor(&actor, f, k, klen))) {
		free(k);
		return rc;
	}
	if (actor || incline_strmap_find(&f->non_victims, k, klen) != SIZE_MAX) {
		v = INCLINE_ENTITY_NONE;
	} else if (!incline_strmap_get(&f->keys, k, klen, &v)) {
		v = (uint32_t)f->keys.n;
		rc = incline_strmap_put(&f->keys, k, klen, v);
		if (!rc)
			rc = entity_add_initials(f, k, klen, v);
	}
	free(k);
	if (!rc) {
		*surface = (uint32_t)f->surfaces.n;
		*key = v;
		rc = incline_strmap_put(&f->surfaces, f->buf, n, v);
	}
	return rc;
}

static int entity_push(incline_entity_list *out, const incline_entity *e)
{
	void *items = out->items;
	int rc = incline_array_reserve(&items, &out->cap, out->n + 1,
				       sizeof *out->items);

	out->items = items;
	if (rc)
		return rc;
	out->items[out->n++] = *e;
	return 0;
}

/* ---- roles -------------------------------------------------------------- */

/* The CUE_* mask of word i of s, ASCII case ignored; 0 when i is out of
 * range or the word is no cue. */
static unsigned entity_cue(const incline_entity_finder *f, const char *s,
			   const incline_span *w, size_t n, size_t i)
{
	char buf[ENTITY_CUE_WORD_MAX];
	size_t len;
	uint32_t v;

	if (i >= n)
		return 0;
	len = w[i].end - w[i].start;
	if (len == 0 || len >= sizeof buf)
		return 0;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[w[i].start + k];

		if (c >= 0x80)
			return 0;
		buf[k] = (char)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
	}
	return incline_strmap_get(&f->cues, buf, len, &v) ? v : 0;
}

/* true when word i of s is p[0..len), ASCII case ignored. */
static bool entity_word_is(const char *s, const incline_span *w, size_t i,
			   const char *p, size_t len)
{
	if (w[i].end - w[i].start != len)
		return false;
	for (size_t k = 0; k < len; k++) {
		unsigned char c = (unsigned char)s[w[i].start + k];

		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + ('a' - 'A'));
		if (c != (unsigned char)p[k])
			return false;
	}
	return true;
}

/* true when phrase p (words separated by single spaces) is in s next to
 * word i: starting at word i, or with backward, ending at it. */
static bool entity_phrase_at(const char *s, const incline_span *w, size_t n,
			     size_t i, const char *p, bool backward)
{
	const char *pw[8];
	size_t pl[8], k = 0;

	while (*p && k < sizeof pw / sizeof *pw) {
		const char *sp = strchr(p, ' ');
		size_t len = sp ? (size_t)(sp - p) : strlen(p);

		pw[k] = p;
		pl[k++] = len;
		p += len + (sp != NULL);
	}
	if (backward ? i + 1 < k : i + k > n)
		return false;
	for (size_t j = 0; j < k; j++)
		if (!entity_word_is(s, w, backward ? i + 1 - k + j : i + j, pw[j],
				    pl[j]))
			return false;
	return true;
}

/* true when a phrase of the cue table with `mask` is next to word i. */
static bool entity_cue_phrase(const char *s, const incline_span *w, size_t n,
			      size_t i, unsigned mask)
{
	for (size_t t = 0; t < sizeof entity_cue_tables / sizeof *entity_cue_tables;
	     t++) {
		const struct entity_cue_table *c = &entity_cue_tables[t];

		if (c->mask != mask)
			continue;
		for (size_t j = 0; j < c->n; j++)
			if (entity_phrase_at(s, w, n, i, c->words[j], c->anchor_last))
				return true;
	}
	return false;
}

/* true when no punctuation lies in s[from, to): a cue must stand in the
 * name's own clause ("Globex was breached, Initech said": not Initech). */
static bool entity_same_clause(const char *s, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (strchr(",.;:!?()[]\"", s[i]))
			return false;
	return true;
}

/* The role of the name in words [a, b] of s, from the words around it. A
 * cue of suffering beats one of telling ("according to Acme, Acme's
 * servers..."), but a teller's own name (a "... Labs") is a teller. */
static incline_entity_role entity_role(const incline_entity_finder *f,
				       const char *s, const incline_span *w,
				       size_t n, size_t a, size_t b,
				       const unsigned *fl)
{
	bool victim = false, teller = false;
	size_t p, k;

	if (a < b && (entity_cue(f, s, w, n, b) & CUE_TELLER_SUFFIX))
		return INCLINE_ENTITY_ROLE_TELLER;
	if (a > 0) {
		p = a - 1;
		/* "an attack on the court": the article is no cue */
		if (p > 0 && (entity_word_is(s, w, p, "the", 3)
			      || entity_word_is(s, w, p, "a", 1)
			      || entity_word_is(s, w, p, "an", 2)))
			p--;
		k = entity_same_clause(s, w[p].end, w[a].start)
			    ? entity_cue(f, s, w, n, p) : 0;
		if ((k & CUE_VICTIM_BEFORE)
		    && entity_cue_phrase(s, w, n, p, CUE_VICTIM_BEFORE))
			victim = true;
		if ((k & CUE_TELLER_BEFORE)
		    && entity_cue_phrase(s, w, n, p, CUE_TELLER_BEFORE))
			teller = true;
	}
	if (fl[b] & W_POSS) {
		/* "Acme's network", "Acme's internal systems" */
		if ((entity_cue(f, s, w, n, b + 1) & CUE_OWNED))
			victim = true;
	} else if (b + 1 < n && entity_same_clause(s, w[b].end, w[b + 1].start)) {
		/* "the IAAF network", "Acme servers" */
		if ((entity_cue(f, s, w, n, b + 1) & CUE_OWNED)
		    && !entity_word_is(s, w, b + 1, "it", 2)
		    && entity_spaces(s, w[b].end, w[b + 1].start))
			victim = true;
		if ((entity_cue(f, s, w, n, b + 1) & CUE_TELLER_AFTER)
		    && entity_cue_phrase(s, w, n, b + 1, CUE_TELLER_AFTER))
			teller = true;
		/* "Acme has been hacked", "Acme notified" */
		unsigned be = 0, verb;

		for (p = b + 1, k = 0;
		     p < n && k < 3 && (entity_cue(f, s, w, n, p) & CUE_AUX); p++) {
			be |= entity_cue(f, s, w, n, p) & CUE_BE;
			k++;
		}
		verb = be ? CUE_VICTIM_PASSIVE : CUE_VICTIM_ACTIVE;
		if ((entity_cue(f, s, w, n, p) & verb)
		    && entity_cue_phrase(s, w, n, p, verb))
			victim = true;
	}
	return victim ? INCLINE_ENTITY_ROLE_VICTIM
	       : teller ? INCLINE_ENTITY_ROLE_TELLER : INCLINE_ENTITY_ROLE_NONE;
}

/* Where a person's name lies in the run [a, b] of capitalised words, when
 * a title names one: "Mayor Keisha Lance Bottoms", "Microsoft CEO Satya
 * Nadella", or "spokesman John Smith" (the title in lower case before
 * the run). Returns true and sets *org_end to the number of words before
 * the first title (an organisation may stand there) and *surname to the
 * person's last word; false when the run names no titled person. */
static bool entity_person(size_t *org_end, size_t *surname,
			  const incline_entity_finder *f, const char *s,
			  const incline_span *w, size_t n, size_t a, size_t b,
			  const unsigned *fl)
{
	size_t first = SIZE_MAX, last = SIZE_MAX;

	if (fl[b] & (W_ALONE | W_FILLER | W_LINK | W_ACRONYM)
	    || (entity_cue(f, s, w, n, b) & CUE_TITLE))
		return false;
	for (size_t k = a; k < b; k++)
		if (entity_cue(f, s, w, n, k) & CUE_TITLE) {
			if (first == SIZE_MAX)
				first = k;
			last = k;
		}
	if (last != SIZE_MAX && b - last <= 3) {
		*org_end = first - a;
		*surname = b;
		return true;
	}
	if (last == SIZE_MAX && a > 0 && b - a <= 2
	    && !(fl[a - 1] & W_CAP)
	    && (entity_cue(f, s, w, n, a - 1) & CUE_TITLE)
	    && entity_spaces(s, w[a - 1].end, w[a].start)) {
		*org_end = 0;
		*surname = b;
		return true;
	}
	return false;
}

/* The acronym right after words [.., b] in parentheses, "... (ICC)":
 * its word index, or SIZE_MAX. */
static size_t entity_paren_acronym(const char *s, size_t len,
				   const incline_span *w, size_t n, size_t b,
				   const unsigned *fl)
{
	size_t i, p;

	if (b + 1 >= n || !(fl[b + 1] & W_ACRONYM))
		return SIZE_MAX;
	p = w[b].end;
	while (p < w[b + 1].start && s[p] == ' ')
		p++;
	if (p >= w[b + 1].start || s[p] != '(')
		return SIZE_MAX;
	for (i = p + 1; i < w[b + 1].start; i++)
		if (s[i] != ' ')
			return SIZE_MAX;
	if (w[b + 1].end >= len || s[w[b + 1].end] != ')')
		return SIZE_MAX;
	return b + 1;
}

int incline_entity_find(incline_entity_list *out, incline_entity_finder *f,
			const char *s, size_t len)
{
	int rc;

	if (len > 1u << 20)
		return 0; /* not a sentence */
	f->spans.n = 0;
	if ((rc = incline_text_words(&f->spans, s, len)))
		return rc;
	return entity_find_spans(out, f, s, len);
}

int incline_entity_find_words(incline_entity_list *out,
			      incline_entity_finder *f, const char *s,
			      size_t len, const incline_span *words, size_t n)
{
	void *items = f->spans.items;
	int rc;

	if (len > 1u << 20)
		return 0;
	rc = incline_array_reserve(&items, &f->spans.cap, n, sizeof *words);
	f->spans.items = items;
	if (rc)
		return rc;
	if (n)
		memcpy(f->spans.items, words, n * sizeof *words);
	f->spans.n = n;
	return entity_find_spans(out, f, s, len);
}

/* The names of s[0..len), whose words are in f->spans. */
static int entity_find_spans(incline_entity_list *out,
			     incline_entity_finder *f, const char *s,
			     size_t len)
{
	incline_span *w = f->spans.items;
	size_t n = f->spans.n;
	unsigned *fl;
	void *p = f->flags;
	int rc = incline_array_reserve(&p, &f->cap_flags, n + 1, sizeof *fl);

	f->flags = p;
	if (rc)
		return rc;
	fl = f->flags;
	for (size_t i = 0; i < n && !rc; i++) {
		/* "Court's" is the court. */
		size_t wl = w[i].end - w[i].start;
		const char *we = s + w[i].end;

		unsigned poss = 0;

		if (wl > 2 && we[-1] == 's' && we[-2] == '\'') {
			w[i].end -= 2;
			poss = W_POSS;
		} else if (wl > 4 && memcmp(we - 4, "\xe2\x80\x99s", 4) == 0) {
			w[i].end -= 4;
			poss = W_POSS;
		}
		rc = entity_word_flags(&fl[i], f, s + w[i].start,
				       w[i].end - w[i].start);
		fl[i] |= poss;
	}
	for (size_t i = 0; i < n && !rc;) {
		size_t a = i, b = i, acr, k, org_end, surname;
		incline_entity e;

		if (!(fl[i] & W_CAP)) {
			i++;
			continue;
		}
		/* The run: capitalised words, maybe linked by "of" & co. */
		while (b + 1 < n && b - a + 1 < ENTITY_MAX_WORDS
		       && entity_spaces(s, w[b].end, w[b + 1].start)) {
			if (fl[b + 1] & W_CAP)
				b++;
			else if ((fl[b + 1] & W_LINK) && b + 2 < n
				 && (fl[b + 2] & W_CAP)
				 && !(fl[b + 2] & W_FILLER)
				 && entity_spaces(s, w[b + 1].end, w[b + 2].start))
				b += 2;
			else
				break;
		}
		i = b + 1;
		if (entity_person(&org_end, &surname, f, s, w, n, a, b, fl)) {
			memset(&e, 0, sizeof e);
			if ((rc = entity_intern(&e.key, &e.surface, f, s, w,
						surname, surname)))
				break;
			e.span = w[surname];
			e.long_form = INCLINE_ENTITY_NONE;
			e.role = INCLINE_ENTITY_ROLE_PERSON;
			if (e.key != INCLINE_ENTITY_NONE
			    && (rc = entity_push(out, &e)))
				break;
			if (org_end == 0)
				continue;
			b = a + org_end - 1;
		}
		while (a <= b && (fl[a] & (W_FILLER | W_LINK)))
			a++;
		while (b > a && (fl[b] & (W_FILLER | W_LINK)))
			b--;
		if (a > b || (fl[a] & (W_FILLER | W_LINK)))
			continue;
		/* a lone identifier (a CVE number, a form) is nobody */
		if (a == b && (w[a].end - w[a].start < 3 || (fl[a] & W_CODE)))
			continue;
		for (k = a; k <= b && (fl[k] & (W_ALONE | W_FILLER | W_LINK)); k++)
			;
		if (k > b) /* "MINUTE Cyber", "Court": headline nouns */
			continue;
		if (w[b].end - w[a].start > ENTITY_MAX_BYTES)
			continue;
		memset(&e, 0, sizeof e);
		if ((rc = entity_intern(&e.key, &e.surface, f, s, w, a, b)))
			break;
		if (e.key == INCLINE_ENTITY_NONE)
			continue;
		e.span.start = w[a].start;
		e.span.end = w[b].end;
		e.long_form = INCLINE_ENTITY_NONE;
		e.acronym = a == b && (fl[a] & W_ACRONYM);
		/* One capitalised word opening a sentence is usually just
		 * the sentence's first word: flagged for the caller. */
		e.initial = a == b && !e.acronym && entity_initial(s, w, a);
		e.role = entity_role(f, s, w, n, a, b, fl);
		if ((rc = entity_push(out, &e)))
			break;
		acr = a < b ? entity_paren_acronym(s, len, w, n, b, fl) : SIZE_MAX;
		if (acr != SIZE_MAX) {
			incline_entity x;

			memset(&x, 0, sizeof x);
			if ((rc = entity_intern(&x.key, &x.surface, f, s, w, acr,
						acr)))
				break;
			i = acr + 1;
			if (x.key == INCLINE_ENTITY_NONE)
				continue;
			x.span = w[acr];
			x.long_form = e.key;
			x.acronym = true;
			x.role = e.role;
			rc = entity_push(out, &x);
		}
	}
	return rc;
}
