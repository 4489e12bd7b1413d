/* The cue tables (one per event type, plus the qualifiers around cues) and
 * the actor alias table, as data, with a small matcher over folded words.
 *
 * Pattern syntax, one row per pattern: words separated by spaces; "w*"
 * matches any word starting with w; "a|b|c" matches any of them; "~"
 * skips up to LEX_GAP words. Words are in folded form (lower case). */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "lexicon.h"

/* Longest stretch a "~" may skip: long enough for "took its systems
 * offline", short enough not to join two clauses' words. */
#define LEX_GAP 4

typedef struct row {
	int cls;
	const char *pattern;
} row;

#define T(type) INCLINE_EVENT_##type

/* Cues per event type. Chosen from how cyber-incident news phrases each
 * kind of happening; inflections through "*" rather than word lists. */
static const row cue_rows[] = {
	/* intrusion: the attack or breach itself */
	/* Who or what attacks ("hackers", "malware", "attackers", "scammers")
	 * names an agent or a tool, not a happening: alone it makes no
	 * event ("hackers often use phishing"); what they did is the cue. */
	{T(INTRUSION), "hack|hacked|hacking|hacks"},
	{T(INTRUSION), "hackers|hacker|attackers|attacker|scammers|fraudsters|criminals|cybercriminals|cyber-criminals|intruders|intruder|phishers|thieves|crooks|malware|ransomware|trojan|spyware|botnet ~ sent|demanded|demanding|asked|asking|accessed|obtained|got|grabbed|released|published|collected|copied|gained|used|posted|dumped|encrypted|locked|deleted|wiped|broke|managed|seized|targeted|infected|hit|struck|exploited|installed|planted|deployed|stole|launched|compromised|breached|leaked|sold|threatened"},
	{T(INTRUSION), "breach|breached|breaches|breaching"},
	{T(INTRUSION), "compromis*"},
	{T(INTRUSION), "cyberattack*|cyber-attack*|cyberintrusion*"},
	{T(INTRUSION), "cyber attack|attacks"},
	{T(INTRUSION), "attack|attacks|attacked|attacking"},
	{T(INTRUSION), "ransom|ransoms"},
	{T(INTRUSION), "extort*|blackmail*"},
	{T(INTRUSION), "phish*|spear-phish*|spearphish*|smishing|vishing"},
	{T(INTRUSION), "steal|steals|stealing|stole|stolen"},
	{T(INTRUSION), "exfiltrat*|siphon*|harvest*|skimm*"},
	{T(INTRUSION), "gain|gained|gaining|gains|obtain|obtained|obtaining ~ access"},
	{T(INTRUSION), "unauthorized|unauthorised|illegal|illicit access"},
	{T(INTRUSION), "accessed|infiltrat*|intrusion|intrusions"},
	{T(INTRUSION), "infect|infected|infecting|infection|infections"},
	/* not "encrypted": mostly hashed passwords and encrypted links, and
	 * ransomware says "ransomware" */
	{T(INTRUSION), "leak|leaked|leaking|leaks|leakage"},
	{T(INTRUSION), "data dump|dumps|leakage"},
	{T(INTRUSION), "dumped"},
	{T(INTRUSION), "hijack*|defac*|spoof*|impersonat*"},
	{T(INTRUSION), "trick|tricked|tricking|tricks|lure|lured|lures|luring|dupe|duped|entice|enticed|entices|enticing"},
	{T(INTRUSION), "masquerad*|forged"},
	/* data taken: "the passwords appear to have been obtained" */
	{T(INTRUSION), "data|information|records|credentials|passwords|details|emails|files|accounts|database|databases ~ obtained|collected|copied|taken|exfiltrated|corrupted|grabbed|downloaded|dumped"},
	{T(INTRUSION), "bitcoin|btc|ransom payment|payments|payout|payouts"},
	{T(INTRUSION), "posing|pretending|disguised|masquerading as|to"},
	{T(INTRUSION), "poses|posed as"},
	/* a forged message or page is the phishing itself */
	{T(INTRUSION), "fake|bogus|phony|counterfeit|fraudulent|spoofed ~ email|emails|message|messages|text|texts|sms|website|websites|site|sites|page|pages|alert|alerts|notification|notifications|invoice|invoices|letter|letters|login|download|downloads"},
	{T(INTRUSION), "presented|purporting as|to ~ coming|come from"},
	{T(INTRUSION), "scam|scams|scammed"},
	{T(INTRUSION), "victim|victims of"},
	{T(INTRUSION), "targeted|hit|struck by"},
	{T(INTRUSION), "hit|struck|infected with ~ ransomware|malware|virus|trojan|spyware|variant|strain"},
	{T(INTRUSION), "pay|pays|paid|paying ~ ransom|ransomware|bitcoin|bitcoins|btc|monero|attackers|hackers|extortion|extortionists"},
	{T(INTRUSION), "demand|demanded|demanding|demands ~ ransom|payment|bitcoin*|money"},
	{T(INTRUSION), "asked|asking for ~ ransom|payment|bitcoin*|money"},
	{T(INTRUSION), "ransom payment|payments|demand|demands|note|notes"},
	{T(INTRUSION), "had|have|has|having access to"},
	{T(INTRUSION), "break|broke|broken|breaking into"},
	/* after an agent, "took" is mostly "took advantage", "took so long"
	 * or "took place"; what is taken or controlled tells the intrusion */
	{T(INTRUSION), "took|take|takes|taking|seized|gained control of"},
	{T(INTRUSION), "took|taking the|their|its|some|all|customer|customers|personal|sensitive|private data|files|records|credentials|passwords|documents|emails"},

	/* detection: the victim noticed */
	{T(DETECTION), "detect|detected|detecting|detects|detection"},
	{T(DETECTION), "discover|discovered|discovering|discovers|discovery"},
	{T(DETECTION), "noticed|spotted|uncovered"},
	{T(DETECTION), "became|become|becoming aware"},
	{T(DETECTION), "identified|found|observed ~ activity|intrusion|breach|incident|malware|evidence"},
	{T(DETECTION), "learned|learnt of"},

	/* response: containing and investigating */
	{T(RESPONSE), "contain|contained|containing|containment"},
	/* "knocked offline" is what the attack did: an impact */
	{T(RESPONSE), "took|taken|take|taking|pulled ~ offline"},
	{T(RESPONSE), "shut|shutting down"},
	{T(RESPONSE), "disconnect*|isolat*|quarantin*"},
	{T(RESPONSE), "measures|countermeasures"},
	{T(RESPONSE), "mitigate|mitigated|mitigating|mitigation"},
	{T(RESPONSE), "respond|responded|responding|responses"},
	{T(RESPONSE), "launched|opened|started|began|begun|initiated ~ investigation|inquiry|probe"},
	{T(RESPONSE), "investigating|investigate|investigated|investigation|investigations|probing ~ incident|breach|attack|intrusion|hack|matter"},
	{T(RESPONSE), "aiding|assisting|helping|supporting ~ investigation"},
	{T(RESPONSE), "hired|engaged|retained|brought|called ~ firm|experts|specialists|forensic|consultants"},
	{T(RESPONSE), "notified|alerted|informed|contacted ~ police|authorities|enforcement|fbi|regulators"},
	{T(RESPONSE), "working|worked|cooperating with ~ authorities|enforcement|experts|police|government"},
	{T(RESPONSE), "assistance|help of"},
	{T(RESPONSE), "reset|resetting ~ password|passwords|credentials"},
	{T(RESPONSE), "strengthen|strengthened|strengthening|bolster|bolstered|harden|hardened ~ security|cybersecurity|defences|defenses|systems"},

	/* recovery */
	{T(RECOVERY), "restore|restored|restoring|restoration"},
	{T(RECOVERY), "back online"},
	{T(RECOVERY), "recover|recovered|recovering|recovery"},
	{T(RECOVERY), "resume|resumed|resuming"},
	{T(RECOVERY), "up and running"},
	{T(RECOVERY), "return|returns|returned|returning|back to normal"},

	/* disclosure: telling the public, customers or a regulator */
	{T(DISCLOSURE), "announce|announced|announces|announcing|announcement"},
	{T(DISCLOSURE), "confirm|confirmed|confirms|confirming"},
	{T(DISCLOSURE), "reported|reporting"},
	{T(DISCLOSURE), "disclose|disclosed|discloses|disclosing|disclosure"},
	{T(DISCLOSURE), "revealed|reveals|acknowledged|admitted"},
	{T(DISCLOSURE), "notify|notified|notifying|informing|informed|alerting ~ customers|users|patients|members|individuals|clients|employees|public|students|staff|residents|people|victims|subscribers|parents|shareholders|investors"},
	{T(DISCLOSURE), "filed|filing|filing ~ sec|regulator|regulators|notice|form"},
	{T(DISCLOSURE), "statement|statements"},
	{T(DISCLOSURE), "made public"},

	/* impact */
	{T(IMPACT), "affected|impacted|disrupted|disrupting|disruption|disruptions"},
	{T(IMPACT), "exposed|exposing|exposure"},
	{T(IMPACT), "outage|outages|downtime"},
	{T(IMPACT), "delayed|delays|cancelled|canceled|postponed|diverted|diverting"},
	{T(IMPACT), "crippled|paralyzed|paralysed|halted|knocked"},
	/* a denial of service floods a service from outside: nothing is
	 * entered or taken, the service is disrupted (see LEX_NONEVENT for
	 * the "attack" in "DDoS attack") */
	{T(IMPACT), "ddos|ddosed|ddosing|denial-of-service"},
	{T(IMPACT), "denial of service"},
	{T(IMPACT), "unable to"},
	{T(IMPACT), "damage|damages|damaged|losses|cost|costs"},
	{T(IMPACT), "records|accounts|customers|users|patients ~ exposed|affected|compromised|stolen|leaked"},

	/* attribution: who did it */
	{T(ATTRIBUTION), "origin|origins"},
	{T(ATTRIBUTION), "behind ~ attack|attacks|it|incident|breach|hack|intrusion|campaign|cyberattack*|cyber-attack*|outage|outages|theft|heist|leak|leaks|operation|operations"},
	{T(ATTRIBUTION), "responsible|responsibility"},
	{T(ATTRIBUTION), "attribut*"},
	/* "linked the heist to the Lazarus Group" */
	{T(ATTRIBUTION), "linked|tied|connected ~ to"},
	{T(ATTRIBUTION), "blame|blamed|blaming|blames"},
	{T(ATTRIBUTION), "carried out|conducted|perpetrated|orchestrated by"},
	{T(ATTRIBUTION), "perpetrator*|culprit*"},
	{T(ATTRIBUTION), "state-sponsored|state-backed|nation-state"},
	{T(ATTRIBUTION), "claimed|claim|claims credit|responsibility"},
	{T(ATTRIBUTION), "took|taken|take|takes|taking credit|responsibility"},
	{T(ATTRIBUTION), "suspected|accused of"},
	{T(ATTRIBUTION), "work of"},
	{T(ATTRIBUTION), "claimed|claims|claiming the|a|an ~ attack|attacks|hack|breach|intrusion|outage|outages|leak on|against|in|at|via|through|and"},
	{T(ATTRIBUTION), "involved|involvement"},
	{T(ATTRIBUTION), "hand|role in"},
	{T(ATTRIBUTION), "accused|accuses|accusing"},
	{T(ATTRIBUTION), "carried out ~ attack|attacks|heist|hack|breach|intrusion|campaign|operation"},
	{T(ATTRIBUTION), "conducted|perpetrated|orchestrated|staged|launched|mounted ~ attack|attacks|heist|hack|breach|intrusion|campaign|operation"},
	/* "it is not known who carried out the attack": unattributed */
	{T(ATTRIBUTION), "who|whoever ~ behind|responsible|carried|perpetrated|orchestrated"},

	/* vulnerability: a flaw found, published, present or exploited. The
	 * flaw's name alone ("the vulnerability is in the core code", "an
	 * exploit") describes it; LEX_FLAW + LEX_FINDING below make the event
	 * when something is said to have happened to it. */
	{T(VULNERABILITY), "is|are|was|were|remain|remains|remained|be|been|left vulnerable"},
	{T(VULNERABILITY), "exploited"},

	/* patch */
	{T(PATCH), "patch|patched|patches|patching"},
	{T(PATCH), "fix|fixed|fixes|fixing|hotfix*"},
	{T(PATCH), "security|software|firmware update|updates"},
	{T(PATCH), "released|issued|rolled|pushed|shipped ~ update|updates|fix|fixes|version|patch|mitigation|mitigations"},
	{T(PATCH), "vulnerability|vulnerabilities|flaw|flaws|bug|bugs|issue|issues|problem|problems|hole|holes ~ addressed|resolved|plugged|remediated|mitigated|closed"},
	{T(PATCH), "address|addressed|addresses|addressing|resolve|resolved|resolves ~ vulnerability|vulnerabilities|flaw|flaws|issue|issues|bug|bugs"},
	{T(PATCH), "upgrade|upgraded|upgrading"},
	{T(PATCH), "workaround|workarounds"},

	/* context: background, earlier incidents, warnings */
	{T(CONTEXT), "warn|warned|warning|warns|warnings"},
	{T(CONTEXT), "prevented|foiled|thwarted|stopped"},
	{T(CONTEXT), "inaugurated|established|founded"},
	{T(CONTEXT), "previously|formerly"},
	{T(CONTEXT), "spy|spies|espionage"},
};

/* Qualifiers: the words that change what a cue means. */
static const row qualifier_rows[] = {
	{LEX_NEGATION, "not|no|never|without|none|neither|nor|cannot|nobody"},
	{LEX_NEGATION, "don't|doesn't|didn't|isn't|wasn't|weren't|aren't|hasn't|haven't|hadn't|won't|can't|couldn't|wouldn't"},
	{LEX_NEGATION, "declined|declines|declining|refused|refuses|refrained|refrains to|from"},
	{LEX_NEGATION, "unable|failed to ~ confirm|say|determine|identify"},
	{LEX_NEG_SCOPE, "no evidence|indication|sign|signs|reason"},
	{LEX_NEG_SCOPE, "not aware"},
	{LEX_NEG_SCOPE, "nothing suggests|indicates"},
	{LEX_NEG_SCOPE, "unknown|unclear"},
	{LEX_NEG_SCOPE, "prevented|foiled|thwarted|averted|blocked"},
	{LEX_NEG_SCOPE, "declined|refused|refrained to|from ~ comment|say|disclose|provide|confirm|discuss"},
	{LEX_NEG_SCOPE, "not ~ provide|give|share|disclose|comment|discuss|elaborate"},
	{LEX_NEG_SCOPE, "no details|information|comment"},
	{LEX_HEDGE, "may|might|could have"},
	{LEX_HEDGE, "allegedly|reportedly|apparently|possibly|probably|likely|presumably"},
	{LEX_HEDGE, "supposedly|purportedly|seemingly|ostensibly"},
	{LEX_HEDGE, "possible|potential|suspected|alleged|apparent|purported"},
	{LEX_HEDGE, "suspect|suspects|believe|believed|believes|thought|appears|appeared|seems|seemed"},
	{LEX_MODAL, "may|might|could|would|should|will|shall|must"},
	{LEX_MODAL, "if|unless|whether"},
	{LEX_MODAL, "possibility|risk|threat|danger of"},
	{LEX_MODAL, "plan|plans|planning|planned|intend|intends|intended|aims|aim|want|wants to"},
	{LEX_MODAL, "how to"},
	{LEX_MODAL, "goal|aim|purpose|intent|intention of"},
	{LEX_MODAL, "in case of"},
	{LEX_MODAL, "expected|scheduled|slated|planned to|for|on|in"},
	{LEX_MODAL, "expected|scheduled|slated|due later|soon|next|this|by|within"},
	{LEX_MODAL, "upcoming|forthcoming"},
	{LEX_MODAL, "in the event of"},
	{LEX_MODAL, "prepare|prepared|preparing|ready for"},
	{LEX_MODAL, "warned|warn|warns|warning of|that|about"},
	/* a cue word naming a kind of thing, not a happening: "attack
	 * surface", "phishing kit", "immune to attacks" */
	{LEX_NONEVENT, "attack|attacks|hacking|phishing|exploit|exploits|malware|ransomware|breach|ddos surface|surfaces|vector|vectors|scenario|scenarios|technique|techniques|method|methods|tool|tools|toolkit|toolkits|kit|kits|framework|frameworks|code|route|routes|simulation|simulations|type|types|family|families|sample|samples|forum|forums|community|contest|competition|tutorial|tutorials|training|awareness|test|tests|variant|variants|strain|strains|developer|developers|author|authors|protection|prevention|detection|defense|defence|defenses|defences|magazine|conference|conferences"},
	/* an exploit bought, sold or defended against is a kind of tool */
	{LEX_NONEVENT, "exploit|exploits seller|sellers|purchaser|purchasers|buyer|buyers|broker|brokers|market|markets|marketplace|marketplaces|vendor|vendors|subscription|subscriptions|portal|portals|protection|protections|prevention|mitigation|mitigations|writer|writers|pack|packs"},
	/* a finding word inside a flaw's name or a noun is no finding: an
	 * "information disclosure vulnerability" is a kind of flaw, "the
	 * impact of the bug" its severity, "the most exploited" a ranking */
	{LEX_NONEVENT, "disclosure vulnerability|vulnerabilities|flaw|flaws|bug|bugs|issue|issues|weakness|weaknesses"},
	{LEX_NONEVENT, "the|its|their|known|potential|possible|real|full|overall|whose impact"},
	{LEX_NONEVENT, "most|least exploited"},
	/* a quantified plural names a kind of attack or other incidents,
	 * not this one: "such attacks", "other breaches", "many scams",
	 * "some ransomware attacks" */
	{LEX_NONEVENT, "such|other|many|some|all|any attacks|scams|breaches|hacks|infections|leaks|intrusions|cyberattacks|cyber-attacks"},
	{LEX_NONEVENT, "such|other|many|some|all|any ransomware|phishing|malware|cyber|email|phone|data|hacking|targeted|similar|previous|earlier|past|recent|major|large|successful attacks|scams|breaches|hacks|infections|leaks|intrusions|cyberattacks|cyber-attacks"},
	/* advice on telling a fraud apart is about frauds in general: "how to
	 * spot fake emails", "avoid falling for scams" */
	{LEX_NONEVENT, "spot|spotting|recognise|recognize|recognising|recognizing|identify|identifying|avoid|avoiding|report|detect|detecting ~ phishing|scam|scams"},
	{LEX_NONEVENT, "spot|spotting|recognise|recognize|recognising|recognizing|identify|identifying|avoid|avoiding|report|detect|detecting ~ fake|bogus|phony|fraudulent|spoofed|phishing|scam ~ email|emails|message|messages|text|texts|website|websites|site|sites|page|pages|call|calls|link|links"},
	/* "DDoS attack": a flood, the impact row above, not an intrusion */
	{LEX_NONEVENT, "ddos|denial-of-service|dos attack|attacks|attacker|attackers|campaign|campaigns|wave|waves"},
	{LEX_NONEVENT, "denial of service attack|attacks|attacker|attackers|campaign|campaigns"},
	{LEX_NONEVENT, "hit|struck|targeted|flooded|hammered|knocked by ~ ddos|denial-of-service|denial"},
	{LEX_NONEVENT, "susceptible|vulnerable|prone|immune|resistant|exposed to ~ attack|attacks|hacking|phishing|ransomware|hackers|attackers|exploitation"},
	{LEX_NONEVENT, "avoid|avoids|avoiding|avoided being|getting ~ phish*|hack*|scamm*|infect*|breach*|compromis*|hijack*|tricked|duped"},
	{LEX_NONEVENT, "against|prevent|preventing|prevents|protect|protects|protecting|defend|defending|thwart|block|blocking|stop|stopping ~ attack|attacks|hacking|hackers|attackers|phishing|ransomware|breaches|malware|intrusions"},
	/* in a sentence about a flaw, a bare "attack" names the way to
	 * exploit it ("the attack works against Android 8"), not an incident */
	{LEX_ATTACK_NOUN, "attack|attacks|cyberattack|cyberattacks|cyber-attack|cyber-attacks"},
	{LEX_ATTACK_NOUN, "cyber attack|attacks"},
	/* event nouns that, bare ("an attack", "scams"), name attacks as a
	 * topic more often than they tell one (see bare_event() in
	 * extract.c), and what makes one a happening all the same: a kind
	 * that is an intrusion ("a ransomware attack", "scam emails"), or a
	 * victim said to suffer it ("the city suffered a cyberattack") */
	{LEX_BARE_NOUN, "attack|attacks|cyberattack|cyberattacks|cyber-attack|cyber-attacks|hack|hacks|scam|scams|infection|infections|intrusion|intrusions|compromise"},
	{LEX_BARE_NOUN, "cyber attack|attacks"},
	{LEX_SPECIFIC, "data|ransomware|phishing|spear-phishing|spearphishing|extortion|ransom|whaling|smishing|vishing attack|attacks|cyberattack|cyberattacks|cyber-attack|cyber-attacks|hack|hacks|scam|scams|infection|infections|intrusion|intrusions|compromise"},
	{LEX_SPECIFIC, "scam email|emails|message|messages|text|texts|call|calls|letter|letters|website|websites|site|sites|page|pages"},
	{LEX_SPECIFIC, "suffered|suffer|suffers|suffering|experienced|experiences|sustained|faced|faces|facing|underwent|endured|under ~ attack|attacks|cyberattack|cyberattacks|cyber-attack|cyber-attacks|hack|hacks|scam|scams|infection|infections|intrusion|intrusions|compromise"},
	/* a participle before its noun ("the stolen data", "a compromised
	 * server") refers to an earlier happening the sentence does not tell */
	{LEX_ATTRIBUTIVE, "the|a|an|their|its|his|her|these|those|any|all|of|from|on|in|previously stolen|leaked|compromised|hacked|breached|infected|phished|exfiltrated|hijacked"},
	/* names of a flaw, for vulnerability events */
	{LEX_FLAW, "vulnerability|vulnerabilities|flaw|flaws|bug|bugs|loophole|loopholes|cve-*|zero-day|zero-days|0-day|0day|exploit|exploits|vulnerable"},
	{LEX_FLAW, "security hole|holes|weakness|weaknesses|issue|issues|problem|problems"},
	{LEX_FLAW, "glitch|glitches|defect|defects"},
	/* a flaw named again right after: "the problem arises when..." */
	{LEX_FLAW_AGAIN, "the|this|that|these|those|both problem|problems|issue|issues|hole|holes|weakness|weaknesses|error|errors"},
	/* the product versions a flaw reaches, right after it was named:
	 * "versions 4.0 and up are affected" tells the flaw's reach */
	{LEX_FLAW_AGAIN, "version|versions|releases|models|firmware|installations|builds|editions ~ affect|affects|affected|affecting|impact|impacts|impacted|impacting|vulnerable"},
	{LEX_FLAW_AGAIN, "affect|affects|affected|affecting|impact|impacts|impacted|impacting|vulnerable ~ version|versions|releases|models|firmware|installations|builds|editions"},
	/* what happens to a flaw: found, published, present, affecting */
	{LEX_FINDING, "discover|discovered|discovering|discovers|discovery|found|find|finds|finding|findings|identified|identifies|uncover*|unearth*|spotted|detected|noticed"},
	{LEX_FINDING, "dug|turned up"},
	{LEX_FINDING, "made public|aware"},
	{LEX_FINDING, "present|remained|remains|lives|living|sits in|inside|within"},
	{LEX_FINDING, "arise|arises|arose|occur|occurs|occurred|stems|stem|lies|lie|revolves"},
	{LEX_FINDING, "said|says|say|told|tells|claim|claims|claimed|confirm|confirmed|confirms|announce|announced|announces|warn|warns|mentioned|noted"},
	{LEX_FINDING, "describe|described|describes|classified|classifies|categorized|categorised|listed|named|called|known|rated|deemed|labeled|labelled|logged|observed|located|highlighted|flagged|posted|shared|analyzed|analysed|involves|involved|contained|suffer|suffers|suffered"},
	{LEX_FINDING, "report|reported|reporting|reports|disclose|disclosed|discloses|disclosing|disclosure|revealed|reveals|published|publishes|publicized|publicised|detailed|details|acknowledged"},
	{LEX_FINDING, "affect|affects|affected|affecting|impact|impacts|impacted|impacting|exist|exists|existed|resides|resided|lies|lay|introduced|assigned|tracked|dubbed|demonstrated|warned|emerged"},
	{LEX_GENERIC, "on the rise"},
	{LEX_GENERIC, "are|were rising|growing|increasing|soaring|surging|proliferating|spreading|becoming"},
	{LEX_GENERIC, "continue|continues to rise|grow|increase|evolve"},
	{LEX_GENERIC, "surge|rise|increase|spike|growth|uptick|jump|decline|drop in"},
	{LEX_GENERIC, "among the most"},
	/* definitions and kinds: "ransomware is a type of malware that..." */
	{LEX_GENERIC, "is|are a|an type|kind|form|class|category|family of"},
	{LEX_GENERIC, "refers|refer to"},
	{LEX_GENERIC, "frequent|common|popular|prime|favorite|favourite target|targets"},
	{LEX_GENERIC, "most common|popular|frequent|prevalent|widespread way|ways|method|methods|means|form|forms|type|types|tactic|tactics|technique|techniques|vector|vectors|threat|threats"},
	{LEX_GENERIC, "increasingly|typically|usually|commonly|often|frequently"},
	{LEX_GENERIC, "growing|rising number"},
	{LEX_GENERIC, "more and more"},
	{LEX_DENY, "deny|denied|denies|denying|rejected|rejects|dismissed"},
	{LEX_REPORT, "said|says|say|stated|states|told|claimed|claims|confirmed|confirms"},
	{LEX_REPORT, "reported|reports|added|adds|noted|notes|wrote|writes|announced|explained|assured|assures|declined|refrained|warned|insisted|acknowledged"},
	/* who holds a suspicion or makes an accusation is a claimant too */
	{LEX_REPORT, "suspect|suspects|believe|believes|blamed|blames|accused|accuses|attributed|attributes|alleged|alleges"},
	{LEX_REPORT, "linked|links|traced|traces"},
	/* who attributes, or is sure or not of it, holds the claim too:
	 * "Proofpoint does not attribute the activity", "the company was
	 * confident Fancy Bear was responsible", "is not sure who" */
	{LEX_REPORT, "attribute|attributing|confident|convinced|sure|certain|know|knows|knew"},
	{LEX_ACCORDING, "according to"},
	/* a definite event noun ("the breach", "this attack") presupposes the
	 * happening: a negation or a modal before it is about something else
	 * ("did not report the breach", "cannot comment on the ransom") */
	{LEX_PRESUPPOSED, "the|this|that|these|those|its|their|last|recent|latest ~ attack|attacks|cyberattack|cyberattacks|cyber-attack|cyber-attacks|breach|breaches|hack|hacks|intrusion|intrusions|leak|leaks|infection|ransom|theft|dump|compromise|stolen|leaked|hacked|breached|compromised"},
	{LEX_SELF_CLAIM, "claimed|claim|claims|claiming|took|taken|take|takes credit|responsibility"},
	{LEX_SELF_CLAIM, "claimed|claims|claiming the|a|an ~ attack|attacks|hack|breach|intrusion|outage|outages|leak on|against|in|at|via|through|and"},
	{LEX_CAPABILITY, "can|allow|allows|allowing|enable|enables|enabling|lets|permits"},
	{LEX_CAPABILITY, "designed|meant|built|engineered|crafted to"},
	{LEX_CAPABILITY, "method|methods|tool|tools|ways|means|technique|techniques|capability|capabilities|ability to"},
	{LEX_CONTINUE, "he|she|it|they|this|that|these|those|then|later|afterwards|subsequently|there|its|their"},
	{LEX_CONTINUE, "the attack|breach|incident|hack|attackers|hackers"},
	/* a fragment cut off after a closing quote: "…systems.”but assures…" */
	{LEX_CONTINUE, "and|but|although|though|while|yet|so|because"},
	{LEX_CLAUSE, "but|although|though|however|whereas|while|nevertheless|which|that"},
};

/* Built-in actor aliases: folded alias -> canonical name. Groups, gangs,
 * states and agencies seen in incident reporting; users add more with
 * --actors. */
static const struct {
	const char *alias;
	const char *canonical;
} actor_rows[] = {
	{"apt28", "APT28"}, {"fancy bear", "APT28"}, {"forest blizzard", "APT28"},
	{"sofacy", "APT28"}, {"strontium", "APT28"}, {"sednit", "APT28"},
	{"pawn storm", "APT28"},
	{"apt29", "APT29"}, {"cozy bear", "APT29"}, {"midnight blizzard", "APT29"},
	{"nobelium", "APT29"}, {"the dukes", "APT29"},
	{"sandworm", "Sandworm"}, {"seashell blizzard", "Sandworm"}, {"voodoo bear", "Sandworm"},
	{"turla", "Turla"}, {"venomous bear", "Turla"},
	{"lazarus", "Lazarus Group"}, {"lazarus group", "Lazarus Group"}, {"hidden cobra", "Lazarus Group"},
	{"apt41", "APT41"}, {"double dragon", "APT41"}, {"winnti", "APT41"},
	{"apt10", "APT10"}, {"stone panda", "APT10"},
	{"volt typhoon", "Volt Typhoon"}, {"salt typhoon", "Salt Typhoon"},
	{"charming kitten", "APT35"}, {"apt35", "APT35"}, {"apt33", "APT33"},
	{"scattered spider", "Scattered Spider"}, {"lapsus$", "Lapsus$"}, {"lapsus", "Lapsus$"},
	{"lockbit", "LockBit"}, {"alphv", "ALPHV"}, {"blackcat", "ALPHV"},
	{"cl0p", "Cl0p"}, {"clop", "Cl0p"}, {"conti", "Conti"}, {"revil", "REvil"},
	{"sodinokibi", "REvil"}, {"ryuk", "Ryuk"}, {"darkside", "DarkSide"},
	{"blackbasta", "Black Basta"}, {"black basta", "Black Basta"}, {"akira", "Akira"},
	{"rhysida", "Rhysida"}, {"royal", "Royal"}, {"maze", "Maze"}, {"wannacry", "WannaCry"},
	{"notpetya", "NotPetya"}, {"petya", "NotPetya"}, {"killnet", "Killnet"},
	{"noname057", "NoName057(16)"}, {"shadow brokers", "Shadow Brokers"},
	{"gru", "GRU"}, {"fsb", "FSB"}, {"svr", "SVR"}, {"mss", "MSS"},
	{"russia", "Russia"}, {"russian government", "Russia"}, {"kremlin", "Russia"},
	{"moscow", "Russia"},
	{"china", "China"}, {"chinese government", "China"}, {"beijing", "China"},
	{"north korea", "North Korea"}, {"pyongyang", "North Korea"},
	{"iran", "Iran"}, {"iranian government", "Iran"}, {"tehran", "Iran"},
};

/* One word of a compiled pattern: alternatives, or a gap. */
typedef struct alt {
	char *word;
	bool prefix;
	size_t len; /* strlen(word) */
} alt;

typedef struct pword {
	alt *alts;
	size_t n_alts;
	bool gap;
	/* Set by build_vocab: the vocabulary ids of the exact alternatives,
	 * sorted, and whether any alternative is a prefix ("w*"). */
	uint32_t *ids;
	size_t n_ids;
	bool has_prefix;
	/* Bit id % 64 set for each of ids: a word whose bit is clear is none
	 * of them, known without the binary search (see may_follow). */
	uint64_t id_bits;
} pword;

typedef struct pattern {
	int cls;
	const char *actor; /* owned by the lexicon's actor names */
	pword *words;
	size_t n_words;
	/* Set by build_vocab, for may_follow: the first word after the
	 * first that is no gap (n_words: none), and how many words the gaps
	 * before it may skip. */
	size_t next_word, next_reach;
} pattern;

/* Index entry: one alternative of a pattern's first word. */
typedef struct entry {
	const char *key;
	bool prefix;
	size_t pattern;
	size_t len; /* strlen(key) */
	/* Set by build_accelerators from the pattern, for may_follow, so
	 * the test reads one entry and not the pattern and its words:
	 * whether the pattern's next word (see pattern.next_word) can be
	 * tested by id, its id_bits and the reach of the gaps before it. */
	bool filter;
	uint64_t next_bits;
	size_t next_reach;
} entry;

/* One distinct word of the tables: every exact alternative, and every
 * key of the first-word index. Its id is its place in the vocabulary. */
typedef struct vword {
	const char *word; /* borrowed from a pattern */
	size_t len;
	uint64_t hash;    /* FNV-1a of word */
	size_t lo, hi;    /* index[lo .. hi): the entries with this key */
} vword;

/* A word of a sentence not in the vocabulary. */
#define LEX_NO_ID UINT32_MAX

struct incline_lexicon {
	pattern *patterns;
	size_t n_patterns, cap_patterns;
	entry *index;
	size_t n_index;
	/* Lookup accelerators, rebuilt with the index (see build_index):
	 * the "w*" entries again, by first byte, then length, key and
	 * pattern, in prefixes[pfirst[c] .. pfirst[c + 1]). */
	entry *prefixes;
	size_t n_prefixes;
	size_t pfirst[257];
	/* The vocabulary and an open-addressing hash table over it: slots
	 * hold id + 1, 0 = free (n_slots a power of two, at most half
	 * full). Each word of a sentence is looked up once; matching then
	 * compares ids, and the word's id leads to its index entries. */
	vword *vocab;
	size_t n_vocab, cap_vocab;
	uint32_t *slots;
	size_t n_slots;
	char **names; /* canonical actor names (owned) */
	size_t n_names;
};

static int compile_word(pword *w, char *tok)
{
	size_t n = 1;
	memset(w, 0, sizeof *w);
	if (strcmp(tok, "~") == 0) {
		w->gap = true;
		return 0;
	}
	for (char *p = tok; *p; p++)
		n += *p == '|';
	if (!(w->alts = calloc(n, sizeof *w->alts)))
		return INCLINE_ENOMEM;
	for (char *save = NULL, *a = strtok_r(tok, "|", &save); a; a = strtok_r(NULL, "|", &save)) {
		size_t len = strlen(a);
		alt *x = &w->alts[w->n_alts];
		x->prefix = len > 1 && a[len - 1] == '*';
		x->len = len - x->prefix;
		if (!(x->word = strndup(a, x->len)))
			return INCLINE_ENOMEM;
		w->n_alts++;
	}
	return 0;
}

static void free_pattern(pattern *p)
{
	for (size_t i = 0; i < p->n_words; i++) {
		for (size_t j = 0; j < p->words[i].n_alts; j++)
			free(p->words[i].alts[j].word);
		free(p->words[i].alts);
		free(p->words[i].ids);
	}
	free(p->words);
}

/* Compiles text (a pattern row) and appends it. */
static int add_pattern(incline_lexicon *lex, int cls, const char *text, const char *actor)
{
	char *copy = strdup(text), *save = NULL;
	pattern p = {cls, actor, NULL, 0, 0, 0};
	size_t n = 1;
	int rc = 0;

	if (!copy)
		return INCLINE_ENOMEM;
	for (const char *s = text; *s; s++)
		n += *s == ' ';
	if (!(p.words = calloc(n, sizeof *p.words)))
		rc = INCLINE_ENOMEM;
	for (char *t = strtok_r(copy, " ", &save); !rc && t; t = strtok_r(NULL, " ", &save))
		if (!(rc = compile_word(&p.words[p.n_words], t)))
			p.n_words++;
	free(copy);
	if (!rc && (p.n_words == 0 || p.words[0].gap))
		rc = INCLINE_EUSAGE;
	if (!rc) {
		void *items = lex->patterns;
		rc = incline_array_reserve(&items, &lex->cap_patterns, lex->n_patterns + 1, sizeof p);
		lex->patterns = items;
	}
	if (rc) {
		if (p.words && p.n_words < n)
			p.n_words++; /* free the half-built word too */
		free_pattern(&p);
		return rc;
	}
	lex->patterns[lex->n_patterns++] = p;
	return 0;
}

static int cmp_entry(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	int c = strcmp(x->key, y->key);
	if (c)
		return c;
	return x->pattern < y->pattern ? -1 : x->pattern > y->pattern;
}

static unsigned char first_byte(const entry *e)
{
	return (unsigned char)e->key[0];
}

/* Prefix entries: by first byte, then shortest first, so that trying them
 * in order finds the hits in the order of growing prefix length. */
static int cmp_prefix(const void *a, const void *b)
{
	const entry *x = a, *y = b;
	if (first_byte(x) != first_byte(y))
		return first_byte(x) < first_byte(y) ? -1 : 1;
	if (x->len != y->len)
		return x->len < y->len ? -1 : 1;
	return cmp_entry(a, b);
}

/* Bytes s[0..n) (0 < n <= 3) as one number, little end first. */
static uint64_t load_short(const unsigned char *s, size_t n)
{
	return (uint64_t)s[0] | (uint64_t)s[n / 2] << 8 | (uint64_t)s[n - 1] << 16;
}

/* Mixes one 64-bit piece into h (multiply, fold the high half down). */
static inline uint64_t mix(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9E3779B97F4A7C15u;
	return h ^ (h >> 29);
}

/* The hash of a word, for the vocabulary's table. Every word of every
 * sentence is hashed, and a byte at a time (FNV-1a, with a strlen in the
 * same loop) was 6% of the matcher: a word of up to 8 bytes is read as
 * one or two overlapping 4-byte loads (up to 3 bytes: first, middle and
 * last), a longer one 8 bytes at a time with the last 8 (overlapping) to
 * close. With the length mixed in, the loads determine the word; any hash
 * would do (a table hit compares the bytes). */
static inline uint64_t hash_key(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	uint64_t h = (uint64_t)len * 0xD6E8FEB86659FD93u, v;

	if (len <= 8) {
		uint32_t lo, hi;
		if (len < 4)
			return mix(h, len ? load_short(u, len) : 0);
		memcpy(&lo, u, 4);
		memcpy(&hi, u + len - 4, 4);
		return mix(h, (uint64_t)lo << 32 | hi);
	}
	for (size_t i = 0; i + 8 < len; i += 8) {
		memcpy(&v, u + i, 8);
		h = mix(h, v);
	}
	memcpy(&v, u + len - 8, 8);
	return mix(h, v);
}

/* a[0..n) == b[0..n)? Words are short, and memcmp was a call per word
 * of every sentence (twice for some): up to 8 bytes are compared as two
 * overlapping 4-byte loads (up to 3 byte by byte), which together cover
 * every byte; longer ones by memcmp. */
static inline bool same_bytes(const char *a, const char *b, size_t n)
{
	uint32_t x0, x1, y0, y1;

	if (n > 8)
		return memcmp(a, b, n) == 0;
	if (n < 4) {
		for (size_t i = 0; i < n; i++)
			if (a[i] != b[i])
				return false;
		return true;
	}
	memcpy(&x0, a, 4);
	memcpy(&y0, b, 4);
	memcpy(&x1, a + n - 4, 4);
	memcpy(&y1, b + n - 4, 4);
	return x0 == y0 && x1 == y1;
}

/* The id of s[0..len) (hash h), or LEX_NO_ID. */
static inline uint32_t find_word(const incline_lexicon *lex, const char *s, size_t len,
				 uint64_t h)
{
	for (size_t i = (size_t)h & (lex->n_slots - 1);; i = (i + 1) & (lex->n_slots - 1)) {
		uint32_t v = lex->slots[i];
		const vword *w;
		if (v == 0)
			return LEX_NO_ID;
		w = &lex->vocab[v - 1];
		if (w->hash == h && w->len == len && same_bytes(w->word, s, len))
			return v - 1;
	}
}

/* The id of word (adding it to the vocabulary), or LEX_NO_ID on OOM. The
 * table is sized beforehand by build_vocab. */
static uint32_t add_word(incline_lexicon *lex, const char *word, size_t len)
{
	uint64_t h = hash_key(word, len);
	uint32_t id = find_word(lex, word, len, h);
	size_t i;

	if (id != LEX_NO_ID)
		return id;
	if (lex->n_vocab == lex->cap_vocab)
		return LEX_NO_ID; /* cannot happen: counted in build_vocab */
	id = (uint32_t)lex->n_vocab++;
	lex->vocab[id] = (vword){word, len, h, 0, 0};
	for (i = (size_t)h & (lex->n_slots - 1); lex->slots[i]; i = (i + 1) & (lex->n_slots - 1))
		;
	lex->slots[i] = id + 1;
	return id;
}

static int cmp_id(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return x < y ? -1 : x > y;
}

/* Gives every word of every pattern an id, each pword its sorted ids and
 * each id its run of first-word index entries. */
static int build_vocab(incline_lexicon *lex)
{
	size_t total = lex->n_index, n = 4;

	for (size_t i = 0; i < lex->n_patterns; i++)
		for (size_t k = 0; k < lex->patterns[i].n_words; k++)
			total += lex->patterns[i].words[k].n_alts;
	if (total >= LEX_NO_ID)
		return INCLINE_ENOMEM;
	while (n < 2 * total + 2)
		n *= 2;
	free(lex->vocab);
	free(lex->slots);
	lex->n_vocab = 0;
	lex->cap_vocab = total;
	lex->vocab = malloc((total ? total : 1) * sizeof *lex->vocab);
	lex->slots = calloc(n, sizeof *lex->slots);
	lex->n_slots = n;
	if (!lex->vocab || !lex->slots)
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < lex->n_patterns; i++) {
		pattern *p = &lex->patterns[i];
		p->next_word = 1;
		p->next_reach = 0;
		while (p->next_word < p->n_words && p->words[p->next_word].gap) {
			p->next_word++;
			p->next_reach += LEX_GAP;
		}
		for (size_t k = 0; k < lex->patterns[i].n_words; k++) {
			pword *w = &lex->patterns[i].words[k];
			free(w->ids);
			w->n_ids = 0;
			w->has_prefix = false;
			w->id_bits = 0;
			if (!(w->ids = malloc((w->n_alts ? w->n_alts : 1) * sizeof *w->ids)))
				return INCLINE_ENOMEM;
			for (size_t j = 0; j < w->n_alts; j++) {
				if (w->alts[j].prefix) {
					w->has_prefix = true;
					continue;
				}
				if ((w->ids[w->n_ids++] = add_word(lex, w->alts[j].word,
								   w->alts[j].len)) == LEX_NO_ID)
					return INCLINE_ENOMEM;
			}
			qsort(w->ids, w->n_ids, sizeof *w->ids, cmp_id);
			for (size_t j = 0; j < w->n_ids; j++)
				w->id_bits |= (uint64_t)1 << (w->ids[j] % 64);
		}
	}
	for (size_t lo = 0, hi; lo < lex->n_index; lo = hi) {
		const entry *e = &lex->index[lo];
		uint32_t id = add_word(lex, e->key, e->len);
		for (hi = lo + 1; hi < lex->n_index && strcmp(lex->index[hi].key, e->key) == 0; hi++)
			;
		if (id == LEX_NO_ID)
			return INCLINE_ENOMEM;
		lex->vocab[id].lo = lo;
		lex->vocab[id].hi = hi;
	}
	return 0;
}

/* Fills the hash of exact keys, prefixes and pfirst[] from the sorted
 * index: the matcher makes one hash probe per word and looks at the
 * prefix rows of one first byte, instead of binary searching the whole
 * index once per prefix of every word (which was over a third of
 * `incline extract`, perf on a 10 MB corpus). */
static int build_accelerators(incline_lexicon *lex)
{
	size_t np = 0, k = 0;
	entry *pre;

	if (build_vocab(lex))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < lex->n_index; i++) {
		entry *e = &lex->index[i];
		const pattern *p = &lex->patterns[e->pattern];
		e->filter = p->next_word < p->n_words && !p->words[p->next_word].has_prefix;
		e->next_bits = e->filter ? p->words[p->next_word].id_bits : 0;
		e->next_reach = p->next_reach;
	}

	for (size_t i = 0; i < lex->n_index; i++)
		np += lex->index[i].prefix;
	if (!(pre = malloc((np ? np : 1) * sizeof *pre)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < lex->n_index; i++)
		if (lex->index[i].prefix)
			pre[k++] = lex->index[i];
	qsort(pre, np, sizeof *pre, cmp_prefix);
	free(lex->prefixes);
	lex->prefixes = pre;
	lex->n_prefixes = np;
	for (size_t c = 0, j = 0; c < 257; c++) {
		while (j < np && first_byte(&pre[j]) < c)
			j++;
		lex->pfirst[c] = j;
	}
	return 0;
}

/* Rebuilds the first-word index (after the table changed). */
static int build_index(incline_lexicon *lex)
{
	size_t n = 0, k = 0;
	entry *idx;

	for (size_t i = 0; i < lex->n_patterns; i++)
		n += lex->patterns[i].words[0].n_alts;
	if (!(idx = malloc((n ? n : 1) * sizeof *idx)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < lex->n_patterns; i++) {
		const pword *w = &lex->patterns[i].words[0];
		for (size_t j = 0; j < w->n_alts; j++)
			idx[k++] = (entry){w->alts[j].word, w->alts[j].prefix, i,
					   strlen(w->alts[j].word), false, 0, 0};
	}
	qsort(idx, n, sizeof *idx, cmp_entry);
	free(lex->index);
	lex->index = idx;
	lex->n_index = n;
	return build_accelerators(lex);
}

static int add_name(incline_lexicon *lex, const char *canonical, const char **out)
{
	for (size_t i = 0; i < lex->n_names; i++) {
		if (strcmp(lex->names[i], canonical) == 0) {
			*out = lex->names[i];
			return 0;
		}
	}
	char **names = realloc(lex->names, (lex->n_names + 1) * sizeof *names);
	if (!names)
		return INCLINE_ENOMEM;
	lex->names = names;
	if (!(names[lex->n_names] = strdup(canonical)))
		return INCLINE_ENOMEM;
	*out = names[lex->n_names++];
	return 0;
}

static int add_actor_row(incline_lexicon *lex, const char *alias, const char *canonical)
{
	const char *name;
	int rc = add_name(lex, canonical, &name);
	if (rc)
		return rc;
	/* An alias is literal: a "*" or "|" in a user's name is not syntax. */
	if (strpbrk(alias, "*|~") || !alias[0])
		return INCLINE_EUSAGE;
	return add_pattern(lex, LEX_ACTOR, alias, name);
}

int incline_lexicon_add_actor(incline_lexicon *lex, const char *folded_alias,
			      const char *canonical)
{
	int rc = add_actor_row(lex, folded_alias, canonical);
	return rc ? rc : build_index(lex);
}

static int add_rows(incline_lexicon *lex, const row *rows, size_t n)
{
	int rc = 0;
	for (size_t i = 0; !rc && i < n; i++)
		rc = add_pattern(lex, rows[i].cls, rows[i].pattern, NULL);
	return rc;
}

int incline_lexicon_new(incline_lexicon **out, incline_error *err)
{
	incline_lexicon *lex = calloc(1, sizeof *lex);
	int rc = lex ? 0 : INCLINE_ENOMEM;

	*out = NULL;
	if (!rc)
		rc = add_rows(lex, cue_rows, sizeof cue_rows / sizeof *cue_rows);
	if (!rc)
		rc = add_rows(lex, qualifier_rows, sizeof qualifier_rows / sizeof *qualifier_rows);
	for (size_t i = 0; !rc && i < sizeof actor_rows / sizeof *actor_rows; i++)
		rc = add_actor_row(lex, actor_rows[i].alias, actor_rows[i].canonical);
	if (!rc)
		rc = build_index(lex);
	if (rc) {
		incline_lexicon_free(lex);
		return incline_error_set(err, rc, NULL, 0, 0, "cannot build the cue tables: %s",
					 incline_error_name(rc));
	}
	*out = lex;
	return 0;
}

void incline_lexicon_free(incline_lexicon *lex)
{
	if (!lex)
		return;
	for (size_t i = 0; i < lex->n_patterns; i++)
		free_pattern(&lex->patterns[i]);
	for (size_t i = 0; i < lex->n_names; i++)
		free(lex->names[i]);
	free(lex->patterns);
	free(lex->index);
	free(lex->prefixes);
	free(lex->vocab);
	free(lex->slots);
	free(lex->names);
	free(lex);
}

/* One call of the matcher: the sentence's words with their lengths and
 * vocabulary ids, and the hits found so far. */
typedef struct matcher {
	const incline_lexicon *lex;
	const char *const *toks;
	const uint32_t *ids;
	const size_t *lens;
	size_t n;
	lex_hit **hits;
	size_t *n_hits, *cap;
} matcher;

/* Does word i match w? Exact alternatives are a binary search of ids:
 * "~" gaps try a word's list (up to 70 alternatives) at up to five
 * positions, and comparing strings there was a third of the matcher
 * (callgrind, bench corpus). Prefix alternatives are compared as text. */
static bool word_matches(const pword *w, const matcher *m, size_t i)
{
	uint32_t id = m->ids[i];

	if (id != LEX_NO_ID) {
		size_t lo = 0, hi = w->n_ids;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;
			if (w->ids[mid] == id)
				return true;
			if (w->ids[mid] < id)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	if (!w->has_prefix)
		return false;
	for (size_t k = 0; k < w->n_alts; k++) {
		const alt *a = &w->alts[k];
		if (a->prefix && m->lens[i] >= a->len && memcmp(m->toks[i], a->word, a->len) == 0)
			return true;
	}
	return false;
}

/* Matches p->words[k..] at words i..n; returns the index one past the last
 * matched word, or 0 when it does not match. */
static size_t match_from(const pattern *p, size_t k, const matcher *m, size_t i)
{
	if (k == p->n_words)
		return i;
	if (p->words[k].gap) {
		for (size_t skip = 0; skip <= LEX_GAP && i + skip <= m->n; skip++) {
			size_t e = match_from(p, k + 1, m, i + skip);
			if (e)
				return e;
		}
		return 0;
	}
	if (i >= m->n || !word_matches(&p->words[k], m, i))
		return 0;
	return match_from(p, k + 1, m, i + 1);
}

static int push_hit(lex_hit **hits, size_t *n, size_t *cap, lex_hit h)
{
	for (size_t i = *n; i-- > 0 && (*hits)[i].first == h.first;) {
		if ((*hits)[i].cls != h.cls)
			continue;
		if (h.last > (*hits)[i].last) /* keep the longest per class */
			(*hits)[i] = h;
		return 0;
	}
	void *items = *hits;
	int rc = incline_array_reserve(&items, cap, *n + 1, sizeof **hits);
	*hits = items;
	if (rc)
		return rc;
	(*hits)[(*n)++] = h;
	return 0;
}

/* Can the pattern of entry e, whose first word is word i, go on after
 * it? false
 * only when it cannot match: the first word of p after the first that is
 * no gap is a plain list of words (no prefix), and none of the words it
 * may fall on (word i + 1, or up to LEX_GAP further per gap before it)
 * is in that list. Most tries end there ("the" and "in" begin dozens of
 * rows, and the words after them are rarely theirs: 100k of the 130k
 * tries on the bench corpus failed), and a bit test of each candidate's
 * id says so without match_from's recursion and binary searches. Exact:
 * match_from tries that word exactly at those places, a clear bit means
 * the id is in no alternative (id_bits has the bit of each), and
 * word_matches has nothing else to try without prefixes. */
static inline bool may_follow(const entry *e, const matcher *m, size_t i)
{
	size_t from = i + 1, to; /* words between are gaps: they may skip none */

	if (!e->filter) /* no next word, or one with a prefix */
		return true;
	to = from + e->next_reach < m->n ? from + e->next_reach + 1 : m->n;
	for (size_t k = from; k < to; k++) {
		uint32_t id = m->ids[k];
		if (id != LEX_NO_ID && ((e->next_bits >> (id % 64)) & 1))
			return true;
	}
	return false;
}

/* Tries the pattern of index entry e at word i (after may_follow). */
static int try_entry(const matcher *m, const entry *e, size_t i)
{
	const pattern *p = &m->lex->patterns[e->pattern];
	size_t end;

	if (p->n_words == 1) /* what match_from(p, 1, ...) returns at once */
		end = i + 1;
	else
		end = match_from(p, 1, m, i + 1);
	if (!end)
		return 0;
	lex_hit h = {p->cls, i, end - 1, p->actor};
	return push_hit(m->hits, m->n_hits, m->cap, h) ? INCLINE_ENOMEM : 0;
}

/* Prefix rows ("compromis*"): the entries whose key is a proper prefix of
 * the word (at most LEX_MAX_PREFIX bytes long), shortest first. */
#define LEX_MAX_PREFIX 63

/* Sentences up to this many words keep their ids on the stack. */
#define LEX_STACK_WORDS 512

static int match_all(const matcher *m)
{
	const incline_lexicon *lex = m->lex;

	for (size_t i = 0; i < m->n; i++) {
		const char *tok = m->toks[i];
		unsigned char c = (unsigned char)tok[0];
		size_t len = m->lens[i];
		/* every pattern whose first word can be the whole word */
		if (m->ids[i] != LEX_NO_ID) {
			const vword *v = &lex->vocab[m->ids[i]];
			for (size_t k = v->lo; k < v->hi; k++) {
				const entry *e = &lex->index[k];
				if (may_follow(e, m, i) && try_entry(m, e, i))
					return INCLINE_ENOMEM;
			}
		}
		for (size_t k = lex->pfirst[c]; k < lex->pfirst[c + 1]; k++) {
			const entry *e = &lex->prefixes[k];
			if (e->len >= len || e->len > LEX_MAX_PREFIX)
				break; /* sorted by length: no longer one can fit */
			if (same_bytes(e->key, tok, e->len)
			    && may_follow(e, m, i) && try_entry(m, e, i))
				return INCLINE_ENOMEM;
		}
	}
	return 0;
}

int incline_lexicon_match_n(const incline_lexicon *lex, const char *const *toks,
			    const size_t *lens, size_t n, lex_hit **hits,
			    size_t *n_hits, size_t *cap)
{
	uint32_t ids_stack[LEX_STACK_WORDS];
	uint32_t *ids = ids_stack;
	int rc;

	if (n > LEX_STACK_WORDS && !(ids = malloc(n * sizeof *ids)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < n; i++)
		ids[i] = find_word(lex, toks[i], lens[i], hash_key(toks[i], lens[i]));
	rc = match_all(&(matcher){lex, toks, ids, lens, n, hits, n_hits, cap});
	if (ids != ids_stack)
		free(ids);
	return rc;
}

int incline_lexicon_match(const incline_lexicon *lex, const char *const *toks,
			  size_t n, lex_hit **hits, size_t *n_hits, size_t *cap)
{
	size_t lens_stack[LEX_STACK_WORDS];
	size_t *lens = lens_stack;
	int rc;

	if (n == 0)
		return 0;
	if (n > LEX_STACK_WORDS && !(lens = malloc(n * sizeof *lens)))
		return INCLINE_ENOMEM;
	for (size_t i = 0; i < n; i++)
		lens[i] = strlen(toks[i]);
	rc = incline_lexicon_match_n(lex, toks, lens, n, hits, n_hits, cap);
	if (lens != lens_stack)
		free(lens);
	return rc;
}
