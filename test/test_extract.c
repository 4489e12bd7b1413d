/* Extraction: cue typing, negation and modality, claims, date attachment.
 * Sentences are written for these tests in the shapes news uses. */
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

typedef struct {
	const char *text;
	const char *type;     /* event type looked for */
	bool present;         /* must it be there? */
	const char *earliest; /* NULL: open; "" = don't check */
	const char *latest;
	const char *basis;    /* NULL: don't check */
} type_case;

static const type_case type_cases[] = {
	/* intrusion */
	{"Hackers breached the company's network on Monday.", "intrusion", true, "2023-09-18", "2023-09-18", "relative"},
	{"The city was hit by a ransomware attack on Sept. 3.", "intrusion", true, "2023-09-03", "2023-09-03", "relative"},
	{"Attackers stole the personal data of 2 million customers in August.", "intrusion", true, "2023-08-01", "2023-08-31", "relative"},
	{"The firm was the victim of a phishing campaign.", "intrusion", true, NULL, PUB, "publication"},
	{"There is no evidence that any data was stolen.", "intrusion", false, "", "", NULL},
	{"Hackers could gain access to the accounts if the flaw is not fixed.", "intrusion", false, "", "", NULL},
	{"Ransomware attacks are on the rise across Europe.", "intrusion", false, "", "", NULL},
	/* capability, not happening: "can"/"allows" just before the cue */
	{"The flaw allows a remote attacker to log in as root.", "intrusion", false, "", "", NULL},
	{"Using the bug, a remote user can hijack the session.", "intrusion", false, "", "", NULL},
	{"The leaked files describe methods to hack smart televisions.", "intrusion", false, "", "", NULL},
	/* "encrypted" alone is hashing or transport, not ransomware */
	{"The passwords were encrypted with a strong algorithm.", "intrusion", false, "", "", NULL},
	/* a participle used as an adjective tells of something else */
	{"The stolen data was offered for sale on a forum in March.", "intrusion", false, "", "", NULL},
	{"Visitors of compromised sites were sent to a fake store.", "intrusion", false, "", "", NULL},
	{"Customer records were stolen in March.", "intrusion", true, "2023-03-01", "2023-03-31", NULL},
	/* with a flaw about, a bare "attack" is the way to exploit it */
	{"Researchers showed the flaw is open to attacks from nearby phones.", "intrusion", false, "", "", NULL},
	{"The attack exploited a flaw in the VPN gateway.", "intrusion", true, NULL, PUB, "publication"},
	/* trends and statistics are about attacks in general */
	{"Analysts report a surge in ransomware attacks against schools.", "intrusion", false, "", "", NULL},
	{"Gift card scams are among the most common frauds.", "intrusion", false, "", "", NULL},
	{"The worm was built with the goal of infecting as many servers as possible.", "intrusion", false, "", "", NULL},
	/* agents and tools alone are not happenings; what they did is */
	{"The attackers are believed to be based in Eastern Europe.", "intrusion", false, "", "", NULL},
	{"The malware is written in the Go language.", "intrusion", false, "", "", NULL},
	{"The gang demanded 40 bitcoins from the clinic.", "intrusion", true, NULL, PUB, "publication"},
	{"Engineers worked to shrink the attack surface.", "intrusion", false, "", "", NULL},
	/* a negation inside the cue phrase, a contingency, a purpose */
	{"Fortunately, the spyware never hit the ministry's network.", "intrusion", false, "", "", NULL},
	{"Every agency needs a plan in case of a ransomware attack.", "intrusion", false, "", "", NULL},
	{"The messages were designed to hijack the recipients' accounts.", "intrusion", false, "", "", NULL},
	/* a definite event noun is presupposed: the negation or modal is about another verb */
	{"Staff still have not been told about the breach.", "intrusion", true, NULL, PUB, "publication"},
	{"The mayor said he could not comment on the ransom.", "intrusion", true, NULL, PUB, "publication"},
	{"The minister warned of the possibility of cyberattacks on the grid.", "intrusion", false, "", "", NULL},
	{"The company did not suffer a breach.", "intrusion", false, "", "", NULL},
	/* a modal well after the cue governs another verb; right after it, the cue */
	{"As the bug has been patched users will be able to update safely.", "patch", true, NULL, PUB, "publication"},
	{"A patch will be released next week.", "patch", false, "", "", NULL},
	{"The fix is expected on the next Patch Tuesday.", "patch", false, "", "", NULL},
	{"Google plans to fix the issue in its upcoming Android release.", "patch", false, "", "", NULL},
	{"The leaking of court files may obstruct justice, the prosecutor wrote.", "intrusion", false, "", "", NULL},
	/* a relative clause keeps its own modal: "that could let" */
	{"Cisco patched a critical flaw that could let attackers run code.", "patch", true, NULL, PUB, "publication"},
	{"The problem has been addressed in the latest release.", "patch", true, NULL, PUB, "publication"},
	/* "May" in a date is a month, not a modal */
	{"The hospital was hit with ransomware on May 12.", "intrusion", true, "2023-05-12", "2023-05-12", NULL},
	/* data taken, victims enticed */
	{"The passwords appear to have been obtained from an old forum.", "intrusion", true, NULL, PUB, "publication"},
	{"The texts enticed recipients with promises of a tax refund.", "intrusion", true, NULL, PUB, "publication"},
	/* impersonation phrasings of phishing */
	{"The email poses as a message from the bank.", "intrusion", true, NULL, PUB, "publication"},
	/* detection */
	{"Staff detected unusual activity on the network last week.", "detection", true, "2023-09-11", "2023-09-17", "relative"},
	{"The company discovered the intrusion on September 12, 2023.", "detection", true, "2023-09-12", "2023-09-12", "explicit"},
	{"The hospital became aware of the incident yesterday.", "detection", true, "2023-09-18", "2023-09-18", "relative"},
	{"It did not detect any malicious activity.", "detection", false, "", "", NULL},
	{"The breach was discovered during a routine audit in early August.", "detection", true, "2023-08-01", "2023-08-10", NULL},
	{"IT staff noticed suspicious logins on Sunday night.", "detection", true, "2023-09-17", "2023-09-17", NULL},
	{"The bank said it first identified unusual activity on its network on March 3.", "detection", true, "2023-03-03", "2023-03-03", NULL},
	{"The retailer learned of the incident from law enforcement.", "detection", true, NULL, PUB, "publication"},
	{"Investigators uncovered evidence of the breach last month.", "detection", true, "2023-08-01", "2023-08-31", NULL},
	{"No intrusion was detected on the voting systems.", "detection", false, "", "", NULL},
	/* a step's date bounds the definite intrusion it is about */
	{"The breach was discovered on Monday.", "intrusion", true, NULL, "2023-09-18", "publication"},
	{"Police opened an investigation into the hack last week.", "intrusion", true, NULL, "2023-09-17", "publication"},
	/* response */
	{"The hospital diverted ambulances and shut down its email systems on Friday.", "response", true, "2023-09-15", "2023-09-15", NULL},
	{"The company brought in outside cybersecurity experts to investigate.", "response", true, NULL, PUB, "publication"},
	{"The city disconnected affected computers from the network.", "response", true, NULL, PUB, "publication"},
	{"The FBI is investigating the attack.", "response", true, NULL, PUB, "publication"},
	{"Officials reset all employee passwords after the breach.", "response", true, NULL, PUB, "publication"},
	{"The agency contained the incident within 48 hours.", "response", true, NULL, PUB, "publication"},
	{"The firm has not yet hired a forensic investigator.", "response", false, "", "", NULL},
	{"The council may take its systems offline as a precaution.", "response", false, "", "", NULL},
	{"The attack knocked the airline's booking system offline.", "response", false, "", "", NULL},
	{"The company took its systems offline and hired a forensic firm.", "response", true, NULL, PUB, "publication"},
	{"Immediate measures were adopted to contain the incident.", "response", true, NULL, PUB, "publication"},
	{"Police launched an investigation into the breach on Friday.", "response", true, "2023-09-15", "2023-09-15", "relative"},
	/* recovery */
	{"All services were restored on Thursday.", "recovery", true, "2023-09-14", "2023-09-14", "relative"},
	{"The portal is back online.", "recovery", true, NULL, PUB, "publication"},
	{"Email service was restored on Wednesday.", "recovery", true, "2023-09-13", "2023-09-13", NULL},
	{"The county is still recovering from the attack.", "recovery", true, NULL, PUB, "publication"},
	{"Most systems are back online, the mayor said.", "recovery", true, NULL, PUB, "publication"},
	{"The hospital resumed normal operations on Monday.", "recovery", true, "2023-09-18", "2023-09-18", NULL},
	{"Payroll systems are up and running again.", "recovery", true, NULL, PUB, "publication"},
	{"It took the city two weeks to recover from the attack.", "recovery", true, NULL, PUB, "publication"},
	{"The company has not restored access to its customer portal.", "recovery", false, "", "", NULL},
	{"Operations have not yet resumed.", "recovery", false, "", "", NULL},
	{"Systems could be restored by the end of the month.", "recovery", false, "", "", NULL},
	/* disclosure */
	{"The company disclosed the breach in a regulatory filing on Friday.", "disclosure", true, "2023-09-15", "2023-09-15", NULL},
	{"The retailer began notifying affected customers by mail last week.", "disclosure", true, "2023-09-11", "2023-09-17", NULL},
	{"The school district announced the ransomware attack on its website.", "disclosure", true, NULL, PUB, "publication"},
	{"The breach was made public on Tuesday.", "disclosure", true, "2023-09-19", "2023-09-19", NULL},
	{"The bank reported the incident to regulators on May 4.", "disclosure", true, "2023-05-04", "2023-05-04", NULL},
	{"The hospital has not publicly confirmed the attack.", "disclosure", false, "", "", NULL},
	{"The company may disclose more details next week.", "disclosure", false, "", "", NULL},
	{"The court announced the incident on Tuesday.", "disclosure", true, "2023-09-19", "2023-09-19", "relative"},
	{"The retailer notified customers by email.", "disclosure", true, NULL, PUB, "publication"},
	{"The company did not confirm the breach.", "disclosure", false, "", "", NULL},
	/* impact */
	{"Flights were delayed for hours at three airports.", "impact", true, NULL, PUB, "publication"},
	{"The attack knocked the airline's booking system offline.", "impact", true, NULL, PUB, "publication"},
	{"Personal data of 3 million customers was exposed.", "impact", true, NULL, PUB, "publication"},
	{"The hospital was unable to access patient records.", "impact", true, NULL, PUB, "publication"},
	{"The attack cost the shipper an estimated 300 million dollars.", "impact", true, NULL, PUB, "publication"},
	{"Several patient services were disrupted for days.", "impact", true, NULL, PUB, "publication"},
	{"No patient data was affected.", "impact", false, "", "", NULL},
	{"There is no evidence that customer data was exposed.", "impact", false, "", "", NULL},
	{"Card data may have been exposed.", "impact", true, NULL, PUB, "publication"},
	{"About 40,000 patients were affected.", "impact", true, NULL, PUB, "publication"},
	{"The outage disrupted flights for two days in July.", "impact", true, "2023-07-01", "2023-07-31", "relative"},
	/* vulnerability and patch */
	{"Researchers found a critical flaw (CVE-2023-4863) in the library.", "vulnerability", true, "", "", NULL},
	{"A flaw in the router firmware affects versions 2.1 through 2.4.", "vulnerability", true, "", "", NULL},
	{"The bug was disclosed by a university team in March.", "vulnerability", true, "2023-03-01", "2023-03-31", NULL},
	{"Researchers discovered a flaw in the library.", "detection", false, "", "", NULL},
	/* a flaw named but nothing said to happen to it; a weakness of people */
	{"The vulnerability is caused by improper input checks.", "vulnerability", false, "", "", NULL},
	{"The judge stressed the vulnerability of the court and its staff.", "vulnerability", false, "", "", NULL},
	{"Routers running the old firmware are vulnerable.", "vulnerability", true, "", "", NULL},
	{"Microsoft patched the vulnerability in its August update.", "patch", true, "", "", NULL},
	{"Microsoft patched the vulnerability in its August update.", "vulnerability", false, "", "", NULL},
	{"The vendor released a security update on 5 September 2023.", "patch", true, "2023-09-05", "2023-09-05", "explicit"},
	/* "claimed" the outage as a fact, not as its author */
	{"The company claimed the outage caused no damage.", "attribution", false, "", "", NULL},
	/* context */
	{"In 2019, the agency warned of attacks on courts.", "context", true, "2019-01-01", "2019-12-31", "explicit"},
	{"In 2019, the agency warned of attacks on courts.", "intrusion", false, "", "", NULL},
	/* a flaw's report is the vulnerability event: its date is the report's */
	{"The flaw was patched in September after it was reported in August.", "vulnerability", true, "2023-08-01", "2023-08-31", NULL},
	/* vague expressions bound the event by the publication date, with their span */
	{"Skimmers stole card data at the chain over the past four years.", "intrusion", true, NULL, PUB, "publication"},
	{"Many hospitals have been hit by ransomware in recent years.", "intrusion", true, NULL, PUB, "publication"},
	/* a number inside a name is no year; a possessive date is a date */
	{"IBM released a fix for CVE-2018-1567 in its platform.", "patch", true, NULL, PUB, "publication"},
	{"Friday's attack encrypted thousands of computers.", "intrusion", true, "2023-09-15", "2023-09-15", NULL},
	/* a reporting date dates the report; the attack only "by then" */
	{"The system was the victim of a cyberattack, Reuters reported on Sept. 14.", "intrusion", true, NULL, "2023-09-14", "publication"},
	{"The system was the victim of a cyberattack, Reuters reported on Sept. 14.", "disclosure", true, "2023-09-14", "2023-09-14", "relative"},
};

#include "extract_fixture.h"

static void day_is(incline_day d, const char *want, const char *what, const char *text)
{
	char got[11];
	if (!want) {
		if (d != INCLINE_DAY_NONE)
			fail_msg("%s: %s is %s, wanted open", text, what, incline_date_format_day(got, d));
		return;
	}
	if (!*want)
		return;
	if (d == INCLINE_DAY_NONE || strcmp(incline_date_format_day(got, d), want))
		fail_msg("%s: %s is %s, wanted %s", text, what,
			 d == INCLINE_DAY_NONE ? "open" : got, want);
}

static void check_type_cases(const type_case *cases, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		const type_case *c = &cases[i];
		incline_timeline tl = {0};
		extract_text(&tl, c->text);
		const incline_event *ev = find_type(&tl, c->type);
		if (!c->present) {
			if (ev)
				fail_msg("%s: unexpected %s event", c->text, c->type);
			incline_timeline_free(&tl);
			continue;
		}
		if (!ev)
			fail_msg("%s: no %s event", c->text, c->type);
		day_is(ev->when.date.earliest, c->earliest, "earliest", c->text);
		day_is(ev->when.date.latest, c->latest, "latest", c->text);
		if (c->basis && strcmp(incline_basis_name(ev->when.basis), c->basis))
			fail_msg("%s: basis %s, wanted %s", c->text, incline_basis_name(ev->when.basis), c->basis);
		assert_int_equal(ev->n_evidence, 1);
		incline_timeline_free(&tl);
	}
}

static void test_types(void **state)
{
	(void)state;
	check_type_cases(type_cases, sizeof type_cases / sizeof *type_cases);
}

/* Which kind of happening a cue names, and whether a sentence tells a
 * happening of this incident at all (the precision rules). */
static const type_case kind_cases[] = {
	/* a denial of service floods a service: an impact, not an intrusion */
	{"A DDoS attack knocked the bank's website offline for six hours.", "intrusion", false, "", "", NULL},
	{"A DDoS attack knocked the bank's website offline for six hours.", "impact", true, NULL, PUB, "publication"},
	{"The group launched denial-of-service attacks on the airline's booking site on Friday.", "intrusion", false, "", "", NULL},
	{"The group launched denial-of-service attacks on the airline's booking site on Friday.", "impact", true, "2023-09-15", "2023-09-15", NULL},
	{"The ministry's portal was hit by a distributed denial of service attack.", "intrusion", false, "", "", NULL},
	{"The ministry's portal was hit by a distributed denial of service attack.", "impact", true, NULL, PUB, "publication"},
	{"Hackers breached the portal and then flooded it with a DDoS attack.", "intrusion", true, NULL, PUB, "publication"},
	{"The extortionists demanded a ransom to call off their DDoS attacks.", "intrusion", true, NULL, PUB, "publication"},
	/* a forged message or page is the phishing itself; paying the gang is the ransom */
	{"Customers received fake emails asking them to update their card details.", "intrusion", true, NULL, PUB, "publication"},
	{"A bogus login page collected staff passwords on Monday.", "intrusion", true, "2023-09-18", "2023-09-18", NULL},
	{"Staff are trained to spot fake emails.", "intrusion", false, "", "", NULL},
	{"The bank urged customers to report phishing emails.", "intrusion", false, "", "", NULL},
	{"No fake emails were sent to customers.", "intrusion", false, "", "", NULL},
	{"The clinic paid the extortionists 40 bitcoins to unlock its files.", "intrusion", true, NULL, PUB, "publication"},
	{"The web host pays the largest ransomware demand ever.", "intrusion", true, NULL, PUB, "publication"},
	{"The county said it would not pay the ransomware gang.", "intrusion", false, "", "", NULL},
	/* a bare, undated attack noun is a topic; a kind, a victim, a date,
	 * a definite or possessive make it a happening */
	{"Security firms log billions of attacks against web servers.", "intrusion", false, "", "", NULL},
	{"The proxy is used to perform a man-in-the-middle attack.", "intrusion", false, "", "", NULL},
	{"Tax scams are doing the rounds again.", "intrusion", false, "", "", NULL},
	/* of no kind, the attack may be no intrusion (a flood): the disruption is told */
	{"An attack then disrupted the payment portal.", "intrusion", false, "", "", NULL},
	{"An attack then disrupted the payment portal.", "impact", true, NULL, PUB, "publication"},
	{"The city suffered a cyberattack.", "intrusion", true, NULL, PUB, "publication"},
	{"The clinic reported a ransomware attack.", "intrusion", true, NULL, PUB, "publication"},
	{"Customers have received scam emails about refunds.", "intrusion", true, NULL, PUB, "publication"},
	{"An attack on the council's network on Monday disabled its email.", "intrusion", true, "2023-09-18", "2023-09-18", NULL},
	{"Friday's attack encrypted thousands of computers.", "intrusion", true, "2023-09-15", "2023-09-15", NULL},
	{"The attack disabled the booking system.", "intrusion", true, NULL, PUB, "publication"},
	/* a quantified plural names a kind, or other incidents than this one */
	{"Such attacks have become common against hospitals.", "intrusion", false, "", "", NULL},
	{"The same loader later turned up in other attacks on shipping firms.", "intrusion", false, "", "", NULL},
	{"Many phishing scams imitate the tax agency's letters.", "intrusion", false, "", "", NULL},
	{"Some ransomware attacks also threaten to publish the files.", "intrusion", false, "", "", NULL},
	{"Hackers stole the payroll data, and other attacks followed.", "intrusion", true, NULL, PUB, "publication"},
	/* in a sentence about a flaw, an ability or modal word anywhere before
	 * the cue makes it what the flaw lets an attacker do */
	{"The bug can be exploited by a local user, to crash and hijack the service.", "intrusion", false, "", "", NULL},
	{"The zero-day flaw could have allowed attackers to hijack a Windows system.", "intrusion", false, "", "", NULL},
	{"If the router is on a network, and an attacker gains access to it, the flaw lets them take over.", "intrusion", false, "", "", NULL},
	{"Hackers may have used the flaw to steal customer data.", "intrusion", true, NULL, PUB, "publication"},
	{"Hackers exploited the flaw to steal customer data in May.", "intrusion", true, "2023-05-01", "2023-05-31", NULL},
	{"Attackers can no longer log in, and hackers stole the data in June.", "intrusion", true, "2023-06-01", "2023-06-30", NULL},
	/* after an agent, "took" is no act on a victim; what was taken or
	 * controlled is */
	{"The attackers also took advantage of a Windows utility to install a service.", "intrusion", false, "", "", NULL},
	{"Online bank thieves took so long to join in.", "intrusion", false, "", "", NULL},
	{"Hackers took control of the utility's systems on Monday.", "intrusion", true, "2023-09-18", "2023-09-18", NULL},
	{"The attackers took the files before encrypting the servers.", "intrusion", true, NULL, PUB, "publication"},
	{"The port suffered several attacks on its cargo system in June.", "intrusion", true, "2023-06-01", "2023-06-30", NULL},
};

static void test_kinds(void **state)
{
	(void)state;
	check_type_cases(kind_cases, sizeof kind_cases / sizeof *kind_cases);
}

typedef struct {
	const char *text;
	const char *stance;
	const char *actor;    /* NULL: none */
	const char *claimant; /* NULL: don't check */
} claim_case;

static const claim_case claim_cases[] = {
	{"The spokesperson declined to comment on who might be behind the attack.", "unattributed", NULL, "The spokesperson"},
	{"The court does not report the origin of the cyberattack.", "unattributed", NULL, NULL},
	{"According to Mandiant, the attack was carried out by APT28.", "asserted", "APT28", "Mandiant"},
	{"Officials said Fancy Bear was responsible for the breach.", "asserted", "APT28", "Officials"},
	{"Investigators suspect the GRU was behind the intrusion.", "suspected", "GRU", NULL},
	{"The Kremlin denied any involvement and rejected claims it was behind the hack.", "denied", "Russia", NULL},
	{"The LockBit gang claimed responsibility for the attack.", "asserted", "LockBit", NULL},
	{"The Kremlin denied that Russia was involved.", "denied", "Russia", "The Kremlin"},
	{"Moscow has flatly denied any involvement in the hack.", "denied", "Russia", "Moscow"},
	{"Microsoft suspects the intruders are linked to China.", "suspected", "China", "Microsoft"},
	{"Investigators believe Lazarus carried out the heist, the FBI said.", "suspected", "Lazarus Group", "Investigators"},
	{"Security researchers at ESET attributed the campaign to the Sandworm group.", "asserted", "Sandworm", "ESET"},
	{"The FBI has also said North Korea was behind the hack.", "asserted", "North Korea", "The FBI"},
	/* unknown or unnamed */
	{"It is not known who carried out the attack.", "unattributed", NULL, NULL},
	{"The agency does not know who is behind the breach.", "unattributed", NULL, NULL},
	{"No group has claimed responsibility for the attack.", "unattributed", NULL, NULL},
	/* a self-claim by a name the alias table does not know: the claimant is the actor */
	{"The hackers, who claimed responsibility on Telegram, said the attack was retaliation.", "asserted", "The hackers", "The hackers"},
};

static void test_claims(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof claim_cases / sizeof *claim_cases; i++) {
		const claim_case *c = &claim_cases[i];
		incline_timeline tl = {0};
		extract_text(&tl, c->text);
		const incline_event *ev = find_type(&tl, "attribution");
		if (!ev)
			fail_msg("%s: no attribution event", c->text);
		if (strcmp(incline_stance_name(ev->claim.stance), c->stance))
			fail_msg("%s: stance %s, wanted %s", c->text, incline_stance_name(ev->claim.stance), c->stance);
		if (c->actor)
			assert_string_equal(ev->claim.actor, c->actor);
		else
			assert_null(ev->claim.actor);
		if (c->claimant) {
			if (!ev->claim.claimant || !strstr(ev->claim.claimant, c->claimant))
				fail_msg("%s: claimant %s, wanted %s", c->text,
					 ev->claim.claimant ? ev->claim.claimant : "(none)", c->claimant);
		}
		incline_timeline_free(&tl);
	}
}

static void test_hedged(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "The attackers may have accessed patient records.");
	const incline_event *ev = find_type(&tl, "intrusion");
	assert_non_null(ev);
	assert_true(ev->flags & INCLINE_EVENT_HEDGED);
	assert_true(ev->evidence[0].flags & INCLINE_EVIDENCE_HEDGED);
	incline_timeline_free(&tl);
}

static size_t count_type(const incline_timeline *tl, const char *type)
{
	size_t n = 0;
	for (size_t i = 0; i < tl->n; i++)
		n += strcmp(incline_event_type_name(tl->events[i].type), type) == 0;
	return n;
}

/* "The problem" right after a sentence naming a flaw names it again; with
 * no flaw before, it is just a problem. */
static void test_flaw_named_again(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "Researchers found a flaw in the router firmware. "
			  "The problem arises when the device parses long host names.");
	assert_int_equal(count_type(&tl, "vulnerability"), 2);
	incline_timeline_free(&tl);
	memset(&tl, 0, sizeof tl);
	extract_text(&tl, "The mayor spoke about traffic. The problem arises every morning.");
	assert_int_equal(count_type(&tl, "vulnerability"), 0);
	incline_timeline_free(&tl);
}

/* Right after a flaw is named, the versions it reaches are the flaw's
 * reach, and a bare "attack" is the way to exploit it. */
static void test_after_a_flaw(void **state)
{
	static const struct {
		const char *text;
		const char *type;
		size_t n;
	} cases[] = {
		{"Researchers disclosed a flaw in the camera software. Versions 2.1 and earlier are affected.", "vulnerability", 2},
		{"A critical bug was found in the mail server. It affects all installations before release 9.", "vulnerability", 2},
		{"A critical bug was found in the mail server. An attack needs no password.", "intrusion", 0},
		{"The city upgraded its phone system. Versions of the app were affected by delays.", "vulnerability", 0},
		{"The city upgraded its phone system. An attack on Monday disrupted the payment portal.", "intrusion", 1},
		{"Researchers found a hole in the VPN. Hackers then stole the passwords of 900 users.", "intrusion", 1},
	};
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		incline_timeline tl = {0};
		extract_text(&tl, cases[i].text);
		if (count_type(&tl, cases[i].type) != cases[i].n)
			fail_msg("%s: %zu %s events, wanted %zu", cases[i].text,
				 count_type(&tl, cases[i].type), cases[i].type, cases[i].n);
		incline_timeline_free(&tl);
	}
}

/* A vague expression is still where the date came from: its span is kept. */
static void test_vague_date_span(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "Skimmers stole card data at the chain over the past four years.");
	const incline_event *ev = find_type(&tl, "intrusion");
	assert_non_null(ev);
	assert_true(ev->when.has_span);
	assert_string_equal(ev->when.text, "the past four years");
	incline_timeline_free(&tl);
}

/* "He" continues the previous sentence: its date carries over. */
static void test_narrative_date_carries(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "In August, the prosecutor warned of the risk. He said hackers breached the registry.");
	const incline_event *ev = find_type(&tl, "intrusion");
	assert_non_null(ev);
	day_is(ev->when.date.earliest, "2023-08-01", "earliest", "carry");
	incline_timeline_free(&tl);
	/* a new paragraph does not continue it */
	extract_text(&tl, "In August, the prosecutor warned of the risk.\n\nHe said hackers breached the registry.");
	ev = find_type(&tl, "intrusion");
	assert_non_null(ev);
	assert_int_equal(ev->when.basis, INCLINE_BASIS_PUBLICATION);
	incline_timeline_free(&tl);
}

static void test_evidence_and_actors(void **state)
{
	(void)state;
	incline_timeline tl = {0};
	extract_text(&tl, "A Russian spy working for the GRU infiltrated the court in 2022.");
	assert_true(tl.n >= 1);
	const incline_event *ev = &tl.events[0];
	assert_int_equal(ev->n_evidence, 1);
	assert_string_equal(ev->evidence[0].article, "t.txt");
	assert_string_equal(ev->evidence[0].quote, "A Russian spy working for the GRU infiltrated the court in 2022.");
	assert_int_equal(ev->evidence[0].end - ev->evidence[0].start, strlen(ev->evidence[0].quote));
	assert_int_equal(ev->n_actors, 1);
	assert_string_equal(ev->actors[0], "GRU");
	assert_int_equal(tl.n_articles, 1);
	incline_timeline_free(&tl);
}

static void test_user_actors(void **state)
{
	(void)state;
	char path[] = "/tmp/incline-actors-XXXXXX";
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");
	incline_error err;
	incline_timeline tl = {0};

	fputs("# alias<TAB>name\nNoisy Kitten\tAPT99\n", fp);
	fclose(fp);
	incline_error_clear(&err);
	assert_int_equal(incline_extract_load_actors(extractor, path, &err), 0);
	extract_text(&tl, "Officials said Noisy Kitten was behind the breach.");
	const incline_event *ev = find_type(&tl, "attribution");
	assert_non_null(ev);
	assert_string_equal(ev->claim.actor, "APT99");
	incline_timeline_free(&tl);

	fp = fopen(path, "w");
	fputs("no tab on this line\n", fp);
	fclose(fp);
	incline_error_clear(&err);
	assert_int_equal(incline_extract_load_actors(extractor, path, &err), INCLINE_EINVAL);
	assert_int_equal(err.line, 1);
	remove(path);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_hedged),
		cmocka_unit_test(test_vague_date_span),
		cmocka_unit_test(test_flaw_named_again),
		cmocka_unit_test(test_after_a_flaw),
		cmocka_unit_test(test_narrative_date_carries),
		cmocka_unit_test(test_evidence_and_actors),
		cmocka_unit_test(test_user_actors),
	};
	return cmocka_run_group_tests_name("extract", tests, setup, teardown);
}
