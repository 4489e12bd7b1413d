/* Attribution claims read the way an analyst reads them: who is said to
 * be behind it (actor), who says so (claimant) and how sure (stance).
 * Every case is a short article in a shape news uses (the real shapes are
 * listed in test/eval/claims.tsv): sentences that name people and
 * organisations, then the claim, so that a claimant told by a pronoun or
 * a definite noun ("he said", "the company said", "they claimed") is the
 * name the article gave before. The claim checked is the evidence's own
 * (the sentence holding `marker`). Claimants are compared whole. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "incline/incline.h"

#define PUB "2023-09-19"

#include "extract_fixture.h"

typedef struct {
	const char *text;     /* the article body */
	const char *marker;   /* a bit of the claim's sentence */
	const char *actor;    /* "-": none */
	const char *claimant; /* "-": none */
	const char *stance;
} claim_case;

static const claim_case cases[] = {
	/* ---- pronouns: the person, organisation or people named before ---- */
	{"Jaime Blasco, chief scientist at AlienVault, studied the emails. "
	 "He said the Lazarus Group was behind the attack.",
	 "He said", "Lazarus Group", "Jaime Blasco", "asserted"},
	{"Mayor Keisha Lance Bottoms spoke to reporters on Friday. "
	 "She said Russia was behind the attack on the city.",
	 "She said", "Russia", "Mayor Keisha Lance Bottoms", "asserted"},
	{"Mandiant researchers analysed the malware found on the servers. "
	 "They said APT28 was behind the intrusion.",
	 "They said", "APT28", "Mandiant researchers", "asserted"},
	{"Equifax confirmed the breach on Monday. "
	 "It said the Lazarus Group was behind the attack.",
	 "It said", "Lazarus Group", "Equifax", "asserted"},
	/* "they" in the sentence that names them */
	{"Google and security firm Lookout disclosed the spyware, which they attributed to APT28.",
	 "which they", "APT28", "Google and security firm Lookout", "asserted"},
	/* nobody named before: no claimant rather than "He" */
	{"He said Russia was behind the attack.", "He said", "Russia", "-", "asserted"},

	/* ---- definite nouns: a name of the right kind, the same head first ---- */
	{"Equifax confirmed the breach on Monday. "
	 "The company said the Lazarus Group was behind the attack.",
	 "The company", "Lazarus Group", "Equifax", "asserted"},
	{"The International Criminal Court (ICC) detected the intrusion. Kaspersky helped. "
	 "The court said it does not know who was behind the attack.",
	 "The court said", "-", "International Criminal Court", "unattributed"},
	{"Researchers at Mandiant found the implant in March. "
	 "The researchers said Sandworm was behind the outage.",
	 "The researchers said", "Sandworm", "Researchers at Mandiant", "asserted"},
	{"Context Information Security found the intrusion. "
	 "The company was confident Fancy Bear was responsible.",
	 "was confident", "APT28", "Context Information Security", "asserted"},
	{"The campaign was uncovered by security researchers at PwC, BAE Systems, and the UK's "
	 "National Cyber Security Centre. The researchers say APT10 was behind it.",
	 "The researchers say", "APT10",
	 "security researchers at PwC, BAE Systems, and the UK's National Cyber Security Centre", "asserted"},
	/* told of first here: the words stay */
	{"The ministry said the GRU was behind the attack.", "The ministry", "GRU", "The ministry", "asserted"},
	/* ", the firm said" at the end */
	{"Kaspersky said it found the malware in May. "
	 "The attack was the work of the Lazarus Group, the firm said.",
	 "the firm said", "Lazarus Group", "Kaspersky", "asserted"},

	/* ---- quotations: the speaker after the quote, with their role ---- */
	{"\"We believe Conti was behind the attack,\" said John Smith, a researcher at Mandiant.",
	 "We believe", "Conti", "John Smith, a researcher at Mandiant", "suspected"},
	{"\"Conti was behind the attack,\" John Smith, a researcher at Mandiant, said in an email.",
	 "Conti was", "Conti", "John Smith, a researcher at Mandiant", "asserted"},
	{"\"Conti was behind the attack,\" said Forcepoint researchers.",
	 "Conti was", "Conti", "Forcepoint researchers", "asserted"},
	/* a denied belief about the group named before */
	{"Last month Fancy Bear used a similar method. "
	 "\"I don't believe they are behind this attack,\" Jaime Blasco, chief scientist at AlienVault, said.",
	 "believe they", "APT28", "Jaime Blasco, chief scientist at AlienVault", "denied"},

	/* ---- "X denied" and "denied X" ---- */
	{"Mailinator, a provider of email services, denied any involvement in the attack.",
	 "denied any", "Mailinator", "Mailinator, a provider of email services", "denied"},
	{"Officials denied that the Lazarus Group was involved in the theft.",
	 "Officials denied", "Lazarus Group", "Officials", "denied"},
	{"Russian officials denied playing any role in the hacks attributed to Fancy Bear.",
	 "denied playing", "APT28", "Russian officials", "denied"},

	/* ---- who the subject is: long names, dates, passives, relatives ---- */
	{"German intelligence in 2015 accused Russia of hacking the parliament.",
	 "accused", "Russia", "German intelligence", "asserted"},
	{"The world governing body of track and field said Monday it was hit by an attack carried out by Fancy Bear.",
	 "governing body", "APT28", "The world governing body of track and field", "asserted"},
	{"The attack, which the U.S. has blamed on North Korea, hit hospitals.",
	 "which the U.S.", "North Korea", "the U.S", "asserted"},
	{"Most of the campaigns were attributed to the threat actor tracked by Proofpoint as TA543.",
	 "tracked by", "TA543", "Proofpoint", "asserted"},
	{"APT10 is a group presumably attributed to the Ministry of State Security.",
	 "presumably", "APT10", "-", "suspected"},
	{"Hospitals were hit by attackers linked to Iran who stole records.",
	 "linked to Iran", "Iran", "-", "asserted"},

	/* a relative clause or a first verb between the subject and the claim */
	{"Kevin Beaumont, who first spotted the flaw, said the Lazarus Group was behind the attack.",
	 "first spotted", "Lazarus Group", "Kevin Beaumont", "asserted"},
	{"The FBI investigated the theft and blamed North Korea.",
	 "investigated", "North Korea", "The FBI", "asserted"},
	{"The ministry reported the outage and stressed that the attack's origin is unknown.",
	 "stressed", "-", "The ministry", "unattributed"},

	/* ---- actors the alias table does not list ---- */
	{"Proofpoint attributes this campaign to TA456, an Iranian-aligned adversary.",
	 "attributes", "TA456", "Proofpoint", "asserted"},
	{"### Attribution\n\nProofpoint attributes this campaign to TA456.",
	 "attributes", "TA456", "Proofpoint", "asserted"},
	{"Investigators blamed the attacks on a pro-Russia group called CyberBerkut.",
	 "blamed", "CyberBerkut", "Investigators", "asserted"},
	{"A hacker who goes by \"IShAkDz\" has taken credit for the attack.",
	 "taken credit", "IShAkDz", "IShAkDz", "asserted"},
	{"A Twitter user by the name @EugenePupov is trying to take credit for the phishing attack.",
	 "take credit", "@EugenePupov", "@EugenePupov", "asserted"},
	{"The group that claimed responsibility, CyberBerkut, posted the files online.",
	 "claimed responsibility", "CyberBerkut", "CyberBerkut", "asserted"},
	{"LockBit listed the hospital on its leak site on Monday. "
	 "The group claimed responsibility for the attack.",
	 "The group claimed", "LockBit", "LockBit", "asserted"},

	/* ---- negated and hedged ---- */
	{"Homeland security adviser Tom Bossert briefed reporters. "
	 "He did not say who was behind the attack.",
	 "did not say", "-", "Tom Bossert", "unattributed"},
	{"Kaspersky published its report on Tuesday. "
	 "It said the attack was possibly the work of Conti.",
	 "It said", "Conti", "Kaspersky", "suspected"},
	{"Proofpoint does not attribute the activity to a specific group.",
	 "does not attribute", "-", "Proofpoint", "unattributed"},
	{"This APT is supposedly attributed to the Chinese government.",
	 "supposedly", "China", "-", "suspected"},
	{"While researchers can't say who was behind the attack, the leak continues.",
	 "can't say", "-", "researchers", "unattributed"},
	/* participles after a noun are no one's claim */
	{"Researchers found a malicious campaign allegedly attributed to APT10 against Turkish firms.",
	 "allegedly", "APT10", "-", "suspected"},
	{"The analysis revealed a technique never attributed to APT41 before.",
	 "never attributed", "APT41", "-", "unattributed"},
	/* "claims" as a noun is nobody's claim */
	{"Those claims could not be verified, and it is unclear who was behind the leak.",
	 "Those claims", "-", "-", "unattributed"},
	{"Researchers said the Sandworm group was not behind the outage.",
	 "not behind", "Sandworm", "Researchers", "denied"},
};

/* The claim of the evidence whose sentence holds marker, or NULL. */
static const incline_claim *claim_at(const incline_timeline *tl, const char *marker)
{
	for (size_t i = 0; i < tl->n; i++) {
		const incline_event *ev = &tl->events[i];
		if (ev->type != INCLINE_EVENT_ATTRIBUTION)
			continue;
		for (size_t k = 0; k < ev->n_evidence; k++)
			if (strstr(ev->evidence[k].quote, marker))
				return &ev->evidence[k].claim;
	}
	return NULL;
}

static bool same(const char *want, const char *got)
{
	return strcmp(want, "-") == 0 ? got == NULL : got && strcmp(want, got) == 0;
}

static void test_claims(void **state)
{
	size_t bad = 0;
	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		const claim_case *c = &cases[i];
		incline_timeline tl = {0};
		const incline_claim *cl;
		extract_text(&tl, c->text);
		cl = claim_at(&tl, c->marker);
		if (!cl) {
			print_error("%s: no claim\n", c->text);
			bad++;
		} else if (!same(c->actor, cl->actor) || !same(c->claimant, cl->claimant) ||
			   strcmp(c->stance, incline_stance_name(cl->stance))) {
			print_error("%s:\n  got actor %s, claimant %s, %s\n  want %s, %s, %s\n", c->text,
				    cl->actor ? cl->actor : "(none)", cl->claimant ? cl->claimant : "(none)",
				    incline_stance_name(cl->stance), c->actor, c->claimant, c->stance);
			bad++;
		}
		incline_timeline_free(&tl);
	}
	if (bad)
		fail_msg("%zu of %zu claims wrong", bad, sizeof cases / sizeof *cases);
}

/* A name told more than CLAIM_CONTEXT sentences before is forgotten; a
 * claim never reaches into another article. */
static void test_context_is_the_article(void **state)
{
	incline_timeline tl = {0};
	const incline_claim *cl;
	(void)state;
	extract_text(&tl, "Equifax confirmed the breach on Monday.");
	extract_text(&tl, "The company said the Lazarus Group was behind the attack.");
	cl = claim_at(&tl, "The company");
	assert_non_null(cl);
	assert_string_equal(cl->claimant, "The company");
	incline_timeline_free(&tl);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_claims),
		cmocka_unit_test(test_context_is_the_article),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
