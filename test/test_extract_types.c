/* Event types CASIE does not score, read the way an analyst reads them:
 * detection, response, recovery, disclosure, impact, attribution, context,
 * vulnerability and patch. Every case is a sentence in a shape news uses,
 * and asserts the type, whether it is hedged, the date expression the
 * event's date came from (its exact text, or none with basis publication),
 * and for attributions the stance, the actor (through the alias table) and
 * the claimant. Negated and hedged shapes are in the table for every type;
 * test_coverage keeps it so. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/incline.h"

#define PUB "2023-09-19" /* a Tuesday */

/* hedged: H (must be), P (plain, must not be), X (don't check). */
enum { X = -1, P = 0, H = 1 };

typedef struct {
	const char *type;
	const char *text;
	bool present;     /* false: no event of this type may come out */
	int hedged;
	const char *span; /* the date's expression as written; NULL: none,
			     basis publication; "": don't check */
	/* attribution only; NULL: don't check; "-" for actor: none */
	const char *stance;
	const char *actor;
	const char *claimant; /* contained in the claimant */
} type_case;

#define NO(type, text) {type, text, false, X, "", NULL, NULL, NULL}
#define YES(type, text, hedged, span) {type, text, true, hedged, span, NULL, NULL, NULL}
#define CLAIM(text, hedged, span, stance, actor, claimant) \
	{"attribution", text, true, hedged, span, stance, actor, claimant}

static const type_case cases[] = {
	/* ---- detection ---- */
	YES("detection", "Staff detected unusual activity on the network last week.", P, "last week"),
	YES("detection", "The company said it discovered the intrusion on Sept. 12.", P, "Sept. 12"),
	YES("detection", "Security teams identified suspicious activity on Aug. 30, the hospital said.", P, "Aug. 30"),
	YES("detection", "The breach was first spotted by an outside researcher.", P, NULL),
	YES("detection", "The breach was reportedly discovered in July.", H, "July"),
	YES("detection", "The county became aware of suspicious activity on its servers on Friday.", P, "Friday"),
	YES("detection", "Researchers at Mandiant detected the malware on the bank's servers in March.", P, "March"),
	YES("detection", "Employees noticed that files could not be opened on Monday.", P, "Monday"),
	YES("detection", "The intrusion may have been detected weeks earlier.", H, NULL),
	NO("detection", "The company did not detect the intrusion for months."),
	NO("detection", "Investigators never discovered how the attackers got in."),
	NO("detection", "If the intrusion had been detected sooner, the damage would have been smaller."),

	/* ---- response ---- */
	YES("response", "The hospital took its systems offline on Friday as a precaution.", P, "Friday"),
	YES("response", "The company said it had hired a forensic firm to investigate.", P, NULL),
	YES("response", "The city notified the FBI and state police on Sept. 2.", P, "Sept. 2"),
	YES("response", "Officials shut down the email system on Wednesday to contain the attack.", P, "Wednesday"),
	YES("response", "The university is reportedly working with law enforcement.", H, NULL),
	YES("response", "The firm may have isolated the affected servers, a source said.", H, NULL),
	YES("response", "The agency contained the intrusion within 48 hours, officials said.", P, ""),
	YES("response", "A forensic investigation into the breach was launched on Monday.", P, "Monday"),
	NO("response", "The council has not yet launched an investigation."),
	NO("response", "The company declined to say whether it had contacted the police."),
	NO("response", "Police would investigate the incident if the victims filed complaints."),
	NO("response", "The bank has not disconnected any systems."),

	/* ---- recovery ---- */
	YES("recovery", "The website came back online on Sept. 12.", P, "Sept. 12"),
	YES("recovery", "The company said it had recovered most of the encrypted data from backups.", P, NULL),
	YES("recovery", "Services are gradually returning to normal.", P, NULL),
	YES("recovery", "Operations resumed on Monday after a week-long outage.", P, "Monday"),
	YES("recovery", "The network appears to have been restored.", H, NULL),
	YES("recovery", "The airline said its booking system was up and running again on Saturday.", P, "Saturday"),
	YES("recovery", "Some systems have reportedly been restored from backups.", H, NULL),
	NO("recovery", "The clinic has not yet restored its patient portal."),
	NO("recovery", "It could take weeks to restore all services."),
	NO("recovery", "Systems will be back online by the end of the week."),
	NO("recovery", "Recovery could take several months."),
	NO("recovery", "The county is not expected to recover the files."),

	/* ---- disclosure ---- */
	YES("disclosure", "The company announced the breach on Tuesday.", P, "Tuesday"),
	YES("disclosure", "In a filing with regulators on Sept. 8, the firm disclosed the intrusion.", P, "Sept. 8"),
	YES("disclosure", "The hospital began notifying patients last week.", P, "last week"),
	YES("disclosure", "The retailer reportedly confirmed the breach to a local newspaper.", H, NULL),
	YES("disclosure", "The university notified affected students by email on Friday.", P, "Friday"),
	YES("disclosure", "The firm filed a notice with the state attorney general on Aug. 18.", P, "Aug. 18"),
	YES("disclosure", "The city said in a statement that the attack had been contained.", P, NULL),
	NO("disclosure", "The school district has not publicly acknowledged the attack."),
	NO("disclosure", "The company declined to confirm the attack."),
	NO("disclosure", "The company may disclose more details later."),
	NO("disclosure", "The university will notify affected students by mail."),

	/* ---- impact ---- */
	YES("impact", "The attack disrupted surgeries at three hospitals on Monday.", P, "Monday"),
	YES("impact", "Personal information of 1.2 million people may have been exposed.", H, NULL),
	YES("impact", "The outage cost the company an estimated $10 million.", P, NULL),
	YES("impact", "The city's 911 system was knocked offline for several hours.", P, NULL),
	YES("impact", "Flights were delayed at the airport on Saturday.", P, "Saturday"),
	YES("impact", "The ransomware reportedly crippled the company's production lines.", H, NULL),
	YES("impact", "About 500 employees were unable to work for two days.", P, NULL),
	YES("impact", "Sensitive files of the agency were exposed in August.", P, "August"),
	NO("impact", "No customer data was affected, the company said."),
	NO("impact", "There is no indication that patient records were exposed."),
	NO("impact", "Schools could face disruptions if the systems are not restored."),
	NO("impact", "The incident has not affected the court's operations."),

	/* ---- attribution: actor through the alias table, claimant, stance ---- */
	CLAIM("Officials said LockBit was behind the attack on ACME.", P, NULL, "asserted", "LockBit", "Officials"),
	CLAIM("According to Mandiant, Forest Blizzard carried out the intrusion.", P, NULL, "asserted", "APT28", "Mandiant"),
	CLAIM("The attack was attributed to Sofacy by government researchers.", P, NULL, "asserted", "APT28", "government researchers"),
	CLAIM("The Cl0p gang claimed responsibility on its leak site.", P, NULL, "asserted", "Cl0p", "The Cl0p gang"),
	CLAIM("The group claimed responsibility for the attack on its leak site on Friday.", P, "Friday", "asserted", "The group", "The group"),
	CLAIM("A spokesperson declined to say who was behind the attack.", P, NULL, "unattributed", "-", "A spokesperson"),
	CLAIM("Microsoft said STRONTIUM was likely responsible.", H, NULL, "suspected", "APT28", "Microsoft"),
	CLAIM("U.S. officials suspect the SVR orchestrated the campaign.", X, NULL, "suspected", "SVR", "U.S. officials"),
	CLAIM("Russia denied any role in the attack.", P, NULL, "denied", "Russia", "Russia"),
	CLAIM("North Korea has denied involvement in the hack.", P, NULL, "denied", "North Korea", "North Korea"),
	CLAIM("Researchers have not yet attributed the attack to any known group.", P, NULL, "unattributed", "-", "Researchers"),
	CLAIM("It remains unclear who is behind the attack.", P, NULL, "unattributed", "-", NULL),
	CLAIM("The FBI blamed the Lazarus Group for the theft.", P, NULL, "asserted", "Lazarus Group", "The FBI"),
	CLAIM("Hackers linked to the Chinese government reportedly breached the agency.", H, NULL, "suspected", "China", NULL),
	CLAIM("Scattered Spider is suspected of breaching the casino operator.", X, NULL, "suspected", "Scattered Spider", NULL),
	CLAIM("The REvil gang has taken credit for the attack.", P, NULL, "asserted", "REvil", "The REvil gang"),
	CLAIM("Researchers said the Sandworm group was not behind the outage.", P, NULL, "denied", "Sandworm", "Researchers"),
	CLAIM("Western officials said the GRU was behind the attack in May.", P, "May", "asserted", "GRU", "Western officials"),
	CLAIM("ALPHV, also known as BlackCat, claimed the attack on its leak site.", P, NULL, "asserted", "ALPHV", NULL),
	CLAIM("The attack may have been the work of Conti.", H, NULL, "suspected", "Conti", NULL),
	/* the name before an abbreviation in parentheses; a second verb
	 * shares the first one's subject */
	CLAIM("The National Cyber Security Centre (NCSC) said the GRU was behind the attack.", P, NULL,
	      "asserted", "GRU", "The National Cyber Security Centre"),
	CLAIM("The ministry reported the outage and stressed that the attack's origin is unknown.", P, NULL,
	      "unattributed", "-", "The ministry"),

	/* every alias of a group names it by one canonical name */
	CLAIM("Researchers said BlackCat was behind the breach.", P, NULL, "asserted", "ALPHV", "Researchers"),
	CLAIM("The Clop gang claimed responsibility for the theft.", P, NULL, "asserted", "Cl0p", "The Clop gang"),
	CLAIM("Officials blamed Sodinokibi for the attack.", P, NULL, "asserted", "REvil", "Officials"),
	CLAIM("Microsoft said Midnight Blizzard was behind the intrusion.", P, NULL, "asserted", "APT29", "Microsoft"),
	CLAIM("Investigators linked the heist to the Lazarus Group.", P, NULL, "asserted", "Lazarus Group", "Investigators"),
	CLAIM("Ukraine's security service said the FSB was behind the attack.", P, NULL, "asserted", "FSB", NULL),
	CLAIM("The Justice Department accused the MSS of orchestrating the campaign.", P, NULL, "asserted", "MSS", "The Justice Department"),
	CLAIM("Analysts suspect Conti carried out the attack.", X, NULL, "suspected", "Conti", "Analysts"),

	/* ---- context: background, earlier incidents, warnings ---- */
	YES("context", "In 2019, the agency warned of attacks on courts.", P, "2019"),
	YES("context", "The FBI has warned that ransomware gangs are targeting hospitals.", P, NULL),
	YES("context", "The city was previously hit by ransomware in 2019.", P, "2019"),
	YES("context", "Police foiled a similar plot last year.", P, "last year"),
	YES("context", "The agency had warned of phishing attempts in June.", P, "June"),
	YES("context", "The court's office in Kyiv was inaugurated in March.", P, "March"),
	YES("context", "Authorities thwarted an attack on the power grid in 2022.", P, "2022"),
	YES("context", "The group was reportedly founded in 2020.", H, "2020"),
	YES("context", "Security experts have long warned that courts are attractive targets.", P, NULL),
	NO("context", "The ministry did not warn staff about the phishing campaign."),
	NO("context", "Nobody had warned the hospital, and no attack was prevented."),
	/* a thwarted attack is background, not an intrusion */
	NO("intrusion", "Authorities thwarted an attack on the power grid in 2022."),

	/* ---- vulnerability ---- */
	YES("vulnerability", "Researchers found a critical flaw in the VPN software in June.", P, "June"),
	YES("vulnerability", "The bug was reported to the vendor in August.", P, "August"),
	YES("vulnerability", "The vulnerability was disclosed on Sept. 5.", P, "Sept. 5"),
	YES("vulnerability", "The flaw may have been exploited before it was found.", H, NULL),
	YES("vulnerability", "Attackers exploited a zero-day flaw in the file transfer software.", P, NULL),
	YES("vulnerability", "Servers running older versions remain vulnerable.", P, NULL),
	YES("vulnerability", "CVE-2023-4863 affects Chrome versions before 116.", P, NULL),
	YES("vulnerability", "Google said the bug had been reported by Apple's security team on Sept. 6.", P, "Sept. 6"),
	NO("vulnerability", "No vulnerability was found in the voting machines."),
	NO("vulnerability", "The researchers did not find any flaw in the update mechanism."),
	NO("vulnerability", "A flaw could be found if researchers look hard enough."),
	/* an exploit bought, sold or packaged is a tool of a trade, not a flaw */
	NO("vulnerability", "A broker said it pays exploit sellers up to a million dollars."),
	NO("vulnerability", "Researchers said the gang rented exploit kits on underground forums."),
	YES("vulnerability", "Researchers said the exploit kit used a flaw found in June.", P, "June"),
	YES("vulnerability", "The exploit was sold to a broker, the researchers said.", P, NULL),
	/* a finding word inside a flaw's name or a noun finds nothing */
	NO("vulnerability", "Microsoft also patched an information disclosure vulnerability in Exchange."),
	NO("vulnerability", "The impact of this vulnerability is high."),
	NO("vulnerability", "Facebook was one of the three most exploited brand names last year."),
	YES("vulnerability", "An information disclosure vulnerability was found in Exchange.", P, NULL),
	YES("vulnerability", "The bug impacts all versions of the router firmware.", P, NULL),

	/* ---- patch ---- */
	YES("patch", "Microsoft released a patch for the flaw on Tuesday.", P, "Tuesday"),
	YES("patch", "The vendor fixed the bug in version 4.2.", P, NULL),
	YES("patch", "The company reportedly patched the flaw in August.", H, "August"),
	YES("patch", "The flaw was addressed in the September security update.", P, "September"),
	YES("patch", "Oracle issued an emergency fix for the database flaw on Sept. 12.", P, "Sept. 12"),
	YES("patch", "Fortinet said it had resolved the issue.", P, NULL),
	YES("patch", "Patches may have been applied on some servers only.", H, NULL),
	NO("patch", "Apple has not yet patched the vulnerability."),
	NO("patch", "A fix is expected later this month."),
	NO("patch", "Users should install the security update as soon as possible."),
	NO("patch", "No patch is available for the flaw."),

	/* ---- generic statements, advice and definitions are no events ---- */
	NO("intrusion", "Ransomware is a type of malware that encrypts files and demands payment."),
	NO("intrusion", "Hospitals are frequent targets of ransomware attacks."),
	NO("intrusion", "Phishing remains the most common way criminals break into networks."),
	NO("response", "Companies should isolate infected machines and reset passwords."),
	NO("intrusion", "To avoid being phished, never click links in unexpected emails."),
	/* told first in a claim, the attack is an intrusion too */
	YES("intrusion", "Officials said LockBit was behind the attack on ACME.", P, NULL),
};

#include "extract_fixture.h"

/* Every case is checked and every failure listed, then the test fails. */
#define BAD(...) (print_error(__VA_ARGS__), print_error("\n"), ok = false)

static bool check_claim(const type_case *c, const incline_claim *cl)
{
	bool ok = true;
	if (c->stance && strcmp(incline_stance_name(cl->stance), c->stance))
		BAD("%s: stance %s, wanted %s", c->text, incline_stance_name(cl->stance), c->stance);
	if (c->actor && strcmp(c->actor, "-") == 0 && cl->actor)
		BAD("%s: actor %s, wanted none", c->text, cl->actor);
	if (c->actor && strcmp(c->actor, "-") && (!cl->actor || strcmp(cl->actor, c->actor)))
		BAD("%s: actor %s, wanted %s", c->text, cl->actor ? cl->actor : "(none)", c->actor);
	if (c->claimant && (!cl->claimant || !strstr(cl->claimant, c->claimant)))
		BAD("%s: claimant %s, wanted %s", c->text,
		    cl->claimant ? cl->claimant : "(none)", c->claimant);
	return ok;
}

static bool check_case(const type_case *c)
{
	bool ok = true;
	incline_timeline tl = {0};
	const incline_event *ev;

	extract_text(&tl, c->text);
	ev = find_type(&tl, c->type);
	if (!c->present) {
		if (ev)
			BAD("%s: unexpected %s event", c->text, c->type);
		incline_timeline_free(&tl);
		return ok;
	}
	if (!ev) {
		incline_timeline_free(&tl);
		BAD("%s: no %s event", c->text, c->type);
		return ok;
	}
	if (c->hedged != X && !!(ev->flags & INCLINE_EVENT_HEDGED) != c->hedged)
		BAD("%s: %s, wanted %s", c->text, c->hedged ? "plain" : "hedged",
			 c->hedged ? "hedged" : "plain");
	if (!c->span && (ev->when.has_span || ev->when.basis != INCLINE_BASIS_PUBLICATION))
		BAD("%s: date from \"%s\" (%s), wanted the publication date", c->text,
			 ev->when.text ? ev->when.text : "", incline_basis_name(ev->when.basis));
	if (c->span && *c->span && (!ev->when.text || strcmp(ev->when.text, c->span)))
		BAD("%s: date from \"%s\", wanted \"%s\"", c->text,
			 ev->when.text ? ev->when.text : "(none)", c->span);
	if ((c->stance || c->actor || c->claimant) && !check_claim(c, &ev->claim))
		ok = false;
	incline_timeline_free(&tl);
	return ok;
}

static void test_cases(void **state)
{
	size_t bad = 0;
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
		bad += !check_case(&cases[i]);
	if (bad)
		fail_msg("%zu of %zu cases wrong", bad, sizeof cases / sizeof *cases);
}

/* The table itself: at least 10 cases per type, among them an absent
 * (negated, hypothetical) shape and a hedged one. */
static void test_coverage(void **state)
{
	static const char *const types[] = {
		"detection", "response", "recovery", "disclosure", "impact",
		"attribution", "context", "vulnerability", "patch",
	};
	(void)state;
	for (size_t t = 0; t < sizeof types / sizeof *types; t++) {
		size_t n = 0, absent = 0, hedged = 0;
		for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
			if (strcmp(cases[i].type, types[t]))
				continue;
			n++;
			absent += !cases[i].present;
			hedged += cases[i].hedged == H;
		}
		if (n < 10 || hedged < 1 || (absent < 1 && strcmp(types[t], "attribution")))
			fail_msg("%s: %zu cases, %zu absent, %zu hedged", types[t], n, absent, hedged);
	}
}

/* ---- where an event's date comes from: the four paths ---- */

static const incline_event *only(const incline_timeline *tl, const char *type)
{
	const incline_event *ev = find_type(tl, type);
	if (!ev)
		fail_msg("no %s event", type);
	return ev;
}

static void span_is(const incline_event *ev, const char *text, incline_basis basis)
{
	if (!text) {
		assert_false(ev->when.has_span);
		assert_null(ev->when.text);
	} else {
		assert_true(ev->when.has_span);
		assert_string_equal(ev->when.text, text);
		assert_int_equal(ev->when.end - ev->when.start, strlen(text));
	}
	assert_int_equal(ev->when.basis, basis);
}

/* 1. The own clause's expression wins over another clause's. */
static void test_date_own_clause(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "The hospital detected the malware on Monday, and it restored the systems on Friday.");
	span_is(only(&tl, "detection"), "Monday", INCLINE_BASIS_RELATIVE);
	span_is(only(&tl, "recovery"), "Friday", INCLINE_BASIS_RELATIVE);
	incline_timeline_free(&tl);
}

/* 2. Else the sentence's: "On Monday," is a clause of its own. */
static void test_date_sentence(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "On Sept. 5, after a week of outages, the county restored its email.");
	span_is(only(&tl, "recovery"), "Sept. 5", INCLINE_BASIS_RELATIVE);
	incline_timeline_free(&tl);
}

/* 3. Else the previous sentence's, when this one clearly continues it. */
static void test_date_carried(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "The breach was discovered on Sept. 5. Then the company hired a forensic firm.");
	span_is(only(&tl, "response"), "Sept. 5", INCLINE_BASIS_RELATIVE);
	incline_timeline_free(&tl);
	/* a sentence that does not continue the last keeps no date */
	extract_text(&tl, "The breach was discovered on Sept. 5. Acme hired a forensic firm.");
	span_is(only(&tl, "response"), NULL, INCLINE_BASIS_PUBLICATION);
	incline_timeline_free(&tl);
}

/* 4. Else the publication date: reported by then, an upper bound. */
static void test_date_publication(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "The company hired a forensic firm.");
	const incline_event *ev = only(&tl, "response");
	span_is(ev, NULL, INCLINE_BASIS_PUBLICATION);
	assert_int_equal(ev->when.date.earliest, INCLINE_DAY_NONE);
	char got[11];
	assert_string_equal(incline_date_format_day(got, ev->when.date.latest), PUB);
	incline_timeline_free(&tl);
}

/* The attribution of a known attack stands beside the attack's own
 * sentence: one intrusion (dated by its own sentence, which the claim
 * supports as more evidence) and one attribution. */
static const struct {
	const char *text, *date, *actor, *claimant;
} told_then_claimed[] = {
	{"ACME was hit by ransomware on Monday. Officials said LockBit was behind the attack on ACME.",
	 "Monday", "LockBit", "Officials"},
	{"The casino's systems were breached on Sept. 10. The REvil gang has taken credit for the attack.",
	 "Sept. 10", "REvil", "The REvil gang"},
	{"Hackers stole 2 million records in August. According to Mandiant, APT41 carried out the intrusion.",
	 "August", "APT41", "Mandiant"},
};

static void test_attribution_no_extra_intrusion(void **state)
{
	(void)state;
	for (size_t k = 0; k < sizeof told_then_claimed / sizeof *told_then_claimed; k++) {
		incline_timeline tl = {0};
		size_t n = 0;
		extract_text(&tl, told_then_claimed[k].text);
		for (size_t i = 0; i < tl.n; i++)
			n += tl.events[i].type == INCLINE_EVENT_INTRUSION;
		if (n != 1)
			fail_msg("%s: %zu intrusions, wanted 1", told_then_claimed[k].text, n);
		const incline_event *ev = only(&tl, "intrusion");
		span_is(ev, told_then_claimed[k].date, INCLINE_BASIS_RELATIVE);
		assert_int_equal(ev->n_evidence, 2);
		/* each piece of evidence names its own sentence's actors */
		assert_int_equal(ev->evidence[0].n_actors, 0);
		assert_int_equal(ev->evidence[1].n_actors, 1);
		assert_string_equal(ev->evidence[1].actors[0], told_then_claimed[k].actor);
		assert_false(ev->evidence[1].flags & INCLINE_EVIDENCE_HEDGED);
		const incline_event *a = only(&tl, "attribution");
		assert_string_equal(a->claim.actor, told_then_claimed[k].actor);
		assert_string_equal(a->claim.claimant, told_then_claimed[k].claimant);
		assert_int_equal(a->claim.stance, INCLINE_STANCE_ASSERTED);
		incline_timeline_free(&tl);
	}
}

/* A hedged sentence that names the attack again is hedged evidence; the
 * event, told plainly first, is not hedged. */
static void test_named_again_hedged(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "ACME was hit by ransomware on Monday. The attack may have been the work of Conti.");
	const incline_event *ev = only(&tl, "intrusion");
	assert_int_equal(ev->n_evidence, 2);
	assert_false(ev->evidence[0].flags & INCLINE_EVIDENCE_HEDGED);
	assert_true(ev->evidence[1].flags & INCLINE_EVIDENCE_HEDGED);
	assert_false(ev->flags & INCLINE_EVENT_HEDGED);
	const incline_event *a = only(&tl, "attribution");
	assert_int_equal(a->claim.stance, INCLINE_STANCE_SUSPECTED);
	assert_string_equal(a->claim.actor, "Conti");
	incline_timeline_free(&tl);
}

/* Merge keeps a sentence that names a told attack again with it, also
 * after the timeline is written and read back ("about" in the JSON). */
static void test_named_again_stays_merged(void **state)
{
	(void)state;
	incline_timeline raw = {0}, merged = {0}, loaded = {0}, again = {0};
	incline_error err;
	char *buf = NULL;
	size_t len = 0, n = 0;
	FILE *fp;

	incline_error_clear(&err);
	extract_text(&raw, told_then_claimed[0].text);
	assert_int_equal(incline_merge(&merged, &raw, NULL, &err), 0);
	for (size_t i = 0; i < merged.n; i++)
		n += merged.events[i].type == INCLINE_EVENT_INTRUSION;
	assert_int_equal(n, 1);
	const incline_event *ev = only(&merged, "intrusion");
	assert_int_equal(ev->n_evidence, 2);
	span_is(ev, "Monday", INCLINE_BASIS_RELATIVE);
	assert_int_equal(ev->evidence[1].about_start, ev->evidence[0].start);
	assert_int_equal(ev->evidence[1].about_end, ev->evidence[0].end);

	assert_non_null(fp = open_memstream(&buf, &len));
	assert_int_equal(incline_emit_json(fp, &merged, &err), 0);
	fclose(fp);
	assert_non_null(strstr(buf, "\"about\""));
	assert_int_equal(incline_load_buffer(&loaded, "t.json", buf, len, NULL, &err), 0);
	assert_int_equal(incline_merge(&again, &loaded, NULL, &err), 0);
	assert_int_equal(again.n, merged.n);
	ev = only(&again, "intrusion");
	assert_int_equal(ev->n_evidence, 2);
	assert_int_equal(ev->evidence[1].about_end, ev->evidence[0].end);
	free(buf);
	incline_timeline_free(&raw);
	incline_timeline_free(&merged);
	incline_timeline_free(&loaded);
	incline_timeline_free(&again);
}

/* A headline's "the hacker attack" is the story's attack: one intrusion,
 * dated by the body's sentence, with the headline as evidence too. */
static void test_headline_names_the_attack(void **state)
{
	(void)state;
	incline_timeline tl = {0}, merged = {0};
	incline_error err;
	size_t n = 0;

	extract_titled(&tl, "City struggles to recover from the ransomware attack",
		       "The city's network was hit by ransomware on Sept. 10. "
		       "Officials declined to comment on the scale of the breach.");
	for (size_t i = 0; i < tl.n; i++)
		n += tl.events[i].type == INCLINE_EVENT_INTRUSION;
	assert_int_equal(n, 1);
	const incline_event *ev = only(&tl, "intrusion");
	span_is(ev, "Sept. 10", INCLINE_BASIS_RELATIVE);
	assert_int_equal(ev->n_evidence, 3);
	incline_error_clear(&err);
	assert_int_equal(incline_merge(&merged, &tl, NULL, &err), 0);
	n = 0;
	for (size_t i = 0; i < merged.n; i++)
		n += merged.events[i].type == INCLINE_EVENT_INTRUSION;
	assert_int_equal(n, 1);
	incline_timeline_free(&merged);
	incline_timeline_free(&tl);
	/* a headline with no attack told after it keeps its own event */
	extract_titled(&tl, "City struggles to recover from the ransomware attack",
		       "Officials met on Monday.");
	assert_non_null(find_type(&tl, "intrusion"));
	incline_timeline_free(&tl);
}

/* --actors FILE: aliases name a built-in group too, are folded like the
 * text (case, curly quotes), and CRLF lines and comments are fine. */
static void test_user_aliases(void **state)
{
	(void)state;
	char path[] = "/tmp/incline-evtypes-actors-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	incline_error err;
	static const struct {
		const char *text, *actor;
	} uses[] = {
		{"Microsoft said Octo Tempest was behind the breach.", "Scattered Spider"},
		{"Officials said UNC3944 was behind the breach.", "Scattered Spider"},
		{"Researchers said \xE2\x80\x9C" "Blue Lynx\xE2\x80\x9D was behind the breach.", "Blue Lynx"},
	};

	assert_non_null(fp);
	fputs("# user aliases\r\nOCTO TEMPEST\tScattered Spider\r\nunc3944\tScattered Spider\n"
	      "Blue Lynx\tBlue Lynx\n", fp);
	fclose(fp);
	incline_error_clear(&err);
	assert_int_equal(incline_extract_load_actors(extractor, path, &err), 0);
	remove(path);
	for (size_t i = 0; i < sizeof uses / sizeof *uses; i++) {
		incline_timeline tl = {0};
		extract_text(&tl, uses[i].text);
		const incline_event *ev = only(&tl, "attribution");
		if (!ev->claim.actor || strcmp(ev->claim.actor, uses[i].actor))
			fail_msg("%s: actor %s, wanted %s", uses[i].text,
				 ev->claim.actor ? ev->claim.actor : "(none)", uses[i].actor);
		assert_int_equal(ev->claim.stance, INCLINE_STANCE_ASSERTED);
		incline_timeline_free(&tl);
	}
}

/* Where "about" is malformed the loader says so. */
static void test_about_is_checked(void **state)
{
	(void)state;
	static const char *const bad[] = {"\"about\": 3", "\"about\": {\"start\": 5, \"end\": 2}",
					  "\"about\": {\"start\": 1}"};
	for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
		char doc[1024];
		incline_timeline tl = {0};
		incline_error err;
		int n = snprintf(doc, sizeof doc,
				 "{\"incline\": \"0.1.0\", \"generated_from\": [\"a\"], \"events\": [{"
				 "\"id\": \"ev-1\", \"type\": \"intrusion\", \"date\": {\"earliest\": null, "
				 "\"latest\": \"2023-09-19\", \"granularity\": \"day\", \"value\": \"../2023-09-19\", "
				 "\"text\": null, \"basis\": \"publication\"}, \"summary\": \"x\", \"actors\": [], "
				 "\"first_reported\": \"2023-09-19\", \"sources\": 1, \"evidence\": [{\"article\": \"a\", "
				 "\"source\": null, \"published\": \"2023-09-19\", \"start\": 0, \"end\": 1, "
				 "\"text\": \"x\", \"date\": {\"earliest\": null, \"latest\": \"2023-09-19\", "
				 "\"granularity\": \"day\", \"value\": \"../2023-09-19\", \"text\": null, "
				 "\"basis\": \"publication\"}, %s}]}]}",
				 bad[i]);
		incline_error_clear(&err);
		assert_int_equal(incline_load_buffer(&tl, "t.json", doc, (size_t)n, NULL, &err), INCLINE_EINVAL);
		assert_non_null(strstr(err.text, "about"));
		incline_timeline_free(&tl);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_coverage),
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_date_own_clause),
		cmocka_unit_test(test_date_sentence),
		cmocka_unit_test(test_date_carried),
		cmocka_unit_test(test_date_publication),
		cmocka_unit_test(test_attribution_no_extra_intrusion),
		cmocka_unit_test(test_named_again_stays_merged),
		cmocka_unit_test(test_named_again_hedged),
		cmocka_unit_test(test_about_is_checked),
		cmocka_unit_test(test_headline_names_the_attack),
		cmocka_unit_test(test_user_aliases),
	};
	return cmocka_run_group_tests_name("extract_types", tests, setup, teardown);
}
